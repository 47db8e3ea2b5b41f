"""``mpp-desk queue ...``: queue set-up, scripting the kiosk and the counters, statistics.

Set-up: ``groups``, ``group add|set``, ``counters``, ``counter add|set``, ``breaks``,
``break add|remove``. Scripting: ``issue A [--priority]``, ``call COUNTER``, and the counter's
actions on a ticket code (``start``, ``finish``, ``absent``, ``recall``, ``hold``, ``resume``,
``transfer``, ``cancel``). Reading: ``waiting``, ``board``, ``stats --date D [--json]``.
Signed references: ``verify TEXT`` and ``public-key``. Set-up acts as the terminal
administrator; the scripting commands act as the system (no signed-in person).
"""

from __future__ import annotations

import datetime as dt
import sys
from mpp_desk.cli import print_json, sayer, usage
from mpp_desk.cli.args import output_file, record_id, whole_number
from mpp_desk.i18n import N_
from mpp_desk.roles import TERMINAL

WEEKDAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")

_say = sayer("queue")

COUNTER = whole_number(1, 999)  # as MAX_COUNTER_NUMBER in mpp_desk.queue.setup
LIMIT = whole_number(1, 9999)  # as MAX_DAILY_LIMIT
POSITION = whole_number(0, 999)  # as MAX_POSITION


def register(sub) -> None:
    p = sub.add_parser("queue", help="antrian: pengaturan, uji kios/loket, statistik")
    p.set_defaults(handler=usage(p))
    cmds = p.add_subparsers(dest="queue_command", metavar="PERINTAH")

    groups = cmds.add_parser("groups", help="daftar kelompok antrian")
    groups.add_argument("--json", action="store_true", help="keluaran JSON")
    groups.set_defaults(handler=cmd_groups)

    group = cmds.add_parser("group", help="tambah atau ubah kelompok antrian")
    group.set_defaults(handler=usage(group))
    gcmds = group.add_subparsers(dest="group_command", metavar="PERINTAH")
    gadd = gcmds.add_parser("add", help="tambah kelompok: KODE NAMA")
    gadd.add_argument("code", metavar="KODE", help="huruf awalan nomor, mis. A")
    gadd.add_argument("name", metavar="NAMA")
    gadd.add_argument("--open", metavar="JJ:MM", help="jam buka (bawaan 08:00)")
    gadd.add_argument("--close", metavar="JJ:MM", help="jam tutup (bawaan 15:00)")
    gadd.add_argument("--limit", type=LIMIT, metavar="N", help="kuota nomor per hari")
    gadd.add_argument("--position", type=POSITION, metavar="N", help="urutan di kios")
    gadd.set_defaults(handler=cmd_group_add)
    gset = gcmds.add_parser("set", help="ubah kelompok: KODE [pilihan]")
    gset.add_argument("code", metavar="KODE")
    gset.add_argument("--name", metavar="NAMA")
    gset.add_argument("--open", metavar="JJ:MM")
    gset.add_argument("--close", metavar="JJ:MM")
    limit = gset.add_mutually_exclusive_group()
    limit.add_argument("--limit", type=LIMIT, metavar="N", help="kuota nomor per hari")
    limit.add_argument("--no-limit", action="store_true", help="hapus kuota harian")
    state = gset.add_mutually_exclusive_group()
    state.add_argument("--active", dest="active", action="store_true", default=None, help="buka kelompok")
    state.add_argument("--inactive", dest="active", action="store_false", help="tutup kelompok")
    gset.add_argument("--position", type=POSITION, metavar="N")
    gset.set_defaults(handler=cmd_group_set)

    counters = cmds.add_parser("counters", help="daftar loket")
    counters.add_argument("--json", action="store_true", help="keluaran JSON")
    counters.set_defaults(handler=cmd_counters)

    counter = cmds.add_parser("counter", help="tambah atau ubah loket")
    counter.set_defaults(handler=usage(counter))
    ccmds = counter.add_subparsers(dest="counter_command", metavar="PERINTAH")
    cadd = ccmds.add_parser("add", help="tambah loket: NOMOR NAMA --groups A,B")
    cadd.add_argument("number", type=COUNTER, metavar="NOMOR")
    cadd.add_argument("name", metavar="NAMA")
    cadd.add_argument("--groups", required=True, metavar="A,B", help="kelompok yang dilayani")
    cadd.set_defaults(handler=cmd_counter_add)
    cset = ccmds.add_parser("set", help="ubah loket: NOMOR [pilihan]")
    cset.add_argument("number", type=COUNTER, metavar="NOMOR")
    cset.add_argument("--name", metavar="NAMA")
    cset.add_argument("--groups", metavar="A,B")
    cstate = cset.add_mutually_exclusive_group()
    cstate.add_argument("--active", dest="active", action="store_true", default=None)
    cstate.add_argument("--inactive", dest="active", action="store_false")
    cset.set_defaults(handler=cmd_counter_set)

    breaks = cmds.add_parser("breaks", help="jadwal jeda pengambilan nomor (mis. salat Jumat)")
    breaks.add_argument("--json", action="store_true", help="keluaran JSON")
    breaks.set_defaults(handler=cmd_breaks)
    brk = cmds.add_parser("break", help="tambah atau hapus jeda mingguan")
    brk.set_defaults(handler=usage(brk))
    bcmds = brk.add_subparsers(dest="break_command", metavar="PERINTAH")
    badd = bcmds.add_parser("add", help="tambah jeda: HARI MULAI SELESAI NAMA (hari 0=Senin ... 4=Jumat)")
    badd.add_argument("weekday", type=whole_number(0, 6), metavar="HARI")
    badd.add_argument("start", metavar="MULAI")
    badd.add_argument("end", metavar="SELESAI")
    badd.add_argument("name", metavar="NAMA")
    badd.set_defaults(handler=cmd_break_add)
    bremove = bcmds.add_parser("remove", help="hapus jeda: ID (lihat 'queue breaks --json')")
    bremove.add_argument("break_id", type=record_id, metavar="ID")
    bremove.set_defaults(handler=cmd_break_remove)

    issue = cmds.add_parser("issue", help="ambil nomor antrian (seperti kios)")
    issue.add_argument("group", metavar="KELOMPOK")
    issue.add_argument(
        "--priority",
        nargs="?",
        const="",
        metavar="ALASAN",
        help="antrian prioritas; alasan: elderly, disability, pregnant, nursing",
    )
    issue.add_argument("--service", type=record_id, metavar="ID", help="id layanan katalog")
    issue.add_argument("--pdf", type=output_file, metavar="BERKAS", help="simpan tiket sebagai PDF")
    issue.add_argument("--width", type=int, choices=(80, 58), default=80, help="lebar kertas PDF (mm)")
    issue.add_argument("--at", metavar="WAKTU", help="waktu ISO 8601 dengan zona (untuk uji dan skrip)")
    issue.add_argument("--json", action="store_true", help="keluaran JSON")
    issue.set_defaults(handler=cmd_issue)

    call = cmds.add_parser("call", help="panggil nomor berikutnya untuk loket")
    call.add_argument("counter", type=COUNTER, metavar="LOKET")
    call.add_argument("--at", metavar="WAKTU", help="waktu ISO 8601 dengan zona (untuk uji dan skrip)")
    call.add_argument("--json", action="store_true", help="keluaran JSON")
    call.set_defaults(handler=cmd_call)

    for name, help_text in (
        ("start", "mulai melayani tiket yang dipanggil"),
        ("finish", "selesai melayani"),
        ("absent", "tandai tidak hadir"),
        ("recall", "panggil ulang"),
        ("hold", "tunda tiket"),
        ("resume", "lanjutkan tiket yang ditunda"),
        ("transfer", "alihkan ke kelompok atau loket lain"),
    ):
        action = cmds.add_parser(name, help=help_text)
        action.add_argument("code", metavar="TIKET", help="kode tiket hari ini, mis. A001")
        action.add_argument("--counter", type=COUNTER, required=True, metavar="LOKET")
        if name == "finish":
            action.add_argument(
                "--outcome",
                default="completed",
                choices=("completed", "incomplete", "information", "referred", "other"),
                help="hasil layanan",
            )
        if name == "transfer":
            action.add_argument("--to-group", metavar="KELOMPOK")
            action.add_argument("--to-counter", type=COUNTER, metavar="LOKET")
        action.add_argument("--json", action="store_true", help="keluaran JSON")
        action.set_defaults(handler=cmd_action, action=name)
    cancel = cmds.add_parser("cancel", help="batalkan tiket yang menunggu atau ditunda")
    cancel.add_argument("code", metavar="TIKET")
    cancel.add_argument("--json", action="store_true", help="keluaran JSON")
    cancel.set_defaults(handler=cmd_cancel)

    waiting = cmds.add_parser("waiting", help="daftar tunggu per kelompok")
    waiting.add_argument("group", nargs="?", metavar="KELOMPOK", help="hanya kelompok ini")
    waiting.add_argument("--json", action="store_true", help="keluaran JSON")
    waiting.set_defaults(handler=cmd_waiting)

    board = cmds.add_parser("board", help="isi papan antrian saat ini")
    board.add_argument("--json", action="store_true", help="keluaran JSON")
    board.set_defaults(handler=cmd_board)

    stats = cmds.add_parser("stats", help="statistik harian per kelompok dan loket")
    stats.add_argument("--date", metavar="YYYY-MM-DD", help="tanggal layanan (bawaan: hari ini)")
    stats.add_argument("--json", action="store_true", help="keluaran JSON")
    stats.set_defaults(handler=cmd_stats)

    verify = cmds.add_parser("verify", help="periksa QR tiket (teks atau alamat)")
    verify.add_argument("text", metavar="TEKS")
    verify.add_argument("--json", action="store_true", help="keluaran JSON")
    verify.set_defaults(handler=cmd_verify)

    pubkey = cmds.add_parser("public-key", help="kunci publik penandatangan QR (untuk server pusat)")
    pubkey.set_defaults(handler=cmd_public_key)


def _queue(ctx, actor=None):
    from mpp_desk.queue import make_queue_backend

    return make_queue_backend(ctx.app, actor=actor)


def _hhmm(value: dt.time) -> str:
    return "24:00" if value == dt.time.max else value.strftime("%H:%M")


def _time(text: str | None, field: str) -> dt.time | None:
    from mpp_desk.queue.setup import parse_time

    return parse_time(text, field=field) if text else None


def _moment(text: str | None) -> dt.datetime | None:
    """--at: an ISO 8601 time with its zone (a time without one is taken as office time)."""
    if not text:
        return None
    from mpp_desk.officetime import office_tz
    from mpp_desk.queue.errors import QueueSetupError

    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        raise QueueSetupError(
            N_("errors", "Write the time as YYYY-MM-DDTHH:MM, for example 2026-11-24T09:15."), field="at"
        ) from None
    if not 2000 <= moment.year <= 2100:
        raise QueueSetupError(
            N_("errors", "Write the time as YYYY-MM-DDTHH:MM, for example 2026-11-24T09:15."), field="at"
        )
    return moment if moment.tzinfo else moment.replace(tzinfo=office_tz())


def _ticket_json(t) -> dict:
    return {
        "id": str(t.id),
        "code": t.code,
        "group": t.group_code,
        "route_group": t.route_group_code,
        "service_date": t.service_date.isoformat(),
        "status": t.status,
        "priority": t.priority,
        "priority_reason": t.priority_reason,
        "issued_at": t.issued_at.isoformat(),
        "called_at": t.called_at.isoformat() if t.called_at else None,
        "counter": t.counter_number,
        "target_counter": t.target_counter_number,
        "outcome": t.outcome,
        "printed": t.printed,
        "recall_count": t.recall_count,
        "transfer_count": t.transfer_count,
    }


def _status(status: str) -> str:
    from mpp_desk.queue.labels import STATUS_LABELS, label

    return label(STATUS_LABELS, status)


# --- set-up ---------------------------------------------------------------------------------


def cmd_groups(args, ctx) -> int:
    from mpp_desk.queue import list_groups

    with ctx.app.uow(write=False) as uow:
        groups = list_groups(uow)
    if args.json:
        print_json(
            [
                {
                    "code": g.code,
                    "name": g.name,
                    "open": _hhmm(g.open_time),
                    "close": _hhmm(g.close_time),
                    "daily_limit": g.daily_limit,
                    "active": g.active,
                    "position": g.position,
                    "counters": list(g.counter_numbers),
                    "services": [{"id": str(s.id), "kbli": s.kbli, "title": s.title} for s in g.services],
                }
                for g in groups
            ]
        )
        return 0
    if not groups:
        print(_say(N_("queue", "No queue groups yet.")))
    for g in groups:
        limit = _say(N_("queue", "limit {limit}/day"), limit=g.daily_limit) if g.daily_limit else _say(N_("queue", "no limit"))
        closed = "" if g.active else "  [" + _say(N_("queue", "closed")) + "]"
        counters = ", ".join(str(n) for n in g.counter_numbers) or "-"
        print(f"{g.code:<3} {g.name}  {_hhmm(g.open_time)}-{_hhmm(g.close_time)}  {limit}{closed}")
        print("    " + _say(N_("queue", "counters: {counters}; services: {count}"), counters=counters, count=len(g.services)))
    return 0


def cmd_group_add(args, ctx) -> int:
    from mpp_desk.queue import create_group

    open_time, close_time = _time(args.open, "open"), _time(args.close, "close")
    with ctx.app.uow(actor=TERMINAL) as uow:
        g = create_group(
            uow,
            code=args.code,
            name=args.name,
            open_time=open_time,
            close_time=close_time,
            daily_limit=args.limit,
            position=args.position,
        )
        uow.commit()
    print(_say(N_("queue", "Queue group {code} ({name}) created."), code=g.code, name=g.name))
    return 0


def cmd_group_set(args, ctx) -> int:
    from mpp_desk.queue import update_group

    changes: dict = {}
    if args.no_limit:
        changes["daily_limit"] = None
    elif args.limit is not None:
        changes["daily_limit"] = args.limit
    open_time, close_time = _time(args.open, "open"), _time(args.close, "close")
    with ctx.app.uow(actor=TERMINAL) as uow:
        g = update_group(
            uow,
            code=args.code,
            name=args.name,
            open_time=open_time,
            close_time=close_time,
            active=args.active,
            position=args.position,
            **changes,
        )
        uow.commit()
    print(_say(N_("queue", "Queue group {code} ({name}) saved."), code=g.code, name=g.name))
    return 0


def cmd_counters(args, ctx) -> int:
    from mpp_desk.queue import list_counters

    with ctx.app.uow(write=False) as uow:
        counters = list_counters(uow)
    if args.json:
        print_json(
            [
                {"number": c.number, "name": c.name, "active": c.active, "groups": list(c.group_codes)}
                for c in counters
            ]
        )
        return 0
    if not counters:
        print(_say(N_("queue", "No counters yet.")))
    for c in counters:
        closed = "" if c.active else "  [" + _say(N_("queue", "closed")) + "]"
        print(f"{c.number:>3}  {c.name}  ({', '.join(c.group_codes)}){closed}")
    return 0


def cmd_counter_add(args, ctx) -> int:
    from mpp_desk.queue import create_counter
    from mpp_desk.queue.setup import parse_group_codes

    with ctx.app.uow(actor=TERMINAL) as uow:
        c = create_counter(uow, number=args.number, name=args.name, group_codes=parse_group_codes(args.groups))
        uow.commit()
    print(_say(N_("queue", "Counter {number} ({name}) created, serving {groups}."), number=c.number, name=c.name,
               groups=", ".join(c.group_codes)))
    return 0


def cmd_counter_set(args, ctx) -> int:
    from mpp_desk.queue import update_counter
    from mpp_desk.queue.setup import parse_group_codes

    groups = parse_group_codes(args.groups) if args.groups is not None else None
    with ctx.app.uow(actor=TERMINAL) as uow:
        c = update_counter(uow, number=args.number, name=args.name, group_codes=groups, active=args.active)
        uow.commit()
    print(_say(N_("queue", "Counter {number} ({name}) saved, serving {groups}."), number=c.number, name=c.name,
               groups=", ".join(c.group_codes)))
    return 0


def cmd_breaks(args, ctx) -> int:
    from mpp_desk.queue import list_breaks

    with ctx.app.uow(write=False) as uow:
        breaks = list_breaks(uow)
    if args.json:
        print_json(
            [
                {
                    "id": str(b.id) if b.id else None,
                    "weekday": b.weekday,
                    "start": _hhmm(b.start_time),
                    "end": _hhmm(b.end_time),
                    "name": b.name,
                }
                for b in breaks
            ]
        )
        return 0
    if not breaks:
        print(_say(N_("queue", "No breaks: tickets are issued throughout opening hours.")))
    for b in breaks:
        print(f"{WEEKDAYS[b.weekday]:<7} {_hhmm(b.start_time)}-{_hhmm(b.end_time)}  {b.name}  {b.id or ''}")
    return 0


def cmd_break_add(args, ctx) -> int:
    from mpp_desk.queue import set_break
    from mpp_desk.queue.setup import parse_time

    # both are required: an empty one is refused like a malformed one
    start, end = parse_time(args.start, field="start"), parse_time(args.end, field="end")
    with ctx.app.uow(actor=TERMINAL) as uow:
        b = set_break(uow, weekday=args.weekday, start=start, end=end, name=args.name)
        uow.commit()
    print(_say(N_("queue", "Break added: {day} {start}-{end} {name}."), day=WEEKDAYS[b.weekday],
               start=_hhmm(b.start_time), end=_hhmm(b.end_time), name=b.name))
    return 0


def cmd_break_remove(args, ctx) -> int:
    from mpp_desk.queue import remove_break

    with ctx.app.uow(actor=TERMINAL) as uow:
        remove_break(uow, break_id=args.break_id)
        uow.commit()
    print(_say(N_("queue", "Break removed.")))
    return 0


# --- kiosk and counters ---------------------------------------------------------------------


def cmd_issue(args, ctx) -> int:
    reason = args.priority or None
    service_id = args.service  # a UUID, checked by the parser; the --pdf path too (before anything is issued)
    queue = _queue(ctx)
    issued = queue.issue(
        group_code=args.group,
        service_id=service_id,
        priority=args.priority is not None,
        priority_reason=reason,
        now=_moment(args.at),
    )
    if args.pdf:
        from mpp_desk.printing.pdf import render_ticket_pdf

        try:
            args.pdf.write_bytes(render_ticket_pdf(queue.slip(issued), width_mm=args.width))
        except OSError as exc:  # checked before issuing; this is the disk failing in between
            print(_say(N_("queue", "Ticket {code} was issued, but its PDF could not be written to {path}: {reason}"),
                       code=issued.ticket.code, path=str(args.pdf), reason=exc.strerror or str(exc)), file=sys.stderr)
            print(issued.ticket.code)
            return 1
    t = issued.ticket
    if issued.clock_warning is not None:
        print(f"mpp-desk: {issued.clock_warning.text()}", file=sys.stderr)
    if args.json:
        print_json({**_ticket_json(t), "ahead": issued.ahead, "estimated_wait_minutes": issued.estimated_wait_minutes})
        return 0
    print(
        _say(
            N_("queue", "Ticket {code} issued; {ahead} ahead, estimated wait {minutes} min."),
            code=t.code,
            ahead=issued.ahead,
            minutes=issued.estimated_wait_minutes,
        )
    )
    print(t.code)
    return 0


def cmd_call(args, ctx) -> int:
    from mpp_desk.announce import announcement_text

    ticket = _queue(ctx).call_next(counter_number=args.counter, now=_moment(args.at))
    if args.json:
        print_json(_ticket_json(ticket) if ticket else None)
        return 0 if ticket else 1
    if ticket is None:
        print(_say(N_("queue", "Nobody is waiting for counter {number}."), number=args.counter))
        return 1
    print(announcement_text(ticket.code, args.counter))
    print(ticket.code)
    return 0


def cmd_action(args, ctx) -> int:
    queue = _queue(ctx)
    ticket = queue.find_ticket(code=args.code)
    common = {"ticket_id": ticket.id, "counter_number": args.counter}
    if args.action == "start":
        result = queue.start_service(**common)
    elif args.action == "finish":
        result = queue.finish(**common, outcome=args.outcome)
    elif args.action == "absent":
        result = queue.mark_no_show(**common)
    elif args.action == "recall":
        result = queue.recall(**common)
    elif args.action == "hold":
        result = queue.hold(**common)
    elif args.action == "resume":
        result = queue.resume(**common)
    else:
        result = queue.transfer(**common, to_group_code=args.to_group, to_counter_number=args.to_counter)
    return _print_ticket(result, args)


def cmd_cancel(args, ctx) -> int:
    queue = _queue(ctx)
    ticket = queue.find_ticket(code=args.code)
    return _print_ticket(queue.cancel(ticket_id=ticket.id), args)


def _print_ticket(ticket, args) -> int:
    if args.json:
        print_json(_ticket_json(ticket))
    else:
        print(f"{ticket.code}  {_status(ticket.status)}")
    return 0


# --- reading --------------------------------------------------------------------------------


def cmd_waiting(args, ctx) -> int:
    queue = _queue(ctx)
    codes = [args.group.upper()] if args.group else list(queue.waiting_counts())
    lists = {code: queue.waiting_list(group_code=code) for code in codes}
    if args.json:
        print_json({code: [_ticket_json(t) for t in tickets] for code, tickets in lists.items()})
        return 0
    for code, tickets in lists.items():
        print(_say(N_("queue", "Queue {code}: {count} waiting"), code=code, count=len(tickets)))
        for t in tickets:
            mark = " *" if t.priority else ""
            print(f"    {t.code}{mark}")
    return 0


def cmd_board(args, ctx) -> int:
    board = _queue(ctx).board_state()
    if args.json:
        print_json(
            {
                "service_date": board.service_date.isoformat(),
                "now_serving": [
                    {"counter": c.counter_number, "name": c.counter_name, "ticket": c.ticket_code, "status": c.status}
                    for c in board.now_serving
                ],
                "last_calls": [
                    {"seq": e.seq, "ticket": e.ticket_code, "counter": e.counter_number, "at": e.at.isoformat()}
                    for e in board.last_calls
                ],
                "waiting": board.waiting,
                "last_seq": board.last_seq,
            }
        )
        return 0
    for c in board.now_serving:
        print(f"{c.ticket_code:<6} -> {c.counter_name} ({_status(c.status)})")
    print(", ".join(f"{code}: {n}" for code, n in board.waiting.items()))
    return 0


def cmd_stats(args, ctx) -> int:
    from mpp_desk.workdays import parse_date

    day = parse_date(args.date, field="date") if args.date else ctx.app.clock.today()
    stats = _queue(ctx, actor=TERMINAL).daily_stats(date=day)  # a report: as the administrator
    if args.json:
        print_json(stats.to_dict())
        return 0
    print(_say(N_("queue", "Queue statistics for {day}"), day=day.isoformat()))
    columns = [
        _say(N_("queue", "issued")),
        _say(N_("queue", "served")),
        _say(N_("queue", "no-shows")),
        _say(N_("queue", "wait min avg/p90")),
        _say(N_("queue", "service min avg/p90")),
    ]
    widths = [max(6, len(c)) for c in columns]
    for title, lines in ((N_("queue", "Groups"), stats.groups), (N_("queue", "Counters"), stats.counters)):
        print()
        print(_say(title))
        print("  " + " " * 8 + "  ".join(c.rjust(w) for c, w in zip(columns, widths)))
        for line in lines:
            print("  " + _stats_row(line, widths))
    print()
    print("  " + _stats_row(stats.total, widths))
    per_hour = ", ".join(f"{h:02d}: {n}" for h, n in sorted(stats.total.per_hour.items()))
    print(_say(N_("queue", "Tickets issued per hour: {hours}"), hours=per_hour or "-"))
    return 0


def _stats_row(line, widths: list[int]) -> str:
    def pair(summary) -> str:
        def minutes(value):
            return "-" if value is None else f"{value / 60:.1f}"

        return f"{minutes(summary.average_seconds)}/{minutes(summary.p90_seconds)}"

    cells = [
        "-" if line.issued is None else str(line.issued),
        str(line.served),
        str(line.no_shows),
        pair(line.waiting),
        pair(line.service),
    ]
    return f"{line.key:<8}" + "  ".join(c.rjust(w) for c, w in zip(cells, widths)) + f"  {line.name}"


def cmd_verify(args, ctx) -> int:
    from mpp_desk.queue.backend import verify_ticket

    with ctx.app.uow(write=False) as uow:
        result = verify_ticket(uow, args.text, data_dir=ctx.app.data_dir)
    if args.json:
        print_json(
            {"valid": result.valid, "kind": result.kind, "id": result.id, "fields": result.fields, "reason": result.reason,
             "message": result.text()}
        )
    else:
        print(result.text())
        if result.fields:
            print(", ".join(f"{k}={v}" for k, v in sorted(result.fields.items())))
    return 0 if result.valid else 1


def cmd_public_key(args, ctx) -> int:
    from mpp_desk.signing import installation_signer

    with ctx.app.uow(write=False) as uow:
        signer = installation_signer(uow, ctx.app.data_dir)
    sys.stdout.write(signer.public_key_pem())
    print(f"# key id: {signer.key_id}")
    return 0
