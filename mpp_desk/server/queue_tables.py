"""The server's live queue (issue 14): tickets, numbers, events, counters, answered requests.

The configuration (groups, counters, breaks, calendar) stays in ``records`` as the PCs sync it;
these tables hold what the server decides itself. Same :data:`~mpp_desk.server.tables.metadata`,
so the schema test compares them with migration 0004.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Identity,
    Index,
    Integer,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    UniqueConstraint,
    Uuid,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB

from mpp_desk.server.tables import metadata

WAITING_SQL = "status = 'waiting'"

q_tickets = Table(
    "q_tickets",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("group_id", Uuid, nullable=False),  # the group that issued the number (its namespace)
    Column("group_code", String(4), nullable=False),
    Column("route_group_id", Uuid, nullable=False),  # the line it waits in now (a transfer changes it)
    Column("route_group_code", String(4), nullable=False),
    Column("service_id", Uuid),
    Column("service_date", Date, nullable=False),
    Column("number", Integer, nullable=False),
    Column("code", String(8), nullable=False),
    Column("priority", Boolean, nullable=False, server_default="false"),
    Column("priority_reason", String(32)),
    Column("status", String(16), nullable=False),
    Column("issued_at", DateTime(timezone=True), nullable=False),
    Column("first_called_at", DateTime(timezone=True)),
    Column("called_at", DateTime(timezone=True)),
    Column("counter_number", Integer),
    Column("target_counter_number", Integer),
    Column("served_started_at", DateTime(timezone=True)),
    Column("finished_at", DateTime(timezone=True)),
    Column("outcome", String(32)),
    Column("note", Text, nullable=False, server_default=""),
    Column("printed", Boolean, nullable=False, server_default="false"),
    Column("recall_count", Integer, nullable=False, server_default="0"),
    Column("transfer_count", Integer, nullable=False, server_default="0"),
    Column("transferred_at", DateTime(timezone=True)),
    Column("transferred_from_group_code", String(4)),
    Column("transferred_from_counter_number", Integer),
    Column("issued_by", Uuid),  # the device
    Column("channel", String(8), nullable=False, server_default="kiosk"),  # kiosk, booking, offline
    UniqueConstraint("group_id", "service_date", "number", name="uq_q_tickets_number"),
    # call-next: today's waiting tickets in calling order; only waiting rows, so history does not count
    Index("ix_q_tickets_waiting", "service_date", "priority", "issued_at", postgresql_where=text(WAITING_SQL)),
    Index("ix_q_tickets_counter_status", "counter_number", "status"),
    Index("ix_q_tickets_service_date_status", "service_date", "status"),
)

# The last number given per group and day (the row lock orders two kiosks; the unique key backs it).
q_numbers = Table(
    "q_numbers",
    metadata,
    Column("group_id", Uuid, nullable=False),
    Column("service_date", Date, nullable=False),
    Column("last_number", Integer, nullable=False),
    Column("last_issued_at", DateTime(timezone=True), nullable=False),
    PrimaryKeyConstraint("group_id", "service_date", name="pk_q_numbers"),
)

# Every queue event; seq is the live stream's id. It is taken at insert, so a later seq may commit
# first: readers deliver a seq only once every lower one is there or "settled" (logged_at, server_queue.py).
q_events = Table(
    "q_events",
    metadata,
    Column("seq", BigInteger, Identity(always=True), primary_key=True),
    Column("type", String(16), nullable=False),
    Column("ticket_id", Uuid, nullable=False),
    Column("ticket_code", String(8), nullable=False),
    Column("group_code", String(4), nullable=False),
    Column("counter_number", Integer),
    Column("service_date", Date, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("detail", String(64), nullable=False, server_default=""),
    Column("device_id", Uuid),
    Column("logged_at", DateTime(timezone=True), nullable=False, server_default=text("clock_timestamp()")),
    Index("ix_q_events_service_date_seq", "service_date", "seq"),
)

# Per counter: the ticket it has now, which device worked it last. Its row is the counter's lock.
q_counters = Table(
    "q_counters",
    metadata,
    Column("counter_number", Integer, primary_key=True, autoincrement=False),
    Column("ticket_id", Uuid),
    Column("device_id", Uuid),
    Column("updated_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
)

# The answer to every queue request that changed something: a retried request gets it again.
q_ops = Table(
    "q_ops",
    metadata,
    Column("device_id", Uuid, nullable=False),
    Column("op_id", Uuid, nullable=False),
    Column("answer", JSONB, nullable=False),
    Column("answered_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    PrimaryKeyConstraint("device_id", "op_id", name="pk_q_ops"),
)

# Blocks of numbers leased to a kiosk for one group and day, to issue from while the server is away.
q_blocks = Table(
    "q_blocks",
    metadata,
    Column("id", BigInteger, Identity(always=True), primary_key=True),
    Column("device_id", Uuid, nullable=False),
    Column("group_id", Uuid, nullable=False),
    Column("service_date", Date, nullable=False),
    Column("first_number", Integer, nullable=False),
    Column("last_number", Integer, nullable=False),
    Column("leased_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Index("ix_q_blocks_device_group_date", "device_id", "group_id", "service_date"),
)

# A counter's offline action that met a ticket another counter had called or served meanwhile ("dilayani dua
# kali"): kept for the supervisor, never dropped (mpp_desk/server/queue_reconcile.py). One row per ticket and
# offline device; its later offline actions on the ticket update the row. The supervisor marks it checked once
# (who, when, a note, from which PC): it stays listed.
q_conflicts = Table(
    "q_conflicts",
    metadata,
    Column("id", BigInteger, Identity(always=True), primary_key=True),
    Column("ticket_id", Uuid, nullable=False),
    Column("ticket_code", String(8), nullable=False),
    Column("service_date", Date, nullable=False),
    Column("offline_device_id", Uuid, nullable=False),
    Column("offline_counter_number", Integer, nullable=False),
    Column("offline_called_at", DateTime(timezone=True)),
    Column("offline_action", String(16), nullable=False),  # the last offline action on the ticket
    Column("offline_at", DateTime(timezone=True), nullable=False),
    Column("other_counter_number", Integer),
    Column("other_status", String(16), nullable=False),
    Column("other_called_at", DateTime(timezone=True)),
    Column("recorded_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("checked_at", DateTime(timezone=True)),
    Column("checked_by", String(200)),  # the person's full name as the supervisor's PC sent it
    Column("checked_note", String(500)),
    Column("checked_device_id", Uuid),
    UniqueConstraint("ticket_id", "offline_device_id", name="uq_q_conflicts_ticket_device"),
    Index("ix_q_conflicts_service_date", "service_date"),
)

# One speaker per zone of display boards (queue_speaker.py): the board holding a zone's lease speaks the calls.
q_speakers = Table(
    "q_speakers",
    metadata,
    Column("zone", String(40), primary_key=True),
    Column("device_id", Uuid, nullable=False),
    Column("since", DateTime(timezone=True), nullable=False),  # this device holds it since
    Column("expires_at", DateTime(timezone=True), nullable=False),
)
