"""Complaint desk at scale: the overdue list, a filtered register query and the register PDF, with 20,000 cases.

Cases are bulk-inserted (two years at about 28 a day, the last month at 1,000); as at a real desk,
old cases are closed and the open ones are recent. Each query runs through the service layer
(unit of work, permission check, summaries with working-day figures) on the indexed database and,
in the same run, on a copy without the complaint indexes (the baseline); median and p95 of
REPEATS runs each, and the ratio. The register PDF of the 1,000-case month is timed end to end.
Last line: one JSON object with the figures.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CASES = 20_000
MONTH_CASES = 1_000
REPEATS = 40
TODAY = dt.date(2026, 11, 30)
MONTH = (dt.date(2026, 10, 1), dt.date(2026, 10, 31))
PROBLEMS = ("requirements", "procedure", "completion_time", "fee", "product", "facilities", "competence", "other")
CHANNELS = ("in_person", "letter", "telephone", "sms", "whatsapp", "email", "website", "form", "box")
PATHS = ("internal", "internal", "internal", "agency", "apip")
NAMES = ("Siti", "Budi", "Dewi", "Andi", "Rina", "Agus", "Wati", "Asep", "Euis", "Dadang", "Nining", "Ujang")
WORDS = ("berkas", "verifikasi", "antrian", "petugas", "biaya", "sertifikat", "izin", "loket", "lama", "ramah",
         "persyaratan", "jadwal", "sistem", "aplikasi", "kursi", "parkir", "toilet", "informasi", "dokumen")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def timed(fn, repeats: int = REPEATS) -> list[float]:
    fn()  # warm: the first run loads the calendar's years and SQLite's pages
    out = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def received_days(rng: random.Random) -> list[dt.date]:
    """CASES days: MONTH_CASES in the benchmark month, the rest spread over two years up to today."""
    start = dt.date(2024, 12, 1)
    span = (TODAY - start).days
    days = [MONTH[0] + dt.timedelta(days=rng.randrange(31)) for _ in range(MONTH_CASES)]
    while len(days) < CASES:
        day = start + dt.timedelta(days=rng.randrange(span + 1))
        if not (MONTH[0] <= day <= MONTH[1]):
            days.append(day)
    return days


def populate(ctx) -> int:
    """Bulk insert the cases (no outbox rows: this is a benchmark, not a sync test)."""
    from sqlalchemy import insert, select

    from mpp_desk.models import ComplaintCase, ServiceStandard, StaffUser
    from mpp_desk.models.base import utcnow
    from mpp_desk.officetime import office_tz
    from mpp_desk.workdays import load_calendar

    rng = random.Random(2026)
    with ctx.uow() as uow:
        calendar = load_calendar(uow)
        services = list(uow.session.scalars(select(ServiceStandard.id)))
        officer = uuid.uuid4()
        uow.session.execute(insert(StaffUser), [dict(id=officer, username="bench", full_name="Bench", role="complaints",
                                                     password_hash="x", active=True, created_at=utcnow(),
                                                     updated_at=utcnow(), version=1, device_id=uow.device_id)])
        rows = []
        now = utcnow()
        for index, day in enumerate(received_days(rng)):
            respond_by = calendar.add_working_days(day, 14)
            age = (TODAY - day).days
            closed = age > 45 and rng.random() < 0.985 or age > 10 and rng.random() < 0.6
            answered = closed or (age > 3 and rng.random() < 0.5)
            responded = None
            if answered:
                responded = min(calendar.add_working_days(day, rng.choice((2, 5, 9, 12, 13, 14, 15, 18))), TODAY)
            anonymous = rng.random() < 0.08
            name = f"{rng.choice(NAMES)} {rng.choice(NAMES)}a"
            rows.append(dict(
                id=uuid.uuid4(), case_number=f"ADU/{day.year}/{day.month:02d}/BEN-{index + 1:05d}",
                kind="suggestion" if anonymous or rng.random() < 0.1 else "complaint",
                status="closed" if closed else "open", channel=rng.choice(CHANNELS),
                received_at=dt.datetime.combine(day, dt.time(8 + rng.randrange(7), rng.randrange(60)),
                                                tzinfo=office_tz()).astimezone(dt.timezone.utc),
                received_on=day, anonymous=anonymous, reporter_name="" if anonymous else name,
                reporter_nik="" if anonymous or rng.random() < 0.5 else f"3214{rng.randrange(10**11, 10**12)}",
                reporter_phone="" if anonymous else f"+628{rng.randrange(10**9, 10**10)}", reporter_email="",
                reporter_address="", service_id=rng.choice(services) if rng.random() < 0.8 else None,
                service_other="" if rng.random() < 0.8 else "Perizinan lain", service_received_on=None,
                substance=" ".join(rng.choice(WORDS) for _ in range(rng.randrange(8, 40))), late=False,
                late_decision=None, late_decision_note="", assess_reasons=[], respond_by=respond_by, lapor_id="",
                lapor_direction="", sector="", problem_type=rng.choice(PROBLEMS) if closed or rng.random() < 0.7 else "",
                resolution_path=rng.choice(PATHS) if closed else "", assignee_id=officer if rng.random() < 0.5 else None,
                responded_on=responded, closed_at=now if closed else None, outcome="Selesai" if closed else "",
                receipt_prints=1, step_count=0, created_at=now, updated_at=now, version=1, device_id=uow.device_id,
            ))
        uow.session.execute(insert(ComplaintCase), rows)
        uow.commit()
    return len(rows)


def measure(ctx, label: str) -> dict:
    from mpp_desk.complaints.oversight import overdue_cases, oversight
    from mpp_desk.complaints.register import RegisterFilter, register_rows
    from mpp_desk.roles import TERMINAL

    results = {}

    def overdue():
        with ctx.uow(write=False, actor=TERMINAL) as uow:
            return overdue_cases(uow, today=TODAY)

    def due_view():
        with ctx.uow(write=False, actor=TERMINAL) as uow:
            return oversight(uow, today=TODAY)

    def register():
        with ctx.uow(write=False, actor=TERMINAL) as uow:
            return register_rows(uow, date_from=dt.date(2026, 11, 1), date_to=TODAY, today=TODAY,
                                 filters=RegisterFilter(problem_type="fee"))

    for name, fn in (("overdue_list", overdue), ("oversight", due_view), ("register_query", register)):
        times = timed(fn)
        results[name] = {"median_ms": round(statistics.median(times), 2), "p95_ms": round(percentile(times, 0.95), 2)}
    results["overdue_rows"] = len(overdue())
    results["register_rows"] = len(register().rows)
    print(f"{label}: " + ", ".join(f"{k} median {v['median_ms']} ms p95 {v['p95_ms']} ms"
                                    for k, v in results.items() if isinstance(v, dict)))
    return results


def register_pdf_time(ctx, out: Path) -> tuple[float, int, int]:
    from mpp_desk.complaints.register import export_register
    from mpp_desk.roles import TERMINAL

    times = []
    rows = pages = 0
    for _ in range(3):
        t0 = time.perf_counter()
        with ctx.uow(actor=TERMINAL) as uow:
            written = export_register(uow, date_from=MONTH[0], date_to=MONTH[1], fmt="pdf", out=out, today=TODAY)
            uow.commit()
        times.append(time.perf_counter() - t0)
        rows = len(written.rows)
    data = out.read_bytes()
    pages = data.count(b"/Type /Page\n") or data.count(b"/Type /Page") - data.count(b"/Type /Pages")
    return statistics.median(times), rows, pages


def main() -> None:
    from mpp_desk.context import AppContext

    folder = Path(tempfile.mkdtemp(prefix="mpp-bench-complaints-"))
    try:
        ctx = AppContext(data_dir=folder / "indexed")
        ctx.data_dir.mkdir()
        ctx.open()
        t0 = time.perf_counter()
        count = populate(ctx)
        print(f"{count:,} cases inserted in {time.perf_counter() - t0:.1f} s")
        indexed = measure(ctx, "indexed")
        pdf_s, pdf_rows, pdf_pages = register_pdf_time(ctx, folder / "register.pdf")
        print(f"register PDF of {pdf_rows:,} cases ({pdf_pages} pages): {pdf_s:.2f} s (median of 3)")
        ctx.close()

        # Baseline: the same file without the complaint indexes (the unique case number stays).
        (folder / "plain").mkdir()
        with sqlite3.connect(folder / "indexed" / "mpp-desk.sqlite3") as source, \
                sqlite3.connect(folder / "plain" / "mpp-desk.sqlite3") as target:
            source.backup(target)
            names = [r[0] for r in target.execute(
                "select name from sqlite_master where type='index' and tbl_name='complaint_case' and sql is not null")]
            for name in names:
                target.execute(f'drop index "{name}"')
            target.commit()
        plain_ctx = AppContext(data_dir=folder / "plain")
        plain_ctx.open()
        plain = measure(plain_ctx, "without indexes")
        plain_ctx.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    def ratio(key):
        return round(plain[key]["median_ms"] / indexed[key]["median_ms"], 2)

    print(f"speed-up from the indexes: overdue list {ratio('overdue_list')}x, register query {ratio('register_query')}x")
    goal = all(indexed[k]["p95_ms"] < 50 for k in ("overdue_list", "register_query")) and pdf_s < 3
    print(f"goals (overdue list and register query p95 < 50 ms, register PDF < 3 s): {'met' if goal else 'NOT met'}")
    print(json.dumps({
        "bench": "complaints",
        "cases": count,
        "overdue_rows": indexed["overdue_rows"],
        "register_rows": indexed["register_rows"],
        "overdue_list_median_ms": indexed["overdue_list"]["median_ms"],
        "overdue_list_p95_ms": indexed["overdue_list"]["p95_ms"],
        "oversight_median_ms": indexed["oversight"]["median_ms"],
        "oversight_p95_ms": indexed["oversight"]["p95_ms"],
        "register_query_median_ms": indexed["register_query"]["median_ms"],
        "register_query_p95_ms": indexed["register_query"]["p95_ms"],
        "baseline_overdue_list_median_ms": plain["overdue_list"]["median_ms"],
        "baseline_register_query_median_ms": plain["register_query"]["median_ms"],
        "overdue_speedup": ratio("overdue_list"),
        "register_query_speedup": ratio("register_query"),
        "register_pdf_rows": pdf_rows,
        "register_pdf_pages": pdf_pages,
        "register_pdf_s": round(pdf_s, 3),
        "goals_met": goal,
    }))


if __name__ == "__main__":
    main()
