"""Complaint desk operations for widgets (run on the database thread; each opens its own unit of work)."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from pathlib import Path
from collections.abc import Callable
from typing import Any

from mpp_desk.context import AppContext
from mpp_desk import officetime, settings
from mpp_desk.complaints import service
from mpp_desk.complaints import channels as channel_service, oversight as oversight_service, receipts, register
from mpp_desk.complaints.oversight import period_figures
from mpp_desk.complaints.receipts import build_receipt, render_receipt_escpos
from mpp_desk.complaints.register import RegisterFilter
from mpp_desk.models import ServiceStandard
from mpp_desk.printing import receipt_printer
from mpp_desk.workdays import load_calendar


@dataclass(frozen=True)
class CaptureSetup:
    """What the capture form needs once: the calendar for the live rules, the lists, the kept draft."""

    calendar: Any  # a WorkingCalendar (pure, read-only after loading)
    today: dt.date
    channels: tuple  # Channel records (active)
    services: tuple[tuple[str, str], ...]  # (id, "KBLI title")
    officers: tuple[str, ...]
    draft: Any  # Draft | None


@dataclass(frozen=True)
class ReceiptPreview:
    """An issued receipt: its kept PDFs and page images for the screen (PNG bytes per paper)."""

    case_number: str
    copy: bool
    paths: dict[str, Path]
    images: dict[str, list[bytes]]


def today() -> dt.date:
    return officetime.today()  # the process clock (ctx.clock)


def capture_setup(ctx: AppContext, *, actor) -> CaptureSetup:
    from sqlalchemy import select

    with ctx.uow(write=False, actor=actor) as uow:
        calendar = load_calendar(uow)
        day = today()
        calendar.add_working_days(day, 14)  # index this year (and the next) off the UI thread
        return CaptureSetup(
            calendar=calendar,
            today=day,
            channels=tuple(channel_service.list_channels(uow)),
            services=tuple((str(id_), f"{kbli} · {title}") for id_, kbli, title in uow.session.execute(
                select(ServiceStandard.id, ServiceStandard.kbli, ServiceStandard.title)
                .where(ServiceStandard.deleted_at.is_(None)).order_by(ServiceStandard.title))),
            officers=tuple(service.officers(uow)),
            draft=service.load_draft(uow),
        )


def save_draft(ctx: AppContext, *, actor, form: dict) -> dt.datetime:
    with ctx.uow(actor=actor) as uow:
        saved = service.save_draft(uow, form=form)
        uow.commit()
        return saved


def discard_draft(ctx: AppContext, *, actor) -> bool:
    with ctx.uow(actor=actor) as uow:
        done = service.discard_draft(uow)
        uow.commit()
        return done


def save_case(ctx: AppContext, *, actor, draft, attachments: list[str]):
    with ctx.uow(actor=actor) as uow:
        detail = service.save_case(uow, draft=draft, attachments=[Path(p) for p in attachments],
                                   data_dir=ctx.data_dir)
        uow.commit()
        return detail


def list_cases(ctx: AppContext, *, actor, status: str | None = None, search: str | None = None,
               mine: bool = False) -> list:
    with ctx.uow(write=False, actor=actor) as uow:
        return service.list_cases(uow, status=status or None, search=search or None,
                                  assignee=actor.username if mine else None)


def get_case(ctx: AppContext, *, actor, case_id: uuid.UUID):
    with ctx.uow(write=False, actor=actor) as uow:
        return service.get_case(uow, case_id=case_id)


def related_cases(ctx: AppContext, *, actor, case_id: uuid.UUID) -> list:
    with ctx.uow(write=False, actor=actor) as uow:
        return service.related_cases(uow, case_id=case_id)


def _step_services() -> dict[str, Callable[..., Any]]:
    """The follow-up steps a dialog may run, by name: each an explicit service function."""
    return {
        "classify": service.classify,
        "analyse": service.analyse,
        "assign": service.assign,
        "approve_apip": service.approve_apip,
        "follow_up": service.follow_up,
        "report_to_superior": service.report_to_superior,
        "inform": service.inform,
        "close": service.close,
        "reopen": service.reopen,
        "add_note": service.add_note,
    }


STEPS = ("classify", "analyse", "assign", "approve_apip", "follow_up", "report_to_superior", "inform", "close",
         "reopen", "add_note")


def run_step(ctx: AppContext, *, actor, step: str, case_id: uuid.UUID, values: dict):
    """One follow-up step by name (see STEPS) with the dialog's values; returns the case afterwards."""
    services = _step_services()
    if step not in services:
        raise ValueError(step)
    with ctx.uow(actor=actor) as uow:
        detail = services[step](uow, case_id=case_id, **values)
        uow.commit()
        return detail


def add_attachments(ctx: AppContext, *, actor, case_id: uuid.UUID, paths: list[str]):
    with ctx.uow(actor=actor) as uow:
        detail = service.add_attachments(uow, case_id=case_id, paths=[Path(p) for p in paths], data_dir=ctx.data_dir)
        uow.commit()
        return detail


def issue_receipt(ctx: AppContext, *, actor, case_id: uuid.UUID, dpi: int = 110) -> ReceiptPreview:
    """Count a print of the receipt, keep its PDFs, and render the pages for the preview."""
    with ctx.uow(actor=actor) as uow:
        issued = receipts.issue_receipt(uow, case_id=case_id, data_dir=ctx.data_dir)
        uow.commit()
    return ReceiptPreview(issued.receipt.case_number, issued.copy, dict(issued.paths),
                          {paper: page_images(path, dpi=dpi) for paper, path in issued.paths.items()})


def page_images(pdf: Path | bytes, *, dpi: int = 110) -> list[bytes]:
    """PNG bytes of every page of a PDF (for the screen, or at printer resolution for Qt printing)."""
    import io

    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf if isinstance(pdf, bytes) else str(pdf))
    try:
        images = []
        for index in range(len(doc)):
            buffer = io.BytesIO()
            doc[index].render(scale=dpi / 72).to_pil().save(buffer, format="PNG")  # pyright: ignore[reportArgumentType]  # pypdfium2 annotates scale as int; it is a float factor
            images.append(buffer.getvalue())
        return images
    finally:
        doc.close()


@dataclass(frozen=True)
class ReceiptPrint:
    spec: str  # this PC's printer.receipt setting
    result: Any  # PrintOk | PrintFailed
    pdf: bytes  # the kept PDF that was (or is to be) printed


def print_receipt(ctx: AppContext, *, actor, case_id: uuid.UUID, pdf_path: Path | str) -> ReceiptPrint:
    """Send a case's receipt to this PC's receipt printer: ESC/POS to a thermal one, the kept PDF otherwise.

    Never raises for a printer fault (the result says what went wrong); NEEDS_QT and NOT_CONFIGURED
    mean the desktop app prints the PDF through Qt.
    """
    with ctx.uow(write=False, actor=actor) as uow:
        spec = str(settings.get(uow, "printer.receipt") or "")
        receipt = build_receipt(uow, case_id=case_id, data_dir=ctx.data_dir)
    path = Path(pdf_path)
    pdf = path.read_bytes()
    result = receipt_printer.send(spec, data_dir=ctx.data_dir, pdf=pdf, name=path.name,
                                  escpos=lambda columns: render_receipt_escpos(receipt, width_chars=columns))
    return ReceiptPrint(spec, result, pdf)


# --- oversight ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class OversightData:
    oversight: Any
    figures: Any


def oversight(ctx: AppContext, *, actor, today: dt.date, date_from: dt.date, date_to: dt.date) -> OversightData:
    with ctx.uow(write=False, actor=actor) as uow:
        return OversightData(oversight_service.oversight(uow, today=today),
                             period_figures(uow, date_from=date_from, date_to=date_to, today=today))


def export_register(ctx: AppContext, *, actor, date_from: dt.date, date_to: dt.date, fmt: str, out: str,
                    today: dt.date, filters=None):
    with ctx.uow(actor=actor) as uow:
        written = register.export_register(uow, date_from=date_from, date_to=date_to, fmt=fmt, out=out, today=today,
                         filters=filters or RegisterFilter())
        uow.commit()
        return written


def list_channels(ctx: AppContext, *, actor) -> list:
    with ctx.uow(write=False, actor=actor) as uow:
        return channel_service.list_channels(uow, include_inactive=True)


def save_channel(ctx: AppContext, *, actor, **values):
    with ctx.uow(actor=actor) as uow:
        channel = channel_service.save_channel(uow, **values)
        uow.commit()
        return channel


def remove_channel(ctx: AppContext, *, actor, code: str) -> bool:
    with ctx.uow(actor=actor) as uow:
        done = channel_service.remove_channel(uow, code=code)
        uow.commit()
        return done
