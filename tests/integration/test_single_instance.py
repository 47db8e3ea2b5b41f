"""One staff window per data folder, with real processes: a second start brings the first forward and ends."""

from __future__ import annotations

import os
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.integration.test_app_start import ROOT, run_app

pytestmark = pytest.mark.slow  # real app processes: `make test-fast` leaves it out


def start_first(data_dir: Path) -> subprocess.Popen:
    """The staff app, kept open until another start asks it to come forward (then it reports and ends)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MPP_DESK_EXIT_AFTER="raised")
    env.pop("MPP_DESK_HOME", None)
    process = subprocess.Popen([sys.executable, "-m", "mpp_desk", "--data-dir", str(data_dir)], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        ready, _, _ = select.select([process.stdout], [], [], 1)
        if ready:
            line = process.stdout.readline()
            if "MPP_DESK listening" in line:
                return process
            if not line and process.poll() is not None:
                break
    process.kill()
    raise AssertionError(f"the first window did not start: {process.stderr.read()[-2000:]}")


def test_a_second_start_on_the_same_folder_brings_the_first_window_forward_and_ends(tmp_path):
    data = tmp_path / "desk"
    first = start_first(data)
    try:
        second = run_app(data)
        assert second.returncode == 0, second.stderr[-2000:]
        assert "sudah terbuka" in second.stdout and "MPP_DESK loaded" not in second.stdout  # no second window
        out, err = first.communicate(timeout=60)
        assert first.returncode == 0, err[-2000:]
        assert "MPP_DESK raised" in out  # the first one was asked to show its window
    finally:
        if first.poll() is None:
            first.kill()
            first.wait()
    again = run_app(data)  # once the first has ended, the app opens as usual
    assert again.returncode == 0 and "MPP_DESK loaded setup" in again.stdout, again.stderr[-2000:]


def test_another_folder_opens_its_own_window_and_a_dead_first_window_does_not_block(tmp_path):
    first = start_first(tmp_path / "desk")
    try:
        other = run_app(tmp_path / "training")  # another data folder: another office database
        assert other.returncode == 0 and "MPP_DESK loaded setup" in other.stdout, other.stderr[-2000:]
    finally:
        first.kill()  # dies without cleaning up: its lock file and socket stay behind
        first.wait()
    assert (tmp_path / "desk" / "staff-window.lock").exists()
    again = run_app(tmp_path / "desk")
    assert again.returncode == 0 and "MPP_DESK loaded" in again.stdout, again.stderr[-2000:]
