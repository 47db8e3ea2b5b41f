"""counter binding of devices; q_conflicts: offline counter actions on tickets served meanwhile (served twice)

Revision ID: 0008
Revises: 0007
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('devices', sa.Column('counter_numbers', postgresql.ARRAY(sa.Integer()), nullable=True))
    op.create_table('q_conflicts',
    sa.Column('id', sa.BigInteger(), sa.Identity(always=True), nullable=False),
    sa.Column('ticket_id', sa.Uuid(), nullable=False),
    sa.Column('ticket_code', sa.String(length=8), nullable=False),
    sa.Column('service_date', sa.Date(), nullable=False),
    sa.Column('offline_device_id', sa.Uuid(), nullable=False),
    sa.Column('offline_counter_number', sa.Integer(), nullable=False),
    sa.Column('offline_called_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('offline_action', sa.String(length=16), nullable=False),
    sa.Column('offline_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('other_counter_number', sa.Integer(), nullable=True),
    sa.Column('other_status', sa.String(length=16), nullable=False),
    sa.Column('other_called_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('recorded_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_q_conflicts')),
    sa.UniqueConstraint('ticket_id', 'offline_device_id', name='uq_q_conflicts_ticket_device')
    )
    op.create_index('ix_q_conflicts_service_date', 'q_conflicts', ['service_date'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_q_conflicts_service_date', table_name='q_conflicts')
    op.drop_table('q_conflicts')
    op.drop_column('devices', 'counter_numbers')
