"""A real mpp-central over TLS on a real PostgreSQL, its clock pinned, with one office PC's papers synced to it:
a queue ticket, a Tanda Terima, a return slip and a complaint receipt (tests/server/test_public_*.py)."""

from __future__ import annotations

import datetime as dt
import os
import ssl
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx

from tests.server.conftest import ROOT, SECRET, _free_port, central, desk, desk_json, enroll
from tests.server.test_sync_tls import cert_init

WIB = ZoneInfo("Asia/Jakarta")
SERVER_NOW = dt.datetime(2026, 4, 30, 10, 0, tzinfo=WIB)  # the public pages' "today": after the file's due date
NIK = "3214015505900001"
COMPLAINANT_NIK = "3214015708900001"


@dataclass
class Site:
    url: str
    ca: str
    proc: subprocess.Popen
    pc: object
    papers: dict[str, str] = field(default_factory=dict)  # kind -> the address in its QR code
    pdfs: dict[str, bytes] = field(default_factory=dict)
    registration_number: str = ""
    case_number: str = ""
    follow_code: str = ""

    def client(self) -> httpx.Client:
        return httpx.Client(verify=ssl.create_default_context(cafile=self.ca), timeout=10, follow_redirects=False)

    def stop(self) -> str:
        """Stop the server; its standard error (the access log)."""
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        return self.proc.stderr.read().decode() if self.proc.stderr else ""


def start_server(server_db: str, tmp_path: Path, extra_env: dict[str, str] | None = None):
    made = cert_init(tmp_path / "tls", "127.0.0.1", "localhost")
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "tests" / "clockhook"), str(ROOT)]),
           "MPP_CENTRAL_SECRET_KEY": SECRET, "MPP_TEST_CLOCK": f"{SERVER_NOW.isoformat()}@{time.time():.6f}",
           **(extra_env or {})}
    proc = subprocess.Popen([sys.executable, "-m", "mpp_desk.server.cli", "serve", "--database", server_db,
                             "--port", str(port), "--tls-cert", made["server_pem"], "--tls-key", made["server_key"]],
                            env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"https://127.0.0.1:{port}"
    context = ssl.create_default_context(cafile=made["ca_pem"])
    deadline = time.monotonic() + 30
    while True:
        try:
            if httpx.get(f"{url}/health", verify=context, timeout=1).status_code == 200:
                return url, made["ca_pem"], proc
        except httpx.HTTPError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            raise AssertionError(f"mpp-central did not start: {proc.stderr.read().decode()}")
        time.sleep(0.1)


def at(day: str, hour: int = 10, minute: int = 0) -> dt.datetime:
    d = dt.date.fromisoformat(day)
    return dt.datetime(d.year, d.month, d.day, hour, minute, tzinfo=WIB)


def make_papers(site: Site) -> None:
    """On the PC: the office's verification address, then one paper of each kind (files kept as PDF)."""
    from mpp_desk import settings
    from mpp_desk.complaints import service as complaints
    from mpp_desk.complaints.follow_code import follow_code
    from mpp_desk.complaints.receipts import build_receipt, render_receipt_pdf
    from mpp_desk.complaints.rules import CaptureDraft
    from mpp_desk.intake import receipts
    from mpp_desk.intake import service as intake
    from mpp_desk.printing.pdf import render_ticket_pdf
    from mpp_desk.queue import LocalQueue
    from mpp_desk.signing import Signer
    from tests.intake_support import make_officer, person, register_file, return_file

    pc = site.pc
    admin = make_officer(pc, "admin1", "Admin Kantor", role="administrator")
    with pc.uow(actor=admin) as uow:
        settings.set(uow, key="receipts.verify_base_url", value=f"{site.url}/v/")
        uow.commit()
    signer = Signer.for_data_dir(pc.data_dir)
    officer = make_officer(pc)
    done = register_file(pc, officer, applicant=person(nik=NIK), when=at("2026-03-17"))
    with pc.uow(actor=officer) as uow:
        intake.change_status(uow, application_id=done.application.id, status="in_process", now=at("2026-03-18", 9))
        issued = receipts.issue_receipt(uow, visit_id=done.id, data_dir=pc.data_dir, signer=signer,
                                        now=at("2026-03-17", 10, 5))
        uow.commit()
    site.papers["tt"], site.pdfs["tt"] = issued.view.qr_data, issued.pdf
    site.registration_number = done.application.registration_number
    returned = return_file(pc, officer, applicant=person(nik="3214010101850002"), when=at("2026-03-17", 11))
    with pc.uow(actor=officer) as uow:
        slip = receipts.issue_receipt(uow, visit_id=returned.id, data_dir=pc.data_dir, signer=signer,
                                      now=at("2026-03-17", 11, 5))
        uow.commit()
    site.papers["rs"], site.pdfs["rs"] = slip.view.qr_data, slip.pdf

    queue = LocalQueue.from_context(pc)
    ticket = queue.issue(group_code="A", now=at("2026-03-17", 8, 5))
    ticket_slip = queue.slip(ticket)
    site.papers["q"], site.pdfs["q"] = ticket_slip.qr_data, render_ticket_pdf(ticket_slip)

    handler = make_officer(pc, "budi", "Budi Pengaduan", role="complaints")
    with pc.uow(actor=handler) as uow:
        case = complaints.save_case(uow, draft=CaptureDraft(
            channel="in_person", received_at=at("2026-04-27", 9), reporter_name="Siti Aminah",
            reporter_phone="0812 3456 7890", reporter_nik=COMPLAINANT_NIK,
            substance="Antrean loket perizinan tidak bergerak selama satu jam penuh."), today=dt.date(2026, 4, 27))
        complaints.classify(uow, case_id=case.id, problem_type=_a_problem_type(), today=dt.date(2026, 4, 27))
        complaints.add_note(uow, case_id=case.id, notes="Catatan internal: petugas loket 3 sedang cuti.",
                            today=dt.date(2026, 4, 27))
        uow.commit()
    with pc.uow(actor=handler, write=False) as uow:
        receipt = build_receipt(uow, case_id=case.id, data_dir=pc.data_dir)
    site.papers["adu"], site.pdfs["adu"] = receipt.qr_data, render_receipt_pdf(receipt)
    site.case_number, site.follow_code = receipt.case_number, follow_code(case.id)


def _a_problem_type() -> str:
    from mpp_desk.complaints import labels

    return next(iter(labels.PROBLEM_TYPES))


def sync_and_register_key(site: Site, server_db: str, tmp_path: Path) -> None:
    desk_json(site.pc, "sync", "join", site.url, enroll(server_db, "loket-1", "admin"), "--ca", site.ca)
    assert desk_json(site.pc, "sync", "now")["pending"] == 0
    status, pem, err = desk(site.pc, "queue", "public-key")
    assert status == 0, err
    (tmp_path / "loket-1.pem").write_text(pem)
    status, out, err = central("signing-key", "add", "--database", server_db, str(tmp_path / "loket-1.pem"),
                               "--label", "loket 1")
    assert status == 0 and "added" in out, err


def open_site(server_db, make_pc, tmp_path, office_clock):
    """The test files' ``site`` fixture: ``yield from open_site(...)``."""
    url, ca, proc = start_server(server_db, tmp_path)
    made = Site(url, ca, proc, make_pc("loket-1"))
    try:
        office_clock.set(at("2026-04-27", 9, 30))  # the complaint's steps are written "now"
        make_papers(made)
        office_clock.set(SERVER_NOW)  # the enrolment code is valid on the server's day
        sync_and_register_key(made, server_db, tmp_path)
        yield made
    finally:
        made.stop()


@contextmanager
def limited_client(server_db: str, monkeypatch, *, pages: int, lookups: int):
    """An in-process mpp-central (TestClient) whose public pages allow *pages* a minute and *lookups* per
    10 minutes per client address."""
    from fastapi.testclient import TestClient

    from mpp_desk.server.app import create_app
    from mpp_desk.server.db import make_engine
    from mpp_desk.server.settings import ServerSettings

    monkeypatch.setenv("MPP_CENTRAL_PUBLIC_PAGES_PER_MINUTE", str(pages))
    monkeypatch.setenv("MPP_CENTRAL_PUBLIC_LOOKUPS_PER_10_MINUTES", str(lookups))
    engine = make_engine(ServerSettings(database_url=server_db).database_url, pool_size=2)
    try:
        with TestClient(create_app(ServerSettings(database_url=server_db), engine)) as client:
            yield client
    finally:
        engine.dispose()
