"""What the complaint desk's panels share: notes, office time in the date-time edits, the case list."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import QLabel

from mpp_desk.complaints import labels
from mpp_desk.textformat import format_date
from mpp_desk.ui.table_model import RowTableModel
from mpp_desk.officetime import local, office_tz


ASSESS_DELAY_MS = 250
AUTOSAVE_MS = 3000


def set_note(label: QLabel, text: str, kind: str = "statusNote") -> None:
    """Show *text* in a note label styled as statusNote, okNote or errorNote (re-polished)."""
    label.setObjectName(kind)
    label.style().unpolish(label)
    label.style().polish(label)
    label.setText(text)
    label.setVisible(bool(text))


def office_now() -> dt.datetime:
    return local()  # the process clock (ctx.clock), in office time


def to_office_datetime(value: QDateTime) -> dt.datetime:
    """The edit's date and time read as office time (WIB), whatever the PC's own time zone."""
    d, t = value.date(), value.time()
    return dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=office_tz())


def to_qdatetime(moment: dt.datetime) -> QDateTime:
    m = local(moment)
    return QDateTime(QDate(m.year, m.month, m.day), QTime(m.hour, m.minute))


def due_text(summary) -> str:
    from PySide6.QtCore import QCoreApplication

    if summary.status == "closed":
        return labels.label(labels.STATUSES, "closed")
    if summary.responded_on is not None:
        return QCoreApplication.translate("ComplaintsArea", "Answered {date}").format(
            date=format_date(summary.responded_on, weekday=False))
    if summary.overdue_days or (summary.days_left is None and summary.status == "open"):
        return QCoreApplication.translate("ComplaintsArea", "Overdue %n working day(s)", "", summary.overdue_days)
    if summary.days_left == 0:
        return QCoreApplication.translate("ComplaintsArea", "Due today")
    return QCoreApplication.translate("ComplaintsArea", "%n working day(s) left", "", summary.days_left or 0)


def reporter_text(summary) -> str:
    from PySide6.QtCore import QCoreApplication

    if summary.reporter.anonymous:
        return QCoreApplication.translate("ComplaintsArea", "Anonymous")
    return summary.reporter.name


def case_model(parent) -> RowTableModel:
    """The case list's columns."""
    from PySide6.QtCore import QCoreApplication

    translate = QCoreApplication.translate
    return RowTableModel([
        (translate("ComplaintsArea", "Number"), lambda s: s.case_number),
        (translate("ComplaintsArea", "Type"), lambda s: labels.label(labels.KINDS, s.kind)),
        (translate("ComplaintsArea", "Received"), lambda s: format_date(s.received_on, weekday=False)),
        (translate("ComplaintsArea", "Respond by"), lambda s: format_date(s.respond_by, weekday=False)),
        (translate("ComplaintsArea", "State"), due_text),
        (translate("ComplaintsArea", "Reporter"), reporter_text),
        (translate("ComplaintsArea", "Service"), lambda s: s.service_title),
        (translate("ComplaintsArea", "Officer"), lambda s: s.assignee),
    ], parent)
