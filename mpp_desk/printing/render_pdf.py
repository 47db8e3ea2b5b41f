"""The one PDF layout engine of receipts and tickets: blocks stacked down an A4 page or a paper roll.

A :class:`Block` knows its height and draws itself at a top-left corner and a width on a reportlab
canvas; the areas arrange blocks (:mod:`mpp_desk.intake.receipt_layout`,
:mod:`mpp_desk.complaints.receipt_layout`, :mod:`mpp_desk.printing.pdf` for the ticket) and
:func:`render` puts them on paper: one roll page as tall as its content, or A4 pages with a footer
line. Text is drawn with the shipped DejaVu fonts (:mod:`mpp_desk.printing.fonts`); a character
they cannot draw comes out as U+FFFD, never as an empty box.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from mpp_desk.printing.fonts import BOLD, printable, register_fonts
from mpp_desk.printing.qr import draw_qr, qr_matrix


@dataclass(frozen=True)
class Geometry:
    """The paper and the type sizes of one kind of document at one size."""
    width: float  # paper width in points
    height: float | None  # None: a roll, as tall as the content
    margin: float
    office: float
    title: float
    number: float
    body: float
    small: float
    label_width: float
    qr: float
    roll: bool
    label_gray: float


@dataclass
class Block:
    height: float
    draw: Callable[[Any, float, float, float], None]  # (canvas, left x, top y, width)
    keep_with_next: bool = False


def paginate(blocks: list[Block], room: float) -> list[list[Block]]:
    pages: list[list[Block]] = [[]]
    used = 0.0
    for index, block in enumerate(blocks):
        need = block.height
        if block.keep_with_next and index + 1 < len(blocks):
            need += blocks[index + 1].height
        if used + need > room and pages[-1]:
            pages.append([])
            used = 0.0
        pages[-1].append(block)
        used += block.height
    return pages


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Lines of *text* no wider than *width*; words longer than a line are broken by character."""
    lines: list[str] = []
    for paragraph in printable(text).split("\n"):
        for line in simpleSplit(paragraph, font, size, width) or [""]:
            while stringWidth(line, font, size) > width and len(line) > 1:
                cut = len(line)
                while cut > 1 and stringWidth(line[:cut], font, size) > width:
                    cut -= 1
                lines.append(line[:cut])
                line = line[cut:]
            lines.append(line)
    return lines


def balanced_lines(text: str, font: str, size: float, width: float, *, lines: list[str] | None = None) -> list[str]:
    """*text* wrapped to *width* (or the given *lines*); two lines are split where they come out most
    even ("Mal Pelayanan Publik" / "Bale Madukara" rather than a lone last word)."""
    if lines is None:
        lines = list[str](simpleSplit(text, font, size, width))
    if len(lines) != 2:
        return lines
    words = text.split()
    best = lines
    best_width = max(stringWidth(line, font, size) for line in lines)
    for cut in range(1, len(words)):
        pair = [" ".join(words[:cut]), " ".join(words[cut:])]
        widest = max(stringWidth(line, font, size) for line in pair)
        if widest <= width and widest < best_width:
            best, best_width = pair, widest
    return best


def lines_block(lines: list[str], font: str, size: float, *, align: str = "left", gray: float = 0,
                 leading: float = 1.25, gap_after: float = 0, indent: float = 0, baseline: float = 0.95) -> Block:
    """Lines as given, one under the other (*baseline*: how far below a line's top its baseline sits, in ems)."""
    line_height = size * leading
    lines = [printable(line) for line in lines]

    def draw(c, x: float, top: float, width: float) -> None:
        c.saveState()
        c.setFont(font, size)
        c.setFillGray(gray)
        for i, line in enumerate(lines):
            y = top - line_height * i - size * baseline
            if align == "center":
                c.drawCentredString(x + width / 2, y, line)
            elif align == "right":
                c.drawRightString(x + width, y, line)
            else:
                c.drawString(x + indent, y, line)
        c.restoreState()

    return Block(line_height * len(lines) + gap_after, draw)


def para(text: str, font: str, size: float, width: float, **kw) -> Block:
    indent = kw.get("indent", 0)
    lines = wrap(text, font, size, width - indent)
    if kw.get("align") == "center" and len(lines) == 2:
        lines = balanced_lines(text, font, size, width, lines=lines)
    return lines_block(lines, font, size, **kw)


def para_lines(text: str, font: str, size: float, width: float, **kw) -> list[Block]:
    """A paragraph as one block per line, so a long one can run onto the next page."""
    gap_after = kw.pop("gap_after", 0)
    lines = wrap(text, font, size, width - kw.get("indent", 0))
    blocks = [lines_block([line], font, size, **kw) for line in lines]
    if blocks and gap_after:
        blocks.append(space(gap_after))
    return blocks


def fit_line(text: str, font: str, size: float, width: float, *, align: str = "left", gap_after: float = 0) -> Block:
    """One line, made smaller to fit the width (a long registration number on narrow paper)."""
    natural = stringWidth(text, font, size)
    if natural > width:
        size = size * width / natural * 0.99
    return lines_block([text], font, size, align=align, leading=1.2, gap_after=gap_after)


def clipped(text: str, font: str, size: float, width: float, *, max_lines: int = 3, **kw) -> Block:
    """A centred paragraph in even lines, cut with "…" after *max_lines* (the ticket's names)."""
    lines = balanced_lines(printable(text), font, size, width) or [""]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and stringWidth(last + "…", font, size) > width:
            last = last[:-1]
        lines[-1] = last.rstrip() + "…"
    return lines_block(lines, font, size, align="center", **kw)


def shrink_line(text: str, font: str, size: float, width: float, *, shrink: float = 0.85, **kw) -> Block:
    """One centred line, made up to 15 % smaller to fit; in two lines only if that is not enough."""
    text = printable(text)
    natural = stringWidth(text, font, size)
    if natural <= width:
        return lines_block([text], font, size, align="center", **kw)
    fitted = size * width / natural
    if fitted >= size * shrink:
        return lines_block([text], font, fitted * 0.995, align="center", **kw)
    return clipped(text, font, size, width, max_lines=2, **kw)


def big_number(code: str, max_size: float, width: float) -> Block:
    """The ticket number, as large as the paper allows (at most *max_size* points)."""
    code = printable(code)
    size = min(max_size, width * 0.96 / stringWidth(code, BOLD, 1))
    cap = size * 0.73  # DejaVu Sans Bold cap height

    def draw(c, x: float, top: float, w: float) -> None:
        c.setFont(BOLD, size)
        c.drawCentredString(x + w / 2, top - cap - size * 0.12, code)

    return Block(cap + size * 0.3, draw)


def stack(blocks: list[Block]) -> Block:
    """Blocks that go on one page together."""
    def draw(c, x: float, top: float, width: float) -> None:
        y = top
        for block in blocks:
            block.draw(c, x, y, width)
            y -= block.height

    return Block(sum(b.height for b in blocks), draw)


def space(points: float) -> Block:
    return Block(points, lambda *_: None)


def rule(*, weight: float = 0.6, dashed: bool = False, gap: float = 5, gray: float = 0) -> Block:
    def draw(c, x: float, top: float, width: float) -> None:
        c.saveState()
        c.setLineWidth(weight)
        c.setStrokeGray(gray)
        if dashed:
            c.setDash(2, 2)
        c.line(x, top - gap, x + width, top - gap)
        c.restoreState()

    return Block(gap * 2, draw)


def badge(text: str, size: float, *, align: str = "center", inverted: bool = False,
          pad: tuple[float, float] = (0.8, 0.4), line_width: float = 1.2, after: float = 0.6) -> Block:
    """A label in a rounded box: outlined ("SALINAN"), or white on black (*inverted*: "PRIORITAS")."""

    pad_x, pad_y = size * pad[0], size * pad[1]
    box_h = size + 2 * pad_y

    def draw(c, x: float, top: float, width: float) -> None:
        box_w = min(width, stringWidth(text, BOLD, size) + 2 * pad_x)
        left = x + (width - box_w) / 2 if align == "center" else x
        c.saveState()
        c.setLineWidth(line_width)
        c.roundRect(left, top - box_h, box_w, box_h, 2.5, stroke=1, fill=1 if inverted else 0)
        if inverted:
            c.setFillGray(1)
        c.setFont(BOLD, size)
        c.drawCentredString(left + box_w / 2, top - pad_y - size * 0.8, printable(text))
        c.restoreState()

    return Block(box_h + size * after, draw)


def qr_block(data: str, size: float) -> Block:
    """The QR code of *data*, *size* points wide, centred (vector squares: sharp on any printer)."""
    matrix = qr_matrix(data)

    def draw(c, x: float, top: float, width: float) -> None:
        draw_qr(c, matrix, x + (width - size) / 2, top, size)

    return Block(size, draw)


def columns(left: list[Block], right: list[Block], right_width: float, gap: float) -> Block:
    """Two stacks side by side (the A4 heading: title and number left, the QR code right)."""
    height = max(sum(b.height for b in left), sum(b.height for b in right))

    def draw(c, x: float, top: float, width: float) -> None:
        y = top
        for block in left:
            block.draw(c, x, y, width - right_width - gap)
            y -= block.height
        y = top
        for block in right:
            block.draw(c, x + width - right_width, y, right_width)
            y -= block.height

    return Block(height, draw)


def render(blocks: list[Block], geo: Geometry, *, title: str, author: str,
           page_footer: Callable[[Any, int, int], None] | None = None) -> bytes:
    """*blocks* on paper: one roll page as tall as the content, or pages of ``geo.height`` with
    ``page_footer(canvas, page, pages)`` drawn at the foot of each."""
    register_fonts()
    content = geo.width - 2 * geo.margin
    buffer = io.BytesIO()
    if geo.roll:
        pages = [blocks]
        page_height = 2 * geo.margin + sum(b.height for b in blocks)
    else:
        assert geo.height is not None
        pages = paginate(blocks, geo.height - 2 * geo.margin - geo.small * 2.2)
        page_height = geo.height
    canvas = Canvas(buffer, pagesize=(geo.width, page_height), pageCompression=1)
    canvas.setTitle(title)
    canvas.setAuthor(author)
    canvas.setCreator("MPP Desk")
    for number, page in enumerate(pages, start=1):
        y = page_height - geo.margin
        for block in page:
            block.draw(canvas, geo.margin, y, content)
            y -= block.height
        if page_footer is not None and not geo.roll:
            page_footer(canvas, number, len(pages))
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()
