"""The central server's tables (PostgreSQL only; migrations in db/central/).

Records are stored generically (entity, id, JSON payload) because their columns are the PC's
models (:mod:`mpp_desk.models`); the server checks them against those models on arrival.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Float,
    Identity,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    UniqueConstraint,
    Uuid,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB

from mpp_desk.models.base import NAMING_CONVENTION

metadata = MetaData(naming_convention=NAMING_CONVENTION)

office = Table(
    "office",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
)

devices = Table(
    "devices",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("name", String(100), nullable=False),
    Column("role", String(16), nullable=False),
    Column("credential_hash", String(64), unique=True),
    Column("local_device_id", String(64), nullable=False, server_default=""),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("enrolled_at", DateTime(timezone=True)),
    Column("last_seen_at", DateTime(timezone=True)),
    Column("revoked_at", DateTime(timezone=True)),
    Column("pending_ops", Integer),  # the changes waiting on the device, as it reported on its last request
    # the counter numbers a counter device may act on (`mpp-central device bind`); NULL: not bound, any counter
    Column("counter_numbers", ARRAY(Integer)),
)

enrolment_codes = Table(
    "enrolment_codes",
    metadata,
    Column("code_hash", String(64), primary_key=True),
    Column("device_id", Uuid, nullable=False, index=True),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Column("used_at", DateTime(timezone=True)),
)

# The change log: every accepted change, in commit order (appends hold an advisory lock).
change_log = Table(
    "change_log",
    metadata,
    Column("seq", BigInteger, Identity(always=True), primary_key=True),
    Column("entity", String(64), nullable=False),
    Column("entity_id", Uuid, nullable=False),
    Column("version", Integer, nullable=False),
    Column("op", String(16), nullable=False),
    Column("payload", JSONB, nullable=False),
    Column("device_id", Uuid),  # None: written by the server itself (setup)
    Column("op_id", Uuid),
    Column("tx_id", Uuid),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    UniqueConstraint("device_id", "op_id", name="uq_change_log_device_op"),
    Index("ix_change_log_tx_id", "tx_id"),
)

# Every answer given to a device's op: a replayed op gets the same answer and is not applied twice.
device_ops = Table(
    "device_ops",
    metadata,
    Column("device_id", Uuid, nullable=False),
    Column("op_id", Uuid, nullable=False),
    Column("tx_id", Uuid),
    Column("status", String(16), nullable=False),
    Column("reason", Text),
    Column("version", Integer),
    Column("seq", BigInteger),
    Column("answered_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    PrimaryKeyConstraint("device_id", "op_id", name="pk_device_ops"),
)

# The current state of every record.
records = Table(
    "records",
    metadata,
    Column("entity", String(64), nullable=False),
    Column("entity_id", Uuid, nullable=False),
    Column("version", Integer, nullable=False),
    Column("payload", JSONB, nullable=False),
    Column("deleted", Boolean, nullable=False, server_default="false"),
    Column("seq", BigInteger, nullable=False),
    PrimaryKeyConstraint("entity", "entity_id", name="pk_records"),
    # The intake visits made from a ticket (the public survey: a served ticket's file and service), one probe
    # instead of a scan of every visit's payload (60,000 visits: 46 ms -> 0.05 ms). Queries repeat the
    # expression and the WHERE term as literal SQL (survey_store.VISITS_OF_TICKET).
    Index("ix_records_visit_ticket", text("(payload ->> 'ticket_id')"),
          postgresql_where=text("entity = 'intake_visit'")),
)

# The unique keys of the shared models (annex number, username, registration number, ...).
record_keys = Table(
    "record_keys",
    metadata,
    Column("entity", String(64), nullable=False),
    Column("key_name", String(200), nullable=False),
    Column("key_value", Text, nullable=False),
    Column("entity_id", Uuid, nullable=False),
    PrimaryKeyConstraint("entity", "key_name", "key_value", name="pk_record_keys"),
    Index("ix_record_keys_entity_id", "entity", "entity_id"),
)

conflicts = Table(
    "conflicts",
    metadata,
    Column("id", BigInteger, Identity(always=True), primary_key=True),
    Column("entity", String(64), nullable=False),
    Column("entity_id", Uuid, nullable=False),
    Column("device_id", Uuid, nullable=False),
    Column("op_id", Uuid, nullable=False),
    Column("tx_id", Uuid),
    Column("base_version", Integer),
    Column("server_version", Integer),
    Column("client_payload", JSONB, nullable=False),
    Column("server_payload", JSONB),
    Column("tx_ops", JSONB, nullable=False),
    Column("reason", Text, nullable=False),
    Column("status", String(16), nullable=False, server_default="open"),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("resolution", JSONB),  # {"keep": "server"|"device"|"fields", "fields": {...}, "version": n}
    Column("resolved_by", Uuid),  # the device that resolved it
    Column("resolved_at", DateTime(timezone=True)),
    UniqueConstraint("device_id", "op_id", name="uq_conflicts_device_op"),
)

# Requests refused as a whole (403 role, ...), kept for the supervisor.
refusals = Table(
    "refusals",
    metadata,
    Column("id", BigInteger, Identity(always=True), primary_key=True),
    Column("device_id", Uuid, nullable=False),
    Column("status_code", Integer, nullable=False),
    Column("reason", Text, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False, server_default=func.now()),
)

# Number blocks leased to a device for good (registration numbers, complaint cases): server/leases.py.
number_leases = Table(
    "number_leases",
    metadata,
    Column("id", BigInteger, Identity(always=True), primary_key=True),
    Column("kind", String(32), nullable=False),
    Column("period", String(16), nullable=False),
    Column("block", String(4), nullable=False),
    Column("device_id", Uuid, nullable=False),
    Column("leased_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    UniqueConstraint("kind", "period", "block", name="uq_number_leases_block"),
)


blobs = Table(
    "blobs",
    metadata,
    Column("sha256", String(64), primary_key=True),  # the content's SHA-256 (lower-case hex): stored once
    Column("size", BigInteger, nullable=False),
    Column("received", BigInteger, nullable=False, server_default="0"),  # bytes so far: an upload resumes here
    Column("data", LargeBinary, nullable=False, server_default=""),
    Column("complete", Boolean, nullable=False, server_default="false"),
    Column("device_id", Uuid, nullable=False),  # who started the upload
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("completed_at", DateTime(timezone=True)),
)


# The installations' public signing keys (PEM), so the public pages verify every PC's codes: public/keys.py.
signing_keys = Table(
    "signing_keys",
    metadata,
    Column("key_id", String(16), primary_key=True),  # signing.key_id_of: 8 base64url characters
    Column("public_key", Text, nullable=False),
    Column("label", String(200), nullable=False, server_default=""),
    Column("added_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
)

# Each device's audit trail as the server verifies it on arrival (server/audit_chains.py, docs/sync.md).
# The verification keys a device registers: its audit HMAC key (wrapped with the server's secret) and
# its installation's Ed25519 public key, which signs its audit checkpoints.
audit_keys = Table(
    "audit_keys",
    metadata,
    Column("chain_id", String(64), primary_key=True),  # the PC's own device id, stamped in its audit entries
    Column("device_id", Uuid, nullable=False),  # the enrolled device that registered it
    Column("key_fingerprint", String(64), nullable=False),
    Column("wrapped_key", LargeBinary),  # AES-GCM(nonce || ciphertext) under a key derived from the secret
    Column("keyed_from", Integer, nullable=False, server_default="1"),
    Column("public_key", Text),  # PEM: verifies the device's signed checkpoints
    Column("registered_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
)

# The head of each chain the server holds: the next entry must be seq + 1 and link to hash.
audit_chains = Table(
    "audit_chains",
    metadata,
    Column("chain_id", String(64), primary_key=True),
    Column("last_seq", Integer, nullable=False),
    Column("last_hash", String(64), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
)

# Every signed checkpoint a device sent: the anchor of its chain outside the PC.
audit_checkpoints = Table(
    "audit_checkpoints",
    metadata,
    Column("id", BigInteger, Identity(always=True), primary_key=True),
    Column("chain_id", String(64), nullable=False),
    Column("device_id", Uuid, nullable=False),
    Column("seq", Integer, nullable=False),
    Column("hash", String(64), nullable=False),
    Column("keyed_from", Integer, nullable=False),
    Column("signed", JSONB, nullable=False),  # the checkpoint file as the device sent it (signature included)
    Column("received_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    UniqueConstraint("chain_id", "seq", "hash", name="uq_audit_checkpoints_chain_seq_hash"),
)

# Breaks found on arrival: a gap, a reordering, an altered entry, a rolled-back or forged checkpoint.
audit_alerts = Table(
    "audit_alerts",
    metadata,
    Column("id", BigInteger, Identity(always=True), primary_key=True),
    Column("chain_id", String(64), nullable=False),
    Column("device_id", Uuid, nullable=False),
    Column("seq", Integer),
    Column("entry_id", Uuid),
    Column("reason", String(32), nullable=False),
    Column("detail", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Index("ix_audit_alerts_chain_id", "chain_id"),
)
from mpp_desk.server import queue_tables as _queue_tables  # noqa: E402,F401 - the live queue's tables, same metadata
from mpp_desk.server import booking_tables as _booking_tables  # noqa: E402,F401 - booked visits (issue 17)

# Each run of the server's retention purge (server/retention.py): when, and its counts (never personal data).
retention_runs = Table(
    "retention_runs",
    metadata,
    Column("id", BigInteger, Identity(always=True), primary_key=True),
    Column("at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("details", JSONB, nullable=False),
)

# The public pages' rate limits, shared by every server process (``serve --workers N``): one token bucket per
# limit and (hashed) key. UNLOGGED: not written to the WAL nor kept by a crash, as the limits do not need to be.
public_limits = Table(
    "public_limits",
    metadata,
    Column("bucket", String(16), nullable=False),
    Column("key", String(64), nullable=False),
    Column("tokens", Float, nullable=False),
    Column("at", Float, nullable=False),  # Unix seconds of the last take
    Column("refused", Boolean, nullable=False),  # the last take found no token
    PrimaryKeyConstraint("bucket", "key", name="pk_public_limits"),
    Index("ix_public_limits_at", "at"),
    prefixes=["UNLOGGED"],
)

# The public live-queue streams open at once (``/antrian/<ref>/live``), one row per stream, shared by every server
# process so the limit per client holds across ``serve --workers N``. The key is the client's hashed as in
# public_limits; seen_at is beaten by the stream's process every keep-alive, so the rows of a killed process
# expire. UNLOGGED, as public_limits.
public_streams = Table(
    "public_streams",
    metadata,
    Column("id", Uuid, primary_key=True),  # random, one per stream
    Column("key", String(64), nullable=False),  # SHA-256 of the client's key (no address in the table)
    Column("process", String(64), nullable=False),  # host:pid of the server process holding the stream
    Column("opened_at", Float, nullable=False),  # Unix seconds, PostgreSQL's clock
    Column("seen_at", Float, nullable=False),  # the process's last beat
    Index("ix_public_streams_key", "key"),
    prefixes=["UNLOGGED"],
)
