"""``mpp-desk sync join|now|status``: this PC and the office's central server (docs/sync.md)."""

from __future__ import annotations

from dataclasses import asdict

from mpp_desk.cli import print_json, sayer, usage
from mpp_desk.i18n import N_

say = sayer("cli")


def register(sub) -> None:
    p = sub.add_parser("sync", help="sinkronisasi dengan server pusat: gabung, sinkron sekarang, status")
    p.set_defaults(handler=usage(p))
    ss = p.add_subparsers(dest="sync_command", metavar="PERINTAH")
    join = ss.add_parser("join", help="gabungkan PC ini ke server pusat dengan kode pendaftaran")
    join.add_argument("url", help="alamat server, mis. http://server-mpp:8750")
    join.add_argument("code", help="kode pendaftaran dari `mpp-central device enroll`")
    join.add_argument("--ca", metavar="FILE", default=None,
                      help="sertifikat CA kantor (ca.pem dari `mpp-central cert init`) untuk https")
    join.add_argument("--json", action="store_true", help="keluaran JSON")
    join.set_defaults(handler=_join)
    now = ss.add_parser("now", help="kirim perubahan yang menunggu, lalu ambil perubahan dari server")
    now.add_argument("--json", action="store_true", help="keluaran JSON")
    now.set_defaults(handler=_now)
    st = ss.add_parser("status", help="server, perangkat, perubahan yang menunggu, konflik")
    st.add_argument("--json", action="store_true", help="keluaran JSON")
    st.set_defaults(handler=_status)


def _summary(result) -> str:
    return say(N_("cli", "Sent {pushed}, received {pulled}, waiting {pending}, conflicts {conflicts}, "
                         "refused {rejected}."), **asdict(result))


def _join(args, ctx) -> int:
    from mpp_desk.sync import client

    app = ctx.app
    from pathlib import Path

    joined, result = client.join(app.db, app.data_dir, args.url, args.code, ca=Path(args.ca) if args.ca else None)
    if args.json:
        print_json({"server": joined.url, "device_id": joined.device_id, "role": joined.role,
                    "office_name": joined.office_name, **asdict(result)})
    else:
        print(say(N_("cli", "This PC joined {office} at {url} as {name} ({role})."), office=joined.office_name,
                  url=joined.url, name=joined.name, role=joined.role))
        print(_summary(result))
    return 0


def _now(args, ctx) -> int:
    from mpp_desk.sync import client

    app = ctx.app
    result = client.sync_now(app.db, app.data_dir)
    if args.json:
        print_json(asdict(result))
    else:
        print(_summary(result))
    return 0


def _status(args, ctx) -> int:
    from mpp_desk.sync import client

    app = ctx.app
    info = client.status(app.db, app.data_dir)
    if args.json:
        print_json(info)
    elif not info["joined"]:
        print(say(N_("cli", "This PC has not joined a server (standalone); {pending} changes wait to be sent."),
                  pending=info["pending"]))
    else:
        print(say(N_("cli", "Server {url} ({office}); this PC is {name} ({role})."), url=info["server"],
                  office=info["office_name"], name=info["device_name"], role=info["role"]))
        print(say(N_("cli", "Waiting {pending}, conflicts {conflicts}, refused {rejected}, last sync {last}."),
                  pending=info["pending"], conflicts=info["conflicts"], rejected=info["rejected"],
                  last=_office_time(info["last_sync_at"])))
    return 0


def _office_time(iso: str | None) -> str:
    """An instant as people in the office read it: "4 Desember 2026 pukul 10.05 WIB"."""
    if not iso:
        return "-"
    import datetime as dt
    from zoneinfo import ZoneInfo

    from mpp_desk.textformat import format_date

    local = dt.datetime.fromisoformat(iso).astimezone(ZoneInfo("Asia/Jakarta"))
    return f"{format_date(local.date(), weekday=False)} pukul {local:%H.%M} WIB"
