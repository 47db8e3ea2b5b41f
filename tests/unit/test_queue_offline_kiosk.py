"""The joined kiosk's offline decisions against a fake server: when it issues from its block, when it asks the
server again, what it sends back, and what it says when a group's block is used up."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from zoneinfo import ZoneInfo

import pytest

from mpp_desk.queue.errors import NoNumbersNow, QueueClosed, QueueOffline
from mpp_desk.queue.offline import AWAY_RETRY_S, STATE_FILE, UPKEEP_S, OfflineKiosk
from mpp_desk.queue.views import IssuedTicket, KioskGroupStatus, TicketView

WIB = ZoneInfo("Asia/Jakarta")
TUESDAY_10 = dt.datetime(2026, 11, 24, 10, 0, tzinfo=WIB)


class FakeServer:
    """The RemoteQueue's surface the kiosk uses: numbers, blocks, offline tickets; ``up`` switches it off."""

    def __init__(self) -> None:
        self.up = True
        self.calls: list[str] = []
        self.last = {"A": 0, "B": 0}
        self.stored: dict[str, dict] = {}
        self.limit: dict[str, int] = {}
        self.ctx = None

    def _check(self, what: str) -> None:
        self.calls.append(what)
        if not self.up:
            raise QueueOffline("The queue server cannot be reached ({reason}).", reason="ConnectError")

    def kiosk_status(self, *, now=None):
        self._check("status")
        return [KioskGroupStatus("A", "Perizinan", True, 3), KioskGroupStatus("B", "Non-perizinan", True, 0)]

    def issue(self, *, group_code=None, service_id=None, priority=False, priority_reason=None, now=None):
        self._check("issue")
        self.last[group_code] += 1
        number = self.last[group_code]
        view = TicketView(uuid.uuid4(), f"{group_code}{number:03d}", number, group_code, "Perizinan", group_code, None,
                          None, TUESDAY_10.date(), "waiting", False, None, TUESDAY_10, None, None, None, None, None,
                          None, False, 0, 0)
        return IssuedTicket(view, ahead=3, estimated_wait=dt.timedelta(minutes=12))

    def _request(self, method, path, *, json_body=None, params=None, write=False):
        self._check(path)
        if path == "/v1/queue/blocks":
            code = json_body["group_code"]
            if code in self.limit and self.last[code] >= self.limit[code]:
                raise QueueClosed("closed")
            first = self.last[code] + 1
            self.last[code] += json_body["size"]
            return {"group_code": code, "service_date": "2026-11-24", "first": first, "last": self.last[code]}
        assert path == "/v1/queue/offline-tickets"
        for t in json_body["tickets"]:
            self.stored[t["id"]] = t
        return {"results": [{"id": t["id"], "status": "stored"} for t in json_body["tickets"]]}


@pytest.fixture
def server():
    return FakeServer()


@pytest.fixture
def kiosk(server, tmp_path, office_clock):
    office_clock.set(TUESDAY_10, running=False)
    return OfflineKiosk(server, tmp_path, block_size=5, low_water=2)  # type: ignore[arg-type]


def test_online_the_upkeep_leases_blocks_and_comes_back_in_a_minute(kiosk, server):
    status = kiosk.upkeep()
    assert status.online and status.pending == 0 and status.remaining == {"A": 5, "B": 5}
    assert status.next_upkeep_s == UPKEEP_S
    assert server.calls.count("/v1/queue/blocks") == 2
    again = kiosk.upkeep()  # enough left: no new block
    assert again.remaining == {"A": 5, "B": 5} and server.calls.count("/v1/queue/blocks") == 2
    # online, the server numbers: past the block
    assert kiosk.issue(group_code="A").ticket.code == "A006"


def test_the_server_away_the_block_issues_and_later_taps_do_not_wait_for_the_server(kiosk, server):
    kiosk.upkeep()
    server.issue(group_code="A")  # A006 on the server: another kiosk
    server.up = False
    first = kiosk.issue(group_code="A")
    assert first.ticket.code == "A001" and first.ticket.status == "waiting"
    assert first.ahead == 3 and first.estimated_wait_minutes == 15  # 3 waiting; 5 min each before any estimate
    assert kiosk.away_since == TUESDAY_10
    tries = server.calls.count("issue")
    second = kiosk.issue(group_code="A")
    assert second.ticket.code == "A002" and second.ahead == 4
    assert server.calls.count("issue") == tries  # known away: straight from the block, no wait for a timeout
    tiles = {g.code: g.waiting for g in kiosk.kiosk_status()}
    assert tiles == {"A": 5, "B": 0}  # the last counts known plus the tickets issued here
    status = kiosk.status()
    assert not status.online and status.pending == 2 and status.remaining == {"A": 3, "B": 5}
    assert status.next_upkeep_s == AWAY_RETRY_S


def test_the_upkeep_sends_the_offline_tickets_as_soon_as_the_server_answers(kiosk, server):
    kiosk.upkeep()
    server.up = False
    issued = [kiosk.issue(group_code=c).ticket for c in ("A", "B", "A")]
    kiosk.mark_printed(ticket_id=issued[0].id)
    still = kiosk.upkeep()
    assert not still.online and still.pending == 3 and not server.stored
    server.up = True
    back = kiosk.upkeep()
    assert back.online and back.pending == 0 and back.uploaded == 3
    assert sorted((t["group_code"], t["number"]) for t in server.stored.values()) == [("A", 1), ("A", 2), ("B", 1)]
    assert server.stored[str(issued[0].id)]["printed"] and not server.stored[str(issued[1].id)]["printed"]
    assert back.remaining == {"A": 3, "B": 4}  # above the low water (2): no new block yet
    assert kiosk.issue(group_code="A").ticket.code not in {t.code for t in issued}  # online again: the server's


def test_a_used_up_block_with_the_server_away_says_so_and_writes_nothing(kiosk, server, tmp_path):
    kiosk.upkeep()
    server.up = False
    for _ in range(5):
        kiosk.issue(group_code="B")
    before = (tmp_path / STATE_FILE).read_text(encoding="utf-8")
    with pytest.raises(NoNumbersNow) as refused:
        kiosk.issue(group_code="B")
    assert refused.value.text() == ("Nomor antrian untuk Non-perizinan belum dapat diambil saat ini. "
                                    "Silakan bertanya kepada petugas di meja informasi.")
    assert isinstance(refused.value, QueueOffline)
    assert (tmp_path / STATE_FILE).read_text(encoding="utf-8") == before
    assert len(kiosk.pending) == 5 and kiosk.issue(group_code="A").ticket.code == "A001"  # A still has numbers


def test_the_wait_printed_offline_follows_the_server_s_last_estimate(kiosk, server):
    kiosk.upkeep()
    kiosk.issue(group_code="A")  # online: 3 ahead, 12 minutes: 4 min each
    server.up = False
    offline = kiosk.issue(group_code="A")
    assert offline.ahead == 3 and offline.estimated_wait_minutes == 12


def test_yesterday_s_block_is_not_used_today_and_a_restart_keeps_the_state(kiosk, server, tmp_path, office_clock):
    kiosk.upkeep()
    server.up = False
    kiosk.issue(group_code="A")
    office_clock.set(TUESDAY_10 + dt.timedelta(days=1), running=False)
    restarted = OfflineKiosk(server, tmp_path, block_size=5, low_water=2)  # type: ignore[arg-type]
    assert len(restarted.pending) == 1  # yesterday's ticket still waits to be sent
    with pytest.raises(NoNumbersNow):
        restarted.issue(group_code="A")
    state = json.loads((tmp_path / STATE_FILE).read_text(encoding="utf-8"))
    assert state["blocks"]["A"][0]["day"] == "2026-11-24"


def test_a_group_at_its_daily_limit_gets_no_block_and_the_others_still_do(kiosk, server):
    server.limit["A"] = 0
    status = kiosk.upkeep()
    assert status.online and status.remaining == {"A": 0, "B": 5}


def test_a_used_up_block_asks_the_server_once_more_before_saying_no(kiosk, server):
    kiosk.upkeep()
    server.up = False
    for _ in range(5):
        kiosk.issue(group_code="B")
    server.up = True  # back, and the next upkeep round not due yet
    tries = server.calls.count("issue")
    assert kiosk.issue(group_code="B").ticket.code == "B006"  # the server's, past the block
    assert server.calls.count("issue") == tries + 1 and kiosk.away_since is None
