"""Every area of every role, walked through its states, still fits a 1366×768 counter PC.

The staff window is maximised on a 1366×768 screen: its client area is what is left after the
title bar and the task bar. A widget whose minimum size grows past that pushes buttons off the
screen (as "Return the file with a slip" did, at 1,483 px), so each state is checked through the
main window's ``minimumSizeHint`` and every dialog's size.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, QSize, Qt
from PySide6.QtWidgets import QApplication, QWidget

from tests.intake_support import NIK
from tests.ui.conftest import ADMIN_PASSWORD, COUNTER_PASSWORD

SCREEN = QSize(1366, 768)
# The client area of a maximised window on that screen: a 30 px title bar and a 40 px task bar.
CLIENT = QSize(SCREEN.width(), SCREEN.height() - 30 - 40)
PASSWORD = "Pengaduan-Rahasia-2026"


class Fit:
    """Collects every state whose window or dialog does not fit, so one run names them all."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, int, int]] = []
        self.too_big: list[str] = []

    def window(self, window: QWidget, state: str) -> None:
        QApplication.processEvents()
        hint = window.minimumSizeHint().expandedTo(window.minimumSize())
        self.seen.append((state, hint.width(), hint.height()))
        if hint.width() > CLIENT.width() or hint.height() > CLIENT.height():
            self.too_big.append(f"{state}: window needs at least {hint.width()}×{hint.height()}")

    def dialog(self, dialog: QWidget, state: str) -> None:
        QApplication.processEvents()
        size = dialog.size().expandedTo(dialog.minimumSizeHint())
        self.seen.append((state, size.width(), size.height()))
        if size.width() > CLIENT.width() or size.height() > CLIENT.height():
            self.too_big.append(f"{state}: dialog is {size.width()}×{size.height()}")

    def check(self) -> None:
        assert self.seen, "nothing was measured"
        assert not self.too_big, f"does not fit {CLIENT.width()}×{CLIENT.height()}:\n" + "\n".join(self.too_big)


@pytest.fixture
def staff(ui_ctx, tmp_path):
    """A complaint officer and a supervisor besides "admin" and "siti"; this PC is counter 3 with a PDF printer."""
    from mpp_desk import auth, settings
    from mpp_desk import queue as q
    from mpp_desk.roles import TERMINAL

    with ui_ctx.uow(actor=TERMINAL) as uow:
        for username, role in (("budi", "complaints"), ("kepala", "supervisor")):
            auth.create_user(uow, username=username, full_name=f"{username.title()} Staf", role=role,
                             password=PASSWORD, must_change_password=False)
        settings.set(uow, key="pc.counter_number", value=3)
        settings.set(uow, key="printer.receipt", value="pdf:printed")  # inside the data folder
        q.create_counter(uow, number=3, name="Loket Pengaduan dan Perizinan Berusaha", group_codes=["A", "B"])
        uow.commit()
    return ui_ctx


def shell_for(qtbot, ctx, tasks, sign_in, username, password):
    from mpp_desk.ui.main_window import MainWindow

    window = MainWindow(ctx=ctx, tasks=tasks)
    qtbot.addWidget(window)
    window.resize(1280, 680)
    window.show()
    window.actor = sign_in(username, password)
    window._show_shell()
    return window, window.shell


def settle(qtbot, tasks):
    qtbot.waitUntil(lambda: tasks.pending == 0, timeout=15000)
    QApplication.processEvents()


def walk_plain_areas(qtbot, tasks, window, shell, fit, role, skip=()):
    for key in shell.area_keys():
        if key in skip:
            continue
        shell.open_area(key)
        settle(qtbot, tasks)
        fit.window(window, f"{role} · {key}")


def test_the_counter_officers_areas_fit_in_every_state(qtbot, staff, tasks, sign_in):
    fit = Fit()
    window, shell = shell_for(qtbot, staff, tasks, sign_in, "siti", COUNTER_PASSWORD)
    walk_plain_areas(qtbot, tasks, window, shell, fit, "counter", skip=("intake",))
    home = shell.open_area("home")
    home.queue.show_bar(home.queue.finish_bar)
    fit.window(window, "counter · home, finishing a ticket")
    home.queue.close_bars()

    intake = shell.open_area("intake")
    intake._confirm_discard = lambda: True
    qtbot.waitUntil(lambda: intake.service_list.count() == 2, timeout=10000)
    fit.window(window, "intake · service")
    for outcome in ("missing", "present_valid"):
        intake.new_intake()
        qtbot.waitUntil(lambda: intake.service_list.count() == 2, timeout=10000)
        qtbot.keyClicks(intake.search, "keamanan")
        qtbot.keyClick(intake.search, Qt.Key.Key_Return)
        fit.window(window, "intake · service chosen")
        intake.nik.setText(NIK)
        intake.full_name.setText("Siti Aminah binti Abdurrahman Wahid Kusumawardhani")
        intake.phone.setText("081234567890")
        with qtbot.waitSignal(intake.sig_visit_saved, timeout=10000):
            intake.submit_applicant()
        fit.window(window, "intake · checklist")
        intake.model.set_state(0, outcome)
        intake.model.set_note(0, "Belum dibawa: pemohon akan kembali besok membawa dokumen asli dan fotokopinya")
        fit.window(window, f"intake · a requirement {outcome}")
        for row in range(1, intake.model.rowCount()):
            intake.model.set_state(row, "present_valid")
        with qtbot.waitSignals([intake.sig_finished, intake.sig_printed, intake.sig_preview_ready], timeout=20000):
            intake.finish()
        settle(qtbot, tasks)
        fit.window(window, "intake · return slip" if outcome == "missing" else "intake · registered")
    intake.new_intake()
    settle(qtbot, tasks)
    fit.window(window, "intake · the next file, drafts listed")
    files = shell.open_area("files")
    settle(qtbot, tasks)
    if files.model.rowCount():
        files.table.selectRow(0)
        settle(qtbot, tasks)
    fit.window(window, "files · a file shown")
    intake.scanner.stop()
    files.scanner.stop()
    fit.check()


def test_the_complaint_desks_areas_and_dialogs_fit_in_every_state(qtbot, staff, tasks, sign_in):
    fit = Fit()
    window, shell = shell_for(qtbot, staff, tasks, sign_in, "budi", PASSWORD)
    walk_plain_areas(qtbot, tasks, window, shell, fit, "complaints")
    area = shell.open_area("complaints")
    capture = area.capture
    qtbot.waitUntil(lambda: capture.setup is not None and capture.isEnabled(), timeout=15000)
    fit.window(window, "complaints · empty form")
    capture.reporter_name.setText("Siti Aminah binti Abdurrahman Wahid Kusumawardhani")
    capture.reporter_phone.setText("0812 3456 7890")
    capture.reporter_email.setText("siti.aminah.kusumawardhani@contoh.co.id")
    capture.reporter_address.setPlainText("Jl. Ipik Gandamanah No. 5, Kelurahan Munjuljaya, Kecamatan Purwakarta")
    capture.service.setCurrentIndex(capture.service.count() - 2)
    capture.substance.setPlainText("Berkas sudah lengkap tetapi belum diproses. " * 6)
    capture.reporter_nik.setText("1234")  # wrong: a message appears beside the field
    capture.assess_now()
    fit.window(window, "complaints · filled, with messages")
    served = capture.setup.today - dt.timedelta(days=45)
    capture.service_received_on.setDate(QDate(served.year, served.month, served.day))
    capture.reporter_nik.clear()
    capture.assess_now()
    capture.save()  # refused: the late decision is asked for
    fit.window(window, "complaints · late decision shown")
    capture.late_decision.setCurrentIndex(capture.late_decision.findData("complaint"))
    capture.late_decision_note.setText("Pelapor baru kembali dari luar kota.")
    with qtbot.waitSignal(capture.sig_saved, timeout=15000):
        capture.save()
    fit.window(window, "complaints · saved")
    area.tabs.setCurrentWidget(area.cases)
    area.cases.open_case(capture.last_saved.id)
    settle(qtbot, tasks)
    fit.window(window, "complaints · a case shown")
    panel = area.cases.detail
    for action in ("classify", "analyse", "follow_up"):
        panel.start_action(action)
        qtbot.waitUntil(lambda a=action: panel.dialog is not None and panel.dialog.isVisible()
                        and getattr(panel.dialog, "step", "") == a, timeout=15000)
        fit.dialog(panel.dialog, f"complaints · {action} dialog")
        panel.dialog.reject()
    panel.receipt()
    qtbot.waitUntil(lambda: panel.dialog is not None and panel.dialog.isVisible()
                    and not hasattr(panel.dialog, "step"), timeout=20000)
    fit.dialog(panel.dialog, "complaints · receipt dialog")
    panel.dialog.accept()
    queue = shell.open_area("queue")
    settle(qtbot, tasks)
    queue.panel.show_bar(queue.panel.finish_bar)
    fit.window(window, "queue · finishing a ticket")
    settle(qtbot, tasks)
    fit.check()


@pytest.mark.parametrize("username", ["admin", "kepala"])
def test_the_administrator_and_supervisor_areas_fit(qtbot, staff, tasks, sign_in, username):
    fit = Fit()
    password = ADMIN_PASSWORD if username == "admin" else PASSWORD
    window, shell = shell_for(qtbot, staff, tasks, sign_in, username, password)
    walk_plain_areas(qtbot, tasks, window, shell, fit, username)
    for key in shell.area_keys():  # every area at once, as after a day of use
        shell.open_area(key)
    settle(qtbot, tasks)
    fit.window(window, f"{username} · every area opened")
    fit.check()
    # every area's name is read whole in the side list: no item wider than the list, no sideways scrolling
    nav = shell.nav
    for row in range(nav.count()):
        rect = nav.visualItemRect(nav.item(row))
        text = nav.fontMetrics().horizontalAdvance(nav.item(row).text())
        assert text + 2 * 12 <= nav.viewport().width(), (nav.item(row).text(), text, nav.viewport().width())
        assert rect.right() <= nav.viewport().width()
    assert nav.horizontalScrollBar().maximum() == 0
