"""Each device's audit chain, verified on arrival (docs/sync.md, "Audit chains").

A PC's audit trail (:mod:`mpp_desk.audit`) is one chain per PC: ``seq`` 1, 2, 3 ..., each entry's
``prev_hash`` the ``hash`` of the one before, ``hash`` an HMAC-SHA256 with the PC's own audit key
(plain SHA-256 before ``keyed_from``), and the newest link anchored in a checkpoint signed with the
installation's Ed25519 key.

At join (and on the next sync of a PC joined earlier) the PC registers its verification material
(``POST /v1/audit/key``): its chain id (the device id stamped in its rows), the audit key, the first
keyed ``seq`` and its Ed25519 public key. The server keeps the audit key wrapped (AES-GCM under a key
derived from ``MPP_CENTRAL_SECRET_KEY``), never in the clear, and the first registration of a chain
holds: a different key later is refused (409) and raised as an alert.

On every push the server checks each new audit entry of a chain against the head it holds: the next
``seq`` (a higher one is a **gap**: entries removed; a lower one a **reordering**), the link to the
previous hash (**broken_link**), the entry's own hash recomputed with the registered key
(**altered**), and the hash recorded by a checkpoint at that ``seq`` (**checkpoint_mismatch**). A
break does not refuse the entry (it is evidence, and the PC's records must keep flowing): it is
stored, the head moves on, and an alert is written for the supervisor (``GET /v1/audit/alerts``,
``mpp-central audit alerts``). Each signed checkpoint the PC sends after pushing
(``POST /v1/audit/checkpoint``) is verified with the registered public key and kept; one older than
a checkpoint already kept is a **rolled_back** alert, one whose signature fails **checkpoint_forged**.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import os
import uuid
from dataclasses import dataclass, field
from typing import Any

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import Integer, and_, insert, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.engine import Connection

from mpp_desk.server.devices import Device
from mpp_desk.sync.schemas import audit_key_fingerprint
from mpp_desk.server.tables import audit_alerts, audit_chains, audit_checkpoints, audit_keys, record_keys, records
from mpp_desk import audit, signing
from mpp_desk.models import AuditEntry
from mpp_desk.sync import entities

ENTITY = "audit_entry"
GENESIS = "0" * 64
_WRAP_INFO = b"mpp-central audit-key wrap 1"

REASONS = {
    "gap": "entries {first} to {last} of this PC's audit trail never arrived (removed before sending)",
    "reordered": "entry {seq} arrived after entry {head}: the trail was reordered",
    "broken_link": "entry {seq} does not link to entry {previous} the server holds (replaced or removed)",
    "altered": "entry {seq} does not match its own hash: altered after it was written",
    "checkpoint_mismatch": "entry {seq} is not the one the PC's signed checkpoint recorded",
    "rolled_back": "the PC's checkpoint is at entry {seq}, behind entry {kept} it signed earlier "
                   "(its database was rolled back or replaced)",
    "checkpoint_forged": "the checkpoint is not signed by the key this PC registered ({why})",
    "key_changed": "the PC sent another audit key than the one it registered",
}


class AuditChainError(Exception):
    """A refused request; ``alert`` (if any) is written by the caller in its own transaction (kept)."""

    def __init__(self, message: str, status: int = 422, alert: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.alert = alert


def record_alert(conn: Connection, alert: dict[str, Any]) -> None:
    conn.execute(insert(audit_alerts).values(**alert))


def fingerprint(key: bytes) -> str:
    return audit_key_fingerprint(key)


def _wrapping_key(secret: bytes) -> bytes:
    return hmac.new(secret, _WRAP_INFO, hashlib.sha256).digest()


def wrap(secret: bytes, key: bytes, chain_id: str) -> bytes:
    nonce = os.urandom(12)
    return nonce + AESGCM(_wrapping_key(secret)).encrypt(nonce, key, chain_id.encode())


def unwrap(secret: bytes, blob: bytes, chain_id: str) -> bytes | None:
    try:
        return AESGCM(_wrapping_key(secret)).decrypt(blob[:12], blob[12:], chain_id.encode())
    except Exception:  # noqa: BLE001 - another secret (rotated): the chain is checked for its links only
        return None


def _alert(chain_id: str, device: Device, reason: str, *, seq: int | None = None, entry_id: Any = None,
           **params: Any) -> dict[str, Any]:
    return dict(chain_id=chain_id, device_id=device.id, seq=seq, entry_id=entry_id, reason=reason,
                detail=REASONS[reason].format(seq=seq, **params))


# -- registration --------------------------------------------------------------------------------


def register(conn: Connection, secret: bytes, device: Device, *, chain_id: str, key_b64: str | None,
             keyed_from: int, public_key: str | None) -> dict[str, Any]:
    """Keep the device's verification material for its own chain; the first registration holds."""
    if not device.local_device_id or chain_id != device.local_device_id:
        raise AuditChainError("a device registers only its own audit trail (the device id it joined with)", 403)
    key = None
    if key_b64:
        try:
            key = base64.b64decode(key_b64, validate=True)
        except (binascii.Error, ValueError):
            key = None
        if key is None or len(key) != 32:
            raise AuditChainError("the audit key must be 32 bytes, base64")
    if public_key:
        try:
            signing.load_public_key(public_key)
        except Exception as exc:  # noqa: BLE001 - any unreadable key is bad input
            raise AuditChainError("the public key is not an Ed25519 PEM key") from exc
    row = conn.execute(select(audit_keys).where(audit_keys.c.chain_id == chain_id).with_for_update()).first()
    print_ = fingerprint(key) if key else ""
    if row is None:
        conn.execute(insert(audit_keys).values(
            chain_id=chain_id, device_id=device.id, key_fingerprint=print_, keyed_from=max(1, keyed_from),
            wrapped_key=wrap(secret, key, chain_id) if key else None, public_key=public_key or None))
        return {"chain_id": chain_id, "registered": True, "fingerprint": print_}
    changes: dict[str, Any] = {}
    if key and row.key_fingerprint and row.key_fingerprint != print_:
        raise AuditChainError("this PC's audit trail was registered with another key; the server keeps the first "
                              "one (restore keys/audit_hmac.key from the backup)", 409,
                              alert=_alert(chain_id, device, "key_changed"))
    if key and not row.key_fingerprint:
        changes.update(key_fingerprint=print_, wrapped_key=wrap(secret, key, chain_id), keyed_from=max(1, keyed_from))
    if public_key and not row.public_key:
        changes["public_key"] = public_key
    if changes:
        conn.execute(update(audit_keys).where(audit_keys.c.chain_id == chain_id).values(**changes))
    return {"chain_id": chain_id, "registered": False, "fingerprint": row.key_fingerprint or print_}


# -- entries on arrival ----------------------------------------------------------------------------


@dataclass
class _Chain:
    last_seq: int = 0
    last_hash: str = GENESIS
    key: bytes | None = None
    keyed_from: int | None = None  # None: nothing registered, links only
    anchors: dict[int, str] = field(default_factory=dict)  # seq -> hash recorded by a checkpoint
    changed: bool = False
    known: bool = False


class ChainCheck:
    """The chains a batch touches: loaded once, checked in memory, heads and alerts written in bulk."""

    def __init__(self, conn: Connection, device: Device, secret: bytes | None, chain_ids: set[str]) -> None:
        self.conn = conn
        self.device = device
        self.chains: dict[str, _Chain] = {c: _Chain() for c in chain_ids}
        self.alerts: list[dict[str, Any]] = []
        if not chain_ids:
            return
        ids = sorted(chain_ids)
        for row in conn.execute(select(audit_chains).where(audit_chains.c.chain_id.in_(ids)).with_for_update()):
            chain = self.chains[row.chain_id]
            chain.last_seq, chain.last_hash, chain.known = row.last_seq, row.last_hash, True
        for row in conn.execute(select(audit_keys).where(audit_keys.c.chain_id.in_(ids))):
            chain = self.chains[row.chain_id]
            chain.keyed_from = row.keyed_from
            if row.wrapped_key is not None and secret is not None:
                chain.key = unwrap(secret, row.wrapped_key, row.chain_id)
        for row in conn.execute(select(audit_checkpoints.c.chain_id, audit_checkpoints.c.seq, audit_checkpoints.c.hash)
                                .where(audit_checkpoints.c.chain_id.in_(ids))):
            chain = self.chains[row.chain_id]
            if chain.last_seq < row.seq:
                chain.anchors[row.seq] = row.hash

    def check(self, payload: dict[str, Any]) -> None:
        """One new entry (accepted by the push rules), in the order the device wrote it."""
        chain_id, seq = str(payload.get("device_id")), int(payload.get("seq") or 0)
        chain = self.chains.get(chain_id)
        if chain is None:
            return
        entry_id, hash_, prev = payload.get("id"), payload.get("hash"), payload.get("prev_hash")

        def alert(reason: str, **params: Any) -> None:
            self.alerts.append(_alert(chain_id, self.device, reason, seq=seq, entry_id=entry_id, **params))

        if not chain.known:
            if seq > 1:  # a chain whose entries arrived before the server kept heads
                chain.last_seq, chain.last_hash = _held_head(self.conn, chain_id)
            chain.known = True
        if seq <= chain.last_seq:
            alert("reordered", head=chain.last_seq)
            return  # the head stays where it was
        if not _hash_holds(payload, chain):
            alert("altered")
        if seq > chain.last_seq + 1:
            alert("gap", first=chain.last_seq + 1, last=seq - 1)
        elif prev != chain.last_hash:
            alert("broken_link", previous=chain.last_seq)
        anchored = chain.anchors.get(seq)
        if anchored is not None and anchored != hash_:
            alert("checkpoint_mismatch")
        chain.last_seq, chain.last_hash, chain.changed = seq, str(hash_), True

    def write(self) -> None:
        heads = [dict(chain_id=c, last_seq=ch.last_seq, last_hash=ch.last_hash)
                 for c, ch in self.chains.items() if ch.changed]
        if heads:
            stmt = pg_insert(audit_chains)
            self.conn.execute(stmt.on_conflict_do_update(
                index_elements=[audit_chains.c.chain_id],
                set_={"last_seq": stmt.excluded.last_seq, "last_hash": stmt.excluded.last_hash,
                      "updated_at": stmt.excluded.updated_at}), heads)
        if self.alerts:
            self.conn.execute(insert(audit_alerts), self.alerts)


def _hash_holds(payload: dict[str, Any], chain: _Chain) -> bool:
    """The entry's hash recomputed: with the registered key (any seq), or plain SHA-256 before ``keyed_from``."""
    if chain.keyed_from is None:
        return True  # nothing registered for this chain: its links are checked, not its hashes

    try:
        entry = AuditEntry(**entities.decode(entities.ENTITIES[ENTITY].table, payload))
    except (TypeError, ValueError):
        return False
    claimed = str(payload.get("hash"))
    if chain.key is not None and hmac.compare_digest(audit.compute_hash(entry, chain.key), claimed):
        return True
    if entry.seq < chain.keyed_from:  # written before the PC had its key: plain SHA-256
        return hmac.compare_digest(audit.compute_hash(entry, None), claimed)
    return chain.key is None  # no key sent yet, or one this server cannot unwrap (secret rotated): links only


# -- checkpoints ------------------------------------------------------------------------------------


def receive_checkpoint(conn: Connection, device: Device, signed: dict[str, Any]) -> dict[str, Any]:
    """Verify and keep a signed checkpoint of the device's own chain; alerts for a forged or older one."""
    chain_id = str(signed.get("device_id", ""))
    if not device.local_device_id or chain_id != device.local_device_id:
        raise AuditChainError("a device sends only its own audit checkpoint", 403)
    try:
        seq, hash_, keyed_from = int(signed["seq"]), str(signed["hash"]), int(signed["keyed_from"])
        signature = base64.b64decode(signed["sig"], validate=True)
        text = audit._checkpoint_text(signed).encode("utf-8")
    except (KeyError, TypeError, ValueError, binascii.Error) as exc:
        raise AuditChainError(f"malformed checkpoint: {exc}") from exc
    registered = conn.execute(select(audit_keys.c.public_key).where(audit_keys.c.chain_id == chain_id)).scalar()
    if not registered:
        raise AuditChainError("register this PC's audit key first (POST /v1/audit/key)", 409)
    public = signing.load_public_key(registered)
    why = None
    if signed.get("key_id") != signing.key_id_of(public):
        why = "another key id"
    else:
        try:
            public.verify(signature, audit.CHECKPOINT_DOMAIN + text)
        except Exception:  # noqa: BLE001 - InvalidSignature and friends: the same verdict
            why = "the signature does not hold"
    alerts: list[dict[str, Any]] = []
    if why is not None:
        alerts.append(_alert(chain_id, device, "checkpoint_forged", seq=seq, why=why))
    else:
        kept = conn.execute(select(audit_checkpoints.c.seq).where(audit_checkpoints.c.chain_id == chain_id)
                            .order_by(audit_checkpoints.c.seq.desc()).limit(1)).scalar()
        if kept is not None and seq < kept:
            alerts.append(_alert(chain_id, device, "rolled_back", seq=seq, kept=kept))
        held = _held_hash(conn, chain_id, seq)
        if held is not None and held != hash_:
            alerts.append(_alert(chain_id, device, "checkpoint_mismatch", seq=seq))
        conn.execute(pg_insert(audit_checkpoints).values(
            chain_id=chain_id, device_id=device.id, seq=seq, hash=hash_, keyed_from=keyed_from, signed=signed,
        ).on_conflict_do_nothing())
    if alerts:
        conn.execute(insert(audit_alerts), alerts)
    return {"stored": why is None, "alerts": [a["reason"] for a in alerts]}


def _held_head(conn: Connection, chain_id: str) -> tuple[int, str]:
    """The newest entry of a chain among the records (once per chain, for entries stored before heads were)."""
    seq = records.c.payload["seq"].astext.cast(Integer)
    row = conn.execute(select(seq.label("seq"), records.c.payload["hash"].astext.label("hash")).where(
        records.c.entity == ENTITY, records.c.payload["device_id"].astext == chain_id).order_by(seq.desc()).limit(1)).first()
    return (row.seq, row.hash) if row else (0, GENESIS)


def _held_hash(conn: Connection, chain_id: str, seq: int) -> str | None:
    owner = conn.execute(select(record_keys.c.entity_id).where(
        record_keys.c.entity == ENTITY, record_keys.c.key_name == "device_id,seq",
        record_keys.c.key_value == json.dumps([chain_id, seq]))).scalar()
    if owner is None:
        return None
    payload = conn.execute(select(records.c.payload).where(
        and_(records.c.entity == ENTITY, records.c.entity_id == owner))).scalar()
    return payload.get("hash") if payload else None


# -- reading ------------------------------------------------------------------------------------------


def list_alerts(conn: Connection, *, chain_id: str | None = None, device_id: uuid.UUID | None = None) -> list[dict]:
    query = select(audit_alerts).order_by(audit_alerts.c.id)
    if chain_id or device_id:
        query = query.where(or_(audit_alerts.c.chain_id == chain_id, audit_alerts.c.device_id == device_id))
    return [{"id": r.id, "chain_id": r.chain_id, "device_id": str(r.device_id), "seq": r.seq,
             "entry_id": str(r.entry_id) if r.entry_id else None, "reason": r.reason, "detail": r.detail,
             "created_at": r.created_at.isoformat()} for r in conn.execute(query)]


def list_checkpoints(conn: Connection, chain_id: str) -> list[dict]:
    return [{"seq": r.seq, "hash": r.hash, "keyed_from": r.keyed_from, "received_at": r.received_at.isoformat()}
            for r in conn.execute(select(audit_checkpoints).where(audit_checkpoints.c.chain_id == chain_id)
                                  .order_by(audit_checkpoints.c.id))]
