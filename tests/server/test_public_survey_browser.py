"""The public survey in a real browser (Debian's chromium via Playwright, phone size 360x740): a printed Tanda
Terima's QR code, decoded from the rendered PDF, opens the verification page; its survey link opens the form,
which is filled by touch and sent; the thank-you page; the second time the refusal. Screenshots, axe-core."""

from __future__ import annotations

import re

import pytest

from tests.server.public_support import open_site
from tests.server.survey_support import serve_papers
from tests.server.test_public_browser import browser, open_page, qr_in_pdf, serious_violations, shoot  # noqa: F401


@pytest.fixture
def site(server_db, make_pc, tmp_path, office_clock):
    yield from open_site(server_db, make_pc, tmp_path, office_clock)


def test_a_tanda_terima_s_qr_leads_to_the_survey_filled_on_a_phone(browser, site, tmp_path):  # noqa: F811
    served = serve_papers(site)
    url = qr_in_pdf(served.tt_pdf, tmp_path)
    assert url == served.visit_tt
    context, page = open_page(browser, url)
    try:
        assert page.locator("#verdict").get_attribute("data-valid") == "true"
        shoot(page, "survey_link_on_verdict")
        page.get_by_role("link", name="Isi survei kepuasan").click()
        assert page.url.startswith(f"{site.url}/survei/")
        assert page.locator("fieldset").count() == 9
        assert served.registration_number in page.locator("main").inner_text()
        shoot(page, "survey_form")
        chosen = {1: "Sangat sesuai", 2: "Mudah", 3: "Cepat", 4: "Gratis", 5: "Sesuai", 6: "Sangat kompeten",
                  7: "Sopan dan ramah", 9: "Baik"}  # element 8 left empty, as the tablet allows
        for number, answer in chosen.items():
            group = page.get_by_role("group", name=re.compile(rf"^{number}\. "))
            group.get_by_label(answer, exact=True).check()
        page.get_by_label("Usia", exact=True).select_option("41-50")
        page.get_by_label("Jenis kelamin", exact=True).select_option("L")
        page.get_by_label("Saran (boleh dikosongkan)").fill("Petugas ramah, antrean cepat.")
        page.set_viewport_size({"width": 360, "height": 740})
        page.get_by_role("button", name="Kirim").click()
        thanks = page.locator("#survey-thanks")
        assert "Terima kasih" in thanks.inner_text()
        assert page.evaluate("document.cookie") == ""
        shoot(page, "survey_thanks")
        page.goto(url)
        assert page.locator("#survey-done").count() == 1 and page.locator("#survey-link").count() == 0
        page.goto(url.replace("/v/", "/survei/"))
        assert "sudah dinilai" in page.locator("#survey-refused").inner_text()
        shoot(page, "survey_refused")
    finally:
        context.close()


def test_the_survey_pages_have_no_serious_accessibility_violations(browser, site):  # noqa: F811
    served = serve_papers(site)
    form = served.ticket.replace("/v/", "/survei/")
    for url in (served.ticket, form, form + "?lang=en", site.papers["q"].replace("/v/", "/survei/"), f"{site.url}/survei"):
        context, page = open_page(browser, url, bypass_csp=True)  # axe is injected as a script: the CSP forbids it
        try:
            assert serious_violations(page) == [], url
        finally:
            context.close()
    context, page = open_page(browser, form, bypass_csp=True)
    try:
        page.get_by_role("button", name="Kirim").click()  # nothing answered: the form again with its message
        assert "Jawablah paling sedikit satu" in page.locator("#notice").inner_text()
        assert serious_violations(page) == []
        page.get_by_role("group", name=re.compile(r"^3\. ")).get_by_label("Sangat cepat", exact=True).check()
        page.get_by_role("button", name="Kirim").click()
        assert page.locator("#survey-thanks").count() == 1
        assert serious_violations(page) == []
    finally:
        context.close()
