"""Safety of the public pages: rate limits per client address (and per looked-up number), the security
headers, and the access log without personal data."""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

log = logging.getLogger("mpp_central.public")


class PublicSettings(BaseSettings):
    """Limits of the public pages (environment ``MPP_CENTRAL_PUBLIC_*``)."""

    model_config = SettingsConfigDict(env_prefix="MPP_CENTRAL_PUBLIC_", extra="ignore")

    pages_per_minute: int = Field(default=60, ge=1)  # any public page, per client address
    lookups_per_10_minutes: int = Field(default=10, ge=1)  # number + secret part, per client address
    failures_per_number: int = Field(default=5, ge=1)  # wrong secret parts per number and hour, all addresses
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


class Guard:
    def __init__(self, settings: PublicSettings, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.settings = settings
        self.pages = Limiter(settings.pages_per_minute, 60, clock=clock)
        self.lookups = Limiter(settings.lookups_per_10_minutes, 600, clock=clock)
        self.failures = Limiter(settings.failures_per_number, 3600, clock=clock)

    def client(self, host: str | None, forwarded: str | None) -> str:
        """The client's address: the connection's, or the proxy's X-Forwarded-For when it is trusted."""
        host = host or "?"
        if forwarded and host in self.settings.trusted_proxies:
            return forwarded.split(",")[-1].strip() or host
        return host


def security_headers(style_hash: str, *, https: bool) -> dict[str, str]:
    """Strict headers: nothing but this page's own inline style; no scripts, frames, referrer or caching."""
    headers = {
        "Content-Security-Policy": (f"default-src 'none'; style-src '{style_hash}'; img-src 'self'; "
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
