"""The staff window: first start, sign-in (right, wrong, locked out), role windows, lock, sign-out."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from mpp_desk.ui.auth_panels import ChangePasswordPanel, FirstRunPanel, SignInPanel
from mpp_desk.ui.main_window import MainWindow
from tests.ui.conftest import ADMIN_PASSWORD, COUNTER_PASSWORD


def make_window(qtbot, ctx, tasks):
    window = MainWindow(ctx=ctx, tasks=tasks)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window


def current_panel(window, kind):
    panel = window.pages.currentWidget().findChild(kind)
    assert panel is not None, f"expected a {kind.__name__} page"
    return panel


def open_window(qtbot, ctx, tasks, expect: str):
    window = make_window(qtbot, ctx, tasks)
    with qtbot.waitSignal(window.sig_ready, timeout=10000) as ready:
        window.open_database()
    assert ready.args == [expect]
    return window


def sign_in(qtbot, window, username, password, *, expect_ok=True):
    panel = current_panel(window, SignInPanel)
    qtbot.keyClicks(panel.username, username)
    qtbot.keyClicks(panel.password, password)
    if expect_ok:
        with qtbot.waitSignal(window.sig_signed_in, timeout=10000):
            qtbot.keyClick(panel.password, Qt.Key.Key_Return)
        return None
    qtbot.keyClick(panel.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.message.isVisible() or any(r.error.isVisible() for r in panel.form.rows.values()),
                    timeout=10000)
    return panel


def audit_actions(ctx):
    from sqlalchemy import select

    from mpp_desk.models import AuditEntry

    with ctx.uow(write=False) as uow:
        return [a for a in uow.session.scalars(select(AuditEntry.action).order_by(AuditEntry.seq))]  # the chain order, not the clock


def test_first_start_asks_for_the_office_and_creates_the_administrator(qtbot, app_ctx, tasks):
    window = open_window(qtbot, app_ctx, tasks, "setup")
    panel = current_panel(window, FirstRunPanel)
    panel.office_name.setText("MPP Bale Madukara")
    qtbot.keyClicks(panel.username, "admin")
    qtbot.keyClicks(panel.full_name, "Ade Administrator")
    qtbot.keyClicks(panel.password, ADMIN_PASSWORD)
    qtbot.keyClicks(panel.confirm, ADMIN_PASSWORD + "x")
    panel._submit()
    # a mismatch is shown beside the field and nothing is lost
    assert panel.form.rows["confirm"].error.isVisible()
    assert "tidak sama" in panel.form.rows["confirm"].error.text()
    assert panel.username.text() == "admin" and panel.password.text() == ADMIN_PASSWORD
    panel.confirm.setText(ADMIN_PASSWORD)
    panel.pin.setText("123456")  # a run: refused by the service, shown beside the PIN field
    panel._submit()
    qtbot.waitUntil(lambda: panel.form.rows["pin"].error.isVisible(), timeout=10000)
    assert panel.username.text() == "admin" and panel.full_name.text() == "Ade Administrator"
    panel.pin.setText("")
    with qtbot.waitSignal(window.sig_ready, timeout=10000) as ready:
        panel._submit()
    assert ready.args == ["signin"]
    sign_in(qtbot, window, "admin", ADMIN_PASSWORD)
    assert window.actor.username == "admin"
    assert window.shell.area_keys() == ["overview", "complaints_oversight", "users", "catalog", "standards", "calendar", "settings",
                                        "audit", "sync", "queue_setup", "queue_stats", "survey", "retention"]
    assert "auth.first_run_setup" in audit_actions(app_ctx) or any(a.startswith("auth.") for a in audit_actions(app_ctx))


def test_wrong_password_is_refused_then_right_one_opens_the_admin_window(qtbot, ui_ctx, tasks):
    window = open_window(qtbot, ui_ctx, tasks, "signin")
    panel = sign_in(qtbot, window, "admin", "salah-sandi", expect_ok=False)
    assert "salah" in panel.message.text().lower()
    assert panel.password.text() == "" and panel.username.text() == "admin"
    assert window.actor is None and window.shell is None
    panel.password.setText(ADMIN_PASSWORD)
    with qtbot.waitSignal(window.sig_signed_in, timeout=10000):
        qtbot.keyClick(panel.password, Qt.Key.Key_Return)
    assert window.shell.area_keys() == ["overview", "complaints_oversight", "users", "catalog", "standards", "calendar", "settings",
                                        "audit", "sync", "queue_setup", "queue_stats", "survey", "retention"]
    actions = audit_actions(ui_ctx)
    assert actions.count("auth.sign_in_failed") == 1 and actions[-1] == "auth.sign_in"


def test_five_wrong_passwords_lock_the_account_even_with_the_right_one(qtbot, ui_ctx, tasks):
    window = open_window(qtbot, ui_ctx, tasks, "signin")
    panel = current_panel(window, SignInPanel)
    panel.username.setText("siti")
    for attempt in range(5):
        panel.password.setText(f"bukan-sandi-{attempt}")
        panel.message.hide()
        panel._submit()
        qtbot.waitUntil(panel.message.isVisible, timeout=10000)
    assert "dikunci" in panel.message.text().lower()
    panel.message.hide()
    panel.password.setText(COUNTER_PASSWORD)
    panel._submit()
    qtbot.waitUntil(panel.message.isVisible, timeout=10000)
    assert "dikunci" in panel.message.text().lower()
    assert window.actor is None


def test_counter_officer_sees_only_what_the_role_may_do(qtbot, ui_ctx, tasks):
    window = open_window(qtbot, ui_ctx, tasks, "signin")
    sign_in(qtbot, window, "siti", COUNTER_PASSWORD)
    shell = window.shell
    assert shell.area_keys() == ["home", "intake", "files", "catalog", "calendar"]
    catalog = shell.open_area("catalog")
    assert catalog.editor is None  # read-only: no editor, no save button
    assert not hasattr(catalog, "save_button")
    calendar = shell.open_area("calendar")
    assert calendar.can_edit is False
    assert not calendar.close_button.isVisibleTo(calendar)


def test_service_layer_refuses_a_counter_officer_even_without_the_ui(ui_ctx, sign_in):
    from mpp_desk.catalog.service import delete_standard
    from mpp_desk.errors import PermissionDenied

    officer = sign_in("siti", COUNTER_PASSWORD)
    with ui_ctx.uow(actor=officer) as uow, pytest.raises(PermissionDenied) as refused:
        delete_standard(uow, annex_number=67)
    assert "tidak mengizinkan" in refused.value.text() or "tidak" in refused.value.text()


def test_idle_lock_hides_the_work_and_the_same_person_unlocks(qtbot, ui_ctx, tasks):
    window = open_window(qtbot, ui_ctx, tasks, "signin")
    sign_in(qtbot, window, "siti", COUNTER_PASSWORD)
    shell = window.shell
    with qtbot.waitSignal(window.sig_locked, timeout=5000):
        window.idle.start(0.0005)  # 30 ms of no input
    panel = current_panel(window, SignInPanel)
    assert panel.username.text() == "siti" and panel.username.isReadOnly()
    assert window.pages.currentWidget() is not shell
    panel.password.setText(COUNTER_PASSWORD)
    panel._submit()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is shell, timeout=10000)
    assert window.actor.username == "siti"


def test_sign_out_returns_to_sign_in_and_is_audited(qtbot, ui_ctx, tasks):
    window = open_window(qtbot, ui_ctx, tasks, "signin")
    sign_in(qtbot, window, "admin", ADMIN_PASSWORD)
    with qtbot.waitSignal(window.sig_signed_out):
        window.shell.sign_out_button.click()
    assert window.actor is None and window.shell is None
    current_panel(window, SignInPanel)
    qtbot.waitUntil(lambda: "auth.sign_out" in audit_actions(ui_ctx), timeout=10000)


def test_a_reset_password_must_be_changed_at_sign_in(qtbot, ui_ctx, tasks):
    from mpp_desk import auth
    from mpp_desk.roles import TERMINAL

    with ui_ctx.uow() as uow:  # siti has worked here before
        auth.sign_in(uow, username="siti", password=COUNTER_PASSWORD)
        uow.commit()
    with ui_ctx.uow(actor=TERMINAL) as uow:
        auth.reset_password(uow, username="siti", new_password="Sementara-123")
        uow.commit()
    window = open_window(qtbot, ui_ctx, tasks, "signin")
    panel = current_panel(window, SignInPanel)
    panel.username.setText("siti")
    panel.password.setText("Sementara-123")
    panel._submit()
    qtbot.waitUntil(lambda: window.pages.currentWidget().findChild(ChangePasswordPanel) is not None, timeout=10000)
    change = current_panel(window, ChangePasswordPanel)
    assert "diatur ulang" in change.intro.text()
    change.old.setText("Sementara-123")
    change.new.setText("Baru-Sekali-2026")
    change.confirm.setText("Baru-Sekali-2026")
    with qtbot.waitSignal(window.sig_signed_in, timeout=10000):
        change._submit()
    assert window.shell.area_keys() == ["home", "intake", "files", "catalog", "calendar"]


def test_closing_the_window_signs_out_as_sign_out_does_and_ends_the_program(qtbot, ui_ctx, tasks):
    window = open_window(qtbot, ui_ctx, tasks, "signin")
    sign_in(qtbot, window, "siti", COUNTER_PASSWORD)
    with qtbot.waitSignals([window.sig_signed_out, window.sig_closed], timeout=10000):
        window.close()  # the window's X
    assert window.actor is None and not window.isVisible()
    assert audit_actions(ui_ctx)[-1] == "auth.sign_out"


def test_closing_over_an_unsaved_intake_asks_first_and_stays_signed_in(qtbot, ui_ctx, tasks, monkeypatch):
    window = open_window(qtbot, ui_ctx, tasks, "signin")
    sign_in(qtbot, window, "siti", COUNTER_PASSWORD)
    intake = window.shell.open_area("intake")
    qtbot.waitUntil(lambda: intake.service_list.count() == 2, timeout=10000)
    qtbot.keyClicks(intake.search, "keamanan")
    qtbot.keyClick(intake.search, Qt.Key.Key_Return)
    qtbot.keyClicks(intake.nik, "3214015505900001")
    assert intake.has_unsaved_changes()
    asked = []
    monkeypatch.setattr(intake, "_confirm_discard", lambda: asked.append(1) or False)
    closed = []
    window.sig_closed.connect(lambda: closed.append(1))
    assert not window.close()  # the officer chose to stay
    qtbot.wait(200)
    assert asked and window.isVisible() and window.actor is not None and not closed
    assert "auth.sign_out" not in audit_actions(ui_ctx)
    monkeypatch.setattr(intake, "_confirm_discard", lambda: asked.append(2) or True)  # now leave it
    with qtbot.waitSignal(window.sig_closed, timeout=10000):
        window.close()
    assert asked == [1, 2]  # asked once each time, not again while signing out
    assert window.actor is None and audit_actions(ui_ctx)[-1] == "auth.sign_out"
    qtbot.waitUntil(lambda: tasks.pending == 0, timeout=10000)
    intake.scanner.stop()


def test_a_new_accounts_first_sign_in_asks_for_a_personal_password_without_speaking_of_a_reset(qtbot, ui_ctx, tasks):
    from mpp_desk import auth
    from mpp_desk.roles import TERMINAL

    with ui_ctx.uow(actor=TERMINAL) as uow:
        auth.create_user(uow, username="dewi", full_name="Dewi Baru", role="counter",
                         password="Awal-Dewi-2026")  # the administrator's first password: to be replaced
        uow.commit()
    window = open_window(qtbot, ui_ctx, tasks, "signin")
    panel = current_panel(window, SignInPanel)
    panel.username.setText("dewi")
    panel.password.setText("Awal-Dewi-2026")
    panel._submit()
    qtbot.waitUntil(lambda: window.pages.currentWidget().findChild(ChangePasswordPanel) is not None, timeout=10000)
    change = current_panel(window, ChangePasswordPanel)
    assert "pertama" in change.intro.text() and "diatur ulang" not in change.intro.text()
    assert "kata sandi Anda sendiri" in change.heading.text()
