"""A real PostgreSQL database per test, a real mpp-central on a loopback port, and PCs as data folders."""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
ADMIN_URL = os.environ.get("MPP_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/postgres")
SECRET = "test-secret-" + "0123456789abcdef" * 3


def _connect_admin():
    import psycopg

    return psycopg.connect(ADMIN_URL, autocommit=True, connect_timeout=3)


@pytest.fixture(scope="session")
def _postgres_available():
    try:
        _connect_admin().close()
    except Exception as exc:  # noqa: BLE001 - any failure means: no server to test against
        if os.environ.get("CI"):
            raise
        pytest.skip(f"PostgreSQL is not reachable at {ADMIN_URL} ({exc}); run `make server` once or start it")


@pytest.fixture
def pg_url(_postgres_available):
    """A new, empty PostgreSQL database for this test, dropped afterwards."""
    name = f"mpp_test_{uuid.uuid4().hex[:16]}"
    with _connect_admin() as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    base = ADMIN_URL.rsplit("/", 1)[0]
    yield f"{base}/{name}"
    with _connect_admin() as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def central_env(monkeypatch):
    monkeypatch.setenv("MPP_CENTRAL_SECRET_KEY", SECRET)
    return SECRET


def central(*argv: str) -> tuple[int, str, str]:
    """Run `mpp-central ARGV` in this process; returns (status, stdout, stderr)."""
    from mpp_desk.server.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(list(argv))
    return status, out.getvalue(), err.getvalue()


def enroll(pg_url: str, name: str, role: str) -> str:
    status, out, err = central("device", "enroll", "--database", pg_url, "--name", name, "--role", role, "--json")
    assert status == 0, err
    return json.loads(out)["code"]


@pytest.fixture
def server_db(pg_url, central_env, monkeypatch):
    """A migrated and set-up server database (office "MPP Uji", administrator "kepala")."""
    assert central("migrate", "--database", pg_url)[0] == 0
    monkeypatch.setattr(sys, "stdin", io.StringIO("Kepala-Kantor-2026\n"))
    status, _, err = central("setup", "--database", pg_url, "--office-name", "MPP Uji", "--admin", "kepala",
                             "--name", "Kepala Kantor", "--password-stdin")
    assert status == 0, err
    return pg_url


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(server_db):
    """`mpp-central serve` in its own process on a loopback port; yields its base URL."""
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MPP_CENTRAL_SECRET_KEY": SECRET}
    proc = subprocess.Popen(
        [sys.executable, "-m", "mpp_desk.server.cli", "serve", "--database", server_db, "--port", str(port)],
        env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            if httpx.get(f"{url}/health", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            raise AssertionError(f"mpp-central did not start: {proc.stderr.read().decode()}")
        time.sleep(0.1)
    yield url
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture
def make_pc(tmp_path, _seeded_template):
    """``make_pc(name, fresh=False)``: a PC's data folder, opened. A copy of the session's seeded template
    gets its own device id (a PC installed from one image); ``fresh=True`` starts from nothing, seeding its
    own catalogue under its own ids, like a PC that ran standalone."""
    from mpp_desk.context import AppContext
    from mpp_desk.paths import database_path

    opened = []

    def make(name: str, *, fresh: bool = False) -> AppContext:
        folder = tmp_path / name
        if not fresh:
            shutil.copytree(_seeded_template, folder)
            con = sqlite3.connect(database_path(folder))
            con.execute("UPDATE local_state SET value = ? WHERE key = 'device_id'", (str(uuid.uuid4()),))
            con.commit()
            con.close()
        else:
            folder.mkdir()
        ctx = AppContext(data_dir=folder)
        ctx.open()
        opened.append(ctx)
        return ctx

    yield make
    for ctx in opened:
        ctx.close()


def desk(ctx, *argv: str) -> tuple[int, str, str]:
    """Run `mpp-desk --data-dir FOLDER ARGV` in this process."""
    from mpp_desk.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(["--data-dir", str(ctx.data_dir), *argv])
    return status, out.getvalue(), err.getvalue()


def desk_json(ctx, *argv: str) -> dict:
    status, out, err = desk(ctx, *argv, "--json")
    assert status == 0, err
    return json.loads(out)


def pytest_collection_modifyitems(config, items):
    """Every server test starts a real mpp-central on a real PostgreSQL: the `slow` tier
    (`make test-fast` leaves it out, `make test` runs it)."""
    import pytest

    here = __file__.rsplit("/", 1)[0]
    for item in items:
        if str(item.fspath).startswith(here):
            item.add_marker(pytest.mark.slow)
