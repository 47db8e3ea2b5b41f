"""The frozen program of `make dist` (dist/mpp-desk/) started as a counter PC would: no Python of ours.

Building takes minutes: on a developer's machine the test runs once `make dist` has built
dist/mpp-desk/ and skips otherwise; in CI (CI=true) it builds the program itself first, so what it
checks is always checked there (docs/installing.md).
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest

from mpp_desk import __version__
from mpp_desk.migrations import head_revision
from mpp_desk.paths import PROJECT_ROOT

BINARY = PROJECT_ROOT / "dist" / "mpp-desk" / ("mpp-desk.exe" if os.name == "nt" else "mpp-desk")

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built():
    """dist/mpp-desk/, built here in CI when missing (as `make dist` builds it)."""
    if not BINARY.exists():
        if os.environ.get("CI", "").lower() not in ("1", "true", "yes"):
            pytest.skip("dist/mpp-desk/ not built (make dist); CI builds it")
        subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN", "--distpath",
                        str(PROJECT_ROOT / "dist"), "--workpath", str(PROJECT_ROOT / "build" / "pyinstaller"),
                        str(PROJECT_ROOT / "installer" / "mpp-desk.spec")], cwd=PROJECT_ROOT, check=True, timeout=1800)
    assert BINARY.exists()
    return BINARY


def _run(*args: str, home, extra: dict | None = None, timeout: int = 240) -> subprocess.CompletedProcess:
    # a clean environment: no PYTHONPATH, no virtual environment, nothing of the source tree
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "MPP_DESK_HOME": str(home / "data"), "LANG": "C.UTF-8",
           "QT_QPA_PLATFORM": "offscreen", **(extra or {})}
    return subprocess.run([str(BINARY), *args], env=env, cwd=home, capture_output=True, text=True, timeout=timeout)


def test_the_built_program_starts_migrates_shows_its_window_and_prints_a_ticket(built, tmp_path):
    version = _run("--version", home=tmp_path)
    assert version.returncode == 0 and version.stdout.strip() == f"mpp-desk {__version__}"

    shown = _run(home=tmp_path, extra={"MPP_DESK_EXIT_AFTER": "loaded"})
    assert shown.returncode == 0, shown.stderr
    assert "MPP_DESK loaded" in shown.stdout  # the window painted, then the database opened behind it
    con = sqlite3.connect(tmp_path / "data" / "mpp-desk.sqlite3")
    try:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head_revision()
        assert con.execute("SELECT count(*) FROM service_standard").fetchone()[0] > 0  # seeded from the bundle
    finally:
        con.close()

    pdf = tmp_path / "tiket.pdf"
    ticket = _run("queue", "issue", "A", "--pdf", str(pdf), "--at", "2026-03-17T09:00+07:00", home=tmp_path)
    assert ticket.returncode == 0, ticket.stderr
    assert pdf.read_bytes().startswith(b"%PDF")
    assert _run("backup", home=tmp_path).returncode == 0
    if os.name == "posix":  # the same binary is mpp-central by that name (the .deb links it so)
        link = tmp_path / "mpp-central"
        link.symlink_to(BINARY)
        central = subprocess.run([str(link), "--version"], capture_output=True, text=True,
                                 env={"PATH": "/usr/bin:/bin"}, timeout=120)
        assert central.returncode == 0 and central.stdout.startswith("mpp-central "), central.stderr
