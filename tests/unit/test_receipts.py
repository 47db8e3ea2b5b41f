"""The intake receipts: A4 and 80 mm PDFs whose QR code scans and verifies, ESC/POS bytes, tampering."""

from __future__ import annotations

import base64
import datetime as dt
import json
import uuid
from dataclasses import replace
from zoneinfo import ZoneInfo

import pypdfium2 as pdfium
import pytest
import zxingcpp

from mpp_desk.intake.receipts import (
    RETURN_SLIP,
    TANDA_TERIMA,
    ReceiptItem,
    ReceiptView,
    render_receipt_pdf,
    render_return_slip_escpos,
    render_return_slip_pdf,
    render_tanda_terima_escpos,
    render_tanda_terima_pdf,
    signed_fields,
)
from mpp_desk.intake.rules import is_condition
from mpp_desk.printing.letterhead import Letterhead
from mpp_desk.signing import BAD_SIGNATURE, Signer, verification_url, verify_with

WIB = ZoneInfo("Asia/Jakarta")
SIGNER = Signer.generate()
BASE = "https://mpp.purwakartakab.go.id/v/"
REQUIREMENTS = (  # (text, group): a paper to bring, then conditions to meet, under A and B as the standard has them
    ("Fotokopi KTP penanggung jawab", "general"),
    ("Skala usaha kecil atau menengah", "general"),
    ("Memiliki akun Sistem Informasi Industri Nasional", "general"),
    ("Menyampaikan data industri melalui Sistem Informasi Industri Nasional", "general"),
    ("Memiliki sarana dan fasilitas produksi", "special"),
)
CHANNELS = (  # the office's channel list, those marked for receipts (complaints.channels)
    ("Loket Pengaduan MPP", "Mal Pelayanan Publik Bale Madukara, Jalan Jenderal Sudirman, Kelurahan Nagrikaler, "
                            "Kabupaten Purwakarta, Jawa Barat 41115"),
    ("Telepon", "(0264) 8224794 ext.103"),
    ("SMS", "081809898222"),
    ("WhatsApp", "081809898222"),
    ("Kotak pengaduan", ""),
)
LETTERHEAD = Letterhead(office_name="Mal Pelayanan Publik Bale Madukara",
                        address="Jalan Jenderal Sudirman, Kelurahan Nagrikaler, Kecamatan Purwakarta, Kabupaten "
                                "Purwakarta, Jawa Barat 41115")


def receipt(kind: str = TANDA_TERIMA, *, copy: int = 1, name: str = "Siti Aminah", **changes) -> ReceiptView:
    receipt_id = uuid.uuid4()
    if kind == TANDA_TERIMA:
        states, notes = ("present_valid",) * 5, ("", "", "asli", "", "")
    else:
        states = ("missing", "present_valid", "invalid", "present_valid", "present_valid")
        notes = ("Belum dibawa", "", "Akun tidak aktif", "", "")
    items = tuple(ReceiptItem(i, text, state, note, group, is_condition(text))
                  for i, ((text, group), state, note) in enumerate(zip(REQUIREMENTS, states, notes), start=1))
    due = dt.date(2026, 4, 2) if kind == TANDA_TERIMA else None
    fields = signed_fields(kind, registration_number="MPP/2026/03/010123" if kind == TANDA_TERIMA else None,
                           nik="3214015505900001", kbli="62021", received=dt.date(2026, 3, 17), due=due,
                           copy_number=copy)
    token = SIGNER.sign_reference("tt" if kind == TANDA_TERIMA else "rs", receipt_id, fields)
    values = dict(
        kind=kind, receipt_id=receipt_id, copy_number=copy, letterhead=LETTERHEAD,
        registration_number="MPP/2026/03/010123" if kind == TANDA_TERIMA else None, visit_ref="K-3F2A9C1B",
        service_title="Aktivitas Konsultasi Keamanan Informasi", product_type="Sertifikat Standar", kbli="62021",
        risk_level="Menengah Tinggi", output="NIB dan Sertifikat Standar Terverifikasi dengan tanda tangan elektronik",
        fee="Gratis", completion_working_days=7, applicant_kind="person", applicant_name=name,
        nik_masked="3214********0001", business_name="", nib="", items=items,
        received_at=dt.datetime(2026, 3, 17, 10, 5, tzinfo=WIB), due_date=due, officer_name="Rina Petugas",
        counter_number=1, complaint_channels=CHANNELS, qr_data=verification_url(BASE, token),
        issued_at=dt.datetime(2026, 3, 17, 10, 6, tzinfo=WIB),
    )
    values.update(changes)
    return ReceiptView(**values)


def pages(data: bytes) -> tuple[list, str]:
    """PNG-ready images of every page (at a thermal printer's 203 dpi) and the PDF's text."""
    doc = pdfium.PdfDocument(data)
    try:
        images, text = [], []
        for page in doc:
            images.append(page.render(scale=203 / 72).to_pil())
            textpage = page.get_textpage()
            text.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return images, " ".join(" ".join(text).split())
    finally:
        doc.close()


def decode_qr(images) -> list[str]:
    found = []
    for image in images:
        found += [c.text for c in zxingcpp.read_barcodes(image) if c.format == zxingcpp.BarcodeFormat.QRCode]
    return found


@pytest.mark.parametrize("kind", [TANDA_TERIMA, RETURN_SLIP])
@pytest.mark.parametrize("size", ["A4", "80mm"])
def test_both_receipts_render_at_both_sizes_with_a_qr_that_decodes_and_verifies(tmp_path, kind, size):
    view = receipt(kind)
    render = render_tanda_terima_pdf if kind == TANDA_TERIMA else render_return_slip_pdf
    data = render(view, size)
    images, text = pages(data)
    for number, image in enumerate(images, start=1):
        image.save(tmp_path / f"{kind}_{size}_{number}.png")
        assert (tmp_path / f"{kind}_{size}_{number}.png").stat().st_size > 0
    width_pt = pdfium.PdfDocument(data)[0].get_width()
    assert width_pt == pytest.approx(595.28 if size == "A4" else 80 / 25.4 * 72, abs=0.1)
    # the words, in Bahasa Indonesia whatever the counter screen shows
    for expected in ("PEMERINTAH KABUPATEN PURWAKARTA", "DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU",
                     "Mal Pelayanan Publik Bale Madukara", "Jawa Barat 41115"):  # the letterhead
        assert expected in text, expected
    assert "3214********0001" in text and "3214015505900001" not in text
    assert "KBLI 62021" in text and "Menengah Tinggi" in text and "Rina Petugas" in text
    assert "A. Persyaratan Umum" in text  # the standard's grouping (B: only what a return slip lists)
    assert ("B. Persyaratan Khusus" in text) == (kind == TANDA_TERIMA)
    # the office's channels, each with its contact; an address only on A4 (80 mm stays short)
    assert "Telepon: (0264) 8224794 ext.103" in text and "SMS/WhatsApp: 081809898222" in text
    assert "Kotak pengaduan" in text and "Loket Pengaduan MPP" in text
    assert ("Jalan Jenderal Sudirman, Kelurahan Nagrikaler, Kabupaten" in text) == (size == "A4")
    assert ":" not in text.split("Kotak pengaduan")[0][-3:]
    if kind == TANDA_TERIMA:
        for expected in ("TANDA TERIMA BERKAS PERMOHONAN", "MPP/2026/03/010123", "Kamis, 2 April 2026",
                         "Selasa, 17 Maret 2026 pukul 10.05 WIB", "Dicetak 17 Maret 2026 pukul 10.06 WIB", "Gratis",
                         "7 hari kerja", "Persyaratan diperiksa: semua terpenuhi",
                         "terbit secara elektronik melalui OSS", "Yang menyerahkan", "Yang menerima",
                         "( Siti Aminah )", "( Rina Petugas )"):
            assert expected in text, expected
        assert "bawa saat mengambil" not in text  # the product comes through OSS: nothing to collect
        if size == "A4":  # the checklist as received, line by line: a paper is there, a condition is met
            assert text.count("Ada dan sesuai") == 1 and text.count("Terpenuhi") == len(REQUIREMENTS) - 1
    else:
        for expected in ("BERKAS BELUM LENGKAP", "K-3F2A9C1B", "Belum dibawa", "Akun tidak aktif",
                         "Tidak ada", "Tidak sesuai", "3 persyaratan lain sudah ada dan sesuai", "Yang menerima"):
            assert expected in text, expected
        assert "Yang menyerahkan" not in text
        assert "Skala usaha kecil atau menengah" not in text  # only what is to be completed
    assert "SALINAN" not in text
    # the QR code on the paper holds the verification address, and it verifies
    codes = decode_qr(images)
    assert codes == [view.qr_data]
    assert codes[0].startswith(BASE)
    result = verify_with(codes[0], {SIGNER.key_id: SIGNER.public_key})
    assert result.valid and result.kind == ("tt" if kind == TANDA_TERIMA else "rs")
    assert result.fields["k"] == "3214********0001" and result.fields["s"] == "62021"
    if kind == TANDA_TERIMA:
        assert (result.fields["n"], result.fields["r"], result.fields["d"]) == (
            "MPP/2026/03/010123", "2026-03-17", "2026-04-02")


@pytest.mark.parametrize("size", ["A4", "80mm"])
def test_a_reprint_says_salinan(size):
    _images, text = pages(render_receipt_pdf(receipt(copy=2), size))
    assert "SALINAN" in text and "Salinan ke-2" in text


def _altered(url: str, **changes) -> str:
    """The same token with one signed field changed, the signature left as it was."""
    prefix, token = url.rsplit("/", 1)
    key_id, body, signature = token.split(".")
    kind, ref, fields = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    fields.update(changes)
    new_body = base64.urlsafe_b64encode(
        json.dumps([kind, ref, fields], separators=(",", ":"), sort_keys=True, ensure_ascii=False).encode()
    ).rstrip(b"=").decode()
    return f"{prefix}/{key_id}.{new_body}.{signature}"


def test_an_altered_field_or_a_forged_signature_does_not_verify():
    keys = {SIGNER.key_id: SIGNER.public_key}
    url = receipt().qr_data
    assert verify_with(url, keys).valid
    for field, value in (("n", "MPP/2026/03/010124"), ("d", "2026-05-02"), ("k", "3214********0002")):
        result = verify_with(_altered(url, **{field: value}), keys)
        assert not result.valid and result.reason == BAD_SIGNATURE
    forger = Signer.generate()
    forged = forger.sign_reference("tt", uuid.uuid4(), {"n": "MPP/2026/03/019999"})
    forged_with_our_key_id = f"{SIGNER.key_id}.{forged.split('.', 1)[1]}"
    result = verify_with(verification_url(BASE, forged_with_our_key_id), keys)
    assert not result.valid and result.reason == BAD_SIGNATURE
    # an altered QR code printed on a receipt decodes to the altered text, which fails too
    tampered = receipt(qr_data=_altered(url, n="MPP/2026/03/010999"))
    codes = decode_qr(pages(render_receipt_pdf(tampered, "80mm"))[0])
    assert codes and not verify_with(codes[0], keys).valid


def test_unicode_names_and_long_texts_do_not_break_rendering():
    name = "Ñoño Şükrü 李 " + "Panjangsekalinamanyatanpaspasi" * 6
    for kind in (TANDA_TERIMA, RETURN_SLIP):
        view = receipt(kind, name=name, applicant_kind="business", business_name="PT Ñandú Çelik 李", nib="8120000123456",
                       items=receipt(kind).items + tuple(ReceiptItem(10 + i, "Persyaratan tambahan " * 12, "present_valid"
                                                                     if kind == TANDA_TERIMA else "missing", "catatan " * 20)
                                                         for i in range(12)))
        for size in ("A4", "80mm"):
            images, text = pages(render_receipt_pdf(view, size))
            assert "Ñoño Şükrü" in text and "PT Ñandú Çelik" in text
            assert decode_qr(images) == [view.qr_data]
            if size == "A4":
                assert len(images) >= 2  # a long checklist runs onto a second A4 page
                assert "Halaman 2 dari" in text


def test_escpos_receipts_carry_the_words_the_native_qr_and_fold_accents():
    view = receipt(copy=2, name="Ñoño Şükrü")
    tanda = render_tanda_terima_escpos(view, width_chars=48)
    assert tanda.startswith(b"\x1b@")  # INIT
    assert b"TANDA TERIMA BERKAS PERMOHONAN" in tanda and b"MPP/2026/03/010123" in tanda
    assert b"SALINAN" in tanda and b"Nono Sukru" in tanda
    assert b"Kamis, 2 April 2026" in tanda
    assert view.qr_data.encode() in tanda  # the printer draws the QR code itself (GS ( k)
    assert b"\x1d(k" in tanda and b"\x1dV" in tanda  # native QR, then the cut
    slip = render_return_slip_escpos(receipt(RETURN_SLIP), width_chars=32)
    assert b"BERKAS BELUM LENGKAP" in slip and b"Belum dibawa" in slip
    assert all(len(line) <= 32 for line in slip.split(b"\n") if not line.startswith((b"\x1b", b"\x1d")))
    with pytest.raises(ValueError):
        render_return_slip_escpos(receipt(), width_chars=48)


def test_a_view_of_the_wrong_kind_is_refused():
    with pytest.raises(ValueError):
        render_tanda_terima_pdf(receipt(RETURN_SLIP))
    with pytest.raises(ValueError):
        render_receipt_pdf(receipt(), "A5")
    assert replace(receipt(), copy_number=3).copy


def test_receipts_go_to_a_thermal_printer_as_escpos_and_faults_come_back_as_results(tmp_path):
    import socket

    from mpp_desk.printing.receipt_printer import BAD_SETTING, failure_text, preferred_size, send
    from mpp_desk.intake.receipts import render_receipt_escpos
    from mpp_desk.printing.printers import NOT_CONFIGURED, NOT_FOUND, OUT_OF_PAPER
    from tests.unit.test_ticket_render import FakeNetworkPrinter

    view = receipt()
    pdf = render_receipt_pdf(view, "80mm")

    def escpos(columns):
        return render_receipt_escpos(view, width_chars=columns)

    good = FakeNetworkPrinter(b"\x12")
    result = send(f"escpos-net:127.0.0.1:{good.port}", data_dir=tmp_path, pdf=pdf, escpos=escpos, name="r.pdf")
    good.close()
    assert result.ok and good.received == escpos(48)
    empty = FakeNetworkPrinter(b"\x72")
    result = send(f"escpos-net:127.0.0.1:{empty.port}", data_dir=tmp_path, pdf=pdf, escpos=escpos, name="r.pdf")
    empty.close()
    assert result.reason == OUT_OF_PAPER and empty.received == b""
    assert failure_text(result, "id") == "Kertas printer tanda terima habis."
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    refused = send(f"escpos-net:127.0.0.1:{port}", data_dir=tmp_path, pdf=pdf, escpos=escpos, name="r.pdf")
    assert refused.reason == NOT_FOUND
    assert send("", data_dir=tmp_path, pdf=pdf, escpos=escpos, name="r.pdf").reason == NOT_CONFIGURED
    assert send("laser-printer", data_dir=tmp_path, pdf=pdf, escpos=escpos, name="r.pdf").reason == BAD_SETTING
    folder = send(f"pdf:{tmp_path / 'out'}", data_dir=tmp_path, pdf=pdf, escpos=escpos, name="r.pdf")
    assert folder.ok and (tmp_path / "out" / "r.pdf").read_bytes() == pdf
    assert (preferred_size("escpos-usb:0x0416:0x5011"), preferred_size("system:HP"), preferred_size("")) == (
        "80mm", "A4", "A4")


def _seed_entry():
    from mpp_desk.catalog.parser import parse_text
    from mpp_desk.paths import CATALOG_SEED_DIR

    (entry,) = parse_text((CATALOG_SEED_DIR / "annex-067-kbli-62021.txt").read_text(encoding="utf-8"))
    return entry


def test_a_business_applicant_prints_the_business_and_the_person_in_charge():
    view = receipt(applicant_kind="business", name="Budi Santoso", business_name="CV Maju Bersama",
                   nib="1234567890123")
    for size in ("A4", "80mm"):
        _images, text = pages(render_receipt_pdf(view, size))
        assert "Pemohon: CV Maju Bersama (NIB 1234567890123)" in text.replace("Pemohon CV", "Pemohon: CV")
        assert "Penanggung jawab/Kuasa" in text and "Budi Santoso (NIK 3214********0001)" in text
        assert "Pemohon: Budi Santoso" not in text and "Pemohon Budi Santoso" not in text
    escpos = render_tanda_terima_escpos(view)
    assert b"Pemohon: CV Maju Bersama (NIB 1234567890123)" in escpos
    assert b"Penanggung jawab/Kuasa: Budi Santoso" in escpos


def test_the_80mm_tanda_terima_of_a_12_item_checklist_is_under_200_mm():
    """The seed's 12 requirements (5 general, 7 special), the office's channels, a person and a business."""
    entry = _seed_entry()
    texts = [(t, "general") for t in entry.requirements.general] + [(t, "special") for t in entry.requirements.special]
    assert len(texts) == 12
    items = tuple(ReceiptItem(i, t, "present_valid", "", g, is_condition(t)) for i, (t, g) in enumerate(texts, start=1))
    for business in (False, True):
        view = receipt(items=items, applicant_kind="business" if business else "person",
                       business_name="CV Maju Bersama" if business else "", nib="1234567890123" if business else "")
        data = render_receipt_pdf(view, "80mm")
        doc = pdfium.PdfDocument(data)
        length_mm = doc[0].get_height() / 72 * 25.4
        assert len(doc) == 1 and length_mm < 200, length_mm
        images, text = pages(data)
        assert decode_qr(images) == [view.qr_data]
        assert "12." not in text and "7. " in text  # numbered within A (1-5) and B (1-7), as the standard does
        a4 = pdfium.PdfDocument(render_receipt_pdf(replace(view, copy_number=2), "A4"))
        assert len(a4) == 1  # the whole Tanda Terima, signatures and channels on one A4 page


def test_a_due_date_in_a_year_without_decreed_cuti_bersama_says_perkiraan():
    view = receipt(due_date=dt.date(2028, 1, 10), due_estimated=True)
    for size in ("A4", "80mm"):
        _images, text = pages(render_receipt_pdf(view, size))
        assert "Senin, 10 Januari 2028 (perkiraan)" in text
        assert "cuti bersama tahun 2028 belum ditetapkan" in text
    assert b"(perkiraan)" in render_tanda_terima_escpos(view)
    _images, text = pages(render_receipt_pdf(receipt(), "A4"))
    assert "perkiraan" not in text


def test_conditions_and_papers_and_how_the_product_comes():
    from mpp_desk.intake.rules import delivered_electronically

    assert is_condition("Skala usaha kecil atau menengah") and is_condition("Memiliki akun SIINas")
    assert not is_condition("Fotokopi KTP") and not is_condition("Surat kuasa bermeterai")
    assert not is_condition("KTP asli") and not is_condition("")
    assert delivered_electronically("NIB dan Izin Terverifikasi dengan tanda tangan elektronik")
    assert not delivered_electronically("Surat izin (cetak)")
    view = receipt(output="Surat Izin Praktik")
    assert view.advice() == "Simpan tanda terima ini dan bawa saat mengambil hasil layanan."
    assert ("Produk layanan", ["Surat Izin Praktik"]) in view.fields(compact=True)
    assert "Produk layanan" not in dict(receipt().fields(compact=True))  # said by the advice instead


def test_the_letterhead_logo_is_drawn_when_its_file_can_be_read(tmp_path):
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (200, 240), "navy").save(logo)

    def images_on(view, size) -> int:
        doc = pdfium.PdfDocument(render_receipt_pdf(view, size))
        return sum(1 for obj in doc[0].get_objects() if obj.type == pdfium.raw.FPDF_PAGEOBJ_IMAGE)

    with_logo = receipt(letterhead=replace(LETTERHEAD, logo=str(logo)))
    missing = receipt(letterhead=replace(LETTERHEAD, logo=str(tmp_path / "gone.png")))
    for size in ("A4", "80mm"):
        assert images_on(with_logo, size) == 1
        assert images_on(missing, size) == 0  # a PC without the file prints the letterhead without it
        images, text = pages(render_receipt_pdf(with_logo, size))
        assert "PEMERINTAH KABUPATEN PURWAKARTA" in text and decode_qr(images) == [with_logo.qr_data]
