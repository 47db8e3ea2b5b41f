"""public_limits: the public pages' rate limits, shared by every server process (UNLOGGED token buckets)

Revision ID: 0010
Revises: 0009
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('public_limits',
    sa.Column('bucket', sa.String(length=16), nullable=False),
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('tokens', sa.Float(), nullable=False),
    sa.Column('at', sa.Float(), nullable=False),
    sa.Column('refused', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('bucket', 'key', name='pk_public_limits'),
    prefixes=['UNLOGGED'],
    )
    op.create_index('ix_public_limits_at', 'public_limits', ['at'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_public_limits_at', table_name='public_limits')
    op.drop_table('public_limits')
