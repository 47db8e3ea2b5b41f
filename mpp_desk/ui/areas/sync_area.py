"""The supervisor's sync area: the server's conflicts (both versions side by side) and the devices.

Everything comes from the office's server through ops on the network lane; nothing here waits
on the network on the UI thread.
"""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mpp_desk import officetime
from mpp_desk.roles import role_label
from mpp_desk.ui.forms import error_text
from mpp_desk.ui.table_model import RowTableModel, list_table
from mpp_desk.ui.tasks import Op, TaskManager

NETWORK = "network"


def _when(moment) -> str:
    if moment is None:
        return "—"
    return f"{officetime.dmy(moment)} {officetime.pukul(moment)}"


class SyncArea(QWidget):
    """Two tabs: the open conflicts, and the devices with their last sight and waiting changes."""

    def __init__(self, *, ctx, tasks: TaskManager, actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._tasks = tasks
        self._actor = actor
        self.confirm = self._ask  # replaced in tests
        self.loaded = 0
        title = QLabel(self.tr("Sync: conflicts and devices"))
        title.setObjectName("pageTitle")
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.note = QLabel()
        self.note.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.refresh_button)

        conflicts_page = self._build_conflicts_page()
        devices_page = self._build_devices_page()

        self.tabs = QTabWidget()
        self.tabs.addTab(conflicts_page, self.tr("Conflicts"))
        self.tabs.addTab(devices_page, self.tr("Devices"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.note)
        layout.addWidget(self.tabs, 1)

        self.refresh_button.clicked.connect(self.reload)
        self.conflicts_table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._show_conflict(cur.row()))
        self.devices_table.selectionModel().currentRowChanged.connect(lambda _cur, _prev: self._device_chosen())
        self.revoke_button.clicked.connect(self.revoke_chosen)
        self.reload()

    def _build_conflicts_page(self) -> QWidget:
        """The open conflicts, and the chosen one's two versions side by side."""
        self.conflicts_model = RowTableModel([
            (self.tr("Time"), lambda c: _when(c.created_at)),
            (self.tr("Record"), lambda c: c.entity),
            (self.tr("From"), lambda c: c.device),
            (self.tr("Why"), lambda c: c.reason),
        ], self)
        self.conflicts_table = list_table(self.conflicts_model)
        self.versions = QTableWidget(0, 3)
        self.versions.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Version sent by the PC"),
                                                 self.tr("Version on the server")])
        self.versions.verticalHeader().hide()
        header = self.versions.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # the two versions side by side, equal
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.versions.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.versions.setWordWrap(True)
        self.versions_note = QLabel()
        self.versions_note.setWordWrap(True)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.versions_note)
        right_layout.addWidget(self.versions, 1)
        split = QSplitter()
        split.addWidget(self.conflicts_table)
        split.addWidget(right)
        split.setSizes([420, 600])
        page = QWidget()
        QVBoxLayout(page).addWidget(split)
        return page


    def _build_devices_page(self) -> QWidget:
        """The devices with their last sight and waiting changes, and the revoke button."""
        self.devices_model = RowTableModel([
            (self.tr("Device"), lambda d: d.name + (self.tr(" (this PC)") if d.this_pc else "")),
            (self.tr("Role"), lambda d: self.role_text(d.role)),
            (self.tr("Last seen"), lambda d: _when(d.last_seen_at)),
            (self.tr("Changes waiting"), lambda d: "—" if d.pending is None else str(d.pending)),
            (self.tr("State"), self._device_state),
        ], self)
        self.devices_table = list_table(self.devices_model)
        self.revoke_button = QPushButton(self.tr("Revoke device…"))
        self.revoke_button.setEnabled(False)
        page = QWidget()
        devices_layout = QVBoxLayout(page)
        devices_layout.addWidget(self.devices_table, 1)
        row = QHBoxLayout()
        row.addWidget(self.revoke_button)
        row.addStretch(1)
        devices_layout.addLayout(row)

        return page

    def _device_state(self, d) -> str:
        if d.revoked:
            return self.tr("revoked")
        if not d.enrolled:
            return self.tr("waiting for its enrolment code")
        return self.tr("active")

    # ----- loading -----------------------------------------------------------------------------
    def reload(self) -> None:
        from mpp_desk.ui.ops import sync as ops

        self.refresh_button.setEnabled(False)
        self.note.setObjectName("")
        self.note.setText(self.tr("Asking the server…"))
        Op(self._tasks, lambda: ops.oversight(self._ctx, actor=self._actor), lane=NETWORK).success(
            self._loaded).failure(self._failed).run()

    def _loaded(self, found) -> None:
        self.loaded += 1
        self.refresh_button.setEnabled(True)
        if not found.joined:
            self.note.setText(self.tr("This PC has not joined the office's server; there is nothing to show. "
                                      "See the README, \"Joining a PC\"."))
        else:
            self.note.setText(self.tr("{conflicts} open conflict(s), {devices} device(s).").format(
                conflicts=len(found.conflicts), devices=len(found.devices)))
        self.conflicts_model.set_rows(found.conflicts)
        self.devices_model.set_rows(found.devices)
        self.tabs.setTabText(0, self.tr("Conflicts ({count})").format(count=len(found.conflicts)))
        if found.conflicts:
            self.conflicts_table.selectRow(0)
            self._show_conflict(0)
        else:
            self._show_conflict(-1)
        self._device_chosen()

    def _failed(self, error: BaseException) -> None:
        self.loaded += 1
        self.refresh_button.setEnabled(True)
        self.note.setObjectName("errorNote")
        self.note.setText(error_text(error))
        self.note.setStyleSheet("")

    # ----- conflicts ---------------------------------------------------------------------------
    def _show_conflict(self, row: int) -> None:
        self.versions.setRowCount(0)
        if row < 0 or row >= self.conflicts_model.rowCount():
            self.versions_note.setText(self.tr("No conflict chosen."))
            return
        c = self.conflicts_model.row_object(row)
        self.versions_note.setText(self.tr(
            "{entity} {id}: the PC changed version {base}, the server holds version {server}. Fields that differ "
            "are marked.").format(entity=c.entity, id=c.entity_id[:8], base=c.base_version if c.base_version is not None
                                  else "—", server=c.server_version if c.server_version is not None else "—"))
        self.versions.setRowCount(len(c.rows))
        mark = QBrush(QColor("#fff1c2"))
        for i, (column, mine, theirs) in enumerate(c.rows):
            for j, text in enumerate((column, mine, theirs)):
                item = QTableWidgetItem(text)
                if column in c.differing:
                    item.setBackground(mark)
                self.versions.setItem(i, j, item)
        self.versions.resizeRowsToContents()

    # ----- devices -----------------------------------------------------------------------------
    def chosen_device(self):
        row = self.devices_table.currentIndex().row()
        if row < 0 or row >= self.devices_model.rowCount():
            return None
        return self.devices_model.row_object(row)

    def _device_chosen(self) -> None:
        d = self.chosen_device()
        self.revoke_button.setEnabled(d is not None and not d.revoked and not d.this_pc)

    def _ask(self, name: str) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Revoke device"),
            self.tr("Revoke {name}? It can no longer send or receive changes until it is enrolled again.").format(
                name=name))
        return answer == QMessageBox.StandardButton.Yes

    def revoke_chosen(self) -> None:
        from mpp_desk.ui.ops import sync as ops

        d = self.chosen_device()
        if d is None or d.revoked or d.this_pc or not self.confirm(d.name):
            return
        self.revoke_button.setEnabled(False)
        Op(self._tasks, lambda: ops.revoke(self._ctx, actor=self._actor, device_id=d.id, name=d.name),
           lane=NETWORK).success(lambda _r: self.reload()).failure(self._failed).run()

    @staticmethod
    def role_text(role: str) -> str:
        try:
            return role_label(role)
        except ValueError:
            return role
