"""Translation upkeep: find every user-visible string, keep the .ts catalogues complete, build the .qm.

    python tools/i18n.py check     # list strings without an Indonesian translation (exit 1 if any)
    python tools/i18n.py update    # add new UI strings to resources/i18n/ui_id.ts (as unfinished)
    python tools/i18n.py fill < rows.tsv   # set UI translations: context<TAB>source<TAB>translation
    python tools/i18n.py carry QueuePanel [REF]   # after moving strings to other classes: give the
                                   # unfinished ones the translation the same text had in that
                                   # context (as ui_id.ts was at git REF, default HEAD)
    python tools/i18n.py compile   # build resources/i18n/mpp_desk_id.qm from every *_id.ts

Strings are found from the source's syntax tree, which also sees calls inside f-strings
that pyside6-lupdate misses: ``self.tr("...")`` (context: the class), ``tr`` with a
count (plural), ``QCoreApplication.translate("ctx", "...")`` and the ``N_`` /
``QT_TRANSLATE_NOOP`` markers of the service layer.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "mpp_desk"
I18N = ROOT / "resources" / "i18n"
UI_TS = I18N / "ui_id.ts"
QM = I18N / "mpp_desk_id.qm"
LANG = "id"


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    plural: bool
    where: str


class _Finder(ast.NodeVisitor):
    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.classes: list[str] = []
        self.found: list[Message] = []

    def visit_ClassDef(self, node: ast.ClassDef) -> None:  # noqa: N802
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:  # noqa: N802
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", None)
        strings = [a.value if isinstance(a, ast.Constant) and isinstance(a.value, str) else None for a in node.args]
        where = f"{self.filename}:{node.lineno}"
        if name == "tr" and strings and strings[0] is not None and self.classes:
            self.found.append(Message(self.classes[-1], strings[0], len(node.args) >= 3, where))
        elif name in ("translate", "N_", "QT_TRANSLATE_NOOP") and len(strings) >= 2 and None not in strings[:2]:
            self.found.append(Message(strings[0], strings[1], len(node.args) >= 4, where))
        self.generic_visit(node)


def find_messages(package: Path = PACKAGE) -> list[Message]:
    """Every translatable string in the package, in file order."""
    found: list[Message] = []
    for path in sorted(package.rglob("*.py")):
        finder = _Finder(str(path.relative_to(ROOT)))
        finder.visit(ast.parse(path.read_text(encoding="utf-8"), str(path)))
        found.extend(finder.found)
    return found


def read_catalogues(language: str = LANG) -> dict[tuple[str, str], list[str]]:
    """(context, source) -> translation forms, from every *_<lang>.ts file; unfinished ones excluded."""
    table: dict[tuple[str, str], list[str]] = {}
    for path in sorted(I18N.glob(f"*_{language}.ts")):
        for ctx in ET.parse(path).getroot().iter("context"):
            name = ctx.findtext("name") or ""
            for msg in ctx.iter("message"):
                tr = msg.find("translation")
                if tr is None or tr.get("type") in ("unfinished", "obsolete", "vanished"):
                    continue
                forms = [f.text or "" for f in tr.findall("numerusform")] or [tr.text or ""]
                if all(forms):
                    table[(name, msg.findtext("source") or "")] = forms
    return table


def missing(language: str = LANG) -> list[Message]:
    have = read_catalogues(language)
    seen: set[tuple[str, str]] = set()
    out = []
    for m in find_messages():
        key = (m.context, m.source)
        if key not in have and key not in seen:
            seen.add(key)
            out.append(m)
    return out


def update_ui_catalogue() -> int:
    """Add UI strings (those under mpp_desk/ui) missing from every catalogue to ui_id.ts as unfinished,
    and drop the ones the code no longer has."""
    have = read_catalogues()
    tree = ET.parse(UI_TS) if UI_TS.exists() else ET.ElementTree(ET.Element("TS", version="2.1", language="id_ID", sourcelanguage="en"))
    root = tree.getroot()
    present = {
        (c.findtext("name"), m.findtext("source")) for c in root.iter("context") for m in c.iter("message")
    }
    used = {(m.context, m.source) for m in find_messages()}
    for ctx in list(root.iter("context")):
        for msg in list(ctx.iter("message")):
            if (ctx.findtext("name"), msg.findtext("source")) not in used:
                ctx.remove(msg)  # the string is gone from the code
        if not ctx.findall("message"):
            root.remove(ctx)
    present = {
        (c.findtext("name"), m.findtext("source")) for c in root.iter("context") for m in c.iter("message")
    }
    added = 0
    for m in find_messages(PACKAGE / "ui"):
        key = (m.context, m.source)
        if key in have or key in present:
            continue
        ctx = next((c for c in root.iter("context") if c.findtext("name") == m.context), None)
        if ctx is None:
            ctx = ET.SubElement(root, "context")
            ET.SubElement(ctx, "name").text = m.context
        msg = ET.SubElement(ctx, "message", numerus="yes") if m.plural else ET.SubElement(ctx, "message")
        ET.SubElement(msg, "source").text = m.source
        tr = ET.SubElement(msg, "translation", type="unfinished")
        if m.plural:
            ET.SubElement(tr, "numerusform")
        present.add(key)
        added += 1
    ET.indent(tree, space="    ")
    UI_TS.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + ET.tostring(root, encoding="unicode") + "\n", encoding="utf-8")
    return added


def fill_ui_catalogue(rows: list[tuple[str, str, str]]) -> int:
    """Set translations in ui_id.ts from (context, source, translation) rows; returns how many were set."""
    tree = ET.parse(UI_TS)
    done = 0
    for ctx in tree.getroot().iter("context"):
        name = ctx.findtext("name")
        for msg in ctx.iter("message"):
            for context, source, text in rows:
                if context == name and source == msg.findtext("source"):
                    tr = msg.find("translation")
                    tr.attrib.pop("type", None)
                    forms = tr.findall("numerusform")
                    if forms:
                        forms[0].text = text
                    else:
                        tr.text = text
                    done += 1
    ET.indent(tree, space="    ")
    UI_TS.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + ET.tostring(tree.getroot(), encoding="unicode") + "\n", encoding="utf-8")
    return done


def carry_translations(old_context: str, ref: str = "HEAD") -> int:
    """Give unfinished messages of ui_id.ts the translation their source text had under *old_context*
    in the catalogue as committed at *ref* (strings moved to another class change context)."""
    committed = subprocess.run(["git", "show", f"{ref}:{UI_TS.relative_to(ROOT).as_posix()}"], cwd=ROOT,
                               check=True, capture_output=True, text=True).stdout
    known = {}
    for ctx in ET.fromstring(committed).iter("context"):
        if ctx.findtext("name") == old_context:
            for msg in ctx.iter("message"):
                tr = msg.find("translation")
                if tr is not None and tr.get("type") != "unfinished":
                    known[msg.findtext("source")] = tr
    tree = ET.parse(UI_TS)
    done = 0
    for msg in tree.getroot().iter("message"):
        tr = msg.find("translation")
        old = known.get(msg.findtext("source"))
        if tr is None or tr.get("type") != "unfinished" or old is None:
            continue
        msg.remove(tr)
        msg.append(old)
        done += 1
    ET.indent(tree, space="    ")
    UI_TS.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + ET.tostring(tree.getroot(), encoding="unicode") + "\n", encoding="utf-8")
    return done


def lrelease() -> str:
    exe = shutil.which("pyside6-lrelease") or str(Path(sys.executable).parent / "pyside6-lrelease")
    return exe


def compile_qm(target: Path = QM) -> Path:
    sources = sorted(str(p) for p in I18N.glob(f"*_{LANG}.ts"))
    subprocess.run([lrelease(), "-silent", *sources, "-qm", str(target)], check=True)
    return target


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "check"
    if command == "check":
        gaps = missing()
        for m in gaps:
            print(f"{m.where}: [{m.context}] {m.source!r}")
        print(f"{len(gaps)} string(s) without translation")
        return 1 if gaps else 0
    if command == "update":
        print(f"{update_ui_catalogue()} string(s) added to {UI_TS.relative_to(ROOT)}")
        return 0
    if command == "fill":  # TSV on stdin: context<TAB>source<TAB>translation
        rows = [tuple(line.rstrip("\n").split("\t")) for line in sys.stdin if line.strip()]
        print(f"{fill_ui_catalogue(rows)} translation(s) set")
        return 0
    if command == "carry" and len(argv) > 2:
        print(f"{carry_translations(argv[2], *argv[3:4])} translation(s) carried from {argv[2]}")
        return 0
    if command == "compile":
        print(f"built {compile_qm().relative_to(ROOT)}")
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
