"""Per-process copies of what every issue and call reads: the queue set-up, the calendar, the breaks.

Loading them costs more than the rest of an issue (ORM rows, the calendar's per-year index), and
they change a few times a year. Triggers (migration 0005) stamp a fresh random token in
``local_state`` key ``rules.generation`` on every insert, update or delete of the tables in
:data:`RULE_TABLES`, whoever writes: this process, another process on the same file, a change
pulled from the central server. :func:`current_rules` reads the token inside the caller's
transaction (one primary-key seek) and reloads when it differs from the copy's, so a copy is
never used for a state it was not taken from. The token is random, not a counter: a change rolled
back leaves the old token, so a copy taken inside that transaction never matches a later state.
"""

from __future__ import annotations

import datetime as dt
import threading
import uuid
import weakref
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING

from sqlalchemy import select, text

from mpp_desk.i18n import N_
from mpp_desk.models import Counter, CounterGroup, QueueGroup
from mpp_desk.queue.errors import QueueNotFound
from mpp_desk.queue.setup import load_breaks
from mpp_desk.workdays import WorkingCalendar, load_calendar

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from mpp_desk.queue.views import BreakView
    from mpp_desk.uow import UnitOfWork

GENERATION_KEY = "rules.generation"
# the tables whose writes change the token (the triggers of migration 0005)
RULE_TABLES = ("calendar_override", "queue_break", "setting", "queue_group", "queue_counter", "queue_counter_group")
_TOKEN = text(f"SELECT value FROM local_state WHERE key = '{GENERATION_KEY}'")


@dataclass(frozen=True)
class GroupRules:
    """A queue group's row as the hot paths read it (the attributes of :class:`QueueGroup` they use)."""

    id: uuid.UUID
    code: str
    name: str
    open_time: dt.time
    close_time: dt.time
    daily_limit: int | None
    active: bool
    position: int
    deleted: bool


@dataclass(frozen=True)
class CounterRules:
    """A counter's row as the hot paths read it."""

    id: uuid.UUID
    number: int
    name: str
    active: bool
    deleted: bool


@dataclass(frozen=True)
class Rules:
    """The set-up and the rules as of one token."""

    token: str | None
    calendar: WorkingCalendar
    breaks: tuple[BreakView, ...]
    groups_by_id: Mapping[uuid.UUID, GroupRules]  # deleted ones too: old tickets name them
    counters_by_id: Mapping[uuid.UUID, CounterRules]
    counter_groups: Mapping[uuid.UUID, tuple[uuid.UUID, ...]]  # counter id -> its groups, in kiosk order

    def group(self, code: str) -> GroupRules:
        """The live group with *code*; QueueNotFound otherwise (as :func:`mpp_desk.queue.setup.get_group`)."""
        code = (code or "").strip().upper()
        for group in self.groups_by_id.values():
            if group.code == code and not group.deleted:
                return group
        raise QueueNotFound(N_("errors", "There is no queue group {code}."), code=code)

    def counter(self, number: int) -> CounterRules:
        """The live counter with *number*; QueueNotFound otherwise (as :func:`mpp_desk.queue.setup.get_counter`)."""
        wanted = int(number)
        for counter in self.counters_by_id.values():
            if counter.number == wanted and not counter.deleted:
                return counter
        raise QueueNotFound(N_("errors", "There is no counter {number}."), number=number)


_copies: weakref.WeakKeyDictionary[Engine, Rules] = weakref.WeakKeyDictionary()  # one per open database
_lock = threading.Lock()
loads = 0  # how many times the rules were read from the database (diagnostics, tests)


def current_rules(uow: UnitOfWork) -> Rules:
    """The set-up and rules in force in *uow*'s transaction, from this process's copy when still valid."""
    global loads
    session = uow.session
    if session.autoflush:
        session.flush()  # changes made by ORM in this transaction fire the triggers before the token is read
    token = session.connection().scalar(_TOKEN)
    engine = uow.db.engine
    copy = _copies.get(engine)
    if copy is not None and copy.token == token:
        return copy
    fresh = _load(uow, token)
    with _lock:
        loads += 1
        _copies[engine] = fresh
    return fresh


def forget() -> None:
    """Drop every copy (tests; a copy is never needed for correctness)."""
    with _lock:
        _copies.clear()


def _load(uow: UnitOfWork, token: str | None) -> Rules:
    session = uow.session
    groups = {
        g.id: GroupRules(g.id, g.code, g.name, g.open_time, g.close_time, g.daily_limit, g.active, g.position,
                         g.deleted_at is not None)
        for g in session.execute(
            select(QueueGroup.id, QueueGroup.code, QueueGroup.name, QueueGroup.open_time, QueueGroup.close_time,
                   QueueGroup.daily_limit, QueueGroup.active, QueueGroup.position, QueueGroup.deleted_at)
        )
    }
    counters = {
        c.id: CounterRules(c.id, c.number, c.name, c.active, c.deleted_at is not None)
        for c in session.execute(select(Counter.id, Counter.number, Counter.name, Counter.active, Counter.deleted_at))
    }
    serving: dict[uuid.UUID, list[uuid.UUID]] = {}
    for counter_id, group_id in session.execute(
        select(CounterGroup.counter_id, CounterGroup.group_id)
        .join(QueueGroup, QueueGroup.id == CounterGroup.group_id)
        .where(CounterGroup.deleted_at.is_(None))
        .order_by(QueueGroup.position, QueueGroup.code)
    ):
        serving.setdefault(counter_id, []).append(group_id)
    return Rules(
        token=token,
        calendar=load_calendar(uow),
        breaks=tuple(load_breaks(session)),
        groups_by_id=MappingProxyType(groups),
        counters_by_id=MappingProxyType(counters),
        counter_groups=MappingProxyType({k: tuple(v) for k, v in serving.items()}),
    )
