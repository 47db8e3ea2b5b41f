"""Screenshots of the queue screens: the kiosk (portrait and landscape), the display board and a counter's panel.

    python tools/screenshots_queue.py [OUT]     # PNGs in screenshots/ (or OUT); `make screenshots` runs it

Runs offscreen on a throw-away database at a fixed working-day morning, with groups, counters and
a few tickets issued, called and served, so every screen shows real figures.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PASSWORD = "Rahasia-Layar-2026"
NOW = dt.datetime(2026, 11, 24, 10, 12, tzinfo=ZoneInfo("Asia/Jakarta"))  # a Tuesday morning


def wait(ms: int = 400, signal=None, until=None) -> None:
    loop = QEventLoop()
    if signal is not None:
        signal.connect(lambda *a: loop.quit())
    if until is not None:
        timer = QTimer()
        timer.timeout.connect(lambda: until() and loop.quit())
        timer.start(20)
    QTimer.singleShot(ms if signal is None and until is None else 10000, loop.quit)
    loop.exec()


class SilentEngine:
    """Announcements without sound (screenshots need none)."""

    name = "espeak-ng (id)"

    def play(self, text, done):
        done()


def seed(ctx) -> object:
    """Groups A-C, counters 1-4, a morning's tickets; returns the counter officer and the administrator."""
    from mpp_desk import auth, settings
    from mpp_desk import queue as q
    from mpp_desk.roles import TERMINAL

    with ctx.uow() as uow:
        auth.first_run_setup(uow, office_name="Mal Pelayanan Publik Bale Madukara",
                             office_address="Jalan Jenderal Sudirman, Purwakarta", admin_username="admin",
                             admin_full_name="Ade Administrator", password=PASSWORD, pin="480512")
        uow.commit()
    with ctx.uow(actor=TERMINAL) as uow:
        auth.create_user(uow, username="siti", full_name="Siti Loket", role="counter",
                         password=PASSWORD, must_change_password=False)
        q.update_group(uow, code="A", open_time=dt.time(8, 0), close_time=dt.time(15, 0))
        q.update_group(uow, code="B", open_time=dt.time(8, 0), close_time=dt.time(15, 0), name="Pengaduan dan Informasi")
        q.create_group(uow, code="C", name="Pengambilan Dokumen", open_time=dt.time(13, 0), close_time=dt.time(15, 0))
        for number, name, groups in ((1, "Loket 1", ["A"]), (2, "Loket 2", ["A"]), (3, "Loket 3", ["A", "B"]),
                                     (4, "Loket Pengaduan", ["B"])):
            q.create_counter(uow, number=number, name=name, group_codes=groups)
        settings.set(uow, key="display.running_text", value=(
            "Selamat datang di Mal Pelayanan Publik Bale Madukara. Layanan tidak dipungut biaya. "
            "Jam layanan Senin–Jumat 08.00–15.00 WIB, istirahat Jumat 11.30–13.00."))
        settings.set(uow, key="pc.counter_number", value=3)
        uow.commit()
    queue = q.LocalQueue(ctx.open())
    start = NOW - dt.timedelta(hours=2)
    for minute in range(0, 118, 3):
        queue.issue(group_code="A", now=start + dt.timedelta(minutes=minute))
        if minute % 9 == 0:
            queue.issue(group_code="B", now=start + dt.timedelta(minutes=minute + 1),
                        priority_reason="elderly" if minute == 99 else None)
    for step in range(10):
        for counter in (1, 2, 3, 4):
            moment = start + dt.timedelta(minutes=11 * step + counter)
            ticket = queue.call_next(counter_number=counter, now=moment)
            if ticket is None:
                continue
            if step == 9 and counter in (1, 2, 3):
                if counter == 3:
                    queue.start_service(ticket_id=ticket.id, counter_number=counter, now=moment)
                continue  # still at the counter
            if (step + counter) % 7 == 0:
                queue.mark_no_show(ticket_id=ticket.id, counter_number=counter, now=moment + dt.timedelta(minutes=3))
            else:
                queue.start_service(ticket_id=ticket.id, counter_number=counter, now=moment + dt.timedelta(minutes=1))
                queue.finish(ticket_id=ticket.id, counter_number=counter, now=moment + dt.timedelta(minutes=6))
    with ctx.uow() as uow:
        officer = auth.sign_in(uow, username="siti", password=PASSWORD)
        admin = auth.sign_in(uow, username="admin", password=PASSWORD)
        uow.commit()
    return officer, admin


def main(argv: list[str]) -> int:
    from mpp_desk import queue as q
    from mpp_desk.context import AppContext
    from mpp_desk.ui.application import apply_style, install_translators
    from mpp_desk.ui.display import DisplayWindow
    from mpp_desk.ui.kiosk import KioskWindow
    from mpp_desk.ui.speech import Announcer
    from mpp_desk.ui.tasks import TaskManager

    out = Path(argv[1]) if len(argv) > 1 else ROOT / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv)
    install_translators(app, "id")
    apply_style(app)
    ctx = AppContext(data_dir=Path(tempfile.mkdtemp(prefix="mpp-queue-shots-")))
    ctx.open()
    officer, admin = seed(ctx)
    tasks = TaskManager(app)
    clock = lambda: NOW  # noqa: E731
    saved = []

    def save(widget, name):
        path = out / name
        widget.grab().save(str(path))
        saved.append(path)

    kiosk = KioskWindow(ctx=ctx, tasks=tasks, clock=clock)
    kiosk.keep_in_front = False
    for width, height in ((1080, 1920), (1920, 1080)):
        kiosk.resize(width, height)
        kiosk.show()
        kiosk.open_database()
        wait(until=lambda: kiosk.current_page is kiosk.start_page)
        wait(200)
        save(kiosk, f"queue_kiosk_start_{width}x{height}.png")
    kiosk.resize(1080, 1920)
    wait(200)
    kiosk.show_priority_page()
    wait(200)
    save(kiosk, "queue_kiosk_priority_1080x1920.png")
    kiosk.choose_priority("disability")
    wait(200)
    save(kiosk, "queue_kiosk_priority_tiles_1080x1920.png")
    kiosk.tiles["A"].click()
    wait(signal=kiosk.sig_ticket_shown)
    wait(200)
    save(kiosk, "queue_kiosk_ticket_not_printed_1080x1920.png")
    kiosk.resize(1920, 1080)  # the printer fault on a landscape kiosk: the number whole, kept until touched
    wait(300)
    save(kiosk, "queue_kiosk_ticket_not_printed_1920x1080.png")
    kiosk.resize(1080, 1920)
    wait(200)
    from mpp_desk.roles import TERMINAL

    with ctx.uow(actor=TERMINAL) as uow:
        from mpp_desk import settings

        settings.set(uow, key="printer.ticket", value="pdf")
        uow.commit()
    kiosk.back_to_start()
    kiosk.tiles["B"].click()
    wait(signal=kiosk.sig_ticket_shown)
    wait(200)
    save(kiosk, "queue_kiosk_ticket_printed_1080x1920.png")
    kiosk.back_to_start()
    kiosk.tiles["C"].click()
    wait(200)
    save(kiosk, "queue_kiosk_closed_group_1080x1920.png")
    kiosk.ask_pin()
    for digit in "48":
        kiosk.pin_pad.press(digit)
    wait(200)
    save(kiosk, "queue_kiosk_pin_1080x1920.png")
    kiosk.pin_pad.cancel()
    kiosk.hide()

    board = DisplayWindow(ctx=ctx, tasks=tasks, clock=clock, announcer=Announcer(engine=SilentEngine()))
    board.keep_in_front = False
    board.resize(1920, 1080)
    board.show()
    board.open_database()
    wait(until=lambda: board.pages.currentWidget() is board.board_page)
    queue = q.LocalQueue(ctx.open())
    queue.call_next(counter_number=4, now=NOW)
    wait(until=lambda: board.call_code.text() != "—" and board.calls_seen)
    # a recall: "Loket Pengaduan" (counter 4) calls its number again
    called = next(e for e in board.board.last_calls if e.counter_number == 4)
    queue.recall(ticket_id=called.ticket_id, counter_number=4, now=NOW)
    wait(until=lambda: any(e.type == "recalled" for e in board.calls_seen))
    board.flash_timer.stop()
    board._flashes_left = 0
    board._flash()
    wait(300)
    save(board, "queue_display_1920x1080.png")
    board.resize(1366, 768)
    wait(300)
    save(board, "queue_display_1366x768.png")
    board.hide()

    from mpp_desk.ui.areas.counter import QueueArea

    panel = QueueArea(ctx=ctx, tasks=tasks, actor=officer, clock=clock)
    panel.resize(1366 - 230, 768 - 50)
    panel.show()
    wait(until=lambda: panel.panel_state is not None)
    wait(300)
    save(panel, "queue_counter_panel_1136x718.png")
    panel.hide()

    from mpp_desk.ui.areas.queue_stats_area import QueueStatsArea

    stats = QueueStatsArea(ctx=ctx, tasks=tasks, actor=admin, today=NOW.date())
    stats.resize(1366 - 230, 768 - 50)
    stats.show()
    wait(until=lambda: stats.stats is not None)
    wait(200)
    save(stats, "queue_stats_1136x718.png")
    stats.hide()

    # Close and delete the windows while the application still runs (not at interpreter exit).
    for window in (kiosk, board):
        window._exit_allowed = True
    for widget in (kiosk, board, panel, stats):
        widget.close()
        widget.deleteLater()
    wait(100)
    tasks.shutdown()
    ctx.close()
    for path in saved:
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
