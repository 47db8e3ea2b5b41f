"""Booked visits (issue 17): slots with free places, booking, cancelling, redeeming at the kiosk, releasing.

A group offers bookings when it has a daily limit and a share of it set aside (``q_booking_settings``):
``floor(limit x share / 100)`` places a day, spread evenly over the day's slots (its hours cut into
``slot_minutes``, breaks left out). A booking holds its place until its slot's end plus ``grace_minutes``;
then it is *released* and the place counts for walk-ins again. Releasing is lazy: every count here only
counts bookings still held at *now* (``release_at > now``), and :func:`release_due` marks the overdue ones
(called on the public pages and on redeeming; any periodic job may call it too).

Walk-in tickets (the kiosk's issue, :mod:`mpp_desk.server.queue`) stop at the daily limit minus the
bookings still held for the day; a redeemed booking's ticket is not limited (its place was set aside).
Every ticket carries its ``channel`` ('kiosk', 'booking', 'offline'); :func:`channel_counts` counts them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import math
import re
import secrets
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from mpp_desk.errors import ValidationError
from mpp_desk.i18n import N_
from mpp_desk.officetime import as_utc, hhmm, local, local_date, office_datetime
from mpp_desk.queue.errors import BookingRefused, QueueNotFound
from mpp_desk.server import queue as service
from mpp_desk.server.booking_tables import q_booking_settings, q_bookings
from mpp_desk.server.queue_config import Group, QueueConfig
from mpp_desk.server.queue_tables import q_tickets
from mpp_desk.textformat import format_date

ALPHABET = "ACDEFGHJKMNPRTUVWXY346789"  # no 0/O, 1/I/L, 2/Z, 5/S, 8/B look-alikes
CODE_LENGTH = 8
CHANNELS: tuple[str, ...] = ("kiosk", "booking", "offline")
_PHONE = re.compile(r"^08\d{8,11}$")
_NAME = re.compile(r"^[^\x00-\x1f<>]{2,60}$")


@dataclass(frozen=True)
class BookingSettings:
    group_id: uuid.UUID
    share_percent: int = 0
    slot_minutes: int = 30
    grace_minutes: int = 15
    early_minutes: int = 30
    days_ahead: int = 5


@dataclass(frozen=True)
class Slot:
    start: dt.datetime  # aware, office time
    end: dt.datetime
    free: int

    @property
    def key(self) -> str:
        return f"{self.start:%H%M}"

    @property
    def label(self) -> str:
        return f"{hhmm(self.start, '.')}–{hhmm(self.end, '.')}"


@dataclass(frozen=True)
class Day:
    day: dt.date
    free: int
    slots: tuple[Slot, ...]


@dataclass(frozen=True)
class Booking:
    id: uuid.UUID
    code: str
    group_id: uuid.UUID
    service_id: uuid.UUID | None
    group_code: str
    group_name: str
    service_title: str | None
    day: dt.date
    slot_start: dt.datetime
    slot_end: dt.datetime
    release_at: dt.datetime
    name: str
    phone_last: str
    status: str
    ticket_id: uuid.UUID | None

    @property
    def masked_name(self) -> str:
        return mask_name(self.name)

    @property
    def masked_phone(self) -> str:
        return "••••" + self.phone_last


# --- small rules ------------------------------------------------------------------------------------


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def clean_code(text_: str) -> str:
    """A typed or scanned code: upper case, spaces and dashes dropped (``k7qd-3m2x`` -> ``K7QD3M2X``)."""
    return re.sub(r"[^A-Za-z0-9]", "", text_ or "").upper()[:16]


def clean_phone(text_: str) -> str:
    """Indonesian mobile numbers as ``08…``: ``+62 812-3456-7890`` -> ``081234567890``; '' when not one."""
    digits = re.sub(r"[\s\-().]", "", text_ or "")
    if digits.startswith("+62"):
        digits = "0" + digits[3:]
    elif digits.startswith("62"):
        digits = "0" + digits[2:]
    return digits if _PHONE.match(digits) else ""


def phone_hash(secret: bytes, phone: str) -> str:
    return hmac.new(secret, b"mpp-booking-phone|" + phone.encode(), hashlib.sha256).hexdigest()[:32]


def mask_name(name: str) -> str:
    """``Budi Santoso`` -> ``B*** S******``: enough for the citizen to recognise, nothing for anyone else."""
    return " ".join(w[:1] + "*" * (len(w) - 1) for w in name.split())


def places(group: Group, settings: BookingSettings) -> int:
    """The day's places set aside for bookings (0: the group takes no bookings)."""
    if group.daily_limit is None or not group.active or settings.share_percent <= 0:
        return 0
    return group.daily_limit * settings.share_percent // 100


def day_slots(cfg: QueueConfig, group: Group, settings: BookingSettings, day: dt.date) -> list[tuple[dt.datetime, dt.datetime]]:
    """The day's slots (office time): the group's hours cut into slot_minutes, breaks of that weekday left out;
    none on a day the calendar closes."""
    if not cfg.calendar.is_working_day(day):
        return []
    step = dt.timedelta(minutes=max(5, settings.slot_minutes))
    start = office_datetime(day, group.open_time)  # type: ignore[arg-type]
    close = office_datetime(day, group.close_time)  # type: ignore[arg-type]
    breaks = [(office_datetime(day, b.start_time), office_datetime(day, b.end_time))
              for b in cfg.breaks if b.weekday == day.weekday()]
    out = []
    while start + step <= close:
        end = start + step
        if not any(s < end and start < e for s, e in breaks):
            out.append((start, end))
        start = end
    return out


# --- settings ----------------------------------------------------------------------------------------


def get_settings(conn: Connection, group_id: uuid.UUID) -> BookingSettings:
    row = conn.execute(select(q_booking_settings).where(q_booking_settings.c.group_id == group_id)).mappings().first()
    if row is None:
        return BookingSettings(group_id)
    return BookingSettings(group_id, row["share_percent"], row["slot_minutes"], row["grace_minutes"],
                           row["early_minutes"], row["days_ahead"])


def set_settings(conn: Connection, cfg: QueueConfig, *, group_code: str, share_percent: int | None = None,
                 slot_minutes: int | None = None, grace_minutes: int | None = None, early_minutes: int | None = None,
                 days_ahead: int | None = None, now: dt.datetime) -> BookingSettings:
    """Change a group's booking settings (``mpp-central booking set``); values left None stay."""
    group = cfg.group_by_code(group_code)
    if group is None:
        raise QueueNotFound(N_("errors", "There is no queue group {code}."), code=(group_code or "").strip().upper())
    old = get_settings(conn, group.id)
    new = BookingSettings(
        group.id,
        old.share_percent if share_percent is None else share_percent,
        old.slot_minutes if slot_minutes is None else slot_minutes,
        old.grace_minutes if grace_minutes is None else grace_minutes,
        old.early_minutes if early_minutes is None else early_minutes,
        old.days_ahead if days_ahead is None else days_ahead,
    )
    if not (0 <= new.share_percent <= 100 and 5 <= new.slot_minutes <= 240 and 0 <= new.grace_minutes <= 240
            and 0 <= new.early_minutes <= 240 and 1 <= new.days_ahead <= 30):
        raise ValidationError(N_("errors", "Booking settings out of range: share 0-100 %, slot 5-240 minutes, grace and "
                                           "early 0-240 minutes, 1-30 days ahead."))
    values = {"share_percent": new.share_percent, "slot_minutes": new.slot_minutes, "grace_minutes": new.grace_minutes,
              "early_minutes": new.early_minutes, "days_ahead": new.days_ahead, "updated_at": as_utc(now)}
    conn.execute(insert(q_booking_settings).values(group_id=group.id, **values).on_conflict_do_update(
        index_elements=["group_id"], set_=values))
    return new


def bookable_groups(conn: Connection, cfg: QueueConfig) -> list[tuple[Group, BookingSettings]]:
    rows = conn.execute(select(q_booking_settings).where(q_booking_settings.c.share_percent > 0)).mappings().all()
    found = []
    for row in rows:
        group = cfg.groups.get(row["group_id"])
        if group is None:
            continue
        settings = BookingSettings(group.id, row["share_percent"], row["slot_minutes"], row["grace_minutes"],
                                   row["early_minutes"], row["days_ahead"])
        if places(group, settings) > 0:
            found.append((group, settings))
    return sorted(found, key=lambda gs: (gs[0].position, gs[0].code))


# --- free places -------------------------------------------------------------------------------------

_HELD = "(b.status = 'used' OR (b.status = 'booked' AND b.release_at > :now))"
_TAKEN_BY_DAY = text(f"SELECT b.day, count(*) FROM q_bookings b WHERE b.group_id = :group_id AND b.day BETWEEN :first "
                     f"AND :last AND {_HELD} GROUP BY b.day")
_TAKEN_BY_SLOT = text(f"SELECT b.slot_start, count(*) FROM q_bookings b WHERE b.group_id = :group_id AND b.day = :day "
                      f"AND {_HELD} GROUP BY b.slot_start")
_OUTSTANDING = text("SELECT count(*) FROM q_bookings b WHERE b.group_id = :group_id AND b.day = :day "
                    "AND b.status = 'booked' AND b.release_at > :now")
_ISSUED = text("SELECT last_number FROM q_numbers WHERE group_id = :group_id AND service_date = :day")


def _walk_in_room(conn: Connection, group: Group, day: dt.date, now: dt.datetime) -> int | None:
    """For today: the numbers the daily limit still allows, less the bookings still held (None: no limit)."""
    if group.daily_limit is None or day != local_date(now):
        return None
    issued = conn.execute(_ISSUED, {"group_id": group.id, "day": day}).scalar() or 0
    held = conn.execute(_OUTSTANDING, {"group_id": group.id, "day": day, "now": now}).scalar_one()
    return group.daily_limit - issued - held


def days(conn: Connection, cfg: QueueConfig, group: Group, settings: BookingSettings, *, now: dt.datetime) -> list[Day]:
    """The next working days (up to ``days_ahead``, today included while a slot is still ahead) with their slots."""
    now = as_utc(now)
    today = local_date(now)
    candidates: list[dt.date] = []
    day = today
    while len(candidates) < settings.days_ahead and day <= today + dt.timedelta(days=60):
        if cfg.calendar.is_working_day(day) and day_slots(cfg, group, settings, day):
            candidates.append(day)
        day += dt.timedelta(days=1)
    if not candidates:
        return []
    taken = dict(conn.execute(_TAKEN_BY_DAY, {"group_id": group.id, "first": candidates[0], "last": candidates[-1],
                                              "now": now}).all())
    total = places(group, settings)
    out = []
    for day in candidates:
        slots = slots_of(conn, cfg, group, settings, day, now=now, taken_today=taken.get(day, 0))
        if day == today and not slots:
            continue
        out.append(Day(day, sum(s.free for s in slots) and min(total - taken.get(day, 0), sum(s.free for s in slots)),
                       tuple(slots)))
    return out


def slots_of(conn: Connection, cfg: QueueConfig, group: Group, settings: BookingSettings, day: dt.date, *,
             now: dt.datetime, taken_today: int | None = None) -> list[Slot]:
    """The day's slots still ahead of *now*, each with its free places (0 when full)."""
    now = as_utc(now)
    all_slots = day_slots(cfg, group, settings, day)
    total = places(group, settings)
    if not all_slots or total <= 0:
        return []
    per_slot = math.ceil(total / len(all_slots))
    by_slot = {as_utc(k): v for k, v in conn.execute(_TAKEN_BY_SLOT, {"group_id": group.id, "day": day, "now": now}).all()}
    day_taken = sum(by_slot.values()) if taken_today is None else taken_today
    day_free = max(0, total - day_taken)
    room = _walk_in_room(conn, group, day, now)
    if room is not None:
        day_free = max(0, min(day_free, room))
    return [Slot(start, end, max(0, min(per_slot - by_slot.get(as_utc(start), 0), day_free)))
            for start, end in all_slots if as_utc(start) > now]


# --- booking and cancelling -------------------------------------------------------------------------


def book(conn: Connection, cfg: QueueConfig, secret: bytes, *, group_code: str, service_id: uuid.UUID | None,
         day: dt.date, slot: str, name: str, phone: str, now: dt.datetime) -> Booking:
    """Book a place; refuses a closed day, a time outside the group's hours, a slot past or full, a second
    booking of the same phone for the group and day. The caller commits."""
    now = as_utc(now)
    group = cfg.group_by_code(group_code)
    settings = get_settings(conn, group.id) if group is not None else None
    if group is None or settings is None or places(group, settings) <= 0:
        raise BookingRefused(N_("errors", "This service cannot be booked."))
    service = cfg.services.get(service_id) if service_id is not None else None
    if service_id is not None and (service is None or service.group_id not in (None, group.id)):
        raise BookingRefused(N_("errors", "This service cannot be booked."))
    name = " ".join((name or "").split())
    if not _NAME.match(name):
        raise ValidationError(N_("errors", "Type your name (2 to 60 characters)."), field="name")
    number = clean_phone(phone)
    if not number:
        raise ValidationError(N_("errors", "Type a mobile number starting with 08 (10 to 13 digits)."), field="phone")
    if day < local_date(now):
        raise BookingRefused(N_("errors", "This day has passed. Choose another day."))
    if not cfg.calendar.is_working_day(day):
        raise BookingRefused(N_("errors", "The office is closed on that day. Choose another day."))
    choice = next(((s, e) for s, e in day_slots(cfg, group, settings, day) if f"{s:%H%M}" == slot), None)
    if choice is None:
        raise BookingRefused(N_("errors", "That time is outside the service's hours. Choose a time from the list."))
    if as_utc(choice[0]) <= now:
        raise BookingRefused(N_("errors", "That time has passed. Choose a later time."))
    conn.execute(text("SELECT pg_advisory_xact_lock(hashtext(CAST(:g AS text) || CAST(:d AS text)))"),
                 {"g": str(group.id), "d": day.isoformat()})
    free = next((s.free for s in slots_of(conn, cfg, group, settings, day, now=now) if s.key == slot), 0)
    if free <= 0:
        raise BookingRefused(N_("errors", "That time is fully booked. Choose another time or day."))
    hashed = phone_hash(secret, number)
    same = conn.execute(select(q_bookings.c.id).where(q_bookings.c.phone_hash == hashed, q_bookings.c.group_id == group.id,
                                                      q_bookings.c.day == day, q_bookings.c.status.in_(("booked", "used"))))
    if same.first() is not None:
        raise BookingRefused(N_("errors", "This phone number already has a booking for this service on that day."))
    start, end = choice
    values = {"id": uuid.uuid4(), "group_id": group.id, "group_code": group.code, "service_id": service_id,
              "day": day, "slot_start": as_utc(start), "slot_end": as_utc(end),
              "release_at": as_utc(end + dt.timedelta(minutes=settings.grace_minutes)), "name": name,
              "phone_hash": hashed, "phone_last": number[-4:], "status": "booked", "created_at": now}
    for _ in range(5):  # a code already taken (one in ~10^11): draw again
        try:
            with conn.begin_nested():
                conn.execute(q_bookings.insert().values(code=new_code(), **values))
            break
        except IntegrityError:
            continue
    return _booking(conn, cfg, q_bookings.c.id == values["id"])


def find(conn: Connection, cfg: QueueConfig, code: str, *, now: dt.datetime | None = None) -> Booking | None:
    if now is not None:
        release_due(conn, now=now)
    code = clean_code(code)
    if len(code) != CODE_LENGTH:
        return None
    try:
        return _booking(conn, cfg, q_bookings.c.code == code)
    except LookupError:
        return None


def cancel(conn: Connection, cfg: QueueConfig, *, code: str, phone_last: str, now: dt.datetime) -> Booking:
    """Cancel by code and the phone's last four digits (both must match; a wrong pair says only "not found")."""
    found = find(conn, cfg, code, now=now)
    if found is None or not hmac.compare_digest(found.phone_last, (phone_last or "").strip()[-4:]):
        raise QueueNotFound(N_("errors", "No booking matches this code and these phone digits."))
    if found.status != "booked":
        raise BookingRefused(_STATUS_REFUSALS[found.status], code=found.code)
    conn.execute(q_bookings.update().where(q_bookings.c.id == found.id, q_bookings.c.status == "booked")
                 .values(status="cancelled", closed_at=as_utc(now)))
    return _booking(conn, cfg, q_bookings.c.id == found.id)


def release_due(conn: Connection, *, now: dt.datetime) -> int:
    """Mark bookings not used by their slot's end (+ grace) released; their places go back to walk-ins."""
    result = conn.execute(q_bookings.update().where(q_bookings.c.status == "booked", q_bookings.c.release_at <= as_utc(now))
                          .values(status="released", closed_at=as_utc(now)))
    return result.rowcount or 0


def _booking(conn: Connection, cfg: QueueConfig, where, *, lock: bool = False) -> Booking:
    query = select(q_bookings).where(where)
    row = conn.execute(query.with_for_update() if lock else query).mappings().first()
    if row is None:
        raise LookupError("no such booking")
    group = cfg.groups.get(row["group_id"])
    service = cfg.services.get(row["service_id"]) if row["service_id"] else None
    return Booking(row["id"], row["code"], row["group_id"], row["service_id"], row["group_code"], group.name if group else row["group_code"],
                   service.title if service else None, row["day"], local(row["slot_start"]), local(row["slot_end"]),
                   local(row["release_at"]), row["name"], row["phone_last"], row["status"], row["ticket_id"])


# --- redeeming at the kiosk -------------------------------------------------------------------------

_STATUS_REFUSALS = {
    "used": N_("errors", "Booking {code} has already been used for a ticket."),
    "released": N_("errors", "Booking {code} was released because it was not used in time. Please take a normal "
                             "queue number."),
    "cancelled": N_("errors", "Booking {code} was cancelled. Please take a normal queue number."),
}


def redeem(conn: Connection, cfg: QueueConfig, device, secret: bytes, *, code: str, now: dt.datetime) -> dict[str, Any]:
    """Issue the booking's ticket at once (channel 'booking'), on its day, from ``early_minutes`` before its slot
    until it is released. The answer is the issue's (ticket, ahead, wait) and the booking's code and slot."""
    service.require_role(device, service.ISSUERS, "issue tickets")
    now = as_utc(now)
    release_due(conn, now=now)
    code = clean_code(code)
    try:
        found = _booking(conn, cfg, q_bookings.c.code == code, lock=True) if len(code) == CODE_LENGTH else None
    except LookupError:
        found = None
    if found is None:
        raise QueueNotFound(N_("errors", "There is no booking with code {code}. Check the code, or take a normal queue "
                                         "number."), code=code or "-")
    if found.status != "booked":
        raise BookingRefused(_STATUS_REFUSALS[found.status], code=found.code)
    today = local_date(now)
    if found.day != today:
        raise BookingRefused(N_("errors", "Booking {code} is for {day}, not today. Please come back on that day."),
                             code=found.code, day=format_date(found.day))
    settings = get_settings(conn, found.group_id)
    opens = found.slot_start - dt.timedelta(minutes=settings.early_minutes)
    if now < as_utc(opens):
        raise BookingRefused(N_("errors", "Booking {code} is for {start}. Its ticket can be taken from {opens}."),
                             code=found.code, start=hhmm(found.slot_start, "."), opens=hhmm(opens, "."))
    group = cfg.groups.get(found.group_id)
    if group is None:
        raise BookingRefused(N_("errors", "This service cannot be booked."))
    answer = service.issue(conn, cfg, device, secret, group_code=group.code, service_id=found.service_id,
                           priority=False, priority_reason=None, now=now, channel="booking")
    conn.execute(q_bookings.update().where(q_bookings.c.id == found.id).values(
        status="used", used_at=now, ticket_id=uuid.UUID(answer["ticket"]["id"])))
    answer["booking"] = {"code": found.code, "slot": f"{hhmm(found.slot_start, '.')}–{hhmm(found.slot_end, '.')}"}
    return answer


# --- statistics ---------------------------------------------------------------------------------------


def channel_counts(conn: Connection, day: dt.date) -> dict[str, int]:
    """Tickets of *day* per channel ('kiosk', 'booking', 'offline'; every channel present, 0 when none)."""
    counts: dict[str, int] = dict.fromkeys(CHANNELS, 0)
    rows = conn.execute(select(q_tickets.c.channel, func.count()).where(q_tickets.c.service_date == day)
                        .group_by(q_tickets.c.channel)).all()
    counts.update({channel: int(n) for channel, n in rows})
    return counts


def booking_counts(conn: Connection, day: dt.date, *, now: dt.datetime) -> dict[str, int]:
    """Bookings of *day* by status (after releasing the overdue ones)."""
    release_due(conn, now=now)
    counts: dict[str, int] = {status: 0 for status in ("booked", "used", "released", "cancelled")}
    rows = conn.execute(select(q_bookings.c.status, func.count()).where(q_bookings.c.day == day)
                        .group_by(q_bookings.c.status)).all()
    counts.update({status: int(n) for status, n in rows})
    return counts
