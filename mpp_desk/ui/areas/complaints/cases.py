"""The cases, listed and filtered, beside the chosen one."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mpp_desk.ui.areas.complaints.case_detail import CaseDetailPanel
from mpp_desk.ui.areas.complaints.common import case_model
from mpp_desk.ui.tasks import Op, TaskManager
from mpp_desk.ui.ops import complaints as ops


class CasesPanel(QWidget):
    """The case list (open first by due date or all, searchable) beside the chosen case."""

    def __init__(self, *, ctx, tasks: TaskManager, actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx, self._tasks, self._actor = ctx, tasks, actor
        self._select: uuid.UUID | None = None
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("Open"), "open")
        self.status_filter.addItem(self.tr("Closed"), "closed")
        self.status_filter.addItem(self.tr("All"), "")
        self.mine = QCheckBox(self.tr("Assigned to me"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search number, words or LAPOR! ID…"))
        self.search.setClearButtonEnabled(True)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setObjectName("smallButton")
        self.model = case_model(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.count = QLabel()
        self.count.setObjectName("statusNote")
        self.detail = CaseDetailPanel(ctx=ctx, tasks=tasks, actor=actor)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.refresh_button)
        filters = QHBoxLayout()
        filters.addWidget(self.status_filter)
        filters.addWidget(self.mine)
        filters.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(top)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setSizes([560, 560])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(300)
        self._search_timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.status_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.mine.toggled.connect(lambda _c: self.reload())
        self.refresh_button.clicked.connect(lambda: self.reload())
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.detail.sig_changed.connect(lambda d: self.reload(select=d.id))

    def set_lists(self, officers, channels) -> None:
        self.detail.officers = tuple(officers)
        self.detail.channels = tuple(channels)

    def reload(self, select: uuid.UUID | None = None) -> None:
        if select is not None:
            self._select = select
        status, search, mine = self.status_filter.currentData(), self.search.text(), self.mine.isChecked()
        ctx, actor = self._ctx, self._actor
        Op(self._tasks, lambda: ops.list_cases(ctx, actor=actor, status=status, search=search, mine=mine)).success(
            self._listed).failure(self.detail._failed).run()

    def _listed(self, rows) -> None:
        self.model.set_rows(rows)
        self.count.setText(self.tr("%n case(s)", "", len(rows)))
        target = self._select if self._select is not None else (self.detail.detail.id if self.detail.detail else None)
        for index, row in enumerate(rows):
            if row.id == target:
                self.table.selectRow(index)
                break

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        self.open_case(self.model.row_object(current.row()).id)

    def open_case(self, case_id: uuid.UUID) -> None:
        self._select = case_id
        ctx, actor = self._ctx, self._actor
        Op(self._tasks, lambda: ops.get_case(ctx, actor=actor, case_id=case_id)).success(self.detail.show_case).failure(
            self.detail._failed).run()
