"""Intake use cases over a unit of work: visits, the checklist, registration, status, search.

A visit is saved as soon as the officer has chosen the service and typed the applicant
(:func:`start_visit`), and the checklist whenever the officer saves or finishes; so closing the
window or a crash loses nothing that was saved. :func:`register_complete` does everything that
makes a file "lengkap dan benar" in the caller's one transaction: the checklist, the
registration number (allocated inside that write transaction, see
:mod:`mpp_desk.intake.numbers`), the due date, the first status and the audit entry. Either all
of it commits or none of it, so there is never a half-registered application.

Who may: everything that writes needs ``Permission.INTAKE``; reading the file list needs INTAKE
or VIEW_REPORTS; searching by NIK or name and seeing personal data needs VIEW_PERSONAL_DATA.
Services never commit; the caller does.
"""

from __future__ import annotations

import datetime as dt
import statistics
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from mpp_desk import audit, settings
from mpp_desk.errors import PermissionDenied, UserError, ValidationError
from mpp_desk.i18n import N_
from mpp_desk.identifiers import mask_nik
from mpp_desk.intake import numbers
from mpp_desk.intake.rules import (
    HANDED_OVER,
    INCOMPLETE,
    INVALID,
    MISSING,
    OPEN_STATUSES,
    PREFIX_END,
    PRESENT_VALID,
    RECEIVED,
    REJECTED,
    STATUSES,
    ApplicantInput,
    CheckedApplicant,
    ChecklistNotReady,
    ItemInput,
    check_applicant,
    check_item,
    check_transition,
    clean_text,
    complete_problems,
    mask_name,
    name_key,
)
from mpp_desk.intake.views import (
    ApplicantView,
    ApplicationView,
    ChecklistItemView,
    FileRow,
    ReceiptRef,
    ServiceChoice,
    StatusChangeView,
    VisitSummary,
    VisitView,
)
from mpp_desk.models import (
    Application,
    ApplicationStatusChange,
    ChecklistItem,
    IntakeReceipt,
    IntakeVisit,
    Requirement,
    ServiceStandard,
    StaffUser,
    Ticket,
)
from mpp_desk.officetime import as_utc, local_date, office_tz
from mpp_desk.roles import Permission, allowed, authorize
from mpp_desk.workdays import load_calendar, year_confirmed
from mpp_desk.sync.blocks import leased_block

if TYPE_CHECKING:
    from mpp_desk.uow import UnitOfWork

SEARCH_LIMIT = 200
RECENT_LIMIT = 8


class IntakeNotFound(UserError):
    """No visit, application or service with that id or number."""


class VisitClosed(UserError):
    """The visit was already finished; it cannot be changed any more."""


# --- starting and filling in a visit ---------------------------------------------------------


def start_visit(
    uow: UnitOfWork,
    *,
    annex_number: int,
    applicant: ApplicantInput,
    ticket_id: uuid.UUID | None = None,
    previous_visit_id: uuid.UUID | None = None,
    counter_number: int | None = None,
    now: dt.datetime | None = None,
) -> VisitView:
    """Save a new visit (draft) with the applicant and the checklist of the service's requirements.

    The checklist copies the standard's requirements (general, then special) so later catalogue
    edits do not change a file already received. With *previous_visit_id* (a visit that ended
    incomplete), what was present and valid then is pre-set, and the other notes are kept.
    """
    actor = authorize(uow, uow.actor, Permission.INTAKE)
    session = _session(uow)
    now = as_utc(now)
    checked = check_applicant(applicant, today=local_date(now))
    standard = _live_standard(session, annex_number)
    if ticket_id is not None and session.get(Ticket, ticket_id) is None:
        raise IntakeNotFound(N_("errors", "The queue ticket of this visit no longer exists."))
    previous = None
    if previous_visit_id is not None:
        previous = _visit(session, previous_visit_id)
    if counter_number is None:
        counter_number = _counter_number(uow)
    officer_name = ""
    if actor.user_id is not None:
        user = session.get(StaffUser, actor.user_id)
        officer_name = user.full_name if user is not None else ""
    visit = IntakeVisit(
        id=uuid.uuid4(),
        service_id=standard.id,
        service_annex_number=standard.annex_number,
        service_title=standard.title,
        service_kbli=standard.kbli,
        product_type=standard.product_type,
        risk_level=standard.risk_level,
        completion_working_days=standard.completion_working_days,
        fee=standard.fee or "",
        output=standard.output or "",
        ticket_id=ticket_id,
        previous_visit_id=previous.id if previous is not None else None,
        officer_id=actor.user_id,
        officer_username=actor.username,
        officer_name=officer_name or actor.username,
        counter_number=counter_number,
        started_at=now,
    )
    _set_applicant(visit, checked)
    session.add(visit)
    earlier = {item.text: item for item in previous.items} if previous is not None else {}
    requirements = sorted(
        (r for r in standard.requirements if r.deleted_at is None), key=lambda r: (r.kind, r.position, r.created_at)
    )
    for position, requirement in enumerate(requirements, start=1):
        before = earlier.get(requirement.text)
        session.add(
            ChecklistItem(
                id=uuid.uuid4(),
                visit_id=visit.id,
                position=position,
                kind=requirement.kind,
                text=requirement.text,
                state=PRESENT_VALID if before is not None and before.state == PRESENT_VALID else None,
                note=before.note if before is not None else "",
            )
        )
    audit.record(
        uow,
        action="intake.visit_started",
        entity="intake_visit",
        entity_id=visit.id,
        summary=f"intake visit started for annex {standard.annex_number} KBLI {standard.kbli}",
        details={
            "annex_number": standard.annex_number,
            "ticket_id": ticket_id,
            "previous_visit_id": visit.previous_visit_id,
            "applicant_kind": checked.kind,
            "requirements": len(requirements),
        },
    )
    session.flush()
    session.expire(visit, ["items"])
    return _visit_view(session, visit, reveal=True, warnings=tuple(w.message for w in checked.warnings))


def update_applicant(uow: UnitOfWork, *, visit_id: uuid.UUID, applicant: ApplicantInput, now: dt.datetime | None = None) -> VisitView:
    """Correct the applicant's data of an open visit."""
    authorize(uow, uow.actor, Permission.INTAKE)
    session = _session(uow)
    visit = _open_visit(session, visit_id)
    checked = check_applicant(applicant, today=local_date(as_utc(now)))
    _set_applicant(visit, checked)
    changed = sorted(audit.changes(visit))
    if changed:
        audit.record(uow, action="intake.applicant_changed", entity="intake_visit", entity_id=visit.id,
                     summary="applicant data corrected", details={"fields": changed})
    session.flush()
    return _visit_view(session, visit, reveal=True, warnings=tuple(w.message for w in checked.warnings))


def save_checklist(uow: UnitOfWork, *, visit_id: uuid.UUID, items: Sequence[ItemInput]) -> VisitView:
    """Store the officer's verdicts (state and note per line) of an open visit."""
    authorize(uow, uow.actor, Permission.INTAKE)
    session = _session(uow)
    visit = _open_visit(session, visit_id)
    _apply_items(visit, items)
    session.flush()
    return _visit_view(session, visit, reveal=True)


def cancel_visit(uow: UnitOfWork, *, visit_id: uuid.UUID, now: dt.datetime | None = None) -> VisitView:
    """Give up an open draft (the applicant left); it stays on record as cancelled."""
    authorize(uow, uow.actor, Permission.INTAKE)
    session = _session(uow)
    visit = _open_visit(session, visit_id)
    visit.outcome = IntakeVisit.CANCELLED
    visit.finished_at = as_utc(now)
    audit.record(uow, action="intake.visit_cancelled", entity="intake_visit", entity_id=visit.id,
                 summary="intake visit cancelled")
    session.flush()
    return _visit_view(session, visit, reveal=True)


# --- finishing a visit -----------------------------------------------------------------------


def register_complete(
    uow: UnitOfWork,
    *,
    visit_id: uuid.UUID,
    items: Sequence[ItemInput] | None = None,
    now: dt.datetime | None = None,
    block: int | None = None,
) -> VisitView:
    """Register a complete file: number, due date, status "received". Refused unless every line is present and valid.

    The due date is the office date of receipt plus the service's completion working days (the
    receipt day is day 0). *block* defaults to this PC's counter number.
    """
    authorize(uow, uow.actor, Permission.INTAKE)
    session = _session(uow)
    visit = _open_visit(session, visit_id)
    if items is not None:
        _apply_items(visit, items)
    unchecked, gaps = complete_problems([item.state for item in visit.items])
    if gaps:
        raise ChecklistNotReady(
            N_("errors", "The file is not complete: {count} requirement(s) missing or not valid. Give the applicant "
                         "a return slip instead."),
            count=gaps,
        )
    if unchecked:
        raise ChecklistNotReady(N_("errors", "Check every requirement first: {count} not checked yet."),
                                count=unchecked)

    now = as_utc(now)
    day = local_date(now)
    due = load_calendar(uow).add_working_days(day, visit.completion_working_days)
    if block is None:
        block = _registration_block(uow, visit)
    sequence = _next_sequence(session, day.year, day.month, block)
    number = numbers.format_number(day.year, day.month, block, sequence)
    application = Application(
        id=uuid.uuid4(),
        visit_id=visit.id,
        registration_number=number,
        reg_year=day.year,
        reg_month=day.month,
        reg_block=block,
        reg_sequence=sequence,
        received_at=now,
        received_date=day,
        due_date=due,
        status=RECEIVED,
        status_changed_at=now,
    )
    session.add(application)
    session.add(_history(uow, application.id, None, RECEIVED, now))
    visit.outcome = IntakeVisit.COMPLETE
    visit.finished_at = now
    audit.record(
        uow,
        action="intake.registered",
        entity="intake_application",
        entity_id=application.id,
        summary=f"{number} registered for annex {visit.service_annex_number}, due {due.isoformat()}",
        details={
            "registration_number": number,
            "visit_id": visit.id,
            "annex_number": visit.service_annex_number,
            "received_date": day,
            "due_date": due,
            "working_days": visit.completion_working_days,
            "ticket_id": visit.ticket_id,
        },
    )
    session.flush()
    return _visit_view(session, visit, reveal=True, uow=uow)


def record_incomplete(
    uow: UnitOfWork, *, visit_id: uuid.UUID, items: Sequence[ItemInput] | None = None, now: dt.datetime | None = None
) -> VisitView:
    """End a visit as incomplete: nothing is registered; the visit keeps who, when, which service, what was missing.

    Every line must be checked, and at least one must be missing or not valid.
    """
    authorize(uow, uow.actor, Permission.INTAKE)
    session = _session(uow)
    visit = _open_visit(session, visit_id)
    if items is not None:
        _apply_items(visit, items)
    states = [item.state for item in visit.items]
    unchecked, gaps = complete_problems(states)
    if unchecked:
        raise ChecklistNotReady(N_("errors", "Check every requirement first: {count} not checked yet."),
                                count=unchecked)
    if not gaps:
        raise ChecklistNotReady(N_("errors", "Every requirement is present and valid: register the file instead."))
    visit.outcome = IntakeVisit.INCOMPLETE
    visit.finished_at = as_utc(now)
    audit.record(
        uow,
        action="intake.incomplete",
        entity="intake_visit",
        entity_id=visit.id,
        summary=f"file incomplete for annex {visit.service_annex_number}: {gaps} requirement(s) to bring",
        details={
            "annex_number": visit.service_annex_number,
            "missing": sum(1 for s in states if s == MISSING),
            "invalid": sum(1 for s in states if s == INVALID),
            "positions": [item.position for item in visit.items if item.state in (MISSING, INVALID)],
            "ticket_id": visit.ticket_id,
        },
    )
    session.flush()
    return _visit_view(session, visit, reveal=True)


# --- tracking ----------------------------------------------------------------------------------


def change_status(
    uow: UnitOfWork,
    *,
    application_id: uuid.UUID,
    status: str,
    reason: str = "",
    handed_over_to: str = "",
    now: dt.datetime | None = None,
) -> ApplicationView:
    """Move a file along received → in process → finished / rejected (reason) → handed over (to whom)."""
    actor = authorize(uow, uow.actor, Permission.INTAKE)
    session = _session(uow)
    application = session.get(Application, application_id)
    if application is None or application.deleted_at is not None:
        raise IntakeNotFound(N_("errors", "This file does not exist."))
    reason, handed_over_to = check_transition(application.status, status, reason=reason,
                                              handed_over_to=handed_over_to)
    now = as_utc(now)
    previous = application.status
    application.status = status
    application.status_changed_at = now
    if status == REJECTED:
        application.rejection_reason = reason
        application.finished_at = now
    elif status == "finished":
        application.finished_at = now
    elif status == HANDED_OVER:
        application.handed_over_to = handed_over_to
        application.handed_over_at = now
    session.add(_history(uow, application.id, previous, status, now, reason=reason, handed_over_to=handed_over_to))
    audit.record(
        uow,
        action="intake.status_changed",
        entity="intake_application",
        entity_id=application.id,
        summary=f"{application.registration_number}: {previous} -> {status}",
        # the reason may name people and the receiver is a person: only the fact is recorded here
        details={"from": previous, "to": status, "reason_given": bool(reason),
                 "handed_over": bool(handed_over_to), "by": actor.username},
    )
    session.flush()
    return _application_view(session, application, with_history=True, today=local_date(now), uow=uow)


# --- reading ------------------------------------------------------------------------------------


def get_visit(uow: UnitOfWork, *, visit_id: uuid.UUID) -> VisitView:
    """One visit with its checklist, application, history and receipts (personal data as allowed)."""
    _may_read(uow)
    session = _session(uow)
    return _visit_view(session, _visit(session, visit_id), reveal=_reveal(uow), uow=uow)


def get_application(uow: UnitOfWork, *, application_id: uuid.UUID) -> VisitView:
    """The visit of one application."""
    _may_read(uow)
    session = _session(uow)
    application = session.get(Application, application_id)
    if application is None or application.deleted_at is not None:
        raise IntakeNotFound(N_("errors", "This file does not exist."))
    return _visit_view(session, _visit(session, application.visit_id), reveal=_reveal(uow), uow=uow)


def find_by_number(uow: UnitOfWork, *, registration_number: str) -> VisitView:
    """The visit of the file with this registration number (typed in any case)."""
    _may_read(uow)
    session = _session(uow)
    number = numbers.canonical(registration_number)
    application = session.scalar(select(Application).where(Application.registration_number == number)) if number else None
    if application is None or application.deleted_at is not None:
        raise IntakeNotFound(N_("errors", "There is no file with number {number}."),
                             number=clean_text(registration_number))
    return _visit_view(session, _visit(session, application.visit_id), reveal=_reveal(uow), uow=uow)


def open_drafts(uow: UnitOfWork, *, limit: int = 20) -> list[VisitSummary]:
    """The acting officer's visits not finished yet (after a crash or a closed window), newest first."""
    actor = authorize(uow, uow.actor, Permission.INTAKE)
    session = _session(uow)
    stmt = (
        select(IntakeVisit)
        .where(IntakeVisit.outcome.is_(None), IntakeVisit.deleted_at.is_(None))
        .order_by(IntakeVisit.started_at.desc())
        .limit(limit)
    )
    stmt = stmt.where(IntakeVisit.officer_id == actor.user_id) if actor.user_id else stmt.where(
        IntakeVisit.officer_id.is_(None))
    return [_summary(v, reveal=True) for v in session.scalars(stmt)]


def previous_visits(uow: UnitOfWork, *, nik: str, limit: int = 10) -> list[VisitSummary]:
    """Earlier incomplete visits of one applicant (by NIK), newest first: where a new visit can start from."""
    authorize(uow, uow.actor, Permission.INTAKE)
    authorize(uow, uow.actor, Permission.VIEW_PERSONAL_DATA)
    session = _session(uow)
    digits = "".join(ch for ch in nik or "" if ch.isdigit())
    stmt = (
        select(IntakeVisit)
        .options(selectinload(IntakeVisit.items))
        .where(IntakeVisit.nik == digits, IntakeVisit.outcome == IntakeVisit.INCOMPLETE,
               IntakeVisit.deleted_at.is_(None))
        .order_by(IntakeVisit.finished_at.desc())
        .limit(limit)
    )
    return [_summary(v, reveal=True) for v in session.scalars(stmt)]


def service_choices(uow: UnitOfWork, *, limit_recent: int = RECENT_LIMIT) -> list[ServiceChoice]:
    """Every live service for the picker: the acting officer's recently used ones first, then by annex number."""
    authorize(uow, uow.actor, Permission.INTAKE)
    session = _session(uow)
    recent = {choice.annex_number: choice.last_used for choice in recent_services(uow, limit=limit_recent)}
    counts = dict(
        session.execute(
            select(Requirement.service_id, func.count())
            .where(Requirement.deleted_at.is_(None))
            .group_by(Requirement.service_id)
        ).all()
    )
    rows = session.scalars(
        select(ServiceStandard).where(ServiceStandard.deleted_at.is_(None)).order_by(ServiceStandard.annex_number)
    ).all()
    choices = [
        ServiceChoice(
            annex_number=row.annex_number,
            kbli=row.kbli,
            title=row.title,
            product_type=row.product_type,
            risk_level=row.risk_level,
            completion_working_days=row.completion_working_days,
            requirement_count=counts.get(row.id, 0),
            last_used=recent.get(row.annex_number),
            id=row.id,
        )
        for row in rows
    ]
    used = [(c.last_used, c) for c in choices if c.last_used is not None]
    recent_first = [c for _at, c in sorted(used, key=lambda pair: pair[0], reverse=True)]
    return recent_first + [c for c in choices if c.last_used is None]


def recent_services(uow: UnitOfWork, *, officer_id: uuid.UUID | None = None, limit: int = RECENT_LIMIT) -> list[ServiceChoice]:
    """The services an officer (default: the acting one) used most recently, newest first."""
    session = _session(uow)
    if officer_id is None:
        actor = uow.actor
        officer_id = actor.user_id if actor is not None else None
    condition = IntakeVisit.officer_id == officer_id if officer_id is not None else IntakeVisit.officer_id.is_(None)
    last = func.max(IntakeVisit.started_at).label("last")
    rows = session.execute(
        select(IntakeVisit.service_annex_number, last)
        .where(condition, IntakeVisit.deleted_at.is_(None))
        .group_by(IntakeVisit.service_annex_number)
        .order_by(last.desc())
        .limit(limit)
    ).all()
    if not rows:
        return []
    standards = {
        s.annex_number: s
        for s in session.scalars(
            select(ServiceStandard).where(
                ServiceStandard.annex_number.in_([r[0] for r in rows]), ServiceStandard.deleted_at.is_(None)
            )
        )
    }
    out = []
    for annex, used in rows:
        s = standards.get(annex)
        if s is None:
            continue
        if isinstance(used, dt.datetime) and used.tzinfo is None:
            used = used.replace(tzinfo=dt.timezone.utc)  # max() comes back as the raw stored value
        elif isinstance(used, str):
            used = dt.datetime.fromisoformat(used).replace(tzinfo=dt.timezone.utc)
        out.append(ServiceChoice(s.annex_number, s.kbli, s.title, s.product_type, s.risk_level,
                                 s.completion_working_days, 0, used))
    return out


# --- search -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SearchCriteria:
    """What the file list filters on; every given criterion must match."""

    query: str | None = None  # free text: routed to number, NIK, NIB, KBLI or a name prefix
    registration_number: str | None = None
    nik: str | None = None
    name: str | None = None  # prefix of the person's or the business's name
    nib: str | None = None
    kbli: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    status: str | None = None  # an application status, or "incomplete"
    include_incomplete: bool = False
    overdue_only: bool = False


def search(uow: UnitOfWork, *, criteria: SearchCriteria | None = None, today: dt.date | None = None,
           limit: int = SEARCH_LIMIT, **kwargs) -> list[FileRow]:
    """Files matching every criterion, newest first; by name and then newest first for a name search (at most *limit*).

    Each criterion uses an index: the registration number (unique), the NIK and NIB (exact), the
    folded name (prefix by range), the KBLI, the receipt time. Searching by NIK or name needs
    VIEW_PERSONAL_DATA; without it names are masked in the result.
    """
    c = criteria if criteria is not None else SearchCriteria(**kwargs)
    _may_read(uow)
    reveal = _reveal(uow)
    session = _session(uow)
    today = today or local_date(as_utc(None))
    c = _route_query(c)
    if (c.nik or c.name) and not reveal:
        authorize(uow, uow.actor, Permission.VIEW_PERSONAL_DATA)
    incomplete_only = c.status == INCOMPLETE
    with_incomplete = incomplete_only or (c.include_incomplete and c.status is None)
    stmt = select(*_FILE_COLUMNS).where(IntakeVisit.deleted_at.is_(None))
    if incomplete_only:
        stmt = stmt.join(Application, Application.visit_id == IntakeVisit.id, isouter=True).where(
            IntakeVisit.outcome == IntakeVisit.INCOMPLETE)
    elif with_incomplete:
        stmt = stmt.join(Application, Application.visit_id == IntakeVisit.id, isouter=True).where(
            IntakeVisit.outcome.in_((IntakeVisit.COMPLETE, IntakeVisit.INCOMPLETE)))
    else:
        stmt = stmt.join(Application, Application.visit_id == IntakeVisit.id).where(
            IntakeVisit.outcome == IntakeVisit.COMPLETE)
        if c.status is not None:
            if c.status not in STATUSES:
                raise ValidationError(N_("errors", "Unknown status {status}."), field="status", status=c.status)
            stmt = stmt.where(Application.status == c.status)
    if c.registration_number:
        exact = numbers.canonical(c.registration_number)
        if exact:
            stmt = stmt.where(Application.registration_number == exact)
        else:
            prefix = "".join(c.registration_number.split()).upper()
            stmt = stmt.where(Application.registration_number >= prefix,
                              Application.registration_number < prefix + PREFIX_END)
    if c.nik:
        stmt = stmt.where(IntakeVisit.nik == "".join(ch for ch in c.nik if ch.isdigit()))
    if c.nib:
        stmt = stmt.where(IntakeVisit.nib == "".join(ch for ch in c.nib if ch.isdigit()))
    if c.kbli:
        kbli = c.kbli.strip()
        stmt = stmt.where(or_(IntakeVisit.service_kbli == kbli, IntakeVisit.business_kbli == kbli))
    if c.date_from is not None:
        stmt = stmt.where(IntakeVisit.finished_at >= _office_midnight(c.date_from))
    if c.date_to is not None:
        stmt = stmt.where(IntakeVisit.finished_at < _office_midnight(c.date_to + dt.timedelta(days=1)))
    if c.overdue_only:
        stmt = stmt.where(Application.status.in_(OPEN_STATUSES), Application.due_date < today)
    key = name_key(c.name) if c.name else ""
    if c.name and not key:  # "%", "*" or "_" folds to nothing, which would match every file
        raise ValidationError(N_("errors", "Type at least one letter or digit of the name, number or NIK to search."),
                              field="query")
    if key:
        # A name search lists by name, newest first within one name, like a register: each of the two
        # name indexes is walked in order and stops after *limit* matches, however common the prefix.
        rows = []
        for column in (IntakeVisit.name_key, IntakeVisit.business_name_key):
            ranged = stmt.add_columns(column.label("key")).where(column >= key, column < key + PREFIX_END)
            rows += session.execute(ranged.order_by(column, IntakeVisit.finished_at.desc()).limit(limit)).all()
        seen, unique = set(), []
        for row in sorted(rows, key=lambda r: (r.key, -(r.finished_at or r.started_at).timestamp())):
            if row.visit_id not in seen:
                seen.add(row.visit_id)
                unique.append(row)
        return _file_rows(uow, unique[:limit], reveal=reveal, today=today)
    stmt = stmt.order_by(IntakeVisit.finished_at.desc()).limit(limit)
    return _file_rows(uow, session.execute(stmt).all(), reveal=reveal, today=today)


def due_and_overdue(uow: UnitOfWork, *, today: dt.date | None = None, limit: int = 500) -> list[FileRow]:
    """Open files (received or in process) due today or earlier: the most overdue first."""
    _may_read(uow)
    session = _session(uow)
    today = today or local_date(as_utc(None))
    stmt = (
        select(*_FILE_COLUMNS)
        .select_from(Application)
        .join(IntakeVisit, IntakeVisit.id == Application.visit_id)
        .where(Application.status.in_(OPEN_STATUSES), Application.due_date <= today,
               Application.deleted_at.is_(None))
        .order_by(Application.due_date, Application.received_at)
        .limit(limit)
    )
    return _file_rows(uow, session.execute(stmt).all(), reveal=_reveal(uow), today=today)


RECENT_DAYS = 30


def recent_files(uow: UnitOfWork, *, today: dt.date | None = None, days: int = RECENT_DAYS, limit: int = 100) -> list[FileRow]:
    """Files received in the last *days* days (today included), newest first: what the file list
    shows on opening when nothing is due, so it is never empty while there is work."""
    today = today or local_date(as_utc(None))
    return search(uow, criteria=SearchCriteria(date_from=today - dt.timedelta(days=days - 1), date_to=today),
                  today=today, limit=limit)


@dataclass(frozen=True)
class ServiceTime:
    """How long intake took for one service: from the ticket's call (or the visit's start) to the visit's end."""

    annex_number: int
    kbli: str
    title: str
    visits: int
    complete: int
    incomplete: int
    median_minutes: float
    p90_minutes: float


def service_times(uow: UnitOfWork, *, date_from: dt.date, date_to: dt.date) -> list[ServiceTime]:
    """Per service, the finished visits in the period and their service time (ticket called → visit finished)."""
    _may_read(uow)
    session = _session(uow)
    rows = session.execute(
        select(IntakeVisit.service_annex_number, IntakeVisit.service_kbli, IntakeVisit.service_title,
               IntakeVisit.outcome, IntakeVisit.started_at, IntakeVisit.finished_at, Ticket.called_at)
        .join(Ticket, Ticket.id == IntakeVisit.ticket_id, isouter=True)
        .where(IntakeVisit.outcome.in_((IntakeVisit.COMPLETE, IntakeVisit.INCOMPLETE)),
               IntakeVisit.finished_at >= _office_midnight(date_from),
               IntakeVisit.finished_at < _office_midnight(date_to + dt.timedelta(days=1)))
    ).all()
    grouped: dict[int, list] = {}
    for row in rows:
        grouped.setdefault(row[0], []).append(row)
    out = []
    for annex, group in sorted(grouped.items()):
        minutes = []
        for _a, _k, _t, _o, started, finished, called in group:
            begin = called if called is not None and called <= finished else started
            minutes.append((finished - begin).total_seconds() / 60)
        minutes.sort()
        out.append(ServiceTime(
            annex_number=annex, kbli=group[0][1], title=group[0][2], visits=len(group),
            complete=sum(1 for r in group if r[3] == IntakeVisit.COMPLETE),
            incomplete=sum(1 for r in group if r[3] == IntakeVisit.INCOMPLETE),
            median_minutes=round(statistics.median(minutes), 1),
            p90_minutes=round(minutes[min(len(minutes) - 1, int(0.9 * len(minutes)))], 1),
        ))
    return out


# --- internals ----------------------------------------------------------------------------------


def _session(uow: UnitOfWork) -> Session:
    return uow.session  # raises outside the with-block


def _may_read(uow: UnitOfWork) -> None:
    actor = uow.actor
    if allowed(actor, Permission.INTAKE):
        authorize(uow, actor, Permission.INTAKE)
    else:
        authorize(uow, actor, Permission.VIEW_REPORTS)


def _reveal(uow: UnitOfWork) -> bool:
    return allowed(uow.actor, Permission.VIEW_PERSONAL_DATA)


def _registration_block(uow: UnitOfWork, visit) -> int:
    """The block of a new registration number: the server's lease on a joined PC, else the counter number."""
    leased = leased_block(uow.session, "registration")  # a joined PC without its lease raises: never a guess
    if leased is not None:
        return int(leased)
    return numbers.block_for_counter(visit.counter_number or _counter_number(uow))


def _counter_number(uow: UnitOfWork) -> int:
    return int(settings.get(uow, "pc.counter_number"))


def _office_midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(0, 0), tzinfo=office_tz()).astimezone(dt.timezone.utc)


def _live_standard(session: Session, annex_number: int) -> ServiceStandard:
    standard = session.scalar(
        select(ServiceStandard)
        .options(selectinload(ServiceStandard.requirements))
        .where(ServiceStandard.annex_number == annex_number, ServiceStandard.deleted_at.is_(None))
    )
    if standard is None:
        raise ValidationError(N_("errors", "Choose a service from the catalogue."), field="service")
    return standard


def _visit(session: Session, visit_id: uuid.UUID) -> IntakeVisit:
    visit = session.get(IntakeVisit, visit_id)
    if visit is None or visit.deleted_at is not None:
        raise IntakeNotFound(N_("errors", "This intake visit does not exist."))
    return visit


def _open_visit(session: Session, visit_id: uuid.UUID) -> IntakeVisit:
    visit = _visit(session, visit_id)
    if visit.outcome is not None:
        raise VisitClosed(N_("errors", "This visit is already finished and can no longer be changed."))
    return visit


def _set_applicant(visit: IntakeVisit, checked: CheckedApplicant) -> None:
    visit.applicant_kind = checked.kind
    visit.nik = checked.nik
    visit.full_name = checked.full_name
    visit.name_key = name_key(checked.full_name)
    visit.phone = checked.phone
    visit.address = checked.address
    visit.business_name = checked.business_name
    visit.business_name_key = name_key(checked.business_name)
    visit.nib = checked.nib
    visit.npwp = checked.npwp
    visit.business_kbli = checked.business_kbli


def _apply_items(visit: IntakeVisit, items: Iterable[ItemInput]) -> None:
    by_position = {item.position: item for item in visit.items}
    for given in items:
        cleaned = check_item(given)
        row = by_position.get(cleaned.position)
        if row is None:
            raise ValidationError(N_("errors", "The checklist has no line {position}."), field="checklist",
                                  position=cleaned.position)
        if row.state != cleaned.state:
            row.state = cleaned.state
        if row.note != cleaned.note:
            row.note = cleaned.note


def _next_sequence(session: Session, year: int, month: int, block: int) -> int:
    current = session.scalar(
        select(func.max(Application.reg_sequence)).where(
            Application.reg_year == year, Application.reg_month == month, Application.reg_block == block
        )
    )
    return (current or 0) + 1


def _history(uow: UnitOfWork, application_id, previous, status, now, *, reason: str = "", handed_over_to: str = ""):
    actor = uow.actor
    return ApplicationStatusChange(
        id=uuid.uuid4(),
        application_id=application_id,
        from_status=previous,
        to_status=status,
        at=now,
        actor_id=actor.user_id if actor is not None else None,
        actor_username=actor.username if actor is not None else "system",
        reason=reason,
        handed_over_to=handed_over_to,
    )


def _overdue_days(calendar, due: dt.date, today: dt.date, status: str) -> int | None:
    if status not in OPEN_STATUSES or today <= due:
        return None
    return calendar.working_days_between(due, today)


def _applicant_view(visit: IntakeVisit, *, reveal: bool) -> ApplicantView:
    if reveal:
        return ApplicantView(
            kind=visit.applicant_kind, nik=visit.nik, nik_masked=mask_nik(visit.nik), full_name=visit.full_name,
            phone=visit.phone, address=visit.address, business_name=visit.business_name, nib=visit.nib,
            npwp=visit.npwp, business_kbli=visit.business_kbli, revealed=True,
        )
    return ApplicantView(
        kind=visit.applicant_kind, nik="", nik_masked=mask_nik(visit.nik), full_name=mask_name(visit.full_name),
        phone="", address="", business_name=visit.business_name, nib=visit.nib, npwp="",
        business_kbli=visit.business_kbli, revealed=False,
    )


def _application_view(session: Session, application: Application, *, with_history: bool, today: dt.date,
                      uow=None, calendar=None) -> ApplicationView:
    history: tuple[StatusChangeView, ...] = ()
    if with_history:
        rows = session.scalars(
            select(ApplicationStatusChange)
            .where(ApplicationStatusChange.application_id == application.id)
            .order_by(ApplicationStatusChange.at, ApplicationStatusChange.created_at)
        )
        history = tuple(
            StatusChangeView(r.from_status, r.to_status, r.at, r.actor_username, r.reason, r.handed_over_to)
            for r in rows
        )
    overdue = None
    if application.status in OPEN_STATUSES and today > application.due_date:
        if calendar is None:
            calendar = load_calendar(uow) if uow is not None else None
        if calendar is not None:
            overdue = _overdue_days(calendar, application.due_date, today, application.status)
    return ApplicationView(
        id=application.id,
        visit_id=application.visit_id,
        registration_number=application.registration_number,
        received_at=application.received_at,
        received_date=application.received_date,
        due_date=application.due_date,
        status=application.status,
        status_changed_at=application.status_changed_at,
        rejection_reason=application.rejection_reason,
        handed_over_to=application.handed_over_to,
        handed_over_at=application.handed_over_at,
        overdue_working_days=overdue,
        history=history,
        due_estimated=uow is not None and not year_confirmed(uow, application.due_date.year),
    )


def _visit_view(session: Session, visit: IntakeVisit, *, reveal: bool, warnings: tuple[str, ...] = (),
                uow=None) -> VisitView:
    application = session.scalar(select(Application).where(Application.visit_id == visit.id))
    ticket_code = None
    if visit.ticket_id is not None:
        ticket = session.get(Ticket, visit.ticket_id)
        ticket_code = ticket.code if ticket is not None else None
    receipts = session.scalars(
        select(IntakeReceipt).where(IntakeReceipt.visit_id == visit.id, IntakeReceipt.deleted_at.is_(None))
        .order_by(IntakeReceipt.issued_at, IntakeReceipt.copy_number)
    ).all()
    today = local_date(as_utc(None))
    return VisitView(
        id=visit.id,
        service_annex_number=visit.service_annex_number,
        service_title=visit.service_title,
        service_kbli=visit.service_kbli,
        product_type=visit.product_type,
        risk_level=visit.risk_level,
        completion_working_days=visit.completion_working_days,
        fee=visit.fee,
        output=visit.output,
        ticket_id=visit.ticket_id,
        ticket_code=ticket_code,
        previous_visit_id=visit.previous_visit_id,
        officer_username=visit.officer_username,
        officer_name=visit.officer_name,
        started_at=visit.started_at,
        finished_at=visit.finished_at,
        outcome=visit.outcome,
        applicant=_applicant_view(visit, reveal=reveal),
        items=tuple(
            ChecklistItemView(item.position, item.kind, item.text, item.state, item.note) for item in visit.items
        ),
        application=_application_view(session, application, with_history=True, today=today, uow=uow)
        if application is not None else None,
        receipts=tuple(
            ReceiptRef(r.id, r.kind, r.copy_number, r.size, r.issued_at, r.pdf_path, r.sha256, r.printed_at)
            for r in receipts
        ),
        warnings=warnings,
    )


def _summary(visit: IntakeVisit, *, reveal: bool) -> VisitSummary:
    return VisitSummary(
        id=visit.id,
        service_title=visit.service_title,
        service_kbli=visit.service_kbli,
        applicant_name=visit.full_name if reveal else mask_name(visit.full_name),
        nik_masked=mask_nik(visit.nik),
        started_at=visit.started_at,
        outcome=visit.outcome,
        missing_count=sum(1 for item in visit.items if item.state in (MISSING, INVALID)),
    )


def _route_query(c: SearchCriteria) -> SearchCriteria:
    """Send a free-text query to the criterion it looks like."""
    from dataclasses import replace

    text = clean_text(c.query)
    if not text:
        return c
    if numbers.looks_like_number(text):
        return replace(c, query=None, registration_number=text)
    compact = "".join(ch for ch in text if ch not in " .-")
    if compact.isdigit():
        if len(compact) == 16:
            return replace(c, query=None, nik=compact)
        if len(compact) == 13:
            return replace(c, query=None, nib=compact)
        if len(compact) == 5:
            return replace(c, query=None, kbli=compact)
    return replace(c, query=None, name=text)


# The columns of a file-list line: plain tuples, not ORM objects, so 200 lines load in a few ms.
_FILE_COLUMNS = (
    IntakeVisit.id.label("visit_id"),
    IntakeVisit.service_title,
    IntakeVisit.service_kbli,
    IntakeVisit.full_name,
    IntakeVisit.nik,
    IntakeVisit.business_name,
    IntakeVisit.nib,
    IntakeVisit.started_at,
    IntakeVisit.finished_at,
    Application.id.label("application_id"),
    Application.registration_number,
    Application.status,
    Application.received_at,
    Application.received_date,
    Application.due_date,
)


def _file_rows(uow: UnitOfWork, rows, *, reveal: bool, today: dt.date) -> list[FileRow]:
    calendar = None
    out = []
    for r in rows:
        registered = r.application_id is not None
        overdue = None
        due_today = False
        if registered and r.status in OPEN_STATUSES:
            due_today = r.due_date == today
            if today > r.due_date:
                if calendar is None:
                    calendar = load_calendar(uow)
                overdue = _overdue_days(calendar, r.due_date, today, r.status)
        ended = r.finished_at or r.started_at
        out.append(
            FileRow(
                visit_id=r.visit_id,
                application_id=r.application_id,
                registration_number=r.registration_number,
                status=r.status if registered else INCOMPLETE,
                service_title=r.service_title,
                service_kbli=r.service_kbli,
                applicant_name=r.full_name if reveal else mask_name(r.full_name),
                nik_masked=mask_nik(r.nik),
                business_name=r.business_name,
                nib=r.nib,
                received_at=r.received_at if registered else ended,
                received_date=r.received_date if registered else local_date(ended),
                due_date=r.due_date if registered else None,
                overdue_working_days=overdue,
                due_today=due_today,
            )
        )
    return out


__all__ = [
    "IntakeNotFound",
    "PermissionDenied",
    "SearchCriteria",
    "ServiceTime",
    "VisitClosed",
    "cancel_visit",
    "change_status",
    "due_and_overdue",
    "find_by_number",
    "get_application",
    "get_visit",
    "open_drafts",
    "previous_visits",
    "record_incomplete",
    "recent_services",
    "register_complete",
    "save_checklist",
    "search",
    "service_choices",
    "service_times",
    "start_visit",
    "update_applicant",
]
