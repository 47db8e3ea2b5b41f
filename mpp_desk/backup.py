"""Backups of the local database while the app runs, their rotation, the app's own schedule, and restore.

A backup is one zip file ``mpp-desk-YYYYMMDD-HHMMSS[-label].mppbak`` holding:

- ``mpp-desk.sqlite3``: a consistent copy made with SQLite's online backup API (one step, so a
  snapshot at one moment: writers in other processes go on under WAL and are not in it), then
  checked with ``PRAGMA integrity_check`` before the file is kept;
- ``keys/`` (the signing key and the audit trail's key) and ``audit-checkpoint.json``: without
  them a restored database cannot sign receipts or prove its audit trail;
- ``manifest.json``: version, schema revision, device id, when (UTC), the database's SHA-256.

Receipt PDFs and complaint attachments are not in it (they can be large; the IT staff copy the
``receipts/`` and ``attachments/`` folders with the PC's file backup: docs/installing.md).

Rotation keeps, among the backups in the automatic folder, the newest of each of the last N days,
the last N ISO weeks and the last N months (settings ``backup.keep_daily``, ``keep_weekly``,
``keep_monthly``) and deletes the rest; a ``--to FOLDER`` copy is never rotated.

:func:`restore` checks the file (a zip of ours or a bare SQLite file such as the copies made before a
migration), refuses one from a newer MPP Desk and refuses while another process has the database
open; it then keeps the current database (and keys and checkpoint) aside under
``backups/before-restore-<stamp>/`` and puts the backup in place.

No Qt here: :class:`BackupScheduler` is a plain thread the app starts once its database is open.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import logging
import os
import shutil
import sqlite3
import tempfile
import threading
import zipfile
from pathlib import Path
from typing import Callable

from mpp_desk import __version__, officetime
from mpp_desk.errors import UserError
from mpp_desk.i18n import N_
from mpp_desk.paths import DATABASE_FILENAME, database_path

log = logging.getLogger(__name__)

SUFFIX = ".mppbak"
PREFIX = "mpp-desk-"
AUTO_DIRNAME = "auto"  # <data folder>/backups/auto: the rotated, scheduled backups
MANIFEST = "manifest.json"
KEY_FILES = ("keys/signing_ed25519.pem", "keys/audit_hmac.key")
CHECKPOINT = "audit-checkpoint.json"
FORMAT = 1


class BackupProblem(UserError):
    """A backup could not be made or a file cannot be restored; nothing was changed."""


@dataclasses.dataclass(frozen=True)
class BackupResult:
    path: Path
    size: int
    revision: str | None
    taken_at: dt.datetime
    sha256: str
    removed: tuple[Path, ...] = ()  # older backups the rotation deleted


@dataclasses.dataclass(frozen=True)
class Rotation:
    daily: int = 7
    weekly: int = 4
    monthly: int = 12


# --- taking a backup ----------------------------------------------------------------------------


def auto_folder(data_dir: Path) -> Path:
    return Path(data_dir) / "backups" / AUTO_DIRNAME


def backup_name(taken_at: dt.datetime, label: str = "") -> str:
    local = officetime.local(taken_at)
    return f"{PREFIX}{local:%Y%m%d-%H%M%S}{'-' + label if label else ''}{SUFFIX}"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _online_copy(source: Path, target: Path) -> None:
    """A consistent copy of *source* through SQLite's backup API, read in one step (one snapshot)."""
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=30)
    try:
        src.execute("PRAGMA busy_timeout = 30000")
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)  # pages=-1: all at once, under one read transaction
            dst.execute("PRAGMA journal_mode = DELETE")  # one self-contained file, no -wal beside it
        finally:
            dst.close()
    finally:
        src.close()


def inspect_database(path: Path) -> tuple[str, str | None, str | None]:
    """(integrity result, schema revision, device id) of a database file, read without writing."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        integrity = con.execute("PRAGMA integrity_check").fetchone()[0]
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not {"alembic_version", "local_state"} <= tables:
            return integrity, None, None
        revision = con.execute("SELECT version_num FROM alembic_version").fetchone()
        device = con.execute("SELECT value FROM local_state WHERE key = 'device_id'").fetchone()
        return integrity, revision[0] if revision else None, device[0] if device else None
    finally:
        con.close()


def take_backup(
    data_dir: Path,
    *,
    to: Path | None = None,
    label: str = "",
    rotation: Rotation | None = None,
    now: dt.datetime | None = None,
) -> BackupResult:
    """Back up the database of *data_dir* into *to* (default: the automatic folder, then rotated).

    Safe while the app runs: the copy is a snapshot; the database is only read. Raises
    BackupProblem when there is no database, the folder cannot be written or the copy is damaged;
    nothing is left behind then.
    """
    data_dir = Path(data_dir)
    source = database_path(data_dir)
    if not source.is_file():
        raise BackupProblem(N_("errors", "There is no database to back up in {folder}."), folder=str(data_dir))
    folder = Path(to) if to is not None else auto_folder(data_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if not os.access(folder, os.W_OK):
            raise PermissionError(folder)
    except OSError as exc:
        raise BackupProblem(N_("errors", "The backup folder {folder} cannot be written."), folder=str(folder)) from exc
    taken_at = now or officetime.now()
    target = folder / backup_name(taken_at, label)
    n = 1
    while target.exists():  # two backups in one second (a test, a button pressed twice)
        n += 1
        target = folder / backup_name(taken_at, f"{label}-{n}" if label else str(n))
    with tempfile.TemporaryDirectory(prefix=".mpp-backup-", dir=folder) as work:
        copy = Path(work) / DATABASE_FILENAME
        # Keys and the audit checkpoint are read before the snapshot: a checkpoint may lag behind the
        # database it anchors (not an alarm), never run ahead of it (that reads as entries deleted).
        beside = {name: (data_dir / name).read_bytes() for name in (*KEY_FILES, CHECKPOINT)
                  if (data_dir / name).is_file()}
        try:
            _online_copy(source, copy)
            integrity, revision, device_id = inspect_database(copy)
        except sqlite3.DatabaseError as exc:
            raise BackupProblem(N_("errors", "The database could not be copied: {reason}"), reason=str(exc)) from exc
        if integrity != "ok":
            raise BackupProblem(N_("errors", "The copy of the database is damaged ({detail}); no backup was kept. "
                                             "Run mpp-desk doctor."), detail=integrity)
        digest = _sha256(copy)
        manifest = {"format": FORMAT, "app_version": __version__, "revision": revision, "device_id": device_id,
                    "taken_at": taken_at.astimezone(dt.timezone.utc).isoformat(), "database_sha256": digest,
                    "integrity": integrity}
        partial = Path(work) / "backup.partial"
        try:
            with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as zf:
                zf.write(copy, DATABASE_FILENAME)
                for name, content in beside.items():
                    zf.writestr(name, content)
                zf.writestr(MANIFEST, json.dumps(manifest, indent=2))
            with open(partial, "rb") as fh:
                os.fsync(fh.fileno())
            os.replace(partial, target)
        except OSError as exc:
            raise BackupProblem(N_("errors", "The backup could not be written to {folder}: {reason}"),
                                folder=str(folder), reason=exc.strerror or str(exc)) from exc
    removed: tuple[Path, ...] = ()
    if to is None:
        removed = tuple(rotate(folder, rotation or Rotation()))
    log.info("backup written: %s (%d bytes, schema %s)", target.name, target.stat().st_size, revision)
    return BackupResult(path=target, size=target.stat().st_size, revision=revision, taken_at=taken_at,
                        sha256=digest, removed=removed)


# --- rotation -------------------------------------------------------------------------------------


def _taken_at(path: Path, prefix: str = PREFIX, suffix: str = SUFFIX) -> dt.datetime | None:
    """The moment in a backup's name (office time), or None for a file that is not one of ours."""
    if not (path.name.startswith(prefix) and path.name.endswith(suffix)):
        return None
    stamp = path.name[len(prefix):len(prefix) + 15]
    try:
        return dt.datetime.strptime(stamp, "%Y%m%d-%H%M%S").replace(tzinfo=officetime.office_tz())
    except ValueError:
        return None


def list_backups(folder: Path, *, prefix: str = PREFIX, suffix: str = SUFFIX) -> list[tuple[dt.datetime, Path]]:
    """Our backups in *folder* (named *prefix*YYYYMMDD-HHMMSS...*suffix*), newest first."""
    if not Path(folder).is_dir():
        return []
    found = [(when, p) for p in Path(folder).iterdir()
             if p.is_file() and (when := _taken_at(p, prefix, suffix)) is not None]
    return sorted(found, key=lambda item: (item[0], item[1].name), reverse=True)


def to_keep(moments: list[tuple[dt.datetime, Path]], rotation: Rotation) -> set[Path]:
    """Grandfather-father-son: the newest backup of each of the last N days, ISO weeks and months."""
    keep: set[Path] = set()
    for count, bucket in ((rotation.daily, lambda d: d.date()),
                          (rotation.weekly, lambda d: d.isocalendar()[:2]),
                          (rotation.monthly, lambda d: (d.year, d.month))):
        seen: list[object] = []
        for when, path in moments:  # newest first: the first of each bucket is its newest
            key = bucket(when)
            if key in seen:
                continue
            if len(seen) >= count:
                break
            seen.append(key)
            keep.add(path)
    if moments:
        keep.add(moments[0][1])  # never delete the newest, whatever the settings say
    return keep


def rotate(folder: Path, rotation: Rotation, *, prefix: str = PREFIX, suffix: str = SUFFIX) -> list[Path]:
    """Delete the backups the rotation does not keep; returns them."""
    moments = list_backups(folder, prefix=prefix, suffix=suffix)
    keep = to_keep(moments, rotation)
    removed = []
    for _when, path in moments:
        if path not in keep:
            try:
                path.unlink()
                removed.append(path)
            except OSError:
                log.warning("backup %s could not be deleted by the rotation", path.name)
    return removed


def backup_due(folder: Path, now: dt.datetime | None = None) -> bool:
    """True when the automatic folder has no backup of today's office date."""
    today = officetime.local(now or officetime.now()).date()
    newest = list_backups(folder)
    return not newest or newest[0][0].date() < today


def rotation_settings(uow) -> Rotation:
    from mpp_desk import settings  # lazy: start-up path, sqlalchemy (~220 ms) loads after the first paint

    return Rotation(daily=settings.get(uow, "backup.keep_daily"), weekly=settings.get(uow, "backup.keep_weekly"),
                    monthly=settings.get(uow, "backup.keep_monthly"))


# --- restoring ------------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    revision: str | None
    kept_aside: Path
    manifest: dict


def _check_candidate(db_file: Path, origin: Path) -> tuple[str | None, str | None]:
    """(revision, device id) of a database to restore; BackupProblem when it cannot be one."""
    from mpp_desk.database import SQLITE_HEADER  # lazy: start-up path, sqlalchemy (~220 ms) loads after the first paint
    from mpp_desk.migrations import known_revision  # lazy: start-up path, alembic loads after the first paint

    with open(db_file, "rb") as fh:
        header = fh.read(16)
    if header != SQLITE_HEADER:
        raise BackupProblem(N_("errors", "The file {path} is not an MPP Desk backup. Nothing was changed."),
                            path=str(origin))
    try:
        integrity, revision, device_id = inspect_database(db_file)
    except sqlite3.DatabaseError as exc:
        raise BackupProblem(N_("errors", "The backup {path} is damaged ({detail}). Nothing was changed."),
                            path=str(origin), detail=str(exc)) from exc
    if integrity != "ok":
        raise BackupProblem(N_("errors", "The backup {path} is damaged ({detail}). Nothing was changed."),
                            path=str(origin), detail=integrity)
    if revision is None or device_id is None:
        raise BackupProblem(N_("errors", "The file {path} is not an MPP Desk backup. Nothing was changed."),
                            path=str(origin))
    if not known_revision(revision):
        raise BackupProblem(N_("errors", "The backup {path} was made by a newer version of MPP Desk (schema "
                                         "{revision}). Install that version first. Nothing was changed."),
                            path=str(origin), revision=revision)
    return revision, device_id


def _unpack(file: Path, work: Path) -> tuple[Path, dict, list[str]]:
    """The database inside *file* (a backup zip or a bare SQLite file), its manifest and the other files."""
    if not zipfile.is_zipfile(file):
        return file, {}, []
    try:
        with zipfile.ZipFile(file) as zf:
            names = zf.namelist()
            allowed = {DATABASE_FILENAME, MANIFEST, CHECKPOINT, *KEY_FILES}
            if DATABASE_FILENAME not in names or not set(names) <= allowed:
                raise BackupProblem(N_("errors", "The file {path} is not an MPP Desk backup. Nothing was changed."),
                                    path=str(file))
            manifest = json.loads(zf.read(MANIFEST)) if MANIFEST in names else {}
            for name in names:  # only the known names above: nothing can land outside *work*
                target = work / name
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(zf.read(name))
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise BackupProblem(N_("errors", "The backup {path} is damaged ({detail}). Nothing was changed."),
                            path=str(file), detail=str(exc)) from exc
    db_file = work / DATABASE_FILENAME
    if manifest.get("database_sha256") and manifest["database_sha256"] != _sha256(db_file):
        raise BackupProblem(N_("errors", "The backup {path} is damaged ({detail}). Nothing was changed."),
                            path=str(file), detail="SHA-256")
    return db_file, manifest, [n for n in names if n not in (DATABASE_FILENAME, MANIFEST)]


def database_in_use(data_dir: Path) -> bool:
    """Another process (the app, the kiosk, a command) has the database open right now."""
    from mpp_desk.database import RUN_DIRNAME, stale_open_markers  # lazy: start-up path, sqlalchemy (~220 ms) loads after the first paint

    folder = Path(data_dir) / RUN_DIRNAME
    if not folder.is_dir():
        return False
    stale = set(stale_open_markers(data_dir))
    return any(marker not in stale for marker in folder.glob("*.open"))


def restore(data_dir: Path, file: Path, *, now: dt.datetime | None = None) -> RestoreResult:
    """Put the backup *file* in place of the database of *data_dir*, keeping the current one aside.

    Refused, with nothing changed: a file that is not a backup, a damaged one, one from a newer MPP
    Desk, and any restore while the database is open in another process.
    """
    data_dir = Path(data_dir)
    file = Path(file)
    if not file.is_file():
        raise BackupProblem(N_("errors", "The file {path} does not exist."), path=str(file))
    if database_in_use(data_dir):
        raise BackupProblem(N_("errors", "MPP Desk is still open on this PC (the app, the kiosk, the board or a "
                                         "command). Close it first; nothing was changed."))
    stamp = officetime.local(now or officetime.now()).strftime("%Y%m%d-%H%M%S")
    with tempfile.TemporaryDirectory(prefix=".mpp-restore-", dir=data_dir if data_dir.is_dir() else None) as tmp:
        work = Path(tmp)
        db_file, manifest, extras = _unpack(file, work)
        revision, _device = _check_candidate(db_file, file)
        aside = data_dir / "backups" / f"before-restore-{stamp}"
        aside.mkdir(parents=True, exist_ok=True)
        current = database_path(data_dir)
        if current.exists():
            _online_copy(current, aside / DATABASE_FILENAME)  # the WAL's content included
        for name in (*KEY_FILES, CHECKPOINT):
            if (data_dir / name).is_file():
                (aside / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(data_dir / name, aside / name)
        incoming = data_dir / f".{DATABASE_FILENAME}.restoring"
        shutil.copyfile(db_file, incoming)
        with open(incoming, "rb") as fh:
            os.fsync(fh.fileno())
        for side in ("-wal", "-shm"):
            Path(f"{current}{side}").unlink(missing_ok=True)
        os.replace(incoming, current)
        for name in extras:  # the backup's keys and checkpoint belong with its database
            (data_dir / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(work / name, data_dir / name)
            if os.name == "posix":
                os.chmod(data_dir / name, 0o600)  # keys and checkpoint: owner-only, as the app makes them
        if CHECKPOINT not in extras:
            # A bare database has no checkpoint of its own: the current one would call it truncated.
            (data_dir / CHECKPOINT).unlink(missing_ok=True)
    log.info("database restored from %s (schema %s); previous copy kept in %s", file.name, revision, aside.name)
    return RestoreResult(restored_from=file, revision=revision, kept_aside=aside, manifest=manifest)


# --- the app's own schedule -----------------------------------------------------------------------


class BackupScheduler:
    """Takes the day's automatic backup in a thread of its own: at start (when none was taken today) and
    then every *interval* seconds it looks again. Several processes on one PC share the folder: a lock
    file makes one of them do it. Nothing here touches the UI thread or the app's database executor."""

    def __init__(self, data_dir: Path, *, interval: float = 1800.0,
                 rotation: Callable[[], Rotation] | None = None,
                 on_done: Callable[[BackupResult | Exception], None] | None = None) -> None:
        self.data_dir = Path(data_dir)
        self.interval = interval
        self._rotation = rotation or (lambda: Rotation())
        self._on_done = on_done
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._loop, name="mpp-backup", daemon=True)
            self._thread.start()

    def stop(self, timeout: float | None = 30.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def _loop(self) -> None:
        while not self._stop.is_set():
            self.run_once()
            self._stop.wait(self.interval)

    def run_once(self) -> BackupResult | None:
        """Take the backup if today's is missing; returns it (None: not due, or another process has it)."""
        folder = auto_folder(self.data_dir)
        if not database_path(self.data_dir).is_file():
            return None  # a new PC whose database is not made yet
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with _FolderLock(folder) as held:
                if not held or not backup_due(folder):
                    return None
                result = take_backup(self.data_dir, rotation=self._rotation())
        except Exception as exc:  # noqa: BLE001 - a failed backup is logged and tried again later
            log.error("automatic backup failed: %s", exc)
            if self._on_done is not None:
                self._on_done(exc)
            return None
        if self._on_done is not None:
            self._on_done(result)
        return result


class _FolderLock:
    """A non-blocking lock on ``<folder>/.lock``; ``with`` gives True when this process holds it."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / ".lock"
        self._fh = None

    def __enter__(self) -> bool:
        from mpp_desk.database import _lock  # lazy: start-up path, sqlalchemy (~220 ms) loads after the first paint

        self._fh = open(self.path, "a+b")  # noqa: SIM115 - closed in __exit__
        if _lock(self._fh):
            return True
        self._fh.close()
        self._fh = None
        return False

    def __exit__(self, *exc) -> None:
        if self._fh is not None:
            from mpp_desk.database import _unlock  # lazy: start-up path, sqlalchemy (~220 ms) loads after the first paint

            _unlock(self._fh)
            self._fh.close()
            self._fh = None
