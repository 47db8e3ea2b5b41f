"""Pieces the complaint register's PDF (reportlab platypus) needs: the shipped fonts as a family, safe text.

The receipts are drawn by the shared engine (:mod:`mpp_desk.printing.render_pdf`); the register is a
report of many rows and keeps platypus's table layout.
"""

from __future__ import annotations

import functools
from xml.sax.saxutils import escape

from mpp_desk.printing.fonts import BOLD, REGULAR, covered
from mpp_desk.printing.fonts import printable as printable  # noqa: PLC0414 - one rule for PDF text
from mpp_desk.textformat import shorten as shorten  # noqa: PLC0414 - used through this module by the register

FAMILY = REGULAR


@functools.cache
def ready() -> frozenset[int]:
    """Register the shipped fonts (and their family, for <b> in paragraphs); the code points they can draw."""
    from reportlab.lib.fonts import addMapping

    chars = covered()
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, REGULAR)
    addMapping(REGULAR, 1, 1, BOLD)
    return chars


def para(text: str | None) -> str:
    """Plain text as paragraph markup: drawable, escaped, line breaks kept."""
    return escape(printable(text)).replace("\n", "<br/>")
