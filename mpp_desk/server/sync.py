"""Push and pull: the server's side of docs/sync.md. Services over one connection; the caller owns the transaction."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, delete, func, insert, select, text, update
from sqlalchemy.engine import Connection

from mpp_desk.server.devices import Device
from mpp_desk.server.tables import change_log, conflicts, device_ops, record_keys, records, refusals
from mpp_desk.sync import entities
from mpp_desk.sync.schemas import Change, Op, OpResult, PullResponse, ServerRecord

# Appends to the change log hold this transaction-level lock, so sequence order is commit order
# and a reader at cursor N never misses a change with a lower seq that commits later.
CHANGE_LOG_LOCK = 0x6D7070  # "mpp"


@dataclass
class _Refused(Exception):
    result: OpResult


def forbidden_entities(device: Device, ops: list[Op]) -> list[str]:
    """Entities in *ops* the device's role may not write."""
    return sorted({op.entity for op in ops if not entities.may_write(device.role, op.entity)})


def record_refusal(conn: Connection, device: Device, status_code: int, reason: str) -> None:
    conn.execute(insert(refusals).values(device_id=device.id, status_code=status_code, reason=reason))


def push(conn: Connection, device: Device, ops: list[Op]) -> list[OpResult]:
    """Apply a batch: each local transaction (tx_id) whole or not at all; replays answered as before."""
    answered = {
        row.op_id: row
        for row in conn.execute(
            select(device_ops).where(device_ops.c.device_id == device.id, device_ops.c.op_id.in_([o.op_id for o in ops]))
        )
    } if ops else {}
    groups: dict[Any, list[Op]] = {}
    for op in ops:
        groups.setdefault(op.tx_id or op.op_id, []).append(op)
    results: dict[uuid.UUID, OpResult] = {}
    locked = False
    for group in groups.values():
        fresh = [op for op in group if op.op_id not in answered and op.op_id not in results]
        for op in group:
            if op.op_id in answered:
                row = answered[op.op_id]
                results[op.op_id] = OpResult(op_id=op.op_id, status=row.status, reason=row.reason, version=row.version,
                                             seq=row.seq, server=_server_record(conn, op) if row.status != "accepted" else None)
        if not fresh:
            continue
        if not locked:
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": CHANGE_LOG_LOCK})
            locked = True
        group_results = _apply_group(conn, device, fresh)
        for op, result in zip(fresh, group_results):
            results[op.op_id] = result
            conn.execute(
                insert(device_ops).values(device_id=device.id, op_id=op.op_id, tx_id=op.tx_id, status=result.status,
                                          reason=result.reason, version=result.version, seq=result.seq)
            )
    return [results[op.op_id] for op in ops]


def _apply_group(conn: Connection, device: Device, ops: list[Op]) -> list[OpResult]:
    savepoint = conn.begin_nested()
    done: list[OpResult] = []
    try:
        for op in ops:
            done.append(_apply(conn, device, op))
        _check_references(conn, ops)  # after the whole action: a parent may come after its child
    except _Refused as refused:
        savepoint.rollback()
        guilty = next(o for o in ops if o.op_id == refused.result.op_id)
        if refused.result.status == "conflict":
            server = refused.result.server
            conn.execute(
                insert(conflicts).values(
                    entity=guilty.entity, entity_id=guilty.entity_id, device_id=device.id, op_id=guilty.op_id,
                    tx_id=guilty.tx_id, base_version=guilty.base_version,
                    server_version=server.version if server else None,
                    client_payload=guilty.payload, server_payload=server.payload if server else None,
                    tx_ops=[o.model_dump(mode="json") for o in ops], reason=refused.result.reason or "",
                )
            )
        answers = []
        for op in ops:
            if op is guilty:
                answers.append(refused.result)
            else:
                answers.append(OpResult(op_id=op.op_id, status=refused.result.status,
                                        reason=f"refused with op {guilty.op_id} of the same action: {refused.result.reason}",
                                        server=_server_record(conn, op)))
        return answers
    savepoint.commit()
    return done


def _check_references(conn: Connection, ops: list[Op]) -> None:
    """Every synced record an op's payload points at must be held by the server (foreign keys of the models)."""
    for op in ops:
        table = entities.ENTITIES[op.entity].table
        for fk in table.foreign_keys:
            target = fk.column.table.name
            value = op.payload.get(fk.parent.name)
            if value is None or target not in entities.ENTITIES:
                continue
            found = conn.execute(
                select(records.c.entity_id).where(records.c.entity == target, records.c.entity_id == uuid.UUID(str(value)))
            ).first()
            if found is None:
                raise _Refused(OpResult(op_id=op.op_id, status="rejected",
                                        reason=f"{fk.parent.name} points at {target} {value}, which the server does not hold"))


def _server_record(conn: Connection, op: Op) -> ServerRecord | None:
    row = conn.execute(
        select(records.c.version, records.c.payload).where(records.c.entity == op.entity, records.c.entity_id == op.entity_id)
    ).first()
    return ServerRecord(version=row.version, payload=row.payload) if row else None


def _apply(conn: Connection, device: Device, op: Op) -> OpResult:
    def refuse(status: str, reason: str, server: ServerRecord | None = None) -> _Refused:
        return _Refused(OpResult(op_id=op.op_id, status=status, reason=reason, server=server))

    spec = entities.ENTITIES.get(op.entity)
    if spec is None:
        raise refuse("rejected", f"{op.entity} does not sync")
    payload = dict(op.payload)
    if str(payload.get("id")) != str(op.entity_id):
        raise refuse("rejected", "the payload's id is not the op's entity_id")
    if entities.local_only(op.entity, payload):
        raise refuse("rejected", "this record belongs to one PC and does not sync")
    problem = entities.check_payload(op.entity, payload)
    if problem:
        raise refuse("rejected", problem)
    current = conn.execute(
        select(records).where(records.c.entity == op.entity, records.c.entity_id == op.entity_id).with_for_update()
    ).first()
    server = ServerRecord(version=current.version, payload=current.payload) if current else None
    if op.op == "insert":
        if current is not None:
            if entities.same_content(current.payload, payload):
                return OpResult(op_id=op.op_id, status="accepted", reason="already held", version=current.version)
            raise refuse("conflict", "the server already holds this record with other content", server)
        version = 1
    else:
        if spec.append_only:
            raise refuse("rejected", f"{op.entity} records are append-only")
        if current is None:
            raise refuse("rejected", "the server does not hold this record")
        if op.base_version != current.version:
            raise refuse("conflict", f"changed elsewhere: this PC edited version {op.base_version}, "
                                     f"the server holds version {current.version}", server)
        version = current.version + 1
    clash = _key_clash(conn, op.entity, op.entity_id, payload)
    if clash:
        raise refuse("conflict", clash, server)
    payload["version"] = version
    seq = conn.execute(
        insert(change_log).values(entity=op.entity, entity_id=op.entity_id, version=version, op=op.op, payload=payload,
                                  device_id=device.id, op_id=op.op_id, tx_id=op.tx_id).returning(change_log.c.seq)
    ).scalar_one()
    deleted = payload.get("deleted_at") is not None
    if current is None:
        conn.execute(insert(records).values(entity=op.entity, entity_id=op.entity_id, version=version, payload=payload,
                                            deleted=deleted, seq=seq))
    else:
        conn.execute(update(records).where(records.c.entity == op.entity, records.c.entity_id == op.entity_id)
                     .values(version=version, payload=payload, deleted=deleted, seq=seq))
    _store_keys(conn, op.entity, op.entity_id, payload)
    return OpResult(op_id=op.op_id, status="accepted", version=version, seq=seq)


def _keys(entity: str, payload: dict[str, Any]) -> list[tuple[str, str]]:
    found = []
    for key in entities.unique_keys(entities.ENTITIES[entity].table):
        values = entities.key_values(payload, key)
        if values is not None:
            found.append((",".join(key), json.dumps(values, sort_keys=True, default=str)))
    return found


def _key_clash(conn: Connection, entity: str, entity_id: uuid.UUID, payload: dict[str, Any]) -> str | None:
    for name, value in _keys(entity, payload):
        owner = conn.execute(
            select(record_keys.c.entity_id).where(record_keys.c.entity == entity, record_keys.c.key_name == name,
                                                  record_keys.c.key_value == value)
        ).scalar()
        if owner is not None and owner != entity_id:
            return f"{name} {value} already belongs to record {owner}"
    return None


def _store_keys(conn: Connection, entity: str, entity_id: uuid.UUID, payload: dict[str, Any]) -> None:
    conn.execute(delete(record_keys).where(record_keys.c.entity == entity, record_keys.c.entity_id == entity_id))
    rows = [dict(entity=entity, key_name=n, key_value=v, entity_id=entity_id) for n, v in _keys(entity, payload)]
    if rows:
        conn.execute(insert(record_keys), rows)


def write_record(conn: Connection, entity: str, payload: dict[str, Any]) -> int:
    """A record written by the server itself (setup): stored and logged like an accepted insert or update."""
    conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": CHANGE_LOG_LOCK})
    entity_id = uuid.UUID(str(payload["id"]))
    current = conn.execute(
        select(records).where(records.c.entity == entity, records.c.entity_id == entity_id).with_for_update()
    ).first()
    version = 1 if current is None else current.version + 1
    payload = {**payload, "version": version}
    clash = _key_clash(conn, entity, entity_id, payload)
    if clash:
        raise ValueError(clash)
    seq = conn.execute(
        insert(change_log).values(entity=entity, entity_id=entity_id, version=version,
                                  op="insert" if current is None else "update", payload=payload)
        .returning(change_log.c.seq)
    ).scalar_one()
    if current is None:
        conn.execute(insert(records).values(entity=entity, entity_id=entity_id, version=version, payload=payload, seq=seq))
    else:
        conn.execute(update(records).where(records.c.entity == entity, records.c.entity_id == entity_id)
                     .values(version=version, payload=payload, seq=seq))
    _store_keys(conn, entity, entity_id, payload)
    return seq


def find_record(conn: Connection, entity: str, **key: Any) -> dict[str, Any] | None:
    """A current record by one unique key (e.g. ``username="admin"``)."""
    (name, value), = key.items()
    owner = conn.execute(
        select(record_keys.c.entity_id).where(record_keys.c.entity == entity, record_keys.c.key_name == name,
                                              record_keys.c.key_value == json.dumps([value], default=str))
    ).scalar()
    if owner is None:
        return None
    return conn.execute(select(records.c.payload).where(records.c.entity == entity, records.c.entity_id == owner)).scalar()


def pull(conn: Connection, device: Device, *, since: int, limit: int) -> PullResponse:
    """Changes after *since* written by other devices (or the server), never splitting one action."""
    query = (
        select(change_log)
        .where(change_log.c.seq > since, func.coalesce(change_log.c.device_id != device.id, True))
        .order_by(change_log.c.seq)
    )
    rows = list(conn.execute(query.limit(limit)))
    if len(rows) == limit and rows[-1].tx_id is not None:
        last = rows[-1]
        rows += list(conn.execute(query.where(and_(change_log.c.tx_id == last.tx_id, change_log.c.seq > last.seq))))
    if rows:
        next_cursor = rows[-1].seq
    else:  # nothing from others: move past this device's own changes too
        next_cursor = conn.execute(select(func.coalesce(func.max(change_log.c.seq), since))).scalar_one()
    more = conn.execute(select(change_log.c.seq).where(change_log.c.seq > next_cursor).limit(1)).first() is not None
    changes = [
        Change(seq=r.seq, entity=r.entity, entity_id=r.entity_id, version=r.version, op=r.op, payload=r.payload,
               device_id=r.device_id, tx_id=r.tx_id)
        for r in rows
    ]
    return PullResponse(changes=changes, next_cursor=next_cursor, more=more)


def list_conflicts(conn: Connection, *, status: str | None = "open") -> list[dict[str, Any]]:
    query = select(conflicts).order_by(conflicts.c.id)
    if status:
        query = query.where(conflicts.c.status == status)
    out = []
    for r in conn.execute(query):
        out.append({
            "id": r.id, "entity": r.entity, "entity_id": str(r.entity_id), "device_id": str(r.device_id),
            "op_id": str(r.op_id), "base_version": r.base_version, "server_version": r.server_version,
            "reason": r.reason, "status": r.status, "created_at": r.created_at.isoformat(),
            "client_payload": r.client_payload, "server_payload": r.server_payload,
        })
    return out
