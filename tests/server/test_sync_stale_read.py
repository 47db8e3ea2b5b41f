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


def other_process(ctx, sql: str) -> str:
    """One statement in another process through plain sqlite3 (as a second app or `mpp-desk` would), its answer."""
    from mpp_desk.paths import database_path

    code = ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=10); "
            "r = c.execute(sys.argv[2]).fetchone(); print(r[0] if r else ''); c.close()")
    done = subprocess.run([sys.executable, "-c", code, str(database_path(ctx.data_dir)), sql],
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_opening_the_folder_again_in_this_process_keeps_the_sharing_with_other_processes(make_pc):
    """The cause of "a sync run by another process is not seen until the database is reopened": a second
    open of the same file in this process (the in-process CLI, a reopen) read its header with a plain
    file descriptor; closing it dropped this process's SQLite locks, the other process then took itself
    for the last user and deleted the WAL under this process's connections."""
    from mpp_desk.context import AppContext

    pc = make_pc("pc")
    assert title(pc, 67)  # this process's connections are open on the file
    again = AppContext(data_dir=pc.data_dir)
    again.open()
    again.close()
    other_process(pc, "UPDATE service_standard SET title = 'Judul dari proses lain' WHERE annex_number = 67")
    assert title(pc, 67) == "Judul dari proses lain"
    rename_service(pc, 67, "Judul dari proses ini")
    assert other_process(pc, "SELECT title FROM service_standard WHERE annex_number = 67") == "Judul dari proses ini"
    other_process(pc, "UPDATE service_standard SET title = 'Judul ketiga' WHERE annex_number = 67")
    assert title(pc, 67) == "Judul ketiga"
