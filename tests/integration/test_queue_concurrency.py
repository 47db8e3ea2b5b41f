"""Several real processes on one SQLite file: no double calls, no duplicate numbers, no half calls.

Processes start together on a "go" file so their calls overlap; what is checked is the outcome
(every ticket exactly once), never timing.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from collections import Counter
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from mpp_desk import queue as q
from mpp_desk.models import OutboxEntry, QueueEvent, Ticket
from mpp_desk.queue import LocalQueue

pytestmark = pytest.mark.slow  # real processes: `make test-fast` leaves it out

WIB = ZoneInfo("Asia/Jakarta")
NOW = dt.datetime(2026, 11, 24, 10, 0, tzinfo=WIB)  # a Tuesday, inside opening hours

PRELUDE = textwrap.dedent(
    """
    import datetime as dt, json, os, sys, time
    from mpp_desk.database import open_database
    from mpp_desk.queue import LocalQueue
    db = open_database(sys.argv[1], migrate=False)
    queue = LocalQueue(db, attempts=10)
    now = dt.datetime.fromisoformat(sys.argv[2])
    go = sys.argv[3]
    queue.waiting_counts(now=now)  # connection open and warm before the start
    open(go + ".ready" + sys.argv[4], "w").close()
    while not os.path.exists(go):
        time.sleep(0.001)
    """
)

COUNTER = PRELUDE + textwrap.dedent(
    """
    counter = int(sys.argv[4])
    called = []
    while True:
        ticket = queue.call_next(counter_number=counter, now=now)
        if ticket is None:
            break
        called.append(ticket.code)
        queue.mark_no_show(ticket_id=ticket.id, counter_number=counter, now=now)
    print(json.dumps(called))
    """
)

KIOSK = PRELUDE + textwrap.dedent(
    """
    issued = [queue.issue(group_code="A", now=now).ticket.number for _ in range(100)]
    print(json.dumps(issued))
    """
)


@pytest.fixture
def shared(db, uow_factory):
    """Group A and counters 1-4 that all serve it."""
    with uow_factory() as uow:
        q.create_group(uow, code="A", name="Perizinan Berusaha")
        for number in range(1, 5):
            q.create_counter(uow, number=number, name=f"Loket {number}", group_codes=["A"])
        uow.commit()
    return db


def run_together(script: str, db, extra_args: list[str], tmp_path) -> list:
    go = tmp_path / "go"
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(db.path), NOW.isoformat(), str(go), arg],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for arg in extra_args
    ]
    deadline = time.monotonic() + 120
    while not all((tmp_path / f"go.ready{arg}").exists() for arg in extra_args):  # everyone at the line
        assert time.monotonic() < deadline and all(p.poll() is None for p in procs), "a worker did not start"
        time.sleep(0.01)
    go.touch()
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        results.append(json.loads(out.strip().splitlines()[-1]))
    return results


def test_four_counter_processes_never_call_the_same_ticket(shared, tmp_path):
    queue = LocalQueue(shared)
    issued = [queue.issue(group_code="A", now=NOW).ticket.code for _ in range(200)]
    results = run_together(COUNTER, shared, ["1", "2", "3", "4"], tmp_path)
    called = [code for codes in results for code in codes]
    duplicates = [code for code, n in Counter(called).items() if n > 1]
    assert duplicates == []
    assert sorted(called) == sorted(issued)
    with shared.sessions() as session:
        calls = Counter(session.scalars(select(QueueEvent.ticket_code).where(QueueEvent.type == "called")))
        statuses = Counter(session.scalars(select(Ticket.status)))
    assert set(calls.values()) == {1} and len(calls) == 200
    assert statuses == {"no_show": 200}


def test_two_kiosk_processes_never_issue_the_same_number(shared, tmp_path):
    results = run_together(KIOSK, shared, ["1", "2"], tmp_path)  # two kiosks, 100 tickets each
    numbers = [n for numbers in results for n in numbers]
    assert sorted(numbers) == list(range(1, 201))
    with shared.sessions() as session:
        rows = session.execute(select(Ticket.number, Ticket.issued_at).order_by(Ticket.number)).all()
    times = [row.issued_at for row in rows]
    assert times == sorted(times) and len(set(times)) == 200  # the order of issue is the order of numbers


HALF_CALL = textwrap.dedent(
    """
    import datetime as dt, sys, time
    from mpp_desk.database import open_database
    from mpp_desk.queue import service
    from mpp_desk.uow import UnitOfWork
    db = open_database(sys.argv[1], migrate=False)
    now = dt.datetime.fromisoformat(sys.argv[2])
    uow = UnitOfWork(db).__enter__()
    ticket = service.call_next(uow, counter_number=1, now=now)   # UPDATE + event + outbox, flushed
    if sys.argv[3] == "commit":
        uow.commit()
    print(ticket.code, flush=True)
    time.sleep(120)   # killed here: with the transaction still open, or just after commit
    """
)


@pytest.mark.parametrize("moment", ["before-commit", "after-commit"])
def test_a_process_killed_during_a_call_leaves_the_ticket_whole(shared, moment):
    queue = LocalQueue(shared)
    ticket = queue.issue(group_code="A", now=NOW).ticket
    proc = subprocess.Popen(
        [sys.executable, "-c", HALF_CALL, str(shared.path), NOW.isoformat(), "commit" if moment == "after-commit" else "hold"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = proc.stdout.readline().strip()
        assert line == "A001", proc.stderr.read()
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    state = queue.get_ticket(ticket_id=ticket.id)
    with shared.sessions() as session:
        called_events = session.scalar(
            select(func.count()).select_from(QueueEvent).where(QueueEvent.ticket_id == ticket.id, QueueEvent.type == "called")
        )
        updates = session.scalar(
            select(func.count()).select_from(OutboxEntry).where(OutboxEntry.entity_id == ticket.id, OutboxEntry.op == "update")
        )
    # whole: either nothing of the call happened, or all of it did
    if moment == "before-commit":
        assert (state.status, state.counter_number, called_events, updates) == ("waiting", None, 0, 0)
        again = queue.call_next(counter_number=2, now=NOW)  # the ticket is not lost
        assert again.id == ticket.id and again.counter_number == 2
    else:
        assert (state.status, state.counter_number, called_events, updates) == ("called", 1, 1, 1)
        assert queue.counter_state(counter_number=1, now=NOW).current.id == ticket.id  # the counter finds it again
