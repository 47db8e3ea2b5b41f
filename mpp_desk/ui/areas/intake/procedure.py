"""The chosen service's procedure at the counter: the Lampiran IV classifications its standard names, with their steps."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from mpp_desk.ui.forms import error_text
from mpp_desk.ui.tasks import Op
from mpp_desk.ui.ops import standards as ops


class ProcedureDialog(QDialog):
    """Read-only: each classification's number, name and numbered steps (fits a 1366×768 screen)."""

    def __init__(self, title: str, found: list, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Procedure (Lampiran IV)"))
        self.text = QTextBrowser()
        self.text.setHtml(self.render(title, found))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(760, 520)

    def render(self, title: str, found: list) -> str:
        parts = [f"<h3>{html.escape(title)}</h3>"]
        if not found:
            note = self.tr("The standard names no Lampiran IV classification.")
            parts.append(f"<p>{html.escape(note)}</p>")
        elif len(found) > 1:
            note = self.tr("The standard names several classifications; the one that applies depends on the "
                           "application (e.g. its risk level).")
            parts.append(f"<p>{html.escape(note)}</p>")
        for number, item in found:
            if item is None:
                heading = self.tr("Classification {number}: not in the catalogue yet").format(number=number)
                parts.append(f"<h4>{html.escape(heading)}</h4>")
                continue
            heading = self.tr("Classification {number}: {name}").format(number=number, name=item.name)
            steps = "".join(f"<li>{html.escape(step)}</li>" for step in item.steps)
            parts.append(f"<h4>{html.escape(heading)}</h4><ol>{steps}</ol>")
        return "".join(parts)


class ProcedureButton(QPushButton):
    """Opens the procedure of the visit's service; the area binds its context and task runner once."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Procedure (Alt+P)"), parent)
        self.setToolTip(self.tr("The service's procedure: the Lampiran IV classifications its standard names"))
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self._ctx = self._tasks = None
        self._annex: int | None = None
        self._title = ""
        self.dialog: ProcedureDialog | None = None
        self.clicked.connect(self.show_procedure)

    def bind(self, *, ctx, tasks) -> None:
        self._ctx, self._tasks = ctx, tasks

    def set_service(self, annex_number: int | None, title: str = "") -> None:
        self._annex, self._title = annex_number, title
        self.setEnabled(annex_number is not None)

    def show_procedure(self) -> None:
        if self._annex is None or self._tasks is None or self._ctx is None:
            return
        annex, ctx = self._annex, self._ctx
        Op(self._tasks, lambda: ops.procedure_for(ctx, annex_number=annex)).success(self._show).failure(
            self._failed).run()

    def _show(self, found) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = ProcedureDialog(self._title, list(found), self.window())
        self.dialog.open()

    def _failed(self, error: BaseException) -> None:
        self.setToolTip(error_text(error))
