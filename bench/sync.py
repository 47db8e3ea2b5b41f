"""Sync speed against a real mpp-central (subprocess, loopback) on the local PostgreSQL.

1. Push ingest: batches of 500 audit entries (append-only, no references) through HTTP, each batch
   one PostgreSQL transaction. Goal: >= 2,000 ops/s. Floor in the same run: the same rows as a bare
   ``INSERT ... jsonb`` of 500 rows per transaction (psycopg executemany), and the ratio.
2. A new PC pulling the change log: a fresh SQLite data folder joins and applies every change
   (pages of 500, cursor stored with each page). Goal: 100,000 changes in < 60 s (BENCH_SYNC_OPS
   sets how many are pushed and pulled; the default is 100,000).
3. Write-to-visible lag between two online PCs: a record written on PC1, `sync now` there, then
   `sync now` on PC2 until it holds it; median and p95. Goal: < 2 s.
4. 30 counter PCs reconnecting after an hour offline (run first, on the fresh server): each joined,
   then offline for an hour of work (BENCH_SYNC_FILES_PER_HOUR intake files registered through the
   intake service, about 20 ops each), then all reconnect at once (one thread each: `sync now`
   rounds until no PC has anything to send or receive). Time to converge: until every PC holds every
   file the server holds. Goal: < 60 s. All 30 PCs' client work runs on this one machine's cores.
5. The client's apply, same run: the whole change log after step 4, page by page, applied row by row
   (the former path) and batched (``apply_page``) to two fresh PCs; medians and the ratio.

Needs PostgreSQL at $MPP_TEST_POSTGRES (default postgresql://postgres@127.0.0.1:5432/postgres).
The last line of output is one JSON object with the figures.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# bench/queue.py would shadow the standard library's queue (psycopg needs it)
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(ROOT))

ADMIN_URL = os.environ.get("MPP_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/postgres")
OPS = int(os.environ.get("BENCH_SYNC_OPS", "100000"))
BATCH = 500
LAG_RUNS = int(os.environ.get("BENCH_SYNC_LAG_RUNS", "20"))
FLEET = int(os.environ.get("BENCH_SYNC_PCS", "30"))
FILES_PER_HOUR = int(os.environ.get("BENCH_SYNC_FILES_PER_HOUR", "12"))
SECRET = "bench-secret-" + "0123456789abcdef" * 3
NOW = "2026-11-16T03:00:00+00:00"


def audit_payload(device: str, seq: int) -> dict:
    return {"id": str(uuid.uuid4()), "created_at": NOW, "updated_at": NOW, "version": 1, "device_id": device,
            "deleted_at": None, "seq": seq, "at": NOW, "actor_id": None, "actor_username": "system",
            "action": "bench.wrote", "entity": None, "entity_id": None, "summary": f"entry {seq}", "details": {},
            "prev_hash": hashlib.sha256(str(seq - 1).encode()).hexdigest(),
            "hash": hashlib.sha256(str(seq).encode()).hexdigest()}


def central(*argv: str) -> str:
    from mpp_desk.server.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(list(argv)) == 0
    return out.getvalue()


def _cpu_s(pid: int) -> float:
    """User + system CPU seconds of process *pid* so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def fleet_reconnect(url: str, enroll, root: Path, server_pid: int) -> dict:
    """30 counter PCs, each an hour of work behind, reconnecting at once; see the module's docstring."""
    import shutil
    import sqlite3
    import threading

    from sqlalchemy import func, select

    from mpp_desk import settings
    from mpp_desk.context import AppContext
    from mpp_desk.models import Application, StaffUser
    from mpp_desk.paths import database_path
    from mpp_desk.roles import TERMINAL, Actor, Role
    from mpp_desk.sync import client
    from tests.intake_support import at, make_officer, person, register_file

    template = root / "fleet-template"
    _seed(template)

    def copy_pc(name: str) -> AppContext:
        folder = root / name
        shutil.copytree(template, folder)
        con = sqlite3.connect(database_path(folder))
        con.execute("UPDATE local_state SET value = ? WHERE key = 'device_id'", (str(uuid.uuid4()),))
        con.commit()
        con.close()
        ctx = AppContext(data_dir=folder)
        ctx.open()
        return ctx

    t0 = time.perf_counter()
    office = copy_pc("office-admin")  # the office's PC that made the officers' accounts
    client.join(office.db, office.data_dir, url, enroll("office-admin", "admin"))
    make_officer(office, "rina", "Rina Petugas")
    client.sync_now(office.db, office.data_dir)
    pcs = []
    for i in range(FLEET):
        pc = copy_pc(f"counter-{i + 1:02d}")
        with pc.uow(actor=TERMINAL) as uow:
            settings.set(uow, key="pc.counter_number", value=i + 1)
            uow.commit()
        client.join(pc.db, pc.data_dir, url, enroll(f"counter-{i + 1:02d}", "counter"))
        pcs.append(pc)
    joined_s = time.perf_counter() - t0

    # an hour offline: every counter registers its files
    t0 = time.perf_counter()
    for i, pc in enumerate(pcs):
        with pc.uow(write=False) as uow:
            rina = uow.session.scalar(select(StaffUser).where(StaffUser.username == "rina"))
            actor = Actor(user_id=rina.id, username="rina", role=Role.COUNTER)
        for k in range(FILES_PER_HOUR):
            register_file(pc, actor, applicant=person(full_name=f"Pemohon {i + 1:02d}-{k + 1:02d}"),
                          when=at("2026-11-16", 9 + k * 60 // max(FILES_PER_HOUR, 1) // 60,
                                  (k * 60 // max(FILES_PER_HOUR, 1)) % 60))
    backlog = [client.pending_count(pc.db) for pc in pcs]
    work_s = time.perf_counter() - t0

    # all reconnect at once
    rounds = 0
    answered = {"pushed": 0, "pulled": 0, "conflicts": 0, "rejected": 0}
    problems: list[str] = []
    round_s: list[float] = []
    cpu0, server_cpu0 = time.process_time(), _cpu_s(server_pid)
    t0 = time.perf_counter()
    while True:
        rounds += 1
        r0 = time.perf_counter()
        results: dict[int, object] = {}

        def run(i: int, pc, results=results) -> None:
            try:
                results[i] = client.sync_now(pc.db, pc.data_dir)
            except Exception as exc:  # noqa: BLE001 - counted and shown, the round goes on
                results[i] = exc

        threads = [threading.Thread(target=run, args=(i, pc)) for i, pc in enumerate(pcs)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        round_s.append(round(time.perf_counter() - r0, 1))
        quiet = True
        for r in results.values():
            if isinstance(r, Exception):
                cause = r.__cause__ or r.__context__
                problems.append(f"round {rounds}: {type(r).__name__} ({type(cause).__name__ if cause else ''}) "
                                f"{str(r)[:120]}")
                quiet = False
                continue
            for key in answered:
                answered[key] += getattr(r, key)
            quiet = quiet and r.pushed == 0 and r.pulled == 0 and r.pending == 0
        if quiet or rounds >= 10:
            break
    converge_s = time.perf_counter() - t0
    clients_cpu, server_cpu = time.process_time() - cpu0, _cpu_s(server_pid) - server_cpu0
    total = FLEET * FILES_PER_HOUR
    held = []
    for pc in pcs:
        with pc.uow(write=False) as uow:
            held.append(uow.session.scalar(select(func.count()).select_from(Application)))
    for pc in [office, *pcs]:
        pc.close()
    converged = all(h == total for h in held) and not problems
    print(f"{FLEET} PCs reconnecting after an hour offline: {sum(backlog)} ops waiting "
          f"(median {statistics.median(backlog)} per PC), converged in {converge_s:.1f} s over {rounds} rounds "
          f"(the last one confirms nothing is left; rounds {round_s} s); every PC holds {min(held)}..{max(held)} of "
          f"{total} files; CPU: the {FLEET} clients {clients_cpu:.1f} s, mpp-central {server_cpu:.1f} s")
    return {"pcs": FLEET, "files_per_pc": FILES_PER_HOUR, "backlog_ops": sum(backlog),
            "backlog_ops_per_pc_median": statistics.median(backlog), "converge_s": round(converge_s, 1),
            "rounds": rounds, "round_s": round_s, "clients_cpu_s": round(clients_cpu, 1),
            "server_cpu_s": round(server_cpu, 1), "pushed": answered["pushed"], "pulled": answered["pulled"],
            "conflicts": answered["conflicts"], "rejected": answered["rejected"], "converged": converged,
            "problems": problems[:3], "setup_join_s": round(joined_s, 1), "hour_of_work_s": round(work_s, 1)}


def apply_compare(url: str, enroll, root: Path) -> dict:
    """The client's apply, same pages, same run: row by row (the former path, kept as the fallback)
    against batched (``apply_page``). The pages are the whole change log after the fleet, pulled once
    by a new device; each is applied to two fresh copies of the PCs' template, alternating which goes
    first. CPU and wall time per page; medians and the ratio."""
    import shutil
    import sqlite3

    import httpx
    from sqlalchemy import func, select

    from mpp_desk.context import AppContext
    from mpp_desk.models import Application
    from mpp_desk.paths import database_path
    from mpp_desk.sync import apply, client

    token = httpx.post(f"{url}/v1/enroll", json={"protocol": 1, "code": enroll("apply-bench", "display")}).json()
    pages = []
    with client.ServerApi(url, token["credential"]) as api:
        since = 0
        while True:
            page = api.pull(since)
            pages.append(page)
            since = page.next_cursor
            if not page.more:
                break
    pcs = {}
    for mode in ("rowwise", "batched"):
        folder = root / f"apply-{mode}"
        shutil.copytree(root / "fleet-template", folder)
        con = sqlite3.connect(database_path(folder))
        con.execute("UPDATE local_state SET value = ? WHERE key = 'device_id'", (str(uuid.uuid4()),))
        con.commit()
        con.close()
        pcs[mode] = AppContext(data_dir=folder)
        pcs[mode].open()
    runs = {"rowwise": apply.apply_page_rowwise, "batched": apply.apply_page}
    cpu = {m: [] for m in runs}
    wall = {m: [] for m in runs}
    for i, page in enumerate(pages):
        for mode in (("rowwise", "batched") if i % 2 == 0 else ("batched", "rowwise")):
            c0, w0 = time.process_time(), time.perf_counter()
            runs[mode](pcs[mode].db, page.changes, page.next_cursor)
            cpu[mode].append(time.process_time() - c0)
            wall[mode].append(time.perf_counter() - w0)
    held = {}
    for mode, ctx in pcs.items():
        with ctx.uow(write=False) as uow:
            held[mode] = uow.session.scalar(select(func.count()).select_from(Application))
        ctx.close()
    changes = sum(len(p.changes) for p in pages)
    out = {"pages": len(pages), "changes": changes, "same_result": held["rowwise"] == held["batched"],
           "files_held": held["batched"]}
    for mode in runs:
        out[mode] = {"cpu_s": round(sum(cpu[mode]), 2), "wall_s": round(sum(wall[mode]), 2),
                     "page_ms_median": round(statistics.median(wall[mode]) * 1000, 1),
                     "changes_per_s": round(changes / sum(wall[mode]))}
    out["speedup_wall"] = round(sum(wall["rowwise"]) / sum(wall["batched"]), 2)
    out["speedup_page_median"] = round(statistics.median(wall["rowwise"]) / statistics.median(wall["batched"]), 2)
    print(f"client apply of {changes} changes in {len(pages)} pages: row by row {out['rowwise']['wall_s']} s "
          f"(page median {out['rowwise']['page_ms_median']} ms), batched {out['batched']['wall_s']} s "
          f"(page median {out['batched']['page_ms_median']} ms): {out['speedup_wall']}x")
    return out


def _seed(folder: Path) -> None:
    from mpp_desk.context import AppContext

    ctx = AppContext(data_dir=folder)
    ctx.open()
    ctx.close()


def main() -> None:
    import httpx
    import psycopg

    started = time.perf_counter()
    os.environ["MPP_CENTRAL_SECRET_KEY"] = SECRET
    name = f"mpp_bench_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    db_url = ADMIN_URL.rsplit("/", 1)[0] + "/" + name
    proc = None
    tmp = tempfile.TemporaryDirectory(prefix="mpp-bench-sync-")
    try:
        central("migrate", "--database", db_url)
        sys.stdin = io.StringIO("Bench-Kantor-2026\n")
        central("setup", "--database", db_url, "--office-name", "MPP Bench", "--admin", "kepala", "--name",
                "Kepala", "--password-stdin")
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        proc = subprocess.Popen([sys.executable, "-m", "mpp_desk.server.cli", "serve", "--database", db_url,
                                 "--port", str(port)], cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
        url = f"http://127.0.0.1:{port}"
        for _ in range(300):
            try:
                if httpx.get(f"{url}/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)

        def enroll(label: str, role: str) -> str:
            return json.loads(central("device", "enroll", "--database", db_url, "--name", label, "--role", role,
                                      "--json"))["code"]

        # 4. (first, on the fresh server) 30 PCs reconnecting after an hour offline
        fleet = fleet_reconnect(url, enroll, Path(tmp.name), proc.pid) if FLEET else None
        applied = apply_compare(url, enroll, Path(tmp.name)) if FLEET else None

        # 1. push ingest
        token = httpx.post(f"{url}/v1/enroll", json={"protocol": 1, "code": enroll("bench-pusher", "admin")}).json()
        http = httpx.Client(base_url=url, timeout=120,
                            headers={"Authorization": f"Bearer {token['credential']}", "X-MPP-Protocol": "1"})
        device = str(uuid.uuid4())
        batch_times = []
        for start in range(0, OPS, BATCH):
            ops = [{"op_id": str(uuid.uuid4()), "tx_id": str(uuid.uuid4()), "device_seq": seq, "entity": "audit_entry",
                    "entity_id": (p := audit_payload(device, seq))["id"], "op": "insert", "base_version": None,
                    "payload": p} for seq in range(start + 1, min(OPS, start + BATCH) + 1)]
            t0 = time.perf_counter()
            answer = http.post("/v1/push", json={"protocol": 1, "ops": ops})
            batch_times.append(time.perf_counter() - t0)
            assert answer.status_code == 200 and all(r["status"] == "accepted" for r in answer.json()["results"])
        ingest = OPS / sum(batch_times)
        # floor: the same rows, bare inserts, one transaction per 500
        floor_times = []
        with psycopg.connect(db_url) as conn:
            conn.execute("CREATE TEMP TABLE bare (id uuid primary key, payload jsonb)")
            for start in range(0, min(OPS, 20_000), BATCH):
                rows = [(uuid.uuid4(), json.dumps(audit_payload(device, seq))) for seq in range(start, start + BATCH)]
                t0 = time.perf_counter()
                with conn.cursor() as cur:
                    cur.executemany("INSERT INTO bare VALUES (%s, %s)", rows)
                conn.commit()
                floor_times.append(time.perf_counter() - t0)
        floor = len(floor_times) * BATCH / sum(floor_times)
        print(f"push ingest: {ingest:.0f} ops/s (batch {BATCH}, {OPS} ops); bare insert floor {floor:.0f} rows/s")

        # 2. a new PC pulls everything
        from mpp_desk.context import AppContext
        from mpp_desk.sync import client

        pc = AppContext(data_dir=Path(tmp.name) / "new-pc")
        pc.open()
        t0 = time.perf_counter()
        joined, result = client.join(pc.db, pc.data_dir, url, enroll("new-pc", "display"))
        pull_s = time.perf_counter() - t0
        print(f"new PC: joined and pulled {result.pulled} changes in {pull_s:.1f} s")

        # 3. write-to-visible lag between two online PCs
        from mpp_desk.models import CalendarOverride
        from mpp_desk.roles import TERMINAL

        writer = AppContext(data_dir=Path(tmp.name) / "writer")
        writer.open()
        client.join(writer.db, writer.data_dir, url, enroll("writer", "admin"))
        lags = []
        import datetime as dt

        for i in range(LAG_RUNS):
            day = dt.date(2030, 1, 1) + dt.timedelta(days=i)
            row_id = uuid.uuid4()
            t0 = time.perf_counter()
            with writer.uow(actor=TERMINAL) as uow:
                uow.session.add(CalendarOverride(id=row_id, day=day, kind="closed", reason="bench"))
                uow.commit()
            client.sync_now(writer.db, writer.data_dir)
            while True:
                client.sync_now(pc.db, pc.data_dir)
                with pc.uow(write=False) as uow:
                    if uow.session.get(CalendarOverride, row_id) is not None:
                        break
            lags.append(time.perf_counter() - t0)
        lag = {"median_s": round(statistics.median(lags), 3),
               "p95_s": round(sorted(lags)[max(0, int(len(lags) * 0.95) - 1)], 3)}
        print(f"write-to-visible lag: median {lag['median_s']} s, p95 {lag['p95_s']} s ({LAG_RUNS} runs)")
        pc.close()
        writer.close()
        goals = {"ingest_ge_2000_ops_s": ingest >= 2000,
                 "fleet_converge_lt_60_s": (fleet["converged"] and fleet["converge_s"] < 60) if fleet else None,
                 "pull_100k_lt_60_s": (pull_s < 60) if result.pulled >= 100_000 else None,
                 "lag_p95_lt_2_s": lag["p95_s"] < 2}
        figures = {
            "bench": "sync", "ops": OPS, "batch": BATCH,
            "ingest_ops_per_s": round(ingest), "bare_insert_floor_rows_per_s": round(floor),
            "ingest_vs_floor": round(ingest / floor, 3),
            "batch_ms_median": round(statistics.median(batch_times) * 1000, 1),
            "pull_changes": result.pulled, "pull_s": round(pull_s, 1),
            "pull_changes_per_s": round(result.pulled / pull_s) if pull_s else None,
            "lag": lag, "fleet": fleet, "client_apply": applied, "goals": goals,
            "machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0],
                        "load_average_1min": round(os.getloadavg()[0], 2)},
            "runtime_s": round(time.perf_counter() - started, 1),
        }
        print(f"goals: {goals}")
        print(json.dumps(figures))
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(10)
        with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        tmp.cleanup()


if __name__ == "__main__":
    main()
