"""The standards' upkeep beside the catalogue: Lampiran IV procedures and the yearly evaluation (Evaluasi Kinerja)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from mpp_desk.ui.areas.evaluations_tab import EvaluationsTab
from mpp_desk.ui.areas.procedures_tab import ProceduresTab
from mpp_desk.ui.tasks import TaskManager


class StandardsArea(QWidget):
    """Two tabs: the evaluations (with the due warning, first so it is seen) and the procedure classifications."""

    def __init__(self, *, ctx, tasks: TaskManager, actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("Standards: evaluation and procedures"))
        title.setObjectName("pageTitle")
        self.evaluations = EvaluationsTab(ctx=ctx, tasks=tasks, actor=actor)
        self.procedures = ProceduresTab(ctx=ctx, tasks=tasks, actor=actor)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.evaluations, self.tr("Performance evaluation"))
        self.tabs.addTab(self.procedures, self.tr("Procedures (Lampiran IV)"))
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.tabs, 1)

    def reload(self) -> None:
        self.evaluations.reload()
        self.procedures.reload()
