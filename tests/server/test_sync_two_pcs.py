"""Two PCs joined to a real mpp-central on a real PostgreSQL share the office's records."""

from __future__ import annotations

import datetime as dt
import json
import stat
from zoneinfo import ZoneInfo

import httpx
from sqlalchemy import func, select

from mpp_desk import auth
from mpp_desk.models import Application, ComplaintCase, OutboxEntry, ServiceStandard, StaffUser
from mpp_desk.roles import TERMINAL, Actor, Role
from tests.server.conftest import central, desk, desk_json, enroll

WIB = ZoneInfo("Asia/Jakarta")
PASSWORD = "Pengaduan-Rahasia-2026"


def officer(ctx, username: str, role: Role = Role.COMPLAINTS) -> Actor:
    with ctx.uow(actor=TERMINAL) as uow:
        info = auth.create_user(uow, username=username, full_name=username.title() + " Staf",
                                role=role, password=PASSWORD, must_change_password=False)
        uow.commit()
    return Actor(user_id=info.id, username=username, role=role)


def capture_complaint(ctx, actor, substance="Antrean loket perizinan tidak bergerak selama satu jam penuh."):
    from mpp_desk.complaints import service
    from mpp_desk.complaints.rules import CaptureDraft

    today = dt.date(2026, 11, 16)
    draft = CaptureDraft(channel="in_person", received_at=dt.datetime(2026, 11, 16, 10, 0, tzinfo=WIB),
                         reporter_name="Siti Aminah", reporter_phone="0812 3456 7890",
                         reporter_nik="3214015708900001", substance=substance)
    with ctx.uow(actor=actor) as uow:
        detail = service.save_case(uow, draft=draft, today=today, attachments=(), data_dir=ctx.data_dir)
        uow.commit()
    return detail


def rename_service(ctx, annex: int, name: str) -> None:
    with ctx.uow(actor=TERMINAL) as uow:
        row = uow.session.scalar(select(ServiceStandard).where(ServiceStandard.annex_number == annex))
        row.title = name
        uow.commit()


def scalar(ctx, query):
    with ctx.uow(write=False) as uow:
        return uow.session.scalar(query)


def test_health_answers_the_server_and_protocol_versions(server):
    body = httpx.get(f"{server}/health").json()
    assert body == {"status": "ok", "server_version": "0.1.0", "protocol": 1, "min_protocol": 1}


def test_a_complaint_a_file_and_a_catalogue_change_on_one_pc_reach_the_other(server, server_db, make_pc):
    pc1, pc2 = make_pc("pc1"), make_pc("pc2")
    joined1 = desk_json(pc1, "sync", "join", server, enroll(server_db, "admin-pc", "admin"))
    joined2 = desk_json(pc2, "sync", "join", server, enroll(server_db, "supervisor-pc", "supervisor"))
    assert joined1["office_name"] == "MPP Uji" and joined2["role"] == "supervisor"
    assert joined1["pending"] == 0 and joined1["conflicts"] == 0
    # the office's administrator from the server's set-up is on both PCs
    assert scalar(pc2, select(StaffUser.full_name).where(StaffUser.username == "kepala")) == "Kepala Kantor"
    credential = pc1.data_dir / "sync.json"
    assert stat.S_IMODE(credential.stat().st_mode) == 0o600

    budi = officer(pc1, "budi")
    case = capture_complaint(pc1, budi)
    rename_service(pc1, 67, "Perizinan Berusaha Berbasis Risiko (dikoreksi)")
    from tests.intake_support import make_officer, register_file

    rina = make_officer(pc1, "rina")
    registered = register_file(pc1, rina)

    sent = desk_json(pc1, "sync", "now")
    assert sent["pushed"] > 0 and sent["pending"] == 0 and sent["conflicts"] == 0 and sent["rejected"] == 0
    got = desk_json(pc2, "sync", "now")
    assert got["pulled"] >= sent["pushed"] - 5  # its own echo excluded; nothing left waiting
    assert scalar(pc2, select(ComplaintCase.case_number).where(ComplaintCase.id == case.id)) == case.case_number
    assert scalar(pc2, select(ServiceStandard.title).where(ServiceStandard.annex_number == 67)) == \
        "Perizinan Berusaha Berbasis Risiko (dikoreksi)"
    assert scalar(pc2, select(Application.registration_number).where(Application.visit_id == registered.id)) == \
        registered.application.registration_number
    # nothing echoed back: applying the server's changes wrote no outbox rows on PC2
    assert scalar(pc2, select(func.count()).select_from(OutboxEntry).where(OutboxEntry.pushed_at.is_(None))) == 0
    status = desk_json(pc2, "sync", "status")
    assert status["joined"] and status["cursor"] > 0 and status["pending"] == 0

    # a second sync with nothing new moves nothing
    again = desk_json(pc2, "sync", "now")
    assert (again["pushed"], again["pulled"]) == (0, 0)


def test_two_pcs_editing_one_complaint_offline_give_a_listed_conflict_not_an_overwrite(server, server_db, make_pc):
    pc1, pc2 = make_pc("pc1"), make_pc("pc2")
    desk_json(pc1, "sync", "join", server, enroll(server_db, "desk-1", "complaints"))
    desk_json(pc2, "sync", "join", server, enroll(server_db, "desk-2", "complaints"))
    budi = officer(pc1, "budi")
    case = capture_complaint(pc1, budi)
    desk_json(pc1, "sync", "now")
    desk_json(pc2, "sync", "now")

    def retitle(ctx, text):
        with ctx.uow(actor=TERMINAL) as uow:
            uow.session.get(ComplaintCase, case.id).substance = text
            uow.commit()

    retitle(pc1, "Versi loket satu: antrean macet satu jam di loket perizinan.")
    retitle(pc2, "Versi loket dua: antrean macet dua jam di loket perizinan.")
    first = desk_json(pc1, "sync", "now")
    second = desk_json(pc2, "sync", "now")
    assert first["conflicts"] == 0
    assert second["conflicts"] == 1
    # the server decided: PC2 now shows the server's version, and the conflict keeps both
    assert scalar(pc2, select(ComplaintCase.substance).where(ComplaintCase.id == case.id)).startswith("Versi loket satu")
    status, out, err = central("conflict", "list", "--database", server_db, "--json")
    conflicts = json.loads(out)["conflicts"]
    assert status == 0 and len(conflicts) == 1
    (conflict,) = conflicts
    assert conflict["entity"] == "complaint_case" and conflict["entity_id"] == str(case.id)
    assert conflict["client_payload"]["substance"].startswith("Versi loket dua")
    assert conflict["server_payload"]["substance"].startswith("Versi loket satu")
    assert desk_json(pc2, "sync", "status")["conflicts"] >= 1


def test_a_revoked_pc_gets_401_and_a_clear_message(server, server_db, make_pc):
    pc = make_pc("pc1")
    joined = desk_json(pc, "sync", "join", server, enroll(server_db, "counter-7", "counter"))
    assert central("device", "revoke", "--database", server_db, joined["device_id"])[0] == 0
    credential = json.loads((pc.data_dir / "sync.json").read_text())["credential"]
    answer = httpx.get(f"{server}/v1/pull", params={"since": 0},
                       headers={"Authorization": f"Bearer {credential}", "X-MPP-Protocol": "1"})
    assert answer.status_code == 401
    status, _, err = desk(pc, "sync", "now", "--json")
    assert status == 2
    assert "kode pendaftaran baru" in err  # Indonesian: ask for a new enrolment code
    listed = json.loads(central("device", "list", "--database", server_db, "--json")[1])["devices"]
    assert [d["revoked"] for d in listed if d["id"] == joined["device_id"]] == [True]


def test_an_enrolment_code_works_once(server, server_db, make_pc):
    code = enroll(server_db, "counter-7", "counter")
    desk_json(make_pc("pc1"), "sync", "join", server, code)
    status, _, err = desk(make_pc("pc2"), "sync", "join", server, code)
    assert status == 2 and "kode pendaftaran" in err


def test_a_copied_data_folder_cannot_join_as_a_second_pc(server, server_db, make_pc, tmp_path):
    import shutil

    from mpp_desk.context import AppContext

    original = make_pc("pc1")
    desk_json(original, "sync", "join", server, enroll(server_db, "loket-1", "counter"))
    copy_dir = tmp_path / "copy"
    shutil.copytree(original.data_dir, copy_dir)
    (copy_dir / "sync.json").unlink()  # even without the credential: the file's identity is the original's
    copy = AppContext(data_dir=copy_dir)
    copy.open()
    try:
        code = enroll(server_db, "loket-2", "counter")
        status, _, err = desk(copy, "sync", "join", server, code)
        assert status == 2 and "409" in err and "copy" in err
        # the code was not burnt: a fresh PC joins with it
        assert desk_json(make_pc("fresh"), "sync", "join", server, code)["role"] == "counter"
    finally:
        copy.close()
    assert desk_json(original, "sync", "now")["pending"] == 0
