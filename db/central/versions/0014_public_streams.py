"""public_streams: the public live-queue streams open at once per client, shared by every server process (UNLOGGED)

Revision ID: 0014
Revises: 0013
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('public_streams',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('process', sa.String(length=64), nullable=False),
    sa.Column('opened_at', sa.Float(), nullable=False),
    sa.Column('seen_at', sa.Float(), nullable=False),
    sa.PrimaryKeyConstraint('id', name='pk_public_streams'),
    prefixes=['UNLOGGED'],
    )
    op.create_index('ix_public_streams_key', 'public_streams', ['key'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_public_streams_key', table_name='public_streams')
    op.drop_table('public_streams')
