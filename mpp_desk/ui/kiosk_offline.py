"""The kiosk on a joined PC: the server's event stream, and the upkeep that lets it issue while the server is away.

:class:`KioskOfflineMixin` is mixed into :class:`~mpp_desk.ui.kiosk.KioskWindow`. Once the kiosk is open it
starts the :class:`~mpp_desk.ui.queue_stream.QueueStreamBridge` (each queue event re-reads the tiles) and the
offline upkeep (:meth:`mpp_desk.queue.offline.OfflineKiosk.upkeep` on the network lane, never the UI thread):
right after start, then every minute online and every few seconds while the server is away, and at once when
the stream finds the server again. A round sends the tickets issued while the server was away and tops up the
leased number blocks. On a PC that never joined a server the first round answers None and nothing more runs.

What the citizen sees does not change: an offline ticket is shown and printed like any other. The state is
for staff and IT only: under the administrator's PIN pad (:meth:`admin_status`) and in the log.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QTimer

from mpp_desk.officetime import pukul
from mpp_desk.ui.queue_stream import QueueStreamBridge
from mpp_desk.ui.tasks import Op

log = logging.getLogger(__name__)


class KioskOfflineMixin:
    live: QueueStreamBridge | None = None
    offline_status = None  # the last OfflineStatus (None: not joined, or no round finished yet)
    upkeep_timer: QTimer | None = None
    upkeep_scale = 1.0  # tests shorten the rounds' spacing
    _upkeeping = False

    def _start_live(self) -> None:
        """On a joined PC: the server's queue events refresh the waiting counts at once (the timer stays), and the
        offline upkeep starts."""
        self.live = QueueStreamBridge(self)  # type: ignore[arg-type]
        self.live.sig_event.connect(lambda _event: self.refresh())  # type: ignore[attr-defined]
        self.live.sig_online.connect(self._stream_online)
        self.live.start_if_joined(self._tasks, self._ctx)  # type: ignore[attr-defined]
        self.upkeep_timer = QTimer(self)  # type: ignore[arg-type]
        self.upkeep_timer.setSingleShot(True)
        self.upkeep_timer.timeout.connect(self.run_upkeep)
        self.run_upkeep()

    def _stop_live(self) -> None:
        if self.upkeep_timer is not None:
            self.upkeep_timer.stop()
        if self.live is not None:
            self.live.stop()

    def _stream_online(self, online: bool) -> None:
        if online and self.offline_status is not None:  # the server is back: send what waits, now
            self.run_upkeep()

    def run_upkeep(self) -> None:
        """One round on the network lane (skipped while one runs)."""
        tasks = self._tasks  # type: ignore[attr-defined]
        if self._upkeeping or tasks.closed:
            return
        from mpp_desk.queue.offline import upkeep_if_joined  # lazy: SQLAlchemy and the models, kept out of the first paint of the kiosk

        self._upkeeping = True
        ctx = self._ctx  # type: ignore[attr-defined]
        Op(tasks, lambda: upkeep_if_joined(ctx), lane="network").success(self._upkept).failure(
            self._upkeep_failed).run()

    def _upkept(self, status) -> None:
        self._upkeeping = False
        if status is None:  # not joined: the PC's own queue needs no upkeep
            return
        before, self.offline_status = self.offline_status, status
        if before is None or (before.online, before.pending, before.refused) != (status.online, status.pending,
                                                                                  status.refused):
            log.info("kiosk offline upkeep: %s", self.offline_text().replace("\n", "; "))
        assert self.upkeep_timer is not None
        self.upkeep_timer.start(max(50, round(status.next_upkeep_s * 1000 * self.upkeep_scale)))
        if before is not None and not before.online and status.online:
            self.refresh()  # type: ignore[attr-defined]  # the server's tiles again
        self._show_admin_status()

    def _upkeep_failed(self, error: BaseException) -> None:
        self._upkeeping = False
        log.warning("kiosk offline upkeep failed: %s", error)
        if self.upkeep_timer is not None:
            self.upkeep_timer.start(max(50, round(10_000 * self.upkeep_scale)))

    # ----- staff and IT only ---------------------------------------------------------------------
    def offline_text(self) -> str:
        status = self.offline_status
        if status is None:
            return ""
        if status.online or status.away_since is None:
            lines = [QCoreApplication.translate("KioskWindow", "Queue server: connected.")]
        else:
            lines = [QCoreApplication.translate(
                "KioskWindow", "Queue server away since {time}: numbers come from this kiosk's blocks.").format(
                    time=pukul(status.away_since))]
        lines.append(QCoreApplication.translate(
            "KioskWindow", "Tickets issued offline, not sent yet: {count}").format(count=status.pending))
        left = ", ".join(f"{code} {count}" for code, count in sorted(status.remaining.items())) or "-"
        lines.append(QCoreApplication.translate("KioskWindow", "Numbers left in the blocks: {left}").format(left=left))
        if status.refused:
            lines.append(QCoreApplication.translate(
                "KioskWindow", "Refused by the server: {count} (see the log)").format(count=status.refused))
        return "\n".join(lines)

    def admin_status(self) -> str:
        return self.offline_text()

    def _show_admin_status(self) -> None:
        label = getattr(self, "pin_status", None)
        if label is not None and self.pin_showing:  # type: ignore[attr-defined]
            label.setText(self.offline_text())
            label.setVisible(bool(label.text()))
