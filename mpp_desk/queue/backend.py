"""One interface for the queue, whoever allocates the numbers.

The kiosk, the counters, the display board and the CLI talk to a :class:`QueueBackend`. Today it
is :class:`LocalQueue`: the service functions over this PC's SQLite file, one unit of work per
action. :func:`make_queue_backend` is the one place that builds the backend for a screen or command. When the central server is reachable, a server-backed implementation will allocate
numbers and claim tickets instead (docs/architecture.md, "Queue"); callers do not change.

Every method is blocking (database and file I/O): the UI calls them on its background executor.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Protocol, TypeVar

from sqlalchemy.exc import OperationalError

from mpp_desk.errors import DatabaseProblem
from mpp_desk.queue import service
from mpp_desk.queue.errors import BOOKING_NEEDS_SERVER, BookingRefused
from mpp_desk.queue.views import (
    BoardState,
    ClockWarning,
    CounterState,
    EventView,
    IssuedTicket,
    KioskGroupStatus,
    TicketView,
)
from mpp_desk.database import classify_error
from mpp_desk.models import QueueGroup, Ticket
from mpp_desk.printing.slip import TicketSlip
from mpp_desk.queue.stats import daily_stats
from mpp_desk.settings import receipt_settings
from mpp_desk.signing import expand_uuid, installation_signer, verification_url, verify_in_office
from mpp_desk.uow import UnitOfWork

if TYPE_CHECKING:
    from mpp_desk.context import AppContext
    from mpp_desk.database import Database
    from mpp_desk.printing.slip import TicketSlip
    from mpp_desk.queue.stats import DailyStats
    from mpp_desk.roles import Actor
    from mpp_desk.signing import Signer
    from mpp_desk.uow import UnitOfWork

log = logging.getLogger(__name__)
T = TypeVar("T")

TICKET_KIND = "q"  # the signed reference's kind for a queue ticket


class QueueBackend(Protocol):
    """What the queue screens and commands may ask; see :mod:`mpp_desk.queue.service` for each rule."""

    def issue(
        self,
        *,
        group_code: str | None = None,
        service_id: uuid.UUID | None = None,
        priority: bool = False,
        priority_reason: str | None = None,
        now: dt.datetime | None = None,
    ) -> IssuedTicket: ...

    def redeem_booking(self, *, code: str, now: dt.datetime | None = None) -> IssuedTicket:
        """A booked visit's ticket, at once (the server's bookings; issue 17)."""
        ...

    def call_next(self, *, counter_number: int, now: dt.datetime | None = None) -> TicketView | None: ...

    def recall(self, *, ticket_id: uuid.UUID, counter_number: int, now: dt.datetime | None = None) -> TicketView: ...

    def mark_no_show(
        self, *, ticket_id: uuid.UUID, counter_number: int, now: dt.datetime | None = None
    ) -> TicketView: ...

    def start_service(
        self, *, ticket_id: uuid.UUID, counter_number: int, now: dt.datetime | None = None
    ) -> TicketView: ...

    def finish(
        self,
        *,
        ticket_id: uuid.UUID,
        counter_number: int,
        outcome: str = "completed",
        note: str = "",
        now: dt.datetime | None = None,
    ) -> TicketView: ...

    def transfer(
        self,
        *,
        ticket_id: uuid.UUID,
        counter_number: int,
        to_group_code: str | None = None,
        to_counter_number: int | None = None,
        now: dt.datetime | None = None,
    ) -> TicketView: ...

    def hold(self, *, ticket_id: uuid.UUID, counter_number: int, now: dt.datetime | None = None) -> TicketView: ...

    def resume(self, *, ticket_id: uuid.UUID, counter_number: int, now: dt.datetime | None = None) -> TicketView: ...

    def cancel(self, *, ticket_id: uuid.UUID, now: dt.datetime | None = None) -> TicketView: ...

    def get_ticket(self, *, ticket_id: uuid.UUID) -> TicketView: ...

    def find_ticket(
        self, *, code: str, service_date: dt.date | None = None, now: dt.datetime | None = None
    ) -> TicketView: ...

    def waiting_list(self, *, group_code: str, now: dt.datetime | None = None) -> list[TicketView]: ...

    def waiting_counts(self, *, now: dt.datetime | None = None) -> dict[str, int]: ...

    def events_since(self, *, after_seq: int = 0, limit: int = 100) -> list[EventView]: ...

    def latest_seq(self) -> int: ...

    def clock_warning(self, *, now: dt.datetime | None = None) -> ClockWarning | None: ...

    def board_state(self, *, last_calls: int = 8, now: dt.datetime | None = None) -> BoardState: ...

    def counter_state(self, *, counter_number: int, now: dt.datetime | None = None) -> CounterState: ...

    def kiosk_status(self, *, now: dt.datetime | None = None) -> list[KioskGroupStatus]: ...

    def reprint_candidates(self, *, now: dt.datetime | None = None) -> list[TicketView]: ...

    def mark_printed(self, *, ticket_id: uuid.UUID) -> TicketView: ...

    def slip(self, ticket: IssuedTicket | TicketView, *, copy: bool | None = None) -> TicketSlip: ...

    def daily_stats(self, *, date: dt.date) -> DailyStats: ...


class LocalQueue:
    """The queue on this PC's database: each call is one unit of work, committed on success.

    *actor* is the signed-in person the counter actions are done for (None: the kiosk, the board
    or a script). A write that finds the database locked past the busy timeout is retried
    *attempts* times (with a short pause), then the clear "locked" :class:`DatabaseProblem` is
    raised.
    """

    def __init__(
        self,
        db: Database,
        *,
        data_dir: Path | None = None,
        signer: Signer | None = None,
        actor: Actor | None = None,
        attempts: int = 3,
        retry_pause: float = 0.2,
    ) -> None:
        self.db = db
        self.actor = actor
        self.data_dir = Path(data_dir) if data_dir is not None else Path(db.path).parent
        self._signer = signer
        self.attempts = max(1, attempts)
        self.retry_pause = retry_pause
        self.tries = 0  # attempts made by the last write (diagnostics)

    @classmethod
    def from_context(
        cls, ctx: AppContext, *, actor: Actor | None = None, attempts: int = 3, retry_pause: float = 0.2
    ) -> LocalQueue:
        """The queue over an :class:`~mpp_desk.context.AppContext` (opened if needed)."""
        return cls(ctx.open(), data_dir=ctx.data_dir, actor=actor, attempts=attempts, retry_pause=retry_pause)

    @property
    def signer(self) -> Signer:
        """The installation's signer, checked against the key id the database records."""
        if self._signer is None:
            self._signer = self.read(self._installation_signer)
        return self._signer

    def _installation_signer(self, uow: UnitOfWork) -> Signer:
        return installation_signer(uow, self.data_dir)

    # -- running service functions

    def write(self, fn: Callable[..., T], /, **kwargs: Any) -> T:
        """Run *fn(uow, **kwargs)* in a write unit of work and commit; retry while locked."""
        for attempt in range(1, self.attempts + 1):
            self.tries = attempt
            try:
                with UnitOfWork(self.db, actor=self.actor) as uow:
                    try:
                        result = fn(uow, **kwargs)
                        uow.commit()
                    except OperationalError as exc:
                        raise classify_error(exc, self.db.path) from exc
                return result
            except DatabaseProblem as exc:
                if attempt == self.attempts or not _is_busy(exc):
                    raise
                log.info("database busy (attempt %d of %d); retrying", attempt, self.attempts)
                time.sleep(self.retry_pause * attempt)
        raise AssertionError("unreachable")

    def read(self, fn: Callable[..., T], /, **kwargs: Any) -> T:
        """Run *fn(uow, **kwargs)* in a read-only unit of work."""
        with UnitOfWork(self.db, write=False, actor=self.actor) as uow:
            return fn(uow, **kwargs)

    # -- the interface (the signatures of QueueBackend; tests/integration/test_queue_backend_conformance.py)

    def issue(
        self,
        *,
        group_code: str | None = None,
        service_id: uuid.UUID | None = None,
        priority: bool = False,
        priority_reason: str | None = None,
        now: dt.datetime | None = None,
    ) -> IssuedTicket:
        """Issue a ticket; its code is signed before the commit, so a broken signing key refuses
        the ticket (with a clear message) instead of leaving a number nobody was told about."""
        return self.write(
            self._issue_signed,
            group_code=group_code,
            service_id=service_id,
            priority=priority,
            priority_reason=priority_reason,
            now=now,
        )

    def _issue_signed(self, uow: UnitOfWork, **kwargs: Any) -> IssuedTicket:
        if self._signer is None:
            self._signer = installation_signer(uow, self.data_dir)  # records the key id the first time
        issued = service.issue_ticket(uow, **kwargs)
        ticket_token(self._signer, issued.ticket)
        return issued

    def redeem_booking(self, *, code: str, now: dt.datetime | None = None) -> IssuedTicket:
        """Bookings live on the office's server (server/bookings.py): a PC without one has none to redeem."""
        raise BookingRefused(BOOKING_NEEDS_SERVER)

    def call_next(self, *, counter_number: int, now: dt.datetime | None = None) -> TicketView | None:
        return self.write(service.call_next, counter_number=counter_number, now=now)

    def recall(self, *, ticket_id: uuid.UUID, counter_number: int, now: dt.datetime | None = None) -> TicketView:
        return self.write(service.recall, ticket_id=ticket_id, counter_number=counter_number, now=now)

    def mark_no_show(
        self, *, ticket_id: uuid.UUID, counter_number: int, now: dt.datetime | None = None
    ) -> TicketView:
        return self.write(service.mark_no_show, ticket_id=ticket_id, counter_number=counter_number, now=now)

    def start_service(
        self, *, ticket_id: uuid.UUID, counter_number: int, now: dt.datetime | None = None
    ) -> TicketView:
        return self.write(service.start_service, ticket_id=ticket_id, counter_number=counter_number, now=now)

    def finish(
        self,
        *,
        ticket_id: uuid.UUID,
        counter_number: int,
        outcome: str = "completed",
        note: str = "",
        now: dt.datetime | None = None,
    ) -> TicketView:
        return self.write(
            service.finish, ticket_id=ticket_id, counter_number=counter_number, outcome=outcome, note=note, now=now
        )

    def transfer(
        self,
        *,
        ticket_id: uuid.UUID,
        counter_number: int,
        to_group_code: str | None = None,
        to_counter_number: int | None = None,
        now: dt.datetime | None = None,
    ) -> TicketView:
        return self.write(
            service.transfer,
            ticket_id=ticket_id,
            counter_number=counter_number,
            to_group_code=to_group_code,
            to_counter_number=to_counter_number,
            now=now,
        )

    def hold(self, *, ticket_id: uuid.UUID, counter_number: int, now: dt.datetime | None = None) -> TicketView:
        return self.write(service.hold, ticket_id=ticket_id, counter_number=counter_number, now=now)

    def resume(self, *, ticket_id: uuid.UUID, counter_number: int, now: dt.datetime | None = None) -> TicketView:
        return self.write(service.resume, ticket_id=ticket_id, counter_number=counter_number, now=now)

    def cancel(self, *, ticket_id: uuid.UUID, now: dt.datetime | None = None) -> TicketView:
        return self.write(service.cancel, ticket_id=ticket_id, now=now)

    def get_ticket(self, *, ticket_id: uuid.UUID) -> TicketView:
        return self.read(service.get_ticket, ticket_id=ticket_id)

    def find_ticket(
        self, *, code: str, service_date: dt.date | None = None, now: dt.datetime | None = None
    ) -> TicketView:
        return self.read(service.find_ticket, code=code, service_date=service_date, now=now)

    def waiting_list(self, *, group_code: str, now: dt.datetime | None = None) -> list[TicketView]:
        return self.read(service.waiting_list, group_code=group_code, now=now)

    def waiting_counts(self, *, now: dt.datetime | None = None) -> dict[str, int]:
        return self.read(service.waiting_counts, now=now)

    def events_since(self, *, after_seq: int = 0, limit: int = 100) -> list[EventView]:
        return self.read(service.events_since, after_seq=after_seq, limit=limit)

    def latest_seq(self) -> int:
        return self.read(service.latest_seq)

    def clock_warning(self, *, now: dt.datetime | None = None) -> ClockWarning | None:
        return self.read(service.clock_warning, now=now)

    def board_state(self, *, last_calls: int = 8, now: dt.datetime | None = None) -> BoardState:
        return self.read(service.board_state, last_calls=last_calls, now=now)

    def counter_state(self, *, counter_number: int, now: dt.datetime | None = None) -> CounterState:
        return self.read(service.counter_state, counter_number=counter_number, now=now)

    def kiosk_status(self, *, now: dt.datetime | None = None) -> list[KioskGroupStatus]:
        return self.read(service.kiosk_status, now=now)

    def reprint_candidates(self, *, now: dt.datetime | None = None) -> list[TicketView]:
        return self.read(service.reprint_candidates, now=now)

    def mark_printed(self, *, ticket_id: uuid.UUID) -> TicketView:
        return self.write(service.mark_printed, ticket_id=ticket_id)

    def daily_stats(self, *, date: dt.date) -> DailyStats:
        return self.read(daily_stats, date=date)

    def slip(self, ticket: IssuedTicket | TicketView, *, copy: bool | None = None) -> TicketSlip:
        """The printable ticket: signed QR, office name, people ahead and the wait (recomputed for a reprint)."""
        return self.read(self._slip, ticket=ticket, copy=copy)

    def _slip(self, uow: UnitOfWork, *, ticket: IssuedTicket | TicketView, copy: bool | None) -> TicketSlip:
        if isinstance(ticket, IssuedTicket):
            view, ahead, wait = ticket.ticket, ticket.ahead, ticket.estimated_wait_minutes
        else:
            view = ticket
            ahead, wait = _ahead_and_wait(uow, view)
        token = ticket_token(self.signer, view)
        office = receipt_settings(uow)
        return TicketSlip(
            office_name=office.office_name,
            code=view.code,
            group_code=view.group_code,
            group_name=view.group_name,
            service_title=view.service_title,
            issued_at=view.issued_at,
            ahead=ahead,
            estimated_wait_minutes=wait,
            qr_data=verification_url(office.verify_base_url, token),
            priority=view.priority,
            priority_reason=view.priority_reason,
            copy=view.printed if copy is None else copy,
        )


def make_queue_backend(ctx: AppContext, *, actor: Actor | None = None) -> QueueBackend:
    """The queue backend of this PC, acting for *actor* (None: the kiosk, the board, a script).

    The one place that decides which backend serves the screens and commands (the UI ops, the
    CLI): the central server's when this PC has joined one, else :class:`LocalQueue` over this
    PC's database.
    """
    from mpp_desk.queue.remote import remote_backend_if_joined  # lazy: remote.py imports this module

    remote = remote_backend_if_joined(ctx, actor=actor)
    if remote is not None:
        return remote
    return LocalQueue.from_context(ctx, actor=actor)


def ticket_fields(code: str, service_date: dt.date) -> dict[str, str]:
    """The fields a ticket's code signs: its number and its service date."""
    return {"c": code, "d": service_date.isoformat()}


def ticket_token(signer: Signer, view: TicketView) -> str:
    return signer.sign_reference(TICKET_KIND, view.id, ticket_fields(view.code, view.service_date))


def verify_ticket(uow: UnitOfWork, text_or_url: str, *, data_dir: Path | str | None, signer: Signer | None = None,
                  public_keys=None):
    """Check a ticket's QR by the one rule of :func:`mpp_desk.signing.check_record`: the office's
    address, a genuine signature, a queue ticket (kind "q"), on record here, number and date matching."""
    def lookup(kind: str, ref_id: str):
        row = uow.session.get(Ticket, expand_uuid(ref_id))
        if row is None:
            return None
        return TICKET_KIND, ticket_fields(row.code, row.service_date)

    return verify_in_office(uow, text_or_url, data_dir=data_dir, kinds=(TICKET_KIND,), lookup=lookup,
                            signer=signer, public_keys=public_keys)


def _ahead_and_wait(uow: UnitOfWork, view: TicketView) -> tuple[int, int]:
    session = uow.session
    row = session.get(Ticket, view.id)
    if row is None or row.status != Ticket.WAITING:
        return 0, 0
    ahead = service._ahead(session, row)
    group = session.get(QueueGroup, row.route_group_id)
    assert group is not None, "a ticket's group is a foreign key"
    wait = service.estimate_wait(session, group=group, service_date=row.service_date, ahead=ahead)
    return ahead, int(-(-wait.total_seconds() // 60))


def _is_busy(exc: DatabaseProblem) -> bool:
    cause = str(getattr(exc.__cause__, "orig", exc.__cause__) or "").lower()
    return "locked" in cause or "busy" in cause
