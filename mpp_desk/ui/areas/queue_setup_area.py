"""Queue set-up for the administrator: groups (prefix, hours, daily limit, services), counters and
the groups each serves, the weekly breaks (the Friday prayer) and the display board's running text."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mpp_desk.textformat import DAY_NAMES
from mpp_desk.ui.areas.queue_offline import OfflineCallingBox
from mpp_desk.ui.forms import Form, error_text
from mpp_desk.ui.table_model import RowTableModel, list_table
from mpp_desk.ui.tasks import Op, TaskManager
from mpp_desk.i18n import current_language
from mpp_desk.settings import SETTINGS
from mpp_desk.ui.ops import queue_setup as ops


def _hhmm(value: dt.time) -> str:
    return "24:00" if value == dt.time.max else value.strftime("%H:%M")




def _checked(widget: QListWidget) -> list:
    return [widget.item(r).data(Qt.ItemDataRole.UserRole) for r in range(widget.count())
            if widget.item(r).checkState() == Qt.CheckState.Checked]


def _weekday_name(weekday: int) -> str:
    return DAY_NAMES.get(current_language(), DAY_NAMES["id"])[weekday]



def running_text_limit() -> int:
    """The running text's limit, as the setting declares it (the counter under the field shows it)."""
    return SETTINGS["display.running_text"].max_length

class QueueSetupArea(QWidget):
    """Three tabs: groups, counters, breaks and the board; every change goes through the queue set-up services."""

    sig_loaded = Signal()
    """The set-up was (re)loaded from the database."""

    def __init__(self, *, ctx, tasks: TaskManager, actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._tasks = tasks
        self._actor = actor
        self.setup = None
        self._new_group = True
        self._new_counter = True
        self._break = None  # the BreakView being edited

        title = QLabel(self.tr("Queue set-up"))
        title.setObjectName("pageTitle")
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_groups(), self.tr("Queue groups"))
        self.tabs.addTab(self._build_counters(), self.tr("Counters"))
        self.tabs.addTab(self._build_breaks(), self.tr("Breaks and display board"))
        self.status = QLabel()
        self.status.setObjectName("statusNote")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        # the supervisor's setting for counters without the server (queue_offline.py), under the running text
        self.offline_calling = OfflineCallingBox(ctx=ctx, tasks=tasks, actor=actor)
        self.board_form.layout.addRow(self.offline_calling)
        self.offline_calling.sig_said.connect(self._say)
        self.reload()

    # ----- building ------------------------------------------------------------------------------
    def _build_groups(self) -> QWidget:
        page = QWidget()
        self.group_model = RowTableModel([
            (self.tr("Prefix"), lambda g: g.code),
            (self.tr("Name"), lambda g: g.name),
            (self.tr("Hours"), lambda g: f"{_hhmm(g.open_time)}–{_hhmm(g.close_time)}"),
            (self.tr("Daily limit"), lambda g: g.daily_limit if g.daily_limit else "—"),
            (self.tr("Open"), lambda g: self.tr("yes") if g.active else self.tr("no")),
            (self.tr("Counters"), lambda g: ", ".join(str(n) for n in g.counter_numbers)),
            (self.tr("Services"), lambda g: len(g.services)),
        ], self)
        self.group_table = list_table(self.group_model)
        self.group_table.selectionModel().currentRowChanged.connect(lambda current, _prev: self._edit_group(current.row()))

        box = QGroupBox(self.tr("Group"))
        self.group_form = Form(QFormLayout())
        self.group_code = QLineEdit()
        self.group_code.setMaxLength(3)
        self.group_code.setPlaceholderText(self.tr("one to three letters, e.g. C"))
        self.group_name = QLineEdit()
        self.group_open = QLineEdit()
        self.group_open.setPlaceholderText("08:00")
        self.group_close = QLineEdit()
        self.group_close.setPlaceholderText("15:00")
        self.group_limit = QSpinBox()
        self.group_limit.setRange(0, 9999)
        self.group_limit.setSpecialValueText(self.tr("no limit"))
        self.group_active = QCheckBox(self.tr("The kiosk issues numbers for this group"))
        self.group_form.add("code", self.tr("Prefix"), self.group_code)
        self.group_form.add("name", self.tr("Name"), self.group_name)
        self.group_form.add("open", self.tr("Opens at"), self.group_open)
        self.group_form.add("close", self.tr("Closes at"), self.group_close)
        self.group_form.add("limit", self.tr("Numbers per day"), self.group_limit)
        self.group_form.add("active", "", self.group_active)
        self.services = QListWidget()
        self.services.setObjectName("serviceChecklist")
        self.services.setWordWrap(True)
        self.services.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.new_group_button = QPushButton(self.tr("New group"))
        self.new_group_button.setObjectName("smallButton")
        self.save_group_button = QPushButton(self.tr("Save group"))
        self.new_group_button.clicked.connect(self.new_group)
        self.save_group_button.clicked.connect(self.save_group)
        form_layout = QVBoxLayout(box)
        form_layout.addLayout(self.group_form.layout)
        form_layout.addWidget(QLabel(self.tr("Catalogue services queued in this group:")))
        form_layout.addWidget(self.services, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_group_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_group_button)
        form_layout.addLayout(buttons)

        layout = QHBoxLayout(page)
        layout.addWidget(self.group_table, 3)
        layout.addWidget(box, 2)
        return page

    def _build_counters(self) -> QWidget:
        page = QWidget()
        self.counter_model = RowTableModel([
            (self.tr("Number"), lambda c: c.number),
            (self.tr("Name"), lambda c: c.name),
            (self.tr("Groups"), lambda c: ", ".join(c.group_codes)),
            (self.tr("Active"), lambda c: self.tr("yes") if c.active else self.tr("no")),
        ], self)
        self.counter_table = list_table(self.counter_model)
        self.counter_table.selectionModel().currentRowChanged.connect(
            lambda current, _prev: self._edit_counter(current.row()))
        box = QGroupBox(self.tr("Counter"))
        self.counter_form = Form(QFormLayout())
        self.counter_number = QSpinBox()
        self.counter_number.setRange(1, 999)
        self.counter_name = QLineEdit()
        self.counter_active = QCheckBox(self.tr("In use"))
        self.counter_groups = QListWidget()
        self.counter_groups.setMaximumHeight(160)
        self.counter_form.add("number", self.tr("Number (said aloud)"), self.counter_number)
        self.counter_form.add("name", self.tr("Name"), self.counter_name)
        self.counter_form.add("groups", self.tr("Calls from"), self.counter_groups)
        self.counter_form.add("active", "", self.counter_active)
        self.new_counter_button = QPushButton(self.tr("New counter"))
        self.new_counter_button.setObjectName("smallButton")
        self.save_counter_button = QPushButton(self.tr("Save counter"))
        self.new_counter_button.clicked.connect(self.new_counter)
        self.save_counter_button.clicked.connect(self.save_counter)
        form_layout = QVBoxLayout(box)
        form_layout.addLayout(self.counter_form.layout)
        form_layout.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_counter_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_counter_button)
        form_layout.addLayout(buttons)
        layout = QHBoxLayout(page)
        layout.addWidget(self.counter_table, 3)
        layout.addWidget(box, 2)
        return page

    def _build_breaks(self) -> QWidget:
        page = QWidget()
        layout = QHBoxLayout(page)
        layout.addWidget(self._breaks_box(), 3)
        layout.addWidget(self._board_box(), 2)
        return page

    def _breaks_box(self) -> QGroupBox:
        self.break_model = RowTableModel([
            (self.tr("Day"), lambda b: _weekday_name(b.weekday)),
            (self.tr("From"), lambda b: _hhmm(b.start_time)),
            (self.tr("Until"), lambda b: _hhmm(b.end_time)),
            (self.tr("Name"), lambda b: b.name),
        ], self)
        self.break_table = list_table(self.break_model)
        self.break_table.selectionModel().currentRowChanged.connect(lambda current, _prev: self._edit_break(current.row()))
        breaks_box = QGroupBox(self.tr("Weekly breaks: no tickets are issued"))
        self.break_form = Form(QFormLayout())
        self.break_day = QComboBox()
        for weekday in range(7):
            self.break_day.addItem(_weekday_name(weekday), weekday)
        self.break_start = QLineEdit()
        self.break_start.setPlaceholderText("11:30")
        self.break_end = QLineEdit()
        self.break_end.setPlaceholderText("13:00")
        self.break_name = QLineEdit()
        self.break_form.add("weekday", self.tr("Day"), self.break_day)
        self.break_form.add("start", self.tr("From"), self.break_start)
        self.break_form.add("end", self.tr("Until"), self.break_end)
        self.break_form.add("name", self.tr("Name"), self.break_name)
        self.new_break_button = QPushButton(self.tr("New break"))
        self.new_break_button.setObjectName("smallButton")
        self.save_break_button = QPushButton(self.tr("Save break"))
        self.remove_break_button = QPushButton(self.tr("Remove break"))
        self.remove_break_button.setObjectName("dangerButton")
        self.new_break_button.clicked.connect(self.new_break)
        self.save_break_button.clicked.connect(self.save_break)
        self.remove_break_button.clicked.connect(self.remove_break)
        breaks_layout = QVBoxLayout(breaks_box)
        breaks_layout.addWidget(QLabel(self.tr("Non-working days in the calendar close the kiosk too.")))
        breaks_layout.addWidget(self.break_table, 1)
        breaks_layout.addLayout(self.break_form.layout)
        row = QHBoxLayout()
        row.addWidget(self.new_break_button)
        row.addStretch(1)
        row.addWidget(self.remove_break_button)
        row.addWidget(self.save_break_button)
        breaks_layout.addLayout(row)
        return breaks_box

    def _board_box(self) -> QGroupBox:
        board_box = QGroupBox(self.tr("Display board"))
        self.board_form = Form(QFormLayout())
        self.running_text = QPlainTextEdit()
        self.running_text.setPlaceholderText(self.tr("e.g. Services are free of charge. Opening hours Monday–Friday "
                                                     "08.00–15.00."))
        self.running_text.setMaximumHeight(120)
        self.board_form.add("display.running_text", self.tr("Running text"), self.running_text,
                            limit=running_text_limit())
        self.save_text_button = QPushButton(self.tr("Save running text"))
        self.save_text_button.clicked.connect(self.save_running_text)
        board_layout = QVBoxLayout(board_box)
        board_layout.addLayout(self.board_form.layout)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_text_button)
        board_layout.addLayout(row)
        board_layout.addStretch(1)
        return board_box

    # ----- loading -------------------------------------------------------------------------------
    def reload(self) -> None:
        ctx, actor = self._ctx, self._actor
        Op(self._tasks, lambda: ops.load_setup(ctx, actor=actor)).success(self._loaded).failure(self._failed).run()

    def _loaded(self, setup) -> None:
        keep_group = self.group_code.text().strip().upper() if not self._new_group else None
        keep_counter = self.counter_number.value() if not self._new_counter else None
        self.setup = setup
        self.group_model.set_rows(setup.groups)
        self.counter_model.set_rows(setup.counters)
        self.break_model.set_rows(setup.breaks)
        if not self.running_text.toPlainText():
            self.running_text.setPlainText(setup.running_text)
        self._select(self.group_table, self.group_model, lambda g: g.code == keep_group, self.new_group)
        self._select(self.counter_table, self.counter_model, lambda c: c.number == keep_counter, self.new_counter)
        self.new_break()
        self.sig_loaded.emit()

    def _select(self, table, model, wanted, otherwise) -> None:
        for row in range(model.rowCount()):
            if wanted(model.row_object(row)):
                table.selectRow(row)
                return
        otherwise()

    def _failed(self, error: BaseException) -> None:
        self._say(error_text(error), "errorNote")

    def _say(self, text: str, kind: str = "statusNote") -> None:
        self.status.setObjectName(kind)
        self.status.style().unpolish(self.status)  # re-polish with the new object name
        self.status.style().polish(self.status)
        self.status.setText(text)

    def _saved(self, setup, message: str) -> None:
        for form in (self.group_form, self.counter_form, self.break_form, self.board_form):
            form.clear_errors()
        self._say(message, "okNote")
        self._loaded(setup)

    def _save_failed(self, form: Form, error: BaseException) -> None:
        form.clear_errors()
        if not form.show_error(error):
            self._say(error_text(error), "errorNote")
        else:
            self._say(self.tr("Not saved: see the message beside the field."), "errorNote")

    # ----- groups --------------------------------------------------------------------------------
    def _fill_services(self, group_code: str | None) -> None:
        self.services.clear()
        if self.setup is None:
            return
        for service in self.setup.services:
            where = (self.tr(" — now in group {code}").format(code=service.group_code)
                     if service.group_code and service.group_code != group_code else "")
            item = QListWidgetItem(f"{service.annex_number}. {service.title} (KBLI {service.kbli}){where}")
            item.setToolTip(item.text())
            item.setData(Qt.ItemDataRole.UserRole, service.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = group_code is not None and service.group_code == group_code
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.services.addItem(item)

    def new_group(self) -> None:
        self._new_group = True
        self.group_table.clearSelection()
        self.group_form.clear_errors()
        self.group_code.setReadOnly(False)
        self.group_code.clear()
        self.group_name.clear()
        self.group_open.setText("08:00")
        self.group_close.setText("15:00")
        self.group_limit.setValue(0)
        self.group_active.setChecked(True)
        self._fill_services(None)
        self.group_code.setFocus()

    def _edit_group(self, row: int) -> None:
        if row < 0 or row >= self.group_model.rowCount():
            return
        group = self.group_model.row_object(row)
        self._new_group = False
        self.group_form.clear_errors()
        self.group_code.setText(group.code)
        self.group_code.setReadOnly(True)
        self.group_name.setText(group.name)
        self.group_open.setText(_hhmm(group.open_time))
        self.group_close.setText(_hhmm(group.close_time))
        self.group_limit.setValue(group.daily_limit or 0)
        self.group_active.setChecked(group.active)
        self._fill_services(group.code)

    def service_item(self, service_id):
        for row in range(self.services.count()):
            if self.services.item(row).data(Qt.ItemDataRole.UserRole) == service_id:
                return self.services.item(row)
        return None

    def save_group(self) -> None:
        values: dict[str, Any] = dict(
            code=self.group_code.text().strip().upper(),
            name=self.group_name.text(),
            open_text=self.group_open.text(),
            close_text=self.group_close.text(),
            daily_limit=self.group_limit.value() or None,
            active=self.group_active.isChecked(),
            new=self._new_group,
            service_ids=tuple(_checked(self.services)),
        )
        ctx, actor = self._ctx, self._actor
        Op(self._tasks, lambda: ops.save_group(ctx, actor=actor, **values)).success(
            lambda setup: self._group_saved(setup, values["code"])).failure(
            lambda e: self._save_failed(self.group_form, e)).run()

    def _group_saved(self, setup, code: str) -> None:
        self._new_group = False
        self.group_code.setText(code)
        self._saved(setup, self.tr("Group {code} saved.").format(code=code))

    # ----- counters ------------------------------------------------------------------------------
    def _fill_counter_groups(self, codes: tuple[str, ...]) -> None:
        self.counter_groups.clear()
        if self.setup is None:
            return
        for group in self.setup.groups:
            item = QListWidgetItem(f"{group.code} — {group.name}")
            item.setData(Qt.ItemDataRole.UserRole, group.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if group.code in codes else Qt.CheckState.Unchecked)
            self.counter_groups.addItem(item)

    def new_counter(self) -> None:
        self._new_counter = True
        self.counter_table.clearSelection()
        self.counter_form.clear_errors()
        used = {c.number for c in (self.setup.counters if self.setup else ())}
        self.counter_number.setReadOnly(False)
        self.counter_number.setValue(next(n for n in range(1, 1000) if n not in used))
        self.counter_name.clear()
        self.counter_active.setChecked(True)
        self._fill_counter_groups(())

    def _edit_counter(self, row: int) -> None:
        if row < 0 or row >= self.counter_model.rowCount():
            return
        counter = self.counter_model.row_object(row)
        self._new_counter = False
        self.counter_form.clear_errors()
        self.counter_number.setValue(counter.number)
        self.counter_number.setReadOnly(True)
        self.counter_name.setText(counter.name)
        self.counter_active.setChecked(counter.active)
        self._fill_counter_groups(counter.group_codes)

    def counter_group_item(self, code: str):
        for row in range(self.counter_groups.count()):
            if self.counter_groups.item(row).data(Qt.ItemDataRole.UserRole) == code:
                return self.counter_groups.item(row)
        return None

    def save_counter(self) -> None:
        values: dict[str, Any] = dict(
            number=self.counter_number.value(),
            name=self.counter_name.text(),
            group_codes=tuple(_checked(self.counter_groups)),
            active=self.counter_active.isChecked(),
            new=self._new_counter,
        )
        ctx, actor = self._ctx, self._actor
        Op(self._tasks, lambda: ops.save_counter(ctx, actor=actor, **values)).success(
            lambda setup: self._counter_saved(setup, values["number"])).failure(
            lambda e: self._save_failed(self.counter_form, e)).run()

    def _counter_saved(self, setup, number: int) -> None:
        self._new_counter = False
        self.counter_number.setValue(number)
        self._saved(setup, self.tr("Counter {number} saved.").format(number=number))

    # ----- breaks and the board ------------------------------------------------------------------
    def new_break(self) -> None:
        self._break = None
        self.break_table.clearSelection()
        self.break_form.clear_errors()
        self.break_day.setCurrentIndex(4)
        self.break_start.clear()
        self.break_end.clear()
        self.break_name.clear()
        self.remove_break_button.setEnabled(False)

    def _edit_break(self, row: int) -> None:
        if row < 0 or row >= self.break_model.rowCount():
            return
        pause = self.break_model.row_object(row)
        self._break = pause
        self.break_form.clear_errors()
        self.break_day.setCurrentIndex(pause.weekday)
        self.break_start.setText(_hhmm(pause.start_time))
        self.break_end.setText(_hhmm(pause.end_time))
        self.break_name.setText(pause.name)
        self.remove_break_button.setEnabled(True)

    def save_break(self) -> None:
        values = dict(weekday=self.break_day.currentData(), start_text=self.break_start.text(),
                      end_text=self.break_end.text(), name=self.break_name.text(), editing=self._break)
        ctx, actor = self._ctx, self._actor
        Op(self._tasks, lambda: ops.save_break(ctx, actor=actor, **values)).success(
            lambda setup: self._saved(setup, self.tr("Break saved."))).failure(
            lambda e: self._save_failed(self.break_form, e)).run()

    def remove_break(self) -> None:
        if self._break is None:
            return
        ctx, actor, pause = self._ctx, self._actor, self._break
        Op(self._tasks, lambda: ops.remove_break(ctx, actor=actor, pause=pause)).success(
            lambda setup: self._saved(setup, self.tr("Break removed."))).failure(self._failed).run()

    def save_running_text(self) -> None:
        text = self.running_text.toPlainText()
        ctx, actor = self._ctx, self._actor
        Op(self._tasks, lambda: ops.save_running_text(ctx, actor=actor, text=text)).success(
            lambda setup: self._saved(setup, self.tr("Running text saved; the board shows it within half a minute."))
        ).failure(lambda e: self._save_failed(self.board_form, e)).run()
