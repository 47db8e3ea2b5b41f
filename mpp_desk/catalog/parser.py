"""Reading the regulation annex in its text form (extracted from the PDF) into StandardEntry records.

Each service starts with a heading line such as::

    67. Sertifikat Standar (Risiko Menengah Tinggi) KBLI 62021 Aktivitas Konsultasi Keamanan Informasi

followed by a table of three tab-separated columns, NO, KOMPONEN and URAIAN. What the PDF
extraction left behind is undone here: the page-break header (``NO KOMPONEN URAIAN``)
repeats and is skipped; a row whose NO column is empty continues the component above
it, in both the KOMPONEN and the URAIAN column (a name or a text can be cut by a page
break); HTML fragments (``<ol ...>``, ``<p>``, ``<i>``) are removed without leaving a
space before punctuation; list numbering ("1. ", "a. ", "1) ") is removed and every item
becomes its own string; ``-`` means none.

Lists are split only at the *next* number of the sequence (after "4." only "5." ends
the item), so a sentence such as "Pasal 65 PP Nomor 5 Tahun 2021." stays whole.
Anything the parser cannot read raises :class:`CatalogFormatError` naming the line.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any

from mpp_desk.catalog.entry import (
    ANNEX_RANGE,
    CLASSIFICATION_RANGE,
    KBLI_RE,
    MAX_LENGTH,
    RISK_LEVELS,
    Requirements,
    StandardEntry,
    canonical_risk_level,
)
from mpp_desk.catalog.errors import CatalogFormatError
from mpp_desk.i18n import N_

# The fourteen components of a service standard, in the annex's order: (key, name in the annex).
COMPONENTS = (
    ("requirements", "Persyaratan"),
    ("procedure", "Sistem, Mekanisme dan Prosedur"),
    ("completion", "Jangka Waktu Penyelesaian"),
    ("fee", "Biaya/Tarif"),
    ("output", "Produk Layanan"),
    ("complaint_handling", "Penanganan Pengaduan, Saran dan Masukan"),
    ("legal_basis", "Dasar Hukum"),
    ("facilities", "Sarana, Prasarana, dan Fasilitas"),
    ("competencies", "Kompetensi Pelaksana"),
    ("internal_supervision", "Pengawasan Internal"),
    ("staff_count", "Jumlah Pelaksana"),
    ("service_guarantees", "Jaminan Pelayanan"),
    ("safety_guarantees", "Jaminan Keamanan dan Keselamatan Pelayanan"),
    ("performance_evaluation", "Evaluasi Kinerja Pelaksana"),
)
COMPONENT_NAMES = dict(COMPONENTS)

# Which component a KOMPONEN name is, by its telling words; checked in this order because
# names share words ("Jaminan Keamanan ..." before "Jaminan ...").
_NAME_WORDS = (
    ("complaint_handling", {"pengaduan"}),
    ("requirements", {"persyaratan"}),
    ("procedure", {"sistem", "mekanisme", "prosedur"}),
    ("completion", {"jangka", "penyelesaian"}),
    ("fee", {"biaya", "tarif"}),
    ("output", {"produk"}),
    ("legal_basis", {"hukum"}),
    ("facilities", {"sarana", "prasarana", "fasilitas"}),
    ("competencies", {"kompetensi"}),
    ("internal_supervision", {"pengawasan"}),
    ("staff_count", {"jumlah"}),
    ("safety_guarantees", {"keamanan", "keselamatan"}),
    ("service_guarantees", {"jaminan"}),
    ("performance_evaluation", {"evaluasi"}),
)

_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_PAGE_HEADER_RE = re.compile(r"\s*NO\s+KOMPONEN\s+URAIAN\s*", re.I)
_HEADING_START_RE = re.compile(r"\s*[0-9]+\s*\.")
_HEADING_RE = re.compile(
    r"\s*(?P<annex>[0-9]+)\s*\.\s*(?P<product>[^()]*?)\s*\(\s*Risiko\s*:?\s*(?P<risk>[^()]*?)\s*\)"
    r"\s*KBLI\s*:?\s*(?P<kbli>[^\s]*)\s*(?P<title>.*)",
    re.I,
)
_SECTION_RE = re.compile(r"[A-Z]\.?")
_COMPONENT_NO_RE = re.compile(r"[0-9]{1,3}\.?")

_TAG = r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>"
_TAG_GAP_RE = re.compile(rf" ?(?:{_TAG} ?)+")
_CLOSERS = frozenset(";,.:!?)]")
_OPENERS = frozenset("([")
_LEADING_COLON_RE = re.compile(r"^:\s*")
_NONE_TEXTS = frozenset({"-", "–", "—"})

_FIRST_MARKER_RE = re.compile(r"(?<!\S)(1|a|A)([.)])(?=\s|$)")
_TRAILING_CONJUNCTION_RE = re.compile(r"\s*[;,]\s*(?:dan/atau|dan|atau)$", re.I)
_REQUIREMENT_HEADING_RE = re.compile(
    r"(?<!\S)(?:(?P<mark>[A-Za-z][.)])\s*)?Persyaratan\s+(?P<kind>umum|khusus)\b(?(mark)\s*:?|\s*:)", re.I
)
# "7 hari kerja", "Paling lama 1 (satu) hari kerja", "Satu hari kerja", "3 (tiga) jam", "1 x 24 jam"
_DAYS_RE = re.compile(
    r"(?:(?:paling\s+(?:lama|lambat)|selambat-lambatnya|maksimal|maksimum)\s+)?"
    r"([0-9]{1,4}|[a-z]+(?:\s+(?:belas|puluh))?(?:\s+[a-z]+)?)\s*(?:\([^()]*\)\s*)?"
    r"(?:x\s*(24)\s*)?(hari\s+kerja|jam)\b", re.I)
_NUMBER_WORDS = {"satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8,
                 "sembilan": 9, "sepuluh": 10, "sebelas": 11}
_STAFF_RE = re.compile(r"([0-9]{1,7})(?![0-9])")
_CLASSIFICATION_RE = re.compile(r"klasifikasi\b", re.I)
_CLASSIFICATION_NUMBER_RE = re.compile(r"\s*:?\s*([0-9]+)")
_CLASSIFICATION_SEPARATOR_RE = re.compile(r"(?:\s*(?:,|dan/atau|dan|atau|serta|&)(?![A-Za-z]))*", re.I)

HEADING_EXAMPLE = "67. Sertifikat Standar (Risiko Menengah Tinggi) KBLI 62021 Aktivitas Konsultasi Keamanan Informasi"


def parse_text(text: str, *, source: str | None = None) -> list[StandardEntry]:
    """Every service standard in an annex text, in order; raise CatalogFormatError naming the line."""
    return [entry for entry, _line in parse_located(text, source=source)]


def parse_located(text: str, *, source: str | None = None) -> list[tuple[StandardEntry, int]]:
    """Like parse_text(), with the line of each entry's heading."""
    try:
        return _Parser(text).parse()
    except CatalogFormatError as exc:
        raise exc.with_source(source) if source else exc


# -- text clean-up ------------------------------------------------------------------------


def clean_text(raw: str) -> str:
    """Text without HTML fragments, on one line, with no space left before punctuation by a tag."""
    text = " ".join(raw.split())  # first, so a gap below is at most one space around each tag
    if "<" in text:

        def gap(match: re.Match) -> str:
            start, end = match.span()
            if (end < len(text) and text[end] in _CLOSERS) or (start > 0 and text[start - 1] in _OPENERS):
                return ""
            return " "

        text = " ".join(_TAG_GAP_RE.sub(gap, text).split())
    if "&" in text:
        text = " ".join(html.unescape(text).split())
    return text


def split_list(text: str) -> tuple[str, list[tuple[str, str]]]:
    """The text before a numbered list and its items as (marker, body), split at the next number only."""
    first = _FIRST_MARKER_RE.search(text)
    if first is None:
        return text.strip(), []
    label, closer = first[1], first[2]  # both groups always take part in a match
    preamble = text[: first.start()].strip()
    items: list[tuple[str, str]] = []
    pos = first.end()
    while True:
        following = _next_label(label)
        found = _find_marker(text, following + closer, pos) if following else -1
        if following is None or found < 0:
            items.append((label + closer, text[pos:].strip()))
            return preamble, items
        items.append((label + closer, text[pos:found].strip()))
        label, pos = following, found + len(following) + len(closer)


def _next_label(label: str) -> str | None:
    if label.isdigit():
        return str(int(label) + 1)
    if label in ("z", "Z"):
        return None
    return chr(ord(label) + 1)


def _find_marker(text: str, marker: str, start: int) -> int:
    """Where *marker* ("5.", "c)") stands alone as a list marker (space or edge on both sides), or -1."""
    index = text.find(marker, start)
    while index >= 0:
        end = index + len(marker)
        if (index == 0 or text[index - 1].isspace()) and (end == len(text) or text[end].isspace()):
            return index
        index = text.find(marker, index + 1)
    return -1


def list_items(text: str) -> list[str]:
    """The items of a numbered list, numbering and list punctuation ("; dan") removed; "-" is none."""
    if _is_none(text):
        return []
    preamble, items = split_list(text)
    bodies = ([preamble] if preamble else []) + [body for _marker, body in items]
    return [item for item in (_item_text(body) for body in bodies) if item]


def _item_text(body: str) -> str:
    text = _TRAILING_CONJUNCTION_RE.sub("", body.strip()).rstrip(" ;,")
    if text.endswith(".") and not text.endswith(".."):
        text = text[:-1].rstrip(" ;,")
    return text


def paragraphs(text: str) -> str:
    """A text with a numbered list, one item per line, numbers and punctuation kept; "-" is ""."""
    if _is_none(text):
        return ""
    preamble, items = split_list(text)
    if not items:
        return text
    lines = ([preamble] if preamble else []) + [f"{marker} {body}".rstrip() for marker, body in items]
    return "\n".join(lines)


def _is_none(text: str) -> bool:
    stripped = text.strip(" .;:")
    return not stripped or stripped in _NONE_TEXTS


# -- the table ----------------------------------------------------------------------------


@dataclass
class _RawComponent:
    line: int
    names: list[str]
    texts: list[str]

    @property
    def name(self) -> str:
        return " ".join(" ".join(self.names).split())


@dataclass
class _RawEntry:
    line: int
    annex_number: int
    product_type: str
    risk_level: str
    kbli: str
    title: str
    in_table: bool = False
    components: list[_RawComponent] = field(default_factory=list)


def _error(message: str, line: int, **params: Any) -> CatalogFormatError:
    return CatalogFormatError(message, line=line, **params)


def _excerpt(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _Parser:
    def __init__(self, text: str) -> None:
        self.lines = text.split("\n")
        self.entries: list[tuple[StandardEntry, int]] = []
        self.first_line: dict[int, int] = {}
        self.entry: _RawEntry | None = None
        self.component: _RawComponent | None = None

    def parse(self) -> list[tuple[StandardEntry, int]]:
        for number, raw in enumerate(self.lines, start=1):
            self.read_line(number, _CONTROL_RE.sub(" ", raw.rstrip("\r")).rstrip())
        self.finish_entry()
        if not self.entries:
            raise _error(N_("errors", "Line {line}: the file contains no service standard."), 1)
        return self.entries

    def read_line(self, number: int, line: str) -> None:
        if not line.strip() or _PAGE_HEADER_RE.fullmatch(line):
            if line.strip() and self.entry is not None:
                self.entry.in_table = True
            return
        if "\t" not in line:
            self.read_text_line(number, line)
            return
        no, name, body = (line.split("\t", 2) + ["", ""])[:3]
        no, name = no.strip(), name.strip()
        if self.entry is None:
            raise _error(
                N_("errors", "Line {line}: a table row comes before the service heading (such as “{example}”)."),
                number,
                example=HEADING_EXAMPLE,
            )
        self.entry.in_table = True
        if _COMPONENT_NO_RE.fullmatch(no):
            self.component = _RawComponent(number, [name], [body])
            self.entry.components.append(self.component)
        elif _SECTION_RE.fullmatch(no):
            self.component = None  # "A. Proses Penyampaian Pelayanan ..." only groups the components
        elif no:
            raise _error(N_("errors", "Line {line}: unexpected value “{value}” in the NO column."), number, value=_excerpt(no))
        elif self.component is not None:
            self.component.names.append(name)
            self.component.texts.append(body)
        elif name or body.strip():
            raise _error(N_("errors", "Line {line}: a continuation row comes before any component."), number)

    def read_text_line(self, number: int, line: str) -> None:
        if _HEADING_START_RE.match(line):
            self.finish_entry()
            self.entry = self.heading(number, line)
            self.component = None
        elif self.entry is not None and not self.entry.in_table:
            # A long title wrapped onto the next line by the PDF extraction.
            self.entry.title = self.check_title(number, f"{self.entry.title} {clean_text(line)}".strip())
        else:
            raise _error(N_("errors", "Line {line}: unexpected text outside the table: “{text}”."), number, text=_excerpt(line))

    def heading(self, number: int, line: str) -> _RawEntry:
        match = _HEADING_RE.fullmatch(clean_text(line))
        if match is None or not match["product"].strip():
            raise _error(
                N_("errors", "Line {line}: the service heading is not in the form “{example}”."),
                number,
                example=HEADING_EXAMPLE,
            )
        annex = _number_in_range(match["annex"], ANNEX_RANGE)
        if annex is None:
            raise _error(
                N_("errors", "Line {line}: the annex number {value} is out of range ({low} to {high})."),
                number,
                value=_excerpt(match["annex"], 12),
                low=ANNEX_RANGE[0],
                high=ANNEX_RANGE[1],
            )
        if annex in self.first_line:
            raise _error(
                N_("errors", "Line {line}: annex number {annex} is already used on line {first}."),
                number,
                annex=annex,
                first=self.first_line[annex],
            )
        risk = canonical_risk_level(match["risk"])
        if risk is None:
            raise _error(
                N_("errors", "Line {line}: unknown risk level “{risk}” (use {levels})."),
                number,
                risk=_excerpt(match["risk"]),
                levels=", ".join(RISK_LEVELS),
            )
        kbli = match["kbli"]
        if not KBLI_RE.fullmatch(kbli):
            raise _error(
                N_("errors", "Line {line}: the KBLI code “{kbli}” must have exactly 5 digits."), number, kbli=_excerpt(kbli, 20)
            )
        product = match["product"].strip()
        if len(product) > MAX_LENGTH["product_type"]:
            raise _error(
                N_("errors", "Line {line}: the product type is too long ({length} characters, at most {limit})."),
                number,
                length=len(product),
                limit=MAX_LENGTH["product_type"],
            )
        title = self.check_title(number, match["title"].strip())
        return _RawEntry(number, annex, product, risk, kbli, title)

    def check_title(self, number: int, title: str) -> str:
        if len(title) > MAX_LENGTH["title"]:
            raise _error(
                N_("errors", "Line {line}: the service title is too long ({length} characters, at most {limit})."),
                number,
                length=len(title),
                limit=MAX_LENGTH["title"],
            )
        return title

    def finish_entry(self) -> None:
        raw, self.entry, self.component = self.entry, None, None
        if raw is None:
            return
        if not raw.title:
            raise _error(
                N_("errors", "Line {line}: the service heading is not in the form “{example}”."),
                raw.line,
                example=HEADING_EXAMPLE,
            )
        self.entries.append((_build_entry(raw), raw.line))
        self.first_line[raw.annex_number] = raw.line


# -- the components -----------------------------------------------------------------------


def _component_key(name: str) -> str | None:
    words = set(re.findall(r"[a-z]+", name.casefold()))
    return next((key for key, telling in _NAME_WORDS if words & telling), None)


def _build_entry(raw: _RawEntry) -> StandardEntry:
    texts: dict[str, tuple[str, int]] = {}
    for component in raw.components:
        name = component.name
        key = _component_key(name)
        if key is None:
            raise _error(
                N_("errors", "Line {line}: unknown component “{name}”."), component.line, name=_excerpt(name) or "-"
            )
        if key in texts:
            raise _error(
                N_("errors", "Line {line}: the component “{name}” appears twice in service {annex}."),
                component.line,
                name=COMPONENT_NAMES[key],
                annex=raw.annex_number,
            )
        text = _LEADING_COLON_RE.sub("", clean_text(" ".join(component.texts)), count=1)
        if text[: len(name) + 1].casefold() == f"{name}:".casefold():  # the name repeated in the text
            text = text[len(name) + 1 :].lstrip()
        if not text:
            raise _error(
                N_("errors", "Line {line}: the component “{name}” is empty (write “-” if there is none)."),
                component.line,
                name=COMPONENT_NAMES[key],
            )
        texts[key] = (text, component.line)
    for key, name in COMPONENTS:
        if key not in texts:
            raise _error(
                N_("errors", "Line {line}: service {annex} has no component “{name}”."),
                raw.line,
                annex=raw.annex_number,
                name=name,
            )

    general, special = _requirements(texts["requirements"][0])
    procedure_text, procedure_line = texts["procedure"]
    completion_text, completion_line = texts["completion"]
    staff_text, staff_line = texts["staff_count"]
    return StandardEntry(
        annex_number=raw.annex_number,
        product_type=raw.product_type,
        risk_level=raw.risk_level,
        kbli=raw.kbli,
        title=raw.title,
        requirements=Requirements(general=tuple(general), special=tuple(special)),
        procedure_classifications=_classifications(procedure_text, procedure_line),
        procedure_text="" if _is_none(procedure_text) else procedure_text,
        completion_working_days=_working_days(completion_text, completion_line),
        completion_text=completion_text,
        fee="" if _is_none(texts["fee"][0]) else texts["fee"][0],
        output="" if _is_none(texts["output"][0]) else texts["output"][0],
        complaint_handling=paragraphs(texts["complaint_handling"][0]),
        legal_basis=tuple(list_items(texts["legal_basis"][0])),
        facilities=tuple(list_items(texts["facilities"][0])),
        competencies=tuple(list_items(texts["competencies"][0])),
        internal_supervision=tuple(list_items(texts["internal_supervision"][0])),
        service_guarantees=tuple(list_items(texts["service_guarantees"][0])),
        safety_guarantees=tuple(list_items(texts["safety_guarantees"][0])),
        performance_evaluation=paragraphs(texts["performance_evaluation"][0]),
        staff_count=_staff_count(staff_text, staff_line),
    )


def _requirements(text: str) -> tuple[list[str], list[str]]:
    """General and special requirements: "A. Persyaratan Umum: 1. ... B. Persyaratan Khusus: -"."""
    headings = list(_REQUIREMENT_HEADING_RE.finditer(text))
    if not headings:
        return list_items(text), []
    general = list_items(text[: headings[0].start()])  # text before any heading counts as general
    special: list[str] = []
    for i, heading in enumerate(headings):
        end = headings[i + 1].start() if i + 1 < len(headings) else len(text)
        target = general if heading["kind"].casefold() == "umum" else special
        target.extend(list_items(text[heading.end() : end]))
    return general, special


def _classifications(text: str, line: int) -> tuple[int, ...]:
    """The procedure classifications of annex IV: "Klasifikasi 3, 7, 12, atau 16 ..." -> (3, 7, 12, 16)."""
    if _is_none(text):
        return ()
    found = _CLASSIFICATION_RE.search(text)
    numbers: list[int] = []
    pos = found.end() if found else 0
    while found:
        match = _CLASSIFICATION_NUMBER_RE.match(text, pos)
        if match is None:
            break
        value = _number_in_range(match[1], CLASSIFICATION_RANGE)
        if value is None:
            raise _error(
                N_("errors", "Line {line}: the classification number {value} is out of range ({low} to {high})."),
                line,
                value=_excerpt(match[1], 12),
                low=CLASSIFICATION_RANGE[0],
                high=CLASSIFICATION_RANGE[1],
            )
        numbers.append(value)
        pos = _CLASSIFICATION_SEPARATOR_RE.match(text, match.end()).end()  # type: ignore[union-attr]
    if not numbers:
        raise _error(
            N_("errors", "Line {line}: the procedure gives no classification numbers, such as “Klasifikasi 3, 7, 12, atau 16”."),
            line,
        )
    return tuple(numbers)


def _number_word(words: str) -> int | None:
    """An Indonesian number in words up to 99: "satu", "dua belas", "dua puluh lima"."""
    parts = words.lower().split()
    if len(parts) == 1:
        return _NUMBER_WORDS.get(parts[0])
    if len(parts) == 2 and parts[1] == "belas" and parts[0] in _NUMBER_WORDS and _NUMBER_WORDS[parts[0]] < 10:
        return 10 + _NUMBER_WORDS[parts[0]]
    if parts[1:2] == ["puluh"] and _NUMBER_WORDS.get(parts[0], 10) < 10:
        ones = _NUMBER_WORDS.get(parts[2], 99) if len(parts) == 3 else 0
        return _NUMBER_WORDS[parts[0]] * 10 + ones if ones < 10 else None
    return None


def completion_hours(text: str) -> int | None:
    """The hours of a completion time a standard counts in hours ("3 (tiga) jam", "1 x 24 jam"), else None."""
    match = _DAYS_RE.match((text or "").strip())
    if match is None or match[3].lower() != "jam":
        return None
    count = int(match[1]) if match[1].isdigit() else _number_word(match[1])
    return None if count is None else count * (24 if match[2] else 1)


def _working_days(text: str, line: int) -> int:
    """The completion time in working days: "7 hari kerja", "Paling lama 1 (satu) hari kerja", "Satu hari kerja";
    a time in hours ("3 jam", "1 x 24 jam") is kept in the text and counts as the working days it spans
    (24 hours a day, rounded up: a service of a few hours is due within the next working day)."""
    match = _DAYS_RE.match(text)
    count = None
    if match is not None:
        count = int(match[1]) if match[1].isdigit() else _number_word(match[1])
    if match is not None and count is not None and match[3].lower() == "jam":
        count = -(-count * (24 if match[2] else 1) // 24)
    elif match is not None and match[2]:
        count = None  # "x 24" belongs with hours only
    if match is None or count is None:
        raise _error(
            N_("errors", "Line {line}: the completion time must start with a number of working days, such as “7 hari kerja”, not “{text}”."),
            line,
            text=_excerpt(text),
        )
    return count


def _staff_count(text: str, line: int) -> int | None:
    if _is_none(text):
        return None
    match = _STAFF_RE.match(text)
    if match is None:
        raise _error(
            N_("errors", "Line {line}: the staff count must be a number, such as “30 Orang”, not “{text}”."),
            line,
            text=_excerpt(text),
        )
    return int(match[1])


def _number_in_range(digits: str, bounds: tuple[int, int]) -> int | None:
    if len(digits) > len(str(bounds[1])):
        return None
    value = int(digits)
    return value if bounds[0] <= value <= bounds[1] else None
