"""A kiosk that keeps issuing while the server is away: numbers from its leased block, sent when it returns."""

from __future__ import annotations

import re
import threading

import httpx
import psycopg
import pytest

from mpp_desk.queue.errors import QueueOffline
from mpp_desk.queue.offline import OfflineKiosk
from mpp_desk.queue.remote import RemoteQueue
from tests.server.conftest import _free_port, enroll
from tests.server.queue_support import TUESDAY_10, CentralProcess, credential, queue_config, seed_records


def test_the_kiosk_issues_from_its_block_offline_and_the_server_takes_them_back(server_db, office_clock, tmp_path):
    office_clock.set(TUESDAY_10, running=True)
    seed_records(server_db, queue_config([("A", "Perizinan", None), ("B", "Non-perizinan", 25)], [(1, ["A", "B"])]))
    central = CentralProcess(server_db, _free_port(), TUESDAY_10).start()
    try:
        creds = {name: credential(central.url, enroll(server_db, name, role))
                 for name, role in (("kiosk", "kiosk"), ("kiosk-2", "kiosk"), ("loket-1", "counter"))}
        kiosk = OfflineKiosk(RemoteQueue(central.url, creds["kiosk"], attempts=1), tmp_path, block_size=20)
        other = RemoteQueue(central.url, creds["kiosk-2"])
        counter = RemoteQueue(central.url, creds["loket-1"])
        assert kiosk.refill() == {"A": 20, "B": 20}
        assert kiosk.issue(group_code="A").ticket.code == "A021"  # online: the server's numbers, past the block
        assert other.issue(group_code="A").ticket.code == "A022"
        kiosk.low_water = 21  # ask for more: B's daily limit (25) caps its second block at 5 numbers
        assert kiosk.refill() == {"A": 40, "B": 25}

        central.kill()
        offline = [kiosk.issue(group_code=code).ticket for code in ("A", "A", "B")]
        assert [t.code for t in offline] == ["A001", "A002", "B001"]
        assert offline[1].status == "waiting" and kiosk.remaining(offline[0].group_code, offline[0].service_date) == 38
        assert len(OfflineKiosk(kiosk.remote, tmp_path).pending) == 3  # on disk: a restarted kiosk keeps them
        with pytest.raises(QueueOffline):
            kiosk.issue(group_code="Z")  # no block for it: the server's absence is said, nothing invented

        central.start()
        assert kiosk.upload() == {"stored": 3, "refused": 0}
        assert kiosk.pending == [] and kiosk.upload() == {"stored": 0, "refused": 0}
        # sent twice (the answer lost): stored once
        headers = {"Authorization": f"Bearer {creds['kiosk']}", "X-MPP-Protocol": "1"}
        again = httpx.post(f"{central.url}/v1/queue/offline-tickets", headers=headers, json={"tickets": [
            {"id": str(offline[0].id), "group_code": "A", "number": 1, "service_date": "2026-11-24",
             "issued_at": offline[0].issued_at.isoformat()}]})
        assert again.json()["results"][0]["status"] == "stored"
        # a number outside the kiosk's blocks is refused, never stored
        forged = httpx.post(f"{central.url}/v1/queue/offline-tickets", headers=headers, json={"tickets": [
            {"id": "00000000-0000-4000-8000-000000000001", "group_code": "A", "number": 90, "service_date": "2026-11-24",
             "issued_at": offline[0].issued_at.isoformat()}]})
        assert forged.json()["results"][0]["status"] == "refused"

        with psycopg.connect(server_db) as conn:
            rows = conn.execute("SELECT code FROM q_tickets ORDER BY issued_at").fetchall()
            events = conn.execute("SELECT count(*) FROM q_events WHERE type = 'issued'").fetchone()[0]
        assert [c for (c,) in rows] == ["A021", "A022", "A001", "A002", "B001"]
        assert events == 5
        called = []
        while (ticket := counter.call_next(counter_number=1)) is not None:
            called.append(ticket.code)
            counter.mark_no_show(ticket_id=ticket.id, counter_number=1)
        assert called == ["A021", "A022", "A001", "A002", "B001"]  # by issue time: the offline ones keep their place
    finally:
        central.stop()


def _verdict(html: str) -> dict[str, str]:
    found = re.search(r'<section id="verdict"[^>]*>', html)
    assert found, html[:2000]
    return dict(re.findall(r'data-(\w+)="([^"]*)"', found.group(0)))


@pytest.mark.slow
def test_tickets_issued_while_the_server_was_killed_arrive_once_unique_and_verify_on_the_public_page(
        server_db, office_clock, app_ctx):
    """The kiosk joined as a PC does (its signing key registered); the server is killed; the kiosk issues from its
    block with signed QR codes; the server comes back while a second kiosk issues online in the same group:
    every ticket arrives, no number twice, and each offline ticket's QR is genuine on the public page."""
    from mpp_desk import signing
    from mpp_desk.sync.client import ServerApi, register_audit

    office_clock.set(TUESDAY_10, running=True)
    seed_records(server_db, queue_config([("A", "Perizinan", None)], [(1, ["A"])]))
    central = CentralProcess(server_db, _free_port(), TUESDAY_10).start()
    try:
        joined = httpx.post(f"{central.url}/v1/enroll", timeout=10, json={
            "protocol": 1, "code": enroll(server_db, "kiosk", "kiosk"), "local_device_id": app_ctx.db.device_id})
        cred = joined.json()["credential"]
        with ServerApi(central.url, cred) as api:
            register_audit(app_ctx.db, app_ctx.data_dir, api)
        kiosk = OfflineKiosk(RemoteQueue(central.url, cred, attempts=1, ctx=app_ctx), app_ctx.data_dir, block_size=10)
        other = RemoteQueue(central.url, credential(central.url, enroll(server_db, "kiosk-2", "kiosk")))
        assert kiosk.upkeep().remaining == {"A": 10}
        online = [other.issue(group_code="A").ticket.code for _ in range(3)]
        first = kiosk.issue(group_code="A")  # online: the server's number, past the block; the QR signed alike
        online.append(first.ticket.code)
        first_token = signing.extract_token(kiosk.slip(first).qr_data)
        with httpx.Client(timeout=10) as http:
            assert _verdict(http.get(f"{central.url}/v/{first_token}").text)["valid"] == "true"

        central.kill()
        issued = [kiosk.issue(group_code="A") for _ in range(6)]
        slips = [kiosk.slip(t) for t in issued]
        for t in issued:
            kiosk.mark_printed(ticket_id=t.ticket.id)
        away = kiosk.upkeep()
        assert not away.online and away.pending == 6 and away.remaining == {"A": 4}
        assert [t.ticket.code for t in issued] == [f"A{n:03d}" for n in range(1, 7)]

        central.start()
        tokens = [signing.extract_token(s.qr_data) for s in slips]
        with httpx.Client(timeout=10) as http:
            before = _verdict(http.get(f"{central.url}/v/{tokens[0]}").text)
            assert before["valid"] == "false"  # not on the server yet: never shown as genuine
            done = threading.Event()

            def second_kiosk() -> None:
                while not done.is_set() or len(online) < 14:
                    online.append(other.issue(group_code="A").ticket.code)

            worker = threading.Thread(target=second_kiosk)
            worker.start()
            back = kiosk.upkeep()
            done.set()
            worker.join(30)
            assert back.online and back.pending == 0 and back.uploaded == 6
            for token in tokens:
                verdict = _verdict(http.get(f"{central.url}/v/{token}").text)
                assert verdict["valid"] == "true", verdict
            forged = tokens[0][:-4] + ("AAAA" if not tokens[0].endswith("AAAA") else "BBBB")
            assert _verdict(http.get(f"{central.url}/v/{forged}").text)["valid"] == "false"

        with psycopg.connect(server_db) as conn:
            rows = conn.execute("SELECT code, printed FROM q_tickets WHERE group_code = 'A'").fetchall()
        codes = [c for c, _ in rows]
        assert len(codes) == len(set(codes)) == 6 + len(online)  # 0 lost, 0 duplicates
        assert {f"A{n:03d}" for n in range(1, 7)} <= set(codes)
        assert all(printed for code, printed in rows if code in {t.ticket.code for t in issued})
        assert not set(online) & {t.ticket.code for t in issued}
    finally:
        central.stop()
