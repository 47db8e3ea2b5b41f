"""The intake receipts on paper: the PDF layout (A4, 80 mm) and the thermal print (ESC/POS).

Only what goes where: the blocks come from the shared engine (:mod:`mpp_desk.printing.render_pdf`,
:mod:`mpp_desk.printing.render_escpos`), the words from :class:`~mpp_desk.intake.receipt_view.ReceiptView`.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from mpp_desk.i18n import N_
from mpp_desk.intake.receipt_view import RETURN_SLIP, SIZES, TANDA_TERIMA, ReceiptItem, ReceiptView
from mpp_desk.intake.rules import INVALID, MISSING, PRESENT_VALID
from mpp_desk.printing.document import Blank, Document, Qr, Rule, Text
from mpp_desk.printing.fonts import BOLD, REGULAR, register_fonts
from mpp_desk.printing.render_escpos import render_escpos
from mpp_desk.printing.pdf_forms import field_row, highlight_box
from mpp_desk.printing.render_pdf import (
    Block,
    Geometry,
    badge,
    columns,
    fit_line,
    lines_block,
    para,
    para_lines,
    qr_block,
    render,
    rule,
    space,
    stack,
    wrap,
)


def _geometry(size: str) -> Geometry:
    if size == "A4":
        return Geometry(width=A4[0], height=A4[1], margin=15 * mm, office=13, title=15, number=20, body=9.2,
                         small=7, label_width=38 * mm, qr=36 * mm, roll=False, label_gray=0.38)
    if size == "80mm":
        return Geometry(width=80 * mm, height=None, margin=4.5 * mm, office=10.5, title=10.5, number=15, body=8.5,
                         small=6.6, label_width=0, qr=40 * mm, roll=True, label_gray=0)
    raise ValueError(f"receipt size must be one of {SIZES}")

def render_tanda_terima_pdf(view: ReceiptView, size: str = "A4") -> bytes:
    """The Tanda Terima as PDF bytes (A4 pages, or one 80 mm page as tall as the content)."""
    if view.kind != TANDA_TERIMA:
        raise ValueError("not a Tanda Terima")
    return _render_pdf(view, size)


def render_return_slip_pdf(view: ReceiptView, size: str = "A4") -> bytes:
    """The return slip (what is missing or not valid) as PDF bytes."""
    if view.kind != RETURN_SLIP:
        raise ValueError("not a return slip")
    return _render_pdf(view, size)


def render_receipt_pdf(view: ReceiptView, size: str = "A4") -> bytes:
    """Either receipt, by its kind."""
    return _render_pdf(view, size)

def _render_pdf(view: ReceiptView, size: str) -> bytes:
    register_fonts()  # the layout measures text
    geo = _geometry(size)
    blocks = _layout(view, geo, geo.width - 2 * geo.margin)
    return render(blocks, geo, title=f"{view.title()} {view.number()}", author=view.office_name,
                  page_footer=lambda canvas, page, pages: _page_footer(canvas, view, geo, page, pages))


def _page_footer(canvas, view: ReceiptView, geo: Geometry, page: int, pages: int) -> None:
    y = geo.margin - geo.small
    canvas.saveState()
    canvas.setFont(REGULAR, geo.small)
    canvas.setFillGray(geo.label_gray)
    canvas.drawString(geo.margin, y, view.footer())
    right = f"{view.number()} · {view.page_label(page, pages)}" if pages > 1 else view.number()
    canvas.drawRightString(geo.width - geo.margin, y, right)
    canvas.restoreState()


# -- blocks
def _key_box(view: ReceiptView, geo: Geometry, width: float) -> Block:
    if view.kind == TANDA_TERIMA:
        return highlight_box(view.due_label(), view.due_line(), view.due_note(), geo, width)
    return highlight_box(view.missing_label(), view.missing_count_line(), view.not_registered_note(), geo, width)


_MARKS = {PRESENT_VALID: "✓", MISSING: "✗", INVALID: "⚠"}


def _checklist_header(view: ReceiptView, geo: Geometry, width: float) -> Block:
    number_w, state_w = 9 * 2.8346, 40 * 2.8346
    size = geo.small + 0.5

    def draw(c, x: float, top: float, w: float) -> None:
        c.saveState()
        c.setFont(BOLD, size)
        c.setFillGray(geo.label_gray)
        baseline = top - size
        c.drawString(x, baseline, view.say(N_("receipts", "No.")))
        c.drawString(x + number_w, baseline, view.say(N_("receipts", "Requirement")))
        c.drawString(x + w - state_w, baseline, view.say(N_("receipts", "Result")))
        c.setLineWidth(0.8)
        c.setStrokeGray(0)
        c.line(x, top - size * 1.6, x + w, top - size * 1.6)
        c.restoreState()

    return Block(size * 1.6 + 3, draw, keep_with_next=True)


def _checklist_row(view: ReceiptView, item: ReceiptItem, number: int, geo: Geometry, width: float) -> Block:
    size = geo.body
    mark = _MARKS.get(item.state or "", "–")
    state = f"{mark} {view.state_text(item.state)}"
    note_lines: list[str] = []
    if geo.roll and view.kind == TANDA_TERIMA:
        # Every line of a Tanda Terima is present and valid: one mark per line, not a result line each.
        indent = 4 * 2.8346
        text_lines = wrap(f"{number}. {item.text}", REGULAR, size, width - indent)
        if item.note:
            note_lines = wrap(view.note_text(item.note), REGULAR, geo.small + 0.4, width - indent)
        height = len(text_lines) * size * 1.22 + len(note_lines) * (geo.small + 0.4) * 1.25 + 3

        def draw_compact(c, x: float, top: float, w: float) -> None:
            lines_block([mark], BOLD, size, leading=1.22).draw(c, x, top, indent)
            block = lines_block(text_lines, REGULAR, size, leading=1.22)
            block.draw(c, x + indent, top, w - indent)
            if note_lines:
                lines_block(note_lines, REGULAR, geo.small + 0.4).draw(c, x + indent, top - block.height, w - indent)

        return Block(height, draw_compact)
    if geo.roll:
        indent = 5 * 2.8346
        text_lines = wrap(f"{number}. {item.text}", REGULAR, size, width)
        state_lines = wrap(state, BOLD, size, width - indent)
        if item.note:
            note_lines = wrap(view.note_text(item.note), REGULAR, geo.small + 0.4, width - indent)
        height = (len(text_lines) + len(state_lines)) * size * 1.22 + len(note_lines) * (geo.small + 0.4) * 1.25 + 4

        def draw_roll(c, x: float, top: float, w: float) -> None:
            y = top
            block = lines_block(text_lines, REGULAR, size, leading=1.22)
            block.draw(c, x, y, w)
            y -= block.height
            block = lines_block(state_lines, BOLD, size, leading=1.22)
            block.draw(c, x + indent, y, w - indent)
            y -= block.height
            if note_lines:
                lines_block(note_lines, REGULAR, geo.small + 0.4).draw(c, x + indent, y, w - indent)

        return Block(height, draw_roll)

    number_w, state_w = 9 * 2.8346, 40 * 2.8346
    text_w = width - number_w - state_w - 8
    text_lines = wrap(item.text, REGULAR, size, text_w)
    if item.note:
        note_lines = wrap(view.note_text(item.note), REGULAR, geo.small + 0.8, text_w)
    state_lines = wrap(state, BOLD if item.state != PRESENT_VALID else REGULAR, size, state_w)
    body_h = len(text_lines) * size * 1.25 + len(note_lines) * (geo.small + 0.8) * 1.25
    height = max(body_h, len(state_lines) * size * 1.25) + 4

    def draw(c, x: float, top: float, w: float) -> None:
        y = top - 2
        lines_block([f"{number}."], REGULAR, size, leading=1.25).draw(c, x, y, number_w)
        block = lines_block(text_lines, REGULAR, size, leading=1.25)
        block.draw(c, x + number_w, y, text_w)
        if note_lines:
            lines_block(note_lines, REGULAR, geo.small + 0.8, gray=geo.label_gray, leading=1.25).draw(
                c, x + number_w, y - block.height, text_w)
        lines_block(state_lines, BOLD if item.state != PRESENT_VALID else REGULAR, size, leading=1.25).draw(
            c, x + w - state_w, y, state_w)
        c.saveState()
        c.setLineWidth(0.3)
        c.setStrokeGray(0.7)
        c.line(x, top - height, x + w, top - height)
        c.restoreState()

    return Block(height, draw)


def _layout(view: ReceiptView, geo: Geometry, width: float) -> list[Block]:
    center = "center" if geo.roll else "left"
    blocks: list[Block] = [para(view.office_name, BOLD, geo.office, width, align=center, gap_after=1)]
    if view.office_address:
        blocks.append(para(view.office_address, REGULAR, geo.small, width, align=center, gray=geo.label_gray))
    blocks.append(rule(weight=1.6 if not geo.roll else 1, gap=5))
    gutter = 10
    left_width = width if geo.roll else width - geo.qr - gutter
    heading = [
        para(view.title(), BOLD, geo.title, left_width, align=center, gap_after=1),
        para(view.subtitle(), REGULAR, geo.body, left_width, align=center, gap_after=5),
    ]
    if view.copy and geo.roll:
        heading.append(badge(view.copy_mark(), geo.body + 1, align=center))
    heading += [
        para(view.number_label(), REGULAR, geo.small + 0.5, left_width, align=center, gray=geo.label_gray),
        fit_line(view.number(), BOLD, geo.number, left_width, align=center, gap_after=5),
    ]
    if geo.roll:
        blocks += heading + [rule(dashed=True, gap=4)]
    else:
        # A4: what the applicant looks for (the number, the due date or what to bring) beside the QR code.
        heading.append(_key_box(view, geo, left_width))
        caption = para(view.qr_caption(), REGULAR, geo.small, geo.qr, align="center", gray=geo.label_gray)
        right = [space(2), qr_block(view.qr_data, geo.qr), space(3), caption]
        if view.copy:  # beside the heading, where the QR column leaves room
            right += [space(5), badge(view.copy_mark(), geo.body + 2)]
        blocks.append(columns(heading, right, geo.qr, gutter))
        blocks.append(space(2))
    for label, values in view.fields():
        blocks.append(field_row(label, values, geo, width))
    if geo.roll:
        blocks += [space(4), _key_box(view, geo, width)]
    blocks.append(rule(dashed=geo.roll, gap=4, gray=0 if geo.roll else 0.6))
    blocks.append(para(view.checklist_title(), BOLD, geo.body + 1, width, gap_after=3))
    blocks[-1].keep_with_next = True
    items = view.listed_items()
    if not geo.roll and items:
        blocks.append(_checklist_header(view, geo, width))
    for number, item in enumerate(items, start=1):
        blocks.append(_checklist_row(view, item, item.position if view.kind == RETURN_SLIP else number, geo, width))
    others = view.others_line()
    if others:
        blocks += [space(3), para(others, REGULAR, geo.body, width)]
    blocks += [space(5), para(view.advice(), BOLD, geo.body, width, align=center, gap_after=2)]
    if geo.roll:
        blocks += [
            rule(dashed=True, gap=4),
            space(4),  # quiet zone with the rule's gap: well over four modules
            qr_block(view.qr_data, geo.qr),
            space(5),
            para(view.qr_caption(), REGULAR, geo.small, width, align="center", gap_after=3),
        ]
    if view.complaint_channels:
        blocks.append(rule(gap=3, gray=0 if geo.roll else 0.6))
        heading = para(view.complaint_heading(), BOLD, geo.small, width, gap_after=1)
        body = para(view.complaint_text(), REGULAR, geo.small, width, gray=geo.label_gray, leading=1.22)
        if geo.roll or heading.height + body.height < (geo.height or 0) / 3:
            # The channels stay together: half of them alone on a second page helps nobody.
            blocks.append(stack([heading, body]))
        else:
            heading.keep_with_next = True
            blocks += [heading, *para_lines(view.complaint_text(), REGULAR, geo.small, width, gray=geo.label_gray,
                                             leading=1.22)]
    if geo.roll:
        blocks += [space(4), para(view.footer(), REGULAR, geo.small, width, align="center")]
    return blocks

# --- ESC/POS -------------------------------------------------------------------------------------


def render_tanda_terima_escpos(view: ReceiptView, *, width_chars: int = 48) -> bytes:
    """The Tanda Terima as ESC/POS commands (text and the printer's own QR code)."""
    if view.kind != TANDA_TERIMA:
        raise ValueError("not a Tanda Terima")
    return _render_escpos(view, width_chars)


def render_return_slip_escpos(view: ReceiptView, *, width_chars: int = 48) -> bytes:
    """The return slip as ESC/POS commands."""
    if view.kind != RETURN_SLIP:
        raise ValueError("not a return slip")
    return _render_escpos(view, width_chars)


def render_receipt_escpos(view: ReceiptView, *, width_chars: int = 48) -> bytes:
    return _render_escpos(view, width_chars)


def _render_escpos(view: ReceiptView, width: int) -> bytes:
    return render_escpos(receipt_document(view), width_chars=width)


_ESC_MARKS = {PRESENT_VALID: "[v]", MISSING: "[x]", INVALID: "[!]"}


def receipt_document(view: ReceiptView) -> Document:
    """Either receipt for a thermal printer, top to bottom (drawn by :mod:`mpp_desk.printing.render_escpos`)."""
    blocks: list = [Text(view.office_name, bold=True)]
    if view.office_address:
        blocks.append(Text(view.office_address))
    blocks += [Rule("="), Text(view.title(), bold=True), Text(view.subtitle())]
    if view.copy:
        blocks.append(Text(view.copy_mark(), badge=True))
    blocks += [Blank(), Text(view.number_label(), wrap=False), Text(view.number(), bold=True, size="tall", wrap=False),
               Rule()]
    for label, values in view.fields():
        blocks.append(Text(label + ":", align="left", wrap=False))
        blocks += [Text(value, align="left", indent=2) for value in values]
    if view.kind == TANDA_TERIMA and view.due_date is not None:
        blocks += [Rule(), Text(view.due_label(), wrap=False), Text(view.due_line(), bold=True, size="tall"),
                   Text(view.due_note())]
    blocks += [Rule(), Text(view.checklist_title(), align="left", bold=True)]
    for number, item in enumerate(view.listed_items(), start=1):
        shown = item.position if view.kind == RETURN_SLIP else number
        blocks += [Text(f"{shown}. {item.text}", align="left"),
                   Text(f"{_ESC_MARKS.get(item.state or '', '[-]')} {view.state_text(item.state)}", align="left",
                        indent=3)]
        if item.note:
            blocks.append(Text(view.note_text(item.note), align="left", indent=3))
    others = view.others_line()
    if others:
        blocks.append(Text(others, align="left"))
    blocks += [Blank(), Text(view.advice(), bold=True), Blank(), Qr(view.qr_data, module=4), Text(view.qr_caption())]
    if view.complaint_channels:
        channels = view.complaint_heading() + ": " + view.complaint_text()
        blocks += [Rule(small=True), Text(channels, align="left", small=True)]
    blocks.append(Text(view.footer()))
    return Document(tuple(blocks))

