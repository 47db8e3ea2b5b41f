"""A counter PC's queue work while the server is away, and its return (issue 14; docs/queue.md).

On a PC joined to a server, every load of the counter panel keeps the last picture the server gave
(the counter, its current and held tickets, the waiting lists of its groups) in
``queue-counter-journal.json`` in the data folder. When the server is away:

- the ticket at the counter can still be recalled, started, finished or marked absent;
- the next ticket can be called from the last waiting list known, only when the supervisor's
  setting ``queue.offline_calling`` is on (the caller checks it: :func:`call_next` takes *allowed*);

each such action changes the kept picture and is journaled with its own op id, on disk at once (a
restarted PC keeps it). :func:`upload` sends the journal when the server answers again
(``POST /v1/queue/counters/{n}/offline-actions``); the server takes each entry once (by op id), applies
what still fits and records the rest as served twice (``mpp_desk/server/queue_reconcile.py``). Entries
the server answered leave the journal; a transport failure keeps them for the next try.

No Qt, no database: a JSON file written whole (a temporary file, then a rename).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import threading
import uuid
from pathlib import Path
from typing import Any

from mpp_desk.i18n import N_
from mpp_desk.queue import labels
from mpp_desk.queue.errors import (
    OFFLINE_TEXT,
    CounterBusy,
    InvalidTransition,
    OfflineCallingOff,
    QueueNotFound,
    QueueOffline,
)
from mpp_desk.queue.remote import ticket_from
from mpp_desk.queue.service import ALLOWED_FROM
from mpp_desk.queue.views import CounterState, CounterView, TicketView

FILE_NAME = "queue-counter-journal.json"
OFFLINE_ACTIONS = ("call", "recall", "start", "finish", "no_show")
_LOCK = threading.Lock()  # one writer of the file at a time in this process (the UI's executor and tests)

CALLING_OFF_TEXT = N_("errors", "The queue server cannot be reached, and the supervisor's setting does not let "
                                "counters call the next number without it. The number at this counter can still "
                                "be served; calling works again when the server is back.")


def ticket_wire(t: TicketView) -> dict[str, Any]:
    """A ticket as the server sends it (what :func:`mpp_desk.queue.remote.ticket_from` reads)."""
    out: dict[str, Any] = {}
    for f in dataclasses.fields(t):
        value = getattr(t, f.name)
        out[f.name] = (value.isoformat() if isinstance(value, (dt.datetime, dt.date))
                       else str(value) if isinstance(value, uuid.UUID) else value)
    return out


@dataclasses.dataclass(frozen=True)
class OfflinePicture:
    """What the counter shows while the server is away: the kept picture with the offline actions applied."""

    state: CounterState
    waiting: dict[str, tuple[TicketView, ...]]  # group code -> tickets in calling order
    last_seq: int
    saved_at: dt.datetime  # when the server last answered
    pending: int  # offline actions not yet taken by the server


class CounterJournal:
    def __init__(self, data_dir: Path | str) -> None:
        self.path = Path(data_dir) / FILE_NAME
        try:
            self.data: dict[str, Any] = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            self.data = {}
        except ValueError:  # a damaged file: keep it aside, start again (the server stays the authority)
            self.path.replace(self.path.with_suffix(".damaged"))
            self.data = {}
        self.data.setdefault("pictures", {})
        self.data.setdefault("pending", [])

    # -- the picture

    @property
    def pending(self) -> list[dict[str, Any]]:
        return self.data["pending"]

    def remember(self, *, state: CounterState, waiting: dict[str, tuple[TicketView, ...]], last_seq: int,
                 now: dt.datetime) -> None:
        """Keep the server's picture of a counter (the panel's every load while online)."""
        c = state.counter
        picture = {"counter": {"id": str(c.id), "number": c.number, "name": c.name, "active": c.active,
                               "group_codes": list(c.group_codes)},
                   "current": ticket_wire(state.current) if state.current is not None else None,
                   "held": [ticket_wire(t) for t in state.held],
                   "waiting": {code: [ticket_wire(t) for t in tickets] for code, tickets in waiting.items()},
                   "last_seq": last_seq}
        old = self.data["pictures"].get(str(c.number), {})
        if {k: v for k, v in old.items() if k != "saved_at"} == picture:
            return  # unchanged: no write on every refresh
        self.data["pictures"][str(c.number)] = {**picture, "saved_at": now.isoformat()}
        self._save()

    def picture(self, number: int) -> OfflinePicture | None:
        p = self.data["pictures"].get(str(number))
        if p is None:
            return None
        c = p["counter"]
        waiting = {code: tuple(ticket_from(t) for t in tickets) for code, tickets in p["waiting"].items()}
        state = CounterState(
            counter=CounterView(uuid.UUID(c["id"]), c["number"], c["name"], c["active"], tuple(c["group_codes"])),
            current=ticket_from(p["current"]) if p["current"] else None,
            held=tuple(ticket_from(t) for t in p["held"]),
            waiting={code: len(tickets) for code, tickets in waiting.items()})
        return OfflinePicture(state, waiting, p["last_seq"], dt.datetime.fromisoformat(p["saved_at"]),
                              sum(1 for e in self.pending if e["counter_number"] == number))

    # -- offline actions

    def call_next(self, *, number: int, allowed: bool, now: dt.datetime) -> TicketView | None:
        """Call the head of the last known waiting lists (priority first, then issue time); None if empty."""
        if not allowed:
            raise OfflineCallingOff(CALLING_OFF_TEXT)
        p = self._picture(number)
        if p["current"] is not None:
            t = p["current"]
            raise CounterBusy(N_("errors", "Counter {number} still has ticket {code} ({status}). Finish it, mark it "
                                           "absent, hold or transfer it first."),
                              number=number, code=t["code"], status=labels.label(labels.STATUS_LABELS, t["status"]))
        candidates = [(code, t) for code, tickets in p["waiting"].items() for t in tickets
                      if t["target_counter_number"] in (None, number)]
        if not candidates:
            return None
        code, head = min(candidates, key=lambda ct: (not ct[1]["priority"], dt.datetime.fromisoformat(ct[1]["issued_at"]),
                                                      ct[1]["id"]))
        p["waiting"][code] = [t for t in p["waiting"][code] if t["id"] != head["id"]]
        p["current"] = {**head, "status": "called", "counter_number": number, "target_counter_number": None,
                        "called_at": now.isoformat()}
        return self._journal(number, "call", p, now)

    def act(self, *, number: int, action: str, ticket_id: uuid.UUID, now: dt.datetime, outcome: str = "completed",
            note: str = "") -> TicketView:
        """Recall, start, finish or mark absent the ticket at the counter."""
        assert action in OFFLINE_ACTIONS and action != "call", action
        p = self._picture(number)
        t = p["current"]
        if t is None or t["id"] != str(ticket_id):
            raise QueueNotFound(N_("errors", "There is no such ticket."))
        if t["status"] not in ALLOWED_FROM[action]:
            raise InvalidTransition(N_("errors", "Ticket {code} is {status}; it cannot be {action}."),
                                    code=t["code"], status=labels.label(labels.STATUS_LABELS, t["status"]),
                                    action=labels.label(labels.ACTION_LABELS, action))
        at = now.isoformat()
        changes = {"recall": {"recall_count": t["recall_count"] + 1, "called_at": at},
                   "start": {"status": "serving", "served_started_at": at},
                   "finish": {"status": "done", "finished_at": at, "outcome": outcome},
                   "no_show": {"status": "no_show", "finished_at": at}}[action]
        p["current"] = {**t, **changes}
        return self._journal(number, action, p, now, outcome=outcome, note=note)

    def _picture(self, number: int) -> dict[str, Any]:
        p = self.data["pictures"].get(str(number))
        if p is None:
            raise QueueOffline(OFFLINE_TEXT, reason="no waiting list known yet")
        return p

    def _journal(self, number: int, action: str, p: dict[str, Any], now: dt.datetime, *, outcome: str = "completed",
                 note: str = "") -> TicketView:
        ticket = p["current"]
        self.pending.append({"op_id": str(uuid.uuid4()), "counter_number": number, "action": action,
                             "ticket_id": ticket["id"], "code": ticket["code"], "at": now.isoformat(),
                             "outcome": outcome, "note": note})
        view = ticket_from(ticket)
        if ticket["status"] in ("done", "no_show"):
            p["current"] = None
        self._save()
        return view

    # -- back online

    def upload(self, remote: Any, *, number: int) -> dict[str, Any] | None:
        """Send this counter's journal; drop what the server answered. None when there was nothing to send.
        Raises QueueOffline (the journal kept) when the server is still away."""
        mine = [e for e in self.pending if e["counter_number"] == number]
        if not mine:
            return None
        body = [{k: e[k] for k in ("op_id", "action", "ticket_id", "at", "outcome", "note")} for e in mine]
        answer = remote.send_offline_actions(counter_number=number, actions=body)
        answered = {r["op_id"] for r in answer["results"]}
        self.data["pending"] = [e for e in self.pending if e["op_id"] not in answered]
        self._save()
        codes = {e["op_id"]: e["code"] for e in mine}
        return {"applied": answer.get("applied", 0), "conflict": answer.get("conflict", 0),
                "refused": answer.get("refused", 0),
                "conflict_codes": sorted({codes[r["op_id"]] for r in answer["results"] if r["status"] == "conflict"})}

    def _save(self) -> None:
        with _LOCK:
            tmp = self.path.with_suffix(".tmp")
            tmp.write_text(json.dumps(self.data, ensure_ascii=False), encoding="utf-8")
            os.replace(tmp, self.path)
