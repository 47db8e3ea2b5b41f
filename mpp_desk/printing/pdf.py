"""The queue ticket as a PDF for 80 mm or 58 mm roll paper: what goes where, drawn by the shared engine.

The page is exactly as wide as the paper and as tall as the content (:func:`render_pdf.render` on a
roll). The QR code is drawn as vector squares from the ``qrcode`` matrix, so it stays sharp on any
printer resolution.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.units import mm

from mpp_desk.printing.fonts import BOLD, REGULAR, register_fonts
from mpp_desk.printing.render_pdf import (
    Block,
    Geometry,
    badge,
    big_number,
    clipped,
    lines_block,
    qr_block,
    render,
    rule,
    shrink_line,
    space,
)
from mpp_desk.printing.slip import TicketSlip

WIDTHS_MM = (80, 58)
TEXT = {"leading": 1.22, "baseline": 0.93}  # the ticket's line spacing


@dataclass(frozen=True)
class _Sizes:
    margin: float
    office: float  # font sizes in points
    heading: float
    number_max: float
    group: float
    body: float
    small: float
    qr_size: float


GEOMETRY = {
    80: _Sizes(margin=5 * mm, office=11, heading=10, number_max=66, group=11, body=9.5, small=7.5, qr_size=32 * mm),
    58: _Sizes(margin=3.5 * mm, office=9, heading=8.5, number_max=50, group=9.5, body=8, small=6.5, qr_size=27 * mm),
}


def render_ticket_pdf(slip: TicketSlip, *, width_mm: int = 80) -> bytes:
    """The ticket as PDF bytes, one page *width_mm* wide (80 or 58)."""
    if width_mm not in GEOMETRY:
        raise ValueError(f"ticket width must be one of {WIDTHS_MM} mm")
    register_fonts()  # the layout measures text
    sizes = GEOMETRY[width_mm]
    paper = Geometry(width=width_mm * mm, height=None, margin=sizes.margin, office=sizes.office, title=sizes.heading,
                     number=sizes.number_max, body=sizes.body, small=sizes.small, label_width=0, qr=sizes.qr_size,
                     roll=True, label_gray=0)
    blocks = _layout(slip, sizes, paper.width - 2 * paper.margin)
    return render(blocks, paper, title=f"{slip.heading()} {slip.code}", author=slip.office_name)


def _badge(text: str, size: float, *, inverted: bool) -> Block:
    return badge(text, size, inverted=inverted, pad=(0.7, 0.45), line_width=1, after=0.5)


def _layout(slip: TicketSlip, geo: _Sizes, width: float) -> list[Block]:
    blocks = [clipped(slip.office_name, BOLD, geo.office, width, max_lines=3, gap_after=2, **TEXT)]
    if slip.copy:
        blocks += [space(3), _badge(slip.copy_mark(), geo.body, inverted=False)]
    blocks += [
        rule(gap=4),
        space(2),
        lines_block([slip.heading()], REGULAR, geo.heading, align="center", **TEXT),
        big_number(slip.code, geo.number_max, width),
    ]
    if slip.priority:
        blocks += [_badge(slip.priority_line(), geo.body, inverted=True)]
    blocks += [clipped(slip.group_line(), BOLD, geo.group, width, max_lines=2, **TEXT)]
    if slip.service_title:
        blocks += [space(1), clipped(slip.service_title, REGULAR, geo.body, width, max_lines=3, **TEXT)]
    blocks += [
        rule(dashed=True, gap=5),
        shrink_line(slip.when_line(), REGULAR, geo.body, width, gap_after=3, **TEXT),
        shrink_line(slip.ahead_line(), BOLD, geo.body, width, **TEXT),
        shrink_line(slip.wait_line(), REGULAR, geo.body, width, **TEXT),
        rule(dashed=True, gap=5),
        space(5),  # QR quiet zone: with the rule's gap, well over four modules
        qr_block(slip.qr_data, geo.qr_size),
        space(6),
        shrink_line(slip.qr_caption(), REGULAR, geo.small, width, gap_after=4, **TEXT),
        clipped(slip.footer(), REGULAR, geo.small, width, max_lines=2, **TEXT),
    ]
    return blocks
