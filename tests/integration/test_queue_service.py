"""The queue's rules on a real SQLite file: numbering, calling order, the counter's actions, closures."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
import threading
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import event, func, select

from mpp_desk import queue as q
from mpp_desk.database import open_database
from mpp_desk.errors import DatabaseProblem
from mpp_desk.models import AuditEntry, OutboxEntry, QueueEvent, Ticket
from mpp_desk.queue import LocalQueue
from mpp_desk.queue.errors import CounterBusy, DailyLimitReached, InvalidTransition, QueueClosed

WIB = ZoneInfo("Asia/Jakarta")
TUESDAY = dt.date(2026, 11, 24)  # an ordinary working day


def at(day: dt.date, hour: int, minute: int = 0, second: int = 0) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=WIB)


@pytest.fixture
def setup(uow_factory):
    """Groups A and B open 08:00-15:00; counter 1 serves A, 2 serves A and B, 3 serves B."""
    with uow_factory() as uow:
        q.create_group(uow, code="A", name="Perizinan Berusaha")
        q.create_group(uow, code="B", name="Pengaduan dan Informasi")
        q.create_counter(uow, number=1, name="Loket 1", group_codes=["A"])
        q.create_counter(uow, number=2, name="Loket 2", group_codes=["A", "B"])
        q.create_counter(uow, number=3, name="Loket 3", group_codes=["B"])
        uow.commit()
    return uow_factory


@pytest.fixture
def queue(db, setup):
    return LocalQueue(db)


@pytest.fixture
def all_day(setup):
    """Both groups open round the clock (for midnight tests)."""
    with setup() as uow:
        for code in ("A", "B"):
            q.update_group(uow, code=code, open_time=dt.time(0, 0), close_time=dt.time.max)
        uow.commit()


def codes(tickets) -> list[str]:
    return [t.code for t in tickets]


def event_types(queue, ticket_id) -> list[str]:
    return [e.type for e in queue.events_since(after_seq=0, limit=1000) if e.ticket_id == ticket_id]


# --- numbering ------------------------------------------------------------------------------


def test_numbers_run_per_group_and_the_ticket_knows_who_is_ahead(queue):
    a1 = queue.issue(group_code="A", now=at(TUESDAY, 9, 0))
    a2 = queue.issue(group_code="A", now=at(TUESDAY, 9, 1))
    b1 = queue.issue(group_code="B", now=at(TUESDAY, 9, 2))
    a3 = queue.issue(group_code="a", now=at(TUESDAY, 9, 3))
    assert [a1.ticket.code, a2.ticket.code, b1.ticket.code, a3.ticket.code] == ["A001", "A002", "B001", "A003"]
    assert [a1.ahead, a2.ahead, b1.ahead, a3.ahead] == [0, 1, 0, 2]
    assert a1.estimated_wait == dt.timedelta(0)
    # nobody served yet today: 5 minutes a person, two counters (1 and 2) work group A
    assert a3.estimated_wait == dt.timedelta(minutes=5)
    assert a3.ticket.status == "waiting" and a3.ticket.service_date == TUESDAY and not a3.ticket.printed


def test_estimated_wait_uses_todays_average_service_time(queue):
    for minute in range(3):
        t = queue.issue(group_code="B", now=at(TUESDAY, 9, minute)).ticket
        queue.call_next(counter_number=3, now=at(TUESDAY, 9, 10 + 20 * minute))
        queue.start_service(ticket_id=t.id, counter_number=3, now=at(TUESDAY, 9, 10 + 20 * minute))
        queue.finish(ticket_id=t.id, counter_number=3, now=at(TUESDAY, 9, 10 + 20 * minute + 4 + 2 * minute))
    for minute in range(3):
        queue.issue(group_code="B", now=at(TUESDAY, 11, minute))
    fourth = queue.issue(group_code="B", now=at(TUESDAY, 11, 5))
    # service times 4, 6 and 8 minutes -> 6 on average; only counter 3 served B today
    assert fourth.ahead == 3
    assert fourth.estimated_wait == dt.timedelta(minutes=18)
    assert fourth.estimated_wait_minutes == 18


def test_numbers_restart_at_midnight_jakarta_time_and_yesterday_stays(queue, all_day):
    late = [queue.issue(group_code="A", now=at(TUESDAY, 23, 59, s)).ticket for s in (0, 30)]
    early = queue.issue(group_code="A", now=at(TUESDAY + dt.timedelta(days=1), 0, 1)).ticket
    assert codes(late) == ["A001", "A002"] and {t.service_date for t in late} == {TUESDAY}
    assert early.code == "A001" and early.service_date == dt.date(2026, 11, 25)
    # 00:01 WIB is still the 24th in UTC: the office's date, not UTC's, decides
    assert early.issued_at.astimezone(dt.timezone.utc).date() == TUESDAY
    with queue.db.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Ticket)) == 3
    # yesterday's waiting tickets are not called today
    called = queue.call_next(counter_number=1, now=at(dt.date(2026, 11, 25), 8, 0))
    assert called.code == "A001" and called.service_date == dt.date(2026, 11, 25)
    assert queue.waiting_counts(now=at(dt.date(2026, 11, 25), 8, 1)) == {"A": 0, "B": 0}


def test_a_clock_jumping_back_never_reuses_a_number_and_is_warned_about(queue, all_day):
    wednesday = TUESDAY + dt.timedelta(days=1)
    for minute in range(3):
        queue.issue(group_code="A", now=at(TUESDAY, 9, minute))  # Tuesday ended at A003
    for minute in range(5):
        queue.issue(group_code="A", now=at(wednesday, 9, minute))  # Wednesday: A001..A005
    # the PC clock falls back to Tuesday: the ticket is Tuesday's next number, and the clock is warned about
    jumped = queue.issue(group_code="A", now=at(TUESDAY, 16, 0))
    assert jumped.ticket.code == "A004" and jumped.ticket.service_date == TUESDAY
    assert jumped.clock_warning is not None and jumped.clock_warning.kind == "behind"
    assert "the clock went back" in jumped.clock_warning.text("en")
    with queue.db.sessions() as session:
        pairs = session.execute(select(Ticket.service_date, Ticket.group_id, Ticket.number)).all()
        jumps = session.scalars(select(AuditEntry.action).where(AuditEntry.action == "queue.clock_jump")).all()
    assert len(pairs) == len(set(pairs)) == 9
    assert jumps == ["queue.clock_jump"]
    # Wednesday's queue is untouched: called in order, no stranger in it
    order = []
    for i in range(5):
        order.append(queue.call_next(counter_number=1, now=at(wednesday, 10, i)))
        queue.mark_no_show(ticket_id=order[-1].id, counter_number=1, now=at(wednesday, 10, i, 30))
    assert codes(order) == ["A001", "A002", "A003", "A004", "A005"]


def test_one_ticket_with_the_clock_ahead_never_moves_everyones_day(queue, all_day):
    from mpp_desk.queue.stats import daily_stats
    from mpp_desk.roles import TERMINAL
    from mpp_desk.uow import UnitOfWork

    monday = TUESDAY - dt.timedelta(days=1)
    before = queue.issue(group_code="A", now=at(monday, 9, 0))
    future = queue.issue(group_code="A", now=dt.datetime(2030, 6, 4, 9, 0, tzinfo=WIB))
    assert future.ticket.service_date == dt.date(2030, 6, 4)
    wednesday = TUESDAY + dt.timedelta(days=1)
    today = [queue.issue(group_code="A", now=at(TUESDAY, 9, m)) for m in range(2)]
    assert [t.ticket.code for t in today] == ["A001", "A002"]
    assert {t.ticket.service_date for t in today} == {TUESDAY}
    assert queue.issue(group_code="A", now=at(wednesday, 9, 0)).ticket.code == "A001"  # numbers reset daily
    assert queue.waiting_counts(now=at(TUESDAY, 9, 5)) == {"A": 2, "B": 0}
    assert queue.call_next(counter_number=1, now=at(TUESDAY, 9, 6)).code == "A001"
    # and the clock is warned about, never silently followed
    assert before.clock_warning is None
    assert future.clock_warning is not None and future.clock_warning.kind == "far_ahead"
    assert today[0].clock_warning.kind == "future_tickets" and "2030-06-04" in today[0].clock_warning.text("en")
    with UnitOfWork(queue.db, write=False, actor=TERMINAL) as uow:
        stats = daily_stats(uow, date=TUESDAY)
    assert stats.total.issued == 2


def test_a_clock_jumping_back_within_the_day_keeps_the_order(queue):
    first = queue.issue(group_code="A", now=at(TUESDAY, 10, 0)).ticket
    second = queue.issue(group_code="A", now=at(TUESDAY, 9, 0)).ticket  # clock went back an hour
    assert second.code == "A002" and second.issued_at > first.issued_at
    assert queue.call_next(counter_number=1, now=at(TUESDAY, 10, 5)).code == "A001"


# --- calling --------------------------------------------------------------------------------


def test_priority_first_then_original_issue_time_across_the_counters_groups(queue):
    queue.issue(group_code="B", now=at(TUESDAY, 8, 59))  # B001
    queue.issue(group_code="A", now=at(TUESDAY, 9, 0))  # A001
    queue.issue(group_code="A", priority_reason="pregnant", now=at(TUESDAY, 9, 5))  # A002
    queue.issue(group_code="B", priority=True, now=at(TUESDAY, 9, 6))  # B002
    waiting_a = queue.waiting_list(group_code="A", now=at(TUESDAY, 9, 7))
    assert codes(waiting_a) == ["A002", "A001"]
    called = []
    for minute in range(4):
        ticket = queue.call_next(counter_number=2, now=at(TUESDAY, 9, 10 + minute))
        called.append(ticket)
        queue.mark_no_show(ticket_id=ticket.id, counter_number=2, now=at(TUESDAY, 9, 10 + minute, 30))
    assert codes(called) == ["A002", "B002", "B001", "A001"]
    assert called[0].priority and called[0].priority_reason == "pregnant"
    assert queue.call_next(counter_number=2, now=at(TUESDAY, 9, 20)) is None


def test_a_counter_only_calls_from_its_own_groups(queue):
    queue.issue(group_code="B", now=at(TUESDAY, 9, 0))
    assert queue.call_next(counter_number=1, now=at(TUESDAY, 9, 1)) is None  # counter 1 serves A only
    assert queue.call_next(counter_number=3, now=at(TUESDAY, 9, 2)).code == "B001"


def test_every_counter_action_and_the_events_it_leaves(queue):
    t = queue.issue(group_code="A", now=at(TUESDAY, 9, 0)).ticket
    called = queue.call_next(counter_number=1, now=at(TUESDAY, 9, 1))
    assert called.id == t.id and called.status == "called" and called.counter_number == 1
    recalled = queue.recall(ticket_id=t.id, counter_number=1, now=at(TUESDAY, 9, 2))
    assert recalled.recall_count == 1 and recalled.called_at == at(TUESDAY, 9, 2)
    started = queue.start_service(ticket_id=t.id, counter_number=1, now=at(TUESDAY, 9, 3))
    assert started.status == "serving" and started.served_started_at == at(TUESDAY, 9, 3)
    held = queue.hold(ticket_id=t.id, counter_number=1, now=at(TUESDAY, 9, 5))
    assert held.status == "held"
    # the counter is free while the ticket is held
    other = queue.issue(group_code="A", now=at(TUESDAY, 9, 6)).ticket
    assert queue.call_next(counter_number=1, now=at(TUESDAY, 9, 7)).id == other.id
    queue.mark_no_show(ticket_id=other.id, counter_number=1, now=at(TUESDAY, 9, 8))
    state = queue.counter_state(counter_number=1, now=at(TUESDAY, 9, 8))
    assert state.current is None and codes(state.held) == ["A001"]
    resumed = queue.resume(ticket_id=t.id, counter_number=1, now=at(TUESDAY, 9, 20))
    assert resumed.status == "serving"
    done = queue.finish(ticket_id=t.id, counter_number=1, outcome="incomplete", now=at(TUESDAY, 9, 25))
    assert done.status == "done" and done.outcome == "incomplete" and done.finished_at == at(TUESDAY, 9, 25)
    assert event_types(queue, t.id) == ["issued", "called", "recalled", "started", "held", "resumed", "finished"]
    assert event_types(queue, other.id) == ["issued", "called", "no_show"]
    cancelled = queue.issue(group_code="A", now=at(TUESDAY, 9, 30)).ticket
    assert queue.cancel(ticket_id=cancelled.id, now=at(TUESDAY, 9, 31)).status == "cancelled"


def test_the_state_machine_refuses_what_does_not_follow(queue):
    t = queue.issue(group_code="A", now=at(TUESDAY, 9, 0)).ticket
    with pytest.raises(InvalidTransition) as info:
        queue.recall(ticket_id=t.id, counter_number=1, now=at(TUESDAY, 9, 1))
    assert info.value.text("id") == "Tiket A001 berstatus menunggu; tidak dapat dipanggil ulang."
    queue.call_next(counter_number=1, now=at(TUESDAY, 9, 1))
    with pytest.raises(InvalidTransition) as info:
        queue.finish(ticket_id=t.id, counter_number=1, now=at(TUESDAY, 9, 2))
    assert "tidak dapat diselesaikan" in info.value.text("id")
    with pytest.raises(InvalidTransition) as info:
        queue.start_service(ticket_id=t.id, counter_number=2, now=at(TUESDAY, 9, 2))
    assert info.value.text("id") == "Tiket A001 ditangani loket 1, bukan loket 2."
    queue.issue(group_code="A", now=at(TUESDAY, 9, 3))
    with pytest.raises(CounterBusy) as busy:
        queue.call_next(counter_number=1, now=at(TUESDAY, 9, 4))
    assert "Loket 1 masih menangani tiket A001 (dipanggil)" in busy.value.text("id")
    queue.mark_no_show(ticket_id=t.id, counter_number=1, now=at(TUESDAY, 9, 5))
    with pytest.raises(InvalidTransition):
        queue.start_service(ticket_id=t.id, counter_number=1, now=at(TUESDAY, 9, 6))
    with pytest.raises(InvalidTransition):
        queue.resume(ticket_id=t.id, counter_number=1, now=at(TUESDAY, 9, 6))
    with pytest.raises(q.QueueNotFound):
        queue.finish(ticket_id=t.id, counter_number=1, outcome="bogus", now=at(TUESDAY, 9, 6))
    # a refused action changes nothing
    assert queue.get_ticket(ticket_id=t.id).status == "no_show"
    assert event_types(queue, t.id) == ["issued", "called", "no_show"]


def test_transfer_to_another_group_keeps_number_and_original_issue_time(queue):
    a1 = queue.issue(group_code="A", now=at(TUESDAY, 9, 0)).ticket
    b1 = queue.issue(group_code="B", now=at(TUESDAY, 9, 10)).ticket
    queue.call_next(counter_number=1, now=at(TUESDAY, 9, 20))
    queue.start_service(ticket_id=a1.id, counter_number=1, now=at(TUESDAY, 9, 21))
    moved = queue.transfer(ticket_id=a1.id, counter_number=1, to_group_code="B", now=at(TUESDAY, 9, 25))
    assert (moved.code, moved.group_code, moved.route_group_code, moved.status) == ("A001", "A", "B", "waiting")
    assert moved.issued_at == a1.issued_at and moved.transfer_count == 1 and moved.counter_number is None
    assert codes(queue.waiting_list(group_code="B", now=at(TUESDAY, 9, 26))) == ["A001", "B001"]
    assert queue.waiting_counts(now=at(TUESDAY, 9, 26)) == {"A": 0, "B": 2}
    # counter 3 (B) gets it first: it was issued before B001
    assert queue.call_next(counter_number=3, now=at(TUESDAY, 9, 30)).id == a1.id
    assert queue.get_ticket(ticket_id=b1.id).status == "waiting"
    assert event_types(queue, a1.id)[-2:] == ["transferred", "called"]


def test_transfer_to_a_counter_reaches_only_that_counter(queue):
    a1 = queue.issue(group_code="A", now=at(TUESDAY, 9, 0)).ticket
    queue.issue(group_code="A", now=at(TUESDAY, 9, 1))
    queue.call_next(counter_number=1, now=at(TUESDAY, 9, 2))
    moved = queue.transfer(ticket_id=a1.id, counter_number=1, to_counter_number=3, now=at(TUESDAY, 9, 3))
    assert moved.target_counter_number == 3 and moved.issued_at == a1.issued_at
    # counter 2 serves A too, but the ticket was sent to counter 3
    assert queue.call_next(counter_number=2, now=at(TUESDAY, 9, 4)).code == "A002"
    # counter 3 serves only B, yet it gets the ticket sent to it
    assert queue.call_next(counter_number=3, now=at(TUESDAY, 9, 5)).id == a1.id
    with pytest.raises(q.QueueNotFound):
        queue.transfer(ticket_id=a1.id, counter_number=3, now=at(TUESDAY, 9, 6))


# --- when the kiosk is closed ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (at(dt.date(2026, 11, 27), 12, 0), "Selama Istirahat salat Jumat tidak ada pengambilan nomor antrian. "
                                           "Nomor antrian dapat diambil lagi mulai pukul 13:00."),
        (at(TUESDAY, 7, 59), "Antrian A dibuka pukul 08:00. Mohon menunggu sampai waktu tersebut."),
        (at(TUESDAY, 15, 0), "Antrian A sudah ditutup untuk hari ini (jam layanan 08:00-15:00). "
                             "Silakan datang kembali pada hari kerja berikutnya."),
        (at(dt.date(2026, 11, 28), 9, 0), "Kantor tutup hari ini (Sabtu). Silakan datang kembali pada hari kerja."),
        (at(dt.date(2026, 12, 25), 9, 0), "Kantor tutup hari ini (Hari Raya Natal). "
                                          "Silakan datang kembali pada hari kerja."),
    ],
    ids=["friday-prayer", "before-opening", "after-closing", "saturday", "christmas"],
)
def test_the_kiosk_refuses_with_a_clear_message(queue, moment, expected):
    with pytest.raises(QueueClosed) as info:
        queue.issue(group_code="A", now=moment)
    assert info.value.text("id") == expected
    with queue.db.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Ticket)) == 0


def test_friday_just_before_and_after_the_prayer_break_is_open(queue):
    friday = dt.date(2026, 11, 27)
    assert queue.issue(group_code="A", now=at(friday, 11, 29)).ticket.code == "A001"
    assert queue.issue(group_code="A", now=at(friday, 13, 0)).ticket.code == "A002"


def test_a_local_closure_and_an_edited_break(queue, setup):
    from mpp_desk.workdays import close_day

    with setup() as uow:
        close_day(uow, day=TUESDAY, reason="Rapat koordinasi")
        uow.commit()
    with pytest.raises(QueueClosed) as info:
        queue.issue(group_code="A", now=at(TUESDAY, 9, 0))
    assert "Rapat koordinasi" in info.value.text("id")
    friday = dt.date(2026, 11, 27)
    with setup() as uow:
        (friday_break,) = q.list_breaks(uow)
        q.set_break(uow, weekday=0, start=dt.time(12, 0), end=dt.time(12, 30), name="Apel siang")
        uow.commit()
    with setup() as uow:
        stored = q.list_breaks(uow)
        assert [(b.weekday, b.name) for b in stored] == [(0, "Apel siang"), (4, "Istirahat salat Jumat")]
        q.remove_break(uow, break_id=next(b.id for b in stored if b.weekday == 4))
        uow.commit()
    assert queue.issue(group_code="A", now=at(friday, 12, 0)).ticket.code == "A001"
    with pytest.raises(QueueClosed):
        queue.issue(group_code="A", now=at(dt.date(2026, 11, 30), 12, 10))
    assert friday_break.id is None  # the default before any edit had no row


def test_daily_limit_and_an_inactive_group(queue, setup):
    with setup() as uow:
        q.update_group(uow, code="A", daily_limit=2)
        q.update_group(uow, code="B", active=False)
        uow.commit()
    queue.issue(group_code="A", now=at(TUESDAY, 9, 0))
    queue.issue(group_code="A", now=at(TUESDAY, 9, 1))
    with pytest.raises(DailyLimitReached) as info:
        queue.issue(group_code="A", now=at(TUESDAY, 9, 2))
    assert info.value.text("id") == (
        "Kuota antrian A hari ini sudah habis (2 nomor). Silakan datang kembali pada hari kerja berikutnya."
    )
    with pytest.raises(QueueClosed) as closed:
        queue.issue(group_code="B", now=at(TUESDAY, 9, 3))
    assert "sedang tidak dibuka" in closed.value.text("id")
    status = {s.code: s for s in queue.kiosk_status(now=at(TUESDAY, 9, 4))}
    assert set(status) == {"A"}  # an inactive group has no kiosk button
    assert not status["A"].open and "Kuota antrian A" in status["A"].reason and status["A"].waiting == 2
    # the next day the quota is fresh
    assert queue.issue(group_code="A", now=at(TUESDAY + dt.timedelta(days=1), 9, 0)).ticket.code == "A001"


def test_set_up_refuses_bad_values(setup):
    with setup() as uow:
        with pytest.raises(q.QueueSetupError):
            q.create_group(uow, code="A", name="Dua kali")
        with pytest.raises(q.QueueSetupError):
            q.create_group(uow, code="A1", name="x")
        with pytest.raises(q.QueueSetupError):
            q.create_group(uow, code="C", name="x", open_time=dt.time(15), close_time=dt.time(8))
        with pytest.raises(q.QueueSetupError):
            q.create_counter(uow, number=4, name="Loket 4", group_codes=[])
        with pytest.raises(q.QueueNotFound):
            q.create_counter(uow, number=4, name="Loket 4", group_codes=["Z"])
        counter = q.update_counter(uow, number=2, group_codes=["B"])
        assert counter.group_codes == ("B",)
        counter = q.update_counter(uow, number=2, group_codes=["A", "B"])  # revives the removed pair
        assert counter.group_codes == ("A", "B")
        groups = {g.code: g for g in q.list_groups(uow)}
        assert groups["A"].counter_numbers == (1, 2) and groups["B"].counter_numbers == (2, 3)


# --- display, reprint, sync, locking --------------------------------------------------------


def test_board_state_and_events_since(queue):
    for minute in range(3):
        queue.issue(group_code="A", now=at(TUESDAY, 9, minute))
    queue.issue(group_code="B", now=at(TUESDAY, 9, 5))
    start = queue.board_state(now=at(TUESDAY, 9, 6))
    first = queue.call_next(counter_number=1, now=at(TUESDAY, 9, 10))
    queue.call_next(counter_number=3, now=at(TUESDAY, 9, 11))
    queue.recall(ticket_id=first.id, counter_number=1, now=at(TUESDAY, 9, 12))
    new = queue.events_since(after_seq=start.last_seq)
    assert [(e.type, e.ticket_code, e.counter_number) for e in new] == [
        ("called", "A001", 1),
        ("called", "B001", 3),
        ("recalled", "A001", 1),
    ]
    assert [e.seq for e in new] == list(range(start.last_seq + 1, start.last_seq + 4))
    assert queue.events_since(after_seq=new[-1].seq) == []
    assert len(queue.events_since(after_seq=0, limit=2)) == 2
    board = queue.board_state(now=at(TUESDAY, 9, 13))
    assert [(c.counter_number, c.ticket_code, c.status) for c in board.now_serving] == [(1, "A001", "called"), (3, "B001", "called")]
    assert [(e.ticket_code, e.type) for e in board.last_calls] == [("A001", "recalled"), ("B001", "called"), ("A001", "called")]
    assert board.waiting == {"A": 2, "B": 0} and board.last_seq == new[-1].seq


def test_unprinted_tickets_are_listed_for_reprint_until_marked(queue):
    a1 = queue.issue(group_code="A", now=at(TUESDAY, 9, 0)).ticket
    a2 = queue.issue(group_code="A", now=at(TUESDAY, 9, 1)).ticket
    assert codes(queue.reprint_candidates(now=at(TUESDAY, 9, 2))) == ["A001", "A002"]
    assert queue.mark_printed(ticket_id=a1.id).printed
    assert codes(queue.reprint_candidates(now=at(TUESDAY, 9, 3))) == ["A002"]
    queue.cancel(ticket_id=a2.id, now=at(TUESDAY, 9, 4))
    assert queue.reprint_candidates(now=at(TUESDAY, 9, 5)) == []


def test_every_queue_write_lands_in_the_outbox_in_the_same_transaction(queue):
    t = queue.issue(group_code="A", now=at(TUESDAY, 9, 0)).ticket
    queue.call_next(counter_number=1, now=at(TUESDAY, 9, 1))
    with queue.db.sessions() as session:
        rows = session.execute(
            select(OutboxEntry.entity, OutboxEntry.op).where(
                OutboxEntry.entity.in_(("queue_ticket", "queue_event"))
            ).order_by(OutboxEntry.seq)
        ).all()
        ticket_payloads = session.scalars(
            select(OutboxEntry.payload).where(OutboxEntry.entity_id == t.id).order_by(OutboxEntry.seq)
        ).all()
    assert rows[:2] == [("queue_ticket", "insert"), ("queue_event", "insert")]  # a ticket before its event
    assert sorted(rows[2:]) == [("queue_event", "insert"), ("queue_ticket", "update")]
    assert [p["status"] for p in ticket_payloads] == ["waiting", "called"]


def test_issue_and_call_next_never_scan_the_ticket_or_event_tables(queue):
    """Every statement of the two hot paths is an index search, so old tickets do not slow them."""
    statements: list[tuple[str, object]] = []

    def capture(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append((statement, parameters))

    for minute in range(5):
        queue.issue(group_code="A", now=at(TUESDAY, 9, minute))
    event.listen(queue.db.engine, "before_cursor_execute", capture)
    try:
        queue.issue(group_code="A", now=at(TUESDAY, 9, 10))
        queue.issue(group_code="A", priority=True, now=at(TUESDAY, 9, 11))
        queue.call_next(counter_number=2, now=at(TUESDAY, 9, 12))
        queue.events_since(after_seq=3)
    finally:
        event.remove(queue.db.engine, "before_cursor_execute", capture)
    con = sqlite3.connect(queue.db.path)
    try:
        plans = [
            (sql, [row[3] for row in con.execute("EXPLAIN QUERY PLAN " + sql, params)])
            for sql, params in statements
            if "queue_ticket" in sql or "queue_event" in sql
        ]
    finally:
        con.close()
    assert len(plans) >= 10
    scans = [
        (sql, detail)
        for sql, details in plans
        for detail in details
        # "SEARCH t" with no index named is how SQLite shows a min()/max() it can only get by reading every row
        if (re.match(r"SCAN (queue_ticket|queue_event)\b", detail) and "ix_queue_ticket_waiting" not in detail)
        or re.fullmatch(r"SEARCH (queue_ticket|queue_event)", detail)
    ]
    assert scans == []
    waiting_plans = [d for sql, details in plans for d in details if "ix_queue_ticket_waiting" in d]
    assert waiting_plans, "call-next and the ahead count use the partial index of waiting tickets"


def test_a_locked_database_is_retried_then_reported(data_dir, setup, db):
    path = db.path
    short = open_database(path, busy_timeout_ms=100)
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    try:
        impatient = LocalQueue(short, attempts=3, retry_pause=0.01)
        with pytest.raises(DatabaseProblem) as info:
            impatient.issue(group_code="A", now=at(TUESDAY, 9, 0))
        assert "dikunci" in info.value.text("id")
        assert impatient.tries == 3
        # the lock goes away while a patient queue retries: the ticket is issued
        release = threading.Timer(0.3, lambda: holder.execute("ROLLBACK"))
        release.start()
        patient = LocalQueue(short, attempts=20, retry_pause=0.05)
        issued = patient.issue(group_code="A", now=at(TUESDAY, 9, 1))
        release.join()
        assert issued.ticket.code == "A001" and patient.tries > 1
    finally:
        if holder.in_transaction:
            holder.execute("ROLLBACK")
        holder.close()
        short.dispose()


def test_no_event_seq_is_used_twice(queue):
    for minute in range(10):
        queue.issue(group_code="A" if minute % 2 else "B", now=at(TUESDAY, 9, minute))
    with queue.db.sessions() as session:
        seqs = session.scalars(select(QueueEvent.seq).order_by(QueueEvent.seq)).all()
    assert seqs == list(range(1, 11))


def test_who_may_set_up_and_who_may_serve(db, setup):
    from mpp_desk.errors import PermissionDenied
    from mpp_desk.models import AuditEntry
    from mpp_desk.roles import Actor, Role

    with setup(actor=None) as uow:  # nobody signed in
        with pytest.raises(PermissionDenied) as info:
            q.create_group(uow, code="C", name="Tanpa izin")
        assert "Sign in first" in str(info.value)
    clerk = Actor(user_id=None, username="loket", role=Role.COUNTER)
    with setup(actor=clerk) as uow:
        with pytest.raises(PermissionDenied):
            q.update_counter(uow, number=1, name="Loket Satu")
    with setup() as uow:  # the administrator
        q.update_group(uow, code="A", daily_limit=300)
        uow.commit()
    with setup(write=False) as uow:
        actions = uow.session.scalars(select(AuditEntry.action).order_by(AuditEntry.seq)).all()
    assert actions.count("queue.group_created") == 2 and actions.count("queue.counter_created") == 3
    assert actions[-1] == "queue.group_updated"

    kiosk = LocalQueue(db)  # the kiosk: nobody signed in, and it may issue
    ticket = kiosk.issue(group_code="A", now=at(TUESDAY, 9, 0)).ticket
    supervisor = LocalQueue(db, actor=Actor(user_id=None, username="kepala", role=Role.SUPERVISOR))
    with pytest.raises(PermissionDenied):
        supervisor.call_next(counter_number=1, now=at(TUESDAY, 9, 1))
    counter = LocalQueue(db, actor=clerk)
    assert counter.call_next(counter_number=1, now=at(TUESDAY, 9, 2)).id == ticket.id
    with pytest.raises(PermissionDenied):
        supervisor.mark_no_show(ticket_id=ticket.id, counter_number=1, now=at(TUESDAY, 9, 3))
