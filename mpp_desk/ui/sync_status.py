"""Background sync in the window: the worker (a plain thread, mpp_desk/sync/worker.py) and its status line.

:class:`SyncBridge` is built in the bootstrap. Once the database is open it checks, off the UI thread,
whether this PC has joined a server; only then does it start the worker, whose states come back to the
UI thread as a queued signal. A PC that never joined runs exactly as before: no thread, no widget.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QWidget

from mpp_desk.ui.tasks import Op, TaskManager
from mpp_desk import officetime
from mpp_desk.i18n import translate


class SyncBridge(QObject):
    """Owns the sync worker of this window and re-emits its states on the UI thread."""

    sig_state = Signal(object)
    """A new :class:`~mpp_desk.sync.worker.SyncState` (delivered queued, on the UI thread)."""

    def __init__(self, parent: QObject | None = None, *, interval: float = 5.0, worker_factory=None) -> None:
        super().__init__(parent)
        self.interval = interval
        self.worker = None
        self.state = None
        self._worker_factory = worker_factory
        self.sig_state.connect(self._remember)

    def start_if_joined(self, tasks: TaskManager, ctx) -> None:
        """Look (off the UI thread) whether this PC joined a server; if so, start background sync."""
        if self.worker is not None:
            return

        def joined() -> bool:
            from mpp_desk.sync.client import load_joined  # lazy: kept out of the first paint of the staff window, kiosk, display board and survey screen

            return load_joined(Path(ctx.data_dir)) is not None

        Op(tasks, joined).success(lambda yes: self._start(ctx) if yes else None).run()

    def _start(self, ctx) -> None:
        if self.worker is not None or ctx.db is None:
            return
        if self._worker_factory is not None:
            self.worker = self._worker_factory(ctx, self.sig_state.emit)
        else:
            from mpp_desk.sync.worker import SyncWorker  # lazy: kept out of the first paint of the staff window, kiosk, display board and survey screen

            self.worker = SyncWorker(ctx.db, ctx.data_dir, interval=self.interval, on_state=self.sig_state.emit)
        self.worker.start()

    def _remember(self, state) -> None:
        self.state = state

    def stop(self) -> None:
        if self.worker is not None:
            self.worker.stop()
            self.worker = None


class SyncStatus(QLabel):
    """The header's sync line: online/offline, changes waiting, the last sync in office time."""

    def __init__(self, bridge: SyncBridge | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("headerNote")
        self.setVisible(False)
        if bridge is not None:
            bridge.sig_state.connect(self.show_state)
            if bridge.state is not None:
                self.show_state(bridge.state)

    def show_state(self, state) -> None:
        if not state.joined:
            self.setVisible(False)
            return
        if state.online is None:
            text = self.tr("Server: connecting…")
        elif state.online:
            text = self.tr("Online")
        else:
            text = self.tr("Offline")
        parts = [text]
        if needs_update(state.problem):  # the server refuses this version: say it where it is seen
            parts = [self.tr("Update MPP Desk on this PC: the server no longer accepts this version")]
        if state.pending:
            parts.append(self.tr("%n change(s) waiting", "", state.pending))
        elif state.online:
            parts.append(self.tr("all changes sent"))
        if state.last_sync_at:
            moment = dt.datetime.fromisoformat(state.last_sync_at)
            if moment.tzinfo is None:
                moment = moment.replace(tzinfo=dt.timezone.utc)
            parts.append(self.tr("last sync {time}").format(time=_when(moment)))
        self.setText(" · ".join(parts))
        self.setProperty("online", bool(state.online))
        self.setProperty("update", needs_update(state.problem))
        self.style().unpolish(self)
        self.style().polish(self)
        self.setToolTip(state.problem or "")
        self.setVisible(True)


# The sync client's message for a 426 answer (mpp_desk/sync/client.py, ServerApi._fail); a test keeps them equal.
TOO_OLD = "This MPP Desk is too old for the server: {detail}"


def needs_update(problem: str | None) -> bool:
    """Whether the worker's last problem is the server refusing this version (HTTP 426), in either language."""
    if not problem:
        return False

    prefixes = {TOO_OLD.split("{detail}")[0], translate("sync", TOO_OLD).split("{detail}")[0]}
    return any(problem.startswith(p) for p in prefixes)


def _when(moment: dt.datetime) -> str:
    """ "pukul 10.05 WIB" today, "03-12-2026 pukul 10.05 WIB" on another day (office time)."""
    if officetime.local_date(moment) == officetime.clock().today():
        return officetime.pukul(moment)
    return f"{officetime.dmy(moment)} {officetime.pukul(moment)}"
