"""Shared pieces of the evaluation reports (PDF through reportlab platypus, XLSX through openpyxl).

New module rather than a change to ``printing/``: the receipts' engine stays as it is; the reports reuse
its shipped fonts (:mod:`mpp_desk.printing.fonts`) and the complaint register's safe-text helpers.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from mpp_desk.complaints.pdfparts import FAMILY, para, printable, ready
from mpp_desk.i18n import translate
from mpp_desk.printing.fonts import BOLD

NAVY = "#0b3d6e"
GRID = "#b8c4d0"
STRIPE = "#eef3f8"


def t(text: str, language: str | None = None) -> str:
    return translate("survey", text, language)


def decimal_comma(value: float | None, places: int) -> str:
    """Indonesian number writing: 3,2889 ("-" for none)."""
    return "-" if value is None else f"{value:.{places}f}".replace(".", ",")


def styles():
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle

    ready()
    return {
        "title": ParagraphStyle("title", fontName=BOLD, fontSize=14, leading=18, spaceAfter=2),
        "h2": ParagraphStyle("h2", fontName=BOLD, fontSize=11, leading=14, spaceBefore=8, spaceAfter=4,
                             textColor=colors.HexColor(NAVY)),
        "body": ParagraphStyle("body", fontName=FAMILY, fontSize=8.6, leading=11),
        "note": ParagraphStyle("note", fontName=FAMILY, fontSize=7.6, leading=9.6,
                               textColor=colors.HexColor("#444444")),
        "cell": ParagraphStyle("cell", fontName=FAMILY, fontSize=7.6, leading=9.4),
        "head": ParagraphStyle("head", fontName=BOLD, fontSize=7.6, leading=9.4, textColor=colors.white),
        "big": ParagraphStyle("big", fontName=BOLD, fontSize=20, leading=24, textColor=colors.HexColor(NAVY)),
    }


def P(text: str, style) -> Any:  # noqa: N802 - a reportlab Paragraph of plain text
    from reportlab.platypus import Paragraph

    return Paragraph(para(text), style)


def table(headings: Sequence[str], rows: Sequence[Sequence[Any]], widths: Sequence[float], *,
          repeat: bool = True, row_height: float | None = None) -> Any:
    """A striped table with a navy header; cells that are str become wrapped paragraphs."""
    from reportlab.platypus import LongTable, TableStyle

    st = styles()
    cells = [[P(h, st["head"]) for h in headings]]
    for row in rows:
        cells.append([P(v, st["cell"]) if isinstance(v, str) else v for v in row])
    heights = None if row_height is None else [None] + [row_height] * len(rows)
    grid = LongTable(cells, colWidths=list(widths), rowHeights=heights, repeatRows=1 if repeat else 0)
    style = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), NAVY),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, GRID),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), ["white", STRIPE]),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    grid.setStyle(TableStyle(style))
    return grid


def bar_chart(labels: Sequence[str], values: Sequence[float | None], *, width: float, height: float,
              top: float, horizontal: bool = True, value_places: int = 2) -> Any:
    """A bar chart drawing (reportlab graphics) with the value written at each bar."""
    from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib import colors

    drawing = Drawing(width, height)
    chart = HorizontalBarChart() if horizontal else VerticalBarChart()
    left = 190 if horizontal else 30
    chart.x, chart.y = left, 18
    chart.width, chart.height = width - left - 30, height - 28  # pyright: ignore[reportAttributeAccessIssue] - the stub says int, reportlab takes any number
    chart.data = [[v or 0 for v in values]]
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = top
    chart.valueAxis.labels.fontName = FAMILY
    chart.valueAxis.labels.fontSize = 7
    chart.categoryAxis.categoryNames = [printable(x) for x in labels]
    chart.categoryAxis.labels.fontName = FAMILY
    chart.categoryAxis.labels.fontSize = 7
    if horizontal:
        chart.categoryAxis.reverseDirection = 1  # the first element on top
        chart.categoryAxis.labels.boxAnchor = "e"
        chart.categoryAxis.labels.dx = -4
    chart.bars[0].fillColor = colors.HexColor("#1565c0")
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = lambda v: decimal_comma(v, value_places)
    chart.barLabels.fontName = FAMILY
    chart.barLabels.fontSize = 7
    chart.barLabels.nudge = 10
    drawing.add(chart)
    return drawing


def signature_block(office: str, place_date: str, left_role: str, right_role: str) -> Any:
    from reportlab.platypus import Table, TableStyle

    st = styles()
    cells = [[P("", st["body"]), P(place_date, st["body"])],
             [P(left_role, st["body"]), P(right_role, st["body"])],
             ["", ""], ["", ""], ["", ""],
             [P("( ................................................ )", st["body"]),
              P("( ................................................ )", st["body"])],
             [P("NIP.", st["body"]), P("NIP.", st["body"])]]
    grid = Table(cells, colWidths=[250, 250])
    grid.setStyle(TableStyle([("TOPPADDING", (0, 2), (-1, 4), 10)]))
    return grid


def build_pdf(story: list, *, title: str, author: str, footer: str, landscape_page: bool = False) -> bytes:
    """A4 with margins and a footer line on every page ("{page}" is the page number)."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    ready()
    page = landscape(A4) if landscape_page else A4
    margin = 14 * mm

    def on_page(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(FAMILY, 7)
        canvas.setFillGray(0.35)
        canvas.drawString(margin, 8 * mm, printable(footer.format(page=doc.page)))
        canvas.restoreState()

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=page, leftMargin=margin, rightMargin=margin, topMargin=13 * mm,
                            bottomMargin=14 * mm, title=printable(title), author=printable(author),
                            creator="MPP Desk")
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return buffer.getvalue()


def frame_width(landscape_page: bool = False) -> float:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm

    page = landscape(A4) if landscape_page else A4
    return page[0] - 28 * mm


# --- XLSX ---------------------------------------------------------------------------------------------


def xlsx_text(value: Any) -> Any:
    """A cell value with no formula and no control character; numbers stay numbers."""
    if not isinstance(value, str):
        return value
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    text = ILLEGAL_CHARACTERS_RE.sub("", value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def header_cells(ws, headings: Sequence[str]) -> list:
    """Bold white-on-navy header cells (usable in a write-only sheet)."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font, PatternFill

    fill = PatternFill("solid", fgColor=NAVY[1:])
    cells = []
    for text in headings:
        cell = WriteOnlyCell(ws, value=xlsx_text(text))
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = fill
        cells.append(cell)
    return cells


def bold(ws, value: Any) -> Any:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    cell = WriteOnlyCell(ws, value=xlsx_text(value))
    cell.font = Font(bold=True)
    return cell


def sheet_table(ws, headings: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """Append a header row and *rows*, then a blank row (write-only sheets: rows go in order)."""
    ws.append(header_cells(ws, headings))
    for row in rows:
        ws.append([xlsx_text(v) for v in row])
    ws.append([])
