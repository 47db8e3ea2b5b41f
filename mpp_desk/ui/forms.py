"""Form building blocks: a field with its error message beside it, and showing service errors."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)


def error_text(error: BaseException) -> str:
    """The message for the user: translated for expected errors, generic otherwise."""
    from mpp_desk.errors import UserError

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
        layout = QVBoxLayout(self)
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
        from mpp_desk.textformat import safe_text

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
    counter = LengthCounter(row.editor, maximum, row)
    row.layout().insertWidget(1, counter)
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
            from mpp_desk.limits import TEXT_LIMITS

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
