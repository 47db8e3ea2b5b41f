"""Form blocks of the PDF engine (:mod:`mpp_desk.printing.render_pdf`): labelled fields, framed boxes,
a place to sign."""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth

from mpp_desk.printing.fonts import BOLD, REGULAR, printable
from mpp_desk.printing.render_pdf import Block, Geometry, lines_block, space, wrap


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
