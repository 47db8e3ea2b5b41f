"""The public pages' weight and speed on loopback: a real mpp-central (TLS, subprocess) on the local
PostgreSQL, with one PC's papers synced to it (the same set-up as tests/server/test_public_*.py).

1. Page weight: the bytes of each public page as served (HTML with its inline style; nothing else is
   loaded: no fonts or images; only the queue place page loads one script of the server's own, counted
   apart as ``queue_script_bytes``). Goal: < 60 KB each.
2. Server time: median and p95 of BENCH_WEB_RUNS requests per page (httpx, one connection kept);
   same-run floor: the JSON ``/health`` of the same server.
3. First render: Debian's chromium (Playwright, never a downloaded browser) opening each page fresh:
   first-contentful-paint from the browser's own timing. Goal: < 1 s. Same-run floor: the ``/health``
   document in the same browser. Skipped (null) when /usr/bin/chromium is missing.

Needs PostgreSQL at $MPP_TEST_POSTGRES (default postgresql://postgres@127.0.0.1:5432/postgres).
The last line of output is one JSON object with the figures.
"""

from __future__ import annotations

import io
import json
import os
import statistics
import sys
import tempfile
import time
import uuid
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# bench/queue.py would shadow the standard library's queue (psycopg needs it)
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(ROOT))

ADMIN_URL = os.environ.get("MPP_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/postgres")
RUNS = int(os.environ.get("BENCH_WEB_RUNS", "50"))
CHROMIUM = Path(os.environ.get("MPP_TEST_CHROMIUM", "/usr/bin/chromium"))
GOAL_BYTES, GOAL_RENDER_MS = 60_000, 1000


def main() -> int:
    import psycopg

    from mpp_desk import officetime
    from mpp_desk.context import AppContext
    from tests.server import conftest
    from tests.server import public_support as support

    name = f"mpp_bench_web_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    db = f"{ADMIN_URL.rsplit('/', 1)[0]}/{name}"
    os.environ["MPP_CENTRAL_SECRET_KEY"] = conftest.SECRET
    site = None
    try:
        with tempfile.TemporaryDirectory() as tmp, redirect_stdout(io.StringIO()), redirect_stderr(io.StringIO()):
            tmp_path = Path(tmp)
            assert conftest.central("migrate", "--database", db)[0] == 0
            sys.stdin = io.StringIO("Kepala-Kantor-2026\n")
            assert conftest.central("setup", "--database", db, "--office-name", "MPP Bench", "--admin", "kepala",
                                    "--name", "Kepala", "--password-stdin")[0] == 0
            officetime.install(officetime.FixedClock(support.at("2026-04-27", 9, 30), running=True))
            # the per-address limit would answer most of these requests with 429: lifted for the measurement
            url, ca, proc = support.start_server(db, tmp_path, {"MPP_CENTRAL_PUBLIC_PAGES_PER_MINUTE": "1000000"})
            (tmp_path / "pc").mkdir()
            pc = AppContext(data_dir=tmp_path / "pc")
            pc.open()
            site = support.Site(url, ca, proc, pc)
            support.make_papers(site)
            officetime.install(officetime.FixedClock(support.SERVER_NOW, running=True))
            support.sync_and_register_key(site, db, tmp_path)
            site.papers["queue"] = queue_ticket(site, db)
            figures = measure(site)
            pc.close()
    finally:
        if site is not None:
            site.stop()
        with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    for key, value in figures.items():
        print(f"{key:>32}: {value}")
    print(json.dumps(figures))
    return 0 if figures["heaviest_bytes"] < GOAL_BYTES and (figures["slowest_first_paint_ms"] or 0) < GOAL_RENDER_MS else 1


def queue_ticket(site, db: str) -> str:
    """The live queue's fourth ticket of group W (counters 41, 42; the PC's synced groups and counters are there
    too): one called at counter 41, two ahead. Its QR's address."""
    from mpp_desk.sync.schemas import PROTOCOL, PROTOCOL_HEADER
    from tests.server import conftest
    from tests.server.queue_support import queue_config, seed_records

    seed_records(db, queue_config([("W", "Perizinan", None)], [(41, ["W"]), (42, ["W"])]))
    with site.client() as http:
        creds = {}
        for name, role in (("kiosk", "kiosk"), ("loket-9", "counter")):
            answer = http.post(f"{site.url}/v1/enroll", json={"protocol": PROTOCOL, "local_device_id": "",
                                                                "code": conftest.enroll(db, name, role)})
            creds[name] = {"Authorization": f"Bearer {answer.json()['credential']}", PROTOCOL_HEADER: str(PROTOCOL)}
        tickets = [http.post(f"{site.url}/v1/queue/issue", json={"group_code": "W"}, headers=creds["kiosk"]).json()
                   for _ in range(4)]
        assert http.post(f"{site.url}/v1/queue/counters/41/call-next", headers=creds["loket-9"]).status_code == 200
    site.counter_headers = creds["loket-9"]  # pyright: ignore[reportAttributeAccessIssue] - the bench's own note
    return f"{site.url}/v/{tickets[-1]['ticket']['reference']}"


def measure(site) -> dict:
    import gzip

    pages = {"home": f"{site.url}/", "verify": site.papers["tt"], "file": site.papers["tt"].replace("/v/", "/berkas/"),
             "complaint": site.papers["adu"].replace("/v/", "/pengaduan/"), "form": f"{site.url}/berkas",
             "queue": site.papers["queue"],
             "survey": site.papers["tt"].replace("/v/", "/survei/")}  # the SKM form of a received file (GET: writes nothing)
    figures: dict = {}
    with site.client() as http:
        script = http.get(f"{site.url}/static/antrian.js").content
        figures["queue_script_bytes"], figures["queue_script_gzip_bytes"] = len(script), len(gzip.compress(script))
        for label, url in {**pages, "health": f"{site.url}/health"}.items():
            times = []
            for _ in range(RUNS):
                start = time.perf_counter()
                answer = http.get(url)
                times.append((time.perf_counter() - start) * 1000)
                assert answer.status_code == 200, (label, answer.status_code)
                body = answer.content
            if label != "health":
                figures[f"{label}_bytes"] = len(body)
                figures[f"{label}_gzip_bytes"] = len(gzip.compress(body))
            figures[f"{label}_server_median_ms"] = round(statistics.median(times), 2)
            figures[f"{label}_server_p95_ms"] = round(statistics.quantiles(times, n=20)[-1], 2)
    paints = first_paints({**pages, "health": f"{site.url}/health"})
    for label, ms in paints.items():
        figures[f"{label}_first_paint_ms"] = ms
    figures["queue_live_update_ms"] = live_updates(site)
    figures["heaviest_bytes"] = max(figures[f"{k}_bytes"] + (figures["queue_script_bytes"] if k == "queue" else 0)
                                    for k in pages)
    figures["slowest_first_paint_ms"] = max((paints[k] for k in pages if paints.get(k) is not None), default=None)
    figures["goal_bytes"], figures["goal_first_paint_ms"] = GOAL_BYTES, GOAL_RENDER_MS
    return figures


def first_paints(pages: dict[str, str]) -> dict[str, float | None]:
    if not CHROMIUM.exists():
        return {k: None for k in pages}
    from playwright.sync_api import sync_playwright

    out: dict[str, float | None] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        try:
            for label, url in pages.items():
                samples = []
                for _ in range(5):
                    context = browser.new_context(ignore_https_errors=True, viewport={"width": 360, "height": 740})
                    page = context.new_page()
                    assert page.goto(url, wait_until="load").status == 200, label
                    paint = page.evaluate("() => new Promise(done => new PerformanceObserver((list, obs) => {"
                                          " const e = list.getEntriesByName('first-contentful-paint')[0];"
                                          " if (e) { obs.disconnect(); done(e.startTime); } })"
                                          ".observe({type: 'paint', buffered: true}))")
                    samples.append(paint)
                    context.close()
                out[label] = round(statistics.median(samples), 1)
        finally:
            browser.close()
    return out


def live_updates(site) -> list[float] | None:
    """A counter calls: ms from the call's request to the place page's "ahead" changing in the browser (twice)."""
    if not CHROMIUM.exists():
        return None
    from playwright.sync_api import sync_playwright

    out = []
    with sync_playwright() as p, site.client() as http:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        try:
            page = browser.new_context(ignore_https_errors=True, viewport={"width": 360, "height": 740}).new_page()
            page.goto(site.papers["queue"], wait_until="load")
            page.wait_for_function("() => document.getElementById('live').textContent.includes(':')")  # streaming
            for counter in (42, 41):
                if counter == 41:  # counter 41 finishes its first ticket before calling again
                    first = http.get(f"{site.url}/v1/queue/counters/41", headers=site.counter_headers).json()["current"]
                    for action in ("start", "finish"):
                        http.post(f"{site.url}/v1/queue/tickets/{first['id']}/{action}", json={"counter_number": 41},
                                  headers=site.counter_headers)
                before = page.locator("#ahead").inner_text()
                start = time.perf_counter()
                called = http.post(f"{site.url}/v1/queue/counters/{counter}/call-next", headers=site.counter_headers)
                assert called.status_code == 200 and called.json()["ticket"], called.text
                page.wait_for_function(f"() => document.getElementById('ahead').textContent !== {json.dumps(before)}",
                                       timeout=10_000)
                out.append(round((time.perf_counter() - start) * 1000, 1))
        finally:
            browser.close()
    return out


if __name__ == "__main__":
    sys.exit(main())
