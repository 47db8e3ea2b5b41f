"""One speaker per zone on the board: a board of a speaker zone that does not hold the zone's lease shows every
call but never hands it to the speech engine; it speaks once it holds the lease; with the server away the
holder keeps speaking. The server's answers are a stand-in here (tests/server/test_queue_speaker.py has the
real lease)."""

from __future__ import annotations

import threading

import pytest

from mpp_desk.announce import announcement_text
from mpp_desk.queue.errors import OFFLINE_TEXT, QueueOffline
from mpp_desk.queue.speaker import SpeakerAnswer
from tests.ui.queue_helpers import TUESDAY_10, Clock, FakeEngine, allow_exit, queue_ctx, service_queue, set_setting

__all__ = ["queue_ctx", "service_queue"]  # fixtures used by this module


class FakeLease:
    """The server's lease as the board sees it: who holds the zone; or the server away."""

    def __init__(self, *, speaker: bool, holder: str = "tv-lobi") -> None:
        self.speaker, self.holder, self.away = speaker, holder, False
        self.asked: list[str] = []
        self._lock = threading.Lock()

    def __call__(self, _ctx, zone: str) -> SpeakerAnswer:  # on the network lane
        with self._lock:
            self.asked.append(zone)
            if self.away:
                raise QueueOffline(OFFLINE_TEXT, reason="ConnectError")
            return SpeakerAnswer(zone=zone, speaker=self.speaker, holder="tv-ini" if self.speaker else self.holder,
                                 expires_at=None, lease_s=1.5, renew_s=0.5)


@pytest.fixture
def engine():
    return FakeEngine()


@pytest.fixture
def make_board(qtbot, queue_ctx, tasks, engine):
    def make(lease: FakeLease):
        from mpp_desk.ui.display import DisplayWindow
        from mpp_desk.ui.speech import Announcer

        window = DisplayWindow(ctx=queue_ctx, tasks=tasks, clock=Clock(TUESDAY_10), announcer=Announcer(engine=engine))
        window.speaker_factory = lease
        window.keep_in_front = False
        qtbot.addWidget(window, before_close_func=allow_exit)
        window.resize(1920, 1080)
        window.show()
        with qtbot.waitSignal(window.sig_ready, timeout=10000):
            window.open_database()
        return window

    return make


def test_a_board_without_the_zones_lease_shows_the_call_but_does_not_speak_it(qtbot, queue_ctx, make_board, engine,
                                                                                service_queue):
    set_setting(queue_ctx, "display.speaker_zone", "Lantai-1")
    lease = FakeLease(speaker=False)
    board = make_board(lease)
    qtbot.waitUntil(lambda: board.speaker is not None and board.speaker.reachable is True, timeout=10000)
    assert lease.asked[0] == "lantai-1"
    service_queue.issue(group_code="A", now=TUESDAY_10)
    service_queue.call_next(counter_number=1, now=TUESDAY_10)
    qtbot.waitUntil(lambda: len(board.calls_seen) == 1, timeout=10000)
    assert board.call_code.text() == "A001" and board.call_counter.text() == "1"  # shown large
    qtbot.waitUntil(lambda: board.calls_silent == 1, timeout=10000)
    assert engine.texts == [] and board.announcer.spoken == []  # the speech engine was never called
    board.ask_pin()
    assert "tv-lobi" in board.pin_status.text() and "lantai-1" in board.pin_status.text()

    # the speaking board stopped renewing: this one holds the lease at its next renewal and speaks the next call
    lease.speaker = True
    qtbot.waitUntil(lambda: board.speaker.holds, timeout=10000)
    service_queue.issue(group_code="B", now=TUESDAY_10)
    service_queue.call_next(counter_number=3, now=TUESDAY_10)
    qtbot.waitUntil(lambda: len(engine.texts) == 1, timeout=10000)
    assert engine.texts == [announcement_text("B001", 3)] and board.calls_silent == 1


def test_the_holder_keeps_speaking_while_the_server_is_away(qtbot, queue_ctx, make_board, engine, service_queue):
    set_setting(queue_ctx, "display.speaker_zone", "lantai-2")
    lease = FakeLease(speaker=True)
    board = make_board(lease)
    qtbot.waitUntil(lambda: board.speaker is not None and board.speaker.holds, timeout=10000)
    lease.away = True
    asked = len(lease.asked)
    qtbot.waitUntil(lambda: board.speaker.reachable is False and len(lease.asked) > asked, timeout=10000)
    service_queue.issue(group_code="A", now=TUESDAY_10)
    service_queue.call_next(counter_number=1, now=TUESDAY_10)
    qtbot.waitUntil(lambda: len(engine.texts) == 1, timeout=10000)
    assert engine.texts == [announcement_text("A001", 1)] and board.calls_silent == 0
    board.ask_pin()
    assert "lantai-2" in board.pin_status.text()


def test_a_board_without_a_zone_speaks_alone_and_asks_no_one(qtbot, make_board, engine, service_queue):
    lease = FakeLease(speaker=False)
    board = make_board(lease)
    service_queue.issue(group_code="A", now=TUESDAY_10)
    service_queue.call_next(counter_number=1, now=TUESDAY_10)
    qtbot.waitUntil(lambda: len(engine.texts) == 1, timeout=10000)
    assert lease.asked == [] and board.speaker is not None and board.speaker.zone == ""
