"""The public pages' routes on mpp-central (docs/public-pages.md): verify a code, follow a file, follow a
complaint. Reading needs no account and sets no cookie; every lookup needs the signed code or a number
plus a secret part, and is rate-limited per client address."""

from __future__ import annotations

import time
from urllib.parse import parse_qs

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.engine import Engine

from mpp_desk import signing
from mpp_desk.i18n import N_
from mpp_desk.server.public import booking_pages, check, guard, pages, queue_page, survey_page
from mpp_desk.server.public import words as W
from mpp_desk.server.public.data import Records

MAX_FORM_BYTES = 2048
PATHS = ("/", "/v", "/periksa", "/berkas", "/pengaduan", "/antrian", "/survei", "/kunjungan")


def install(app: FastAPI, engine: Engine, settings: guard.PublicSettings | None = None, *, secret: bytes | None = None,
            waker: object = None) -> guard.Guard:
    """Add the public pages to *app*; returns their guard (its limits, for tests). With the server's *secret*
    and the queue's *waker*, a server ticket's QR opens its live place in the queue (queue_page.py); the
    *secret* also keys the booked visits' phone hashes."""
    g = guard.Guard(settings or guard.PublicSettings(), engine=engine)
    guard.start_access_log()

    def office() -> str:
        with engine.connect() as conn:
            return str(Records(conn).setting("office.name") or "MPP")

    def language(request: Request, form: dict[str, str] | None = None) -> W.Words:
        return W.Words((form or {}).get("lang") or request.query_params.get("lang", "id"))

    def page(request: Request, route: str, t: W.Words, render: tuple[str, str], *, status: int = 200,
             outcome: str = "", name: str | None = None, extra: dict[str, str] | None = None, script: bool = False,
             head: str = "") -> HTMLResponse:
        title, body = render
        html = pages.layout(t, name or office(), title, body, path=request.url.path, head=head)
        https = request.url.scheme == "https" or (
            request.headers.get("x-forwarded-proto") == "https" and _host(request) in g.settings.trusted_proxies)
        headers = {**guard.security_headers(pages.STYLE_HASH, https=https, script=script),
                   "Content-Language": t.language,
                   **(extra or {})}
        guard.access(route, request.method, status, outcome, request.state.started)
        return HTMLResponse(html, status_code=status, headers=headers)

    def limited(request: Request, route: str, t: W.Words, limiter: guard.Limiter | guard.SharedLimiter,
                key: str) -> HTMLResponse | None:
        request.state.started = time.perf_counter()
        wait = limiter.take(key)
        if not wait:
            return None
        minutes = max(1, round(wait / 60))
        text = t(N_("public", "Too many requests from your connection. Please wait {minutes} minute(s) and try "
                              "again."), minutes=minutes)
        return page(request, route, t, pages.notice(t, t(N_("public", "Please wait")), text, element="limited"),
                    status=429, outcome="limited", extra={"Retry-After": str(int(wait) + 1)})

    def client(request: Request) -> str:
        return g.client(_host(request), request.headers.get("x-forwarded-for"))

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request):
        t = language(request)
        return limited(request, "/", t, g.pages, client(request)) or page(request, "/", t, pages.home(t))

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon():
        return Response(status_code=204, headers={"Cache-Control": "max-age=86400"})

    place_pages: queue_page.Handlers | None = None

    def show_verdict(request: Request, route: str, text: str, *, from_address: bool) -> HTMLResponse:
        t = language(request)
        with engine.connect() as conn:
            verdict = check.verify_code(conn, text, from_address=from_address)
            name = str(Records(conn).setting("office.name") or "MPP")
            live = place_pages is not None and verdict.valid and bool(verdict.details.get("live_queue"))
            survey = "" if live else survey_page.invitation(conn, t, verdict)  # a served ticket's or a TT's survey
        if live and place_pages is not None:
            # a kiosk's PC-signed ticket held in the live queue: today's, not finished -> its place, with the verdict
            shown = place_pages.live_ticket(request, route, t, verdict.details["ticket_id"], name)
            if shown is not None:
                return shown
            with engine.connect() as conn:
                survey = survey_page.invitation(conn, t, verdict)
        title, body = pages.verdict(t, name, verdict)
        return page(request, route, t, (title, body + survey), outcome=verdict.result.reason, name=name,
                    status=200 if verdict.valid else 404 if verdict.result.reason == "not_found" else 200)

    show_place = None
    if secret is not None and waker is not None:  # the live queue's tickets: their QR opens their place
        place_pages = queue_page.install(app, engine, secret=secret, waker=waker, g=g, page=page, limited=limited,
                                         language=language, client=client, href=pages.href)
        show_place = place_pages.show

    @app.get("/v/{token}", response_class=HTMLResponse, include_in_schema=False)
    def verify(token: str, request: Request):
        t = language(request)
        if show_place is not None and queue_page.is_reference(token):
            return show_place(request, "/v/{token}", token)
        return limited(request, "/v/{token}", t, g.pages, client(request)) or show_verdict(
            request, "/v/{token}", token, from_address=True)

    @app.get("/v", response_class=HTMLResponse, include_in_schema=False)
    def verify_query(request: Request):
        t = language(request)
        token = request.query_params.get("t", "")
        if show_place is not None and queue_page.is_reference(token):
            return show_place(request, "/v", token)
        return limited(request, "/v", t, g.pages, client(request)) or show_verdict(request, "/v", token, from_address=True)

    def check_form(t: W.Words, message: str = ""):
        return pages.form(t, "/periksa", t(N_("public", "Check a paper")),
                          t(N_("public", "Scanning the QR code opens this check by itself. Without a camera, type the "
                                         "code printed under the QR code, or paste the whole address.")),
                          [("code", t(N_("public", "Code or address")), t(N_("public", "As printed, e.g. AbC123de.eyJ…")),
                            "text")], message)

    def file_form(t: W.Words, message: str = ""):
        return pages.form(t, "/berkas", t(N_("public", "Follow a file")),
                          t(N_("public", "Type the registration number printed on your Tanda Terima and the last four "
                                         "digits of the applicant's NIK.")),
                          [("number", t(N_("public", "Registration number")), t(N_("public", "e.g. MPP/2026/03/010001")),
                            "text"),
                           ("nik", t(N_("public", "Last four digits of the NIK")), t(N_("public", "4 digits")),
                            "numeric")], message)

    def complaint_form(t: W.Words, message: str = ""):
        return pages.form(t, "/pengaduan", t(N_("public", "Follow a complaint")),
                          t(N_("public", "Type the case number and the follow code printed on your complaint receipt.")),
                          [("number", t(N_("public", "Case number")), t(N_("public", "e.g. ADU/2026/11/K7Q-0042")), "text"),
                           ("code", t(N_("public", "Follow code")), t(N_("public", "8 letters and digits, e.g. K7QD-3M2X")),
                            "text")], message)

    forms = {"/periksa": check_form, "/berkas": file_form, "/pengaduan": complaint_form}
    for path, make in forms.items():
        def show_form(request: Request, _make=make, _path=path):
            t = language(request)
            return limited(request, _path, t, g.pages, client(request)) or page(request, _path, t, _make(t))
        app.add_api_route(path, show_form, methods=["GET"], response_class=HTMLResponse, include_in_schema=False)

    async def read_form(request: Request) -> dict[str, str]:
        body = await request.body()
        if len(body) > MAX_FORM_BYTES:
            return {}
        parsed = parse_qs(body.decode("utf-8", "replace"), max_num_fields=10)
        return {k: v[0][:200] for k, v in parsed.items() if v}

    @app.post("/periksa", response_class=HTMLResponse, include_in_schema=False)
    async def check_post(request: Request):
        form = await read_form(request)
        t = language(request, form)
        if show_place is not None and queue_page.is_reference(signing.extract_token(form.get("code", ""))):
            return await run_in_threadpool(show_place, request, "/periksa", signing.extract_token(form["code"]))
        refused = await run_in_threadpool(limited, request, "/periksa", t, g.pages, client(request))
        if refused:
            return refused
        if not form.get("code", "").strip():
            return page(request, "/periksa", t, check_form(t, t(N_("public", "Type the code first."))), status=422,
                        outcome="empty")
        return await run_in_threadpool(show_verdict, request, "/periksa", form["code"], from_address=False)

    def lookup(request: Request, route: str, t: W.Words, form: dict[str, str], make_form, find, wrong: str):
        number = form.get("number", "").strip().upper()
        secret = form.get("secret", "")
        if not number or not secret:
            return page(request, route, t, make_form(t, t(N_("public", "Fill in both fields."))), status=422,
                        outcome="empty")
        refused = limited(request, route, t, g.lookups, client(request))
        if refused:
            return refused
        if g.failures.blocked(route + number):
            text = t(N_("public", "Too many wrong attempts for this number. Use the QR code on your paper, or ask at "
                                  "the counter."))
            return page(request, route, t, make_form(t, text), status=429, outcome="number_locked")
        with engine.connect() as conn:
            found = find(conn, number, secret)
        if found is None:
            g.failures.take(route + number)
            return page(request, route, t, make_form(t, wrong), status=404, outcome="not_found")
        render = pages.file_page(t, found) if route == "/berkas" else pages.complaint_page(t, found)
        return page(request, route, t, render, outcome="found")

    @app.post("/berkas", response_class=HTMLResponse, include_in_schema=False)
    async def file_post(request: Request):
        form = await read_form(request)
        t = language(request, form)
        form["secret"] = form.get("nik", "")
        wrong = t(N_("public", "No file matches this registration number and these NIK digits. Check both on your "
                               "Tanda Terima."))
        return (await run_in_threadpool(limited, request, "/berkas", t, g.pages, client(request))
                or await run_in_threadpool(lookup, request, "/berkas", t, form, file_form, check.file_by_number, wrong))

    @app.post("/pengaduan", response_class=HTMLResponse, include_in_schema=False)
    async def complaint_post(request: Request):
        form = await read_form(request)
        t = language(request, form)
        form["secret"] = form.get("code", "")
        wrong = t(N_("public", "No complaint matches this case number and follow code. Check both on your receipt."))
        return (await run_in_threadpool(limited, request, "/pengaduan", t, g.pages, client(request))
                or await run_in_threadpool(lookup, request, "/pengaduan", t, form, complaint_form,
                                           check.complaint_by_number, wrong))

    def by_token(request: Request, route: str, token: str, find, render, what: str):
        t = language(request)
        refused = limited(request, route, t, g.pages, client(request))
        if refused:
            return refused
        with engine.connect() as conn:
            found = find(conn, token)
        if found is None:
            return page(request, route, t, pages.notice(t, t(W.VERDICT_TITLES[False]), t(what)), status=404,
                        outcome="not_found")
        return page(request, route, t, render(t, found), outcome="found")

    @app.get("/berkas/{token}", response_class=HTMLResponse, include_in_schema=False)
    def file_token(token: str, request: Request):
        return by_token(request, "/berkas/{token}", token, check.file_by_token, pages.file_page,
                        N_("public", "This code is not a valid Tanda Terima of this office. Open it from the QR code "
                                     "to see why."))

    @app.get("/pengaduan/{token}", response_class=HTMLResponse, include_in_schema=False)
    def complaint_token(token: str, request: Request):
        return by_token(request, "/pengaduan/{token}", token, check.complaint_by_token, pages.complaint_page,
                        N_("public", "This code is not a valid complaint receipt of this office. Open it from the QR "
                                     "code to see why."))

    survey_page.install(app, engine, survey_page.Hooks(page, limited, client, language, g, secret=secret))
    # book a visit (issue 17): /kunjungan, its own module; *secret* keys the phone numbers' hashes
    booking_pages.install(app, engine, g, secret=secret or b"", page=page, limited=limited, client=client,
                          read_form=read_form, language=language)
    return g


def _host(request: Request) -> str:
    return request.client.host if request.client else "?"
