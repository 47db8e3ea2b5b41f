"""Form building blocks: a field with its error message beside it, and showing service errors."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget


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


class Form:
    """A QFormLayout of FieldRows keyed by the service's field names."""

    def __init__(self, layout: QFormLayout) -> None:
        self.layout = layout
        self.rows: dict[str, FieldRow] = {}

    def add(self, key: str, label: str, editor: QWidget) -> QWidget:
        row = FieldRow(editor)
        self.rows[key] = row
        self.layout.addRow(label, row)
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
