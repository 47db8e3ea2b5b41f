"""Asks before the main window closes over unsaved intake typing."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject


class CloseGuard(QObject):
    """Asks before the main window closes over unsaved intake typing."""

    def __init__(self, area) -> None:
        super().__init__(area)
        self._area = area

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        closing = getattr(obj, "_closing", False)  # the window already asked once and is signing out
        if event.type() == QEvent.Type.Close and not closing and self._area.has_unsaved_changes():
            if not self._area._confirm_discard():
                event.ignore()
                return True
        return False
