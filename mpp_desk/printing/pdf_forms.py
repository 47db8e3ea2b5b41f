"""Form blocks of the PDF engine (:mod:`mpp_desk.printing.render_pdf`): the letterhead, labelled fields,
framed boxes, places to sign."""

from __future__ import annotations

import logging

from reportlab.pdfbase.pdfmetrics import stringWidth

from mpp_desk.printing.fonts import BOLD, REGULAR, printable
from mpp_desk.printing.letterhead import Letterhead
from mpp_desk.printing.render_pdf import Block, Geometry, balanced_lines, lines_block, space, wrap

log = logging.getLogger(__name__)


def field_row(label: str, values: list[str], geo: Geometry, width: float, *, bold: bool = False) -> Block:

    font = BOLD if bold else REGULAR
    size = geo.body
    if geo.roll:
        label_lines = wrap(label, REGULAR, geo.small, width)
        value_lines = [line for value in values for line in wrap(value, font, size, width)]
        label_h = geo.small * 1.25 * len(label_lines)
        value_h = size * 1.25 * len(value_lines)

        def draw_roll(c, x: float, top: float, w: float) -> None:
            lines_block(label_lines, REGULAR, geo.small, gray=geo.label_gray).draw(c, x, top, w)
            lines_block(value_lines, font, size).draw(c, x, top - label_h, w)

        return Block(label_h + value_h + 2.5, draw_roll)
    value_width = width - geo.label_width
    value_lines = [line for value in values for line in wrap(value, font, size, value_width)]
    label_lines = wrap(label, REGULAR, size, geo.label_width - 6)
    height = size * 1.3 * max(len(value_lines), len(label_lines)) + 3

    def draw(c, x: float, top: float, w: float) -> None:
        lines_block(label_lines, REGULAR, size, gray=geo.label_gray, leading=1.3).draw(c, x, top, geo.label_width)
        lines_block(value_lines, font, size, leading=1.3).draw(c, x + geo.label_width, top, w - geo.label_width)

    return Block(height, draw)


def highlight_box(label_text: str, big_text: str, note_text: str, geo: Geometry, width: float) -> Block:
    """A framed figure: the due date on a Tanda Terima, what is missing on a return slip."""
    pad = 6 if not geo.roll else 4.5
    big = geo.number * (0.8 if not geo.roll else 0.85)
    inner = width - 2 * pad
    align = "center" if geo.roll else "left"
    label = lines_block(wrap(label_text, REGULAR, geo.body, inner), REGULAR, geo.body, align=align)
    date = lines_block(wrap(big_text, BOLD, big, inner), BOLD, big, align=align, leading=1.2)
    note = lines_block(wrap(note_text, REGULAR, geo.small, inner), REGULAR, geo.small, align=align,
                        gray=geo.label_gray)
    height = pad * 2 + label.height + date.height + 2 + note.height

    def draw(c, x: float, top: float, w: float) -> None:
        c.saveState()
        c.setLineWidth(1.4)
        c.roundRect(x, top - height, w, height, 4, stroke=1, fill=0)
        c.restoreState()
        y = top - pad
        for block in (label, date, space(2), note):
            block.draw(c, x + pad, y, w - 2 * pad)
            y -= block.height

    return Block(height + 6, draw)


def label_value_row(label: str, value: str, width: float, *, label_width: float, label_size: float,
                    value_size: float, label_gray: float = 0.27, value_font: str = REGULAR, pad: float = 2.5,
                    leading: float = 1.25) -> Block:
    """A table row: the label in gray in a column *label_width* wide, the value wrapped beside it."""
    label_lines = wrap(label, REGULAR, label_size, label_width - 4)
    value_lines = wrap(value, value_font, value_size, width - label_width)
    label_block = lines_block(label_lines, REGULAR, label_size, gray=label_gray, leading=leading)
    value_block = lines_block(value_lines, value_font, value_size, leading=leading)
    height = max(label_block.height, value_block.height) + 2 * pad

    def draw(c, x: float, top: float, w: float) -> None:
        label_block.draw(c, x, top - pad, label_width)
        value_block.draw(c, x + label_width, top - pad, w - label_width)

    return Block(height, draw)


def inline_field(label: str, value: str, font: str, size: float, width: float, *, label_gray: float = 0.27,
                 leading: float = 1.25) -> Block:
    """"Label: value" as one paragraph, the label in gray (the fields of a roll receipt)."""
    prefix = printable(label) + ":"
    lines = wrap(f"{prefix} {value}", font, size, width)
    line_height = size * leading

    def draw(c, x: float, top: float, w: float) -> None:
        c.saveState()
        c.setFont(font, size)
        for i, line in enumerate(lines):
            baseline = top - line_height * i - size * 0.95
            if i == 0 and line.startswith(prefix):
                c.setFillGray(label_gray)
                c.drawString(x, baseline, prefix)
                c.setFillGray(0)
                c.drawString(x + stringWidth(prefix, font, size), baseline, line[len(prefix):])
            else:
                c.drawString(x, baseline, line)
        c.restoreState()

    return Block(line_height * len(lines), draw)


def boxed(blocks: list[Block], box_width: float, *, pad: float = 6, border: float = 1.2,
          background: float | None = None) -> Block:
    """*blocks* in a frame *box_width* wide, centred (a date to remember, a copy mark)."""
    inner = sum(b.height for b in blocks)
    height = inner + 2 * pad

    def draw(c, x: float, top: float, w: float) -> None:
        box_w = min(box_width, w)
        left = x + (w - box_w) / 2
        c.saveState()
        c.setLineWidth(border)
        if background is not None:
            c.setFillGray(background)
        c.rect(left, top - height, box_w, height, stroke=1, fill=1 if background is not None else 0)
        c.restoreState()
        y = top - pad
        for block in blocks:
            block.draw(c, left + pad, y, box_w - 2 * pad)
            y -= block.height

    return Block(height, draw)


def signature(heading: str, name: str, size: float, *, column: float, room: float) -> Block:
    """A place to sign at the right: the heading, *room* points of space, then "( name )"."""
    top_line = lines_block([heading], REGULAR, size, align="center")
    name_line = lines_block([f"( {name} )"], REGULAR, size, align="center")

    def draw(c, x: float, top: float, w: float) -> None:
        top_line.draw(c, x + w - column, top, column)
        name_line.draw(c, x + w - column, top - top_line.height - room, column)

    return Block(top_line.height + room + name_line.height, draw)


def letterhead_block(head: Letterhead, geo: Geometry, width: float) -> Block:
    """The letterhead (kop): the government and the agency, the office's name and address, centred, with the
    logo (when its file can be read) at the left; a double rule under it. On A4 the text is centred on the
    page (equal room both sides); on a roll it takes the width beside the logo, which adds no length."""
    logo = _logo(head.logo)
    roll = geo.roll
    logo_h = (10 if roll else 17) * 2.8346 if logo is not None else 0
    ratio = logo.getSize()[0] / max(1, logo.getSize()[1]) if logo is not None else 0
    logo_w, gap = logo_h * ratio, 4 if roll else 6
    if logo is None:
        text_x, text_w = 0.0, width
    elif roll:
        text_x, text_w = logo_w + gap, width - logo_w - gap
    else:
        text_x, text_w = logo_w + gap, width - 2 * (logo_w + gap)
    office = geo.office
    while office > geo.office * 0.8 and stringWidth(printable(head.office_name), BOLD, office) > text_w:
        office -= 0.25  # the office's name on one line where a little smaller does it
    sizes = (6.6, 6.6, office, geo.small - 0.3) if roll else (10.5, 11.5, office, geo.small + 1)
    fonts = (BOLD, BOLD, BOLD, REGULAR)
    texts = (head.government, head.agency, head.office_name, head.address)
    parts = [lines_block(balanced_lines(t, f, s, text_w, lines=wrap(t, f, s, text_w)), f, s, align="center",
                         leading=1.2, gray=0 if f == BOLD else geo.label_gray)
             for t, f, s in zip(texts, fonts, sizes) if t]
    text_h = sum(p.height for p in parts)
    height = max(text_h, logo_h) + (7 if roll else 6)

    def draw(c, x: float, top: float, w: float) -> None:
        if logo is not None:
            c.drawImage(logo, x, top - logo_h - max(0.0, (text_h - logo_h) / 2), logo_w, logo_h, mask="auto")
        y = top - max(0.0, (logo_h - text_h) / 2)
        for part in parts:
            part.draw(c, x + text_x, y, text_w)
            y -= part.height
        bottom = top - height + 4
        c.saveState()
        c.setLineWidth(1.6 if not roll else 1.1)
        c.line(x, bottom + 2.2, x + w, bottom + 2.2)
        c.setLineWidth(0.5)
        c.line(x, bottom, x + w, bottom)
        c.restoreState()

    return Block(height, draw)


def _logo(path: str):
    """The logo as a reportlab image, or None (no file set, or one this PC cannot read)."""
    if not path:
        return None
    from reportlab.lib.utils import ImageReader

    try:
        image = ImageReader(path)
        image.getSize()
        return image
    except Exception:  # noqa: BLE001 - a missing or broken logo must not stop a receipt
        log.warning("letterhead logo %s cannot be read; printed without it", path)
        return None


def signatures(left: tuple[str, str], right: tuple[str, str], size: float, *, room: float) -> Block:
    """Two places to sign side by side: (heading, name) each, *room* points of space, then "( name )"."""
    def column(heading: str, name: str) -> tuple[Block, Block]:
        return (lines_block([heading], REGULAR, size, align="center"),
                lines_block([f"( {name} )" if name else "( ........................ )"], REGULAR, size,
                            align="center"))

    cols = [column(*left), column(*right)]
    top_h = cols[0][0].height

    def draw(c, x: float, top: float, w: float) -> None:
        half = w / 2
        for i, (heading, name) in enumerate(cols):
            heading.draw(c, x + i * half, top, half)
            name.draw(c, x + i * half, top - top_h - room, half)

    return Block(top_h + room + cols[0][1].height, draw)
