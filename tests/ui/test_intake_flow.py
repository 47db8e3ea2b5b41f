"""The intake flow through the real widgets, by keyboard: a complete file and an incomplete one."""

from __future__ import annotations

import datetime as dt
import re

import pypdfium2 as pdfium
import pytest
import zxingcpp
from PySide6.QtCore import Qt
from sqlalchemy import select

from mpp_desk.models import Application, IntakeReceipt, IntakeVisit
from tests.intake_support import NIK, NIK_2
from tests.ui.conftest import COUNTER_PASSWORD

KEYS = {"\n": Qt.Key.Key_Return}


def focus(area):
    """The widget that has the keyboard inside the area (the officer never clicks)."""
    widget = area.focusWidget()
    assert widget is not None
    return widget


def type_text(qtbot, area, text: str) -> None:
    """Key presses into the focused widget; letters QTest cannot spell (Ñ, Ş, 李) go as key events with text."""
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for char in text:
        if char.isascii():
            qtbot.keyClicks(focus(area), char)
        else:
            for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
                QApplication.sendEvent(focus(area), QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def press(qtbot, area, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focus(area), key, modifier)


def ink(label) -> str:
    """The colour a label's text is painted in: "red" (errorNote), "green" (okNote) or "other"."""
    image = label.grab().toImage()
    red = green = 0
    for y in range(image.height()):
        for x in range(0, image.width(), 2):
            c = image.pixelColor(x, y)
            if c.red() > 150 and c.green() < 90 and c.blue() < 90:
                red += 1
            elif c.green() > 100 and c.red() < 90 and c.blue() < 90:
                green += 1
    return "red" if red > green else "green" if green > red else "other"


def pdf_text_and_codes(pdf: bytes) -> tuple[str, list[str]]:
    doc = pdfium.PdfDocument(pdf)
    try:
        text, codes = [], []
        for page in doc:
            tp = page.get_textpage()
            text.append(tp.get_text_range())
            tp.close()
            image = page.render(scale=203 / 72).to_pil()
            codes += [c.text for c in zxingcpp.read_barcodes(image) if c.format == zxingcpp.BarcodeFormat.QRCode]
        return " ".join(" ".join(text).split()), codes
    finally:
        doc.close()


@pytest.fixture
def counter(ui_ctx, sign_in, tmp_path):
    """Signed-in counter officer "siti" on counter 3, receipts printed to a PDF folder."""
    from mpp_desk import settings
    from mpp_desk.roles import TERMINAL

    with ui_ctx.uow(actor=TERMINAL) as uow:
        settings.set(uow, key="pc.counter_number", value=3)
        settings.set(uow, key="printer.receipt", value=f"pdf:{tmp_path / 'printed'}",
                     outside_data_folder=True)
        uow.commit()
    return sign_in("siti", COUNTER_PASSWORD)


@pytest.fixture
def area(qtbot, ui_ctx, tasks, counter):
    from mpp_desk.ui.areas.intake import IntakeArea

    widget = IntakeArea(ctx=ui_ctx, tasks=tasks, actor=counter, clock=lambda: ticket_moment())
    widget._confirm_discard = lambda: True  # no modal question when the test closes the area
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitUntil(lambda: widget.service_list.count() == 2, timeout=10000)
    yield widget
    qtbot.waitUntil(lambda: tasks.pending == 0, timeout=10000)
    widget.scanner.stop()


def ticket_moment() -> dt.datetime:
    """09:30 on the first working day from 17 March 2099: the day the tests' tickets are issued and found."""
    from zoneinfo import ZoneInfo

    from mpp_desk.workdays import WorkingCalendar

    day = dt.date(2099, 3, 17)
    calendar = WorkingCalendar()
    while not calendar.is_working_day(day):
        day += dt.timedelta(days=1)
    return dt.datetime.combine(day, dt.time(9, 30), tzinfo=ZoneInfo("Asia/Jakarta"))


def future_ticket(ctx):
    """A ticket issued at :func:`ticket_moment` (the intake area's clock is set to that day)."""
    from mpp_desk.queue import LocalQueue

    return LocalQueue.from_context(ctx).issue(group_code="A", now=ticket_moment()).ticket


def test_a_complete_file_by_keyboard_registers_prints_and_reprints_as_salinan(qtbot, area, ui_ctx, tmp_path):
    from mpp_desk.intake.receipts import verify_receipt

    from mpp_desk import settings
    from mpp_desk.roles import TERMINAL

    with ui_ctx.uow(actor=TERMINAL) as uow:  # no year confirmed yet: every due date is an estimate
        settings.set(uow, key="calendar.confirmed_through", value=2000)
        uow.commit()
    ticket = future_ticket(ui_ctx)
    # the queue number of the called applicant, then the service: typed, never clicked
    assert focus(area) is area.search
    press(qtbot, area, Qt.Key.Key_Backtab)
    assert focus(area) is area.ticket_code
    type_text(qtbot, area, ticket.code.lower())
    press(qtbot, area, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: area.ticket is not None, timeout=10000)
    assert ticket.code in area.ticket_label.text()
    assert focus(area) is area.search
    type_text(qtbot, area, "keamanan informasi")
    assert area.service_list.count() == 1
    press(qtbot, area, Qt.Key.Key_Return)
    assert area.page == area.APPLICANT
    # the applicant: Enter moves from field to field, the last one goes on to the checklist
    assert focus(area) is area.kind
    press(qtbot, area, Qt.Key.Key_Return)
    assert focus(area) is area.nik
    type_text(qtbot, area, "3214 0155 0590 0001")
    press(qtbot, area, Qt.Key.Key_Return)
    assert focus(area) is area.full_name
    type_text(qtbot, area, "Siti Aminah")
    press(qtbot, area, Qt.Key.Key_Return)
    type_text(qtbot, area, "0812-3456-7890")
    press(qtbot, area, Qt.Key.Key_Return)
    assert focus(area) is area.address
    assert area.has_unsaved_changes()
    type_text(qtbot, area, "Jl. Veteran No. 1, Purwakarta")
    with qtbot.waitSignal(area.sig_visit_saved, timeout=10000):
        press(qtbot, area, Qt.Key.Key_Return)
    assert area.page == area.CHECKLIST and focus(area) is area.table
    assert area.model.rowCount() == 12 and not area.has_unsaved_changes()
    # the checklist: 1 on every line (each moves down); back up to line 3 for a note
    for _ in range(12):
        press(qtbot, area, Qt.Key.Key_1)
    assert area.model.counts()["present_valid"] == 12
    # the seed's requirements are conditions ("Skala usaha kecil atau menengah"): met, not "present and valid"
    result = area.model.data(area.model.index(0, 2))
    assert "Terpenuhi" in result and "Ada dan sesuai" not in result
    for _ in range(9):
        press(qtbot, area, Qt.Key.Key_Up)
    assert area.table.currentIndex().row() == 2
    press(qtbot, area, Qt.Key.Key_Return)
    assert focus(area) is area.note
    type_text(qtbot, area, "asli dan fotokopi")
    press(qtbot, area, Qt.Key.Key_Return)
    assert focus(area) is area.table and area.model.note(2) == "asli dan fotokopi"
    assert "Daftarkan" in area.finish_button.text()
    # F12: registered, receipt issued, kept and printed in one go
    with qtbot.waitSignals([area.sig_finished, area.sig_printed, area.sig_preview_ready], timeout=20000):
        press(qtbot, area, Qt.Key.Key_F12)
    finished = area.finished
    number = finished.visit.application.registration_number
    assert re.fullmatch(r"MPP/\d{4}/\d{2}/03\d{4}", number)  # block 03: this PC is counter 3
    assert number in area.result_title.text() and area.page == area.DONE
    assert area.printed and "Cetak ulang" in area.print_button.text()
    assert area.preview.shown_pages == 1
    with ui_ctx.uow(write=False) as uow:
        visit = uow.session.get(IntakeVisit, finished.visit.id)
        assert visit.ticket_id == ticket.id and visit.outcome == "complete"
        assert uow.session.scalar(select(Application.registration_number)) == number
    kept = ui_ctx.data_dir / finished.receipt.pdf_path
    printed = list((tmp_path / "printed").glob("*.pdf"))
    assert kept.exists() and [p.read_bytes() for p in printed] == [kept.read_bytes()]
    text, codes = pdf_text_and_codes(kept.read_bytes())
    assert "TANDA TERIMA BERKAS PERMOHONAN" in text and number in text and "asli dan fotokopi" in text
    assert "Siti Petugas (Loket 3)" in text and "3214********0001" in text and NIK not in text
    # the paper as the office signs it: letterhead, A/B, conditions met, signature lines, OSS delivery
    for expected in ("PEMERINTAH KABUPATEN PURWAKARTA", "A. Persyaratan Umum", "B. Persyaratan Khusus", "Terpenuhi",
                     "Yang menyerahkan", "Yang menerima", "( Siti Aminah )", "( Siti Petugas )",
                     "terbit secara elektronik melalui OSS"):
        assert expected in text, expected
    assert re.search(r"pukul \d\d\.\d\d WIB", text) and not re.search(r"\d\d:\d\d", text)
    # the year's calendar is not confirmed (see the start): the due date is an estimate, on screen and on paper
    assert "perkiraan" in area.done_page.result_detail.text() and "(perkiraan)" in text
    with ui_ctx.uow(write=False) as uow:
        check = verify_receipt(uow, codes[0], data_dir=ui_ctx.data_dir)
    assert check.valid and check.registration_number == number
    # Ctrl+P once more: a new copy that says SALINAN, printed and kept
    with qtbot.waitSignals([area.sig_printed, area.sig_preview_ready], timeout=20000):
        press(qtbot, area, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert area.issued.copy_number == 2
    text, _codes = pdf_text_and_codes((ui_ctx.data_dir / area.issued.pdf_path).read_bytes())
    assert "SALINAN" in text
    with ui_ctx.uow(write=False) as uow:
        copies = uow.session.execute(select(IntakeReceipt.copy_number, IntakeReceipt.printed_at)).all()
    assert sorted(c for c, _ in copies) == [1, 2] and all(p is not None for _, p in copies)
    # Ctrl+N: the next applicant, the service just used comes first
    press(qtbot, area, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: area.page == area.START and area.service_list.count() == 2, timeout=10000)
    qtbot.waitUntil(lambda: area.service_list.item(0).text().startswith("★ 67."), timeout=10000)


def test_an_incomplete_file_gets_a_return_slip_and_its_scan_starts_the_next_visit(qtbot, area, ui_ctx, tmp_path):
    # a business applicant for annex 45 (five requirements)
    type_text(qtbot, area, "71205")
    press(qtbot, area, Qt.Key.Key_Return)
    assert area.service.annex_number == 45
    press(qtbot, area, Qt.Key.Key_Down)  # the applicant kind: business
    assert area.kind.currentData() == "business"
    press(qtbot, area, Qt.Key.Key_Return)
    for text in (NIK_2, "Ñoño Şükrü 李", "0813 1111 2222", "Jl. Ipik Gandamanah 5", "PT Kalibrasi Presisi",
                 "81200001"):
        type_text(qtbot, area, text)
        press(qtbot, area, Qt.Key.Key_Return)
    # a short NIB is refused beside its field, and what was typed stays
    assert focus(area) is area.npwp  # optional: left empty
    with qtbot.waitSignal(area.sig_failed, timeout=10000):
        press(qtbot, area, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert area.form.rows["nib"].error.isVisibleTo(area) and "13 angka" in area.form.rows["nib"].error.text()
    assert area.business_name.text() == "PT Kalibrasi Presisi" and focus(area) is area.nib
    area.nib.selectAll()
    type_text(qtbot, area, "8120000123456")
    with qtbot.waitSignal(area.sig_visit_saved, timeout=10000):
        press(qtbot, area, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert area.model.rowCount() == 5
    # 1 present, 2 missing (with a note), 3 not valid, then Alt+A for the rest
    press(qtbot, area, Qt.Key.Key_1)
    press(qtbot, area, Qt.Key.Key_2)
    press(qtbot, area, Qt.Key.Key_Up)
    press(qtbot, area, Qt.Key.Key_Return)
    type_text(qtbot, area, "Akun SIINas belum dibuat")
    press(qtbot, area, Qt.Key.Key_Return)
    press(qtbot, area, Qt.Key.Key_3)
    press(qtbot, area, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    assert [area.model.state(r) for r in range(5)] == [
        "present_valid", "missing", "invalid", "present_valid", "present_valid"]
    assert area.has_unsaved_changes()
    with qtbot.waitSignal(area.sig_visit_saved, timeout=10000):
        press(qtbot, area, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not area.has_unsaved_changes()
    assert "Kembalikan" in area.finish_button.text()
    with qtbot.waitSignals([area.sig_finished, area.sig_printed, area.sig_preview_ready], timeout=20000):
        press(qtbot, area, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    result = area.finished
    assert result.visit.outcome == "incomplete" and result.visit.application is None
    assert ink(area.result_title) == "red"  # "Not complete" is said in the error colour, not in green
    assert result.receipt.kind == "return_slip"
    with ui_ctx.uow(write=False) as uow:
        assert uow.session.scalar(select(Application.id)) is None  # nothing registered
    text, codes = pdf_text_and_codes(result.receipt.pdf)
    assert "BERKAS BELUM LENGKAP" in text and "Akun SIINas belum dibuat" in text
    assert "Tidak terpenuhi" in text and "Tidak sesuai" in text  # the seed lists conditions: met or not and "Ñoño Şükrü" in text
    # the applicant comes back: the scanner types the slip's address into whatever has the focus
    assert focus(area) is area.print_button
    with qtbot.waitSignal(area.sig_loaded, timeout=10000):
        area.reload()
    type_text(qtbot, area, codes[0])
    assert area.scanner.capturing
    press(qtbot, area, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: area.page == area.APPLICANT, timeout=10000)
    assert area.previous_visit_id == result.visit.id and area.service.annex_number == 45
    assert area.full_name.text() == "Ñoño Şükrü 李" and area.nib.text() == "8120000123456"
    with qtbot.waitSignal(area.sig_visit_saved, timeout=10000):
        press(qtbot, area, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    # what was fine last time is already marked; the two problems are to be checked again
    assert [area.model.state(r) for r in range(5)] == ["present_valid", None, None, "present_valid", "present_valid"]
    assert area.table.currentIndex().row() == 1
    assert area.visit.previous_visit_id == result.visit.id


def test_a_scan_into_a_text_field_leaves_no_address_behind(qtbot, area, ui_ctx):
    area.search.setFocus()
    type_text(qtbot, area, "kal")
    with qtbot.waitSignal(area.scanner.sig_scanned, timeout=5000) as blocker:
        type_text(qtbot, area, "https://mpp.purwakartakab.go.id/v/abc.def.ghi")
        press(qtbot, area, Qt.Key.Key_Return)
    assert blocker.args == ["https://mpp.purwakartakab.go.id/v/abc.def.ghi"]
    assert area.search.text() == "kal"
    qtbot.waitUntil(lambda: "rusak" in area.status.text(), timeout=10000)  # not a receipt: said, nothing opened
    assert area.page == area.START


def test_unsaved_typing_warns_before_the_window_closes_and_a_draft_survives(qtbot, area, ui_ctx, tasks, counter,
                                                                             monkeypatch):
    from mpp_desk.ui.areas.intake import IntakeArea

    type_text(qtbot, area, "keamanan")
    press(qtbot, area, Qt.Key.Key_Return)
    area.nik.setFocus()
    type_text(qtbot, area, NIK)
    asked = []
    monkeypatch.setattr(area, "_confirm_discard", lambda: asked.append(1) or False)
    assert area.has_unsaved_changes()
    assert not area.close()  # refused: the officer chose to stay
    assert asked and area.isVisible()
    # the applicant is saved (draft); then the app "crashes": a new area offers to continue it
    for field, text in ((area.full_name, "Siti Aminah"), (area.phone, "081234567890")):
        field.setFocus()
        type_text(qtbot, area, text)
    with qtbot.waitSignal(area.sig_visit_saved, timeout=10000):
        press(qtbot, area, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, area, Qt.Key.Key_1)
    with qtbot.waitSignal(area.sig_visit_saved, timeout=10000):
        press(qtbot, area, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    draft_id = area.visit.id
    again = IntakeArea(ctx=ui_ctx, tasks=tasks, actor=counter)
    again._confirm_discard = lambda: True
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(lambda: again.drafts.count() == 1, timeout=10000)
    assert again.drafts.isVisibleTo(again)
    again.drafts.setFocus()
    again.drafts.setCurrentRow(0)
    with qtbot.waitSignal(again.sig_visit_saved, timeout=10000):
        qtbot.keyClick(again.drafts, Qt.Key.Key_Return)
    assert again.visit.id == draft_id and again.model.state(0) == "present_valid"
    assert again.page == again.CHECKLIST
    again.scanner.stop()


def test_the_checklist_model_passes_the_model_tester(qtmodeltester, ui_ctx, counter):
    from mpp_desk.intake import service
    from mpp_desk.ui.areas.intake import ChecklistModel
    from tests.intake_support import person

    with ui_ctx.uow(actor=counter) as uow:
        visit = service.start_visit(uow, annex_number=67, applicant=person())
        uow.commit()
    model = ChecklistModel()
    model.set_items(visit.items)
    model.set_state(0, "missing")
    model.set_note(0, "Belum dibawa")
    qtmodeltester.check(model)
    assert model.items_input()[0].note == "Belum dibawa"


def test_printing_through_the_dialog_writes_what_the_pdf_shows(qtbot, area, ui_ctx, tmp_path, monkeypatch):
    """No printer set up: Ctrl+P goes through Qt's print dialog (here answered with a PDF file printer)."""
    from PySide6.QtPrintSupport import QPrinter

    area.printer_spec = ""
    target = tmp_path / "dialog.pdf"

    def dialog(printer):
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return True

    monkeypatch.setattr(area, "_run_print_dialog", dialog)
    type_text(qtbot, area, "keamanan")
    press(qtbot, area, Qt.Key.Key_Return)
    for field, text in ((area.nik, NIK), (area.full_name, "Siti Aminah"), (area.phone, "081234567890")):
        field.setFocus()
        type_text(qtbot, area, text)
    with qtbot.waitSignal(area.sig_visit_saved, timeout=10000):
        press(qtbot, area, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, area, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    with qtbot.waitSignals([area.sig_finished, area.sig_preview_ready], timeout=20000):
        press(qtbot, area, Qt.Key.Key_F12)
    assert "dialog" in area.print_status.text().lower()
    with qtbot.waitSignal(area.sig_printed, timeout=20000):
        press(qtbot, area, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert target.exists() and target.stat().st_size > 0
    doc = pdfium.PdfDocument(target.read_bytes())
    image = doc[0].render(scale=203 / 72).to_pil()  # a thermal printer's resolution; 72 dpi left 1.7 px a module
    doc.close()
    codes = [c.text for c in zxingcpp.read_barcodes(image)]
    assert codes == [area.issued.view.qr_data]
    assert area.printed


def test_a_printer_answer_arriving_after_the_area_was_reset_prints_nothing(area, monkeypatch):
    """The receipt printer said "use the print dialog" after the officer had already begun the next
    visit: there is no receipt any more, so no dialog opens (it used to fail on the missing receipt)."""
    from mpp_desk.printing.printers import PrintFailed
    from mpp_desk.printing.receipt_printer import NEEDS_QT

    asked = []
    monkeypatch.setattr(area, "_run_print_dialog", lambda printer: asked.append(printer) or True)
    area.receipt.printer_spec = "qt:Kasir"
    area.receipt.reset()  # the next visit began while this PC's printer was being tried
    area.receipt._print_done(PrintFailed(NEEDS_QT))  # the print task's answer, as its Op delivers it
    assert asked == [] and not area.receipt.printed
    assert area.receipt.issued is None


def test_the_counter_home_starts_an_intake_and_a_scanned_receipt_opens_its_file(qtbot, ui_ctx, tasks, counter):
    from mpp_desk.intake import receipts
    from mpp_desk.ui.shell import RoleShell
    from tests.intake_support import register_file

    done = register_file(ui_ctx, counter)
    with ui_ctx.uow(actor=counter) as uow:
        from mpp_desk.signing import Signer

        issued = receipts.issue_receipt(uow, visit_id=done.id, data_dir=ui_ctx.data_dir,
                                        signer=Signer.for_data_dir(ui_ctx.data_dir))
        uow.commit()
    shell = RoleShell(ctx=ui_ctx, tasks=tasks, actor=counter, office_name="MPP")
    qtbot.addWidget(shell)
    shell.resize(1366, 768)
    shell.show()
    home = shell.area("home")
    card = home.intake
    qtbot.waitUntil(lambda: "jatuh tempo hari ini" in card.figures.text(), timeout=10000)
    # nothing called yet: the card says so; a walk-in opens the intake area
    card._current_ticket = lambda: None
    qtbot.mouseClick(card.from_ticket, Qt.MouseButton.LeftButton)
    assert "Belum ada nomor" in card.note.text()
    ticket = future_ticket(ui_ctx)
    card._current_ticket = lambda: ticket
    qtbot.mouseClick(card.from_ticket, Qt.MouseButton.LeftButton)
    intake = shell.stack.currentWidget()
    assert shell.area_keys()[shell.nav.currentRow()] == "intake"
    intake._confirm_discard = lambda: True
    assert intake.ticket is ticket and ticket.code in intake.ticket_label.text()
    # the applicant hands over a Tanda Terima: the scanner types its address; the file opens
    qtbot.waitUntil(lambda: intake.service_list.count() == 2, timeout=10000)
    qtbot.keyClicks(intake.search, issued.view.qr_data)
    qtbot.keyClick(intake.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shell.area_keys()[shell.nav.currentRow()] == "files", timeout=10000)
    files = shell.stack.currentWidget()
    qtbot.waitUntil(lambda: files.current is not None and files.current.id == done.id, timeout=10000)
    assert done.application.registration_number in files.detail_title.text()
    assert intake.search.text() == ""
    qtbot.waitUntil(lambda: tasks.pending == 0, timeout=10000)
    intake.scanner.stop()
    files.scanner.stop()
