"""The complaint receipt (tanda terima pengaduan): A4 and 80 mm PDF, ESC/POS, with a signed QR code.

The receipt tells the complainant the case number, the date the office must respond by, and the
channels to ask about progress. Its QR code holds the verification address with a reference
signed over the case's id, number, kind, respond-by date and received date
(:mod:`mpp_desk.signing`), so an altered receipt does not verify. Every issued receipt is kept
as PDF under ``<data folder>/receipts/complaints/``; a second print of the same case says
"SALINAN". The receipt is always in Bahasa Indonesia, like the queue ticket.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from mpp_desk.complaints.receipt_layout import (  # noqa: F401 - the renderers, used through this module
    PAPERS,
    receipt_document,
    render_receipt_escpos,
    render_receipt_pdf,
)
from mpp_desk.complaints.follow_code import follow_code
from mpp_desk.i18n import N_, translate
from mpp_desk.officetime import local, pukul
from mpp_desk.printing.letterhead import Letterhead
from mpp_desk.textformat import format_date
from mpp_desk.complaints.channels import channel_names, list_channels
from mpp_desk.complaints.rules import office_date
from mpp_desk.complaints.service import CaseNotFound, mark_receipt_printed
from mpp_desk.identifiers import mask_nik
from mpp_desk.models import ComplaintCase, ServiceStandard, StaffUser
from mpp_desk.roles import Permission, authorize
from mpp_desk.settings import receipt_settings
from mpp_desk.signing import expand_uuid, installation_signer, verification_url, verify_in_office

if TYPE_CHECKING:
    from mpp_desk.uow import UnitOfWork

RECEIPT_KIND = "adu"  # the signed reference's kind
RECEIPT_LANGUAGE = "id"
RECEIPTS_DIRNAME = "receipts"


@dataclass(frozen=True)
class ComplaintReceipt:
    """Everything printed on one complaint receipt."""

    office_name: str
    office_address: str
    case_id: uuid.UUID
    case_number: str
    kind: str
    received_at: dt.datetime
    channel_name: str
    anonymous: bool
    reporter_name: str
    nik_masked: str
    service_title: str
    service_received_on: dt.date | None
    substance: str
    lapor_id: str
    lapor_direction: str
    respond_by: dt.date
    progress_channels: tuple[tuple[str, str], ...]  # (name, contact)
    officer: str
    qr_data: str
    copy: bool = False
    late_note: str = ""
    language: str = RECEIPT_LANGUAGE
    letterhead: Letterhead | None = None  # None: the office's name and address under the default government

    def head(self) -> Letterhead:
        """The letterhead printed at the top."""
        return self.letterhead or Letterhead(office_name=self.office_name, address=self.office_address)

    def say(self, text: str, **params) -> str:
        return translate("complaints", text, self.language).format(**params)

    def title(self) -> str:
        if self.kind == "suggestion":
            return self.say(N_("complaints", "SUGGESTION RECEIPT"))
        return self.say(N_("complaints", "COMPLAINT RECEIPT"))

    def copy_mark(self) -> str:
        return self.say(N_("complaints", "COPY"))

    def kind_text(self) -> str:
        if self.kind == "suggestion":
            return self.say(N_("complaints", "Suggestion / feedback"))
        return self.say(N_("complaints", "Complaint"))

    def received_text(self) -> str:
        return f"{format_date(local(self.received_at).date(), self.language)} {pukul(self.received_at)}"

    def respond_by_text(self) -> str:
        return format_date(self.respond_by, self.language)

    def respond_by_note(self) -> str:
        return self.say(N_("complaints", "14 working days after it was received"))

    def reporter_text(self) -> str:
        return self.say(N_("complaints", "Anonymous")) if self.anonymous else self.reporter_name

    def lapor_text(self) -> str:
        if not self.lapor_id:
            return ""
        if self.lapor_direction == "to":
            return self.say(N_("complaints", "{id} (forwarded to SP4N-LAPOR!)"), id=self.lapor_id)
        return self.say(N_("complaints", "{id} (from SP4N-LAPOR!)"), id=self.lapor_id)

    def fields(self) -> list[tuple[str, str]]:
        """(label, value) lines, in order; empty values are left out."""
        rows = [
            (self.say(N_("complaints", "Type")), self.kind_text()),
            (self.say(N_("complaints", "Received")), self.received_text()),
            (self.say(N_("complaints", "Channel")), self.channel_name),
            (self.say(N_("complaints", "Reporter")), self.reporter_text()),
            (self.say(N_("complaints", "NIK")), self.nik_masked),
            (self.say(N_("complaints", "Service")), self.service_title),
            (self.say(N_("complaints", "Service received on")),
             format_date(self.service_received_on, self.language, weekday=False) if self.service_received_on else ""),
            ("SP4N-LAPOR!", self.lapor_text()),
            # with the case number, opens the case's progress page without the QR (public17)
            (self.say(N_("complaints", "Follow code")), follow_code(self.case_id)),
        ]
        return [(label, value) for label, value in rows if value]

    def substance_label(self) -> str:
        return self.say(N_("complaints", "Substance"))

    def respond_label(self) -> str:
        return self.say(N_("complaints", "Response at the latest on"))

    def progress_heading(self) -> str:
        return self.say(N_("complaints", "Ask about progress (mention the case number):"))

    def officer_heading(self) -> str:
        return self.say(N_("complaints", "Receiving officer"))

    def qr_caption(self) -> str:
        return self.say(N_("complaints", "Scan to check that this receipt is genuine"))

    def footer(self, printed_at: dt.datetime | None = None) -> str:
        moment = local(printed_at)  # None: now by the process clock
        return self.say(N_("complaints", "Officer: {officer} · printed {when}"), officer=self.officer,
                        when=f"{format_date(moment.date(), self.language, weekday=False)} {pukul(moment)}")


def token_fields(*, case_number: str, kind: str, respond_by: dt.date, received_on: dt.date) -> dict[str, str]:
    """The key fields the QR signature covers."""
    return {"n": case_number, "k": kind, "r": respond_by.isoformat(), "d": received_on.isoformat()}


def build_receipt(uow: UnitOfWork, *, case_id: uuid.UUID, data_dir: Path | str | None = None, signer=None,
                  copy: bool | None = None) -> ComplaintReceipt:
    """The receipt of a case as it stands, signed with this installation's key (or *signer*)."""
    if uow.actor is not None:
        authorize(uow, uow.actor, Permission.HANDLE_COMPLAINTS)
    case = uow.session.get(ComplaintCase, case_id)
    if case is None:
        raise CaseNotFound(N_("errors", "There is no complaint case {ref}."), ref=str(case_id))
    if signer is None:
        if data_dir is None:
            raise ValueError("a signer or the data folder (for the installation key) is needed")

        signer = installation_signer(uow, data_dir)
    token = signer.sign_reference(RECEIPT_KIND, case.id, token_fields(
        case_number=case.case_number, kind=case.kind, respond_by=case.respond_by,
        received_on=office_date(case.received_at)))
    service_title = case.service_other
    if case.service_id is not None:
        service = uow.session.get(ServiceStandard, case.service_id)
        service_title = service.title if service is not None else ""
    late_note = ""
    if case.late and case.late_decision == "suggestion":
        late_note = translate("complaints", N_(
            "complaints", "Filed more than 30 days after the service was received: recorded as a suggestion."),
            RECEIPT_LANGUAGE)
    elif case.kind == "suggestion":
        late_note = translate("complaints", N_(
            "complaints", "Recorded as a suggestion: a complaint needs the reporter's identity and its substance."),
            RECEIPT_LANGUAGE)
    progress = tuple((c.name, c.contact) for c in list_channels(uow) if c.on_receipt and c.contact)
    office = receipt_settings(uow)
    return ComplaintReceipt(
        office_name=office.office_name,
        office_address=office.office_address,
        case_id=case.id,
        case_number=case.case_number,
        kind=case.kind,
        received_at=case.received_at,
        channel_name=channel_names(uow).get(case.channel, case.channel),
        anonymous=case.anonymous,
        reporter_name=case.reporter_name,
        nik_masked=mask_nik(case.reporter_nik) if case.reporter_nik else "",
        service_title=service_title,
        service_received_on=case.service_received_on,
        substance=case.substance,
        lapor_id=case.lapor_id,
        lapor_direction=case.lapor_direction,
        respond_by=case.respond_by,
        progress_channels=progress,
        officer=_receiving_officer(uow, case),
        qr_data=verification_url(office.verify_base_url, token),
        copy=(case.receipt_prints or 0) > 0 if copy is None else copy,
        late_note=late_note,
        letterhead=office.letterhead,
    )


def _receiving_officer(uow: UnitOfWork, case) -> str:
    """The full name of the officer who recorded the case (who signs the receipt), else of who prints it."""
    recorded = case.steps[0] if case.steps else None
    user_id = recorded.actor_id if recorded is not None else None
    if user_id is None and uow.actor is not None:
        user_id = uow.actor.user_id
    user = uow.session.get(StaffUser, user_id) if user_id is not None else None
    if user is not None and user.full_name:
        return user.full_name
    if recorded is not None and recorded.actor_username:
        return recorded.actor_username
    return uow.actor.username if uow.actor is not None else "system"


@dataclass(frozen=True)
class IssuedReceipt:
    """A receipt printed for a case: its data and the PDF copies kept in the data folder."""

    receipt: ComplaintReceipt
    paths: dict[str, Path]  # paper -> kept PDF

    @property
    def copy(self) -> bool:
        return self.receipt.copy


def issue_receipt(uow: UnitOfWork, *, case_id: uuid.UUID, data_dir: Path | str, signer=None,
                  papers: tuple[str, ...] = PAPERS) -> IssuedReceipt:
    """Count a print of the case's receipt (the second one on is a SALINAN) and keep its PDFs. The caller commits."""
    before = mark_receipt_printed(uow, case_id=case_id)
    receipt = build_receipt(uow, case_id=case_id, data_dir=data_dir, signer=signer, copy=before > 0)
    paths = {}
    for paper in papers:
        paths[paper] = keep_copy(data_dir, receipt, render_receipt_pdf(receipt, paper=paper), paper=paper,
                                 number=before + 1)
    return IssuedReceipt(receipt, paths)


def receipts_dir(data_dir: Path | str) -> Path:
    return Path(data_dir) / RECEIPTS_DIRNAME / "complaints"


def keep_copy(data_dir: Path | str, receipt: ComplaintReceipt, pdf: bytes, *, paper: str, number: int = 1) -> Path:
    """Write the PDF under receipts/complaints/ (atomically); the n-th print is ``..._salinan-n``."""
    folder = receipts_dir(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    stem = re.sub(r"[^A-Za-z0-9-]+", "-", receipt.case_number).strip("-")
    suffix = f"_salinan-{number}" if receipt.copy else ""
    path = folder / f"{stem}_{paper}{suffix}.pdf"
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    tmp.write_bytes(pdf)
    tmp.replace(path)
    return path


def verify_receipt(uow: UnitOfWork, text_or_url: str, *, data_dir: Path | str | None = None, signer=None, public_keys=None):
    """Check a scanned complaint receipt QR by the one rule of :func:`mpp_desk.signing.check_record`:
    the office's address, a genuine signature, a complaint receipt (kind "adu"), a case on record here,
    and the signed fields equal to the case's. Returns the signing module's VerifyResult."""
    def lookup(kind: str, ref_id: str):
        case = uow.session.get(ComplaintCase, expand_uuid(ref_id))
        if case is None or case.deleted_at is not None:
            return None
        return RECEIPT_KIND, token_fields(case_number=case.case_number, kind=case.kind, respond_by=case.respond_by,
                                          received_on=office_date(case.received_at))

    return verify_in_office(uow, text_or_url, data_dir=data_dir, kinds=(RECEIPT_KIND,), lookup=lookup,
                            signer=signer, public_keys=public_keys)
