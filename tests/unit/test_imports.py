"""Project imports sit at the top of a module, where they show the dependency graph (issue 12).

An import of a project module inside a function is allowed only with a ``# lazy: <reason>`` comment on
its line: a measured start-up path (the first paint of the staff window, kiosk, display board and survey
screen, whose module sets bench/first_paint.py lists; the ``mpp-desk`` command), a heavy optional library
(reportlab, openpyxl, alembic, httpx) or an import cycle. The command modules load each command's modules
inside its function, as ``mpp_desk/cli/__init__.py`` explains once.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "mpp_desk"

# Every `mpp-desk` / `mpp-central` call imports all these modules to build its parser: a command's
# own imports stay inside the command function (the pattern cli/__init__.py and server/cli.py describe).
COMMAND_MODULES = ("cli/", "server/cli.py")

# Not audited yet: at most this many unexplained local imports (none left).
NOT_AUDITED: dict[str, int] = {}


def _is_project(node: ast.Import | ast.ImportFrom) -> bool:
    if isinstance(node, ast.ImportFrom):
        return node.level > 0 or (node.module or "").split(".")[0] == "mpp_desk"
    return any(alias.name.split(".")[0] == "mpp_desk" for alias in node.names)


def local_project_imports(source: str) -> list[ast.Import | ast.ImportFrom]:
    """The imports of project modules inside a function (each once, nested functions included)."""
    found: list[ast.Import | ast.ImportFrom] = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if in_function and isinstance(child, (ast.Import, ast.ImportFrom)) and _is_project(child):
                found.append(child)
            visit(child, in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)))

    visit(ast.parse(source), False)
    return found


def unexplained(source: str) -> list[int]:
    """Line numbers of local project imports without a ``# lazy:`` reason on their first or last line."""
    lines = source.splitlines()
    return [
        node.lineno
        for node in local_project_imports(source)
        if "# lazy:" not in lines[node.lineno - 1] and "# lazy:" not in lines[(node.end_lineno or node.lineno) - 1]
    ]


def test_every_local_project_import_says_why():
    offenders, over = [], []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel.startswith(COMMAND_MODULES):
            continue
        lines = unexplained(path.read_text(encoding="utf-8"))
        if rel in NOT_AUDITED:
            if len(lines) > NOT_AUDITED[rel]:
                over.append(f"mpp_desk/{rel}: {len(lines)} > {NOT_AUDITED[rel]}")
            continue
        offenders += [f"mpp_desk/{rel}:{n}" for n in lines]
    assert offenders == [], "move these imports to the top of the module, or add '# lazy: <reason>':\n" + "\n".join(
        offenders)
    assert over == [], "more function-local imports than allowed:\n" + "\n".join(over)


def test_the_allow_list_is_not_stale():
    for rel in NOT_AUDITED:
        assert (PACKAGE / rel).exists(), rel
    for prefix in COMMAND_MODULES:
        assert (PACKAGE / prefix).exists(), prefix


def test_the_check_sees_a_local_import_and_its_reason():
    source = (
        "import os\n"
        "from mpp_desk import officetime\n"
        "def f():\n"
        "    from mpp_desk import settings\n"
        "    from mpp_desk.printing.pdf import render  # lazy: reportlab only when printing\n"
        "    import json\n"
        "    def g():\n"
        "        from . import sibling\n"
        "    return settings\n"
    )
    assert unexplained(source) == [4, 8]
