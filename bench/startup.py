"""Time from process start to the first painted main window, against a bare PySide6 window.

Both are started as fresh processes, alternately, several times in the same run; each
prints the wall-clock time of its first paint and quits. Goal: median ratio <= 1.5.
The app runs on a data folder that already holds a migrated, seeded database (the
every-morning case); the first-ever start is measured separately.
Last line of output: one JSON object with the figures.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = int(os.environ.get("BENCH_RUNS", "9"))


def time_to_paint(cmd: list[str], env: dict[str, str]) -> float:
    start = time.time()
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120, cwd=ROOT)
    for line in out.stdout.splitlines():
        if line.startswith("MPP_DESK painted"):
            return float(line.split()[2]) - start
    raise RuntimeError(f"no paint reported by {cmd}: rc={out.returncode} {out.stderr[-2000:]}")


def main() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    env["MPP_DESK_EXIT_AFTER"] = "paint"
    with tempfile.TemporaryDirectory() as tmp:
        env["MPP_DESK_HOME"] = tmp
        app_cmd = [sys.executable, "-m", "mpp_desk"]
        bare_cmd = [sys.executable, str(ROOT / "bench" / "bare_window.py")]
        # First-ever start: creates, migrates and seeds (after the paint, in the background).
        loaded_env = dict(env, MPP_DESK_EXIT_AFTER="loaded")
        t0 = time.time()
        first = subprocess.run(app_cmd, env=loaded_env, capture_output=True, text=True, timeout=120, cwd=ROOT)
        first_start_to_loaded = time.time() - t0
        if first.returncode != 0 or "MPP_DESK loaded" not in first.stdout:
            raise SystemExit(f"first start failed: {first.stdout} {first.stderr[-2000:]}")
        time_to_paint(bare_cmd, env)  # warm the OS file cache for both
        time_to_paint(app_cmd, env)
        app_times, bare_times = [], []
        for _ in range(RUNS):
            bare_times.append(time_to_paint(bare_cmd, env))
            app_times.append(time_to_paint(app_cmd, env))
    app_median = statistics.median(app_times)
    bare_median = statistics.median(bare_times)
    ratio = app_median / bare_median
    print(f"runs: {RUNS} each, alternating, platform {env['QT_QPA_PLATFORM']}")
    print(f"bare PySide6 window: median {bare_median * 1000:.0f} ms  (min {min(bare_times) * 1000:.0f})")
    print(f"MPP Desk main window: median {app_median * 1000:.0f} ms  (min {min(app_times) * 1000:.0f})")
    print(f"ratio (median app / median bare): {ratio:.2f}  (goal <= 1.5)")
    print(f"first-ever start to catalogue loaded (create, migrate, seed): {first_start_to_loaded * 1000:.0f} ms")
    print(
        json.dumps(
            {
                "bench": "startup",
                "runs": RUNS,
                "bare_median_ms": round(bare_median * 1000, 1),
                "app_median_ms": round(app_median * 1000, 1),
                "ratio": round(ratio, 3),
                "goal_ratio": 1.5,
                "first_start_loaded_ms": round(first_start_to_loaded * 1000, 1),
            }
        )
    )


if __name__ == "__main__":
    main()
