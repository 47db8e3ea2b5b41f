"""Daily queue statistics per group and per counter.

Definitions (so a report can say exactly what it counts):
- issued: tickets whose number the group issued that day (by the issuing group, even if transferred);
- served / no-shows / cancelled: tickets that ended done / absent / cancelled, by the group whose
  line they were in at the end and by the counter that held them;
- waiting time: first call - issue time, for every ticket called at least once (per group by the
  issuing group; per counter over the tickets that counter ended); service time: finish - start of
  service, for tickets that ended done;
- p90: nearest-rank 90th percentile (the smallest value with at least 90 % of values at or below);
- per hour: by local (WIB) hour of day; for a group, tickets issued; for a counter, tickets ended
  done.
"""

from __future__ import annotations

import datetime as dt
import math
import uuid
from collections import Counter as Tally
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import select

from mpp_desk.models import Counter, QueueGroup, Ticket
from mpp_desk.officetime import local
from mpp_desk.roles import Permission, authorize

if TYPE_CHECKING:
    from mpp_desk.uow import UnitOfWork


@dataclass(frozen=True)
class TimeSummary:
    """Count, mean and nearest-rank 90th percentile of durations, in seconds."""

    count: int
    average_seconds: float | None
    p90_seconds: float | None

    @classmethod
    def of(cls, seconds: list[float]) -> TimeSummary:
        if not seconds:
            return cls(0, None, None)
        ordered = sorted(seconds)
        return cls(len(ordered), sum(ordered) / len(ordered), percentile(ordered, 90))

    def to_dict(self) -> dict:
        return {
            "count": self.count,
            "average_seconds": _round(self.average_seconds),
            "p90_seconds": _round(self.p90_seconds),
        }


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

    def to_dict(self) -> dict:
        return {
            "key": self.key,
            "name": self.name,
            "issued": self.issued,
            "served": self.served,
            "no_shows": self.no_shows,
            "cancelled": self.cancelled,
            "waiting": self.waiting.to_dict(),
            "service": self.service.to_dict(),
            "per_hour": {f"{hour:02d}": n for hour, n in sorted(self.per_hour.items())},
        }


@dataclass(frozen=True)
class DailyStats:
    """One service date's statistics."""

    date: dt.date
    total: LineStats
    groups: tuple[LineStats, ...]
    counters: tuple[LineStats, ...]

    def to_dict(self) -> dict:
        return {
            "date": self.date.isoformat(),
            "total": self.total.to_dict(),
            "groups": [g.to_dict() for g in self.groups],
            "counters": [c.to_dict() for c in self.counters],
        }


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
            Ticket.group_id,
            Ticket.route_group_id,
            Ticket.counter_id,
            Ticket.status,
            Ticket.issued_at,
            Ticket.first_called_at,
            Ticket.served_started_at,
            Ticket.finished_at,
        ).where(Ticket.service_date == date, Ticket.deleted_at.is_(None))
    ).all()
    groups = {g.id: g for g in session.scalars(select(QueueGroup))}
    counters = {c.id: c for c in session.scalars(select(Counter))}

    by_group: dict[uuid.UUID, _Acc] = defaultdict(_Acc)
    by_counter: dict[uuid.UUID, _Acc] = defaultdict(_Acc)
    total = _Acc()
    for row in rows:
        waited = _seconds(row.issued_at, row.first_called_at)
        served_for = _seconds(row.served_started_at, row.finished_at) if row.status == Ticket.DONE else None
        hour = local(row.issued_at).hour
        for acc in (by_group[row.group_id], total):
            acc.issued += 1
            acc.per_hour[hour] += 1
            if waited is not None:
                acc.waiting.append(waited)
        end_accs = [by_group[row.route_group_id], total]
        if row.counter_id is not None and row.status in (Ticket.DONE, Ticket.NO_SHOW, Ticket.CANCELLED):
            counter_acc = by_counter[row.counter_id]
            end_accs.append(counter_acc)
            if waited is not None:
                counter_acc.waiting.append(waited)
            if row.status == Ticket.DONE and row.finished_at is not None:
                counter_acc.per_hour[local(row.finished_at).hour] += 1
        for acc in end_accs:
            if row.status == Ticket.DONE:
                acc.served += 1
                if served_for is not None:
                    acc.service.append(served_for)
            elif row.status == Ticket.NO_SHOW:
                acc.no_shows += 1
            elif row.status == Ticket.CANCELLED:
                acc.cancelled += 1
    group_lines = tuple(
        by_group[g.id].line(g.code, g.name)
        for g in sorted(groups.values(), key=lambda g: (g.position, g.code))
        if g.id in by_group
    )
    counter_lines = tuple(
        by_counter[c.id].line(str(c.number), c.name, counter=True)
        for c in sorted(counters.values(), key=lambda c: c.number)
        if c.id in by_counter
    )
    return DailyStats(date=date, total=total.line("*", ""), groups=group_lines, counters=counter_lines)


@dataclass
class _Acc:
    issued: int = 0
    served: int = 0
    no_shows: int = 0
    cancelled: int = 0
    waiting: list[float] = field(default_factory=list)
    service: list[float] = field(default_factory=list)
    per_hour: Tally = field(default_factory=Tally)

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


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)
