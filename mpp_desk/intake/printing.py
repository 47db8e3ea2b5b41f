"""Sending an intake receipt to the counter's printer (setting ``printer.receipt``).

The setting uses the same strings as the ticket printer (:mod:`mpp_desk.printing.printers`):
a thermal printer (``escpos-usb:``, ``escpos-net:``, ``escpos-file:``) gets the 80 mm receipt
as ESC/POS with the printer's own QR code; ``system:NAME`` gets the PDF through lp/lpr (on
Windows the desktop app prints it through Qt); ``pdf[:FOLDER]`` writes the PDF to a folder.
Printing never raises: every fault comes back as :class:`~mpp_desk.printing.printers.PrintFailed`,
and the registration it belongs to is already committed, so "print again" is all that is needed.
"""

from __future__ import annotations

import logging
import socket
import subprocess
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
    _paper_status,
    printer_from_setting,
)

log = logging.getLogger(__name__)

MESSAGES = {
    NOT_CONFIGURED: N_("intake", "No receipt printer is set up on this PC."),
    NOT_FOUND: N_("intake", "The receipt printer cannot be reached (switched off or unplugged)."),
    OUT_OF_PAPER: N_("intake", "The receipt printer is out of paper."),
    FAILED: N_("intake", "The receipt printer reported an error."),
    NEEDS_QT: N_("intake", "This printer is printed to through the print dialog."),
}
BAD_SETTING = "bad_setting"
MESSAGES[BAD_SETTING] = N_("intake", "The receipt printer setting is not valid; ask the administrator to correct it.")


def failure_text(result: PrintFailed, language: str | None = None) -> str:
    """What went wrong, in words for the counter."""
    return translate("intake", MESSAGES.get(result.reason, MESSAGES[FAILED]), language)


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
        return _send_escpos(printer, escpos(printer.width_chars))
    if isinstance(printer, PdfFolderPrinter):
        try:
            printer.folder.mkdir(parents=True, exist_ok=True)
            path = printer.folder / name
            tmp = path.with_suffix(".tmp")
            tmp.write_bytes(pdf)
            tmp.replace(path)
            return PrintOk(printer.label, path)
        except OSError as exc:
            return PrintFailed(FAILED, f"{printer.label}: {exc}")
    if isinstance(printer, SystemPrinter):
        if printer.needs_qt:
            return PrintFailed(NEEDS_QT, printer.label)
        command = printer.command()
        if command is None:
            return PrintFailed(NOT_FOUND, "neither lp nor lpr is installed")
        try:
            result = subprocess.run(command, input=pdf, capture_output=True, timeout=printer.timeout)
        except (OSError, subprocess.SubprocessError) as exc:
            return PrintFailed(FAILED, f"{printer.label}: {exc}")
        if result.returncode != 0:
            return PrintFailed(NOT_FOUND, f"{printer.label}: {result.stderr.decode(errors='replace').strip()}")
        return PrintOk(printer.label)
    return PrintFailed(FAILED, f"unsupported printer {printer!r}")


def _send_escpos(printer: EscposPrinter, data: bytes) -> PrintOk | PrintFailed:
    from escpos.exceptions import DeviceNotFoundError

    device = None
    try:
        # The connection factory the ticket printer uses; receipts need the same connection, other bytes.
        device = printer._connect()
        device.open()
        if printer.reads_status and _paper_status(device) == 0:
            return PrintFailed(OUT_OF_PAPER, f"{printer.label}: paper sensor reports no paper")
        device._raw(data)
        return PrintOk(printer.label)
    except DeviceNotFoundError as exc:
        return PrintFailed(NOT_FOUND, f"{printer.label}: {exc}")
    except Exception as exc:  # noqa: BLE001 - a receipt printer fault must never reach the registration
        log.warning("receipt printer %s failed: %s", printer.label, exc)
        return PrintFailed(NOT_FOUND if isinstance(exc, (ConnectionError, socket.timeout)) else FAILED,
                           f"{printer.label}: {type(exc).__name__}: {exc}")
    finally:
        if device is not None:
            try:
                device.close()
            except Exception:  # noqa: BLE001 - closing a dead connection may fail too
                pass
