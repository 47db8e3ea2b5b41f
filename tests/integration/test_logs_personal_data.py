"""After a full day's flow at a counter, the log files hold no personal data (UU 27/2022)."""

from __future__ import annotations

import logging

import pytest

from mpp_desk import auth, backup, doctor, retention
from mpp_desk.app import LOG_BACKUPS, RotatingLog, log_path
from mpp_desk.errors import UserError
from mpp_desk.intake import receipts, service
from mpp_desk.queue import LocalQueue
from mpp_desk.roles import TERMINAL
from mpp_desk.signing import Signer
from tests.intake_support import NIK, NIK_2, OFFICER_PASSWORD, all_present, at, business, make_officer, person, with_gaps

DAY = "2026-03-17"
PERSONAL = (NIK, NIK_2, "Siti Aminah", "Budi Santoso", "0812 3456 7890", "81234567890", "Jl. Veteran", "Ipik Gandamanah",
            "Keamanan Siber Purwakarta", "Rahmat Hidayat")


@pytest.fixture
def file_log(app_ctx):
    """The app's rotating log file in the data folder, everything down to DEBUG, for this test only."""
    (app_ctx.data_dir / "logs").mkdir(exist_ok=True)
    handler = RotatingLog(log_path(app_ctx.data_dir))
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    yield app_ctx.data_dir / "logs"
    root.removeHandler(handler)
    root.setLevel(level)
    handler.close()


@pytest.mark.slow
def test_a_day_at_the_counter_leaves_no_personal_data_in_the_logs(app_ctx, file_log):
    ctx = app_ctx
    officer = make_officer(ctx)
    with ctx.uow() as uow:  # a wrong password, then the right one
        with pytest.raises(UserError):
            auth.sign_in(uow, username="rina", password="salah-sandi-99")
        uow.commit()
    from mpp_desk.queue import setup as queue_setup

    with ctx.uow(actor=TERMINAL) as uow:
        queue_setup.create_counter(uow, number=1, name="Loket 1", group_codes=["A"])
        uow.commit()
    queue = LocalQueue.from_context(ctx)
    tickets = [queue.issue(group_code="A", now=at(DAY, 8, i)).ticket for i in range(3)]
    queue.call_next(counter_number=1, now=at(DAY, 8, 30))
    with ctx.uow(actor=officer) as uow:
        visit = service.start_visit(uow, annex_number=67, applicant=person(), ticket_id=tickets[0].id,
                                    now=at(DAY, 8, 31))
        done = service.register_complete(uow, visit_id=visit.id, items=all_present(visit), now=at(DAY, 8, 45))
        uow.commit()
    with ctx.uow(actor=officer) as uow:
        receipts.issue_receipt(uow, visit_id=visit.id, data_dir=ctx.data_dir, signer=Signer.for_data_dir(ctx.data_dir),
                               now=at(DAY, 8, 46))
        uow.commit()
    with ctx.uow(actor=officer) as uow:
        other = service.start_visit(uow, annex_number=45, applicant=business(), now=at(DAY, 9, 0))
        service.record_incomplete(uow, visit_id=other.id, items=with_gaps(other), now=at(DAY, 9, 10))
        uow.commit()
    with ctx.uow(actor=officer) as uow:  # a typing mistake the service refuses
        with pytest.raises(UserError):
            service.start_visit(uow, annex_number=67, applicant=person(nik="32140155059000", full_name="Rahmat Hidayat"))
    for status, to in (("in_process", ""), ("finished", ""), ("handed_over", "Rahmat Hidayat")):
        with ctx.uow(actor=officer) as uow:
            service.change_status(uow, application_id=done.application.id, status=status, handed_over_to=to,
                                  now=at(DAY, 14, 0))
            uow.commit()
    backup.take_backup(ctx.data_dir)
    doctor.run_all(ctx.data_dir, with_network=False)
    with ctx.uow(actor=TERMINAL) as uow:
        retention.purge(uow)
        uow.commit()
    with ctx.uow() as uow:
        auth.sign_out(uow, actor=officer)
        uow.commit()

    files = [p for p in file_log.iterdir() if p.is_file()]
    text = "".join(p.read_text(encoding="utf-8", errors="replace") for p in files)
    assert "backup written" in text  # the day was logged
    leaked = [value for value in PERSONAL if value in text]
    assert leaked == []
    assert OFFICER_PASSWORD not in text


def test_the_log_rotates_by_size_and_keeps_a_bounded_number_of_files(tmp_path, monkeypatch):
    monkeypatch.setattr("mpp_desk.app.LOG_MAX_BYTES", 2000)
    (tmp_path / "logs").mkdir()
    handler = RotatingLog(log_path(tmp_path))
    logger = logging.getLogger("mpp_desk.test_rotation")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        for i in range(400):
            logger.warning("line %d of a long day, padded to fill the file quickly ....................", i)
    finally:
        logger.removeHandler(handler)
        handler.close()
    names = sorted(p.name for p in (tmp_path / "logs").iterdir())
    assert names[0] == "mpp-desk.log" and len(names) == LOG_BACKUPS + 1
    assert all((tmp_path / "logs" / n).stat().st_size <= 2200 for n in names)
