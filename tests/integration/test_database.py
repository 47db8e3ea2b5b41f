"""The local database: pragmas, the outbox in the same transaction, and clear refusals."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import uuid

import pytest
from sqlalchemy import func, select, text

from mpp_desk.database import open_database
from mpp_desk.errors import DatabaseProblem
from mpp_desk.models import CalendarOverride, OutboxEntry, QueueGroup
from mpp_desk.migrations import head_revision
from mpp_desk.paths import MIGRATIONS_DIR
from mpp_desk.uow import UnitOfWork, soft_delete


def sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def outbox(uow_factory) -> list[OutboxEntry]:
    with uow_factory(write=False) as uow:
        return list(uow.session.scalars(select(OutboxEntry).order_by(OutboxEntry.seq)))


def test_connections_use_wal_full_sync_and_foreign_keys(uow_factory):
    with uow_factory(write=False) as uow:
        conn = uow.session.connection()
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000


def test_every_business_write_adds_one_outbox_row_in_the_same_transaction(uow_factory, db):
    with uow_factory() as uow:
        group = QueueGroup(code="A", name="Perizinan Berusaha")
        uow.session.add(group)
        uow.commit()
    with uow_factory() as uow:
        group = uow.session.get(QueueGroup, group.id)
        group.name = "Perizinan"
        uow.commit()
    with uow_factory() as uow:
        group = uow.session.get(QueueGroup, group.id)
        soft_delete(group)
        uow.commit()

    entries = outbox(uow_factory)
    assert [e.op for e in entries] == ["insert", "update", "delete"]
    assert [e.base_version for e in entries] == [None, 1, 2]
    assert [e.payload["version"] for e in entries] == [1, 2, 3]
    assert all(e.entity == "queue_group" and e.entity_id == group.id for e in entries)
    assert all(e.device_id == db.device_id for e in entries)
    assert entries[1].payload["name"] == "Perizinan"
    assert entries[2].payload["deleted_at"] is not None
    assert [e.seq for e in entries] == sorted({e.seq for e in entries})
    with uow_factory(write=False) as uow:
        stored = uow.session.get(QueueGroup, group.id)
        assert stored.version == 3 and stored.device_id == db.device_id and stored.is_deleted
        assert stored.updated_at >= stored.created_at and stored.updated_at.tzinfo is not None


def test_unchanged_object_writes_no_outbox_row(uow_factory):
    with uow_factory() as uow:
        group = QueueGroup(code="B", name="Pengaduan")
        uow.session.add(group)
        uow.commit()
    with uow_factory() as uow:
        g = uow.session.get(QueueGroup, group.id)
        g.name = "Pengaduan"  # same value
        uow.commit()
    assert [e.op for e in outbox(uow_factory)] == ["insert"]


def test_without_commit_nothing_lands_neither_row_nor_outbox(uow_factory):
    with pytest.raises(RuntimeError):
        with uow_factory() as uow:
            uow.session.add(QueueGroup(code="C", name="x"))
            uow.flush()  # written inside the transaction...
            raise RuntimeError("crash mid-action")  # ...then the action fails
    with uow_factory() as uow:
        uow.session.add(QueueGroup(code="D", name="y"))
        # leaving the block without commit()
    with uow_factory(write=False) as uow:
        assert uow.session.scalar(select(func.count()).select_from(QueueGroup)) == 0
        assert uow.session.scalar(select(func.count()).select_from(OutboxEntry)) == 0


def test_hard_delete_of_a_synced_row_is_refused(uow_factory):
    with uow_factory() as uow:
        uow.session.add(QueueGroup(code="E", name="z"))
        uow.commit()
    with uow_factory() as uow:
        group = uow.session.scalar(select(QueueGroup))
        uow.session.delete(group)
        with pytest.raises(RuntimeError, match="soft_delete"):
            uow.flush()


def test_foreign_keys_are_enforced(uow_factory):
    from mpp_desk.models import Requirement

    with pytest.raises(Exception, match="FOREIGN KEY"):
        with uow_factory() as uow:
            uow.session.add(Requirement(service_id=uuid.uuid4(), kind="general", position=1, text="x"))
            uow.commit()


def test_device_id_is_stable_across_reopen(data_dir):
    path = data_dir / "x.sqlite3"
    first = open_database(path)
    second = open_database(path)
    try:
        assert first.device_id == second.device_id
        uuid.UUID(first.device_id)
    finally:
        first.dispose()
        second.dispose()


def test_migrated_schema_matches_the_models(db):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from mpp_desk.models import Base

    with db.engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diffs == []


def test_corrupt_file_is_refused_and_left_untouched(data_dir):
    path = data_dir / "broken.sqlite3"
    path.write_bytes(b"this is not a database at all" * 100)
    before = sha(path)
    with pytest.raises(DatabaseProblem) as info:
        open_database(path)
    assert "bukan basis data MPP Desk atau rusak" in info.value.text()
    assert sha(path) == before


def test_damaged_sqlite_file_is_refused_and_left_untouched(data_dir):
    path = data_dir / "damaged.sqlite3"
    open_database(path).dispose()
    data = bytearray(path.read_bytes())
    data[4096:8192] = b"\xff" * 4096  # overwrite the second page
    path.write_bytes(bytes(data))
    before = sha(path)
    with pytest.raises(DatabaseProblem) as info:
        open_database(path)
    assert str(path) in info.value.text()
    assert sha(path) == before


def test_database_from_a_newer_version_is_refused_and_left_untouched(data_dir):
    path = data_dir / "newer.sqlite3"
    open_database(path).dispose()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999_future'")
    con.commit()
    con.close()
    before = sha(path)
    with pytest.raises(DatabaseProblem) as info:
        open_database(path)
    assert "versi MPP Desk yang lebih baru" in info.value.text()
    assert "9999_future" in info.value.text()
    assert sha(path) == before


def test_database_locked_by_another_program_gives_a_clear_message(data_dir):
    path = data_dir / "locked.sqlite3"
    open_database(path).dispose()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseProblem) as info:
            open_database(path, busy_timeout_ms=200)
        assert "dikunci oleh program lain" in info.value.text()
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_write_waiting_on_another_writer_reports_locked_after_the_timeout(data_dir):
    path = data_dir / "busy.sqlite3"
    db = open_database(path, busy_timeout_ms=200)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(DatabaseProblem) as info:
            with UnitOfWork(db):
                pass
        assert "dikunci" in info.value.text()
        with UnitOfWork(db, write=False) as uow:  # readers are not blocked by a writer in WAL
            assert uow.session.scalar(text("SELECT count(*) FROM local_state")) >= 1
    finally:
        other.execute("ROLLBACK")
        other.close()
        db.dispose()


def test_a_read_only_database_is_read_and_a_write_is_refused_with_a_clear_message(data_dir):
    path = data_dir / "ro.sqlite3"
    open_database(path).dispose()
    before = sha(path)
    script = textwrap.dedent(
        f"""
        import sys
        from sqlalchemy import text
        from mpp_desk.database import open_database
        from mpp_desk.errors import DatabaseProblem
        from mpp_desk.uow import UnitOfWork
        db = open_database({str(path)!r})  # reading needs no write access
        with UnitOfWork(db, write=False) as uow:
            print("rows", uow.session.scalar(text("SELECT count(*) FROM local_state")))
        try:
            with UnitOfWork(db):
                pass
        except DatabaseProblem as exc:
            print(exc.text()); sys.exit(3)
        sys.exit(0)
        """
    )
    if os.geteuid() == 0:
        # root ignores file modes: mount the data folder read-only in a private mount namespace
        cmd = ["unshare", "-m", "sh", "-c", 'mount --bind -o ro "$0" "$0" && exec "$1" -c "$2"', str(data_dir),
               sys.executable, script]
        result = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": os.getcwd()})
    else:
        os.chmod(path, 0o444)
        os.chmod(data_dir, 0o555)
        try:
            result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                                    env={**os.environ, "PYTHONPATH": os.getcwd()})
        finally:
            os.chmod(data_dir, 0o755)
            os.chmod(path, 0o644)
    assert result.returncode == 3, result.stderr
    assert "rows " in result.stdout and "hanya-baca" in result.stdout
    assert sha(path) == before


def test_a_copy_is_kept_before_a_migration_runs(data_dir, tmp_path):
    path = data_dir / "old.sqlite3"
    open_database(path).dispose()
    con = sqlite3.connect(path)
    con.execute("INSERT INTO local_state (key, value) VALUES ('marker', 'before')")
    con.commit()
    con.close()
    migrations = tmp_path / "db"
    shutil.copytree(MIGRATIONS_DIR, migrations, ignore=shutil.ignore_patterns("__pycache__"))
    head = head_revision(migrations)  # not the file name: a branch's revision may sort before another's
    (migrations / "versions" / "9000_test_extra.py").write_text(
        textwrap.dedent(
            f"""
            import sqlalchemy as sa
            from alembic import op
            revision = "9000"
            down_revision = {head!r}
            def upgrade():
                op.create_table("test_extra", sa.Column("id", sa.Integer, primary_key=True))
            def downgrade():
                op.drop_table("test_extra")
            """
        )
    )
    db = open_database(path, migrations_dir=migrations)
    db.dispose()
    backups = list((data_dir / "backups").glob("old-before-9000-*.sqlite3"))
    assert len(backups) == 1
    copy = sqlite3.connect(backups[0])
    try:
        assert copy.execute("SELECT value FROM local_state WHERE key='marker'").fetchone() == ("before",)
        assert copy.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head
        assert copy.execute("SELECT name FROM sqlite_master WHERE name='test_extra'").fetchone() is None
    finally:
        copy.close()
    con = sqlite3.connect(path)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone() == ("9000",)
    con.close()


def test_no_backup_when_nothing_to_migrate(data_dir):
    path = data_dir / "fresh.sqlite3"
    open_database(path).dispose()
    open_database(path).dispose()
    assert not (data_dir / "backups").exists() or not list((data_dir / "backups").iterdir())


WRITER = textwrap.dedent(
    """
    import datetime as dt, sys
    from mpp_desk.database import open_database
    from mpp_desk.models import CalendarOverride
    from mpp_desk.uow import UnitOfWork
    db = open_database(sys.argv[1])
    start = dt.date(2030, 1, 1) + dt.timedelta(days=int(sys.argv[2]))
    for i in range(int(sys.argv[3])):
        with UnitOfWork(db) as uow:
            uow.session.add(CalendarOverride(day=start + dt.timedelta(days=2 * i), kind="closed", reason="p"))
            uow.commit()
    print("ok")
    """
)


@pytest.mark.slow  # real processes
def test_several_processes_write_one_file_safely(data_dir):
    path = data_dir / "shared.sqlite3"
    open_database(path).dispose()
    n = 150
    procs = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(path), str(offset), str(n)], stdout=subprocess.PIPE, text=True)
        for offset in (0, 1)
    ]
    outputs = [p.communicate(timeout=120)[0] for p in procs]
    assert [p.returncode for p in procs] == [0, 0]
    assert all("ok" in out for out in outputs)
    db = open_database(path)
    try:
        with UnitOfWork(db, write=False) as uow:
            assert uow.session.scalar(select(func.count()).select_from(CalendarOverride)) == 2 * n
            seqs = list(uow.session.scalars(select(OutboxEntry.seq)))
            assert len(seqs) == 2 * n == len(set(seqs))
            entity_ids = set(uow.session.scalars(select(OutboxEntry.entity_id)))
            assert entity_ids == set(uow.session.scalars(select(CalendarOverride.id)))
    finally:
        db.dispose()


# --- files that must not be taken for ours (issue 11: storage) --------------------------------


def test_an_empty_database_file_is_refused_not_made_a_fresh_install(data_dir):
    from mpp_desk.paths import database_path

    path = database_path(data_dir)
    path.write_bytes(b"")
    with pytest.raises(DatabaseProblem) as info:
        open_database(path)
    assert "kosong" in info.value.text() and str(path) in info.value.text()
    assert path.stat().st_size == 0  # untouched: no tables, so nobody can run setup on it


def test_another_programs_sqlite_file_is_refused_and_left_untouched(data_dir):
    path = data_dir / "other.sqlite3"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)")
    con.execute("INSERT INTO invoices (amount) VALUES (12.5)")
    con.commit()
    con.close()
    before = sha(path)
    with pytest.raises(DatabaseProblem) as info:
        open_database(path)
    assert "program lain" in info.value.text()
    assert sha(path) == before
    con = sqlite3.connect(path)
    assert [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")] == ["invoices"]
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    con.close()


def test_a_newer_schema_in_rollback_journal_mode_is_not_switched_to_wal(data_dir):
    path = data_dir / "newer-delete.sqlite3"
    open_database(path).dispose()
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode = DELETE")
    con.execute("UPDATE alembic_version SET version_num = '9999_future'")
    con.commit()
    con.close()
    before = sha(path)
    with pytest.raises(DatabaseProblem) as info:
        open_database(path)
    assert "tidak diubah" in info.value.text()
    assert sha(path) == before
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    con.close()


def _damage_an_index(path) -> None:
    """An index whose entries no longer match its table: PRAGMA quick_check does not look, integrity_check does."""
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE probe (a INTEGER, b INTEGER)")
    con.execute("CREATE INDEX probe_a ON probe (a)")
    con.executemany("INSERT INTO probe VALUES (?, ?)", [(i, 1000 - i) for i in range(200)])
    con.commit()
    con.execute("PRAGMA writable_schema = ON")
    con.execute("UPDATE sqlite_master SET sql = 'CREATE INDEX probe_a ON probe (b)' WHERE name = 'probe_a'")
    con.commit()
    con.close()
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    assert con.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    assert con.execute("PRAGMA integrity_check").fetchone()[0] != "ok"
    con.close()


def test_after_an_unclean_shutdown_the_whole_file_is_checked(data_dir):
    from mpp_desk.database import RUN_DIRNAME

    path = data_dir / "mpp-desk.sqlite3"
    open_database(path).dispose()
    assert not list((data_dir / RUN_DIRNAME).glob("*.open"))  # a clean close leaves no marker
    _damage_an_index(path)
    # a process killed while it had the database open: its marker stays, its lock is gone
    subprocess.run([sys.executable, "-c", textwrap.dedent(f"""
        import os
        from pathlib import Path
        from mpp_desk.database import OpenMarker
        OpenMarker(Path({str(data_dir)!r}))
        os._exit(9)
    """)], check=False, env={**os.environ, "PYTHONPATH": os.getcwd()})
    assert len(list((data_dir / RUN_DIRNAME).glob("*.open"))) == 1
    before = sha(path)
    with pytest.raises(DatabaseProblem) as info:
        open_database(path)
    assert "rusak" in info.value.text()
    assert sha(path) == before


def test_a_live_process_marker_does_not_count_as_an_unclean_shutdown(data_dir):
    from mpp_desk.database import stale_open_markers

    path = data_dir / "mpp-desk.sqlite3"
    first = open_database(path)
    try:
        assert stale_open_markers(data_dir) == []
        second = open_database(path)  # a second process (here: a second open) sees a live marker
        second.dispose()
    finally:
        first.dispose()
    assert stale_open_markers(data_dir) == []


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_the_data_folder_and_database_are_owner_only(tmp_path):
    data = tmp_path / "data"
    env = {**os.environ, "PYTHONPATH": os.getcwd(), "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run([sys.executable, "-m", "mpp_desk", "--data-dir", str(data), "queue", "groups"], check=True,
                   env=env, capture_output=True)
    assert data.stat().st_mode & 0o777 == 0o700
    for file in data.rglob("*"):
        if file.is_file():
            assert file.stat().st_mode & 0o077 == 0, file
    os.chmod(data, 0o755)  # an existing installation with loose modes is tightened
    os.chmod(data / "mpp-desk.sqlite3", 0o644)
    subprocess.run([sys.executable, "-m", "mpp_desk", "--data-dir", str(data), "queue", "groups"], check=True,
                   env=env, capture_output=True)
    assert data.stat().st_mode & 0o777 == 0o700
    assert (data / "mpp-desk.sqlite3").stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize("command", [["queue", "groups"], ["calendar", "due", "--from", "2026-03-17", "--days", "7"],
                                     ["audit", "verify"]])
def test_reading_commands_do_not_wait_for_another_process_writing(app_ctx, capsys, command):
    """Seeding and upgrades are looked for with a read first; the write lock is taken only to write."""
    import time

    from mpp_desk.cli import main

    app_ctx.close()  # seeded and upgraded: nothing left to write on the next start
    other = sqlite3.connect(app_ctx.database_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another process in the middle of a write
    try:
        started = time.monotonic()
        code = main(["--data-dir", str(app_ctx.data_dir), "--lang", "id", *command])
        took = time.monotonic() - started
    finally:
        other.execute("ROLLBACK")
        other.close()
    out, err = capsys.readouterr()
    assert code == 0, err
    assert took < 5, f"{command} waited {took:.1f} s for the write lock"


def test_reading_commands_work_on_a_read_only_data_folder_and_writing_ones_say_why_not(app_ctx):
    app_ctx.close()
    data = app_ctx.data_dir
    before = sha(app_ctx.database_path)
    env = {**os.environ, "PYTHONPATH": os.getcwd(), "QT_QPA_PLATFORM": "offscreen"}
    runs = {}
    for name, command in (("read", ["queue", "groups"]), ("write", ["queue", "group", "add", "Z", "Zed"])):
        argv = [sys.executable, "-m", "mpp_desk", "--data-dir", str(data), "--lang", "id", *command]
        if os.geteuid() == 0:  # root ignores file modes: a read-only bind mount in a private namespace
            argv = ["unshare", "-m", "sh", "-c", 'mount --bind -o ro "$0" "$0" && shift && exec "$@"', str(data),
                    "_", *argv]
            runs[name] = subprocess.run(argv, capture_output=True, text=True, env=env)
        else:
            os.chmod(app_ctx.database_path, 0o444)
            os.chmod(data, 0o555)
            try:
                runs[name] = subprocess.run(argv, capture_output=True, text=True, env=env)
            finally:
                os.chmod(data, 0o700)
                os.chmod(app_ctx.database_path, 0o600)
    assert runs["read"].returncode == 0, runs["read"].stderr
    assert runs["read"].stdout.startswith("A")
    assert runs["write"].returncode == 2 and "hanya-baca" in runs["write"].stderr
    assert len(runs["write"].stderr.strip().splitlines()) == 1
    assert sha(app_ctx.database_path) == before


def test_migration_0006_lets_a_survey_name_a_ticket_of_the_servers_queue_and_keeps_once_per_ticket(tmp_path):
    """From 0005 (a survey_response and survey_invite whose ticket_id must be a local queue_ticket) to head: the
    rows kept, a ticket id this PC does not hold accepted with foreign keys on, the unique key still refusing a
    second response for one ticket, the invitation's ticket indexed."""
    import sqlite3

    from alembic import command
    from sqlalchemy import create_engine, event

    from mpp_desk.migrations import alembic_config

    path = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", lambda con, _rec: con.execute("PRAGMA foreign_keys = ON"))

    def migrate(revision: str) -> None:
        cfg = alembic_config()
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)

    def response(con, ticket_id: str | None) -> None:
        con.execute("INSERT INTO survey_response (id, created_at, updated_at, version, device_id, submitted_at, "
                    "submitted_on, source, service_kbli, service_title, ticket_id, age_group, sex, education, "
                    "occupation, suggestion, u1) VALUES (?, '2026-11-24 03:00:00', '2026-11-24 03:00:00', 1, 'pc', "
                    "'2026-11-24 03:00:00', '2026-11-24', 'web', '', '', ?, '', '', '', '', '', 4)",
                    (uuid.uuid4().hex, ticket_id))

    def invite(con, ticket_id: str) -> None:
        con.execute("INSERT INTO survey_invite (id, created_at, updated_at, version, device_id, at, service_kbli, "
                    "service_title, ticket_id, officer_username) VALUES (?, '2026-11-24 03:00:00', "
                    "'2026-11-24 03:00:00', 1, 'pc', '2026-11-24 03:00:00', '', '', ?, 'sari')",
                    (uuid.uuid4().hex, ticket_id))

    server_ticket = uuid.uuid4().hex  # a ticket of the server's live queue: never in this PC's queue_ticket
    try:
        migrate("0005")
        with sqlite3.connect(path) as con:
            con.execute("PRAGMA foreign_keys = ON")
            response(con, None)  # an older response, kept through the copy
            with pytest.raises(sqlite3.IntegrityError):
                response(con, server_ticket)
            with pytest.raises(sqlite3.IntegrityError):
                invite(con, server_ticket)
        con.close()
        migrate("head")
        with sqlite3.connect(path) as con:
            con.execute("PRAGMA foreign_keys = ON")
            response(con, server_ticket)
            invite(con, server_ticket)
            with pytest.raises(sqlite3.IntegrityError):  # once per ticket: the unique key stays
                response(con, server_ticket)
            assert con.execute("SELECT count(*) FROM survey_response").fetchone()[0] == 2
            assert con.execute("SELECT count(*) FROM survey_invite").fetchone()[0] == 1
            indexes = {r[1] for r in con.execute("PRAGMA index_list('survey_invite')")}
            assert "ix_survey_invite_ticket_id" in indexes
            assert con.execute("PRAGMA foreign_key_check").fetchall() == []
            assert not [r for r in con.execute("PRAGMA foreign_key_list('survey_response')") if r[2] == "queue_ticket"]
        con.close()
    finally:
        engine.dispose()
