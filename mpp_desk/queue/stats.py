"""Daily queue statistics per group and per counter.

Definitions (so a report can say exactly what it counts):
- issued: tickets whose number the group issued that day (by the issuing group, even if transferred);
- served / no-shows / cancelled: tickets that ended done / absent / cancelled, by the group whose
  line they were in at the end and by the counter that held them;
- waiting time: first call - issue time, for every ticket called at least once (per group by the
  issuing group; per counter over the tickets that counter ended); service time: finish - start of
  service, for tickets that ended done;
- p50 / p90: nearest-rank 50th / 90th percentile (the smallest value with at least 50 / 90 % of values
  at or below);
- per hour: by local (WIB) hour of day; for a group, tickets issued; for a counter, tickets ended
  done;
- per channel (``channels``): the same figures by the way the ticket was taken: ``kiosk`` (every ticket of a
  standalone PC), ``booking`` (a booked visit redeemed at the kiosk) and ``offline`` (a number a kiosk issued
  from its leased block while the queue server was away), the last two on the queue server only.

:func:`summarize` does the counting over plain rows; :func:`daily_stats` feeds it this PC's tickets and
the server (``mpp_desk/server/queue_stats.py``) its own, so both count alike.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter as Tally
from collections import defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

from sqlalchemy import literal, select

from mpp_desk.models import Counter, QueueGroup, Ticket
from mpp_desk.officetime import local
from mpp_desk.roles import Permission, authorize

KIOSK, BOOKING, OFFLINE = "kiosk", "booking", "offline"  # the channels a ticket is taken by (module doc)

if TYPE_CHECKING:
    from mpp_desk.uow import UnitOfWork


@dataclass(frozen=True)
class TimeSummary:
    """Count, mean and nearest-rank 90th and 50th percentiles of durations, in seconds."""

    count: int
    average_seconds: float | None
    p90_seconds: float | None
    p50_seconds: float | None = None

    @classmethod
    def of(cls, seconds: list[float]) -> TimeSummary:
        if not seconds:
            return cls(0, None, None, None)
        ordered = sorted(seconds)
        return cls(len(ordered), sum(ordered) / len(ordered), percentile(ordered, 90), percentile(ordered, 50))

    def to_dict(self, *, exact: bool = False) -> dict:
        """*exact*: the seconds as computed (the server's answer), else rounded to 0.1 s (reports)."""
        rounded = _same if exact else _round
        return {
            "count": self.count,
            "average_seconds": rounded(self.average_seconds),
            "p90_seconds": rounded(self.p90_seconds),
            "p50_seconds": rounded(self.p50_seconds),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> TimeSummary:
        return cls(d["count"], d["average_seconds"], d["p90_seconds"], d.get("p50_seconds"))


@dataclass(frozen=True)
class LineStats:
    """The figures of one group or one counter (or of the whole day)."""

    key: str
    name: str
    issued: int | None  # None for a counter: counters do not issue
    served: int
    no_shows: int
    cancelled: int
    waiting: TimeSummary
    service: TimeSummary
    per_hour: dict[int, int] = field(default_factory=dict)

    def to_dict(self, *, exact: bool = False) -> dict:
        return {
            "key": self.key,
            "name": self.name,
            "issued": self.issued,
            "served": self.served,
            "no_shows": self.no_shows,
            "cancelled": self.cancelled,
            "waiting": self.waiting.to_dict(exact=exact),
            "service": self.service.to_dict(exact=exact),
            "per_hour": {f"{hour:02d}": n for hour, n in sorted(self.per_hour.items())},
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> LineStats:
        return cls(key=d["key"], name=d["name"], issued=d["issued"], served=d["served"], no_shows=d["no_shows"],
                   cancelled=d["cancelled"], waiting=TimeSummary.from_dict(d["waiting"]),
                   service=TimeSummary.from_dict(d["service"]),
                   per_hour={int(hour): n for hour, n in d["per_hour"].items()})


@dataclass(frozen=True)
class DailyStats:
    """One service date's statistics."""

    date: dt.date
    total: LineStats
    groups: tuple[LineStats, ...]
    counters: tuple[LineStats, ...]
    channels: tuple[LineStats, ...] = ()  # per channel (kiosk, booking, offline)

    def to_dict(self, *, exact: bool = False) -> dict:
        """The report's figures (seconds rounded to 0.1); *exact*: as computed, for the wire."""
        return {
            "date": self.date.isoformat(),
            "total": self.total.to_dict(exact=exact),
            "groups": [g.to_dict(exact=exact) for g in self.groups],
            "counters": [c.to_dict(exact=exact) for c in self.counters],
            "channels": [c.to_dict(exact=exact) for c in self.channels],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> DailyStats:
        """The statistics from :meth:`to_dict` (the server's ``GET /v1/queue/stats``)."""
        return cls(date=dt.date.fromisoformat(d["date"]), total=LineStats.from_dict(d["total"]),
                   groups=tuple(LineStats.from_dict(g) for g in d["groups"]),
                   counters=tuple(LineStats.from_dict(c) for c in d["counters"]),
                   channels=tuple(LineStats.from_dict(c) for c in d.get("channels", ())))


class Line(NamedTuple):
    """A group or counter as the statistics name it: its key in the rows, its key and name in the figures."""

    ref: Hashable  # what the rows carry (a group's id, a counter's id or number)
    key: str  # "A", "3"
    name: str


class TicketRow(NamedTuple):
    """What the statistics read of one ticket (attribute names; any row with them will do)."""

    group: Hashable  # the issuing group
    route_group: Hashable  # the line it was in at the end
    counter: Hashable | None  # the counter that held it
    status: str
    issued_at: dt.datetime
    first_called_at: dt.datetime | None
    served_started_at: dt.datetime | None
    finished_at: dt.datetime | None
    channel: str | None = None  # kiosk / booking / offline (module doc)


def percentile(ordered: list[float], pct: float) -> float:
    """Nearest-rank percentile of an ascending, non-empty list."""
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


def daily_stats(uow: UnitOfWork, *, date: dt.date) -> DailyStats:
    """Issued, served, no-shows, waiting and service times, tickets per hour: per group and counter.

    A report: needs VIEW_REPORTS (the supervisor, the administrator), whoever calls it.
    """
    authorize(uow, uow.actor, Permission.VIEW_REPORTS)
    session = uow.session
    rows = session.execute(
        select(
            Ticket.group_id.label("group"),
            Ticket.route_group_id.label("route_group"),
            Ticket.counter_id.label("counter"),
            Ticket.status,
            Ticket.issued_at,
            Ticket.first_called_at,
            Ticket.served_started_at,
            Ticket.finished_at,
            literal(KIOSK).label("channel"),  # a standalone PC's tickets are all taken at its kiosk
        ).where(Ticket.service_date == date, Ticket.deleted_at.is_(None))
    ).all()
    groups = sorted(session.scalars(select(QueueGroup)), key=lambda g: (g.position, g.code))
    counters = sorted(session.scalars(select(Counter)), key=lambda c: c.number)
    return summarize(date, rows, groups=[Line(g.id, g.code, g.name) for g in groups],
                     counters=[Line(c.id, str(c.number), c.name) for c in counters])


def summarize(date: dt.date, rows: Iterable[Any], *, groups: list[Line], counters: list[Line]) -> DailyStats:
    """The day's figures from its tickets' rows (:class:`TicketRow`'s attributes), *groups* and *counters*
    in the order shown (a line without tickets is left out)."""
    by_group: dict[Hashable, _Acc] = defaultdict(_Acc)
    by_counter: dict[Hashable, _Acc] = defaultdict(_Acc)
    by_channel: dict[str, _Acc] = defaultdict(_Acc)
    total = _Acc()
    for row in rows:
        waited = _seconds(row.issued_at, row.first_called_at)
        served_for = _seconds(row.served_started_at, row.finished_at) if row.status == Ticket.DONE else None
        hour = local(row.issued_at).hour
        channel = getattr(row, "channel", None)
        issuing = [by_group[row.group], total] + ([by_channel[channel]] if channel else [])
        for acc in issuing:
            acc.issued += 1
            acc.per_hour[hour] += 1
            if waited is not None:
                acc.waiting.append(waited)
        end_accs = [by_group[row.route_group], total] + ([by_channel[channel]] if channel else [])
        if row.counter is not None and row.status in (Ticket.DONE, Ticket.NO_SHOW, Ticket.CANCELLED):
            counter_acc = by_counter[row.counter]
            end_accs.append(counter_acc)
            if waited is not None:
                counter_acc.waiting.append(waited)
            if row.status == Ticket.DONE and row.finished_at is not None:
                counter_acc.per_hour[local(row.finished_at).hour] += 1
        for acc in end_accs:
            acc.end(row.status, served_for)
    return DailyStats(
        date=date, total=total.line("*", ""),
        groups=tuple(by_group[g.ref].line(g.key, g.name) for g in groups if g.ref in by_group),
        counters=tuple(by_counter[c.ref].line(c.key, c.name, counter=True) for c in counters if c.ref in by_counter),
        channels=tuple(by_channel[name].line(name, name) for name in sorted(by_channel)),
    )


@dataclass
class _Acc:
    issued: int = 0
    served: int = 0
    no_shows: int = 0
    cancelled: int = 0
    waiting: list[float] = field(default_factory=list)
    service: list[float] = field(default_factory=list)
    per_hour: Tally = field(default_factory=Tally)

    def end(self, status: str, served_for: float | None) -> None:
        if status == Ticket.DONE:
            self.served += 1
            if served_for is not None:
                self.service.append(served_for)
        elif status == Ticket.NO_SHOW:
            self.no_shows += 1
        elif status == Ticket.CANCELLED:
            self.cancelled += 1

    def line(self, key: str, name: str, *, counter: bool = False) -> LineStats:
        return LineStats(
            key=key,
            name=name,
            issued=None if counter else self.issued,
            served=self.served,
            no_shows=self.no_shows,
            cancelled=self.cancelled,
            waiting=TimeSummary.of(self.waiting),
            service=TimeSummary.of(self.service),
            per_hour=dict(self.per_hour),
        )


def _seconds(start: dt.datetime | None, end: dt.datetime | None) -> float | None:
    if start is None or end is None:
        return None
    return max(0.0, (end - start).total_seconds())  # a clock jump must not make time negative


def _same(value: float | None) -> float | None:
    return value


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)
