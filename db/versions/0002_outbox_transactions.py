"""outbox rows name their local transaction and keep the server's answer

Revision ID: 0002
Revises: 0001
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('sync_outbox', schema=None) as batch_op:
        batch_op.add_column(sa.Column('tx_id', sa.Uuid(), nullable=True))
        batch_op.add_column(sa.Column('result', sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column('result_reason', sa.Text(), nullable=True))
        batch_op.create_index(batch_op.f('ix_sync_outbox_tx_id'), ['tx_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('sync_outbox', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sync_outbox_tx_id'))
        batch_op.drop_column('result_reason')
        batch_op.drop_column('result')
        batch_op.drop_column('tx_id')
