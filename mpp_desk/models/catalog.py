"""The service catalogue: service standards (Standar Pelayanan) and their requirements."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import JSON, Date, ForeignKey, Integer, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mpp_desk.models.base import Base, SyncMixin
from mpp_desk.models.queue import QueueGroup


class ServiceStandard(SyncMixin, Base):
    """One entry of the regulation annex: everything the standard says about a service."""

    __tablename__ = "service_standard"

    annex_number: Mapped[int] = mapped_column(Integer, unique=True)
    product_type: Mapped[str] = mapped_column(String(100))
    risk_level: Mapped[str] = mapped_column(String(50))
    kbli: Mapped[str] = mapped_column(String(5), index=True)
    title: Mapped[str] = mapped_column(String(500))
    procedure_classifications: Mapped[list[int]] = mapped_column(JSON, default=list)
    procedure_text: Mapped[str] = mapped_column(Text, default="")
    completion_working_days: Mapped[int] = mapped_column(Integer)
    completion_text: Mapped[str] = mapped_column(Text, default="")
    fee: Mapped[str] = mapped_column(Text, default="")
    output: Mapped[str] = mapped_column(Text, default="")
    complaint_handling: Mapped[str] = mapped_column(Text, default="")
    legal_basis: Mapped[list[str]] = mapped_column(JSON, default=list)
    facilities: Mapped[list[str]] = mapped_column(JSON, default=list)
    competencies: Mapped[list[str]] = mapped_column(JSON, default=list)
    internal_supervision: Mapped[list[str]] = mapped_column(JSON, default=list)
    service_guarantees: Mapped[list[str]] = mapped_column(JSON, default=list)
    safety_guarantees: Mapped[list[str]] = mapped_column(JSON, default=list)
    performance_evaluation: Mapped[str] = mapped_column(Text, default="")
    staff_count: Mapped[int | None] = mapped_column(Integer)
    queue_group_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("queue_group.id"))

    queue_group: Mapped[QueueGroup | None] = relationship()
    requirements: Mapped[list[Requirement]] = relationship(
        back_populates="service",
        order_by="(Requirement.kind, Requirement.position)",
    )


class Requirement(SyncMixin, Base):
    """One requirement of a service: general ("umum") or special ("khusus"), in order.

    Positions are kept dense by the catalogue service; no unique constraint on them, so
    a reorder can be written row by row.
    """

    __tablename__ = "service_requirement"
    GENERAL = "general"
    SPECIAL = "special"

    service_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("service_standard.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)

    service: Mapped[ServiceStandard] = relationship(back_populates="requirements")


class ProcedureClassification(SyncMixin, Base):
    """One classification of the regulation's Lampiran IV (Sistem, Mekanisme dan Prosedur): its steps, in order.

    A standard names its classifications by number (``ServiceStandard.procedure_classifications``).
    """

    __tablename__ = "procedure_classification"

    number: Mapped[int] = mapped_column(Integer, unique=True)
    name: Mapped[str] = mapped_column(String(300))
    steps: Mapped[list[str]] = mapped_column(JSON, default=list)


class StandardEvaluation(SyncMixin, Base):
    """One evaluation of a standard and its SOP (Evaluasi Kinerja: at least once a year).

    ``evaluator`` is who evaluated (names as written), ``recorded_by`` the account that entered it.
    The optional document (minutes, report) is stored like a complaint attachment: in the data
    folder under its SHA-256 (``document_path`` relative to it; all ``document_*`` empty when none).
    """

    __tablename__ = "standard_evaluation"

    service_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("service_standard.id"), index=True)
    evaluated_on: Mapped[dt.date] = mapped_column(Date, index=True)
    evaluator: Mapped[str] = mapped_column(String(300))
    notes: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(64), default="")
    document_filename: Mapped[str] = mapped_column(String(255), default="")
    document_path: Mapped[str] = mapped_column(String(255), default="")
    document_sha256: Mapped[str] = mapped_column(String(64), default="")
    document_size: Mapped[int] = mapped_column(Integer, default=0)
    document_mime: Mapped[str] = mapped_column(String(64), default="")

    # Also tells the unit of work to insert a new standard before its evaluations.
    service: Mapped[ServiceStandard] = relationship()
