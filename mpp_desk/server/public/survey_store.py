"""The public survey's records (docs/public-pages.md, "The survey"): who may answer, whether the ticket or
file was rated already, and the answer stored as the server's own change so every PC pulls it.

A response is about a *served* queue ticket (status ``done``: a PC's synced ticket record, or a ticket of the
server's live queue in ``q_tickets``) or a received file (its Tanda Terima), found from the paper's signed code
only, or from a live-queue ticket's server reference (``q1.…``, checked with the server's secret): the same
ticket by either code, so the same response. Like the PC's hand-over (:func:`mpp_desk.survey.service.hand_over`) it
names the ticket, the file made from it and their service, so a ticket and the Tanda Terima of the same
visit give one response between them. Once per ticket and per file is enforced by the database: the
response's unique keys (``ticket_id``, ``application_id``) are claimed in ``record_keys`` with a plain
insert, whose primary key refuses a second claim — from this page or from a tablet's synced response.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from mpp_desk import officetime
from mpp_desk.models import SurveyResponse
from mpp_desk.server import queue, sync
from mpp_desk.server.public.check import TANDA_TERIMA, TICKET, Verdict, server_ticket, verify_code
from mpp_desk.server.public.data import Records
from mpp_desk.server.tables import change_log, record_keys, records
from mpp_desk.survey import elements
from mpp_desk.survey.service import SUGGESTION_MAX, Profile, check_profile, check_scores
from mpp_desk.sync import entities

ENTITY = "survey_response"
DEVICE_LABEL = "mpp-central"  # the response's device_id column: written by the server, not a PC

# Why a code opens no survey (the page's data-reason); OPEN: it does.
OPEN, INVALID, NOT_SURVEYED, NOT_SERVED, ANSWERED = "open", "invalid", "not_surveyed", "not_served", "answered"

# The visits made from a ticket: the expression and WHERE term of the index ix_records_visit_ticket, as literal SQL.
VISITS_OF_TICKET = text("SELECT payload FROM records WHERE entity = 'intake_visit' AND NOT deleted "
                        "AND (payload ->> 'ticket_id') = :ticket")


@dataclass(frozen=True)
class Subject:
    """What a response would be about, as the paper shows it (never a name or a NIK)."""

    kind: str  # TICKET or TANDA_TERIMA
    reference: str  # the ticket number or the registration number printed on the paper
    ticket_id: uuid.UUID | None
    application_id: uuid.UUID | None
    service_id: uuid.UUID | None
    kbli: str
    title: str


class AlreadyAnswered(Exception):
    """The ticket or file has a response (this page's or a tablet's)."""


def subject_of(conn: Connection, verdict: Verdict) -> tuple[str, Subject | None]:
    """(OPEN, subject) when the paper may be rated now, else (reason, subject or None)."""
    if not verdict.valid:
        return INVALID, None
    rec = Records(conn)
    kind = verdict.result.kind
    if kind == TICKET:
        return ticket_subject(rec, verdict.details.get("ticket_id"))
    if kind == TANDA_TERIMA and verdict.details.get("application_id") is not None:
        application = rec.get("intake_application", verdict.details["application_id"])
        visit = rec.get("intake_visit", application["visit_id"]) if application else None
        if application is None or visit is None:
            return INVALID, None
        # the visit's ticket (intake_visit keeps its foreign key: a PC's own ticket) once the server holds its record
        ticket_id = visit.get("ticket_id") if rec.get("queue_ticket", visit.get("ticket_id")) is not None else None
        subject = Subject(TANDA_TERIMA, application["registration_number"], ticket_id, application["id"],
                          visit.get("service_id"), visit.get("service_kbli") or "", visit.get("service_title") or "")
    else:
        return NOT_SURVEYED, None  # a return slip, a complaint receipt: not a service given
    return (ANSWERED if answered(rec, subject) else OPEN), subject


def subject_of_code(conn: Connection, token: str, *, secret: bytes | None) -> tuple[str, Subject | None]:
    """The subject of a code as it came in an address: a PC's signed code, or a server ticket's ``q1.`` reference
    (checked with the server's *secret*; without it no reference is genuine)."""
    if token.strip().startswith(queue.TOKEN_KIND + "."):
        return subject_of_reference(conn, secret, token) if secret is not None else (INVALID, None)
    return subject_of(conn, verify_code(conn, token, from_address=True))


def subject_of_reference(conn: Connection, secret: bytes, token: str) -> tuple[str, Subject | None]:
    """As :func:`subject_of`, for a server ticket's reference (``q1.…``: a counter's reprint, the place page's
    link): the same ticket as its kiosk's signed code, so one response between the two codes."""
    row = queue.check_reference(conn, secret, token)
    return (INVALID, None) if row is None else ticket_subject(Records(conn), row["id"])


def ticket_subject(rec: Records, ticket_id: uuid.UUID | None) -> tuple[str, Subject | None]:
    """A genuine paper's ticket: (OPEN, subject) once served and not rated yet, else (reason, subject or None)."""
    # a PC's own ticket record, else the live queue's ticket (a joined kiosk's: q_tickets, status as the queue's)
    ticket = (rec.get("queue_ticket", ticket_id) or server_ticket(rec, ticket_id)) if ticket_id is not None else None
    if ticket is None:
        return INVALID, None
    subject = _about_ticket(rec, ticket)
    if ticket["status"] != "done":
        return NOT_SERVED, subject
    return (ANSWERED if answered(rec, subject) else OPEN), subject


def _about_ticket(rec: Records, ticket: dict[str, Any]) -> Subject:
    """The PC's rule (``survey.service._about_ticket``): the file registered from the ticket, else its own service."""
    payloads = rec.conn.execute(VISITS_OF_TICKET, {"ticket": str(ticket["id"])}).scalars()
    table = entities.ENTITIES["intake_visit"].table
    visits = [entities.decode(table, p) for p in payloads if p.get("deleted_at") is None]
    if visits:
        visit = max(visits, key=lambda v: v["started_at"])
        application = rec.by_key("intake_application", visit_id=visit["id"])
        return Subject(TICKET, ticket["code"], ticket["id"], application["id"] if application else None,
                       visit.get("service_id"), visit.get("service_kbli") or "", visit.get("service_title") or "")
    service = rec.get("service_standard", ticket.get("service_id")) or {}
    return Subject(TICKET, ticket["code"], ticket["id"], None, service.get("id"), service.get("kbli") or "",
                   service.get("title") or "")


def answered(rec: Records, subject: Subject) -> bool:
    return any(rec.by_key(ENTITY, **{column: value}) is not None
               for column, value in (("ticket_id", subject.ticket_id), ("application_id", subject.application_id))
               if value is not None)


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def clean_suggestion(raw: str) -> str:
    """Plain text: line ends as \\n, no control characters, trimmed (the length is checked by :func:`store`)."""
    return _CONTROL.sub("", raw.replace("\r\n", "\n").replace("\r", "\n")).strip()


def store(conn: Connection, subject: Subject, *, scores: Sequence[int | None], profile: Profile,
          suggestion: str) -> uuid.UUID:
    """Write one response as the server's change (device None in the change log: every PC pulls it).

    The PC's rules check the answers (``check_scores``: nine elements, 1-4 or unanswered, at least one
    answered; ``check_profile``: the survey's own choices) and raise its ``ValidationError``. Raises
    :class:`AlreadyAnswered` when the ticket or file has a response. The caller commits.
    """
    values = check_scores(scores)
    check_profile(profile)
    if len(suggestion) > SUGGESTION_MAX:
        raise ValueError("suggestion too long")  # the page checks first and says so
    moment = officetime.now()
    stamp = officetime.as_utc(moment).isoformat()
    response_id = uuid.uuid4()
    payload: dict[str, Any] = {
        "id": str(response_id), "created_at": stamp, "updated_at": stamp, "version": 1, "device_id": DEVICE_LABEL,
        "deleted_at": None, "submitted_at": officetime.as_utc(moment).isoformat(),
        "submitted_on": officetime.local_date(moment).isoformat(), "source": SurveyResponse.WEB,
        "service_id": _text(subject.service_id), "service_kbli": subject.kbli, "service_title": subject.title,
        "ticket_id": _text(subject.ticket_id), "application_id": _text(subject.application_id), "invite_id": None,
        "import_ref": None, "age": None, "age_group": profile.age_group, "sex": profile.sex,
        "education": profile.education, "occupation": profile.occupation, "suggestion": suggestion,
        **dict(zip(elements.CODES, values)),
    }
    problem = entities.check_payload(ENTITY, payload)
    assert problem is None, problem  # built here from the model's columns
    conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": sync.CHANGE_LOG_LOCK})  # commit order = seq order
    claims = sync.unique_key_rows(ENTITY, response_id, payload)
    assert claims, "a response from this page always names its ticket or file"
    try:
        with conn.begin_nested():
            conn.execute(insert(record_keys), claims)
    except IntegrityError:
        raise AlreadyAnswered() from None
    seq = conn.execute(insert(change_log).values(entity=ENTITY, entity_id=response_id, version=1, op="insert",
                                                 payload=payload, device_id=None, op_id=uuid.uuid4())
                       .returning(change_log.c.seq)).scalar_one()
    conn.execute(insert(records).values(entity=ENTITY, entity_id=response_id, version=1, payload=payload, seq=seq))
    return response_id


def _text(value: uuid.UUID | str | None) -> str | None:
    return None if value is None else str(value)
