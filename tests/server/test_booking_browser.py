"""Booking a visit in a real browser at a phone's size (Debian's chromium driven by Playwright) on a real
mpp-central: service, day, time, name and phone; the confirmation's QR code read back from the screenshot;
the kiosk's device redeems the code through RemoteQueue and gets its ticket at once; axe-core finds no
serious violation on any step; screenshots at 360x740 in screenshots/public/booking_*."""

from __future__ import annotations

import pytest

from mpp_desk.queue.remote import RemoteQueue
from tests.server.conftest import _free_port, enroll
from tests.server.queue_support import TUESDAY_10, CentralProcess, credential, queue_config, record, seed_records
from tests.server.test_public_browser import PHONE, SHOTS, browser, serious_violations

__all__ = ["browser"]  # the fixture, shared with test_public_browser.py

pytestmark = pytest.mark.slow


@pytest.fixture
def central(server_db, office_clock):
    from mpp_desk.server import bookings
    from mpp_desk.server.db import make_engine
    from mpp_desk.server.queue_config import load

    office_clock.set(TUESDAY_10, running=False)
    rows = queue_config([("A", "Perizinan", 40), ("B", "Non-perizinan", None)], [(1, ["A", "B"])])
    seed_records(server_db, [*rows, record("service_standard", title="Izin Usaha Mikro Kecil", kbli="47111",
                                           queue_group_id=rows[0][1]["id"]),
                             record("service_standard", title="Sertifikat Standar", kbli="10792",
                                    queue_group_id=rows[0][1]["id"])])
    engine = make_engine(server_db.replace("postgresql://", "postgresql+psycopg://"))
    with engine.begin() as conn:
        bookings.set_settings(conn, load(conn), group_code="A", share_percent=25, now=TUESDAY_10)
    engine.dispose()
    process = CentralProcess(server_db, _free_port(), TUESDAY_10).start()
    yield process, server_db
    process.stop()


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"booking_{name}_phone.png"), full_page=True)


def checked(page, name: str) -> None:
    """A screenshot of the step, then axe-core on it (injected: the page's CSP forbids scripts, so a
    context that bypasses it looks at the same address)."""
    shot(page, name)
    axe_context = page.context.browser.new_context(viewport=PHONE, bypass_csp=True)
    try:
        axe_page = axe_context.new_page()
        axe_page.goto(page.url)
        assert serious_violations(axe_page) == [], (name, page.url)
    finally:
        axe_context.close()


def test_a_visit_is_booked_on_a_phone_and_the_kiosk_issues_its_ticket_at_once(browser, central, tmp_path):
    process, server_db = central
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    try:
        page.goto(f"{process.url}/kunjungan")
        checked(page, "1_services")
        page.get_by_role("link", name="Izin Usaha Mikro Kecil").click()
        assert "Pilih hari" in page.locator("h1").inner_text()
        checked(page, "2_days")
        page.get_by_role("link", name="Rabu, 25 November 2026").click()
        checked(page, "3_times")
        page.get_by_role("link", name="09.00–09.30").click()
        checked(page, "4_details")
        page.get_by_label("Nama").fill("Siti Rahmawati")
        page.get_by_label("Nomor ponsel").fill("0813 1234 5678")
        page.get_by_role("button", name="Pesan").click()
        booking = page.locator("#booking")
        code = booking.get_attribute("data-code")
        assert code and len(code) == 8 and booking.get_attribute("data-status") == "booked"
        text = booking.inner_text()
        assert "S*** R********" in text and "••••5678" in text and "Siti" not in page.content()
        assert page.evaluate("document.cookie") == ""
        assert len(page.content().encode()) < 60_000
        checked(page, "5_confirmation")

        import zxingcpp
        from PIL import Image

        page.locator("svg.qr").screenshot(path=str(tmp_path / "qr.png"))
        assert [c.text for c in zxingcpp.read_barcodes(Image.open(tmp_path / "qr.png"))] == [code]
    finally:
        context.close()

    # the kiosk, on Wednesday at 08.45 (the 09.00 slot's ticket is given from 08.30)
    process.stop()
    wednesday = TUESDAY_10.replace(day=25, hour=8, minute=45)
    later = CentralProcess(server_db, process.port, wednesday).start()
    try:
        with RemoteQueue(later.url, credential(later.url, enroll(server_db, "kiosk", "kiosk")), retry_pause=0.05) as kiosk:
            issued = kiosk.redeem_booking(code=code)
            assert issued.ticket.code == "A001" and issued.ticket.status == "waiting"
            assert kiosk.waiting_counts()["A"] == 1
    finally:
        later.stop()
