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
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from dataclasses import dataclass, replace
from typing import Any, Iterable

from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session

from mpp_desk.i18n import N_, translate
from mpp_desk.models import AuditEntry, LocalState
from mpp_desk.models.base import utcnow
from mpp_desk.roles import SYSTEM_USERNAME, Actor, Permission, require
from mpp_desk.uow import UnitOfWork, _jsonable

GENESIS = "0" * 64
HEAD_KEY = "audit.head"
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


def compute_hash(entry: AuditEntry) -> str:
    return hashlib.sha256(canonical(entry).encode("utf-8")).hexdigest()


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
    entry.hash = compute_hash(entry)
    session.add(entry)
    head = session.get(LocalState, HEAD_KEY)
    if head is None:
        session.add(LocalState(key=HEAD_KEY, value=f"{seq}:{entry.hash}"))
    else:
        head.value = f"{seq}:{entry.hash}"
    session.flush()
    return entry


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
    """Check every device's chain; return the first broken link (this device's chain first)."""
    session = _session(uow)
    devices = list(session.scalars(select(AuditEntry.device_id).distinct()))
    devices.sort(key=lambda d: (d != uow.device_id, d))
    if uow.device_id not in devices:
        devices.insert(0, uow.device_id)
    checked = 0
    for device in devices:
        head = None
        if device == uow.device_id:
            stored = session.get(LocalState, HEAD_KEY)
            head = stored.value if stored is not None else None
        result = _verify_chain(session, device, head)
        checked += result.checked
        if not result.ok:
            return replace(result, checked=checked)
    return VerifyResult(ok=True, checked=checked)


def _verify_chain(session: Session, device_id: str, head: str | None) -> VerifyResult:
    last_seq = session.scalar(select(func.max(AuditEntry.seq)).where(AuditEntry.device_id == device_id)) or 0
    rows = session.scalars(
        select(AuditEntry).where(AuditEntry.device_id == device_id).order_by(AuditEntry.seq)
    ).yield_per(500)
    expected_seq, expected_prev, checked = 1, GENESIS, 0

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
        if compute_hash(row) != row.hash:
            original = _original_position(row, last_seq)
            if original is not None:
                return broken(row, "reordered", original=original)
            return broken(row, "altered")
        if row.seq > expected_seq:
            return broken(row, "missing", first=expected_seq, last=row.seq - 1)
        if row.prev_hash != expected_prev:
            return broken(row, "bad_start" if row.seq == 1 else "broken_link")
        checked += 1
        expected_seq, expected_prev, last = row.seq + 1, row.hash, row
    if head:
        head_seq_text, _, head_hash = head.partition(":")
        head_seq = int(head_seq_text)
        if head_seq >= expected_seq:
            return broken(None, "tail_missing", seq=expected_seq, first=expected_seq)
        if last is not None and head_seq == last.seq and head_hash != last.hash:
            return broken(last, "head_altered")
    return VerifyResult(ok=True, checked=checked)


def _original_position(row: AuditEntry, last_seq: int) -> int | None:
    """If the row's hash is right for another ``seq``, the row was moved: return that seq."""
    fields = json.loads(canonical(row))
    for candidate in range(1, last_seq + 1):
        if candidate == row.seq:
            continue
        fields["seq"] = candidate
        text = json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        if hashlib.sha256(text.encode("utf-8")).hexdigest() == row.hash:
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
