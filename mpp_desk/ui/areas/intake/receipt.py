"""The intake receipt after finishing: its preview, printing on this PC's printer or through the dialog,
and a new copy marked SALINAN once the first one came out."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from mpp_desk.ui.areas.intake.common import PREVIEW_WIDTH
from mpp_desk.ui.forms import error_text
from mpp_desk.ui.tasks import Op
from mpp_desk.printing.printers import PrintOk
from mpp_desk.printing.receipt_printer import NEEDS_QT, NOT_CONFIGURED, failure_text
from mpp_desk.ui.ops import intake as ops
from mpp_desk.ui.receipt_print import CANCELLED, NOT_STARTED, print_with_qt

if TYPE_CHECKING:
    from mpp_desk.intake.receipts import IssuedReceipt


class ReceiptFlow(QObject):
    """Owns the issued receipt and whether it was printed; shows both on the area's result page."""

    def __init__(self, area) -> None:
        super().__init__(area)
        self._area = area
        self.page = area.done_page
        self.issued: IssuedReceipt | None = None
        self.printed = False
        self.printer_spec = ""

    def reset(self) -> None:
        self.issued = None
        self.printed = False

    def first_print(self, issued) -> None:
        """The receipt just issued on finishing: shown, and printed at once when this PC has a receipt printer."""
        self._show_receipt(issued, printed=False)
        if self.printer_spec:
            self.print_receipt()
        else:
            self.page.say(self.tr("No receipt printer is set up on this PC: print with the dialog "
                                  "(Ctrl+Shift+P). The PDF copy is kept."))

    def _show_receipt(self, issued, *, printed: bool) -> None:
        self.issued = issued
        self.printed = printed
        self.page.show_printed(printed)
        pdf = issued.pdf
        Op(self._area._tasks, lambda: ops.preview_pages(pdf, width_px=PREVIEW_WIDTH)).success(
            self._preview).failure(self._area._failed).run()

    def _preview(self, pngs) -> None:
        self.page.preview.set_pages(pngs)
        self._area.sig_preview_ready.emit()

    def print_receipt(self) -> None:
        """Print on this PC's printer; once it has come out, print a new copy marked SALINAN."""
        if self.issued is None:
            return
        if self.printed:
            self._issue_copy(then=self.print_receipt)
            return
        if not self.printer_spec:
            self.print_with_dialog()
            return

        area = self._area
        ctx, actor, issued, spec = area._ctx, area._actor, self.issued, self.printer_spec
        self.page.say(self.tr("Printing…"))
        Op(area._tasks, lambda: ops.print_receipt(ctx, actor=actor, issued=issued, printer_spec=spec)).success(
            self._print_done).failure(self._print_error).run()

    def print_with_dialog(self) -> None:
        """Print through Qt's print dialog (any printer the PC knows)."""
        if self.issued is None:
            return
        if self.printed:
            self._issue_copy(then=self.print_with_dialog)
            return
        self._print_with_qt(named=None)

    def _issue_copy(self, *, then) -> None:
        area = self._area
        ctx, actor, visit_id, size = area._ctx, area._actor, area.visit.id, area.receipt_size.currentData()

        def shown(issued) -> None:
            self._show_receipt(issued, printed=False)
            then()

        Op(area._tasks, lambda: ops.issue_copy(ctx, actor=actor, visit_id=visit_id, size=size)).success(
            shown).failure(area._failed).run()

    def _print_done(self, result) -> None:
        if result.ok:
            self.printed = True
            self.page.show_printed(True)
            self.page.say(self.tr("Printed ({where}). The PDF copy is kept.").format(where=result.where), "okNote")
        elif result.reason in (NEEDS_QT, NOT_CONFIGURED):
            self.page.say(failure_text(result))
            self._print_with_qt(named=self.printer_spec.partition(":")[2] if result.reason == NEEDS_QT else None)
            return
        else:
            self.page.say(self.tr("{problem} The file is registered and the PDF copy is kept: fix the printer and "
                                  "press Ctrl+P to print again.").format(problem=failure_text(result)), "errorNote")
        self._area.sig_printed.emit(result)

    def _print_error(self, error: BaseException) -> None:
        self.page.say(error_text(error), "errorNote")
        self._area.sig_failed.emit(error_text(error))

    def _print_with_qt(self, *, named: str | None) -> None:
        area, issued = self._area, self.issued
        if issued is None:  # the area was reset while this PC's printer was being tried
            return
        outcome, where = print_with_qt(issued.pdf, named=named, ask=area._run_print_dialog)
        if outcome == CANCELLED:
            self.page.say(self.tr("Printing cancelled. Press Ctrl+P to print."))
            return
        if outcome == NOT_STARTED:
            self.page.say(self.tr("The printer could not be started. The PDF copy is kept; try again."), "errorNote")
            return
        ctx, actor, receipt_id = area._ctx, area._actor, issued.id
        Op(area._tasks, lambda: ops.mark_printed(ctx, actor=actor, receipt_id=receipt_id, printed_on=where)).success(
            lambda _r: self._print_done(PrintOk(where))).failure(self._print_error).run()
