"""The supervisor's sync screens: the server's conflicts and devices (run on the network lane).

Each call goes to the office's server; none runs on the UI thread. The answers become plain,
immutable views; personal values in a conflict are masked for a role that may not see personal data.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from mpp_desk.context import AppContext
from mpp_desk import audit
from mpp_desk.roles import Permission, allowed, require
from mpp_desk.sync import client

if TYPE_CHECKING:
    from mpp_desk.sync.schemas import Keep

# Columns of the synced models that hold personal data (applicants, reporters): their values are
# masked for a role without VIEW_PERSONAL_DATA (the administrator).
_PERSONAL_MARKERS = ("name", "nik", "phone", "address", "email", "contact", "npwp", "reporter", "applicant",
                     "substance", "birth", "note")
MASK = "•••"
_HIDDEN = frozenset({"version", "updated_at", "device_id"})


@dataclass(frozen=True)
class ConflictView:
    id: int
    entity: str
    entity_id: str
    device: str  # the device that sent the refused change (its name, else its id)
    reason: str
    created_at: dt.datetime
    base_version: int | None
    server_version: int | None
    rows: tuple[tuple[str, str, str], ...]  # (column, this device's value, the server's value)
    differing: frozenset[str]


@dataclass(frozen=True)
class DeviceView:
    id: str
    name: str
    role: str
    last_seen_at: dt.datetime | None
    pending: int | None
    revoked: bool
    enrolled: bool
    this_pc: bool


@dataclass(frozen=True)
class AlertView:
    """A break the server found in a PC's audit trail on arrival."""

    id: int
    device: str
    seq: int | None
    reason: str
    detail: str
    created_at: dt.datetime


@dataclass(frozen=True)
class Oversight:
    joined: bool
    conflicts: tuple[ConflictView, ...] = ()
    devices: tuple[DeviceView, ...] = ()
    alerts: tuple[AlertView, ...] = ()
    may_resolve: bool = False


def oversight(ctx: AppContext, *, actor) -> Oversight:
    """The open conflicts and the devices, from the server; a PC that has not joined gets ``joined=False``."""
    require(actor, Permission.VIEW_REPORTS)
    joined = client.load_joined(ctx.data_dir)
    if joined is None:
        return Oversight(joined=False)
    devices = client.server_devices(ctx.data_dir)
    names = {d["id"]: d["name"] for d in devices}
    reveal = allowed(actor, Permission.VIEW_PERSONAL_DATA)
    conflicts = tuple(_conflict(c, names, reveal) for c in client.server_conflicts(ctx.data_dir))
    alerts = tuple(AlertView(id=int(a["id"]), device=names.get(a["device_id"], a["device_id"]), seq=a.get("seq"),
                             reason=a["reason"], detail=a["detail"], created_at=dt.datetime.fromisoformat(a["created_at"]))
                   for a in client.audit_alerts(ctx.data_dir))
    return Oversight(
        joined=True,
        conflicts=conflicts,
        alerts=alerts,
        may_resolve=may_resolve(actor),
        devices=tuple(
            DeviceView(id=d["id"], name=d["name"], role=d["role"], last_seen_at=_moment(d.get("last_seen_at")),
                       pending=d.get("pending"), revoked=bool(d["revoked"]), enrolled=bool(d["enrolled"]),
                       this_pc=d["id"] == joined.device_id)
            for d in devices
        ),
    )


def revoke(ctx: AppContext, *, actor, device_id: str, name: str) -> None:
    """Revoke a device on the server (it gets 401 from now on), recorded in this PC's audit trail."""
    require(actor, Permission.VIEW_REPORTS)
    client.revoke_device(ctx.data_dir, device_id)
    with ctx.uow(actor=actor) as uow:
        audit.record(uow, action="sync.device_revoked", entity="device", entity_id=device_id,
                     summary=f"device {name} revoked on the server", details={"device": name})
        uow.commit()


def may_resolve(actor) -> bool:
    """Deciding between two versions needs seeing both in full: the supervisor (the administrator sees masks)."""
    return allowed(actor, Permission.VIEW_REPORTS) and allowed(actor, Permission.VIEW_PERSONAL_DATA)


def resolve(ctx: AppContext, *, actor, conflict_id: int, keep: Keep, fields: tuple[str, ...] = ()) -> dict[str, Any]:
    """Close a conflict on the server: keep its version, take the PC's, or take the PC's *fields*.

    Recorded in this PC's audit trail (``sync.conflict_resolved``, field names only); the server writes the
    outcome as its own change, which every PC pulls on its next sync.
    """
    require(actor, Permission.VIEW_REPORTS)
    require(actor, Permission.VIEW_PERSONAL_DATA)
    done = client.resolve_conflict(ctx.data_dir, conflict_id, keep=keep,
                                   fields={name: "device" for name in fields} if keep == "fields" else None)
    with ctx.uow(actor=actor) as uow:
        audit.record(uow, action="sync.conflict_resolved", entity=done["entity"], entity_id=done["entity_id"],
                     summary=f"conflict #{conflict_id} resolved: {keep}",
                     details={"conflict": conflict_id, "keep": keep, "fields": list(done.get("fields") or ()),
                              "version": done.get("version")})
        uow.commit()  # the audit entry wrote outbox rows: the background sync runs now and pulls the outcome
    return done


def _moment(text: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(text) if text else None


def _personal(column: str) -> bool:
    return any(marker in column for marker in _PERSONAL_MARKERS)


def _show(value: Any, column: str, reveal: bool) -> str:
    if value is None:
        return "—"
    if not reveal and _personal(column):
        return MASK
    return str(value)


def _conflict(c: dict[str, Any], names: dict[str, str], reveal: bool) -> ConflictView:
    mine = c.get("client_payload") or {}
    theirs = c.get("server_payload") or {}
    columns = [k for k in dict.fromkeys([*mine, *theirs]) if k not in _HIDDEN]
    differing = frozenset(k for k in columns if mine.get(k) != theirs.get(k))
    columns.sort(key=lambda k: (k not in differing, k))  # what differs first
    rows = tuple((k, _show(mine.get(k), k, reveal), _show(theirs.get(k), k, reveal)) for k in columns)
    device_id: str = c["device_id"]
    return ConflictView(id=int(c["id"]), entity=c["entity"], entity_id=c["entity_id"],
                        device=names.get(device_id, device_id), reason=c["reason"],
                        created_at=dt.datetime.fromisoformat(c["created_at"]), base_version=c.get("base_version"),
                        server_version=c.get("server_version"), rows=rows, differing=differing)
