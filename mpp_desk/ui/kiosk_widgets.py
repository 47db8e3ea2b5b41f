"""The kiosk's touch widgets: a large button whose text wraps, and the tile of one queue group.

The survey screen (``ui/survey/``) uses the same button.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget


def big_label(text: str, name: str, *, wrap: bool = True, align=Qt.AlignmentFlag.AlignCenter) -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(wrap)
    label.setAlignment(align)
    return label


class WrapButton(QPushButton):
    """A large touch button whose text wraps (a plain QPushButton's text never does)."""

    def __init__(self, text: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.label = big_label(text, f"{name}Text")
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = self.row = QHBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(self.label)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def text(self) -> str:  # noqa: D102 - the wrapped text
        return self.label.text()

    def sizeHint(self):  # noqa: N802
        return self.row.sizeHint()

    def minimumSizeHint(self):  # noqa: N802
        return self.row.minimumSize()


class KioskTile(QPushButton):
    """One queue group: its letter, its name and how many wait (or why it is closed)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kioskTile")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.code_label = big_label("", "kioskTileCode", wrap=False)
        self.name_label = big_label("", "kioskTileName", align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.count_label = big_label("", "kioskTileCount", align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.reason_label = big_label("", "kioskTileReason", align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for label in (self.code_label, self.name_label, self.count_label, self.reason_label):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.code_label.setFixedWidth(190)
        text = QVBoxLayout()
        text.setSpacing(4)
        text.addStretch(1)
        text.addWidget(self.name_label)
        text.addWidget(self.count_label)
        text.addWidget(self.reason_label)
        text.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(20, 16, 24, 16)
        row.setSpacing(24)
        row.addWidget(self.code_label)
        row.addLayout(text, 1)
        self.status = None

    def show_status(self, status) -> None:
        """Fill the tile from a KioskGroupStatus."""
        self.status = status
        self.code_label.setText(status.code)
        self.name_label.setText(status.name)
        self.count_label.setText(QCoreApplication.translate("KioskWindow", "%n people waiting", "", status.waiting))
        self.reason_label.setText(status.reason or "")
        self.reason_label.setVisible(not status.open)
        self.setAccessibleName(f"{status.code} {status.name}")
        for widget in (self, self.code_label, self.name_label, self.count_label):
            widget.setProperty("closed", not status.open)
            widget.style().unpolish(widget)
            widget.style().polish(widget)
