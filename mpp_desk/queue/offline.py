"""A kiosk that keeps issuing while the server is away: numbers from blocks it leased beforehand (issue 14).

:class:`OfflineKiosk` wraps a :class:`~mpp_desk.queue.remote.RemoteQueue`. :meth:`refill` (run in the
background while online) leases per group a block of today's numbers (``POST /v1/queue/blocks``): the server
reserves them, so online issuing skips them and no other kiosk can use them. When an issue finds the server
away (:class:`~mpp_desk.queue.errors.QueueOffline`) the next number of the group's block is issued here, kept
in ``queue-offline.json`` in the data folder (with the block), and :meth:`upload` sends such tickets when the
server is back (``POST /v1/queue/offline-tickets``; by id, so sending twice stores once). They wait in the
line by their own issue time. Numbers of a block never used are never called. Every other method is the
remote queue's. No Qt; blocking (file and network): the kiosk calls it on its background executor.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import threading
import uuid
from pathlib import Path
from typing import Any

from mpp_desk import officetime
from mpp_desk.queue.errors import QueueOffline
from mpp_desk.queue.remote import RemoteQueue
from mpp_desk.queue.service import ticket_code
from mpp_desk.queue.views import IssuedTicket, TicketView

STATE_FILE = "queue-offline.json"


class OfflineKiosk:
    def __init__(self, remote: RemoteQueue, data_dir: Path, *, block_size: int = 20, low_water: int = 5) -> None:
        self.remote = remote
        self.path = Path(data_dir) / STATE_FILE
        self.block_size = block_size
        self.low_water = low_water
        self._lock = threading.Lock()
        self._state = self._load()

    def __getattr__(self, name: str) -> Any:  # the rest of the QueueBackend is the server's
        return getattr(self.remote, name)

    # -- state on disk (the kiosk restarts without losing a ticket issued offline)

    def _load(self) -> dict[str, Any]:
        try:
            return json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {"blocks": {}, "pending": [], "names": {}, "waiting": {}}

    def _save(self) -> None:
        temp = self.path.with_suffix(".tmp")
        temp.write_text(json.dumps(self._state), encoding="utf-8")
        os.replace(temp, self.path)

    @property
    def pending(self) -> list[dict[str, Any]]:
        with self._lock:
            return list(self._state["pending"])

    def remaining(self, group_code: str, day: dt.date) -> int:
        with self._lock:
            return sum(r["last"] - r["next"] + 1 for r in self._state["blocks"].get(group_code, []) if r["day"] == day.isoformat())

    # -- online: keep blocks, send what was issued offline

    def refill(self) -> dict[str, int]:
        """Lease a block for each open group whose numbers for today run low; returns what each group holds."""
        status = self.remote.kiosk_status()
        today = officetime.today()
        with self._lock:
            self._state["names"] = {g.code: g.name for g in status}
            self._state["waiting"] = {g.code: g.waiting for g in status}
            self._save()
        for group in status:
            if not group.open or self.remaining(group.code, today) >= self.low_water:
                continue
            block = self.remote._request("POST", "/v1/queue/blocks", json_body={"group_code": group.code,
                                                                                 "size": self.block_size}, write=True)
            with self._lock:
                ranges = [r for r in self._state["blocks"].get(group.code, []) if r["day"] == block["service_date"]]
                ranges.append({"day": block["service_date"], "next": block["first"], "last": block["last"]})
                self._state["blocks"][group.code] = ranges
                self._save()
        return {g.code: self.remaining(g.code, today) for g in status}

    def upload(self) -> dict[str, int]:
        """Send the tickets issued offline; those the server stored (or refused, kept under ``refused``) leave the list."""
        pending = self.pending
        if not pending:
            return {"stored": 0, "refused": 0}
        answer = self.remote._request("POST", "/v1/queue/offline-tickets", json_body={"tickets": pending}, write=True)
        done = {r["id"]: r for r in answer["results"]}
        with self._lock:
            self._state["pending"] = [t for t in self._state["pending"] if t["id"] not in done]
            refused = [dict(t, reason=done[t["id"]].get("reason")) for t in pending
                       if done.get(t["id"], {}).get("status") == "refused"]
            self._state.setdefault("refused", []).extend(refused)
            self._save()
        return {"stored": sum(r["status"] == "stored" for r in done.values()), "refused": len(refused)}

    # -- issuing

    def issue(self, *, group_code: str | None = None, service_id: uuid.UUID | None = None, priority: bool = False,
              priority_reason: str | None = None, now: dt.datetime | None = None) -> IssuedTicket:
        try:
            return self.remote.issue(group_code=group_code, service_id=service_id, priority=priority,
                                     priority_reason=priority_reason)
        except QueueOffline:
            if not group_code:
                raise
            issued = self._issue_here(group_code.strip().upper(), service_id, priority or priority_reason is not None,
                                      priority_reason)
            if issued is None:
                raise
            return issued

    def _issue_here(self, code: str, service_id, priority: bool, priority_reason) -> IssuedTicket | None:
        now = officetime.now()
        today = officetime.local_date(now).isoformat()
        with self._lock:
            ranges = [r for r in self._state["blocks"].get(code, []) if r["day"] == today and r["next"] <= r["last"]]
            if not ranges:
                return None
            block = ranges[0]
            number = block["next"]
            block["next"] += 1
            ticket = {"id": str(uuid.uuid4()), "group_code": code, "number": number, "service_date": today,
                      "issued_at": now.isoformat(), "priority": priority, "priority_reason": priority_reason,
                      "service_id": str(service_id) if service_id else None, "printed": False}
            self._state["pending"].append(ticket)
            ahead = self._state["waiting"].get(code, 0) + sum(1 for t in self._state["pending"] if t["group_code"] == code) - 1
            name = self._state["names"].get(code, code)
            self._save()
        view = TicketView(
            id=uuid.UUID(ticket["id"]), code=ticket_code(code, number), number=number, group_code=code, group_name=name,
            route_group_code=code, service_id=service_id, service_title=None, service_date=dt.date.fromisoformat(today),
            status="waiting", priority=priority, priority_reason=priority_reason, issued_at=now, called_at=None,
            counter_number=None, target_counter_number=None, served_started_at=None, finished_at=None, outcome=None,
            printed=False, recall_count=0, transfer_count=0)
        return IssuedTicket(ticket=view, ahead=max(0, ahead), estimated_wait=dt.timedelta(0))
