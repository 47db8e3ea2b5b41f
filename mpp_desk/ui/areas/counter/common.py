"""What the counter's queue panel and its parts share: the actions, their keys, small formatters."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt

from mpp_desk.i18n import N_
from mpp_desk.officetime import hhmm
from mpp_desk.queue.labels import STATUS_LABELS

CHECK_MS = 2000  # how often the panel looks for changes made elsewhere

# action -> (key, English label); the order of the buttons
ACTIONS = (
    ("call", Qt.Key.Key_F5, N_("QueuePanel", "Call next")),
    ("recall", Qt.Key.Key_F6, N_("QueuePanel", "Recall")),
    ("start", Qt.Key.Key_F7, N_("QueuePanel", "Start service")),
    ("finish", Qt.Key.Key_F8, N_("QueuePanel", "Finish…")),
    ("no_show", Qt.Key.Key_F9, N_("QueuePanel", "Absent")),
    ("transfer", Qt.Key.Key_F10, N_("QueuePanel", "Transfer…")),
    ("hold", Qt.Key.Key_F11, N_("QueuePanel", "Hold")),
    ("resume", Qt.Key.Key_F12, N_("QueuePanel", "Resume held")),
)
KEY_NAMES = {Qt.Key.Key_F5: "F5", Qt.Key.Key_F6: "F6", Qt.Key.Key_F7: "F7", Qt.Key.Key_F8: "F8",
             Qt.Key.Key_F9: "F9", Qt.Key.Key_F10: "F10", Qt.Key.Key_F11: "F11", Qt.Key.Key_F12: "F12"}
# which current-ticket states allow each action (the service checks again)
ENABLED_WHEN = {
    "call": (None,),
    "recall": ("called",),
    "start": ("called",),
    "finish": ("serving",),
    "no_show": ("called",),
    "transfer": ("called", "serving"),
    "hold": ("called", "serving"),
}
OUTCOME_ORDER = ("completed", "incomplete", "information", "referred", "other")


def queue_text(text: str) -> str:
    """A label of the queue service layer (context ``queue``) in the interface language."""
    return QCoreApplication.translate("queue", text)


def local_time(moment: dt.datetime | None) -> str:
    """``09:46`` in office time, or nothing."""
    if moment is None:
        return ""

    return hhmm(moment)


def minutes_between(start: dt.datetime | None, end: dt.datetime) -> int:
    if start is None:
        return 0
    return max(0, int((end - start).total_seconds() // 60))


def status_label(status: str) -> str:
    return queue_text(STATUS_LABELS.get(status, status))
