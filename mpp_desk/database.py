"""Opening the local SQLite database: pragmas, transactions, migrations, and clear failures.

Several processes on one PC (kiosk, counters, display) share one database file. WAL
lets readers go on while one process writes; write transactions start with
``BEGIN IMMEDIATE`` so two writers queue on the busy timeout instead of failing half
way through a read-then-write.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, event, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from mpp_desk import officetime
from mpp_desk.errors import DatabaseProblem
from mpp_desk.i18n import N_
from mpp_desk.models import LocalState

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 10_000
BEGIN_OPTION = "mpp_begin"  # execution option: "IMMEDIATE" for write transactions


def _install_sqlite_pragmas(engine: Engine, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        # Let SQLAlchemy's "begin" event issue BEGIN itself (pysqlite's own is deferred only).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")  # persistent in the file; cheap once set
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        mode = conn.get_execution_options().get(BEGIN_OPTION, "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")


@dataclass
class Database:
    """An open database: its engine, a session factory and this PC's device id."""

    path: Path
    engine: Engine
    sessions: sessionmaker
    device_id: str

    def dispose(self) -> None:
        self.engine.dispose()


def _check_file(path: Path, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> None:
    """Refuse files we must not touch, with a message the user can act on."""
    if not path.exists():
        parent = path.parent
        try:
            parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseProblem(
                N_("errors", "Cannot create the data folder {folder}: {reason}"),
                folder=str(parent),
                reason=exc.strerror or str(exc),
            ) from exc
        if not os.access(parent, os.W_OK):
            raise DatabaseProblem(N_("errors", "The data folder {folder} is read-only."), folder=str(parent))
        return
    if not os.access(path, os.R_OK | os.W_OK) or not os.access(path.parent, os.W_OK):
        raise DatabaseProblem(
            N_("errors", "The database file {path} is read-only. Ask the administrator to fix its permissions."),
            path=str(path),
        )
    with open(path, "rb") as fh:
        header = fh.read(16)
    if header and header != b"SQLite format 3\x00":
        raise DatabaseProblem(
            N_("errors", "The file {path} is not an MPP Desk database or is damaged. It was not changed."),
            path=str(path),
        )
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=busy_timeout_ms / 1000)
        try:
            result = con.execute("PRAGMA quick_check").fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise _classify(exc, path) from exc
    if not result or result[0] != "ok":
        raise DatabaseProblem(
            N_("errors", "The database {path} is damaged ({detail}). It was not changed; restore a backup."),
            path=str(path),
            detail=str(result[0] if result else "?"),
        )


def classify_error(exc: BaseException, path: Path) -> DatabaseProblem:
    """Turn a driver error into a message the user can act on."""
    return _classify(exc, path)


def _classify(exc: BaseException, path: Path) -> DatabaseProblem:
    text = str(getattr(exc, "orig", exc)).lower()
    if "locked" in text or "busy" in text:
        return DatabaseProblem(
            N_("errors", "The database {path} is locked by another program. Try again in a moment."), path=str(path)
        )
    if "readonly" in text or "read-only" in text:
        return DatabaseProblem(
            N_("errors", "The database file {path} is read-only. Ask the administrator to fix its permissions."),
            path=str(path),
        )
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return DatabaseProblem(
            N_("errors", "The file {path} is not an MPP Desk database or is damaged. It was not changed."),
            path=str(path),
        )
    return DatabaseProblem(N_("errors", "The database {path} cannot be opened: {reason}"), path=str(path), reason=text)


def create_sqlite_engine(path: Path, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Engine:
    engine = create_engine(f"sqlite:///{path}")
    _install_sqlite_pragmas(engine, busy_timeout_ms)
    return engine


def open_database(
    path: Path,
    *,
    migrate: bool = True,
    busy_timeout_ms: int = BUSY_TIMEOUT_MS,
    migrations_dir: Path | None = None,
) -> Database:
    """Open (creating if needed) and migrate the database at *path*; raise DatabaseProblem if unusable."""
    path = Path(path)
    _check_file(path, busy_timeout_ms)
    engine = create_sqlite_engine(path, busy_timeout_ms)
    try:
        with engine.connect() as conn:
            mode = conn.exec_driver_sql("PRAGMA journal_mode").scalar()
            if str(mode).lower() != "wal":
                raise DatabaseProblem(
                    N_("errors", "The database {path} cannot switch to WAL mode ({mode})."), path=str(path), mode=mode
                )
        if migrate:
            from mpp_desk.migrations import upgrade_to_head

            upgrade_to_head(engine, path, migrations_dir)
        sessions = sessionmaker(bind=engine, expire_on_commit=False)
        device_id = _ensure_device_id(sessions)
    except DatabaseProblem:
        engine.dispose()
        raise
    except (OperationalError, DBAPIError, sqlite3.DatabaseError) as exc:
        engine.dispose()
        raise _classify(exc, path) from exc
    return Database(path=path, engine=engine, sessions=sessions, device_id=device_id)


def _ensure_device_id(sessions: sessionmaker) -> str:
    """This PC's device id, created once; it names the writer of every row and outbox entry."""
    with sessions() as session:
        row = session.get(LocalState, "device_id")
        if row is not None:
            return row.value
    with sessions() as session:
        session.connection(execution_options={BEGIN_OPTION: "IMMEDIATE"})
        row = session.get(LocalState, "device_id")
        if row is None:
            row = LocalState(key="device_id", value=str(uuid.uuid4()))
            session.add(row)
            session.add(LocalState(key="created_at", value=officetime.now().isoformat()))
            session.commit()
        return row.value


def local_state(session: Session, key: str) -> str | None:
    return session.scalar(select(LocalState.value).where(LocalState.key == key))
