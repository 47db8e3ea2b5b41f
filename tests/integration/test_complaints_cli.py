"""``mpp-desk complaints ...`` on a real data folder: overdue, register, figures, channels, block, verify."""

from __future__ import annotations

import csv
import datetime as dt
import json
import subprocess
import sys
from zoneinfo import ZoneInfo

import pytest

from mpp_desk import auth
from mpp_desk.cli import main
from mpp_desk.complaints import service
from mpp_desk.complaints.rules import CaptureDraft
from mpp_desk.roles import TERMINAL, Actor, Role

WIB = ZoneInfo("Asia/Jakarta")


def run(capsys, data_dir, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), "--lang", "id", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def cases(app_ctx):
    """Three complaints received 2, 9 and 10 November 2026 (respond by 20, 27 and 30 November)."""
    with app_ctx.uow(actor=TERMINAL) as uow:
        info = auth.create_user(uow, username="budi", full_name="Budi Pengaduan", role="complaints",
                                password="Pengaduan-Rahasia-2026", must_change_password=False)
        uow.commit()
    budi = Actor(user_id=info.id, username="budi", role=Role.COMPLAINTS)
    made = []
    for day in (2, 9, 10):
        with app_ctx.uow(actor=budi) as uow:
            made.append(service.save_case(uow, draft=CaptureDraft(
                channel="whatsapp", received_at=dt.datetime(2026, 11, day, 9, tzinfo=WIB), reporter_name="Siti Aminah",
                reporter_phone="081234567890", substance=f"Keluhan nomor {day}"), today=dt.date(2026, 11, day)))
            uow.commit()
    return app_ctx, made


def test_overdue_lists_cases_past_their_date_by_working_days(cases, capsys):
    ctx, made = cases
    code, out, _ = run(capsys, ctx.data_dir, "complaints", "overdue", "--today", "2026-11-30", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["count"] == 2
    assert [(c["case_number"], c["overdue_working_days"]) for c in data["cases"]] == [
        (made[0].case_number, 6), (made[1].case_number, 1)]
    code, out, _ = run(capsys, ctx.data_dir, "complaints", "overdue", "--today", "2026-11-30")
    assert "Terlambat 6 hari kerja" in out and "2 kasus lewat tenggat." in out
    code, out, _ = run(capsys, ctx.data_dir, "complaints", "overdue", "--today", "2026-11-16")
    assert "Tidak ada pengaduan yang lewat tenggat" in out


def test_register_writes_each_format_without_personal_data(cases, capsys, tmp_path):
    ctx, made = cases
    for fmt in ("csv", "xlsx", "pdf"):
        out_file = tmp_path / f"register.{fmt}"
        code, out, err = run(capsys, ctx.data_dir, "complaints", "register", "--from", "2026-11-01", "--to",
                             "2026-11-30", "--format", fmt, "--out", str(out_file), "--today", "2026-11-30")
        assert code == 0, err
        assert "3 kasus ditulis" in out and "data pribadi tidak disertakan" in out
        assert out_file.stat().st_size > 0
    rows = list(csv.reader((tmp_path / "register.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert len(rows) == 4 and "Siti" not in str(rows)
    assert rows[1][-2] == "Terlambat 6 hari kerja"
    code, _, err = run(capsys, ctx.data_dir, "complaints", "register", "--from", "2026-12-01", "--to", "2026-11-01",
                       "--format", "csv", "--out", str(tmp_path / "x.csv"))
    assert code == 2 and "Periode berakhir sebelum dimulai" in err


def test_figures_show_the_share_answered_in_time(cases, capsys):
    ctx, made = cases
    code, out, _ = run(capsys, ctx.data_dir, "complaints", "figures", "--from", "2026-11-01", "--to", "2026-11-30",
                       "--today", "2026-11-30", "--json")
    data = json.loads(out)
    assert code == 0 and data["received"] == 3 and data["overdue_unanswered"] == 2 and data["share_within"] == 0.0
    assert data["pending"] == 1


def test_show_prints_the_timeline(cases, capsys):
    ctx, made = cases
    code, out, _ = run(capsys, ctx.data_dir, "complaints", "show", made[0].case_number, "--json")
    data = json.loads(out)
    assert code == 0 and data["steps"][0]["type"] == "received" and data["steps"][0]["by"] == "budi"
    code, _, err = run(capsys, ctx.data_dir, "complaints", "show", "ADU/1999/01/X-0001")
    assert code == 2 and "Tidak ada kasus pengaduan" in err


def test_channels_block_and_verify(cases, capsys):
    ctx, made = cases
    code, out, _ = run(capsys, ctx.data_dir, "complaints", "channels", "--json")
    channels = json.loads(out)
    assert code == 0 and channels[3]["code"] == "telephone" and channels[3]["contact"] == "(0264) 8224794 ext.103"
    code, out, _ = run(capsys, ctx.data_dir, "complaints", "channel", "set", "tiktok", "TikTok", "--contact", "@mpp",
                       "--on-receipt")
    assert code == 0 and "Kanal tiktok disimpan." in out
    code, out, _ = run(capsys, ctx.data_dir, "complaints", "channel", "remove", "box")
    assert code == 0
    code, out, _ = run(capsys, ctx.data_dir, "complaints", "channels", "--json")
    assert {c["code"] for c in json.loads(out)} >= {"tiktok"} and "box" not in {c["code"] for c in json.loads(out)}
    code, out, _ = run(capsys, ctx.data_dir, "complaints", "block", "--set", "pc7")
    assert code == 0 and out.strip() == "PC7"
    from mpp_desk.complaints.receipts import build_receipt

    with ctx.uow(write=False) as uow:
        qr = build_receipt(uow, case_id=made[0].id, data_dir=ctx.data_dir).qr_data
    code, out, _ = run(capsys, ctx.data_dir, "complaints", "verify", qr, "--json")
    assert code == 0 and json.loads(out)["fields"]["n"] == made[0].case_number
    code, out, _ = run(capsys, ctx.data_dir, "complaints", "verify", qr[:-3] + "AAA")
    assert code == 1


@pytest.mark.slow  # real processes
def test_the_installed_command_runs_in_its_own_process(cases):
    ctx, made = cases
    result = subprocess.run([sys.executable, "-m", "mpp_desk", "--data-dir", str(ctx.data_dir), "--lang", "en",
                             "complaints", "overdue", "--today", "2026-11-30"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Overdue 6 working day(s)" in result.stdout and made[0].case_number in result.stdout


def test_show_prints_the_timeline_in_office_time(cases, capsys, pc_in_new_york):
    from mpp_desk.officetime import local

    ctx, made = cases
    code, out, _ = run(capsys, ctx.data_dir, "complaints", "show", made[0].case_number, "--json")
    at = dt.datetime.fromisoformat(json.loads(out)["steps"][0]["at"])
    code, out, err = run(capsys, ctx.data_dir, "complaints", "show", made[0].case_number)
    assert code == 0, err
    received = [line for line in out.splitlines() if line.strip().startswith("1.")]
    assert received and f"{local(at):%Y-%m-%d %H:%M}" in received[0]  # WIB, 12 hours ahead of this PC
    assert f"{at.astimezone():%Y-%m-%d %H:%M}" not in received[0]
