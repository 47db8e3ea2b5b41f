"""Settings: a form generated from the typed registry (mpp_desk/settings.py), saved all or nothing."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mpp_desk.ui.forms import Form, error_text
from mpp_desk.ui.tasks import Op, TaskManager
from mpp_desk.settings import OFFICE, SETTINGS
from mpp_desk.ui.ops import admin as ops


class SettingsArea(QWidget):
    """Office settings (shared) and this PC's settings, each field from its declaration."""

    def __init__(self, *, ctx, tasks: TaskManager, actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)

        self._ctx = ctx
        self._tasks = tasks
        self._actor = actor
        self._values: dict = {}
        self.editors: dict[str, QWidget] = {}
        title = QLabel(self.tr("Settings"))
        title.setObjectName("pageTitle")
        office_box = QGroupBox(self.tr("Office (all PCs)"))
        pc_box = QGroupBox(self.tr("This PC"))
        self.office_form = Form(QFormLayout(office_box))
        self.pc_form = Form(QFormLayout(pc_box))
        for setting in SETTINGS.values():
            if setting.internal:
                continue
            editor = self._editor_for(setting)
            self.editors[setting.key] = editor
            (self.office_form if setting.scope == OFFICE else self.pc_form).add(setting.key, setting.label_text(), editor)
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.addWidget(office_box)
        inner_layout.addWidget(pc_box)
        inner_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        self.save_button = QPushButton(self.tr("Save settings"))
        self.revert_button = QPushButton(self.tr("Undo changes"))
        self.status = QLabel()
        self.status.setObjectName("statusNote")
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(lambda: self._show(self._values))
        self.reload()

    def _editor_for(self, setting) -> QWidget:
        if setting.type is bool:
            return QCheckBox()
        if setting.type is int:
            box = QSpinBox()
            box.setRange(setting.minimum if setting.minimum is not None else -1_000_000,
                         setting.maximum if setting.maximum is not None else 1_000_000)
            return box
        if setting.choices:
            combo = QComboBox()
            for value in setting.choices:  # shown by name, stored by value
                combo.addItem(setting.choice_text(value), value)
            return combo
        edit = QLineEdit()
        edit.setMaxLength(setting.max_length)
        return edit

    def reload(self) -> None:
        Op(self._tasks, lambda: ops.read_settings(self._ctx)).success(self._show).failure(self._failed).run()

    def _show(self, values: dict) -> None:
        self._values = dict(values)
        for key, editor in self.editors.items():
            value = values.get(key)
            if isinstance(editor, QCheckBox):
                editor.setChecked(bool(value))
            elif isinstance(editor, QSpinBox):
                editor.setValue(int(value or 0))
            elif isinstance(editor, QComboBox):
                editor.setCurrentIndex(editor.findData(str(value)))
            elif isinstance(editor, QLineEdit):
                editor.setText("" if value is None else str(value))

    def value_of(self, key: str):
        editor = self.editors[key]
        if isinstance(editor, QCheckBox):
            return editor.isChecked()
        if isinstance(editor, QSpinBox):
            return editor.value()
        if isinstance(editor, QComboBox):
            return editor.currentData()
        assert isinstance(editor, QLineEdit), f"no editor kind for {key}"
        return editor.text()

    def changes(self) -> dict:
        return {key: self.value_of(key) for key in self.editors if self.value_of(key) != self._values.get(key)}

    def save(self) -> None:
        self.office_form.clear_errors()
        self.pc_form.clear_errors()
        changes = self.changes()
        if not changes:
            self.status.setText(self.tr("Nothing changed."))
            return
        self.save_button.setEnabled(False)
        Op(self._tasks, lambda: ops.save_settings(self._ctx, actor=self._actor, changes=changes)).success(
            lambda values: self._saved(values, restart="ui.language" in changes)).failure(self._save_failed).run()

    def _saved(self, values: dict, restart: bool = False) -> None:
        self.save_button.setEnabled(True)
        self._show(values)
        self.status.setObjectName("statusNote")
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Settings saved. The language changes the next time MPP Desk starts.") if restart
                            else self.tr("Settings saved."))

    def _save_failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)  # what was typed stays in the form
        if not (self.office_form.show_error(error) or self.pc_form.show_error(error)):
            self._failed(error)

    def _failed(self, error: BaseException) -> None:
        self.status.setObjectName("errorNote")
        self.status.setStyleSheet("")
        self.status.setText(error_text(error))
