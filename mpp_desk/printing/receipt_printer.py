"""Sending a receipt (intake, complaint) to this PC's receipt printer (setting ``printer.receipt``).

The setting uses the same strings as the ticket printer (:mod:`mpp_desk.printing.printers`):
a thermal printer (``escpos-usb:``, ``escpos-net:``, ``escpos-file:``) gets the 80 mm receipt
as ESC/POS with the printer's own QR code; ``system:NAME`` gets the PDF through lp/lpr (on
Windows the desktop app prints it through Qt); ``pdf[:FOLDER]`` writes the PDF to a folder.
Printing never raises: every fault comes back as :class:`~mpp_desk.printing.printers.PrintFailed`,
and the record it belongs to (a registration, a case) is already committed, so "print again" is all that is needed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from mpp_desk.i18n import N_, translate
from mpp_desk.printing.printers import (
    FAILED,
    NEEDS_QT,
    NOT_CONFIGURED,
    NOT_FOUND,
    OUT_OF_PAPER,
    EscposPrinter,
    NoPrinter,
    PdfFolderPrinter,
    PrinterSpecError,
    PrintFailed,
    PrintOk,
    SystemPrinter,
    printer_from_setting,
)


MESSAGES = {
    NOT_CONFIGURED: N_("printing", "No receipt printer is set up on this PC."),
    NOT_FOUND: N_("printing", "The receipt printer cannot be reached (switched off or unplugged)."),
    OUT_OF_PAPER: N_("printing", "The receipt printer is out of paper."),
    FAILED: N_("printing", "The receipt printer reported an error."),
    NEEDS_QT: N_("printing", "This printer is printed to through the print dialog."),
}
BAD_SETTING = "bad_setting"
MESSAGES[BAD_SETTING] = N_("printing", "The receipt printer setting is not valid; ask the administrator to correct it.")


def failure_text(result: PrintFailed, language: str | None = None) -> str:
    """What went wrong, in words for the counter."""
    return translate("printing", MESSAGES.get(result.reason, MESSAGES[FAILED]), language)


def receipt_printer(spec: str | None, *, data_dir: Path | str):
    """The printer object a ``printer.receipt`` setting names; a bad setting gives None."""
    try:
        return printer_from_setting(spec, data_dir=Path(data_dir) / "printed", width_mm=80)
    except PrinterSpecError:
        return None


def preferred_size(spec: str | None) -> str:
    """The receipt size a printer takes: 80 mm roll for a thermal printer, A4 otherwise."""
    kind = (spec or "").strip().partition(":")[0]
    return "80mm" if kind.startswith("escpos") else "A4"


def send(
    spec: str | None,
    *,
    data_dir: Path | str,
    pdf: bytes,
    escpos: Callable[[int], bytes],
    name: str,
) -> PrintOk | PrintFailed:
    """Print one receipt: ESC/POS bytes (built by ``escpos(columns)``) to a thermal printer, the PDF otherwise."""
    printer = receipt_printer(spec, data_dir=data_dir)
    if printer is None:
        return PrintFailed(BAD_SETTING, f"printer.receipt={spec!r}")
    if isinstance(printer, NoPrinter):
        return PrintFailed(NOT_CONFIGURED)
    if isinstance(printer, EscposPrinter):
        return printer.print_raw(escpos(printer.width_chars))
    if isinstance(printer, (PdfFolderPrinter, SystemPrinter)):
        return printer.print_pdf(pdf, name)
    return PrintFailed(FAILED, f"unsupported printer {printer!r}")
