"""``mpp-desk survey import|ikm`` on a real data folder: all-or-nothing import, the index as JSON."""

from __future__ import annotations

import datetime as dt
import json
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from mpp_desk.cli import main
from mpp_desk.models import OutboxEntry, SurveyResponse

HEADER = "submitted_at,service_kbli,age,sex,education,occupation,u1,u2,u3,u4,u5,u6,u7,u8,u9\n"
GOOD = (HEADER
        + "2026-10-05 09:15,71205,34,L,s1,swasta,4,4,3,4,3,3,4,3,3\n"
        + "2026-10-05 10:20,71205,45,P,sma,wirausaha,3,3,3,4,3,4,4,3,3\n"
        + "2026-11-02 13:05,62021,61,P,sd,lainnya,3,3,2,4,3,3,3,3,2\n"
        + "2026-11-20 08:40,62021,,L,,,4,3,3,4,4,3,4,,3\n"
        + "2026-12-01 11:00,,22,L,d3,pelajar,3,4,3,4,3,3,4,3,3\n")


@pytest.fixture(autouse=True)
def after_the_quarter(office_clock):
    """The rows are of October–December 2026: the clock stands after them, whatever day the suite runs."""
    office_clock.set(dt.datetime(2027, 1, 15, 10, 0, tzinfo=ZoneInfo("Asia/Jakarta")), running=False)


def run(capsys, data_dir, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), "--lang", "id", *args])
    out, err = capsys.readouterr()
    return code, out, err


def count(app_ctx) -> int:
    with app_ctx.uow(write=False) as uow:
        return uow.session.scalar(select(func.count()).select_from(SurveyResponse))


def test_import_then_index(app_ctx, tmp_path, capsys):
    path = tmp_path / "paper.csv"
    path.write_text(GOOD, encoding="utf-8")
    code, out, err = run(capsys, app_ctx.data_dir, "survey", "import", str(path), "--json")
    assert code == 0, err
    assert json.loads(out)["imported"] == 5
    with app_ctx.uow(write=False) as uow:
        pending = uow.session.scalar(select(func.count()).select_from(OutboxEntry)
                                     .where(OutboxEntry.entity == "survey_response"))
        elder = uow.session.scalar(select(SurveyResponse).where(SurveyResponse.age == 61))
    assert pending == 5  # each response goes to the server like every other record
    with app_ctx.uow(write=False) as uow:
        entry = uow.session.scalar(select(OutboxEntry).where(OutboxEntry.entity == "survey_response").limit(1))
    from mpp_desk.sync import entities

    assert entities.ENTITIES["survey_response"].append_only and entities.may_write("kiosk", "survey_response")
    assert entities.check_payload("survey_response", entry.payload) is None
    assert elder.age_group == "gt60" and elder.service_title.startswith("Jasa Kalibrasi") is False
    code, out, _ = run(capsys, app_ctx.data_dir, "survey", "ikm", "--from", "2026-10-01", "--to", "2026-12-31",
                       "--population", "1000", "--json")
    data = json.loads(out)
    # The unit test's hand-computed data set: Σ NRR 29.6, IKM 3.2889, index 82.22, B.
    assert data["respondents"] == 5
    assert data["nrr"]["u8"] == 3.0 and data["nrr"]["u3"] == 2.8
    assert (data["ikm"], data["index"], data["grade"], data["quality"]) == (3.2889, 82.22, "B", "Baik")
    assert (data["minimum_sample"], data["sample_reached"]) == (278, False)
    code, out, _ = run(capsys, app_ctx.data_dir, "survey", "ikm", "--from", "2026-10-01", "--to", "2026-10-31",
                       "--kbli", "71205", "--json")
    data = json.loads(out)
    assert data["respondents"] == 2 and data["nrr"]["u1"] == 3.5
    code, out, _ = run(capsys, app_ctx.data_dir, "survey", "ikm", "--from", "2026-10-01", "--to", "2026-12-31")
    assert "Indeks 82,22" in out or "indeks 82,22" in out
    # the same file again: refused, nothing added
    code, _, err = run(capsys, app_ctx.data_dir, "survey", "import", str(path))
    assert code == 2 and "sudah pernah diimpor" in err
    assert count(app_ctx) == 5


def test_a_bad_file_is_refused_whole_with_line_numbers(app_ctx, tmp_path, capsys):
    bad = (GOOD
           + "2026-13-01 09:00,71205,30,L,s1,swasta,4,4,4,4,4,4,4,4,4\n"   # line 7: no such month
           + "2026-10-06 09:00,71205,30,X,s1,swasta,4,4,4,4,4,4,4,4,4\n"   # line 8: sex X
           + "2026-10-06 09:00,71205,30,L,s1,swasta,4,5,4,4,4,4,4,4,4\n"   # line 9: u2 = 5
           + "2026-10-06 09:00,99999,30,L,s1,swasta,4,4,4,4,4,4,4,4,4\n"   # line 10: unknown KBLI
           + "2026-10-06 09:00,71205,30,L,s1,swasta,,,,,,,,,\n"            # line 11: nothing answered
           + "2026-10-06 09:00,71205,30,L,s1,swasta,4,4\n")                # line 12: too few columns
    path = tmp_path / "bad.csv"
    path.write_text(bad, encoding="utf-8")
    code, out, err = run(capsys, app_ctx.data_dir, "survey", "import", str(path), "--json")
    assert code == 2
    errors = json.loads(out)["errors"]
    assert [e["line"] for e in errors] == [7, 8, 9, 10, 11, 12]
    assert "u2" in errors[2]["reason"] and "99999" in errors[3]["reason"]
    assert "Tidak ada yang diimpor: 6 baris salah." in err and "baris 8:" in err
    assert count(app_ctx) == 0


def test_wrong_header_and_future_time(app_ctx, tmp_path, capsys, office_clock):
    path = tmp_path / "h.csv"
    path.write_text("when,kbli\n2026-10-05 09:15,71205\n", encoding="utf-8")
    code, _, err = run(capsys, app_ctx.data_dir, "survey", "import", str(path))
    assert code == 2 and "baris 1:" in err
    future = office_clock.now().year + 1
    path.write_text(HEADER + f"{future}-01-05 09:15,71205,34,L,s1,swasta,4,4,3,4,3,3,4,3,3\n", encoding="utf-8")
    code, _, err = run(capsys, app_ctx.data_dir, "survey", "import", str(path))
    assert code == 2 and "baris 2:" in err
    assert count(app_ctx) == 0


def test_ikm_refuses_a_reversed_period_and_a_bad_kbli(app_ctx, capsys):
    code, _, err = run(capsys, app_ctx.data_dir, "survey", "ikm", "--from", "2026-12-31", "--to", "2026-10-01")
    assert code == 2 and "2026-10-01" in err
    code, _, err = run(capsys, app_ctx.data_dir, "survey", "ikm", "--from", "2026-10-01", "--to", "2026-12-31",
                       "--kbli", "12")
    assert code == 2 and "KBLI" in err
    code, out, _ = run(capsys, app_ctx.data_dir, "survey", "ikm", "--from", "2026-10-01", "--to", "2026-12-31",
                       "--json")
    data = json.loads(out)
    assert data["respondents"] == 0 and data["ikm"] is None and data["grade"] is None
