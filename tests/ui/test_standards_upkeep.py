"""The standards' upkeep through the widgets: Lampiran IV edited and imported, evaluations recorded with the due
warning, and the procedure shown at the counter during intake."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from mpp_desk.catalog import evaluations as ev
from mpp_desk.catalog import procedures as proc
from tests.intake_support import NIK
from tests.ui.conftest import ADMIN_PASSWORD, COUNTER_PASSWORD

WIB = dt.timezone(dt.timedelta(hours=7))


def settle(qtbot, tasks):
    qtbot.waitUntil(lambda: tasks.pending == 0, timeout=10000)
    QApplication.processEvents()


@pytest.fixture
def admin_area(qtbot, ui_ctx, tasks, sign_in):
    from mpp_desk.ui.areas.standards_area import StandardsArea

    area = StandardsArea(ctx=ui_ctx, tasks=tasks, actor=sign_in("admin", ADMIN_PASSWORD))
    qtbot.addWidget(area)
    area.resize(1366, 698)
    area.show()
    settle(qtbot, tasks)
    return area


def test_the_administrator_writes_imports_and_removes_classifications(qtbot, ui_ctx, tasks, admin_area, tmp_path):
    tab = admin_area.procedures
    admin_area.tabs.setCurrentWidget(tab)
    assert tab.list.count() == 0 and "0 klasifikasi" in tab.status.text()
    tab.new_classification()
    tab.number.setValue(3)
    tab.name.setText("Perizinan Berusaha risiko menengah rendah")
    tab.steps.add_item("Permohonan melalui OSS")
    tab.steps.add_item("Verifikasi persyaratan")
    tab.save()
    settle(qtbot, tasks)
    assert tab.status.text() == "Klasifikasi 3 disimpan." and tab.list.count() == 1
    tab.name.setText("")  # an empty name: one message, nothing written
    tab.save()
    settle(qtbot, tasks)
    assert tab.status.objectName() == "errorNote" and "namanya kosong" in tab.status.text()
    path = tmp_path / "lampiran-iv.txt"
    path.write_text("Klasifikasi 7: Risiko menengah tinggi\n1. Permohonan\n2. Verifikasi teknis\n", encoding="utf-8")
    tab.import_paths([path])
    settle(qtbot, tasks)
    assert "1 klasifikasi diimpor" in tab.status.text() and tab.list.count() == 2
    tab.list.setCurrentRow(1)
    assert tab.steps.items() == ("Permohonan", "Verifikasi teknis")
    tab.remove_current(confirm=lambda: True)
    settle(qtbot, tasks)
    with ui_ctx.uow(write=False) as uow:
        kept = proc.list_classifications(uow)
    assert [(c.number, c.name, c.steps) for c in kept] == [
        (3, "Perizinan Berusaha risiko menengah rendah", ("Permohonan melalui OSS", "Verifikasi persyaratan"))]


@pytest.mark.clock
def test_the_due_warning_goes_once_both_standards_are_evaluated(qtbot, ui_ctx, tasks, sign_in, office_clock,
                                                                 tmp_path):
    from mpp_desk.ui.areas.standards_area import StandardsArea

    office_clock.set(dt.datetime(2026, 6, 15, 10, 0, tzinfo=WIB))
    area = StandardsArea(ctx=ui_ctx, tasks=tasks, actor=sign_in("admin", ADMIN_PASSWORD))
    qtbot.addWidget(area)
    area.show()
    settle(qtbot, tasks)
    tab = area.evaluations
    assert tab.warning.isVisible() and "2 standar belum dievaluasi" in tab.warning.text()
    assert "45 KBLI 71205 (terakhir: belum pernah)" in tab.warning.text()
    doc = tmp_path / "berita-acara.png"
    from PIL import Image

    Image.new("RGB", (8, 8), "white").save(doc)
    for annex in (45, 67):
        tab.service.setCurrentIndex(tab.service.findData(annex))
        tab.day.setDate(QDate(2026, 6, 1))
        tab.evaluator.setText("Tim Evaluasi SOP")
        tab.notes.setPlainText("Hasil disampaikan dalam apel pagi.")
        tab.document.setText(str(doc))
        tab.record()
        settle(qtbot, tasks)
    assert "dicatat" in tab.status.text()
    assert not tab.warning.isVisible()
    assert tab.table.rowCount() == 2 and tab.table.item(0, 4).text() == "berita-acara.png"
    assert tab.table.item(0, 0).text() == "1 Juni 2026"
    with ui_ctx.uow(write=False) as uow:
        assert ev.due_evaluations(uow) == []
    tab.evaluator.setText("")  # who evaluated is required: one message, nothing written
    tab.record()
    settle(qtbot, tasks)
    assert tab.status.objectName() == "errorNote" and "Sebutkan siapa" in tab.status.text()
    with ui_ctx.uow(write=False) as uow:
        assert len(ev.list_evaluations(uow, year=2026)) == 2


def test_a_counter_officer_does_not_get_the_area(ui_ctx):
    from mpp_desk.ui.areas import areas_for

    assert "standards" not in [s.key for s in areas_for("counter")]
    assert "standards" in [s.key for s in areas_for("supervisor")]


def test_the_counter_sees_the_procedure_of_the_service_during_intake(qtbot, ui_ctx, tasks, sign_in):
    from mpp_desk import settings
    from mpp_desk.roles import TERMINAL
    from mpp_desk.ui.areas.intake import IntakeArea
    from mpp_desk.ui.areas.intake.procedure import ProcedureDialog

    with ui_ctx.uow(actor=TERMINAL) as uow:
        settings.set(uow, key="pc.counter_number", value=3)
        proc.save_classifications(uow, items=proc.parse_text(
            "Klasifikasi 3: Risiko menengah rendah\n1. Permohonan melalui OSS\n2. Verifikasi persyaratan\n"))
        uow.commit()
    area = IntakeArea(ctx=ui_ctx, tasks=tasks, actor=sign_in("siti", COUNTER_PASSWORD))
    area._confirm_discard = lambda: True
    qtbot.addWidget(area)
    area.resize(1366, 698)
    area.show()
    qtbot.waitUntil(lambda: area.service_list.count() == 2, timeout=10000)
    area.search.setText("keamanan informasi")
    qtbot.keyClick(area.search, Qt.Key.Key_Return)
    assert area.page == area.APPLICANT
    area.nik.setText(NIK)
    area.full_name.setText("Siti Aminah")
    area.phone.setText("081234567890")
    area.address.setText("Jl. Veteran No. 1, Purwakarta")
    with qtbot.waitSignal(area.sig_visit_saved, timeout=10000):
        area.submit_applicant()
    assert area.page == area.CHECKLIST
    button = area.checklist_page.procedure_button
    assert button.isEnabled() and button.isVisible()
    qtbot.keyClick(area.table, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)  # Alt+P from the checklist
    qtbot.waitUntil(lambda: isinstance(button.dialog, ProcedureDialog) and button.dialog.isVisible(), timeout=10000)
    dialog = button.dialog
    text = dialog.text.toPlainText()
    assert "67 KBLI 62021" in text
    assert "Klasifikasi 3: Risiko menengah rendah" in text and "Verifikasi persyaratan" in text
    assert "Klasifikasi 16: belum ada dalam katalog" in text  # named by the standard, not entered yet
    assert dialog.width() <= 1366 and dialog.height() <= 698
    dialog.reject()
    settle(qtbot, tasks)
    area.scanner.stop()


@pytest.mark.clock
def test_the_overview_warns_at_sign_in_until_every_standard_is_evaluated(qtbot, ui_ctx, tasks, sign_in, office_clock):
    from mpp_desk.roles import TERMINAL
    from mpp_desk.ui.areas.home import SupervisorOverview

    office_clock.set(dt.datetime(2026, 6, 15, 10, 0, tzinfo=WIB))
    admin = sign_in("admin", ADMIN_PASSWORD)
    overview = SupervisorOverview(ctx=ui_ctx, tasks=tasks, actor=admin)
    qtbot.addWidget(overview)
    overview.show()
    settle(qtbot, tasks)
    assert overview.evaluations.isVisible() and "2 standar belum dievaluasi" in overview.evaluations.text()
    with ui_ctx.uow(actor=TERMINAL) as uow:
        for annex in (45, 67):
            ev.record_evaluation(uow, annex_number=annex, evaluated_on=dt.date(2025, 7, 1), evaluator="Tim")
        uow.commit()
    overview.reload()
    settle(qtbot, tasks)
    assert not overview.evaluations.isVisible()
