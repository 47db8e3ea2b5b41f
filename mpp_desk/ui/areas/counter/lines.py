"""The lines a counter serves, a tab per group, and the tickets whose paper did not come out of the kiosk."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPushButton, QTableView, QTabWidget, QVBoxLayout, QWidget

from mpp_desk.ui.areas.counter.common import local_time, minutes_between, queue_text, status_label
from mpp_desk.ui.table_model import RowTableModel, list_table
from mpp_desk.queue.labels import PRIORITY_REASONS


def selected_row(table: QTableView, model: RowTableModel):
    """The row object selected in *table*, or None."""
    selection = table.selectionModel()
    rows = selection.selectedRows() if selection is not None else []
    return model.row_object(rows[0].row()) if rows else None


class CounterLines(QTabWidget):
    """A tab per group this counter calls from (added and removed as the set-up changes), then "Not printed"."""

    sig_reprint = Signal()
    """The officer asked to reprint the selected unprinted ticket."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("counterTabs")
        self.waiting_models: dict[str, RowTableModel] = {}
        self.waiting_tables: dict[str, QTableView] = {}
        self._shown_at = dt.datetime.min.replace(tzinfo=dt.timezone.utc)
        self.unprinted_model = RowTableModel([
            (self.tr("Number"), lambda t: t.code),
            (self.tr("Taken"), lambda t: local_time(t.issued_at)),
            (self.tr("State"), lambda t: status_label(t.status)),
        ], self)
        self.unprinted_page = QWidget()
        self.unprinted_table = list_table(self.unprinted_model)
        self.reprint_button = QPushButton(self.tr("Reprint the selected ticket (Ctrl+P)"))
        self.reprint_button.clicked.connect(self.sig_reprint.emit)
        layout = QVBoxLayout(self.unprinted_page)
        layout.addWidget(QLabel(self.tr("Tickets of today whose paper did not come out of the kiosk.")))
        layout.addWidget(self.unprinted_table, 1)
        layout.addWidget(self.reprint_button)
        self.addTab(self.unprinted_page, self.tr("Not printed"))

    def show_lines(self, panel, now: dt.datetime) -> None:
        """Draw a CounterPanelState's waiting lists and unprinted tickets; *now* measures the waits."""
        codes = list(panel.waiting)
        first = not self.waiting_models
        for code in list(self.waiting_models):
            if code not in codes:
                table = self.waiting_tables.pop(code)
                self.waiting_models.pop(code)
                self.removeTab(self.indexOf(table))
                table.deleteLater()
        self._shown_at = now
        for index, code in enumerate(codes):
            if code not in self.waiting_models:
                self._add_group(index, code)
            rows = panel.waiting[code]
            self.waiting_models[code].set_rows(rows)
            index = self.indexOf(self.waiting_tables[code])
            self.setTabText(index, self.tr("{code}: %n waiting", "", len(rows)).format(code=code))
            self.setTabToolTip(index, panel.group_names.get(code, ""))
        if first and codes:
            self.setCurrentWidget(self.waiting_tables[codes[0]])
        self.unprinted_model.set_rows(panel.unprinted)
        self.setTabText(self.indexOf(self.unprinted_page), self.tr("Not printed (%n)", "", len(panel.unprinted)))

    def _add_group(self, index: int, code: str) -> None:
        model = RowTableModel([
            (self.tr("Number"), lambda t: t.code),
            (self.tr("Priority"), self._priority_text),
            (self.tr("Taken"), lambda t: local_time(t.issued_at)),
            (self.tr("Waiting"), lambda t: self.tr("%n min", "", minutes_between(t.issued_at, self._shown_at))),
            (self.tr("Note"), self._ticket_note),
        ], self)
        table = list_table(model)
        self.waiting_models[code] = model
        self.waiting_tables[code] = table
        self.insertTab(index, table, code)

    def _priority_text(self, ticket) -> str:
        if not ticket.priority:
            return ""
        return queue_text(PRIORITY_REASONS[ticket.priority_reason]) if ticket.priority_reason in PRIORITY_REASONS \
            else self.tr("yes")

    def _ticket_note(self, ticket) -> str:
        parts = []
        if ticket.target_counter_number is not None:
            parts.append(self.tr("for counter {number}").format(number=ticket.target_counter_number))
        if ticket.transfer_count:
            parts.append(self.tr("transferred"))
        if ticket.service_title:
            parts.append(ticket.service_title)
        return ", ".join(parts)

    def waiting_codes(self, group_code: str) -> list[str]:
        """The codes in a group's waiting list as shown."""
        model = self.waiting_models.get(group_code)
        return [model.row_object(r).code for r in range(model.rowCount())] if model is not None else []

    def unprinted_choice(self):
        """The unprinted ticket selected, else the first one, else None."""
        ticket = selected_row(self.unprinted_table, self.unprinted_model)
        if ticket is None and self.unprinted_model.rowCount():
            ticket = self.unprinted_model.row_object(0)
        return ticket
