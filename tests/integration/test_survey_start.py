"""`mpp-desk --survey [--counter N]` starts as its own process, creates the database and shows its start page."""

from __future__ import annotations

import pytest

from tests.integration.test_app_start import run_app

pytestmark = pytest.mark.slow  # a real app process


def test_the_survey_screen_starts_on_a_fresh_folder(tmp_path):
    data = tmp_path / "tablet"
    result = run_app(data, "--survey", "--counter", "2")
    assert result.returncode == 0, result.stderr[-2000:]
    assert "MPP_DESK loaded survey" in result.stdout
    assert (data / "mpp-desk.sqlite3").exists()
