"""``mpp-desk catalog procedure ...`` (Lampiran IV classifications) and ``catalog evaluation ...`` (Evaluasi Kinerja)."""

from __future__ import annotations

from pathlib import Path

from mpp_desk.cli import print_json, usage
from mpp_desk.i18n import translate
from mpp_desk.roles import TERMINAL


def register(commands) -> None:
    """Add the two command groups under ``catalog``."""
    proc = commands.add_parser("procedure", help="klasifikasi prosedur Lampiran IV (nomor, nama, langkah)")
    proc.set_defaults(handler=usage(proc))
    pcmds = proc.add_subparsers(dest="procedure_command", metavar="PERINTAH")
    lst = pcmds.add_parser("list", help="daftar klasifikasi dengan langkahnya")
    lst.add_argument("--json", action="store_true", help="cetak sebagai JSON")
    lst.set_defaults(handler=procedure_list)
    imp = pcmds.add_parser("import", help="impor dari teks (“Klasifikasi N: nama” lalu “1. langkah”) atau CSV "
                                          "(kolom nomor, nama, langkah)")
    imp.add_argument("files", nargs="+", type=Path, metavar="FILE")
    imp.add_argument("--dry-run", action="store_true", help="hanya periksa dan tampilkan; tidak menyimpan apa pun")
    imp.set_defaults(handler=procedure_import)
    put = pcmds.add_parser("set", help="buat atau ubah satu klasifikasi")
    put.add_argument("number", type=int, metavar="NOMOR")
    put.add_argument("--name", required=True, metavar="NAMA")
    put.add_argument("--step", action="append", required=True, metavar="LANGKAH", help="satu langkah (ulangi, urut)")
    put.set_defaults(handler=procedure_set)
    rm = pcmds.add_parser("remove", help="hapus satu klasifikasi")
    rm.add_argument("number", type=int, metavar="NOMOR")
    rm.set_defaults(handler=procedure_remove)
    show = pcmds.add_parser("show", help="prosedur sebuah layanan (klasifikasi yang disebut standarnya)")
    show.add_argument("annex", type=int, metavar="NOMOR_LAMPIRAN")
    show.set_defaults(handler=procedure_show)

    ev = commands.add_parser("evaluation", help="evaluasi kinerja standar pelayanan dan SOP (minimal setahun sekali)")
    ev.set_defaults(handler=usage(ev))
    ecmds = ev.add_subparsers(dest="evaluation_command", metavar="PERINTAH")
    add = ecmds.add_parser("add", help="catat satu evaluasi")
    add.add_argument("annex", type=int, metavar="NOMOR_LAMPIRAN")
    add.add_argument("--date", required=True, metavar="YYYY-MM-DD", help="tanggal evaluasi")
    add.add_argument("--by", required=True, metavar="NAMA", help="siapa yang mengevaluasi")
    add.add_argument("--notes", default="", metavar="TEKS", help="catatan hasil evaluasi")
    add.add_argument("--document", type=Path, metavar="FILE", help="dokumen hasil (PDF, JPEG atau PNG)")
    add.set_defaults(handler=evaluation_add)
    elist = ecmds.add_parser("list", help="evaluasi setahun")
    elist.add_argument("--year", type=int, metavar="YYYY", help="tahun (bawaan: tahun ini)")
    elist.add_argument("--json", action="store_true", help="cetak sebagai JSON")
    elist.set_defaults(handler=evaluation_list)
    due = ecmds.add_parser("due", help="standar yang belum dievaluasi dalam 12 bulan terakhir")
    due.add_argument("--json", action="store_true", help="cetak sebagai JSON")
    due.set_defaults(handler=evaluation_due)


def _print_classification(item) -> None:
    print(translate("catalog", "Classification {number}: {name}").format(number=item.number, name=item.name))
    for index, step in enumerate(item.steps, start=1):
        print(f"  {index}. {step}")


def procedure_list(args, ctx) -> int:
    from mpp_desk.catalog.procedures import list_classifications

    with ctx.app.uow(write=False) as uow:
        items = list_classifications(uow)
    if args.json:
        print_json([{"number": i.number, "name": i.name, "steps": list(i.steps)} for i in items])
        return 0
    if not items:
        print(translate("catalog", "No Lampiran IV classification in the catalogue yet."))
    for item in items:
        _print_classification(item)
    return 0


def _print_results(results, *, dry_run: bool) -> None:
    status = {"created": translate("catalog", "new"), "updated": translate("catalog", "updated"),
              "unchanged": translate("catalog", "unchanged")}
    for result in results:
        print(f"{result.number} {result.name}: {status[result.status]}")
    if dry_run:
        print(translate("catalog", "Dry run: nothing was saved."))


def procedure_import(args, ctx) -> int:
    from mpp_desk.catalog.procedures import load_file, preview_classifications, save_classifications

    items = [item for path in args.files for item in load_file(path)]  # every file read before the database
    if args.dry_run:
        with ctx.app.uow(write=False) as uow:
            results = preview_classifications(uow, items=items)
    else:
        with ctx.app.uow(actor=TERMINAL) as uow:
            results = save_classifications(uow, items=items)
            uow.commit()
    _print_results(results, dry_run=args.dry_run)
    return 0


def procedure_set(args, ctx) -> int:
    from mpp_desk.catalog.procedures import Classification, save_classifications

    item = Classification(args.number, args.name, tuple(args.step)).checked()
    with ctx.app.uow(actor=TERMINAL) as uow:
        results = save_classifications(uow, items=[item])
        uow.commit()
    _print_results(results, dry_run=False)
    return 0


def procedure_remove(args, ctx) -> int:
    from mpp_desk.catalog.procedures import delete_classification

    with ctx.app.uow(actor=TERMINAL) as uow:
        removed = delete_classification(uow, number=args.number)
        uow.commit()
    if not removed:
        print(translate("catalog", "There is no classification {number}.").format(number=args.number))
        return 1
    print(translate("catalog", "Classification {number} removed.").format(number=args.number))
    return 0


def procedure_show(args, ctx) -> int:
    from mpp_desk.catalog.procedures import procedure_for

    with ctx.app.uow(write=False) as uow:
        found = procedure_for(uow, annex_number=args.annex)
    if not found:
        print(translate("catalog", "The standard of service {annex} names no Lampiran IV classification.").format(
            annex=args.annex))
        return 0
    for number, item in found:
        if item is None:
            print(translate("catalog", "Classification {number}: not in the catalogue yet.").format(number=number))
        else:
            _print_classification(item)
    return 0


def evaluation_add(args, ctx) -> int:
    from mpp_desk.catalog.evaluations import parse_day, record_evaluation
    from mpp_desk.textformat import format_date

    day = parse_day(args.date)
    with ctx.app.uow(actor=TERMINAL) as uow:
        view = record_evaluation(uow, annex_number=args.annex, evaluated_on=day, evaluator=args.by,
                                 notes=args.notes, document=args.document, data_dir=ctx.app.data_dir)
        uow.commit()
    print(translate("catalog", "Evaluation of service {annex} on {day} recorded.").format(
        annex=view.annex_number, day=format_date(view.evaluated_on)))
    return 0


def evaluation_list(args, ctx) -> int:
    from mpp_desk import officetime
    from mpp_desk.catalog.evaluations import list_evaluations
    from mpp_desk.textformat import format_date

    year = args.year or officetime.today().year
    with ctx.app.uow(write=False) as uow:
        views = list_evaluations(uow, year=year)
    if args.json:
        print_json([view.to_dict() for view in views])
        return 0
    if not views:
        print(translate("catalog", "No evaluation recorded in {year}.").format(year=year))
    for view in views:
        print(translate("catalog", "{day} · {annex} KBLI {kbli} {title} · by {who}").format(
            day=format_date(view.evaluated_on, weekday=False), annex=view.annex_number, kbli=view.kbli,
            title=view.title, who=view.evaluator))
        if view.notes:
            print(f"  {view.notes}")
        if view.document_path:
            print("  " + translate("catalog", "Document: {name}").format(name=view.document_filename))
    return 0


def evaluation_due(args, ctx) -> int:
    from mpp_desk.catalog.evaluations import due_evaluations
    from mpp_desk.textformat import format_date

    with ctx.app.uow(write=False) as uow:
        due = due_evaluations(uow)
    if args.json:
        print_json([item.to_dict() for item in due])
        return 0
    if not due:
        print(translate("catalog", "Every standard was evaluated in the last 12 months."))
    for item in due:
        last = (format_date(item.last, weekday=False) if item.last else translate("catalog", "never"))
        print(translate("catalog", "{annex} KBLI {kbli} {title}: evaluation due (last: {last})").format(
            annex=item.annex_number, kbli=item.kbli, title=item.title, last=last))
    return 0
