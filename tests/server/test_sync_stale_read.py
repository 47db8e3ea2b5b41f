"""A PC's database open in one process sees what another process's sync wrote, without reopening it."""

from __future__ import annotations

import os
import subprocess
import sys

from sqlalchemy import select

from mpp_desk.models import ServiceStandard
from tests.server.conftest import ROOT, desk_json, enroll
from tests.server.test_sync_two_pcs import rename_service


def title(ctx, annex: int) -> str:
    with ctx.uow(write=False) as uow:
        return uow.session.scalar(select(ServiceStandard.title).where(ServiceStandard.annex_number == annex))


def sync_in_another_process(ctx) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run([sys.executable, "-m", "mpp_desk", "--data-dir", str(ctx.data_dir), "sync", "now", "--json"],
                          env=env, cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr


def test_a_sync_written_by_another_process_is_seen_by_the_open_database(server, server_db, make_pc):
    admin, pc = make_pc("admin"), make_pc("counter")
    desk_json(admin, "sync", "join", server, enroll(server_db, "admin-pc", "admin"))
    desk_json(pc, "sync", "join", server, enroll(server_db, "loket-1", "counter"))
    before = title(pc, 67)  # this process's engine, pool and sessions are warm on the folder
    rename_service(admin, 67, "Nama layanan baru dari kantor")
    desk_json(admin, "sync", "now")
    sync_in_another_process(pc)  # the app's background worker, or `mpp-desk sync now` in a terminal
    assert before != "Nama layanan baru dari kantor"
    assert title(pc, 67) == "Nama layanan baru dari kantor"
    from mpp_desk.sync import client

    assert client.status(pc.db, pc.data_dir)["cursor"] > 0 and client.pending_count(pc.db) == 0
