"""The satisfaction survey (SKM, PermenPANRB 14/2017): responses and the counter's hand-over invitations.

Rules live in :mod:`mpp_desk.survey`. Both tables are append-only: a response is never changed
once given, and an invitation is answered by a response that names it (or simply expires).
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import Date, ForeignKey, Index, Integer, SmallInteger, String, Text, Uuid, text
from sqlalchemy.orm import Mapped, mapped_column

from mpp_desk.models.base import Base, SyncMixin, UTCDateTime


# Literal SQL, not a bound parameter: SQLite only uses a partial index when the query repeats its WHERE term.
SUGGESTION_SQL = "suggestion != ''"


class SurveyResponse(SyncMixin, Base):
    """One respondent's answers: the nine elements (1-4, None when not answered), profile, suggestion.

    ``service_kbli`` / ``service_title`` are copied from the service the response is about ("" for
    the MPP as a whole); ``ticket_id`` / ``application_id`` tie it to the served ticket or the
    file's Tanda Terima, at most one response each. ``ticket_id`` is a plain id (no foreign key): the
    ticket may be one of the server's live queue, which no PC's ``queue_ticket`` holds; nothing reads
    the ticket through the response (reports go by the copied service fields). ``import_ref`` names the imported file and line
    (``<sha256 prefix>:<line>``), so the same file is never imported twice. ``age_group`` is the
    band shown on the screen (the exact ``age`` only when a paper form gave it).
    """

    __tablename__ = "survey_response"
    __append_only__ = True

    SCREEN = "screen"
    COUNTER = "counter"
    IMPORT = "import"
    WEB = "web"  # the public survey page of mpp-central (server/public/survey_page.py)

    submitted_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    submitted_on: Mapped[dt.date] = mapped_column(Date)  # the office date of submitted_at
    source: Mapped[str] = mapped_column(String(16), default=SCREEN)
    service_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("service_standard.id"), default=None)
    service_kbli: Mapped[str] = mapped_column(String(5), default="")
    service_title: Mapped[str] = mapped_column(String(500), default="")
    # No foreign key to queue_ticket: on a joined PC the ticket lives in the server's live queue (q_tickets), not
    # in this PC's queue_ticket table (migration 0006). The unique constraint (its index) stays.
    ticket_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None, unique=True)
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
        # Covers every figure of a period (the index per service, the profile): the reports read the index
        # alone, never the rows (bench/survey.py: 100,000 responses of a quarter in a fraction of the scan).
        Index("ix_survey_response_period", "submitted_on", "deleted_at", "service_kbli", "u1", "u2", "u3", "u4", "u5",
              "u6", "u7", "u8", "u9", "age_group", "sex", "education", "occupation"),
        # The suggestions of a period: only the rows that have one (queries repeat SUGGESTION_SQL as written).
        Index("ix_survey_response_suggestion", "submitted_on", sqlite_where=text(SUGGESTION_SQL),
              postgresql_where=text(SUGGESTION_SQL)),
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
    # the finished ticket: a local queue_ticket, or a ticket of the server's live queue (no foreign key, see above)
    ticket_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None, index=True)
    application_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("intake_application.id"),
                                                             default=None)
    officer_username: Mapped[str] = mapped_column(String(64), default="")
