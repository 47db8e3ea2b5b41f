"""Push and pull: the server's side of docs/sync.md. Services over one connection; the caller owns the transaction."""

from __future__ import annotations

import json
import uuid
from collections import ChainMap
from dataclasses import dataclass
from collections.abc import Mapping
from typing import Any, Literal

from sqlalchemy import ARRAY, Text, Uuid, and_, any_, bindparam, delete, func, insert, select, text, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.engine import Connection

from mpp_desk.server import audit_chains
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


def push(conn: Connection, device: Device, ops: list[Op], *, secret: bytes | None = None) -> list[OpResult]:
    """Apply a batch: each local transaction (tx_id) whole or not at all; replays answered as before.

    Decisions are made in memory over the records and keys the batch touches (read once, rows locked),
    then written in bulk: a few statements per batch, not per op.
    """
    if not ops:
        return []
    # Lock before reading the answers: a copy of this batch being applied by another request (a retry
    # meeting a late original) commits first, and its ops are then answered here as replays.
    conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": CHANGE_LOG_LOCK})
    answered = {row.op_id: row for row in conn.execute(_ANSWERED, {"device": device.id, "ids": [o.op_id for o in ops]})}
    results: dict[uuid.UUID, OpResult] = {}
    fresh: list[Op] = []
    seen: set[uuid.UUID] = set()
    for op in ops:
        if op.op_id in answered:
            row = answered[op.op_id]
            results[op.op_id] = OpResult(op_id=op.op_id, status=row.status, reason=row.reason, version=row.version,
                                         seq=row.seq, server=_server_record(conn, op) if row.status != "accepted" else None)
        elif op.op_id not in seen:
            seen.add(op.op_id)
            fresh.append(op)
    if fresh:
        batch = _Batch(conn, device, fresh)
        groups: dict[Any, list[Op]] = {}
        for op in fresh:
            groups.setdefault(op.tx_id or op.op_id, []).append(op)
        for group in groups.values():
            # Audit entries record what the PC did; they merge even when the action they describe is refused
            # (else the PC's audit chain would have a hole on the server, and the chain check would cry wolf).
            action = [op for op in group if op.entity != audit_chains.ENTITY]
            if action:
                batch.decide(action)
            for op in group:
                if op.entity == audit_chains.ENTITY:
                    batch.decide([op])
        results.update(batch.write(secret))
    first = {}
    for op in ops:  # an op id sent twice in one batch gets the first one's answer
        first.setdefault(op.op_id, results[op.op_id])
    return [first[op.op_id] for op in ops]


_DELETED = object()
_SAME = object()

# Lookups of many keys at once: one unique-index probe per key (a LATERAL subquery with LIMIT 1 is never
# flattened into a join). With "col = ANY(array)" the planner, on tables not analyzed lately (autovacuum
# off or behind), probed only the leading columns and filtered every row of the device or key name:
# push ingest fell from 2,000 to 700 ops/s as the log grew to 100,000 ops (docs/sync.md, "Measured").
_ANSWERED = text(
    "SELECT d.* FROM unnest(:ids) AS x(op_id) CROSS JOIN LATERAL "
    "(SELECT * FROM device_ops WHERE device_id = :device AND op_id = x.op_id LIMIT 1) AS d"
).bindparams(bindparam("ids", type_=ARRAY(Uuid())), bindparam("device", type_=Uuid()))
_KEY_OWNERS = text(
    "SELECT k.* FROM unnest(:values) AS x(v) CROSS JOIN LATERAL "
    "(SELECT * FROM record_keys WHERE entity = :entity AND key_name = :name AND key_value = x.v LIMIT 1) AS k"
).bindparams(bindparam("values", type_=ARRAY(Text())))


class _Batch:
    """The records, keys and references a batch touches, decided in memory and written in bulk."""

    def __init__(self, conn: Connection, device: Device, ops: list[Op], *, log_device: Any = _SAME) -> None:
        self.conn = conn
        self.device = device
        # the writer named in the change log: a PC pulls every change but its own (None: the server's own)
        self.log_device_id = device.id if log_device is _SAME else log_device
        self.tx_of = {op.op_id: op.tx_id for op in ops}
        targets = {(op.entity, op.entity_id) for op in ops if op.entity in entities.ENTITIES}
        self.current: dict[tuple[str, uuid.UUID], tuple[int, dict[str, Any]]] = {}
        for entity, ids in _by_first(targets).items():
            for row in conn.execute(
                select(records.c.entity, records.c.entity_id, records.c.version, records.c.payload)
                .where(records.c.entity == entity, records.c.entity_id == any_(_uuid_array(ids))).with_for_update()
            ):
                self.current[(row.entity, row.entity_id)] = (row.version, row.payload)
        wanted_keys = set()
        referenced = set()
        for op in ops:
            if op.entity not in entities.ENTITIES:
                continue
            wanted_keys.update((op.entity, n, v) for n, v in _keys(op.entity, op.payload))
            previous = self.current.get((op.entity, op.entity_id))
            if previous:
                wanted_keys.update((op.entity, n, v) for n, v in _keys(op.entity, previous[1]))
            referenced.update(_references(op))
        self.keys: dict[tuple[str, str, str], Any] = {}
        for (entity, name), values in _by_first_two(wanted_keys).items():
            for row in conn.execute(_KEY_OWNERS, {"entity": entity, "name": name, "values": values}):
                self.keys[(row.entity, row.key_name, row.key_value)] = row.entity_id
        self.held: set[tuple[str, uuid.UUID]] = set()
        missing = [r for r in referenced if r not in self.current]
        for entity, ids in _by_first(missing).items():
            self.held.update((r.entity, r.entity_id) for r in conn.execute(
                select(records.c.entity, records.c.entity_id)
                .where(records.c.entity == entity, records.c.entity_id == any_(_uuid_array(ids)))
            ))
        self.log: list[tuple[Op, int, dict[str, Any]]] = []  # accepted changes, in order
        self.answers: dict[uuid.UUID, OpResult] = {}
        self.conflicts: list[dict[str, Any]] = []
        self.touched: set[tuple[str, uuid.UUID]] = set()

    # -- deciding ------------------------------------------------------------------------------

    def decide(self, group: list[Op]) -> None:
        current = ChainMap({}, self.current)
        keys = ChainMap({}, self.keys)
        log: list[tuple[Op, int, dict[str, Any]]] = []
        answers: dict[uuid.UUID, OpResult] = {}
        try:
            for op in group:
                answers[op.op_id] = self._apply(op, current, keys, log)
            for op in group:
                self._check_references(op, current)
        except _Refused as refused:
            self._refuse(group, refused.result)
            return
        self.current.update(current.maps[0])
        self.keys.update(keys.maps[0])
        self.log.extend(log)
        self.answers.update(answers)
        self.touched.update(current.maps[0])

    def _apply(self, op: Op, current, keys, log) -> OpResult:
        def refuse(status: Literal["rejected", "conflict"], reason: str) -> _Refused:
            return _Refused(OpResult(op_id=op.op_id, status=status, reason=reason))

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
        record = current.get((op.entity, op.entity_id))
        if op.op == "insert":
            if record is not None:
                if entities.same_content(record[1], payload):
                    return OpResult(op_id=op.op_id, status="accepted", reason="already held", version=record[0])
                raise refuse("conflict", "the server already holds this record with other content")
            version = 1
        else:
            if spec.append_only:
                raise refuse("rejected", f"{op.entity} records are append-only")
            if record is None:
                raise refuse("rejected", "the server does not hold this record")
            if op.base_version != record[0]:
                raise refuse("conflict", f"changed elsewhere: this PC edited version {op.base_version}, "
                                         f"the server holds version {record[0]}")
            version = record[0] + 1
        new_keys = _keys(op.entity, payload)
        for name, value in new_keys:
            owner = keys.get((op.entity, name, value))
            if owner is not None and owner is not _DELETED and owner != op.entity_id:
                raise refuse("conflict", f"{name} {value} already belongs to record {owner}")
        if record is not None:
            for name, value in _keys(op.entity, record[1]):
                keys[(op.entity, name, value)] = _DELETED
        for name, value in new_keys:
            keys[(op.entity, name, value)] = op.entity_id
        payload["version"] = version
        current[(op.entity, op.entity_id)] = (version, payload)
        log.append((op, version, payload))
        return OpResult(op_id=op.op_id, status="accepted", version=version)

    def _check_references(self, op: Op, current) -> None:
        for target, column, value in _reference_values(op):
            if (target, value) not in current and (target, value) not in self.held:
                raise _Refused(OpResult(op_id=op.op_id, status="rejected",
                                        reason=f"{column} points at {target} {value}, which the server does not hold"))

    def _refuse(self, group: list[Op], result: OpResult) -> None:
        guilty = next(o for o in group if o.op_id == result.op_id)
        server = self._server(guilty)
        result = result.model_copy(update={"server": server})
        if result.status == "conflict":
            self.conflicts.append(dict(
                entity=guilty.entity, entity_id=guilty.entity_id, device_id=self.device.id, op_id=guilty.op_id,
                tx_id=guilty.tx_id, base_version=guilty.base_version, server_version=server.version if server else None,
                client_payload=guilty.payload, server_payload=server.payload if server else None,
                tx_ops=[o.model_dump(mode="json") for o in group], reason=result.reason or "",
            ))
        for op in group:
            if op is guilty:
                self.answers[op.op_id] = result
            else:
                self.answers[op.op_id] = OpResult(
                    op_id=op.op_id, status=result.status, server=self._server(op),
                    reason=f"refused with op {guilty.op_id} of the same action: {result.reason}")

    def _server(self, op: Op) -> ServerRecord | None:
        record = self.current.get((op.entity, op.entity_id))
        return ServerRecord(version=record[0], payload=record[1]) if record else None

    # -- writing -------------------------------------------------------------------------------

    def check_audit_chains(self, secret: bytes | None) -> None:
        """Each new audit entry against its chain's head on the server (server/audit_chains.py)."""
        entries = [payload for op, _version, payload in self.log if op.entity == audit_chains.ENTITY and op.op == "insert"]
        if not entries:
            return
        check = audit_chains.ChainCheck(self.conn, self.device, secret, {str(p.get("device_id")) for p in entries})
        for payload in entries:  # in the order the PC sent them (its outbox order)
            check.check(payload)
        check.write()

    def write(self, secret: bytes | None = None) -> dict[uuid.UUID, OpResult]:
        conn = self.conn
        self.check_audit_chains(secret)
        seqs: dict[uuid.UUID, int] = {}
        if self.log:
            rows = [dict(entity=op.entity, entity_id=op.entity_id, version=version, op=op.op, payload=payload,
                         device_id=self.log_device_id, op_id=op.op_id, tx_id=op.tx_id) for op, version, payload in self.log]
            returned = conn.execute(
                insert(change_log).returning(change_log.c.op_id, change_log.c.seq, sort_by_parameter_order=True), rows
            ).all()
            seqs = {r.op_id: r.seq for r in returned}
            last: dict[tuple[str, uuid.UUID], dict[str, Any]] = {}
            for op, version, payload in self.log:
                last[(op.entity, op.entity_id)] = dict(entity=op.entity, entity_id=op.entity_id, version=version,
                                                       payload=payload, deleted=payload.get("deleted_at") is not None,
                                                       seq=seqs[op.op_id])
            stmt = pg_insert(records)
            conn.execute(stmt.on_conflict_do_update(
                index_elements=[records.c.entity, records.c.entity_id],
                set_={"version": stmt.excluded.version, "payload": stmt.excluded.payload,
                      "deleted": stmt.excluded.deleted, "seq": stmt.excluded.seq},
            ), list(last.values()))
            changed = [(e, n, v) for (e, n, v), owner in self.keys.items() if owner is _DELETED]
            for (entity, name), values in _by_first_two(changed).items():
                conn.execute(delete(record_keys).where(record_keys.c.entity == entity, record_keys.c.key_name == name,
                                                       record_keys.c.key_value == any_(_text_array(values))))
            new_keys = []
            for op, _version, payload in self.log:
                new_keys.extend(dict(entity=op.entity, key_name=n, key_value=v, entity_id=op.entity_id)
                                for n, v in _keys(op.entity, payload)
                                if self.keys.get((op.entity, n, v)) == op.entity_id)
            if new_keys:
                unique = {(k["entity"], k["key_name"], k["key_value"]): k for k in new_keys}
                stmt = pg_insert(record_keys)
                conn.execute(stmt.on_conflict_do_update(
                    index_elements=[record_keys.c.entity, record_keys.c.key_name, record_keys.c.key_value],
                    set_={"entity_id": stmt.excluded.entity_id}), list(unique.values()))
        if self.conflicts:
            conn.execute(insert(conflicts), self.conflicts)
        answers = {}
        for op_id, answer in self.answers.items():
            if answer.status == "accepted" and op_id in seqs:
                answer = answer.model_copy(update={"seq": seqs[op_id]})
            answers[op_id] = answer
        conn.execute(insert(device_ops), [
            dict(device_id=self.device.id, op_id=op_id, tx_id=self.tx_of.get(op_id), status=a.status, reason=a.reason, version=a.version,
                 seq=a.seq) for op_id, a in answers.items()
        ])
        return answers


def _by_first(pairs) -> dict[str, list[uuid.UUID]]:
    """{entity: [ids]}: one indexed ``= ANY(array)`` query per entity (a row-value IN list is not)."""
    out: dict[str, list[uuid.UUID]] = {}
    for entity, entity_id in pairs:
        out.setdefault(entity, []).append(entity_id)
    return out


def _by_first_two(triples) -> dict[tuple[str, str], list[str]]:
    out: dict[tuple[str, str], list[str]] = {}
    for entity, name, value in triples:
        out.setdefault((entity, name), []).append(value)
    return out


def _uuid_array(ids: list[uuid.UUID]):
    return bindparam(None, ids, type_=ARRAY(Uuid()), unique=True)


def _text_array(values: list[str]):
    return bindparam(None, values, type_=ARRAY(Text()), unique=True)


def _reference_values(op: Op):
    """(target entity, column, id) for every synced record the op's payload points at."""
    spec = entities.ENTITIES.get(op.entity)
    if spec is None:
        return
    for fk in sorted(spec.table.foreign_keys, key=lambda fk: fk.parent.name):
        target = fk.column.table.name
        value = op.payload.get(fk.parent.name)
        if value is None or target not in entities.ENTITIES:
            continue
        try:
            yield target, fk.parent.name, uuid.UUID(str(value))
        except ValueError:
            continue


def _references(op: Op) -> set[tuple[str, uuid.UUID]]:
    return {(target, value) for target, _column, value in _reference_values(op)}


def _server_record(conn: Connection, op: Op) -> ServerRecord | None:
    row = conn.execute(
        select(records.c.version, records.c.payload).where(records.c.entity == op.entity, records.c.entity_id == op.entity_id)
    ).first()
    return ServerRecord(version=row.version, payload=row.payload) if row else None


def _keys(entity: str, payload: dict[str, Any]) -> list[tuple[str, str]]:
    found = []
    for key in entities.unique_keys(entities.ENTITIES[entity].table):
        values = entities.key_values(payload, key)
        if values is not None:
            found.append((",".join(key), json.dumps(values, sort_keys=True, default=str)))
    return found


def unique_key_rows(entity: str, entity_id: uuid.UUID, payload: dict[str, Any]) -> list[dict[str, Any]]:
    """The ``record_keys`` rows of a record (a server-written record claims its keys with a plain insert)."""
    return [dict(entity=entity, key_name=n, key_value=v, entity_id=entity_id) for n, v in _keys(entity, payload)]


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
    # ordered, so it is one index probe (unordered, the planner may scan the heap from its start)
    more = conn.execute(select(change_log.c.seq).where(change_log.c.seq > next_cursor)
                        .order_by(change_log.c.seq).limit(1)).first() is not None
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
            "resolution": r.resolution, "resolved_at": r.resolved_at.isoformat() if r.resolved_at else None,
        })
    return out


# -- resolving a conflict ------------------------------------------------------------------------

class ResolveError(Exception):
    def __init__(self, message: str, status: int = 409) -> None:
        super().__init__(message)
        self.status = status


def resolve_conflict(conn: Connection, device: Device | None, conflict_id: int, *, keep: str,
                     fields: Mapping[str, str] | None = None, now: Any = None) -> dict[str, Any]:
    """Close an open conflict (docs/sync.md, "Resolving a conflict").

    ``keep="server"``: the record stays as the server holds it. ``"device"``: the device's version of the
    refused action is applied on top of the server's current version (the record's other columns, if the
    server's record moved on, stay the server's). ``"fields"``: per column, ``fields={name: "device"}``
    (columns not named keep the server's value). A change is written as the server's own (device None in
    the change log), so every PC pulls it, the one that made the conflict too.
    """
    conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": CHANGE_LOG_LOCK})
    row = conn.execute(select(conflicts).where(conflicts.c.id == conflict_id).with_for_update()).first()
    if row is None:
        raise ResolveError(f"no conflict {conflict_id}", 404)
    if row.status != "open":
        raise ResolveError(f"conflict {conflict_id} is already {row.status}")
    spec = entities.ENTITIES.get(row.entity)
    if spec is None:
        raise ResolveError(f"{row.entity} does not sync", 422)
    fields = dict(fields or {})
    current = conn.execute(select(records.c.version, records.c.payload).where(
        records.c.entity == row.entity, records.c.entity_id == row.entity_id)).first()
    choosable = set(spec.table.columns.keys()) - entities.BOOKKEEPING - {"id", "created_at"}
    unknown = sorted(set(fields) - choosable)
    if unknown:
        raise ResolveError(f"not a field of {row.entity} that can be chosen: {', '.join(unknown)}", 422)
    if keep == "fields" and not fields:
        raise ResolveError("name the fields to take from the device (--field NAME=device)", 422)
    taken = [] if keep == "server" else sorted(choosable & set(row.client_payload)) if keep == "device" else \
        sorted(name for name, side in fields.items() if side == "device")
    version = current.version if current is not None else None
    seq = None
    if taken:
        version, seq = _apply_resolution(conn, device, row, current, taken)
    resolution = {"keep": keep, "fields": sorted(taken) if keep == "fields" else [], "version": version, "seq": seq}
    conn.execute(update(conflicts).where(conflicts.c.id == conflict_id).values(
        status="resolved", resolution=resolution, resolved_by=device.id if device else None,
        resolved_at=now if now is not None else func.now()))
    return {"id": conflict_id, "entity": row.entity, "entity_id": str(row.entity_id), "status": "resolved",
            **resolution}


def _apply_resolution(conn: Connection, device: Device | None, row, current, taken: list[str]) -> tuple[int, int]:
    """Write the device's side of a conflict (the columns *taken*) and the rest of its refused action."""
    client = row.client_payload
    if current is not None:
        payload = {**current.payload, **{name: client.get(name) for name in taken}}
        guilty = dict(op="update", base_version=current.version, payload=payload)
    else:
        guilty = dict(op="insert", base_version=None, payload={**client, "id": str(row.entity_id)})
    namespace = uuid.UUID(int=row.id)
    ops: list[Op] = []
    for raw in row.tx_ops:
        op = Op.model_validate(raw)
        if op.entity == audit_chains.ENTITY:
            continue  # merged when the action was refused
        changes: dict[str, Any] = {"op_id": uuid.uuid5(namespace, str(op.op_id)), "tx_id": uuid.uuid5(namespace, "tx")}
        if op.op_id == row.op_id:
            changes.update(guilty)
        elif op.op != "insert":
            held = conn.execute(select(records.c.version).where(
                records.c.entity == op.entity, records.c.entity_id == op.entity_id)).scalar()
            changes["base_version"] = held
        ops.append(op.model_copy(update=changes))
    if not ops:
        raise ResolveError("an audit entry is never replaced: keep the server's version")
    actor = device or Device(id=uuid.UUID(int=0), name="mpp-central", role="admin", revoked=False,
                             last_seen_at=None, enrolled=True)
    batch = _Batch(conn, actor, ops, log_device=None)
    batch.decide(ops)
    refused = [a for a in batch.answers.values() if a.status != "accepted"]
    if refused:
        raise ResolveError(f"the device's version cannot be taken: {refused[0].reason}")
    batch.conflicts.clear()
    answers = batch.write()
    guilty_answer = next(a for op_id, a in answers.items() if op_id == uuid.uuid5(namespace, str(row.op_id)))
    assert guilty_answer.version is not None and guilty_answer.seq is not None, "an accepted write has both"
    return guilty_answer.version, guilty_answer.seq
