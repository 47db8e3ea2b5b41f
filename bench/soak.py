"""Soak: the kiosk, the display board and two counters on one data folder for an hour, faster than life.

Four processes share one fresh data folder, as in the hall:

- the display board (the real DisplayWindow, offscreen, the real announcer) with a running text; its
  clock ticks every 100 ms, the running text steps every 16 ms, the whole board is repainted every
  200 ms on top of its own updates, and it polls the database every 250 ms as always;
- the kiosk (the real KioskWindow) touching a tile every ``--ticket-every`` seconds (A and B in turn),
  printing to an ESC/POS "printer" that is /dev/null, going back to the start screen after each
  ticket; its clock ticks every 100 ms, it re-reads the tiles every second, repaints every 200 ms;
- two counters (the operations their screens run) calling, starting and finishing the next ticket
  at a steady pace, with a recall every fifth call.

The queue is asked at a fixed working-day moment (a Tuesday 10:00 WIB), so the run does not depend
on the real clock. Every ``--sample-every`` seconds the resident memory (RSS) of each process is
read from /proc. Goal: no process dies, memory is flat (the RSS slope after the first fifth of the
run under ``--flat-mb-per-hour``), and in the GUI processes the reference count of None holds (the
PySide6 6.12.0 bug lost six per board repaint and killed the board after ~4½ minutes).

    python bench/soak.py                 # 60 minutes
    python bench/soak.py --minutes 5     # a quick check

Prints the figures; the last line is one JSON object.
"""

from __future__ import annotations

import argparse
import datetime as dt
import faulthandler
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
# bench/queue.py would hide the standard library's queue module (used by the thread pools).
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
sys.path.insert(0, str(ROOT))
AT = dt.datetime(2026, 11, 24, 10, 0, tzinfo=ZoneInfo("Asia/Jakarta"))  # a working-day morning
RUNNING_TEXT = ("Selamat datang di Mal Pelayanan Publik Bale Madukara — siapkan KTP dan berkas asli Anda; "
                "layanan pengaduan di loket 3.")
ROLES = ("board", "kiosk", "counter1", "counter2")


# ----- the processes -------------------------------------------------------------------------------

def gui_app():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from mpp_desk.ui.application import apply_style, install_translators

    app = QApplication([sys.argv[0]])
    install_translators(app, "id")
    apply_style(app)
    return app


def every(ms: int, fn, parent=None):
    from PySide6.QtCore import QTimer

    timer = QTimer(parent)
    timer.setInterval(ms)
    timer.timeout.connect(fn)
    timer.start()
    return timer


def count_none_after(seconds: float) -> dict:
    """None's reference count, read once the process has settled (modules loaded, caches warm)."""
    from PySide6.QtCore import QTimer

    seen: dict = {}
    QTimer.singleShot(int(max(seconds, 20) * 1000), lambda: seen.setdefault("before", sys.getrefcount(None)))
    return seen


def run_board(data_dir: Path, seconds: float, opts: dict) -> dict:
    from PySide6.QtCore import QTimer

    from mpp_desk.context import AppContext
    from mpp_desk.ui.application import tear_down
    from mpp_desk.ui.display import DisplayWindow
    from mpp_desk.ui.tasks import TaskManager

    app = gui_app()
    ctx = AppContext(data_dir=data_dir)
    tasks = TaskManager(app)
    board = DisplayWindow(ctx=ctx, tasks=tasks, clock=lambda: AT)  # the real announcer, as in the hall
    board.keep_in_front = False
    board.resize(1920, 1080)
    counts = {"repaints": 0}

    def repaint() -> None:
        board.repaint()
        counts["repaints"] += 1

    def ready(_mode) -> None:
        board.clock_timer.setInterval(opts["clock_ms"])
        board.marquee._timer.setInterval(opts["marquee_ms"])
        board.texts_timer.setInterval(2000)
        every(opts["repaint_ms"], repaint, board)
        (data_dir / "board.ready").touch()

    board.sig_ready.connect(ready)
    QTimer.singleShot(int(seconds * 1000), lambda: app.exit(0))  # exit(): the board refuses to close
    board.show()
    board.open_database()
    none = count_none_after(seconds / 5)
    app.exec()
    result = {"role": "board", "repaints": counts["repaints"], "polls": board.poll_count,
              "calls_seen": board.calls_total, "calls_kept": len(board.calls_seen), "running_text": board.marquee.text() == RUNNING_TEXT,
              "none_refcount_change": sys.getrefcount(None) - none.get("before", sys.getrefcount(None))}
    tear_down(board, tasks)
    ctx.close()
    return result


def run_kiosk(data_dir: Path, seconds: float, opts: dict) -> dict:
    from PySide6.QtCore import QTimer

    from mpp_desk.context import AppContext
    from mpp_desk.ui.application import tear_down
    from mpp_desk.ui.kiosk import KioskWindow
    from mpp_desk.ui.tasks import TaskManager

    app = gui_app()
    ctx = AppContext(data_dir=data_dir)
    tasks = TaskManager(app)
    kiosk = KioskWindow(ctx=ctx, tasks=tasks, clock=lambda: AT)
    kiosk.keep_in_front = False
    kiosk.resize(1080, 1920)
    counts = {"repaints": 0, "touches": 0, "issued": 0, "not_printed": 0}

    def repaint() -> None:
        kiosk.repaint()
        counts["repaints"] += 1

    def touch() -> None:
        if kiosk.current_page is not kiosk.start_page or not kiosk.tiles:
            return
        code = "AB"[counts["touches"] % 2]
        counts["touches"] += 1
        kiosk.choose_group(code if code in kiosk.tiles else next(iter(kiosk.tiles)))

    # the visitor takes the paper and goes; one timer restarted, not QTimer.singleShot per ticket:
    # PySide6 6.11 keeps a reference to None for every singleShot call (the kiosk's "leak" in this soak)
    leave = QTimer(kiosk)
    leave.setSingleShot(True)
    leave.setInterval(300)
    leave.timeout.connect(kiosk.back_to_start)

    def shown(ticket) -> None:
        counts["issued"] += 1
        counts["not_printed"] += not ticket.printed.ok
        leave.start()

    def ready(_mode) -> None:
        kiosk.clock_timer.setInterval(opts["clock_ms"])
        kiosk.refresh_timer.setInterval(1000)
        every(opts["repaint_ms"], repaint, kiosk)
        every(int(opts["ticket_every"] * 1000), touch, kiosk)

    kiosk.sig_ready.connect(ready)
    kiosk.sig_ticket_shown.connect(shown)
    QTimer.singleShot(int(seconds * 1000), lambda: app.exit(0))
    kiosk.show()
    kiosk.open_database()
    none = count_none_after(seconds / 5)
    app.exec()
    result = {"role": "kiosk", **counts,
              "none_refcount_change": sys.getrefcount(None) - none.get("before", sys.getrefcount(None))}
    tear_down(kiosk, tasks)
    ctx.close()
    return result


def run_counter(data_dir: Path, seconds: float, opts: dict, number: int) -> dict:
    from mpp_desk.context import AppContext
    from mpp_desk.ui.ops import queue as ops

    ctx = AppContext(data_dir=data_dir)
    ctx.open()
    served = recalls = idle = 0
    deadline = time.monotonic() + seconds
    pace = opts["ticket_every"] * 2  # two counters together keep up with the kiosk
    while time.monotonic() < deadline:
        started = time.monotonic()
        done = ops.counter_action(ctx, actor=None, number=number, action="call", now=AT)
        if done.ticket is None:
            idle += 1
        else:
            ticket_id = done.ticket.id
            if (served + 1) % 5 == 0:  # "Nomor A012, sekali lagi…"
                ops.counter_action(ctx, actor=None, number=number, action="recall", ticket_id=ticket_id, now=AT)
                recalls += 1
            ops.counter_action(ctx, actor=None, number=number, action="start", ticket_id=ticket_id, now=AT)
            ops.counter_action(ctx, actor=None, number=number, action="finish", ticket_id=ticket_id, now=AT)
            served += 1
        time.sleep(max(0.0, min(pace - (time.monotonic() - started), deadline - time.monotonic())))
    ctx.close()
    return {"role": f"counter{number}", "served": served, "recalls": recalls, "idle_calls": idle}


def child_main(args) -> int:
    faulthandler.enable(all_threads=True)  # a crash's traceback goes to this process's error file
    data_dir, opts = Path(args.data_dir), json.loads(args.opts)
    if args.role == "board":
        result = run_board(data_dir, args.seconds, opts)
    elif args.role == "kiosk":
        result = run_kiosk(data_dir, args.seconds, opts)
    else:
        result = run_counter(data_dir, args.seconds, opts, int(args.role[-1]))
    print(json.dumps(result), flush=True)
    return 0


# ----- the conductor --------------------------------------------------------------------------------

def prepare(data_dir: Path) -> None:
    from mpp_desk import queue as q
    from mpp_desk import settings
    from mpp_desk.context import AppContext
    from mpp_desk.roles import TERMINAL

    ctx = AppContext(data_dir=data_dir)
    ctx.open()
    with ctx.uow(actor=TERMINAL) as uow:
        q.create_counter(uow, number=1, name="Loket Perizinan", group_codes=["A"])
        q.create_counter(uow, number=2, name="Loket Pengaduan", group_codes=["A", "B"])
        settings.set(uow, key="display.running_text", value=RUNNING_TEXT)
        # every ticket is really printed: to the data folder's PDF printer (escpos-file takes device paths only)
        settings.set(uow, key="printer.ticket", value="pdf")
        uow.commit()
    ctx.close()


def rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def slope_mb_per_hour(samples: list[tuple[float, float]]) -> float:
    """Least-squares slope of (seconds, MB), in MB per hour."""
    if len(samples) < 2:
        return 0.0
    n = len(samples)
    mean_t = sum(t for t, _ in samples) / n
    mean_m = sum(m for _, m in samples) / n
    var = sum((t - mean_t) ** 2 for t, _ in samples)
    if var == 0:
        return 0.0
    return sum((t - mean_t) * (m - mean_m) for t, m in samples) / var * 3600


def queue_totals(data_dir: Path) -> dict:
    from sqlalchemy import func, select

    from mpp_desk.context import AppContext
    from mpp_desk.models import QueueEvent, Ticket

    ctx = AppContext(data_dir=data_dir)
    try:
        with ctx.uow(write=False) as uow:
            tickets = uow.session.scalar(select(func.count()).select_from(Ticket))
            events = dict(uow.session.execute(select(QueueEvent.type, func.count()).group_by(QueueEvent.type)).all())
    finally:
        ctx.close()
    return {"tickets": tickets, "called": events.get("called", 0), "recalled": events.get("recalled", 0),
            "finished": events.get("finished", 0)}


def conduct(args) -> int:
    seconds = args.minutes * 60
    opts = {"ticket_every": args.ticket_every, "repaint_ms": args.repaint_ms, "clock_ms": args.clock_ms,
            "marquee_ms": args.marquee_ms}
    own_dir = args.data_dir is None
    data_dir = Path(args.data_dir or tempfile.mkdtemp(prefix="mpp-soak-"))
    data_dir.mkdir(parents=True, exist_ok=True)
    prepare(data_dir)
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"), PYTHONPATH=str(ROOT))
    env.pop("MPP_DESK_HOME", None)
    procs: dict[str, subprocess.Popen] = {}
    errs: dict[str, Path] = {}

    def start(role: str, run_for: float) -> None:
        errs[role] = data_dir / f"soak-{role}.err"
        procs[role] = subprocess.Popen(
            [sys.executable, __file__, "--role", role, "--data-dir", str(data_dir), "--seconds", str(run_for),
             "--opts", json.dumps(opts)],
            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=errs[role].open("wb"), text=True)

    print(f"soak: {args.minutes:g} min, data folder {data_dir}, a ticket every {args.ticket_every:g} s, "
          f"repaint every {args.repaint_ms} ms, clocks every {args.clock_ms} ms, running text step "
          f"{args.marquee_ms} ms", flush=True)
    t0 = time.monotonic()
    start("board", seconds + 15)  # the board outlives the others a little: it sees the last calls
    deadline = time.monotonic() + 120
    while not (data_dir / "board.ready").exists():
        if procs["board"].poll() is not None or time.monotonic() > deadline:
            print(errs["board"].read_text(errors="replace")[-3000:], file=sys.stderr)
            raise SystemExit("the board did not start")
        time.sleep(0.1)
    for role in ROLES[1:]:
        start(role, seconds)
    started = {role: time.monotonic() for role in ROLES}
    samples: dict[str, list[tuple[float, float]]] = {role: [] for role in ROLES}
    died: dict[str, str] = {}
    next_report = time.monotonic() + 60
    while any(p.poll() is None for p in procs.values()):
        for role, proc in procs.items():
            if proc.poll() is None:
                mb = rss_mb(proc.pid)
                if mb is not None:
                    samples[role].append((time.monotonic() - started[role], mb))
        if time.monotonic() >= next_report:
            next_report += 60
            line = ", ".join(f"{r} {samples[r][-1][1]:.0f} MB" for r in ROLES if samples[r])
            print(f"  {(time.monotonic() - t0) / 60:5.1f} min: {line}", flush=True)
        end = time.monotonic() + args.sample_every
        while time.monotonic() < end and any(p.poll() is None for p in procs.values()):
            time.sleep(0.5)
    results: dict[str, dict] = {}
    for role, proc in procs.items():
        out = proc.stdout.read() if proc.stdout else ""
        if proc.returncode != 0:
            died[role] = f"exit {proc.returncode}: " + errs[role].read_text(errors="replace")[-1500:]
        else:
            try:
                results[role] = json.loads(out.strip().splitlines()[-1])
            except (ValueError, IndexError):
                died[role] = f"no result: {out[-500:]}"
    totals = queue_totals(data_dir)

    figures: dict[str, dict] = {}
    print(f"\n{'process':10} {'start MB':>9} {'end MB':>8} {'max MB':>8} {'slope MB/h':>11} (after the first fifth)")
    for role in ROLES:
        series = samples[role]
        if not series:
            continue
        settled = [s for s in series if s[0] >= series[-1][0] / 5] or series
        figure = {"start_mb": round(series[0][1], 1), "end_mb": round(series[-1][1], 1),
                  "max_mb": round(max(m for _, m in series), 1),
                  "settled_start_mb": round(settled[0][1], 1),
                  "slope_mb_per_hour": round(slope_mb_per_hour(settled), 2), "samples": len(series)}
        figures[role] = figure
        print(f"{role:10} {figure['start_mb']:9.1f} {figure['end_mb']:8.1f} {figure['max_mb']:8.1f} "
              f"{figure['slope_mb_per_hour']:11.2f}")
    flat = all(abs(f["slope_mb_per_hour"]) <= args.flat_mb_per_hour for f in figures.values())
    # The crash signature is a FALL (PySide6 6.12.0: about -6 per board paint until Python frees None);
    # a rise is references kept, which the memory slope above already judges.
    none_held = all(results.get(r, {}).get("none_refcount_change", 0) >= -1000 for r in ("board", "kiosk"))
    print(f"\nqueue: {totals['tickets']} tickets, {totals['called']} calls, {totals['recalled']} recalls, "
          f"{totals['finished']} finished")
    for role in ROLES:
        if role in results:
            print(f"{role}: " + ", ".join(f"{k} {v}" for k, v in results[role].items() if k != "role"))
    for role, why in died.items():
        print(f"{role} DIED: {why}")
    ok = not died and flat and none_held
    print(f"\n{'OK' if ok else 'FAILED'}: {'no crash' if not died else 'crash: ' + ', '.join(died)}; "
          f"memory {'flat' if flat else 'NOT flat'} (limit ±{args.flat_mb_per_hour:g} MB/h); "
          f"None's reference count {'held' if none_held else 'LOST'}")
    from importlib import metadata

    print(json.dumps({
        "bench": "soak", "minutes": args.minutes, "ok": ok, "crashed": sorted(died), "memory_flat": flat,
        "none_refcount_held": none_held, "processes": figures, "queue": totals,
        "results": results, "pyside6": metadata.version("PySide6_Essentials"), "data_dir": str(data_dir),
    }), flush=True)
    if own_dir and ok and not args.keep:
        import shutil

        shutil.rmtree(data_dir, ignore_errors=True)
    return 0 if ok else 1


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--minutes", type=float, default=60.0)
    p.add_argument("--ticket-every", type=float, default=2.0, help="seconds between two kiosk touches")
    p.add_argument("--repaint-ms", type=int, default=200, help="full repaint of the board and the kiosk")
    p.add_argument("--clock-ms", type=int, default=100, help="the on-screen clocks' tick (1000 in the hall)")
    p.add_argument("--marquee-ms", type=int, default=16, help="the running text's step (33 in the hall)")
    p.add_argument("--sample-every", type=float, default=10.0, help="seconds between two RSS samples")
    p.add_argument("--flat-mb-per-hour", type=float, default=10.0, help="largest RSS slope still called flat")
    p.add_argument("--data-dir", help="use this folder (kept) instead of a temporary one")
    p.add_argument("--keep", action="store_true", help="keep the temporary data folder")
    p.add_argument("--role", choices=ROLES, help=argparse.SUPPRESS)
    p.add_argument("--seconds", type=float, help=argparse.SUPPRESS)
    p.add_argument("--opts", help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.role:
        return child_main(args)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    return conduct(args)


if __name__ == "__main__":
    raise SystemExit(main())
