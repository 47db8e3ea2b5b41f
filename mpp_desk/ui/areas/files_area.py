"""Tracking application files: search, today's due and overdue list, status changes, hand-over.

The search box takes a registration number, a NIK, an NIB, a KBLI code or the start of a name;
filters add status, a date range and "overdue only". Overdue files (past the due date and not
finished, counted in working days) are highlighted. A scanned receipt code opens its file.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mpp_desk.officetime import dmy_hm
from mpp_desk.textformat import format_date
from mpp_desk.ui.areas.intake import intake_text
from mpp_desk.ui.forms import Form, error_text
from mpp_desk.ui.scan import ScanCatcher
from mpp_desk.ui.table_model import RowTableModel
from mpp_desk.ui.tasks import Op, TaskManager
from mpp_desk.intake.rules import STATE_LABELS, STATUS_LABELS
from mpp_desk.intake.service import RECENT_DAYS, SearchCriteria
from mpp_desk.ui.ops import intake as ops

OVERDUE_BACKGROUND = "#ffebee"
DUE_TODAY_BACKGROUND = "#fff8e1"
# status -> the next statuses a person may choose (the service checks again)
NEXT = {
    "received": ("in_process",),
    "in_process": ("finished", "rejected"),
    "finished": ("handed_over",),
    "rejected": ("handed_over",),
}


def status_label(status: str) -> str:
    return intake_text(STATUS_LABELS.get(status, status))


class FileTableModel(RowTableModel):
    """File rows; overdue ones are tinted red, those due today amber."""

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.BackgroundRole and index.isValid() and 0 <= index.row() < self.rowCount():
            row = self.row_object(index.row())
            if row.overdue:
                return QBrush(QColor(OVERDUE_BACKGROUND))
            if row.due_today:
                return QBrush(QColor(DUE_TODAY_BACKGROUND))
            return None
        return super().data(index, role)


class FilesArea(QWidget):
    """The file list with its filters and the detail of the selected file."""

    sig_loaded = Signal(int)
    """The list shows this many files."""

    sig_detail = Signal(object)
    """The detail shows this visit (VisitView)."""

    sig_failed = Signal(str)
    """An operation failed; the message is on screen."""

    def __init__(self, *, ctx, tasks: TaskManager, actor, today: dt.date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._tasks = tasks
        self._actor = actor
        self.today = today  # None: the office's date (a fixed day for tests and demonstrations)
        self.current = None  # VisitView in the detail
        self.mode = "today"

        title = QLabel(self.tr("Files"))
        title.setObjectName("pageTitle")
        search_row, filters = self._build_filters()
        self._build_table()
        detail = self._build_detail()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list_title)
        left_layout.addWidget(self.table, 1)
        splitter.addWidget(left)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(search_row)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)

        self._connect()
        self._pending_status: str | None = None
        self._show_actions(None)
        self.show_due()

    def _build_filters(self) -> tuple[QHBoxLayout, QHBoxLayout]:
        """The search field and the filters: status, dates received, overdue only."""
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Registration number, NIK, NIB, KBLI or the start of a name…"))
        self.search.setClearButtonEnabled(True)
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("All registered"), None)
        for status in ("received", "in_process", "finished", "rejected", "handed_over", "incomplete"):
            self.status_filter.addItem(status_label(status), status)
        self.use_dates = QCheckBox(self.tr("Received from"))
        today = self.today or self._ctx.clock.today()
        self.date_from = QDateEdit(QDate(today.year, today.month, 1))
        self.date_to = QDateEdit(QDate(today.year, today.month, today.day))
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd-MM-yyyy")
        self.overdue_only = QCheckBox(self.tr("Overdue only"))
        self.find_button = QPushButton(self.tr("Search (Enter)"))
        self.today_button = QPushButton(self.tr("Due today and overdue"))
        self.search.setMinimumWidth(320)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.find_button)
        search_row.addWidget(self.today_button)
        filters = QHBoxLayout()
        filters.addWidget(self.status_filter)
        filters.addWidget(self.use_dates)
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel(self.tr("to")))
        filters.addWidget(self.date_to)
        filters.addWidget(self.overdue_only)
        filters.addStretch(1)
        self.list_title = QLabel()
        self.list_title.setObjectName("sectionTitle")

        return search_row, filters

    def _build_table(self) -> None:
        """The files found."""
        self.model = FileTableModel([
            (self.tr("Registration number"), lambda r: r.registration_number or "—"),
            (self.tr("Status"), lambda r: status_label(r.status)),
            (self.tr("Received"), lambda r: r.received_date.strftime("%d-%m-%Y")),
            (self.tr("Due"), lambda r: r.due_date.strftime("%d-%m-%Y") if r.due_date else "—"),
            (self.tr("Late"), self._late_text),
            (self.tr("Service"), lambda r: f"KBLI {r.service_kbli} {r.service_title}"),
            (self.tr("Applicant"), lambda r: r.business_name or r.applicant_name),
            (self.tr("NIK"), lambda r: r.nik_masked),
        ], self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)

    def _build_detail(self) -> QGroupBox:
        """The chosen file: its facts, its history, the next steps."""
        detail = QGroupBox(self.tr("File"))
        self.detail_title = QLabel(self.tr("Choose a file in the list."))
        self.detail_title.setObjectName("sectionTitle")
        self.detail_title.setWordWrap(True)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.history = QLabel()
        self.history.setWordWrap(True)
        self.history.setTextFormat(Qt.TextFormat.RichText)
        self.action_buttons: dict[str, QPushButton] = {
            "in_process": QPushButton(self.tr("Start processing")),
            "finished": QPushButton(self.tr("Finished")),
            "rejected": QPushButton(self.tr("Reject…")),
            "handed_over": QPushButton(self.tr("Hand over…")),
        }
        actions = QHBoxLayout()
        for status, button in self.action_buttons.items():
            actions.addWidget(button)
            button.clicked.connect(lambda _checked=False, s=status: self.ask_status(s))
        actions.addStretch(1)
        self._build_step_box()
        self.status = QLabel()
        self.status.setObjectName("statusNote")
        self.status.setWordWrap(True)
        detail_layout = QVBoxLayout(detail)
        detail_layout.addWidget(self.detail_title)
        detail_layout.addWidget(self.detail)
        detail_layout.addWidget(self.history)
        detail_layout.addLayout(actions)
        detail_layout.addWidget(self.step_box)
        detail_layout.addStretch(1)

        return detail

    def _build_step_box(self) -> None:
        """The reason of a rejection, or who received the result, asked under the buttons."""
        self.step_box = QWidget()
        step_form = QFormLayout(self.step_box)
        self.step_form = Form(step_form)
        self.reason = QLineEdit()
        self.handed_over_to = QLineEdit()
        self.handed_over_to.setPlaceholderText(self.tr("Name of the person who received the result"))
        self.step_form.add("reason", self.tr("Reason for the rejection"), self.reason)
        self.step_form.add("handed_over_to", self.tr("Handed over to"), self.handed_over_to)
        self.step_confirm = QPushButton()
        self.step_cancel = QPushButton(self.tr("Cancel"))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.step_cancel)
        row.addWidget(self.step_confirm)
        step_form.addRow(row)
        self.step_box.hide()

    def _connect(self) -> None:
        """Searching, choosing a file, the next step, a scanned receipt."""
        self.search.returnPressed.connect(self.run_search)
        self.find_button.clicked.connect(self.run_search)
        self.today_button.clicked.connect(self.show_due)
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.step_cancel.clicked.connect(self._close_step)
        self.step_confirm.clicked.connect(self._confirm_step)
        self.reason.returnPressed.connect(self._confirm_step)
        self.handed_over_to.returnPressed.connect(self._confirm_step)
        self.scanner = ScanCatcher(self)
        self.scanner.sig_scanned.connect(self.open_scanned)

    # ----- lists ----------------------------------------------------------------------------------
    def _late_text(self, row) -> str:
        if row.overdue:
            return self.tr("%n working day(s)", "", row.overdue_working_days) if row.overdue_working_days \
                else self.tr("past due")
        if row.due_today:
            return self.tr("due today")
        return ""

    def criteria(self):
        status = self.status_filter.currentData()
        date_from = date_to = None
        if self.use_dates.isChecked():
            f, t = self.date_from.date(), self.date_to.date()
            date_from, date_to = dt.date(f.year(), f.month(), f.day()), dt.date(t.year(), t.month(), t.day())
        return SearchCriteria(query=self.search.text().strip() or None, status=status, date_from=date_from,
                              date_to=date_to, overdue_only=self.overdue_only.isChecked())

    def run_search(self) -> None:
        text = self.search.text().strip()
        if "://" in text:  # a scanned code that reached the box anyway
            self.search.clear()
            self.open_scanned(text)
            return
        self.mode = "search"
        ctx, actor, criteria, today = self._ctx, self._actor, self.criteria(), self.today
        Op(self._tasks, lambda: ops.search_files(ctx, actor=actor, criteria=criteria, today=today)).success(
            self._show_rows).failure(self._failed).run()

    def show_due(self) -> None:
        self.mode = "today"
        ctx, actor, today = self._ctx, self._actor, self.today
        Op(self._tasks, lambda: ops.opening_files(ctx, actor=actor, today=today)).success(
            self._show_opening).failure(self._failed).run()

    def _show_opening(self, found) -> None:
        rows, recent = found
        if recent:  # nothing due: the latest files, so the list is never empty while there is work
            self.mode = "recent"
        self._show_rows(rows)

    def _show_rows(self, rows) -> None:
        self.model.set_rows(rows)
        if self.mode == "recent":
            self.list_title.setText(self.tr("Nothing is due today or overdue. Files received in the last {days} "
                                            "days: {count}").format(days=RECENT_DAYS, count=len(rows)))
        elif self.mode == "today":
            overdue = sum(1 for r in rows if r.overdue)
            self.list_title.setText(self.tr("Due today: {due} · overdue: {late}").format(
                due=sum(1 for r in rows if r.due_today), late=overdue))
        else:
            self.list_title.setText(self.tr("%n file(s) found", "", len(rows)))
        self.sig_loaded.emit(len(rows))
        if rows and self.current is None:
            self.table.selectRow(0)

    def _failed(self, error: BaseException) -> None:
        self.status.setObjectName("errorNote")
        self.status.setStyleSheet("")
        self.status.setText(error_text(error))
        self.sig_failed.emit(error_text(error))

    # ----- the detail -----------------------------------------------------------------------------
    def _row_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.open_visit(self.model.row_object(current.row()).visit_id)

    def open_visit(self, visit_id) -> None:
        ctx, actor = self._ctx, self._actor
        Op(self._tasks, lambda: ops.get_visit(ctx, actor=actor, visit_id=visit_id)).success(self.show_visit).failure(
            self._failed).run()

    def show_visit(self, visit) -> None:
        """Show one file (also called by the intake area for a scanned receipt)."""
        import html


        self.current = visit
        self._close_step()
        app = visit.application
        applicant = visit.applicant
        if app is not None:
            self.detail_title.setText(f"{app.registration_number} — {status_label(app.status)}")
        else:
            self.detail_title.setText(self.tr("Incomplete visit (no registration number)"))
        lines = [
            (self.tr("Service"), f"KBLI {visit.service_kbli} {visit.service_title} "
                                 f"({visit.product_type}, {visit.risk_level})"),
            (self.tr("Applicant"), applicant.full_name + (f" · {applicant.business_name}" if applicant.business_name
                                                          else "")),
            (self.tr("NIK"), applicant.nik_masked),
        ]
        if applicant.revealed and applicant.phone:
            lines.append((self.tr("Phone"), applicant.phone))
        if applicant.nib:
            lines.append((self.tr("NIB"), applicant.nib))
        if app is not None:
            lines.append((self.tr("Received"), format_date(app.received_date)))
            due = format_date(app.due_date)
            if app.overdue:
                due += " — " + self.tr("overdue by %n working day(s)", "", app.overdue_working_days)
            lines.append((self.tr("Due"), due))
            if app.rejection_reason:
                lines.append((self.tr("Reason for the rejection"), app.rejection_reason))
            if app.handed_over_to:
                lines.append((self.tr("Handed over to"), app.handed_over_to))
        else:
            missing = [f"{i.position}. {i.text} ({intake_text(STATE_LABELS[i.state])})" for i in visit.items
                       if i.state in ("missing", "invalid")]
            lines.append((self.tr("Missing or not valid"), "; ".join(missing)))
        lines.append((self.tr("Officer"), visit.officer_name))
        if visit.ticket_code:
            lines.append((self.tr("Queue number"), visit.ticket_code))
        if visit.receipts:
            last = visit.receipts[-1]
            lines.append((self.tr("Receipts"), self.tr("%n printed or kept", "", len(visit.receipts))
                          + f" · {last.pdf_path}"))
        self.detail.setText("<table>" + "".join(
            f"<tr><td><b>{html.escape(k)}</b>&nbsp;&nbsp;</td><td>{html.escape(v)}</td></tr>" for k, v in lines)
            + "</table>")
        if app is not None and app.history:
            self.history.setText("<b>" + html.escape(self.tr("History")) + "</b><br>" + "<br>".join(
                html.escape(f"{dmy_hm(h.at)} · {status_label(h.to_status)} · "
                            f"{h.actor_username}" + (f" · {h.reason}" if h.reason else "")
                            + (f" · {h.handed_over_to}" if h.handed_over_to else ""))
                for h in app.history))
        else:
            self.history.clear()
        self._show_actions(app.status if app is not None else None)
        self.sig_detail.emit(visit)

    def _show_actions(self, status: str | None) -> None:
        allowed = NEXT.get(status or "", ())
        for key, button in self.action_buttons.items():
            button.setVisible(key in allowed)

    def ask_status(self, status: str) -> None:
        """Move the file on; a rejection asks for the reason, a hand-over for the receiver."""
        if self.current is None or self.current.application is None:
            return
        if status in ("rejected", "handed_over"):
            self._pending_status = status
            self.step_form.clear_errors()
            self.step_form.layout.setRowVisible(self.step_form.rows["reason"], status == "rejected")
            self.step_form.layout.setRowVisible(self.step_form.rows["handed_over_to"], status == "handed_over")
            self.step_confirm.setText(self.tr("Reject the file") if status == "rejected" else self.tr("Hand over"))
            self.step_box.show()
            (self.reason if status == "rejected" else self.handed_over_to).setFocus()
            return
        self._change(status)

    def _confirm_step(self) -> None:
        if self._pending_status is not None:
            self._change(self._pending_status, reason=self.reason.text(), handed_over_to=self.handed_over_to.text())

    def _close_step(self) -> None:
        self._pending_status = None
        self.reason.clear()
        self.handed_over_to.clear()
        self.step_form.clear_errors()
        self.step_box.hide()

    def _change(self, status: str, *, reason: str = "", handed_over_to: str = "") -> None:
        assert self.current is not None, "a status changes on the file shown"
        ctx, actor, application_id = self._ctx, self._actor, self.current.application.id
        Op(self._tasks, lambda: ops.change_status(ctx, actor=actor, application_id=application_id, status=status,
                                                  reason=reason, handed_over_to=handed_over_to)).success(
            self._changed).failure(self._change_failed).run()

    def _change_failed(self, error: BaseException) -> None:
        if not self.step_form.show_error(error):
            self._failed(error)
        else:
            self.sig_failed.emit(error_text(error))

    def _changed(self, visit) -> None:
        self.status.setObjectName("okNote")
        self.status.setStyleSheet("")
        self.status.setText(self.tr("{number} is now “{status}”.").format(
            number=visit.application.registration_number, status=status_label(visit.application.status)))
        self.show_visit(visit)
        (self.show_due if self.mode in ("today", "recent") else self.run_search)()

    # ----- scanning -------------------------------------------------------------------------------
    def open_scanned(self, text: str) -> None:
        ctx, actor = self._ctx, self._actor
        Op(self._tasks, lambda: ops.scan(ctx, actor=actor, text=text)).success(self._scanned).failure(
            self._failed).run()

    def _scanned(self, scanned) -> None:
        if not scanned.check.valid or scanned.visit is None:
            message = scanned.check.text() if not scanned.check.valid else self.tr(
                "This receipt is genuine but its file is not on this PC yet.")
            self.status.setObjectName("errorNote")
            self.status.setStyleSheet("")
            self.status.setText(message)
            self.sig_failed.emit(message)
            return
        self.status.setObjectName("okNote")
        self.status.setStyleSheet("")
        self.status.setText(scanned.check.text())
        self.show_visit(scanned.visit)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.scanner.start()

    def hideEvent(self, event) -> None:  # noqa: N802
        super().hideEvent(event)
        self.scanner.stop()
