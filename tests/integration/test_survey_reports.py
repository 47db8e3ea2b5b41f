"""The quarterly evaluation: ``mpp-desk report skm|service --pdf --xlsx`` rendered, looked at, read back."""

from __future__ import annotations

import datetime as dt
import json
from zoneinfo import ZoneInfo

import pypdfium2 as pdfium
import pytest
from openpyxl import load_workbook

from mpp_desk.cli import main
from mpp_desk.roles import TERMINAL
from tests.integration.test_survey_cli import GOOD, after_the_quarter

__all__ = ["after_the_quarter"]  # the autouse clock fixture applies here too
WIB = ZoneInfo("Asia/Jakarta")
TUESDAY = dt.datetime(2026, 11, 24, 9, 0, tzinfo=WIB)


def run(capsys, data_dir, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), "--lang", "id", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def evaluated(app_ctx, tmp_path, capsys):
    """The five hand-computed responses, and a morning of queue tickets (served, one no-show)."""
    from mpp_desk import queue as q
    from mpp_desk.queue import LocalQueue

    path = tmp_path / "paper.csv"
    path.write_text(GOOD + "2026-11-03 10:00,71205,50,P,s2,pns,4,4,4,4,4,4,4,4,4\n", encoding="utf-8")
    assert run(capsys, app_ctx.data_dir, "survey", "import", str(path))[0] == 0
    with app_ctx.uow(actor=TERMINAL) as uow:
        q.create_counter(uow, number=1, name="Loket Satu", group_codes=["A"])
        uow.commit()
    queue = LocalQueue(app_ctx.open())
    for i in range(6):
        at = TUESDAY + dt.timedelta(minutes=20 * i)
        queue.issue(group_code="A", now=at)
        ticket = queue.call_next(counter_number=1, now=at + dt.timedelta(minutes=5 + i))
        if i == 5:
            queue.mark_no_show(ticket_id=ticket.id, counter_number=1, now=at + dt.timedelta(minutes=12))
            continue
        queue.start_service(ticket_id=ticket.id, counter_number=1, now=at + dt.timedelta(minutes=6 + i))
        queue.finish(ticket_id=ticket.id, counter_number=1, now=at + dt.timedelta(minutes=16 + i))
    return app_ctx


def pages_as_png(pdf: bytes, folder, stem: str) -> list:
    doc = pdfium.PdfDocument(pdf)
    try:
        paths = []
        for i in range(len(doc)):
            path = folder / f"{stem}-{i + 1}.png"
            doc[i].render(scale=1.2).to_pil().save(path)
            paths.append(path)
        return paths
    finally:
        doc.close()


def test_skm_report_pdf_and_xlsx(evaluated, tmp_path, capsys):
    pdf, xlsx = tmp_path / "skm.pdf", tmp_path / "skm.xlsx"
    code, out, err = run(capsys, evaluated.data_dir, "report", "skm", "--from", "2026-10-01", "--to", "2026-12-31",
                         "--pdf", str(pdf), "--xlsx", str(xlsx), "--json")
    assert code == 0, err
    data = json.loads(out)
    # six respondents: the hand-computed five plus one all-4 answer: Σ NRR = 3.5+3.5+3+4+3.33…+3.33…+3.83…+3.2+3
    assert data["skm"]["respondents"] == 6 and data["skm"]["nrr"]["u8"] == 3.2
    pages = pages_as_png(pdf.read_bytes(), tmp_path, "skm")
    assert len(pages) >= 2 and all(p.stat().st_size > 10_000 for p in pages)
    text = pdfium.PdfDocument(pdf.read_bytes())[0].get_textpage().get_text_range()
    assert "1/9" in text and "Laporan Survei Kepuasan Masyarakat" in text and "Baik" in text
    wb = load_workbook(xlsx)
    assert wb.sheetnames == ["Ringkasan", "Tabulasi", "Per layanan", "Profil", "Saran"]
    tab = wb["Tabulasi"]
    assert [c.value for c in tab[1]][:4] == ["No", "Tanggal", "KBLI", "U1"]
    assert tab.cell(row=2, column=4).value == 4  # the first respondent's U1
    labels = {tab.cell(row=r, column=2).value: r for r in range(2, tab.max_row + 1)}
    assert tab.cell(row=labels["NRR"], column=11).value == 3.2  # U8 over the five who answered it
    assert tab.cell(row=labels["IKM"], column=4).value == data["skm"]["ikm"]
    assert "B (Baik)" in [c.value for c in wb["Ringkasan"]["B"]]


def test_service_report_pdf_and_xlsx(evaluated, tmp_path, capsys):
    pdf, xlsx = tmp_path / "service.pdf", tmp_path / "service.xlsx"
    code, out, err = run(capsys, evaluated.data_dir, "report", "service", "--from", "2026-11-01", "--to",
                         "2026-11-30", "--pdf", str(pdf), "--xlsx", str(xlsx), "--json")
    assert code == 0, err
    queue = {q["group"]: q for q in json.loads(out)["queue"]}
    # waits 5..10 minutes (nearest-rank p50 = 7, p90 = 10); service 10 minutes each; one no-show
    assert (queue["A"]["issued"], queue["A"]["served"], queue["A"]["no_shows"]) == (6, 5, 1)
    assert (queue["A"]["wait_p50_min"], queue["A"]["wait_p90_min"]) == (7.0, 10.0)
    assert queue["A"]["service_p50_min"] == 10.0
    pages = pages_as_png(pdf.read_bytes(), tmp_path, "service")
    assert pages
    wb = load_workbook(xlsx)
    heat = wb["Peta panas"]
    tuesday = [c.value for c in heat[3]]
    assert tuesday[0] == "Sel" and tuesday[1 + 9 - 7] == 3 and tuesday[1 + 10 - 7] == 3


def test_report_needs_an_output(app_ctx, capsys):
    code, _, err = run(capsys, app_ctx.data_dir, "report", "skm", "--from", "2026-10-01", "--to", "2026-12-31")
    assert code == 2 and "--pdf" in err
