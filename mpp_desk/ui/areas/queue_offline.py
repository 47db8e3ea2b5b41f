"""Counters without the queue server (issue 14, docs/queue.md): the supervisor's setting and what came of it.

- :class:`OfflineCallingBox` (in the queue set-up, beside the board's running text): the office setting
  ``queue.offline_calling``, whether a counter that lost the server may call from the last waiting list it knew.
- :class:`ServedTwiceTab` (a tab of the queue statistics): the tickets served twice, a counter that served a
  ticket without the server while another counter had called or served it. The server keeps them
  (``q_conflicts``); the tab reads them over the network for the day shown, and its title carries the number not
  yet checked. A supervisor or administrator marks the selected one "checked" (:class:`CheckedNoteDialog` asks an
  optional note; the server keeps their full name and the time, once): it stays listed, with who checked it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mpp_desk.limits import limit
from mpp_desk.officetime import OFFICE_TZ_ABBREVIATION, dmy, hhmm
from mpp_desk.queue import labels
from mpp_desk.roles import Permission, allowed
from mpp_desk.ui.forms import error_text, fit_to_screen
from mpp_desk.ui.ops import counter_offline as ops
from mpp_desk.ui.table_model import RowTableModel, list_table
from mpp_desk.ui.tasks import Op, TaskManager


def _time(moment: dt.datetime | None) -> str:
    """"10.05 WIB" in office time, or a dash."""
    return f"{hhmm(moment, '.')} {OFFICE_TZ_ABBREVIATION}" if moment is not None else "—"


class CheckedNoteDialog(QDialog):
    """Asks what the supervisor found about a ticket served twice (optional) before it is marked checked."""

    def __init__(self, row, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Mark as checked"))
        heading = QLabel(self.tr("Ticket {code} of {day}, served at counter {one} and at counter {two}: mark it as "
                                 "checked? It stays in the list, with your name and the time.").format(
            code=row.ticket_code, day=dmy(row.service_date), one=row.offline_counter,
            two=row.other_counter if row.other_counter is not None else "—"))
        heading.setWordWrap(True)
        self.note = QLineEdit()
        self.note.setMaxLength(limit("served_twice_note"))
        self.note.setPlaceholderText(self.tr("Note (optional), e.g. what the two counters said"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Mark as checked"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 520, 180)


class ServedTwiceTab(QWidget):
    sig_loaded = Signal(int)
    """The day's list was read, or an entry marked checked (how many are not checked yet)."""

    def __init__(self, *, ctx, tasks: TaskManager, actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx, self._tasks, self._actor = ctx, tasks, actor
        self.rows: tuple = ()
        self.dialog: CheckedNoteDialog | None = None
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
            (self.tr("Checked"), self._checked_text),
        ], self)
        self.table = list_table(self.model)
        self.note = QLabel()
        self.note.setObjectName("statusNote")
        self.note.setWordWrap(True)
        self.check_button = QPushButton(self.tr("Mark as checked"))
        self.check_button.setToolTip(self.tr("The selected ticket was looked into with both counters: your name and "
                                             "the time are kept with it, and it stays in the list."))
        self.check_button.setEnabled(False)
        self.check_button.setVisible(allowed(actor, Permission.VIEW_REPORTS))  # the supervisor, the administrator
        self.check_button.clicked.connect(self.mark_selected)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def _checked_text(self, row) -> str:
        if row.checked_at is None:
            return self.tr("not yet")
        text = "{name}, {day} {time}".format(name=row.checked_by, day=dmy(row.checked_at), time=_time(row.checked_at))
        return f"{text}: {row.checked_note}" if row.checked_note else text

    def load(self, day: dt.date) -> None:
        ctx, actor = self._ctx, self._actor
        Op(self._tasks, lambda: ops.served_twice(ctx, actor=actor, date=day)).success(
            lambda rows: self._show(day, rows)).failure(self._failed).run()

    def selected(self):
        """The selected entry, or None."""
        chosen = self.table.selectionModel().selectedRows()
        return self.model.row_object(chosen[0].row()) if chosen else None

    def _selection_changed(self, *_args) -> None:
        row = self.selected()
        self.check_button.setEnabled(row is not None and not row.checked)

    def mark_selected(self) -> None:
        """Ask the optional note for the selected unchecked entry; OK marks it on the server (in the background)."""
        row = self.selected()
        if row is None or row.checked:
            return
        dialog = self.dialog = CheckedNoteDialog(row, self)
        dialog.accepted.connect(lambda: self._mark(row, dialog.note.text()))
        dialog.finished.connect(lambda _result: self._closed(dialog))
        dialog.open()

    def _closed(self, dialog: CheckedNoteDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _mark(self, row, note: str) -> None:
        ctx, actor, conflict_id = self._ctx, self._actor, row.id
        self.check_button.setEnabled(False)
        Op(self._tasks, lambda: ops.mark_served_twice_checked(ctx, actor=actor, conflict_id=conflict_id, note=note)
           ).success(self._marked).failure(self._mark_failed).run()

    def _marked(self, checked) -> None:
        self.rows = tuple(checked if r.id == checked.id else r for r in self.rows)
        self.model.set_rows(self.rows)
        self._selection_changed()
        self._say(self.tr("Ticket {code} is marked as checked.").format(code=checked.ticket_code), "okNote")
        self.sig_loaded.emit(sum(1 for r in self.rows if not r.checked))

    def _mark_failed(self, error: BaseException) -> None:
        self._selection_changed()
        self._say(error_text(error), "errorNote")

    def _show(self, day: dt.date, rows: tuple) -> None:
        self.rows = rows
        self.model.set_rows(rows)
        self._selection_changed()
        unchecked = sum(1 for r in rows if not r.checked)
        if unchecked:
            self._say(self.tr("A counter without the server served these tickets while another counter had "
                              "called or served them. Check them with both counters."), "errorNote")
        elif rows:
            self._say(self.tr("Every ticket served twice on this day has been checked."), "statusNote")
        else:
            self._say(self.tr("No ticket was served twice on this day."), "statusNote")
        self.sig_loaded.emit(unchecked)

    def _failed(self, error: BaseException) -> None:
        self._say(self.tr("The tickets served twice could not be read: {reason}").format(reason=error_text(error)),
                  "errorNote")

    def _say(self, text: str, kind: str) -> None:
        self.note.setObjectName(kind)
        self.note.setText(text)
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
