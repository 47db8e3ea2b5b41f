"""The live queue's routes under /v1/queue (thin: parse, authenticate, one transaction, call queue.py).

Every request is one PostgreSQL transaction that also authenticates the device (a read of its
credential; its last sight is written at most once a minute), so a queue action costs one round of
statements and one commit. A write may carry ``X-MPP-Op-Id``: its answer is stored with it
(``q_ops``) and a retry of the same op id (the answer was lost) gets that answer again instead of
a second ticket or a second call. A refusal writes nothing, so its retry is decided again.

``GET /v1/queue/stream`` serves the events as server-sent events (``id:`` is the event's seq; a
reconnecting client sends ``Last-Event-ID`` and receives what it missed, from the table). A thread
LISTENs on PostgreSQL's channel only to wake the streams; they read the table themselves, so a lost
notification delays an event by the keep-alive interval at most, never loses it. The NOTIFY is sent
after a write commits, by a notifier thread on its own connection (coalesced), never inside the
write's transaction: PostgreSQL serialises the commits of notifying transactions.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
import json
import logging
import os
import threading
import uuid
from typing import Annotated, Any, Callable

import anyio
import anyio.to_thread
import psycopg
from fastapi import Depends, FastAPI, Header, HTTPException, Path, Query, Request
from fastapi.responses import JSONResponse, StreamingResponse
from psycopg.rows import namedtuple_row
from pydantic import BaseModel, Field
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError

from mpp_desk import officetime
from mpp_desk.errors import PermissionDenied, UserError
from mpp_desk.officetime import as_utc, local_date
from mpp_desk.queue.errors import QueueNotFound
from mpp_desk.server import bookings, devices, queue_reconcile
from mpp_desk.server import queue as service
from mpp_desk.server import queue_speaker, queue_stats
from mpp_desk.server import queue_fast
from mpp_desk.server.queue_config import ConfigCache
from mpp_desk.server.queue_streams import RevocationWatch
from mpp_desk.server.settings import ServerSettings
from mpp_desk.sync.schemas import PROTOCOL_HEADER

log = logging.getLogger(__name__)

OP_HEADER = "X-MPP-Op-Id"
MAX_BIGINT = 2**63 - 1
STREAM_PAGE = 500
KEEPALIVE_S = 10.0
GAP_RETRY_S = 0.05
NOTIFY_EVERY_S = 0.005
SEEN_EVERY = dt.timedelta(seconds=60)
# Requests of the queue run their transaction on at most this many threads at once (a limiter of their own,
# not FastAPI's 40 for plain endpoints); more wait their turn. Each waits on PostgreSQL most of its time, so a
# few keep one core busy; forty contending for the GIL spent more CPU switching than answering.
QUEUE_THREADS = int(os.environ.get("MPP_QUEUE_THREADS", "16"))
_SAFE = r"^[^\x00]*$"  # PostgreSQL text cannot hold NUL: a 422, not a 500

_AUTH = service.Raw("SELECT d.id, d.name, d.role, d.revoked_at, d.last_seen_at, d.enrolled_at, d.pending_ops, d.local_device_id, "
             "d.counter_numbers, "
             "(SELECT answer FROM q_ops WHERE device_id = d.id AND op_id = CAST(:op AS uuid)) AS stored FROM devices d "
             "WHERE d.credential_hash = :h AND d.revoked_at IS NULL")
# The same, and the counter's row locked in the same round trip (call-next and the counter's actions lock it
# first anyway; not for a replay). A refusal after it rolls the lock's write back with the transaction.
_AUTH_LOCK = service.Raw(
    "WITH d AS (SELECT d.id, d.name, d.role, d.revoked_at, d.last_seen_at, d.enrolled_at, d.pending_ops, "
    "d.local_device_id, d.counter_numbers, (SELECT answer FROM q_ops WHERE device_id = d.id AND op_id = CAST(:op AS uuid)) AS stored "
    "FROM devices d WHERE d.credential_hash = :h AND d.revoked_at IS NULL), "
    "l AS (INSERT INTO q_counters AS c (counter_number, device_id, updated_at) SELECT CAST(:number AS integer), d.id, "
    "CAST(:now AS timestamptz) FROM d WHERE d.stored IS NULL ON CONFLICT (counter_number) DO UPDATE SET "
    "device_id = excluded.device_id, updated_at = excluded.updated_at RETURNING 1) "
    "SELECT d.*, (SELECT count(*) FROM l) AS locked FROM d")
_SEEN = service.Raw("UPDATE devices SET last_seen_at = :now WHERE id = :id")


class IssueBody(BaseModel):
    group_code: str | None = Field(default=None, max_length=4, pattern=r"^[A-Za-z0-9]*$")
    service_id: uuid.UUID | None = None
    priority: bool = False
    priority_reason: str | None = Field(default=None, max_length=32, pattern=_SAFE)


class CounterBody(BaseModel):
    counter_number: int = Field(ge=1, le=9999)


class FinishBody(CounterBody):
    outcome: str = Field(default="completed", max_length=32, pattern=_SAFE)
    note: str = Field(default="", max_length=1000, pattern=_SAFE)


class TransferBody(CounterBody):
    to_group_code: str | None = Field(default=None, max_length=4, pattern=r"^[A-Za-z0-9]*$")
    to_counter_number: int | None = Field(default=None, ge=1, le=9999)


class BlockBody(BaseModel):
    group_code: str = Field(min_length=1, max_length=4, pattern=r"^[A-Za-z0-9]+$")
    size: int = Field(default=20, ge=1, le=200)


class OfflineTicket(BaseModel):
    id: uuid.UUID
    group_code: str = Field(min_length=1, max_length=4, pattern=r"^[A-Za-z0-9]+$")
    number: int = Field(ge=1, le=99999)
    service_date: dt.date
    issued_at: dt.datetime
    priority: bool = False
    priority_reason: str | None = Field(default=None, max_length=32, pattern=_SAFE)
    service_id: uuid.UUID | None = None
    printed: bool = False


class OfflineBody(BaseModel):
    tickets: list[OfflineTicket] = Field(max_length=500)


CounterNumber = Annotated[int, Path(ge=1, le=9999)]
OpId = Annotated[uuid.UUID | None, Header(alias=OP_HEADER)]


def _now() -> dt.datetime:
    return officetime.now()


class Waker:
    """Wakes the open streams when PostgreSQL notifies a new event (one LISTEN connection per process)."""

    def __init__(self, dsn: str) -> None:
        self.dsn = dsn
        self._subscribers: set[tuple[asyncio.AbstractEventLoop, asyncio.Event]] = set()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._poked = threading.Event()
        self._notifier: threading.Thread | None = None

    def poke(self) -> None:
        """A write committed: NOTIFY the listeners of every server process (soon, coalesced, off this thread)."""
        self._poked.set()
        if self._notifier is None:
            with self._lock:
                if self._notifier is None:
                    self._notifier = threading.Thread(target=self._notify, name="queue-notify", daemon=True)
                    self._notifier.start()

    def _notify(self) -> None:
        import time

        import psycopg

        while True:
            try:
                with psycopg.connect(self.dsn, autocommit=True, connect_timeout=5) as conn:
                    while True:
                        self._poked.wait()
                        self._poked.clear()
                        conn.execute(f"NOTIFY {service.CHANNEL}")
                        # at most one NOTIFY per NOTIFY_EVERY_S: under load one tells of many writes (each a
                        # round trip here and a wake-up of every listener), a board hears it a few ms later
                        time.sleep(NOTIFY_EVERY_S)
            except Exception:  # noqa: BLE001 - the database away: the streams poll at their keep-alive meanwhile
                log.warning("queue event notifier lost PostgreSQL; retrying", exc_info=True)
                self.wake()
                time.sleep(1.0)

    def subscribe(self) -> tuple[asyncio.AbstractEventLoop, asyncio.Event]:
        entry = (asyncio.get_running_loop(), asyncio.Event())
        with self._lock:
            self._subscribers.add(entry)
            if self._thread is None:
                self._thread = threading.Thread(target=self._listen, name="queue-listen", daemon=True)
                self._thread.start()
        return entry

    def unsubscribe(self, entry) -> None:
        with self._lock:
            self._subscribers.discard(entry)

    def wake(self) -> None:
        with self._lock:
            subscribers = list(self._subscribers)
        for loop, event in subscribers:
            try:
                loop.call_soon_threadsafe(event.set)
            except RuntimeError:  # the loop closed (shutting down)
                pass

    def _listen(self) -> None:
        import time

        import psycopg

        while True:
            try:
                with psycopg.connect(self.dsn, autocommit=True, connect_timeout=5) as conn:
                    conn.execute(f"LISTEN {service.CHANNEL}")
                    self.wake()  # what was notified while not listening is read from the table
                    while True:
                        for _ in conn.notifies(timeout=5.0, stop_after=1):
                            self.wake()
            except Exception:  # noqa: BLE001 - the database away: the streams poll at their keep-alive meanwhile
                log.warning("queue event listener lost PostgreSQL; retrying", exc_info=True)
                time.sleep(1.0)


def install(app: FastAPI, settings: ServerSettings, engine: Engine, secret: bytes,
            protocol_check: Callable[..., int]) -> Waker:
    """Add the /v1/queue routes to *app*; returns the process's :class:`Waker` (the public place streams
    listen through it too)."""
    from sqlalchemy import create_engine

    # The queue's own pool: no pre-ping (a round trip per request); a connection PostgreSQL dropped fails one
    # request, which the PC retries under the same op id. One kept connection per queue thread (each holds one
    # at a time, see ``kept``) and a few for the streams and replays: a pool smaller than the threads opened and
    # closed an overflow connection per request under load (a PostgreSQL backend started each time: 7% of the
    # server's CPU).
    engine = create_engine(engine.url, pool_size=QUEUE_THREADS + 4, max_overflow=4, pool_pre_ping=False)
    configs = ConfigCache(settings.queue_config_check_s)
    waker = Waker(engine.url.set(drivername="postgresql").render_as_string(hide_password=False))

    def authenticate(conn: Connection, authorization: str | None, op_id: uuid.UUID | None = None,
                     counter: int | None = None):
        """(the device, the stored answer to *op_id* or None): one statement, which also locks *counter*'s row."""
        token = (authorization or "").removeprefix("Bearer ").strip()
        if not token:
            raise devices.DeviceError("no device credential; join this PC with `mpp-desk sync join`", status=401)
        now = _now()
        params = {"h": devices.digest(secret, token), "op": op_id}
        if counter is not None:
            params.update(number=counter, now=now)
        row = (_AUTH if counter is None else _AUTH_LOCK).first(conn, params, row_factory=namedtuple_row)
        if row is None:
            raise devices.DeviceError("this device is unknown or was revoked; ask the administrator to enrol it again",
                                      status=401)
        if counter is not None and row.locked:
            conn.info[service.LOCKED_KEY] = counter
        if row.last_seen_at is None or now - row.last_seen_at > SEEN_EVERY:
            _SEEN.first(conn, {"now": now, "id": row.id})
        return devices._device(row), row.stored

    async def bearer(authorization: Annotated[str | None, Header()] = None,
                     x_mpp_protocol: Annotated[int | None, Header(alias=PROTOCOL_HEADER)] = None) -> str:
        # async, and the protocol check called here rather than as its own dependency: FastAPI runs a plain
        # ``def`` dependency on the thread pool, two thread hops per request that cost more CPU than the queue's SQL
        protocol_check(x_mpp_protocol)
        return authorization or ""

    limiter = anyio.CapacityLimiter(QUEUE_THREADS)

    async def run(access: str, fn: Callable[[Connection, Any, devices.Device], Any], *, op_id: uuid.UUID | None = None,
                  status: int = 200, write: bool = False, snapshot: bool = False, counter: int | None = None) -> JSONResponse:
        """One request's transaction on one of the queue's threads (see :data:`QUEUE_THREADS`); *counter*: the
        counter whose row the request locks first (locked with the authentication, one round trip)."""
        return await anyio.to_thread.run_sync(
            functools.partial(run_sync, access, fn, op_id=op_id, status=status, write=write, snapshot=snapshot,
                              counter=counter),
            limiter=limiter)

    def run_sync(access: str, fn: Callable[[Connection, Any, devices.Device], Any], *, op_id: uuid.UUID | None = None,
                 status: int = 200, write: bool = False, snapshot: bool = False, counter: int | None = None) -> JSONResponse:
        try:
            answer = _transaction(access, fn, op_id, snapshot, counter)
            if write:
                waker.poke()
            return answer if isinstance(answer, JSONResponse) else JSONResponse(answer, status_code=status)
        except (IntegrityError, psycopg.IntegrityError):
            # the same op arrived twice at once (a retry after a timeout meeting the original): the other copy
            # committed first; its answer is this one's
            replayed = _stored(access, op_id)
            if replayed is None:
                raise
            return replayed
        except service.QueueRefused as exc:
            raise HTTPException(403, str(exc)) from None
        except UserError as exc:
            # A retry that waited behind its original (the counter's or the ticket's lock) finds the work done and
            # is refused ("the counter is busy", "the ticket is done"): the original's answer is the answer.
            replayed = _stored(access, op_id)
            if replayed is not None:
                return replayed
            code = 404 if isinstance(exc, QueueNotFound) else 403 if isinstance(exc, PermissionDenied) else 409
            return JSONResponse(service.error_json(exc), status_code=code)

    def _stored(access: str, op_id: uuid.UUID | None) -> JSONResponse | None:
        if op_id is None:
            return None
        with engine.begin() as conn:
            _device, stored = authenticate(conn, access, op_id)
        return None if stored is None else JSONResponse(stored, headers={"X-MPP-Replayed": "1"})

    # The queue threads' connections, kept checked out between requests (one request uses one at a time): the
    # pool's checkout and return (events, reset) cost a tenth of a request's server CPU. A connection whose request
    # ended other than by an answer or a refusal (its transaction rolled back) goes back to the pool instead.
    kept: list[Connection] = []
    kept_lock = threading.Lock()

    def _transaction(access: str, fn, op_id: uuid.UUID | None, snapshot: bool, counter: int | None = None):
        if snapshot:  # the board: its state and its events' horizon in one snapshot (a pooled connection: the
            # isolation level stays with it until the pool resets it)
            with engine.connect() as conn:
                conn = conn.execution_options(isolation_level="REPEATABLE READ")
                return _work(conn, access, fn, op_id, counter)
        with kept_lock:
            conn = kept.pop() if kept else None
        if conn is None:
            conn = engine.connect()
        clean = False
        try:
            answer = _work(conn, access, fn, op_id, counter)
            clean = True
            return answer
        except (UserError, service.QueueRefused, devices.DeviceError, IntegrityError, psycopg.IntegrityError):
            clean = True  # refused: rolled back, the connection as good as before
            raise
        finally:
            if clean and not conn.invalidated and not conn.in_transaction():
                with kept_lock:
                    kept.append(conn)
            else:
                conn.close()

    def _work(conn: Connection, access: str, fn, op_id: uuid.UUID | None, counter: int | None):
        with conn.begin():
            service.begin(conn)
            device, stored = authenticate(conn, access, op_id, counter)
            if stored is not None:
                return JSONResponse(stored, headers={"X-MPP-Replayed": "1"})
            answer = fn(conn, configs.get(conn), device)
            service.flush(conn, op=(device.id, op_id, answer) if op_id is not None else None)
        return answer

    @app.post("/v1/queue/issue", tags=["queue"])
    async def issue(body: IssueBody, op_id: OpId = None, access: str = Depends(bearer)) -> JSONResponse:
        return await run(access, lambda c, cfg, d: service.issue(
            c, cfg, d, secret, group_code=body.group_code, service_id=body.service_id, priority=body.priority,
            priority_reason=body.priority_reason, now=_now()), op_id=op_id, write=True)

    @app.post("/v1/queue/bookings/{code}/redeem", tags=["queue"])
    async def redeem_booking(code: Annotated[str, Path(min_length=1, max_length=16, pattern=r"^[A-Za-z0-9-]+$")],
                             op_id: OpId = None, access: str = Depends(bearer)) -> JSONResponse:
        """A booked visit's code, typed or scanned at the kiosk: its ticket at once (server/bookings.py)."""
        return await run(access, lambda c, cfg, d: bookings.redeem(c, cfg, d, secret, code=code, now=_now()),
                         op_id=op_id, write=True)

    @app.post("/v1/queue/counters/{number}/call-next", tags=["queue"])
    async def call_next(number: CounterNumber, op_id: OpId = None, access: str = Depends(bearer)) -> JSONResponse:
        return await run(access, lambda c, cfg, d: {"ticket": service.call_next(c, cfg, d, secret, counter_number=number,
                                                                          now=_now())}, op_id=op_id, write=True, counter=number)

    def counter_action(action: str):
        async def endpoint(ticket_id: uuid.UUID, body: CounterBody, op_id: OpId = None, access: str = Depends(bearer)):
            return await run(access, lambda c, cfg, d: service.act(c, cfg, d, secret, action=action, ticket_id=ticket_id,
                                                             counter_number=body.counter_number, now=_now()), op_id=op_id, write=True,
                             counter=body.counter_number)
        return endpoint

    for action, path in (("recall", "recall"), ("no_show", "no-show"), ("start", "start"), ("hold", "hold")):
        app.post(f"/v1/queue/tickets/{{ticket_id}}/{path}", tags=["queue"], name=f"queue_{action}")(counter_action(action))

    @app.post("/v1/queue/tickets/{ticket_id}/finish", tags=["queue"])
    async def finish(ticket_id: uuid.UUID, body: FinishBody, op_id: OpId = None, access: str = Depends(bearer)) -> JSONResponse:
        return await run(access, lambda c, cfg, d: service.act(c, cfg, d, secret, action="finish", ticket_id=ticket_id,
                                                         counter_number=body.counter_number, outcome=body.outcome,
                                                         note=body.note, now=_now()), op_id=op_id, write=True,
                         counter=body.counter_number)

    @app.post("/v1/queue/tickets/{ticket_id}/transfer", tags=["queue"])
    async def transfer(ticket_id: uuid.UUID, body: TransferBody, op_id: OpId = None, access: str = Depends(bearer)) -> JSONResponse:
        return await run(access, lambda c, cfg, d: service.act(
            c, cfg, d, secret, action="transfer", ticket_id=ticket_id, counter_number=body.counter_number,
            to_group_code=body.to_group_code or None, to_counter_number=body.to_counter_number, now=_now()), op_id=op_id, write=True)

    @app.post("/v1/queue/tickets/{ticket_id}/resume", tags=["queue"])
    async def resume(ticket_id: uuid.UUID, body: CounterBody, op_id: OpId = None, access: str = Depends(bearer)) -> JSONResponse:
        return await run(access, lambda c, cfg, d: service.resume(c, cfg, d, secret, ticket_id=ticket_id,
                                                            counter_number=body.counter_number, now=_now()), op_id=op_id, write=True)

    @app.post("/v1/queue/tickets/{ticket_id}/cancel", tags=["queue"])
    async def cancel(ticket_id: uuid.UUID, op_id: OpId = None, access: str = Depends(bearer)) -> JSONResponse:
        return await run(access, lambda c, cfg, d: service.cancel(c, cfg, d, secret, ticket_id=ticket_id, now=_now()),
                   op_id=op_id, write=True)

    @app.post("/v1/queue/tickets/{ticket_id}/printed", tags=["queue"])
    async def printed(ticket_id: uuid.UUID, access: str = Depends(bearer)) -> JSONResponse:
        return await run(access, lambda c, cfg, d: service.mark_printed(c, cfg, d, secret, ticket_id=ticket_id))

    @app.get("/v1/queue/tickets/{ticket_id}", tags=["queue"])
    async def get_ticket(ticket_id: uuid.UUID, access: str = Depends(bearer)) -> JSONResponse:
        return await run(access, lambda c, cfg, d: service.get_ticket(c, cfg, secret, ticket_id=ticket_id))

    @app.get("/v1/queue/tickets", tags=["queue"])
    async def find_ticket(code: Annotated[str, Query(min_length=1, max_length=8, pattern=r"^[A-Za-z0-9]+$")],
                          day: Annotated[dt.date | None, Query(alias="date")] = None,
                          access: str = Depends(bearer)) -> JSONResponse:
        return await run(access, lambda c, cfg, d: service.find_ticket(
            c, cfg, secret, code=code, service_date=day or local_date(as_utc(_now()))))

    @app.get("/v1/queue/groups/{code}/waiting", tags=["queue"])
    async def waiting_list(code: Annotated[str, Path(max_length=4, pattern=r"^[A-Za-z0-9]+$")],
                     access: str = Depends(bearer)) -> JSONResponse:
        return await run(access, lambda c, cfg, d: {"tickets": service.waiting_list(c, cfg, secret, group_code=code, now=_now())})

    @app.get("/v1/queue/waiting-counts", tags=["queue"])
    async def waiting_counts(access: str = Depends(bearer)) -> JSONResponse:
        return await run(access, lambda c, cfg, d: {"waiting": service.waiting_counts(c, cfg, now=_now())})

    @app.get("/v1/queue/events", tags=["queue"])
    async def events(after: Annotated[int, Query(ge=0, le=MAX_BIGINT)] = 0,
               limit: Annotated[int, Query(ge=1, le=1000)] = 100, access: str = Depends(bearer)) -> JSONResponse:
        return await run(access, lambda c, cfg, d: {"events": service.events_since(c, after=after, limit=limit)})

    @app.get("/v1/queue/board", tags=["queue"])
    async def board(last_calls: Annotated[int, Query(ge=0, le=100)] = 8, access: str = Depends(bearer)) -> JSONResponse:
        return await run(access, lambda c, cfg, d: service.board_state(c, cfg, last_calls=last_calls, now=_now()), snapshot=True)

    @app.get("/v1/queue/counters/{number}", tags=["queue"])
    async def counter_state(number: CounterNumber, access: str = Depends(bearer)) -> JSONResponse:
        return await run(access, lambda c, cfg, d: service.counter_state(c, cfg, secret, counter_number=number, now=_now()))

    @app.get("/v1/queue/kiosk", tags=["queue"])
    async def kiosk(access: str = Depends(bearer)) -> JSONResponse:
        return await run(access, lambda c, cfg, d: {"groups": service.kiosk_status(c, cfg, now=_now())})

    @app.get("/v1/queue/reprint", tags=["queue"])
    async def reprint(access: str = Depends(bearer)) -> JSONResponse:
        return await run(access, lambda c, cfg, d: {"tickets": service.reprint_candidates(c, cfg, d, secret, now=_now())})

    @app.post("/v1/queue/blocks", tags=["queue"])
    async def lease_block(body: BlockBody, op_id: OpId = None, access: str = Depends(bearer)) -> JSONResponse:
        return await run(access, lambda c, cfg, d: service.lease_block(c, cfg, d, group_code=body.group_code, size=body.size,
                                                                 now=_now()), op_id=op_id)

    @app.post("/v1/queue/offline-tickets", tags=["queue"])
    async def offline_tickets(body: OfflineBody, access: str = Depends(bearer)) -> JSONResponse:
        tickets = [t.model_dump() for t in body.tickets]
        for t in tickets:
            if t["issued_at"].tzinfo is None:
                raise HTTPException(422, "issued_at needs its time zone")
        return await run(access, lambda c, cfg, d: service.receive_offline(c, cfg, d, secret, tickets=tickets), write=True)

    queue_stats.install(app, run=run, bearer=bearer, now=_now)  # GET /v1/queue/stats
    queue_speaker.install(app, run=run, bearer=bearer, now=_now)  # POST /v1/queue/speaker-lease
    queue_fast.install(app, run=run, secret=secret, protocol_check=protocol_check, now=_now,
                       bodies={"issue": IssueBody, "counter": CounterBody, "finish": FinishBody})

    def fetch(after: int) -> tuple[list[dict[str, Any]], bool]:
        with engine.connect() as conn:
            return service.events_after(conn, after=after, limit=STREAM_PAGE)

    queue_reconcile.install_routes(app, run, bearer, secret, _now)
    revocations = RevocationWatch(engine)

    def stream_start(access: str, after: int | None) -> tuple[int, uuid.UUID]:
        with engine.begin() as conn:
            device, _stored = authenticate(conn, access)
            return (after if after is not None else service.horizon(conn)[0]), device.id

    @app.get("/v1/queue/stream", include_in_schema=False)
    async def stream(request: Request, after: Annotated[int | None, Query(ge=0, le=MAX_BIGINT)] = None,
                     last_event_id: Annotated[str | None, Header(alias="Last-Event-ID")] = None,
                     access: str = Depends(bearer)) -> StreamingResponse:
        if last_event_id is not None:
            if not last_event_id.strip().isdigit() or int(last_event_id) > MAX_BIGINT:
                raise HTTPException(422, "Last-Event-ID must be an event's number")
            after = int(last_event_id)
        start, device_id = await anyio.to_thread.run_sync(stream_start, access, after, limiter=limiter)
        entry = waker.subscribe()
        watched = revocations.watch(device_id, entry[1])  # a revoked device's stream ends within seconds

        async def events_out():
            last = start
            try:
                yield f"retry: 1000\n: from {last}\n\n"
                while not watched.cut.is_set():
                    entry[1].clear()
                    rows, gap = await anyio.to_thread.run_sync(fetch, last, limiter=limiter)
                    for row in rows:
                        yield f"id: {row['seq']}\nevent: queue\ndata: {json.dumps(row, separators=(',', ':'))}\n\n"
                        last = row["seq"]
                    if len(rows) >= STREAM_PAGE:
                        continue
                    try:  # a gap that may still commit: look again shortly
                        await asyncio.wait_for(entry[1].wait(), GAP_RETRY_S if gap else KEEPALIVE_S)
                    except TimeoutError:
                        yield ": keep-alive\n\n"
            finally:
                waker.unsubscribe(entry)
                revocations.unwatch(watched)

        return StreamingResponse(events_out(), media_type="text/event-stream",
                                 headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})

    return waker
