"""The process clock and office time (mpp_desk.officetime)."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from mpp_desk import officetime
from mpp_desk.officetime import FixedClock, SystemClock

WIB = ZoneInfo("Asia/Jakarta")
ROOT = Path(__file__).resolve().parents[2]


def test_a_fixed_clock_is_set_and_advanced():
    clock = FixedClock(dt.datetime(2026, 12, 31, 23, 59, tzinfo=WIB))
    assert clock.now() == dt.datetime(2026, 12, 31, 16, 59, tzinfo=dt.timezone.utc)
    assert clock.now().tzinfo == dt.timezone.utc
    assert clock.today() == dt.date(2026, 12, 31)
    assert clock.advance(minutes=1) == dt.datetime(2027, 1, 1, 0, 0, tzinfo=WIB)
    assert clock.today() == dt.date(2027, 1, 1)  # the office's new year, still 31 December in UTC
    clock.set(dt.datetime(2026, 12, 11, 11, 55, tzinfo=WIB))
    assert clock.local_now().strftime("%a %H:%M") == "Fri 11:55"
    assert clock() == clock.now()
    with pytest.raises(ValueError):
        clock.set(dt.datetime(2026, 12, 11, 11, 55))  # naive: refused


def test_a_running_clock_moves_on_from_where_it_was_set():
    start = dt.datetime(2026, 12, 24, 10, 0, tzinfo=WIB)
    clock = FixedClock(start, running=True)
    first = clock.now()
    assert start <= first < start + dt.timedelta(minutes=1)
    assert clock.now() >= first
    clock.set(start, running=False)
    assert clock.now() == start and not clock.running


def test_the_process_clock_is_what_now_and_today_read(office_clock):
    office_clock.set(dt.datetime(2027, 1, 1, 0, 30, tzinfo=WIB), running=False)
    assert officetime.clock() is office_clock
    assert officetime.now() == dt.datetime(2026, 12, 31, 17, 30, tzinfo=dt.timezone.utc)
    assert officetime.today() == dt.date(2027, 1, 1)
    assert officetime.as_utc(None) == officetime.now()
    assert officetime.local() == dt.datetime(2027, 1, 1, 0, 30, tzinfo=WIB)
    assert officetime.local_date() == dt.date(2027, 1, 1)


def test_the_model_timestamp_default_is_the_process_clock(office_clock):
    from mpp_desk.models.base import utcnow

    office_clock.set(dt.datetime(2026, 12, 12, 10, 0, tzinfo=WIB), running=False)
    assert utcnow() == office_clock.now()


def test_the_app_context_holds_the_process_clock(tmp_path, office_clock):
    from mpp_desk.context import AppContext

    assert AppContext(data_dir=tmp_path).clock is office_clock
    assert AppContext.from_args(str(tmp_path)).clock is office_clock
    other = FixedClock(dt.datetime(2026, 12, 12, 10, 0, tzinfo=WIB))
    try:
        assert AppContext(data_dir=tmp_path, clock=other).clock is officetime.clock() is other  # one clock
    finally:
        officetime.install(office_clock)


def test_office_time_formatting_ignores_the_pc_zone(pc_in_new_york):
    moment = dt.datetime(2026, 3, 17, 2, 46, tzinfo=dt.timezone.utc)  # 09:46 WIB; 22:46 the day before in New York
    assert moment.astimezone().hour == 22  # the PC's zone really is another one
    assert officetime.hhmm(moment) == "09:46"
    assert officetime.hhmm(moment, ".") == "09.46"
    assert officetime.dmy(moment) == "17-03-2026"
    assert officetime.dmy(dt.date(2026, 3, 7)) == "07-03-2026"
    assert officetime.dmy_hm(moment) == "17-03-2026 09:46"
    assert officetime.dmy_hm(moment, seconds=True) == "17-03-2026 09:46:00"
    assert officetime.pukul(moment) == "pukul 09.46 WIB"
    assert officetime.local_date(moment) == dt.date(2026, 3, 17)


def test_the_system_clock_is_aware_utc():
    now = SystemClock().now()
    assert now.tzinfo == dt.timezone.utc
    assert abs((now - dt.datetime.now(dt.timezone.utc)).total_seconds()) < 60


def test_officetime_imports_no_area_package_no_sqlalchemy_and_no_qt():
    code = ("import sys, mpp_desk.officetime\n"
            "bad = [m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'PySide6', 'shiboken6')"
            " or (m.startswith('mpp_desk.') and m != 'mpp_desk.officetime')]\n"
            "print(bad)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_no_code_reads_the_pc_clock_or_zone_directly():
    """Times come from the process clock and are shown in office time: no datetime.now(), date.today()
    or argument-less astimezone() outside mpp_desk/officetime.py (migrations' backup file name aside)."""
    allowed = {"officetime.py": 1, "migrations.py": 1}
    offenders = []
    for path in (ROOT / "mpp_desk").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        hits = sum(text.count(s) for s in ("datetime.now(", "date.today(", ".astimezone()"))
        if hits > allowed.get(path.name, 0):
            offenders.append(f"{path.relative_to(ROOT)}: {hits}")
    assert offenders == []
