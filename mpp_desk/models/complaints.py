"""The complaint desk: cases (pengaduan, saran dan masukan), their timeline, attachments, drafts, channels.

Rules live in :mod:`mpp_desk.complaints`; these are the tables and the indexes behind the
supervisor's lists (open cases by respond-by date) and the register (cases by received date).
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    Uuid,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mpp_desk.models.base import Base, SyncMixin, UTCDateTime

# Literal SQL, not a bound parameter: SQLite only uses a partial index when the query repeats
# the index's WHERE term as written.
OPEN_SQL = "status = 'open'"


class ComplaintChannel(SyncMixin, Base):
    """A way a complaint can reach the office (seed item 6: in person, letter, telephone, ... box).

    Seeded from the service standard; the administrator may rename, reorder, add or retire
    channels. ``contact`` (a number, an address, an account) is printed on the complaint receipt
    as a way to ask about progress when ``on_receipt`` is set.
    """

    __tablename__ = "complaint_channel"

    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    contact: Mapped[str] = mapped_column(String(300), default="")
    on_receipt: Mapped[bool] = mapped_column(Boolean, default=False)
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class ComplaintCase(SyncMixin, Base):
    """One complaint or suggestion, from capture to closing.

    ``case_number`` is readable and unique across PCs: ``ADU/2026/11/K7Q-0042`` where ``K7Q`` is
    this PC's number block. ``kind`` is "complaint" or "suggestion" (the capture rules decide);
    ``late`` marks a complaint filed more than 30 calendar days after the service, with the
    officer's ``late_decision``. ``responded_on`` is the office date the complainant was first
    given the answer (or the case was closed without one), against ``respond_by``.
    """

    __tablename__ = "complaint_case"

    COMPLAINT = "complaint"
    SUGGESTION = "suggestion"
    OPEN = "open"
    CLOSED = "closed"

    case_number: Mapped[str] = mapped_column(String(40), unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16), default=OPEN)
    channel: Mapped[str] = mapped_column(String(32))
    received_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    received_on: Mapped[dt.date] = mapped_column(Date)  # the office date of received_at
    anonymous: Mapped[bool] = mapped_column(Boolean, default=False)
    reporter_name: Mapped[str] = mapped_column(String(200), default="")
    reporter_nik: Mapped[str] = mapped_column(String(16), default="")
    reporter_phone: Mapped[str] = mapped_column(String(20), default="")
    reporter_email: Mapped[str] = mapped_column(String(254), default="")
    reporter_address: Mapped[str] = mapped_column(Text, default="")
    service_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("service_standard.id"), default=None)
    service_other: Mapped[str] = mapped_column(String(300), default="")
    service_received_on: Mapped[dt.date | None] = mapped_column(Date, default=None)
    substance: Mapped[str] = mapped_column(Text, default="")
    late: Mapped[bool] = mapped_column(Boolean, default=False)
    late_decision: Mapped[str | None] = mapped_column(String(16), default=None)
    late_decision_note: Mapped[str] = mapped_column(Text, default="")
    assess_reasons: Mapped[list[str]] = mapped_column(JSON, default=list)  # rule codes applied at capture
    respond_by: Mapped[dt.date] = mapped_column(Date)
    lapor_id: Mapped[str] = mapped_column(String(40), default="")
    lapor_direction: Mapped[str] = mapped_column(String(8), default="")  # "from" / "to" LAPOR!
    sector: Mapped[str] = mapped_column(String(200), default="")
    problem_type: Mapped[str] = mapped_column(String(32), default="")
    resolution_path: Mapped[str] = mapped_column(String(16), default="")
    assignee_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("staff_user.id"), default=None)
    responded_on: Mapped[dt.date | None] = mapped_column(Date, default=None)
    closed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, default=None)
    outcome: Mapped[str] = mapped_column(Text, default="")
    receipt_prints: Mapped[int] = mapped_column(Integer, default=0)
    step_count: Mapped[int] = mapped_column(Integer, default=0)

    steps: Mapped[list[CaseStep]] = relationship(back_populates="case", order_by="CaseStep.seq")

    __table_args__ = (
        # Supervisor lists: open cases by respond-by date (due today, next days, overdue).
        Index(
            "ix_complaint_case_open_due",
            "respond_by",
            "responded_on",
            sqlite_where=text(OPEN_SQL),
            postgresql_where=text(OPEN_SQL),
        ),
        # The register and the period figures: cases by received date.
        Index("ix_complaint_case_received_on", "received_on", "kind"),
        Index("ix_complaint_case_service", "service_id", "received_on"),
        Index("ix_complaint_case_problem", "problem_type", "received_on"),
        Index("ix_complaint_case_assignee", "assignee_id", "status"),
        # Earlier cases of the same reporter.
        Index("ix_complaint_case_nik", "reporter_nik"),
        Index("ix_complaint_case_phone", "reporter_phone"),
    )


class CaseStep(SyncMixin, Base):
    """One entry of a case's timeline: who did what, when, with notes. Append-only.

    ``type`` is one of :data:`mpp_desk.complaints.labels.STEP_TYPES`; ``path`` and ``level``
    say where a resolution step stands (internal / agency / APIP; pelaksana ... kepala);
    ``data`` holds the step's structured fields (plan, link to the standard, how the
    complainant was informed, the written report to the superior, ...).
    """

    __tablename__ = "complaint_step"
    __table_args__ = (UniqueConstraint("case_id", "seq"),)
    __append_only__ = True

    case_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("complaint_case.id"))
    seq: Mapped[int] = mapped_column(Integer)
    type: Mapped[str] = mapped_column(String(24))
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    actor_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)
    actor_username: Mapped[str] = mapped_column(String(64))
    notes: Mapped[str] = mapped_column(Text, default="")
    path: Mapped[str] = mapped_column(String(16), default="")
    level: Mapped[str] = mapped_column(String(32), default="")
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    case: Mapped[ComplaintCase] = relationship(back_populates="steps")


class ComplaintAttachment(SyncMixin, Base):
    """A scanned letter or photo of a case, stored in the data folder under its SHA-256 name."""

    __tablename__ = "complaint_attachment"

    case_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("complaint_case.id"), index=True)
    filename: Mapped[str] = mapped_column(String(255))  # the name it had when it was added
    path: Mapped[str] = mapped_column(String(255))  # relative to the data folder
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    mime: Mapped[str] = mapped_column(String(64))

    # Also tells the unit of work to insert a new case before its attachments.
    case: Mapped[ComplaintCase] = relationship()


class ComplaintDraft(SyncMixin, Base):
    """What an officer has typed in the capture form, saved every few seconds until it is saved for real.

    One row per (owner, slot); a saved or discarded draft is soft-deleted and revived by the next
    autosave.
    """

    __tablename__ = "complaint_draft"
    __table_args__ = (UniqueConstraint("owner", "slot"),)

    owner: Mapped[str] = mapped_column(String(64))  # the staff user id, or "terminal"
    slot: Mapped[str] = mapped_column(String(32), default="capture")
    form: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    saved_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
