"""The queue ticket as a PDF for 80 mm or 58 mm roll paper, drawn with reportlab.

The page is exactly as wide as the paper and as tall as the content. The QR code is drawn as
vector squares from the ``qrcode`` matrix, so it stays sharp on any printer resolution.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Callable

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from mpp_desk.printing.fonts import BOLD, REGULAR, register_fonts
from mpp_desk.printing.render_pdf import balanced_lines
from mpp_desk.printing.slip import TicketSlip

WIDTHS_MM = (80, 58)


@dataclass(frozen=True)
class _Geometry:
    margin: float
    office: float  # font sizes in points
    heading: float
    number_max: float
    group: float
    body: float
    small: float
    qr_size: float


GEOMETRY = {
    80: _Geometry(margin=5 * mm, office=11, heading=10, number_max=66, group=11, body=9.5, small=7.5, qr_size=32 * mm),
    58: _Geometry(margin=3.5 * mm, office=9, heading=8.5, number_max=50, group=9.5, body=8, small=6.5, qr_size=27 * mm),
}


def render_ticket_pdf(slip: TicketSlip, *, width_mm: int = 80) -> bytes:
    """The ticket as PDF bytes, one page *width_mm* wide (80 or 58)."""
    if width_mm not in GEOMETRY:
        raise ValueError(f"ticket width must be one of {WIDTHS_MM} mm")
    register_fonts()
    geo = GEOMETRY[width_mm]
    page_width = width_mm * mm
    content = page_width - 2 * geo.margin
    blocks = _layout(slip, geo, content)
    height = geo.margin * 2 + sum(b.height for b in blocks)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(page_width, height), pageCompression=1)
    canvas.setTitle(f"{slip.heading()} {slip.code}")
    canvas.setAuthor(slip.office_name)
    canvas.setCreator("MPP Desk")
    y = height - geo.margin
    for block in blocks:
        block.draw(canvas, geo.margin, y, content)
        y -= block.height
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


# --- layout ---------------------------------------------------------------------------------


@dataclass
class _Block:
    height: float
    draw: Callable[[Canvas, float, float, float], None]  # (canvas, left x, top y, width)


def _text(lines: list[str], font: str, size: float, *, leading: float = 1.22, gap_after: float = 0) -> _Block:
    line_height = size * leading

    def draw(c: Canvas, x: float, top: float, width: float) -> None:
        c.setFont(font, size)
        for i, line in enumerate(lines):
            baseline = top - line_height * i - size * 0.93
            c.drawCentredString(x + width / 2, baseline, line)

    return _Block(line_height * len(lines) + gap_after, draw)


def _wrapped(text: str, font: str, size: float, width: float, *, max_lines: int = 3, **kw) -> _Block:
    lines = balanced_lines(text, font, size, width) or [""]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and stringWidth(last + "…", font, size) > width:
            last = last[:-1]
        lines[-1] = last.rstrip() + "…"
    return _text(lines, font, size, **kw)


def _one_line(text: str, font: str, size: float, width: float, *, shrink: float = 0.85, **kw) -> _Block:
    """One line, made up to 15 % smaller to fit; wrapped only if that is not enough."""
    natural = stringWidth(text, font, size)
    if natural <= width:
        return _text([text], font, size, **kw)
    fitted = size * width / natural
    if fitted >= size * shrink:
        return _text([text], font, fitted * 0.995, **kw)
    return _wrapped(text, font, size, width, max_lines=2, **kw)


def _space(points: float) -> _Block:
    return _Block(points, lambda *_: None)


def _rule(*, dashed: bool = False, gap: float = 5) -> _Block:
    def draw(c: Canvas, x: float, top: float, width: float) -> None:
        c.saveState()
        c.setLineWidth(0.6)
        if dashed:
            c.setDash(2, 2)
        c.line(x, top - gap, x + width, top - gap)
        c.restoreState()

    return _Block(gap * 2, draw)


def _badge(text: str, size: float, *, inverted: bool) -> _Block:
    """A centred label in a box: black with white text (priority) or outlined (copy)."""
    pad_x, pad_y = size * 0.7, size * 0.45
    box_h = size + 2 * pad_y

    def draw(c: Canvas, x: float, top: float, width: float) -> None:
        text_w = stringWidth(text, BOLD, size)
        box_w = min(width, text_w + 2 * pad_x)
        left = x + (width - box_w) / 2
        c.saveState()
        c.setLineWidth(1)
        c.roundRect(left, top - box_h, box_w, box_h, 2.5, stroke=1, fill=1 if inverted else 0)
        c.setFillGray(1 if inverted else 0)
        c.setFont(BOLD, size)
        c.drawCentredString(x + width / 2, top - pad_y - size * 0.8, text)
        c.restoreState()

    return _Block(box_h + size * 0.5, draw)


def _number(code: str, max_size: float, width: float) -> _Block:
    size = min(max_size, width * 0.96 / stringWidth(code, BOLD, 1))
    cap = size * 0.73  # DejaVu Sans Bold cap height

    def draw(c: Canvas, x: float, top: float, w: float) -> None:
        c.setFont(BOLD, size)
        c.drawCentredString(x + w / 2, top - cap - size * 0.12, code)

    return _Block(cap + size * 0.3, draw)


def _qr(data: str, size: float) -> _Block:
    from mpp_desk.printing.qr import draw_qr, qr_matrix

    matrix = qr_matrix(data)

    def draw(c: Canvas, x: float, top: float, width: float) -> None:
        draw_qr(c, matrix, x + (width - size) / 2, top, size)

    return _Block(size, draw)


def _layout(slip: TicketSlip, geo: _Geometry, width: float) -> list[_Block]:
    blocks = [_wrapped(slip.office_name, BOLD, geo.office, width, max_lines=3, gap_after=2)]
    if slip.copy:
        blocks += [_space(3), _badge(slip.copy_mark(), geo.body, inverted=False)]
    blocks += [
        _rule(gap=4),
        _space(2),
        _text([slip.heading()], REGULAR, geo.heading),
        _number(slip.code, geo.number_max, width),
    ]
    if slip.priority:
        blocks += [_badge(slip.priority_line(), geo.body, inverted=True)]
    blocks += [_wrapped(slip.group_line(), BOLD, geo.group, width, max_lines=2)]
    if slip.service_title:
        blocks += [_space(1), _wrapped(slip.service_title, REGULAR, geo.body, width, max_lines=3)]
    blocks += [
        _rule(dashed=True, gap=5),
        _one_line(slip.when_line(), REGULAR, geo.body, width, gap_after=3),
        _one_line(slip.ahead_line(), BOLD, geo.body, width),
        _one_line(slip.wait_line(), REGULAR, geo.body, width),
        _rule(dashed=True, gap=5),
        _space(5),  # QR quiet zone: with the rule's gap, well over four modules
        _qr(slip.qr_data, geo.qr_size),
        _space(6),
        _one_line(slip.qr_caption(), REGULAR, geo.small, width, gap_after=4),
        _wrapped(slip.footer(), REGULAR, geo.small, width, max_lines=2),
    ]
    return blocks
