"""records: an index of the intake visits by their ticket (the public survey finds a served ticket's file)

Revision ID: 0008_survey17
Revises: 0007
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0008_survey17'
down_revision = '0008_queuepage17'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_records_visit_ticket', 'records', [sa.text("(payload ->> 'ticket_id')")], unique=False,
                    postgresql_where=sa.text("entity = 'intake_visit'"))


def downgrade() -> None:
    op.drop_index('ix_records_visit_ticket', table_name='records', postgresql_where=sa.text("entity = 'intake_visit'"))
