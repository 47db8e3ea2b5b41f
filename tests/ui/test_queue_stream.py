"""The live queue's events reach a window's UI thread as signals; a PC that never joined starts nothing."""

from __future__ import annotations

import datetime as dt
import threading
import uuid

from PySide6.QtCore import QThread

from mpp_desk.queue.views import EventView
from mpp_desk.ui.queue_stream import QueueStreamBridge
from tests.ui.queue_helpers import queue_ctx


class FakeStream:
    """Like EventStream: events and connection states delivered on its own thread."""

    def __init__(self, on_state) -> None:
        self.on_state = on_state
        self.stopped = False

    def run_in_thread(self, on_event):
        def run() -> None:
            self.on_state(True)
            for seq in (1, 2, 3):
                on_event(EventView(seq, "called", uuid.uuid4(), f"A00{seq}", "A", 3,
                                   dt.datetime(2026, 11, 24, 3, tzinfo=dt.timezone.utc)))
            self.on_state(False)

        thread = threading.Thread(target=run, daemon=True)
        thread.start()
        return thread

    def stop(self) -> None:
        self.stopped = True


def test_events_and_the_connection_arrive_on_the_ui_thread(qtbot, tasks, app_ctx):
    made: list[FakeStream] = []
    bridge = QueueStreamBridge(stream_factory=lambda ctx, on_state: made.append(FakeStream(on_state)) or made[-1])
    threads: list[bool] = []
    seqs: list[int] = []
    bridge.sig_event.connect(lambda e: (seqs.append(e.seq), threads.append(QThread.currentThread() is bridge.thread())))
    states: list[bool] = []
    bridge.sig_online.connect(states.append)
    bridge.start_if_joined(tasks, app_ctx)
    qtbot.waitUntil(lambda: states == [True, False])
    assert seqs == [1, 2, 3] and all(threads) and bridge.events == 3 and bridge.online is False
    bridge.stop()
    assert made[0].stopped and bridge.stream is None


def test_a_pc_that_never_joined_streams_nothing(qtbot, tasks, app_ctx):
    bridge = QueueStreamBridge()
    with qtbot.waitSignal(bridge.sig_checked) as checked:
        bridge.start_if_joined(tasks, app_ctx)
    assert checked.args == [False]
    assert bridge.stream is None and bridge.events == 0 and bridge.online is None


class QuietStream:
    """A stream the test drives by hand (from the UI thread)."""

    def __init__(self, on_state) -> None:
        self.on_state = on_state
        self.on_event = None
        self.stopped = False

    def run_in_thread(self, on_event):
        self.on_event = on_event

    def stop(self) -> None:
        self.stopped = True


def test_the_board_polls_on_each_event_and_says_since_when_it_is_offline(qtbot, queue_ctx, tasks):
    from mpp_desk.ui.display import DisplayWindow
    from mpp_desk.ui.speech import Announcer
    from tests.ui.queue_helpers import TUESDAY_10, Clock, FakeEngine, allow_exit

    made: list[QuietStream] = []
    window = DisplayWindow(ctx=queue_ctx, tasks=tasks, clock=Clock(TUESDAY_10), announcer=Announcer(engine=FakeEngine()))
    window.stream_factory = lambda ctx, on_state: made.append(QuietStream(on_state)) or made[-1]
    window.keep_in_front = False
    qtbot.addWidget(window, before_close_func=allow_exit)
    window.resize(1920, 1080)
    window.show()
    with qtbot.waitSignal(window.sig_ready, timeout=10000):
        window.open_database()
    qtbot.waitUntil(lambda: window.live.stream is not None)
    assert window.poll_timer.interval() == 2000 and window.offline_note.isHidden()

    made[0].on_state(False)
    assert window.offline_note.isVisible()
    assert window.offline_note.text() == ("Tidak tersambung ke server antrian sejak pukul 10.00 WIB: panggilan yang "
                                          "tampil mungkin bukan yang terbaru.")
    before = window.poll_count
    made[0].on_event(EventView(1, "issued", uuid.uuid4(), "A001", "A", None,
                               dt.datetime(2026, 11, 24, 3, tzinfo=dt.timezone.utc)))
    qtbot.waitUntil(lambda: window.poll_count > before)
    made[0].on_state(True)
    assert window.offline_note.isHidden()
    window.shutdown()
    assert made[0].stopped


__all__ = ["queue_ctx"]
