"""survey16 survey

Revision ID: 0003
Revises: 0002
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import mpp_desk.models.base


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('survey_invite',
    sa.Column('at', mpp_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('counter_number', sa.Integer(), nullable=True),
    sa.Column('service_id', sa.Uuid(), nullable=True),
    sa.Column('service_kbli', sa.String(length=5), nullable=False),
    sa.Column('service_title', sa.String(length=500), nullable=False),
    sa.Column('ticket_id', sa.Uuid(), nullable=True),
    sa.Column('application_id', sa.Uuid(), nullable=True),
    sa.Column('officer_username', sa.String(length=64), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', mpp_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', mpp_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('deleted_at', mpp_desk.models.base.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['application_id'], ['intake_application.id'], name=op.f('fk_survey_invite_application_id_intake_application')),
    sa.ForeignKeyConstraint(['service_id'], ['service_standard.id'], name=op.f('fk_survey_invite_service_id_service_standard')),
    sa.ForeignKeyConstraint(['ticket_id'], ['queue_ticket.id'], name=op.f('fk_survey_invite_ticket_id_queue_ticket')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_survey_invite'))
    )
    with op.batch_alter_table('survey_invite', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_survey_invite_at'), ['at'], unique=False)

    op.create_table('survey_response',
    sa.Column('submitted_at', mpp_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('submitted_on', sa.Date(), nullable=False),
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.Column('service_id', sa.Uuid(), nullable=True),
    sa.Column('service_kbli', sa.String(length=5), nullable=False),
    sa.Column('service_title', sa.String(length=500), nullable=False),
    sa.Column('ticket_id', sa.Uuid(), nullable=True),
    sa.Column('application_id', sa.Uuid(), nullable=True),
    sa.Column('invite_id', sa.Uuid(), nullable=True),
    sa.Column('import_ref', sa.String(length=40), nullable=True),
    sa.Column('age', sa.Integer(), nullable=True),
    sa.Column('age_group', sa.String(length=8), nullable=False),
    sa.Column('sex', sa.String(length=1), nullable=False),
    sa.Column('education', sa.String(length=8), nullable=False),
    sa.Column('occupation', sa.String(length=16), nullable=False),
    sa.Column('u1', sa.SmallInteger(), nullable=True),
    sa.Column('u2', sa.SmallInteger(), nullable=True),
    sa.Column('u3', sa.SmallInteger(), nullable=True),
    sa.Column('u4', sa.SmallInteger(), nullable=True),
    sa.Column('u5', sa.SmallInteger(), nullable=True),
    sa.Column('u6', sa.SmallInteger(), nullable=True),
    sa.Column('u7', sa.SmallInteger(), nullable=True),
    sa.Column('u8', sa.SmallInteger(), nullable=True),
    sa.Column('u9', sa.SmallInteger(), nullable=True),
    sa.Column('suggestion', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', mpp_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', mpp_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('deleted_at', mpp_desk.models.base.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['application_id'], ['intake_application.id'], name=op.f('fk_survey_response_application_id_intake_application')),
    sa.ForeignKeyConstraint(['invite_id'], ['survey_invite.id'], name=op.f('fk_survey_response_invite_id_survey_invite')),
    sa.ForeignKeyConstraint(['service_id'], ['service_standard.id'], name=op.f('fk_survey_response_service_id_service_standard')),
    sa.ForeignKeyConstraint(['ticket_id'], ['queue_ticket.id'], name=op.f('fk_survey_response_ticket_id_queue_ticket')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_survey_response')),
    sa.UniqueConstraint('application_id', name=op.f('uq_survey_response_application_id')),
    sa.UniqueConstraint('import_ref', name=op.f('uq_survey_response_import_ref')),
    sa.UniqueConstraint('invite_id', name=op.f('uq_survey_response_invite_id')),
    sa.UniqueConstraint('ticket_id', name=op.f('uq_survey_response_ticket_id'))
    )
    with op.batch_alter_table('survey_response', schema=None) as batch_op:
        batch_op.create_index('ix_survey_response_period', ['submitted_on', 'deleted_at', 'service_kbli', 'u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9', 'age_group', 'sex', 'education', 'occupation'], unique=False)
        batch_op.create_index('ix_survey_response_suggestion', ['submitted_on'], unique=False, sqlite_where=sa.text("suggestion != ''"), postgresql_where=sa.text("suggestion != ''"))



def downgrade() -> None:
    with op.batch_alter_table('survey_response', schema=None) as batch_op:
        batch_op.drop_index('ix_survey_response_suggestion', sqlite_where=sa.text("suggestion != ''"), postgresql_where=sa.text("suggestion != ''"))
        batch_op.drop_index('ix_survey_response_period')

    op.drop_table('survey_response')
    with op.batch_alter_table('survey_invite', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_survey_invite_at'))

    op.drop_table('survey_invite')
