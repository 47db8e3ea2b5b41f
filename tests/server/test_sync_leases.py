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
