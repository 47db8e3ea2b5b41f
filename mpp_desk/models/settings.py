"""Stored settings: office-wide ones (synced) and this PC's own (keyed by its device id)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from mpp_desk.models.base import Base, SyncMixin


class SettingValue(SyncMixin, Base):
    """A setting changed from its default. The declarations and defaults live in :mod:`mpp_desk.settings`.

    ``pc_id`` is the owning device for scope "pc" and "" for scope "office". The row id is
    derived from scope, PC and key, so two PCs that set the same office setting offline
    write the same record (a version conflict for the server), never two.
    """

    __tablename__ = "setting"
    __table_args__ = (UniqueConstraint("scope", "pc_id", "key", name="uq_setting_scope_pc_key"),)

    OFFICE = "office"
    PC = "pc"

    scope: Mapped[str] = mapped_column(String(8))
    pc_id: Mapped[str] = mapped_column(String(36), default="")
    key: Mapped[str] = mapped_column(String(64))
    value: Mapped[Any] = mapped_column(JSON, nullable=True)
