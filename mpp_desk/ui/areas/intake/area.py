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

This module is the controller: it owns the intake's state (service, ticket, visit, receipt) and
runs the operations; each page (``start_page``, ``applicant_page``, ``checklist_page``,
``done_page``) builds its widgets and says what the officer asked for through its signals.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QMessageBox, QStackedWidget, QVBoxLayout, QWidget

from mpp_desk.ui.areas.intake.applicant_page import ApplicantPage
from mpp_desk.ui.areas.intake.checklist_page import ChecklistPage
from mpp_desk.ui.areas.intake.common import INVALID, MISSING, repolish
from mpp_desk.ui.areas.intake.done_page import DonePage
from mpp_desk.ui.areas.intake.guard import CloseGuard
from mpp_desk.ui.areas.intake.keys import handle_key
from mpp_desk.ui.areas.intake.receipt import ReceiptFlow
from mpp_desk.ui.areas.intake.scanning import ScanFlow
from mpp_desk.ui.areas.intake.start_page import StartPage
from mpp_desk.ui.forms import error_text
from mpp_desk.ui.scan import ScanCatcher
from mpp_desk.ui.tasks import Op, TaskManager
from mpp_desk.ui.ops import intake as ops
from mpp_desk.ui.receipt_print import ask_for_printer


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
        self._previous_candidates: list = []
        self.visit = None
        self.finished = None
        self._applicant_dirty = True  # as before the split: the applicant type set at start counts as typing
        self._checklist_dirty = False
        self._close_guard_on = None
        self._build()
        self._expose_widgets()
        self.receipt = ReceiptFlow(self)
        self.scans = ScanFlow(self)
        self._connect()
        self._show_page(self.START)
        self.reload()

    def _build(self) -> None:
        title = QLabel(self.tr("File intake"))
        title.setObjectName("pageTitle")
        self.step = QLabel()
        self.step.setObjectName("sectionTitle")
        self.receipt_size = QComboBox()
        self.receipt_size.addItem(self.tr("A4 paper"), "A4")
        self.receipt_size.addItem(self.tr("80 mm roll"), "80mm")
        self.receipt_size.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.status = QLabel()
        self.status.setObjectName("statusNote")
        self.status.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addWidget(self.step, 1)
        top.addWidget(QLabel(self.tr("Receipt:")))
        top.addWidget(self.receipt_size)
        self.start_page, self.applicant_page = StartPage(), ApplicantPage()
        self.checklist_page, self.done_page = ChecklistPage(), DonePage()
        self.checklist_page.procedure_button.bind(ctx=self._ctx, tasks=self._tasks)
        self.pages = QStackedWidget()
        for page in (self.start_page, self.applicant_page, self.checklist_page, self.done_page):
            self.pages.addWidget(page)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.status)
        self.scanner = ScanCatcher(self)

    def _expose_widgets(self) -> None:
        """The pages' widgets the keyboard tests and the screen-fit walk reach through the area."""
        start, applicant, checklist, done = self.start_page, self.applicant_page, self.checklist_page, self.done_page
        self.ticket_code, self.ticket_label, self.search, self.service_list, self.drafts = (
            start.ticket_code, start.ticket_label, start.search, start.service_list, start.drafts)
        self.form, self.kind, self.editors = applicant.form, applicant.kind, applicant.editors
        self.nik, self.full_name, self.phone, self.address = applicant.nik, applicant.full_name, applicant.phone, \
            applicant.address
        self.business_name, self.nib, self.npwp = applicant.business_name, applicant.nib, applicant.npwp
        self.model, self.table, self.note, self.finish_button = (checklist.model, checklist.table, checklist.note,
                                                                 checklist.finish_button)
        self.result_title, self.preview, self.print_status, self.print_button = (
            done.result_title, done.preview, done.print_status, done.print_button)

    def _connect(self) -> None:
        start, applicant, checklist, done = self.start_page, self.applicant_page, self.checklist_page, self.done_page
        start.sig_ticket_entered.connect(self.lookup_ticket)
        start.sig_service_chosen.connect(self.choose_service)
        start.sig_draft_chosen.connect(self.resume)
        applicant.sig_touched.connect(self._applicant_touched)
        applicant.sig_submit.connect(self.submit_applicant)
        applicant.sig_back.connect(lambda: self._show_page(self.START))
        applicant.sig_use_previous.connect(self.use_previous_visit)
        applicant.sig_nik_checked.connect(self._look_for_previous)
        checklist.model.sig_changed.connect(self._checklist_changed)
        checklist.sig_save.connect(self.save_checklist)
        checklist.sig_back.connect(lambda: self._show_page(self.APPLICANT))
        checklist.sig_finish.connect(self.finish)
        done.print_button.clicked.connect(self.print_receipt)
        done.dialog_button.clicked.connect(self.print_with_dialog)
        done.next_button.clicked.connect(self.new_intake)
        self.scanner.sig_scanned.connect(self.open_scanned)

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
        ctx, actor = self._ctx, self._actor
        Op(self._tasks, lambda: ops.start_data(ctx, actor=actor)).success(self._loaded).failure(self._failed).run()

    def _loaded(self, data) -> None:
        self.services = data.services
        self.printer_spec = data.printer_spec
        index = self.receipt_size.findData(data.receipt_size)
        if index >= 0 and not getattr(self, "_size_chosen", False):
            self.receipt_size.setCurrentIndex(index)
        self.start_page.show_drafts(data.drafts)
        self.start_page.show_services(self.services)
        self.sig_loaded.emit()

    def lookup_ticket(self) -> None:
        """Find today's ticket with the typed code and link it to this intake."""
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
        self.start_page.show_ticket(ticket)

    def start_for_ticket(self, ticket) -> None:
        """Begin a new intake for the ticket called at this counter (from the queue panel)."""
        if not self._may_discard():
            return
        self._reset()
        self.set_ticket(ticket)
        self._show_page(self.START)

    def choose_service(self) -> None:
        service = self.start_page.current_service()
        if service is None:
            self._say(self.tr("No service matches the search."), "errorNote")
            return
        self.service = service
        self._show_applicant()

    def _show_applicant(self) -> None:
        self.applicant_page.show_service(self.service)
        self._say("")
        self._show_page(self.APPLICANT)

    # ----- applicant ------------------------------------------------------------------------------
    def _applicant_touched(self) -> None:
        self._applicant_dirty = True

    def applicant_input(self):
        return self.applicant_page.applicant_input()

    def _look_for_previous(self, nik: str) -> None:
        if self.visit is not None:
            return
        ctx, actor = self._ctx, self._actor
        Op(self._tasks, lambda: ops.previous_visits(ctx, actor=actor, nik=nik)).success(
            self._show_previous).failure(lambda _e: None).run()

    def _show_previous(self, visits) -> None:
        self._previous_candidates = visits
        offer = visits and self.previous_visit_id is None
        self.applicant_page.show_previous(visits[0] if offer else None)

    def use_previous_visit(self) -> None:
        visits = self._previous_candidates
        if not visits:
            return
        self.previous_visit_id = visits[0].id
        self.applicant_page.previous_used()

    def submit_applicant(self) -> None:
        """Check the applicant and save the visit (draft) with its checklist."""
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
        self.checklist_page.show_visit(visit, first=first)
        if first:
            self._checklist_dirty = False
        self._say(self.tr("Saved. Check each requirement."))
        self._show_page(self.CHECKLIST)
        self.checklist_page.go_to_first_unchecked()
        self.sig_visit_saved.emit(visit)

    def resume(self, visit_id) -> None:
        """Continue a draft left open (after a crash or a closed window)."""
        ctx, actor = self._ctx, self._actor
        Op(self._tasks, lambda: ops.get_visit(ctx, actor=actor, visit_id=visit_id)).success(
            self._resumed).failure(self._failed).run()

    def _resumed(self, visit) -> None:
        self._reset()
        self.service = next((s for s in self.services if s.annex_number == visit.service_annex_number), None)
        self.applicant_page.fill(visit.applicant)
        self.visit = None
        self._visit_saved(visit)

    # ----- checklist ------------------------------------------------------------------------------
    def _checklist_changed(self) -> None:
        self._checklist_dirty = True

    def all_present(self) -> None:
        self.checklist_page.all_present()

    def save_checklist(self) -> None:
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
        if self.visit is None:
            return
        if self.note.hasFocus():
            self.checklist_page.note_done(advance=False)
        counts = self.model.counts()
        if self.checklist_page.unchecked_first():
            self._say(self.tr("Check every requirement first: {count} not checked yet.").format(
                count=counts[None]), "errorNote")
            return
        complete = not (counts[MISSING] or counts[INVALID])
        ctx, actor, visit_id = self._ctx, self._actor, self.visit.id
        items, size = self.model.items_input(), self.receipt_size.currentData()
        self.finish_button.setEnabled(False)
        Op(self._tasks, lambda: ops.finish(ctx, actor=actor, visit_id=visit_id, items=items, complete=complete,
                                           size=size)).success(self._finished).failure(self._finish_failed).run()

    def _finish_failed(self, error: BaseException) -> None:
        self.finish_button.setEnabled(True)
        self._failed(error)

    def _finished(self, result) -> None:
        self.finish_button.setEnabled(True)
        self.finished = result
        self.visit = result.visit
        self._applicant_dirty = self._checklist_dirty = False
        self.done_page.show_result(result.visit)
        self._say("")
        self._show_page(self.DONE)
        self.sig_finished.emit(result)
        self.receipt.first_print(result.receipt)

    # ----- receipts (the flow is in receipt.py) ------------------------------------------------------
    @property
    def issued(self):
        return self.receipt.issued

    @property
    def printed(self) -> bool:
        return self.receipt.printed

    @property
    def printer_spec(self) -> str:
        return self.receipt.printer_spec

    @printer_spec.setter
    def printer_spec(self, spec: str) -> None:
        self.receipt.printer_spec = spec

    def print_receipt(self) -> None:
        """Print the receipt on this PC's printer; once it has come out, print a new copy marked SALINAN."""
        self.receipt.print_receipt()

    def print_with_dialog(self) -> None:
        """Print through Qt's print dialog (any printer the PC knows)."""
        self.receipt.print_with_dialog()

    def _run_print_dialog(self, printer) -> bool:
        return ask_for_printer(printer, self)

    # ----- scanning (scanning.py) -----------------------------------------------------------------
    def open_scanned(self, text: str) -> None:
        """A receipt code was scanned: a Tanda Terima opens its file; a return slip starts the next visit."""
        self.scans.open(text)

    def start_from_visit(self, visit) -> None:
        """A new visit for the same applicant and service, starting from an earlier incomplete one."""
        if not self._may_discard():
            return
        self._reset()
        self.service = next((s for s in self.services if s.annex_number == visit.service_annex_number), None)
        if self.service is None:
            self._say(self.tr("The service of that visit is no longer in the catalogue."), "errorNote")
            return
        self.applicant_page.fill(visit.applicant)
        self.previous_visit_id = visit.id
        self.applicant_page.continuing_from(visit)
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
        self.receipt.reset()
        self.start_page.clear()
        self.applicant_page.clear()
        self.checklist_page.clear()
        self.done_page.clear()
        self._say("")
        self._applicant_dirty = self._checklist_dirty = False

    # ----- keys -----------------------------------------------------------------------------------
    def keyPressEvent(self, event) -> None:  # noqa: N802
        if not handle_key(self, event):  # the shortcuts of each page: keys.py
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
            self._guard = CloseGuard(self)
        return self._guard

    def closeEvent(self, event) -> None:  # noqa: N802
        if self.has_unsaved_changes() and not self._confirm_discard():
            event.ignore()
            return
        self.scanner.stop()
        super().closeEvent(event)

