"""Backups while the app writes, their rotation and schedule, and restore with its refusals."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import func, select

from mpp_desk import audit, backup, officetime
from mpp_desk.models import AuditEntry, OutboxEntry
from mpp_desk.paths import PROJECT_ROOT, database_path
from mpp_desk.roles import TERMINAL
from tests.intake_support import WIB

# A second process writing as fast as it can: each unit of work adds an audit entry (chained) and a
# setting change (with its outbox row); it says how many it has committed after each commit.
WRITER = r"""
import sys
from mpp_desk import audit, settings
from mpp_desk.context import AppContext
from mpp_desk.roles import TERMINAL
ctx = AppContext.from_args(sys.argv[1])
ctx.open()
for i in range(int(sys.argv[2])):
    with ctx.uow(actor=TERMINAL) as uow:
        audit.record(uow, action="test.burst", summary=f"write {i}")
        settings.set(uow, key="display.running_text", value=f"teks {i}")
        uow.commit()
    print(i + 1, flush=True)
    if i == 20:
        sys.stdin.readline()  # the test takes its backup here, in the middle of the burst
ctx.close()
"""


def _entries(data_dir: Path) -> tuple[int, int, int]:
    con = sqlite3.connect(database_path(data_dir))
    try:
        audit_n = con.execute("SELECT count(*) FROM audit_entry WHERE action = 'test.burst'").fetchone()[0]
        max_seq = con.execute("SELECT max(seq) FROM audit_entry").fetchone()[0]
        outbox_n = con.execute("SELECT count(*) FROM sync_outbox WHERE entity = 'audit_entry'").fetchone()[0]
        return audit_n, max_seq, outbox_n
    finally:
        con.close()


@pytest.mark.slow
def test_backup_during_a_burst_of_writes_restores_with_nothing_lost(app_ctx, tmp_path):
    data = app_ctx.data_dir
    app_ctx.close()
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(PROJECT_ROOT), os.environ.get("PYTHONPATH", "")]))
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(data), "400"], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True, env=env, cwd=PROJECT_ROOT)
    committed = 0
    while committed < 21:
        committed = int(writer.stdout.readline())
    writer.stdin.write("\n")
    writer.stdin.flush()  # the writer goes on: the backup below runs while it commits
    while committed < 60:
        committed = int(writer.stdout.readline())
    result = backup.take_backup(data, to=tmp_path / "copies")
    assert writer.wait(timeout=300) == 0

    restored = tmp_path / "restored"
    restored.mkdir()
    backup.restore(restored, result.path)
    in_backup, max_seq, outbox = _entries(restored)
    assert in_backup >= 60  # every write committed before the backup started is in it
    assert in_backup < 400  # and it is a snapshot taken while writing went on
    assert outbox == max_seq  # each entry with its outbox row: no transaction cut in half
    from mpp_desk.context import AppContext

    ctx = AppContext.from_args(str(restored))
    ctx.open()
    try:
        with ctx.uow(write=False, actor=TERMINAL) as uow:
            verdict = audit.verify(uow)
            assert verdict.ok, verdict.as_dict()
            assert verdict.checked >= max_seq
    finally:
        ctx.close()


def test_restore_puts_the_backup_back_and_keeps_the_current_file_aside(app_ctx, tmp_path):
    data = app_ctx.data_dir
    taken = backup.take_backup(data, to=tmp_path)
    with zipfile.ZipFile(taken.path) as zf:
        assert {"mpp-desk.sqlite3", "manifest.json", "keys/signing_ed25519.pem"} <= set(zf.namelist())
    with app_ctx.uow(actor=TERMINAL) as uow:
        audit.record(uow, action="test.after_backup", summary="written after the backup")
        uow.commit()
    app_ctx.close()

    from mpp_desk.cli import main

    assert main(["--data-dir", str(data), "--lang", "en", "restore", str(taken.path)]) == 0
    app_ctx.open()
    with app_ctx.uow(write=False, actor=TERMINAL) as uow:
        actions = [e for (e,) in uow.session.execute(select(AuditEntry.action).order_by(AuditEntry.seq))]
        assert "test.after_backup" not in actions and actions[-1] == "backup.restored"
        assert audit.verify(uow).ok
    aside = next((data / "backups").glob("before-restore-*"))
    con = sqlite3.connect(aside / "mpp-desk.sqlite3")
    try:  # the file that was replaced still has the entry written after the backup
        assert con.execute("SELECT count(*) FROM audit_entry WHERE action = 'test.after_backup'").fetchone()[0] == 1
    finally:
        con.close()


def _digest(path: Path) -> bytes:
    return path.read_bytes()


@pytest.mark.parametrize("damage", ["newer_schema", "damaged", "not_ours", "foreign_sqlite"])
def test_restore_refuses_and_changes_nothing(app_ctx, tmp_path, damage):
    from mpp_desk.cli import main

    data = app_ctx.data_dir
    taken = backup.take_backup(data, to=tmp_path)
    app_ctx.close()
    bad = tmp_path / "bad.sqlite3"
    with zipfile.ZipFile(taken.path) as zf:
        bad.write_bytes(zf.read("mpp-desk.sqlite3"))
    if damage == "newer_schema":
        con = sqlite3.connect(bad)
        con.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
        con.commit()
        con.close()
    elif damage == "damaged":
        raw = bytearray(bad.read_bytes())
        raw[4096 * 2: 4096 * 3] = b"\xff" * 4096  # a whole page of the tables overwritten
        bad.write_bytes(bytes(raw))
    elif damage == "not_ours":
        bad.write_text("hello", encoding="utf-8")
    else:
        bad.unlink()
        con = sqlite3.connect(bad)
        con.execute("CREATE TABLE photos (id INTEGER)")
        con.commit()
        con.close()
    before = _digest(database_path(data))
    code = main(["--data-dir", str(data), "--lang", "en", "restore", str(bad)])
    assert code == 2
    assert _digest(database_path(data)) == before
    assert not list((data / "backups").glob("before-restore-*"))


def test_restore_refuses_while_the_database_is_open(app_ctx, tmp_path):
    taken = backup.take_backup(app_ctx.data_dir, to=tmp_path)
    with pytest.raises(backup.BackupProblem) as refused:
        backup.restore(app_ctx.data_dir, taken.path)
    assert "Close it first" in refused.value.text("en")


def test_backup_into_a_folder_that_cannot_be_made_writes_nothing(app_ctx, tmp_path):
    from mpp_desk.cli import main

    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    data = str(app_ctx.data_dir)
    app_ctx.close()
    assert main(["--data-dir", data, "--lang", "en", "backup", "--to", str(blocker / "backups")]) == 2
    assert blocker.read_text(encoding="utf-8") == "not a folder"
    assert not (app_ctx.data_dir / "backups").exists()


def _names(days: list[dt.date]) -> list[tuple[dt.datetime, Path]]:
    return sorted(((dt.datetime.combine(d, dt.time(12), tzinfo=WIB), Path(backup.backup_name(
        dt.datetime.combine(d, dt.time(12), tzinfo=WIB)))) for d in days), reverse=True)


def test_rotation_keeps_days_weeks_and_months():
    days = [dt.date(2026, 1, 1) + dt.timedelta(days=i) for i in range(200)]  # a backup every day
    moments = _names(days)
    kept = {officetime.local(when).date() for when, path in moments
            if path in backup.to_keep(moments, backup.Rotation(daily=7, weekly=4, monthly=6))}
    last = days[-1]
    assert {last - dt.timedelta(days=i) for i in range(7)} <= kept  # the last seven days
    sundays = {d for d in kept if d.weekday() == 6}
    assert len(sundays) >= 3  # the newest of each of the last weeks (the current week's is the last day)
    month_ends = {d for d in kept if (d + dt.timedelta(days=1)).day == 1}
    assert len(month_ends) == 5  # the current month's newest is the last day; five whole months before it
    assert len(kept) <= 7 + 4 + 6


def test_rotation_deletes_only_our_files(tmp_path):
    for when, path in _names([dt.date(2026, 3, 1) + dt.timedelta(days=i) for i in range(10)]):
        (tmp_path / path.name).write_bytes(b"x")
    (tmp_path / "notes.txt").write_text("keep me", encoding="utf-8")
    removed = backup.rotate(tmp_path, backup.Rotation(daily=3, weekly=0, monthly=0))
    assert len(removed) == 7
    assert sorted(p.name for p in tmp_path.iterdir())[-1] == "notes.txt"
    assert len(list(tmp_path.glob("*.mppbak"))) == 3


def test_scheduler_takes_one_backup_a_day(app_ctx, office_clock):
    office_clock.set(dt.datetime(2026, 3, 2, 8, 0, tzinfo=WIB), running=False)
    scheduler = backup.BackupScheduler(app_ctx.data_dir)
    first = scheduler.run_once()
    assert first is not None and first.path.parent == backup.auto_folder(app_ctx.data_dir)
    assert scheduler.run_once() is None  # today's is there
    office_clock.set(dt.datetime(2026, 3, 3, 8, 0, tzinfo=WIB), running=False)
    assert scheduler.run_once() is not None
    with app_ctx.uow(write=False) as uow:
        assert uow.session.scalar(select(func.count()).select_from(OutboxEntry)) >= 0
    assert len(backup.list_backups(backup.auto_folder(app_ctx.data_dir))) == 2
