"""The audit trail: the newest entries and a check of the hash chain."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mpp_desk.officetime import dmy_hm
from mpp_desk.ui.forms import error_text
from mpp_desk.ui.table_model import RowTableModel
from mpp_desk.ui.tasks import Op, TaskManager
from mpp_desk.ui.ops import admin as ops


class AuditArea(QWidget):
    """Who did what, when, on which PC; and whether the chain is intact."""

    def __init__(self, *, ctx, tasks: TaskManager, actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._tasks = tasks
        self._actor = actor
        title = QLabel(self.tr("Audit trail"))
        title.setObjectName("pageTitle")
        self.model = RowTableModel([
            (self.tr("Time"), lambda e: dmy_hm(e.at, seconds=True)),
            (self.tr("User"), lambda e: e.actor_username),
            (self.tr("Action"), lambda e: e.action),
            (self.tr("What"), lambda e: e.summary),
            (self.tr("PC"), lambda e: e.device_id[:8]),
        ], self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.verify_button = QPushButton(self.tr("Check the chain"))
        self.result = QLabel()
        self.result.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.verify_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.result)
        self.refresh_button.clicked.connect(self.reload)
        self.verify_button.clicked.connect(self.verify)
        self.reload()

    def reload(self) -> None:
        Op(self._tasks, lambda: ops.audit_entries(self._ctx, actor=self._actor)).success(self.model.set_rows).failure(
            self._failed).run()

    def verify(self) -> None:
        Op(self._tasks, lambda: ops.verify_audit(self._ctx, actor=self._actor)).success(self._verified).failure(
            self._failed).run()

    def _verified(self, result) -> None:
        if result.ok:
            self.result.setObjectName("okNote")
            self.result.setText(self.tr("The chain is intact: {count} entries checked.").format(count=result.checked))
        else:
            self.result.setObjectName("errorNote")
            self.result.setText(self.tr("The chain is broken at entry {seq}: {reason}").format(
                seq=result.first_broken_seq, reason=result.reason_text()))
        self.result.setStyleSheet("")

    def _failed(self, error: BaseException) -> None:
        self.result.setObjectName("errorNote")
        self.result.setStyleSheet("")
        self.result.setText(error_text(error))
