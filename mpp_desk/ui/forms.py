"""Form building blocks: a field with its error message beside it, and showing service errors."""

from __future__ import annotations

import datetime as dt
from typing import Callable

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from mpp_desk.errors import UserError


def error_text(error: BaseException) -> str:
    """The message for the user: translated for expected errors, generic otherwise."""
    if isinstance(error, UserError):
        return error.text()
    return QCoreApplication.translate("Errors", "Unexpected error: {error}").format(error=error)


class FieldRow(QWidget):
    """An input with an error label under it; the form shows each validation message beside its field."""

    def __init__(self, editor: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.error = QLabel()
        self.error.setObjectName("errorNote")
        self.error.setWordWrap(True)
        self.error.hide()
        self.counter: LengthCounter | None = None  # see limit_counter()
        layout = self.box = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        row = QHBoxLayout()
        row.addWidget(editor, 1)
        layout.addLayout(row)
        layout.addWidget(self.error)
        self.setFocusProxy(editor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_error(self, message: str | None) -> None:
        self.error.setText(message or "")
        self.error.setVisible(bool(message))


class LengthCounter(QLabel):
    """"123 / 20000" under a multi-line field, turning into a warning past the limit.

    Nothing is cut: the officer sees how much is too much and the service refuses it on saving
    (the limits are those of :mod:`mpp_desk.limits`).
    """

    def __init__(self, editor: QPlainTextEdit | QLineEdit, maximum: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.maximum = maximum
        self.setObjectName("lengthCounter")
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        signal = editor.textChanged
        signal.connect(self.refresh)
        self.refresh()

    def length(self) -> int:
        from mpp_desk.textformat import safe_text  # lazy: kept out of the first paint of the staff window

        if isinstance(self.editor, QPlainTextEdit):
            return len(safe_text(self.editor.toPlainText(), multiline=True))
        return len(safe_text(self.editor.text()))

    @property
    def over(self) -> bool:
        return self.length() > self.maximum

    def refresh(self, *_args) -> None:
        count = self.length()
        if count > self.maximum:
            self.setObjectName("errorNote")
            self.setText(QCoreApplication.translate(
                "Forms", "{count} / {maximum} characters: {excess} too many").format(
                count=count, maximum=self.maximum, excess=count - self.maximum))
        else:
            self.setObjectName("lengthCounter")
            self.setText(QCoreApplication.translate("Forms", "{count} / {maximum} characters").format(
                count=count, maximum=self.maximum))
        self.style().unpolish(self)
        self.style().polish(self)


def limit_counter(row: "FieldRow", maximum: int) -> LengthCounter:
    """Put a :class:`LengthCounter` under *row*'s editor (a multi-line field); returns it."""
    assert isinstance(row.editor, (QPlainTextEdit, QLineEdit)), "a length counter reads a text editor"
    counter = LengthCounter(row.editor, maximum, row)
    row.box.insertWidget(1, counter)
    row.counter = counter
    return counter


class Form:
    """A QFormLayout of FieldRows keyed by the service's field names."""

    def __init__(self, layout: QFormLayout) -> None:
        self.layout = layout
        self.rows: dict[str, FieldRow] = {}

    def add(self, key: str, label: str, editor: QWidget, *, limit: str | int | None = None) -> QWidget:
        """Add a field; *limit* (a kind of :data:`mpp_desk.limits.TEXT_LIMITS`, or a number) puts a
        character counter under a multi-line field."""
        row = FieldRow(editor)
        self.rows[key] = row
        self.layout.addRow(label, row)
        if limit is not None and isinstance(editor, QPlainTextEdit):
            from mpp_desk.limits import TEXT_LIMITS  # lazy: kept out of the first paint of the staff window

            limit_counter(row, TEXT_LIMITS[limit] if isinstance(limit, str) else int(limit))
        return editor

    def clear_errors(self) -> None:
        for row in self.rows.values():
            row.set_error(None)

    def show_error(self, error: BaseException) -> bool:
        """Put a ValidationError beside its field; returns False if the error belongs to no field."""
        field = getattr(error, "field", None)
        row = self.rows.get(field) if field else None
        if row is None:
            return False
        row.set_error(error_text(error))
        row.editor.setFocus()
        return True


class VerticalScroll(QScrollArea):
    """A frameless scroll area that scrolls up and down only: it asks for its contents' width but
    for almost no height, so a tall column never grows the window past a 1366×768 screen."""

    def __init__(self, contents: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(contents)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        contents = self.widget()
        assert contents is not None  # set in __init__
        inner = contents.minimumSizeHint().expandedTo(contents.minimumSize())
        bar = self.verticalScrollBar().sizeHint().width()
        return QSize(inner.width() + bar, min(inner.height(), 120))

    def sizeHint(self) -> QSize:  # noqa: N802
        contents = self.widget()
        assert contents is not None  # set in __init__
        inner = contents.sizeHint()
        return QSize(inner.width() + self.verticalScrollBar().sizeHint().width(), inner.height())


def show_all_rows(view, rows: int | None = None) -> None:
    """Make a list tall enough for *rows* of its items (all of them by default), so none is half cut."""
    view.ensurePolished()
    count = view.count() if hasattr(view, "count") else view.model().rowCount()
    rows = count if rows is None else min(rows, count)
    height = sum(max(view.sizeHintForRow(i), 1) for i in range(rows)) + 2 * view.frameWidth()
    view.setMinimumHeight(height)
    if rows == count:
        view.setMaximumHeight(height)


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Resize a dialog to *width*×*height*, but never larger than the screen it opens on."""
    from PySide6.QtGui import QGuiApplication

    parent = window.parentWidget()
    screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
    if screen is not None:
        room = screen.availableGeometry()
        width, height = min(width, room.width() - 16), min(height, room.height() - 40)
    window.resize(width, height)


class DateField(QWidget):
    """A date the officer may type (dd-mm-yyyy, dd/mm/yyyy, dd.mm.yyyy…) or pick from a calendar
    that opens at the office's current month; empty means "not given".

    ``date()`` is a ``datetime.date`` or None; a text that is not a date is kept as typed and
    ``is_valid()`` says so (the form shows one message beside the field).
    """

    dateChanged = Signal(object)  # noqa: N815 - Qt naming, as QDateEdit's
    """The date read from the field changed (a date or None)."""

    def __init__(self, *, today: Callable[[], dt.date], placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self._date: dt.date | None = None
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(placeholder or QCoreApplication.translate("DateField", "dd-mm-yyyy"))
        self.edit.setMaxLength(20)
        self.button = QToolButton()
        self.button.setText(QCoreApplication.translate("DateField", "Calendar"))
        self.button.setToolTip(QCoreApplication.translate("DateField", "Pick the date on a calendar (Alt+Down)"))
        self.button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.popup: QCalendarWidget | None = None
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.button)
        self.setFocusProxy(self.edit)
        self.edit.textChanged.connect(self._typed)
        self.edit.editingFinished.connect(self._tidy)
        self.edit.installEventFilter(self)
        self.button.clicked.connect(self.open_calendar)

    def date(self) -> dt.date | None:
        return self._date

    def is_valid(self) -> bool:
        return self._date is not None or not self.edit.text().strip()

    def setDate(self, value) -> None:  # noqa: N802 - as QDateEdit
        """Show *value*: a ``datetime.date``, a valid QDate, or None (empty)."""
        if isinstance(value, QDate):
            value = dt.date(value.year(), value.month(), value.day()) if value.isValid() else None
        self.edit.setText(value.strftime("%d-%m-%Y") if value is not None else "")

    def clear(self) -> None:
        self.setDate(None)

    def _typed(self, text: str) -> None:
        from mpp_desk.textformat import parse_typed_date  # lazy: kept out of the first paint of the staff window

        try:
            value = parse_typed_date(text)
        except ValueError:
            value = None
        if value != self._date:
            self._date = value
            self.dateChanged.emit(value)

    def _tidy(self) -> None:
        if self._date is not None and self.edit.text() != self._date.strftime("%d-%m-%Y"):
            self.edit.setText(self._date.strftime("%d-%m-%Y"))

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if obj is self.edit and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Down \
                and event.modifiers() & Qt.KeyboardModifier.AltModifier:
            self.open_calendar()
            return True
        return False

    def open_calendar(self) -> QCalendarWidget:
        """A calendar under the field at the typed date's month, or at the office's current month."""
        if self.popup is None:
            self.popup = QCalendarWidget(self)
            self.popup.setWindowFlags(Qt.WindowType.Popup)
            self.popup.setGridVisible(True)
            self.popup.clicked.connect(self._picked)
            self.popup.activated.connect(self._picked)
        shown = self._date or self._today()
        self.popup.setSelectedDate(QDate(shown.year, shown.month, shown.day))
        self.popup.setCurrentPage(shown.year, shown.month)
        self.popup.move(self.mapToGlobal(self.rect().bottomLeft()))
        self.popup.show()
        self.popup.setFocus()
        return self.popup

    def _picked(self, day: QDate) -> None:
        self.setDate(day)
        if self.popup is not None:
            self.popup.hide()
        self.edit.setFocus()
