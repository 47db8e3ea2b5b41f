"""The card of the ticket now at this counter: its number, its state and what the officer should know."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QWidget

from mpp_desk.ui.areas.counter.common import local_time, minutes_between, queue_text, status_label
from mpp_desk.queue.labels import PRIORITY_REASONS


class CurrentCard(QFrame):
    """Shows a TicketView (or that no number is called); decides nothing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("counterCurrent")
        self.lead = QLabel(self.tr("Now at this counter"))
        self.lead.setObjectName("counterLead")
        self.code = QLabel("—")
        self.code.setObjectName("counterTicketCode")
        self.state = QLabel(self.tr("No number called."))
        self.state.setObjectName("counterTicketState")
        self.state.setWordWrap(True)
        self.detail = QLabel()
        self.detail.setObjectName("counterTicketDetail")
        self.detail.setWordWrap(True)
        card = QGridLayout(self)
        card.addWidget(self.lead, 0, 0, 1, 2)
        card.addWidget(self.code, 1, 0, 2, 1)
        card.addWidget(self.state, 1, 1)
        card.addWidget(self.detail, 2, 1)
        card.setColumnStretch(1, 1)

    def show_ticket(self, ticket, now: dt.datetime) -> None:
        """Draw *ticket* (a TicketView, or None); *now* measures the wait of a ticket not yet called."""
        self.setProperty("state", ticket.status if ticket is not None else "none")
        self.style().unpolish(self)  # re-polish: the style sheet colours the card by its state
        self.style().polish(self)
        if ticket is None:
            self.code.setText("—")
            self.state.setText(self.tr("No number called. Press F5 to call the next one."))
            self.detail.setText("")
            return
        self.code.setText(ticket.code)
        state = status_label(ticket.status)
        if ticket.recall_count:
            state += " · " + self.tr("called %n time(s) again", "", ticket.recall_count)
        self.state.setText(state)
        self.detail.setText(" · ".join(self._details(ticket, now)))

    def _details(self, ticket, now: dt.datetime) -> list[str]:
        parts = [ticket.group_name]
        if ticket.service_title:
            parts.append(ticket.service_title)
        if ticket.priority:
            reason = queue_text(PRIORITY_REASONS.get(ticket.priority_reason or "", "")) if ticket.priority_reason else ""
            parts.append(self.tr("priority") + (f": {reason}" if reason else ""))
        if ticket.transfer_count:
            parts.append(self.tr("transferred"))
        waited = minutes_between(ticket.issued_at, ticket.called_at or now)
        parts.append(self.tr("taken {time}, waited %n min", "", waited).format(time=local_time(ticket.issued_at)))
        return parts
