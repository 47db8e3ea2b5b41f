"""A joined kiosk's printed ticket in a real browser (Debian's chromium via Playwright): the PDF the kiosk prints,
its QR (signed with the kiosk PC's key) decoded from the rendered page, opened at 360x740: the place in the queue
under a "genuine" line, following the counters live; axe-core finds no serious violation; screenshots saved."""

from __future__ import annotations

import time

import pytest

from mpp_desk.queue.offline import OfflineKiosk
from mpp_desk.queue.remote import RemoteQueue, remote_backend_if_joined
from mpp_desk.sync import client
from tests.server.conftest import desk_json, enroll
from tests.server.public_support import start_server
from tests.server.queue_support import TUESDAY_10, queue_config, seed_records
from tests.server.test_public_browser import browser, open_page, qr_in_pdf, serious_violations, shoot

pytestmark = pytest.mark.slow
__all__ = ["browser"]  # the fixture, shared with the other browser tests


@pytest.fixture
def office(server_db, office_clock, make_pc, tmp_path):
    """Group A at counters 1 and 2 over TLS; a kiosk PC and a counter PC joined (the kiosk's key registered)."""
    from mpp_desk import settings
    from tests.intake_support import make_officer

    office_clock.set(TUESDAY_10, running=True)
    seed_records(server_db, queue_config([("A", "Perizinan", None)], [(1, ["A"]), (2, ["A"])]))
    url, ca, proc = start_server(server_db, tmp_path, {"MPP_TEST_CLOCK": f"{TUESDAY_10.isoformat()}@{time.time():.6f}",
                                                       "MPP_CENTRAL_QUEUE_CONFIG_CHECK_S": "0"})
    pcs = {}
    for name, role in (("kiosk", "kiosk"), ("loket-1", "counter")):
        pc = pcs[name] = make_pc(name)
        admin = make_officer(pc, "admin1", "Admin Kantor", role="administrator")
        with pc.uow(actor=admin) as uow:
            settings.set(uow, key="receipts.verify_base_url", value=f"{url}/v/")
            uow.commit()
        desk_json(pc, "sync", "join", url, enroll(server_db, name, role), "--ca", ca)
        client.sync_now(pc.db, pc.data_dir)
    remote = remote_backend_if_joined(pcs["kiosk"])
    counter = remote_backend_if_joined(pcs["loket-1"])
    assert isinstance(remote, RemoteQueue) and isinstance(counter, RemoteQueue)
    yield url, OfflineKiosk(remote, pcs["kiosk"].data_dir), counter
    proc.terminate()
    proc.wait(10)


def test_the_kiosks_printed_ticket_opens_its_place_in_the_browser(browser, office, tmp_path):
    from mpp_desk.printing.pdf import render_ticket_pdf

    url, kiosk, counter = office
    kiosk.issue(group_code="A")
    mine = kiosk.issue(group_code="A")
    (tmp_path / "paper").mkdir()
    scanned = qr_in_pdf(render_ticket_pdf(kiosk.slip(mine)), tmp_path / "paper")
    assert scanned.startswith(f"{url}/v/") and "/v/q1." not in scanned  # the kiosk PC's signature
    context, page = open_page(browser, scanned)
    try:
        assert page.locator("#verdict").get_attribute("data-valid") == "true"
        assert page.locator("#verdict").inner_text().startswith("✓ Tiket antrian ini asli")
        assert page.locator("#code").inner_text() == "A002"
        assert page.locator("#ahead").inner_text() == "1 orang"
        page.wait_for_function("() => document.getElementById('live').textContent !== ''")
        assert counter.call_next(counter_number=1).code == "A001"
        page.wait_for_function("() => document.getElementById('ahead').textContent.startsWith('Tidak ada')",
                               timeout=3000)
        assert counter.call_next(counter_number=2).code == "A002"  # this ticket
        page.locator("#called").wait_for(state="visible", timeout=3000)
        assert page.locator("#called").inner_text() == "Nomor Anda dipanggil: silakan menuju Loket 2 sekarang."
        shoot(page, "queue_place_kiosk_code")
    finally:
        context.close()
    context, page = open_page(browser, scanned, bypass_csp=True)  # axe is injected as a script
    try:
        assert serious_violations(page) == []
    finally:
        context.close()
