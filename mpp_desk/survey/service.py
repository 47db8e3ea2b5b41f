"""Survey records: a response from the screen, the counter's hand-over, and the figures of a period.

Keyword-only functions over a unit of work; they never commit.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, case, func, select, text

from mpp_desk import officetime
from mpp_desk.errors import ValidationError
from mpp_desk.i18n import N_
from mpp_desk.models import IntakeVisit, ServiceStandard, SurveyInvite, SurveyResponse, Ticket
from mpp_desk.models.survey import SUGGESTION_SQL
from mpp_desk.models.intake import Application
from mpp_desk.queue.views import TicketView
from mpp_desk.roles import Permission, authorize
from mpp_desk.survey import elements
from mpp_desk.survey.index import IndexResult, Tally, compute
from mpp_desk.uow import UnitOfWork

INVITE_MINUTES = 20  # a hand-over not taken up within this long is forgotten
SUGGESTION_MAX = 2000


@dataclass(frozen=True)
class Profile:
    """The respondent's profile as chosen on the screen ("" for not given)."""

    age_group: str = ""
    sex: str = ""
    education: str = ""
    occupation: str = ""
    age: int | None = None


@dataclass(frozen=True)
class ServiceRef:
    """What a survey is about: one service (or the MPP as a whole), and the ticket or file it follows."""

    service_id: uuid.UUID | None = None
    kbli: str = ""
    title: str = ""
    ticket_id: uuid.UUID | None = None
    application_id: uuid.UUID | None = None
    invite_id: uuid.UUID | None = None
    counter_number: int | None = None


@dataclass(frozen=True)
class SubmittedResponse:
    id: uuid.UUID
    submitted_at: dt.datetime
    kbli: str


def check_profile(profile: Profile) -> None:
    for value, table, field in ((profile.age_group, elements.AGE_GROUPS, "age_group"),
                                (profile.sex, elements.SEXES, "sex"),
                                (profile.education, elements.EDUCATION, "education"),
                                (profile.occupation, elements.OCCUPATIONS, "occupation")):
        if value and value not in table:
            raise ValidationError(N_("errors", "Unknown choice {value}."), field=field, value=value)


def check_scores(scores: Sequence[int | None]) -> tuple[int | None, ...]:
    if len(scores) != 9:
        raise ValidationError(N_("errors", "A response has nine elements."), field="scores")
    for score in scores:
        if score is not None and score not in (1, 2, 3, 4):
            raise ValidationError(N_("errors", "A score is 1, 2, 3 or 4."), field="scores")
    if all(score is None for score in scores):
        raise ValidationError(N_("errors", "No element was answered."), field="scores")
    return tuple(scores)


def submit_response(uow: UnitOfWork, *, scores: Sequence[int | None], profile: Profile, suggestion: str = "",
                    about: ServiceRef, source: str = SurveyResponse.SCREEN, now: dt.datetime | None = None,
                    import_ref: str | None = None) -> SubmittedResponse:
    """Store one respondent's answers (append-only); one response per ticket, per file and per hand-over."""
    values = check_scores(scores)
    check_profile(profile)
    text = (suggestion or "").strip()
    if len(text) > SUGGESTION_MAX:
        raise ValidationError(N_("errors", "The suggestion is longer than {limit} characters."), field="suggestion",
                              limit=SUGGESTION_MAX)
    _check_once(uow, about)
    moment = officetime.as_utc(now) if now is not None else officetime.now()
    row = SurveyResponse(
        id=uuid.uuid4(), submitted_at=moment, import_ref=import_ref, submitted_on=officetime.local_date(moment), source=source,
        service_id=about.service_id, service_kbli=about.kbli, service_title=about.title,
        ticket_id=about.ticket_id, application_id=about.application_id, invite_id=about.invite_id,
        age=profile.age, age_group=profile.age_group, sex=profile.sex, education=profile.education,
        occupation=profile.occupation, suggestion=text,
        **{code: value for code, value in zip(elements.CODES, values)},
    )
    uow.session.add(row)
    return SubmittedResponse(id=row.id, submitted_at=moment, kbli=about.kbli)


def _check_once(uow: UnitOfWork, about: ServiceRef) -> None:
    r = SurveyResponse
    for column, value in ((r.ticket_id, about.ticket_id), (r.application_id, about.application_id),
                          (r.invite_id, about.invite_id)):
        if value is not None and uow.session.scalar(select(r.id).where(column == value)) is not None:
            raise ValidationError(N_("errors", "This service was already rated: one response per ticket or file."),
                                  field="survey")


def services(uow: UnitOfWork) -> list[ServiceRef]:
    """The catalogue's services for the screen's picker, in annex order."""
    rows = uow.session.execute(
        select(ServiceStandard.id, ServiceStandard.kbli, ServiceStandard.title)
        .where(ServiceStandard.deleted_at.is_(None)).order_by(ServiceStandard.annex_number)).all()
    return [ServiceRef(service_id=i, kbli=k, title=t) for i, k, t in rows]


def hand_over(uow: UnitOfWork, *, ticket_id: uuid.UUID, counter_number: int | None,
              now: dt.datetime | None = None, served: TicketView | None = None) -> ServiceRef:
    """The counter finished *ticket_id* and hands the survey tablet over: an invitation for its service.

    *served*: the finished ticket as the queue answered (a joined PC's ticket lives in the server's live queue,
    not in this PC's ``queue_ticket``); used only when the ticket is not a local one, and only once finished.
    """
    actor = authorize(uow, uow.actor, Permission.SERVE_QUEUE)
    ticket = uow.session.get(Ticket, ticket_id)
    if ticket is not None:
        about = _about_ticket(uow, ticket.id, ticket.service_id)
    elif served is not None and served.id == ticket_id and served.status == Ticket.DONE:
        about = _about_ticket(uow, served.id, served.service_id, title=served.service_title or "")
    else:
        raise ValidationError(N_("errors", "That ticket is not known."), field="ticket")
    if uow.session.scalar(select(SurveyResponse.id).where(SurveyResponse.ticket_id == ticket_id)) is not None:
        raise ValidationError(N_("errors", "This service was already rated: one response per ticket or file."),
                              field="survey")
    invite = SurveyInvite(at=officetime.as_utc(now) if now else officetime.now(), counter_number=counter_number,
                          service_id=about.service_id, service_kbli=about.kbli, service_title=about.title,
                          ticket_id=ticket_id, application_id=about.application_id,
                          officer_username=actor.username)
    uow.session.add(invite)
    uow.flush()
    return ServiceRef(service_id=about.service_id, kbli=about.kbli, title=about.title, ticket_id=ticket_id,
                      application_id=about.application_id, invite_id=invite.id, counter_number=counter_number)


def _about_ticket(uow: UnitOfWork, ticket_id: uuid.UUID, service_id: uuid.UUID | None, *,
                  title: str = "") -> ServiceRef:
    """The service a served ticket was for: the file registered from it, else the ticket's own service (by the
    catalogue; *title*, the queue's name for it, when this PC's catalogue lacks it)."""
    visit = uow.session.execute(
        select(IntakeVisit.id, IntakeVisit.service_id, IntakeVisit.service_kbli, IntakeVisit.service_title)
        .where(IntakeVisit.ticket_id == ticket_id, IntakeVisit.deleted_at.is_(None))
        .order_by(IntakeVisit.started_at.desc()).limit(1)).first()
    if visit is not None:
        application = uow.session.scalar(select(Application.id).where(Application.visit_id == visit.id))
        return ServiceRef(service_id=visit.service_id, kbli=visit.service_kbli, title=visit.service_title,
                          application_id=application)
    if service_id is not None:
        service = uow.session.get(ServiceStandard, service_id)
        if service is not None:
            return ServiceRef(service_id=service.id, kbli=service.kbli, title=service.title)
    return ServiceRef(title=title)


def pending_invite(uow: UnitOfWork, *, counter_number: int | None,
                   now: dt.datetime | None = None) -> ServiceRef | None:
    """The newest hand-over for this screen's counter (any counter for None) not yet answered nor expired."""
    moment = officetime.as_utc(now) if now else officetime.now()
    i = SurveyInvite
    query = (select(i).outerjoin(SurveyResponse, SurveyResponse.invite_id == i.id)
             .where(i.at >= moment - dt.timedelta(minutes=INVITE_MINUTES), i.at <= moment + dt.timedelta(minutes=1),
                    SurveyResponse.id.is_(None), i.deleted_at.is_(None))
             .order_by(i.at.desc()).limit(1))
    if counter_number is not None:
        query = query.where(i.counter_number == counter_number)
    invite = uow.session.scalar(query)
    if invite is None:
        return None
    return ServiceRef(service_id=invite.service_id, kbli=invite.service_kbli, title=invite.service_title,
                      ticket_id=invite.ticket_id, application_id=invite.application_id, invite_id=invite.id,
                      counter_number=invite.counter_number)


# --- figures --------------------------------------------------------------------------------------


def check_period(date_from: dt.date, date_to: dt.date) -> None:
    if date_to < date_from:
        raise ValidationError(N_("errors", "The period ends ({end}) before it starts ({start})."), field="to",
                              start=date_from.isoformat(), end=date_to.isoformat())


def _where(date_from: dt.date, date_to: dt.date, kbli: str | None):
    r = SurveyResponse
    clause = and_(r.submitted_on >= date_from, r.submitted_on <= date_to, r.deleted_at.is_(None))
    return and_(clause, r.service_kbli == kbli) if kbli is not None else clause


def period_index(uow: UnitOfWork, *, date_from: dt.date, date_to: dt.date,
                 kbli: str | None = None) -> IndexResult:
    """The index of the responses submitted in [date_from, date_to] (one service's KBLI, or all)."""
    authorize(uow, uow.actor, Permission.VIEW_REPORTS)
    check_period(date_from, date_to)
    return _index(uow, _where(date_from, date_to, kbli))


def _index(uow: UnitOfWork, where) -> IndexResult:
    r = SurveyResponse
    columns = [getattr(r, code) for code in elements.CODES]
    parts = [func.count()]
    for column in columns:
        parts += [func.coalesce(func.sum(column), 0), func.count(column)]
    row = uow.session.execute(select(*parts).where(where)).one()
    tallies = [Tally(int(row[1 + 2 * i]), int(row[2 + 2 * i])) for i in range(9)]
    return compute(int(row[0]), tallies)


def index_by_service(uow: UnitOfWork, *, date_from: dt.date, date_to: dt.date) -> list[tuple[str, str, IndexResult]]:
    """(kbli, title, index) per service with responses in the period, by KBLI; "" is the MPP as a whole.

    Grouped by day first, in the covering index's own order (no sort of the period's rows), then added up
    per service here: integer tallies, so the sums are exact.
    """
    authorize(uow, uow.actor, Permission.VIEW_REPORTS)
    r = SurveyResponse
    where = _where(date_from, date_to, None)
    parts = [r.service_kbli, func.count()]
    for code in elements.CODES:
        column = getattr(r, code)
        parts += [func.coalesce(func.sum(column), 0), func.count(column)]
    sums: dict[str, list[int]] = {}
    for row in uow.session.execute(select(*parts).where(where)
                                   .group_by(r.submitted_on, r.deleted_at, r.service_kbli)):
        acc = sums.setdefault(row[0], [0] * 19)
        for k in range(19):
            acc[k] += int(row[1 + k])
    titles = dict(uow.session.execute(
        select(ServiceStandard.kbli, func.min(ServiceStandard.title)).where(ServiceStandard.kbli.in_(list(sums)))
        .group_by(ServiceStandard.kbli)).all())
    out = []
    for kbli in sorted(sums):
        acc = sums[kbli]
        tallies = [Tally(acc[1 + 2 * i], acc[2 + 2 * i]) for i in range(9)]
        out.append((kbli, titles.get(kbli, "") if kbli else "", compute(acc[0], tallies)))
    return out


def profile_counts(uow: UnitOfWork, *, date_from: dt.date, date_to: dt.date,
                   kbli: str | None = None) -> dict[str, dict[str, int]]:
    """Respondents per age group, sex, education and occupation (code -> count, "" for not given).

    One pass over the covering index with a counter per choice (no sort); "not given" is the rest.
    """
    r = SurveyResponse
    tables = {"age_group": elements.AGE_GROUPS, "sex": elements.SEXES, "education": elements.EDUCATION,
              "occupation": elements.OCCUPATIONS}
    parts: list[ColumnElement[int]] = [func.count()]
    keys = []
    for name, table in tables.items():
        for code in table:
            parts.append(func.sum(case((getattr(r, name) == code, 1), else_=0)))
            keys.append((name, code))
    row = uow.session.execute(select(*parts).where(_where(date_from, date_to, kbli))).one()
    total = int(row[0])
    out: dict[str, dict[str, int]] = {name: {} for name in tables}
    for (name, code), value in zip(keys, row[1:]):
        out[name][code] = int(value or 0)
    for name in tables:
        out[name][""] = total - sum(out[name].values())
    return out


def combined(results: Sequence[IndexResult]) -> IndexResult:
    """The index of several groups together: the tallies add up exactly."""
    tallies = [Tally(sum(r.tallies[i].total for r in results), sum(r.tallies[i].answered for r in results))
               for i in range(9)]
    return compute(sum(r.respondents for r in results), tallies)


@dataclass(frozen=True)
class Suggestion:
    on: dt.date
    kbli: str
    title: str
    text: str


def suggestions(uow: UnitOfWork, *, date_from: dt.date, date_to: dt.date, kbli: str | None = None,
                limit: int = 500) -> list[Suggestion]:
    r = SurveyResponse
    rows = uow.session.execute(
        select(r.submitted_on, r.service_kbli, r.service_title, r.suggestion)
        .where(_where(date_from, date_to, kbli), text(f"survey_response.{SUGGESTION_SQL}"))
        .order_by(r.submitted_at).limit(limit)).all()
    return [Suggestion(on, k, t, s) for on, k, t, s in rows]


def answer_rows(uow: UnitOfWork, *, date_from: dt.date, date_to: dt.date,
                kbli: str | None = None) -> list[tuple]:
    """(submitted_on, kbli, u1 ... u9) per response, in order: the tabulation sheet's rows."""
    r = SurveyResponse
    columns = [getattr(r, code) for code in elements.CODES]
    return [tuple(row) for row in uow.session.execute(
        select(r.submitted_on, r.service_kbli, *columns).where(_where(date_from, date_to, kbli))
        .order_by(r.submitted_at, r.id))]
