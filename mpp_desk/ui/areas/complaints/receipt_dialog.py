"""A complaint's receipt as printed, and printing it again."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QScrollArea, QTabWidget, QVBoxLayout, QWidget

from mpp_desk.ui.areas.complaints.common import set_note
from mpp_desk.ui.forms import error_text, fit_to_screen
from mpp_desk.ui.tasks import Op, TaskManager
from mpp_desk.printing.receipt_printer import NEEDS_QT, NOT_CONFIGURED, failure_text
from mpp_desk.ui.ops import complaints as ops
from mpp_desk.ui.receipt_print import CANCELLED, PRINTED, ask_for_printer, print_with_qt


class ReceiptDialog(QDialog):
    """The receipt as it was printed (A4 and 80 mm), with printing through the system's printers."""

    def __init__(self, *, ctx, tasks: TaskManager, actor, case_id: uuid.UUID, preview,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx, self._tasks, self._actor = ctx, tasks, actor
        self.case_id = case_id
        self.preview = preview
        self.setWindowTitle(self.tr("Receipt {number}").format(number=preview.case_number))
        self.tabs = QTabWidget()
        self.pages: dict[str, QLabel] = {}
        for paper, title in (("a4", self.tr("A4")), ("80mm", self.tr("80 mm roll"))):
            label = QLabel()
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            images = preview.images.get(paper) or []
            if images:
                pixmap = QPixmap()
                pixmap.loadFromData(images[0], "PNG")  # pyright: ignore[reportCallIssue, reportArgumentType]  # PySide6 stub: format is a const char*, str works
                label.setPixmap(pixmap)
            scroll = QScrollArea()
            scroll.setWidget(label)
            scroll.setWidgetResizable(True)
            self.tabs.addTab(scroll, title)
            self.pages[paper] = label
        note = QLabel(self.tr("This print is a copy (SALINAN).") if preview.copy else
                      self.tr("First print of this receipt."))
        note.setObjectName("statusNote")
        self.kept = QLabel(self.tr("Kept as {path}").format(path=preview.paths.get("a4", "")))
        self.kept.setObjectName("statusNote")
        self.kept.setWordWrap(True)
        self.message = QLabel()
        self.message.hide()
        self.print_button = QPushButton(self.tr("Print…"))
        close = QPushButton(self.tr("Close"))
        close.setObjectName("smallButton")
        buttons = QHBoxLayout()
        buttons.addWidget(note)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.kept)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.print_button.clicked.connect(self.print_receipt)
        close.clicked.connect(self.accept)
        fit_to_screen(self, 760, 680)  # the page scrolls; the dialog fits a 1366×768 screen

    def current_paper(self) -> str:
        return ("a4", "80mm")[self.tabs.currentIndex()]

    def print_receipt(self) -> None:
        """To this PC's receipt printer (ESC/POS on a thermal one, the kept PDF otherwise), or through Qt's dialog."""
        ctx, actor, case_id = self._ctx, self._actor, self.case_id
        path = self.preview.paths[self.current_paper()]
        self.print_button.setEnabled(False)
        Op(self._tasks, lambda: ops.print_receipt(ctx, actor=actor, case_id=case_id, pdf_path=path)).success(
            self._print_done).failure(self._print_error).run()

    def _print_error(self, error: BaseException) -> None:
        self.print_button.setEnabled(True)
        set_note(self.message, error_text(error), "errorNote")

    def _print_done(self, outcome) -> None:
        self.print_button.setEnabled(True)
        result = outcome.result
        if result.ok:
            set_note(self.message, self.tr("Sent to {printer}.").format(printer=result.where), "okNote")
        elif result.reason in (NEEDS_QT, NOT_CONFIGURED):
            self._print_with_qt(outcome.pdf, named=outcome.spec.partition(":")[2] if result.reason == NEEDS_QT else None)
        else:
            set_note(self.message, self.tr("{problem} The case is saved and the PDF copy is kept: fix the printer and "
                                           "print again.").format(problem=failure_text(result)), "errorNote")

    def _run_print_dialog(self, printer) -> bool:
        return ask_for_printer(printer, self)

    def _print_with_qt(self, pdf: bytes, *, named: str | None) -> None:
        outcome, _where = print_with_qt(pdf, named=named, ask=self._run_print_dialog)
        if outcome == PRINTED:
            set_note(self.message, self.tr("Sent to the printer."), "okNote")
        elif outcome != CANCELLED:
            set_note(self.message, self.tr("The printer could not be started."), "errorNote")
