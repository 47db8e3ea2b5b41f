"""initial schema

Revision ID: 0001
Revises: 
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import mpp_desk.models.base


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('calendar_override',
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', mpp_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', mpp_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('deleted_at', mpp_desk.models.base.UTCDateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_calendar_override')),
    sa.UniqueConstraint('day', name=op.f('uq_calendar_override_day'))
    )
    op.create_table('local_state',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_local_state'))
    )
    op.create_table('queue_group',
    sa.Column('code', sa.String(length=4), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', mpp_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', mpp_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('deleted_at', mpp_desk.models.base.UTCDateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_queue_group')),
    sa.UniqueConstraint('code', name=op.f('uq_queue_group_code'))
    )
    op.create_table('sync_outbox',
    sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('op_id', sa.Uuid(), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('entity', sa.String(length=64), nullable=False),
    sa.Column('entity_id', sa.Uuid(), nullable=False),
    sa.Column('op', sa.String(length=16), nullable=False),
    sa.Column('base_version', sa.Integer(), nullable=True),
    sa.Column('payload', sa.JSON(), nullable=False),
    sa.Column('created_at', mpp_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('pushed_at', mpp_desk.models.base.UTCDateTime(), nullable=True),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_sync_outbox')),
    sa.UniqueConstraint('op_id', name=op.f('uq_sync_outbox_op_id')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('sync_outbox', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sync_outbox_entity_id'), ['entity_id'], unique=False)

    op.create_table('service_standard',
    sa.Column('annex_number', sa.Integer(), nullable=False),
    sa.Column('product_type', sa.String(length=100), nullable=False),
    sa.Column('risk_level', sa.String(length=50), nullable=False),
    sa.Column('kbli', sa.String(length=5), nullable=False),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('procedure_classifications', sa.JSON(), nullable=False),
    sa.Column('procedure_text', sa.Text(), nullable=False),
    sa.Column('completion_working_days', sa.Integer(), nullable=False),
    sa.Column('completion_text', sa.Text(), nullable=False),
    sa.Column('fee', sa.Text(), nullable=False),
    sa.Column('output', sa.Text(), nullable=False),
    sa.Column('complaint_handling', sa.Text(), nullable=False),
    sa.Column('legal_basis', sa.JSON(), nullable=False),
    sa.Column('facilities', sa.JSON(), nullable=False),
    sa.Column('competencies', sa.JSON(), nullable=False),
    sa.Column('internal_supervision', sa.JSON(), nullable=False),
    sa.Column('service_guarantees', sa.JSON(), nullable=False),
    sa.Column('safety_guarantees', sa.JSON(), nullable=False),
    sa.Column('performance_evaluation', sa.Text(), nullable=False),
    sa.Column('staff_count', sa.Integer(), nullable=True),
    sa.Column('queue_group_id', sa.Uuid(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', mpp_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', mpp_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('deleted_at', mpp_desk.models.base.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['queue_group_id'], ['queue_group.id'], name=op.f('fk_service_standard_queue_group_id_queue_group')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_service_standard')),
    sa.UniqueConstraint('annex_number', name=op.f('uq_service_standard_annex_number'))
    )
    with op.batch_alter_table('service_standard', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_service_standard_kbli'), ['kbli'], unique=False)

    op.create_table('service_requirement',
    sa.Column('service_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', mpp_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', mpp_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('deleted_at', mpp_desk.models.base.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['service_id'], ['service_standard.id'], name=op.f('fk_service_requirement_service_id_service_standard')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_service_requirement'))
    )
    with op.batch_alter_table('service_requirement', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_service_requirement_service_id'), ['service_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('service_requirement', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_service_requirement_service_id'))

    op.drop_table('service_requirement')
    with op.batch_alter_table('service_standard', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_service_standard_kbli'))

    op.drop_table('service_standard')
    with op.batch_alter_table('sync_outbox', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sync_outbox_entity_id'))

    op.drop_table('sync_outbox')
    op.drop_table('queue_group')
    op.drop_table('local_state')
    op.drop_table('calendar_override')
