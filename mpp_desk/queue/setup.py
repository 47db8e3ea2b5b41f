"""Queue set-up by the administrator: groups, counters, which services each group takes, breaks.

Every change needs the MANAGE_QUEUE permission (``uow.actor``) and is written to the audit trail.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from mpp_desk import audit
from mpp_desk.i18n import N_
from mpp_desk.limits import check_text
from mpp_desk.models import (
    Counter,
    CounterGroup,
    QueueBreak,
    QueueGroup,
    ServiceStandard,
)
from mpp_desk.queue.errors import QueueNotFound, QueueSetupError
from mpp_desk.queue.views import BreakView, CounterView, GroupView, ServiceRef
from mpp_desk.roles import Permission, authorize
from mpp_desk.uow import soft_delete

if TYPE_CHECKING:
    from mpp_desk.uow import UnitOfWork

GROUP_CODE = re.compile(r"^[A-Z]{1,3}$")
MAX_COUNTER_NUMBER = 999
MAX_DAILY_LIMIT = 9999  # tickets per group and day (numbers have at most four digits)
MAX_POSITION = 999  # place on the kiosk
DEFAULT_OPEN = dt.time(8, 0)
DEFAULT_CLOSE = dt.time(15, 0)
# Issuing pauses for the Friday prayer unless the administrator changes or removes this break.
DEFAULT_BREAKS = ((4, dt.time(11, 30), dt.time(13, 0), "Istirahat salat Jumat"),)

_UNCHANGED: object = object()


# --- parsing (shared with the CLI and the set-up screens) -------------------------------------


def parse_time(text: str, *, field: str = "time") -> dt.time:
    """"08:00" -> time(8, 0); a clear error otherwise."""
    match = re.fullmatch(r"\s*(\d{1,2})[:.](\d{2})\s*", text or "")
    if match:
        hour, minute = int(match.group(1)), int(match.group(2))
        if hour < 24 and minute < 60:
            return dt.time(hour, minute)
        if hour == 24 and minute == 0:
            return dt.time.max  # "24:00": open until midnight
    raise QueueSetupError(N_("errors", "Write the time as HH:MM, for example 08:00."), field=field)


def parse_group_codes(text: str) -> list[str]:
    """"A,B" -> ["A", "B"]."""
    return [part.strip().upper() for part in (text or "").split(",") if part.strip()]


# --- groups ---------------------------------------------------------------------------------


def create_group(
    uow: UnitOfWork,
    *,
    code: str,
    name: str,
    open_time: dt.time | None = None,
    close_time: dt.time | None = None,
    daily_limit: int | None = None,
    position: int | None = None,
) -> GroupView:
    """Create a queue group; its code is the ticket prefix."""
    authorize(uow, uow.actor, Permission.MANAGE_QUEUE)
    session = uow.session
    code = _check_code(code)
    if session.scalar(select(QueueGroup).where(QueueGroup.code == code)) is not None:
        raise QueueSetupError(N_("errors", "Queue group {code} already exists."), field="code", code=code)
    open_time = open_time or DEFAULT_OPEN
    close_time = close_time or DEFAULT_CLOSE
    _check_hours(open_time, close_time)
    if position is None:
        position = min((session.scalar(select(func.max(QueueGroup.position))) or 0) + 1, MAX_POSITION)
    group = QueueGroup(
        id=uuid.uuid4(),
        code=code,
        name=_check_name(name),
        open_time=open_time,
        close_time=close_time,
        daily_limit=_check_limit(daily_limit),
        active=True,
        position=_check_position(position),
    )
    session.add(group)
    audit.record_row(uow, action="queue.group_created", row=group, summary=code)
    session.flush()
    return group_view(session, group)


def update_group(
    uow: UnitOfWork,
    *,
    code: str,
    name: str | None = None,
    open_time: dt.time | None = None,
    close_time: dt.time | None = None,
    daily_limit: int | None | object = _UNCHANGED,
    active: bool | None = None,
    position: int | None = None,
) -> GroupView:
    """Change a group; arguments left out stay as they are (``daily_limit=None`` removes the limit)."""
    authorize(uow, uow.actor, Permission.MANAGE_QUEUE)
    session = uow.session
    group = get_group(session, code)
    if name is not None:
        group.name = _check_name(name)
    new_open = open_time or group.open_time
    new_close = close_time or group.close_time
    _check_hours(new_open, new_close)
    group.open_time, group.close_time = new_open, new_close
    if daily_limit is not _UNCHANGED:
        group.daily_limit = _check_limit(daily_limit)  # type: ignore[arg-type]
    if active is not None:
        group.active = bool(active)
    if position is not None:
        group.position = _check_position(position)
    if session.is_modified(group):
        audit.record_row(uow, action="queue.group_updated", row=group, summary=group.code)
    session.flush()
    return group_view(session, group)


def list_groups(uow: UnitOfWork) -> list[GroupView]:
    """Every group in kiosk order, with its counters and services."""
    session = uow.session
    groups = session.scalars(
        select(QueueGroup).where(QueueGroup.deleted_at.is_(None)).order_by(QueueGroup.position, QueueGroup.code)
    ).all()
    return [group_view(session, g) for g in groups]


def assign_services(uow: UnitOfWork, *, group_code: str, service_ids: Iterable[uuid.UUID]) -> int:
    """Put catalogue services in a group's line (moving them from any other); returns how many changed."""
    authorize(uow, uow.actor, Permission.MANAGE_QUEUE)
    session = uow.session
    group = get_group(session, group_code)
    changed = 0
    for service_id in service_ids:
        service = session.get(ServiceStandard, service_id)
        if service is None or service.deleted_at is not None:
            raise QueueNotFound(N_("errors", "There is no service {id} in the catalogue."), id=str(service_id))
        if service.queue_group_id != group.id:
            service.queue_group_id = group.id
            audit.record_row(uow, action="queue.service_assigned", row=service, summary=group.code)
            changed += 1
    session.flush()
    return changed


def unassign_services(uow: UnitOfWork, *, service_ids: Iterable[uuid.UUID]) -> int:
    """Take services out of any queue group; returns how many changed."""
    authorize(uow, uow.actor, Permission.MANAGE_QUEUE)
    session = uow.session
    changed = 0
    for service_id in service_ids:
        service = session.get(ServiceStandard, service_id)
        if service is not None and service.queue_group_id is not None:
            service.queue_group_id = None
            audit.record_row(uow, action="queue.service_unassigned", row=service)
            changed += 1
    session.flush()
    return changed


# --- counters -------------------------------------------------------------------------------


def create_counter(uow: UnitOfWork, *, number: int, name: str, group_codes: Sequence[str]) -> CounterView:
    """Create a counter (loket) that calls from the given groups."""
    authorize(uow, uow.actor, Permission.MANAGE_QUEUE)
    session = uow.session
    number = _check_counter_number(number)
    if session.scalar(select(Counter).where(Counter.number == number)) is not None:
        raise QueueSetupError(N_("errors", "Counter {number} already exists."), field="number", number=number)
    name = _check_name(name, "counter_name")
    _wanted_groups(session, group_codes)  # refuse before anything is added to the session
    counter = Counter(id=uuid.uuid4(), number=number, name=name, active=True)
    session.add(counter)
    _set_counter_groups(session, counter, group_codes)
    audit.record_row(
        uow, action="queue.counter_created", row=counter, summary=str(number), details={"groups": list(group_codes)}
    )
    session.flush()
    return counter_view(session, counter)


def update_counter(
    uow: UnitOfWork,
    *,
    number: int,
    name: str | None = None,
    group_codes: Sequence[str] | None = None,
    active: bool | None = None,
) -> CounterView:
    """Change a counter; arguments left out stay as they are."""
    authorize(uow, uow.actor, Permission.MANAGE_QUEUE)
    session = uow.session
    counter = get_counter(session, number)
    if name is not None:
        counter.name = _check_name(name, "counter_name")
    if active is not None:
        counter.active = bool(active)
    if group_codes is not None:
        _set_counter_groups(session, counter, group_codes)
    audit.record_row(
        uow,
        action="queue.counter_updated",
        row=counter,
        summary=str(counter.number),
        details={"groups": list(group_codes)} if group_codes is not None else None,
    )
    session.flush()
    return counter_view(session, counter)


def list_counters(uow: UnitOfWork) -> list[CounterView]:
    """Every counter by number, with its groups."""
    session = uow.session
    counters = session.scalars(select(Counter).where(Counter.deleted_at.is_(None)).order_by(Counter.number)).all()
    return [counter_view(session, c) for c in counters]


def _wanted_groups(session: Session, group_codes: Sequence[str]) -> set[uuid.UUID]:
    wanted = {get_group(session, code).id for code in group_codes}
    if not wanted:
        raise QueueSetupError(N_("errors", "A counter must serve at least one queue group."), field="groups")
    return wanted


def _set_counter_groups(session: Session, counter: Counter, group_codes: Sequence[str]) -> None:
    wanted = _wanted_groups(session, group_codes)
    rows = {r.group_id: r for r in session.scalars(select(CounterGroup).where(CounterGroup.counter_id == counter.id))}
    for group_id, row in rows.items():
        if group_id in wanted and row.deleted_at is not None:
            row.deleted_at = None  # add back: revive the tombstone (the pair is unique)
        elif group_id not in wanted and row.deleted_at is None:
            soft_delete(row)
    for group_id in wanted - rows.keys():
        session.add(CounterGroup(id=uuid.uuid4(), counter_id=counter.id, group_id=group_id))


# --- breaks ---------------------------------------------------------------------------------


def list_breaks(uow: UnitOfWork) -> list[BreakView]:
    """The weekly breaks in force (the default Friday prayer break until changed)."""
    return load_breaks(uow.session)


def set_break(
    uow: UnitOfWork,
    *,
    weekday: int,
    start: dt.time,
    end: dt.time,
    name: str,
    break_id: uuid.UUID | None = None,
) -> BreakView:
    """Add a weekly break, or change the one with *break_id*."""
    authorize(uow, uow.actor, Permission.MANAGE_QUEUE)
    session = uow.session
    _materialise_default_breaks(session)
    if not 0 <= int(weekday) <= 6:
        raise QueueSetupError(N_("errors", "The weekday must be 0 (Monday) to 6 (Sunday)."), field="weekday")
    if not start < end:
        raise QueueSetupError(N_("errors", "A break must end after it starts."), field="end")
    if break_id is None:
        row = QueueBreak(id=uuid.uuid4())
        session.add(row)
    else:
        row = session.get(QueueBreak, break_id)
        if row is None or row.deleted_at is not None:
            raise QueueNotFound(N_("errors", "There is no such break."))
    row.weekday, row.start_time, row.end_time, row.name = int(weekday), start, end, _check_name(name, "break_name")
    audit.record_row(uow, action="queue.break_saved", row=row, summary=row.name)
    session.flush()
    return _break_view(row)


def remove_break(uow: UnitOfWork, *, break_id: uuid.UUID) -> None:
    """Remove a weekly break (a tombstone keeps the default from coming back)."""
    authorize(uow, uow.actor, Permission.MANAGE_QUEUE)
    session = uow.session
    _materialise_default_breaks(session)
    row = session.get(QueueBreak, break_id)
    if row is None or row.deleted_at is not None:
        raise QueueNotFound(N_("errors", "There is no such break."))
    soft_delete(row)
    audit.record_row(uow, action="queue.break_removed", row=row, summary=row.name)
    session.flush()


def load_breaks(session: Session) -> list[BreakView]:
    """Breaks in force; with no row at all (not even a deleted one) the defaults apply."""
    rows = session.execute(
        select(QueueBreak.id, QueueBreak.weekday, QueueBreak.start_time, QueueBreak.end_time, QueueBreak.name,
               QueueBreak.deleted_at)
    ).all()
    if not rows:
        return [BreakView(None, wd, start, end, name) for wd, start, end, name in DEFAULT_BREAKS]
    live = sorted((r for r in rows if r.deleted_at is None), key=lambda r: (r.weekday, r.start_time))
    return [BreakView(r.id, r.weekday, r.start_time, r.end_time, r.name) for r in live]


def _materialise_default_breaks(session: Session) -> None:
    """Before the first edit, store the defaults as rows so editing one break keeps the others."""
    if session.scalar(select(func.count()).select_from(QueueBreak)):
        return
    for weekday, start, end, name in DEFAULT_BREAKS:
        session.add(QueueBreak(id=uuid.uuid4(), weekday=weekday, start_time=start, end_time=end, name=name))
    session.flush()


def _break_view(row: QueueBreak) -> BreakView:
    return BreakView(row.id, row.weekday, row.start_time, row.end_time, row.name)


# --- look-ups and views (used by the other queue modules) ------------------------------------


def get_group(session: Session, code: str) -> QueueGroup:
    """The live group with *code*; QueueNotFound otherwise."""
    code = (code or "").strip().upper()
    group = session.scalar(select(QueueGroup).where(QueueGroup.code == code, QueueGroup.deleted_at.is_(None)))
    if group is None:
        raise QueueNotFound(N_("errors", "There is no queue group {code}."), code=code)
    return group


def get_counter(session: Session, number: int) -> Counter:
    """The live counter with *number*; QueueNotFound otherwise."""
    counter = session.scalar(select(Counter).where(Counter.number == int(number), Counter.deleted_at.is_(None)))
    if counter is None:
        raise QueueNotFound(N_("errors", "There is no counter {number}."), number=number)
    return counter


def counter_group_ids(session: Session, counter: Counter) -> list[uuid.UUID]:
    """The groups a counter calls from, in kiosk order."""
    return list(session.connection().scalars(_COUNTER_GROUPS, {"counter_id": counter.id}))


_COUNTER_GROUPS = (
    select(CounterGroup.group_id)
    .join(QueueGroup, QueueGroup.id == CounterGroup.group_id)
    .where(CounterGroup.counter_id == bindparam("counter_id"), CounterGroup.deleted_at.is_(None))
    .order_by(QueueGroup.position, QueueGroup.code)
)


def group_view(session: Session, group: QueueGroup) -> GroupView:
    counters = session.scalars(
        select(Counter.number)
        .join(CounterGroup, CounterGroup.counter_id == Counter.id)
        .where(CounterGroup.group_id == group.id, CounterGroup.deleted_at.is_(None), Counter.deleted_at.is_(None))
        .order_by(Counter.number)
    ).all()
    services = session.execute(
        select(ServiceStandard.id, ServiceStandard.title, ServiceStandard.kbli)
        .where(ServiceStandard.queue_group_id == group.id, ServiceStandard.deleted_at.is_(None))
        .order_by(ServiceStandard.title)
    ).all()
    return GroupView(
        id=group.id,
        code=group.code,
        name=group.name,
        open_time=group.open_time,
        close_time=group.close_time,
        daily_limit=group.daily_limit,
        active=group.active,
        position=group.position,
        counter_numbers=tuple(counters),
        services=tuple(ServiceRef(id=s.id, title=s.title, kbli=s.kbli) for s in services),
    )


def counter_view(session: Session, counter: Counter) -> CounterView:
    codes = session.scalars(
        select(QueueGroup.code)
        .join(CounterGroup, CounterGroup.group_id == QueueGroup.id)
        .where(CounterGroup.counter_id == counter.id, CounterGroup.deleted_at.is_(None))
        .order_by(QueueGroup.position, QueueGroup.code)
    ).all()
    return CounterView(
        id=counter.id, number=counter.number, name=counter.name, active=counter.active, group_codes=tuple(codes)
    )


# --- checks ---------------------------------------------------------------------------------


def _check_code(code: str) -> str:
    code = (code or "").strip().upper()
    if not GROUP_CODE.match(code):
        raise QueueSetupError(N_("errors", "A queue group code is one to three letters, A to Z."), field="code")
    return code


def _check_name(name: str, kind: str = "queue_group_name") -> str:
    name = check_text(name, kind, field="name", error=QueueSetupError)
    if not name:
        raise QueueSetupError(N_("errors", "The name must not be empty."), field="name")
    return name


def _check_hours(open_time: dt.time, close_time: dt.time) -> None:
    if not open_time < close_time:
        raise QueueSetupError(N_("errors", "The opening time must be before the closing time."), field="close")


def _check_limit(limit: int | None) -> int | None:
    if limit is None:
        return None
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_DAILY_LIMIT:
        raise QueueSetupError(N_("errors", "The daily limit must be a whole number from 1 to {max}."), field="limit",
                              max=MAX_DAILY_LIMIT)
    return limit


def _check_position(position: int) -> int:
    if isinstance(position, bool) or not isinstance(position, int) or not 0 <= position <= MAX_POSITION:
        raise QueueSetupError(N_("errors", "The position must be a whole number from 0 to {max}."), field="position",
                              max=MAX_POSITION)
    return position


def _check_counter_number(number: int) -> int:
    if isinstance(number, bool) or not isinstance(number, int) or not 1 <= number <= MAX_COUNTER_NUMBER:
        raise QueueSetupError(
            N_("errors", "A counter number is a whole number from 1 to {max}."), field="number", max=MAX_COUNTER_NUMBER
        )
    return number
