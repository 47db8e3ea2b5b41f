"""The modules loaded when each window first paints: the staff window, the kiosk, the display board and
the survey screen, each a fresh process on a data folder that already holds a migrated, seeded database.

What a function-local import with ``# lazy: kept out of the first paint of ...`` keeps out
(tests/unit/test_imports.py): moving such an import to the top of its module shows here as more modules.
Prints each window's count of modules (all, mpp_desk's) and whether SQLAlchemy is loaded; with
``--list``, mpp_desk's modules too. Last line of output: one JSON object with the figures.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WINDOWS = {"staff": [], "kiosk": ["--kiosk"], "display": ["--display"], "survey": ["--survey"]}
HEAVY = ("sqlalchemy", "alembic", "reportlab", "openpyxl", "httpx", "psycopg", "fastapi")

# Run in the child: report sys.modules at the moment the app reports its first paint, then go on as usual.
CHILD = r"""
import json, sys
import mpp_desk.ui.application as application

real = application._report_and_quit


def report(app, what, **kwargs):
    if what == "painted":
        print("MODULES " + json.dumps(sorted(sys.modules)), flush=True)
    return real(app, what, **kwargs)


application._report_and_quit = report
from mpp_desk.cli import main

sys.argv = ["mpp-desk", *sys.argv[1:]]
raise SystemExit(main())
"""


def modules_at_first_paint(args: list[str], env: dict[str, str]) -> list[str]:
    out = subprocess.run([sys.executable, "-c", CHILD, *args], env=env, capture_output=True, text=True, timeout=120,
                         cwd=ROOT)
    for line in out.stdout.splitlines():
        if line.startswith("MODULES "):
            return json.loads(line.removeprefix("MODULES "))
    raise SystemExit(f"no paint reported by {args}: rc={out.returncode} {out.stderr[-2000:]}")


def main() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    figures = {}
    with tempfile.TemporaryDirectory() as tmp:
        env["MPP_DESK_HOME"] = tmp
        first = subprocess.run([sys.executable, "-m", "mpp_desk"], env=dict(env, MPP_DESK_EXIT_AFTER="loaded"),
                               capture_output=True, text=True, timeout=120, cwd=ROOT)
        if "MPP_DESK loaded" not in first.stdout:
            raise SystemExit(f"first start failed: {first.stdout} {first.stderr[-2000:]}")
        env["MPP_DESK_EXIT_AFTER"] = "paint"
        for window, args in WINDOWS.items():
            modules = modules_at_first_paint(args, env)
            own = [m for m in modules if m == "mpp_desk" or m.startswith("mpp_desk.")]
            heavy = sorted({m.split(".")[0] for m in modules} & set(HEAVY))
            figures[window] = {"modules": len(modules), "mpp_desk": len(own), "heavy": heavy}
            print(f"{window:8} {len(modules):4} modules, {len(own):3} of mpp_desk; heavy: {', '.join(heavy) or 'none'}")
            if "--list" in sys.argv:
                print("         " + " ".join(own))
    print(json.dumps({"bench": "first_paint", **figures}))


if __name__ == "__main__":
    main()
