"""Office time: the process's one clock, the office's zone (Asia/Jakarta, WIB) and its dates.

Every stored time is aware UTC; office time is for people and rules. ``now()`` and ``today()``
read the process clock: the system clock unless the bootstrap or a test installed another
(:func:`install`). Services that take ``now=``/``at=``/``today=`` default to it, ops and widgets
read ``ctx.clock`` (the same object), and model timestamps default to it, so a test sets the time
once for everything in its process.

The zone comes from ``zoneinfo``; ``tzdata`` is a dependency so Windows PCs, which ship no zone
database, have it too. This module imports no area package, no SQLAlchemy and no Qt: the kiosk
and the board read it before their first paint.
"""

from __future__ import annotations

import datetime as dt
import functools
import time
from zoneinfo import ZoneInfo

OFFICE_TZ_NAME = "Asia/Jakarta"
OFFICE_TZ_ABBREVIATION = "WIB"


@functools.lru_cache(maxsize=1)
def office_tz() -> ZoneInfo:
    """The office's time zone (WIB, UTC+7, no daylight saving)."""
    return ZoneInfo(OFFICE_TZ_NAME)


class Clock:
    """A source of the current moment (aware UTC). Subclasses define :meth:`now`."""

    def now(self) -> dt.datetime:
        raise NotImplementedError

    def local_now(self) -> dt.datetime:
        """Now in office time."""
        return local(self.now())

    def today(self) -> dt.date:
        """The office's calendar date now (the service day)."""
        return local_date(self.now())

    def __call__(self) -> dt.datetime:  # a clock is also a plain "now" callable
        return self.now()


class SystemClock(Clock):
    """The PC's clock."""

    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.timezone.utc)

    def __repr__(self) -> str:
        return "SystemClock()"


class FixedClock(Clock):
    """A clock tests set: stopped at a moment (``running=False``) or running on from it at real speed.

    ``set(moment)`` moves it to *moment*; ``advance(minutes=5)`` moves it on.
    """

    def __init__(self, moment: dt.datetime, *, running: bool = False) -> None:
        self.running = running
        self.set(moment)

    def set(self, moment: dt.datetime, *, running: bool | None = None) -> None:
        """Move to *moment*; *running* (if given) also starts or stops the clock there."""
        if running is not None:
            self.running = running
        if moment.tzinfo is None:
            raise ValueError("naive datetime given to the clock; pass an aware one")
        self._base = moment.astimezone(dt.timezone.utc)
        self._set_at = time.monotonic()

    def advance(self, delta: dt.timedelta | None = None, **kwargs: float) -> dt.datetime:
        """Move on by *delta* or by ``timedelta(**kwargs)``; returns the new now."""
        self.set(self.now() + (delta if delta is not None else dt.timedelta(**kwargs)))
        return self.now()

    def now(self) -> dt.datetime:
        if self.running:
            return self._base + dt.timedelta(seconds=time.monotonic() - self._set_at)
        return self._base

    def __repr__(self) -> str:
        return f"FixedClock({self.now().isoformat()}, running={self.running})"


_SYSTEM = SystemClock()
_clock: Clock = _SYSTEM


def clock() -> Clock:
    """The process clock."""
    return _clock


def install(new: Clock | None) -> Clock:
    """Make *new* the process clock (None: the system clock); returns it. Bootstrap and tests only."""
    global _clock
    _clock = new if new is not None else _SYSTEM
    return _clock


def now() -> dt.datetime:
    """The process clock's now, aware UTC."""
    return _clock.now()


def today() -> dt.date:
    """The office's date now by the process clock (the service day)."""
    return _clock.today()


def as_utc(moment: dt.datetime | None) -> dt.datetime:
    """*moment* (aware) in UTC; None means now. Naive datetimes are refused: their zone is a guess."""
    if moment is None:
        return now()
    if moment.tzinfo is None:
        raise ValueError("naive datetime given; pass an aware one")
    return moment.astimezone(dt.timezone.utc)


def local(moment: dt.datetime | None = None) -> dt.datetime:
    """*moment* (aware; None: now) in office time. Never ``astimezone()`` without a zone: that is the PC's."""
    moment = as_utc(moment)
    return moment.astimezone(office_tz())


def local_date(moment: dt.datetime | None = None) -> dt.date:
    """The office's calendar date at *moment* (None: now); numbers restart at local midnight."""
    return local(moment).date()


def office_datetime(day: dt.date, at: dt.time = dt.time(0, 0)) -> dt.datetime:
    """*day* at *at* in office time, aware."""
    return dt.datetime.combine(day, at, tzinfo=office_tz())


# --- Indonesian formatting of office times -------------------------------------------------------

def hhmm(moment: dt.datetime, sep: str = ":") -> str:
    """Office hour and minute of *moment*: "09:46" (``sep="."``: "09.46", the Indonesian written style)."""
    m = local(moment)
    return f"{m.hour:02d}{sep}{m.minute:02d}"


def dmy(moment: dt.datetime | dt.date, sep: str = "-") -> str:
    """Office date of *moment* (or a date) as day-month-year: "24-11-2026"."""
    d = local_date(moment) if isinstance(moment, dt.datetime) else moment
    return f"{d.day:02d}{sep}{d.month:02d}{sep}{d.year:04d}"


def dmy_hm(moment: dt.datetime, *, seconds: bool = False) -> str:
    """Office date and time of *moment*: "24-11-2026 09:46" (with seconds: "24-11-2026 09:46:05")."""
    m = local(moment)
    return f"{dmy(m.date())} {m:%H:%M:%S}" if seconds else f"{dmy(m.date())} {m:%H:%M}"


def pukul(moment: dt.datetime) -> str:
    """ "pukul 09.46 WIB": the time of *moment* as written in Indonesian."""
    return f"pukul {hhmm(moment, '.')} {OFFICE_TZ_ABBREVIATION}"
