"""``mpp-desk retention due|purge``: personal data past its retention period (UU 27/2022)."""

from __future__ import annotations

from mpp_desk.cli import print_json, sayer
from mpp_desk.i18n import N_
from mpp_desk.roles import TERMINAL

say = sayer("cli")

KIND_LABELS = {
    "intake_file": N_("cli", "handed-over or rejected files"),
    "intake_visit": N_("cli", "incomplete or cancelled visits"),
    "complaint": N_("cli", "closed complaints"),
}


def register(sub) -> None:
    p = sub.add_parser("retention", help="retensi data pribadi (UU 27/2022): yang jatuh tempo, penghapusan")
    rs = p.add_subparsers(dest="retention_command", metavar="PERINTAH", required=True)
    d = rs.add_parser("due", help="data pribadi yang sudah lewat masa simpannya")
    d.add_argument("--json", action="store_true", help="keluaran JSON")
    d.set_defaults(handler=_due)
    g = rs.add_parser("purge", help="hapus/anonimkan data pribadi yang lewat masa simpan; statistik tetap")
    g.add_argument("--dry-run", action="store_true", help="hanya tampilkan yang akan dihapus; tidak mengubah apa pun")
    g.add_argument("--json", action="store_true", help="keluaran JSON")
    g.set_defaults(handler=_purge)


def _print_counts(counts: dict[str, int]) -> None:
    for kind, count in counts.items():
        print(f"  {say(KIND_LABELS[kind])}: {count}")


def _due(args, ctx) -> int:
    from mpp_desk import retention

    with ctx.app.uow(write=False, actor=TERMINAL) as uow:
        items = retention.due(uow)
        pol = retention.policy(uow)
    if args.json:
        print_json({"policy_years": {"intake_file": pol.intake_years, "intake_visit": pol.visit_years,
                                     "complaint": pol.complaint_years},
                    "items": [i.as_dict() for i in items]})
        return 0
    counts: dict[str, int] = dict.fromkeys(retention.KINDS, 0)
    for item in items:
        counts[item.kind] += 1
    print(say(N_("cli", "Personal data due for erasure: {count} records."), count=len(items)))
    _print_counts(counts)
    return 0


def _purge(args, ctx) -> int:
    from mpp_desk import retention

    with ctx.app.uow(write=not args.dry_run, actor=TERMINAL) as uow:
        report = retention.purge(uow, dry_run=args.dry_run)
        if not args.dry_run:
            uow.commit()
    if not args.dry_run:
        retention.remove_files(report.released, ctx.app.data_dir)
    if args.json:
        print_json(report.as_dict())
        return 0
    total = sum(report.counts.values())
    if args.dry_run:
        print(say(N_("cli", "Dry run: {count} records would be anonymised; nothing was changed."), count=total))
    else:
        print(say(N_("cli", "{count} records anonymised, {tombstones} receipts and attachments erased "
                            "({files} files); the statistics are kept."),
                  count=total, tombstones=report.tombstones, files=len(report.released)))
    _print_counts(report.counts)
    return 0
