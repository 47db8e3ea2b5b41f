"""Retention purge (UU 27/2022) over a year of synthetic counter and complaint-desk data."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid

import pytest
from sqlalchemy import func, select

from mpp_desk import retention, settings
from mpp_desk.errors import PermissionDenied
from mpp_desk.models import AuditEntry, OutboxEntry
from mpp_desk.models.catalog import ServiceStandard
from mpp_desk.models.complaints import ComplaintAttachment, ComplaintCase
from mpp_desk.models.intake import Application, IntakeReceipt, IntakeVisit
from mpp_desk.roles import TERMINAL
from tests.intake_support import WIB

YEAR_START = dt.date(2025, 1, 1)
TODAY = dt.date(2026, 7, 1)  # one-year periods: what ended on or before 2025-07-01 has expired


def _nik(n: int) -> str:
    return f"3214{n:012d}"


def _moment(day: dt.date, hour: int = 10) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, 0, tzinfo=WIB)


def _year_of_data(ctx) -> dict:
    """Every working day of 2025: two files handed over ten days later, one rejected, one incomplete
    visit with a return slip; every Monday a closed complaint with an attachment. Returns what the test
    expects the purge to find (by kind), computed from the same dates."""
    expected = {retention.INTAKE_FILE: set(), retention.INTAKE_VISIT: set(), retention.COMPLAINT: set()}
    limit = dt.date(2025, 7, 1)
    (ctx.data_dir / "receipts").mkdir(exist_ok=True)
    (ctx.data_dir / "attachments").mkdir(exist_ok=True)
    n = 0
    with ctx.uow(actor=TERMINAL) as uow:
        service = uow.session.scalars(select(ServiceStandard).limit(1)).one()
        day = YEAR_START
        while day.year == 2025:
            if day.weekday() < 5:
                for slot in range(4):
                    n += 1
                    visit = IntakeVisit(id=uuid.uuid4(), service_id=service.id, service_annex_number=service.annex_number,
                                        service_title=service.title, service_kbli=service.kbli,
                                        started_at=_moment(day), finished_at=_moment(day, 11), counter_number=1,
                                        outcome=IntakeVisit.INCOMPLETE if slot == 3 else IntakeVisit.COMPLETE,
                                        nik=_nik(n), full_name=f"Pemohon Nomor {n}", name_key=f"pemohon nomor {n}",
                                        phone=f"+62812{n:07d}", address=f"Jalan Contoh {n}")
                    uow.session.add(visit)
                    pdf = f"receipts/{n}.pdf"
                    (ctx.data_dir / pdf).write_bytes(b"%PDF-1.4 " + visit.nik.encode())
                    uow.session.add(IntakeReceipt(visit=visit, kind=IntakeReceipt.RETURN_SLIP if slot == 3 else
                                                  IntakeReceipt.TANDA_TERIMA, issued_at=_moment(day),
                                                  pdf_path=pdf, token=f"token-{n}"))
                    if slot == 3:
                        (expected[retention.INTAKE_VISIT] if day <= limit else set()).add(visit.id)
                        continue
                    closed_on = day + dt.timedelta(days=10)
                    app = Application(id=uuid.uuid4(), visit=visit, registration_number=f"MPP/2025/{day.month:02d}/01{n:04d}",
                                      reg_year=2025, reg_month=day.month, reg_block=1, reg_sequence=n,
                                      received_at=_moment(day), received_date=day, due_date=closed_on,
                                      status=Application.REJECTED if slot == 2 else Application.HANDED_OVER,
                                      status_changed_at=_moment(closed_on),
                                      handed_over_to="" if slot == 2 else f"Kuasa {n}",
                                      handed_over_at=None if slot == 2 else _moment(closed_on))
                    uow.session.add(app)
                    if closed_on <= limit:
                        expected[retention.INTAKE_FILE].add(app.id)
            if day.weekday() == 0:
                n += 1
                closed_on = day + dt.timedelta(days=7)
                case = ComplaintCase(id=uuid.uuid4(), case_number=f"ADU/2025/{day.month:02d}/K7Q-{n:04d}", kind="complaint",
                                     status=ComplaintCase.CLOSED, channel="langsung", received_at=_moment(day),
                                     received_on=day, respond_by=closed_on, closed_at=_moment(closed_on),
                                     reporter_name=f"Pelapor {n}", reporter_nik=_nik(n), reporter_phone="+6281300000",
                                     substance=f"Keluhan dari Pelapor {n}", problem_type="persyaratan")
                uow.session.add(case)
                path = f"attachments/{n}.pdf"
                (ctx.data_dir / path).write_bytes(b"%PDF-1.4 attachment")
                uow.session.add(ComplaintAttachment(case=case, filename=f"surat-{n}.pdf", path=path,
                                                    sha256=hashlib.sha256(path.encode()).hexdigest(), size=10,
                                                    mime="application/pdf"))
                if closed_on <= limit:
                    expected[retention.COMPLAINT].add(case.id)
            day += dt.timedelta(days=1)
        for key in ("retention.intake_years", "retention.visit_years", "retention.complaint_years"):
            settings.set(uow, key=key, value=1)
        uow.commit()
    return expected


def _statistics(uow) -> dict:
    """What the reports count: applications per month and status, visits per outcome, cases per problem type."""
    s = uow.session
    return {
        "applications": sorted(s.execute(select(Application.reg_month, Application.status, func.count())
                                         .group_by(Application.reg_month, Application.status)).all()),
        "visits": sorted(s.execute(select(IntakeVisit.outcome, IntakeVisit.service_kbli, func.count())
                                   .group_by(IntakeVisit.outcome, IntakeVisit.service_kbli)).all()),
        "cases": sorted(s.execute(select(ComplaintCase.problem_type, ComplaintCase.channel, func.count())
                                  .group_by(ComplaintCase.problem_type, ComplaintCase.channel)).all()),
    }


@pytest.fixture
def year(app_ctx):
    return _year_of_data(app_ctx)


def test_purge_of_a_year_erases_exactly_what_expired_and_keeps_the_statistics(app_ctx, year):
    with app_ctx.uow(write=False, actor=TERMINAL) as uow:
        before = _statistics(uow)
        due = retention.due(uow, today=TODAY)
    by_kind = {k: {i.entity_id for i in due if i.kind == k} for k in retention.KINDS}
    assert by_kind == year
    assert all(len(v) > 20 for v in year.values())  # the year really straddles the limit

    with app_ctx.uow(write=False, actor=TERMINAL) as uow:
        outbox_before = uow.session.scalar(select(func.count()).select_from(OutboxEntry))
    with app_ctx.uow(actor=TERMINAL) as uow:
        dry = retention.purge(uow, today=TODAY, dry_run=True)
    assert dry.counts == {k: len(v) for k, v in year.items()}
    with app_ctx.uow(write=False, actor=TERMINAL) as uow:  # the dry run wrote nothing
        assert uow.session.scalar(select(func.count()).select_from(OutboxEntry)) == outbox_before
        assert uow.session.scalar(select(func.count()).select_from(IntakeVisit).where(IntakeVisit.nik == "")) == 0

    with app_ctx.uow(actor=TERMINAL) as uow:
        report = retention.purge(uow, today=TODAY)
        uow.commit()
    assert retention.remove_files(report.released, app_ctx.data_dir) == len(report.released)

    purged_visits = set()
    with app_ctx.uow(write=False, actor=TERMINAL) as uow:
        s = uow.session
        assert _statistics(uow) == before
        for app in s.scalars(select(Application)):
            visit = s.get(IntakeVisit, app.visit_id)
            gone = app.id in year[retention.INTAKE_FILE]
            assert (visit.nik == "" and visit.full_name == "" and visit.phone == "" and app.handed_over_to == "") is gone
            if gone:
                purged_visits.add(visit.id)
        purged_visits |= year[retention.INTAKE_VISIT]
        for visit_id in year[retention.INTAKE_VISIT]:
            assert s.get(IntakeVisit, visit_id).address == ""
        for receipt in s.scalars(select(IntakeReceipt)):
            assert (receipt.deleted_at is not None) is (receipt.visit_id in purged_visits)
            assert (app_ctx.data_dir / receipt.pdf_path).exists() is (receipt.visit_id not in purged_visits)
        for case in s.scalars(select(ComplaintCase)):
            gone = case.id in year[retention.COMPLAINT]
            assert (case.reporter_nik == "" and case.reporter_name == "" and case.substance == "") is gone
            assert case.problem_type == "persyaratan" and case.received_on is not None
        # sync: the visits go as updates without personal data, receipts and attachments as tombstones
        deletes = s.scalars(select(OutboxEntry).where(OutboxEntry.op == "delete")).all()
        assert {e.entity for e in deletes} == {"intake_receipt", "complaint_attachment"}
        assert len(deletes) == report.tombstones == len(purged_visits) + len(year[retention.COMPLAINT])
        # no copy of the erased data stays in this PC's outbox
        purged_niks = {e.payload.get("nik") for e in s.scalars(select(OutboxEntry).where(
            OutboxEntry.entity == "intake_visit"))} - {""}
        kept_niks = {v.nik for v in s.scalars(select(IntakeVisit))} - {""}
        assert purged_niks == kept_niks
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "retention.purged")).one()
        assert json.loads(json.dumps(entry.details))["counts"] == dry.counts
        assert "3214" not in json.dumps(entry.details) and "Pemohon" not in entry.summary
        assert retention.due(uow, today=TODAY) == []  # purged records are not due again

    with app_ctx.uow(actor=TERMINAL) as uow:
        again = retention.purge(uow, today=TODAY)
        uow.commit()
    assert sum(again.counts.values()) == 0


def test_the_period_counts_whole_years_from_the_last_event(app_ctx, year):
    with app_ctx.uow(write=False, actor=TERMINAL) as uow:
        on_the_day = {i.entity_id for i in retention.due(uow, today=TODAY)}
        day_before = {i.entity_id for i in retention.due(uow, today=TODAY - dt.timedelta(days=1))}
    assert day_before < on_the_day  # the records whose event was on 2025-07-01 expire on 2026-07-01
    assert retention.add_years(dt.date(2024, 2, 29), 1) == dt.date(2025, 2, 28)


def test_who_may_see_and_who_may_purge(app_ctx, year):
    from tests.intake_support import make_officer

    supervisor = make_officer(app_ctx, username="atasan", full_name="Atasan Langsung", role="supervisor")
    counter = make_officer(app_ctx, username="loket", full_name="Petugas Loket", role="counter")
    with app_ctx.uow(write=False, actor=supervisor) as uow:
        assert len(retention.due(uow, today=TODAY)) == sum(len(v) for v in year.values())
    with app_ctx.uow(actor=supervisor) as uow, pytest.raises(PermissionDenied):
        retention.purge(uow, today=TODAY)
    with app_ctx.uow(write=False, actor=counter) as uow, pytest.raises(PermissionDenied):
        retention.due(uow, today=TODAY)


def test_cli_dry_run_then_purge(app_ctx, capsys):
    """On a fresh office nothing is due; the commands answer and the dry run writes nothing."""
    from mpp_desk.cli import main

    data = str(app_ctx.data_dir)
    app_ctx.close()
    assert main(["--data-dir", data, "--lang", "en", "retention", "purge", "--dry-run", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["dry_run"] is True and out["items"] == []
    assert main(["--data-dir", data, "--lang", "en", "retention", "due"]) == 0
    assert "0" in capsys.readouterr().out
