"""Administrator areas driven through their widgets: catalogue editor, calendar, accounts, settings, audit."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from sqlalchemy import select

from mpp_desk.models import AuditEntry, CalendarOverride
from tests.ui.conftest import ADMIN_PASSWORD, COUNTER_PASSWORD


def actions(ctx) -> list[str]:
    with ctx.uow(write=False) as uow:
        return list(uow.session.scalars(select(AuditEntry.action).order_by(AuditEntry.seq)))


def wait_tasks(qtbot, tasks):
    qtbot.waitUntil(lambda: tasks.pending == 0, timeout=10000)


def select_annex(qtbot, area, annex: int) -> None:
    qtbot.waitUntil(lambda: area.model.rowCount() >= 2, timeout=10000)
    for row in range(area.proxy.rowCount()):
        if area.proxy.index(row, 0).data(Qt.ItemDataRole.UserRole) == annex:
            area.table.selectRow(row)
            return
    raise AssertionError(f"annex {annex} not listed")


def test_catalogue_editor_edits_reorders_saves_and_reopens(qtbot, ui_ctx, tasks, sign_in):
    from mpp_desk.catalog.service import get_standard
    from mpp_desk.ui.areas.catalog_area import CatalogArea

    admin = sign_in("admin", ADMIN_PASSWORD)
    area = CatalogArea(ctx=ui_ctx, tasks=tasks, actor=admin)
    qtbot.addWidget(area)
    area.show()
    select_annex(qtbot, area, 67)
    editor = area.editor
    assert editor.kbli.text() == "62021" and editor.risk_level.currentText() == "Menengah Tinggi"
    general = editor.general_requirements
    original = general.items()
    assert original[0] == "Skala usaha kecil atau menengah"
    # edit the first requirement in place, move the last one to the top, add a new special one
    general.list.item(0).setText("Skala usaha kecil, menengah, atau besar")
    general.list.setCurrentRow(general.list.count() - 1)
    qtbot.keyClick(general.list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)  # Alt+Up moves it
    general.move_current(-general.list.currentRow())  # then all the way to the top
    editor.special_requirements.list.setCurrentRow(editor.special_requirements.list.count() - 1)
    editor.special_requirements.add_item("Memiliki sertifikat ISO/IEC 27001")
    assert editor.dirty
    with qtbot.waitSignal(area.model.modelReset, timeout=10000):
        area.save()
    wait_tasks(qtbot, tasks)
    assert "Tersimpan" in area.status.text()
    with ui_ctx.uow(write=False) as uow:
        stored = get_standard(uow, annex_number=67)
    assert stored.requirements.general[0] == original[-1]
    assert stored.requirements.general[1] == "Skala usaha kecil, menengah, atau besar"
    assert len(stored.requirements.general) == len(original)
    assert stored.requirements.special[-1] == "Memiliki sertifikat ISO/IEC 27001"
    assert "catalog.updated" in actions(ui_ctx)
    # reopen: a new area shows what was saved
    again = CatalogArea(ctx=ui_ctx, tasks=tasks, actor=admin)
    qtbot.addWidget(again)
    select_annex(qtbot, again, 67)
    assert again.editor.general_requirements.items() == stored.requirements.general
    assert again.editor.special_requirements.items()[-1] == "Memiliki sertifikat ISO/IEC 27001"


def test_catalogue_editor_refuses_a_bad_kbli_beside_the_field_and_keeps_the_form(qtbot, ui_ctx, tasks, sign_in):
    from mpp_desk.ui.areas.catalog_area import CatalogArea

    area = CatalogArea(ctx=ui_ctx, tasks=tasks, actor=sign_in("admin", ADMIN_PASSWORD))
    qtbot.addWidget(area)
    area.show()
    select_annex(qtbot, area, 45)
    area.editor.title.setText("Jasa Kalibrasi dan Metrologi")
    area.editor.kbli.setText("712")
    area.save()
    row = area.editor.form.rows["kbli"]
    assert row.error.isVisible() and "5 angka" in row.error.text()
    assert area.editor.title.text() == "Jasa Kalibrasi dan Metrologi"  # nothing typed is lost
    assert "catalog.updated" not in actions(ui_ctx)


def test_catalogue_import_previews_then_imports_all_or_nothing(qtbot, ui_ctx, tasks, sign_in, tmp_path):
    from mpp_desk.paths import CATALOG_SEED_DIR
    from mpp_desk.ui.areas.catalog_area import CatalogArea

    area = CatalogArea(ctx=ui_ctx, tasks=tasks, actor=sign_in("admin", ADMIN_PASSWORD))
    qtbot.addWidget(area)
    qtbot.waitUntil(lambda: area.model.rowCount() == 2, timeout=10000)
    text = (CATALOG_SEED_DIR / "annex-067-kbli-62021.txt").read_text(encoding="utf-8")
    changed = text.replace("67. Sertifikat Standar", "68. Sertifikat Standar").replace("7 hari kerja", "5 hari kerja")
    path = tmp_path / "lampiran-68.txt"
    path.write_text(text + "\n" + changed, encoding="utf-8")
    seen = []
    area.preview_and_import([path], confirm=lambda results: seen.extend(results) or True)
    qtbot.waitUntil(lambda: area.model.rowCount() == 3, timeout=10000)
    assert {(r.annex_number, r.status) for r in seen} == {(67, "unchanged"), (68, "created")}
    assert "catalog.created" in actions(ui_ctx)


def test_calendar_screen_adds_and_removes_a_local_closure(qtbot, ui_ctx, tasks, sign_in):
    from mpp_desk.ui.areas.calendar_area import CalendarArea

    area = CalendarArea(ctx=ui_ctx, tasks=tasks, actor=sign_in("admin", ADMIN_PASSWORD))
    qtbot.addWidget(area)
    area.show()
    day = dt.date(2026, 3, 25)  # a Wednesday after the Idul Fitri week
    area.calendar.setSelectedDate(QDate(2026, 3, 25))
    area.calendar.setCurrentPage(2026, 3)
    qtbot.waitUntil(lambda: area.month_list.count() > 0, timeout=10000)
    assert any("Idul Fitri" in area.month_list.item(i).text() for i in range(area.month_list.count()))
    assert "hari kerja" in area.selected.text()
    area.close_button.click()  # no reason: refused, nothing written
    qtbot.waitUntil(lambda: "alasan" in area.status.text().lower() or "reason" in area.status.text().lower(),
                    timeout=10000)
    area.reason.setText("Banjir di Jalan Sudirman")
    area.close_button.click()
    qtbot.waitUntil(lambda: area.day_info(day) is not None, timeout=10000)
    assert area.day_info(day) == ("local_closure", "Banjir di Jalan Sudirman")
    assert any("Banjir" in area.month_list.item(i).text() for i in range(area.month_list.count()))
    assert "bukan hari kerja" in area.selected.text()
    # the due date calculator now skips the closure: 2026-03-24 + 1 working day = 26 March
    area.calendar.setSelectedDate(QDate(2026, 3, 24))
    area.due_days.setValue(1)
    qtbot.waitUntil(lambda: "26 Maret 2026" in area.due_result.text(), timeout=10000)
    area.calendar.setSelectedDate(QDate(2026, 3, 25))
    area.reason.setText("Banjir sudah surut")
    area.open_button.click()
    qtbot.waitUntil(lambda: area.day_info(day) is None, timeout=10000)
    with ui_ctx.uow(write=False) as uow:
        row = uow.session.scalar(select(CalendarOverride).where(CalendarOverride.day == day))
    assert row.is_deleted
    assert {"calendar.closed", "calendar.change_undone"} <= set(actions(ui_ctx))


def test_counter_officer_calendar_is_read_only_and_the_service_refuses(qtbot, ui_ctx, tasks, sign_in):
    from mpp_desk.errors import PermissionDenied
    from mpp_desk.ui.ops import calendar as ops

    officer = sign_in("siti", COUNTER_PASSWORD)
    try:
        ops.close_day(ui_ctx, actor=officer, day=dt.date(2026, 3, 25), reason="coba")
    except PermissionDenied as refused:
        assert "Petugas loket" in refused.text() or "tidak" in refused.text()
    else:
        raise AssertionError("a counter officer closed the office")


def test_accounts_area_adds_a_user_and_disables_it(qtbot, ui_ctx, tasks, sign_in, monkeypatch):
    from mpp_desk.ui.areas import users_area
    from mpp_desk.ui.areas.users_area import UsersArea

    area = UsersArea(ctx=ui_ctx, tasks=tasks, actor=sign_in("admin", ADMIN_PASSWORD))
    qtbot.addWidget(area)
    qtbot.waitUntil(lambda: area.model.rowCount() == 2, timeout=10000)

    def fill_and_submit(panel, parent, title):
        panel.username.setText("budi")
        panel.full_name.setText("Budi Pengaduan")
        panel.role.setCurrentIndex(panel.role.findData("complaints"))
        panel.password.setText("Kopi-Tubruk-Pagi-7")
        panel.confirm.setText("Kopi-Tubruk-Pagi-7")
        results = []
        panel.sig_done.connect(results.append)
        panel._submit()
        qtbot.waitUntil(lambda: bool(results), timeout=10000)
        return results[0]

    monkeypatch.setattr(users_area, "run_as_dialog", fill_and_submit)
    area.add_user()
    qtbot.waitUntil(lambda: area.model.rowCount() == 3, timeout=10000)
    row = next(r for r in range(3) if area.model.row_object(r).username == "budi")
    area.table.selectRow(row)
    area.toggle_selected()
    qtbot.waitUntil(lambda: "dinonaktifkan" in area.status.text(), timeout=10000)
    wait_tasks(qtbot, tasks)
    assert not next(u for u in area.model._rows if u.username == "budi").active
    assert {"user.created", "user.disabled"} <= set(actions(ui_ctx))


def test_settings_area_saves_and_shows_errors_beside_the_field(qtbot, ui_ctx, tasks, sign_in):
    from mpp_desk.ui.areas.settings_area import SettingsArea

    area = SettingsArea(ctx=ui_ctx, tasks=tasks, actor=sign_in("admin", ADMIN_PASSWORD))
    qtbot.addWidget(area)
    area.show()
    qtbot.waitUntil(lambda: area.editors["office.name"].text() != "", timeout=10000)
    area.editors["pc.counter_name"].setText("Loket 3 — Perizinan")
    area.editors["receipts.verify_base_url"].setText("bukan alamat")
    area.save()
    row = area.office_form.rows["receipts.verify_base_url"]
    qtbot.waitUntil(row.error.isVisible, timeout=10000)
    assert area.editors["pc.counter_name"].text() == "Loket 3 — Perizinan"  # kept
    area.editors["receipts.verify_base_url"].setText("https://mpp.purwakartakab.go.id/v/")
    area.save()
    qtbot.waitUntil(lambda: "tersimpan" in area.status.text().lower(), timeout=10000)
    from mpp_desk import settings

    with ui_ctx.uow(write=False) as uow:
        assert settings.get(uow, "pc.counter_name") == "Loket 3 — Perizinan"
    assert "settings.changed" in actions(ui_ctx)


def test_audit_area_lists_entries_and_verifies_the_chain(qtbot, ui_ctx, tasks, sign_in):
    from mpp_desk.ui.areas.audit_area import AuditArea

    area = AuditArea(ctx=ui_ctx, tasks=tasks, actor=sign_in("admin", ADMIN_PASSWORD))
    qtbot.addWidget(area)
    qtbot.waitUntil(lambda: area.model.rowCount() >= 3, timeout=10000)
    area.verify()
    qtbot.waitUntil(lambda: area.result.text() != "", timeout=10000)
    assert "utuh" in area.result.text()


def test_item_models_pass_the_model_tester(qtmodeltester, ui_ctx):
    from mpp_desk.catalog.service import list_standards
    from mpp_desk.ui.catalog_view import CatalogFilter, CatalogTableModel
    from mpp_desk.ui.table_model import RowTableModel

    with ui_ctx.uow(write=False) as uow:
        entries = list_standards(uow)
    model = CatalogTableModel()
    model.set_entries(entries)
    qtmodeltester.check(model)
    proxy = CatalogFilter()
    proxy.setSourceModel(model)
    proxy.set_search("kalibrasi")
    assert proxy.rowCount() == 1
    qtmodeltester.check(proxy)
    rows = RowTableModel([("a", lambda r: r[0]), ("b", lambda r: r[1])])
    rows.set_rows([(1, "x"), (2, None)])
    qtmodeltester.check(rows)


def test_settings_show_roles_and_languages_by_name_and_store_their_values(qtbot, ui_ctx, tasks, sign_in):
    from mpp_desk import settings
    from mpp_desk.ui.areas.settings_area import SettingsArea

    area = SettingsArea(ctx=ui_ctx, tasks=tasks, actor=sign_in("admin", ADMIN_PASSWORD))
    qtbot.addWidget(area)
    area.show()
    qtbot.waitUntil(lambda: area.editors["office.name"].text() != "", timeout=10000)
    role, language = area.editors["pc.role"], area.editors["ui.language"]
    roles = [role.itemText(i) for i in range(role.count())]
    assert "Petugas loket" in roles and "Kiosk (anjungan antrian mandiri)" in roles and "counter" not in roles
    assert role.currentText() == "Petugas loket"
    assert [language.itemText(i) for i in range(language.count())] == ["Bahasa Indonesia", "English"]
    assert language.currentText() == "Bahasa Indonesia"
    role.setCurrentIndex(role.findText("Layar antrian"))
    area.save()
    qtbot.waitUntil(lambda: "tersimpan" in area.status.text().lower(), timeout=10000)
    with ui_ctx.uow(write=False) as uow:
        assert settings.get(uow, "pc.role") == "display"
    assert area.changes() == {}
