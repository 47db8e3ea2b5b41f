"""The complaint receipt: A4 and 80 mm PDFs with the words, a QR that scans and verifies, any Unicode; ESC/POS."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from zoneinfo import ZoneInfo

import pypdfium2 as pdfium
import pytest
import zxingcpp

from mpp_desk.complaints.receipts import (
    RECEIPT_KIND,
    ComplaintReceipt,
    render_receipt_escpos,
    render_receipt_pdf,
    token_fields,
)
from mpp_desk.signing import Signer, verification_url

WIB = ZoneInfo("Asia/Jakarta")
SIGNER = Signer.generate()
CASE_ID = uuid.uuid4()
BASE = "https://mpp.purwakartakab.go.id/v/"


def receipt(**changes) -> ComplaintReceipt:
    fields = token_fields(case_number="ADU/2026/03/K7Q-0007", kind="complaint", respond_by=dt.date(2026, 4, 7),
                          received_on=dt.date(2026, 3, 10))
    values = dict(
        office_name="Mal Pelayanan Publik Bale Madukara",
        office_address="Jalan Jenderal Sudirman, Kelurahan Nagrikaler, Kecamatan Purwakarta",
        case_id=CASE_ID,
        case_number="ADU/2026/03/K7Q-0007",
        kind="complaint",
        received_at=dt.datetime(2026, 3, 10, 9, 5, tzinfo=WIB),
        channel_name="WhatsApp",
        anonymous=False,
        reporter_name="Siti Aminah",
        nik_masked="3214********0001",
        service_title="Sertifikat Standar KBLI 62021 Aktivitas Konsultasi Keamanan Informasi",
        service_received_on=dt.date(2026, 2, 20),
        substance="Berkas sudah lengkap tetapi belum ada kabar setelah 14 hari kerja.",
        lapor_id="LPR-2026-00042",
        lapor_direction="from",
        respond_by=dt.date(2026, 4, 7),
        progress_channels=(("Telepon", "(0264) 8224794 ext.103"), ("WhatsApp", "081809898222"),
                           ("E-mail", "pengaduanptsp139@gmail.com")),
        officer="Budi Santoso",
        qr_data=verification_url(BASE, SIGNER.sign_reference(RECEIPT_KIND, CASE_ID, fields)),
    )
    values.update(changes)
    return ComplaintReceipt(**values)


def text_of(page) -> str:
    textpage = page.get_textpage()
    try:
        return " ".join(textpage.get_text_range().split())
    finally:
        textpage.close()


def scan(page, dpi: int) -> str:
    codes = [c for c in zxingcpp.read_barcodes(page.render(scale=dpi / 72).to_pil())
             if c.format == zxingcpp.BarcodeFormat.QRCode]
    assert len(codes) == 1, "exactly one QR code on the receipt"
    return codes[0].text


@pytest.mark.parametrize(("paper", "width_pt", "dpi"), [("a4", 595.28, 150), ("80mm", 80 / 25.4 * 72, 203)])
def test_receipt_pdf_has_the_words_and_a_qr_that_verifies(paper, width_pt, dpi):
    doc = pdfium.PdfDocument(render_receipt_pdf(receipt(), paper=paper))
    try:
        assert len(doc) == 1
        page = doc[0]
        assert page.get_width() == pytest.approx(width_pt, abs=0.5)
        text = text_of(page)
        for expected in ("Mal Pelayanan Publik", "TANDA TERIMA PENGADUAN", "ADU/2026/03/K7Q-0007",
                         "Selasa, 7 April 2026", "14 hari kerja", "Selasa, 10 Maret 2026 pukul 09.05 WIB", "Siti Aminah",
                         "3214********0001", "LPR-2026-00042", "(0264) 8224794 ext.103", "081809898222"):
            assert expected in text, expected
        assert "SALINAN" not in text
        # the letterhead, and the officer who signs by full name, the times as Indonesian writes them
        assert "PEMERINTAH KABUPATEN PURWAKARTA" in text and "PELAYANAN TERPADU SATU PINTU" in text
        assert "Petugas: Budi Santoso · dicetak" in text and "WIB" in text.split("dicetak", 1)[1]
        assert " pukul " in text.split("dicetak", 1)[1] and "09:05" not in text
        scanned = scan(page, dpi)
        assert scanned.startswith(BASE)
        result = SIGNER.verify(scanned)
        assert result.valid and result.kind == RECEIPT_KIND
        assert result.fields == {"n": "ADU/2026/03/K7Q-0007", "k": "complaint", "r": "2026-04-07", "d": "2026-03-10"}
    finally:
        doc.close()


def test_an_altered_reference_does_not_verify():
    token = receipt().qr_data.rsplit("/", 1)[1]
    kid, body, signature = token.split(".")
    import base64
    import json

    decoded = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    decoded[2]["r"] = "2026-05-30"  # a later respond-by date written in
    forged = base64.urlsafe_b64encode(json.dumps(decoded, separators=(",", ":")).encode()).rstrip(b"=").decode()
    result = SIGNER.verify(f"{BASE}{kid}.{forged}.{signature}")
    assert not result.valid and result.reason == "bad_signature"
    assert not Signer.generate().verify(receipt().qr_data).valid  # another installation's key: unknown


def test_a_reprint_says_salinan_and_a_suggestion_says_so():
    doc = pdfium.PdfDocument(render_receipt_pdf(receipt(copy=True, kind="suggestion", anonymous=True,
                                                        late_note="Dicatat sebagai saran."), paper="80mm"))
    try:
        text = text_of(doc[0])
        assert "SALINAN" in text and "TANDA TERIMA SARAN" in text and "Anonim" in text
        assert "Siti Aminah" not in text
    finally:
        doc.close()


@pytest.mark.parametrize("paper", ["a4", "80mm"])
def test_any_unicode_renders_without_breaking_the_receipt(paper):
    wild = ("Keluhan 😀 dengan 中文字符, العربية, ελληνικά, עברית, e\u0301, tab\tdan\nbaris baru, "
            "<b>markup</b> & \"kutip\" " + "x" * 400 + " \u200b\u202e terbalik")
    r = receipt(reporter_name="Nguyễn Thị Minh Khai 王小明 <script>", substance=wild, service_title="Layanan & <lain>",
                lapor_id="", office_name="MPP «Bale Madukara» ✓")
    doc = pdfium.PdfDocument(render_receipt_pdf(r, paper=paper))
    try:
        assert len(doc) == 1
        text = text_of(doc[0])
        assert "Nguyễn Thị Minh Khai" in text and "<script>" in text and "Layanan & <lain>" in text
        assert "ελληνικά" in text
        assert SIGNER.verify(scan(doc[0], 203 if paper == "80mm" else 150)).valid
    finally:
        doc.close()


def test_escpos_receipt_folds_text_and_carries_the_qr():
    data = render_receipt_escpos(dataclasses.replace(receipt(), reporter_name="Nguyễn 王", copy=True), width_chars=48)
    assert b"ADU/2026/03/K7Q-0007" in data
    assert b"TANDA TERIMA PENGADUAN" in data and b"SALINAN" in data
    assert b"Nguyen ?" in data  # accents folded, other scripts as ?
    assert receipt().qr_data.encode("ascii") in data  # native QR command carries the URL
    assert data.endswith(b"\x1dVA\x00") or b"\x1dV" in data  # cut
    narrow = render_receipt_escpos(receipt(), width_chars=32)
    assert all(len(line) <= 40 for line in narrow.split(b"\n") if b"\x1d" not in line and b"\x1b" not in line)
