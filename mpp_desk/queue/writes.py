"""The queue's hot writes as one batched statement set: ticket, event and outbox rows by Core.

Every issue, call and counter action writes one ticket row (insert or update), one event row and
their two outbox rows. Through the ORM's flush that costs more Python time than SQLite takes to
store them, so the queue services collect the rows in a :class:`RowWrites` and write them with
prebuilt Core statements: one statement per table, the outbox rows in one ``executemany``.

The rows and the outbox entries are exactly what the unit of work's flush hook
(:func:`mpp_desk.uow._stamp_and_outbox`) would write: the same stamping (``created_at``,
``updated_at``, ``version``, ``device_id`` of this PC), the same payload
(:func:`mpp_desk.uow.row_payload`), the transaction's ``tx_id``; none of either for a unit of work
of origin "server" (rows stored as given). tests/integration/test_queue_writes.py compares the two
paths. An updated ORM object gets the new values as its committed state, so it reads as stored
and the session has nothing left to flush for it.
"""

from __future__ import annotations

import functools
import uuid
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import Table, bindparam, insert, inspect, update
from sqlalchemy.orm.attributes import set_committed_value

from mpp_desk.models import OutboxEntry
from mpp_desk.models.base import SyncMixin, utcnow
from mpp_desk.uow import UnitOfWork
from mpp_desk.uow import _jsonable as jsonable  # the payload's one conversion rule (row_payload uses it)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

_OUTBOX = insert(cast(Table, OutboxEntry.__table__))
_PLAIN = frozenset({str, int, float, bool, type(None)})
OUTBOX_WRITTEN = "outbox_written"  # session.info flag the sync worker wakes on (mpp_desk/sync/worker.py)


@functools.lru_cache(maxsize=None)
def _columns(cls: type) -> tuple[tuple[str, Any], ...]:
    """(attribute key, column) of every mapped column of *cls*."""
    return tuple((prop.key, prop.columns[0]) for prop in inspect(cls).column_attrs)


@functools.lru_cache(maxsize=None)
def _insert(cls: type):
    return insert(cls.__table__)  # type: ignore[attr-defined]


@functools.lru_cache(maxsize=None)
def _update(cls: type):
    table = cls.__table__  # type: ignore[attr-defined]
    return update(table).where(table.c.id == bindparam("_row_id"))


class RowWrites:
    """Rows of one action, written together by :meth:`flush` (in the order given)."""

    def __init__(self, uow: UnitOfWork) -> None:
        self.session: Session = uow.session
        info = self.session.info
        self.device_id: str | None = info.get("device_id")
        # what the flush hook skips: plain sessions (no device) and changes pulled from the server
        self.stamp = self.device_id is not None and info.get("origin") != UnitOfWork.SERVER
        self.tx_id: uuid.UUID | None = info.get("tx_id")
        self._steps: list[tuple[Any, dict[str, Any]]] = []
        self._outbox: list[dict[str, Any]] = []
        self._now = utcnow()

    def insert(self, obj: SyncMixin) -> SyncMixin:
        """A new row (a transient object, not added to the session): stamp, column defaults, outbox."""
        cls = type(obj)
        if self.stamp:
            obj.created_at = obj.created_at or self._now
            obj.updated_at = self._now
            obj.version = 1
            obj.device_id = self.device_id  # type: ignore[assignment]
        values: dict[str, Any] = {}
        for key, column in _columns(cls):
            value = getattr(obj, key)
            if value is None and column.default is not None:
                default = column.default
                value = default.arg(None) if default.is_callable else default.arg if default.is_scalar else None
                setattr(obj, key, value)
            values[column.name] = value
        if self.stamp:
            self._note(obj, "insert", None)
        self._steps.append((_insert(cls), values))
        return obj

    def update(self, obj: SyncMixin, **changes: Any) -> SyncMixin:
        """Change a loaded row: one UPDATE of the changed columns and the stamp; the object keeps them."""
        cls = type(obj)
        if not changes:
            return obj
        base = obj.version
        if self.stamp:
            changes.update(version=(base or 0) + 1, updated_at=self._now, device_id=self.device_id)
        state = inspect(obj)
        for key, value in changes.items():
            set_committed_value(obj, key, value)
        assert not state.modified, "a row written by RowWrites must not also carry ORM changes"
        names = dict(_columns(cls))
        params = {names[key].name: value for key, value in changes.items()}
        params["_row_id"] = obj.id
        self._steps.append((_update(cls), params))
        if self.stamp:
            self._note(obj, "update", base)
        return obj

    def flush(self) -> None:
        """Write the rows, then their outbox entries in one executemany."""
        connection = self.session.connection()
        for statement, params in self._steps:
            result = connection.execute(statement, params)
            if "_row_id" in params and result.rowcount != 1:
                raise RuntimeError(f"row {params['_row_id']} vanished while it was written")
        if self._outbox:
            connection.execute(_OUTBOX, self._outbox)
            self.session.info[OUTBOX_WRITTEN] = True
        self._steps.clear()
        self._outbox.clear()

    def _note(self, obj: SyncMixin, op: str, base_version: int | None) -> None:
        self._outbox.append(
            {
                "op_id": uuid.uuid4(),
                "tx_id": self.tx_id,
                "device_id": self.device_id,
                "entity": type(obj).__tablename__,
                "entity_id": obj.id,
                "op": op,
                "base_version": base_version,
                "payload": _payload(obj),
                "created_at": self._now,
                "pushed_at": None,
                "result": None,
                "result_reason": None,
            }
        )


def _payload(obj: SyncMixin) -> dict[str, Any]:
    """:func:`mpp_desk.uow.row_payload`, read from the instance's loaded values (every column is set)."""
    loaded = obj.__dict__
    payload = {}
    for key, _column in _columns(type(obj)):
        value = loaded[key] if key in loaded else getattr(obj, key)
        payload[key] = value if type(value) in _PLAIN else jsonable(value)
    return payload
