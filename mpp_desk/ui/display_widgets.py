"""The board's small parts: a label maker, a re-polish after a property change, the running text."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QLabel, QSizePolicy, QStyle, QStyleOption, QWidget


def board_label(text: str, name: str, align=Qt.AlignmentFlag.AlignCenter) -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setAlignment(align)
    return label


def repolish(widget: QWidget) -> None:
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class Marquee(QWidget):
    """The running text: scrolls right to left, again and again."""

    STEP_MS = 33

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("boardMarquee")
        self._text = ""
        self._offset = 0.0
        self.speed = 120.0  # pixels per second at 1080 p
        self._timer = QTimer(self)
        self._timer.setInterval(self.STEP_MS)
        self._timer.timeout.connect(self._step)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def text(self) -> str:
        return self._text

    def set_text(self, text: str) -> None:
        text = " ".join((text or "").split())
        if text == self._text:
            return
        self._text = text
        self._offset = float(self.width())
        self.setVisible(bool(text))
        if text:
            self._timer.start()
        else:
            self._timer.stop()
        self.update()

    def sizeHint(self):  # noqa: N802
        hint = super().sizeHint()
        hint.setHeight(round(self.fontMetrics().height() * 1.6))
        return hint

    def _step(self) -> None:
        if not self.isVisible():
            return
        self._offset -= self.speed * (self.height() / 67) * self.STEP_MS / 1000
        if self._offset < -self.fontMetrics().horizontalAdvance(self._text):
            self._offset = float(self.width())
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        option = QStyleOption()
        option.initFrom(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_Widget, option, painter, self)  # the sheet's background
        painter.setFont(self.font())
        painter.setPen(self.palette().windowText().color())
        painter.drawText(QRectF(self._offset, 0, self.fontMetrics().horizontalAdvance(self._text) + 10, self.height()),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, self._text)

    def stop(self) -> None:
        self._timer.stop()
