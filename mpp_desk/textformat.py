"""Dates written out the way people read them: "Kamis, 2 April 2026" (no Qt, no locale settings).

The names are spelt here rather than taken from the OS locale, so a receipt reads the same on
every counter PC whatever its regional settings (Windows often has no ``id_ID`` locale).
"""

from __future__ import annotations

import datetime as dt

from mpp_desk.i18n import current_language

DAY_NAMES = {
    "id": ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
MONTH_NAMES = {
    "id": (
        "Januari", "Februari", "Maret", "April", "Mei", "Juni",
        "Juli", "Agustus", "September", "Oktober", "November", "Desember",
    ),
    "en": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
}  # fmt: skip


def format_date(day: dt.date, language: str | None = None, *, weekday: bool = True) -> str:
    """The date written out in *language* (default: the current one), e.g. "Kamis, 2 April 2026"."""
    lang = language or current_language()
    if lang not in DAY_NAMES:
        lang = "id"
    text = f"{day.day} {MONTH_NAMES[lang][day.month - 1]} {day.year}"
    return f"{DAY_NAMES[lang][day.weekday()]}, {text}" if weekday else text


def format_date_id(day: dt.date, *, weekday: bool = True) -> str:
    """The date in Bahasa Indonesia, e.g. "Kamis, 2 April 2026" (receipts, the display board)."""
    return format_date(day, "id", weekday=weekday)


def day_name(day: dt.date, language: str | None = None) -> str:
    """The weekday's name, e.g. "Kamis"."""
    lang = language or current_language()
    return DAY_NAMES.get(lang, DAY_NAMES["id"])[day.weekday()]


def parse_typed_date(text: str) -> dt.date | None:
    """A date typed by a person, day first as in Indonesia: "05-11-2026", "5/11/2026", "05.11.26",
    "5 11 2026" or ISO "2026-11-05". Empty text is None (not given); anything else raises ValueError.

    A two-digit year is read as 20yy.
    """
    import re

    text = text.strip()
    if not text:
        return None
    parts = re.split(r"\s*[-/.\s]\s*", text)
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        raise ValueError(f"not a date: {text!r}")
    if len(parts[0]) == 4:  # ISO: year first
        year, month, day = (int(p) for p in parts)
    else:
        day, month, year = (int(p) for p in parts)
        if len(parts[2]) == 2:
            year += 2000
        elif len(parts[2]) != 4:
            raise ValueError(f"not a date: {text!r}")
    return dt.date(year, month, day)  # raises ValueError for 31-02 and the like


# --- text safe to store, show and print --------------------------------------------------------

# Bidirectional formatting characters: they reorder what a reader sees (a name or amount shown
# backwards on screen or paper) without being visible themselves.
BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def safe_text(value: object, *, multiline: bool = False) -> str:
    """Any Unicode made safe to store, show and print: NFC, no control, bidi-override or lone-surrogate
    characters (an ESC or NUL in a name would reach a receipt printer as a command).

    Single-line values get their whitespace collapsed to single spaces; multi-line ones keep line
    breaks and tabs (at most one blank line in a row). The one cleaning function of the app: every
    field a person types goes through it before it is checked, stored or printed.
    """
    import re
    import unicodedata

    if value is None:
        return ""
    kept = []
    for ch in str(value):
        if ch in "\n\t" and multiline:
            kept.append(ch)
        elif ch == "\r":
            continue
        elif ch in "\u2028\u2029":
            kept.append("\n" if multiline else " ")
        elif ch in BIDI_CONTROLS:
            continue
        elif unicodedata.category(ch) in ("Cc", "Cs"):  # control characters, lone surrogates
            kept.append(" ")
        else:
            kept.append(ch)
    text = unicodedata.normalize("NFC", "".join(kept))
    if multiline:
        lines = [" ".join(line.split()) for line in text.split("\n")]
        return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return " ".join(text.split())


def printer_text(text: str) -> str:
    """Text a receipt printer's built-in code page prints as text and never runs as a command:
    controls and bidi characters removed, dashes and accents folded to ASCII, any other letter
    printed as "?" (so nothing disappears without a trace)."""
    import unicodedata

    for src, dst in _PRINTER_REPLACE.items():
        text = text.replace(src, dst)
    out = []
    for ch in unicodedata.normalize("NFKD", safe_text(text)):
        if " " <= ch < "\x7f":
            out.append(ch)
        elif not unicodedata.combining(ch) and unicodedata.category(ch)[0] != "C":
            out.append("?")
    return "".join(out)


_PRINTER_REPLACE = {
    "–": "-", "—": "-", "·": "-", "…": "...", "“": '"', "”": '"', "‘": "'", "’": "'", "±": "+/-", "✓": "v", "✗": "x",
}  # fmt: skip


def shorten(text: str, limit: int) -> str:
    """At most *limit* characters, cut at a word where possible, with an ellipsis."""
    text = text or ""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit * 0.6:
        cut = cut[:space]
    return cut.rstrip(" ,.;:") + "…"
