"""The supervisor's view of the complaint desk: what is due and overdue, how a period went, the register.

Supervisors (VIEW_REPORTS, ESCALATE_COMPLAINTS) open a case from the lists to read its timeline and
record the head of office's approval to involve APIP; with EXPORT_DATA they export the register
(names and contacts only for roles that may see personal data). The administrator also edits the
list of complaint channels here.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mpp_desk.complaints import labels
from mpp_desk.roles import Permission, allowed
from mpp_desk.textformat import format_date
from mpp_desk.ui.areas.complaints import CaseDetailPanel, due_text, set_note
from mpp_desk.ui.forms import Form, error_text
from mpp_desk.ui.table_model import RowTableModel, list_table
from mpp_desk.ui.tasks import Op, TaskManager
from mpp_desk.ui.ops import complaints as ops
from mpp_desk.ui.ops.complaints import today


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())




def _figure(title: str) -> tuple[QFrame, QLabel]:
    card = QFrame()
    card.setObjectName("card")
    layout = QVBoxLayout(card)
    heading = QLabel(title)
    heading.setWordWrap(True)
    value = QLabel("–")
    value.setObjectName("bigFigure")
    layout.addWidget(heading)
    layout.addWidget(value)
    return card, value


class ComplaintsOversightArea(QWidget):
    """Due today, in the next 3 working days, overdue; a period's figures; the register; channels."""

    def __init__(self, *, ctx, tasks: TaskManager, actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)

        self._ctx, self._tasks, self._actor = ctx, tasks, actor
        self.data = None
        day = today()
        title = QLabel(self.tr("Complaint oversight"))
        title.setObjectName("pageTitle")
        self.as_of = QDateEdit(_qdate(day))
        self.as_of.setDisplayFormat("dd-MM-yyyy")
        self.as_of.setCalendarPopup(True)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setObjectName("smallButton")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.hide()
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("As of")))
        top.addWidget(self.as_of)
        top.addWidget(self.refresh_button)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._due_tab(), self.tr("Due and overdue"))
        self.tabs.addTab(self._period_tab(day), self.tr("Period and register"))
        self.channels_tab = None
        if allowed(actor, Permission.EDIT_SETTINGS):
            self.channels_tab = ChannelsEditor(ctx=ctx, tasks=tasks, actor=actor)
            self.tabs.addTab(self.channels_tab, self.tr("Channels"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.tabs, 1)
        self.refresh_button.clicked.connect(self.reload)
        self.as_of.dateChanged.connect(lambda _d: self.reload())
        self.reload()

    # -- due and overdue
    def _due_tab(self) -> QWidget:
        tab = QWidget()
        cards = QHBoxLayout()
        card, self.due_today_figure = _figure(self.tr("Due today"))
        cards.addWidget(card)
        card, self.due_soon_figure = _figure(self.tr("Due in the next 3 working days"))
        cards.addWidget(card)
        card, self.overdue_figure = _figure(self.tr("Overdue"))
        cards.addWidget(card)
        card, self.open_figure = _figure(self.tr("Open cases"))
        cards.addWidget(card)

        def columns(with_days: bool):
            cols = [(self.tr("Number"), lambda s: s.case_number),
                    (self.tr("Type"), lambda s: labels.label(labels.KINDS, s.kind)),
                    (self.tr("Respond by"), lambda s: format_date(s.respond_by, weekday=False))]
            if with_days:
                cols.append((self.tr("Working days late"), lambda s: s.overdue_days))
            cols += [(self.tr("State"), due_text), (self.tr("Officer"), lambda s: s.assignee or "—"),
                     (self.tr("Problem type"), lambda s: labels.label(labels.PROBLEM_TYPES, s.problem_type)),
                     (self.tr("Service"), lambda s: s.service_title)]
            return cols

        self.overdue_model = RowTableModel(columns(True), self)
        self.due_today_model = RowTableModel(columns(False), self)
        self.due_soon_model = RowTableModel(columns(False), self)
        self.lists = QTabWidget()
        self.list_tables = []
        for model, name in ((self.overdue_model, self.tr("Overdue")), (self.due_today_model, self.tr("Due today")),
                            (self.due_soon_model, self.tr("Next 3 working days"))):
            table = list_table(model)
            table.selectionModel().currentRowChanged.connect(
                lambda current, _prev, m=model: self._open_from(m, current))
            self.list_tables.append(table)
            self.lists.addTab(table, name)
        self.detail = CaseDetailPanel(ctx=self._ctx, tasks=self._tasks, actor=self._actor)
        self.detail.sig_changed.connect(lambda _d: self.reload())
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.lists)
        splitter.addWidget(self.detail)
        splitter.setSizes([640, 480])
        layout = QVBoxLayout(tab)
        layout.addLayout(cards)
        layout.addWidget(splitter, 1)
        return tab

    def _open_from(self, model: RowTableModel, current: QModelIndex) -> None:
        if not current.isValid():
            return
        case_id = model.row_object(current.row()).id
        ctx, actor = self._ctx, self._actor
        Op(self._tasks, lambda: ops.get_case(ctx, actor=actor, case_id=case_id)).success(self.detail.show_case).failure(
            self._failed).run()

    # -- the period and the register
    def _period_tab(self, day: dt.date) -> QWidget:
        tab = QWidget()
        first = day.replace(day=1)
        self.date_from = QDateEdit(_qdate(first))
        self.date_to = QDateEdit(_qdate(day))
        for edit in (self.date_from, self.date_to):
            edit.setDisplayFormat("dd-MM-yyyy")
            edit.setCalendarPopup(True)
            edit.dateChanged.connect(lambda _d: self.reload())
        period = QHBoxLayout()
        period.addWidget(QLabel(self.tr("Received from")))
        period.addWidget(self.date_from)
        period.addWidget(QLabel(self.tr("to")))
        period.addWidget(self.date_to)
        period.addStretch(1)
        cards = QHBoxLayout()
        card, self.share_figure = _figure(self.tr("Answered within 14 working days"))
        cards.addWidget(card)
        card, self.received_figure = _figure(self.tr("Received"))
        cards.addWidget(card)
        self.period_note = QLabel()
        self.period_note.setWordWrap(True)
        self.period_note.setObjectName("statusNote")

        layout = QVBoxLayout(tab)
        layout.addLayout(period)
        layout.addLayout(cards)
        layout.addWidget(self.period_note)
        layout.addWidget(self._group_tables(), 1)
        self._export_row(layout)
        return tab

    def _group_tables(self) -> QTabWidget:
        """The period's cases counted by problem type, by service and by resolution path, a tab each."""
        def group_columns(title):
            return [(title, lambda g: g.label or self.tr("(not yet set)")), (self.tr("Cases"), lambda g: g.total),
                    (self.tr("Open"), lambda g: g.open), (self.tr("Overdue"), lambda g: g.overdue)]

        self.problem_model = RowTableModel(group_columns(self.tr("Problem type")), self)
        self.service_model = RowTableModel(group_columns(self.tr("Service")), self)
        self.path_model = RowTableModel(group_columns(self.tr("Resolution path")), self)
        self.groups = QTabWidget()
        for model, name in ((self.problem_model, self.tr("By problem type")), (self.service_model, self.tr("By service")),
                            (self.path_model, self.tr("By resolution path"))):
            table = list_table(model)
            header = table.horizontalHeader()
            header.setStretchLastSection(False)
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            self.groups.addTab(table, name)
        return self.groups

    def _export_row(self, layout: QVBoxLayout) -> None:
        """The register's export (format, button, note), shown to those who may export data."""
        self.export_format = QComboBox()
        self.export_button = QPushButton(self.tr("Export the register…"))
        self.export_note = QLabel()
        self.export_note.setWordWrap(True)
        if allowed(self._actor, Permission.EXPORT_DATA):
            for code, name in (("pdf", "PDF"), ("xlsx", "Excel (XLSX)"), ("csv", "CSV")):
                self.export_format.addItem(name, code)
            row = QHBoxLayout()
            row.addWidget(QLabel(self.tr("Register of the period as")))
            row.addWidget(self.export_format)
            row.addWidget(self.export_button)
            row.addStretch(1)
            layout.addLayout(row)
            personal = allowed(self._actor, Permission.VIEW_PERSONAL_DATA)
            set_note(self.export_note, self.tr("Includes names and contacts: keep the file confidential.") if personal
                     else self.tr("Names and contacts are left out: your role may not see personal data."))
            layout.addWidget(self.export_note)
            self.export_button.clicked.connect(self._choose_export)

    def reload(self) -> None:
        today, start, end = _pydate(self.as_of.date()), _pydate(self.date_from.date()), _pydate(self.date_to.date())
        ctx, actor = self._ctx, self._actor
        Op(self._tasks, lambda: ops.oversight(ctx, actor=actor, today=today, date_from=start, date_to=end)).success(
            self._show).failure(self._failed).run()

    def _show(self, data) -> None:
        self.data = data
        o, f = data.oversight, data.figures
        self.status.hide()
        self.due_today_figure.setText(str(len(o.due_today)))
        self.due_soon_figure.setText(str(len(o.due_soon)))
        self.overdue_figure.setText(str(len(o.overdue)))
        self.open_figure.setText(str(o.open_total))
        self.overdue_model.set_rows(o.overdue)
        self.due_today_model.set_rows(o.due_today)
        self.due_soon_model.set_rows(o.due_soon)
        self.share_figure.setText("—" if f.share_within is None else f"{f.share_within * 100:.0f} %")
        self.received_figure.setText(str(f.received))
        self.period_note.setText(self.tr(
            "{complaints} complaints and {suggestions} suggestions received; {answered} answered, {within} of them "
            "within 14 working days; {overdue} overdue without an answer; {pending} still within their time; "
            "{closed} closed.").format(complaints=f.complaints, suggestions=f.suggestions, answered=f.answered,
                                       within=f.answered_within, overdue=f.overdue_unanswered, pending=f.pending,
                                       closed=f.closed))
        self.problem_model.set_rows(f.by_problem)
        self.service_model.set_rows(f.by_service)
        self.path_model.set_rows(f.by_path)

    def _failed(self, error: BaseException) -> None:
        set_note(self.status, error_text(error), "errorNote")

    def _choose_export(self) -> None:
        fmt = self.export_format.currentData()
        start, end = _pydate(self.date_from.date()), _pydate(self.date_to.date())
        suggested = str(Path.home() / f"register-pengaduan_{start:%Y%m%d}-{end:%Y%m%d}.{fmt}")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the register"), suggested, f"*.{fmt}")
        if path:
            self.export_to(path, fmt)

    def export_to(self, path: str, fmt: str) -> None:
        """Write the register of the period to *path* as *fmt* (pdf, xlsx, csv)."""
        today, start, end = _pydate(self.as_of.date()), _pydate(self.date_from.date()), _pydate(self.date_to.date())
        ctx, actor = self._ctx, self._actor
        self.export_button.setEnabled(False)
        set_note(self.export_note, self.tr("Writing the register…"))
        Op(self._tasks, lambda: ops.export_register(ctx, actor=actor, date_from=start, date_to=end, fmt=fmt, out=path,
                                                    today=today)).success(
            lambda written: self._exported(written, path)).failure(self._export_failed).run()

    def _exported(self, written, path: str) -> None:
        self.export_button.setEnabled(True)
        set_note(self.export_note, self.tr("%n case(s) written to {path}.", "", len(written.rows)).format(path=path),
                 "okNote")

    def _export_failed(self, error: BaseException) -> None:
        self.export_button.setEnabled(True)
        set_note(self.export_note, error_text(error), "errorNote")


class ChannelsEditor(QWidget):
    """The list of complaint channels (seeded from the service standard); the administrator edits it."""

    def __init__(self, *, ctx, tasks: TaskManager, actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx, self._tasks, self._actor = ctx, tasks, actor
        self.model = RowTableModel([
            (self.tr("Code"), lambda c: c.code), (self.tr("Name"), lambda c: c.name),
            (self.tr("Contact"), lambda c: c.contact),
            (self.tr("On the receipt"), lambda c: self.tr("yes") if c.on_receipt else ""),
            (self.tr("In use"), lambda c: self.tr("yes") if c.active else self.tr("no")),
        ], self)
        self.table = list_table(self.model)
        self.form = Form(QFormLayout())
        self.code = QLineEdit()
        self.name = QLineEdit()
        self.contact = QLineEdit()
        self.on_receipt = QCheckBox(self.tr("Print on the receipt as a way to ask about progress"))
        self.active = QCheckBox(self.tr("In use for new cases"))
        self.position = QSpinBox()
        self.position.setRange(0, 999)
        for key, text, editor in (("code", self.tr("Code"), self.code), ("name", self.tr("Name"), self.name),
                                  ("contact", self.tr("Contact"), self.contact),
                                  ("on_receipt", self.tr("Receipt"), self.on_receipt),
                                  ("active", self.tr("In use"), self.active),
                                  ("position", self.tr("Order"), self.position)):
            self.form.add(key, text, editor)
        self.save_button = QPushButton(self.tr("Save channel"))
        self.remove_button = QPushButton(self.tr("Remove channel"))
        self.remove_button.setObjectName("dangerButton")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        right = QVBoxLayout()
        right.addLayout(self.form.layout)
        right.addLayout(buttons)
        right.addWidget(self.message)
        right.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.table, 3)
        layout.addLayout(right, 2)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.save_button.clicked.connect(self.save)
        self.remove_button.clicked.connect(self.remove)
        self.reload()

    def reload(self) -> None:
        ctx, actor = self._ctx, self._actor
        Op(self._tasks, lambda: ops.list_channels(ctx, actor=actor)).success(self.model.set_rows).failure(
            lambda e: set_note(self.message, error_text(e), "errorNote")).run()

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        c = self.model.row_object(current.row())
        self.code.setText(c.code)
        self.name.setText(c.name)
        self.contact.setText(c.contact)
        self.on_receipt.setChecked(c.on_receipt)
        self.active.setChecked(c.active)
        self.position.setValue(c.position)

    def save(self) -> None:
        self.form.clear_errors()
        values = dict(code=self.code.text(), name=self.name.text(), contact=self.contact.text(),
                      on_receipt=self.on_receipt.isChecked(), active=self.active.isChecked(),
                      position=self.position.value())
        ctx, actor = self._ctx, self._actor
        Op(self._tasks, lambda: ops.save_channel(ctx, actor=actor, **values)).success(self._saved).failure(
            self._failed).run()

    def _saved(self, channel) -> None:
        set_note(self.message, self.tr("Saved: {name}.").format(name=channel.name), "okNote")
        self.reload()

    def remove(self) -> None:
        code, ctx, actor = self.code.text().strip(), self._ctx, self._actor
        Op(self._tasks, lambda: ops.remove_channel(ctx, actor=actor, code=code)).success(lambda _ok: self.reload()).failure(
            self._failed).run()

    def _failed(self, error: BaseException) -> None:
        if not self.form.show_error(error):
            set_note(self.message, error_text(error), "errorNote")
