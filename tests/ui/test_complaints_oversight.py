"""The supervisor's complaint view through its widgets: due and overdue counts, APIP approval, figures, register."""

from __future__ import annotations

import csv
import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QDate

from mpp_desk.complaints import service
from mpp_desk.complaints.rules import CaptureDraft

WIB = ZoneInfo("Asia/Jakarta")
PASSWORD = "Pengaduan-Rahasia-2026"


@pytest.fixture
def cases(ui_ctx, sign_in):
    """A supervisor, a complaint officer, and four November 2026 complaints (respond by 20, 27, 30 Nov; one answered)."""
    from mpp_desk import auth
    from mpp_desk.roles import TERMINAL

    with ui_ctx.uow(actor=TERMINAL) as uow:
        for username, role in (("budi", "complaints"), ("kepala", "supervisor")):
            auth.create_user(uow, username=username, full_name=f"{username.title()} Staf", role=role,
                             password=PASSWORD, must_change_password=False)
        uow.commit()
    budi, kepala = sign_in("budi", PASSWORD), sign_in("kepala", PASSWORD)
    made = []
    for day, problem in ((2, "fee"), (9, "fee"), (10, "procedure"), (3, "requirements")):
        with ui_ctx.uow(actor=budi) as uow:
            detail = service.save_case(uow, draft=CaptureDraft(
                channel="whatsapp", received_at=dt.datetime(2026, 11, day, 9, tzinfo=WIB), reporter_name="Siti Aminah",
                reporter_phone="081234567890", substance=f"Keluhan tanggal {day}"), today=dt.date(2026, 11, day))
            service.classify(uow, case_id=detail.id, problem_type=problem, today=dt.date(2026, 11, day))
            uow.commit()
        made.append(detail)
    with ui_ctx.uow(actor=budi) as uow:
        service.inform(uow, case_id=made[3].id, method="telephone", informed_at=dt.datetime(2026, 11, 5, 9, tzinfo=WIB),
                       message="Sudah dijawab.", today=dt.date(2026, 11, 5))
        uow.commit()
    return {"budi": budi, "kepala": kepala, "cases": made}


def open_area(qtbot, ctx, tasks, actor, *, as_of: dt.date):
    from mpp_desk.ui.areas.complaints_oversight_area import ComplaintsOversightArea

    area = ComplaintsOversightArea(ctx=ctx, tasks=tasks, actor=actor)
    qtbot.addWidget(area)
    area.resize(1366, 700)
    area.show()
    area.date_from.setDate(QDate(2026, 11, 1))
    area.date_to.setDate(QDate(2026, 11, 30))
    area.as_of.setDate(QDate(as_of.year, as_of.month, as_of.day))
    qtbot.waitUntil(lambda: tasks.pending == 0 and area.data is not None and area.data.oversight.today == as_of,
                    timeout=15000)
    return area


def test_supervisor_sees_overdue_cases_counted_in_working_days(qtbot, ui_ctx, tasks, cases):
    a, b, c, answered = cases["cases"]
    area = open_area(qtbot, ui_ctx, tasks, cases["kepala"], as_of=dt.date(2026, 11, 30))  # Monday
    assert area.overdue_figure.text() == "2" and area.due_today_figure.text() == "1"
    assert area.due_soon_figure.text() == "0" and area.open_figure.text() == "4"
    rows = [area.overdue_model.row_object(i) for i in range(area.overdue_model.rowCount())]
    assert [(r.id, r.overdue_days) for r in rows] == [(a.id, 6), (b.id, 1)]
    assert area.overdue_model.index(0, 3).data() == "6"
    assert area.due_today_model.row_object(0).id == c.id
    area.as_of.setDate(QDate(2026, 11, 25))  # Wednesday: a is 3 working days late, b and c due within 3 days
    qtbot.waitUntil(lambda: area.data.oversight.today == dt.date(2026, 11, 25), timeout=15000)
    assert area.overdue_figure.text() == "1" and area.due_soon_figure.text() == "2"
    assert area.overdue_model.row_object(0).overdue_days == 3
    # period figures: one answered in time of (1 answered + 1 overdue) = 50 %
    assert area.share_figure.text() == "50 %" and area.received_figure.text() == "4"
    problems = {area.problem_model.row_object(i).key: area.problem_model.row_object(i).total
                for i in range(area.problem_model.rowCount())}
    assert problems == {"fee": 2, "procedure": 1, "requirements": 1}
    assert area.problem_model.index(0, 0).data() == "Persyaratan"


def test_supervisor_records_the_apip_approval_from_the_overdue_list(qtbot, ui_ctx, tasks, cases):
    area = open_area(qtbot, ui_ctx, tasks, cases["kepala"], as_of=dt.date(2026, 11, 30))
    area.list_tables[0].selectRow(0)
    panel = area.detail
    qtbot.waitUntil(lambda: panel.detail is not None, timeout=15000)
    assert panel.detail.id == cases["cases"][0].id
    assert panel.buttons["approve_apip"].isVisible() and panel.buttons["approve_apip"].isEnabled()
    assert not panel.buttons["close"].isVisible()  # the supervisor does not handle the case itself
    assert "Siti Aminah" in panel.info.text()  # supervisors may see personal data
    panel.start_action("approve_apip")
    qtbot.waitUntil(lambda: panel.dialog is not None and panel.dialog.isVisible(), timeout=15000)
    panel.dialog.set("reference", "ND/045/DPMPTSP/2026")
    with qtbot.waitSignal(panel.dialog.sig_done, timeout=15000):
        panel.dialog.submit()
    qtbot.waitUntil(lambda: panel.detail.apip_approved, timeout=15000)
    assert "Pelibatan APIP disetujui" in panel.timeline.toPlainText() and "kepala" in panel.timeline.toPlainText()
    assert not panel.buttons["approve_apip"].isEnabled()
    with ui_ctx.uow(actor=cases["budi"]) as uow:  # now the desk may take the case to APIP
        detail = service.follow_up(uow, case_id=cases["cases"][0].id, path="apip", level="inspectorate",
                                   action="Diteruskan ke Inspektorat.")
        uow.commit()
    assert detail.summary.resolution_path == "apip"


def test_register_export_with_and_without_personal_data(qtbot, ui_ctx, tasks, cases, sign_in, tmp_path):
    from tests.ui.conftest import ADMIN_PASSWORD

    area = open_area(qtbot, ui_ctx, tasks, cases["kepala"], as_of=dt.date(2026, 11, 30))
    assert "confidential" not in area.export_note.text() and "rahasia" in area.export_note.text().lower()
    area.export_to(str(tmp_path / "kepala.csv"), "csv")
    qtbot.waitUntil(lambda: area.export_note.objectName() == "okNote", timeout=15000)
    assert "4 kasus" in area.export_note.text()
    rows = list(csv.reader((tmp_path / "kepala.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert rows[1][5] == "Siti Aminah"
    admin = open_area(qtbot, ui_ctx, tasks, sign_in("admin", ADMIN_PASSWORD), as_of=dt.date(2026, 11, 30))
    assert "tidak disertakan" in admin.export_note.text()
    admin.export_to(str(tmp_path / "admin.pdf"), "pdf")
    qtbot.waitUntil(lambda: admin.export_note.objectName() == "okNote", timeout=15000)
    assert (tmp_path / "admin.pdf").read_bytes().startswith(b"%PDF")
    admin.export_to(str(tmp_path / "admin.csv"), "csv")
    qtbot.waitUntil(lambda: tasks.pending == 0 and (tmp_path / "admin.csv").exists(), timeout=15000)
    assert "Siti" not in (tmp_path / "admin.csv").read_text(encoding="utf-8-sig")
    assert admin.channels_tab is not None and area.channels_tab is None  # only the administrator edits channels


def test_the_administrator_edits_the_channels(qtbot, ui_ctx, tasks, cases, sign_in):
    from tests.ui.conftest import ADMIN_PASSWORD

    area = open_area(qtbot, ui_ctx, tasks, sign_in("admin", ADMIN_PASSWORD), as_of=dt.date(2026, 11, 30))
    editor = area.channels_tab
    area.tabs.setCurrentWidget(editor)
    qtbot.waitUntil(lambda: editor.model.rowCount() == 12, timeout=15000)  # a. to m. of the standard
    editor.table.selectRow(0)
    assert editor.code.text() == "official" and "Jalan Veteran Nomor 139" in editor.contact.text()
    editor.table.selectRow(3)
    assert editor.code.text() == "telephone" and editor.contact.text() == "(0264) 8224794 ext.103"
    editor.contact.setText("(0264) 8224794 ext.104")
    editor.save()
    qtbot.waitUntil(lambda: editor.message.objectName() == "okNote", timeout=15000)
    qtbot.waitUntil(lambda: tasks.pending == 0, timeout=15000)
    assert editor.model.row_object(3).contact == "(0264) 8224794 ext.104"
    editor.code.setText("X!")
    editor.save()
    qtbot.waitUntil(lambda: editor.form.rows["code"].error.isVisible(), timeout=15000)


def test_oversight_item_models_pass_the_model_tester(qtmodeltester, qtbot, ui_ctx, tasks, cases, sign_in):
    from tests.ui.conftest import ADMIN_PASSWORD

    area = open_area(qtbot, ui_ctx, tasks, sign_in("admin", ADMIN_PASSWORD), as_of=dt.date(2026, 11, 30))
    qtbot.waitUntil(lambda: area.channels_tab.model.rowCount() > 0, timeout=15000)
    for model in (area.overdue_model, area.due_today_model, area.due_soon_model, area.problem_model,
                  area.service_model, area.path_model, area.channels_tab.model):
        qtmodeltester.check(model)
    assert area.overdue_model.rowCount() == 2
    masked = area.overdue_model.row_object(0).reporter
    assert masked.masked and masked.name == "S*** A***"  # the administrator sees no personal data
