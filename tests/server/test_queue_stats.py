"""The building's queue statistics are counted on the server (GET /v1/queue/stats) and equal, figure for figure,
what a standalone PC counts for the same morning (the same definitions, mpp_desk/queue/stats.py).

The server runs in this process (FastAPI's TestClient) so that it reads the test's office clock: every action
happens at a moment set by hand, on the server as on the PC, and the durations are exact.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from mpp_desk.queue.backend import QueueBackend
from mpp_desk.queue.errors import QueueServerRefused
from mpp_desk.queue.remote import RemoteQueue
from mpp_desk.queue.stats import DailyStats
from mpp_desk.sync.schemas import PROTOCOL, PROTOCOL_HEADER
from tests.server.conftest import enroll
from tests.server.queue_support import record, seed_records

WIB = ZoneInfo("Asia/Jakarta")
DAY = dt.date(2026, 11, 24)  # a Tuesday


def at(hour: int, minute: int, day: dt.date = DAY) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=WIB)


class _Via:
    """A RemoteQueue's HTTP client: the in-process server (TestClient) with one device's credential."""

    def __init__(self, client, credential: str) -> None:
        self.client = client
        self.auth = {"Authorization": f"Bearer {credential}", PROTOCOL_HEADER: str(PROTOCOL)}

    def request(self, method, path, *, json=None, params=None, headers=None, timeout=None):
        return self.client.request(method, path, json=json, params=params, headers={**(headers or {}), **self.auth},
                                   timeout=timeout)

    def close(self) -> None:
        pass


def _config_like(groups: list[tuple[str, str, int]]) -> list[tuple[str, dict]]:
    """Groups (code, name, position) and counters 1 (A), 2 (B), 3 (A, B), as records for the server."""
    rows, ids = [], {}
    for code, name, position in groups:
        entity, payload = record("queue_group", code=code, name=name, open_time="08:00:00", close_time="15:00:00",
                                 daily_limit=None, active=True, position=position)
        ids[code] = payload["id"]
        rows.append((entity, payload))
    for number, codes in ((1, ["A"]), (2, ["B"]), (3, ["A", "B"])):
        entity, payload = record("queue_counter", number=number, name=f"Loket {number}", active=True)
        rows.append((entity, payload))
        rows += [record("queue_counter_group", counter_id=payload["id"], group_id=ids[c]) for c in codes]
    return rows


def _local(app_ctx) -> tuple[QueueBackend, QueueBackend, list[tuple[str, str, int]]]:
    """The same office on a standalone PC (its queue, and as the administrator for reports); its groups
    (code, name, position) for the server's records."""
    from mpp_desk import queue as q
    from mpp_desk.queue.backend import make_queue_backend
    from mpp_desk.roles import TERMINAL

    with app_ctx.uow(actor=TERMINAL) as uow:
        seeded = {g.code for g in q.list_groups(uow)}
        for code, name in (("A", "Perizinan Berusaha"), ("B", "Pengaduan dan Informasi")):
            if code in seeded:
                q.update_group(uow, code=code, open_time=dt.time(8), close_time=dt.time(15), active=True)
            else:
                q.create_group(uow, code=code, name=name, open_time=dt.time(8), close_time=dt.time(15))
        for number, codes in ((1, ["A"]), (2, ["B"]), (3, ["A", "B"])):
            q.create_counter(uow, number=number, name=f"Loket {number}", group_codes=codes)
        uow.commit()
        groups = [(g.code, g.name, g.position) for g in q.list_groups(uow) if g.code in ("A", "B")]
    return make_queue_backend(app_ctx), make_queue_backend(app_ctx, actor=TERMINAL), groups


@pytest.fixture
def central(server_db, monkeypatch):
    """``central(groups)``: the server in this process with those groups; returns (client, make_queue(name, role))."""
    from fastapi.testclient import TestClient

    from mpp_desk.server import queue_api
    from mpp_desk.server.app import create_app
    from mpp_desk.server.db import make_engine
    from mpp_desk.server.settings import ServerSettings

    monkeypatch.setattr(queue_api.Waker, "poke", lambda self: None)  # no stream here: no notifier thread to outlive the test
    engine = make_engine(ServerSettings(database_url=server_db).database_url, pool_size=2)
    opened = []

    def start(groups):
        seed_records(server_db, _config_like(groups))
        client = TestClient(create_app(ServerSettings(database_url=server_db, queue_config_check_s=0), engine))
        opened.append(client.__enter__())

        def queue(name: str, role: str) -> RemoteQueue:
            answer = client.post("/v1/enroll", json={"protocol": 1, "code": enroll(server_db, name, role),
                                                     "local_device_id": ""})
            assert answer.status_code == 200, answer.text
            remote = RemoteQueue("http://testserver", answer.json()["credential"], attempts=1)
            remote._client.close()
            remote._client = _Via(client, answer.json()["credential"])  # type: ignore[assignment]
            return remote

        return client, queue

    yield start
    for client in opened:
        client.__exit__(None, None, None)
    engine.dispose()


def morning(kiosk: QueueBackend, counter: QueueBackend, clock) -> None:
    """Six tickets, three counters: served, absent, cancelled and still waiting, at set moments."""

    def now(h: int, m: int) -> None:
        clock.set(at(h, m), running=False)

    now(9, 0)
    a1 = kiosk.issue(group_code="A").ticket
    now(9, 5)
    assert counter.call_next(counter_number=1).id == a1.id
    now(9, 6)
    counter.start_service(ticket_id=a1.id, counter_number=1)
    now(9, 10)
    a2 = kiosk.issue(group_code="A").ticket
    now(9, 16)
    counter.finish(ticket_id=a1.id, counter_number=1)
    now(9, 20)
    b1 = kiosk.issue(group_code="B").ticket
    now(9, 25)
    assert counter.call_next(counter_number=3).id == a2.id  # counter 3 serves A and B: A002 came first
    now(9, 30)
    assert counter.call_next(counter_number=2).id == b1.id
    now(9, 31)
    counter.start_service(ticket_id=b1.id, counter_number=2)
    now(9, 40)
    counter.mark_no_show(ticket_id=a2.id, counter_number=3)
    now(9, 45)
    counter.finish(ticket_id=b1.id, counter_number=2)
    now(10, 0)
    a3 = kiosk.issue(group_code="A").ticket
    now(10, 5)
    b2 = kiosk.issue(group_code="B").ticket
    now(10, 10)
    counter.cancel(ticket_id=b2.id)
    now(10, 20)
    assert counter.call_next(counter_number=1).id == a3.id
    now(10, 21)
    counter.start_service(ticket_id=a3.id, counter_number=1)
    now(10, 50)
    counter.finish(ticket_id=a3.id, counter_number=1)
    now(10, 55)
    kiosk.issue(group_code="A")  # A004 still waits at the end
    clock.set(at(9, 0, DAY + dt.timedelta(days=7)), running=False)
    kiosk.issue(group_code="A")  # another day's ticket does not count
    clock.set(at(11, 0), running=False)


def test_the_servers_figures_are_the_expected_counts_exactly(central, office_clock):
    client, queue = central([("A", "Perizinan Berusaha", 1), ("B", "Pengaduan dan Informasi", 2)])
    kiosk, counter, supervisor = queue("kiosk", "kiosk"), queue("loket", "counter"), queue("kepala", "supervisor")
    morning(kiosk, counter, office_clock)

    stats = supervisor.daily_stats(date=DAY)
    total = stats.total
    assert (total.issued, total.served, total.no_shows, total.cancelled) == (6, 3, 1, 1)
    # waited: A001 5 min, A002 15, B001 10, A003 20; served: A001 10 min, B001 14, A003 29
    assert (total.waiting.count, total.waiting.average_seconds) == (4, 750.0)
    assert (total.waiting.p50_seconds, total.waiting.p90_seconds) == (600.0, 1200.0)
    assert (total.service.count, total.service.average_seconds) == (3, 1060.0)
    assert (total.service.p50_seconds, total.service.p90_seconds) == (840.0, 1740.0)
    assert total.per_hour == {9: 3, 10: 3}
    groups = {g.key: g for g in stats.groups}
    assert [g.key for g in stats.groups] == ["A", "B"] and groups["A"].name == "Perizinan Berusaha"
    assert (groups["A"].issued, groups["A"].served, groups["A"].no_shows, groups["A"].cancelled) == (4, 2, 1, 0)
    assert (groups["B"].issued, groups["B"].served, groups["B"].no_shows, groups["B"].cancelled) == (2, 1, 0, 1)
    assert groups["A"].waiting.average_seconds == (300 + 900 + 1200) / 3 and groups["B"].waiting.count == 1
    counters = {c.key: c for c in stats.counters}
    assert [c.key for c in stats.counters] == ["1", "2", "3"] and counters["1"].name == "Loket 1"
    assert (counters["1"].served, counters["1"].issued, counters["1"].per_hour) == (2, None, {9: 1, 10: 1})
    assert (counters["1"].service.average_seconds, counters["1"].waiting.average_seconds) == (1170.0, 750.0)
    assert (counters["2"].served, counters["2"].service.average_seconds) == (1, 840.0)
    assert (counters["3"].served, counters["3"].no_shows, counters["3"].waiting.count) == (0, 1, 1)
    channels = {c.key: c for c in stats.channels}
    assert list(channels) == ["kiosk"]  # every ticket of the morning was taken at the kiosk
    assert (channels["kiosk"].issued, channels["kiosk"].served, channels["kiosk"].no_shows) == (6, 3, 1)

    # the wire: exact seconds; the day defaults to the server's today; another day has nothing
    answer = client.get("/v1/queue/stats", headers=supervisor._client.auth)  # type: ignore[attr-defined]
    assert answer.status_code == 200 and DailyStats.from_dict(answer.json()) == stats
    assert supervisor.daily_stats(date=DAY + dt.timedelta(days=7)).total.issued == 1
    assert supervisor.daily_stats(date=DAY - dt.timedelta(days=1)).groups == ()
    with pytest.raises(QueueServerRefused):  # the kiosk and the board do not read reports
        kiosk.daily_stats(date=DAY)


def test_the_same_morning_gives_the_same_statistics_on_a_pc_and_on_the_server(central, app_ctx, office_clock):
    local, local_reports, groups = _local(app_ctx)
    _client, queue = central(groups)
    remote_kiosk, remote_counter, remote_reports = queue("kiosk", "kiosk"), queue("loket", "counter"), queue(
        "kepala", "supervisor")
    morning(local, local, office_clock)
    morning(remote_kiosk, remote_counter, office_clock)

    on_the_pc = local_reports.daily_stats(date=DAY)
    on_the_server = remote_reports.daily_stats(date=DAY)
    assert on_the_pc.total.issued == 6 and on_the_pc.counters  # the scenario ran
    assert on_the_server == on_the_pc
    assert on_the_server.to_dict() == on_the_pc.to_dict()
