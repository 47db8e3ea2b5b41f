"""The ticket kiosk driven like a visitor would: tiles, the priority path, closed lines, printer faults,
the idle return, and leaving only with the administrator PIN."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt

from tests.ui.queue_helpers import (
    FRIDAY_NOON,
    TUESDAY_10,
    Clock,
    allow_exit,
    queue_ctx,
    service_queue,
    set_setting,
    ticket_row,
)

__all__ = ["queue_ctx", "service_queue"]  # fixtures used by this module


@pytest.fixture
def kiosk(qtbot, queue_ctx, tasks):
    from mpp_desk.ui.kiosk import KioskWindow

    window = KioskWindow(ctx=queue_ctx, tasks=tasks, clock=Clock(TUESDAY_10))
    window.keep_in_front = False
    qtbot.addWidget(window, before_close_func=allow_exit)
    window.resize(1080, 1920)
    window.show()
    return window


def open_kiosk(qtbot, window):
    with qtbot.waitSignal(window.sig_ready, timeout=10000):
        window.open_database()
    assert window.current_page is window.start_page


def take(qtbot, window, code: str):
    with qtbot.waitSignal(window.sig_ticket_shown, timeout=10000) as shown:
        qtbot.mouseClick(window.tiles[code], Qt.MouseButton.LeftButton)
    return shown.args[0]


def test_a_tile_tap_issues_prints_and_shows_the_number_large(qtbot, kiosk, queue_ctx):
    set_setting(queue_ctx, "printer.ticket", "pdf")
    open_kiosk(qtbot, kiosk)
    assert set(kiosk.tiles) == {"A", "B"}
    assert "0 orang menunggu" in kiosk.tiles["A"].count_label.text()
    ticket = take(qtbot, kiosk, "A")
    assert kiosk.current_page is kiosk.ticket_page
    assert kiosk.ticket_code.text() == "A001" == ticket.code
    assert kiosk.ticket_code.font().pixelSize() >= 250  # readable from a standing distance
    assert "Anda berikutnya" in kiosk.ticket_ahead.text()
    assert kiosk.print_note.objectName() == "kioskPrinted" and "ambil tiket" in kiosk.print_note.text()
    assert ticket_row(queue_ctx, "A001").printed
    assert list((queue_ctx.data_dir / "tickets").glob("*A001*.pdf"))
    kiosk.done_button.click()
    assert kiosk.current_page is kiosk.start_page
    qtbot.waitUntil(lambda: "1 orang menunggu" in kiosk.tiles["A"].count_label.text(), timeout=10000)
    second = take(qtbot, kiosk, "A")
    assert kiosk.ticket_code.text() == "A002" and second.issued.ahead == 1
    assert "1 orang di depan Anda" in kiosk.ticket_ahead.text()
    assert "menit" in kiosk.ticket_wait.text() and kiosk.ticket_wait.isVisibleTo(kiosk)


def test_the_priority_path_puts_the_visitor_ahead_of_the_normal_line(qtbot, kiosk, queue_ctx, service_queue):
    service_queue.issue(group_code="A", now=TUESDAY_10)  # A001 waits in the normal line
    open_kiosk(qtbot, kiosk)
    qtbot.mouseClick(kiosk.priority_button, Qt.MouseButton.LeftButton)
    assert kiosk.current_page is kiosk.priority_page
    assert [b.text() for b in kiosk.reason_buttons.values()] == [
        "Lansia", "Penyandang disabilitas", "Ibu hamil", "Ibu menyusui"]
    qtbot.mouseClick(kiosk.reason_buttons["pregnant"], Qt.MouseButton.LeftButton)
    assert kiosk.current_page is kiosk.start_page
    assert kiosk.banner.isVisibleTo(kiosk) and "Ibu hamil" in kiosk.banner_label.text()
    ticket = take(qtbot, kiosk, "A")
    assert ticket.code == "A002" and ticket.issued.ahead == 0  # called before A001
    assert "Ibu hamil" in kiosk.ticket_priority.text() and kiosk.ticket_priority.isVisibleTo(kiosk)
    row = ticket_row(queue_ctx, "A002")
    assert row.priority and row.priority_reason == "pregnant"
    assert not kiosk.banner.isVisibleTo(kiosk)  # the next visitor starts in the normal line
    assert kiosk.priority_reason is None


def test_a_closed_line_says_why_and_issues_nothing(qtbot, kiosk, queue_ctx):
    from mpp_desk import queue as q
    from mpp_desk.roles import TERMINAL

    with queue_ctx.uow(actor=TERMINAL) as uow:
        q.update_group(uow, code="B", open_time=dt.time(13, 0))
        uow.commit()
    open_kiosk(qtbot, kiosk)
    tile = kiosk.tiles["B"]
    assert tile.property("closed") is True
    assert "13:00" in tile.reason_label.text()
    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
    assert kiosk.current_page is kiosk.message_page
    assert "13:00" in kiosk.message_text.text()
    from mpp_desk.queue import LocalQueue

    assert LocalQueue(queue_ctx.open()).waiting_counts(now=TUESDAY_10)["B"] == 0


def test_the_friday_prayer_break_closes_every_line_with_a_clear_message(qtbot, kiosk):
    kiosk.clock.moment = FRIDAY_NOON
    open_kiosk(qtbot, kiosk)
    assert all(tile.property("closed") for tile in kiosk.tiles.values())
    assert kiosk.closed_note.isVisibleTo(kiosk)
    assert "salat Jumat" in kiosk.closed_note.text() and "13:00" in kiosk.closed_note.text()
    assert not kiosk.priority_button.isVisibleTo(kiosk)


def test_a_missing_printer_still_issues_and_says_where_to_get_the_number(qtbot, kiosk, queue_ctx):
    open_kiosk(qtbot, kiosk)  # printer.ticket is not set up
    take(qtbot, kiosk, "A")
    assert kiosk.ticket_code.text() == "A001"
    assert kiosk.print_note.objectName() == "kioskNotPrinted"
    assert "A001" in kiosk.print_note.text() and "meja informasi" in kiosk.print_note.text()
    assert not ticket_row(queue_ctx, "A001").printed  # staff see it in the reprint list


def test_a_printer_out_of_paper_still_issues_the_ticket(qtbot, kiosk, queue_ctx, monkeypatch):
    from mpp_desk.printing.printers import OUT_OF_PAPER, PrintFailed
    from mpp_desk.ui.ops import queue as ops

    class EmptyPrinter:
        label = "escpos-usb:test"
        needs_qt = False

        def print_ticket(self, slip):
            return PrintFailed(OUT_OF_PAPER, "paper sensor")

    monkeypatch.setattr(ops, "ticket_printer", lambda ctx, *keys: EmptyPrinter())
    open_kiosk(qtbot, kiosk)
    take(qtbot, kiosk, "B")
    assert kiosk.ticket_code.text() == "B001"
    assert "Kertas printer tiket habis" in kiosk.print_note.text() and "B001" in kiosk.print_note.text()
    assert not ticket_row(queue_ctx, "B001").printed


def test_idle_returns_to_the_start_screen(qtbot, kiosk):
    open_kiosk(qtbot, kiosk)
    kiosk.idle_ms = 200
    take(qtbot, kiosk, "A")
    assert kiosk.current_page is kiosk.ticket_page
    qtbot.waitUntil(lambda: kiosk.current_page is kiosk.start_page, timeout=5000)
    # a half-finished priority choice is forgotten too
    kiosk.show_priority_page()
    kiosk.choose_priority("elderly")
    qtbot.waitUntil(lambda: kiosk.priority_reason is None, timeout=5000)
    assert not kiosk.banner.isVisibleTo(kiosk)


def test_closing_is_refused_without_the_pin_and_allowed_with_it(qtbot, kiosk):
    open_kiosk(qtbot, kiosk)
    kiosk._exit_allowed = False
    assert kiosk.close() is False
    assert kiosk.isVisible() and kiosk.pin_showing
    qtbot.keyClick(kiosk, Qt.Key.Key_Escape)  # Escape cancels the pad, never the kiosk
    assert kiosk.isVisible() and not kiosk.pin_showing
    qtbot.keyClick(kiosk, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert kiosk.pin_showing
    for digit in "111111":
        kiosk.pin_pad.press(digit)
    kiosk.pin_pad.press("ok")
    qtbot.waitUntil(lambda: "salah" in kiosk.pin_pad.message.text(), timeout=10000)
    assert kiosk.isVisible()
    qtbot.keyClicks(kiosk.pin_pad, "480512")  # the keyboard works like the pad
    with qtbot.waitSignal(kiosk.sig_exit_allowed, timeout=10000):
        qtbot.keyClick(kiosk.pin_pad, Qt.Key.Key_Return)
    assert not kiosk.isVisible()


def test_five_taps_in_the_corner_open_the_pin_pad(qtbot, kiosk):
    open_kiosk(qtbot, kiosk)
    for _ in range(4):
        qtbot.mouseClick(kiosk.office_label, Qt.MouseButton.LeftButton, pos=QPoint(2, 2))
    assert not kiosk.pin_showing
    qtbot.mouseClick(kiosk.office_label, Qt.MouseButton.LeftButton, pos=QPoint(2, 2))
    assert kiosk.pin_showing
