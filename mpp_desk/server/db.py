"""The server's PostgreSQL engine and its migrations."""

from __future__ import annotations

from sqlalchemy import create_engine
from sqlalchemy.engine import Engine

from mpp_desk.paths import PROJECT_ROOT

CENTRAL_MIGRATIONS_DIR = PROJECT_ROOT / "db" / "central"


def make_engine(url: str, *, pool_size: int = 10) -> Engine:
    return create_engine(url, pool_size=pool_size, max_overflow=10, pool_pre_ping=True)


def migrate(engine: Engine) -> str:
    """Bring the server's schema to the newest revision; returns it."""
    from alembic import command
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(CENTRAL_MIGRATIONS_DIR))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return ScriptDirectory.from_config(cfg).get_current_head() or ""
