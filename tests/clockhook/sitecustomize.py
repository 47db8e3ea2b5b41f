"""Test-only: start a child process's office clock where the test process's clock is.

tests/conftest.py puts this folder first on PYTHONPATH for the processes tests start (CLI, kiosk,
board) only when MPP_TEST_NOW moves the clock, and sets MPP_TEST_CLOCK to "<instant>@<epoch>": the
test clock read <instant> when the real clock read <epoch> (Unix seconds). The child's process
clock then runs on from the same moment. This file is not part of the package (only mpp_desk* is
installed), so nothing here can move the clock of an office PC.
"""

from __future__ import annotations

import os


def _install() -> None:
    value = os.environ.get("MPP_TEST_CLOCK", "")
    if not value:
        return
    import datetime as dt
    import time

    from mpp_desk import officetime

    instant, _, epoch = value.rpartition("@")
    start = dt.datetime.fromisoformat(instant) + dt.timedelta(seconds=time.time() - float(epoch))
    officetime.install(officetime.FixedClock(start, running=True))


_install()
