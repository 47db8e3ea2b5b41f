"""The complaint receipt on paper: what goes where on A4, on the 80 mm roll and on a thermal printer.

Only the arrangement: the blocks come from the shared engine (:mod:`mpp_desk.printing.render_pdf`,
:mod:`mpp_desk.printing.render_escpos`), the words from
:class:`~mpp_desk.complaints.receipts.ComplaintReceipt`.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from mpp_desk.printing.document import Blank, Document, Qr, Rule, Text
from mpp_desk.printing.fonts import BOLD, REGULAR, register_fonts
from mpp_desk.printing.render_escpos import render_escpos
from mpp_desk.printing.pdf_forms import boxed, inline_field, label_value_row, letterhead_block, signature
from mpp_desk.printing.render_pdf import (
    Block,
    Geometry,
    badge,
    columns,
    para,
    qr_block,
    render,
    rule,
    space,
)
from mpp_desk.textformat import shorten

if TYPE_CHECKING:
    from mpp_desk.complaints.receipts import ComplaintReceipt

PAPERS = ("a4", "80mm")
LABEL_GRAY, TEXT_GRAY, LINE_GRAY, BOX_FILL = 0.27, 0.2, 0.53, 0.94

A4_PAPER = Geometry(width=A4[0], height=A4[1], margin=18 * mm, office=14, title=13, number=18, body=10, small=8,
                    label_width=42 * mm, qr=40 * mm, roll=False, label_gray=LABEL_GRAY)
ROLL = 0.82  # the roll receipt is the A4 one at 82 %
ROLL_PAPER = Geometry(width=80 * mm, height=None, margin=4.5 * mm, office=14 * ROLL, title=13 * ROLL,
                      number=18 * ROLL, body=9.5 * ROLL, small=8 * ROLL, label_width=0, qr=34 * mm, roll=True,
                      label_gray=LABEL_GRAY)


def render_receipt_pdf(receipt: ComplaintReceipt, *, paper: str = "a4", printed_at: dt.datetime | None = None) -> bytes:
    """The receipt as PDF bytes: an A4 page, or one 80 mm roll page as tall as its content."""
    if paper not in PAPERS:
        raise ValueError(f"paper must be one of {PAPERS}")
    register_fonts()  # the layout measures text
    geo = A4_PAPER if paper == "a4" else ROLL_PAPER
    width = geo.width - 2 * geo.margin
    blocks = (_a4 if paper == "a4" else _roll)(receipt, geo, width, printed_at)
    return render(blocks, geo, title=f"{receipt.title()} {receipt.case_number}", author=receipt.office_name)


def _heading(r: ComplaintReceipt, geo: Geometry, width: float, scale: float) -> list[Block]:
    blocks = [letterhead_block(r.head(), geo, width), space(2 * mm * scale),
              para(r.title(), BOLD, geo.title, width, align="center", gap_after=2)]
    if r.copy:
        blocks += [space(1.5 * mm), badge(r.copy_mark(), 11 * (ROLL if geo.roll else 1))]
    blocks += [space(1.5 * mm * scale),
               para(r.case_number, BOLD, geo.number, width, align="center", leading=1.2, gap_after=4 * mm * scale)]
    return blocks


def _due_box(r: ComplaintReceipt, geo: Geometry, box_width: float, pad: float, fill: float | None) -> Block:
    inner = box_width - 2 * pad
    return boxed([para(r.respond_label(), REGULAR, geo.small + 1 * (1 if not geo.roll else ROLL), inner,
                       align="center"),
                  para(r.respond_by_text(), BOLD, geo.title, inner, align="center", gap_after=1),
                  para(r.respond_by_note(), REGULAR, geo.small + 1 * (1 if not geo.roll else ROLL), inner,
                       align="center")], box_width, pad=pad, background=fill)


def _a4(r: ComplaintReceipt, geo: Geometry, width: float, printed_at) -> list[Block]:
    blocks = _heading(r, geo, width, 1)
    qr_column, gap = 46 * mm, 6 * mm
    fields = [label_value_row(label, value, width - qr_column - gap, label_width=geo.label_width, label_size=9,
                              value_size=geo.body, label_gray=LABEL_GRAY) for label, value in r.fields()]
    code = [qr_block(r.qr_data, geo.qr), space(2 * mm),
            para(r.qr_caption(), REGULAR, geo.small, qr_column, align="center", gray=TEXT_GRAY)]
    blocks += [columns(fields, code, qr_column, gap), space(4 * mm)]
    if r.substance:
        blocks += [para(r.substance_label(), REGULAR, 9, width, gray=LABEL_GRAY, gap_after=1 * mm),
                   para(shorten(r.substance, 1200), REGULAR, 9.5, width, gap_after=4 * mm)]
    if r.late_note:
        blocks.append(para(r.late_note, REGULAR, geo.small, width, gray=TEXT_GRAY, gap_after=3 * mm))
    blocks += [_due_box(r, geo, 110 * mm, 6, BOX_FILL), space(6 * mm)]
    if r.progress_channels:
        blocks.append(para(r.progress_heading(), BOLD, geo.body, width, gap_after=1.5 * mm))
        blocks += [label_value_row(name, contact, width, label_width=52 * mm, label_size=9.5, value_size=9.5,
                                   label_gray=0, pad=1.5) for name, contact in r.progress_channels]
        blocks.append(space(8 * mm))
    blocks += [signature(r.officer_heading(), r.officer, 9, column=60 * mm, room=16 * mm), space(6 * mm),
               rule(dashed=True, gray=LINE_GRAY, gap=1 * mm),
               para(r.footer(printed_at), REGULAR, geo.small, width, gray=TEXT_GRAY)]
    return blocks


def _roll(r: ComplaintReceipt, geo: Geometry, width: float, printed_at) -> list[Block]:
    blocks = _heading(r, geo, width, 0.6)
    blocks += [inline_field(label, value, REGULAR, geo.body, width, label_gray=LABEL_GRAY)
               for label, value in r.fields()]
    if r.substance:
        blocks += [space(1.5 * mm), inline_field(r.substance_label(), shorten(r.substance, 280), REGULAR, geo.body,
                                                 width, label_gray=LABEL_GRAY)]
    if r.late_note:
        blocks += [space(1.5 * mm), para(r.late_note, REGULAR, geo.small, width, gray=TEXT_GRAY)]
    blocks += [space(3 * mm), _due_box(r, geo, width, 4, None), space(3 * mm)]
    if r.progress_channels:
        blocks.append(para(r.progress_heading(), BOLD, geo.body, width))
        blocks += [para(f"{name}: {contact}", REGULAR, geo.body, width) for name, contact in r.progress_channels]
    blocks += [space(4 * mm), qr_block(r.qr_data, geo.qr), space(1.5 * mm),
               para(r.qr_caption(), REGULAR, geo.small, width, align="center", gray=TEXT_GRAY, gap_after=1 * mm),
               rule(dashed=True, gray=LINE_GRAY, gap=1 * mm),
               para(r.footer(printed_at), REGULAR, geo.small, width, align="center", gray=TEXT_GRAY),
               space(4 * mm)]
    return blocks


# --- ESC/POS --------------------------------------------------------------------------------


def receipt_document(r: ComplaintReceipt, printed_at: dt.datetime | None = None) -> Document:
    """The receipt for a thermal printer, top to bottom (drawn by :mod:`mpp_desk.printing.render_escpos`)."""
    blocks: list = r.head().escpos_blocks() + [Text(r.title(), bold=True, max_lines=3)]
    if r.copy:
        blocks.append(Text(r.copy_mark(), badge=True))
    blocks.append(Text(r.case_number, bold=True, size="tall", max_lines=3))
    blocks += [Text(f"{label}: {value}", align="left", max_lines=4) for label, value in r.fields()]
    if r.substance:
        blocks.append(Text(f"{r.substance_label()}: {shorten(r.substance, 200)}", align="left", max_lines=5))
    if r.late_note:
        blocks.append(Text(r.late_note, align="left", max_lines=3))
    blocks += [Rule(), Text(r.respond_label(), max_lines=3),
               Text(r.respond_by_text(), bold=True, size="tall", max_lines=3),
               Text(f"({r.respond_by_note()})", max_lines=3), Rule()]
    if r.progress_channels:
        blocks.append(Text(r.progress_heading(), align="left", bold=True, max_lines=3))
        blocks += [Text(f"{name}: {contact}", align="left", max_lines=3) for name, contact in r.progress_channels]
    blocks += [Blank(), Qr(r.qr_data), Text(r.qr_caption(), max_lines=3), Blank(),
               Text(r.footer(printed_at), max_lines=3)]
    return Document(tuple(blocks))


def render_receipt_escpos(receipt: ComplaintReceipt, *, width_chars: int = 48,
                          printed_at: dt.datetime | None = None) -> bytes:
    """ESC/POS commands printing the receipt on a thermal printer *width_chars* columns wide."""
    return render_escpos(receipt_document(receipt, printed_at), width_chars=width_chars)
