"""One case: its facts, its timeline, and the steps the officer may take next."""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from mpp_desk.complaints import labels
from mpp_desk.roles import Permission, allowed
from mpp_desk.textformat import format_date
from mpp_desk.ui.areas.complaints.common import due_text, reporter_text, set_note
from mpp_desk.ui.areas.complaints.receipt_dialog import ReceiptDialog
from mpp_desk.ui.areas.complaints.step_dialog import StepDialog
from mpp_desk.ui.forms import error_text
from mpp_desk.ui.tasks import Op, TaskManager
from mpp_desk.officetime import local
from mpp_desk.ui.ops import complaints as ops

if TYPE_CHECKING:
    from mpp_desk.complaints.views import CaseDetail


class CaseDetailPanel(QWidget):
    """One case: what it is, its timeline, its files, and the follow-up actions that fit its state."""

    sig_changed = Signal(object)
    """The case changed (its new CaseDetail)."""

    ACTIONS = ("classify", "analyse", "assign", "follow_up", "approve_apip", "report_to_superior", "inform", "close",
               "reopen", "add_note", "attach", "receipt")

    def __init__(self, *, ctx, tasks: TaskManager, actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx, self._tasks, self._actor = ctx, tasks, actor
        self.detail: CaseDetail | None = None
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

    def _case(self) -> CaseDetail:
        assert self.detail is not None, "the actions act on the case shown"
        return self.detail

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
            ctx, actor, case_id = self._ctx, self._actor, self._case().id

            def opened(related) -> None:
                self._open_dialog(action, related)

            Op(self._tasks, lambda: ops.related_cases(ctx, actor=actor, case_id=case_id)).success(
                opened).failure(self._failed).run()
            return
        self._open_dialog(action)

    def _open_dialog(self, action: str, related=()) -> StepDialog:
        d = self._case()
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
        ctx, actor, case_id = self._ctx, self._actor, self._case().id
        Op(self._tasks, lambda: ops.add_attachments(ctx, actor=actor, case_id=case_id, paths=list(paths))).success(
            self._step_done).failure(self._failed).run()

    def receipt(self) -> None:
        ctx, actor, case_id = self._ctx, self._actor, self._case().id
        Op(self._tasks, lambda: ops.issue_receipt(ctx, actor=actor, case_id=case_id)).success(
            self._show_receipt).failure(self._failed).run()

    def _show_receipt(self, preview) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = ReceiptDialog(ctx=self._ctx, tasks=self._tasks, actor=self._actor, case_id=self._case().id,
                                    preview=preview, parent=self)
        self.dialog.open()

    def _failed(self, error: BaseException) -> None:
        set_note(self.message, error_text(error), "errorNote")
