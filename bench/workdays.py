"""Working-day arithmetic: add_working_days and working_days_between, against a day-by-day baseline.

The baseline walks one day at a time with the same calendar's is_working_day (what a
straightforward implementation does); both run in the same process on the same calls.
Last line: one JSON object with the figures.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import statistics
import time

from mpp_desk.workdays import WorkingCalendar

REPEATS = 5
CALLS = 10_000


def naive_add(cal: WorkingCalendar, start: dt.date, n: int) -> dt.date:
    day = start
    while n > 0:
        day += dt.timedelta(days=1)
        if cal.is_working_day(day):
            n -= 1
    return day


def timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def main() -> None:
    rng = random.Random(2026)
    calls = [(dt.date(2025, 1, 1) + dt.timedelta(days=rng.randrange(3 * 365)), rng.randrange(1, 31)) for _ in range(CALLS)]
    closed = {dt.date(2026, 3, 25): "Banjir", dt.date(2026, 6, 2): "Listrik"}
    opened = {dt.date(2026, 3, 24): "Buka"}
    t0 = time.perf_counter()
    cal = WorkingCalendar(closed, opened)
    cal.add_working_days(*calls[0])
    cold_ms = (time.perf_counter() - t0) * 1000
    for start, n in calls:  # warm every year once
        assert cal.add_working_days(start, n) == naive_add(cal, start, n)
    fast = [timed(lambda: [cal.add_working_days(s, n) for s, n in calls]) for _ in range(REPEATS)]
    slow = [timed(lambda: [naive_add(cal, s, n) for s, n in calls]) for _ in range(REPEATS)]
    pairs = list(zip([c[0] for c in calls], [c[0] for c in calls[1:]]))
    between = [timed(lambda: [cal.working_days_between(a, b) for a, b in pairs]) for _ in range(REPEATS)]
    fast_m, slow_m, between_m = (statistics.median(x) for x in (fast, slow, between))
    print(f"add_working_days: {CALLS / fast_m:,.0f} calls/s (median of {REPEATS}; {fast_m * 1000:.1f} ms per {CALLS:,})")
    print(f"day-by-day baseline: {CALLS / slow_m:,.0f} calls/s; speed-up {slow_m / fast_m:.1f}x")
    print(f"working_days_between: {len(pairs) / between_m:,.0f} calls/s")
    print(f"first call on a new calendar (loads holidays, indexes a year): {cold_ms:.1f} ms")
    print(json.dumps({
        "bench": "workdays",
        "add_calls_per_s": round(CALLS / fast_m),
        "baseline_calls_per_s": round(CALLS / slow_m),
        "speedup": round(slow_m / fast_m, 2),
        "between_calls_per_s": round(len(pairs) / between_m),
        "cold_first_call_ms": round(cold_ms, 1),
    }))


if __name__ == "__main__":
    main()
