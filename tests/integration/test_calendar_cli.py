"""``mpp-desk calendar ...`` as an administrator runs it, on a real data folder."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from mpp_desk.cli import main
from mpp_desk.i18n import set_language


@pytest.fixture(autouse=True)
def indonesian():
    set_language("id")
    yield
    set_language("id")


@pytest.fixture
def run(data_dir, capsys):
    """Run the command in-process on the test's data folder; returns (exit code, stdout, stderr)."""

    def call(*args: str) -> tuple[int, str, str]:
        code = main(["--data-dir", str(data_dir), "calendar", *args])
        out, err = capsys.readouterr()
        return code, out, err

    return call


def test_due_prints_the_date_on_its_last_line(run):
    code, out, err = run("due", "--from", "2026-03-17", "--days", "7")
    assert code == 0, err
    lines = out.strip().splitlines()
    assert lines[-1] == "2026-04-02"
    assert lines[0] == "Jatuh tempo: Kamis, 2 April 2026 (7 hari kerja sejak Selasa, 17 Maret 2026)"


def test_due_with_zero_days_is_the_day_of_receipt(run):
    code, out, _ = run("due", "--from", "2026-03-21", "--days", "0")
    assert code == 0
    assert out.strip().splitlines()[-1] == "2026-03-21"


def test_language_flag_switches_the_human_line(data_dir, capsys):
    code = main(["--lang", "en", "--data-dir", str(data_dir), "calendar", "due", "--from", "2026-03-17", "--days", "7"])
    out = capsys.readouterr().out
    assert code == 0
    assert out.splitlines() == [
        "Due date: Thursday, 2 April 2026 (7 working days after Tuesday, 17 March 2026)",
        "2026-04-02",
    ]


@pytest.mark.parametrize(
    "args, needle",
    [
        (("due", "--from", "17-03-2026", "--days", "7"), "Tanggal tidak sah: 17-03-2026"),
        (("due", "--from", "2026-02-30", "--days", "7"), "Tanggal tidak sah: 2026-02-30"),
        (("due", "--from", "2026-03-17", "--days", "-3"), "tidak boleh negatif"),
        (("due", "--from", "2026-03-17", "--days", "tujuh"), "bilangan bulat"),
        (("due", "--from", "1900-01-02", "--days", "1"), "di luar rentang tahun"),
        (("between", "2026-03-17", "kemarin"), "Tanggal tidak sah: kemarin"),
        (("list", "--year", "26"), "Tahun tidak sah: 26"),
        (("close", "2026-03-25", "--reason", "  "), "Isi alasan"),
        (("close", "2026-03-21", "--reason", "Uji"), "Sabtu atau Minggu"),
        (("open", "2026-03-17", "--reason", "Uji"), "sudah merupakan hari kerja"),
    ],
)
def test_bad_input_gets_a_clear_indonesian_message_and_exit_code_2(run, args, needle):
    code, out, err = run(*args)
    assert code == 2
    assert out == ""
    assert err.startswith("mpp-desk: ") and needle in err, err


def test_between_counts_working_days(run):
    code, out, _ = run("between", "2026-04-02", "2026-04-06")
    assert code == 0
    assert out.strip().splitlines()[-1] == "1"
    code, out, _ = run("between", "2026-04-06", "2026-04-02")
    assert out.strip().splitlines()[-1] == "-1"


def test_list_shows_names_and_kinds(run):
    code, out, _ = run("list", "--year", "2026")
    assert code == 0
    assert "2026-03-19  Kamis, 19 Maret 2026" in out
    assert "Hari Suci Nyepi  [libur nasional]" in out
    assert "Cuti Bersama Hari Raya Natal  [cuti bersama]" in out


def test_list_as_json(run):
    code, out, _ = run("list", "--year", "2026", "--json")
    assert code == 0
    days = json.loads(out)
    by_date = {d["date"]: d for d in days}
    assert by_date["2026-03-18"] == {
        "date": "2026-03-18",
        "weekday": "Rabu",
        "name": "Cuti Bersama Hari Suci Nyepi",
        "kind": "cuti_bersama",
        "kind_label": "cuti bersama",
    }
    assert by_date["2026-04-03"]["kind"] == "national"
    assert [d["date"] for d in days] == sorted(by_date)


def test_close_and_open_change_the_due_date(run):
    code, out, _ = run("close", "2026-03-25", "--reason", "Banjir di Jalan Sudirman")
    assert code == 0
    assert out.strip() == "Kantor ditutup pada Rabu, 25 Maret 2026: Banjir di Jalan Sudirman"
    assert run("due", "--from", "2026-03-17", "--days", "7")[1].strip().splitlines()[-1] == "2026-04-06"

    code, out, _ = run("list", "--year", "2026", "--json")
    assert {"date": "2026-03-25", "weekday": "Rabu", "name": "Banjir di Jalan Sudirman", "kind": "local_closure",
            "kind_label": "penutupan lokal"} in json.loads(out)  # fmt: skip

    code, out, _ = run("open", "2026-03-25", "--reason", "Air sudah surut")
    assert code == 0
    assert out.strip() == "Penutupan lokal dibatalkan: Rabu, 25 Maret 2026 kembali menjadi hari kerja."
    assert run("due", "--from", "2026-03-17", "--days", "7")[1].strip().splitlines()[-1] == "2026-04-02"


def test_opening_a_cuti_bersama_day_and_listing_overrides(run):
    code, out, _ = run("open", "2026-03-24", "--reason", "Pelayanan tetap buka")
    assert code == 0
    assert out.strip() == "Selasa, 24 Maret 2026 sekarang menjadi hari kerja: Pelayanan tetap buka"
    assert run("due", "--from", "2026-03-17", "--days", "7")[1].strip().splitlines()[-1] == "2026-04-01"

    code, out, _ = run("overrides", "--json")
    assert json.loads(out) == [{"date": "2026-03-24", "kind": "open", "reason": "Pelayanan tetap buka"}]
    code, out, _ = run("list", "--year", "2026")
    assert "dibuka secara lokal" in out and "2026-03-24  Selasa, 24 Maret 2026" in out

    code, out, _ = run("close", "2026-03-24", "--reason", "Dibatalkan")
    assert out.strip() == "Pembukaan lokal dibatalkan: Selasa, 24 Maret 2026 kembali menjadi hari libur."
    assert run("overrides")[1].strip() == "Tidak ada perubahan lokal pada kalender."


def test_calendar_without_a_command_shows_help(run):
    code, out, err = run()
    assert code == 2
    assert "due" in err and "list" in err


@pytest.mark.slow  # real processes
def test_the_installed_command_runs_end_to_end(data_dir):
    result = subprocess.run(
        [sys.executable, "-m", "mpp_desk", "calendar", "due", "--from", "2026-03-17", "--days", "7"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "2026-04-02"


def test_a_due_date_in_a_year_not_yet_confirmed_says_it_is_an_estimate_until_confirmed(run):
    code, out, _ = run("due", "--from", "2027-12-20", "--days", "14")
    lines = out.strip().splitlines()
    assert code == 0 and lines[-1] == "2028-01-10"
    assert "Perkiraan: cuti bersama tahun 2028 belum ditetapkan" in out
    code, out, _ = run("due", "--from", "2027-03-01", "--days", "5")
    assert code == 0 and "Perkiraan" not in out  # 2027 is confirmed by default
    code, out, _ = run("confirm", "2028")
    assert code == 0 and "2028" in out
    code, out, _ = run("due", "--from", "2027-12-20", "--days", "14")
    assert code == 0 and "Perkiraan" not in out
    code, out, err = run("confirm", "dua ribu")
    assert code == 2 and "Tahun tidak sah" in (out + err)
