"""What the public pages know: the verdict on a code (the PCs' one rule, :func:`mpp_desk.signing.check_record`,
over the server's synced records), a file's progress and a complaint's progress.

The signed fields are rebuilt with the very functions the PCs sign and verify with (``ticket_fields``,
``signed_fields``, ``token_fields``), so a PC's ``verify`` and the page give the same verdict.
"""

from __future__ import annotations

import datetime as dt
import hmac
import uuid
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from mpp_desk import officetime, signing
from mpp_desk.server.public.data import Records
from mpp_desk.server.public.keys import load_keys
from mpp_desk.complaints.follow_code import matches
from mpp_desk.complaints.rules import office_date
from mpp_desk.identifiers import mask_nik
from mpp_desk.intake.receipt_view import TOKEN_KINDS, signed_fields
from mpp_desk.models import Application
from mpp_desk.queue.backend import ticket_fields

TICKET, TANDA_TERIMA, RETURN_SLIP, COMPLAINT = "q", "tt", "rs", "adu"
KINDS = (TICKET, TANDA_TERIMA, RETURN_SLIP, COMPLAINT)


@dataclass(frozen=True)
class Verdict:
    """The answer to a scanned or typed code, and what the page may show about it."""

    result: signing.VerifyResult
    details: dict[str, Any] = field(default_factory=dict)  # shown only for a genuine code
    token: str = ""

    @property
    def valid(self) -> bool:
        return self.result.valid


def office_base_url(rec: Records) -> str:
    return str(rec.setting("receipts.verify_base_url") or "")


def verify_code(conn: Connection, text: str, *, from_address: bool) -> Verdict:
    """Check *text* (a token, or a whole address typed or pasted) by the PCs' rule.

    *from_address*: the token came in this server's own verification address (the QR was opened), so
    the address is the office's by construction; a pasted address is checked against the office's.
    """
    rec = Records(conn)
    base_url = office_base_url(rec)
    token = signing.extract_token(text)
    checked = signing.verification_url(base_url, token) if from_address else text
    found: dict[str, dict[str, Any]] = {}

    def lookup(kind: str, ref_id: str):
        record_kind, fields, details = _lookup(rec, kind, ref_id)
        found["details"] = details
        return None if record_kind is None else (record_kind, fields)

    result = signing.check_record(checked, keys=load_keys(conn), kinds=KINDS, lookup=lookup, base_url=base_url or None)
    details = found.get("details") if result.valid else None
    return Verdict(result, dict(details or {}), token if result.valid else "")


def _lookup(rec: Records, kind: str, ref_id: str) -> tuple[str | None, dict[str, Any], dict[str, Any]]:
    record_id = signing.expand_uuid(ref_id)
    if kind == TICKET:
        return _ticket(rec, record_id)
    if kind in (TANDA_TERIMA, RETURN_SLIP):
        return _intake_receipt(rec, record_id)
    if kind == COMPLAINT:
        return _complaint(rec, record_id)
    return None, {}, {}


def _ticket(rec: Records, ticket_id: uuid.UUID):
    ticket = rec.get("queue_ticket", ticket_id)  # a PC's own queue (a standalone PC's synced tickets)
    live = ticket is None and (ticket := server_ticket(rec, ticket_id)) is not None
    if ticket is None:
        return None, {}, {}
    group = rec.get("queue_group", ticket["group_id"]) or {}
    service = rec.get("service_standard", ticket.get("service_id")) or {}
    details = {"number": ticket["code"], "date": ticket["service_date"], "group": group.get("name", ""),
               "service": service.get("title", ""), "ticket_id": ticket_id,
               "live_queue": live}  # held in q_tickets: it has a place in the live queue
    return TICKET, ticket_fields(ticket["code"], ticket["service_date"]), details


def server_ticket(rec: Records, ticket_id: uuid.UUID) -> dict[str, Any] | None:
    """A ticket of the server's live queue (issue 14): a kiosk's ticket issued while the server was away carries
    the kiosk PC's signature, and is checked against the ticket the kiosk uploaded since. A joined kiosk signs
    every ticket so, online ones too; the verdict says where it was found (``details["live_queue"]``)."""
    from mpp_desk.server.queue_tables import q_tickets  # lazy: only tickets a PC's own records do not hold look here

    row = rec.conn.execute(select(q_tickets.c.id, q_tickets.c.code, q_tickets.c.service_date, q_tickets.c.group_id,
                                  q_tickets.c.service_id, q_tickets.c.status)
                           .where(q_tickets.c.id == ticket_id)).mappings().first()
    return dict(row) if row is not None else None


def _intake_receipt(rec: Records, receipt_id: uuid.UUID):
    receipt = rec.get("intake_receipt", receipt_id)
    visit = rec.get("intake_visit", receipt["visit_id"]) if receipt is not None else None
    if receipt is None or visit is None:
        return None, {}, {}
    application = rec.by_key("intake_application", visit_id=visit["id"])
    received = (application["received_date"] if application is not None
                else officetime.local_date(visit.get("finished_at") or receipt["issued_at"]))
    due = application["due_date"] if application is not None else None
    fields = signed_fields(receipt["kind"], registration_number=application["registration_number"] if application else None,
                           nik=visit.get("nik") or "", kbli=visit.get("service_kbli") or "", received=received, due=due,
                           copy_number=receipt["copy_number"])
    details = {"number": application["registration_number"] if application else "", "service": visit.get("service_title", ""),
               "received": received, "due": due, "nik": fields["k"], "copy": receipt["copy_number"],
               "application_id": application["id"] if application else None}
    return TOKEN_KINDS[receipt["kind"]], fields, details


def _complaint(rec: Records, case_id: uuid.UUID):
    from mpp_desk.complaints.receipts import token_fields  # lazy: reportlab (~50 ms) only when a complaint paper is checked
    case = rec.get("complaint_case", case_id)
    if case is None:
        return None, {}, {}
    service = rec.get("service_standard", case.get("service_id")) or {}
    fields = token_fields(case_number=case["case_number"], kind=case["kind"], respond_by=case["respond_by"],
                          received_on=office_date(case["received_at"]))
    details = {"number": case["case_number"], "type": case["kind"], "received": office_date(case["received_at"]),
               "respond_by": case["respond_by"], "service": service.get("title") or case.get("service_other") or "",
               "nik": mask_nik(case["reporter_nik"]) if case.get("reporter_nik") and not case.get("anonymous") else "",
               "case_id": case_id}
    return COMPLAINT, fields, details


# --- following a file ----------------------------------------------------------------------------


@dataclass(frozen=True)
class FileProgress:
    number: str
    service: str
    output: str
    received: dt.date
    due: dt.date
    status: str
    history: list[tuple[dt.datetime, str]]  # (when, status), oldest first
    late_days: int | None  # working days past the due date, while still open
    days_left: int | None  # working days until the due date, while still open
    today: dt.date


def file_by_token(conn: Connection, token: str) -> FileProgress | None:
    """The file of a genuine Tanda Terima code (None for anything else)."""
    verdict = verify_code(conn, token, from_address=True)
    if not verdict.valid or verdict.result.kind != TANDA_TERIMA or verdict.details.get("application_id") is None:
        return None
    rec = Records(conn)
    return _file(rec, rec.get("intake_application", verdict.details["application_id"]))


def file_by_number(conn: Connection, number: str, nik_last4: str) -> FileProgress | None:
    """The file with registration *number* whose applicant's NIK ends in *nik_last4* (None otherwise)."""
    rec = Records(conn)
    application = rec.by_key("intake_application", registration_number=number.strip().upper())
    visit = rec.get("intake_visit", application["visit_id"]) if application else None
    nik = (visit or {}).get("nik") or ""
    # compared in constant time, and a missing file costs the same as a wrong NIK
    right = hmac.compare_digest(nik[-4:].encode() or b"-", nik_last4.strip().encode())
    if application is None or len(nik) < 4 or not right:
        return None
    return _file(rec, application)


def _file(rec: Records, application: dict[str, Any] | None) -> FileProgress | None:
    if application is None:
        return None
    visit = rec.get("intake_visit", application["visit_id"]) or {}
    changes = sorted(rec.children("intake_status_change", "application_id", application["id"]), key=lambda c: c["at"])
    history = [(c["at"], c["to_status"]) for c in changes] or [(application["received_at"], Application.RECEIVED)]
    today = officetime.today()
    late = left = None
    if application["status"] in Application.OPEN_STATUSES:
        between = rec.calendar().working_days_between(application["due_date"], today)
        if today > application["due_date"]:
            late = between
        else:
            left = -between
    return FileProgress(application["registration_number"], visit.get("service_title", ""), visit.get("output", ""),
                        application["received_date"], application["due_date"], application["status"], history,
                        late, left, today)


# --- following a complaint -----------------------------------------------------------------------

# The steps a complainant sees (internal notes, attachments and assignments are the office's own).
PUBLIC_STEPS = ("received", "classified", "analysed", "resolution", "informed", "closed", "reopened")


@dataclass(frozen=True)
class ComplaintProgress:
    number: str
    type: str
    received: dt.date
    respond_by: dt.date
    status: str
    responded_on: dt.date | None
    steps: list[tuple[dt.datetime, str]]
    today: dt.date


def complaint_by_token(conn: Connection, token: str) -> ComplaintProgress | None:
    verdict = verify_code(conn, token, from_address=True)
    if not verdict.valid or verdict.result.kind != COMPLAINT:
        return None
    rec = Records(conn)
    return _complaint_progress(rec, rec.get("complaint_case", verdict.details["case_id"]))


def complaint_by_number(conn: Connection, number: str, code: str) -> ComplaintProgress | None:
    rec = Records(conn)
    case = rec.by_key("complaint_case", case_number=number.strip().upper())
    right = matches(case["id"] if case else uuid.UUID(int=0), code)
    return _complaint_progress(rec, case) if case is not None and right else None


def _complaint_progress(rec: Records, case: dict[str, Any] | None) -> ComplaintProgress | None:
    if case is None:
        return None
    steps = sorted(rec.children("complaint_step", "case_id", case["id"]), key=lambda s: s["seq"])
    shown = [(s["at"], s["type"]) for s in steps if s["type"] in PUBLIC_STEPS]
    return ComplaintProgress(case["case_number"], case["kind"], office_date(case["received_at"]), case["respond_by"],
                             case["status"], case.get("responded_on"), shown, officetime.today())
