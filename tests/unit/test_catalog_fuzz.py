"""The annex parser on garbage and on damaged seeds: entries or a CatalogFormatError, never anything else."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mpp_desk.catalog import CatalogFormatError, StandardEntry
from mpp_desk.catalog.entry import KBLI_RE, RISK_LEVELS
from mpp_desk.catalog.files import JSON, YAML, dumps, parse_structured
from mpp_desk.catalog.parser import parse_text
from mpp_desk.paths import CATALOG_SEED_DIR

pytestmark = pytest.mark.slow  # property tests with many examples: `make test-fast` leaves it out

SEEDS = [path.read_text(encoding="utf-8") for path in sorted(CATALOG_SEED_DIR.glob("*.txt"))]
FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces of the annex's own vocabulary, so random lines often reach deep into the parser.
TOKENS = [
    "\t", "\t\t", "NO\tKOMPONEN\tURAIAN", "A.", "B.", "1", "3", "7", "11", "14", ": ", "-", "<p>", "</p>",
    "<ol style=\"list-style-type: none\">", "<i>", "</i> ;", "1. ", "2. ", "a. ", "1) ", "Persyaratan",
    "A. Persyaratan Umum:", "B. Persyaratan Khusus:", "Jangka Waktu Penyelesaian", "7 hari kerja", "Klasifikasi 3, 7",
    "Jumlah Pelaksana", "30 Orang", "Penanganan Pengaduan,", "Saran dan Masukan", "67. Izin (Risiko Tinggi) KBLI 62021 X",
    "KBLI", "(Risiko Rendah)", "Gratis", "&amp;", "\u00a0", "\r", "\x00", "٣", "²",
]  # fmt: skip


def check_outcome(text: str) -> None:
    """Parse *text*: returned entries must be valid and round-trip; an error must name an existing line."""
    try:
        entries = parse_text(text, source="fuzz.txt")
    except CatalogFormatError as exc:
        line_count = len(text.split("\n"))
        assert exc.line is None or 1 <= exc.line <= line_count, (exc.line, line_count)
        # Both languages must format: a translation with a wrong placeholder would raise KeyError here.
        assert exc.text("en").startswith("fuzz.txt: ")
        assert exc.text("id").startswith("fuzz.txt: ")
        return
    assert entries, "no error and no entry"
    for entry in entries:
        assert isinstance(entry, StandardEntry)
        assert KBLI_RE.fullmatch(entry.kbli)
        assert entry.risk_level in RISK_LEVELS
        assert entry.procedure_classifications or entry.procedure_text == ""
        assert StandardEntry.from_dict(json.loads(json.dumps(entry.to_dict()))) == entry


@FUZZ
@given(st.text())
def test_garbage_text(text):
    check_outcome(text)


@FUZZ
@given(st.lists(st.lists(st.sampled_from(TOKENS) | st.text(max_size=8), max_size=6).map("".join), max_size=40))
def test_lines_made_of_annex_pieces(lines):
    check_outcome("\n".join(lines))


@st.composite
def mutated_seed(draw):
    """A seed with random lines and characters deleted, inserted or duplicated."""
    lines = draw(st.sampled_from(SEEDS)).split("\n")
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["drop line", "add line", "copy line", "drop char", "add char"]))
        at = draw(st.integers(0, max(len(lines) - 1, 0)))
        if kind == "drop line" and lines:
            del lines[at]
        elif kind == "add line":
            lines.insert(at, draw(st.sampled_from(TOKENS) | st.text(max_size=30)))
        elif kind == "copy line" and lines:
            lines.insert(draw(st.integers(0, len(lines))), lines[at])
        elif lines and lines[at]:
            pos = draw(st.integers(0, len(lines[at]) - 1))
            extra = draw(st.sampled_from(TOKENS) | st.characters()) if kind == "add char" else ""
            skip = 1 if kind == "drop char" else 0
            lines[at] = lines[at][:pos] + extra + lines[at][pos + skip :]
    return "\n".join(lines)


@FUZZ
@given(mutated_seed())
def test_mutated_seeds(text):
    check_outcome(text)


def test_the_fuzzing_reaches_both_outcomes():
    """Guard against a vacuous fuzz: the undamaged seeds parse, and a damaged one fails cleanly."""
    assert [len(parse_text(seed)) for seed in SEEDS] == [1, 1]
    damaged = SEEDS[0].replace("KBLI 71205", "KBLI 7120")
    try:
        parse_text(damaged)
    except CatalogFormatError as exc:
        assert exc.line == 3
    else:
        raise AssertionError("a damaged KBLI was accepted")


JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=10),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20,
)


@FUZZ
@given(st.dictionaries(st.sampled_from(list(StandardEntry.__dataclass_fields__) + ["x"]), JSONISH))
def test_export_entries_with_random_values(data):
    try:
        entry = StandardEntry.from_dict(data)
    except CatalogFormatError as exc:
        assert exc.text("id").startswith("Entri 1")
    else:
        assert StandardEntry.from_dict(entry.to_dict()) == entry


@FUZZ
@given(st.text(), st.sampled_from([YAML, JSON]))
def test_export_documents_with_random_text(text, fmt):
    try:
        entries = parse_structured(text, fmt, source="x")
    except CatalogFormatError as exc:
        assert exc.text("id").startswith("x: ")
    else:
        assert parse_structured(dumps(entries, fmt), fmt) == entries
