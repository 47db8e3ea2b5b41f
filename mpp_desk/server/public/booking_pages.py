"""Book a visit (issue 17): the public pages under /kunjungan, server-rendered, no scripts, no cookies.

service (``/kunjungan``) -> day (``?antrian=A`` or ``?layanan=<id>``) -> time (``&hari=2026-11-25``) -> name and
phone (``&jam=0900``) -> POST ``/kunjungan`` -> ``/kunjungan/kode/<code>``: the booking code and its QR code
(inline SVG; its text is the code alone, so a kiosk's barcode scanner types it). ``/kunjungan/batal`` cancels
with the code and the phone's last four digits. The rules are :mod:`mpp_desk.server.bookings`'.

Rate limits are guard.py's: every page counts as a page per client address; making, showing and cancelling
a booking also count as lookups (the code is 8 of 24 characters, and guessing is limited on top).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from html import escape
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse
from sqlalchemy.engine import Engine

from mpp_desk import officetime
from mpp_desk.errors import UserError, ValidationError
from mpp_desk.i18n import N_, translate
from mpp_desk.printing.qr import qr_matrix
from mpp_desk.queue.errors import BookingRefused, QueueNotFound
from mpp_desk.server import bookings
from mpp_desk.server.public import guard, pages
from mpp_desk.server.public import words as W
from mpp_desk.server.queue_config import ConfigCache, Group, QueueConfig

BASE = "/kunjungan"
STATUS = {
    "booked": N_("public", "Booked: show the code at the kiosk"),
    "used": N_("public", "Used: your queue number was issued"),
    "released": N_("public", "Released: not used in time"),
    "cancelled": N_("public", "Cancelled"),
}


def qr_svg(data: str, label: str) -> str:
    """The QR code of *data* as inline SVG (one path, a quiet zone of 4 modules): no image request, no CSP change."""
    matrix = qr_matrix(data)
    size = len(matrix) + 8
    runs = []
    for y, row in enumerate(matrix):
        x = 0
        while x < len(row):
            if row[x]:
                start = x
                while x < len(row) and row[x]:
                    x += 1
                runs.append(f"M{start + 4} {y + 4}h{x - start}v1h-{x - start}z")
            else:
                x += 1
    return (f'<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" role="img" '
            f'aria-label="{escape(label)}" shape-rendering="crispEdges"><rect width="{size}" height="{size}" fill="#fff"/>'
            f'<path fill="#000" d="{"".join(runs)}"/></svg>')


def _link(t: W.Words, params: dict[str, str]) -> str:
    return escape(pages.href(f"{BASE}?{urlencode(params)}", t.language))


def _choices(items: list[tuple[str | None, str]]) -> str:
    """A list of big tappable links; an item without a link is shown greyed (full)."""
    return '<ul class="choices">' + "".join(
        f'<li><a href="{href}">{escape(text)}</a></li>' if href else f'<li><span class="full">{escape(text)}</span></li>'
        for href, text in items) + "</ul>"


def _error_text(t: W.Words, error: UserError) -> str:
    return translate(error.context, error.message, t.language).format(**error.params)


class Choice:
    """What the citizen picked so far, from the query or the form: the group, the service, the day, the slot."""

    def __init__(self, cfg: QueueConfig, values: dict[str, str]) -> None:
        self.service = None
        self.group: Group | None = None
        service_id = values.get("layanan", "")
        if service_id:
            try:
                self.service = cfg.services.get(uuid.UUID(service_id))
            except ValueError:
                self.service = None
            if self.service is not None and self.service.group_id is not None:
                self.group = cfg.groups.get(self.service.group_id)
        if self.group is None and values.get("antrian"):
            self.group = cfg.group_by_code(values["antrian"][:4])
        try:
            self.day = dt.date.fromisoformat(values.get("hari", "")) if values.get("hari") else None
        except ValueError:
            self.day = None
        self.slot = values.get("jam", "")[:4] if values.get("jam", "").isdigit() else ""

    def params(self, **more: str) -> dict[str, str]:
        out = {"layanan": str(self.service.id)} if self.service else {"antrian": self.group.code if self.group else ""}
        if self.day:
            out["hari"] = self.day.isoformat()
        return {**out, **more}

    def summary(self, t: W.Words, slot_label: str = "") -> str:
        assert self.group is not None, "a summary follows a chosen group"
        return pages.rows([(t(N_("public", "Service")), self.service.title if self.service else self.group.name),
                           (t(N_("public", "Queue")), f"{self.group.code} · {self.group.name}"),
                           (t(N_("public", "Day")), pages.day(t, self.day) if self.day else ""),
                           (t(N_("public", "Time")), slot_label)])


def services_page(t: W.Words, offered: list[tuple[Group, bookings.BookingSettings]], cfg: QueueConfig) -> tuple[str, str]:
    title = t(N_("public", "Book a visit"))
    intro = t(N_("public", "Choose the service you will come for, then a day and a time. You get a booking code: at "
                           "the kiosk it gives you your queue number at once, without coming early for one."))
    cards = ""
    for group, _settings in offered:
        services = sorted((s for s in cfg.services.values() if s.group_id == group.id), key=lambda s: s.title)
        items: list[tuple[str | None, str]] = [(_link(t, {"layanan": str(s.id)}), s.title) for s in services]
        items.append((_link(t, {"antrian": group.code}), t(N_("public", "Another service of this queue")) if services
                      else t(N_("public", "Choose a day"))))
        cards += f'<section class="card"><h2>{escape(group.name)}</h2>{_choices(items)}</section>'
    if not offered:
        cards = f'<p class="card">{escape(t(N_("public", "No service takes bookings at the moment.")))}</p>'
    cancel = pages.href(f"{BASE}/batal", t.language)
    return title, (f"<h1>{escape(title)}</h1><p>{escape(intro)}</p>{cards}"
                   f'<p><a href="{cancel}">{escape(t(N_("public", "Cancel a booking")))}</a></p>')


def days_page(t: W.Words, choice: Choice, found: list[bookings.Day]) -> tuple[str, str]:
    title = t(N_("public", "Choose a day"))
    items: list[tuple[str | None, str]] = []
    for d in found:
        free = t(N_("public", "{n} places free"), n=d.free) if d.free else t(N_("public", "full"))
        items.append((_link(t, {**choice.params(), "hari": d.day.isoformat()}) if d.free else None,
                      f"{pages.day(t, d.day)} · {free}"))
    body = _choices(items) if items else f'<p>{escape(t(N_("public", "No day can be booked now.")))}</p>'
    return title, (f'<h1>{escape(title)}</h1><section class="card">{choice.summary(t)}</section>{body}'
                   f'<p><a href="{pages.href(BASE, t.language)}">{escape(t(N_("public", "Other services")))}</a></p>')


def slots_page(t: W.Words, choice: Choice, slots: list[bookings.Slot]) -> tuple[str, str]:
    title = t(N_("public", "Choose a time"))
    items = [(_link(t, choice.params(jam=s.key)) if s.free else None,
              f"{s.label} · " + (t(N_("public", "{n} places free"), n=s.free) if s.free else t(N_("public", "full"))))
             for s in slots]
    body = _choices(items) if items else f'<p>{escape(t(N_("public", "No time is free on this day.")))}</p>'
    back = _link(t, {k: v for k, v in choice.params().items() if k != "hari"})
    return title, (f'<h1>{escape(title)}</h1><section class="card">{choice.summary(t)}</section>{body}'
                   f'<p><a href="{back}">{escape(t(N_("public", "Another day")))}</a></p>')


def details_page(t: W.Words, choice: Choice, slot: bookings.Slot, values: dict[str, str] | None = None,
                 message: str = "", field: str | None = None) -> tuple[str, str]:
    title = t(N_("public", "Your name and phone"))
    values = values or {}
    hidden = "".join(f'<input type="hidden" name="{k}" value="{escape(v)}">'
                     for k, v in {**choice.params(jam=slot.key), "lang": t.language}.items())
    notice = f'<p id="notice" class="card bad" role="alert">{escape(message)}</p>' if message else ""

    def field_html(name: str, label: str, hint: str, mode: str, autocomplete: str) -> str:
        invalid = ' aria-invalid="true"' if field == name else ""
        return (f'<label for="{name}">{escape(label)}</label><input id="{name}" name="{name}" inputmode="{mode}" '
                f'autocomplete="{autocomplete}" required maxlength="60" value="{escape(values.get(name, ""))}" '
                f'aria-describedby="{name}-hint"{invalid}><div id="{name}-hint" class="muted">{escape(hint)}</div>')

    fields = (field_html("name", t(N_("public", "Name")), t(N_("public", "As on your KTP")), "text", "name")
              + field_html("phone", t(N_("public", "Mobile number")),
                           t(N_("public", "e.g. 0812 3456 7890. Kept only to allow one booking per phone a day; "
                                          "pages show its last four digits.")), "tel", "tel"))
    return title, (f'<h1>{escape(title)}</h1><section class="card">{choice.summary(t, slot.label)}</section>{notice}'
                   f'<form method="post" action="{BASE}" class="card">{hidden}{fields}'
                   f'<button type="submit">{escape(t(N_("public", "Book")))}</button></form>')


def booking_page(t: W.Words, b: bookings.Booking, early_minutes: int) -> tuple[str, str]:
    title = t(N_("public", "Your booking"))
    opens = b.slot_start - dt.timedelta(minutes=early_minutes)
    time_label = f"{officetime.hhmm(b.slot_start, '.')}–{officetime.hhmm(b.slot_end, '.')} WIB"
    state = "ok" if b.status in ("booked", "used") else "bad"
    qr = qr_svg(b.code, t(N_("public", "QR code of booking {code}"), code=b.code)) if b.status == "booked" else ""
    how = (f'<section class="card"><h2>{escape(t(N_("public", "At the office")))}</h2><p>'
           + escape(t(N_("public", "From {opens} on {day}, touch \u201cPunya kode booking?\u201d on the kiosk and scan "
                                   "this QR code or type the code: your queue number is printed at once. If you have "
                                   "not taken it by {release}, the place goes to walk-in visitors."),
                      opens=officetime.hhmm(opens, "."), day=pages.day(t, b.day),
                      release=officetime.hhmm(b.release_at, ".")))
           + f'</p><p><a href="{pages.href(BASE + "/batal", t.language)}">{escape(t(N_("public", "Cancel this booking")))}'
           "</a></p></section>") if b.status == "booked" else ""
    body = (f'<h1>{escape(title)}</h1><section id="booking" class="card {state}" data-code="{escape(b.code)}" '
            f'data-status="{escape(b.status)}"><p class="muted">{escape(t(N_("public", "Booking code")))}</p>'
            f'<p class="code">{escape(b.code)}</p>{qr}'
            + pages.rows([(t(N_("public", "Service")), b.service_title or b.group_name),
                          (t(N_("public", "Queue")), f"{b.group_code} · {b.group_name}"),
                          (t(N_("public", "Day")), pages.day(t, b.day)), (t(N_("public", "Time")), time_label),
                          (t(N_("public", "Name")), b.masked_name), (t(N_("public", "Phone")), b.masked_phone),
                          (t(N_("public", "Status")), t(STATUS.get(b.status, b.status)))])
            + f"</section>{how}")
    return title, body


def cancel_form(t: W.Words, message: str = "") -> tuple[str, str]:
    return pages.form(t, BASE + "/batal", t(N_("public", "Cancel a booking")),
                      t(N_("public", "Type the booking code and the last four digits of the phone number you booked "
                                     "with. The place goes back to other visitors.")),
                      [("code", t(N_("public", "Booking code")), t(N_("public", "8 letters and digits")), "text"),
                       ("phone", t(N_("public", "Last four digits of the phone")), t(N_("public", "4 digits")),
                        "numeric")], message)


def install(app: FastAPI, engine: Engine, g: guard.Guard, *, secret: bytes, page: Callable[..., HTMLResponse],
            limited: Callable[..., HTMLResponse | None], client: Callable[[Request], str],
            read_form: Callable[[Request], Any], language: Callable[..., W.Words]) -> None:
    """Add the booking pages; *page*, *limited*, *client*, *read_form*, *language* are routes.py's helpers."""
    configs = ConfigCache()

    def now() -> dt.datetime:
        return officetime.now()

    def step(request: Request, t: W.Words, values: dict[str, str]) -> HTMLResponse:
        with engine.begin() as conn:
            cfg = configs.get(conn)
            bookings.release_due(conn, now=now())
            offered = bookings.bookable_groups(conn, cfg)
            choice = Choice(cfg, values)
            settings = next((s for grp, s in offered if choice.group and grp.id == choice.group.id), None)
            if choice.group is None or settings is None:
                return page(request, BASE, t, services_page(t, offered, cfg), outcome="services")
            if choice.day is None:
                return page(request, BASE, t, days_page(t, choice, bookings.days(conn, cfg, choice.group, settings,
                                                                                    now=now())), outcome="days")
            slots = bookings.slots_of(conn, cfg, choice.group, settings, choice.day, now=now())
        slot = next((s for s in slots if s.key == choice.slot and s.free), None)
        if slot is None:
            return page(request, BASE, t, slots_page(t, choice, slots), outcome="slots")
        return page(request, BASE, t, details_page(t, choice, slot), outcome="details")

    @app.get(BASE, response_class=HTMLResponse, include_in_schema=False)
    def choose(request: Request):
        t = language(request)
        return limited(request, BASE, t, g.pages, client(request)) or step(request, t, dict(request.query_params))

    def make(request: Request, t: W.Words, form: dict[str, str]) -> HTMLResponse | RedirectResponse:
        with engine.connect() as conn:
            cfg = configs.get(conn)
            choice = Choice(cfg, form)
            try:
                if choice.group is None or choice.day is None:
                    raise BookingRefused(N_("errors", "This service cannot be booked."))
                made = bookings.book(conn, cfg, secret, group_code=choice.group.code,
                                     service_id=choice.service.id if choice.service else None, day=choice.day,
                                     slot=choice.slot, name=form.get("name", ""), phone=form.get("phone", ""), now=now())
                conn.commit()
            except UserError as exc:
                conn.rollback()
                return refused(request, t, conn, cfg, choice, form, exc)
        guard.access(BASE, "POST", 303, "booked", request.state.started)
        target = pages.href(f"{BASE}/kode/{quote(made.code)}", t.language)
        return RedirectResponse(target, status_code=303, headers=guard.security_headers(pages.STYLE_HASH, https=False))

    def refused(request: Request, t: W.Words, conn, cfg, choice: Choice, form: dict[str, str], exc: UserError):
        text = _error_text(t, exc)
        settings = bookings.get_settings(conn, choice.group.id) if choice.group else None
        if choice.group is None or settings is None or choice.day is None:
            return page(request, BASE, t, pages.notice(t, t(N_("public", "Not booked")), text), status=409,
                        outcome="refused")
        slot = next((s for s in bookings.slots_of(conn, cfg, choice.group, settings, choice.day, now=now())
                     if s.key == choice.slot and s.free), None)
        if isinstance(exc, ValidationError) and slot is not None:
            return page(request, BASE, t, details_page(t, choice, slot, form, text, exc.field), status=422,
                        outcome="invalid")
        title, body = slots_page(t, choice, bookings.slots_of(conn, cfg, choice.group, settings, choice.day, now=now()))
        notice = f'<p id="notice" class="card bad" role="alert">{escape(text)}</p>'
        return page(request, BASE, t, (title, body.replace("</h1>", "</h1>" + notice, 1)), status=409,
                    outcome="refused")

    @app.post(BASE, response_class=HTMLResponse, include_in_schema=False)
    async def book(request: Request):
        form = await read_form(request)
        t = language(request, form)
        refused_ = (limited(request, BASE, t, g.pages, client(request))
                    or limited(request, BASE, t, g.lookups, client(request)))
        return refused_ or await run_in_threadpool(make, request, t, form)

    @app.get(BASE + "/kode/{code}", response_class=HTMLResponse, include_in_schema=False)
    def show(code: str, request: Request):
        t = language(request)
        route = BASE + "/kode/{code}"
        refused_ = limited(request, route, t, g.pages, client(request)) or limited(request, route, t, g.lookups,
                                                                                   client(request))
        if refused_:
            return refused_
        with engine.begin() as conn:
            cfg = configs.get(conn)
            found = bookings.find(conn, cfg, code, now=now())
            early = bookings.get_settings(conn, found.group_id).early_minutes if found else 0
        if found is None:
            return page(request, route, t, pages.notice(t, t(N_("public", "Not found")), t(
                N_("public", "No booking has this code. Check it on your confirmation."))), status=404, outcome="not_found")
        return page(request, route, t, booking_page(t, found, early), outcome=found.status)

    @app.get(BASE + "/batal", response_class=HTMLResponse, include_in_schema=False)
    def cancel_page(request: Request):
        t = language(request)
        return limited(request, BASE + "/batal", t, g.pages, client(request)) or page(request, BASE + "/batal", t,
                                                                                       cancel_form(t))

    def do_cancel(request: Request, t: W.Words, form: dict[str, str]) -> HTMLResponse:
        route = BASE + "/batal"
        with engine.connect() as conn:
            cfg = configs.get(conn)
            try:
                done = bookings.cancel(conn, cfg, code=form.get("code", ""), phone_last=form.get("phone", ""), now=now())
                conn.commit()
            except UserError as exc:
                conn.rollback()
                status = 404 if isinstance(exc, QueueNotFound) else 409
                return page(request, route, t, cancel_form(t, _error_text(t, exc)), status=status,
                            outcome="not_found" if status == 404 else "refused")
        return page(request, route, t, booking_page(t, done, 0), outcome="cancelled")

    @app.post(BASE + "/batal", response_class=HTMLResponse, include_in_schema=False)
    async def cancel_post(request: Request):
        form = await read_form(request)
        t = language(request, form)
        route = BASE + "/batal"
        refused_ = (limited(request, route, t, g.pages, client(request))
                    or limited(request, route, t, g.lookups, client(request)))
        if refused_:
            return refused_
        if not form.get("code", "").strip() or not form.get("phone", "").strip():
            return page(request, route, t, cancel_form(t, t(N_("public", "Fill in both fields."))), status=422,
                        outcome="empty")
        return await run_in_threadpool(do_cancel, request, t, form)
