"""Keeps the kiosk or the display board on screen: the screen runs in a child process, restarted when it dies.

``mpp-desk --kiosk`` and ``mpp-desk --display`` start this supervisor, which starts the screen itself
(``--no-restart``) as a child process and waits. A clean exit of the child (the administrator's PIN,
status 0) ends the supervisor too. Any other end — a crash, a fatal Python error, a kill, an error
status — is logged with the child's last error output (``logs/<mode>-errors.log``, where the child's
standard error goes; a fatal error such as "Fatal Python error: none_dealloc" is written only
there) and the screen is started again after a pause that doubles on each quick failure (1 s, 2 s,
4 s … at most 60 s). A child that ran for :attr:`RestartPolicy.stable_seconds` counts as healthy:
the next failure starts the count again. When a screen restarted ``max_quick_restarts`` times in a
row fails quickly once more, the supervisor gives up and exits with the child's status (something
is wrong that a restart cannot mend: the log says so). SIGTERM/SIGINT to the supervisor are
passed on to the child and end both (status 0).

Nothing here imports Qt or the database: the supervisor stays small and does not crash with the screen.
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

# Tests and soak runs shorten the first pause (seconds).
RESTART_DELAY_ENV = "MPP_DESK_RESTART_DELAY"
ERROR_TAIL_CHARS = 6000


@dataclass(frozen=True)
class RestartPolicy:
    first_delay: float = 1.0
    max_delay: float = 60.0
    stable_seconds: float = 300.0
    max_quick_restarts: int = 10

    @classmethod
    def from_env(cls) -> RestartPolicy:
        value = os.environ.get(RESTART_DELAY_ENV, "")
        return cls(first_delay=float(value)) if value else cls()

    def delay(self, quick_failures: int) -> float:
        return min(self.max_delay, self.first_delay * 2 ** max(0, quick_failures - 1))


def screen_command(argv: list[str], data_dir: Path) -> list[str]:
    """The child's command line: the same program and options, in this data folder, without supervision."""
    program = [sys.executable] if getattr(sys, "frozen", False) else [sys.executable, "-m", "mpp_desk"]
    return [*program, *argv, "--data-dir", str(data_dir), "--no-restart"]


def describe_exit(code: int) -> str:
    if code < 0:
        try:
            return f"signal {signal.Signals(-code).name}"
        except ValueError:
            return f"signal {-code}"
    return f"exit status {code}"


class Supervisor:
    """Runs *command* again and again until it exits cleanly, the supervisor is stopped, or it gives up."""

    def __init__(self, command: list[str], *, name: str, errors_path: Path, policy: RestartPolicy | None = None,
                 env: dict[str, str] | None = None) -> None:
        self.command = command
        self.name = name
        self.errors_path = errors_path
        self.policy = policy or RestartPolicy()
        self.env = env
        self.restarts = 0
        self.child: subprocess.Popen | None = None
        self._stopping = threading.Event()

    def stop(self, signum: int = signal.SIGTERM) -> None:
        """End the child and do not restart it (SIGTERM/SIGINT to the supervisor, or a test)."""
        self._stopping.set()
        child = self.child
        if child is not None and child.poll() is None:
            try:
                child.send_signal(signum)
            except ValueError:  # Windows knows only SIGTERM among these
                child.terminate()
            except OSError:  # it has just ended
                pass

    def install_signal_handlers(self) -> None:
        for name in ("SIGTERM", "SIGINT", "SIGHUP"):
            signum = getattr(signal, name, None)
            if signum is not None:
                signal.signal(signum, lambda received, _frame: self.stop(received))

    def run(self) -> int:
        quick_failures = 0
        while True:
            started = time.monotonic()
            code = self._run_once()
            ran = time.monotonic() - started
            if code == 0:
                log.info("%s screen ended normally after %.0f s", self.name, ran)
                return 0
            if self._stopping.is_set():
                log.info("%s screen stopped on request (%s)", self.name, describe_exit(code))
                return 0
            quick_failures = 1 if ran >= self.policy.stable_seconds else quick_failures + 1
            errors = self._error_tail()
            if quick_failures > self.policy.max_quick_restarts:
                log.critical("%s screen failed %d times in a row (last: %s after %.0f s); not restarted again.%s",
                             self.name, quick_failures, describe_exit(code), ran, errors)
                return code
            delay = self.policy.delay(quick_failures)
            self.restarts += 1
            log.error("%s screen stopped abnormally (%s) after %.0f s; restart %d in %.1f s.%s",
                      self.name, describe_exit(code), ran, self.restarts, delay, errors)
            if self._stopping.wait(delay):
                log.info("%s screen not restarted: stopped on request", self.name)
                return 0

    def _run_once(self) -> int:
        self.errors_path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.errors_path, "wb") as errors:  # this run's error output only
            self.child = subprocess.Popen(self.command, stderr=errors, env=self.env)
        log.info("%s screen started (process %d)", self.name, self.child.pid)
        if self._stopping.is_set():  # a stop that came while the child was being started
            self.stop()
        while True:
            try:
                return self.child.wait()
            except KeyboardInterrupt:  # Ctrl+C where no handler is installed: pass it on, keep waiting
                self.stop(signal.SIGINT)

    def _error_tail(self) -> str:
        try:
            text = self.errors_path.read_text(encoding="utf-8", errors="replace").strip()
        except OSError:
            return ""
        if not text:
            return ""
        if len(text) > ERROR_TAIL_CHARS:
            text = "…" + text[-ERROR_TAIL_CHARS:]
        return f" Its last error output ({self.errors_path.name}):\n{text}"


def supervise_screen(mode: str, *, argv: list[str], data_dir: Path) -> int:
    """``mpp-desk --kiosk`` / ``--display``: run the screen as a child process and keep it running."""
    supervisor = Supervisor(screen_command(argv, data_dir), name=mode, policy=RestartPolicy.from_env(),
                            errors_path=data_dir / "logs" / f"{mode}-errors.log")
    supervisor.install_signal_handlers()
    log.info("%s supervisor started (process %d)", mode, os.getpid())
    return supervisor.run()
