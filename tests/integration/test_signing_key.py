"""The installation's signing key (issue 11): its id is kept in the database, a lost key is never silently
re-created, a damaged key is one clear message, and no citizen is told "no number" when a number exists."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from mpp_desk import queue as q
from mpp_desk import signing
from mpp_desk.cli import main
from mpp_desk.models import IntakeReceipt, LocalState, Ticket
from mpp_desk.queue import LocalQueue
from mpp_desk.queue.kiosk import take_ticket
from mpp_desk.roles import TERMINAL
from mpp_desk.signing import SigningKeyProblem, key_path
from tests.intake_support import all_present, at, make_officer, person

WIB = ZoneInfo("Asia/Jakarta")
NOW = dt.datetime(2026, 11, 24, 9, 15, tzinfo=WIB)


@pytest.fixture(autouse=True)
def fresh_cache():
    signing._cache.clear()
    yield
    signing._cache.clear()


@pytest.fixture
def ctx(app_ctx):
    with app_ctx.uow(actor=TERMINAL) as uow:
        q.create_group(uow, code="Z", name="Uji", open_time=dt.time(0, 0), close_time=dt.time.max)
        uow.commit()
    return app_ctx


def tickets(ctx) -> int:
    with ctx.uow(write=False) as uow:
        return uow.session.scalar(select(func.count()).select_from(Ticket))


def damage(ctx) -> None:
    key_path(ctx.data_dir).write_bytes(b"-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n")
    signing.forget(ctx.data_dir)


def cli(ctx, capsys, *args) -> tuple[int, str, str]:
    code = main(["--data-dir", str(ctx.data_dir), "--lang", "id", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_key_id_is_recorded_when_the_data_folder_is_opened(ctx):
    with ctx.uow(write=False) as uow:
        stored = uow.session.get(LocalState, signing.KEY_ID_STATE)
    assert stored is not None and stored.value == signing.Signer.for_data_dir(ctx.data_dir).key_id


def test_a_missing_key_is_not_re_created_once_codes_were_signed(ctx):
    queue = LocalQueue.from_context(ctx)
    code = queue.slip(queue.issue(group_code="Z", now=NOW)).qr_data
    key_path(ctx.data_dir).unlink()
    signing.forget(ctx.data_dir)
    with pytest.raises(SigningKeyProblem) as raised:
        with ctx.uow(write=False) as uow:
            signing.installation_signer(uow, ctx.data_dir)
    assert "restore the key file from the backup" in raised.value.text("en")
    assert "memulihkan berkas kunci dari cadangan" in raised.value.text("id")
    with pytest.raises(SigningKeyProblem):  # not by the plain loader either (it reads the database)
        signing.Signer.for_data_dir(ctx.data_dir)
    assert not key_path(ctx.data_dir).exists()  # no new key was made
    with pytest.raises(SigningKeyProblem):
        LocalQueue.from_context(ctx).issue(group_code="Z", now=NOW)
    assert tickets(ctx) == 1
    # restoring the file from the backup brings everything back, old codes included
    assert code


def test_a_swapped_key_is_refused(ctx):
    key_path(ctx.data_dir).unlink()
    signing.forget(ctx.data_dir)
    other = ctx.data_dir.parent / "other"
    signing.Signer.for_data_dir(other)
    key_path(ctx.data_dir).write_bytes(key_path(other).read_bytes())
    with pytest.raises(SigningKeyProblem, match="is not this installation's key"):
        with ctx.uow(write=False) as uow:
            signing.installation_signer(uow, ctx.data_dir)


def test_a_damaged_key_is_a_clear_message_and_no_ticket_is_committed(ctx):
    damage(ctx)
    queue = LocalQueue.from_context(ctx)
    with pytest.raises(SigningKeyProblem) as raised:
        take_ticket(queue, None, group_code="Z", now=NOW)  # the kiosk: "no number was issued" is then true
    assert "is damaged" in raised.value.text("en")
    for _ in range(3):
        with pytest.raises(SigningKeyProblem):
            take_ticket(LocalQueue.from_context(ctx), None, group_code="Z", now=NOW)
    assert tickets(ctx) == 0


def test_a_slip_failing_after_the_commit_still_shows_the_number(ctx, monkeypatch):
    queue = LocalQueue.from_context(ctx)

    def broken_slip(*args, **kwargs):
        raise OSError("disk gone")

    monkeypatch.setattr(queue, "slip", broken_slip)
    ticket = take_ticket(queue, None, group_code="Z", now=NOW)
    assert tickets(ctx) == 1 and ticket.code == "Z001" and not ticket.printed.ok
    assert "Z001" in ticket.message("en") and ticket.slip is None


def test_the_command_line_says_one_clear_line_for_a_damaged_or_missing_key(ctx, capsys):
    queue = LocalQueue.from_context(ctx)
    code_text = queue.slip(queue.issue(group_code="Z", now=NOW)).qr_data
    damage(ctx)
    for args in (("queue", "verify", code_text), ("queue", "public-key"),
                 ("queue", "issue", "Z", "--at", "2026-11-24T09:20:00+07:00")):
        code, out, err = cli(ctx, capsys, *args)
        assert code == 2 and "Traceback" not in err and len(err.strip().splitlines()) == 1, (args, err)
        assert "rusak" in err
    assert tickets(ctx) == 1
    key_path(ctx.data_dir).unlink()
    signing.forget(ctx.data_dir)
    code, out, err = cli(ctx, capsys, "queue", "verify", code_text)
    assert code == 2 and "cadangan" in err and not key_path(ctx.data_dir).exists()


def test_a_damaged_key_in_another_process_is_no_traceback(ctx):
    damage(ctx)
    done = subprocess.run([sys.executable, "-m", "mpp_desk", "--data-dir", str(ctx.data_dir), "--lang", "en",
                           "queue", "public-key"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "Traceback" not in done.stderr and "is damaged" in done.stderr


def test_intake_registration_with_a_damaged_key_is_a_clear_message_and_nothing_is_saved(ctx):
    from mpp_desk.errors import UserError
    from mpp_desk.intake import service
    from mpp_desk.ui.ops import intake as ops

    officer = make_officer(ctx)
    with ctx.uow(actor=officer) as uow:
        visit = service.start_visit(uow, annex_number=67, applicant=person(), now=at("2026-03-17"))
        uow.commit()
    damage(ctx)
    with pytest.raises(UserError) as raised:
        ops.finish(ctx, actor=officer, visit_id=visit.id, items=all_present(visit), complete=True, size="A4")
    assert isinstance(raised.value, SigningKeyProblem)
    with ctx.uow(write=False, actor=officer) as uow:
        assert uow.session.scalar(select(func.count()).select_from(IntakeReceipt)) == 0
        assert service.get_visit(uow, visit_id=visit.id).outcome is None
