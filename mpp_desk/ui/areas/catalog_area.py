"""The service catalogue: search and read every standard; administrators edit, add, remove and import."""

from __future__ import annotations

import dataclasses
import html
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from mpp_desk.roles import Permission, allowed
from mpp_desk.ui.catalog_view import CatalogFilter, CatalogTableModel, render_detail
from mpp_desk.ui.forms import Form, error_text
from mpp_desk.ui.list_editor import TextListEditor
from mpp_desk.ui.tasks import Op, TaskManager

if TYPE_CHECKING:
    from mpp_desk.catalog.service import ImportResult

RISK_LEVELS = ("Rendah", "Menengah Rendah", "Menengah Tinggi", "Tinggi")
PRODUCT_TYPES = ("Sertifikat Standar", "Izin", "NIB")


class StandardEditor(QTabWidget):
    """Every field of one service standard, in tabs; builds a StandardEntry from what is typed."""

    LIST_FIELDS = ("legal_basis", "facilities", "competencies", "internal_supervision", "service_guarantees",
                   "safety_guarantees")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dirty = False
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

        requirements = QWidget()
        self.general_requirements = TextListEditor()
        self.special_requirements = TextListEditor()
        req_layout = QVBoxLayout(requirements)
        req_layout.addWidget(QLabel(self.tr("General requirements (A. Persyaratan Umum)")))
        req_layout.addWidget(self.general_requirements, 1)
        req_layout.addWidget(QLabel(self.tr("Special requirements (B. Persyaratan Khusus)")))
        req_layout.addWidget(self.special_requirements, 1)
        self.addTab(requirements, self.tr("Requirements"))

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
        from mpp_desk.catalog.entry import Requirements, StandardEntry
        from mpp_desk.errors import ValidationError
        from mpp_desk.i18n import N_
        from mpp_desk.identifiers import validate_kbli

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


class ImportPreviewDialog(QDialog):
    """What importing an annex file would change, entry by entry, before anything is written."""

    def __init__(self, results: list[ImportResult], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import preview"))
        labels = {"created": self.tr("new"), "updated": self.tr("changed"), "unchanged": self.tr("unchanged")}
        rows = "".join(
            f"<tr><td>{r.annex_number}</td><td>{html.escape(r.kbli)}</td><td>{html.escape(r.title)}</td>"
            f"<td><b>{html.escape(labels.get(r.status, r.status))}</b></td>"
            f"<td>{html.escape(', '.join(r.changed))}</td></tr>"
            for r in results
        )
        counts = {status: sum(1 for r in results if r.status == status) for status in labels}
        summary = QLabel(
            self.tr("{new} new, {changed} changed, {same} unchanged.").format(
                new=counts["created"], changed=counts["updated"], same=counts["unchanged"]
            )
        )
        summary.setObjectName("sectionTitle")
        table = QTextBrowser()
        table.setHtml(
            f"<table cellpadding='4' width='100%'><tr><th>{self.tr('No.')}</th><th>KBLI</th><th>{self.tr('Service')}</th>"
            f"<th>{self.tr('Result')}</th><th>{self.tr('Changed fields')}</th></tr>{rows}</table>"
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Import"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(counts["created"] + counts["updated"] > 0)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(table, 1)
        layout.addWidget(buttons)
        self.resize(900, 500)


class CatalogArea(QWidget):
    """Search by name or KBLI; read a standard; with EDIT_CATALOG, edit every field and import the annex."""

    def __init__(self, *, ctx, tasks: TaskManager, actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._tasks = tasks
        self._actor = actor
        self.can_edit = allowed(actor, Permission.EDIT_CATALOG)
        self._current = None
        self._creating = False

        title = QLabel(self.tr("Service catalogue"))
        title.setObjectName("pageTitle")
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by service name or KBLI…"))
        self.search.setClearButtonEnabled(True)
        self.status = QLabel()
        self.status.setObjectName("statusNote")
        self.status.setWordWrap(True)
        self.model = CatalogTableModel(self)
        self.proxy = CatalogFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        if self.can_edit:  # beside the editor, the list shows only what finds a service
            for column in (3, 4, 5):
                self.table.hideColumn(column)

        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.search, 2)
        splitter = QSplitter(Qt.Orientation.Horizontal if self.can_edit else Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        if self.can_edit:
            self.editor = StandardEditor()
            self.save_button = QPushButton(self.tr("Save"))
            self.save_button.setToolTip("Ctrl+S")
            self.revert_button = QPushButton(self.tr("Undo changes"))
            self.new_button = QPushButton(self.tr("New service"))
            self.delete_button = QPushButton(self.tr("Remove service"))
            self.delete_button.setObjectName("dangerButton")
            self.import_button = QPushButton(self.tr("Import annex file…"))
            buttons = QHBoxLayout()
            for b in (self.save_button, self.revert_button, self.new_button, self.delete_button):
                buttons.addWidget(b)
            buttons.addStretch(1)
            buttons.addWidget(self.import_button)
            right = QWidget()
            right_layout = QVBoxLayout(right)
            right_layout.setContentsMargins(0, 0, 0, 0)
            right_layout.addWidget(self.editor, 1)
            right_layout.addLayout(buttons)
            splitter.addWidget(right)
            splitter.setSizes([420, 760])
            self.save_button.clicked.connect(self.save)
            self.revert_button.clicked.connect(self.revert)
            self.new_button.clicked.connect(self.new_entry)
            self.delete_button.clicked.connect(self.delete_current)
            self.import_button.clicked.connect(self.import_file)
            QShortcut(QKeySequence.StandardKey.Save, self).activated.connect(self.save)
        else:
            self.editor = None
            self.detail = QTextBrowser()
            splitter.addWidget(self.detail)
            splitter.setSizes([320, 380])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)

        self.search.textChanged.connect(self._on_search)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        QShortcut(QKeySequence.StandardKey.Find, self).activated.connect(self.search.setFocus)
        self.reload()

    # ----- loading -----------------------------------------------------------------------------
    def reload(self, select_annex: int | None = None, message: str | None = None) -> None:
        """Load the catalogue again; *message* (e.g. "Saved") stays on the status line afterwards."""
        from mpp_desk.ui.ops import catalog as ops

        if message is None:
            self.status.setText(self.tr("Loading the catalogue…"))

        def load():
            return ops.list_services(self._ctx), ops.queue_group_codes(self._ctx)

        Op(self._tasks, load).success(lambda r: self._loaded(r[0], r[1], select_annex, message)).failure(self._failed).run()

    def _loaded(self, entries, groups, select_annex, message=None) -> None:
        if self.editor is not None:
            self.editor.set_queue_groups(groups)
        self.model.set_entries(entries)
        self.status.setObjectName("statusNote")
        self.status.setStyleSheet("")
        self.status.setText(message or self.tr("%n service(s) in the catalogue", "", len(entries)))
        target = select_annex if select_annex is not None else (self._current.annex_number if self._current else None)
        row = next((i for i, e in enumerate(entries) if e.annex_number == target), 0 if entries else -1)
        if row >= 0:
            self.table.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())

    def _failed(self, error: BaseException) -> None:
        self.status.setObjectName("errorNote")
        self.status.setStyleSheet("")
        self.status.setText(error_text(error))

    def _on_search(self, text: str) -> None:
        self.proxy.set_search(text)
        self.status.setText(self.tr("%n service(s) shown", "", self.proxy.rowCount()))

    def _on_current(self, current: QModelIndex, previous: QModelIndex) -> None:
        if not current.isValid():
            return
        entry = self.model.entry(self.proxy.mapToSource(current).row())
        if self.editor is None:
            self.detail.setHtml(render_detail(entry))
            self._current = entry
            return
        editor = self.editor
        if editor.dirty and self._current is not None and entry.annex_number != self._current.annex_number:
            answer = QMessageBox.question(
                self, self.tr("Unsaved changes"),
                self.tr("The changes to {name} are not saved. Discard them?").format(name=self._current.title),
            )
            if answer != QMessageBox.StandardButton.Yes:
                self.table.selectionModel().blockSignals(True)
                self.table.setCurrentIndex(previous)
                self.table.selectionModel().blockSignals(False)
                return
        self._current = entry
        self._creating = False
        editor.load(entry)

    # ----- editing -----------------------------------------------------------------------------
    def _edit(self) -> StandardEditor:
        assert self.editor is not None, "the editing actions exist only for a user who may edit"
        return self.editor

    def new_entry(self) -> None:
        self._creating = True
        self.table.clearSelection()
        self._edit().load(None, new=True)
        next_number = max((self.model.entry(r).annex_number for r in range(self.model.rowCount())), default=0) + 1
        self._edit().annex_number.setValue(next_number)
        self._edit().setCurrentIndex(0)
        self._edit().kbli.setFocus()

    def revert(self) -> None:
        if self._creating or self._current is None:
            self._edit().load(None, new=True)
        else:
            self._edit().load(self._current)

    def save(self) -> None:
        from mpp_desk.ui.ops import catalog as ops

        self._edit().form.clear_errors()
        try:
            entry = self._edit().entry()
        except Exception as error:  # noqa: BLE001 - a ValidationError shown beside its field
            self._save_failed(error)
            return
        if self._creating and any(self.model.entry(r).annex_number == entry.annex_number
                                  for r in range(self.model.rowCount())):
            from mpp_desk.errors import ValidationError
            from mpp_desk.i18n import N_

            self._save_failed(ValidationError(N_("errors", "Annex number {number} is already in the catalogue."),
                                              field="annex_number", number=entry.annex_number))
            return
        self.save_button.setEnabled(False)
        Op(self._tasks, lambda: ops.save_entry(self._ctx, actor=self._actor, entry=entry)).success(
            lambda results: self._saved(entry, results)
        ).failure(self._save_failed).run()

    def _saved(self, entry, results) -> None:
        self.save_button.setEnabled(True)
        self._edit().dirty = False
        self._creating = False
        self._current = entry
        status = results[0].status if results else "unchanged"
        self.status.setObjectName("statusNote")
        self.status.setStyleSheet("")
        message = (self.tr("Saved: {name}.").format(name=entry.title) if status != "unchanged"
                   else self.tr("Nothing changed."))
        self.reload(select_annex=entry.annex_number, message=message)

    def _save_failed(self, error: BaseException) -> None:
        if self.can_edit:
            self.save_button.setEnabled(True)
        if not self._edit().form.show_error(error):
            self._failed(error)
        else:
            self._edit().setCurrentIndex(0)

    def _deleted(self, _ok) -> None:
        self._current = None
        self.reload()

    def delete_current(self) -> None:
        from mpp_desk.ui.ops import catalog as ops

        if self._current is None or self._creating:
            return
        entry = self._current
        answer = QMessageBox.question(
            self, self.tr("Remove service"),
            self.tr("Remove {number}. {name} from the catalogue?").format(number=entry.annex_number, name=entry.title),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        Op(self._tasks, lambda: ops.delete_entry(self._ctx, actor=self._actor, annex_number=entry.annex_number)).success(
            self._deleted
        ).failure(self._failed).run()

    def import_file(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import annex file"), str(Path.home()),
            self.tr("Annex text or export (*.txt *.yaml *.yml *.json);;All files (*)"),
        )
        if paths:
            self.preview_and_import([Path(p) for p in paths])

    def preview_and_import(self, paths: list[Path], *, confirm=None) -> None:
        """Parse *paths*, show what would change, and import on confirmation (all or nothing)."""
        from mpp_desk.ui.ops import catalog as ops

        def previewed(result) -> None:
            entries, results = result
            accepted = confirm(results) if confirm is not None else ImportPreviewDialog(results, self).exec() == QDialog.DialogCode.Accepted
            if not accepted:
                self.status.setText(self.tr("Import cancelled; nothing was changed."))
                return
            Op(self._tasks, lambda: ops.import_entries(self._ctx, actor=self._actor, entries=entries)).success(
                lambda done: self.reload(message=self.tr("%n service(s) imported.", "", len(done)))
            ).failure(self._failed).run()

        Op(self._tasks, lambda: ops.preview_files(self._ctx, paths=paths)).success(previewed).failure(self._failed).run()
