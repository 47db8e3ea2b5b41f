"""The satisfaction survey (SKM, PermenPANRB 14/2017): responses and the counter's hand-over invitations.

Rules live in :mod:`mpp_desk.survey`. Both tables are append-only: a response is never changed
once given, and an invitation is answered by a response that names it (or simply expires).
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import Date, ForeignKey, Index, Integer, SmallInteger, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from mpp_desk.models.base import Base, SyncMixin, UTCDateTime


class SurveyResponse(SyncMixin, Base):
    """One respondent's answers: the nine elements (1-4, None when not answered), profile, suggestion.

    ``service_kbli`` / ``service_title`` are copied from the service the response is about ("" for
    the MPP as a whole); ``ticket_id`` / ``application_id`` tie it to the served ticket or the
    file's Tanda Terima, at most one response each. ``import_ref`` names the imported file and line
    (``<sha256 prefix>:<line>``), so the same file is never imported twice. ``age_group`` is the
    band shown on the screen (the exact ``age`` only when a paper form gave it).
    """

    __tablename__ = "survey_response"
    __append_only__ = True

    SCREEN = "screen"
    COUNTER = "counter"
    IMPORT = "import"

    submitted_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    submitted_on: Mapped[dt.date] = mapped_column(Date)  # the office date of submitted_at
    source: Mapped[str] = mapped_column(String(16), default=SCREEN)
    service_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("service_standard.id"), default=None)
    service_kbli: Mapped[str] = mapped_column(String(5), default="")
    service_title: Mapped[str] = mapped_column(String(500), default="")
    ticket_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("queue_ticket.id"), default=None,
                                                        unique=True)
    application_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("intake_application.id"),
                                                             default=None, unique=True)
    invite_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("survey_invite.id"), default=None,
                                                        unique=True)
    import_ref: Mapped[str | None] = mapped_column(String(40), default=None, unique=True)
    age: Mapped[int | None] = mapped_column(Integer, default=None)
    age_group: Mapped[str] = mapped_column(String(8), default="")
    sex: Mapped[str] = mapped_column(String(1), default="")  # L / P / "" (not given)
    education: Mapped[str] = mapped_column(String(8), default="")
    occupation: Mapped[str] = mapped_column(String(16), default="")
    u1: Mapped[int | None] = mapped_column(SmallInteger, default=None)
    u2: Mapped[int | None] = mapped_column(SmallInteger, default=None)
    u3: Mapped[int | None] = mapped_column(SmallInteger, default=None)
    u4: Mapped[int | None] = mapped_column(SmallInteger, default=None)
    u5: Mapped[int | None] = mapped_column(SmallInteger, default=None)
    u6: Mapped[int | None] = mapped_column(SmallInteger, default=None)
    u7: Mapped[int | None] = mapped_column(SmallInteger, default=None)
    u8: Mapped[int | None] = mapped_column(SmallInteger, default=None)
    u9: Mapped[int | None] = mapped_column(SmallInteger, default=None)
    suggestion: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        # The index for a period, for the whole MPP or one service.
        Index("ix_survey_response_submitted_on", "submitted_on", "service_kbli"),
    )


class SurveyInvite(SyncMixin, Base):
    """The counter handed the tablet over after finishing a ticket: the survey opens for that service.

    The survey screen paired with ``counter_number`` (or any screen, for None) takes the newest
    invitation not yet answered and not older than :data:`mpp_desk.survey.service.INVITE_MINUTES`.
    """

    __tablename__ = "survey_invite"
    __append_only__ = True

    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, index=True)
    counter_number: Mapped[int | None] = mapped_column(Integer, default=None)
    service_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("service_standard.id"), default=None)
    service_kbli: Mapped[str] = mapped_column(String(5), default="")
    service_title: Mapped[str] = mapped_column(String(500), default="")
    ticket_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("queue_ticket.id"), default=None)
    application_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("intake_application.id"),
                                                             default=None)
    officer_username: Mapped[str] = mapped_column(String(64), default="")
