"""Lampiran IV in the catalogue: the procedure classifications (number, name, steps), edited or imported."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mpp_desk.roles import Permission, allowed
from mpp_desk.ui.forms import error_text
from mpp_desk.ui.list_editor import TextListEditor
from mpp_desk.ui.tasks import Op, TaskManager
from mpp_desk.catalog.procedures import Classification
from mpp_desk.ui.ops import standards as ops


class ProceduresTab(QWidget):
    """The list of classifications; with EDIT_CATALOG a form to add, change, remove and import them."""

    def __init__(self, *, ctx, tasks: TaskManager, actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx, self._tasks, self._actor = ctx, tasks, actor
        self._items: list = []
        self.can_edit = allowed(actor, Permission.EDIT_CATALOG)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.number = QSpinBox()
        self.number.setRange(1, 999)
        self.name = QLineEdit()
        self.name.setMaxLength(300)
        self.steps = TextListEditor()
        form = QFormLayout()
        form.addRow(self.tr("Number"), self.number)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Steps"), self.steps)
        self.new_button = QPushButton(self.tr("New classification"))
        self.save_button = QPushButton(self.tr("Save classification"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.import_button = QPushButton(self.tr("Import Lampiran IV file…"))
        buttons = QHBoxLayout()
        for button in (self.new_button, self.save_button, self.remove_button, self.import_button):
            buttons.addWidget(button)
            button.setVisible(self.can_edit)
        buttons.addStretch(1)
        for editor in (self.number, self.name, self.steps):
            editor.setEnabled(self.can_edit)
        hint = QLabel(self.tr("A standard names its classifications by number (“Klasifikasi 3, 7, 12, atau 16 … "
                              "Lampiran IV”); the counter shows their steps during intake. A file holds "
                              "“Klasifikasi N: name” lines each followed by numbered steps, or CSV columns nomor, "
                              "nama, langkah (one row per step)."))
        hint.setWordWrap(True)
        hint.setObjectName("statusNote")
        self.status = QLabel()
        self.status.setObjectName("statusNote")
        self.status.setWordWrap(True)
        right = QVBoxLayout()
        right.addLayout(form, 1)
        right.addLayout(buttons)
        top = QHBoxLayout()
        top.addWidget(self.list, 2)
        top.addLayout(right, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(top, 1)
        layout.addWidget(self.status)
        self.list.currentRowChanged.connect(self._show)
        self.new_button.clicked.connect(self.new_classification)
        self.save_button.clicked.connect(self.save)
        self.remove_button.clicked.connect(self.remove_current)
        self.import_button.clicked.connect(self.import_file)
        self.reload()

    def reload(self, select: int | None = None, message: str | None = None) -> None:
        Op(self._tasks, lambda: ops.classifications(self._ctx)).success(
            lambda items: self._loaded(items, select, message)).failure(self._failed).run()

    def _loaded(self, items, select, message) -> None:
        self._items = list(items)
        self.list.clear()
        for item in self._items:
            QListWidgetItem(self.tr("Classification {number}: {name}").format(number=item.number, name=item.name),
                            self.list)
        self._say(message or self.tr("%n classification(s) of Lampiran IV", "", len(self._items)))
        row = next((i for i, item in enumerate(self._items) if item.number == select), 0 if self._items else -1)
        if row >= 0:
            self.list.setCurrentRow(row)
        else:
            self.new_classification()

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self._items):
            return
        item = self._items[row]
        self.number.setValue(item.number)
        self.name.setText(item.name)
        self.steps.set_items(item.steps)

    def new_classification(self) -> None:
        self.list.setCurrentRow(-1)
        self.number.setValue(max((item.number for item in self._items), default=0) + 1)
        self.name.clear()
        self.steps.set_items([])
        self.name.setFocus()

    def current(self):
        """The classification as the form holds it (not checked yet)."""
        return Classification(self.number.value(), self.name.text(), self.steps.items())

    def save(self) -> None:
        item = self.current()
        Op(self._tasks, lambda: ops.save_classification(self._ctx, actor=self._actor, item=item)).success(
            lambda _r: self.reload(item.number, self.tr("Classification {number} saved.").format(number=item.number))
        ).failure(self._failed).run()

    def remove_current(self, *, confirm=None) -> None:
        number = self.number.value()
        ask = confirm or (lambda: QMessageBox.question(
            self, self.tr("Remove classification"),
            self.tr("Remove classification {number} from the catalogue?").format(number=number),
        ) == QMessageBox.StandardButton.Yes)
        if not ask():
            return
        Op(self._tasks, lambda: ops.delete_classification(self._ctx, actor=self._actor, number=number)).success(
            lambda _ok: self.reload(None, self.tr("Classification {number} removed.").format(number=number))
        ).failure(self._failed).run()

    def import_file(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Import Lampiran IV"), str(Path.home()),
                                                self.tr("Text or CSV (*.txt *.csv);;All files (*)"))
        if paths:
            self.import_paths([Path(p) for p in paths])

    def import_paths(self, paths: list[Path]) -> None:
        Op(self._tasks, lambda: ops.import_classifications(self._ctx, actor=self._actor, paths=paths)).success(
            lambda results: self.reload(None, self.tr("%n classification(s) imported.", "", len(results)))
        ).failure(self._failed).run()

    def _say(self, text: str, kind: str = "statusNote") -> None:
        self.status.setObjectName(kind)
        self.status.setStyleSheet("")
        self.status.setText(text)

    def _failed(self, error: BaseException) -> None:
        self._say(error_text(error), "errorNote")
