"""``mpp-desk complaints ...``: overdue cases, the register for a period, channels, the number block.

Acts as the terminal administrator: it may read the figures and export the register, but
(like the administrator's role) sees no personal data, so names and contacts are left out of
the register and masked on screen.
"""

from __future__ import annotations

import datetime as dt
import sys

from mpp_desk.cli import print_json, sayer, usage
from mpp_desk.cli.args import output_file, whole_number
from mpp_desk.i18n import N_
from mpp_desk.officetime import local
from mpp_desk.roles import TERMINAL

_say = sayer("complaints")


def register(sub) -> None:
    p = sub.add_parser("complaints", help="pengaduan: kasus lewat tenggat, register, kanal pengaduan")
    p.set_defaults(handler=usage(p))
    cmds = p.add_subparsers(dest="complaints_command", metavar="PERINTAH")

    overdue = cmds.add_parser("overdue", help="pengaduan terbuka yang belum ditanggapi lewat 14 hari kerja")
    overdue.add_argument("--today", metavar="YYYY-MM-DD", help="tanggal acuan (bawaan: hari ini)")
    overdue.add_argument("--json", action="store_true", help="keluaran JSON")
    overdue.set_defaults(handler=cmd_overdue)

    reg = cmds.add_parser("register", help="register pengaduan satu periode sebagai PDF, XLSX atau CSV")
    reg.add_argument("--from", dest="start", required=True, metavar="YYYY-MM-DD", help="diterima sejak")
    reg.add_argument("--to", dest="end", required=True, metavar="YYYY-MM-DD", help="diterima sampai dengan")
    reg.add_argument("--format", dest="fmt", choices=("pdf", "xlsx", "csv"), required=True)
    reg.add_argument("--out", required=True, type=output_file, metavar="BERKAS", help="berkas keluaran")
    reg.add_argument("--kind", choices=("complaint", "suggestion"), help="hanya pengaduan atau saran")
    reg.add_argument("--status", choices=("open", "closed"), help="hanya yang terbuka atau selesai")
    reg.add_argument("--problem", metavar="JENIS", help="jenis masalah, mis. requirements, fee")
    reg.add_argument("--today", metavar="YYYY-MM-DD", help="tanggal acuan untuk keterlambatan")
    reg.set_defaults(handler=cmd_register)

    figures = cmds.add_parser("figures", help="angka satu periode: diterima, ditanggapi tepat waktu (14 hari kerja)")
    figures.add_argument("--from", dest="start", required=True, metavar="YYYY-MM-DD")
    figures.add_argument("--to", dest="end", required=True, metavar="YYYY-MM-DD")
    figures.add_argument("--today", metavar="YYYY-MM-DD")
    figures.add_argument("--json", action="store_true", help="keluaran JSON")
    figures.set_defaults(handler=cmd_figures)

    show = cmds.add_parser("show", help="satu kasus dan riwayatnya: NOMOR")
    show.add_argument("number", metavar="NOMOR", help="mis. ADU/2026/11/K7Q-0001")
    show.add_argument("--json", action="store_true", help="keluaran JSON")
    show.set_defaults(handler=cmd_show)

    channels = cmds.add_parser("channels", help="daftar kanal pengaduan")
    channels.add_argument("--json", action="store_true", help="keluaran JSON")
    channels.set_defaults(handler=cmd_channels)
    channel = cmds.add_parser("channel", help="ubah kanal pengaduan")
    channel.set_defaults(handler=usage(channel))
    ccmds = channel.add_subparsers(dest="channel_command", metavar="PERINTAH")
    cset = ccmds.add_parser("set", help="tambah atau ubah kanal: KODE NAMA")
    cset.add_argument("code", metavar="KODE")
    cset.add_argument("name", metavar="NAMA")
    cset.add_argument("--contact", default="", metavar="KONTAK", help="nomor, alamat atau akun")
    cset.add_argument("--on-receipt", action="store_true", help="cetak di tanda terima (menanyakan perkembangan)")
    cset.add_argument("--inactive", action="store_true", help="tidak dipakai untuk kasus baru")
    cset.add_argument("--position", type=whole_number(0, 999), metavar="N", help="urutan")
    cset.set_defaults(handler=cmd_channel_set)
    cremove = ccmds.add_parser("remove", help="hapus kanal: KODE")
    cremove.add_argument("code", metavar="KODE")
    cremove.set_defaults(handler=cmd_channel_remove)

    block = cmds.add_parser("block", help="blok nomor pengaduan PC ini (ADU/tahun/bulan/BLOK-urut)")
    block.add_argument("--set", dest="value", metavar="BLOK", help="1-4 huruf kapital atau angka")
    block.set_defaults(handler=cmd_block)

    verify = cmds.add_parser("verify", help="periksa QR tanda terima pengaduan: TEKS atau URL")
    verify.add_argument("text", metavar="TEKS")
    verify.add_argument("--json", action="store_true", help="keluaran JSON")
    verify.set_defaults(handler=cmd_verify)


def _date(text: str | None, field: str) -> dt.date:
    from mpp_desk.workdays import parse_date

    if not text:
        from mpp_desk import officetime

        return officetime.today()
    return parse_date(text, field=field)


def _case_json(summary) -> dict:
    return {
        "case_number": summary.case_number,
        "id": str(summary.id),
        "kind": summary.kind,
        "status": summary.status,
        "channel": summary.channel,
        "received_on": summary.received_on.isoformat(),
        "respond_by": summary.respond_by.isoformat(),
        "responded_on": summary.responded_on.isoformat() if summary.responded_on else None,
        "overdue_working_days": summary.overdue_days,
        "problem_type": summary.problem_type or None,
        "resolution_path": summary.resolution_path or None,
        "assignee": summary.assignee or None,
        "service": summary.service_title or None,
        "lapor_id": summary.lapor_id or None,
    }


def cmd_overdue(args, ctx) -> int:
    from mpp_desk.complaints.oversight import overdue_cases
    from mpp_desk.textformat import format_date

    today = _date(args.today, "today")
    with ctx.app.uow(write=False, actor=TERMINAL) as uow:
        cases = overdue_cases(uow, today=today)
    if args.json:
        print_json({"today": today.isoformat(), "count": len(cases), "cases": [_case_json(c) for c in cases]})
        return 0
    if not cases:
        print(_say(N_("complaints", "No overdue complaints on {date}."), date=format_date(today)))
        return 0
    for case in cases:
        print(f"{case.case_number:<24} {case.respond_by.isoformat()}  "
              + _say(N_("complaints", "Overdue {days} working day(s)"), days=case.overdue_days)
              + (f"  [{case.assignee}]" if case.assignee else ""))
    print(_say(N_("complaints", "{count} overdue case(s)."), count=len(cases)))
    return 0


def cmd_register(args, ctx) -> int:
    from mpp_desk.complaints.register import RegisterFilter, export_register

    start, end = _date(args.start, "from"), _date(args.end, "to")
    today = _date(args.today, "today")
    with ctx.app.uow(actor=TERMINAL) as uow:
        written = export_register(uow, date_from=start, date_to=end, fmt=args.fmt, out=args.out, today=today,
                                  filters=RegisterFilter(kind=args.kind, status=args.status, problem_type=args.problem))
        uow.commit()
    note = "" if written.personal else " " + _say(N_("complaints", "(personal data left out)"))
    print(_say(N_("complaints", "{count} case(s) written to {path}."), count=len(written.rows), path=args.out) + note)
    return 0


def cmd_figures(args, ctx) -> int:
    from mpp_desk.complaints.oversight import period_figures

    start, end = _date(args.start, "from"), _date(args.end, "to")
    today = _date(args.today, "today")
    with ctx.app.uow(write=False, actor=TERMINAL) as uow:
        f = period_figures(uow, date_from=start, date_to=end, today=today)
    data = {
        "from": start.isoformat(), "to": end.isoformat(), "today": today.isoformat(), "received": f.received,
        "complaints": f.complaints, "suggestions": f.suggestions, "answered": f.answered,
        "answered_within": f.answered_within, "overdue_unanswered": f.overdue_unanswered, "pending": f.pending,
        "closed": f.closed, "share_within": round(f.share_within, 4) if f.share_within is not None else None,
        "by_problem": {g.key or "-": g.total for g in f.by_problem},
        "by_path": {g.key or "-": g.total for g in f.by_path},
    }
    if args.json:
        print_json(data)
        return 0
    share = "—" if f.share_within is None else f"{f.share_within * 100:.1f} %"
    print(_say(N_("complaints", "Received {received} ({complaints} complaints, {suggestions} suggestions); "
                                "answered within 14 working days: {share}."),
               received=f.received, complaints=f.complaints, suggestions=f.suggestions, share=share))
    return 0


def cmd_show(args, ctx) -> int:
    from mpp_desk.complaints.service import get_case

    with ctx.app.uow(write=False, actor=TERMINAL) as uow:
        detail = get_case(uow, case_number=args.number)
    data = _case_json(detail.summary)
    data["steps"] = [{"seq": s.seq, "type": s.type, "at": s.at.isoformat(), "by": s.actor, "path": s.path or None,
                      "level": s.level or None} for s in detail.steps]
    if args.json:
        print_json(data)
        return 0
    from mpp_desk.complaints import labels

    print(f"{detail.case_number}  {labels.label(labels.KINDS, detail.summary.kind)}  "
          f"{labels.label(labels.STATUSES, detail.summary.status)}")
    for step in detail.steps:
        print(f"  {step.seq:>3}. {local(step.at):%Y-%m-%d %H:%M}  {labels.label(labels.STEP_TYPES, step.type):<28} {step.actor}")
    return 0


def cmd_channels(args, ctx) -> int:
    from mpp_desk.complaints.channels import list_channels

    with ctx.app.uow(write=False, actor=TERMINAL) as uow:
        channels = list_channels(uow, include_inactive=True)
    if args.json:
        print_json([{"code": c.code, "name": c.name, "contact": c.contact, "on_receipt": c.on_receipt,
                     "active": c.active, "position": c.position} for c in channels])
        return 0
    for c in channels:
        flags = ("*" if c.on_receipt else " ") + (" " if c.active else "x")
        print(f"{flags} {c.code:<12} {c.name:<30} {c.contact}")
    return 0


def cmd_channel_set(args, ctx) -> int:
    from mpp_desk.complaints.channels import save_channel

    with ctx.app.uow(actor=TERMINAL) as uow:
        channel = save_channel(uow, code=args.code, name=args.name, contact=args.contact, on_receipt=args.on_receipt,
                               position=args.position, active=not args.inactive)
        uow.commit()
    print(_say(N_("complaints", "Channel {code} saved."), code=channel.code))
    return 0


def cmd_channel_remove(args, ctx) -> int:
    from mpp_desk.complaints.channels import remove_channel

    with ctx.app.uow(actor=TERMINAL) as uow:
        removed = remove_channel(uow, code=args.code)
        uow.commit()
    if not removed:
        print(_say(N_("complaints", "There is no channel {code}."), code=args.code), file=sys.stderr)
        return 1
    print(_say(N_("complaints", "Channel {code} removed."), code=args.code))
    return 0


def cmd_block(args, ctx) -> int:
    from mpp_desk.complaints.service import number_block, set_number_block

    if args.value is not None:
        with ctx.app.uow(actor=TERMINAL) as uow:
            block = set_number_block(uow, block=args.value)
            uow.commit()
    else:
        with ctx.app.uow(write=False, actor=TERMINAL) as uow:
            block = number_block(uow)
    print(block)
    return 0


def cmd_verify(args, ctx) -> int:
    from mpp_desk.complaints.receipts import verify_receipt

    with ctx.app.uow(write=False, actor=TERMINAL) as uow:
        result = verify_receipt(uow, args.text, data_dir=ctx.app.data_dir)
    if args.json:
        print_json({"valid": result.valid, "kind": result.kind, "id": result.id, "fields": result.fields,
                    "reason": result.reason, "message": result.text()})
    else:
        print(result.text())
        if result.valid:
            print("  " + "  ".join(f"{k}={v}" for k, v in sorted(result.fields.items())))
    return 0 if result.valid else 1
