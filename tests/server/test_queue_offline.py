"""A kiosk that keeps issuing while the server is away: numbers from its leased block, sent when it returns."""

from __future__ import annotations

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
