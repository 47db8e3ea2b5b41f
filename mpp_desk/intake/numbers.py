"""Registration numbers: ``MPP/YYYY/MM/BBSSSS``, unique across the mall once every PC has synced.

- ``YYYY/MM``: year and month of receipt in office time (Asia/Jakarta).
- ``BB``: the two-digit **block** of the PC that registered the file. A counter PC's block is its
  counter number (setting ``pc.counter_number``, 1-99), which the queue already requires to be
  different on every counter; block ``00`` is kept for the central server and for imports.
- ``SSSS``: that block's sequence within the month, from 0001, at least four digits (a block that
  passes 9,999 in one month simply goes on with 10000: the block has a fixed width, so the number
  stays unique and readable).

Example: the 123rd file registered at counter 1 in March 2026 is ``MPP/2026/03/010123``.

Allocation happens inside the registering write transaction (``BEGIN IMMEDIATE``), as
``max(sequence) + 1`` for (year, month, block) on the unique index of those columns, so two
processes on one PC never draw the same number, and two PCs never share a block, so their
numbers never meet after sync. Should a block ever be reused by two PCs that are offline at the
same time, the unique constraints on the number and on its parts make the server refuse the
second one instead of keeping two files with one number.
"""

from __future__ import annotations

import re
from typing import NamedTuple

PREFIX = "MPP"
SERVER_BLOCK = 0
MAX_BLOCK = 99

_NUMBER = re.compile(r"^\s*MPP\s*/\s*(\d{4})\s*/\s*(\d{1,2})\s*/\s*(\d{2})(\d{4,})\s*$", re.IGNORECASE)


class NumberParts(NamedTuple):
    year: int
    month: int
    block: int
    sequence: int


def format_number(year: int, month: int, block: int, sequence: int) -> str:
    """``MPP/2026/03/010123`` from its parts."""
    if not (1 <= month <= 12) or not (0 <= block <= MAX_BLOCK) or sequence < 1 or not (1000 <= year <= 9999):
        raise ValueError("registration number parts out of range")
    return f"{PREFIX}/{year:04d}/{month:02d}/{block:02d}{sequence:04d}"


def parse_number(text: str | None) -> NumberParts | None:
    """The parts of a registration number as people type it (any case, spaces around "/"); None otherwise."""
    match = _NUMBER.match(text or "")
    if not match:
        return None
    year, month, block, sequence = (int(g) for g in match.groups())
    if not (1 <= month <= 12) or sequence < 1:
        return None
    return NumberParts(year, month, block, sequence)


def canonical(text: str | None) -> str | None:
    """The stored form of a typed registration number ("mpp/2026/3/010123" -> "MPP/2026/03/010123")."""
    parts = parse_number(text)
    return format_number(*parts) if parts else None


def looks_like_number(text: str | None) -> bool:
    """True for a typed registration number or its start ("MPP/2026/03"), used to route a search."""
    return bool(re.match(r"^\s*MPP\s*/", text or "", re.IGNORECASE))


def block_for_counter(counter_number: int | None) -> int:
    """The block of a PC from its counter number (1-99); anything else is refused."""
    if counter_number is None or not (1 <= int(counter_number) <= MAX_BLOCK):
        raise ValueError("a registering PC needs a counter number from 1 to 99")
    return int(counter_number)
