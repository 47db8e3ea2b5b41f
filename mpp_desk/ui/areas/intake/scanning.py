"""What a scanned receipt code does in the intake area: a Tanda Terima opens its file (in the files
area), a return slip starts the next visit from the earlier one."""

from __future__ import annotations

from PySide6.QtCore import QObject

from mpp_desk.ui.areas.intake.common import find_shell, intake_text, status_source
from mpp_desk.ui.tasks import Op
from mpp_desk.ui.ops import intake as ops


class ScanFlow(QObject):
    """Looks a scanned code up and sends the area where it leads."""

    def __init__(self, area) -> None:
        super().__init__(area)
        self._area = area

    def open(self, text: str) -> None:
        """A receipt code was scanned: a Tanda Terima opens its file; a return slip starts the next visit."""
        area = self._area
        ctx, actor = area._ctx, area._actor
        Op(area._tasks, lambda: ops.scan(ctx, actor=actor, text=text)).success(self._scanned).failure(
            area._failed).run()

    def _scanned(self, scanned) -> None:
        check, visit = scanned.check, scanned.visit
        if not check.valid or visit is None:
            self._area._say(check.text() if not check.valid else
                            self.tr("This receipt is genuine but its file is not on this PC yet."), "errorNote")
            self._area.sig_failed.emit(self._area.status.text())
            return
        if check.kind == "return_slip" and visit.outcome == "incomplete":
            self._area.start_from_visit(visit)
            return
        shell = find_shell(self._area)
        if shell is not None and "files" in shell.area_keys():
            shell.open_area("files").show_visit(visit)
        else:
            self._area._say(self.tr("File {number}: {status}.").format(
                number=visit.application.registration_number if visit.application else "-",
                status=intake_text(status_source(visit))), "okNote")

