"""A counter PC that loses the server (issue 14): offline calls from the last known list, reconciled on return;
a ticket served twice is recorded for the supervisor; counter binding; a revoked device's stream is cut."""

from __future__ import annotations

import datetime as dt
import json
import threading
import time
import uuid

import httpx
import psycopg
import pytest

from mpp_desk.queue.counter_journal import CounterJournal
from mpp_desk.queue.errors import CounterNotBound, OfflineCallingOff, QueueOffline
from mpp_desk.queue.remote import RemoteQueue
from tests.server.conftest import _free_port, central, enroll
from tests.server.faultproxy import FaultProxy
from tests.server.queue_support import TUESDAY_10, CentralProcess, credential, queue_config, seed_records

pytestmark = pytest.mark.slow


@pytest.fixture
def office(server_db, office_clock):
    """mpp-central with group A served by counters 1 and 2; a kiosk, two counter PCs and a supervisor PC."""
    office_clock.set(TUESDAY_10, running=True)
    seed_records(server_db, queue_config([("A", "Perizinan", None)], [(1, ["A"]), (2, ["A"])]))
    server = CentralProcess(server_db, _free_port(), TUESDAY_10).start()
    try:
        creds = {name: credential(server.url, enroll(server_db, name, role))
                 for name, role in (("kiosk", "kiosk"), ("loket-1", "counter"), ("loket-2", "counter"),
                                    ("kepala", "supervisor"))}
        yield server, creds
    finally:
        server.stop()


def _picture(journal: CounterJournal, queue: RemoteQueue, number: int, now: dt.datetime) -> None:
    state = queue.counter_state(counter_number=number)
    waiting = {code: tuple(queue.waiting_list(group_code=code)) for code in state.counter.group_codes}
    journal.remember(state=state, waiting=waiting, last_seq=queue.latest_seq(), now=now)


def test_offline_calls_reconcile_on_return_and_a_ticket_served_twice_is_listed(office, office_clock, tmp_path,
                                                                                server_db):
    server, creds = office
    kiosk = RemoteQueue(server.url, creds["kiosk"])
    for _ in range(3):
        kiosk.issue(group_code="A")
    with FaultProxy(server.port) as proxy:
        counter1 = RemoteQueue(proxy.url, creds["loket-1"], attempts=1)
        counter2 = RemoteQueue(server.url, creds["loket-2"])
        journal = CounterJournal(tmp_path)
        _picture(journal, counter1, 1, office_clock.now())

        proxy.offline()  # the network between counter 1 and the server is gone
        with pytest.raises(QueueOffline):
            counter1.call_next(counter_number=1)
        quick = RemoteQueue(proxy.url, creds["loket-1"]).quick()  # the panel whose stream says the server is away
        with pytest.raises(QueueOffline):
            quick.call_next(counter_number=1)
        assert quick.tries == 1 and quick.attempts == 1
        assert counter2.call_next(counter_number=2).code == "A001"  # meanwhile, online, counter 2 takes A001

        def serve_offline() -> str:
            ticket = journal.call_next(number=1, allowed=True, now=office_clock.now())
            assert ticket is not None
            for action in ("start", "finish"):
                journal.act(number=1, action=action, ticket_id=ticket.id, now=office_clock.now())
            return ticket.code

        assert [serve_offline(), serve_offline()] == ["A001", "A002"]  # from the last list it knew
        assert len(CounterJournal(tmp_path).pending) == 6  # on disk: a restarted PC keeps them
        picture = journal.picture(1)
        assert picture is not None and picture.state.current is None and picture.pending == 6
        assert [t.code for t in picture.waiting["A"]] == ["A003"]

        proxy.online()
        summary = journal.upload(counter1, number=1)
        assert summary == {"applied": 3, "conflict": 3, "refused": 0, "conflict_codes": ["A001"]}
        assert journal.pending == [] and CounterJournal(tmp_path).pending == []

    a001 = counter2.find_ticket(code="A001")
    a002 = counter2.find_ticket(code="A002")
    assert (a001.status, a001.counter_number) == ("called", 2)  # the server's state stands
    assert (a002.status, a002.counter_number, a002.outcome) == ("done", 1, "completed")

    supervisor = RemoteQueue(server.url, creds["kepala"])
    [twice] = supervisor.served_twice(date=dt.date(2026, 11, 24))
    assert (twice.ticket_code, twice.offline_counter, twice.offline_device, twice.other_counter,
            twice.other_status, twice.offline_action) == ("A001", 1, "loket-1", 2, "called", "finish")
    assert twice.offline_called_at is not None and twice.other_called_at is not None
    assert supervisor.served_twice(date=dt.date(2026, 11, 25)) == []

    status, out, err = central("queue", "conflicts", "--database", server_db)
    assert status == 0, err
    assert "A001 served twice (dilayani dua kali): counter 1 offline (loket-1)" in out
    assert "counter 2 (called)" in out and "WIB" in out

    # the same journal sent again (its answer lost): answered from q_ops, nothing applied or recorded twice
    with psycopg.connect(server_db) as conn:
        events = conn.execute("SELECT count(*) FROM q_events").fetchone()[0]
    again = httpx.post(f"{server.url}/v1/queue/counters/1/offline-actions",
                       headers={"Authorization": f"Bearer {creds['loket-1']}", "X-MPP-Protocol": "1"},
                       json={"actions": [{"op_id": str(uuid.uuid4()), "action": "call", "ticket_id": str(a001.id),
                                          "at": TUESDAY_10.isoformat()}]})
    assert again.status_code == 200 and again.json()["conflict"] == 1
    with psycopg.connect(server_db) as conn:
        assert conn.execute("SELECT count(*) FROM q_events").fetchone()[0] == events
        assert conn.execute("SELECT count(*) FROM q_conflicts").fetchone()[0] == 1  # the same ticket and PC: one row


def test_with_the_setting_off_an_offline_call_is_refused_and_nothing_is_journaled(office, office_clock, tmp_path):
    server, creds = office
    RemoteQueue(server.url, creds["kiosk"]).issue(group_code="A")
    counter = RemoteQueue(server.url, creds["loket-1"])
    journal = CounterJournal(tmp_path)
    _picture(journal, counter, 1, office_clock.now())
    with pytest.raises(OfflineCallingOff) as refused:
        journal.call_next(number=1, allowed=False, now=office_clock.now())
    assert "pengawas" in refused.value.text()  # Indonesian, says whose setting
    assert journal.pending == [] and journal.picture(1).waiting["A"][0].code == "A001"


def test_a_counter_device_bound_to_its_counters_is_refused_elsewhere(office, server_db):
    server, creds = office
    RemoteQueue(server.url, creds["kiosk"]).issue(group_code="A")
    counter = RemoteQueue(server.url, creds["loket-1"])
    status, out, err = central("device", "bind", "loket-1", "--counters", "1", "--database", server_db)
    assert status == 0 and "counter 1 only" in out, err
    with pytest.raises(CounterNotBound) as refused:
        counter.call_next(counter_number=2)
    assert "loket 2" in refused.value.text() and "loket 1" in refused.value.text()
    answer = httpx.post(f"{server.url}/v1/queue/counters/2/call-next",
                        headers={"Authorization": f"Bearer {creds['loket-1']}", "X-MPP-Protocol": "1"})
    assert answer.status_code == 403 and answer.json()["error"]["type"] == "CounterNotBound"
    assert counter.call_next(counter_number=1).code == "A001"  # its own counter works
    # the offline journal is held to the same rule
    offline = httpx.post(f"{server.url}/v1/queue/counters/2/offline-actions",
                         headers={"Authorization": f"Bearer {creds['loket-1']}", "X-MPP-Protocol": "1"},
                         json={"actions": []})
    assert offline.status_code == 403
    assert central("device", "bind", "loket-1", "--unbind", "--database", server_db)[0] == 0
    assert RemoteQueue(server.url, creds["loket-2"]).call_next(counter_number=2) is None  # nobody waits: allowed
    assert counter.call_next(counter_number=2) is None  # unbound again: any counter


def test_a_revoked_devices_stream_is_cut_within_seconds_and_its_reconnect_refused(office, server_db):
    server, creds = office
    states: list[bool] = []
    stream = RemoteQueue(server.url, creds["loket-1"]).event_stream(on_state=states.append, max_backoff=0.5)
    ended = threading.Event()

    def read() -> None:
        try:
            for _ in stream:
                pass
        except Exception:  # noqa: BLE001 - the refusal that ends it
            pass
        ended.set()

    threading.Thread(target=read, daemon=True).start()
    deadline = time.monotonic() + 10
    while states != [True] and time.monotonic() < deadline:
        time.sleep(0.05)
    assert states == [True]
    with psycopg.connect(server_db) as conn:
        device_id = conn.execute("SELECT id FROM devices WHERE name = 'loket-1'").fetchone()[0]
    started = time.monotonic()
    status, _, err = central("device", "revoke", str(device_id), "--database", server_db)
    assert status == 0, err
    assert ended.wait(5), "the revoked device's stream stayed open"
    assert time.monotonic() - started < 5 and states == [True, False]
    again = httpx.get(f"{server.url}/v1/queue/stream",
                      headers={"Authorization": f"Bearer {creds['loket-1']}", "X-MPP-Protocol": "1"})
    assert again.status_code == 401
    assert json.loads(again.text)["detail"].startswith("this device is unknown or was revoked")


def test_a_joined_counter_pc_works_offline_through_its_ops_and_reconciles_on_its_next_load(office, office_clock,
                                                                                           make_pc):
    """The panel's own operations (what the screen runs) on a joined PC's data folder, the network cut between."""
    from mpp_desk import settings
    from mpp_desk.roles import TERMINAL, Actor, Role
    from mpp_desk.ui.ops import queue as ops

    officer = Actor(user_id=None, username="siti", role=Role.COUNTER)
    server, creds = office
    kiosk = RemoteQueue(server.url, creds["kiosk"])
    for _ in range(2):
        kiosk.issue(group_code="A")
    pc = make_pc("loket-1")
    with FaultProxy(server.port) as proxy:
        (pc.data_dir / "sync.json").write_text(json.dumps({
            "url": proxy.url, "device_id": str(uuid.uuid4()), "name": "loket-1", "role": "counter",
            "credential": creds["loket-1"], "office_name": "MPP Uji", "joined_at": "2026-11-24T03:00:00+00:00"}))

        def act(action: str, ticket_id=None):
            return ops.counter_action(pc, actor=officer, number=1, action=action, ticket_id=ticket_id,
                                      now=office_clock.now(), quick=True)

        first = ops.counter_panel(pc, actor=officer, number=1, now=office_clock.now())
        assert first.offline_since is None and [t.code for t in first.waiting["A"]] == ["A001", "A002"]
        proxy.offline()
        with pytest.raises(OfflineCallingOff):  # the setting is off by default
            act("call")
        with pc.uow(actor=TERMINAL) as uow:
            settings.set(uow, key="queue.offline_calling", value=True)
            uow.commit()
        called = act("call")
        assert called.ticket.code == "A001" and called.panel.offline_since is not None and called.panel.pending == 1
        act("start", called.ticket.id)
        done = act("finish", called.ticket.id)
        assert done.panel.state.current is None and done.panel.pending == 3
        assert ops.counter_panel(pc, actor=officer, number=1, now=office_clock.now()).offline_since is not None

        proxy.online()
        back = ops.counter_panel(pc, actor=officer, number=1, now=office_clock.now())
        assert back.offline_since is None and back.pending == 0
        assert back.reconciled == {"applied": 3, "conflict": 0, "refused": 0, "conflict_codes": []}
        assert [t.code for t in back.waiting["A"]] == ["A002"]
    served = kiosk.find_ticket(code="A001")
    assert (served.status, served.counter_number, served.outcome) == ("done", 1, "completed")
    assert RemoteQueue(server.url, creds["kepala"]).served_twice() == []
