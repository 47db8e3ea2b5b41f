"""Is this intake receipt genuine? The verdict on a scanned or typed receipt code, naming the fields
that differ from the record (:func:`verify_receipt`)."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from mpp_desk.i18n import N_, translate
from mpp_desk.intake.receipt_view import KIND_OF_TOKEN, TOKEN_KINDS, signed_fields
from mpp_desk.models import Application, IntakeReceipt, IntakeVisit
from mpp_desk.officetime import local_date
from mpp_desk import signing

if TYPE_CHECKING:
    from mpp_desk.uow import UnitOfWork

FIELD_LABELS = {
    "n": N_("receipts", "registration number"),
    "k": N_("receipts", "NIK"),
    "s": N_("receipts", "KBLI"),
    "r": N_("receipts", "date received"),
    "d": N_("receipts", "due date"),
    "c": N_("receipts", "copy number"),
    "kind": N_("receipts", "kind of receipt"),
}


VALID = "valid"
NOT_A_RECEIPT = "not_a_receipt"
MISMATCH = "mismatch"

CHECK_MESSAGES = {
    VALID: N_("receipts", "The receipt is genuine."),
    "malformed": N_("receipts", "This is not an MPP Desk receipt, or the code is damaged."),
    "unknown_key": N_("receipts", "The receipt was signed by an installation this one does not know."),
    "bad_signature": N_("receipts", "The receipt is not genuine: it was altered or forged."),
    NOT_A_RECEIPT: N_("receipts", "This code is genuine but it is not an intake receipt."),
    MISMATCH: N_("receipts", "The receipt does not match the file on record."),
    "not_found": N_("receipts", "The receipt is not genuine here: this office has no record of it."),
    "wrong_address": N_("receipts", "The receipt is not genuine: its address is not this office's verification "
                                    "address."),
}


@dataclass(frozen=True)
class ReceiptCheck:
    """The answer to "is this receipt genuine?", and where it leads."""

    valid: bool
    reason: str  # a key of CHECK_MESSAGES
    kind: str | None = None  # tanda_terima | return_slip
    receipt_id: uuid.UUID | None = None
    visit_id: uuid.UUID | None = None
    application_id: uuid.UUID | None = None
    registration_number: str | None = None
    copy_number: int | None = None
    fields: dict[str, Any] = field(default_factory=dict)
    differing: tuple[str, ...] = ()  # token field names that differ from the record
    known: bool = False  # the receipt is in this database
    detail: str = ""  # what was found, for the reasons that name it (the wrong address)

    @property
    def message(self) -> str:
        return CHECK_MESSAGES[self.reason]

    def text(self, language: str | None = None) -> str:
        """The verdict in words, naming the fields that differ from the record."""
        out = translate("receipts", self.message, language)
        if self.detail:
            out += " " + self.detail
        if self.copy_number is not None and self.copy_number > 1 and self.reason in (VALID, MISMATCH):
            out += " " + translate("receipts", N_("receipts", "This code is of a COPY (print {copy}), not of the "
                                                              "original."), language).format(copy=self.copy_number)
        if self.differing:
            names = ", ".join(translate("receipts", FIELD_LABELS.get(f, f), language) for f in self.differing)
            out += " " + translate("receipts", N_("receipts", "Different from the record: {fields}."),
                                   language).format(fields=names)
        return out


def verify_receipt(
    uow: UnitOfWork,
    text_or_url: str,
    *,
    data_dir: Path | str | None = None,
    signer=None,
    public_keys: Mapping[str, Any] | None = None,
) -> ReceiptCheck:
    """Check a scanned or typed receipt code by the one rule of :func:`mpp_desk.signing.check_record`:
    the office's address, a genuine signature, an intake receipt's kind, a receipt on record here,
    and the signed fields equal to the record's (the differing ones are named).

    Needs no permission: it reveals nothing but the signed fields (NIK masked).
    """
    def lookup(kind: str, ref_id: str):
        row = uow.session.get(IntakeReceipt, signing.expand_uuid(ref_id))
        if row is None:
            return None
        return TOKEN_KINDS[row.kind], _expected_fields(uow, row)

    result = signing.verify_in_office(uow, text_or_url, data_dir=data_dir, kinds=tuple(KIND_OF_TOKEN),
                                      lookup=lookup, signer=signer, public_keys=public_keys)
    fields = dict(result.fields)
    copy = fields.get("c") if isinstance(fields.get("c"), int) else None
    row = None
    if result.reason in (signing.VALID, signing.MISMATCH, signing.BAD_SIGNATURE) and result.kind in KIND_OF_TOKEN:
        try:
            row = uow.session.get(IntakeReceipt, signing.expand_uuid(result.id or ""))
        except (ValueError, TypeError):
            row = None
    if row is None:
        reason = NOT_A_RECEIPT if result.reason == signing.WRONG_KIND else result.reason
        return ReceiptCheck(False, reason, KIND_OF_TOKEN.get(result.kind or ""),
                            registration_number=fields.get("n") if isinstance(fields.get("n"), str) else None,
                            copy_number=copy, fields=fields, detail=result.address or "")
    application = uow.session.scalar(select(Application).where(Application.visit_id == row.visit_id))
    return ReceiptCheck(
        valid=result.valid,
        reason=result.reason,
        kind=row.kind,
        receipt_id=row.id,
        visit_id=row.visit_id,
        application_id=application.id if application is not None else None,
        registration_number=application.registration_number if application is not None else None,
        copy_number=row.copy_number,
        fields=fields,
        differing=result.differing,
        known=True,
    )


def _expected_fields(uow: UnitOfWork, row: IntakeReceipt) -> dict[str, Any]:
    """The fields a receipt's token signs, as its record stands now."""
    visit = uow.session.get(IntakeVisit, row.visit_id)
    assert visit is not None, "a receipt's visit is a foreign key"
    application = uow.session.scalar(select(Application).where(Application.visit_id == row.visit_id))
    return signed_fields(
        row.kind,
        registration_number=application.registration_number if application is not None else None,
        nik=visit.nik,
        kbli=visit.service_kbli,
        received=application.received_date if application is not None else local_date(visit.finished_at
                                                                                       or row.issued_at),
        due=application.due_date if application is not None else None,
        copy_number=row.copy_number,
    )


# -- internals

