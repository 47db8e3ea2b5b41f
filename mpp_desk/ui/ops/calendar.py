"""Working-day calendar operations for widgets (run on the database thread)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from mpp_desk.context import AppContext
from mpp_desk import workdays
from mpp_desk.workdays import load_calendar


@dataclass(frozen=True)
class YearView:
    """The non-working days of a year and which of them are local changes."""

    year: int
    days: tuple  # NonWorkingDay tuples, sorted
    opened: dict  # date -> reason of local openings (holidays on which the office works)


def year_view(ctx: AppContext, *, year: int) -> YearView:
    """Non-working days of *year* (national, cuti bersama, local closures) and local openings."""
    with ctx.uow(write=False) as uow:
        calendar = load_calendar(uow)
    opened = {d: r for d, r in calendar.opened.items() if d.year == year}
    return YearView(year=year, days=tuple(calendar.non_working_days(year)), opened=opened)


def close_day(ctx: AppContext, *, actor, day: dt.date, reason: str) -> None:
    """Close the office on *day* (a local closure), audited."""
    with ctx.uow(actor=actor) as uow:
        workdays.close_day(uow, day=day, reason=reason)
        uow.commit()


def open_day(ctx: AppContext, *, actor, day: dt.date, reason: str) -> None:
    """Open the office on *day* (undo a closure, or work on a holiday), audited."""
    with ctx.uow(actor=actor) as uow:
        workdays.open_day(uow, day=day, reason=reason)
        uow.commit()


def due_date(ctx: AppContext, *, start: dt.date, days: int) -> dt.date:
    """The due date *days* working days after *start* (day 0)."""
    with ctx.uow(write=False) as uow:
        return load_calendar(uow).add_working_days(start, days)
