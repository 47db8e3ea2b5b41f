"""Queue use cases over a unit of work: issue, call, the counter's actions, and what screens read.

Who may: anyone may issue (the kiosk runs without a signed-in person); the counter's actions need
SERVE_QUEUE when the unit of work acts for a person (``uow.actor``); with no actor the system acts
(scripts, the CLI). Every function takes the unit of work and never commits; the caller (normally
:class:`mpp_desk.queue.backend.LocalQueue`) commits once per action. Writes must run in a write
unit of work: it starts with ``BEGIN IMMEDIATE``, so between reading "the next waiting ticket"
or "the highest number today" and writing the change, no other process can write. That is what
makes two counters pressing at the same instant get different tickets, and two kiosks different
numbers; the unique (group, service date, number) constraint backs it up.

Numbering and the clock. Numbers restart every day at midnight Asia/Jakarta and are
``max(number) + 1`` for the group and service date (the unique (group, date, number) constraint
backs it). The service date is the office's date by the clock of the moment, nothing else: one
ticket issued while a PC clock was ahead stays on its own (future) date and never moves everyone
else's day. A clock that went back (now earlier than a ticket already issued today or before), is
far ahead of the latest ticket, or left tickets dated in the future, gives a
:class:`~mpp_desk.queue.views.ClockWarning` (:func:`clock_warning`; on the issued ticket, logged,
and audited when a ticket is issued under it). Within a day, ``issued_at`` never goes backwards
(it is at least the group's previous ticket's time plus one microsecond), so a clock jump cannot
move a new ticket ahead of people already waiting.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import uuid
from typing import TYPE_CHECKING

from sqlalchemy import bindparam, func, or_, select, text, union_all
from sqlalchemy.orm import Session

from mpp_desk.i18n import N_
from mpp_desk.models import (
    Counter,
    CounterGroup,
    QueueEvent,
    QueueGroup,
    ServiceStandard,
    Ticket,
)
from mpp_desk.models.queue import WAITING_SQL
from mpp_desk.officetime import as_utc, local, local_date
from mpp_desk.queue import labels
from mpp_desk.queue.errors import (
    CounterBusy,
    InvalidTransition,
    QueueClosed,
    QueueNotFound,
)
from mpp_desk.queue.cache import CounterRules, GroupRules, Rules, current_rules
from mpp_desk.queue.rules import check_limit, check_open_at
from mpp_desk.queue.writes import RowWrites
from mpp_desk.queue.setup import (
    counter_view,
    get_counter,
    get_group,
)
from mpp_desk.queue.views import (
    BoardState,
    ClockWarning,
    CounterCall,
    CounterState,
    EventView,
    IssuedTicket,
    KioskGroupStatus,
    ServiceRef,
    TicketView,
)
from mpp_desk import audit
from mpp_desk.errors import UserError
from mpp_desk.roles import Permission, authorize

if TYPE_CHECKING:
    from mpp_desk.uow import UnitOfWork

log = logging.getLogger(__name__)

DEFAULT_SERVICE_TIME = dt.timedelta(minutes=5)  # estimate before anyone was served today
ONE_TICK = dt.timedelta(microseconds=1)
ACTIVE = (Ticket.CALLED, Ticket.SERVING)
WAITING = text(f"queue_ticket.{WAITING_SQL}")  # literal, so the partial indexes apply

# Which states each action accepts (docs/domain.md: waiting -> called -> serving -> done, or
# no-show / cancelled; a called ticket can be recalled and transferred).
ALLOWED_FROM = {
    "call": (Ticket.WAITING,),
    "recall": (Ticket.CALLED,),
    "no_show": (Ticket.CALLED,),
    "start": (Ticket.CALLED,),
    "finish": (Ticket.SERVING,),
    "transfer": (Ticket.CALLED, Ticket.SERVING, Ticket.HELD),
    "hold": (Ticket.CALLED, Ticket.SERVING),
    "resume": (Ticket.HELD,),
    "cancel": (Ticket.WAITING, Ticket.HELD),
}


# --- prebuilt statements of the hot paths -----------------------------------------------------
# Built once with bind parameters: constructing a SQL expression costs more Python time than
# SQLite takes to run it, and issue/call-next run a dozen of them per press.

_LATEST_SEQ = select(func.max(QueueEvent.seq))
_CLOCK_FIGURES = select(
    select(func.max(Ticket.issued_at)).scalar_subquery(),  # one seek on ix_queue_ticket_issued_at
    select(func.max(Ticket.service_date)).where(Ticket.service_date > bindparam("today")).scalar_subquery(),
)
_LAST_NUMBER = (
    select(Ticket.number, Ticket.issued_at)
    .where(Ticket.group_id == bindparam("group_id"), Ticket.service_date == bindparam("day"))
    .order_by(Ticket.number.desc())
    .limit(1)
)
_AHEAD_OF_PRIORITY = select(func.count()).where(
    WAITING,
    Ticket.route_group_id == bindparam("group_id"),
    Ticket.service_date == bindparam("day"),
    Ticket.id != bindparam("ticket_id"),
    Ticket.priority.is_(True),
    Ticket.issued_at < bindparam("issued_at"),
)
_AHEAD_OF_NORMAL = select(func.count()).where(
    WAITING,
    Ticket.route_group_id == bindparam("group_id"),
    Ticket.service_date == bindparam("day"),
    Ticket.id != bindparam("ticket_id"),
    or_(Ticket.priority.is_(True), Ticket.issued_at < bindparam("issued_at")),
)
_ACTIVE_AT_COUNTER = (
    select(Ticket.code, Ticket.status)
    .where(Ticket.counter_id == bindparam("counter_id"), Ticket.status.in_((Ticket.CALLED, Ticket.SERVING)))
    .limit(1)
)
_SERVICE_FIGURES = select(
    # today's average service time of the line, in seconds
    select(func.avg((func.julianday(Ticket.finished_at) - func.julianday(Ticket.served_started_at)) * 86400.0))
    .where(
        Ticket.service_date == bindparam("day"),
        Ticket.status == Ticket.DONE,
        Ticket.route_group_id == bindparam("group_id"),
        Ticket.served_started_at.is_not(None),
    )
    .scalar_subquery(),
    # counters that worked the line today
    select(func.count(func.distinct(Ticket.counter_id)))
    .where(
        Ticket.service_date == bindparam("day"),
        Ticket.status.in_((Ticket.CALLED, Ticket.SERVING, Ticket.HELD, Ticket.DONE, Ticket.NO_SHOW)),
        Ticket.route_group_id == bindparam("group_id"),
    )
    .scalar_subquery(),
    # counters assigned to the line
    select(func.count())
    .select_from(CounterGroup)
    .join(Counter, Counter.id == CounterGroup.counter_id)
    .where(
        CounterGroup.group_id == bindparam("group_id"),
        CounterGroup.deleted_at.is_(None),
        Counter.active.is_(True),
    )
    .scalar_subquery(),
)


@functools.lru_cache(maxsize=16)
def _heads_statement(groups: int):
    """Heads of a counter's lines, per priority class, as one UNION ALL of index seeks."""
    heads = []
    for priority in (True, False):
        for index in range(groups):
            heads.append(
                select(Ticket.priority, Ticket.issued_at, Ticket.id)
                .where(
                    WAITING,
                    Ticket.route_group_id == bindparam(f"group_{index}"),
                    Ticket.service_date == bindparam("day"),
                    Ticket.priority == priority,
                    or_(Ticket.target_counter_id.is_(None), Ticket.target_counter_id == bindparam("counter_id")),
                )
                .order_by(Ticket.issued_at)
                .limit(1)
                .subquery()
            )
        heads.append(
            select(Ticket.priority, Ticket.issued_at, Ticket.id)
            .where(
                WAITING,
                Ticket.target_counter_id == bindparam("counter_id"),
                Ticket.service_date == bindparam("day"),
                Ticket.priority == priority,
            )
            .order_by(Ticket.issued_at)
            .limit(1)
            .subquery()
        )
    return union_all(*(select(h) for h in heads))


# --- issuing --------------------------------------------------------------------------------


def issue_ticket(
    uow: UnitOfWork,
    *,
    group_code: str | None = None,
    service_id: uuid.UUID | None = None,
    priority: bool = False,
    priority_reason: str | None = None,
    now: dt.datetime | None = None,
) -> IssuedTicket:
    """Issue the next number of a group (or of the service's group), if the kiosk is open for it."""
    _require_write(uow)
    session = uow.session
    now = as_utc(now)
    rules = current_rules(uow)
    service = None
    if service_id is not None:
        service = session.get(ServiceStandard, service_id)
        if service is None or service.deleted_at is not None:
            raise QueueNotFound(N_("errors", "There is no service {id} in the catalogue."), id=str(service_id))
    group: GroupRules
    if group_code:
        group = rules.group(group_code)
        if service is not None and service.queue_group_id not in (None, group.id):
            raise QueueNotFound(
                N_("errors", "The service {title} is not in queue {code}."), title=service.title, code=group.code
            )
    elif service is not None and service.queue_group_id is not None:
        group = rules.groups_by_id[service.queue_group_id]  # a foreign key
    else:
        raise QueueNotFound(N_("errors", "Choose a queue group or a service."))
    if priority_reason is not None:
        if priority_reason not in labels.PRIORITY_REASONS:
            raise QueueNotFound(N_("errors", "Unknown priority reason {reason}."), reason=priority_reason)
        priority = True

    check_open(uow, group=group, now=now, rules=rules)
    service_date = current_service_date(session, now)
    warning = clock_warning(uow, now=now)
    last = session.connection().execute(_LAST_NUMBER, {"group_id": group.id, "day": service_date}).first()
    number = last.number + 1 if last else 1
    check_limit(code=group.code, limit=group.daily_limit, number=number)
    issued_at = max(now, last.issued_at + ONE_TICK) if last else now
    ticket = Ticket(
        id=uuid.uuid4(),
        group_id=group.id,
        route_group_id=group.id,
        service_id=service.id if service is not None else None,
        service_date=service_date,
        number=number,
        code=ticket_code(group.code, number),
        priority=bool(priority),
        priority_reason=priority_reason,
        status=Ticket.WAITING,
        issued_at=issued_at,
        printed=False,
    )
    writes = RowWrites(uow)
    writes.insert(ticket)
    writes.insert(_event(session, ticket, QueueEvent.ISSUED, rules=rules, at=issued_at))
    writes.flush()
    if warning is not None and warning.kind != "future_tickets":
        log.warning("ticket %s issued while the PC clock looks wrong: %s", ticket.code, warning.text("en"))
        audit.record(uow, action="queue.clock_jump", entity="queue_ticket", entity_id=ticket.id,
                     summary=f"{ticket.code} issued with the clock {warning.kind.replace('_', ' ')}",
                     details={"kind": warning.kind, "clock": now.isoformat(), **dict(warning.params)})
    ahead = _ahead(session, ticket)
    wait = estimate_wait(session, group=group, service_date=service_date, ahead=ahead)
    return IssuedTicket(ticket=ticket_view(session, ticket, rules), ahead=ahead, estimated_wait=wait, clock_warning=warning)


def ticket_code(prefix: str, number: int) -> str:
    """"A", 1 -> "A001" (four digits from 1000 on)."""
    return f"{prefix}{number:03d}"


def current_service_date(session: Session, now: dt.datetime) -> dt.date:
    """Today's service date: the office's date by the clock of the moment (see the module doc)."""
    return local_date(now)


CLOCK_AHEAD_LIMIT = dt.timedelta(days=45)  # longer than any closure (Lebaran leave included)
CLOCK_SLACK = dt.timedelta(minutes=5)  # two PCs' clocks may differ a little

CLOCK_BEHIND = N_("queue", "The PC clock ({clock}) is earlier than a ticket already issued ({latest}): "
                           "the clock went back. Please ask IT staff to check the clock.")
CLOCK_FAR_AHEAD = N_("queue", "The PC clock ({clock}) is far ahead of the latest ticket ({latest}). "
                              "Please ask IT staff to check the clock.")
CLOCK_FUTURE_TICKETS = N_("queue", "There are tickets dated {date}, later than today: the PC clock was ahead when "
                                   "they were issued. Please ask IT staff to check the clock.")


def clock_warning(uow: UnitOfWork, *, now: dt.datetime | None = None) -> ClockWarning | None:
    """Whether the PC clock looks wrong at *now*, judged against the tickets already issued."""
    session = uow.session
    now = as_utc(now)
    today = local_date(now)
    latest, future = session.connection().execute(_CLOCK_FIGURES, {"today": today}).one()
    if latest is not None:
        latest = as_utc(_aware(latest))
        times = (("clock", _when(now)), ("latest", _when(latest)))
        if latest - CLOCK_AHEAD_LIMIT <= now < latest - CLOCK_SLACK:
            return ClockWarning("behind", CLOCK_BEHIND, times)
        if now > latest + CLOCK_AHEAD_LIMIT:
            return ClockWarning("far_ahead", CLOCK_FAR_AHEAD, times)
    if future is not None:  # tickets left by a clock that was (far) ahead
        return ClockWarning("future_tickets", CLOCK_FUTURE_TICKETS, (("date", future.isoformat()),))
    return None


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.timezone.utc)


def _when(moment: dt.datetime) -> str:
    return local(moment).strftime("%Y-%m-%d %H:%M WIB")


def check_open(
    uow: UnitOfWork, *, group: QueueGroup | GroupRules, now: dt.datetime | None = None, rules: Rules | None = None
) -> None:
    """Raise QueueClosed with the reason when the kiosk may not issue for *group* at *now* (the one rule,
    :func:`mpp_desk.queue.rules.check_open_at`, that the central server applies too)."""
    rules = rules or current_rules(uow)  # this process's copy of the calendar and breaks
    check_open_at(code=group.code, name=group.name, active=group.active, open_time=group.open_time,
                  close_time=group.close_time, calendar=rules.calendar, breaks=rules.breaks, now=as_utc(now))


def kiosk_status(uow: UnitOfWork, *, now: dt.datetime | None = None) -> list[KioskGroupStatus]:
    """Each active group for the kiosk's buttons: open or not (with the reason), people waiting, services."""
    session = uow.session
    now = as_utc(now)
    counts = waiting_counts(uow, now=now)
    result = []
    groups = session.scalars(
        select(QueueGroup)
        .where(QueueGroup.deleted_at.is_(None), QueueGroup.active.is_(True))
        .order_by(QueueGroup.position, QueueGroup.code)
    ).all()
    service_date = current_service_date(session, now)
    for group in groups:
        reason = None
        try:
            check_open(uow, group=group, now=now)
            if group.daily_limit is not None:
                check_limit(code=group.code, limit=group.daily_limit,
                            number=_issued_count(session, group, service_date) + 1)
        except UserError as exc:
            reason = exc.text()
        services = session.execute(
            select(ServiceStandard.id, ServiceStandard.title, ServiceStandard.kbli)
            .where(ServiceStandard.queue_group_id == group.id, ServiceStandard.deleted_at.is_(None))
            .order_by(ServiceStandard.title)
        ).all()
        result.append(
            KioskGroupStatus(
                code=group.code,
                name=group.name,
                open=reason is None,
                waiting=counts.get(group.code, 0),
                reason=reason,
                services=tuple(ServiceRef(s.id, s.title, s.kbli) for s in services),
            )
        )
    return result


def estimate_wait(session: Session, *, group: QueueGroup | GroupRules, service_date: dt.date, ahead: int) -> dt.timedelta:
    """People ahead x today's average service time of the group / counters working the group today."""
    if ahead <= 0:
        return dt.timedelta(0)
    seconds, servers, counters = (
        session.connection().execute(_SERVICE_FIGURES, {"day": service_date, "group_id": group.id}).one()
    )
    # julianday arithmetic carries float noise: whole seconds are plenty for an estimate
    per_person = dt.timedelta(seconds=round(seconds)) if seconds and seconds >= 1 else DEFAULT_SERVICE_TIME
    servers = servers or counters or 1
    return dt.timedelta(seconds=round((per_person * ahead / servers).total_seconds()))


# --- the counter ----------------------------------------------------------------------------


def call_next(uow: UnitOfWork, *, counter_number: int, now: dt.datetime | None = None) -> TicketView | None:
    """Call the next ticket for a counter: priority first, then original issue time; None if nobody waits."""
    _require_write(uow)
    _may_serve(uow)
    session = uow.session
    now = as_utc(now)
    rules = current_rules(uow)
    counter = _active_counter(rules, counter_number)
    _ensure_free(session, counter)
    service_date = current_service_date(session, now)
    ticket_id = _next_waiting(session, rules.counter_groups.get(counter.id, ()), counter, service_date)
    if ticket_id is None:
        return None
    ticket = session.get(Ticket, ticket_id)
    assert ticket is not None, "the ticket was read in this transaction"
    # BEGIN IMMEDIATE holds the write lock since the unit of work began: nobody else can have
    # called this ticket between the read above and this write. Checked anyway.
    _check_state(ticket, "call")
    changes = dict(status=Ticket.CALLED, counter_id=counter.id, target_counter_id=None, called_at=now,
                   first_called_at=ticket.first_called_at or now)
    _write(uow, ticket, changes, QueueEvent.CALLED, counter=counter, at=now, rules=rules)
    return ticket_view(session, ticket, rules)


def _next_waiting(
    session: Session, group_ids: tuple[uuid.UUID, ...], counter: CounterRules, service_date: dt.date
) -> uuid.UUID | None:
    """The ticket call-next takes: one statement of index seeks (head of each line, per priority class)."""
    params = {"day": service_date, "counter_id": counter.id, **{f"group_{i}": g for i, g in enumerate(group_ids)}}
    rows = [tuple(r) for r in session.connection().execute(_heads_statement(len(group_ids)), params).all()]
    if not rows:
        return None
    # priority first, then the original issue time (ties: the id, so the choice is stable)
    return min(rows, key=lambda r: (not r[0], r[1], str(r[2])))[2]


def recall(uow: UnitOfWork, *, ticket_id: uuid.UUID, counter_number: int, now: dt.datetime | None = None) -> TicketView:
    """Announce a called ticket again."""
    session, ticket, counter, now, rules = _own(uow, ticket_id, counter_number, "recall", now)
    changes = dict(recall_count=ticket.recall_count + 1, called_at=now)
    _write(uow, ticket, changes, QueueEvent.RECALLED, counter=counter, at=now, rules=rules)
    return ticket_view(session, ticket, rules)


def mark_no_show(uow: UnitOfWork, *, ticket_id: uuid.UUID, counter_number: int, now: dt.datetime | None = None) -> TicketView:
    """The called visitor did not come."""
    session, ticket, counter, now, rules = _own(uow, ticket_id, counter_number, "no_show", now)
    changes = dict(status=Ticket.NO_SHOW, finished_at=now)
    _write(uow, ticket, changes, QueueEvent.NO_SHOW, counter=counter, at=now, rules=rules)
    return ticket_view(session, ticket, rules)


def start_service(uow: UnitOfWork, *, ticket_id: uuid.UUID, counter_number: int, now: dt.datetime | None = None) -> TicketView:
    """The called visitor is at the counter: service starts."""
    session, ticket, counter, now, rules = _own(uow, ticket_id, counter_number, "start", now)
    changes = dict(status=Ticket.SERVING, served_started_at=now)
    _write(uow, ticket, changes, QueueEvent.STARTED, counter=counter, at=now, rules=rules)
    return ticket_view(session, ticket, rules)


def finish(
    uow: UnitOfWork,
    *,
    ticket_id: uuid.UUID,
    counter_number: int,
    outcome: str = "completed",
    note: str = "",
    now: dt.datetime | None = None,
) -> TicketView:
    """Service ends with an outcome (one of labels.OUTCOMES)."""
    if outcome not in labels.OUTCOMES:
        raise QueueNotFound(N_("errors", "Unknown outcome {outcome}."), outcome=outcome)
    session, ticket, counter, now, rules = _own(uow, ticket_id, counter_number, "finish", now)
    changes = dict(status=Ticket.DONE, finished_at=now, outcome=outcome, note=(note or "").strip())
    _write(uow, ticket, changes, QueueEvent.FINISHED, counter=counter, at=now, detail=outcome, rules=rules)
    return ticket_view(session, ticket, rules)


def transfer(
    uow: UnitOfWork,
    *,
    ticket_id: uuid.UUID,
    counter_number: int,
    to_group_code: str | None = None,
    to_counter_number: int | None = None,
    now: dt.datetime | None = None,
) -> TicketView:
    """Send a ticket to another group's line or to one counter; it keeps its number and issue time."""
    if to_group_code is None and to_counter_number is None:
        raise QueueNotFound(N_("errors", "Choose the queue group or the counter to transfer to."))
    session, ticket, counter, now, rules = _own(uow, ticket_id, counter_number, "transfer", now)
    target_group = rules.group(to_group_code) if to_group_code else None
    target_counter = _active_counter(rules, to_counter_number) if to_counter_number is not None else None
    if target_counter is not None and target_counter.id == counter.id:
        raise InvalidTransition(
            N_("errors", "Ticket {code} is already at counter {number}."), code=ticket.code, number=counter.number
        )
    changes = dict(
        transferred_from_group_id=ticket.route_group_id,
        transferred_from_counter_id=counter.id,
        transferred_at=now,
        transfer_count=ticket.transfer_count + 1,
        route_group_id=target_group.id if target_group is not None else ticket.route_group_id,
        target_counter_id=target_counter.id if target_counter is not None else None,
        status=Ticket.WAITING,
        counter_id=None,
        served_started_at=None,
    )
    detail = ",".join(
        part
        for part in (
            f"group={target_group.code}" if target_group is not None else "",
            f"counter={target_counter.number}" if target_counter is not None else "",
        )
        if part
    )
    _write(uow, ticket, changes, QueueEvent.TRANSFERRED, counter=counter, at=now, detail=detail, rules=rules)
    return ticket_view(session, ticket, rules)


def hold(uow: UnitOfWork, *, ticket_id: uuid.UUID, counter_number: int, now: dt.datetime | None = None) -> TicketView:
    """Set a ticket aside at this counter (the visitor fetches a document) and free the counter."""
    session, ticket, counter, now, rules = _own(uow, ticket_id, counter_number, "hold", now)
    _write(uow, ticket, dict(status=Ticket.HELD), QueueEvent.HELD, counter=counter, at=now, rules=rules)
    return ticket_view(session, ticket, rules)


def resume(uow: UnitOfWork, *, ticket_id: uuid.UUID, counter_number: int, now: dt.datetime | None = None) -> TicketView:
    """Serve a held ticket again, at this counter (which must be free)."""
    _require_write(uow)
    _may_serve(uow)
    session = uow.session
    now = as_utc(now)
    rules = current_rules(uow)
    ticket = _ticket(session, ticket_id)
    counter = _active_counter(rules, counter_number)
    _check_state(ticket, "resume")
    _ensure_free(session, counter)
    changes = dict(status=Ticket.SERVING, counter_id=counter.id, served_started_at=ticket.served_started_at or now)
    _write(uow, ticket, changes, QueueEvent.RESUMED, counter=counter, at=now, rules=rules)
    return ticket_view(session, ticket, rules)


def cancel(uow: UnitOfWork, *, ticket_id: uuid.UUID, now: dt.datetime | None = None) -> TicketView:
    """Cancel a waiting or held ticket (the visitor left)."""
    _require_write(uow)
    _may_serve(uow)
    session = uow.session
    now = as_utc(now)
    ticket = _ticket(session, ticket_id)
    _check_state(ticket, "cancel")
    rules = current_rules(uow)
    counter = rules.counters_by_id[ticket.counter_id] if ticket.counter_id else None
    changes = dict(status=Ticket.CANCELLED, finished_at=now)
    _write(uow, ticket, changes, QueueEvent.CANCELLED, counter=counter, at=now, rules=rules)
    return ticket_view(session, ticket, rules)


# --- printing bookkeeping -------------------------------------------------------------------


def reprint_candidates(uow: UnitOfWork, *, now: dt.datetime | None = None) -> list[TicketView]:
    """Today's tickets whose slip never printed and that still wait or are in progress."""
    session = uow.session
    service_date = current_service_date(session, as_utc(now))
    tickets = session.scalars(
        select(Ticket)
        .where(
            Ticket.service_date == service_date,
            Ticket.status.in_((Ticket.WAITING, Ticket.CALLED, Ticket.SERVING, Ticket.HELD)),
            Ticket.printed.is_(False),
        )
        .order_by(Ticket.issued_at)
    ).all()
    return [ticket_view(session, t) for t in tickets]


def mark_printed(uow: UnitOfWork, *, ticket_id: uuid.UUID) -> TicketView:
    """Record that the ticket's slip came out of the printer."""
    _require_write(uow)
    session = uow.session
    ticket = _ticket(session, ticket_id)
    if not ticket.printed:
        writes = RowWrites(uow)
        writes.update(ticket, printed=True)
        writes.flush()
    return ticket_view(session, ticket)


# --- reading --------------------------------------------------------------------------------


def get_ticket(uow: UnitOfWork, *, ticket_id: uuid.UUID) -> TicketView:
    """One ticket by id."""
    return ticket_view(uow.session, _ticket(uow.session, ticket_id))


def find_ticket(uow: UnitOfWork, *, code: str, service_date: dt.date | None = None, now: dt.datetime | None = None) -> TicketView:
    """One ticket by its code on a service date (default: today)."""
    session = uow.session
    service_date = service_date or current_service_date(session, as_utc(now))
    ticket = session.scalar(
        select(Ticket).where(Ticket.code == (code or "").strip().upper(), Ticket.service_date == service_date)
    )
    if ticket is None:
        raise QueueNotFound(N_("errors", "There is no ticket {code} on {day}."), code=code, day=service_date.isoformat())
    return ticket_view(session, ticket)


def waiting_list(uow: UnitOfWork, *, group_code: str, now: dt.datetime | None = None) -> list[TicketView]:
    """A group's waiting tickets in the order they will be called."""
    session = uow.session
    group = get_group(session, group_code)
    service_date = current_service_date(session, as_utc(now))
    tickets = session.scalars(
        select(Ticket)
        .where(WAITING, Ticket.route_group_id == group.id, Ticket.service_date == service_date)
        .order_by(Ticket.priority.desc(), Ticket.issued_at)
    ).all()
    return [ticket_view(session, t) for t in tickets]


def waiting_counts(uow: UnitOfWork, *, now: dt.datetime | None = None) -> dict[str, int]:
    """People waiting today per group code (every live group, zeros included), in kiosk order."""
    session = uow.session
    service_date = current_service_date(session, as_utc(now))
    counts = dict(
        session.execute(
            select(Ticket.route_group_id, func.count())
            .where(WAITING, Ticket.service_date == service_date)
            .group_by(Ticket.route_group_id)
        ).all()
    )
    groups = session.execute(
        select(QueueGroup.id, QueueGroup.code)
        .where(QueueGroup.deleted_at.is_(None))
        .order_by(QueueGroup.position, QueueGroup.code)
    ).all()
    return {g.code: counts.get(g.id, 0) for g in groups}


def events_since(uow: UnitOfWork, *, after_seq: int = 0, limit: int = 100) -> list[EventView]:
    """Events after *after_seq*, oldest first (the display polls this; one index range scan)."""
    rows = uow.session.execute(
        select(
            QueueEvent.seq,
            QueueEvent.type,
            QueueEvent.ticket_id,
            QueueEvent.ticket_code,
            QueueEvent.group_code,
            QueueEvent.counter_number,
            QueueEvent.at,
            QueueEvent.detail,
        )
        .where(QueueEvent.seq > after_seq)
        .order_by(QueueEvent.seq)
        .limit(limit)
    ).all()
    return [EventView(*row) for row in rows]


def latest_seq(uow: UnitOfWork) -> int:
    """The newest event's sequence number (0 when there is none)."""
    return uow.session.scalar(select(func.max(QueueEvent.seq))) or 0


def board_state(uow: UnitOfWork, *, last_calls: int = 8, now: dt.datetime | None = None) -> BoardState:
    """The display board: who is called or served at each counter, the latest calls, people waiting."""
    session = uow.session
    now = as_utc(now)
    service_date = current_service_date(session, now)
    active = session.execute(
        select(Counter.number, Counter.name, Ticket.code, Ticket.status, Ticket.called_at)
        .join(Counter, Counter.id == Ticket.counter_id)
        .where(Ticket.service_date == service_date, Ticket.status.in_(ACTIVE))
        .order_by(Counter.number)
    ).all()
    calls = session.execute(
        select(
            QueueEvent.seq,
            QueueEvent.type,
            QueueEvent.ticket_id,
            QueueEvent.ticket_code,
            QueueEvent.group_code,
            QueueEvent.counter_number,
            QueueEvent.at,
            QueueEvent.detail,
        )
        .where(QueueEvent.type.in_((QueueEvent.CALLED, QueueEvent.RECALLED)), QueueEvent.service_date == service_date)
        .order_by(QueueEvent.seq.desc())
        .limit(last_calls)
    ).all()
    return BoardState(
        now_serving=tuple(CounterCall(*row) for row in active),
        last_calls=tuple(EventView(*row) for row in calls),
        waiting=waiting_counts(uow, now=now),
        last_seq=latest_seq(uow),
        service_date=service_date,
    )


def counter_state(uow: UnitOfWork, *, counter_number: int, now: dt.datetime | None = None) -> CounterState:
    """A counter's current ticket, its held tickets and the waiting counts of its groups."""
    session = uow.session
    now = as_utc(now)
    counter = get_counter(session, counter_number)
    mine = session.scalars(
        select(Ticket)
        .where(Ticket.counter_id == counter.id, Ticket.status.in_((*ACTIVE, Ticket.HELD)))
        .order_by(Ticket.issued_at)
    ).all()
    current = next((t for t in mine if t.status in ACTIVE), None)
    view = counter_view(session, counter)
    counts = waiting_counts(uow, now=now)
    return CounterState(
        counter=view,
        current=ticket_view(session, current) if current is not None else None,
        held=tuple(ticket_view(session, t) for t in mine if t.status == Ticket.HELD),
        waiting={code: counts.get(code, 0) for code in view.group_codes},
    )


def ticket_view(session: Session, ticket: Ticket, rules: Rules | None = None) -> TicketView:
    """The plain-value view of a ticket row (groups and counters from *rules* when given)."""
    group: QueueGroup | GroupRules | None
    route: QueueGroup | GroupRules | None
    counter: Counter | CounterRules | None
    target: Counter | CounterRules | None
    if rules is not None:
        group, route = rules.groups_by_id[ticket.group_id], rules.groups_by_id[ticket.route_group_id]
        counter = rules.counters_by_id[ticket.counter_id] if ticket.counter_id else None
        target = rules.counters_by_id[ticket.target_counter_id] if ticket.target_counter_id else None
    else:
        group = session.get(QueueGroup, ticket.group_id)
        route = group if ticket.route_group_id == ticket.group_id else session.get(QueueGroup, ticket.route_group_id)
        counter = session.get(Counter, ticket.counter_id) if ticket.counter_id else None
        target = session.get(Counter, ticket.target_counter_id) if ticket.target_counter_id else None
    assert group is not None and route is not None, "a ticket's groups are foreign keys"
    service = session.get(ServiceStandard, ticket.service_id) if ticket.service_id else None
    return TicketView(
        id=ticket.id,
        code=ticket.code,
        number=ticket.number,
        group_code=group.code,
        group_name=group.name,
        route_group_code=route.code,
        service_id=ticket.service_id,
        service_title=service.title if service is not None else None,
        service_date=ticket.service_date,
        status=ticket.status,
        priority=ticket.priority,
        priority_reason=ticket.priority_reason,
        issued_at=ticket.issued_at,
        called_at=ticket.called_at,
        counter_number=counter.number if counter is not None else None,
        target_counter_number=target.number if target is not None else None,
        served_started_at=ticket.served_started_at,
        finished_at=ticket.finished_at,
        outcome=ticket.outcome,
        printed=ticket.printed,
        recall_count=ticket.recall_count,
        transfer_count=ticket.transfer_count,
    )


# --- internals ------------------------------------------------------------------------------


def _require_write(uow: UnitOfWork) -> None:
    if not getattr(uow, "write", True):
        raise RuntimeError("queue writes need a write unit of work (BEGIN IMMEDIATE)")


def _may_serve(uow: UnitOfWork) -> None:
    """Counter actions need SERVE_QUEUE when a person acts; with no actor the system (a script) acts."""
    actor = getattr(uow, "actor", None)
    if actor is not None:
        authorize(uow, actor, Permission.SERVE_QUEUE)


def _ticket(session: Session, ticket_id: uuid.UUID) -> Ticket:
    ticket = session.get(Ticket, ticket_id)
    if ticket is None or ticket.deleted_at is not None:
        raise QueueNotFound(N_("errors", "There is no such ticket."))
    return ticket


def _active_counter(rules: Rules, number: int) -> CounterRules:
    counter = rules.counter(number)
    if not counter.active:
        raise QueueClosed(N_("errors", "Counter {number} is not active."), number=counter.number)
    return counter


def _own(uow: UnitOfWork, ticket_id, counter_number, action, now):
    """Load a ticket for an action by the counter that holds it; check state and ownership."""
    _require_write(uow)
    _may_serve(uow)
    session = uow.session
    rules = current_rules(uow)
    ticket = _ticket(session, ticket_id)
    counter = rules.counter(counter_number)
    _check_state(ticket, action)
    if ticket.counter_id != counter.id:
        other = rules.counters_by_id.get(ticket.counter_id) if ticket.counter_id else None
        raise InvalidTransition(
            N_("errors", "Ticket {code} is at counter {other}, not at counter {number}."),
            code=ticket.code,
            other=other.number if other is not None else "-",
            number=counter.number,
        )
    return session, ticket, counter, as_utc(now), rules


def _check_state(ticket: Ticket, action: str) -> None:
    if ticket.status not in ALLOWED_FROM[action]:
        raise InvalidTransition(
            N_("errors", "Ticket {code} is {status}; it cannot be {action}."),
            code=ticket.code,
            status=labels.label(labels.STATUS_LABELS, ticket.status),
            action=labels.label(labels.ACTION_LABELS, action),
        )


def _ensure_free(session: Session, counter: CounterRules) -> None:
    current = session.connection().execute(_ACTIVE_AT_COUNTER, {"counter_id": counter.id}).first()
    if current is not None:
        raise CounterBusy(
            N_(
                "errors",
                "Counter {number} still has ticket {code} ({status}). Finish it, mark it absent, hold or transfer it first.",
            ),
            number=counter.number,
            code=current.code,
            status=labels.label(labels.STATUS_LABELS, current.status),
        )


def _ahead(session: Session, ticket: Ticket) -> int:
    """Waiting tickets of the same line that will be called before *ticket* (which is flushed)."""
    statement = _AHEAD_OF_PRIORITY if ticket.priority else _AHEAD_OF_NORMAL
    params = {
        "group_id": ticket.route_group_id,
        "day": ticket.service_date,
        "ticket_id": ticket.id,
        "issued_at": ticket.issued_at,
    }
    count = session.connection().scalar(statement, params)
    assert count is not None, "a count query returns a row"
    return count


def _issued_count(session: Session, group: QueueGroup, service_date: dt.date) -> int:
    return session.scalar(
        select(func.max(Ticket.number)).where(Ticket.group_id == group.id, Ticket.service_date == service_date)
    ) or 0


def _event(
    session: Session,
    ticket: Ticket,
    kind: str,
    *,
    at: dt.datetime,
    rules: Rules,
    counter: CounterRules | None = None,
    detail: str = "",
) -> QueueEvent:
    """The event row of an action (written by the caller's RowWrites, right after the ticket's row)."""
    # seq = max + 1 under the write lock; the unique index makes both the max and a clash cheap.
    seq = (session.connection().scalar(_LATEST_SEQ) or 0) + 1
    group = rules.groups_by_id[ticket.route_group_id]  # a foreign key
    return QueueEvent(
        id=uuid.uuid4(),
        seq=seq,
        type=kind,
        ticket_id=ticket.id,
        ticket_code=ticket.code,
        group_code=group.code,
        counter_number=counter.number if counter is not None else None,
        service_date=ticket.service_date,
        at=at,
        detail=detail,
    )


def _write(
    uow: UnitOfWork,
    ticket: Ticket,
    changes: dict,
    kind: str,
    *,
    at: dt.datetime,
    rules: Rules,
    counter: CounterRules | None = None,
    detail: str = "",
) -> None:
    """A counter action's writes: the ticket's changes and its event, with their outbox rows, in one batch."""
    writes = RowWrites(uow)
    writes.update(ticket, **changes)
    writes.insert(_event(uow.session, ticket, kind, rules=rules, counter=counter, at=at, detail=detail))
    writes.flush()
