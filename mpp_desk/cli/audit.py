"""``mpp-desk audit ...``: check the audit trail's hash chain and list its newest entries."""

from __future__ import annotations

from mpp_desk.cli import print_json
from mpp_desk.cli.args import whole_number
from mpp_desk.i18n import N_, translate
from mpp_desk.roles import TERMINAL


def register(sub) -> None:
    p = sub.add_parser("audit", help="jejak audit: periksa rantai hash, tampilkan entri")
    au = p.add_subparsers(dest="audit_command", metavar="PERINTAH", required=True)
    v = au.add_parser("verify", help="periksa rantai hash; kode keluar 1 bila ada mata rantai yang rusak")
    v.add_argument("--json", action="store_true", help="keluaran JSON")
    v.set_defaults(handler=_verify)
    ls = au.add_parser("list", help="entri terbaru lebih dulu")
    ls.add_argument("--limit", type=whole_number(1, 100_000), default=50, help="jumlah entri (bawaan 50)")
    ls.add_argument("--action", default=None, help="hanya tindakan yang diawali teks ini, mis. auth.")
    ls.add_argument("--json", action="store_true", help="keluaran JSON")
    ls.set_defaults(handler=_list)


def _verify(args, ctx) -> int:
    from mpp_desk import audit

    with ctx.app.uow(write=False, actor=TERMINAL) as uow:
        result = audit.verify(uow)
    if args.json:
        print_json(result.as_dict())
    elif result.ok:
        print(translate("cli", N_("cli", "OK: {count} audit entries checked; the chain is intact.")).format(
            count=result.checked))
    else:
        print(translate("cli", N_("cli", "BROKEN at entry {seq} ({action}) of device {device}: {reason}.")).format(
            seq=result.first_broken_seq, action=result.action or "-", device=result.device_id,
            reason=result.reason_text()))
        print(translate("cli", N_("cli", "{count} entries before it are intact.")).format(count=result.checked))
    return 0 if result.ok else 1


def _list(args, ctx) -> int:
    from mpp_desk import audit

    with ctx.app.uow(write=False, actor=TERMINAL) as uow:
        entries = audit.list_entries(uow, actor=TERMINAL, limit=max(1, args.limit), action_prefix=args.action)
    if args.json:
        print_json([e.as_dict() for e in entries])
        return 0
    for e in entries:
        print(f"{e.seq:>6} {e.at:%Y-%m-%d %H:%M:%S}Z {e.device_id[:8]} {e.actor_username:<16} {e.action:<24} "
              f"{e.summary}")
    return 0
