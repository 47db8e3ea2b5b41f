"""The server's retention purge: after a PC's purge has synced, no earlier version on the server still holds
the personal data (change log, records, conflicts, attachment contents); the statistics and live records stay."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid

import pytest
from sqlalchemy import func, insert, select

from mpp_desk import retention, settings
from mpp_desk.models.catalog import ServiceStandard
from mpp_desk.models.complaints import ComplaintAttachment, ComplaintCase
from mpp_desk.models.intake import Application, IntakeReceipt, IntakeVisit
from mpp_desk.roles import TERMINAL
from mpp_desk.sync import client
from tests.intake_support import WIB
from tests.server.conftest import ADMIN_URL, _connect_admin, central, desk_json, enroll

TODAY = dt.date(2026, 7, 1)  # one-year periods: what ended on or before 2025-07-01 has expired
OLD_NIK, OLD_NAME = "3214010101900001", "Ratna Kedaluwarsa"
VISIT_NIK, VISIT_NAME = "3214010101900002", "Joko Tidak Lengkap"
LIVE_NIK, LIVE_NAME = "3214010101900003", "Dewi Masih Berjalan"
REPORTER = "Bambang Pelapor Lama"
SECRETS = (OLD_NIK, OLD_NAME, VISIT_NIK, VISIT_NAME, REPORTER, "Kuasa Ratna", "surat-bambang.pdf", "token-old")


@pytest.fixture
def pg_url(_postgres_available):
    """The server's database for this test (named for this module's author, dropped afterwards)."""
    name = f"mpp_test_ops18b_{uuid.uuid4().hex[:12]}"
    with _connect_admin() as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield f"{ADMIN_URL.rsplit('/', 1)[0]}/{name}"
    with _connect_admin() as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _at(day: dt.date, hour: int = 10) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, 0, tzinfo=WIB)


def _visit(service, day, nik, name, outcome=IntakeVisit.COMPLETE) -> IntakeVisit:
    return IntakeVisit(id=uuid.uuid4(), service_id=service.id, service_annex_number=service.annex_number,
                       service_title=service.title, service_kbli=service.kbli, started_at=_at(day),
                       finished_at=_at(day, 11), counter_number=1, outcome=outcome, nik=nik, full_name=name,
                       name_key=name.lower(), phone="+6281299990000", address="Jalan Veteran 7")


def _records(ctx) -> dict:
    """An expired handed-over file, an expired incomplete visit, a file still running, an expired complaint
    with a real attachment; the old visit is edited once more so the server holds two versions of it."""
    made = {}
    (ctx.data_dir / "attachments").mkdir(exist_ok=True)
    with ctx.uow(actor=TERMINAL) as uow:
        service = uow.session.scalars(select(ServiceStandard).limit(1)).one()
        old = _visit(service, dt.date(2025, 1, 6), OLD_NIK, OLD_NAME)
        uow.session.add(old)
        uow.session.add(IntakeReceipt(visit_id=old.id, kind=IntakeReceipt.TANDA_TERIMA, issued_at=_at(dt.date(2025, 1, 6)),
                                      pdf_path="", token="token-old"))
        app = Application(id=uuid.uuid4(), visit_id=old.id, registration_number="MPP/2025/01/010001", reg_year=2025,
                          reg_month=1, reg_block=1, reg_sequence=1, received_at=_at(dt.date(2025, 1, 6)),
                          received_date=dt.date(2025, 1, 6), due_date=dt.date(2025, 1, 16),
                          status=Application.HANDED_OVER, status_changed_at=_at(dt.date(2025, 1, 16)),
                          handed_over_to="Kuasa Ratna", handed_over_at=_at(dt.date(2025, 1, 16)))
        uow.session.add(app)
        incomplete = _visit(service, dt.date(2025, 2, 3), VISIT_NIK, VISIT_NAME, IntakeVisit.INCOMPLETE)
        uow.session.add(incomplete)
        live = _visit(service, dt.date(2026, 6, 29), LIVE_NIK, LIVE_NAME)
        uow.session.add(live)
        uow.session.add(Application(id=uuid.uuid4(), visit_id=live.id, registration_number="MPP/2026/06/010002",
                                    reg_year=2026, reg_month=6, reg_block=1, reg_sequence=2,
                                    received_at=_at(dt.date(2026, 6, 29)), received_date=dt.date(2026, 6, 29),
                                    due_date=dt.date(2026, 7, 9), status=Application.RECEIVED))
        content = b"%PDF-1.4 surat keberatan Bambang"
        sha = hashlib.sha256(content).hexdigest()
        stored = f"attachments/{sha[:2]}/{sha}.pdf"  # the attachments' own layout (by content)
        (ctx.data_dir / stored).parent.mkdir(parents=True)
        (ctx.data_dir / stored).write_bytes(content)
        case = ComplaintCase(id=uuid.uuid4(), case_number="ADU/2025/01/K7Q-0001", kind="complaint",
                             status=ComplaintCase.CLOSED, channel="langsung", received_at=_at(dt.date(2025, 1, 6)),
                             received_on=dt.date(2025, 1, 6), respond_by=dt.date(2025, 1, 13),
                             closed_at=_at(dt.date(2025, 1, 13)), reporter_name=REPORTER, reporter_nik=OLD_NIK,
                             reporter_phone="+6281300000", substance=f"Keluhan dari {REPORTER}",
                             problem_type="persyaratan")
        uow.session.add(case)
        uow.session.add(ComplaintAttachment(case_id=case.id, filename="surat-bambang.pdf", path=stored,
                                            sha256=sha, size=len(content), mime="application/pdf"))
        for key in ("retention.intake_years", "retention.visit_years", "retention.complaint_years"):
            settings.set(uow, key=key, value=1)
        uow.commit()
        made.update(old=old.id, app=app.id, incomplete=incomplete.id, live=live.id, case=case.id, sha=sha)
    with ctx.uow(actor=TERMINAL) as uow:
        uow.session.get(IntakeVisit, made["old"]).phone = "+6281299991111"  # a second version with personal data
        uow.commit()
    return made


def _dump(pg_url: str, table: str, column: str = "payload") -> str:
    import psycopg

    with psycopg.connect(pg_url) as conn:
        return "\n".join(json.dumps(r[0], ensure_ascii=False) for r in conn.execute(f"SELECT {column} FROM {table}"))


def _count(pg_url: str, sql: str) -> int:
    import psycopg

    with psycopg.connect(pg_url) as conn:
        return conn.execute(sql).fetchone()[0]


def _purge(pg_url: str, *extra: str) -> dict:
    status, out, err = central("retention", "purge", "--database", pg_url, "--json", *extra)
    assert status == 0, err
    return json.loads(out)


def test_after_a_pc_purge_the_server_keeps_no_earlier_copy_of_the_personal_data(
        server, server_db, make_pc, office_clock):
    pc = make_pc("admin-pc")
    desk_json(pc, "sync", "join", server, enroll(server_db, "tata-usaha", "admin"))
    later_code = enroll(server_db, "loket-9", "counter")  # codes are dated by this process's clock: before moving it
    office_clock.set(dt.datetime(2026, 7, 1, 9, 0, tzinfo=WIB), running=False)  # the server's purge counts from it
    made = _records(pc)
    first = client.sync_now(pc.db, pc.data_dir)
    assert first.pending == 0 and first.rejected == 0 and first.conflicts == 0, _dump(server_db, "device_ops", "reason")
    log = _dump(server_db, "change_log")
    assert [s for s in SECRETS if s not in log] == []
    assert _count(server_db, f"SELECT count(*) FROM blobs WHERE sha256 = '{made['sha']}' AND complete") == 1

    # before any PC purged: the server changes nothing, it only counts what waits for a PC's purge
    early = _purge(server_db)
    assert sum(early["purged"].values()) == 0 and early["change_log_rows"] == 0
    assert early["waiting"] == {"intake_visit": 1, "intake_application": 1, "complaint_case": 1}
    assert _dump(server_db, "change_log") == log

    with pc.uow(actor=TERMINAL) as uow:
        report = retention.purge(uow, today=TODAY)
        uow.commit()
    retention.remove_files(report.released, pc.data_dir)
    assert sum(report.counts.values()) == 3
    client.sync_now(pc.db, pc.data_dir)
    rows_before = _count(server_db, "SELECT count(*) FROM change_log")
    stats_sql = ("SELECT count(*) FROM records WHERE entity = 'intake_application' "
                 "AND payload->>'status' = 'handed_over' AND payload->>'registration_number' = 'MPP/2025/01/010001'")
    assert _count(server_db, stats_sql) == 1
    assert OLD_NIK in _dump(server_db, "change_log")  # the earlier versions still hold it

    dry = _purge(server_db, "--dry-run")
    assert dry["purged"] == {"intake_visit": 2, "intake_application": 1, "complaint_case": 1, "intake_receipt": 1,
                             "complaint_attachment": 1}
    assert dry["change_log_rows"] >= 7 and dry["blobs_erased"] == 1
    assert OLD_NIK in _dump(server_db, "change_log")  # a dry run writes nothing
    assert _count(server_db, "SELECT count(*) FROM retention_runs") == 1  # the early run only

    done = _purge(server_db)
    assert {k: done[k] for k in ("purged", "change_log_rows", "blobs_erased")} == \
        {k: dry[k] for k in ("purged", "change_log_rows", "blobs_erased")}
    assert done["waiting"] == {"intake_visit": 0, "intake_application": 0, "complaint_case": 0}
    everything = "\n".join(_dump(server_db, t) for t in ("change_log", "records"))
    for secret in SECRETS:
        assert secret not in everything, secret
    assert LIVE_NIK in everything and LIVE_NAME in everything  # a running file is not touched
    assert _count(server_db, "SELECT count(*) FROM change_log") == rows_before  # versions kept, only emptied
    assert _count(server_db, stats_sql) == 1  # what the statistics count stays
    assert _count(server_db, f"SELECT count(*) FROM blobs WHERE sha256 = '{made['sha']}'") == 0
    runs = _dump(server_db, "retention_runs", "details")
    assert '"change_log_rows": %d' % done["change_log_rows"] in runs and OLD_NIK not in runs

    again = _purge(server_db)
    assert again["change_log_rows"] == 0 and again["record_rows"] == 0 and again["blobs_erased"] == 0
    assert sum(again["purged"].values()) == sum(done["purged"].values())  # found again, nothing left to empty

    # a PC that joins now receives the whole history: the purged records come without personal data
    newcomer = make_pc("new-pc")
    desk_json(newcomer, "sync", "join", server, later_code)
    with newcomer.uow(write=False) as uow:
        old = uow.session.get(IntakeVisit, made["old"])
        assert old is not None and old.nik == "" and old.full_name == "" and old.service_kbli
        assert uow.session.get(IntakeVisit, made["live"]).nik == LIVE_NIK


def test_conflicts_of_a_purged_record_are_scrubbed_and_a_live_one_is_kept(server_db, office_clock):
    """Written straight into the server's tables: a purged visit (two versions, the last empty), a live one,
    and a conflict that carries both in its transaction."""
    from mpp_desk.server import retention as central_retention
    from mpp_desk.server.db import make_engine
    from mpp_desk.server.tables import change_log, conflicts, records

    office_clock.set(dt.datetime(2026, 7, 1, 9, 0, tzinfo=WIB), running=False)
    purged_id, live_id, device = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    person = {"nik": OLD_NIK, "full_name": OLD_NAME, "name_key": "x", "phone": "+628", "address": "Jl", "npwp": ""}
    blank = dict.fromkeys(person, "")

    def visit(vid, version, fields, started):
        return {"id": str(vid), "version": version, "outcome": "cancelled", "started_at": started,
                "finished_at": None, "deleted_at": None, "service_kbli": "47111", **fields}

    engine = make_engine(server_db.replace("postgresql://", "postgresql+psycopg://"), pool_size=1)
    try:
        with engine.begin() as conn:
            for seq_payload in (visit(purged_id, 1, person, "2024-03-01T03:00:00+00:00"),
                                visit(purged_id, 2, blank, "2024-03-01T03:00:00+00:00")):
                conn.execute(insert(change_log).values(entity="intake_visit", entity_id=purged_id,
                                                       version=seq_payload["version"], op="update", payload=seq_payload))
            live = visit(live_id, 1, {**person, "nik": LIVE_NIK}, "2026-06-30T03:00:00+00:00")
            conn.execute(insert(change_log).values(entity="intake_visit", entity_id=live_id, version=1, op="insert",
                                                   payload=live))
            conn.execute(insert(records), [
                dict(entity="intake_visit", entity_id=purged_id, version=2, deleted=False, seq=2,
                     payload=visit(purged_id, 2, blank, "2024-03-01T03:00:00+00:00")),
                dict(entity="intake_visit", entity_id=live_id, version=1, deleted=False, seq=3, payload=live)])
            ops = [{"entity": "intake_visit", "entity_id": str(purged_id), "op": "update",
                    "payload": visit(purged_id, 2, person, "2024-03-01T03:00:00+00:00")},
                   {"entity": "intake_visit", "entity_id": str(live_id), "op": "update", "payload": live}]
            conn.execute(insert(conflicts).values(
                entity="intake_visit", entity_id=purged_id, device_id=device, op_id=uuid.uuid4(), base_version=1,
                server_version=2, client_payload=ops[0]["payload"], server_payload=visit(purged_id, 1, person, "x"),
                tx_ops=ops, reason="stale"))
        with engine.connect() as conn:
            rows_before = conn.execute(select(func.count()).select_from(change_log)).scalar_one()
        with engine.begin() as conn:
            report = central_retention.purge(conn)
        with engine.connect() as conn:
            row = conn.execute(select(conflicts)).one()
            log_rows = conn.execute(select(func.count()).select_from(change_log)).scalar_one()
    finally:
        engine.dispose()
    assert report.purged["intake_visit"] == 1 and report.change_log_rows == 1 and report.conflict_rows == 1
    assert report.record_rows == 0  # the current version was already empty
    assert row.client_payload["nik"] == "" and row.server_payload["full_name"] == ""
    assert row.tx_ops[0]["payload"]["nik"] == "" and row.tx_ops[1]["payload"]["nik"] == LIVE_NIK
    assert row.client_payload["service_kbli"] == "47111" and log_rows == rows_before
    assert OLD_NIK not in _dump(server_db, "change_log") and LIVE_NIK in _dump(server_db, "change_log")


def test_a_database_from_a_newer_mpp_central_is_refused_untouched(server_db):
    import psycopg

    with psycopg.connect(server_db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    status, _out, err = central("migrate", "--database", server_db)
    assert status == 2
    assert "9999_future" in err and "newer mpp-central" in err and "Traceback" not in err
    assert _count(server_db, "SELECT version_num FROM alembic_version") == "9999_future"


def _a_year(ctx, monthly) -> None:
    """2025 at a small office: a file handed over (or, every third, rejected) ten days after each working day,
    an incomplete visit every Friday, a complaint closed a week after each Monday; one-year periods. A day per
    unit of work, as at the counter (one synced action stays under the server's 500 ops a request)."""
    day, n = dt.date(2025, 1, 1), 0
    while day.year == 2025:
        with ctx.uow(actor=TERMINAL) as uow:
            service = uow.session.scalars(select(ServiceStandard).limit(1)).one()
            if day.weekday() < 5:
                n += 1
                visit = _visit(service, day, f"3214{n:012d}", f"Pemohon {n}")
                uow.session.add(visit)
                uow.session.add(IntakeReceipt(visit_id=visit.id, kind=IntakeReceipt.TANDA_TERIMA,
                                              issued_at=_at(day), pdf_path="", token=f"token-{n}"))
                closed = day + dt.timedelta(days=10)
                rejected = n % 3 == 0
                uow.session.add(Application(
                    id=uuid.uuid4(), visit_id=visit.id, registration_number=f"MPP/2025/{day.month:02d}/01{n:04d}",
                    reg_year=2025, reg_month=day.month, reg_block=1, reg_sequence=n, received_at=_at(day),
                    received_date=day, due_date=closed, status_changed_at=_at(closed),
                    status=Application.REJECTED if rejected else Application.HANDED_OVER,
                    handed_over_to="" if rejected else f"Kuasa {n}", handed_over_at=None if rejected else _at(closed)))
            if day.weekday() == 4:
                n += 1
                uow.session.add(_visit(service, day, f"3214{n:012d}", f"Pemohon {n}", IntakeVisit.INCOMPLETE))
            if day.weekday() == 0:
                n += 1
                uow.session.add(ComplaintCase(
                    id=uuid.uuid4(), case_number=f"ADU/2025/{day.month:02d}/K7Q-{n:04d}", kind="complaint",
                    status=ComplaintCase.CLOSED, channel="langsung", received_at=_at(day), received_on=day,
                    respond_by=day + dt.timedelta(days=7), closed_at=_at(day + dt.timedelta(days=7)),
                    reporter_name=f"Pelapor {n}", reporter_phone="+6281300000", substance=f"Keluhan Pelapor {n}",
                    problem_type="persyaratan"))
            uow.commit()
        if (day + dt.timedelta(days=1)).day == 1:
            monthly()  # sync as the PC would (the client's batches can overshoot 500 ops by one action)
        day += dt.timedelta(days=1)
    with ctx.uow(actor=TERMINAL) as uow:
        for key in ("retention.intake_years", "retention.visit_years", "retention.complaint_years"):
            settings.set(uow, key=key, value=1)
        uow.commit()


def test_on_a_year_of_data_the_server_finds_exactly_what_the_pc_purged(server, server_db, make_pc):
    from mpp_desk.server import retention as central_retention
    from mpp_desk.server.db import make_engine

    pc = make_pc("admin-pc")
    desk_json(pc, "sync", "join", server, enroll(server_db, "tata-usaha", "admin"))
    _a_year(pc, lambda: client.sync_now(pc.db, pc.data_dir))
    assert client.sync_now(pc.db, pc.data_dir).rejected == 0 and client.pending_count(pc.db) == 0
    engine = make_engine(server_db.replace("postgresql://", "postgresql+psycopg://"), pool_size=1)
    try:
        with pc.uow(write=False, actor=TERMINAL) as uow:
            due = retention.due_counts(uow, today=TODAY)
        with engine.begin() as conn:  # the server's rule agrees with the PCs' on what has expired
            _purged, waiting = central_retention.find_purged(conn, central_retention.policy_years(conn), TODAY)
        assert waiting == {"intake_application": due["intake_file"], "intake_visit": due["intake_visit"],
                           "complaint_case": due["complaint"]}
        assert due["intake_file"] > 100 and due["intake_visit"] > 20 and due["complaint"] > 20

        with pc.uow(actor=TERMINAL) as uow:
            report = retention.purge(uow, today=TODAY)
            uow.commit()
        assert client.sync_now(pc.db, pc.data_dir).rejected == 0
        with engine.begin() as conn:
            done = central_retention.purge(conn, today=TODAY)
        purged_files = {i.entity_id for i in report.items if i.kind == "intake_file"}
        purged_cases = {i.entity_id for i in report.items if i.kind == "complaint"}
        assert done.purged["intake_application"] == len(purged_files)
        assert done.purged["complaint_case"] == len(purged_cases)
        assert done.purged["intake_visit"] == len(purged_files) + report.counts["intake_visit"]
        assert done.purged["intake_receipt"] == report.tombstones
        assert sum(done.waiting.values()) == 0 and done.change_log_rows >= sum(report.counts.values())
        kept = _dump(server_db, "change_log")
        assert '"Pemohon 1"' not in kept and '"3214000000000001"' not in kept
        assert f"Pemohon {_last_visitor(pc)}\"" in kept  # December's files are inside their period
    finally:
        engine.dispose()


def _last_visitor(pc) -> int:
    with pc.uow(write=False) as uow:
        names = uow.session.scalars(select(IntakeVisit.full_name).where(IntakeVisit.full_name != "")).all()
    return max(int(n.split()[-1]) for n in names)
