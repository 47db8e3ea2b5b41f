"""Staff accounts: who may sign in, with which role, and the state of their sign-in."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, CheckConstraint, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from mpp_desk.models.base import Base, SyncMixin, UTCDateTime


class StaffUser(SyncMixin, Base):
    """A person who signs in. ``username`` is stored in lower case, so it is unique regardless of case.

    Hashes are argon2id strings (never the password or PIN itself). ``pin_hash`` is set only
    for administrators: their PIN lets a kiosk or display PC leave its machine mode.
    """

    __tablename__ = "staff_user"
    __table_args__ = (CheckConstraint("username = lower(username)", name="username_lower"),)

    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(32))
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, default=None)
    password_changed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, default=None)
    last_sign_in_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, default=None)
    pin_hash: Mapped[str | None] = mapped_column(String(255), default=None)
