"""Time for the queue: the office's zone (Asia/Jakarta, WIB) and its service date.

The zone comes from ``zoneinfo``; ``tzdata`` is a dependency so Windows PCs, which ship no zone
database, have it too. Every stored time is aware UTC; local times are for people and rules.
"""

from __future__ import annotations

import datetime as dt
import functools
from zoneinfo import ZoneInfo

OFFICE_TZ_NAME = "Asia/Jakarta"


@functools.lru_cache(maxsize=1)
def office_tz() -> ZoneInfo:
    """The office's time zone (WIB, UTC+7, no daylight saving)."""
    return ZoneInfo(OFFICE_TZ_NAME)


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def as_utc(moment: dt.datetime | None) -> dt.datetime:
    """*moment* (aware) in UTC; None means now. Naive datetimes are refused: their zone is a guess."""
    if moment is None:
        return utc_now()
    if moment.tzinfo is None:
        raise ValueError("naive datetime given to the queue; pass an aware one")
    return moment.astimezone(dt.timezone.utc)


def local(moment: dt.datetime) -> dt.datetime:
    """*moment* in office time."""
    return moment.astimezone(office_tz())


def local_date(moment: dt.datetime) -> dt.date:
    """The office's calendar date at *moment* (numbers restart at local midnight)."""
    return local(moment).date()
