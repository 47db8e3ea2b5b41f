"""the live queue: server-issued tickets, numbers per group and day, events, counters, answered requests, kiosk blocks

Revision ID: 0006
Revises: 0005
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('q_tickets',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('group_id', sa.Uuid(), nullable=False),
    sa.Column('group_code', sa.String(length=4), nullable=False),
    sa.Column('route_group_id', sa.Uuid(), nullable=False),
    sa.Column('route_group_code', sa.String(length=4), nullable=False),
    sa.Column('service_id', sa.Uuid(), nullable=True),
    sa.Column('service_date', sa.Date(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=8), nullable=False),
    sa.Column('priority', sa.Boolean(), server_default='false', nullable=False),
    sa.Column('priority_reason', sa.String(length=32), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('issued_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('first_called_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('called_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('counter_number', sa.Integer(), nullable=True),
    sa.Column('target_counter_number', sa.Integer(), nullable=True),
    sa.Column('served_started_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('outcome', sa.String(length=32), nullable=True),
    sa.Column('note', sa.Text(), server_default='', nullable=False),
    sa.Column('printed', sa.Boolean(), server_default='false', nullable=False),
    sa.Column('recall_count', sa.Integer(), server_default='0', nullable=False),
    sa.Column('transfer_count', sa.Integer(), server_default='0', nullable=False),
    sa.Column('transferred_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('transferred_from_group_code', sa.String(length=4), nullable=True),
    sa.Column('transferred_from_counter_number', sa.Integer(), nullable=True),
    sa.Column('issued_by', sa.Uuid(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_q_tickets')),
    sa.UniqueConstraint('group_id', 'service_date', 'number', name='uq_q_tickets_number')
    )
    op.create_index('ix_q_tickets_waiting', 'q_tickets', ['service_date', 'priority', 'issued_at'], unique=False,
                    postgresql_where=sa.text("status = 'waiting'"))
    op.create_index('ix_q_tickets_counter_status', 'q_tickets', ['counter_number', 'status'], unique=False)
    op.create_index('ix_q_tickets_service_date_status', 'q_tickets', ['service_date', 'status'], unique=False)
    op.create_table('q_numbers',
    sa.Column('group_id', sa.Uuid(), nullable=False),
    sa.Column('service_date', sa.Date(), nullable=False),
    sa.Column('last_number', sa.Integer(), nullable=False),
    sa.Column('last_issued_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('group_id', 'service_date', name='pk_q_numbers')
    )
    op.create_table('q_events',
    sa.Column('seq', sa.BigInteger(), sa.Identity(always=True), nullable=False),
    sa.Column('type', sa.String(length=16), nullable=False),
    sa.Column('ticket_id', sa.Uuid(), nullable=False),
    sa.Column('ticket_code', sa.String(length=8), nullable=False),
    sa.Column('group_code', sa.String(length=4), nullable=False),
    sa.Column('counter_number', sa.Integer(), nullable=True),
    sa.Column('service_date', sa.Date(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('detail', sa.String(length=64), server_default='', nullable=False),
    sa.Column('device_id', sa.Uuid(), nullable=True),
    sa.Column('logged_at', sa.DateTime(timezone=True), server_default=sa.text('clock_timestamp()'), nullable=False),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_q_events'))
    )
    op.create_index('ix_q_events_service_date_seq', 'q_events', ['service_date', 'seq'], unique=False)
    op.create_table('q_counters',
    sa.Column('counter_number', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('ticket_id', sa.Uuid(), nullable=True),
    sa.Column('device_id', sa.Uuid(), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.PrimaryKeyConstraint('counter_number', name=op.f('pk_q_counters'))
    )
    op.create_table('q_ops',
    sa.Column('device_id', sa.Uuid(), nullable=False),
    sa.Column('op_id', sa.Uuid(), nullable=False),
    sa.Column('answer', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('answered_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.PrimaryKeyConstraint('device_id', 'op_id', name='pk_q_ops')
    )
    op.create_table('q_blocks',
    sa.Column('id', sa.BigInteger(), sa.Identity(always=True), nullable=False),
    sa.Column('device_id', sa.Uuid(), nullable=False),
    sa.Column('group_id', sa.Uuid(), nullable=False),
    sa.Column('service_date', sa.Date(), nullable=False),
    sa.Column('first_number', sa.Integer(), nullable=False),
    sa.Column('last_number', sa.Integer(), nullable=False),
    sa.Column('leased_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_q_blocks'))
    )
    op.create_index('ix_q_blocks_device_group_date', 'q_blocks', ['device_id', 'group_id', 'service_date'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_q_blocks_device_group_date', table_name='q_blocks')
    op.drop_table('q_blocks')
    op.drop_table('q_ops')
    op.drop_table('q_counters')
    op.drop_index('ix_q_events_service_date_seq', table_name='q_events')
    op.drop_table('q_events')
    op.drop_table('q_numbers')
    op.drop_index('ix_q_tickets_service_date_status', table_name='q_tickets')
    op.drop_index('ix_q_tickets_counter_status', table_name='q_tickets')
    op.drop_index('ix_q_tickets_waiting', table_name='q_tickets')
    op.drop_table('q_tickets')
