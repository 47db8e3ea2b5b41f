"""Receipts issued from a real data folder: the kept PDF, its QR code, ``mpp-desk receipt verify`` and the
``mpp-desk intake`` commands."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json

import pypdfium2 as pdfium
import pytest
import zxingcpp

from mpp_desk.cli import main
from mpp_desk.intake import receipts
from mpp_desk.signing import Signer
from tests.intake_support import NIK, at, make_officer, register_file, return_file


def run(capsys, data_dir, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), "--lang", "id", *args])
    out, err = capsys.readouterr()
    return code, out, err


def issue(ctx, actor, visit_id, size="A4", when=None):
    with ctx.uow(actor=actor) as uow:
        issued = receipts.issue_receipt(uow, visit_id=visit_id, data_dir=ctx.data_dir,
                                        signer=Signer.for_data_dir(ctx.data_dir), size=size, now=when)
        uow.commit()
    return issued


def qr_codes(pdf: bytes) -> list[str]:
    doc = pdfium.PdfDocument(pdf)
    try:
        found = []
        for page in doc:
            image = page.render(scale=203 / 72).to_pil()
            found += [c.text for c in zxingcpp.read_barcodes(image) if c.format == zxingcpp.BarcodeFormat.QRCode]
        return found
    finally:
        doc.close()


def altered(url: str, **changes) -> str:
    prefix, token = url.rsplit("/", 1)
    key_id, body, signature = token.split(".")
    kind, ref, fields = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    fields.update(changes)
    body = base64.urlsafe_b64encode(json.dumps([kind, ref, fields], separators=(",", ":"), sort_keys=True)
                                    .encode()).rstrip(b"=").decode()
    return f"{prefix}/{key_id}.{body}.{signature}"


@pytest.fixture
def officer(app_ctx):
    return make_officer(app_ctx)


def test_a_kept_receipt_scans_and_verifies_from_the_command_line(app_ctx, officer, capsys):
    done = register_file(app_ctx, officer, when=at("2026-03-17", 10, 15))
    issued = issue(app_ctx, officer, done.id, when=at("2026-03-17", 10, 16))
    path = app_ctx.data_dir / issued.pdf_path
    assert issued.pdf_path == "receipts/2026/03/MPP-2026-03-010001_tanda-terima_1_A4.pdf"
    assert path.read_bytes() == issued.pdf
    assert hashlib.sha256(path.read_bytes()).hexdigest() == issued.sha256
    [url] = qr_codes(path.read_bytes())
    assert url.startswith("https://mpp.purwakartakab.go.id/v/")

    code, out, err = run(capsys, app_ctx.data_dir, "receipt", "verify", url)
    assert code == 0, err
    assert "Tanda terima ini asli." in out and "MPP/2026/03/010001" in out

    code, out, _ = run(capsys, app_ctx.data_dir, "receipt", "verify", url, "--json")
    result = json.loads(out)
    assert code == 0 and result["valid"] and result["known"] and result["kind"] == "tanda_terima"
    assert result["fields"]["n"] == "MPP/2026/03/010001" and result["fields"]["d"] == "2026-04-02"
    assert result["fields"]["k"] == "3214********0001" and NIK not in out

    # one field altered: the signature no longer holds, and the verdict names the field
    code, out, _ = run(capsys, app_ctx.data_dir, "receipt", "verify", altered(url, d="2026-05-29"), "--json")
    result = json.loads(out)
    assert code == 1 and not result["valid"] and result["reason"] == "bad_signature"
    assert result["differing"] == ["d"]
    assert "batas waktu penyelesaian" in result["message"]

    # a forged signature (another key presenting itself under our key id)
    forger = Signer.generate()
    forged = forger.sign_reference("tt", issued.id, result["fields"] | {"d": "2026-04-02"})
    ours = Signer.for_data_dir(app_ctx.data_dir).key_id
    code, out, _ = run(capsys, app_ctx.data_dir, "receipt", "verify", f"{ours}.{forged.split('.', 1)[1]}")
    assert code == 1 and "TIDAK asli" in out
    code, out, _ = run(capsys, app_ctx.data_dir, "receipt", "verify", forged)
    assert code == 1 and "tidak dikenal" in out
    code, out, _ = run(capsys, app_ctx.data_dir, "receipt", "verify", "bukan kode apa pun")
    assert code == 1 and "rusak" in out


def test_the_kept_copy_is_checked_against_its_hash_and_reprints_say_salinan(app_ctx, officer):
    done = register_file(app_ctx, officer)
    first = issue(app_ctx, officer, done.id, size="80mm")
    second = issue(app_ctx, officer, done.id, size="A4")
    assert (first.copy_number, second.copy_number) == (1, 2)
    assert not first.view.copy and second.view.copy
    doc = pdfium.PdfDocument(second.pdf)
    text = doc[0].get_textpage().get_text_range()
    doc.close()
    assert "SALINAN" in text
    with app_ctx.uow(actor=officer) as uow:
        assert receipts.kept_pdf(uow, receipt_id=first.id, data_dir=app_ctx.data_dir) == first.pdf
        receipts.mark_printed(uow, receipt_id=first.id, printed_on="escpos-net:10.0.0.9")
        uow.commit()
    (app_ctx.data_dir / first.pdf_path).write_bytes(first.pdf.replace(b"MPP Desk", b"MPP Dusk"))
    with app_ctx.uow(actor=officer) as uow:
        with pytest.raises(receipts.ReceiptProblem):
            receipts.kept_pdf(uow, receipt_id=first.id, data_dir=app_ctx.data_dir)
    with app_ctx.uow(write=False, actor=officer) as uow:
        from mpp_desk.intake import service

        visit = service.get_visit(uow, visit_id=done.id)
    assert [(r.copy_number, r.size, r.printed_at is not None) for r in visit.receipts] == [
        (1, "80mm", True), (2, "A4", False)]
    # both copies verify, each with its own copy number
    for issued in (first, second):
        with app_ctx.uow(write=False) as uow:
            check = receipts.verify_receipt(uow, issued.view.qr_data, data_dir=app_ctx.data_dir)
        assert check.valid and check.copy_number == issued.copy_number and check.application_id is not None
        assert ("SALINAN (cetakan ke-2)" in check.text("id")) == (issued.copy_number == 2)


def test_receipt_verify_says_when_a_code_is_of_a_salinan(app_ctx, officer, capsys):
    done = register_file(app_ctx, officer)
    original = issue(app_ctx, officer, done.id)
    reprint = issue(app_ctx, officer, done.id)
    code, out, err = run(capsys, app_ctx.data_dir, "receipt", "verify", reprint.view.qr_data)
    assert code == 0, err
    assert "Tanda terima ini asli." in out and "Kode ini milik SALINAN (cetakan ke-2)" in out
    code, out, _ = run(capsys, app_ctx.data_dir, "receipt", "verify", original.view.qr_data)
    assert code == 0 and "SALINAN" not in out


def test_a_return_slip_verifies_and_leads_back_to_its_visit(app_ctx, officer, capsys):
    returned = return_file(app_ctx, officer, when=at("2026-03-16", 11))
    slip = issue(app_ctx, officer, returned.id, size="80mm")
    assert slip.kind == "return_slip" and "K-" in slip.pdf_path
    [url] = qr_codes(slip.pdf)
    with app_ctx.uow(write=False) as uow:
        check = receipts.verify_receipt(uow, url, data_dir=app_ctx.data_dir)
    assert check.valid and check.kind == "return_slip" and check.visit_id == returned.id
    assert check.application_id is None
    code, out, _ = run(capsys, app_ctx.data_dir, "receipt", "verify", url)
    assert code == 0


def test_a_queue_ticket_code_is_not_a_receipt(app_ctx, capsys):
    from mpp_desk.queue import LocalQueue

    queue = LocalQueue.from_context(app_ctx)
    issued = queue.issue(group_code="A", now=at("2026-03-17", 9))
    code, out, _ = run(capsys, app_ctx.data_dir, "receipt", "verify", queue.slip(issued).qr_data)
    assert code == 1 and "bukan tanda terima berkas" in out


def test_intake_search_and_due_from_the_command_line(app_ctx, officer, capsys):
    late = register_file(app_ctx, officer, when=at("2026-03-17"))
    register_file(app_ctx, officer, annex=45, when=at("2026-03-25"))
    return_file(app_ctx, officer, when=at("2026-03-26"))
    code, out, err = run(capsys, app_ctx.data_dir, "intake", "search", "mpp/2026/03/010001", "--json")
    assert code == 0, err
    rows = json.loads(out)
    assert [r["registration_number"] for r in rows] == ["MPP/2026/03/010001"]
    assert rows[0]["applicant"] == "S*** A*****"  # the terminal administrator sees no personal data
    assert rows[0]["nik"] == "3214********0001"
    code, out, _ = run(capsys, app_ctx.data_dir, "intake", "search", "--status", "received", "--kbli", "71205")
    assert code == 0 and "MPP/2026/03/010002" in out and "1 berkas" in out
    code, out, _ = run(capsys, app_ctx.data_dir, "intake", "search", "--incomplete", "--json")
    assert sorted(r["status"] for r in json.loads(out)) == ["incomplete", "received", "received"]
    code, out, err = run(capsys, app_ctx.data_dir, "intake", "search", NIK)
    assert code == 2 and "melihat data pribadi" in err
    code, out, _ = run(capsys, app_ctx.data_dir, "intake", "due", "--date", "2026-04-06", "--json")
    due = json.loads(out)
    assert [(r["registration_number"], r["overdue_working_days"], r["due_today"]) for r in due] == [
        ("MPP/2026/03/010001", 1, False), ("MPP/2026/03/010002", None, True)]
    code, out, _ = run(capsys, app_ctx.data_dir, "intake", "due", "--date", "2026-04-06")
    assert "terlambat 1 hari kerja" in out and "jatuh tempo hari ini" in out
    code, out, _ = run(capsys, app_ctx.data_dir, "intake", "times", "--from", "2026-03-01", "--to", "2026-03-31",
                       "--json")
    assert code == 0 and {r["annex_number"] for r in json.loads(out)} == {45, 67}
    assert late.application.due_date == dt.date(2026, 4, 2)


def test_service_times_refuse_an_empty_date(app_ctx, capsys):
    # Found by the type checker: an empty --from reached service_times as None.
    code, _, err = run(capsys, app_ctx.data_dir, "intake", "times", "--from", "", "--to", "2026-03-31")
    assert code == 2 and "2026-03-17" in err
