"""Intake page 1: the queue number, the drafts left open, and the service (type to search)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from mpp_desk.officetime import local

_STEPS = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 10, Qt.Key.Key_PageUp: -10}


class StartPage(QWidget):
    """Where an intake starts: type a queue number, continue a draft, or choose the service."""

    sig_ticket_entered = Signal()
    """Enter in the queue-number field."""

    sig_service_chosen = Signal()
    """Enter in the search field, or a service activated."""

    sig_draft_chosen = Signal(object)
    """A draft to continue (its visit id)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services: list = []
        self.ticket_code = QLineEdit()
        self.ticket_code.setPlaceholderText(self.tr("e.g. A001"))
        self.ticket_code.setMaxLength(8)
        self.ticket_label = QLabel(self.tr("Walk-in: no queue number."))
        self.ticket_label.setObjectName("statusNote")
        ticket_row = QHBoxLayout()
        ticket_row.addWidget(QLabel(self.tr("Queue number")))
        ticket_row.addWidget(self.ticket_code)
        ticket_row.addWidget(self.ticket_label, 1)
        self.drafts_title = QLabel(self.tr("Files not finished yet (Enter continues)"))
        self.drafts_title.setObjectName("sectionTitle")
        self.drafts = QListWidget()
        self.drafts.setMaximumHeight(110)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search the service by name, KBLI or annex number…"))
        self.search.setClearButtonEnabled(True)
        self.service_list = QListWidget()
        self.service_list.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        heading = QLabel(self.tr("Service (recently used first)"))
        heading.setObjectName("sectionTitle")
        hint = QLabel(self.tr("Type to search, Up/Down to choose, Enter to continue. A scanned receipt opens its file."))
        hint.setObjectName("statusNote")
        layout = QVBoxLayout(self)
        layout.addLayout(ticket_row)
        layout.addWidget(self.drafts_title)
        layout.addWidget(self.drafts)
        layout.addWidget(heading)
        layout.addWidget(self.search)
        layout.addWidget(self.service_list, 1)
        layout.addWidget(hint)
        self.search.textChanged.connect(self._filter_services)
        for watched in (self.search, self.ticket_code, self.drafts):
            watched.installEventFilter(self)
        self.service_list.itemActivated.connect(lambda _item: self.sig_service_chosen.emit())
        self.drafts.itemActivated.connect(lambda item: self.sig_draft_chosen.emit(item.data(Qt.ItemDataRole.UserRole)))

    def show_drafts(self, drafts) -> None:
        self.drafts.clear()
        for draft in drafts:
            item = QListWidgetItem(f"{local(draft.started_at):%d-%m %H:%M}  "
                                   f"{draft.applicant_name} · KBLI {draft.service_kbli} {draft.service_title}")
            item.setData(Qt.ItemDataRole.UserRole, draft.id)
            self.drafts.addItem(item)
        self.drafts.setVisible(bool(drafts))
        self.drafts_title.setVisible(bool(drafts))

    def show_services(self, services) -> None:
        self._services = services
        self._filter_services(self.search.text())

    def _filter_services(self, text: str) -> None:
        words = text.casefold().split()
        self.service_list.clear()
        for choice in self._services:
            haystack = f"{choice.annex_number} {choice.kbli} {choice.title} {choice.product_type}".casefold()
            if all(word in haystack for word in words):
                mark = "★ " if choice.last_used else ""
                item = QListWidgetItem(f"{mark}{choice.annex_number}. KBLI {choice.kbli} — {choice.title} "
                                       f"({choice.product_type}, {choice.risk_level}; "
                                       + self.tr("{days} working days").format(days=choice.completion_working_days)
                                       + ")")
                item.setData(Qt.ItemDataRole.UserRole, choice)
                self.service_list.addItem(item)
        if self.service_list.count():
            self.service_list.setCurrentRow(0)

    def current_service(self):
        item = self.service_list.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def show_ticket(self, ticket) -> None:
        """The queue number linked to this file (None: a walk-in); its service is chosen in the list."""
        if ticket is None:
            self.ticket_label.setText(self.tr("Walk-in: no queue number."))
            return
        self.ticket_code.setText(ticket.code)
        self.ticket_label.setText(self.tr("Queue number {code} ({group}) is linked to this file.").format(
            code=ticket.code, group=ticket.group_name))
        if ticket.service_id is not None:
            for row in range(self.service_list.count()):
                choice = self.service_list.item(row).data(Qt.ItemDataRole.UserRole)
                if choice.id == ticket.service_id:
                    self.service_list.setCurrentRow(row)
                    break

    def clear(self) -> None:
        self.ticket_code.clear()
        self.ticket_label.setText(self.tr("Walk-in: no queue number."))
        self.search.clear()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.KeyPress:
            return False
        key = event.key()
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if obj is self.search:
            if key in _STEPS:
                row = max(0, min(self.service_list.count() - 1, self.service_list.currentRow() + _STEPS[key]))
                self.service_list.setCurrentRow(row)
                return True
            if enter:
                self.sig_service_chosen.emit()
                return True
        elif obj is self.ticket_code and enter:
            self.sig_ticket_entered.emit()
            return True
        elif obj is self.drafts and enter and self.drafts.currentItem() is not None:
            self.sig_draft_chosen.emit(self.drafts.currentItem().data(Qt.ItemDataRole.UserRole))
            return True
        return False
