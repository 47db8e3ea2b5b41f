"""The public pages' HTML: small, server-rendered, one inline style (its hash is in the CSP), no scripts but
the queue place page's own file (queue_page.py).

Every page is :func:`layout` around a body. The home page lists :data:`SECTIONS`; pages still to come
(booking a visit, the survey) add an entry there and a route in routes.py.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
from collections.abc import Callable
from html import escape
from urllib.parse import quote

from mpp_desk import officetime
from mpp_desk.i18n import N_
from mpp_desk.server.public import words as W
from mpp_desk.server.public.check import ComplaintProgress, FileProgress, Verdict
from mpp_desk.textformat import format_date

STYLE = (
    "*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;"
    "color:#1b1b1b;background:#f4f5f7}header,main,footer{max-width:40rem;margin:0 auto;padding:.75rem 1rem}"
    "header{display:flex;justify-content:space-between;align-items:center;gap:1rem;background:#0b3d6b;color:#fff;"
    "max-width:none}header a{color:#fff}.office{font-weight:700;text-decoration:none}"
    "h1{font-size:1.5rem;margin:.25rem 0 .5rem}h2{font-size:1.15rem;margin:1.25rem 0 .5rem}"
    ".card{background:#fff;border:1px solid #d0d4da;border-radius:.5rem;padding:1rem;margin:1rem 0}"
    ".ok{border-left:.5rem solid #1d7a3a;background:#eaf6ee}.bad{border-left:.5rem solid #b3261e;background:#fdeceb}"
    ".ok h1{color:#145c2b}.bad h1{color:#8c1d18}dl{margin:0;display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem}"
    "dt{color:#4a4f57}dd{margin:0;font-weight:600;overflow-wrap:anywhere}ol{padding-left:1.25rem}li{margin:.25rem 0}"
    "label{display:block;font-weight:600;margin:.75rem 0 .25rem}input{width:100%;font:inherit;padding:.6rem;"
    "border:1px solid #6b7280;border-radius:.375rem}button{margin-top:1rem;font:inherit;font-weight:600;color:#fff;"
    "background:#0b3d6b;border:0;border-radius:.375rem;padding:.7rem 1.2rem;min-height:44px}"
    "a{color:#0b4f8a}.late{color:#8c1d18;font-weight:700}.muted{color:#4a4f57;font-size:.9rem}"
    "footer{color:#4a4f57;font-size:.85rem}.card>h2:first-child{margin-top:0}"
    "@media(max-width:30rem){dl{grid-template-columns:1fr;gap:0}dd{margin-bottom:.5rem}}"
    ".big{font-size:2.75rem;font-weight:800;line-height:1.1;margin:0 0 .5rem;letter-spacing:.03em}"
    "table{width:100%;border-collapse:collapse}th,td{text-align:left;padding:.4rem .25rem;border-bottom:1px solid "
    "#d0d4da}td.code{font-size:1.25rem;font-weight:700}[hidden]{display:none}"
)
# the survey's form (survey_page.py): fieldsets of radio answers, selects, a text area
STYLE += (
    "fieldset{background:#fff;border:1px solid #d0d4da;border-radius:.5rem;margin:1rem 0;padding:.75rem 1rem}"
    "legend{float:left;width:100%;padding:0;margin-bottom:.25rem}legend+label{clear:both}legend .n{font-weight:700}"
    "legend .q{display:block}"
    "label.opt{display:flex;align-items:center;gap:.75rem;font-weight:400;margin:0;min-height:44px}"
    "input[type=radio]{width:1.25rem;height:1.25rem;margin:0;flex:none}"
    "select,textarea{width:100%;font:inherit;padding:.6rem;border:1px solid #6b7280;border-radius:.375rem;"
    "background:#fff;color:inherit}textarea{resize:vertical}"
    ".choices{list-style:none;padding:0}.choices a,.choices .full{display:block;padding:.75rem 1rem;min-height:44px;"
    "background:#fff;border:1px solid #d0d4da;border-radius:.375rem}.choices .full{color:#4a4f57}"
    ".code{font:700 2rem/1.2 ui-monospace,monospace;letter-spacing:.15em;margin:0}.qr{width:12rem;height:12rem;"
    "display:block;margin:.75rem 0}"
)
STYLE_HASH = "sha256-" + base64.b64encode(hashlib.sha256(STYLE.encode()).digest()).decode()


# The home page's entries: (path, title, line). Later pages (queue, booking, survey) add theirs.
SECTIONS: list[tuple[str, str, str]] = [
    ("/periksa", N_("public", "My place in the queue"),
     N_("public", "Scan the QR code on your queue ticket: see the number called at each counter, how many are ahead of "
                  "you and the estimated wait, live.")),
    ("/berkas", N_("public", "Follow a file"),
     N_("public", "With the registration number on your Tanda Terima and the last four digits of your NIK.")),
    ("/pengaduan", N_("public", "Follow a complaint"),
     N_("public", "With the case number and the follow code on your complaint receipt.")),
    ("/kunjungan", N_("public", "Book a visit"),
     N_("public", "Choose a service, a day and a time; the kiosk gives you your number at once with the booking code.")),
    ("/periksa", N_("public", "Check a paper"),
     N_("public", "Scan the QR code on a ticket or receipt with your phone's camera, or type its code here.")),
    ("/survei", N_("public", "Satisfaction survey"),
     N_("public", "Rate the service you received, from the QR code on your served queue ticket or your Tanda Terima.")),
]


def href(path: str, language: str) -> str:
    return path if language == "id" else f"{path}{'&' if '?' in path else '?'}lang=en"


def layout(t: W.Words, office: str, title: str, body: str, *, path: str, head: str = "") -> str:
    other, label = ("en", "English") if t.language == "id" else ("id", "Bahasa Indonesia")
    switch = href(path, other)
    return (
        f'<!doctype html><html lang="{t.language}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{escape(title)} · {escape(office)}</title><style>{STYLE}</style>{head}</head><body>"
        f'<header><a class="office" href="{href("/", t.language)}">{escape(office)}</a>'
        f'<a href="{escape(switch)}" hreflang="{other}" lang="{other}">{label}</a></header>'
        f'<main id="main">{body}</main>'
        f'<footer><p>{escape(t(N_("public", "This page keeps no cookies and shows no more than your paper does.")))}'
        "</p></footer></body></html>"
    )


def day(t: W.Words, value: dt.date | None) -> str:
    return format_date(value, t.language) if value else "-"


def moment(t: W.Words, value: dt.datetime) -> str:
    local = officetime.local(value)
    return f"{format_date(local.date(), t.language)}, {officetime.pukul(local) if t.language == 'id' else local.strftime('%H:%M WIB')}"


def rows(items: list[tuple[str, str]]) -> str:
    return "<dl>" + "".join(f"<dt>{escape(k)}</dt><dd>{escape(str(v))}</dd>" for k, v in items if v not in ("", None)) + "</dl>"


def home(t: W.Words) -> tuple[str, str]:
    cards = "".join(f'<section class="card"><h2><a href="{href(p, t.language)}">{escape(t(title))}</a></h2>'
                    f"<p>{escape(t(line))}</p></section>" for p, title, line in SECTIONS)
    title = t(N_("public", "Public services: your papers"))
    return title, f"<h1>{escape(title)}</h1>{cards}"


def verdict(t: W.Words, office: str, v: Verdict) -> tuple[str, str]:
    r = v.result
    kind = r.kind or ""
    text = t(W.VERDICTS[r.reason], kind=t.kind(kind), office=office, address=r.address or "")
    text = text[:1].upper() + text[1:]
    if r.differing:
        text += " " + t(W.DIFFERS, fields=t.fields(kind, r.differing))
    title = t(W.VERDICT_TITLES[r.valid])
    body = (f'<section id="verdict" class="card {"ok" if r.valid else "bad"}" data-valid="{str(r.valid).lower()}" '
            f'data-reason="{escape(r.reason)}" data-kind="{escape(kind)}" data-differing="{escape(",".join(r.differing))}">'
            f'<h1>{"✓" if r.valid else "✗"} {escape(title)}</h1><p>{escape(text)}</p></section>')
    if r.valid:
        body += _details(t, kind, v)
    return title, body


def _details(t: W.Words, kind: str, v: Verdict) -> str:
    d = v.details
    if kind == "q":
        items = [(t(N_("public", "Ticket number")), d["number"]), (t(N_("public", "Date")), day(t, d["date"])),
                 (t(N_("public", "Service")), d.get("service") or d.get("group"))]
        more = ""
    elif kind in ("tt", "rs"):
        items = [(t(N_("public", "Registration number")), d["number"]), (t(N_("public", "Service")), d["service"]),
                 (t(N_("public", "Received") if kind == "tt" else N_("public", "Visited")), day(t, d["received"])),
                 (t(N_("public", "Due date")), day(t, d["due"]) if d["due"] else ""), ("NIK", d["nik"]),
                 (t(N_("public", "Copy")), t(N_("public", "copy {n} (SALINAN)"), n=d["copy"]) if d["copy"] > 1 else "")]
        more = (f'<p><a href="{href("/berkas/" + quote(v.token), t.language)}">{escape(t(N_("public", "Follow this file")))}'
                "</a></p>" if kind == "tt" else "")
    else:
        items = [(t(N_("public", "Case number")), d["number"]),
                 (t(N_("public", "Type")), t(W.COMPLAINT_TYPES.get(d["type"]) or d["type"])),
                 (t(N_("public", "Received")), day(t, d["received"])), (t(N_("public", "Response at the latest on")),
                                                                       day(t, d["respond_by"])),
                 (t(N_("public", "Service")), d["service"]), ("NIK", d["nik"])]
        more = (f'<p><a href="{href("/pengaduan/" + quote(v.token), t.language)}">'
                f'{escape(t(N_("public", "Follow this complaint")))}</a></p>')
    return f'<section class="card"><h2>{escape(t.kind(kind)[:1].upper() + t.kind(kind)[1:])}</h2>{rows(items)}{more}</section>'


def form(t: W.Words, action: str, title: str, intro: str, fields: list[tuple[str, str, str, str]],
         message: str = "") -> tuple[str, str]:
    """A lookup form (POST, so the secret part stays out of addresses and logs); *fields*: (name, label, hint, mode)."""
    inputs = "".join(
        f'<label for="{n}">{escape(label)}</label><input id="{n}" name="{n}" inputmode="{mode}" autocomplete="off" '
        f'required aria-describedby="{n}-hint"><div id="{n}-hint" class="muted">{escape(hint)}</div>'
        for n, label, hint, mode in fields)
    notice = f'<p id="notice" class="card bad" role="alert">{escape(message)}</p>' if message else ""
    return title, (f"<h1>{escape(title)}</h1><p>{escape(intro)}</p>{notice}"
                   f'<form method="post" action="{action}" class="card"><input type="hidden" name="lang" '
                   f'value="{t.language}">{inputs}<button type="submit">{escape(t(N_("public", "Show")))}</button></form>')


def file_page(t: W.Words, f: FileProgress) -> tuple[str, str]:
    title = t(N_("public", "Your file"))
    status = t(W.STATUS.get(f.status, f.status))
    timing = ""
    if f.late_days is not None:
        timing = (f'<p class="late">{escape(t(N_("public", "Late: {n} working days past the due date."), n=f.late_days))}'
                  "</p>" if f.late_days > 0 else "")
    elif f.days_left is not None:
        timing = f'<p>{escape(t(N_("public", "{n} working days left until the due date."), n=f.days_left))}</p>'
    history = "".join(f"<li>{escape(t(W.STATUS.get(s, s)))} · <span class=\"muted\">{escape(moment(t, at))}</span></li>"
                      for at, s in f.history)
    body = (f'<h1>{escape(title)}</h1><section id="file" class="card" data-status="{escape(f.status)}" '
            f'data-late="{f.late_days if f.late_days is not None else ""}">'
            + rows([(t(N_("public", "Registration number")), f.number), (t(N_("public", "Service")), f.service),
                    (t(N_("public", "Received")), day(t, f.received)), (t(N_("public", "Due date")), day(t, f.due)),
                    (t(N_("public", "Status")), status)])
            + timing + "</section>"
            f'<section class="card"><h2>{escape(t(N_("public", "What to bring")))}</h2>'
            f'<p>{escape(t(W.TO_BRING.get(f.status, W.TO_BRING["received"])))}</p></section>'
            f'<section class="card"><h2>{escape(t(N_("public", "History")))}</h2><ol>{history}</ol></section>')
    return title, body


def complaint_page(t: W.Words, c: ComplaintProgress) -> tuple[str, str]:
    title = t(N_("public", "Your complaint"))
    state = t(N_("public", "Closed")) if c.status == "closed" else t(N_("public", "Open"))
    overdue = c.status != "closed" and c.responded_on is None and c.today > c.respond_by
    steps = "".join(f"<li>{escape(t(W.STEPS.get(s, s)))} · <span class=\"muted\">{escape(moment(t, at))}</span></li>"
                    for at, s in c.steps)
    body = (f'<h1>{escape(title)}</h1><section id="complaint" class="card" data-status="{escape(c.status)}">'
            + rows([(t(N_("public", "Case number")), c.number),
                    (t(N_("public", "Type")), t(W.COMPLAINT_TYPES.get(c.type, c.type))),
                    (t(N_("public", "Received")), day(t, c.received)),
                    (t(N_("public", "Response at the latest on")), day(t, c.respond_by)),
                    (t(N_("public", "Answered on")), day(t, c.responded_on) if c.responded_on else ""),
                    (t(N_("public", "Status")), state)])
            + (f'<p class="late">{escape(t(N_("public", "The response is late; you may ask at the complaint desk.")))}</p>'
               if overdue else "")
            + f'</section><section class="card"><h2>{escape(t(N_("public", "Steps so far")))}</h2><ol>{steps}</ol></section>')
    return title, body


def notice(t: W.Words, title: str, text: str, *, element: str = "notice") -> tuple[str, str]:
    return title, f'<section id="{element}" class="card bad" role="alert"><h1>{escape(title)}</h1><p>{escape(text)}</p></section>'


Render = Callable[[W.Words], tuple[str, str]]
