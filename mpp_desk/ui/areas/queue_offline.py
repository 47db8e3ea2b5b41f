"""Counters without the queue server (issue 14, docs/queue.md): the supervisor's setting and what came of it.

- :class:`OfflineCallingBox` (in the queue set-up, beside the board's running text): the office setting
  ``queue.offline_calling``, whether a counter that lost the server may call from the last waiting list it knew.
- :class:`ServedTwiceTab` (a tab of the queue statistics): the tickets served twice, a counter that served a
  ticket without the server while another counter had called or served it. The server keeps them
  (``q_conflicts``); the tab reads them over the network for the day shown, and its title carries their
  number: never hidden."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from mpp_desk.officetime import OFFICE_TZ_ABBREVIATION, hhmm
from mpp_desk.queue import labels
from mpp_desk.ui.forms import error_text
from mpp_desk.ui.ops import counter_offline as ops
from mpp_desk.ui.table_model import RowTableModel, list_table
from mpp_desk.ui.tasks import Op, TaskManager


def _time(moment: dt.datetime | None) -> str:
    """"10.05 WIB" in office time, or a dash."""
    return f"{hhmm(moment, '.')} {OFFICE_TZ_ABBREVIATION}" if moment is not None else "—"


class ServedTwiceTab(QWidget):
    sig_loaded = Signal(int)
    """The day's list was read (how many tickets)."""

    def __init__(self, *, ctx, tasks: TaskManager, actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx, self._tasks, self._actor = ctx, tasks, actor
        self.rows: tuple = ()
        self.model = RowTableModel([
            (self.tr("Ticket"), lambda r: r.ticket_code),
            (self.tr("Served offline at"), lambda r: self.tr("counter {number} ({pc})").format(
                number=r.offline_counter, pc=r.offline_device)),
            (self.tr("Called there"), lambda r: _time(r.offline_called_at)),
            (self.tr("Last offline action"), lambda r: "{action}, {at}".format(
                action=labels.label(labels.ACTION_LABELS, r.offline_action), at=_time(r.offline_at))),
            (self.tr("Also at"), lambda r: self.tr("counter {number}").format(number=r.other_counter)
             if r.other_counter is not None else "—"),
            (self.tr("Status there"), lambda r: labels.label(labels.STATUS_LABELS, r.other_status)),
            (self.tr("Called there first"), lambda r: _time(r.other_called_at)),
        ], self)
        self.table = list_table(self.model, single_selection=False)
        self.note = QLabel()
        self.note.setObjectName("statusNote")
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)

    def load(self, day: dt.date) -> None:
        ctx, actor = self._ctx, self._actor
        Op(self._tasks, lambda: ops.served_twice(ctx, actor=actor, date=day)).success(
            lambda rows: self._show(day, rows)).failure(self._failed).run()

    def _show(self, day: dt.date, rows: tuple) -> None:
        self.rows = rows
        self.model.set_rows(rows)
        if rows:
            self.note.setObjectName("errorNote")
            self.note.setText(self.tr("A counter without the server served these tickets while another counter had "
                                      "called or served them. Check them with both counters."))
        else:
            self.note.setObjectName("statusNote")
            self.note.setText(self.tr("No ticket was served twice on this day."))
        self.note.style().unpolish(self.note)
        self.note.style().polish(self.note)
        self.sig_loaded.emit(len(rows))

    def _failed(self, error: BaseException) -> None:
        self.note.setObjectName("errorNote")
        self.note.setText(self.tr("The tickets served twice could not be read: {reason}").format(
            reason=error_text(error)))
        self.note.style().unpolish(self.note)
        self.note.style().polish(self.note)


class OfflineCallingBox(QCheckBox):
    """The setting, read when shown and saved when the person ticks it (audited, synced to the counter PCs)."""

    sig_said = Signal(str, str)
    """What to tell the person (text, style object name) once saved or refused."""

    def __init__(self, *, ctx, tasks: TaskManager, actor, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Counters may call offline from the last known waiting list"), parent)
        self.setToolTip(self.tr("When a counter PC loses the queue server it can always serve the number it has. "
                                "With this on, it may also call the next number from the last waiting list it "
                                "received; a number another counter called meanwhile is then shown in the queue "
                                "statistics as served twice."))
        self._ctx, self._tasks, self._actor = ctx, tasks, actor
        self.setEnabled(False)
        self.clicked.connect(self._save)
        Op(tasks, lambda: ops.offline_calling_allowed(ctx)).success(self._show).run()

    def _show(self, allowed: bool) -> None:
        self.setChecked(allowed)
        self.setEnabled(True)

    def _save(self, allowed: bool) -> None:
        ctx, actor = self._ctx, self._actor
        self.setEnabled(False)
        Op(self._tasks, lambda: ops.save_offline_calling(ctx, actor=actor, allowed=allowed)).success(
            self._saved).failure(self._failed).run()

    def _saved(self, allowed: bool) -> None:
        self._show(allowed)
        self.sig_said.emit(self.tr("Counters may now call from the last known waiting list when the server is away.")
                           if allowed else self.tr("Counters without the server now only serve the number they "
                                                   "have."), "okNote")

    def _failed(self, error: BaseException) -> None:
        self.sig_said.emit(error_text(error), "errorNote")
        ctx = self._ctx
        Op(self._tasks, lambda: ops.offline_calling_allowed(ctx)).success(self._show).run()
