"""Names people read for ticket states, counter actions, outcomes and priority reasons."""

from __future__ import annotations

from mpp_desk.i18n import N_, translate

STATUS_LABELS = {
    "waiting": N_("queue", "waiting"),
    "called": N_("queue", "called"),
    "serving": N_("queue", "being served"),
    "held": N_("queue", "on hold"),
    "done": N_("queue", "done"),
    "no_show": N_("queue", "absent"),
    "cancelled": N_("queue", "cancelled"),
}

# Past participles: "Ticket A001 is done; it cannot be recalled."
ACTION_LABELS = {
    "call": N_("queue", "called"),
    "recall": N_("queue", "called again"),
    "no_show": N_("queue", "marked absent"),
    "start": N_("queue", "served"),
    "finish": N_("queue", "finished"),
    "transfer": N_("queue", "transferred"),
    "hold": N_("queue", "put on hold"),
    "resume": N_("queue", "resumed"),
    "cancel": N_("queue", "cancelled"),
}

# How a service at the counter ended (Ticket.outcome).
OUTCOMES = {
    "completed": N_("queue", "Completed"),
    "incomplete": N_("queue", "Documents incomplete"),
    "information": N_("queue", "Information only"),
    "referred": N_("queue", "Referred elsewhere"),
    "other": N_("queue", "Other"),
}

# Why a ticket is served first: kept with the ticket slip, which prints them (printing imports no area).
from mpp_desk.printing.slip import PRIORITY_REASONS as PRIORITY_REASONS  # noqa: E402 (re-exported)


def label(table: dict[str, str], key: str | None, language: str | None = None) -> str:
    """The translated label of *key* in *table* (the key itself if unknown)."""
    if key is None:
        return ""
    return translate("queue", table[key], language) if key in table else key
