"""Faults on the way: an answer lost after the server committed, the server killed in the middle of a batch."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading

import httpx
import pytest
from sqlalchemy import create_engine, func, select, text

from mpp_desk import officetime
from mpp_desk.models import ComplaintCase, OutboxEntry
from mpp_desk.server.tables import change_log, records
from mpp_desk.sync import client
from tests.server.conftest import ROOT, SECRET, _free_port, desk_json, enroll
from tests.server.test_sync_two_pcs import capture_complaint, officer


class LoseFirstPushAnswer(httpx.HTTPTransport):
    """Forwards every request; the first push reaches the server, but its answer never comes back."""

    def __init__(self) -> None:
        super().__init__()
        self.lost = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        if request.url.path == "/v1/push" and self.lost == 0:
            response.read()
            self.lost += 1
            raise httpx.ReadError("connection reset by peer", request=request)
        return response


def central_engine(db_url: str):
    """An engine on the test's central database (psycopg 3)."""
    return create_engine(db_url.replace("postgresql://", "postgresql+psycopg://"))


def enrolled_device(conn, db_url: str, name: str, role: str):
    """A device enrolled and redeemed straight through the server's service (no HTTP)."""
    from mpp_desk.server import devices

    device, _ = devices.redeem(conn, SECRET.encode(), code=enroll(db_url, name, role), local_device_id="pc",
                               now=officetime.now())
    return device


def stats_flushed(conn) -> None:
    """Make PostgreSQL's table statistics (rows read) current before they are compared."""
    import time

    conn.execute(text("SELECT pg_stat_force_next_flush()"))
    conn.commit()
    time.sleep(0.2)


def server_counts(db_url: str) -> tuple[int, int]:
    engine = central_engine(db_url)
    try:
        with engine.connect() as conn:
            return (conn.execute(select(func.count()).select_from(change_log)).scalar_one(),
                    conn.execute(select(func.count()).select_from(records)).scalar_one())
    finally:
        engine.dispose()


def test_an_answer_lost_after_the_server_committed_is_not_applied_twice(server, server_db, make_pc):
    pc = make_pc("pc1")
    desk_json(pc, "sync", "join", server, enroll(server_db, "desk-1", "complaints"))
    capture_complaint(pc, officer(pc, "budi"))
    cut = LoseFirstPushAnswer()
    with pytest.raises(client.SyncProblem) as failure:
        client.sync_now(pc.db, pc.data_dir, transport=cut)
    assert failure.value.retry
    after_cut = server_counts(server_db)
    assert client.pending_count(pc.db) > 0  # the PC does not know it landed
    again = client.sync_now(pc.db, pc.data_dir)
    assert again.pending == 0 and again.conflicts == 0 and again.rejected == 0
    assert server_counts(server_db) == after_cut  # the replay was answered, not applied again
    with pc.uow(write=False) as uow:
        results = set(uow.session.scalars(select(OutboxEntry.result).where(OutboxEntry.entity == "complaint_case")))
    assert results == {"accepted"}


def start_server(db_url: str, port: int) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MPP_CENTRAL_SECRET_KEY": SECRET}
    proc = subprocess.Popen([sys.executable, "-m", "mpp_desk.server.cli", "serve", "--database", db_url,
                             "--port", str(port)], env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if httpx.get(f"{url}/health", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            if proc.poll() is not None:
                break
        threading.Event().wait(0.1)
    proc.kill()
    raise AssertionError("mpp-central did not start")


def test_the_server_killed_during_a_push_loses_nothing_and_doubles_nothing(server_db, make_pc):
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    proc = start_server(server_db, port)
    try:
        pc = make_pc("pc1")
        desk_json(pc, "sync", "join", url, enroll(server_db, "desk-1", "complaints"))
        budi = officer(pc, "budi")
        cases = [capture_complaint(pc, budi, substance=f"Pengaduan nomor {i}: antrean loket tidak bergerak lama.")
                 for i in range(40)]
        outcome: dict[str, object] = {}

        def push():
            try:
                outcome["result"] = client.sync_now(pc.db, pc.data_dir)
            except client.SyncProblem as exc:
                outcome["problem"] = exc

        pusher = threading.Thread(target=push)
        pusher.start()
        proc.send_signal(signal.SIGKILL)  # while the batch is on its way or being applied
        proc.wait(10)
        pusher.join(60)
        assert not pusher.is_alive()
        proc = start_server(server_db, port)
        final = client.sync_now(pc.db, pc.data_dir)
        assert final.pending == 0 and final.rejected == 0 and final.conflicts == 0
        engine = central_engine(server_db)
        try:
            with engine.connect() as conn:
                ids = [str(c.id) for c in cases]
                held = conn.execute(select(func.count()).select_from(records)
                                    .where(records.c.entity == "complaint_case")).scalar_one()
                logged = conn.execute(select(func.count()).select_from(change_log)
                                      .where(change_log.c.entity == "complaint_case")).scalar_one()
        finally:
            engine.dispose()
        assert held == logged == len(ids)  # every case once: nothing lost, nothing doubled
        with pc.uow(write=False) as uow:
            assert uow.session.scalar(select(func.count()).select_from(ComplaintCase)) == len(ids)
    finally:
        proc.kill()
        proc.wait(10)


def test_a_batch_arriving_twice_at_once_is_applied_once_without_a_server_error(server_db):
    """A batch held up on the network lands while the PC's retry of it is being applied: the second
    copy waits for the first and is answered as a replay (it read the answered ops before taking the
    change-log lock, so it inserted them again: a unique violation, HTTP 500)."""
    import time

    from mpp_desk.server import sync as service
    from mpp_desk.sync.schemas import Op
    from tests.server.test_sync_protocol import calendar_day, op

    engine = central_engine(server_db)
    try:
        with engine.begin() as conn:
            device = enrolled_device(conn, server_db, "admin-pc", "admin")
        ops = [Op.model_validate(op("calendar_override", calendar_day(f"2026-12-{d}"))) for d in (24, 31)]
        first = engine.connect()
        first.begin()
        answers1 = service.push(first, device, ops)  # applied, not committed yet: holds the lock
        outcome: dict[str, object] = {}

        def second_copy():
            try:
                with engine.begin() as conn:
                    outcome["answers"] = service.push(conn, device, ops)
            except Exception as exc:  # noqa: BLE001 - the failure is what the test looks for
                outcome["error"] = exc

        racer = threading.Thread(target=second_copy)
        racer.start()
        with engine.connect() as probe:  # wait until the second copy waits on the first's lock
            for _ in range(200):
                waiting = probe.execute(text("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                                             "AND datname = current_database()")).scalar_one()
                probe.rollback()  # pg_stat_activity is read once per transaction: look again in a new one
                if waiting:
                    break
                time.sleep(0.05)
        assert waiting, f"the second copy never waited on the first: {outcome}"
        first.commit()
        first.close()
        racer.join(30)
        assert "error" not in outcome, outcome.get("error")
        assert [a.model_dump() for a in outcome["answers"]] == [a.model_dump() for a in answers1]
        with engine.connect() as conn:
            assert conn.execute(select(func.count()).select_from(change_log)
                                .where(change_log.c.entity == "calendar_override")).scalar_one() == 2
    finally:
        engine.dispose()


def test_a_batch_reads_only_the_answers_and_keys_it_asks_about_however_long_the_log(server_db):
    """On tables not analyzed lately (autovacuum off or behind), looking up a batch's op ids and unique
    keys with ``= ANY(array)`` read every earlier answer of the device and every key of the entity:
    push ingest slowed down as the log grew (731 ops/s over 100,000 ops)."""

    from mpp_desk.server import sync as service
    from mpp_desk.sync.schemas import Op
    from tests.server.test_sync_protocol import calendar_day, op

    engine = central_engine(server_db)

    def rows_fetched() -> int:
        with engine.connect() as conn:
            return conn.execute(text("SELECT coalesce(sum(idx_tup_fetch), 0) FROM pg_stat_user_tables "
                                     "WHERE relname IN ('device_ops', 'record_keys')")).scalar_one()

    try:
        with engine.begin() as conn:
            device = enrolled_device(conn, server_db, "admin-pc", "admin")
            conn.execute(text("INSERT INTO device_ops (device_id, op_id, status) "
                              "SELECT :d, gen_random_uuid(), 'accepted' FROM generate_series(1, 20000)"), {"d": device.id})
            conn.execute(text("INSERT INTO record_keys (entity, key_name, key_value, entity_id) SELECT "
                              "'calendar_override', 'day', '[\"' || (date '2100-01-01' + i) || '\"]', gen_random_uuid() "
                              "FROM generate_series(1, 20000) AS i"))
        ops = [Op.model_validate(op("calendar_override", calendar_day(f"2026-12-{d:02d}"))) for d in range(1, 31)]
        conn = engine.connect()
        stats_flushed(conn)
        before = rows_fetched()
        with conn.begin():
            answers = service.push(conn, device, ops)
        stats_flushed(conn)
        conn.close()
        assert {a.status for a in answers} == {"accepted"}
        assert rows_fetched() - before < 500  # a few probes per op, not 40,000 rows
    finally:
        engine.dispose()


def test_a_pull_page_near_the_end_of_a_long_log_does_not_scan_the_log(server_db):
    """Whether more changes follow a page was asked without an order: the planner scanned the change
    log from its start up to the cursor for every page (30 PCs catching up read millions of rows)."""

    from mpp_desk.server import sync as service

    engine = central_engine(server_db)

    def rows_read() -> int:
        with engine.connect() as conn:
            return conn.execute(text("SELECT seq_tup_read + coalesce(idx_tup_fetch, 0) FROM pg_stat_user_tables "
                                     "WHERE relname = 'change_log'")).scalar_one()

    try:
        with engine.begin() as conn:
            device = enrolled_device(conn, server_db, "display-1", "display")
            conn.execute(text("INSERT INTO change_log (entity, entity_id, version, op, payload) "
                              "SELECT 'audit_entry', gen_random_uuid(), 1, 'insert', '{}'::jsonb "
                              "FROM generate_series(1, 20000)"))
            last = conn.execute(select(func.max(change_log.c.seq))).scalar_one()
        conn = engine.connect()
        stats_flushed(conn)
        before = rows_read()
        with conn.begin():
            page = service.pull(conn, device, since=last - 100, limit=50)
        stats_flushed(conn)
        conn.close()
        assert len(page.changes) == 50 and page.more
        assert rows_read() - before < 1000  # the page and a probe, not the 20,000 rows before it
    finally:
        engine.dispose()
