"""Alembic migrations applied at start, with a copy of the database kept before any change."""

from __future__ import annotations

import datetime as dt
import functools
import logging
import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Engine

from mpp_desk.errors import DatabaseProblem
from mpp_desk.i18n import N_
from mpp_desk.paths import MIGRATIONS_DIR

log = logging.getLogger(__name__)

BACKUP_DIRNAME = "backups"


def alembic_config(script_location: Path | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(script_location or MIGRATIONS_DIR))
    return cfg


@functools.cache
def _own_scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def script_directory(script_location: Path | None = None) -> ScriptDirectory:
    """The migration scripts; this version's own are read once per process (each read compiles every
    migration file again: ~20 ms, twice on every opening of a database before this)."""
    if script_location is None or Path(script_location) == MIGRATIONS_DIR:
        return _own_scripts()
    return ScriptDirectory.from_config(alembic_config(script_location))


def head_revision(script_location: Path | None = None) -> str:
    head = script_directory(script_location).get_current_head()
    assert head is not None, "the migrations have one head"
    return head


def known_revision(revision: str, script_location: Path | None = None) -> bool:
    """True when *revision* is one of this version's migrations (False: a newer MPP Desk made it)."""
    try:
        script_directory(script_location).get_revision(revision)
        return True
    except Exception:  # noqa: BLE001 - alembic raises several kinds for an unknown revision
        return False


def check_known(path: Path, revision: str, script_location: Path | None = None) -> None:
    """Refuse a database whose schema *revision* a newer MPP Desk made (nothing is changed)."""
    if not known_revision(revision, script_location):
        raise DatabaseProblem(
            N_(
                "errors",
                "The database {path} was made by a newer version of MPP Desk (schema {revision}). "
                "Install the newer version; the file was not changed.",
            ),
            path=str(path),
            revision=revision,
        )


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def backup_database(path: Path, label: str) -> Path:
    """Copy the database (consistently, through SQLite's backup API) next to it under backups/."""
    folder = path.parent / BACKUP_DIRNAME
    folder.mkdir(exist_ok=True)
    # the PC's real time, not the office clock: a file name that must not repeat, shown to nobody
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    target = folder / f"{path.stem}-{label}-{stamp}{path.suffix}"
    src = sqlite3.connect(str(path))
    try:
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def upgrade_to_head(engine: Engine, path: Path, script_location: Path | None = None) -> Path | None:
    """Bring the schema to the newest revision; returns the backup made, if any."""
    head = script_directory(script_location).get_current_head()
    current = current_revision(engine)
    if current == head:
        return None
    if current is not None:
        check_known(path, current, script_location)
    backup = None
    if current is not None:
        backup = backup_database(path, f"before-{head}")
        log.info("database backed up before migration to %s", head)
    cfg = alembic_config(script_location)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return backup
