"""Reading the synced records the public pages need, over one connection (records are JSON payloads,
decoded with the shared models' column types: :func:`mpp_desk.sync.entities.decode`)."""

from __future__ import annotations

import json
import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from mpp_desk.server.tables import record_keys, records
from mpp_desk.sync import entities
from mpp_desk import settings
from mpp_desk.models import CalendarOverride
from mpp_desk.workdays import WorkingCalendar


class Records:
    """The current, not deleted records of one office (the server's ``records`` table)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def get(self, entity: str, entity_id: uuid.UUID | str | None) -> dict[str, Any] | None:
        if entity_id is None:
            return None
        payload = self.conn.execute(
            select(records.c.payload).where(records.c.entity == entity, records.c.entity_id == uuid.UUID(str(entity_id)),
                                            records.c.deleted.is_(False))
        ).scalar()
        return _decode(entity, payload)

    def by_key(self, entity: str, **key: Any) -> dict[str, Any] | None:
        """A record by one of its unique keys, e.g. ``by_key("intake_application", registration_number=...)``."""
        names = ",".join(key)
        owner = self.conn.execute(
            select(record_keys.c.entity_id).where(record_keys.c.entity == entity, record_keys.c.key_name == names,
                                                  record_keys.c.key_value == json.dumps(list(key.values()), default=str))
        ).scalar()
        return self.get(entity, owner) if owner is not None else None

    def children(self, entity: str, column: str, parent_id: uuid.UUID) -> list[dict[str, Any]]:
        """The records of *entity* whose *column* points at *parent_id* (history rows of one file or case)."""
        rows = self.conn.execute(
            select(records.c.payload).where(records.c.entity == entity, records.c.deleted.is_(False),
                                            records.c.payload[column].astext == str(parent_id))
        ).scalars()
        return [d for d in (_decode(entity, p) for p in rows) if d is not None]

    def setting(self, key: str) -> Any:
        """An office setting as the PCs synced it, else its declared default."""
        declared = settings.declared(key)
        row = self.get("setting", uuid.uuid5(settings._ROW_NAMESPACE, f"office::{key}"))
        if row is None:
            return declared.default
        try:
            return declared.coerce(row["value"])
        except Exception:  # noqa: BLE001 - a bad stored value: the default, as on the PC
            return declared.default

    def calendar(self):
        """The working calendar with the office's local changes (closures and openings) in force."""
        rows = self.conn.execute(
            select(records.c.payload).where(records.c.entity == "calendar_override", records.c.deleted.is_(False))
        ).scalars()
        overrides = [d for d in (_decode("calendar_override", p) for p in rows) if d is not None]
        closed = {r["day"]: r.get("reason") or "" for r in overrides if r.get("kind") == CalendarOverride.CLOSED}
        opened = {r["day"]: r.get("reason") or "" for r in overrides if r.get("kind") == CalendarOverride.OPEN}
        return WorkingCalendar(closed, opened)


def _decode(entity: str, payload: dict[str, Any] | None) -> dict[str, Any] | None:
    if payload is None or payload.get("deleted_at") is not None:
        return None
    try:
        return entities.decode(entities.ENTITIES[entity].table, payload)
    except (TypeError, ValueError, KeyError):
        return None
