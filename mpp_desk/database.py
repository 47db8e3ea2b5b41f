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
import threading
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
from mpp_desk.paths import restrict_to_owner

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 10_000
BEGIN_OPTION = "mpp_begin"  # execution option: "IMMEDIATE" for write transactions


def _install_sqlite_pragmas(engine: Engine, busy_timeout_ms: int = BUSY_TIMEOUT_MS, *, read_only: bool = False) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        # Let SQLAlchemy's "begin" event issue BEGIN itself (pysqlite's own is deferred only).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        cursor.execute("PRAGMA foreign_keys = ON")
        if not read_only:
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
    marker: "OpenMarker | None" = None
    read_only: bool = False  # the file cannot be written: reading works, a write unit of work is refused

    def dispose(self) -> None:
        self.engine.dispose()
        _forget_open(self.path)
        if self.marker is not None:  # closed cleanly: the next start needs no full check
            self.marker.release()
            self.marker = None


# Database files this process has open through SQLite, by (device, inode). Closing *any* other file
# descriptor on such a file drops every POSIX lock the process holds on it (fcntl semantics), SQLite's
# included: another process then believes it is the last user, checkpoints and deletes the WAL and the
# -shm index under this process's connections, which go on reading and writing an unlinked WAL (writes
# lost to the others, theirs never seen, then "database disk image is malformed"). So the raw header
# read of _check_file is skipped for a file that is open here (tests/server/test_sync_stale_read.py).
_open_files: dict[tuple[int, int], int] = {}
_open_files_lock = threading.Lock()


def _file_key(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def _remember_open(path: Path) -> None:
    key = _file_key(path)
    if key is not None:
        with _open_files_lock:
            _open_files[key] = _open_files.get(key, 0) + 1


def _forget_open(path: Path) -> None:
    key = _file_key(path)
    with _open_files_lock:
        if key in _open_files:
            _open_files[key] -= 1
            if _open_files[key] <= 0:
                del _open_files[key]


def open_here(path: Path) -> bool:
    """This process holds the file open through SQLite (then no other descriptor may touch it)."""
    key = _file_key(path)
    with _open_files_lock:
        return key is not None and key in _open_files


SQLITE_HEADER = b"SQLite format 3\x00"
MARKER_TABLES = ("alembic_version", "local_state")  # every MPP Desk database has both
RUN_DIRNAME = "run"  # <data folder>/run/<id>.open: one marker per process with the database open


def _check_file(path: Path, busy_timeout_ms: int = BUSY_TIMEOUT_MS, migrations_dir: Path | None = None) -> None:
    """Refuse files we must not touch, with a message the user can act on; changes nothing in the file.

    Refused: an empty (0-byte) file where a database was (it is not a fresh install: anyone could
    then set it up again and become administrator), another program's SQLite file, a file made
    by a newer MPP Desk (before WAL mode is switched on), and a damaged file. After an unclean
    shutdown (a process's open-marker left behind) the full ``integrity_check`` runs instead of
    the quick one, which misses damaged index entries.
    """
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
    if not os.access(path, os.R_OK):
        raise DatabaseProblem(
            N_("errors", "The database file {path} is read-only. Ask the administrator to fix its permissions."),
            path=str(path),
        )
    if open_here(path):  # open through SQLite in this process already: it is a database (see _open_files)
        header = SQLITE_HEADER if path.stat().st_size else b""
    else:
        with open(path, "rb") as fh:
            header = fh.read(16)
    if not header:
        raise DatabaseProblem(
            N_("errors", "The database file {path} is empty (0 bytes): it is damaged, not a new installation. "
                         "It was not changed; restore a backup, or remove the file to set up a new office."),
            path=str(path),
        )
    if header != SQLITE_HEADER:
        raise DatabaseProblem(
            N_("errors", "The file {path} is not an MPP Desk database or is damaged. It was not changed."),
            path=str(path),
        )
    unclean = stale_open_markers(path.parent)
    try:
        con = sqlite3.connect(f"file:{path}?{_read_only_uri_options(path)}", uri=True, timeout=busy_timeout_ms / 1000)
        try:
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            revision = None
            if "alembic_version" in tables:
                row = con.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
            check = "integrity_check" if unclean else "quick_check"
            result = con.execute(f"PRAGMA {check}").fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise _classify(exc, path) from exc
    if tables and not all(t in tables for t in MARKER_TABLES):
        raise DatabaseProblem(
            N_("errors", "The file {path} belongs to another program (it has tables but is not an MPP Desk "
                         "database). It was not changed."),
            path=str(path),
        )
    if revision is not None:
        _check_revision_known(path, revision, migrations_dir)
    if not result or result[0] != "ok":
        raise DatabaseProblem(
            N_("errors", "The database {path} is damaged ({detail}). It was not changed; restore a backup."),
            path=str(path),
            detail=str(result[0] if result else "?"),
        )
    if unclean:
        log.warning("database %s: checked in full after an unclean shutdown", path)
        clear_stale_open_markers(path.parent)


def _check_revision_known(path: Path, revision: str, migrations_dir: Path | None) -> None:
    from mpp_desk.migrations import check_known  # lazy: alembic (~100 ms) only to check or upgrade the schema

    check_known(path, revision, migrations_dir)


# --- open-markers: was the database closed cleanly? ------------------------------------------


class OpenMarker:
    """A file in <data folder>/run/ held locked while this process has the database open.

    Removed on a clean close (Database.dispose). One left behind whose lock nobody holds means a
    process ended without closing (killed, crashed, power cut): the next start checks the whole file.
    """

    def __init__(self, data_dir: Path) -> None:
        folder = Path(data_dir) / RUN_DIRNAME
        folder.mkdir(exist_ok=True)
        self.path = folder / f"{uuid.uuid4().hex}.open"
        self._fh = open(self.path, "w+b")  # noqa: SIM115 - held open (and locked) while the database is
        self._fh.write(f"{os.getpid()}\n".encode())
        self._fh.flush()
        if not _lock(self._fh):
            raise OSError("cannot lock the open-marker")

    def release(self) -> None:
        if self._fh is None:
            return
        try:
            _unlock(self._fh)
            self._fh.close()
            self.path.unlink(missing_ok=True)
        except OSError:
            pass
        self._fh = None


def _lock(fh) -> bool:
    try:
        if os.name == "nt":
            import msvcrt

            fh.seek(0)
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False


def _unlock(fh) -> None:
    if os.name == "nt":
        import msvcrt

        fh.seek(0)
        msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def stale_open_markers(data_dir: Path) -> list[Path]:
    """Open-markers whose process is gone (their lock is free): the database was not closed cleanly."""
    folder = Path(data_dir) / RUN_DIRNAME
    stale = []
    if not folder.is_dir():
        return stale
    for marker in folder.glob("*.open"):
        try:
            with open(marker, "r+b") as fh:
                if _lock(fh):
                    _unlock(fh)
                    stale.append(marker)
        except OSError:
            continue
    return stale


def clear_stale_open_markers(data_dir: Path) -> None:
    for marker in stale_open_markers(data_dir):
        try:
            marker.unlink()
        except OSError:
            pass


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


def create_sqlite_engine(path: Path, busy_timeout_ms: int = BUSY_TIMEOUT_MS, *, read_only: bool = False) -> Engine:
    if read_only:  # opened with mode=ro: reading works, any write is refused by SQLite itself
        engine = create_engine(f"sqlite:///file:{path}?{_read_only_uri_options(path)}&uri=true")
    else:
        engine = create_engine(f"sqlite:///{path}")
    _install_sqlite_pragmas(engine, busy_timeout_ms, read_only=read_only)
    return engine


def _read_only_uri_options(path: Path) -> str:
    """URI options to read *path* without writing anything. In a folder that cannot be written SQLite
    cannot make the WAL index (-shm) either; with no -wal file left (a clean close) the file is then
    read as immutable: nobody can be writing it there."""
    if not os.access(path.parent, os.W_OK) and not Path(f"{path}-wal").exists():
        return "mode=ro&immutable=1"
    return "mode=ro"


def is_read_only(path: Path) -> bool:
    """The file (or its folder, where SQLite keeps its -wal and -shm files) cannot be written."""
    return path.exists() and (not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK))


def read_only_problem(path: Path) -> DatabaseProblem:
    return DatabaseProblem(
        N_("errors", "The database file {path} is read-only. Ask the administrator to fix its permissions."),
        path=str(path),
    )


def open_database(
    path: Path,
    *,
    migrate: bool = True,
    busy_timeout_ms: int = BUSY_TIMEOUT_MS,
    migrations_dir: Path | None = None,
) -> Database:
    """Open (creating if needed) and migrate the database at *path*; raise DatabaseProblem if unusable."""
    path = Path(path)
    _check_file(path, busy_timeout_ms, migrations_dir)
    read_only = is_read_only(path)  # then it is opened for reading; writing says "read-only" clearly
    marker = None
    if not read_only:
        try:
            marker = OpenMarker(path.parent)
        except OSError:
            marker = None  # a read-only run/ folder: then the next start runs the quick check only
    engine = create_sqlite_engine(path, busy_timeout_ms, read_only=read_only)
    try:
        with engine.connect() as conn:
            mode = conn.exec_driver_sql("PRAGMA journal_mode").scalar()
            if str(mode).lower() != "wal" and not read_only:
                raise DatabaseProblem(
                    N_("errors", "The database {path} cannot switch to WAL mode ({mode})."), path=str(path), mode=mode
                )
        if migrate and read_only:
            from mpp_desk.migrations import current_revision, head_revision  # lazy: alembic (~100 ms) only to check or upgrade the schema

            if current_revision(engine) != head_revision(migrations_dir):
                raise read_only_problem(path)
        elif migrate:
            from mpp_desk.migrations import upgrade_to_head  # lazy: alembic (~100 ms) only to check or upgrade the schema

            upgrade_to_head(engine, path, migrations_dir)
        sessions = sessionmaker(bind=engine, expire_on_commit=False)
        device_id = _ensure_device_id(sessions)
    except DatabaseProblem:
        engine.dispose()
        if marker is not None:
            marker.release()
        raise
    except (OperationalError, DBAPIError, sqlite3.DatabaseError) as exc:
        engine.dispose()
        if marker is not None:
            marker.release()
        raise _classify(exc, path) from exc
    if not read_only:
        restrict_to_owner(path.parent, path)
    _remember_open(path)
    return Database(path=path, engine=engine, sessions=sessions, device_id=device_id, marker=marker,
                    read_only=read_only)


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
