"""The push/pull protocol at the HTTP level, against a real mpp-central on a real PostgreSQL."""

from __future__ import annotations

import uuid

import httpx
import pytest
from sqlalchemy import create_engine, func, select

from mpp_desk.server.tables import change_log, device_ops, records, refusals
from tests.server.conftest import enroll

NOW = "2026-11-16T03:00:00+00:00"


def credential(server: str, code: str) -> str:
    answer = httpx.post(f"{server}/v1/enroll", json={"protocol": 1, "code": code})
    assert answer.status_code == 200, answer.text
    return answer.json()["credential"]


def client(server: str, token: str, protocol: int = 1) -> httpx.Client:
    return httpx.Client(base_url=server, headers={"Authorization": f"Bearer {token}", "X-MPP-Protocol": str(protocol)})


def calendar_day(day: str, reason: str = "Cuti bersama kantor", row_id: uuid.UUID | None = None) -> dict:
    row_id = row_id or uuid.uuid4()
    return {"id": str(row_id), "created_at": NOW, "updated_at": NOW, "version": 1, "device_id": "pc", "deleted_at": None,
            "day": day, "kind": "closed", "reason": reason}


def op(entity: str, payload: dict, kind: str = "insert", base: int | None = None, tx: uuid.UUID | None = None) -> dict:
    return {"op_id": str(uuid.uuid4()), "tx_id": str(tx or uuid.uuid4()), "device_seq": 1, "entity": entity,
            "entity_id": payload["id"], "op": kind, "base_version": base, "payload": payload}


def push(http: httpx.Client, ops: list[dict]) -> httpx.Response:
    return http.post("/v1/push", json={"protocol": 1, "ops": ops})


def count(db_url: str, table) -> int:
    engine = create_engine(db_url.replace("postgresql://", "postgresql+psycopg://"))
    try:
        with engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(table)).scalar_one()
    finally:
        engine.dispose()


@pytest.fixture
def admin(server, server_db):
    return client(server, credential(server, enroll(server_db, "admin-pc", "admin")))


def test_calendar_columns_match_the_model():
    from mpp_desk.models import CalendarOverride

    assert set(calendar_day("2026-12-24")) == set(CalendarOverride.__table__.columns.keys())


def test_a_replayed_batch_is_answered_the_same_and_applied_once(admin, server_db):
    ops = [op("calendar_override", calendar_day("2026-12-24")), op("calendar_override", calendar_day("2026-12-31"))]
    first = push(admin, ops)
    logged = count(server_db, change_log)
    second = push(admin, ops)
    assert first.status_code == second.status_code == 200
    assert [r["status"] for r in first.json()["results"]] == ["accepted", "accepted"]
    assert second.json()["results"] == first.json()["results"]
    assert count(server_db, change_log) == logged
    assert count(server_db, device_ops) == 2


def test_pull_pages_follow_the_sequence_and_never_split_an_action(server, server_db, admin):
    tx = uuid.uuid4()
    push(admin, [op("calendar_override", calendar_day(f"2026-12-{d:02d}"), tx=tx) for d in (1, 2, 3)])
    other = client(server, credential(server, enroll(server_db, "counter-pc", "counter")))
    first = other.get("/v1/pull", params={"since": 0, "limit": 3}).json()
    seqs = [c["seq"] for c in first["changes"]]
    assert seqs == sorted(seqs)
    # setup wrote 2 changes; the page of 3 grew to the end of the 3-op action that started in it
    assert len(first["changes"]) == 5 and first["more"] is False
    assert first["next_cursor"] == seqs[-1]
    assert other.get("/v1/pull", params={"since": first["next_cursor"]}).json()["changes"] == []


def test_an_op_breaking_a_unique_key_is_refused_with_its_reason_while_the_rest_lands(admin, server_db):
    push(admin, [op("calendar_override", calendar_day("2026-12-24"))])
    clash, fine = op("calendar_override", calendar_day("2026-12-24", "Lagi")), op("calendar_override", calendar_day("2026-12-26"))
    results = push(admin, [clash, fine]).json()["results"]
    assert results[0]["status"] == "conflict" and "day" in results[0]["reason"]
    assert results[1]["status"] == "accepted"
    assert count(server_db, records) == 2 + 2  # setup's two records and the two days


def test_one_action_is_accepted_or_refused_whole(admin, server_db):
    tx = uuid.uuid4()
    bad = calendar_day("2026-12-28")
    del bad["kind"]  # a required column missing
    results = push(admin, [op("calendar_override", calendar_day("2026-12-27"), tx=tx),
                           op("calendar_override", bad, tx=tx)]).json()["results"]
    assert [r["status"] for r in results] == ["rejected", "rejected"]
    assert "kind is required" in results[1]["reason"]
    assert "same action" in results[0]["reason"]
    assert count(server_db, records) == 2


def test_a_stale_update_is_a_conflict_with_both_versions(admin, server_db):
    day = calendar_day("2026-12-24")
    push(admin, [op("calendar_override", day)])
    push(admin, [op("calendar_override", {**day, "reason": "Versi dua", "version": 2}, "update", base=1)])
    stale = push(admin, [op("calendar_override", {**day, "reason": "Versi basi", "version": 2}, "update", base=1)])
    (result,) = stale.json()["results"]
    assert result["status"] == "conflict"
    assert result["server"]["version"] == 2 and result["server"]["payload"]["reason"] == "Versi dua"


def test_append_only_records_take_no_update(admin):
    entry = {"id": str(uuid.uuid4()), "created_at": NOW, "updated_at": NOW, "version": 1, "device_id": "pc",
             "deleted_at": None, "seq": 1, "at": NOW, "actor_id": None, "actor_username": "system",
             "action": "test.done", "entity": None, "entity_id": None, "summary": "", "details": {},
             "prev_hash": "0" * 64, "hash": "1" * 64}
    assert push(admin, [op("audit_entry", entry)]).json()["results"][0]["status"] == "accepted"
    (result,) = push(admin, [op("audit_entry", {**entry, "summary": "changed"}, "update", base=1)]).json()["results"]
    assert result["status"] == "rejected" and "append-only" in result["reason"]


def test_a_kiosk_pushing_a_complaint_gets_403_recorded_and_nothing_applied(server, server_db):
    kiosk = client(server, credential(server, enroll(server_db, "kiosk-1", "kiosk")))
    complaint = {"id": str(uuid.uuid4())}
    answer = push(kiosk, [op("complaint_case", complaint), op("staff_user", {"id": str(uuid.uuid4())})])
    assert answer.status_code == 403
    assert "kiosk" in answer.json()["detail"] and "complaint_case" in answer.json()["detail"]
    assert count(server_db, refusals) == 1
    assert count(server_db, device_ops) == 0


def test_malformed_and_oversized_batches_are_refused_whole(admin, server_db, monkeypatch):
    garbage = admin.post("/v1/push", content=b"{not json", headers={"content-type": "application/json"})
    assert garbage.status_code == 422 and "malformed" in garbage.json()["detail"]
    wrong = push(admin, [{"op_id": "x", "entity": "calendar_override"}])
    assert wrong.status_code == 422
    too_many = push(admin, [op("calendar_override", calendar_day(f"2027-01-{1 + i % 28:02d}")) for i in range(501)])
    assert too_many.status_code == 413 and "500" in too_many.json()["detail"]
    huge = calendar_day("2027-02-01", reason="x" * (9 * 1024 * 1024))
    assert push(admin, [op("calendar_override", huge)]).status_code == 413
    assert count(server_db, device_ops) == 0


def test_an_old_client_is_told_to_upgrade(server, server_db):
    token = credential(server, enroll(server_db, "old-pc", "counter"))
    answer = client(server, token, protocol=0).get("/v1/pull", params={"since": 0})
    assert answer.status_code == 426
    assert "Perbarui MPP Desk di PC ini" in answer.json()["detail"]
    assert "protokol sinkronisasi 0, server memerlukan minimal 1" in answer.json()["detail"]
    enrol_old = httpx.post(f"{server}/v1/enroll", json={"protocol": 0, "code": enroll(server_db, "x", "counter")})
    assert enrol_old.status_code == 426


def test_unknown_credentials_get_401(server):
    answer = client(server, "not-a-credential").get("/v1/pull")
    assert answer.status_code == 401


def test_settings_refuse_a_missing_or_placeholder_secret():
    from pydantic import ValidationError

    from mpp_desk.server.settings import ServerSettings

    url = "postgresql://postgres@127.0.0.1/x"
    with pytest.raises(ValueError, match="not set"):
        ServerSettings(database_url=url).secret()
    for bad in ("changethis", "short"):
        with pytest.raises(ValidationError):
            ServerSettings(database_url=url, secret_key=bad)
    with pytest.raises(ValidationError, match="PostgreSQL"):
        ServerSettings(database_url="sqlite:///x.db", secret_key="k" * 40)
    assert ServerSettings(database_url=url, secret_key="k" * 40).database_url.startswith("postgresql+psycopg://")


def test_serve_refuses_to_start_without_a_secret(pg_url, monkeypatch):
    from tests.server.conftest import central

    monkeypatch.delenv("MPP_CENTRAL_SECRET_KEY", raising=False)
    status, _, err = central("serve", "--database", pg_url, "--port", "1")
    assert status == 2 and "MPP_CENTRAL_SECRET_KEY" in err


def test_a_record_pointing_at_one_the_server_lacks_is_refused_but_its_parent_may_come_later_in_the_action(admin):
    group = {"id": str(uuid.uuid4()), "created_at": NOW, "updated_at": NOW, "version": 1, "device_id": "pc",
             "deleted_at": None, "code": "Z", "name": "Uji", "open_time": "08:00:00", "close_time": "15:00:00",
             "daily_limit": None, "active": True, "position": 9}
    counter_link = {"id": str(uuid.uuid4()), "created_at": NOW, "updated_at": NOW, "version": 1, "device_id": "pc",
                    "deleted_at": None, "counter_id": str(uuid.uuid4()), "group_id": group["id"]}
    orphan = push(admin, [op("queue_counter_group", counter_link)]).json()["results"]
    assert orphan[0]["status"] == "rejected" and "which the server does not hold" in orphan[0]["reason"]
    counter = {"id": counter_link["counter_id"], "created_at": NOW, "updated_at": NOW, "version": 1,
               "device_id": "pc", "deleted_at": None, "number": 9, "name": "Loket 9", "active": True}
    tx = uuid.uuid4()
    # child first, parents after it, in one action: accepted whole
    results = push(admin, [op("queue_counter_group", counter_link, tx=tx), op("queue_counter", counter, tx=tx),
                           op("queue_group", group, tx=tx)]).json()["results"]
    assert [r["status"] for r in results] == ["accepted"] * 3, results


def test_a_supervisor_device_sees_conflicts_and_devices_and_revokes_one(server, server_db, admin):
    day = calendar_day("2026-12-24")
    push(admin, [op("calendar_override", day)])
    push(admin, [op("calendar_override", {**day, "reason": "Versi dua"}, "update", base=1)])
    push(admin, [op("calendar_override", {**day, "reason": "Versi basi"}, "update", base=1)])
    supervisor = client(server, credential(server, enroll(server_db, "kepala-pc", "supervisor")))
    counter_token = credential(server, enroll(server_db, "loket-9", "counter"))
    (conflict,) = supervisor.get("/v1/conflicts").json()["conflicts"]
    assert conflict["client_payload"]["reason"] == "Versi basi" and conflict["server_payload"]["reason"] == "Versi dua"
    listed = {d["name"]: d for d in supervisor.get("/v1/devices").json()["devices"]}
    assert listed["loket-9"]["enrolled"] and listed["admin-pc"]["last_seen_at"]
    assert supervisor.post(f"/v1/devices/{listed['loket-9']['id']}/revoke").json()["revoked"] is True
    assert client(server, counter_token).get("/v1/pull").status_code == 401
    assert client(server, counter_token).get("/v1/conflicts").status_code == 401
    kiosk = client(server, credential(server, enroll(server_db, "kiosk-1", "kiosk")))
    assert kiosk.get("/v1/conflicts").status_code == 403


def test_text_postgresql_cannot_store_and_a_cursor_past_bigint_are_refused_not_500(server, server_db, admin):
    """Found by schemathesis (tests/server/test_central_openapi.py): both were HTTP 500."""
    answer = push(admin, [op("calendar_override", calendar_day("2026-12-24", reason="Cuti\u0000bersama"))])
    assert answer.status_code == 422 and "NUL" in answer.json()["detail"] and "payload.reason" in answer.json()["detail"]
    assert count(server_db, change_log) == count(server_db, records)  # nothing of it applied
    code = enroll(server_db, "counter-9", "counter")
    answer = httpx.post(f"{server}/v1/enroll", json={"protocol": 1, "code": code, "local_device_id": "pc\u0000"})
    assert answer.status_code == 422 and "local_device_id" in answer.json()["detail"]
    assert admin.get("/v1/pull", params={"since": 2**63}).status_code == 422
    assert admin.get("/v1/pull", params={"since": 2**63 - 1}).json()["changes"] == []
