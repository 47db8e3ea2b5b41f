"""The supervisor's sync area: conflicts side by side and devices (last seen, waiting changes, revoke)."""

from __future__ import annotations


from mpp_desk import auth
from mpp_desk.models import ComplaintCase
from mpp_desk.roles import TERMINAL, Role
from mpp_desk.ui.areas.sync_area import SyncArea
from tests.server.conftest import desk, desk_json, enroll
from tests.server.test_sync_two_pcs import capture_complaint, officer

from tests.ui import conftest as ui_fixtures

tasks = ui_fixtures.tasks  # the UI's task manager fixture (widgets deleted before its executor)

WAIT_MS = 30_000  # a ceiling, not a timing assertion


def retitle(ctx, case_id, text):
    with ctx.uow(actor=TERMINAL) as uow:
        uow.session.get(ComplaintCase, case_id).substance = text
        uow.commit()


def test_the_supervisor_sees_both_versions_of_a_conflict_and_the_devices_and_revokes_one(
        qtbot, tasks, server, server_db, make_pc):
    boss, pc1, pc2 = make_pc("boss"), make_pc("pc1"), make_pc("pc2")
    desk_json(boss, "sync", "join", server, enroll(server_db, "kepala-pc", "supervisor"))
    desk_json(pc1, "sync", "join", server, enroll(server_db, "desk-1", "complaints"))
    desk_json(pc2, "sync", "join", server, enroll(server_db, "desk-2", "complaints"))
    case = capture_complaint(pc1, officer(pc1, "budi"))
    desk_json(pc1, "sync", "now")
    desk_json(pc2, "sync", "now")
    retitle(pc1, case.id, "Versi loket satu: antrean macet satu jam di loket perizinan.")
    retitle(pc2, case.id, "Versi loket dua: antrean macet dua jam di loket perizinan.")
    desk_json(pc1, "sync", "now")
    assert desk_json(pc2, "sync", "now")["conflicts"] == 1
    desk_json(boss, "sync", "now")
    with boss.uow() as uow:  # the office's administrator, pulled at join: no right to personal data
        kepala = auth.sign_in(uow, username="kepala", password="Kepala-Kantor-2026")
        uow.commit()
    from mpp_desk.ui.ops import sync as ops

    (masked,) = ops.oversight(boss, actor=kepala).conflicts
    assert dict((k, (a, b)) for k, a, b in masked.rows)["substance"] == (ops.MASK, ops.MASK)
    lurah = officer(boss, "lurah", Role.SUPERVISOR)

    area = SyncArea(ctx=boss, tasks=tasks, actor=lurah)
    qtbot.addWidget(area)
    qtbot.waitUntil(lambda: area.loaded >= 1, timeout=WAIT_MS)
    assert area.conflicts_model.rowCount() == 1, area.note.text()
    conflict = area.conflicts_model.row_object(0)
    assert conflict.device == "desk-2" and conflict.entity == "complaint_case"
    shown = {area.versions.item(i, 0).text(): (area.versions.item(i, 1).text(), area.versions.item(i, 2).text())
             for i in range(area.versions.rowCount())}
    mine, theirs = shown["substance"]
    assert mine.startswith("Versi loket dua") and theirs.startswith("Versi loket satu")
    assert "substance" in conflict.differing
    devices = {area.devices_model.row_object(i).name: area.devices_model.row_object(i)
               for i in range(area.devices_model.rowCount())}
    assert set(devices) >= {"kepala-pc", "desk-1", "desk-2"}
    assert devices["kepala-pc"].this_pc and devices["desk-1"].last_seen_at is not None
    assert devices["desk-2"].pending == 0  # as pc2 reported on its last request
    area.devices_table.selectRow(list(devices).index("kepala-pc"))
    assert not area.revoke_button.isEnabled()  # never itself

    area.confirm = lambda name: name == "desk-2"
    area.devices_table.selectRow(list(devices).index("desk-2"))
    assert area.revoke_button.isEnabled()
    before = area.loaded
    area.revoke_button.click()
    qtbot.waitUntil(lambda: area.loaded > before, timeout=WAIT_MS)
    revoked = next(area.devices_model.row_object(i) for i in range(area.devices_model.rowCount())
                   if area.devices_model.row_object(i).name == "desk-2")
    assert revoked.revoked
    status, _out, err = desk(pc2, "sync", "now", "--json")
    assert status != 0 and "was revoked" in err  # the revoked PC is refused from now on
    with boss.uow(write=False) as uow:
        from sqlalchemy import select

        from mpp_desk.models import AuditEntry

        assert "sync.device_revoked" in uow.session.scalars(select(AuditEntry.action)).all()


def test_the_devices_list_shows_the_changes_each_pc_reported_waiting(server, server_db, make_pc):
    from mpp_desk.sync import client

    boss, pc = make_pc("boss"), make_pc("pc")
    desk_json(boss, "sync", "join", server, enroll(server_db, "kepala-pc", "supervisor"))
    desk_json(pc, "sync", "join", server, enroll(server_db, "loket-1", "counter"))
    joined = client.load_joined(pc.data_dir)
    officer(pc, "budi")  # a new account: changes waiting on the PC
    waiting = client.pending_count(pc.db)
    assert waiting > 0
    with client.ServerApi(joined.url, joined.credential) as api:  # any request carries the count
        api.report_pending(waiting)
        api.pull(0, limit=1)
    listed = {d["name"]: d for d in client.server_devices(boss.data_dir)}
    assert listed["loket-1"]["pending"] == waiting
    desk_json(pc, "sync", "now")
    listed = {d["name"]: d for d in client.server_devices(boss.data_dir)}
    assert listed["loket-1"]["pending"] == 0


def test_a_pc_that_has_not_joined_says_so_in_the_sync_area(qtbot, tasks, make_pc):
    pc = make_pc("alone")
    from mpp_desk.roles import Actor

    area = SyncArea(ctx=pc, tasks=tasks, actor=Actor(user_id=None, username="x", role=Role.SUPERVISOR))
    qtbot.addWidget(area)
    qtbot.waitUntil(lambda: area.loaded >= 1, timeout=WAIT_MS)
    # the text in whichever language the process's translators give (tests/ui installs Indonesian)
    assert any(words in area.note.text() for words in ("not joined", "belum bergabung"))
    assert '"Joining a PC"' in area.note.text() and area.devices_model.rowCount() == 0
