"""The complaint desk's use cases on a real database: capture, every step to closing, oversight, register."""

from __future__ import annotations

import csv
import datetime as dt
import io
import uuid
from zoneinfo import ZoneInfo

import pypdfium2 as pdfium
import pytest
from sqlalchemy import select

from mpp_desk import auth
from mpp_desk.complaints import service
from mpp_desk.complaints.rules import CaptureDraft
from mpp_desk.errors import PermissionDenied, ValidationError
from mpp_desk.models import AuditEntry, CaseStep, ComplaintCase, ServiceStandard
from mpp_desk.roles import TERMINAL, Actor, Role

WIB = ZoneInfo("Asia/Jakarta")
PASSWORD = "Pengaduan-Rahasia-2026"


def at(y, m, d, hh=10, mm=0) -> dt.datetime:
    return dt.datetime(y, m, d, hh, mm, tzinfo=WIB)


@pytest.fixture
def desk(app_ctx):
    """Actors: complaint officers "budi" and "rina", supervisor "kepala", counter "siti"; and a service id."""
    actors = {}
    with app_ctx.uow(actor=TERMINAL) as uow:
        for username, role in (("budi", Role.COMPLAINTS), ("rina", Role.COMPLAINTS), ("kepala", Role.SUPERVISOR),
                               ("siti", Role.COUNTER)):
            info = auth.create_user(uow, username=username, full_name=username.title() + " Staf",
                                    role=role, password=PASSWORD, must_change_password=False)
            actors[username] = Actor(user_id=info.id, username=username, role=role)
        uow.commit()
    with app_ctx.uow(write=False) as uow:
        service_id = uow.session.scalar(select(ServiceStandard.id).where(ServiceStandard.annex_number == 67))
    return app_ctx, actors, service_id


def capture(ctx, actor, today=dt.date(2026, 11, 16), attachments=(), **changes):
    values = dict(channel="in_person", received_at=at(today.year, today.month, today.day),
                  reporter_name="Siti Aminah", reporter_phone="0812 3456 7890", reporter_nik="3214015708900001",
                  substance="Berkas sertifikat standar sudah lengkap tetapi verifikasi belum dilakukan.")
    values.update(changes)
    with ctx.uow(actor=actor) as uow:
        detail = service.save_case(uow, draft=CaptureDraft(**values), today=today, attachments=attachments,
                                   data_dir=ctx.data_dir)
        uow.commit()
    return detail


def actions(ctx, entity_id=None) -> list[str]:
    with ctx.uow(write=False) as uow:
        stmt = select(AuditEntry.action).order_by(AuditEntry.seq)
        if entity_id is not None:
            stmt = stmt.where(AuditEntry.entity_id == str(entity_id))
        return list(uow.session.scalars(stmt))


def run(ctx, actor, fn, **kwargs):
    with ctx.uow(actor=actor) as uow:
        result = fn(uow, **kwargs)
        uow.commit()
        return result


def test_anonymous_message_is_recorded_as_a_suggestion(desk):
    ctx, actors, _ = desk
    detail = capture(ctx, actors["budi"], anonymous=True, reporter_name="Tidak dipakai")
    assert detail.summary.kind == "suggestion"
    assert detail.summary.reporter.anonymous and detail.summary.reporter.name == ""
    assert "anonymous" in detail.rules
    assert detail.case_number.startswith("ADU/2026/11/")
    with ctx.uow(write=False) as uow:
        row = uow.session.get(ComplaintCase, detail.id)
        assert row.reporter_name == "" and row.reporter_nik == "" and row.reporter_phone == ""
    assert actions(ctx, detail.id) == ["complaints.captured"]


def test_late_complaint_needs_a_decision_and_records_it(desk):
    ctx, actors, service_id = desk
    late = dict(service_id=str(service_id), service_received_on=dt.date(2026, 10, 1))
    with pytest.raises(ValidationError) as refused:
        capture(ctx, actors["budi"], **late)
    assert refused.value.field == "late_decision"
    detail = capture(ctx, actors["budi"], late_decision="suggestion", late_decision_note="Sudah lewat 46 hari.", **late)
    assert detail.summary.kind == "suggestion" and detail.summary.late
    assert detail.late_decision == "suggestion" and detail.late_days == 46
    assert [s.type for s in detail.steps] == ["received", "note"]
    assert detail.steps[0].data["late_decision"] == "suggestion"
    assert detail.steps[1].notes == "Sudah lewat 46 hari."
    kept = capture(ctx, actors["budi"], late_decision="complaint", late_decision_note="Pelapor dirawat  di rumah sakit.",
                   **late)
    assert kept.summary.kind == "complaint" and kept.summary.late and kept.late_decision == "complaint"
    assert kept.late_decision_note == "Pelapor dirawat di rumah sakit."  # the reason for accepting it is kept
    assert kept.steps[-1].type == "note" and kept.steps[-1].notes == "Pelapor dirawat di rumah sakit."
    with ctx.uow(write=False) as uow:
        entry = uow.session.scalar(select(AuditEntry).where(AuditEntry.entity_id == str(kept.id)))
    assert entry.details["late"] is True and entry.details["late_decision"] == "complaint"
    assert "Siti" not in entry.summary and "Siti" not in str(entry.details)  # no personal data in the audit


def test_a_complaint_goes_through_every_step_to_closing_with_audit_entries(desk):
    ctx, actors, service_id = desk
    budi, kepala = actors["budi"], actors["kepala"]
    detail = capture(ctx, budi, service_id=str(service_id), lapor_id="LPR-2026-777", lapor_direction="from")
    case_id = detail.id
    assert detail.summary.kind == "complaint" and detail.summary.respond_by == dt.date(2026, 12, 4)
    assert "Konsultasi Keamanan Informasi" in detail.summary.service_title
    today = dt.date(2026, 11, 18)
    run(ctx, budi, service.assign, case_id=case_id, username="budi", today=today)
    run(ctx, budi, service.assign, case_id=case_id, username="rina", notes="Rina pegang perizinan", today=today)
    run(ctx, budi, service.classify, case_id=case_id, problem_type="completion_time", sector="Perizinan berusaha",
        today=today)
    run(ctx, budi, service.analyse, case_id=case_id, core_problem="Verifikasi tertunda melewati 7 hari kerja.",
        standard_link="SP angka 3: 7 hari kerja", related=["ADU/2026/10/AAA-0001"], plan=["clarification", "research"],
        today=today)
    run(ctx, budi, service.follow_up, case_id=case_id, path="internal", level="officer",
        action="Klarifikasi kepada verifikator.", today=today)
    with pytest.raises(service.StepRefused) as unreported:  # up the chain only after the officer's written report
        run(ctx, budi, service.follow_up, case_id=case_id, path="internal", level="section_head", action="Naik")
    assert "Pelaksana" in unreported.value.text("id") and "secara tertulis" in unreported.value.text("id")
    run(ctx, budi, service.report_to_superior, case_id=case_id, level="section_head",
        report="Laporan tertulis hasil klarifikasi.", today=today)
    with pytest.raises(service.StepRefused):  # APIP without the head of office's approval
        run(ctx, budi, service.follow_up, case_id=case_id, path="apip", level="inspectorate", action="Ke APIP")
    with pytest.raises(PermissionDenied):  # the desk may not record the approval itself
        run(ctx, budi, service.approve_apip, case_id=case_id, approved_by="Kepala DPMPTSP")
    run(ctx, kepala, service.approve_apip, case_id=case_id, approved_by="Kepala DPMPTSP", reference="ND-12/2026",
        today=today)
    run(ctx, budi, service.follow_up, case_id=case_id, path="apip", level="inspectorate",
        action="Diteruskan ke Inspektorat.", today=today)
    with pytest.raises(service.StepRefused) as early:
        run(ctx, budi, service.close, case_id=case_id, outcome="Selesai", today=today)
    assert "pemberitahuan kepada pelapor" in early.value.text("id")
    assert "laporan tertulis setiap tingkat yang menanganinya (Inspektorat)" in early.value.text("id")
    run(ctx, budi, service.report_to_superior, case_id=case_id, level="head_of_office",
        report="Laporan tertulis hasil pemeriksaan Inspektorat.", today=today)
    run(ctx, budi, service.inform, case_id=case_id, method="whatsapp", informed_at=at(2026, 11, 18, 14),
        message="Berkas diverifikasi besok.", today=today)
    closed = run(ctx, budi, service.close, case_id=case_id, outcome="Verifikasi selesai, sertifikat terbit.",
                 today=today)
    assert closed.summary.status == "closed" and closed.summary.responded_on == dt.date(2026, 11, 18)
    assert closed.summary.assignee == "rina" and closed.summary.resolution_path == "apip"
    assert [s.type for s in closed.steps] == ["received", "assigned", "assigned", "classified", "analysed",
                                              "resolution", "reported", "apip_approved", "resolution", "reported",
                                              "informed", "closed"]
    assert [s.data["from_level"] for s in closed.steps if s.type == "reported"] == ["officer", "inspectorate"]
    assert all(s.actor for s in closed.steps) and closed.steps[7].actor == "kepala"
    assert closed.steps[4].data["plan"] == ["clarification", "research"]
    assert actions(ctx, case_id) == [
        "complaints.captured", "complaints.assigned", "complaints.reassigned", "complaints.classified",
        "complaints.analysed", "complaints.followed_up", "complaints.reported", "complaints.apip_approved",
        "complaints.followed_up", "complaints.reported", "complaints.informed", "complaints.closed",
    ]
    with pytest.raises(service.StepRefused):  # closed: no more steps until reopened
        run(ctx, budi, service.follow_up, case_id=case_id, path="internal", level="officer", action="x")
    with pytest.raises(ValidationError):
        run(ctx, budi, service.reopen, case_id=case_id, reason="  ")
    reopened = run(ctx, budi, service.reopen, case_id=case_id, reason="Pelapor menyatakan sertifikat belum terbit.",
                   today=today)
    assert reopened.summary.status == "open" and reopened.outcome == ""
    assert reopened.steps[-1].type == "reopened" and "belum terbit" in reopened.steps[-1].notes
    assert reopened.missing_for_close() == ("follow_up", "informed", "reported")  # steps start again (not the analysis)
    assert actions(ctx, case_id)[-1] == "complaints.reopened"
    with ctx.uow(write=False) as uow:  # steps are append-only rows
        assert uow.session.scalar(select(CaseStep).where(CaseStep.case_id == case_id, CaseStep.seq == 1)).type == "received"


def test_assigning_to_someone_who_is_not_a_complaint_officer_is_refused(desk):
    ctx, actors, _ = desk
    detail = capture(ctx, actors["budi"])
    with pytest.raises(ValidationError) as refused:
        run(ctx, actors["budi"], service.assign, case_id=detail.id, username="siti")
    assert refused.value.field == "assignee"
    with pytest.raises(PermissionDenied):
        run(ctx, actors["siti"], service.assign, case_id=detail.id, username="budi")
    with ctx.uow(write=False, actor=actors["budi"]) as uow:
        assert service.officers(uow) == ["budi", "rina"]


def test_an_anonymous_suggestion_closes_with_its_outcome_without_informing(desk):
    ctx, actors, _ = desk
    detail = capture(ctx, actors["budi"], anonymous=True)
    with pytest.raises(service.StepRefused):
        run(ctx, actors["budi"], service.inform, case_id=detail.id, method="whatsapp", informed_at=at(2026, 11, 16, 11),
            message="x", today=dt.date(2026, 11, 16))
    closed = run(ctx, actors["budi"], service.close, case_id=detail.id, outcome="Diteruskan ke bagian sarana.",
                 today=dt.date(2026, 11, 17))
    assert closed.summary.status == "closed" and closed.summary.responded_on == dt.date(2026, 11, 17)


def test_related_cases_are_found_by_reporter_service_and_text(desk):
    ctx, actors, service_id = desk
    budi = actors["budi"]
    first = capture(ctx, budi, today=dt.date(2026, 10, 5), service_id=str(service_id),
                    substance="Verifikasi sertifikat standar tertunda lama sekali")
    other_reporter_same_words = capture(ctx, budi, today=dt.date(2026, 10, 6), reporter_name="Andi",
                                        reporter_phone="081311112222", reporter_nik="",
                                        substance="Sertifikat standar saya juga tertunda verifikasi")
    unrelated = capture(ctx, budi, today=dt.date(2026, 10, 7), reporter_name="Dewi", reporter_phone="081399998888",
                        reporter_nik="", substance="Toilet lantai dua rusak")
    current = capture(ctx, budi, today=dt.date(2026, 11, 16), service_id=str(service_id),
                      substance="Kapan verifikasi sertifikat standar dilakukan?")
    with ctx.uow(write=False, actor=budi) as uow:
        related = service.related_cases(uow, case_id=current.id, today=dt.date(2026, 11, 16))
    found = {r.case.id: r.reasons for r in related}
    assert found[first.id] == ("reporter", "service", "text")
    assert found[other_reporter_same_words.id] == ("text",)
    assert unrelated.id not in found
    assert related[0].case.id == first.id


def test_oversight_counts_due_and_overdue_cases_with_injected_today(desk):
    ctx, actors, _ = desk
    budi = actors["budi"]
    # respond-by dates: received Mon 2 Nov -> Fri 20 Nov; Mon 9 Nov -> Fri 27 Nov; Tue 10 Nov -> Mon 30 Nov
    a = capture(ctx, budi, today=dt.date(2026, 11, 2))
    b = capture(ctx, budi, today=dt.date(2026, 11, 9))
    c = capture(ctx, budi, today=dt.date(2026, 11, 10))
    d = capture(ctx, budi, today=dt.date(2026, 11, 3))  # respond by Mon 23 Nov, answered in time
    run(ctx, budi, service.inform, case_id=d.id, method="telephone", informed_at=at(2026, 11, 5, 9),
        message="Sudah ditindaklanjuti.", today=dt.date(2026, 11, 5))
    assert (a.summary.respond_by, b.summary.respond_by, c.summary.respond_by) == (
        dt.date(2026, 11, 20), dt.date(2026, 11, 27), dt.date(2026, 11, 30))
    from mpp_desk.complaints.oversight import oversight, overdue_cases, period_figures

    with ctx.uow(write=False, actor=actors["kepala"]) as uow:
        view = oversight(uow, today=dt.date(2026, 11, 25))  # Wednesday
        assert [s.id for s in view.overdue] == [a.id]
        assert view.overdue[0].overdue_days == 3  # 23, 24 and 25 Nov after Friday 20 Nov
        assert view.due_today == ()
        assert [s.id for s in view.due_soon] == [b.id, c.id]  # due by Mon 30 Nov, the 3rd working day
        assert view.open_total == 4
        monday = oversight(uow, today=dt.date(2026, 11, 30))
        assert [s.id for s in monday.due_today] == [c.id]
        assert {s.id: s.overdue_days for s in monday.overdue} == {a.id: 6, b.id: 1}
        weekend = overdue_cases(uow, today=dt.date(2026, 11, 28))  # Saturday after b's Friday date
        assert {s.id: s.overdue_days for s in weekend} == {a.id: 5, b.id: 0}
        figures = period_figures(uow, date_from=dt.date(2026, 11, 1), date_to=dt.date(2026, 11, 30),
                                 today=dt.date(2026, 11, 25))
        assert figures.received == 4 and figures.answered == 1 and figures.answered_within == 1
        assert figures.overdue_unanswered == 1 and figures.pending == 2
        assert figures.share_within == pytest.approx(0.5)


def test_share_answered_within_14_working_days_for_a_period(desk):
    ctx, actors, _ = desk
    budi = actors["budi"]
    in_time = capture(ctx, budi, today=dt.date(2026, 3, 10))  # respond by 7 Apr (Idul Fitri in between)
    late = capture(ctx, budi, today=dt.date(2026, 3, 11))  # respond by 8 Apr
    run(ctx, budi, service.inform, case_id=in_time.id, method="email", informed_at=at(2026, 4, 7, 15),
        message="Jawaban dikirim.", today=dt.date(2026, 4, 7))
    run(ctx, budi, service.inform, case_id=late.id, method="email", informed_at=at(2026, 4, 9, 9),
        message="Jawaban dikirim.", today=dt.date(2026, 4, 9))
    capture(ctx, budi, today=dt.date(2026, 4, 1))  # another month: outside the period
    from mpp_desk.complaints.oversight import period_figures

    with ctx.uow(write=False, actor=actors["kepala"]) as uow:
        figures = period_figures(uow, date_from=dt.date(2026, 3, 1), date_to=dt.date(2026, 3, 31),
                                 today=dt.date(2026, 4, 20))
    assert (figures.received, figures.answered, figures.answered_within) == (2, 2, 1)
    assert figures.share_within == pytest.approx(0.5)


def test_attachments_are_checked_by_content_and_stored_under_their_hash(desk, tmp_path):
    ctx, actors, _ = desk
    from tests.intake_support import real_pdf, real_png

    png = real_png(tmp_path / "foto.png")
    pdf = real_pdf(tmp_path / "surat.pdf")
    fake = tmp_path / "virus.pdf"
    fake.write_bytes(b"MZ\x90\x00 this is a program renamed to .pdf")
    big = tmp_path / "besar.jpg"
    with big.open("wb") as fh:
        fh.write(b"\xff\xd8\xff\xe0")
        fh.truncate(10 * 1024 * 1024 + 1)
    with pytest.raises(ValidationError) as wrong_type:
        capture(ctx, actors["budi"], attachments=[png, fake])
    assert wrong_type.value.field == "attachments" and "virus.pdf" in wrong_type.value.text("id")
    with pytest.raises(ValidationError) as too_large:
        capture(ctx, actors["budi"], attachments=[big])
    assert "terlalu besar" in too_large.value.text("id")
    with ctx.uow(write=False) as uow:  # nothing saved by the refused captures
        assert uow.session.scalar(select(ComplaintCase.id)) is None
    detail = capture(ctx, actors["budi"], attachments=[png, pdf])
    import hashlib

    stored = {a.filename: a for a in detail.attachments}
    assert stored["foto.png"].mime == "image/png" and stored["surat.pdf"].mime == "application/pdf"
    assert stored["foto.png"].sha256 == hashlib.sha256(png.read_bytes()).hexdigest()
    assert (ctx.data_dir / stored["foto.png"].path).read_bytes() == png.read_bytes()
    assert stored["foto.png"].path.startswith("attachments/")
    again = run(ctx, actors["budi"], service.add_attachments, case_id=detail.id, paths=[png], data_dir=ctx.data_dir)
    assert len(again.attachments) == 3 and again.steps[-1].type == "attachment"
    assert len(list((ctx.data_dir / "attachments").rglob("*.png"))) == 1  # stored once


def test_attachments_are_opened_by_their_formats_reader_not_judged_by_their_first_bytes(desk, tmp_path):
    ctx, actors, _ = desk
    elf = tmp_path / "laporan.pdf"  # a program with "%PDF-" near its start
    elf.write_bytes(b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 40 + b"%PDF-1.7\n" + b"\x90" * 4000)
    png_head = tmp_path / "foto.png"  # a PNG signature followed by junk
    png_head.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 200)
    jpeg_head = tmp_path / "foto.jpg"
    jpeg_head.write_bytes(b"\xff\xd8\xff\xe0" + b"MZ program" * 50)
    for bad in (elf, png_head, jpeg_head):
        with pytest.raises(ValidationError) as refused:
            capture(ctx, actors["budi"], attachments=[bad])
        assert refused.value.field == "attachments" and bad.name in refused.value.text("id")
    with ctx.uow(write=False) as uow:
        assert uow.session.scalar(select(ComplaintCase.id)) is None
    assert not list(ctx.data_dir.glob("attachments/*/*"))  # nothing stored either


def test_a_failed_save_keeps_the_draft_and_a_saved_case_clears_it(desk):
    ctx, actors, _ = desk
    budi = actors["budi"]
    form = CaptureDraft(channel="sms", reporter_name="Siti", substance="Antrian lama").to_dict()
    run(ctx, budi, service.save_draft, form=form)
    with ctx.uow(write=False, actor=actors["rina"]) as uow:
        assert service.load_draft(uow) is None  # drafts are per officer
    with pytest.raises(ValidationError):  # no received time: refused, the draft stays
        run(ctx, budi, service.save_case, draft=CaptureDraft.from_dict(form), today=dt.date(2026, 11, 16))
    with ctx.uow(write=False, actor=budi) as uow:
        assert service.load_draft(uow).form["substance"] == "Antrian lama"
    capture(ctx, budi)
    with ctx.uow(write=False, actor=budi) as uow:
        assert service.load_draft(uow) is None
    run(ctx, budi, service.save_draft, form={**form, "substance": "Lagi"})  # the next draft revives the row
    with ctx.uow(write=False, actor=budi) as uow:
        assert service.load_draft(uow).form["substance"] == "Lagi"


def test_case_numbers_use_this_pcs_block_and_count_per_month(desk):
    ctx, actors, _ = desk
    with ctx.uow(write=False) as uow:
        block = service.number_block(uow)
    one = capture(ctx, actors["budi"], today=dt.date(2026, 11, 2))
    two = capture(ctx, actors["budi"], today=dt.date(2026, 11, 3))
    december = capture(ctx, actors["budi"], today=dt.date(2026, 12, 1))
    assert one.case_number == f"ADU/2026/11/{block}-0001"
    assert two.case_number == f"ADU/2026/11/{block}-0002"
    assert december.case_number == f"ADU/2026/12/{block}-0001"
    run(ctx, TERMINAL, service.set_number_block, block="k2")
    three = capture(ctx, actors["budi"], today=dt.date(2026, 11, 4))
    assert three.case_number == "ADU/2026/11/K2-0001"
    with pytest.raises(ValidationError):
        run(ctx, TERMINAL, service.set_number_block, block="too-long")


def test_receipts_are_issued_kept_and_reprinted_as_copies(desk):
    from mpp_desk.complaints.receipts import issue_receipt, verify_receipt

    ctx, actors, _ = desk
    detail = capture(ctx, actors["budi"])
    first = run(ctx, actors["budi"], issue_receipt, case_id=detail.id, data_dir=ctx.data_dir)
    second = run(ctx, actors["budi"], issue_receipt, case_id=detail.id, data_dir=ctx.data_dir)
    assert not first.copy and second.copy
    assert first.paths["a4"].exists() and first.paths["80mm"].exists() and second.paths["a4"] != first.paths["a4"]
    assert second.paths["a4"].name.endswith("_salinan-2.pdf")
    assert first.paths["a4"].parent == ctx.data_dir / "receipts" / "complaints"
    with ctx.uow(write=False) as uow:
        result = verify_receipt(uow, first.receipt.qr_data, data_dir=ctx.data_dir)
    assert result.valid and result.fields["n"] == detail.case_number and result.fields["r"] == "2026-12-04"
    assert actions(ctx, detail.id)[-2:] == ["complaints.receipt_printed", "complaints.receipt_printed"]


def _register(ctx, actor, fmt, out, **kw):
    from mpp_desk.complaints.register import export_register

    with ctx.uow(actor=actor) as uow:
        written = export_register(uow, date_from=dt.date(2026, 11, 1), date_to=dt.date(2026, 11, 30), fmt=fmt, out=out,
                                  today=dt.date(2026, 12, 10), language="id", **kw)
        uow.commit()
    return written


def test_register_pdf_xlsx_csv_with_and_without_personal_data(desk, tmp_path):
    import openpyxl

    ctx, actors, _ = desk
    capture(ctx, actors["budi"], today=dt.date(2026, 11, 2), reporter_email="siti@example.com",
            substance="=HYPERLINK(\"http://x\") formula di awal")
    capture(ctx, actors["budi"], today=dt.date(2026, 11, 3), anonymous=True, substance="Kursi ruang tunggu kurang")
    capture(ctx, actors["budi"], today=dt.date(2026, 10, 30))  # outside the period
    kepala, admin = actors["kepala"], TERMINAL  # supervisor sees personal data; the administrator does not
    with_personal = _register(ctx, kepala, "csv", tmp_path / "r.csv")
    assert with_personal.personal and len(with_personal.rows) == 2
    text = (tmp_path / "r.csv").read_bytes().decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[0][:6] == ["No.", "Nomor pengaduan", "Diterima", "Jenis", "Kanal", "Pelapor"]
    assert rows[1][5] == "Siti Aminah" and "+6281234567890" in rows[1] and "siti@example.com" in rows[1]
    assert "3214********0001" in rows[1] and "3214015708900001" not in text  # the NIK only masked
    assert rows[2][5] == "Anonim"
    assert any(cell.startswith("'=HYPERLINK") for cell in rows[1])  # no formula injection
    without = _register(ctx, admin, "csv", tmp_path / "masked.csv")
    assert not without.personal
    masked = (tmp_path / "masked.csv").read_text(encoding="utf-8-sig")
    assert "Siti" not in masked and "0812" not in masked and "+62" not in masked and "Pelapor" not in masked

    _register(ctx, kepala, "xlsx", tmp_path / "r.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "r.xlsx").active
    values = [[c for c in row] for row in sheet.iter_rows(values_only=True)]
    assert values[0][0].startswith("Register pengaduan 1 November 2026")
    assert values[2][1] == "Nomor pengaduan" and values[3][5] == "Siti Aminah"
    assert sheet.freeze_panes == "A4"
    _register(ctx, admin, "xlsx", tmp_path / "masked.xlsx")
    masked_values = str(list(openpyxl.load_workbook(tmp_path / "masked.xlsx").active.iter_rows(values_only=True)))
    assert "Siti" not in masked_values and "Data pribadi tidak disertakan" in masked_values

    _register(ctx, kepala, "pdf", tmp_path / "r.pdf")
    doc = pdfium.PdfDocument(str(tmp_path / "r.pdf"))
    try:
        page = doc[0]
        assert page.get_width() > page.get_height()  # landscape
        textpage = page.get_textpage()
        page_text = " ".join(textpage.get_text_range().split())
        textpage.close()
        assert "Register pengaduan" in page_text and "Siti Aminah" in page_text and "halaman 1" in page_text
    finally:
        doc.close()
    _register(ctx, admin, "pdf", tmp_path / "masked.pdf")
    doc = pdfium.PdfDocument(str(tmp_path / "masked.pdf"))
    try:
        textpage = doc[0].get_textpage()
        masked_pdf = textpage.get_text_range()
        textpage.close()
        assert "Siti" not in masked_pdf and "Data pribadi tidak disertakan" in " ".join(masked_pdf.split())
    finally:
        doc.close()
    with pytest.raises(PermissionDenied):  # the complaint desk may not export
        _register(ctx, actors["budi"], "csv", tmp_path / "no.csv")
    exported = [a for a in actions(ctx) if a == "complaints.register_exported"]
    assert len(exported) == 6
    with ctx.uow(write=False) as uow:
        details = [e.details for e in uow.session.scalars(
            select(AuditEntry).where(AuditEntry.action == "complaints.register_exported"))]
    assert {d["personal_data"] for d in details} == {True, False} and all(d["rows"] == 2 for d in details)


def test_reading_masks_personal_data_for_roles_without_it(desk):
    ctx, actors, _ = desk
    detail = capture(ctx, actors["budi"], reporter_email="siti@example.com")
    with ctx.uow(write=False, actor=TERMINAL) as uow:  # the administrator: reports, no personal data
        seen = service.get_case(uow, case_id=detail.id).summary.reporter
    assert seen.masked and seen.name == "S*** A***" and seen.phone.startswith("+62812") and "***" in seen.phone
    assert seen.email == "s***@example.com" and seen.address == "" and seen.nik == "3214********0001"
    with ctx.uow(write=False, actor=actors["siti"]) as uow:  # a counter officer may not read complaints
        with pytest.raises(PermissionDenied):
            service.get_case(uow, case_id=detail.id)
    with ctx.uow(write=False, actor=actors["kepala"]) as uow:
        assert service.get_case(uow, case_id=detail.id).summary.reporter.name == "Siti Aminah"
    with ctx.uow(write=False, actor=actors["budi"]) as uow:
        with pytest.raises(service.CaseNotFound):
            service.get_case(uow, case_id=uuid.uuid4())


def test_channels_can_be_edited_by_the_administrator_only(desk):
    from mpp_desk.complaints import channels

    ctx, actors, _ = desk
    with ctx.uow(write=False) as uow:
        seeded = channels.list_channels(uow)
    # each channel of the standard with its address or contact: the complaint official at DPMPTSP (Jalan Veteran
    # Nomor 139), the desk at the MPP, a letter to either office
    assert [c.code for c in seeded][:4] == ["official", "in_person", "letter", "telephone"]
    official, desk, letter = seeded[:3]
    assert "Jalan Veteran Nomor 139" in official.contact and "41115" in official.contact
    assert "Jalan Jenderal Sudirman" in desk.contact and "Veteran" not in desk.contact
    assert "Jalan Veteran Nomor 139" in letter.contact and "Jalan Jenderal Sudirman" in letter.contact
    assert not any("dpmpptsp" in c.contact for c in seeded)  # the annex's misspelling of the agency
    with pytest.raises(PermissionDenied):
        run(ctx, actors["budi"], channels.save_channel, code="tiktok", name="TikTok")
    run(ctx, TERMINAL, channels.save_channel, code="tiktok", name="TikTok", contact="@mpp_pwk", on_receipt=True)
    run(ctx, TERMINAL, channels.remove_channel, code="box")
    with ctx.uow(write=False) as uow:
        codes = [c.code for c in channels.list_channels(uow)]
        names = channels.channel_names(uow)
    assert codes[-1] == "tiktok" and "box" not in codes and names["box"] == "Kotak pengaduan"
    with pytest.raises(ValidationError):
        capture(ctx, actors["budi"], channel="box")  # retired: no new cases
    assert capture(ctx, actors["budi"], channel="tiktok").summary.channel_name == "TikTok"


def test_a_complaint_closes_only_once_classified_and_analysed(desk):
    ctx, actors, _ = desk
    budi = actors["budi"]
    today = dt.date(2026, 11, 18)
    case_id = capture(ctx, budi).id  # no service chosen at capture
    run(ctx, budi, service.follow_up, case_id=case_id, path="internal", level="officer", action="Klarifikasi.",
        today=today)
    run(ctx, budi, service.report_to_superior, case_id=case_id, level="section_head", report="Laporan.", today=today)
    run(ctx, budi, service.inform, case_id=case_id, method="whatsapp", informed_at=at(2026, 11, 18, 14),
        message="Sudah ditindaklanjuti.", today=today)
    with pytest.raises(service.StepRefused) as refused:
        run(ctx, budi, service.close, case_id=case_id, outcome="Selesai", today=today)
    text = refused.value.text("id")
    assert "pengelompokannya (bidang atau layanan, dan jenis masalah)" in text and "penelaahannya" in text
    with ctx.uow(write=False) as uow:
        assert service.get_case(uow, case_id=case_id).summary.status == "open"  # refused: nothing written
    run(ctx, budi, service.classify, case_id=case_id, problem_type="requirements", today=today)  # no sector/service
    detail = run(ctx, budi, service.analyse, case_id=case_id, core_problem="Persyaratan tidak jelas.",
                 plan=["clarification"], today=today)
    assert detail.missing_for_close() == ("classified",)
    run(ctx, budi, service.classify, case_id=case_id, problem_type="requirements", sector="Perizinan berusaha",
        today=today)
    closed = run(ctx, budi, service.close, case_id=case_id, outcome="Dijelaskan ulang.", today=today)
    assert closed.summary.status == "closed"


def test_the_step_dialog_runs_each_step_through_its_own_service_function(desk):
    """ui/ops/complaints.run_step calls the service functions by an explicit table, never by attribute name."""
    import inspect

    from mpp_desk.ui.ops import complaints as ops

    table = ops._step_services()
    assert tuple(table) == ops.STEPS
    for name, function in table.items():
        assert function is getattr(service, name) and "case_id" in inspect.signature(function).parameters
    ctx, actors, _ = desk
    case_id = capture(ctx, actors["budi"]).id
    detail = ops.run_step(ctx, actor=actors["budi"], step="add_note", case_id=case_id, values={"notes": "Catatan."})
    assert detail.steps[-1].type == "note"
    with pytest.raises(ValueError):
        ops.run_step(ctx, actor=actors["budi"], step="__init__", case_id=case_id, values={})
    assert "getattr(service" not in inspect.getsource(ops)
