"""The working-day calendar: a month view with national holidays, cuti bersama and local closures."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QColor, QTextCharFormat
from PySide6.QtWidgets import (
    QCalendarWidget,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mpp_desk.roles import Permission, allowed
from mpp_desk.textformat import format_date
from mpp_desk.ui.forms import error_text
from mpp_desk.ui.tasks import Op, TaskManager
from mpp_desk.ui.ops import calendar as ops

if TYPE_CHECKING:
    from mpp_desk.ui.ops.calendar import YearView

COLOURS = {
    "national": "#c62828",
    "cuti_bersama": "#ef6c00",
    "local_closure": "#6a1b9a",
    "opened": "#2e7d32",
}


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class CalendarArea(QWidget):
    """Month view; administrators add or remove local closure days with a reason."""

    def __init__(self, *, ctx, tasks: TaskManager, actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._tasks = tasks
        self._actor = actor
        self._views: dict[int, YearView] = {}
        self._formatted: list[QDate] = []
        self.can_edit = allowed(actor, Permission.EDIT_CALENDAR)

        title = QLabel(self.tr("Working-day calendar"))
        title.setObjectName("pageTitle")
        left = self._build_calendar()
        self.month_list = QListWidget()
        self.selected = QLabel()
        self.selected.setObjectName("sectionTitle")
        self.selected.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("statusNote")
        self.status.setWordWrap(True)
        right = QVBoxLayout()
        right.addWidget(self.selected)
        right.addWidget(QLabel(self.tr("Non-working days this month")))
        right.addWidget(self.month_list, 1)
        right.addWidget(self._build_change())
        right.addWidget(self._build_due())
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(body, 1)
        layout.addWidget(self.status)

        self.calendar.currentPageChanged.connect(lambda year, _month: self.load_year(year))
        self.calendar.selectionChanged.connect(self._selection_changed)
        self.close_button.clicked.connect(lambda: self._change("close"))
        self.open_button.clicked.connect(lambda: self._change("open"))
        self.due_days.valueChanged.connect(lambda _v: self._compute_due())
        self.reason.returnPressed.connect(lambda: self._change("close"))
        self.load_year(self.calendar.yearShown())

    def _build_calendar(self) -> QVBoxLayout:
        """The month, coloured by kind of day, and its legend."""
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.setLocale(self.locale())
        self.calendar.setMinimumSize(420, 340)
        today = _qdate(self._ctx.clock.today())  # the office's date, not the PC's
        self.calendar.setSelectedDate(today)
        self.calendar.setCurrentPage(today.year(), today.month())
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        legend = QLabel(
            " &nbsp; ".join(
                f'<span style="color:{COLOURS[key]}">■</span> {text}'
                for key, text in (
                    ("national", self.tr("National holiday")),
                    ("cuti_bersama", self.tr("Cuti bersama")),
                    ("local_closure", self.tr("Local closure")),
                    ("opened", self.tr("Holiday worked (local opening)")),
                )
            )
        )
        left = QVBoxLayout()
        left.addWidget(self.calendar, 1)
        left.addWidget(legend)
        return left

    def _build_change(self) -> QGroupBox:
        """The administrator's local closing or opening of the selected day."""
        change = QGroupBox(self.tr("Local change for the selected day"))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Reason (required), e.g. a regent's decree"))
        self.close_button = QPushButton(self.tr("Close the office on this day"))
        self.open_button = QPushButton(self.tr("Open the office on this day"))
        change_layout = QVBoxLayout(change)
        change_layout.addWidget(self.reason)
        change_layout.addWidget(self.close_button)
        change_layout.addWidget(self.open_button)
        change.setVisible(self.can_edit)
        return change

    def _build_due(self) -> QGroupBox:
        due = QGroupBox(self.tr("Due date calculator"))
        self.due_days = QSpinBox()
        self.due_days.setRange(0, 365)
        self.due_days.setValue(7)
        self.due_result = QLabel()
        self.due_result.setWordWrap(True)
        due_layout = QFormLayout(due)
        due_layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        due_layout.addRow(self.tr("Working days after the selected day"), self.due_days)
        due_layout.addRow(self.due_result)
        return due

    # ----- data ------------------------------------------------------------------------------------
    def load_year(self, year: int, *, force: bool = False) -> None:
        if year in self._views and not force:
            self._paint()
            return
        Op(self._tasks, lambda: ops.year_view(self._ctx, year=year)).success(self._loaded).failure(self._failed).run()

    def _loaded(self, view) -> None:
        self._views[view.year] = view
        self._paint()

    def _failed(self, error: BaseException) -> None:
        self.status.setObjectName("errorNote")
        self.status.setStyleSheet("")
        self.status.setText(error_text(error))

    def day_info(self, day: dt.date):
        """(source key, name) of a non-working or locally opened day, else None."""
        view = self._views.get(day.year)
        if view is None:
            return None
        if day in view.opened:
            return "opened", view.opened[day]
        for entry in view.days:
            if entry.day == day:
                return entry.source.value, entry.name
        return None

    def _paint(self) -> None:
        for qd in self._formatted:
            self.calendar.setDateTextFormat(qd, QTextCharFormat())
        self._formatted = []
        year, month = self.calendar.yearShown(), self.calendar.monthShown()
        view = self._views.get(year)
        self.month_list.clear()
        if view is None:
            return
        for entry in view.days:
            fmt = QTextCharFormat()
            fmt.setForeground(QBrush(QColor(COLOURS.get(entry.source.value, "#c62828"))))
            fmt.setFontWeight(700)
            fmt.setToolTip(entry.name)
            qd = _qdate(entry.day)
            self.calendar.setDateTextFormat(qd, fmt)
            self._formatted.append(qd)
            if entry.day.month == month and entry.day.weekday() < 5:
                item = QListWidgetItem(f"{format_date(entry.day)} — {entry.name}")
                item.setForeground(QBrush(QColor(COLOURS.get(entry.source.value, "#c62828"))))
                item.setData(Qt.ItemDataRole.UserRole, entry.day)
                self.month_list.addItem(item)
        for day, reason in sorted(view.opened.items()):
            fmt = QTextCharFormat()
            fmt.setForeground(QBrush(QColor(COLOURS["opened"])))
            fmt.setToolTip(reason)
            qd = _qdate(day)
            self.calendar.setDateTextFormat(qd, fmt)
            self._formatted.append(qd)
            if day.month == month:
                item = QListWidgetItem(self.tr("{date} — office open: {reason}").format(date=format_date(day), reason=reason))
                item.setForeground(QBrush(QColor(COLOURS["opened"])))
                self.month_list.addItem(item)
        self._selection_changed()

    def _selection_changed(self) -> None:
        day = _pydate(self.calendar.selectedDate())
        info = self.day_info(day)
        if day.weekday() >= 5:
            state = self.tr("weekend")
        elif info is None:
            state = self.tr("working day")
        elif info[0] == "opened":
            state = self.tr("working day (holiday worked: {reason})").format(reason=info[1])
        else:
            state = self.tr("not a working day: {name}").format(name=info[1])
        self.selected.setText(f"{format_date(day)} — {state}")
        self._compute_due()

    def _compute_due(self) -> None:
        start, days = _pydate(self.calendar.selectedDate()), self.due_days.value()
        Op(self._tasks, lambda: ops.due_date(self._ctx, start=start, days=days)).success(
            lambda due: self.due_result.setText(self.tr("Due: {date}").format(date=format_date(due)))
        ).failure(lambda e: self.due_result.setText(error_text(e))).run()

    def _change(self, what: str) -> None:
        if not self.can_edit:
            return
        day, reason = _pydate(self.calendar.selectedDate()), self.reason.text()
        fn = ops.close_day if what == "close" else ops.open_day
        self.close_button.setEnabled(False)
        self.open_button.setEnabled(False)
        Op(self._tasks, lambda: fn(self._ctx, actor=self._actor, day=day, reason=reason)).success(
            lambda _r: self._changed(day)
        ).failure(self._change_failed).run()

    def _changed(self, day: dt.date) -> None:
        self.close_button.setEnabled(True)
        self.open_button.setEnabled(True)
        self.reason.clear()
        self.status.setObjectName("statusNote")
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Saved: {date}.").format(date=format_date(day)))
        self.load_year(day.year, force=True)

    def _change_failed(self, error: BaseException) -> None:
        self.close_button.setEnabled(True)
        self.open_button.setEnabled(True)
        self._failed(error)  # the reason stays typed
