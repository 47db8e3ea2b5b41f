"""How long each free-text field may be: one table, checked by the services and shown by the forms.

A value beyond its limit is refused with a clear message ("This is too long (at most N
characters)."), never cut: what the officer typed is either kept whole or not saved at all. The
forms read the same table to set their fields' maximum length and to show a counter under the
multi-line ones (:func:`mpp_desk.ui.forms.limit_counter`).

Limits count characters after :func:`mpp_desk.textformat.safe_text` (controls removed, spaces
collapsed on single-line fields).
"""

from __future__ import annotations

from mpp_desk.errors import ValidationError
from mpp_desk.i18n import N_
from mpp_desk.textformat import safe_text

TEXT_LIMITS: dict[str, int] = {
    # people and organisations
    "person_name": 200,
    "business_name": 200,
    "email": 254,
    "address": 1000,
    "phone": 40,
    "identifier": 40,  # NIK, NIB, LAPOR! id as typed
    # complaints
    "complaint_channel": 32,
    "complaint_substance": 20_000,
    "complaint_service_other": 300,
    "complaint_sector": 200,
    "complaint_short": 200,  # agency, approver, reference
    "complaint_note": 2000,  # late-decision note
    "complaint_text": 4000,  # core problem, standard link, action, reason
    "complaint_long_text": 8000,  # report, message, outcome, notes
    "channel_name": 200,
    "channel_contact": 300,
    # intake
    "intake_business_name": 300,
    "intake_address": 500,
    "intake_note": 500,  # a checklist line's note
    "intake_reason": 1000,  # why a status changed
    # queue set-up
    "queue_group_name": 100,
    "counter_name": 100,
    "break_name": 100,
    # the live queue
    "served_twice_note": 500,  # what the supervisor found checking a ticket served twice
    # calendar
    "calendar_reason": 500,
}

# The follow-up steps of a complaint case: each field of the step dialogs and its kind above.
COMPLAINT_STEP_FIELDS: dict[str, str] = {
    "sector": "complaint_sector",
    "core_problem": "complaint_text",
    "standard_link": "complaint_text",
    "approved_by": "complaint_short",
    "reference": "complaint_short",
    "agency": "complaint_short",
    "action": "complaint_text",
    "reason": "complaint_text",
    "report": "complaint_long_text",
    "message": "complaint_long_text",
    "outcome": "complaint_long_text",
    "notes": "complaint_long_text",
}


def limit(kind: str) -> int:
    return TEXT_LIMITS[kind]


def check_text(
    value: object,
    kind: str,
    *,
    field: str | None = None,
    multiline: bool = False,
    error: type[ValidationError] = ValidationError,
) -> str:
    """*value* made safe (safe_text) and within the limit of *kind*; *error* (field *field*) when longer."""
    text = safe_text(value, multiline=multiline)
    maximum = TEXT_LIMITS[kind]
    if len(text) > maximum:
        raise error(too_long_message(error.context), field=field or kind, maximum=maximum)
    return text


_TOO_LONG = {  # the same words in each message context that carries them
    "errors": N_("errors", "This is too long (at most {maximum} characters)."),
    "complaints": N_("complaints", "This is too long (at most {maximum} characters)."),
}


def too_long_message(context: str = "errors") -> str:
    """The refusal of an over-long text, in the message context *context* ("errors" or "complaints")."""
    return _TOO_LONG.get(context, _TOO_LONG["errors"])


_SEARCH_TOO_LONG = {
    "errors": N_("errors", "A search has at most {words} words and {chars} characters."),
    "complaints": N_("complaints", "A search has at most {words} words and {chars} characters."),
}
MAX_SEARCH_WORDS = 10  # each word of a search is one condition of the query
MAX_SEARCH_CHARS = 200


def search_words(text: str | None, *, field: str = "search", error: type[ValidationError] = ValidationError) -> list[str]:
    """The words of a search box's text; more than MAX_SEARCH_WORDS words or MAX_SEARCH_CHARS characters
    is refused (never some words silently dropped)."""
    cleaned = safe_text(text)
    words = cleaned.split()
    if len(words) > MAX_SEARCH_WORDS or len(cleaned) > MAX_SEARCH_CHARS:
        raise error(_SEARCH_TOO_LONG.get(error.context, _SEARCH_TOO_LONG["errors"]), field=field,
                    words=MAX_SEARCH_WORDS, chars=MAX_SEARCH_CHARS)
    return words
