"""The complaint desk: record a complaint or suggestion with the rules shown as the officer types,
follow each case through its steps on a timeline, and print the receipt.

The capture form keeps a draft: whatever is typed is saved every few seconds (and on a failed
save), and comes back when the area is opened again, so a crash or a refused save loses nothing.
The rules (:func:`mpp_desk.complaints.rules.assess`) are pure, so the form runs them on the UI
thread a moment after each keystroke, with the working calendar it loaded once.
"""

from __future__ import annotations

import datetime as dt
import html
import uuid
from pathlib import Path

from PySide6.QtCore import QDate, QDateTime, QModelIndex, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from mpp_desk.complaints import labels
from mpp_desk.complaints.rules import MAX_LENGTHS
from mpp_desk.limits import COMPLAINT_STEP_FIELDS as STEP_FIELD_LIMITS
from mpp_desk.roles import Permission, allowed
from mpp_desk.textformat import format_date
from mpp_desk.ui.forms import DateField, Form, error_text, fit_to_screen
from mpp_desk.ui.table_model import RowTableModel
from mpp_desk.ui.tasks import Op, TaskManager

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
    from mpp_desk.officetime import local

    return local()  # the process clock (ctx.clock), in office time


def to_office_datetime(value: QDateTime) -> dt.datetime:
    """The edit's date and time read as office time (WIB), whatever the PC's own time zone."""
    from mpp_desk.officetime import office_tz

    d, t = value.date(), value.time()
    return dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=office_tz())


def to_qdatetime(moment: dt.datetime) -> QDateTime:
    from mpp_desk.officetime import local

    m = local(moment)
    return QDateTime(QDate(m.year, m.month, m.day), QTime(m.hour, m.minute))


# --- capture -------------------------------------------------------------------------------------


class CapturePanel(QWidget):
    """The capture form with the rule messages beside the fields and the outcome on the right."""

    sig_saved = Signal(object)
    """A case was saved (its CaseDetail)."""

    sig_ready = Signal(object)
    """The form's lists and calendar are loaded (the CaptureSetup)."""

    HINT_LINES = {"anonymous": 2, "reporter_name": 2, "reporter_nik": 1, "reporter_phone": 2, "reporter_email": 1,
                  "service_received_on": 2, "substance": 2}
    """Lines kept free under the fields whose messages come and go as the officer types."""

    FIELDS = ("channel", "received_at", "anonymous", "reporter_name", "reporter_nik", "reporter_phone",
              "reporter_email", "reporter_address", "service", "service_received_on", "substance", "lapor_id",
              "late_decision", "attachments")

    def __init__(self, *, ctx, tasks: TaskManager, actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._tasks = tasks
        self._actor = actor
        self.setup = None
        self.assessment = None
        self.dirty = False
        self.saving = False
        self._generation = 0  # bumped on every change; an autosave only clears "dirty" for what it saved
        self._loading = False
        self.last_saved = None

        self.channel = QComboBox()
        self.received_at = QDateTimeEdit()
        self.received_at.setDisplayFormat("dd-MM-yyyy HH:mm")
        self.received_at.setCalendarPopup(True)
        self.anonymous = QCheckBox(self.tr("The reporter does not give their identity"))
        self.reporter_name = QLineEdit()
        self.reporter_nik = QLineEdit()
        self.reporter_nik.setPlaceholderText(self.tr("optional, 16 digits"))
        self.reporter_phone = QLineEdit()
        self.reporter_phone.setPlaceholderText("0812 3456 7890")
        self.reporter_email = QLineEdit()
        self.reporter_address = QPlainTextEdit()
        self.reporter_address.setFixedHeight(54)
        self.service = QComboBox()
        self.service.setMaxVisibleItems(20)
        # Long service names: the box stays narrow (elided), the list opens wide enough to read them,
        # and the full name is the tooltip.
        self.service.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.service.setMinimumContentsLength(18)
        self.service_other = QLineEdit()
        self.service_other.setPlaceholderText(self.tr("the service, in words"))
        self.service_received_on = DateField(today=self.office_today,
                                             placeholder=self.tr("dd-mm-yyyy, empty if not known"))
        self.substance = QPlainTextEdit()
        self.substance.setPlaceholderText(self.tr("What is complained about or suggested: the object and substance"))
        self.lapor_direction = QComboBox()
        for code, source in labels.LAPOR_DIRECTIONS.items():
            self.lapor_direction.addItem(labels.label(labels.LAPOR_DIRECTIONS, code) if code else
                                         labels.label(labels.LAPOR_DIRECTIONS, ""), code)
        self.lapor_id = QLineEdit()
        self.lapor_id.setPlaceholderText(self.tr("SP4N-LAPOR! tracking ID"))
        self.late_decision = QComboBox()
        self.late_decision.addItem(self.tr("— decide —"), "")
        for code in labels.LATE_DECISIONS:
            self.late_decision.addItem(labels.label(labels.LATE_DECISIONS, code), code)
        self.late_decision_note = QLineEdit()
        self.late_decision_note.setPlaceholderText(self.tr("why (recorded with the decision)"))
        self.attachments = QListWidget()
        self.attachments.setFixedHeight(64)
        self.attach_button = QPushButton(self.tr("Add files…"))
        self.attach_button.setObjectName("smallButton")
        self.unattach_button = QPushButton(self.tr("Remove"))
        self.unattach_button.setObjectName("smallButton")

        form_widget = QWidget()
        self.form = Form(QFormLayout(form_widget))
        self.notes: dict[str, QLabel] = {}
        service_box = QWidget()
        service_row = QHBoxLayout(service_box)
        service_row.setContentsMargins(0, 0, 0, 0)
        service_row.addWidget(self.service, 3)
        service_row.addWidget(self.service_other, 2)
        lapor_box = QWidget()
        lapor_row = QHBoxLayout(lapor_box)
        lapor_row.setContentsMargins(0, 0, 0, 0)
        lapor_row.addWidget(self.lapor_direction, 1)
        lapor_row.addWidget(self.lapor_id, 1)
        late_box = QWidget()
        late_box.setFocusProxy(self.late_decision)
        late_row = QHBoxLayout(late_box)
        late_row.setContentsMargins(0, 0, 0, 0)
        late_row.addWidget(self.late_decision, 1)
        late_row.addWidget(self.late_decision_note, 2)
        files_box = QWidget()
        files_row = QHBoxLayout(files_box)
        files_row.setContentsMargins(0, 0, 0, 0)
        files_row.addWidget(self.attachments, 1)
        file_buttons = QVBoxLayout()
        file_buttons.addWidget(self.attach_button)
        file_buttons.addWidget(self.unattach_button)
        file_buttons.addStretch(1)
        files_row.addLayout(file_buttons)
        rows = [
            ("channel", self.tr("Channel"), self.channel),
            ("received_at", self.tr("Received"), self.received_at),
            ("anonymous", self.tr("Anonymous"), self.anonymous),
            ("reporter_name", self.tr("Reporter's name"), self.reporter_name),
            ("reporter_nik", self.tr("NIK"), self.reporter_nik),
            ("reporter_phone", self.tr("Phone"), self.reporter_phone),
            ("reporter_email", self.tr("E-mail"), self.reporter_email),
            ("reporter_address", self.tr("Address"), self.reporter_address),
            ("service", self.tr("Service concerned"), service_box),
            ("service_received_on", self.tr("Service received on"), self.service_received_on),
            ("late_decision", self.tr("Late complaint"), late_box),  # right under the date that makes it late
            ("substance", self.tr("Object / substance"), self.substance),
            ("lapor_id", self.tr("SP4N-LAPOR!"), lapor_box),
            ("attachments", self.tr("Attachments"), files_box),
        ]
        for key, label_text, editor in rows:
            self.form.add(key, label_text, editor, limit=MAX_LENGTHS.get(key))
            note = QLabel()
            note.setWordWrap(True)
            if key in self.HINT_LINES:  # the room for the rules' messages is kept: fields do not jump as one types
                note.setText("\n".join("x" * self.HINT_LINES[key]))
                note.setProperty("reserved", note.sizeHint().height())
                note.setMinimumHeight(note.sizeHint().height())
                note.clear()
            else:
                note.hide()
            self.form.rows[key].layout().addWidget(note)
            self.notes[key] = note
        self.form.layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self._late_row_label = self.form.layout.labelForField(self.form.rows["late_decision"])
        self._show_late_row(False)
        self.scroll = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(form_widget)

        # the outcome, as the rules see it now
        side = QFrame()
        side.setObjectName("card")
        side.setMinimumWidth(300)
        side.setMaximumWidth(420)
        self.kind_label = QLabel()
        self.kind_label.setObjectName("bigFigure")
        self.kind_label.setWordWrap(True)
        self.respond_label = QLabel()
        self.respond_label.setObjectName("sectionTitle")
        self.respond_label.setWordWrap(True)
        self.reasons_label = QLabel()
        self.reasons_label.setWordWrap(True)
        self.reasons_label.setTextFormat(Qt.TextFormat.RichText)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setToolTip("Ctrl+S")
        self.clear_button = QPushButton(self.tr("Clear the form"))
        self.clear_button.setObjectName("smallButton")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.saved_box = QFrame()
        self.saved_label = QLabel()
        self.saved_label.setWordWrap(True)
        self.receipt_button = QPushButton(self.tr("Receipt…"))
        self.open_button = QPushButton(self.tr("Open the case"))
        self.open_button.setObjectName("smallButton")
        saved_layout = QVBoxLayout(self.saved_box)
        saved_layout.setContentsMargins(0, 0, 0, 0)
        saved_layout.addWidget(self.saved_label)
        saved_buttons = QHBoxLayout()
        saved_buttons.addWidget(self.receipt_button)
        saved_buttons.addWidget(self.open_button)
        saved_buttons.addStretch(1)
        saved_layout.addLayout(saved_buttons)
        self.saved_box.hide()
        side_layout = QVBoxLayout(side)
        heading = QLabel(self.tr("Will be recorded as"))
        heading.setObjectName("statusNote")
        side_layout.addWidget(heading)
        side_layout.addWidget(self.kind_label)
        side_layout.addWidget(self.respond_label)
        side_layout.addWidget(self.reasons_label)
        side_layout.addStretch(1)
        side_layout.addWidget(self.status)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        side_layout.addLayout(buttons)
        side_layout.addWidget(self.saved_box)

        layout = QHBoxLayout(self)
        layout.addWidget(scroll, 3)
        layout.addWidget(side, 2)

        self._assess_timer = QTimer(self)
        self._assess_timer.setSingleShot(True)
        self._assess_timer.setInterval(ASSESS_DELAY_MS)
        self._assess_timer.timeout.connect(self.assess_now)
        self._autosave_timer = QTimer(self)
        self._autosave_timer.setInterval(AUTOSAVE_MS)
        self._autosave_timer.timeout.connect(self.autosave)

        for w in (self.reporter_name, self.reporter_nik, self.reporter_phone, self.reporter_email, self.service_other,
                  self.lapor_id, self.late_decision_note):
            w.textChanged.connect(self._changed)
        for w in (self.reporter_address, self.substance):
            w.textChanged.connect(self._changed)
        for w in (self.channel, self.service, self.lapor_direction, self.late_decision):
            w.currentIndexChanged.connect(self._changed)
        self.received_at.dateTimeChanged.connect(self._changed)
        self.service_received_on.dateChanged.connect(self._changed)
        self.anonymous.toggled.connect(self._changed)
        self.service.currentIndexChanged.connect(self._service_chosen)
        self.service_received_on.edit.editingFinished.connect(self._date_left)
        self.save_button.clicked.connect(self.save)
        self.clear_button.clicked.connect(self.clear)
        self.attach_button.clicked.connect(self._pick_files)
        self.unattach_button.clicked.connect(self._remove_file)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        self.setEnabled(False)
        set_note(self.status, self.tr("Loading…"))
        self.load()

    def office_today(self) -> dt.date:
        """The office's date: the calendar of the service date opens at its month."""
        return self.setup.today if self.setup is not None else office_now().date()

    # -- loading and drafts
    def load(self) -> None:
        from mpp_desk.ui.ops import complaints as ops

        ctx, actor = self._ctx, self._actor
        Op(self._tasks, lambda: ops.capture_setup(ctx, actor=actor)).success(self._loaded).failure(self._failed).run()

    def _loaded(self, setup) -> None:
        self.setup = setup
        self._loading = True
        self.channel.clear()
        for channel in setup.channels:
            self.channel.addItem(channel.name, channel.code)
        self.service.clear()
        self.service.addItem(self.tr("— not stated"), "")
        for service_id, title in setup.services:
            self.service.addItem(title, service_id)
            self.service.setItemData(self.service.count() - 1, title, Qt.ItemDataRole.ToolTipRole)
        self.service.addItem(self.tr("Other (write it)"), "other")
        self._widen_service_list()
        self.reset()
        restored = setup.draft is not None and bool(setup.draft.form)
        if restored:
            self.fill(setup.draft.form)
        self._loading = False
        self.setEnabled(True)
        self.assess_now()
        if restored:
            from mpp_desk.officetime import local

            set_note(self.status, self.tr("The draft kept at {time} was restored.").format(
                time=f"{local(setup.draft.saved_at):%H:%M}"), "okNote")
        else:
            set_note(self.status, "")
        self._autosave_timer.start()
        self.sig_ready.emit(setup)

    def _widen_service_list(self) -> None:
        """The drop-down list as wide as its longest name (up to the screen), whatever the box's width."""
        metrics = self.service.view().fontMetrics()
        widest = max((metrics.horizontalAdvance(self.service.itemText(i)) for i in range(self.service.count())),
                     default=0)
        screen = self.screen().availableGeometry().width() if self.screen() is not None else 1366
        self.service.view().setMinimumWidth(min(widest + 48, screen - 40))

    def _service_chosen(self) -> None:
        self.service.setToolTip(self.service.currentText() if self.service.currentIndex() > 0 else "")

    def reset(self) -> None:
        """An empty form: received now, the desk channel."""
        self._loading = True
        for w in (self.reporter_name, self.reporter_nik, self.reporter_phone, self.reporter_email, self.service_other,
                  self.lapor_id, self.late_decision_note):
            w.clear()
        self.reporter_address.clear()
        self.substance.clear()
        self.anonymous.setChecked(False)
        self.channel.setCurrentIndex(max(self.channel.findData("in_person"), 0))
        self.received_at.setDateTime(to_qdatetime(office_now()))
        self.service.setCurrentIndex(0)
        self.service_received_on.setDate(None)
        self.lapor_direction.setCurrentIndex(0)
        self.late_decision.setCurrentIndex(0)
        self.attachments.clear()
        self.form.clear_errors()
        self._loading = False
        self._sync_enabled()
        self.dirty = False

    def fill(self, form: dict) -> None:
        """Put a kept draft back into the widgets."""
        from mpp_desk.complaints.rules import CaptureDraft

        d = CaptureDraft.from_dict(form)
        self._loading = True
        index = self.channel.findData(d.channel)
        if index >= 0:
            self.channel.setCurrentIndex(index)
        if d.received_at is not None:
            self.received_at.setDateTime(to_qdatetime(d.received_at))
        self.anonymous.setChecked(d.anonymous)
        self.reporter_name.setText(d.reporter_name)
        self.reporter_nik.setText(d.reporter_nik)
        self.reporter_phone.setText(d.reporter_phone)
        self.reporter_email.setText(d.reporter_email)
        self.reporter_address.setPlainText(d.reporter_address)
        service = form.get("ui_service") or d.service_id or ("other" if d.service_other else "")
        self.service.setCurrentIndex(max(self.service.findData(service), 0))
        self.service_other.setText(d.service_other)
        self.service_received_on.setDate(d.service_received_on)
        self.substance.setPlainText(d.substance)
        self.lapor_direction.setCurrentIndex(max(self.lapor_direction.findData(d.lapor_direction), 0))
        self.lapor_id.setText(d.lapor_id)
        self.late_decision.setCurrentIndex(max(self.late_decision.findData(d.late_decision or ""), 0))
        self.late_decision_note.setText(d.late_decision_note)
        self.attachments.clear()
        for path in form.get("attachments") or []:
            self._add_file(str(path))
        self._loading = False
        self._sync_enabled()
        self.dirty = True

    def draft(self):
        """The CaptureDraft the widgets describe."""
        from mpp_desk.complaints.rules import CaptureDraft

        service = self.service.currentData() or ""
        return CaptureDraft(
            channel=self.channel.currentData() or "",
            received_at=to_office_datetime(self.received_at.dateTime()),
            anonymous=self.anonymous.isChecked(),
            reporter_name=self.reporter_name.text(),
            reporter_nik=self.reporter_nik.text(),
            reporter_phone=self.reporter_phone.text(),
            reporter_email=self.reporter_email.text(),
            reporter_address=self.reporter_address.toPlainText(),
            service_id=service if service not in ("", "other") else None,
            service_other=self.service_other.text() if service == "other" else "",
            service_received_on=self.service_received_on.date(),
            substance=self.substance.toPlainText(),
            lapor_id=self.lapor_id.text(),
            lapor_direction=self.lapor_direction.currentData() or "",
            late_decision=self.late_decision.currentData() or None,
            late_decision_note=self.late_decision_note.text(),
        )

    def form_dict(self) -> dict:
        """What the draft keeps: the capture values, the service choice and the files picked."""
        return {**self.draft().to_dict(), "ui_service": self.service.currentData() or "",
                "attachments": self.attachment_paths()}

    def attachment_paths(self) -> list[str]:
        return [self.attachments.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.attachments.count())]

    def _changed(self, *_args) -> None:
        if self._loading:
            return
        self.dirty = True
        self._generation += 1
        self.saved_box.hide()
        self._sync_enabled()
        self._assess_timer.start()

    def _sync_enabled(self) -> None:
        self.service_other.setEnabled(self.service.currentData() == "other")
        anonymous = self.anonymous.isChecked()
        for w in (self.reporter_name, self.reporter_nik, self.reporter_phone, self.reporter_email,
                  self.reporter_address):
            w.setEnabled(not anonymous)

    def autosave(self) -> None:
        """Keep the draft if anything changed since the last time (every few seconds, and after a failed save)."""
        from mpp_desk.ui.ops import complaints as ops

        if not self.dirty or self.saving or self.setup is None:
            return
        generation = self._generation
        form, ctx, actor = self.form_dict(), self._ctx, self._actor

        def kept(_when) -> None:
            if self._generation == generation and not self.saving:
                self.dirty = False

        Op(self._tasks, lambda: ops.save_draft(ctx, actor=actor, form=form)).success(kept).failure(
            lambda e: set_note(self.status, error_text(e), "errorNote")).run()

    # -- the rules, live
    def assess_now(self):
        """Apply the rules to what is typed and show every message beside its field."""
        from mpp_desk.complaints.rules import assess

        if self.setup is None:
            return None
        codes = frozenset(self.channel.itemData(i) for i in range(self.channel.count()))
        result = assess(self.draft(), self.setup.today, self.setup.calendar, channels=codes)
        self.assessment = result
        for key, note in self.notes.items():
            reasons = result.for_field(key)
            kinds = {r.level for r in reasons}
            kind = "errorNote" if kinds & {"error", "warning"} else ("okNote" if key == "received_at" else "statusNote")
            texts = [r.text() for r in reasons]
            if key == "service_received_on" and not self.service_received_on.is_valid():
                texts.insert(0, self.bad_date_text())
                kind = "errorNote"
            set_note(note, "\n".join(texts), kind)
            if key in self.HINT_LINES:
                note.show()  # its room stays, empty or not; a longer message gets the lines it needs
                width = note.width() if note.width() > 50 else self.scroll.viewport().width() // 2
                note.setMinimumHeight(max(note.property("reserved"), note.heightForWidth(width)))
        self.kind_label.setText(self.tr("COMPLAINT OR SUGGESTION?") if result.needs_decision
                                else labels.label(labels.KINDS, result.kind).upper())
        self.respond_label.setText(self.tr("Respond by {date}").format(date=format_date(result.respond_by))
                                   if result.respond_by else "")
        rules = [r for r in result.reasons if r.level != "error" and r.code != "respond_by"]
        self.reasons_label.setText("".join(f"<p>• {html.escape(r.text())}</p>" for r in rules)
                                   or html.escape(self.tr("A complaint: the reporter's identity and the substance are "
                                                          "given.")))
        self._show_late_row(result.late and not (result.kind == "suggestion" and not self.late_decision.currentData()
                                                 and not result.needs_decision))
        return result

    def bad_date_text(self) -> str:
        return self.tr("Not a date: type it as dd-mm-yyyy, for example {example}.").format(
            example=self.office_today().strftime("%d-%m-%Y"))

    def _date_left(self) -> None:
        """Leaving the date field: a text that is not a date is said at once."""
        self.assess_now()

    def _show_late_row(self, visible: bool) -> None:
        self.form.rows["late_decision"].setVisible(visible)
        if self._late_row_label is not None:
            self._late_row_label.setVisible(visible)

    # -- saving
    def save(self) -> None:
        from mpp_desk.complaints.rules import first_problem
        from mpp_desk.ui.ops import complaints as ops

        if self.setup is None or self.saving:
            return
        self.form.clear_errors()
        result = self.assess_now()
        if not self.service_received_on.is_valid():
            from mpp_desk.complaints.rules import ComplaintInputError

            self._save_failed(ComplaintInputError("", field="service_received_on"), text=self.bad_date_text())
            return
        problem = first_problem(result)
        if problem is not None:
            self._save_failed(problem)
            return
        self.saving = True
        self.save_button.setEnabled(False)
        set_note(self.status, self.tr("Saving…"))
        draft, files, ctx, actor = self.draft(), self.attachment_paths(), self._ctx, self._actor
        Op(self._tasks, lambda: ops.save_case(ctx, actor=actor, draft=draft, attachments=files)).success(
            self._saved).failure(self._save_failed).run()

    def _saved(self, detail) -> None:
        self.saving = False
        self.save_button.setEnabled(True)
        self.last_saved = detail
        self.reset()
        self.assess_now()
        kind = labels.label(labels.KINDS, detail.summary.kind)
        set_note(self.status, "")
        set_note(self.saved_label, self.tr("Saved as {kind}: {number}. Respond by {date}.").format(
            kind=kind.lower(), number=detail.case_number, date=format_date(detail.summary.respond_by)), "okNote")
        self.saved_box.show()
        self.sig_saved.emit(detail)

    def _save_failed(self, error: BaseException, *, text: str | None = None) -> None:
        self.saving = False
        self.save_button.setEnabled(True)
        field = getattr(error, "field", None)
        if field == "service_other":
            field = "service"
        if field in self.form.rows:
            error.field = field
            row = self.form.rows[field]
            if text is not None:
                row.set_error(text)
            else:
                self.form.show_error(error)
            self.show_field(field)
            set_note(self.status, self.tr("Not saved: see the message beside the field. Nothing typed is lost."),
                     "errorNote")
        else:
            set_note(self.status, error_text(error), "errorNote")
        self.dirty = True
        self.autosave()  # what was typed is kept even if the program is closed now

    def show_field(self, key: str) -> None:
        """Scroll the form to a field (below the fold on a 768-px screen) and put the cursor in it."""
        row = self.form.rows[key]
        label = self.form.layout.labelForField(row)
        self.scroll.widget().layout().activate()
        self.scroll.ensureWidgetVisible(row, 10, 40)
        if label is not None:
            self.scroll.ensureWidgetVisible(label, 10, 10)
        row.editor.setFocus()

    def clear(self) -> None:
        from mpp_desk.ui.ops import complaints as ops

        self.reset()
        self.assess_now()
        self.saved_box.hide()
        set_note(self.status, "")
        ctx, actor = self._ctx, self._actor
        Op(self._tasks, lambda: ops.discard_draft(ctx, actor=actor)).failure(self._failed).run()

    def _failed(self, error: BaseException) -> None:
        set_note(self.status, error_text(error), "errorNote")

    # -- files
    def _pick_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Attach scans or photos"), str(Path.home()),
                                                self.tr("Scans and photos (*.pdf *.jpg *.jpeg *.png)"))
        for path in paths:
            self.add_file(path)

    def add_file(self, path: str) -> None:
        """Attach a file, checked at once: a refused one is named beside the list and not added."""
        from mpp_desk.complaints.attachments import check_file

        self.form.rows["attachments"].set_error(None)
        try:
            check_file(path)
        except Exception as error:  # noqa: BLE001 - the refusal, shown beside the list
            self.form.rows["attachments"].set_error(error_text(error))
            return
        self._add_file(path)
        self._changed()

    def _add_file(self, path: str) -> None:
        item = QListWidgetItem(Path(path).name)
        item.setData(Qt.ItemDataRole.UserRole, path)
        item.setToolTip(path)
        self.attachments.addItem(item)

    def _remove_file(self) -> None:
        row = self.attachments.currentRow()
        if row >= 0:
            self.attachments.takeItem(row)
            self._changed()


# --- cases ---------------------------------------------------------------------------------------


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


class StepDialog(QDialog):
    """A follow-up step's fields; saving runs the step, a refusal stays in the dialog beside its field."""

    sig_done = Signal(object)
    """The step was recorded (the case's CaseDetail afterwards)."""

    def __init__(self, *, ctx, tasks: TaskManager, actor, step: str, case_id: uuid.UUID, title: str, fields: list,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx, self._tasks, self._actor = ctx, tasks, actor
        self.step = step
        self.case_id = case_id
        self.setWindowTitle(title)
        self.form = Form(QFormLayout())
        self.editors: dict[str, tuple[str, QWidget]] = {}
        for key, kind, label_text, options in fields:
            editor = self._editor(kind, options)
            self.editors[key] = (kind, editor)
            self.form.add(key, label_text, editor, limit=STEP_FIELD_LIMITS.get(key))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        heading = QLabel(title)
        heading.setObjectName("sectionTitle")
        layout.addWidget(heading)
        layout.addLayout(self.form.layout)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 620, 420)

    @staticmethod
    def _editor(kind: str, options) -> QWidget:
        if kind == "text":
            editor = QLineEdit()
            editor.setText(options or "")
            return editor
        if kind == "multiline":
            editor = QPlainTextEdit()
            editor.setPlainText(options or "")
            editor.setMinimumHeight(70)
            return editor
        if kind == "choice":
            editor = QComboBox()
            for code, text in options:
                editor.addItem(text, code)
            return editor
        if kind == "checks":
            editor = QListWidget()
            for code, text in options:
                item = QListWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, code)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
                editor.addItem(item)
            editor.setMaximumHeight(24 * max(2, min(len(options), 6)) + 8)
            return editor
        if kind == "datetime":
            editor = QDateTimeEdit(to_qdatetime(office_now()))
            editor.setDisplayFormat("dd-MM-yyyy HH:mm")
            editor.setCalendarPopup(True)
            return editor
        raise ValueError(kind)

    def set(self, key: str, value) -> None:
        """Fill a field (tests and prefilled dialogs)."""
        kind, editor = self.editors[key]
        if kind == "text":
            editor.setText(value)
        elif kind == "multiline":
            editor.setPlainText(value)
        elif kind == "choice":
            editor.setCurrentIndex(editor.findData(value))
        elif kind == "checks":
            wanted = set(value)
            for i in range(editor.count()):
                item = editor.item(i)
                item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in wanted
                                   else Qt.CheckState.Unchecked)
        elif kind == "datetime":
            editor.setDateTime(to_qdatetime(value))

    def values(self) -> dict:
        out = {}
        for key, (kind, editor) in self.editors.items():
            if kind == "text":
                out[key] = editor.text()
            elif kind == "multiline":
                out[key] = editor.toPlainText()
            elif kind == "choice":
                out[key] = editor.currentData()
            elif kind == "checks":
                out[key] = [editor.item(i).data(Qt.ItemDataRole.UserRole) for i in range(editor.count())
                            if editor.item(i).checkState() == Qt.CheckState.Checked]
            elif kind == "datetime":
                out[key] = to_office_datetime(editor.dateTime())
        return out

    def submit(self) -> None:
        from mpp_desk.ui.ops import complaints as ops

        self.form.clear_errors()
        self.message.hide()
        self.buttons.setEnabled(False)
        values, ctx, actor, step, case_id = self.values(), self._ctx, self._actor, self.step, self.case_id
        Op(self._tasks, lambda: ops.run_step(ctx, actor=actor, step=step, case_id=case_id, values=values)).success(
            self._done).failure(self._refused).run()

    def _done(self, detail) -> None:
        self.buttons.setEnabled(True)
        self.sig_done.emit(detail)
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        if not self.form.show_error(error):
            set_note(self.message, error_text(error), "errorNote")


class ReceiptDialog(QDialog):
    """The receipt as it was printed (A4 and 80 mm), with printing through the system's printers."""

    def __init__(self, *, ctx, tasks: TaskManager, actor, case_id: uuid.UUID, preview,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx, self._tasks, self._actor = ctx, tasks, actor
        self.case_id = case_id
        self.preview = preview
        self.setWindowTitle(self.tr("Receipt {number}").format(number=preview.case_number))
        self.tabs = QTabWidget()
        self.pages: dict[str, QLabel] = {}
        for paper, title in (("a4", self.tr("A4")), ("80mm", self.tr("80 mm roll"))):
            label = QLabel()
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            images = preview.images.get(paper) or []
            if images:
                pixmap = QPixmap()
                pixmap.loadFromData(images[0], "PNG")
                label.setPixmap(pixmap)
            scroll = QScrollArea()
            scroll.setWidget(label)
            scroll.setWidgetResizable(True)
            self.tabs.addTab(scroll, title)
            self.pages[paper] = label
        note = QLabel(self.tr("This print is a copy (SALINAN).") if preview.copy else
                      self.tr("First print of this receipt."))
        note.setObjectName("statusNote")
        self.kept = QLabel(self.tr("Kept as {path}").format(path=preview.paths.get("a4", "")))
        self.kept.setObjectName("statusNote")
        self.kept.setWordWrap(True)
        self.message = QLabel()
        self.message.hide()
        self.print_button = QPushButton(self.tr("Print…"))
        close = QPushButton(self.tr("Close"))
        close.setObjectName("smallButton")
        buttons = QHBoxLayout()
        buttons.addWidget(note)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.kept)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.print_button.clicked.connect(self.print_receipt)
        close.clicked.connect(self.accept)
        fit_to_screen(self, 760, 680)  # the page scrolls; the dialog fits a 1366×768 screen

    def current_paper(self) -> str:
        return ("a4", "80mm")[self.tabs.currentIndex()]

    def print_receipt(self) -> None:
        """To this PC's receipt printer (ESC/POS on a thermal one, the kept PDF otherwise), or through Qt's dialog."""
        from mpp_desk.ui.ops import complaints as ops

        ctx, actor, case_id = self._ctx, self._actor, self.case_id
        path = self.preview.paths[self.current_paper()]
        self.print_button.setEnabled(False)
        Op(self._tasks, lambda: ops.print_receipt(ctx, actor=actor, case_id=case_id, pdf_path=path)).success(
            self._print_done).failure(self._print_error).run()

    def _print_error(self, error: BaseException) -> None:
        self.print_button.setEnabled(True)
        set_note(self.message, error_text(error), "errorNote")

    def _print_done(self, outcome) -> None:
        from mpp_desk.printing.receipt_printer import NEEDS_QT, NOT_CONFIGURED, failure_text

        self.print_button.setEnabled(True)
        result = outcome.result
        if result.ok:
            set_note(self.message, self.tr("Sent to {printer}.").format(printer=result.where), "okNote")
        elif result.reason in (NEEDS_QT, NOT_CONFIGURED):
            self._print_with_qt(outcome.pdf, named=outcome.spec.partition(":")[2] if result.reason == NEEDS_QT else None)
        else:
            set_note(self.message, self.tr("{problem} The case is saved and the PDF copy is kept: fix the printer and "
                                           "print again.").format(problem=failure_text(result)), "errorNote")

    def _run_print_dialog(self, printer) -> bool:
        from PySide6.QtPrintSupport import QPrintDialog

        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print the receipt"))
        return dialog.exec() == QDialog.DialogCode.Accepted

    def _print_with_qt(self, pdf: bytes, *, named: str | None) -> None:
        from PySide6.QtPrintSupport import QPrinter

        from mpp_desk.ui.receipt_print import paint_pdf

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if named:
            printer.setPrinterName(named)
        elif not self._run_print_dialog(printer):
            return
        if paint_pdf(pdf, printer):
            set_note(self.message, self.tr("Sent to the printer."), "okNote")
        else:
            set_note(self.message, self.tr("The printer could not be started."), "errorNote")


class CaseDetailPanel(QWidget):
    """One case: what it is, its timeline, its files, and the follow-up actions that fit its state."""

    sig_changed = Signal(object)
    """The case changed (its new CaseDetail)."""

    ACTIONS = ("classify", "analyse", "assign", "follow_up", "approve_apip", "report_to_superior", "inform", "close",
               "reopen", "add_note", "attach", "receipt")

    def __init__(self, *, ctx, tasks: TaskManager, actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx, self._tasks, self._actor = ctx, tasks, actor
        self.detail = None
        self.dialog = None
        self.officers: tuple[str, ...] = ()
        self.channels: tuple = ()
        self.header = QLabel(self.tr("Choose a case in the list."))
        self.header.setObjectName("sectionTitle")
        self.header.setWordWrap(True)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.info.setTextFormat(Qt.TextFormat.RichText)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.timeline = QTextBrowser()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        self.buttons: dict[str, QPushButton] = {}
        titles = {
            "classify": self.tr("Classify"), "analyse": self.tr("Analyse"), "assign": self.tr("Assign"),
            "follow_up": self.tr("Follow-up step"), "approve_apip": self.tr("Approve APIP"),
            "report_to_superior": self.tr("Report to superior"), "inform": self.tr("Complainant informed"),
            "close": self.tr("Close"), "reopen": self.tr("Reopen"), "add_note": self.tr("Note"),
            "attach": self.tr("Attach files…"), "receipt": self.tr("Receipt…"),
        }
        grid = QGridLayout()
        desk = allowed(actor, Permission.HANDLE_COMPLAINTS)
        supervisor = allowed(actor, Permission.ESCALATE_COMPLAINTS)
        shown = 0
        for action in self.ACTIONS:
            button = QPushButton(titles[action])
            if action in ("add_note", "attach", "receipt"):
                button.setObjectName("smallButton")
            button.clicked.connect(lambda _=False, a=action: self.start_action(a))
            self.buttons[action] = button
            if (supervisor if action == "approve_apip" else desk):
                grid.addWidget(button, shown // 3, shown % 3)
                shown += 1
            else:
                button.setParent(self)
                button.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.info)
        timeline_title = QLabel(self.tr("Timeline"))
        timeline_title.setObjectName("sectionTitle")
        layout.addWidget(timeline_title)
        layout.addWidget(self.timeline, 1)
        layout.addWidget(self.message)
        layout.addLayout(grid)
        self._enable()

    def show_case(self, detail) -> None:
        self.detail = detail
        s = detail.summary
        self.header.setText(f"{s.case_number} · {labels.label(labels.KINDS, s.kind)} · {due_text(s)}")
        self.info.setText(self._info_html(detail))
        self.timeline.setHtml(self._timeline_html(detail))
        self.message.hide()
        self._enable()

    def _info_html(self, d) -> str:
        s = d.summary
        rows = [
            (self.tr("Received"), f"{format_date(s.received_on)} · {s.channel_name}"),
            (self.tr("Respond by"), format_date(s.respond_by)),
            (self.tr("Reporter"), reporter_text(s) + (f" · {s.reporter.phone}" if s.reporter.phone else "")
             + (f" · {s.reporter.email}" if s.reporter.email else "") + (f" · NIK {s.reporter.nik}" if s.reporter.nik else "")),
            (self.tr("Service"), s.service_title or "—"),
            (self.tr("Problem type"), labels.label(labels.PROBLEM_TYPES, s.problem_type) or "—"),
            (self.tr("Path"), labels.label(labels.PATHS, s.resolution_path) or "—"),
            (self.tr("Officer"), s.assignee or "—"),
        ]
        if s.lapor_id:
            rows.append(("SP4N-LAPOR!", f"{s.lapor_id} ({labels.label(labels.LAPOR_DIRECTIONS, d.lapor_direction)})"))
        if s.late:
            rows.append((self.tr("Late"), self.tr("{days} days after the service; decision: {decision}").format(
                days=d.late_days, decision=labels.label(labels.LATE_DECISIONS, d.late_decision) or "—")))
            if d.late_decision_note:
                rows.append((self.tr("Why"), d.late_decision_note))
        if d.attachments:
            rows.append((self.tr("Files"), ", ".join(a.filename for a in d.attachments)))
        body = "".join(f"<tr><td style='color:#4a5a6a; padding-right:10px'>{html.escape(k)}</td>"
                       f"<td>{html.escape(str(v))}</td></tr>" for k, v in rows)
        substance = html.escape(d.substance).replace("\n", "<br>")
        return f"<table>{body}</table><p>{substance}</p>"

    def _timeline_html(self, d) -> str:
        from mpp_desk.officetime import local

        items = []
        for step in d.steps:
            when = local(step.at)
            title = labels.label(labels.STEP_TYPES, step.type)
            where = " · ".join(x for x in (labels.label(labels.PATHS, step.path), labels.label(labels.LEVELS, step.level))
                               if x)
            lines = [f"<b>{html.escape(title)}</b> — {when:%d-%m-%Y %H:%M} · {html.escape(step.actor)}"
                     + (f" · {html.escape(where)}" if where else "")]
            for key, value in step.data.items():
                text = self._data_text(key, value)
                if text:
                    lines.append(f"<span style='color:#4a5a6a'>{html.escape(text)}</span>")
            if step.notes:
                lines.append(html.escape(step.notes).replace("\n", "<br>"))
            items.append("<p>" + "<br>".join(lines) + "</p>")
        return "".join(items)

    def _data_text(self, key: str, value) -> str:
        if value in (None, "", [], False):
            return ""
        names = {
            "problem_type": (self.tr("Problem type"), lambda v: labels.label(labels.PROBLEM_TYPES, v)),
            "sector": (self.tr("Sector"), str),
            "core_problem": (self.tr("Core problem"), str),
            "standard_link": (self.tr("Standard / SOP / regulation"), str),
            "related": (self.tr("Related cases"), lambda v: ", ".join(v)),
            "plan": (self.tr("Plan"), lambda v: ", ".join(labels.label(labels.PLANS, p) for p in v)),
            "to": (self.tr("To"), str),
            "action": (self.tr("Done"), str),
            "agency": (self.tr("Agency"), str),
            "approved_by": (self.tr("Approved by"), str),
            "reference": (self.tr("Reference"), str),
            "report": (self.tr("Report"), str),
            "method": (self.tr("How"), str),
            "message": (self.tr("Told"), str),
            "outcome": (self.tr("Outcome"), str),
            "filename": (self.tr("File"), str),
            "late_decision": (self.tr("Decision"), lambda v: labels.label(labels.LATE_DECISIONS, v)),
            "respond_by": (self.tr("Respond by"), lambda v: format_date(dt.date.fromisoformat(v))),
        }
        if key not in names:
            return ""
        name, render = names[key]
        return f"{name}: {render(value)}"

    def _enable(self) -> None:
        d = self.detail
        desk = allowed(self._actor, Permission.HANDLE_COMPLAINTS)
        supervisor = allowed(self._actor, Permission.ESCALATE_COMPLAINTS)
        is_open = d is not None and d.summary.status == "open"
        state = {
            "classify": desk and is_open, "analyse": desk and is_open, "assign": desk and is_open,
            "follow_up": desk and is_open, "approve_apip": supervisor and is_open and not (d and d.apip_approved),
            "report_to_superior": desk and is_open,
            "inform": desk and is_open and not d.summary.reporter.anonymous if d else False,
            "close": desk and is_open, "reopen": desk and d is not None and not is_open,
            "add_note": desk and d is not None, "attach": desk and d is not None, "receipt": desk and d is not None,
        }
        for action, button in self.buttons.items():
            button.setEnabled(bool(state[action]))

    def start_action(self, action: str) -> None:
        """Open the dialog of a follow-up step (or attach files, or the receipt)."""
        if self.detail is None:
            return
        if action == "attach":
            paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Attach scans or photos"), str(Path.home()),
                                                    self.tr("Scans and photos (*.pdf *.jpg *.jpeg *.png)"))
            if paths:
                self.attach(paths)
            return
        if action == "receipt":
            self.receipt()
            return
        if action == "analyse":
            from mpp_desk.ui.ops import complaints as ops

            ctx, actor, case_id = self._ctx, self._actor, self.detail.id
            Op(self._tasks, lambda: ops.related_cases(ctx, actor=actor, case_id=case_id)).success(
                lambda related: self._open_dialog(action, related)).failure(self._failed).run()
            return
        self._open_dialog(action)

    def _open_dialog(self, action: str, related=()) -> StepDialog:
        d = self.detail
        levels = [(code, labels.label(labels.LEVELS, code)) for code in labels.LEVELS]
        specs = {
            "classify": (self.tr("Classify"), [
                ("problem_type", "choice", self.tr("Problem type"),
                 [(c, labels.label(labels.PROBLEM_TYPES, c)) for c in labels.PROBLEM_TYPES]),
                ("sector", "text", self.tr("Sector / service type"), d.sector or d.summary.service_title),
                ("notes", "multiline", self.tr("Notes"), "")]),
            "analyse": (self.tr("Analyse"), [
                ("core_problem", "multiline", self.tr("Core problem"), ""),
                ("standard_link", "multiline", self.tr("Standard / SOP / regulation concerned"), ""),
                ("related", "checks", self.tr("Earlier related cases"),
                 [(r.case.case_number, self._related_text(r)) for r in related]),
                ("plan", "checks", self.tr("Plan"), [(c, labels.label(labels.PLANS, c)) for c in labels.PLANS]),
                ("notes", "multiline", self.tr("Notes"), "")]),
            "assign": (self.tr("Assign"), [
                ("username", "choice", self.tr("Officer"), [("", self.tr("(nobody)"))] + [(u, u) for u in self.officers]),
                ("notes", "multiline", self.tr("Notes"), "")]),
            "approve_apip": (self.tr("Head of office's approval to involve APIP"), [
                ("approved_by", "text", self.tr("Approved by"), labels.label(labels.LEVELS, "head_of_office")),
                ("reference", "text", self.tr("Reference (memo number)"), ""),
                ("notes", "multiline", self.tr("Notes"), "")]),
            "follow_up": (self.tr("Follow-up step"), [
                ("path", "choice", self.tr("Resolution path"), [(c, labels.label(labels.PATHS, c)) for c in labels.PATHS]),
                ("level", "choice", self.tr("Level"), levels),
                ("agency", "text", self.tr("Technical team / agency"), ""),
                ("action", "multiline", self.tr("What was done"), ""),
                ("notes", "multiline", self.tr("Notes"), "")]),
            "report_to_superior": (self.tr("Written report to the superior"), [
                ("level", "choice", self.tr("Superior"), levels[1:]),
                ("report", "multiline", self.tr("Report"), ""),
                ("notes", "multiline", self.tr("Notes"), "")]),
            "inform": (self.tr("Complainant informed"), [
                ("method", "choice", self.tr("How"), [(c.code, c.name) for c in self.channels]),
                ("informed_at", "datetime", self.tr("When"), None),
                ("message", "multiline", self.tr("What they were told"), ""),
                ("notes", "multiline", self.tr("Notes"), "")]),
            "close": (self.tr("Close the case"), [
                ("outcome", "multiline", self.tr("Outcome"), ""),
                ("notes", "multiline", self.tr("Notes"), "")]),
            "reopen": (self.tr("Reopen the case"), [("reason", "multiline", self.tr("Reason"), "")]),
            "add_note": (self.tr("Note"), [("notes", "multiline", self.tr("Note"), "")]),
        }
        title, fields = specs[action]
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = StepDialog(ctx=self._ctx, tasks=self._tasks, actor=self._actor, step=action, case_id=d.id,
                                 title=f"{title} — {d.case_number}", fields=fields, parent=self)
        if action == "assign" and d.summary.assignee:
            self.dialog.set("username", d.summary.assignee)
        self.dialog.sig_done.connect(self._step_done)
        self.dialog.open()
        return self.dialog

    def _related_text(self, related) -> str:
        why = {"reporter": self.tr("same reporter"), "service": self.tr("same service"), "text": self.tr("similar words")}
        s = related.case
        return (f"{s.case_number} · {format_date(s.received_on, weekday=False)} · "
                f"{', '.join(why[r] for r in related.reasons)} · {s.substance_excerpt[:60]}")

    def _step_done(self, detail) -> None:
        self.show_case(detail)
        self.sig_changed.emit(detail)

    def attach(self, paths: list[str]) -> None:
        from mpp_desk.ui.ops import complaints as ops

        ctx, actor, case_id = self._ctx, self._actor, self.detail.id
        Op(self._tasks, lambda: ops.add_attachments(ctx, actor=actor, case_id=case_id, paths=list(paths))).success(
            self._step_done).failure(self._failed).run()

    def receipt(self) -> None:
        from mpp_desk.ui.ops import complaints as ops

        ctx, actor, case_id = self._ctx, self._actor, self.detail.id
        Op(self._tasks, lambda: ops.issue_receipt(ctx, actor=actor, case_id=case_id)).success(
            self._show_receipt).failure(self._failed).run()

    def _show_receipt(self, preview) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = ReceiptDialog(ctx=self._ctx, tasks=self._tasks, actor=self._actor, case_id=self.detail.id,
                                    preview=preview, parent=self)
        self.dialog.open()

    def _failed(self, error: BaseException) -> None:
        set_note(self.message, error_text(error), "errorNote")


class CasesPanel(QWidget):
    """The case list (open first by due date or all, searchable) beside the chosen case."""

    def __init__(self, *, ctx, tasks: TaskManager, actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx, self._tasks, self._actor = ctx, tasks, actor
        self._select: uuid.UUID | None = None
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("Open"), "open")
        self.status_filter.addItem(self.tr("Closed"), "closed")
        self.status_filter.addItem(self.tr("All"), "")
        self.mine = QCheckBox(self.tr("Assigned to me"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search number, words or LAPOR! ID…"))
        self.search.setClearButtonEnabled(True)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setObjectName("smallButton")
        self.model = case_model(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.count = QLabel()
        self.count.setObjectName("statusNote")
        self.detail = CaseDetailPanel(ctx=ctx, tasks=tasks, actor=actor)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.refresh_button)
        filters = QHBoxLayout()
        filters.addWidget(self.status_filter)
        filters.addWidget(self.mine)
        filters.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(top)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setSizes([560, 560])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(300)
        self._search_timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.status_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.mine.toggled.connect(lambda _c: self.reload())
        self.refresh_button.clicked.connect(lambda: self.reload())
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.detail.sig_changed.connect(lambda d: self.reload(select=d.id))

    def set_lists(self, officers, channels) -> None:
        self.detail.officers = tuple(officers)
        self.detail.channels = tuple(channels)

    def reload(self, select: uuid.UUID | None = None) -> None:
        from mpp_desk.ui.ops import complaints as ops

        if select is not None:
            self._select = select
        status, search, mine = self.status_filter.currentData(), self.search.text(), self.mine.isChecked()
        ctx, actor = self._ctx, self._actor
        Op(self._tasks, lambda: ops.list_cases(ctx, actor=actor, status=status, search=search, mine=mine)).success(
            self._listed).failure(self.detail._failed).run()

    def _listed(self, rows) -> None:
        self.model.set_rows(rows)
        self.count.setText(self.tr("%n case(s)", "", len(rows)))
        target = self._select if self._select is not None else (self.detail.detail.id if self.detail.detail else None)
        for index, row in enumerate(rows):
            if row.id == target:
                self.table.selectRow(index)
                break

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        self.open_case(self.model.row_object(current.row()).id)

    def open_case(self, case_id: uuid.UUID) -> None:
        from mpp_desk.ui.ops import complaints as ops

        self._select = case_id
        ctx, actor = self._ctx, self._actor
        Op(self._tasks, lambda: ops.get_case(ctx, actor=actor, case_id=case_id)).success(self.detail.show_case).failure(
            self.detail._failed).run()


class ComplaintsArea(QWidget):
    """The complaint desk's area: a new case, and the cases with their follow-up."""

    def __init__(self, *, ctx, tasks: TaskManager, actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("Complaints, suggestions and feedback"))
        title.setObjectName("pageTitle")
        self.tabs = QTabWidget()
        self.capture = CapturePanel(ctx=ctx, tasks=tasks, actor=actor)
        self.cases = CasesPanel(ctx=ctx, tasks=tasks, actor=actor)
        self.tabs.addTab(self.capture, self.tr("New case"))
        self.tabs.addTab(self.cases, self.tr("Cases"))
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.tabs, 1)
        self.capture.sig_saved.connect(lambda d: self.cases.reload(select=d.id))
        self.capture.open_button.clicked.connect(self._open_saved)
        self.capture.receipt_button.clicked.connect(self._receipt_for_saved)
        self.capture.sig_ready.connect(lambda setup: self.cases.set_lists(setup.officers, setup.channels))
        self.cases.reload()

    def _open_saved(self) -> None:
        saved = self.capture.last_saved
        if saved is not None:
            self.tabs.setCurrentWidget(self.cases)
            self.cases.open_case(saved.id)

    def _receipt_for_saved(self) -> None:
        saved = self.capture.last_saved
        if saved is None:
            return
        self.cases.detail.detail = saved
        self.cases.detail.receipt()
