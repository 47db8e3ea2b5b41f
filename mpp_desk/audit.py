"""The audit trail: every change of consequence, written in the same transaction as the change.

Entries form one hash chain per device, ordered by ``seq`` (1, 2, 3 ... on that device;
device clocks order nothing). ``hash`` is SHA-256 over a canonical JSON of the entry's
own fields and ``prev_hash``, so altering, removing or reordering a row breaks the
chain, and :func:`verify` names the first broken link. The newest link of this device's
chain is also kept in ``local_state`` (key ``audit.head``), so removing the newest
entries is noticed too.

Write transactions start with ``BEGIN IMMEDIATE``, so reading the last entry inside
the transaction is safe with several processes on one database; the unique
``(device_id, seq)`` constraint is the backstop.

Never put personal data (names, NIK, phone numbers, addresses) into ``summary`` or
``details``: name records by id and fields by name.

Keyed and anchored outside the database. Anyone who can edit the database file could delete
entries or rewrite them and recompute plain hashes, so the chain is keyed and its head is kept
outside the file too:

- ``hash`` is HMAC-SHA256 with a secret in the data folder (``keys/audit_hmac.key``, 32 random
  bytes, mode 0600, beside the signing key; never in the database), so an entry cannot be
  rewritten and re-hashed without that file.
- after every commit that appended entries, ``audit-checkpoint.json`` in the data folder is
  replaced by a checkpoint signed with the installation's Ed25519 key: device, the last ``seq``
  and its ``hash``, and ``keyed_from``. :func:`verify` reports a chain shorter than the checkpoint
  (entries deleted, the database rolled back to an older copy) or a different entry at its place.

Databases written before the key existed: the first entry written afterwards checks the old,
unkeyed chain once, records ``keyed_from`` (the first keyed ``seq``, in ``local_state`` and in the
signed checkpoint) and writes an ``audit.chain_keyed`` entry saying how many old entries there
were and whether they were intact. Entries before ``keyed_from`` keep their plain SHA-256 hashes;
the first keyed entry links to the last of them, so they cannot be rewritten either.

Limits: whoever holds the whole data folder (database, key files and checkpoint) can still
rebuild everything; the central server will keep the checkpoints later. A lost key file is never
re-created once entries were keyed (restore it from the backup). Chains of other devices (pulled
by sync) are keyed with their own installation's secret, so here only their links are checked.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import json
import logging
import os
import secrets
import threading
import uuid
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Iterable

from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session

from mpp_desk.errors import UserError
from mpp_desk.i18n import N_, translate
from mpp_desk.models import AuditEntry, LocalState
from mpp_desk.models.base import utcnow
from mpp_desk.roles import SYSTEM_USERNAME, Actor, Permission, require
from mpp_desk.uow import UnitOfWork, _jsonable
from mpp_desk import signing

log = logging.getLogger(__name__)

GENESIS = "0" * 64
HEAD_KEY = "audit.head"
KEYED_FROM_KEY = "audit.keyed_from"  # local_state: the first seq hashed with the key
KEY_FILENAME = "audit_hmac.key"
CHECKPOINT_FILENAME = "audit-checkpoint.json"
HMAC_DOMAIN = b"mpp-audit1."
CHECKPOINT_DOMAIN = b"mpp-audit-checkpoint1."
ANONYMOUS = "anonymous"  # actor name of entries nobody can be named for (failed sign-ins)
SUMMARY_MAX = 500

# Field names whose values never go into an audit entry (only the fact that they changed).
ALWAYS_REDACTED = frozenset({"password_hash", "pin_hash", "full_name", "nik", "npwp", "phone", "email", "address"})


def canonical(entry: AuditEntry) -> str:
    """The exact text that is hashed: the entry's own fields in a fixed form."""
    fields = {
        "id": str(entry.id),
        "device_id": entry.device_id,
        "seq": entry.seq,
        "at": _at_text(entry.at),
        "actor_id": str(entry.actor_id) if entry.actor_id is not None else None,
        "actor_username": entry.actor_username,
        "action": entry.action,
        "entity": entry.entity,
        "entity_id": entry.entity_id,
        "summary": entry.summary,
        "details": entry.details if entry.details is not None else {},
        "prev_hash": entry.prev_hash,
    }
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def compute_hash(entry: AuditEntry, key: bytes | None = None) -> str:
    """HMAC-SHA256 of the canonical text with *key*; plain SHA-256 for entries written before the key."""
    return _digest(canonical(entry), key)


def _digest(text: str, key: bytes | None) -> str:
    if key is None:
        return hashlib.sha256(text.encode("utf-8")).hexdigest()
    return hmac.new(key, HMAC_DOMAIN + text.encode("utf-8"), hashlib.sha256).hexdigest()


class AuditKeyProblem(UserError):
    """The audit trail's key file is missing or damaged: nothing is written until it is restored."""


KEY_MISSING = N_(
    "errors",
    "The audit trail's key file is missing ({path}). No new key is made, because the entries already written "
    "can only be checked with the original. IT staff: please restore the key file from the backup.",
)
KEY_DAMAGED = N_(
    "errors",
    "The audit trail's key file {path} is damaged. IT staff: please restore the key file from the backup.",
)


def data_folder(uow: UnitOfWork) -> Path:
    """The data folder of the unit of work's database (the key and the checkpoint live there)."""
    return Path(uow.db.path).parent


def key_file(data_dir: Path) -> Path:
    return data_dir / "keys" / KEY_FILENAME


def checkpoint_file(data_dir: Path) -> Path:
    return data_dir / CHECKPOINT_FILENAME


_keys: dict[Path, bytes] = {}
_keys_lock = threading.Lock()


def _load_key(data_dir: Path) -> bytes | None:
    """The audit key of *data_dir* (None when there is no key file)."""
    path = key_file(data_dir)
    with _keys_lock:
        if path in _keys:
            return _keys[path]
        try:
            key = path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise AuditKeyProblem(KEY_DAMAGED, path=str(path)) from exc
        if len(key) != 32:
            raise AuditKeyProblem(KEY_DAMAGED, path=str(path))
        _keys[path] = key
        return key


def _create_key(data_dir: Path) -> bytes:
    """Make the key file (0600); if another process made it first, use that one."""
    path = key_file(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.chmod(path.parent, 0o700)
    except OSError:
        pass
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{uuid.uuid4().hex}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(secrets.token_bytes(32))
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass
    finally:
        tmp.unlink(missing_ok=True)
    key = _load_key(data_dir)
    assert key is not None
    return key


def forget_key(data_dir: Path) -> None:
    """Drop the cached key (tests; after a restore)."""
    with _keys_lock:
        _keys.pop(key_file(Path(data_dir)), None)


def _writing_key(uow: UnitOfWork) -> bytes:
    """The key new entries are hashed with; the first time, start the keyed chain (see the module doc)."""
    data_dir = data_folder(uow)
    key = _load_key(data_dir)
    if key is not None:
        return key
    session = _session(uow)
    if checkpoint_file(data_dir).exists() or session.get(LocalState, KEYED_FROM_KEY) is not None:
        raise AuditKeyProblem(KEY_MISSING, path=str(key_file(data_dir)))
    legacy = _verify_chain(session, uow.device_id, _head_value(session), key=None, keyed_from=None)
    last = session.scalar(select(func.max(AuditEntry.seq)).where(AuditEntry.device_id == uow.device_id)) or 0
    key = _create_key(data_dir)
    session.add(LocalState(key=KEYED_FROM_KEY, value=str(last + 1)))
    session.flush()
    if last:
        log.warning("audit trail: %d unkeyed entries (intact: %s); keyed from entry %d on",
                    last, legacy.ok, last + 1)
        record(uow, action="audit.chain_keyed", summary=f"entries from {last + 1} on are keyed",
               details={"legacy_entries": last, "legacy_intact": legacy.ok, "legacy_reason": legacy.reason})
    return key


def _head_value(session: Session) -> str | None:
    stored = session.get(LocalState, HEAD_KEY)
    return stored.value if stored is not None else None


def _at_text(at: dt.datetime) -> str:
    return at.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _session(uow: UnitOfWork) -> Session:
    assert uow.session is not None, "use the unit of work inside its with-block"
    return uow.session


def record(
    uow: UnitOfWork,
    *,
    action: str,
    entity: str | None = None,
    entity_id: object | None = None,
    summary: str = "",
    details: dict[str, Any] | None = None,
    actor: Actor | None = None,
    anonymous: bool = False,
) -> AuditEntry:
    """Append one chained entry in the unit of work's transaction (the caller commits).

    *actor* defaults to ``uow.actor``; with neither, the entry names the system.
    ``anonymous=True`` names nobody (a failed sign-in: whoever typed is not known). No
    personal data in *summary* or *details*.
    """
    if not uow.write:
        raise RuntimeError("audit.record needs a write unit of work (BEGIN IMMEDIATE keeps the chain linear)")
    session = _session(uow)
    who = None if anonymous else (actor if actor is not None else uow.actor)
    device_id = uow.device_id
    key = _writing_key(uow)
    last = session.execute(
        select(AuditEntry.seq, AuditEntry.hash)
        .where(AuditEntry.device_id == device_id)
        .order_by(AuditEntry.seq.desc())
        .limit(1)
    ).first()
    seq, prev_hash = (last[0] + 1, last[1]) if last else (1, GENESIS)
    stamp = utcnow()
    entry = AuditEntry(
        id=uuid.uuid4(),
        device_id=device_id,
        seq=seq,
        at=stamp,
        created_at=stamp,
        actor_id=who.user_id if who is not None else None,
        actor_username=who.username if who is not None else (ANONYMOUS if anonymous else SYSTEM_USERNAME),
        action=action,
        entity=entity,
        entity_id=str(entity_id) if entity_id is not None else None,
        summary=summary[:SUMMARY_MAX],
        details=_canonical_details(details or {}),
        prev_hash=prev_hash,
    )
    entry.hash = compute_hash(entry, key)
    session.add(entry)
    head = session.get(LocalState, HEAD_KEY)
    if head is None:
        session.add(LocalState(key=HEAD_KEY, value=f"{seq}:{entry.hash}"))
    else:
        head.value = f"{seq}:{entry.hash}"
    session.flush()
    session.info["audit_head"] = (device_id, seq, entry.hash)
    return entry


# --- the signed checkpoint outside the database --------------------------------------------


def after_commit(uow: UnitOfWork) -> None:
    """Called by :meth:`UnitOfWork.commit`: anchor the newest entry in the checkpoint file.

    Never raises (the change is committed already); a checkpoint that could not be written is
    logged, and a checkpoint that lags behind the database is not an alarm (only a chain shorter
    than the checkpoint, or a different entry at its place, is).
    """
    session = _session(uow)
    head = session.info.pop("audit_head", None)
    if head is None:
        return
    device_id, seq, hash_ = head
    data_dir = data_folder(uow)
    try:
        keyed_from = session.get(LocalState, KEYED_FROM_KEY)
        current = read_checkpoint(data_dir)
        if current is not None and current.get("device_id") == device_id and int(current.get("seq", 0)) >= seq:
            return  # another process anchored a later entry already
        write_checkpoint(data_dir, device_id=device_id, seq=seq, hash_=hash_,
                         keyed_from=int(keyed_from.value) if keyed_from is not None else 1, database=uow.db.path)
    except Exception:  # noqa: BLE001 - committed already; the next commit writes it again
        log.exception("audit checkpoint not written")


def write_checkpoint(data_dir: Path, *, device_id: str, seq: int, hash_: str, keyed_from: int,
                     database: Path | str | None = None) -> None:
    signer = signing.Signer.for_data_dir(data_dir, database=database)
    body = {"v": 1, "device_id": device_id, "seq": seq, "hash": hash_, "keyed_from": keyed_from,
            "key_id": signer.key_id}
    text = _checkpoint_text(body)
    signature = signer.sign_bytes(CHECKPOINT_DOMAIN + text.encode("utf-8"))
    data = json.dumps({**body, "sig": base64.b64encode(signature).decode("ascii")}, sort_keys=True).encode()
    path = checkpoint_file(data_dir)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{uuid.uuid4().hex}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def read_checkpoint(data_dir: Path) -> dict[str, Any] | None:
    """The checkpoint as written (not checked); None when there is none or it cannot be parsed."""
    try:
        data = json.loads(checkpoint_file(data_dir).read_bytes())
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        return {"damaged": True}
    return data if isinstance(data, dict) else {"damaged": True}


def _checkpoint_text(body: dict[str, Any]) -> str:
    return json.dumps({k: body[k] for k in ("v", "device_id", "seq", "hash", "keyed_from", "key_id")},
                      sort_keys=True, separators=(",", ":"))


def _checked_checkpoint(uow: UnitOfWork, data_dir: Path) -> tuple[dict[str, Any] | None, str | None]:
    """(checkpoint, None) when it is genuine, (None, reason) when it is not, (None, None) when there is none."""
    data = read_checkpoint(data_dir)
    if data is None:
        return None, None
    try:
        signer = signing.Signer.for_data_dir(data_dir, database=uow.db.path)
        signature = base64.b64decode(data["sig"], validate=True)
        if data.get("key_id") != signer.key_id:
            return None, "checkpoint_forged"
        signer.public_key.verify(signature, CHECKPOINT_DOMAIN + _checkpoint_text(data).encode("utf-8"))
        int(data["seq"])  # both numbers, or the checkpoint is damaged
        int(data["keyed_from"])
    except signing.SigningKeyProblem:
        return None, "checkpoint_unchecked"
    except Exception:  # noqa: BLE001 - damaged, forged or incomplete: the same verdict
        return None, "checkpoint_forged"
    if data["device_id"] != uow.device_id:
        return None, "checkpoint_forged"
    return data, None


def _canonical_details(details: dict[str, Any]) -> dict[str, Any]:
    # A JSON round trip now, so the hash is computed over exactly what the database returns.
    return json.loads(json.dumps(_jsonable(details), sort_keys=True, ensure_ascii=False))


def changes(row: object, *, redact: Iterable[str] = ()) -> dict[str, Any]:
    """The columns of *row* changed in this unit of work: ``{"field": {"old": .., "new": ..}}``.

    Call it before the flush. Fields in *redact* (and :data:`ALWAYS_REDACTED`) show as
    ``{"redacted": true}``: the fact of the change without the values.
    """
    hidden = ALWAYS_REDACTED | frozenset(redact)
    state = inspect(row)
    out: dict[str, Any] = {}
    skip = {"version", "updated_at", "created_at", "device_id"}
    for attr in state.mapper.column_attrs:
        if attr.key in skip:
            continue
        hist = state.attrs[attr.key].history
        if not hist.has_changes():
            continue
        if attr.key in hidden:
            out[attr.key] = {"redacted": True}
            continue
        old = hist.deleted[0] if hist.deleted else None
        new = hist.added[0] if hist.added else None
        if old == new:
            continue
        out[attr.key] = {"old": _jsonable(old), "new": _jsonable(new)}
    return out


def record_row(
    uow: UnitOfWork,
    *,
    action: str,
    row: Any,
    summary: str = "",
    redact: Iterable[str] = (),
    details: dict[str, Any] | None = None,
    actor: Actor | None = None,
) -> AuditEntry:
    """Audit a created or changed record: entity and id from the row, changed fields from its history.

    The generic helper for services: call it after changing *row* and before the flush,
    e.g. ``audit.record_row(uow, action="catalog.updated", row=standard, summary="annex 67")``.
    """
    extra = dict(details or {})
    changed = changes(row, redact=redact)
    if changed:
        extra.setdefault("changes", changed)
    return record(
        uow,
        action=action,
        entity=getattr(row, "__tablename__", type(row).__name__),
        entity_id=getattr(row, "id", None),
        summary=summary,
        details=extra,
        actor=actor,
    )


# --- verification -----------------------------------------------------------------------

REASONS: dict[str, str] = {
    "altered": N_("audit", "the entry was altered after it was written"),
    "reordered": N_("audit", "the entry was moved from position {original} in the chain"),
    "missing": N_("audit", "entries {first} to {last} before it were removed"),
    "broken_link": N_("audit", "it does not link to the entry before it (that entry was replaced or removed)"),
    "tail_missing": N_("audit", "the newest entries from number {first} on were removed"),
    "head_altered": N_("audit", "the newest entry does not match the one recorded when it was written"),
    "bad_start": N_("audit", "the first entry does not start the chain"),
    "checkpoint_mismatch": N_("audit", "entry {seq_number} is not the one the signed checkpoint recorded "
                                       "(rewritten, or the database was replaced by another copy)"),
    "checkpoint_missing": N_("audit", "the signed checkpoint file is missing from the data folder"),
    "checkpoint_forged": N_("audit", "the checkpoint file is damaged or not signed by this installation"),
    "checkpoint_unchecked": N_("audit", "the checkpoint cannot be checked: the signing key is missing or damaged"),
    "key_missing": N_("audit", "the audit trail's key file is missing: restore it from the backup"),
    "key_damaged": N_("audit", "the audit trail's key file is damaged: restore it from the backup"),
}


@dataclass(frozen=True)
class VerifyResult:
    """The outcome of :func:`verify`. When not ok, the ``first_broken_*`` fields name the link."""

    ok: bool
    checked: int
    first_broken_seq: int | None = None
    first_broken_id: uuid.UUID | None = None
    device_id: str | None = None
    action: str | None = None
    reason: str | None = None  # a key of REASONS
    params: tuple[tuple[str, object], ...] = ()

    def reason_text(self, language: str | None = None) -> str:
        if self.reason is None:
            return ""
        return translate("audit", REASONS[self.reason], language).format(**dict(self.params))

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "checked": self.checked,
            "first_broken_seq": self.first_broken_seq,
            "first_broken_id": str(self.first_broken_id) if self.first_broken_id else None,
            "device_id": self.device_id,
            "action": self.action,
            "reason": self.reason,
            "reason_text": self.reason_text(),
        }


def verify(uow: UnitOfWork) -> VerifyResult:
    """Check every device's chain; return the first broken link (this device's chain first).

    This device's chain is checked with the audit key and against the signed checkpoint; other
    devices' chains (their own keys) for their links only.
    """
    session = _session(uow)
    data_dir = data_folder(uow)
    devices = list(session.scalars(select(AuditEntry.device_id).distinct()))
    devices.sort(key=lambda d: (d != uow.device_id, d))
    if uow.device_id not in devices:
        devices.insert(0, uow.device_id)
    try:
        key = _load_key(data_dir)
    except AuditKeyProblem:
        return _problem(uow.device_id, "key_damaged")
    checkpoint, checkpoint_problem = _checked_checkpoint(uow, data_dir)
    stored_from = session.get(LocalState, KEYED_FROM_KEY)
    keyed = key is not None or checkpoint is not None or checkpoint_problem is not None or stored_from is not None
    own_last = session.scalar(select(func.max(AuditEntry.seq)).where(AuditEntry.device_id == uow.device_id)) or 0
    if keyed and key is None:
        return _problem(uow.device_id, "key_missing")
    if checkpoint_problem is not None:
        return _problem(uow.device_id, checkpoint_problem)
    keyed_from = int(checkpoint["keyed_from"]) if checkpoint is not None else (
        int(stored_from.value) if stored_from is not None and stored_from.value.isdigit() else 1)
    if keyed and checkpoint is None and own_last >= keyed_from:
        return _problem(uow.device_id, "checkpoint_missing")
    checked = 0
    for device in devices:
        if device == uow.device_id:
            result = _verify_chain(session, device, _head_value(session), key=key if keyed else None,
                                   keyed_from=keyed_from if keyed else None, checkpoint=checkpoint)
        else:
            result = _verify_chain(session, device, None, key=None, keyed_from=None, links_only=True)
        checked += result.checked
        if not result.ok:
            return replace(result, checked=checked)
    return VerifyResult(ok=True, checked=checked)


def _problem(device_id: str, reason: str) -> VerifyResult:
    return VerifyResult(ok=False, checked=0, device_id=device_id, reason=reason)


def _verify_chain(
    session: Session,
    device_id: str,
    head: str | None,
    *,
    key: bytes | None,
    keyed_from: int | None,
    checkpoint: dict[str, Any] | None = None,
    links_only: bool = False,
) -> VerifyResult:
    last_seq = session.scalar(select(func.max(AuditEntry.seq)).where(AuditEntry.device_id == device_id)) or 0
    rows = session.scalars(
        select(AuditEntry).where(AuditEntry.device_id == device_id).order_by(AuditEntry.seq)
    ).yield_per(500)
    expected_seq, expected_prev, checked = 1, GENESIS, 0
    anchor_seq = int(checkpoint["seq"]) if checkpoint is not None else 0
    anchor_hash: str | None = None

    def key_for(seq: int) -> bytes | None:
        return key if keyed_from is not None and seq >= keyed_from else None

    def broken(row: AuditEntry | None, reason: str, seq: int | None = None, **params: object) -> VerifyResult:
        return VerifyResult(
            ok=False,
            checked=checked,
            first_broken_seq=seq if seq is not None else (row.seq if row is not None else None),
            first_broken_id=row.id if row is not None else None,
            device_id=device_id,
            action=row.action if row is not None else None,
            reason=reason,
            params=tuple(params.items()),
        )

    last: AuditEntry | None = None
    for row in rows:
        if not links_only and compute_hash(row, key_for(row.seq)) != row.hash:
            original = _original_position(row, last_seq, key_for)
            if original is not None:
                return broken(row, "reordered", original=original)
            return broken(row, "altered")
        if row.seq > expected_seq:
            return broken(row, "missing", first=expected_seq, last=row.seq - 1)
        if row.prev_hash != expected_prev:
            return broken(row, "bad_start" if row.seq == 1 else "broken_link")
        if row.seq == anchor_seq:
            anchor_hash = row.hash
        checked += 1
        expected_seq, expected_prev, last = row.seq + 1, row.hash, row
    if checkpoint is not None:
        if anchor_seq >= expected_seq:
            return broken(None, "tail_missing", seq=expected_seq, first=expected_seq)
        if anchor_seq and anchor_hash != checkpoint["hash"]:
            return broken(None, "checkpoint_mismatch", seq=anchor_seq, seq_number=anchor_seq)
    if head:
        head_seq_text, _, head_hash = head.partition(":")
        head_seq = int(head_seq_text) if head_seq_text.isdigit() else 0
        if head_seq >= expected_seq:
            return broken(None, "tail_missing", seq=expected_seq, first=expected_seq)
        if last is not None and head_seq == last.seq and head_hash != last.hash:
            return broken(last, "head_altered")
    return VerifyResult(ok=True, checked=checked)


def _original_position(row: AuditEntry, last_seq: int, key_for) -> int | None:
    """If the row's hash is right for another ``seq``, the row was moved: return that seq."""
    fields = json.loads(canonical(row))
    for candidate in range(1, last_seq + 1):
        if candidate == row.seq:
            continue
        fields["seq"] = candidate
        text = json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        if _digest(text, key_for(candidate)) == row.hash:
            return candidate
    return None


# --- reading ------------------------------------------------------------------------------


@dataclass(frozen=True)
class AuditView:
    """One audit entry as screens and the terminal show it."""

    id: uuid.UUID
    device_id: str
    seq: int
    at: dt.datetime
    actor_id: uuid.UUID | None
    actor_username: str
    action: str
    entity: str | None
    entity_id: str | None
    summary: str
    details: dict[str, Any]

    def as_dict(self) -> dict[str, Any]:
        return _jsonable(self.__dict__)


def list_entries(
    uow: UnitOfWork,
    *,
    actor: Actor | None,
    limit: int = 100,
    offset: int = 0,
    action_prefix: str | None = None,
    entity_id: object | None = None,
) -> list[AuditView]:
    """The newest entries first (by time written, then chain position)."""
    require(actor, Permission.VIEW_AUDIT)
    query = select(AuditEntry)
    if action_prefix:
        query = query.where(AuditEntry.action.startswith(action_prefix, autoescape=True))
    if entity_id is not None:
        query = query.where(AuditEntry.entity_id == str(entity_id))
    query = query.order_by(AuditEntry.at.desc(), AuditEntry.seq.desc()).limit(limit).offset(offset)
    return [
        AuditView(
            id=e.id,
            device_id=e.device_id,
            seq=e.seq,
            at=e.at,
            actor_id=e.actor_id,
            actor_username=e.actor_username,
            action=e.action,
            entity=e.entity,
            entity_id=e.entity_id,
            summary=e.summary,
            details=dict(e.details or {}),
        )
        for e in _session(uow).scalars(query)
    ]
