"""Personal data due for erasure (UU 27/2022): the supervisor's list, and the administrator's purge.

The list names records by their number (registration or case number, or the service's KBLI for a visit
without a file), never by a person. The purge is always checked first with a dry run; its counts are
shown in the confirmation before anything is erased.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mpp_desk.officetime import dmy
from mpp_desk.ui.forms import error_text
from mpp_desk.ui.table_model import RowTableModel, list_table
from mpp_desk.ui.tasks import Op, TaskManager
from mpp_desk.ui.ops import retention as ops

KINDS = ("intake_file", "intake_visit", "complaint")


class RetentionArea(QWidget):
    """Counts per kind, the office's periods, the records due; for the administrator: dry run, then the purge."""

    def __init__(self, *, ctx, tasks: TaskManager, actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._tasks = tasks
        self._actor = actor
        self.confirm = self._ask  # replaced in tests
        self.overview = None
        self.last_report = None
        self.loaded = 0
        title = QLabel(self.tr("Personal data due for erasure"))
        title.setObjectName("pageTitle")
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.purge_button = QPushButton(self.tr("Erase personal data past retention…"))
        self.purge_button.setObjectName("dangerButton")
        self.purge_button.setVisible(False)
        self.purge_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.purge_button)
        buttons.addStretch(1)
        self.policy_note = QLabel()
        self.policy_note.setObjectName("statusNote")
        self.policy_note.setWordWrap(True)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.model = RowTableModel([
            (self.tr("Kind"), lambda i: self.kind_text(i.kind)),
            (self.tr("Number"), lambda i: i.reference),
            (self.tr("Counted from"), lambda i: dmy(i.since)),
            (self.tr("Period ended"), lambda i: dmy(i.expired_on)),
        ], self)
        self.table = list_table(self.model, single_selection=False)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.policy_note)
        layout.addLayout(self._build_figures())
        layout.addLayout(buttons)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        self.refresh_button.clicked.connect(self.reload)
        self.purge_button.clicked.connect(self.start_purge)
        self.reload()

    def _build_figures(self) -> QGridLayout:
        self.figures: dict[str, QLabel] = {}
        grid = QGridLayout()
        for column, kind in enumerate(KINDS):
            card = QFrame()
            card.setObjectName("card")
            box = QVBoxLayout(card)
            box.setContentsMargins(8, 4, 8, 4)
            caption = QLabel(self.kind_text(kind))
            caption.setObjectName("statusNote")
            caption.setWordWrap(True)
            figure = QLabel("—")
            figure.setObjectName("statsFigure")
            box.addWidget(caption)
            box.addWidget(figure)
            grid.addWidget(card, 0, column)
            grid.setColumnStretch(column, 1)
            self.figures[kind] = figure
        return grid

    def kind_text(self, kind: str) -> str:
        return {
            "intake_file": self.tr("Handed-over or rejected files"),
            "intake_visit": self.tr("Incomplete or cancelled visits"),
            "complaint": self.tr("Closed complaints"),
        }.get(kind, kind)

    # ----- loading -----------------------------------------------------------------------------
    def reload(self) -> None:
        ctx, actor = self._ctx, self._actor
        self.refresh_button.setEnabled(False)
        self.purge_button.setEnabled(False)
        Op(self._tasks, lambda: ops.due(ctx, actor=actor)).success(self._loaded).failure(self._failed).run()

    def _loaded(self, overview) -> None:
        self.loaded += 1
        self.overview = overview
        self.refresh_button.setEnabled(True)
        pol = overview.policy
        self.policy_note.setText(self.tr(
            "Kept for: files {files} year(s) after hand-over or rejection, visits {visits} year(s), closed "
            "complaints {complaints} year(s) (Settings). Erasing empties the NIK, names, phone, e-mail, address and "
            "free texts and deletes receipts and attachments; numbers, dates, services and outcomes stay, so the "
            "statistics do not change.").format(files=pol.intake_years, visits=pol.visit_years,
                                                complaints=pol.complaint_years))
        for kind, figure in self.figures.items():
            figure.setText(str(overview.counts.get(kind, 0)))
        self.model.set_rows(list(overview.items))
        total = len(overview.items)
        if self.last_report is None:
            self._set_note("", self.tr("{count} record(s) due for erasure as of {day}.").format(
                count=total, day=dmy(overview.today)) if total else self.tr("Nothing is due for erasure."))
        self.purge_button.setVisible(overview.can_purge)
        self.purge_button.setEnabled(overview.can_purge and total > 0)

    def _failed(self, error: BaseException) -> None:
        self.loaded += 1
        self.refresh_button.setEnabled(True)
        self.purge_button.setEnabled(bool(self.overview and self.overview.can_purge and self.overview.items))
        self._set_note("errorNote", error_text(error))

    def _set_note(self, name: str, text: str) -> None:
        self.note.setObjectName(name)
        self.note.setStyleSheet("")
        self.note.setText(text)

    # ----- the purge: dry run, confirmation with its counts, then the purge --------------------
    def start_purge(self) -> None:
        ctx, actor = self._ctx, self._actor
        self.purge_button.setEnabled(False)
        self.last_report = None
        self._set_note("", self.tr("Checking what would be erased (dry run)…"))
        Op(self._tasks, lambda: ops.purge(ctx, actor=actor, dry_run=True)).success(self._dry_run_done).failure(
            self._failed).run()

    def _dry_run_done(self, report) -> None:
        if not sum(report.counts.values()):
            self._set_note("", self.tr("Nothing is due for erasure."))
            self.reload()
            return
        if not self.confirm(report.counts):
            self._set_note("", self.tr("Nothing was erased."))
            self.purge_button.setEnabled(True)
            return

        ctx, actor = self._ctx, self._actor
        self._set_note("", self.tr("Erasing…"))
        Op(self._tasks, lambda: ops.purge(ctx, actor=actor, dry_run=False)).success(self._purged).failure(
            self._failed).run()

    def _purged(self, report) -> None:
        self.last_report = report
        self._set_note("okNote", self.tr(
            "{count} record(s) anonymised; {erased} receipt(s) and attachment(s) erased. The statistics are "
            "kept; the change reaches the server with the next sync.").format(
                count=sum(report.counts.values()), erased=report.tombstones))
        self.reload()

    def counts_text(self, counts: dict) -> str:
        return "\n".join(f"• {self.kind_text(kind)}: {counts.get(kind, 0)}" for kind in KINDS)

    def _ask(self, counts: dict) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Erase personal data"),
            self.tr("The dry run found these records past their retention period:\n{counts}\n\nErase their personal "
                    "data now? This cannot be undone (only from a backup).").format(counts=self.counts_text(counts)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes
