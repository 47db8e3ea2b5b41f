"""The PC side of sync: join the office's server, push the outbox, pull the change log (docs/sync.md).

Plain functions over the open :class:`~mpp_desk.database.Database` and the data folder; no Qt, so a
background worker can run them off the UI thread.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import logging
import os
import re
import textwrap
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import func, select

from mpp_desk.database import Database
from mpp_desk.errors import UserError
from mpp_desk.i18n import N_
from mpp_desk.models import ComplaintAttachment, LocalState, OutboxEntry, StandardEvaluation
from mpp_desk.models.base import utcnow
from mpp_desk.sync import entities
from mpp_desk.sync.blocks import JOINED_KEY, LEASE_KEY
from mpp_desk.uow import UnitOfWork
from mpp_desk.sync.apply import (
    LAST_SYNC_KEY,
    apply_page,
    apply_record,
    cursor,
    defer_foreign_keys,
    read_state,
    server_unit_of_work,
    set_state,
)
from mpp_desk.sync.schemas import (
    PENDING_HEADER,
    AuditCheckpoint,
    AuditKeyRequest,
    ConflictResolution,
    audit_key_fingerprint,
    PROTOCOL,
    PROTOCOL_HEADER,
    EnrolRequest,
    EnrolResponse,
    Health,
    Keep,
    LeaseKind,
    LeaseRequest,
    LeaseResponse,
    Op,
    PullResponse,
    PushRequest,
    PushResponse,
    Side,
)
from mpp_desk import audit, settings, signing
from mpp_desk.complaints import service as complaints

log = logging.getLogger(__name__)

CREDENTIAL_FILENAME = "sync.json"
CA_FILENAME = "sync-ca.pem"
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}
BATCH_OPS = 500
PULL_PAGE = 500
TIMEOUT_S = float(os.environ.get("MPP_SYNC_TIMEOUT_S", "30"))  # seconds per request; tests shorten it


class SyncProblem(UserError):
    """Sync cannot go on: not joined, the server away or refusing, with the reason.

    ``retry``: whether trying again later may help (server away, 5xx) or a person must act (401, 403, 426).
    """

    context = "sync"
    retry = True


class SyncRefused(SyncProblem):
    """The server refused this PC or its request; retrying the same will not help."""

    retry = False


@dataclass(frozen=True)
class Joined:
    """What this PC keeps about its server (``sync.json`` in the data folder, owner-only)."""

    url: str
    device_id: str
    name: str
    role: str
    credential: str
    office_name: str
    joined_at: str
    ca_file: str | None = None  # the office CA this PC trusts (in its data folder), for https
    fingerprint: str | None = None  # this installation (machine and data folder) when it joined; see install_fingerprint


@dataclass(frozen=True)
class SyncResult:
    pushed: int
    pulled: int
    pending: int
    conflicts: int
    rejected: int


# -- the credential file ------------------------------------------------------------------


def credential_path(data_dir: Path) -> Path:
    return Path(data_dir) / CREDENTIAL_FILENAME


def load_joined(data_dir: Path) -> Joined | None:
    path = credential_path(data_dir)
    if not path.exists():
        return None
    return Joined(**json.loads(path.read_text(encoding="utf-8")))


def install_fingerprint(data_dir: Path) -> str:
    """Which installation holds this data folder: the machine's id and the folder's real path, hashed.

    Recorded in ``sync.json`` at join. A data folder copied after joining (another machine, or another
    folder on this one) carries ``sync.json`` with it but not this fingerprint, so it does not sync as
    the original PC.
    """
    machine = ""
    for candidate in ("/etc/machine-id", "/var/lib/dbus/machine-id"):
        try:
            machine = Path(candidate).read_text(encoding="ascii").strip()
        except OSError:
            continue
        if machine:
            break
    if not machine:
        import uuid

        machine = f"node-{uuid.getnode():012x}"
    folder = os.path.realpath(data_dir)
    return hashlib.sha256(f"{machine}\0{folder}".encode()).hexdigest()


def check_installation(data_dir: Path, joined: Joined) -> None:
    """Refuse to sync a data folder copied after joining: it is not the device the credential was given to."""
    if joined.fingerprint and joined.fingerprint != install_fingerprint(data_dir):
        raise SyncRefused(N_("sync", "This data folder was copied or moved after the PC joined the server as "
                                     "{name}, so it does not sync as that PC: nothing was sent. To use this "
                                     "copy, ask the administrator to revoke {name} and enrol a new device, "
                                     "delete sync.json here and join again."), name=joined.name)


def _save_joined(data_dir: Path, joined: Joined) -> None:
    path = credential_path(data_dir)
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.fchmod(fd, 0o600)
        os.write(fd, json.dumps(asdict(joined), indent=2).encode())
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)


# -- HTTP ------------------------------------------------------------------------------------


class ServerApi:
    """The server's endpoints; every failure becomes a :class:`SyncProblem` with the server's reason."""

    def __init__(self, url: str, credential: str | None = None, *, ca_file: str | Path | None = None,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.url = url.rstrip("/")
        headers = {PROTOCOL_HEADER: str(PROTOCOL)}
        if credential:
            headers["Authorization"] = f"Bearer {credential}"
        verify: Any = True
        if ca_file is not None:
            import ssl

            verify = ssl.create_default_context(cafile=str(ca_file))  # this CA only, not the system's
        self._http = httpx.Client(base_url=self.url, headers=headers, timeout=TIMEOUT_S, transport=transport,
                                  verify=verify)

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> ServerApi:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _call(self, method: str, path: str, **kwargs: Any) -> Any:
        response = self._send(method, path, **kwargs)
        if response.status_code < 400:
            return response.json()
        self._fail(response)

    def _send(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        try:
            return self._http.request(method, path, **kwargs)
        except httpx.HTTPError as exc:
            if "CERTIFICATE_VERIFY_FAILED" in str(exc) or "certificate verify failed" in str(exc):
                raise SyncRefused(N_("sync", "The server {url} did not show a certificate of the office's CA for "
                                             "this address; nothing was sent."), url=self.url) from exc
            raise SyncProblem(N_("sync", "The server {url} cannot be reached ({reason}). Changes stay on this PC "
                                         "and are sent later."), url=self.url, reason=type(exc).__name__) from exc

    def _fail(self, response: httpx.Response) -> None:
        detail = _detail(response)
        status = response.status_code
        if status == 401:
            raise SyncRefused(N_("sync", "The server does not accept this PC ({detail}). Ask the administrator for a "
                                         "new enrolment code and join again."), detail=detail)
        if status == 403:
            raise SyncRefused(N_("sync", "The server refused a change this PC may not make: {detail}"), detail=detail)
        if status == 426:
            raise SyncRefused(N_("sync", "This MPP Desk is too old for the server: {detail}"), detail=detail)
        if status >= 500:
            raise SyncProblem(N_("sync", "The server {url} has a problem (HTTP {status}). Changes stay on this PC "
                                         "and are sent later."), url=self.url, status=status)
        raise SyncRefused(N_("sync", "The server refused the request (HTTP {status}): {detail}"),
                          status=status, detail=detail)

    def report_pending(self, count: int) -> None:
        """Tell the server, on the following requests, how many changes wait on this PC (devices screen)."""
        self._http.headers[PENDING_HEADER] = str(max(0, int(count)))

    def conflicts(self) -> list[dict[str, Any]]:
        return list(self._call("GET", "/v1/conflicts")["conflicts"])

    def devices(self) -> list[dict[str, Any]]:
        return list(self._call("GET", "/v1/devices")["devices"])

    def revoke(self, device_id: str) -> dict[str, Any]:
        return dict(self._call("POST", f"/v1/devices/{device_id}/revoke"))

    def blob_status(self, sha: str) -> dict[str, Any] | None:
        response = self._send("GET", f"/v1/blobs/{sha}")
        if response.status_code == 404:
            return None
        if response.status_code >= 400:
            self._fail(response)
        return response.json()

    def put_blob(self, sha: str, *, size: int, offset: int, chunk: bytes) -> dict[str, Any]:
        """Send one chunk; a 409 (the server holds another count) is answered with the server's ``received``."""
        response = self._send("PUT", f"/v1/blobs/{sha}", params={"size": size, "offset": offset}, content=chunk,
                              headers={"content-type": "application/octet-stream"})
        if response.status_code == 409 and "received" in response.json():
            return {"sha256": sha, "received": response.json()["received"], "complete": False, "resume": True}
        if response.status_code >= 400:
            self._fail(response)
        return response.json()

    def blob_content(self, sha: str) -> bytes | None:
        response = self._send("GET", f"/v1/blobs/{sha}/content")
        if response.status_code == 404:
            return None
        if response.status_code >= 400:
            self._fail(response)
        return response.content

    def register_audit(self, body: AuditKeyRequest) -> dict[str, Any]:
        return dict(self._call("POST", "/v1/audit/key", json=body.model_dump(mode="json")))

    def audit_checkpoint(self, body: AuditCheckpoint) -> dict[str, Any]:
        return dict(self._call("POST", "/v1/audit/checkpoint", json=body.model_dump(mode="json")))

    def audit_alerts(self) -> list[dict[str, Any]]:
        return list(self._call("GET", "/v1/audit/alerts")["alerts"])

    def resolve(self, conflict_id: int, body: ConflictResolution) -> dict[str, Any]:
        return dict(self._call("POST", f"/v1/conflicts/{conflict_id}/resolve", json=body.model_dump(mode="json")))

    def health(self) -> Health:
        return Health.model_validate(self._call("GET", "/health"))

    def enroll(self, code: str, local_device_id: str) -> EnrolResponse:
        body = EnrolRequest(protocol=PROTOCOL, code=code, local_device_id=local_device_id)
        return EnrolResponse.model_validate(self._call("POST", "/v1/enroll", json=body.model_dump(mode="json")))

    def push(self, ops: list[Op] | list[dict[str, Any]]) -> PushResponse:
        """Send a batch: :class:`Op` models, or outbox rows already in wire form (:func:`_op_json`, the
        sync path: building a model per op cost more than the rest of the push on the PC)."""
        if ops and isinstance(ops[0], Op):
            content = PushRequest(protocol=PROTOCOL, ops=ops).model_dump_json()  # type: ignore[arg-type]
        else:
            content = json.dumps({"protocol": PROTOCOL, "ops": ops}, separators=(",", ":"))
        response = self._send("POST", "/v1/push", content=content, headers={"content-type": "application/json"})
        if response.status_code >= 400:
            self._fail(response)
        return PushResponse.model_validate_json(response.content)

    def lease(self, kind: LeaseKind, wanted: str | None) -> LeaseResponse:
        body = LeaseRequest(kind=kind, wanted=wanted)
        return LeaseResponse.model_validate(self._call("POST", "/v1/leases", json=body.model_dump(mode="json")))

    def pull(self, since: int, limit: int = PULL_PAGE) -> PullResponse:
        response = self._send("GET", "/v1/pull", params={"since": since, "limit": limit})
        if response.status_code >= 400:
            self._fail(response)
        return PullResponse.model_validate_json(response.content)  # parsed once, by pydantic-core


def _detail(response: httpx.Response) -> str:
    try:
        return str(response.json().get("detail", response.text))
    except ValueError:
        # a proxy's or web server's own error page: its start, visibly shortened
        return textwrap.shorten(response.text, 200, placeholder=" …")


# -- the operations -------------------------------------------------------------------------


def check_url(url: str) -> str:
    """Personal data travels only over TLS: plain http is for this machine alone (a trial)."""
    parsed = httpx.URL(url)
    if parsed.scheme == "https" or (parsed.scheme == "http" and parsed.host in LOOPBACK_HOSTS):
        return url.rstrip("/")
    raise SyncRefused(N_("sync", "Use https:// for the server {url}: records with personal data only travel "
                                 "encrypted (mpp-central cert init)."), url=url)


def join(db: Database, data_dir: Path, url: str, code: str, *, ca: Path | None = None,
         transport: httpx.BaseTransport | None = None) -> tuple[Joined, SyncResult]:
    """Enrol this PC with *code*, pull the office's records, then push what the PC already had."""
    url = check_url(url)
    existing = load_joined(data_dir)
    if existing is not None:
        raise SyncProblem(N_("sync", "This PC has already joined {url}."), url=existing.url)
    ca_file = None
    if ca is not None:
        try:
            pem = Path(ca).read_bytes()
        except OSError as exc:
            raise SyncProblem(N_("sync", "The CA file {path} cannot be read: {reason}"), path=str(ca),
                              reason=exc.strerror or str(exc)) from exc
        ca_file = Path(data_dir) / CA_FILENAME
        ca_file.write_bytes(pem)
    with ServerApi(url, ca_file=ca_file, transport=transport) as api:
        health = api.health()
        if PROTOCOL < health.min_protocol:
            raise SyncProblem(N_("sync", "This MPP Desk is too old for the server: {detail}"),
                              detail=f"protocol {PROTOCOL} < {health.min_protocol}")
        answer = api.enroll(code, db.device_id)
    joined = Joined(url=url.rstrip("/"), device_id=str(answer.device_id), name=answer.name, role=answer.role,
                    credential=answer.credential, office_name=answer.office_name,
                    joined_at=utcnow().isoformat(), ca_file=str(ca_file) if ca_file else None,
                    fingerprint=install_fingerprint(data_dir))
    _save_joined(data_dir, joined)
    _mark_joined(db, joined)
    with ServerApi(joined.url, joined.credential, ca_file=joined.ca_file, transport=transport) as api:
        register_audit(db, data_dir, api)
        pulled = pull_all(db, api)
        pushed, conflicts, rejected = push_all(db, api, joined.role)
        send_checkpoint(db, data_dir, api)
        pulled += pull_all(db, api)
        ensure_leases(db, api, joined.role)
    return joined, SyncResult(pushed, pulled, pending_count(db), conflicts, rejected)


def sync_now(db: Database, data_dir: Path, *, transport: httpx.BaseTransport | None = None) -> SyncResult:
    """Push the outbox, then pull to the end of the server's change log."""
    joined = require_joined(data_dir)
    check_installation(data_dir, joined)
    if joined.fingerprint is None:  # joined before fingerprints were recorded: this installation is the one
        joined = replace(joined, fingerprint=install_fingerprint(data_dir))
        _save_joined(data_dir, joined)
    if read_state(db, JOINED_KEY) is None:
        _mark_joined(db, joined)
    with ServerApi(joined.url, joined.credential, ca_file=joined.ca_file, transport=transport) as api:
        api.report_pending(pending_count(db))
        register_audit(db, data_dir, api)
        pushed, conflicts, rejected = push_all(db, api, joined.role)
        send_checkpoint(db, data_dir, api)
        api.report_pending(pending_count(db))
        pulled = pull_all(db, api)
        ensure_leases(db, api, joined.role)
        push_files(db, data_dir, api, joined.role)
        fetch_files(db, data_dir, api, joined.role)
    return SyncResult(pushed, pulled, pending_count(db), conflicts, rejected)


AUDIT_KEY_SENT = "sync.audit_key"  # local_state: what this PC registered to verify its audit chain
AUDIT_CHECKPOINT_SENT = "sync.audit_checkpoint"  # local_state: the last signed checkpoint the server took


def register_audit(db: Database, data_dir: Path, api: ServerApi) -> None:
    """Give the server what verifies this PC's audit chain (its audit key, its public key), once.

    Asked again only when something changed (the key appeared). A server that keeps another key for
    this PC answers 409 and records an alert; the sync goes on (docs/sync.md, "Audit chains").
    """
    try:
        key = audit._load_key(Path(data_dir))
        signer = signing.Signer.for_data_dir(data_dir, database=db.path)
    except UserError as exc:  # a damaged key file: the local audit check says so; nothing to register
        log.warning("audit chain not registered: %s", exc)
        return
    marker = f"{audit_key_fingerprint(key) if key else 'none'}:{signer.key_id}"
    if read_state(db, AUDIT_KEY_SENT) == marker:
        return
    keyed_from = read_state(db, audit.KEYED_FROM_KEY)
    body = AuditKeyRequest(chain_id=db.device_id, key=base64.b64encode(key).decode() if key else None,
                           keyed_from=int(keyed_from) if keyed_from and keyed_from.isdigit() else 1,
                           public_key=signer.public_key_pem())
    try:
        api.register_audit(body)
    except SyncRefused as exc:
        log.warning("the server refused this PC's audit key: %s", exc)
    with server_unit_of_work(db) as uow:
        set_state(uow.session, AUDIT_KEY_SENT, marker)
        uow.commit()


def send_checkpoint(db: Database, data_dir: Path, api: ServerApi) -> None:
    """Send the signed audit checkpoint when it moved since the last one the server took."""
    data = audit.read_checkpoint(Path(data_dir))
    if not data or data.get("damaged") or data.get("device_id") != db.device_id:
        return
    marker = f"{data.get('seq')}:{data.get('hash')}"
    if read_state(db, AUDIT_CHECKPOINT_SENT) == marker:
        return
    try:
        body = AuditCheckpoint.model_validate(data)
    except ValueError:
        return
    try:
        api.audit_checkpoint(body)
    except SyncRefused as exc:  # not registered (an older server): kept for the next sync
        log.warning("audit checkpoint not taken: %s", exc)
        return
    with server_unit_of_work(db) as uow:
        set_state(uow.session, AUDIT_CHECKPOINT_SENT, marker)
        uow.commit()


def _mark_joined(db: Database, joined: Joined) -> None:
    """Note in the database that this PC has joined: from now on it numbers only in leased blocks."""
    with server_unit_of_work(db) as uow:
        set_state(uow.session, JOINED_KEY, joined.device_id)
        uow.commit()


def require_joined(data_dir: Path) -> Joined:
    joined = load_joined(data_dir)
    if joined is None:
        raise SyncProblem(N_("sync", "This PC has not joined a server yet: run mpp-desk sync join URL CODE."))
    return joined


LEASE_ROLES: dict[LeaseKind, frozenset[str]] = {
    "registration": frozenset({"counter", "supervisor", "admin"}),
    "complaint": frozenset({"complaints", "supervisor", "admin"}),
}


def ensure_leases(db: Database, api: ServerApi, role: str) -> dict[str, str]:
    """Lease this PC's number blocks once (asking for the ones it already uses); returns kind -> block.

    The complaint block becomes the complaint desk's number block at once; the intake service numbers
    new files in the registration block (``mpp_desk.sync.blocks``).
    """
    held: dict[str, str] = {}
    for kind, roles in LEASE_ROLES.items():
        if role not in roles:
            continue
        stored = read_state(db, LEASE_KEY.format(kind=kind))
        if stored:
            held[kind] = stored
            continue
        with UnitOfWork(db, write=False) as uow:
            if kind == "complaint":
                wanted = complaints.local_number_block(uow)
            else:
                wanted = f"{int(settings.get(uow, 'pc.counter_number') or 0):02d}"
        block = api.lease(kind, wanted).block
        with server_unit_of_work(db) as uow:
            set_state(uow.session, LEASE_KEY.format(kind=kind), block)
            if kind == "complaint":
                set_state(uow.session, complaints.BLOCK_KEY, block)
            uow.commit()
        held[kind] = block
    return held


def pull_all(db: Database, api: ServerApi) -> int:
    applied = 0
    while True:
        page = api.pull(cursor(db))
        applied += apply_page(db, page.changes, page.next_cursor)
        if not page.more:
            return applied


def _sendable(entry: OutboxEntry) -> bool:
    return entry.entity not in entities.HELD_BACK


def push_all(db: Database, api: ServerApi, role: str) -> tuple[int, int, int]:
    """Send every pending outbox row in batches; returns (answered, conflicts, rejected)."""
    pushed = conflicts = rejected = 0
    while True:
        batch = _next_batch(db)
        if not batch:
            return pushed, conflicts, rejected
        local, refused, ops = _sort_out(batch, role)
        results = api.push([_op_json(e) for e in ops]).results if ops else []
        with server_unit_of_work(db) as uow:
            session = uow.session
            defer_foreign_keys(session)
            now = utcnow()
            seqs = [e.seq for e in batch]
            rows = {r.op_id: r for i in range(0, len(seqs), 500)  # one query, not one per row
                    for r in session.scalars(select(OutboxEntry).where(OutboxEntry.seq.in_(seqs[i:i + 500])))}
            for entry, reason in local:
                _answer(rows[entry.op_id], now, "local", reason)
            for entry, reason in refused:
                _answer(rows[entry.op_id], now, "rejected", reason)
                rejected += 1
            for entry, result in zip(ops, results):
                _answer(rows[entry.op_id], now, result.status, result.reason)
                pushed += 1
                conflicts += result.status == "conflict"
                rejected += result.status == "rejected"
                if result.status != "accepted" and result.server is not None:
                    apply_record(session, entry.entity, entry.entity_id, result.server.payload)
            uow.commit()


def _answer(row: OutboxEntry, now: dt.datetime, status: str, reason: str | None) -> None:
    row.pushed_at = now
    row.result = status
    row.result_reason = reason


def _next_batch(db: Database) -> list[OutboxEntry]:
    """The oldest pending rows (held-back entities excluded), never splitting one local transaction."""
    with db.sessions() as session:
        query = (
            select(OutboxEntry)
            .where(OutboxEntry.pushed_at.is_(None), OutboxEntry.entity.not_in(list(entities.HELD_BACK)))
            .order_by(OutboxEntry.seq)
        )
        rows = list(session.scalars(query.limit(BATCH_OPS)))
        if len(rows) == BATCH_OPS and rows[-1].tx_id is not None:
            rows += list(session.scalars(query.where(OutboxEntry.tx_id == rows[-1].tx_id,
                                                     OutboxEntry.seq > rows[-1].seq)))
        return rows


def _sort_out(batch: list[OutboxEntry], role: str):
    """Split a batch: rows that never leave the PC, whole actions this role may not send, and the rest."""
    local, refused, ops = [], [], []
    by_tx: dict[Any, list[OutboxEntry]] = {}
    for entry in batch:
        if entities.local_only(entry.entity, entry.payload) or entry.entity not in entities.ENTITIES:
            local.append((entry, "stays on this PC"))
        else:
            by_tx.setdefault(entry.tx_id or entry.op_id, []).append(entry)
    for group in by_tx.values():
        forbidden = sorted({e.entity for e in group if not entities.may_write(role, e.entity)})
        if forbidden:
            reason = f"a {role} PC may not send {', '.join(forbidden)}; kept on this PC"
            refused.extend((e, reason) for e in group if e.entity != "audit_entry")
            # what the PC did is still audited on the server: its chain must stay whole there
            ops.extend(e for e in group if e.entity == "audit_entry")
        else:
            ops.extend(group)
    ops.sort(key=lambda e: e.seq)
    return local, refused, ops


def _op_json(entry: OutboxEntry) -> dict[str, Any]:
    """An outbox row as the wire's Op (the server validates it; the payload is JSON already)."""
    return {"op_id": str(entry.op_id), "tx_id": str(entry.tx_id) if entry.tx_id else None, "device_seq": entry.seq,
            "entity": entry.entity, "entity_id": str(entry.entity_id), "op": entry.op,
            "base_version": entry.base_version, "payload": entry.payload}


def pending_count(db: Database) -> int:
    with db.sessions() as session:
        return session.scalar(
            select(func.count()).select_from(OutboxEntry)
            .where(OutboxEntry.pushed_at.is_(None), OutboxEntry.entity.not_in(list(entities.HELD_BACK)))
        ) or 0


def status(db: Database, data_dir: Path) -> dict[str, Any]:
    """What ``sync status`` shows: the server, this device, the cursor and the outbox's state."""
    joined = load_joined(data_dir)
    with db.sessions() as session:
        counts = dict(session.execute(
            select(OutboxEntry.result, func.count()).where(OutboxEntry.pushed_at.is_not(None)).group_by(OutboxEntry.result)
        ).all())
        held = session.scalar(select(func.count()).select_from(OutboxEntry).where(
            OutboxEntry.pushed_at.is_(None), OutboxEntry.entity.in_(list(entities.HELD_BACK)))) or 0
    return {
        "joined": joined is not None,
        "server": joined.url if joined else None,
        "office_name": joined.office_name if joined else None,
        "device_id": joined.device_id if joined else None,
        "device_name": joined.name if joined else None,
        "role": joined.role if joined else None,
        "cursor": cursor(db),
        "pending": pending_count(db),
        "held_back": held,
        "accepted": counts.get("accepted", 0),
        "conflicts": counts.get("conflict", 0),
        "rejected": counts.get("rejected", 0),
        "last_sync_at": read_state(db, LAST_SYNC_KEY),
        "leases": {kind: read_state(db, LEASE_KEY.format(kind=kind)) for kind in LEASE_ROLES
                   if read_state(db, LEASE_KEY.format(kind=kind))},
    }




# -- oversight (supervisor and admin PCs) ---------------------------------------------------------


def _oversight_api(data_dir: Path, transport: httpx.BaseTransport | None) -> ServerApi:
    joined = require_joined(data_dir)
    check_installation(data_dir, joined)
    return ServerApi(joined.url, joined.credential, ca_file=joined.ca_file, transport=transport)


def server_conflicts(data_dir: Path, *, transport: httpx.BaseTransport | None = None) -> list[dict[str, Any]]:
    """The server's open conflicts, both versions each (``GET /v1/conflicts``)."""
    with _oversight_api(data_dir, transport) as api:
        return api.conflicts()


def server_devices(data_dir: Path, *, transport: httpx.BaseTransport | None = None) -> list[dict[str, Any]]:
    """The office's devices: role, last seen, changes waiting as each last reported (``GET /v1/devices``)."""
    with _oversight_api(data_dir, transport) as api:
        return api.devices()


def revoke_device(data_dir: Path, device_id: str, *, transport: httpx.BaseTransport | None = None) -> dict[str, Any]:
    with _oversight_api(data_dir, transport) as api:
        return api.revoke(device_id)


def audit_alerts(data_dir: Path, *, transport: httpx.BaseTransport | None = None) -> list[dict[str, Any]]:
    """Breaks the server found in the PCs' audit trails on arrival (``GET /v1/audit/alerts``)."""
    with _oversight_api(data_dir, transport) as api:
        return api.audit_alerts()


def resolve_conflict(data_dir: Path, conflict_id: int, *, keep: Keep, fields: dict[str, Side] | None = None,
                     transport: httpx.BaseTransport | None = None) -> dict[str, Any]:
    """Close a conflict on the server (``POST /v1/conflicts/{id}/resolve``); the outcome syncs to every PC."""
    with _oversight_api(data_dir, transport) as api:
        return api.resolve(conflict_id, ConflictResolution(keep=keep, fields=fields or {}))


# -- attachments' files (by SHA-256, resumable, never twice) -----------------------------------

BLOB_CHUNK = 1024 * 1024
BLOB_SENT_KEY = "sync.blob.{sha}"
_ATTACHMENT_PATH = re.compile(r"attachments/[0-9a-f]{2}/([0-9a-f]{64})\.(pdf|jpg|png)")


def _attachment_files(db: Database) -> list[tuple[str, str, int]]:
    """(sha256, path relative to the data folder, size) of every live attachment, each file once.

    The documents of the standards' evaluations are stored the same way and travel with them."""
    with db.sessions() as session:
        rows = session.execute(
            select(ComplaintAttachment.sha256, ComplaintAttachment.path, ComplaintAttachment.size)
            .where(ComplaintAttachment.deleted_at.is_(None))
        ).all()
        rows += session.execute(
            select(StandardEvaluation.document_sha256, StandardEvaluation.document_path,
                   StandardEvaluation.document_size)
            .where(StandardEvaluation.deleted_at.is_(None), StandardEvaluation.document_path != "")
        ).all()
    seen: dict[str, tuple[str, str, int]] = {}
    for sha, path, size in rows:
        match = _ATTACHMENT_PATH.fullmatch(path or "")
        if match and match.group(1) == sha:  # a path from elsewhere is only ever our own layout
            seen.setdefault(sha, (sha, path, int(size)))
    return list(seen.values())


def push_files(db: Database, data_dir: Path, api: ServerApi, role: str) -> int:
    """Upload the files of this PC's attachments the server does not hold, resuming a cut upload where the
    server stopped; a file the server holds (or that this PC sent before) is not sent again. Returns bytes sent."""
    if not entities.may_write(role, "complaint_attachment"):
        return 0

    with db.sessions() as session:
        done = set(session.scalars(select(LocalState.key).where(LocalState.key.like(BLOB_SENT_KEY.format(sha="%")))))
    sent = 0
    for sha, path, size in _attachment_files(db):
        key = BLOB_SENT_KEY.format(sha=sha)
        if key in done:
            continue
        local = Path(data_dir) / path
        if not local.is_file():
            continue  # a record pulled from another PC: its file is fetched, not sent
        held = api.blob_status(sha)
        offset = 0 if held is None else int(held["received"])
        complete = bool(held and held["complete"])
        with open(local, "rb") as fh:
            while not complete:
                fh.seek(offset)
                chunk = fh.read(BLOB_CHUNK)
                answer = api.put_blob(sha, size=size, offset=offset, chunk=chunk)
                if not answer.get("resume"):
                    sent += len(chunk)
                offset = int(answer["received"])
                complete = bool(answer["complete"])
        with server_unit_of_work(db) as uow:
            set_state(uow.session, key, "sent")
            uow.commit()
    return sent


def fetch_files(db: Database, data_dir: Path, api: ServerApi, role: str) -> int:
    """Download the files of attachments pulled from other PCs; each checked against its SHA-256."""
    if not entities.may_write(role, "complaint_attachment"):
        return 0
    fetched = 0
    for sha, path, _size in _attachment_files(db):
        local = Path(data_dir) / path
        if local.is_file():
            continue
        data = api.blob_content(sha)
        if data is None or hashlib.sha256(data).hexdigest() != sha:
            continue  # not uploaded yet (or damaged on the way): the next sync tries again
        local.parent.mkdir(parents=True, exist_ok=True)
        tmp = local.with_suffix(local.suffix + ".part")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, local)
        with server_unit_of_work(db) as uow:  # the server holds it: never sent back
            set_state(uow.session, BLOB_SENT_KEY.format(sha=sha), "fetched")
            uow.commit()
        fetched += 1
    return fetched
