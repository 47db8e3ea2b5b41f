"""Every dialog and message box the app can show speaks Bahasa Indonesia, down to Qt's own buttons.

Qt ships no Indonesian catalogue for its standard buttons (Cancel, Save, Discard, Yes, No...), its file
and print dialogs or its edit menus; resources/i18n/qtbase_id.ts translates them. This test finds every
place under mpp_desk/ui that opens a dialog (a source scan, so a new one must be added here), opens
each through the real code in the Indonesian interface, and fails on an English button.
"""

from __future__ import annotations

import ast
import datetime as dt
import types
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QLineEdit, QPlainTextEdit, QWidget

from tests.ui.conftest import ADMIN_PASSWORD

UI = Path(__file__).resolve().parents[2] / "mpp_desk" / "ui"

# What Qt writes on its own buttons and menus in English (QPlatformTheme, QMessageBox, QFileDialog, QPrintDialog,
# QLineEdit/QWidgetTextControl); "OK" is Indonesian too and is not listed.
QT_ENGLISH = {
    "Save", "Save All", "Open", "Yes", "Yes to All", "No", "No to All", "Abort", "Retry", "Ignore", "Close",
    "Cancel", "Discard", "Help", "Apply", "Reset", "Restore Defaults", "Show Details...", "Hide Details...",
    "Choose", "Print", "Options >>", "Options <<", "Properties", "Preview", "Undo", "Redo", "Cut", "Copy", "Paste",
    "Delete", "Select All", "Close without Saving",
}

# Where the app opens a dialog: module -> "Class.method", "function" or a QDialog subclass.
SITES = {
    "application.py": {"show_error"},
    "auth_panels.py": {"run_as_dialog"},
    "shell.py": {"RoleShell.change_password"},
    "receipt_print.py": {"ask_for_printer"},
    "areas/intake/area.py": {"IntakeArea._confirm_discard"},
    "areas/catalog_area.py": {"ImportPreviewDialog", "CatalogArea._on_current", "CatalogArea.delete_current",
                              "CatalogArea.import_file", "CatalogArea.preview_and_import"},
    "areas/complaints/capture.py": {"CapturePanel._pick_files"},
    "areas/complaints/step_dialog.py": {"StepDialog"},
    "areas/complaints/receipt_dialog.py": {"ReceiptDialog"},
    "areas/complaints/case_detail.py": {"CaseDetailPanel.start_action", "CaseDetailPanel._open_dialog",
                                        "CaseDetailPanel._show_receipt"},
    "areas/complaints_oversight_area.py": {"ComplaintsOversightArea._choose_export"},
    "areas/survey_area.py": {"SurveyArea._choose_export"},
    "areas/users_area.py": {"UsersArea.add_user", "UsersArea.reset_selected", "UsersArea.set_pin_selected"},
    "areas/sync_area.py": {"SyncArea._ask", "SyncArea._ask_resolution"},
    "areas/procedures_tab.py": {"ProceduresTab.remove_current", "ProceduresTab.import_file"},
    "areas/evaluations_tab.py": {"EvaluationsTab.choose_document"},
    "areas/intake/procedure.py": {"ProcedureDialog", "ProcedureButton._show"},
    "areas/retention_area.py": {"RetentionArea._ask"},
    "areas/queue_offline.py": {"CheckedNoteDialog", "ServedTwiceTab.mark_selected"},
}

_OPENERS = ("QMessageBox", "QFileDialog", "QInputDialog")


def dialog_sites() -> dict[str, set[str]]:
    """Every place in mpp_desk/ui that opens a dialog: static QMessageBox/QFileDialog/QInputDialog calls,
    a QDialog or QPrintDialog made, run_as_dialog called, and the app's own QDialog subclasses."""
    found: dict[str, set[str]] = {}
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in sorted(UI.rglob("*.py"))}
    defined = {path: {n.name for n in ast.walk(tree) if isinstance(n, ast.ClassDef)
                      and any(getattr(b, "id", None) == "QDialog" for b in n.bases)} for path, tree in trees.items()}
    dialogs = set().union(*defined.values())  # made in one module, opened from another
    for path, tree in trees.items():
        where: set[str] = set(defined[path])

        def visit(node, scope: list[str]) -> None:
            for child in ast.iter_child_nodes(node):
                if isinstance(child, (ast.ClassDef, ast.FunctionDef)):
                    visit(child, [*scope, child.name])
                    continue
                if isinstance(child, ast.Call) and scope:
                    func = child.func
                    owner = getattr(func.value, "id", None) if isinstance(func, ast.Attribute) else None
                    static = owner in _OPENERS and func.attr[:1].islower() and func.attr != "tr"
                    if static or getattr(func, "id", None) in {"QDialog", "QPrintDialog", "run_as_dialog", *dialogs}:
                        where.add(".".join(scope[:2]))
                visit(child, scope)

        visit(tree, [])
        if where:
            found[str(path.relative_to(UI))] = where
    return found


def test_the_list_of_dialogs_is_complete():
    assert dialog_sites() == SITES, "a dialog was added or moved: open it in this test too"


def english_texts() -> set[str]:
    """English texts a button could show: Qt's own, and every English source the app translates."""
    from tools import i18n

    english = set(QT_ENGLISH)
    for (_context, source), forms in i18n.read_catalogues().items():
        if forms and forms[0] != source:
            english.add(_plain(source))
    return english


def _plain(text: str) -> str:
    return text.split("\t")[0].replace("&&", "\0").replace("&", "").replace("\0", "&").strip()


class DialogWatcher:
    """Sees each dialog that comes up (modal or opened), keeps its buttons' texts, then closes it."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, list[str]]] = []
        self._timer = QTimer()
        self._timer.setInterval(20)
        self._timer.timeout.connect(self._look)
        self._timer.start()

    def _look(self) -> None:
        widget = QApplication.activeModalWidget()
        if widget is None:
            widget = next((w for w in QApplication.topLevelWidgets()
                           if isinstance(w, QDialog) and w.isVisible() and w.isModal()), None)
        if isinstance(widget, QDialog) and widget.isVisible():
            texts = [b.text() for b in widget.findChildren(QAbstractButton) if b.isVisibleTo(widget) and b.text()]
            self.seen.append((type(widget).__name__, texts))
            widget.reject()

    def stop(self) -> None:
        self._timer.stop()


@pytest.fixture
def watcher(qtbot):
    watch = DialogWatcher()
    yield watch
    watch.stop()


def expect_dialog(qtbot, watcher, open_it) -> list[str]:
    before = len(watcher.seen)
    open_it()
    qtbot.waitUntil(lambda: len(watcher.seen) > before, timeout=10000)
    return watcher.seen[-1][1]


def assert_indonesian(buttons: list[str], english: set[str]) -> None:
    assert buttons, "the dialog has no buttons"
    bad = [text for text in buttons if _plain(text) in english]
    assert bad == [], f"English on the buttons: {bad} (all: {buttons})"


@pytest.fixture
def admin(sign_in):
    return sign_in("admin", ADMIN_PASSWORD)


def test_every_dialog_and_message_box_has_indonesian_buttons(qtbot, ui_ctx, tasks, admin, watcher, tmp_path,
                                                             monkeypatch):
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QFileDialog

    from mpp_desk.ui import application
    from mpp_desk.ui.areas import catalog_area, complaints, complaints_oversight_area, users_area
    from mpp_desk.ui.areas.intake import IntakeArea
    from mpp_desk.ui.shell import RoleShell

    # Qt's own file dialog, as on a PC without a native one (the Windows dialog speaks the PC's language)
    real_open, real_save = QFileDialog.getOpenFileNames, QFileDialog.getSaveFileName
    real_open_one = QFileDialog.getOpenFileName
    widget_only = QFileDialog.Option.DontUseNativeDialog
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(
        lambda *a, **k: real_open(*a, options=widget_only)))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(
        lambda *a, **k: real_open_one(*a, options=widget_only)))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(
        lambda *a, **k: real_save(*a, options=widget_only)))
    english = english_texts()
    opened: dict[str, list[str]] = {}

    def check(site: str, open_it) -> None:
        opened[site] = expect_dialog(qtbot, watcher, open_it)
        assert_indonesian(opened[site], english)

    host = QWidget()
    qtbot.addWidget(host)
    check("show_error", lambda: application.show_error(host, "Galat", RuntimeError("disk full")))

    shell = RoleShell(ctx=ui_ctx, tasks=tasks, actor=admin, office_name="MPP")
    qtbot.addWidget(shell)
    check("RoleShell.change_password", shell.change_password)  # run_as_dialog

    intake = IntakeArea(ctx=ui_ctx, tasks=tasks, actor=admin)
    qtbot.addWidget(intake)
    check("IntakeArea._confirm_discard", intake._confirm_discard)
    assert sorted(opened["IntakeArea._confirm_discard"]) == ["Batal", "Buang"]
    check("ask_for_printer", lambda: intake._run_print_dialog(QPrinter()))  # the print dialog, shared

    catalog = catalog_area.CatalogArea(ctx=ui_ctx, tasks=tasks, actor=admin)
    qtbot.addWidget(catalog)
    catalog.show()
    qtbot.waitUntil(lambda: catalog.model.rowCount() >= 2, timeout=10000)
    catalog.table.selectRow(0)
    qtbot.waitUntil(lambda: catalog._current is not None, timeout=10000)
    check("CatalogArea.delete_current", catalog.delete_current)
    assert sorted(opened["CatalogArea.delete_current"]) == ["&Tidak", "&Ya"]
    catalog.editor.kbli.selectAll()
    qtbot.keyClicks(catalog.editor.kbli, "99999")  # an unsaved change, then another service is chosen
    assert catalog.editor.dirty
    check("CatalogArea._on_current", lambda: catalog.table.selectRow(1))
    check("CatalogArea.import_file", catalog.import_file)
    from mpp_desk.paths import CATALOG_SEED_DIR

    annex = tmp_path / "lampiran.txt"
    annex.write_text((CATALOG_SEED_DIR / "annex-067-kbli-62021.txt").read_text(encoding="utf-8"), encoding="utf-8")
    check("CatalogArea.preview_and_import", lambda: catalog.preview_and_import([annex]))  # ImportPreviewDialog

    from mpp_desk.ui.areas.evaluations_tab import EvaluationsTab
    from mpp_desk.ui.areas.intake.procedure import ProcedureButton
    from mpp_desk.ui.areas.procedures_tab import ProceduresTab

    procedures = ProceduresTab(ctx=ui_ctx, tasks=tasks, actor=admin)
    qtbot.addWidget(procedures)
    check("ProceduresTab.remove_current", procedures.remove_current)
    assert sorted(opened["ProceduresTab.remove_current"]) == ["&Tidak", "&Ya"]
    check("ProceduresTab.import_file", procedures.import_file)
    evaluations = EvaluationsTab(ctx=ui_ctx, tasks=tasks, actor=admin)
    qtbot.addWidget(evaluations)
    check("EvaluationsTab.choose_document", evaluations.choose_document)
    procedure_button = ProcedureButton()
    qtbot.addWidget(procedure_button)
    check("ProcedureButton._show", lambda: procedure_button._show([]))  # a ProcedureDialog

    capture = complaints.CapturePanel(ctx=ui_ctx, tasks=tasks, actor=admin)
    qtbot.addWidget(capture)
    check("CapturePanel._pick_files", capture._pick_files)
    detail = complaints.CaseDetailPanel(ctx=ui_ctx, tasks=tasks, actor=admin)
    qtbot.addWidget(detail)
    detail.detail = types.SimpleNamespace(id=uuid.uuid4(), case_number="PGD/2026/0001", sector="Perizinan",
                                          summary=types.SimpleNamespace(service_title="", assignee=None))
    check("CaseDetailPanel.start_action", lambda: detail.start_action("attach"))
    check("CaseDetailPanel._open_dialog", lambda: detail._open_dialog("add_note"))  # a StepDialog
    assert sorted(opened["CaseDetailPanel._open_dialog"]) == ["Batal", "Simpan"]
    preview = types.SimpleNamespace(case_number="PGD/2026/0001", images={}, copy=False, paths={"a4": "x.pdf"})
    check("CaseDetailPanel._show_receipt", lambda: detail._show_receipt(preview))  # a ReceiptDialog
    # the complaint receipt's print dialog is the shared one (ask_for_printer, opened above)
    assert_indonesian(expect_dialog(qtbot, watcher, lambda: detail.dialog._run_print_dialog(QPrinter())), english)

    oversight = complaints_oversight_area.ComplaintsOversightArea(ctx=ui_ctx, tasks=tasks, actor=admin)
    qtbot.addWidget(oversight)
    check("ComplaintsOversightArea._choose_export", oversight._choose_export)
    save_buttons = opened["ComplaintsOversightArea._choose_export"]
    assert "&Simpan" in save_buttons and "Batal" in save_buttons
    from mpp_desk.ui.areas import survey_area

    survey = survey_area.SurveyArea(ctx=ui_ctx, tasks=tasks, actor=admin)
    qtbot.addWidget(survey)
    check("SurveyArea._choose_export", survey._choose_export)
    assert "Batal" in opened["SurveyArea._choose_export"]

    users = users_area.UsersArea(ctx=ui_ctx, tasks=tasks, actor=admin)
    qtbot.addWidget(users)
    qtbot.waitUntil(lambda: users.model.rowCount() == 2, timeout=10000)
    users.table.selectRow(0)
    check("UsersArea.add_user", users.add_user)
    check("UsersArea.reset_selected", users.reset_selected)
    check("UsersArea.set_pin_selected", users.set_pin_selected)
    assert sorted(opened["UsersArea.set_pin_selected"]) == ["Batal", "OK"]

    from mpp_desk.ui.areas import sync_area

    sync_screen = sync_area.SyncArea(ctx=ui_ctx, tasks=tasks, actor=admin)  # this PC has not joined: no request
    qtbot.addWidget(sync_screen)
    qtbot.waitUntil(lambda: sync_screen.loaded >= 1, timeout=10000)
    check("SyncArea._ask", lambda: sync_screen._ask("loket-3"))
    assert sorted(opened["SyncArea._ask"]) == ["&Tidak", "&Ya"]
    check("SyncArea._ask_resolution", lambda: sync_screen._ask_resolution("?"))
    assert sorted(opened["SyncArea._ask_resolution"]) == ["&Tidak", "&Ya"]

    from mpp_desk.ui.areas import retention_area

    retention_screen = retention_area.RetentionArea(ctx=ui_ctx, tasks=tasks, actor=admin)
    qtbot.addWidget(retention_screen)
    qtbot.waitUntil(lambda: retention_screen.loaded >= 1, timeout=10000)
    check("RetentionArea._ask", lambda: retention_screen._ask({"intake_file": 2, "intake_visit": 0, "complaint": 1}))
    assert sorted(opened["RetentionArea._ask"]) == ["&Tidak", "&Ya"]

    from mpp_desk.queue.views import ServedTwice
    from mpp_desk.ui.areas.queue_offline import ServedTwiceTab

    served_twice = ServedTwiceTab(ctx=ui_ctx, tasks=tasks, actor=admin)  # its rows as the server would give them
    qtbot.addWidget(served_twice)
    moment = dt.datetime(2026, 11, 24, 3, 0, tzinfo=dt.timezone.utc)
    served_twice._show(moment.date(), (ServedTwice("A001", moment.date(), 1, "loket-1", moment, "finish", moment, 2,
                                                   "done", moment, id=7),))
    served_twice.table.selectRow(0)
    check("ServedTwiceTab.mark_selected", served_twice.mark_selected)  # a CheckedNoteDialog
    assert sorted(opened["ServedTwiceTab.mark_selected"]) == ["Batal", "Tandai sudah diperiksa"]

    covered = {site for sites in SITES.values() for site in sites}
    # opened through change_password, preview_and_import, _open_dialog, _show_receipt and mark_selected
    covered -= {"run_as_dialog", "ImportPreviewDialog", "StepDialog", "ReceiptDialog", "ProcedureDialog",
                "CheckedNoteDialog"}
    assert covered == set(opened)


def test_the_edit_menus_of_text_fields_are_indonesian(qtbot):
    english = english_texts()
    for field in (QLineEdit(), QPlainTextEdit()):
        qtbot.addWidget(field)
        menu = field.createStandardContextMenu()
        texts = [a.text() for a in menu.actions() if a.text()]
        assert "&Salin\tCtrl+C" in texts or any(_plain(t) == "Salin" for t in texts)
        assert [t for t in texts if _plain(t) in english] == []
