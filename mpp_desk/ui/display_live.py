"""The display board on a joined PC: woken by the server's event stream, and saying when it is offline.

:class:`LiveBoardMixin` is mixed into :class:`~mpp_desk.ui.display.DisplayWindow`. :meth:`start_live`
starts the board's poll timer and a :class:`~mpp_desk.ui.queue_stream.QueueStreamBridge`: on a PC that
joined a server, every event the stream delivers triggers a poll at once (the timer slows to a fallback),
and while the stream has lost the server a notice under the header says since when the board is offline,
so stale calls are not taken for current ones. A PC that never joined polls as before; nothing is shown.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from mpp_desk.officetime import pukul
from mpp_desk.ui.queue_stream import QueueStreamBridge

FALLBACK_POLL_MS = 2000  # with the stream waking the board, the timer only covers a lost event


class LiveBoardMixin:
    stream_factory = None  # tests: (ctx, on_state) -> an EventStream-like object
    live: QueueStreamBridge | None = None
    offline_note: QLabel | None = None
    offline_since = None

    def start_live(self) -> None:
        self.poll_timer.start()  # type: ignore[attr-defined]
        self.offline_note = QLabel("")
        self.offline_note.setObjectName("boardOffline")
        self.offline_note.setWordWrap(True)
        self.offline_note.hide()
        self.main_layout.insertWidget(1, self.offline_note)  # type: ignore[attr-defined]
        self.live = QueueStreamBridge(self, stream_factory=self.stream_factory)  # type: ignore[arg-type]
        self.live.sig_event.connect(lambda _event: self.poll())  # type: ignore[attr-defined]
        self.live.sig_online.connect(self.show_online)
        self.live.sig_checked.connect(self._streaming)
        self.live.start_if_joined(self._tasks, self._ctx)  # type: ignore[attr-defined]

    def _streaming(self, joined: bool) -> None:
        if joined:
            self.poll_timer.setInterval(FALLBACK_POLL_MS)  # type: ignore[attr-defined]

    def show_online(self, online: bool) -> None:
        assert self.offline_note is not None
        if online:
            self.offline_since = None
            self.offline_note.hide()
            self.poll()  # type: ignore[attr-defined]  # catch up at once
            return
        if self.offline_since is None:
            self.offline_since = self.now()  # type: ignore[attr-defined]
        self.offline_note.setText(QCoreApplication.translate(
            "DisplayWindow", "Not connected to the queue server since {time}: the calls shown may not be the latest."
        ).format(time=pukul(self.offline_since)))
        self.offline_note.show()

    def stop_live(self) -> None:
        if self.live is not None:
            self.live.stop()
