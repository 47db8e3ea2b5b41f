"""A kiosk or board that dies comes back by itself, and the fatal error is in the data folder's log.

The supervisor is driven first with tiny stand-in children (a fatal Python error, error statuses, a
clean exit), then for real: ``mpp-desk --display`` on a fresh folder, its screen process killed with
SIGSEGV, restarted, the crash's traceback (faulthandler) in ``logs/mpp-desk.log``.
"""

from __future__ import annotations

import logging
import os
import re
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from mpp_desk.supervisor import RestartPolicy, Supervisor, describe_exit

pytestmark = pytest.mark.slow  # real processes: `make test-fast` leaves it out

ROOT = Path(__file__).resolve().parents[2]
FAST = RestartPolicy(first_delay=0.01, max_delay=0.05, stable_seconds=60, max_quick_restarts=3)


def child(tmp_path: Path, body: str) -> list[str]:
    """A stand-in screen: *body* runs with ``runs`` = how many times it has been started before."""
    script = tmp_path / "child.py"
    script.write_text(textwrap.dedent(f"""
        import pathlib, sys
        count = pathlib.Path({str(tmp_path / "runs")!r})
        runs = int(count.read_text()) if count.exists() else 0
        count.write_text(str(runs + 1))
    """) + textwrap.dedent(body), encoding="utf-8")
    return [sys.executable, str(script)]


def test_a_screen_that_dies_of_a_fatal_error_is_restarted_and_the_error_is_logged(tmp_path, caplog):
    command = child(tmp_path, """
        if runs == 0:
            import ctypes
            ctypes.pythonapi.Py_FatalError(b"none_dealloc")  # what PySide6 6.12.0 did to the board
        sys.exit(0)  # the administrator's PIN
    """)
    supervisor = Supervisor(command, name="display", errors_path=tmp_path / "logs" / "display-errors.log", policy=FAST)
    with caplog.at_level(logging.INFO, logger="mpp_desk.supervisor"):
        assert supervisor.run() == 0
    assert (tmp_path / "runs").read_text() == "2" and supervisor.restarts == 1
    errors = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert len(errors) == 1
    assert "display screen stopped abnormally (signal SIGABRT)" in errors[0] and "restart 1" in errors[0]
    assert "Fatal Python error" in errors[0] and "none_dealloc" in errors[0]  # the child's own last words
    assert any("ended normally" in r.getMessage() for r in caplog.records)


def test_quick_failures_back_off_and_the_supervisor_gives_up_after_the_cap(tmp_path, caplog):
    command = child(tmp_path, "sys.exit(3)")
    supervisor = Supervisor(command, name="kiosk", errors_path=tmp_path / "kiosk-errors.log", policy=FAST)
    with caplog.at_level(logging.INFO, logger="mpp_desk.supervisor"):
        assert supervisor.run() == 3
    assert (tmp_path / "runs").read_text() == "4" and supervisor.restarts == 3  # 1 start + 3 restarts
    restarts = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert [re.search(r"restart (\d) in", m).group(1) for m in restarts] == ["1", "2", "3"]
    assert all("exit status 3" in m for m in restarts)
    assert "failed 4 times in a row" in caplog.records[-1].getMessage()
    assert caplog.records[-1].levelno == logging.CRITICAL
    policy = RestartPolicy()  # in the hall: 1 s, 2 s, 4 s … never more than a minute
    assert [policy.delay(n) for n in (1, 2, 3, 4)] == [1, 2, 4, 8] and policy.delay(12) == 60


def test_a_screen_that_ran_long_enough_is_restarted_however_often_it_dies(tmp_path):
    command = child(tmp_path, "sys.exit(1 if runs < 5 else 0)")
    steady = RestartPolicy(first_delay=0.01, stable_seconds=0, max_quick_restarts=1)  # every run counts as long
    supervisor = Supervisor(command, name="display", errors_path=tmp_path / "e.log", policy=steady)
    assert supervisor.run() == 0
    assert supervisor.restarts == 5


def test_stopping_the_supervisor_ends_the_screen_without_a_restart(tmp_path):
    command = child(tmp_path, "import time; time.sleep(60)")
    supervisor = Supervisor(command, name="kiosk", errors_path=tmp_path / "e.log", policy=FAST)
    threading.Thread(target=lambda: (wait_for(lambda: (tmp_path / "runs").exists()), supervisor.stop()),
                     daemon=True).start()
    started = time.monotonic()
    assert supervisor.run() == 0
    assert time.monotonic() - started < 30 and supervisor.restarts == 0
    assert supervisor.child.returncode == -signal.SIGTERM


def test_exits_are_described_for_people():
    assert describe_exit(-signal.SIGSEGV) == "signal SIGSEGV"
    assert describe_exit(2) == "exit status 2"


def wait_for(predicate, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def screen_pids(log: Path) -> list[int]:
    text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
    return [int(pid) for pid in re.findall(r"mpp-desk display starting \(process (\d+)\)", text)]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_the_board_killed_by_a_segfault_comes_back_and_the_crash_is_in_the_log(tmp_path):
    data = tmp_path / "hall"
    log = data / "logs" / "mpp-desk.log"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MPP_DESK_RESTART_DELAY="0.2", PYTHONPATH=str(ROOT))
    env.pop("MPP_DESK_EXIT_AFTER", None)
    env.pop("MPP_DESK_HOME", None)
    supervisor = subprocess.Popen([sys.executable, "-m", "mpp_desk", "--display", "--data-dir", str(data)], cwd=ROOT,
                                  env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        wait_for(lambda: len(screen_pids(log)) == 1 or supervisor.poll() is not None)
        assert supervisor.poll() is None, supervisor.communicate()[1][-3000:]
        first = screen_pids(log)[0]
        assert first != supervisor.pid  # the screen runs in its own process
        wait_for(lambda: "display supervisor started" in log.read_text())
        time.sleep(1.0)  # let it get into its event loop (the crash is caught wherever it happens)
        os.kill(first, signal.SIGSEGV)
        wait_for(lambda: len(screen_pids(log)) == 2)
        second = screen_pids(log)[1]
        assert second not in (first, supervisor.pid)
        text = log.read_text(encoding="utf-8", errors="replace")
        assert "Fatal Python error: Segmentation fault" in text  # faulthandler, into the data folder's log
        assert "display screen stopped abnormally (signal SIGSEGV)" in text and "restart 1" in text
    finally:
        if supervisor.poll() is None:
            supervisor.send_signal(signal.SIGTERM)  # ends the screen too, without a restart
    assert supervisor.wait(timeout=60) == 0
    text = log.read_text(encoding="utf-8", errors="replace")
    assert "display screen stopped on request" in text
    assert len(screen_pids(log)) == 2  # not started a third time
