"""The queue on the office's server: a :class:`~mpp_desk.queue.backend.QueueBackend` over HTTP (issue 14).

When a PC has joined a server (``sync.json`` in its data folder, :mod:`mpp_desk.sync.client`), every
issue, call and counter action goes to ``mpp-central`` (``/v1/queue/...``, docs/queue.md) with the
device's credential; the server allocates numbers and claims tickets. The screens do not change:
the methods and their results are those of :class:`~mpp_desk.queue.backend.LocalQueue`.

- A write carries an op id (``X-MPP-Op-Id``), the same on every retry of one call: a request whose
  answer was lost is answered again by the server, never done twice.
- The server's refusals come back as the same :class:`~mpp_desk.errors.UserError` classes with the
  same messages, translated here. The server away: :class:`~mpp_desk.queue.errors.QueueOffline`.
- ``now=`` is accepted for the interface and ignored: the server's clock decides.
- :class:`EventStream`: the server-sent events as an iterator (no Qt), reconnecting with
  ``Last-Event-ID``; run it on a worker thread (:meth:`EventStream.run_in_thread`).

Every method blocks (network): the UI calls them on its background executor.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import random
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx

from mpp_desk.errors import UserError
from mpp_desk.queue import errors as queue_errors
from mpp_desk.queue.speaker import SpeakerAnswer
from mpp_desk.queue.views import (
    BoardState,
    CounterCall,
    CounterState,
    CounterView,
    EventView,
    IssuedTicket,
    KioskGroupStatus,
    ServedTwice,
    ServiceRef,
    TicketView,
)
from mpp_desk.printing.slip import TicketSlip
from mpp_desk.queue.stats import DailyStats
from mpp_desk.roles import Permission, require
from mpp_desk.settings import receipt_settings
from mpp_desk.signing import verification_url
from mpp_desk.sync.client import load_joined
from mpp_desk.sync.schemas import PROTOCOL, PROTOCOL_HEADER

if TYPE_CHECKING:
    from mpp_desk.queue.views import ClockWarning
    from mpp_desk.roles import Actor

log = logging.getLogger(__name__)

OP_HEADER = "X-MPP-Op-Id"
TIMEOUT_S = 10.0
QUICK_TIMEOUT_S = 2.0
_RETRYABLE = (httpx.TransportError,)  # connect refused, timeouts, a connection cut mid-answer


def remote_backend_if_joined(ctx: Any, *, actor: Actor | None = None) -> RemoteQueue | None:
    """The server-backed queue when this PC has joined a server, else None (the PC's own queue applies).

    The factory that builds the queue backend (``make_queue_backend`` in backend.py) calls this first.
    """
    data_dir = getattr(ctx, "data_dir", None)
    if data_dir is None:
        return None
    joined = load_joined(Path(data_dir))
    if joined is None:
        return None
    key = (str(data_dir), joined.url, joined.credential)
    with _SHARED_LOCK:
        shared = _SHARED.get(key)
        if shared is None:  # one HTTP connection pool per joined data folder, kept between actions
            shared = _SHARED[key] = RemoteQueue.from_joined(joined, data_dir=Path(data_dir), ctx=ctx)
    return shared.acting_for(actor, ctx=ctx)


_SHARED: dict[tuple[str, str, str], RemoteQueue] = {}
_SHARED_LOCK = threading.Lock()


class RemoteQueue:
    """The queue backend of a joined PC: each call one HTTP request to mpp-central."""

    def __init__(self, url: str, credential: str, *, ca_file: str | Path | None = None, ctx: Any = None,
                 actor: Actor | None = None, attempts: int = 3, retry_pause: float = 0.3, timeout: float = TIMEOUT_S,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.url = url.rstrip("/")
        self.ctx = ctx
        self.actor = actor
        self.attempts = max(1, attempts)
        self.retry_pause = retry_pause
        self.tries = 0
        verify: Any = str(ca_file) if ca_file else True
        self._client = httpx.Client(
            base_url=self.url, timeout=timeout, verify=verify, transport=transport,
            headers={"Authorization": f"Bearer {credential}", PROTOCOL_HEADER: str(PROTOCOL)},
        )
        self._credential = credential
        self._ca_file = ca_file
        self._timeout: Any = httpx.USE_CLIENT_DEFAULT

    @classmethod
    def from_joined(cls, joined: Any, *, data_dir: Path | None = None, **kwargs: Any) -> RemoteQueue:
        ca = None
        if joined.ca_file:
            ca = Path(joined.ca_file)
            if data_dir is not None and not ca.is_absolute():
                ca = data_dir / ca
        return cls(joined.url, joined.credential, ca_file=ca, **kwargs)

    def acting_for(self, actor: Actor | None, *, ctx: Any = None) -> RemoteQueue:
        """The same server and connection pool, acting for *actor* (httpx clients are thread-safe)."""
        import copy

        other = copy.copy(self)
        other.actor = actor
        other.ctx = ctx if ctx is not None else self.ctx
        return other

    def quick(self, *, timeout: float = QUICK_TIMEOUT_S) -> RemoteQueue:
        """The same, with one attempt and a short timeout: for a counter whose stream already says the server is
        away (a cut cable would otherwise hold the action for three full timeouts before the offline journal)."""
        import copy

        other = copy.copy(self)
        other.attempts = 1
        other._timeout = httpx.Timeout(timeout)
        return other

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> RemoteQueue:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transport

    def _request(self, method: str, path: str, *, json_body: Any = None, params: dict | None = None,
                 write: bool = False) -> Any:
        headers = {OP_HEADER: str(uuid.uuid4())} if write else {}  # one op id for every retry of this call
        for attempt in range(1, self.attempts + 1):
            self.tries = attempt
            try:
                response = self._client.request(method, path, json=json_body, params=params, headers=headers,
                                                timeout=self._timeout)
            except _RETRYABLE as exc:
                if attempt == self.attempts:
                    raise queue_errors.QueueOffline(queue_errors.OFFLINE_TEXT, reason=type(exc).__name__) from exc
                time.sleep(self.retry_pause * attempt)
                continue
            if response.status_code >= 500 and attempt < self.attempts:
                time.sleep(self.retry_pause * attempt)
                continue
            return _answer(response)
        raise AssertionError("unreachable")

    def _serve_check(self) -> None:
        if self.actor is not None:
            require(self.actor, Permission.SERVE_QUEUE)

    # -- the interface

    def issue(self, *, group_code: str | None = None, service_id: uuid.UUID | None = None, priority: bool = False,
              priority_reason: str | None = None, now: dt.datetime | None = None) -> IssuedTicket:
        body = {"group_code": group_code, "service_id": str(service_id) if service_id else None, "priority": priority,
                "priority_reason": priority_reason}
        data = self._request("POST", "/v1/queue/issue", json_body=body, write=True)
        return IssuedTicket(ticket=ticket_from(data["ticket"]), ahead=data["ahead"],
                            estimated_wait=dt.timedelta(seconds=data["estimated_wait_s"]))

    def redeem_booking(self, *, code: str, now: dt.datetime | None = None) -> IssuedTicket:
        cleaned = "".join(ch for ch in code if ch.isalnum()).upper()[:16] or "-"
        data = self._request("POST", f"/v1/queue/bookings/{cleaned}/redeem", write=True)
        return IssuedTicket(ticket=ticket_from(data["ticket"]), ahead=data["ahead"],
                            estimated_wait=dt.timedelta(seconds=data["estimated_wait_s"]))

    def call_next(self, *, counter_number: int, now: dt.datetime | None = None) -> TicketView | None:
        self._serve_check()
        data = self._request("POST", f"/v1/queue/counters/{int(counter_number)}/call-next", write=True)
        return ticket_from(data["ticket"]) if data["ticket"] else None

    def _act(self, path: str, ticket_id: uuid.UUID, body: dict[str, Any]) -> TicketView:
        self._serve_check()
        return ticket_from(self._request("POST", f"/v1/queue/tickets/{ticket_id}/{path}", json_body=body, write=True))

    def recall(self, *, ticket_id: uuid.UUID, counter_number: int, now: dt.datetime | None = None) -> TicketView:
        return self._act("recall", ticket_id, {"counter_number": counter_number})

    def mark_no_show(self, *, ticket_id: uuid.UUID, counter_number: int, now: dt.datetime | None = None) -> TicketView:
        return self._act("no-show", ticket_id, {"counter_number": counter_number})

    def start_service(self, *, ticket_id: uuid.UUID, counter_number: int, now: dt.datetime | None = None) -> TicketView:
        return self._act("start", ticket_id, {"counter_number": counter_number})

    def finish(self, *, ticket_id: uuid.UUID, counter_number: int, outcome: str = "completed", note: str = "",
               now: dt.datetime | None = None) -> TicketView:
        return self._act("finish", ticket_id, {"counter_number": counter_number, "outcome": outcome, "note": note})

    def transfer(self, *, ticket_id: uuid.UUID, counter_number: int, to_group_code: str | None = None,
                 to_counter_number: int | None = None, now: dt.datetime | None = None) -> TicketView:
        return self._act("transfer", ticket_id, {"counter_number": counter_number, "to_group_code": to_group_code,
                                                 "to_counter_number": to_counter_number})

    def hold(self, *, ticket_id: uuid.UUID, counter_number: int, now: dt.datetime | None = None) -> TicketView:
        return self._act("hold", ticket_id, {"counter_number": counter_number})

    def resume(self, *, ticket_id: uuid.UUID, counter_number: int, now: dt.datetime | None = None) -> TicketView:
        return self._act("resume", ticket_id, {"counter_number": counter_number})

    def cancel(self, *, ticket_id: uuid.UUID, now: dt.datetime | None = None) -> TicketView:
        self._serve_check()
        return ticket_from(self._request("POST", f"/v1/queue/tickets/{ticket_id}/cancel", write=True))

    def get_ticket(self, *, ticket_id: uuid.UUID) -> TicketView:
        return ticket_from(self._request("GET", f"/v1/queue/tickets/{ticket_id}"))

    def find_ticket(
        self, *, code: str, service_date: dt.date | None = None, now: dt.datetime | None = None
    ) -> TicketView:
        """A ticket by its code on a service date (default: the server's today)."""
        params = {"code": (code or "").strip().upper()}
        if service_date is not None:
            params["date"] = service_date.isoformat()
        return ticket_from(self._request("GET", "/v1/queue/tickets", params=params))

    def latest_seq(self) -> int:
        """The server's last queue event (what a screen has seen once it has read up to here)."""
        return board_from(self._request("GET", "/v1/queue/board", params={"last_calls": 0})).last_seq

    def clock_warning(self, *, now: dt.datetime | None = None) -> ClockWarning | None:
        """None: the server's clock decides numbers and days, so this PC's clock cannot misdate a ticket."""
        return None

    def waiting_list(self, *, group_code: str, now: dt.datetime | None = None) -> list[TicketView]:
        code = (group_code or "").strip().upper()
        return [ticket_from(t) for t in self._request("GET", f"/v1/queue/groups/{code}/waiting")["tickets"]]

    def waiting_counts(self, *, now: dt.datetime | None = None) -> dict[str, int]:
        return dict(self._request("GET", "/v1/queue/waiting-counts")["waiting"])

    def events_since(self, *, after_seq: int = 0, limit: int = 100) -> list[EventView]:
        data = self._request("GET", "/v1/queue/events", params={"after": after_seq, "limit": min(limit, 1000)})
        return [event_from(e) for e in data["events"]]

    def board_state(self, *, last_calls: int = 8, now: dt.datetime | None = None) -> BoardState:
        return board_from(self._request("GET", "/v1/queue/board", params={"last_calls": last_calls}))

    def counter_state(self, *, counter_number: int, now: dt.datetime | None = None) -> CounterState:
        data = self._request("GET", f"/v1/queue/counters/{int(counter_number)}")
        c = data["counter"]
        return CounterState(
            counter=CounterView(uuid.UUID(c["id"]), c["number"], c["name"], c["active"], tuple(c["group_codes"])),
            current=ticket_from(data["current"]) if data["current"] else None,
            held=tuple(ticket_from(t) for t in data["held"]),
            waiting=dict(data["waiting"]),
        )

    def kiosk_status(self, *, now: dt.datetime | None = None) -> list[KioskGroupStatus]:
        result = []
        for g in self._request("GET", "/v1/queue/kiosk")["groups"]:
            reason = _error_from(g["reason"]).text() if g["reason"] else None
            services = tuple(ServiceRef(uuid.UUID(s["id"]), s["title"], s["kbli"]) for s in g["services"])
            result.append(KioskGroupStatus(g["code"], g["name"], g["open"], g["waiting"], reason, services))
        return result

    def reprint_candidates(self, *, now: dt.datetime | None = None) -> list[TicketView]:
        return [ticket_from(t) for t in self._request("GET", "/v1/queue/reprint")["tickets"]]

    def mark_printed(self, *, ticket_id: uuid.UUID) -> TicketView:
        return ticket_from(self._request("POST", f"/v1/queue/tickets/{ticket_id}/printed"))

    def daily_stats(self, *, date: dt.date) -> DailyStats:
        """The building's statistics of *date*, counted on the server's tickets (``GET /v1/queue/stats``)."""
        if self.actor is not None:
            require(self.actor, Permission.VIEW_REPORTS)
        return DailyStats.from_dict(self._request("GET", "/v1/queue/stats", params={"day": date.isoformat()}))

    # -- the board's speaker zone (not part of the QueueBackend interface: a joined board only)

    def speaker_lease(self, *, zone: str) -> SpeakerAnswer:
        """Take or renew the speaker lease of *zone*; whether this board speaks (``mpp_desk/queue/speaker.py``)."""
        return SpeakerAnswer.from_dict(self._request("POST", "/v1/queue/speaker-lease", json_body={"zone": zone}))

    def release_speaker_lease(self, *, zone: str) -> bool:
        """Give the zone's lease up (the board closes): another board takes over at its next renewal."""
        return bool(self._request("POST", "/v1/queue/speaker-lease/release", json_body={"zone": zone})["released"])

    def slip(self, ticket: IssuedTicket | TicketView, *, copy: bool | None = None) -> TicketSlip:
        """The printable ticket; its QR carries the server's signed reference (``q1.…``)."""
        if isinstance(ticket, IssuedTicket):
            view, ahead, wait = ticket.ticket, ticket.ahead, ticket.estimated_wait_minutes
        else:
            view, ahead, wait = ticket, 0, 0
        reference = REFERENCES.get(view.id) or self._request("GET", f"/v1/queue/tickets/{view.id}")["reference"]
        with self.ctx.uow(write=False) as uow:
            office = receipt_settings(uow)
        return TicketSlip(office_name=office.office_name, code=view.code, group_code=view.group_code,
                          group_name=view.group_name, service_title=view.service_title, issued_at=view.issued_at,
                          ahead=ahead, estimated_wait_minutes=wait,
                          qr_data=verification_url(office.verify_base_url, reference), priority=view.priority,
                          priority_reason=view.priority_reason, copy=view.printed if copy is None else copy)

    # -- a counter's offline work (mpp_desk/queue/counter_journal.py) and the supervisor's view of it

    def send_offline_actions(self, *, counter_number: int, actions: list[dict[str, Any]]) -> dict[str, Any]:
        """A counter's offline journal; the server answers each entry (applied, conflict, refused) once by op id."""
        self._serve_check()
        return self._request("POST", f"/v1/queue/counters/{int(counter_number)}/offline-actions",
                             json_body={"actions": actions})

    def served_twice(self, *, date: dt.date | None = None, open_only: bool = False) -> list[ServedTwice]:
        """The tickets served twice (of *date*, or every day; *open_only*: not yet checked), as the server recorded
        them, checked ones with who checked them."""
        params: dict[str, str] = {"date": date.isoformat()} if date is not None else {}
        if open_only:
            params["open"] = "1"
        return [served_twice_from(c) for c in self._request("GET", "/v1/queue/conflicts", params=params or None)[
            "conflicts"]]

    def mark_served_twice_checked(self, *, conflict_id: int, checked_by: str, note: str = "") -> ServedTwice:
        """Mark a ticket served twice as checked (once; the server answers a second mark with
        :class:`~mpp_desk.queue.errors.AlreadyChecked`). A supervisor's or administrator's PC and person only."""
        if self.actor is not None:
            require(self.actor, Permission.VIEW_REPORTS)
        data = self._request("POST", f"/v1/queue/conflicts/{int(conflict_id)}/checked",
                             json_body={"checked_by": checked_by, "note": note}, write=True)
        return served_twice_from(data["conflict"])

    # -- the live stream

    def event_stream(self, *, after: int | None = None, **kwargs: Any) -> EventStream:
        return EventStream(self.url, self._credential, ca_file=self._ca_file, after=after, **kwargs)


# The server's signed reference of the tickets seen, for their slips (bounded: the newest few hundred).
REFERENCES: dict[uuid.UUID, str] = {}
_REFERENCES_MAX = 500
_REFERENCES_LOCK = threading.Lock()


# --- the wire to the views -------------------------------------------------------------------------------


def _dt(value: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if value else None


def served_twice_from(c: dict[str, Any]) -> ServedTwice:
    return ServedTwice(c["ticket_code"], dt.date.fromisoformat(c["service_date"]), c["offline_counter_number"],
                       c["offline_device"], _dt(c["offline_called_at"]), c["offline_action"],
                       _dt(c["offline_at"]) or dt.datetime.min, c["other_counter_number"], c["other_status"],
                       _dt(c["other_called_at"]), id=int(c["id"]), checked_at=_dt(c.get("checked_at")),
                       checked_by=c.get("checked_by"), checked_note=c.get("checked_note"),
                       checked_device=c.get("checked_device"))


def ticket_from(d: dict[str, Any]) -> TicketView:
    ticket_id = uuid.UUID(d["id"])
    if d.get("reference"):
        with _REFERENCES_LOCK:  # the PC's threads share it: two evicting the same oldest raised KeyError
            if len(REFERENCES) >= _REFERENCES_MAX:
                REFERENCES.pop(next(iter(REFERENCES)))
            REFERENCES[ticket_id] = d["reference"]
    issued_at = _dt(d["issued_at"])
    assert issued_at is not None, "a ticket has its issue time"
    return TicketView(
        id=ticket_id, code=d["code"], number=d["number"], group_code=d["group_code"], group_name=d["group_name"],
        route_group_code=d["route_group_code"], service_id=uuid.UUID(d["service_id"]) if d["service_id"] else None,
        service_title=d["service_title"], service_date=dt.date.fromisoformat(d["service_date"]), status=d["status"],
        priority=d["priority"], priority_reason=d["priority_reason"], issued_at=issued_at,
        called_at=_dt(d["called_at"]), counter_number=d["counter_number"],
        target_counter_number=d["target_counter_number"], served_started_at=_dt(d["served_started_at"]),
        finished_at=_dt(d["finished_at"]), outcome=d["outcome"], printed=d["printed"],
        recall_count=d["recall_count"], transfer_count=d["transfer_count"],
    )


def event_from(d: dict[str, Any]) -> EventView:
    at = _dt(d["at"])
    assert at is not None
    return EventView(d["seq"], d["type"], uuid.UUID(d["ticket_id"]), d["ticket_code"], d["group_code"],
                     d["counter_number"], at, d.get("detail") or "")


def board_from(d: dict[str, Any]) -> BoardState:
    return BoardState(
        now_serving=tuple(CounterCall(c["counter_number"], c["counter_name"], c["ticket_code"], c["status"],
                                      _dt(c["called_at"])) for c in d["now_serving"]),
        last_calls=tuple(event_from(e) for e in d["last_calls"]),
        waiting=dict(d["waiting"]), last_seq=d["last_seq"], service_date=dt.date.fromisoformat(d["service_date"]),
        applied_after=tuple(d.get("applied_after", ())),
    )


_ERRORS: dict[str, type[UserError]] = {
    name: cls for name, cls in vars(queue_errors).items() if isinstance(cls, type) and issubclass(cls, UserError)
}


def _error_from(error: dict[str, Any]) -> UserError:
    cls = _ERRORS.get(error.get("type", ""), UserError)
    try:
        exc = cls(error["message"], **error.get("params", {}))
        exc.text()  # the parameters fill the message
        return exc
    except (KeyError, IndexError, TypeError, ValueError):
        return queue_errors.QueueServerRefused(queue_errors.REFUSED_TEXT, reason=str(error.get("message", "")))


def _answer(response: httpx.Response) -> Any:
    if response.status_code < 300:
        return response.json()
    try:
        body = response.json()
    except ValueError:
        body = {}
    if isinstance(body, dict) and isinstance(body.get("error"), dict):
        raise _error_from(body["error"])
    detail = body.get("detail") if isinstance(body, dict) else None
    reason = f"{response.status_code}: {detail if isinstance(detail, str) else response.reason_phrase}"
    if response.status_code >= 500:
        raise queue_errors.QueueOffline(queue_errors.OFFLINE_TEXT, reason=reason)
    raise queue_errors.QueueServerRefused(queue_errors.REFUSED_TEXT, reason=reason)


# --- server-sent events ----------------------------------------------------------------------------------


class EventStream:
    """The server's queue events, in order, across reconnections: ``for event in stream: ...``.

    Starts after event *after* (None: from the server's newest; a screen reads ``board_state()`` first
    and passes its ``last_seq``). When the connection drops it reconnects (backoff with jitter, up to
    *max_backoff* seconds) sending ``Last-Event-ID``: the server replays every event it missed.
    *on_state(online: bool)* is called on the iterating thread when the connection comes or goes.
    :meth:`stop` (from any thread) ends the iteration.
    """

    def __init__(self, url: str, credential: str, *, ca_file: str | Path | None = None, after: int | None = None,
                 on_state: Callable[[bool], None] | None = None, max_backoff: float = 10.0,
                 read_timeout: float = 30.0, transport: httpx.BaseTransport | None = None) -> None:
        self.url = url.rstrip("/")
        self.last_id = after
        self.on_state = on_state
        self.max_backoff = max_backoff
        self.online: bool | None = None
        self.connections = 0
        self._stop = threading.Event()
        self._response: httpx.Response | None = None
        self._client = httpx.Client(
            base_url=self.url, verify=str(ca_file) if ca_file else True, transport=transport,
            timeout=httpx.Timeout(5.0, read=read_timeout),
            headers={"Authorization": f"Bearer {credential}", PROTOCOL_HEADER: str(PROTOCOL),
                     "Accept": "text/event-stream"},
        )

    def __iter__(self) -> Iterator[EventView]:
        failures = 0
        try:
            while not self._stop.is_set():
                try:
                    for event in self._connect_once():
                        failures = 0
                        yield event
                except (httpx.TransportError, httpx.StreamError) as exc:
                    log.info("queue stream lost: %s", exc)
                except queue_errors.QueueServerRefused:
                    self._set_online(False)
                    raise
                self._set_online(False)
                if self._stop.is_set():
                    break
                failures += 1
                self._stop.wait(min(self.max_backoff, 0.2 * 2 ** min(failures, 8)) * random.uniform(0.5, 1.0))
        finally:
            self._client.close()

    def _connect_once(self) -> Iterator[EventView]:
        headers = {"Last-Event-ID": str(self.last_id)} if self.last_id is not None else {}
        with self._client.stream("GET", "/v1/queue/stream", headers=headers) as response:
            if response.status_code != 200:
                response.read()
                _answer(response)
                raise httpx.StreamError(f"unexpected status {response.status_code}")
            self._response = response
            self.connections += 1
            self._set_online(True)
            event_id, data = None, []
            for line in response.iter_lines():
                if self._stop.is_set():
                    return
                if not line:
                    if data:
                        payload = json.loads("\n".join(data))
                        if event_id is not None:
                            self.last_id = int(event_id)
                        yield event_from(payload)
                    event_id, data = None, []
                elif line.startswith("id:"):
                    event_id = line[3:].strip()
                elif line.startswith("data:"):
                    data.append(line[5:].lstrip())
            # the server closed the stream: reconnect

    def _set_online(self, online: bool) -> None:
        if online != self.online:
            self.online = online
            if self.on_state is not None:
                self.on_state(online)

    def stop(self) -> None:
        self._stop.set()
        response = self._response
        if response is not None:
            try:
                response.close()
            except Exception:  # noqa: BLE001 - closing from another thread: whatever state it is in
                pass

    def run_in_thread(self, on_event: Callable[[EventView], None], *, name: str = "queue-stream") -> threading.Thread:
        """Iterate on a daemon thread, handing each event to *on_event* there (a Qt screen re-emits it as a signal)."""

        def loop() -> None:
            try:
                for event in self:
                    on_event(event)
            except UserError as exc:
                log.warning("queue stream stopped: %s", exc)
            except RuntimeError:  # the screen that received the events was closed meanwhile
                log.info("queue stream stopped: its screen is gone")

        thread = threading.Thread(target=loop, name=name, daemon=True)
        thread.start()
        return thread
