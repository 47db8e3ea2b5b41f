"""Booked visits (issue 17): a citizen books a service, a day and a time slot on the public pages; the kiosk
redeems the booking's code for a ticket. Same :data:`~mpp_desk.server.tables.metadata` (migration 0008).

Personal data is kept small: the name as typed (shown masked), and of the phone only a keyed hash (one
booking per phone, group and day) and its last four digits (shown masked, asked to cancel).
"""

from __future__ import annotations

from sqlalchemy import Column, Date, DateTime, Index, Integer, String, Table, Uuid, func, text

from mpp_desk.server.tables import metadata

BOOKED_SQL = "status IN ('booked', 'used')"

q_bookings = Table(
    "q_bookings",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("code", String(8), nullable=False, unique=True),  # unguessable: 8 of 24 unambiguous characters
    Column("group_id", Uuid, nullable=False),
    Column("group_code", String(4), nullable=False),
    Column("service_id", Uuid),
    Column("day", Date, nullable=False),
    Column("slot_start", DateTime(timezone=True), nullable=False),
    Column("slot_end", DateTime(timezone=True), nullable=False),
    Column("release_at", DateTime(timezone=True), nullable=False),  # the slot's end + the grace: then released
    Column("name", String(60), nullable=False),
    Column("phone_hash", String(32), nullable=False),  # HMAC of the phone number under the server's secret
    Column("phone_last", String(4), nullable=False),
    Column("status", String(16), nullable=False, server_default="booked"),  # booked, used, released, cancelled
    Column("ticket_id", Uuid),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("used_at", DateTime(timezone=True)),
    Column("closed_at", DateTime(timezone=True)),  # released or cancelled
    Index("ix_q_bookings_group_day", "group_id", "day", "status"),
    Index("ix_q_bookings_release", "release_at", postgresql_where=text("status = 'booked'")),
    # one booking per phone, group and day (a released or cancelled one does not count)
    Index("uq_q_bookings_phone", "phone_hash", "group_id", "day", unique=True, postgresql_where=text(BOOKED_SQL)),
)

# Per group: the share of its daily limit set aside for bookings, and how the slots are cut.
q_booking_settings = Table(
    "q_booking_settings",
    metadata,
    Column("group_id", Uuid, primary_key=True),
    Column("share_percent", Integer, nullable=False, server_default="0"),
    Column("slot_minutes", Integer, nullable=False, server_default="30"),
    Column("grace_minutes", Integer, nullable=False, server_default="15"),  # after the slot's end: released
    Column("early_minutes", Integer, nullable=False, server_default="30"),  # redeemable this long before the slot
    Column("days_ahead", Integer, nullable=False, server_default="5"),  # working days offered
    Column("updated_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
)
