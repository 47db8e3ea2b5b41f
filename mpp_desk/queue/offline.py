"""A kiosk that keeps issuing while the server is away: numbers from blocks it leased beforehand (issue 14).

:class:`OfflineKiosk` wraps a :class:`~mpp_desk.queue.remote.RemoteQueue`. :meth:`refill` (run in the
background while online) leases per group a block of today's numbers (``POST /v1/queue/blocks``): the server
reserves them, so online issuing skips them and no other kiosk can use them. When an issue finds the server
away (:class:`~mpp_desk.queue.errors.QueueOffline`) the next number of the group's block is issued here, kept
in ``queue-offline.json`` in the data folder (with the block), and :meth:`upload` sends such tickets when the
server is back (``POST /v1/queue/offline-tickets``; by id, so sending twice stores once). They wait in the
line by their own issue time. Numbers of a block never used are never called. Every other method is the
remote queue's. No Qt; blocking (file and network): the kiosk calls it on its background executor.

Once an issue or a check found the server away, the kiosk does not wait for it on every tap: issues come
from the block and :meth:`kiosk_status` gives the last known tiles, until :meth:`upkeep` (the kiosk screen
runs it on its network lane: at start, every :data:`UPKEEP_S` seconds online, every :data:`AWAY_RETRY_S`
seconds while the server is away) reaches the server again; that same round sends the tickets issued
meanwhile and tops the blocks up. An offline ticket's QR is signed with this PC's installation key (kind
``q``, like a standalone PC's ticket; the key was registered with the server at join): once the ticket is
uploaded the server's public page verifies it. A group whose block is used up while the server is away
raises :class:`~mpp_desk.queue.errors.NoNumbersNow` ("numbers for … cannot be taken right now"); nothing
is written.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import threading
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from mpp_desk import officetime
from mpp_desk.errors import UserError
from mpp_desk.queue.backend import QueueBackend, make_queue_backend, ticket_token
from mpp_desk.queue.errors import NO_NUMBERS_TEXT, NoNumbersNow, QueueOffline
from mpp_desk.queue.remote import RemoteQueue, remote_backend_if_joined
from mpp_desk.queue.service import DEFAULT_SERVICE_TIME, ticket_code
from mpp_desk.queue.views import IssuedTicket, KioskGroupStatus, TicketView

if TYPE_CHECKING:
    from mpp_desk.printing.slip import TicketSlip

log = logging.getLogger(__name__)

STATE_FILE = "queue-offline.json"
UPKEEP_S = 60  # online: upload and top the blocks up this often
AWAY_RETRY_S = 10  # the server away: ask again this often (the first answer sends what was issued meanwhile)


@dataclass(frozen=True)
class OfflineStatus:
    """What staff and IT see of the kiosk's offline upkeep (never the citizen)."""

    online: bool
    away_since: dt.datetime | None
    pending: int  # tickets issued offline, not on the server yet
    refused: int  # tickets the server refused (kept aside in the state file)
    remaining: dict[str, int] = field(default_factory=dict)  # group code -> numbers left in today's blocks
    uploaded: int = 0  # stored by the server in this round
    problem: str | None = None

    @property
    def next_upkeep_s(self) -> int:
        """When the next round is due: soon while the server is away or tickets wait to be sent."""
        return UPKEEP_S if self.online and not self.pending else AWAY_RETRY_S


class OfflineKiosk:
    def __init__(self, remote: RemoteQueue, data_dir: Path, *, block_size: int = 20, low_water: int = 5,
                 ctx: Any = None) -> None:
        self.remote = remote
        self.ctx = ctx if ctx is not None else remote.ctx
        self.data_dir = Path(data_dir)
        self.path = self.data_dir / STATE_FILE
        self.block_size = block_size
        self.low_water = low_water
        self.away_since: dt.datetime | None = None
        self.problem: str | None = None
        self._lock = threading.Lock()
        self._state = self._load()

    def __getattr__(self, name: str) -> Any:  # the rest of the QueueBackend is the server's
        return getattr(self.remote, name)

    # -- state on disk (the kiosk restarts without losing a ticket issued offline)

    def _load(self) -> dict[str, Any]:
        state: dict[str, Any] = {}
        try:
            state = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            pass
        for key, empty in (("blocks", {}), ("pending", []), ("names", {}), ("waiting", {}), ("open", {}),
                           ("reasons", {}), ("rates", {}), ("refused", [])):
            state.setdefault(key, empty)
        return state

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

    # -- the server's presence

    def _went_away(self, exc: BaseException) -> None:
        if self.away_since is None:
            self.away_since = officetime.now()
            log.warning("queue server away: issuing from the leased blocks (%s)", exc)
        self.problem = str(exc)

    def _came_back(self) -> None:
        if self.away_since is not None:
            log.info("queue server back (away since %s)", self.away_since.isoformat())
        self.away_since = None
        self.problem = None

    def status(self, *, uploaded: int = 0) -> OfflineStatus:
        today = officetime.today()
        with self._lock:
            codes = sorted(set(self._state["names"]) | set(self._state["blocks"]))
            pending, refused = len(self._state["pending"]), len(self._state["refused"])
        return OfflineStatus(online=self.away_since is None, away_since=self.away_since, pending=pending,
                             refused=refused, remaining={c: self.remaining(c, today) for c in codes},
                             uploaded=uploaded, problem=self.problem)

    def upkeep(self) -> OfflineStatus:
        """One round (network lane): send what was issued offline, then top the blocks up. The server away is
        recorded, not raised: the kiosk goes on from its blocks and asks again in :data:`AWAY_RETRY_S` seconds."""
        uploaded = 0
        try:
            uploaded = self.upload()["stored"]
            self.refill()
        except QueueOffline as exc:
            self._went_away(exc)
        else:
            self._came_back()
        return self.status(uploaded=uploaded)

    # -- the tiles

    def _remember(self, status: list[KioskGroupStatus]) -> None:
        with self._lock:
            self._state["names"] = {g.code: g.name for g in status}
            self._state["waiting"] = {g.code: g.waiting for g in status}
            self._state["open"] = {g.code: g.open for g in status}
            self._state["reasons"] = {g.code: g.reason for g in status}
            self._save()

    def kiosk_status(self, *, now: dt.datetime | None = None) -> list[KioskGroupStatus]:
        """The server's tiles; while it is away, the last ones known (waiting counts plus the offline tickets)."""
        if self.away_since is None:
            try:
                status = self.remote.kiosk_status()
            except QueueOffline as exc:
                self._went_away(exc)
            else:
                self._remember(status)
                return status
        today = officetime.today().isoformat()
        with self._lock:
            state = self._state
            extra = {c: sum(1 for t in state["pending"] if t["group_code"] == c and t["service_date"] == today)
                     for c in state["names"]}
            return [KioskGroupStatus(c, name, bool(state["open"].get(c, True)), state["waiting"].get(c, 0) + extra[c],
                                     state["reasons"].get(c)) for c, name in state["names"].items()]

    # -- online: keep blocks, send what was issued offline

    def refill(self) -> dict[str, int]:
        """Lease a block for each open group whose numbers for today run low; returns what each group holds."""
        status = self.remote.kiosk_status()
        self._remember(status)
        today = officetime.today()
        with self._lock:  # yesterday's blocks are of no use
            self._state["blocks"] = {c: [r for r in ranges if r["day"] >= today.isoformat()]
                                     for c, ranges in self._state["blocks"].items()}
        for group in status:
            if not group.open or self.remaining(group.code, today) >= self.low_water:
                continue
            try:
                block = self.remote._request("POST", "/v1/queue/blocks", json_body={"group_code": group.code,
                                                                                     "size": self.block_size}, write=True)
            except QueueOffline:
                raise
            except UserError as exc:  # e.g. the daily limit reached: nothing more to hold for this group
                log.info("no block for group %s: %s", group.code, exc)
                continue
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
            self._state["refused"].extend(refused)
            self._save()
        for ticket in refused:
            log.error("offline ticket %s (id %s) refused by the server: %s",
                      ticket_code(ticket["group_code"], ticket["number"]), ticket["id"], ticket["reason"])
        stored = sum(r["status"] == "stored" for r in done.values())
        log.info("offline tickets sent: %d stored, %d refused", stored, len(refused))
        return {"stored": stored, "refused": len(refused)}

    # -- issuing

    def issue(self, *, group_code: str | None = None, service_id: uuid.UUID | None = None, priority: bool = False,
              priority_reason: str | None = None, now: dt.datetime | None = None) -> IssuedTicket:
        code = (group_code or "").strip().upper()
        asked = self.away_since is None or not code
        if asked:
            issued = self._issue_remote(code, service_id, priority, priority_reason)
            if issued is not None:
                return issued
        issued = self._issue_here(code, service_id, priority or priority_reason is not None, priority_reason)
        if issued is None and not asked:  # the block is used up: the server may be back before the next upkeep
            issued = self._issue_remote(code, service_id, priority, priority_reason)
            if issued is not None:
                return issued
        if issued is None:  # nothing written: the visitor is told numbers for this service cannot be taken now
            with self._lock:
                name = self._state["names"].get(code, code)
            raise NoNumbersNow(NO_NUMBERS_TEXT, group=name)
        log.info("ticket %s (id %s) issued offline from the leased block", issued.ticket.code, issued.ticket.id)
        return issued

    def _issue_remote(self, code: str, service_id, priority: bool, priority_reason) -> IssuedTicket | None:
        """The server's number; None when it is away (recorded) and a block may serve instead."""
        try:
            issued = self.remote.issue(group_code=code or None, service_id=service_id, priority=priority,
                                       priority_reason=priority_reason)
        except QueueOffline as exc:
            if not code:
                raise
            self._went_away(exc)
            return None
        self._came_back()
        self._remember_rate(issued)
        return issued

    def _remember_rate(self, issued: IssuedTicket) -> None:
        if issued.ahead > 0:  # the server's estimate per person ahead, for the wait printed offline
            with self._lock:
                self._state["rates"][issued.ticket.group_code] = issued.estimated_wait.total_seconds() / issued.ahead

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
            ahead = self._state["waiting"].get(code, 0) + sum(
                1 for t in self._state["pending"] if t["group_code"] == code and t["service_date"] == today) - 1
            rate = self._state["rates"].get(code) or DEFAULT_SERVICE_TIME.total_seconds()
            view = self._view(ticket)
            self._save()
        ahead = max(0, ahead)
        return IssuedTicket(ticket=view, ahead=ahead, estimated_wait=dt.timedelta(seconds=round(rate * ahead)))

    def _view(self, t: dict[str, Any]) -> TicketView:
        code, number = t["group_code"], t["number"]
        return TicketView(
            id=uuid.UUID(t["id"]), code=ticket_code(code, number), number=number, group_code=code,
            group_name=self._state["names"].get(code, code), route_group_code=code,
            service_id=uuid.UUID(t["service_id"]) if t.get("service_id") else None, service_title=None,
            service_date=dt.date.fromisoformat(t["service_date"]), status="waiting", priority=t["priority"],
            priority_reason=t["priority_reason"], issued_at=dt.datetime.fromisoformat(t["issued_at"]), called_at=None,
            counter_number=None, target_counter_number=None, served_started_at=None, finished_at=None, outcome=None,
            printed=t["printed"], recall_count=0, transfer_count=0)

    def _offline(self, ticket_id: uuid.UUID) -> dict[str, Any] | None:
        with self._lock:
            return next((t for t in self._state["pending"] if t["id"] == str(ticket_id)), None)

    def mark_printed(self, *, ticket_id: uuid.UUID) -> TicketView:
        """An offline ticket's paper came out: noted here (sent with it); any other ticket: the server's."""
        with self._lock:
            ticket = next((t for t in self._state["pending"] if t["id"] == str(ticket_id)), None)
            if ticket is not None:
                ticket["printed"] = True
                self._save()
                return self._view(ticket)
        return self.remote.mark_printed(ticket_id=ticket_id)

    def slip(self, ticket: IssuedTicket | TicketView, *, copy: bool | None = None) -> TicketSlip:
        """The printable ticket, its QR signed with this PC's key (kind ``q``, as a standalone PC's): the server
        has no reference for an offline ticket yet, and the public page checks a PC's signature against the
        server's ticket (``server/public/check.py``), so the kiosk's tickets, online or not, read and verify
        alike. A ticket looked up again (a reprint) that was not issued offline here prints as the server's."""
        from mpp_desk.printing.slip import TicketSlip  # lazy: the printing package, only when a ticket prints
        from mpp_desk.settings import receipt_settings  # lazy: as RemoteQueue.slip, only when a ticket prints
        from mpp_desk.signing import installation_signer, verification_url  # lazy: cryptography, only when signing

        view = ticket.ticket if isinstance(ticket, IssuedTicket) else ticket
        if not isinstance(ticket, IssuedTicket) and self._offline(view.id) is None:
            return self.remote.slip(ticket, copy=copy)
        ahead, wait = (ticket.ahead, ticket.estimated_wait_minutes) if isinstance(ticket, IssuedTicket) else (0, 0)
        with self.ctx.uow(write=True) as uow:  # write: the first signature records the key's id
            office = receipt_settings(uow)
            token = ticket_token(installation_signer(uow, self.data_dir), view)
            uow.commit()
        return TicketSlip(office_name=office.office_name, code=view.code, group_code=view.group_code,
                          group_name=view.group_name, service_title=view.service_title, issued_at=view.issued_at,
                          ahead=ahead, estimated_wait_minutes=wait, qr_data=verification_url(office.verify_base_url, token),
                          priority=view.priority, priority_reason=view.priority_reason,
                          copy=view.printed if copy is None else copy)


# One per joined data folder: its state file is written by one object only.
_KIOSKS: dict[tuple[str, str], OfflineKiosk] = {}
_KIOSKS_LOCK = threading.Lock()


def offline_kiosk_if_joined(ctx: Any) -> OfflineKiosk | None:
    """The kiosk's queue on a joined PC (the server's, with leased blocks for when it is away); None otherwise."""
    remote = remote_backend_if_joined(ctx)
    if remote is None:
        return None
    key = (str(ctx.data_dir), remote.url)
    with _KIOSKS_LOCK:
        kiosk = _KIOSKS.get(key)
        if kiosk is None:
            kiosk = _KIOSKS[key] = OfflineKiosk(remote, Path(ctx.data_dir), ctx=ctx)
        return kiosk


def kiosk_backend(ctx: Any) -> QueueBackend:
    """The kiosk's queue: on a joined PC the server's with leased number blocks for when it is away, else this PC's."""
    kiosk = offline_kiosk_if_joined(ctx)
    if kiosk is None:
        return make_queue_backend(ctx)
    return cast("QueueBackend", kiosk)  # the rest of the interface is its RemoteQueue's (__getattr__)


def upkeep_if_joined(ctx: Any) -> OfflineStatus | None:
    """One round of the joined kiosk's upkeep (:meth:`OfflineKiosk.upkeep`); None on a PC that has not joined."""
    kiosk = offline_kiosk_if_joined(ctx)
    return kiosk.upkeep() if kiosk is not None else None
