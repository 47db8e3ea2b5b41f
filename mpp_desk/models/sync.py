"""Local-only bookkeeping for sync: the transactional outbox and this PC's own state.

These two tables are the exception to "every table is sync-ready": they describe this
device and never leave it.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import JSON, Integer, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from mpp_desk.models.base import Base, UTCDateTime, utcnow


class OutboxEntry(Base):
    """One row per business write, committed in the same transaction as the write.

    ``seq`` is the device sequence: SQLite AUTOINCREMENT never reuses or lowers it. ``tx_id``
    names the local transaction (one user action): the server accepts or refuses its ops whole.
    ``result`` and ``result_reason`` keep the server's answer (accepted / rejected / conflict) once
    ``pushed_at`` is set, so a refused op stays visible (docs/sync.md).
    """

    __tablename__ = "sync_outbox"
    __table_args__ = {"sqlite_autoincrement": True}

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    op_id: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True, default=uuid.uuid4)
    device_id: Mapped[str] = mapped_column(String(36))
    entity: Mapped[str] = mapped_column(String(64))
    entity_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    op: Mapped[str] = mapped_column(String(16))  # insert | update | delete
    base_version: Mapped[int | None] = mapped_column(Integer)
    payload: Mapped[dict] = mapped_column(JSON)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    pushed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, default=None)
    tx_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None, index=True)
    result: Mapped[str | None] = mapped_column(String(16), default=None)
    result_reason: Mapped[str | None] = mapped_column(Text, default=None)


class LocalState(Base):
    """Key/value facts about this PC (its device id, later the sync cursor)."""

    __tablename__ = "local_state"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
