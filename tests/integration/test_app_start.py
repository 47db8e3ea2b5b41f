"""`make run` on a fresh machine: the app process creates, migrates and seeds its database and opens."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # real app processes: `make test-fast` leaves it out

ROOT = Path(__file__).resolve().parents[2]


def run_app(data_dir: Path, *args: str, exit_after: str = "loaded") -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MPP_DESK_EXIT_AFTER=exit_after)
    env.pop("MPP_DESK_HOME", None)
    return subprocess.run([sys.executable, "-m", "mpp_desk", "--data-dir", str(data_dir), *args], env=env,
                          capture_output=True, text=True, timeout=120, cwd=ROOT)


def test_first_start_creates_migrates_and_seeds_then_asks_for_set_up(tmp_path):
    data = tmp_path / "fresh"
    result = run_app(data)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "MPP_DESK loaded setup" in result.stdout
    con = sqlite3.connect(data / "mpp-desk.sqlite3")
    try:
        assert con.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        annexes = sorted(r[0] for r in con.execute("SELECT annex_number FROM service_standard"))
        assert annexes == [45, 67]
        assert con.execute("SELECT count(*) FROM alembic_version").fetchone() == (1,)
    finally:
        con.close()
    assert (data / "logs" / "mpp-desk.log").exists()


def test_a_damaged_database_is_reported_and_left_as_it_was(tmp_path):
    data = tmp_path / "broken"
    data.mkdir()
    (data / "mpp-desk.sqlite3").write_bytes(b"\x00garbage" * 512)
    before = (data / "mpp-desk.sqlite3").read_bytes()
    result = run_app(data)
    assert result.returncode == 2
    assert "MPP_DESK failed" in result.stdout and "rusak" in result.stdout
    assert (data / "mpp-desk.sqlite3").read_bytes() == before



@pytest.mark.clock  # the processes start on whatever day the clock says: a closed day too
def test_the_kiosk_and_the_board_start_as_their_own_processes_on_a_fresh_folder(tmp_path):
    data = tmp_path / "hall"
    for mode in ("kiosk", "display"):  # the first one creates and migrates, the second finds it ready
        result = run_app(data, f"--{mode}")
        assert result.returncode == 0, result.stderr[-2000:]
        assert f"MPP_DESK loaded {mode}" in result.stdout
    painted = run_app(data, "--kiosk", exit_after="paint")
    assert painted.returncode == 0 and "MPP_DESK painted" in painted.stdout
