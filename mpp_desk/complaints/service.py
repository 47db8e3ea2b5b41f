"""Complaint desk use cases over a unit of work: capture, drafts, follow-up, reading.

Every function takes the unit of work first and never commits. Who may:

- capture, drafts and every follow-up step: HANDLE_COMPLAINTS (the complaint desk);
- recording the head of office's approval to involve APIP: ESCALATE_COMPLAINTS (a supervisor);
- reading cases: HANDLE_COMPLAINTS, ESCALATE_COMPLAINTS or VIEW_REPORTS; names, contacts and
  addresses only with VIEW_PERSONAL_DATA (the NIK is always shown masked).

Each change adds one timeline step (:class:`~mpp_desk.models.CaseStep`: who, when, notes) and one
audit entry naming the case by id and number, never the reporter.

Case numbers: ``ADU/<year>/<month>/<block>-<seq>``, e.g. ``ADU/2026/11/K7Q-0042``. The month is
the received date's; ``block`` belongs to this PC (3 characters derived from the device id, or
set with ``mpp-desk complaints block --set``), so two PCs that capture offline never hand out the
same number, and the unique constraint on ``case_number`` is the backstop once they sync.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import uuid
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, or_, select

from mpp_desk import audit
from mpp_desk.complaints import attachments as files, labels
from mpp_desk.complaints.channels import channel_codes, channel_names
from mpp_desk.complaints.rules import (
    Assessment,
    CaptureDraft,
    ComplaintInputError,
    assess,
    clean_text,
    first_problem,
    normalized,
    office_date,
)
from mpp_desk.complaints.views import (
    AttachmentView,
    CaseDetail,
    CaseSummary,
    Draft,
    RelatedCase,
    StepView,
    reporter_view,
)
from mpp_desk.errors import UserError
from mpp_desk.i18n import N_, translate
from mpp_desk.limits import TEXT_LIMITS, search_words
from mpp_desk.models import (
    CaseStep,
    ComplaintAttachment,
    ComplaintCase,
    ComplaintDraft,
    LocalState,
    ServiceStandard,
    StaffUser,
)
from mpp_desk.models.base import utcnow
from mpp_desk.roles import (
    Actor,
    Permission,
    Role,
    allowed,
    authorize,
    permissions_for,
    require,
)
from mpp_desk.uow import _jsonable as plain, soft_delete
from mpp_desk.identifiers import normalize_phone, validate_nik
from mpp_desk.sync.blocks import is_joined, leased_block
from mpp_desk.workdays import load_calendar

if TYPE_CHECKING:
    from mpp_desk.uow import UnitOfWork

PREFIX = "ADU"
BLOCK_KEY = "complaints.number_block"
_BLOCK_RE = re.compile(r"[A-Z0-9]{1,4}")
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
EXCERPT = 140


class CaseNotFound(UserError):
    """No case with this id or number."""


class StepRefused(UserError):
    """The case is not in a state that allows this step."""

    context = "complaints"


READ_PERMISSIONS = (Permission.HANDLE_COMPLAINTS, Permission.ESCALATE_COMPLAINTS, Permission.VIEW_REPORTS)


# --- who may -------------------------------------------------------------------------------


def authorize_read(uow: UnitOfWork) -> Actor | None:
    """The actor may read cases (desk, supervisor or reports); the system (no actor) may too."""
    actor = uow.actor
    if actor is None:
        return None
    for permission in READ_PERMISSIONS:
        if actor.may(permission):
            return authorize(uow, actor, permission)
    return require(actor, Permission.HANDLE_COMPLAINTS)  # raises with the desk's permission named


def sees_personal_data(uow: UnitOfWork) -> bool:
    """Whether names, contacts and addresses are shown to this unit of work's actor."""
    return uow.actor is None or allowed(uow.actor, Permission.VIEW_PERSONAL_DATA)


# --- numbering ------------------------------------------------------------------------------


def number_block(uow: UnitOfWork) -> str:
    """This PC's block of case numbers: the server's lease on a joined PC (which never guesses one), else
    :func:`local_number_block`."""
    leased = leased_block(uow.session, "complaint")
    if leased is not None:
        return leased
    return local_number_block(uow)


def local_number_block(uow: UnitOfWork) -> str:
    """The block a standalone PC uses: set locally, or three characters derived from the device id."""
    row = uow.session.get(LocalState, BLOCK_KEY)
    if row is not None and _BLOCK_RE.fullmatch(row.value or ""):
        return row.value
    digest = int.from_bytes(hashlib.sha256(uow.device_id.encode("ascii")).digest()[:4], "big")
    return "".join(_CROCKFORD[(digest >> shift) & 31] for shift in (15, 10, 5))


def set_number_block(uow: UnitOfWork, *, block: str) -> str:
    """Give this PC another number block (e.g. one the central server leased); EDIT_SETTINGS. Audited."""
    authorize(uow, uow.actor, Permission.EDIT_SETTINGS)

    if is_joined(uow.session):
        raise ComplaintInputError(N_("complaints", "This PC has joined the office's server, which gives out the "
                                                   "number blocks; the block cannot be set by hand."), field="block")
    block = (block or "").strip().upper()
    if not _BLOCK_RE.fullmatch(block):
        raise ComplaintInputError(N_("complaints", "A number block is 1 to 4 capital letters or digits."), field="block")
    row = uow.session.get(LocalState, BLOCK_KEY)
    old = local_number_block(uow)
    if row is None:
        uow.session.add(LocalState(key=BLOCK_KEY, value=block))
    else:
        row.value = block
    audit.record(uow, action="complaints.block_set", entity="local_state", entity_id=BLOCK_KEY,
                 summary=f"complaint number block {old} -> {block}", details={"old": old, "new": block})
    uow.session.flush()
    return block


def next_case_number(uow: UnitOfWork, *, received_on: dt.date) -> str:
    """The next free number of this PC's block for the received month."""
    prefix = f"{PREFIX}/{received_on.year:04d}/{received_on.month:02d}/{number_block(uow)}-"
    last = uow.session.scalar(
        select(ComplaintCase.case_number)
        .where(ComplaintCase.case_number.like(prefix.replace("_", "\\_") + "%", escape="\\"))
        .order_by(func.length(ComplaintCase.case_number).desc(), ComplaintCase.case_number.desc())
        .limit(1)
    )
    seq = int(last[len(prefix):]) + 1 if last and last[len(prefix):].isdigit() else 1
    return f"{prefix}{seq:04d}"


# --- capture --------------------------------------------------------------------------------


def assess_for_save(uow: UnitOfWork, *, draft: CaptureDraft, today: dt.date | None = None) -> Assessment:
    """The rules applied with this office's calendar and channels (what the form shows)."""
    today = today or office_date(utcnow())
    return assess(draft, today, load_calendar(uow), channels=channel_codes(uow))


def save_case(
    uow: UnitOfWork,
    *,
    draft: CaptureDraft,
    today: dt.date | None = None,
    attachments: Sequence[Path | str] = (),
    data_dir: Path | str | None = None,
) -> CaseDetail:
    """Record a complaint or suggestion from the capture form, with the rules applied; clears the draft.

    Refuses (ValidationError beside the field) a wrong value or a late complaint without the
    officer's decision. Attachments are checked before anything is written.
    """
    actor = authorize(uow, uow.actor, Permission.HANDLE_COMPLAINTS) if uow.actor is not None else None
    today = today or office_date(utcnow())
    draft = normalized(draft)
    assessment = assess_for_save(uow, draft=draft, today=today)
    problem = first_problem(assessment)
    if problem is not None:
        raise problem
    if attachments and data_dir is None:
        raise ValueError("data_dir is needed to store attachments")
    files.check_files(attachments)
    session = uow.session
    service_id = _service_id(uow, draft)
    nik = phone = ""
    if not draft.anonymous:
        if draft.reporter_nik:
            nik = validate_nik(draft.reporter_nik, today=today, field="reporter_nik").value
        if draft.reporter_phone:
            phone = normalize_phone(draft.reporter_phone, field="reporter_phone")
    late_decision = draft.late_decision if assessment.late else None
    # the assessment refuses a draft without a received time (first_problem above raised)
    assert draft.received_at is not None and assessment.received_on is not None
    case = ComplaintCase(
        id=uuid.uuid4(),
        case_number=next_case_number(uow, received_on=assessment.received_on),
        kind=assessment.kind,
        status=ComplaintCase.OPEN,
        channel=draft.channel,
        received_at=draft.received_at.astimezone(dt.timezone.utc),
        received_on=assessment.received_on,
        anonymous=draft.anonymous,
        reporter_name="" if draft.anonymous else draft.reporter_name,
        reporter_nik=nik,
        reporter_phone=phone,
        reporter_email="" if draft.anonymous else draft.reporter_email.lower(),
        reporter_address="" if draft.anonymous else draft.reporter_address,
        service_id=service_id,
        service_other="" if service_id else draft.service_other,
        service_received_on=draft.service_received_on,
        substance=draft.substance,
        late=assessment.late,
        late_decision=late_decision,
        late_decision_note=draft.late_decision_note if late_decision else "",
        assess_reasons=list(assessment.rule_codes),
        respond_by=assessment.respond_by,
        lapor_id=draft.lapor_id,
        lapor_direction=draft.lapor_direction if draft.lapor_id else "",
        step_count=0,
        receipt_prints=0,
    )
    session.add(case)
    _step(uow, case, "received", notes="", data={
        "kind": case.kind, "rules": list(assessment.rule_codes), "late_days": assessment.late_days,
        "late_decision": late_decision, "respond_by": case.respond_by.isoformat(), "channel": case.channel,
    })
    if late_decision:
        _step(uow, case, "note", notes=draft.late_decision_note, data={"late_decision": late_decision})
    for source in attachments:
        assert data_dir is not None  # checked above
        _attach(uow, case, files.store(data_dir, source))
    _clear_draft(uow)
    session.flush()
    audit.record(uow, action="complaints.captured", entity="complaint_case", entity_id=case.id,
                 summary=f"{case.case_number} recorded as {case.kind}",
                 details={"case_number": case.case_number, "kind": case.kind, "channel": case.channel,
                          "rules": list(assessment.rule_codes), "late": case.late, "late_decision": late_decision,
                          "respond_by": case.respond_by, "attachments": len(attachments),
                          "lapor": bool(case.lapor_id)},
                 actor=actor)
    return _detail(uow, case, today=today)


def _service_id(uow: UnitOfWork, draft: CaptureDraft) -> uuid.UUID | None:
    if not draft.service_id:
        return None
    service = uow.session.get(ServiceStandard, uuid.UUID(str(draft.service_id)))
    if service is None or service.deleted_at is not None:
        raise ComplaintInputError(N_("complaints", "Choose a service from the list."), field="service")
    return service.id


# --- drafts ---------------------------------------------------------------------------------


def _owner(uow: UnitOfWork) -> str:
    actor = uow.actor
    return str(actor.user_id) if actor is not None and actor.user_id is not None else "terminal"


def save_draft(uow: UnitOfWork, *, form: dict, slot: str = "capture") -> dt.datetime:
    """Keep what the officer typed (any JSON-ready dict); one draft per officer and slot. Not audited."""
    authorize(uow, uow.actor, Permission.HANDLE_COMPLAINTS)
    owner = _owner(uow)
    now = utcnow()
    row = uow.session.scalar(select(ComplaintDraft).where(ComplaintDraft.owner == owner, ComplaintDraft.slot == slot))
    if row is None:
        uow.session.add(ComplaintDraft(id=uuid.uuid4(), owner=owner, slot=slot, form=dict(form), saved_at=now))
    else:
        row.form = dict(form)
        row.saved_at = now
        row.deleted_at = None
    uow.session.flush()
    return now


def load_draft(uow: UnitOfWork, *, slot: str = "capture") -> Draft | None:
    """The officer's kept draft, or None."""
    authorize(uow, uow.actor, Permission.HANDLE_COMPLAINTS)
    row = uow.session.scalar(
        select(ComplaintDraft).where(ComplaintDraft.owner == _owner(uow), ComplaintDraft.slot == slot,
                                     ComplaintDraft.deleted_at.is_(None))
    )
    return Draft(form=dict(row.form or {}), saved_at=row.saved_at) if row is not None else None


def discard_draft(uow: UnitOfWork, *, slot: str = "capture") -> bool:
    """Drop the officer's draft (the form was cleared on purpose)."""
    authorize(uow, uow.actor, Permission.HANDLE_COMPLAINTS)
    return _clear_draft(uow, slot=slot)


def _clear_draft(uow: UnitOfWork, *, slot: str = "capture") -> bool:
    row = uow.session.scalar(
        select(ComplaintDraft).where(ComplaintDraft.owner == _owner(uow), ComplaintDraft.slot == slot,
                                     ComplaintDraft.deleted_at.is_(None))
    )
    if row is None:
        return False
    soft_delete(row)
    return True


# --- follow-up ------------------------------------------------------------------------------


def classify(uow: UnitOfWork, *, case_id: uuid.UUID, problem_type: str, sector: str = "", service_id: uuid.UUID | None = None,
             service_other: str | None = None, notes: str = "", today: dt.date | None = None) -> CaseDetail:
    """Classify by sector / service type and by problem type (the standard's components)."""
    case = _open_case(uow, case_id, Permission.HANDLE_COMPLAINTS)
    if problem_type not in labels.PROBLEM_TYPES:
        raise ComplaintInputError(N_("complaints", "Choose the problem type."), field="problem_type")
    sector = clean_text(sector, limit=TEXT_LIMITS["complaint_sector"], field="sector")
    old = {"problem_type": case.problem_type, "sector": case.sector, "service_id": case.service_id}
    case.problem_type = problem_type
    case.sector = sector
    if service_id is not None:
        service = uow.session.get(ServiceStandard, service_id)
        if service is None or service.deleted_at is not None:
            raise ComplaintInputError(N_("complaints", "Choose a service from the list."), field="service")
        case.service_id, case.service_other = service.id, ""
    elif service_other is not None and clean_text(service_other):
        case.service_id, case.service_other = None, clean_text(
            service_other, limit=TEXT_LIMITS["complaint_service_other"], field="service_other")
    _step(uow, case, "classified", notes=notes, data={"problem_type": problem_type, "sector": sector,
                                                      "service_id": str(case.service_id) if case.service_id else None,
                                                      "service_other": case.service_other})
    _audit(uow, case, "classified", {"problem_type": problem_type, "previous": old["problem_type"] or None})
    return _detail(uow, case, today=today)


def analyse(uow: UnitOfWork, *, case_id: uuid.UUID, core_problem: str, standard_link: str = "", related: Iterable[str] = (),
            plan: Iterable[str] = (), notes: str = "", today: dt.date | None = None) -> CaseDetail:
    """Record the analysis: the core problem, the link to the standard/SOP/regulation, earlier cases, the plan."""
    case = _open_case(uow, case_id, Permission.HANDLE_COMPLAINTS)
    core_problem = clean_text(core_problem, multiline=True, limit=TEXT_LIMITS["complaint_text"], field="core_problem")
    if not core_problem:
        raise ComplaintInputError(N_("complaints", "Write the core problem in a sentence or two."), field="core_problem")
    plan = [p for p in dict.fromkeys(plan)]
    unknown = [p for p in plan if p not in labels.PLANS]
    if unknown or not plan:
        raise ComplaintInputError(N_("complaints", "Choose at least one handling step (clarification, confirmation, research, investigation)."),
                                  field="plan")
    related_numbers = [clean_text(n, limit=TEXT_LIMITS["identifier"], field="related") for n in related if clean_text(n)]
    standard_link = clean_text(standard_link, multiline=True, limit=TEXT_LIMITS["complaint_text"], field="standard_link")
    _step(uow, case, "analysed", notes=notes, data={
        "core_problem": core_problem, "standard_link": standard_link,
        "related": related_numbers, "plan": plan,
    })
    _audit(uow, case, "analysed", {"plan": plan, "related": len(related_numbers)})
    return _detail(uow, case, today=today)


def assign(uow: UnitOfWork, *, case_id: uuid.UUID, username: str | None, notes: str = "", today: dt.date | None = None) -> CaseDetail:
    """Give the case to a complaint officer (None: nobody); reassigning is the same call."""
    case = _open_case(uow, case_id, Permission.HANDLE_COMPLAINTS)
    user = None
    if username:
        user = uow.session.scalar(select(StaffUser).where(StaffUser.username == username.strip().lower(),
                                                          StaffUser.deleted_at.is_(None)))
        if user is None or not user.active or Permission.HANDLE_COMPLAINTS not in permissions_for(user.role):
            raise ComplaintInputError(N_("complaints", "{username} is not an active complaint officer."),
                                      field="assignee", username=username)
    previous = case.assignee_id
    if previous == (user.id if user else None):
        raise StepRefused(N_("complaints", "The case is already assigned to this officer."))
    case.assignee_id = user.id if user else None
    _step(uow, case, "assigned", notes=notes, data={"to": user.username if user else None,
                                                    "reassigned": previous is not None})
    _audit(uow, case, "reassigned" if previous else "assigned",
           {"to_user_id": str(user.id) if user else None, "from_user_id": str(previous) if previous else None})
    return _detail(uow, case, today=today)


def approve_apip(uow: UnitOfWork, *, case_id: uuid.UUID, approved_by: str, reference: str = "", notes: str = "",
                 today: dt.date | None = None) -> CaseDetail:
    """Record the head of office's approval to involve APIP (the Inspectorate); supervisors only."""
    case = _open_case(uow, case_id, Permission.ESCALATE_COMPLAINTS)
    approved_by = clean_text(approved_by, limit=TEXT_LIMITS["complaint_short"], field="approved_by")
    if not approved_by:
        raise ComplaintInputError(N_("complaints", "Write who approved (the head of office)."), field="approved_by")
    _step(uow, case, "apip_approved", notes=notes, path=labels.APIP, level="head_of_office",
          data={"approved_by": approved_by,
                "reference": clean_text(reference, limit=TEXT_LIMITS["complaint_short"], field="reference")})
    _audit(uow, case, "apip_approved", {"reference": bool(reference)})
    return _detail(uow, case, today=today)


def follow_up(uow: UnitOfWork, *, case_id: uuid.UUID, path: str, level: str, action: str, agency: str = "",
              notes: str = "", today: dt.date | None = None) -> CaseDetail:
    """A step of the resolution along its path (internal, technical team / agency, APIP) at a level of the chain.

    APIP is refused until the head of office's approval has been recorded (:func:`approve_apip`).
    """
    case = _open_case(uow, case_id, Permission.HANDLE_COMPLAINTS)
    if path not in labels.PATHS:
        raise ComplaintInputError(N_("complaints", "Choose the resolution path."), field="path")
    if level not in labels.LEVELS:
        raise ComplaintInputError(N_("complaints", "Choose the level in the chain."), field="level")
    action = clean_text(action, multiline=True, limit=TEXT_LIMITS["complaint_text"], field="action")
    if not action:
        raise ComplaintInputError(N_("complaints", "Write what was done."), field="action")
    agency = clean_text(agency, limit=TEXT_LIMITS["complaint_short"], field="agency")
    if path == labels.AGENCY and not agency:
        raise ComplaintInputError(N_("complaints", "Name the technical team or regional agency."), field="agency")
    if path == labels.APIP and not _has_step(case, "apip_approved"):
        raise StepRefused(N_("complaints", "APIP can only be involved with the head of office's approval; "
                                           "a supervisor records it first."))
    handled = [s for s in _steps_since_reopen(case) if s.type == "resolution" and s.level]
    previous = handled[-1].level if handled else None
    if previous is not None and previous != level and previous in _unreported_levels(_steps_since_reopen(case)):
        # The case goes to another level only once this one has reported in writing to the level above.
        raise StepRefused(N_("complaints", "The {level} level has not yet reported its follow-up in writing to the "
                                           "level above: record that report before the case moves on."),
                          level=labels.label(labels.LEVELS, previous))
    case.resolution_path = path
    _step(uow, case, "resolution", notes=notes, path=path, level=level, data={"action": action, "agency": agency})
    _audit(uow, case, "followed_up", {"path": path, "level": level})
    return _detail(uow, case, today=today)


def report_to_superior(uow: UnitOfWork, *, case_id: uuid.UUID, level: str, report: str, notes: str = "",
                       from_level: str | None = None, today: dt.date | None = None) -> CaseDetail:
    """The written report of the follow-up to the superior at *level*, by the level that handled it
    (*from_level*; default: the level of the latest follow-up step)."""
    case = _open_case(uow, case_id, Permission.HANDLE_COMPLAINTS)
    if level not in labels.LEVELS:
        raise ComplaintInputError(N_("complaints", "Choose the level in the chain."), field="level")
    if from_level is None:
        handled = [s for s in _steps_since_reopen(case) if s.type == "resolution" and s.level]
        from_level = handled[-1].level if handled else ""
    elif from_level not in labels.LEVELS:
        raise ComplaintInputError(N_("complaints", "Choose the level in the chain."), field="from_level")
    report = clean_text(report, multiline=True, limit=TEXT_LIMITS["complaint_long_text"], field="report")
    if not report:
        raise ComplaintInputError(N_("complaints", "Write the report to the superior."), field="report")
    _step(uow, case, "reported", notes=notes, path=case.resolution_path, level=level,
          data={"report": report, "from_level": from_level})
    _audit(uow, case, "reported", {"level": level})
    return _detail(uow, case, today=today)


def inform(uow: UnitOfWork, *, case_id: uuid.UUID, method: str, informed_at: dt.datetime, message: str,
           notes: str = "", today: dt.date | None = None) -> CaseDetail:
    """How and when the complainant was told the result; the first time is the case's response date."""
    case = _open_case(uow, case_id, Permission.HANDLE_COMPLAINTS)
    if case.anonymous:
        raise StepRefused(N_("complaints", "An anonymous reporter cannot be informed; close the case with its outcome."))
    names = channel_names(uow)
    if method not in names:
        raise ComplaintInputError(N_("complaints", "Choose how the complainant was informed."), field="method")
    if informed_at is None or informed_at.tzinfo is None:
        raise ComplaintInputError(N_("complaints", "Enter when the complainant was informed."), field="informed_at")
    informed_on = office_date(informed_at)
    today = today or office_date(utcnow())
    if informed_on < case.received_on or informed_on > today:
        raise ComplaintInputError(N_("complaints", "The date must lie between the received date and today."),
                                  field="informed_at")
    message = clean_text(message, multiline=True, limit=TEXT_LIMITS["complaint_long_text"], field="message")
    if not message:
        raise ComplaintInputError(N_("complaints", "Write what the complainant was told."), field="message")
    if case.responded_on is None:
        case.responded_on = informed_on
    _step(uow, case, "informed", notes=notes, data={"method": method, "informed_at": informed_at.isoformat(),
                                                    "message": message})
    _audit(uow, case, "informed", {"method": method, "informed_on": informed_on,
                                   "within_deadline": informed_on <= case.respond_by})
    return _detail(uow, case, today=today)


def close(uow: UnitOfWork, *, case_id: uuid.UUID, outcome: str, notes: str = "", today: dt.date | None = None) -> CaseDetail:
    """Close with the outcome. A complaint needs a follow-up, the complainant informed and the report to the superior."""
    case = _case(uow, case_id, Permission.HANDLE_COMPLAINTS)
    if case.status == ComplaintCase.CLOSED:
        raise StepRefused(N_("complaints", "The case is already closed."))
    outcome = clean_text(outcome, multiline=True, limit=TEXT_LIMITS["complaint_long_text"], field="outcome")
    if not outcome:
        raise ComplaintInputError(N_("complaints", "Write the outcome."), field="outcome")
    today = today or office_date(utcnow())
    detail = _detail(uow, case, today=today)
    missing = detail.missing_for_close()
    if missing:
        names = {"classified": N_("complaints", "its classification (sector or service, and problem type)"),
                 "analysed": N_("complaints", "its analysis"),
                 "follow_up": N_("complaints", "a follow-up step"), "informed": N_("complaints", "informing the complainant"),
                 "reported": N_("complaints", "the report to the superior")}

        steps = [translate("complaints", names[m]) for m in missing]
        if detail.unreported_levels and detail.reported:
            steps[-1] = translate("complaints", N_("complaints", "the written report of each level that handled it "
                                                                 "({levels})")).format(
                levels=", ".join(labels.label(labels.LEVELS, level) for level in detail.unreported_levels))
        raise StepRefused(N_("complaints", "The complaint cannot be closed yet: it still needs {steps}."),
                          steps=", ".join(steps))
    case.status = ComplaintCase.CLOSED
    case.closed_at = utcnow()
    case.outcome = outcome
    if case.responded_on is None:
        case.responded_on = today
    _step(uow, case, "closed", notes=notes, path=case.resolution_path, data={"outcome": outcome})
    _audit(uow, case, "closed", {"responded_on": case.responded_on, "within_deadline": case.responded_on <= case.respond_by})
    return _detail(uow, case, today=today)


def reopen(uow: UnitOfWork, *, case_id: uuid.UUID, reason: str, today: dt.date | None = None) -> CaseDetail:
    """Open a closed case again, with the reason; it then needs its follow-up steps again before closing."""
    case = _case(uow, case_id, Permission.HANDLE_COMPLAINTS)
    if case.status != ComplaintCase.CLOSED:
        raise StepRefused(N_("complaints", "Only a closed case can be reopened."))
    reason = clean_text(reason, multiline=True, limit=TEXT_LIMITS["complaint_text"], field="reason")
    if not reason:
        raise ComplaintInputError(N_("complaints", "Write why the case is reopened."), field="reason")
    case.status = ComplaintCase.OPEN
    case.closed_at = None
    _step(uow, case, "reopened", notes=reason, data={"previous_outcome": case.outcome})
    case.outcome = ""
    _audit(uow, case, "reopened", {})
    return _detail(uow, case, today=today)


def add_note(uow: UnitOfWork, *, case_id: uuid.UUID, notes: str, today: dt.date | None = None) -> CaseDetail:
    """A free note on the timeline."""
    case = _case(uow, case_id, Permission.HANDLE_COMPLAINTS)
    notes = clean_text(notes, multiline=True, limit=TEXT_LIMITS["complaint_long_text"], field="notes")
    if not notes:
        raise ComplaintInputError(N_("complaints", "Write the note."), field="notes")
    _step(uow, case, "note", notes=notes)
    _audit(uow, case, "noted", {})
    return _detail(uow, case, today=today)


def add_attachments(uow: UnitOfWork, *, case_id: uuid.UUID, paths: Sequence[Path | str], data_dir: Path | str,
                    today: dt.date | None = None) -> CaseDetail:
    """Check and store files, then attach them to the case (all or none)."""
    case = _case(uow, case_id, Permission.HANDLE_COMPLAINTS)
    if not paths:
        raise ComplaintInputError(N_("complaints", "Choose a file to attach."), field="attachments")
    files.check_files(paths)
    for path in paths:
        stored = files.store(data_dir, path)
        _attach(uow, case, stored)
        _step(uow, case, "attachment", data={"sha256": stored.sha256, "size": stored.size, "mime": stored.mime,
                                             "filename": stored.filename})
    _audit(uow, case, "attached", {"files": len(paths)})
    return _detail(uow, case, today=today)


def mark_receipt_printed(uow: UnitOfWork, *, case_id: uuid.UUID) -> int:
    """Count one more receipt for the case; returns how many were printed before (0: the original)."""
    case = _case(uow, case_id, Permission.HANDLE_COMPLAINTS)
    before = case.receipt_prints or 0
    case.receipt_prints = before + 1
    _audit(uow, case, "receipt_printed", {"copy": before > 0, "count": before + 1})
    return before


# --- reading --------------------------------------------------------------------------------


def get_case(uow: UnitOfWork, *, case_id: uuid.UUID | None = None, case_number: str | None = None,
             today: dt.date | None = None) -> CaseDetail:
    """One case with its timeline."""
    authorize_read(uow)
    if case_id is not None:
        case = uow.session.get(ComplaintCase, case_id)
    else:
        case = uow.session.scalar(select(ComplaintCase).where(ComplaintCase.case_number == (case_number or "").strip()))
    if case is None or case.deleted_at is not None:
        raise CaseNotFound(N_("errors", "There is no complaint case {ref}."), ref=str(case_id or case_number))
    return _detail(uow, case, today=today)


def list_cases(uow: UnitOfWork, *, status: str | None = None, kind: str | None = None, search: str | None = None,
               assignee: str | None = None, today: dt.date | None = None, limit: int = 500) -> list[CaseSummary]:
    """Cases, newest first: by status, kind, the officer assigned, and words of the number or the substance."""
    authorize_read(uow)
    stmt = select(ComplaintCase).where(ComplaintCase.deleted_at.is_(None))
    if status:
        stmt = stmt.where(ComplaintCase.status == status)
    if kind:
        stmt = stmt.where(ComplaintCase.kind == kind)
    if assignee:
        user_id = uow.session.scalar(select(StaffUser.id).where(StaffUser.username == assignee.lower()))
        stmt = stmt.where(ComplaintCase.assignee_id == user_id)
    for word in search_words(search, error=ComplaintInputError):
        pattern = "%" + _escape_like(word) + "%"
        stmt = stmt.where(or_(ComplaintCase.case_number.ilike(pattern, escape="\\"),
                              ComplaintCase.substance.ilike(pattern, escape="\\"),
                              ComplaintCase.lapor_id.ilike(pattern, escape="\\")))
    stmt = stmt.order_by(ComplaintCase.received_at.desc()).limit(limit)
    return summaries(uow, uow.session.scalars(stmt).all(), today=today)


def related_cases(uow: UnitOfWork, *, case_id: uuid.UUID, limit: int = 20, today: dt.date | None = None) -> list[RelatedCase]:
    """Earlier or other cases of the same reporter, the same service, or with the same words."""
    authorize_read(uow)
    case = uow.session.get(ComplaintCase, case_id)
    if case is None:
        raise CaseNotFound(N_("errors", "There is no complaint case {ref}."), ref=str(case_id))
    found: dict[uuid.UUID, set[str]] = {}
    scores: dict[uuid.UUID, int] = {}
    base = select(ComplaintCase.id).where(ComplaintCase.id != case.id, ComplaintCase.deleted_at.is_(None))
    reporter_terms = []
    if not case.anonymous:
        if case.reporter_nik:
            reporter_terms.append(ComplaintCase.reporter_nik == case.reporter_nik)
        if case.reporter_phone:
            reporter_terms.append(ComplaintCase.reporter_phone == case.reporter_phone)
        if case.reporter_email:
            reporter_terms.append(ComplaintCase.reporter_email == case.reporter_email)
        if case.reporter_name and not reporter_terms:
            reporter_terms.append(func.lower(ComplaintCase.reporter_name) == case.reporter_name.lower())
    if reporter_terms:
        for (cid,) in uow.session.execute(base.where(or_(*reporter_terms)).limit(200)):
            found.setdefault(cid, set()).add("reporter")
            scores[cid] = scores.get(cid, 0) + 10
    since = case.received_on - dt.timedelta(days=365)
    if case.service_id is not None:
        service_term = ComplaintCase.service_id == case.service_id
    elif case.service_other:
        service_term = func.lower(ComplaintCase.service_other) == case.service_other.lower()
    else:
        service_term = None
    if service_term is not None:
        for (cid,) in uow.session.execute(base.where(service_term, ComplaintCase.received_on >= since)
                                          .order_by(ComplaintCase.received_on.desc()).limit(200)):
            found.setdefault(cid, set()).add("service")
            scores[cid] = scores.get(cid, 0) + 3
    words = _keywords(case.substance)
    if words:
        hits = {}
        for word in words:
            pattern = "%" + _escape_like(word) + "%"
            for (cid,) in uow.session.execute(base.where(ComplaintCase.substance.ilike(pattern, escape="\\"),
                                                         ComplaintCase.received_on >= since).limit(200)):
                hits[cid] = hits.get(cid, 0) + 1
        needed = 2 if len(words) >= 3 else 1
        for cid, count in hits.items():
            if count >= needed:
                found.setdefault(cid, set()).add("text")
                scores[cid] = scores.get(cid, 0) + count
    if not found:
        return []
    ranked = sorted(found, key=lambda cid: -scores[cid])[:limit]
    rows = uow.session.scalars(select(ComplaintCase).where(ComplaintCase.id.in_(ranked))).all()
    by_id = {s.id: s for s in summaries(uow, rows, today=today)}
    order = ("reporter", "service", "text")
    return [RelatedCase(by_id[cid], tuple(r for r in order if r in found[cid]), scores[cid]) for cid in ranked]


_STOPWORDS = frozenset(
    "yang dengan untuk dalam tidak sudah belum karena kepada pada dari atau juga tetapi namun adalah akan "
    "saya kami mereka bapak kantor layanan pelayanan petugas sangat sekali hanya bahwa masih bisa dapat "
    "there their about would could which with from this that have been were".split()
)


def _keywords(text: str, count: int = 6) -> list[str]:
    words = [w.lower() for w in re.findall(r"\w{5,}", text or "") if not w.isdigit()]
    unique = [w for w in dict.fromkeys(words) if w not in _STOPWORDS]
    return sorted(unique, key=len, reverse=True)[:count]


def _escape_like(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def officers(uow: UnitOfWork) -> list[str]:
    """Usernames of the active complaint officers (for assigning)."""
    authorize_read(uow)
    roles = [r.value for r in Role if Permission.HANDLE_COMPLAINTS in permissions_for(r)]
    return list(uow.session.scalars(
        select(StaffUser.username).where(StaffUser.role.in_(roles), StaffUser.active.is_(True),
                                         StaffUser.deleted_at.is_(None)).order_by(StaffUser.username)
    ))


def summaries(uow: UnitOfWork, rows: Sequence[ComplaintCase], *, today: dt.date | None = None, calendar=None) -> list[CaseSummary]:
    """Summaries of case rows, in their order, with due figures as of *today*."""
    if not rows:
        return []

    today = today or office_date(utcnow())
    calendar = calendar or load_calendar(uow)
    personal = sees_personal_data(uow)
    service_ids = {r.service_id for r in rows if r.service_id}
    titles = dict(uow.session.execute(
        select(ServiceStandard.id, ServiceStandard.title).where(ServiceStandard.id.in_(service_ids))
    ).all()) if service_ids else {}
    user_ids = {r.assignee_id for r in rows if r.assignee_id}
    users = dict(uow.session.execute(
        select(StaffUser.id, StaffUser.username).where(StaffUser.id.in_(user_ids))
    ).all()) if user_ids else {}
    names = channel_names(uow)
    return [summary_of(r, personal=personal, titles=titles, users=users, channels=names, today=today,
                       calendar=calendar) for r in rows]


def summary_of(row: ComplaintCase, *, personal: bool, titles, users, channels, today: dt.date, calendar) -> CaseSummary:
    overdue = 0
    days_left = None
    if row.status == ComplaintCase.OPEN and row.responded_on is None:
        if today > row.respond_by:
            overdue = max(calendar.working_days_between(row.respond_by, today), 0)
            overdue = overdue or 0
        else:
            days_left = calendar.working_days_between(today, row.respond_by)
    substance = row.substance or ""
    excerpt = substance if len(substance) <= EXCERPT else substance[: EXCERPT - 1].rstrip() + "…"
    return CaseSummary(
        id=row.id,
        case_number=row.case_number,
        kind=row.kind,
        status=row.status,
        channel=row.channel,
        channel_name=channels.get(row.channel, row.channel),
        received_at=row.received_at,
        received_on=row.received_on,
        respond_by=row.respond_by,
        responded_on=row.responded_on,
        reporter=reporter_view(row, personal=personal),
        service_title=titles.get(row.service_id, "") if row.service_id else row.service_other,
        problem_type=row.problem_type,
        resolution_path=row.resolution_path,
        assignee=users.get(row.assignee_id, "") if row.assignee_id else "",
        late=row.late,
        lapor_id=row.lapor_id,
        substance_excerpt=" ".join(excerpt.split()),
        overdue_days=overdue,
        days_left=days_left,
    )


# --- internals ------------------------------------------------------------------------------


def _case(uow: UnitOfWork, case_id: uuid.UUID, permission: Permission) -> ComplaintCase:
    if uow.actor is not None:
        authorize(uow, uow.actor, permission)
    case = uow.session.get(ComplaintCase, case_id)
    if case is None or case.deleted_at is not None:
        raise CaseNotFound(N_("errors", "There is no complaint case {ref}."), ref=str(case_id))
    return case


def _open_case(uow: UnitOfWork, case_id: uuid.UUID, permission: Permission) -> ComplaintCase:
    case = _case(uow, case_id, permission)
    if case.status != ComplaintCase.OPEN:
        raise StepRefused(N_("complaints", "The case is closed; reopen it first."))
    return case


def _step(uow: UnitOfWork, case: ComplaintCase, type_: str, *, notes: str = "", path: str = "", level: str = "",
          data: dict | None = None) -> CaseStep:
    actor = uow.actor
    case.step_count = (case.step_count or 0) + 1
    step = CaseStep(
        id=uuid.uuid4(),
        case_id=case.id,
        seq=case.step_count,
        type=type_,
        at=utcnow(),
        actor_id=actor.user_id if actor is not None else None,
        actor_username=actor.username if actor is not None else "system",
        notes=clean_text(notes, multiline=True, limit=TEXT_LIMITS["complaint_long_text"], field="notes"),
        path=path,
        level=level,
        data=_jsonable(data or {}),
    )
    uow.session.add(step)
    return step


def _attach(uow: UnitOfWork, case: ComplaintCase, stored) -> ComplaintAttachment:
    row = ComplaintAttachment(id=uuid.uuid4(), case_id=case.id, filename=stored.filename, path=stored.path,
                              sha256=stored.sha256, size=stored.size, mime=stored.mime)
    uow.session.add(row)
    return row


def _jsonable(data: dict) -> dict:
    return plain(data)


def _audit(uow: UnitOfWork, case: ComplaintCase, verb: str, details: dict) -> None:
    audit.record(uow, action=f"complaints.{verb}", entity="complaint_case", entity_id=case.id,
                 summary=f"{case.case_number} {verb.replace('_', ' ')}",
                 details={"case_number": case.case_number, **details})


def _has_step(case: ComplaintCase, type_: str, *, since_reopen: bool = False) -> bool:
    steps = _steps_since_reopen(case) if since_reopen else list(case.steps)
    return any(s.type == type_ for s in steps)


def _steps_since_reopen(case: ComplaintCase) -> list[CaseStep]:
    steps = sorted(case.steps, key=lambda s: s.seq)
    last = max((i for i, s in enumerate(steps) if s.type == "reopened"), default=-1)
    return steps[last + 1:]


def _detail(uow: UnitOfWork, case: ComplaintCase, *, today: dt.date | None = None) -> CaseDetail:
    uow.session.flush()
    uow.session.expire(case, ["steps"])
    steps = sorted(case.steps, key=lambda s: s.seq)
    attachments = uow.session.scalars(
        select(ComplaintAttachment).where(ComplaintAttachment.case_id == case.id,
                                          ComplaintAttachment.deleted_at.is_(None))
        .order_by(ComplaintAttachment.created_at)
    ).all()
    current = _steps_since_reopen(case)
    summary = summaries(uow, [case], today=today)[0]
    late_days = (case.received_on - case.service_received_on).days if case.service_received_on else None
    return CaseDetail(
        summary=summary,
        service_id=case.service_id,
        service_other=case.service_other,
        service_received_on=case.service_received_on,
        substance=case.substance,
        late_days=late_days,
        late_decision=case.late_decision,
        late_decision_note=case.late_decision_note,
        rules=tuple(case.assess_reasons or ()),
        lapor_direction=case.lapor_direction,
        sector=case.sector,
        outcome=case.outcome,
        closed_at=case.closed_at,
        receipt_prints=case.receipt_prints or 0,
        steps=tuple(StepView(s.seq, s.type, s.at, s.actor_username, s.notes, s.path, s.level, dict(s.data or {}))
                    for s in steps),
        attachments=tuple(AttachmentView(a.id, a.filename, a.path, a.sha256, a.size, a.mime) for a in attachments),
        apip_approved=any(s.type == "apip_approved" for s in steps),
        has_follow_up=any(s.type == "resolution" for s in current),
        informed=any(s.type == "informed" for s in current),
        reported=any(s.type == "reported" for s in current),
        classified=_classified(case, steps),
        analysed=any(s.type == "analysed" for s in steps),
        unreported_levels=_unreported_levels(current),
    )


def _classified(case: ComplaintCase, steps: Sequence[CaseStep]) -> bool:
    """Classified by problem type and by sector or service (a "classified" step on record)."""
    return (any(s.type == "classified" for s in steps) and bool(case.problem_type)
            and bool(case.sector or case.service_id or case.service_other))


def _unreported_levels(steps: Sequence[CaseStep]) -> tuple[str, ...]:
    """The levels that handled the case (a resolution step) with no written report from that level after their last
    step: settled "secara berjenjang ... dengan tetap melaporkan secara tertulis ... ke pejabat di atasnya"."""
    last_handled: dict[str, int] = {}
    last_reported: dict[str, int] = {}
    for s in steps:
        if s.type == "resolution" and s.level:
            last_handled[s.level] = s.seq
        elif s.type == "reported" and (s.data or {}).get("from_level"):
            last_reported[s.data["from_level"]] = s.seq
    return tuple(level for level, seq in last_handled.items() if last_reported.get(level, -1) < seq)
