"""A PC that ran standalone joins the office's server without losing or renumbering anything."""

from __future__ import annotations

from sqlalchemy import func, select

from mpp_desk.models import (
    Application,
    ComplaintCase,
    OutboxEntry,
    QueueGroup,
    Requirement,
    ServiceStandard,
    StaffUser,
)
from tests.intake_support import make_officer, register_file
from tests.server.conftest import desk_json, enroll
from tests.server.test_sync_two_pcs import capture_complaint, officer


def rows(ctx, query):
    with ctx.uow(write=False) as uow:
        return list(uow.session.execute(query).all())


def count(ctx, model) -> int:
    return rows(ctx, select(func.count()).select_from(model).where(model.deleted_at.is_(None)))[0][0]


def test_a_standalone_pc_joins_without_losing_or_renumbering_anything(server, server_db, make_pc):
    office = make_pc("office-admin")
    desk_json(office, "sync", "join", server, enroll(server_db, "admin-pc", "admin"))
    budi = officer(office, "budi")
    office_case = capture_complaint(office, budi, substance="Pengaduan dari PC kantor: loket tutup lebih awal.")
    desk_json(office, "sync", "now")

    # a PC that has worked alone for a while: its own catalogue seed (own ids), staff, a complaint, a file
    lone = make_pc("standalone", fresh=True)
    sari = officer(lone, "sari")
    lone_case = capture_complaint(lone, sari, substance="Pengaduan dari PC mandiri: formulir tidak tersedia.")
    rina = make_officer(lone, "rina")
    lone_file = register_file(lone, rina)
    lone_number = lone_file.application.registration_number
    standards_before = count(lone, ServiceStandard)
    requirements_before = count(lone, Requirement)

    joined = desk_json(lone, "sync", "join", server, enroll(server_db, "supervisor-pc", "supervisor"))
    assert joined["pending"] == 0
    assert joined["conflicts"] == 0 and joined["rejected"] == 0

    # nothing lost or renumbered on the joining PC; the office's records arrived; no catalogue twice
    assert rows(lone, select(ComplaintCase.case_number).where(ComplaintCase.id == lone_case.id)) == \
        [(lone_case.case_number,)]
    assert rows(lone, select(Application.registration_number).where(Application.visit_id == lone_file.id)) == \
        [(lone_number,)]
    assert rows(lone, select(ComplaintCase.case_number).where(ComplaintCase.id == office_case.id)) == \
        [(office_case.case_number,)]
    assert count(lone, ServiceStandard) == standards_before == count(office, ServiceStandard)
    assert count(lone, Requirement) == requirements_before
    assert count(lone, QueueGroup) == count(office, QueueGroup)
    # its file still points at the (adopted) service of the same annex number
    assert rows(lone, select(ServiceStandard.annex_number).join(Application, Application.visit_id == lone_file.id)
                .where(ServiceStandard.annex_number == lone_file.service_annex_number))

    # the office PC receives the standalone PC's work under the same numbers
    desk_json(office, "sync", "now")
    assert rows(office, select(ComplaintCase.case_number).where(ComplaintCase.id == lone_case.id)) == \
        [(lone_case.case_number,)]
    assert rows(office, select(Application.registration_number).where(Application.visit_id == lone_file.id)) == \
        [(lone_number,)]
    assert rows(office, select(StaffUser.username).where(StaffUser.username.in_(["sari", "rina"]))) != []
    assert count(office, ServiceStandard) == standards_before
    # the seed the standalone PC had made was replaced by the office's, not sent again
    with lone.uow(write=False) as uow:
        adopted = uow.session.scalar(select(func.count()).select_from(OutboxEntry)
                                     .where(OutboxEntry.result == "adopted"))
    assert adopted >= standards_before
