"""The queue's batched Core writes (mpp_desk/queue/writes.py) store what the unit of work's flush would.

Same rows, same stamping, same outbox entries (payload, op, base version, transaction id), the
sync worker's wake-up flag, nothing stamped nor queued for a unit of work of origin "server".
"""

from __future__ import annotations

import datetime as dt
import uuid
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from mpp_desk import queue as q
from mpp_desk.models import OutboxEntry, QueueEvent, Ticket
from mpp_desk.queue.writes import OUTBOX_WRITTEN, RowWrites
from mpp_desk.uow import UnitOfWork, row_payload

WIB = ZoneInfo("Asia/Jakarta")
TUESDAY_10 = dt.datetime(2026, 11, 24, 10, 0, tzinfo=WIB)


@pytest.fixture
def setup(uow_factory):
    with uow_factory() as uow:
        q.create_group(uow, code="A", name="Perizinan Berusaha")
        q.create_counter(uow, number=1, name="Loket 1", group_codes=["A"])
        uow.commit()
    return uow_factory


def outbox_of(session, entity_id) -> list[OutboxEntry]:
    return list(session.scalars(select(OutboxEntry).where(OutboxEntry.entity_id == entity_id).order_by(OutboxEntry.seq)))


def test_an_issue_writes_the_rows_and_outbox_entries_the_flush_would(setup, db):
    with setup() as uow:
        issued = q.issue_ticket(uow, group_code="A", now=TUESDAY_10)
        tx_id = uow.session.info["tx_id"]
        assert uow.session.info[OUTBOX_WRITTEN] is True  # the sync worker wakes after the commit
        uow.commit()
    with db.sessions() as session:
        ticket = session.get(Ticket, issued.ticket.id)
        event = session.scalar(select(QueueEvent).where(QueueEvent.ticket_id == ticket.id))
        for row in (ticket, event):
            assert row.version == 1 and row.device_id == db.device_id
            assert row.created_at == row.updated_at and row.created_at is not None
            [entry] = outbox_of(session, row.id)
            assert (entry.op, entry.base_version, entry.tx_id, entry.device_id) == ("insert", None, tx_id, db.device_id)
            assert entry.entity == type(row).__tablename__
            assert entry.payload == row_payload(row)
        assert ticket.code == "A001" and ticket.note == "" and ticket.recall_count == 0 and not ticket.printed
        assert event.type == "issued" and event.group_code == "A" and event.detail == ""


def test_a_counter_action_updates_the_row_and_queues_its_whole_new_state(setup, db):
    with setup() as uow:
        issued = q.issue_ticket(uow, group_code="A", now=TUESDAY_10)
        uow.commit()
    with setup(actor=None) as uow:  # the system acts (a counter officer needs a signed-in account)
        called = q.call_next(uow, counter_number=1, now=TUESDAY_10 + dt.timedelta(minutes=1))
        assert called is not None and called.status == "called" and called.counter_number == 1
        in_session = uow.session.get(Ticket, issued.ticket.id)
        assert in_session.status == "called" and in_session.version == 2  # the object reads as stored
        assert not uow.session.dirty  # nothing left for the ORM to write again
        tx_id = uow.session.info["tx_id"]
        uow.commit()
    with db.sessions() as session:
        ticket = session.get(Ticket, issued.ticket.id)
        assert ticket.status == "called" and ticket.version == 2 and ticket.counter_id is not None
        assert ticket.updated_at > ticket.created_at
        insert, update = outbox_of(session, ticket.id)
        assert (insert.op, update.op, update.base_version, update.tx_id) == ("insert", "update", 1, tx_id)
        assert update.payload == row_payload(ticket)


def test_a_unit_of_work_of_the_server_stores_rows_as_given_and_queues_nothing(setup, db):
    with setup() as uow:
        issued = q.issue_ticket(uow, group_code="A", now=TUESDAY_10)
        uow.commit()
    with UnitOfWork(db, origin=UnitOfWork.SERVER) as uow:
        ticket = uow.session.get(Ticket, issued.ticket.id)
        writes = RowWrites(uow)
        writes.update(ticket, note="dari server")
        writes.insert(
            QueueEvent(id=uuid.uuid4(), seq=99, type="held", ticket_id=ticket.id, ticket_code=ticket.code,
                       group_code="A", service_date=ticket.service_date, at=TUESDAY_10, version=7, device_id="server-pc",
                       created_at=TUESDAY_10, updated_at=TUESDAY_10)
        )
        writes.flush()
        assert OUTBOX_WRITTEN not in uow.session.info
        uow.commit()
    with db.sessions() as session:
        ticket = session.get(Ticket, issued.ticket.id)
        assert ticket.note == "dari server" and ticket.version == 1  # not re-stamped
        event = session.scalar(select(QueueEvent).where(QueueEvent.seq == 99))
        assert event.version == 7 and event.device_id == "server-pc"
        assert [e.op for e in outbox_of(session, ticket.id)] == ["insert"]
        assert outbox_of(session, event.id) == []


def test_a_row_changed_through_the_orm_as_well_is_refused(setup):
    with setup() as uow:
        issued = q.issue_ticket(uow, group_code="A", now=TUESDAY_10)
        ticket = uow.session.get(Ticket, issued.ticket.id)
        ticket.note = "pending ORM change"
        with pytest.raises(AssertionError):
            RowWrites(uow).update(ticket, printed=True)
