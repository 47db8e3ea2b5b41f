"""Shared set-up for the queue screens' tests: lines, counters, a fixed working-day clock, a fake voice."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

WIB = ZoneInfo("Asia/Jakarta")
TUESDAY_10 = dt.datetime(2026, 11, 24, 10, 0, tzinfo=WIB)  # an ordinary working day, inside opening hours
FRIDAY_NOON = dt.datetime(2026, 11, 27, 12, 0, tzinfo=WIB)  # the Friday prayer break


class Clock:
    """A settable clock for the widgets (they ask the queue at this time)."""

    def __init__(self, moment: dt.datetime) -> None:
        self.moment = moment

    def __call__(self) -> dt.datetime:
        return self.moment


class FakeEngine:
    """Records what would be spoken, in order, and finishes each announcement at once."""

    name = "fake"

    def __init__(self) -> None:
        self.texts: list[str] = []

    def play(self, text, done) -> None:
        self.texts.append(text)
        done()


@pytest.fixture
def queue_ctx(ui_ctx, office_clock):
    """Groups A (Perizinan Berusaha) and B (seeded with the catalogue); counters 1 (A), 2 (A, B), 3 (B).

    The process clock stops at TUESDAY_10: every widget and service of the test asks the queue then.
    """
    from mpp_desk import queue as q
    from mpp_desk.roles import TERMINAL

    office_clock.set(TUESDAY_10, running=False)
    with ui_ctx.uow(actor=TERMINAL) as uow:
        q.create_counter(uow, number=1, name="Loket Satu", group_codes=["A"])
        q.create_counter(uow, number=2, name="Loket Dua", group_codes=["A", "B"])
        q.create_counter(uow, number=3, name="Loket Tiga", group_codes=["B"])
        uow.commit()
    return ui_ctx


@pytest.fixture
def service_queue(queue_ctx):
    """The queue as another process would use it: the service layer, one unit of work per call."""
    from mpp_desk.queue import LocalQueue

    return LocalQueue(queue_ctx.open())


def set_setting(ctx, key: str, value) -> None:
    from mpp_desk import settings
    from mpp_desk.roles import TERMINAL

    with ctx.uow(actor=TERMINAL) as uow:
        settings.set(uow, key=key, value=value)
        uow.commit()


def ticket_row(ctx, code: str, day: dt.date = TUESDAY_10.date()):
    from sqlalchemy import select

    from mpp_desk.models import Ticket

    with ctx.uow(write=False) as uow:
        row = uow.session.scalar(select(Ticket).where(Ticket.code == code, Ticket.service_date == day))
        assert row is not None, f"no ticket {code}"
        uow.session.expunge(row)
        return row


def event_types(ctx, code: str) -> list[str]:
    from sqlalchemy import select

    from mpp_desk.models import QueueEvent

    with ctx.uow(write=False) as uow:
        return list(uow.session.scalars(
            select(QueueEvent.type).where(QueueEvent.ticket_code == code).order_by(QueueEvent.seq)))


def allow_exit(window) -> None:
    """Let the test's teardown close a kiosk or board window (people need the administrator PIN)."""
    window._exit_allowed = True
