"""The capture rules of the service standard (seed item 6), as a pure function of what the officer typed.

:func:`assess` needs no database: the capture form calls it on every keystroke (debounced) with
the working calendar it loaded once, and :func:`mpp_desk.complaints.service.save_case` calls it
again before writing, so the screen and the register never disagree. The rules, exactly as
``shared/docs/domain.md`` states them:

- no reporter identity, or no object/substance → recorded as a suggestion (saran/masukan);
- filed more than 30 calendar days after the service was received → flagged: it *may* be treated
  as a suggestion; the officer decides and the decision is recorded;
- respond by = the received date + 14 working days (the received date is day 0).

A reporter's identity is a name and at least one way to reach or identify them (NIK, phone,
e-mail or address): the office must be able to answer a complaint.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import uuid
from dataclasses import dataclass
from typing import Any

from mpp_desk.errors import ValidationError
from mpp_desk.i18n import N_, translate
from mpp_desk.limits import TEXT_LIMITS, too_long_message
from mpp_desk.textformat import format_date, safe_text
from mpp_desk.identifiers import normalize_phone, validate_nik
from mpp_desk.officetime import local_date

LATE_AFTER_DAYS = 30  # calendar days after the service was received
RESPOND_WITHIN = 14  # working days after the complaint was received

ERROR, WARNING, INFO = "error", "warning", "info"
COMPLAINT, SUGGESTION = "complaint", "suggestion"

# The capture form's fields and their limits (mpp_desk.limits.TEXT_LIMITS): longer is refused, never cut.
MAX_LENGTHS = {
    "channel": TEXT_LIMITS["complaint_channel"],
    "reporter_name": TEXT_LIMITS["person_name"],
    "reporter_nik": TEXT_LIMITS["identifier"],
    "reporter_phone": TEXT_LIMITS["phone"],
    "reporter_email": TEXT_LIMITS["email"],
    "reporter_address": TEXT_LIMITS["address"],
    "service_other": TEXT_LIMITS["complaint_service_other"],
    "substance": TEXT_LIMITS["complaint_substance"],
    "lapor_id": TEXT_LIMITS["identifier"],
    "late_decision_note": TEXT_LIMITS["complaint_note"],
}
MULTILINE = frozenset({"reporter_address", "substance", "late_decision_note"})
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]{2,}")
_LAPOR_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9./_-]{2,39}")


class ComplaintInputError(ValidationError):
    """A value in the capture or follow-up forms is not acceptable (messages in the "complaints" context)."""

    context = "complaints"


@dataclass(frozen=True)
class CaptureDraft:
    """What the capture form holds: plain values, as typed (also the autosaved draft's JSON)."""

    channel: str = ""
    received_at: dt.datetime | None = None  # aware; None: not yet set
    anonymous: bool = False
    reporter_name: str = ""
    reporter_nik: str = ""
    reporter_phone: str = ""
    reporter_email: str = ""
    reporter_address: str = ""
    service_id: str | None = None  # a catalogue service id, or None
    service_other: str = ""  # the service in words when it is not in the catalogue
    service_received_on: dt.date | None = None
    substance: str = ""
    lapor_id: str = ""
    lapor_direction: str = ""  # "", "from", "to"
    late_decision: str | None = None  # "complaint" / "suggestion" once the officer decided
    late_decision_note: str = ""

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready values (the draft table's ``form``)."""
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if isinstance(value, (dt.date, dt.datetime)):
                value = value.isoformat()
            out[f.name] = value
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CaptureDraft:
        """Read a stored draft back; unknown keys are ignored and bad values dropped, never raised."""
        values: dict[str, Any] = {}
        names = {f.name for f in dataclasses.fields(cls)}
        for key, value in (data or {}).items():
            if key not in names:
                continue
            try:
                if key == "received_at" and value:
                    value = dt.datetime.fromisoformat(value)
                    if value.tzinfo is None:
                        continue
                elif key == "service_received_on" and value:
                    value = dt.date.fromisoformat(value)
                elif key == "anonymous":
                    value = bool(value)
                elif key in ("service_id", "late_decision"):
                    value = str(value) if value else None
                elif value is None:
                    continue
                else:
                    value = str(value)
            except (TypeError, ValueError):
                continue
            values[key] = value
        return cls(**values)


@dataclass(frozen=True)
class Reason:
    """One message beside a field: why the case is what it is, or what is wrong with a value."""

    code: str
    level: str  # ERROR, WARNING or INFO
    field: str
    message: str  # English source
    params: dict[str, Any] = dataclasses.field(default_factory=dict)
    context: str = "complaints"

    def text(self, language: str | None = None) -> str:
        params = {
            k: format_date(v, language) if isinstance(v, dt.date) and not isinstance(v, dt.datetime) else v
            for k, v in self.params.items()
        }
        return translate(self.context, self.message, language).format(**params)

    def error(self) -> ValidationError:
        """The reason as an error a form shows beside its field."""
        cls = ComplaintInputError if self.context == "complaints" else ValidationError
        return cls(self.message, field=self.field, **self.params)


@dataclass(frozen=True)
class Assessment:
    """What the rules make of a draft: the kind, the messages to show, the late flag, the respond-by date."""

    kind: str
    reasons: tuple[Reason, ...]
    late: bool
    late_days: int | None  # calendar days from the service to the complaint
    needs_decision: bool  # late, and the officer has not decided yet
    received_on: dt.date | None
    respond_by: dt.date | None

    @property
    def errors(self) -> tuple[Reason, ...]:
        return tuple(r for r in self.reasons if r.level == ERROR)

    @property
    def ok(self) -> bool:
        """Can be saved: no error and no pending late decision."""
        return not self.errors and not self.needs_decision

    def for_field(self, name: str) -> tuple[Reason, ...]:
        return tuple(r for r in self.reasons if r.field == name)

    @property
    def rule_codes(self) -> tuple[str, ...]:
        """The rules that applied (stored with the case)."""
        return tuple(r.code for r in self.reasons if r.level != ERROR and r.code != "respond_by")


def clean_text(value: object, *, multiline: bool = False, limit: int | None = None, field: str | None = None) -> str:
    """Any Unicode, made safe to store and print (:func:`mpp_desk.textformat.safe_text`).

    With *limit*: a longer text is refused (ComplaintInputError on *field*), never cut.
    """
    text = safe_text(value, multiline=multiline)
    if limit is not None and len(text) > limit:
        raise ComplaintInputError(too_long_message("complaints"), field=field, maximum=limit)
    return text


def normalized(draft: CaptureDraft) -> CaptureDraft:
    """The draft with every text field cleaned (what is stored); lengths are checked by :func:`assess`."""
    return dataclasses.replace(
        draft, **{name: clean_text(getattr(draft, name), multiline=name in MULTILINE) for name in MAX_LENGTHS}
    )


def office_date(moment: dt.datetime) -> dt.date:
    """The office's calendar date (Asia/Jakarta) of an aware moment."""
    return local_date(moment)


def assess(draft: CaptureDraft, today: dt.date, calendar, *, channels: frozenset[str] | None = None) -> Assessment:
    """Apply the capture rules to *draft* as of *today* (the office date); pure, never raises for bad input.

    *calendar* is a :class:`mpp_desk.workdays.WorkingCalendar`; *channels*, when given, are the
    channel codes the office accepts.
    """
    d = normalized(draft)
    reasons: list[Reason] = []
    for name, maximum in MAX_LENGTHS.items():
        if len(getattr(d, name)) > maximum:
            reasons.append(Reason("too_long", ERROR, name, too_long_message("complaints"), {"maximum": maximum}))

    # -- values that are simply wrong (shown beside their field; saving is refused)
    if not d.channel:
        reasons.append(Reason("channel_missing", ERROR, "channel", N_("complaints", "Choose the channel it came through.")))
    elif channels is not None and d.channel not in channels:
        reasons.append(Reason("channel_unknown", ERROR, "channel",
                              N_("complaints", "This channel is not in the office's list.")))
    received_on = None
    if d.received_at is None or d.received_at.tzinfo is None:
        reasons.append(Reason("received_missing", ERROR, "received_at",
                              N_("complaints", "Enter the date and time it was received.")))
    else:
        received_on = office_date(d.received_at)
        if received_on > today:
            reasons.append(Reason("received_future", ERROR, "received_at",
                                  N_("complaints", "The received date cannot be after today ({today})."),
                                  {"today": today}))
    if d.reporter_nik and not d.anonymous:
        reasons.extend(_identifier_problem(_check_nik, d.reporter_nik, today, "reporter_nik"))
    if d.reporter_phone and not d.anonymous:
        reasons.extend(_identifier_problem(_check_phone, d.reporter_phone, today, "reporter_phone"))
    if d.reporter_email and not d.anonymous and not _EMAIL.fullmatch(d.reporter_email):
        reasons.append(Reason("email_invalid", ERROR, "reporter_email",
                              N_("complaints", "This is not an e-mail address (name@example.com).")))
    if d.service_id is not None:
        try:
            uuid.UUID(str(d.service_id))
        except ValueError:
            reasons.append(Reason("service_invalid", ERROR, "service", N_("complaints", "Choose a service from the list.")))
    if d.lapor_id and not _LAPOR_ID.fullmatch(d.lapor_id):
        reasons.append(Reason("lapor_invalid", ERROR, "lapor_id",
                              N_("complaints", "A LAPOR! tracking ID has 3 to 40 letters, digits, dots, dashes or slashes.")))
    if d.lapor_direction not in ("", "from", "to"):
        reasons.append(Reason("lapor_direction", ERROR, "lapor_id", N_("complaints", "Choose whether it came from or goes to LAPOR!.")))
    if d.lapor_direction and not d.lapor_id:
        reasons.append(Reason("lapor_missing", ERROR, "lapor_id", N_("complaints", "Enter the LAPOR! tracking ID.")))
    late_days = None
    if d.service_received_on is not None and received_on is not None:
        late_days = (received_on - d.service_received_on).days
        if late_days < 0:
            reasons.append(Reason("service_after_received", ERROR, "service_received_on",
                                  N_("complaints", "The service date cannot be after the date the complaint was received.")))
            late_days = None

    # -- the rules of the standard
    suggestion = False
    identity = bool(d.reporter_name) and any((d.reporter_nik, d.reporter_phone, d.reporter_email, d.reporter_address))
    if d.anonymous:
        suggestion = True
        reasons.append(Reason("anonymous", INFO, "anonymous", N_(
            "complaints", "Anonymous: recorded as a suggestion, because a complaint needs the reporter's identity.")))
    elif not d.reporter_name:
        suggestion = True
        reasons.append(Reason("no_identity", INFO, "reporter_name", N_(
            "complaints", "No reporter identity (a name and a NIK, phone, e-mail or address): recorded as a suggestion.")))
    elif not identity:
        suggestion = True
        reasons.append(Reason("no_contact", INFO, "reporter_phone", N_(
            "complaints", "A name alone is not an identity: add a NIK, phone, e-mail or address, or it is recorded as a suggestion.")))
    if not d.substance:
        suggestion = True
        reasons.append(Reason("no_substance", INFO, "substance", N_(
            "complaints", "No object or substance of the complaint: recorded as a suggestion.")))

    late = late_days is not None and late_days > LATE_AFTER_DAYS
    needs_decision = False
    if late:
        if suggestion:
            reasons.append(Reason("late", INFO, "service_received_on", N_(
                "complaints", "Filed {days} calendar days after the service (more than 30)."), {"days": late_days}))
        elif d.late_decision == SUGGESTION:
            suggestion = True
            reasons.append(Reason("late_suggestion", INFO, "late_decision", N_(
                "complaints", "Filed {days} calendar days after the service (more than 30): the officer decided to treat it as a suggestion."),
                {"days": late_days}))
        elif d.late_decision == COMPLAINT:
            reasons.append(Reason("late_complaint", INFO, "late_decision", N_(
                "complaints", "Filed {days} calendar days after the service (more than 30): the officer decided to handle it as a complaint."),
                {"days": late_days}))
        else:
            needs_decision = True
            reasons.append(Reason("late", WARNING, "service_received_on", N_(
                "complaints", "Filed {days} calendar days after the service (more than 30): it may be treated as a suggestion. Decide how to treat it."),
                {"days": late_days}))
    if d.late_decision not in (None, COMPLAINT, SUGGESTION):
        reasons.append(Reason("late_decision_invalid", ERROR, "late_decision", N_("complaints", "Choose how to treat the late complaint.")))

    respond_by = None
    if received_on is not None:
        try:
            respond_by = calendar.add_working_days(received_on, RESPOND_WITHIN)
        except ValidationError as exc:
            reasons.append(Reason("received_out_of_range", ERROR, "received_at", exc.message, dict(exc.params),
                                  context=getattr(exc, "context", "errors")))
    if respond_by is not None:
        reasons.append(Reason("respond_by", INFO, "received_at", N_(
            "complaints", "Respond by {date} (14 working days after it was received)."), {"date": respond_by}))
    return Assessment(
        kind=SUGGESTION if suggestion else COMPLAINT,
        reasons=tuple(reasons),
        late=late,
        late_days=late_days,
        needs_decision=needs_decision,
        received_on=received_on,
        respond_by=respond_by,
    )


def _check_nik(value: str, today: dt.date) -> None:
    validate_nik(value, today=today, field="reporter_nik")


def _check_phone(value: str, today: dt.date) -> None:
    normalize_phone(value, field="reporter_phone")


def _identifier_problem(check, value: str, today: dt.date, field_name: str) -> list[Reason]:
    try:
        check(value, today)
    except ValidationError as exc:
        return [Reason(f"{field_name}_invalid", ERROR, field_name, exc.message, dict(exc.params),
                       context=getattr(exc, "context", "errors"))]
    return []


def first_problem(assessment: Assessment) -> ValidationError | None:
    """The error that stops saving, or None: a wrong value first, then a pending late decision."""
    if assessment.errors:
        return assessment.errors[0].error()
    if assessment.needs_decision:
        return ComplaintInputError(
            N_("complaints", "This complaint is late: decide whether to handle it as a complaint or treat it as a suggestion."),
            field="late_decision",
        )
    return None
