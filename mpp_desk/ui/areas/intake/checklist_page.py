"""Intake page 3: the checklist, one line per requirement, with a note per line."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QVBoxLayout, \
    QWidget

from mpp_desk.ui.areas.intake.checklist_model import ChecklistModel, ChecklistTable
from mpp_desk.ui.areas.intake.common import INVALID, MISSING, PRESENT
from mpp_desk.ui.areas.intake.procedure import ProcedureButton


class ChecklistPage(QWidget):
    """The requirements of the chosen service; the officer's marks stay in the model until saved."""

    sig_save = Signal()
    """Ctrl+S or the save button."""

    sig_back = Signal()
    """Back to the applicant."""

    sig_finish = Signal()
    """The finishing button, or Ctrl+Enter in the note."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel()
        self.summary.setObjectName("sectionTitle")
        self.summary.setWordWrap(True)
        self.model = ChecklistModel(self)
        self.table = ChecklistTable()
        self.table.setModel(self.model)
        self._set_up_table()
        self.note_label = QLabel(self.tr("Note"))
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Enter on a line writes its note; Enter here saves it"))
        self.note.setMaxLength(500)
        note_row = QHBoxLayout()
        note_row.addWidget(self.note_label)
        note_row.addWidget(self.note, 1)
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        keys = QLabel(self.tr("Up/Down move · 1 present and valid · 2 missing · 3 not valid · Space cycles · "
                              "Enter note · Alt+A all unchecked present · Alt+P procedure · Ctrl+S save · F12 finish"))
        keys.setObjectName("statusNote")
        keys.setWordWrap(True)
        self.all_present_button = QPushButton(self.tr("All unchecked present and valid (Alt+A)"))
        self.save_button = QPushButton(self.tr("Save (Ctrl+S)"))
        self.checklist_back = QPushButton(self.tr("Applicant (Alt+Left)"))
        self.finish_button = QPushButton()
        self.procedure_button = ProcedureButton()
        self.finish_button.setDefault(True)
        for button in (self.all_present_button, self.save_button, self.checklist_back, self.finish_button):
            button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        # Two rows: the finishing button's text grows ("Return the file with a slip") and must not
        # push the window wider than a 1366-px screen.
        buttons = QHBoxLayout()
        buttons.addWidget(self.checklist_back)
        buttons.addWidget(self.all_present_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.procedure_button)
        finish_row = QHBoxLayout()
        finish_row.addWidget(self.counts, 1)
        finish_row.addWidget(self.finish_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(note_row)
        layout.addWidget(keys)
        layout.addLayout(buttons)
        layout.addLayout(finish_row)
        self.model.sig_changed.connect(self.update_counts)
        self.table.sig_note_requested.connect(self.edit_note)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.note.installEventFilter(self)
        self.all_present_button.clicked.connect(self.all_present)
        self.save_button.clicked.connect(self.sig_save)
        self.checklist_back.clicked.connect(self.sig_back)
        self.finish_button.clicked.connect(self.sig_finish)
        self.update_counts()

    def _set_up_table(self) -> None:
        table = self.table
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(True)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(3, 260)

    def show_visit(self, visit, *, first: bool) -> None:
        """The visit's heading; its lines are loaded the first time only (later saves keep the officer's marks)."""
        if first:
            self.model.set_items(visit.items)
        applicant = visit.applicant
        who = applicant.business_name or applicant.full_name
        ticket = self.tr(" · queue number {code}").format(code=visit.ticket_code) if visit.ticket_code else ""
        self.summary.setText(f"{who} · {applicant.nik_masked} — KBLI {visit.service_kbli} {visit.service_title}{ticket}")
        self.procedure_button.set_service(visit.service_annex_number,
                                          f"{visit.service_annex_number} KBLI {visit.service_kbli} {visit.service_title}")

    def go_to_first_unchecked(self) -> None:
        if self.model.rowCount():
            row = self.model.first_unchecked()
            self.table.setCurrentIndex(self.model.index(row if row is not None else 0, 1))
        self.update_counts()

    def update_counts(self) -> None:
        counts = self.model.counts()
        total = self.model.rowCount()
        self.counts.setText(self.tr("{total} requirement(s): {ok} present and valid, {missing} missing, "
                                    "{invalid} not valid, {open} not checked").format(
            total=total, ok=counts[PRESENT], missing=counts[MISSING], invalid=counts[INVALID], open=counts[None]))
        if counts[MISSING] or counts[INVALID]:
            self.finish_button.setText(self.tr("Return the file with a slip (F12)"))
        else:
            self.finish_button.setText(self.tr("Register the file (F12)"))

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.note_label.setText(self.tr("Note, line {n}").format(n=current.row() + 1))
            self.note.setText(self.model.note(current.row()))

    def edit_note(self, row: int) -> None:
        self.table.setCurrentIndex(self.model.index(row, 1))
        self.note.setFocus()
        self.note.selectAll()

    def note_done(self, *, advance: bool) -> None:
        row = self.table.currentIndex().row()
        if row >= 0:
            self.model.set_note(row, self.note.text())
        self.table.setFocus()
        if advance and row >= 0:
            self.table._go(row + 1)

    def all_present(self) -> None:
        for row in range(self.model.rowCount()):
            if self.model.state(row) is None:
                self.model.set_state(row, PRESENT)

    def unchecked_first(self) -> bool:
        """If a line is not checked yet, go to it and say so (True); False when every line is checked."""
        unchecked = self.model.first_unchecked()
        if unchecked is None:
            return False
        self.table.setFocus()
        self.table._go(unchecked)
        return True

    def clear(self) -> None:
        self.model.set_items([])
        self.note.clear()
        self.update_counts()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if obj is not self.note or event.type() != QEvent.Type.KeyPress:
            return False
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
            self.note_done(advance=not ctrl)
            if ctrl:
                self.sig_finish.emit()
            return True
        if key == Qt.Key.Key_Escape:
            self._row_changed(self.table.currentIndex(), QModelIndex())
            self.table.setFocus()
            return True
        return False
