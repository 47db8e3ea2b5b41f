"""Number blocks leased by the server: no two PCs ever share one."""

from __future__ import annotations

from sqlalchemy import select

from mpp_desk.models import LocalState
from tests.server.conftest import desk_json, enroll
from tests.server.test_sync_two_pcs import capture_complaint, officer


def state(ctx, key):
    with ctx.uow(write=False) as uow:
        return uow.session.scalar(select(LocalState.value).where(LocalState.key == key))


def test_two_counters_left_on_the_default_counter_number_get_different_blocks(server, server_db, make_pc):
    first, second = make_pc("counter-a"), make_pc("counter-b")  # both on pc.counter_number 1
    office = make_pc("office")
    desk_json(office, "sync", "join", server, enroll(server_db, "admin-pc", "admin"))
    joined = desk_json(first, "sync", "join", server, enroll(server_db, "loket-a", "counter"))
    # what the counter PC had from its installation (catalogue, groups) is the office's already: merged,
    # not refused for its role
    assert (joined["rejected"], joined["conflicts"], joined["pending"]) == (0, 0, 0)
    desk_json(second, "sync", "join", server, enroll(server_db, "loket-b", "counter"))
    o = desk_json(office, "sync", "status")["leases"]["registration"]
    a = desk_json(first, "sync", "status")["leases"]["registration"]
    b = desk_json(second, "sync", "status")["leases"]["registration"]
    assert o == "01"  # the block it asked for (its counter number), free
    assert len({o, a, b}) == 3 and all(x.isdigit() and len(x) == 2 for x in (a, b))
    desk_json(second, "sync", "now")
    assert desk_json(second, "sync", "status")["leases"]["registration"] == b  # kept for good


def test_the_complaint_desk_numbers_new_cases_in_its_leased_block(server, server_db, make_pc):
    one, two = make_pc("desk-1"), make_pc("desk-2")
    desk_json(one, "sync", "join", server, enroll(server_db, "pengaduan-1", "complaints"))
    desk_json(two, "sync", "join", server, enroll(server_db, "pengaduan-2", "complaints"))
    block_one, block_two = state(one, "sync.lease.complaint"), state(two, "sync.lease.complaint")
    assert block_one and block_two and block_one != block_two
    assert state(two, "complaints.number_block") == block_two
    case = capture_complaint(two, officer(two, "budi"))
    assert f"/{block_two}-" in case.case_number


def test_a_kiosk_leases_no_number_block(server, server_db, make_pc):
    kiosk = make_pc("kiosk")
    desk_json(kiosk, "sync", "join", server, enroll(server_db, "kiosk-1", "kiosk"))
    assert desk_json(kiosk, "sync", "status")["leases"] == {}


def test_joined_counters_number_files_in_their_leased_blocks_not_their_counter_number(server, server_db, make_pc):
    from tests.intake_support import make_officer, register_file

    first, second = make_pc("counter-a"), make_pc("counter-b")  # both left on pc.counter_number 1
    desk_json(first, "sync", "join", server, enroll(server_db, "admin-pc", "admin"))
    desk_json(second, "sync", "join", server, enroll(server_db, "loket-b", "counter"))
    block_a, block_b = state(first, "sync.lease.registration"), state(second, "sync.lease.registration")
    number_a = register_file(first, make_officer(first, "rina")).application.registration_number
    number_b = register_file(second, make_officer(second, "dedi")).application.registration_number
    assert number_a == f"MPP/2026/03/{block_a}0001"
    assert number_b == f"MPP/2026/03/{block_b}0001"
    assert number_a != number_b
    assert desk_json(first, "sync", "now")["conflicts"] == 0
    assert desk_json(second, "sync", "now")["conflicts"] == 0


def test_a_joined_pc_without_its_lease_says_so_instead_of_guessing(server, server_db, make_pc):
    import pytest

    from mpp_desk.sync.blocks import NoLeasedBlock
    from tests.intake_support import make_officer, register_file

    pc = make_pc("counter")
    desk_json(pc, "sync", "join", server, enroll(server_db, "admin-pc", "admin"))
    with pc.uow() as uow:  # as if the server had never answered the lease request
        for key in ("sync.lease.registration", "sync.lease.complaint"):
            uow.session.delete(uow.session.get(LocalState, key))
        uow.commit()
    rina = make_officer(pc, "rina")
    with pytest.raises(NoLeasedBlock) as file_error:
        register_file(pc, rina)
    assert "registration numbers" in str(file_error.value)
    with pytest.raises(NoLeasedBlock) as case_error:
        capture_complaint(pc, officer(pc, "budi"))
    assert "complaint numbers" in str(case_error.value)
    desk_json(pc, "sync", "now")  # the server is reachable again: the leases come back, numbering works
    assert register_file(pc, rina).application.registration_number.startswith(
        f"MPP/2026/03/{state(pc, 'sync.lease.registration')}")


def test_a_standalone_pc_keeps_numbering_by_its_counter_number(make_pc):
    from mpp_desk import settings
    from mpp_desk.roles import TERMINAL
    from tests.intake_support import make_officer, register_file

    pc = make_pc("standalone")
    with pc.uow(actor=TERMINAL) as uow:
        settings.set(uow, key="pc.counter_number", value=7)
        uow.commit()
    assert register_file(pc, make_officer(pc, "rina")).application.registration_number == "MPP/2026/03/070001"
