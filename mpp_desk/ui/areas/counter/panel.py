"""The counter's queue panel: the current number, the counter's actions with shortcuts, the lines it serves.

F5 call next · F6 recall · F7 start service · F8 finish (with an outcome) · F9 absent ·
F10 transfer (to a group or a counter; the ticket keeps its issue time) · F11 hold ·
F12 resume a held ticket · Ctrl+P reprint an unprinted ticket. Every action runs on the database
thread through the queue backend; the panel reloads itself when another counter, the kiosk or
the board changes the queue (a cheap check every two seconds).

The panel is the controller: it owns the state and runs the ops; the card (current_card.py), the
finish and transfer bars (choice_bars.py) and the lines (lines.py) only show and ask.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from mpp_desk.ui.areas.counter.choice_bars import FinishBar, TransferBar
from mpp_desk.ui.areas.counter.common import ACTIONS, CHECK_MS, ENABLED_WHEN, KEY_NAMES, local_time
from mpp_desk.ui.areas.counter.current_card import CurrentCard
from mpp_desk.ui.areas.counter.lines import CounterLines, selected_row
from mpp_desk.ui.forms import VerticalScroll, error_text, show_all_rows
from mpp_desk.ui.table_model import RowTableModel, list_table
from mpp_desk.ui.tasks import Op, TaskManager
from mpp_desk.officetime import pukul
from mpp_desk.ui.ops import queue as ops
from mpp_desk.ui.queue_stream import QueueStreamBridge


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

        self.title = QLabel(self.tr("Queue"))
        self.title.setObjectName("sectionTitle")
        self.title.setWordWrap(True)  # a long counter name wraps instead of widening the window
        self.card = CurrentCard()
        self.finish_bar = FinishBar()
        self.transfer_bar = TransferBar()
        self._build_held()
        self.left_column = self._build_left_column()
        self.tabs = CounterLines()
        body = QHBoxLayout()
        self.left_scroll = VerticalScroll(self.left_column)  # the finishing and transfer lists never push the window taller
        body.addWidget(self.left_scroll, 5)
        body.addWidget(self.tabs, 6)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(body, 1)

        self._connect()
        self.check_timer = QTimer(self)
        self.check_timer.setInterval(CHECK_MS)
        self.check_timer.timeout.connect(self.check_for_changes)
        self.check_timer.start()
        self._start_live()
        self._update_buttons()
        self.reload()

    def _start_live(self) -> None:
        """On a PC joined to a server: the queue's events wake the panel at once (the 2 s check stays as a
        fallback), and losing the server is said at once."""
        self.live = QueueStreamBridge(self)
        self.live.sig_event.connect(lambda _event: self.check_for_changes())
        self.live.sig_online.connect(self._server_online)
        self.live.start_if_joined(self._tasks, self._ctx)

    def _server_online(self, online: bool) -> None:
        if online:
            self.reload()
            self._say(self.tr("Connected to the queue server again."), "okNote")
        else:
            self._say(self.tr("Not connected to the queue server since {time}: calling may fail; the number "
                              "now at this counter can still be served.").format(time=pukul(self.now())),
                      "errorNote")

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

    def _build_held(self) -> None:
        """The tickets on hold at this counter, and the status line."""
        self.held_title = QLabel(self.tr("On hold at this counter"))
        self.held_title.setObjectName("counterListTitle")
        self.held_model = RowTableModel([
            (self.tr("Number"), lambda t: t.code),
            (self.tr("Group"), lambda t: t.route_group_code),
            (self.tr("Since"), lambda t: local_time(t.called_at)),
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
        left.addWidget(self.card)
        left.addLayout(self._build_actions())
        for widget in (self.finish_bar, self.transfer_bar, self.held_title, self.held_table, self.status):
            left.addWidget(widget)
        left.addStretch(1)
        return left_column

    def _connect(self) -> None:
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
        self.finish_bar.sig_confirm.connect(self.confirm_finish)
        self.finish_bar.sig_cancel.connect(self.close_bars)
        self.transfer_bar.sig_confirm.connect(self.confirm_transfer)
        self.transfer_bar.sig_cancel.connect(self.close_bars)
        self.tabs.sig_reprint.connect(self.reprint_selected)

    # ----- helpers -------------------------------------------------------------------------------

    def now(self) -> dt.datetime:
        """The time the queue is asked at: the clock given, else the process clock (ctx.clock)."""
        return self.clock() if self.clock is not None else self._ctx.clock.now()

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

    def waiting_codes(self, group_code: str) -> list[str]:
        """The codes in a group's waiting list as shown."""
        return self.tabs.waiting_codes(group_code)

    # ----- loading -------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the counter's state, its lines and the unprinted tickets."""
        if self._loading:
            return

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
        if self._checking or self._busy or self._loading or self.panel_state is None or not self.isVisible() or \
                self.live.online is False:  # the stream says the server is away; its return reloads the panel
            return

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
        self._show_title(panel)
        self.card.show_ticket(self.current, self.now())
        self.tabs.show_lines(panel, self.now())
        self.held_model.set_rows(self.held)
        self.held_title.setText(self.tr("On hold at this counter (%n)", "", len(self.held)))
        self._update_buttons()
        if panel.reconciled is not None:
            self._say_reconciled(panel.reconciled)
        self.sig_loaded.emit()

    def _say_reconciled(self, done: dict) -> None:
        """The work done without the server, just taken back by it (docs/queue.md, "The counter offline")."""
        text = self.tr("The work done without the server was sent: {applied} taken, {refused} refused.").format(
            applied=done["applied"], refused=done["refused"])
        if done["conflict"]:
            text += " " + self.tr("Served twice, shown to the supervisor: {codes}.").format(
                codes=", ".join(done["conflict_codes"]))
        self._say(text, "errorNote" if done["conflict"] or done["refused"] else "okNote")

    def _show_title(self, panel) -> None:
        state = panel.state
        if state is None:
            self.title.setText(self.tr("Queue — counter {number}").format(number=panel.counter_number))
            self._say(self.tr("{problem} Ask the administrator to add counter {number} in the queue set-up, or "
                              "change this PC's counter number in the settings.").format(
                problem=panel.problem or "", number=panel.counter_number), "errorNote")
            return
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

    def _update_buttons(self) -> None:
        ready = self.panel_state is not None and self.panel_state.state is not None and not self._busy
        status = self.current.status if self.current is not None else None
        for action, button in self.buttons.items():
            if action == "resume":
                button.setEnabled(ready and status is None and bool(self.held))
            else:
                button.setEnabled(ready and status in ENABLED_WHEN[action])
        self.tabs.reprint_button.setEnabled(not self._busy and self.tabs.unprinted_model.rowCount() > 0)

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
            held = selected_row(self.held_table, self.held_model) or (self.held[0] if self.held else None)
            if held is not None:
                self.run_action("resume", ticket_id=held.id)
        elif ticket is not None:
            self.run_action(action, ticket_id=ticket.id)

    def run_action(self, action: str, **kwargs) -> None:
        if self._busy or self.panel_state is None:
            return
        self._busy = True
        self._update_buttons()
        ctx, actor, number, now = self._ctx, self._actor, self.panel_state.counter_number, self.now()
        quick = self.live.online is False  # one short try, then the offline journal
        Op(self._tasks, lambda: ops.counter_action(ctx, actor=actor, number=number, action=action, now=now,
                                                   quick=quick, **kwargs)
           ).success(self._action_done).failure(self._action_failed).run()

    def _action_done(self, done) -> None:
        self._busy = False
        self.close_bars()
        self.show_state(done.panel)
        text = self._done_text(done.action, done.ticket)
        if done.panel.offline_since is not None:  # done from the last picture the server gave
            text += " " + self.tr("Without the server: %n action(s) will be sent when it is back.", "",
                                  done.panel.pending)
        self._say(text, "okNote" if done.ticket is not None else "statusNote")
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
        if self.live.online is not False:  # (the server away: nothing to learn, its return reloads)
            self.reload()  # the queue moved on elsewhere: show how it is now

    def open_finish(self) -> None:
        if self.current is None or self.current.status != "serving":
            return
        self.transfer_bar.hide()
        self.finish_bar.reset()
        self.show_bar(self.finish_bar)

    def confirm_finish(self) -> None:
        choice, ticket = self.finish_bar.choice(), self.current
        if not self.finish_bar.isVisibleTo(self) or choice is None or ticket is None:
            return
        outcome, note = choice
        self.run_action("finish", ticket_id=ticket.id, outcome=outcome, note=note)

    def open_transfer(self) -> None:
        ticket = self.current
        if ticket is None or self.panel_state is None:
            return
        self.finish_bar.hide()
        if not self.transfer_bar.fill(self.panel_state.group_names, self.panel_state.counters,
                                      except_group=ticket.route_group_code):
            self._say(self.tr("There is no other group or counter to transfer to."), "errorNote")
            return
        self.show_bar(self.transfer_bar)

    def show_bar(self, bar: FinishBar | TransferBar | QFrame) -> None:
        """Show the finishing or transfer choices whole (every row of the list), scrolled into view."""
        choices = self.finish_bar.outcomes if bar is self.finish_bar else self.transfer_bar.targets
        bar.show()
        show_all_rows(choices, None if bar is self.finish_bar else 4)
        self.left_column.adjustSize()
        self.left_scroll.ensureWidgetVisible(bar)
        choices.setFocus()

    def select_target(self, kind: str, value) -> bool:
        """Select a transfer target by ("group", code) or ("counter", number); False if not listed."""
        return self.transfer_bar.select(kind, value)

    def confirm_transfer(self) -> None:
        target, ticket = self.transfer_bar.choice(), self.current
        if not self.transfer_bar.isVisibleTo(self) or target is None or ticket is None:
            return
        self.run_action("transfer", ticket_id=ticket.id, **target)

    def close_bars(self) -> None:
        self.finish_bar.hide()
        self.transfer_bar.hide()

    def reprint_selected(self) -> None:
        if self._busy or self.panel_state is None:
            return
        ticket = self.tabs.unprinted_choice()
        if ticket is None:
            return

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
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if self.finish_bar.isVisibleTo(self) and (self.finish_bar.pick_by_number(key) or enter):
            if enter:
                self.confirm_finish()
            return
        if self.transfer_bar.isVisibleTo(self) and enter:
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
