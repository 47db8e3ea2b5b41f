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


def test_idle_returns_to_the_start_screen(qtbot, kiosk, queue_ctx):
    set_setting(queue_ctx, "printer.ticket", "pdf")  # the paper came out (an unprinted number stays: see below)
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


def test_a_printer_fault_on_a_landscape_kiosk_keeps_the_whole_number_until_done_and_logs_it(
        qtbot, kiosk, queue_ctx, caplog):
    import logging

    from PySide6.QtWidgets import QLabel

    kiosk.resize(1920, 1080)  # printer.ticket is not set up: the paper never comes out
    kiosk.idle_ms = 200
    open_kiosk(qtbot, kiosk)
    qtbot.mouseClick(kiosk.priority_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(kiosk.reason_buttons["elderly"], Qt.MouseButton.LeftButton)
    with caplog.at_level(logging.WARNING):
        ticket = take(qtbot, kiosk, "A")
    assert kiosk.print_note.objectName() == "kioskNotPrinted"
    # the failed print is logged with the ticket's id and code
    logged = [r.getMessage() for r in caplog.records if str(ticket.issued.ticket.id) in r.getMessage()]
    assert logged and "A001" in logged[0] and "not printed" in logged[0]
    # nothing on the page is cut off, the big number least of all
    code = kiosk.ticket_code
    assert code.contentsRect().height() >= code.fontMetrics().height(), "the number is clipped at the top"
    assert code.contentsRect().width() >= code.fontMetrics().horizontalAdvance(code.text())
    for label in kiosk.ticket_page.findChildren(QLabel):
        if label.isVisibleTo(kiosk) and label.text():
            assert label.visibleRegion().boundingRect() == label.rect(), f"{label.objectName()} is cut off"
            if not label.wordWrap():
                assert label.height() >= label.fontMetrics().height(), f"{label.objectName()} is squeezed"
    assert kiosk.done_button.geometry().bottom() <= kiosk.ticket_page.height()
    assert "Selesai" in kiosk.idle_note.text()
    # no timer takes the number away: several idle periods later it is still there
    qtbot.wait(1000)
    assert kiosk.current_page is kiosk.ticket_page and kiosk.ticket_code.text() == "A001"
    qtbot.mouseClick(kiosk.done_button, Qt.MouseButton.LeftButton)
    assert kiosk.current_page is kiosk.start_page
    # a ticket that printed still goes back by itself
    set_setting(queue_ctx, "printer.ticket", "pdf")
    take(qtbot, kiosk, "B")
    assert kiosk.print_note.objectName() == "kioskPrinted"
    qtbot.waitUntil(lambda: kiosk.current_page is kiosk.start_page, timeout=5000)


def _qss_rules() -> dict[str, dict[str, str]]:
    import re

    from mpp_desk.paths import RESOURCES_DIR

    text = re.sub(r"/\*.*?\*/", "", (RESOURCES_DIR / "style" / "mpp_desk.qss").read_text(encoding="utf-8"), flags=re.S)
    rules: dict[str, dict[str, str]] = {}
    for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", text):
        props = dict((k.strip(), v.strip()) for k, _, v in (d.partition(":") for d in body.split(";")) if v.strip())
        for selector in selectors.split(","):
            rules.setdefault(" ".join(selector.split()), {}).update(props)
    return rules


def _colour(rules, selector: str, prop: str) -> str:
    """*prop* of *selector* as the style sheet gives it: the state rule, else the plain one, else the widget type's."""
    base = selector.split("[")[0]
    for candidate in (selector, base, base.split("#")[0]):
        value = rules.get(candidate, {}).get(prop)
        if value is not None:
            return {"white": "#ffffff", "black": "#000000"}.get(value, value)
    raise AssertionError(f"no {prop} for {selector}")


def contrast(foreground: str, background: str) -> float:
    """The WCAG 2 contrast ratio of two #rrggbb colours."""

    def luminance(colour: str) -> float:
        channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# Each text on the kiosk and the background it sits on (selectors of resources/style/mpp_desk.qss).
KIOSK_TEXT_ON = [
    ("QLabel#kioskOffice", "QFrame#kioskHeader"), ("QLabel#kioskClock", "QFrame#kioskHeader"),
    ("QLabel#kioskDate", "QFrame#kioskHeader"),
    ("QLabel#kioskTitle", "QWidget#kioskRoot"), ("QLabel#kioskSubtitle", "QWidget#kioskRoot"),
    ("QLabel#kioskWorking", "QWidget#kioskRoot"), ("QLabel#kioskMessageTitle", "QWidget#kioskRoot"),
    ("QLabel#kioskMessageText", "QWidget#kioskRoot"), ("QLabel#kioskClosedNote", "QLabel#kioskClosedNote"),
    ("QLabel#kioskBanner", "QFrame#kioskBannerFrame"),
    ("QLabel#kioskTileCode", "QLabel#kioskTileCode"),
    ('QLabel#kioskTileCode[closed="true"]', 'QLabel#kioskTileCode[closed="true"]'),
    ("QLabel#kioskTileName", "QPushButton#kioskTile"), ("QLabel#kioskTileCount", "QPushButton#kioskTile"),
    ("QLabel#kioskTileReason", "QPushButton#kioskTile"),
    ('QLabel#kioskTileName[closed="true"]', 'QPushButton#kioskTile[closed="true"]'),
    ('QLabel#kioskTileCount[closed="true"]', 'QPushButton#kioskTile[closed="true"]'),
    ('QLabel#kioskTileReason', 'QPushButton#kioskTile[closed="true"]'),
    ("QLabel#kioskPriorityButtonText", "QPushButton#kioskPriorityButton"),
    ("QLabel#kioskPriorityButtonText", "QPushButton#kioskPriorityButton:pressed"),
    ("QLabel#kioskReasonButtonText", "QPushButton#kioskReasonButton"),
    ("QLabel#kioskReasonButtonText", "QPushButton#kioskReasonButton:pressed"),
    ("QPushButton#kioskReasonButton", "QPushButton#kioskReasonButton"),
    ("QPushButton#kioskBackButton", "QPushButton#kioskBackButton"),
    ("QPushButton#kioskDoneButton", "QPushButton#kioskDoneButton"),
    ("QLabel#kioskTicketLead", "QWidget#kioskTicket"), ("QLabel#kioskTicketCode", "QWidget#kioskTicket"),
    ("QLabel#kioskTicketGroup", "QWidget#kioskTicket"), ("QLabel#kioskTicketPriority", "QWidget#kioskTicket"),
    ("QLabel#kioskTicketAhead", "QWidget#kioskTicket"), ("QLabel#kioskTicketWait", "QWidget#kioskTicket"),
    ("QLabel#kioskPrinted", "QWidget#kioskTicket"), ("QLabel#kioskNotPrinted", "QLabel#kioskNotPrinted"),
    ("QLabel#kioskIdleNote", "QWidget#kioskTicket"),
    ("QLabel#pinTitle", "QFrame#pinPad"), ("QLabel#pinNote", "QFrame#pinPad"), ("QLabel#pinDisplay", "QFrame#pinPad"),
    ("QLabel#pinMessage", "QFrame#pinPad"), ("QPushButton#pinKey", "QPushButton#pinKey"),
    ("QPushButton#pinOk", "QPushButton#pinOk"), ("QPushButton#pinCancel", "QPushButton#pinCancel"),
    ("QLabel#pinStatus", "QWidget#pinPage"),
]


def test_every_kiosk_text_has_at_least_4_5_to_1_contrast_with_its_background():
    import re
    from pathlib import Path

    rules = _qss_rules()
    ratios = {}
    for text, background in KIOSK_TEXT_ON:
        ratios[(text, background)] = contrast(_colour(rules, text, "color"), _colour(rules, background, "background"))
    low = {pair: round(ratio, 2) for pair, ratio in ratios.items() if ratio < 4.5}
    assert low == {}, f"below WCAG AA 4.5:1: {low}"
    # every kiosk label the style sheet colours is in the list above, and the code sets no colour of its own
    styled = {s.split("[")[0].split(":")[0] for s in rules if "#kiosk" in s and "color" in rules[s]}
    assert styled <= {t.split("[")[0] for t, _b in KIOSK_TEXT_ON}
    source = (Path(__file__).resolve().parents[2] / "mpp_desk" / "ui" / "kiosk.py").read_text(encoding="utf-8")
    assert not re.search(r"#[0-9a-fA-F]{6}\b|QColor|setPalette", source)


@pytest.mark.slow  # a paint loop of many tickets
def test_the_ticket_flow_keeps_no_references_to_none(qtbot, kiosk):
    """bench/soak.py saw None's reference count climb in the kiosk over an hour. The kiosk's own flow
    (the ticket page, back to the start) holds none: the climb came from the soak's
    ``QTimer.singleShot`` per ticket (PySide6 6.11 keeps a reference to None per singleShot call)."""
    import gc
    import sys

    from PySide6.QtWidgets import QApplication

    open_kiosk(qtbot, kiosk)
    ticket = take(qtbot, kiosk, "A")
    kiosk.back_to_start()
    for _ in range(20):  # warm: translations, style sheets, caches
        kiosk._issued(ticket)
        kiosk.back_to_start()
        QApplication.processEvents()
    gc.collect()
    before = sys.getrefcount(None)
    for _ in range(300):
        kiosk._issued(ticket)
        kiosk.back_to_start()
        QApplication.processEvents()  # what the flow scheduled runs too
    gc.collect()
    assert sys.getrefcount(None) - before < 30  # a leak of one per ticket would be 300


def test_the_servers_stream_refreshes_the_waiting_counts_at_once(qtbot, kiosk, service_queue):
    """On a joined PC each queue event from the server re-reads the tiles (the 10 s timer is only a fallback)."""
    open_kiosk(qtbot, kiosk)
    kiosk.refresh_timer.stop()
    before = kiosk.tiles["A"].status.waiting
    service_queue.issue(group_code="A", now=TUESDAY_10)  # a ticket from elsewhere
    with qtbot.waitSignal(kiosk.sig_groups_shown, timeout=10000):
        kiosk.live.sig_event.emit(None)
    assert kiosk.tiles["A"].status.waiting == before + 1
