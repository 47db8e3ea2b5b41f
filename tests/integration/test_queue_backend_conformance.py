"""Every queue backend is a QueueBackend: the same signatures, the same behaviour through a morning.

The backends are the params of the ``backend`` fixture. Each param sets up groups A (counter 1)
and B (counter 2) open 08:00-15:00 on Tuesday 24 November 2026 and returns the backend; the
scenario then uses the QueueBackend interface only, with ``now`` left to the office clock (the
``office_clock`` fixture, stopped at 10:00 and moved on by hand). To add the central server's
backend, add a param that starts a server, joins a data folder to it and returns
``make_queue_backend(ctx)``. Both classes are checked for the interface's signatures.
"""

from __future__ import annotations

import datetime as dt
import inspect
import sys
import typing
import uuid
from zoneinfo import ZoneInfo

import pytest

from mpp_desk import queue as q
from mpp_desk.errors import PermissionDenied, UserError
from mpp_desk.queue.backend import LocalQueue, QueueBackend, make_queue_backend
from mpp_desk.queue.errors import CounterBusy, InvalidTransition
from mpp_desk.queue.remote import RemoteQueue

WIB = ZoneInfo("Asia/Jakarta")
TUESDAY = dt.date(2026, 11, 24)
TUESDAY_10 = dt.datetime(2026, 11, 24, 10, 0, tzinfo=WIB)

BACKEND_CLASSES = [LocalQueue, RemoteQueue]  # the behaviour scenario below runs on LocalQueue; the server
# backend runs the same actions through mpp-central in tests/server/test_queue_server.py and test_queue_morning.py


def interface_methods() -> list[str]:
    return sorted(
        name for name, value in vars(QueueBackend).items() if callable(value) and not name.startswith("_")
    )


def _type_names() -> dict[str, object]:
    """Names the backends import for type checking only, so their annotations can be resolved."""
    from mpp_desk.context import AppContext
    from mpp_desk.database import Database
    from mpp_desk.printing.slip import TicketSlip
    from mpp_desk.queue.stats import DailyStats
    from mpp_desk.queue.views import ClockWarning
    from mpp_desk.roles import Actor
    from mpp_desk.signing import Signer
    from mpp_desk.uow import UnitOfWork

    return {"AppContext": AppContext, "Database": Database, "TicketSlip": TicketSlip, "DailyStats": DailyStats,
            "Actor": Actor, "Signer": Signer, "UnitOfWork": UnitOfWork, "ClockWarning": ClockWarning}


def shape(fn) -> tuple:
    """A method's parameters (name, kind, default, resolved type) and its resolved return type."""
    names = {**vars(sys.modules[fn.__module__]), **_type_names()}
    hints = typing.get_type_hints(fn, globalns=names)
    params = tuple(
        (p.name, p.kind, p.default, hints.get(p.name))
        for p in inspect.signature(fn).parameters.values()
        if p.name != "self"
    )
    return params, hints.get("return")


def test_the_interface_is_the_one_the_screens_use():
    assert {"issue", "call_next", "recall", "mark_no_show", "start_service", "finish", "transfer", "hold",
            "resume", "cancel", "waiting_counts", "board_state", "find_ticket", "latest_seq"} <= set(interface_methods())


@pytest.mark.parametrize("cls", BACKEND_CLASSES, ids=lambda c: c.__name__)
@pytest.mark.parametrize("name", interface_methods())
def test_every_method_has_the_interfaces_signature(cls, name):
    assert name in vars(cls) or hasattr(cls, name), f"{cls.__name__} has no {name}"
    assert shape(getattr(cls, name)) == shape(getattr(QueueBackend, name))
    for parameter in list(inspect.signature(getattr(cls, name)).parameters.values())[1:]:
        assert parameter.kind != inspect.Parameter.VAR_KEYWORD, f"{cls.__name__}.{name} forwards **kwargs"


def test_the_factory_builds_the_local_backend_for_a_pc_that_joined_no_server(app_ctx):
    from mpp_desk.roles import Actor, Role

    clerk = Actor(user_id=None, username="siti", role=Role.COUNTER)
    backend = make_queue_backend(app_ctx, actor=clerk)
    assert isinstance(backend, LocalQueue) and backend.actor == clerk
    assert backend.data_dir == app_ctx.data_dir


# --- the behaviour, through the interface only ------------------------------------------------


def _local_backend(request) -> QueueBackend:
    from mpp_desk.roles import TERMINAL

    ctx = request.getfixturevalue("app_ctx")
    with ctx.uow(actor=TERMINAL) as uow:
        seeded = {g.code for g in q.list_groups(uow)}  # the seeded catalogue brings its groups
        for code, name in (("A", "Perizinan Berusaha"), ("B", "Pengaduan dan Informasi")):
            if code in seeded:
                q.update_group(uow, code=code, open_time=dt.time(8), close_time=dt.time(15), active=True)
            else:
                q.create_group(uow, code=code, name=name, open_time=dt.time(8), close_time=dt.time(15))
        q.create_counter(uow, number=1, name="Loket 1", group_codes=["A"])
        q.create_counter(uow, number=2, name="Loket 2", group_codes=["B"])
        uow.commit()
    return make_queue_backend(ctx)


BACKENDS = {"local": _local_backend}


@pytest.fixture(params=sorted(BACKENDS))
def backend(request, office_clock) -> QueueBackend:
    office_clock.set(TUESDAY_10, running=False)
    return BACKENDS[request.param](request)


def test_a_morning_through_the_interface(backend, office_clock):
    def next_minute():
        office_clock.advance(minutes=1)

    groups = {code for code in backend.waiting_counts()}
    assert {"A", "B"} <= groups and backend.waiting_counts()["A"] == 0
    first_seq = backend.latest_seq()

    a1 = backend.issue(group_code="A")
    next_minute()
    a2 = backend.issue(group_code="A")
    next_minute()
    b1 = backend.issue(group_code="B")
    next_minute()
    a3 = backend.issue(group_code="A", priority_reason="elderly")
    assert [t.ticket.code for t in (a1, a2, b1, a3)] == ["A001", "A002", "B001", "A003"]
    assert (a1.ahead, a2.ahead, b1.ahead, a3.ahead) == (0, 1, 0, 0)  # the priority ticket goes first
    assert a3.ticket.priority and a3.ticket.service_date == TUESDAY
    counts = backend.waiting_counts()
    assert (counts["A"], counts["B"]) == (3, 1)
    assert [t.code for t in backend.waiting_list(group_code="A")] == ["A003", "A001", "A002"]
    assert {s.code: s.waiting for s in backend.kiosk_status()}["A"] == 3
    assert {t.code for t in backend.reprint_candidates()} == {"A001", "A002", "B001", "A003"}
    assert backend.mark_printed(ticket_id=a1.ticket.id).printed
    assert "A001" not in {t.code for t in backend.reprint_candidates()}

    # counter 1: the priority ticket, recalled, absent
    next_minute()
    called = backend.call_next(counter_number=1)
    assert called is not None and called.code == "A003" and called.status == "called" and called.counter_number == 1
    with pytest.raises(CounterBusy):
        backend.call_next(counter_number=1)
    with pytest.raises(InvalidTransition):
        backend.recall(ticket_id=called.id, counter_number=2)  # not counter 2's ticket
    assert backend.recall(ticket_id=called.id, counter_number=1).recall_count == 1
    assert backend.mark_no_show(ticket_id=called.id, counter_number=1).status == "no_show"

    # served from start to finish
    next_minute()
    served = backend.call_next(counter_number=1)
    assert served is not None and served.code == "A001"
    assert backend.start_service(ticket_id=served.id, counter_number=1).status == "serving"
    next_minute()
    done = backend.finish(ticket_id=served.id, counter_number=1, outcome="completed", note="lengkap")
    assert (done.status, done.outcome) == ("done", "completed")

    # sent to line B, where it keeps its place by issue time
    moved = backend.call_next(counter_number=1)
    assert moved is not None and moved.code == "A002"
    moved = backend.transfer(ticket_id=moved.id, counter_number=1, to_group_code="B")
    assert (moved.status, moved.route_group_code, moved.transfer_count) == ("waiting", "B", 1)
    assert backend.waiting_counts()["B"] == 2
    at_two = backend.call_next(counter_number=2)
    assert at_two is not None and at_two.code == "A002"

    # held while the visitor fetches a document; the next one is served meanwhile
    held = backend.hold(ticket_id=at_two.id, counter_number=2)
    assert held.status == "held"
    state = backend.counter_state(counter_number=2)
    assert state.current is None and [t.code for t in state.held] == ["A002"]
    other = backend.call_next(counter_number=2)
    assert other is not None and other.code == "B001"
    backend.start_service(ticket_id=other.id, counter_number=2)
    backend.finish(ticket_id=other.id, counter_number=2)
    resumed = backend.resume(ticket_id=held.id, counter_number=2)
    assert (resumed.status, resumed.counter_number) == ("serving", 2)
    backend.finish(ticket_id=held.id, counter_number=2, outcome="completed")

    # a visitor who left
    next_minute()
    gone = backend.issue(group_code="A").ticket
    assert backend.cancel(ticket_id=gone.id).status == "cancelled"
    assert backend.waiting_counts()["A"] == 0 and backend.waiting_counts()["B"] == 0
    assert backend.call_next(counter_number=1) is None

    # what the screens read back
    assert backend.get_ticket(ticket_id=a2.ticket.id).status == "done"
    assert backend.find_ticket(code="a001").id == a1.ticket.id
    with pytest.raises(UserError):
        backend.get_ticket(ticket_id=uuid.uuid4())
    events = backend.events_since(after_seq=first_seq, limit=1000)
    assert backend.latest_seq() == events[-1].seq
    kinds = [e.type for e in events if e.ticket_id == a2.ticket.id]
    assert kinds == ["issued", "called", "transferred", "called", "held", "resumed", "finished"]
    board = backend.board_state(last_calls=3)
    assert [c.ticket_code for c in board.last_calls] == ["B001", "A002", "A002"]
    assert board.now_serving == () and board.last_seq == events[-1].seq
    assert backend.clock_warning() is None
    with pytest.raises(PermissionDenied):  # the day's report needs a signed-in supervisor, not the kiosk
        backend.daily_stats(date=TUESDAY)
    slip = backend.slip(a1)
    assert slip.code == "A001" and slip.qr_data
