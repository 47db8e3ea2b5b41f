"""``mpp-desk catalog import|list|export`` as an administrator runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from mpp_desk.cli import main
from mpp_desk.i18n import set_language
from mpp_desk.paths import CATALOG_SEED_DIR, PROJECT_ROOT, database_path

SEED_FILES = [str(path) for path in sorted(CATALOG_SEED_DIR.glob("*.txt"))]
DOCUMENTED_KEYS = {
    "annex_number": int,
    "product_type": str,
    "risk_level": str,
    "kbli": str,
    "title": str,
    "requirements": dict,
    "procedure_classifications": list,
    "completion_working_days": int,
    "fee": str,
    "output": str,
    "legal_basis": list,
    "staff_count": int,
}


@pytest.fixture(autouse=True)
def indonesian():
    """--lang changes a process-wide setting: put it back after each test."""
    set_language("id")
    yield
    set_language("id")


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["catalog", *args])
    out, err = capsys.readouterr()
    return code, out, err


def outbox_count(data_dir: Path) -> int:
    from mpp_desk.database import open_database
    from mpp_desk.models import OutboxEntry

    db = open_database(database_path(data_dir))
    try:
        with db.sessions() as session:
            return session.scalar(select(func.count()).select_from(OutboxEntry))
    finally:
        db.dispose()


def annex_text(number: int) -> str:
    return next(Path(p) for p in SEED_FILES if f"-{number:03d}-" in p).read_text(encoding="utf-8")


def test_import_json_prints_one_object_per_service(capsys, data_dir):
    code, out, err = run(capsys, "import", "--json", *SEED_FILES)
    assert code == 0
    services = json.loads(out)
    assert [s["annex_number"] for s in services] == [45, 67]
    for service in services:
        for key, kind in DOCUMENTED_KEYS.items():
            assert isinstance(service[key], kind), key
    s45, s67 = services
    assert (s67["risk_level"], s67["kbli"], s67["title"]) == ("Menengah Tinggi", "62021", "Aktivitas Konsultasi Keamanan Informasi")
    assert (s45["product_type"], s45["risk_level"]) == ("Izin", "Tinggi")
    assert s45["requirements"]["special"] == [] and len(s67["requirements"]["special"]) == 7
    assert s67["procedure_classifications"] == [3, 7, 12, 16]
    assert (s67["completion_working_days"], s67["fee"], s67["staff_count"]) == (7, "Gratis", 30)
    assert len(s67["legal_basis"]) == 6 and len(s67["facilities"]) == 50
    # The summary goes to stderr so stdout stays valid JSON; the seeded catalogue already holds both.
    assert "67 KBLI 62021 Aktivitas Konsultasi Keamanan Informasi: tidak berubah" in err
    assert "2 layanan: 0 baru, 0 diperbarui, 2 tidak berubah." in err


def test_import_prints_an_indonesian_summary(capsys, data_dir, tmp_path):
    new = tmp_path / "annex-068.txt"
    new.write_text(annex_text(67).replace("67. Sertifikat", "68. Sertifikat").replace("KBLI 62021", "KBLI 62022"))
    changed = tmp_path / "annex-045.txt"
    changed.write_text(annex_text(45).replace(": Gratis", ": Rp 100.000"))
    code, out, err = run(capsys, "import", str(new), str(changed), SEED_FILES[1])
    assert code == 0 and err == ""
    assert out.splitlines() == [
        "68 KBLI 62022 Aktivitas Konsultasi Keamanan Informasi: baru",
        "45 KBLI 71205 Jasa Kalibrasi/Metrologi: diperbarui (berubah: fee)",
        "67 KBLI 62021 Aktivitas Konsultasi Keamanan Informasi: tidak berubah",
        "3 layanan: 1 baru, 1 diperbarui, 1 tidak berubah.",
    ]
    code, out, _ = run(capsys, "list", "--json")
    assert [(s["annex_number"], s["fee"]) for s in json.loads(out)] == [(45, "Rp 100.000"), (67, "Gratis"), (68, "Gratis")]


def test_dry_run_writes_nothing(capsys, data_dir, tmp_path):
    run(capsys, "list")  # first open seeds the catalogue
    before = outbox_count(data_dir)
    changed = tmp_path / "annex-045.txt"
    changed.write_text(annex_text(45).replace(": Gratis", ": Rp 100.000"))
    code, out, _ = run(capsys, "import", "--dry-run", str(changed))
    assert code == 0
    assert "45 KBLI 71205 Jasa Kalibrasi/Metrologi: diperbarui (berubah: fee)" in out
    assert out.rstrip().endswith("Uji coba: tidak ada yang disimpan.")
    assert outbox_count(data_dir) == before
    _, out, _ = run(capsys, "list", "--json")
    assert json.loads(out)[0]["fee"] == "Gratis"


def test_a_malformed_file_fails_with_its_line_and_nothing_is_imported(capsys, data_dir, tmp_path):
    run(capsys, "list")
    before = outbox_count(data_dir)
    good = tmp_path / "good.txt"
    good.write_text(annex_text(67).replace("67. Sertifikat", "70. Sertifikat"))
    bad = tmp_path / "bad.txt"
    bad.write_text(annex_text(45).replace("11\tJumlah Pelaksana\t: 30 Orang", "11\tJumlah Pelaksana\t: banyak"))
    line = bad.read_text().split("\n").index("11\tJumlah Pelaksana\t: banyak") + 1
    code, out, err = run(capsys, "import", str(good), str(bad))
    assert code == 2 and out == ""
    assert err == (
        f"mpp-desk: {bad}: Baris {line}: jumlah pelaksana harus berupa angka, misalnya “30 Orang”, bukan “banyak”.\n"
    )
    assert outbox_count(data_dir) == before
    _, out, _ = run(capsys, "list", "--json")
    assert [s["annex_number"] for s in json.loads(out)] == [45, 67]  # 70 from the good file was not written


def test_list_human_and_search(capsys, data_dir):
    code, out, _ = run(capsys, "list")
    assert code == 0
    assert out.splitlines() == [
        "45 KBLI 71205 Jasa Kalibrasi/Metrologi (Izin, risiko Tinggi, antrian A)",
        "67 KBLI 62021 Aktivitas Konsultasi Keamanan Informasi (Sertifikat Standar, risiko Menengah Tinggi, antrian A)",
    ]
    _, out, _ = run(capsys, "list", "--search", "kalibrasi", "--json")
    assert [s["kbli"] for s in json.loads(out)] == ["71205"]
    _, out, _ = run(capsys, "list", "--search", "tidak-ada")
    assert out == "Tidak ada layanan dalam katalog yang cocok.\n"


@pytest.mark.parametrize("name", ["catalog.yaml", "catalog.yml", "catalog.json"])
def test_export_and_import_back_is_unchanged(capsys, data_dir, tmp_path, name):
    target = tmp_path / name
    code, out, _ = run(capsys, "export", str(target))
    assert code == 0 and out == f"2 layanan diekspor ke {target}.\n"
    content = target.read_text(encoding="utf-8")
    assert ("annex_number: 67" in content) if name != "catalog.json" else (json.loads(content)[1]["annex_number"] == 67)
    before = outbox_count(data_dir)
    code, out, _ = run(capsys, "import", str(target))
    assert code == 0
    assert out.splitlines()[-1] == "2 layanan: 0 baru, 0 diperbarui, 2 tidak berubah."
    assert outbox_count(data_dir) == before
    run(capsys, "export", str(target))
    assert target.read_text(encoding="utf-8") == content


def test_a_hand_corrected_export_is_imported(capsys, data_dir, tmp_path):
    target = tmp_path / "catalog.yaml"
    run(capsys, "export", str(target))
    target.write_text(target.read_text(encoding="utf-8").replace("- Tempat parkir\n", "- Tempat parkir luas\n", 1))
    code, out, _ = run(capsys, "import", str(target))
    assert code == 0
    assert "45 KBLI 71205 Jasa Kalibrasi/Metrologi: diperbarui (berubah: facilities)" in out


def test_an_invalid_export_is_refused_with_a_clear_message(capsys, data_dir, tmp_path):
    target = tmp_path / "catalog.json"
    run(capsys, "export", str(target))
    data = json.loads(target.read_text(encoding="utf-8"))
    data[1]["kbli"] = "6202"
    target.write_text(json.dumps(data), encoding="utf-8")
    code, _, err = run(capsys, "import", str(target))
    assert code == 2
    assert err == (
        f"mpp-desk: {target}: Entri 2: kode KBLI “6202” harus berupa teks tepat 5 angka di antara tanda kutip, "
        'misalnya "62021".\n'
    )


def test_export_to_an_unknown_format_is_refused(capsys, data_dir, tmp_path):
    code, _, err = run(capsys, "export", str(tmp_path / "catalog.csv"))
    assert code == 2 and "gunakan nama berkas .yaml, .yml, atau .json" in err
    assert not (tmp_path / "catalog.csv").exists()


def test_english_messages(capsys, data_dir):
    code = main(["--lang", "en", "catalog", "import", SEED_FILES[0]])
    out, _ = capsys.readouterr()
    assert code == 0
    assert out.splitlines() == [
        "45 KBLI 71205 Jasa Kalibrasi/Metrologi: unchanged",
        "1 service(s): 0 new, 0 updated, 1 unchanged.",
    ]


def test_catalog_needs_a_subcommand(capsys, data_dir):
    with pytest.raises(SystemExit) as caught:
        main(["catalog"])
    assert caught.value.code == 2
    assert "PERINTAH" in capsys.readouterr().err


@pytest.mark.slow  # real processes
def test_the_installed_command_prints_json(tmp_path):
    exe = Path(sys.executable).parent / "mpp-desk"
    assert exe.exists(), exe
    result = subprocess.run(
        [str(exe), "--data-dir", str(tmp_path / "data"), "catalog", "import", "--json", *SEED_FILES],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    services = json.loads(result.stdout)
    assert {s["annex_number"]: s["kbli"] for s in services} == {45: "71205", 67: "62021"}
    assert all(set(DOCUMENTED_KEYS) <= set(s) for s in services)
    assert "2 layanan" in result.stderr
    assert (tmp_path / "data" / "mpp-desk.sqlite3").exists()
