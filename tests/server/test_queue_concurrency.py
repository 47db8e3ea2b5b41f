"""The live queue under load and faults: counters and kiosks as separate processes against a real mpp-central.

- thirty counters pressing call-next at once never get the same ticket; numbers stay unique;
- the server SIGKILLed and restarted during a burst of calls and issues: 0 tickets lost, 0 duplicate
  numbers, 0 tickets called twice, nothing left half-done;
- a board that missed 200 events replays them (Last-Event-ID) and ends equal to the server's board;
  a stream whose server died reconnects by itself.
"""

from __future__ import annotations

import json
import threading

import psycopg
import pytest

from mpp_desk.queue.live import LiveBoard
from mpp_desk.queue.remote import RemoteQueue
from tests.server.conftest import _free_port, enroll
from tests.server.queue_support import TUESDAY_10, CentralProcess, client, credential, queue_config, seed_records

COUNTERS = 30


@pytest.fixture
def building(server_db, office_clock):
    """Groups A and B, thirty counters serving both; a kiosk, six counter PCs (five counters each), a board."""
    office_clock.set(TUESDAY_10, running=True)
    seed_records(server_db, queue_config([("A", "Perizinan", None), ("B", "Non-perizinan", None)],
                                         [(n, ["A", "B"]) for n in range(1, COUNTERS + 1)]))
    central = CentralProcess(server_db, _free_port(), TUESDAY_10).start()
    roles = {"kiosk-1": "kiosk", "kiosk-2": "kiosk", "board": "display", **{f"pc-{i}": "counter" for i in range(6)}}
    creds = {name: credential(central.url, enroll(server_db, name, role)) for name, role in roles.items()}
    yield central, creds, server_db
    central.stop()


def _db_rows(pg_url: str, sql: str) -> list[tuple]:
    with psycopg.connect(pg_url) as conn:
        return conn.execute(sql).fetchall()


def _run(processes) -> list[dict]:
    results = []
    for proc, out in processes:
        assert proc.wait(300) == 0
        results.append(json.loads(out.read_text()))
    return results


def _counter_pcs(central, creds, tmp_path, **options):
    groups = [",".join(str(n) for n in range(i * 5 + 1, i * 5 + 6)) for i in range(6)]
    return [(client("counter", central.url, creds[f"pc-{i}"], tmp_path / f"pc-{i}.json", counters=groups[i], **options),
             tmp_path / f"pc-{i}.json") for i in range(6)]


def _check_called_once(pg_url: str, results: list[dict]) -> int:
    called = [t for r in results for t in r["called"]]
    assert len(called) == len(set(called)), "a ticket was called by two counters"
    per_ticket = _db_rows(pg_url, "SELECT ticket_id, count(*) FROM q_events WHERE type = 'called' GROUP BY ticket_id")
    assert all(n == 1 for _, n in per_ticket)
    assert {str(t) for t, _ in per_ticket} == set(called)
    return len(called)


def test_thirty_counters_pressing_at_once_never_share_a_ticket(building, tmp_path):
    central, creds, pg_url = building
    with RemoteQueue(central.url, creds["kiosk-1"]) as kiosk:
        codes = [kiosk.issue(group_code="A" if i % 3 else "B").ticket.code for i in range(300)]
    assert len(set(codes)) == 300
    results = _run(_counter_pcs(central, creds, tmp_path, idle=2))
    assert _check_called_once(pg_url, results) == 300
    assert _db_rows(pg_url, "SELECT status, count(*) FROM q_tickets GROUP BY status") == [("done", 300)]
    numbers = _db_rows(pg_url, "SELECT group_code, count(*), count(DISTINCT number), max(number) FROM q_tickets "
                               "GROUP BY group_code ORDER BY group_code")
    assert numbers == [("A", 200, 200, 200), ("B", 100, 100, 100)]


def test_the_server_killed_during_a_burst_loses_and_doubles_nothing(building, tmp_path):
    central, creds, pg_url = building
    with RemoteQueue(central.url, creds["kiosk-1"]) as kiosk:
        for _ in range(150):
            kiosk.issue(group_code="A")
    kiosks = [(client("kiosk", central.url, creds[f"kiosk-{k}"], tmp_path / f"kiosk-{k}.json", group="AB"[k - 1],
                      count=100, attempts=40), tmp_path / f"kiosk-{k}.json") for k in (1, 2)]
    counters = _counter_pcs(central, creds, tmp_path, idle=40, attempts=40)
    # kill once the burst is under way (events show it), then start it again on the same port
    _wait_for_events(pg_url, 150 + 120)  # the 150 issued before, and 120 of the burst
    central.kill()
    central.start()
    kiosk_results = _run(kiosks)
    results = _run(counters)

    issued = [c for r in kiosk_results for c in r["issued"]]
    assert len(issued) == 200 and len(set(issued)) == 200
    rows = _db_rows(pg_url, "SELECT code FROM q_tickets")
    assert len(rows) == 350 and len({c for (c,) in rows}) == 350  # 0 lost, 0 duplicate numbers
    assert set(issued) <= {c for (c,) in rows}
    numbers = _db_rows(pg_url, "SELECT group_code, count(*), max(number) FROM q_tickets GROUP BY 1 ORDER BY 1")
    assert numbers == [("A", 250, 250), ("B", 100, 100)]  # no gap: a number dies with its rolled-back ticket
    called = _check_called_once(pg_url, results)
    stuck = _db_rows(pg_url, "SELECT count(*) FROM q_tickets WHERE status IN ('called', 'serving')")
    assert stuck == [(0,)]
    waiting = _db_rows(pg_url, "SELECT count(*) FROM q_tickets WHERE status = 'waiting'")[0][0]
    assert called + waiting == 350


def _wait_for_events(pg_url: str, n: int) -> None:
    import time

    deadline = time.monotonic() + 120
    while _db_rows(pg_url, "SELECT count(*) FROM q_events")[0][0] < n:
        assert time.monotonic() < deadline, "the burst did not start"
        time.sleep(0.05)


def test_a_board_that_missed_200_events_catches_up_to_the_servers_state(building):
    central, creds, _ = building
    kiosk = RemoteQueue(central.url, creds["kiosk-1"])
    counter = RemoteQueue(central.url, creds["pc-0"])
    board_api = RemoteQueue(central.url, creds["board"])
    for _ in range(5):
        kiosk.issue(group_code="A")
    board = LiveBoard.from_state(board_api.board_state())

    stream = board_api.event_stream(after=board.last_seq)
    for i in range(6):
        _activity(kiosk, counter, i)
    seen = []
    for event in stream:  # the first ten events, then the board goes away
        board.apply(event)
        seen.append(event.seq)
        if len(seen) == 10:
            break
    assert seen == list(range(board.last_seq - 9, board.last_seq + 1))
    last = stream.last_id
    for i in range(40):  # 200 events while the board is away: 100 issued, 20 x (called, started, finished), 40 more
        _activity(kiosk, counter, i, burst=True)
    missed = board_api.board_state().last_seq - last
    assert missed >= 200

    again = board_api.event_stream(after=last)
    replayed = []
    target = board_api.board_state().last_seq
    for event in again:
        replayed.append(event.seq)
        board.apply(event)
        if event.seq >= target:
            again.stop()
    assert replayed == list(range(last + 1, target + 1))
    server = board_api.board_state()
    assert board.waiting == server.waiting
    assert board.serving == {c.counter_number: (c.ticket_code, c.status) for c in server.now_serving}
    assert [e.seq for e in board.last_calls] == [e.seq for e in server.last_calls]

    # the server dies under a connected stream: it reconnects by itself and goes on from its last event
    states: list[bool] = []
    connected = threading.Event()

    def on_state(online: bool) -> None:
        states.append(online)
        connected.set()

    live = board_api.event_stream(after=server.last_seq, on_state=on_state, max_backoff=0.5)
    got: list[int] = []
    arrived = threading.Event()

    def on_event(event):
        board.apply(event)
        got.append(event.seq)
        if event.seq >= server.last_seq + 2:
            arrived.set()

    thread = live.run_in_thread(on_event)
    assert connected.wait(30) and states == [True]
    kiosk.issue(group_code="B")
    central.kill()
    central.start()
    kiosk.issue(group_code="B")
    assert arrived.wait(60)
    live.stop()  # the reading thread ends at the latest with the server's next keep-alive (10 s)
    thread.join(30)
    assert got == [server.last_seq + 1, server.last_seq + 2]
    assert live.connections == 2 and states[:3] == [True, False, True]
    assert board.waiting == board_api.board_state().waiting
    for queue in (kiosk, counter, board_api):
        queue.close()


def _activity(kiosk: RemoteQueue, counter: RemoteQueue, i: int, *, burst: bool = False) -> None:
    """Events of a morning: issues, and a counter calling, serving and finishing."""
    kiosk.issue(group_code="AB"[i % 2])
    if burst:
        for _ in range(4):
            kiosk.issue(group_code="AB"[i % 2])
    if i % 2 == 0:
        ticket = counter.call_next(counter_number=1)
        if ticket is not None:
            counter.start_service(ticket_id=ticket.id, counter_number=1)
            counter.finish(ticket_id=ticket.id, counter_number=1)
