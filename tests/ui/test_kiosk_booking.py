"""The kiosk's booked visits (issue 17): the keypad types a code and the ticket comes at once; a scanner's
burst of keys ending in Enter does the same from the start screen; a refusal is said in Indonesian; a kiosk
without the server refuses clearly. The backend is a fake over the PC's own queue (the server's redeeming is
tested in tests/server/test_bookings.py)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from mpp_desk.queue.backend import LocalQueue
from mpp_desk.queue.errors import BookingRefused
from tests.ui.queue_helpers import TUESDAY_10, Clock, allow_exit, queue_ctx, set_setting

__all__ = ["queue_ctx"]  # fixtures used by this module

GOOD, USED = "ACDEFGHJ", "MNPRTUVW"


class FakeBookings:
    """The PC's queue, with the server's redeeming played: GOOD gives an A ticket, USED is refused."""

    def __init__(self, local: LocalQueue) -> None:
        self.local = local
        self.asked: list[str] = []

    def __getattr__(self, name):
        return getattr(self.local, name)

    def redeem_booking(self, *, code, now=None):
        self.asked.append(code)
        if code == GOOD:
            return self.local.issue(group_code="A", now=now)
        raise BookingRefused("Booking {code} has already been used for a ticket.", code=code)


@pytest.fixture
def kiosk(qtbot, queue_ctx, tasks, monkeypatch):
    from mpp_desk.ui.kiosk import KioskWindow
    from mpp_desk.ui.ops import queue as ops

    fake = FakeBookings(LocalQueue.from_context(queue_ctx))
    monkeypatch.setattr(ops, "queue_for", lambda ctx, actor=None: fake)
    set_setting(queue_ctx, "printer.ticket", "pdf")
    window = KioskWindow(ctx=queue_ctx, tasks=tasks, clock=Clock(TUESDAY_10))
    window.keep_in_front = False
    qtbot.addWidget(window, before_close_func=allow_exit)
    window.resize(1080, 1920)
    window.show()
    with qtbot.waitSignal(window.sig_ready, timeout=10000):
        window.open_database()
    window.fake = fake
    return window


def test_the_keypad_types_a_code_and_the_ticket_comes_at_once(qtbot, kiosk):
    booking = kiosk.booking
    assert booking.button.isVisibleTo(kiosk) and "kode booking" in booking.button.text()
    qtbot.mouseClick(booking.button, Qt.MouseButton.LeftButton)
    assert kiosk.current_page is booking.page
    pad = booking.keypad
    assert not pad.ok_button.isEnabled()
    for char in GOOD[:5]:
        qtbot.mouseClick(pad.keys[char], Qt.MouseButton.LeftButton)
    assert pad.display.text() == "ACDE-F___"
    qtbot.mouseClick(pad.delete_button, Qt.MouseButton.LeftButton)
    for char in GOOD[4:]:
        qtbot.mouseClick(pad.keys[char], Qt.MouseButton.LeftButton)
    assert pad.display.text() == "ACDE-FGHJ" and pad.ok_button.isEnabled()
    with qtbot.waitSignal(kiosk.sig_ticket_shown, timeout=10000) as shown:
        qtbot.mouseClick(pad.ok_button, Qt.MouseButton.LeftButton)
    assert kiosk.fake.asked == [GOOD]
    assert kiosk.current_page is kiosk.ticket_page and kiosk.ticket_code.text() == "A001" == shown.args[0].code
    assert shown.args[0].printed.ok


def test_a_scanned_code_is_redeemed_from_the_start_screen_and_a_refusal_is_said(qtbot, kiosk):
    assert kiosk.current_page is kiosk.start_page
    qtbot.keyClicks(kiosk, USED)  # a keyboard-wedge scanner: the characters at once, then Enter
    qtbot.keyClick(kiosk, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: kiosk.current_page is kiosk.message_page, timeout=10000)
    assert kiosk.fake.asked == [USED]
    assert "sudah dipakai" in kiosk.message_text.text() and USED in kiosk.message_text.text()
    assert "booking" in kiosk.message_title.text().lower()
    kiosk.back_to_start()
    with qtbot.waitSignal(kiosk.sig_ticket_shown, timeout=10000):
        qtbot.keyClicks(kiosk, GOOD.lower())
        qtbot.keyClick(kiosk, Qt.Key.Key_Enter)
    assert kiosk.ticket_code.text() == "A001"


def test_slow_typing_is_not_a_scan():
    from mpp_desk.ui.kiosk_booking import ScanCatcher

    moments = iter(x * 0.2 for x in range(20))
    catcher = ScanCatcher(clock=lambda: next(moments))
    seen: list[str] = []
    catcher.sig_scanned.connect(seen.append)
    for char in GOOD:
        catcher.feed(char, False)
    assert catcher.feed("", True) is False and seen == []
    fast = ScanCatcher(clock=lambda: 1.0)
    fast.sig_scanned.connect(seen.append)
    for char in "acde-fghj":
        fast.feed(char, False)
    assert fast.feed("\r", True) is True and seen == [GOOD]


def test_a_kiosk_without_the_server_refuses_a_booking_clearly(queue_ctx):
    with pytest.raises(BookingRefused) as refused:
        LocalQueue.from_context(queue_ctx).redeem_booking(code=GOOD)
    assert "server antrian" in refused.value.text("id") and "nomor antrian biasa" in refused.value.text("id")
