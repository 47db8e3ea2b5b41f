"""The complaint receipt (tanda terima pengaduan): A4 and 80 mm PDF, ESC/POS, with a signed QR code.

The receipt tells the complainant the case number, the date the office must respond by, and the
channels to ask about progress. Its QR code holds the verification address with a reference
signed over the case's id, number, kind, respond-by date and received date
(:mod:`mpp_desk.signing`), so an altered receipt does not verify. Every issued receipt is kept
as PDF under ``<data folder>/receipts/complaints/``; a second print of the same case says
"SALINAN". The receipt is always in Bahasa Indonesia, like the queue ticket.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import uuid
from dataclasses import dataclass
from pathlib import Path

from mpp_desk.i18n import N_, translate
from mpp_desk.printing.document import Blank, Document, Qr, Rule, Text
from mpp_desk.printing.render_escpos import render_escpos
from mpp_desk.textformat import format_date

RECEIPT_KIND = "adu"  # the signed reference's kind
RECEIPT_LANGUAGE = "id"
RECEIPTS_DIRNAME = "receipts"
PAPERS = ("a4", "80mm")


@dataclass(frozen=True)
class ComplaintReceipt:
    """Everything printed on one complaint receipt."""

    office_name: str
    office_address: str
    case_id: uuid.UUID
    case_number: str
    kind: str
    received_at: dt.datetime
    channel_name: str
    anonymous: bool
    reporter_name: str
    nik_masked: str
    service_title: str
    service_received_on: dt.date | None
    substance: str
    lapor_id: str
    lapor_direction: str
    respond_by: dt.date
    progress_channels: tuple[tuple[str, str], ...]  # (name, contact)
    officer: str
    qr_data: str
    copy: bool = False
    late_note: str = ""
    language: str = RECEIPT_LANGUAGE

    def say(self, text: str, **params) -> str:
        return translate("complaints", text, self.language).format(**params)

    def title(self) -> str:
        if self.kind == "suggestion":
            return self.say(N_("complaints", "SUGGESTION RECEIPT"))
        return self.say(N_("complaints", "COMPLAINT RECEIPT"))

    def copy_mark(self) -> str:
        return self.say(N_("complaints", "COPY"))

    def kind_text(self) -> str:
        if self.kind == "suggestion":
            return self.say(N_("complaints", "Suggestion / feedback"))
        return self.say(N_("complaints", "Complaint"))

    def received_text(self) -> str:
        from mpp_desk.officetime import local

        moment = local(self.received_at)
        return f"{format_date(moment.date(), self.language)} {moment:%H:%M} WIB"

    def respond_by_text(self) -> str:
        return format_date(self.respond_by, self.language)

    def respond_by_note(self) -> str:
        return self.say(N_("complaints", "14 working days after it was received"))

    def reporter_text(self) -> str:
        return self.say(N_("complaints", "Anonymous")) if self.anonymous else self.reporter_name

    def lapor_text(self) -> str:
        if not self.lapor_id:
            return ""
        if self.lapor_direction == "to":
            return self.say(N_("complaints", "{id} (forwarded to SP4N-LAPOR!)"), id=self.lapor_id)
        return self.say(N_("complaints", "{id} (from SP4N-LAPOR!)"), id=self.lapor_id)

    def fields(self) -> list[tuple[str, str]]:
        """(label, value) lines, in order; empty values are left out."""
        rows = [
            (self.say(N_("complaints", "Type")), self.kind_text()),
            (self.say(N_("complaints", "Received")), self.received_text()),
            (self.say(N_("complaints", "Channel")), self.channel_name),
            (self.say(N_("complaints", "Reporter")), self.reporter_text()),
            (self.say(N_("complaints", "NIK")), self.nik_masked),
            (self.say(N_("complaints", "Service")), self.service_title),
            (self.say(N_("complaints", "Service received on")),
             format_date(self.service_received_on, self.language, weekday=False) if self.service_received_on else ""),
            ("SP4N-LAPOR!", self.lapor_text()),
        ]
        return [(label, value) for label, value in rows if value]

    def substance_label(self) -> str:
        return self.say(N_("complaints", "Substance"))

    def respond_label(self) -> str:
        return self.say(N_("complaints", "Response at the latest on"))

    def progress_heading(self) -> str:
        return self.say(N_("complaints", "Ask about progress (mention the case number):"))

    def officer_heading(self) -> str:
        return self.say(N_("complaints", "Receiving officer"))

    def qr_caption(self) -> str:
        return self.say(N_("complaints", "Scan to check that this receipt is genuine"))

    def footer(self, printed_at: dt.datetime | None = None) -> str:
        from mpp_desk.officetime import local

        moment = local(printed_at)  # None: now by the process clock
        return self.say(N_("complaints", "Officer: {officer} · printed {when}"), officer=self.officer,
                        when=f"{format_date(moment.date(), self.language, weekday=False)} {moment:%H:%M}")


def token_fields(*, case_number: str, kind: str, respond_by: dt.date, received_on: dt.date) -> dict[str, str]:
    """The key fields the QR signature covers."""
    return {"n": case_number, "k": kind, "r": respond_by.isoformat(), "d": received_on.isoformat()}


def build_receipt(uow, *, case_id: uuid.UUID, data_dir: Path | str | None = None, signer=None,
                  copy: bool | None = None) -> ComplaintReceipt:
    """The receipt of a case as it stands, signed with this installation's key (or *signer*)."""
    from mpp_desk.complaints.channels import channel_names, list_channels
    from mpp_desk.complaints.rules import office_date
    from mpp_desk.identifiers import mask_nik
    from mpp_desk.models import ComplaintCase, ServiceStandard
    from mpp_desk.roles import Permission, authorize
    from mpp_desk.settings import receipt_settings
    from mpp_desk.signing import verification_url

    if uow.actor is not None:
        authorize(uow, uow.actor, Permission.HANDLE_COMPLAINTS)
    case = uow.session.get(ComplaintCase, case_id)
    if case is None:
        from mpp_desk.complaints.service import CaseNotFound

        raise CaseNotFound(N_("errors", "There is no complaint case {ref}."), ref=str(case_id))
    if signer is None:
        if data_dir is None:
            raise ValueError("a signer or the data folder (for the installation key) is needed")
        from mpp_desk.signing import installation_signer

        signer = installation_signer(uow, data_dir)
    token = signer.sign_reference(RECEIPT_KIND, case.id, token_fields(
        case_number=case.case_number, kind=case.kind, respond_by=case.respond_by,
        received_on=office_date(case.received_at)))
    service_title = case.service_other
    if case.service_id is not None:
        service = uow.session.get(ServiceStandard, case.service_id)
        service_title = service.title if service is not None else ""
    late_note = ""
    if case.late and case.late_decision == "suggestion":
        late_note = translate("complaints", N_(
            "complaints", "Filed more than 30 days after the service was received: recorded as a suggestion."),
            RECEIPT_LANGUAGE)
    elif case.kind == "suggestion":
        late_note = translate("complaints", N_(
            "complaints", "Recorded as a suggestion: a complaint needs the reporter's identity and its substance."),
            RECEIPT_LANGUAGE)
    progress = tuple((c.name, c.contact) for c in list_channels(uow) if c.on_receipt and c.contact)
    officer = uow.actor.username if uow.actor is not None else "system"
    office = receipt_settings(uow)
    return ComplaintReceipt(
        office_name=office.office_name,
        office_address=office.office_address,
        case_id=case.id,
        case_number=case.case_number,
        kind=case.kind,
        received_at=case.received_at,
        channel_name=channel_names(uow).get(case.channel, case.channel),
        anonymous=case.anonymous,
        reporter_name=case.reporter_name,
        nik_masked=mask_nik(case.reporter_nik) if case.reporter_nik else "",
        service_title=service_title,
        service_received_on=case.service_received_on,
        substance=case.substance,
        lapor_id=case.lapor_id,
        lapor_direction=case.lapor_direction,
        respond_by=case.respond_by,
        progress_channels=progress,
        officer=officer,
        qr_data=verification_url(office.verify_base_url, token),
        copy=(case.receipt_prints or 0) > 0 if copy is None else copy,
        late_note=late_note,
    )


@dataclass(frozen=True)
class IssuedReceipt:
    """A receipt printed for a case: its data and the PDF copies kept in the data folder."""

    receipt: ComplaintReceipt
    paths: dict[str, Path]  # paper -> kept PDF

    @property
    def copy(self) -> bool:
        return self.receipt.copy


def issue_receipt(uow, *, case_id: uuid.UUID, data_dir: Path | str, signer=None,
                  papers: tuple[str, ...] = PAPERS) -> IssuedReceipt:
    """Count a print of the case's receipt (the second one on is a SALINAN) and keep its PDFs. The caller commits."""
    from mpp_desk.complaints.service import mark_receipt_printed

    before = mark_receipt_printed(uow, case_id=case_id)
    receipt = build_receipt(uow, case_id=case_id, data_dir=data_dir, signer=signer, copy=before > 0)
    paths = {}
    for paper in papers:
        paths[paper] = keep_copy(data_dir, receipt, render_receipt_pdf(receipt, paper=paper), paper=paper,
                                 number=before + 1)
    return IssuedReceipt(receipt, paths)


def receipts_dir(data_dir: Path | str) -> Path:
    return Path(data_dir) / RECEIPTS_DIRNAME / "complaints"


def keep_copy(data_dir: Path | str, receipt: ComplaintReceipt, pdf: bytes, *, paper: str, number: int = 1) -> Path:
    """Write the PDF under receipts/complaints/ (atomically); the n-th print is ``..._salinan-n``."""
    folder = receipts_dir(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    stem = re.sub(r"[^A-Za-z0-9-]+", "-", receipt.case_number).strip("-")
    suffix = f"_salinan-{number}" if receipt.copy else ""
    path = folder / f"{stem}_{paper}{suffix}.pdf"
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    tmp.write_bytes(pdf)
    tmp.replace(path)
    return path


# --- PDF ----------------------------------------------------------------------------------------


def render_receipt_pdf(receipt: ComplaintReceipt, *, paper: str = "a4", printed_at: dt.datetime | None = None) -> bytes:
    """The receipt as PDF bytes: an A4 page, or one 80 mm roll page as tall as its content."""
    if paper == "a4":
        return _render_a4(receipt, printed_at)
    if paper == "80mm":
        return _render_roll(receipt, printed_at)
    raise ValueError(f"paper must be one of {PAPERS}")


def _styles(scale: float = 1.0):
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle

    from mpp_desk.complaints.pdfparts import FAMILY
    from mpp_desk.printing.fonts import BOLD

    def style(name, size, *, bold=False, leading=1.25, **kw):
        return ParagraphStyle(name, fontName=BOLD if bold else FAMILY, fontSize=size * scale,
                              leading=size * scale * leading, **kw)

    return {
        "office": style("office", 14, bold=True, alignment=TA_CENTER),
        "address": style("address", 8.5, alignment=TA_CENTER, textColor="#333333"),
        "title": style("title", 13, bold=True, alignment=TA_CENTER, spaceBefore=2),
        "number": style("number", 18, bold=True, alignment=TA_CENTER, leading=1.2),
        "label": style("label", 9, textColor="#444444"),
        "value": style("value", 10),
        "value_bold": style("value_bold", 10, bold=True),
        "body": style("body", 9.5),
        "small": style("small", 8, textColor="#333333"),
        "small_center": style("small_center", 8, alignment=TA_CENTER, textColor="#333333"),
        "due": style("due", 13, bold=True, alignment=TA_CENTER),
        "due_label": style("due_label", 9, alignment=TA_CENTER),
        "copy": style("copy", 11, bold=True, alignment=TA_CENTER),
    }


class _Boxed:
    """A framed table cell holding flowables (the respond-by box, the copy mark)."""

    @staticmethod
    def make(flowables, width, *, border=1.2, padding=6, background=None):
        from reportlab.platypus import Table, TableStyle

        table = Table([[flowables]], colWidths=[width])
        commands = [("BOX", (0, 0), (-1, -1), border, "black"),
                    ("TOPPADDING", (0, 0), (-1, -1), padding), ("BOTTOMPADDING", (0, 0), (-1, -1), padding),
                    ("LEFTPADDING", (0, 0), (-1, -1), padding), ("RIGHTPADDING", (0, 0), (-1, -1), padding)]
        if background:
            commands.append(("BACKGROUND", (0, 0), (-1, -1), background))
        table.setStyle(TableStyle(commands))
        return table


def _render_a4(r: ComplaintReceipt, printed_at) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import HRFlowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    from mpp_desk.complaints.pdfparts import QrCode, para, ready, shorten

    ready()
    s = _styles()
    margin = 18 * mm
    width = A4[0] - 2 * margin
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=margin, rightMargin=margin, topMargin=16 * mm,
                            bottomMargin=16 * mm, title=f"{r.title()} {r.case_number}", author=r.office_name,
                            creator="MPP Desk")
    story = [Paragraph(para(r.office_name), s["office"])]
    if r.office_address:
        story.append(Paragraph(para(r.office_address), s["address"]))
    story += [Spacer(1, 3 * mm), HRFlowable(width="100%", thickness=1.2, color="black"), Spacer(1, 4 * mm),
              Paragraph(para(r.title()), s["title"])]
    if r.copy:
        story += [Spacer(1, 2 * mm), _Boxed.make([Paragraph(para(r.copy_mark()), s["copy"])], 40 * mm, padding=3)]
        story[-1].hAlign = "CENTER"
    story += [Spacer(1, 2 * mm), Paragraph(para(r.case_number), s["number"]), Spacer(1, 5 * mm)]

    label_w = 42 * mm
    qr_w = 46 * mm
    fields_w = width - qr_w - 6 * mm
    rows = [[Paragraph(para(label), s["label"]), Paragraph(para(value), s["value"])] for label, value in r.fields()]
    field_table = Table(rows, colWidths=[label_w, fields_w - label_w], hAlign="LEFT")
    field_table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                     ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5)]))
    qr_block = [QrCode(r.qr_data, 40 * mm), Spacer(1, 2 * mm), Paragraph(para(r.qr_caption()), s["small_center"])]
    top = Table([[field_table, qr_block]], colWidths=[fields_w + 6 * mm, qr_w])
    top.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                             ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("ALIGN", (1, 0), (1, 0), "CENTER")]))
    story += [top, Spacer(1, 4 * mm)]
    if r.substance:
        story += [Paragraph(para(r.substance_label()), s["label"]), Spacer(1, 1 * mm),
                  Paragraph(para(shorten(r.substance, 1200)), s["body"]), Spacer(1, 4 * mm)]
    if r.late_note:
        story += [Paragraph(para(r.late_note), s["small"]), Spacer(1, 3 * mm)]
    due = _Boxed.make([Paragraph(para(r.respond_label()), s["due_label"]),
                       Paragraph(para(r.respond_by_text()), s["due"]),
                       Paragraph(para(r.respond_by_note()), s["due_label"])], 110 * mm, background="#f0f0f0")
    due.hAlign = "CENTER"
    story += [due, Spacer(1, 6 * mm)]
    if r.progress_channels:
        story.append(Paragraph(para(r.progress_heading()), s["value_bold"]))
        story.append(Spacer(1, 1.5 * mm))
        channel_rows = [[Paragraph(para(name), s["body"]), Paragraph(para(contact), s["body"])]
                        for name, contact in r.progress_channels]
        table = Table(channel_rows, colWidths=[52 * mm, width - 52 * mm], hAlign="LEFT")
        table.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)]))
        story += [table, Spacer(1, 8 * mm)]
    signature = Table([["", Paragraph(para(r.officer_heading()), s["due_label"])],
                       ["", ""],
                       ["", Paragraph(para(f"( {r.officer} )"), s["due_label"])]],
                      colWidths=[width - 60 * mm, 60 * mm], rowHeights=[None, 16 * mm, None])
    signature.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    story += [signature, Spacer(1, 6 * mm),
              HRFlowable(width="100%", thickness=0.6, color="#888888", dash=(2, 2)), Spacer(1, 2 * mm),
              Paragraph(para(r.footer(printed_at)), s["small"])]
    doc.build(story)
    return buffer.getvalue()


def _render_roll(r: ComplaintReceipt, printed_at) -> bytes:
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import Frame, HRFlowable, Paragraph, Spacer

    from mpp_desk.complaints.pdfparts import QrCode, balanced, para, ready, shorten
    from mpp_desk.printing.fonts import BOLD

    ready()
    s = _styles(scale=0.82)
    page_w = 80 * mm
    margin = 4.5 * mm
    width = page_w - 2 * margin
    story = [Paragraph(balanced(r.office_name, BOLD, s["office"].fontSize, width), s["office"]), Spacer(1, 1.5 * mm),
             HRFlowable(width="100%", thickness=1, color="black"), Spacer(1, 2 * mm),
             Paragraph(para(r.title()), s["title"])]
    if r.copy:
        box = _Boxed.make([Paragraph(para(r.copy_mark()), s["copy"])], 30 * mm, padding=2)
        box.hAlign = "CENTER"
        story += [Spacer(1, 1.5 * mm), box]
    story += [Spacer(1, 1 * mm), Paragraph(para(r.case_number), s["number"]), Spacer(1, 2.5 * mm)]
    for label, value in r.fields():
        story.append(Paragraph(f"<font color='#444444'>{para(label)}:</font> {para(value)}", s["body"]))
    if r.substance:
        story += [Spacer(1, 1.5 * mm), Paragraph(
            f"<font color='#444444'>{para(r.substance_label())}:</font> {para(shorten(r.substance, 280))}", s["body"])]
    if r.late_note:
        story += [Spacer(1, 1.5 * mm), Paragraph(para(r.late_note), s["small"])]
    due = _Boxed.make([Paragraph(para(r.respond_label()), s["due_label"]),
                       Paragraph(para(r.respond_by_text()), s["due"]),
                       Paragraph(para(r.respond_by_note()), s["due_label"])], width, padding=4)
    story += [Spacer(1, 3 * mm), due, Spacer(1, 3 * mm)]
    if r.progress_channels:
        story.append(Paragraph(para(r.progress_heading()), s["value_bold"]))
        for name, contact in r.progress_channels:
            story.append(Paragraph(f"{para(name)}: {para(contact)}", s["body"]))
    story += [Spacer(1, 4 * mm), QrCode(r.qr_data, 34 * mm), Spacer(1, 1.5 * mm),
              Paragraph(para(r.qr_caption()), s["small_center"]), Spacer(1, 2 * mm),
              HRFlowable(width="100%", thickness=0.6, color="#888888", dash=(2, 2)), Spacer(1, 1.5 * mm),
              Paragraph(para(r.footer(printed_at)), s["small_center"])]
    heights = 0.0
    for flowable in story:
        _w, h = flowable.wrap(width, 10_000)
        heights += h + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    page_h = heights + 2 * margin + 4 * mm
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(page_w, page_h), pageCompression=1)
    canvas.setTitle(f"{r.title()} {r.case_number}")
    canvas.setAuthor(r.office_name)
    canvas.setCreator("MPP Desk")
    frame = Frame(margin, margin, width, page_h - 2 * margin, leftPadding=0, rightPadding=0, topPadding=0,
                  bottomPadding=0, showBoundary=0)
    frame.addFromList(story, canvas)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


# --- ESC/POS --------------------------------------------------------------------------------


def receipt_document(r: ComplaintReceipt, printed_at: dt.datetime | None = None) -> Document:
    """The receipt for a thermal printer, top to bottom (drawn by :mod:`mpp_desk.printing.render_escpos`)."""
    from mpp_desk.complaints.pdfparts import shorten

    blocks: list = [Text(r.office_name, bold=True, max_lines=3), Rule(), Text(r.title(), bold=True, max_lines=3)]
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


def verify_receipt(uow, text_or_url: str, *, data_dir: Path | str | None = None, signer=None, public_keys=None):
    """Check a scanned complaint receipt QR by the one rule of :func:`mpp_desk.signing.check_record`:
    the office's address, a genuine signature, a complaint receipt (kind "adu"), a case on record here,
    and the signed fields equal to the case's. Returns the signing module's VerifyResult."""
    from mpp_desk.complaints.rules import office_date
    from mpp_desk.models import ComplaintCase
    from mpp_desk.signing import expand_uuid, verify_in_office

    def lookup(kind: str, ref_id: str):
        case = uow.session.get(ComplaintCase, expand_uuid(ref_id))
        if case is None or case.deleted_at is not None:
            return None
        return RECEIPT_KIND, token_fields(case_number=case.case_number, kind=case.kind, respond_by=case.respond_by,
                                          received_on=office_date(case.received_at))

    return verify_in_office(uow, text_or_url, data_dir=data_dir, kinds=(RECEIPT_KIND,), lookup=lookup,
                            signer=signer, public_keys=public_keys)
