"""q_conflicts: a ticket served twice marked as checked by the supervisor (who, when, a note, from which PC)

Revision ID: 0013
Revises: 0012
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('q_conflicts', sa.Column('checked_at', sa.DateTime(timezone=True), nullable=True))
    op.add_column('q_conflicts', sa.Column('checked_by', sa.String(length=200), nullable=True))
    op.add_column('q_conflicts', sa.Column('checked_note', sa.String(length=500), nullable=True))
    op.add_column('q_conflicts', sa.Column('checked_device_id', sa.Uuid(), nullable=True))


def downgrade() -> None:
    op.drop_column('q_conflicts', 'checked_device_id')
    op.drop_column('q_conflicts', 'checked_note')
    op.drop_column('q_conflicts', 'checked_by')
    op.drop_column('q_conflicts', 'checked_at')
