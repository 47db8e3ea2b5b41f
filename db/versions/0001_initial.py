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
    op.create_table('audit_entry',
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('at', mpp_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('actor_id', sa.Uuid(), nullable=True),
    sa.Column('actor_username', sa.String(length=64), nullable=False),
    sa.Column('action', sa.String(length=64), nullable=False),
    sa.Column('entity', sa.String(length=64), nullable=True),
    sa.Column('entity_id', sa.String(length=64), nullable=True),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('details', sa.JSON(), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', mpp_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', mpp_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('deleted_at', mpp_desk.models.base.UTCDateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_entry')),
    sa.UniqueConstraint('device_id', 'seq', name='uq_audit_entry_device_seq')
    )
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_entry_action'), ['action'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_entry_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_entry_entity_id'), ['entity_id'], unique=False)

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
    op.create_table('complaint_channel',
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('contact', sa.String(length=300), nullable=False),
    sa.Column('on_receipt', sa.Boolean(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', mpp_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', mpp_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('deleted_at', mpp_desk.models.base.UTCDateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_complaint_channel')),
    sa.UniqueConstraint('code', name=op.f('uq_complaint_channel_code'))
    )
    op.create_table('complaint_draft',
    sa.Column('owner', sa.String(length=64), nullable=False),
    sa.Column('slot', sa.String(length=32), nullable=False),
    sa.Column('form', sa.JSON(), nullable=False),
    sa.Column('saved_at', mpp_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', mpp_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', mpp_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('deleted_at', mpp_desk.models.base.UTCDateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_complaint_draft')),
    sa.UniqueConstraint('owner', 'slot', name=op.f('uq_complaint_draft_owner'))
    )
    op.create_table('local_state',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_local_state'))
    )
    op.create_table('queue_break',
    sa.Column('weekday', sa.Integer(), nullable=False),
    sa.Column('start_time', sa.Time(), nullable=False),
    sa.Column('end_time', sa.Time(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', mpp_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', mpp_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('deleted_at', mpp_desk.models.base.UTCDateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_queue_break'))
    )
    op.create_table('queue_counter',
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', mpp_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', mpp_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('deleted_at', mpp_desk.models.base.UTCDateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_queue_counter')),
    sa.UniqueConstraint('number', name=op.f('uq_queue_counter_number'))
    )
    op.create_table('queue_group',
    sa.Column('code', sa.String(length=4), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('open_time', sa.Time(), nullable=False),
    sa.Column('close_time', sa.Time(), nullable=False),
    sa.Column('daily_limit', sa.Integer(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', mpp_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', mpp_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('deleted_at', mpp_desk.models.base.UTCDateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_queue_group')),
    sa.UniqueConstraint('code', name=op.f('uq_queue_group_code'))
    )
    op.create_table('setting',
    sa.Column('scope', sa.String(length=8), nullable=False),
    sa.Column('pc_id', sa.String(length=36), nullable=False),
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.JSON(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', mpp_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', mpp_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('deleted_at', mpp_desk.models.base.UTCDateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_setting')),
    sa.UniqueConstraint('scope', 'pc_id', 'key', name='uq_setting_scope_pc_key')
    )
    op.create_table('staff_user',
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('full_name', sa.String(length=200), nullable=False),
    sa.Column('role', sa.String(length=32), nullable=False),
    sa.Column('password_hash', sa.String(length=255), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('must_change_password', sa.Boolean(), nullable=False),
    sa.Column('failed_attempts', sa.Integer(), nullable=False),
    sa.Column('locked_until', mpp_desk.models.base.UTCDateTime(), nullable=True),
    sa.Column('password_changed_at', mpp_desk.models.base.UTCDateTime(), nullable=True),
    sa.Column('last_sign_in_at', mpp_desk.models.base.UTCDateTime(), nullable=True),
    sa.Column('pin_hash', sa.String(length=255), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', mpp_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', mpp_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('deleted_at', mpp_desk.models.base.UTCDateTime(), nullable=True),
    sa.CheckConstraint('username = lower(username)', name=op.f('ck_staff_user_username_lower')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff_user')),
    sa.UniqueConstraint('username', name=op.f('uq_staff_user_username'))
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

    op.create_table('queue_counter_group',
    sa.Column('counter_id', sa.Uuid(), nullable=False),
    sa.Column('group_id', sa.Uuid(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', mpp_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', mpp_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('deleted_at', mpp_desk.models.base.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['counter_id'], ['queue_counter.id'], name=op.f('fk_queue_counter_group_counter_id_queue_counter')),
    sa.ForeignKeyConstraint(['group_id'], ['queue_group.id'], name=op.f('fk_queue_counter_group_group_id_queue_group')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_queue_counter_group')),
    sa.UniqueConstraint('counter_id', 'group_id', name=op.f('uq_queue_counter_group_counter_id'))
    )
    with op.batch_alter_table('queue_counter_group', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_queue_counter_group_group_id'), ['group_id'], unique=False)

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

    op.create_table('complaint_case',
    sa.Column('case_number', sa.String(length=40), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('channel', sa.String(length=32), nullable=False),
    sa.Column('received_at', mpp_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('anonymous', sa.Boolean(), nullable=False),
    sa.Column('reporter_name', sa.String(length=200), nullable=False),
    sa.Column('reporter_nik', sa.String(length=16), nullable=False),
    sa.Column('reporter_phone', sa.String(length=20), nullable=False),
    sa.Column('reporter_email', sa.String(length=254), nullable=False),
    sa.Column('reporter_address', sa.Text(), nullable=False),
    sa.Column('service_id', sa.Uuid(), nullable=True),
    sa.Column('service_other', sa.String(length=300), nullable=False),
    sa.Column('service_received_on', sa.Date(), nullable=True),
    sa.Column('substance', sa.Text(), nullable=False),
    sa.Column('late', sa.Boolean(), nullable=False),
    sa.Column('late_decision', sa.String(length=16), nullable=True),
    sa.Column('late_decision_note', sa.Text(), nullable=False),
    sa.Column('assess_reasons', sa.JSON(), nullable=False),
    sa.Column('respond_by', sa.Date(), nullable=False),
    sa.Column('lapor_id', sa.String(length=40), nullable=False),
    sa.Column('lapor_direction', sa.String(length=8), nullable=False),
    sa.Column('sector', sa.String(length=200), nullable=False),
    sa.Column('problem_type', sa.String(length=32), nullable=False),
    sa.Column('resolution_path', sa.String(length=16), nullable=False),
    sa.Column('assignee_id', sa.Uuid(), nullable=True),
    sa.Column('responded_on', sa.Date(), nullable=True),
    sa.Column('closed_at', mpp_desk.models.base.UTCDateTime(), nullable=True),
    sa.Column('outcome', sa.Text(), nullable=False),
    sa.Column('receipt_prints', sa.Integer(), nullable=False),
    sa.Column('step_count', sa.Integer(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', mpp_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', mpp_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('deleted_at', mpp_desk.models.base.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['assignee_id'], ['staff_user.id'], name=op.f('fk_complaint_case_assignee_id_staff_user')),
    sa.ForeignKeyConstraint(['service_id'], ['service_standard.id'], name=op.f('fk_complaint_case_service_id_service_standard')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_complaint_case')),
    sa.UniqueConstraint('case_number', name=op.f('uq_complaint_case_case_number'))
    )
    with op.batch_alter_table('complaint_case', schema=None) as batch_op:
        batch_op.create_index('ix_complaint_case_assignee', ['assignee_id', 'status'], unique=False)
        batch_op.create_index('ix_complaint_case_nik', ['reporter_nik'], unique=False)
        batch_op.create_index('ix_complaint_case_open_due', ['respond_by', 'responded_on'], unique=False, sqlite_where=sa.text("status = 'open'"), postgresql_where=sa.text("status = 'open'"))
        batch_op.create_index('ix_complaint_case_phone', ['reporter_phone'], unique=False)
        batch_op.create_index('ix_complaint_case_problem', ['problem_type', 'received_on'], unique=False)
        batch_op.create_index('ix_complaint_case_received_on', ['received_on', 'kind'], unique=False)
        batch_op.create_index('ix_complaint_case_service', ['service_id', 'received_on'], unique=False)

    op.create_table('queue_ticket',
    sa.Column('group_id', sa.Uuid(), nullable=False),
    sa.Column('route_group_id', sa.Uuid(), nullable=False),
    sa.Column('service_id', sa.Uuid(), nullable=True),
    sa.Column('service_date', sa.Date(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=8), nullable=False),
    sa.Column('priority', sa.Boolean(), nullable=False),
    sa.Column('priority_reason', sa.String(length=32), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('issued_at', mpp_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('first_called_at', mpp_desk.models.base.UTCDateTime(), nullable=True),
    sa.Column('called_at', mpp_desk.models.base.UTCDateTime(), nullable=True),
    sa.Column('counter_id', sa.Uuid(), nullable=True),
    sa.Column('target_counter_id', sa.Uuid(), nullable=True),
    sa.Column('served_started_at', mpp_desk.models.base.UTCDateTime(), nullable=True),
    sa.Column('finished_at', mpp_desk.models.base.UTCDateTime(), nullable=True),
    sa.Column('outcome', sa.String(length=32), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('printed', sa.Boolean(), nullable=False),
    sa.Column('recall_count', sa.Integer(), nullable=False),
    sa.Column('transfer_count', sa.Integer(), nullable=False),
    sa.Column('transferred_at', mpp_desk.models.base.UTCDateTime(), nullable=True),
    sa.Column('transferred_from_group_id', sa.Uuid(), nullable=True),
    sa.Column('transferred_from_counter_id', sa.Uuid(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', mpp_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', mpp_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('deleted_at', mpp_desk.models.base.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['counter_id'], ['queue_counter.id'], name=op.f('fk_queue_ticket_counter_id_queue_counter')),
    sa.ForeignKeyConstraint(['group_id'], ['queue_group.id'], name=op.f('fk_queue_ticket_group_id_queue_group')),
    sa.ForeignKeyConstraint(['route_group_id'], ['queue_group.id'], name=op.f('fk_queue_ticket_route_group_id_queue_group')),
    sa.ForeignKeyConstraint(['service_id'], ['service_standard.id'], name=op.f('fk_queue_ticket_service_id_service_standard')),
    sa.ForeignKeyConstraint(['target_counter_id'], ['queue_counter.id'], name=op.f('fk_queue_ticket_target_counter_id_queue_counter')),
    sa.ForeignKeyConstraint(['transferred_from_counter_id'], ['queue_counter.id'], name=op.f('fk_queue_ticket_transferred_from_counter_id_queue_counter')),
    sa.ForeignKeyConstraint(['transferred_from_group_id'], ['queue_group.id'], name=op.f('fk_queue_ticket_transferred_from_group_id_queue_group')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_queue_ticket')),
    sa.UniqueConstraint('group_id', 'service_date', 'number', name=op.f('uq_queue_ticket_group_id'))
    )
    with op.batch_alter_table('queue_ticket', schema=None) as batch_op:
        batch_op.create_index('ix_queue_ticket_counter_status', ['counter_id', 'status'], unique=False)
        batch_op.create_index('ix_queue_ticket_service_date_status', ['service_date', 'status'], unique=False)
        batch_op.create_index('ix_queue_ticket_waiting', ['route_group_id', 'service_date', 'priority', 'issued_at', 'target_counter_id'], unique=False, sqlite_where=sa.text("status = 'waiting'"), postgresql_where=sa.text("status = 'waiting'"))
        batch_op.create_index('ix_queue_ticket_waiting_target', ['target_counter_id', 'service_date', 'priority', 'issued_at'], unique=False, sqlite_where=sa.text("status = 'waiting'"), postgresql_where=sa.text("status = 'waiting'"))

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

    op.create_table('complaint_attachment',
    sa.Column('case_id', sa.Uuid(), nullable=False),
    sa.Column('filename', sa.String(length=255), nullable=False),
    sa.Column('path', sa.String(length=255), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('mime', sa.String(length=64), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', mpp_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', mpp_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('deleted_at', mpp_desk.models.base.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['complaint_case.id'], name=op.f('fk_complaint_attachment_case_id_complaint_case')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_complaint_attachment'))
    )
    with op.batch_alter_table('complaint_attachment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_complaint_attachment_case_id'), ['case_id'], unique=False)

    op.create_table('complaint_step',
    sa.Column('case_id', sa.Uuid(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('type', sa.String(length=24), nullable=False),
    sa.Column('at', mpp_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('actor_id', sa.Uuid(), nullable=True),
    sa.Column('actor_username', sa.String(length=64), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('path', sa.String(length=16), nullable=False),
    sa.Column('level', sa.String(length=32), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', mpp_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', mpp_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('deleted_at', mpp_desk.models.base.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['complaint_case.id'], name=op.f('fk_complaint_step_case_id_complaint_case')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_complaint_step')),
    sa.UniqueConstraint('case_id', 'seq', name=op.f('uq_complaint_step_case_id'))
    )
    op.create_table('intake_visit',
    sa.Column('service_id', sa.Uuid(), nullable=False),
    sa.Column('service_annex_number', sa.Integer(), nullable=False),
    sa.Column('service_title', sa.String(length=500), nullable=False),
    sa.Column('service_kbli', sa.String(length=5), nullable=False),
    sa.Column('product_type', sa.String(length=100), nullable=False),
    sa.Column('risk_level', sa.String(length=50), nullable=False),
    sa.Column('completion_working_days', sa.Integer(), nullable=False),
    sa.Column('fee', sa.Text(), nullable=False),
    sa.Column('output', sa.Text(), nullable=False),
    sa.Column('ticket_id', sa.Uuid(), nullable=True),
    sa.Column('previous_visit_id', sa.Uuid(), nullable=True),
    sa.Column('officer_id', sa.Uuid(), nullable=True),
    sa.Column('officer_username', sa.String(length=64), nullable=False),
    sa.Column('officer_name', sa.String(length=200), nullable=False),
    sa.Column('counter_number', sa.Integer(), nullable=True),
    sa.Column('started_at', mpp_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('finished_at', mpp_desk.models.base.UTCDateTime(), nullable=True),
    sa.Column('outcome', sa.String(length=16), nullable=True),
    sa.Column('applicant_kind', sa.String(length=16), nullable=False),
    sa.Column('nik', sa.String(length=16), nullable=False),
    sa.Column('full_name', sa.String(length=200), nullable=False),
    sa.Column('name_key', sa.String(length=200), nullable=False),
    sa.Column('phone', sa.String(length=20), nullable=False),
    sa.Column('address', sa.Text(), nullable=False),
    sa.Column('business_name', sa.String(length=300), nullable=False),
    sa.Column('business_name_key', sa.String(length=300), nullable=False),
    sa.Column('nib', sa.String(length=13), nullable=False),
    sa.Column('npwp', sa.String(length=16), nullable=False),
    sa.Column('business_kbli', sa.String(length=5), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', mpp_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', mpp_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('deleted_at', mpp_desk.models.base.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['officer_id'], ['staff_user.id'], name=op.f('fk_intake_visit_officer_id_staff_user')),
    sa.ForeignKeyConstraint(['previous_visit_id'], ['intake_visit.id'], name=op.f('fk_intake_visit_previous_visit_id_intake_visit')),
    sa.ForeignKeyConstraint(['service_id'], ['service_standard.id'], name=op.f('fk_intake_visit_service_id_service_standard')),
    sa.ForeignKeyConstraint(['ticket_id'], ['queue_ticket.id'], name=op.f('fk_intake_visit_ticket_id_queue_ticket')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_intake_visit'))
    )
    with op.batch_alter_table('intake_visit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_intake_visit_business_kbli'), ['business_kbli'], unique=False)
        batch_op.create_index(batch_op.f('ix_intake_visit_business_name_key'), ['business_name_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_intake_visit_name_key'), ['name_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_intake_visit_nib'), ['nib'], unique=False)
        batch_op.create_index(batch_op.f('ix_intake_visit_nik'), ['nik'], unique=False)
        batch_op.create_index('ix_intake_visit_officer_started', ['officer_id', 'started_at'], unique=False)
        batch_op.create_index('ix_intake_visit_outcome_finished', ['outcome', 'finished_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_intake_visit_previous_visit_id'), ['previous_visit_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_intake_visit_service_kbli'), ['service_kbli'], unique=False)
        batch_op.create_index(batch_op.f('ix_intake_visit_ticket_id'), ['ticket_id'], unique=False)

    op.create_table('queue_event',
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('type', sa.String(length=16), nullable=False),
    sa.Column('ticket_id', sa.Uuid(), nullable=False),
    sa.Column('ticket_code', sa.String(length=8), nullable=False),
    sa.Column('group_code', sa.String(length=4), nullable=False),
    sa.Column('counter_number', sa.Integer(), nullable=True),
    sa.Column('service_date', sa.Date(), nullable=False),
    sa.Column('at', mpp_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('detail', sa.String(length=64), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', mpp_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', mpp_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('deleted_at', mpp_desk.models.base.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['ticket_id'], ['queue_ticket.id'], name=op.f('fk_queue_event_ticket_id_queue_ticket')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_queue_event')),
    sa.UniqueConstraint('seq', name=op.f('uq_queue_event_seq'))
    )
    with op.batch_alter_table('queue_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_queue_event_ticket_id'), ['ticket_id'], unique=False)

    op.create_table('intake_application',
    sa.Column('visit_id', sa.Uuid(), nullable=False),
    sa.Column('registration_number', sa.String(length=40), nullable=False),
    sa.Column('reg_year', sa.Integer(), nullable=False),
    sa.Column('reg_month', sa.Integer(), nullable=False),
    sa.Column('reg_block', sa.Integer(), nullable=False),
    sa.Column('reg_sequence', sa.Integer(), nullable=False),
    sa.Column('received_at', mpp_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('received_date', sa.Date(), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('status_changed_at', mpp_desk.models.base.UTCDateTime(), nullable=True),
    sa.Column('finished_at', mpp_desk.models.base.UTCDateTime(), nullable=True),
    sa.Column('rejection_reason', sa.Text(), nullable=False),
    sa.Column('handed_over_to', sa.String(length=200), nullable=False),
    sa.Column('handed_over_at', mpp_desk.models.base.UTCDateTime(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', mpp_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', mpp_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('deleted_at', mpp_desk.models.base.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['visit_id'], ['intake_visit.id'], name=op.f('fk_intake_application_visit_id_intake_visit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_intake_application')),
    sa.UniqueConstraint('reg_year', 'reg_month', 'reg_block', 'reg_sequence', name=op.f('uq_intake_application_reg_year')),
    sa.UniqueConstraint('registration_number', name=op.f('uq_intake_application_registration_number')),
    sa.UniqueConstraint('visit_id', name=op.f('uq_intake_application_visit_id'))
    )
    with op.batch_alter_table('intake_application', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_intake_application_received_date'), ['received_date'], unique=False)
        batch_op.create_index('ix_intake_application_status_due', ['status', 'due_date'], unique=False)

    op.create_table('intake_checklist_item',
    sa.Column('visit_id', sa.Uuid(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', mpp_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', mpp_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('deleted_at', mpp_desk.models.base.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['visit_id'], ['intake_visit.id'], name=op.f('fk_intake_checklist_item_visit_id_intake_visit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_intake_checklist_item')),
    sa.UniqueConstraint('visit_id', 'position', name=op.f('uq_intake_checklist_item_visit_id'))
    )
    op.create_table('intake_receipt',
    sa.Column('visit_id', sa.Uuid(), nullable=False),
    sa.Column('application_id', sa.Uuid(), nullable=True),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('copy_number', sa.Integer(), nullable=False),
    sa.Column('size', sa.String(length=8), nullable=False),
    sa.Column('issued_at', mpp_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('issued_by', sa.String(length=64), nullable=False),
    sa.Column('pdf_path', sa.String(length=300), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('token', sa.Text(), nullable=False),
    sa.Column('printed_at', mpp_desk.models.base.UTCDateTime(), nullable=True),
    sa.Column('printed_on', sa.String(length=200), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', mpp_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', mpp_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('deleted_at', mpp_desk.models.base.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['application_id'], ['intake_application.id'], name=op.f('fk_intake_receipt_application_id_intake_application')),
    sa.ForeignKeyConstraint(['visit_id'], ['intake_visit.id'], name=op.f('fk_intake_receipt_visit_id_intake_visit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_intake_receipt')),
    sa.UniqueConstraint('visit_id', 'kind', 'copy_number', name=op.f('uq_intake_receipt_visit_id'))
    )
    with op.batch_alter_table('intake_receipt', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_intake_receipt_application_id'), ['application_id'], unique=False)

    op.create_table('intake_status_change',
    sa.Column('application_id', sa.Uuid(), nullable=False),
    sa.Column('from_status', sa.String(length=16), nullable=True),
    sa.Column('to_status', sa.String(length=16), nullable=False),
    sa.Column('at', mpp_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('actor_id', sa.Uuid(), nullable=True),
    sa.Column('actor_username', sa.String(length=64), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('handed_over_to', sa.String(length=200), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', mpp_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', mpp_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('deleted_at', mpp_desk.models.base.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['application_id'], ['intake_application.id'], name=op.f('fk_intake_status_change_application_id_intake_application')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_intake_status_change'))
    )
    with op.batch_alter_table('intake_status_change', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_intake_status_change_application_id'), ['application_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('intake_status_change', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_intake_status_change_application_id'))

    op.drop_table('intake_status_change')
    with op.batch_alter_table('intake_receipt', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_intake_receipt_application_id'))

    op.drop_table('intake_receipt')
    op.drop_table('intake_checklist_item')
    with op.batch_alter_table('intake_application', schema=None) as batch_op:
        batch_op.drop_index('ix_intake_application_status_due')
        batch_op.drop_index(batch_op.f('ix_intake_application_received_date'))

    op.drop_table('intake_application')
    with op.batch_alter_table('queue_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_queue_event_ticket_id'))

    op.drop_table('queue_event')
    with op.batch_alter_table('intake_visit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_intake_visit_ticket_id'))
        batch_op.drop_index(batch_op.f('ix_intake_visit_service_kbli'))
        batch_op.drop_index(batch_op.f('ix_intake_visit_previous_visit_id'))
        batch_op.drop_index('ix_intake_visit_outcome_finished')
        batch_op.drop_index('ix_intake_visit_officer_started')
        batch_op.drop_index(batch_op.f('ix_intake_visit_nik'))
        batch_op.drop_index(batch_op.f('ix_intake_visit_nib'))
        batch_op.drop_index(batch_op.f('ix_intake_visit_name_key'))
        batch_op.drop_index(batch_op.f('ix_intake_visit_business_name_key'))
        batch_op.drop_index(batch_op.f('ix_intake_visit_business_kbli'))

    op.drop_table('intake_visit')
    op.drop_table('complaint_step')
    with op.batch_alter_table('complaint_attachment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_complaint_attachment_case_id'))

    op.drop_table('complaint_attachment')
    with op.batch_alter_table('service_requirement', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_service_requirement_service_id'))

    op.drop_table('service_requirement')
    with op.batch_alter_table('queue_ticket', schema=None) as batch_op:
        batch_op.drop_index('ix_queue_ticket_waiting_target', sqlite_where=sa.text("status = 'waiting'"), postgresql_where=sa.text("status = 'waiting'"))
        batch_op.drop_index('ix_queue_ticket_waiting', sqlite_where=sa.text("status = 'waiting'"), postgresql_where=sa.text("status = 'waiting'"))
        batch_op.drop_index('ix_queue_ticket_service_date_status')
        batch_op.drop_index('ix_queue_ticket_counter_status')

    op.drop_table('queue_ticket')
    with op.batch_alter_table('complaint_case', schema=None) as batch_op:
        batch_op.drop_index('ix_complaint_case_service')
        batch_op.drop_index('ix_complaint_case_received_on')
        batch_op.drop_index('ix_complaint_case_problem')
        batch_op.drop_index('ix_complaint_case_phone')
        batch_op.drop_index('ix_complaint_case_open_due', sqlite_where=sa.text("status = 'open'"), postgresql_where=sa.text("status = 'open'"))
        batch_op.drop_index('ix_complaint_case_nik')
        batch_op.drop_index('ix_complaint_case_assignee')

    op.drop_table('complaint_case')
    with op.batch_alter_table('service_standard', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_service_standard_kbli'))

    op.drop_table('service_standard')
    with op.batch_alter_table('queue_counter_group', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_queue_counter_group_group_id'))

    op.drop_table('queue_counter_group')
    with op.batch_alter_table('sync_outbox', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sync_outbox_entity_id'))

    op.drop_table('sync_outbox')
    op.drop_table('staff_user')
    op.drop_table('setting')
    op.drop_table('queue_group')
    op.drop_table('queue_counter')
    op.drop_table('queue_break')
    op.drop_table('local_state')
    op.drop_table('complaint_draft')
    op.drop_table('complaint_channel')
    op.drop_table('calendar_override')
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_entry_entity_id'))
        batch_op.drop_index(batch_op.f('ix_audit_entry_at'))
        batch_op.drop_index(batch_op.f('ix_audit_entry_action'))

    op.drop_table('audit_entry')
