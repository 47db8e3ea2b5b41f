"""A barcode/QR scanner is a keyboard: it types the receipt's verification address, then Enter.

:class:`ScanCatcher` watches the keys typed anywhere inside one area. Once "http://" or
"https://" has been typed it keeps the rest of the address from reaching the focused widget
(so a scan into the checklist table sets no states and a scan into a name field leaves no
address behind) and, on Enter, emits ``sig_scanned`` with the whole address. The recognition is
by content, not by typing speed; if no Enter follows within a few seconds (a person typed an
address by hand), the captured text is given back to the field it was meant for.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QWidget

PREFIXES = ("https://", "http://")
ABANDON_MS = 3000


class ScanCatcher(QObject):
    """Catches scanned verification addresses typed into any widget inside *scope*."""

    sig_scanned = Signal(str)
    """A whole address was scanned (without the final Enter)."""

    def __init__(self, scope: QWidget) -> None:
        super().__init__(scope)
        self._scope = scope
        self._tail = ""
        self._capture: str | None = None
        self._target: QWidget | None = None
        self._last: tuple | None = None
        self._active = False
        self._abandon = QTimer(self)
        self._abandon.setSingleShot(True)
        self._abandon.setInterval(ABANDON_MS)
        self._abandon.timeout.connect(self._give_back)

    @property
    def capturing(self) -> bool:
        return self._capture is not None

    def start(self) -> None:
        if not self._active:
            app = QApplication.instance()
            assert app is not None, "scanning runs inside the Qt application"
            app.installEventFilter(self)
            self._active = True

    def stop(self) -> None:
        if self._active:
            app = QApplication.instance()
            assert app is not None, "scanning runs inside the Qt application"
            app.removeEventFilter(self)
            self._active = False
        self._reset()

    def _reset(self) -> None:
        self._tail = ""
        self._capture = None
        self._target = None
        self._abandon.stop()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.KeyPress or not isinstance(obj, QWidget):
            return False
        if not (obj is self._scope or self._scope.isAncestorOf(obj)):
            return False
        # An ignored key travels up to the parents: decide once, for the widget that received it first.
        signature = (event.key(), event.text(), event.timestamp(), int(event.modifiers().value))
        last = self._last
        if last is not None and last[0] == signature and obj is not last[1] and obj.isAncestorOf(last[1]):
            return last[2]
        decision = self._key(obj, event)
        self._last = (signature, obj, decision)
        return decision

    def _key(self, obj: QWidget, event) -> bool:
        key = event.key()
        text = event.text()
        if self._capture is not None:
            self._abandon.start()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                scanned = self._capture
                target = self._target
                self._reset()
                _drop_typed_prefix(target, scanned)
                self.sig_scanned.emit(scanned)
                return True
            if key == Qt.Key.Key_Escape:
                self._give_back()
                return True
            if text and text.isprintable():
                self._capture += text
            return True  # Shift and other keys of the scanner's typing
        if text and text.isprintable():
            self._tail = (self._tail + text)[-len(PREFIXES[0]):]
            lowered = self._tail.lower()
            for prefix in PREFIXES:
                if lowered.endswith(prefix):
                    self._capture = self._tail[-len(prefix):]
                    self._target = obj
                    self._abandon.start()
                    return True  # the last "/" is kept back; what came before is removed on Enter
        return False

    def _give_back(self) -> None:
        """No Enter came: a person typed an address; give the field what they typed."""
        captured, target = self._capture, self._target
        self._reset()
        if not captured or target is None:
            return
        tail = captured[len(_prefix_of(captured)) - 1:]  # the kept-back "/" and everything after it
        if isinstance(target, QLineEdit):
            target.insert(tail)
        elif isinstance(target, QPlainTextEdit):
            target.insertPlainText(tail)


def _prefix_of(text: str) -> str:
    lowered = text.lower()
    return next((p for p in PREFIXES if lowered.startswith(p)), PREFIXES[0])


def _drop_typed_prefix(target: QWidget | None, scanned: str) -> None:
    """Remove "https:/" (what reached the field before the address was recognised) from the field."""
    typed = scanned[: len(_prefix_of(scanned)) - 1]
    if isinstance(target, QLineEdit):
        text = target.text()
        if text.lower().endswith(typed.lower()):
            target.setText(text[: len(text) - len(typed)])
    elif isinstance(target, QPlainTextEdit):
        text = target.toPlainText()
        if text.lower().endswith(typed.lower()):
            target.setPlainText(text[: len(text) - len(typed)])
