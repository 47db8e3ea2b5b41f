"""Queue speed: issue and call-next latency as history grows, under four processes, and ticket rendering.

Two fresh SQLite files (WAL, synchronous=FULL, like the app) are prepared: one holding 2,000
earlier tickets (with their events), one holding 50,000. Then, on the same service day:
1. one process issues and calls tickets on both files in alternating rounds (so a noisy moment on
   the machine hits both sizes alike); every operation is one LocalQueue call, i.e. its own write
   transaction and commit, measured from the call to its return;
2. on each file, four processes issue at once (kiosks), then four processes call at once
   (counters), each call followed by a no-show so the counter is free again;
3. the display's polls (events since X, board state) at 50,000;
4. ticket rendering: PDF at 80 and 58 mm, ESC/POS bytes.

Checked every time: duplicate numbers and double calls (must be 0).
Goals: p95 of issue and of call-next under 5 ms at 50,000 (one process), flat as the table
grows; rendering p95 under 30 ms. The one-process figures also give the CPU time of each
operation (this thread's), which other load on a shared machine disturbs far less than the wall
clock: the wall time is that plus the commit's fsync plus waiting for a core. The last line of output is one JSON object with the figures.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WIB = ZoneInfo("Asia/Jakarta")
SINGLE_OPS = int(os.environ.get("BENCH_QUEUE_OPS", "400"))  # issues, then as many calls, per size
ROUNDS = 8  # the one-process figures are taken in this many alternating rounds per size
PER_WORKER = int(os.environ.get("BENCH_QUEUE_PER_WORKER", "100"))  # tickets per kiosk process
WORKERS = 4
HISTORY_PER_DAY = 400
RENDER_RUNS = int(os.environ.get("BENCH_RENDER_RUNS", "100"))
DAY = dt.date(2026, 11, 24)  # a Tuesday
SIZES = (2_000, 50_000)


def ms(seconds: list[float]) -> dict:
    ordered = sorted(seconds)
    p95 = ordered[max(0, -(-95 * len(ordered) // 100) - 1)]
    return {"n": len(ordered), "median_ms": round(statistics.median(ordered) * 1000, 3), "p95_ms": round(p95 * 1000, 3)}


# --- set-up ---------------------------------------------------------------------------------


def prepare(path: Path):
    from mpp_desk import queue as q
    from mpp_desk.database import open_database
    from mpp_desk.roles import TERMINAL
    from mpp_desk.uow import UnitOfWork

    db = open_database(path)
    with UnitOfWork(db, actor=TERMINAL) as uow:
        for code, name in (("A", "Perizinan Berusaha"), ("B", "Pengaduan dan Informasi")):
            q.create_group(uow, code=code, name=name, open_time=dt.time(0, 0), close_time=dt.time.max)
        for number in range(1, WORKERS + 1):
            q.create_counter(uow, number=number, name=f"Loket {number}", group_codes=["A", "B"])
        uow.commit()
    return db


def add_history(db, upto: int) -> None:
    """Fill earlier days with served tickets and their four events until *upto* tickets exist before day one."""
    from sqlalchemy import func, insert, select

    from mpp_desk.models import Counter, QueueEvent, QueueGroup, Ticket

    with db.sessions() as session:
        session.connection(execution_options={"mpp_begin": "IMMEDIATE"})
        have = session.scalar(select(func.count()).select_from(Ticket).where(Ticket.service_date < DAY))
        groups = session.execute(select(QueueGroup.id, QueueGroup.code)).all()
        counters = session.execute(select(Counter.id, Counter.number)).all()
        seq = session.scalar(select(func.max(QueueEvent.seq))) or 0
        tickets, events = [], []
        index = have
        while index < upto:
            day = DAY - dt.timedelta(days=1 + index // HISTORY_PER_DAY)
            within = index % HISTORY_PER_DAY
            group = groups[within % len(groups)]
            counter = counters[within % len(counters)]
            number = within // len(groups) + 1
            issued = dt.datetime.combine(day, dt.time(8), WIB) + dt.timedelta(seconds=60 * within // 2)
            called = issued + dt.timedelta(minutes=12)
            started = called + dt.timedelta(minutes=1)
            finished = started + dt.timedelta(minutes=6)
            ticket_id = uuid.uuid4()
            code = f"{group.code}{number:03d}"
            no_show = within % 10 == 9
            tickets.append(
                dict(
                    id=ticket_id, group_id=group.id, route_group_id=group.id, service_date=day, number=number,
                    code=code, priority=within % 15 == 0, status="no_show" if no_show else "done",
                    issued_at=issued, first_called_at=called, called_at=called, counter_id=counter.id,
                    served_started_at=None if no_show else started, finished_at=finished,
                    outcome=None if no_show else "completed", printed=True,
                )
            )
            kinds = (("issued", issued), ("called", called)) + (
                (("no_show", finished),) if no_show else (("started", started), ("finished", finished))
            )
            for kind, moment in kinds:
                seq += 1
                events.append(
                    dict(
                        id=uuid.uuid4(), seq=seq, type=kind, ticket_id=ticket_id, ticket_code=code,
                        group_code=group.code, counter_number=None if kind == "issued" else counter.number,
                        service_date=day, at=moment,
                    )
                )
            index += 1
        for start in range(0, len(tickets), 5000):
            session.execute(insert(Ticket), tickets[start : start + 5000])
        for start in range(0, len(events), 5000):
            session.execute(insert(QueueEvent), events[start : start + 5000])
        session.commit()


# --- measuring ------------------------------------------------------------------------------


def single_process(dbs: dict[int, object]) -> dict[int, dict]:
    """Issue, then call-next, in ROUNDS alternating rounds over the files; figures per file."""
    from mpp_desk.queue import LocalQueue

    queues = {size: LocalQueue(db) for size, db in dbs.items()}
    base = dt.datetime.combine(DAY, dt.time(9), WIB)
    issue = {size: [] for size in dbs}
    call = {size: [] for size in dbs}
    # this thread's CPU time per operation: what the code costs, whatever the other processes on
    # the machine do to the wall-clock figures (the fsync of the commit is not CPU time)
    issue_cpu = {size: [] for size in dbs}
    call_cpu = {size: [] for size in dbs}
    walls = {size: [0.0, 0.0] for size in dbs}
    per_round = SINGLE_OPS // ROUNDS
    for r in range(ROUNDS):
        for size, queue in queues.items():
            started = time.perf_counter()
            for i in range(r * per_round, (r + 1) * per_round):
                now = base + dt.timedelta(seconds=i)
                t0, c0 = time.perf_counter(), time.thread_time()
                queue.issue(group_code="AB"[i % 2], priority=i % 20 == 0, now=now)
                issue[size].append(time.perf_counter() - t0)
                issue_cpu[size].append(time.thread_time() - c0)
            walls[size][0] += time.perf_counter() - started
            started = time.perf_counter()
            for i in range(per_round):
                now = base + dt.timedelta(hours=1, seconds=r * per_round + i)
                counter = 1 + i % WORKERS
                t0, c0 = time.perf_counter(), time.thread_time()
                ticket = queue.call_next(counter_number=counter, now=now)
                call[size].append(time.perf_counter() - t0)
                call_cpu[size].append(time.thread_time() - c0)
                queue.mark_no_show(ticket_id=ticket.id, counter_number=counter, now=now)
            walls[size][1] += time.perf_counter() - started
    return {
        size: {
            "issue": {**ms(issue[size]), "per_second": round(len(issue[size]) / walls[size][0], 1),
                      "cpu": ms(issue_cpu[size])},
            "call_next": {**ms(call[size]), "per_second_with_no_show": round(len(call[size]) / walls[size][1], 1),
                          "cpu": ms(call_cpu[size])},
        }
        for size in dbs
    }


def concurrent(db, day: dt.date, tmp: Path) -> dict:
    base = dt.datetime.combine(day, dt.time(11), WIB)
    kiosks = run_workers(db, "kiosk", base, tmp / f"go-kiosk-{Path(db.path).stem}")
    counters = run_workers(db, "counter", base + dt.timedelta(hours=1), tmp / f"go-counter-{Path(db.path).stem}")
    issue = [x for r in kiosks["results"] for x in r["latencies"]]
    call = [x for r in counters["results"] for x in r["latencies"]]
    codes = [c for r in counters["results"] for c in r["codes"]]
    return {
        "issue": {**ms(issue), "per_second": round(len(issue) / kiosks["wall"], 1)},
        "call_next": {**ms(call), "per_second_with_no_show": round(len(call) / counters["wall"], 1)},
        "called_by_processes": len(codes),
        "double_calls_reported": len(codes) - len(set(codes)),
    }


def run_workers(db, role: str, base: dt.datetime, go: Path) -> dict:
    procs = [
        subprocess.Popen(
            [sys.executable, __file__, "--worker", role, str(db.path), base.isoformat(), str(go), str(n)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        for n in range(1, WORKERS + 1)
    ]
    ready = [go.with_name(f"{go.name}.ready{n}") for n in range(1, WORKERS + 1)]
    deadline = time.time() + 60
    while not all(r.exists() for r in ready) and time.time() < deadline:
        time.sleep(0.01)
    started = time.perf_counter()
    go.touch()
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=600)
        if proc.returncode != 0:
            raise SystemExit(f"{role} worker failed: {err[-3000:]}")
        results.append(json.loads(out.strip().splitlines()[-1]))
    return {"wall": time.perf_counter() - started, "results": results}


def worker(role: str, path: str, base_iso: str, go: str, n: int) -> None:
    from mpp_desk.database import open_database
    from mpp_desk.queue import LocalQueue

    db = open_database(Path(path), migrate=False)
    queue = LocalQueue(db, attempts=10)
    base = dt.datetime.fromisoformat(base_iso)
    queue.waiting_counts(now=base)  # warm up the connection and the statement cache
    Path(f"{go}.ready{n}").touch()
    while not os.path.exists(go):
        time.sleep(0.0005)
    latencies, codes = [], []
    if role == "kiosk":
        for i in range(PER_WORKER):
            t0 = time.perf_counter()
            queue.issue(group_code="AB"[(i + n) % 2], now=base + dt.timedelta(milliseconds=i))
            latencies.append(time.perf_counter() - t0)
    else:
        i = 0
        while True:
            now = base + dt.timedelta(milliseconds=i)
            t0 = time.perf_counter()
            ticket = queue.call_next(counter_number=n, now=now)
            latencies.append(time.perf_counter() - t0)
            if ticket is None:
                latencies.pop()  # the empty call at the end is not a call
                break
            codes.append(f"{ticket.service_date}/{ticket.code}")
            queue.mark_no_show(ticket_id=ticket.id, counter_number=n, now=now)
            i += 1
    print(json.dumps({"latencies": latencies, "codes": codes}))


def integrity(db) -> dict:
    from sqlalchemy import func, select

    from mpp_desk.models import QueueEvent, Ticket

    with db.sessions() as session:
        numbers = select(Ticket.group_id, Ticket.service_date, Ticket.number).group_by(
            Ticket.group_id, Ticket.service_date, Ticket.number
        ).having(func.count() > 1)
        duplicates = session.scalar(select(func.count()).select_from(numbers.subquery()))
        calls = select(QueueEvent.ticket_id).where(QueueEvent.type == "called").group_by(QueueEvent.ticket_id).having(
            func.count() > 1
        )
        double_calls = session.scalar(select(func.count()).select_from(calls.subquery()))
        total = session.scalar(select(func.count()).select_from(Ticket))
        events = session.scalar(select(func.count()).select_from(QueueEvent))
    return {"duplicate_numbers": duplicates, "double_calls": double_calls, "tickets": total, "events": events}


def display_polls(db, day: dt.date) -> dict:
    from mpp_desk.queue import LocalQueue

    queue = LocalQueue(db)
    now = dt.datetime.combine(day, dt.time(15), WIB)
    last = queue.board_state(now=now).last_seq
    poll, board = [], []
    for _ in range(200):
        t0 = time.perf_counter()
        queue.events_since(after_seq=last - 5)
        poll.append(time.perf_counter() - t0)
    for _ in range(100):
        t0 = time.perf_counter()
        queue.board_state(now=now)
        board.append(time.perf_counter() - t0)
    return {"events_since": ms(poll), "board_state": ms(board)}


def rendering(db, day: dt.date) -> dict:
    from mpp_desk.printing.escpos_ticket import render_ticket_escpos
    from mpp_desk.printing.pdf import render_ticket_pdf
    from mpp_desk.printing.qr import qr_matrix
    from mpp_desk.queue import LocalQueue

    queue = LocalQueue(db)
    slip = queue.slip(queue.issue(group_code="A", priority_reason="elderly", now=dt.datetime.combine(day, dt.time(14), WIB)))
    render_ticket_pdf(slip, width_mm=80)  # fonts registered once per process, outside the figures
    figures = {}
    for name, fn in (
        ("pdf_80mm", lambda: render_ticket_pdf(slip, width_mm=80)),
        ("pdf_58mm", lambda: render_ticket_pdf(slip, width_mm=58)),
        ("escpos_48_columns", lambda: render_ticket_escpos(slip, width_chars=48)),
    ):
        times = []
        for _ in range(RENDER_RUNS):
            qr_matrix.cache_clear()  # every real ticket has its own code: no cached QR in the figures
            t0 = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t0)
        figures[name] = ms(times)
    return figures


def bare_commit(folder: Path, runs: int = 400) -> dict:
    """The floor on this machine, same run: one row inserted and committed by sqlite3 alone (WAL, FULL)."""
    import sqlite3

    conn = sqlite3.connect(folder / "bare.sqlite3", isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, code TEXT, at TEXT)")
        times = []
        for i in range(runs):
            t0 = time.perf_counter()
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("INSERT INTO t (code, at) VALUES (?, ?)", (f"A{i:03d}", str(i)))
            conn.execute("COMMIT")
            times.append(time.perf_counter() - t0)
        return ms(times)
    finally:
        conn.close()


def main() -> None:
    started = time.perf_counter()
    load_at_start = round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None
    result: dict = {"sizes": {}}
    with tempfile.TemporaryDirectory(prefix="mpp-bench-queue-") as tmp:
        tmp_path = Path(tmp)
        dbs = {}
        try:
            for size in SIZES:
                dbs[size] = prepare(tmp_path / f"queue-{size}.sqlite3")
                add_history(dbs[size], size)
            result["baseline_bare_commit"] = bare_commit(tmp_path)
            one = single_process(dbs)
            for size, db in dbs.items():
                four = concurrent(db, DAY, tmp_path)
                result["sizes"][str(size)] = {"earlier_tickets": size, "one_process": one[size], "four_processes": four}
                mine = one[size]
                print(f"--- {size:,} earlier tickets ---")
                print(f"one process   issue      median {mine['issue']['median_ms']:.2f} ms  p95 {mine['issue']['p95_ms']:.2f} ms"
                      f"  ({mine['issue']['per_second']}/s)")
                print(f"one process   call-next  median {mine['call_next']['median_ms']:.2f} ms  "
                      f"p95 {mine['call_next']['p95_ms']:.2f} ms")
                print(f"  CPU time    issue      median {mine['issue']['cpu']['median_ms']:.2f} ms  p95 "
                      f"{mine['issue']['cpu']['p95_ms']:.2f} ms;  call-next median "
                      f"{mine['call_next']['cpu']['median_ms']:.2f} ms  p95 {mine['call_next']['cpu']['p95_ms']:.2f} ms")
                print(f"four procs    issue      median {four['issue']['median_ms']:.2f} ms  p95 {four['issue']['p95_ms']:.2f} ms"
                      f"  ({four['issue']['per_second']}/s together)")
                print(f"four procs    call-next  median {four['call_next']['median_ms']:.2f} ms  "
                      f"p95 {four['call_next']['p95_ms']:.2f} ms"
                      f"  ({four['call_next']['per_second_with_no_show']} calls+no-shows/s together)")
            large = dbs[SIZES[-1]]
            result["display_at_50000"] = display_polls(large, DAY)
            result["render"] = rendering(large, DAY)
            checks = [integrity(db) for db in dbs.values()]
            result["integrity"] = {
                "duplicate_numbers": sum(c["duplicate_numbers"] for c in checks),
                "double_calls": sum(c["double_calls"] for c in checks),
                "tickets": {str(size): c["tickets"] for size, c in zip(dbs, checks)},
                "events": {str(size): c["events"] for size, c in zip(dbs, checks)},
                "double_calls_reported_by_processes": sum(
                    s["four_processes"]["double_calls_reported"] for s in result["sizes"].values()
                ),
            }
        finally:
            for db in dbs.values():
                db.dispose()
    small, large = result["sizes"]["2000"]["one_process"], result["sizes"]["50000"]["one_process"]
    result["growth_p95_50000_over_2000"] = {
        "issue": round(large["issue"]["p95_ms"] / small["issue"]["p95_ms"], 2),
        "call_next": round(large["call_next"]["p95_ms"] / small["call_next"]["p95_ms"], 2),
    }
    floor = result["baseline_bare_commit"]
    result["over_bare_commit_median_50000"] = {
        "issue": round(large["issue"]["median_ms"] / floor["median_ms"], 1),
        "call_next": round(large["call_next"]["median_ms"] / floor["median_ms"], 1),
    }
    result["goals"] = {
        "issue_p95_under_5ms_at_50000": large["issue"]["p95_ms"] < 5,
        "call_next_p95_under_5ms_at_50000": large["call_next"]["p95_ms"] < 5,
        "render_p95_under_30ms": all(r["p95_ms"] < 30 for r in result["render"].values()),
        "no_duplicates_no_double_calls": result["integrity"]["duplicate_numbers"] == 0
        and result["integrity"]["double_calls"] == 0
        and result["integrity"]["double_calls_reported_by_processes"] == 0,
    }
    result["machine"] = {
        "cpus": os.cpu_count(),
        "load_average_1min_at_start": load_at_start,
        "load_average_1min": round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None,
        "python": sys.version.split()[0],
        "sqlite_synchronous": "FULL",
    }
    result["runtime_s"] = round(time.perf_counter() - started, 1)
    display, render = result["display_at_50000"], result["render"]
    print(f"display poll  events_since median {display['events_since']['median_ms']:.2f} ms  "
          f"board_state median {display['board_state']['median_ms']:.2f} ms")
    for name, fig in render.items():
        print(f"render {name:<18} median {fig['median_ms']:.2f} ms  p95 {fig['p95_ms']:.2f} ms")
    print(f"p95 growth 2,000 -> 50,000: issue x{result['growth_p95_50000_over_2000']['issue']}, "
          f"call-next x{result['growth_p95_50000_over_2000']['call_next']}")
    print(f"baseline: a bare sqlite3 insert+commit (WAL, FULL) median {floor['median_ms']:.2f} ms, p95 "
          f"{floor['p95_ms']:.2f} ms; at 50,000 issue is x{result['over_bare_commit_median_50000']['issue']}, "
          f"call-next x{result['over_bare_commit_median_50000']['call_next']} of it (median)")
    print(f"integrity: {result['integrity']}")
    print(f"goals: {result['goals']}  (runtime {result['runtime_s']} s)")
    print(json.dumps(result))


if __name__ == "__main__":
    if sys.argv[1:2] == ["--worker"]:
        worker(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], int(sys.argv[6]))
    else:
        main()
