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
