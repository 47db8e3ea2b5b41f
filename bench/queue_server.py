"""The live queue on mpp-central: 30 counters and 2 kiosks over HTTP on loopback (issue 14).

For each history size (2,000 and 52,000 earlier tickets, done on earlier days, with their events):
a fresh PostgreSQL database, a real ``mpp-central serve`` process (its clock on a Tuesday 09:00 WIB
through tests/clockhook), two queue groups, thirty counters serving both, and a morning's queue
already waiting (BENCH_QS_WAITING, 10,000: the counters must not run out of it). Then for BENCH_QS_SECONDS (10)
at once:

- 2 kiosk clients issuing as fast as they can (RemoteQueue.issue, alternating A and B);
- 30 counter clients: call-next, then mark the visitor absent (one request) to free the counter.

Then, the load over, BENCH_QS_BUTTON_RUNS (50) single presses at a counter: milliseconds from the
press (call-next sent) until the board's server-sent event stream delivers that call (goal p95 < 200 ms).

Then the 2 kiosks alone for BENCH_QS_SECONDS (no counters): what issuing costs when it does not queue behind
the counters. What the mixed figures mean: every client is a closed loop with no pause, and each request
waits about as long as any other, so 2 kiosks of 32 clients get 1/16 of the requests whatever the server's
speed: issues/s = 2 / latency, calls/s = 30 / (2 x latency) (a call is followed by its no-show), 7.5 calls
per issue. 300 issues/s in this mix would take a latency of 6.7 ms, i.e. ~4,800 requests/s.

The clients are threads of four client processes (the kiosks; three PCs of ten counters), each with
its own HTTP connection, all on this machine's cores beside the server and PostgreSQL; their CPU is
reported. BENCH_QS_CLIENT=lean sends the same requests over http.client instead of RemoteQueue (httpx), which
leaves more of the two cores to the server.

Figures: issues/s and successful calls/s in total, p50/p95 of issue and of call-next (client-side,
HTTP included), duplicate numbers and tickets called twice (from the clients' answers and from the
server's event log; both must be 0), beside the same-run floor: a bare PostgreSQL INSERT and COMMIT
over one connection (psycopg), rows/s and p50/p95. Goals: p95 < 20 ms each, >= 300 issues/s,
>= 500 calls/s, flat from 2,000 to 52,000 rows. The last line is one JSON object.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# bench/queue.py would shadow the standard library's queue (psycopg needs it)
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(ROOT))

ADMIN_URL = os.environ.get("MPP_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/postgres")
SECONDS = float(os.environ.get("BENCH_QS_SECONDS", "10"))
WAITING = int(os.environ.get("BENCH_QS_WAITING", "10000"))
SIZES = [int(s) for s in os.environ.get("BENCH_QS_SIZES", "2000,52000").split(",")]
COUNTERS = 30
WORKERS = int(os.environ.get("BENCH_QS_WORKERS", "1"))  # mpp-central serve --workers
CLIENT = os.environ.get("BENCH_QS_CLIENT", "remote")  # the counters' and kiosks' client: remote (RemoteQueue) or lean
BUTTON_RUNS = int(os.environ.get("BENCH_QS_BUTTON_RUNS", "50"))
SECRET = "bench-secret-" + "0123456789abcdef" * 3
MOMENT = "2026-11-24T09:00:00+07:00"  # a Tuesday, a working day, inside opening hours


def central(*argv: str) -> str:
    from mpp_desk.server.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(list(argv)) == 0
    return out.getvalue()


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


# --- the client processes ------------------------------------------------------------------------------


def worker(role: str, url: str, credential: str, numbers: list[int], go_file: str, seconds: float, out: str) -> None:
    """Threads of one client process, connected, then from when *go_file* appears for *seconds*; results to *out*."""
    from mpp_desk.queue.remote import RemoteQueue

    if CLIENT == "lean":
        RemoteQueue = LeanQueue  # noqa: N806 - the same requests, sent with less client CPU
    ready = threading.Barrier(len(numbers) + 1)
    start = [0.0]

    def wait_for_go() -> float:
        ready.wait()
        ready.wait()  # the main thread saw the go file
        return start[0]

    results: dict[str, list] = {"issue_ms": [], "call_ms": [], "codes": [], "called": [], "empty": [], "errors": [],
                                "cpu_s": []}
    lock = threading.Lock()

    def kiosk(k: int) -> None:
        with RemoteQueue(url, credential, timeout=30) as queue:
            queue.kiosk_status()  # connection up before the start
            start_at = wait_for_go()
            i = 0
            while time.monotonic() < start_at + seconds:
                t0 = time.perf_counter()
                try:
                    code = queue.issue(group_code="AB"[(i + k) % 2]).ticket.code
                except Exception as exc:  # noqa: BLE001 - counted, shown
                    with lock:
                        results["errors"].append(repr(exc)[:200])
                    continue
                ms = (time.perf_counter() - t0) * 1000
                with lock:
                    results["issue_ms"].append(ms)
                    results["codes"].append(code)
                i += 1

    def counter(number: int) -> None:
        with RemoteQueue(url, credential, timeout=30) as queue:
            queue.counter_state(counter_number=number)
            start_at = wait_for_go()
            while time.monotonic() < start_at + seconds:
                t0 = time.perf_counter()
                try:
                    ticket = queue.call_next(counter_number=number)
                except Exception as exc:  # noqa: BLE001
                    with lock:
                        results["errors"].append(repr(exc)[:200])
                    continue
                ms = (time.perf_counter() - t0) * 1000
                if ticket is None:
                    with lock:
                        results["empty"].append(ms)
                    time.sleep(0.01)
                    continue
                with lock:
                    results["call_ms"].append(ms)
                    results["called"].append(str(ticket.id))
                try:
                    queue.mark_no_show(ticket_id=ticket.id, counter_number=number)
                except Exception as exc:  # noqa: BLE001
                    with lock:
                        results["errors"].append(repr(exc)[:200])

    def bare(_n: int) -> None:
        import httpx

        with httpx.Client(base_url=url, timeout=30) as client:
            client.get("/bare")
            start_at = wait_for_go()
            while time.monotonic() < start_at + seconds:
                t0 = time.perf_counter()
                try:
                    client.get("/bare").raise_for_status()
                except Exception as exc:  # noqa: BLE001
                    with lock:
                        results["errors"].append(repr(exc)[:200])
                    continue
                with lock:
                    results["call_ms"].append((time.perf_counter() - t0) * 1000)

    target = {"kiosk": kiosk, "counter": counter, "bare": bare}[role]
    threads = [threading.Thread(target=target, args=(n,)) for n in numbers]
    for thread in threads:
        thread.start()
    ready.wait()
    Path(out + ".ready").touch()
    while not Path(go_file).exists():
        time.sleep(0.005)
    start[0] = time.monotonic()
    cpu0 = time.process_time()
    ready.wait()
    for thread in threads:
        thread.join()
    results["cpu_s"].append(time.process_time() - cpu0)  # this client process's CPU during the load
    Path(out).write_text(json.dumps(results))


class LeanQueue:
    """The requests RemoteQueue sends for issue, call-next and no-show (the same headers, op id and JSON body),
    over one keep-alive http.client connection: a fraction of httpx's client CPU, which on this machine the
    server and PostgreSQL share (BENCH_QS_CLIENT=lean). No retries: a failure is counted as an error."""

    def __init__(self, url: str, credential: str, timeout: float = 30) -> None:
        import http.client
        from urllib.parse import urlsplit

        from mpp_desk.sync.schemas import PROTOCOL, PROTOCOL_HEADER

        parts = urlsplit(url)
        self._conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
        self._headers = {"Authorization": f"Bearer {credential}", PROTOCOL_HEADER: str(PROTOCOL),
                         "Content-Type": "application/json"}

    def __enter__(self) -> LeanQueue:
        return self

    def __exit__(self, *exc: object) -> None:
        self._conn.close()

    def _post(self, path: str, body: dict | None = None) -> dict:
        self._conn.request("POST", path, body=json.dumps(body).encode() if body is not None else b"",
                           headers={**self._headers, "X-MPP-Op-Id": str(uuid.uuid4())})
        response = self._conn.getresponse()
        data = response.read()
        if response.status != 200:
            raise RuntimeError(f"{response.status} {data[:200]!r}")
        return json.loads(data)

    def kiosk_status(self) -> None:
        self._conn.request("GET", "/v1/queue/kiosk", headers=self._headers)
        self._conn.getresponse().read()

    def counter_state(self, *, counter_number: int) -> None:
        self._conn.request("GET", f"/v1/queue/counters/{counter_number}", headers=self._headers)
        self._conn.getresponse().read()

    def issue(self, *, group_code: str):
        data = self._post("/v1/queue/issue", {"group_code": group_code, "service_id": None, "priority": False,
                                              "priority_reason": None})
        return _Issued(_Ticket(data["ticket"]))

    def call_next(self, *, counter_number: int):
        ticket = self._post(f"/v1/queue/counters/{counter_number}/call-next")["ticket"]
        return _Ticket(ticket) if ticket else None

    def mark_no_show(self, *, ticket_id: str, counter_number: int) -> None:
        self._post(f"/v1/queue/tickets/{ticket_id}/no-show", {"counter_number": counter_number})


class _Ticket:
    def __init__(self, data: dict) -> None:
        self.id, self.code = data["id"], data["code"]


class _Issued:
    def __init__(self, ticket: _Ticket) -> None:
        self.ticket = ticket


# --- set-up --------------------------------------------------------------------------------------------


def seed(db_url: str, earlier: int) -> None:
    """Configuration records, *earlier* done tickets on earlier days with their events, today's waiting queue."""
    import psycopg
    from psycopg.types.json import Jsonb

    from tests.server.queue_support import queue_config

    rows = queue_config([("A", "Perizinan", None), ("B", "Non-perizinan", None)],
                        [(n, ["A", "B"]) for n in range(1, COUNTERS + 1)], open_time="07:00:00", close_time="16:00:00")
    with psycopg.connect(db_url) as conn:
        for entity, payload in rows:
            seq = conn.execute("INSERT INTO change_log (entity, entity_id, version, op, payload) VALUES "
                               "(%s, %s, 1, 'insert', %s) RETURNING seq", (entity, payload["id"], Jsonb(payload))).fetchone()[0]
            conn.execute("INSERT INTO records (entity, entity_id, version, payload, seq) VALUES (%s, %s, 1, %s, %s)",
                         (entity, payload["id"], Jsonb(payload), seq))
        groups = [(p["id"], p["code"]) for e, p in rows if e == "queue_group"]
        days = 40 if earlier >= 20000 else 20
        per_day = earlier // (days * len(groups))
        for gid, code in groups:
            conn.execute(
                "INSERT INTO q_tickets (id, group_id, group_code, route_group_id, route_group_code, service_date, number, "
                "code, status, issued_at, first_called_at, called_at, counter_number, served_started_at, finished_at, "
                "outcome, printed) SELECT gen_random_uuid(), %(g)s::uuid, %(c)s::varchar, %(g)s::uuid, %(c)s::varchar, date '2026-11-24' - d, n, "
                "%(c)s::varchar || CASE WHEN n < 1000 THEN lpad(n::text, 3, '0') ELSE n::text END, 'done', t, "
                "t + interval '5 min', t + interval '5 min', 1 + n %% 30, "
                "t + interval '6 min', t + interval '12 min', 'completed', true FROM generate_series(1, %(days)s) d, "
                "generate_series(1, %(per)s) n, LATERAL (SELECT (date '2026-11-24' - d) + time '01:00' + n * interval "
                "'20 s' AS t) x", {"g": gid, "c": code, "days": days, "per": per_day})
            # today: a morning's queue already waiting
            conn.execute(
                "INSERT INTO q_tickets (id, group_id, group_code, route_group_id, route_group_code, service_date, number, "
                "code, status, issued_at, printed) SELECT gen_random_uuid(), %(g)s::uuid, %(c)s::varchar, %(g)s::uuid, %(c)s::varchar, "
                "date '2026-11-24', n, %(c)s::varchar || CASE WHEN n < 1000 THEN lpad(n::text, 3, '0') ELSE n::text END, "
                "'waiting', timestamptz '2026-11-24 00:30+00' + "
                "n * interval '100 ms', true FROM generate_series(1, %(w)s) n", {"g": gid, "c": code, "w": WAITING // 2})
            conn.execute("INSERT INTO q_numbers VALUES (%s, date '2026-11-24', %s, timestamptz '2026-11-24 01:00+00')",
                         (gid, WAITING // 2))
        for kind, shift in (("issued", "issued_at"), ("called", "called_at"), ("finished", "finished_at")):
            conn.execute(
                "INSERT INTO q_events (type, ticket_id, ticket_code, group_code, counter_number, service_date, at) "
                f"SELECT %s, id, code, group_code, counter_number, service_date, {shift} FROM q_tickets "
                f"WHERE {shift} IS NOT NULL ORDER BY {shift}", (kind,))
    with psycopg.connect(db_url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")


def button_to_board(url: str, kiosk_cred: str, counter_cred: str, board_cred: str, n: int = BUTTON_RUNS) -> list[float]:
    """A counter presses call-next; milliseconds until the board's stream delivers that call (one press at a time)."""
    from mpp_desk.queue.remote import RemoteQueue

    arrived: dict[str, float] = {}
    seen = threading.Condition()
    kiosk, counter, board = (RemoteQueue(url, c, timeout=30) for c in (kiosk_cred, counter_cred, board_cred))
    stream = board.event_stream(after=board.board_state(last_calls=0).last_seq)

    def on_event(event) -> None:
        if event.type == "called":
            with seen:
                arrived[str(event.ticket_id)] = time.perf_counter()
                seen.notify_all()

    thread = stream.run_in_thread(on_event)
    times = []
    try:
        for _ in range(n):
            kiosk.issue(group_code="A")
            t0 = time.perf_counter()
            ticket = counter.call_next(counter_number=COUNTERS)  # the load phase is over: the queue still holds tickets
            assert ticket is not None
            with seen:
                assert seen.wait_for(lambda: str(ticket.id) in arrived, timeout=30), "the call never reached the board"
            times.append((arrived[str(ticket.id)] - t0) * 1000)
            counter.mark_no_show(ticket_id=ticket.id, counter_number=COUNTERS)
    finally:
        stream.stop()
        thread.join(10)
        for queue in (kiosk, counter, board):
            queue.close()
    return times


def floor(db_url: str, n: int = 2000) -> dict:
    """A bare INSERT and COMMIT over one connection: the least one durable write costs here."""
    import psycopg

    with psycopg.connect(db_url) as conn:
        conn.execute("CREATE TABLE bench_floor (id bigserial PRIMARY KEY, code text, at timestamptz)")
        conn.commit()
        times = []
        for i in range(n):
            t0 = time.perf_counter()
            conn.execute("INSERT INTO bench_floor (code, at) VALUES (%s, now())", (f"A{i:03d}",))
            conn.commit()
            times.append((time.perf_counter() - t0) * 1000)
    return {"rows_per_s": round(n / (sum(times) / 1000)), "p50_ms": round(pct(times, 0.5), 3),
            "p95_ms": round(pct(times, 0.95), 3)}


def run_size(earlier: int, tmp: Path) -> dict:
    import httpx
    import psycopg

    name = f"mpp_bench_queue14_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    db_url = ADMIN_URL.rsplit("/", 1)[0] + "/" + name
    proc = None
    try:
        central("migrate", "--database", db_url)
        sys.stdin = io.StringIO("Bench-Kantor-2026\n")
        central("setup", "--database", db_url, "--office-name", "MPP Bench", "--admin", "kepala", "--name", "Kepala",
                "--password-stdin")
        t0 = time.perf_counter()
        seed(db_url, earlier)
        seeded_s = time.perf_counter() - t0
        env = {**os.environ, "PYTHONPATH": f"{ROOT / 'tests' / 'clockhook'}{os.pathsep}{ROOT}",
               "MPP_TEST_CLOCK": f"{MOMENT}@{time.time()}", "MPP_CENTRAL_SECRET_KEY": SECRET}
        proc, url = _start_server([sys.executable, "-m", "mpp_desk.server.cli", "serve", "--database", db_url,
                                   "--workers", str(WORKERS)], env)
        if PROFILE:
            profiler = subprocess.Popen([PROFILE, "record", "-f", "raw", "-o", str(Path(tempfile.gettempdir()) / f"{name}-pyspy.txt"), "-r", "100", "--gil", "-p",
                                         str(proc.pid)])

        def credential(label: str, role: str) -> str:
            code = json.loads(central("device", "enroll", "--database", db_url, "--name", label, "--role", role,
                                      "--json"))["code"]
            return httpx.post(f"{url}/v1/enroll", json={"protocol": 1, "code": code}).json()["credential"]

        plan = [("kiosk", credential("kiosk", "kiosk"), [0, 1])]
        for pc in range(3):
            plan.append(("counter", credential(f"pc-{pc}", "counter"), list(range(pc * 10 + 1, pc * 10 + 11))))
        merged, usage = _load(db_url, url, plan, tmp / name, proc.pid)
        # the kiosks alone (the same two closed loops, no counters): what issuing costs when it does not queue
        # behind thirty counters' requests (with 2 of 32 closed-loop clients, issues are 1/16 of the requests)
        alone, alone_usage = _load(db_url, url, plan[:1], tmp / f"{name}-alone", proc.pid)
        if PROFILE:
            profiler.send_signal(2)  # SIGINT: py-spy writes its output
            profiler.wait(30)
            print(f"profile: {tempfile.gettempdir()}/{name}-pyspy.txt", file=sys.stderr)
        with psycopg.connect(db_url) as conn:
            doubled = conn.execute("SELECT count(*) FROM (SELECT ticket_id FROM q_events WHERE type = 'called' AND "
                                   "service_date = date '2026-11-24' GROUP BY ticket_id HAVING count(*) > 1) x").fetchone()[0]
            dup_numbers = conn.execute("SELECT count(*) - count(DISTINCT (group_id, service_date, number)) FROM q_tickets"
                                       ).fetchone()[0]
            total = conn.execute("SELECT count(*) FROM q_tickets").fetchone()[0]
        button = button_to_board(url, credential("kiosk-2", "kiosk"), credential("pc-9", "counter"),
                                 credential("board", "display"))
        floor_figures = floor(db_url)
        issues, calls = len(merged["issue_ms"]), len(merged["call_ms"])
        n_alone = max(1, alone_usage["requests"])
        usage = {k: round(v / max(1, usage["requests"]), 3) if k.endswith("_ms_per_request") else v
                 for k, v in usage.items()}
        return {
            "earlier_tickets": earlier, "tickets_at_end": total, "seed_s": round(seeded_s, 1),
            "issues_per_s": round(issues / SECONDS), "calls_per_s": round(calls / SECONDS),
            "issue_p50_ms": round(pct(merged["issue_ms"], 0.5), 2), "issue_p95_ms": round(pct(merged["issue_ms"], 0.95), 2),
            "call_p50_ms": round(pct(merged["call_ms"], 0.5), 2), "call_p95_ms": round(pct(merged["call_ms"], 0.95), 2),
            "empty_calls": len(merged["empty"]),
            "duplicate_numbers": (len(merged["codes"]) - len(set(merged["codes"]))) + dup_numbers,
            "double_calls": (len(merged["called"]) - len(set(merged["called"]))) + doubled,
            "errors": len(merged["errors"]), "first_error": merged["errors"][0] if merged["errors"] else None,
            **usage, "floor": floor_figures, "bare": bare_endpoint(db_url, tmp / name),
            "kiosks_alone": {"issues_per_s": round(len(alone["issue_ms"]) / SECONDS),
                             "p50_ms": round(pct(alone["issue_ms"], 0.5), 2), "p95_ms": round(pct(alone["issue_ms"], 0.95), 2),
                             "errors": len(alone["errors"]),
                             "server_ms_per_request": round(alone_usage["server_ms_per_request"] / n_alone, 3),
                             "client_ms_per_request": round(alone_usage["client_ms_per_request"] / n_alone, 3)},
            "button_to_board_p50_ms": round(pct(button, 0.5), 1), "button_to_board_p95_ms": round(pct(button, 0.95), 1),
        }
    finally:
        if proc is not None:
            proc.terminate()
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                proc.kill()
        with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


PROFILE = os.environ.get("BENCH_QS_PYSPY")  # a py-spy binary: record the server (flame graph path on stderr)


def _start_server(argv: list[str], env: dict[str, str]) -> tuple[subprocess.Popen, str]:
    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([*argv, "--port", str(port)], cwd=ROOT, env=env)
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if httpx.get(f"{url}/health", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.1)
    return proc, url


def _backends(db_url: str) -> dict[int, float]:
    """CPU seconds so far of every PostgreSQL backend connected to the bench's database."""
    import psycopg

    name = db_url.rsplit("/", 1)[1]
    with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
        pids = [r[0] for r in conn.execute("SELECT pid FROM pg_stat_activity WHERE datname = %s", (name,))]
    out = {}
    for pid in pids:
        with contextlib.suppress(OSError):
            out[pid] = _cpu_s(pid)
    return out


def _load(db_url: str, url: str, plan: list, prefix: Path, server_pid: int) -> tuple[dict, dict]:
    """Run the client processes of *plan* for SECONDS; their merged results, and the CPU the server and its
    PostgreSQL backends spent meanwhile (seconds, and milliseconds per request)."""
    go = Path(f"{prefix}-go")
    children = []
    for i, (role, cred, numbers) in enumerate(plan):
        out = Path(f"{prefix}-{role}-{i}.json")
        code = (f"import sys; sys.argv=['x']; from bench.queue_server import worker; "
                f"worker({role!r}, {url!r}, {cred!r}, {numbers!r}, {str(go)!r}, {SECONDS!r}, {str(out)!r})")
        children.append((subprocess.Popen([sys.executable, "-c", code], cwd=ROOT,
                                          env={**os.environ, "PYTHONPATH": str(ROOT)}), out))
    deadline = time.monotonic() + 120
    while not all(Path(f"{out}.ready").exists() for _, out in children):
        assert time.monotonic() < deadline, "the client processes did not get ready"
        time.sleep(0.01)
    before = _backends(db_url)
    cpu0 = _cpu_s(server_pid)
    go.touch()
    results = []
    for child, out in children:
        assert child.wait(SECONDS + 120) == 0
        results.append(json.loads(out.read_text()))
    server_cpu = _cpu_s(server_pid) - cpu0
    after = _backends(db_url)
    pg_cpu = sum(v - before.get(pid, 0.0) for pid, v in after.items())
    merged = {k: [v for r in results for v in r[k]] for k in results[0]}
    # a call that found a ticket is followed by its no-show: two requests
    requests = len(merged["issue_ms"]) + 2 * len(merged["call_ms"]) + len(merged["empty"])
    if plan[0][0] == "bare":
        requests = len(merged["call_ms"])
    client_cpu = sum(merged["cpu_s"])
    return merged, {"requests": requests, "server_cpu_s": round(server_cpu, 2), "pg_cpu_s": round(pg_cpu, 2),
                    "client_cpu_s": round(client_cpu, 2), "server_ms_per_request": server_cpu * 1000,
                    "pg_ms_per_request": pg_cpu * 1000, "client_ms_per_request": client_cpu * 1000}


BARE_APP = """
import sys
import uvicorn
from fastapi import FastAPI
from sqlalchemy import create_engine, text

engine = create_engine(sys.argv[1], pool_size=20, max_overflow=10)
app = FastAPI()

@app.get("/health")
def health():
    return {"ok": True}

@app.get("/bare")
def bare():
    with engine.connect() as conn:
        return {"one": conn.execute(text("SELECT 1")).scalar_one()}

uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[3]), log_level="warning", access_log=False, timeout_keep_alive=75)
"""


def bare_endpoint(db_url: str, prefix: Path) -> dict:
    """The same-run baseline: a bare FastAPI endpoint reading one SELECT 1, under the same 32 clients."""
    sa_url = db_url.replace("postgresql://", "postgresql+psycopg://", 1)
    proc, url = _start_server([sys.executable, "-c", BARE_APP, sa_url], dict(os.environ))
    try:
        plan = [("bare", "", list(range(2))), *[("bare", "", list(range(10))) for _ in range(3)]]
        merged, usage = _load(db_url, url, plan, Path(f"{prefix}-bare"), proc.pid)
    finally:
        proc.terminate()
        proc.wait(15)
    n = max(1, usage["requests"])
    return {"requests_per_s": round(usage["requests"] / SECONDS), "p50_ms": round(pct(merged["call_ms"], 0.5), 2),
            "p95_ms": round(pct(merged["call_ms"], 0.95), 2), "errors": len(merged["errors"]),
            "server_ms_per_request": round(usage["server_ms_per_request"] / n, 3),
            "pg_ms_per_request": round(usage["pg_ms_per_request"] / n, 3),
            "client_ms_per_request": round(usage["client_ms_per_request"] / n, 3)}


def _cpu_s(pid: int) -> float:
    """CPU seconds of a process and of its live children (serve --workers N: the workers)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    total = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    for task in Path(f"/proc/{pid}/task").iterdir():
        with contextlib.suppress(OSError):
            for child in (task / "children").read_text().split():
                with contextlib.suppress(OSError):
                    total += _cpu_s(int(child))
    return total


def main() -> None:
    os.environ["MPP_CENTRAL_SECRET_KEY"] = SECRET
    load = os.getloadavg()[0]
    figures = {}
    with tempfile.TemporaryDirectory(prefix="mpp-bench-queue-server-") as tmp:
        for size in SIZES:
            f = run_size(size, Path(tmp))
            figures[str(size)] = f
            print(f"{size:>6} earlier tickets: issue {f['issues_per_s']}/s p50 {f['issue_p50_ms']} ms p95 "
                  f"{f['issue_p95_ms']} ms; call-next {f['calls_per_s']}/s p50 {f['call_p50_ms']} ms p95 "
                  f"{f['call_p95_ms']} ms ({f['empty_calls']} found nobody); duplicates {f['duplicate_numbers']}, "
                  f"double calls {f['double_calls']}, errors {f['errors']}; server CPU {f['server_cpu_s']} s in "
                  f"{SECONDS:.0f} s")
            print(f"        counter button to the board's stream: p50 {f['button_to_board_p50_ms']} ms, "
                  f"p95 {f['button_to_board_p95_ms']} ms ({BUTTON_RUNS} presses, one at a time, after the load)")
            print(f"        CPU per request: server {f['server_ms_per_request']} ms, PostgreSQL backends "
                  f"{f['pg_ms_per_request']} ms ({f['requests']} requests); bare FastAPI + SELECT 1: "
                  f"{f['bare']['requests_per_s']}/s, p50 {f['bare']['p50_ms']} ms, p95 {f['bare']['p95_ms']} ms, server "
                  f"{f['bare']['server_ms_per_request']} ms, PostgreSQL {f['bare']['pg_ms_per_request']} ms per request")
            print(f"        client processes' CPU: {f['client_cpu_s']} s in {SECONDS:.0f} s, "
                  f"{f['client_ms_per_request']} ms per request (bare endpoint's clients: "
                  f"{f['bare']['client_ms_per_request']} ms)")
            a = f["kiosks_alone"]
            print(f"        the 2 kiosks alone (no counters): issue {a['issues_per_s']}/s p50 {a['p50_ms']} ms p95 "
                  f"{a['p95_ms']} ms, server {a['server_ms_per_request']} ms, clients {a['client_ms_per_request']} ms "
                  f"CPU per request, errors {a['errors']}")
            print(f"        floor (bare INSERT + COMMIT, one connection): {f['floor']['rows_per_s']} rows/s, "
                  f"p50 {f['floor']['p50_ms']} ms, p95 {f['floor']['p95_ms']} ms")
    print(f"load average before: {load:.1f} on {os.cpu_count()} cores (shared with other work)")
    print(json.dumps({"bench": "queue_server", "seconds": SECONDS, "counters": COUNTERS, "kiosks": 2, "client": CLIENT,
                      "load_before": round(load, 1), "sizes": figures}))


if __name__ == "__main__":
    main()
