"""The kiosk's one action: issue a ticket and print it; the ticket survives any printer fault."""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mpp_desk.i18n import N_, translate
from mpp_desk.queue.views import IssuedTicket
from mpp_desk.errors import UserError
from mpp_desk.printing.printers import FAILED, NoPrinter, PrintFailed

if TYPE_CHECKING:
    from mpp_desk.printing.printers import Printer, PrintResult
    from mpp_desk.printing.slip import TicketSlip
    from mpp_desk.queue.backend import QueueBackend

log = logging.getLogger(__name__)

NOT_PRINTED = N_(
    "queue",
    "The ticket could not be printed. Your number is {code}: please remember it, "
    "or ask the officer at the information desk for a printed ticket.",
)


@dataclass(frozen=True)
class KioskTicket:
    """The issued ticket, its slip, and how printing went."""

    issued: IssuedTicket
    slip: TicketSlip | None  # None when the slip could not be made (the ticket exists all the same)
    printed: PrintResult

    @property
    def code(self) -> str:
        return self.issued.ticket.code

    def message(self, language: str | None = None) -> str | None:
        """What the kiosk screen adds when the paper did not come out (None when it did)."""
        if self.printed.ok:
            return None
        return translate("queue", NOT_PRINTED, language).format(code=self.code)


def take_ticket(
    queue: QueueBackend,
    printer: Printer | None,
    *,
    group_code: str | None = None,
    service_id: uuid.UUID | None = None,
    priority: bool = False,
    priority_reason: str | None = None,
    now: dt.datetime | None = None,
) -> KioskTicket:
    """Issue (refusals raise QueueClosed and friends), print, and mark printed only if it printed."""

    issued = queue.issue(
        group_code=group_code, service_id=service_id, priority=priority, priority_reason=priority_reason, now=now
    )
    return _print_issued(queue, printer, issued)


def redeem_booking(queue: QueueBackend, printer: Printer | None, *, code: str, now: dt.datetime | None = None) -> KioskTicket:
    """A booked visit's code typed or scanned at the kiosk: its ticket at once, printed like any other
    (refusals raise BookingRefused and friends; docs/queue.md, "Booked visits")."""
    return _print_issued(queue, printer, queue.redeem_booking(code=code, now=now))


def _print_issued(queue: QueueBackend, printer: Printer | None, issued: IssuedTicket) -> KioskTicket:
    # From here on the number exists: whatever fails, the citizen is shown it (never "no number").
    try:
        slip = queue.slip(issued)
    except Exception as exc:  # noqa: BLE001 - the ticket is committed; say its number, print nothing
        log.exception("ticket %s issued but its slip could not be made", issued.ticket.id)
        return KioskTicket(issued=issued, slip=None, printed=PrintFailed(FAILED, f"{type(exc).__name__}: {exc}"))
    result = _print(printer or NoPrinter(), slip)
    if result.ok:
        _mark(queue, issued.ticket.id)
    else:  # the ticket id and code only: no personal data in the log
        log.warning("ticket %s (id %s) issued but not printed on %s: %s %s", issued.ticket.code, issued.ticket.id,
                    getattr(printer, "label", "no printer"), getattr(result, "reason", "?"),
                    getattr(result, "detail", ""))
    return KioskTicket(issued=issued, slip=slip, printed=result)


def reprint(queue: QueueBackend, printer: Printer | None, *, ticket_id: uuid.UUID) -> PrintResult:
    """Print a ticket again (staff, from the unprinted list); a ticket printed before says "SALINAN"."""
    ticket = queue.get_ticket(ticket_id=ticket_id)
    result = _print(printer or NoPrinter(), queue.slip(ticket))
    if result.ok and not ticket.printed:
        _mark(queue, ticket_id)
    return result


def _print(printer: Printer, slip: TicketSlip) -> PrintResult:
    try:
        return printer.print_ticket(slip)
    except Exception as exc:  # noqa: BLE001 - printers promise not to raise; make sure of it
        log.exception("printer %s raised", getattr(printer, "label", "?"))
        return PrintFailed(FAILED, f"{type(exc).__name__}: {exc}")


def _mark(queue: QueueBackend, ticket_id: uuid.UUID) -> None:
    try:
        queue.mark_printed(ticket_id=ticket_id)
    except UserError:  # the paper is out already; at worst staff see it in the reprint list
        log.warning("printed ticket %s could not be marked printed", ticket_id, exc_info=True)
