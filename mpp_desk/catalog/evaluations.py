"""Evaluasi Kinerja: each standard and its SOP are evaluated at least once a year, the results shared with all staff.

One record per evaluation (date, who, notes, an optional document stored like a complaint attachment).
A standard is due when it has no evaluation dated in the last 12 months on the office clock (evaluated
on 2025-03-10: due again from 2026-03-10). Services never commit; writes need EVALUATE_STANDARDS and
are audited.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from mpp_desk import audit, officetime
from mpp_desk.catalog.errors import CatalogError
from mpp_desk.errors import ValidationError
from mpp_desk.i18n import N_
from mpp_desk.models import ServiceStandard, StandardEvaluation
from mpp_desk.roles import Permission, authorize
from mpp_desk.complaints import attachments as files

if TYPE_CHECKING:
    from mpp_desk.uow import UnitOfWork

MAX_EVALUATOR = 300
MAX_NOTES = 5000
FIRST_YEAR = 2000


@dataclass(frozen=True)
class EvaluationView:
    """One recorded evaluation, for lists and the CLI."""

    id: uuid.UUID
    annex_number: int
    kbli: str
    title: str
    evaluated_on: dt.date
    evaluator: str
    notes: str
    recorded_by: str
    document_filename: str
    document_path: str  # relative to the data folder; "" when none

    def to_dict(self) -> dict:
        return {"id": str(self.id), "annex_number": self.annex_number, "kbli": self.kbli, "title": self.title,
                "evaluated_on": self.evaluated_on.isoformat(), "evaluator": self.evaluator, "notes": self.notes,
                "recorded_by": self.recorded_by, "document": self.document_path or None}


@dataclass(frozen=True)
class DueStandard:
    """A standard with no evaluation in the last 12 months; ``last`` is its latest evaluation date, if any."""

    annex_number: int
    kbli: str
    title: str
    last: dt.date | None

    def to_dict(self) -> dict:
        return {"annex_number": self.annex_number, "kbli": self.kbli, "title": self.title,
                "last_evaluated_on": self.last.isoformat() if self.last else None}


def year_before(day: dt.date) -> dt.date:
    """The same day a year earlier (29 February → 28 February)."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


def record_evaluation(
    uow: UnitOfWork,
    *,
    annex_number: int,
    evaluated_on: dt.date,
    evaluator: str,
    notes: str = "",
    document: Path | str | None = None,
    data_dir: Path | str | None = None,
) -> EvaluationView:
    """Record one evaluation of a standard; everything is checked before the document is stored.

    The date may not be after today (office clock); ``evaluator`` is required. The document (PDF,
    JPEG or PNG, as for complaint attachments) is stored in *data_dir* (default: the database's folder).
    """
    authorize(uow, uow.actor, Permission.EVALUATE_STANDARDS)
    service = uow.session.scalar(select(ServiceStandard).where(
        ServiceStandard.annex_number == annex_number, ServiceStandard.deleted_at.is_(None)))
    if service is None:
        raise CatalogError(N_("errors", "There is no service with annex number {annex} in the catalogue."),
                           annex=annex_number)
    evaluator = " ".join((evaluator or "").split())
    notes = (notes or "").strip()
    _check(evaluated_on, evaluator, notes)
    stored = None
    if document is not None and str(document).strip():
        stored = files.store(Path(data_dir) if data_dir is not None else audit.data_folder(uow), document)
    actor = uow.actor
    row = StandardEvaluation(
        id=uuid.uuid4(), service_id=service.id, evaluated_on=evaluated_on, evaluator=evaluator, notes=notes,
        recorded_by=actor.username if actor is not None else "",
        document_filename=stored.filename if stored else "", document_path=stored.path if stored else "",
        document_sha256=stored.sha256 if stored else "", document_size=stored.size if stored else 0,
        document_mime=stored.mime if stored else "",
    )
    uow.session.add(row)
    uow.session.flush()
    audit.record(uow, action="evaluation.recorded", entity="standard_evaluation", entity_id=row.id,
                 summary=f"annex {annex_number} evaluated on {evaluated_on.isoformat()}",
                 details={"annex_number": annex_number, "evaluated_on": evaluated_on.isoformat(),
                          "document": bool(stored)})
    return _view(row, service)


def list_evaluations(uow: UnitOfWork, *, year: int | None = None, annex_number: int | None = None
                     ) -> list[EvaluationView]:
    """Evaluations of *year* (all years when None), optionally of one standard; newest first."""
    stmt = (select(StandardEvaluation, ServiceStandard)
            .join(ServiceStandard, ServiceStandard.id == StandardEvaluation.service_id)
            .where(StandardEvaluation.deleted_at.is_(None))
            .order_by(StandardEvaluation.evaluated_on.desc(), ServiceStandard.annex_number))
    if year is not None:
        stmt = stmt.where(StandardEvaluation.evaluated_on >= dt.date(year, 1, 1),
                          StandardEvaluation.evaluated_on <= dt.date(year, 12, 31))
    if annex_number is not None:
        stmt = stmt.where(ServiceStandard.annex_number == annex_number)
    return [_view(evaluation, service) for evaluation, service in uow.session.execute(stmt)]


def due_evaluations(uow: UnitOfWork, *, today: dt.date | None = None) -> list[DueStandard]:
    """Live standards with no evaluation after the same day a year ago (office clock), by annex number."""
    today = today or officetime.today()
    last = (select(StandardEvaluation.service_id, func.max(StandardEvaluation.evaluated_on).label("last"))
            .where(StandardEvaluation.deleted_at.is_(None))
            .group_by(StandardEvaluation.service_id).subquery())
    rows = uow.session.execute(
        select(ServiceStandard.annex_number, ServiceStandard.kbli, ServiceStandard.title, last.c.last)
        .outerjoin(last, last.c.service_id == ServiceStandard.id)
        .where(ServiceStandard.deleted_at.is_(None))
        .order_by(ServiceStandard.annex_number)
    )
    limit = year_before(today)
    return [DueStandard(annex, kbli, title, latest) for annex, kbli, title, latest in rows
            if latest is None or latest <= limit]


def parse_day(text: str) -> dt.date:
    """A YYYY-MM-DD date typed on the command line; ValidationError otherwise."""
    try:
        return dt.date.fromisoformat((text or "").strip())
    except ValueError:
        raise ValidationError(N_("errors", "“{value}” is not a date; write it as YYYY-MM-DD."), field="date",
                              value=text) from None


def _check(evaluated_on: dt.date, evaluator: str, notes: str) -> None:
    today = officetime.today()
    if evaluated_on > today:
        raise ValidationError(N_("errors", "The evaluation date {day} is after today."), field="date",
                              day=evaluated_on.isoformat())
    if evaluated_on.year < FIRST_YEAR:
        raise ValidationError(N_("errors", "The evaluation date {day} is before {year}."), field="date",
                              day=evaluated_on.isoformat(), year=FIRST_YEAR)
    if not evaluator:
        raise ValidationError(N_("errors", "Say who evaluated the standard."), field="evaluator")
    if len(evaluator) > MAX_EVALUATOR:
        raise ValidationError(N_("errors", "Who evaluated: at most {max} characters."), field="evaluator",
                              max=MAX_EVALUATOR)
    if len(notes) > MAX_NOTES:
        raise ValidationError(N_("errors", "The notes are longer than {max} characters."), field="notes",
                              max=MAX_NOTES)


def _view(row: StandardEvaluation, service: ServiceStandard) -> EvaluationView:
    return EvaluationView(row.id, service.annex_number, service.kbli, service.title, row.evaluated_on,
                          row.evaluator, row.notes, row.recorded_by, row.document_filename, row.document_path)
