"""A printed document as data: the lines of a receipt or a ticket, in order, with their emphasis.

The areas say what goes on a document (:mod:`mpp_desk.printing.slip` for the queue ticket,
:mod:`mpp_desk.intake.receipts` for the Tanda Terima and the return slip,
:mod:`mpp_desk.complaints.receipts` for the complaint receipt); the shared renderers draw it
(:mod:`mpp_desk.printing.render_escpos` for thermal printers, :mod:`mpp_desk.printing.render_pdf`
for the PDF blocks). Every text is passed through :func:`mpp_desk.textformat.printer_text` (ESC/POS)
or drawn with the shipped fonts (PDF) by the renderer, never by the area.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Union

Align = Literal["left", "center"]


@dataclass(frozen=True)
class Text:
    """A paragraph, wrapped to the paper's width."""

    text: str
    align: Align = "center"
    bold: bool = False
    size: Literal["normal", "tall", "big"] = "normal"  # tall: double height; big: the ticket number
    badge: bool = False  # white on black, in one line: "SALINAN", "PRIORITAS"
    indent: int = 0  # columns
    max_lines: int | None = None  # cut with "..." beyond this
    small: bool = False  # the printer's small font
    wrap: bool = True  # False: one line as it is (the printer wraps it if it must)


@dataclass(frozen=True)
class Rule:
    """A line across the paper (in the small font: a shorter one)."""

    char: str = "-"
    small: bool = False


@dataclass(frozen=True)
class Blank:
    """An empty line."""


@dataclass(frozen=True)
class Qr:
    """The QR code, centred; *module* dots per module (None: 5 on 80 mm paper, 4 on 58 mm)."""

    data: str
    module: int | None = None


Block = Union[Text, Rule, Blank, Qr]


@dataclass(frozen=True)
class Document:
    """What one thermal print says, top to bottom; *min_columns* is the narrowest paper it fits."""

    blocks: tuple[Block, ...]
    min_columns: int = 32
