"""Intake speed: receipt rendering, and the file search with 100,000 applications in the database.

1. Rendering: the Tanda Terima (12 requirements, the complaint channels, the signed QR code) as PDF
   at A4 and on 80 mm roll paper, and the return slip; every run signs a new token, so every QR
   code is computed afresh. Goal: p95 under 50 ms.
2. Search: a fresh SQLite file (WAL, synchronous=FULL, migrated like the app, the shipped
   catalogue) gets 100,000 registered applications (plus their visits) by bulk insert. Then, through
   the real service (:func:`mpp_desk.intake.service.search`, as the counter's screen calls it, with
   personal data visible), searches by registration number, by NIK and by name prefix (3 to 5
   letters of a real name, at most 200 rows back). Goal: p95 under 20 ms.
   Baseline in the same run, on the same file: the same questions as the straightforward
   ``LIKE '%x%'`` scans (which no index can serve), and the ratio between the two.

The last line of output is one JSON object with the figures.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WIB = ZoneInfo("Asia/Jakarta")
APPLICATIONS = int(os.environ.get("BENCH_INTAKE_APPLICATIONS", "100000"))
QUERIES = int(os.environ.get("BENCH_INTAKE_QUERIES", "300"))
BASELINE_QUERIES = int(os.environ.get("BENCH_INTAKE_BASELINE_QUERIES", "40"))
RENDER_RUNS = int(os.environ.get("BENCH_RENDER_RUNS", "60"))
FIRST = ("Siti", "Ahmad", "Dedi", "Asep", "Ujang", "Neng", "Euis", "Rina", "Budi", "Agus", "Yusuf", "Dewi", "Tati",
         "Iwan", "Cecep", "Ratna", "Nining", "Hendra", "Wawan", "Lilis", "Ade", "Eko", "Fitri", "Hadi", "Indah",
         "Joko", "Kurnia", "Lukman", "Maya", "Nana", "Oman", "Putri", "Rudi", "Sri", "Teguh", "Ujang", "Vina",
         "Wulan", "Yanti", "Zaenal", "Ñoño", "Şükrü", "Élodie")
LAST = ("Aminah", "Suryana", "Hidayat", "Saputra", "Rahmawati", "Kurniawan", "Setiawan", "Permana", "Nugraha",
        "Sudrajat", "Hermawan", "Gunawan", "Wijaya", "Pratama", "Lestari", "Maulana", "Firmansyah", "Purnama")


def figures(seconds: list[float]) -> dict:
    ordered = sorted(seconds)
    p95 = ordered[max(0, -(-95 * len(ordered) // 100) - 1)]
    return {"n": len(ordered), "median_ms": round(statistics.median(ordered) * 1000, 3),
            "p95_ms": round(p95 * 1000, 3)}


def timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


# --- rendering ----------------------------------------------------------------------------------


def bench_rendering() -> dict:
    from mpp_desk.catalog.files import load_files
    from mpp_desk.intake.receipts import ReceiptItem, ReceiptView, render_receipt_pdf, signed_fields
    from mpp_desk.complaints.channels import channels_from_standard
    from mpp_desk.intake.rules import is_condition
    from mpp_desk.printing.letterhead import Letterhead
    from mpp_desk.paths import CATALOG_SEED_DIR
    from mpp_desk.signing import Signer, verification_url

    entry = next(e for e in load_files(sorted(CATALOG_SEED_DIR.glob("*.txt"))) if e.annex_number == 67)
    requirements = entry.requirements.general + entry.requirements.special
    groups = ["general"] * len(entry.requirements.general) + ["special"] * len(entry.requirements.special)
    signer = Signer.generate()
    channels = tuple((c.name, c.contact) for c in channels_from_standard(entry.complaint_handling) if c.on_receipt)
    head = Letterhead(office_name="Mal Pelayanan Publik Bale Madukara",
                      address="Jalan Jenderal Sudirman, Kelurahan Nagrikaler, Kecamatan Purwakarta, Kabupaten "
                              "Purwakarta, Jawa Barat 41115")

    def view(kind: str, copy: int) -> ReceiptView:
        receipt_id = uuid.uuid4()
        due = dt.date(2026, 4, 2) if kind == "tanda_terima" else None
        token = signer.sign_reference("tt" if kind == "tanda_terima" else "rs", receipt_id, signed_fields(
            kind, registration_number="MPP/2026/03/010123", nik="3214015505900001", kbli="62021",
            received=dt.date(2026, 3, 17), due=due, copy_number=copy))
        states = ["present_valid"] * len(requirements)
        if kind == "return_slip":
            states[0], states[3] = "missing", "invalid"
        return ReceiptView(
            kind=kind, receipt_id=receipt_id, copy_number=copy, letterhead=head,
            registration_number="MPP/2026/03/010123" if kind == "tanda_terima" else None, visit_ref="K-3F2A9C1B",
            service_title=entry.title, product_type=entry.product_type, kbli=entry.kbli, risk_level=entry.risk_level,
            output=entry.output, fee=entry.fee, completion_working_days=7, applicant_kind="person",
            applicant_name="Siti Aminah", nik_masked="3214********0001", business_name="", nib="",
            items=tuple(ReceiptItem(i, t, s, "", g, is_condition(t))
                        for i, (t, s, g) in enumerate(zip(requirements, states, groups), start=1)),
            received_at=dt.datetime(2026, 3, 17, 10, 15, tzinfo=WIB), due_date=due, officer_name="Rina Petugas",
            counter_number=1, complaint_channels=channels, qr_data=verification_url("https://mpp.purwakartakab.go.id/v/",
                                                                                  token),
            issued_at=dt.datetime(2026, 3, 17, 10, 16, tzinfo=WIB))

    render_receipt_pdf(view("tanda_terima", 1), "A4")  # fonts registered, modules imported
    out = {}
    for kind, size in (("tanda_terima", "A4"), ("tanda_terima", "80mm"), ("return_slip", "A4"),
                       ("return_slip", "80mm")):
        runs = []
        for i in range(RENDER_RUNS):
            v = view(kind, 1 + i % 2)  # a fresh token each time: no cached QR code
            runs.append(timed(lambda v=v: render_receipt_pdf(v, size)))
        out[f"{kind}_{size}"] = figures(runs)
    return out


# --- search -------------------------------------------------------------------------------------


def build(folder: Path):
    """A migrated, seeded database with APPLICATIONS registered files (bulk inserts, no outbox rows)."""
    from sqlalchemy import insert, select

    from mpp_desk.context import AppContext
    from mpp_desk.intake.numbers import format_number
    from mpp_desk.intake.rules import name_key
    from mpp_desk.models import Application, IntakeVisit, ServiceStandard

    ctx = AppContext(data_dir=folder)
    ctx.open()
    rng = random.Random(2026)
    with ctx.uow() as uow:
        services = uow.session.execute(select(ServiceStandard.id, ServiceStandard.annex_number,
                                              ServiceStandard.kbli, ServiceStandard.title)).all()
    start = dt.datetime(2024, 1, 2, 8, 0, tzinfo=dt.timezone.utc)
    sequences: dict[tuple[int, int, int], int] = {}
    samples = {"numbers": [], "niks": [], "names": []}
    batch_visits, batch_apps = [], []
    t0 = time.perf_counter()

    def flush():
        with ctx.uow() as uow:
            uow.session.execute(insert(IntakeVisit), batch_visits)
            uow.session.execute(insert(Application), batch_apps)
            uow.commit()
        batch_visits.clear()
        batch_apps.clear()

    for i in range(APPLICATIONS):
        moment = start + dt.timedelta(minutes=13 * i + rng.randrange(10))
        local = moment.astimezone(WIB)
        block = 1 + rng.randrange(12)
        key = (local.year, local.month, block)
        sequences[key] = sequences.get(key, 0) + 1
        number = format_number(local.year, local.month, block, sequences[key])
        service = services[i % len(services)]
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        nik = f"3214{rng.randrange(10**11, 10**12)}"
        visit_id, app_id = uuid.uuid4(), uuid.uuid4()
        batch_visits.append(dict(
            id=visit_id, created_at=moment, updated_at=moment, version=1, device_id="bench",
            service_id=service[0], service_annex_number=service[1], service_title=service[3], service_kbli=service[2],
            product_type="Izin", risk_level="Tinggi", completion_working_days=7, fee="Gratis", output="",
            officer_username="rina", officer_name="Rina Petugas", counter_number=block, started_at=moment,
            finished_at=moment, outcome="complete", applicant_kind="person", nik=nik, full_name=name,
            name_key=name_key(name), phone="+6281234567890", address="Purwakarta", business_name="",
            business_name_key="", nib="", npwp="", business_kbli=""))
        batch_apps.append(dict(
            id=app_id, created_at=moment, updated_at=moment, version=1, device_id="bench", visit_id=visit_id,
            registration_number=number, reg_year=local.year, reg_month=local.month, reg_block=block,
            reg_sequence=sequences[key], received_at=moment, received_date=local.date(),
            due_date=local.date() + dt.timedelta(days=9), status="received" if rng.random() < 0.3 else "handed_over"))
        if rng.random() < 0.01:
            samples["numbers"].append(number)
            samples["niks"].append(nik)
            samples["names"].append(name)
        if len(batch_visits) == 5000:
            flush()
    if batch_visits:
        flush()
    build_s = time.perf_counter() - t0
    with ctx.uow() as uow:
        uow.session.connection().exec_driver_sql("ANALYZE")
        uow.commit()
    return ctx, samples, build_s


def bench_search(ctx, samples: dict, actor) -> dict:
    from mpp_desk.intake import service

    rng = random.Random(7)
    numbers = [rng.choice(samples["numbers"]) for _ in range(QUERIES)]
    niks = [rng.choice(samples["niks"]) for _ in range(QUERIES)]
    prefixes, full_prefixes = [], []
    for _ in range(QUERIES):
        name = rng.choice(samples["names"])
        prefixes.append(name[: rng.randrange(3, 6)].lower())  # the start of a first name: many matches
        first, last = name.split(" ", 1)
        full_prefixes.append(f"{first} {last[: rng.randrange(2, 5)]}".lower())  # "siti am": what officers type
    today = dt.date(2026, 6, 1)

    def run(kind: str, values: list[str]) -> tuple[dict, int]:
        runs, found = [], 0
        for value in values:
            with ctx.uow(write=False, actor=actor) as uow:
                t0 = time.perf_counter()
                rows = service.search(uow, today=today, **{kind: value})
                runs.append(time.perf_counter() - t0)
            found += len(rows)
        return figures(runs), found

    run("registration_number", numbers[:20])  # warm the page cache
    out = {}
    for label, kind, values in (("registration_number", "registration_number", numbers), ("nik", "nik", niks),
                                ("name_prefix", "name", prefixes), ("full_name_prefix", "name", full_prefixes)):
        fig, found = run(kind, values)
        fig["rows_per_query"] = round(found / len(values), 1)
        out[label] = fig
    return out


def bench_baseline(ctx, samples: dict) -> dict:
    """The same questions as LIKE '%x%' scans over the same tables (what an unindexed search does)."""
    rng = random.Random(7)
    sql = {
        "registration_number": "SELECT v.id FROM intake_visit v JOIN intake_application a ON a.visit_id = v.id "
                               "WHERE a.registration_number LIKE ? ORDER BY v.finished_at DESC LIMIT 200",
        "nik": "SELECT v.id FROM intake_visit v JOIN intake_application a ON a.visit_id = v.id "
               "WHERE v.nik LIKE ? ORDER BY v.finished_at DESC LIMIT 200",
        "name_prefix": "SELECT v.id FROM intake_visit v JOIN intake_application a ON a.visit_id = v.id "
                       "WHERE lower(v.full_name) LIKE ? ORDER BY v.finished_at DESC LIMIT 200",
    }
    sql["full_name_prefix"] = sql["name_prefix"]
    values = {
        "registration_number": [f"%{rng.choice(samples['numbers'])}%" for _ in range(BASELINE_QUERIES)],
        "nik": [f"%{rng.choice(samples['niks'])}%" for _ in range(BASELINE_QUERIES)],
        "name_prefix": [f"%{rng.choice(samples['names'])[:4].lower()}%" for _ in range(BASELINE_QUERIES)],
        "full_name_prefix": [f"%{n.split()[0].lower()} {n.split()[1][:3].lower()}%"
                             for n in (rng.choice(samples["names"]) for _ in range(BASELINE_QUERIES))],
    }
    out = {}
    with ctx.uow(write=False) as uow:
        conn = uow.session.connection()
        for label, statement in sql.items():
            runs = [timed(lambda v=v: conn.exec_driver_sql(statement, (v,)).all()) for v in values[label]]
            out[label] = figures(runs)
    return out


def main() -> None:
    started = time.perf_counter()
    render = bench_rendering()
    for name, fig in render.items():
        print(f"render {name:<22} median {fig['median_ms']:.2f} ms  p95 {fig['p95_ms']:.2f} ms  (n={fig['n']})")
    with tempfile.TemporaryDirectory() as tmp:
        from mpp_desk import auth
        from mpp_desk.roles import TERMINAL

        ctx, samples, build_s = build(Path(tmp))
        print(f"built {APPLICATIONS:,} applications in {build_s:.1f} s "
              f"({(Path(tmp) / 'mpp-desk.sqlite3').stat().st_size / 1e6:.0f} MB)")
        with ctx.uow(actor=TERMINAL) as uow:
            auth.create_user(uow, username="rina", full_name="Rina Petugas", role="counter",
                             password="Bench-Loket-2026", must_change_password=False)
            uow.commit()
        with ctx.uow() as uow:
            actor = auth.sign_in(uow, username="rina", password="Bench-Loket-2026")
            uow.commit()
        search = bench_search(ctx, samples, actor)
        baseline = bench_baseline(ctx, samples)
        ctx.close()
    ratios = {k: round(baseline[k]["median_ms"] / max(search[k]["median_ms"], 1e-6), 1) for k in search}
    for name, fig in search.items():
        base = baseline[name]
        print(f"search {name:<20} median {fig['median_ms']:.2f} ms  p95 {fig['p95_ms']:.2f} ms  "
              f"({fig['rows_per_query']} rows)  |  LIKE '%x%' scan median {base['median_ms']:.1f} ms  "
              f"p95 {base['p95_ms']:.1f} ms  -> {ratios[name]}x faster")
    goals = {
        "render_p95_under_50ms": all(f["p95_ms"] < 50 for f in render.values()),
        "search_p95_under_20ms_at_100000": all(f["p95_ms"] < 20 for f in search.values()),
    }
    result = {
        "bench": "intake",
        "applications": APPLICATIONS,
        "render": render,
        "search": search,
        "baseline_like_scan": baseline,
        "speedup_median": ratios,
        "build_s": round(build_s, 1),
        "goals": goals,
        "machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0],
                    "load_average_1min": round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None},
        "runtime_s": round(time.perf_counter() - started, 1),
    }
    print(f"goals: {goals}  (runtime {result['runtime_s']} s)")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
