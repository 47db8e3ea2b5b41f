"""``mpp-central booking ...``: a group's share of its daily limit for booked visits, the day's figures, and
forgetting the names of past bookings (server/bookings.py; issue 17)."""

from __future__ import annotations

import datetime as dt

from mpp_desk import officetime
from mpp_desk.errors import UserError
from mpp_desk.server import bookings
from mpp_desk.server.booking_tables import q_bookings
from mpp_desk.server.cli import Failure, _engine, _print, _settings
from mpp_desk.server.queue_config import load

KEEP_NAMES_DAYS = 30


def register(sub, with_db) -> None:
    p = sub.add_parser("booking", help="booked visits: a group's share of its daily limit, the day's figures")
    bs = p.add_subparsers(dest="booking_command", metavar="COMMAND", required=True)
    s = with_db(bs.add_parser("set", help="set aside a share of a group's daily limit for bookings (0: none)"))
    s.add_argument("group", metavar="GROUP", help="the queue group's letter, e.g. A")
    s.add_argument("--share", type=int, metavar="PERCENT", help="share of the daily limit for bookings (0-100)")
    s.add_argument("--slot", type=int, metavar="MINUTES", help="slot length (default 30)")
    s.add_argument("--grace", type=int, metavar="MINUTES", help="after the slot's end a booking is released (default 15)")
    s.add_argument("--early", type=int, metavar="MINUTES", help="the kiosk redeems this long before the slot (default 30)")
    s.add_argument("--days", type=int, metavar="N", help="working days offered ahead (default 5)")
    s.add_argument("--json", action="store_true")
    s.set_defaults(handler=_set)
    ls = with_db(bs.add_parser("list", help="each group's settings and today's bookings and tickets per channel"))
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(handler=_list)
    pg = with_db(bs.add_parser("purge", help="forget the names of bookings older than N days"))
    pg.add_argument("--older-than-days", type=int, default=KEEP_NAMES_DAYS, metavar="N")
    pg.add_argument("--json", action="store_true")
    pg.set_defaults(handler=_purge)


def _set(args) -> int:
    engine = _engine(_settings(args))
    try:
        with engine.begin() as conn:
            done = bookings.set_settings(conn, load(conn), group_code=args.group, share_percent=args.share,
                                         slot_minutes=args.slot, grace_minutes=args.grace, early_minutes=args.early,
                                         days_ahead=args.days, now=officetime.now())
    except UserError as exc:
        raise Failure(exc.text("en")) from None
    finally:
        engine.dispose()
    data = {"group": args.group.upper(), "share_percent": done.share_percent, "slot_minutes": done.slot_minutes,
            "grace_minutes": done.grace_minutes, "early_minutes": done.early_minutes, "days_ahead": done.days_ahead}
    _print(args, data, " ".join(f"{k}={v}" for k, v in data.items()))
    return 0


def _list(args) -> int:
    engine = _engine(_settings(args))
    now = officetime.now()
    today = officetime.local_date(now)
    try:
        with engine.begin() as conn:
            cfg = load(conn)
            groups = [{"group": g.code, "daily_limit": g.daily_limit, "share_percent": s.share_percent,
                       "places": bookings.places(g, s), "slot_minutes": s.slot_minutes, "grace_minutes": s.grace_minutes,
                       "early_minutes": s.early_minutes, "days_ahead": s.days_ahead}
                      for g, s in ((g, bookings.get_settings(conn, g.id)) for g in cfg.live_groups())]
            data = {"day": today.isoformat(), "groups": groups, "bookings": bookings.booking_counts(conn, today, now=now),
                    "channels": bookings.channel_counts(conn, today)}
    finally:
        engine.dispose()
    lines = [f"{g['group']}: limit {g['daily_limit'] or '-'}, {g['share_percent']}% = {g['places']} places a day, "
             f"slots of {g['slot_minutes']} min" for g in groups]
    lines.append(f"today: bookings {data['bookings']}; tickets per channel {data['channels']}")
    _print(args, data, "\n".join(lines))
    return 0


def _purge(args) -> int:
    engine = _engine(_settings(args))
    before = officetime.local_date(officetime.now()) - dt.timedelta(days=max(0, args.older_than_days))
    try:
        with engine.begin() as conn:
            count = conn.execute(q_bookings.update().where(q_bookings.c.day < before, q_bookings.c.name != "")
                                 .values(name="")).rowcount
    finally:
        engine.dispose()
    _print(args, {"names_forgotten": count, "before": before.isoformat()},
           f"{count} booking names forgotten (bookings before {before.isoformat()})")
    return 0
