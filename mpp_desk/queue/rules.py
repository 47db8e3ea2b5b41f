"""The kiosk's opening rule as a pure function: hours, breaks, the working calendar, the group's switch.

:func:`mpp_desk.queue.service.check_open` applies the same rule on a PC's database; the central
server (``mpp_desk/server/queue.py``) applies it here on its own clock and calendar, so both refuse
with the same (translated) messages. No database, no Qt.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from mpp_desk.i18n import N_
from mpp_desk.officetime import as_utc, local
from mpp_desk.queue.errors import DailyLimitReached, QueueClosed
from mpp_desk.queue.views import BreakView
from mpp_desk.workdays import WorkingCalendar
from mpp_desk.textformat import day_name

DAILY_LIMIT_TEXT = N_(
    "errors", "Today's quota of queue {code} is used up ({limit} numbers). Please come back on the next working day."
)


def check_open_at(
    *,
    code: str,
    name: str,
    active: bool,
    open_time: dt.time,
    close_time: dt.time,
    calendar: WorkingCalendar,
    breaks: Iterable[BreakView],
    now: dt.datetime,
) -> None:
    """Raise QueueClosed with the reason when a group may not issue at *now* (office time)."""
    moment = local(as_utc(now))
    if not active:
        raise QueueClosed(N_("errors", "Queue {code} ({name}) is not open."), code=code, name=name)
    if not calendar.is_working_day(moment.date()):
        entry = calendar.describe(moment.date())
        raise QueueClosed(
            N_("errors", "The office is closed today ({reason}). Please come back on a working day."),
            reason=entry.name if entry is not None else day_name(moment.date()),
        )
    clock = moment.time().replace(tzinfo=None)
    hours = {"open": hhmm(open_time), "close": hhmm(close_time), "code": code}
    if clock < open_time:
        raise QueueClosed(N_("errors", "Queue {code} opens at {open}. Please wait until then."), **hours)
    if clock >= close_time:
        raise QueueClosed(
            N_("errors", "Queue {code} has closed for today (hours {open}-{close}). Please come back on the next working day."),
            **hours,
        )
    for pause in breaks:
        if pause.weekday == moment.weekday() and pause.start_time <= clock < pause.end_time:
            raise QueueClosed(
                N_("errors", "No tickets are issued during the {name}. Tickets are issued again from {end}."),
                name=pause.name,
                end=hhmm(pause.end_time),
            )


def check_limit(*, code: str, limit: int | None, number: int) -> None:
    """Raise DailyLimitReached when *number* would pass the group's daily quota."""
    if limit is not None and number > limit:
        raise DailyLimitReached(DAILY_LIMIT_TEXT, code=code, limit=limit)


def hhmm(value: dt.time) -> str:
    if value == dt.time.max:
        return "24:00"
    return value.strftime("%H:%M")
