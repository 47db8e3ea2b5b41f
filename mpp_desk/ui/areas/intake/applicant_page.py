"""Intake page 2: the applicant (a person, or a business), each identifier checked as the field is left."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from mpp_desk.officetime import dmy
from mpp_desk.ui.areas.intake.common import intake_text
from mpp_desk.ui.forms import Form, error_text
from mpp_desk.errors import ValidationError
from mpp_desk.i18n import translate
from mpp_desk.identifiers import normalize_phone, validate_kbli, validate_nib, validate_nik, validate_npwp
from mpp_desk.intake.rules import ApplicantInput

_BUSINESS = ("business_name", "nib", "npwp", "business_kbli")


class ApplicantPage(QWidget):
    """The applicant's form; Enter moves to the next field, on the last one (or Ctrl+Enter) it goes on."""

    sig_touched = Signal()
    """The officer typed or changed the applicant type."""

    sig_submit = Signal()
    """Go on to the checklist."""

    sig_back = Signal()
    """Back to the service."""

    sig_use_previous = Signal()
    """Start the checklist from the earlier visit shown."""

    sig_nik_checked = Signal(str)
    """A valid NIK was typed (normalised): earlier visits can be looked for."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chosen = QLabel()
        self.chosen.setObjectName("sectionTitle")
        self.chosen.setWordWrap(True)
        form_layout = QFormLayout()
        self.form = Form(form_layout)
        self._build_fields()
        self.nik_note = QLabel()
        self.nik_note.setObjectName("statusNote")
        self.nik_note.setWordWrap(True)
        self.previous_note = QLabel()
        self.previous_note.setWordWrap(True)
        self.previous_button = QPushButton(self.tr("Continue from that visit (Alt+L)"))
        self.previous_button.hide()
        self.applicant_back = QPushButton(self.tr("Back (Alt+Left)"))
        self.applicant_next = QPushButton(self.tr("Check the requirements (Ctrl+Enter)"))
        self.applicant_next.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.applicant_back)
        buttons.addStretch(1)
        buttons.addWidget(self.applicant_next)
        layout = QVBoxLayout(self)
        layout.addWidget(self.chosen)
        layout.addLayout(form_layout)
        layout.addWidget(self.nik_note)
        previous = QHBoxLayout()
        previous.addWidget(self.previous_note, 1)
        previous.addWidget(self.previous_button)
        layout.addLayout(previous)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self._connect()
        self._kind_changed()

    def _build_fields(self) -> None:
        self.kind = QComboBox()
        self.kind.addItem(intake_text("Person"), "person")
        self.kind.addItem(intake_text("Business"), "business")
        self.nik = QLineEdit()
        self.nik.setPlaceholderText(self.tr("16 digits, as on the KTP"))
        self.full_name = QLineEdit()
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(self.tr("e.g. 0812 3456 7890"))
        self.address = QLineEdit()
        self.business_name = QLineEdit()
        self.nib = QLineEdit()
        self.nib.setPlaceholderText(self.tr("13 digits"))
        self.npwp = QLineEdit()
        self.npwp.setPlaceholderText(self.tr("optional"))
        self.business_kbli = QLineEdit()
        self.business_kbli.setMaxLength(5)
        self.form.add("kind", self.tr("Applicant type"), self.kind)
        self.form.add("nik", self.tr("NIK"), self.nik)
        self.form.add("full_name", self.tr("Name (as on the KTP)"), self.full_name)
        self.form.add("phone", self.tr("Phone"), self.phone)
        self.form.add("address", self.tr("Address"), self.address)
        self.form.add("business_name", self.tr("Business name"), self.business_name)
        self.form.add("nib", self.tr("NIB"), self.nib)
        self.form.add("npwp", self.tr("NPWP"), self.npwp)
        self.form.add("business_kbli", self.tr("Business KBLI"), self.business_kbli)
        self.editors = [self.nik, self.full_name, self.phone, self.address, self.business_name, self.nib, self.npwp,
                        self.business_kbli]

    def _connect(self) -> None:
        for editor in self.editors:
            editor.installEventFilter(self)
            editor.textEdited.connect(lambda *_a: self.sig_touched.emit())
        self.kind.installEventFilter(self)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.nik.editingFinished.connect(self._nik_done)
        for key, editor in (("phone", self.phone), ("nib", self.nib), ("npwp", self.npwp),
                            ("business_kbli", self.business_kbli)):
            editor.editingFinished.connect(lambda k=key, e=editor: self._check_field(k, e))
        self.previous_button.clicked.connect(self.sig_use_previous)
        self.applicant_back.clicked.connect(self.sig_back)
        self.applicant_next.clicked.connect(self.sig_submit)

    def _kind_changed(self, *_args) -> None:
        business = self.kind.currentData() == "business"
        for key in _BUSINESS:
            self.form.layout.setRowVisible(self.form.rows[key], business)
        self.sig_touched.emit()

    def visible_editors(self) -> list[QLineEdit]:
        business = self.kind.currentData() == "business"
        return [e for e in self.editors if business or e not in (self.business_name, self.nib, self.npwp,
                                                                   self.business_kbli)]

    def applicant_input(self):
        business = self.kind.currentData() == "business"
        return ApplicantInput(
            kind=self.kind.currentData(),
            nik=self.nik.text(),
            full_name=self.full_name.text(),
            phone=self.phone.text(),
            address=self.address.text(),
            business_name=self.business_name.text() if business else "",
            nib=self.nib.text() if business else "",
            npwp=self.npwp.text() if business else "",
            business_kbli=self.business_kbli.text() if business else "",
        )

    def _check_field(self, key: str, editor: QLineEdit) -> None:
        """Check one identifier as soon as the officer leaves the field (pure rules, no database)."""
        text = editor.text().strip()
        row = self.form.rows[key]
        if not text:
            row.set_error(None)
            return
        checks = {"phone": normalize_phone, "nib": validate_nib, "npwp": validate_npwp,
                  "business_kbli": validate_kbli}
        try:
            checks[key](text, field=key)
            row.set_error(None)
        except ValidationError as error:
            row.set_error(error_text(error))

    def _nik_done(self) -> None:
        text = self.nik.text().strip()
        row = self.form.rows["nik"]
        self.nik_note.clear()
        if not text:
            row.set_error(None)
            return
        try:
            info = validate_nik(text)
        except ValidationError as error:
            row.set_error(error_text(error))
            return
        row.set_error(None)
        self.nik_note.setText(" ".join(translate(w.context, w.message).format(**w.params) for w in info.warnings))
        self.sig_nik_checked.emit(info.value)

    def show_service(self, service) -> None:
        self.chosen.setText(f"{service.annex_number}. KBLI {service.kbli} — {service.title} "
                            f"({service.product_type}, {service.risk_level})")
        if not self.business_kbli.text():
            self.business_kbli.setText(service.kbli)

    def show_previous(self, latest) -> None:
        """An earlier visit of this applicant with requirements missing (None: nothing to offer)."""
        if latest is None:
            self.previous_note.clear()
            self.previous_button.hide()
            return
        self.previous_note.setText(
            self.tr("This applicant came on {day} for KBLI {kbli} and {count} requirement(s) were missing or not "
                    "valid.").format(day=dmy(latest.started_at), kbli=latest.service_kbli,
                                     count=latest.missing_count))
        self.previous_button.show()

    def previous_used(self) -> None:
        self.previous_note.setText(self.tr("The checklist starts from the earlier visit: what was fine then is "
                                           "already marked present."))
        self.previous_button.hide()

    def continuing_from(self, visit) -> None:
        self.previous_note.setText(self.tr("Continuing from the visit of {day}: what was fine then is already marked "
                                           "present.").format(day=dmy(visit.started_at)))

    def fill(self, applicant) -> None:
        self.kind.setCurrentIndex(max(self.kind.findData(applicant.kind), 0))
        self.nik.setText(applicant.nik)
        self.full_name.setText(applicant.full_name)
        self.phone.setText(applicant.phone)
        self.address.setText(applicant.address)
        self.business_name.setText(applicant.business_name)
        self.nib.setText(applicant.nib)
        self.npwp.setText(applicant.npwp)
        self.business_kbli.setText(applicant.business_kbli)

    def clear(self) -> None:
        for editor in self.editors:
            editor.clear()
        self.kind.setCurrentIndex(0)
        self.form.clear_errors()
        self.nik_note.clear()
        self.previous_note.clear()
        self.previous_button.hide()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.KeyPress or event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return False
        if obj not in self.editors and obj is not self.kind:
            return False
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.sig_submit.emit()
            return True
        visible = [self.kind, *self.visible_editors()]
        index = visible.index(obj) if obj in visible else -1
        if index == len(visible) - 1:
            self.sig_submit.emit()
        else:
            visible[index + 1].setFocus()
        return True
