"""The sync wire: pydantic models shared by the central server and the PC (docs/sync.md)."""

from __future__ import annotations

import uuid
from typing import Any, Literal

from pydantic import BaseModel, Field

PROTOCOL = 1  # what this program speaks
MIN_PROTOCOL = 1  # the oldest client the server still serves
PROTOCOL_HEADER = "X-MPP-Protocol"
PENDING_HEADER = "X-MPP-Pending"  # the changes waiting on the PC, reported on each request (devices screen)


class Health(BaseModel):
    status: Literal["ok"] = "ok"
    server_version: str
    protocol: int
    min_protocol: int


class EnrolRequest(BaseModel):
    protocol: int
    code: str = Field(min_length=4, max_length=64)
    local_device_id: str = Field(default="", max_length=64)


class EnrolResponse(BaseModel):
    device_id: uuid.UUID
    name: str
    role: str
    credential: str
    office_name: str
    server_version: str
    protocol: int


class Op(BaseModel):
    """One outbox row as it travels."""

    op_id: uuid.UUID
    tx_id: uuid.UUID | None = None
    device_seq: int = 0
    entity: str = Field(min_length=1, max_length=64)
    entity_id: uuid.UUID
    op: Literal["insert", "update", "delete"]
    base_version: int | None = None
    payload: dict[str, Any]


class PushRequest(BaseModel):
    protocol: int
    ops: list[Op]


class ServerRecord(BaseModel):
    version: int
    payload: dict[str, Any]


class OpResult(BaseModel):
    op_id: uuid.UUID
    status: Literal["accepted", "rejected", "conflict"]
    reason: str | None = None
    version: int | None = None
    seq: int | None = None
    server: ServerRecord | None = None


class PushResponse(BaseModel):
    results: list[OpResult]


class Change(BaseModel):
    seq: int
    entity: str
    entity_id: uuid.UUID
    version: int
    op: str
    payload: dict[str, Any]
    device_id: uuid.UUID | None = None
    tx_id: uuid.UUID | None = None


class PullResponse(BaseModel):
    changes: list[Change]
    next_cursor: int
    more: bool


LeaseKind = Literal["registration", "complaint"]
Keep = Literal["server", "device", "fields"]  # how a conflict is closed
Side = Literal["server", "device"]  # whose value one field keeps


class LeaseRequest(BaseModel):
    kind: LeaseKind
    wanted: str | None = Field(default=None, max_length=4)


class LeaseResponse(BaseModel):
    kind: str
    block: str


class Problem(BaseModel):
    detail: str


def audit_key_fingerprint(key: bytes) -> str:
    """Names a PC's audit key without showing it (the server and the PC compute the same)."""
    import hashlib

    return hashlib.sha256(b"mpp-audit-key-id." + key).hexdigest()


class AuditKeyRequest(BaseModel):
    """What the server needs to verify this PC's audit chain (docs/sync.md, "Audit chains")."""

    chain_id: str = Field(min_length=1, max_length=64)
    key: str | None = Field(default=None, max_length=64)  # the audit HMAC key, base64 (32 bytes)
    keyed_from: int = Field(default=1, ge=1, le=2**31 - 1)
    public_key: str | None = Field(default=None, max_length=1000)  # Ed25519 PEM: checks the signed checkpoints


class AuditCheckpoint(BaseModel):
    """audit-checkpoint.json as the PC wrote it."""

    v: int
    device_id: str = Field(max_length=64)
    seq: int = Field(ge=0, le=2**31 - 1)
    hash: str = Field(max_length=64)
    keyed_from: int = Field(ge=1, le=2**31 - 1)
    key_id: str = Field(max_length=64)
    sig: str = Field(max_length=200)


class ConflictResolution(BaseModel):
    """Close a conflict: keep the server's version, take the device's, or choose field by field."""

    keep: Keep
    fields: dict[str, Side] = Field(default_factory=dict)
