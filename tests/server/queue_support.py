"""The live queue's test support: a restartable mpp-central on an office clock, configuration records, devices.

Also the client process of the queue tests (``python -m tests.server.queue_support ...``): a counter or a
kiosk in its own process, talking to the server through :class:`mpp_desk.queue.remote.RemoteQueue`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx

ROOT = Path(__file__).resolve().parents[2]
CLOCKHOOK = ROOT / "tests" / "clockhook"
WIB = ZoneInfo("Asia/Jakarta")
TUESDAY_10 = dt.datetime(2026, 11, 24, 10, 0, tzinfo=WIB)  # a working day, inside opening hours
SECRET = "test-secret-" + "0123456789abcdef" * 3


def record(entity: str, **values) -> tuple[str, dict]:
    """A configuration record as an administrator's PC pushes it (bookkeeping columns included)."""
    now = "2026-11-01T00:00:00+00:00"
    payload = {"id": str(values.pop("id", uuid.uuid4())), "created_at": now, "updated_at": now, "version": 1,
               "device_id": "", "deleted_at": None, **values}
    return entity, payload


def queue_config(groups: list[tuple[str, str, int | None]], counters: list[tuple[int, list[str]]],
                 *, open_time: str = "08:00:00", close_time: str = "15:00:00") -> list[tuple[str, dict]]:
    """Records for groups (code, name, daily limit) and counters (number, group codes)."""
    rows = []
    ids = {}
    for position, (code, name, limit) in enumerate(groups):
        entity, payload = record("queue_group", code=code, name=name, open_time=open_time, close_time=close_time,
                                 daily_limit=limit, active=True, position=position)
        ids[code] = payload["id"]
        rows.append((entity, payload))
    for number, codes in counters:
        entity, payload = record("queue_counter", number=number, name=f"Loket {number}", active=True)
        rows.append((entity, payload))
        for code in codes:
            rows.append(record("queue_counter_group", counter_id=payload["id"], group_id=ids[code]))
    return rows


def seed_records(pg_url: str, rows: list[tuple[str, dict]]) -> None:
    """Store records as the server's push would (change log and current state)."""
    import psycopg
    from psycopg.types.json import Jsonb

    with psycopg.connect(pg_url) as conn:
        for entity, payload in rows:
            seq = conn.execute(
                "INSERT INTO change_log (entity, entity_id, version, op, payload) VALUES (%s, %s, 1, 'insert', %s) "
                "RETURNING seq", (entity, payload["id"], Jsonb(payload))).fetchone()[0]
            conn.execute("INSERT INTO records (entity, entity_id, version, payload, seq) VALUES (%s, %s, 1, %s, %s)",
                         (entity, payload["id"], Jsonb(payload), seq))


class CentralProcess:
    """`mpp-central serve` on a fixed port with its clock starting at *moment*; can be killed and started again."""

    def __init__(self, pg_url: str, port: int, moment: dt.datetime, *, config_check_s: float = 0.0,
                 env: dict[str, str] | None = None, workers: int = 1) -> None:
        self.pg_url, self.port, self.moment, self.env, self.workers = pg_url, port, moment, env or {}, workers
        self.url = f"http://127.0.0.1:{port}"
        self.config_check_s = config_check_s
        self.proc: subprocess.Popen | None = None
        self._epoch = time.time()

    def start(self) -> CentralProcess:
        env = {**os.environ, "PYTHONPATH": f"{CLOCKHOOK}{os.pathsep}{ROOT}", "MPP_CENTRAL_SECRET_KEY": SECRET,
               "MPP_TEST_CLOCK": f"{self.moment.isoformat()}@{self._epoch}",
               "MPP_CENTRAL_QUEUE_CONFIG_CHECK_S": str(self.config_check_s), **self.env}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "mpp_desk.server.cli", "serve", "--database", self.pg_url, "--port", str(self.port),
             "--workers", str(self.workers)],
            env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{self.url}/health", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.proc.kill()
                raise AssertionError(f"mpp-central did not start: {self.proc.stderr.read().decode()}")
            time.sleep(0.1)

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)


def credential(url: str, code: str) -> str:
    response = httpx.post(f"{url}/v1/enroll", json={"protocol": 1, "code": code, "local_device_id": ""}, timeout=10)
    assert response.status_code == 200, response.text
    return response.json()["credential"]


# --- client processes --------------------------------------------------------------------------------


def _counter(args) -> dict:
    """Each counter of *counters* on its own thread: call-next and finish until nobody waits *idle* times in a row."""
    import threading

    from mpp_desk.queue.errors import QueueOffline
    from mpp_desk.queue.remote import RemoteQueue

    called: list[str] = []
    offline = [0]

    def work(number: int) -> None:
        idle = 0
        with RemoteQueue(args.url, args.credential, attempts=args.attempts, retry_pause=0.2, timeout=5) as queue:
            while idle < args.idle:
                try:
                    ticket = queue.call_next(counter_number=number)
                    if ticket is None:
                        idle += 1
                        time.sleep(0.05)
                        continue
                    idle = 0
                    called.append(str(ticket.id))
                    queue.start_service(ticket_id=ticket.id, counter_number=number)
                    queue.finish(ticket_id=ticket.id, counter_number=number)
                except QueueOffline:
                    offline[0] += 1
                    time.sleep(0.2)
                    if offline[0] > 200:
                        return

    threads = [threading.Thread(target=work, args=(int(n),)) for n in args.counters.split(",")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {"called": called, "offline": offline[0]}


def _kiosk(args) -> dict:
    from mpp_desk.queue.errors import QueueOffline
    from mpp_desk.queue.remote import RemoteQueue

    issued, offline = [], 0
    with RemoteQueue(args.url, args.credential, attempts=args.attempts, retry_pause=0.2, timeout=5) as queue:
        while len(issued) < args.count:
            try:
                issued.append(queue.issue(group_code=args.group).ticket.code)
            except QueueOffline:
                offline += 1
                time.sleep(0.2)
                if offline > 200:
                    break
    return {"issued": issued, "offline": offline}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("role", choices=("counter", "kiosk"))
    parser.add_argument("--url", required=True)
    parser.add_argument("--credential", required=True)
    parser.add_argument("--counters", default="1")
    parser.add_argument("--idle", type=int, default=3)
    parser.add_argument("--group", default="A")
    parser.add_argument("--count", type=int, default=10)
    parser.add_argument("--attempts", type=int, default=3)
    parser.add_argument("--out", required=True)
    args = parser.parse_args(argv)
    result = _counter(args) if args.role == "counter" else _kiosk(args)
    Path(args.out).write_text(json.dumps(result), encoding="utf-8")
    return 0


def client(role: str, url: str, cred: str, out: Path, **options) -> subprocess.Popen:
    """Start a client process (counter or kiosk); its result lands in *out* as JSON."""
    # "--name=value": a credential may start with "-" (URL-safe base64)
    argv = [sys.executable, "-m", "tests.server.queue_support", role, f"--url={url}", f"--credential={cred}", f"--out={out}"]
    argv += [f"--{key}={value}" for key, value in options.items()]
    return subprocess.Popen(argv, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})


if __name__ == "__main__":
    sys.exit(main())
