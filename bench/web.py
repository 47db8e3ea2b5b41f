"""The public pages' weight and speed on loopback: a real mpp-central (TLS, subprocess) on the local
PostgreSQL, with one PC's papers synced to it (the same set-up as tests/server/test_public_*.py).

1. Page weight: the bytes of each public page as served (HTML with its inline style; nothing else is
   loaded: no scripts, fonts or images). Goal: < 60 KB each.
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


def measure(site) -> dict:
    import gzip

    pages = {"home": f"{site.url}/", "verify": site.papers["tt"], "file": site.papers["tt"].replace("/v/", "/berkas/"),
             "complaint": site.papers["adu"].replace("/v/", "/pengaduan/"), "form": f"{site.url}/berkas",
             "survey": site.papers["tt"].replace("/v/", "/survei/")}  # the SKM form of a received file (GET: writes nothing)
    figures: dict = {}
    with site.client() as http:
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
    figures["heaviest_bytes"] = max(figures[f"{k}_bytes"] for k in pages)
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


if __name__ == "__main__":
    sys.exit(main())
