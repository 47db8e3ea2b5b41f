"""Intake over a real SQLite file: visits, registration numbers, due dates, status, search, audit, outbox."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import textwrap

import pytest
from sqlalchemy import func, select

from mpp_desk.errors import PermissionDenied, ValidationError
from mpp_desk.intake import service
from mpp_desk.intake.rules import ApplicantInvalid, ChecklistNotReady, InvalidStatusChange, ItemInput
from mpp_desk.models import (
    Application,
    ApplicationStatusChange,
    AuditEntry,
    ChecklistItem,
    IntakeVisit,
    OutboxEntry,
)
from mpp_desk.roles import TERMINAL
from tests.intake_support import (
    NIK,
    NIK_2,
    all_present,
    at,
    business,
    make_officer,
    person,
    register_file,
    return_file,
    with_gaps,
)


@pytest.fixture
def officer(app_ctx):
    return make_officer(app_ctx)


def count(ctx, model, *where) -> int:
    with ctx.uow(write=False) as uow:
        return uow.session.scalar(select(func.count()).select_from(model).where(*where))


def audit_rows(ctx) -> list[AuditEntry]:
    with ctx.uow(write=False) as uow:
        return list(uow.session.scalars(select(AuditEntry).order_by(AuditEntry.seq)))


def test_a_complete_visit_is_registered_with_number_due_date_ticket_link_audit_and_outbox(app_ctx, officer):
    from mpp_desk.queue import LocalQueue

    ticket = LocalQueue.from_context(app_ctx).issue(group_code="A", now=at("2026-03-17", 9, 30)).ticket
    with app_ctx.uow(actor=officer) as uow:
        visit = service.start_visit(uow, annex_number=67, applicant=person(), ticket_id=ticket.id,
                                    now=at("2026-03-17", 10, 0))
        assert visit.is_open and visit.ticket_code == ticket.code
        assert visit.officer_name == "Rina Petugas"
        assert [i.state for i in visit.items] == [None] * 12  # 5 general + 7 special requirements of annex 67
        assert visit.items[0].text == "Skala usaha kecil atau menengah" and visit.items[0].kind == "general"
        assert visit.items[-1].kind == "special"
        uow.commit()
    # saved as a draft: it survives the window closing before the officer finishes
    with app_ctx.uow(actor=officer) as uow:
        drafts = service.open_drafts(uow)
    assert [d.id for d in drafts] == [visit.id]
    with app_ctx.uow(actor=officer) as uow:
        done = service.register_complete(uow, visit_id=visit.id, items=all_present(visit),
                                         now=at("2026-03-17", 10, 15))
        uow.commit()
    application = done.application
    assert application.registration_number == "MPP/2026/03/010001"
    # received Tuesday 17 March; 18-24 March are Nyepi, Idul Fitri and cuti bersama; 3 April is Good Friday
    assert application.received_date == dt.date(2026, 3, 17)
    assert application.due_date == dt.date(2026, 4, 2)
    assert application.status == "received"
    assert [(h.from_status, h.to_status, h.actor_username) for h in application.history] == [(None, "received", "rina")]
    assert done.outcome == "complete" and done.ticket_id == ticket.id
    actions = [a.action for a in audit_rows(app_ctx)]
    assert "intake.visit_started" in actions and "intake.registered" in actions
    with app_ctx.uow(write=False) as uow:
        entities = {e.entity for e in uow.session.scalars(select(OutboxEntry))}
    assert {"intake_visit", "intake_checklist_item", "intake_application", "intake_status_change"} <= entities


def test_registration_is_refused_with_a_gap_or_an_unchecked_line_and_nothing_is_written(app_ctx, officer):
    with app_ctx.uow(actor=officer) as uow:
        visit = service.start_visit(uow, annex_number=45, applicant=person(), now=at("2026-03-17"))
        uow.commit()
    for items, expected in ((with_gaps(visit), "not complete"), (all_present(visit)[:-1], "not checked")):
        with app_ctx.uow(actor=officer) as uow:
            with pytest.raises(ChecklistNotReady) as caught:
                service.register_complete(uow, visit_id=visit.id, items=items, now=at("2026-03-17"))
        assert expected in str(caught.value)
    assert count(app_ctx, Application) == 0
    assert count(app_ctx, IntakeVisit, IntakeVisit.outcome.is_(None)) == 1


def test_an_incomplete_visit_keeps_who_when_what_was_missing_and_a_later_visit_starts_from_it(app_ctx, officer):
    returned = return_file(app_ctx, officer, annex=67, when=at("2026-03-16", 11))
    assert returned.outcome == "incomplete" and returned.application is None
    assert returned.finished_at == at("2026-03-16", 11)
    assert [(i.position, i.state, i.note) for i in returned.items[:2]] == [
        (1, "missing", "Belum dibawa"), (2, "invalid", "Fotokopi tidak terbaca")]
    assert count(app_ctx, Application) == 0
    entry = [a for a in audit_rows(app_ctx) if a.action == "intake.incomplete"][0]
    assert entry.details["missing"] == 1 and entry.details["invalid"] == 1 and entry.details["positions"] == [1, 2]
    with app_ctx.uow(actor=officer) as uow:
        earlier = service.previous_visits(uow, nik=NIK)
        assert [v.id for v in earlier] == [returned.id] and earlier[0].missing_count == 2
        again = service.start_visit(uow, annex_number=67, applicant=person(), previous_visit_id=returned.id,
                                    now=at("2026-03-25", 9))
        uow.commit()
    assert again.previous_visit_id == returned.id
    # what was fine last time is pre-set; what was wrong must be checked again (its note kept)
    assert [i.state for i in again.items[:3]] == [None, None, "present_valid"]
    assert again.items[0].note == "Belum dibawa"
    # an incomplete visit needs something missing, and everything checked
    for items in (all_present(again), [ItemInput(1, "missing")]):
        with app_ctx.uow(actor=officer) as uow:
            with pytest.raises(ChecklistNotReady):
                service.record_incomplete(uow, visit_id=again.id, items=items)


def test_applicant_errors_name_every_wrong_field_at_once(app_ctx, officer):
    with app_ctx.uow(actor=officer) as uow:
        with pytest.raises(ApplicantInvalid) as caught:
            service.start_visit(uow, annex_number=67, applicant=business(nik="12345", phone="12", nib="81200",
                                                                          full_name="  ", business_kbli="6202"))
    assert {e.field for e in caught.value.errors} == {"nik", "full_name", "phone", "nib", "business_kbli"}
    assert count(app_ctx, IntakeVisit) == 0


def test_numbers_count_per_block_and_month(app_ctx, officer):
    from mpp_desk import settings

    first = register_file(app_ctx, officer, when=at("2026-03-17"))
    second = register_file(app_ctx, officer, applicant=person(nik=NIK_2, full_name="Ujang"), when=at("2026-03-31"))
    april = register_file(app_ctx, officer, when=at("2026-04-01"))
    with app_ctx.uow(actor=TERMINAL) as uow:
        settings.set(uow, key="pc.counter_number", value=7)
        uow.commit()
    other_block = register_file(app_ctx, officer, when=at("2026-04-01", 11))
    assert [v.application.registration_number for v in (first, second, april, other_block)] == [
        "MPP/2026/03/010001", "MPP/2026/03/010002", "MPP/2026/04/010001", "MPP/2026/04/070001"]


WORKER = textwrap.dedent(
    """
    import json, sys
    from mpp_desk.context import AppContext
    from mpp_desk.intake import service
    from mpp_desk.roles import Actor, Role
    from tests.intake_support import all_present, at, person
    import uuid
    ctx = AppContext.from_args(sys.argv[1])
    actor = Actor(user_id=uuid.UUID(sys.argv[2]), username="rina", role=Role.COUNTER)
    out = []
    for i in range(int(sys.argv[3])):
        with ctx.uow(actor=actor) as uow:
            visit = service.start_visit(uow, annex_number=45, applicant=person(), now=at("2026-03-17"))
            done = service.register_complete(uow, visit_id=visit.id, items=all_present(visit), now=at("2026-03-17"))
            uow.commit()
        out.append(done.application.registration_number)
    print(json.dumps(out))
    """
)


@pytest.mark.slow  # real processes
def test_two_processes_registering_at_once_never_share_a_number(app_ctx, officer):
    from mpp_desk.paths import PROJECT_ROOT

    procs = [
        subprocess.Popen([sys.executable, "-c", WORKER, str(app_ctx.data_dir), str(officer.user_id), "12"],
                         cwd=PROJECT_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    numbers = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        numbers += json.loads(out)
    assert len(numbers) == 24 and len(set(numbers)) == 24
    assert sorted(numbers) == [f"MPP/2026/03/01{n:04d}" for n in range(1, 25)]


CRASH = textwrap.dedent(
    """
    import os, sys, uuid
    from mpp_desk.context import AppContext
    from mpp_desk.intake import service
    from mpp_desk.roles import Actor, Role
    from tests.intake_support import all_present, at
    ctx = AppContext.from_args(sys.argv[1])
    actor = Actor(user_id=uuid.UUID(sys.argv[2]), username="rina", role=Role.COUNTER)
    with ctx.uow(actor=actor) as uow:
        service.register_complete(uow, visit_id=uuid.UUID(sys.argv[3]),
                                  items=all_present(service.get_visit(uow, visit_id=uuid.UUID(sys.argv[3]))),
                                  now=at("2026-03-17"))
        uow.flush()
        os._exit(3)  # the PC dies after the writes, before the commit
    """
)


def test_a_crash_in_the_middle_of_registering_leaves_no_half_registered_file(app_ctx, officer):
    from mpp_desk.paths import PROJECT_ROOT

    with app_ctx.uow(actor=officer) as uow:
        visit = service.start_visit(uow, annex_number=45, applicant=person(), now=at("2026-03-17"))
        uow.commit()
    proc = subprocess.run([sys.executable, "-c", CRASH, str(app_ctx.data_dir), str(officer.user_id), str(visit.id)],
                          cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 3, proc.stderr
    assert count(app_ctx, Application) == 0
    assert count(app_ctx, ApplicationStatusChange) == 0
    with app_ctx.uow(actor=officer) as uow:
        again = service.get_visit(uow, visit_id=visit.id)
        assert again.is_open  # the draft is still there, nothing lost
        done = service.register_complete(uow, visit_id=visit.id, items=all_present(again), now=at("2026-03-17"))
        uow.commit()
    assert done.application.registration_number == "MPP/2026/03/010001"


def test_status_machine_with_reasons_receivers_history_and_audit_without_names(app_ctx, officer):
    done = register_file(app_ctx, officer)
    app_id = done.application.id

    def change(status, **kw):
        with app_ctx.uow(actor=officer) as uow:
            result = service.change_status(uow, application_id=app_id, status=status, now=at("2026-03-26", 14), **kw)
            uow.commit()
            return result

    with pytest.raises(InvalidStatusChange):
        change("finished")  # received → finished skips "in process"
    assert change("in_process").status == "in_process"
    with pytest.raises(ValidationError) as caught:
        change("rejected")
    assert caught.value.field == "reason"
    rejected = change("rejected", reason="Lokasi usaha tidak sesuai tata ruang")
    assert rejected.rejection_reason == "Lokasi usaha tidak sesuai tata ruang"
    with pytest.raises(ValidationError) as caught:
        change("handed_over")
    assert caught.value.field == "handed_over_to"
    handed = change("handed_over", handed_over_to="Budi Santoso (kuasa)")
    assert handed.handed_over_to == "Budi Santoso (kuasa)" and handed.handed_over_at == at("2026-03-26", 14)
    assert [h.to_status for h in handed.history] == ["received", "in_process", "rejected", "handed_over"]
    assert all(h.actor_username == "rina" for h in handed.history)
    with pytest.raises(InvalidStatusChange):
        change("in_process")
    text = json.dumps([(a.summary, a.details) for a in audit_rows(app_ctx)], ensure_ascii=False)
    for personal in ("Budi", "Siti Aminah", NIK, "Lokasi usaha", "0812"):
        assert personal not in text


def test_search_by_number_nik_name_business_nib_kbli_dates_and_status(app_ctx, officer):
    a = register_file(app_ctx, officer, applicant=person(full_name="Ñoño Şükrü 李"), when=at("2026-03-02"))
    b = register_file(app_ctx, officer, applicant=business(), annex=45, when=at("2026-03-10"))
    c = register_file(app_ctx, officer, applicant=person(nik=NIK_2, full_name="Siti Aminah"), when=at("2026-03-17"))
    returned = return_file(app_ctx, officer, applicant=person(full_name="Siti Rahma"), when=at("2026-03-18"))

    def find(**kw):
        with app_ctx.uow(write=False, actor=officer) as uow:
            return [r.visit_id for r in service.search(uow, today=dt.date(2026, 3, 20), **kw)]

    assert find(query="mpp/2026/03/010002") == [b.id]
    assert find(registration_number="MPP/2026/03/01") == [c.id, b.id, a.id]
    assert find(query=NIK) == [a.id]
    assert find(nik=NIK_2) == [c.id, b.id]  # Budi's NIK brought the business file
    assert find(query="nono s") == [a.id]  # accents and case folded
    assert find(query="ÑOÑO") == [a.id]
    assert find(query="siti") == [c.id]  # registered files only ...
    assert find(query="siti", include_incomplete=True) == [c.id, returned.id]  # ... unless asked; by name
    assert find(status="incomplete") == [returned.id]
    assert find(query="pt keamanan") == [b.id]
    assert find(query="8120000123456") == [b.id]
    assert find(kbli="71205") == [b.id]
    assert find(query="62021") == [c.id, b.id, a.id]  # service KBLI 62021 (a, c) and business KBLI (b)
    assert find(date_from=dt.date(2026, 3, 5), date_to=dt.date(2026, 3, 17)) == [c.id, b.id]
    assert find(status="received") == [c.id, b.id, a.id]
    assert find(status="finished") == []
    with app_ctx.uow(write=False, actor=officer) as uow:
        row = service.search(uow, query=NIK)[0]
    assert row.applicant_name == "Ñoño Şükrü 李" and row.nik_masked == "3214********0001"


@pytest.mark.parametrize("query", ["%", "*", "_", " % _ ", "--"])
def test_a_query_that_folds_to_nothing_is_refused_not_a_list_of_every_file(app_ctx, officer, query):
    register_file(app_ctx, officer)
    register_file(app_ctx, officer, applicant=person(nik=NIK_2, full_name="Budi"), when=at("2026-03-18"))
    with app_ctx.uow(write=False, actor=officer) as uow:
        with pytest.raises(ValidationError) as refused:
            service.search(uow, today=dt.date(2026, 3, 20), query=query)
    assert refused.value.field == "query" and "huruf atau angka" in refused.value.text("id")


def test_control_and_bidi_characters_never_reach_the_stored_name_or_the_printer(app_ctx, officer):
    from mpp_desk.intake.receipts import issue_receipt, render_receipt_escpos
    from mpp_desk.signing import Signer

    drawer = "\x1bp\x00\x19\x19"  # ESC p: open the cash drawer
    name = f"Siti{drawer} \u202eAminah\x07\x00"
    done = register_file(app_ctx, officer, applicant=person(full_name=name, address="Jl. \x1b@Veteran\u2066 1"))
    with app_ctx.uow(actor=officer) as uow:
        visit = uow.session.get(IntakeVisit, done.id)
        assert visit.full_name == "Siti p Aminah" and visit.address == "Jl. @Veteran 1"
        issued = issue_receipt(uow, visit_id=done.id, data_dir=app_ctx.data_dir, now=at("2026-03-17", 10, 5),
                               signer=Signer.for_data_dir(app_ctx.data_dir))
        uow.commit()
    view = issued.view
    # even a view carrying such characters (an older row) prints them as nothing
    from dataclasses import replace

    data = render_receipt_escpos(replace(view, applicant_name=name,
                                         letterhead=replace(view.letterhead, address="\x1b@\u202e")), width_chars=48)
    clean = render_receipt_escpos(replace(view, applicant_name="Siti p Aminah",
                                          letterhead=replace(view.letterhead, address="@")), width_chars=48)
    assert data == clean and b"Siti p Aminah" in data
    assert b"\x1bp" not in data and data.count(b"\x1b@") == 1  # no drawer kick; INIT only once, at the start


def test_without_personal_data_rights_names_are_masked_and_nik_search_is_refused(app_ctx, officer):
    register_file(app_ctx, officer)
    with app_ctx.uow(write=False, actor=TERMINAL) as uow:  # the administrator: reports, no personal data
        rows = service.search(uow, status="received")
        assert rows[0].applicant_name == "S*** A*****" and rows[0].nik_masked == "3214********0001"
        visit = service.get_visit(uow, visit_id=rows[0].visit_id)
        assert visit.applicant.nik == "" and visit.applicant.phone == "" and not visit.applicant.revealed
        with pytest.raises(PermissionDenied):
            service.search(uow, query=NIK)
        with pytest.raises(PermissionDenied):
            service.search(uow, name="siti")
    with app_ctx.uow(actor=TERMINAL) as uow:
        with pytest.raises(PermissionDenied):  # the administrator does not receive files
            service.start_visit(uow, annex_number=67, applicant=person())


def test_overdue_is_counted_in_working_days_and_today_lists_due_and_overdue(app_ctx, officer):
    late = register_file(app_ctx, officer, when=at("2026-03-17"))  # due Thursday 2 April
    today_due = register_file(app_ctx, officer, annex=45, when=at("2026-03-25"))
    assert today_due.application.due_date == dt.date(2026, 4, 6)  # 26, 27, 30, 31 Mar, 1, 2, (3 Good Friday), 6 Apr
    register_file(app_ctx, officer, when=at("2026-04-01"))  # not due yet
    in_process = register_file(app_ctx, officer, when=at("2026-03-16"))  # due 1 April
    with app_ctx.uow(actor=officer) as uow:
        service.change_status(uow, application_id=in_process.application.id, status="in_process")
        uow.commit()

    def listing(day):
        with app_ctx.uow(write=False, actor=officer) as uow:
            return service.due_and_overdue(uow, today=day)

    on_friday = {r.visit_id: r for r in listing(dt.date(2026, 4, 3))}
    # Good Friday: past the due date of 2 April, but no working day has passed since
    assert on_friday[late.id].overdue and on_friday[late.id].overdue_working_days == 0
    rows = listing(dt.date(2026, 4, 6))
    by_id = {r.visit_id: r for r in rows}
    assert by_id[late.id].overdue_working_days == 1 and by_id[late.id].overdue
    assert by_id[today_due.id].due_today and not by_id[today_due.id].overdue
    assert len(rows) == 3  # the file received 16 March (in process, due 1 April) is overdue too
    assert rows[0].due_date <= rows[1].due_date <= rows[2].due_date
    with app_ctx.uow(write=False, actor=officer) as uow:
        overdue = service.search(uow, overdue_only=True, today=dt.date(2026, 4, 7))
    assert {r.visit_id for r in overdue} >= {late.id, today_due.id}
    assert {r.visit_id: r.overdue_working_days for r in overdue}[late.id] == 2


def test_recent_services_come_first_in_the_picker(app_ctx, officer):
    with app_ctx.uow(actor=officer) as uow:
        before = [c.annex_number for c in service.service_choices(uow)]
    assert before == [45, 67]
    register_file(app_ctx, officer, annex=67)
    with app_ctx.uow(actor=officer) as uow:
        choices = service.service_choices(uow)
    assert [c.annex_number for c in choices] == [67, 45]
    assert choices[0].last_used is not None and choices[1].last_used is None
    assert choices[1].requirement_count == 5


def test_service_times_per_service_from_the_ticket_call(app_ctx, officer):
    from mpp_desk.queue import LocalQueue
    from mpp_desk.queue.setup import create_counter

    with app_ctx.uow(actor=TERMINAL) as uow:
        create_counter(uow, number=1, name="Loket 1", group_codes=["A"])
        uow.commit()
    queue = LocalQueue.from_context(app_ctx)
    ticket = queue.issue(group_code="A", now=at("2026-03-17", 9, 0)).ticket
    queue.call_next(counter_number=1, now=at("2026-03-17", 9, 50))
    with app_ctx.uow(actor=officer) as uow:
        visit = service.start_visit(uow, annex_number=67, applicant=person(), ticket_id=ticket.id,
                                    now=at("2026-03-17", 9, 52))
        service.register_complete(uow, visit_id=visit.id, items=all_present(visit), now=at("2026-03-17", 10, 2))
        uow.commit()
    with app_ctx.uow(write=False, actor=officer) as uow:
        times = service.service_times(uow, date_from=dt.date(2026, 3, 17), date_to=dt.date(2026, 3, 17))
    assert [(t.annex_number, t.visits, t.complete, t.median_minutes) for t in times] == [(67, 1, 1, 12.0)]


def test_a_finished_visit_cannot_be_changed(app_ctx, officer):
    done = register_file(app_ctx, officer)
    with app_ctx.uow(actor=officer) as uow:
        with pytest.raises(service.VisitClosed):
            service.save_checklist(uow, visit_id=done.id, items=[ItemInput(1, "missing")])
        with pytest.raises(service.VisitClosed):
            service.record_incomplete(uow, visit_id=done.id)
    assert count(app_ctx, ChecklistItem, ChecklistItem.state == "missing") == 0


def test_recent_files_are_those_received_in_the_last_thirty_days_newest_first(app_ctx, officer):
    too_old = register_file(app_ctx, officer, when=at("2026-03-06"))  # 31 days before 6 April
    first_day = register_file(app_ctx, officer, applicant=business(), annex=45, when=at("2026-03-08"))
    newest = register_file(app_ctx, officer, applicant=person(nik=NIK_2), when=at("2026-04-06", 8))
    with app_ctx.uow(write=False, actor=officer) as uow:
        rows = [r.visit_id for r in service.recent_files(uow, today=dt.date(2026, 4, 6))]
    assert rows == [newest.id, first_day.id] and too_old.id not in rows
