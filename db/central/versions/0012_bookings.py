"""booked visits: q_bookings, q_booking_settings; the channel of each queue ticket

Revision ID: 0012
Revises: 0011
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('q_tickets', sa.Column('channel', sa.String(length=8), server_default='kiosk', nullable=False))
    op.create_table('q_bookings',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('code', sa.String(length=8), nullable=False),
    sa.Column('group_id', sa.Uuid(), nullable=False),
    sa.Column('group_code', sa.String(length=4), nullable=False),
    sa.Column('service_id', sa.Uuid(), nullable=True),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('slot_start', sa.DateTime(timezone=True), nullable=False),
    sa.Column('slot_end', sa.DateTime(timezone=True), nullable=False),
    sa.Column('release_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('phone_hash', sa.String(length=32), nullable=False),
    sa.Column('phone_last', sa.String(length=4), nullable=False),
    sa.Column('status', sa.String(length=16), server_default='booked', nullable=False),
    sa.Column('ticket_id', sa.Uuid(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('used_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_q_bookings')),
    sa.UniqueConstraint('code', name=op.f('uq_q_bookings_code'))
    )
    op.create_index('ix_q_bookings_group_day', 'q_bookings', ['group_id', 'day', 'status'], unique=False)
    op.create_index('ix_q_bookings_release', 'q_bookings', ['release_at'], unique=False,
                    postgresql_where=sa.text("status = 'booked'"))
    op.create_index('uq_q_bookings_phone', 'q_bookings', ['phone_hash', 'group_id', 'day'], unique=True,
                    postgresql_where=sa.text("status IN ('booked', 'used')"))
    op.create_table('q_booking_settings',
    sa.Column('group_id', sa.Uuid(), nullable=False),
    sa.Column('share_percent', sa.Integer(), server_default='0', nullable=False),
    sa.Column('slot_minutes', sa.Integer(), server_default='30', nullable=False),
    sa.Column('grace_minutes', sa.Integer(), server_default='15', nullable=False),
    sa.Column('early_minutes', sa.Integer(), server_default='30', nullable=False),
    sa.Column('days_ahead', sa.Integer(), server_default='5', nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.PrimaryKeyConstraint('group_id', name=op.f('pk_q_booking_settings'))
    )


def downgrade() -> None:
    op.drop_table('q_booking_settings')
    op.drop_index('uq_q_bookings_phone', table_name='q_bookings', postgresql_where=sa.text("status IN ('booked', 'used')"))
    op.drop_index('ix_q_bookings_release', table_name='q_bookings', postgresql_where=sa.text("status = 'booked'"))
    op.drop_index('ix_q_bookings_group_day', table_name='q_bookings')
    op.drop_table('q_bookings')
    op.drop_column('q_tickets', 'channel')
