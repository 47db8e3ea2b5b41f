"""The display board (``mpp-desk --display``): full screen on the hall's TV.

It shows the number called last and its counter very large (PANGGILAN ULANG for a recall), what
each counter is calling or serving, the earlier calls (one line per ticket), how many wait per
group, the clock and date (Asia/Jakarta, in Indonesian) and the administrator's running text.
Counters are shown by their configured name when it says more than the number. Technical state
(the announcement voice) is logged and shown under the administrator's PIN pad, not to the hall.
Every ~250 ms it asks for queue events after the last one seen (a joined board is woken by the
server's stream, ui/display_live.py); each call and recall is announced, in order, by
:class:`~mpp_desk.ui.speech.Announcer` (one board per speaker zone: ui/display_speaker.py). Parts: display_widgets.py.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import deque
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (QFrame, QGridLayout, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget)

from mpp_desk.ui.display_live import LiveBoardMixin
from mpp_desk.ui.display_speaker import SpeakerZoneMixin
from mpp_desk.ui.display_widgets import Marquee, board_label, repolish
from mpp_desk.ui.machine import MachineWindow, office_time, scaled_sizes
from mpp_desk.ui.tasks import Op, TaskManager
from mpp_desk.textformat import format_date

log = logging.getLogger(__name__)

POLL_MS = 250
TEXTS_MS = 30_000  # the running text and group names are re-read this often
FLASH_TIMES = 8  # a new call blinks this many times (half a second each)
LAST_CALLS = 6
LAST_CALLS_MANY_GROUPS = 4  # with more than three groups waiting, the waiting counts take that room
CALL_EVENTS = ("called", "recalled")
CALLS_KEPT = 200  # the latest calls the board remembers (``calls_seen``); a day has thousands

# Font sizes in pixels for a 1920x1080 screen; scaled to the real one.
SIZES = {
    "boardOffice": 40, "boardClock": 60, "boardDate": 28,
    "boardCallLead": 40, "boardCallCode": 250, "boardCallCounter": 250, "boardCallNote": 30,
    "boardSectionTitle": 32, "boardServingCounter": 26, "boardServingCode": 50, "boardServingEmpty": 26,
    "boardCallCounterName": 40, "boardRecall": 64, "boardLastCode": 56, "boardLastCounter": 40,
    "boardWaitingName": 40, "boardWaitingNameSmall": 28, "boardWaitingCount": 72, "boardMarquee": 42, "pinStatus": 26,
    "machineOpening": 48, "machineError": 40,
    "pinTitle": 44, "pinNote": 28, "pinDisplay": 56, "pinMessage": 30, "pinKey": 48, "pinOk": 40, "pinCancel": 34,
}


class DisplayWindow(SpeakerZoneMixin, LiveBoardMixin, MachineWindow):
    """The hall's board; ``calls_seen``: the latest CALLS_KEPT calls and recalls shown, ``calls_total``: all."""

    sig_board_updated = Signal()
    """The board was redrawn from a fresh board state."""

    sig_call_shown = Signal(object)
    """A call or recall event reached the board (the EventView)."""

    mode = "display"

    def __init__(self, *, ctx, tasks: TaskManager, announcer=None, clock: Callable[[], dt.datetime] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx=ctx, tasks=tasks, parent=parent)
        self.setObjectName("boardRoot")
        self.setWindowTitle(self.tr("Queue display board"))
        self.clock = clock
        self.announcer = announcer
        self.last_seq = 0
        self.calls_seen, self.calls_total = deque(maxlen=CALLS_KEPT), 0  # bounded: the board runs for days
        self.group_names: dict[str, str] = {}
        self.counter_names: dict[int, str] = {}
        self.big_call = None  # the EventView shown large
        self.voice_status = ""
        self.board = None
        self.poll_count, self._polling, self._texts_loading = 0, False, False
        self._flashes_left, self._scale = 0, 0.0
        self._failures = 0

        header = QFrame()
        header.setObjectName("boardHeader")
        self.office_label = board_label("", "boardOffice", Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.time_label = board_label("", "boardClock", Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.date_label = board_label("", "boardDate", Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        when = QVBoxLayout()
        when.setSpacing(0)
        when.addWidget(self.time_label)
        when.addWidget(self.date_label)
        header_row = QHBoxLayout(header)
        header_row.setContentsMargins(32, 10, 32, 10)
        header_row.addWidget(self.office_label, 1)
        header_row.addLayout(when)
        self.main_layout.insertWidget(0, header)

        self.marquee = Marquee()
        self.marquee.hide()
        footer = QFrame()
        footer.setObjectName("boardFooter")
        footer_row = QHBoxLayout(footer)
        footer_row.setContentsMargins(0, 0, 0, 0)
        footer_row.setSpacing(0)
        footer_row.addWidget(self.marquee, 1)
        self.main_layout.addWidget(footer)

        self._build_board()

        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(POLL_MS)
        self.poll_timer.timeout.connect(self.poll)
        self.texts_timer = QTimer(self)
        self.texts_timer.setInterval(TEXTS_MS)
        self.texts_timer.timeout.connect(self.reload_texts)
        self.clock_timer = QTimer(self)
        self.clock_timer.setInterval(1000)
        self.clock_timer.timeout.connect(self._tick)
        self.flash_timer = QTimer(self)
        self.flash_timer.setInterval(500)
        self.flash_timer.timeout.connect(self._flash)
        self._tick()
        self.clock_timer.start()

    # ----- building ------------------------------------------------------------------------------
    def _build_board(self) -> None:
        self.board_page = QWidget()
        self.board_page.setObjectName("boardPage")
        self._build_call()
        left = QVBoxLayout()
        left.setSpacing(18)
        left.addWidget(self.call_frame, 5)
        left.addWidget(self._build_serving(), 3)
        self.right_column = right = QVBoxLayout()
        right.setSpacing(18)
        right.addWidget(self._build_last_calls(), 1)
        right.addWidget(self._build_waiting(), 1)
        body = QHBoxLayout(self.board_page)
        body.setContentsMargins(28, 22, 28, 22)
        body.setSpacing(22)
        body.addLayout(left, 13)
        body.addLayout(right, 7)

    def _build_call(self) -> None:
        """The call: number and counter, very large."""
        self.call_frame = QFrame()
        self.call_frame.setObjectName("boardCallFrame")
        self.call_code = board_label("—", "boardCallCode")
        self.call_counter = board_label("", "boardCallCounter")
        code_lead = board_label(self.tr("Queue number"), "boardCallLead")
        self.counter_lead = board_label(self.tr("Counter"), "boardCallLead")
        # a counter whose name says more than its number is named above the number ("Loket Pengaduan")
        self.call_counter_name = board_label("", "boardCallCounterName")
        self.call_counter_name.setWordWrap(True)
        self.call_counter_name.hide()
        self.call_note = board_label(self.tr("Please listen for your number."), "boardCallNote")
        self.recall_label = board_label(self.tr("RECALL"), "boardRecall")
        self.recall_label.hide()
        call_grid = QGridLayout(self.call_frame)
        call_grid.setContentsMargins(24, 18, 24, 18)
        call_grid.addWidget(code_lead, 0, 0)
        call_grid.addWidget(self.counter_lead, 0, 1)
        call_grid.addWidget(self.call_counter_name, 0, 1)
        call_grid.addWidget(self.call_code, 1, 0)
        call_grid.addWidget(self.call_counter, 1, 1)
        call_grid.addWidget(self.call_note, 2, 0, 1, 2)
        call_grid.addWidget(self.recall_label, 2, 0, 1, 2)
        call_grid.setColumnStretch(0, 3)
        call_grid.setColumnStretch(1, 2)
        call_grid.setRowStretch(1, 1)

    def _build_serving(self) -> QFrame:
        """What each counter has now."""
        serving_frame = QFrame()
        serving_frame.setObjectName("boardSection")
        serving_layout = QVBoxLayout(serving_frame)
        serving_layout.addWidget(board_label(self.tr("Now at the counters"), "boardSectionTitle",
                                        Qt.AlignmentFlag.AlignLeft))
        self.serving_grid = QGridLayout()
        self.serving_grid.setSpacing(10)
        serving_layout.addLayout(self.serving_grid)
        serving_layout.addStretch(1)
        self.serving_empty = board_label(self.tr("No number is being served yet."), "boardServingEmpty",
                                    Qt.AlignmentFlag.AlignLeft)
        serving_layout.insertWidget(1, self.serving_empty)
        self._serving_cells: list[tuple[QFrame, QLabel, QLabel]] = []
        return serving_frame

    def _build_last_calls(self) -> QFrame:
        """The last calls, newest first."""
        last_frame = QFrame()
        last_frame.setObjectName("boardSection")
        last_layout = QVBoxLayout(last_frame)
        last_layout.addWidget(board_label(self.tr("Earlier calls"), "boardSectionTitle", Qt.AlignmentFlag.AlignLeft))
        self.last_rows: list[tuple[QFrame, QLabel, QLabel]] = []
        for _ in range(LAST_CALLS):
            row = QFrame()
            row.setObjectName("boardLastRow")
            code = board_label("", "boardLastCode", Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            counter = board_label("", "boardLastCounter", Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            line = QHBoxLayout(row)
            line.setContentsMargins(16, 2, 16, 2)
            line.setSpacing(24)
            line.addWidget(code, 1)
            line.addWidget(counter)
            row.hide()
            last_layout.addWidget(row)
            self.last_rows.append((row, code, counter))
        last_layout.addStretch(1)
        return last_frame

    def _build_waiting(self) -> QFrame:
        """People waiting per group."""
        waiting_frame = QFrame()
        waiting_frame.setObjectName("boardSection")
        waiting_layout = QVBoxLayout(waiting_frame)
        waiting_layout.addWidget(board_label(self.tr("Waiting"), "boardSectionTitle", Qt.AlignmentFlag.AlignLeft))
        self.waiting_grid = QGridLayout()
        self.waiting_grid.setHorizontalSpacing(24)
        self.waiting_grid.setVerticalSpacing(0)
        waiting_layout.addLayout(self.waiting_grid)
        waiting_layout.addStretch(1)
        self.waiting_labels: dict[str, tuple[QLabel, QLabel]] = {}
        return waiting_frame

    # ----- time ----------------------------------------------------------------------------------
    def now(self) -> dt.datetime:
        """The time the queue is asked at: the clock given, else the process clock (ctx.clock)."""
        return self.clock() if self.clock is not None else self._ctx.clock.now()

    def _tick(self) -> None:
        moment = office_time(self.now())
        self.time_label.setText(f"{moment:%H:%M}")
        self.date_label.setText(format_date(moment.date()))

    # ----- opening and polling -------------------------------------------------------------------
    def start_opening(self) -> None:
        from mpp_desk.ui.ops import queue as ops  # lazy: kept out of the first paint of the display board

        if self.announcer is None:
            from mpp_desk.ui.speech import Announcer  # lazy: kept out of the first paint of the display board

            self.announcer = Announcer(parent=self)
        engine, sound = self.announcer.engine_name, self.announcer.sound_output
        log.info("display board announcements: %s (sound output: %s)", engine, "yes" if sound else "none")
        self.voice_status = (self.tr("Announcement voice: {engine}.").format(engine=engine) if sound else
                             self.tr("Announcement voice: {engine}. This PC has no sound output: the hall hears "
                                     "nothing.").format(engine=engine))
        ctx, now = self._ctx, self.now()
        Op(self._tasks, lambda: ops.open_board(ctx, now=now)).success(self._opened).failure(self.opening_failed).run()

    def _opened(self, start) -> None:
        self._show_texts(start.texts)
        self.last_seq = start.board.last_seq  # calls made before the board started are not announced
        latest = start.board.last_calls[0] if start.board.last_calls else None
        if latest is not None:
            self._show_call(latest, flash=False)
        self._show_board(start.board)
        self.show_page(self.board_page)
        self.start_live()  # the poll timer; on a joined PC, the server's stream and the offline notice
        self.texts_timer.start()
        self.sig_ready.emit(self.mode)

    def poll(self) -> None:
        """Ask for events after the last one seen; skipped while the previous poll still runs."""
        if self._polling or not self._open_started:
            return
        from mpp_desk.ui.ops import queue as ops  # lazy: kept out of the first paint of the display board

        self._polling = True
        ctx, after, now = self._ctx, self.last_seq, self.now()
        Op(self._tasks, lambda: ops.poll_board(ctx, after_seq=after, now=now)).success(self._polled).failure(
            self._poll_failed).run()

    def _polled(self, result) -> None:
        self._polling = False
        self._failures = 0
        self.poll_count += 1
        latest = None
        for event in result.events:
            if event.seq <= self.last_seq:
                continue  # already shown (never announce a call twice)
            self.last_seq = event.seq
            if event.type in CALL_EVENTS and event.counter_number is not None and event.detail != "offline":
                self.calls_seen.append(event)
                self.calls_total += 1
                latest = event
                self.announce(event)  # spoken unless another board of this speaker zone speaks (display_speaker.py)
                self.sig_call_shown.emit(event)
        if latest is not None:
            self._show_call(latest, flash=True)
        if result.board is not None:
            self._show_board(result.board)
        if result.more:
            QTimer.singleShot(0, self, self.poll)  # tied to the board: never runs after it is gone

    def _poll_failed(self, error: BaseException) -> None:
        self._polling = False
        self._failures += 1
        if self._failures in (1, 40):  # once, and again after ~10 s of failures
            log.warning("display poll failed: %s", error)

    def reload_texts(self) -> None:
        if self._texts_loading:
            return
        from mpp_desk.ui.ops import queue as ops  # lazy: kept out of the first paint of the display board

        self._texts_loading = True
        ctx = self._ctx

        def done(texts) -> None:
            self._texts_loading = False
            self._show_texts(texts)

        def failed(_error) -> None:
            self._texts_loading = False

        Op(self._tasks, lambda: ops.board_texts(ctx)).success(done).failure(failed).run()

    # ----- drawing -------------------------------------------------------------------------------
    def admin_status(self) -> str:
        return " ".join(text for text in (self.voice_status, self.speaker_status()) if text)

    def _show_texts(self, texts) -> None:
        self.office_label.setText(texts.office_name)
        self.marquee.set_text(texts.running_text)
        self.set_speaker_zone(texts.speaker_zone)
        counter_names = dict(texts.counter_names)
        if counter_names != self.counter_names:
            self.counter_names = counter_names
            if self.big_call is not None:
                self._show_call(self.big_call, flash=False)
            if self.board is not None:
                self._show_board(self.board)
        if texts.group_names != self.group_names:
            self.group_names = dict(texts.group_names)
            if self.board is not None:
                self._show_waiting(self.board.waiting)

    def counter_title(self, number: int) -> str:
        """How the board names a counter: "Loket 2" when its name says no more than that; its name when the name
        says the number itself ("Loket 3 — Perizinan"); else the name and the number ("Loket Pengaduan (2)")."""
        from mpp_desk.announce import counter_name_has_number, counter_name_says_more  # lazy: kept out of the first paint of the display board

        name = " ".join(self.counter_names.get(number, "").split())
        if not counter_name_says_more(number, name):
            return self.tr("Counter {number}").format(number=number)
        if counter_name_has_number(number, name):
            return name
        return self.tr("{name} ({number})").format(name=name, number=number)

    def _show_call(self, event, *, flash: bool) -> None:
        from mpp_desk.announce import counter_name_says_more  # lazy: kept out of the first paint of the display board

        self.big_call = event
        self.call_code.setText(event.ticket_code)
        self.call_counter.setText(str(event.counter_number))
        name = " ".join(self.counter_names.get(event.counter_number, "").split())
        named = counter_name_says_more(event.counter_number, name)
        self.call_counter_name.setText(name if named else "")
        self.call_counter_name.setVisible(named)
        self.counter_lead.setVisible(not named)
        recall = event.type == "recalled"
        self.recall_label.setVisible(recall)
        self.call_note.setVisible(not recall)
        if flash:
            self._flashes_left = FLASH_TIMES
            self.flash_timer.start()
            self._flash()

    def _flash(self) -> None:
        fresh = self._flashes_left > 0 and self._flashes_left % 2 == 0
        if self._flashes_left <= 0:
            self.flash_timer.stop()
        self._flashes_left -= 1
        if self.call_frame.property("fresh") != fresh:
            for widget in (self.call_frame, *self.call_frame.findChildren(QLabel)):
                widget.setProperty("fresh", fresh)
                repolish(widget)

    def earlier_calls(self, last_calls) -> list:
        """The calls to list below the big one: newest first, one per ticket (a recall is not a new line),
        and never the ticket shown large."""
        big = self.big_call.ticket_id if self.big_call is not None else None
        seen = {big}
        calls = []
        for event in last_calls:  # newest first
            if event.ticket_id in seen:
                continue
            seen.add(event.ticket_id)
            calls.append(event)
        return calls[:LAST_CALLS_MANY_GROUPS if self._many_groups() else LAST_CALLS]

    def _waiting_codes(self, waiting: dict) -> list[str]:
        return [c for c in waiting if c in self.group_names] or list(waiting)

    def _many_groups(self) -> bool:
        """More than three groups wait: their counts go in two columns and take more of the board."""
        return self.board is not None and len(self._waiting_codes(self.board.waiting)) > 3

    def _show_board(self, board) -> None:
        self.board = board
        self._show_serving(board.now_serving)
        calls = self.earlier_calls(board.last_calls)
        for index, (row, code, counter) in enumerate(self.last_rows):
            if index < len(calls):
                code.setText(calls[index].ticket_code)
                counter.setText(self.counter_title(calls[index].counter_number))
                row.show()
            else:
                row.hide()
        self._show_waiting(board.waiting)
        self.sig_board_updated.emit()

    def _show_serving(self, now_serving) -> None:
        columns = 4
        while len(self._serving_cells) < len(now_serving):
            cell = QFrame()
            cell.setObjectName("boardServingCell")
            counter = board_label("", "boardServingCounter")
            code = board_label("", "boardServingCode")
            column = QVBoxLayout(cell)
            column.setContentsMargins(8, 6, 8, 6)
            column.setSpacing(0)
            column.addWidget(counter)
            column.addWidget(code)
            index = len(self._serving_cells)
            self.serving_grid.addWidget(cell, index // columns, index % columns)
            self._serving_cells.append((cell, counter, code))
        for index, (cell, counter, code) in enumerate(self._serving_cells):
            if index < len(now_serving):
                call = now_serving[index]
                counter.setText(self.counter_title(call.counter_number))
                code.setText(call.ticket_code)
                cell.setProperty("serving", call.status == "serving")
                repolish(cell)
                cell.show()
            else:
                cell.hide()
        self.serving_empty.setVisible(not now_serving)

    def _show_waiting(self, waiting: dict) -> None:
        codes = self._waiting_codes(waiting)
        for code in list(self.waiting_labels):
            if code not in codes:
                for label in self.waiting_labels.pop(code):
                    self.waiting_grid.removeWidget(label)
                    label.deleteLater()
        many = len(codes) > 3  # more lines than fit at this size: two side by side, names smaller
        pairs = 2 if many else 1
        rows = -(-len(codes) // pairs)
        self.right_column.setStretch(0, 2 if many else 1)
        self.right_column.setStretch(1, 3 if many else 1)
        for column in range(4):
            self.waiting_grid.setColumnStretch(column, 1 if column % 2 == 0 and column < 2 * pairs else 0)
        for index, code in enumerate(codes):
            if code not in self.waiting_labels:
                name = board_label("", "boardWaitingName", Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
                name.setWordWrap(True)
                name.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
                count = board_label("", "boardWaitingCount", Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.waiting_labels[code] = (name, count)
            name, count = self.waiting_labels[code]
            if name.objectName() != ("boardWaitingNameSmall" if many else "boardWaitingName"):
                name.setObjectName("boardWaitingNameSmall" if many else "boardWaitingName")
                repolish(name)
            row, pair = index % rows, index // rows
            self.waiting_grid.addWidget(name, row, 2 * pair)
            self.waiting_grid.addWidget(count, row, 2 * pair + 1)
            group = self.group_names.get(code, "")
            name.setText(f"{code} · {group}" if group else code)
            count.setText(str(waiting[code]))

    def waiting_text(self, code: str) -> str:
        """The waiting count shown for group *code* ("" if none)."""
        labels = self.waiting_labels.get(code)
        return labels[1].text() if labels else ""

    def last_call_codes(self) -> list[str]:
        return [code.text() for row, code, _counter in self.last_rows if not row.isHidden()]

    def last_counter_texts(self) -> list[str]:
        return [counter.text() for row, _code, counter in self.last_rows if not row.isHidden()]

    # ----- leaving and size ----------------------------------------------------------------------
    def shutdown(self) -> None:
        for timer in (self.poll_timer, self.texts_timer, self.clock_timer, self.flash_timer):
            timer.stop()
        self.stop_live()
        self.release_speaker()
        self.marquee.stop()
        if self.announcer is not None:
            self.announcer.clear()

    def resizeEvent(self, event) -> None:  # noqa: N802 - fonts follow the screen
        super().resizeEvent(event)
        scale = min(self.width() / 1920, self.height() / 1080)
        if abs(scale - self._scale) > 0.01:
            self._scale = scale
            self.setStyleSheet(scaled_sizes(SIZES, scale))
            self.marquee.updateGeometry()
