"""Working days (hari kerja): due dates, overdue counts and the office's local calendar changes.

A working day is Monday to Friday that is neither a national holiday nor a cuti bersama (both from
the ``holidays`` package, country ``ID``, categories ``public`` and ``government``, language
``id``) nor a local closure entered by the administrator. The administrator's changes are
:class:`~mpp_desk.models.CalendarOverride` rows: ``closed`` closes the office on a day that would
be working; ``open`` cancels a national holiday or cuti bersama locally. Weekends always stay
non-working.

"N hari kerja sejak diterimanya berkas": the day of receipt is day 0 and day 1 is the first
working day after it, even when the receipt day is itself a holiday (see
:meth:`WorkingCalendar.add_working_days`).

:class:`WorkingCalendar` is pure (no database); :func:`load_calendar` builds one from the
overrides, and :func:`close_day` / :func:`open_day` / :func:`list_overrides` are the services.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, NamedTuple

from sqlalchemy import select

from mpp_desk.errors import UserError, ValidationError
from mpp_desk.i18n import N_
from mpp_desk.models import CalendarOverride
from mpp_desk.limits import check_text
from mpp_desk.roles import Permission, authorize

if TYPE_CHECKING:
    from mpp_desk.uow import UnitOfWork

COUNTRY = "ID"
HOLIDAY_CATEGORIES = ("public", "government")  # "government" holds the cuti bersama days
HOLIDAY_LANGUAGE = "id"


@functools.cache
def supported_years() -> range:
    """The years the holidays package knows for Indonesia (1946-2100 in holidays 0.109).

    Outside them every weekday would silently count as working, so the calendar refuses them.
    ``holidays`` is imported here, on first use, to keep it off the application's start path.
    """
    from holidays.countries.indonesia import Indonesia

    return range(getattr(Indonesia, "start_year", 1946), getattr(Indonesia, "end_year", 2100) + 1)


class DaySource(enum.StrEnum):
    """Why a weekday is not a working day."""

    NATIONAL = "national"
    CUTI_BERSAMA = "cuti_bersama"
    LOCAL_CLOSURE = "local_closure"

    @property
    def label(self) -> str:
        """The English label, marked for translation in the "workdays" context."""
        return _SOURCE_LABELS[self]


_SOURCE_LABELS = {
    DaySource.NATIONAL: N_("workdays", "national holiday"),
    DaySource.CUTI_BERSAMA: N_("workdays", "cuti bersama"),
    DaySource.LOCAL_CLOSURE: N_("workdays", "local closure"),
}


class NonWorkingDay(NamedTuple):
    """A named day off: a national holiday, a cuti bersama or a local closure."""

    day: dt.date
    name: str
    source: DaySource


class CalendarInputError(ValidationError):
    """A date, a number of days or a reason given to the calendar was not acceptable."""


class CalendarChangeRefused(UserError):
    """A local change would not change anything (the day is already as asked) or is not allowed."""


# --- national holidays -----------------------------------------------------------------------


@functools.cache
def national_days(year: int) -> Mapping[dt.date, tuple[str, DaySource]]:
    """The year's national holidays and cuti bersama: day -> (Indonesian name, source); cached per year."""
    import holidays

    everything = holidays.country_holidays(
        COUNTRY, years=year, categories=HOLIDAY_CATEGORIES, language=HOLIDAY_LANGUAGE
    )
    public = holidays.country_holidays(COUNTRY, years=year, categories=("public",), language=HOLIDAY_LANGUAGE)
    # The combined names are the package's own ("A; B" when two fall on one day); a day that is
    # both a public holiday and a cuti bersama counts as the holiday.
    return MappingProxyType(
        {
            day: (name, DaySource.NATIONAL if day in public else DaySource.CUTI_BERSAMA)
            for day, name in sorted(everything.items())
        }
    )


# --- the pure calendar -----------------------------------------------------------------------

NationalSource = Callable[[int], Mapping[dt.date, tuple[str, DaySource]]]


class WorkingCalendar:
    """Which days are working days, and arithmetic in working days; no database.

    *closed* are local closures (a set of days, or a mapping day -> reason); *opened* are national
    holidays or cuti bersama the office works on (a set, or a mapping day -> reason). A closure
    wins over an opening; opening a weekend has no effect. *national* gives the national days of a
    year (default: the ``holidays`` package, cached). Working days are indexed per year on first
    use, so repeated calls on one instance cost a binary search each.
    """

    def __init__(
        self,
        closed: Mapping[dt.date, str] | Iterable[dt.date] = (),
        opened: Mapping[dt.date, str] | Iterable[dt.date] = (),
        *,
        national: NationalSource = national_days,
    ) -> None:
        self.closed: Mapping[dt.date, str] = MappingProxyType(_as_reasons(closed))
        self.opened: Mapping[dt.date, str] = MappingProxyType(_as_reasons(opened))
        self._national = national
        self._working: dict[int, list[int]] = {}  # year -> sorted ordinals of its working days

    # -- single days

    def is_working_day(self, day: dt.date) -> bool:
        """True if the office works on *day*."""
        _check_date(day)
        _check_year(day, day.year)
        if day.weekday() >= 5 or day in self.closed:
            return False
        return day in self.opened or day not in self._national(day.year)

    def non_working_days(self, year: int) -> list[NonWorkingDay]:
        """The year's named days off, in date order (ordinary weekends are not listed).

        National holidays and cuti bersama carry the package's Indonesian name, also when they
        fall on a weekend; a local closure carries its reason. A holiday opened locally is left
        out, since the office works that day.
        """
        _check_year(year, year)
        national = self._national(year)
        candidates = set(national) | {d for d in self.closed if d.year == year}
        days: list[NonWorkingDay] = []
        for day in sorted(candidates):
            if self.is_working_day(day):
                continue
            if day in national and not (day in self.opened and day.weekday() < 5):
                name, source = national[day]
                days.append(NonWorkingDay(day, name, source))
            elif day.weekday() < 5:
                days.append(NonWorkingDay(day, self.closed[day], DaySource.LOCAL_CLOSURE))
        return days

    def describe(self, day: dt.date) -> NonWorkingDay | None:
        """Why *day* is not a working day (None for a working day or an ordinary weekend day)."""
        for entry in self.non_working_days(day.year):
            if entry.day == day:
                return entry
        return None

    # -- arithmetic

    def add_working_days(self, start: dt.date, n: int) -> dt.date:
        """The n-th working day after *start* (*start* is day 0, so n=0 returns *start* itself).

        Day 1 is the first working day strictly after *start*, whether or not *start* is a working
        day. For all a, b >= 0: add(add(s, a), b) == add(s, a + b).
        """
        _check_date(start)
        _check_year(start, start.year)
        n = _check_days(n)
        year = start.year
        working = self._working_days_of(year)
        if n == 0:
            return start
        index = bisect_right(working, start.toordinal()) + n - 1
        while index >= len(working):
            index -= len(working)
            year += 1
            if year not in supported_years():
                raise CalendarInputError(
                    N_("errors", "The due date falls after {last}, beyond the years the working-day calendar covers."),
                    field="days",
                    last=supported_years()[-1],
                )
            working = self._working_days_of(year)
        return dt.date.fromordinal(working[index])

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after *start* up to and including *end*; negative when *end* is before *start*.

        Defined as rank(end) - rank(start), where rank(d) counts the working days up to and
        including d; so it is 0 when end == start, between(a, b) == -between(b, a), and
        between(s, add_working_days(s, n)) == n. For a task due on *due*, it is late when
        today > due, by working_days_between(due, today) working days (0 on the weekend after a
        Friday due date); before the due date the value is minus the working days left.
        """
        _check_date(start)
        _check_date(end)
        _check_year(start, start.year)
        _check_year(end, end.year)
        if end < start:
            return -self.working_days_between(end, start)
        s, e = start.toordinal(), end.toordinal()
        first = self._working_days_of(start.year)
        if start.year == end.year:
            return bisect_right(first, e) - bisect_right(first, s)
        total = len(first) - bisect_right(first, s)
        for year in range(start.year + 1, end.year):
            total += len(self._working_days_of(year))
        return total + bisect_right(self._working_days_of(end.year), e)

    def _working_days_of(self, year: int) -> list[int]:
        working = self._working.get(year)
        if working is None:
            _check_year(year, year)
            national = self._national(year)
            working = []
            for ordinal in range(dt.date(year, 1, 1).toordinal(), dt.date(year, 12, 31).toordinal() + 1):
                day = dt.date.fromordinal(ordinal)
                if day.weekday() < 5 and day not in self.closed and (day in self.opened or day not in national):
                    working.append(ordinal)
            self._working[year] = working
        return working


def _as_reasons(days: Mapping[dt.date, str] | Iterable[dt.date]) -> dict[dt.date, str]:
    if isinstance(days, Mapping):
        return {_check_date(d): str(reason or "") for d, reason in days.items()}
    return {_check_date(d): "" for d in days}


def _check_date(day: object) -> dt.date:
    # A datetime is a date subclass but never equals one, so it would slip past every lookup.
    if not isinstance(day, dt.date) or isinstance(day, dt.datetime):
        raise TypeError(f"expected a datetime.date, got {type(day).__name__}")
    return day


def _check_year(day: object, year: int) -> None:
    years = supported_years()
    if year not in years:
        raise CalendarInputError(
            N_("errors", "{day} is outside the years the working-day calendar covers ({first}–{last})."),
            field="day",
            day=str(day),
            first=years[0],
            last=years[-1],
        )


def _check_days(n: object) -> int:
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"expected an int number of days, got {type(n).__name__}")
    if n < 0:
        raise CalendarInputError(
            N_("errors", "The number of working days cannot be negative ({days})."), field="days", days=n
        )
    return n


# --- parsing what people type ------------------------------------------------------------------

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def parse_date(text: str, *, field: str = "day") -> dt.date:
    """A date written YYYY-MM-DD (e.g. 2026-03-17); CalendarInputError otherwise."""
    value = (text or "").strip()
    if _ISO_DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise CalendarInputError(
        N_("errors", "Not a valid date: {text}. Write it as YYYY-MM-DD, e.g. 2026-03-17."), field=field, text=text
    )


def parse_working_days(text: str, *, field: str = "days") -> int:
    """A number of working days: a whole number, zero or more."""
    value = (text or "").strip()
    if not re.fullmatch(r"[+-]?[0-9]{1,9}", value):
        raise CalendarInputError(
            N_("errors", "The number of working days must be a whole number: {text}."), field=field, text=text
        )
    return _check_days(int(value))


def parse_year(text: str, *, field: str = "year") -> int:
    """A four-digit year the calendar covers."""
    value = (text or "").strip()
    if not re.fullmatch(r"[0-9]{4}", value):
        raise CalendarInputError(N_("errors", "Not a valid year: {text}."), field=field, text=text)
    year = int(value)
    _check_year(year, year)
    return year


# --- services over the unit of work ----------------------------------------------------------


def load_calendar(uow: UnitOfWork) -> WorkingCalendar:
    """The working calendar with the local changes in force (soft-deleted ones ignored)."""
    rows = uow.session.scalars(select(CalendarOverride).where(CalendarOverride.deleted_at.is_(None))).all()
    closed = {r.day: r.reason for r in rows if r.kind == CalendarOverride.CLOSED}
    opened = {r.day: r.reason for r in rows if r.kind == CalendarOverride.OPEN}
    return WorkingCalendar(closed, opened)


def year_confirmed(uow: UnitOfWork, year: int) -> bool:
    """Whether the administrator has confirmed *year*'s calendar (its cuti bersama decreed and entered).

    Setting ``calendar.confirmed_through``: the last confirmed year. A due date in a later year is
    computed from the ``holidays`` package's estimate and may move: screens and receipts say
    "perkiraan" until the administrator confirms the year (``mpp-desk calendar confirm YEAR``).
    """
    from mpp_desk import settings  # lazy: start of every mpp-desk command (cli/calendar.py imports this module)

    return year <= int(settings.get(uow, "calendar.confirmed_through"))


def list_overrides(uow: UnitOfWork, *, year: int | None = None) -> list[CalendarOverride]:
    """The local changes in force, by date; only those of *year* when given."""
    query = select(CalendarOverride).where(CalendarOverride.deleted_at.is_(None)).order_by(CalendarOverride.day)
    if year is not None:
        query = query.where(CalendarOverride.day.between(dt.date(year, 1, 1), dt.date(year, 12, 31)))
    return list(uow.session.scalars(query).all())


def close_day(uow: UnitOfWork, *, day: dt.date, reason: str) -> CalendarOverride:
    """Close the office on a working day (on a holiday opened locally: cancel the opening). Audited."""
    authorize(uow, uow.actor, Permission.EDIT_CALENDAR)
    reason = _check_reason(reason)
    calendar = load_calendar(uow)
    if not calendar.is_working_day(day):
        raise _already_closed(calendar, day)
    # The day is working: either an ordinary weekday (add a closure) or an opened holiday.
    wanted = CalendarOverride.CLOSED if WorkingCalendar().is_working_day(day) else None
    return _set_override(uow, day=day, kind=wanted, reason=reason)


def open_day(uow: UnitOfWork, *, day: dt.date, reason: str) -> CalendarOverride:
    """Make a day working: cancel a local closure, or open a national holiday / cuti bersama. Audited."""
    authorize(uow, uow.actor, Permission.EDIT_CALENDAR)
    reason = _check_reason(reason)
    _check_date(day)
    _check_year(day, day.year)
    if day.weekday() >= 5:
        raise CalendarChangeRefused(
            N_("errors", "{day} is a weekend day; only a weekday can be made a working day."), day=day.isoformat()
        )
    if load_calendar(uow).is_working_day(day):
        raise CalendarChangeRefused(N_("errors", "{day} is already a working day."), day=day.isoformat())
    wanted = None if WorkingCalendar().is_working_day(day) else CalendarOverride.OPEN
    return _set_override(uow, day=day, kind=wanted, reason=reason)


def _set_override(uow: UnitOfWork, *, day: dt.date, kind: str | None, reason: str) -> CalendarOverride:
    """Make the day's override *kind* (None: no override), reusing its row (the day is unique)."""
    from mpp_desk.uow import soft_delete  # lazy: start of every mpp-desk command (cli/calendar.py imports this module)

    row = uow.session.scalar(select(CalendarOverride).where(CalendarOverride.day == day))
    if kind is None:
        assert row is not None and not row.is_deleted, "a day that differs from the national calendar has an override"
        row.reason = reason  # the tombstone says why the change was undone; the outbox keeps the earlier version
        soft_delete(row)
    elif row is None:
        row = CalendarOverride(day=day, kind=kind, reason=reason)
        uow.session.add(row)
    else:
        row.kind = kind
        row.reason = reason
        row.deleted_at = None
    from mpp_desk import audit  # lazy: start of every mpp-desk command (cli/calendar.py imports this module)

    action = "calendar.change_undone" if kind is None else f"calendar.{kind}"
    audit.record(uow, action=action, entity="calendar_override", entity_id=row.id,
                 summary=f"{day.isoformat()} {action.split('.')[1]}", details={"day": day.isoformat(), "reason": reason})
    uow.flush()
    return row


def _check_reason(reason: str | None) -> str:
    text = check_text(reason, "calendar_reason", field="reason", error=CalendarInputError)
    if not text:
        raise CalendarInputError(N_("errors", "Give a reason for the change to the calendar."), field="reason")
    return text


def _already_closed(calendar: WorkingCalendar, day: dt.date) -> CalendarChangeRefused:
    if day.weekday() >= 5:
        return CalendarChangeRefused(
            N_("errors", "{day} is a weekend day; the office is already closed."), day=day.isoformat()
        )
    entry = calendar.describe(day)
    if entry is not None and entry.source is DaySource.LOCAL_CLOSURE:
        return CalendarChangeRefused(
            N_("errors", "{day} is already closed locally ({reason})."), day=day.isoformat(), reason=entry.name
        )
    return CalendarChangeRefused(
        N_("errors", "{day} is already a non-working day ({name})."),
        day=day.isoformat(),
        name=entry.name if entry is not None else "",
    )
