"""Catalogue files: the annex text, and the YAML/JSON export an administrator can correct and import back."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

import yaml

from mpp_desk.catalog.entry import StandardEntry
from mpp_desk.catalog.errors import CatalogError, CatalogFormatError
from mpp_desk.catalog.parser import parse_located
from mpp_desk.i18n import N_

TEXT, YAML, JSON = "text", "yaml", "json"
_SUFFIXES = {".txt": TEXT, ".yaml": YAML, ".yml": YAML, ".json": JSON}


def detect_format(path: Path, text: str) -> str:
    """TEXT, YAML or JSON: by the file's extension, else by how its content starts."""
    known = _SUFFIXES.get(path.suffix.casefold())
    if known:
        return known
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped[:1] in ("[", "{"):
        return JSON
    first_line = stripped.split("\n", 1)[0]
    if first_line.startswith(("- ", "---", "%YAML")) or first_line == "-":
        return YAML
    return TEXT


def read_text(path: Path) -> str:
    """The file's text (UTF-8, with or without BOM); CatalogFormatError names the line of a bad byte."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise CatalogError(
            N_("errors", "Cannot read {path}: {reason}"), path=str(path), reason=exc.strerror or str(exc)
        ) from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise CatalogFormatError(
            N_("errors", "Line {line}: the file is not UTF-8 text."), source=str(path), line=line
        ) from exc


def parse_structured(text: str, fmt: str, *, source: str | None = None) -> list[StandardEntry]:
    """The entries of an exported YAML or JSON document, each validated."""
    try:
        data = _load_document(text, fmt)
        if not isinstance(data, list):
            raise CatalogFormatError(
                N_("errors", "The file must contain a list of services (as written by “catalog export”).")
            )
        entries = [StandardEntry.from_dict(item, index=i) for i, item in enumerate(data, start=1)]
        seen: dict[int, int] = {}
        for i, entry in enumerate(entries, start=1):
            if entry.annex_number in seen:
                raise CatalogFormatError(
                    N_("errors", "Entry {index}: annex number {annex} is already used by entry {first}."),
                    index=i,
                    annex=entry.annex_number,
                    first=seen[entry.annex_number],
                )
            seen[entry.annex_number] = i
    except CatalogFormatError as exc:
        raise exc.with_source(source) if source else exc
    return entries


def _load_document(text: str, fmt: str) -> object:
    if fmt == JSON:
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise CatalogFormatError(
                N_("errors", "Line {line}: the file is not valid JSON: {reason}"), line=exc.lineno, reason=exc.msg
            ) from exc
        except (ValueError, RecursionError) as exc:  # an integer too long to convert, absurd nesting
            raise CatalogFormatError(
                N_("errors", "Line {line}: the file is not valid JSON: {reason}"), line=1, reason=str(exc)[:200]
            ) from exc
    try:
        return yaml.load(text, Loader=_SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise CatalogFormatError(
            N_("errors", "Line {line}: the file is not valid YAML: {reason}"),
            line=(mark.line + 1) if mark else 1,
            reason=exc.problem or exc.context or "?",
        ) from exc
    except (yaml.YAMLError, ValueError, RecursionError) as exc:
        raise CatalogFormatError(
            N_("errors", "Line {line}: the file is not valid YAML: {reason}"), line=1, reason=str(exc)[:200]
        ) from exc


class _SafeLoader(yaml.SafeLoader):
    """Safe YAML whose dates stay text (an export never writes a date; a title may look like one)."""


_SafeLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_file(path: Path) -> list[StandardEntry]:
    """Every entry of one catalogue file, annex text or export, validated."""
    path = Path(path)
    text = read_text(path)
    fmt = detect_format(path, text)
    if fmt == TEXT:
        return [entry for entry, _line in parse_located(text, source=str(path))]
    return parse_structured(text, fmt, source=str(path))


def load_files(paths: Iterable[Path]) -> list[StandardEntry]:
    """Every entry of several files, all validated before anything is returned; an annex number only once."""
    entries: list[StandardEntry] = []
    where: dict[int, str] = {}
    for path in paths:
        path = Path(path)
        text = read_text(path)
        fmt = detect_format(path, text)
        if fmt == TEXT:
            located = parse_located(text, source=str(path))
        else:
            located = [(entry, None) for entry in parse_structured(text, fmt, source=str(path))]
        for entry, line in located:
            place = f"{path}:{line}" if line else str(path)
            if entry.annex_number in where:
                raise CatalogFormatError(
                    N_("errors", "Annex number {annex} appears in more than one place: {first} and {second}."),
                    annex=entry.annex_number,
                    first=where[entry.annex_number],
                    second=place,
                )
            where[entry.annex_number] = place
            entries.append(entry)
    return entries


def dumps(entries: Sequence[StandardEntry], fmt: str) -> str:
    """The export document: a list of entries as StandardEntry.to_dict() gives them."""
    data = [entry.to_dict() for entry in entries]
    if fmt == JSON:
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100, default_flow_style=False)


class _Dumper(yaml.SafeDumper):
    """Multi-line texts as readable blocks ("|"), so an administrator can edit them by hand."""


def _represent_str(dumper: yaml.SafeDumper, value: str):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def export_file(entries: Sequence[StandardEntry], path: Path) -> str:
    """Write the export to *path* (YAML for .yaml/.yml, JSON for .json) atomically; return the format."""
    path = Path(path)
    fmt = _SUFFIXES.get(path.suffix.casefold())
    if fmt not in (YAML, JSON):
        raise CatalogError(N_("errors", "Cannot export to {path}: use a .yaml, .yml or .json file name."), path=str(path))
    content = dumps(entries, fmt)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(content)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise CatalogError(
            N_("errors", "Cannot write {path}: {reason}"), path=str(path), reason=exc.strerror or str(exc)
        ) from exc
    return fmt
