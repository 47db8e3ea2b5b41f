"""The service catalogue: search and read every standard; administrators edit, add, remove and import."""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from mpp_desk.roles import Permission, allowed
from mpp_desk.ui.catalog_view import CatalogFilter, CatalogTableModel, render_detail
from mpp_desk.ui.forms import error_text
from mpp_desk.ui.areas.standard_editor import StandardEditor
from mpp_desk.ui.tasks import Op, TaskManager
from mpp_desk.errors import ValidationError
from mpp_desk.i18n import N_
from mpp_desk.ui.ops import catalog as ops

if TYPE_CHECKING:
    from mpp_desk.catalog.service import ImportResult

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
        self._build_table()

        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.search, 2)
        splitter = QSplitter(Qt.Orientation.Horizontal if self.can_edit else Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        if self.can_edit:
            splitter.addWidget(self._build_editor_side())
            splitter.setSizes([420, 760])
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

    def _build_table(self) -> None:
        """The list of standards, filtered by the search."""
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

    def _build_editor_side(self) -> QWidget:
        """The administrator's editor and its buttons."""
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
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        self.new_button.clicked.connect(self.new_entry)
        self.delete_button.clicked.connect(self.delete_current)
        self.import_button.clicked.connect(self.import_file)
        QShortcut(QKeySequence.StandardKey.Save, self).activated.connect(self.save)
        return right

    # ----- loading -----------------------------------------------------------------------------
    def reload(self, select_annex: int | None = None, message: str | None = None) -> None:
        """Load the catalogue again; *message* (e.g. "Saved") stays on the status line afterwards."""
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
        self._edit().form.clear_errors()
        try:
            entry = self._edit().entry()
        except Exception as error:  # noqa: BLE001 - a ValidationError shown beside its field
            self._save_failed(error)
            return
        if self._creating and any(self.model.entry(r).annex_number == entry.annex_number
                                  for r in range(self.model.rowCount())):
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
