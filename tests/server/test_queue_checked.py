"""A supervisor marks a ticket served twice as checked (issue 14): once, with who, when and a note, from a
supervisor's or administrator's PC only; the entry stays listed. The server in this process (TestClient) on a
real PostgreSQL, the office clock pinned; and the same from `mpp-central queue conflicts check`."""

from __future__ import annotations

import datetime as dt
import uuid

import psycopg
import pytest

from mpp_desk.queue.errors import AlreadyChecked, CheckNotAllowed, QueueNotFound
from mpp_desk.queue.remote import RemoteQueue
from tests.server.conftest import central, enroll
from tests.server.queue_support import TUESDAY_10, queue_config, seed_records

CHECKED_AT = TUESDAY_10 + dt.timedelta(minutes=20)
HEADERS = {"X-MPP-Protocol": "1"}


@pytest.fixture
def office(server_db, office_clock, monkeypatch):
    """Group A at counters 1 and 2; counter 1 called A001 offline while counter 2 had called it: one ticket
    served twice. Returns (client, queues by device name, the entry's id)."""
    from fastapi.testclient import TestClient

    from mpp_desk.server import queue_api
    from mpp_desk.server.app import create_app
    from mpp_desk.server.db import make_engine
    from mpp_desk.server.settings import ServerSettings

    monkeypatch.setattr(queue_api.Waker, "poke", lambda self: None)  # no stream here: no notifier thread
    office_clock.set(TUESDAY_10, running=False)
    seed_records(server_db, queue_config([("A", "Perizinan", None)], [(1, ["A"]), (2, ["A"])]))
    engine = make_engine(ServerSettings(database_url=server_db).database_url, pool_size=2)
    codes = {name: enroll(server_db, name, role) for name, role in (
        ("kiosk", "kiosk"), ("loket-1", "counter"), ("loket-2", "counter"), ("kepala", "supervisor"),
        ("admin-pc", "admin"))}
    queues: dict[str, RemoteQueue] = {}
    try:
        with TestClient(create_app(ServerSettings(database_url=server_db, queue_config_check_s=0), engine)) as client:
            for name, code in codes.items():
                answer = client.post("/v1/enroll", json={"protocol": 1, "code": code, "local_device_id": ""})
                assert answer.status_code == 200, answer.text
                queues[name] = RemoteQueue("http://testserver", answer.json()["credential"],
                                           transport=client._transport, attempts=1)
            a001 = queues["kiosk"].issue(group_code="A").ticket
            assert queues["loket-2"].call_next(counter_number=2).code == "A001"
            sent = queues["loket-1"].send_offline_actions(counter_number=1, actions=[{
                "op_id": str(uuid.uuid4()), "action": "call", "ticket_id": str(a001.id),
                "at": (TUESDAY_10 - dt.timedelta(minutes=1)).isoformat()}])
            assert sent["conflict"] == 1
            yield client, queues, sent["results"][0]["conflict_id"]
            for queue in queues.values():
                queue.close()
    finally:
        engine.dispose()


def _auth(queue: RemoteQueue, **extra: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {queue._credential}", **HEADERS, **extra}


def _stored(server_db: str, conflict_id: int) -> tuple:
    with psycopg.connect(server_db) as conn:
        return conn.execute("SELECT checked_at, checked_by, checked_note, checked_device_id FROM q_conflicts "
                            "WHERE id = %s", (conflict_id,)).fetchone()


def test_a_supervisor_marks_it_checked_once_and_it_stays_listed(office, office_clock, server_db):
    client, queues, conflict_id = office
    supervisor = queues["kepala"]
    [listed] = supervisor.served_twice()
    assert listed.id == conflict_id and not listed.checked and listed.checked_by is None
    assert [t.id for t in supervisor.served_twice(open_only=True)] == [conflict_id]

    office_clock.set(CHECKED_AT, running=False)
    checked = supervisor.mark_served_twice_checked(conflict_id=conflict_id, checked_by="  Budi   Santoso ",
                                                   note="Loket 2 yang melayani; loket 1 hanya memanggil")
    assert (checked.id, checked.ticket_code, checked.checked_by, checked.checked_device) == (
        conflict_id, "A001", "Budi Santoso", "kepala")
    assert checked.checked_at == CHECKED_AT and checked.checked_note == "Loket 2 yang melayani; loket 1 hanya memanggil"

    # never hidden: every list still has it, with who checked it; only ?open=1 leaves it out
    assert supervisor.served_twice() == [checked]
    assert queues["loket-2"].served_twice(date=TUESDAY_10.date()) == [checked]  # counters read the list too
    assert supervisor.served_twice(open_only=True) == []
    raw = client.get("/v1/queue/conflicts", params={"open": "1"}, headers=_auth(supervisor))
    assert raw.status_code == 200 and raw.json() == {"conflicts": []}
    stored = _stored(server_db, conflict_id)

    # a second mark, by anyone, is refused with who checked it first; nothing changes
    office_clock.set(CHECKED_AT + dt.timedelta(hours=1), running=False)
    with pytest.raises(AlreadyChecked) as again:
        queues["admin-pc"].mark_served_twice_checked(conflict_id=conflict_id, checked_by="Siti Aminah")
    assert again.value.text() == ("Tiket A001 yang dilayani dua kali sudah ditandai diperiksa oleh Budi Santoso, "
                                  "24-11-2026 pukul 10.20 WIB; tanda itu tetap berlaku.")
    answer = client.post(f"/v1/queue/conflicts/{conflict_id}/checked", json={"checked_by": "Siti Aminah"},
                         headers=_auth(supervisor))
    assert answer.status_code == 409 and answer.json()["error"]["type"] == "AlreadyChecked"
    assert _stored(server_db, conflict_id) == stored
    assert stored[1] == "Budi Santoso" and stored[0] == CHECKED_AT


def test_a_retried_mark_gets_its_first_answer_again(office, server_db):
    client, queues, conflict_id = office
    headers = _auth(queues["admin-pc"], **{"X-MPP-Op-Id": str(uuid.uuid4())})
    first = client.post(f"/v1/queue/conflicts/{conflict_id}/checked", json={"checked_by": "Admin Kantor"},
                        headers=headers)
    retried = client.post(f"/v1/queue/conflicts/{conflict_id}/checked", json={"checked_by": "Admin Kantor"},
                          headers=headers)  # its answer was lost: the same op id
    assert first.status_code == retried.status_code == 200
    assert retried.headers.get("X-MPP-Replayed") == "1" and retried.json() == first.json()
    assert first.json()["conflict"]["checked_device"] == "admin-pc"
    assert first.json()["conflict"]["checked_note"] is None


def test_an_unknown_entry_is_404_and_other_pcs_are_refused(office, server_db):
    client, queues, conflict_id = office
    with pytest.raises(QueueNotFound) as unknown:
        queues["kepala"].mark_served_twice_checked(conflict_id=conflict_id + 1000, checked_by="Budi Santoso")
    assert str(conflict_id + 1000) in unknown.value.text() and "Tidak ada" in unknown.value.text()
    missing = client.post("/v1/queue/conflicts/999999/checked", json={"checked_by": "Budi"}, headers=_auth(queues["kepala"]))
    assert missing.status_code == 404 and missing.json()["error"]["type"] == "QueueNotFound"

    for name in ("loket-1", "loket-2", "kiosk"):  # counters and kiosks do not supervise
        with pytest.raises(CheckNotAllowed) as refused:
            queues[name].mark_served_twice_checked(conflict_id=conflict_id, checked_by="Budi Santoso")
        assert "pengawas" in refused.value.text()
        answer = client.post(f"/v1/queue/conflicts/{conflict_id}/checked", json={"checked_by": "Budi"},
                             headers=_auth(queues[name]))
        assert answer.status_code == 403 and answer.json()["error"]["type"] == "CheckNotAllowed"
    for body in ({"checked_by": "   "}, {"checked_by": "Budi", "note": "x" * 501}, {"note": "tanpa nama"}):
        assert client.post(f"/v1/queue/conflicts/{conflict_id}/checked", json=body,
                           headers=_auth(queues["kepala"])).status_code == 422
    assert _stored(server_db, conflict_id) == (None, None, None, None)
    [still] = queues["kepala"].served_twice(open_only=True)
    assert still.id == conflict_id and not still.checked


def test_the_server_command_marks_it_and_lists_who_checked(office, office_clock, server_db):
    _client, queues, conflict_id = office
    office_clock.set(CHECKED_AT, running=False)
    # --database before `check` (given to `conflicts`) is kept
    status, out, err = central("queue", "conflicts", "--database", server_db, "check", str(conflict_id),
                               "--by", "Budi Santoso", "--note", "sudah dicek")
    assert status == 0, err
    assert out.startswith(f"#{conflict_id} 2026-11-24 A001 served twice (dilayani dua kali)")
    assert out.rstrip().endswith("; diperiksa Budi Santoso 24-11-2026 pukul 10.20 WIB (sudah dicek)")
    stored = _stored(server_db, conflict_id)
    assert stored[:3] == (CHECKED_AT, "Budi Santoso", "sudah dicek") and stored[3] is None  # from the server itself

    status, out, err = central("queue", "conflicts", "--database", server_db)
    assert status == 0 and "A001 served twice" in out and "diperiksa Budi Santoso 24-11-2026 pukul 10.20 WIB" in out
    status, out, err = central("queue", "conflicts", "--open", "--database", server_db)
    assert status == 0 and out.strip() == "no ticket served twice is left unchecked"
    [seen] = queues["kepala"].served_twice()
    assert (seen.checked_by, seen.checked_at, seen.checked_device) == ("Budi Santoso", CHECKED_AT, None)

    status, out, err = central("queue", "conflicts", "check", str(conflict_id), "--by", "Siti", "--database", server_db)
    assert status == 2 and "already marked as checked by Budi Santoso" in err
    status, out, err = central("queue", "conflicts", "check", "424242", "--by", "Siti", "--database", server_db)
    assert status == 2 and "no ticket served twice numbered 424242" in err
    assert _stored(server_db, conflict_id) == stored
