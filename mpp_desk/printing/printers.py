"""Where tickets go: thermal printers over ESC/POS, a system printer, or a folder of PDFs.

A printer is chosen by one setting string (``printer.ticket``)::

    escpos-usb:0x0416:0x5011      USB thermal printer by vendor:product id (hex)
    escpos-net:192.168.1.50[:9100] network thermal printer (raw port 9100 by default)
    escpos-file:/dev/usb/lp0      a device file (Linux usblp, a parallel port)
    system:NAME                   a printer of the operating system, given the PDF (lp/lpr);
                                  on Windows the desktop app prints it through Qt (needs_qt)
    pdf  or  pdf:FOLDER           write the PDF to a folder (default: <data folder>/tickets)

Printing never raises: a missing printer, no paper or any I/O error comes back as
:class:`PrintFailed`, and the caller leaves the ticket marked unprinted so staff can reprint it.
"""

from __future__ import annotations

import logging
import re
import shutil
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Literal, Protocol

from mpp_desk.errors import ValidationError
from mpp_desk.i18n import N_, translate
from mpp_desk.officetime import local_date
from mpp_desk.printing.slip import TicketSlip
from mpp_desk.printing.escpos_ticket import render_ticket_escpos

log = logging.getLogger(__name__)

NOT_CONFIGURED = "not_configured"
NOT_FOUND = "not_found"
OUT_OF_PAPER = "out_of_paper"
FAILED = "failed"
NEEDS_QT = "needs_qt"

FAILURE_MESSAGES = {
    NOT_CONFIGURED: N_("queue", "No ticket printer is set up on this kiosk."),
    NOT_FOUND: N_("queue", "The ticket printer cannot be reached (switched off or unplugged)."),
    OUT_OF_PAPER: N_("queue", "The ticket printer is out of paper."),
    FAILED: N_("queue", "The ticket printer reported an error."),
    NEEDS_QT: N_("queue", "This printer is printed to by the desktop app."),
}
STATUS_TIMEOUT = 1.5  # seconds to wait for a printer's paper status before printing anyway


class PrinterSpecError(ValidationError):
    """The printer setting could not be understood."""


@dataclass(frozen=True)
class PrintOk:
    """The ticket went to the printer (or into the PDF file)."""

    where: str
    path: Path | None = None
    ok: Literal[True] = True


@dataclass(frozen=True)
class PrintFailed:
    """The ticket did not print; ``reason`` is a key of FAILURE_MESSAGES, ``detail`` is technical."""

    reason: str
    detail: str = ""
    ok: Literal[False] = False

    @property
    def message(self) -> str:
        """The English message, marked for translation in the "queue" context."""
        return FAILURE_MESSAGES.get(self.reason, FAILURE_MESSAGES[FAILED])

    def text(self, language: str | None = None) -> str:
        return translate("queue", self.message, language)


PrintResult = PrintOk | PrintFailed


class Printer(Protocol):
    """Something that prints a ticket slip and says whether it worked."""

    label: str
    needs_qt: bool

    def print_ticket(self, slip: TicketSlip) -> PrintResult: ...


# --- ESC/POS --------------------------------------------------------------------------------


class EscposDevice(Protocol):
    """The part of a python-escpos connection (Network, Usb, Serial, ...) the printer uses."""

    def open(self) -> None: ...

    def _raw(self, msg: bytes) -> None: ...

    def close(self) -> None: ...


class EscposPrinter:
    """A thermal printer reached through one of python-escpos's connections."""

    needs_qt = False

    def __init__(self, label: str, connect: Callable[[], EscposDevice], *, width_chars: int = 48, reads_status: bool = True):
        self.label = label
        self._connect = connect
        self.width_chars = width_chars
        self.reads_status = reads_status

    def print_ticket(self, slip: TicketSlip) -> PrintResult:
        return self.print_raw(render_ticket_escpos(slip, width_chars=self.width_chars))

    def print_raw(self, data: bytes) -> PrintResult:
        """Send ESC/POS bytes rendered beforehand (a ticket, a receipt) in one write; never raises."""
        from escpos.exceptions import DeviceNotFoundError

        device = None
        try:
            device = self._connect()
            device.open()
            if self.reads_status and _paper_status(device) == 0:
                return PrintFailed(OUT_OF_PAPER, f"{self.label}: paper sensor reports no paper")
            device._raw(data)  # noqa: SLF001 - python-escpos's one call for pre-rendered bytes
            return PrintOk(self.label)
        except DeviceNotFoundError as exc:
            return PrintFailed(NOT_FOUND, f"{self.label}: {exc}")
        except Exception as exc:  # noqa: BLE001 - what is being printed must survive any printer fault
            log.warning("printer %s failed: %s", self.label, exc)
            return PrintFailed(NOT_FOUND if isinstance(exc, (ConnectionError, socket.timeout)) else FAILED,
                               f"{self.label}: {type(exc).__name__}: {exc}")
        finally:
            if device is not None:
                try:
                    device.close()
                except Exception:  # noqa: BLE001 - closing a dead connection may fail too
                    pass


def _paper_status(device) -> int | None:
    """2 plenty, 1 low, 0 none; None when the printer does not answer (then we print anyway)."""
    sock = getattr(device, "device", None)
    previous = None
    if isinstance(sock, socket.socket):
        previous = sock.gettimeout()
        sock.settimeout(STATUS_TIMEOUT)
    try:
        return device.paper_status()
    except Exception:  # noqa: BLE001 - many printers never answer status queries
        return None
    finally:
        if isinstance(sock, socket.socket):
            try:
                sock.settimeout(previous)
            except OSError:
                pass


# --- PDF based ------------------------------------------------------------------------------


class PdfFolderPrinter:
    """Writes each ticket as a PDF file (for a printer the OS handles, or as the kept copy)."""

    needs_qt = False

    def __init__(self, folder: Path, *, width_mm: int = 80) -> None:
        self.folder = Path(folder)
        self.width_mm = width_mm
        self.label = f"pdf:{self.folder}"

    def print_ticket(self, slip: TicketSlip) -> PrintResult:
        from mpp_desk.printing.pdf import render_ticket_pdf  # lazy: reportlab (~45 ms) only when printing to PDF

        try:
            data = render_ticket_pdf(slip, width_mm=self.width_mm)
        except OSError as exc:
            return PrintFailed(FAILED, f"{self.label}: {exc}")
        suffix = "-salinan" if slip.copy else ""
        return self.print_pdf(data, f"{local_date(slip.issued_at).isoformat()}_{slip.code}{suffix}.pdf")

    def print_pdf(self, data: bytes, name: str) -> PrintResult:
        """Write a rendered PDF (a ticket, a receipt) as ``name`` in the folder, atomically; never raises."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            path = self.folder / name
            tmp = path.with_suffix(".tmp")
            tmp.write_bytes(data)
            tmp.replace(path)
            return PrintOk(self.label, path)
        except OSError as exc:
            return PrintFailed(FAILED, f"{self.label}: {exc}")


class SystemPrinter:
    """A printer known to the operating system, given the PDF through lp/lpr (CUPS)."""

    def __init__(self, name: str, *, width_mm: int = 80, timeout: float = 20) -> None:
        self.name = name
        self.width_mm = width_mm
        self.timeout = timeout
        self.label = f"system:{name}"
        self.needs_qt = sys.platform == "win32"

    def command(self) -> list[str] | None:
        if shutil.which("lp"):
            return ["lp", "-d", self.name, "-s", "-"]
        if shutil.which("lpr"):
            return ["lpr", "-P", self.name]
        return None

    def print_ticket(self, slip: TicketSlip) -> PrintResult:
        from mpp_desk.printing.pdf import render_ticket_pdf  # lazy: reportlab (~45 ms) only when printing to PDF

        if self.needs_qt:
            return PrintFailed(NEEDS_QT, self.label)
        return self.print_pdf(render_ticket_pdf(slip, width_mm=self.width_mm), f"{slip.code}.pdf")

    def print_pdf(self, data: bytes, name: str = "") -> PrintResult:
        """Hand a rendered PDF to lp/lpr; never raises (on Windows the desktop app prints through Qt)."""
        if self.needs_qt:
            return PrintFailed(NEEDS_QT, self.label)
        command = self.command()
        if command is None:
            return PrintFailed(NOT_FOUND, "neither lp nor lpr is installed")
        try:
            result = subprocess.run(command, input=data, capture_output=True, timeout=self.timeout)
        except (OSError, subprocess.SubprocessError) as exc:
            return PrintFailed(FAILED, f"{self.label}: {exc}")
        if result.returncode != 0:
            return PrintFailed(NOT_FOUND, f"{self.label}: {result.stderr.decode(errors='replace').strip()}")
        return PrintOk(self.label)


class NoPrinter:
    """No printer set up: every ticket is issued unprinted."""

    label = "none"
    needs_qt = False

    def print_ticket(self, slip: TicketSlip) -> PrintResult:
        return PrintFailed(NOT_CONFIGURED)


# --- the setting ----------------------------------------------------------------------------

_HEX = r"(?:0x)?([0-9a-fA-F]{1,4})"


_HOSTNAME = re.compile(r"(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*")


def _valid_host(host: str) -> bool:
    """An IP address or a DNS host name (no spaces, no scheme)."""
    import ipaddress

    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        return bool(_HOSTNAME.fullmatch(host))


# escpos-file writes raw bytes (and truncates): only onto a printer's device, never onto a file.
_DEVICE = re.compile(
    r"/dev/(usb/lp\d{1,3}|lp\d{1,3}|ttyUSB\d{1,3}|ttyACM\d{1,3}|ttyS\d{1,3}|rfcomm\d{1,3})"  # Linux
    r"|/dev/(cu|tty)\.[A-Za-z0-9_.-]{1,64}"  # macOS serial
    r"|(\\\\\.\\)?(COM\d{1,3}|LPT\d)"  # Windows ports: COM3, LPT1, \\.\COM10
    r"|\\\\[A-Za-z0-9_.-]{1,64}\\[^\\/]{1,80}",  # Windows shared printer: \\PC\Printer
    re.IGNORECASE,
)


def is_device_path(text: str) -> bool:
    """A printer device (/dev/usb/lp0, /dev/ttyUSB0, COM3, LPT1, \\\\PC\\Printer), not an ordinary file."""
    return bool(_DEVICE.fullmatch(text or ""))


def pdf_folder(rest: str, data_dir: Path | None) -> Path | None:
    """The folder of ``pdf:FOLDER`` (a relative one is inside the data folder; "pdf" alone: <data>/tickets)."""
    if not rest:
        return Path(data_dir) / "tickets" if data_dir else None
    folder = Path(rest).expanduser()
    if not folder.is_absolute():
        if data_dir is None:
            return None
        folder = Path(data_dir) / folder
    return folder


def printer_from_setting(spec: str | None, *, data_dir: Path | None = None, width_mm: int = 80) -> Printer:
    """The printer a setting string names (see the module docstring); "" or None is NoPrinter."""
    spec = (spec or "").strip()
    width_chars = 32 if width_mm == 58 else 48
    if not spec:
        return NoPrinter()
    kind, _, rest = spec.partition(":")
    if kind == "escpos-usb":
        match = re.fullmatch(f"{_HEX}:{_HEX}", rest)
        if match:
            vendor, product = (int(g, 16) for g in match.groups())

            def usb():
                from escpos.printer import Usb

                return Usb(vendor, product, timeout=int(STATUS_TIMEOUT * 1000))

            return EscposPrinter(spec, usb, width_chars=width_chars)
    elif kind == "escpos-net":
        host, _, port_text = rest.rpartition(":") if rest.count(":") == 1 else (rest, "", "")
        port = int(port_text) if port_text.isdigit() else (9100 if not port_text else -1)
        if _valid_host(host) and 0 < port < 65536:

            def net():
                from escpos.printer import Network

                return Network(host, port, timeout=5)

            return EscposPrinter(spec, net, width_chars=width_chars)
    elif kind == "escpos-file" and is_device_path(rest):

        def file():
            from escpos.printer import File

            return File(rest)

        return EscposPrinter(spec, file, width_chars=width_chars, reads_status=False)
    elif kind == "system" and rest.strip():
        return SystemPrinter(rest.strip(), width_mm=width_mm)
    elif kind == "pdf":
        folder = pdf_folder(rest, data_dir)
        if folder is not None:
            return PdfFolderPrinter(folder, width_mm=width_mm)
    raise PrinterSpecError(
        N_(
            "errors",
            "Printer not recognised: {spec}. Use escpos-usb:VENDOR:PRODUCT, escpos-net:ADDRESS[:PORT], "
            "escpos-file:DEVICE, system:PRINTER NAME, pdf or pdf:FOLDER.",
        ),
        field="printer",
        spec=spec,
    )
