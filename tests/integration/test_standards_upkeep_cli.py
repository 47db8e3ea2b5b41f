"""``mpp-desk catalog procedure ...`` and ``catalog evaluation ...`` as an administrator runs them."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from mpp_desk.cli import main
from mpp_desk.i18n import set_language

WIB = dt.timezone(dt.timedelta(hours=7))


@pytest.fixture(autouse=True)
def indonesian():
    set_language("id")
    yield
    set_language("id")


@pytest.fixture
def run(data_dir, capsys):
    def call(*args: str) -> tuple[int, str, str]:
        code = main(["--data-dir", str(data_dir), "catalog", *args])
        out, err = capsys.readouterr()
        return code, out, err

    return call


def test_import_show_edit_and_remove_classifications(run, tmp_path):
    path = tmp_path / "lampiran-iv.csv"
    path.write_text("nomor,nama,langkah\n3,Risiko menengah rendah,Permohonan melalui OSS\n3,,Verifikasi\n"
                    "7,Risiko menengah tinggi,Permohonan\n", encoding="utf-8")
    code, out, err = run("procedure", "import", "--dry-run", str(path))
    assert code == 0, err
    assert "3 Risiko menengah rendah: baru" in out and "Uji coba: tidak ada yang disimpan." in out
    assert run("procedure", "list")[1].strip() == "Belum ada klasifikasi Lampiran IV dalam katalog."
    assert run("procedure", "import", str(path))[0] == 0
    code, out, _ = run("procedure", "show", "67")  # the seed's standard names 3, 7, 12 and 16
    assert out.splitlines() == [
        "Klasifikasi 3: Risiko menengah rendah", "  1. Permohonan melalui OSS", "  2. Verifikasi",
        "Klasifikasi 7: Risiko menengah tinggi", "  1. Permohonan",
        "Klasifikasi 12: belum ada dalam katalog.", "Klasifikasi 16: belum ada dalam katalog."]
    code, out, _ = run("procedure", "set", "12", "--name", "Verifikasi lapangan", "--step", "Jadwal", "--step", "Tinjau")
    assert code == 0 and "12 Verifikasi lapangan: baru" in out
    assert run("procedure", "remove", "7")[1].strip() == "Klasifikasi 7 dihapus."
    code, out, _ = run("procedure", "list", "--json")
    assert [item["number"] for item in json.loads(out)] == [3, 12]


def test_a_bad_file_is_refused_with_its_line_and_writes_nothing(run, tmp_path):
    path = tmp_path / "iv.txt"
    path.write_text("Klasifikasi 3: Nama\nlangkah tanpa nomor\n", encoding="utf-8")
    code, out, err = run("procedure", "import", str(path))
    assert code != 0 and "Baris 2: langkah diawali dengan nomornya" in err
    assert run("procedure", "list", "--json")[1].strip() == "[]"


@pytest.mark.clock
def test_evaluation_add_list_and_due(run, office_clock):
    office_clock.set(dt.datetime(2026, 3, 2, 9, 0, tzinfo=WIB))
    code, out, _ = run("evaluation", "due")
    assert code == 0 and "45 KBLI 71205" in out and "perlu dievaluasi (terakhir: belum pernah)" in out
    code, out, err = run("evaluation", "add", "67", "--date", "2026-02-27", "--by", "Tim Evaluasi SOP",
                         "--notes", "Disampaikan kepada semua petugas")
    assert code == 0, err
    assert out.strip() == "Evaluasi layanan 67 pada Jumat, 27 Februari 2026 dicatat."
    code, out, _ = run("evaluation", "list", "--year", "2026")
    assert "27 Februari 2026 · 67 KBLI 62021" in out and "oleh Tim Evaluasi SOP" in out
    assert json.loads(run("evaluation", "due", "--json")[1])[0]["annex_number"] == 45
    assert [d["annex_number"] for d in json.loads(run("evaluation", "due", "--json")[1])] == [45]
    code, _, err = run("evaluation", "add", "45", "--date", "2026-03-03", "--by", "Tim")
    assert code != 0 and "setelah hari ini" in err
    assert len(json.loads(run("evaluation", "list", "--json")[1])) == 1
