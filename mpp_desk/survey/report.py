"""The SKM report of a period (the quarterly evaluation): PDF for reading and signing, XLSX for the office.

PDF: the index for the whole MPP (respondents, NRR per element with a bar chart, IKM with the weight
stated as exactly 1/9, the converted index, the grade), the three weakest elements, the index per
service, the respondents' profile, the suggestions received, room for the follow-up plan and signatures.
XLSX: a summary sheet, the tabulation sheet as offices keep it (one row per respondent, then the sum,
count, NRR and weighted NRR per element, the IKM and the index), per service, profile, suggestions.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

from mpp_desk import officetime, settings
from mpp_desk.i18n import N_
from mpp_desk.survey import elements
from mpp_desk.survey.docparts import (
    P,
    bar_chart,
    bold,
    build_pdf,
    decimal_comma,
    frame_width,
    header_cells,
    sheet_table,
    signature_block,
    styles,
    t,
    table,
)
from mpp_desk.survey.index import as_json, rounded, IndexResult
from mpp_desk.survey.service import (
    Suggestion,
    answer_rows,
    check_period,
    combined,
    index_by_service,
    profile_counts,
    suggestions,
)
from mpp_desk.textformat import format_date
from mpp_desk.uow import UnitOfWork

PROFILE_TABLES = (
    ("age_group", N_("survey", "Age"), elements.AGE_GROUPS),
    ("sex", N_("survey", "Sex"), elements.SEXES),
    ("education", N_("survey", "Education"), elements.EDUCATION),
    ("occupation", N_("survey", "Occupation"), elements.OCCUPATIONS),
)


@dataclass(frozen=True)
class SkmReport:
    date_from: dt.date
    date_to: dt.date
    today: dt.date
    office_name: str
    overall: IndexResult
    by_service: tuple[tuple[str, str, IndexResult], ...]
    profile: dict[str, dict[str, int]]
    suggestions: tuple[Suggestion, ...]
    rows: tuple[tuple, ...] | None  # the tabulation (XLSX); None when not collected


def collect(uow: UnitOfWork, *, date_from: dt.date, date_to: dt.date, with_rows: bool = True,
            today: dt.date | None = None) -> SkmReport:
    check_period(date_from, date_to)
    by_service = tuple(index_by_service(uow, date_from=date_from, date_to=date_to))
    return SkmReport(
        date_from=date_from, date_to=date_to, today=today or officetime.today(),
        office_name=str(settings.get(uow, "office.name")), overall=combined([r for _k, _t, r in by_service]),
        by_service=by_service,
        profile=profile_counts(uow, date_from=date_from, date_to=date_to),
        suggestions=tuple(suggestions(uow, date_from=date_from, date_to=date_to, limit=20_000)),
        rows=tuple(answer_rows(uow, date_from=date_from, date_to=date_to)) if with_rows else None,
    )


def summary(report: SkmReport) -> dict:
    return {"skm": as_json(report.overall), "services": [
        {"kbli": kbli or None, "title": title or None, **as_json(result)} for kbli, title, result in report.by_service]}


def period_text(report, language: str | None = None) -> str:
    return f"{format_date(report.date_from, language, weekday=False)} – {format_date(report.date_to, language, weekday=False)}"


def _f(value, places: int) -> float | None:
    return None if value is None else float(rounded(value, places))


def _service_name(kbli: str, title: str, language: str | None) -> str:
    return f"{kbli} {title}".strip() if kbli else t(N_("survey", "MPP in general (no service named)"), language)


def grade_text(result: IndexResult, language: str | None = None) -> str:
    if result.grade is None:
        return "-"
    return f"{result.grade} ({result.quality('id')})"


# --- PDF ------------------------------------------------------------------------------------------------


def render_pdf(report: SkmReport, *, language: str | None = None) -> bytes:
    story = _head(report, language) + _elements(report, language) + _services(report, language)
    story += _profile(report, language) + _suggestions(report, language) + _follow_up(report, language)
    footer = t(N_("survey", "{office} · SKM report {period} · page {page}"), language).format(
        office=report.office_name, period=period_text(report, language), page="{page}")
    return build_pdf(story, title=_title(report, language), author=report.office_name, footer=footer)


def _title(report: SkmReport, language: str | None) -> str:
    return t(N_("survey", "Community Satisfaction Survey (SKM) report"), language)


def _head(report: SkmReport, language: str | None) -> list:
    from reportlab.platypus import Spacer, Table, TableStyle

    st = styles()
    result = report.overall
    story = [P(_title(report, language), st["title"]),
             P(f"{report.office_name} · {t(N_('survey', 'Period'), language)}: {period_text(report, language)}",
               st["body"]),
             P(t(N_("survey", "Method: PermenPANRB No. 14 of 2017. NRR per element = sum of scores / respondents who "
                              "answered it; IKM = Σ NRR × 1/9 (the weight exactly 1/9, not 0.111); converted index = "
                              "IKM × 25."), language), st["note"]),
             Spacer(1, 6)]
    ikm = decimal_comma(_f(result.ikm, 4), 4)
    index = decimal_comma(None if result.index is None else float(result.index), 2)
    cells = [[P(t(N_("survey", "Respondents"), language), st["body"]), P(t(N_("survey", "IKM"), language), st["body"]),
              P(t(N_("survey", "Converted index"), language), st["body"]),
              P(t(N_("survey", "Service quality"), language), st["body"])],
             [P(str(result.respondents), st["big"]), P(ikm, st["big"]), P(index, st["big"]),
              P(grade_text(result, language), st["big"])]]
    box = Table(cells, colWidths=[120, 110, 130, 150])
    box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.8, "#0b3d6e"), ("BACKGROUND", (0, 0), (-1, -1), "#eef3f8"),
                             ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 1), (-1, 1), 8)]))
    story.append(box)
    if result.ikm is None:
        story.append(P(t(N_("survey", "No index: an element has no answers in this period."), language), st["note"]))
    return story


def _elements(report: SkmReport, language: str | None) -> list:
    st = styles()
    result = report.overall
    rows = []
    for i, element in enumerate(elements.ELEMENTS):
        tally, nrr = result.tallies[i], result.nrr[i]
        weighted = None if nrr is None else nrr / 9
        rows.append([element.code.upper(), element.label(language), str(tally.answered), str(tally.total),
                     decimal_comma(_f(nrr, 4), 4), decimal_comma(_f(weighted, 4), 4)])
    width = frame_width()
    story = [P(t(N_("survey", "Value per element (NRR)"), language), st["h2"]),
             table([t(N_("survey", "Element"), language), "", t(N_("survey", "Answered"), language),
                    t(N_("survey", "Sum of scores"), language), "NRR", t(N_("survey", "NRR × 1/9"), language)],
                   rows, [0.1 * width, 0.42 * width, 0.12 * width, 0.12 * width, 0.12 * width, 0.12 * width]),
             bar_chart([f"{e.code.upper()} {e.label(language)}" for e in elements.ELEMENTS],
                       [_f(v, 4) for v in result.nrr], width=width, height=190, top=4)]
    weakest = result.weakest(3)
    if weakest:
        story.append(P(t(N_("survey", "The three weakest elements"), language), st["h2"]))
        for position in weakest:
            element = elements.ELEMENTS[position]
            story.append(P(f"{element.code.upper()} {element.label(language)}: NRR "
                           f"{decimal_comma(_f(result.nrr[position], 4), 4)}", st["body"]))
    return story


def _services(report: SkmReport, language: str | None) -> list:
    st = styles()
    width = frame_width()
    rows = []
    for kbli, title, result in report.by_service:
        rows.append([_service_name(kbli, title, language), str(result.respondents),
                     *[decimal_comma(_f(v, 2), 2) for v in result.nrr], decimal_comma(_f(result.ikm, 4), 4),
                     decimal_comma(None if result.index is None else float(result.index), 2),
                     result.grade or "-"])
    if not rows:
        rows.append([t(N_("survey", "No responses in this period."), language)] + [""] * 13)
    widths = [0.235 * width, 0.05 * width] + [0.055 * width] * 9 + [0.075 * width, 0.07 * width, 0.075 * width]
    return [P(t(N_("survey", "Index per service"), language), st["h2"]),
            table([t(N_("survey", "Service"), language), "n", *[c.upper() for c in elements.CODES], "IKM",
                   t(N_("survey", "Index"), language), t(N_("survey", "Grade"), language)], rows, widths)]


def _profile(report: SkmReport, language: str | None) -> list:
    from reportlab.platypus import Table

    st = styles()
    width = frame_width() / 2 - 8
    total = report.overall.respondents or 1
    tables = []
    for key, heading, choices in PROFILE_TABLES:
        counts = report.profile.get(key, {})
        rows = [[elements.label(choices, code, language), str(counts.get(code, 0)),
                 decimal_comma(100 * counts.get(code, 0) / total, 1) + " %"] for code in (*choices, "")]
        tables.append(table([t(heading, language), t(N_("survey", "Respondents"), language), "%"], rows,
                            [0.55 * width, 0.25 * width, 0.2 * width], repeat=False))
    grid = Table([[tables[0], tables[1]], [tables[2], tables[3]]], colWidths=[width + 8, width + 8])
    grid.setStyle([("VALIGN", (0, 0), (-1, -1), "TOP")])
    from reportlab.platypus import KeepTogether

    return [KeepTogether([P(t(N_("survey", "Respondents' profile"), language), st["h2"]), grid])]


SUGGESTIONS_IN_PDF = 300  # distinct texts; the XLSX keeps every one


def grouped_suggestions(items) -> list[tuple[str, int, dt.date, list[str]]]:
    """Identical suggestions (case and spaces aside) once, with how often, the latest date and the services."""
    groups: dict[str, list] = {}
    for s in items:
        key = " ".join(s.text.split()).casefold()
        entry = groups.setdefault(key, [s.text, 0, s.on, []])
        entry[1] += 1
        entry[2] = max(entry[2], s.on)
        if s.kbli not in entry[3]:
            entry[3].append(s.kbli)
    return sorted((tuple(v) for v in groups.values()), key=lambda g: (-g[1], g[0]))  # type: ignore[misc]


def _suggestions(report: SkmReport, language: str | None) -> list:
    st = styles()
    width = frame_width()
    story = [P(t(N_("survey", "Suggestions received"), language), st["h2"])]
    if not report.suggestions:
        story.append(P(t(N_("survey", "No suggestions in this period."), language), st["body"]))
        return story
    groups = grouped_suggestions(report.suggestions)
    rows = [[str(n), text, str(count), format_date(latest, language, weekday=False),
             ", ".join(k or "MPP" for k in kblis[:4]) + (" …" if len(kblis) > 4 else "")]
            for n, (text, count, latest, kblis) in enumerate(groups[:SUGGESTIONS_IN_PDF], start=1)]
    story.append(table(["No", t(N_("survey", "Suggestion"), language), t(N_("survey", "Times"), language),
                        t(N_("survey", "Latest"), language), "KBLI"], rows,
                       [0.06 * width, 0.5 * width, 0.09 * width, 0.17 * width, 0.18 * width]))
    if len(groups) > SUGGESTIONS_IN_PDF:
        story.append(P(t(N_("survey", "{count} more different suggestions are in the XLSX file."), language).format(
            count=len(groups) - SUGGESTIONS_IN_PDF), st["note"]))
    return story


def _follow_up(report: SkmReport, language: str | None) -> list:
    from reportlab.platypus import CondPageBreak, Spacer

    st = styles()
    width = frame_width()
    rows = []
    for n, position in enumerate(report.overall.weakest(3), start=1):
        element = elements.ELEMENTS[position]
        rows.append([str(n), f"{element.code.upper()} {element.label(language)}", "", "", ""])
    while len(rows) < 5:
        rows.append([str(len(rows) + 1), "", "", "", ""])
    plan = table(["No", t(N_("survey", "Element / problem"), language), t(N_("survey", "Follow-up plan"), language),
                  t(N_("survey", "When"), language), t(N_("survey", "Responsible"), language)], rows,
                 [0.06 * width, 0.26 * width, 0.38 * width, 0.12 * width, 0.18 * width], repeat=False,
                 row_height=30)
    place = t(N_("survey", "Purwakarta, {date}"), language).format(
        date=format_date(report.today, language, weekday=False))
    return [CondPageBreak(260), P(t(N_("survey", "Follow-up plan"), language), st["h2"]), plan, Spacer(1, 14),
            signature_block(report.office_name, place, t(N_("survey", "SKM team leader"), language),
                            t(N_("survey", "Head of DPMPTSP"), language))]


# --- XLSX -----------------------------------------------------------------------------------------------


def render_xlsx(report: SkmReport, *, language: str | None = None) -> bytes:
    """Write-only workbook (the tabulation may hold a quarter's 100,000 rows)."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(t(N_("survey", "Summary"), language)[:31])
    ws.column_dimensions["B"].width = 48
    result = report.overall
    ws.append([bold(ws, _title(report, language))])
    ws.append([f"{report.office_name} · {period_text(report, language)}"])
    ws.append([])
    facts = [(t(N_("survey", "Respondents"), language), result.respondents),
             (t(N_("survey", "IKM"), language), _f(result.ikm, 4)),
             (t(N_("survey", "Converted index"), language), None if result.index is None else float(result.index)),
             (t(N_("survey", "Service quality"), language), grade_text(result, language)),
             (t(N_("survey", "Weight per element"), language), "1/9")]
    sheet_table(ws, [t(N_("survey", "Figure"), language), t(N_("survey", "Value"), language)], facts)
    nrr_rows = [[e.code.upper(), e.label(language), result.tallies[i].answered, result.tallies[i].total,
                 _f(result.nrr[i], 4)] for i, e in enumerate(elements.ELEMENTS)]
    sheet_table(ws, [t(N_("survey", "Element"), language), "", t(N_("survey", "Answered"), language),
                     t(N_("survey", "Sum of scores"), language), "NRR"], nrr_rows)
    _tabulation(wb.create_sheet(t(N_("survey", "Tabulation"), language)[:31]), report, language)
    _per_service_sheet(wb.create_sheet(t(N_("survey", "Per service"), language)[:31]), report, language)
    _profile_sheet(wb.create_sheet(t(N_("survey", "Profile"), language)[:31]), report, language)
    sug = wb.create_sheet(t(N_("survey", "Suggestions"), language)[:31])
    sheet_table(sug, ["No", t(N_("survey", "Date"), language), "KBLI", t(N_("survey", "Suggestion"), language)],
                [[n, s.on.isoformat(), s.kbli, s.text] for n, s in enumerate(report.suggestions, start=1)])
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _tabulation(ws, report: SkmReport, language: str | None) -> None:
    """One row per respondent (U1…U9), then Σ, answered, NRR, NRR × 1/9, IKM and index under the columns."""
    ws.freeze_panes = "D2"
    ws.append(header_cells(ws, ["No", t(N_("survey", "Date"), language), "KBLI",
                                *[c.upper() for c in elements.CODES]]))
    for n, r in enumerate(report.rows or (), start=1):
        ws.append([n, r[0].isoformat(), r[1], *r[2:]])
    ws.append([])
    result = report.overall
    footer = [
        (t(N_("survey", "Sum of scores"), language), [x.total for x in result.tallies]),
        (t(N_("survey", "Answered"), language), [x.answered for x in result.tallies]),
        ("NRR", [_f(v, 4) for v in result.nrr]),
        (t(N_("survey", "NRR × 1/9"), language), [None if v is None else _f(v / 9, 4) for v in result.nrr]),
        ("IKM", [_f(result.ikm, 4)]),
        (t(N_("survey", "Converted index"), language), [None if result.index is None else float(result.index)]),
        (t(N_("survey", "Service quality"), language), [grade_text(result, language)]),
    ]
    for label_text, values in footer:
        ws.append([None, bold(ws, label_text), None, *values])


def _per_service_sheet(ws, report: SkmReport, language: str | None) -> None:
    ws.column_dimensions["B"].width = 50
    rows = [[kbli, title, r.respondents, *[_f(v, 4) for v in r.nrr], _f(r.ikm, 4),
             None if r.index is None else float(r.index), r.grade] for kbli, title, r in report.by_service]
    sheet_table(ws, ["KBLI", t(N_("survey", "Service"), language), "n", *[c.upper() for c in elements.CODES],
                     "IKM", t(N_("survey", "Index"), language), t(N_("survey", "Grade"), language)], rows)


def _profile_sheet(ws, report: SkmReport, language: str | None) -> None:
    ws.column_dimensions["A"].width = 34
    for key, heading, choices in PROFILE_TABLES:
        counts = report.profile.get(key, {})
        sheet_table(ws, [t(heading, language), t(N_("survey", "Respondents"), language)],
                    [[elements.label(choices, code, language), counts.get(code, 0)] for code in (*choices, "")])
