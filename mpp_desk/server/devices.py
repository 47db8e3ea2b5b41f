"""Devices: enrolment codes, credentials, revocation. Codes and credentials are stored as HMACs only."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
import uuid
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.engine import Connection

from mpp_desk.server.tables import devices, enrolment_codes
from mpp_desk.sync.entities import DEVICE_ROLES

_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud and typed by hand


class DeviceError(Exception):
    """A request a device cannot make (bad code, unknown credential); ``status`` is the HTTP status."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Device:
    id: uuid.UUID
    name: str
    role: str
    revoked: bool
    last_seen_at: dt.datetime | None
    enrolled: bool
    pending_ops: int | None = None
    local_device_id: str = ""  # the id the PC stamps in its rows (and its audit chain)
    counters: tuple[int, ...] | None = None  # the counter numbers it may act on; None: not bound (any counter)

    def may_work_at(self, counter_number: int) -> bool:
        """A device bound to counter numbers acts only on those; an unbound one on any (docs/queue.md)."""
        return self.counters is None or counter_number in self.counters


def digest(secret: bytes, value: str) -> str:
    return hmac.new(secret, value.encode(), hashlib.sha256).hexdigest()


def normalize_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def enroll(conn: Connection, secret: bytes, *, name: str, role: str, hours: int, now: dt.datetime) -> tuple[Device, str, dt.datetime]:
    """Register a device to be and its one-time code (valid *hours*); returns (device, code, expiry)."""
    if role not in DEVICE_ROLES:
        raise DeviceError(f"unknown role {role!r}; one of {', '.join(DEVICE_ROLES)}")
    name = name.strip()
    if not name or len(name) > 100:
        raise DeviceError("the device name must be 1 to 100 characters")
    device_id = uuid.uuid4()
    raw = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(12))
    code = "-".join(raw[i:i + 4] for i in range(0, 12, 4))
    expires = now + dt.timedelta(hours=hours)
    conn.execute(devices.insert().values(id=device_id, name=name, role=role, created_at=now))
    conn.execute(
        enrolment_codes.insert().values(
            code_hash=digest(secret, normalize_code(code)), device_id=device_id, created_at=now, expires_at=expires
        )
    )
    return Device(device_id, name, role, False, None, False), code, expires


def redeem(conn: Connection, secret: bytes, *, code: str, local_device_id: str, now: dt.datetime) -> tuple[Device, str]:
    """Burn an enrolment code and give its device a new credential; returns (device, credential)."""
    row = conn.execute(
        select(enrolment_codes).where(enrolment_codes.c.code_hash == digest(secret, normalize_code(code))).with_for_update()
    ).first()
    if row is None or row.used_at is not None or row.expires_at <= now:
        raise DeviceError("this enrolment code is unknown, used or expired; ask for a new one", status=401)
    if local_device_id:
        twin = conn.execute(
            select(devices.c.name).where(devices.c.local_device_id == local_device_id[:64], devices.c.id != row.device_id,
                                         devices.c.revoked_at.is_(None), devices.c.enrolled_at.is_not(None))
        ).scalar()
        if twin is not None:
            # A copied or restored data folder would write as a second device under the same identity.
            raise DeviceError(f"this PC's data folder is a copy of the one device {twin!r} joined with; join from a "
                              f"fresh data folder, or revoke {twin!r} first (the code was not used)", status=409)
    credential = secrets.token_urlsafe(32)
    conn.execute(update(enrolment_codes).where(enrolment_codes.c.code_hash == row.code_hash).values(used_at=now))
    result = conn.execute(
        update(devices)
        .where(devices.c.id == row.device_id, devices.c.revoked_at.is_(None))
        .values(credential_hash=digest(secret, credential), enrolled_at=now, last_seen_at=now,
                local_device_id=local_device_id[:64])
        .returning(devices)
    ).first()
    if result is None:
        raise DeviceError("this device was revoked; ask for a new enrolment code", status=401)
    return _device(result), credential


def authenticate(conn: Connection, secret: bytes, credential: str, *, now: dt.datetime,
                 pending: int | None = None) -> Device:
    """The device holding *credential*; a revoked or unknown one is refused (401). Its last sight is noted,
    with the changes it reports waiting (*pending*) when it says."""
    if not credential:
        raise DeviceError("no device credential; join this PC with `mpp-desk sync join`", status=401)
    row = conn.execute(
        update(devices)
        .where(devices.c.credential_hash == digest(secret, credential), devices.c.revoked_at.is_(None))
        .values(last_seen_at=now, **({"pending_ops": pending} if pending is not None else {}))
        .returning(devices)
    ).first()
    if row is None:
        raise DeviceError("this device is unknown or was revoked; ask the administrator to enrol it again", status=401)
    return _device(row)


def list_devices(conn: Connection) -> list[Device]:
    return [_device(r) for r in conn.execute(select(devices).order_by(devices.c.created_at, devices.c.name))]


def revoke(conn: Connection, device_id: uuid.UUID, *, now: dt.datetime) -> Device:
    row = conn.execute(
        update(devices).where(devices.c.id == device_id).values(revoked_at=now, credential_hash=None).returning(devices)
    ).first()
    if row is None:
        raise DeviceError(f"no device {device_id}", status=404)
    return _device(row)


def _device(row) -> Device:
    return Device(
        id=row.id, name=row.name, role=row.role, revoked=row.revoked_at is not None,
        last_seen_at=row.last_seen_at, enrolled=row.enrolled_at is not None, pending_ops=row.pending_ops,
        local_device_id=row.local_device_id or "",
        counters=_counters(getattr(row, "counter_numbers", None)),
    )


def _counters(value) -> tuple[int, ...] | None:
    return None if value is None else tuple(sorted(int(n) for n in value))


def parse_counters(text: str) -> list[int]:
    """``"3,4"`` -> [3, 4] (each 1 to 9999, at least one)."""
    numbers = []
    for part in (p.strip() for p in text.split(",")):
        if not part.isdigit() or not 1 <= int(part) <= 9999:
            raise DeviceError(f"not a counter number: {part!r}; give numbers like 3,4")
        numbers.append(int(part))
    if not numbers:
        raise DeviceError("give at least one counter number, like 3,4")
    return sorted(set(numbers))


def find(conn: Connection, which: str) -> Device:
    """A device by its id or its exact name (one, not revoked, when by name)."""
    try:
        rows = conn.execute(select(devices).where(devices.c.id == uuid.UUID(which))).all()
    except ValueError:
        rows = conn.execute(select(devices).where(devices.c.name == which.strip(), devices.c.revoked_at.is_(None))).all()
    if len(rows) != 1:
        raise DeviceError(f"no device {which!r}" if not rows else f"several devices are named {which!r}; give its id",
                          status=404)
    return _device(rows[0])


def bind(conn: Connection, device_id: uuid.UUID, counters: list[int] | None) -> Device:
    """Bind a device to counter numbers (None: unbind, it may act on any counter again)."""
    row = conn.execute(update(devices).where(devices.c.id == device_id).values(counter_numbers=counters)
                       .returning(devices)).first()
    if row is None:
        raise DeviceError(f"no device {device_id}", status=404)
    return _device(row)
