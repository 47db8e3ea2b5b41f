"""Factories for intake tests: a counter officer, an applicant, a registered or returned file."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from mpp_desk.intake.rules import ApplicantInput, ItemInput

WIB = ZoneInfo("Asia/Jakarta")
OFFICER_PASSWORD = "Loket-Satu-2026"
NIK = "3214015505900001"  # Purwakarta (32.14), a woman born 15 May 1990
NIK_2 = "3214010101850002"


def at(day: dt.date | str, hour: int = 10, minute: int = 0) -> dt.datetime:
    if isinstance(day, str):
        day = dt.date.fromisoformat(day)
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=WIB)


def make_officer(ctx, username: str = "rina", full_name: str = "Rina Petugas", role: str = "counter"):
    """Create a staff account and sign it in; returns the Actor."""
    from mpp_desk import auth
    from mpp_desk.roles import TERMINAL

    with ctx.uow(actor=TERMINAL) as uow:
        auth.create_user(uow, username=username, full_name=full_name, role=role,
                         password=OFFICER_PASSWORD, must_change_password=False)
        uow.commit()
    with ctx.uow() as uow:
        actor = auth.sign_in(uow, username=username, password=OFFICER_PASSWORD)
        uow.commit()
    return actor


def person(**changes) -> ApplicantInput:
    values = dict(kind="person", nik=NIK, full_name="Siti Aminah", phone="0812 3456 7890",
                  address="Jl. Veteran No. 1, Nagrikaler, Purwakarta")
    values.update(changes)
    return ApplicantInput(**values)


def business(**changes) -> ApplicantInput:
    values = dict(kind="business", nik=NIK_2, full_name="Budi Santoso", phone="0813 1111 2222",
                  address="Jl. Ipik Gandamanah 5", business_name="PT Keamanan Siber Purwakarta",
                  nib="8120000123456", business_kbli="62021")
    values.update(changes)
    return ApplicantInput(**values)


def all_present(visit) -> list[ItemInput]:
    return [ItemInput(item.position, "present_valid") for item in visit.items]


def with_gaps(visit) -> list[ItemInput]:
    """First line missing, second not valid (with notes), the rest present and valid."""
    out = []
    for item in visit.items:
        if item.position == 1:
            out.append(ItemInput(item.position, "missing", "Belum dibawa"))
        elif item.position == 2:
            out.append(ItemInput(item.position, "invalid", "Fotokopi tidak terbaca"))
        else:
            out.append(ItemInput(item.position, "present_valid"))
    return out


def register_file(ctx, actor, *, annex: int = 67, applicant: ApplicantInput | None = None, when=None,
                  ticket_id=None):
    """Start and register a complete visit in one go; returns the VisitView."""
    from mpp_desk.intake import service

    when = when or at("2026-03-17")
    with ctx.uow(actor=actor) as uow:
        visit = service.start_visit(uow, annex_number=annex, applicant=applicant or person(), ticket_id=ticket_id,
                                    now=when)
        done = service.register_complete(uow, visit_id=visit.id, items=all_present(visit), now=when)
        uow.commit()
    return done


def return_file(ctx, actor, *, annex: int = 67, applicant: ApplicantInput | None = None, when=None):
    """Start a visit and end it incomplete (lines 1 and 2 wrong); returns the VisitView."""
    from mpp_desk.intake import service

    when = when or at("2026-03-17")
    with ctx.uow(actor=actor) as uow:
        visit = service.start_visit(uow, annex_number=annex, applicant=applicant or person(), now=when)
        done = service.record_incomplete(uow, visit_id=visit.id, items=with_gaps(visit), now=when)
        uow.commit()
    return done


def real_png(path, size=(8, 8)):
    """A small PNG that Pillow opens (attachments are opened by their format's reader)."""
    from PIL import Image

    Image.new("RGB", size, (200, 30, 30)).save(path, "PNG")
    return path


def real_pdf(path, pages: int = 1):
    """A small PDF that pypdfium2 opens."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument.new()
    try:
        for _ in range(pages):
            doc.new_page(200, 200)
        doc.save(str(path))
    finally:
        doc.close()
    return path
