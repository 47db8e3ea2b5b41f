"""The service report of a period (the quarterly evaluation's other half): queue, intake, complaints.

Queue: per group issued, served, no-shows, waiting and service time (median and 90th percentile,
minutes), and a heat map of tickets issued per weekday and hour. Intake: files received per service,
finished within the standard's working days or late, still open and overdue. Complaints: received per
channel and per problem type, answered within 14 working days, by resolution path.
"""

from __future__ import annotations

import datetime as dt
import io
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from mpp_desk import officetime, settings
from mpp_desk.i18n import N_
from mpp_desk.models import Application, ComplaintCase, IntakeVisit, QueueGroup, Ticket
from mpp_desk.officetime import local
from mpp_desk.queue.stats import percentile
from mpp_desk.roles import Permission, authorize
from mpp_desk.survey.docparts import P, bar_chart, build_pdf, decimal_comma, frame_width, sheet_table, styles, t, table
from mpp_desk.survey.service import check_period
from mpp_desk.textformat import format_date
from mpp_desk.uow import UnitOfWork
from mpp_desk.complaints.oversight import period_figures
from mpp_desk.complaints.pdfparts import FAMILY

if TYPE_CHECKING:
    from mpp_desk.complaints.oversight import PeriodFigures

HOURS = range(7, 17)
WEEKDAYS = (N_("survey", "Mon"), N_("survey", "Tue"), N_("survey", "Wed"), N_("survey", "Thu"),
            N_("survey", "Fri"), N_("survey", "Sat"), N_("survey", "Sun"))


@dataclass(frozen=True)
class QueueLine:
    code: str
    name: str
    issued: int
    served: int
    no_shows: int
    wait_p50: float | None  # minutes
    wait_p90: float | None
    service_p50: float | None
    service_p90: float | None


@dataclass(frozen=True)
class IntakeLine:
    kbli: str
    title: str
    received: int
    on_time: int
    late: int
    rejected: int
    open: int
    overdue: int


@dataclass(frozen=True)
class ServiceReport:
    date_from: dt.date
    date_to: dt.date
    today: dt.date
    office_name: str
    queue: tuple[QueueLine, ...]
    heat: dict[tuple[int, int], int]  # (weekday 0-6, hour) -> tickets issued
    intake: tuple[IntakeLine, ...]
    complaints: PeriodFigures
    channels: tuple[tuple[str, int], ...]


def collect(uow: UnitOfWork, *, date_from: dt.date, date_to: dt.date, today: dt.date | None = None,
            **_ignored) -> ServiceReport:
    authorize(uow, uow.actor, Permission.VIEW_REPORTS)
    check_period(date_from, date_to)
    today = today or officetime.today()
    queue, heat = _queue(uow, date_from, date_to)
    c = ComplaintCase
    channels = tuple((ch, int(n)) for ch, n in uow.session.execute(
        select(c.channel, func.count()).where(c.received_on >= date_from, c.received_on <= date_to,
                                              c.deleted_at.is_(None)).group_by(c.channel).order_by(func.count().desc())))
    return ServiceReport(date_from=date_from, date_to=date_to, today=today,
                         office_name=str(settings.get(uow, "office.name")), queue=queue, heat=heat,
                         intake=_intake(uow, date_from, date_to, today),
                         complaints=period_figures(uow, date_from=date_from, date_to=date_to, today=today),
                         channels=channels)


def _minutes(values: list[float], pct: float) -> float | None:
    return round(percentile(sorted(values), pct) / 60, 1) if values else None


def _queue(uow: UnitOfWork, date_from: dt.date, date_to: dt.date):
    rows = uow.session.execute(
        select(Ticket.route_group_id, Ticket.status, Ticket.issued_at, Ticket.first_called_at,
               Ticket.served_started_at, Ticket.finished_at)
        .where(Ticket.service_date >= date_from, Ticket.service_date <= date_to, Ticket.deleted_at.is_(None))).all()
    groups = {g.id: g for g in uow.session.scalars(select(QueueGroup))}
    acc: dict = defaultdict(lambda: {"issued": 0, "served": 0, "no_shows": 0, "wait": [], "service": []})
    heat: Counter = Counter()
    for row in rows:
        for key in (row.route_group_id, None):
            a = acc[key]
            a["issued"] += 1
            if row.first_called_at is not None:
                a["wait"].append(max(0.0, (row.first_called_at - row.issued_at).total_seconds()))
            if row.status == Ticket.DONE:
                a["served"] += 1
                if row.served_started_at and row.finished_at:
                    a["service"].append(max(0.0, (row.finished_at - row.served_started_at).total_seconds()))
            elif row.status == Ticket.NO_SHOW:
                a["no_shows"] += 1
        moment = local(row.issued_at)
        heat[(moment.weekday(), moment.hour)] += 1

    def line(key, code, name) -> QueueLine:
        a = acc[key]
        return QueueLine(code, name, a["issued"], a["served"], a["no_shows"], _minutes(a["wait"], 50),
                         _minutes(a["wait"], 90), _minutes(a["service"], 50), _minutes(a["service"], 90))

    lines = [line(g.id, g.code, g.name) for g in sorted(groups.values(), key=lambda g: (g.position, g.code))
             if g.id in acc]
    lines.append(line(None, "*", ""))
    return tuple(lines), dict(heat)


def _intake(uow: UnitOfWork, date_from: dt.date, date_to: dt.date, today: dt.date) -> tuple[IntakeLine, ...]:
    a, v = Application, IntakeVisit
    rows = uow.session.execute(
        select(v.service_kbli, v.service_title, a.status, a.due_date, a.finished_at)
        .join(v, v.id == a.visit_id)
        .where(a.received_date >= date_from, a.received_date <= date_to, a.deleted_at.is_(None))).all()
    acc: dict = defaultdict(Counter)
    titles: dict[str, str] = {}
    for kbli, title, status, due, finished_at in rows:
        titles[kbli] = title
        c = acc[kbli]
        c["received"] += 1
        if status == Application.REJECTED:
            c["rejected"] += 1
        elif finished_at is not None:
            c["on_time" if officetime.local_date(finished_at) <= due else "late"] += 1
        elif status in Application.OPEN_STATUSES:
            c["overdue" if due < today else "open"] += 1
    return tuple(IntakeLine(k, titles[k], c["received"], c["on_time"], c["late"], c["rejected"], c["open"],
                            c["overdue"]) for k, c in sorted(acc.items()))


def summary(report: ServiceReport) -> dict:
    f = report.complaints
    return {
        "queue": [{"group": q.code, "issued": q.issued, "served": q.served, "no_shows": q.no_shows,
                   "wait_p50_min": q.wait_p50, "wait_p90_min": q.wait_p90, "service_p50_min": q.service_p50,
                   "service_p90_min": q.service_p90} for q in report.queue],
        "intake": [{"kbli": i.kbli, "received": i.received, "on_time": i.on_time, "late": i.late,
                    "rejected": i.rejected, "open": i.open, "overdue": i.overdue} for i in report.intake],
        "complaints": {"received": f.received, "answered": f.answered, "answered_within": f.answered_within,
                       "overdue_unanswered": f.overdue_unanswered, "channels": dict(report.channels)},
    }


# --- PDF ------------------------------------------------------------------------------------------------


def _period(report, language) -> str:
    return (f"{format_date(report.date_from, language, weekday=False)} – "
            f"{format_date(report.date_to, language, weekday=False)}")


def render_pdf(report: ServiceReport, *, language: str | None = None) -> bytes:
    st = styles()
    title = t(N_("survey", "Service report"), language)
    story = [P(title, st["title"]),
             P(f"{report.office_name} · {t(N_('survey', 'Period'), language)}: {_period(report, language)}",
               st["body"])]
    story += _queue_part(report, language) + _intake_part(report, language) + _complaints_part(report, language)
    footer = t(N_("survey", "{office} · service report {period} · page {page}"), language).format(
        office=report.office_name, period=_period(report, language), page="{page}")
    return build_pdf(story, title=title, author=report.office_name, footer=footer)


def _m(value: float | None) -> str:
    return decimal_comma(value, 1)


def _queue_part(report: ServiceReport, language) -> list:
    st = styles()
    width = frame_width()
    rows = [[q.code if q.code != "*" else t(N_("survey", "All"), language), q.name, str(q.issued), str(q.served),
             str(q.no_shows), _m(q.wait_p50), _m(q.wait_p90), _m(q.service_p50), _m(q.service_p90)]
            for q in report.queue]
    heads = _queue_heads(language)
    widths = [0.1 * width, 0.22 * width] + [0.085 * width] * 7
    return [P(t(N_("survey", "Queue"), language), st["h2"]), table(heads, rows, widths),
            P(t(N_("survey", "Tickets issued per weekday and hour"), language), st["h2"]),
            heat_map(report.heat, width=width, language=language)]


def _queue_heads(language) -> list[str]:
    return [t(N_("survey", "Group"), language), "", t(N_("survey", "Issued"), language),
            t(N_("survey", "Served"), language), t(N_("survey", "No-shows"), language),
            t(N_("survey", "Wait p50 (min)"), language), t(N_("survey", "Wait p90 (min)"), language),
            t(N_("survey", "Service p50 (min)"), language), t(N_("survey", "Service p90 (min)"), language)]


def _intake_heads(language) -> list[str]:
    return [t(N_("survey", "Service"), language), t(N_("survey", "Received"), language),
            t(N_("survey", "Finished on time"), language), t(N_("survey", "Finished late"), language),
            t(N_("survey", "Rejected"), language), t(N_("survey", "Open"), language),
            t(N_("survey", "Open, overdue"), language)]


def heat_map(heat: dict[tuple[int, int], int], *, width: float, language) -> object:
    """A grid of weekdays × office hours, darker for more tickets, the count written in each cell."""
    from reportlab.graphics.shapes import Drawing, Rect, String
    from reportlab.lib import colors

    days = [d for d in range(7) if d < 5 or any(heat.get((d, h)) for h in HOURS)]
    cell_w, cell_h, left, top = (width - 40) / len(HOURS), 20, 40, 14
    drawing = Drawing(width, top + cell_h * len(days) + 4)
    most = max(heat.values(), default=0) or 1
    for col, hour in enumerate(HOURS):
        drawing.add(String(left + col * cell_w + cell_w / 2, drawing.height - 10, f"{hour:02d}",
                           fontName=FAMILY, fontSize=7, textAnchor="middle"))
    for row, day in enumerate(days):
        y = drawing.height - top - (row + 1) * cell_h
        drawing.add(String(2, y + 6, t(WEEKDAYS[day], language), fontName=FAMILY, fontSize=7))
        for col, hour in enumerate(HOURS):
            n = heat.get((day, hour), 0)
            share = n / most
            fill = colors.Color(1 - 0.9 * share, 1 - 0.7 * share, 1 - 0.3 * share)
            cell = Rect(left + col * cell_w, y, cell_w - 1, cell_h - 1)  # colours set below: the stub's **kw lacks Unpack
            cell.fillColor, cell.strokeColor, cell.strokeWidth = fill, colors.HexColor("#d0d8e0"), 0.3
            drawing.add(cell)
            if n:
                drawing.add(String(left + col * cell_w + cell_w / 2, y + 6, str(n), fontName=FAMILY, fontSize=7,
                                   textAnchor="middle", fillColor=colors.white if share > 0.55 else colors.black))
    return drawing


def _intake_part(report: ServiceReport, language) -> list:
    st = styles()
    width = frame_width()
    rows = [[f"{i.kbli} {i.title}", str(i.received), str(i.on_time), str(i.late), str(i.rejected), str(i.open),
             str(i.overdue)] for i in report.intake]
    if not rows:
        rows = [[t(N_("survey", "No files received in this period."), language), "", "", "", "", "", ""]]
    heads = _intake_heads(language)
    story = [P(t(N_("survey", "File intake"), language), st["h2"]),
             table(heads, rows, [0.34 * width] + [0.11 * width] * 6)]
    if report.intake:
        total = [sum(getattr(i, k) for i in report.intake) for k in ("on_time", "late", "open", "overdue")]
        story.append(bar_chart([t(h, language) for h in (N_("survey", "Finished on time"),
                                                         N_("survey", "Finished late"), N_("survey", "Open"),
                                                         N_("survey", "Open, overdue"))],
                               total, width=width, height=90, top=max(total) or 1, value_places=0))
    return story


def _complaints_part(report: ServiceReport, language) -> list:
    st = styles()
    f = report.complaints
    width = frame_width()
    share = "-" if f.share_within is None else decimal_comma(100 * f.share_within, 1) + " %"
    lines = [P(t(N_("survey", "Complaints"), language), st["h2"]),
             P(t(N_("survey", "Received {received} ({complaints} complaints, {suggestions} suggestions); answered "
                              "{answered}, of which {within} within 14 working days ({share}); {overdue} overdue "
                              "without an answer."), language).format(
                 received=f.received, complaints=f.complaints, suggestions=f.suggestions, answered=f.answered,
                 within=f.answered_within, share=share, overdue=f.overdue_unanswered), st["body"])]
    half = width / 3 - 6
    parts = [
        (t(N_("survey", "Channel"), language), [(name, n) for name, n in report.channels]),
        (t(N_("survey", "Problem type"), language), [(g.label or "-", g.total) for g in f.by_problem]),
        (t(N_("survey", "Resolution path"), language), [(g.label or "-", g.total) for g in f.by_path]),
    ]
    from reportlab.platypus import Table

    tables = [table([head, "n"], [[a, str(b)] for a, b in rows] or [["-", "0"]], [0.75 * half, 0.25 * half],
                    repeat=False) for head, rows in parts]
    grid = Table([tables], colWidths=[half + 6] * 3)
    grid.setStyle([("VALIGN", (0, 0), (-1, -1), "TOP")])
    return lines + [grid]


# --- XLSX -----------------------------------------------------------------------------------------------


def render_xlsx(report: ServiceReport, *, language: str | None = None) -> bytes:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(t(N_("survey", "Queue"), language)[:31])
    sheet_table(ws, _queue_heads(language),
                [[q.code, q.name, q.issued, q.served, q.no_shows, q.wait_p50, q.wait_p90, q.service_p50,
                  q.service_p90] for q in report.queue])
    heat = wb.create_sheet(t(N_("survey", "Heat map"), language)[:31])
    sheet_table(heat, ["", *[f"{h:02d}" for h in HOURS]],
                [[t(WEEKDAYS[d], language), *[report.heat.get((d, h), 0) for h in HOURS]] for d in range(7)])
    intake = wb.create_sheet(t(N_("survey", "File intake"), language)[:31])
    sheet_table(intake, ["KBLI", *_intake_heads(language)],
                [[i.kbli, i.title, i.received, i.on_time, i.late, i.rejected, i.open, i.overdue]
                 for i in report.intake])
    comp = wb.create_sheet(t(N_("survey", "Complaints"), language)[:31])
    f = report.complaints
    sheet_table(comp, [t(N_("survey", "Figure"), language), t(N_("survey", "Value"), language)], [
        [t(N_("survey", "Received"), language), f.received], [t(N_("survey", "Complaints"), language), f.complaints],
        [t(N_("survey", "Suggestions"), language), f.suggestions], [t(N_("survey", "Answered"), language), f.answered],
        [t(N_("survey", "Answered within 14 working days"), language), f.answered_within],
        [t(N_("survey", "Overdue without an answer"), language), f.overdue_unanswered]])
    sheet_table(comp, [t(N_("survey", "Channel"), language), "n"], [list(c) for c in report.channels])
    sheet_table(comp, [t(N_("survey", "Problem type"), language), "n"],
                      [[g.label or g.key, g.total] for g in f.by_problem])
    sheet_table(comp, [t(N_("survey", "Resolution path"), language), "n"],
                [[g.label or g.key, g.total] for g in f.by_path])
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
