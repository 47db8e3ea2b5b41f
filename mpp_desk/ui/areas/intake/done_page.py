"""Intake page 4: the result (registered, or returned with a slip) beside the receipt as it prints."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from mpp_desk.ui.areas.intake.common import INVALID, MISSING, PREVIEW_WIDTH, repolish
from mpp_desk.ui.receipt_print import ReceiptPreview
from mpp_desk.intake.receipts import visit_reference
from mpp_desk.textformat import format_date


class DonePage(QWidget):
    """What became of the file, the receipt's preview, and the print buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
        layout = QHBoxLayout(self)
        layout.addLayout(side, 1)
        layout.addWidget(self.preview, 0)

    def show_result(self, visit) -> None:
        """Registered (its number and due date) or not complete (the visit's reference and what is missing)."""
        if visit.application is not None:
            app = visit.application
            self.result_title.setObjectName("okNote")
            self.result_title.setText(self.tr("Registered: {number}").format(number=app.registration_number))
            self.result_number.setText(app.registration_number)
            due = format_date(app.due_date)
            if app.due_estimated:
                due = self.tr("{date} (estimate: the cuti bersama of {year} are not decreed yet, the date may "
                              "move)").format(date=due, year=app.due_date.year)
            self.result_detail.setText(self.tr("Complete and correct. To be finished by {due} ({days} working days). "
                                               "Give the applicant the Tanda Terima.").format(
                due=due, days=visit.completion_working_days))
        else:
            missing = sum(1 for i in visit.items if i.state in (MISSING, INVALID))
            self.result_title.setObjectName("errorNote")
            self.result_title.setText(self.tr("Not complete: nothing was registered"))
            self.result_number.setText(visit_reference(visit.id))
            self.result_detail.setText(self.tr("{count} requirement(s) missing or not valid. Give the applicant the "
                                               "return slip; the visit is kept and the next visit can start from "
                                               "it.").format(count=missing))
        repolish(self.result_title)

    def show_printed(self, printed: bool) -> None:
        self.print_button.setText(self.tr("Print again as SALINAN (Ctrl+P)") if printed
                                  else self.tr("Print (Ctrl+P)"))

    def say(self, text: str, kind: str | None = None) -> None:
        """The print status line; *kind* (okNote, errorNote) changes its colour, None keeps it."""
        if kind is not None:
            self.print_status.setObjectName(kind)
            repolish(self.print_status)
        self.print_status.setText(text)

    def clear(self) -> None:
        self.preview.clear()
        self.print_status.clear()
