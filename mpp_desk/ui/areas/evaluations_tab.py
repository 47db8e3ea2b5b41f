"""Evaluasi Kinerja: the year's evaluations of the standards, the ones due, and recording a new one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mpp_desk import officetime
from mpp_desk.roles import Permission, allowed
from mpp_desk.textformat import format_date
from mpp_desk.ui.forms import error_text
from mpp_desk.ui.tasks import Op, TaskManager
from mpp_desk.ui.ops import standards as ops


class EvaluationsTab(QWidget):
    """A warning naming the standards not evaluated in the last 12 months, the year's list, and the form."""

    def __init__(self, *, ctx, tasks: TaskManager, actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx, self._tasks, self._actor = ctx, tasks, actor
        self.views: list = []
        self.due: list = []
        self.warning = QLabel()
        self.warning.setObjectName("errorNote")
        self.warning.setWordWrap(True)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(officetime.today().year)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Service"), self.tr("Evaluated by"),
                                              self.tr("Notes"), self.tr("Document")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.open_button = QPushButton(self.tr("Open document"))
        year_row = QHBoxLayout()
        year_row.addWidget(QLabel(self.tr("Evaluations in")))
        year_row.addWidget(self.year)
        year_row.addStretch(1)
        year_row.addWidget(self.open_button)
        self.status = QLabel()
        self.status.setObjectName("statusNote")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.warning)
        layout.addLayout(year_row)
        layout.addWidget(self.table, 1)
        self.form_box = self._build_form()
        layout.addWidget(self.form_box)
        layout.addWidget(self.status)
        self.year.valueChanged.connect(lambda _v: self.reload())
        self.open_button.clicked.connect(self.open_document)
        self.reload()

    def _build_form(self) -> QGroupBox:
        box = QGroupBox(self.tr("Record an evaluation (standard and SOP, at least once a year)"))
        self.service = QComboBox()
        self.service.setMinimumContentsLength(30)
        self.service.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd-MM-yyyy")
        today = officetime.today()
        self.day.setDate(QDate(today.year, today.month, today.day))
        self.evaluator = QLineEdit()
        self.evaluator.setMaxLength(300)
        self.evaluator.setPlaceholderText(self.tr("e.g. Tim Evaluasi SOP DPMPTSP"))
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(self.tr("Findings, improvements, and how the results were shared with all staff"))
        self.notes.setMaximumHeight(70)
        self.document = QLineEdit()
        self.document.setReadOnly(True)
        self.document.setPlaceholderText(self.tr("optional: minutes or report (PDF, JPEG, PNG)"))
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self.choose_document)
        doc_row = QHBoxLayout()
        doc_row.addWidget(self.document, 1)
        doc_row.addWidget(choose)
        self.record_button = QPushButton(self.tr("Record evaluation"))
        self.record_button.clicked.connect(self.record)
        form = QFormLayout(box)
        form.addRow(self.tr("Service"), self.service)
        form.addRow(self.tr("Date"), self.day)
        form.addRow(self.tr("Evaluated by"), self.evaluator)
        form.addRow(self.tr("Notes"), self.notes)
        form.addRow(self.tr("Document"), doc_row)
        form.addRow("", self.record_button)
        box.setVisible(allowed(self._actor, Permission.EVALUATE_STANDARDS))
        return box

    def reload(self, message: str | None = None) -> None:
        year = self.year.value()
        Op(self._tasks, lambda: ops.evaluations(self._ctx, year=year)).success(
            lambda r: self._loaded(r[0], r[1], r[2], message)).failure(self._failed).run()

    def _loaded(self, views, due, services, message) -> None:
        self.views, self.due = list(views), list(due)
        current = self.service.currentData()
        self.service.clear()
        for annex, label in services:
            self.service.addItem(label, annex)
        if current is not None and self.service.findData(current) >= 0:
            self.service.setCurrentIndex(self.service.findData(current))
        self._fill_table()
        self.warning.setText(self._warning_text())
        self.warning.setVisible(bool(self.due))
        self._say(message or self.tr("%n evaluation(s) in {year}", "", len(self.views)).format(
            year=self.year.value()))

    def _warning_text(self) -> str:
        never = self.tr("never")
        names = "; ".join(self.tr("{annex} KBLI {kbli} (last: {last})").format(
            annex=d.annex_number, kbli=d.kbli, last=format_date(d.last, weekday=False) if d.last else never)
            for d in self.due[:8])
        more = self.tr(" and %n more", "", len(self.due) - 8) if len(self.due) > 8 else ""
        return self.tr("Evaluation due: %n standard(s) not evaluated in the last 12 months: ", "",
                       len(self.due)) + names + more

    def _fill_table(self) -> None:
        self.table.setRowCount(len(self.views))
        for row, view in enumerate(self.views):
            cells = (format_date(view.evaluated_on, weekday=False), f"{view.annex_number} KBLI {view.kbli} {view.title}",
                     view.evaluator, view.notes, view.document_filename)
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeRowsToContents()

    def choose_document(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Evaluation document"), str(Path.home()),
                                              self.tr("PDF or image (*.pdf *.jpg *.jpeg *.png)"))
        if path:
            self.document.setText(path)

    def record(self) -> None:
        annex = self.service.currentData()
        if annex is None:
            self._say(self.tr("Choose the service that was evaluated."), "errorNote")
            return
        day = self.day.date().toPython()
        assert isinstance(day, dt.date), "a QDate converts to a date"
        evaluator, notes = self.evaluator.text(), self.notes.toPlainText()
        document = Path(self.document.text()) if self.document.text() else None
        Op(self._tasks, lambda: ops.record_evaluation(
            self._ctx, actor=self._actor, annex_number=annex, evaluated_on=day, evaluator=evaluator, notes=notes,
            document=document)).success(self._recorded).failure(self._failed).run()

    def _recorded(self, view) -> None:
        self.evaluator.clear()
        self.notes.clear()
        self.document.clear()
        if self.year.value() != view.evaluated_on.year:
            self.year.blockSignals(True)
            self.year.setValue(view.evaluated_on.year)
            self.year.blockSignals(False)
        self.reload(self.tr("Evaluation of service {annex} on {day} recorded.").format(
            annex=view.annex_number, day=format_date(view.evaluated_on, weekday=False)))

    def open_document(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.views) or not self.views[row].document_path:
            self._say(self.tr("The selected evaluation has no document."), "errorNote")
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(self._ctx.data_dir) / self.views[row].document_path)))

    def _say(self, text: str, kind: str = "statusNote") -> None:
        self.status.setObjectName(kind)
        self.status.setStyleSheet("")
        self.status.setText(text)

    def _failed(self, error: BaseException) -> None:
        self._say(error_text(error), "errorNote")
