"""``mpp-central``: migrate, set up, serve, and manage devices and conflicts (docs/sync.md).

``--json`` prints one JSON object. Run as ``mpp-central ...`` or ``python -m mpp_desk.server.cli ...``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import uuid
from typing import Any

from pydantic import ValidationError

# Each command imports its modules inside its function (SQLAlchemy, FastAPI, cryptography): every call
# builds the whole parser, and `mpp-central --help` or a mistyped command should not load the server.


def _now() -> dt.datetime:
    from mpp_desk import officetime  # the server's own process clock (tests set it)

    return officetime.now()


def build_parser() -> argparse.ArgumentParser:
    from mpp_desk.server import SERVER_VERSION
    from mpp_desk.sync.entities import DEVICE_ROLES

    parser = argparse.ArgumentParser(prog="mpp-central", description="MPP Desk central server (sync of every PC)")
    parser.add_argument("--version", action="version", version=f"mpp-central {SERVER_VERSION}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def with_db(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument("--database", metavar="URL", default=None,
                       help="PostgreSQL URL (default: $MPP_CENTRAL_DATABASE_URL)")
        return p

    with_db(sub.add_parser("migrate", help="create or upgrade the server's tables")).set_defaults(handler=_migrate)

    setup = with_db(sub.add_parser("setup", help="first set-up: the office and its first administrator"))
    setup.add_argument("--office-name", required=True)
    setup.add_argument("--admin", required=True, metavar="USERNAME")
    setup.add_argument("--name", required=True, metavar="FULL_NAME")
    setup.add_argument("--password-stdin", action="store_true", help="read the password from the first line of stdin")
    setup.add_argument("--json", action="store_true")
    setup.set_defaults(handler=_setup)

    serve = with_db(sub.add_parser("serve", help="serve the sync API"))
    serve.add_argument("--host", default=None)
    serve.add_argument("--port", type=int, default=None)
    serve.add_argument("--tls-cert", default=None, metavar="FILE")
    serve.add_argument("--tls-key", default=None, metavar="FILE")
    serve.add_argument("--workers", type=int, default=1, metavar="N",
                       help="server processes (default 1); 2 on a 2-core server doubles the live queue's CPU "
                            "(docs/queue.md); the public pages' rate limits then count per process")
    serve.set_defaults(handler=_serve)

    device = sub.add_parser("device", help="enrol, list and revoke PCs")
    ds = device.add_subparsers(dest="device_command", metavar="COMMAND", required=True)
    enroll = with_db(ds.add_parser("enroll", help="a one-time enrolment code for a new PC (valid 24 hours)"))
    enroll.add_argument("--name", required=True)
    enroll.add_argument("--role", required=True, choices=DEVICE_ROLES)
    enroll.add_argument("--counters", default=None, metavar="N,N",
                        help="a counter PC: the counter numbers it may act on (see `device bind`)")
    enroll.add_argument("--json", action="store_true")
    enroll.set_defaults(handler=_enroll)
    bind = with_db(ds.add_parser("bind", help="the counter numbers a counter PC may act on (others are refused)"))
    bind.add_argument("device", metavar="DEVICE", help="the device's id or name")
    which = bind.add_mutually_exclusive_group(required=True)
    which.add_argument("--counters", metavar="N,N", help="e.g. 3,4")
    which.add_argument("--unbind", action="store_true", help="any counter again (the rule of a device never bound)")
    bind.add_argument("--json", action="store_true")
    bind.set_defaults(handler=_bind)
    ls = with_db(ds.add_parser("list", help="the enrolled PCs"))
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(handler=_list)
    revoke = with_db(ds.add_parser("revoke", help="revoke a PC's credential (it gets 401 from now on)"))
    revoke.add_argument("device_id")
    revoke.add_argument("--json", action="store_true")
    revoke.set_defaults(handler=_revoke)

    queue = sub.add_parser("queue", help="the live queue: tickets served twice")
    qs = queue.add_subparsers(dest="queue_command", metavar="COMMAND", required=True)
    qc = with_db(qs.add_parser("conflicts", help="tickets a counter served offline that another counter had "
                                                 "called or served (dilayani dua kali)"))
    qc.add_argument("--date", type=dt.date.fromisoformat, default=None, metavar="YYYY-MM-DD",
                    help="one service date (default: every day)")
    qc.add_argument("--open", action="store_true", help="only those not yet marked checked")
    qc.add_argument("--json", action="store_true")
    qc.set_defaults(handler=_queue_conflicts)
    qcs = qc.add_subparsers(dest="conflicts_command", metavar="COMMAND")  # none: the list
    qk = qcs.add_parser("check", help="mark a ticket served twice as checked (once; it stays listed)")
    qk.add_argument("conflict_id", type=int, metavar="ID", help="its number in the list (#ID)")
    qk.add_argument("--by", required=True, metavar="NAME", help="who checked it (their full name)")
    qk.add_argument("--note", default="", metavar="TEXT", help="what was found (at most 500 characters)")
    # SUPPRESS: given before `check` (to `conflicts`), these are not overwritten by this parser's defaults
    qk.add_argument("--database", metavar="URL", default=argparse.SUPPRESS,
                    help="PostgreSQL URL (default: $MPP_CENTRAL_DATABASE_URL)")
    qk.add_argument("--json", action="store_true", default=argparse.SUPPRESS)
    qk.set_defaults(handler=_queue_conflict_check)

    cert = sub.add_parser("cert", help="TLS for the office LAN")
    cs_ = cert.add_subparsers(dest="cert_command", metavar="COMMAND", required=True)
    ci = cs_.add_parser("init", help="a small CA and the server's certificate signed by it")
    ci.add_argument("--out", required=True, metavar="FOLDER", help="where ca.pem, ca.key, server.pem, server.key go")
    ci.add_argument("--host", action="append", required=True, help="a name or IP address the PCs use (repeatable)")
    ci.add_argument("--office-name", default="MPP")
    ci.add_argument("--json", action="store_true")
    ci.set_defaults(handler=_cert_init)

    conflict = sub.add_parser("conflict", help="changes the server did not take (both versions kept)")
    cs = conflict.add_subparsers(dest="conflict_command", metavar="COMMAND", required=True)
    cl = with_db(cs.add_parser("list", help="open conflicts"))
    cl.add_argument("--json", action="store_true")
    cl.set_defaults(handler=_conflicts)

    cr = with_db(cs.add_parser("resolve", help="close a conflict: keep the server's version or take the device's"))
    cr.add_argument("conflict_id", type=int)
    cr.add_argument("--keep", required=True, choices=("server", "device", "fields"))
    cr.add_argument("--field", action="append", default=[], metavar="NAME=device|server",
                    help="with --keep fields: the side of one field (repeatable; fields not named keep the server's)")
    cr.add_argument("--json", action="store_true")
    cr.set_defaults(handler=_resolve)

    audit = sub.add_parser("audit", help="the PCs' audit trails as the server verified them")
    au = audit.add_subparsers(dest="audit_command", metavar="COMMAND", required=True)
    al = with_db(au.add_parser("alerts", help="breaks found in a PC's audit trail on arrival"))
    al.add_argument("--json", action="store_true")
    al.set_defaults(handler=_audit_alerts)

    key = sub.add_parser("signing-key", help="the PCs' public keys, so the public pages verify their QR codes")
    ks = key.add_subparsers(dest="key_command", metavar="COMMAND", required=True)
    ka = with_db(ks.add_parser("add", help="add a PC's key (the output of `mpp-desk queue public-key`)"))
    ka.add_argument("file", help="the PEM file, or - for standard input")
    ka.add_argument("--label", default="", help="which PC it is, e.g. 'loket 3'")
    ka.add_argument("--json", action="store_true")
    ka.set_defaults(handler=_key_add)
    kl = with_db(ks.add_parser("list", help="the keys held"))
    kl.add_argument("--json", action="store_true")
    kl.set_defaults(handler=_key_list)

    from mpp_desk.server.backup_cli import register as register_backup  # backup / restore (pg_dump, pg_restore)

    register_backup(sub, with_db)
    from mpp_desk.server.retention import register as register_retention  # the server's purge of personal data

    register_retention(sub, with_db)
    from mpp_desk.server.booking_cli import register as register_booking  # booked visits (issue 17)

    register_booking(sub, with_db)
    return parser


def _key_add(args) -> int:
    from pathlib import Path

    from mpp_desk.server.public import keys

    try:
        pem = sys.stdin.read() if args.file == "-" else Path(args.file).read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError) as exc:
        raise Failure(f"cannot read the key: {exc}") from None
    engine = _engine(_settings(args))
    try:
        with engine.begin() as conn:
            key_id, added = keys.add_key(conn, pem, label=args.label)
    except keys.KeyProblem as exc:
        raise Failure(str(exc)) from None
    finally:
        engine.dispose()
    _print(args, {"key_id": key_id, "added": added}, f"key {key_id} {'added' if added else 'already held'}")
    return 0


def _key_list(args) -> int:
    from mpp_desk.server.public import keys

    engine = _engine(_settings(args))
    try:
        with engine.begin() as conn:
            found = keys.list_keys(conn)
    finally:
        engine.dispose()
    _print(args, {"keys": found}, "\n".join(f"{k['key_id']}  {k['label']}" for k in found) or "no keys")
    return 0


class Failure(Exception):
    """A command that cannot go on: the message is printed, exit status 2."""


def _settings(args, **extra: Any):
    from mpp_desk.server.settings import ServerSettings

    values = {k: v for k, v in extra.items() if v is not None}
    if args.database:
        values["database_url"] = args.database
    try:
        return ServerSettings(**values)
    except ValidationError as exc:
        raise Failure("; ".join(f"{'.'.join(map(str, e['loc'])) or 'settings'}: {e['msg']}" for e in exc.errors())) from None


def _engine(settings):
    from mpp_desk.server.db import make_engine

    return make_engine(settings.database_url, pool_size=2)


def _print(args, data: dict[str, Any], text: str) -> None:
    if getattr(args, "json", False):
        json.dump(data, sys.stdout, ensure_ascii=False, default=str)
        sys.stdout.write("\n")
    else:
        print(text)


def _cert_init(args) -> int:
    from pathlib import Path

    from mpp_desk.server import certs

    try:
        made = certs.init(Path(args.out), args.host, office=args.office_name)
    except (FileExistsError, ValueError) as exc:
        raise Failure(str(exc)) from None
    _print(args, made, f"CA {made['ca_pem']} (fingerprint {made['ca_fingerprint']})\n"
                       f"serve with: --tls-cert {made['server_pem']} --tls-key {made['server_key']}\n"
                       f"on each PC: mpp-desk sync join https://{args.host[0]}:8750 CODE --ca ca.pem")
    return 0


def _migrate(args) -> int:
    from mpp_desk.server.db import NewerSchema, migrate

    settings = _settings(args)
    engine = _engine(settings)
    try:
        head = migrate(engine)
    except NewerSchema as exc:
        raise Failure(str(exc)) from None
    finally:
        engine.dispose()
    print(f"schema at revision {head}")
    return 0


def _setup(args) -> int:
    from sqlalchemy import insert, select

    from mpp_desk import auth
    from mpp_desk.errors import UserError
    from mpp_desk.server import sync as service
    from mpp_desk.server.tables import office

    settings = _settings(args)
    office_name = args.office_name.strip()
    full_name = args.name.strip()
    if not office_name or not full_name:
        raise Failure("the office name and the administrator's full name cannot be empty")
    if not args.password_stdin:
        import getpass

        password = getpass.getpass("Password: ")
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    try:
        username = auth.normalize_username(args.admin)
        auth.check_password(password, username=username)
    except UserError as exc:
        raise Failure(exc.text()) from None
    engine = _engine(settings)
    try:
        with engine.begin() as conn:
            if conn.execute(select(office.c.id)).first() is not None:
                raise Failure("this server is already set up")
            conn.execute(insert(office).values(id=1, name=office_name))
            now = _now().isoformat()
            admin_id = uuid.uuid4()
            service.write_record(conn, "staff_user", {
                "id": str(admin_id), "created_at": now, "updated_at": now, "version": 1, "device_id": "server",
                "deleted_at": None, "username": username, "full_name": full_name, "role": "administrator",
                "password_hash": auth.hash_secret(password), "active": True, "must_change_password": False,
                "failed_attempts": 0, "locked_until": None, "password_changed_at": now, "last_sign_in_at": None,
                "pin_hash": None,
            })
            service.write_record(conn, "setting", _office_setting("office.name", office_name, now))
    finally:
        engine.dispose()
    _print(args, {"office_name": office_name, "admin": username, "admin_id": str(admin_id)},
           f"office {office_name!r} set up; administrator {username}")
    return 0


def _office_setting(key: str, value: Any, now: str) -> dict[str, Any]:
    from mpp_desk import settings

    # the same id every PC derives for this office setting (settings._store), so it is one record
    row_id = uuid.uuid5(settings._ROW_NAMESPACE, f"office::{key}")
    return {"id": str(row_id), "created_at": now, "updated_at": now, "version": 1, "device_id": "server",
            "deleted_at": None, "scope": "office", "pc_id": "", "key": key, "value": value}


def _serve(args) -> int:
    import uvicorn

    from mpp_desk.server.app import create_app

    settings = _settings(args, host=args.host, port=args.port, tls_cert=args.tls_cert, tls_key=args.tls_key)
    try:
        settings.secret()
    except ValueError as exc:
        raise Failure(str(exc)) from None
    certfile = str(settings.tls_cert) if settings.tls_cert else None
    keyfile = str(settings.tls_key) if settings.tls_cert else None
    # A PC keeps its connection between the requests of one sync while it applies a page; uvicorn's
    # 5 s default closed it under load and the next request met the close (RemoteProtocolError).
    # The boards' event streams never end by themselves: a stop waits 3 s for them, then closes them.
    options: dict[str, Any] = {"host": settings.host, "port": settings.port, "log_level": "warning", "access_log": False,
                               "timeout_keep_alive": KEEP_ALIVE_S, "timeout_graceful_shutdown": 3,
                               "ssl_certfile": certfile, "ssl_keyfile": keyfile}
    if args.workers > 1:
        # Each worker process builds its app from these settings (the environment it inherits): its own
        # pools, its own queue listener and configuration cache; the queue's state is all in PostgreSQL.
        for name, value in settings.model_dump(mode="json", exclude={"secret_key"}).items():
            if value is not None:
                os.environ[f"MPP_CENTRAL_{name.upper()}"] = value if isinstance(value, str) else json.dumps(value)
        os.environ["MPP_CENTRAL_SECRET_KEY"] = settings.secret().decode()
        uvicorn.run("mpp_desk.server.cli:worker_app", factory=True, workers=args.workers, **options)
        return 0
    engine = _engine(settings)
    app = create_app(settings, engine)
    try:
        uvicorn.run(app, **options)
    finally:
        engine.dispose()
    return 0


def worker_app():
    """The app of one ``serve --workers N`` process, from the settings in its environment."""
    from mpp_desk.server.app import create_app
    from mpp_desk.server.settings import ServerSettings

    settings = ServerSettings()  # type: ignore[call-arg]  # database_url comes from the environment
    return create_app(settings, _engine(settings))


KEEP_ALIVE_S = 75


def _enroll(args) -> int:
    from mpp_desk.server import devices

    settings = _settings(args)
    try:
        secret = settings.secret()
    except ValueError as exc:
        raise Failure(str(exc)) from None
    engine = _engine(settings)
    try:
        with engine.begin() as conn:
            device, code, expires = devices.enroll(conn, secret, name=args.name, role=args.role,
                                                   hours=settings.enrolment_hours, now=_now())
            if args.counters is not None:
                device = devices.bind(conn, device.id, devices.parse_counters(args.counters))
    except devices.DeviceError as exc:
        raise Failure(str(exc)) from None
    finally:
        engine.dispose()
    _print(args, {"code": code, "device_id": str(device.id), "name": device.name, "role": device.role,
                  "expires_at": expires.isoformat()},
           f"enrolment code for {device.name} ({device.role}): {code}\n"
           f"valid until {expires.isoformat(timespec='minutes')}; on the PC: mpp-desk sync join URL {code}")
    return 0


def _list(args) -> int:
    from mpp_desk.server import devices

    engine = _engine(_settings(args))
    try:
        with engine.begin() as conn:
            found = devices.list_devices(conn)
    finally:
        engine.dispose()
    rows = [{"id": str(d.id), "name": d.name, "role": d.role, "enrolled": d.enrolled, "revoked": d.revoked,
             "last_seen_at": d.last_seen_at.isoformat() if d.last_seen_at else None,
             "counters": list(d.counters) if d.counters is not None else None} for d in found]
    text = "\n".join(f"{r['id']}  {r['role']:<10} {r['name']}{'  (revoked)' if r['revoked'] else ''}"
                     f"{'' if r['enrolled'] else '  (not joined yet)'}"
                     f"{'  counters ' + ','.join(map(str, r['counters'])) if r['counters'] is not None else ''}"
                     for r in rows) or "no devices"
    _print(args, {"devices": rows}, text)
    return 0


def _revoke(args) -> int:
    from mpp_desk.server import devices

    try:
        device_id = uuid.UUID(args.device_id)
    except ValueError:
        raise Failure(f"not a device id: {args.device_id}") from None
    engine = _engine(_settings(args))
    try:
        with engine.begin() as conn:
            device = devices.revoke(conn, device_id, now=_now())
    except devices.DeviceError as exc:
        raise Failure(str(exc)) from None
    finally:
        engine.dispose()
    _print(args, {"id": str(device.id), "revoked": True}, f"device {device.name} revoked")
    return 0


def _bind(args) -> int:
    from mpp_desk.server import devices

    engine = _engine(_settings(args))
    try:
        with engine.begin() as conn:
            device = devices.find(conn, args.device)
            numbers = None if args.unbind else devices.parse_counters(args.counters)
            device = devices.bind(conn, device.id, numbers)
    except devices.DeviceError as exc:
        raise Failure(str(exc)) from None
    finally:
        engine.dispose()
    counters = list(device.counters) if device.counters is not None else None
    text = (f"device {device.name} may act on counter {', '.join(map(str, counters))} only" if counters is not None
            else f"device {device.name} is not bound: it may act on any counter")
    _print(args, {"id": str(device.id), "name": device.name, "counters": counters}, text)
    return 0


def _queue_conflicts(args) -> int:
    from mpp_desk.server import queue_reconcile

    engine = _engine(_settings(args))
    try:
        with engine.begin() as conn:
            rows = queue_reconcile.list_conflicts(conn, day=args.date, open_only=args.open)
    finally:
        engine.dispose()
    text = "\n".join(queue_reconcile.conflict_line(r) for r in rows) or (
        "no ticket served twice is left unchecked" if args.open else "no ticket was served twice")
    _print(args, {"conflicts": rows}, text)
    return 0


def _queue_conflict_check(args) -> int:
    from mpp_desk.errors import UserError
    from mpp_desk.server import queue_reconcile

    engine = _engine(_settings(args))
    try:
        with engine.begin() as conn:
            done = queue_reconcile.mark_checked(conn, None, conflict_id=args.conflict_id, checked_by=args.by,
                                                note=args.note, now=_now())
    except UserError as exc:
        raise Failure(str(exc)) from None
    finally:
        engine.dispose()
    _print(args, {"conflict": done}, queue_reconcile.conflict_line(done))
    return 0


def _conflicts(args) -> int:
    from mpp_desk.server import sync as service

    engine = _engine(_settings(args))
    try:
        with engine.begin() as conn:
            rows = service.list_conflicts(conn)
    finally:
        engine.dispose()
    text = "\n".join(f"#{r['id']} {r['entity']} {r['entity_id']}: {r['reason']}" for r in rows) or "no open conflicts"
    _print(args, {"conflicts": rows}, text)
    return 0


def _resolve(args) -> int:
    from mpp_desk.server import sync as service

    fields = {}
    for item in args.field:
        name, _, side = item.partition("=")
        if side not in ("device", "server") or not name:
            raise Failure(f"--field takes NAME=device or NAME=server, not {item!r}")
        fields[name] = side
    engine = _engine(_settings(args))
    try:
        with engine.begin() as conn:
            done = service.resolve_conflict(conn, None, args.conflict_id, keep=args.keep, fields=fields, now=_now())
    except service.ResolveError as exc:
        raise Failure(str(exc)) from None
    finally:
        engine.dispose()
    _print(args, done, f"conflict #{done['id']} resolved ({done['keep']}); {done['entity']} {done['entity_id']} "
                       f"at version {done['version']}")
    return 0


def _audit_alerts(args) -> int:
    from mpp_desk.server import audit_chains

    engine = _engine(_settings(args))
    try:
        with engine.begin() as conn:
            rows = audit_chains.list_alerts(conn)
    finally:
        engine.dispose()
    text = "\n".join(f"#{r['id']} PC {r['chain_id']} entry {r['seq']}: {r['reason']}: {r['detail']}"
                     for r in rows) or "no audit alerts"
    _print(args, {"alerts": rows}, text)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.handler(args) or 0
    except Failure as exc:
        print(f"mpp-central: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # a database that cannot be reached, ...: one line, not a traceback
        from sqlalchemy.exc import OperationalError

        if isinstance(exc, OperationalError):
            print(f"mpp-central: cannot use the database: {str(exc.orig).strip().splitlines()[0]}", file=sys.stderr)
            return 2
        raise


if __name__ == "__main__":
    sys.exit(main())
