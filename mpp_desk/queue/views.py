"""Immutable results of the queue services: what the UI, the CLI and the printer receive.

No ORM object leaves a unit of work; these plain values are safe to hand to another thread.
All datetimes are aware UTC; use :func:`mpp_desk.officetime.local` to show them.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from mpp_desk.i18n import translate


@dataclass(frozen=True)
class ServiceRef:
    """A catalogue service as the kiosk lists it."""

    id: uuid.UUID
    title: str
    kbli: str


@dataclass(frozen=True)
class GroupView:
    """A queue group and what belongs to it."""

    id: uuid.UUID
    code: str
    name: str
    open_time: dt.time
    close_time: dt.time
    daily_limit: int | None
    active: bool
    position: int
    counter_numbers: tuple[int, ...] = ()
    services: tuple[ServiceRef, ...] = ()


@dataclass(frozen=True)
class CounterView:
    """A counter (loket) and the groups it calls from."""

    id: uuid.UUID
    number: int
    name: str
    active: bool
    group_codes: tuple[str, ...] = ()


@dataclass(frozen=True)
class BreakView:
    """A weekly pause in issuing tickets (weekday: Monday = 0)."""

    id: uuid.UUID | None  # None for the built-in default that has no row yet
    weekday: int
    start_time: dt.time
    end_time: dt.time
    name: str


@dataclass(frozen=True)
class TicketView:
    """One ticket as the counter, the board and the printer see it."""

    id: uuid.UUID
    code: str
    number: int
    group_code: str  # the group that issued the number
    group_name: str
    route_group_code: str  # the line it waits in now (differs after a transfer)
    service_id: uuid.UUID | None
    service_title: str | None
    service_date: dt.date
    status: str
    priority: bool
    priority_reason: str | None
    issued_at: dt.datetime
    called_at: dt.datetime | None
    counter_number: int | None
    target_counter_number: int | None
    served_started_at: dt.datetime | None
    finished_at: dt.datetime | None
    outcome: str | None
    printed: bool
    recall_count: int
    transfer_count: int


@dataclass(frozen=True)
class ClockWarning:
    """The PC clock looks wrong (it went back, or far ahead): staff should check it."""

    kind: str  # "behind" | "far_ahead" | "future_tickets"
    message: str  # English, marked for translation in the "queue" context
    params: tuple[tuple[str, str], ...] = ()

    def text(self, language: str | None = None) -> str:
        return translate("queue", self.message, language).format(**dict(self.params))


@dataclass(frozen=True)
class IssuedTicket:
    """A new ticket with what the kiosk shows and prints about the wait."""

    ticket: TicketView
    ahead: int
    estimated_wait: dt.timedelta
    clock_warning: ClockWarning | None = None  # the PC clock looked wrong when it was issued

    @property
    def estimated_wait_minutes(self) -> int:
        """The estimate rounded up to whole minutes (0 when nobody is ahead)."""
        seconds = self.estimated_wait.total_seconds()
        return int(-(-seconds // 60))


@dataclass(frozen=True)
class EventView:
    """One entry of the queue event log."""

    seq: int
    type: str
    ticket_id: uuid.UUID
    ticket_code: str
    group_code: str
    counter_number: int | None
    at: dt.datetime
    detail: str = ""


@dataclass(frozen=True)
class CounterCall:
    """What the board shows for one counter: the ticket called to it or served at it."""

    counter_number: int
    counter_name: str
    ticket_code: str
    status: str
    called_at: dt.datetime | None


@dataclass(frozen=True)
class BoardState:
    """Everything the display board needs at once; then poll :func:`events_since` from ``last_seq``."""

    now_serving: tuple[CounterCall, ...]
    last_calls: tuple[EventView, ...]
    waiting: dict[str, int]
    last_seq: int
    service_date: dt.date
    # From the server: events after last_seq already in this picture (committed ahead of a lower seq still in
    # flight); a board streaming from last_seq skips them (mpp_desk.queue.live).
    applied_after: tuple[int, ...] = ()


@dataclass(frozen=True)
class CounterState:
    """A counter's screen after a restart: its current ticket, its held tickets, its lines."""

    counter: CounterView
    current: TicketView | None
    held: tuple[TicketView, ...]
    waiting: dict[str, int]


@dataclass(frozen=True)
class KioskGroupStatus:
    """Whether the kiosk may issue for a group right now, and why not."""

    code: str
    name: str
    open: bool
    waiting: int
    reason: str | None = None  # the translated refusal when closed
    services: tuple[ServiceRef, ...] = field(default=())


@dataclass(frozen=True)
class ServedTwice:
    """A ticket a counter served offline while another counter had called or served it (the server's
    ``q_conflicts``): shown to the supervisor as "dilayani dua kali", never hidden; once a supervisor marked it
    checked, who did (*checked_by*, their full name), when, the note and the PC."""

    ticket_code: str
    service_date: dt.date
    offline_counter: int
    offline_device: str
    offline_called_at: dt.datetime | None
    offline_action: str  # the counter's last offline action on it (call, start, finish, no_show)
    offline_at: dt.datetime
    other_counter: int | None
    other_status: str
    other_called_at: dt.datetime | None
    id: int = 0  # the server's number of the entry (``q_conflicts.id``)
    checked_at: dt.datetime | None = None
    checked_by: str | None = None
    checked_note: str | None = None
    checked_device: str | None = None

    @property
    def checked(self) -> bool:
        return self.checked_at is not None
