"""The survey screen's pages: each builds its widgets and says what the respondent touched through signals.

Touch-first and elderly-friendly: large type, big buttons, no typing needed (the suggestion is optional).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from mpp_desk.ui.kiosk_widgets import WrapButton


def label(text: str, name: str, *, align=Qt.AlignmentFlag.AlignCenter) -> QLabel:
    widget = QLabel(text)
    widget.setObjectName(name)
    widget.setWordWrap(True)
    widget.setAlignment(align)
    return widget


def button(text: str, name: str) -> QPushButton:
    widget = QPushButton(text)
    widget.setObjectName(name)
    widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return widget


class _Page(QWidget):
    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(40, 24, 40, 28)
        self.column.setSpacing(18)


class StartPage(_Page):
    """Welcome: what the survey is, for which service (after a hand-over), and the start button."""

    sig_start = Signal()
    """The respondent touched Start."""

    def __init__(self) -> None:
        super().__init__("surveyStart")
        self.title = label(self.tr("Community satisfaction survey"), "surveyTitle")
        self.lead = label(self.tr("Help us improve our services: nine short questions, just touch your answer. "
                                  "No name is asked."), "surveyLead")
        self.service = label("", "surveyService")
        self.service.hide()
        self.start_button = WrapButton(self.tr("Start the survey"), "surveyStartButton")
        self.start_button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.start_button.setMaximumHeight(260)
        self.start_button.clicked.connect(self.sig_start)
        self.column.addStretch(1)
        self.column.addWidget(self.title)
        self.column.addWidget(self.lead)
        self.column.addWidget(self.service)
        self.column.addSpacing(16)
        self.column.addWidget(self.start_button, 2)
        self.column.addStretch(1)

    def show_service(self, title: str) -> None:
        self.service.setText(self.tr("About the service: {title}").format(title=title) if title else "")
        self.service.setVisible(bool(title))


class ServicePage(_Page):
    """Which service the respondent came for: one big button each (scrolls), or the MPP as a whole."""

    sig_chosen = Signal(object)
    """A service was touched (its ServiceRef; a ServiceRef without service for the MPP as a whole)."""

    sig_back = Signal()
    """Back to the start."""

    def __init__(self) -> None:
        super().__init__("surveyServices")
        self.column.addWidget(label(self.tr("Which service did you come for?"), "surveyQuestion"))
        self.list_widget = QWidget()
        self.list_widget.setObjectName("surveyServiceList")
        self.list_column = QVBoxLayout(self.list_widget)
        self.list_column.setSpacing(14)
        scroll = QScrollArea()
        scroll.setObjectName("surveyScroll")
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.list_widget)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.column.addWidget(scroll, 1)
        back = button(self.tr("Back"), "surveyBackButton")
        back.clicked.connect(self.sig_back)
        self.column.addWidget(back)
        self.buttons: list[WrapButton] = []

    def show_services(self, services, whole) -> None:
        for old in self.buttons:
            self.list_column.removeWidget(old)
            old.deleteLater()
        self.buttons = []
        for ref in (*services, whole):
            text = ref.title if ref.service_id is not None else self.tr("Services of the MPP in general")
            item = WrapButton(text, "surveyChoice")
            item.clicked.connect(lambda _=False, r=ref: self.sig_chosen.emit(r))
            self.list_column.addWidget(item)
            self.buttons.append(item)
        self.list_column.addStretch(1)


class ChoicePage(_Page):
    """One question (an element or a profile item): its text and a big button per answer, back and skip."""

    sig_answer = Signal(object)
    """An answer was touched (its value), or skipped (None)."""

    sig_back = Signal()
    """The previous question."""

    def __init__(self) -> None:
        super().__init__("surveyChoicePage")
        self.progress = label("", "surveyProgress")
        self.topic = label("", "surveyTopic")
        self.question = label("", "surveyQuestion")
        self.grid = QGridLayout()
        self.grid.setSpacing(18)
        row = QHBoxLayout()
        self.back_button = button(self.tr("Back"), "surveyBackButton")
        self.back_button.clicked.connect(self.sig_back)
        self.skip_button = button(self.tr("Skip this question"), "surveySkipButton")
        self.skip_button.clicked.connect(lambda: self.sig_answer.emit(None))
        row.addWidget(self.back_button)
        row.addStretch(1)
        row.addWidget(self.skip_button)
        self.column.addWidget(self.progress)
        self.column.addWidget(self.topic)
        self.column.addWidget(self.question)
        self.column.addLayout(self.grid, 1)
        self.column.addLayout(row)
        self.buttons: list[WrapButton] = []
        self._pool: list[WrapButton] = []
        self._values: list[object] = []

    def ask(self, *, progress: str, topic: str, question: str, choices: Sequence[tuple[object, str]],
            columns: int, chosen=None, scored: bool = False) -> None:
        """Show a question; *choices* are (value, text); *scored* colours the answers from poor to very good."""
        self.progress.setText(progress)
        self.topic.setText(topic)
        self.topic.setVisible(bool(topic))
        self.question.setText(question)
        self._values = [value for value, _text in choices]
        while len(self._pool) < len(choices):  # buttons are reused, never deleted from their own signal
            item = WrapButton("", "surveyAnswer")
            item.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            item.clicked.connect(lambda _=False, i=len(self._pool): self.sig_answer.emit(self._values[i]))
            self._pool.append(item)
        for item in self._pool:
            self.grid.removeWidget(item)
            item.hide()
        for index, (value, text) in enumerate(choices):
            item = self._pool[index]
            item.label.setText(text)
            item.setProperty("score", str(value) if scored else "")
            item.setProperty("chosen", chosen is not None and value == chosen)
            item.style().unpolish(item)
            item.style().polish(item)
            self.grid.addWidget(item, index // columns, index % columns)
            item.show()
        for row in range(self.grid.rowCount()):
            self.grid.setRowStretch(row, 1 if row * columns < len(choices) else 0)
        for column in range(self.grid.columnCount()):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)
        self.buttons = self._pool[:len(choices)]


class SuggestionPage(_Page):
    """An optional suggestion (the tablet's on-screen keyboard), then Send; Send without text is fine."""

    sig_send = Signal(str)
    """Send the survey with this suggestion ("" for none)."""

    sig_back = Signal()
    """The previous question."""

    def __init__(self) -> None:
        super().__init__("surveySuggestion")
        self.column.addWidget(label(self.tr("Any suggestion for us? (optional)"), "surveyQuestion"))
        self.column.addWidget(label(self.tr("You may leave this empty and touch Send."), "surveyLead"))
        self.text = QPlainTextEdit()
        self.text.setObjectName("surveySuggestionText")
        self.column.addWidget(self.text, 1)
        self.message = label("", "surveyError")
        self.message.hide()
        self.column.addWidget(self.message)
        row = QHBoxLayout()
        back = button(self.tr("Back"), "surveyBackButton")
        back.clicked.connect(self.sig_back)
        self.send_button = button(self.tr("Send"), "surveySendButton")
        self.send_button.clicked.connect(lambda: self.sig_send.emit(self.text.toPlainText()))
        row.addWidget(back)
        row.addStretch(1)
        row.addWidget(self.send_button)
        self.column.addLayout(row)

    def clear(self) -> None:
        self.text.clear()
        self.message.hide()

    def show_error(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
        self.send_button.setEnabled(True)


class ThanksPage(_Page):
    """Thank you; the start screen returns by itself."""

    sig_done = Signal()
    """Done touched."""

    def __init__(self) -> None:
        super().__init__("surveyThanks")
        self.column.addStretch(1)
        self.column.addWidget(label(self.tr("Thank you!"), "surveyTitle"))
        self.column.addWidget(label(self.tr("Your answers help us serve better."), "surveyLead"))
        self.column.addStretch(1)
        done = button(self.tr("Done"), "surveySendButton")
        done.clicked.connect(self.sig_done)
        self.column.addWidget(done)
