"""Queue operations for the kiosk, the counter, the display board and statistics (set-up: queue_setup.py).

Run on the database thread. Each goes through the :class:`~mpp_desk.queue.backend.QueueBackend`
(today :class:`~mpp_desk.queue.backend.LocalQueue` over this PC's database) or, for set-up, the
service functions in one unit of work, and returns immutable data. ``now`` None means the
process clock (``ctx.clock``, mpp_desk.officetime), which tests set.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from dataclasses import dataclass, field

from mpp_desk.context import AppContext
from mpp_desk import settings
from mpp_desk.errors import UserError
from mpp_desk.printing.printers import NoPrinter, PrintOk, printer_from_setting
from mpp_desk.queue.backend import make_queue_backend
from mpp_desk.queue.errors import QueueOffline
from mpp_desk.queue.offline import kiosk_backend
from mpp_desk.queue import kiosk as kiosk_service
from mpp_desk.queue.setup import list_counters, list_groups
from mpp_desk.roles import Permission, require
from mpp_desk.sync.client import load_joined
from mpp_desk.ui.ops import counter_offline

log = logging.getLogger(__name__)

CALL_EVENTS = ("called", "recalled")


def queue_for(ctx: AppContext, *, actor=None):
    """The queue backend of this PC, acting for *actor* (None: the kiosk, the board)."""
    return make_queue_backend(ctx, actor=actor)


def kiosk_queue(ctx: AppContext):
    """The kiosk's queue (mpp_desk.queue.offline.kiosk_backend: the server's with leased blocks, when joined)."""
    return kiosk_backend(ctx)


def _setting(ctx: AppContext, key: str):
    with ctx.uow(write=False) as uow:
        return settings.get(uow, key)


def ticket_printer(ctx: AppContext, *keys: str):
    """The printer named by the first of the settings *keys* that is set; NoPrinter if none is (or it is unreadable)."""
    keys = keys or ("printer.ticket",)
    with ctx.uow(write=False) as uow:
        specs = [settings.get(uow, key) for key in keys]
    for spec in specs:
        if spec:
            try:
                return printer_from_setting(spec, data_dir=ctx.data_dir)
            except Exception:  # noqa: BLE001 - a bad setting must not stop a ticket; it prints as "not set up"
                log.warning("printer setting %r not usable", spec, exc_info=True)
    return NoPrinter()


# --- the kiosk ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class KioskStart:
    """What the kiosk shows once the database is open."""

    office_name: str
    groups: tuple  # KioskGroupStatus
    printer_label: str


def open_kiosk(ctx: AppContext, *, now: dt.datetime | None = None) -> KioskStart:
    """Open (create, migrate, seed) the database; the office name, the groups and the printer in use."""
    ctx.open()
    return KioskStart(
        office_name=str(_setting(ctx, "office.name")),
        groups=tuple(kiosk_queue(ctx).kiosk_status(now=now)),
        printer_label=ticket_printer(ctx).label,
    )


def kiosk_status(ctx: AppContext, *, now: dt.datetime | None = None) -> tuple:
    """Each active group: open or not (with the reason) and how many wait."""
    return tuple(kiosk_queue(ctx).kiosk_status(now=now))


def take_ticket(
    ctx: AppContext, *, group_code: str, priority_reason: str | None = None, now: dt.datetime | None = None
):
    """Issue a ticket and print it on this PC's ticket printer (KioskTicket; the ticket survives a printer fault)."""
    return kiosk_service.take_ticket(
        kiosk_queue(ctx),
        ticket_printer(ctx),
        group_code=group_code,
        priority=priority_reason is not None,
        priority_reason=priority_reason,
        now=now,
    )


def redeem_booking(ctx: AppContext, *, code: str, now: dt.datetime | None = None):
    """A booked visit's code (typed or scanned at the kiosk): its ticket at once, printed (KioskTicket)."""
    return kiosk_service.redeem_booking(queue_for(ctx), ticket_printer(ctx), code=code, now=now)


# --- the counter --------------------------------------------------------------------------------


@dataclass(frozen=True)
class CounterPanelState:
    """Everything a counter's queue panel shows."""

    counter_number: int
    state: object | None  # CounterState; None when this PC's counter is not set up
    waiting: dict  # group code -> tuple of TicketView, in calling order
    group_names: dict  # group code -> name, every live group (transfer targets)
    counters: tuple  # (number, name) of the other active counters (transfer targets)
    unprinted: tuple  # TicketView of today's tickets whose slip never printed
    last_seq: int
    problem: str | None = None  # why the panel cannot work (translated), e.g. the counter is not set up
    clock_warning: str | None = None  # the PC clock looks wrong (translated), see queue.service.clock_warning
    offline_since: dt.datetime | None = None  # the server away: when it gave the picture shown (counter_offline.py)
    pending: int = 0  # offline actions not yet taken by the server
    reconciled: dict | None = None  # the offline journal just sent: applied, conflict, refused, conflict_codes


@dataclass(frozen=True)
class ActionDone:
    """A counter action's result and the panel's state after it."""

    action: str
    ticket: object | None  # TicketView (None: call-next found nobody waiting)
    panel: CounterPanelState


def counter_number(ctx: AppContext) -> int:
    """This PC's counter number (setting ``pc.counter_number``)."""
    return int(_setting(ctx, "pc.counter_number"))


def counter_panel(
    ctx: AppContext, *, actor=None, number: int | None = None, now: dt.datetime | None = None
) -> CounterPanelState:
    """The counter's state, its lines, transfer targets, unprinted tickets (server away: ops/counter_offline.py)."""
    ctx.open()
    number = counter_number(ctx) if number is None else number
    return counter_offline.panel(ctx, actor=actor, number=number, now=now, online=_counter_panel,
                                 make=CounterPanelState)


def _counter_panel(ctx: AppContext, *, actor, number: int, now: dt.datetime | None) -> CounterPanelState:
    queue = queue_for(ctx, actor=actor)
    with ctx.uow(write=False) as uow:
        groups = list_groups(uow)
        counters = list_counters(uow)
    last_seq = queue.latest_seq()
    clock = queue.clock_warning(now=now)
    group_names = {g.code: g.name for g in groups}
    others = tuple((c.number, c.name) for c in counters if c.active and c.number != number)
    try:
        state = queue.counter_state(counter_number=number, now=now)
    except UserError as error:
        return CounterPanelState(number, None, {}, group_names, others, (), last_seq, problem=error.text())
    waiting = {code: tuple(queue.waiting_list(group_code=code, now=now)) for code in state.counter.group_codes}
    return CounterPanelState(
        counter_number=number,
        state=state,
        waiting=waiting,
        group_names=group_names,
        counters=others,
        unprinted=tuple(queue.reprint_candidates(now=now)),
        last_seq=last_seq,
        clock_warning=clock.text() if clock is not None else None,
    )


def refresh_counter_panel(
    ctx: AppContext, *, actor=None, number: int | None, after_seq: int, now: dt.datetime | None = None
) -> CounterPanelState | None:
    """The panel's state if any queue event happened after *after_seq* (else None: one cheap index seek)."""
    if not queue_for(ctx).events_since(after_seq=after_seq, limit=1):
        return None
    return counter_panel(ctx, actor=actor, number=number, now=now)


def counter_action(ctx: AppContext, *, actor, number: int, action: str, ticket_id: uuid.UUID | None = None,
                   outcome: str = "completed", note: str = "", to_group_code: str | None = None,
                   to_counter_number: int | None = None, now: dt.datetime | None = None,
                   quick: bool = False) -> ActionDone:
    """Do one counter action (call, recall, start, finish, no_show, transfer, hold, resume) and reload the panel
    (the server away: from the offline journal where it may, ops/counter_offline.py; *quick*: the panel's stream
    already says so, one short try)."""
    queue = queue_for(ctx, actor=actor)
    shorter = getattr(queue, "quick", None) if quick else None
    try:
        ticket = _online_action(shorter() if shorter else queue, action, ticket_id, number=number, now=now,
                                outcome=outcome, note=note, to_group_code=to_group_code,
                                to_counter_number=to_counter_number)
    except QueueOffline as error:
        ticket = counter_offline.action(ctx, actor=actor, number=number, action=action, ticket_id=ticket_id,
                                        outcome=outcome, note=note, now=now, error=error)
        return ActionDone(action, ticket, counter_offline.offline_panel(ctx, number=number, make=CounterPanelState))
    return ActionDone(action, ticket, counter_panel(ctx, actor=actor, number=number, now=now))


def _online_action(queue, action: str, ticket_id: uuid.UUID | None, *, number: int, now: dt.datetime | None,
                   outcome: str, note: str, to_group_code: str | None, to_counter_number: int | None):
    """The action through the queue backend: the ticket after it (call: None when nobody waits)."""
    if action == "call":
        return queue.call_next(counter_number=number, now=now)
    if ticket_id is None:
        raise ValueError(f"counter action {action!r} needs a ticket")
    common = {"ticket_id": ticket_id, "counter_number": number, "now": now}
    if action == "finish":
        return queue.finish(outcome=outcome, note=note, **common)
    if action == "transfer":
        return queue.transfer(to_group_code=to_group_code, to_counter_number=to_counter_number, **common)
    methods = {"recall": queue.recall, "start": queue.start_service, "no_show": queue.mark_no_show, "hold": queue.hold,
               "resume": queue.resume}
    if action not in methods:
        raise ValueError(f"unknown counter action {action!r}")
    return methods[action](**common)


@dataclass(frozen=True)
class ReprintDone:
    """A reprint's outcome and the panel's state after it."""

    code: str
    ok: bool
    message: str  # translated: where it printed, or why not
    panel: CounterPanelState


def reprint(ctx: AppContext, *, actor, number: int, ticket_id: uuid.UUID, now: dt.datetime | None = None) -> ReprintDone:
    """Print a ticket again on this PC's ticket printer (else its receipt printer)."""
    require(actor, Permission.SERVE_QUEUE)
    queue = queue_for(ctx, actor=actor)
    code = queue.get_ticket(ticket_id=ticket_id).code
    printer = ticket_printer(ctx, "printer.ticket", "printer.receipt")
    result = kiosk_service.reprint(queue, printer, ticket_id=ticket_id)
    message = result.where if isinstance(result, PrintOk) else result.text()
    return ReprintDone(code, result.ok, message, counter_panel(ctx, actor=actor, number=number, now=now))


# --- the display board --------------------------------------------------------------------------


@dataclass(frozen=True)
class BoardTexts:
    """What the board shows besides the queue: the office, the running text, the groups' names."""

    office_name: str
    running_text: str
    group_names: dict  # code -> name, in kiosk order
    counter_names: dict = field(default_factory=dict)  # counter number -> its configured name
    speaker_zone: str = ""  # this PC's speaker zone (display.speaker_zone): "" speaks alone


@dataclass(frozen=True)
class BoardStart:
    """The board's first picture: the texts and the state (its ``last_seq`` is where polling starts)."""

    texts: BoardTexts
    board: object  # BoardState


@dataclass(frozen=True)
class BoardPoll:
    """New events since the last poll and, when there were any, the board state after them."""

    events: tuple  # EventView, oldest first
    board: object | None  # BoardState, or None when nothing happened
    more: bool  # the limit was reached: poll again at once


BOARD_CALLS = 30  # call events read for the board: enough for six earlier tickets after recalls are merged


def board_texts(ctx: AppContext) -> BoardTexts:
    """The office name, the running text and the groups' names (re-read now and then: the administrator may change them)."""
    with ctx.uow(write=False) as uow:
        return BoardTexts(
            office_name=str(settings.get(uow, "office.name")),
            running_text=str(settings.get(uow, "display.running_text")),
            group_names={g.code: g.name for g in list_groups(uow) if g.active},
            counter_names={c.number: c.name for c in list_counters(uow)},
            speaker_zone=str(settings.get(uow, "display.speaker_zone")),
        )


def open_board(ctx: AppContext, *, now: dt.datetime | None = None) -> BoardStart:
    """Open the database; the texts and the board state."""
    ctx.open()
    return BoardStart(texts=board_texts(ctx), board=queue_for(ctx).board_state(last_calls=BOARD_CALLS, now=now))


def poll_board(ctx: AppContext, *, after_seq: int, limit: int = 50, now: dt.datetime | None = None) -> BoardPoll:
    """Events after *after_seq*; the fresh board state only when something happened."""
    queue = queue_for(ctx)
    events = tuple(queue.events_since(after_seq=after_seq, limit=limit))
    if not events:
        return BoardPoll((), None, False)
    return BoardPoll(events, queue.board_state(last_calls=BOARD_CALLS, now=now), len(events) == limit)


# --- statistics ---------------------------------------------------------------------------------


def queue_on_server(ctx: AppContext) -> bool:
    """Whether this PC's queue is the server's (it joined one): its statistics are the whole building's."""
    return load_joined(ctx.data_dir) is not None


def daily_stats(ctx: AppContext, *, actor, date: dt.date):
    """One day's queue statistics (DailyStats) for the supervisor or the administrator: on a PC that joined a
    server, the building's, counted there (a network call: the area runs it on the network lane)."""
    require(actor, Permission.VIEW_REPORTS)
    return queue_for(ctx, actor=actor).daily_stats(date=date)
