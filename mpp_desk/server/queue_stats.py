"""The building's queue statistics of a day, counted on the server's tickets (issue 14).

``GET /v1/queue/stats?day=YYYY-MM-DD`` (default: the server's today, office time) answers the
:class:`~mpp_desk.queue.stats.DailyStats` of that service date as ``DailyStats.to_dict(exact=True)``:
the same definitions as a standalone PC's report, because the counting is the same function
(:func:`mpp_desk.queue.stats.summarize`) fed the server's ``q_tickets``. Groups and counters are named and
ordered from the synced configuration; a group no longer configured is named by its code. Counters are
keyed by their number (the server's tickets hold the number, not the counter's id).

A report: devices of the office's staff PCs (``REPORTERS``: counter, complaints, supervisor, admin; a
supervisor may sign in at a counter's PC), not the kiosk or the board; the PC checks the signed-in person's
VIEW_REPORTS before asking. Counts and durations only, no ticket or person.

Per channel: ``q_tickets.channel`` (``kiosk``, ``booking`` for a booked visit redeemed at the kiosk,
``offline`` for a number a kiosk issued from its block while the server was away): ``summarize`` counts a
``channels`` line per value, and the PC's figures show them.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query
from fastapi.responses import JSONResponse
from sqlalchemy import text
from sqlalchemy.engine import Connection

from mpp_desk.officetime import as_utc, local_date
from mpp_desk.queue.stats import DailyStats, Line, summarize
from mpp_desk.server.devices import Device
from mpp_desk.server.queue import SERVERS, require_role
from mpp_desk.server.queue_config import QueueConfig

REPORTERS = SERVERS
CHANNEL_SQL = "channel"  # the per-channel breakdown's column (see the module doc)

_ROWS = text(
    "SELECT group_id AS \"group\", route_group_id AS route_group, counter_number AS counter, status, issued_at, "
    f"first_called_at, served_started_at, finished_at, {CHANNEL_SQL} AS channel "
    "FROM q_tickets WHERE service_date = :day")
_GROUP_CODES = text("SELECT DISTINCT group_id, group_code FROM q_tickets WHERE service_date = :day "
                    "UNION SELECT DISTINCT route_group_id, route_group_code FROM q_tickets WHERE service_date = :day")


def daily_stats(conn: Connection, cfg: QueueConfig, device: Device, *, day: dt.date) -> DailyStats:
    """The day's statistics over every ticket the server holds for it."""
    require_role(device, REPORTERS, "read the queue statistics")
    rows = conn.execute(_ROWS, {"day": day}).all()
    groups = [Line(g.id, g.code, g.name) for g in cfg.live_groups()]
    known = {g.id for g in cfg.groups.values()}
    gone = sorted({(code, gid) for gid, code in conn.execute(_GROUP_CODES, {"day": day}).all() if gid not in known})
    groups += [Line(gid, code, code) for code, gid in gone]
    counters = [Line(c.number, str(c.number), c.name) for c in sorted(cfg.counters.values(), key=lambda c: c.number)]
    numbers = {c.number for c in cfg.counters.values()}
    counters += [Line(n, str(n), "") for n in sorted({r.counter for r in rows if r.counter is not None} - numbers)]
    return summarize(day, rows, groups=groups, counters=counters)


def install(app: FastAPI, *, run: Any, bearer: Any, now: Any) -> None:
    """Add ``GET /v1/queue/stats`` to *app*; *run* is the queue's request runner (``queue_api.install``)."""

    @app.get("/v1/queue/stats", tags=["queue"])
    async def stats(day: Annotated[dt.date | None, Query()] = None, access: str = Depends(bearer)) -> JSONResponse:
        return await run(access, lambda c, cfg, d: daily_stats(
            c, cfg, d, day=day or local_date(as_utc(now()))).to_dict(exact=True))
