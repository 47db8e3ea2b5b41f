"""The retention screen: the supervisor sees what is due (by number, never by person); the administrator
runs a dry run, sees its counts in the confirmation, and only then erases."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from sqlalchemy import select

from mpp_desk import settings
from mpp_desk.models import AuditEntry
from mpp_desk.models.catalog import ServiceStandard
from mpp_desk.models.complaints import ComplaintCase
from mpp_desk.models.intake import Application, IntakeReceipt, IntakeVisit
from mpp_desk.roles import TERMINAL
from tests.intake_support import WIB
from tests.ui.conftest import ADMIN_PASSWORD

NOW = dt.datetime(2026, 7, 1, 9, 0, tzinfo=WIB)
PASSWORD = "Kepala-Kantor-2026"


def _at(day: dt.date, hour: int = 10) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, 0, tzinfo=WIB)


def _visit(service, day, n, outcome=IntakeVisit.COMPLETE) -> IntakeVisit:
    return IntakeVisit(id=uuid.uuid4(), service_id=service.id, service_annex_number=service.annex_number,
                       service_title=service.title, service_kbli=service.kbli, started_at=_at(day),
                       finished_at=_at(day, 11), counter_number=1, outcome=outcome, nik=f"32140101019000{n:02d}",
                       full_name=f"Pemohon Rahasia {n}", name_key=f"pemohon rahasia {n}", phone="+6281299990000",
                       address="Jalan Veteran 7")


@pytest.fixture
def due_ctx(ui_ctx, office_clock):
    office_clock.set(NOW, running=False)
    return seed_due(ui_ctx)


def seed_due(ui_ctx):
    """Two handed-over files and an incomplete visit past a one-year period, a closed complaint past it, and a
    file still running; the supervisor "kepala"."""
    from mpp_desk import auth

    (ui_ctx.data_dir / "receipts").mkdir(exist_ok=True)
    with ui_ctx.uow(actor=TERMINAL) as uow:
        service = uow.session.scalars(select(ServiceStandard).limit(1)).one()
        for n, day in ((1, dt.date(2025, 1, 6)), (2, dt.date(2025, 2, 3)), (4, dt.date(2026, 6, 29))):
            visit = _visit(service, day, n)
            uow.session.add(visit)
            closed = n < 4
            uow.session.add(Application(
                id=uuid.uuid4(), visit_id=visit.id, registration_number=f"MPP/{day.year}/{day.month:02d}/01000{n}",
                reg_year=day.year, reg_month=day.month, reg_block=1, reg_sequence=n, received_at=_at(day),
                received_date=day, due_date=day + dt.timedelta(days=10),
                status=Application.HANDED_OVER if closed else Application.RECEIVED,
                status_changed_at=_at(day + dt.timedelta(days=10)),
                handed_over_to=f"Kuasa Rahasia {n}" if closed else "",
                handed_over_at=_at(day + dt.timedelta(days=10)) if closed else None))
            pdf = f"receipts/{n}.pdf"
            (ui_ctx.data_dir / pdf).write_bytes(b"%PDF-1.4 " + visit.nik.encode())
            uow.session.add(IntakeReceipt(visit_id=visit.id, kind=IntakeReceipt.TANDA_TERIMA, issued_at=_at(day),
                                          pdf_path=pdf, token=f"token-{n}"))
        uow.session.add(_visit(service, dt.date(2025, 3, 3), 3, IntakeVisit.INCOMPLETE))
        uow.session.add(ComplaintCase(
            id=uuid.uuid4(), case_number="ADU/2025/01/K7Q-0001", kind="complaint", status=ComplaintCase.CLOSED,
            channel="langsung", received_at=_at(dt.date(2025, 1, 6)), received_on=dt.date(2025, 1, 6),
            respond_by=dt.date(2025, 1, 13), closed_at=_at(dt.date(2025, 1, 13)), reporter_name="Pelapor Rahasia",
            reporter_phone="+6281300000", substance="Keluhan dari Pelapor Rahasia", problem_type="persyaratan"))
        for key in ("retention.intake_years", "retention.visit_years", "retention.complaint_years"):
            settings.set(uow, key=key, value=1)
        auth.create_user(uow, username="kepala", full_name="Kepala Kantor", role="supervisor", password=PASSWORD,
                         must_change_password=False)
        uow.commit()
    return ui_ctx


def _open(qtbot, ctx, tasks, actor):
    from mpp_desk.ui.areas.retention_area import RetentionArea

    area = RetentionArea(ctx=ctx, tasks=tasks, actor=actor)
    qtbot.addWidget(area)
    qtbot.waitUntil(lambda: area.loaded == 1, timeout=10000)
    return area


def _cells(model) -> list[list[str]]:
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


@pytest.mark.clock
def test_the_supervisor_sees_what_is_due_by_number_and_cannot_purge(qtbot, due_ctx, tasks, sign_in):
    area = _open(qtbot, due_ctx, tasks, sign_in("kepala", PASSWORD))
    assert {k: f.text() for k, f in area.figures.items()} == {"intake_file": "2", "intake_visit": "1", "complaint": "1"}
    rows = _cells(area.model)
    assert [r[1] for r in rows] == ["MPP/2025/01/010001", "MPP/2025/02/010002", rows[2][1], "ADU/2025/01/K7Q-0001"]
    assert rows[2][0] == "Kunjungan tidak lengkap atau dibatalkan" and rows[2][1].startswith("KBLI ")
    assert rows[0][2:] == ["16-01-2025", "16-01-2026"]  # counted from the hand-over, one year
    assert "Rahasia" not in repr(rows)  # numbers, never names
    assert "1 tahun" in area.policy_note.text()
    assert "4 data" in area.note.text() and "01-07-2026" in area.note.text()
    assert not area.purge_button.isVisibleTo(area)


@pytest.mark.clock
def test_the_administrator_runs_a_dry_run_confirms_its_counts_then_erases(qtbot, due_ctx, tasks, sign_in):
    area = _open(qtbot, due_ctx, tasks, sign_in("admin", ADMIN_PASSWORD))
    assert area.purge_button.isVisibleTo(area) and area.purge_button.isEnabled()
    asked: list[dict] = []
    area.confirm = lambda counts: asked.append(counts) or False  # the administrator says no
    area.start_purge()
    qtbot.waitUntil(lambda: "Tidak ada yang dihapus" in area.note.text(), timeout=10000)
    assert asked == [{"intake_file": 2, "intake_visit": 1, "complaint": 1}]
    assert "• Berkas yang sudah diserahkan atau ditolak: 2" in area.counts_text(asked[0])
    with due_ctx.uow(write=False) as uow:
        assert uow.session.scalar(select(IntakeVisit.nik).where(IntakeVisit.full_name == "Pemohon Rahasia 1"))
        assert uow.session.scalar(select(AuditEntry).where(AuditEntry.action == "retention.purged")) is None
    assert (due_ctx.data_dir / "receipts" / "1.pdf").exists()

    area.confirm = lambda counts: asked.append(counts) or True
    area.start_purge()
    qtbot.waitUntil(lambda: area.last_report is not None and area.loaded == 2, timeout=10000)
    assert len(asked) == 2 and area.model.rowCount() == 0
    assert "4 data dianonimkan" in area.note.text() and area.note.objectName() == "okNote"
    assert not area.purge_button.isEnabled()
    assert {k: f.text() for k, f in area.figures.items()} == {"intake_file": "0", "intake_visit": "0", "complaint": "0"}
    with due_ctx.uow(write=False) as uow:
        names = set(uow.session.scalars(select(IntakeVisit.full_name)))
        assert names == {"", "Pemohon Rahasia 4"}  # the running file keeps its applicant
        entry = uow.session.scalars(select(AuditEntry).where(AuditEntry.action == "retention.purged")).one()
        assert entry.details["counts"] == {"intake_file": 2, "intake_visit": 1, "complaint": 1}
    assert not (due_ctx.data_dir / "receipts" / "1.pdf").exists() and (due_ctx.data_dir / "receipts" / "4.pdf").exists()


def test_the_list_model_passes_the_model_tester(qtmodeltester, qtbot, due_ctx, tasks, sign_in):
    area = _open(qtbot, due_ctx, tasks, sign_in("kepala", PASSWORD))
    assert area.model.rowCount() == 4
    qtmodeltester.check(area.model)


def test_a_counter_officer_has_no_retention_area_and_the_service_refuses_them(due_ctx, sign_in):
    from mpp_desk.errors import PermissionDenied
    from mpp_desk.ui.areas import areas_for
    from mpp_desk.ui.ops import retention as ops
    from tests.ui.conftest import COUNTER_PASSWORD

    assert "retention" in [a.key for a in areas_for("supervisor")]
    assert "retention" not in [a.key for a in areas_for("counter")]
    with pytest.raises(PermissionDenied):
        ops.due(due_ctx, actor=sign_in("siti", COUNTER_PASSWORD))
