"""Safety of the public pages: rate limits per client address (and per looked-up number), the security
headers, and the access log without personal data.

The limits are token buckets. :class:`SharedLimiter` keeps them in PostgreSQL (``public_limits``, one atomic
upsert per request), so every process of ``mpp-central serve --workers N`` counts against the same bucket;
:class:`Limiter` is the same bucket in one process's memory (the rule, and the limits of tests without a
database). :class:`SharedStreams` counts the live-queue streams open at once per client address, also in
PostgreSQL (``public_streams``), so that limit too holds across the processes."""

from __future__ import annotations

import hashlib
import logging
import os
import socket
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy import text
from sqlalchemy.engine import Engine

log = logging.getLogger("mpp_central.public")


class PublicSettings(BaseSettings):
    """Limits of the public pages (environment ``MPP_CENTRAL_PUBLIC_*``)."""

    model_config = SettingsConfigDict(env_prefix="MPP_CENTRAL_PUBLIC_", extra="ignore")

    pages_per_minute: int = Field(default=60, ge=1)  # any public page, per client address
    lookups_per_10_minutes: int = Field(default=10, ge=1)  # number + secret part, per client address
    failures_per_number: int = Field(default=5, ge=1)  # wrong secret parts per number and hour, all addresses
    streams_per_address: int = Field(default=4, ge=1)  # live queue streams open at once, per address, all processes
    stream_keepalive_s: float = Field(default=15.0, gt=0)  # a stream's keep-alive; its row expires after 3 missed
    trusted_proxies: list[str] = []  # a reverse proxy's address: the client is then its X-Forwarded-For


class Limiter:
    """A token bucket per key: *rate* requests per *per* seconds, at most *rate* at once.

    :meth:`take` returns 0 when the request may go on, else the seconds to wait. The oldest keys are
    forgotten past *max_keys* (memory stays bounded under a flood of addresses).
    """

    def __init__(self, rate: int, per: float, *, clock: Callable[[], float] = time.monotonic,
                 max_keys: int = 50_000) -> None:
        self.rate, self.per, self.clock, self.max_keys = rate, per, clock, max_keys
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()  # key -> (tokens, at)
        self._lock = threading.Lock()

    def _level(self, key: str, now: float) -> float:
        tokens, at = self._buckets.get(key, (float(self.rate), now))
        return min(float(self.rate), tokens + (now - at) * self.rate / self.per)

    def take(self, key: str) -> float:
        with self._lock:
            now = self.clock()
            tokens = self._level(key, now)
            if tokens < 1:
                self._buckets[key] = (tokens, now)
                return (1 - tokens) * self.per / self.rate
            self._buckets[key] = (tokens - 1, now)
            self._buckets.move_to_end(key)
            while len(self._buckets) > self.max_keys:
                self._buckets.popitem(last=False)
            return 0.0

    def blocked(self, key: str) -> float:
        """Seconds until *key* may take again (0: it may), without taking."""
        with self._lock:
            tokens = self._level(key, self.clock())
            return 0.0 if tokens >= 1 else (1 - tokens) * self.per / self.rate


# The bucket's rule of Limiter._level/take in one statement: refill since the last take, take one token if
# there is one. Concurrent takes of one key queue on its row (ON CONFLICT locks it), so none is lost.
_CLOCK = "coalesce(CAST(:now AS float8), extract(epoch FROM clock_timestamp())::float8)"  # a test's clock, else PG's
_LEVEL_SQL = "least(:rate, l.tokens + greatest(0, {now} - l.at) * :rate / :per)"
_NEW_LEVEL = _LEVEL_SQL.format(now="excluded.at")
_TAKE = text(
    "INSERT INTO public_limits AS l (bucket, key, tokens, at, refused) "
    f"VALUES (:bucket, :key, :rate - 1, {_CLOCK}, false) ON CONFLICT (bucket, key) DO UPDATE SET "
    f"tokens = {_NEW_LEVEL} - CASE WHEN {_NEW_LEVEL} >= 1 THEN 1 ELSE 0 END, refused = {_NEW_LEVEL} < 1, "
    "at = greatest(l.at, excluded.at) RETURNING tokens, refused, at")
_LEVEL = text(f"SELECT {_LEVEL_SQL.format(now=_CLOCK)} FROM public_limits AS l WHERE bucket = :bucket AND key = :key")
_PURGE = text("DELETE FROM public_limits WHERE bucket = :bucket AND at < :before")


class SharedLimiter:
    """:class:`Limiter`'s bucket in PostgreSQL, shared by every server process on the database.

    The time is PostgreSQL's clock (one clock for all processes), or *clock* (tests). The key is stored
    hashed (no client address in the table). Buckets idle longer than *per* are full again: they are
    deleted (at most once a minute per process), so the table holds only the recently refused or busy keys.
    """

    PURGE_EVERY_S = 60.0

    def __init__(self, engine: Engine, bucket: str, rate: int, per: float, *,
                 clock: Callable[[], float] | None = None) -> None:
        self.engine, self.bucket, self.rate, self.per, self.clock = engine, bucket, rate, per, clock
        self._purged = 0.0

    @staticmethod
    def _hash(key: str) -> str:
        return hashlib.sha256(key.encode("utf-8")).hexdigest()

    def _params(self, key: str) -> dict[str, object]:
        return {"bucket": self.bucket, "key": self._hash(key),
                "rate": float(self.rate), "per": float(self.per), "now": self.clock() if self.clock else None}

    def take(self, key: str) -> float:
        """0 when the request may go on, else the seconds to wait (as :meth:`Limiter.take`)."""
        with self.engine.begin() as conn:
            row = conn.execute(_TAKE, self._params(key)).one()
            if row.at - self._purged > self.PURGE_EVERY_S:
                self._purged = row.at
                conn.execute(_PURGE, {"bucket": self.bucket, "before": row.at - self.per})
        return (1 - float(row.tokens)) * self.per / self.rate if row.refused else 0.0

    def blocked(self, key: str) -> float:
        """Seconds until *key* may take again (0: it may), without taking."""
        with self.engine.connect() as conn:
            level = conn.execute(_LEVEL, self._params(key)).scalar()
        return 0.0 if level is None or level >= 1 else (1 - float(level)) * self.per / self.rate


# The streams open at once per client key (SharedStreams): the admission's lock lives in the two-int advisory key
# space (apart from the one-bigint locks of sync.py, leases.py, bookings.py), under this class id.
_STREAM_LOCK_SPACE = 0x5354  # "ST"
_STREAM_LOCK = text(f"SELECT {_CLOCK} FROM pg_advisory_xact_lock(:space, :lock)")
_STREAM_OPEN = text(
    "INSERT INTO public_streams (id, key, process, opened_at, seen_at) "
    "SELECT :id, l.key, :process, l.now, l.now FROM (SELECT CAST(:key AS varchar) AS key, "
    "CAST(:now AS float8) AS now) AS l WHERE (SELECT count(*) FROM public_streams AS s WHERE s.key = l.key "
    "AND s.seen_at >= l.now - :expiry) < :most "
    "RETURNING id")
_STREAM_CLOSE = text("DELETE FROM public_streams WHERE id = :id")
_STREAM_BEAT = text(f"UPDATE public_streams SET seen_at = {_CLOCK} WHERE id = ANY(:ids)")
_STREAM_PURGE = text("DELETE FROM public_streams WHERE seen_at < :now - :expiry")


class SharedStreams:
    """The live-queue streams open at once per client key, one row each in PostgreSQL (``public_streams``), so
    *most* per key holds across every server process on the database.

    :meth:`admit` is one short transaction: an advisory lock on the key, then a row inserted only while fewer
    than *most* of the key's rows are alive. :meth:`leave` deletes the row (on a thread of its own: it may be
    called from a garbage collection on the event loop). The process beats its streams' rows every keep-alive
    (:meth:`beat`, one statement for all of them); a row not seen for :attr:`EXPIRE_BEATS` keep-alives (its
    process was killed) no longer counts and is purged (at most once a minute per process). The time is
    PostgreSQL's clock, or *clock* (tests); the key is stored hashed as :class:`SharedLimiter` stores it."""

    EXPIRE_BEATS = 3
    PURGE_EVERY_S = 60.0

    def __init__(self, engine: Engine, most: int, keepalive_s: float, *,
                 clock: Callable[[], float] | None = None) -> None:
        self.engine, self.most, self.keepalive_s, self.clock = engine, most, keepalive_s, clock
        self.expiry = keepalive_s * self.EXPIRE_BEATS
        self.process = f"{socket.gethostname()}:{os.getpid()}"[-64:]
        self.open: set[uuid.UUID] = set()  # this process's streams (the ones it beats)
        self._lock = threading.Lock()
        self._purged = 0.0
        self._closer: ThreadPoolExecutor | None = None

    def admit(self, key: str) -> uuid.UUID | None:
        """The new stream's id, or None when *key* has *most* streams open already."""
        hashed, stream = SharedLimiter._hash(key), uuid.uuid4()
        lock = int(hashed[:8], 16) - 2**31  # an int4
        with self.engine.begin() as conn:
            now = conn.execute(_STREAM_LOCK, {"space": _STREAM_LOCK_SPACE, "lock": lock,
                                              "now": self.clock() if self.clock else None}).scalar_one()
            admitted = conn.execute(_STREAM_OPEN, {"id": stream, "key": hashed, "process": self.process, "now": now,
                                                   "expiry": self.expiry, "most": self.most}).first() is not None
            if now - self._purged > self.PURGE_EVERY_S:
                self._purged = now
                conn.execute(_STREAM_PURGE, {"now": now, "expiry": self.expiry})
        if not admitted:
            return None
        with self._lock:
            self.open.add(stream)
        return stream

    def leave(self, stream: uuid.UUID) -> None:
        """Give *stream*'s place back (its row is deleted soon after; not beaten any more, it expires anyway)."""
        with self._lock:
            self.open.discard(stream)
            if self._closer is None:
                self._closer = ThreadPoolExecutor(1, thread_name_prefix="public-streams")
            closer = self._closer
        try:
            closer.submit(self._delete, stream)
        except RuntimeError:  # the interpreter is stopping: the row expires
            pass

    def _delete(self, stream: uuid.UUID) -> None:
        try:
            with self.engine.begin() as conn:
                conn.execute(_STREAM_CLOSE, {"id": stream})
        except Exception:  # noqa: BLE001 - the database away: the row, no longer beaten, expires
            log.warning("public streams: giving a stream back failed", exc_info=True)

    def beat(self) -> int:
        """Mark this process's open streams seen now; returns how many."""
        with self._lock:
            streams = list(self.open)
        if streams:
            with self.engine.begin() as conn:
                conn.execute(_STREAM_BEAT, {"ids": streams, "now": self.clock() if self.clock else None})
        return len(streams)


class Guard:
    def __init__(self, settings: PublicSettings, *, clock: Callable[[], float] = time.monotonic,
                 engine: Engine | None = None) -> None:
        """*engine*: the limits live in PostgreSQL, shared by every server process (else in this process)."""
        self.settings = settings
        self.pages: Limiter | SharedLimiter
        self.lookups: Limiter | SharedLimiter
        self.failures: Limiter | SharedLimiter
        if engine is not None:
            self.pages = SharedLimiter(engine, "pages", settings.pages_per_minute, 60)
            self.lookups = SharedLimiter(engine, "lookups", settings.lookups_per_10_minutes, 600)
            self.failures = SharedLimiter(engine, "failures", settings.failures_per_number, 3600)
        else:
            self.pages = Limiter(settings.pages_per_minute, 60, clock=clock)
            self.lookups = Limiter(settings.lookups_per_10_minutes, 600, clock=clock)
            self.failures = Limiter(settings.failures_per_number, 3600, clock=clock)

    def client(self, host: str | None, forwarded: str | None) -> str:
        """The client's address: the connection's, or the proxy's X-Forwarded-For when it is trusted."""
        host = host or "?"
        if forwarded and host in self.settings.trusted_proxies:
            return forwarded.split(",")[-1].strip() or host
        return host


def security_headers(style_hash: str, *, https: bool, script: bool = False) -> dict[str, str]:
    """Strict headers: nothing but this page's own inline style; no scripts, frames, referrer or caching.

    *script*: the page loads this server's own script file and opens its event stream (the live queue page):
    ``script-src 'self'; connect-src 'self'`` for that page only; still no inline script."""
    scripts = "script-src 'self'; connect-src 'self'; " if script else ""
    headers = {
        "Content-Security-Policy": (f"default-src 'none'; {scripts}style-src '{style_hash}'; img-src 'self'; "
                                    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",  # the code in the address never leaves in a Referer
        "X-Frame-Options": "DENY",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
        "Cross-Origin-Opener-Policy": "same-origin",
        "Cross-Origin-Resource-Policy": "same-origin",
        "Cache-Control": "no-store",
    }
    if https:
        headers["Strict-Transport-Security"] = "max-age=31536000"
    return headers


def access(route: str, method: str, status: int, outcome: str, started: float) -> None:
    """One line per request: the route's pattern (never the code, number or address), status, outcome, time."""
    log.info("%s %s %d %s %.0fms", method, route, status, outcome or "-", (time.perf_counter() - started) * 1000)


def start_access_log() -> None:
    """The access log goes to standard error (uvicorn's own access log is off: it would name addresses and codes)."""
    if not log.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s public %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
        log.propagate = False
