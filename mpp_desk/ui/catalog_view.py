"""Item models and read-only rendering of the service catalogue."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QSortFilterProxyModel, Qt


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
        source = self.sourceModel()
        assert isinstance(source, CatalogTableModel)
        entry = source.entry(source_row)
        haystack = f"{entry.title} {entry.kbli} {entry.annex_number}".casefold()
        return all(word in haystack for word in self._words)


def render_detail(entry: Any) -> str:
    """The full standard of one service as simple HTML (for the read-only view)."""
    e = html.escape
    translate = QCoreApplication.translate

    def items(values: Sequence[str]) -> str:
        if not values:
            return f"<p><i>{e(translate('CatalogDetail', 'None'))}</i></p>"
        return "<ol>" + "".join(f"<li>{e(v)}</li>" for v in values) + "</ol>"

    reqs = entry.requirements
    days = translate("CatalogDetail", "%n working day(s)", "", entry.completion_working_days)
    parts = [
        f"<h2>{e(str(entry.annex_number))}. {e(entry.title)}</h2>",
        f"<p><b>{e(entry.product_type)}</b> · {e(translate('CatalogDetail', 'Risk'))} {e(entry.risk_level)}"
        f" · KBLI {e(entry.kbli)}</p>",
        f"<h3>{e(translate('CatalogDetail', 'General requirements'))}</h3>{items(reqs['general'])}",
        f"<h3>{e(translate('CatalogDetail', 'Special requirements'))}</h3>{items(reqs['special'])}",
        f"<p><b>{e(translate('CatalogDetail', 'Completion time'))}:</b> {e(days)}</p>",
        f"<p><b>{e(translate('CatalogDetail', 'Fee'))}:</b> {e(entry.fee)}</p>",
        f"<p><b>{e(translate('CatalogDetail', 'Product'))}:</b> {e(entry.output)}</p>",
        f"<p><b>{e(translate('CatalogDetail', 'Procedure classifications'))}:</b> "
        f"{e(', '.join(str(n) for n in entry.procedure_classifications))}</p>",
        f"<h3>{e(translate('CatalogDetail', 'Legal basis'))}</h3>{items(entry.legal_basis)}",
    ]
    return "".join(parts)
