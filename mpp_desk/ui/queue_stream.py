"""The queue's live events in a window: the server's stream read on a worker thread, re-emitted as signals.

:class:`QueueStreamBridge` is for the board, the counter panel and the kiosk of a PC that joined a server
(docs/queue.md, "Across the building"). It looks off the UI thread whether the PC has joined; only then it
reads the board's state (for the starting point) and runs :class:`mpp_desk.queue.remote.EventStream` on a
daemon thread. Each event and each change of connection reaches the UI thread as a queued signal; a
screen refreshes on ``sig_event`` instead of polling, and says it is offline on ``sig_online(False)``.
A PC that never joined: nothing starts, nothing is emitted.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from mpp_desk.errors import UserError
from mpp_desk.ui.tasks import Op, TaskManager


class QueueStreamBridge(QObject):
    sig_event = Signal(object)
    """An :class:`~mpp_desk.queue.views.EventView` from the server (queued, on the UI thread)."""
    sig_online = Signal(bool)
    """The stream connected (True) or lost the server (False)."""
    sig_checked = Signal(bool)
    """Whether this PC streams from a server (it joined one), once known."""

    def __init__(self, parent: QObject | None = None, *, stream_factory=None) -> None:
        super().__init__(parent)
        self.stream = None
        self.online: bool | None = None
        self.events = 0
        self._factory = stream_factory
        self.sig_online.connect(self._remember)
        self.sig_event.connect(self._count)
        # A screen deleted with its bridge (a sign-out drops the shell) stops the stream's thread: the
        # holder is plain Python, reachable after the Qt object is gone.
        self._holder: list = []
        holder = self._holder
        self.destroyed.connect(lambda *_: [stream.stop() for stream in holder])

    def start_if_joined(self, tasks: TaskManager, ctx) -> None:
        """Off the UI thread: the server queue of this PC, if joined, and its newest event; then stream from it."""
        if self.stream is not None:
            return

        factory, on_state = self._factory, self.sig_online.emit  # taken here, on the UI thread

        def prepare():
            if factory is not None:
                return factory(ctx, on_state)
            from mpp_desk.queue.remote import remote_backend_if_joined  # lazy: kept out of the first paint of the display board

            queue = remote_backend_if_joined(ctx)
            if queue is None:
                return None
            try:
                after = queue.board_state(last_calls=0).last_seq
            except UserError:  # the server away at the start: the stream says so, and reconnects by itself
                after = None
            return queue.event_stream(after=after, on_state=on_state)

        Op(tasks, prepare).success(self._start).run()

    def _start(self, stream) -> None:
        from shiboken6 import isValid

        if not isValid(self):  # the screen (and this bridge) went away while the server was asked
            if stream is not None:
                stream.stop()
            return
        if stream is not None and self.stream is None:
            self.stream = stream
            self._holder.append(stream)
            stream.run_in_thread(self.sig_event.emit)
        self.sig_checked.emit(self.stream is not None)

    def _remember(self, online: bool) -> None:
        self.online = online

    def _count(self, _event) -> None:
        self.events += 1

    def stop(self) -> None:
        if self.stream is not None:
            self.stream.stop()
            self.stream = None
        self._holder.clear()
