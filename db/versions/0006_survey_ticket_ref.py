"""survey: a response's or hand-over's ticket may be a ticket of the server's live queue (no foreign key)

On a joined PC the queue runs on mpp-central: the tickets live in the server's ``q_tickets``, never in
this PC's ``queue_ticket`` table. A counter finishing such a ticket hands the survey tablet over
(``survey_invite.ticket_id``), and the tablet's or the public page's response names it
(``survey_response.ticket_id``); with a foreign key to ``queue_ticket`` SQLite refused both (and a PC's
pull of a web response about such a ticket stopped on it). The column keeps the ticket's id as a plain
reference: nothing reads the ticket through it (the survey's figures go by the response's own copied
service fields, ``service_kbli`` / ``service_title``). Once per ticket stays: the unique constraint on
``survey_response.ticket_id`` (and its index) is kept; ``survey_invite.ticket_id`` gets an index in
place of the foreign key.

SQLite cannot drop a constraint: batch mode copies the tables (neither has triggers).

Revision ID: 0006
Revises: 0005
"""
from __future__ import annotations

from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('survey_response', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_survey_response_ticket_id_queue_ticket'), type_='foreignkey')
    with op.batch_alter_table('survey_invite', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_survey_invite_ticket_id_queue_ticket'), type_='foreignkey')
        batch_op.create_index(batch_op.f('ix_survey_invite_ticket_id'), ['ticket_id'], unique=False)


def downgrade() -> None:
    # only where every named ticket is a local one (a joined PC's responses would break the key)
    with op.batch_alter_table('survey_invite', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_survey_invite_ticket_id'))
        batch_op.create_foreign_key(batch_op.f('fk_survey_invite_ticket_id_queue_ticket'), 'queue_ticket',
                                    ['ticket_id'], ['id'])
    with op.batch_alter_table('survey_response', schema=None) as batch_op:
        batch_op.create_foreign_key(batch_op.f('fk_survey_response_ticket_id_queue_ticket'), 'queue_ticket',
                                    ['ticket_id'], ['id'])
