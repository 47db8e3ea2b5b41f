"""My place in the queue (issue 17): the page a server ticket's QR opens (``/v/q1.…``, also ``/antrian/q1.…``).

It shows the ticket's number, its group and service, its status, the number now called at each counter of
its group, how many wait ahead of it and an estimated wait; the page's script (``static/antrian.js``) keeps
it live from :mod:`queue_stream_public`. Every lookup needs the ticket's signed reference
(:func:`mpp_desk.server.queue.check_reference`): nothing is reachable by guessing a number. Tickets hold
no personal data; the page shows numbers and counters only.

Once the ticket is served the page shows the satisfaction survey's card (:func:`survey_page.reference_invitation`:
its link ``/survei/q1.…``, or "rated"), as the verdict of the kiosk's signed code of the same ticket does.

The estimate: the median time from call to finish of the group's tickets served today, times the people
ahead, divided by the counters of the group calling now (those that called in the last
:data:`RECENT_MINUTES` or have someone at the counter). None before :data:`MIN_SAMPLES` tickets were served
today, or while no counter of the group is calling.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from typing import Any
from pathlib import Path
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine

from mpp_desk import officetime, signing
from mpp_desk.i18n import N_
from mpp_desk.officetime import as_utc, local_date
from mpp_desk.server import queue as service
from mpp_desk.server.public import survey_page
from mpp_desk.server.public import words as W
from mpp_desk.server.queue_config import ConfigCache, QueueConfig
from mpp_desk.textformat import format_date

MIN_SAMPLES = 3
RECENT_MINUTES = 30
REFRESH_S = 30  # without the script: the page reloads itself this often (a <noscript> meta refresh)
FINAL = ("done", "no_show", "cancelled")
SCRIPT_PATH = "/static/antrian.js"

STATUS = {
    "waiting": N_("public", "Waiting"),
    "called": N_("public", "Called to {counter}"),
    "serving": N_("public", "Being served at {counter}"),
    "held": N_("public", "Set aside by {counter}: it will call you again"),
    "done": N_("public", "Served. Thank you for your visit."),
    "no_show": N_("public", "Called, but you were not there. Ask at the information desk."),
    "cancelled": N_("public", "Cancelled"),
}
CALLED = N_("public", "Your number is called: please go to {counter} now.")
CALLED_TITLE = N_("public", "Called: {counter}")
AHEAD_LABEL = N_("public", "Ahead of you")
AHEAD_N = N_("public", "{n} people")
AHEAD_0 = N_("public", "Nobody: you are next")
AHEAD_1 = N_("public", "1 person")
WAIT_N = N_("public", "about {n} minutes")
WAIT_SOON = N_("public", "soon")
WAIT_NONE = N_("public", "not known yet")
COUNTER_FREE = "–"
ESTIMATE_NOTE = N_("public", "The wait is an estimate from how fast this queue was served today; it may change. "
                             "Stay near enough to come back in time.")

_PLACE = text(
    "SELECT (SELECT count(*) FROM q_tickets q WHERE q.status = 'waiting' AND q.service_date = :day "
    "AND q.route_group_id = :group_id AND ((q.priority AND NOT :priority) OR (q.priority = :priority AND "
    "(q.issued_at, q.id) < (:issued_at, :id)))) AS ahead, "
    "(SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM finished_at - called_at)) "
    "FROM q_tickets WHERE service_date = :day AND route_group_id = :group_id AND status = 'done' "
    "AND called_at IS NOT NULL) AS median_s, "
    "(SELECT count(*) FROM q_tickets WHERE service_date = :day AND route_group_id = :group_id AND status = 'done' "
    "AND called_at IS NOT NULL) AS samples, "
    "(SELECT count(DISTINCT counter_number) FROM q_tickets WHERE service_date = :day "
    "AND counter_number = ANY(:counters) AND (called_at >= :recent OR status IN ('called', 'serving'))) AS calling")
_AT_COUNTERS = text("SELECT counter_number, code FROM q_tickets WHERE service_date = :day "
                    "AND status IN ('called', 'serving') AND counter_number = ANY(:counters)")
_TICKET = text("SELECT * FROM q_tickets WHERE id = :id")


@dataclass(frozen=True)
class CounterNow:
    number: int
    name: str
    code: str | None  # the number called or served there now


@dataclass(frozen=True)
class Place:
    """A ticket's place in its line, as the page and its stream show it (numbers and counters only)."""

    ticket_id: uuid.UUID
    code: str
    group_code: str
    group_name: str
    service: str
    service_date: dt.date
    status: str
    counter: int | None
    counter_name: str
    recalls: int
    ahead: int | None  # while waiting
    wait_minutes: int | None  # while waiting, when there is enough data
    counters: tuple[CounterNow, ...]
    today: dt.date

    @property
    def live(self) -> bool:
        """Still changing: today's ticket, not finished."""
        return self.service_date == self.today and self.status not in FINAL

    def public_json(self) -> dict[str, Any]:
        """What the stream sends: no id, no personal data."""
        return {"status": self.status, "counter": self.counter, "counter_name": self.counter_name,
                "recalls": self.recalls, "ahead": self.ahead, "wait": self.wait_minutes,
                "counters": [[c.number, c.code] for c in self.counters], "live": self.live}


def is_reference(token: str) -> bool:
    """A server ticket's reference (``q1.…``), as opposed to a PC's signed code."""
    return token.strip().startswith(service.TOKEN_KIND + ".")


def snapshot(engine: Engine) -> Connection:
    """A connection whose reads share one snapshot: a place is read in several statements, and at READ
    COMMITTED a finish landing between them showed a ticket still at its counter beside the estimate that
    counted it served (a torn place, sent to the phone as one more change)."""
    return engine.connect().execution_options(isolation_level="REPEATABLE READ")


def find(conn: Connection, cfg: QueueConfig, secret: bytes, token: str, *, now: dt.datetime) -> Place | None:
    """The place of the ticket a genuine reference names; None for anything else."""
    row = service.check_reference(conn, secret, token)
    return None if row is None else place_of(conn, cfg, row, now=now)


def place_by_id(conn: Connection, cfg: QueueConfig, ticket_id: uuid.UUID, *, now: dt.datetime) -> Place | None:
    row = conn.execute(_TICKET, {"id": ticket_id}).mappings().first()
    return None if row is None else place_of(conn, cfg, dict(row), now=now)


def place_of(conn: Connection, cfg: QueueConfig, ticket: dict[str, Any], *, now: dt.datetime) -> Place:
    now = as_utc(now)
    today = local_date(now)
    group = cfg.groups.get(ticket["route_group_id"])
    counters = sorted((c for c in cfg.counters.values() if c.active and ticket["route_group_id"] in c.group_ids),
                      key=lambda c: c.number)
    numbers = [c.number for c in counters]
    day = ticket["service_date"]
    ahead = wait = None
    at_counters: dict[int, str] = {}
    if day == today:
        at_counters = {r.counter_number: r.code for r in conn.execute(_AT_COUNTERS, {"day": day, "counters": numbers})}
        if ticket["status"] == "waiting":
            figures = conn.execute(_PLACE, {
                "day": day, "group_id": ticket["route_group_id"], "priority": ticket["priority"],
                "issued_at": ticket["issued_at"], "id": ticket["id"], "counters": numbers,
                "recent": now - dt.timedelta(minutes=RECENT_MINUTES)}).one()
            ahead = int(figures.ahead)
            wait = estimate_minutes(ahead, figures.median_s, int(figures.samples), int(figures.calling))
    service_row = cfg.services.get(ticket["service_id"]) if ticket["service_id"] else None
    counter = ticket["counter_number"]
    counter_conf = cfg.counters.get(counter) if counter is not None else None
    return Place(
        ticket_id=ticket["id"], code=ticket["code"], group_code=ticket["route_group_code"],
        group_name=group.name if group else ticket["route_group_code"], service=service_row.title if service_row else "",
        service_date=day, status=ticket["status"], counter=counter,
        counter_name=counter_conf.name if counter_conf else (f"Loket {counter}" if counter else ""),
        recalls=ticket["recall_count"], ahead=ahead, wait_minutes=wait,
        counters=tuple(CounterNow(c.number, c.name, at_counters.get(c.number)) for c in counters), today=today)


def estimate_minutes(ahead: int, median_s: float | None, samples: int, calling: int) -> int | None:
    """Minutes until this ticket is called, rounded up: median service time x ahead / counters calling."""
    if ahead == 0:
        return 0
    if samples < MIN_SAMPLES or not median_s or calling < 1:
        return None
    return max(1, math.ceil(float(median_s) * ahead / calling / 60))


# --- the page ---------------------------------------------------------------------------------------------


def words(t: W.Words) -> dict[str, Any]:
    """The texts the page's script needs, in the page's language (a data attribute: no inline script)."""
    return {"status": {k: t(v) for k, v in STATUS.items()}, "called": t(CALLED), "called_title": t(CALLED_TITLE),
            "ahead_n": t(AHEAD_N), "ahead_0": t(AHEAD_0), "ahead_1": t(AHEAD_1), "wait_n": t(WAIT_N), "wait_soon": t(WAIT_SOON),
            "wait_none": t(WAIT_NONE), "free": COUNTER_FREE, "ahead_label": t(AHEAD_LABEL),
            "lost": t(N_("public", "The live updates stopped. This page reloads itself every 30 seconds."))}


def status_text(t: W.Words, p: Place) -> str:
    return t(STATUS.get(p.status, N_("public", "Waiting")), counter=p.counter_name)


def ahead_text(t: W.Words, ahead: int | None) -> str:
    return "-" if ahead is None else t(AHEAD_0) if ahead == 0 else t(AHEAD_1) if ahead == 1 else t(AHEAD_N, n=ahead)


def wait_text(t: W.Words, minutes: int | None) -> str:
    return t(WAIT_NONE) if minutes is None else t(WAIT_SOON) if minutes == 0 else t(WAIT_N, n=minutes)


def head(p: Place) -> str:
    """Without the script, a live page reloads itself (ignored when scripts run: the stream updates it)."""
    return f'<noscript><meta http-equiv="refresh" content="{REFRESH_S}"></noscript>' if p.live else ""


def render(t: W.Words, p: Place, token: str, *, href: Callable[[str, str], str], lead: str = "") -> tuple[str, str]:
    """The page; *lead* (HTML) goes under the place (the verdict line when a signed code opened it: the place first;
    the survey's card once the ticket was served)."""
    title = t(N_("public", "Your place in the queue"))
    called = p.status == "called" and p.live
    banner = (f'<section id="called" class="card ok" role="alert"{"" if called else " hidden"}>'
              f'<h2 id="called-text">{escape(t(CALLED, counter=p.counter_name)) if called else ""}</h2></section>')
    items = ([(t(N_("public", "Queue")), p.group_name, ""), (t(N_("public", "Service")), p.service, "")]
             + ([(t(N_("public", "Date")), _day(t, p.service_date), "")] if p.service_date != p.today else [])
             + [(t(N_("public", "Status")), status_text(t, p), "status")])
    note = ""
    if p.status == "waiting":  # hidden by the script once called (waiting again after a transfer: a reload)
        items += [(t(AHEAD_LABEL), ahead_text(t, p.ahead), "ahead"),
                  (t(N_("public", "Estimated wait")), wait_text(t, p.wait_minutes), "wait")]
        note = f'<p class="muted" id="wait-note">{escape(t(ESTIMATE_NOTE))}</p>'
    dl = _dl(items)
    if p.service_date != p.today:
        note += f'<p class="muted">{escape(t(N_("public", "This ticket is not for today.")))}</p>'
    rows = "".join(f'<tr data-counter="{c.number}"><th scope="row">{escape(c.name)}</th>'
                   f'<td class="code">{escape(c.code or COUNTER_FREE)}</td></tr>' for c in p.counters)
    table = (f'<section class="card"><h2 id="counters-title">{escape(t(N_("public", "Called now")))}</h2>'
             f'<table aria-labelledby="counters-title"><thead><tr><th scope="col">{escape(t(N_("public", "Counter")))}'
             f'</th><th scope="col">{escape(t(N_("public", "Number")))}</th></tr></thead><tbody>{rows}</tbody></table>'
             "</section>") if p.counters and p.live else ""
    reload = href(f"/antrian/{quote(token)}", t.language)
    live = (f'<p class="muted"><span id="live" aria-live="polite">{escape(t(N_("public", "This page updates itself.")))}'
            f'</span> <a href="{escape(reload)}">{escape(t(N_("public", "Reload")))}</a></p>') if p.live else ""
    stream = f"/antrian/{quote(token)}/live"
    data = (f' data-stream="{escape(stream)}" data-words="{escape(json.dumps(words(t), ensure_ascii=False))}"'
            if p.live else "")
    body = (f"<h1>{escape(title)}</h1>{banner}"
            f'<section id="place" class="card" data-status="{escape(p.status)}"{data}>'
            f'<p class="muted">{escape(t(N_("public", "Your number")))}</p><p class="big" id="code">{escape(p.code)}</p>'
            f"{dl}{note}</section>{lead}{table}{live}"
            + (f'<script src="{SCRIPT_PATH}" defer></script>' if p.live else ""))
    return title, body


def _dl(items: list[tuple[str, str, str]]) -> str:
    """(label, value, element id) rows; empty values are left out."""
    return "<dl>" + "".join(f"<dt{_id(i and i + '-label')}>{escape(k)}</dt><dd{_id(i)}>{escape(v)}</dd>"
                            for k, v, i in items if v) + "</dl>"


def _id(name: str) -> str:
    return f' id="{name}"' if name else ""


def _day(t: W.Words, value: dt.date) -> str:
    return format_date(value, t.language)


def office_now() -> dt.datetime:
    return officetime.now()


# --- the routes ---------------------------------------------------------------------------------------------

STATIC = Path(__file__).with_name("static")


def genuine_line(t: W.Words, office: str) -> str:
    """The verdict, in one line over the place: a PC-signed ticket's code opened the page (same data as a verdict)."""
    text_ = t(W.VERDICTS[signing.VALID], kind=t.kind("q"), office=office)
    return (f'<section id="verdict" class="card ok" data-valid="true" data-reason="{signing.VALID}" data-kind="q" '
            f'data-differing=""><p>✓ {escape(text_[:1].upper() + text_[1:])}</p></section>')


@dataclass(frozen=True)
class Handlers:
    """What routes.py calls: *show* for a ``q1.`` reference, *live_ticket* for a genuine PC-signed ticket's code
    (request, route, words, ticket id, office name) -> the place page while live, else None (the verdict)."""

    show: Callable[[Request, str, str], Any]
    live_ticket: Callable[[Request, str, W.Words, uuid.UUID, str], Any]


def install(app: FastAPI, engine: Engine, *, secret: bytes, waker: Any, g: Any, page: Callable[..., Any],
            limited: Callable[..., Any], language: Callable[..., W.Words], client: Callable[[Request], str],
            href: Callable[[str, str], str]) -> Handlers:
    """Add ``/antrian/{token}``, its stream and its script to *app*; returns the page's handlers: ``/v/{token}``
    calls them for a server ticket's reference, and for a kiosk's PC-signed code of a ticket in the live queue
    (the ticket's QR opens this page either way)."""
    from mpp_desk.server.public import queue_stream_public  # lazy: it imports this module

    configs = ConfigCache()
    script = (STATIC / "antrian.js").read_bytes()

    def show(request: Request, route: str, token: str):
        t = language(request)
        refused = limited(request, route, t, g.pages, client(request))
        if refused is not None:
            return refused
        with snapshot(engine) as conn:
            place = find(conn, configs.get(conn), secret, token, now=office_now())
            # served: the survey's card under the place, as under a kiosk code's verdict (the same ticket, one answer)
            survey = (survey_page.reference_invitation(conn, t, token, place.ticket_id)
                      if place is not None and place.status == "done" else "")
        if place is None:
            text_ = t(N_("public", "This is not a queue ticket of this office, or it was altered. Ask at the "
                                   "information desk."))
            return page(request, route, t, (t(W.VERDICT_TITLES[False]), _refusal(t, text_)), status=404,
                        outcome="not_found")
        return page(request, route, t, render(t, place, token.strip(), href=href, lead=survey), outcome=place.status,
                    script=place.live, head=head(place))

    def live_ticket(request: Request, route: str, t: W.Words, ticket_id: uuid.UUID, office: str):
        """A genuine signed ticket's place (the caller checked the code and counted the request), while live."""
        with snapshot(engine) as conn:
            place = place_by_id(conn, configs.get(conn), ticket_id, now=office_now())
        if place is None or not place.live:
            return None
        # the stream and the reload link go by the server's reference, as a server-issued ticket's QR does
        token = service.ticket_reference(secret, place.ticket_id, place.code, place.service_date)
        return page(request, route, t, render(t, place, token, href=href, lead=genuine_line(t, office)),
                    outcome=signing.VALID, name=office, script=True, head=head(place))

    @app.get("/antrian/{token}", response_class=HTMLResponse, include_in_schema=False)
    def place_page(token: str, request: Request):
        return show(request, "/antrian/{token}", token)

    @app.get(SCRIPT_PATH, include_in_schema=False)
    def place_script():
        return Response(script, media_type="text/javascript", headers={
            "Cache-Control": "public, max-age=3600", "X-Content-Type-Options": "nosniff",
            "Cross-Origin-Resource-Policy": "same-origin"})

    queue_stream_public.install(app, engine, waker=waker, configs=configs, g=g, limited=limited, language=language,
                                client=client, secret=secret, now=office_now)
    return Handlers(show, live_ticket)


def _refusal(t: W.Words, text_: str) -> str:
    title = t(W.VERDICT_TITLES[False])
    return (f'<section id="verdict" class="card bad" role="alert" data-valid="false"><h1>✗ {escape(title)}</h1>'
            f"<p>{escape(text_)}</p></section>")
