"""The supervisor's sync area: the server's conflicts (both versions side by side, resolved here),
the devices, and the breaks the server found in the PCs' audit trails.

Everything comes from the office's server through ops on the network lane; nothing here waits
on the network on the UI thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
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
from mpp_desk.ui.ops import sync as ops

if TYPE_CHECKING:
    from mpp_desk.sync.schemas import Keep

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
        self.confirm_resolution = self._ask_resolution  # replaced in tests
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

        self.may_resolve = False
        conflicts_page = self._build_conflicts_page()
        devices_page = self._build_devices_page()
        self.alerts_model = RowTableModel([
            (self.tr("Time"), lambda a: _when(a.created_at)),
            (self.tr("Device"), lambda a: a.device),
            (self.tr("Entry"), lambda a: "—" if a.seq is None else str(a.seq)),
            (self.tr("What the server found"), lambda a: a.detail),
        ], self)
        self.alerts_table = list_table(self.alerts_model)

        self.tabs = QTabWidget()
        self.tabs.addTab(conflicts_page, self.tr("Conflicts"))
        self.tabs.addTab(devices_page, self.tr("Devices"))
        self.tabs.addTab(self.alerts_table, self.tr("Audit alerts"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.note)
        layout.addWidget(self.tabs, 1)

        self.refresh_button.clicked.connect(self.reload)
        self.conflicts_table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._show_conflict(cur.row()))
        self.devices_table.selectionModel().currentRowChanged.connect(lambda _cur, _prev: self._device_chosen())
        self.revoke_button.clicked.connect(self.revoke_chosen)
        self.keep_server_button.clicked.connect(lambda: self.resolve_chosen("server"))
        self.take_device_button.clicked.connect(lambda: self.resolve_chosen("device"))
        self.take_fields_button.clicked.connect(lambda: self.resolve_chosen("fields"))
        self.versions.itemChanged.connect(lambda _item: self._resolution_buttons())
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
        right_layout.addLayout(self._build_resolution_row())
        split = QSplitter()
        split.addWidget(self.conflicts_table)
        split.addWidget(right)
        split.setSizes([420, 600])
        page = QWidget()
        QVBoxLayout(page).addWidget(split)
        return page


    def _build_resolution_row(self) -> QHBoxLayout:
        """Keep the server's version, take the PC's, or take the ticked fields from the PC."""
        self.keep_server_button = QPushButton(self.tr("Keep the server's version"))
        self.take_device_button = QPushButton(self.tr("Take the PC's version"))
        self.take_fields_button = QPushButton(self.tr("Take the ticked fields from the PC"))
        self.resolve_note = QLabel()
        self.resolve_note.setWordWrap(True)
        row = QHBoxLayout()
        for button in (self.keep_server_button, self.take_device_button, self.take_fields_button):
            button.setEnabled(False)
            row.addWidget(button)
        row.addWidget(self.resolve_note, 1)
        return row

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
        self.may_resolve = found.may_resolve
        self.conflicts_model.set_rows(found.conflicts)
        self.devices_model.set_rows(found.devices)
        self.alerts_model.set_rows(found.alerts)
        self.tabs.setTabText(0, self.tr("Conflicts ({count})").format(count=len(found.conflicts)))
        self.tabs.setTabText(2, self.tr("Audit alerts ({count})").format(count=len(found.alerts)))
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
        self._resolution_buttons()

    # ----- conflicts ---------------------------------------------------------------------------
    def _show_conflict(self, row: int) -> None:
        self.versions.blockSignals(True)
        try:
            self._fill_versions(row)
        finally:
            self.versions.blockSignals(False)
        self._resolution_buttons()

    def _fill_versions(self, row: int) -> None:
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
                    if j == 0 and self.may_resolve:  # tick to take this field from the PC
                        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                        item.setCheckState(Qt.CheckState.Unchecked)
                self.versions.setItem(i, j, item)
        self.versions.resizeRowsToContents()

    def chosen_conflict(self):
        row = self.conflicts_table.currentIndex().row()
        if row < 0 or row >= self.conflicts_model.rowCount():
            return None
        return self.conflicts_model.row_object(row)

    def ticked_fields(self) -> tuple[str, ...]:
        out = []
        for i in range(self.versions.rowCount()):
            item = self.versions.item(i, 0)
            if item is not None and item.flags() & Qt.ItemFlag.ItemIsUserCheckable \
                    and item.checkState() == Qt.CheckState.Checked:
                out.append(item.text())
        return tuple(out)

    def _resolution_buttons(self) -> None:
        chosen = self.chosen_conflict() is not None and self.may_resolve
        self.keep_server_button.setEnabled(chosen)
        self.take_device_button.setEnabled(chosen)
        self.take_fields_button.setEnabled(chosen and bool(self.ticked_fields()))
        if not self.may_resolve and self.conflicts_model.rowCount():
            self.resolve_note.setText(self.tr("Only a supervisor, who sees both versions in full, resolves conflicts."))
        else:
            self.resolve_note.setText("")

    def _ask_resolution(self, text: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Resolve conflict"), text)
        return answer == QMessageBox.StandardButton.Yes

    def resolve_chosen(self, keep: Keep) -> None:
        c = self.chosen_conflict()
        fields = self.ticked_fields() if keep == "fields" else ()
        if c is None or not self.may_resolve or (keep == "fields" and not fields):
            return
        question = {
            "server": self.tr("Keep the server's version of {entity}? The PC's change is set aside for good."),
            "device": self.tr("Take the PC's version of {entity}? It replaces the server's on every PC."),
            "fields": self.tr("Take {fields} from the PC for {entity}? The other fields keep the server's values."),
        }[keep].format(entity=c.entity, fields=", ".join(fields))
        if not self.confirm_resolution(question):
            return
        for button in (self.keep_server_button, self.take_device_button, self.take_fields_button):
            button.setEnabled(False)
        Op(self._tasks, lambda: ops.resolve(self._ctx, actor=self._actor, conflict_id=c.id, keep=keep, fields=fields),
           lane=NETWORK).success(lambda _r: self.reload()).failure(self._failed).run()

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
