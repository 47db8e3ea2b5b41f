"""My place in the queue in a real browser (Debian's chromium via Playwright): a ticket printed by the kiosk's
RemoteQueue, its QR decoded from the PDF, opened at 360x740; the counters call and the page follows live,
then says when the ticket is called; axe-core finds no serious violation; screenshots saved."""

from __future__ import annotations

import ssl
import time
from types import SimpleNamespace

import httpx
import pytest

from mpp_desk.queue.remote import RemoteQueue
from tests.server.conftest import enroll
from tests.server.public_support import start_server
from tests.server.queue_support import TUESDAY_10, queue_config, seed_records
from tests.server.test_public_browser import PHONE, browser, open_page, qr_in_pdf, serious_violations, shoot

pytestmark = pytest.mark.slow
__all__ = ["browser"]  # the fixture, shared with the other browser tests


@pytest.fixture
def office(server_db, office_clock, make_pc, tmp_path):
    """Group A at counters 1 and 2; a kiosk PC whose slips point at this server's /v/."""
    from mpp_desk import settings
    from tests.intake_support import make_officer

    office_clock.set(TUESDAY_10, running=True)
    seed_records(server_db, queue_config([("A", "Perizinan", None)], [(1, ["A"]), (2, ["A"])]))
    # over TLS (the verification address must be https), its clock at the office's Tuesday 10.00
    url, ca, proc = start_server(server_db, tmp_path, {"MPP_TEST_CLOCK": f"{TUESDAY_10.isoformat()}@{time.time():.6f}",
                                                       "MPP_CENTRAL_QUEUE_CONFIG_CHECK_S": "0"})
    pc = make_pc("kiosk")
    admin = make_officer(pc, "admin1", "Admin Kantor", role="administrator")
    with pc.uow(actor=admin) as uow:
        settings.set(uow, key="receipts.verify_base_url", value=f"{url}/v/")
        uow.commit()
    context = ssl.create_default_context(cafile=ca)
    creds = {}
    for name, role in (("kiosk", "kiosk"), ("loket-1", "counter"), ("loket-2", "counter")):
        answer = httpx.post(f"{url}/v1/enroll", json={"protocol": 1, "code": enroll(server_db, name, role),
                                                      "local_device_id": ""}, verify=context, timeout=10)
        creds[name] = answer.json()["credential"]
    queues = {"kiosk": RemoteQueue(url, creds["kiosk"], ca_file=ca, ctx=pc, retry_pause=0.05),
              **{n: RemoteQueue(url, creds[n], ca_file=ca, retry_pause=0.05) for n in ("loket-1", "loket-2")}}
    yield SimpleNamespace(url=url), queues
    for q in queues.values():
        q.close()
    proc.terminate()
    proc.wait(10)


def test_a_printed_ticket_follows_the_queue_live_and_says_when_it_is_called(browser, office, tmp_path):
    from mpp_desk.printing.pdf import render_ticket_pdf

    central, q = office
    for _ in range(2):
        q["kiosk"].issue(group_code="A")
    mine = q["kiosk"].issue(group_code="A")
    (tmp_path / "paper").mkdir()
    url = qr_in_pdf(render_ticket_pdf(q["kiosk"].slip(mine)), tmp_path / "paper")
    assert url.startswith(f"{central.url}/v/q1.")
    context, page = open_page(browser, url)
    try:
        assert page.locator("#code").inner_text() == "A003"
        assert page.locator("#ahead").inner_text() == "2 orang"
        assert page.locator("#called").is_hidden()
        assert page.evaluate("document.cookie") == ""
        page.wait_for_function("() => document.getElementById('live').textContent !== ''")
        shoot(page, "queue_place_waiting")
        page.set_viewport_size(PHONE)

        assert q["loket-1"].call_next(counter_number=1).code == "A001"  # another number: one fewer ahead
        page.wait_for_function("() => document.getElementById('ahead').textContent === '1 orang'", timeout=3000)
        assert page.locator('tr[data-counter="1"] td.code').inner_text() == "A001"
        assert q["loket-2"].call_next(counter_number=2).code == "A002"
        page.wait_for_function("() => document.getElementById('ahead').textContent.startsWith('Tidak ada')",
                               timeout=3000)
        assert "1 orang" not in page.locator("#live").inner_text()

        q["loket-1"].start_service(ticket_id=q["loket-1"].counter_state(counter_number=1).current.id, counter_number=1)
        current = q["loket-1"].counter_state(counter_number=1).current
        q["loket-1"].finish(ticket_id=current.id, counter_number=1)
        assert q["loket-1"].call_next(counter_number=1).code == "A003"  # this ticket
        page.locator("#called").wait_for(state="visible", timeout=3000)
        assert page.locator("#called").inner_text() == "Nomor Anda dipanggil: silakan menuju Loket 1 sekarang."
        assert page.locator("#called").get_attribute("role") == "alert"
        assert page.title().startswith("▶ Dipanggil: Loket 1")
        assert page.locator("#status").inner_text() == "Dipanggil ke Loket 1"
        shoot(page, "queue_place_called")
        page.set_viewport_size(PHONE)
    finally:
        context.close()


def test_the_place_page_without_script_and_in_english(browser, office):
    central, q = office
    q["kiosk"].issue(group_code="A")
    mine = q["kiosk"].issue(group_code="A")
    from mpp_desk.queue import remote

    url = f"{central.url}/antrian/{remote.REFERENCES[mine.ticket.id]}"
    context = browser.new_context(viewport=PHONE, java_script_enabled=False, ignore_https_errors=True)
    page = context.new_page()
    try:
        page.goto(url + "?lang=en")
        assert page.locator("#ahead").inner_text() == "1 person"
        assert page.locator("#wait").inner_text() == "not known yet"
        assert page.get_by_role("link", name="Reload").count() == 1
        shoot(page, "queue_place_noscript_en")
    finally:
        context.close()


def test_the_place_page_has_no_serious_accessibility_violation(browser, office):
    central, q = office
    q["kiosk"].issue(group_code="A")
    mine = q["kiosk"].issue(group_code="A")
    from mpp_desk.queue import remote

    ref = remote.REFERENCES[mine.ticket.id]
    q["loket-1"].call_next(counter_number=1)
    for url in (f"{central.url}/v/{ref}", f"{central.url}/v/{ref}?lang=en", f"{central.url}/v/q1.AAAA.BBBB"):
        context, page = open_page(browser, url, bypass_csp=True)  # axe is injected as a script: the CSP forbids it
        try:
            assert serious_violations(page) == [], url
        finally:
            context.close()
    q["loket-2"].call_next(counter_number=2)  # this ticket called: the banner too
    context, page = open_page(browser, f"{central.url}/v/{ref}", bypass_csp=True)
    try:
        assert page.locator("#called").is_visible()
        assert serious_violations(page) == []
    finally:
        context.close()
