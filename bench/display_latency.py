"""From a counter's button to the display board: how long until the call is on the TV, across processes.

A real display board (the DisplayWindow, offscreen, with a silent voice) runs in one process and
polls the database every ~250 ms as in the hall; a counter process calls the next number CALLS
times at irregular moments and notes when each call was committed. The board notes when each
call reached its screen. Latency = shown - committed (same machine, same wall clock). Goal: every
call within one second; the median is expected near half the poll interval.
Last line of output: one JSON object with the figures.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CALLS = int(os.environ.get("BENCH_DISPLAY_CALLS", "40"))
AT = dt.datetime(2026, 11, 24, 10, 0, tzinfo=ZoneInfo("Asia/Jakarta"))  # a working-day morning
GOAL_MS = 1000

BOARD = textwrap.dedent(
    """
    import datetime as dt, json, sys, time
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from mpp_desk.context import AppContext
    from mpp_desk.ui.application import apply_style, install_translators
    from mpp_desk.ui.display import DisplayWindow
    from mpp_desk.ui.speech import Announcer
    from mpp_desk.ui.tasks import TaskManager

    class Silent:
        name = "silent"
        def play(self, text, done):
            done()

    data_dir, expected, at = Path(sys.argv[1]), int(sys.argv[2]), dt.datetime.fromisoformat(sys.argv[3])
    app = QApplication([sys.argv[0]])
    install_translators(app, "id")
    apply_style(app)
    ctx = AppContext(data_dir=data_dir)
    tasks = TaskManager(app)
    board = DisplayWindow(ctx=ctx, tasks=tasks, clock=lambda: at, announcer=Announcer(engine=Silent()))
    board.keep_in_front = False
    board.resize(1920, 1080)
    shown = {}
    board.sig_call_shown.connect(lambda e: shown.setdefault(e.ticket_code, time.time()))
    board.sig_ready.connect(lambda _m: (data_dir / "board.ready").touch())
    watch = QTimer()
    watch.timeout.connect(lambda: len(shown) >= expected and app.exit(0))
    watch.start(20)
    QTimer.singleShot(300_000, lambda: app.exit(1))
    board.show()
    board.open_database()
    code = app.exec()
    print(json.dumps({"shown": shown, "polls": board.poll_count}), flush=True)
    board._exit_allowed = True
    board.close()
    tasks.shutdown(wait=True)
    ctx.close()
    sys.exit(code)
    """
)

COUNTER = textwrap.dedent(
    """
    import datetime as dt, json, random, sys, time
    from pathlib import Path
    from mpp_desk.context import AppContext
    from mpp_desk.ui.ops import queue as ops

    data_dir, calls, at = Path(sys.argv[1]), int(sys.argv[2]), dt.datetime.fromisoformat(sys.argv[3])
    ctx = AppContext(data_dir=data_dir)
    ctx.open()
    random.seed(7)
    committed = {}
    for _ in range(calls):
        time.sleep(random.uniform(0.05, 0.6))  # an officer's pace, never in step with the board's polls
        done = ops.counter_action(ctx, actor=None, number=1, action="call", now=at)
        committed[done.ticket.code] = time.time()
        ops.counter_action(ctx, actor=None, number=1, action="no_show", ticket_id=done.ticket.id, now=at)
    print(json.dumps(committed), flush=True)
    """
)


def main() -> None:
    from mpp_desk import queue as q
    from mpp_desk.context import AppContext
    from mpp_desk.queue import LocalQueue
    from mpp_desk.roles import TERMINAL

    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"), PYTHONPATH=str(ROOT))
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp)
        ctx = AppContext(data_dir=data_dir)
        ctx.open()
        with ctx.uow(actor=TERMINAL) as uow:
            q.create_counter(uow, number=1, name="Loket 1", group_codes=["A"])
            uow.commit()
        queue = LocalQueue(ctx.open())
        for _ in range(CALLS):
            queue.issue(group_code="A", now=AT)
        ctx.close()
        args = [str(data_dir), str(CALLS), AT.isoformat()]
        board = subprocess.Popen([sys.executable, "-c", BOARD, *args], env=env, cwd=ROOT,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 60
        while not (data_dir / "board.ready").exists():
            if board.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"the board did not start: {board.communicate()[1][-2000:]}")
            time.sleep(0.05)
        counter = subprocess.run([sys.executable, "-c", COUNTER, *args], env=env, cwd=ROOT,
                                 capture_output=True, text=True, timeout=300)
        if counter.returncode != 0:
            raise SystemExit(counter.stderr[-2000:])
        out, err = board.communicate(timeout=300)
        if board.returncode != 0:
            raise SystemExit(f"board: {err[-2000:]}")
    committed = json.loads(counter.stdout.strip().splitlines()[-1])
    result = json.loads(out.strip().splitlines()[-1])
    latencies = sorted((result["shown"][code] - at) * 1000 for code, at in committed.items())
    p95 = latencies[max(0, round(0.95 * len(latencies)) - 1)]
    print(f"calls: {len(latencies)} from a counter process to a display process (poll every 250 ms)")
    print(f"latency: median {statistics.median(latencies):.0f} ms, p95 {p95:.0f} ms, max {latencies[-1]:.0f} ms "
          f"(goal: every call under {GOAL_MS} ms)")
    print(json.dumps({
        "bench": "display_latency",
        "calls": len(latencies),
        "median_ms": round(statistics.median(latencies), 1),
        "p95_ms": round(p95, 1),
        "max_ms": round(latencies[-1], 1),
        "goal_max_ms": GOAL_MS,
        "board_polls": result["polls"],
    }))


if __name__ == "__main__":
    main()
