"""What leaves a complaint unit of work: frozen records, with personal data masked unless the actor may see it."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import Any

from mpp_desk.identifiers import mask_nik


@dataclass(frozen=True)
class Reporter:
    """Who filed the case, as the actor may see it (``masked``: personal data hidden)."""

    anonymous: bool
    name: str
    nik: str  # always masked (3214********0001): no screen needs the whole number
    phone: str
    email: str
    address: str
    masked: bool

    def display(self, anonymous_label: str = "Anonim") -> str:
        if self.anonymous:
            return anonymous_label
        return self.name or "—"


@dataclass(frozen=True)
class CaseSummary:
    """One line of a case list."""

    id: uuid.UUID
    case_number: str
    kind: str
    status: str
    channel: str
    channel_name: str
    received_at: dt.datetime
    received_on: dt.date
    respond_by: dt.date
    responded_on: dt.date | None
    reporter: Reporter
    service_title: str
    problem_type: str
    resolution_path: str
    assignee: str  # username, "" when nobody
    late: bool
    lapor_id: str
    substance_excerpt: str
    overdue_days: int = 0  # working days past respond_by without a response (0: not overdue)
    days_left: int | None = None  # working days until respond_by (open, not answered, not overdue)


@dataclass(frozen=True)
class StepView:
    """One timeline entry."""

    seq: int
    type: str
    at: dt.datetime
    actor: str
    notes: str
    path: str
    level: str
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class AttachmentView:
    id: uuid.UUID
    filename: str
    path: str  # relative to the data folder
    sha256: str
    size: int
    mime: str


@dataclass(frozen=True)
class CaseDetail:
    """Everything about one case, with its timeline and what may happen next."""

    summary: CaseSummary
    service_id: uuid.UUID | None
    service_other: str
    service_received_on: dt.date | None
    substance: str
    late_days: int | None
    late_decision: str | None
    late_decision_note: str
    rules: tuple[str, ...]
    lapor_direction: str
    sector: str
    outcome: str
    closed_at: dt.datetime | None
    receipt_prints: int
    steps: tuple[StepView, ...]
    attachments: tuple[AttachmentView, ...]
    apip_approved: bool
    has_follow_up: bool
    informed: bool
    reported: bool
    classified: bool = False  # problem type and sector/service recorded
    analysed: bool = False
    unreported_levels: tuple[str, ...] = ()  # levels that handled the case without their written report yet

    @property
    def id(self) -> uuid.UUID:
        return self.summary.id

    @property
    def case_number(self) -> str:
        return self.summary.case_number

    def missing_for_close(self) -> tuple[str, ...]:
        """Steps a complaint still needs before it can be closed ("classified", "analysed", "follow_up",
        "informed", "reported": a written report from each level that handled it)."""
        if self.summary.kind != "complaint":
            return ()
        needed = []
        if not self.classified:
            needed.append("classified")
        if not self.analysed:
            needed.append("analysed")
        if not self.has_follow_up:
            needed.append("follow_up")
        if not self.informed:
            needed.append("informed")
        if not self.reported or self.unreported_levels:
            needed.append("reported")
        return tuple(needed)


@dataclass(frozen=True)
class RelatedCase:
    """An earlier case that may bear on this one, and why it was found."""

    case: CaseSummary
    reasons: tuple[str, ...]  # "reporter", "service", "text"
    score: int


@dataclass(frozen=True)
class Draft:
    """An autosaved capture form."""

    form: dict[str, Any]
    saved_at: dt.datetime


# --- masking ----------------------------------------------------------------------------------


def mask_name(name: str) -> str:
    """ "Siti Aminah" -> "S*** A***": enough to tell two cases apart, not enough to name anyone."""
    return " ".join(word[0] + "***" for word in name.split()) if name else ""


def mask_phone(phone: str) -> str:
    """ "+6281234567890" -> "+62812*****890"."""
    if len(phone) <= 6:
        return "*" * len(phone)
    return phone[:6] + "*" * (len(phone) - 9) + phone[-3:] if len(phone) > 9 else phone[:3] + "*" * (len(phone) - 3)


def mask_email(email: str) -> str:
    """ "siti@example.com" -> "s***@example.com"."""
    local, at, domain = email.partition("@")
    return f"{local[:1]}***{at}{domain}" if at else ("***" if email else "")


def reporter_view(row, *, personal: bool) -> Reporter:
    """The reporter of a case row; *personal* False hides name, contacts and address."""
    if row.anonymous:
        return Reporter(True, "", "", "", "", "", not personal)
    if personal:
        return Reporter(False, row.reporter_name, mask_nik(row.reporter_nik) if row.reporter_nik else "",
                        row.reporter_phone, row.reporter_email, row.reporter_address, False)
    return Reporter(False, mask_name(row.reporter_name), mask_nik(row.reporter_nik) if row.reporter_nik else "",
                    mask_phone(row.reporter_phone), mask_email(row.reporter_email), "", True)
