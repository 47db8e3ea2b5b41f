"""The counter's hand-over: after finishing a ticket, one touch opens the survey tablet for that service."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from mpp_desk.ui.tasks import Op, TaskManager
from mpp_desk.ui.forms import error_text
from mpp_desk.ui.ops import survey as ops


class HandOverBar(QFrame):
    """Shown under the queue panel once a ticket is finished: "Hand the survey tablet over" for that ticket."""

    sig_handed_over = Signal(object)
    """The survey screen will open for this ServiceRef."""

    def __init__(self, *, ctx, tasks: TaskManager, actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("counterInline")
        self._ctx, self._tasks, self._actor = ctx, tasks, actor
        self.ticket = None
        self.counter_number: int | None = None
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.button = QPushButton(self.tr("Hand over the survey tablet"))
        self.button.clicked.connect(self.hand_over)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.label, 1)
        row.addWidget(self.button)
        self.hide()

    def attach(self, panel) -> None:
        """Follow a QueuePanel: offer the hand-over after each finished ticket, hide on any other action."""
        panel.sig_action_done.connect(lambda action, ticket: self.offer(
            ticket if action == "finish" else None, getattr(panel, "counter_number", None)))

    def offer(self, ticket, counter_number: int | None) -> None:
        self.ticket, self.counter_number = ticket, counter_number
        if ticket is None:
            self.hide()
            return
        self.label.setObjectName("statusNote")
        self.label.setText(self.tr("{code} finished. Ask the applicant to fill the satisfaction survey.").format(
            code=ticket.code))
        self.button.setEnabled(True)
        self.show()

    def hand_over(self) -> None:
        if self.ticket is None:
            return

        ctx, actor, ticket, number = self._ctx, self._actor, self.ticket, self.counter_number
        self.button.setEnabled(False)
        Op(self._tasks, lambda: ops.hand_over(ctx, actor=actor, ticket_id=ticket.id, counter_number=number,
                                              served=ticket)).success(
            self._done).failure(self._failed).run()

    def _done(self, ref) -> None:
        self._note(self.tr("The survey tablet opens for: {service}").format(
            service=ref.title or self.tr("services of the MPP in general")), "okNote")
        self.sig_handed_over.emit(ref)

    def _failed(self, error: BaseException) -> None:
        self._note(error_text(error), "errorNote")

    def _note(self, text: str, kind: str) -> None:
        self.label.setObjectName(kind)
        self.label.style().unpolish(self.label)
        self.label.style().polish(self.label)
        self.label.setText(text)
