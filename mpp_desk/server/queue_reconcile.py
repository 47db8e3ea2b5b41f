"""A counter's offline work, taken back by the server (issue 14): replayed in order, nothing dropped.

While the server was away a counter PC may have served the ticket it had and, when the supervisor's
setting allows it, called tickets from the last waiting list it received (``mpp_desk/queue/counter_journal.py``).
On return the PC sends its journal (``POST /v1/queue/counters/{number}/offline-actions``). Each entry
has its own op id: an entry already taken is answered again from ``q_ops``, never applied twice.

- An entry that still fits the ticket on the server (a call of a ticket still waiting, the start or finish
  of a ticket still at this counter) is applied at the PC's time (never later than the server's now), with
  its event (``detail`` "offline").
- An entry on a ticket another counter called or served meanwhile (or that was cancelled, transferred,
  ...) is recorded in ``q_conflicts``: the ticket, this counter and its times, the other counter, its
  status and its call time. The supervisor sees it as "dilayani dua kali" (``GET /v1/queue/conflicts``,
  the statistics screen, ``mpp-central queue conflicts``); the ticket keeps the server's state. A supervisor's
  or administrator's PC (or ``mpp-central queue conflicts check``) marks it checked once, with who, when and a
  note (``POST /v1/queue/conflicts/{id}/checked``); it stays listed (``?open=1`` lists the unchecked only).
- Anything else the rules refuse (an unknown ticket, the counter still busy) is answered "refused" with
  the message, also stored under the op id: the PC drops it from its journal and says so.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Awaitable, Callable
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, Header, Path, Query
from fastapi.responses import JSONResponse
from pydantic import AwareDatetime, BaseModel, Field
from sqlalchemy import text
from sqlalchemy.engine import Connection

from mpp_desk.errors import UserError, ValidationError
from mpp_desk.i18n import N_
from mpp_desk.limits import check_text, limit
from mpp_desk.officetime import as_utc, dmy, pukul
from mpp_desk.queue.errors import AlreadyChecked, CheckNotAllowed, QueueNotFound
from mpp_desk.queue.service import ALLOWED_FROM
from mpp_desk.server import queue as service
from mpp_desk.server.devices import Device
from mpp_desk.server.queue_config import QueueConfig

OFFLINE_ACTIONS = ("call", "recall", "start", "finish", "no_show")
OFFLINE_DETAIL = "offline"

_STORED = text("SELECT answer FROM q_ops WHERE device_id = :device AND op_id = :op")
_RECORD = text(
    "INSERT INTO q_conflicts (ticket_id, ticket_code, service_date, offline_device_id, offline_counter_number, "
    "offline_called_at, offline_action, offline_at, other_counter_number, other_status, other_called_at) VALUES "
    "(:ticket_id, :code, :day, :device, :counter, :called_at, :action, :at, :other_counter, :other_status, "
    ":other_called_at) ON CONFLICT (ticket_id, offline_device_id) DO UPDATE SET offline_action = excluded.offline_action, "
    "offline_at = excluded.offline_at, offline_called_at = coalesce(q_conflicts.offline_called_at, "
    "excluded.offline_called_at), other_counter_number = excluded.other_counter_number, "
    "other_status = excluded.other_status, other_called_at = excluded.other_called_at RETURNING id")
_LIST = text(
    "SELECT id, ticket_id, ticket_code, service_date, offline_device_id, offline_counter_number, offline_called_at, "
    "offline_action, offline_at, other_counter_number, other_status, other_called_at, recorded_at, "
    "(SELECT name FROM devices WHERE id = offline_device_id) AS device_name, checked_at, checked_by, checked_note, "
    "(SELECT name FROM devices WHERE id = checked_device_id) AS checked_device FROM q_conflicts "
    "WHERE (CAST(:day AS date) IS NULL OR service_date = CAST(:day AS date)) "
    "AND (CAST(:id AS bigint) IS NULL OR id = CAST(:id AS bigint)) "
    "AND (NOT CAST(:open AS boolean) OR checked_at IS NULL) ORDER BY service_date, recorded_at, id")
_CHECKING = text("SELECT ticket_code, checked_at, checked_by FROM q_conflicts WHERE id = :id FOR UPDATE")
_CHECK = text("UPDATE q_conflicts SET checked_at = :at, checked_by = :by, checked_note = :note, "
              "checked_device_id = :device WHERE id = :id")
SUPERVISORS = frozenset({"supervisor", "admin"})  # the device roles that mark a ticket served twice as checked
CHECKED_BY_MAX = limit("person_name")  # a staff member's full name (mpp_desk/auth.py)
CHECKED_NOTE_MAX = limit("served_twice_note")


def replay(conn: Connection, cfg: QueueConfig, device: Device, secret: bytes, *, counter_number: int,
           actions: list[dict[str, Any]], now: dt.datetime) -> dict[str, Any]:
    """Take a counter's offline journal, in order; one result per entry (applied, conflict, refused)."""
    service.require_role(device, service.SERVERS, "serve the queue")
    service.require_counter(device, counter_number)
    service._counter(cfg, counter_number)
    now = as_utc(now)
    results = []
    for entry in actions:
        op_id = entry["op_id"]
        stored = conn.execute(_STORED, {"device": device.id, "op": op_id}).scalar()
        if stored is not None:
            results.append(stored)
            continue
        service.begin(conn)
        try:
            with conn.begin_nested():
                result = _one(conn, cfg, device, secret, counter_number, entry, now)
                service.flush(conn, op=(device.id, op_id, result))
        except UserError as exc:
            service.begin(conn)
            result = {"op_id": str(op_id), "status": "refused", "error": service.error_json(exc)["error"]}
            service.flush(conn, op=(device.id, op_id, result))
        results.append(result)
    counts = {status: sum(1 for r in results if r["status"] == status) for status in ("applied", "conflict", "refused")}
    return {"results": results, **counts}


def _one(conn: Connection, cfg: QueueConfig, device: Device, secret: bytes, number: int, entry: dict[str, Any],
         now: dt.datetime) -> dict[str, Any]:
    action, at = entry["action"], min(as_utc(entry["at"]), now)
    service._lock_counter(conn, device, number, now)
    ticket = service._ticket_for_update(conn, entry["ticket_id"])
    if action == "call":
        if ticket["status"] == "waiting":
            service._ensure_free(conn, number)
            row = service._update(conn, ticket["id"], {
                "status": "called", "counter_number": number, "target_counter_number": None, "called_at": at,
                "first_called_at": ticket["first_called_at"] or at})
            service._event(conn, row, "called", device=device, at=at, counter=number, detail=OFFLINE_DETAIL,
                           counter_ticket=row["id"])
            return _applied(entry, row, cfg, secret)
    elif ticket["counter_number"] == number and ticket["status"] in ALLOWED_FROM[action]:
        values, detail, frees = service._changes(cfg, ticket, action, number, at, outcome=entry.get("outcome") or
                                                 "completed", note=entry.get("note") or "", to_group_code=None,
                                                 to_counter_number=None)
        row = service._update(conn, ticket["id"], values)
        service._event(conn, row, service.EVENT_OF[action], device=device, at=at, counter=number,
                       detail=detail or OFFLINE_DETAIL, counter_ticket=None if frees else service._KEEP)
        return _applied(entry, row, cfg, secret)
    conflict_id = conn.execute(_RECORD, {
        "ticket_id": ticket["id"], "code": ticket["code"], "day": ticket["service_date"], "device": device.id,
        "counter": number, "called_at": at if action == "call" else None, "action": action, "at": at,
        "other_counter": ticket["counter_number"], "other_status": ticket["status"],
        "other_called_at": ticket["first_called_at"]}).scalar_one()
    return {"op_id": str(entry["op_id"]), "status": "conflict", "conflict_id": conflict_id,
            "ticket": service.ticket_json(ticket, cfg, secret)}


def _applied(entry: dict[str, Any], row: Any, cfg: QueueConfig, secret: bytes) -> dict[str, Any]:
    return {"op_id": str(entry["op_id"]), "status": "applied", "ticket": service.ticket_json(row, cfg, secret)}


def list_conflicts(conn: Connection, *, day: dt.date | None = None, open_only: bool = False,
                   conflict_id: int | None = None) -> list[dict[str, Any]]:
    """The tickets served twice (of *day*, or every day; *open_only*: not yet checked), oldest first: never
    hidden, never closed here; a checked one carries who checked it, when, the note and the PC."""
    out = []
    for r in conn.execute(_LIST, {"day": day, "id": conflict_id, "open": open_only}).mappings():
        out.append({
            "id": r["id"], "ticket_id": str(r["ticket_id"]), "ticket_code": r["ticket_code"],
            "service_date": r["service_date"].isoformat(), "offline_counter_number": r["offline_counter_number"],
            "offline_device": r["device_name"] or str(r["offline_device_id"]),
            "offline_called_at": service._iso(r["offline_called_at"]), "offline_action": r["offline_action"],
            "offline_at": service._iso(r["offline_at"]), "other_counter_number": r["other_counter_number"],
            "other_status": r["other_status"], "other_called_at": service._iso(r["other_called_at"]),
            "recorded_at": service._iso(r["recorded_at"]), "checked_at": service._iso(r["checked_at"]),
            "checked_by": r["checked_by"], "checked_note": r["checked_note"], "checked_device": r["checked_device"],
        })
    return out


def mark_checked(conn: Connection, device: Device | None, *, conflict_id: int, checked_by: str, note: str = "",
                 now: dt.datetime) -> dict[str, Any]:
    """Mark one ticket served twice as checked, once: *checked_by* (the person's name as their PC sends it), the
    time, *note*, the PC (*device*; None: ``mpp-central`` on the server). The entry stays listed."""
    if device is not None and device.role not in SUPERVISORS:
        raise CheckNotAllowed(N_("errors", "This PC may not mark a ticket served twice as checked: only a "
                                           "supervisor's or administrator's PC may."))
    name = check_text(checked_by, "person_name", field="checked_by")
    note = check_text(note, "served_twice_note", field="note")
    if not name:
        raise ValidationError(N_("errors", "Give the name of who checked it."), field="checked_by")
    row = conn.execute(_CHECKING, {"id": conflict_id}).mappings().first()  # locked: two marks at once, one wins
    if row is None:
        raise QueueNotFound(N_("errors", "There is no ticket served twice numbered {id}."), id=conflict_id)
    if row["checked_at"] is not None:
        raise AlreadyChecked(N_("errors", "Ticket {code} served twice was already marked as checked by {name}, "
                                          "{at}; that mark stands."),
                             code=row["ticket_code"], name=row["checked_by"], at=checked_time(row["checked_at"]))
    conn.execute(_CHECK, {"id": conflict_id, "at": as_utc(now), "by": name, "note": note or None,
                          "device": device.id if device is not None else None})
    [checked] = list_conflicts(conn, conflict_id=conflict_id)
    return checked


def checked_time(moment: dt.datetime) -> str:
    """ "24-11-2026 pukul 10.15 WIB": when a ticket served twice was checked, in office time."""
    return f"{dmy(moment)} {pukul(moment)}"


def conflict_line(c: dict[str, Any]) -> str:
    """One conflict as the CLI prints it (office time)."""

    def at(value: str | None) -> str:
        return pukul(dt.datetime.fromisoformat(value)) if value else "-"

    other = (f"counter {c['other_counter_number']}" if c["other_counter_number"] is not None else "no counter")
    checked = (f"; diperiksa {c['checked_by']} {checked_time(dt.datetime.fromisoformat(c['checked_at']))}"
               + (f" ({c['checked_note']})" if c.get("checked_note") else "") if c.get("checked_at") else "")
    return (f"#{c['id']} {c['service_date']} {c['ticket_code']} served twice (dilayani dua kali): counter "
            f"{c['offline_counter_number']} offline ({c['offline_device']}), called {at(c['offline_called_at'])}, "
            f"last {c['offline_action']} {at(c['offline_at'])}; {other} ({c['other_status']}), called "
            f"{at(c['other_called_at'])}{checked}")


# --- the routes (added by queue_api.install) -----------------------------------------------------------------


class OfflineAction(BaseModel):
    op_id: uuid.UUID
    action: Literal["call", "recall", "start", "finish", "no_show"]
    ticket_id: uuid.UUID
    at: AwareDatetime
    outcome: str = Field(default="completed", max_length=32, pattern=r"^[^\x00]*$")
    note: str = Field(default="", max_length=1000, pattern=r"^[^\x00]*$")


class OfflineActions(BaseModel):
    actions: list[OfflineAction] = Field(max_length=500)


class CheckedBody(BaseModel):
    checked_by: str = Field(min_length=1, max_length=CHECKED_BY_MAX, pattern=r"^[^\x00]*\S[^\x00]*$")
    note: str = Field(default="", max_length=CHECKED_NOTE_MAX, pattern=r"^[^\x00]*$")


def install_routes(app: FastAPI, run: Callable[..., Awaitable[JSONResponse]], bearer: Callable[..., Any], secret: bytes,
                   now: Callable[[], dt.datetime]) -> None:
    @app.post("/v1/queue/counters/{number}/offline-actions", tags=["queue"])
    async def offline_actions(number: Annotated[int, Path(ge=1, le=9999)], body: OfflineActions,
                              access: str = Depends(bearer)) -> JSONResponse:
        actions = [a.model_dump() for a in body.actions]
        return await run(access, lambda c, cfg, d: replay(c, cfg, d, secret, counter_number=number, actions=actions,
                                                          now=now()), write=True)

    @app.get("/v1/queue/conflicts", tags=["queue"])
    async def conflicts(day: Annotated[dt.date | None, Query(alias="date")] = None,
                        open_only: Annotated[bool, Query(alias="open")] = False,
                        access: str = Depends(bearer)) -> JSONResponse:
        def read(c, _cfg, d):
            service.require_role(d, service.SERVERS, "read the tickets served twice")
            return {"conflicts": list_conflicts(c, day=day, open_only=open_only)}
        return await run(access, read)

    @app.post("/v1/queue/conflicts/{conflict_id}/checked", tags=["queue"])
    async def conflict_checked(conflict_id: Annotated[int, Path(ge=1, le=2**63 - 1)], body: CheckedBody,
                               op_id: Annotated[uuid.UUID | None, Header(alias="X-MPP-Op-Id")] = None,
                               access: str = Depends(bearer)) -> JSONResponse:
        """A supervisor's or administrator's PC marks a ticket served twice as checked, once (again: 409)."""
        return await run(access, lambda c, _cfg, d: {"conflict": mark_checked(
            c, d, conflict_id=conflict_id, checked_by=body.checked_by, note=body.note, now=now())}, op_id=op_id)
