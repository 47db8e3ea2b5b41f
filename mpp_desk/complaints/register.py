"""The complaint register (buku register pengaduan) for a period: rows, and the PDF, XLSX and CSV files.

Personal data: the reporter's name, phone, e-mail and address are included only when the actor
has VIEW_PERSONAL_DATA; otherwise those columns are left out entirely and the file says so.
The NIK is never exported whole (masked, 3214********0001). Exporting needs EXPORT_DATA and is
audited (period, format, row count, whether personal data was included), never the rows.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from sqlalchemy import or_, select

from mpp_desk import audit
from mpp_desk.complaints import labels
from mpp_desk.complaints.rules import ComplaintInputError
from mpp_desk.complaints.service import authorize_read, sees_personal_data, summaries
from mpp_desk.complaints.views import CaseSummary
from mpp_desk.i18n import N_, translate
from mpp_desk.limits import search_words
from mpp_desk.models import ComplaintCase
from mpp_desk.roles import Permission, authorize
from mpp_desk.textformat import format_date
from mpp_desk.complaints.pdfparts import FAMILY, para, printable, ready, shorten
from mpp_desk.printing.fonts import BOLD
from mpp_desk.settings import receipt_settings

if TYPE_CHECKING:
    from mpp_desk.uow import UnitOfWork

Getter = Callable[[CaseSummary], str]  # a column's text (in the PDF: markup, or Plain) for one case

FORMATS = ("pdf", "xlsx", "csv")
MAX_DAYS = 366 * 5


@dataclass(frozen=True)
class RegisterFilter:
    """Which cases of the period: kind, status, problem type, service, resolution path, words."""

    kind: str | None = None
    status: str | None = None
    problem_type: str | None = None
    service_id: uuid.UUID | None = None
    path: str | None = None
    search: str | None = None


@dataclass(frozen=True)
class Register:
    """The rows of a period, with what the reader must know about them."""

    date_from: dt.date
    date_to: dt.date
    today: dt.date
    office_name: str
    personal: bool  # names, contacts and addresses included
    rows: tuple[CaseSummary, ...]


def register_rows(uow: UnitOfWork, *, date_from: dt.date, date_to: dt.date, today: dt.date,
                  filters: RegisterFilter = RegisterFilter()) -> Register:
    """Cases received in [date_from, date_to] (office dates), oldest first, filtered."""
    authorize_read(uow)
    _check_period(date_from, date_to)
    c = ComplaintCase
    stmt = select(c).where(c.received_on >= date_from, c.received_on <= date_to, c.deleted_at.is_(None))
    if filters.kind:
        stmt = stmt.where(c.kind == filters.kind)
    if filters.status:
        stmt = stmt.where(c.status == filters.status)
    if filters.problem_type is not None:
        stmt = stmt.where(c.problem_type == filters.problem_type)
    if filters.service_id is not None:
        stmt = stmt.where(c.service_id == filters.service_id)
    if filters.path is not None:
        stmt = stmt.where(c.resolution_path == filters.path)
    for word in search_words(filters.search, error=ComplaintInputError):
        pattern = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        stmt = stmt.where(or_(c.case_number.ilike(pattern, escape="\\"), c.substance.ilike(pattern, escape="\\")))
    stmt = stmt.order_by(c.received_on, c.received_at, c.case_number)
    rows = summaries(uow, uow.session.scalars(stmt).all(), today=today)
    return Register(date_from, date_to, today, receipt_settings(uow).office_name, sees_personal_data(uow),
                    tuple(rows))


def export_register(uow: UnitOfWork, *, date_from: dt.date, date_to: dt.date, fmt: str, out: Path | str, today: dt.date,
                    filters: RegisterFilter = RegisterFilter(), language: str | None = None) -> Register:
    """Write the register to *out* as PDF, XLSX or CSV; EXPORT_DATA; audited. Returns what was written."""
    if uow.actor is not None:
        authorize(uow, uow.actor, Permission.EXPORT_DATA)
    if fmt not in FORMATS:
        raise ComplaintInputError(N_("complaints", "Choose PDF, XLSX or CSV."), field="format")
    register = register_rows(uow, date_from=date_from, date_to=date_to, today=today, filters=filters)
    out = Path(out)
    data = render(register, fmt, language=language)
    tmp = out.with_name(f".{out.name}.{uuid.uuid4().hex}.tmp")
    try:
        tmp.write_bytes(data)
        tmp.replace(out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ComplaintInputError(N_("complaints", "The file cannot be written: {problem}"), field="out",
                              problem=exc.strerror or str(exc)) from None
    audit.record(uow, action="complaints.register_exported", entity="complaint_case",
                 summary=f"complaint register {date_from}..{date_to} as {fmt}",
                 details={"from": date_from, "to": date_to, "format": fmt, "rows": len(register.rows),
                          "personal_data": register.personal})
    return register


def render(register: Register, fmt: str, *, language: str | None = None) -> bytes:
    if fmt == "pdf":
        return register_pdf(register, language=language)
    if fmt == "xlsx":
        return register_xlsx(register, language=language)
    if fmt == "csv":
        return register_csv(register, language=language)
    raise ValueError(fmt)


def _check_period(date_from: dt.date, date_to: dt.date) -> None:
    if date_to < date_from:
        raise ComplaintInputError(N_("complaints", "The period ends before it starts."), field="date_to")
    if (date_to - date_from).days > MAX_DAYS:
        raise ComplaintInputError(N_("complaints", "Choose a period of at most five years."), field="date_to")


# --- columns ------------------------------------------------------------------------------------


def _t(text: str, language: str | None) -> str:
    return translate("complaints", text, language)


def columns(register: Register, language: str | None = None) -> list[tuple[str, Getter | None]]:
    """(heading, getter) of each column; the personal ones only when the register includes personal data."""
    lang = language

    def d(value):
        return format_date(value, lang, weekday=False) if value else ""

    def status(row: CaseSummary) -> str:
        if row.status == "closed":
            return labels.label(labels.STATUSES, "closed", lang)
        if row.overdue_days:
            return _t(N_("complaints", "Overdue {days} working day(s)"), lang).format(days=row.overdue_days)
        return labels.label(labels.STATUSES, "open", lang)

    def reporter(row: CaseSummary) -> str:
        return _t(N_("complaints", "Anonymous"), lang) if row.reporter.anonymous else row.reporter.name

    cols: list[tuple[str, Getter | None]] = [
        (_t(N_("complaints", "No."), lang), None),
        (_t(N_("complaints", "Case number"), lang), lambda r: r.case_number),
        (_t(N_("complaints", "Received"), lang), lambda r: d(r.received_on)),
        (_t(N_("complaints", "Type"), lang), lambda r: labels.label(labels.KINDS, r.kind, lang)),
        (_t(N_("complaints", "Channel"), lang), lambda r: r.channel_name),
    ]
    if register.personal:
        cols += [
            (_t(N_("complaints", "Reporter"), lang), reporter),
            (_t(N_("complaints", "NIK"), lang), lambda r: r.reporter.nik),
            (_t(N_("complaints", "Phone"), lang), lambda r: r.reporter.phone),
            (_t(N_("complaints", "E-mail"), lang), lambda r: r.reporter.email),
            (_t(N_("complaints", "Address"), lang), lambda r: r.reporter.address),
        ]
    cols += [
        (_t(N_("complaints", "Service"), lang), lambda r: r.service_title),
        (_t(N_("complaints", "Problem type"), lang), lambda r: labels.label(labels.PROBLEM_TYPES, r.problem_type, lang)),
        (_t(N_("complaints", "Substance"), lang), lambda r: r.substance_excerpt),
        (_t(N_("complaints", "Respond by"), lang), lambda r: d(r.respond_by)),
        (_t(N_("complaints", "Answered"), lang), lambda r: d(r.responded_on)),
        (_t(N_("complaints", "Path"), lang), lambda r: labels.label(labels.PATHS, r.resolution_path, lang)),
        (_t(N_("complaints", "Status"), lang), status),
        ("SP4N-LAPOR!", lambda r: r.lapor_id),
    ]
    return cols


def table(register: Register, language: str | None = None) -> tuple[list[str], list[list[str]]]:
    """Headings and text cells, as every format writes them."""
    cols = columns(register, language)
    headings = [heading for heading, _ in cols]
    rows = [[str(i) if getter is None else (getter(row) or "") for _h, getter in cols]
            for i, row in enumerate(register.rows, start=1)]
    return headings, rows


def title(register: Register, language: str | None = None) -> str:
    return _t(N_("complaints", "Complaint register {start} – {end}"), language).format(
        start=format_date(register.date_from, language, weekday=False),
        end=format_date(register.date_to, language, weekday=False))


def privacy_note(register: Register, language: str | None = None) -> str:
    if register.personal:
        return _t(N_("complaints", "Contains personal data (UU 27/2022): keep it confidential."), language)
    return _t(N_("complaints", "Personal data left out (your role may not see it)."), language)


# --- CSV and XLSX -------------------------------------------------------------------------------


def register_csv(register: Register, *, language: str | None = None) -> bytes:
    """UTF-8 with a byte-order mark (so spreadsheet programs read the accents), one header row."""
    headings, rows = table(register, language)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(headings)
    for row in rows:
        writer.writerow([_csv_safe(cell) for cell in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _csv_safe(cell: str) -> str:
    # A cell starting with = + - @ may run as a formula in a spreadsheet program (CSV injection);
    # a plain number such as a phone "+6281..." cannot, and stays as it is.
    if cell[:1] in ("=", "@", "\t", "\r") or (cell[:1] in ("+", "-") and not cell[1:].replace(" ", "").isdigit()):
        return "'" + cell
    return cell


def register_xlsx(register: Register, *, language: str | None = None) -> bytes:
    """One sheet: a title, the privacy note, the header row (frozen, filterable), the rows."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    headings, rows = table(register, language)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(_t(N_("complaints", "Register"), language)[:31])
    widths = [max(len(h), 6) for h in headings]
    for row in rows[:200]:
        for i, cell in enumerate(row):
            widths[i] = min(max(widths[i], len(cell)), 60)
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width + 2
    ws.freeze_panes = "A4"
    header_fill = PatternFill("solid", fgColor="0B3D6E")
    header_font = Font(bold=True, color="FFFFFF")
    heading = WriteOnlyCell(ws, value=title(register, language))
    heading.font = Font(bold=True, size=13)
    ws.append([heading])
    note = WriteOnlyCell(ws, value=f"{register.office_name} · {privacy_note(register, language)}")
    note.font = Font(italic=True)
    ws.append([note])
    header_cells = []
    for text in headings:
        cell = WriteOnlyCell(ws, value=text)
        cell.font = header_font
        cell.fill = header_fill
        cell.alignment = Alignment(vertical="center", wrap_text=True)
        header_cells.append(cell)
    ws.append(header_cells)
    for row in rows:
        ws.append([_xlsx_safe(cell) for cell in row])
    if rows:
        ws.auto_filter.ref = f"A3:{get_column_letter(len(headings))}{len(rows) + 3}"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _xlsx_safe(cell: str):
    # Numbers stay text (a case number or a phone must not become a number); no formulas.
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    text = ILLEGAL_CHARACTERS_RE.sub("", cell)
    return "'" + text if text[:1] == "=" else text


# --- PDF --------------------------------------------------------------------------------------


class Plain(str):
    """A PDF cell drawn as plain lines (fixed-width values): much cheaper than a wrapped paragraph."""


def pdf_columns(
    register: Register, language: str | None = None
) -> list[tuple[str, float, Getter | None]]:
    """(heading, relative width, cell markup) of the PDF: related fields stacked in one cell, so a
    landscape page holds the register without squeezing any column."""
    lang = language

    def d(value):
        return value.strftime("%d-%m-%Y") if value else ""

    def grey(text):
        return f"<font color='#555555'>{para(text)}</font>" if text else ""

    def lines(*parts):
        return "<br/>".join(p for p in parts if p)

    def status(row: CaseSummary) -> str:
        if row.status == "closed":
            return para(labels.label(labels.STATUSES, "closed", lang))
        if row.overdue_days:
            return "<b>" + para(_t(N_("complaints", "Overdue {days} working day(s)"), lang).format(
                days=row.overdue_days)) + "</b>"
        return para(labels.label(labels.STATUSES, "open", lang))

    def reporter(row: CaseSummary) -> str:
        r = row.reporter
        if r.anonymous:
            return para(_t(N_("complaints", "Anonymous"), lang))
        return lines(para(r.name), grey(r.nik and f"NIK {r.nik}"), grey(r.phone), grey(r.email),
                     grey(shorten(r.address, 90)))

    cols: list[tuple[str, float, Getter | None]] = [
        (_t(N_("complaints", "No."), lang), 0.45, None),
        (_t(N_("complaints", "Case number"), lang), 2.3, lambda r: Plain(f"{r.case_number}\n{d(r.received_on)}")),
        (_t(N_("complaints", "Type"), lang), 1.35,
         lambda r: lines(para(labels.label(labels.KINDS, r.kind, lang)), grey(r.channel_name))),
    ]
    if register.personal:
        cols.append((_t(N_("complaints", "Reporter"), lang), 2.3, reporter))
    cols += [
        (_t(N_("complaints", "Service"), lang), 2.0,
         lambda r: lines(para(shorten(r.service_title, 90)),
                         grey(labels.label(labels.PROBLEM_TYPES, r.problem_type, lang)))),
        (_t(N_("complaints", "Substance"), lang), 3.5 if register.personal else 5.0,
         lambda r: para(shorten(r.substance_excerpt, 220))),
        (_t(N_("complaints", "Respond by"), lang), 1.2,
         lambda r: Plain(d(r.respond_by) + (f"\n✓ {d(r.responded_on)}" if r.responded_on else ""))),
        (_t(N_("complaints", "Status"), lang), 1.9,
         lambda r: lines(status(r), grey(labels.label(labels.PATHS, r.resolution_path, lang)))),
        ("SP4N-LAPOR!", 1.45, lambda r: Plain(printable(r.lapor_id)) if len(r.lapor_id) <= 16 else para(r.lapor_id)),
    ]
    return cols


def register_pdf(register: Register, *, language: str | None = None) -> bytes:
    """A4 landscape: a title, the privacy note, a table whose header repeats on every page, page numbers."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import (
        LongTable,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        TableStyle,
    )

    ready()
    page = landscape(A4)
    margin = 12 * mm
    width = page[0] - 2 * margin
    cols = pdf_columns(register, language)
    cell = ParagraphStyle("cell", fontName=FAMILY, fontSize=7.2, leading=8.8)
    head = ParagraphStyle("head", fontName=BOLD, fontSize=7.2, leading=8.8, textColor=colors.white)
    heading_style = ParagraphStyle("title", fontName=BOLD, fontSize=13, leading=16)
    note_style = ParagraphStyle("note", fontName=FAMILY, fontSize=8, leading=10, textColor=colors.HexColor("#444444"))
    total = sum(weight for _h, weight, _g in cols)
    col_widths = [width * weight / total for _h, weight, _g in cols]
    cells: list[list[Any]] = [[Paragraph(para(h), head) for h, _w, _g in cols]]  # flowables and text
    for number, row in enumerate(register.rows, start=1):
        values = [str(number) if getter is None else getter(row) for _h, _w, getter in cols]
        cells.append([v if isinstance(v, Plain) or getter is None else Paragraph(v, cell)
                      for v, (_h, _w, getter) in zip(values, cols)])
    if not register.rows:
        cells.append([_t(N_("complaints", "No cases in this period."), language)] + [""] * (len(cols) - 1))
    grid = LongTable(cells, colWidths=col_widths, repeatRows=1)
    style = [
        ("FONT", (0, 0), (-1, -1), FAMILY, 7.2, 8.8),
        ("FONT", (1, 1), (1, -1), BOLD, 7.2, 8.8),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), "#0b3d6e"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, "#b8c4d0"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), ["white", "#eef3f8"]),
    ]
    if not register.rows:
        style.append(("SPAN", (0, 1), (-1, 1)))
    grid.setStyle(TableStyle(style))
    generated = format_date(register.today, language, weekday=False)
    footer = _t(N_("complaints", "{office} · complaint register · printed {date} · page {page}"), language)

    def on_page(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(FAMILY, 7)
        canvas.setFillGray(0.35)
        canvas.drawString(margin, 7 * mm, printable(footer.format(office=register.office_name, date=generated,
                                                                 page=doc.page)))
        canvas.restoreState()

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=page, leftMargin=margin, rightMargin=margin, topMargin=12 * mm,
                            bottomMargin=13 * mm, title=title(register, language), author=register.office_name,
                            creator="MPP Desk")
    count = _t(N_("complaints", "{count} case(s)"), language).format(count=len(register.rows))
    story = [Paragraph(para(title(register, language)), heading_style),
             Paragraph(para(f"{register.office_name} · {count} · {privacy_note(register, language)}"), note_style),
             Spacer(1, 4 * mm), grid]
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return buffer.getvalue()
