"""Form building blocks: a field with its error message beside it, and showing service errors."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
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
        inner = self.widget().minimumSizeHint().expandedTo(self.widget().minimumSize())
        bar = self.verticalScrollBar().sizeHint().width()
        return QSize(inner.width() + bar, min(inner.height(), 120))

    def sizeHint(self) -> QSize:  # noqa: N802
        inner = self.widget().sizeHint()
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

    screen = (window.parentWidget().screen() if window.parentWidget() is not None else None) \
        or QGuiApplication.primaryScreen()
    if screen is not None:
        room = screen.availableGeometry()
        width, height = min(width, room.width() - 16), min(height, room.height() - 40)
    window.resize(width, height)
