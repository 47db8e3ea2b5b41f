"""``mpp-desk receipt verify`` and ``mpp-desk intake search|due|times``.

``receipt verify TEXT`` checks a scanned or typed receipt code (the verification address or the
token): exit 0 when genuine, 1 otherwise. The ``intake`` commands act as the terminal
administrator, who may read the file list but not personal data: names come out masked and
searching by NIK or name is refused (use the counter's screen).
"""

from __future__ import annotations

import datetime as dt

from mpp_desk.cli import print_json, usage
from mpp_desk.cli.args import whole_number
from mpp_desk.i18n import translate
from mpp_desk.roles import TERMINAL


def register(sub) -> None:
    receipt = sub.add_parser("receipt", help="tanda terima berkas: periksa keaslian")
    receipt.set_defaults(handler=usage(receipt))
    rcmds = receipt.add_subparsers(dest="receipt_command", metavar="PERINTAH")
    verify = rcmds.add_parser("verify", help="periksa kode QR tanda terima (teks atau alamat); keluar 0 bila asli")
    verify.add_argument("text", metavar="TEKS")
    verify.add_argument("--json", action="store_true", help="keluaran JSON")
    verify.set_defaults(handler=cmd_verify)

    intake = sub.add_parser("intake", help="berkas permohonan: cari, jatuh tempo, waktu layanan")
    intake.set_defaults(handler=usage(intake))
    icmds = intake.add_subparsers(dest="intake_command", metavar="PERINTAH")
    search = icmds.add_parser("search", help="cari berkas (nomor registrasi, NIB, KBLI, status, tanggal)")
    search.add_argument("query", nargs="?", metavar="TEKS", help="nomor registrasi, NIB atau KBLI")
    search.add_argument("--number", metavar="NOMOR", help="nomor registrasi (atau awalnya)")
    search.add_argument("--nib", metavar="NIB")
    search.add_argument("--kbli", metavar="KBLI")
    search.add_argument("--status", choices=("received", "in_process", "finished", "rejected", "handed_over",
                                             "incomplete"))
    search.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="diterima sejak")
    search.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="diterima sampai")
    search.add_argument("--incomplete", action="store_true", help="sertakan kunjungan yang berkasnya belum lengkap")
    search.add_argument("--overdue", action="store_true", help="hanya yang melewati batas waktu")
    search.add_argument("--limit", type=whole_number(1, 10_000), default=200, metavar="N")
    search.add_argument("--json", action="store_true", help="keluaran JSON")
    search.set_defaults(handler=cmd_search)

    due = icmds.add_parser("due", help="berkas jatuh tempo hari ini dan yang terlambat")
    due.add_argument("--date", metavar="YYYY-MM-DD", help="tanggal acuan (bawaan: hari ini)")
    due.add_argument("--json", action="store_true", help="keluaran JSON")
    due.set_defaults(handler=cmd_due)

    times = icmds.add_parser("times", help="waktu layanan penerimaan berkas per layanan")
    times.add_argument("--from", dest="date_from", required=True, metavar="YYYY-MM-DD")
    times.add_argument("--to", dest="date_to", required=True, metavar="YYYY-MM-DD")
    times.add_argument("--json", action="store_true", help="keluaran JSON")
    times.set_defaults(handler=cmd_times)


def _date(text: str | None, field: str) -> dt.date | None:
    from mpp_desk.workdays import parse_date

    return parse_date(text, field=field) if text else None


def cmd_verify(args, ctx) -> int:
    from mpp_desk.intake.receipts import verify_receipt

    with ctx.app.uow(write=False, actor=TERMINAL) as uow:
        check = verify_receipt(uow, args.text, data_dir=ctx.app.data_dir)
    if args.json:
        print_json({
            "valid": check.valid,
            "reason": check.reason,
            "kind": check.kind,
            "receipt_id": str(check.receipt_id) if check.receipt_id else None,
            "registration_number": check.registration_number,
            "copy": check.copy_number,
            "fields": check.fields,
            "differing": list(check.differing),
            "known": check.known,
            "message": check.text(),
        })
    else:
        print(check.text())
        if check.registration_number:
            print(check.registration_number)
    return 0 if check.valid else 1


def _row_json(row) -> dict:
    return {
        "registration_number": row.registration_number,
        "status": row.status,
        "service_kbli": row.service_kbli,
        "service_title": row.service_title,
        "applicant": row.applicant_name,
        "nik": row.nik_masked,
        "business_name": row.business_name,
        "nib": row.nib,
        "received_date": row.received_date.isoformat(),
        "due_date": row.due_date.isoformat() if row.due_date else None,
        "overdue_working_days": row.overdue_working_days,
        "due_today": row.due_today,
        "visit_id": str(row.visit_id),
    }


def _print_rows(rows) -> None:
    from mpp_desk.intake.rules import STATUS_LABELS

    for row in rows:
        late = ""
        if row.overdue:
            late = " " + translate("intake", "overdue by {days} working day(s)").format(days=row.overdue_working_days)
        elif row.due_today:
            late = " " + translate("intake", "due today")
        print(f"{row.registration_number or '-':<20} {translate('intake', STATUS_LABELS[row.status]):<22} "
              f"{row.received_date.isoformat()}  {row.due_date.isoformat() if row.due_date else '-':<10}  "
              f"KBLI {row.service_kbli}  {row.applicant_name}{late}")
    print(translate("intake", "{count} file(s)").format(count=len(rows)))


def cmd_search(args, ctx) -> int:
    from mpp_desk.intake.service import SearchCriteria, search

    criteria = SearchCriteria(
        query=args.query,
        registration_number=args.number,
        nib=args.nib,
        kbli=args.kbli,
        status=args.status,
        date_from=_date(args.date_from, "from"),
        date_to=_date(args.date_to, "to"),
        include_incomplete=args.incomplete,
        overdue_only=args.overdue,
    )
    with ctx.app.uow(write=False, actor=TERMINAL) as uow:
        rows = search(uow, criteria=criteria, limit=args.limit)
    if args.json:
        print_json([_row_json(r) for r in rows])
    else:
        _print_rows(rows)
    return 0


def cmd_due(args, ctx) -> int:
    from mpp_desk.intake.service import due_and_overdue

    with ctx.app.uow(write=False, actor=TERMINAL) as uow:
        rows = due_and_overdue(uow, today=_date(args.date, "date"))
    if args.json:
        print_json([_row_json(r) for r in rows])
    else:
        _print_rows(rows)
    return 0


def cmd_times(args, ctx) -> int:
    from mpp_desk.intake.service import service_times
    from mpp_desk.workdays import parse_date

    # --from and --to are required: an empty one is refused like a malformed one
    date_from, date_to = parse_date(args.date_from, field="from"), parse_date(args.date_to, field="to")
    with ctx.app.uow(write=False, actor=TERMINAL) as uow:
        rows = service_times(uow, date_from=date_from, date_to=date_to)
    if args.json:
        print_json([r.__dict__ for r in rows])
    else:
        for r in rows:
            figures = translate("intake", "{visits} visit(s), median {median} min, p90 {p90} min").format(
                visits=r.visits, median=r.median_minutes, p90=r.p90_minutes)
            print(f"{r.annex_number:>4} KBLI {r.kbli}  {figures}  {r.title}")
    return 0
