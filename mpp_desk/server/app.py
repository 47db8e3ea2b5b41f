"""The HTTP routes: thin. They parse, authenticate, check the role, and call the services in sync.py / devices.py."""

from __future__ import annotations

import datetime as dt
import threading
import uuid
from typing import Annotated

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.engine import Engine

from mpp_desk import officetime
from mpp_desk.server import SERVER_VERSION, audit_chains, blobs, devices, leases, public, queue_api
from mpp_desk.server import sync as service
from mpp_desk.server.settings import ServerSettings
from mpp_desk.server.tables import office
from mpp_desk.sync.entities import may_write
from mpp_desk.sync.schemas import (
    MIN_PROTOCOL,
    AuditCheckpoint,
    AuditKeyRequest,
    ConflictResolution,
    PENDING_HEADER,
    PROTOCOL,
    PROTOCOL_HEADER,
    EnrolRequest,
    EnrolResponse,
    Health,
    LeaseRequest,
    LeaseResponse,
    PullResponse,
    PushRequest,
    PushResponse,
)


def _now() -> dt.datetime:
    return officetime.now()  # the server's own process clock (tests set it)


def upgrade_message(protocol: int) -> str:
    """The 426 answer's detail. The PC shows it after its own translated "too old for the server: "; the
    PCs' interface is Bahasa Indonesia, so the detail is too (docs/upgrading.md, "Sync protocol")."""
    return (f"PC ini memakai protokol sinkronisasi {protocol}, server memerlukan minimal {MIN_PROTOCOL}. "
            f"Perbarui MPP Desk di PC ini (lihat docs/upgrading.md); perubahan tetap tersimpan di PC ini "
            f"dan terkirim setelah diperbarui.")


def create_app(settings: ServerSettings, engine: Engine) -> FastAPI:
    secret = settings.secret()
    app = FastAPI(title="mpp-central", version=SERVER_VERSION)

    @app.exception_handler(devices.DeviceError)
    async def _device_error(_request, exc: devices.DeviceError):
        return JSONResponse({"detail": str(exc)}, status_code=exc.status)

    @app.exception_handler(leases.LeaseError)
    async def _lease_error(_request, exc: leases.LeaseError):
        return JSONResponse({"detail": str(exc)}, status_code=exc.status)

    @app.exception_handler(audit_chains.AuditChainError)
    async def _audit_error(_request, exc: audit_chains.AuditChainError):
        return JSONResponse({"detail": str(exc)}, status_code=exc.status)

    @app.exception_handler(service.ResolveError)
    async def _resolve_error(_request, exc: service.ResolveError):
        return JSONResponse({"detail": str(exc)}, status_code=exc.status)

    @app.exception_handler(blobs.BlobError)
    async def _blob_error(_request, exc: blobs.BlobError):
        body: dict[str, object] = {"detail": str(exc)}
        if exc.received is not None:
            body["received"] = exc.received
        return JSONResponse(body, status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request, exc: RequestValidationError):
        return JSONResponse({"detail": _describe(exc.errors())}, status_code=422)

    def protocol_check(x_mpp_protocol: Annotated[int | None, Header(alias=PROTOCOL_HEADER)] = None) -> int:
        if x_mpp_protocol is None:
            raise HTTPException(400, f"missing {PROTOCOL_HEADER} header")
        if x_mpp_protocol < MIN_PROTOCOL:
            raise HTTPException(426, upgrade_message(x_mpp_protocol))
        return x_mpp_protocol

    def caller(authorization: Annotated[str | None, Header()] = None, _protocol: int = Depends(protocol_check),
               x_mpp_pending: Annotated[int | None, Header(alias=PENDING_HEADER, ge=0, le=2**31 - 1)] = None):
        token = (authorization or "").removeprefix("Bearer ").strip()
        with engine.begin() as conn:
            return devices.authenticate(conn, secret, token, now=_now(), pending=x_mpp_pending)

    @app.get("/health", response_model=Health)
    def health() -> Health:
        return Health(server_version=SERVER_VERSION, protocol=PROTOCOL, min_protocol=MIN_PROTOCOL)

    @app.post("/v1/enroll", response_model=EnrolResponse)
    def enroll(body: EnrolRequest) -> EnrolResponse:
        _refuse_nul(body.model_dump(mode="json"), "body")
        if body.protocol < MIN_PROTOCOL:
            raise HTTPException(426, upgrade_message(body.protocol))
        with engine.begin() as conn:
            device, credential = devices.redeem(conn, secret, code=body.code, local_device_id=body.local_device_id,
                                                now=_now())
            office_name = conn.execute(select(office.c.name).order_by(office.c.id).limit(1)).scalar()
        return EnrolResponse(device_id=device.id, name=device.name, role=device.role, credential=credential,
                             office_name=office_name or "", server_version=SERVER_VERSION, protocol=PROTOCOL)

    @app.post("/v1/push", response_model=PushResponse)
    async def push(request: Request, device: devices.Device = Depends(caller)) -> PushResponse | JSONResponse:
        body = await request.body()
        if len(body) > settings.max_body_bytes:
            raise HTTPException(413, f"the batch is {len(body)} bytes; at most {settings.max_body_bytes} per request")
        try:
            batch = PushRequest.model_validate_json(body)
        except ValidationError as exc:
            return JSONResponse({"detail": _describe(exc.errors())}, status_code=422)
        if batch.protocol < MIN_PROTOCOL:
            raise HTTPException(426, upgrade_message(batch.protocol))
        if len(batch.ops) > settings.max_batch_ops:
            raise HTTPException(413, f"the batch has {len(batch.ops)} ops; at most {settings.max_batch_ops} per request")
        for i, op in enumerate(batch.ops):
            _refuse_nul(op.payload, f"body.ops.{i}.payload")
        return await run_in_threadpool(_push, device, batch)

    # Batches are applied one at a time (the change-log lock); queued here, not in PostgreSQL, they hold
    # no pooled connection while they wait, so pulls and the rest still get one when 30 PCs push at once.
    push_turn = threading.Lock()

    def _push(device: devices.Device, batch: PushRequest) -> PushResponse:
        forbidden = service.forbidden_entities(device, batch.ops)
        if forbidden:
            reason = f"a {device.role} device may not write {', '.join(forbidden)}"
            with engine.begin() as conn:
                service.record_refusal(conn, device, 403, reason)
            raise HTTPException(403, reason)
        with push_turn, engine.begin() as conn:
            return PushResponse(results=service.push(conn, device, batch.ops, secret=secret))

    @app.get("/v1/pull", response_model=PullResponse)
    def pull(
        since: Annotated[int, Query(ge=0, le=MAX_BIGINT)] = 0,
        limit: Annotated[int, Query(ge=1)] = 500,
        device: devices.Device = Depends(caller),
    ) -> PullResponse:
        with engine.begin() as conn:
            return service.pull(conn, device, since=since, limit=min(limit, settings.pull_page_max))

    def overseer(device: devices.Device = Depends(caller)) -> devices.Device:
        if device.role not in OVERSEERS:
            raise HTTPException(403, f"a {device.role} device does not see conflicts or devices")
        return device

    @app.get("/v1/conflicts")
    def open_conflicts(device: devices.Device = Depends(overseer)) -> dict:
        with engine.begin() as conn:
            return {"conflicts": service.list_conflicts(conn)}

    @app.post("/v1/conflicts/{conflict_id}/resolve")
    def resolve_conflict(conflict_id: int, body: ConflictResolution, device: devices.Device = Depends(overseer)) -> dict:
        if not 1 <= conflict_id <= MAX_BIGINT:
            raise HTTPException(404, f"no conflict {conflict_id}")
        with push_turn, engine.begin() as conn:
            return service.resolve_conflict(conn, device, conflict_id, keep=body.keep, fields=body.fields, now=_now())

    @app.post("/v1/audit/key")
    def audit_key(body: AuditKeyRequest, device: devices.Device = Depends(caller)) -> dict:
        _refuse_nul(body.model_dump(mode="json"), "body")
        try:
            with engine.begin() as conn:
                return audit_chains.register(conn, secret, device, chain_id=body.chain_id, key_b64=body.key,
                                             keyed_from=body.keyed_from, public_key=body.public_key)
        except audit_chains.AuditChainError as exc:
            if exc.alert is not None:
                with engine.begin() as conn:
                    audit_chains.record_alert(conn, exc.alert)
            raise

    @app.post("/v1/audit/checkpoint")
    def audit_checkpoint(body: AuditCheckpoint, device: devices.Device = Depends(caller)) -> dict:
        _refuse_nul(body.model_dump(mode="json"), "body")
        with engine.begin() as conn:
            return audit_chains.receive_checkpoint(conn, device, body.model_dump(mode="json"))

    @app.get("/v1/audit/alerts")
    def audit_alerts(device: devices.Device = Depends(overseer)) -> dict:
        with engine.begin() as conn:
            return {"alerts": audit_chains.list_alerts(conn)}

    @app.get("/v1/devices")
    def list_devices(device: devices.Device = Depends(overseer)) -> dict:
        with engine.begin() as conn:
            found = devices.list_devices(conn)
        return {"devices": [_device_json(d) for d in found]}

    @app.post("/v1/devices/{device_id}/revoke")
    def revoke_device(device_id: uuid.UUID, device: devices.Device = Depends(overseer)) -> dict:
        if device_id == device.id:
            raise HTTPException(422, "a device cannot revoke itself")
        with engine.begin() as conn:
            return _device_json(devices.revoke(conn, device_id, now=_now()))

    def blob_writer(device: devices.Device = Depends(caller)) -> devices.Device:
        if not may_write(device.role, "complaint_attachment"):
            raise HTTPException(403, f"a {device.role} device may not send attachments")
        return device

    def blob_reader(device: devices.Device = Depends(caller)) -> devices.Device:
        if not may_write(device.role, "complaint_attachment"):  # scans hold personal data: the complaint roles
            raise HTTPException(403, f"a {device.role} device may not read attachments")
        return device

    @app.get("/v1/blobs/{sha}")
    def blob_status(sha: str, device: devices.Device = Depends(blob_reader)) -> dict:
        with engine.begin() as conn:
            found = blobs.status(conn, sha)
        if found is None:
            raise HTTPException(404, "the server does not hold this file")
        return found

    @app.put("/v1/blobs/{sha}", response_model=dict)
    async def blob_put(
        sha: str,
        request: Request,
        size: Annotated[int, Query(ge=1)],
        offset: Annotated[int, Query(ge=0)] = 0,
        device: devices.Device = Depends(blob_writer),
    ) -> dict | JSONResponse:
        chunk = await request.body()
        if len(chunk) > settings.max_body_bytes:
            raise HTTPException(413, f"the chunk is {len(chunk)} bytes; at most {settings.max_body_bytes} per request")

        def put() -> dict:
            with engine.begin() as conn:
                return blobs.put_chunk(conn, device, sha, size=size, offset=offset, chunk=chunk, now=_now())

        answer = await run_in_threadpool(put)
        if "error" in answer:
            return JSONResponse({"detail": answer["error"], "received": 0}, status_code=422)
        return answer

    @app.get("/v1/blobs/{sha}/content")
    def blob_content(sha: str, device: devices.Device = Depends(blob_reader)) -> Response:
        with engine.begin() as conn:
            data = blobs.content(conn, sha)
        return Response(content=data, media_type="application/octet-stream")

    @app.post("/v1/leases", response_model=LeaseResponse)
    def lease(body: LeaseRequest, device: devices.Device = Depends(caller)) -> LeaseResponse:
        with engine.begin() as conn:
            block = leases.lease(conn, device, kind=body.kind, wanted=body.wanted)
        return LeaseResponse(kind=body.kind, block=block)

    waker = queue_api.install(app, settings, engine, secret, protocol_check)  # the live queue (issue 14): /v1/queue/...
    # the citizens' pages: verify a paper, follow a file or a complaint, a ticket's place in the queue (its QR),
    # the survey, book a visit
    public.install(app, engine, secret=secret, waker=waker)
    _document_push_body(app)
    return app


def _document_push_body(app: FastAPI) -> None:
    """/v1/push reads its body itself (413 before parsing); the schema still names it, for clients and
    schemathesis (tests/server/test_central_openapi.py)."""
    build = app.openapi

    def openapi() -> dict:
        if app.openapi_schema is None:
            schema = build()
            body = PushRequest.model_json_schema(ref_template="#/components/schemas/{model}")
            components = schema.setdefault("components", {}).setdefault("schemas", {})
            for name, definition in body.pop("$defs", {}).items():
                components.setdefault(name, definition)
            components["PushRequest"] = body
            schema["paths"]["/v1/push"]["post"]["requestBody"] = {
                "required": True, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PushRequest"}}}}
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


OVERSEERS = frozenset({"supervisor", "admin"})
MAX_BIGINT = 2**63 - 1  # a change-log sequence is a PostgreSQL bigint


def _refuse_nul(value, where: str) -> None:
    """PostgreSQL text and JSONB cannot hold U+0000: refuse it as bad input (422), not a 500 on storing."""
    if isinstance(value, str):
        if "\x00" in value:
            raise HTTPException(422, f"malformed request: {where} contains a NUL character (\\u0000)")
    elif isinstance(value, dict):
        for key, item in value.items():
            _refuse_nul(key, where)
            _refuse_nul(item, f"{where}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _refuse_nul(item, f"{where}.{i}")


def _device_json(d: devices.Device) -> dict:
    return {"id": str(d.id), "name": d.name, "role": d.role, "enrolled": d.enrolled, "revoked": d.revoked,
            "last_seen_at": d.last_seen_at.isoformat() if d.last_seen_at else None, "pending": d.pending_ops}


def _describe(errors) -> str:
    """One readable line per pydantic error (no input echoed back: it may hold personal data)."""
    parts = []
    for err in errors[:10]:
        where = ".".join(str(p) for p in err.get("loc", ()))
        parts.append(f"{where}: {err.get('msg')}")
    return "malformed request: " + "; ".join(parts) + (" ..." if len(errors) > 10 else "")
