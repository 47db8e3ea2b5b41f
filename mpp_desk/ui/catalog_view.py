"""The catalogue window: every service standard with its requirements (issue 1's main window)."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from mpp_desk.ui.tasks import Op, TaskManager


class CatalogTableModel(QAbstractTableModel):
    """Read-only table over immutable catalogue entries (fed by the executor, never queries)."""

    COLUMNS = ("annex_number", "kbli", "title", "risk_level", "product_type", "completion_working_days")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._entries: list[Any] = []

    def headers(self) -> list[str]:
        return [
            self.tr("No."),
            self.tr("KBLI"),
            self.tr("Service"),
            self.tr("Risk"),
            self.tr("Product"),
            self.tr("Working days"),
        ]

    def set_entries(self, entries: Sequence[Any]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def entry(self, row: int) -> Any:
        return self._entries[row]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._entries)):
            return None
        entry = self._entries[index.row()]
        key = self.COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = getattr(entry, key)
            return str(value) if value is not None else ""
        if role == Qt.ItemDataRole.UserRole:
            return getattr(entry, key)
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("annex_number", "completion_working_days"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if 0 <= section < len(self.COLUMNS):
                return self.headers()[section]
        return None


class CatalogFilter(QSortFilterProxyModel):
    """Matches the search text against the service title and KBLI code."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._words: list[str] = []

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self._words = text.casefold().split()
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:  # noqa: N802
        if not self._words:
            return True
        entry = self.sourceModel().entry(source_row)
        haystack = f"{entry.title} {entry.kbli} {entry.annex_number}".casefold()
        return all(word in haystack for word in self._words)


class CatalogWindow(QMainWindow):
    """Lists the service catalogue; selecting a service shows its full standard."""

    sig_first_paint = Signal()
    """The window has been painted for the first time (startup measurement)."""

    sig_loaded = Signal(int)
    """The catalogue finished loading, with the number of services."""

    sig_load_failed = Signal(str)
    """Opening the database or loading failed, with the message shown to the user."""

    def __init__(self, *, ctx, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._tasks = tasks
        self._painted = False
        self._load_started = False
        self.setWindowTitle(self.tr("MPP Desk — Service catalogue"))

        self.title = QLabel(self.tr("Service catalogue"))
        self.title.setObjectName("pageTitle")
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by service name or KBLI…"))
        self.search.setClearButtonEnabled(True)
        self.status = QLabel(self.tr("Opening the database…"))
        self.status.setObjectName("statusNote")

        self.model = CatalogTableModel(self)
        self.proxy = CatalogFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.detail = QTextBrowser()
        self.detail.setOpenExternalLinks(False)

        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.search, 2)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setSizes([320, 380])
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        self.setCentralWidget(body)

        self.search.textChanged.connect(self._on_search)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.search.setFocus)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, activated=self.load)

    def load_once(self) -> None:
        """Start the first load unless it has started already."""
        if not self._load_started:
            self.load()

    def load(self) -> None:
        """Open the database (first start: create, migrate, seed) and load the catalogue in the background."""
        from mpp_desk.ui.ops import catalog as ops

        self._load_started = True

        self.status.setText(self.tr("Loading the catalogue…"))
        Op(self._tasks, lambda: ops.open_and_list(self._ctx)).success(self._show_entries).failure(self._show_failure).run()

    def _show_entries(self, entries: list) -> None:
        self.model.set_entries(entries)
        self.status.setText(self.tr("%n service(s) in the catalogue", "", len(entries)))
        if entries and not self.table.currentIndex().isValid():
            self.table.selectRow(0)
        self.sig_loaded.emit(len(entries))

    def _show_failure(self, error: BaseException) -> None:
        from mpp_desk.ui.application import show_error

        self.status.setObjectName("errorNote")
        self.status.setStyleSheet("")
        message = error.text() if hasattr(error, "text") else str(error)
        self.status.setText(message)
        self.sig_load_failed.emit(message)
        if not _exiting_for_measurement():
            show_error(self, self.tr("The database cannot be used"), error)

    def _on_search(self, text: str) -> None:
        self.proxy.set_search(text)
        self.status.setText(self.tr("%n service(s) shown", "", self.proxy.rowCount()))

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self.detail.clear()
            return
        entry = self.model.entry(self.proxy.mapToSource(current).row())
        self.detail.setHtml(self.render_detail(entry))

    def render_detail(self, entry: Any) -> str:
        """The full standard of one service as simple HTML."""
        e = html.escape

        def items(values: Sequence[str]) -> str:
            if not values:
                return f"<p><i>{e(self.tr('None'))}</i></p>"
            return "<ol>" + "".join(f"<li>{e(v)}</li>" for v in values) + "</ol>"

        reqs = entry.requirements
        parts = [
            f"<h2>{e(str(entry.annex_number))}. {e(entry.title)}</h2>",
            f"<p><b>{e(entry.product_type)}</b> · {e(self.tr('Risk'))} {e(entry.risk_level)} · KBLI {e(entry.kbli)}</p>",
            f"<h3>{e(self.tr('General requirements'))}</h3>{items(reqs['general'])}",
            f"<h3>{e(self.tr('Special requirements'))}</h3>{items(reqs['special'])}",
            f"<p><b>{e(self.tr('Completion time'))}:</b> "
            f"{e(self.tr('%n working day(s)', '', entry.completion_working_days))}</p>",
            f"<p><b>{e(self.tr('Fee'))}:</b> {e(entry.fee)}</p>",
            f"<p><b>{e(self.tr('Product'))}:</b> {e(entry.output)}</p>",
            f"<p><b>{e(self.tr('Procedure classifications'))}:</b> "
            f"{e(', '.join(str(n) for n in entry.procedure_classifications))}</p>",
            f"<h3>{e(self.tr('Legal basis'))}</h3>{items(entry.legal_basis)}",
        ]
        return "".join(parts)

    def paintEvent(self, event) -> None:  # noqa: N802
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.sig_first_paint.emit()


def _exiting_for_measurement() -> bool:
    import os

    from mpp_desk.ui.application import EXIT_AFTER_ENV

    return bool(os.environ.get(EXIT_AFTER_ENV))
