"""records: an index of the intake visits by their ticket (the public survey finds a served ticket's file)

Revision ID: 0011
Revises: 0010
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_records_visit_ticket', 'records', [sa.text("(payload ->> 'ticket_id')")], unique=False,
                    postgresql_where=sa.text("entity = 'intake_visit'"))


def downgrade() -> None:
    op.drop_index('ix_records_visit_ticket', table_name='records', postgresql_where=sa.text("entity = 'intake_visit'"))
