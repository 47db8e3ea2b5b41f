"""The queue machine: groups, counters (loket), tickets, the append-only event log, breaks.

Rules live in :mod:`mpp_desk.queue`; these are the tables and the indexes that keep the two hot
paths (issue a ticket, call the next one) independent of how many old tickets the file holds.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    Time,
    UniqueConstraint,
    Uuid,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mpp_desk.models.base import Base, SyncMixin, UTCDateTime

# Literal SQL, not a bound parameter: SQLite only uses a partial index when the query repeats
# the index's WHERE term as written.
WAITING_SQL = "status = 'waiting'"


class QueueGroup(SyncMixin, Base):
    """A queue line with its letter prefix (A, B, ...), opening hours and optional daily limit.

    Times are local (Asia/Jakarta); the kiosk issues from ``open_time`` until just before
    ``close_time``. The catalogue's services point at their group
    (``ServiceStandard.queue_group_id``).
    """

    __tablename__ = "queue_group"

    code: Mapped[str] = mapped_column(String(4), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    open_time: Mapped[dt.time] = mapped_column(Time, default=dt.time(8, 0))
    close_time: Mapped[dt.time] = mapped_column(Time, default=dt.time(15, 0))
    daily_limit: Mapped[int | None] = mapped_column(Integer, default=None)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class Counter(SyncMixin, Base):
    """A service counter (loket) with its number as said aloud ("loket tiga")."""

    __tablename__ = "queue_counter"

    number: Mapped[int] = mapped_column(Integer, unique=True)
    name: Mapped[str] = mapped_column(String(100))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class CounterGroup(SyncMixin, Base):
    """One group a counter serves; removing it soft-deletes the row, adding it back revives it."""

    __tablename__ = "queue_counter_group"
    __table_args__ = (UniqueConstraint("counter_id", "group_id"),)

    counter_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("queue_counter.id"))
    group_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("queue_group.id"), index=True)


class Ticket(SyncMixin, Base):
    """One queue number for one visitor on one service date.

    ``group_id`` is the group that issued the number (the number's namespace: A001 stays A001);
    ``route_group_id`` is the line the ticket waits in now (a transfer changes it), and
    ``target_counter_id`` pins it to one counter after a transfer to that counter.
    ``issued_at`` never changes, so a transferred ticket keeps its place by original issue time.
    """

    __tablename__ = "queue_ticket"

    WAITING = "waiting"
    CALLED = "called"
    SERVING = "serving"
    HELD = "held"
    DONE = "done"
    NO_SHOW = "no_show"
    CANCELLED = "cancelled"

    group_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("queue_group.id"))
    route_group_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("queue_group.id"))
    service_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("service_standard.id"), default=None)
    service_date: Mapped[dt.date] = mapped_column(Date)
    number: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(8))
    priority: Mapped[bool] = mapped_column(Boolean, default=False)
    priority_reason: Mapped[str | None] = mapped_column(String(32), default=None)
    status: Mapped[str] = mapped_column(String(16), default=WAITING)
    issued_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    first_called_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, default=None)
    called_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, default=None)
    counter_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("queue_counter.id"), default=None)
    target_counter_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("queue_counter.id"), default=None
    )
    served_started_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, default=None)
    finished_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, default=None)
    outcome: Mapped[str | None] = mapped_column(String(32), default=None)
    note: Mapped[str] = mapped_column(Text, default="")
    printed: Mapped[bool] = mapped_column(Boolean, default=False)
    recall_count: Mapped[int] = mapped_column(Integer, default=0)
    transfer_count: Mapped[int] = mapped_column(Integer, default=0)
    transferred_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, default=None)
    transferred_from_group_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("queue_group.id"), default=None
    )
    transferred_from_counter_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("queue_counter.id"), default=None
    )

    group: Mapped[QueueGroup] = relationship(foreign_keys=[group_id])
    route_group: Mapped[QueueGroup] = relationship(foreign_keys=[route_group_id])
    counter: Mapped[Counter | None] = relationship(foreign_keys=[counter_id])

    __table_args__ = (
        # The number's home: issue takes max(number)+1 for (group, day) through this index.
        UniqueConstraint("group_id", "service_date", "number"),
        # Call-next: the head of one line is one seek, however many old tickets there are.
        Index(
            "ix_queue_ticket_waiting",
            "route_group_id",
            "service_date",
            "priority",
            "issued_at",
            "target_counter_id",
            sqlite_where=text(WAITING_SQL),
            postgresql_where=text(WAITING_SQL),
        ),
        # Tickets transferred to one counter.
        Index(
            "ix_queue_ticket_waiting_target",
            "target_counter_id",
            "service_date",
            "priority",
            "issued_at",
            sqlite_where=text(WAITING_SQL),
            postgresql_where=text(WAITING_SQL),
        ),
        # A counter's current and held tickets.
        Index("ix_queue_ticket_counter_status", "counter_id", "status"),
        # One day's tickets (board, statistics, reprint list, the latest service date).
        Index("ix_queue_ticket_service_date_status", "service_date", "status"),
        # The latest issue time (the clock check of every issue): one seek, not a scan.
        Index("ix_queue_ticket_issued_at", "issued_at"),
    )


class QueueEvent(SyncMixin, Base):
    """Append-only log of what happened to tickets, read by the display board and the statistics.

    ``seq`` is this database's order of events (max + 1 inside the write transaction, which
    ``BEGIN IMMEDIATE`` serialises); the display polls "events after seq X" on its unique index.
    """

    __tablename__ = "queue_event"

    ISSUED = "issued"
    CALLED = "called"
    RECALLED = "recalled"
    NO_SHOW = "no_show"
    STARTED = "started"
    FINISHED = "finished"
    TRANSFERRED = "transferred"
    HELD = "held"
    RESUMED = "resumed"
    CANCELLED = "cancelled"

    seq: Mapped[int] = mapped_column(Integer, unique=True)
    type: Mapped[str] = mapped_column(String(16))
    ticket_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("queue_ticket.id"), index=True)
    ticket_code: Mapped[str] = mapped_column(String(8))
    group_code: Mapped[str] = mapped_column(String(4))
    counter_number: Mapped[int | None] = mapped_column(Integer, default=None)
    service_date: Mapped[dt.date] = mapped_column(Date)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    detail: Mapped[str] = mapped_column(String(64), default="")

    # Also tells the unit of work to insert a new ticket before its first event.
    ticket: Mapped[Ticket] = relationship()


class QueueBreak(SyncMixin, Base):
    """A weekly pause in issuing tickets (the Friday prayer break), local time, start inclusive.

    With no rows at all (not even deleted ones) the service layer applies the default Friday
    11:30-13:00 break; deleting that row leaves a tombstone, so a removed break stays removed.
    """

    __tablename__ = "queue_break"

    weekday: Mapped[int] = mapped_column(Integer)  # Monday = 0 ... Friday = 4
    start_time: Mapped[dt.time] = mapped_column(Time)
    end_time: Mapped[dt.time] = mapped_column(Time)
    name: Mapped[str] = mapped_column(String(100))
