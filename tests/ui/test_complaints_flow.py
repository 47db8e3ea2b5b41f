"""The complaint desk driven through its widgets: capture with live rules, drafts, every step to closing."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from mpp_desk import officetime
from mpp_desk.models import AuditEntry

PASSWORD = "Pengaduan-Rahasia-2026"


@pytest.fixture
def desk(ui_ctx, sign_in):
    """Complaint officers "budi" and "rina" and supervisor "kepala", signed in."""
    from mpp_desk import auth
    from mpp_desk.roles import TERMINAL

    with ui_ctx.uow(actor=TERMINAL) as uow:
        for username, role in (("budi", "complaints"), ("rina", "complaints"), ("kepala", "supervisor")):
            auth.create_user(uow, username=username, full_name=f"{username.title()} Staf", role=role,
                             password=PASSWORD, must_change_password=False)
        uow.commit()
    return {name: sign_in(name, PASSWORD) for name in ("budi", "rina", "kepala")}


def wait_tasks(qtbot, tasks):
    qtbot.waitUntil(lambda: tasks.pending == 0, timeout=15000)


def open_area(qtbot, ctx, tasks, actor):
    from mpp_desk.ui.areas.complaints import ComplaintsArea

    area = ComplaintsArea(ctx=ctx, tasks=tasks, actor=actor)
    qtbot.addWidget(area)
    area.resize(1366, 700)
    area.show()
    qtbot.waitUntil(lambda: area.capture.setup is not None and area.capture.isEnabled(), timeout=15000)
    return area


def settle(qtbot, capture):
    """Let the debounced rules run."""
    capture._assess_timer.stop()
    capture.assess_now()


def fill_complaint(capture, **overrides):
    values = dict(name="Siti Aminah", phone="0812 3456 7890", substance="Berkas sudah lengkap tetapi belum diproses.")
    values.update(overrides)
    capture.reporter_name.setText(values["name"])
    capture.reporter_phone.setText(values["phone"])
    capture.substance.setPlainText(values["substance"])


def actions(ctx) -> list[str]:
    with ctx.uow(write=False) as uow:
        return list(uow.session.scalars(select(AuditEntry.action).order_by(AuditEntry.seq)))


def test_anonymous_message_becomes_a_suggestion_with_the_reason_shown(qtbot, ui_ctx, tasks, desk):
    area = open_area(qtbot, ui_ctx, tasks, desk["budi"])
    capture = area.capture
    capture.substance.setPlainText("Mohon disediakan kursi roda di pintu masuk.")
    capture.anonymous.setChecked(True)
    note = capture.notes["anonymous"]
    qtbot.waitUntil(lambda: bool(note.text()), timeout=5000)  # the debounced rules ran
    assert capture.kind_label.text() == "SARAN" and "Anonim: dicatat sebagai saran" in note.text()
    assert "Anonim" in capture.reasons_label.text()
    assert not capture.reporter_name.isEnabled()  # identity fields are off for an anonymous message
    assert capture.respond_label.text().startswith("Ditanggapi paling lambat")
    with qtbot.waitSignal(capture.sig_saved, timeout=15000) as saved:
        capture.save()
    detail = saved.args[0]
    assert detail.summary.kind == "suggestion" and detail.summary.reporter.anonymous
    assert capture.substance.toPlainText() == "" and not capture.anonymous.isChecked()  # ready for the next one
    assert capture.saved_box.isVisible() and detail.case_number in capture.saved_label.text()
    assert "saran" in capture.saved_label.text()
    qtbot.waitUntil(lambda: area.cases.detail.detail is not None, timeout=15000)  # the list opened the new case
    quiet(qtbot, tasks, capture)


@pytest.mark.clock
def test_late_complaint_is_flagged_and_the_officers_decision_recorded(qtbot, ui_ctx, tasks, desk):
    area = open_area(qtbot, ui_ctx, tasks, desk["budi"])
    capture = area.capture
    today = capture.setup.today
    fill_complaint(capture)
    served = today - dt.timedelta(days=40)
    capture.service_received_on.setDate(QDate(served.year, served.month, served.day))
    settle(qtbot, capture)
    note = capture.notes["service_received_on"]
    assert note.isVisible() and "40 hari kalender" in note.text() and "dapat diperlakukan sebagai saran" in note.text()
    assert note.objectName() == "errorNote"
    assert capture.form.rows["late_decision"].isVisibleTo(capture)
    capture.save()  # refused until the officer decides: shown beside the decision, the form kept
    error = capture.form.rows["late_decision"].error
    assert error.isVisible() and "putuskan" in error.text().lower()
    assert capture.reporter_name.text() == "Siti Aminah" and capture.substance.toPlainText()
    capture.late_decision.setCurrentIndex(capture.late_decision.findData("suggestion"))
    capture.late_decision_note.setText("Layanan diterima lebih dari sebulan lalu.")
    settle(qtbot, capture)
    assert capture.kind_label.text() == "SARAN"
    assert "petugas memutuskan memperlakukannya sebagai saran" in capture.notes["late_decision"].text()
    with qtbot.waitSignal(capture.sig_saved, timeout=15000) as saved:
        capture.save()
    detail = saved.args[0]
    assert detail.summary.kind == "suggestion" and detail.summary.late and detail.late_decision == "suggestion"
    assert detail.steps[-1].notes == "Layanan diterima lebih dari sebulan lalu."


def test_the_service_date_takes_a_typed_date_and_its_calendar_opens_at_the_office_month(qtbot, ui_ctx, tasks, desk):
    area = open_area(qtbot, ui_ctx, tasks, desk["budi"])
    capture = area.capture
    field = capture.service_received_on
    today = capture.setup.today
    for typed in ("05/11/2026", "5-11-2026", "05.11.26"):
        field.edit.clear()
        qtbot.keyClicks(field.edit, typed)
        assert field.date() == dt.date(2026, 11, 5), typed
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)  # leaving the field writes it the office's way
    assert field.edit.text() == "05-11-2026" and capture.draft().service_received_on == dt.date(2026, 11, 5)
    # not a date: said beside the field, kept as typed, and saving stops there
    field.edit.clear()
    qtbot.keyClicks(field.edit, "31/02/2026")
    settle(qtbot, capture)
    assert field.date() is None and field.edit.text() == "31/02/2026"
    assert "Bukan tanggal" in capture.notes["service_received_on"].text()
    fill_complaint(capture)
    capture.save()
    assert "Bukan tanggal" in capture.form.rows["service_received_on"].error.text()
    assert capture.focusWidget() is field.edit and not capture.saving
    # empty: not known; the calendar opens at this month, not at January 2000
    field.edit.clear()
    assert field.date() is None and field.is_valid()
    popup = field.open_calendar()
    assert (popup.yearShown(), popup.monthShown()) == (today.year, today.month)
    popup.clicked.emit(QDate(today.year, today.month, 1))
    assert field.date() == today.replace(day=1) and not popup.isVisible()
    quiet(qtbot, tasks, capture)


def test_long_service_names_are_whole_in_the_drop_down_and_its_tooltip(qtbot, ui_ctx, tasks, desk):
    area = open_area(qtbot, ui_ctx, tasks, desk["budi"])
    combo = area.capture.service
    metrics = combo.view().fontMetrics()
    widest = max(metrics.horizontalAdvance(combo.itemText(i)) for i in range(combo.count()))
    assert combo.view().minimumWidth() >= widest  # the open list shows every name whole
    combo.setCurrentIndex(1)
    title = combo.itemText(1)
    assert combo.itemData(1, Qt.ItemDataRole.ToolTipRole) == title and combo.toolTip() == title
    quiet(qtbot, tasks, area.capture)


def quiet(qtbot, tasks, capture):
    """No autosave left to start once the test's task manager is shut down."""
    capture._autosave_timer.stop()
    wait_tasks(qtbot, tasks)


def field_tops(capture) -> dict[str, int]:
    form = capture.form_scroll.widget()
    return {key: row.mapTo(form, QPoint(0, 0)).y() for key, row in capture.form.rows.items() if row.isVisible()}


def test_fields_stay_in_place_while_the_rules_messages_come_and_go(qtbot, ui_ctx, tasks, desk):
    area = open_area(qtbot, ui_ctx, tasks, desk["budi"])
    capture = area.capture
    settle(qtbot, capture)
    before = field_tops(capture)
    steps = [
        lambda: capture.reporter_name.setText("Siti Aminah"),  # "a name alone is not an identity" under the phone
        lambda: capture.reporter_nik.setText("3214"),  # a wrong NIK: said under it
        lambda: capture.reporter_nik.clear(),
        lambda: capture.reporter_phone.setText("0812 3456 7890"),  # the identity hint goes
        lambda: capture.substance.setPlainText("Berkas belum diproses."),  # the substance hint goes
        lambda: capture.anonymous.setChecked(True),
        lambda: capture.anonymous.setChecked(False),
    ]
    for number, step in enumerate(steps, start=1):
        step()
        settle(qtbot, capture)
        QApplication.processEvents()
        assert field_tops(capture) == before, f"fields moved after step {number}"
    quiet(qtbot, tasks, capture)


def test_a_refused_late_complaint_scrolls_to_the_decision_and_focuses_it(qtbot, ui_ctx, tasks, desk):
    area = open_area(qtbot, ui_ctx, tasks, desk["budi"])
    area.resize(1136, 640)  # what the shell leaves of a 1366×768 screen
    capture = area.capture
    fill_complaint(capture, substance="Berkas sudah lengkap tetapi belum diproses.\n" * 4)
    capture.reporter_address.setPlainText("Jl. Ipik Gandamanah 5, Purwakarta")
    served = capture.setup.today - dt.timedelta(days=45)
    capture.service_received_on.setDate(served)
    settle(qtbot, capture)
    capture.form_scroll.verticalScrollBar().setValue(0)
    capture.save()
    QApplication.processEvents()
    row = capture.form.rows["late_decision"]
    assert row.error.isVisible() and capture.focusWidget() is capture.late_decision
    viewport = capture.form_scroll.viewport()
    top = row.mapTo(viewport, QPoint(0, 0)).y()
    assert 0 <= top and top + row.height() <= viewport.height(), "the decision is out of sight"
    quiet(qtbot, tasks, capture)


def test_the_reason_for_accepting_a_late_complaint_is_kept_and_shown_with_the_case(qtbot, ui_ctx, tasks, desk):
    area = open_area(qtbot, ui_ctx, tasks, desk["budi"])
    capture = area.capture
    fill_complaint(capture)
    capture.service_received_on.setDate(capture.setup.today - dt.timedelta(days=45))
    settle(qtbot, capture)
    capture.late_decision.setCurrentIndex(capture.late_decision.findData("complaint"))
    capture.late_decision_note.setText("Pelapor dirawat di rumah sakit selama sebulan.")
    with qtbot.waitSignal(capture.sig_saved, timeout=15000) as saved:
        capture.save()
    detail = saved.args[0]
    assert detail.summary.kind == "complaint" and detail.late_decision == "complaint"
    assert detail.late_decision_note == "Pelapor dirawat di rumah sakit selama sebulan."
    area.tabs.setCurrentWidget(area.cases)
    area.cases.open_case(detail.id)
    panel = area.cases.detail
    qtbot.waitUntil(lambda: panel.detail is not None and panel.detail.id == detail.id, timeout=15000)
    assert "Pelapor dirawat di rumah sakit selama sebulan." in panel.info.text()
    assert "Pelapor dirawat di rumah sakit selama sebulan." in panel.timeline.toPlainText()
    wait_tasks(qtbot, tasks)


def run_step(qtbot, panel, action, **values):
    panel.start_action(action)
    qtbot.waitUntil(lambda: panel.dialog is not None and panel.dialog.step == action and panel.dialog.isVisible(),
                    timeout=15000)
    dialog = panel.dialog
    for key, value in values.items():
        dialog.set(key, value)
    with qtbot.waitSignal(dialog.sig_done, timeout=15000):
        dialog.submit()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    return panel.detail


@pytest.mark.clock
def test_a_complaint_goes_through_every_step_to_closing_via_the_widgets(qtbot, ui_ctx, tasks, desk):
    area = open_area(qtbot, ui_ctx, tasks, desk["budi"])
    capture = area.capture
    fill_complaint(capture, substance="Verifikasi sertifikat standar saya tertunda.")
    capture.channel.setCurrentIndex(capture.channel.findData("whatsapp"))
    capture.service.setCurrentIndex(2)
    capture.lapor_direction.setCurrentIndex(capture.lapor_direction.findData("from"))
    capture.lapor_id.setText("LPR-2026-31337")
    settle(qtbot, capture)
    assert capture.kind_label.text() == "PENGADUAN"
    expected_due = capture.setup.calendar.add_working_days(capture.setup.today, 14)
    assert capture.assessment.respond_by == expected_due
    assert capture.notes["received_at"].objectName() == "okNote"
    with qtbot.waitSignal(capture.sig_saved, timeout=15000) as saved:
        capture.save()
    case = saved.args[0]

    # the receipt straight after saving: preview of both papers, kept as PDF
    capture.receipt_button.click()
    panel = area.cases.detail
    qtbot.waitUntil(lambda: panel.dialog is not None and panel.dialog.isVisible(), timeout=20000)
    receipt = panel.dialog
    assert not receipt.preview.copy and receipt.pages["a4"].pixmap().width() > 500
    assert receipt.pages["80mm"].pixmap().height() > receipt.pages["80mm"].pixmap().width()
    assert all(path.exists() for path in receipt.preview.paths.values())
    receipt.accept()

    capture.open_button.click()
    qtbot.waitUntil(lambda: panel.detail is not None and panel.detail.id == case.id, timeout=15000)
    assert area.tabs.currentWidget() is area.cases
    qtbot.waitUntil(lambda: area.cases.model.rowCount() >= 1, timeout=15000)
    qtbot.waitUntil(lambda: bool(panel.officers), timeout=15000)
    run_step(qtbot, panel, "assign", username="rina")
    run_step(qtbot, panel, "assign", username="budi", notes="Kembali ke Budi")
    run_step(qtbot, panel, "classify", problem_type="completion_time", sector="Perizinan berusaha")
    run_step(qtbot, panel, "analyse", core_problem="Verifikasi melewati jangka waktu.",
             standard_link="Standar Pelayanan angka 3", plan=["clarification", "confirmation"])
    # a refused step keeps the dialog open with the message beside the field
    panel.start_action("follow_up")
    qtbot.waitUntil(lambda: panel.dialog.step == "follow_up" and panel.dialog.isVisible(), timeout=15000)
    dialog = panel.dialog
    dialog.set("path", "agency")
    dialog.set("action", "Koordinasi dengan dinas teknis")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.form.rows["agency"].error.isVisible(), timeout=15000)
    assert dialog.isVisible() and dialog.values()["action"] == "Koordinasi dengan dinas teknis"
    dialog.set("agency", "Dinas Komunikasi dan Informatika")
    with qtbot.waitSignal(dialog.sig_done, timeout=15000):
        dialog.submit()
    assert not panel.buttons["approve_apip"].isVisible()  # the desk does not approve APIP
    assert not panel.buttons["close"].isEnabled() or panel.detail.missing_for_close()
    run_step(qtbot, panel, "report_to_superior", level="section_head", report="Laporan tertulis tindak lanjut.")
    informed_at = officetime.now()  # the process clock: the case was received "today" by it
    run_step(qtbot, panel, "inform", method="telephone", informed_at=informed_at, message="Verifikasi selesai besok.")
    detail = run_step(qtbot, panel, "close", outcome="Sertifikat terbit.")
    assert detail.summary.status == "closed"
    assert [s.type for s in detail.steps] == ["received", "assigned", "assigned", "classified", "analysed",
                                              "resolution", "reported", "informed", "closed"]
    timeline = panel.timeline.toPlainText()
    for words in ("Diterima", "Ditugaskan", "Dikelompokkan", "Ditelaah", "Tindak lanjut", "Dilaporkan kepada atasan",
                  "Pelapor diberi tahu", "Selesai", "Klarifikasi, Konfirmasi", "Dinas Komunikasi dan Informatika",
                  "budi"):
        assert words in timeline, words
    assert panel.buttons["reopen"].isEnabled() and not panel.buttons["close"].isEnabled()
    reopened = run_step(qtbot, panel, "reopen", reason="Pelapor belum menerima sertifikat.")
    assert reopened.summary.status == "open" and reopened.steps[-1].type == "reopened"
    # a second receipt is a copy
    panel.receipt()
    qtbot.waitUntil(lambda: isinstance(panel.dialog, type(receipt)) and panel.dialog is not receipt
                    and panel.dialog.isVisible(), timeout=20000)
    assert panel.dialog.preview.copy
    panel.dialog.accept()
    done = actions(ui_ctx)
    for action in ("complaints.captured", "complaints.assigned", "complaints.reassigned", "complaints.classified",
                   "complaints.analysed", "complaints.followed_up", "complaints.reported", "complaints.informed",
                   "complaints.closed", "complaints.reopened", "complaints.receipt_printed"):
        assert action in done, action
    wait_tasks(qtbot, tasks)


def test_a_failed_save_keeps_the_form_and_the_draft(qtbot, ui_ctx, tasks, desk, monkeypatch):
    from mpp_desk.complaints import service
    from mpp_desk.ui.ops import complaints as ops

    area = open_area(qtbot, ui_ctx, tasks, desk["budi"])
    capture = area.capture
    fill_complaint(capture)
    capture.reporter_nik.setText("1234")
    capture.save()  # refused by the rules at once, beside the NIK
    assert capture.form.rows["reporter_nik"].error.isVisible()
    assert "16 angka" in capture.form.rows["reporter_nik"].error.text()
    capture.reporter_nik.setText("")

    def broken(*_args, **_kwargs):
        raise RuntimeError("disk I/O error")

    monkeypatch.setattr(ops, "save_case", broken)
    capture.save()
    qtbot.waitUntil(lambda: "disk I/O error" in capture.status.text(), timeout=15000)
    assert capture.reporter_name.text() == "Siti Aminah"
    assert capture.substance.toPlainText() == "Berkas sudah lengkap tetapi belum diproses."
    wait_tasks(qtbot, tasks)
    with ui_ctx.uow(write=False, actor=desk["budi"]) as uow:
        kept = service.load_draft(uow)
    assert kept is not None and kept.form["reporter_name"] == "Siti Aminah"


def test_the_draft_is_restored_after_the_area_is_recreated(qtbot, ui_ctx, tasks, desk, tmp_path):
    area = open_area(qtbot, ui_ctx, tasks, desk["budi"])
    capture = area.capture
    fill_complaint(capture, substance="Petugas loket 3 tidak ramah ✓ — mohon ditindaklanjuti.")
    capture.reporter_email.setText("siti@example.com")
    capture.channel.setCurrentIndex(capture.channel.findData("email"))
    from tests.intake_support import real_png

    photo = real_png(tmp_path / "bukti.png")
    capture.add_file(str(photo))
    bad = tmp_path / "bukan-foto.png"
    bad.write_bytes(b"GIF89a not really a png")
    capture.add_file(str(bad))
    assert capture.form.rows["attachments"].error.isVisible() and "bukan-foto.png" in capture.form.rows[
        "attachments"].error.text()
    assert capture.attachment_paths() == [str(photo)]
    qtbot.waitUntil(lambda: not capture.dirty, timeout=15000)  # the autosave ran (every few seconds)
    wait_tasks(qtbot, tasks)
    area.close()

    again = open_area(qtbot, ui_ctx, tasks, desk["budi"])
    c = again.capture
    assert c.reporter_name.text() == "Siti Aminah" and c.reporter_email.text() == "siti@example.com"
    assert c.substance.toPlainText() == "Petugas loket 3 tidak ramah ✓ — mohon ditindaklanjuti."
    assert c.channel.currentData() == "email" and c.attachment_paths() == [str(photo)]
    assert "dipulihkan" in c.status.text()
    other = open_area(qtbot, ui_ctx, tasks, desk["rina"])  # another officer's form is empty
    assert other.capture.reporter_name.text() == "" and other.capture.substance.toPlainText() == ""
    with qtbot.waitSignal(c.sig_saved, timeout=15000) as saved:
        c.save()
    assert saved.args[0].attachments[0].filename == "bukti.png"
    wait_tasks(qtbot, tasks)
    third = open_area(qtbot, ui_ctx, tasks, desk["budi"])  # saved: nothing to restore
    assert third.capture.reporter_name.text() == ""


def test_case_list_model_passes_the_model_tester(qtmodeltester, qtbot, ui_ctx, tasks, desk):
    area = open_area(qtbot, ui_ctx, tasks, desk["budi"])
    fill_complaint(area.capture)
    with qtbot.waitSignal(area.capture.sig_saved, timeout=15000):
        area.capture.save()
    qtbot.waitUntil(lambda: area.cases.model.rowCount() == 1, timeout=15000)
    qtmodeltester.check(area.cases.model)
    assert area.cases.model.index(0, 4).data() == "14 hari kerja lagi" or "hari kerja" in area.cases.model.index(0, 4).data()


def _saved_receipt(qtbot, ui_ctx, tasks, desk):
    area = open_area(qtbot, ui_ctx, tasks, desk["budi"])
    capture = area.capture
    fill_complaint(capture)
    settle(qtbot, capture)
    with qtbot.waitSignal(capture.sig_saved, timeout=15000) as saved:
        capture.save()
    capture.receipt_button.click()
    panel = area.cases.detail
    qtbot.waitUntil(lambda: panel.dialog is not None and panel.dialog.isVisible(), timeout=20000)
    return saved.args[0], panel.dialog


def _set_receipt_printer(ctx, spec: str) -> None:
    from mpp_desk import settings
    from mpp_desk.roles import TERMINAL

    with ctx.uow(actor=TERMINAL) as uow:
        settings.set(uow, key="printer.receipt", value=spec, outside_data_folder=True)
        uow.commit()


@pytest.mark.parametrize("kind", ["escpos-file", "pdf"])
def test_the_receipt_goes_to_this_pcs_receipt_printer(qtbot, ui_ctx, tasks, desk, tmp_path, kind, device_files):
    target = tmp_path / ("printer.bin" if kind == "escpos-file" else "printed")
    _set_receipt_printer(ui_ctx, f"{kind}:{target}")
    case, dialog = _saved_receipt(qtbot, ui_ctx, tasks, desk)
    dialog.print_button.click()
    qtbot.waitUntil(lambda: dialog.message.isVisible(), timeout=15000)
    assert dialog.message.objectName() == "okNote" and dialog.message.text().startswith("Dikirim ke")
    if kind == "escpos-file":  # the roll receipt as ESC/POS: the case number in text and the printer's own QR
        data = target.read_bytes()
        assert case.case_number.encode() in data and b"\x1d(k" in data
    else:  # the kept A4 PDF, byte for byte
        (printed,) = target.iterdir()
        assert printed.read_bytes() == dialog.preview.paths["a4"].read_bytes()


def test_without_a_receipt_printer_the_print_dialog_prints_the_kept_pdf(qtbot, ui_ctx, tasks, desk, monkeypatch):
    from mpp_desk.ui.areas.complaints import ReceiptDialog

    painted = []
    monkeypatch.setattr(ReceiptDialog, "_run_print_dialog", lambda self, printer: True)
    monkeypatch.setattr("mpp_desk.ui.receipt_print.paint_pdf", lambda pdf, printer: painted.append(pdf) or 1)
    _case, dialog = _saved_receipt(qtbot, ui_ctx, tasks, desk)
    dialog.tabs.setCurrentIndex(1)  # the 80 mm roll
    dialog.print_button.click()
    qtbot.waitUntil(lambda: bool(painted), timeout=15000)
    assert painted == [dialog.preview.paths["80mm"].read_bytes()]
    assert dialog.message.objectName() == "okNote"


def test_a_printer_fault_is_explained_and_printing_can_be_repeated(qtbot, ui_ctx, tasks, desk, tmp_path,
                                                                  device_files):
    _set_receipt_printer(ui_ctx, f"escpos-file:{tmp_path / 'no-such-dir' / 'lp0'}")
    _case, dialog = _saved_receipt(qtbot, ui_ctx, tasks, desk)
    dialog.print_button.click()
    qtbot.waitUntil(lambda: dialog.message.isVisible() and dialog.print_button.isEnabled(), timeout=15000)
    assert dialog.message.objectName() == "errorNote"
    assert "Printer tanda terima" in dialog.message.text() and "cetak lagi" in dialog.message.text()


def test_multi_line_fields_show_a_character_counter_and_an_over_long_text_is_refused_not_cut(qtbot, ui_ctx, tasks,
                                                                                              desk):
    from mpp_desk.complaints.rules import MAX_LENGTHS

    area = open_area(qtbot, ui_ctx, tasks, desk["budi"])
    capture = area.capture
    counter = capture.form.rows["substance"].counter
    assert counter.text() == "0 / 20000 karakter" and not counter.over
    fill_complaint(capture, substance="Antrian lama")
    assert counter.text() == "12 / 20000 karakter"
    too_long = "a" * (MAX_LENGTHS["substance"] + 5)
    capture.substance.setPlainText(too_long)
    assert counter.over and counter.text() == "20005 / 20000 karakter: kelebihan 5"
    assert capture.substance.toPlainText() == too_long  # nothing cut
    assert capture.form.rows["reporter_address"].counter.text() == "0 / 1000 karakter"
    capture.save()
    qtbot.waitUntil(lambda: capture.form.rows["substance"].error.isVisible(), timeout=15000)
    assert "terlalu panjang" in capture.form.rows["substance"].error.text()
    wait_tasks(qtbot, tasks)
