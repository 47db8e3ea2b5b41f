"""What syncs, how, and which device role may write it: one table read by the server and the PC.

The server and the PC share the SQLAlchemy models (:mod:`mpp_desk.models`), so a record's columns,
unique keys and foreign keys are defined once; this module only adds the sync rules on top.
"""

from __future__ import annotations

import datetime as dt
import decimal
import functools
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Boolean, Date, Integer, Table, Time, Uuid
from sqlalchemy import JSON as SAJSON

from mpp_desk.models import Base
from mpp_desk.models.base import UTCDateTime

DEVICE_ROLES = ("kiosk", "counter", "complaints", "supervisor", "display", "admin")

_ALL = frozenset(DEVICE_ROLES)
_STAFF_DESKS = frozenset({"counter", "complaints", "supervisor", "admin"})
_ADMIN = frozenset({"admin"})
_INTAKE = frozenset({"counter", "supervisor", "admin"})
_COMPLAINTS = frozenset({"complaints", "supervisor", "admin"})
_QUEUE = frozenset({"kiosk", "counter", "complaints", "supervisor", "admin"})
_EVALUATION = frozenset({"supervisor", "admin"})  # Evaluasi Kinerja of the standards
_SURVEY = _QUEUE  # the survey tablet runs as a kiosk; the counter hands it over; imports at a staff desk


@dataclass(frozen=True)
class EntitySpec:
    """How one table syncs.

    ``append_only``: inserts only, merged. ``adoptable``: a reference record a standalone PC may have
    seeded itself under another id; on pull the server's record with the same unique key replaces it.
    ``writers``: the device roles that may push it. ``adopt_key``: for an adoptable table without a
    unique key of its own, the columns that say two rows are the same (requirement lines of a standard).
    ``yields``: an append-only record this PC made that holds a unique key of a record pulled from the
    server gives way to it (the server refused or will refuse this PC's: the first one counts). Survey
    responses: one per ticket or file, whether from a tablet or the public page (docs/public-pages.md).
    """

    name: str
    writers: frozenset[str]
    append_only: bool = False
    adoptable: bool = False
    adopt_key: tuple[str, ...] = ()
    yields: bool = False

    @property
    def table(self) -> Table:
        return Base.metadata.tables[self.name]


ENTITIES: dict[str, EntitySpec] = {
    spec.name: spec
    for spec in (
        # reference data: the administrator's
        EntitySpec("queue_group", _ADMIN, adoptable=True),
        EntitySpec("queue_counter", _ADMIN, adoptable=True),
        EntitySpec("queue_counter_group", _ADMIN, adoptable=True),
        EntitySpec("queue_break", _ADMIN),
        EntitySpec("service_standard", _ADMIN, adoptable=True),
        EntitySpec("service_requirement", _ADMIN, adoptable=True, adopt_key=("service_id", "kind", "position")),
        EntitySpec("procedure_classification", _ADMIN, adoptable=True),
        EntitySpec("standard_evaluation", _EVALUATION),
        EntitySpec("calendar_override", _ADMIN, adoptable=True),
        EntitySpec("complaint_channel", _ADMIN, adoptable=True),
        EntitySpec("setting", _ADMIN),  # office scope only (see local_only)
        # accounts: created by the administrator, sign-in bookkeeping written at every desk
        EntitySpec("staff_user", _STAFF_DESKS, adoptable=True),
        # workflow records (version-checked) and their append-only history
        EntitySpec("intake_visit", _INTAKE),
        EntitySpec("intake_checklist_item", _INTAKE),
        EntitySpec("intake_application", _INTAKE),
        EntitySpec("intake_status_change", _INTAKE, append_only=True),
        EntitySpec("intake_receipt", _INTAKE),
        EntitySpec("complaint_case", _COMPLAINTS),
        EntitySpec("complaint_step", _COMPLAINTS, append_only=True),
        EntitySpec("complaint_attachment", _COMPLAINTS),
        EntitySpec("queue_ticket", _QUEUE),
        EntitySpec("survey_invite", _SURVEY, append_only=True),
        EntitySpec("survey_response", _SURVEY, append_only=True, yields=True),
        EntitySpec("audit_entry", _ALL, append_only=True),
    )
}

# Synced tables that are kept back for now, and why (their outbox rows stay pending, uncounted).
HELD_BACK = {
    "queue_event": "the live queue across PCs (next issue): its seq is unique per PC file",
}
# Never leave the PC.
LOCAL_ONLY = {"complaint_draft": "a person's own unfinished form"}

# Columns the server maintains or that differ between two copies of the same content.
BOOKKEEPING = frozenset({"version", "updated_at", "device_id"})


def local_only(entity: str, payload: dict[str, Any]) -> bool:
    """True for rows that belong to this PC alone (PC-scope settings, drafts)."""
    if entity in LOCAL_ONLY:
        return True
    return entity == "setting" and payload.get("scope") != "office"


def may_write(role: str, entity: str) -> bool:
    spec = ENTITIES.get(entity)
    return spec is not None and role in spec.writers


@functools.cache
def unique_keys(table: Table) -> list[tuple[str, ...]]:
    """The table's unique keys other than its id, as column-name tuples (from the shared models)."""
    keys: list[tuple[str, ...]] = []
    for constraint in table.constraints:
        cols = tuple(c.name for c in getattr(constraint, "columns", ()))
        if constraint.__class__.__name__ == "UniqueConstraint" and cols:
            keys.append(cols)
    for column in table.columns:
        if column.unique and (column.name,) not in keys:
            keys.append((column.name,))
    for index in table.indexes:
        if index.unique:
            keys.append(tuple(c.name for c in index.columns))
    return keys


def key_values(payload: dict[str, Any], key: tuple[str, ...]) -> list[Any] | None:
    """The key's values in *payload*, or None when one is missing or null (nulls never clash)."""
    values = [payload.get(name) for name in key]
    return None if any(v is None for v in values) else values


@functools.cache
def references(table_name: str) -> list[tuple[Table, str]]:
    """(table, column) pairs whose foreign key points at ``table_name.id``."""
    found = []
    for table in Base.metadata.tables.values():
        for fk in table.foreign_keys:
            if fk.column.table.name == table_name and fk.column.name == "id":
                found.append((table, fk.parent.name))
    return found


def same_content(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Two payloads of one record are the same apart from bookkeeping."""
    keys = (set(a) | set(b)) - BOOKKEEPING
    return all(a.get(k) == b.get(k) for k in keys)


def decode(table: Table, payload: dict[str, Any]) -> dict[str, Any]:
    """Payload (JSON values) to column values for *table*; unknown keys are dropped."""
    values: dict[str, Any] = {}
    for name, convert in _decoders(table):
        if name not in payload:
            continue
        raw = payload[name]
        values[name] = None if raw is None else convert(raw)
    return values


def _utc_datetime(raw: Any) -> dt.datetime:
    value = dt.datetime.fromisoformat(raw)
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)


def _same(raw: Any) -> Any:
    return raw


@functools.cache
def _decoders(table: Table) -> tuple[tuple[str, Any], ...]:
    """(column, converter) per column, chosen once per table (a page decodes thousands of rows)."""
    out = []
    for column in table.columns:
        type_ = column.type
        if isinstance(type_, UTCDateTime):
            convert = _utc_datetime
        elif isinstance(type_, Uuid):
            convert = _uuid
        elif isinstance(type_, SAJSON):
            convert = _same
        else:
            convert = functools.partial(_decode_value, type_)
        out.append((column.name, convert))
    return tuple(out)


def _uuid(raw: Any) -> uuid.UUID:
    return raw if isinstance(raw, uuid.UUID) else uuid.UUID(str(raw))


def _decode_value(type_: Any, raw: Any) -> Any:
    if isinstance(type_, UTCDateTime):
        value = dt.datetime.fromisoformat(raw)
        return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)
    if isinstance(type_, Uuid):
        return uuid.UUID(str(raw))
    if isinstance(type_, SAJSON):
        return raw
    if isinstance(type_, Date):
        return dt.date.fromisoformat(raw)
    if isinstance(type_, Time):
        return dt.time.fromisoformat(raw)
    if isinstance(type_, Boolean):
        return bool(raw)
    if isinstance(type_, Integer):
        return int(raw)
    python_type = getattr(type_, "python_type", None)
    if python_type is decimal.Decimal:
        return decimal.Decimal(str(raw))
    return raw


def check_payload(entity: str, payload: dict[str, Any]) -> str | None:
    """Why *payload* cannot be a row of *entity* (unknown column, missing required value, bad type), or None."""
    table = ENTITIES[entity].table
    unknown = sorted(set(payload) - set(table.columns.keys()))
    if unknown:
        return f"unknown columns: {', '.join(unknown)}"
    for column in table.columns:
        if not column.nullable and payload.get(column.name) is None and column.name not in BOOKKEEPING:
            return f"{column.name} is required"
    try:
        decode(table, payload)
    except (TypeError, ValueError, decimal.InvalidOperation) as exc:
        return f"bad value: {exc}"
    return None
