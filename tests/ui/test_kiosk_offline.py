"""The joined kiosk's screen while the queue server is away: it issues from its leased block and the visitor
sees and gets an ordinary ticket; a used-up block says numbers cannot be taken now; the tickets go to the
server when it answers again. The server is an httpx MockTransport behind a real RemoteQueue."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import httpx
import pytest
from PySide6.QtCore import Qt

from mpp_desk import signing
from mpp_desk.queue.offline import OfflineKiosk
from mpp_desk.queue.remote import RemoteQueue
from tests.ui.queue_helpers import TUESDAY_10, Clock, allow_exit, queue_ctx, set_setting

__all__ = ["queue_ctx"]  # fixtures used by this module

SHOTS = os.environ.get("MPP_KIOSK_SHOTS")  # a folder: the screens are saved there as PNG (a person looks at them)


class MockServer:
    """The queue server's kiosk routes; ``up = False`` refuses every connection like a server that is gone."""

    def __init__(self) -> None:
        self.up = True
        self.last = {"A": 0, "B": 0}
        self.stored: dict[str, dict] = {}

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if not self.up:
            raise httpx.ConnectError("connection refused", request=request)
        path = request.url.path
        if path == "/v1/queue/kiosk":
            return httpx.Response(200, json={"groups": [
                {"code": "A", "name": "Perizinan Berusaha", "open": True, "waiting": 2, "reason": None, "services": []},
                {"code": "B", "name": "Non-perizinan", "open": True, "waiting": 0, "reason": None, "services": []}]})
        body = json.loads(request.content or b"{}")
        if path == "/v1/queue/blocks":
            code = body["group_code"]
            first, self.last[code] = self.last[code] + 1, self.last[code] + body["size"]
            return httpx.Response(200, json={"group_code": code, "service_date": "2026-11-24", "first": first,
                                             "last": self.last[code]})
        if path == "/v1/queue/offline-tickets":
            self.stored.update({t["id"]: t for t in body["tickets"]})
            return httpx.Response(200, json={"results": [{"id": t["id"], "status": "stored"} for t in body["tickets"]]})
        return httpx.Response(404, json={"detail": path})


@pytest.fixture
def server():
    return MockServer()


@pytest.fixture
def kiosk(qtbot, queue_ctx, tasks, server, monkeypatch):
    from mpp_desk.queue import offline
    from mpp_desk.ui.kiosk import KioskWindow

    remote = RemoteQueue("http://queue.test", "credential", ctx=queue_ctx, attempts=1,
                         transport=httpx.MockTransport(server))
    set_setting(queue_ctx, "printer.ticket", "pdf")
    joined = OfflineKiosk(remote, Path(queue_ctx.data_dir), block_size=2)
    monkeypatch.setattr(offline, "offline_kiosk_if_joined", lambda ctx: joined)
    window = KioskWindow(ctx=queue_ctx, tasks=tasks, clock=Clock(TUESDAY_10))
    window.keep_in_front = False
    window.queue = joined
    qtbot.addWidget(window, before_close_func=allow_exit)
    window.resize(1920, 1080)
    window.show()
    with qtbot.waitSignal(window.sig_ready, timeout=10000):
        window.open_database()
    qtbot.waitUntil(lambda: window.offline_status is not None, timeout=10000)
    return window


def shot(window, name: str) -> None:
    if SHOTS:
        window.grab().save(str(Path(SHOTS) / f"{name}.png"))


def tap(qtbot, window, code: str):
    with qtbot.waitSignal(window.sig_ticket_shown, timeout=10000) as shown:
        qtbot.mouseClick(window.tiles[code], Qt.MouseButton.LeftButton)
    return shown.args[0]


def visible_text(window) -> str:
    from PySide6.QtWidgets import QLabel

    return "\n".join(label.text() for label in window.findChildren(QLabel) if label.isVisibleTo(window))


def test_the_server_away_the_kiosk_issues_an_ordinary_ticket_from_its_block(qtbot, kiosk, queue_ctx, server):
    status = kiosk.offline_status
    assert status.online and status.remaining == {"A": 2, "B": 2}  # leased right after start, on the network lane
    assert "2 orang menunggu" in kiosk.tiles["A"].count_label.text()
    server.up = False

    ticket = tap(qtbot, kiosk, "A")
    shot(kiosk, "kiosk-offline-ticket")
    assert kiosk.current_page is kiosk.ticket_page
    assert kiosk.ticket_code.text() == "A001" == ticket.code
    assert kiosk.ticket_group.text() == "Perizinan Berusaha"
    assert "2 orang di depan Anda" in kiosk.ticket_ahead.text() and "10 menit" in kiosk.ticket_wait.text()
    assert kiosk.print_note.text() == "Silakan ambil tiket Anda di bawah layar."
    screen = visible_text(kiosk).lower()
    assert "server" not in screen and "offline" not in screen and "luring" not in screen  # nothing odd for the citizen
    slip = ticket.slip  # the paper: number, group, office time, a QR signed by this PC
    assert ticket.printed.ok and not slip.copy
    assert (slip.code, slip.group_line(), slip.when_line()) == (
        "A001", "A – Perizinan Berusaha", "Selasa, 24 November 2026 pukul 10.00 WIB")
    assert slip.ahead == 2 and slip.estimated_wait_minutes == 10
    checked = signing.Signer.for_data_dir(queue_ctx.data_dir).verify(slip.qr_data)
    assert checked.valid and checked.kind == "q" and checked.fields == {"c": "A001", "d": "2026-11-24"}
    assert kiosk.queue.pending[0]["printed"] is True and list((queue_ctx.data_dir / "tickets").glob("*A001*.pdf"))

    kiosk.done_button.click()
    second = tap(qtbot, kiosk, "A")
    assert second.code == "A002"
    kiosk.run_upkeep()  # IT's view (under the PIN pad): what waits to be sent, what is left
    qtbot.waitUntil(lambda: not kiosk.offline_status.online and kiosk.offline_status.pending == 2, timeout=10000)
    assert kiosk.upkeep_timer.isActive() and kiosk.upkeep_timer.interval() == 10_000  # asked again soon
    admin = kiosk.admin_status()
    assert "Tiket yang diterbitkan saat server tidak tersambung, belum terkirim: 2" in admin
    assert "Sisa nomor cadangan: A 0, B 2" in admin
    assert admin.startswith("Server antrian tidak tersambung sejak pukul 10.00 WIB")
    kiosk.ask_pin()  # shown to IT under the administrator's PIN pad only
    assert kiosk.pin_status.isVisibleTo(kiosk) and kiosk.pin_status.text() == admin
    shot(kiosk, "kiosk-offline-pin-status")
    kiosk.pin_pad.cancel()
    assert kiosk.current_page is kiosk.ticket_page

    kiosk.done_button.click()
    qtbot.mouseClick(kiosk.tiles["A"], Qt.MouseButton.LeftButton)  # A's block is used up, the server still away
    qtbot.waitUntil(lambda: kiosk.current_page is kiosk.message_page, timeout=10000)
    shot(kiosk, "kiosk-offline-block-empty")
    assert kiosk.message_text.text() == ("Nomor antrian untuk Perizinan Berusaha belum dapat diambil saat ini. "
                                         "Silakan bertanya kepada petugas di meja informasi.")
    assert len(kiosk.queue.pending) == 2  # nothing half-written

    server.up = True
    kiosk.run_upkeep()
    qtbot.waitUntil(lambda: kiosk.offline_status.online and kiosk.offline_status.pending == 0, timeout=10000)
    assert sorted(t["number"] for t in server.stored.values()) == [1, 2]
    assert all(t["group_code"] == "A" and t["service_date"] == "2026-11-24" for t in server.stored.values())
    assert [dt.datetime.fromisoformat(t["issued_at"]) for t in server.stored.values()] == [TUESDAY_10, TUESDAY_10]
    assert kiosk.offline_status.remaining["A"] == 2  # topped up again
