"""Beside the capture form: what the rules make of it now (complaint or suggestion, the answer's due
date, the reasons), the save buttons, and the case just saved."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from mpp_desk.complaints import labels
from mpp_desk.textformat import format_date
from mpp_desk.ui.areas.complaints.common import set_note


class OutcomeCard(QFrame):
    """The outcome as the rules see it, and the save and receipt buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setMinimumWidth(300)
        self.setMaximumWidth(420)
        self.kind_label = QLabel()
        self.kind_label.setObjectName("bigFigure")
        self.kind_label.setWordWrap(True)
        self.respond_label = QLabel()
        self.respond_label.setObjectName("sectionTitle")
        self.respond_label.setWordWrap(True)
        self.reasons_label = QLabel()
        self.reasons_label.setWordWrap(True)
        self.reasons_label.setTextFormat(Qt.TextFormat.RichText)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setToolTip("Ctrl+S")
        self.clear_button = QPushButton(self.tr("Clear the form"))
        self.clear_button.setObjectName("smallButton")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.saved_box = QFrame()
        self.saved_label = QLabel()
        self.saved_label.setWordWrap(True)
        self.receipt_button = QPushButton(self.tr("Receipt…"))
        self.open_button = QPushButton(self.tr("Open the case"))
        self.open_button.setObjectName("smallButton")
        saved_layout = QVBoxLayout(self.saved_box)
        saved_layout.setContentsMargins(0, 0, 0, 0)
        saved_layout.addWidget(self.saved_label)
        saved_buttons = QHBoxLayout()
        saved_buttons.addWidget(self.receipt_button)
        saved_buttons.addWidget(self.open_button)
        saved_buttons.addStretch(1)
        saved_layout.addLayout(saved_buttons)
        self.saved_box.hide()
        side_layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Will be recorded as"))
        heading.setObjectName("statusNote")
        side_layout.addWidget(heading)
        side_layout.addWidget(self.kind_label)
        side_layout.addWidget(self.respond_label)
        side_layout.addWidget(self.reasons_label)
        side_layout.addStretch(1)
        side_layout.addWidget(self.status)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        side_layout.addLayout(buttons)
        side_layout.addWidget(self.saved_box)

    def show_assessment(self, result) -> None:
        self.kind_label.setText(self.tr("COMPLAINT OR SUGGESTION?") if result.needs_decision
                                else labels.label(labels.KINDS, result.kind).upper())
        self.respond_label.setText(self.tr("Respond by {date}").format(date=format_date(result.respond_by))
                                   if result.respond_by else "")
        rules = [r for r in result.reasons if r.level != "error" and r.code != "respond_by"]
        self.reasons_label.setText("".join(f"<p>• {html.escape(r.text())}</p>" for r in rules)
                                   or html.escape(self.tr("A complaint: the reporter's identity and the substance are "
                                                          "given.")))

    def show_saved(self, detail) -> None:
        kind = labels.label(labels.KINDS, detail.summary.kind)
        set_note(self.status, "")
        set_note(self.saved_label, self.tr("Saved as {kind}: {number}. Respond by {date}.").format(
            kind=kind.lower(), number=detail.case_number, date=format_date(detail.summary.respond_by)), "okNote")
        self.saved_box.show()
