"""Applying the server's changes on this PC: one unit of work of origin "server" per page, cursor included.

Rows are stored as the server sent them (no outbox, no re-stamping). Foreign keys are checked at
commit, so the order of rows inside one page does not matter. A reference record this PC seeded
itself under another id is *adopted*: see :func:`_adopt` and docs/sync.md.
"""

from __future__ import annotations

import copy
import uuid
from typing import Any, Iterable

from sqlalchemy import and_, bindparam, delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from mpp_desk.database import Database
from mpp_desk.models import LocalState, OutboxEntry
from mpp_desk.models.base import utcnow
from mpp_desk.sync import entities
from mpp_desk.sync.schemas import Change
from mpp_desk.uow import _jsonable, UnitOfWork

CURSOR_KEY = "sync.cursor"
LAST_SYNC_KEY = "sync.last_sync_at"


def server_unit_of_work(db: Database) -> UnitOfWork:
    return UnitOfWork(db, origin=UnitOfWork.SERVER)


def defer_foreign_keys(session: Session) -> None:
    session.connection().exec_driver_sql("PRAGMA defer_foreign_keys = ON")


def read_state(db: Database, key: str) -> str | None:
    with db.sessions() as session:
        row = session.get(LocalState, key)
        return row.value if row else None


def set_state(session: Session, key: str, value: str) -> None:
    row = session.get(LocalState, key)
    if row is None:
        session.add(LocalState(key=key, value=value))
    else:
        row.value = value


def cursor(db: Database) -> int:
    return int(read_state(db, CURSOR_KEY) or 0)


def apply_page(db: Database, changes: Iterable[Change], next_cursor: int) -> int:
    """Apply one page and store the new cursor in the same local transaction; returns rows applied.

    Batched (one transaction, a few statements per table): the rows the page touches are looked up at
    once; a row this PC does not hold, of a table without adoption and with nothing pending here, is
    inserted in bulk with the last state the page gives it; a row it holds (same conditions) is updated
    in bulk (``executemany``); anything else (adoption, local changes pending) goes through
    :func:`apply_record` in order, the buffer written first. Should the bulk writes meet a unique key
    (two rows swapping one inside a page), the page is applied again row by row.
    """
    changes = [c for c in changes if c.entity in entities.ENTITIES]  # a newer server's entity: not known here yet
    try:
        _apply_batched(db, changes, next_cursor)
    except IntegrityError:
        apply_page_rowwise(db, changes, next_cursor)
    return len(changes)


def _apply_batched(db: Database, changes: list[Change], next_cursor: int) -> None:
    with server_unit_of_work(db) as uow:
        session = uow.session
        defer_foreign_keys(session)
        give_way(session, changes)
        conn = session.connection()
        present = _present_ids(session, changes)
        pending = _pending_ids(session, [c.entity_id for c in changes])
        inserts: dict[tuple[str, uuid.UUID], dict[str, Any]] = {}
        updates: dict[tuple[str, uuid.UUID], dict[str, Any]] = {}

        def flush_buffer() -> None:
            _bulk_insert(conn, inserts)
            _bulk_update(conn, updates)
            inserts.clear()
            updates.clear()

        for change in changes:
            spec = entities.ENTITIES[change.entity]
            key = (change.entity, change.entity_id)
            if spec.adoptable or change.entity_id in pending:
                flush_buffer()
                apply_record(session, change.entity, change.entity_id, change.payload)
                present.add(key)
                continue
            values = entities.decode(spec.table, change.payload)
            values["id"] = change.entity_id
            if key in inserts:
                inserts[key] = values  # inserted by this page: insert its last state
            elif key in present:
                updates.pop(key, None)
                updates[key] = values  # the last state, in the order of its last change
            else:
                inserts[key] = values
        flush_buffer()
        set_state(session, CURSOR_KEY, str(next_cursor))
        set_state(session, LAST_SYNC_KEY, utcnow().isoformat())
        uow.commit()


def _bulk_insert(conn, rows: dict[tuple[str, uuid.UUID], dict[str, Any]]) -> None:
    for (entity, columns), group in _grouped(rows).items():
        conn.execute(insert(entities.ENTITIES[entity].table), group)


def _bulk_update(conn, rows: dict[tuple[str, uuid.UUID], dict[str, Any]]) -> None:
    for (entity, columns), group in _grouped(rows).items():
        table = entities.ENTITIES[entity].table
        stmt = update(table).where(table.c.id == bindparam("_row_id")).values(
            {name: bindparam(f"_v_{name}") for name in columns if name != "id"})
        conn.execute(stmt, [{"_row_id": v["id"], **{f"_v_{k}": x for k, x in v.items() if k != "id"}} for v in group])


def _grouped(rows: dict[tuple[str, uuid.UUID], dict[str, Any]]) -> dict[tuple[str, tuple[str, ...]], list[dict[str, Any]]]:
    """Rows by table and column set (one executemany each), in order."""
    out: dict[tuple[str, tuple[str, ...]], list[dict[str, Any]]] = {}
    for (entity, _id), values in rows.items():
        out.setdefault((entity, tuple(sorted(values))), []).append(values)
    return out


def apply_page_rowwise(db: Database, changes: Iterable[Change], next_cursor: int) -> int:
    """The page row by row (the fallback, and the same-run baseline of bench/sync.py)."""
    changes = [c for c in changes if c.entity in entities.ENTITIES]
    with server_unit_of_work(db) as uow:
        session = uow.session
        defer_foreign_keys(session)
        give_way(session, changes)
        for change in changes:
            apply_record(session, change.entity, change.entity_id, change.payload)
        set_state(session, CURSOR_KEY, str(next_cursor))
        set_state(session, LAST_SYNC_KEY, utcnow().isoformat())
        uow.commit()
    return len(changes)


def give_way(session: Session, changes: list[Change]) -> int:
    """Drop this PC's rows of ``yields`` entities that hold a unique key of an incoming server record.

    Such a row is not on the server (its keys are unique there): its insert was refused as a conflict, or
    will be. Its pending outbox entry is closed with the reason; the server's conflict row, if any, stays
    for a person. Returns the rows dropped.
    """
    dropped = 0
    for change in changes:
        spec = entities.ENTITIES[change.entity]
        if not spec.yields:
            continue
        local = _same_key_local_id(session, change.entity, change.payload, change.entity_id)
        while local is not None:
            session.execute(delete(spec.table).where(spec.table.c.id == local))
            session.execute(update(OutboxEntry).where(OutboxEntry.entity_id == local, OutboxEntry.pushed_at.is_(None))
                            .values(pushed_at=utcnow(), result="conflict",
                                    result_reason=f"gave way to the server's record {change.entity_id} with the same key"))
            dropped += 1
            local = _same_key_local_id(session, change.entity, change.payload, change.entity_id)
    return dropped


def _present_ids(session: Session, changes: list[Change]) -> set[tuple[str, uuid.UUID]]:
    by_entity: dict[str, list[uuid.UUID]] = {}
    for change in changes:
        by_entity.setdefault(change.entity, []).append(change.entity_id)
    present = set()
    for entity, ids in by_entity.items():
        table = entities.ENTITIES[entity].table
        for i in range(0, len(ids), 500):
            present.update((entity, row_id) for row_id in session.scalars(select(table.c.id).where(table.c.id.in_(ids[i:i + 500]))))
    return present


def _pending_ids(session: Session, ids: list[uuid.UUID]) -> set[uuid.UUID]:
    found: set[uuid.UUID] = set()
    for i in range(0, len(ids), 500):
        found.update(session.scalars(select(OutboxEntry.entity_id).where(
            OutboxEntry.pushed_at.is_(None), OutboxEntry.entity_id.in_(ids[i:i + 500]))))
    return found


def apply_record(session: Session, entity: str, entity_id: uuid.UUID, payload: dict[str, Any]) -> None:
    """Make the local row *entity_id* what the server holds (insert, overwrite, or adopt by unique key)."""
    spec = entities.ENTITIES[entity]
    table = spec.table
    values = entities.decode(table, payload)
    values["id"] = entity_id
    exists = session.execute(select(table.c.id).where(table.c.id == entity_id)).first() is not None
    if not exists and spec.adoptable:
        local_id = _same_key_local_id(session, entity, payload, entity_id)
        if local_id is not None:
            _adopt(session, entity, local_id, entity_id, payload)
            exists = True
    if exists:
        _merge_pending(session, table, entity, entity_id, payload)
        session.execute(update(table).where(table.c.id == entity_id).values(**values))
    else:
        session.execute(insert(table).values(**values))


def _merge_pending(session: Session, table, entity: str, entity_id: uuid.UUID, payload: dict[str, Any]) -> None:
    """Pending local ops of a row the server now holds with the very same content need not be sent."""
    pending = session.scalars(
        select(OutboxEntry).where(OutboxEntry.entity_id == entity_id, OutboxEntry.entity == entity,
                                  OutboxEntry.pushed_at.is_(None))
    ).all()
    if not pending:
        return
    local = _jsonable_row(table, session.execute(select(table).where(table.c.id == entity_id)).mappings().one())
    if entities.same_content(_comparable(local), _comparable(payload)):
        now = utcnow()
        for entry in pending:
            entry.pushed_at = now
            entry.result = "merged"
            entry.result_reason = "the server already holds the same content"
        session.flush()


def _same_key_local_id(session: Session, entity: str, payload: dict[str, Any], entity_id: uuid.UUID) -> uuid.UUID | None:
    spec = entities.ENTITIES[entity]
    table = spec.table
    keys = entities.unique_keys(table) + ([spec.adopt_key] if spec.adopt_key else [])
    for key in keys:
        raw = entities.key_values(payload, key)
        if raw is None:
            continue
        decoded = entities.decode(table, dict(zip(key, raw)))
        condition = and_(*(table.c[name] == decoded[name] for name in key), table.c.id != entity_id)
        found = session.execute(select(table.c.id).where(condition)).scalar()
        if found is not None:
            return found
    return None


def _adopt(session: Session, entity: str, local_id: uuid.UUID, server_id: uuid.UUID, server_payload: dict[str, Any]) -> None:
    """Replace this PC's own record *local_id* by the server's *server_id* (same unique key).

    Every referencing column and every pending outbox payload is rewritten to the server's id. The
    local record's pending ops are dropped when its content equals the server's; otherwise they become
    one update against version 0, which the server files as a conflict holding both versions.
    """
    table = entities.ENTITIES[entity].table
    local_row = session.execute(select(table).where(table.c.id == local_id)).mappings().one()
    local_payload = _jsonable_row(table, local_row)
    local_payload["id"] = str(server_id)
    for ref_table, column in entities.references(entity):
        session.execute(update(ref_table).where(ref_table.c[column] == local_id).values({column: server_id}))
    session.execute(update(table).where(table.c.id == local_id).values(id=server_id))
    referencing = {t.name: c for t, c in entities.references(entity)}
    pending = session.scalars(select(OutboxEntry).where(OutboxEntry.pushed_at.is_(None))).all()
    own_pending = False
    now = utcnow()
    for entry in pending:
        if entry.entity == entity and entry.entity_id == local_id:
            own_pending = True
            entry.pushed_at = now
            entry.result = "adopted"
            entry.result_reason = f"replaced by the server's record {server_id} with the same key"
            continue
        columns = [c for t, c in entities.references(entity) if t.name == entry.entity] if entry.entity in referencing else []
        if columns and any(entry.payload.get(c) == str(local_id) for c in columns):
            payload = copy.deepcopy(entry.payload)
            for c in columns:
                if payload.get(c) == str(local_id):
                    payload[c] = str(server_id)
            entry.payload = payload
    if own_pending and not entities.same_content(_comparable(local_payload), _comparable(server_payload)):
        session.add(OutboxEntry(
            op_id=uuid.uuid4(), tx_id=uuid.uuid4(), device_id=local_row["device_id"], entity=entity,
            entity_id=server_id, op="update", base_version=0, payload=local_payload, created_at=now,
        ))
    session.flush()


def _comparable(payload: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in payload.items() if k not in ("created_at",)}


def _jsonable_row(table, row) -> dict[str, Any]:
    return {name: _jsonable(value) for name, value in row.items()}

