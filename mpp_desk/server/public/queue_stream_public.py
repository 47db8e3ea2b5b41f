"""The public live stream of one ticket's place (``GET /antrian/<reference>/live``, server-sent events).

One reader per server process (:class:`PlaceHub`) follows the queue's events, woken by the same
LISTEN/NOTIFY :class:`~mpp_desk.server.queue_api.Waker` as the devices' stream, and wakes only the streams
an event concerns: an event of the ticket itself, of its group, or at a counter of its group. A woken
stream reads its place again (:func:`queue_page.place_by_id`) and sends it when it changed, as
``event: place`` with :meth:`Place.public_json` (numbers and counters only, never the ticket's id).

A stream ends (``event: end``) when its ticket is finished (served, absent, cancelled) or its day is over;
it is answered 204 (an EventSource then stops reconnecting) when opened for such a ticket. It lasts at most
:data:`MAX_STREAM_S` (the browser reconnects). Streams open at once per client address are limited
(:attr:`PublicSettings.streams_per_address`) across every server process: one row per open stream in PostgreSQL
(:class:`~mpp_desk.server.public.guard.SharedStreams`), beaten by the hub every keep-alive
(:attr:`PublicSettings.stream_keepalive_s`); opening one counts as a page against the shared rate limit.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
import uuid
import weakref
from collections.abc import Callable
from typing import Any

import anyio
import anyio.to_thread
from fastapi import FastAPI, Request
from fastapi.responses import Response, StreamingResponse
from sqlalchemy.engine import Engine

from mpp_desk.server import queue as service
from mpp_desk.server.public import guard, queue_page
from mpp_desk.server.queue_config import ConfigCache

log = logging.getLogger(__name__)

KEEPALIVE_S = 15.0  # the hub reads the events again at least this often (a lost notification)
GAP_RETRY_S = 0.05
MAX_STREAM_S = 3600.0
RETRY_MS = 5000
READERS = 4  # threads reading places for the streams at once (their own limiter: pages keep theirs)


class Watch:
    """One open stream: what it listens for, and the event that wakes it."""

    def __init__(self, ticket_id: uuid.UUID) -> None:
        self.ticket_id = str(ticket_id)
        self.group_code = ""
        self.counters: frozenset[int] = frozenset()
        self.woken = asyncio.Event()

    def follow(self, place: queue_page.Place) -> None:
        self.group_code, self.counters = place.group_code, frozenset(c.number for c in place.counters)

    def concerns(self, event: dict[str, Any]) -> bool:
        return (event["ticket_id"] == self.ticket_id or event["group_code"] == self.group_code
                or event["counter_number"] in self.counters)


class PlaceHub:
    """The process's one reader of queue events for the public streams (started with the first stream,
    stopped after the last)."""

    def __init__(self, waker: Any, fetch: Callable[[int], tuple[list[dict[str, Any]], bool]],
                 start: Callable[[], int], limiter: anyio.CapacityLimiter, streams: guard.SharedStreams) -> None:
        self.waker, self.fetch, self.start, self.limiter, self.streams = waker, fetch, start, limiter, streams
        self.watches: set[Watch] = set()
        self.task: asyncio.Task | None = None
        self.beating: asyncio.Task | None = None

    def watch(self, watch: Watch) -> None:
        self.watches.add(watch)
        if self.task is None or self.task.done():
            self.task = asyncio.get_running_loop().create_task(self._run())
        if self.beating is None or self.beating.done():
            self.beating = asyncio.get_running_loop().create_task(self._beat())

    def unwatch(self, watch: Watch) -> None:
        self.watches.discard(watch)

    async def _beat(self) -> None:
        """While this process holds streams: their rows seen every keep-alive (one statement for all)."""
        while self.streams.open:
            await asyncio.sleep(self.streams.keepalive_s)
            try:
                await anyio.to_thread.run_sync(self.streams.beat)
            except Exception:  # noqa: BLE001 - the database away: the rows may expire (fewer refusals, not more)
                log.warning("public queue stream: beating the open streams failed", exc_info=True)

    async def _run(self) -> None:
        entry = self.waker.subscribe()
        try:
            last = await anyio.to_thread.run_sync(self.start, limiter=self.limiter)
            while self.watches:
                entry[1].clear()
                try:
                    rows, gap = await anyio.to_thread.run_sync(self.fetch, last, limiter=self.limiter)
                except Exception:  # noqa: BLE001 - the database away: the streams' keep-alive re-reads meanwhile
                    log.warning("public queue stream: reading events failed", exc_info=True)
                    rows, gap = [], False
                for row in rows:
                    last = row["seq"]
                    for watch in list(self.watches):
                        if watch.concerns(row):
                            watch.woken.set()
                try:
                    await asyncio.wait_for(entry[1].wait(), GAP_RETRY_S if gap else KEEPALIVE_S)
                except TimeoutError:
                    pass
        finally:
            self.waker.unsubscribe(entry)


def install(app: FastAPI, engine: Engine, *, waker: Any, configs: ConfigCache, g: guard.Guard,
            limited: Callable[..., Any], language: Callable[..., Any], client: Callable[[Request], str],
            secret: bytes, now: Callable[[], Any]) -> PlaceHub:
    """Add ``GET /antrian/{token}/live`` to *app*; returns the hub (its streams, for tests)."""
    limiter = anyio.CapacityLimiter(READERS)

    def fetch(after: int):
        with engine.connect() as conn:
            return service.events_after(conn, after=after, limit=500)

    def start() -> int:
        with engine.connect() as conn:
            return service.horizon(conn)[0]

    keepalive = g.settings.stream_keepalive_s
    hub = PlaceHub(waker, fetch, start, limiter, guard.SharedStreams(engine, g.settings.streams_per_address, keepalive))

    def opening(request: Request, token: str):
        """(refusal or None, the place or None, the admitted stream's id or None): the rate limit, the reference,
        then for a live place a stream's place among the client's (one short transaction)."""
        t = language(request)
        refused = limited(request, "/antrian/{token}/live", t, g.pages, client(request))
        if refused is not None:
            return refused, None, None
        with queue_page.snapshot(engine) as conn:
            place = queue_page.find(conn, configs.get(conn), secret, token, now=now())
        return None, place, hub.streams.admit(client(request)) if place is not None and place.live else None

    def read(ticket_id: uuid.UUID):
        with queue_page.snapshot(engine) as conn:
            return queue_page.place_by_id(conn, configs.get(conn), ticket_id, now=now())

    @app.get("/antrian/{token}/live", include_in_schema=False)
    async def live(token: str, request: Request):
        refused, place, stream = await anyio.to_thread.run_sync(opening, request, token)
        headers = {"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}
        if refused is not None:
            return refused
        if place is None:
            guard.access("/antrian/{token}/live", "GET", 404, "not_found", request.state.started)
            return Response(status_code=404, headers=headers)
        if not place.live:
            guard.access("/antrian/{token}/live", "GET", 204, "finished", request.state.started)
            return Response(status_code=204, headers=headers)
        if stream is None:
            guard.access("/antrian/{token}/live", "GET", 429, "streams", request.state.started)
            return Response(status_code=429, headers={**headers, "Retry-After": "60"})
        guard.access("/antrian/{token}/live", "GET", 200, "stream", request.state.started)
        watch = Watch(place.ticket_id)
        watch.follow(place)
        hub.watch(watch)
        released = []

        def release() -> None:  # once: at the stream's end, or when a stream that never started is collected
            if not released:
                released.append(True)
                hub.unwatch(watch)
                hub.streams.leave(stream)

        async def out():
            sent = ""
            ends = time.monotonic() + MAX_STREAM_S
            current: queue_page.Place | None = place
            try:
                yield f"retry: {RETRY_MS}\n\n"
                while current is not None:
                    data = json.dumps(current.public_json(), separators=(",", ":"))
                    if data != sent:
                        yield f"event: place\ndata: {data}\n\n"
                        sent = data
                    if not current.live:
                        yield "event: end\ndata: {}\n\n"
                        return
                    watch.follow(current)
                    try:
                        await asyncio.wait_for(watch.woken.wait(), min(keepalive, max(0.0, ends - time.monotonic())))
                    except TimeoutError:
                        if time.monotonic() >= ends:
                            return  # the browser reconnects (and is counted again)
                        yield ": keep-alive\n\n"
                    watch.woken.clear()
                    current = await anyio.to_thread.run_sync(read, place.ticket_id, limiter=limiter)
            finally:
                release()

        body = out()
        # a client gone before the first byte: the generator never runs, its finally neither
        weakref.finalize(body, release)
        return StreamingResponse(body, media_type="text/event-stream", headers={**headers, "X-Accel-Buffering": "no"})

    return hub
