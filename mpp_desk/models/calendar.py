"""Local changes to the working-day calendar (the national one comes from ``holidays``)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from mpp_desk.models.base import Base, SyncMixin


class CalendarOverride(SyncMixin, Base):
    """A day the office closes although it is a working day, or opens although it is a holiday."""

    __tablename__ = "calendar_override"

    CLOSED = "closed"
    OPEN = "open"

    day: Mapped[dt.date] = mapped_column(Date, unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(Text, default="")
