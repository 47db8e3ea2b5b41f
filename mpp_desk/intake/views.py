"""Immutable results of the intake services: what screens, commands and receipts receive.

No ORM object leaves a unit of work. Datetimes are aware UTC (show them with
:func:`mpp_desk.officetime.local`); dates are office dates. Personal data is filled in only for
actors who may see it (``Permission.VIEW_PERSONAL_DATA``); otherwise names are masked and the
NIK, phone and address are left out.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field


@dataclass(frozen=True)
class ServiceChoice:
    """A catalogue service as the intake picker lists it; ``last_used`` is set for recent ones."""

    annex_number: int
    kbli: str
    title: str
    product_type: str
    risk_level: str
    completion_working_days: int
    requirement_count: int
    last_used: dt.datetime | None = None
    id: uuid.UUID | None = None  # the catalogue row (a queue ticket names its service by id)


@dataclass(frozen=True)
class ApplicantView:
    kind: str
    nik: str  # "" when hidden
    nik_masked: str
    full_name: str
    phone: str
    address: str
    business_name: str
    nib: str
    npwp: str
    business_kbli: str
    revealed: bool = True

    @property
    def display_name(self) -> str:
        """The business name for a business, the person's name otherwise."""
        return self.business_name or self.full_name


@dataclass(frozen=True)
class ChecklistItemView:
    position: int
    kind: str  # general | special
    text: str
    state: str | None
    note: str


@dataclass(frozen=True)
class StatusChangeView:
    from_status: str | None
    to_status: str
    at: dt.datetime
    actor_username: str
    reason: str
    handed_over_to: str


@dataclass(frozen=True)
class ReceiptRef:
    """A receipt handed out for a visit (the PDF copy lives at ``pdf_path`` under the data folder)."""

    id: uuid.UUID
    kind: str
    copy_number: int
    size: str
    issued_at: dt.datetime
    pdf_path: str
    sha256: str
    printed_at: dt.datetime | None


@dataclass(frozen=True)
class ApplicationView:
    id: uuid.UUID
    visit_id: uuid.UUID
    registration_number: str
    received_at: dt.datetime
    received_date: dt.date
    due_date: dt.date
    status: str
    status_changed_at: dt.datetime | None
    rejection_reason: str
    handed_over_to: str
    handed_over_at: dt.datetime | None
    overdue_working_days: int | None = None  # set when open and past its due date
    history: tuple[StatusChangeView, ...] = ()
    due_estimated: bool = False  # the due date's year has no confirmed calendar yet (cuti bersama not decreed)

    @property
    def overdue(self) -> bool:
        return self.overdue_working_days is not None


@dataclass(frozen=True)
class VisitView:
    """One intake visit with its checklist, and its application once registered."""

    id: uuid.UUID
    service_annex_number: int
    service_title: str
    service_kbli: str
    product_type: str
    risk_level: str
    completion_working_days: int
    fee: str
    output: str
    ticket_id: uuid.UUID | None
    ticket_code: str | None
    previous_visit_id: uuid.UUID | None
    officer_username: str
    officer_name: str
    started_at: dt.datetime
    finished_at: dt.datetime | None
    outcome: str | None
    applicant: ApplicantView
    items: tuple[ChecklistItemView, ...]
    application: ApplicationView | None = None
    receipts: tuple[ReceiptRef, ...] = ()
    warnings: tuple[str, ...] = field(default=(), compare=False)  # translated-ready English sources

    @property
    def is_open(self) -> bool:
        return self.outcome is None

    @property
    def all_present(self) -> bool:
        return all(item.state == "present_valid" for item in self.items)


@dataclass(frozen=True)
class FileRow:
    """One line of the file list: a registered application, or an incomplete visit (no number)."""

    visit_id: uuid.UUID
    application_id: uuid.UUID | None
    registration_number: str | None
    status: str  # an application status, or "incomplete"
    service_title: str
    service_kbli: str
    applicant_name: str  # masked without VIEW_PERSONAL_DATA
    nik_masked: str
    business_name: str
    nib: str
    received_at: dt.datetime
    received_date: dt.date
    due_date: dt.date | None
    overdue_working_days: int | None = None  # set when open and past its due date
    due_today: bool = False

    @property
    def overdue(self) -> bool:
        return self.overdue_working_days is not None


@dataclass(frozen=True)
class VisitSummary:
    """An open draft or a past visit, for "continue" and "start from it" lists."""

    id: uuid.UUID
    service_title: str
    service_kbli: str
    applicant_name: str
    nik_masked: str
    started_at: dt.datetime
    outcome: str | None
    missing_count: int = 0
