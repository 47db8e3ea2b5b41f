"""The pure parts of the networked queue: the opening rule the server applies, and a board kept from events."""

from __future__ import annotations

import datetime as dt
import uuid
from zoneinfo import ZoneInfo

import pytest

from mpp_desk.queue.errors import DailyLimitReached, QueueClosed
from mpp_desk.queue.live import LiveBoard
from mpp_desk.queue.rules import check_limit, check_open_at
from mpp_desk.queue.views import BoardState, BreakView, EventView
from mpp_desk.workdays import WorkingCalendar

WIB = ZoneInfo("Asia/Jakarta")
FRIDAY = dt.date(2026, 11, 27)


def _open(moment: dt.datetime, calendar: WorkingCalendar | None = None) -> None:
    check_open_at(code="A", name="Perizinan", active=True, open_time=dt.time(8), close_time=dt.time(15),
                  calendar=calendar or WorkingCalendar(national=lambda year: {}),
                  breaks=[BreakView(None, 4, dt.time(11, 30), dt.time(13), "Istirahat salat Jumat")], now=moment)


def test_the_opening_rule_refuses_outside_hours_in_breaks_and_on_closed_days():
    _open(dt.datetime.combine(FRIDAY, dt.time(10), WIB))  # open
    for moment, words in ((dt.time(7, 59), "08:00"), (dt.time(15), "15:00"), (dt.time(12), "13:00")):
        with pytest.raises(QueueClosed) as refused:
            _open(dt.datetime.combine(FRIDAY, moment, WIB))
        assert words in refused.value.text("en")
    closed = WorkingCalendar({FRIDAY: "Rapat kantor"}, national=lambda year: {})
    with pytest.raises(QueueClosed) as refused:
        _open(dt.datetime.combine(FRIDAY, dt.time(10), WIB), closed)
    assert "Rapat kantor" in refused.value.text("id")
    check_limit(code="A", limit=3, number=3)
    with pytest.raises(DailyLimitReached):
        check_limit(code="A", limit=3, number=4)


def _event(seq: int, kind: str, code: str, group: str = "A", counter: int | None = None) -> EventView:
    return EventView(seq, kind, uuid.uuid4(), code, group, counter, dt.datetime(2026, 11, 27, 3, tzinfo=dt.timezone.utc))


def test_a_live_board_applies_each_event_once_and_skips_what_its_picture_holds():
    state = BoardState(now_serving=(), last_calls=(), waiting={"A": 1, "B": 0}, last_seq=10,
                       service_date=FRIDAY, applied_after=(12,))
    board = LiveBoard.from_state(state)
    assert board.apply(_event(9, "issued", "A009")) is False  # older than the picture
    assert board.apply(_event(11, "issued", "A002")) is True
    assert board.apply(_event(12, "issued", "B001", "B")) is False  # already in the picture
    assert board.apply(_event(13, "called", "A001", counter=3)) is True
    assert board.apply(_event(13, "called", "A001", counter=3)) is False  # a replay
    assert board.waiting == {"A": 1, "B": 0} and board.serving == {3: ("A001", "called")}
    board.apply(_event(14, "started", "A001", counter=3))
    assert board.serving == {3: ("A001", "serving")}
    board.apply(_event(15, "transferred", "A001", "B", counter=3))
    assert board.serving == {} and board.waiting == {"A": 1, "B": 1}
    board.apply(_event(16, "cancelled", "A002"))
    assert board.waiting == {"A": 0, "B": 1}
    assert [e.seq for e in board.last_calls] == [13]
