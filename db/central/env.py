"""Alembic environment of the central server's PostgreSQL database (mpp_desk/server/tables.py)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from mpp_desk.server.tables import metadata

config = context.config
target_metadata = metadata


def _run(connection) -> None:
    context.configure(connection=connection, target_metadata=target_metadata, compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = create_engine(config.get_main_option("sqlalchemy.url"))
    with engine.begin() as conn:
        _run(conn)
    engine.dispose()


run_migrations_online()
