"""The intake corner of the counter's home."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from mpp_desk.ui.areas.intake.common import find_shell, repolish
from mpp_desk.ui.forms import error_text
from mpp_desk.ui.tasks import Op, TaskManager
from mpp_desk.ui.ops import intake as ops


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
        self.find_button = QPushButton(self.tr("Find a file / due today"))
        buttons = QHBoxLayout()
        for button in (self.from_ticket, self.walk_in, self.find_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.figures)
        layout.addLayout(buttons)
        layout.addWidget(self.note)
        self.from_ticket.clicked.connect(self.start_from_ticket)
        self.walk_in.clicked.connect(lambda: self._open("intake", lambda area: area.start_for_ticket(None)))
        self.find_button.clicked.connect(lambda: self._open("files", lambda area: area.show_due()))

    def reload(self) -> None:
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
