"""The server's PostgreSQL engine and its migrations."""

from __future__ import annotations

from sqlalchemy import create_engine
from sqlalchemy.engine import Engine

from mpp_desk.paths import PROJECT_ROOT

CENTRAL_MIGRATIONS_DIR = PROJECT_ROOT / "db" / "central"


def make_engine(url: str, *, pool_size: int = 10) -> Engine:
    return create_engine(url, pool_size=pool_size, max_overflow=10, pool_pre_ping=True)


class NewerSchema(Exception):
    """The database was migrated by a newer mpp-central: this version does not touch it."""


def migrate(engine: Engine) -> str:
    """Bring the server's schema to the newest revision; returns it. A newer schema is refused, untouched."""
    from alembic import command
    from alembic.config import Config
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(CENTRAL_MIGRATIONS_DIR))
    script = ScriptDirectory.from_config(cfg)
    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
    if current is not None:
        try:
            known = script.get_revision(current) is not None
        except Exception:  # noqa: BLE001 - alembic raises several kinds for an unknown revision
            known = False
        if not known:
            raise NewerSchema(f"the database is at schema {current}, made by a newer mpp-central; install that "
                              f"version (or restore a backup of this one). Nothing was changed.")
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return ScriptDirectory.from_config(cfg).get_current_head() or ""
