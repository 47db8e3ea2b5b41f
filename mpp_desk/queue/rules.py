"""Per-process copies of the rules every issue reads: the working calendar and the breaks.

Loading them costs more than the rest of an issue (ORM rows, the calendar's per-year index), and
they change a few times a year. Triggers (migration 0003) stamp a fresh random token in
``local_state`` key ``rules.generation`` on every insert, update or delete of
``calendar_override``, ``queue_break`` and ``setting``, whoever writes: this process, another
process on the same file, a change pulled from the central server. :func:`current_rules` reads
the token inside the caller's transaction (one primary-key seek) and reloads when it differs from
the copy's, so a copy is never used for a state it was not taken from. The token is random, not
a counter: a change rolled back leaves the old token, so a copy taken inside that transaction
never matches a later state.
"""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import text

from mpp_desk.queue.setup import load_breaks
from mpp_desk.workdays import WorkingCalendar, load_calendar

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from mpp_desk.queue.views import BreakView
    from mpp_desk.uow import UnitOfWork

GENERATION_KEY = "rules.generation"
RULE_TABLES = ("calendar_override", "queue_break", "setting")  # the tables whose writes change the token
_TOKEN = text(f"SELECT value FROM local_state WHERE key = '{GENERATION_KEY}'")


@dataclass(frozen=True)
class Rules:
    """The rules as of one token: the working calendar and the breaks in force."""

    token: str | None
    calendar: WorkingCalendar
    breaks: tuple[BreakView, ...]


_copies: weakref.WeakKeyDictionary[Engine, Rules] = weakref.WeakKeyDictionary()  # one per open database
_lock = threading.Lock()
loads = 0  # how many times the rules were read from the database (diagnostics, tests)


def current_rules(uow: UnitOfWork) -> Rules:
    """The calendar and breaks in force in *uow*'s transaction, from this process's copy when still valid."""
    global loads
    session = uow.session
    token = session.connection().scalar(_TOKEN)
    engine = uow.db.engine
    copy = _copies.get(engine)
    if copy is not None and copy.token == token:
        return copy
    fresh = Rules(token=token, calendar=load_calendar(uow), breaks=tuple(load_breaks(session)))
    with _lock:
        loads += 1
        _copies[engine] = fresh
    return fresh


def forget() -> None:
    """Drop every copy (tests; a copy is never needed for correctness)."""
    with _lock:
        _copies.clear()
