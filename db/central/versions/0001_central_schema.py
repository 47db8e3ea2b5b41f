"""central schema

Revision ID: 0001
Revises: 
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from sqlalchemy.dialects import postgresql

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('change_log',
    sa.Column('seq', sa.BigInteger(), sa.Identity(always=True), nullable=False),
    sa.Column('entity', sa.String(length=64), nullable=False),
    sa.Column('entity_id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('op', sa.String(length=16), nullable=False),
    sa.Column('payload', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('device_id', sa.Uuid(), nullable=True),
    sa.Column('op_id', sa.Uuid(), nullable=True),
    sa.Column('tx_id', sa.Uuid(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_change_log')),
    sa.UniqueConstraint('device_id', 'op_id', name='uq_change_log_device_op')
    )
    op.create_index('ix_change_log_tx_id', 'change_log', ['tx_id'], unique=False)
    op.create_table('conflicts',
    sa.Column('id', sa.BigInteger(), sa.Identity(always=True), nullable=False),
    sa.Column('entity', sa.String(length=64), nullable=False),
    sa.Column('entity_id', sa.Uuid(), nullable=False),
    sa.Column('device_id', sa.Uuid(), nullable=False),
    sa.Column('op_id', sa.Uuid(), nullable=False),
    sa.Column('tx_id', sa.Uuid(), nullable=True),
    sa.Column('base_version', sa.Integer(), nullable=True),
    sa.Column('server_version', sa.Integer(), nullable=True),
    sa.Column('client_payload', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('server_payload', postgresql.JSONB(astext_type=sa.Text()), nullable=True),
    sa.Column('tx_ops', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=16), server_default='open', nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_conflicts')),
    sa.UniqueConstraint('device_id', 'op_id', name='uq_conflicts_device_op')
    )
    op.create_table('device_ops',
    sa.Column('device_id', sa.Uuid(), nullable=False),
    sa.Column('op_id', sa.Uuid(), nullable=False),
    sa.Column('tx_id', sa.Uuid(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=True),
    sa.Column('seq', sa.BigInteger(), nullable=True),
    sa.Column('answered_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.PrimaryKeyConstraint('device_id', 'op_id', name='pk_device_ops')
    )
    op.create_table('devices',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('credential_hash', sa.String(length=64), nullable=True),
    sa.Column('local_device_id', sa.String(length=64), server_default='', nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('enrolled_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_seen_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_devices')),
    sa.UniqueConstraint('credential_hash', name=op.f('uq_devices_credential_hash'))
    )
    op.create_table('enrolment_codes',
    sa.Column('code_hash', sa.String(length=64), nullable=False),
    sa.Column('device_id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('used_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('code_hash', name=op.f('pk_enrolment_codes'))
    )
    op.create_index(op.f('ix_enrolment_codes_device_id'), 'enrolment_codes', ['device_id'], unique=False)
    op.create_table('number_leases',
    sa.Column('id', sa.BigInteger(), sa.Identity(always=True), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('period', sa.String(length=16), nullable=False),
    sa.Column('block', sa.String(length=4), nullable=False),
    sa.Column('device_id', sa.Uuid(), nullable=False),
    sa.Column('leased_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_number_leases')),
    sa.UniqueConstraint('kind', 'period', 'block', name='uq_number_leases_block')
    )
    op.create_table('office',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_office'))
    )
    op.create_table('record_keys',
    sa.Column('entity', sa.String(length=64), nullable=False),
    sa.Column('key_name', sa.String(length=200), nullable=False),
    sa.Column('key_value', sa.Text(), nullable=False),
    sa.Column('entity_id', sa.Uuid(), nullable=False),
    sa.PrimaryKeyConstraint('entity', 'key_name', 'key_value', name='pk_record_keys')
    )
    op.create_index('ix_record_keys_entity_id', 'record_keys', ['entity', 'entity_id'], unique=False)
    op.create_table('records',
    sa.Column('entity', sa.String(length=64), nullable=False),
    sa.Column('entity_id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('payload', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default='false', nullable=False),
    sa.Column('seq', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('entity', 'entity_id', name='pk_records')
    )
    op.create_table('refusals',
    sa.Column('id', sa.BigInteger(), sa.Identity(always=True), nullable=False),
    sa.Column('device_id', sa.Uuid(), nullable=False),
    sa.Column('status_code', sa.Integer(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_refusals'))
    )


def downgrade() -> None:
    op.drop_table('refusals')
    op.drop_table('records')
    op.drop_index('ix_record_keys_entity_id', table_name='record_keys')
    op.drop_table('record_keys')
    op.drop_table('office')
    op.drop_table('number_leases')
    op.drop_index(op.f('ix_enrolment_codes_device_id'), table_name='enrolment_codes')
    op.drop_table('enrolment_codes')
    op.drop_table('devices')
    op.drop_table('device_ops')
    op.drop_table('conflicts')
    op.drop_index('ix_change_log_tx_id', table_name='change_log')
    op.drop_table('change_log')
