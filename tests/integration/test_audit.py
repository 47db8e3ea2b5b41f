"""The audit trail: one chain per device, append-only, and verify() names the first broken link."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
import uuid

import pytest
from sqlalchemy import select, update

from mpp_desk import audit
from mpp_desk.database import open_database
from mpp_desk.errors import PermissionDenied
from mpp_desk.models import AuditEntry, OutboxEntry, QueueGroup
from mpp_desk.roles import TERMINAL, Actor, Role
from mpp_desk.uow import UnitOfWork, soft_delete


def write_entries(uow_factory, n, start=1):
    for i in range(start, start + n):
        with uow_factory() as uow:
            audit.record(uow, action="test.step", entity="thing", entity_id=i, summary=f"step {i}",
                         details={"i": i, "nested": {"ok": True, "ratio": 0.1}})
            uow.commit()


def raw(db, sql, *params):
    con = sqlite3.connect(db.path)
    try:
        con.execute(sql, params)
        con.commit()
    finally:
        con.close()


def verify(uow_factory):
    with uow_factory(write=False) as uow:
        return audit.verify(uow)


def test_entries_chain_in_order_and_verify(uow_factory, db):
    write_entries(uow_factory, 5)
    with uow_factory(actor=None) as uow:  # several entries in one transaction chain too
        audit.record(uow, action="test.a")
        audit.record(uow, action="test.b", actor=TERMINAL)
        uow.commit()
    with uow_factory(write=False) as uow:
        entries = list(uow.session.scalars(select(AuditEntry).order_by(AuditEntry.seq)))
    assert [e.seq for e in entries] == list(range(1, 8))
    assert entries[0].prev_hash == audit.GENESIS
    assert all(b.prev_hash == a.hash for a, b in zip(entries, entries[1:]))
    assert all(e.device_id == db.device_id for e in entries)
    assert entries[-2].actor_username == "system" and entries[-1].actor_username == "terminal"
    result = verify(uow_factory)
    assert result.ok and result.checked == 7 and result.first_broken_seq is None


def test_empty_trail_verifies(uow_factory):
    result = verify(uow_factory)
    assert result.ok and result.checked == 0


def test_actor_comes_from_the_unit_of_work(db):
    clerk = Actor(user_id=uuid.uuid4(), username="siti", role=Role.COUNTER)
    with UnitOfWork(db, actor=clerk) as uow:
        entry = audit.record(uow, action="receipt.printed", entity="receipt", entity_id=uuid.uuid4())
        uow.commit()
    assert entry.actor_id == clerk.user_id and entry.actor_username == "siti"


def test_an_altered_summary_is_reported_at_its_seq(uow_factory, db):
    write_entries(uow_factory, 6)
    raw(db, "UPDATE audit_entry SET summary = 'nothing happened' WHERE seq = 4")
    result = verify(uow_factory)
    assert not result.ok
    assert (result.first_broken_seq, result.reason, result.action, result.checked) == (4, "altered", "test.step", 3)
    assert result.reason_text("id") == "entri diubah setelah ditulis"


def test_altered_details_are_reported(uow_factory, db):
    write_entries(uow_factory, 3)
    raw(db, """UPDATE audit_entry SET details = '{"i": 99, "nested": {"ok": true, "ratio": 0.1}}' WHERE seq = 2""")
    result = verify(uow_factory)
    assert (result.ok, result.first_broken_seq, result.reason) == (False, 2, "altered")


def test_a_row_altered_together_with_its_own_hash_breaks_the_next_link(uow_factory, db):
    write_entries(uow_factory, 4)
    with uow_factory(write=False) as uow:
        row = uow.session.scalar(select(AuditEntry).where(AuditEntry.seq == 2))
    row.summary = "rewritten"
    key = audit._load_key(audit.data_folder(uow))
    forged = audit.compute_hash(row, key)  # even someone holding the key breaks the next link
    raw(db, "UPDATE audit_entry SET summary = 'rewritten', hash = ? WHERE seq = 2", forged)
    result = verify(uow_factory)
    assert (result.ok, result.first_broken_seq, result.reason) == (False, 3, "broken_link")
    # without the key, a plain SHA-256 recomputed by whoever edits the file is the row's own break
    raw(db, "UPDATE audit_entry SET hash = ? WHERE seq = 2", audit.compute_hash(row))
    result = verify(uow_factory)
    assert (result.ok, result.first_broken_seq, result.reason) == (False, 2, "altered")


def test_a_removed_row_is_reported(uow_factory, db):
    write_entries(uow_factory, 6)
    raw(db, "DELETE FROM audit_entry WHERE seq = 3")
    result = verify(uow_factory)
    assert (result.ok, result.first_broken_seq, result.reason) == (False, 4, "missing")
    assert dict(result.params) == {"first": 3, "last": 3}
    assert result.reason_text("id") == "entri 3 sampai 3 sebelumnya telah dihapus"


def test_removing_the_first_or_the_newest_rows_is_reported(uow_factory, db):
    write_entries(uow_factory, 4)
    raw(db, "DELETE FROM audit_entry WHERE seq >= 3")
    result = verify(uow_factory)
    assert (result.ok, result.first_broken_seq, result.reason, result.checked) == (False, 3, "tail_missing", 2)
    raw(db, "DELETE FROM audit_entry WHERE seq = 1")
    result = verify(uow_factory)
    assert (result.first_broken_seq, result.reason) == (2, "missing")


def test_a_reordered_row_is_reported(uow_factory, db):
    write_entries(uow_factory, 5)
    raw(db, "UPDATE audit_entry SET seq = -1 WHERE seq = 2")
    raw(db, "UPDATE audit_entry SET seq = 2 WHERE seq = 4")
    raw(db, "UPDATE audit_entry SET seq = 4 WHERE seq = -1")
    result = verify(uow_factory)
    assert (result.ok, result.first_broken_seq, result.reason) == (False, 2, "reordered")
    assert dict(result.params) == {"original": 4}


def test_the_unit_of_work_refuses_to_change_or_delete_audit_rows(uow_factory):
    write_entries(uow_factory, 2)
    with uow_factory() as uow:
        entry = uow.session.scalar(select(AuditEntry).where(AuditEntry.seq == 1))
        entry.summary = "changed"
        with pytest.raises(RuntimeError, match="append-only"):
            uow.flush()
    with uow_factory() as uow:
        soft_delete(uow.session.scalar(select(AuditEntry).where(AuditEntry.seq == 1)))
        with pytest.raises(RuntimeError, match="append-only"):
            uow.flush()
    with uow_factory() as uow:
        uow.session.delete(uow.session.scalar(select(AuditEntry).where(AuditEntry.seq == 2)))
        with pytest.raises(RuntimeError, match="append-only"):
            uow.flush()
    with uow_factory() as uow:
        with pytest.raises(RuntimeError, match="append-only"):
            uow.session.execute(update(AuditEntry).values(summary="bulk"))
    assert verify(uow_factory).ok


def test_audit_needs_a_write_unit_of_work(uow_factory):
    with uow_factory(write=False) as uow:
        with pytest.raises(RuntimeError, match="write unit of work"):
            audit.record(uow, action="test.read_only")


def test_entry_lands_with_the_change_or_not_at_all_and_goes_to_the_outbox(uow_factory):
    with uow_factory() as uow:
        uow.session.add(QueueGroup(code="Z", name="Uji"))
        audit.record(uow, action="test.created")
        # no commit: both are rolled back
    with uow_factory() as uow:
        group = QueueGroup(code="Y", name="Uji")
        uow.session.add(group)
        audit.record(uow, action="test.created", entity="queue_group", entity_id=group.id)
        uow.commit()
    with uow_factory(write=False) as uow:
        entries = list(uow.session.scalars(select(AuditEntry)))
        ops = list(uow.session.scalars(select(OutboxEntry).where(OutboxEntry.entity == "audit_entry")))
    assert [e.seq for e in entries] == [1]
    assert len(ops) == 1 and ops[0].op == "insert" and ops[0].payload["hash"] == entries[0].hash
    assert verify(uow_factory).ok


def test_record_row_lists_changed_fields_and_redacts_personal_ones(uow_factory):
    with uow_factory() as uow:
        group = QueueGroup(code="A", name="Perizinan")
        uow.session.add(group)
        uow.commit()
    with uow_factory() as uow:
        group = uow.session.get(QueueGroup, group.id)
        group.name = "Perizinan Berusaha"
        entry = audit.record_row(uow, action="queue_group.updated", row=group, summary="group A renamed",
                                 redact=["code"])
        group.code = "B"  # changed after the entry: not in it
        uow.commit()
    assert entry.entity == "queue_group" and entry.entity_id == str(group.id)
    assert entry.details == {"changes": {"name": {"old": "Perizinan", "new": "Perizinan Berusaha"}}}
    assert audit.changes(group) == {}
    with uow_factory() as uow:
        group = uow.session.get(QueueGroup, group.id)
        group.code = "C"
        entry = audit.record_row(uow, action="queue_group.updated", row=group, redact=["code"])
        uow.commit()
    assert entry.details == {"changes": {"code": {"redacted": True}}}
    assert verify(uow_factory).ok


def test_list_entries_needs_the_permission_and_shows_newest_first(uow_factory):
    write_entries(uow_factory, 3)
    with uow_factory(write=False) as uow:
        entries = audit.list_entries(uow, actor=TERMINAL, limit=2)
        clerk = Actor(user_id=None, username="x", role=Role.COUNTER)
        with pytest.raises(PermissionDenied, match="does not allow"):
            audit.list_entries(uow, actor=clerk)
    assert [e.seq for e in entries] == [3, 2]
    assert entries[0].as_dict()["details"]["i"] == 3


def test_chains_pulled_from_other_devices_verify_separately(data_dir, tmp_path):
    """Entries another PC wrote (as sync will bring them) keep their own chain; its links are checked here
    (its content is keyed with the other installation's secret: the central server checks that)."""
    other = open_database(tmp_path / "other.sqlite3")
    here = open_database(data_dir / "here.sqlite3")
    try:
        for db in (other, here):
            for i in range(3):
                with UnitOfWork(db) as uow:
                    audit.record(uow, action=f"test.{i}")
                    uow.commit()
        con = sqlite3.connect(here.path)
        con.execute("ATTACH DATABASE ? AS other", (str(other.path),))
        con.execute("INSERT INTO audit_entry SELECT * FROM other.audit_entry")
        con.commit()
        with UnitOfWork(here, write=False) as uow:
            result = audit.verify(uow)
        assert result.ok and result.checked == 6
        con.execute("DELETE FROM audit_entry WHERE device_id = ? AND seq = 2", (other.device_id,))
        con.commit()
        con.close()
        with UnitOfWork(here, write=False) as uow:
            result = audit.verify(uow)
        assert (result.ok, result.device_id, result.first_broken_seq, result.reason) == (
            False, other.device_id, 3, "missing")
        assert result.checked == 4  # this PC's three, then the other PC's first
    finally:
        other.dispose()
        here.dispose()


APPENDER = textwrap.dedent(
    """
    import sys
    from mpp_desk import audit
    from mpp_desk.database import open_database
    from mpp_desk.uow import UnitOfWork
    db = open_database(sys.argv[1])
    for i in range(int(sys.argv[3])):
        with UnitOfWork(db) as uow:
            audit.record(uow, action="test.concurrent", summary=f"{sys.argv[2]} {i}")
            uow.commit()
    print("ok")
    """
)


@pytest.mark.slow  # real processes
def test_two_processes_appending_at_once_keep_one_valid_chain(data_dir):
    path = data_dir / "shared.sqlite3"
    open_database(path).dispose()
    n = 120
    procs = [
        subprocess.Popen([sys.executable, "-c", APPENDER, str(path), name, str(n)], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
        for name in ("kiosk", "loket")
    ]
    outputs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [err for _, err in outputs]
    db = open_database(path)
    try:
        with UnitOfWork(db, write=False) as uow:
            result = audit.verify(uow)
            summaries = [s for s in uow.session.scalars(select(AuditEntry.summary).order_by(AuditEntry.seq))]
            seqs = list(uow.session.scalars(select(AuditEntry.seq).order_by(AuditEntry.seq)))
        assert result.ok and result.checked == 2 * n
        assert seqs == list(range(1, 2 * n + 1))
        assert sum(s.startswith("kiosk") for s in summaries) == n == sum(s.startswith("loket") for s in summaries)
    finally:
        db.dispose()
