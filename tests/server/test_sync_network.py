"""The network misbehaving between real `mpp-desk sync now` processes and a real mpp-central.

A proxy the test controls (tests/server/faultproxy.py) sits between the PCs and the server on
loopback: it cuts a connection after the request went through (the answer lost), cuts a pull page
in the middle, holds an answer past the client's timeout. Afterwards the PCs and the server hold
the same records: nothing lost, nothing doubled, conflicts listed.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import time
from urllib.parse import urlsplit

import pytest
from sqlalchemy import create_engine, func, select

from mpp_desk.models import AuditEntry, ComplaintCase, OutboxEntry
from mpp_desk.roles import TERMINAL
from mpp_desk.server.tables import change_log, conflicts, records
from tests.conftest import CLOCK_HOOK
from tests.server.conftest import ROOT, central, desk_json, enroll
from tests.server.faultproxy import FaultProxy, Rule
from tests.server.test_sync_two_pcs import capture_complaint, officer

CLIENT_TIMEOUT_S = 2.0


@pytest.fixture
def proxy(server):
    with FaultProxy(urlsplit(server).port) as p:
        yield p


def sync_process(ctx, *, clock: dt.datetime | None = None, timeout: float = 120) -> tuple[int, dict | None, str]:
    """`mpp-desk --data-dir FOLDER sync now --json` as its own process; (status, JSON or None, stderr).

    The test's own engine on the folder is closed first (reopened on its next use), so it reads what
    the process wrote, as the app would after a restart.
    """
    ctx.close()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
           "MPP_SYNC_TIMEOUT_S": str(CLIENT_TIMEOUT_S)}
    if clock is not None:  # this PC's clock, running on from *clock* (tests/clockhook, test-only)
        env["MPP_TEST_CLOCK"] = f"{clock.isoformat()}@{time.time():.6f}"
        env["PYTHONPATH"] = os.pathsep.join([str(CLOCK_HOOK), env["PYTHONPATH"]])
    done = subprocess.run([sys.executable, "-m", "mpp_desk", "--data-dir", str(ctx.data_dir), "sync", "now", "--json"],
                          env=env, cwd=ROOT, capture_output=True, text=True, timeout=timeout, check=False)
    body = json.loads(done.stdout) if done.returncode == 0 else None
    return done.returncode, body, done.stderr


def server_state(db_url: str, entity: str) -> dict:
    engine = create_engine(db_url.replace("postgresql://", "postgresql+psycopg://"))
    try:
        with engine.connect() as conn:
            held = {str(r.entity_id): r.version for r in conn.execute(
                select(records.c.entity_id, records.c.version).where(records.c.entity == entity))}
            logged = conn.execute(select(func.count()).select_from(change_log)
                                  .where(change_log.c.entity == entity)).scalar_one()
            listed = conn.execute(select(func.count()).select_from(conflicts)).scalar_one()
    finally:
        engine.dispose()
    return {"records": held, "logged": logged, "conflicts": listed}


def pc_state(ctx, model) -> dict:
    with ctx.uow(write=False) as uow:
        return {str(r.id): r.version for r in uow.session.scalars(select(model))}


def outbox_results(ctx, entity: str = "complaint_case") -> dict:
    """{answer: count} of the PC's outbox rows for *entity* (None: not answered yet)."""
    with ctx.uow(write=False) as uow:
        return dict(uow.session.execute(select(OutboxEntry.result, func.count())
                                        .where(OutboxEntry.entity == entity).group_by(OutboxEntry.result)).all())


def joined_pc(make_pc, proxy, server_db, name: str, role: str = "complaints"):
    pc = make_pc(name)
    desk_json(pc, "sync", "join", proxy.url, enroll(server_db, name, role))  # sync.json names the proxy
    return pc


def test_the_network_cut_after_a_push_was_sent_loses_the_answer_but_nothing_else(proxy, server_db, make_pc):
    pc = joined_pc(make_pc, proxy, server_db, "desk-1")
    budi = officer(pc, "budi")
    cases = [capture_complaint(pc, budi, substance=f"Pengaduan {i}: loket perizinan tutup sebelum jamnya.")
             for i in range(3)]
    cut = proxy.add(Rule("/v1/push", cut=True))
    status, _, err = sync_process(pc)
    assert status != 0 and cut.fired == 1
    assert "dikirim nanti" in err or "later" in err  # the PC says the changes wait, in its language
    after_cut = server_state(server_db, "complaint_case")
    assert set(after_cut["records"]) == {str(c.id) for c in cases}  # the server did the work
    assert outbox_results(pc).get(None, 0) > 0  # ... the PC never heard of it

    status, body, err = sync_process(pc)
    assert status == 0, err
    assert body["pending"] == 0 and body["conflicts"] == 0 and body["rejected"] == 0
    assert server_state(server_db, "complaint_case") == after_cut  # the replay was answered, not applied again
    assert set(outbox_results(pc)) == {"accepted"}
    assert pc_state(pc, ComplaintCase) == after_cut["records"]


def test_a_pull_page_cut_in_the_middle_is_fetched_again_whole(proxy, server_db, make_pc):
    writer = joined_pc(make_pc, proxy, server_db, "desk-1")
    reader = joined_pc(make_pc, proxy, server_db, "desk-2")
    budi = officer(writer, "budi")
    for i in range(200):  # each complaint is several changes: more than one page of 500
        capture_complaint(writer, budi, substance=f"Pengaduan {i}: antrean loket tidak bergerak satu jam.")
    status, body, err = sync_process(writer)
    assert status == 0 and body["pending"] == 0, err

    second_page = proxy.add(Rule("/v1/pull", skip=1, cut_after=4096))  # the first page goes through
    status, _, err = sync_process(reader)
    assert status != 0 and second_page.fired == 1, err
    partial = pc_state(reader, AuditEntry)
    status, body, err = sync_process(reader)
    assert status == 0, err
    server = server_state(server_db, "complaint_case")
    assert pc_state(reader, ComplaintCase) == server["records"] == pc_state(writer, ComplaintCase)
    assert len(server["records"]) == 200
    # the audit trail, every entry once: the first page was kept, the cut one fetched again whole
    assert set(partial) <= set(pc_state(reader, AuditEntry))
    assert server_state(server_db, "audit_entry")["records"].keys() <= pc_state(reader, AuditEntry).keys()
    assert server_state(server_db, "audit_entry")["logged"] == len(server_state(server_db, "audit_entry")["records"])


def test_an_answer_slower_than_the_clients_timeout_is_retried_and_applied_once(proxy, server_db, make_pc):
    pc = joined_pc(make_pc, proxy, server_db, "desk-1")
    case = capture_complaint(pc, officer(pc, "budi"))
    slow = proxy.add(Rule("/v1/push", delay=CLIENT_TIMEOUT_S + 2))
    status, _, err = sync_process(pc)
    assert status != 0 and slow.fired == 1, err
    held = server_state(server_db, "complaint_case")
    assert list(held["records"]) == [str(case.id)]
    status, body, err = sync_process(pc)
    assert status == 0 and body["pending"] == 0 and body["conflicts"] == 0, err
    assert server_state(server_db, "complaint_case") == held
    assert set(outbox_results(pc)) == {"accepted"}


def test_a_request_held_past_the_timeout_that_lands_during_the_retry_is_applied_once(proxy, server_db, make_pc):
    pc = joined_pc(make_pc, proxy, server_db, "desk-1")
    budi = officer(pc, "budi")
    for i in range(20):
        capture_complaint(pc, budi, substance=f"Pengaduan {i}: petugas loket tidak ada di tempat.")
    held_back = proxy.add(Rule("/v1/push", hold_request=CLIENT_TIMEOUT_S + 1.5))
    status, _, err = sync_process(pc)  # gives up; the proxy still delivers the batch a moment later
    assert status != 0 and held_back.fired == 1, err
    status, body, err = sync_process(pc)  # its retry meets the late original at the server
    if status != 0:  # the late original may have won the race and the retry waited on it: once more
        status, body, err = sync_process(pc)
    assert status == 0 and body["pending"] == 0 and body["conflicts"] == 0 and body["rejected"] == 0, err
    state = server_state(server_db, "complaint_case")
    assert len(state["records"]) == state["logged"] == 20
    assert set(outbox_results(pc)) == {"accepted"}


def test_a_pc_whose_clock_is_three_hours_ahead_does_not_win_by_its_timestamps(proxy, server_db, make_pc,
                                                                               office_clock):
    """Two PCs edit one complaint offline; the one whose clock is 3 h ahead sends second: its newer-looking
    edit is a conflict (the server's order decides, not device clocks), listed with both versions."""
    true_now = office_clock.now()
    ahead = true_now + dt.timedelta(hours=3)
    on_time = joined_pc(make_pc, proxy, server_db, "desk-1")
    skewed = joined_pc(make_pc, proxy, server_db, "desk-2")
    case = capture_complaint(on_time, officer(on_time, "budi"))
    assert sync_process(on_time)[0] == 0
    assert sync_process(skewed, clock=ahead)[0] == 0
    proxy.offline()  # both PCs offline, each edits the same complaint

    def edit(ctx, text):
        with ctx.uow(actor=TERMINAL) as uow:
            uow.session.get(ComplaintCase, case.id).substance = text
            uow.commit()

    office_clock.set(ahead)
    edit(skewed, "Versi PC jam maju: antrean macet tiga jam di loket perizinan.")
    office_clock.set(true_now + dt.timedelta(minutes=1))
    edit(on_time, "Versi PC jam benar: antrean macet satu jam di loket perizinan.")
    assert sync_process(on_time)[0] != 0  # offline: waits
    proxy.online()
    status, first, err = sync_process(on_time)
    assert status == 0 and first["conflicts"] == 0, err
    status, second, err = sync_process(skewed, clock=ahead)
    assert status == 0 and second["conflicts"] == 1, err
    status, _, err = sync_process(on_time)
    assert status == 0, err

    def substance(ctx):
        with ctx.uow(write=False) as uow:
            return uow.session.get(ComplaintCase, case.id).substance

    assert substance(on_time) == substance(skewed) == "Versi PC jam benar: antrean macet satu jam di loket perizinan."
    state = server_state(server_db, "complaint_case")
    assert state["records"] == {str(case.id): 2} == pc_state(on_time, ComplaintCase) == pc_state(skewed, ComplaintCase)
    listed = json.loads(central("conflict", "list", "--database", server_db, "--json")[1])["conflicts"]
    assert [c["client_payload"]["substance"][:18] for c in listed] == ["Versi PC jam maju:"]
    assert listed[0]["server_payload"]["substance"].startswith("Versi PC jam benar")
    # both PCs' audit trails reached the server and each other, every entry once
    audit = server_state(server_db, "audit_entry")
    assert audit["logged"] == len(audit["records"])
    assert pc_state(on_time, AuditEntry).keys() == pc_state(skewed, AuditEntry).keys() >= audit["records"].keys()
