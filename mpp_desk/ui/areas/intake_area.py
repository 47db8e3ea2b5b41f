"""File intake at the counter: service → applicant → checklist → registered (Tanda Terima) or returned (slip).

Made for the keyboard. Start page: type to search the service (recent ones first), Up/Down,
Enter. Applicant: Enter moves to the next field, Ctrl+Enter goes on. Checklist: Up/Down move,
1 present and valid, 2 missing, 3 not valid, Space cycles, Enter writes a note, Alt+A sets every
unchecked line present, Ctrl+S saves, F12 or Ctrl+Enter finishes. Result: Ctrl+P prints (again:
a "SALINAN"), Ctrl+Shift+P through the print dialog, Ctrl+N starts the next file.

The visit is saved as a draft when the checklist opens, and again on Ctrl+S and on finishing,
so closing the window or a crash loses nothing that was saved; the window warns before closing
with unsaved typing. A scanned receipt code (a scanner types its address and Enter) opens that
file; a scanned return slip starts a new visit from it.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mpp_desk.officetime import dmy, local
from mpp_desk.ui.forms import Form, error_text
from mpp_desk.ui.receipt_print import ReceiptPreview
from mpp_desk.ui.scan import ScanCatcher
from mpp_desk.ui.tasks import Op, TaskManager

PRESENT, MISSING, INVALID = "present_valid", "missing", "invalid"
CYCLE = (None, PRESENT, MISSING, INVALID)
STATE_COLOURS = {PRESENT: "#e8f5e9", MISSING: "#ffebee", INVALID: "#fff3e0"}
STATE_MARKS = {PRESENT: "✓", MISSING: "✗", INVALID: "⚠"}
PREVIEW_WIDTH = 560  # pixels: an A4 page fits beside the result; a roll receipt shows at about print size


def repolish(widget: QWidget) -> None:
    """Apply the style sheet again after the object name changed (errorNote, okNote, statusNote)."""
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    widget.update()


def find_shell(widget: QWidget):
    """The role shell that holds *widget* (it can open another area), or None."""
    parent = widget.parentWidget()
    while parent is not None and not hasattr(parent, "open_area"):
        parent = parent.parentWidget()
    return parent


def intake_text(text: str) -> str:
    """A service label of the "intake" context in the interface language."""
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("intake", text)


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
                return f"{STATE_MARKS[state]} {intake_text(_STATE_SOURCES[state])}"
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
        from mpp_desk.intake.rules import ItemInput

        return [ItemInput(r[0], r[3], r[4]) for r in self._rows]

    def counts(self) -> dict:
        out = {PRESENT: 0, MISSING: 0, INVALID: 0, None: 0}
        for row in self._rows:
            out[row[3]] += 1
        return out

    def first_unchecked(self) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r[3] is None), None)


_STATE_SOURCES = {PRESENT: "Present and valid", MISSING: "Missing", INVALID: "Not valid"}


class ChecklistTable(QTableView):
    """The checklist with its keys: 1/2/3 set a state and move on, Space cycles, Enter asks for a note."""

    sig_note_requested = Signal(int)
    """The officer wants to write the note of this row."""

    STATE_KEYS = {Qt.Key.Key_1: PRESENT, Qt.Key.Key_2: MISSING, Qt.Key.Key_3: INVALID}

    def keyPressEvent(self, event) -> None:  # noqa: N802
        model: ChecklistModel = self.model()
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


class IntakeArea(QWidget):
    """The counter's intake flow, one page per step."""

    sig_loaded = Signal()
    """Services and drafts are loaded."""

    sig_visit_saved = Signal(object)
    """The visit (draft) was saved (VisitView)."""

    sig_finished = Signal(object)
    """The visit was registered or returned and its first receipt issued (ops.intake.Finished)."""

    sig_preview_ready = Signal()
    """The receipt preview shows the current receipt."""

    sig_printed = Signal(object)
    """A print attempt ended (PrintOk or PrintFailed)."""

    sig_failed = Signal(str)
    """An operation failed; the message is on screen."""

    START, APPLICANT, CHECKLIST, DONE = range(4)

    def __init__(self, *, ctx, tasks: TaskManager, actor, clock=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._tasks = tasks
        self._actor = actor
        self._clock = clock  # a callable giving the aware "now" (tests); None: the PC clock
        self.services: list = []
        self.service = None
        self.ticket = None
        self.previous_visit_id = None
        self.visit = None
        self.finished = None
        self.issued = None
        self.printed = False
        self.printer_spec = ""
        self._applicant_dirty = False
        self._checklist_dirty = False
        self._close_guard_on = None

        title = QLabel(self.tr("File intake"))
        title.setObjectName("pageTitle")
        self.step = QLabel()
        self.step.setObjectName("sectionTitle")
        self.size = QComboBox()
        self.size.addItem(self.tr("A4 paper"), "A4")
        self.size.addItem(self.tr("80 mm roll"), "80mm")
        self.size.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.status = QLabel()
        self.status.setObjectName("statusNote")
        self.status.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addWidget(self.step, 1)
        top.addWidget(QLabel(self.tr("Receipt:")))
        top.addWidget(self.size)

        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_start())
        self.pages.addWidget(self._build_applicant())
        self.pages.addWidget(self._build_checklist())
        self.pages.addWidget(self._build_done())

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.status)

        self.scanner = ScanCatcher(self)
        self.scanner.sig_scanned.connect(self.open_scanned)
        self._show_page(self.START)
        self.reload()

    # ----- building the pages ---------------------------------------------------------------------
    def _build_start(self) -> QWidget:
        page = QWidget()
        self.ticket_code = QLineEdit()
        self.ticket_code.setPlaceholderText(self.tr("e.g. A001"))
        self.ticket_code.setMaxLength(8)
        self.ticket_label = QLabel(self.tr("Walk-in: no queue number."))
        self.ticket_label.setObjectName("statusNote")
        ticket_row = QHBoxLayout()
        ticket_row.addWidget(QLabel(self.tr("Queue number")))
        ticket_row.addWidget(self.ticket_code)
        ticket_row.addWidget(self.ticket_label, 1)
        self.drafts_title = QLabel(self.tr("Files not finished yet (Enter continues)"))
        self.drafts_title.setObjectName("sectionTitle")
        self.drafts = QListWidget()
        self.drafts.setMaximumHeight(110)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search the service by name, KBLI or annex number…"))
        self.search.setClearButtonEnabled(True)
        self.service_list = QListWidget()
        self.service_list.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        heading = QLabel(self.tr("Service (recently used first)"))
        heading.setObjectName("sectionTitle")
        hint = QLabel(self.tr("Type to search, Up/Down to choose, Enter to continue. A scanned receipt opens its file."))
        hint.setObjectName("statusNote")
        layout = QVBoxLayout(page)
        layout.addLayout(ticket_row)
        layout.addWidget(self.drafts_title)
        layout.addWidget(self.drafts)
        layout.addWidget(heading)
        layout.addWidget(self.search)
        layout.addWidget(self.service_list, 1)
        layout.addWidget(hint)
        self.search.textChanged.connect(self._filter_services)
        self.search.installEventFilter(self)
        self.ticket_code.installEventFilter(self)
        self.drafts.installEventFilter(self)
        self.service_list.itemActivated.connect(lambda _item: self.choose_service())
        self.drafts.itemActivated.connect(lambda item: self.resume(item.data(Qt.ItemDataRole.UserRole)))
        return page

    def _build_applicant(self) -> QWidget:
        page = QWidget()
        self.chosen = QLabel()
        self.chosen.setObjectName("sectionTitle")
        self.chosen.setWordWrap(True)
        form_layout = QFormLayout()
        self.form = Form(form_layout)
        self.kind = QComboBox()
        self.kind.addItem(intake_text("Person"), "person")
        self.kind.addItem(intake_text("Business"), "business")
        self.nik = QLineEdit()
        self.nik.setPlaceholderText(self.tr("16 digits, as on the KTP"))
        self.full_name = QLineEdit()
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(self.tr("e.g. 0812 3456 7890"))
        self.address = QLineEdit()
        self.business_name = QLineEdit()
        self.nib = QLineEdit()
        self.nib.setPlaceholderText(self.tr("13 digits"))
        self.npwp = QLineEdit()
        self.npwp.setPlaceholderText(self.tr("optional"))
        self.business_kbli = QLineEdit()
        self.business_kbli.setMaxLength(5)
        self.form.add("kind", self.tr("Applicant type"), self.kind)
        self.form.add("nik", self.tr("NIK"), self.nik)
        self.form.add("full_name", self.tr("Name (as on the KTP)"), self.full_name)
        self.form.add("phone", self.tr("Phone"), self.phone)
        self.form.add("address", self.tr("Address"), self.address)
        self.form.add("business_name", self.tr("Business name"), self.business_name)
        self.form.add("nib", self.tr("NIB"), self.nib)
        self.form.add("npwp", self.tr("NPWP"), self.npwp)
        self.form.add("business_kbli", self.tr("Business KBLI"), self.business_kbli)
        self.nik_note = QLabel()
        self.nik_note.setObjectName("statusNote")
        self.nik_note.setWordWrap(True)
        self.previous_note = QLabel()
        self.previous_note.setWordWrap(True)
        self.previous_button = QPushButton(self.tr("Continue from that visit (Alt+L)"))
        self.previous_button.hide()
        self.applicant_back = QPushButton(self.tr("Back (Alt+Left)"))
        self.applicant_next = QPushButton(self.tr("Check the requirements (Ctrl+Enter)"))
        self.applicant_next.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.applicant_back)
        buttons.addStretch(1)
        buttons.addWidget(self.applicant_next)
        layout = QVBoxLayout(page)
        layout.addWidget(self.chosen)
        layout.addLayout(form_layout)
        layout.addWidget(self.nik_note)
        previous = QHBoxLayout()
        previous.addWidget(self.previous_note, 1)
        previous.addWidget(self.previous_button)
        layout.addLayout(previous)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.editors = [self.nik, self.full_name, self.phone, self.address, self.business_name, self.nib, self.npwp,
                        self.business_kbli]
        for editor in self.editors:
            editor.installEventFilter(self)
            editor.textEdited.connect(self._applicant_touched)
        self.kind.installEventFilter(self)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.nik.editingFinished.connect(self._nik_done)
        for key, editor in (("phone", self.phone), ("nib", self.nib), ("npwp", self.npwp),
                            ("business_kbli", self.business_kbli)):
            editor.editingFinished.connect(lambda k=key, e=editor: self._check_field(k, e))
        self.previous_button.clicked.connect(self.use_previous_visit)
        self.applicant_back.clicked.connect(lambda: self._show_page(self.START))
        self.applicant_next.clicked.connect(self.submit_applicant)
        self._kind_changed()
        return page

    def _build_checklist(self) -> QWidget:
        page = QWidget()
        self.summary = QLabel()
        self.summary.setObjectName("sectionTitle")
        self.summary.setWordWrap(True)
        self.model = ChecklistModel(self)
        self.table = ChecklistTable()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(3, 260)
        self.note_label = QLabel(self.tr("Note"))
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Enter on a line writes its note; Enter here saves it"))
        self.note.setMaxLength(500)
        note_row = QHBoxLayout()
        note_row.addWidget(self.note_label)
        note_row.addWidget(self.note, 1)
        self.counts = QLabel()
        keys = QLabel(self.tr("Up/Down move · 1 present and valid · 2 missing · 3 not valid · Space cycles · "
                              "Enter note · Alt+A all unchecked present · Ctrl+S save · F12 finish"))
        keys.setObjectName("statusNote")
        keys.setWordWrap(True)
        self.all_present_button = QPushButton(self.tr("All unchecked present and valid (Alt+A)"))
        self.save_button = QPushButton(self.tr("Save (Ctrl+S)"))
        self.checklist_back = QPushButton(self.tr("Applicant (Alt+Left)"))
        self.finish_button = QPushButton()
        self.finish_button.setDefault(True)
        for button in (self.all_present_button, self.save_button, self.checklist_back, self.finish_button):
            button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.counts.setWordWrap(True)
        # Two rows: the finishing button's text grows ("Return the file with a slip") and must not
        # push the window wider than a 1366-px screen.
        buttons = QHBoxLayout()
        buttons.addWidget(self.checklist_back)
        buttons.addWidget(self.all_present_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        finish_row = QHBoxLayout()
        finish_row.addWidget(self.counts, 1)
        finish_row.addWidget(self.finish_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(note_row)
        layout.addWidget(keys)
        layout.addLayout(buttons)
        layout.addLayout(finish_row)
        self.model.sig_changed.connect(self._checklist_changed)
        self.table.sig_note_requested.connect(self.edit_note)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.note.installEventFilter(self)
        self.all_present_button.clicked.connect(self.all_present)
        self.save_button.clicked.connect(self.save_checklist)
        self.checklist_back.clicked.connect(lambda: self._show_page(self.APPLICANT))
        self.finish_button.clicked.connect(self.finish)
        self._update_counts()
        return page

    def _build_done(self) -> QWidget:
        page = QWidget()
        self.result_title = QLabel()
        self.result_title.setObjectName("okNote")
        self.result_title.setWordWrap(True)
        self.result_detail = QLabel()
        self.result_detail.setWordWrap(True)
        self.result_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview = ReceiptPreview()
        self.print_status = QLabel()
        self.print_status.setObjectName("statusNote")
        self.print_status.setWordWrap(True)
        self.print_button = QPushButton(self.tr("Print (Ctrl+P)"))
        self.dialog_button = QPushButton(self.tr("Print with dialog… (Ctrl+Shift+P)"))
        self.next_button = QPushButton(self.tr("Next file (Ctrl+N)"))
        self.result_number = QLabel()
        self.result_number.setObjectName("bigFigure")
        self.result_number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        side = QVBoxLayout()
        side.addWidget(self.result_title)
        side.addWidget(self.result_number)
        side.addWidget(self.result_detail)
        side.addWidget(self.print_status)
        side.addStretch(1)
        for button in (self.print_button, self.dialog_button, self.next_button):
            side.addWidget(button)
        self.preview.setMinimumWidth(PREVIEW_WIDTH + 40)
        layout = QHBoxLayout(page)
        layout.addLayout(side, 1)
        layout.addWidget(self.preview, 0)
        self.print_button.clicked.connect(self.print_receipt)
        self.dialog_button.clicked.connect(self.print_with_dialog)
        self.next_button.clicked.connect(self.new_intake)
        return page

    # ----- navigation -----------------------------------------------------------------------------
    def _show_page(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        names = {
            self.START: self.tr("1 · Service"),
            self.APPLICANT: self.tr("2 · Applicant"),
            self.CHECKLIST: self.tr("3 · Requirements"),
            self.DONE: self.tr("4 · Receipt"),
        }
        self.step.setText(names[page])
        focus = {self.START: self.search, self.APPLICANT: self.kind if self.visit is None else self.nik,
                 self.CHECKLIST: self.table, self.DONE: self.print_button}[page]
        focus.setFocus()

    @property
    def page(self) -> int:
        return self.pages.currentIndex()

    def _say(self, text: str, kind: str = "statusNote") -> None:
        self.status.setObjectName(kind)
        repolish(self.status)
        self.status.setText(text)

    def _failed(self, error: BaseException) -> None:
        message = error_text(error)
        self._say(message, "errorNote")
        self.sig_failed.emit(message)

    # ----- start page -----------------------------------------------------------------------------
    def reload(self) -> None:
        """Load the services (recent first), this officer's drafts and the printer setting."""
        from mpp_desk.ui.ops import intake as ops

        ctx, actor = self._ctx, self._actor
        Op(self._tasks, lambda: ops.start_data(ctx, actor=actor)).success(self._loaded).failure(self._failed).run()

    def _loaded(self, data) -> None:
        self.services = data.services
        self.printer_spec = data.printer_spec
        index = self.size.findData(data.receipt_size)
        if index >= 0 and not getattr(self, "_size_chosen", False):
            self.size.setCurrentIndex(index)
        self.drafts.clear()
        for draft in data.drafts:
            item = QListWidgetItem(f"{local(draft.started_at):%d-%m %H:%M}  "
                                   f"{draft.applicant_name} · KBLI {draft.service_kbli} {draft.service_title}")
            item.setData(Qt.ItemDataRole.UserRole, draft.id)
            self.drafts.addItem(item)
        self.drafts.setVisible(bool(data.drafts))
        self.drafts_title.setVisible(bool(data.drafts))
        self._filter_services(self.search.text())
        self.sig_loaded.emit()

    def _filter_services(self, text: str) -> None:
        words = text.casefold().split()
        self.service_list.clear()
        for choice in self.services:
            haystack = f"{choice.annex_number} {choice.kbli} {choice.title} {choice.product_type}".casefold()
            if all(word in haystack for word in words):
                mark = "★ " if choice.last_used else ""
                item = QListWidgetItem(f"{mark}{choice.annex_number}. KBLI {choice.kbli} — {choice.title} "
                                       f"({choice.product_type}, {choice.risk_level}; "
                                       + self.tr("{days} working days").format(days=choice.completion_working_days)
                                       + ")")
                item.setData(Qt.ItemDataRole.UserRole, choice)
                self.service_list.addItem(item)
        if self.service_list.count():
            self.service_list.setCurrentRow(0)

    def lookup_ticket(self) -> None:
        """Find today's ticket with the typed code and link it to this intake."""
        from mpp_desk.ui.ops import intake as ops

        code = self.ticket_code.text().strip()
        if not code:
            self.set_ticket(None)
            self.search.setFocus()
            return
        ctx, now = self._ctx, self._clock() if self._clock is not None else None
        Op(self._tasks, lambda: ops.find_ticket(ctx, code=code, now=now)).success(self._ticket_found).failure(
            self._failed).run()

    def _ticket_found(self, ticket) -> None:
        self.set_ticket(ticket)
        self.search.setFocus()

    def set_ticket(self, ticket) -> None:
        self.ticket = ticket
        if ticket is None:
            self.ticket_label.setText(self.tr("Walk-in: no queue number."))
            return
        self.ticket_code.setText(ticket.code)
        self.ticket_label.setText(self.tr("Queue number {code} ({group}) is linked to this file.").format(
            code=ticket.code, group=ticket.group_name))
        if ticket.service_id is not None:
            for row in range(self.service_list.count()):
                choice = self.service_list.item(row).data(Qt.ItemDataRole.UserRole)
                if choice.id == ticket.service_id:
                    self.service_list.setCurrentRow(row)
                    break

    def start_for_ticket(self, ticket) -> None:
        """Begin a new intake for the ticket called at this counter (from the queue panel)."""
        if not self._may_discard():
            return
        self._reset()
        self.set_ticket(ticket)
        self._show_page(self.START)

    def choose_service(self) -> None:
        item = self.service_list.currentItem()
        if item is None:
            self._say(self.tr("No service matches the search."), "errorNote")
            return
        self.service = item.data(Qt.ItemDataRole.UserRole)
        self._show_applicant()

    def _show_applicant(self) -> None:
        service = self.service
        self.chosen.setText(f"{service.annex_number}. KBLI {service.kbli} — {service.title} "
                            f"({service.product_type}, {service.risk_level})")
        if not self.business_kbli.text():
            self.business_kbli.setText(service.kbli)
        self._say("")
        self._show_page(self.APPLICANT)

    # ----- applicant ------------------------------------------------------------------------------
    def _kind_changed(self, *_args) -> None:
        business = self.kind.currentData() == "business"
        for key in ("business_name", "nib", "npwp", "business_kbli"):
            self.form.layout.setRowVisible(self.form.rows[key], business)
        self._applicant_touched()

    def _applicant_touched(self, *_args) -> None:
        self._applicant_dirty = True

    def _visible_editors(self) -> list[QLineEdit]:
        business = self.kind.currentData() == "business"
        return [e for e in self.editors if business or e not in (self.business_name, self.nib, self.npwp,
                                                                   self.business_kbli)]

    def applicant_input(self):
        from mpp_desk.intake.rules import ApplicantInput

        business = self.kind.currentData() == "business"
        return ApplicantInput(
            kind=self.kind.currentData(),
            nik=self.nik.text(),
            full_name=self.full_name.text(),
            phone=self.phone.text(),
            address=self.address.text(),
            business_name=self.business_name.text() if business else "",
            nib=self.nib.text() if business else "",
            npwp=self.npwp.text() if business else "",
            business_kbli=self.business_kbli.text() if business else "",
        )

    def _check_field(self, key: str, editor: QLineEdit) -> None:
        """Check one identifier as soon as the officer leaves the field (pure rules, no database)."""
        from mpp_desk.errors import ValidationError
        from mpp_desk.identifiers import normalize_phone, validate_kbli, validate_nib, validate_npwp

        text = editor.text().strip()
        row = self.form.rows[key]
        if not text:
            row.set_error(None)
            return
        checks = {"phone": normalize_phone, "nib": validate_nib, "npwp": validate_npwp,
                  "business_kbli": validate_kbli}
        try:
            checks[key](text, field=key)
            row.set_error(None)
        except ValidationError as error:
            row.set_error(error_text(error))

    def _nik_done(self) -> None:
        from mpp_desk.errors import ValidationError
        from mpp_desk.i18n import translate
        from mpp_desk.identifiers import validate_nik

        text = self.nik.text().strip()
        row = self.form.rows["nik"]
        self.nik_note.clear()
        if not text:
            row.set_error(None)
            return
        try:
            info = validate_nik(text)
        except ValidationError as error:
            row.set_error(error_text(error))
            return
        row.set_error(None)
        self.nik_note.setText(" ".join(translate(w.context, w.message).format(**w.params) for w in info.warnings))
        self._look_for_previous(info.value)

    def _look_for_previous(self, nik: str) -> None:
        from mpp_desk.ui.ops import intake as ops

        if self.visit is not None:
            return
        ctx, actor = self._ctx, self._actor
        Op(self._tasks, lambda: ops.previous_visits(ctx, actor=actor, nik=nik)).success(
            self._show_previous).failure(lambda _e: None).run()

    def _show_previous(self, visits) -> None:
        self._previous_candidates = visits
        if not visits or self.previous_visit_id is not None:
            self.previous_note.clear()
            self.previous_button.hide()
            return
        latest = visits[0]
        self.previous_note.setText(
            self.tr("This applicant came on {day} for KBLI {kbli} and {count} requirement(s) were missing or not "
                    "valid.").format(day=dmy(latest.started_at), kbli=latest.service_kbli,
                                     count=latest.missing_count))
        self.previous_button.show()

    def use_previous_visit(self) -> None:
        visits = getattr(self, "_previous_candidates", None)
        if not visits:
            return
        self.previous_visit_id = visits[0].id
        self.previous_note.setText(self.tr("The checklist starts from the earlier visit: what was fine then is "
                                           "already marked present."))
        self.previous_button.hide()

    def submit_applicant(self) -> None:
        """Check the applicant and save the visit (draft) with its checklist."""
        from mpp_desk.ui.ops import intake as ops

        if self.service is None:
            self._show_page(self.START)
            return
        self.form.clear_errors()
        applicant = self.applicant_input()
        ctx, actor = self._ctx, self._actor
        if self.visit is None:
            annex = self.service.annex_number
            ticket_id = self.ticket.id if self.ticket is not None else None
            previous = self.previous_visit_id
            fn = lambda: ops.start_visit(ctx, actor=actor, annex_number=annex, applicant=applicant,  # noqa: E731
                                         ticket_id=ticket_id, previous_visit_id=previous)
        else:
            visit_id = self.visit.id
            fn = lambda: ops.update_applicant(ctx, actor=actor, visit_id=visit_id, applicant=applicant)  # noqa: E731
        Op(self._tasks, fn).success(self._visit_saved).failure(self._applicant_failed).run()

    def _applicant_failed(self, error: BaseException) -> None:
        errors = getattr(error, "errors", None) or [error]
        shown = False
        for item in reversed(errors):  # the first wrong field ends up with the focus
            shown = self.form.show_error(item) or shown
        if not shown:
            self._failed(error)
        else:
            self._say(self.tr("Correct the fields marked in red."), "errorNote")
            self.sig_failed.emit(error_text(error))

    def _visit_saved(self, visit) -> None:
        first = self.visit is None
        self.visit = visit
        self._applicant_dirty = False
        if first:
            self.model.set_items(visit.items)
            self._checklist_dirty = False
        applicant = visit.applicant
        who = applicant.business_name or applicant.full_name
        ticket = self.tr(" · queue number {code}").format(code=visit.ticket_code) if visit.ticket_code else ""
        self.summary.setText(f"{who} · {applicant.nik_masked} — KBLI {visit.service_kbli} {visit.service_title}{ticket}")
        self._say(self.tr("Saved. Check each requirement."))
        self._show_page(self.CHECKLIST)
        if self.model.rowCount():
            row = self.model.first_unchecked()
            self.table.setCurrentIndex(self.model.index(row if row is not None else 0, 1))
        self._update_counts()
        self.sig_visit_saved.emit(visit)

    def resume(self, visit_id) -> None:
        """Continue a draft left open (after a crash or a closed window)."""
        from mpp_desk.ui.ops import intake as ops

        ctx, actor = self._ctx, self._actor
        Op(self._tasks, lambda: ops.get_visit(ctx, actor=actor, visit_id=visit_id)).success(
            self._resumed).failure(self._failed).run()

    def _resumed(self, visit) -> None:
        self._reset()
        self.service = next((s for s in self.services if s.annex_number == visit.service_annex_number), None)
        self._fill_applicant(visit.applicant)
        self.visit = None
        self._visit_saved(visit)

    def _fill_applicant(self, applicant) -> None:
        self.kind.setCurrentIndex(max(self.kind.findData(applicant.kind), 0))
        self.nik.setText(applicant.nik)
        self.full_name.setText(applicant.full_name)
        self.phone.setText(applicant.phone)
        self.address.setText(applicant.address)
        self.business_name.setText(applicant.business_name)
        self.nib.setText(applicant.nib)
        self.npwp.setText(applicant.npwp)
        self.business_kbli.setText(applicant.business_kbli)

    # ----- checklist ------------------------------------------------------------------------------
    def _checklist_changed(self) -> None:
        self._checklist_dirty = True
        self._update_counts()

    def _update_counts(self) -> None:
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

    def _note_done(self, *, advance: bool) -> None:
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

    def save_checklist(self) -> None:
        from mpp_desk.ui.ops import intake as ops

        if self.visit is None:
            return
        ctx, actor, visit_id, items = self._ctx, self._actor, self.visit.id, self.model.items_input()
        Op(self._tasks, lambda: ops.save_checklist(ctx, actor=actor, visit_id=visit_id, items=items)).success(
            self._checklist_saved).failure(self._failed).run()

    def _checklist_saved(self, visit) -> None:
        self.visit = visit
        self._checklist_dirty = False
        self._say(self.tr("Checklist saved."), "okNote")
        self.sig_visit_saved.emit(visit)

    def finish(self) -> None:
        """Register the file when every line is present and valid; otherwise return it with a slip."""
        from mpp_desk.ui.ops import intake as ops

        if self.visit is None:
            return
        if self.note.hasFocus():
            self._note_done(advance=False)
        unchecked = self.model.first_unchecked()
        if unchecked is not None:
            self._say(self.tr("Check every requirement first: {count} not checked yet.").format(
                count=self.model.counts()[None]), "errorNote")
            self.table.setFocus()
            self.table._go(unchecked)
            return
        counts = self.model.counts()
        complete = not (counts[MISSING] or counts[INVALID])
        ctx, actor, visit_id = self._ctx, self._actor, self.visit.id
        items, size = self.model.items_input(), self.size.currentData()
        self.finish_button.setEnabled(False)
        Op(self._tasks, lambda: ops.finish(ctx, actor=actor, visit_id=visit_id, items=items, complete=complete,
                                           size=size)).success(self._finished).failure(self._finish_failed).run()

    def _finish_failed(self, error: BaseException) -> None:
        self.finish_button.setEnabled(True)
        self._failed(error)

    def _finished(self, result) -> None:
        from mpp_desk.textformat import format_date

        self.finish_button.setEnabled(True)
        self.finished = result
        self.visit = result.visit
        self._applicant_dirty = self._checklist_dirty = False
        visit = result.visit
        if visit.application is not None:
            app = visit.application
            self.result_title.setObjectName("okNote")
            self.result_title.setText(self.tr("Registered: {number}").format(number=app.registration_number))
            self.result_number.setText(app.registration_number)
            self.result_detail.setText(self.tr("Complete and correct. To be finished by {due} ({days} working days). "
                                               "Give the applicant the Tanda Terima.").format(
                due=format_date(app.due_date), days=visit.completion_working_days))
        else:
            missing = sum(1 for i in visit.items if i.state in (MISSING, INVALID))
            self.result_title.setObjectName("errorNote")
            self.result_title.setText(self.tr("Not complete: nothing was registered"))
            from mpp_desk.intake.receipts import visit_reference

            self.result_number.setText(visit_reference(visit.id))
            self.result_detail.setText(self.tr("{count} requirement(s) missing or not valid. Give the applicant the "
                                               "return slip; the visit is kept and the next visit can start from "
                                               "it.").format(count=missing))
        repolish(self.result_title)
        self._say("")
        self._show_page(self.DONE)
        self.sig_finished.emit(result)
        self._show_receipt(result.receipt, printed=False)
        if self.printer_spec:
            self.print_receipt()
        else:
            self.print_status.setText(self.tr("No receipt printer is set up on this PC: print with the dialog "
                                              "(Ctrl+Shift+P). The PDF copy is kept."))

    # ----- receipts -------------------------------------------------------------------------------
    def _show_receipt(self, issued, *, printed: bool) -> None:
        from mpp_desk.ui.ops import intake as ops

        self.issued = issued
        self.printed = printed
        self._update_print_button()
        pdf = issued.pdf
        Op(self._tasks, lambda: ops.preview_pages(pdf, width_px=PREVIEW_WIDTH)).success(self._preview).failure(
            self._failed).run()

    def _preview(self, pngs) -> None:
        self.preview.set_pages(pngs)
        self.sig_preview_ready.emit()

    def _update_print_button(self) -> None:
        self.print_button.setText(self.tr("Print again as SALINAN (Ctrl+P)") if self.printed
                                  else self.tr("Print (Ctrl+P)"))

    def print_receipt(self) -> None:
        """Print the receipt on this PC's printer; once it has come out, print a new copy marked SALINAN."""
        if self.issued is None:
            return
        if self.printed:
            self._issue_copy(then=self.print_receipt)
            return
        if not self.printer_spec:
            self.print_with_dialog()
            return
        from mpp_desk.ui.ops import intake as ops

        ctx, actor, issued, spec = self._ctx, self._actor, self.issued, self.printer_spec
        self.print_status.setText(self.tr("Printing…"))
        Op(self._tasks, lambda: ops.print_receipt(ctx, actor=actor, issued=issued, printer_spec=spec)).success(
            self._print_done).failure(self._print_error).run()

    def _issue_copy(self, *, then) -> None:
        from mpp_desk.ui.ops import intake as ops

        ctx, actor, visit_id, size = self._ctx, self._actor, self.visit.id, self.size.currentData()

        def shown(issued) -> None:
            self._show_receipt(issued, printed=False)
            then()

        Op(self._tasks, lambda: ops.issue_copy(ctx, actor=actor, visit_id=visit_id, size=size)).success(
            shown).failure(self._failed).run()

    def _print_done(self, result) -> None:
        from mpp_desk.printing.receipt_printer import NEEDS_QT, NOT_CONFIGURED, failure_text

        if result.ok:
            self.printed = True
            self._update_print_button()
            self.print_status.setObjectName("okNote")
            self.print_status.setText(self.tr("Printed ({where}). The PDF copy is kept.").format(where=result.where))
        elif result.reason in (NEEDS_QT, NOT_CONFIGURED):
            self.print_status.setText(failure_text(result))
            self._print_with_qt(named=self.printer_spec.partition(":")[2] if result.reason == NEEDS_QT else None)
            return
        else:
            self.print_status.setObjectName("errorNote")
            self.print_status.setText(self.tr("{problem} The file is registered and the PDF copy is kept: fix the "
                                              "printer and press Ctrl+P to print again.").format(
                problem=failure_text(result)))
        repolish(self.print_status)
        self.sig_printed.emit(result)

    def _print_error(self, error: BaseException) -> None:
        self.print_status.setObjectName("errorNote")
        repolish(self.print_status)
        self.print_status.setText(error_text(error))
        self.sig_failed.emit(error_text(error))

    def print_with_dialog(self) -> None:
        """Print through Qt's print dialog (any printer the PC knows)."""
        if self.issued is None:
            return
        if self.printed:
            self._issue_copy(then=self.print_with_dialog)
            return
        self._print_with_qt(named=None)

    def _run_print_dialog(self, printer) -> bool:
        from PySide6.QtPrintSupport import QPrintDialog

        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print the receipt"))
        return dialog.exec() == QPrintDialog.DialogCode.Accepted

    def _print_with_qt(self, *, named: str | None) -> None:
        from PySide6.QtPrintSupport import QPrinter

        from mpp_desk.printing.printers import PrintOk
        from mpp_desk.ui.ops import intake as ops
        from mpp_desk.ui.receipt_print import paint_pdf

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if named:
            printer.setPrinterName(named)
        elif not self._run_print_dialog(printer):
            self.print_status.setText(self.tr("Printing cancelled. Press Ctrl+P to print."))
            return
        if paint_pdf(self.issued.pdf, printer) == 0:
            self.print_status.setObjectName("errorNote")
            repolish(self.print_status)
            self.print_status.setText(self.tr("The printer could not be started. The PDF copy is kept; try again."))
            return
        where = printer.printerName() or printer.outputFileName() or "Qt"
        ctx, actor, receipt_id = self._ctx, self._actor, self.issued.id
        Op(self._tasks, lambda: ops.mark_printed(ctx, actor=actor, receipt_id=receipt_id, printed_on=where)).success(
            lambda _r: self._print_done(PrintOk(where))).failure(self._print_error).run()

    # ----- scanning -------------------------------------------------------------------------------
    def open_scanned(self, text: str) -> None:
        """A receipt code was scanned: a Tanda Terima opens its file; a return slip starts the next visit."""
        from mpp_desk.ui.ops import intake as ops

        ctx, actor = self._ctx, self._actor
        Op(self._tasks, lambda: ops.scan(ctx, actor=actor, text=text)).success(self._scanned).failure(
            self._failed).run()

    def _scanned(self, scanned) -> None:
        check, visit = scanned.check, scanned.visit
        if not check.valid or visit is None:
            self._say(check.text() if not check.valid else self.tr("This receipt is genuine but its file is not on "
                                                                   "this PC yet."), "errorNote")
            self.sig_failed.emit(self.status.text())
            return
        if check.kind == "return_slip" and visit.outcome == "incomplete":
            self.start_from_visit(visit)
            return
        shell = find_shell(self)
        if shell is not None and "files" in shell.area_keys():
            shell.open_area("files").show_visit(visit)
        else:
            self._say(self.tr("File {number}: {status}.").format(
                number=visit.application.registration_number if visit.application else "-",
                status=intake_text(_status_source(visit))), "okNote")

    def start_from_visit(self, visit) -> None:
        """A new visit for the same applicant and service, starting from an earlier incomplete one."""
        if not self._may_discard():
            return
        self._reset()
        self.service = next((s for s in self.services if s.annex_number == visit.service_annex_number), None)
        if self.service is None:
            self._say(self.tr("The service of that visit is no longer in the catalogue."), "errorNote")
            return
        self._fill_applicant(visit.applicant)
        self.previous_visit_id = visit.id
        self.previous_note.setText(self.tr("Continuing from the visit of {day}: what was fine then is already marked "
                                           "present.").format(day=dmy(visit.started_at)))
        self._applicant_dirty = False
        self._show_applicant()

    # ----- starting over, unsaved work --------------------------------------------------------------
    def has_unsaved_changes(self) -> bool:
        """Typing that is not saved yet (the applicant form, or checklist changes since the last save)."""
        if self.page == self.APPLICANT and self._applicant_dirty:
            return True
        return self.page in (self.APPLICANT, self.CHECKLIST) and self._checklist_dirty

    def _confirm_discard(self) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Unsaved intake"),
            self.tr("The intake on screen has changes that are not saved. Leave them?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Discard

    def _may_discard(self) -> bool:
        return not self.has_unsaved_changes() or self._confirm_discard()

    def new_intake(self) -> None:
        """Clear the screen for the next applicant."""
        if not self._may_discard():
            return
        self._reset()
        self._show_page(self.START)
        self.reload()

    def _reset(self) -> None:
        self.service = None
        self.ticket = None
        self.previous_visit_id = None
        self._previous_candidates = []
        self.visit = None
        self.finished = None
        self.issued = None
        self.printed = False
        self.ticket_code.clear()
        self.ticket_label.setText(self.tr("Walk-in: no queue number."))
        self.search.clear()
        for editor in self.editors:
            editor.clear()
        self.kind.setCurrentIndex(0)
        self.form.clear_errors()
        self.nik_note.clear()
        self.previous_note.clear()
        self.previous_button.hide()
        self.model.set_items([])
        self.note.clear()
        self.preview.clear()
        self.print_status.clear()
        self._update_counts()
        self._say("")
        self._applicant_dirty = self._checklist_dirty = False

    # ----- keys -----------------------------------------------------------------------------------
    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.KeyPress:
            return False
        key, modifiers = event.key(), event.modifiers()
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ctrl = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
        if obj is self.search:
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 10, Qt.Key.Key_PageUp: -10}[key]
                row = max(0, min(self.service_list.count() - 1, self.service_list.currentRow() + step))
                self.service_list.setCurrentRow(row)
                return True
            if enter:
                self.choose_service()
                return True
        elif obj is self.ticket_code and enter:
            self.lookup_ticket()
            return True
        elif obj is self.drafts and enter and self.drafts.currentItem() is not None:
            self.resume(self.drafts.currentItem().data(Qt.ItemDataRole.UserRole))
            return True
        elif obj is self.note:
            if enter:
                self._note_done(advance=not ctrl)
                if ctrl:
                    self.finish()
                return True
            if key == Qt.Key.Key_Escape:
                self._row_changed(self.table.currentIndex(), QModelIndex())
                self.table.setFocus()
                return True
        elif enter and (obj in self.editors or obj is self.kind):
            if ctrl:
                self.submit_applicant()
                return True
            visible = [self.kind, *self._visible_editors()]
            index = visible.index(obj) if obj in visible else -1
            if index == len(visible) - 1:
                self.submit_applicant()
            else:
                visible[index + 1].setFocus()
            return True
        return False

    def keyPressEvent(self, event) -> None:  # noqa: N802
        key, modifiers = event.key(), event.modifiers()
        ctrl = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
        shift = bool(modifiers & Qt.KeyboardModifier.ShiftModifier)
        alt = bool(modifiers & Qt.KeyboardModifier.AltModifier)
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        page = self.page
        if page == self.CHECKLIST:
            if key == Qt.Key.Key_F12 or (ctrl and enter):
                self.finish()
                return
            if ctrl and key == Qt.Key.Key_S:
                self.save_checklist()
                return
            if alt and key == Qt.Key.Key_A:
                self.all_present()
                return
            if alt and key == Qt.Key.Key_Left:
                self._show_page(self.APPLICANT)
                return
        elif page == self.APPLICANT:
            if ctrl and enter:
                self.submit_applicant()
                return
            if alt and key == Qt.Key.Key_L:
                self.use_previous_visit()
                return
            if alt and key == Qt.Key.Key_Left:
                self._show_page(self.START)
                return
        elif page == self.DONE:
            if ctrl and key == Qt.Key.Key_P:
                (self.print_with_dialog if shift else self.print_receipt)()
                return
        if ctrl and key == Qt.Key.Key_N:
            self.new_intake()
            return
        super().keyPressEvent(event)

    # ----- visibility: the scanner, the close guard --------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.scanner.start()
        window = self.window()
        if window is not self and self._close_guard_on is not window:
            window.installEventFilter(self._close_guard())
            self._close_guard_on = window

    def hideEvent(self, event) -> None:  # noqa: N802
        super().hideEvent(event)
        self.scanner.stop()

    def _close_guard(self) -> QObject:
        if not hasattr(self, "_guard"):
            self._guard = _CloseGuard(self)
        return self._guard

    def closeEvent(self, event) -> None:  # noqa: N802
        if self.has_unsaved_changes() and not self._confirm_discard():
            event.ignore()
            return
        self.scanner.stop()
        super().closeEvent(event)


class _CloseGuard(QObject):
    """Asks before the main window closes over unsaved intake typing."""

    def __init__(self, area: IntakeArea) -> None:
        super().__init__(area)
        self._area = area

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        closing = getattr(obj, "_closing", False)  # the window already asked once and is signing out
        if event.type() == QEvent.Type.Close and not closing and self._area.has_unsaved_changes():
            if not self._area._confirm_discard():
                event.ignore()
                return True
        return False


def _status_source(visit) -> str:
    from mpp_desk.intake.rules import STATUS_LABELS

    status = visit.application.status if visit.application is not None else "incomplete"
    return STATUS_LABELS[status]


class IntakeHomeCard(QFrame):
    """The intake corner of the counter's home: start from the called number, walk-in, find a file."""

    def __init__(self, *, ctx, tasks: TaskManager, actor, current_ticket=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self._ctx = ctx
        self._tasks = tasks
        self._actor = actor
        self._current_ticket = current_ticket or (lambda: None)
        heading = QLabel(self.tr("File intake"))
        heading.setObjectName("sectionTitle")
        self.figures = QLabel()
        self.note = QLabel()
        self.note.setObjectName("statusNote")
        self.note.setWordWrap(True)
        self.from_ticket = QPushButton(self.tr("Receive the file of the called number"))
        self.walk_in = QPushButton(self.tr("Receive a file without a queue number"))
        self.find = QPushButton(self.tr("Find a file / due today"))
        buttons = QHBoxLayout()
        for button in (self.from_ticket, self.walk_in, self.find):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.figures)
        layout.addLayout(buttons)
        layout.addWidget(self.note)
        self.from_ticket.clicked.connect(self.start_from_ticket)
        self.walk_in.clicked.connect(lambda: self._open("intake", lambda area: area.start_for_ticket(None)))
        self.find.clicked.connect(lambda: self._open("files", lambda area: area.show_due()))

    def reload(self) -> None:
        from mpp_desk.ui.ops import intake as ops

        ctx, actor = self._ctx, self._actor
        Op(self._tasks, lambda: ops.due_counts(ctx, actor=actor)).success(self._show_counts).failure(
            lambda e: self.figures.setText(error_text(e))).run()

    def _show_counts(self, counts) -> None:
        due, late = counts
        self.figures.setText(self.tr("Open files due today: {due} · overdue: {late}").format(due=due, late=late))
        self.figures.setObjectName("errorNote" if late else "")
        repolish(self.figures)

    def start_from_ticket(self) -> None:
        ticket = self._current_ticket()
        if ticket is None:
            self.note.setText(self.tr("No number is called at this counter. Call the next number first, or "
                                      "receive a file without a queue number."))
            return
        self._open("intake", lambda area: area.start_for_ticket(ticket))

    def _open(self, key: str, then) -> None:
        shell = find_shell(self)
        if shell is None or key not in shell.area_keys():
            self.note.setText(self.tr("This area is not available to your role."))
            return
        then(shell.open_area(key))

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.reload()
