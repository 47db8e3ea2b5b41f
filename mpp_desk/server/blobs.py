"""Attachments' files by SHA-256: uploaded in chunks that resume where the last one stopped, stored once.

``PUT /v1/blobs/{sha}?size=N&offset=K`` appends a chunk at K (it must equal what the server holds,
else 409 with the server's count, so a client resumes there); the last chunk completes the file
once its SHA-256 matches (a mismatch discards it: 422). A file already complete is never taken again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.engine import Connection

from mpp_desk.server.devices import Device
from mpp_desk.server.tables import blobs

SHA_RE = re.compile(r"[0-9a-f]{64}")
MAX_BLOB_BYTES = 10 * 1024 * 1024  # as mpp_desk/complaints/attachments.py MAX_BYTES


class BlobError(Exception):
    def __init__(self, message: str, status: int, received: int | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.received = received


def check_sha(sha: str) -> str:
    if not SHA_RE.fullmatch(sha or ""):
        raise BlobError("a blob is named by its SHA-256 in lower-case hex (64 characters)", 422)
    return sha


def status(conn: Connection, sha: str) -> dict[str, Any] | None:
    row = conn.execute(select(blobs.c.sha256, blobs.c.size, blobs.c.received, blobs.c.complete)
                       .where(blobs.c.sha256 == check_sha(sha))).first()
    if row is None:
        return None
    return {"sha256": row.sha256, "size": row.size, "received": row.received, "complete": row.complete}


def put_chunk(conn: Connection, device: Device, sha: str, *, size: int, offset: int, chunk: bytes,
              now: dt.datetime) -> dict[str, Any]:
    """Append *chunk* at *offset*; returns the blob's status (a complete blob is answered as it is)."""
    check_sha(sha)
    if not (0 < size <= MAX_BLOB_BYTES):
        raise BlobError(f"a file is 1 byte to {MAX_BLOB_BYTES} bytes; this one says {size}", 413)
    conn.execute(insert(blobs).values(sha256=sha, size=size, device_id=device.id, created_at=now)
                 .on_conflict_do_nothing(index_elements=["sha256"]))
    row = conn.execute(select(blobs.c.size, blobs.c.received, blobs.c.complete)
                       .where(blobs.c.sha256 == sha).with_for_update()).one()
    if row.complete:
        return {"sha256": sha, "size": row.size, "received": row.received, "complete": True}
    if row.size != size:
        raise BlobError(f"this file was started with size {row.size}, not {size}", 409, row.received)
    if offset != row.received:
        raise BlobError(f"the server holds {row.received} bytes of this file; send from there", 409, row.received)
    received = offset + len(chunk)
    if received > size:
        raise BlobError(f"the chunk runs past the file's size ({received} > {size})", 413, row.received)
    conn.execute(update(blobs).where(blobs.c.sha256 == sha)
                 .values(data=func.coalesce(blobs.c.data, b"").op("||")(chunk), received=received))
    complete = False
    if received == size:
        data = conn.execute(select(blobs.c.data).where(blobs.c.sha256 == sha)).scalar_one()
        if hashlib.sha256(data).hexdigest() != sha:
            conn.execute(update(blobs).where(blobs.c.sha256 == sha).values(data=b"", received=0))
            # answered, not raised: the reset must be committed (the route answers 422)
            return {"sha256": sha, "size": size, "received": 0, "complete": False,
                    "error": "the file's content does not match its SHA-256; it was discarded, send it again"}
        conn.execute(update(blobs).where(blobs.c.sha256 == sha).values(complete=True, completed_at=now))
        complete = True
    return {"sha256": sha, "size": size, "received": received, "complete": complete}


def content(conn: Connection, sha: str) -> bytes:
    row = conn.execute(select(blobs.c.data, blobs.c.complete).where(blobs.c.sha256 == check_sha(sha))).first()
    if row is None or not row.complete:
        raise BlobError("the server does not hold this file (yet)", 404)
    return bytes(row.data)
