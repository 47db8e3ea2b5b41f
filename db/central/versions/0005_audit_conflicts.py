"""audit chains verified on arrival (keys, heads, checkpoints, alerts); conflicts resolved from a screen

Revision ID: 0005
Revises: 0004
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_keys',
    sa.Column('chain_id', sa.String(length=64), nullable=False),
    sa.Column('device_id', sa.Uuid(), nullable=False),
    sa.Column('key_fingerprint', sa.String(length=64), nullable=False),
    sa.Column('wrapped_key', sa.LargeBinary(), nullable=True),
    sa.Column('keyed_from', sa.Integer(), server_default='1', nullable=False),
    sa.Column('public_key', sa.Text(), nullable=True),
    sa.Column('registered_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.PrimaryKeyConstraint('chain_id', name=op.f('pk_audit_keys'))
    )
    op.create_table('audit_chains',
    sa.Column('chain_id', sa.String(length=64), nullable=False),
    sa.Column('last_seq', sa.Integer(), nullable=False),
    sa.Column('last_hash', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.PrimaryKeyConstraint('chain_id', name=op.f('pk_audit_chains'))
    )
    op.create_table('audit_checkpoints',
    sa.Column('id', sa.BigInteger(), sa.Identity(always=True), nullable=False),
    sa.Column('chain_id', sa.String(length=64), nullable=False),
    sa.Column('device_id', sa.Uuid(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.Column('keyed_from', sa.Integer(), nullable=False),
    sa.Column('signed', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_checkpoints')),
    sa.UniqueConstraint('chain_id', 'seq', 'hash', name='uq_audit_checkpoints_chain_seq_hash')
    )
    op.create_table('audit_alerts',
    sa.Column('id', sa.BigInteger(), sa.Identity(always=True), nullable=False),
    sa.Column('chain_id', sa.String(length=64), nullable=False),
    sa.Column('device_id', sa.Uuid(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=True),
    sa.Column('entry_id', sa.Uuid(), nullable=True),
    sa.Column('reason', sa.String(length=32), nullable=False),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_alerts'))
    )
    op.create_index('ix_audit_alerts_chain_id', 'audit_alerts', ['chain_id'], unique=False)
    op.add_column('conflicts', sa.Column('resolution', postgresql.JSONB(astext_type=sa.Text()), nullable=True))
    op.add_column('conflicts', sa.Column('resolved_by', sa.Uuid(), nullable=True))
    op.add_column('conflicts', sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    op.drop_column('conflicts', 'resolved_at')
    op.drop_column('conflicts', 'resolved_by')
    op.drop_column('conflicts', 'resolution')
    op.drop_index('ix_audit_alerts_chain_id', table_name='audit_alerts')
    op.drop_table('audit_alerts')
    op.drop_table('audit_checkpoints')
    op.drop_table('audit_chains')
    op.drop_table('audit_keys')
