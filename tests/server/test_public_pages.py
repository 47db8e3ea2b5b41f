"""The public pages on a real mpp-central (TLS, PostgreSQL) with papers synced from a real office PC: the
verdict matches the PC's own `verify`, an altered or foreign code is refused and says why, a file and a
complaint are followed by their QR or by number plus a secret part, and nothing more leaks."""

from __future__ import annotations

import base64
import json
import re

import pytest

from mpp_desk.signing import Signer
from tests.server.conftest import desk
from tests.server.public_support import COMPLAINANT_NIK, NIK, open_site

PC_COMMAND = {"q": "queue", "tt": "receipt", "rs": "receipt", "adu": "complaints"}


@pytest.fixture
def site(server_db, make_pc, tmp_path, office_clock):
    yield from open_site(server_db, make_pc, tmp_path, office_clock)


def verdict_of(html: str) -> dict[str, str]:
    found = re.search(r'<section id="verdict"[^>]*>', html)
    assert found, html[:2000]
    return dict(re.findall(r'data-(\w+)="([^"]*)"', found.group(0)))


def pc_verify(site, kind: str, code: str) -> dict:
    status, out, err = desk(site.pc, "--lang", "id", PC_COMMAND[kind], "verify", code, "--json")
    result = json.loads(out)
    assert (status == 0) == bool(result["valid"]), (status, result, err)
    return result


def alter(url: str, field: str, value) -> str:
    """The same address with one signed field changed, the signature left as it was (a forged paper)."""
    head, token = url.rsplit("/", 1)
    kid, body, sig = token.split(".")
    kind, ref, fields = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    fields[field] = value
    raw = json.dumps([kind, ref, fields], separators=(",", ":"), sort_keys=True, ensure_ascii=False).encode()
    return f"{head}/{kid}.{base64.urlsafe_b64encode(raw).rstrip(b'=').decode()}.{sig}"


def test_every_paper_is_genuine_on_the_page_as_on_the_pc(site):
    with site.client() as http:
        for kind, url in site.papers.items():
            page = http.get(url)
            assert page.status_code == 200, (kind, page.text[:500])
            shown = verdict_of(page.text)
            assert shown["valid"] == "true" and shown["kind"] == kind and shown["reason"] == "valid"
            assert pc_verify(site, kind, url)["valid"] is True
    with site.client() as http:
        tt = http.get(site.papers["tt"]).text
        assert site.registration_number in tt and "3214********0001" in tt and NIK not in tt
        assert "Asli" in tt and "Tanda Terima" in tt
        adu = http.get(site.papers["adu"]).text
        assert site.case_number in adu and COMPLAINANT_NIK not in adu and "Siti" not in adu  # no more than the paper
        english = http.get(site.papers["q"] + "?lang=en").text
        assert "Genuine" in english and '<html lang="en">' in english


def test_an_altered_paper_is_refused_naming_the_field_as_the_pc_does(site):
    altered = alter(site.papers["tt"], "d", "2026-12-31")
    with site.client() as http:
        page = http.get(altered)
    shown = verdict_of(page.text)
    assert shown["valid"] == "false" and shown["reason"] == "bad_signature" and shown["differing"] == "d"
    assert "Tidak sah" in page.text and "tanggal jatuh tempo" in page.text
    assert site.registration_number not in page.text  # nothing of the record for a forged paper
    on_pc = pc_verify(site, "tt", altered)
    assert (on_pc["valid"], on_pc["reason"], on_pc["differing"]) == (False, "bad_signature", ["d"])

    ticket = alter(site.papers["q"], "c", "A999")
    with site.client() as http:
        shown = verdict_of(http.get(ticket).text)
    on_pc = pc_verify(site, "q", ticket)
    assert (shown["valid"], shown["reason"]) == ("false", on_pc["reason"]) == ("false", "bad_signature")


def test_a_joined_pc_s_key_needs_no_hand_registration(site, server_db):
    """The PC registered its signing key when it synced: without the key added by hand its papers
    are still genuine on the page."""
    import sqlalchemy as sa

    engine = sa.create_engine(server_db.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as conn:
        assert conn.execute(sa.text("DELETE FROM signing_keys")).rowcount == 1
        assert conn.execute(sa.text("SELECT count(*) FROM audit_keys WHERE public_key IS NOT NULL")).scalar() == 1
    engine.dispose()
    with site.client() as http:
        for kind, url in site.papers.items():
            assert verdict_of(http.get(url).text)["valid"] == "true", kind


def test_a_code_of_an_unknown_installation_or_another_address_says_so(site):
    stranger = Signer.generate()
    token = site.papers["q"].rsplit("/", 1)[1]
    genuine = Signer.for_data_dir(site.pc.data_dir).verify(token)
    foreign = stranger.sign_reference("q", genuine.id or "", genuine.fields)
    with site.client() as http:
        page = http.get(f"{site.url}/v/{foreign}")
        shown = verdict_of(page.text)
        assert (shown["valid"], shown["reason"]) == ("false", "unknown_key")
        assert "kantor lain" in page.text
        assert pc_verify(site, "q", f"{site.url}/v/{foreign}")["reason"] == "unknown_key"
        pasted = http.post(f"{site.url}/periksa", data={"code": f"https://mpp.contoh.go.id/v/{token}"})
        assert verdict_of(pasted.text)["reason"] == "wrong_address"
        typed = http.post(f"{site.url}/periksa", data={"code": token})
        assert verdict_of(typed.text)["valid"] == "true"
        junk = http.get(f"{site.url}/v/bukan-kode")
        assert verdict_of(junk.text)["reason"] == "malformed"


def test_a_file_is_followed_by_its_qr_or_by_number_and_nik_digits(site):
    with site.client() as http:
        page = http.get(site.papers["tt"])
        link = re.search(r'href="(/berkas/[^"]+)"', page.text).group(1)
        by_qr = http.get(site.url + link).text
        by_number = http.post(f"{site.url}/berkas", data={"number": site.registration_number, "nik": NIK[-4:]}).text
    for html in (by_qr, by_number):
        assert 'data-status="in_process"' in html and "Diproses" in html
        assert re.search(r'data-late="(\d+)"', html).group(1) not in ("", "0")  # pinned after the due date
        assert "Terlambat" in html and "hari kerja" in html
        assert "pukul 09.00 WIB" in html and "Diterima" in html  # the history, office time
        assert "rina" not in html.lower()  # no officer names


def test_a_wrong_secret_part_says_nothing_and_locks_the_number(site):
    with site.client() as http:
        wrong = http.post(f"{site.url}/berkas", data={"number": site.registration_number, "nik": "9999"})
        unknown = http.post(f"{site.url}/berkas", data={"number": "MPP/2026/03/999999", "nik": NIK[-4:]})
        assert wrong.status_code == unknown.status_code == 404
        assert verdict_free(wrong.text) == verdict_free(unknown.text)  # no hint which part was wrong
        for _ in range(4):
            http.post(f"{site.url}/berkas", data={"number": site.registration_number, "nik": "0000"})
        locked = http.post(f"{site.url}/berkas", data={"number": site.registration_number, "nik": NIK[-4:]})
    assert locked.status_code == 429 and "Terlalu banyak percobaan yang salah" in locked.text


def verdict_free(html: str) -> str:
    return re.sub(r"<title>.*?</title>", "", html)


def test_a_complaint_is_followed_by_qr_or_number_and_code_without_internal_notes(site):
    with site.client() as http:
        page = http.get(site.papers["adu"])
        link = re.search(r'href="(/pengaduan/[^"]+)"', page.text).group(1)
        by_qr = http.get(site.url + link).text
        by_code = http.post(f"{site.url}/pengaduan", data={"number": site.case_number,
                                                            "code": site.follow_code.lower().replace("-", " ")}).text
        wrong = http.post(f"{site.url}/pengaduan", data={"number": site.case_number, "code": "AAAA-AAAA"})
    for html in (by_qr, by_code):
        assert site.case_number in html and "Diperiksa dan diklasifikasikan" in html
        assert "cuti" not in html and "Catatan" not in html  # the internal note stays inside
    assert wrong.status_code == 404 and "Diperiksa" not in wrong.text


def test_pages_are_small_strict_and_cookieless_and_the_log_keeps_no_personal_data(site):
    with site.client() as http:
        pages = [http.get(site.papers["tt"]), http.get(f"{site.url}/"), http.get(f"{site.url}/berkas"),
                 http.post(f"{site.url}/berkas", data={"number": site.registration_number, "nik": NIK[-4:]})]
    for page in pages:
        assert len(page.content) < 60_000
        assert "set-cookie" not in page.headers
        csp = page.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src" not in csp and "frame-ancestors 'none'" in csp
        assert page.headers["referrer-policy"] == "no-referrer" and page.headers["x-content-type-options"] == "nosniff"
        assert "<script" not in page.text and "http://" not in page.text.replace("http://www.w3.org", "")
    log = site.stop()
    lines = [line for line in log.splitlines() if " public " in line]
    assert any("GET /v/{token} 200 valid" in line for line in lines), log[-2000:]
    token = site.papers["tt"].rsplit("/", 1)[1]
    for secret in (token[:20], site.registration_number, NIK[-4:] + " ", "127.0.0.1"):
        assert secret not in log
