"""Standards upkeep: Lampiran IV procedure classifications and the standards' evaluations (Evaluasi Kinerja)

Revision ID: 0004
Revises: 0003
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import mpp_desk.models.base


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('procedure_classification',
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('steps', sa.JSON(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', mpp_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', mpp_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('deleted_at', mpp_desk.models.base.UTCDateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_procedure_classification')),
    sa.UniqueConstraint('number', name=op.f('uq_procedure_classification_number'))
    )
    op.create_table('standard_evaluation',
    sa.Column('service_id', sa.Uuid(), nullable=False),
    sa.Column('evaluated_on', sa.Date(), nullable=False),
    sa.Column('evaluator', sa.String(length=300), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('recorded_by', sa.String(length=64), nullable=False),
    sa.Column('document_filename', sa.String(length=255), nullable=False),
    sa.Column('document_path', sa.String(length=255), nullable=False),
    sa.Column('document_sha256', sa.String(length=64), nullable=False),
    sa.Column('document_size', sa.Integer(), nullable=False),
    sa.Column('document_mime', sa.String(length=64), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', mpp_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', mpp_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('deleted_at', mpp_desk.models.base.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['service_id'], ['service_standard.id'], name=op.f('fk_standard_evaluation_service_id_service_standard')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_standard_evaluation'))
    )
    with op.batch_alter_table('standard_evaluation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_standard_evaluation_evaluated_on'), ['evaluated_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_standard_evaluation_service_id'), ['service_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('standard_evaluation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_standard_evaluation_service_id'))
        batch_op.drop_index(batch_op.f('ix_standard_evaluation_evaluated_on'))

    op.drop_table('standard_evaluation')
    op.drop_table('procedure_classification')
