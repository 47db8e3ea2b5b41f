"""``mpp-desk calendar ...``: due dates in working days, the list of non-working days, local changes.

Commands that compute (``due``, ``between``) print a human line first and the bare value on the
last line, so scripts can take ``tail -n 1``. Input is checked before the database is opened.
"""

from __future__ import annotations

from mpp_desk.cli import print_json, sayer, usage
from mpp_desk.i18n import N_, translate
from mpp_desk.roles import TERMINAL
from mpp_desk.textformat import day_name, format_date
from mpp_desk.workdays import (
    close_day,
    list_overrides,
    load_calendar,
    open_day,
    parse_date,
    parse_working_days,
    parse_year,
    year_confirmed,
)

_say = sayer("workdays")


def register(sub) -> None:
    p = sub.add_parser("calendar", help="kalender hari kerja")
    p.set_defaults(handler=usage(p))
    cmds = p.add_subparsers(dest="calendar_command", metavar="PERINTAH")

    due = cmds.add_parser(
        "due", help="tanggal jatuh tempo: N hari kerja sejak berkas diterima (hari diterima = hari ke-0)"
    )
    due.add_argument("--from", dest="start", required=True, metavar="YYYY-MM-DD", help="tanggal berkas diterima")
    due.add_argument("--days", required=True, metavar="N", help="jumlah hari kerja (0 atau lebih)")
    due.set_defaults(handler=cmd_due)

    between = cmds.add_parser(
        "between", help="jumlah hari kerja setelah DARI sampai dengan SAMPAI (negatif bila SAMPAI lebih awal)"
    )
    between.add_argument("start", metavar="DARI", help="YYYY-MM-DD")
    between.add_argument("end", metavar="SAMPAI", help="YYYY-MM-DD")
    between.set_defaults(handler=cmd_between)

    listing = cmds.add_parser("list", help="daftar hari libur nasional, cuti bersama dan penutupan lokal setahun")
    listing.add_argument("--year", metavar="YYYY", help="tahun (bawaan: tahun ini)")
    listing.add_argument("--json", action="store_true", help="keluaran JSON")
    listing.set_defaults(handler=cmd_list)

    overrides = cmds.add_parser("overrides", help="daftar perubahan lokal (penutupan dan pembukaan kantor)")
    overrides.add_argument("--year", metavar="YYYY", help="hanya tahun ini")
    overrides.add_argument("--json", action="store_true", help="keluaran JSON")
    overrides.set_defaults(handler=cmd_overrides)

    close = cmds.add_parser("close", help="tutup kantor pada hari kerja (atau batalkan pembukaan lokal)")
    close.add_argument("day", metavar="TANGGAL", help="YYYY-MM-DD")
    close.add_argument("--reason", required=True, metavar="TEKS", help="alasan (wajib)")
    close.set_defaults(handler=cmd_close)

    reopen = cmds.add_parser("open", help="jadikan hari kerja (batalkan penutupan lokal atau buka hari libur)")
    reopen.add_argument("day", metavar="TANGGAL", help="YYYY-MM-DD")
    reopen.add_argument("--reason", required=True, metavar="TEKS", help="alasan (wajib)")
    reopen.set_defaults(handler=cmd_open)

    confirm = cmds.add_parser("confirm", help="tahun yang cuti bersamanya sudah ditetapkan dan dimasukkan "
                                              "(tanggal jatuh tempo sampai tahun itu bukan perkiraan lagi)")
    confirm.add_argument("year", metavar="TAHUN")
    confirm.set_defaults(handler=cmd_confirm)


def cmd_due(args, ctx) -> int:
    start = parse_date(args.start, field="from")
    days = parse_working_days(args.days)
    with ctx.app.uow(write=False) as uow:
        calendar = load_calendar(uow)
        due = calendar.add_working_days(start, days)
        confirmed = year_confirmed(uow, due.year)
    print(
        _say(
            N_("workdays", "Due date: {due} ({days} working days after {start})"),
            due=format_date(due),
            days=days,
            start=format_date(start),
        )
    )
    if not confirmed:
        print(_say(N_("workdays", "Estimate: the cuti bersama of {year} are not decreed yet, so the date may move "
                                  "until the administrator confirms the year's calendar."), year=due.year))
    print(due.isoformat())
    return 0


def cmd_between(args, ctx) -> int:
    start = parse_date(args.start, field="start")
    end = parse_date(args.end, field="end")
    with ctx.app.uow(write=False) as uow:
        calendar = load_calendar(uow)
    count = calendar.working_days_between(start, end)
    print(
        _say(
            N_("workdays", "Working days after {start} up to and including {end}: {count}"),
            start=format_date(start),
            end=format_date(end),
            count=count,
        )
    )
    print(count)
    return 0


def cmd_list(args, ctx) -> int:
    year = parse_year(args.year) if args.year else ctx.app.clock.today().year
    with ctx.app.uow(write=False) as uow:
        calendar = load_calendar(uow)
    days = calendar.non_working_days(year)
    if args.json:
        print_json(
            [
                {
                    "date": d.day.isoformat(),
                    "weekday": day_name(d.day),
                    "name": d.name,
                    "kind": d.source.value,
                    "kind_label": translate("workdays", d.source.label),
                }
                for d in days
            ]
        )
        return 0
    print(_say(N_("workdays", "Non-working days in {year} besides ordinary weekends:"), year=year))
    for d in days:
        print(f"{d.day.isoformat()}  {format_date(d.day):<26}  {d.name}  [{translate('workdays', d.source.label)}]")
    opened = sorted(day for day in calendar.opened if day.year == year)
    if opened:
        print(_say(N_("workdays", "Holidays the office works on (opened locally):")))
        for day in opened:
            print(f"{day.isoformat()}  {format_date(day):<26}  {calendar.opened[day]}")
    return 0


def cmd_overrides(args, ctx) -> int:
    year = parse_year(args.year) if args.year else None
    with ctx.app.uow(write=False) as uow:
        rows = [(r.day, r.kind, r.reason) for r in list_overrides(uow, year=year)]
    if args.json:
        print_json([{"date": day.isoformat(), "kind": kind, "reason": reason} for day, kind, reason in rows])
        return 0
    if not rows:
        print(_say(N_("workdays", "No local changes to the calendar.")))
    labels = {"closed": N_("workdays", "closed"), "open": N_("workdays", "open")}
    for day, kind, reason in rows:
        print(f"{day.isoformat()}  {format_date(day):<26}  {translate('workdays', labels.get(kind, kind))}  {reason}")
    return 0


def cmd_close(args, ctx) -> int:
    day = parse_date(args.day)
    with ctx.app.uow(actor=TERMINAL) as uow:
        row = close_day(uow, day=day, reason=args.reason)
        uow.commit()
        undone = row.is_deleted
    if undone:
        print(_say(N_("workdays", "Local opening cancelled: {day} is again a holiday."), day=format_date(day)))
    else:
        print(_say(N_("workdays", "The office is closed on {day}: {reason}"), day=format_date(day), reason=row.reason))
    return 0


def cmd_open(args, ctx) -> int:
    day = parse_date(args.day)
    with ctx.app.uow(actor=TERMINAL) as uow:
        row = open_day(uow, day=day, reason=args.reason)
        uow.commit()
        undone = row.is_deleted
    if undone:
        print(_say(N_("workdays", "Local closure cancelled: {day} is again a working day."), day=format_date(day)))
    else:
        print(_say(N_("workdays", "{day} is now a working day: {reason}"), day=format_date(day), reason=row.reason))
    return 0


def cmd_confirm(args, ctx) -> int:
    from mpp_desk import settings

    year = parse_year(args.year)
    with ctx.app.uow(actor=TERMINAL) as uow:
        settings.set(uow, key="calendar.confirmed_through", value=year)
        uow.commit()
    print(_say(N_("workdays", "The calendar is confirmed up to {year}: due dates up to then are no longer "
                              "estimates."), year=year))
    return 0
