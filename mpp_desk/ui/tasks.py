"""Background work for widgets: database work never runs on the UI thread.

One single-worker executor runs database tasks one at a time (SQLite has one writer
anyway); a separate small pool (the "network" lane) runs calls to the office's server, so a slow
server never holds up the database work (Anki keeps the two apart the same way). Results come back
to the UI thread through a queued Qt signal. Widgets use the
small chainable :class:`Op`::

    Op(self.tasks, lambda: catalog.list_standards(...)).success(self._show).failure(self._error).run()
"""

from __future__ import annotations

import functools
import itertools
import logging
import traceback
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Callable

from PySide6.QtCore import QObject, Qt, Signal
from mpp_desk.errors import UserError

log = logging.getLogger(__name__)


class TaskManager(QObject):
    """Owns the database worker thread and hands results back to the UI thread.

    The worker thread never holds the last reference to anything a widget gave it: the
    task and its callback stay in ``_jobs`` on the UI thread until delivery, and the
    worker only sees a job number. Otherwise a closure over a widget could be freed on
    the worker thread, which corrupts Qt's object bookkeeping.

    Once :meth:`shutdown` has begun the manager is closed: a job submitted later (a widget's timer
    firing while the program ends) is dropped and logged at debug level, and no result is
    delivered any more; its callback is never called.
    """

    sig_finished = Signal(int, object, object)
    """Emitted in the worker; delivered queued on the UI thread: (job, result, error)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = ThreadPoolExecutor(max_workers=1, thread_name_prefix="mpp-db")
        self._net = ThreadPoolExecutor(max_workers=2, thread_name_prefix="mpp-net")
        self._jobs: dict[int, tuple[Callable[[], Any], Callable[[Any, BaseException | None], None]]] = {}
        self._next_job = itertools.count(1)
        self._closed = False
        # Queued even when emitted on the UI thread (a job that finished before its done-callback was
        # added is relayed from submit() itself): the answer never arrives inside submit().
        self.sig_finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def submit(self, fn: Callable[[], Any], done: Callable[[Any, BaseException | None], None], *,
               lane: str = "db") -> Future:
        """Run *fn* on the database thread (``lane="network"``: the network pool), then call
        ``done(result, error)`` on the UI thread.

        After :meth:`shutdown` the job is dropped: the returned future is cancelled, *done* is never called.
        """
        if self._closed:
            return self._dropped(fn)
        job = next(self._next_job)
        self._jobs[job] = (fn, done)
        try:
            future = (self._net if lane == "network" else self._db).submit(self._run, job)
        except RuntimeError:  # the interpreter is shutting down: no new futures
            del self._jobs[job]
            return self._dropped(fn)
        future.add_done_callback(functools.partial(self._relay, job))
        return future

    @staticmethod
    def _dropped(fn: Callable[[], Any]) -> Future:
        log.debug("job dropped, the task manager is closed: %s", getattr(fn, "__qualname__", type(fn).__name__))
        future: Future = Future()
        future.cancel()
        return future

    def _run(self, job: int) -> Any:
        fn = self._jobs[job][0]
        try:
            return fn()
        except BaseException as error:  # noqa: BLE001 - handed to the UI thread as a value
            if not _is_expected(error):
                log.error("background task failed:\n%s", "".join(traceback.format_exception(error)))
            # A traceback keeps the task's frames, and so the widget it closes over, alive on
            # this thread: drop them before the error travels.
            _drop_tracebacks(error)
            return _Failed(error)

    def _relay(self, job: int, future: Future) -> None:
        if future.cancelled():  # a network call dropped at shutdown: no answer to deliver
            return
        outcome = future.result()
        if isinstance(outcome, _Failed):
            self.sig_finished.emit(job, None, outcome.error)
        else:
            self.sig_finished.emit(job, outcome, None)

    def _deliver(self, job: int, result, error) -> None:
        entry = self._jobs.pop(job, None)
        if entry is None or self._closed:  # the program is ending: the widgets that asked are going or gone
            log.debug("result dropped: the task manager is closed")
            return
        _fn, done = entry
        try:
            done(result, error)
        except RuntimeError as exc:
            # The widget that asked was closed while its task ran: its answer has nowhere to go.
            if "already deleted" not in str(exc):
                raise
            log.debug("result dropped: its widget is gone")

    @property
    def pending(self) -> int:
        return len(self._jobs)

    @property
    def closed(self) -> bool:
        return self._closed

    def shutdown(self, wait: bool = True) -> None:
        """Close: refuse new jobs, finish (with *wait*) the ones already started, deliver no more results."""
        self._closed = True
        self._db.shutdown(wait=wait, cancel_futures=False)
        self._net.shutdown(wait=wait, cancel_futures=True)  # a server call not started yet is not worth waiting for
        if wait:  # every job has run: let go of the tasks and callbacks (and the widgets they close over)
            self._jobs.clear()


class _Failed:
    """A task's exception, returned (not raised) so no traceback outlives the task on the worker."""

    __slots__ = ("error",)

    def __init__(self, error: BaseException) -> None:
        self.error = error


def _drop_tracebacks(error: BaseException | None, seen: set[int] | None = None) -> None:
    seen = set() if seen is None else seen
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        error.__traceback__ = None
        _drop_tracebacks(error.__cause__, seen)
        error = error.__context__


def _is_expected(error: BaseException) -> bool:
    return isinstance(error, UserError)


class Op:
    """A database operation started from a widget, with success and failure callbacks
    (``lane="network"``: a call to the office's server, on the network pool)."""

    def __init__(self, tasks: TaskManager, fn: Callable[[], Any], *, lane: str = "db") -> None:
        self._tasks = tasks
        self._fn = fn
        self._lane = lane
        self._on_success: Callable[[Any], None] = lambda _result: None
        self._on_failure: Callable[[BaseException], None] | None = None

    def success(self, callback: Callable[[Any], None]) -> Op:
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> Op:
        self._on_failure = callback
        return self

    def run(self) -> Future:
        def done(result, error):
            if error is None:
                self._on_success(result)
            elif self._on_failure is not None:
                self._on_failure(error)
            else:
                raise error

        return self._tasks.submit(self._fn, done, lane=self._lane)
