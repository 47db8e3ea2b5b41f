"""Unit of work: one transaction per user action, with the outbox written in the same transaction.

Usage (services take the unit of work, the caller commits)::

    with UnitOfWork(db) as uow:
        catalog.import_standards(uow, entries)
        uow.commit()

Leaving the block without ``commit()`` rolls everything back. Every insert, update or
soft delete of a :class:`~mpp_desk.models.SyncMixin` row bumps its version, stamps the
device and time, and adds one :class:`~mpp_desk.models.OutboxEntry`, all inside the
flush, so a business write and its outbox row can never land apart. Each outbox row carries
the id of its local transaction (``tx_id``), so the server takes one user action whole.

A unit of work of origin ``"server"`` applies changes pulled from the central server
(:mod:`mpp_desk.sync.apply`): rows are stored as the server sent them (version, writer
device, times) and no outbox row is written, so nothing echoes back.
"""

from __future__ import annotations

import datetime as dt
import decimal
import enum
import uuid
from typing import TYPE_CHECKING, Any

from sqlalchemy import event, inspect
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import ORMExecuteState, Session

from mpp_desk.database import BEGIN_OPTION, Database, classify_error, read_only_problem
from mpp_desk.models import OutboxEntry, SyncMixin
from mpp_desk.models.base import utcnow

if TYPE_CHECKING:
    from mpp_desk.roles import Actor


class UnitOfWork:
    """A session and its transaction for one user action; rolls back unless committed.

    ``actor`` is who the action is done for (None: the system itself); the audit trail
    records it (:func:`mpp_desk.audit.record`). ``origin`` is ``"local"`` for everything done on
    this PC and ``"server"`` for changes applied from the central server (no outbox, no stamping).
    """

    LOCAL = "local"
    SERVER = "server"

    def __init__(
        self, db: Database, *, write: bool = True, actor: Actor | None = None, origin: str = LOCAL
    ) -> None:
        if origin not in (self.LOCAL, self.SERVER):
            raise ValueError(f"unknown unit-of-work origin {origin!r}")
        self.db = db
        self.write = write
        self.actor = actor
        self.origin = origin
        self._session: Session | None = None

    @property
    def session(self) -> Session:
        """The open session; only inside the with-block."""
        if self._session is None:
            raise RuntimeError("the unit of work is not open (use it in a with block)")
        return self._session

    @property
    def device_id(self) -> str:
        return self.db.device_id

    def __enter__(self) -> UnitOfWork:
        session = self._session = self.db.sessions()
        session.info["device_id"] = self.db.device_id
        if self.write and getattr(self.db, "read_only", False):
            session.close()
            self._session = None
            raise read_only_problem(self.db.path)
        session.info["origin"] = self.origin
        session.info["tx_id"] = uuid.uuid4()
        if self.write:
            # Take the write lock now: a read-then-write under a deferred BEGIN could fail half way.
            # Waiting for another writer is the busy timeout's job; past it, say so clearly.
            try:
                session.connection(execution_options={BEGIN_OPTION: "IMMEDIATE"})
            except OperationalError as exc:
                session.close()
                self._session = None
                raise classify_error(exc, self.db.path) from exc
        return self

    def __exit__(self, *exc) -> None:
        session = self.session
        # close() rolls back whatever was not committed; objects already loaded stay readable.
        session.close()
        self._session = None

    def commit(self) -> None:
        try:
            self.session.commit()
        except OperationalError as exc:
            self.session.info.pop("audit_head", None)
            raise classify_error(exc, self.db.path) from exc
        if "audit_head" in self.session.info:
            from mpp_desk import audit  # lazy: import cycle, the audit module imports this one

            audit.after_commit(self)
        self.session.info["tx_id"] = uuid.uuid4()  # a later commit in the same block is another action

    def flush(self) -> None:
        self.session.flush()

    def rollback(self) -> None:
        self.session.info.pop("audit_head", None)
        self.session.rollback()
        self.session.info["tx_id"] = uuid.uuid4()


def _jsonable(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    return value


def row_payload(obj: SyncMixin) -> dict[str, Any]:
    """The row as the server will receive it: every column, JSON-ready."""
    mapper = inspect(obj).mapper
    return {col.key: _jsonable(getattr(obj, col.key)) for col in mapper.column_attrs}


@event.listens_for(Session, "before_flush")
def _stamp_and_outbox(session: Session, _flush_context, _instances) -> None:
    device_id = session.info.get("device_id")
    if device_id is None:
        return  # a plain session (migrations, tests of the models alone): no outbox
    if session.info.get("origin") == UnitOfWork.SERVER:
        return  # the server's own records, stored as sent: nothing to stamp, nothing to push back
    tx_id = session.info.get("tx_id")
    now = utcnow()
    entries: list[OutboxEntry] = []
    for obj in list(session.new):
        if not isinstance(obj, SyncMixin):
            continue
        _apply_column_defaults(obj)
        obj.created_at = obj.created_at or now
        obj.updated_at = now
        obj.version = 1
        obj.device_id = device_id
        entries.append(_entry(device_id, obj, "insert", None, tx_id))
    for obj in list(session.dirty):
        if not isinstance(obj, SyncMixin) or not session.is_modified(obj, include_collections=False):
            continue
        if _append_only(type(obj)):
            raise RuntimeError(f"{type(obj).__name__} rows are append-only; they cannot be changed")
        base = obj.version
        state = inspect(obj)
        deleted_now = state.attrs.deleted_at.history.added and obj.deleted_at is not None
        obj.version = (base or 0) + 1
        obj.updated_at = now
        obj.device_id = device_id
        entries.append(_entry(device_id, obj, "delete" if deleted_now else "update", base, tx_id))
    for obj in list(session.deleted):
        if _append_only(type(obj)):
            raise RuntimeError(f"{type(obj).__name__} rows are append-only; they cannot be deleted")
        if isinstance(obj, SyncMixin):
            raise RuntimeError(f"hard delete of synced row {type(obj).__name__}; use soft_delete()")
    session.add_all(entries)


def _append_only(cls: type) -> bool:
    return bool(getattr(cls, "__append_only__", False))


@event.listens_for(Session, "do_orm_execute")
def _refuse_bulk_changes_to_append_only(state: ORMExecuteState) -> None:
    """``session.execute(update(AuditEntry)...)`` bypasses the flush; refuse it here too."""
    if not (state.is_update or state.is_delete):
        return
    for mapper in state.all_mappers:
        if _append_only(mapper.class_):
            raise RuntimeError(f"{mapper.class_.__name__} rows are append-only; bulk update/delete refused")


def _apply_column_defaults(obj: SyncMixin) -> None:
    """Fill Python-side column defaults now, so the outbox payload shows what will be stored."""
    for column in inspect(obj).mapper.columns:
        default = column.default
        if default is None or getattr(obj, column.key, None) is not None:
            continue
        if default.is_callable:
            setattr(obj, column.key, default.arg(None))
        elif default.is_scalar:
            setattr(obj, column.key, default.arg)


def _entry(
    device_id: str, obj: SyncMixin, op: str, base_version: int | None, tx_id: uuid.UUID | None
) -> OutboxEntry:
    return OutboxEntry(
        op_id=uuid.uuid4(),
        tx_id=tx_id,
        device_id=device_id,
        entity=type(obj).__tablename__,
        entity_id=obj.id,
        op=op,
        base_version=base_version,
        payload=row_payload(obj),
        created_at=utcnow(),
    )


def soft_delete(obj: SyncMixin) -> None:
    """Mark a synced row deleted (a tombstone the server will receive)."""
    if obj.deleted_at is None:
        obj.deleted_at = utcnow()
