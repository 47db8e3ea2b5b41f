"""Resolving a conflict: from the supervisor's screen or `mpp-central conflict resolve`; the outcome reaches every PC."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from mpp_desk import auth
from mpp_desk.models import AuditEntry, ComplaintCase
from mpp_desk.roles import TERMINAL, Role, RoleDenied
from mpp_desk.ui.areas.sync_area import SyncArea
from tests.server.conftest import central, desk_json, enroll
from tests.server.test_sync_oversight import retitle
from tests.server.test_sync_two_pcs import capture_complaint, officer
from tests.ui import conftest as ui_fixtures

tasks = ui_fixtures.tasks

WAIT_MS = 30_000  # a ceiling, not a timing assertion
ONE = "Versi loket satu: antrean macet satu jam di loket perizinan."
TWO = "Versi loket dua: antrean macet dua jam di loket perizinan."


def case_of(ctx, case_id) -> ComplaintCase:
    with ctx.uow(write=False) as uow:
        row = uow.session.get(ComplaintCase, case_id)
        uow.session.expunge(row)
        return row


@pytest.fixture
def conflicted(server, server_db, make_pc):
    """Two complaint desks edited one complaint offline: PC2's change is the open conflict."""
    boss, pc1, pc2 = make_pc("boss"), make_pc("pc1"), make_pc("pc2")
    desk_json(boss, "sync", "join", server, enroll(server_db, "kepala-pc", "supervisor"))
    desk_json(pc1, "sync", "join", server, enroll(server_db, "desk-1", "complaints"))
    desk_json(pc2, "sync", "join", server, enroll(server_db, "desk-2", "complaints"))
    case = capture_complaint(pc1, officer(pc1, "budi"))
    desk_json(pc1, "sync", "now")
    desk_json(pc2, "sync", "now")
    retitle(pc1, case.id, ONE)
    with pc2.uow(actor=TERMINAL) as uow:  # PC2 changes two fields
        row = uow.session.get(ComplaintCase, case.id)
        row.substance, row.reporter_phone = TWO, "0813 0000 1111"
        uow.commit()
    desk_json(pc1, "sync", "now")
    assert desk_json(pc2, "sync", "now")["conflicts"] == 1
    desk_json(boss, "sync", "now")
    return boss, pc1, pc2, case.id


def test_the_supervisor_takes_one_field_from_the_pc_and_every_pc_gets_it(qtbot, tasks, conflicted):
    boss, pc1, pc2, case_id = conflicted
    phone_on_server = case_of(pc1, case_id).reporter_phone
    lurah = officer(boss, "lurah", Role.SUPERVISOR)
    area = SyncArea(ctx=boss, tasks=tasks, actor=lurah)
    qtbot.addWidget(area)
    qtbot.waitUntil(lambda: area.loaded >= 1, timeout=WAIT_MS)
    assert area.conflicts_model.rowCount() == 1 and area.keep_server_button.isEnabled()
    assert not area.take_fields_button.isEnabled()  # nothing ticked yet
    (substance_row,) = [i for i in range(area.versions.rowCount()) if area.versions.item(i, 0).text() == "substance"]
    from PySide6.QtCore import Qt

    area.versions.item(substance_row, 0).setCheckState(Qt.CheckState.Checked)
    assert area.ticked_fields() == ("substance",) and area.take_fields_button.isEnabled()
    asked = []
    area.confirm_resolution = lambda text: asked.append(text) or True
    before = area.loaded
    area.take_fields_button.click()
    qtbot.waitUntil(lambda: area.loaded > before, timeout=WAIT_MS)
    assert asked and "substance" in asked[0]
    assert area.conflicts_model.rowCount() == 0, area.note.text()

    for pc in (pc1, pc2, boss):
        desk_json(pc, "sync", "now")
        row = case_of(pc, case_id)
        assert row.substance == TWO  # the PC's field ...
        assert row.reporter_phone == phone_on_server  # ... and the server's for the rest
    with boss.uow(write=False) as uow:
        entry = uow.session.scalars(select(AuditEntry).where(AuditEntry.action == "sync.conflict_resolved")).one()
    assert entry.details["fields"] == ["substance"] and entry.entity_id == str(case_id)


def test_the_cli_takes_the_pcs_version_once_and_a_second_resolve_is_refused(conflicted, server_db):
    _boss, pc1, pc2, case_id = conflicted
    (conflict,) = json.loads(central("conflict", "list", "--database", server_db, "--json")[1])["conflicts"]
    status, out, err = central("conflict", "resolve", str(conflict["id"]), "--keep", "device",
                               "--database", server_db, "--json")
    assert status == 0, err
    done = json.loads(out)
    assert done["status"] == "resolved" and done["version"] == conflict["server_version"] + 1
    for pc in (pc1, pc2):
        desk_json(pc, "sync", "now")
        row = case_of(pc, case_id)
        assert (row.substance, row.reporter_phone) == (TWO, "0813 0000 1111")
    status, _out, err = central("conflict", "resolve", str(conflict["id"]), "--keep", "server", "--database", server_db)
    assert status == 2 and "already resolved" in err
    assert json.loads(central("conflict", "list", "--database", server_db, "--json")[1])["conflicts"] == []


def test_keeping_the_servers_version_changes_nothing_and_the_administrator_may_not_resolve(conflicted, server_db):
    boss, pc1, pc2, case_id = conflicted
    from mpp_desk.ui.ops import sync as ops

    with boss.uow() as uow:
        kepala = auth.sign_in(uow, username="kepala", password="Kepala-Kantor-2026")
        uow.commit()
    (conflict,) = ops.oversight(boss, actor=kepala).conflicts
    with pytest.raises(RoleDenied):  # the administrator sees masked values: does not decide between them
        ops.resolve(boss, actor=kepala, conflict_id=conflict.id, keep="device")
    assert len(json.loads(central("conflict", "list", "--database", server_db, "--json")[1])["conflicts"]) == 1
    lurah = officer(boss, "lurah", Role.SUPERVISOR)
    done = ops.resolve(boss, actor=lurah, conflict_id=conflict.id, keep="server")
    assert done["keep"] == "server" and done["seq"] is None
    desk_json(pc2, "sync", "now")
    assert case_of(pc2, case_id).substance == ONE
