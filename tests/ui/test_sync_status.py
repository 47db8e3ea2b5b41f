"""The window's sync line and the background worker's start: only on a joined PC, never on the UI thread."""

from __future__ import annotations

import datetime as dt
import json

from mpp_desk.officetime import office_tz
from mpp_desk.sync.worker import SyncState
from mpp_desk.ui.sync_status import SyncBridge, SyncStatus
from tests.ui.conftest import wait_until


def test_the_status_line_shows_online_waiting_changes_and_the_last_sync_in_office_time(qtbot, office_clock):
    office_clock.set(dt.datetime(2026, 1, 5, 10, 30, tzinfo=office_tz()))
    bridge = SyncBridge()
    status = SyncStatus(bridge)
    qtbot.addWidget(status)
    assert status.isHidden()  # nothing before the worker said anything
    last = dt.datetime(2026, 1, 5, 3, 5, tzinfo=dt.timezone.utc)  # 10.05 in Purwakarta
    bridge.sig_state.emit(SyncState(joined=True, online=True, pending=3, last_sync_at=last.isoformat()))
    text = status.text()
    assert "3" in text and "pukul 10.05 WIB" in text and not status.isHidden()
    bridge.sig_state.emit(SyncState(joined=True, online=False, pending=0, last_sync_at=last.isoformat(),
                                    problem="Server tidak dapat dihubungi"))
    assert status.toolTip() == "Server tidak dapat dihubungi"
    assert "pukul 10.05 WIB" in status.text()
    office_clock.set(dt.datetime(2026, 1, 6, 8, 0, tzinfo=office_tz()))  # another day: the date is written too
    bridge.sig_state.emit(SyncState(joined=True, online=True, last_sync_at=last.isoformat()))
    assert "05-01-2026 pukul 10.05 WIB" in status.text()
    bridge.sig_state.emit(SyncState(joined=False))
    assert status.isHidden()


class FakeWorker:
    def __init__(self, ctx, publish) -> None:
        self.publish = publish
        self.started = self.stopped = False

    def start(self) -> None:
        self.started = True
        self.publish(SyncState(joined=True, online=True))

    def stop(self) -> None:
        self.stopped = True


def test_background_sync_starts_only_on_a_joined_pc(qtbot, tasks, app_ctx):
    app_ctx.open()
    made = []
    bridge = SyncBridge(worker_factory=lambda ctx, publish: made.append(FakeWorker(ctx, publish)) or made[-1])
    bridge.start_if_joined(tasks, app_ctx)
    qtbot.waitUntil(lambda: tasks.pending == 0)
    assert made == [] and bridge.worker is None  # a standalone PC: no thread, no status line

    (app_ctx.data_dir / "sync.json").write_text(json.dumps({
        "url": "http://127.0.0.1:1", "device_id": "d", "name": "loket-1", "role": "counter", "credential": "c",
        "office_name": "MPP", "joined_at": "2026-12-04T03:00:00+00:00"}))
    bridge.start_if_joined(tasks, app_ctx)
    wait_until(qtbot, lambda: bridge.worker is not None)
    wait_until(qtbot, lambda: bridge.state is not None and bridge.state.online)
    assert made[0].started
    bridge.stop()
    assert made[0].stopped


def test_the_network_lane_runs_beside_a_busy_database_thread(qtbot, tasks):
    import threading

    from mpp_desk.ui.tasks import Op

    release = threading.Event()
    got = []
    Op(tasks, lambda: release.wait(10)).run()  # the database thread is busy
    Op(tasks, lambda: threading.current_thread().name, lane="network").success(got.append).run()
    wait_until(qtbot, lambda: bool(got))
    assert got[0].startswith("mpp-net")
    release.set()


def test_a_server_that_refuses_this_version_is_shown_as_update_mpp_desk_in_indonesian(qtbot):
    """The client's own 426 message (through a transport answering as mpp-central does) is recognised."""
    import httpx
    import pytest

    from mpp_desk.server.app import upgrade_message
    from mpp_desk.sync import client
    from mpp_desk.ui.sync_status import needs_update

    transport = httpx.MockTransport(lambda request: httpx.Response(426, json={"detail": upgrade_message(0)}))
    with client.ServerApi("http://127.0.0.1:1", "c", transport=transport) as api, \
            pytest.raises(client.SyncRefused) as refused:
        api.pull(0)
    problem = refused.value.text()
    assert problem.startswith("Versi MPP Desk ini terlalu lama untuk server: PC ini memakai protokol sinkronisasi 0")
    assert "Perbarui MPP Desk di PC ini" in problem and "Upgrade" not in problem
    assert needs_update(problem) and needs_update(str(refused.value))  # Indonesian and English interface
    assert not needs_update("Server tidak dapat dihubungi") and not needs_update(None)
    status = SyncStatus()
    qtbot.addWidget(status)
    status.show_state(SyncState(joined=True, online=False, pending=2, problem=problem))
    assert status.text().startswith("Perbarui MPP Desk di PC ini: server tidak lagi menerima versi ini")
    assert "2 perubahan menunggu" in status.text() and status.toolTip() == problem
    assert status.property("update") is True
    status.show_state(SyncState(joined=True, online=True))
    assert status.text().startswith("Online") or status.text().startswith("Daring")
    assert status.property("update") is False
