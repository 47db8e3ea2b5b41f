"""The per-process copy of the queue set-up, calendar and breaks (mpp_desk/queue/cache.py) drops on any write.

Whoever writes the rule tables (this process's services, another connection, the sync's Core
statements, a change rolled back), the next issue or call sees the state of its own transaction.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import uuid
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import text

from mpp_desk import queue as q
from mpp_desk import workdays
from mpp_desk.models import CalendarOverride, QueueBreak
from mpp_desk.queue import LocalQueue
from mpp_desk.queue import cache as rules
from mpp_desk.queue.errors import QueueClosed, QueueNotFound
from mpp_desk.uow import row_payload

WIB = ZoneInfo("Asia/Jakarta")
TUESDAY = dt.date(2026, 11, 24)
TUESDAY_10 = dt.datetime(2026, 11, 24, 10, 0, tzinfo=WIB)


@pytest.fixture
def queue(db, uow_factory):
    with uow_factory() as uow:
        q.create_group(uow, code="A", name="Perizinan Berusaha")
        q.create_counter(uow, number=1, name="Loket 1", group_codes=["A"])
        uow.commit()
    rules.forget()
    return LocalQueue(db)


def token(db) -> str | None:
    with db.sessions() as session:
        return session.execute(text("SELECT value FROM local_state WHERE key = :k"), {"k": rules.GENERATION_KEY}).scalar()


def test_every_rule_table_has_its_three_triggers_after_migrating(db):
    with db.sessions() as session:
        names = set(session.scalars(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")))
    for table in rules.RULE_TABLES:
        for change in ("insert", "update", "delete"):
            assert f"trg_{table}_{change}_rules_generation" in names


def test_the_copy_serves_repeated_issues_and_calls_without_reloading(queue):
    queue.issue(group_code="A", now=TUESDAY_10)
    loads = rules.loads
    for minute in range(1, 4):
        queue.issue(group_code="A", now=TUESDAY_10 + dt.timedelta(minutes=minute))
    queue.call_next(counter_number=1, now=TUESDAY_10 + dt.timedelta(minutes=5))
    assert rules.loads == loads


def test_a_closure_saved_by_the_calendar_service_closes_the_kiosk_at_once(queue, uow_factory):
    queue.issue(group_code="A", now=TUESDAY_10)
    before = token(queue.db)
    with uow_factory() as uow:
        workdays.close_day(uow, day=TUESDAY, reason="Banjir")
        uow.commit()
    assert token(queue.db) != before
    with pytest.raises(QueueClosed, match="Banjir"):
        queue.issue(group_code="A", now=TUESDAY_10 + dt.timedelta(minutes=1))


def test_a_break_arriving_by_sync_is_in_force_for_the_next_ticket(queue):
    """The sync applies rows with Core statements of origin "server", not through the ORM flush."""
    from mpp_desk.sync.apply import apply_page
    from mpp_desk.sync.schemas import Change

    queue.issue(group_code="A", now=TUESDAY_10)
    pause = QueueBreak(id=uuid.uuid4(), weekday=TUESDAY.weekday(), start_time=dt.time(9, 30),
                       end_time=dt.time(10, 30), name="Apel pagi", created_at=TUESDAY_10, updated_at=TUESDAY_10,
                       version=1, device_id=str(uuid.uuid4()), deleted_at=None)
    change = Change(seq=1, entity="queue_break", entity_id=pause.id, version=1, op="insert", payload=row_payload(pause))
    assert apply_page(queue.db, [change], next_cursor=1) == 1
    with pytest.raises(QueueClosed, match="Apel pagi"):
        queue.issue(group_code="A", now=TUESDAY_10 + dt.timedelta(minutes=1))


def test_a_closure_written_by_another_connection_is_seen(queue):
    queue.issue(group_code="A", now=TUESDAY_10)
    other = sqlite3.connect(queue.db.path)
    try:
        with other:
            other.execute(
                "INSERT INTO calendar_override (id, day, kind, reason, created_at, updated_at, version, device_id) "
                "VALUES (?, ?, 'closed', 'Listrik padam', '2026-11-24 01:00:00', '2026-11-24 01:00:00', 1, 'x')",
                (uuid.uuid4().hex, TUESDAY.isoformat()),
            )
    finally:
        other.close()
    with pytest.raises(QueueClosed, match="Listrik padam"):
        queue.issue(group_code="A", now=TUESDAY_10 + dt.timedelta(minutes=1))


def test_a_closure_rolled_back_leaves_the_kiosk_open(queue, uow_factory):
    queue.issue(group_code="A", now=TUESDAY_10)
    with uow_factory() as uow:
        workdays.close_day(uow, day=TUESDAY, reason="Banjir")
        group = rules.current_rules(uow).group("A")
        with pytest.raises(QueueClosed):  # inside the transaction the closure is in force
            q.check_open(uow, group=group, now=TUESDAY_10)
        uow.rollback()
    issued = queue.issue(group_code="A", now=TUESDAY_10 + dt.timedelta(minutes=1))
    assert issued.ticket.code == "A002"


def test_changes_to_groups_and_counters_are_seen(queue, uow_factory):
    queue.issue(group_code="A", now=TUESDAY_10)
    with uow_factory() as uow:
        q.update_group(uow, code="A", name="Perizinan", daily_limit=1)
        q.create_group(uow, code="B", name="Informasi")
        q.update_counter(uow, number=1, name="Loket Satu", group_codes=["B"])
        uow.commit()
    with pytest.raises(q.DailyLimitReached):
        queue.issue(group_code="A", now=TUESDAY_10 + dt.timedelta(minutes=1))
    b1 = queue.issue(group_code="B", now=TUESDAY_10 + dt.timedelta(minutes=2))
    assert b1.ticket.group_name == "Informasi"
    called = queue.call_next(counter_number=1, now=TUESDAY_10 + dt.timedelta(minutes=3))
    assert called is not None and called.code == "B001"  # counter 1 now serves B only
    with uow_factory() as uow:
        q.update_counter(uow, number=1, active=False)
        uow.commit()
    with pytest.raises(QueueClosed):
        queue.call_next(counter_number=1, now=TUESDAY_10 + dt.timedelta(minutes=4))
    with pytest.raises(QueueNotFound):
        queue.call_next(counter_number=9, now=TUESDAY_10 + dt.timedelta(minutes=4))


def test_a_change_made_by_the_orm_earlier_in_the_same_transaction_counts(queue, uow_factory):
    with uow_factory() as uow:
        uow.session.add(CalendarOverride(id=uuid.uuid4(), day=TUESDAY, kind=CalendarOverride.CLOSED, reason="Rapat"))
        with pytest.raises(QueueClosed, match="Rapat"):  # not flushed yet: the rules flush it first
            q.issue_ticket(uow, group_code="A", now=TUESDAY_10)
