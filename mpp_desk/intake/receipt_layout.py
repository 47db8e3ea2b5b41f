"""The intake receipts on paper: the PDF layout (A4, 80 mm) and the thermal print (ESC/POS).

Only what goes where: the blocks come from the shared engine (:mod:`mpp_desk.printing.render_pdf`,
:mod:`mpp_desk.printing.render_escpos`), the words from :class:`~mpp_desk.intake.receipt_view.ReceiptView`.
"""

from __future__ import annotations

from dataclasses import replace

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from mpp_desk.i18n import N_
from mpp_desk.intake.receipt_view import RETURN_SLIP, SIZES, TANDA_TERIMA, ReceiptItem, ReceiptView
from mpp_desk.intake.rules import INVALID, MISSING, PRESENT_VALID
from mpp_desk.printing.document import Blank, Document, Qr, Rule, Text
from mpp_desk.printing.fonts import BOLD, REGULAR, register_fonts
from mpp_desk.printing.render_escpos import render_escpos
from mpp_desk.printing.pdf_forms import (
    field_row,
    highlight_box,
    inline_field,
    letterhead_block,
    signature,
    signatures,
)
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
        return Geometry(width=A4[0], height=A4[1], margin=13 * mm, office=13, title=15, number=20, body=8.8,
                         small=7, label_width=38 * mm, qr=36 * mm, roll=False, label_gray=0.38)
    if size == "80mm":
        return Geometry(width=80 * mm, height=None, margin=4 * mm, office=9.2, title=9.2, number=13.5, body=7.2,
                         small=6, label_width=0, qr=24 * mm, roll=True, label_gray=0)
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
_MM = 2.8346
ROLL_ITEM_LINES = 2  # a requirement on the 80 mm Tanda Terima: at most two lines


def _checklist_header(view: ReceiptView, geo: Geometry, width: float) -> Block:
    number_w, state_w = 9 * _MM, 40 * _MM
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


def _roll_row(view: ReceiptView, item: ReceiptItem, number: int, geo: Geometry, width: float) -> Block:
    """A checklist line on the roll: the mark, the number and the text (and, on a return slip, the result)."""
    size, note_size = geo.body - 0.4, geo.small
    indent = 3.2 * _MM
    text_lines = wrap(f"{number}. {item.text}", REGULAR, size, width - indent)
    if view.kind == TANDA_TERIMA and len(text_lines) > ROLL_ITEM_LINES:
        # Every line is met: two lines name it, the A4 copy kept at the office has the whole text.
        text_lines = text_lines[:ROLL_ITEM_LINES]
        last = text_lines[-1]
        while last and stringWidth(last + "…", REGULAR, size) > width - indent:
            last = last[:-1]
        text_lines[-1] = last.rstrip() + "…"
    extra: list[str] = []
    if view.kind == RETURN_SLIP:
        extra.append(view.state_text(item.state, item.condition))
    if item.note:
        extra.append(view.note_text(item.note))
    extra_lines = [line for text in extra for line in wrap(text, BOLD, note_size, width - indent)]
    mark = _MARKS.get(item.state or "", "–")
    text = lines_block(text_lines, REGULAR, size, leading=1.17)
    more = lines_block(extra_lines, BOLD, note_size, leading=1.2)

    def draw(c, x: float, top: float, w: float) -> None:
        lines_block([mark], BOLD, size, leading=1.17).draw(c, x, top, indent)
        text.draw(c, x + indent, top, w - indent)
        if extra_lines:
            more.draw(c, x + indent, top - text.height, w - indent)

    return Block(text.height + more.height + 1.2, draw)


def _a4_row(view: ReceiptView, item: ReceiptItem, number: int, geo: Geometry, width: float) -> Block:
    size = geo.body
    state = f"{_MARKS.get(item.state or '', '–')} {view.state_text(item.state, item.condition)}"
    number_w, state_w = 9 * _MM, 40 * _MM
    text_w = width - number_w - state_w - 8
    text_lines = wrap(item.text, REGULAR, size, text_w)
    note_lines = wrap(view.note_text(item.note), REGULAR, geo.small + 0.8, text_w) if item.note else []
    state_font = BOLD if item.state != PRESENT_VALID else REGULAR
    state_lines = wrap(state, state_font, size, state_w)
    body_h = len(text_lines) * size * 1.25 + len(note_lines) * (geo.small + 0.8) * 1.25
    height = max(body_h, len(state_lines) * size * 1.25) + 2

    def draw(c, x: float, top: float, w: float) -> None:
        y = top - 1.2
        lines_block([f"{number}."], REGULAR, size, leading=1.25).draw(c, x, y, number_w)
        block = lines_block(text_lines, REGULAR, size, leading=1.25)
        block.draw(c, x + number_w, y, text_w)
        if note_lines:
            lines_block(note_lines, REGULAR, geo.small + 0.8, gray=geo.label_gray, leading=1.25).draw(
                c, x + number_w, y - block.height, text_w)
        lines_block(state_lines, state_font, size, leading=1.25).draw(c, x + w - state_w, y, state_w)
        c.saveState()
        c.setLineWidth(0.3)
        c.setStrokeGray(0.7)
        c.line(x, top - height, x + w, top - height)
        c.restoreState()

    return Block(height, draw)


def _checklist(view: ReceiptView, geo: Geometry, width: float) -> list[Block]:
    title = para(view.checklist_title(), BOLD, geo.body + (1 if not geo.roll else 0.4), width,
                 gap_after=3 if not geo.roll else 1.5)
    title.keep_with_next = True
    blocks = [title]
    groups = view.grouped_items()
    if not geo.roll and groups:
        blocks.append(_checklist_header(view, geo, width))
    for heading, rows in groups:
        if heading:
            head = para(heading, BOLD, geo.body if not geo.roll else geo.small + 0.4, width,
                        gap_after=2 if not geo.roll else 0.8)
            head.keep_with_next = True
            blocks.append(head)
        row = _roll_row if geo.roll else _a4_row
        blocks += [row(view, item, number, geo, width) for number, item in rows]
        blocks.append(space(1 if geo.roll else 3))
    others = view.others_line()
    if others:
        blocks.append(para(others, REGULAR, geo.body, width))
    return blocks


def _channels(view: ReceiptView, geo: Geometry, width: float) -> list[Block]:
    if not view.complaint_channels:
        return []
    heading = para(view.complaint_heading(), BOLD, geo.small, width, gap_after=0.5)
    text = view.complaint_text(short=geo.roll)
    body = para(text, REGULAR, geo.small, width, gray=geo.label_gray, leading=1.18)
    if geo.roll or heading.height + body.height < (geo.height or 0) / 3:
        # The channels stay together: half of them alone on a second page helps nobody.
        return [stack([heading, body])]
    heading.keep_with_next = True
    return [heading, *para_lines(text, REGULAR, geo.small, width, gray=geo.label_gray, leading=1.18)]


def _signatures(view: ReceiptView, geo: Geometry) -> Block:
    left, right = view.signature_heads()
    if view.kind != TANDA_TERIMA:
        return signature(right[0], right[1], geo.body, column=(60 if not geo.roll else 34) * _MM,
                         room=(10 if not geo.roll else 7) * _MM)
    return signatures(left, right, geo.body if not geo.roll else geo.small + 0.6,
                      room=(10 if not geo.roll else 7) * _MM)


def _layout(view: ReceiptView, geo: Geometry, width: float) -> list[Block]:
    return (_roll_layout if geo.roll else _a4_layout)(view, geo, width)


def _heading(view: ReceiptView, geo: Geometry, width: float, align: str) -> list[Block]:
    blocks = [para(view.title(), BOLD, geo.title, width, align=align, gap_after=1)]
    if view.copy and not geo.roll:  # A4: the mark at the end of the title's line
        mark_width = 24 * _MM
        blocks = [columns([para(view.title(), BOLD, geo.title, width - mark_width - 6, gap_after=1)],
                          [badge(view.copy_mark(), geo.body + 2)], mark_width, 6)]
    if not geo.roll:
        blocks.append(para(view.subtitle(), REGULAR, geo.body, width, align=align, gap_after=3))
    if view.copy and geo.roll:
        blocks.append(badge(view.copy_mark(), geo.body + 1, align=align))
    blocks += [para(view.number_label(), REGULAR, geo.small + 0.5, width, align=align, gray=geo.label_gray),
               fit_line(view.number(), BOLD, geo.number, width, align=align, gap_after=5 if not geo.roll else 2)]
    return blocks


def _a4_layout(view: ReceiptView, geo: Geometry, width: float) -> list[Block]:
    gutter = 10
    left_width = width - geo.qr - gutter
    blocks: list[Block] = [letterhead_block(view.letterhead, geo, width), space(2)]
    # What the applicant looks for (the number, the due date or what to bring) beside the QR code.
    heading = _heading(view, geo, left_width, "left") + [_key_box(view, geo, left_width)]
    caption = para(view.qr_caption(), REGULAR, geo.small, geo.qr, align="center", gray=geo.label_gray)
    right = [space(2), qr_block(view.qr_data, geo.qr), space(3), caption]
    blocks += [columns(heading, right, geo.qr, gutter), space(2)]
    blocks += [field_row(label, values, geo, width) for label, values in view.fields()]
    blocks.append(rule(gap=4, gray=0.6))
    blocks += _checklist(view, geo, width)
    blocks += [space(2), para(view.advice(), BOLD, geo.body, width, gap_after=4), _signatures(view, geo),
               space(3), rule(gap=3, gray=0.6)]
    return blocks + _channels(view, geo, width)


def _roll_layout(view: ReceiptView, geo: Geometry, width: float) -> list[Block]:
    blocks: list[Block] = [letterhead_block(view.letterhead, geo, width), space(1)]
    blocks += _heading(view, geo, width, "center")
    blocks += [inline_field(label, ", ".join(values), REGULAR, geo.body, width, label_gray=0.3, leading=1.2)
               for label, values in view.fields(compact=True)]
    # The QR code beside the box the applicant looks for (the due date, or what is missing) and its caption.
    gutter = 2.5 * _MM
    box_width = width - geo.qr - gutter
    box = [_key_box(view, replace(geo, number=geo.number * 0.82), box_width),
           para(view.qr_caption(), REGULAR, geo.small - 0.4, box_width, align="center", leading=1.15)]
    blocks += [space(3), columns(box, [qr_block(view.qr_data, geo.qr)], geo.qr, gutter), space(1),
               rule(dashed=True, gap=2.5)]
    blocks += _checklist(view, geo, width)
    blocks += [para(view.advice(), BOLD, geo.small, width, leading=1.18, gap_after=3), _signatures(view, geo),
               rule(dashed=True, gap=2.5)]
    blocks += _channels(view, geo, width)
    blocks += [space(2), para(view.footer(), REGULAR, geo.small - 0.4, width, align="center")]
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
    blocks: list = view.letterhead.escpos_blocks()
    blocks.append(Text(view.title(), bold=True))
    if view.copy:
        blocks.append(Text(view.copy_mark(), badge=True))
    blocks += [Text(view.number_label(), wrap=False), Text(view.number(), bold=True, size="tall", wrap=False), Rule()]
    for label, values in view.fields():
        blocks.append(Text(f"{label}: {', '.join(values)}", align="left"))
    if view.kind == TANDA_TERIMA and view.due_date is not None:
        blocks += [Rule(), Text(view.due_label(), wrap=False), Text(view.due_line(), bold=True, size="tall"),
                   Text(view.due_note(), small=True)]
    else:
        blocks += [Rule(), Text(view.missing_label() + ": " + view.missing_count_line(), bold=True),
                   Text(view.not_registered_note(), small=True)]
    blocks += [Rule(), Text(view.checklist_title(), align="left", bold=True)]
    for heading, rows in view.grouped_items():
        if heading:
            blocks.append(Text(heading, align="left", bold=True))
        for number, item in rows:
            mark = _ESC_MARKS.get(item.state or "", "[-]")
            if view.kind == TANDA_TERIMA:
                blocks.append(Text(f"{mark} {number}. {item.text}", align="left"))
            else:
                blocks += [Text(f"{number}. {item.text}", align="left"),
                           Text(f"{mark} {view.state_text(item.state, item.condition)}", align="left", indent=3)]
            if item.note:
                blocks.append(Text(view.note_text(item.note), align="left", indent=4))
    others = view.others_line()
    if others:
        blocks.append(Text(others, align="left"))
    blocks += [Blank(), Text(view.advice(), bold=True), Blank(), Qr(view.qr_data, module=4), Text(view.qr_caption()),
               Blank()]
    left, right = view.signature_heads()
    pairs = [left, right] if view.kind == TANDA_TERIMA else [right]
    for heading, name in pairs:
        blocks += [Text(heading), Blank(), Blank(), Text(f"( {name} )")]
    if view.complaint_channels:
        channels = view.complaint_heading() + ": " + view.complaint_text(short=True)
        blocks += [Rule(small=True), Text(channels, align="left", small=True)]
    blocks.append(Text(view.footer(), small=True))
    return Document(tuple(blocks))
