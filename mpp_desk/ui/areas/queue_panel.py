"""The counter's queue panel: the current number, the counter's actions with shortcuts, the lines it serves.

F5 call next · F6 recall · F7 start service · F8 finish (with an outcome) · F9 absent ·
F10 transfer (to a group or a counter; the ticket keeps its issue time) · F11 hold ·
F12 resume a held ticket · Ctrl+P reprint an unprinted ticket. Every action runs on the database
thread through the queue backend; the panel reloads itself when another counter, the kiosk or
the board changes the queue (a cheap check every two seconds).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mpp_desk.i18n import N_
from mpp_desk.ui.forms import VerticalScroll, error_text, show_all_rows
from mpp_desk.ui.table_model import RowTableModel, list_table
from mpp_desk.ui.tasks import Op, TaskManager

CHECK_MS = 2000  # how often the panel looks for changes made elsewhere

# action -> (key, English label); the order of the buttons
ACTIONS = (
    ("call", Qt.Key.Key_F5, N_("QueuePanel", "Call next")),
    ("recall", Qt.Key.Key_F6, N_("QueuePanel", "Recall")),
    ("start", Qt.Key.Key_F7, N_("QueuePanel", "Start service")),
    ("finish", Qt.Key.Key_F8, N_("QueuePanel", "Finish…")),
    ("no_show", Qt.Key.Key_F9, N_("QueuePanel", "Absent")),
    ("transfer", Qt.Key.Key_F10, N_("QueuePanel", "Transfer…")),
    ("hold", Qt.Key.Key_F11, N_("QueuePanel", "Hold")),
    ("resume", Qt.Key.Key_F12, N_("QueuePanel", "Resume held")),
)
KEY_NAMES = {Qt.Key.Key_F5: "F5", Qt.Key.Key_F6: "F6", Qt.Key.Key_F7: "F7", Qt.Key.Key_F8: "F8",
             Qt.Key.Key_F9: "F9", Qt.Key.Key_F10: "F10", Qt.Key.Key_F11: "F11", Qt.Key.Key_F12: "F12"}
# which current-ticket states allow each action (the service checks again)
ENABLED_WHEN = {
    "call": (None,),
    "recall": ("called",),
    "start": ("called",),
    "finish": ("serving",),
    "no_show": ("called",),
    "transfer": ("called", "serving"),
    "hold": ("called", "serving"),
}
OUTCOME_ORDER = ("completed", "incomplete", "information", "referred", "other")


def _queue_text(text: str) -> str:
    return QCoreApplication.translate("queue", text)


def _local_time(moment: dt.datetime | None) -> str:
    if moment is None:
        return ""
    from mpp_desk.officetime import local

    return f"{local(moment):%H:%M}"


def _minutes(start: dt.datetime | None, end: dt.datetime) -> int:
    if start is None:
        return 0
    return max(0, int((end - start).total_seconds() // 60))


class QueuePanel(QWidget):
    """One counter's queue work; the counter is this PC's (setting ``pc.counter_number``) unless given."""

    sig_loaded = Signal()
    """The panel's state was (re)loaded from the database."""

    sig_action_done = Signal(str, object)
    """A counter action succeeded: (action, TicketView or None)."""

    sig_failed = Signal(str)
    """An action was refused or failed (the message shown)."""

    def __init__(self, *, ctx, tasks: TaskManager, actor, clock: Callable[[], dt.datetime] | None = None,
                 counter_number: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("queuePanel")
        self._ctx = ctx
        self._tasks = tasks
        self._actor = actor
        self.clock = clock
        self.counter_number = counter_number
        self.panel_state = None
        self._busy = False
        self._loading = False
        self._checking = False
        self.buttons: dict[str, QPushButton] = {}

        self._build_current()
        self._build_finish_bar()
        self._build_transfer_bar()
        self._build_held()
        self.left_column = self._build_left_column()
        self._build_tabs()
        right = QVBoxLayout()
        right.addWidget(self.tabs, 1)
        body = QHBoxLayout()
        self.left_scroll = VerticalScroll(self.left_column)  # the finishing and transfer lists never push the window taller
        body.addWidget(self.left_scroll, 5)
        body.addLayout(right, 6)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(body, 1)

        self._add_shortcuts()
        self.check_timer = QTimer(self)
        self.check_timer.setInterval(CHECK_MS)
        self.check_timer.timeout.connect(self.check_for_changes)
        self.check_timer.start()
        self._update_buttons()
        self.reload()

    def _build_current(self) -> None:
        """The card of the ticket now at this counter."""
        self.title = QLabel(self.tr("Queue"))
        self.title.setObjectName("sectionTitle")
        self.title.setWordWrap(True)  # a long counter name wraps instead of widening the window
        self.current_card = QFrame()
        self.current_card.setObjectName("counterCurrent")
        self.current_lead = QLabel(self.tr("Now at this counter"))
        self.current_lead.setObjectName("counterLead")
        self.current_code = QLabel("—")
        self.current_code.setObjectName("counterTicketCode")
        self.current_state = QLabel(self.tr("No number called."))
        self.current_state.setObjectName("counterTicketState")
        self.current_state.setWordWrap(True)
        self.current_detail = QLabel()
        self.current_detail.setObjectName("counterTicketDetail")
        self.current_detail.setWordWrap(True)
        card = QGridLayout(self.current_card)
        card.addWidget(self.current_lead, 0, 0, 1, 2)
        card.addWidget(self.current_code, 1, 0, 2, 1)
        card.addWidget(self.current_state, 1, 1)
        card.addWidget(self.current_detail, 2, 1)
        card.setColumnStretch(1, 1)

    def _build_actions(self) -> QGridLayout:
        """One button per action, two a row, each with its key."""
        grid = QGridLayout()
        grid.setSpacing(6)
        for index, (action, key, text) in enumerate(ACTIONS):
            button = QPushButton(f"{self.tr(text)}  ({KEY_NAMES[key]})")
            button.setObjectName("counterCallButton" if action == "call" else "counterButton")
            button.setToolTip(KEY_NAMES[key])
            button.clicked.connect(lambda _=False, a=action: self.trigger(a))
            grid.addWidget(button, index // 2, index % 2)
            self.buttons[action] = button
        self.buttons["no_show"].setObjectName("counterDangerButton")

        return grid

    def _build_finish_bar(self) -> None:
        """Finishing: the outcome (1–5) and a note."""
        self.finish_bar = QFrame()
        self.finish_bar.setObjectName("counterInline")
        self.outcomes = QListWidget()
        self.outcomes.setObjectName("counterChoices")
        from mpp_desk.queue.labels import OUTCOMES

        for number, key in enumerate(OUTCOME_ORDER, start=1):
            item = QListWidgetItem(f"{number}  {_queue_text(OUTCOMES[key])}")
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.outcomes.addItem(item)
        self.outcomes.setCurrentRow(0)
        self.outcomes.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Note (optional)"))
        finish_ok = QPushButton(self.tr("Finish (Enter)"))
        finish_cancel = QPushButton(self.tr("Cancel (Esc)"))
        finish_cancel.setObjectName("smallButton")
        finish_ok.clicked.connect(self.confirm_finish)
        finish_cancel.clicked.connect(self.close_bars)
        finish_layout = QVBoxLayout(self.finish_bar)
        finish_layout.addWidget(QLabel(self.tr("How did the service end? (1–5, Enter)")))
        finish_layout.addWidget(self.outcomes)
        finish_layout.addWidget(self.note)
        row = QHBoxLayout()
        row.addWidget(finish_ok)
        row.addWidget(finish_cancel)
        row.addStretch(1)
        finish_layout.addLayout(row)
        self.finish_bar.hide()

    def _build_transfer_bar(self) -> None:
        """Transferring: to a group or a counter."""
        self.transfer_bar = QFrame()
        self.transfer_bar.setObjectName("counterInline")
        self.targets = QListWidget()
        self.targets.setObjectName("counterChoices")
        self.targets.setMaximumHeight(170)
        transfer_ok = QPushButton(self.tr("Transfer (Enter)"))
        transfer_cancel = QPushButton(self.tr("Cancel (Esc)"))
        transfer_cancel.setObjectName("smallButton")
        transfer_ok.clicked.connect(self.confirm_transfer)
        transfer_cancel.clicked.connect(self.close_bars)
        transfer_layout = QVBoxLayout(self.transfer_bar)
        transfer_layout.addWidget(QLabel(self.tr("Transfer to (the number keeps its place by issue time):")))
        transfer_layout.addWidget(self.targets)
        row = QHBoxLayout()
        row.addWidget(transfer_ok)
        row.addWidget(transfer_cancel)
        row.addStretch(1)
        transfer_layout.addLayout(row)
        self.transfer_bar.hide()

    def _build_held(self) -> None:
        """The tickets on hold at this counter, and the status line."""
        self.held_title = QLabel(self.tr("On hold at this counter"))
        self.held_title.setObjectName("counterListTitle")
        self.held_model = RowTableModel([
            (self.tr("Number"), lambda t: t.code),
            (self.tr("Group"), lambda t: t.route_group_code),
            (self.tr("Since"), lambda t: _local_time(t.called_at)),
        ], self)
        self.held_table = list_table(self.held_model)
        self.held_table.setMaximumHeight(130)

        self.status = QLabel()
        self.status.setObjectName("statusNote")
        self.status.setWordWrap(True)

    def _build_left_column(self) -> QWidget:
        """The current ticket, the actions, the open bar, the held tickets and the status, one under the other."""
        left_column = QWidget()
        left = QVBoxLayout(left_column)
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.current_card)
        left.addLayout(self._build_actions())
        left.addWidget(self.finish_bar)
        left.addWidget(self.transfer_bar)
        left.addWidget(self.held_title)
        left.addWidget(self.held_table)
        left.addWidget(self.status)
        left.addStretch(1)

        return left_column

    def _build_tabs(self) -> None:
        """The lines: one tab per group this counter serves (added when loaded), then the unprinted tickets."""
        self.tabs = QTabWidget()
        self.tabs.setObjectName("counterTabs")
        self.waiting_models: dict[str, RowTableModel] = {}
        self.waiting_tables: dict[str, QTableView] = {}
        self.unprinted_model = RowTableModel([
            (self.tr("Number"), lambda t: t.code),
            (self.tr("Taken"), lambda t: _local_time(t.issued_at)),
            (self.tr("State"), lambda t: self._status_label(t.status)),
        ], self)
        unprinted_page = QWidget()
        self.unprinted_table = list_table(self.unprinted_model)
        self.reprint_button = QPushButton(self.tr("Reprint the selected ticket (Ctrl+P)"))
        self.reprint_button.clicked.connect(self.reprint_selected)
        unprinted_layout = QVBoxLayout(unprinted_page)
        unprinted_layout.addWidget(QLabel(self.tr("Tickets of today whose paper did not come out of the kiosk.")))
        unprinted_layout.addWidget(self.unprinted_table, 1)
        unprinted_layout.addWidget(self.reprint_button)
        self.unprinted_page = unprinted_page
        self.tabs.addTab(unprinted_page, self.tr("Not printed"))

    def _add_shortcuts(self) -> None:
        """The action keys work anywhere in the window while the panel is visible; keyPressEvent covers the
        keys sent to the panel itself (offscreen tests, where no window is active)."""
        self._shortcuts: list[QShortcut] = []
        for action, key, _text in ACTIONS:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.activated.connect(lambda a=action: self.trigger(a))
            self._shortcuts.append(shortcut)
        reprint = QShortcut(QKeySequence("Ctrl+P"), self)
        reprint.activated.connect(self.reprint_selected)
        self._shortcuts.append(reprint)
        self.outcomes.itemActivated.connect(lambda _item: self.confirm_finish())
        self.targets.itemActivated.connect(lambda _item: self.confirm_transfer())

    # ----- helpers -------------------------------------------------------------------------------

    def now(self) -> dt.datetime:
        """The time the queue is asked at: the clock given, else the process clock (ctx.clock)."""
        return self.clock() if self.clock is not None else self._ctx.clock.now()

    def _now_value(self) -> dt.datetime:
        return self.now()

    def _status_label(self, status: str) -> str:
        from mpp_desk.queue.labels import STATUS_LABELS

        return _queue_text(STATUS_LABELS.get(status, status))

    def _say(self, text: str, kind: str = "statusNote") -> None:
        self.status.setObjectName(kind)
        self.status.style().unpolish(self.status)  # re-polish with the new object name
        self.status.style().polish(self.status)
        self.status.setText(text)

    @property
    def current(self):
        """The ticket called to or served at this counter (TicketView), or None."""
        state = self.panel_state.state if self.panel_state is not None else None
        return state.current if state is not None else None

    @property
    def held(self) -> tuple:
        state = self.panel_state.state if self.panel_state is not None else None
        return state.held if state is not None else ()

    @property
    def bar_open(self) -> bool:
        return self.finish_bar.isVisibleTo(self) or self.transfer_bar.isVisibleTo(self)

    # ----- loading -------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the counter's state, its lines and the unprinted tickets."""
        if self._loading:
            return
        from mpp_desk.ui.ops import queue as ops

        self._loading = True
        ctx, actor, number, now = self._ctx, self._actor, self.counter_number, self.now()
        Op(self._tasks, lambda: ops.counter_panel(ctx, actor=actor, number=number, now=now)).success(
            self._loaded).failure(self._load_failed).run()

    def _loaded(self, panel) -> None:
        self._loading = False
        self.show_state(panel)

    def _load_failed(self, error: BaseException) -> None:
        self._loading = False
        self._say(error_text(error), "errorNote")
        self.sig_failed.emit(error_text(error))

    def check_for_changes(self) -> None:
        """Reload when something happened in the queue since the last load (skipped while busy)."""
        if self._checking or self._busy or self._loading or self.panel_state is None or not self.isVisible():
            return
        from mpp_desk.ui.ops import queue as ops

        self._checking = True
        ctx, actor, number, now = self._ctx, self._actor, self.panel_state.counter_number, self.now()
        after = self.panel_state.last_seq

        def done(panel) -> None:
            self._checking = False
            if panel is not None and not self._busy:
                self.show_state(panel)

        def failed(_error) -> None:
            self._checking = False

        Op(self._tasks, lambda: ops.refresh_counter_panel(ctx, actor=actor, number=number, after_seq=after, now=now)
           ).success(done).failure(failed).run()

    def show_state(self, panel) -> None:
        """Draw a CounterPanelState."""
        self.panel_state = panel
        self.counter_number = panel.counter_number
        state = panel.state
        if state is None:
            self.title.setText(self.tr("Queue — counter {number}").format(number=panel.counter_number))
            self._say(self.tr("{problem} Ask the administrator to add counter {number} in the queue set-up, or "
                              "change this PC's counter number in the settings.").format(
                problem=panel.problem or "", number=panel.counter_number), "errorNote")
        else:
            counter, groups = state.counter, ", ".join(state.counter.group_codes)
            if " ".join(counter.name.split()).casefold() in {f"loket {counter.number}", f"counter {counter.number}"}:
                # the usual name says no more than the number: "Antrian — loket 3, memanggil kelompok A, B"
                text = self.tr("Queue — counter {number}, calls from {groups}").format(number=counter.number,
                                                                                     groups=groups)
            else:
                text = self.tr("Queue — counter {number} ({name}), calls from {groups}").format(
                    number=counter.number, name=counter.name, groups=groups)
            self.title.setText(text)
            if getattr(panel, "clock_warning", None):
                self._say(panel.clock_warning, "errorNote")
        self._show_current()
        self._show_lines(panel)
        self.held_model.set_rows(self.held)
        self.held_title.setText(self.tr("On hold at this counter (%n)", "", len(self.held)))
        self.unprinted_model.set_rows(panel.unprinted)
        self.tabs.setTabText(self.tabs.indexOf(self.unprinted_page),
                             self.tr("Not printed (%n)", "", len(panel.unprinted)))
        self._update_buttons()
        self.sig_loaded.emit()

    def _show_current(self) -> None:
        from mpp_desk.queue.labels import PRIORITY_REASONS

        ticket = self.current
        self.current_card.setProperty("state", ticket.status if ticket is not None else "none")
        self.current_card.style().unpolish(self.current_card)
        self.current_card.style().polish(self.current_card)
        if ticket is None:
            self.current_code.setText("—")
            self.current_state.setText(self.tr("No number called. Press F5 to call the next one."))
            self.current_detail.setText("")
            return
        self.current_code.setText(ticket.code)
        state = self._status_label(ticket.status)
        if ticket.recall_count:
            state += " · " + self.tr("called %n time(s) again", "", ticket.recall_count)
        self.current_state.setText(state)
        parts = [ticket.group_name]
        if ticket.service_title:
            parts.append(ticket.service_title)
        if ticket.priority:
            reason = _queue_text(PRIORITY_REASONS.get(ticket.priority_reason or "", "")) if ticket.priority_reason else ""
            parts.append(self.tr("priority") + (f": {reason}" if reason else ""))
        if ticket.transfer_count:
            parts.append(self.tr("transferred"))
        waited = _minutes(ticket.issued_at, ticket.called_at or self._now_value())
        parts.append(self.tr("taken {time}, waited %n min", "", waited).format(time=_local_time(ticket.issued_at)))
        self.current_detail.setText(" · ".join(parts))

    def _show_lines(self, panel) -> None:
        codes = list(panel.waiting)
        first = not self.waiting_models
        for code in list(self.waiting_models):
            if code not in codes:
                table = self.waiting_tables.pop(code)
                self.waiting_models.pop(code)
                self.tabs.removeTab(self.tabs.indexOf(table))
                table.deleteLater()
        now = self._now_value()
        for index, code in enumerate(codes):
            if code not in self.waiting_models:
                model = RowTableModel([
                    (self.tr("Number"), lambda t: t.code),
                    (self.tr("Priority"), self._priority_text),
                    (self.tr("Taken"), lambda t: _local_time(t.issued_at)),
                    (self.tr("Waiting"), lambda t: self.tr("%n min", "", _minutes(t.issued_at, self._shown_at))),
                    (self.tr("Note"), self._ticket_note),
                ], self)
                table = list_table(model)
                self.waiting_models[code] = model
                self.waiting_tables[code] = table
                self.tabs.insertTab(index, table, code)
            self._shown_at = now
            rows = panel.waiting[code]
            self.waiting_models[code].set_rows(rows)
            index = self.tabs.indexOf(self.waiting_tables[code])
            self.tabs.setTabText(index, self.tr("{code}: %n waiting", "", len(rows)).format(code=code))
            self.tabs.setTabToolTip(index, panel.group_names.get(code, ""))
        if first and codes:
            self.tabs.setCurrentWidget(self.waiting_tables[codes[0]])

    _shown_at: dt.datetime = dt.datetime.min.replace(tzinfo=dt.timezone.utc)

    def _priority_text(self, ticket) -> str:
        from mpp_desk.queue.labels import PRIORITY_REASONS

        if not ticket.priority:
            return ""
        return _queue_text(PRIORITY_REASONS[ticket.priority_reason]) if ticket.priority_reason in PRIORITY_REASONS \
            else self.tr("yes")

    def _ticket_note(self, ticket) -> str:
        parts = []
        if ticket.target_counter_number is not None:
            parts.append(self.tr("for counter {number}").format(number=ticket.target_counter_number))
        if ticket.transfer_count:
            parts.append(self.tr("transferred"))
        if ticket.service_title:
            parts.append(ticket.service_title)
        return ", ".join(parts)

    def waiting_codes(self, group_code: str) -> list[str]:
        """The codes in a group's waiting list as shown."""
        model = self.waiting_models.get(group_code)
        return [model.row_object(r).code for r in range(model.rowCount())] if model is not None else []

    def _update_buttons(self) -> None:
        ready = self.panel_state is not None and self.panel_state.state is not None and not self._busy
        status = self.current.status if self.current is not None else None
        for action, button in self.buttons.items():
            if action == "resume":
                button.setEnabled(ready and status is None and bool(self.held))
            else:
                button.setEnabled(ready and status in ENABLED_WHEN[action])
        self.reprint_button.setEnabled(not self._busy and self.unprinted_model.rowCount() > 0)

    # ----- actions -------------------------------------------------------------------------------
    def trigger(self, action: str) -> None:
        """Start an action from its button or key (finish and transfer first ask for details)."""
        if self._busy or self.bar_open:
            return
        button = self.buttons[action]
        if not button.isEnabled():
            return
        ticket = self.current
        if action == "call":
            self.run_action("call")
        elif action == "finish":
            self.open_finish()
        elif action == "transfer":
            self.open_transfer()
        elif action == "resume":
            held = self._selected(self.held_table, self.held_model) or (self.held[0] if self.held else None)
            if held is not None:
                self.run_action("resume", ticket_id=held.id)
        elif ticket is not None:
            self.run_action(action, ticket_id=ticket.id)

    def run_action(self, action: str, **kwargs) -> None:
        from mpp_desk.ui.ops import queue as ops

        if self._busy or self.panel_state is None:
            return
        self._busy = True
        self._update_buttons()
        ctx, actor, number, now = self._ctx, self._actor, self.panel_state.counter_number, self.now()
        Op(self._tasks, lambda: ops.counter_action(ctx, actor=actor, number=number, action=action, now=now, **kwargs)
           ).success(self._action_done).failure(self._action_failed).run()

    def _action_done(self, done) -> None:
        self._busy = False
        self.close_bars()
        self.show_state(done.panel)
        self._say(self._done_text(done.action, done.ticket), "okNote" if done.ticket is not None else "statusNote")
        self.sig_action_done.emit(done.action, done.ticket)

    def _done_text(self, action: str, ticket) -> str:
        if ticket is None:
            return self.tr("Nobody is waiting in this counter's lines.")
        code, number = ticket.code, self.counter_number
        texts = {
            "call": self.tr("{code} called to counter {number}."),
            "recall": self.tr("{code} called again."),
            "start": self.tr("Serving {code}."),
            "finish": self.tr("{code} finished."),
            "no_show": self.tr("{code} marked absent."),
            "transfer": self.tr("{code} transferred."),
            "hold": self.tr("{code} put on hold."),
            "resume": self.tr("Serving {code} again."),
        }
        return texts[action].format(code=code, number=number)

    def _action_failed(self, error: BaseException) -> None:
        self._busy = False
        self._update_buttons()
        message = error_text(error)
        self._say(message, "errorNote")
        self.sig_failed.emit(message)
        self.reload()  # the queue moved on elsewhere: show how it is now

    def _selected(self, table: QTableView, model: RowTableModel):
        rows = table.selectionModel().selectedRows() if table.selectionModel() else []
        return model.row_object(rows[0].row()) if rows else None

    # finishing
    def open_finish(self) -> None:
        if self.current is None or self.current.status != "serving":
            return
        self.transfer_bar.hide()
        self.outcomes.setCurrentRow(0)
        self.note.clear()
        self.show_bar(self.finish_bar)

    def confirm_finish(self) -> None:
        item = self.outcomes.currentItem()
        ticket = self.current
        if not self.finish_bar.isVisibleTo(self) or item is None or ticket is None:
            return
        outcome, note = item.data(Qt.ItemDataRole.UserRole), self.note.text()
        self.run_action("finish", ticket_id=ticket.id, outcome=outcome, note=note)

    # transferring
    def open_transfer(self) -> None:
        ticket = self.current
        if ticket is None or self.panel_state is None:
            return
        self.finish_bar.hide()
        self.targets.clear()
        for code, name in self.panel_state.group_names.items():
            if code != ticket.route_group_code:
                item = QListWidgetItem(self.tr("Group {code} — {name}").format(code=code, name=name))
                item.setData(Qt.ItemDataRole.UserRole, ("group", code))
                self.targets.addItem(item)
        for number, name in self.panel_state.counters:
            item = QListWidgetItem(self.tr("Counter {number} — {name}").format(number=number, name=name))
            item.setData(Qt.ItemDataRole.UserRole, ("counter", number))
            self.targets.addItem(item)
        if self.targets.count() == 0:
            self._say(self.tr("There is no other group or counter to transfer to."), "errorNote")
            return
        self.targets.setCurrentRow(0)
        self.show_bar(self.transfer_bar)

    def show_bar(self, bar: QFrame) -> None:
        """Show the finishing or transfer choices whole (every row of the list), scrolled into view."""
        choices = self.outcomes if bar is self.finish_bar else self.targets
        bar.show()
        show_all_rows(choices, None if choices is self.outcomes else 4)
        self.left_column.adjustSize()
        self.left_scroll.ensureWidgetVisible(bar)
        choices.setFocus()

    def select_target(self, kind: str, value) -> bool:
        """Select a transfer target by ("group", code) or ("counter", number); False if not listed."""
        for row in range(self.targets.count()):
            if self.targets.item(row).data(Qt.ItemDataRole.UserRole) == (kind, value):
                self.targets.setCurrentRow(row)
                return True
        return False

    def confirm_transfer(self) -> None:
        item = self.targets.currentItem()
        ticket = self.current
        if not self.transfer_bar.isVisibleTo(self) or item is None or ticket is None:
            return
        kind, value = item.data(Qt.ItemDataRole.UserRole)
        target = {"to_group_code": value} if kind == "group" else {"to_counter_number": value}
        self.run_action("transfer", ticket_id=ticket.id, **target)

    def close_bars(self) -> None:
        self.finish_bar.hide()
        self.transfer_bar.hide()

    # reprinting
    def reprint_selected(self) -> None:
        if self._busy or self.panel_state is None:
            return
        ticket = self._selected(self.unprinted_table, self.unprinted_model)
        if ticket is None and self.unprinted_model.rowCount():
            ticket = self.unprinted_model.row_object(0)
        if ticket is None:
            return
        from mpp_desk.ui.ops import queue as ops

        self._busy = True
        self._update_buttons()
        ctx, actor, number, now = self._ctx, self._actor, self.panel_state.counter_number, self.now()
        ticket_id = ticket.id
        Op(self._tasks, lambda: ops.reprint(ctx, actor=actor, number=number, ticket_id=ticket_id, now=now)).success(
            self._reprinted).failure(self._action_failed).run()

    def _reprinted(self, done) -> None:
        self._busy = False
        self.show_state(done.panel)
        if done.ok:
            self._say(self.tr("{code} printed ({where}).").format(code=done.code, where=done.message), "okNote")
        else:
            self._say(self.tr("{code} was not printed: {reason}").format(code=done.code, reason=done.message),
                      "errorNote")
        self.sig_action_done.emit("reprint", None)

    # ----- keys ----------------------------------------------------------------------------------
    def keyPressEvent(self, event) -> None:  # noqa: N802 - the action keys, and the open bar's keys
        key, mods = event.key(), event.modifiers()
        if self.finish_bar.isVisibleTo(self):
            if Qt.Key.Key_1 <= key <= Qt.Key.Key_5 and not self.note.hasFocus():
                self.outcomes.setCurrentRow(key - Qt.Key.Key_1)
                return
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.confirm_finish()
                return
        if self.transfer_bar.isVisibleTo(self) and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.confirm_transfer()
            return
        if key == Qt.Key.Key_Escape and self.bar_open:
            self.close_bars()
            return
        if key == Qt.Key.Key_P and mods & Qt.KeyboardModifier.ControlModifier:
            self.reprint_selected()
            return
        for action, action_key, _text in ACTIONS:
            if key == action_key and not mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
                self.trigger(action)
                return
        super().keyPressEvent(event)

    def showEvent(self, event) -> None:  # noqa: N802 - back on screen: catch up at once
        super().showEvent(event)
        if self.panel_state is not None:
            QTimer.singleShot(0, self, self.check_for_changes)  # tied to the panel: not after it is gone


class QueueArea(QWidget):
    """The queue panel as an area of its own (the complaint desk also serves a queue line)."""

    def __init__(self, *, ctx, tasks: TaskManager, actor, clock: Callable[[], dt.datetime] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.panel = QueuePanel(ctx=ctx, tasks=tasks, actor=actor, clock=clock)
        self.panel.title.setObjectName("pageTitle")
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel, 1)

    @property
    def panel_state(self):
        return self.panel.panel_state
