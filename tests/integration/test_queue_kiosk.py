"""The kiosk's action end to end: issue, print, and what happens when the printer fails."""

from __future__ import annotations

import datetime as dt
import socket
from zoneinfo import ZoneInfo

import pypdfium2 as pdfium
import pytest
import zxingcpp

from mpp_desk import queue as q
from mpp_desk.printing.printers import FAILED, NOT_FOUND, PdfFolderPrinter, printer_from_setting
from mpp_desk.queue import LocalQueue
from mpp_desk.queue.kiosk import reprint, take_ticket
from mpp_desk.signing import expand_uuid

WIB = ZoneInfo("Asia/Jakarta")
NOW = dt.datetime(2026, 11, 24, 9, 15, tzinfo=WIB)


@pytest.fixture
def queue(db, uow_factory):
    with uow_factory() as uow:
        q.create_group(uow, code="A", name="Perizinan Berusaha")
        q.create_counter(uow, number=1, name="Loket 1", group_codes=["A"])
        uow.commit()
    return LocalQueue(db)


def dead_printer():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return printer_from_setting(f"escpos-net:127.0.0.1:{port}")


def test_a_printed_ticket_is_marked_and_its_qr_names_the_ticket(queue, tmp_path):
    printer = PdfFolderPrinter(tmp_path / "tickets", width_mm=80)
    first = take_ticket(queue, printer, group_code="A", now=NOW)
    second = take_ticket(queue, printer, group_code="A", priority_reason="disability", now=NOW)
    assert first.printed.ok and first.message() is None
    assert (second.code, second.slip.ahead, second.slip.priority) == ("A002", 0, True)
    assert queue.get_ticket(ticket_id=first.issued.ticket.id).printed
    assert queue.reprint_candidates(now=NOW) == []
    assert first.slip.office_name == "Mal Pelayanan Publik Bale Madukara" and not first.slip.copy
    doc = pdfium.PdfDocument(first.printed.path.read_bytes())
    try:
        image = doc[0].render(scale=3).to_pil()
    finally:
        doc.close()
    (code,) = [c for c in zxingcpp.read_barcodes(image) if c.format == zxingcpp.BarcodeFormat.QRCode]
    result = queue.signer.verify(code.text)
    assert result.valid and result.kind == "q"
    assert expand_uuid(result.id) == first.issued.ticket.id
    assert result.fields == {"c": "A001", "d": "2026-11-24"}
    assert code.text.startswith("https://mpp.purwakartakab.go.id/v/")


def test_a_failed_print_still_issues_the_ticket_and_says_where_to_get_it(queue, tmp_path):
    kiosk = take_ticket(queue, dead_printer(), group_code="A", now=NOW)
    assert not kiosk.printed.ok and kiosk.printed.reason == NOT_FOUND
    assert kiosk.code == "A001"
    assert kiosk.message("id") == (
        "Tiket tidak dapat dicetak. Nomor antrian Anda A001: harap diingat, "
        "atau mintalah tiket cetak kepada petugas di meja informasi."
    )
    assert [t.code for t in queue.reprint_candidates(now=NOW)] == ["A001"]
    assert queue.call_next(counter_number=1, now=NOW).code == "A001"  # the ticket is in the line

    # staff reprint it: the first paper is not a copy; a second one says SALINAN
    printer = PdfFolderPrinter(tmp_path / "reprints")
    assert reprint(queue, printer, ticket_id=kiosk.issued.ticket.id).ok
    assert queue.reprint_candidates(now=NOW) == []
    assert queue.slip(queue.get_ticket(ticket_id=kiosk.issued.ticket.id)).copy
    again = reprint(queue, printer, ticket_id=kiosk.issued.ticket.id)
    assert again.ok and again.path.name == "2026-11-24_A001-salinan.pdf"


def test_a_printer_that_raises_cannot_lose_the_ticket(queue):
    class Exploding:
        label = "exploding"
        needs_qt = False

        def print_ticket(self, slip):
            raise RuntimeError("driver crashed")

    kiosk = take_ticket(queue, Exploding(), group_code="A", now=NOW)
    assert not kiosk.printed.ok and kiosk.printed.reason == FAILED
    assert queue.get_ticket(ticket_id=kiosk.issued.ticket.id).status == "waiting"
    assert not queue.get_ticket(ticket_id=kiosk.issued.ticket.id).printed


def test_a_refused_ticket_prints_nothing(queue, tmp_path):
    printer = PdfFolderPrinter(tmp_path / "tickets")
    with pytest.raises(q.QueueClosed):
        take_ticket(queue, printer, group_code="A", now=NOW.replace(hour=16))
    assert not (tmp_path / "tickets").exists()
