"""The live queue's events reach a window's UI thread as signals; a PC that never joined starts nothing."""

from __future__ import annotations

import datetime as dt
import threading
import uuid

from PySide6.QtCore import QThread

from mpp_desk.queue.views import EventView
from mpp_desk.ui.queue_stream import QueueStreamBridge


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
