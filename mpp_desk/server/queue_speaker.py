"""One speaker per zone: of the display boards of one speaker zone, only the holder of the zone's lease
speaks the calls (issue 14).

Several boards may show the same calls (a big hall, two TVs on one floor); their voices would talk over each
other. Each board PC has a speaker-zone setting (``display.speaker_zone``, e.g. ``lantai-1``); boards of one
zone ask here, every :data:`RENEW_S` seconds, ``POST /v1/queue/speaker-lease {"zone": ...}``:

- the zone has no lease, or its lease expired (not renewed for :func:`lease_seconds`, 15 s by default,
  ``MPP_CENTRAL_SPEAKER_LEASE_S``), or this device holds it: this device holds it now, until now + the
  lease's length, and the answer says ``"speaker": true``;
- another device holds an unexpired lease: ``"speaker": false`` and which board (``holder``) speaks.

One statement decides (an upsert whose update applies only to the holder or to an expired lease; two
boards asking at once queue on the zone's row and the second sees the first's lease). The lease is the
device's (the PC's), so a board restarted on the same PC speaks again at once. ``.../release`` gives it
up (a board closed by the administrator): another board of the zone takes over at its next renewal
instead of after the expiry. What a board does when the server does not answer is the board's rule
(``mpp_desk/queue/speaker.py``): the holder keeps speaking, the others stay silent.
"""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

from fastapi import Depends, FastAPI
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from sqlalchemy import text
from sqlalchemy.engine import Connection

from mpp_desk.officetime import as_utc
from mpp_desk.server.devices import Device
from mpp_desk.server.queue import require_role

LEASE_S = 15.0
RENEW_S = 5.0
SPEAKERS = frozenset({"display", "admin"})
ZONE_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$"

_CLAIM = text(
    "INSERT INTO q_speakers AS s (zone, device_id, since, expires_at) VALUES (:zone, :device, :now, :expires) "
    "ON CONFLICT (zone) DO UPDATE SET device_id = excluded.device_id, expires_at = excluded.expires_at, "
    "since = CASE WHEN s.device_id = excluded.device_id AND s.expires_at > :now THEN s.since ELSE excluded.since END "
    "WHERE s.device_id = excluded.device_id OR s.expires_at <= :now RETURNING device_id")
_HOLDER = text("SELECT s.device_id, s.since, s.expires_at, d.name FROM q_speakers s LEFT JOIN devices d "
               "ON d.id = s.device_id WHERE s.zone = :zone")
_RELEASE = text("DELETE FROM q_speakers WHERE zone = :zone AND device_id = :device")


class LeaseBody(BaseModel):
    zone: str = Field(min_length=1, max_length=40, pattern=ZONE_PATTERN)


def lease_seconds() -> float:
    """How long a lease lasts unrenewed (``MPP_CENTRAL_SPEAKER_LEASE_S``, at least 2 s; tests shorten it)."""
    try:
        return max(2.0, float(os.environ.get("MPP_CENTRAL_SPEAKER_LEASE_S", LEASE_S)))
    except ValueError:
        return LEASE_S


def claim(conn: Connection, device: Device, *, zone: str, now: dt.datetime) -> dict[str, Any]:
    """Take or renew the zone's lease if it is free, expired or this device's; say who speaks."""
    require_role(device, SPEAKERS, "speak the queue's calls")
    zone = zone.strip().lower()
    now = as_utc(now)
    length = lease_seconds()
    conn.execute(_CLAIM, {"zone": zone, "device": device.id, "now": now,
                          "expires": now + dt.timedelta(seconds=length)})
    holder = conn.execute(_HOLDER, {"zone": zone}).one()
    mine = holder.device_id == device.id
    return {"zone": zone, "speaker": mine, "holder": holder.name, "holder_id": str(holder.device_id),
            "since": holder.since.isoformat(), "expires_at": holder.expires_at.isoformat(), "lease_s": length,
            "renew_s": min(RENEW_S, length / 3)}


def release(conn: Connection, device: Device, *, zone: str) -> dict[str, Any]:
    """Give up this device's lease of the zone (nothing if it holds none)."""
    require_role(device, SPEAKERS, "speak the queue's calls")
    zone = zone.strip().lower()
    released = conn.execute(_RELEASE, {"zone": zone, "device": device.id}).rowcount
    return {"zone": zone, "released": bool(released)}


def install(app: FastAPI, *, run: Any, bearer: Any, now: Any) -> None:
    """Add the speaker lease's routes to *app*; *run* is the queue's request runner (``queue_api.install``)."""

    @app.post("/v1/queue/speaker-lease", tags=["queue"])
    async def speaker_lease(body: LeaseBody, access: str = Depends(bearer)) -> JSONResponse:
        return await run(access, lambda c, cfg, d: claim(c, d, zone=body.zone, now=now()))

    @app.post("/v1/queue/speaker-lease/release", tags=["queue"])
    async def speaker_release(body: LeaseBody, access: str = Depends(bearer)) -> JSONResponse:
        return await run(access, lambda c, cfg, d: release(c, d, zone=body.zone))


