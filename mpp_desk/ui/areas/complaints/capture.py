"""The capture form: a new complaint or suggestion, with the rules shown as the officer types.

The form keeps a draft: whatever is typed is saved every few seconds (and on a failed
save), and comes back when the area is opened again, so a crash or a refused save loses nothing.
The rules (:func:`mpp_desk.complaints.rules.assess`) are pure, so the form runs them on the UI
thread a moment after each keystroke, with the working calendar it loaded once.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mpp_desk.complaints import labels
from mpp_desk.complaints.rules import MAX_LENGTHS
from mpp_desk.ui.areas.complaints.outcome_card import OutcomeCard
from mpp_desk.ui.areas.complaints.capture_draft import fill_widgets, read_draft, side_by_side
from mpp_desk.ui.areas.complaints.common import ASSESS_DELAY_MS, AUTOSAVE_MS, set_note, office_now, to_qdatetime
from mpp_desk.ui.forms import DateField, Form, error_text
from mpp_desk.ui.tasks import Op, TaskManager
from mpp_desk.complaints.attachments import check_file
from mpp_desk.complaints.rules import ComplaintInputError, assess, first_problem
from mpp_desk.officetime import local
from mpp_desk.ui.ops import complaints as ops


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

        self._build_fields()
        self.form_scroll = self._build_form()
        self.card = OutcomeCard()
        self._expose_card()

        layout = QHBoxLayout(self)
        layout.addWidget(self.form_scroll, 3)
        layout.addWidget(self.card, 2)

        self._assess_timer = QTimer(self)
        self._assess_timer.setSingleShot(True)
        self._assess_timer.setInterval(ASSESS_DELAY_MS)
        self._assess_timer.timeout.connect(self.assess_now)
        self._autosave_timer = QTimer(self)
        self._autosave_timer.setInterval(AUTOSAVE_MS)
        self._autosave_timer.timeout.connect(self.autosave)

        self._connect()
        self.setEnabled(False)
        set_note(self.status, self.tr("Loading…"))
        self.load()

    def _build_fields(self) -> None:
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

    def _build_form(self) -> QScrollArea:
        """The fields in a form, a note under each for the rules' messages; scrolls on a 768-px screen."""
        form_widget = QWidget()
        self.form = Form(QFormLayout(form_widget))
        self.notes: dict[str, QLabel] = {}
        service_box = side_by_side((self.service, 3), (self.service_other, 2))
        lapor_box = side_by_side((self.lapor_direction, 1), (self.lapor_id, 1))
        late_box = side_by_side((self.late_decision, 1), (self.late_decision_note, 2))
        late_box.setFocusProxy(self.late_decision)
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
            self.form.rows[key].box.addWidget(note)
            self.notes[key] = note
        self.form.layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self._late_row_label = self.form.layout.labelForField(self.form.rows["late_decision"])
        self._show_late_row(False)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(form_widget)
        return scroll

    def _expose_card(self) -> None:
        card = self.card
        self.kind_label, self.respond_label, self.reasons_label = card.kind_label, card.respond_label, card.reasons_label
        self.save_button, self.clear_button, self.status = card.save_button, card.clear_button, card.status
        self.saved_box, self.saved_label = card.saved_box, card.saved_label
        self.receipt_button, self.open_button = card.receipt_button, card.open_button

    def _connect(self) -> None:
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
        QShortcut(QKeySequence.StandardKey.Save, self).activated.connect(self.save)

    def office_today(self) -> dt.date:
        """The office's date: the calendar of the service date opens at its month."""
        return self.setup.today if self.setup is not None else office_now().date()

    # -- loading and drafts
    def load(self) -> None:
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
        draft = setup.draft if setup.draft is not None and setup.draft.form else None
        if draft is not None:
            self.fill(draft.form)
        self._loading = False
        self.setEnabled(True)
        self.assess_now()
        if draft is not None:
            set_note(self.status, self.tr("The draft kept at {time} was restored.").format(
                time=f"{local(draft.saved_at):%H:%M}"), "okNote")
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
        self._loading = True
        fill_widgets(self, form)
        self._loading = False
        self._sync_enabled()
        self.dirty = True

    def draft(self):
        """The CaptureDraft the widgets describe."""
        return read_draft(self)

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
                width = note.width() if note.width() > 50 else self.form_scroll.viewport().width() // 2
                note.setMinimumHeight(max(note.property("reserved"), note.heightForWidth(width)))
        self.card.show_assessment(result)
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
        if self.setup is None or self.saving:
            return
        self.form.clear_errors()
        result = self.assess_now()
        if not self.service_received_on.is_valid():
            self._save_failed(ComplaintInputError("", field="service_received_on"), text=self.bad_date_text())
            return
        assert result is not None, "set up (checked above), so the rules were applied"
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
        self.card.show_saved(detail)
        self.sig_saved.emit(detail)

    def _save_failed(self, error: BaseException, *, text: str | None = None) -> None:
        self.saving = False
        self.save_button.setEnabled(True)
        field = getattr(error, "field", None)
        if field == "service_other":
            field = "service"
        if field in self.form.rows:
            row = self.form.rows[field]
            row.set_error(text if text is not None else error_text(error))
            self.show_field(field)  # puts the cursor in the field
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
        self.form.layout.activate()  # the scrolled widget's layout
        self.form_scroll.ensureWidgetVisible(row, 10, 40)
        if label is not None:
            self.form_scroll.ensureWidgetVisible(label, 10, 10)
        row.editor.setFocus()

    def clear(self) -> None:
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
