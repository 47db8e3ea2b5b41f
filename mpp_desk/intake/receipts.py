"""The intake receipts: the Tanda Terima of a complete file and the return slip of an incomplete one.

Both come as PDF at A4 or on 80 mm roll paper (reportlab, the shipped DejaVu fonts), and as
ESC/POS bytes for a thermal printer (text plus the printer's own QR code). One
:class:`ReceiptView` feeds every renderer, so paper and PDF never disagree.

Each printed receipt is a row (:class:`~mpp_desk.models.IntakeReceipt`): copy 1, then reprints
that say "SALINAN". Its PDF is kept under ``<data folder>/receipts/YYYY/MM/`` with its SHA-256 in
the row. The QR code holds the verification address (setting ``receipts.verify_base_url``) and a
token signed with the installation's Ed25519 key (:mod:`mpp_desk.signing`) over::

    kind "tt" (Tanda Terima) or "rs" (return slip), the receipt's id, and
    n  registration number        k  NIK masked          s  the service's KBLI
    r  date received (or visited) d  due date            c  copy number

so a receipt with an altered field, or a forged signature, does not verify
(:func:`verify_receipt` names the fields that differ from the record).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from mpp_desk import audit
from mpp_desk.errors import UserError
from mpp_desk.i18n import N_, translate
from mpp_desk.identifiers import mask_nik
from mpp_desk.intake.rules import INVALID, MISSING, PRESENT_VALID, STATE_LABELS, complaint_channels
from mpp_desk.models import Application, IntakeReceipt, IntakeVisit, ServiceStandard
from mpp_desk.officetime import as_utc, local, local_date
from mpp_desk.printing.document import Blank, Document, Qr, Rule, Text
from mpp_desk.printing.render_escpos import render_escpos
from mpp_desk.roles import Permission, authorize
from mpp_desk.textformat import format_date_id

TANDA_TERIMA = IntakeReceipt.TANDA_TERIMA
RETURN_SLIP = IntakeReceipt.RETURN_SLIP
TOKEN_KINDS = {TANDA_TERIMA: "tt", RETURN_SLIP: "rs"}
KIND_OF_TOKEN = {v: k for k, v in TOKEN_KINDS.items()}
SIZES = ("A4", "80mm")
RECEIPTS_DIRNAME = "receipts"
RECEIPT_LANGUAGE = "id"  # the applicant reads Bahasa Indonesia whatever the counter screen shows

FIELD_LABELS = {
    "n": N_("receipts", "registration number"),
    "k": N_("receipts", "NIK"),
    "s": N_("receipts", "KBLI"),
    "r": N_("receipts", "date received"),
    "d": N_("receipts", "due date"),
    "c": N_("receipts", "copy number"),
    "kind": N_("receipts", "kind of receipt"),
}


class ReceiptProblem(UserError):
    """A receipt cannot be issued for this visit (still open, cancelled, unknown size)."""


@dataclass(frozen=True)
class ReceiptItem:
    position: int
    text: str
    state: str | None
    note: str


@dataclass(frozen=True)
class ReceiptView:
    """Everything printed on one receipt."""

    kind: str  # tanda_terima | return_slip
    receipt_id: uuid.UUID
    copy_number: int
    office_name: str
    office_address: str
    registration_number: str | None
    visit_ref: str
    service_title: str
    product_type: str
    kbli: str
    risk_level: str
    output: str
    fee: str
    completion_working_days: int
    applicant_kind: str
    applicant_name: str
    nik_masked: str
    business_name: str
    nib: str
    items: tuple[ReceiptItem, ...]
    received_at: dt.datetime  # aware; for a return slip, when the visit ended
    due_date: dt.date | None
    officer_name: str
    counter_number: int | None
    complaint_channels: tuple[str, ...]
    qr_data: str
    issued_at: dt.datetime
    language: str = RECEIPT_LANGUAGE

    @property
    def copy(self) -> bool:
        return self.copy_number > 1

    def say(self, text: str, **params: object) -> str:
        return translate("receipts", text, self.language).format(**params)

    # -- the words, shared by every renderer

    def title(self) -> str:
        if self.kind == TANDA_TERIMA:
            return self.say(N_("receipts", "RECEIPT OF APPLICATION FILE"))
        return self.say(N_("receipts", "FILE NOT YET COMPLETE"))

    def subtitle(self) -> str:
        if self.kind == TANDA_TERIMA:
            return self.say(N_("receipts", "The application file was received complete and correct."))
        return self.say(N_("receipts", "Return slip: the file was not registered."))

    def copy_mark(self) -> str:
        return self.say(N_("receipts", "COPY"))

    def number_label(self) -> str:
        if self.kind == TANDA_TERIMA:
            return self.say(N_("receipts", "Registration number"))
        return self.say(N_("receipts", "Visit reference"))

    def number(self) -> str:
        return self.registration_number if self.kind == TANDA_TERIMA and self.registration_number else self.visit_ref

    def service_lines(self) -> list[str]:
        return [
            self.say(N_("receipts", "{product} · Risk {risk}"), product=self.product_type, risk=self.risk_level),
            f"KBLI {self.kbli} · {self.service_title}",
        ]

    def received_line(self) -> str:
        moment = local(self.received_at)
        return self.say(N_("receipts", "{date} at {time} WIB"), date=format_date_id(moment.date()),
                        time=f"{moment:%H.%M}")

    def officer_line(self) -> str:
        if self.counter_number:
            return self.say(N_("receipts", "{name} (counter {number})"), name=self.officer_name,
                            number=self.counter_number)
        return self.officer_name

    def due_line(self) -> str:
        return format_date_id(self.due_date) if self.due_date else ""

    def due_note(self) -> str:
        return self.say(N_("receipts", "{days} working days after the complete file was received"),
                        days=self.completion_working_days)

    def fields(self) -> list[tuple[str, list[str]]]:
        """(label, value lines) in print order."""
        rows: list[tuple[str, list[str]]] = [(self.say(N_("receipts", "Service")), self.service_lines())]
        if self.kind == TANDA_TERIMA:
            if self.output:
                rows.append((self.say(N_("receipts", "Service product")), [self.output]))
            rows.append((self.say(N_("receipts", "Fee")), [self.fee or "-"]))
        rows.append((self.say(N_("receipts", "Applicant")), [self.applicant_name]))
        rows.append((self.say(N_("receipts", "NIK")), [self.nik_masked]))
        if self.business_name:
            nib = f" · NIB {self.nib}" if self.nib else ""
            rows.append((self.say(N_("receipts", "Business")), [self.business_name + nib]))
        elif self.nib:
            rows.append((self.say(N_("receipts", "NIB")), [self.nib]))
        label = N_("receipts", "Received") if self.kind == TANDA_TERIMA else N_("receipts", "Visit date")
        rows.append((self.say(label), [self.received_line()]))
        rows.append((self.say(N_("receipts", "Officer")), [self.officer_line()]))
        return rows

    def due_label(self) -> str:
        return self.say(N_("receipts", "To be finished by"))

    def missing_label(self) -> str:
        return self.say(N_("receipts", "Missing or not valid"))

    def missing_count_line(self) -> str:
        return self.say(N_("receipts", "{count} requirement(s)"), count=len(self.listed_items()))

    def not_registered_note(self) -> str:
        return self.say(N_("receipts", "The file is not registered yet; the completion time has not started."))

    def checklist_title(self) -> str:
        if self.kind == TANDA_TERIMA:
            return self.say(N_("receipts", "Requirements checked: all present and valid"))
        return self.say(N_("receipts", "Requirements to complete"))

    def listed_items(self) -> tuple[ReceiptItem, ...]:
        """The Tanda Terima lists the whole checklist; the return slip only what is missing or not valid."""
        if self.kind == TANDA_TERIMA:
            return self.items
        return tuple(i for i in self.items if i.state in (MISSING, INVALID))

    def others_line(self) -> str | None:
        if self.kind == TANDA_TERIMA:
            return None
        fine = sum(1 for i in self.items if i.state == PRESENT_VALID)
        if not fine:
            return None
        return self.say(N_("receipts", "{count} other requirement(s) were present and valid."), count=fine)

    def state_text(self, state: str | None) -> str:
        return translate("intake", STATE_LABELS[state], self.language) if state in STATE_LABELS else "-"

    def note_text(self, note: str) -> str:
        return self.say(N_("receipts", "Note: {note}"), note=note)

    def advice(self) -> str:
        if self.kind == TANDA_TERIMA:
            return self.say(N_("receipts", "Keep this receipt and bring it when you collect the result."))
        return self.say(N_("receipts", "Complete the requirements above and come back with this slip. The completion "
                                       "time starts only when the file is complete and correct."))

    def qr_caption(self) -> str:
        if self.kind == TANDA_TERIMA:
            return self.say(N_("receipts", "Scan the QR code to check that this receipt is genuine."))
        return self.say(N_("receipts", "Show this QR code at the counter on your next visit."))

    def complaint_heading(self) -> str:
        return self.say(N_("receipts", "Complaints, suggestions and feedback"))

    def complaint_text(self) -> str:
        letters = "abcdefghijklmnopqrstuvwxyz"
        return "; ".join(f"{letters[i]}. {c}" if i < 26 else c for i, c in enumerate(self.complaint_channels))

    def footer(self) -> str:
        moment = local(self.issued_at)
        text = self.say(N_("receipts", "Printed {moment}"), moment=f"{format_date_id(moment.date(), weekday=False)} "
                                                                   f"{moment:%H.%M} WIB")
        if self.copy:
            text += " · " + self.say(N_("receipts", "Copy {number}"), number=self.copy_number)
        return text

    def page_label(self, page: int, pages: int) -> str:
        return self.say(N_("receipts", "Page {page} of {pages}"), page=page, pages=pages)


# --- PDF ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Geometry:
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


def _geometry(size: str) -> _Geometry:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm

    if size == "A4":
        return _Geometry(width=A4[0], height=A4[1], margin=15 * mm, office=13, title=15, number=20, body=9.2,
                         small=7, label_width=38 * mm, qr=36 * mm, roll=False, label_gray=0.38)
    if size == "80mm":
        return _Geometry(width=80 * mm, height=None, margin=4.5 * mm, office=10.5, title=10.5, number=15, body=8.5,
                         small=6.6, label_width=0, qr=40 * mm, roll=True, label_gray=0)
    raise ValueError(f"receipt size must be one of {SIZES}")


@dataclass
class _Block:
    height: float
    draw: Callable[[Any, float, float, float], None]  # (canvas, left x, top y, width)
    keep_with_next: bool = False


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
    from reportlab.pdfgen.canvas import Canvas

    from mpp_desk.printing.fonts import register_fonts

    register_fonts()
    geo = _geometry(size)
    content = geo.width - 2 * geo.margin
    blocks = _layout(view, geo, content)
    buffer = io.BytesIO()
    if geo.roll:
        height = 2 * geo.margin + sum(b.height for b in blocks)
        canvas = Canvas(buffer, pagesize=(geo.width, height), pageCompression=1)
        _meta(canvas, view)
        y = height - geo.margin
        for block in blocks:
            block.draw(canvas, geo.margin, y, content)
            y -= block.height
        canvas.showPage()
    else:
        assert geo.height is not None
        footer_space = geo.small * 2.2
        pages = _paginate(blocks, geo.height - 2 * geo.margin - footer_space)
        canvas = Canvas(buffer, pagesize=(geo.width, geo.height), pageCompression=1)
        _meta(canvas, view)
        for number, page in enumerate(pages, start=1):
            y = geo.height - geo.margin
            for block in page:
                block.draw(canvas, geo.margin, y, content)
                y -= block.height
            _page_footer(canvas, view, geo, number, len(pages))
            canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _meta(canvas, view: ReceiptView) -> None:
    canvas.setTitle(f"{view.title()} {view.number()}")
    canvas.setAuthor(view.office_name)
    canvas.setCreator("MPP Desk")


def _paginate(blocks: list[_Block], room: float) -> list[list[_Block]]:
    pages: list[list[_Block]] = [[]]
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


def _page_footer(canvas, view: ReceiptView, geo: _Geometry, page: int, pages: int) -> None:
    from mpp_desk.printing.fonts import REGULAR

    y = geo.margin - geo.small
    canvas.saveState()
    canvas.setFont(REGULAR, geo.small)
    canvas.setFillGray(geo.label_gray)
    canvas.drawString(geo.margin, y, view.footer())
    right = f"{view.number()} · {view.page_label(page, pages)}" if pages > 1 else view.number()
    canvas.drawRightString(geo.width - geo.margin, y, right)
    canvas.restoreState()


# -- blocks


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Lines of *text* no wider than *width*; words longer than a line are broken by character."""
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines: list[str] = []
    for paragraph in (text or "").split("\n"):
        for line in simpleSplit(paragraph, font, size, width) or [""]:
            while stringWidth(line, font, size) > width and len(line) > 1:
                cut = len(line)
                while cut > 1 and stringWidth(line[:cut], font, size) > width:
                    cut -= 1
                lines.append(line[:cut])
                line = line[cut:]
            lines.append(line)
    return lines


def _lines_block(lines: list[str], font: str, size: float, *, align: str = "left", gray: float = 0,
                 leading: float = 1.25, gap_after: float = 0, indent: float = 0) -> _Block:
    line_height = size * leading

    def draw(c, x: float, top: float, width: float) -> None:
        c.saveState()
        c.setFont(font, size)
        c.setFillGray(gray)
        for i, line in enumerate(lines):
            baseline = top - line_height * i - size * 0.95
            if align == "center":
                c.drawCentredString(x + width / 2, baseline, line)
            elif align == "right":
                c.drawRightString(x + width, baseline, line)
            else:
                c.drawString(x + indent, baseline, line)
        c.restoreState()

    return _Block(line_height * len(lines) + gap_after, draw)


def _para(text: str, font: str, size: float, width: float, **kw) -> _Block:
    indent = kw.get("indent", 0)
    lines = _wrap(text, font, size, width - indent)
    if kw.get("align") == "center" and len(lines) == 2:
        from mpp_desk.printing.pdf import balanced_lines

        lines = balanced_lines(text, font, size, width, lines=lines)
    return _lines_block(lines, font, size, **kw)


def _para_lines(text: str, font: str, size: float, width: float, **kw) -> list[_Block]:
    """A paragraph as one block per line, so a long one can run onto the next page."""
    gap_after = kw.pop("gap_after", 0)
    lines = _wrap(text, font, size, width - kw.get("indent", 0))
    blocks = [_lines_block([line], font, size, **kw) for line in lines]
    if blocks and gap_after:
        blocks.append(_space(gap_after))
    return blocks


def _fit_line(text: str, font: str, size: float, width: float, *, align: str = "left", gap_after: float = 0) -> _Block:
    """One line, made smaller to fit the width (a long registration number on narrow paper)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    natural = stringWidth(text, font, size)
    if natural > width:
        size = size * width / natural * 0.99
    return _lines_block([text], font, size, align=align, leading=1.2, gap_after=gap_after)


def _stack(blocks: list[_Block]) -> _Block:
    """Blocks that go on one page together."""

    def draw(c, x: float, top: float, width: float) -> None:
        y = top
        for block in blocks:
            block.draw(c, x, y, width)
            y -= block.height

    return _Block(sum(b.height for b in blocks), draw)


def _space(points: float) -> _Block:
    return _Block(points, lambda *_: None)


def _rule(*, weight: float = 0.6, dashed: bool = False, gap: float = 5, gray: float = 0) -> _Block:
    def draw(c, x: float, top: float, width: float) -> None:
        c.saveState()
        c.setLineWidth(weight)
        c.setStrokeGray(gray)
        if dashed:
            c.setDash(2, 2)
        c.line(x, top - gap, x + width, top - gap)
        c.restoreState()

    return _Block(gap * 2, draw)


def _badge(text: str, size: float, *, align: str = "center") -> _Block:
    from mpp_desk.printing.fonts import BOLD
    from reportlab.pdfbase.pdfmetrics import stringWidth

    pad_x, pad_y = size * 0.8, size * 0.4
    box_h = size + 2 * pad_y

    def draw(c, x: float, top: float, width: float) -> None:
        box_w = min(width, stringWidth(text, BOLD, size) + 2 * pad_x)
        left = x + (width - box_w) / 2 if align == "center" else x
        c.saveState()
        c.setLineWidth(1.2)
        c.roundRect(left, top - box_h, box_w, box_h, 2.5, stroke=1, fill=0)
        c.setFont(BOLD, size)
        c.drawCentredString(left + box_w / 2, top - pad_y - size * 0.8, text)
        c.restoreState()

    return _Block(box_h + size * 0.6, draw)


def _qr_block(data: str, size: float) -> _Block:
    from mpp_desk.printing.qr import draw_qr, qr_matrix

    matrix = qr_matrix(data)

    def draw(c, x: float, top: float, width: float) -> None:
        draw_qr(c, matrix, x + (width - size) / 2, top, size)

    return _Block(size, draw)


def _columns(left: list[_Block], right: list[_Block], right_width: float, gap: float) -> _Block:
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

    return _Block(height, draw)


def _field_row(label: str, values: list[str], geo: _Geometry, width: float, *, bold: bool = False) -> _Block:
    from mpp_desk.printing.fonts import BOLD, REGULAR

    font = BOLD if bold else REGULAR
    size = geo.body
    if geo.roll:
        label_lines = _wrap(label, REGULAR, geo.small, width)
        value_lines = [line for value in values for line in _wrap(value, font, size, width)]
        label_h = geo.small * 1.25 * len(label_lines)
        value_h = size * 1.25 * len(value_lines)

        def draw_roll(c, x: float, top: float, w: float) -> None:
            _lines_block(label_lines, REGULAR, geo.small, gray=geo.label_gray).draw(c, x, top, w)
            _lines_block(value_lines, font, size).draw(c, x, top - label_h, w)

        return _Block(label_h + value_h + 2.5, draw_roll)
    value_width = width - geo.label_width
    value_lines = [line for value in values for line in _wrap(value, font, size, value_width)]
    label_lines = _wrap(label, REGULAR, size, geo.label_width - 6)
    height = size * 1.3 * max(len(value_lines), len(label_lines)) + 3

    def draw(c, x: float, top: float, w: float) -> None:
        _lines_block(label_lines, REGULAR, size, gray=geo.label_gray, leading=1.3).draw(c, x, top, geo.label_width)
        _lines_block(value_lines, font, size, leading=1.3).draw(c, x + geo.label_width, top, w - geo.label_width)

    return _Block(height, draw)


def _highlight_box(label_text: str, big_text: str, note_text: str, geo: _Geometry, width: float) -> _Block:
    """A framed figure: the due date on a Tanda Terima, what is missing on a return slip."""
    from mpp_desk.printing.fonts import BOLD, REGULAR

    pad = 6 if not geo.roll else 4.5
    big = geo.number * (0.8 if not geo.roll else 0.85)
    inner = width - 2 * pad
    align = "center" if geo.roll else "left"
    label = _lines_block(_wrap(label_text, REGULAR, geo.body, inner), REGULAR, geo.body, align=align)
    date = _lines_block(_wrap(big_text, BOLD, big, inner), BOLD, big, align=align, leading=1.2)
    note = _lines_block(_wrap(note_text, REGULAR, geo.small, inner), REGULAR, geo.small, align=align,
                        gray=geo.label_gray)
    height = pad * 2 + label.height + date.height + 2 + note.height

    def draw(c, x: float, top: float, w: float) -> None:
        c.saveState()
        c.setLineWidth(1.4)
        c.roundRect(x, top - height, w, height, 4, stroke=1, fill=0)
        c.restoreState()
        y = top - pad
        for block in (label, date, _space(2), note):
            block.draw(c, x + pad, y, w - 2 * pad)
            y -= block.height

    return _Block(height + 6, draw)


def _key_box(view: ReceiptView, geo: _Geometry, width: float) -> _Block:
    if view.kind == TANDA_TERIMA:
        return _highlight_box(view.due_label(), view.due_line(), view.due_note(), geo, width)
    return _highlight_box(view.missing_label(), view.missing_count_line(), view.not_registered_note(), geo, width)


_MARKS = {PRESENT_VALID: "✓", MISSING: "✗", INVALID: "⚠"}


def _checklist_header(view: ReceiptView, geo: _Geometry, width: float) -> _Block:
    from mpp_desk.printing.fonts import BOLD

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

    return _Block(size * 1.6 + 3, draw, keep_with_next=True)


def _checklist_row(view: ReceiptView, item: ReceiptItem, number: int, geo: _Geometry, width: float) -> _Block:
    from mpp_desk.printing.fonts import BOLD, REGULAR

    size = geo.body
    mark = _MARKS.get(item.state or "", "–")
    state = f"{mark} {view.state_text(item.state)}"
    note_lines: list[str] = []
    if geo.roll and view.kind == TANDA_TERIMA:
        # Every line of a Tanda Terima is present and valid: one mark per line, not a result line each.
        indent = 4 * 2.8346
        text_lines = _wrap(f"{number}. {item.text}", REGULAR, size, width - indent)
        if item.note:
            note_lines = _wrap(view.note_text(item.note), REGULAR, geo.small + 0.4, width - indent)
        height = len(text_lines) * size * 1.22 + len(note_lines) * (geo.small + 0.4) * 1.25 + 3

        def draw_compact(c, x: float, top: float, w: float) -> None:
            _lines_block([mark], BOLD, size, leading=1.22).draw(c, x, top, indent)
            block = _lines_block(text_lines, REGULAR, size, leading=1.22)
            block.draw(c, x + indent, top, w - indent)
            if note_lines:
                _lines_block(note_lines, REGULAR, geo.small + 0.4).draw(c, x + indent, top - block.height, w - indent)

        return _Block(height, draw_compact)
    if geo.roll:
        indent = 5 * 2.8346
        text_lines = _wrap(f"{number}. {item.text}", REGULAR, size, width)
        state_lines = _wrap(state, BOLD, size, width - indent)
        if item.note:
            note_lines = _wrap(view.note_text(item.note), REGULAR, geo.small + 0.4, width - indent)
        height = (len(text_lines) + len(state_lines)) * size * 1.22 + len(note_lines) * (geo.small + 0.4) * 1.25 + 4

        def draw_roll(c, x: float, top: float, w: float) -> None:
            y = top
            block = _lines_block(text_lines, REGULAR, size, leading=1.22)
            block.draw(c, x, y, w)
            y -= block.height
            block = _lines_block(state_lines, BOLD, size, leading=1.22)
            block.draw(c, x + indent, y, w - indent)
            y -= block.height
            if note_lines:
                _lines_block(note_lines, REGULAR, geo.small + 0.4).draw(c, x + indent, y, w - indent)

        return _Block(height, draw_roll)

    number_w, state_w = 9 * 2.8346, 40 * 2.8346
    text_w = width - number_w - state_w - 8
    text_lines = _wrap(item.text, REGULAR, size, text_w)
    if item.note:
        note_lines = _wrap(view.note_text(item.note), REGULAR, geo.small + 0.8, text_w)
    state_lines = _wrap(state, BOLD if item.state != PRESENT_VALID else REGULAR, size, state_w)
    body_h = len(text_lines) * size * 1.25 + len(note_lines) * (geo.small + 0.8) * 1.25
    height = max(body_h, len(state_lines) * size * 1.25) + 4

    def draw(c, x: float, top: float, w: float) -> None:
        y = top - 2
        _lines_block([f"{number}."], REGULAR, size, leading=1.25).draw(c, x, y, number_w)
        block = _lines_block(text_lines, REGULAR, size, leading=1.25)
        block.draw(c, x + number_w, y, text_w)
        if note_lines:
            _lines_block(note_lines, REGULAR, geo.small + 0.8, gray=geo.label_gray, leading=1.25).draw(
                c, x + number_w, y - block.height, text_w)
        _lines_block(state_lines, BOLD if item.state != PRESENT_VALID else REGULAR, size, leading=1.25).draw(
            c, x + w - state_w, y, state_w)
        c.saveState()
        c.setLineWidth(0.3)
        c.setStrokeGray(0.7)
        c.line(x, top - height, x + w, top - height)
        c.restoreState()

    return _Block(height, draw)


def _layout(view: ReceiptView, geo: _Geometry, width: float) -> list[_Block]:
    from mpp_desk.printing.fonts import BOLD, REGULAR

    center = "center" if geo.roll else "left"
    blocks: list[_Block] = [_para(view.office_name, BOLD, geo.office, width, align=center, gap_after=1)]
    if view.office_address:
        blocks.append(_para(view.office_address, REGULAR, geo.small, width, align=center, gray=geo.label_gray))
    blocks.append(_rule(weight=1.6 if not geo.roll else 1, gap=5))
    gutter = 10
    left_width = width if geo.roll else width - geo.qr - gutter
    heading = [
        _para(view.title(), BOLD, geo.title, left_width, align=center, gap_after=1),
        _para(view.subtitle(), REGULAR, geo.body, left_width, align=center, gap_after=5),
    ]
    if view.copy and geo.roll:
        heading.append(_badge(view.copy_mark(), geo.body + 1, align=center))
    heading += [
        _para(view.number_label(), REGULAR, geo.small + 0.5, left_width, align=center, gray=geo.label_gray),
        _fit_line(view.number(), BOLD, geo.number, left_width, align=center, gap_after=5),
    ]
    if geo.roll:
        blocks += heading + [_rule(dashed=True, gap=4)]
    else:
        # A4: what the applicant looks for (the number, the due date or what to bring) beside the QR code.
        heading.append(_key_box(view, geo, left_width))
        caption = _para(view.qr_caption(), REGULAR, geo.small, geo.qr, align="center", gray=geo.label_gray)
        right = [_space(2), _qr_block(view.qr_data, geo.qr), _space(3), caption]
        if view.copy:  # beside the heading, where the QR column leaves room
            right += [_space(5), _badge(view.copy_mark(), geo.body + 2)]
        blocks.append(_columns(heading, right, geo.qr, gutter))
        blocks.append(_space(2))
    for label, values in view.fields():
        blocks.append(_field_row(label, values, geo, width))
    if geo.roll:
        blocks += [_space(4), _key_box(view, geo, width)]
    blocks.append(_rule(dashed=geo.roll, gap=4, gray=0 if geo.roll else 0.6))
    blocks.append(_para(view.checklist_title(), BOLD, geo.body + 1, width, gap_after=3))
    blocks[-1].keep_with_next = True
    items = view.listed_items()
    if not geo.roll and items:
        blocks.append(_checklist_header(view, geo, width))
    for number, item in enumerate(items, start=1):
        blocks.append(_checklist_row(view, item, item.position if view.kind == RETURN_SLIP else number, geo, width))
    others = view.others_line()
    if others:
        blocks += [_space(3), _para(others, REGULAR, geo.body, width)]
    blocks += [_space(5), _para(view.advice(), BOLD, geo.body, width, align=center, gap_after=2)]
    if geo.roll:
        blocks += [
            _rule(dashed=True, gap=4),
            _space(4),  # quiet zone with the rule's gap: well over four modules
            _qr_block(view.qr_data, geo.qr),
            _space(5),
            _para(view.qr_caption(), REGULAR, geo.small, width, align="center", gap_after=3),
        ]
    if view.complaint_channels:
        blocks.append(_rule(gap=3, gray=0 if geo.roll else 0.6))
        heading = _para(view.complaint_heading(), BOLD, geo.small, width, gap_after=1)
        body = _para(view.complaint_text(), REGULAR, geo.small, width, gray=geo.label_gray, leading=1.22)
        if geo.roll or heading.height + body.height < (geo.height or 0) / 3:
            # The channels stay together: half of them alone on a second page helps nobody.
            blocks.append(_stack([heading, body]))
        else:
            heading.keep_with_next = True
            blocks += [heading, *_para_lines(view.complaint_text(), REGULAR, geo.small, width, gray=geo.label_gray,
                                             leading=1.22)]
    if geo.roll:
        blocks += [_space(4), _para(view.footer(), REGULAR, geo.small, width, align="center")]
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
        blocks += [Rule(small=True), Text(view.complaint_heading() + ": " + view.complaint_text(), align="left", small=True)]
    blocks.append(Text(view.footer()))
    return Document(tuple(blocks))


# --- issuing, keeping and verifying receipts ------------------------------------------------------


@dataclass(frozen=True)
class IssuedReceipt:
    """A receipt just issued: its row, the kept PDF (path under the data folder and bytes), its view."""

    id: uuid.UUID
    kind: str
    copy_number: int
    size: str
    pdf_path: str  # relative to the data folder
    sha256: str
    pdf: bytes = field(repr=False)
    view: ReceiptView = field(repr=False)

    def escpos(self, width_chars: int = 48) -> bytes:
        return render_receipt_escpos(self.view, width_chars=width_chars)


def signed_fields(kind: str, *, registration_number: str | None, nik: str, kbli: str, received: dt.date,
                  due: dt.date | None, copy_number: int) -> dict[str, Any]:
    """The key fields a receipt's token signs (short names keep the QR code small)."""
    fields: dict[str, Any] = {"k": mask_nik(nik), "s": kbli, "r": received.isoformat(), "c": copy_number}
    if kind == TANDA_TERIMA:
        fields["n"] = registration_number
        fields["d"] = due.isoformat() if due is not None else None
    return fields


def issue_receipt(
    uow,
    *,
    visit_id: uuid.UUID,
    data_dir: Path | str,
    signer,
    size: str = "A4",
    now: dt.datetime | None = None,
) -> IssuedReceipt:
    """Issue the next copy of a finished visit's receipt: row, signed token, PDF kept with its SHA-256.

    Copy 1 is the original; every later one is a reprint and says "SALINAN". The PDF is written
    (atomically) before the row is flushed; the caller's commit makes the receipt exist.
    """
    from mpp_desk import settings

    actor = authorize(uow, uow.actor, Permission.INTAKE)
    if size not in SIZES:
        raise ReceiptProblem(N_("errors", "Unknown receipt size {size}."), size=size)
    session = uow.session
    visit = session.get(IntakeVisit, visit_id)
    if visit is None or visit.deleted_at is not None:
        raise ReceiptProblem(N_("errors", "This intake visit does not exist."))
    if visit.outcome == IntakeVisit.COMPLETE:
        kind = TANDA_TERIMA
    elif visit.outcome == IntakeVisit.INCOMPLETE:
        kind = RETURN_SLIP
    else:
        raise ReceiptProblem(N_("errors", "A receipt is printed only once the visit is registered or returned."))
    application = session.scalar(select(Application).where(Application.visit_id == visit.id))
    copies = session.scalar(
        select(func.max(IntakeReceipt.copy_number)).where(IntakeReceipt.visit_id == visit.id,
                                                          IntakeReceipt.kind == kind)
    )
    copy_number = (copies or 0) + 1
    now = as_utc(now)
    receipt = IntakeReceipt(
        id=uuid.uuid4(),
        visit_id=visit.id,
        application_id=application.id if application is not None else None,
        kind=kind,
        copy_number=copy_number,
        size=size,
        issued_at=now,
        issued_by=actor.username,
    )
    received = application.received_date if application is not None else local_date(visit.finished_at or now)
    fields = signed_fields(
        kind,
        registration_number=application.registration_number if application is not None else None,
        nik=visit.nik,
        kbli=visit.service_kbli,
        received=received,
        due=application.due_date if application is not None else None,
        copy_number=copy_number,
    )
    from mpp_desk.signing import verification_url

    receipt.token = signer.sign_reference(TOKEN_KINDS[kind], receipt.id, fields)
    base_url = settings.receipt_settings(uow).verify_base_url
    view = _view(uow, visit, application, receipt, qr_data=verification_url(base_url, receipt.token))
    pdf = render_receipt_pdf(view, size)
    relative = _pdf_relative_path(kind, visit, application, copy_number, size, now)
    _write_atomically(Path(data_dir) / relative, pdf)
    receipt.pdf_path = relative.as_posix()
    receipt.sha256 = hashlib.sha256(pdf).hexdigest()
    session.add(receipt)
    audit.record(
        uow,
        action="intake.receipt_issued",
        entity="intake_receipt",
        entity_id=receipt.id,
        summary=f"{kind} copy {copy_number} ({size}) for "
                f"{application.registration_number if application is not None else 'visit ' + str(visit.id)}",
        details={"visit_id": visit.id, "kind": kind, "copy": copy_number, "size": size, "sha256": receipt.sha256},
    )
    session.flush()
    return IssuedReceipt(receipt.id, kind, copy_number, size, receipt.pdf_path, receipt.sha256, pdf, view)


def mark_printed(uow, *, receipt_id: uuid.UUID, printed_on: str, now: dt.datetime | None = None) -> None:
    """Note that a receipt came out of a printer (so printing it again makes a "SALINAN")."""
    authorize(uow, uow.actor, Permission.INTAKE)
    receipt = uow.session.get(IntakeReceipt, receipt_id)
    if receipt is None:
        raise ReceiptProblem(N_("errors", "This receipt does not exist."))
    if receipt.printed_at is None:
        receipt.printed_at = as_utc(now)
        receipt.printed_on = printed_on or ""  # a printer setting, already at most 200 characters
        uow.session.flush()


def kept_pdf(uow, *, receipt_id: uuid.UUID, data_dir: Path | str) -> bytes:
    """The kept PDF of a receipt, checked against its SHA-256; ReceiptProblem if it is gone or changed."""
    authorize(uow, uow.actor, Permission.INTAKE)
    receipt = uow.session.get(IntakeReceipt, receipt_id)
    if receipt is None:
        raise ReceiptProblem(N_("errors", "This receipt does not exist."))
    path = Path(data_dir) / receipt.pdf_path
    try:
        data = path.read_bytes()
    except OSError:
        raise ReceiptProblem(N_("errors", "The kept copy of this receipt is missing ({path})."),
                             path=receipt.pdf_path) from None
    if hashlib.sha256(data).hexdigest() != receipt.sha256:
        raise ReceiptProblem(N_("errors", "The kept copy of this receipt was changed after it was issued ({path})."),
                             path=receipt.pdf_path)
    return data


def receipt_view(uow, *, receipt_id: uuid.UUID) -> ReceiptView:
    """The view of a receipt already issued (to print it again without a new copy)."""
    from mpp_desk import settings
    from mpp_desk.signing import verification_url

    receipt = uow.session.get(IntakeReceipt, receipt_id)
    if receipt is None:
        raise ReceiptProblem(N_("errors", "This receipt does not exist."))
    visit = uow.session.get(IntakeVisit, receipt.visit_id)
    application = uow.session.scalar(select(Application).where(Application.visit_id == visit.id))
    return _view(uow, visit, application, receipt,
                 qr_data=verification_url(settings.receipt_settings(uow).verify_base_url, receipt.token))


VALID = "valid"
NOT_A_RECEIPT = "not_a_receipt"
MISMATCH = "mismatch"

CHECK_MESSAGES = {
    VALID: N_("receipts", "The receipt is genuine."),
    "malformed": N_("receipts", "This is not an MPP Desk receipt, or the code is damaged."),
    "unknown_key": N_("receipts", "The receipt was signed by an installation this one does not know."),
    "bad_signature": N_("receipts", "The receipt is not genuine: it was altered or forged."),
    NOT_A_RECEIPT: N_("receipts", "This code is genuine but it is not an intake receipt."),
    MISMATCH: N_("receipts", "The receipt does not match the file on record."),
    "not_found": N_("receipts", "The receipt is not genuine here: this office has no record of it."),
    "wrong_address": N_("receipts", "The receipt is not genuine: its address is not this office's verification "
                                    "address."),
}


@dataclass(frozen=True)
class ReceiptCheck:
    """The answer to "is this receipt genuine?", and where it leads."""

    valid: bool
    reason: str  # a key of CHECK_MESSAGES
    kind: str | None = None  # tanda_terima | return_slip
    receipt_id: uuid.UUID | None = None
    visit_id: uuid.UUID | None = None
    application_id: uuid.UUID | None = None
    registration_number: str | None = None
    copy_number: int | None = None
    fields: dict[str, Any] = field(default_factory=dict)
    differing: tuple[str, ...] = ()  # token field names that differ from the record
    known: bool = False  # the receipt is in this database
    detail: str = ""  # what was found, for the reasons that name it (the wrong address)

    @property
    def message(self) -> str:
        return CHECK_MESSAGES[self.reason]

    def text(self, language: str | None = None) -> str:
        """The verdict in words, naming the fields that differ from the record."""
        out = translate("receipts", self.message, language)
        if self.detail:
            out += " " + self.detail
        if self.differing:
            names = ", ".join(translate("receipts", FIELD_LABELS.get(f, f), language) for f in self.differing)
            out += " " + translate("receipts", N_("receipts", "Different from the record: {fields}."),
                                   language).format(fields=names)
        return out


def verify_receipt(
    uow,
    text_or_url: str,
    *,
    data_dir: Path | str | None = None,
    signer=None,
    public_keys: Mapping[str, Any] | None = None,
) -> ReceiptCheck:
    """Check a scanned or typed receipt code by the one rule of :func:`mpp_desk.signing.check_record`:
    the office's address, a genuine signature, an intake receipt's kind, a receipt on record here,
    and the signed fields equal to the record's (the differing ones are named).

    Needs no permission: it reveals nothing but the signed fields (NIK masked).
    """
    from mpp_desk import signing

    def lookup(kind: str, ref_id: str):
        row = uow.session.get(IntakeReceipt, signing.expand_uuid(ref_id))
        if row is None:
            return None
        return TOKEN_KINDS[row.kind], _expected_fields(uow, row)

    result = signing.verify_in_office(uow, text_or_url, data_dir=data_dir, kinds=tuple(KIND_OF_TOKEN),
                                      lookup=lookup, signer=signer, public_keys=public_keys)
    fields = dict(result.fields)
    copy = fields.get("c") if isinstance(fields.get("c"), int) else None
    row = None
    if result.reason in (signing.VALID, signing.MISMATCH, signing.BAD_SIGNATURE) and result.kind in KIND_OF_TOKEN:
        try:
            row = uow.session.get(IntakeReceipt, signing.expand_uuid(result.id or ""))
        except (ValueError, TypeError):
            row = None
    if row is None:
        reason = NOT_A_RECEIPT if result.reason == signing.WRONG_KIND else result.reason
        return ReceiptCheck(False, reason, KIND_OF_TOKEN.get(result.kind or ""),
                            registration_number=fields.get("n") if isinstance(fields.get("n"), str) else None,
                            copy_number=copy, fields=fields, detail=result.address or "")
    application = uow.session.scalar(select(Application).where(Application.visit_id == row.visit_id))
    return ReceiptCheck(
        valid=result.valid,
        reason=result.reason,
        kind=row.kind,
        receipt_id=row.id,
        visit_id=row.visit_id,
        application_id=application.id if application is not None else None,
        registration_number=application.registration_number if application is not None else None,
        copy_number=row.copy_number,
        fields=fields,
        differing=result.differing,
        known=True,
    )


def _expected_fields(uow, row: IntakeReceipt) -> dict[str, Any]:
    """The fields a receipt's token signs, as its record stands now."""
    visit = uow.session.get(IntakeVisit, row.visit_id)
    application = uow.session.scalar(select(Application).where(Application.visit_id == row.visit_id))
    return signed_fields(
        row.kind,
        registration_number=application.registration_number if application is not None else None,
        nik=visit.nik,
        kbli=visit.service_kbli,
        received=application.received_date if application is not None else local_date(visit.finished_at
                                                                                       or row.issued_at),
        due=application.due_date if application is not None else None,
        copy_number=row.copy_number,
    )


# -- internals


def _view(uow, visit: IntakeVisit, application: Application | None, receipt: IntakeReceipt, *,
          qr_data: str) -> ReceiptView:
    from mpp_desk import settings

    standard = uow.session.get(ServiceStandard, visit.service_id)
    office = settings.receipt_settings(uow)
    return ReceiptView(
        kind=receipt.kind,
        receipt_id=receipt.id,
        copy_number=receipt.copy_number,
        office_name=office.office_name,
        office_address=office.office_address,
        registration_number=application.registration_number if application is not None else None,
        visit_ref=visit_reference(visit.id),
        service_title=visit.service_title,
        product_type=visit.product_type,
        kbli=visit.service_kbli,
        risk_level=visit.risk_level,
        output=visit.output,
        fee=visit.fee,
        completion_working_days=visit.completion_working_days,
        applicant_kind=visit.applicant_kind,
        applicant_name=visit.full_name,
        nik_masked=mask_nik(visit.nik),
        business_name=visit.business_name,
        nib=visit.nib,
        items=tuple(ReceiptItem(i.position, i.text, i.state, i.note) for i in visit.items),
        received_at=application.received_at if application is not None else (visit.finished_at or receipt.issued_at),
        due_date=application.due_date if application is not None else None,
        officer_name=visit.officer_name or visit.officer_username,
        counter_number=visit.counter_number,
        complaint_channels=complaint_channels(standard.complaint_handling if standard is not None else ""),
        qr_data=qr_data,
        issued_at=receipt.issued_at,
    )


def visit_reference(visit_id: uuid.UUID) -> str:
    """A short reference printed on a return slip: the visit id's first 8 hex digits, "K-3F2A9C1B"."""
    return "K-" + visit_id.hex[:8].upper()


def _pdf_relative_path(kind: str, visit: IntakeVisit, application: Application | None, copy_number: int, size: str,
                       now: dt.datetime) -> Path:
    day = local_date(now)
    if application is not None:
        stem = application.registration_number.replace("/", "-")
    else:
        stem = f"{day.isoformat()}_{visit_reference(visit.id)}"
    name = f"{stem}_{kind.replace('_', '-')}_{copy_number}_{size}.pdf"
    return Path(RECEIPTS_DIRNAME) / f"{day.year:04d}" / f"{day.month:02d}" / name


def _write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{uuid.uuid4().hex}.tmp")
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
