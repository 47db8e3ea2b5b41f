"""The audit trail: append-only entries, chained by hash per device."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import JSON, Integer, String, Text, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from mpp_desk.models.base import Base, SyncMixin, UTCDateTime


class AuditEntry(SyncMixin, Base):
    """One thing of consequence that happened: who, when, what, on which device.

    Each device keeps its own chain: ``seq`` counts 1, 2, 3 ... per ``device_id`` and
    ``prev_hash`` is the ``hash`` of the entry before (see :mod:`mpp_desk.audit`). Rows are
    never updated or deleted (the unit of work refuses to); no personal data beyond the
    actor's username goes into any column.
    """

    __tablename__ = "audit_entry"
    __table_args__ = (UniqueConstraint("device_id", "seq", name="uq_audit_entry_device_seq"),)
    __append_only__ = True

    seq: Mapped[int] = mapped_column(Integer)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, index=True)
    actor_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)
    actor_username: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64), index=True)
    entity: Mapped[str | None] = mapped_column(String(64), default=None)
    entity_id: Mapped[str | None] = mapped_column(String(64), default=None, index=True)
    summary: Mapped[str] = mapped_column(Text, default="")
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
