"""The sync seams in the unit of work: one transaction id per action, and origin "server" writes no outbox."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from mpp_desk import auth
from mpp_desk.models import OutboxEntry, StaffUser
from mpp_desk.uow import UnitOfWork


def _outbox(db):
    with db.sessions() as session:
        return list(session.scalars(select(OutboxEntry).order_by(OutboxEntry.seq)))


def test_one_action_shares_one_transaction_id_and_the_next_action_gets_another(db, uow_factory):
    with uow_factory() as uow:
        auth.create_user(uow, username="siti", full_name="Siti Aminah", role="counter",
                         password="Rahasia-123x")
        uow.commit()
        auth.create_user(uow, username="budi", full_name="Budi Santoso", role="counter",
                         password="Rahasia-123x")
        uow.commit()
    rows = _outbox(db)
    first = {r.tx_id for r in rows if r.entity == "staff_user" and r.payload["username"] == "siti"}
    by_tx = {}
    for r in rows:
        by_tx.setdefault(r.tx_id, []).append(r.entity)
    assert None not in by_tx
    assert len(by_tx) == 2  # two actions, each its staff row and its audit entry
    assert all(sorted(entities) == ["audit_entry", "staff_user"] for entities in by_tx.values())
    assert len(first) == 1


def test_server_origin_writes_no_outbox_and_keeps_the_row_as_sent(db):
    before = len(_outbox(db))
    row_id = uuid.uuid4()
    with UnitOfWork(db, origin=UnitOfWork.SERVER) as uow:
        uow.session.add(StaffUser(id=row_id, username="rina", full_name="Rina", role="counter", password_hash="x",
                                  version=7, device_id="another-pc"))
        uow.commit()
    with UnitOfWork(db, origin=UnitOfWork.SERVER) as uow:
        uow.session.get(StaffUser, row_id).full_name = "Rina Wati"
        uow.commit()
    assert len(_outbox(db)) == before
    with db.sessions() as session:
        row = session.get(StaffUser, row_id)
        assert (row.version, row.device_id, row.full_name) == (7, "another-pc", "Rina Wati")


def test_unknown_origin_is_refused(db):
    import pytest

    with pytest.raises(ValueError):
        UnitOfWork(db, origin="elsewhere")
