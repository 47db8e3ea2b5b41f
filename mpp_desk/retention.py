"""Retention of personal data (UU 27/2022): what is due for erasure, and the purge.

Three kinds of record, each with its own office setting (years, counted from the record's last event):

- ``intake_file``: an application handed over or rejected (``retention.intake_years``, from the
  hand-over or the rejection);
- ``intake_visit``: a visit that ended incomplete or cancelled, or a draft never finished
  (``retention.visit_years``, from its end, else its start);
- ``complaint``: a closed complaint or suggestion (``retention.complaint_years``, from closing).

The purge **anonymises** the record: the applicant's or reporter's NIK, name, phone, e-mail, address
and NPWP and the free texts that may name them are emptied (an update that syncs like any other),
and what exists only for the person is **erased**: the kept receipt PDFs and the complaint's
attachments are deleted from the data folder and their rows become tombstones (``uow.soft_delete``),
which sync as deletes. What the statistics count stays: services, dates, outcomes, due dates,
counters, channels, problem types. The payloads of this PC's outbox entries for those records are
scrubbed the same way, so no copy of the erased data stays in the file. One ``retention.purged``
audit entry counts what was done (ids and counts, never personal data).

Append-only history rows (``intake_status_change``, ``complaint_step``) are not changed: their
free text is expected to name no one (docs/installing.md, "Retention").
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import uuid
from pathlib import Path
from typing import Any, Iterable

from sqlalchemy import and_, or_, select

from mpp_desk import audit, officetime, settings
from mpp_desk.errors import PermissionDenied
from mpp_desk.models import OutboxEntry, StandardEvaluation
from mpp_desk.models.complaints import ComplaintAttachment, ComplaintCase
from mpp_desk.models.intake import Application, IntakeReceipt, IntakeVisit
from mpp_desk.roles import Permission, authorize
from mpp_desk.uow import UnitOfWork, soft_delete

log = logging.getLogger(__name__)

INTAKE_FILE = "intake_file"
INTAKE_VISIT = "intake_visit"
COMPLAINT = "complaint"
KINDS = (INTAKE_FILE, INTAKE_VISIT, COMPLAINT)

# The personal columns, emptied by the purge (and in the outbox payloads of the same records).
VISIT_PERSONAL = ("nik", "full_name", "name_key", "phone", "address", "npwp")
APPLICATION_PERSONAL = ("handed_over_to",)
CASE_PERSONAL = ("reporter_name", "reporter_nik", "reporter_phone", "reporter_email", "reporter_address",
                 "substance", "outcome", "late_decision_note")


@dataclasses.dataclass(frozen=True)
class Policy:
    intake_years: int
    visit_years: int
    complaint_years: int

    def years(self, kind: str) -> int:
        return {INTAKE_FILE: self.intake_years, INTAKE_VISIT: self.visit_years, COMPLAINT: self.complaint_years}[kind]


@dataclasses.dataclass(frozen=True)
class DueItem:
    """One record whose personal data is due for erasure; named by its number, never by a person."""

    kind: str
    entity_id: uuid.UUID
    reference: str  # registration number, case number, or the service's KBLI for a visit
    since: dt.date  # the office date the retention period is counted from
    expired_on: dt.date

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "id": str(self.entity_id), "reference": self.reference,
                "since": self.since.isoformat(), "expired_on": self.expired_on.isoformat()}


@dataclasses.dataclass(frozen=True)
class PurgeReport:
    today: dt.date
    dry_run: bool
    counts: dict[str, int]
    items: tuple[DueItem, ...]
    tombstones: int = 0  # receipt and attachment rows deleted
    released: tuple[str, ...] = ()  # files (relative to the data folder) to delete once committed

    def as_dict(self) -> dict[str, Any]:
        return {"today": self.today.isoformat(), "dry_run": self.dry_run, "counts": self.counts,
                "tombstones": self.tombstones, "files": len(self.released),
                "items": [i.as_dict() for i in self.items]}


def policy(uow: UnitOfWork) -> Policy:
    return Policy(intake_years=settings.get(uow, "retention.intake_years"),
                  visit_years=settings.get(uow, "retention.visit_years"),
                  complaint_years=settings.get(uow, "retention.complaint_years"))


def add_years(day: dt.date, years: int) -> dt.date:
    """*day* plus whole years; 29 February falls on 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def cutoff(today: dt.date, years: int) -> dt.date:
    """Records whose period started on or before this date have expired by *today*."""
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # today is 29 February
        return today.replace(year=today.year - years, day=28)


def _end_of_day_utc(day: dt.date) -> dt.datetime:
    """The first moment after office date *day*, in UTC (timestamps are stored in UTC)."""
    midnight = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0), tzinfo=officetime.office_tz())
    return midnight.astimezone(dt.timezone.utc)


def _has_personal(columns: Iterable[Any]):
    return or_(*(c != "" for c in columns))


def _visit_personal_clause():
    return _has_personal(getattr(IntakeVisit, c) for c in VISIT_PERSONAL)


def _candidates(uow: UnitOfWork, pol: Policy, today: dt.date, limit: int | None = None) -> list[tuple[str, Any, Any]]:
    """(kind, row, moment counted from) of every record whose period has ended."""
    s = uow.session
    found: list[tuple[str, Any, Any]] = []
    files_before = _end_of_day_utc(cutoff(today, pol.intake_years))
    closed = and_(Application.status.in_((Application.HANDED_OVER, Application.REJECTED)), Application.deleted_at.is_(None))
    files = s.execute(
        select(Application, IntakeVisit).join(IntakeVisit, IntakeVisit.id == Application.visit_id)
        .where(closed, or_(_visit_personal_clause(), Application.handed_over_to != ""))
        .order_by(Application.received_at).limit(limit)
    ).all()
    for app_row, visit in files:
        moment = app_row.handed_over_at or app_row.status_changed_at or app_row.finished_at or app_row.received_at
        if moment < files_before:
            found.append((INTAKE_FILE, (app_row, visit), moment))
    visits_before = _end_of_day_utc(cutoff(today, pol.visit_years))
    ended = or_(IntakeVisit.outcome.in_((IntakeVisit.INCOMPLETE, IntakeVisit.CANCELLED)), IntakeVisit.outcome.is_(None))
    for visit in s.scalars(
        select(IntakeVisit).where(ended, IntakeVisit.deleted_at.is_(None), _visit_personal_clause(),
                                  or_(IntakeVisit.finished_at < visits_before,
                                      and_(IntakeVisit.finished_at.is_(None), IntakeVisit.started_at < visits_before)))
        .order_by(IntakeVisit.started_at).limit(limit)
    ):
        found.append((INTAKE_VISIT, visit, visit.finished_at or visit.started_at))
    cases_before = _end_of_day_utc(cutoff(today, pol.complaint_years))
    for case in s.scalars(
        select(ComplaintCase).where(ComplaintCase.status == ComplaintCase.CLOSED, ComplaintCase.deleted_at.is_(None),
                                    ComplaintCase.closed_at < cases_before,
                                    _has_personal(getattr(ComplaintCase, c) for c in CASE_PERSONAL))
        .order_by(ComplaintCase.closed_at).limit(limit)
    ):
        found.append((COMPLAINT, case, case.closed_at))
    return found


def _item(kind: str, row: Any, moment: dt.datetime, pol: Policy) -> DueItem:
    since = officetime.local_date(moment)
    if kind == INTAKE_FILE:
        app_row, _visit = row
        entity_id, reference = app_row.id, app_row.registration_number
    elif kind == INTAKE_VISIT:
        entity_id, reference = row.id, f"KBLI {row.service_kbli}"
    else:
        entity_id, reference = row.id, row.case_number
    return DueItem(kind=kind, entity_id=entity_id, reference=reference, since=since,
                   expired_on=add_years(since, pol.years(kind)))


def _authorize_view(uow: UnitOfWork) -> None:
    """The supervisor (reports) and the administrator (the purge) may see what is due."""
    try:
        authorize(uow, uow.actor, Permission.VIEW_REPORTS)
    except PermissionDenied:
        authorize(uow, uow.actor, Permission.PURGE_PERSONAL_DATA)


def due(uow: UnitOfWork, *, today: dt.date | None = None, limit: int | None = None) -> list[DueItem]:
    """What the purge would erase today, oldest first per kind (the supervisor's list)."""
    _authorize_view(uow)
    pol = policy(uow)
    today = today or officetime.today()
    return [_item(k, row, m, pol) for k, row, m in _candidates(uow, pol, today, limit)]


def due_counts(uow: UnitOfWork, *, today: dt.date | None = None) -> dict[str, int]:
    counts: dict[str, int] = dict.fromkeys(KINDS, 0)
    for item in due(uow, today=today):
        counts[item.kind] += 1
    return counts


def purge(uow: UnitOfWork, *, today: dt.date | None = None,
          dry_run: bool = False) -> PurgeReport:
    """Erase the personal data whose retention period has ended; the caller commits.

    *dry_run*: only say what would be done (nothing is written, no audit entry). Files (receipt PDFs,
    attachments) are deleted by :func:`remove_files` once the caller's commit succeeded (a rolled-back
    purge must not lose them).
    """
    authorize(uow, uow.actor, Permission.PURGE_PERSONAL_DATA)
    pol = policy(uow)
    today = today or officetime.today()
    candidates = _candidates(uow, pol, today)
    items = tuple(_item(k, row, m, pol) for k, row, m in candidates)
    counts: dict[str, int] = dict.fromkeys(KINDS, 0)
    for item in items:
        counts[item.kind] += 1
    if dry_run:
        return PurgeReport(today=today, dry_run=True, counts=counts, items=items)
    tombstones = 0
    files: list[str] = []
    scrub: dict[uuid.UUID, tuple[str, ...]] = {}
    for kind, row, _moment in candidates:
        if kind == INTAKE_FILE:
            app_row, visit = row
            _blank(app_row, APPLICATION_PERSONAL)
            scrub[app_row.id] = APPLICATION_PERSONAL
            tombstones += _forget_visit(uow, visit, files, scrub)
        elif kind == INTAKE_VISIT:
            tombstones += _forget_visit(uow, row, files, scrub)
        else:
            _blank(row, CASE_PERSONAL)
            scrub[row.id] = CASE_PERSONAL
            tombstones += _forget_attachments(uow, row, files, scrub)
    uow.flush()
    _scrub_outbox(uow, scrub)
    if any(counts.values()):
        audit.record(uow, action="retention.purged", entity="retention", summary="personal data past retention erased",
                     details={"today": today.isoformat(), "counts": counts, "tombstones": tombstones,
                              "files": len(set(files)), "policy_years": dataclasses.asdict(pol)})
    return PurgeReport(today=today, dry_run=False, counts=counts, items=items, tombstones=tombstones,
                       released=tuple(sorted(set(files))))


def remove_files(paths: Iterable[str], data_dir: Path) -> int:
    """Delete the files a committed purge released (receipt PDFs, attachments no longer referenced)."""
    removed = 0
    root = Path(data_dir).resolve()
    for rel in sorted(set(paths)):
        target = (root / rel).resolve()
        if root not in target.parents:
            continue  # a stored path that points outside the data folder is never followed
        try:
            target.unlink()
            removed += 1
        except FileNotFoundError:
            continue
        except OSError:
            log.warning("retention: a released file could not be deleted (%s)", rel)
    return removed


def _blank(row: Any, columns: tuple[str, ...]) -> None:
    for column in columns:
        if getattr(row, column):
            setattr(row, column, "")


def _forget_visit(uow: UnitOfWork, visit: IntakeVisit, files: list[str], scrub: dict) -> int:
    _blank(visit, VISIT_PERSONAL)
    scrub[visit.id] = VISIT_PERSONAL
    count = 0
    for receipt in uow.session.scalars(
        select(IntakeReceipt).where(IntakeReceipt.visit_id == visit.id, IntakeReceipt.deleted_at.is_(None))
    ):
        if receipt.pdf_path:
            files.append(receipt.pdf_path)
        receipt.token = ""  # the signed token carries the masked NIK
        soft_delete(receipt)
        scrub[receipt.id] = ("token",)
        count += 1
    return count


def _forget_attachments(uow: UnitOfWork, case: ComplaintCase, files: list[str], scrub: dict) -> int:
    count = 0
    for attachment in uow.session.scalars(
        select(ComplaintAttachment).where(ComplaintAttachment.case_id == case.id,
                                          ComplaintAttachment.deleted_at.is_(None))
    ):
        attachment.filename = ""
        soft_delete(attachment)
        scrub[attachment.id] = ("filename",)
        count += 1
        uow.session.flush()
        shared = uow.session.scalar(
            select(ComplaintAttachment.id).where(ComplaintAttachment.path == attachment.path,
                                                 ComplaintAttachment.deleted_at.is_(None)).limit(1))
        if shared is None:  # a standard's evaluation document may be the same file
            shared = uow.session.scalar(select(StandardEvaluation.id).where(
                StandardEvaluation.document_path == attachment.path, StandardEvaluation.deleted_at.is_(None)).limit(1))
        if shared is None:  # stored once per content: delete only when no other case still has it
            files.append(attachment.path)
    return count


def _scrub_outbox(uow: UnitOfWork, scrub: dict[uuid.UUID, tuple[str, ...]]) -> None:
    """Empty the personal fields in this PC's copies of the payloads (pushed or pending)."""
    ids = list(scrub)
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for entry in uow.session.scalars(select(OutboxEntry).where(OutboxEntry.entity_id.in_(chunk))):
            payload = dict(entry.payload or {})
            changed = False
            for column in scrub[entry.entity_id]:
                if payload.get(column):
                    payload[column] = ""
                    changed = True
            if changed:
                entry.payload = payload
