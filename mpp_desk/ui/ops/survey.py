"""Survey operations for the survey screen, the counter's hand-over and the supervisor's reports.

Run on the database thread; each opens its own unit of work and returns immutable data.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from mpp_desk.context import AppContext
from mpp_desk import settings
from mpp_desk.survey import report, report_module
from mpp_desk.survey import service as survey_service
from mpp_desk.survey.service import services, submit_response


@dataclass(frozen=True)
class SurveyStart:
    office_name: str
    services: tuple  # ServiceRef, in annex order


def open_survey(ctx: AppContext) -> SurveyStart:
    """Open (create, migrate, seed) the database; the office name and the services to choose from."""
    ctx.open()
    with ctx.uow(write=False) as uow:
        return SurveyStart(office_name=str(settings.get(uow, "office.name")), services=tuple(services(uow)))


def pending_invite(ctx: AppContext, *, counter_number: int | None, now: dt.datetime | None = None):
    """The counter's hand-over waiting for this screen (ServiceRef), or None."""
    with ctx.uow(write=False) as uow:
        return survey_service.pending_invite(uow, counter_number=counter_number, now=now)


def submit(ctx: AppContext, *, scores: Sequence[int | None], profile, suggestion: str, about,
           now: dt.datetime | None = None):
    """Store the respondent's answers (SubmittedResponse)."""
    with ctx.uow() as uow:
        result = submit_response(uow, scores=scores, profile=profile, suggestion=suggestion, about=about, now=now)
        uow.commit()
    return result


def hand_over(ctx: AppContext, *, actor, ticket_id: uuid.UUID, counter_number: int | None,
              now: dt.datetime | None = None, served=None):
    """The counter hands the survey tablet over for a finished ticket (ServiceRef of the invitation); *served*:
    the ticket as the queue answered (a joined PC's ticket is the server's, not in this PC's database)."""
    with ctx.uow(actor=actor) as uow:
        ref = survey_service.hand_over(uow, ticket_id=ticket_id, counter_number=counter_number, now=now, served=served)
        uow.commit()
    return ref


@dataclass(frozen=True)
class SurveyFigures:
    date_from: dt.date
    date_to: dt.date
    report: object  # mpp_desk.survey.report.SkmReport


def figures(ctx: AppContext, *, actor, date_from: dt.date, date_to: dt.date) -> SurveyFigures:
    with ctx.uow(write=False, actor=actor) as uow:
        return SurveyFigures(date_from, date_to, report.collect(uow, date_from=date_from, date_to=date_to,
                                                                   with_rows=False))


def export(ctx: AppContext, *, actor, kind: str, date_from: dt.date, date_to: dt.date, fmt: str, path: str) -> str:
    """Write the SKM or service report of the period as PDF or XLSX to *path*; returns the path."""
    from pathlib import Path


    module = report_module(kind)
    with ctx.uow(write=False, actor=actor) as uow:
        data = module.collect(uow, date_from=date_from, date_to=date_to)
    Path(path).write_bytes(module.render_pdf(data) if fmt == "pdf" else module.render_xlsx(data))
    return path
