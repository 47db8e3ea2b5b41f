"""``mpp-desk doctor [--json] [--bundle FILE]``: what breaks a counter, checked without changing anything."""

from __future__ import annotations

from pathlib import Path

from mpp_desk.cli import print_json, sayer
from mpp_desk.i18n import N_

say = sayer("cli")

MARKS = {"ok": "OK  ", "info": "INFO", "warn": "AWAS", "fail": "GAGAL"}


def register(sub) -> None:
    d = sub.add_parser("doctor", help="periksa PC ini: basis data, disk, cadangan, printer, server dan jamnya, "
                                      "pemindai; kode keluar 1 bila ada yang gagal")
    d.add_argument("--json", action="store_true", help="keluaran JSON")
    d.add_argument("--bundle", metavar="FILE", type=Path, default=None,
                   help="zip untuk dukungan teknis (laporan, log tersamar, versi), tanpa data pribadi")
    d.add_argument("--offline", action="store_true", help="tanpa memeriksa server pusat")
    d.set_defaults(handler=_doctor)


def _doctor(args, ctx) -> int:
    from mpp_desk import doctor
    from mpp_desk.paths import resolve_data_dir

    data_dir = resolve_data_dir(args.data_dir)  # read-only checks: the app's context is never opened
    checks = doctor.run_all(data_dir, with_network=not args.offline)
    verdict = doctor.worst(checks)
    bundle = doctor.bundle(data_dir, args.bundle, checks) if args.bundle else None
    if args.json:
        print_json({"ok": verdict != doctor.FAIL, "worst": verdict, "checks": [c.as_dict() for c in checks],
                    "bundle": str(bundle) if bundle else None})
    else:
        for check in checks:
            print(f"[{MARKS[check.status]}] {check.name}: {check.text()}")
        if bundle:
            print(say(N_("cli", "Support bundle written: {path} (no database, no keys; logs masked)."), path=bundle))
    return 1 if verdict == doctor.FAIL else 0
