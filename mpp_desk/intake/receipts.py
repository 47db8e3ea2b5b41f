"""The intake receipts: the Tanda Terima of a complete file and the return slip of an incomplete one.

Both come as PDF at A4 or on 80 mm roll paper (reportlab, the shipped DejaVu fonts), and as
ESC/POS bytes for a thermal printer (text plus the printer's own QR code). One
:class:`ReceiptView` (:mod:`~mpp_desk.intake.receipt_view`) feeds every renderer
(:mod:`~mpp_desk.intake.receipt_layout`), so paper and PDF never disagree. This module issues,
keeps and verifies them.

Each printed receipt is a row (:class:`~mpp_desk.models.IntakeReceipt`): copy 1, then reprints
that say "SALINAN". Its PDF is kept under ``<data folder>/receipts/YYYY/MM/`` with its SHA-256 in
the row. The QR code holds the verification address (setting ``receipts.verify_base_url``) and a
token signed with the installation's Ed25519 key (:mod:`mpp_desk.signing`) over::

    kind "tt" (Tanda Terima) or "rs" (return slip), the receipt's id, and
    n  registration number        k  NIK masked          s  the service's KBLI
    r  date received (or visited) d  due date            c  copy number

so a receipt with an altered field, or a forged signature, does not verify
(:func:`verify_receipt` names the fields that differ from the record).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from mpp_desk import audit, settings
from mpp_desk.errors import UserError
from mpp_desk.i18n import N_
from mpp_desk.identifiers import mask_nik
from mpp_desk.intake.receipt_check import (  # noqa: F401 - the verdict on a receipt, used through this module
    CHECK_MESSAGES,
    FIELD_LABELS,
    MISMATCH,
    NOT_A_RECEIPT,
    VALID,
    ReceiptCheck,
    verify_receipt,
)
from mpp_desk.intake.receipt_layout import (  # noqa: F401 - the receipts' renderers, used through this module
    receipt_document,
    render_receipt_escpos,
    render_receipt_pdf,
    render_return_slip_escpos,
    render_return_slip_pdf,
    render_tanda_terima_escpos,
    render_tanda_terima_pdf,
)
from mpp_desk.intake.receipt_view import (  # noqa: F401 - the receipts' data, used through this module
    KIND_OF_TOKEN,
    RECEIPT_LANGUAGE,
    RETURN_SLIP,
    SIZES,
    TANDA_TERIMA,
    TOKEN_KINDS,
    ReceiptItem,
    ReceiptView,
    signed_fields,
)
from mpp_desk.intake.rules import is_condition
from mpp_desk.models import Application, IntakeReceipt, IntakeVisit
from mpp_desk.officetime import as_utc, local_date
from mpp_desk.roles import Permission, authorize
from mpp_desk.workdays import year_confirmed
from mpp_desk.complaints.channels import list_channels
from mpp_desk.signing import verification_url

if TYPE_CHECKING:
    from mpp_desk.uow import UnitOfWork

RECEIPTS_DIRNAME = "receipts"


class ReceiptProblem(UserError):
    """A receipt cannot be issued for this visit (still open, cancelled, unknown size)."""


# --- issuing, keeping and verifying receipts ------------------------------------------------------


@dataclass(frozen=True)
class IssuedReceipt:
    """A receipt just issued: its row, the kept PDF (path under the data folder and bytes), its view."""

    id: uuid.UUID
    kind: str
    copy_number: int
    size: str
    pdf_path: str  # relative to the data folder
    sha256: str
    pdf: bytes = field(repr=False)
    view: ReceiptView = field(repr=False)

    def escpos(self, width_chars: int = 48) -> bytes:
        return render_receipt_escpos(self.view, width_chars=width_chars)


def issue_receipt(
    uow: UnitOfWork,
    *,
    visit_id: uuid.UUID,
    data_dir: Path | str,
    signer,
    size: str = "A4",
    now: dt.datetime | None = None,
) -> IssuedReceipt:
    """Issue the next copy of a finished visit's receipt: row, signed token, PDF kept with its SHA-256.

    Copy 1 is the original; every later one is a reprint and says "SALINAN". The PDF is written
    (atomically) before the row is flushed; the caller's commit makes the receipt exist.
    """
    actor = authorize(uow, uow.actor, Permission.INTAKE)
    if size not in SIZES:
        raise ReceiptProblem(N_("errors", "Unknown receipt size {size}."), size=size)
    session = uow.session
    visit = session.get(IntakeVisit, visit_id)
    if visit is None or visit.deleted_at is not None:
        raise ReceiptProblem(N_("errors", "This intake visit does not exist."))
    if visit.outcome == IntakeVisit.COMPLETE:
        kind = TANDA_TERIMA
    elif visit.outcome == IntakeVisit.INCOMPLETE:
        kind = RETURN_SLIP
    else:
        raise ReceiptProblem(N_("errors", "A receipt is printed only once the visit is registered or returned."))
    application = session.scalar(select(Application).where(Application.visit_id == visit.id))
    copies = session.scalar(
        select(func.max(IntakeReceipt.copy_number)).where(IntakeReceipt.visit_id == visit.id,
                                                          IntakeReceipt.kind == kind)
    )
    copy_number = (copies or 0) + 1
    now = as_utc(now)
    receipt = IntakeReceipt(
        id=uuid.uuid4(),
        visit_id=visit.id,
        application_id=application.id if application is not None else None,
        kind=kind,
        copy_number=copy_number,
        size=size,
        issued_at=now,
        issued_by=actor.username,
    )
    received = application.received_date if application is not None else local_date(visit.finished_at or now)
    fields = signed_fields(
        kind,
        registration_number=application.registration_number if application is not None else None,
        nik=visit.nik,
        kbli=visit.service_kbli,
        received=received,
        due=application.due_date if application is not None else None,
        copy_number=copy_number,
    )

    receipt.token = signer.sign_reference(TOKEN_KINDS[kind], receipt.id, fields)
    base_url = settings.receipt_settings(uow).verify_base_url
    view = _view(uow, visit, application, receipt, qr_data=verification_url(base_url, receipt.token))
    pdf = render_receipt_pdf(view, size)
    relative = _pdf_relative_path(kind, visit, application, copy_number, size, now)
    _write_atomically(Path(data_dir) / relative, pdf)
    receipt.pdf_path = relative.as_posix()
    receipt.sha256 = hashlib.sha256(pdf).hexdigest()
    session.add(receipt)
    audit.record(
        uow,
        action="intake.receipt_issued",
        entity="intake_receipt",
        entity_id=receipt.id,
        summary=f"{kind} copy {copy_number} ({size}) for "
                f"{application.registration_number if application is not None else 'visit ' + str(visit.id)}",
        details={"visit_id": visit.id, "kind": kind, "copy": copy_number, "size": size, "sha256": receipt.sha256},
    )
    session.flush()
    return IssuedReceipt(receipt.id, kind, copy_number, size, receipt.pdf_path, receipt.sha256, pdf, view)


def mark_printed(uow: UnitOfWork, *, receipt_id: uuid.UUID, printed_on: str, now: dt.datetime | None = None) -> None:
    """Note that a receipt came out of a printer (so printing it again makes a "SALINAN")."""
    authorize(uow, uow.actor, Permission.INTAKE)
    receipt = uow.session.get(IntakeReceipt, receipt_id)
    if receipt is None:
        raise ReceiptProblem(N_("errors", "This receipt does not exist."))
    if receipt.printed_at is None:
        receipt.printed_at = as_utc(now)
        receipt.printed_on = printed_on or ""  # a printer setting, already at most 200 characters
        uow.session.flush()


def kept_pdf(uow: UnitOfWork, *, receipt_id: uuid.UUID, data_dir: Path | str) -> bytes:
    """The kept PDF of a receipt, checked against its SHA-256; ReceiptProblem if it is gone or changed."""
    authorize(uow, uow.actor, Permission.INTAKE)
    receipt = uow.session.get(IntakeReceipt, receipt_id)
    if receipt is None:
        raise ReceiptProblem(N_("errors", "This receipt does not exist."))
    path = Path(data_dir) / receipt.pdf_path
    try:
        data = path.read_bytes()
    except OSError:
        raise ReceiptProblem(N_("errors", "The kept copy of this receipt is missing ({path})."),
                             path=receipt.pdf_path) from None
    if hashlib.sha256(data).hexdigest() != receipt.sha256:
        raise ReceiptProblem(N_("errors", "The kept copy of this receipt was changed after it was issued ({path})."),
                             path=receipt.pdf_path)
    return data


def receipt_view(uow: UnitOfWork, *, receipt_id: uuid.UUID) -> ReceiptView:
    """The view of a receipt already issued (to print it again without a new copy)."""
    receipt = uow.session.get(IntakeReceipt, receipt_id)
    if receipt is None:
        raise ReceiptProblem(N_("errors", "This receipt does not exist."))
    visit = uow.session.get(IntakeVisit, receipt.visit_id)
    assert visit is not None, "a receipt's visit is a foreign key"
    application = uow.session.scalar(select(Application).where(Application.visit_id == visit.id))
    return _view(uow, visit, application, receipt,
                 qr_data=verification_url(settings.receipt_settings(uow).verify_base_url, receipt.token))



def _view(uow: UnitOfWork, visit: IntakeVisit, application: Application | None, receipt: IntakeReceipt, *,
          qr_data: str) -> ReceiptView:

    office = settings.receipt_settings(uow)
    due = application.due_date if application is not None else None
    return ReceiptView(
        kind=receipt.kind,
        receipt_id=receipt.id,
        copy_number=receipt.copy_number,
        letterhead=office.letterhead,
        registration_number=application.registration_number if application is not None else None,
        visit_ref=visit_reference(visit.id),
        service_title=visit.service_title,
        product_type=visit.product_type,
        kbli=visit.service_kbli,
        risk_level=visit.risk_level,
        output=visit.output,
        fee=visit.fee,
        completion_working_days=visit.completion_working_days,
        applicant_kind=visit.applicant_kind,
        applicant_name=visit.full_name,
        nik_masked=mask_nik(visit.nik),
        business_name=visit.business_name,
        nib=visit.nib,
        items=tuple(ReceiptItem(i.position, i.text, i.state, i.note, i.kind, is_condition(i.text))
                    for i in visit.items),
        received_at=application.received_at if application is not None else (visit.finished_at or receipt.issued_at),
        due_date=due,
        officer_name=visit.officer_name or visit.officer_username,
        counter_number=visit.counter_number,
        complaint_channels=tuple((c.name, c.contact) for c in list_channels(uow) if c.on_receipt),
        qr_data=qr_data,
        issued_at=receipt.issued_at,
        due_estimated=due is not None and not year_confirmed(uow, due.year),
    )


def visit_reference(visit_id: uuid.UUID) -> str:
    """A short reference printed on a return slip: the visit id's first 8 hex digits, "K-3F2A9C1B"."""
    return "K-" + visit_id.hex[:8].upper()


def _pdf_relative_path(kind: str, visit: IntakeVisit, application: Application | None, copy_number: int, size: str,
                       now: dt.datetime) -> Path:
    day = local_date(now)
    if application is not None:
        stem = application.registration_number.replace("/", "-")
    else:
        stem = f"{day.isoformat()}_{visit_reference(visit.id)}"
    name = f"{stem}_{kind.replace('_', '-')}_{copy_number}_{size}.pdf"
    return Path(RECEIPTS_DIRNAME) / f"{day.year:04d}" / f"{day.month:02d}" / name


def _write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{uuid.uuid4().hex}.tmp")
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
