"""Each PC's audit chain is verified by the server on arrival: gaps, reorderings, altered entries, old checkpoints."""

from __future__ import annotations

import base64
import json
import secrets
import sqlite3

import pytest
from sqlalchemy import create_engine, select

from mpp_desk import audit
from mpp_desk.paths import database_path
from mpp_desk.server.tables import audit_chains, audit_checkpoints, audit_keys
from mpp_desk.sync import client
from mpp_desk.sync.schemas import AuditCheckpoint, AuditKeyRequest
from tests.server.conftest import central, desk_json, enroll
from tests.server.test_sync_two_pcs import officer


def alerts(server_db) -> list[dict]:
    status, out, err = central("audit", "alerts", "--database", server_db, "--json")
    assert status == 0, err
    return json.loads(out)["alerts"]


def rows(server_db, query):
    engine = create_engine(server_db.replace("postgresql://", "postgresql+psycopg://"))
    try:
        with engine.connect() as conn:
            return list(conn.execute(query))
    finally:
        engine.dispose()


def waiting_audit_entries(ctx) -> list[tuple[int, dict]]:
    """(outbox seq, payload) of this PC's own audit entries not sent yet, oldest first."""
    con = sqlite3.connect(database_path(ctx.data_dir))
    try:
        found = con.execute("SELECT seq, payload FROM sync_outbox WHERE entity = 'audit_entry' AND pushed_at IS NULL "
                            "ORDER BY seq").fetchall()
    finally:
        con.close()
    return [(seq, json.loads(payload)) for seq, payload in found if json.loads(payload)["device_id"] == ctx.db.device_id]


def tamper(ctx, *statements: tuple[str, tuple]) -> None:
    """Edit the PC's database file behind the program's back, as someone with the file could."""
    con = sqlite3.connect(database_path(ctx.data_dir))
    try:
        for sql, params in statements:
            con.execute(sql, params)
        con.commit()
    finally:
        con.close()


@pytest.fixture
def joined_pc(server, server_db, make_pc):
    pc = make_pc("loket")
    desk_json(pc, "sync", "join", server, enroll(server_db, "loket-1", "counter"))
    return pc


def test_an_intact_chain_arrives_without_alerts_and_its_checkpoints_are_kept(joined_pc, server_db):
    for name in ("budi", "sari", "tono"):
        officer(joined_pc, name)
    assert desk_json(joined_pc, "sync", "now")["pending"] == 0
    assert alerts(server_db) == []
    chain = joined_pc.db.device_id
    (head,) = rows(server_db, select(audit_chains).where(audit_chains.c.chain_id == chain))
    checkpoint = audit.read_checkpoint(joined_pc.data_dir)
    assert (head.last_seq, head.last_hash) == (checkpoint["seq"], checkpoint["hash"])
    kept = rows(server_db, select(audit_checkpoints.c.seq, audit_checkpoints.c.hash)
                .where(audit_checkpoints.c.chain_id == chain))
    assert (checkpoint["seq"], checkpoint["hash"]) in [(r.seq, r.hash) for r in kept]
    (key,) = rows(server_db, select(audit_keys).where(audit_keys.c.chain_id == chain))
    raw = audit._load_key(joined_pc.data_dir)
    assert key.wrapped_key and raw not in bytes(key.wrapped_key)  # kept wrapped, never in the clear
    assert key.public_key.startswith("-----BEGIN PUBLIC KEY-----")


def test_an_altered_and_a_removed_entry_are_reported_and_the_rest_lands(joined_pc, server, server_db, make_pc):
    for name in ("budi", "sari", "tono", "wati"):
        officer(joined_pc, name)
    entries = waiting_audit_entries(joined_pc)
    assert len(entries) >= 4
    (_, first), (altered_seq, altered), (removed_seq, removed), *_rest = entries[-4:]
    changed = {**altered, "summary": "tidak pernah terjadi"}
    tamper(joined_pc,
           ("UPDATE sync_outbox SET payload = ? WHERE seq = ?", (json.dumps(changed), altered_seq)),
           ("DELETE FROM sync_outbox WHERE seq = ?", (removed_seq,)))
    assert desk_json(joined_pc, "sync", "now")["pending"] == 0  # the records still flow
    found = {(a["reason"], a["seq"]) for a in alerts(server_db)}
    assert ("altered", altered["seq"]) in found
    assert ("gap", removed["seq"] + 1) in found  # the entry after the hole names it
    assert all(a["chain_id"] == joined_pc.db.device_id for a in alerts(server_db))
    assert not any(seq == first["seq"] for _, seq in found)  # the untouched ones are not accused
    boss = make_pc("boss")  # the supervisor sees them in the sync area
    desk_json(boss, "sync", "join", server, enroll(server_db, "kepala-pc", "supervisor"))
    from mpp_desk.roles import Role
    from mpp_desk.ui.ops import sync as ops

    shown = ops.oversight(boss, actor=officer(boss, "lurah", Role.SUPERVISOR)).alerts
    assert {(a.device, a.seq, a.reason) for a in shown} >= {("loket-1", altered["seq"], "altered")}


def test_entries_sent_out_of_order_are_a_reordering(joined_pc, server_db):
    for name in ("budi", "sari"):
        officer(joined_pc, name)
    (a_seq, a), (b_seq, b) = waiting_audit_entries(joined_pc)[-2:]
    tamper(joined_pc,  # swap the two entries' places in the outbox (each keeps its own content)
           ("UPDATE sync_outbox SET seq = -1 WHERE seq = ?", (a_seq,)),
           ("UPDATE sync_outbox SET seq = ? WHERE seq = ?", (a_seq, b_seq)),
           ("UPDATE sync_outbox SET seq = ? WHERE seq = -1", (b_seq,)),
           ("UPDATE sync_outbox SET tx_id = NULL WHERE seq IN (?, ?)", (a_seq, b_seq)))
    desk_json(joined_pc, "sync", "now")
    found = {(x["reason"], x["seq"]) for x in alerts(server_db)}
    assert ("gap", b["seq"]) in found and ("reordered", a["seq"]) in found


def test_an_older_or_forged_checkpoint_and_another_key_are_alerts(joined_pc, server_db):
    officer(joined_pc, "budi")
    desk_json(joined_pc, "sync", "now")
    early = audit.read_checkpoint(joined_pc.data_dir)
    officer(joined_pc, "sari")
    desk_json(joined_pc, "sync", "now")
    assert alerts(server_db) == []
    joined = client.load_joined(joined_pc.data_dir)
    with client.ServerApi(joined.url, joined.credential) as api:
        answer = api.audit_checkpoint(AuditCheckpoint.model_validate(early))  # the PC rolled back to an old copy
        assert answer["alerts"] == ["rolled_back"]
        forged = {**audit.read_checkpoint(joined_pc.data_dir), "seq": 999}
        assert api.audit_checkpoint(AuditCheckpoint.model_validate(forged)) == {"stored": False,
                                                                               "alerts": ["checkpoint_forged"]}
        other = AuditKeyRequest(chain_id=joined_pc.db.device_id, key=base64.b64encode(secrets.token_bytes(32)).decode())
        with pytest.raises(client.SyncRefused):
            api.register_audit(other)
        stranger = AuditKeyRequest(chain_id="another-pc", key=base64.b64encode(secrets.token_bytes(32)).decode())
        with pytest.raises(client.SyncRefused):  # 403: only its own chain
            api.register_audit(stranger)
    reasons = [a["reason"] for a in alerts(server_db)]
    assert sorted(reasons) == ["checkpoint_forged", "key_changed", "rolled_back"]
    (key,) = rows(server_db, select(audit_keys.c.key_fingerprint).where(audit_keys.c.chain_id == joined_pc.db.device_id))
    assert key.key_fingerprint == client.audit_key_fingerprint(audit._load_key(joined_pc.data_dir))  # the first holds
