"""On a PC that joined the queue server, the statistics area shows the building's figures (the server counts
them, tests/server/test_queue_stats.py), asked on the network lane, never on the UI or the database thread."""

from __future__ import annotations

import datetime as dt
import threading

from mpp_desk.queue.stats import DailyStats, LineStats, TimeSummary
from tests.ui.conftest import ADMIN_PASSWORD
from tests.ui.queue_helpers import TUESDAY_10, queue_ctx

__all__ = ["queue_ctx"]  # fixtures used by this module


def _line(key: str, name: str, issued: int | None, served: int) -> LineStats:
    return LineStats(key=key, name=name, issued=issued, served=served, no_shows=0, cancelled=0,
                     waiting=TimeSummary(served, 600.0, 900.0, 600.0), service=TimeSummary(served, 300.0, 300.0, 300.0),
                     per_hour={9: served})


def test_a_joined_pc_shows_the_buildings_statistics_asked_on_the_network_lane(qtbot, queue_ctx, tasks, sign_in,
                                                                              monkeypatch):
    from mpp_desk.ui.areas.queue_stats_area import QueueStatsArea
    from mpp_desk.ui.ops import queue as ops

    day = TUESDAY_10.date()
    asked: list[tuple[str, dt.date]] = []

    def building_stats(ctx, *, actor, date):  # what RemoteQueue.daily_stats brings from the server
        asked.append((threading.current_thread().name, date))
        return DailyStats(date=date, total=_line("*", "", 41, 37), groups=(_line("A", "Perizinan Berusaha", 41, 37),),
                          counters=(_line("1", "Loket Satu", None, 20), _line("7", "Loket Tujuh", None, 17)))

    monkeypatch.setattr(ops, "queue_on_server", lambda ctx: True)
    monkeypatch.setattr(ops, "daily_stats", building_stats)
    admin = sign_in("admin", ADMIN_PASSWORD)
    area = QueueStatsArea(ctx=queue_ctx, tasks=tasks, actor=admin, today=day)
    qtbot.addWidget(area)
    area.show()
    qtbot.waitUntil(lambda: area.stats is not None, timeout=10000)
    assert asked and all(thread.startswith("mpp-net") for thread, _day in asked) and asked[0][1] == day
    assert area.figures["issued"].text() == "41" and area.figures["served"].text() == "37"
    assert area.counter_model.rowCount() == 2  # counters of other PCs too
    assert "seluruh gedung" in area.day_label.text() and "24 November 2026" in area.day_label.text()
