"""Served papers for the public survey's tests (tests/server/test_public_survey*.py, bench/web.py): on the office
PC of ``public_support.open_site``, two tickets called, served and finished at counter 1 — one without a file,
one whose visit registered a file with its Tanda Terima — and one more served ticket; then synced."""

from __future__ import annotations

from dataclasses import dataclass

from tests.server.conftest import desk_json
from tests.server.public_support import Site, at

DAY = "2026-04-30"  # the server's day (public_support.SERVER_NOW)
SERVED_NIK = "3214016101920003"


@dataclass
class Served:
    ticket: str  # address in the QR of a served ticket without a file
    visit_ticket: str  # a served ticket whose visit registered a file
    visit_tt: str  # that file's Tanda Terima
    other_ticket: str  # one more served ticket, for a tablet's response
    other_ticket_id: object
    tt_pdf: bytes
    ticket_pdf: bytes
    registration_number: str


def serve_papers(site: Site) -> Served:
    from mpp_desk.intake import receipts
    from mpp_desk.printing.pdf import render_ticket_pdf
    from mpp_desk.queue import LocalQueue
    from mpp_desk.queue.setup import create_counter
    from mpp_desk.signing import Signer
    from tests.intake_support import make_officer, person, register_file

    pc = site.pc
    admin = make_officer(pc, "admin2", "Admin Dua", role="administrator")
    with pc.uow(actor=admin) as uow:
        create_counter(uow, number=1, name="Loket 1", group_codes=["A"])
        uow.commit()
    officer = make_officer(pc, "sari", "Sari Loket")
    queue = LocalQueue.from_context(pc, actor=officer)

    def serve(minute: int, *, with_file: bool = False):
        issued = queue.issue(group_code="A", now=at(DAY, 8, minute))
        called = queue.call_next(counter_number=1, now=at(DAY, 8, minute + 1))
        assert called is not None and called.id == issued.ticket.id
        queue.start_service(ticket_id=called.id, counter_number=1, now=at(DAY, 8, minute + 2))
        visit = None
        if with_file:
            visit = register_file(pc, officer, applicant=person(nik=SERVED_NIK), when=at(DAY, 8, minute + 3),
                                  ticket_id=called.id)
        queue.finish(ticket_id=called.id, counter_number=1, now=at(DAY, 8, minute + 5))
        return issued, visit

    plain, _ = serve(30)
    with_file, visit = serve(40, with_file=True)
    other, _ = serve(50)
    assert visit is not None
    with pc.uow(actor=officer) as uow:
        receipt = receipts.issue_receipt(uow, visit_id=visit.id, data_dir=pc.data_dir, signer=Signer.for_data_dir(pc.data_dir),
                                         now=at(DAY, 8, 46))
        uow.commit()
    slips = {name: queue.slip(t) for name, t in (("plain", plain), ("with_file", with_file), ("other", other))}
    assert desk_json(pc, "sync", "now")["pending"] == 0
    return Served(slips["plain"].qr_data, slips["with_file"].qr_data, receipt.view.qr_data, slips["other"].qr_data,
                  other.ticket.id, receipt.pdf, render_ticket_pdf(slips["plain"]),
                  visit.application.registration_number)


def answers(**changes: str) -> dict[str, str]:
    """A filled form: all nine elements, a profile and a suggestion (the form's field names)."""
    form = {"u1": "4", "u2": "3", "u3": "3", "u4": "4", "u5": "3", "u6": "4", "u7": "4", "u8": "", "u9": "2",
            "age_group": "31-40", "sex": "P", "education": "s1", "occupation": "wirausaha",
            "suggestion": "Ruang tunggu agak panas siang hari."}
    form.update(changes)
    return form
