"""The printed queue ticket: PDF at 80 and 58 mm with a QR that scans and verifies; ESC/POS bytes; printers."""

from __future__ import annotations

import datetime as dt
import socket
import threading
import uuid
from zoneinfo import ZoneInfo

import pypdfium2 as pdfium
import pytest
import zxingcpp

from mpp_desk.printing.escpos_ticket import render_ticket_escpos
from mpp_desk.printing.pdf import render_ticket_pdf
from mpp_desk.printing.printers import (
    NOT_CONFIGURED,
    NOT_FOUND,
    OUT_OF_PAPER,
    EscposPrinter,
    NoPrinter,
    PrinterSpecError,
    SystemPrinter,
    printer_from_setting,
)
from mpp_desk.printing.slip import TicketSlip
from mpp_desk.signing import Signer, verification_url

WIB = ZoneInfo("Asia/Jakarta")
SIGNER = Signer.generate()
TICKET_ID = uuid.uuid4()


def slip(**changes) -> TicketSlip:
    token = SIGNER.sign_reference("q", TICKET_ID, {"c": "A015", "d": "2026-11-22"})
    values = dict(
        office_name="Mal Pelayanan Publik Bale Madukara",
        code="A015",
        group_code="A",
        group_name="Perizinan Berusaha",
        service_title="Sertifikat Standar KBLI 62021 Aktivitas Konsultasi Keamanan Informasi",
        issued_at=dt.datetime(2026, 11, 22, 9, 15, tzinfo=WIB),
        ahead=5,
        estimated_wait_minutes=15,
        qr_data=verification_url("https://mpp.purwakartakab.go.id/v/", token),
    )
    values.update(changes)
    return TicketSlip(**values)


def pdf_page(data: bytes):
    doc = pdfium.PdfDocument(data)
    return doc, doc[0]


def page_text(page) -> str:
    textpage = page.get_textpage()
    try:
        return textpage.get_text_range()
    finally:
        textpage.close()


@pytest.mark.parametrize("width_mm", [80, 58])
def test_pdf_ticket_has_the_paper_width_the_words_and_a_qr_that_verifies(width_mm):
    ticket = slip(priority=True, priority_reason="elderly")
    doc, page = pdf_page(render_ticket_pdf(ticket, width_mm=width_mm))
    try:
        assert len(doc) == 1
        assert page.get_width() == pytest.approx(width_mm / 25.4 * 72, abs=0.01)
        assert page.get_height() > page.get_width()
        text = " ".join(page_text(page).split())
        for expected in (
            "Mal Pelayanan Publik",
            "NOMOR ANTRIAN",
            "A015",
            "PRIORITAS · Lansia",
            "A – Perizinan Berusaha",
            "Minggu, 22 November 2026 pukul 09.15 WIB",
            "Antrian sebelum Anda: 5",
            "Perkiraan waktu tunggu: ± 15 menit",
            "Mohon menunggu",
        ):
            assert expected in text, (expected, text)
        assert "SALINAN" not in text
        image = page.render(scale=203 / 72).to_pil()  # a thermal printer's 203 dpi
    finally:
        page.close()
        doc.close()
    codes = zxingcpp.read_barcodes(image)
    qr = [c for c in codes if c.format == zxingcpp.BarcodeFormat.QRCode]
    assert len(qr) == 1
    assert qr[0].text == ticket.qr_data
    result = SIGNER.verify(qr[0].text)
    assert result.valid and result.fields == {"c": "A015", "d": "2026-11-22"}


def test_a_reprint_says_copy_and_the_long_number_still_fits():
    doc, page = pdf_page(render_ticket_pdf(slip(copy=True, code="B1234", ahead=0), width_mm=58))
    try:
        text = page_text(page)
        assert "SALINAN" in text and "B1234" in text and "Anda berikutnya" in text
    finally:
        page.close()
        doc.close()


def test_unknown_width_is_refused():
    with pytest.raises(ValueError):
        render_ticket_pdf(slip(), width_mm=72)


@pytest.mark.parametrize("width_chars", [48, 32])
def test_escpos_ticket_has_the_code_the_native_qr_and_a_cut(width_chars):
    ticket = slip(priority=True, priority_reason="nursing")
    data = render_ticket_escpos(ticket, width_chars=width_chars)
    assert data.startswith(b"\x1b@")  # initialise
    assert b"A015" in data
    assert b"NOMOR ANTRIAN" in data
    assert b"PRIORITAS - Ibu menyusui" in data
    assert b"Perkiraan waktu tunggu: +/- 15 menit" in data
    assert b"\x1d(k" in data  # GS ( k: the printer draws the QR itself
    assert ticket.qr_data.encode() in data  # ...from this content
    assert b"\x1dV" in data  # cut
    assert b"-" * width_chars + b"\n" in data and b"-" * (width_chars + 1) not in data
    printable_lines = [line for line in data.split(b"\n") if line and all(32 <= b < 127 for b in line)]
    assert all(len(line) <= width_chars for line in printable_lines)


# --- printers -------------------------------------------------------------------------------


def test_printer_settings_are_understood(tmp_path):
    assert isinstance(printer_from_setting(""), NoPrinter)
    assert isinstance(printer_from_setting("escpos-usb:0x0416:0x5011"), EscposPrinter)
    assert isinstance(printer_from_setting("escpos-usb:04b8:0202"), EscposPrinter)
    assert printer_from_setting("escpos-net:192.168.1.50").label == "escpos-net:192.168.1.50"
    assert printer_from_setting("escpos-net:printer.local:9101", width_mm=58).width_chars == 32
    assert isinstance(printer_from_setting("escpos-file:/dev/usb/lp0"), EscposPrinter)
    assert isinstance(printer_from_setting("system:Kasir"), SystemPrinter)
    assert printer_from_setting("pdf", data_dir=tmp_path).folder == tmp_path / "tickets"
    assert printer_from_setting(f"pdf:{tmp_path}/out").folder == tmp_path / "out"
    for bad in ("escpos-usb:zz", "escpos-net:", "escpos-net:host:99999", "laser", "system:"):
        with pytest.raises(PrinterSpecError) as info:
            printer_from_setting(bad)
        assert "Printer tidak dikenali" in info.value.text("id")


def test_pdf_folder_and_device_file_printers_write_the_ticket(tmp_path, device_files):
    result = printer_from_setting(f"pdf:{tmp_path}/pdf").print_ticket(slip())
    assert result.ok and result.path.name == "2026-11-22_A015.pdf" and result.path.read_bytes().startswith(b"%PDF")
    device = tmp_path / "lp0"
    result = printer_from_setting(f"escpos-file:{device}").print_ticket(slip())
    assert result.ok and device.read_bytes() == render_ticket_escpos(slip(), width_chars=48)


def test_a_missing_printer_is_a_result_not_an_exception(tmp_path, device_files):
    assert NoPrinter().print_ticket(slip()).reason == NOT_CONFIGURED
    missing = printer_from_setting(f"escpos-file:{tmp_path}/no/such/dir/lp0").print_ticket(slip())
    assert not missing.ok and missing.reason == NOT_FOUND
    with socket.socket() as probe:  # a loopback port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    refused = printer_from_setting(f"escpos-net:127.0.0.1:{port}").print_ticket(slip())
    assert not refused.ok and refused.reason == NOT_FOUND
    assert "tidak dapat dihubungi" in refused.text("id")
    assert not printer_from_setting("escpos-usb:0x0001:0x0001").print_ticket(slip()).ok


class FakeNetworkPrinter:
    """A raw-port printer on loopback that answers the paper status query and keeps what it gets."""

    def __init__(self, paper_byte: bytes) -> None:
        self.paper_byte = paper_byte
        self.received = b""
        self.server = socket.socket()
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(1)
        self.port = self.server.getsockname()[1]
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        conn, _ = self.server.accept()
        with conn:
            conn.settimeout(10)
            while True:
                chunk = conn.recv(65536)
                if not chunk:
                    break
                if chunk == b"\x10\x04\x04":
                    conn.sendall(self.paper_byte)
                    continue
                self.received += chunk

    def close(self) -> None:
        self.thread.join(10)
        self.server.close()


def test_network_printer_prints_when_it_has_paper_and_refuses_when_out():
    good = FakeNetworkPrinter(b"\x12")
    result = printer_from_setting(f"escpos-net:127.0.0.1:{good.port}").print_ticket(slip())
    good.close()
    assert result.ok
    assert good.received == render_ticket_escpos(slip(), width_chars=48)
    empty = FakeNetworkPrinter(b"\x72")
    result = printer_from_setting(f"escpos-net:127.0.0.1:{empty.port}").print_ticket(slip())
    empty.close()
    assert not result.ok and result.reason == OUT_OF_PAPER
    assert empty.received == b""  # nothing half-printed
    assert result.text("id") == "Kertas printer tiket habis."
