"""The supervisor's view: what is due, what is overdue, and how the desk did over a period.

A case is *answered* on ``responded_on`` (the first time the complainant was informed, or the
closing date when nobody could be informed). It is *overdue* while it is open, unanswered and
today is after its respond-by date, by ``working_days_between(respond_by, today)`` working days
(so a case due on Friday is 1 working day late on Monday, 0 over the weekend).

The share answered within 14 working days, for cases received in a period, counts every case
already answered or already past its date: answered on or before respond-by / (answered +
unanswered and overdue). Cases still inside their 14 days are reported apart as pending.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import and_, case, func, select, text

from mpp_desk.complaints import labels
from mpp_desk.complaints.service import authorize_read, summaries
from mpp_desk.complaints.views import CaseSummary
from mpp_desk.models import ComplaintCase, ServiceStandard
from mpp_desk.models.complaints import OPEN_SQL
from mpp_desk.workdays import load_calendar

if TYPE_CHECKING:
    from mpp_desk.uow import UnitOfWork

SOON_WORKING_DAYS = 3
_OPEN = text(f"complaint_case.{OPEN_SQL}")  # literal, so the partial index applies


@dataclass(frozen=True)
class GroupCount:
    """Cases of one problem type, service or path: all, still open, overdue."""

    key: str  # a code ("" for none), or a service id / "other:<text>"
    label: str
    total: int
    open: int
    overdue: int


@dataclass(frozen=True)
class Oversight:
    """Open, unanswered cases by due date, as of *today*."""

    today: dt.date
    soon_until: dt.date  # the third working day after today
    due_today: tuple[CaseSummary, ...]
    due_soon: tuple[CaseSummary, ...]  # due after today, up to soon_until
    overdue: tuple[CaseSummary, ...]  # most overdue first
    open_total: int

    @property
    def overdue_count(self) -> int:
        return len(self.overdue)


@dataclass(frozen=True)
class PeriodFigures:
    """How the desk did with the cases received in [date_from, date_to]."""

    date_from: dt.date
    date_to: dt.date
    today: dt.date
    received: int
    complaints: int
    suggestions: int
    answered: int
    answered_within: int
    overdue_unanswered: int
    pending: int
    closed: int
    by_problem: tuple[GroupCount, ...]
    by_service: tuple[GroupCount, ...]
    by_path: tuple[GroupCount, ...]

    @property
    def share_within(self) -> float | None:
        """Answered within 14 working days / (answered + overdue unanswered); None when nothing counts yet."""
        counted = self.answered + self.overdue_unanswered
        return self.answered_within / counted if counted else None


def oversight(uow: UnitOfWork, *, today: dt.date, calendar=None) -> Oversight:
    """Due today, due in the next 3 working days, and overdue (by working days), of open unanswered cases."""
    authorize_read(uow)
    calendar = calendar or load_calendar(uow)
    soon_until = calendar.add_working_days(today, SOON_WORKING_DAYS)
    rows = uow.session.scalars(
        select(ComplaintCase)
        .where(_OPEN, ComplaintCase.responded_on.is_(None), ComplaintCase.respond_by <= soon_until,
               ComplaintCase.deleted_at.is_(None))
        .order_by(ComplaintCase.respond_by, ComplaintCase.received_at)
    ).all()
    views = summaries(uow, rows, today=today, calendar=calendar)
    open_total = uow.session.scalar(
        select(func.count()).select_from(ComplaintCase).where(_OPEN, ComplaintCase.deleted_at.is_(None))
    )
    overdue = sorted((v for v in views if v.respond_by < today), key=lambda v: (-v.overdue_days, v.respond_by))
    return Oversight(
        today=today,
        soon_until=soon_until,
        due_today=tuple(v for v in views if v.respond_by == today),
        due_soon=tuple(v for v in views if today < v.respond_by <= soon_until),
        overdue=tuple(overdue),
        open_total=open_total or 0,
    )


def overdue_cases(uow: UnitOfWork, *, today: dt.date, calendar=None) -> list[CaseSummary]:
    """Open, unanswered cases past their respond-by date, most overdue first."""
    authorize_read(uow)
    calendar = calendar or load_calendar(uow)
    rows = uow.session.scalars(
        select(ComplaintCase)
        .where(_OPEN, ComplaintCase.responded_on.is_(None), ComplaintCase.respond_by < today,
               ComplaintCase.deleted_at.is_(None))
        .order_by(ComplaintCase.respond_by, ComplaintCase.received_at)
    ).all()
    return sorted(summaries(uow, rows, today=today, calendar=calendar), key=lambda v: (-v.overdue_days, v.respond_by))


def period_figures(uow: UnitOfWork, *, date_from: dt.date, date_to: dt.date, today: dt.date,
                   language: str | None = None) -> PeriodFigures:
    """Counts for the cases received in the period, and the share answered within 14 working days."""
    authorize_read(uow)
    c = ComplaintCase
    in_period = and_(c.received_on >= date_from, c.received_on <= date_to, c.deleted_at.is_(None))
    answered = c.responded_on.is_not(None)
    unanswered_overdue = and_(c.responded_on.is_(None), c.respond_by < today)
    row = uow.session.execute(
        select(
            func.count(),
            func.sum(case((c.kind == ComplaintCase.COMPLAINT, 1), else_=0)),
            func.sum(case((answered, 1), else_=0)),
            func.sum(case((and_(answered, c.responded_on <= c.respond_by), 1), else_=0)),
            func.sum(case((unanswered_overdue, 1), else_=0)),
            func.sum(case((and_(c.responded_on.is_(None), c.respond_by >= today), 1), else_=0)),
            func.sum(case((c.status == ComplaintCase.CLOSED, 1), else_=0)),
        ).where(in_period)
    ).one()
    total, complaints, answered_n, within, overdue_n, pending, closed = (int(v or 0) for v in row)
    return PeriodFigures(
        date_from=date_from,
        date_to=date_to,
        today=today,
        received=total,
        complaints=complaints,
        suggestions=total - complaints,
        answered=answered_n,
        answered_within=within,
        overdue_unanswered=overdue_n,
        pending=pending,
        closed=closed,
        by_problem=_groups(uow, c.problem_type, in_period, today, labels.PROBLEM_TYPES, language),
        by_service=_service_groups(uow, in_period, today),
        by_path=_groups(uow, c.resolution_path, in_period, today, labels.PATHS, language),
    )


def _counts(column, where, today):
    c = ComplaintCase
    return (
        select(
            column,
            func.count(),
            func.sum(case((c.status == ComplaintCase.OPEN, 1), else_=0)),
            func.sum(case((and_(c.status == ComplaintCase.OPEN, c.responded_on.is_(None), c.respond_by < today), 1),
                          else_=0)),
        )
        .where(where)
        .group_by(column)
    )


def _groups(uow: UnitOfWork, column, where, today, table, language) -> tuple[GroupCount, ...]:
    found = {key or "": (int(total), int(open_ or 0), int(overdue or 0))
             for key, total, open_, overdue in uow.session.execute(_counts(column, where, today))}
    out = []
    for code in (*table, ""):
        if code in found:
            total, open_, overdue = found.pop(code)
            out.append(GroupCount(code, labels.label(table, code, language) if code else "", total, open_, overdue))
    out.extend(GroupCount(code, code, *values) for code, values in found.items())
    return tuple(out)


def _service_groups(uow: UnitOfWork, where, today) -> tuple[GroupCount, ...]:
    c = ComplaintCase
    rows = uow.session.execute(
        select(c.service_id, func.min(c.service_other), func.count(),
               func.sum(case((c.status == ComplaintCase.OPEN, 1), else_=0)),
               func.sum(case((and_(c.status == ComplaintCase.OPEN, c.responded_on.is_(None), c.respond_by < today), 1),
                             else_=0)))
        .where(where)
        .group_by(c.service_id, func.lower(c.service_other))
    ).all()
    ids = {r[0] for r in rows if r[0] is not None}
    titles = dict(uow.session.execute(
        select(ServiceStandard.id, ServiceStandard.title).where(ServiceStandard.id.in_(ids))
    ).all()) if ids else {}
    out = []
    for service_id, other, total, open_, overdue in rows:
        if service_id is not None:
            out.append(GroupCount(str(service_id), titles.get(service_id, str(service_id)), int(total), int(open_ or 0),
                                  int(overdue or 0)))
        else:
            out.append(GroupCount(f"other:{(other or '').lower()}", other or "", int(total), int(open_ or 0),
                                  int(overdue or 0)))
    out.sort(key=lambda g: (-g.total, g.label))
    return tuple(out)
