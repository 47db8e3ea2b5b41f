"""The event streams of a revoked device are cut within seconds (issue 14).

A revoked device's credential is refused at once on every request, but an event stream opened before
stays open: it authenticated once. :class:`RevocationWatch` keeps, per server process, the devices that
have a stream open and asks PostgreSQL every :data:`CHECK_S` seconds (one statement for all of them,
only while a stream is open) which of them were revoked meanwhile, by `mpp-central device revoke` or the
administrator's screen, in any process. Their streams are woken and end; the PC reconnects and is refused
(401), so its stream stops and it says it lost the server.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
import uuid
from dataclasses import dataclass, field

from sqlalchemy import text
from sqlalchemy.engine import Engine

log = logging.getLogger(__name__)

CHECK_S = 1.0
_ALIVE = text("SELECT id FROM devices WHERE id = ANY(:ids) AND revoked_at IS NULL")


@dataclass(eq=False)
class Watched:
    device_id: uuid.UUID
    loop: asyncio.AbstractEventLoop
    wake: asyncio.Event  # the stream's own wake-up (see queue_api.Waker)
    cut: threading.Event = field(default_factory=threading.Event)


class RevocationWatch:
    def __init__(self, engine: Engine, *, check_s: float = CHECK_S) -> None:
        self.engine = engine
        self.check_s = check_s
        self._watched: set[Watched] = set()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def watch(self, device_id: uuid.UUID, wake: asyncio.Event) -> Watched:
        entry = Watched(device_id, asyncio.get_running_loop(), wake)
        with self._lock:
            self._watched.add(entry)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="queue-revocations", daemon=True)
                self._thread.start()
        return entry

    def unwatch(self, entry: Watched) -> None:
        with self._lock:
            self._watched.discard(entry)

    def check(self) -> int:
        """Cut the streams of devices revoked meanwhile; returns how many were cut."""
        with self._lock:
            entries = list(self._watched)
        if not entries:
            return 0
        with self.engine.connect() as conn:
            alive = set(conn.execute(_ALIVE, {"ids": list({e.device_id for e in entries})}).scalars())
        cut = 0
        for entry in entries:
            if entry.device_id not in alive:
                entry.cut.set()
                cut += 1
                try:
                    entry.loop.call_soon_threadsafe(entry.wake.set)
                except RuntimeError:  # the loop closed (shutting down)
                    pass
        return cut

    def _run(self) -> None:
        while True:
            time.sleep(self.check_s)
            try:
                if self.check():
                    log.info("queue streams of revoked devices cut")
            except Exception:  # noqa: BLE001 - the database away: try again at the next check
                log.warning("checking the streams' devices failed; retrying", exc_info=True)
