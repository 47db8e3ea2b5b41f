"""The queue's processes for tests/integration/test_queue_processes.py, each run as its own program:

    python -m tests.integration.queue_actors display DATA_DIR EXPECTED_CALLS AT
    python -m tests.integration.queue_actors kiosk   DATA_DIR TICKETS AT
    python -m tests.integration.queue_actors counter DATA_DIR NUMBER AT

The kiosk and the counters run the same operations their screens run (``mpp_desk.ui.ops.queue``);
the display is the real :class:`~mpp_desk.ui.display.DisplayWindow` (offscreen) with a voice that
writes down what it would say. Each prints one JSON object as its last line. ``AT`` is the office
time the queue is asked at (a working-day morning), so the run does not depend on the real clock.
Files in DATA_DIR coordinate them: ``display.ready`` when the board polls, ``kiosk.done`` when
every ticket is issued.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import time
from pathlib import Path

DEADLINE_SECONDS = 90


def kiosk(data_dir: Path, tickets: int, at: dt.datetime) -> dict:
    from mpp_desk.context import AppContext
    from mpp_desk.ui.ops import queue as ops

    ctx = AppContext(data_dir=data_dir)
    ctx.open()
    issued = []
    for index in range(tickets):
        ticket = ops.take_ticket(ctx, group_code="A" if index % 3 else "B", now=at)
        issued.append(ticket.code)
    (data_dir / "kiosk.done").touch()
    ctx.close()
    return {"issued": issued}


def counter(data_dir: Path, number: int, at: dt.datetime) -> dict:
    from mpp_desk.context import AppContext
    from mpp_desk.ui.ops import queue as ops

    ctx = AppContext(data_dir=data_dir)
    ctx.open()
    served = []
    deadline = time.monotonic() + DEADLINE_SECONDS
    while time.monotonic() < deadline:
        done = ops.counter_action(ctx, actor=None, number=number, action="call", now=at)
        if done.ticket is None:
            waiting = sum(done.panel.state.waiting.values())
            if (data_dir / "kiosk.done").exists() and waiting == 0:
                break
            time.sleep(0.02)  # nobody waiting yet: the kiosk is still issuing
            continue
        served.append(done.ticket.code)
        ops.counter_action(ctx, actor=None, number=number, action="start", ticket_id=done.ticket.id, now=at)
        ops.counter_action(ctx, actor=None, number=number, action="finish", ticket_id=done.ticket.id, now=at)
    ctx.close()
    return {"counter": number, "served": served}


def display(data_dir: Path, expected: int, at: dt.datetime) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from mpp_desk.context import AppContext
    from mpp_desk.ui.application import apply_style, install_translators
    from mpp_desk.ui.display import DisplayWindow
    from mpp_desk.ui.speech import Announcer
    from mpp_desk.ui.tasks import TaskManager

    class WrittenVoice:
        """Says nothing; keeps what would have been said."""

        name = "written"

        def __init__(self) -> None:
            self.texts: list[str] = []

        def play(self, text, done) -> None:
            self.texts.append(text)
            done()

    app = QApplication([sys.argv[0]])
    install_translators(app, "id")
    apply_style(app)
    ctx = AppContext(data_dir=data_dir)
    tasks = TaskManager(app)
    voice = WrittenVoice()
    board = DisplayWindow(ctx=ctx, tasks=tasks, clock=lambda: at, announcer=Announcer(engine=voice))
    board.keep_in_front = False
    board.resize(1920, 1080)
    seen_at: list[float] = []
    board.sig_call_shown.connect(lambda _event: seen_at.append(time.time()))
    board.sig_ready.connect(lambda _mode: (data_dir / "display.ready").touch())

    def check() -> None:
        if board.calls_total >= expected and not board.announcer.busy:
            app.exit(0)

    watcher = QTimer()
    watcher.timeout.connect(check)
    watcher.start(50)
    QTimer.singleShot(DEADLINE_SECONDS * 1000, lambda: app.exit(0))  # exit(), not quit(): the board refuses to close
    board.show()
    board.open_database()
    app.exec()
    result = {
        "calls": [[e.seq, e.type, e.ticket_code, e.counter_number] for e in board.calls_seen],
        "seen_at": seen_at,
        "spoken": voice.texts,
        "polls": board.poll_count,
    }
    board._exit_allowed = True
    board.close()
    tasks.shutdown(wait=True)
    ctx.close()
    return result


def main(argv: list[str]) -> int:
    role, data_dir, value, at = argv[1], Path(argv[2]), int(argv[3]), dt.datetime.fromisoformat(argv[4])
    result = {"kiosk": kiosk, "counter": counter, "display": display}[role](data_dir, value, at)
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
