"""The central server's migrations build exactly the tables of mpp_desk/server/tables.py."""

from __future__ import annotations

from tests.server.conftest import central


def test_migrated_central_schema_matches_the_tables(pg_url):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from mpp_desk.server.db import make_engine
    from mpp_desk.server.tables import metadata

    status, out, err = central("migrate", "--database", pg_url)
    assert status == 0, err
    assert "revision 0014" in out
    assert central("migrate", "--database", pg_url)[0] == 0  # again: nothing to do
    engine = make_engine(pg_url.replace("postgresql://", "postgresql+psycopg://"))
    try:
        with engine.connect() as conn:
            diffs = compare_metadata(MigrationContext.configure(conn), metadata)
    finally:
        engine.dispose()
    assert diffs == []


def test_an_unreachable_database_is_one_clear_line(capsys):
    status, _, err = central("migrate", "--database", "postgresql://postgres@127.0.0.1:1/nothing")
    assert status == 2
    assert err.startswith("mpp-central: cannot use the database:") and "Traceback" not in err
