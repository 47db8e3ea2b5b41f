"""The live queue on mpp-central: the server issues, claims and refuses; the PC's RemoteQueue speaks for the screens."""

from __future__ import annotations

import uuid

import httpx
import pytest

from mpp_desk.queue.errors import (
    CounterBusy,
    DailyLimitReached,
    InvalidTransition,
    QueueClosed,
    QueueNotFound,
    QueueOffline,
    QueueServerRefused,
)
from mpp_desk.queue.remote import RemoteQueue
from tests.server.conftest import _free_port, enroll
from tests.server.queue_support import TUESDAY_10, CentralProcess, credential, queue_config, record, seed_records


@pytest.fixture
def office(server_db, office_clock):
    """A server with groups A (limit 3 a day) and B, counters 1 (A, B) and 2 (B), on a Tuesday at 10.00 WIB."""
    office_clock.set(TUESDAY_10, running=True)
    seed_records(server_db, queue_config([("A", "Perizinan", 3), ("B", "Non-perizinan", None)],
                                         [(1, ["A", "B"]), (2, ["B"])]))
    central = CentralProcess(server_db, _free_port(), TUESDAY_10).start()
    codes = {name: enroll(server_db, name, role) for name, role in
             (("kiosk", "kiosk"), ("loket-1", "counter"), ("loket-2", "counter"), ("tv", "display"))}
    creds = {name: credential(central.url, code) for name, code in codes.items()}
    queues = {name: RemoteQueue(central.url, cred, retry_pause=0.05) for name, cred in creds.items()}
    yield central, queues, creds
    for queue in queues.values():
        queue.close()
    central.stop()


def test_numbers_calls_and_the_counters_actions_go_through_the_server(office):
    _, q, _ = office
    first = q["kiosk"].issue(group_code="A")
    second = q["kiosk"].issue(group_code="A")
    b1 = q["kiosk"].issue(group_code="B", priority_reason=None)
    assert [first.ticket.code, second.ticket.code, b1.ticket.code] == ["A001", "A002", "B001"]
    assert (first.ahead, second.ahead) == (0, 1)
    assert second.estimated_wait.total_seconds() > 0
    assert q["tv"].waiting_counts() == {"A": 2, "B": 1}

    called = q["loket-1"].call_next(counter_number=1)
    assert called is not None and called.code == "A001" and called.status == "called" and called.counter_number == 1
    with pytest.raises(CounterBusy):
        q["loket-1"].call_next(counter_number=1)
    with pytest.raises(InvalidTransition):  # counter 2 does not hold it
        q["loket-2"].start_service(ticket_id=called.id, counter_number=2)
    assert q["loket-1"].recall(ticket_id=called.id, counter_number=1).recall_count == 1
    assert q["loket-1"].start_service(ticket_id=called.id, counter_number=1).status == "serving"
    held = q["loket-1"].hold(ticket_id=called.id, counter_number=1)
    assert held.status == "held"
    assert q["loket-1"].counter_state(counter_number=1).held[0].code == "A001"
    assert q["loket-1"].resume(ticket_id=called.id, counter_number=1).status == "serving"
    moved = q["loket-1"].transfer(ticket_id=called.id, counter_number=1, to_group_code="B")
    assert (moved.status, moved.route_group_code, moved.code) == ("waiting", "B", "A001")

    # counter 2 serves only B: it now gets the transferred A001 (issued before B001)
    at_two = q["loket-2"].call_next(counter_number=2)
    assert at_two is not None and at_two.code == "A001"
    q["loket-2"].start_service(ticket_id=at_two.id, counter_number=2)
    done = q["loket-2"].finish(ticket_id=at_two.id, counter_number=2, outcome="completed")
    assert (done.status, done.outcome) == ("done", "completed")
    assert q["loket-2"].call_next(counter_number=2).code == "B001"
    absent = q["loket-2"].mark_no_show(ticket_id=q["loket-2"].counter_state(counter_number=2).current.id,
                                       counter_number=2)
    assert absent.status == "no_show"
    cancelled = q["loket-1"].cancel(ticket_id=second.ticket.id)
    assert cancelled.status == "cancelled"
    assert q["loket-1"].call_next(counter_number=1) is None

    board = q["tv"].board_state()
    assert [e.ticket_code for e in board.last_calls] == ["B001", "A001", "A001", "A001"]
    assert board.waiting == {"A": 0, "B": 0}
    events = q["tv"].events_since(after_seq=0, limit=100)
    assert [e.seq for e in events] == list(range(1, len(events) + 1))
    assert events[-1].seq == board.last_seq
    assert [e.type for e in events][:4] == ["issued", "issued", "issued", "called"]


def test_refusals_are_the_pcs_own_messages_and_write_nothing(office, server_db):
    _, q, _ = office
    for _ in range(3):
        q["kiosk"].issue(group_code="A")
    with pytest.raises(DailyLimitReached) as limit:
        q["kiosk"].issue(group_code="A")
    assert "3" in limit.value.text("id")
    with pytest.raises(QueueNotFound):
        q["kiosk"].issue(group_code="Z")
    with pytest.raises(QueueServerRefused):  # a display issues nothing
        q["tv"].issue(group_code="B")
    with pytest.raises(QueueServerRefused):  # a kiosk calls nobody
        q["kiosk"].call_next(counter_number=1)
    status = {g.code: g for g in q["kiosk"].kiosk_status()}
    assert status["A"].open is False and "3" in status["A"].reason and status["B"].open is True
    assert [e.ticket_code for e in q["tv"].events_since()] == ["A001", "A002", "A003"]

    # the administrator closes today (a calendar record synced from the admin PC): the server's calendar decides
    seed_records(server_db, [record("calendar_override", day=TUESDAY_10.date().isoformat(), kind="closed",
                                    reason="Rapat kantor")])
    with pytest.raises(QueueClosed) as closed:
        q["kiosk"].issue(group_code="B")
    assert "Rapat kantor" in closed.value.text("id")


def test_a_retried_request_is_answered_once(office):
    central, q, creds = office
    headers = {"Authorization": f"Bearer {creds['kiosk']}", "X-MPP-Protocol": "1", "X-MPP-Op-Id": str(uuid.uuid4())}
    first = httpx.post(f"{central.url}/v1/queue/issue", json={"group_code": "B"}, headers=headers)
    again = httpx.post(f"{central.url}/v1/queue/issue", json={"group_code": "B"}, headers=headers)
    assert first.status_code == again.status_code == 200
    assert again.json() == first.json() and again.headers.get("X-MPP-Replayed") == "1"
    assert q["tv"].waiting_counts()["B"] == 1

    counter = {**headers, "Authorization": f"Bearer {creds['loket-2']}", "X-MPP-Op-Id": str(uuid.uuid4())}
    call = httpx.post(f"{central.url}/v1/queue/counters/2/call-next", headers=counter)
    recall = httpx.post(f"{central.url}/v1/queue/counters/2/call-next", headers=counter)
    assert call.json() == recall.json() and call.json()["ticket"]["code"] == "B001"


def test_the_server_away_is_one_clear_error(office):
    central, q, _ = office
    central.kill()
    with pytest.raises(QueueOffline) as away:
        q["kiosk"].issue(group_code="A")
    assert "server antrian" in away.value.text("id").lower()
    central.start()
    assert q["kiosk"].issue(group_code="A").ticket.code == "A001"


def test_a_joined_pc_gets_the_server_queue_and_a_standalone_one_none(office, tmp_path):
    import json
    from types import SimpleNamespace

    from mpp_desk.queue.remote import remote_backend_if_joined

    central, _, creds = office
    assert remote_backend_if_joined(SimpleNamespace(data_dir=tmp_path)) is None
    (tmp_path / "sync.json").write_text(json.dumps({
        "url": central.url, "device_id": str(uuid.uuid4()), "name": "kiosk", "role": "kiosk",
        "credential": creds["kiosk"], "office_name": "MPP Uji", "joined_at": "2026-11-24T03:00:00+00:00"}))
    queue = remote_backend_if_joined(SimpleNamespace(data_dir=tmp_path))
    assert isinstance(queue, RemoteQueue)
    assert queue.issue(group_code="B").ticket.code == "B001"
    again = remote_backend_if_joined(SimpleNamespace(data_dir=tmp_path), actor=None)
    assert again._client is queue._client  # one connection pool per data folder

    # the one factory the screens and commands use picks the server's queue for a joined PC
    from mpp_desk.queue.backend import make_queue_backend

    chosen = make_queue_backend(SimpleNamespace(data_dir=tmp_path))
    assert isinstance(chosen, RemoteQueue)
    found = chosen.find_ticket(code="b001")
    assert (found.code, found.status) == ("B001", "waiting")
    with pytest.raises(QueueNotFound):
        chosen.find_ticket(code="B099")
    assert chosen.latest_seq() >= 1 and chosen.clock_warning() is None
    before = chosen.latest_seq()
    chosen.issue(group_code="B")
    assert chosen.latest_seq() > before


def test_copies_of_one_request_arriving_at_once_are_answered_alike_and_done_once(office, server_db):
    import psycopg

    from concurrent.futures import ThreadPoolExecutor

    central, q, creds = office
    base = {"X-MPP-Protocol": "1"}

    def send(path: str, cred: str, op: str, body=None):
        headers = {**base, "Authorization": f"Bearer {cred}", "X-MPP-Op-Id": op}
        return httpx.post(f"{central.url}{path}", json=body, headers=headers, timeout=30)

    issue_op = str(uuid.uuid4())
    with ThreadPoolExecutor(8) as pool:
        issued = list(pool.map(lambda _: send("/v1/queue/issue", creds["kiosk"], issue_op, {"group_code": "B"}), range(8)))
    assert {r.status_code for r in issued} == {200}
    assert len({r.json()["ticket"]["id"] for r in issued}) == 1
    assert q["tv"].waiting_counts()["B"] == 1

    call_op = str(uuid.uuid4())
    with ThreadPoolExecutor(8) as pool:
        calls = list(pool.map(lambda _: send("/v1/queue/counters/2/call-next", creds["loket-2"], call_op), range(8)))
    assert {r.status_code for r in calls} == {200}
    assert {r.json()["ticket"]["code"] for r in calls} == {"B001"}
    with psycopg.connect(server_db) as conn:  # the copies' rolled-back events leave gaps readers wait out (2 s)
        assert conn.execute("SELECT type, count(*) FROM q_events GROUP BY type ORDER BY type").fetchall() == [
            ("called", 1), ("issued", 1)]


def test_the_lean_routes_check_and_answer_as_the_framework_routes(office, server_db):
    """issue, call-next and the counter's actions take a lean path (queue_fast.py) in front of the FastAPI routes:
    same refusals of bad requests, same answers; a path its convertors do not take reaches the FastAPI route."""
    from starlette.routing import Route

    from mpp_desk.server.app import create_app
    from mpp_desk.server.db import make_engine
    from mpp_desk.server.settings import ServerSettings

    engine = make_engine(server_db, pool_size=1)
    try:
        app = create_app(ServerSettings(database_url=server_db), engine)
    finally:
        engine.dispose()
    lean = [r for r in app.router.routes[:7] if type(r) is Route]
    assert {r.path for r in lean} >= {"/v1/queue/issue", "/v1/queue/counters/{number:int}/call-next",
                                      "/v1/queue/tickets/{ticket_id:uuid}/no-show"}
    assert "/v1/queue/issue" in app.openapi()["paths"]  # the FastAPI route still documents it

    central, q, creds = office
    url = central.url
    kiosk = {"Authorization": f"Bearer {creds['kiosk']}", "X-MPP-Protocol": "1"}
    counter = {**kiosk, "Authorization": f"Bearer {creds['loket-1']}"}
    post = httpx.post
    assert post(f"{url}/v1/queue/issue", json={"group_code": "B"}, headers={"Authorization": kiosk["Authorization"]}
                ).status_code == 400  # no protocol header
    assert post(f"{url}/v1/queue/issue", json={"group_code": "B"}, headers={**kiosk, "X-MPP-Protocol": "x"}).status_code == 422
    assert post(f"{url}/v1/queue/issue", json={"group_code": "B"}, headers={**kiosk, "X-MPP-Op-Id": "nope"}).status_code == 422
    too_long = post(f"{url}/v1/queue/issue", json={"group_code": "BBBBB"}, headers=kiosk)
    assert too_long.status_code == 422 and too_long.json()["detail"].startswith("malformed request: body.group_code")
    assert post(f"{url}/v1/queue/issue", content=b'{"group_code": "B"}',
                headers={**kiosk, "Content-Type": "text/plain"}).status_code == 422
    assert post(f"{url}/v1/queue/issue", json={"group_code": "B"}, headers={**kiosk, "Authorization": "Bearer x"}
                ).status_code == 401
    assert post(f"{url}/v1/queue/issue", json={"group_code": "Z"}, headers=kiosk).json()["error"]["type"] == "QueueNotFound"
    for bad in ("0", "10000", "abc"):
        assert post(f"{url}/v1/queue/counters/{bad}/call-next", headers=counter).status_code == 422

    q["kiosk"].issue(group_code="B")
    called = q["loket-1"].call_next(counter_number=1)
    assert called is not None and called.code == "B001"
    lower, upper = str(called.id), str(called.id).upper()  # the FastAPI route takes the upper-case id
    for ticket in (lower, upper):
        wrong = post(f"{url}/v1/queue/tickets/{ticket}/no-show", json={"counter_number": 2}, headers=counter)
        assert wrong.status_code == 409 and wrong.json()["error"]["type"] == "InvalidTransition"
        assert post(f"{url}/v1/queue/tickets/{ticket}/finish", json={"counter_number": 1, "outcome": "x" * 40},
                    headers=counter).status_code == 422
    done = post(f"{url}/v1/queue/tickets/{upper}/no-show", json={"counter_number": 1}, headers=counter)
    again = post(f"{url}/v1/queue/tickets/{lower}/no-show", json={"counter_number": 1}, headers=counter)
    assert done.status_code == 200 and done.json()["status"] == "no_show"
    assert again.status_code == 409 and again.json()["error"]["type"] == "InvalidTransition"
