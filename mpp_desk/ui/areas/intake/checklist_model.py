"""The checklist of one visit: its table model and the table with the officer's keys."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QTableView

from mpp_desk.intake.rules import is_condition
from mpp_desk.ui.areas.intake.common import CYCLE, INVALID, MISSING, PRESENT, STATE_COLOURS, STATE_MARKS, intake_text
from mpp_desk.intake.rules import ItemInput


class ChecklistModel(QAbstractTableModel):
    """The checklist lines of one visit; the officer's states and notes are kept here until saved."""

    sig_changed = Signal()
    """A state or a note changed."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[list] = []  # [position, kind, text, state, note]

    def headers(self) -> list[str]:
        return [self.tr("No."), self.tr("Requirement"), self.tr("Result"), self.tr("Note")]

    def set_items(self, items) -> None:
        self.beginResetModel()
        self._rows = [[i.position, i.kind, i.text, i.state, i.note] for i in items]
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 4

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        position, _kind, text, state, note = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == 0:
                return str(position)
            if column == 1:
                return text
            if column == 2:
                if state is None:
                    return self.tr("not checked")
                sources = _CONDITION_SOURCES if is_condition(text) else _STATE_SOURCES  # a condition is met
                return f"{STATE_MARKS[state]} {intake_text(sources[state])}"
            return note
        if role == Qt.ItemDataRole.BackgroundRole and state in STATE_COLOURS:
            return QBrush(QColor(STATE_COLOURS[state]))
        if role == Qt.ItemDataRole.ForegroundRole and column == 2 and state is None:
            return QBrush(QColor("#757575"))
        if role == Qt.ItemDataRole.UserRole:
            return state
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 4:
            return self.headers()[section]
        return None

    def state(self, row: int):
        return self._rows[row][3]

    def note(self, row: int) -> str:
        return self._rows[row][4]

    def set_state(self, row: int, state) -> None:
        if 0 <= row < len(self._rows) and self._rows[row][3] != state:
            self._rows[row][3] = state
            self.dataChanged.emit(self.index(row, 0), self.index(row, 3))
            self.sig_changed.emit()

    def set_note(self, row: int, note: str) -> None:
        note = " ".join(note.split())
        if 0 <= row < len(self._rows) and self._rows[row][4] != note:
            self._rows[row][4] = note
            self.dataChanged.emit(self.index(row, 3), self.index(row, 3))
            self.sig_changed.emit()

    def items_input(self) -> list:
        return [ItemInput(r[0], r[3], r[4]) for r in self._rows]

    def counts(self) -> dict:
        out = {PRESENT: 0, MISSING: 0, INVALID: 0, None: 0}
        for row in self._rows:
            out[row[3]] += 1
        return out

    def first_unchecked(self) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r[3] is None), None)


_STATE_SOURCES = {PRESENT: "Present and valid", MISSING: "Missing", INVALID: "Not valid"}
_CONDITION_SOURCES = {PRESENT: "Met", MISSING: "Not met", INVALID: "Not valid"}  # intake.rules.CONDITION_STATE_LABELS


class ChecklistTable(QTableView):
    """The checklist with its keys: 1/2/3 set a state and move on, Space cycles, Enter asks for a note."""

    sig_note_requested = Signal(int)
    """The officer wants to write the note of this row."""

    STATE_KEYS = {Qt.Key.Key_1: PRESENT, Qt.Key.Key_2: MISSING, Qt.Key.Key_3: INVALID}

    def keyPressEvent(self, event) -> None:  # noqa: N802
        model = cast(ChecklistModel, self.model())  # Qt types model() as QAbstractItemModel
        row = self.currentIndex().row()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        key = event.key()
        if row >= 0 and modifiers == Qt.KeyboardModifier.NoModifier:
            if key in self.STATE_KEYS:
                model.set_state(row, self.STATE_KEYS[key])
                self._go(row + 1)
                return
            if key == Qt.Key.Key_Space:
                model.set_state(row, CYCLE[(CYCLE.index(model.state(row)) + 1) % len(CYCLE)])
                return
            if key in (Qt.Key.Key_0, Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
                model.set_state(row, None)
                return
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2, Qt.Key.Key_N):
                self.sig_note_requested.emit(row)
                return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F12):
            event.ignore()  # Ctrl+Enter and F12 finish: the area decides
            return
        super().keyPressEvent(event)

    def _go(self, row: int) -> None:
        model = self.model()
        if model.rowCount() == 0:
            return
        row = min(row, model.rowCount() - 1)
        self.setCurrentIndex(model.index(row, 1))
        self.scrollTo(model.index(row, 1))

