"""What an intake receipt says: the Tanda Terima of a complete file and the return slip of an incomplete one.

:class:`ReceiptView` holds the values and words every renderer prints (PDF at A4 or 80 mm,
ESC/POS), laid out by :mod:`mpp_desk.intake.receipt_layout`; issuing, keeping and verifying
receipts is :mod:`mpp_desk.intake.receipts`.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from mpp_desk.i18n import N_, translate
from mpp_desk.identifiers import mask_nik
from mpp_desk.intake.rules import (
    CONDITION_STATE_LABELS,
    GENERAL,
    INVALID,
    MISSING,
    PRESENT_VALID,
    SPECIAL,
    STATE_LABELS,
    delivered_electronically,
)
from mpp_desk.models import IntakeReceipt, IntakeVisit
from mpp_desk.officetime import local, pukul
from mpp_desk.printing.letterhead import Letterhead
from mpp_desk.textformat import format_date_id

TANDA_TERIMA = IntakeReceipt.TANDA_TERIMA
RETURN_SLIP = IntakeReceipt.RETURN_SLIP
SIZES = ("A4", "80mm")
RECEIPT_LANGUAGE = "id"  # the applicant reads Bahasa Indonesia whatever the counter screen shows
TOKEN_KINDS = {TANDA_TERIMA: "tt", RETURN_SLIP: "rs"}
SHORT_CONTACT = 48  # longer contacts (addresses) print on A4 only
KIND_OF_TOKEN = {v: k for k, v in TOKEN_KINDS.items()}


@dataclass(frozen=True)
class ReceiptItem:
    position: int
    text: str
    state: str | None
    note: str
    group: str = GENERAL  # general (A. Persyaratan Umum) | special (B. Persyaratan Khusus)
    condition: bool = False  # a condition to meet ("Skala usaha kecil"), not a paper to bring: "Terpenuhi"


GROUP_HEADINGS = {GENERAL: N_("receipts", "A. General requirements"), SPECIAL: N_("receipts", "B. Special requirements")}


@dataclass(frozen=True)
class ReceiptView:
    """Everything printed on one receipt."""

    kind: str  # tanda_terima | return_slip
    receipt_id: uuid.UUID
    copy_number: int
    letterhead: Letterhead
    registration_number: str | None
    visit_ref: str
    service_title: str
    product_type: str
    kbli: str
    risk_level: str
    output: str
    fee: str
    completion_working_days: int
    applicant_kind: str
    applicant_name: str
    nik_masked: str
    business_name: str
    nib: str
    items: tuple[ReceiptItem, ...]
    received_at: dt.datetime  # aware; for a return slip, when the visit ended
    due_date: dt.date | None
    officer_name: str
    counter_number: int | None
    complaint_channels: tuple[tuple[str, str], ...]  # (name, contact): the office's list, those marked for receipts
    qr_data: str
    issued_at: dt.datetime
    language: str = RECEIPT_LANGUAGE
    due_estimated: bool = False  # the due date's year has no confirmed cuti bersama yet: it may move

    @property
    def office_name(self) -> str:
        return self.letterhead.office_name

    @property
    def business(self) -> bool:
        return self.applicant_kind == IntakeVisit.BUSINESS and bool(self.business_name)

    @property
    def copy(self) -> bool:
        return self.copy_number > 1

    def say(self, text: str, **params: object) -> str:
        return translate("receipts", text, self.language).format(**params)

    # -- the words, shared by every renderer

    def title(self) -> str:
        if self.kind == TANDA_TERIMA:
            return self.say(N_("receipts", "RECEIPT OF APPLICATION FILE"))
        return self.say(N_("receipts", "FILE NOT YET COMPLETE"))

    def subtitle(self) -> str:
        if self.kind == TANDA_TERIMA:
            return self.say(N_("receipts", "The application file was received complete and correct."))
        return self.say(N_("receipts", "Return slip: the file was not registered."))

    def copy_mark(self) -> str:
        return self.say(N_("receipts", "COPY"))

    def number_label(self) -> str:
        if self.kind == TANDA_TERIMA:
            return self.say(N_("receipts", "Registration number"))
        return self.say(N_("receipts", "Visit reference"))

    def number(self) -> str:
        return self.registration_number if self.kind == TANDA_TERIMA and self.registration_number else self.visit_ref

    def service_lines(self) -> list[str]:
        return [
            self.say(N_("receipts", "{product} · Risk {risk}"), product=self.product_type, risk=self.risk_level),
            f"KBLI {self.kbli} · {self.service_title}",
        ]

    def received_line(self) -> str:
        moment = local(self.received_at)
        return f"{format_date_id(moment.date())} {pukul(moment)}"

    def officer_line(self) -> str:
        if self.counter_number:
            return self.say(N_("receipts", "{name} (counter {number})"), name=self.officer_name,
                            number=self.counter_number)
        return self.officer_name

    def due_line(self) -> str:
        if not self.due_date:
            return ""
        if self.due_estimated:
            return self.say(N_("receipts", "{date} (estimate)"), date=format_date_id(self.due_date))
        return format_date_id(self.due_date)

    def due_note(self) -> str:
        note = self.say(N_("receipts", "{days} working days after the complete file was received"),
                        days=self.completion_working_days)
        if self.due_estimated and self.due_date:
            note += ". " + self.say(N_("receipts", "The date may move: the cuti bersama of {year} are not decreed "
                                                   "yet."), year=self.due_date.year)
        return note

    def fields(self, *, compact: bool = False) -> list[tuple[str, list[str]]]:
        """(label, value lines) in print order, the NIK and the NIB beside the name they belong to;
        *compact* (80 mm): the product left to :meth:`advice` when it comes through OSS."""
        rows: list[tuple[str, list[str]]] = [(self.say(N_("receipts", "Service")), self.service_lines())]
        if self.kind == TANDA_TERIMA:
            if self.output and not (compact and delivered_electronically(self.output)):
                rows.append((self.say(N_("receipts", "Service product")), [self.output]))
            rows.append((self.say(N_("receipts", "Fee")), [self.fee or "-"]))
        nik = self._numbered(self.applicant_name, self.say(N_("receipts", "NIK")), self.nik_masked)
        if self.business:
            # The applicant is the business; the person at the counter answers for it.
            rows.append((self.say(N_("receipts", "Applicant")),
                         [self._numbered(self.business_name, self.say(N_("receipts", "NIB")), self.nib)]))
            rows.append((self.say(N_("receipts", "Person in charge/Proxy")), [nik]))
        else:
            rows.append((self.say(N_("receipts", "Applicant")), [nik]))
            if self.nib:
                rows.append((self.say(N_("receipts", "NIB")), [self.nib]))
        label = N_("receipts", "Received") if self.kind == TANDA_TERIMA else N_("receipts", "Visit date")
        rows.append((self.say(label), [self.received_line()]))
        rows.append((self.say(N_("receipts", "Officer")), [self.officer_line()]))
        return rows

    @staticmethod
    def _numbered(name: str, label: str, number: str) -> str:
        """"Budi Santoso (NIK 3214********0001)"."""
        return f"{name} ({label} {number})" if number else name

    def due_label(self) -> str:
        return self.say(N_("receipts", "To be finished by"))

    def missing_label(self) -> str:
        return self.say(N_("receipts", "Missing or not valid"))

    def missing_count_line(self) -> str:
        return self.say(N_("receipts", "{count} requirement(s)"), count=len(self.listed_items()))

    def not_registered_note(self) -> str:
        return self.say(N_("receipts", "The file is not registered yet; the completion time has not started."))

    def checklist_title(self) -> str:
        if self.kind == TANDA_TERIMA:
            return self.say(N_("receipts", "Requirements checked: all met"))
        return self.say(N_("receipts", "Requirements to complete"))

    def grouped_items(self) -> list[tuple[str, list[tuple[int, ReceiptItem]]]]:
        """The listed items under the standard's headings (A. general, B. special), each numbered within its
        group as the standard numbers them; one heading-less group when the standard has no special ones."""
        numbers: dict[str, int] = {}
        numbered: dict[str, list[tuple[int, ReceiptItem]]] = {}
        listed = set(id(i) for i in self.listed_items())
        for item in sorted(self.items, key=lambda i: (i.group != GENERAL, i.position)):
            numbers[item.group] = numbers.get(item.group, 0) + 1
            if id(item) in listed:
                numbered.setdefault(item.group, []).append((numbers[item.group], item))
        if set(numbers) <= {GENERAL}:
            return [("", numbered.get(GENERAL, []))] if numbered else []
        return [(self.say(GROUP_HEADINGS.get(group, GROUP_HEADINGS[SPECIAL])), rows)
                for group, rows in numbered.items()]

    def listed_items(self) -> tuple[ReceiptItem, ...]:
        """The Tanda Terima lists the whole checklist; the return slip only what is missing or not valid."""
        if self.kind == TANDA_TERIMA:
            return self.items
        return tuple(i for i in self.items if i.state in (MISSING, INVALID))

    def others_line(self) -> str | None:
        if self.kind == TANDA_TERIMA:
            return None
        fine = sum(1 for i in self.items if i.state == PRESENT_VALID)
        if not fine:
            return None
        return self.say(N_("receipts", "{count} other requirement(s) were present and valid."), count=fine)

    def state_text(self, state: str | None, condition: bool = False) -> str:
        labels = CONDITION_STATE_LABELS if condition else STATE_LABELS
        return translate("intake", labels[state], self.language) if state in labels else "-"

    def note_text(self, note: str) -> str:
        return self.say(N_("receipts", "Note: {note}"), note=note)

    def advice(self) -> str:
        """How the product reaches the applicant (the standard's product text), or what to do next."""
        if self.kind == TANDA_TERIMA and delivered_electronically(self.output):
            return self.say(N_("receipts", "{product}: issued electronically through OSS (oss.go.id), nothing to "
                                           "collect at the counter. Keep this receipt."), product=self.output)
        if self.kind == TANDA_TERIMA:
            return self.say(N_("receipts", "Keep this receipt and bring it when you collect the result."))
        return self.say(N_("receipts", "Complete the requirements above and come back with this slip. The completion "
                                       "time starts only when the file is complete and correct."))

    def qr_caption(self) -> str:
        if self.kind == TANDA_TERIMA:
            return self.say(N_("receipts", "Scan the QR code to check that this receipt is genuine."))
        return self.say(N_("receipts", "Show this QR code at the counter on your next visit."))

    def complaint_heading(self) -> str:
        return self.say(N_("receipts", "Complaints, suggestions and feedback"))

    def complaint_text(self, *, short: bool = False) -> str:
        """The office's channels, "name: contact; ..."; *short* (80 mm): an address is left to the A4 copy."""
        parts: dict[str, list[str]] = {}  # contact -> names: "SMS/WhatsApp: 0818..." once
        for name, contact in self.complaint_channels:
            shown = contact if contact and not (short and len(contact) > SHORT_CONTACT) else ""
            parts.setdefault(shown or name, []).append(name)
        return "; ".join(f"{'/'.join(names)}: {key}" if key not in names else key for key, names in parts.items())

    def signature_heads(self) -> tuple[tuple[str, str], tuple[str, str]]:
        """(heading, name) of who hands the file over (the applicant) and who receives it (the officer)."""
        return ((self.say(N_("receipts", "Handed over by")), self.applicant_name),
                (self.say(N_("receipts", "Received by")), self.officer_name))

    def footer(self) -> str:
        moment = local(self.issued_at)
        text = self.say(N_("receipts", "Printed {moment}"),
                        moment=f"{format_date_id(moment.date(), weekday=False)} {pukul(moment)}")
        if self.copy:
            text += " · " + self.say(N_("receipts", "Copy {number}"), number=self.copy_number)
        return text

    def page_label(self, page: int, pages: int) -> str:
        return self.say(N_("receipts", "Page {page} of {pages}"), page=page, pages=pages)


def signed_fields(kind: str, *, registration_number: str | None, nik: str, kbli: str, received: dt.date,
                  due: dt.date | None, copy_number: int) -> dict[str, Any]:
    """The key fields a receipt's token signs (short names keep the QR code small)."""
    fields: dict[str, Any] = {"k": mask_nik(nik), "s": kbli, "r": received.isoformat(), "c": copy_number}
    if kind == TANDA_TERIMA:
        fields["n"] = registration_number
        fields["d"] = due.isoformat() if due is not None else None
    return fields

