"""The staff window of a joined PC syncs in the background and shows it in the header."""

from __future__ import annotations

from mpp_desk import auth
from mpp_desk.ui.main_window import MainWindow
from mpp_desk.ui.sync_status import SyncBridge
from tests.server.conftest import desk_json, enroll
from tests.server.test_sync_two_pcs import capture_complaint, officer

WAIT_MS = 30_000  # a ceiling for a hung worker, not a timing assertion


def test_a_joined_staff_window_syncs_in_the_background_and_shows_online(qtbot, server, server_db, make_pc):
    from mpp_desk.ui.tasks import TaskManager

    pc, other = make_pc("pc"), make_pc("other")
    desk_json(pc, "sync", "join", server, enroll(server_db, "loket-1", "admin"))
    desk_json(other, "sync", "join", server, enroll(server_db, "pengaduan-1", "complaints"))
    tasks = TaskManager()
    bridge = SyncBridge(interval=3600)  # only the wake-up after a write can send it in time
    window = MainWindow(ctx=pc, tasks=tasks, sync=bridge)
    qtbot.addWidget(window)
    try:
        window.open_database()
        qtbot.waitUntil(lambda: bridge.state is not None and bool(bridge.state.online), timeout=WAIT_MS)
        with pc.uow() as uow:  # the office's administrator, pulled from the server at join
            actor = auth.sign_in(uow, username="kepala", password="Kepala-Kantor-2026")
            uow.commit()
        window._signed_in(actor)
        status = window.shell.sync_status
        qtbot.waitUntil(lambda: not status.isHidden(), timeout=WAIT_MS)
        assert "Online" in status.text() and "WIB" in status.text()
        capture_complaint(pc, officer(pc, "budi"))  # a local write: sent without waiting for the tick
        qtbot.waitUntil(lambda: bridge.worker.runs >= 2 and bridge.state.pending == 0, timeout=WAIT_MS)
        assert desk_json(other, "sync", "now")["pulled"] > 0
    finally:
        bridge.stop()
        window.close()
        tasks.shutdown(wait=True)
