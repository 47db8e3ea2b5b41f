"""Number blocks leased to devices, so no two PCs ever hand out the same registration or case number.

A device keeps its block (one per kind) for good. It asks for the block it already uses; the server
grants it when no other device holds it or has numbers in it, otherwise the first free one.
"""

from __future__ import annotations

import itertools
from typing import Iterator

from sqlalchemy import insert, select, text
from sqlalchemy.engine import Connection

from mpp_desk.server.devices import Device
from mpp_desk.server.tables import number_leases

LEASE_LOCK = 0x6D70706C  # "mppl"
PERMANENT = ""

# kind -> the device roles that number things of that kind
KINDS = {
    "registration": frozenset({"counter", "supervisor", "admin"}),
    "complaint": frozenset({"complaints", "supervisor", "admin"}),
}
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


class LeaseError(Exception):
    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


def _candidates(kind: str) -> Iterator[str]:
    if kind == "registration":
        yield from (f"{n:02d}" for n in range(1, 100))  # 00 is the server's own block
    else:
        yield from ("".join(p) for p in itertools.product(_CROCKFORD, repeat=3) if "".join(p) != "000")


def valid(kind: str, block: str) -> bool:
    if kind == "registration":
        return len(block) == 2 and block.isdigit() and block != "00"
    return 1 <= len(block) <= 4 and all(ch in _CROCKFORD for ch in block)


def _used_by_others(conn: Connection, device: Device, kind: str, block: str) -> bool:
    """A block another device already numbered records in (a standalone PC that joined)."""
    if kind == "registration":
        condition = "r.entity = 'intake_application' AND (r.payload->>'reg_block')::int = :n"
        params = {"n": int(block)}
    else:
        condition = "r.entity = 'complaint_case' AND r.payload->>'case_number' LIKE :pattern"
        params = {"pattern": f"%/{block}-%"}
    sql = text(
        f"SELECT 1 FROM records r JOIN change_log c ON c.entity = r.entity AND c.entity_id = r.entity_id "
        f"WHERE {condition} AND c.op = 'insert' AND c.device_id IS DISTINCT FROM :me LIMIT 1"
    )
    return conn.execute(sql, {**params, "me": device.id}).first() is not None


def lease(conn: Connection, device: Device, *, kind: str, wanted: str | None) -> str:
    """This device's block of *kind*: the one it holds, else *wanted* if free, else the first free one."""
    if kind not in KINDS:
        raise LeaseError(f"unknown number kind {kind!r}")
    if device.role not in KINDS[kind]:
        raise LeaseError(f"a {device.role} device does not number {kind} records", status=403)
    held = conn.execute(
        select(number_leases.c.block).where(number_leases.c.kind == kind, number_leases.c.device_id == device.id)
    ).scalar()
    if held is not None:
        return held
    conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": LEASE_LOCK})
    taken = set(conn.execute(select(number_leases.c.block).where(number_leases.c.kind == kind)).scalars())
    order = ([wanted] if wanted and valid(kind, wanted) else []) + [b for b in _candidates(kind) if b != wanted]
    for block in order:
        if block in taken or _used_by_others(conn, device, kind, block):
            continue
        conn.execute(insert(number_leases).values(kind=kind, period=PERMANENT, block=block, device_id=device.id))
        return block
    raise LeaseError(f"no free {kind} block is left", status=409)
