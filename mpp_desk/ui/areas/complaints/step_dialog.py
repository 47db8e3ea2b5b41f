"""The dialog of one step of a case (classify, analyse, follow up, a note, ...)."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from mpp_desk.limits import COMPLAINT_STEP_FIELDS as STEP_FIELD_LIMITS
from mpp_desk.ui.areas.complaints.common import set_note, office_now, to_office_datetime, to_qdatetime
from mpp_desk.ui.forms import Form, error_text, fit_to_screen
from mpp_desk.ui.tasks import Op, TaskManager
from mpp_desk.ui.ops import complaints as ops


class StepDialog(QDialog):
    """A follow-up step's fields; saving runs the step, a refusal stays in the dialog beside its field."""

    sig_done = Signal(object)
    """The step was recorded (the case's CaseDetail afterwards)."""

    def __init__(self, *, ctx, tasks: TaskManager, actor, step: str, case_id: uuid.UUID, title: str, fields: list,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx, self._tasks, self._actor = ctx, tasks, actor
        self.step = step
        self.case_id = case_id
        self.setWindowTitle(title)
        self.form = Form(QFormLayout())
        self.editors: dict[str, tuple[str, QWidget]] = {}
        for key, kind, label_text, options in fields:
            editor = self._editor(kind, options)
            self.editors[key] = (kind, editor)
            self.form.add(key, label_text, editor, limit=STEP_FIELD_LIMITS.get(key))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        heading = QLabel(title)
        heading.setObjectName("sectionTitle")
        layout.addWidget(heading)
        layout.addLayout(self.form.layout)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 620, 420)

    @staticmethod
    def _editor(kind: str, options) -> QWidget:
        if kind == "text":
            editor = QLineEdit()
            editor.setText(options or "")
            return editor
        if kind == "multiline":
            editor = QPlainTextEdit()
            editor.setPlainText(options or "")
            editor.setMinimumHeight(70)
            return editor
        if kind == "choice":
            editor = QComboBox()
            for code, text in options:
                editor.addItem(text, code)
            return editor
        if kind == "checks":
            editor = QListWidget()
            for code, text in options:
                item = QListWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, code)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
                editor.addItem(item)
            editor.setMaximumHeight(24 * max(2, min(len(options), 6)) + 8)
            return editor
        if kind == "datetime":
            editor = QDateTimeEdit(to_qdatetime(office_now()))
            editor.setDisplayFormat("dd-MM-yyyy HH:mm")
            editor.setCalendarPopup(True)
            return editor
        raise ValueError(kind)

    def set(self, key: str, value) -> None:
        """Fill a field (tests and prefilled dialogs)."""
        _kind, editor = self.editors[key]  # the editor's class says the kind
        if isinstance(editor, QLineEdit):
            editor.setText(value)
        elif isinstance(editor, QPlainTextEdit):
            editor.setPlainText(value)
        elif isinstance(editor, QComboBox):
            editor.setCurrentIndex(editor.findData(value))
        elif isinstance(editor, QListWidget):
            wanted = set(value)
            for i in range(editor.count()):
                item = editor.item(i)
                item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in wanted
                                   else Qt.CheckState.Unchecked)
        elif isinstance(editor, QDateTimeEdit):
            editor.setDateTime(to_qdatetime(value))

    def values(self) -> dict:
        out = {}
        for key, (_kind, editor) in self.editors.items():
            if isinstance(editor, QLineEdit):
                out[key] = editor.text()
            elif isinstance(editor, QPlainTextEdit):
                out[key] = editor.toPlainText()
            elif isinstance(editor, QComboBox):
                out[key] = editor.currentData()
            elif isinstance(editor, QListWidget):
                out[key] = [editor.item(i).data(Qt.ItemDataRole.UserRole) for i in range(editor.count())
                            if editor.item(i).checkState() == Qt.CheckState.Checked]
            elif isinstance(editor, QDateTimeEdit):
                out[key] = to_office_datetime(editor.dateTime())
        return out

    def submit(self) -> None:
        self.form.clear_errors()
        self.message.hide()
        self.buttons.setEnabled(False)
        values, ctx, actor, step, case_id = self.values(), self._ctx, self._actor, self.step, self.case_id
        Op(self._tasks, lambda: ops.run_step(ctx, actor=actor, step=step, case_id=case_id, values=values)).success(
            self._done).failure(self._refused).run()

    def _done(self, detail) -> None:
        self.buttons.setEnabled(True)
        self.sig_done.emit(detail)
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        if not self.form.show_error(error):
            set_note(self.message, error_text(error), "errorNote")
