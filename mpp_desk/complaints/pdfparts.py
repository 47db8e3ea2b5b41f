"""Pieces the complaint PDFs share: the shipped fonts as a family, safe text, a vector QR code."""

from __future__ import annotations

import functools
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable

from mpp_desk.printing.fonts import BOLD, REGULAR, register_fonts
from mpp_desk.textformat import shorten  # noqa: F401 - used through this module by the register

FAMILY = REGULAR
REPLACEMENT = "\ufffd"


@functools.cache
def ready() -> frozenset[int]:
    """Register the shipped fonts (and their family, for <b> in paragraphs); the code points they can draw."""
    register_fonts()
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics

    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, REGULAR)
    addMapping(REGULAR, 1, 1, BOLD)
    regular = set(pdfmetrics.getFont(REGULAR).face.charToGlyph)
    bold = set(pdfmetrics.getFont(BOLD).face.charToGlyph)
    return frozenset(regular & bold)


def printable(text: str | None) -> str:
    """*text* with every character the shipped font cannot draw replaced by U+FFFD (never an empty box or a crash)."""
    if not text:
        return ""
    covered = ready()
    return "".join(ch if ch in "\n\t " or ord(ch) in covered else REPLACEMENT for ch in text)


def para(text: str | None) -> str:
    """Plain text as paragraph markup: drawable, escaped, line breaks kept."""
    return escape(printable(text)).replace("\n", "<br/>")


class QrCode(Flowable):
    """A QR code drawn as vector squares (sharp on any printer), *size* points wide, level M."""

    def __init__(self, data: str, size: float, *, align: str = "CENTER") -> None:
        super().__init__()
        from mpp_desk.printing.qr import qr_matrix

        self.matrix = qr_matrix(data)
        self.size = size
        self.hAlign = align

    def wrap(self, available_width, available_height):
        return self.size, self.size

    def draw(self) -> None:
        from mpp_desk.printing.qr import draw_qr

        draw_qr(self.canv, self.matrix, 0, self.size, self.size)


def balanced(text: str, font: str, size: float, width: float) -> str:
    """Paragraph markup of *text* wrapped to *width* in even lines ("Mal Pelayanan Publik" / "Bale Madukara")."""
    from mpp_desk.printing.render_pdf import balanced_lines

    lines = balanced_lines(printable(text), font, size, width)
    return "<br/>".join(escape(line) for line in lines)
