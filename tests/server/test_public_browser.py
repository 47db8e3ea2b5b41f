"""The public pages in a real browser (Debian's chromium driven by Playwright, never a downloaded browser):
a printed paper's QR code, decoded from the rendered PDF, opens the page on a real mpp-central; an altered
code shows the refusal; screenshots at phone and desktop widths; axe-core finds no serious violation."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.server.conftest import ROOT
from tests.server.public_support import NIK, open_site
from tests.server.test_public_pages import alter

CHROMIUM = Path(os.environ.get("MPP_TEST_CHROMIUM", "/usr/bin/chromium"))
AXE = Path(__file__).parent / "resources" / "axe-4.14.1.min.js"
SHOTS = Path(os.environ.get("MPP_SCREENSHOTS", ROOT / "screenshots" / "public"))
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 860}


@pytest.fixture
def site(server_db, make_pc, tmp_path, office_clock):
    yield from open_site(server_db, make_pc, tmp_path, office_clock)


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists() or shutil.which("pdftoppm") is None:
        if os.environ.get("CI"):
            raise AssertionError("chromium and poppler-utils are needed: make sysdeps installs them")
        pytest.skip("chromium or pdftoppm is missing (make sysdeps installs them)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield launched
        launched.close()


def qr_in_pdf(pdf: bytes, tmp_path: Path) -> str:
    """The QR code's text, read from the PDF rendered to PNG as a phone camera would see the paper."""
    import zxingcpp
    from PIL import Image

    (tmp_path / "paper.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(tmp_path / "paper.pdf"), str(tmp_path / "paper")], check=True)
    found = []
    for png in sorted(tmp_path.glob("paper*.png")):
        found += [c.text for c in zxingcpp.read_barcodes(Image.open(png)) if c.format == zxingcpp.BarcodeFormat.QRCode]
    assert len(found) == 1, found
    return found[0]


def shoot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    for label, size in (("phone", PHONE), ("desktop", DESKTOP)):
        page.set_viewport_size(size)
        page.screenshot(path=str(SHOTS / f"{name}_{label}.png"), full_page=True)


def serious_violations(page) -> list[str]:
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    found = page.evaluate("async () => (await axe.run(document)).violations"
                          ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                          ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))")
    return found


def open_page(browser, url: str, *, bypass_csp: bool = False):
    context = browser.new_context(ignore_https_errors=True, viewport=PHONE, bypass_csp=bypass_csp)
    page = context.new_page()
    page.goto(url)
    return context, page


def test_each_printed_paper_opens_its_verdict_in_the_browser(browser, site, tmp_path):
    for kind, words in (("tt", "Tanda Terima berkas permohonan ini asli"), ("q", "Tiket antrian ini asli"),
                        ("adu", "Tanda terima pengaduan ini asli"), ("rs", "Surat pengembalian berkas ini asli")):
        (tmp_path / kind).mkdir()
        url = qr_in_pdf(site.pdfs[kind], tmp_path / kind)
        assert url == site.papers[kind]
        context, page = open_page(browser, url)
        try:
            verdict = page.locator("#verdict")
            assert verdict.get_attribute("data-valid") == "true"
            assert words in verdict.inner_text()
            assert page.evaluate("document.cookie") == ""
            shoot(page, f"verify_{kind}")
        finally:
            context.close()


def test_an_altered_code_shows_the_refusal(browser, site):
    context, page = open_page(browser, alter(site.papers["tt"], "n", "MPP/2026/03/010002"))
    try:
        text = page.locator("#verdict").inner_text()
        assert "Tidak sah" in text and "diubah atau dipalsukan" in text and "nomor registrasi" in text
        assert site.registration_number not in page.content()
        shoot(page, "verify_altered")
    finally:
        context.close()


def test_a_file_and_a_complaint_are_followed_from_the_forms(browser, site):
    context, page = open_page(browser, f"{site.url}/berkas")
    try:
        page.get_by_label("Nomor registrasi").fill(site.registration_number)
        page.get_by_label("Empat angka terakhir NIK").fill(NIK[-4:])
        page.get_by_role("button", name="Tampilkan").click()
        assert "Diproses" in page.locator("#file").inner_text()
        assert "Terlambat" in page.locator("#file").inner_text()
        shoot(page, "follow_file")
        page.goto(f"{site.url}/pengaduan?lang=en")
        page.get_by_label("Follow code").fill(site.follow_code)
        page.get_by_label("Case number").fill(site.case_number)
        page.get_by_role("button", name="Show").click()
        assert "Checked and classified" in page.locator("main").inner_text()
        shoot(page, "follow_complaint_en")
    finally:
        context.close()


def test_no_serious_accessibility_violations(browser, site):
    urls = [f"{site.url}/", f"{site.url}/berkas", site.papers["tt"], alter(site.papers["q"], "c", "A999"),
            site.papers["adu"].replace("/v/", "/pengaduan/"), site.papers["tt"].replace("/v/", "/berkas/")]
    for url in urls:
        context, page = open_page(browser, url, bypass_csp=True)  # axe is injected as a script: the CSP forbids it
        try:
            assert serious_violations(page) == [], url
        finally:
            context.close()
