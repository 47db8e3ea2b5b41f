"""The queue ticket as ESC/POS bytes for a thermal printer (text plus the printer's own QR code).

Built on python-escpos's ``Dummy`` printer, which records the commands instead of sending them;
the bytes then go to the real printer in one write (:mod:`mpp_desk.printing.printers`).
"""

from __future__ import annotations

import textwrap

from escpos.constants import QR_ECLEVEL_M
from escpos.printer import Dummy

from mpp_desk.printing.slip import TicketSlip
from mpp_desk.textformat import printer_text

WIDTH_CHARS = {80: 48, 58: 32}  # font A columns


def render_ticket_escpos(slip: TicketSlip, *, width_chars: int = 48) -> bytes:
    """ESC/POS commands printing the ticket on a printer *width_chars* columns wide (48 or 32)."""
    if width_chars < 24:
        raise ValueError("a ticket needs at least 24 columns")
    p = Dummy()
    narrow = width_chars < 40
    p.hw("INIT")
    p.set(align="center", bold=True)
    _lines(p, slip.office_name, width_chars)
    p.set(align="center", bold=False)
    if slip.copy:
        p.set(align="center", bold=True, invert=True)
        p.textln(f" {_plain(slip.copy_mark())} ")
        p.set(align="center", bold=False, invert=False)
    p.textln("-" * width_chars)
    p.textln(_plain(slip.heading()))
    # 8 columns per character at 4x: "A001" takes 16 of 32 or 48 columns.
    scale = 3 if narrow and len(slip.code) > 5 else 4
    p.set(align="center", bold=True, custom_size=True, width=scale, height=scale, smooth=True)
    p.textln(slip.code)
    p.set(align="center", bold=False, normal_textsize=True)
    if slip.priority:
        p.set(align="center", bold=True, invert=True)
        p.textln(f" {_plain(slip.priority_line())} ")
        p.set(align="center", bold=False, invert=False)
    p.set(align="center", bold=True)
    _lines(p, slip.group_line(), width_chars)
    p.set(align="center", bold=False)
    if slip.service_title:
        _lines(p, slip.service_title, width_chars, max_lines=3)
    p.textln("-" * width_chars)
    p.textln(_plain(slip.when_line()))
    p.set(align="center", bold=True)
    p.textln(_plain(slip.ahead_line()))
    p.set(align="center", bold=False)
    p.textln(_plain(slip.wait_line()))
    p.ln()
    p.qr(slip.qr_data, ec=QR_ECLEVEL_M, size=4 if narrow else 5, native=True)
    p.textln(_plain(slip.qr_caption()))
    p.ln()
    _lines(p, slip.footer(), width_chars)
    p.cut()
    return p.output


def _lines(p: Dummy, text: str, width: int, *, max_lines: int = 3) -> None:
    lines = textwrap.wrap(_plain(text), width) or [""]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: width - 3].rstrip() + "..."
    for line in lines:
        p.textln(line)


_plain = printer_text  # controls and bidi characters removed, accents folded to ASCII
