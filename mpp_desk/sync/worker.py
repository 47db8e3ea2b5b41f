"""Background sync off the UI thread: after each local write and every few seconds, with backoff and jitter.

A plain thread (no Qt): the window's status widget reads :attr:`SyncWorker.state` or gets it through
``on_state``, called on the worker's thread (a Qt caller re-emits it as a queued signal).
"""

from __future__ import annotations

import logging
import random
import threading
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

from sqlalchemy import event

from mpp_desk.database import Database
from mpp_desk.models import OutboxEntry
from mpp_desk.models.base import utcnow
from mpp_desk.sync import client

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SyncState:
    joined: bool = False
    online: bool | None = None  # None: not tried yet
    pending: int = 0
    conflicts: int = 0
    last_sync_at: str | None = None
    problem: str | None = None  # the last failure, in the user's language
    retry_in: float | None = None


def backoff_delay(failures: int, *, base: float, cap: float, rng: Callable[[], float] = random.random) -> float:
    """Seconds before the next try after *failures* failures in a row: "full jitter" up to base·2^n, capped."""
    ceiling = min(cap, base * (2 ** max(0, failures)))
    return max(base, ceiling * rng())


class SyncWorker:
    def __init__(
        self,
        db: Database,
        data_dir: Path,
        *,
        interval: float = 5.0,
        max_backoff: float = 300.0,
        on_state: Callable[[SyncState], None] | None = None,
        rng: Callable[[], float] = random.random,
        transport=None,
    ) -> None:
        self.db = db
        self.data_dir = Path(data_dir)
        self.interval = interval
        self.max_backoff = max_backoff
        self.on_state = on_state
        self.rng = rng
        self.transport = transport
        self.state = SyncState()
        self.runs = 0
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._failures = 0
        self._listening = False

    # -- control ------------------------------------------------------------------------------

    def start(self) -> None:
        if self._thread is not None:
            return
        event.listen(self.db.sessions, "after_flush", _note_outbox_rows)
        event.listen(self.db.sessions, "after_commit", self._after_commit)
        self._listening = True
        self._thread = threading.Thread(target=self._run, name="mpp-sync", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        if self._listening:
            event.remove(self.db.sessions, "after_flush", _note_outbox_rows)
            event.remove(self.db.sessions, "after_commit", self._after_commit)
            self._listening = False

    def wake(self) -> None:
        """Sync now rather than at the next tick (called after each local write)."""
        self._wake.set()

    # -- the loop -----------------------------------------------------------------------------

    def _after_commit(self, session) -> None:
        if session.info.pop("outbox_written", False):
            self.wake()

    def _run(self) -> None:
        while not self._stop.is_set():
            delay = self.run_once()
            self._wake.wait(delay)
            self._wake.clear()

    def run_once(self) -> float:
        """One sync attempt; returns the seconds to wait before the next."""
        self.runs += 1
        if client.load_joined(self.data_dir) is None:
            self._publish(replace(self.state, joined=False, pending=client.pending_count(self.db)))
            return self.interval
        try:
            result = client.sync_now(self.db, self.data_dir, transport=self.transport)
        except client.SyncProblem as exc:
            self._failures += 1
            delay = backoff_delay(self._failures, base=self.interval, cap=self.max_backoff, rng=self.rng)
            if not exc.retry:
                delay = self.max_backoff  # a person must act (revoked, too old): do not hammer the server
            log.info("sync failed (%s); next try in %.1f s", exc, delay)
            self._publish(replace(self.state, joined=True, online=False, problem=exc.text(),
                                  pending=client.pending_count(self.db), retry_in=delay))
            return delay
        self._failures = 0
        self._publish(SyncState(joined=True, online=True, pending=result.pending,
                                conflicts=self.state.conflicts + result.conflicts,
                                last_sync_at=utcnow().isoformat(), problem=None, retry_in=None))
        return self.interval

    def _publish(self, state: SyncState) -> None:
        self.state = state
        if self.on_state is not None:
            try:
                self.on_state(state)
            except Exception:  # noqa: BLE001 - a listener's bug must not stop sync
                log.exception("sync state listener failed")


def _note_outbox_rows(session, _flush_context) -> None:
    # in after_flush, session.new still lists what was just inserted; only this PC's own writes count
    if session.info.get("origin") == "local" and any(isinstance(o, OutboxEntry) for o in session.new):
        session.info["outbox_written"] = True
