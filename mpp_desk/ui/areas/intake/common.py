"""What the intake pages share: the checklist states and colours, a few small helpers."""

from __future__ import annotations

from typing import Any, Protocol, cast

from PySide6.QtWidgets import QWidget
from mpp_desk.intake.rules import STATUS_LABELS

PRESENT, MISSING, INVALID = "present_valid", "missing", "invalid"
CYCLE = (None, PRESENT, MISSING, INVALID)
STATE_COLOURS = {PRESENT: "#e8f5e9", MISSING: "#ffebee", INVALID: "#fff3e0"}
STATE_MARKS = {PRESENT: "✓", MISSING: "✗", INVALID: "⚠"}
PREVIEW_WIDTH = 560  # pixels: an A4 page fits beside the result; a roll receipt shows at about print size


def repolish(widget: QWidget) -> None:
    """Apply the style sheet again after the object name changed (errorNote, okNote, statusNote)."""
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    widget.update()


class AreaHost(Protocol):
    """The role shell as its areas see it (mpp_desk.ui.shell)."""

    def area_keys(self) -> list[str]: ...
    def open_area(self, key: str) -> Any: ...  # the area's own class, which the caller knows by its key


def find_shell(widget: QWidget) -> AreaHost | None:
    """The role shell that holds *widget* (it can open another area), or None."""
    parent = widget.parentWidget()
    while parent is not None and not hasattr(parent, "open_area"):
        parent = parent.parentWidget()
    return cast("AreaHost | None", parent)  # Qt types parentWidget() as QWidget; the loop found the shell


def intake_text(text: str) -> str:
    """A service label of the "intake" context in the interface language."""
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("intake", text)



def status_source(visit) -> str:
    """The (untranslated) status label of a visit's application ("incomplete" without one)."""
    status = visit.application.status if visit.application is not None else "incomplete"
    return STATUS_LABELS[status]
