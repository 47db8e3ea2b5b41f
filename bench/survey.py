"""The satisfaction survey at scale: the IKM of a quarter with 100,000 responses, and the quarterly reports.

200,000 responses are bulk-inserted (100,000 in the fourth quarter of 2026, as many in the three before);
the quarter's index runs through the service layer (unit of work, permission check, one aggregate query,
exact fractions) on the indexed database and, in the same run, on a copy without the survey index (the
baseline); median and p95 of REPEATS runs each, and the ratio. The quarterly SKM PDF (charts, profile,
the suggestions) and XLSX (with the 100,000-row tabulation sheet) are timed end to end.
Goals (issue 16): IKM under 200 ms, the PDF under 3 s. Last line: one JSON object with the figures.
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

QUARTER = (dt.date(2026, 10, 1), dt.date(2026, 12, 31))
IN_QUARTER = 100_000
BEFORE = 100_000
REPEATS = 15
SUGGESTIONS = ("Ruang tunggu lebih sejuk", "Petugas ramah", "Antrian cepat", "Parkir kurang luas", "")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def timed(fn, repeats: int = REPEATS) -> list[float]:
    fn()
    out = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def populate(ctx) -> None:
    """Bulk insert (no outbox rows: a benchmark, not a sync test)."""
    from sqlalchemy import insert, select

    from mpp_desk.models import ServiceStandard, SurveyResponse
    from mpp_desk.models.base import utcnow
    from mpp_desk.officetime import office_datetime
    from mpp_desk.survey import elements

    rng = random.Random(16)
    with ctx.uow() as uow:
        services = list(uow.session.execute(select(ServiceStandard.id, ServiceStandard.kbli, ServiceStandard.title)))
        now = utcnow()
        rows = []
        for index in range(IN_QUARTER + BEFORE):
            start = QUARTER[0] if index < IN_QUARTER else dt.date(2026, 1, 1)
            span = 92 if index < IN_QUARTER else 273
            day = start + dt.timedelta(days=rng.randrange(span))
            moment = office_datetime(day, dt.time(8 + rng.randrange(7), rng.randrange(60)))
            service = rng.choice(services) if rng.random() < 0.85 else (None, "", "")
            scores = {c: (None if rng.random() < 0.02 else rng.choice((2, 3, 3, 3, 4, 4))) for c in elements.CODES}
            rows.append(dict(
                id=uuid.uuid4(), submitted_at=moment, submitted_on=day, source="screen", service_id=service[0],
                service_kbli=service[1], service_title=service[2], age=None,
                age_group=rng.choice(list(elements.AGE_GROUPS)), sex=rng.choice("LP"),
                education=rng.choice(list(elements.EDUCATION)), occupation=rng.choice(list(elements.OCCUPATIONS)),
                suggestion=rng.choice(SUGGESTIONS) if rng.random() < 0.01 else "", created_at=now, updated_at=now,
                version=1, device_id=uow.device_id, **scores))
            if len(rows) == 20_000:
                uow.session.execute(insert(SurveyResponse), rows)
                rows = []
        if rows:
            uow.session.execute(insert(SurveyResponse), rows)
        uow.commit()


def measure(ctx, label: str) -> dict:
    from mpp_desk.roles import TERMINAL
    from mpp_desk.survey.service import period_index

    def ikm():
        with ctx.uow(write=False, actor=TERMINAL) as uow:
            return period_index(uow, date_from=QUARTER[0], date_to=QUARTER[1])

    result = ikm()
    times = timed(ikm)
    figures = {"median_ms": round(statistics.median(times), 1), "p95_ms": round(percentile(times, 0.95), 1),
               "respondents": result.respondents, "index": float(result.index) if result.index else None}
    print(f"{label}: IKM of the quarter median {figures['median_ms']} ms, p95 {figures['p95_ms']} ms "
          f"({result.respondents} respondents, index {figures['index']}, grade {result.grade})")
    return figures


def reports(ctx) -> dict:
    from mpp_desk.roles import TERMINAL
    from mpp_desk.survey import report

    t0 = time.perf_counter()
    with ctx.uow(write=False, actor=TERMINAL) as uow:
        data = report.collect(uow, date_from=QUARTER[0], date_to=QUARTER[1], with_rows=False)
    pdf = report.render_pdf(data)
    pdf_ms = (time.perf_counter() - t0) * 1000
    t0 = time.perf_counter()
    with ctx.uow(write=False, actor=TERMINAL) as uow:
        data = report.collect(uow, date_from=QUARTER[0], date_to=QUARTER[1], with_rows=True)
    xlsx = report.render_xlsx(data)
    xlsx_ms = (time.perf_counter() - t0) * 1000
    print(f"quarterly SKM PDF {pdf_ms:.0f} ms ({len(pdf) // 1024} KiB); XLSX with the tabulation "
          f"{xlsx_ms:.0f} ms ({len(xlsx) // 1024} KiB)")
    return {"pdf_ms": round(pdf_ms), "pdf_kib": len(pdf) // 1024, "xlsx_ms": round(xlsx_ms),
            "xlsx_kib": len(xlsx) // 1024}


def main() -> int:
    from mpp_desk.context import AppContext

    with tempfile.TemporaryDirectory(prefix="bench-survey-") as tmp:
        folder = Path(tmp) / "indexed"
        ctx = AppContext.from_args(str(folder))
        ctx.open()
        t0 = time.perf_counter()
        populate(ctx)
        print(f"inserted {IN_QUARTER + BEFORE} responses in {time.perf_counter() - t0:.1f} s")
        indexed = measure(ctx, "indexed")
        docs = reports(ctx)
        database = ctx.db.path
        ctx.close()
        bare_folder = Path(tmp) / "bare"
        shutil.copytree(folder, bare_folder)
        bare_db = bare_folder / database.name
        with sqlite3.connect(bare_db) as conn:
            conn.execute("DROP INDEX ix_survey_response_period")
        bare_ctx = AppContext.from_args(str(bare_folder))
        bare_ctx.open()
        baseline = measure(bare_ctx, "baseline (no survey index)")
        bare_ctx.close()
    ratio = round(indexed["median_ms"] / baseline["median_ms"], 2) if baseline["median_ms"] else None
    print(f"ratio indexed/baseline {ratio}; goals: IKM < 200 ms, PDF < 3000 ms")
    print(json.dumps({"bench": "survey", "responses": IN_QUARTER + BEFORE, "ikm": indexed, "baseline": baseline,
                      "ratio": ratio, "reports": docs, "ikm_goal_met": indexed["median_ms"] < 200,
                      "pdf_goal_met": docs["pdf_ms"] < 3000}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
