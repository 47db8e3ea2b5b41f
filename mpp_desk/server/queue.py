"""The live queue on the server: issue, call-next and the counter's actions, decided here (issue 14).

Services over one connection; the caller (``queue_api.py``) owns the transaction and commits once
per request. The rules are the PC's (:mod:`mpp_desk.queue.service`, :mod:`mpp_desk.queue.rules`),
applied on the server's clock and on the configuration the PCs synced (:mod:`queue_config`).

- Numbers: ``q_numbers`` holds the last number per group and day; the upsert that takes the next
  one locks that row, so two kiosks queue there, and ``UNIQUE(group_id, service_date, number)``
  backs it. A refused issue (daily limit) rolls the number back with the transaction.
- Call-next: the counter's row in ``q_counters`` is locked first (one counter pressing twice waits
  for itself), then the head of its lines is claimed with ``FOR UPDATE SKIP LOCKED``: thirty counters
  pressing at once each take a different ticket, none waits for another's.
- Events: appended last in each transaction. Their ``seq`` is taken at insert, so under concurrency
  seq 11 may commit before seq 10. Readers (the stream, ``events_since``, the board's horizon) hand out
  a seq only when every lower one is there or *settled*: a missing seq is skipped only once a later
  event was logged more than :data:`SETTLE_S` seconds ago (its transaction rolled back or died). No
  lock and no NOTIFY in the writers' commit: commits of thirty counters go to disk together.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import re
import threading
import time
import uuid
from typing import Any

from psycopg.pq import ExecStatus
from psycopg.rows import dict_row
from sqlalchemy import select, text
from sqlalchemy.engine import Connection

from mpp_desk.errors import UserError
from mpp_desk.i18n import N_
from mpp_desk.officetime import as_utc, local_date
from mpp_desk.queue import labels
from mpp_desk.queue.errors import CounterBusy, CounterNotBound, InvalidTransition, QueueClosed, QueueNotFound
from mpp_desk.queue.rules import check_limit, check_open_at
from mpp_desk.queue.service import ALLOWED_FROM, DEFAULT_SERVICE_TIME, ticket_code
from mpp_desk.server.devices import Device
from mpp_desk.server.queue_config import Group, QueueConfig
from mpp_desk.server.queue_tables import q_numbers, q_tickets

CHANNEL = "mpp_queue"
SETTLE_S = 2.0  # a gap in the events older than this is a rolled-back transaction, not one in flight
HORIZON_WINDOW = 500  # in-flight events are at most a pool of connections' worth: the board looks this far back
ACTIVE = ("called", "serving")
ISSUERS = frozenset({"kiosk", "counter", "complaints", "supervisor", "admin"})
SERVERS = frozenset({"counter", "complaints", "supervisor", "admin"})
TOKEN_KIND = "q1"


class QueueRefused(Exception):
    """A device's role may not do this (403)."""


def require_role(device: Device, roles: frozenset[str], what: str) -> None:
    if device.role not in roles:
        raise QueueRefused(f"a {device.role} device may not {what}")


def require_counter(device: Device, counter_number: int) -> None:
    """A device bound to counter numbers (``mpp-central device bind``) acts only at those (403, translated on the PC)."""
    if not device.may_work_at(counter_number):
        raise CounterNotBound(
            N_("errors", "This PC may not work at counter {number}: the server binds it to counter {counters}. "
                         "Check this PC's counter number, or ask the administrator."),
            number=counter_number, counters=", ".join(str(n) for n in device.counters or ()))


# --- statements of the hot paths ------------------------------------------------------------------

TUPLES_OK = ExecStatus.TUPLES_OK
_PARAM = re.compile(r"(?<![:\w]):([A-Za-z_]\w*)")


class Raw:
    """A hot path's statement, run on the driver's connection (psycopg, inside the SQLAlchemy connection's
    transaction) without SQLAlchemy's per-execute work: compiled cache lookup, result metadata, type
    processing cost more CPU than PostgreSQL spent on the statement. psycopg prepares it server-side
    after a few runs on a connection. ``:name`` parameters, as in ``text()``."""

    __slots__ = ("sql",)

    def __init__(self, sql: str) -> None:
        self.sql = _PARAM.sub(r"%(\1)s", sql.replace("%", "%%"))

    def first(self, conn: Connection, params: dict[str, Any], *, row_factory: Any = dict_row) -> Any:
        """The first row (a dict, or what *row_factory* makes), or None."""
        with conn.connection.driver_connection.cursor(row_factory=row_factory) as cur:  # type: ignore[union-attr]
            cur.execute(self.sql, params)
            # the result's status, not ``cur.description``: that builds a Column object per column each time
            # (thirty for a ticket's row: a tenth of the request's server CPU)
            result = cur.pgresult
            return cur.fetchone() if result is not None and result.status == TUPLES_OK else None


_CODE_SQL = "{p} || CASE WHEN {n} < 1000 THEN lpad({n}::text, 3, '0') ELSE {n}::text END"  # = ticket_code()


def _issue_statement(priority: bool):
    """Issue in one statement: the next number (row lock per group and day), the ticket, its event, the people
    ahead. No row when the daily limit, less the bookings still held for the day (server/bookings.py), is passed
    (the caller refuses; the number rolls back). A booking's own ticket is issued with no limit."""
    ahead = "q.priority AND q.issued_at < t.issued_at" if priority else "(q.priority OR q.issued_at < t.issued_at)"
    return Raw(
        "WITH n AS (INSERT INTO q_numbers AS n (group_id, service_date, last_number, last_issued_at) "
        "VALUES (CAST(:group_id AS uuid), CAST(:day AS date), 1, CAST(:now AS timestamptz)) ON CONFLICT (group_id, "
        "service_date) DO UPDATE SET last_number = n.last_number + 1, "
        "last_issued_at = greatest(CAST(:now AS timestamptz), n.last_issued_at + interval '1 microsecond') "
        "RETURNING last_number, last_issued_at), "
        "t AS (INSERT INTO q_tickets (id, group_id, group_code, route_group_id, route_group_code, service_id, service_date, "
        "number, code, priority, priority_reason, status, issued_at, issued_by, channel) SELECT CAST(:id AS uuid), "
        "CAST(:group_id AS uuid), CAST(:group_code AS varchar), CAST(:group_id AS uuid), CAST(:group_code AS varchar), "
        "CAST(:service_id AS uuid), CAST(:day AS date), n.last_number, "
        + _CODE_SQL.format(p="CAST(:group_code AS varchar)", n="n.last_number")
        + ", CAST(:priority AS boolean), CAST(:priority_reason AS varchar), 'waiting', n.last_issued_at, "
        "CAST(:device AS uuid), CAST(:channel AS varchar) FROM n "
        "WHERE CAST(:limit AS integer) IS NULL OR n.last_number <= CAST(:limit AS integer) - (SELECT count(*) FROM q_bookings b "
        "WHERE b.group_id = CAST(:group_id AS uuid) AND b.day = CAST(:day AS date) AND b.status = 'booked' "
        "AND b.release_at > CAST(:now AS timestamptz)) RETURNING *), "
        "e AS (INSERT INTO q_events (type, ticket_id, ticket_code, group_code, service_date, at, detail, device_id) "
        "SELECT 'issued', t.id, t.code, t.route_group_code, t.service_date, t.issued_at, '', t.issued_by FROM t RETURNING seq) "
        "SELECT t.*, (SELECT count(*) FROM q_tickets q WHERE q.status = 'waiting' AND q.service_date = CAST(:day AS date) "
        f"AND q.route_group_id = CAST(:group_id AS uuid) AND {ahead}) AS ahead FROM t, e"
    )


_ISSUE = {True: _issue_statement(True), False: _issue_statement(False)}
_FIGURES = text(
    "SELECT avg(extract(epoch FROM finished_at - served_started_at)) FILTER (WHERE status = 'done' AND "
    "served_started_at IS NOT NULL), count(DISTINCT counter_number) FROM q_tickets "
    "WHERE service_date = :day AND route_group_id = :group_id AND status IN ('called', 'serving', 'held', 'done', 'no_show')"
)
_LOCK_COUNTER = Raw(
    "INSERT INTO q_counters AS c (counter_number, device_id, updated_at) VALUES (:number, :device, :now) "
    "ON CONFLICT (counter_number) DO UPDATE SET device_id = excluded.device_id, updated_at = excluded.updated_at"
)
_ACTIVE_AT_COUNTER = text(
    "SELECT code, status FROM q_tickets WHERE counter_number = :number AND status IN ('called', 'serving') LIMIT 1")


def _head(priority: bool) -> str:
    return ("SELECT id FROM q_tickets WHERE status = 'waiting' AND service_date = :day AND priority IS "
            + ("TRUE" if priority else "FALSE")
            + " AND ((route_group_id = ANY(:groups) AND (target_counter_number IS NULL OR target_counter_number = :number))"
            " OR target_counter_number = :number) ORDER BY issued_at, id LIMIT 1 FOR UPDATE SKIP LOCKED")


# Claim in one statement: the head of the priority class, else of the others (coalesce evaluates the second
# only when the first finds none), and only while the counter has nothing called or in service (checked in
# this statement's snapshot, taken after the counter's row lock).
_CLAIM = Raw(
    "UPDATE q_tickets SET status = 'called', counter_number = :number, target_counter_number = NULL, called_at = :now, "
    f"first_called_at = coalesce(first_called_at, :now) WHERE status = 'waiting' AND id = coalesce(({_head(True)}), "
    f"({_head(False)})) AND NOT EXISTS (SELECT 1 FROM q_tickets b WHERE b.counter_number = :number AND "
    "b.status IN ('called', 'serving')) RETURNING *"
)
_TICKET_FOR_UPDATE = Raw("SELECT * FROM q_tickets WHERE id = :id FOR UPDATE")
_EVENT = text(
    "INSERT INTO q_events (type, ticket_id, ticket_code, group_code, counter_number, service_date, at, detail, "
    "device_id) VALUES (:type, :ticket_id, :code, :group_code, :counter, :day, :at, :detail, :device) RETURNING seq"
)
_WAITING_COUNTS = text("SELECT route_group_id, count(*) FROM q_tickets WHERE status = 'waiting' AND service_date = :day "
                       "GROUP BY route_group_id")
_EVENT_COLUMNS = "seq, type, ticket_id, ticket_code, group_code, counter_number, at, detail, service_date"
_SETTLED = f"logged_at < clock_timestamp() - interval '{SETTLE_S} seconds' AS settled"
_EVENTS_AFTER = text(f"SELECT {_EVENT_COLUMNS}, {_SETTLED} FROM q_events WHERE seq > :after ORDER BY seq LIMIT :limit")
_RECENT = text(f"SELECT seq, {_SETTLED} FROM q_events WHERE seq > (SELECT coalesce(max(seq), 0) FROM q_events) - :window "
               "ORDER BY seq")
_LAST_CALLS = text(f"SELECT {_EVENT_COLUMNS} FROM q_events WHERE service_date = :day AND type IN ('called', 'recalled') "
                   "ORDER BY seq DESC LIMIT :limit")


# --- signed reference (the ticket's QR; the public page of issue 8 verifies it) --------------------


def _token_key(secret: bytes) -> bytes:
    return hmac.new(secret, b"mpp-queue-ticket-reference", hashlib.sha256).digest()


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def ticket_reference(secret: bytes, ticket_id: uuid.UUID, code: str, day: dt.date) -> str:
    """``q1.<id>.<mac>``: the ticket's id (22 characters) and an HMAC of id, number and date under the server's secret."""
    mac = hmac.new(_token_key(secret), f"{ticket_id}|{code}|{day.isoformat()}".encode(), hashlib.sha256).digest()[:12]
    return f"{TOKEN_KIND}.{_b64(ticket_id.bytes)}.{_b64(mac)}"


def check_reference(conn: Connection, secret: bytes, token: str) -> dict[str, Any] | None:
    """The ticket a reference names, if the reference is genuine; None otherwise."""
    try:
        kind, ident, _mac = token.strip().split(".")
        ticket_id = uuid.UUID(bytes=base64.urlsafe_b64decode(ident + "=" * (-len(ident) % 4)))
    except (ValueError, TypeError):
        return None
    if kind != TOKEN_KIND:
        return None
    row = conn.execute(select(q_tickets).where(q_tickets.c.id == ticket_id)).mappings().first()
    if row is None or not hmac.compare_digest(ticket_reference(secret, ticket_id, row["code"], row["service_date"]),
                                              token.strip()):
        return None
    return dict(row)


# --- views on the wire ----------------------------------------------------------------------------------


def _iso(value: dt.datetime | dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def ticket_json(row: Any, cfg: QueueConfig, secret: bytes) -> dict[str, Any]:
    group = cfg.groups.get(row["group_id"])
    service = cfg.services.get(row["service_id"]) if row["service_id"] else None
    return {
        "id": str(row["id"]), "code": row["code"], "number": row["number"], "group_code": row["group_code"],
        "group_name": group.name if group else row["group_code"], "route_group_code": row["route_group_code"],
        "service_id": str(row["service_id"]) if row["service_id"] else None,
        "service_title": service.title if service else None, "service_date": row["service_date"].isoformat(),
        "status": row["status"], "priority": row["priority"], "priority_reason": row["priority_reason"],
        "issued_at": _iso(row["issued_at"]), "called_at": _iso(row["called_at"]),
        "counter_number": row["counter_number"], "target_counter_number": row["target_counter_number"],
        "served_started_at": _iso(row["served_started_at"]), "finished_at": _iso(row["finished_at"]),
        "outcome": row["outcome"], "printed": row["printed"], "recall_count": row["recall_count"],
        "transfer_count": row["transfer_count"],
        "reference": ticket_reference(secret, row["id"], row["code"], row["service_date"]),
    }


def event_json(row: Any) -> dict[str, Any]:
    return {"seq": row["seq"], "type": row["type"], "ticket_id": str(row["ticket_id"]), "ticket_code": row["ticket_code"],
            "group_code": row["group_code"], "counter_number": row["counter_number"], "at": _iso(row["at"]),
            "detail": row["detail"], "service_date": _iso(row["service_date"])}


def error_json(exc: Exception) -> dict[str, Any]:
    """A refusal on the wire: the English text, and the template and parameters the PC translates."""
    params = {k: str(v) for k, v in getattr(exc, "params", {}).items()}
    return {"detail": str(exc), "error": {"type": type(exc).__name__, "message": getattr(exc, "message", str(exc)),
                                          "params": params}}


# --- issuing ----------------------------------------------------------------------------------------------


def issue(conn: Connection, cfg: QueueConfig, device: Device, secret: bytes, *, group_code: str | None,
          service_id: uuid.UUID | None, priority: bool, priority_reason: str | None, now: dt.datetime,
          channel: str = "kiosk") -> dict[str, Any]:
    """Issue the next number of a group (or of the service's group) if it is open now. A booking's ticket
    (*channel* 'booking', server/bookings.py) is issued on its slot's rules instead: no hours, no limit."""
    require_role(device, ISSUERS, "issue tickets")
    now = as_utc(now)
    group = _issuing_group(cfg, group_code, service_id)
    if priority_reason is not None:
        if priority_reason not in labels.PRIORITY_REASONS:
            raise QueueNotFound(N_("errors", "Unknown priority reason {reason}."), reason=priority_reason)
        priority = True
    booked = channel == "booking"
    if not booked:
        _check_open(cfg, group, now)
    day = local_date(now)
    row = _ISSUE[bool(priority)].first(conn, {
        "id": uuid.uuid4(), "group_id": group.id, "group_code": group.code, "service_id": service_id, "day": day,
        "now": now, "priority": bool(priority), "priority_reason": priority_reason, "device": device.id,
        "limit": None if booked else group.daily_limit, "channel": channel,
    })
    if row is None:
        check_limit(code=group.code, limit=group.daily_limit, number=(group.daily_limit or 0) + 1)
        raise AssertionError("the daily limit refuses")
    ahead = row["ahead"]
    wait = estimate_wait(conn, cfg, group=group, day=day, ahead=ahead)
    return {"ticket": ticket_json(row, cfg, secret), "ahead": ahead, "estimated_wait_s": wait.total_seconds()}


def _issuing_group(cfg: QueueConfig, group_code: str | None, service_id: uuid.UUID | None) -> Group:
    service = None
    if service_id is not None:
        service = cfg.services.get(service_id)
        if service is None:
            raise QueueNotFound(N_("errors", "There is no service {id} in the catalogue."), id=str(service_id))
    if group_code:
        group = _group(cfg, group_code)
        if service is not None and service.group_id not in (None, group.id):
            raise QueueNotFound(N_("errors", "The service {title} is not in queue {code}."), title=service.title,
                                code=group.code)
        return group
    if service is not None and service.group_id is not None and service.group_id in cfg.groups:
        return cfg.groups[service.group_id]
    raise QueueNotFound(N_("errors", "Choose a queue group or a service."))


def _group(cfg: QueueConfig, code: str) -> Group:
    group = cfg.group_by_code(code)
    if group is None:
        raise QueueNotFound(N_("errors", "There is no queue group {code}."), code=(code or "").strip().upper())
    return group


def _check_open(cfg: QueueConfig, group: Group, now: dt.datetime) -> None:
    check_open_at(code=group.code, name=group.name, active=group.active, open_time=group.open_time,  # type: ignore[arg-type]
                  close_time=group.close_time, calendar=cfg.calendar, breaks=cfg.breaks, now=now)  # type: ignore[arg-type]


_figures: dict[tuple[uuid.UUID, dt.date], tuple[float, Any]] = {}
_figures_lock = threading.Lock()
FIGURES_TTL_S = 5.0


def estimate_wait(conn: Connection, cfg: QueueConfig, *, group: Group, day: dt.date, ahead: int) -> dt.timedelta:
    """People ahead x today's average service time / counters working the line (figures cached a few seconds)."""
    if ahead <= 0:
        return dt.timedelta(0)
    key = (group.id, day)
    cached = _figures.get(key)
    if cached is None or time.monotonic() - cached[0] > FIGURES_TTL_S:
        figures = tuple(conn.execute(_FIGURES, {"day": day, "group_id": group.id}).one())
        with _figures_lock:
            _figures[key] = (time.monotonic(), figures)
    else:
        figures = cached[1]
    seconds, servers = figures
    per_person = dt.timedelta(seconds=round(float(seconds))) if seconds and seconds >= 1 else DEFAULT_SERVICE_TIME
    servers = servers or cfg.counters_of(group.id) or 1
    return dt.timedelta(seconds=round((per_person * ahead / servers).total_seconds()))


# --- the counter ----------------------------------------------------------------------------------------


def call_next(conn: Connection, cfg: QueueConfig, device: Device, secret: bytes, *, counter_number: int,
              now: dt.datetime) -> dict[str, Any] | None:
    """Claim the next ticket for a counter: priority first, then the original issue time; None if nobody waits."""
    require_role(device, SERVERS, "serve the queue")
    require_counter(device, counter_number)
    now = as_utc(now)
    counter = _active_counter(cfg, counter_number)
    _lock_counter(conn, device, counter_number, now)
    params = {"number": counter_number, "now": now, "day": local_date(now), "groups": list(counter.group_ids)}
    row = _CLAIM.first(conn, params)
    if row is None:
        _ensure_free(conn, counter_number)  # busy, or nobody waits
        return None
    _event(conn, row, "called", device=device, at=now, counter=counter_number, counter_ticket=row["id"])
    return ticket_json(row, cfg, secret)


def act(conn: Connection, cfg: QueueConfig, device: Device, secret: bytes, *, action: str, ticket_id: uuid.UUID,
        counter_number: int, now: dt.datetime, outcome: str = "completed", note: str = "",
        to_group_code: str | None = None, to_counter_number: int | None = None) -> dict[str, Any]:
    """recall, no_show, start, finish, transfer, hold: by the counter that holds the ticket."""
    require_role(device, SERVERS, "serve the queue")
    require_counter(device, counter_number)
    now = as_utc(now)
    if action == "finish" and outcome not in labels.OUTCOMES:
        raise QueueNotFound(N_("errors", "Unknown outcome {outcome}."), outcome=outcome)
    if action == "transfer" and to_group_code is None and to_counter_number is None:
        raise QueueNotFound(N_("errors", "Choose the queue group or the counter to transfer to."))
    _counter(cfg, counter_number)
    _lock_counter(conn, device, counter_number, now)
    row = None
    if action in _BLIND:  # one statement: the change, where the ticket is in a state it is allowed from, here
        values, detail, frees = _changes(cfg, None, action, counter_number, now, outcome=outcome, note=note,
                                         to_group_code=None, to_counter_number=None)
        row = _update(conn, ticket_id, values, allowed=ALLOWED_FROM[action], counter=counter_number)
    if row is None:  # recall and transfer read the ticket first; a refusal reads it to say why
        ticket = _ticket_for_update(conn, ticket_id)
        _check_state(ticket, action)
        if ticket["counter_number"] != counter_number:
            raise InvalidTransition(N_("errors", "Ticket {code} is at counter {other}, not at counter {number}."),
                                    code=ticket["code"], other=ticket["counter_number"] or "-", number=counter_number)
        values, detail, frees = _changes(cfg, ticket, action, counter_number, now, outcome=outcome, note=note,
                                         to_group_code=to_group_code, to_counter_number=to_counter_number)
        row = _update(conn, ticket_id, values)
    _event(conn, row, EVENT_OF[action], device=device, at=now, counter=counter_number, detail=detail,
           counter_ticket=None if frees else _KEEP)
    return ticket_json(row, cfg, secret)


_BLIND = frozenset({"no_show", "start", "finish", "hold"})  # their changes do not depend on the ticket's row
EVENT_OF = {"recall": "recalled", "no_show": "no_show", "start": "started", "finish": "finished",
            "transfer": "transferred", "hold": "held", "resume": "resumed", "cancel": "cancelled"}


def _changes(cfg, ticket, action, counter_number, now, *, outcome, note, to_group_code, to_counter_number):
    """(column values, event detail, whether the counter is free afterwards) of one counter action."""
    if action == "recall":
        return {"recall_count": ticket["recall_count"] + 1, "called_at": now}, "", False
    if action == "no_show":
        return {"status": "no_show", "finished_at": now}, "", True
    if action == "start":
        return {"status": "serving", "served_started_at": now}, "", False
    if action == "finish":
        return {"status": "done", "finished_at": now, "outcome": outcome, "note": (note or "").strip()}, outcome, True
    if action == "hold":
        return {"status": "held"}, "", True
    assert action == "transfer", action
    group = _group(cfg, to_group_code) if to_group_code else None
    target = _active_counter(cfg, to_counter_number) if to_counter_number is not None else None
    if target is not None and target.number == counter_number:
        raise InvalidTransition(N_("errors", "Ticket {code} is already at counter {number}."), code=ticket["code"],
                                number=counter_number)
    values = {"transferred_from_group_code": ticket["route_group_code"], "transferred_from_counter_number": counter_number,
              "transferred_at": now, "transfer_count": ticket["transfer_count"] + 1, "status": "waiting",
              "counter_number": None, "served_started_at": None,
              "target_counter_number": target.number if target is not None else None}
    if group is not None:
        values.update(route_group_id=group.id, route_group_code=group.code)
    detail = ",".join(p for p in (f"group={group.code}" if group else "", f"counter={target.number}" if target else "") if p)
    return values, detail, True


def resume(conn: Connection, cfg: QueueConfig, device: Device, secret: bytes, *, ticket_id: uuid.UUID,
           counter_number: int, now: dt.datetime) -> dict[str, Any]:
    """Serve a held ticket again, at this counter (which must be free)."""
    require_role(device, SERVERS, "serve the queue")
    require_counter(device, counter_number)
    now = as_utc(now)
    _active_counter(cfg, counter_number)
    _lock_counter(conn, device, counter_number, now)
    ticket = _ticket_for_update(conn, ticket_id)
    _check_state(ticket, "resume")
    _ensure_free(conn, counter_number)
    row = _update(conn, ticket_id, {"status": "serving", "counter_number": counter_number,
                                    "served_started_at": ticket["served_started_at"] or now})
    _event(conn, row, "resumed", device=device, at=now, counter=counter_number, counter_ticket=ticket_id)
    return ticket_json(row, cfg, secret)


def cancel(conn: Connection, cfg: QueueConfig, device: Device, secret: bytes, *, ticket_id: uuid.UUID,
           now: dt.datetime) -> dict[str, Any]:
    """Cancel a waiting or held ticket (the visitor left)."""
    require_role(device, SERVERS, "cancel tickets")
    now = as_utc(now)
    ticket = _ticket_for_update(conn, ticket_id)
    _check_state(ticket, "cancel")
    row = _update(conn, ticket_id, {"status": "cancelled", "finished_at": now})
    _event(conn, row, "cancelled", device=device, at=now, counter=ticket["counter_number"])
    return ticket_json(row, cfg, secret)


def mark_printed(conn: Connection, cfg: QueueConfig, device: Device, secret: bytes, *, ticket_id: uuid.UUID) -> dict:
    require_role(device, ISSUERS, "print tickets")
    _ticket_for_update(conn, ticket_id)
    return ticket_json(_update(conn, ticket_id, {"printed": True}), cfg, secret)


def _counter(cfg: QueueConfig, number: int):
    counter = cfg.counters.get(number)
    if counter is None:
        raise QueueNotFound(N_("errors", "There is no counter {number}."), number=number)
    return counter


def _active_counter(cfg: QueueConfig, number: int):
    counter = _counter(cfg, number)
    if not counter.active:
        raise QueueClosed(N_("errors", "Counter {number} is not active."), number=number)
    return counter


LOCKED_KEY = "q_locked_counter"  # conn.info: the counter the request's first statement already locked


def _lock_counter(conn: Connection, device: Device, number: int, now: dt.datetime) -> None:
    if conn.info.get(LOCKED_KEY) == number:  # locked by the request's authentication (queue_api, one round trip)
        return
    _LOCK_COUNTER.first(conn, {"number": number, "device": device.id, "now": now})


def _ensure_free(conn: Connection, number: int) -> None:
    current = conn.execute(_ACTIVE_AT_COUNTER, {"number": number}).first()
    if current is not None:
        raise CounterBusy(
            N_("errors", "Counter {number} still has ticket {code} ({status}). Finish it, mark it absent, hold or "
                         "transfer it first."),
            number=number, code=current.code, status=labels.label(labels.STATUS_LABELS, current.status))


def _ticket_for_update(conn: Connection, ticket_id: uuid.UUID):
    row = _TICKET_FOR_UPDATE.first(conn, {"id": ticket_id})
    if row is None:
        raise QueueNotFound(N_("errors", "There is no such ticket."))
    return row


def _check_state(ticket, action: str) -> None:
    if ticket["status"] not in ALLOWED_FROM[action]:
        raise InvalidTransition(
            N_("errors", "Ticket {code} is {status}; it cannot be {action}."), code=ticket["code"],
            status=labels.label(labels.STATUS_LABELS, ticket["status"]),
            action=labels.label(labels.ACTION_LABELS, action))


_UPDATES: dict[tuple[tuple[str, ...], bool], Raw] = {}


def _update(conn: Connection, ticket_id: uuid.UUID, values: dict[str, Any], *, allowed: tuple[str, ...] | None = None,
            counter: int | None = None):
    """Set *values* on the ticket, returning its row (one statement per set of columns, built once). With
    *allowed*: only while the ticket's status is one of them and it is at *counter* (else None, nothing changed)."""
    key = (tuple(sorted(values)), allowed is not None)
    statement = _UPDATES.get(key)
    if statement is None:
        assert all(name in q_tickets.c for name in key[0]), key
        where = " AND status = ANY(:allowed) AND counter_number = :at_counter" if allowed is not None else ""
        statement = _UPDATES[key] = Raw(
            "UPDATE q_tickets SET " + ", ".join(f"{name} = :{name}" for name in key[0])
            + f" WHERE id = :ticket_id{where} RETURNING *")
    params = {**values, "ticket_id": ticket_id}
    if allowed is not None:
        params.update(allowed=list(allowed), at_counter=counter)
        return statement.first(conn, params)
    row = statement.first(conn, params)
    assert row is not None, ticket_id  # locked by _ticket_for_update
    return row


_KEEP = object()  # the counter's current ticket does not change


def _event(conn: Connection, row, kind: str, *, device: Device, at: dt.datetime, counter: int | None = None,
           detail: str = "", counter_ticket: Any = _KEEP) -> None:
    """Note the action's event (and the counter's new current ticket); :func:`flush` writes them, with the
    request's answer, in one statement at the end of the transaction."""
    conn.info["q_pending"] = {
        "type": kind, "ticket_id": row["id"], "code": row["code"], "group_code": row["route_group_code"],
        "counter": counter, "day": row["service_date"], "at": at, "detail": detail, "device": device.id,
        "counter_ticket": counter_ticket, "counter_number": counter,
    }


_FLUSH: dict[tuple[bool, bool, bool], Raw] = {}


def _flush_statement(event: bool, counter: bool, op: bool):
    key = (event, counter, op)
    if key not in _FLUSH:
        parts = []
        if counter:
            parts.append("c AS (UPDATE q_counters SET ticket_id = :counter_ticket WHERE counter_number = :counter_number "
                         "RETURNING 1)")
        if op and event:
            parts.append("o AS (INSERT INTO q_ops (device_id, op_id, answer) VALUES (:op_device, :op_id, "
                         "CAST(:answer AS jsonb)) RETURNING 1)")
        head = ("WITH " + ", ".join(parts) + " ") if parts else ""
        if event:
            body = ("INSERT INTO q_events (type, ticket_id, ticket_code, group_code, counter_number, service_date, at, "
                    "detail, device_id) VALUES (:type, :ticket_id, :code, :group_code, :counter, :day, :at, :detail, "
                    ":device)")
        else:
            body = "INSERT INTO q_ops (device_id, op_id, answer) VALUES (:op_device, :op_id, CAST(:answer AS jsonb))"
        _FLUSH[key] = Raw(head + body)
    return _FLUSH[key]


def begin(conn: Connection) -> None:
    conn.info.pop("q_pending", None)
    conn.info.pop(LOCKED_KEY, None)


def flush(conn: Connection, *, op: tuple[uuid.UUID, uuid.UUID, Any] | None = None) -> None:
    """Write the noted event, the counter's ticket and the answer to *op* (device, op id, answer): one statement."""
    import json

    pending = conn.info.pop("q_pending", None)
    if pending is None and op is None:
        return
    params: dict[str, Any] = dict(pending or {})
    counter = pending is not None and pending["counter_ticket"] is not _KEEP and pending["counter_number"] is not None
    if op is not None:
        params.update(op_device=op[0], op_id=op[1], answer=json.dumps(op[2]))
    _flush_statement(pending is not None, counter, op is not None).first(conn, params)


# --- reading ----------------------------------------------------------------------------------------------


def get_ticket(conn: Connection, cfg: QueueConfig, secret: bytes, *, ticket_id: uuid.UUID) -> dict[str, Any]:
    row = conn.execute(select(q_tickets).where(q_tickets.c.id == ticket_id)).mappings().first()
    if row is None:
        raise QueueNotFound(N_("errors", "There is no such ticket."))
    return ticket_json(row, cfg, secret)


def find_ticket(conn: Connection, cfg: QueueConfig, secret: bytes, *, code: str, service_date: dt.date) -> dict[str, Any]:
    """One ticket by its code on a service date (the code the officer types from the paper)."""
    code = (code or "").strip().upper()
    row = conn.execute(select(q_tickets).where(q_tickets.c.code == code, q_tickets.c.service_date == service_date)
                       ).mappings().first()
    if row is None:
        raise QueueNotFound(N_("errors", "There is no ticket {code} on {day}."), code=code, day=service_date.isoformat())
    return ticket_json(row, cfg, secret)


def waiting_list(conn: Connection, cfg: QueueConfig, secret: bytes, *, group_code: str, now: dt.datetime) -> list[dict]:
    group = _group(cfg, group_code)
    rows = conn.execute(
        select(q_tickets).where(text("status = 'waiting'"), q_tickets.c.route_group_id == group.id,
                                q_tickets.c.service_date == local_date(as_utc(now)))
        .order_by(q_tickets.c.priority.desc(), q_tickets.c.issued_at)).mappings().all()
    return [ticket_json(r, cfg, secret) for r in rows]


def waiting_counts(conn: Connection, cfg: QueueConfig, *, now: dt.datetime) -> dict[str, int]:
    counts = dict(conn.execute(_WAITING_COUNTS, {"day": local_date(as_utc(now))}).all())
    return {g.code: counts.get(g.id, 0) for g in cfg.live_groups()}


def events_since(conn: Connection, *, after: int, limit: int) -> list[dict[str, Any]]:
    """Events after *after* in seq order, stopping before a missing seq that may still commit (see the module doc)."""
    return events_after(conn, after=after, limit=limit)[0]


def events_after(conn: Connection, *, after: int, limit: int) -> tuple[list[dict[str, Any]], bool]:
    """:func:`events_since`, and whether it stopped at such a gap (the reader looks again shortly)."""
    out = []
    expected = after + 1
    for row in conn.execute(_EVENTS_AFTER, {"after": after, "limit": limit}).mappings():
        if row["seq"] != expected and not row["settled"]:
            return out, True
        out.append(event_json(row))
        expected = row["seq"] + 1
    return out, False


def horizon(conn: Connection) -> tuple[int, list[int]]:
    """(H, later): every event up to H is in this snapshot or settled; *later* are the events after H
    already in it. A board read in the same snapshot streams from H and skips *later*."""
    rows = conn.execute(_RECENT, {"window": HORIZON_WINDOW}).all()
    if not rows:
        return 0, []
    expected = rows[0].seq
    last = rows[0].seq - 1
    for i, row in enumerate(rows):
        if row.seq != expected and not row.settled:
            return last, [r.seq for r in rows[i:]]
        last, expected = row.seq, row.seq + 1
    return last, []


def board_state(conn: Connection, cfg: QueueConfig, *, last_calls: int, now: dt.datetime) -> dict[str, Any]:
    now = as_utc(now)
    day = local_date(now)
    last_seq, later = horizon(conn)  # the caller reads in one snapshot (REPEATABLE READ)
    active = conn.execute(
        select(q_tickets.c.counter_number, q_tickets.c.code, q_tickets.c.status, q_tickets.c.called_at)
        .where(q_tickets.c.service_date == day, q_tickets.c.status.in_(ACTIVE))
        .order_by(q_tickets.c.counter_number)).all()
    serving = [{"counter_number": r.counter_number,
                "counter_name": cfg.counters[r.counter_number].name if r.counter_number in cfg.counters else "",
                "ticket_code": r.code, "status": r.status, "called_at": _iso(r.called_at)} for r in active]
    calls = [event_json(r) for r in conn.execute(_LAST_CALLS, {"day": day, "limit": last_calls}).mappings()]
    return {"now_serving": serving, "last_calls": calls, "waiting": waiting_counts(conn, cfg, now=now),
            "last_seq": last_seq, "applied_after": later, "service_date": day.isoformat()}


def counter_state(conn: Connection, cfg: QueueConfig, secret: bytes, *, counter_number: int,
                  now: dt.datetime) -> dict[str, Any]:
    counter = _counter(cfg, counter_number)
    mine = conn.execute(
        select(q_tickets).where(q_tickets.c.counter_number == counter_number,
                                q_tickets.c.status.in_(("called", "serving", "held")))
        .order_by(q_tickets.c.issued_at)).mappings().all()
    current = next((t for t in mine if t["status"] in ACTIVE), None)
    codes = [cfg.groups[g].code for g in counter.group_ids]
    counts = waiting_counts(conn, cfg, now=now)
    return {"counter": {"id": str(counter.id), "number": counter.number, "name": counter.name, "active": counter.active,
                        "group_codes": codes},
            "current": ticket_json(current, cfg, secret) if current is not None else None,
            "held": [ticket_json(t, cfg, secret) for t in mine if t["status"] == "held"],
            "waiting": {code: counts.get(code, 0) for code in codes}}


_HELD_BOOKINGS = text("SELECT group_id, count(*) FROM q_bookings WHERE day = :day AND status = 'booked' "
                      "AND release_at > :now GROUP BY group_id")


def kiosk_status(conn: Connection, cfg: QueueConfig, *, now: dt.datetime) -> list[dict[str, Any]]:
    now = as_utc(now)
    day = local_date(now)
    counts = waiting_counts(conn, cfg, now=now)
    issued = dict(conn.execute(select(q_numbers.c.group_id, q_numbers.c.last_number)
                               .where(q_numbers.c.service_date == day)).all())
    held = dict(conn.execute(_HELD_BOOKINGS, {"day": day, "now": now}).all())  # places kept for bookings
    result = []
    for group in cfg.live_groups():
        if not group.active:
            continue
        reason = None
        try:
            _check_open(cfg, group, now)
            if group.daily_limit is not None and issued.get(group.id, 0) + held.get(group.id, 0) >= group.daily_limit:
                check_limit(code=group.code, limit=group.daily_limit, number=group.daily_limit + 1)
        except UserError as exc:
            reason = error_json(exc)["error"]
        services = sorted((s for s in cfg.services.values() if s.group_id == group.id), key=lambda s: s.title)
        result.append({"code": group.code, "name": group.name, "open": reason is None, "waiting": counts.get(group.code, 0),
                       "reason": reason, "services": [{"id": str(s.id), "title": s.title, "kbli": s.kbli} for s in services]})
    return result


def reprint_candidates(conn: Connection, cfg: QueueConfig, device: Device, secret: bytes, *, now: dt.datetime) -> list[dict]:
    rows = conn.execute(
        select(q_tickets).where(q_tickets.c.service_date == local_date(as_utc(now)), q_tickets.c.issued_by == device.id,
                                q_tickets.c.status.in_(("waiting", "called", "serving", "held")),
                                q_tickets.c.printed.is_(False))
        .order_by(q_tickets.c.issued_at)).mappings().all()
    return [ticket_json(r, cfg, secret) for r in rows]



# --- the kiosk's blocks for issuing offline ---------------------------------------------------------------

BLOCK_MAX = 200
_ENSURE_NUMBERS = text(
    "INSERT INTO q_numbers (group_id, service_date, last_number, last_issued_at) VALUES (:group_id, :day, 0, :now) "
    "ON CONFLICT (group_id, service_date) DO NOTHING")
_LOCK_NUMBERS = text("SELECT last_number FROM q_numbers WHERE group_id = :group_id AND service_date = :day FOR UPDATE")
_TAKE_BLOCK = text("UPDATE q_numbers SET last_number = :last WHERE group_id = :group_id AND service_date = :day")
_INSERT_BLOCK = text("INSERT INTO q_blocks (device_id, group_id, service_date, first_number, last_number, leased_at) "
                     "VALUES (:device, :group_id, :day, :first, :last, :now)")
_IN_BLOCK = text("SELECT 1 FROM q_blocks WHERE device_id = :device AND group_id = :group_id AND service_date = :day "
                 "AND :number BETWEEN first_number AND last_number LIMIT 1")


def lease_block(conn: Connection, cfg: QueueConfig, device: Device, *, group_code: str, size: int,
                now: dt.datetime) -> dict[str, Any]:
    """Reserve *size* numbers of today for a kiosk to issue from while the server is away (capped by the daily limit)."""
    require_role(device, frozenset({"kiosk", "admin"}), "lease number blocks")
    now = as_utc(now)
    group = _group(cfg, group_code)
    day = local_date(now)
    conn.execute(_ENSURE_NUMBERS, {"group_id": group.id, "day": day, "now": now})
    last = conn.execute(_LOCK_NUMBERS, {"group_id": group.id, "day": day}).scalar_one()
    size = max(1, min(size, BLOCK_MAX))
    if group.daily_limit is not None:
        size = min(size, group.daily_limit - last)
        if size <= 0:
            check_limit(code=group.code, limit=group.daily_limit, number=last + 1)
    first, end = last + 1, last + size
    conn.execute(_TAKE_BLOCK, {"last": end, "group_id": group.id, "day": day})
    conn.execute(_INSERT_BLOCK, {"device": device.id, "group_id": group.id, "day": day, "first": first, "last": end,
                                 "now": now})
    return {"group_code": group.code, "service_date": day.isoformat(), "first": first, "last": end}


def receive_offline(conn: Connection, cfg: QueueConfig, device: Device, secret: bytes, *,
                    tickets: list[dict[str, Any]]) -> dict[str, Any]:
    """Tickets a kiosk issued from its blocks while the server was away: each stored once (by id), with its
    'issued' event at its own time; a number outside the kiosk's blocks is refused."""
    require_role(device, frozenset({"kiosk", "admin"}), "send tickets issued offline")
    results = []
    for t in tickets:
        group = _group(cfg, t["group_code"])
        day, number = t["service_date"], t["number"]
        known = conn.execute(select(q_tickets).where(q_tickets.c.id == t["id"])).mappings().first()
        if known is not None:
            results.append({"id": str(t["id"]), "status": "stored", "ticket": ticket_json(known, cfg, secret)})
            continue
        if conn.execute(_IN_BLOCK, {"device": device.id, "group_id": group.id, "day": day, "number": number}).first() is None:
            results.append({"id": str(t["id"]), "status": "refused", "reason": "the number is not in this kiosk's blocks"})
            continue
        taken = conn.execute(select(q_tickets.c.id).where(q_tickets.c.group_id == group.id, q_tickets.c.service_date == day,
                                                           q_tickets.c.number == number)).first()
        if taken is not None:
            results.append({"id": str(t["id"]), "status": "refused", "reason": "the number was already used"})
            continue
        row = conn.execute(q_tickets.insert().values(
            id=t["id"], group_id=group.id, group_code=group.code, route_group_id=group.id, route_group_code=group.code,
            service_id=t.get("service_id"), service_date=day, number=number, code=ticket_code(group.code, number),
            priority=bool(t.get("priority")), priority_reason=t.get("priority_reason"), status="waiting",
            issued_at=t["issued_at"], issued_by=device.id, printed=bool(t.get("printed")), channel="offline",
        ).returning(q_tickets)).mappings().one()
        conn.execute(_OFFLINE_EVENT, {"ticket_id": row["id"], "code": row["code"], "group_code": row["group_code"],
                                      "day": day, "at": row["issued_at"], "device": device.id})
        results.append({"id": str(t["id"]), "status": "stored", "ticket": ticket_json(row, cfg, secret)})
    return {"results": results}


_OFFLINE_EVENT = text(
    "INSERT INTO q_events (type, ticket_id, ticket_code, group_code, service_date, at, detail, device_id) "
    "VALUES ('issued', :ticket_id, :code, :group_code, :day, :at, 'offline', :device)")
