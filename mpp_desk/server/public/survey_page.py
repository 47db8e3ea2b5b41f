"""The public satisfaction survey (SKM, PermenPANRB 14/2017) at ``/survei/<signed code>``: the PC's survey
(:mod:`mpp_desk.survey`) as a plain HTML form, no script, no cookie (docs/public-pages.md, "The survey").

Opened from the verification page of a served ticket or a Tanda Terima ("Isi survei kepuasan"), from the
place page of a served ticket of the live queue (its server reference ``q1.…``, a counter's reprint), or
directly by the paper's code. The nine elements with the regulation's four answers each, the profile
choices of the tablet, an optional suggestion. As on the tablet any question may be skipped, but not all
nine elements. Stored by :mod:`survey_store` as the server's change; once per ticket or file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape
import uuid
from typing import Any
from urllib.parse import parse_qs, quote

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse
from sqlalchemy.engine import Connection, Engine

from mpp_desk.errors import ValidationError
from mpp_desk.i18n import N_
from mpp_desk.server.public import check, pages
from mpp_desk.server.public import survey_store as store
from mpp_desk.server.public import words as W
from mpp_desk.server.public.data import Records
from mpp_desk.server.public.guard import Guard
from mpp_desk.survey import elements
from mpp_desk.survey.service import SUGGESTION_MAX, Profile

MAX_FORM_BYTES = 24_576  # nine answers, the profile and 2,000 characters of suggestion, percent-encoded
PROFILE: tuple[tuple[str, str, dict[str, str]], ...] = (
    ("age_group", N_("public", "Age"), elements.AGE_GROUPS),
    ("sex", N_("public", "Sex"), elements.SEXES),
    ("education", N_("public", "Highest education"), elements.EDUCATION),
    ("occupation", N_("public", "Occupation"), elements.OCCUPATIONS),
)

TITLE = N_("public", "Satisfaction survey")
LINK = N_("public", "Fill in the satisfaction survey")
REFUSED_TITLE = N_("public", "Survey not available")
REFUSALS = {  # survey_store reason -> (HTTP status, text)
    store.INVALID: (404, N_("public", "This code is not a valid queue ticket or Tanda Terima of this office. Open the "
                                      "survey from the QR code on your paper.")),
    store.NOT_SURVEYED: (404, N_("public", "The survey is filled in from a served queue ticket or a Tanda Terima; this "
                                           "paper has no survey.")),
    store.NOT_SERVED: (409, N_("public", "The survey opens once this ticket has been served. Scan the QR code again "
                                         "after your turn at the counter.")),
    store.ANSWERED: (409, N_("public", "This service was already rated: one response per ticket or file. Thank you.")),
}


@dataclass(frozen=True)
class Hooks:
    """What routes.py lends the survey's routes: its page, limit, client-address and language helpers."""

    page: Callable[..., HTMLResponse]
    limited: Callable[..., HTMLResponse | None]
    client: Callable[[Request], str]
    language: Callable[..., W.Words]
    guard: Guard
    secret: bytes | None = None  # the server's: a served ticket's ``q1.`` reference opens its survey too


# --- the verification page's link ------------------------------------------------------------------


def invitation(conn: Connection, t: W.Words, verdict: check.Verdict) -> str:
    """The card under a genuine served ticket's or Tanda Terima's verdict: the survey's link, or "rated"."""
    if not verdict.valid or verdict.result.kind not in (check.TICKET, check.TANDA_TERIMA):
        return ""
    return card(t, verdict.token, store.subject_of(conn, verdict)[0])


def reference_invitation(conn: Connection, t: W.Words, token: str, ticket_id: uuid.UUID) -> str:
    """The same card on a served ticket's place page, reached by the server's ``q1.`` reference (a reprint);
    *ticket_id* is the ticket the page found by that reference (checked once, there)."""
    return card(t, token.strip(), store.ticket_subject(Records(conn), ticket_id)[0])


def card(t: W.Words, token: str, reason: str) -> str:
    """The survey's link for *token* while it may be rated, "rated" once it was, else nothing."""
    if reason == store.OPEN:
        line = t(N_("public", "Tell us how the service went: nine short questions, about a minute. Your name is not "
                              "asked."))
        return (f'<section id="survey-link" class="card"><h2>{escape(t(TITLE))}</h2><p>{escape(line)}</p>'
                f'<p><a href="{pages.href("/survei/" + quote(token), t.language)}">{escape(t(LINK))}</a></p>'
                "</section>")
    if reason == store.ANSWERED:
        return (f'<section id="survey-done" class="card"><p class="muted">'
                f'{escape(t(N_("public", "The satisfaction survey for this service was filled in. Thank you.")))}'
                "</p></section>")
    return ""


# --- pages -------------------------------------------------------------------------------------------


def about(t: W.Words) -> tuple[str, str]:
    """``/survei``: how to reach the survey (the paper's QR), with the code form of ``/periksa``."""
    title = t(TITLE)
    intro = t(N_("public", "Scan the QR code on your queue ticket or Tanda Terima: once the paper is checked, choose "
                           "“Fill in the satisfaction survey”. Without a camera, type the code printed under the QR code."))
    return pages.form(t, "/periksa", title, intro, [("code", t(N_("public", "Code or address")),
                                                      t(N_("public", "As printed, e.g. AbC123de.eyJ…")), "text")])


def refusal(t: W.Words, reason: str) -> tuple[str, str]:
    """Why this code opens no survey; a rated ticket or file is said plainly, not as an error."""
    done = reason == store.ANSWERED
    title = t(N_("public", "Survey already filled in")) if done else t(REFUSED_TITLE)
    look = 'class="card" role="status"' if done else 'class="card bad" role="alert"'
    return title, (f'<section id="survey-refused" {look} data-reason="{escape(reason)}">'
                   f"<h1>{escape(title)}</h1><p>{escape(t(REFUSALS[reason][1]))}</p></section>")


def form(t: W.Words, token: str, subject: store.Subject, values: dict[str, str] | None = None,
         message: str = "") -> tuple[str, str]:
    """The form: the paper it is about, the nine elements (fieldset + legend + four radios), the profile, a suggestion."""
    values = values or {}
    title = t(TITLE)
    what = t(N_("public", "Ticket number")) if subject.kind == check.TICKET else t(N_("public", "Registration number"))
    service = subject.title or t(N_("public", "Services of the MPP in general"))
    notice = f'<p id="notice" class="card bad" role="alert">{escape(message)}</p>' if message else ""
    intro = t(N_("public", "Nine questions, each with four answers. A question you cannot answer may be left empty; "
                           "answer at least one."))
    paper = pages.rows([(t(N_("public", "Service")), service), (what, subject.reference)])
    body = [f"<h1>{escape(title)}</h1>", f'<section class="card">{paper}</section>', f"<p>{escape(intro)}</p>", notice,
            f'<form method="post" action="/survei/{quote(token)}" id="survey"><input type="hidden" name="lang" '
            f'value="{t.language}">']
    for number, element in enumerate(elements.ELEMENTS, start=1):
        chosen = values.get(element.code, "")
        options = "".join(
            f'<label class="opt"><input type="radio" name="{element.code}" value="{score}"'
            f'{" checked" if chosen == str(score) else ""}> {escape(element.answer_text(score, t.language))}</label>'
            for score in (1, 2, 3, 4))
        body.append(f'<fieldset><legend><span class="n">{number}. {escape(element.label(t.language))}</span> '
                    f'<span class="q">{escape(element.question_text(t.language))}</span></legend>{options}</fieldset>')
    body.append(f'<h2>{escape(t(N_("public", "About you")))}</h2>'
                f'<p class="muted">{escape(t(N_("public", "Optional: it helps read the results by group.")))}</p>')
    for name, label, table in PROFILE:
        chosen = values.get(name, "")
        options = "".join(f'<option value="{escape(code)}"{" selected" if chosen == code else ""}>'
                          f"{escape(elements.label(table, code, t.language))}</option>" for code in ("", *table))
        body.append(f'<label for="{name}">{escape(t(label))}</label><select id="{name}" name="{name}">{options}</select>')
    hint = t(N_("public", "At most {n} characters of plain text. Please do not write your NIK, phone number or "
                          "address."), n=SUGGESTION_MAX)
    body.append(f'<label for="suggestion">{escape(t(N_("public", "Suggestion (optional)")))}</label>'
                f'<textarea id="suggestion" name="suggestion" rows="4" maxlength="{SUGGESTION_MAX}" '
                f'aria-describedby="suggestion-hint">{escape(values.get("suggestion", ""))}</textarea>'
                f'<div id="suggestion-hint" class="muted">{escape(hint)}</div>'
                f'<button type="submit">{escape(t(N_("public", "Send")))}</button></form>')
    return title, "".join(body)


def thanks(t: W.Words) -> tuple[str, str]:
    title = t(N_("public", "Thank you"))
    text = t(N_("public", "Your answers were received. They count in the office's satisfaction index (IKM) and help "
                          "improve the service."))
    return title, (f'<section id="survey-thanks" class="card ok" role="status"><h1>{escape(title)}</h1>'
                   f'<p>{escape(text)}</p></section><p><a href="{pages.href("/", t.language)}">'
                   f'{escape(t(N_("public", "Back to the main page")))}</a></p>')


# --- reading the form ----------------------------------------------------------------------------------


def parse(body: bytes) -> dict[str, str] | None:
    """The form's fields (first value each); None for a body too large to be this form."""
    if len(body) > MAX_FORM_BYTES:
        return None
    parsed = parse_qs(body.decode("utf-8", "replace"), max_num_fields=20)
    return {k: v[0] for k, v in parsed.items() if v}


def answers(t: W.Words, form: dict[str, str]) -> tuple[list[int | None], Profile, str] | str:
    """(scores, profile, suggestion), or the sentence saying what to correct."""
    scores: list[int | None] = []
    for code in elements.CODES:
        raw = form.get(code, "")
        if raw not in ("", "1", "2", "3", "4"):
            return t(N_("public", "An answer is not one of this form's choices. Please choose again."))
        scores.append(int(raw) if raw else None)
    chosen = {name: form.get(name, "") for name, _label, _table in PROFILE}
    if any(value and value not in table for (name, _label, table), value in zip(PROFILE, chosen.values())):
        return t(N_("public", "An answer is not one of this form's choices. Please choose again."))
    if all(score is None for score in scores):
        return t(N_("public", "Answer at least one of the nine questions."))
    suggestion = store.clean_suggestion(form.get("suggestion", ""))
    if len(suggestion) > SUGGESTION_MAX:
        return t(N_("public", "The suggestion is longer than {n} characters. Please shorten it."), n=SUGGESTION_MAX)
    return scores, Profile(age_group=chosen["age_group"], sex=chosen["sex"], education=chosen["education"],
                           occupation=chosen["occupation"]), suggestion


# --- routes --------------------------------------------------------------------------------------------


def install(app: FastAPI, engine: Engine, h: Hooks) -> None:
    """``GET /survei``, ``GET /survei/{token}`` (the form) and ``POST /survei/{token}`` (the answers)."""

    def find(token: str) -> tuple[str, store.Subject | None]:
        with engine.connect() as conn:
            return store.subject_of_code(conn, token, secret=h.secret)

    @app.get("/survei", response_class=HTMLResponse, include_in_schema=False)
    def survey_about(request: Request):
        t = h.language(request)
        return h.limited(request, "/survei", t, h.guard.pages, h.client(request)) or h.page(
            request, "/survei", t, about(t))

    @app.get("/survei/{token}", response_class=HTMLResponse, include_in_schema=False)
    def survey_form(token: str, request: Request):
        t = h.language(request)
        refused = h.limited(request, "/survei/{token}", t, h.guard.pages, h.client(request))
        if refused:
            return refused
        reason, subject = find(token)
        if reason != store.OPEN or subject is None:
            return h.page(request, "/survei/{token}", t, refusal(t, reason), status=REFUSALS[reason][0], outcome=reason)
        return h.page(request, "/survei/{token}", t, form(t, token, subject), outcome="open")

    @app.post("/survei/{token}", response_class=HTMLResponse, include_in_schema=False)
    async def survey_post(token: str, request: Request):
        fields = parse(await request.body())
        t = h.language(request, fields)
        refused = h.limited(request, "/survei/{token}", t, h.guard.lookups, h.client(request))
        if refused:
            return refused
        return await run_in_threadpool(submit, request, t, token, fields)

    def submit(request: Request, t: W.Words, token: str, fields: dict[str, str] | None) -> HTMLResponse:
        route = "/survei/{token}"
        reason, subject = find(token)
        if reason != store.OPEN or subject is None:
            return h.page(request, route, t, refusal(t, reason), status=REFUSALS[reason][0], outcome=reason)
        given = answers(t, fields or {}) if fields is not None else t(
            N_("public", "The suggestion is longer than {n} characters. Please shorten it."), n=SUGGESTION_MAX)
        if isinstance(given, str):
            return h.page(request, route, t, form(t, token, subject, _kept(fields), given), status=422,
                          outcome="incomplete")
        scores, profile, suggestion = given
        try:
            with engine.begin() as conn:
                store.store(conn, subject, scores=scores, profile=profile, suggestion=suggestion)
        except store.AlreadyAnswered:
            return h.page(request, route, t, refusal(t, store.ANSWERED), status=409, outcome=store.ANSWERED)
        except ValidationError:  # the PC's rules said no to what this page let through: say it plainly
            return h.page(request, route, t, form(t, token, subject, _kept(fields), t(
                N_("public", "An answer is not one of this form's choices. Please choose again."))), status=422,
                outcome="incomplete")
        return h.page(request, route, t, thanks(t), outcome="stored")


def _kept(fields: dict[str, Any] | None) -> dict[str, str]:
    """What the person chose, to show again with the message (a suggestion cut to the limit)."""
    kept = {k: str(v) for k, v in (fields or {}).items()}
    if "suggestion" in kept:
        kept["suggestion"] = kept["suggestion"][:SUGGESTION_MAX]
    return kept
