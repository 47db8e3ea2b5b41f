"""Architecture rules that keep the code easy to change (docs/architecture.md)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "mpp_desk"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_nothing_outside_ui_imports_pyside6():
    offenders = [
        str(path.relative_to(ROOT))
        for path in PACKAGE.rglob("*.py")
        if "ui" not in path.relative_to(PACKAGE).parts[:1]
        and any(name.split(".")[0] in ("PySide6", "shiboken6") for name in imported_modules(path))
    ]
    assert offenders == []


def test_models_import_no_services():
    for path in (PACKAGE / "models").rglob("*.py"):
        for name in imported_modules(path):
            if name == "mpp_desk" or name == "mpp_desk.officetime":
                continue  # the process clock: a leaf module (stdlib only)
            if name.startswith("mpp_desk.") and not name.startswith("mpp_desk.models"):
                raise AssertionError(f"{path.name} imports {name}")


def test_services_never_import_the_ui():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE).parts
        if rel[0] in ("ui", "app.py"):
            continue
        if any(name.startswith("mpp_desk.ui") for name in imported_modules(path)):
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_importing_every_module_builds_no_engine_and_loads_no_qt():
    """Objects are built in the bootstrap: importing the service layer opens nothing and loads no Qt."""
    modules = [
        ".".join(path.relative_to(ROOT).with_suffix("").parts)
        for path in PACKAGE.rglob("*.py")
        if "ui" not in path.relative_to(PACKAGE).parts[:1] and path.name not in ("__main__.py",)
    ]
    code = (
        "import importlib, sys, sqlalchemy\n"
        "created = []\n"
        "orig = sqlalchemy.create_engine\n"
        "sqlalchemy.create_engine = lambda *a, **k: created.append(a) or orig(*a, **k)\n"
        f"for m in {modules!r}:\n"
        "    importlib.import_module(m.replace('.__init__', ''))\n"
        "assert not created, created\n"
        "assert 'PySide6' not in sys.modules, 'a service module imported Qt'\n"
        "print('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


AREAS = ("queue", "intake", "complaints", "catalog")


def test_printing_imports_no_area_package():
    """The document toolkit draws what the areas hand it; it never reaches back into them."""
    offenders = []
    for path in (PACKAGE / "printing").rglob("*.py"):
        for name in imported_modules(path):
            parts = name.split(".")
            if parts[0] == "mpp_desk" and len(parts) > 1 and parts[1] in AREAS:
                offenders.append(f"{path.name} imports {name}")
    assert offenders == []


def test_importing_the_qr_module_loads_no_database_code_and_no_area():
    code = (
        "import sys\n"
        "import mpp_desk.printing.qr, mpp_desk.printing.slip\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] == 'sqlalchemy'\n"
        f"             or m.split('.')[:2] in [['mpp_desk', a] for a in {AREAS!r} + ('models',)])\n"
        "print(bad)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
