"""The ticket kiosk (``mpp-desk --kiosk``): full screen, touch-first, in Bahasa Indonesia.

Start screen: one large tile per open queue group with how many people wait, and a priority
button (elderly, people with disabilities, pregnant women, nursing mothers). A tap issues the
number and prints it on the database thread; the number is then shown very large with the people
ahead and the estimated wait. If the paper did not come out, the screen says so and where to get
the number, and keeps the number until the visitor touches Done (mpp_desk.queue.kiosk logs
the failure with the ticket's id). Otherwise the start screen returns after a short idle time.
On a landscape screen the number stands on the left and the details on the right, so all fits.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from mpp_desk.ui.kiosk_booking import KioskBooking
from mpp_desk.ui.kiosk_offline import KioskOfflineMixin
from mpp_desk.ui.kiosk_widgets import KioskTile, WrapButton, big_label
from mpp_desk.ui.machine import MachineWindow, office_time, scaled_sizes
from mpp_desk.ui.tasks import Op, TaskManager
from mpp_desk.textformat import format_date

IDLE_MS = 15_000  # back to the start screen after this long without a touch
REFRESH_MS = 10_000  # waiting counts and open/closed states are re-read this often
PRIORITY_ORDER = ("elderly", "disability", "pregnant", "nursing")

# Font sizes in pixels for a screen whose short side is 1080 px; scaled to the real screen.
SIZES = {
    "kioskOffice": 36, "kioskClock": 44, "kioskDate": 26, "kioskTitle": 64, "kioskSubtitle": 34, "kioskBanner": 34,
    "kioskTileCode": 120, "kioskTileName": 46, "kioskTileCount": 34, "kioskTileReason": 28,
    "kioskPriorityButtonText": 38, "kioskReasonButtonText": 50, "kioskBackButton": 38, "kioskDoneButton": 46,
    "kioskTicketLead": 50, "kioskTicketCode": 320, "kioskTicketGroup": 46, "kioskTicketPriority": 36,
    "kioskTicketAhead": 44, "kioskTicketWait": 40, "kioskPrinted": 38, "kioskNotPrinted": 38,
    "kioskMessageTitle": 60, "kioskMessageText": 42, "kioskWorking": 60, "kioskIdleNote": 26,
    "machineOpening": 48, "machineError": 40,
    "pinTitle": 44, "pinNote": 28, "pinDisplay": 56, "pinMessage": 30, "pinKey": 48, "pinOk": 40, "pinCancel": 34,
}


class KioskWindow(KioskOfflineMixin, MachineWindow):
    """The kiosk's pages: start (tiles), priority reasons, issuing, the ticket, a message."""

    sig_ticket_shown = Signal(object)
    """A ticket was issued and is on screen (the KioskTicket)."""

    sig_groups_shown = Signal()
    """The start screen's tiles were (re)filled from the database."""

    mode = "kiosk"

    def __init__(self, *, ctx, tasks: TaskManager, clock: Callable[[], dt.datetime] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx=ctx, tasks=tasks, parent=parent)
        self.setObjectName("kioskRoot")
        self.setWindowTitle(self.tr("Queue tickets"))
        self.clock = clock
        self.office_name = ""
        self.groups: tuple = ()
        self.priority_reason: str | None = None
        self.last_ticket = None
        self.idle_ms = IDLE_MS
        self._issuing = False
        self.holding_number = False  # the ticket did not print: its number stays until Done is touched
        self._refreshing = False
        self._scale = 0.0
        self.tiles: dict[str, KioskTile] = {}

        # header: office, date and time (the top-left corner also counts the administrator's exit taps)
        header = QFrame()
        header.setObjectName("kioskHeader")
        self.office_label = big_label("", "kioskOffice", align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.office_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.clock_label = big_label("", "kioskClock", wrap=False, align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.date_label = big_label("", "kioskDate", wrap=False, align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        when = QVBoxLayout()
        when.setSpacing(0)
        when.addWidget(self.clock_label)
        when.addWidget(self.date_label)
        header_row = QHBoxLayout(header)
        header_row.setContentsMargins(28, 12, 28, 12)
        header_row.addWidget(self.office_label, 1)
        header_row.addLayout(when)
        self.main_layout.insertWidget(0, header)

        self._build_start()
        self.priority_page: QWidget | None = None  # built on first use: its labels load the queue package
        self.reason_buttons: dict[str, QPushButton] = {}
        self._build_working()
        self._build_ticket()
        self._build_message()
        self.booking = KioskBooking(self)  # "Punya kode booking?": keypad and scanner (issue 17)

        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.timeout.connect(self.back_to_start)
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setInterval(REFRESH_MS)
        self.refresh_timer.timeout.connect(self.refresh)
        self.clock_timer = QTimer(self)
        self.clock_timer.setInterval(1000)
        self.clock_timer.timeout.connect(self._tick)
        self._tick()
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)  # any touch restarts the idle countdown

    # ----- building ------------------------------------------------------------------------------
    def _page(self, name: str) -> tuple[QWidget, QVBoxLayout]:
        page = QWidget()
        page.setObjectName(name)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(48, 36, 48, 40)
        layout.setSpacing(24)
        return page, layout

    def _build_start(self) -> None:
        self.start_page, layout = self._page("kioskStart")
        self.title = big_label(self.tr("Take a queue number"), "kioskTitle")
        self.subtitle = big_label(self.tr("Touch the service you came for"), "kioskSubtitle")
        self.banner = QFrame()
        self.banner.setObjectName("kioskBannerFrame")
        self.banner_label = big_label("", "kioskBanner")
        self.banner_cancel = QPushButton(self.tr("Cancel priority"))
        self.banner_cancel.setObjectName("kioskBackButton")
        self.banner_cancel.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.banner_cancel.clicked.connect(self.cancel_priority)
        banner_row = QHBoxLayout(self.banner)
        banner_row.addWidget(self.banner_label, 1)
        banner_row.addWidget(self.banner_cancel)
        self.banner.hide()
        self.closed_note = big_label("", "kioskClosedNote")
        self.closed_note.hide()
        self.tile_grid = QGridLayout()
        self.tile_grid.setSpacing(28)
        self.priority_button = WrapButton(
            self.tr("Priority: elderly, people with disabilities, pregnant women, nursing mothers"),
            "kioskPriorityButton")
        self.priority_button.clicked.connect(self.show_priority_page)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.banner)
        layout.addWidget(self.closed_note)
        layout.addLayout(self.tile_grid)
        layout.addStretch(1)
        layout.addWidget(self.priority_button)

    def _build_priority(self) -> None:
        from mpp_desk.queue.labels import PRIORITY_REASONS  # lazy: kept out of the first paint of the kiosk

        self.priority_page, layout = self._page("kioskPriority")
        layout.addWidget(big_label(self.tr("Priority queue"), "kioskTitle"))
        layout.addWidget(big_label(self.tr("Priority visitors are called before the normal line. Choose one:"),
                                "kioskSubtitle"))
        for key in PRIORITY_ORDER:
            text = QCoreApplication.translate("queue", PRIORITY_REASONS[key])
            button = WrapButton(text, "kioskReasonButton")
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            button.clicked.connect(lambda _=False, k=key: self.choose_priority(k))
            layout.addWidget(button, 1)
            self.reason_buttons[key] = button
        back = QPushButton(self.tr("Back"))
        back.setObjectName("kioskBackButton")
        back.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        back.clicked.connect(self.back_to_start)
        layout.addWidget(back)

    def _build_working(self) -> None:
        self.working_page, layout = self._page("kioskWorking")
        layout.addStretch(1)
        layout.addWidget(big_label(self.tr("Your number is being printed…"), "kioskWorking"))
        layout.addStretch(1)

    def _build_ticket(self) -> None:
        self.ticket_page, layout = self._page("kioskTicket")
        self.ticket_lead = big_label(self.tr("Your queue number"), "kioskTicketLead")
        self.ticket_code = big_label("", "kioskTicketCode", wrap=False)
        self.ticket_group = big_label("", "kioskTicketGroup")
        self.ticket_priority = big_label("", "kioskTicketPriority")
        self.ticket_ahead = big_label("", "kioskTicketAhead")
        self.ticket_wait = big_label("", "kioskTicketWait")
        self.print_note = big_label("", "kioskPrinted")
        self.print_note.setMinimumHeight(60)
        self.idle_note = big_label(self.tr("This screen returns to the start by itself."), "kioskIdleNote")
        self.done_button = QPushButton(self.tr("Done"))
        self.done_button.setObjectName("kioskDoneButton")
        self.done_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.done_button.clicked.connect(self.back_to_start)
        # the number, then the details: one column on a portrait screen, side by side on a landscape one
        number = QVBoxLayout()
        number.setSpacing(0)
        number.addWidget(self.ticket_lead)
        number.addWidget(self.ticket_code)
        details = QVBoxLayout()
        details.setSpacing(16)
        for widget in (self.ticket_group, self.ticket_priority, self.ticket_ahead, self.ticket_wait):
            details.addWidget(widget)
        details.addSpacing(12)
        details.addWidget(self.print_note)
        self.ticket_body = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.ticket_body.setSpacing(24)
        self.ticket_body.addLayout(number)
        self.ticket_body.addLayout(details)
        layout.addStretch(1)
        layout.addLayout(self.ticket_body)
        layout.addStretch(1)
        layout.addWidget(self.done_button)
        layout.addWidget(self.idle_note)

    def _build_message(self) -> None:
        self.message_page, layout = self._page("kioskMessage")
        self.message_title = big_label("", "kioskMessageTitle")
        self.message_text = big_label("", "kioskMessageText")
        back = QPushButton(self.tr("Back"))
        back.setObjectName("kioskDoneButton")
        back.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        back.clicked.connect(self.back_to_start)
        layout.addStretch(1)
        layout.addWidget(self.message_title)
        layout.addWidget(self.message_text)
        layout.addStretch(1)
        layout.addWidget(back)

    # ----- time ----------------------------------------------------------------------------------
    def now(self) -> dt.datetime:
        """The time the queue is asked at: the clock given, else the process clock (ctx.clock)."""
        return self.clock() if self.clock is not None else self._ctx.clock.now()

    def _tick(self) -> None:
        moment = office_time(self.now())
        self.clock_label.setText(f"{moment:%H:%M}")
        self.date_label.setText(format_date(moment.date()))

    # ----- the database --------------------------------------------------------------------------
    def start_opening(self) -> None:
        from mpp_desk.ui.ops import queue as ops  # lazy: kept out of the first paint of the kiosk

        ctx, now = self._ctx, self.now()
        Op(self._tasks, lambda: ops.open_kiosk(ctx, now=now)).success(self._opened).failure(self.opening_failed).run()

    def _opened(self, start) -> None:
        self.office_name = start.office_name
        self.office_label.setText(start.office_name)
        self._fill_tiles(start.groups)
        self.show_page(self.start_page)
        self.refresh_timer.start()
        self.clock_timer.start()
        self._start_live()
        self.sig_ready.emit(self.mode)

    def refresh(self) -> None:
        """Re-read open/closed states and waiting counts (skipped while a ticket is being issued)."""
        if self._refreshing or self._issuing or not self._open_started:
            return
        from mpp_desk.ui.ops import queue as ops  # lazy: kept out of the first paint of the kiosk

        self._refreshing = True
        ctx, now = self._ctx, self.now()
        Op(self._tasks, lambda: ops.kiosk_status(ctx, now=now)).success(self._refreshed).failure(
            self._refresh_failed).run()

    def _refreshed(self, groups) -> None:
        self._refreshing = False
        self._fill_tiles(groups)

    def _refresh_failed(self, _error) -> None:
        self._refreshing = False  # keep showing the last known tiles; the next refresh tries again

    def _fill_tiles(self, groups) -> None:
        self.groups = tuple(groups)
        codes = [g.code for g in self.groups]
        for code in list(self.tiles):
            if code not in codes:
                tile = self.tiles.pop(code)
                self.tile_grid.removeWidget(tile)
                tile.hide()
                tile.deleteLater()
        for status in self.groups:
            tile = self.tiles.get(status.code)
            if tile is None:
                tile = KioskTile()
                self._size_tile(tile)
                tile.clicked.connect(lambda _=False, c=status.code: self.choose_group(c))
                self.tiles[status.code] = tile
            tile.show_status(status)
        self._arrange_tiles()
        closed = [g for g in self.groups if not g.open]
        if self.groups and len(closed) == len(self.groups):
            self.closed_note.setText(closed[0].reason or self.tr("No queue numbers are issued now."))
            self.closed_note.show()
        elif not self.groups:
            self.closed_note.setText(self.tr("No queue numbers are issued now."))
            self.closed_note.show()
        else:
            self.closed_note.hide()
        self.priority_button.setVisible(self.priority_reason is None and any(g.open for g in self.groups))
        self.sig_groups_shown.emit()

    def _size_tile(self, tile: KioskTile) -> None:
        scale = self._scale or 1.0
        tile.code_label.setFixedWidth(round(190 * scale))
        tile.setMinimumHeight(round(170 * scale))
        tile.setMaximumHeight(round((420 if self.height() > self.width() else 300) * scale))

    def _columns(self) -> int:
        portrait = self.height() > self.width()
        count = len(self.tiles)
        if portrait:
            return 1 if count <= 4 else 2
        return 1 if count <= 1 else (2 if count <= 4 else 3)

    def _arrange_tiles(self) -> None:
        columns = max(1, self._columns())
        for tile in self.tiles.values():
            self.tile_grid.removeWidget(tile)
        for index, code in enumerate(g.code for g in self.groups):
            self.tile_grid.addWidget(self.tiles[code], index // columns, index % columns)
        for row in range(self.tile_grid.rowCount()):
            self.tile_grid.setRowStretch(row, 1)
        for column in range(self.tile_grid.columnCount()):
            self.tile_grid.setColumnStretch(column, 1 if column < columns else 0)

    # ----- visitors' actions ---------------------------------------------------------------------
    def show_priority_page(self) -> None:
        if self.priority_page is None:
            self._build_priority()
        assert self.priority_page is not None  # built just above
        self.show_page(self.priority_page)
        self._restart_idle()

    def choose_priority(self, reason: str) -> None:
        from mpp_desk.queue.labels import PRIORITY_REASONS  # lazy: kept out of the first paint of the kiosk

        self.priority_reason = reason
        text = QCoreApplication.translate("queue", PRIORITY_REASONS[reason])
        self.banner_label.setText(self.tr("Priority queue: {reason}. Now touch the service.").format(reason=text))
        self.banner.show()
        self.priority_button.hide()
        self.subtitle.hide()
        self.show_page(self.start_page)
        self._restart_idle()

    def cancel_priority(self) -> None:
        self.priority_reason = None
        self.banner.hide()
        self.subtitle.show()
        self.priority_button.setVisible(any(g.open for g in self.groups))

    def choose_group(self, code: str) -> None:
        """A tile was touched: issue (and print) a number, or say why the group is closed."""
        if self._issuing:
            return
        status = next((g for g in self.groups if g.code == code), None)
        if status is None:
            return
        if not status.open:
            self.show_message(self.tr("{name} is closed").format(name=status.name), status.reason or "")
            return
        from mpp_desk.ui.ops import queue as ops  # lazy: kept out of the first paint of the kiosk

        self._issuing = True
        self.idle_timer.stop()
        self.show_page(self.working_page)
        ctx, now, reason = self._ctx, self.now(), self.priority_reason
        Op(self._tasks, lambda: ops.take_ticket(ctx, group_code=code, priority_reason=reason, now=now)).success(
            self._issued).failure(self._issue_failed).run()

    def _issued(self, ticket) -> None:
        from mpp_desk.queue.labels import PRIORITY_REASONS  # lazy: kept out of the first paint of the kiosk

        self._issuing = False
        self.last_ticket = ticket
        view = ticket.issued.ticket
        self.ticket_code.setText(view.code)
        self.ticket_group.setText(view.group_name)
        if view.priority_reason:
            self.ticket_priority.setText(self.tr("Priority: {reason}").format(
                reason=QCoreApplication.translate("queue", PRIORITY_REASONS.get(view.priority_reason, ""))))
        self.ticket_priority.setVisible(bool(view.priority_reason))
        ahead = ticket.issued.ahead
        self.ticket_ahead.setText(self.tr("You are next.") if ahead == 0
                                  else self.tr("%n people ahead of you", "", ahead))
        minutes = ticket.issued.estimated_wait_minutes
        self.ticket_wait.setText(self.tr("Estimated wait: about %n minute(s)", "", minutes))
        self.ticket_wait.setVisible(ahead > 0)
        if ticket.printed.ok:
            self.print_note.setObjectName("kioskPrinted")
            self.print_note.setText(self.tr("Please take your ticket below the screen."))
            self.idle_note.setText(self.tr("This screen returns to the start by itself."))
        else:
            self.print_note.setObjectName("kioskNotPrinted")
            reason = ticket.printed.text() if hasattr(ticket.printed, "text") else ""
            self.print_note.setText(f"{ticket.message()}\n{reason}".strip())
            # no paper to take: the number stays until the visitor has noted it and touches Done
            self.idle_note.setText(self.tr("Your number stays on screen until you touch Done."))
        self.holding_number = not ticket.printed.ok
        warning = ticket.issued.clock_warning
        if warning is not None:  # the PC clock looks wrong: the number stands, staff should check the clock
            self.print_note.setText(f"{self.print_note.text()}\n{warning.text()}")
        self.print_note.style().unpolish(self.print_note)
        self.print_note.style().polish(self.print_note)
        self.cancel_priority()
        self.show_page(self.ticket_page)
        self._restart_idle()
        self.sig_ticket_shown.emit(ticket)
        self.refresh()

    def _issue_failed(self, error: BaseException) -> None:
        from mpp_desk.ui.forms import error_text  # lazy: kept out of the first paint of the kiosk

        self._issuing = False
        self.show_message(self.tr("No number was issued"), error_text(error))
        self.refresh()

    def show_message(self, title: str, text: str) -> None:
        self.message_title.setText(title)
        self.message_text.setText(text)
        self.show_page(self.message_page)
        self._restart_idle()

    def back_to_start(self) -> None:
        """The start screen, priority choice cleared (also after the idle time)."""
        if self.pin_showing or self._issuing:
            return
        self.idle_timer.stop()
        self.holding_number = False
        self.cancel_priority()
        if self._open_started and self.pages.currentWidget() is not self.opening:
            self.show_page(self.start_page)

    @property
    def current_page(self) -> QWidget:
        return self.pages.currentWidget()

    # ----- idle ----------------------------------------------------------------------------------
    def _restart_idle(self) -> None:
        if self.holding_number and self.pages.currentWidget() is self.ticket_page:
            self.idle_timer.stop()  # an unprinted number is not taken away by a timer
            return
        if self.pages.currentWidget() is not self.start_page or self.priority_reason is not None:
            self.idle_timer.start(self.idle_ms)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - a touch anywhere restarts the idle countdown
        if event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin, QEvent.Type.KeyPress):
            if self.idle_timer.isActive():
                self.idle_timer.start(self.idle_ms)
        return False

    def pin_opened(self) -> None:
        self.idle_timer.stop()

    def pin_closed(self) -> None:
        self._restart_idle()

    def shutdown(self) -> None:
        for timer in (self.idle_timer, self.refresh_timer, self.clock_timer):
            timer.stop()
        self._stop_live()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    # ----- size ----------------------------------------------------------------------------------
    def resizeEvent(self, event) -> None:  # noqa: N802 - fonts follow the screen; tiles follow its shape
        super().resizeEvent(event)
        scale = min(self.width(), self.height()) / 1080
        if abs(scale - self._scale) > 0.01:
            self._scale = scale
            self.setStyleSheet(scaled_sizes(SIZES, scale))
        landscape = self.width() > self.height()
        self.ticket_body.setDirection(QBoxLayout.Direction.LeftToRight if landscape
                                      else QBoxLayout.Direction.TopToBottom)
        self.ticket_body.setStretch(0, 3 if landscape else 0)
        self.ticket_body.setStretch(1, 2 if landscape else 0)
        for tile in self.tiles.values():
            self._size_tile(tile)
        if self.tiles:
            self._arrange_tiles()
