"""The landing areas of each role: the counter's home and the supervisor's overview."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from mpp_desk.textformat import format_date
from mpp_desk.ui.forms import error_text
from mpp_desk.ui.tasks import Op, TaskManager
from mpp_desk.ui.areas.counter import QueuePanel
from mpp_desk.ui.areas.intake import IntakeHomeCard
from mpp_desk.ui.ops import overview as ops
from mpp_desk.ui.survey.handover import HandOverBar


class CounterHome(QWidget):
    """The counter officer's home: queue, intake and file search live here."""

    def __init__(self, *, ctx, tasks: TaskManager, actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("Counter"))
        title.setObjectName("pageTitle")

        self.queue = QueuePanel(ctx=ctx, tasks=tasks, actor=actor)
        grid = QGridLayout()
        grid.addWidget(self.queue, 0, 0, 1, 2)
        grid.setRowStretch(0, 1)

        self.intake = IntakeHomeCard(ctx=ctx, tasks=tasks, actor=actor, current_ticket=lambda: self.queue.current)
        grid.addWidget(self.intake, 1, 0, 1, 2)

        self.survey_hand_over = HandOverBar(ctx=ctx, tasks=tasks, actor=actor)  # after a finished ticket
        self.survey_hand_over.attach(self.queue)
        grid.addWidget(self.survey_hand_over, 2, 0, 1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(grid, 1)


class SupervisorOverview(QWidget):
    """Figures for the head of office: catalogue, staff, coming closures, the audit chain."""

    def __init__(self, *, ctx, tasks: TaskManager, actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._tasks = tasks
        self._actor = actor
        title = QLabel(self.tr("Overview"))
        title.setObjectName("pageTitle")
        self.services = QLabel()
        self.staff = QLabel()
        self.closures = QLabel()
        self.closures.setWordWrap(True)
        self.audit = QLabel()
        self.evaluations = QLabel()
        self.evaluations.setObjectName("errorNote")
        self.evaluations.setWordWrap(True)
        self.evaluations.hide()
        for label in (self.services, self.staff):
            label.setObjectName("bigFigure")
        refresh = QPushButton(self.tr("Refresh"))
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Services in the catalogue")), 0, 0)
        grid.addWidget(self.services, 1, 0)
        grid.addWidget(QLabel(self.tr("Active staff accounts")), 0, 1)
        grid.addWidget(self.staff, 1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.evaluations)
        layout.addLayout(grid)
        layout.addWidget(QLabel(self.tr("Next days the office is closed")))
        layout.addWidget(self.closures)
        layout.addWidget(self.audit)
        row = QHBoxLayout()
        row.addWidget(refresh)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        refresh.clicked.connect(self.reload)
        self.reload()

    def reload(self) -> None:
        Op(self._tasks, lambda: ops.overview(self._ctx, actor=self._actor)).success(self._show).failure(
            lambda e: self.audit.setText(error_text(e))).run()

    def _show(self, data) -> None:
        self.evaluations.setText(self.tr("Evaluasi Kinerja: %n standard(s) not evaluated in the last 12 months; "
                                         "record the evaluation under Standards upkeep.", "", data.evaluations_due))
        self.evaluations.setVisible(data.evaluations_due > 0)
        self.services.setText(str(data.services))
        self.staff.setText(str(data.active_staff))
        self.closures.setText("\n".join(f"{format_date(d.day)} — {d.name}" for d in data.upcoming_closures)
                              or self.tr("None in the coming months."))
        self.audit.setText(
            self.tr("Audit trail intact ({count} entries).").format(count=data.audit_checked) if data.audit_ok
            else self.tr("The audit trail is broken — ask the administrator to check it."))
