"""Screens small enough to hold in one's head: no module under mpp_desk/ui over MODULE_LINES lines, no function
or method over FUNCTION_LINES lines (measured on the syntax tree, docstring and all).

The few that were not split yet are listed with their size today: they may shrink, not grow, and an entry
that no longer needs to be here must be removed.
"""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "mpp_desk" / "ui"
MODULE_LINES = 500
FUNCTION_LINES = 60

# Not split yet: none today (a module or method that must grow past the limit is listed here with its size).
ALLOWED_MODULES: dict[str, int] = {
}
ALLOWED_FUNCTIONS: dict[str, int] = {
}


def _sizes() -> tuple[dict[str, int], dict[str, int]]:
    modules: dict[str, int] = {}
    functions: dict[str, int] = {}
    for path in sorted(UI.rglob("*.py")):
        name = path.relative_to(UI).as_posix()
        source = path.read_text(encoding="utf-8")
        modules[name] = len(source.splitlines())

        def visit(node, scope: list[str]) -> None:
            for child in ast.iter_child_nodes(node):
                if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                    if not isinstance(child, ast.ClassDef):
                        functions[f"{name}:{'.'.join([*scope, child.name])}"] = child.end_lineno - child.lineno + 1
                    visit(child, [*scope, child.name])

        visit(ast.parse(source), [])
    return modules, functions


def test_no_ui_module_or_method_is_too_long():
    modules, functions = _sizes()
    too_long = [f"{name}: {lines} lines (at most {ALLOWED_MODULES.get(name, MODULE_LINES)})"
                for name, lines in modules.items() if lines > ALLOWED_MODULES.get(name, MODULE_LINES)]
    too_long += [f"{name}: {lines} lines (at most {ALLOWED_FUNCTIONS.get(name, FUNCTION_LINES)})"
                 for name, lines in functions.items() if lines > ALLOWED_FUNCTIONS.get(name, FUNCTION_LINES)]
    assert not too_long, "split these (a module per page or panel, a method per part):\n" + "\n".join(too_long)


def test_the_allow_lists_hold_only_what_is_still_too_long():
    modules, functions = _sizes()
    stale = [name for name in ALLOWED_MODULES if modules.get(name, 0) <= MODULE_LINES]
    stale += [name for name in ALLOWED_FUNCTIONS if functions.get(name, 0) <= FUNCTION_LINES]
    assert not stale, f"no longer too long (or gone): remove from the allow-list: {stale}"
