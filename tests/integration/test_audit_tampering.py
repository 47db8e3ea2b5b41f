"""Someone who can edit the database file tries to bend the audit trail (issue 11): each tampering is caught,
because the chain is keyed with a secret outside the database and its head is anchored in a signed checkpoint."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import stat

import pytest
from sqlalchemy import select

from mpp_desk import audit, signing
from mpp_desk.models import AuditEntry, LocalState
from mpp_desk.uow import UnitOfWork

N = 6


@pytest.fixture(autouse=True)
def fresh_caches():
    signing._cache.clear()
    audit._keys.clear()
    yield
    signing._cache.clear()
    audit._keys.clear()


@pytest.fixture
def trail(db, uow_factory):
    for i in range(1, N + 1):
        with uow_factory() as uow:
            audit.record(uow, action="test.step", entity="thing", entity_id=i, summary=f"step {i}")
            uow.commit()
    return db


def verify(db):
    with UnitOfWork(db, write=False) as uow:
        return audit.verify(uow)


def sql(db, *statements):
    con = sqlite3.connect(db.path)
    try:
        for statement, params in statements:
            con.execute(statement, params)
        con.commit()
    finally:
        con.close()


def plain_hash(fields: dict) -> str:
    """What an editor without the key can compute: the old plain SHA-256 of the canonical text."""
    return hashlib.sha256(json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
                          .encode("utf-8")).hexdigest()


def rebuild(db, change=lambda rows: rows):
    """Read every entry, let *change* edit the list (dicts of the canonical fields), then renumber, relink
    and re-hash the whole chain and the head row, as a careful tamperer would."""
    with UnitOfWork(db, write=False) as uow:
        entries = list(uow.session.scalars(select(AuditEntry).order_by(AuditEntry.seq)))
        rows = [{**json.loads(audit.canonical(e)), "_orig": e.seq} for e in entries]
    con = sqlite3.connect(db.path)
    con.row_factory = sqlite3.Row
    try:
        raw = {r["seq"]: dict(r) for r in con.execute("SELECT * FROM audit_entry")}
        rows = change(rows)
        con.execute("DELETE FROM audit_entry")
        prev = audit.GENESIS
        for seq, fields in enumerate(rows, start=1):
            record = dict(raw[fields.pop("_orig")])
            fields["seq"], fields["prev_hash"] = seq, prev
            prev = plain_hash(fields)
            record.update(seq=seq, prev_hash=fields["prev_hash"], hash=prev, summary=fields["summary"],
                          action=fields["action"])
            names = ", ".join(record)
            con.execute(f"INSERT INTO audit_entry ({names}) VALUES ({', '.join('?' for _ in record)})",
                        tuple(record.values()))
        con.execute("UPDATE local_state SET value = ? WHERE key = ?", (f"{len(rows)}:{prev}", audit.HEAD_KEY))
        con.commit()
    finally:
        con.close()


def test_the_untouched_trail_verifies_and_its_secrets_stay_outside_the_database(trail, data_dir):
    result = verify(trail)
    assert result.ok and result.checked == N
    key = data_dir / "keys" / audit.KEY_FILENAME
    assert key.is_file() and stat.S_IMODE(key.stat().st_mode) == 0o600 and len(key.read_bytes()) == 32
    checkpoint = json.loads((data_dir / audit.CHECKPOINT_FILENAME).read_text())
    assert checkpoint["seq"] == N and checkpoint["keyed_from"] == 1 and checkpoint["sig"]
    assert key.read_bytes() not in trail.path.read_bytes()


def test_a_rebuilt_but_untouched_chain_is_already_caught(trail):
    rebuild(trail)  # same content, plain hashes: whoever lacks the key cannot re-hash
    assert verify(trail).reason == "altered"


TAMPERINGS = {
    "delete all": lambda db: sql(db, ("DELETE FROM audit_entry", ()),
                                 ("DELETE FROM local_state WHERE key = ?", (audit.HEAD_KEY,))),
    "delete the tail and move the head": lambda db: rebuild(db, lambda rows: rows[:-2]),
    "delete a middle entry and relink": lambda db: rebuild(db, lambda rows: rows[:2] + rows[3:]),
    "rewrite an entry and recompute": lambda db: rebuild(db, lambda rows: [
        {**r, "summary": "nothing happened"} if r["seq"] == 3 else r for r in rows]),
    "reorder and recompute": lambda db: rebuild(db, lambda rows: [rows[0], rows[2], rows[1], *rows[3:]]),
    "replace the head row": lambda db: rebuild(db, lambda rows: [*rows[:-1], {**rows[-1], "action": "test.forged"}]),
    "delete the tail only": lambda db: sql(db, ("DELETE FROM audit_entry WHERE seq > ?", (N - 2,)),
                                           ("DELETE FROM local_state WHERE key = ?", (audit.HEAD_KEY,))),
    "delete a middle entry only": lambda db: sql(db, ("DELETE FROM audit_entry WHERE seq = 3", ())),
}


@pytest.mark.parametrize("name", list(TAMPERINGS))
def test_every_tampering_is_caught(trail, name):
    TAMPERINGS[name](trail)
    result = verify(trail)
    assert not result.ok, name
    assert result.reason in audit.REASONS and result.reason_text()


def test_rolling_the_database_back_to_an_older_copy_is_caught(db, uow_factory, data_dir, tmp_path):
    for i in range(3):
        with uow_factory() as uow:
            audit.record(uow, action=f"test.{i}")
            uow.commit()
    db.engine.dispose()
    shutil.copy(db.path, tmp_path / "old.sqlite3")
    for i in range(3):
        with uow_factory() as uow:
            audit.record(uow, action=f"test.later.{i}")
            uow.commit()
    db.engine.dispose()
    for suffix in ("-wal", "-shm"):
        (db.path.parent / (db.path.name + suffix)).unlink(missing_ok=True)
    shutil.copy(tmp_path / "old.sqlite3", db.path)
    result = verify(db)
    assert (result.ok, result.reason, result.first_broken_seq) == (False, "tail_missing", 4)


def test_a_deleted_forged_or_foreign_checkpoint_is_caught(trail, data_dir, tmp_path):
    path = data_dir / audit.CHECKPOINT_FILENAME
    good = path.read_bytes()
    data = json.loads(good)
    path.write_text(json.dumps({**data, "seq": 2}))  # edited without the signing key
    assert verify(trail).reason == "checkpoint_forged"
    other = tmp_path / "other"
    audit.write_checkpoint(other, device_id=data["device_id"], seq=2, hash_=data["hash"], keyed_from=1)
    path.write_bytes((other / audit.CHECKPOINT_FILENAME).read_bytes())  # signed by another installation
    assert verify(trail).reason == "checkpoint_forged"
    path.unlink()
    assert verify(trail).reason == "checkpoint_missing"
    path.write_bytes(good)
    assert verify(trail).ok


def test_a_lost_key_is_not_re_created_and_the_trail_says_so(trail, data_dir, uow_factory):
    from mpp_desk.audit import AuditKeyProblem

    (data_dir / "keys" / audit.KEY_FILENAME).unlink()
    audit.forget_key(data_dir)
    assert verify(trail).reason == "key_missing"
    with pytest.raises(AuditKeyProblem, match="restore the key file from the backup"):
        with uow_factory() as uow:
            audit.record(uow, action="test.after")
    assert not (data_dir / "keys" / audit.KEY_FILENAME).exists()


def test_an_old_unkeyed_trail_is_checked_once_then_continued_keyed(trail, data_dir, uow_factory):
    # make it look like a database written before the key existed
    (data_dir / "keys" / audit.KEY_FILENAME).unlink()
    (data_dir / audit.CHECKPOINT_FILENAME).unlink()
    audit.forget_key(data_dir)
    sql(trail, ("DELETE FROM local_state WHERE key = ?", (audit.KEYED_FROM_KEY,)))
    rebuild(trail)
    assert verify(trail).ok  # an old trail as it was: plain hashes
    with uow_factory() as uow:
        audit.record(uow, action="test.after_upgrade")
        uow.commit()
    with uow_factory(write=False) as uow:
        entries = list(uow.session.scalars(select(AuditEntry).order_by(AuditEntry.seq)))
        keyed_from = uow.session.get(LocalState, audit.KEYED_FROM_KEY).value
    assert keyed_from == str(N + 1)
    assert [e.action for e in entries[N:]] == ["audit.chain_keyed", "test.after_upgrade"]
    assert entries[N].details["legacy_entries"] == N and entries[N].details["legacy_intact"] is True
    assert json.loads((data_dir / audit.CHECKPOINT_FILENAME).read_text())["keyed_from"] == N + 1
    assert verify(trail).ok and verify(trail).checked == N + 2
    # the old entries are covered too: rewriting one and re-hashing the old part breaks the first keyed link
    rebuild(trail, lambda rows: [{**r, "summary": "changed"} if r["seq"] == 2 else r for r in rows])
    assert not verify(trail).ok
