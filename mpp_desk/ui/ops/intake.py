"""Intake and file-tracking operations for widgets (run on the database thread).

Each opens its own unit of work and returns immutable data. Finishing a visit registers it (or
records it incomplete) and issues the first receipt with its kept PDF in one transaction;
printing is a separate step, so a printer fault never touches the registration.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from mpp_desk.context import AppContext
from mpp_desk import settings
from mpp_desk.intake import receipts, service
from mpp_desk.printing import receipt_printer
from mpp_desk.printing.printers import PrintOk
from mpp_desk.printing.receipt_printer import preferred_size
from mpp_desk.queue.backend import make_queue_backend
from mpp_desk.signing import installation_signer


@dataclass(frozen=True)
class StartData:
    """What the intake area needs when it opens."""

    services: list
    drafts: list
    printer_spec: str
    receipt_size: str
    counter_number: int


@dataclass(frozen=True)
class Finished:
    """A finished visit and its first receipt."""

    visit: Any  # VisitView
    receipt: Any  # IssuedReceipt


@dataclass(frozen=True)
class Scanned:
    """A scanned receipt code: the verdict, and the visit it leads to (when genuine and known here)."""

    check: Any  # ReceiptCheck
    visit: Any | None  # VisitView


def _signer(ctx: AppContext, uow):
    return installation_signer(uow, ctx.data_dir)


def start_data(ctx: AppContext, *, actor) -> StartData:
    """Services (recent first), this officer's open drafts, and this PC's receipt printer."""
    with ctx.uow(write=False, actor=actor) as uow:
        spec = settings.get(uow, "printer.receipt")
        return StartData(
            services=service.service_choices(uow),
            drafts=service.open_drafts(uow),
            printer_spec=spec,
            receipt_size=preferred_size(spec),
            counter_number=settings.get(uow, "pc.counter_number"),
        )


def find_ticket(ctx: AppContext, *, code: str, now=None):
    """Today's ticket with this code (A001); today by the office clock at *now* (None: now)."""
    return make_queue_backend(ctx).find_ticket(code=code, now=now)


def previous_visits(ctx: AppContext, *, actor, nik: str) -> list:
    with ctx.uow(write=False, actor=actor) as uow:
        return service.previous_visits(uow, nik=nik)


def start_visit(ctx: AppContext, *, actor, annex_number: int, applicant, ticket_id: uuid.UUID | None = None,
                previous_visit_id: uuid.UUID | None = None):
    """Save the draft visit: applicant and checklist."""
    with ctx.uow(actor=actor) as uow:
        visit = service.start_visit(uow, annex_number=annex_number, applicant=applicant, ticket_id=ticket_id,
                                    previous_visit_id=previous_visit_id)
        uow.commit()
        return visit


def update_applicant(ctx: AppContext, *, actor, visit_id: uuid.UUID, applicant):
    with ctx.uow(actor=actor) as uow:
        visit = service.update_applicant(uow, visit_id=visit_id, applicant=applicant)
        uow.commit()
        return visit


def save_checklist(ctx: AppContext, *, actor, visit_id: uuid.UUID, items: list):
    with ctx.uow(actor=actor) as uow:
        visit = service.save_checklist(uow, visit_id=visit_id, items=items)
        uow.commit()
        return visit


def get_visit(ctx: AppContext, *, actor, visit_id: uuid.UUID):
    with ctx.uow(write=False, actor=actor) as uow:
        return service.get_visit(uow, visit_id=visit_id)


def cancel_visit(ctx: AppContext, *, actor, visit_id: uuid.UUID):
    with ctx.uow(actor=actor) as uow:
        visit = service.cancel_visit(uow, visit_id=visit_id)
        uow.commit()
        return visit


def finish(ctx: AppContext, *, actor, visit_id: uuid.UUID, items: list, complete: bool, size: str) -> Finished:
    """Register the file (or record it incomplete) and issue receipt copy 1, all in one transaction."""
    with ctx.uow(actor=actor) as uow:
        if complete:
            visit = service.register_complete(uow, visit_id=visit_id, items=items)
        else:
            visit = service.record_incomplete(uow, visit_id=visit_id, items=items)
        issued = receipts.issue_receipt(uow, visit_id=visit_id, data_dir=ctx.data_dir, signer=_signer(ctx, uow), size=size)
        uow.commit()
    return Finished(visit, issued)


def issue_copy(ctx: AppContext, *, actor, visit_id: uuid.UUID, size: str):
    """A new copy of a finished visit's receipt ("SALINAN" from copy 2 on), kept as PDF."""
    with ctx.uow(actor=actor) as uow:
        issued = receipts.issue_receipt(uow, visit_id=visit_id, data_dir=ctx.data_dir, signer=_signer(ctx, uow), size=size)
        uow.commit()
        return issued


def print_receipt(ctx: AppContext, *, actor, issued, printer_spec: str):
    """Send an issued receipt to this PC's printer; on success note it as printed. Never raises for printer faults."""
    name = issued.pdf_path.rsplit("/", 1)[-1]
    result = receipt_printer.send(printer_spec, data_dir=ctx.data_dir, pdf=issued.pdf,
                           escpos=lambda columns: receipts.render_receipt_escpos(issued.view, width_chars=columns),
                           name=name)
    if isinstance(result, PrintOk):
        mark_printed(ctx, actor=actor, receipt_id=issued.id, printed_on=result.where)
    return result


def mark_printed(ctx: AppContext, *, actor, receipt_id: uuid.UUID, printed_on: str) -> None:
    with ctx.uow(actor=actor) as uow:
        receipts.mark_printed(uow, receipt_id=receipt_id, printed_on=printed_on)
        uow.commit()


def preview_pages(pdf: bytes, *, width_px: int = 560) -> list[bytes]:
    """PNG images of a receipt's pages for the screen, an A4 page *width_px* wide (no database).

    A roll receipt (80 mm) is drawn 380 pixels wide, about its printed size on a counter screen.
    """
    import io

    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        out = []
        for page in doc:
            target = 380 if page.get_width() < 400 else width_px
            scale = target / page.get_width()
            image = page.render(scale=scale).to_pil()
            page.close()
            buffer = io.BytesIO()
            image.save(buffer, format="PNG")
            out.append(buffer.getvalue())
        return out
    finally:
        doc.close()


def scan(ctx: AppContext, *, actor, text: str) -> Scanned:
    """Check a scanned receipt code and load the visit it belongs to."""
    with ctx.uow(write=False, actor=actor) as uow:
        check = receipts.verify_receipt(uow, text, data_dir=ctx.data_dir)
        visit = None
        if check.valid and check.visit_id is not None:
            visit = service.get_visit(uow, visit_id=check.visit_id)
        return Scanned(check, visit)


# --- files ------------------------------------------------------------------------------------


def search_files(ctx: AppContext, *, actor, criteria, today=None) -> list:
    with ctx.uow(write=False, actor=actor) as uow:
        return service.search(uow, criteria=criteria, today=today)


def due_files(ctx: AppContext, *, actor, today=None) -> list:
    with ctx.uow(write=False, actor=actor) as uow:
        return service.due_and_overdue(uow, today=today)


def opening_files(ctx: AppContext, *, actor, today=None) -> tuple[list, bool]:
    """What the file list shows on opening: (rows, recent). The files due today and overdue, or,
    when none is, the files received in the last days (``recent`` True)."""
    with ctx.uow(write=False, actor=actor) as uow:
        rows = service.due_and_overdue(uow, today=today)
        if rows:
            return rows, False
        return service.recent_files(uow, today=today), True


def due_counts(ctx: AppContext, *, actor) -> tuple[int, int]:
    """(due today, overdue) open files, for the counter's home."""
    rows = due_files(ctx, actor=actor)
    return sum(1 for r in rows if r.due_today), sum(1 for r in rows if r.overdue)


def change_status(ctx: AppContext, *, actor, application_id: uuid.UUID, status: str, reason: str = "",
                  handed_over_to: str = ""):
    """Move a file to its next status; returns the reloaded visit."""
    with ctx.uow(actor=actor) as uow:
        service.change_status(uow, application_id=application_id, status=status, reason=reason,
                              handed_over_to=handed_over_to)
        uow.commit()
    with ctx.uow(write=False, actor=actor) as uow:
        return service.get_application(uow, application_id=application_id)
