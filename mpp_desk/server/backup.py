"""``mpp-central backup|restore``: the central database dumped and put back with pg_dump / pg_restore.

A backup is ``mpp-central-YYYYMMDD-HHMMSS.dump`` (pg_dump's custom format, compressed), checked with
``pg_restore --list`` before it is kept, and rotated like the PCs' backups (days, weeks, months).
A restore first checks the file the same way, restores it into a scratch database to read its schema
revision (a dump from a newer server is refused), dumps the current database aside, then restores
into the server's database in one transaction (``--clean --single-transaction``). Stop the service
first (``systemctl stop mpp-central``): a restore under a running server would mix old and new.
The client programs come from PostgreSQL (Debian: ``postgresql-client``); docs/installing.md.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import shutil
import subprocess
import uuid
from pathlib import Path

from sqlalchemy.engine import make_url

from mpp_desk import backup, officetime
from mpp_desk.migrations import known_revision as known
from mpp_desk.server.db import CENTRAL_MIGRATIONS_DIR

PREFIX = "mpp-central-"
SUFFIX = ".dump"


class CentralBackupProblem(Exception):
    """The dump or the restore cannot go on; the message says why. Nothing was changed."""


@dataclasses.dataclass(frozen=True)
class CentralBackup:
    path: Path
    size: int
    removed: tuple[Path, ...] = ()


def _libpq(url: str) -> tuple[str, dict[str, str]]:
    """A libpq connection string for the client programs (no driver suffix) and their environment.

    The password, when the URL has one, goes through PGPASSWORD, never on a command line."""
    parsed = make_url(url)
    env = dict(os.environ)
    if parsed.password:
        env["PGPASSWORD"] = str(parsed.password)
    plain = parsed.set(drivername="postgresql", password=None)
    return plain.render_as_string(hide_password=False), env


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise CentralBackupProblem(f"{name} not found: install PostgreSQL's client programs (postgresql-client)")
    return found


def _run(argv: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    done = subprocess.run(argv, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()
        raise CentralBackupProblem(f"{Path(argv[0]).name} failed: {detail[-1] if detail else done.returncode}")
    return done


def check_archive(path: Path) -> int:
    """The number of entries in a pg_dump archive; CentralBackupProblem when it is not one."""
    listing = _run([_tool("pg_restore"), "--list", str(path)], dict(os.environ)).stdout
    entries = [line for line in listing.splitlines() if line and not line.startswith(";")]
    if not any("alembic_version" in line for line in entries):
        raise CentralBackupProblem(f"{path} is not a dump of an MPP Desk central database")
    return len(entries)


def dump(url: str, folder: Path, *, rotation=None, now: dt.datetime | None = None) -> CentralBackup:
    """Dump the database at *url* into *folder*; with *rotation* (backup.Rotation), rotate the folder."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CentralBackupProblem(f"the folder {folder} cannot be made: {exc.strerror or exc}") from exc
    stamp = officetime.local(now or officetime.now()).strftime("%Y%m%d-%H%M%S")
    target = folder / f"{PREFIX}{stamp}{SUFFIX}"
    partial = folder / f".{target.name}.partial"
    conninfo, env = _libpq(url)
    try:
        _run([_tool("pg_dump"), "--format=custom", "--no-owner", "--no-privileges", f"--file={partial}",
              f"--dbname={conninfo}"], env)
        check_archive(partial)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    removed: tuple[Path, ...] = ()
    if rotation is not None:
        removed = tuple(backup.rotate(folder, rotation, prefix=PREFIX, suffix=SUFFIX))
    return CentralBackup(path=target, size=target.stat().st_size, removed=removed)


def _revision_in(archive: Path, url: str) -> str | None:
    """The alembic revision inside *archive*, read by restoring it into a scratch database."""
    import psycopg
    from psycopg import sql

    parsed = make_url(url)
    scratch = f"mpp_restore_check_{uuid.uuid4().hex[:12]}"
    admin = parsed.set(drivername="postgresql", database="postgres").render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(scratch)))
    try:
        conninfo, env = _libpq(parsed.set(database=scratch).render_as_string(hide_password=False))
        _run([_tool("pg_restore"), "--no-owner", "--no-privileges", "--exit-on-error", f"--dbname={conninfo}",
              str(archive)], env)
        with psycopg.connect(parsed.set(drivername="postgresql", database=scratch)
                             .render_as_string(hide_password=False)) as conn:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            return row[0] if row else None
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(scratch)))


def known_revision(revision: str) -> bool:
    return known(revision, CENTRAL_MIGRATIONS_DIR)


def restore(url: str, archive: Path, *, aside_folder: Path, now: dt.datetime | None = None) -> Path:
    """Put *archive* in place of the database at *url*; returns the dump of what was there before."""
    archive = Path(archive)
    if not archive.is_file():
        raise CentralBackupProblem(f"{archive} does not exist")
    check_archive(archive)
    revision = _revision_in(archive, url)
    if revision is None or not known_revision(revision):
        raise CentralBackupProblem(f"{archive} was made by a newer mpp-central (schema {revision}); "
                                   "install that version first. Nothing was changed.")
    before = dump(url, aside_folder, now=now)  # what is there now, kept before anything changes
    conninfo, env = _libpq(url)
    _run([_tool("pg_restore"), "--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction",
          "--exit-on-error", f"--dbname={conninfo}", str(archive)], env)
    return before.path
