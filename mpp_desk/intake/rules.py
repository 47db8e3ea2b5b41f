"""Pure intake rules: the applicant's data, the checklist states, the status machine, name keys,
and the complaint channels of a service standard. No database here.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from mpp_desk.errors import UserError, ValidationError
from mpp_desk.i18n import N_, translate
from mpp_desk.identifiers import (
    IdentifierWarning,
    mask_nik,
    normalize_phone,
    validate_kbli,
    validate_nib,
    validate_nik,
    validate_npwp,
)
from mpp_desk.limits import TEXT_LIMITS
from mpp_desk.textformat import safe_text

PERSON = "person"
BUSINESS = "business"
APPLICANT_KINDS = (PERSON, BUSINESS)

PRESENT_VALID = "present_valid"
MISSING = "missing"
INVALID = "invalid"
STATES = (PRESENT_VALID, MISSING, INVALID)

RECEIVED = "received"
IN_PROCESS = "in_process"
FINISHED = "finished"
REJECTED = "rejected"
HANDED_OVER = "handed_over"
STATUSES = (RECEIVED, IN_PROCESS, FINISHED, REJECTED, HANDED_OVER)
OPEN_STATUSES = (RECEIVED, IN_PROCESS)
INCOMPLETE = "incomplete"  # not a status: a visit that ended with a return slip

# received → in process → finished or rejected → handed over; nothing else.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    RECEIVED: (IN_PROCESS,),
    IN_PROCESS: (FINISHED, REJECTED),
    FINISHED: (HANDED_OVER,),
    REJECTED: (HANDED_OVER,),
    HANDED_OVER: (),
}

STATUS_LABELS = {
    RECEIVED: N_("intake", "Received"),
    IN_PROCESS: N_("intake", "In process"),
    FINISHED: N_("intake", "Finished"),
    REJECTED: N_("intake", "Rejected"),
    HANDED_OVER: N_("intake", "Handed over"),
    INCOMPLETE: N_("intake", "Incomplete (returned)"),
}
STATE_LABELS = {
    PRESENT_VALID: N_("intake", "Present and valid"),
    MISSING: N_("intake", "Missing"),
    INVALID: N_("intake", "Not valid"),
}
# A requirement that is a condition ("Skala usaha kecil atau menengah") is met or not, not brought.
CONDITION_STATE_LABELS = {
    PRESENT_VALID: N_("intake", "Met"),
    MISSING: N_("intake", "Not met"),
    INVALID: N_("intake", "Not valid"),
}
GENERAL = "general"  # A. Persyaratan Umum (catalogue Requirement.kind)
SPECIAL = "special"  # B. Persyaratan Khusus

# The first word of a requirement that names a paper to bring; any other requirement is a condition.
_DOCUMENT_WORDS = frozenset("""
    akta asli berita bukti dokumen denah daftar fotokopi foto formulir gambar izin kartu kk ktp laporan nib npwp
    pas peta rekomendasi salinan scan sertifikat sk skck surat pindaian rekening rencana kontrak perjanjian
""".split())
_ELECTRONIC = re.compile(r"elektronik|\bOSS\b|daring|online", re.IGNORECASE)


def is_condition(text: str | None) -> bool:
    """A requirement that is a condition to meet (a scale, an account, a location, ...), not a paper.

    "Skala usaha kecil atau menengah", "Memiliki akun ..." are conditions; "Fotokopi KTP", "Surat
    kuasa ..." are papers (their first word names a document).
    """
    words = re.findall(r"[A-Za-z]+", text or "")
    return bool(words) and words[0].lower() not in _DOCUMENT_WORDS


def delivered_electronically(output: str | None) -> bool:
    """The standard's product text says the product is issued electronically (through OSS): nothing to collect."""
    return bool(_ELECTRONIC.search(output or ""))

MAX_NAME = TEXT_LIMITS["person_name"]  # the limits of mpp_desk.limits: longer is refused, never cut
MAX_BUSINESS_NAME = TEXT_LIMITS["intake_business_name"]
MAX_ADDRESS = TEXT_LIMITS["intake_address"]
MAX_NOTE = TEXT_LIMITS["intake_note"]
MAX_REASON = TEXT_LIMITS["intake_reason"]


class ApplicantInvalid(ValidationError):
    """One or more fields of the applicant form are wrong; ``errors`` has one ValidationError per field."""

    def __init__(self, errors: Sequence[ValidationError]) -> None:
        first = errors[0]
        super().__init__(first.message, field=first.field, **first.params)
        self.errors = list(errors)


class ChecklistNotReady(UserError):
    """The checklist does not allow what was asked (register with a gap, return with nothing missing)."""


class InvalidStatusChange(UserError):
    """The application cannot move from its status to the one asked; the statuses are named in the user's language."""

    def __init__(self, current: str, target: str) -> None:
        super().__init__(N_("errors", "A file that is “{current}” cannot become “{target}”."),
                         current=STATUS_LABELS[current], target=STATUS_LABELS[target])
        self.current = current
        self.target = target

    def text(self, language: str | None = None) -> str:
        return translate(self.context, self.message, language).format(
            current=translate("intake", STATUS_LABELS[self.current], language),
            target=translate("intake", STATUS_LABELS[self.target], language),
        )


@dataclass(frozen=True)
class ApplicantInput:
    """What the officer typed about the applicant; :func:`check_applicant` cleans and checks it.

    A business applicant also names the person who brings the file (NIK, name, phone).
    """

    kind: str = PERSON
    nik: str = ""
    full_name: str = ""
    phone: str = ""
    address: str = ""
    business_name: str = ""
    nib: str = ""
    npwp: str = ""
    business_kbli: str = ""


@dataclass(frozen=True)
class CheckedApplicant:
    """The applicant's data in stored form (NIK digits, phone E.164, names with single spaces)."""

    kind: str
    nik: str
    full_name: str
    phone: str
    address: str
    business_name: str = ""
    nib: str = ""
    npwp: str = ""
    business_kbli: str = ""
    warnings: tuple[IdentifierWarning, ...] = field(default=(), compare=False)

    @property
    def nik_masked(self) -> str:
        return mask_nik(self.nik)


def clean_text(text: str | None) -> str:
    """Whitespace collapsed to single spaces, trimmed; control and bidi characters removed (safe_text)."""
    return safe_text(text)


def check_applicant(data: ApplicantInput, *, today: dt.date | None = None) -> CheckedApplicant:
    """Check every field and return the stored form; ApplicantInvalid lists every wrong field at once."""
    errors: list[ValidationError] = []
    warnings: list[IdentifierWarning] = []

    def attempt(fn, *args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except ValidationError as error:
            errors.append(error)
            return None

    kind = data.kind if data.kind in APPLICANT_KINDS else None
    if kind is None:
        errors.append(ValidationError(N_("errors", "Choose whether the applicant is a person or a business."),
                                      field="kind"))
    nik = attempt(validate_nik, data.nik, today=today, field="nik")
    if nik is not None:
        warnings.extend(nik.warnings)
    full_name = attempt(_person_name, data.full_name)
    phone = attempt(normalize_phone, data.phone, field="phone")
    address = clean_text(data.address)
    if len(address) > MAX_ADDRESS:
        errors.append(ValidationError(N_("errors", "The address is too long (at most {maximum} characters)."),
                                      field="address", maximum=MAX_ADDRESS))
    business_name = nib = npwp = business_kbli = ""
    if kind == BUSINESS:
        business_name = attempt(_business_name, data.business_name) or ""
        nib = attempt(validate_nib, data.nib, field="nib") or ""
        if clean_text(data.npwp):
            checked = attempt(validate_npwp, data.npwp, today=today, field="npwp")
            npwp = checked.value if checked is not None else ""
        business_kbli = attempt(validate_kbli, clean_text(data.business_kbli), field="business_kbli") or ""
    if errors:
        raise ApplicantInvalid(errors)
    assert nik is not None and full_name is not None and phone is not None  # a failed attempt is in errors
    return CheckedApplicant(
        kind=kind or PERSON,
        nik=nik.value,
        full_name=full_name,
        phone=phone,
        address=address,
        business_name=business_name,
        nib=nib,
        npwp=npwp,
        business_kbli=business_kbli,
        warnings=tuple(warnings),
    )


def _person_name(text: str | None) -> str:
    name = clean_text(text)
    if not name:
        raise ValidationError(N_("errors", "Enter the applicant's name as on the KTP."), field="full_name")
    if len(name) > MAX_NAME:
        raise ValidationError(N_("errors", "The name is too long (at most {maximum} characters)."),
                              field="full_name", maximum=MAX_NAME)
    if not any(ch.isalpha() for ch in name):
        raise ValidationError(N_("errors", "A name needs at least one letter."), field="full_name")
    return name


def _business_name(text: str | None) -> str:
    name = clean_text(text)
    if not name:
        raise ValidationError(N_("errors", "Enter the business name."), field="business_name")
    if len(name) > MAX_BUSINESS_NAME:
        raise ValidationError(N_("errors", "The business name is too long (at most {maximum} characters)."),
                              field="business_name", maximum=MAX_BUSINESS_NAME)
    return name


# --- names for prefix search -------------------------------------------------------------------

_NOT_WORD = re.compile(r"[^\w]+", re.UNICODE)


def name_key(text: str | None) -> str:
    """A name folded for prefix search: accents dropped, case folded, punctuation to spaces.

    "Ñoño Şükrü 李" -> "nono sukru 李"; "H. Ahmad-Syarif, S.E." -> "h ahmad syarif s e". Stored
    beside the name and compared by range (``key >= p AND key < p + U+10FFFF``) on its index.
    """
    decomposed = unicodedata.normalize("NFKD", text or "")
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    folded = stripped.casefold().replace("_", " ")
    return " ".join(_NOT_WORD.sub(" ", folded).split())


PREFIX_END = "\U0010ffff"  # sorts after every character SQLite can store in a key


# --- checklist ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ItemInput:
    """The officer's verdict on one checklist line (by its position)."""

    position: int
    state: str | None
    note: str = ""


def check_item(item: ItemInput) -> ItemInput:
    if item.state is not None and item.state not in STATES:
        raise ValidationError(N_("errors", "Unknown checklist state {state}."), field="state", state=item.state)
    note = clean_text(item.note)
    if len(note) > MAX_NOTE:
        raise ValidationError(N_("errors", "A note may have at most {maximum} characters."), field="note",
                              maximum=MAX_NOTE)
    return ItemInput(item.position, item.state, note)


def complete_problems(states: Sequence[str | None]) -> tuple[int, int]:
    """(unchecked, not present and valid) counts of a checklist."""
    unchecked = sum(1 for s in states if s is None)
    gaps = sum(1 for s in states if s in (MISSING, INVALID))
    return unchecked, gaps


# --- status machine -----------------------------------------------------------------------------


def check_transition(current: str, target: str, *, reason: str = "", handed_over_to: str = "") -> tuple[str, str]:
    """Refuse a change the machine does not allow; returns the cleaned (reason, handed_over_to)."""
    if target not in STATUSES:
        raise ValidationError(N_("errors", "Unknown status {status}."), field="status", status=target)
    if target not in TRANSITIONS.get(current, ()):
        raise InvalidStatusChange(current, target)
    reason = (reason or "").strip()
    handed_over_to = clean_text(handed_over_to)
    if target == REJECTED and not reason:
        raise ValidationError(N_("errors", "Give the reason for the rejection."), field="reason")
    if len(reason) > MAX_REASON:
        raise ValidationError(N_("errors", "The reason is too long (at most {maximum} characters)."),
                              field="reason", maximum=MAX_REASON)
    if target == HANDED_OVER and not handed_over_to:
        raise ValidationError(N_("errors", "Enter to whom the result was handed over."), field="handed_over_to")
    if len(handed_over_to) > MAX_NAME:
        raise ValidationError(N_("errors", "The name is too long (at most {maximum} characters)."),
                              field="handed_over_to", maximum=MAX_NAME)
    return reason, handed_over_to


# --- names ---------------------------------------------------------------------------------------


def mask_name(name: str | None) -> str:
    """A name for people who may not see personal data: first letter of each word, "S*** A*****"."""
    words = clean_text(name).split()
    return " ".join(word[0] + "*" * (len(word) - 1) for word in words)
