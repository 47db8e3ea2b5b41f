"""``mpp-desk queue ...`` on a real data folder: set-up, scripting the kiosk and counters, statistics."""

from __future__ import annotations

import datetime as dt
import json
from zoneinfo import ZoneInfo

import pytest

from mpp_desk.cli import main
from mpp_desk.queue import LocalQueue

WIB = ZoneInfo("Asia/Jakarta")
DAY = dt.date(2026, 11, 24)


def at(hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 11, 24, hour, minute, tzinfo=WIB)


def run(capsys, data_dir, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), "--lang", "id", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def cli(app_ctx, capsys):
    """The seeded data folder (groups A and B) with counters 1 (A) and 2 (A, B)."""
    for number, groups in ((1, "A"), (2, "A,B")):
        code, _, err = run(capsys, app_ctx.data_dir, "queue", "counter", "add", str(number), f"Loket {number}", "--groups", groups)
        assert code == 0, err
    return app_ctx


def test_stats_json_for_a_seeded_day(cli, capsys):
    queue = LocalQueue.from_context(cli)
    a1 = queue.issue(group_code="A", now=at(9, 0)).ticket
    a2 = queue.issue(group_code="A", now=at(9, 10)).ticket
    b1 = queue.issue(group_code="B", now=at(10, 0)).ticket
    a3 = queue.issue(group_code="A", now=at(10, 5)).ticket
    # counter 1 serves A001 (waited 5 min, served 10) and A002 (waited 10, served 20)
    for ticket, call, start, end in ((a1, at(9, 5), at(9, 5), at(9, 15)), (a2, at(9, 20), at(9, 21), at(9, 41))):
        assert queue.call_next(counter_number=1, now=call).id == ticket.id
        queue.start_service(ticket_id=ticket.id, counter_number=1, now=start)
        queue.finish(ticket_id=ticket.id, counter_number=1, now=end)
    # counter 2 calls B001 after 30 minutes; nobody comes
    assert queue.call_next(counter_number=2, now=at(10, 30)).id == b1.id
    queue.mark_no_show(ticket_id=b1.id, counter_number=2, now=at(10, 35))
    # a ticket of another day does not count
    queue.issue(group_code="A", now=at(9, 0) + dt.timedelta(days=1))

    code, out, err = run(capsys, cli.data_dir, "queue", "stats", "--date", DAY.isoformat(), "--json")
    assert code == 0, err
    stats = json.loads(out)
    assert stats["date"] == "2026-11-24"
    total = stats["total"]
    assert (total["issued"], total["served"], total["no_shows"], total["cancelled"]) == (4, 2, 1, 0)
    assert total["waiting"] == {"count": 3, "average_seconds": 900.0, "p90_seconds": 1800.0,
                                "p50_seconds": 600.0}
    assert total["service"] == {"count": 2, "average_seconds": 900.0, "p90_seconds": 1200.0,
                                "p50_seconds": 600.0}
    assert total["per_hour"] == {"09": 2, "10": 2}
    groups = {g["key"]: g for g in stats["groups"]}
    assert (groups["A"]["issued"], groups["A"]["served"], groups["A"]["no_shows"]) == (3, 2, 0)
    assert groups["A"]["waiting"] == {"count": 2, "average_seconds": 450.0, "p90_seconds": 600.0,
                                      "p50_seconds": 300.0}
    assert (groups["B"]["issued"], groups["B"]["served"], groups["B"]["no_shows"]) == (1, 0, 1)
    assert groups["B"]["name"] == "Pengaduan dan Informasi"
    counters = {c["key"]: c for c in stats["counters"]}
    assert counters["1"]["served"] == 2 and counters["1"]["issued"] is None
    assert counters["1"]["service"] == {"count": 2, "average_seconds": 900.0, "p90_seconds": 1200.0,
                                          "p50_seconds": 600.0}
    assert counters["1"]["per_hour"] == {"09": 2}
    assert (counters["2"]["served"], counters["2"]["no_shows"]) == (0, 1)
    assert a3.code == "A003"

    code, out, _ = run(capsys, cli.data_dir, "queue", "stats", "--date", DAY.isoformat())
    assert code == 0
    assert "Statistik antrian tanggal 2026-11-24" in out and "Perizinan Berusaha" in out and "Loket 1" in out


def test_set_up_and_scripting_commands(cli, capsys):
    data = cli.data_dir
    code, _, err = run(capsys, data, "queue", "group", "add", "C", "Pendaftaran NIB", "--open", "07:30", "--close", "12:00",
                       "--limit", "50")
    assert code == 0, err
    code, out, _ = run(capsys, data, "queue", "groups", "--json")
    groups = {g["code"]: g for g in json.loads(out)}
    assert groups["C"] == {
        "code": "C", "name": "Pendaftaran NIB", "open": "07:30", "close": "12:00", "daily_limit": 50,
        "active": True, "position": groups["C"]["position"], "counters": [], "services": [],
    }
    assert groups["A"]["counters"] == [1, 2] and groups["B"]["counters"] == [2]
    code, out, _ = run(capsys, data, "queue", "counters", "--json")
    assert json.loads(out) == [
        {"number": 1, "name": "Loket 1", "active": True, "groups": ["A"]},
        {"number": 2, "name": "Loket 2", "active": True, "groups": ["A", "B"]},
    ]
    code, out, _ = run(capsys, data, "queue", "issue", "A", "--priority", "elderly", "--at", "2026-11-24T09:00", "--json")
    ticket = json.loads(out)
    assert (code, ticket["code"], ticket["priority"], ticket["priority_reason"], ticket["ahead"]) == (0, "A001", True, "elderly", 0)
    code, out, _ = run(capsys, data, "queue", "call", "2", "--at", "2026-11-24T09:05")
    assert code == 0 and out.splitlines() == ["Nomor antrian A nol nol satu, silakan menuju loket dua", "A001"]
    code, out, _ = run(capsys, data, "queue", "call", "1", "--at", "2026-11-24T09:06")
    assert code == 1 and "Tidak ada antrian yang menunggu untuk loket 1." in out
    code, _, err = run(capsys, data, "queue", "issue", "A", "--at", "2026-11-28T09:00")
    assert code == 2 and "Kantor tutup hari ini (Sabtu)" in err
    code, _, err = run(capsys, data, "queue", "group", "add", "A", "Lagi")
    assert code == 2 and "Kelompok antrian A sudah ada." in err
    code, out, _ = run(capsys, data, "queue", "breaks", "--json")
    assert json.loads(out) == [{"id": None, "weekday": 4, "start": "11:30", "end": "13:00", "name": "Istirahat salat Jumat"}]


def test_an_empty_break_time_is_refused_with_a_message(app_ctx, capsys):
    # Found by the type checker: an empty start time reached set_break as None (a TypeError).
    code, _, err = run(capsys, app_ctx.data_dir, "queue", "break", "add", "0", "", "13:00", "Rapat")
    assert code == 2 and "JJ:MM" in err
