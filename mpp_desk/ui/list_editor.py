"""An ordered list of texts that a person can edit, add to, remove from and reorder with the keyboard."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class TextListEditor(QWidget):
    """Items are edited in place (F2 or double-click); Insert adds, Delete removes, Alt+Up/Down moves."""

    sig_changed = Signal()
    """The list's content or order changed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.add_button = QPushButton(self.tr("Add"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.up_button = QPushButton(self.tr("Up"))
        self.down_button = QPushButton(self.tr("Down"))
        self.add_button.setToolTip(self.tr("Add an item (Insert)"))
        self.remove_button.setToolTip(self.tr("Remove the selected item (Delete)"))
        self.up_button.setToolTip(self.tr("Move up (Alt+Up)"))
        self.down_button.setToolTip(self.tr("Move down (Alt+Down)"))
        buttons = QVBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            button.setObjectName("smallButton")
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add_item)
        self.remove_button.clicked.connect(self.remove_current)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.list.installEventFilter(self)
        self.list.itemChanged.connect(lambda _item: self.sig_changed.emit())
        self.list.model().rowsMoved.connect(lambda *_: self.sig_changed.emit())
        self.setFocusProxy(self.list)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - keys of the list (not while editing an item)
        if watched is self.list and event.type() == QEvent.Type.KeyPress:
            key, mods = event.key(), event.modifiers()
            if mods & Qt.KeyboardModifier.AltModifier and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self.move_current(-1 if key == Qt.Key.Key_Up else 1)
                return True
            if key == Qt.Key.Key_Insert:
                self.add_item()
                return True
            if key == Qt.Key.Key_Delete:
                self.remove_current()
                return True
        return super().eventFilter(watched, event)

    def _item(self, text: str) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        return item

    def set_items(self, texts) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for text in texts:
            self.list.addItem(self._item(text))
        self.list.blockSignals(False)

    def items(self) -> tuple[str, ...]:
        """The non-empty items, trimmed, in order."""
        texts = (self.list.item(row).text().strip() for row in range(self.list.count()))
        return tuple(text for text in texts if text)

    def add_item(self, text: str = "") -> None:
        row = self.list.currentRow() + 1 if self.list.currentRow() >= 0 else self.list.count()
        item = self._item(text)
        self.list.insertItem(row, item)
        self.list.setCurrentRow(row)
        if not text:
            self.list.editItem(item)
        self.sig_changed.emit()

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            self.sig_changed.emit()

    def move_current(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)
        self.sig_changed.emit()
