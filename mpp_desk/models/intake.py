"""Intake (penerimaan berkas): visits at the counter, their checklists, registered applications,
status history and the receipts handed out.

Rules live in :mod:`mpp_desk.intake`. Every visit is kept, complete or not; only a complete one
gets an :class:`Application` with a registration number. The applicant's data sits on the visit
(one row per visit), so an incomplete visit still says who came and a later visit can copy it.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mpp_desk.models.base import Base, SyncMixin, UTCDateTime


class IntakeVisit(SyncMixin, Base):
    """One applicant at one counter for one service: the intake form as it was filled in.

    ``outcome`` is None while the officer is still working on it (a draft that survives a crash
    or a closed window), then ``complete`` (an :class:`Application` exists), ``incomplete`` (a
    return slip was handed out) or ``cancelled``. The service's key fields are copied here, so a
    reprint years later says what the standard said on the day.

    Personal data (NIK, names, phone, address) lives only in this table. ``name_key`` and
    ``business_name_key`` are the names folded for prefix search (:func:`mpp_desk.intake.rules.name_key`).
    """

    __tablename__ = "intake_visit"

    COMPLETE = "complete"
    INCOMPLETE = "incomplete"
    CANCELLED = "cancelled"
    PERSON = "person"
    BUSINESS = "business"

    service_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("service_standard.id"))
    service_annex_number: Mapped[int] = mapped_column(Integer)
    service_title: Mapped[str] = mapped_column(String(500))
    service_kbli: Mapped[str] = mapped_column(String(5), index=True)
    product_type: Mapped[str] = mapped_column(String(100), default="")
    risk_level: Mapped[str] = mapped_column(String(50), default="")
    completion_working_days: Mapped[int] = mapped_column(Integer, default=0)
    fee: Mapped[str] = mapped_column(Text, default="")
    output: Mapped[str] = mapped_column(Text, default="")

    ticket_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("queue_ticket.id"), default=None, index=True)
    previous_visit_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("intake_visit.id"), default=None, index=True
    )
    officer_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("staff_user.id"), default=None)
    officer_username: Mapped[str] = mapped_column(String(64), default="")
    officer_name: Mapped[str] = mapped_column(String(200), default="")
    counter_number: Mapped[int | None] = mapped_column(Integer, default=None)
    started_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    finished_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, default=None)
    outcome: Mapped[str | None] = mapped_column(String(16), default=None)

    applicant_kind: Mapped[str] = mapped_column(String(16), default=PERSON)
    nik: Mapped[str] = mapped_column(String(16), default="", index=True)
    full_name: Mapped[str] = mapped_column(String(200), default="")
    name_key: Mapped[str] = mapped_column(String(200), default="", index=True)
    phone: Mapped[str] = mapped_column(String(20), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    business_name: Mapped[str] = mapped_column(String(300), default="")
    business_name_key: Mapped[str] = mapped_column(String(300), default="", index=True)
    nib: Mapped[str] = mapped_column(String(13), default="", index=True)
    npwp: Mapped[str] = mapped_column(String(16), default="")
    business_kbli: Mapped[str] = mapped_column(String(5), default="", index=True)

    items: Mapped[list[ChecklistItem]] = relationship(
        back_populates="visit", order_by="ChecklistItem.position", foreign_keys="ChecklistItem.visit_id"
    )

    __table_args__ = (
        # "My open drafts" and "services I used lately" for one officer.
        Index("ix_intake_visit_officer_started", "officer_id", "started_at"),
        Index("ix_intake_visit_outcome_finished", "outcome", "finished_at"),
    )


class ChecklistItem(SyncMixin, Base):
    """One requirement of the visit's service as the officer checked it.

    ``text`` and ``kind`` are copied from the catalogue when the visit starts; ``state`` is None
    until checked, then ``present_valid``, ``missing`` or ``invalid``.
    """

    __tablename__ = "intake_checklist_item"
    __table_args__ = (UniqueConstraint("visit_id", "position"),)

    PRESENT_VALID = "present_valid"
    MISSING = "missing"
    INVALID = "invalid"
    STATES = (PRESENT_VALID, MISSING, INVALID)

    visit_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("intake_visit.id"))
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))  # general | special (catalogue Requirement.kind)
    text: Mapped[str] = mapped_column(Text)
    state: Mapped[str | None] = mapped_column(String(16), default=None)
    note: Mapped[str] = mapped_column(Text, default="")

    visit: Mapped[IntakeVisit] = relationship(back_populates="items", foreign_keys=[visit_id])


class Application(SyncMixin, Base):
    """A complete file ("lengkap dan benar") with its registration number and due date.

    The number is ``MPP/YYYY/MM/BBSSSS``: year and month of receipt (office time), a two-digit
    block of the PC that registered it, then the block's sequence in that month (see
    :mod:`mpp_desk.intake.numbers`). The parts are kept as columns too: the unique constraint on
    them and the index behind "the block's highest sequence this month".
    """

    __tablename__ = "intake_application"

    RECEIVED = "received"
    IN_PROCESS = "in_process"
    FINISHED = "finished"
    REJECTED = "rejected"
    HANDED_OVER = "handed_over"
    STATUSES = (RECEIVED, IN_PROCESS, FINISHED, REJECTED, HANDED_OVER)
    OPEN_STATUSES = (RECEIVED, IN_PROCESS)

    visit_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("intake_visit.id"), unique=True)
    registration_number: Mapped[str] = mapped_column(String(40), unique=True)
    reg_year: Mapped[int] = mapped_column(Integer)
    reg_month: Mapped[int] = mapped_column(Integer)
    reg_block: Mapped[int] = mapped_column(Integer)
    reg_sequence: Mapped[int] = mapped_column(Integer)
    received_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    received_date: Mapped[dt.date] = mapped_column(Date, index=True)  # office date of receipt
    due_date: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default=RECEIVED)
    status_changed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, default=None)
    finished_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, default=None)
    rejection_reason: Mapped[str] = mapped_column(Text, default="")
    handed_over_to: Mapped[str] = mapped_column(String(200), default="")
    handed_over_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, default=None)

    visit: Mapped[IntakeVisit] = relationship()

    __table_args__ = (
        UniqueConstraint("reg_year", "reg_month", "reg_block", "reg_sequence"),
        # Today's due and overdue files: open statuses by due date.
        Index("ix_intake_application_status_due", "status", "due_date"),
    )


class ApplicationStatusChange(SyncMixin, Base):
    """One step of an application's status, with who and when; append-only."""

    __tablename__ = "intake_status_change"
    __append_only__ = True

    application_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("intake_application.id"), index=True)
    from_status: Mapped[str | None] = mapped_column(String(16), default=None)
    to_status: Mapped[str] = mapped_column(String(16))
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    actor_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)
    actor_username: Mapped[str] = mapped_column(String(64), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    handed_over_to: Mapped[str] = mapped_column(String(200), default="")

    # Also tells the unit of work to insert a new application before its first status row.
    application: Mapped[Application] = relationship()


class IntakeReceipt(SyncMixin, Base):
    """One receipt handed out: a Tanda Terima or a return slip, copy 1 or a reprint ("SALINAN").

    ``pdf_path`` is relative to the data folder; ``sha256`` is that file's digest, so a kept copy
    that was changed afterwards is noticed. ``token`` is the signed reference in its QR code.
    """

    __tablename__ = "intake_receipt"
    __table_args__ = (UniqueConstraint("visit_id", "kind", "copy_number"),)

    TANDA_TERIMA = "tanda_terima"
    RETURN_SLIP = "return_slip"

    visit_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("intake_visit.id"))
    application_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("intake_application.id"), default=None, index=True
    )
    kind: Mapped[str] = mapped_column(String(16))
    copy_number: Mapped[int] = mapped_column(Integer, default=1)
    size: Mapped[str] = mapped_column(String(8), default="A4")
    issued_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    issued_by: Mapped[str] = mapped_column(String(64), default="")
    pdf_path: Mapped[str] = mapped_column(String(300), default="")
    sha256: Mapped[str] = mapped_column(String(64), default="")
    token: Mapped[str] = mapped_column(Text, default="")
    printed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, default=None)
    printed_on: Mapped[str] = mapped_column(String(200), default="")

    visit: Mapped[IntakeVisit] = relationship()
    application: Mapped[Application | None] = relationship()
