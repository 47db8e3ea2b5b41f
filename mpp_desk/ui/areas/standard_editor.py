"""The editor of one service standard: every field of the regulation's annex entry, in tabs."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mpp_desk.ui.forms import Form
from mpp_desk.ui.list_editor import TextListEditor
from mpp_desk.catalog.entry import Requirements, StandardEntry
from mpp_desk.errors import ValidationError
from mpp_desk.i18n import N_
from mpp_desk.identifiers import validate_kbli

RISK_LEVELS = ("Rendah", "Menengah Rendah", "Menengah Tinggi", "Tinggi")
PRODUCT_TYPES = ("Sertifikat Standar", "Izin", "NIB")


class StandardEditor(QTabWidget):
    """Every field of one service standard, in tabs; builds a StandardEntry from what is typed."""

    LIST_FIELDS = ("legal_basis", "facilities", "competencies", "internal_supervision", "service_guarantees",
                   "safety_guarantees")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dirty = False
        self._build_general()
        self._build_requirements()
        self._build_texts()
        self._build_lists()
        self._connect()

    def _build_general(self) -> None:
        """The standard's identity and figures, in one form."""
        general = QWidget()
        self.form = Form(QFormLayout(general))
        self.annex_number = QSpinBox()
        self.annex_number.setRange(1, 99_999)
        self.product_type = QComboBox()
        self.product_type.setEditable(True)
        self.product_type.addItems(PRODUCT_TYPES)
        self.risk_level = QComboBox()
        self.risk_level.addItems(RISK_LEVELS)
        self.kbli = QLineEdit()
        self.kbli.setMaxLength(5)
        self.kbli.setInputMask("99999;_")
        self.title = QLineEdit()
        self.queue_group = QComboBox()
        self.completion_days = QSpinBox()
        self.completion_days.setRange(0, 9_999)
        self.fee = QLineEdit()
        self.output = QLineEdit()
        self.procedures = QLineEdit()
        self.procedures.setPlaceholderText(self.tr("e.g. 3, 7, 12, 16"))
        self.staff_count = QSpinBox()
        self.staff_count.setRange(0, 9_999_999)
        self.form.add("annex_number", self.tr("Annex number"), self.annex_number)
        self.form.add("product_type", self.tr("Product type"), self.product_type)
        self.form.add("risk_level", self.tr("Risk level"), self.risk_level)
        self.form.add("kbli", self.tr("KBLI"), self.kbli)
        self.form.add("title", self.tr("Title"), self.title)
        self.form.add("queue_group", self.tr("Queue group"), self.queue_group)
        self.form.add("completion_working_days", self.tr("Completion (working days)"), self.completion_days)
        self.form.add("fee", self.tr("Fee"), self.fee)
        self.form.add("output", self.tr("Product delivered"), self.output)
        self.form.add("procedure_classifications", self.tr("Procedure classifications"), self.procedures)
        self.form.add("staff_count", self.tr("Staff count"), self.staff_count)
        self.addTab(general, self.tr("General"))

    def _build_requirements(self) -> None:
        requirements = QWidget()
        self.general_requirements = TextListEditor()
        self.special_requirements = TextListEditor()
        req_layout = QVBoxLayout(requirements)
        req_layout.addWidget(QLabel(self.tr("General requirements (A. Persyaratan Umum)")))
        req_layout.addWidget(self.general_requirements, 1)
        req_layout.addWidget(QLabel(self.tr("Special requirements (B. Persyaratan Khusus)")))
        req_layout.addWidget(self.special_requirements, 1)
        self.addTab(requirements, self.tr("Requirements"))

    def _build_texts(self) -> None:
        texts = QWidget()
        self.procedure_text = QPlainTextEdit()
        self.completion_text = QPlainTextEdit()
        self.complaint_handling = QPlainTextEdit()
        self.performance_evaluation = QPlainTextEdit()
        text_layout = QFormLayout(texts)
        text_layout.addRow(self.tr("Procedure (text)"), self.procedure_text)
        text_layout.addRow(self.tr("Completion time (text)"), self.completion_text)
        text_layout.addRow(self.tr("Complaint handling"), self.complaint_handling)
        text_layout.addRow(self.tr("Performance evaluation"), self.performance_evaluation)
        self.addTab(texts, self.tr("Texts"))

    def _build_lists(self) -> None:
        """One tab per list field of the standard."""
        self.lists: dict[str, TextListEditor] = {}
        titles = {
            "legal_basis": self.tr("Legal basis"),
            "facilities": self.tr("Facilities"),
            "competencies": self.tr("Staff competence"),
            "internal_supervision": self.tr("Internal supervision"),
            "service_guarantees": self.tr("Service guarantees"),
            "safety_guarantees": self.tr("Security and safety"),
        }
        for key in self.LIST_FIELDS:
            editor = TextListEditor()
            self.lists[key] = editor
            self.addTab(editor, titles[key])

    def _connect(self) -> None:
        """Any edit marks the standard as changed."""
        for widget in (self.kbli, self.title, self.fee, self.output, self.procedures):
            widget.textEdited.connect(self._touched)
        for widget in (self.annex_number, self.completion_days, self.staff_count):
            widget.valueChanged.connect(self._touched)
        for widget in (self.product_type, self.risk_level, self.queue_group):
            widget.currentTextChanged.connect(self._touched)
        for widget in (self.procedure_text, self.completion_text, self.complaint_handling, self.performance_evaluation):
            widget.textChanged.connect(self._touched)
        for editor in (self.general_requirements, self.special_requirements, *self.lists.values()):
            editor.sig_changed.connect(self._touched)

    def _touched(self, *_args) -> None:
        self.dirty = True

    def set_queue_groups(self, groups: list[tuple[str, str]]) -> None:
        current = self.queue_group.currentData()
        self.queue_group.blockSignals(True)
        self.queue_group.clear()
        self.queue_group.addItem(self.tr("(none)"), "")
        for code, name in groups:
            self.queue_group.addItem(f"{code} – {name}", code)
        index = self.queue_group.findData(current)
        self.queue_group.setCurrentIndex(max(index, 0))
        self.queue_group.blockSignals(False)

    def load(self, entry, *, new: bool = False) -> None:
        """Fill every field from *entry* (None: an empty new entry)."""
        widgets = [self.annex_number, self.product_type, self.risk_level, self.kbli, self.title, self.queue_group,
                   self.completion_days, self.fee, self.output, self.procedures, self.staff_count,
                   self.procedure_text, self.completion_text, self.complaint_handling, self.performance_evaluation]
        for w in widgets:
            w.blockSignals(True)
        self.form.clear_errors()
        self.annex_number.setReadOnly(not new)
        if entry is None:
            entry_values: dict[str, Any] = dict(annex_number=1, product_type=PRODUCT_TYPES[0], risk_level=RISK_LEVELS[0], kbli="",
                                title="", queue_group="", completion_working_days=0, fee="Gratis", output="",
                                procedure_classifications=(), staff_count=0, procedure_text="", completion_text="",
                                complaint_handling="", performance_evaluation="")
            requirements = {"general": (), "special": ()}
            lists = {key: () for key in self.LIST_FIELDS}
        else:
            entry_values = {f.name: getattr(entry, f.name) for f in dataclasses.fields(entry)}
            requirements = {"general": entry.requirements.general, "special": entry.requirements.special}
            lists = {key: getattr(entry, key) for key in self.LIST_FIELDS}
        v = entry_values
        self.annex_number.setValue(v["annex_number"])
        self.product_type.setCurrentText(v["product_type"])
        self.risk_level.setCurrentText(v["risk_level"])
        self.kbli.setText(v["kbli"])
        self.title.setText(v["title"])
        self.queue_group.setCurrentIndex(max(self.queue_group.findData(v["queue_group"] or ""), 0))
        self.completion_days.setValue(v["completion_working_days"])
        self.fee.setText(v["fee"])
        self.output.setText(v["output"])
        self.procedures.setText(", ".join(str(n) for n in v["procedure_classifications"]))
        self.staff_count.setValue(v["staff_count"] or 0)
        self.procedure_text.setPlainText(v["procedure_text"])
        self.completion_text.setPlainText(v["completion_text"])
        self.complaint_handling.setPlainText(v["complaint_handling"])
        self.performance_evaluation.setPlainText(v["performance_evaluation"])
        self.general_requirements.set_items(requirements["general"])
        self.special_requirements.set_items(requirements["special"])
        for key, editor in self.lists.items():
            editor.set_items(lists[key])
        for w in widgets:
            w.blockSignals(False)
        self.dirty = False

    def entry(self):
        """The StandardEntry the form describes; raises ValidationError naming the field."""
        kbli = validate_kbli(self.kbli.text().strip(), field="kbli")
        title = " ".join(self.title.text().split())
        if not title:
            raise ValidationError(N_("errors", "The title must not be empty."), field="title")
        product_type = " ".join(self.product_type.currentText().split())
        if not product_type:
            raise ValidationError(N_("errors", "The product type must not be empty."), field="product_type")
        try:
            procedures = tuple(int(part) for part in self.procedures.text().replace(";", ",").split(",") if part.strip())
        except ValueError:
            raise ValidationError(
                N_("errors", "Procedure classifications are numbers separated by commas, e.g. 3, 7, 12."),
                field="procedure_classifications",
            ) from None
        return StandardEntry(
            annex_number=self.annex_number.value(),
            product_type=product_type,
            risk_level=self.risk_level.currentText(),
            kbli=kbli,
            title=title,
            requirements=Requirements(self.general_requirements.items(), self.special_requirements.items()),
            procedure_classifications=procedures,
            procedure_text=self.procedure_text.toPlainText().strip(),
            completion_working_days=self.completion_days.value(),
            completion_text=self.completion_text.toPlainText().strip(),
            fee=self.fee.text().strip(),
            output=self.output.text().strip(),
            complaint_handling=self.complaint_handling.toPlainText().strip(),
            legal_basis=self.lists["legal_basis"].items(),
            facilities=self.lists["facilities"].items(),
            competencies=self.lists["competencies"].items(),
            internal_supervision=self.lists["internal_supervision"].items(),
            service_guarantees=self.lists["service_guarantees"].items(),
            safety_guarantees=self.lists["safety_guarantees"].items(),
            performance_evaluation=self.performance_evaluation.toPlainText().strip(),
            staff_count=self.staff_count.value(),
            queue_group=self.queue_group.currentData() or "",
        )
