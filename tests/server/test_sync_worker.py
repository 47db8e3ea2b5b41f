"""Background sync: a plain thread that syncs after each local write and backs off when the server is away."""

from __future__ import annotations

import json
import threading

import pytest
from sqlalchemy import select

from mpp_desk.models import ComplaintCase
from mpp_desk.sync.worker import SyncWorker, backoff_delay
from tests.server.conftest import desk_json, enroll
from tests.server.test_sync_two_pcs import capture_complaint, officer

WAIT_S = 30  # a ceiling for a hung worker, not a timing assertion


def test_backoff_grows_with_failures_up_to_the_cap_and_is_jittered():
    top = [backoff_delay(n, base=5, cap=300, rng=lambda: 1.0) for n in range(1, 8)]
    assert top == [10, 20, 40, 80, 160, 300, 300]
    assert backoff_delay(3, base=5, cap=300, rng=lambda: 0.0) == 5  # never below the base interval
    assert backoff_delay(3, base=5, cap=300, rng=lambda: 0.5) == 20


class Watch:
    """Collects the worker's states; ``until(pred)`` waits for one that satisfies *pred*."""

    def __init__(self) -> None:
        self.states = []
        self._changed = threading.Condition()

    def __call__(self, state) -> None:
        with self._changed:
            self.states.append(state)
            self._changed.notify_all()

    def until(self, predicate):
        with self._changed:
            assert self._changed.wait_for(lambda: any(predicate(s) for s in self.states), WAIT_S), self.states
            return next(s for s in self.states if predicate(s))


def test_a_local_write_is_sent_without_waiting_for_the_next_tick(server, server_db, make_pc):
    pc1, pc2 = make_pc("pc1"), make_pc("pc2")
    desk_json(pc1, "sync", "join", server, enroll(server_db, "desk-1", "complaints"))
    desk_json(pc2, "sync", "join", server, enroll(server_db, "desk-2", "complaints"))
    watch = Watch()
    # a tick far away: only the wake-up after the commit can send the change
    worker = SyncWorker(pc1.db, pc1.data_dir, interval=3600, on_state=watch)
    worker.start()
    try:
        watch.until(lambda s: s.online)
        watch.states.clear()
        case = capture_complaint(pc1, officer(pc1, "budi"))
        watch.until(lambda s: s.online and s.pending == 0)
    finally:
        worker.stop()
    assert worker.runs >= 2
    desk_json(pc2, "sync", "now")
    with pc2.uow(write=False) as uow:
        assert uow.session.scalar(select(ComplaintCase.case_number).where(ComplaintCase.id == case.id)) == \
            case.case_number


def test_with_the_server_away_the_worker_reports_offline_and_backs_off(make_pc):
    pc = make_pc("pc1")
    (pc.data_dir / "sync.json").write_text(json.dumps({
        "url": "http://127.0.0.1:1", "device_id": "x", "name": "loket-1", "role": "counter", "credential": "c",
        "office_name": "MPP", "joined_at": "2026-11-16T03:00:00+00:00"}))
    worker = SyncWorker(pc.db, pc.data_dir, interval=5, max_backoff=300, rng=lambda: 1.0)
    first, second = worker.run_once(), worker.run_once()
    assert (first, second) == (10, 20)
    assert worker.state.online is False and worker.state.joined
    assert "tidak dapat dihubungi" in worker.state.problem


def test_a_pc_not_joined_waits_quietly(make_pc):
    pc = make_pc("pc1")
    worker = SyncWorker(pc.db, pc.data_dir, interval=5)
    assert worker.run_once() == 5
    assert worker.state.joined is False and worker.state.problem is None


@pytest.fixture(autouse=True)
def _no_leftover_threads():
    before = {t.name for t in threading.enumerate()}
    yield
    assert "mpp-sync" not in {t.name for t in threading.enumerate()} - before
