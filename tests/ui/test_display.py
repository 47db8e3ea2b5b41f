"""The display board: calls made through the service reach it within a few polls and are announced in
order; a recall is spoken again; the running text, the waiting counts and the PIN-only exit."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from mpp_desk.announce import announcement_text
from tests.ui.queue_helpers import (
    TUESDAY_10,
    Clock,
    FakeEngine,
    allow_exit,
    queue_ctx,
    service_queue,
    set_setting,
)

__all__ = ["queue_ctx", "service_queue"]  # fixtures used by this module


@pytest.fixture
def engine():
    return FakeEngine()


@pytest.fixture
def board(qtbot, queue_ctx, tasks, engine):
    from mpp_desk.ui.display import DisplayWindow
    from mpp_desk.ui.speech import Announcer

    window = DisplayWindow(ctx=queue_ctx, tasks=tasks, clock=Clock(TUESDAY_10), announcer=Announcer(engine=engine))
    window.keep_in_front = False
    qtbot.addWidget(window, before_close_func=allow_exit)
    window.resize(1920, 1080)
    window.show()
    return window


def open_board(qtbot, window):
    with qtbot.waitSignal(window.sig_ready, timeout=10000):
        window.open_database()


def test_calls_reach_the_board_within_a_few_polls_and_are_announced_in_order(qtbot, board, engine, service_queue):
    open_board(qtbot, board)
    assert board.call_code.text() == "—" and engine.texts == []
    a1 = service_queue.issue(group_code="A", now=TUESDAY_10).ticket
    service_queue.issue(group_code="A", now=TUESDAY_10)
    service_queue.issue(group_code="B", now=TUESDAY_10)
    polls_before = board.poll_count
    service_queue.call_next(counter_number=1, now=TUESDAY_10)  # A001 to counter 1 (another unit of work)
    service_queue.call_next(counter_number=3, now=TUESDAY_10)  # B001 to counter 3
    qtbot.waitUntil(lambda: len(board.calls_seen) == 2, timeout=10000)
    assert board.poll_count - polls_before <= 4  # a poll every ~250 ms: well within a second
    assert [(e.ticket_code, e.counter_number) for e in board.calls_seen] == [("A001", 1), ("B001", 3)]
    assert board.call_code.text() == "B001" and board.call_counter.text() == "3"
    qtbot.waitUntil(lambda: len(engine.texts) == 2, timeout=10000)
    assert engine.texts == [
        "Nomor antrian A nol nol satu, silakan menuju loket satu",
        "Nomor antrian B nol nol satu, silakan menuju loket tiga",
    ]
    assert board.announcer.spoken == engine.texts
    qtbot.waitUntil(lambda: board.waiting_text("A") == "1", timeout=10000)
    assert board.waiting_text("B") == "0"
    assert "A001" in board.last_call_codes()  # B001 is shown large, A001 below
    serving = {c.text() for _cell, _counter, c in board._serving_cells if not _cell.isHidden()}
    assert serving == {"A001", "B001"}
    # a recall is spoken again, after what was already queued
    service_queue.recall(ticket_id=a1.id, counter_number=1, now=TUESDAY_10)
    qtbot.waitUntil(lambda: len(engine.texts) == 3, timeout=10000)
    assert engine.texts[2] == engine.texts[0] == announcement_text("A001", 1)
    assert [e.type for e in board.calls_seen] == ["called", "called", "recalled"]
    assert board.call_code.text() == "A001" and board.call_counter.text() == "1"


def test_other_events_update_the_board_but_are_not_announced(qtbot, board, engine, service_queue):
    open_board(qtbot, board)
    ticket = service_queue.issue(group_code="B", now=TUESDAY_10).ticket
    qtbot.waitUntil(lambda: board.waiting_text("B") == "1", timeout=10000)
    service_queue.call_next(counter_number=2, now=TUESDAY_10)
    qtbot.waitUntil(lambda: len(engine.texts) == 1, timeout=10000)
    service_queue.start_service(ticket_id=ticket.id, counter_number=2, now=TUESDAY_10)
    service_queue.finish(ticket_id=ticket.id, counter_number=2, now=TUESDAY_10)
    qtbot.waitUntil(lambda: all(cell.isHidden() for cell, _a, _b in board._serving_cells), timeout=10000)
    assert board.waiting_text("B") == "0"
    assert engine.texts == [announcement_text("B001", 2)]


def test_calls_made_before_the_board_started_are_shown_but_not_spoken(qtbot, board, engine, service_queue):
    service_queue.issue(group_code="A", now=TUESDAY_10)
    service_queue.call_next(counter_number=2, now=TUESDAY_10)
    open_board(qtbot, board)
    assert board.call_code.text() == "A001" and board.call_counter.text() == "2"
    polls = board.poll_count
    qtbot.waitUntil(lambda: board.poll_count >= polls + 3, timeout=10000)
    assert engine.texts == [] and list(board.calls_seen) == [] and board.calls_total == 0


def test_the_running_text_and_office_come_from_the_settings(qtbot, board, queue_ctx):
    set_setting(queue_ctx, "display.running_text", "Layanan tidak dipungut biaya.")
    open_board(qtbot, board)
    assert board.marquee.text() == "Layanan tidak dipungut biaya." and board.marquee.isVisibleTo(board)
    assert board.office_label.text() == "MPP Bale Madukara"
    assert board.date_label.text() == "Selasa, 24 November 2026" and board.time_label.text() == "10:00"
    set_setting(queue_ctx, "display.running_text", "Istirahat salat Jumat pukul 11.30–13.00.")
    board.reload_texts()
    qtbot.waitUntil(lambda: board.marquee.text() == "Istirahat salat Jumat pukul 11.30–13.00.", timeout=10000)


def test_the_board_cannot_be_closed_without_the_pin(qtbot, board):
    from PySide6.QtCore import Qt

    open_board(qtbot, board)
    board._exit_allowed = False
    qtbot.keyClick(board, Qt.Key.Key_Escape)
    assert board.isVisible()
    assert board.close() is False and board.pin_showing
    for digit in "480512":
        board.pin_pad.press(digit)
    with qtbot.waitSignal(board.sig_exit_allowed, timeout=10000):
        board.pin_pad.press("ok")
    assert not board.isVisible()


def test_the_qt_announcer_degrades_to_what_the_pc_has(qtbot):
    from mpp_desk.ui.speech import Announcer, select_engine

    engine = select_engine(prefer="chime")  # no voice; offscreen there may be no sound device either
    assert engine.name.startswith("chime")
    done = []
    engine.play("Nomor antrian A nol nol satu", lambda: done.append(True))
    qtbot.waitUntil(lambda: done == [True], timeout=10000)
    announcer = Announcer(engine=engine)
    started, finished = [], []
    announcer.sig_started.connect(started.append)
    announcer.sig_finished.connect(finished.append)
    announcer.announce("A001", 1)
    announcer.announce("A002", 12)
    qtbot.waitUntil(lambda: len(finished) == 2, timeout=20000)
    assert started == finished == [announcement_text("A001", 1), announcement_text("A002", 12)]
    assert "dua belas" in finished[1]


def test_the_qt_engine_plays_the_chime_then_the_voice_and_never_overlaps(qtbot):
    """Steps that finish later (like real sound) still run one announcement at a time, in order."""
    from PySide6.QtCore import QTimer

    from mpp_desk.ui.speech import Announcer, QtAnnouncementEngine, _Step

    log: list[str] = []

    class SlowStep(_Step):
        def __init__(self, name):
            super().__init__(5000)
            self.name = name

        def begin(self, text):
            log.append(f"{self.name} start {text}")
            QTimer.singleShot(30, lambda: (log.append(f"{self.name} end {text}"), self.end()))

    engine = QtAnnouncementEngine(chime=SlowStep("chime"), voice=SlowStep("voice"), name="test")
    announcer = Announcer(engine=engine)
    announcer.announce("A001", 1)
    announcer.announce("B002", 2, recall=True)
    qtbot.waitUntil(lambda: len(announcer.spoken) == 2, timeout=10000)
    one, two = announcement_text("A001", 1), announcement_text("B002", 2)
    assert log == [f"chime start {one}", f"chime end {one}", f"voice start {one}", f"voice end {one}",
                   f"chime start {two}", f"chime end {two}", f"voice start {two}", f"voice end {two}"]


def add_counter(ctx, number: int, name: str, groups: list[str]) -> None:
    from mpp_desk import queue as q
    from mpp_desk.roles import TERMINAL

    with ctx.uow(actor=TERMINAL) as uow:
        q.create_counter(uow, number=number, name=name, group_codes=groups)
        uow.commit()


def serving_titles(board) -> dict[str, str]:
    return {code.text(): counter.text() for cell, counter, code in board._serving_cells if not cell.isHidden()}


def test_counters_are_shown_and_announced_by_their_configured_names(qtbot, queue_ctx, board, engine, service_queue):
    add_counter(queue_ctx, 4, "Loket Pengaduan", ["B"])
    add_counter(queue_ctx, 5, "Loket 5 — Perizinan", ["A"])
    open_board(qtbot, board)
    for group in ("A", "A", "B"):
        service_queue.issue(group_code=group, now=TUESDAY_10)
    service_queue.call_next(counter_number=1, now=TUESDAY_10)  # A001: "Loket Satu" says no more than "Loket 1"
    service_queue.call_next(counter_number=5, now=TUESDAY_10)  # A002: the name says the number itself
    service_queue.call_next(counter_number=4, now=TUESDAY_10)  # B001
    qtbot.waitUntil(lambda: len(engine.texts) == 3, timeout=10000)
    qtbot.waitUntil(lambda: len(serving_titles(board)) == 3, timeout=10000)
    assert serving_titles(board) == {"A001": "Loket 1", "A002": "Loket 5 — Perizinan", "B001": "Loket Pengaduan (4)"}
    assert board.call_code.text() == "B001" and board.call_counter.text() == "4"
    assert board.call_counter_name.isVisibleTo(board) and board.call_counter_name.text() == "Loket Pengaduan"
    assert board.last_counter_texts() == ["Loket 5 — Perizinan", "Loket 1"]
    assert engine.texts == [
        "Nomor antrian A nol nol satu, silakan menuju loket satu",
        "Nomor antrian A nol nol dua, silakan menuju loket lima",
        "Nomor antrian B nol nol satu, silakan menuju loket empat, Loket Pengaduan",
    ]


def test_earlier_calls_list_each_ticket_once_and_a_recall_says_so(qtbot, board, service_queue):
    open_board(qtbot, board)
    a1 = service_queue.issue(group_code="A", now=TUESDAY_10).ticket
    service_queue.issue(group_code="A", now=TUESDAY_10)
    service_queue.issue(group_code="B", now=TUESDAY_10)
    service_queue.call_next(counter_number=1, now=TUESDAY_10)  # A001
    service_queue.call_next(counter_number=3, now=TUESDAY_10)  # B001
    qtbot.waitUntil(lambda: board.call_code.text() == "B001", timeout=10000)
    assert board.last_call_codes() == ["A001"]
    service_queue.recall(ticket_id=a1.id, counter_number=1, now=TUESDAY_10)
    qtbot.waitUntil(lambda: board.call_code.text() == "A001", timeout=10000)
    qtbot.waitUntil(lambda: board.last_call_codes() == ["B001"], timeout=10000)  # the big one is not repeated
    assert board.recall_label.isVisibleTo(board) and board.recall_label.text() == "PANGGILAN ULANG"
    assert not board.call_note.isVisibleTo(board)
    service_queue.call_next(counter_number=2, now=TUESDAY_10)  # A002
    qtbot.waitUntil(lambda: board.call_code.text() == "A002", timeout=10000)
    qtbot.waitUntil(lambda: board.last_call_codes() == ["A001", "B001"], timeout=10000)  # the recall: one line
    assert not board.recall_label.isVisibleTo(board) and board.call_note.isVisibleTo(board)


def test_waiting_counts_are_large_enough_to_read_across_the_hall(qtbot, queue_ctx, board, service_queue):
    from mpp_desk import queue as q
    from mpp_desk.roles import TERMINAL

    with queue_ctx.uow(actor=TERMINAL) as uow:
        for code, name in (("C", "Kependudukan"), ("D", "Perpajakan Daerah"), ("E", "Ketenagakerjaan")):
            q.create_group(uow, code=code, name=name)
        q.create_group(uow, code="F", name="Kesehatan dan Ketenagakerjaan Transmigrasi")  # a long name
        uow.commit()
    for group in ("A", "B", "B", "C", "E", "A", "A", "A", "B", "B"):
        service_queue.issue(group_code=group, now=TUESDAY_10)
    for counter in (1, 2, 3, 1, 2, 3, 1):  # earlier calls to list as well
        ticket = service_queue.call_next(counter_number=counter, now=TUESDAY_10)
        service_queue.mark_no_show(ticket_id=ticket.id, counter_number=counter, now=TUESDAY_10)
    open_board(qtbot, board)
    qtbot.waitUntil(lambda: board.waiting_text("E") == "1", timeout=10000)
    expected = service_queue.waiting_counts(now=TUESDAY_10)
    assert {c: board.waiting_text(c) for c in "ABCDEF"} == {c: str(expected[c]) for c in "ABCDEF"}
    for code in "ABCDEF":
        name, count = board.waiting_labels[code]
        assert count.fontInfo().pixelSize() >= 60, f"{code}: {count.fontInfo().pixelSize()} px"
        for label in (name, count):  # on screen whole, nothing cut off
            assert label.isVisibleTo(board)
            assert label.visibleRegion().boundingRect() == label.rect(), f"{code} {label.text()!r} is clipped"
            needed = label.heightForWidth(label.width()) if label.wordWrap() else label.fontMetrics().height()
            assert label.height() >= needed, f"{code} {label.text()!r}: {label.height()} px of {needed}"
    rows = [row for row, _code, _counter in board.last_rows if not row.isHidden()]
    assert rows and all(row.visibleRegion().boundingRect() == row.rect() for row in rows)


def test_the_voice_status_is_for_the_administrator_not_the_hall(qtbot, board, engine):
    engine.name = "espeak-ng (id)"
    engine.sound_output = False
    open_board(qtbot, board)
    shown = [label.text() for label in board.board_page.findChildren(QLabel) if label.isVisibleTo(board)]
    assert not [text for text in shown if "espeak" in text or "Suara" in text or "sound" in text]
    board.ask_pin()
    assert board.pin_status.isVisibleTo(board)
    assert board.pin_status.text().startswith("Suara pengumuman: espeak-ng (id). PC ini tidak punya keluaran suara")


def test_the_board_remembers_the_latest_calls_only_however_long_it_runs(qtbot, queue_ctx, tasks):
    """bench/soak.py found ``calls_seen`` growing all day; it keeps CALLS_KEPT and counts the rest."""
    import datetime as dt
    import uuid

    from mpp_desk.queue.views import EventView
    from mpp_desk.ui.display import CALLS_KEPT, DisplayWindow
    from mpp_desk.ui.ops.queue import BoardPoll

    window = DisplayWindow(ctx=queue_ctx, tasks=tasks, clock=Clock(TUESDAY_10))
    window.keep_in_front = False
    qtbot.addWidget(window, before_close_func=allow_exit)
    total = CALLS_KEPT * 3 + 7
    at = TUESDAY_10.astimezone(dt.timezone.utc)
    for start in range(0, total, 50):  # polls of up to 50 events, as poll_board returns them
        events = tuple(
            EventView(seq, "called", uuid.uuid4(), f"A{seq:03d}", "A", 1 + seq % 3, at, "")
            for seq in range(start + 1, min(start + 50, total) + 1)
        )
        window._polled(BoardPoll(events, None, False))
    assert window.calls_total == total
    assert len(window.calls_seen) == CALLS_KEPT
    assert [e.seq for e in window.calls_seen] == list(range(total - CALLS_KEPT + 1, total + 1))
    assert window.call_code.text() == f"A{total:03d}"
