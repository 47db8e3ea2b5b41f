"""Queue statistics of one day for the supervisor: issued, served, absent; waiting and service times
(average and 90th percentile) per group and per counter; tickets per hour."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mpp_desk.queue.stats import BOOKING, KIOSK, OFFLINE
from mpp_desk.textformat import format_date
from mpp_desk.ui.areas.queue_offline import ServedTwiceTab
from mpp_desk.ui.forms import error_text
from mpp_desk.ui.table_model import RowTableModel, list_table
from mpp_desk.ui.tasks import Op, TaskManager
from mpp_desk.ui.ops import queue as ops


def minutes_text(seconds: float | None) -> str:
    """Seconds as minutes for people: "4,5 mnt"-style, or "—" when there is nothing to measure."""
    if seconds is None:
        return "—"
    from PySide6.QtCore import QCoreApplication, QLocale

    return QCoreApplication.translate("QueueStatsArea", "{value} min").format(
        value=QLocale().toString(seconds / 60, "f", 1))


class HourChart(QWidget):
    """Tickets per hour of the day as bars (office hours, 07–17, plus any other hour that has tickets)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statsChart")
        self.per_hour: dict[int, int] = {}
        self.setMinimumHeight(150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_counts(self, per_hour: dict[int, int]) -> None:
        self.per_hour = dict(per_hour)
        self.update()

    def hours(self) -> list[int]:
        shown = set(range(7, 18)) | set(self.per_hour)
        return list(range(min(shown), max(shown) + 1))

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        hours = self.hours()
        top = max(self.per_hour.values(), default=0) or 1
        metrics = self.fontMetrics()
        label_h = metrics.height() + 4
        area_h = self.height() - 2 * label_h - 4
        slot = self.width() / len(hours)
        for index, hour in enumerate(hours):
            count = self.per_hour.get(hour, 0)
            x = index * slot
            bar_h = area_h * count / top
            rect = QRectF(x + slot * 0.15, label_h + area_h - bar_h, slot * 0.7, bar_h)
            painter.fillRect(rect, QColor("#1565c0"))
            painter.setPen(QColor("#0b3d6e"))
            if count:
                painter.drawText(QRectF(x, rect.top() - label_h, slot, label_h),
                                 Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, str(count))
            painter.setPen(QColor("#4a5a6a"))
            painter.drawText(QRectF(x, self.height() - label_h, slot, label_h), Qt.AlignmentFlag.AlignCenter,
                             f"{hour:02d}")


class QueueStatsArea(QWidget):
    """A day picker, the day's totals, a table per group and per counter, and tickets per hour."""

    sig_loaded = Signal(object)
    """Statistics were loaded (the DailyStats)."""

    def __init__(self, *, ctx, tasks: TaskManager, actor, today: dt.date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)

        self._ctx = ctx
        self._tasks = tasks
        self._actor = actor
        self.stats = None
        self.building: bool | None = None  # the PC's queue is the server's: the whole building's figures
        title = QLabel(self.tr("Queue statistics"))
        title.setObjectName("pageTitle")
        picker = self._build_picker(today or ctx.clock.today())
        totals = self._build_totals()
        self._build_tables()
        self.chart = HourChart()
        self.status = QLabel()
        self.status.setObjectName("statusNote")
        self.status.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(picker)
        layout.addLayout(totals)
        layout.addWidget(self.tables, 2)
        layout.addWidget(self._title(self.tr("Tickets issued per hour")))
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.status)

        self.show_button.clicked.connect(self.reload)
        self.day.dateChanged.connect(lambda _d: self.reload())
        self.reload()

    def _build_picker(self, day: dt.date) -> QHBoxLayout:
        """The day shown, and its name."""
        self.day = QDateEdit(QDate(day.year, day.month, day.day))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd-MM-yyyy")
        self.show_button = QPushButton(self.tr("Show"))
        self.day_label = QLabel()
        self.day_label.setObjectName("sectionTitle")
        picker = QHBoxLayout()
        picker.addWidget(QLabel(self.tr("Day")))
        picker.addWidget(self.day)
        picker.addWidget(self.show_button)
        picker.addSpacing(16)
        picker.addWidget(self.day_label, 1)
        return picker

    def _build_totals(self) -> QGridLayout:
        """The day's totals, a card each."""
        self.figures: dict[str, QLabel] = {}
        totals = QGridLayout()
        for index, (key, text) in enumerate((
            ("issued", self.tr("Issued")),
            ("served", self.tr("Served")),
            ("no_shows", self.tr("Absent")),
            ("wait_avg", self.tr("Waiting, average")),
            ("wait_p90", self.tr("Waiting, 90 % within")),
            ("service_avg", self.tr("Service, average")),
            ("service_p90", self.tr("Service, 90 % within")),
        )):
            card = QFrame()
            card.setObjectName("card")
            column = QVBoxLayout(card)
            caption = QLabel(text)
            caption.setObjectName("statusNote")
            caption.setWordWrap(True)
            figure = QLabel("—")
            figure.setObjectName("statsFigure")
            column.setContentsMargins(6, 2, 6, 2)
            column.addWidget(caption)
            column.addWidget(figure)
            totals.addWidget(card, 0, index)
            totals.setColumnStretch(index, 1)
            self.figures[key] = figure
        return totals

    def _build_tables(self) -> None:
        """The figures per queue group, per counter and per channel, in tabs; the tickets served twice."""
        columns = [
            (self.tr("Served"), lambda s: s.served),
            (self.tr("Absent"), lambda s: s.no_shows),
            (self.tr("Cancelled"), lambda s: s.cancelled),
            (self.tr("Waiting avg"), lambda s: minutes_text(s.waiting.average_seconds)),
            (self.tr("Waiting median"), lambda s: minutes_text(s.waiting.p50_seconds)),
            (self.tr("Waiting p90"), lambda s: minutes_text(s.waiting.p90_seconds)),
            (self.tr("Service avg"), lambda s: minutes_text(s.service.average_seconds)),
            (self.tr("Service p90"), lambda s: minutes_text(s.service.p90_seconds)),
        ]
        self.group_model = RowTableModel([
            (self.tr("Group"), lambda s: f"{s.key} · {s.name}"),
            (self.tr("Issued"), lambda s: s.issued),
            *columns,
        ], self)
        self.counter_model = RowTableModel([
            (self.tr("Counter"), lambda s: f"{s.key} · {s.name}"),
            *columns,
        ], self)
        channel_names = {KIOSK: self.tr("Kiosk (walk-in)"), BOOKING: self.tr("Booked visit"),
                         OFFLINE: self.tr("Kiosk, server away")}
        self.channel_model = RowTableModel([
            (self.tr("Channel"), lambda s: channel_names.get(s.key, s.key)),
            (self.tr("Issued"), lambda s: s.issued),
            *columns,
        ], self)
        self.group_table = list_table(self.group_model, single_selection=False)
        self.counter_table = list_table(self.counter_model, single_selection=False)
        self.channel_table = list_table(self.channel_model, single_selection=False)
        self.tables = QTabWidget()
        self.tables.addTab(self.group_table, self.tr("Per queue group"))
        self.tables.addTab(self.counter_table, self.tr("Per counter"))
        self.tables.addTab(self.channel_table, self.tr("Per channel"))
        self.served_twice = ServedTwiceTab(ctx=self._ctx, tasks=self._tasks, actor=self._actor)
        self.tables.addTab(self.served_twice, self.tr("Served twice"))
        self.served_twice.sig_loaded.connect(lambda n: self.tables.setTabText(
            self.tables.indexOf(self.served_twice), self.tr("Served twice (%n)", "", n) if n else self.tr("Served twice")))

    def _title(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("sectionTitle")
        return label


    def selected_day(self) -> dt.date:
        q = self.day.date()
        return dt.date(q.year(), q.month(), q.day())

    def reload(self) -> None:
        ctx, actor, day = self._ctx, self._actor, self.selected_day()
        self.status.setText(self.tr("Loading…"))
        if self.building is None:  # once, off the UI thread: does this PC's queue live on the server?
            Op(self._tasks, lambda: ops.queue_on_server(ctx)).success(self._source_known).failure(self._failed).run()
            return
        self.served_twice.load(day)
        Op(self._tasks, lambda: ops.daily_stats(ctx, actor=actor, date=day),
           lane="network" if self.building else "db").success(self._loaded).failure(self._failed).run()

    def _source_known(self, on_server: bool) -> None:
        self.building = on_server
        self.reload()

    def _loaded(self, stats) -> None:
        if stats.date != self.selected_day():
            return  # an older request answered after the day was changed again
        self.stats = stats
        total = stats.total
        self.day_label.setText(self.tr("{day}: the whole building, from the queue server").format(
            day=format_date(stats.date)) if self.building else format_date(stats.date))
        self.figures["issued"].setText(str(total.issued or 0))
        self.figures["served"].setText(str(total.served))
        self.figures["no_shows"].setText(str(total.no_shows))
        self.figures["wait_avg"].setText(minutes_text(total.waiting.average_seconds))
        self.figures["wait_p90"].setText(minutes_text(total.waiting.p90_seconds))
        self.figures["service_avg"].setText(minutes_text(total.service.average_seconds))
        self.figures["service_p90"].setText(minutes_text(total.service.p90_seconds))
        self.group_model.set_rows(stats.groups)
        self.counter_model.set_rows(stats.counters)
        self.channel_model.set_rows(stats.channels)
        self.chart.set_counts(total.per_hour)
        self.status.setText("" if total.issued else self.tr("No queue tickets on this day."))
        self.sig_loaded.emit(stats)

    def _failed(self, error: BaseException) -> None:
        self.status.setText(error_text(error))
