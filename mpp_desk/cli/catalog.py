"""``mpp-desk catalog ...``: import the regulation annex, list, export and re-import the catalogue."""

from __future__ import annotations

from mpp_desk.roles import TERMINAL

import sys
from collections import Counter
from pathlib import Path

from mpp_desk.i18n import translate


def register(sub) -> None:
    p = sub.add_parser("catalog", help="katalog layanan (standar pelayanan)")
    commands = p.add_subparsers(dest="catalog_command", metavar="PERINTAH", required=True)

    imp = commands.add_parser(
        "import",
        help="impor standar pelayanan dari teks lampiran Perbup (.txt) atau hasil ekspor (.yaml/.yml/.json)",
    )
    imp.add_argument("files", nargs="+", type=Path, metavar="FILE")
    imp.add_argument("--dry-run", action="store_true", help="hanya periksa dan tampilkan; tidak menyimpan apa pun")
    imp.add_argument("--json", action="store_true", help="cetak layanan sebagai JSON (ringkasan ke stderr)")
    imp.set_defaults(handler=import_command)

    lst = commands.add_parser("list", help="daftar layanan dalam katalog")
    lst.add_argument("--search", metavar="TEKS", help="cari menurut kata judul, KBLI atau nomor lampiran")
    lst.add_argument("--json", action="store_true", help="cetak sebagai JSON")
    lst.set_defaults(handler=list_command)

    exp = commands.add_parser("export", help="ekspor katalog ke berkas YAML (.yaml/.yml) atau JSON (.json)")
    exp.add_argument("file", type=Path, metavar="FILE")
    exp.set_defaults(handler=export_command)

    from mpp_desk.cli import catalog_upkeep

    catalog_upkeep.register(commands)


def import_command(args, ctx) -> int:
    from mpp_desk.catalog.files import load_files
    from mpp_desk.catalog.service import import_standards, preview_import
    from mpp_desk.cli import print_json

    entries = load_files(args.files)  # every file checked before the database is touched
    if args.dry_run:
        with ctx.app.uow(write=False) as uow:
            results = preview_import(uow, entries=entries)
    else:
        with ctx.app.uow(actor=TERMINAL) as uow:
            results = import_standards(uow, entries=entries)
            uow.commit()
    summary = sys.stderr if args.json else sys.stdout
    if args.json:
        print_json([entry.to_dict() for entry in entries])
    for result in results:
        print(_result_line(result), file=summary)
    counts = Counter(result.status for result in results)
    print(
        translate("catalog", "{count} service(s): {created} new, {updated} updated, {unchanged} unchanged.").format(
            count=len(results), created=counts["created"], updated=counts["updated"], unchanged=counts["unchanged"]
        ),
        file=summary,
    )
    if args.dry_run:
        print(translate("catalog", "Dry run: nothing was saved."), file=summary)
    return 0


def _result_line(result) -> str:
    status = {
        "created": translate("catalog", "new"),
        "updated": translate("catalog", "updated"),
        "unchanged": translate("catalog", "unchanged"),
    }[result.status]
    line = f"{result.annex_number} KBLI {result.kbli} {result.title}: {status}"
    if result.changed:
        line += " (" + translate("catalog", "changed: {fields}").format(fields=", ".join(result.changed)) + ")"
    return line


def list_command(args, ctx) -> int:
    from mpp_desk.catalog.service import list_standards
    from mpp_desk.cli import print_json

    with ctx.app.uow(write=False) as uow:
        entries = list_standards(uow, search=args.search)
    if args.json:
        print_json([entry.to_dict() for entry in entries])
        return 0
    if not entries:
        print(translate("catalog", "No service in the catalogue matches."))
        return 0
    for entry in entries:
        print(
            translate("catalog", "{label} ({product_type}, risk {risk_level}, queue {queue})").format(
                label=entry.label,
                product_type=entry.product_type,
                risk_level=entry.risk_level,
                queue=entry.queue_group or "-",
            )
        )
    return 0


def export_command(args, ctx) -> int:
    from mpp_desk.catalog.files import export_file
    from mpp_desk.catalog.service import list_standards

    with ctx.app.uow(write=False) as uow:
        entries = list_standards(uow)
    export_file(entries, args.file)
    print(translate("catalog", "{count} service(s) exported to {path}.").format(count=len(entries), path=args.file))
    return 0
