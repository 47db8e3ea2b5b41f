"""Catalogue import speed: parse, import into a fresh database, and re-import unchanged, for 500 entries.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/catalog.py [--entries 500] [--runs 5]

The entries are synthetic but in the annex's own text form (built from seed 67): annex
numbers, KBLI codes, titles, risk levels and requirement counts vary. Prints the median of
the runs in entries per second, and as the last line one JSON object with the figures.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mpp_desk.catalog.parser import parse_text  # noqa: E402
from mpp_desk.catalog.service import import_standards  # noqa: E402
from mpp_desk.database import open_database  # noqa: E402
from mpp_desk.paths import CATALOG_SEED_DIR  # noqa: E402
from mpp_desk.roles import TERMINAL  # noqa: E402
from mpp_desk.uow import UnitOfWork  # noqa: E402

TEMPLATE = (CATALOG_SEED_DIR / "annex-067-kbli-62021.txt").read_text(encoding="utf-8")
HEADING = "67. Sertifikat Standar (Risiko Menengah Tinggi) KBLI 62021 Aktivitas Konsultasi Keamanan Informasi"
REQUIREMENTS_ROW = next(line for line in TEMPLATE.split("\n") if line.startswith("1\tPersyaratan"))
WORDS = (
    "Aktivitas Jasa Industri Perdagangan Besar Eceran Konsultasi Keamanan Informasi Kalibrasi Pengolahan "
    "Pertanian Perikanan Angkutan Darat Penyediaan Akomodasi Makanan Minuman Konstruksi Gedung Pendidikan "
    "Kesehatan Hiburan Olahraga Pergudangan Percetakan Reparasi Kendaraan Bermotor Elektronik"
).split()
PRODUCTS = (("Sertifikat Standar", "Menengah Rendah"), ("Sertifikat Standar", "Menengah Tinggi"), ("Izin", "Tinggi"))
OL = '<ol style="list-style-type: none">'


def synthetic_annex(count: int, seed: int = 2026) -> str:
    """*count* entries in the annex text form, all different, in one text."""
    rng = random.Random(seed)
    kblis = rng.sample(range(10000, 100000), count)
    parts = []
    for i in range(count):
        product, risk = rng.choice(PRODUCTS)
        title = " ".join(rng.sample(WORDS, rng.randint(2, 7)))
        general = [f"{n}. Persyaratan umum nomor {n} untuk {title.lower()};" for n in range(1, rng.randint(2, 12))]
        special = [f"{n}. Memiliki dokumen khusus {n} sesuai Pasal {rng.randint(1, 99)} PP Nomor 5 Tahun 2021." for n in range(1, rng.randint(1, 11))]
        row = f"1\tPersyaratan\t: A. Persyaratan Umum: {OL} {' '.join(general)} B. Persyaratan Khusus: " + (
            f"{OL} {' '.join(special)}" if special else "-"
        )
        text = TEMPLATE.replace(HEADING, f"{i + 1}. {product} (Risiko {risk}) KBLI {kblis[i]} {title}")
        parts.append(text.replace(REQUIREMENTS_ROW, row))
    return "\n".join(parts)


def measure(count: int, runs: int) -> dict:
    text = synthetic_annex(count)
    parse_times, import_times, reimport_times = [], [], []
    requirement_rows = 0
    for _ in range(runs):
        started = time.perf_counter()
        entries = parse_text(text)
        parse_times.append(time.perf_counter() - started)
        assert len(entries) == count
        requirement_rows = sum(len(e.requirements.general) + len(e.requirements.special) for e in entries)
        with tempfile.TemporaryDirectory() as folder:
            db = open_database(Path(folder) / "bench.sqlite3")
            try:
                started = time.perf_counter()
                with UnitOfWork(db, actor=TERMINAL) as uow:
                    results = import_standards(uow, entries=entries)
                    uow.commit()
                import_times.append(time.perf_counter() - started)
                assert {r.status for r in results} == {"created"}
                started = time.perf_counter()
                with UnitOfWork(db, actor=TERMINAL) as uow:
                    results = import_standards(uow, entries=entries)
                    uow.commit()
                reimport_times.append(time.perf_counter() - started)
                assert {r.status for r in results} == {"unchanged"}
            finally:
                db.dispose()
    return {
        "entries": count,
        "requirement_rows": requirement_rows,
        "text_bytes": len(text.encode("utf-8")),
        "runs": runs,
        "parse_entries_per_s": round(count / statistics.median(parse_times)),
        "import_entries_per_s": round(count / statistics.median(import_times)),
        "reimport_unchanged_entries_per_s": round(count / statistics.median(reimport_times)),
        "parse_s_median": round(statistics.median(parse_times), 4),
        "import_s_median": round(statistics.median(import_times), 4),
        "reimport_s_median": round(statistics.median(reimport_times), 4),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=500)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    figures = measure(args.entries, args.runs)
    print(
        f"{figures['entries']} entries ({figures['requirement_rows']} requirement rows, "
        f"{figures['text_bytes'] / 1e6:.1f} MB of annex text), median of {figures['runs']} runs"
    )
    print(f"parse:                {figures['parse_entries_per_s']:>7} entries/s ({figures['parse_s_median']:.3f} s)")
    print(f"import (fresh db):    {figures['import_entries_per_s']:>7} entries/s ({figures['import_s_median']:.3f} s)")
    print(
        f"re-import unchanged:  {figures['reimport_unchanged_entries_per_s']:>7} entries/s "
        f"({figures['reimport_s_median']:.3f} s)"
    )
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
