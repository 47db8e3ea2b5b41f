"""The two inline choices of the counter: how a service ended (finish) and where a ticket goes (transfer).

Each bar shows its list whole, says what the officer chose through ``sig_confirm`` and is closed
through ``sig_cancel``; the panel runs the action.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton, \
    QVBoxLayout, QWidget

from mpp_desk.ui.areas.counter.common import OUTCOME_ORDER, queue_text
from mpp_desk.queue.labels import OUTCOMES


def _buttons(bar: FinishBar | TransferBar, ok_text: str, cancel_text: str) -> QHBoxLayout:
    ok = QPushButton(ok_text)
    cancel = QPushButton(cancel_text)
    cancel.setObjectName("smallButton")
    ok.clicked.connect(bar.sig_confirm.emit)
    cancel.clicked.connect(bar.sig_cancel.emit)
    row = QHBoxLayout()
    row.addWidget(ok)
    row.addWidget(cancel)
    row.addStretch(1)
    return row


class FinishBar(QFrame):
    """Finishing: the outcome (1–5) and a note."""

    sig_confirm = Signal()
    """The officer confirmed the outcome (Enter, a double click or the button)."""

    sig_cancel = Signal()
    """The officer closed the bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("counterInline")
        self.outcomes = QListWidget()
        self.outcomes.setObjectName("counterChoices")

        for number, key in enumerate(OUTCOME_ORDER, start=1):
            item = QListWidgetItem(f"{number}  {queue_text(OUTCOMES[key])}")
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.outcomes.addItem(item)
        self.outcomes.setCurrentRow(0)
        self.outcomes.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.outcomes.itemActivated.connect(lambda _item: self.sig_confirm.emit())
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Note (optional)"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("How did the service end? (1–5, Enter)")))
        layout.addWidget(self.outcomes)
        layout.addWidget(self.note)
        layout.addLayout(_buttons(self, self.tr("Finish (Enter)"), self.tr("Cancel (Esc)")))
        self.hide()

    def reset(self) -> None:
        self.outcomes.setCurrentRow(0)
        self.note.clear()

    def choice(self) -> tuple[str, str] | None:
        """(outcome, note), or None when no outcome is selected."""
        item = self.outcomes.currentItem()
        return None if item is None else (item.data(Qt.ItemDataRole.UserRole), self.note.text())

    def pick_by_number(self, key: int) -> bool:
        """Keys 1–5 pick an outcome unless the officer is typing the note; True when one was picked."""
        if Qt.Key.Key_1 <= key <= Qt.Key.Key_5 and not self.note.hasFocus():
            self.outcomes.setCurrentRow(key - Qt.Key.Key_1)
            return True
        return False


class TransferBar(QFrame):
    """Transferring: to another group or a counter."""

    sig_confirm = Signal()
    """The officer confirmed the target."""

    sig_cancel = Signal()
    """The officer closed the bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("counterInline")
        self.targets = QListWidget()
        self.targets.setObjectName("counterChoices")
        self.targets.setMaximumHeight(170)
        self.targets.itemActivated.connect(lambda _item: self.sig_confirm.emit())
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Transfer to (the number keeps its place by issue time):")))
        layout.addWidget(self.targets)
        layout.addLayout(_buttons(self, self.tr("Transfer (Enter)"), self.tr("Cancel (Esc)")))
        self.hide()

    def fill(self, group_names: dict[str, str], counters, *, except_group: str) -> int:
        """List every other group and every counter; returns how many targets there are."""
        self.targets.clear()
        for code, name in group_names.items():
            if code != except_group:
                item = QListWidgetItem(self.tr("Group {code} — {name}").format(code=code, name=name))
                item.setData(Qt.ItemDataRole.UserRole, ("group", code))
                self.targets.addItem(item)
        for number, name in counters:
            item = QListWidgetItem(self.tr("Counter {number} — {name}").format(number=number, name=name))
            item.setData(Qt.ItemDataRole.UserRole, ("counter", number))
            self.targets.addItem(item)
        if self.targets.count():
            self.targets.setCurrentRow(0)
        return self.targets.count()

    def select(self, kind: str, value) -> bool:
        """Select a target by ("group", code) or ("counter", number); False if not listed."""
        for row in range(self.targets.count()):
            item = self.targets.item(row)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == (kind, value):
                self.targets.setCurrentRow(row)
                return True
        return False

    def choice(self) -> dict | None:
        """The transfer's target as the service takes it, or None."""
        item = self.targets.currentItem()
        if item is None:
            return None
        kind, value = item.data(Qt.ItemDataRole.UserRole)
        return {"to_group_code": value} if kind == "group" else {"to_counter_number": value}
