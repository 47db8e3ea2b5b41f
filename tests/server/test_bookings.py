"""Booked visits (issue 17) on mpp-central over a real PostgreSQL, in process (TestClient), the clock pinned:
the public pages book a place, the kiosk's device redeems the code through RemoteQueue for a ticket at once,
unused bookings are released back to walk-ins, and the channels are counted."""

from __future__ import annotations

import datetime as dt
import re
import uuid

import pytest

from mpp_desk.queue.errors import BookingRefused, DailyLimitReached, QueueNotFound
from mpp_desk.queue.remote import RemoteQueue
from tests.server.conftest import enroll
from tests.server.queue_support import TUESDAY_10, WIB, queue_config, record, seed_records

TUESDAY = TUESDAY_10.date()
WEDNESDAY = TUESDAY + dt.timedelta(days=1)
PHONE = "0812-3456-7890"
NAME = "Budi Santoso"


def wib(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=WIB)


@pytest.fixture
def office(server_db, office_clock, monkeypatch):
    """Groups A (limit 20, half of it for bookings, 30-minute slots 08.00-15.00) and B (no limit, no bookings),
    a service of A, Thursday 26 November closed; the app in process; a kiosk's RemoteQueue on it."""
    from fastapi.testclient import TestClient

    from mpp_desk.server import bookings
    from mpp_desk.server.app import create_app
    from mpp_desk.server.db import make_engine
    from mpp_desk.server.queue_config import load
    from mpp_desk.server.settings import ServerSettings

    office_clock.set(TUESDAY_10, running=False)
    rows = queue_config([("A", "Perizinan", 20), ("B", "Non-perizinan", None)], [(1, ["A", "B"])])
    service = record("service_standard", title="Izin Usaha Mikro", kbli="47111", queue_group_id=rows[0][1]["id"])
    closed = record("calendar_override", day="2026-11-26", kind="closed", reason="Rapat kantor")
    seed_records(server_db, [*rows, service, closed])
    engine = make_engine(ServerSettings(database_url=server_db).database_url, pool_size=2)
    with engine.begin() as conn:
        bookings.set_settings(conn, load(conn), group_code="A", share_percent=50, now=TUESDAY_10)
    code = enroll(server_db, "kiosk", "kiosk")
    try:
        with TestClient(create_app(ServerSettings(database_url=server_db), engine)) as client:
            cred = client.post("/v1/enroll", json={"protocol": 1, "code": code, "local_device_id": ""}).json()["credential"]
            kiosk = RemoteQueue("http://testserver", cred, transport=client._transport, retry_pause=0.01)
            yield client, kiosk, engine, uuid.UUID(service[1]["id"])
            kiosk.close()
    finally:
        engine.dispose()


def links(html: str) -> list[str]:
    return [h.replace("&amp;", "&") for h in re.findall(r'<a href="(/kunjungan\?[^"]+)"', html)]


def book_on_pages(client, *, day: dt.date = TUESDAY, slot: str = "1030", name: str = NAME, phone: str = PHONE,
                  lang: str = "id"):
    """Through the pages as a phone would: service, day, time, the form; returns the POST's answer."""
    home = client.get("/kunjungan" + ("?lang=en" if lang == "en" else ""))
    assert home.status_code == 200
    service_link = next(h for h in links(home.text) if "layanan=" in h)
    days = client.get(service_link)
    day_link = next(h for h in links(days.text) if f"hari={day.isoformat()}" in h)
    slots = client.get(day_link)
    slot_link = next(h for h in links(slots.text) if f"jam={slot}" in h)
    form = client.get(slot_link)
    assert '<form method="post" action="/kunjungan"' in form.text
    hidden = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', form.text))
    return client.post("/kunjungan", data={**hidden, "name": name, "phone": phone}, follow_redirects=False)


def test_a_citizen_books_on_the_pages_and_sees_the_code_qr_and_no_more(office):
    client, _kiosk, _engine, _service = office
    home = client.get("/kunjungan")
    assert "Izin Usaha Mikro" in home.text and "Perizinan" in home.text and "Non-perizinan" not in home.text
    days = client.get(next(h for h in links(home.text) if "layanan=" in h))
    assert "Selasa, 24 November 2026 · 9 tempat tersedia" in days.text  # 10.30-15.00: nine slots of one place
    assert "Rabu, 25 November 2026 · 10 tempat tersedia" in days.text
    assert "26 November" not in days.text  # the calendar closes Thursday
    slots = client.get(next(h for h in links(days.text) if "hari=2026-11-24" in h))
    assert "10.00–10.30" not in slots.text  # begun already (10.00 now)
    assert "10.30–11.00" in slots.text and "14.30–15.00" in slots.text

    answer = book_on_pages(client)
    assert answer.status_code == 303, answer.text[:500]
    target = answer.headers["location"]
    assert re.fullmatch(r"/kunjungan/kode/[ACDEFGHJKMNPRTUVWXY346789]{8}", target)
    page = client.get(target)
    assert page.status_code == 200
    code = target.rsplit("/", 1)[1]
    assert f'data-code="{code}"' in page.text and 'data-status="booked"' in page.text
    assert "<svg" in page.text and 'role="img"' in page.text
    assert "B*** S******" in page.text and "••••7890" in page.text
    assert NAME not in page.text and "081234567890" not in page.text and "3456" not in page.text
    assert "10.30–11.00 WIB" in page.text and "Selasa, 24 November 2026" in page.text
    headers = page.headers
    assert headers["content-security-policy"].startswith("default-src 'none'")
    assert "script" not in page.text.lower() and "set-cookie" not in headers
    assert len(page.content) < 60_000
    english = client.get(target + "?lang=en")
    assert "Your booking" in english.text and "Booking code" in english.text

    # the QR code's text is the code alone, for a kiosk's scanner
    import zxingcpp
    from PIL import Image

    from mpp_desk.printing.qr import qr_matrix
    matrix = qr_matrix(code)
    image = Image.new("L", (len(matrix) + 8, len(matrix) + 8), 255)
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                image.putpixel((x + 4, y + 4), 0)
    image = image.resize((image.width * 8, image.height * 8), Image.Resampling.NEAREST)
    assert [c.text for c in zxingcpp.read_barcodes(image)] == [code]


def test_refusals_closed_day_hours_past_full_and_one_per_phone(office):
    from mpp_desk.server import bookings
    from mpp_desk.server.queue_config import load

    client, _kiosk, engine, _service = office
    with engine.begin() as conn:
        cfg = load(conn)

        def book(**kw):
            values = {"group_code": "A", "service_id": None, "day": WEDNESDAY, "slot": "0900", "name": NAME,
                      "phone": PHONE, "now": TUESDAY_10, **kw}
            return bookings.book(conn, cfg, b"k", **values)

        for kw, words in (({"day": dt.date(2026, 11, 26)}, "closed"), ({"slot": "0700"}, "outside"),
                          ({"slot": "1500"}, "outside"), ({"day": TUESDAY, "slot": "0900"}, "passed"),
                          ({"day": TUESDAY - dt.timedelta(days=1)}, "passed"), ({"group_code": "B"}, "cannot be booked")):
            with pytest.raises(BookingRefused) as refused:
                book(**kw)
            assert words in str(refused.value), (kw, str(refused.value))
        with pytest.raises(Exception) as bad_phone:
            book(phone="12345")
        assert getattr(bad_phone.value, "field", None) == "phone"
        first = book()
        assert first.status == "booked" and first.phone_last == "7890"
        with pytest.raises(BookingRefused) as twice:
            book(slot="0930", phone="+62 812 3456 7890")  # the same phone, written otherwise
        assert "already has a booking" in str(twice.value)
        with pytest.raises(BookingRefused) as full:  # one place per slot (10 places over 14 slots)
            book(phone="081299990000")
        assert "fully booked" in str(full.value)
        for i, slot in enumerate(("0930", "1000", "1030", "1100", "1130", "1200", "1230", "1300", "1330")):
            book(slot=slot, phone=f"08129999{i:04d}")
        with pytest.raises(BookingRefused) as day_full:  # 10 places taken: the share of the day is full
            book(slot="1400", phone="081277770000")
        assert "fully booked" in str(day_full.value)
    refused_page = book_on_pages(client, day=TUESDAY, slot="1030", phone="12")
    assert refused_page.status_code == 422 and 'aria-invalid="true"' in refused_page.text
    assert "08" in refused_page.text and 'id="notice"' in refused_page.text


def test_the_kiosk_redeems_a_booking_at_once_and_refuses_what_it_must(office, office_clock):
    client, kiosk, engine, _service = office
    from mpp_desk.server import bookings

    code = book_on_pages(client, slot="1100").headers["location"].rsplit("/", 1)[1]
    later = book_on_pages(client, day=WEDNESDAY, slot="0900", phone="081355550000").headers["location"].rsplit("/", 1)[1]
    with pytest.raises(BookingRefused) as early:  # 10.00: the 11.00 slot opens its ticket from 10.30
        kiosk.redeem_booking(code=code)
    assert "10.30" in early.value.text("id") and "11.00" in early.value.text("id")
    with pytest.raises(BookingRefused) as wrong_day:
        kiosk.redeem_booking(code=later)
    assert "Rabu, 25 November 2026" in wrong_day.value.text("id")
    with pytest.raises(QueueNotFound):
        kiosk.redeem_booking(code="ACDEFGHJ")
    walk_in = kiosk.issue(group_code="A")
    office_clock.set(wib(TUESDAY, 10, 40), running=False)
    issued = kiosk.redeem_booking(code=code.lower()[:4] + "-" + code.lower()[4:])  # typed loosely
    assert issued.ticket.code == "A002" and issued.ticket.group_code == "A" and issued.ahead == 1
    with pytest.raises(BookingRefused) as used:
        kiosk.redeem_booking(code=code)
    assert "sudah dipakai" in used.value.text("id")
    page = client.get(f"/kunjungan/kode/{code}")
    assert 'data-status="used"' in page.text and "<svg" not in page.text
    with engine.begin() as conn:
        assert bookings.channel_counts(conn, TUESDAY) == {"kiosk": 1, "booking": 1, "offline": 0}
        assert bookings.booking_counts(conn, TUESDAY, now=wib(TUESDAY, 10, 40))["used"] == 1
    assert walk_in.ticket.code == "A001"


def test_unused_bookings_are_released_and_their_places_go_back_to_walk_ins(office, office_clock):
    from mpp_desk.server import bookings
    from mpp_desk.server.queue_config import load

    _client, kiosk, engine, _service = office
    with engine.begin() as conn:
        cfg = load(conn)
        held = [bookings.book(conn, cfg, b"k", group_code="A", service_id=None, day=TUESDAY, slot=slot, name=NAME,
                              phone=phone, now=TUESDAY_10) for slot, phone in (("1030", "081211110000"),
                                                                                ("1100", "081222220000"))]
    office_clock.set(wib(TUESDAY, 10, 5), running=False)
    codes = [kiosk.issue(group_code="A").ticket.code for _ in range(18)]
    assert codes[-1] == "A018"
    with pytest.raises(DailyLimitReached):  # 18 numbers + 2 places held = the limit of 20
        kiosk.issue(group_code="A")
    status = {g.code: g for g in kiosk.kiosk_status()}
    assert status["A"].open is False and status["B"].open is True
    office_clock.set(wib(TUESDAY, 11, 15), running=False)  # 10.30-11.00 + 15 minutes' grace: the first is released
    assert kiosk.issue(group_code="A").ticket.code == "A019"
    with pytest.raises(BookingRefused) as released:
        kiosk.redeem_booking(code=held[0].code)
    assert "dilepas" in released.value.text("id")
    assert kiosk.redeem_booking(code=held[1].code).ticket.code == "A020"  # the second is still held: its place
    with engine.begin() as conn:
        counts = bookings.booking_counts(conn, TUESDAY, now=wib(TUESDAY, 11, 15))
        assert counts["released"] == 1 and counts["used"] == 1
        assert bookings.channel_counts(conn, TUESDAY) == {"kiosk": 19, "booking": 1, "offline": 0}
    with pytest.raises(DailyLimitReached):
        kiosk.issue(group_code="A")


def test_cancel_needs_the_code_and_the_phone_digits_and_guessing_is_limited(office):
    client, _kiosk, _engine, _service = office
    code = book_on_pages(client, slot="1200").headers["location"].rsplit("/", 1)[1]
    wrong = client.post("/kunjungan/batal", data={"code": code, "phone": "0000"})
    assert wrong.status_code == 404 and 'id="notice"' in wrong.text and code not in wrong.text
    done = client.post("/kunjungan/batal", data={"code": code, "phone": "7890"})
    assert done.status_code == 200 and 'data-status="cancelled"' in done.text
    again = book_on_pages(client, slot="1200")  # the phone and the place are free again
    assert again.status_code == 303
    answers = [client.get("/kunjungan/kode/ACDEFGH" + c).status_code for c in "JKMNPRTUVW"]
    assert 404 in answers and answers[-1] == 429  # ten lookups in ten minutes per address


def test_the_administrator_sets_the_share_and_reads_the_days_figures_and_old_names_are_forgotten(office, server_db,
                                                                                                 office_clock):
    import json

    from tests.server.conftest import central

    client, kiosk, engine, _service = office
    status, out, err = central("booking", "set", "a", "--share", "25", "--slot", "60", "--database", server_db, "--json")
    assert status == 0, err
    assert json.loads(out) == {"group": "A", "share_percent": 25, "slot_minutes": 60, "grace_minutes": 15,
                               "early_minutes": 30, "days_ahead": 5}
    assert central("booking", "set", "Z", "--share", "25", "--database", server_db)[0] == 2
    assert central("booking", "set", "A", "--share", "120", "--database", server_db)[0] == 2
    slots = client.get(next(h for h in links(client.get("/kunjungan").text) if "antrian=A" in h).replace(
        "antrian=A", "antrian=A&hari=2026-11-25"))
    assert "08.00–09.00" in slots.text and "08.30" not in slots.text  # hour-long slots: 5 places over 7 of them
    assert book_on_pages(client, slot="1100").status_code == 303
    kiosk.issue(group_code="B")
    status, out, _ = central("booking", "list", "--database", server_db, "--json")
    listed = json.loads(out)
    assert listed["groups"][0] == {"group": "A", "daily_limit": 20, "share_percent": 25, "places": 5, "slot_minutes": 60,
                                   "grace_minutes": 15, "early_minutes": 30, "days_ahead": 5}
    assert listed["bookings"]["booked"] == 1 and listed["channels"] == {"kiosk": 1, "booking": 0, "offline": 0}
    office_clock.set(TUESDAY_10 + dt.timedelta(days=40), running=False)
    status, out, _ = central("booking", "purge", "--database", server_db, "--json")
    assert json.loads(out)["names_forgotten"] == 1
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT name FROM q_bookings").scalars().all() == [""]
