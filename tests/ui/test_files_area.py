"""The file list through its widgets: today's due and overdue, search, status changes, hand-over, scans."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from mpp_desk.signing import Signer
from tests.intake_support import at, business, person, register_file, return_file
from tests.ui.conftest import COUNTER_PASSWORD

TODAY = dt.date(2026, 4, 6)  # a Monday after Good Friday


@pytest.fixture
def counter(ui_ctx, sign_in):
    return sign_in("siti", COUNTER_PASSWORD)


@pytest.fixture
def files(ui_ctx, counter):
    """Three registered files and a returned visit."""
    late = register_file(ui_ctx, counter, when=at("2026-03-17"))  # due 2 April: 1 working day late
    due = register_file(ui_ctx, counter, annex=45, applicant=business(), when=at("2026-03-25"))  # due today
    later = register_file(ui_ctx, counter, applicant=person(full_name="Ujang Suryana"), when=at("2026-04-01"))
    returned = return_file(ui_ctx, counter, applicant=person(full_name="Siti Rahma"), when=at("2026-04-02"))
    return {"late": late, "due": due, "later": later, "returned": returned}


@pytest.fixture
def area(qtbot, ui_ctx, tasks, counter, files):
    from mpp_desk.ui.areas.files_area import FilesArea

    widget = FilesArea(ctx=ui_ctx, tasks=tasks, actor=counter, today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitUntil(lambda: widget.model.rowCount() == 2 and widget.current is not None, timeout=10000)
    yield widget
    qtbot.waitUntil(lambda: tasks.pending == 0, timeout=10000)
    widget.scanner.stop()


def row_by_number(area, number):
    for row in range(area.model.rowCount()):
        if area.model.row_object(row).registration_number == number:
            return row
    raise AssertionError(number)


def test_today_lists_due_and_overdue_with_the_overdue_highlighted(qtbot, area, files, qtmodeltester):
    late_number = files["late"].application.registration_number
    due_number = files["due"].application.registration_number
    assert "Jatuh tempo hari ini: 1 · terlambat: 1" == area.list_title.text()
    late_row, due_row = row_by_number(area, late_number), row_by_number(area, due_number)
    assert late_row == 0  # the most overdue first
    late_colour = area.model.index(late_row, 0).data(Qt.ItemDataRole.BackgroundRole).color().name()
    due_colour = area.model.index(due_row, 0).data(Qt.ItemDataRole.BackgroundRole).color().name()
    assert late_colour == "#ffebee" and due_colour == "#fff8e1"
    assert area.model.index(late_row, 4).data() == "1 hari kerja"
    assert area.model.index(due_row, 4).data() == "jatuh tempo hari ini"
    assert area.model.index(late_row, 1).data() == "Diterima"
    assert area.model.index(late_row, 7).data() == "3214********0001"
    qtmodeltester.check(area.model)


def test_search_by_number_name_and_status(qtbot, area, files):
    def search(text="", status=None, overdue=False):
        area.search.setText(text)
        area.status_filter.setCurrentIndex(area.status_filter.findData(status))
        area.overdue_only.setChecked(overdue)
        with qtbot.waitSignal(area.sig_loaded, timeout=10000) as blocker:
            qtbot.keyClick(area.search, Qt.Key.Key_Return)
        return blocker.args[0]

    assert search("mpp/2026/03/010001") == 1
    assert area.model.row_object(0).visit_id == files["late"].id
    assert search("ujang") == 1 and area.model.row_object(0).applicant_name == "Ujang Suryana"
    assert search("siti") == 1  # registered files; the returned "Siti Rahma" only under "incomplete"
    assert search("siti", status="incomplete") == 1 and area.model.row_object(0).status == "incomplete"
    assert area.model.index(0, 0).data() == "—"
    assert search("pt keamanan") == 1
    assert search("", overdue=True) == 1
    assert search("", status="received") == 3
    assert "3 berkas ditemukan" in area.list_title.text()


def test_status_changes_with_reason_and_hand_over_beside_the_fields(qtbot, area, files):
    area.table.selectRow(row_by_number(area, files["late"].application.registration_number))
    qtbot.waitUntil(lambda: area.current is not None and area.current.id == files["late"].id, timeout=10000)
    assert area.action_buttons["in_process"].isVisibleTo(area)
    assert not area.action_buttons["finished"].isVisibleTo(area)

    def click(status):
        with qtbot.waitSignal(area.sig_detail, timeout=10000):
            qtbot.mouseClick(area.action_buttons[status], Qt.MouseButton.LeftButton)

    click("in_process")
    assert area.current.application.status == "in_process"
    assert area.action_buttons["rejected"].isVisibleTo(area)
    # a rejection asks for the reason; without it the message stands beside the field
    qtbot.mouseClick(area.action_buttons["rejected"], Qt.MouseButton.LeftButton)
    assert area.step_box.isVisibleTo(area) and area.reason.isVisibleTo(area)
    with qtbot.waitSignal(area.sig_failed, timeout=10000):
        qtbot.keyClick(area.reason, Qt.Key.Key_Return)
    assert "alasan" in area.step_form.rows["reason"].error.text().lower()
    qtbot.keyClicks(area.reason, "Lokasi tidak sesuai RTRW")
    with qtbot.waitSignal(area.sig_detail, timeout=10000):
        qtbot.keyClick(area.reason, Qt.Key.Key_Return)
    app = area.current.application
    assert app.status == "rejected" and app.rejection_reason == "Lokasi tidak sesuai RTRW"
    assert "ditolak" in area.status.text().lower()
    # hand over the rejection letter: to whom
    qtbot.mouseClick(area.action_buttons["handed_over"], Qt.MouseButton.LeftButton)
    assert area.handed_over_to.isVisibleTo(area) and not area.reason.isVisibleTo(area)
    qtbot.keyClicks(area.handed_over_to, "Siti Aminah (pemohon)")
    with qtbot.waitSignal(area.sig_detail, timeout=10000):
        qtbot.keyClick(area.handed_over_to, Qt.Key.Key_Return)
    app = area.current.application
    assert app.status == "handed_over" and app.handed_over_to == "Siti Aminah (pemohon)"
    assert [h.to_status for h in app.history] == ["received", "in_process", "rejected", "handed_over"]
    assert "Sudah diserahkan" in area.history.text() and "siti" in area.history.text()
    assert not any(b.isVisibleTo(area) for b in area.action_buttons.values())
    # the due list no longer holds it
    qtbot.waitUntil(lambda: area.model.rowCount() == 1, timeout=10000)


def test_a_scanned_tanda_terima_opens_its_file_and_an_altered_one_is_refused(qtbot, area, ui_ctx, counter, files):
    from mpp_desk.intake import receipts

    with ui_ctx.uow(actor=counter) as uow:
        issued = receipts.issue_receipt(uow, visit_id=files["later"].id, data_dir=ui_ctx.data_dir,
                                        signer=Signer.for_data_dir(ui_ctx.data_dir))
        uow.commit()
    url = issued.view.qr_data
    area.table.setFocus()
    qtbot.keyClicks(area.table, url)
    qtbot.keyClick(area.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: area.current.id == files["later"].id, timeout=10000)
    assert area.detail_title.text().startswith(files["later"].application.registration_number)
    assert "asli" in area.status.text()
    # the same code with one character of the signature changed
    forged = url[:-3] + ("AAA" if not url.endswith("AAA") else "BBB")
    area.search.setFocus()
    with qtbot.waitSignal(area.sig_failed, timeout=10000):
        qtbot.keyClicks(area.search, forged)
        qtbot.keyClick(area.search, Qt.Key.Key_Return)
    assert "TIDAK asli" in area.status.text() and area.search.text() == ""


def test_without_personal_data_rights_the_list_shows_masked_names(qtbot, ui_ctx, tasks, files):
    """The administrator has no INTAKE right: the area is not in the shell, and the service masks names."""
    from mpp_desk.roles import TERMINAL
    from mpp_desk.ui.areas import areas_for

    assert "files" not in [s.key for s in areas_for("administrator")]
    from mpp_desk.intake import service

    with ui_ctx.uow(write=False, actor=TERMINAL) as uow:
        rows = service.search(uow, status="received")
    assert all("*" in r.applicant_name for r in rows)


def test_with_nothing_due_the_list_opens_with_the_latest_files_without_pressing_search(qtbot, ui_ctx, tasks, counter):
    from mpp_desk.ui.areas.files_area import FilesArea

    fresh = register_file(ui_ctx, counter, when=at("2026-04-02"))  # due weeks later: nothing is due on TODAY
    widget = FilesArea(ctx=ui_ctx, tasks=tasks, actor=counter, today=TODAY)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: widget.model.rowCount() == 1, timeout=10000)
    assert widget.model.row_object(0).registration_number == fresh.application.registration_number
    assert "Tidak ada yang jatuh tempo" in widget.list_title.text() and "30 hari" in widget.list_title.text()
    qtbot.waitUntil(lambda: tasks.pending == 0, timeout=10000)
    widget.scanner.stop()
