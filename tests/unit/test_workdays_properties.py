"""Properties of working-day arithmetic, with random local closures and openings.

Stated precisely (s any date, a, b, n, m whole numbers >= 0, add = add_working_days,
between = working_days_between):
- add(s, 0) == s, and add(s, n) is a working day for n >= 1 (s itself need not be);
- add(add(s, a), b) == add(s, a + b) for all a, b >= 0;
- n < m implies add(s, n) < add(s, m) (strictly increasing in n from n = 0);
- between(s, add(s, n)) == n, and for n >= 1 no earlier date reaches n: between(s, add(s, n) - 1 day) == n - 1;
- between(a, b) == -between(b, a) and between(a, b) + between(b, c) == between(a, c);
- both agree with a day-by-day reference that applies the definition directly.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from mpp_desk.workdays import WorkingCalendar, national_days

ONE_DAY = dt.timedelta(days=1)
FIRST, LAST = dt.date(2024, 1, 1), dt.date(2028, 12, 31)

# Openings only matter on national days, so draw most of them from those.
_NATIONAL_WEEKDAYS = sorted(d for y in range(2024, 2031) for d in national_days(y) if d.weekday() < 5)

dates = st.dates(min_value=FIRST, max_value=LAST)
counts = st.integers(min_value=0, max_value=300)
calendars = st.builds(
    WorkingCalendar,
    closed=st.sets(st.dates(min_value=FIRST, max_value=dt.date(2030, 12, 31)), max_size=40),
    opened=st.sets(st.sampled_from(_NATIONAL_WEEKDAYS) | dates, max_size=20),
)


def reference_is_working(cal: WorkingCalendar, day: dt.date) -> bool:
    """The definition of domain.md, applied directly."""
    if day.weekday() >= 5 or day in cal.closed:
        return False
    return day in cal.opened or day not in national_days(day.year)


def reference_add(cal: WorkingCalendar, start: dt.date, n: int) -> dt.date:
    day = start
    while n > 0:
        day += ONE_DAY
        if reference_is_working(cal, day):
            n -= 1
    return day


def reference_between(cal: WorkingCalendar, start: dt.date, end: dt.date) -> int:
    if end < start:
        return -reference_between(cal, end, start)
    count, day = 0, start
    while day < end:
        day += ONE_DAY
        count += reference_is_working(cal, day)
    return count


@given(calendars, dates, st.integers(min_value=1, max_value=300))
def test_the_result_is_a_working_day(cal, start, n):
    assert cal.is_working_day(cal.add_working_days(start, n))


@given(calendars, dates)
def test_adding_zero_returns_the_day_of_receipt(cal, start):
    assert cal.add_working_days(start, 0) == start


@given(calendars, dates, counts, counts)
def test_adding_a_then_b_equals_adding_a_plus_b(cal, start, a, b):
    assert cal.add_working_days(cal.add_working_days(start, a), b) == cal.add_working_days(start, a + b)


@given(calendars, dates, counts, counts)
def test_strictly_increasing_in_n(cal, start, n, m):
    if n < m:
        assert cal.add_working_days(start, n) < cal.add_working_days(start, m)


@given(calendars, dates, counts)
def test_between_inverts_add(cal, start, n):
    due = cal.add_working_days(start, n)
    assert cal.working_days_between(start, due) == n
    if n >= 1:
        assert cal.working_days_between(start, due - ONE_DAY) == n - 1


@given(calendars, dates, dates, dates)
def test_between_is_antisymmetric_and_additive(cal, a, b, c):
    assert cal.working_days_between(a, b) == -cal.working_days_between(b, a)
    assert cal.working_days_between(a, b) + cal.working_days_between(b, c) == cal.working_days_between(a, c)
    assert cal.working_days_between(a, a) == 0


@settings(max_examples=60)
@given(calendars, dates, st.integers(min_value=0, max_value=120), dates)
def test_agrees_with_the_day_by_day_reference(cal, start, n, other):
    assert cal.add_working_days(start, n) == reference_add(cal, start, n)
    assert cal.working_days_between(start, other) == reference_between(cal, start, other)
    assert cal.is_working_day(other) == reference_is_working(cal, other)


@given(calendars, st.integers(min_value=2024, max_value=2028))
def test_non_working_days_are_exactly_the_named_days_off(cal, year):
    listed = cal.non_working_days(year)
    assert all(not cal.is_working_day(d.day) and d.day.year == year for d in listed)
    assert [d.day for d in listed] == sorted({d.day for d in listed})
    # Every weekday off is listed; weekends only when they carry a national name.
    day = dt.date(year, 1, 1)
    listed_days = {d.day for d in listed}
    while day.year == year:
        if day.weekday() < 5 and not cal.is_working_day(day):
            assert day in listed_days, day
        day += ONE_DAY
