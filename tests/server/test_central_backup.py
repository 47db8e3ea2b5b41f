"""`mpp-central backup|restore` against the local PostgreSQL, with pg_dump and pg_restore for real."""

from __future__ import annotations

import io
import json
import sys
import uuid

import psycopg
import pytest

from tests.server.conftest import ADMIN_URL, _connect_admin, central, enroll

pytestmark = pytest.mark.slow


@pytest.fixture
def central_db(_postgres_available, central_env, monkeypatch):
    """A migrated, set-up central database of its own (the name says whose it is), dropped afterwards."""
    name = f"mpp_install18_{uuid.uuid4().hex[:12]}"
    with _connect_admin() as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = f"{ADMIN_URL.rsplit('/', 1)[0]}/{name}"
    assert central("migrate", "--database", url)[0] == 0
    monkeypatch.setattr(sys, "stdin", io.StringIO("Kepala-Kantor-2026\n"))
    status, _, err = central("setup", "--database", url, "--office-name", "MPP Uji", "--admin", "kepala",
                             "--name", "Kepala Kantor", "--password-stdin")
    assert status == 0, err
    yield url
    with _connect_admin() as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        for (other,) in conn.execute("SELECT datname FROM pg_database WHERE datname LIKE 'mpp_restore_check_%'"):
            conn.execute(f'DROP DATABASE IF EXISTS "{other}" WITH (FORCE)')


def _device_names(url: str) -> set[str]:
    with psycopg.connect(url) as conn:
        return {r[0] for r in conn.execute("SELECT name FROM devices")}


def test_backup_then_restore_brings_the_database_back(central_db, tmp_path):
    enroll(central_db, "loket-1", "counter")
    status, out, err = central("backup", "--database", central_db, "--to", str(tmp_path / "dumps"), "--json")
    assert status == 0, err
    dump = json.loads(out)["path"]
    enroll(central_db, "loket-2", "counter")  # after the backup: gone once it is restored
    assert _device_names(central_db) == {"loket-1", "loket-2"}

    status, out, err = central("restore", "--database", central_db, dump, "--aside", str(tmp_path / "aside"),
                               "--json")
    assert status == 0, err
    assert _device_names(central_db) == {"loket-1"}
    kept = json.loads(out)["kept_aside"]
    assert kept.startswith(str(tmp_path / "aside"))
    # the dump kept aside holds the state before the restore: restoring it brings loket-2 back
    assert central("restore", "--database", central_db, kept, "--aside", str(tmp_path / "aside2"))[0] == 0
    assert _device_names(central_db) == {"loket-1", "loket-2"}


def test_restore_refuses_a_newer_schema_and_a_file_that_is_not_a_dump(central_db, tmp_path):
    enroll(central_db, "loket-1", "counter")
    with psycopg.connect(central_db, autocommit=True) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    status, out, err = central("backup", "--database", central_db, "--to", str(tmp_path), "--json")
    assert status == 0, err
    future = json.loads(out)["path"]
    with psycopg.connect(central_db, autocommit=True) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0003'")
    enroll(central_db, "loket-2", "counter")

    status, _, err = central("restore", "--database", central_db, future, "--aside", str(tmp_path / "aside"))
    assert status == 2 and "newer mpp-central" in err
    assert _device_names(central_db) == {"loket-1", "loket-2"}
    assert not (tmp_path / "aside").exists()

    junk = tmp_path / "junk.dump"
    junk.write_bytes(b"PGDMP nonsense")
    status, _, err = central("restore", "--database", central_db, str(junk))
    assert status == 2 and "pg_restore failed" in err
    assert _device_names(central_db) == {"loket-1", "loket-2"}

