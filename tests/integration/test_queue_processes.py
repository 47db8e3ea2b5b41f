"""A kiosk process, two counter processes and a display board process on one database file.

Every ticket the kiosk issues is called exactly once, by one of the counters; the board, polling
from its own process, sees every call once and in the order the database recorded them, and
speaks them in that order. Bounded in time; nothing is checked against the clock.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from mpp_desk.announce import announcement_text

pytestmark = pytest.mark.slow  # real processes: `make test-fast` leaves it out

ROOT = Path(__file__).resolve().parents[2]
AT = dt.datetime(2026, 11, 24, 10, 0, tzinfo=ZoneInfo("Asia/Jakarta"))  # a Tuesday, inside opening hours
TICKETS = 24


def start(role: str, data_dir: Path, value: int) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.integration.queue_actors", role, str(data_dir), str(value), AT.isoformat()],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )


def result(proc: subprocess.Popen, timeout: float = 150) -> dict:
    out, err = proc.communicate(timeout=timeout)
    assert proc.returncode == 0, err[-3000:]
    return json.loads(out.strip().splitlines()[-1])


@pytest.fixture
def office(data_dir):
    """The seeded database (groups A and B); counter 1 calls from A, counter 2 from A and B."""
    from mpp_desk import queue as q
    from mpp_desk.context import AppContext
    from mpp_desk.roles import TERMINAL

    ctx = AppContext(data_dir=data_dir)
    ctx.open()
    with ctx.uow(actor=TERMINAL) as uow:
        q.create_counter(uow, number=1, name="Loket 1", group_codes=["A"])
        q.create_counter(uow, number=2, name="Loket 2", group_codes=["A", "B"])
        uow.commit()
    ctx.close()
    return data_dir


def test_kiosk_two_counters_and_the_board_in_four_processes(office):
    board = start("display", office, TICKETS)
    try:
        deadline = time.monotonic() + 60
        while not (office / "display.ready").exists():  # the board polls before anyone is called
            assert board.poll() is None, board.communicate()[1][-3000:]
            assert time.monotonic() < deadline, "the display did not start"
            time.sleep(0.05)
        workers = [start("kiosk", office, TICKETS), start("counter", office, 1), start("counter", office, 2)]
        kiosk, *counters = [result(p) for p in workers]
        shown = result(board)
    finally:
        for proc in (board, *locals().get("workers", [])):
            if proc.poll() is None:
                proc.kill()

    issued = kiosk["issued"]
    assert len(issued) == TICKETS == len(set(issued))
    called = [code for c in counters for code in c["served"]]
    assert sorted(called) == sorted(issued)  # every ticket called exactly once
    assert not [code for code, n in Counter(called).items() if n > 1]
    assert all(c["served"] for c in counters)  # both counters worked

    from mpp_desk.context import AppContext
    from mpp_desk.models import QueueEvent

    ctx = AppContext(data_dir=office)
    with ctx.uow(write=False) as uow:
        recorded = [list(row) for row in uow.session.execute(
            select(QueueEvent.seq, QueueEvent.type, QueueEvent.ticket_code, QueueEvent.counter_number)
            .where(QueueEvent.type == "called").order_by(QueueEvent.seq))]
    ctx.close()
    # the board saw each call once, in the database's order, and said them in that order
    assert shown["calls"] == recorded
    assert shown["spoken"] == [announcement_text(code, counter) for _seq, _type, code, counter in recorded]
    assert shown["polls"] > 0
