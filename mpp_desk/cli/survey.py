"""``mpp-desk survey import|ikm`` and ``mpp-desk report skm|service``: the satisfaction survey and the
quarterly evaluation from the terminal (acting as the terminal administrator)."""

from __future__ import annotations

import sys

from mpp_desk.cli import print_json, sayer, usage
from mpp_desk.cli.args import output_file, whole_number
from mpp_desk.i18n import N_
from mpp_desk.roles import TERMINAL

_say = sayer("survey")


def register(sub) -> None:
    p = sub.add_parser("survey", help="survei kepuasan masyarakat (SKM): impor, indeks (IKM)")
    p.set_defaults(handler=usage(p))
    cmds = p.add_subparsers(dest="survey_command", metavar="PERINTAH")
    imp = cmds.add_parser("import", help="impor jawaban dari CSV (semua baris atau tidak sama sekali)")
    imp.add_argument("file", metavar="BERKAS.csv")
    imp.add_argument("--json", action="store_true", help="keluaran JSON")
    imp.set_defaults(handler=cmd_import)
    ikm = cmds.add_parser("ikm", help="indeks kepuasan masyarakat satu periode")
    _period(ikm)
    ikm.add_argument("--kbli", metavar="KBLI", help="hanya satu layanan (5 angka)")
    ikm.add_argument("--population", type=whole_number(1, 100_000_000), metavar="N",
                     help="jumlah populasi penerima layanan: sampel minimum Krejcie–Morgan")
    ikm.add_argument("--json", action="store_true", help="keluaran JSON")
    ikm.set_defaults(handler=cmd_ikm)

    r = sub.add_parser("report", help="laporan evaluasi: skm (survei kepuasan) atau service (pelayanan)")
    r.set_defaults(handler=usage(r))
    rcmds = r.add_subparsers(dest="report_command", metavar="PERINTAH")
    for name, text in (("skm", "laporan SKM satu periode (seluruh MPP dan per layanan)"),
                       ("service", "laporan pelayanan: antrian, penerimaan berkas, pengaduan")):
        rp = rcmds.add_parser(name, help=text)
        _period(rp)
        rp.add_argument("--pdf", type=output_file, metavar="BERKAS.pdf", help="tulis PDF")
        rp.add_argument("--xlsx", type=output_file, metavar="BERKAS.xlsx", help="tulis XLSX")
        rp.add_argument("--json", action="store_true", help="keluaran JSON (angka ringkas)")
        rp.set_defaults(handler=cmd_report, report=name)


def _period(p) -> None:
    p.add_argument("--from", dest="start", required=True, metavar="YYYY-MM-DD", help="sejak tanggal")
    p.add_argument("--to", dest="end", required=True, metavar="YYYY-MM-DD", help="sampai dengan tanggal")


def _dates(args):
    from mpp_desk.survey.service import check_period
    from mpp_desk.workdays import parse_date

    start, end = parse_date(args.start, field="from"), parse_date(args.end, field="to")
    check_period(start, end)
    return start, end


def cmd_import(args, ctx) -> int:
    from mpp_desk.survey.importer import ImportRefused, import_csv, read_file

    data = read_file(args.file)
    try:
        with ctx.app.uow(actor=TERMINAL) as uow:
            result = import_csv(uow, data=data)
            uow.commit()
    except ImportRefused as refused:
        if args.json:
            print_json({"imported": 0, "errors": [{"line": p.line, "reason": p.text()} for p in refused.problems]})
        print(f"mpp-desk: {refused.text()}", file=sys.stderr)
        return 2
    if args.json:
        print_json({"imported": result.imported, "sha256": result.file_sha256})
    else:
        print(_say(N_("survey", "{count} response(s) imported."), count=result.imported))
    return 0


def _kbli(text: str | None) -> str | None:
    from mpp_desk.errors import ValidationError

    if text is None:
        return None
    value = text.strip()
    if not (len(value) == 5 and value.isdigit()):
        raise ValidationError(N_("errors", "KBLI {value} is not 5 digits."), field="kbli", value=value[:20])
    return value


def cmd_ikm(args, ctx) -> int:
    from mpp_desk.survey import elements
    from mpp_desk.survey.index import as_json, minimum_sample
    from mpp_desk.survey.service import period_index

    start, end = _dates(args)
    kbli = _kbli(args.kbli)
    with ctx.app.uow(write=False, actor=TERMINAL) as uow:
        result = period_index(uow, date_from=start, date_to=end, kbli=kbli)
    data = as_json(result, population=args.population)
    if args.json:
        print_json({"from": start.isoformat(), "to": end.isoformat(), "kbli": kbli, **data})
        return 0
    print(_say(N_("survey", "Respondents: {count}"), count=result.respondents))
    for element in elements.ELEMENTS:
        value = data["nrr"][element.code]
        shown = "-" if value is None else f"{value:.4f}".replace(".", ",")
        print(f"  {element.code.upper():<3} {element.label():<50} {shown}")
    if result.ikm is None:
        print(_say(N_("survey", "No index: an element has no answers in this period.")))
    else:
        print(_say(N_("survey", "IKM {ikm} (weight exactly 1/9) · index {index} · grade {grade} ({quality})"),
                   ikm=f"{data['ikm']:.4f}".replace(".", ","), index=f"{data['index']:.2f}".replace(".", ","),
                   grade=result.grade, quality=result.quality("id")))
    if args.population is not None:
        needed = minimum_sample(args.population)
        key = (N_("survey", "Minimum sample {needed} of {population}: reached.") if result.respondents >= needed
               else N_("survey", "Minimum sample {needed} of {population}: not reached."))
        print(_say(key, needed=needed, population=args.population))
    return 0


def cmd_report(args, ctx) -> int:
    from mpp_desk.errors import ValidationError

    start, end = _dates(args)
    if args.pdf is None and args.xlsx is None and not args.json:
        raise ValidationError(N_("errors", "Give --pdf FILE, --xlsx FILE or --json."), field="pdf")
    from mpp_desk.survey import report_module

    module = report_module(args.report)
    with ctx.app.uow(write=False, actor=TERMINAL) as uow:
        data = module.collect(uow, date_from=start, date_to=end)
    outputs = []
    if args.pdf is not None:
        args.pdf.write_bytes(module.render_pdf(data))
        outputs.append(str(args.pdf))
    if args.xlsx is not None:
        args.xlsx.write_bytes(module.render_xlsx(data))
        outputs.append(str(args.xlsx))
    if args.json:
        print_json({"from": start.isoformat(), "to": end.isoformat(), "files": outputs, **module.summary(data)})
    else:
        for path in outputs:
            print(_say(N_("survey", "Written: {path}"), path=path))
    return 0
