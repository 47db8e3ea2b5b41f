"""queue speed: an index on the ticket's issue time; a token that changes with any write to the rules

The clock check of every issue reads the latest issue time (``max(issued_at)``): without an
index that is a scan of the whole ticket table, slower every day. The triggers stamp a fresh
random token in ``local_state`` key ``rules.generation`` on every insert, update and delete of the
tables the per-process caches copy (working-calendar changes, queue breaks, settings, queue
groups, counters and the groups they serve), whoever writes them (this PC, another process on
the same file, a change pulled from the server). A cache compares the token inside its own transaction and reloads when it moved
(mpp_desk/queue/cache.py). A random token rather than a counter: a rolled-back change leaves the
old token, so a copy taken inside that transaction can never match a later committed state.

Note for later migrations: SQLite drops a table's triggers with the table, so a batch
alteration (copy and rename) of one of these tables must create its triggers again
(``create_rule_triggers`` below); tests/integration/test_queue_rules_cache.py checks they exist.

Revision ID: 0005
Revises: 0004
"""
from __future__ import annotations

from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

GENERATION_KEY = "rules.generation"
RULE_TABLES = ("calendar_override", "queue_break", "setting", "queue_group", "queue_counter", "queue_counter_group")
CHANGES = ("insert", "update", "delete")


def create_rule_triggers(table: str) -> None:
    for change in CHANGES:
        op.execute(
            f"CREATE TRIGGER IF NOT EXISTS trg_{table}_{change}_rules_generation AFTER {change.upper()} ON {table} "
            f"BEGIN INSERT INTO local_state (key, value) VALUES ('{GENERATION_KEY}', lower(hex(randomblob(16)))) "
            f"ON CONFLICT (key) DO UPDATE SET value = excluded.value; END"
        )


def upgrade() -> None:
    op.create_index('ix_queue_ticket_issued_at', 'queue_ticket', ['issued_at'], unique=False)
    for table in RULE_TABLES:
        create_rule_triggers(table)


def downgrade() -> None:
    for table in RULE_TABLES:
        for change in CHANGES:
            op.execute(f"DROP TRIGGER IF EXISTS trg_{table}_{change}_rules_generation")
    op.drop_index('ix_queue_ticket_issued_at', table_name='queue_ticket')
