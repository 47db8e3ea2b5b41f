"""Any :class:`~mpp_desk.printing.document.Document` as ESC/POS bytes for a thermal printer.

Built on python-escpos's ``Dummy`` printer, which records the commands instead of sending them;
the bytes then go to the real printer in one write (:mod:`mpp_desk.printing.printers`). Every
text goes through :func:`~mpp_desk.textformat.printer_text`: control and bidi characters never
reach the printer (a name cannot open the cash drawer), accents are folded to ASCII.
"""

from __future__ import annotations

import textwrap

from mpp_desk.printing.document import Blank, Document, Qr, Rule, Text
from mpp_desk.textformat import printer_text

WIDTH_CHARS = {80: 48, 58: 32}  # font A columns


def render_escpos(document: Document, *, width_chars: int = 48) -> bytes:
    """ESC/POS commands printing *document* on a printer *width_chars* columns wide, then a cut."""
    from escpos.constants import QR_ECLEVEL_M
    from escpos.printer import Dummy

    if width_chars < document.min_columns:
        raise ValueError(f"this document needs at least {document.min_columns} columns")
    narrow = width_chars < 40
    p = Dummy()
    p.hw("INIT")
    for block in document.blocks:
        if isinstance(block, Text):
            _text(p, block, width_chars, narrow)
        elif isinstance(block, Rule):
            p.set(bold=False, invert=False, normal_textsize=True, font="b" if block.small else "a")
            p.textln(block.char * width_chars)
        elif isinstance(block, Blank):
            p.set(bold=False, invert=False, normal_textsize=True)
            p.ln()
        elif isinstance(block, Qr):
            p.set(align="center")
            module = block.module if block.module is not None else (4 if narrow else 5)
            p.qr(block.data, ec=QR_ECLEVEL_M, size=module, native=True)
        else:  # pragma: no cover - a new kind of block needs its drawing here
            raise TypeError(f"cannot print {block!r}")
    p.cut()
    return p.output


def _text(p, block: Text, width: int, narrow: bool) -> None:
    style: dict = {"align": block.align, "bold": block.bold or block.badge, "invert": block.badge,
                   "font": "b" if block.small else "a"}
    text = printer_text(block.text)
    if block.size == "big":
        # 8 columns per character at 4x: "A001" takes 16 of 32 or 48 columns.
        scale = 3 if narrow and len(text) > 5 else 4
        style.update(custom_size=True, width=scale, height=scale, smooth=True)
    elif block.size == "tall":
        style.update(double_height=True)
    else:
        style.update(normal_textsize=True)
    p.set(**style)
    if block.badge:
        p.textln(f" {text} ")
    elif not block.wrap:
        p.textln(text)
    else:
        for line in wrap_lines(text, width - block.indent, max_lines=block.max_lines):
            p.textln(" " * block.indent + line)


def wrap_lines(text: str, width: int, *, max_lines: int | None = None) -> list[str]:
    """*text* in lines of at most *width* columns; beyond *max_lines* the last one ends in "..."."""
    lines = textwrap.wrap(text, width) or [""]
    if max_lines is not None and len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: width - 3].rstrip() + "..."
    return lines
