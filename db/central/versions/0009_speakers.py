"""q_speakers: one speaking display board per speaker zone (a short lease, queue_speaker.py)

Revision ID: 0009
Revises: 0008
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('q_speakers',
    sa.Column('zone', sa.String(length=40), nullable=False),
    sa.Column('device_id', sa.Uuid(), nullable=False),
    sa.Column('since', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('zone', name=op.f('pk_q_speakers'))
    )


def downgrade() -> None:
    op.drop_table('q_speakers')
