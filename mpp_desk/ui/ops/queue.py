"""Queue operations for the kiosk, the counter, the display board, set-up and statistics.

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
from typing import TYPE_CHECKING

from mpp_desk.context import AppContext
from mpp_desk import settings
from mpp_desk.errors import UserError
from mpp_desk.models import QueueGroup, ServiceStandard
from mpp_desk.printing.printers import NoPrinter, PrintOk, printer_from_setting
from mpp_desk.queue import setup
from mpp_desk.queue.backend import make_queue_backend
from mpp_desk.queue import kiosk as kiosk_service
from mpp_desk.queue.setup import list_breaks, list_counters, list_groups
from mpp_desk.roles import Permission, authorize, require

if TYPE_CHECKING:
    from mpp_desk.uow import UnitOfWork

log = logging.getLogger(__name__)

CALL_EVENTS = ("called", "recalled")


def queue_for(ctx: AppContext, *, actor=None):
    """The queue backend of this PC, acting for *actor* (None: the kiosk, the board)."""
    return make_queue_backend(ctx, actor=actor)


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
        groups=tuple(queue_for(ctx).kiosk_status(now=now)),
        printer_label=ticket_printer(ctx).label,
    )


def kiosk_status(ctx: AppContext, *, now: dt.datetime | None = None) -> tuple:
    """Each active group: open or not (with the reason) and how many wait."""
    return tuple(queue_for(ctx).kiosk_status(now=now))


def take_ticket(
    ctx: AppContext, *, group_code: str, priority_reason: str | None = None, now: dt.datetime | None = None
):
    """Issue a ticket and print it on this PC's ticket printer (KioskTicket; the ticket survives a printer fault)."""
    return kiosk_service.take_ticket(
        queue_for(ctx),
        ticket_printer(ctx),
        group_code=group_code,
        priority=priority_reason is not None,
        priority_reason=priority_reason,
        now=now,
    )


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
    """The counter's state, its groups' waiting lists, transfer targets and the unprinted tickets."""
    ctx.open()
    number = counter_number(ctx) if number is None else number
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


def counter_action(
    ctx: AppContext,
    *,
    actor,
    number: int,
    action: str,
    ticket_id: uuid.UUID | None = None,
    outcome: str = "completed",
    note: str = "",
    to_group_code: str | None = None,
    to_counter_number: int | None = None,
    now: dt.datetime | None = None,
) -> ActionDone:
    """Do one counter action (call, recall, start, finish, no_show, transfer, hold, resume) and reload the panel."""
    queue = queue_for(ctx, actor=actor)
    if action == "call":
        return ActionDone(action, queue.call_next(counter_number=number, now=now),
                          counter_panel(ctx, actor=actor, number=number, now=now))
    if ticket_id is None:
        raise ValueError(f"counter action {action!r} needs a ticket")
    common = {"counter_number": number, "now": now}
    if action == "recall":
        ticket = queue.recall(ticket_id=ticket_id, **common)
    elif action == "start":
        ticket = queue.start_service(ticket_id=ticket_id, **common)
    elif action == "finish":
        ticket = queue.finish(ticket_id=ticket_id, outcome=outcome, note=note, **common)
    elif action == "no_show":
        ticket = queue.mark_no_show(ticket_id=ticket_id, **common)
    elif action == "transfer":
        ticket = queue.transfer(
            ticket_id=ticket_id, to_group_code=to_group_code, to_counter_number=to_counter_number, **common
        )
    elif action == "hold":
        ticket = queue.hold(ticket_id=ticket_id, **common)
    elif action == "resume":
        ticket = queue.resume(ticket_id=ticket_id, **common)
    else:
        raise ValueError(f"unknown counter action {action!r}")
    return ActionDone(action, ticket, counter_panel(ctx, actor=actor, number=number, now=now))


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


# --- set-up (administrator) ---------------------------------------------------------------------


@dataclass(frozen=True)
class QueueSetup:
    """Groups, counters, breaks, the catalogue's services and the board's running text."""

    groups: tuple  # GroupView
    counters: tuple  # CounterView
    breaks: tuple  # BreakView
    services: tuple  # ServiceChoice
    running_text: str


@dataclass(frozen=True)
class ServiceChoice:
    """A catalogue service and the group it is queued in (None: none)."""

    id: uuid.UUID
    annex_number: int
    title: str
    kbli: str
    group_code: str | None


def load_setup(ctx: AppContext, *, actor) -> QueueSetup:
    """Everything the set-up screen shows."""
    from sqlalchemy import select


    require(actor, Permission.MANAGE_QUEUE)
    with ctx.uow(write=False, actor=actor) as uow:
        rows = uow.session.execute(
            select(ServiceStandard.id, ServiceStandard.annex_number, ServiceStandard.title, ServiceStandard.kbli,
                   QueueGroup.code)
            .outerjoin(QueueGroup, QueueGroup.id == ServiceStandard.queue_group_id)
            .where(ServiceStandard.deleted_at.is_(None))
            .order_by(ServiceStandard.annex_number)
        ).all()
        return QueueSetup(
            groups=tuple(list_groups(uow)),
            counters=tuple(list_counters(uow)),
            breaks=tuple(list_breaks(uow)),
            services=tuple(ServiceChoice(*row) for row in rows),
            running_text=str(settings.get(uow, "display.running_text")),
        )


def _setup_write(ctx: AppContext, actor, fn) -> QueueSetup:
    with ctx.uow(actor=actor) as uow:
        fn(uow)
        uow.commit()
    return load_setup(ctx, actor=actor)


def save_group(
    ctx: AppContext,
    *,
    actor,
    code: str,
    name: str,
    open_text: str,
    close_text: str,
    daily_limit: int | None,
    active: bool,
    new: bool,
    service_ids: tuple[uuid.UUID, ...] | None = None,
) -> QueueSetup:
    """Create or change a group ("HH:MM" hours, "24:00" for midnight) and, if *service_ids* is given,
    make exactly those catalogue services its own."""
    from sqlalchemy import select


    open_time = setup.parse_time(open_text, field="open")
    close_time = setup.parse_time(close_text, field="close")

    def apply(uow: UnitOfWork):
        if new:
            setup.create_group(uow, code=code, name=name, open_time=open_time, close_time=close_time,
                               daily_limit=daily_limit)
            if not active:
                setup.update_group(uow, code=code, active=False)
        else:
            setup.update_group(uow, code=code, name=name, open_time=open_time, close_time=close_time,
                               daily_limit=daily_limit, active=active)
        if service_ids is not None:
            group = setup.get_group(uow.session, code)
            current = set(uow.session.scalars(
                select(ServiceStandard.id).where(ServiceStandard.queue_group_id == group.id,
                                                 ServiceStandard.deleted_at.is_(None))))
            wanted = set(service_ids)
            setup.assign_services(uow, group_code=code, service_ids=sorted(wanted - current, key=str))
            setup.unassign_services(uow, service_ids=sorted(current - wanted, key=str))

    return _setup_write(ctx, actor, apply)


def save_counter(
    ctx: AppContext, *, actor, number: int, name: str, group_codes: tuple[str, ...], active: bool, new: bool
) -> QueueSetup:
    """Create or change a counter and the groups it calls from."""
    def apply(uow: UnitOfWork):
        if new:
            setup.create_counter(uow, number=number, name=name, group_codes=list(group_codes))
            if not active:
                setup.update_counter(uow, number=number, active=False)
        else:
            setup.update_counter(uow, number=number, name=name, group_codes=list(group_codes), active=active)

    return _setup_write(ctx, actor, apply)


def _stored_break_id(uow: UnitOfWork, pause) -> uuid.UUID:
    """The row id of a break shown with id None (the built-in Friday default, not stored yet)."""
    if pause.id is not None:
        return pause.id
    # The default has no row until a break is first edited; storing the defaults gives it one.
    setup._materialise_default_breaks(uow.session)
    for stored in setup.list_breaks(uow):
        if stored.id is not None and (stored.weekday, stored.start_time, stored.end_time, stored.name) == (
                pause.weekday, pause.start_time, pause.end_time, pause.name):
            return stored.id
    raise LookupError("the default break was not stored")


def save_break(
    ctx: AppContext, *, actor, weekday: int, start_text: str, end_text: str, name: str, editing=None
) -> QueueSetup:
    """Add a weekly break ("HH:MM" times), or change *editing* (a BreakView, the built-in default too)."""
    start = setup.parse_time(start_text, field="start")
    end = setup.parse_time(end_text, field="end")

    def apply(uow: UnitOfWork):
        authorize(uow, actor, Permission.MANAGE_QUEUE)
        break_id = _stored_break_id(uow, editing) if editing is not None else None
        setup.set_break(uow, weekday=weekday, start=start, end=end, name=name, break_id=break_id)

    return _setup_write(ctx, actor, apply)


def remove_break(ctx: AppContext, *, actor, pause) -> QueueSetup:
    """Remove a weekly break (a BreakView, the built-in default too)."""
    def apply(uow: UnitOfWork):
        authorize(uow, actor, Permission.MANAGE_QUEUE)
        setup.remove_break(uow, break_id=_stored_break_id(uow, pause))

    return _setup_write(ctx, actor, apply)


def save_running_text(ctx: AppContext, *, actor, text: str) -> QueueSetup:
    """The running text line of the display board (an office setting, audited)."""
    return _setup_write(ctx, actor, lambda uow: settings.set(uow, key="display.running_text", value=text))


# --- statistics ---------------------------------------------------------------------------------


def daily_stats(ctx: AppContext, *, actor, date: dt.date):
    """One day's queue statistics (DailyStats) for the supervisor or the administrator."""
    require(actor, Permission.VIEW_REPORTS)
    return queue_for(ctx, actor=actor).daily_stats(date=date)
