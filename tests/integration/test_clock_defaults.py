"""What "now" and "today" default to: the process clock, in office time, in this process and in the
processes it starts. Marked ``clock``: `make test` runs these again with the clock at awkward
moments (MPP_TEST_NOW), where the expected values are whatever the office date is then."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from mpp_desk import officetime
from mpp_desk.cli import main

pytestmark = pytest.mark.clock


def run(capsys, data_dir, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), "--lang", "id", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_ticket_issued_without_a_time_is_on_the_office_day_or_refused_as_closed(app_ctx):
    from mpp_desk.queue import LocalQueue
    from mpp_desk.queue.errors import QueueClosed
    from mpp_desk.workdays import load_calendar

    today = officetime.today()
    with app_ctx.uow(write=False) as uow:
        working = load_calendar(uow).is_working_day(today)
    try:
        ticket = LocalQueue(app_ctx.open()).issue(group_code="A").ticket
    except QueueClosed:
        return  # a weekend, a holiday or outside opening hours: refused, as it must be there
    assert working, f"a ticket was issued on {today}, a day the office is closed"
    assert ticket.service_date == today
    assert officetime.local_date(ticket.issued_at) == today


def test_cli_defaults_are_the_office_date(app_ctx, capsys):
    today = officetime.today()
    code, out, err = run(capsys, app_ctx.data_dir, "queue", "stats", "--json")
    assert code == 0, err
    assert json.loads(out)["date"] == today.isoformat()
    code, out, err = run(capsys, app_ctx.data_dir, "calendar", "list", "--json")
    assert code == 0, err
    assert {d["date"][:4] for d in json.loads(out)} == {str(today.year)}


@pytest.mark.slow  # real processes
def test_a_started_process_reads_the_same_office_date(app_ctx):
    """The CLI in its own process (as the kiosk and board run): its clock is the test's clock."""
    result = subprocess.run([sys.executable, "-m", "mpp_desk", "--data-dir", str(app_ctx.data_dir), "queue", "stats",
                             "--json"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["date"] == officetime.today().isoformat()


def test_new_records_and_audit_entries_are_stamped_by_the_process_clock(app_ctx, office_clock):
    from sqlalchemy import select

    from mpp_desk import auth
    from mpp_desk.models import AuditEntry, StaffUser
    from mpp_desk.roles import TERMINAL

    office_clock.set(office_clock.now(), running=False)  # wherever the run put it, stopped
    with app_ctx.uow(actor=TERMINAL) as uow:
        auth.create_user(uow, username="jam", full_name="Jam Dinding", role="counter",
                         password="Jam-Dinding-2026", must_change_password=False)
        uow.commit()
    with app_ctx.uow(write=False) as uow:
        user = uow.session.scalar(select(StaffUser).where(StaffUser.username == "jam"))
        entry = uow.session.scalar(select(AuditEntry).where(AuditEntry.action == "user.created"))
        assert user.created_at == user.updated_at == office_clock.now()
        assert entry.at == office_clock.now()
