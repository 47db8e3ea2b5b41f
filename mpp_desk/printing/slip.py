"""What a queue ticket says, as plain values, and its lines in the ticket's language.

Both renderers (PDF and ESC/POS) draw the same :class:`TicketSlip` with the same words, so a
thermal ticket and a PDF ticket never disagree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from mpp_desk.i18n import N_, translate
from mpp_desk.printing.document import Blank, Document, Qr, Rule, Text
from mpp_desk.officetime import local, pukul
from mpp_desk.textformat import format_date

TICKET_LANGUAGE = "id"  # the hall reads Bahasa Indonesia whatever the kiosk screen shows


PRIORITY_REASONS = {
    "elderly": N_("queue", "Elderly"),
    "disability": N_("queue", "Person with a disability"),
    "pregnant": N_("queue", "Pregnant woman"),
    "nursing": N_("queue", "Nursing mother"),
}


@dataclass(frozen=True)
class TicketSlip:
    """Everything printed on one queue ticket."""

    office_name: str
    code: str
    group_code: str
    group_name: str
    service_title: str | None
    issued_at: dt.datetime  # aware; printed in office time
    ahead: int
    estimated_wait_minutes: int
    qr_data: str
    priority: bool = False
    priority_reason: str | None = None
    copy: bool = False  # a reprint of a ticket that already came out once: "SALINAN"
    language: str = TICKET_LANGUAGE

    def say(self, text: str, **params: object) -> str:
        return translate("queue", text, self.language).format(**params)

    # The lines, in order, shared by both renderers.

    def heading(self) -> str:
        return self.say(N_("queue", "QUEUE NUMBER"))

    def copy_mark(self) -> str:
        return self.say(N_("queue", "COPY"))

    def priority_line(self) -> str:
        text = self.say(N_("queue", "PRIORITY"))
        if self.priority_reason:
            reason = PRIORITY_REASONS.get(self.priority_reason)
            text += " · " + (translate("queue", reason, self.language) if reason else self.priority_reason)
        return text

    def group_line(self) -> str:
        return f"{self.group_code} – {self.group_name}"

    def when_line(self) -> str:
        moment = local(self.issued_at)
        return f"{format_date(moment.date(), self.language)} {pukul(moment)}"

    def ahead_line(self) -> str:
        return self.say(N_("queue", "People ahead of you: {count}"), count=self.ahead)

    def wait_line(self) -> str:
        if self.ahead <= 0:
            return self.say(N_("queue", "You are next"))
        if self.estimated_wait_minutes < 1:
            return self.say(N_("queue", "Estimated wait: under 1 minute"))
        return self.say(N_("queue", "Estimated wait: about {minutes} min"), minutes=self.estimated_wait_minutes)

    def qr_caption(self) -> str:
        return self.say(N_("queue", "Scan to check your ticket"))

    def footer(self) -> str:
        return self.say(N_("queue", "Please wait until your number is called."))

    def document(self) -> Document:
        """The ticket for a thermal printer (ESC/POS), top to bottom."""
        blocks: list = [Text(self.office_name, bold=True, max_lines=3)]
        if self.copy:
            blocks.append(Text(self.copy_mark(), badge=True))
        blocks += [Rule(), Text(self.heading(), wrap=False), Text(self.code, bold=True, size="big", wrap=False)]
        if self.priority:
            blocks.append(Text(self.priority_line(), badge=True))
        blocks.append(Text(self.group_line(), bold=True, max_lines=3))
        if self.service_title:
            blocks.append(Text(self.service_title, max_lines=3))
        blocks += [
            Rule(),
            Text(self.when_line(), wrap=False),
            Text(self.ahead_line(), bold=True, wrap=False),
            Text(self.wait_line(), wrap=False),
            Blank(),
            Qr(self.qr_data),
            Text(self.qr_caption(), wrap=False),
            Blank(),
            Text(self.footer(), max_lines=3),
        ]
        return Document(tuple(blocks), min_columns=24)
