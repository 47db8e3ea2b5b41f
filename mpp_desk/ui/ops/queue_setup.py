"""Queue set-up operations for the administrator's screen (groups, counters, breaks, the board's running text).

Run on the database thread: each change in one unit of work, returning the whole :class:`QueueSetup` again.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from mpp_desk import settings
from mpp_desk.context import AppContext
from mpp_desk.models import QueueGroup, ServiceStandard
from mpp_desk.queue import setup
from mpp_desk.queue.setup import list_breaks, list_counters, list_groups
from mpp_desk.roles import Permission, authorize, require

if TYPE_CHECKING:
    from mpp_desk.uow import UnitOfWork


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
