"""The complaint desk: record a complaint or suggestion with the rules shown as the officer types,
follow each case through its steps on a timeline, and print the receipt.

The package: ``capture`` (the form) with ``outcome_card`` (what the rules make of it), ``cases`` and
``case_detail`` (the follow-up), ``step_dialog`` and ``receipt_dialog``, ``common`` (shared helpers).
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from mpp_desk.ui.areas.complaints.capture import CapturePanel
from mpp_desk.ui.areas.complaints.cases import CasesPanel
from mpp_desk.ui.tasks import TaskManager


class ComplaintsArea(QWidget):
    """The complaint desk's area: a new case, and the cases with their follow-up."""

    def __init__(self, *, ctx, tasks: TaskManager, actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("Complaints, suggestions and feedback"))
        title.setObjectName("pageTitle")
        self.tabs = QTabWidget()
        self.capture = CapturePanel(ctx=ctx, tasks=tasks, actor=actor)
        self.cases = CasesPanel(ctx=ctx, tasks=tasks, actor=actor)
        self.tabs.addTab(self.capture, self.tr("New case"))
        self.tabs.addTab(self.cases, self.tr("Cases"))
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.tabs, 1)
        self.capture.sig_saved.connect(lambda d: self.cases.reload(select=d.id))
        self.capture.open_button.clicked.connect(self._open_saved)
        self.capture.receipt_button.clicked.connect(self._receipt_for_saved)
        self.capture.sig_ready.connect(lambda setup: self.cases.set_lists(setup.officers, setup.channels))
        self.cases.reload()

    def _open_saved(self) -> None:
        saved = self.capture.last_saved
        if saved is not None:
            self.tabs.setCurrentWidget(self.cases)
            self.cases.open_case(saved.id)

    def _receipt_for_saved(self) -> None:
        saved = self.capture.last_saved
        if saved is None:
            return
        self.cases.detail.detail = saved
        self.cases.detail.receipt()
