"""Checking the numbers people give at the counter: NIK, NPWP, NIB, KBLI and phone numbers.

Each ``validate_*`` function takes what was typed (separators allowed where people write them)
and returns the clean value, or raises :class:`~mpp_desk.errors.ValidationError` with ``field``
set and a translatable message; it never raises anything else for any text. NIK and NPWP checks
build on ``python-stdnum`` (``stdnum.id.nik``, ``stdnum.id.npwp``), with our own messages layered
on top, because stdnum only says *that* a number failed, and rejects an unknown region code
outright where the office wants only a warning (the region list in stdnum predates recent new
provinces and regencies).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import re
from dataclasses import dataclass

from stdnum import luhn, numdb
from stdnum.exceptions import ValidationError as StdnumError

from mpp_desk import officetime
from mpp_desk.errors import ValidationError
from mpp_desk.i18n import N_, translate

PURWAKARTA_REGENCY_CODE = "3214"  # 32 = Jawa Barat, 14 = Kabupaten Purwakarta

_SEPARATORS = re.compile(r"[\s.\-]+")  # spaces (any kind), dots and dashes between digit groups
_DIGITS = re.compile(r"[0-9]+")  # ASCII only: str.isdigit() would pass "²" or Arabic-Indic digits


@dataclass(frozen=True)
class IdentifierWarning:
    """Something worth a second look that does not make the number invalid."""

    message: str
    field: str
    params: dict[str, object] = dataclasses.field(default_factory=dict)
    context: str = "identifiers"

    def text(self, language: str | None = None) -> str:
        """The warning in the user's language, with its parameters filled in."""
        return translate(self.context, self.message, language).format(**self.params)

    def __str__(self) -> str:
        return self.message.format(**self.params)


class Sex(enum.StrEnum):
    """Sex as the NIK encodes it (40 added to the birth day for women)."""

    MALE = "male"
    FEMALE = "female"

    @property
    def label(self) -> str:
        """The English label, marked for translation in the "identifiers" context."""
        return N_("identifiers", "male") if self is Sex.MALE else N_("identifiers", "female")


@dataclass(frozen=True)
class NikInfo:
    """A checked NIK and what it encodes."""

    value: str  # 16 digits
    province_code: str  # "32"
    regency_code: str  # "3214" (province + regency), as in "32.14"
    district_code: str  # "321401" (kecamatan at issuance)
    birth_date: dt.date
    sex: Sex
    province_name: str | None = None  # "Jawa Barat", when the code is known
    regency_name: str | None = None  # "PURWAKARTA", when the code is known
    warnings: list[IdentifierWarning] = dataclasses.field(default_factory=list)

    @property
    def masked(self) -> str:
        return mask_nik(self.value)


@dataclass(frozen=True)
class NpwpInfo:
    """A checked NPWP in its stored and printed forms."""

    value: str  # compact, as given: 15 digits (old form) or 16 digits
    formatted: str  # "01.312.166.0-091.000" for the old form; the 16 digits as they are otherwise
    npwp16: str  # the 16-digit form used since 2024 ("0" + the old number, or the NIK)
    nik: NikInfo | None = None  # set when the NPWP is a NIK
    warnings: list[IdentifierWarning] = dataclasses.field(default_factory=list)


# --- shared steps ------------------------------------------------------------------------------


def _digits_only(text: str | None, *, field: str, empty: str, not_digits: str, separators: bool = True) -> str:
    """The digits of *text* with separators removed; ValidationError if empty or anything else remains."""
    if text is None or not isinstance(text, str):
        text = ""
    value = _SEPARATORS.sub("", text) if separators else text.strip()
    if not value:
        raise ValidationError(empty, field=field)
    if not _DIGITS.fullmatch(value):
        raise ValidationError(not_digits, field=field)
    return value


# --- NIK --------------------------------------------------------------------------------------


def validate_nik(text: str | None, *, today: dt.date | None = None, field: str = "nik") -> NikInfo:
    """Check a NIK (16 digits; spaces, dots and dashes allowed) and decode it.

    Rejects a wrong length, non-digits or an impossible birth date; an unknown province or regency
    code only adds a warning. The two-digit birth year is read as the most recent year that is
    not after *today* (default: the current date).
    """
    value = _digits_only(
        text,
        field=field,
        empty=N_("errors", "Enter the NIK."),
        not_digits=N_("errors", "The NIK may contain only digits (spaces and dots may separate them)."),
    )
    if len(value) != 16:
        raise ValidationError(
            N_("errors", "The NIK must have 16 digits; this one has {count}."), field=field, count=len(value)
        )
    birth_date, sex = _nik_birth(value, today or officetime.today(), field=field)
    if value[12:] == "0000":
        # The serial numbers people born on one day in one kecamatan from 0001.
        raise ValidationError(N_("errors", "The serial number in the NIK (the last 4 digits) cannot be 0000."),
                              field=field)
    province_name, regency_name, warnings = _nik_region(value, field=field)
    warnings += _nik_district(value, field=field)
    return NikInfo(
        value=value,
        province_code=value[:2],
        regency_code=value[:4],
        district_code=value[:6],
        birth_date=birth_date,
        sex=sex,
        province_name=province_name,
        regency_name=regency_name,
        warnings=warnings,
    )


def _nik_birth(value: str, today: dt.date, *, field: str) -> tuple[dt.date, Sex]:
    # stdnum's get_birth_date takes day % 40 (so 81-99 pass as 1-19) and prefers the 1900s;
    # here the day must be 1-31 (men) or 41-71 (women) and the century is the latest possible.
    day, month, yy = int(value[6:8]), int(value[8:10]), int(value[10:12])
    sex = Sex.FEMALE if day > 40 else Sex.MALE
    if sex is Sex.FEMALE:
        day -= 40
    year = 2000 + yy if 2000 + yy <= today.year else 1900 + yy
    try:
        birth = dt.date(year, month, day)
        if birth > today:
            birth = dt.date(year - 100, month, day)
    except ValueError:
        raise ValidationError(
            N_("errors", "The birth date in the NIK (digits 7 to 12: {digits}) is not a valid date."),
            field=field,
            digits=value[6:12],
        ) from None
    return birth, sex


def _nik_region(value: str, *, field: str) -> tuple[str | None, str | None, list[IdentifierWarning]]:
    # stdnum.id.nik rejects an unknown province (and never looks at the regency); we only warn.
    try:
        parts = numdb.get("id/loc").info(value[:4])
    except Exception:  # noqa: BLE001 - a broken data file must not stop the counter
        parts = []
    province = parts[0][1] if len(parts) >= 1 and len(parts[0][0]) == 2 else {}
    regency = parts[1][1] if len(parts) >= 2 else {}
    province_name = province.get("name_id")
    regency_name = regency.get("name_id")
    warnings: list[IdentifierWarning] = []
    if not province_name:
        warnings.append(
            IdentifierWarning(
                N_(
                    "identifiers",
                    "Province code {code} is not in the list of known provinces; compare the NIK with the KTP.",
                ),
                field=field,
                params={"code": value[:2]},
            )
        )
    elif not regency_name:
        warnings.append(
            IdentifierWarning(
                N_(
                    "identifiers",
                    "Regency code {code} is not in the list of known regencies and cities; compare the NIK with the KTP.",
                ),
                field=field,
                params={"code": f"{value[:2]}.{value[2:4]}"},
            )
        )
    return province_name, regency_name, warnings


PURWAKARTA_DISTRICTS = range(1, 18)  # the 17 kecamatan of Kabupaten Purwakarta, 01 to 17


def _nik_district(value: str, *, field: str) -> list[IdentifierWarning]:
    """A kecamatan code 00 (none exists), or one Purwakarta does not have (01-17), is worth a look."""
    district = int(value[4:6])
    if district == 0 or (value[:4] == PURWAKARTA_REGENCY_CODE and district not in PURWAKARTA_DISTRICTS):
        return [IdentifierWarning(
            N_("identifiers", "Kecamatan code {code} does not exist in this regency; compare the NIK with the KTP."),
            field=field, params={"code": f"{value[:2]}.{value[2:4]}.{value[4:6]}"})]
    return []


def is_purwakarta(nik: NikInfo) -> bool:
    """True when the NIK was issued in Kabupaten Purwakarta (32.14)."""
    return nik.regency_code == PURWAKARTA_REGENCY_CODE


def mask_nik(nik: str | None) -> str:
    """The NIK for screens and print with only its first and last 4 digits visible: 3214********0001.

    Total for display: anything that is not a NIK is masked as well, never raises.
    """
    value = _SEPARATORS.sub("", nik) if isinstance(nik, str) else ""
    if len(value) <= 8:
        return "*" * len(value)
    return value[:4] + "*" * (len(value) - 8) + value[-4:]


# --- NPWP -------------------------------------------------------------------------------------


def validate_npwp(text: str | None, *, today: dt.date | None = None, field: str = "npwp") -> NpwpInfo:
    """Check an NPWP: the old 15 digits with a check digit, or 16 digits (a NIK, or 0 + the old number)."""
    value = _digits_only(
        text,
        field=field,
        empty=N_("errors", "Enter the NPWP."),
        not_digits=N_("errors", "The NPWP may contain only digits (spaces, dots and dashes may separate them)."),
    )
    if len(value) == 16 and not value.startswith("0"):
        nik = validate_nik(value, today=today, field=field)  # since 2024 a person's NPWP is the NIK
        return NpwpInfo(value=value, formatted=value, npwp16=value, nik=nik, warnings=list(nik.warnings))
    if len(value) not in (15, 16):
        raise ValidationError(
            N_("errors", "The NPWP must have 15 digits (old form) or 16 digits; this one has {count}."),
            field=field,
            count=len(value),
        )
    old = value if len(value) == 15 else value[1:]
    try:
        luhn.validate(old[:9])  # as stdnum.id.npwp: the 9th digit checks the first 8
    except StdnumError:
        raise ValidationError(
            N_("errors", "The NPWP check digit does not match; look for a typing error."), field=field
        ) from None
    formatted = f"{old[:2]}.{old[2:5]}.{old[5:8]}.{old[8]}-{old[9:12]}.{old[12:]}"
    return NpwpInfo(value=value, formatted=formatted if len(value) == 15 else value, npwp16="0" + old)


# --- NIB and KBLI -----------------------------------------------------------------------------


def validate_nib(text: str | None, *, field: str = "nib") -> str:
    """Check an NIB (Nomor Induk Berusaha from OSS): 13 digits; there is no public checksum."""
    value = _digits_only(
        text,
        field=field,
        empty=N_("errors", "Enter the NIB."),
        not_digits=N_("errors", "The NIB may contain only digits."),
    )
    if len(value) != 13:
        raise ValidationError(
            N_("errors", "The NIB must have 13 digits; this one has {count}."), field=field, count=len(value)
        )
    return value


def validate_kbli(text: str | None, *, field: str = "kbli") -> str:
    """Check a KBLI code (Indonesian business classification): 5 digits, e.g. 62021."""
    value = _digits_only(
        text,
        field=field,
        empty=N_("errors", "Enter the KBLI code."),
        not_digits=N_("errors", "The KBLI code may contain only digits, e.g. 62021."),
        separators=False,
    )
    if len(value) != 5:
        raise ValidationError(
            N_("errors", "The KBLI code must have 5 digits, e.g. 62021; this one has {count}."),
            field=field,
            count=len(value),
        )
    return value


# --- phone numbers ----------------------------------------------------------------------------
#
# The rules, after the Indonesian numbering plan as libphonenumber describes it (country code 62,
# trunk prefix 0). The national significant number (NSN, what follows +62 or the leading 0) is
#   - mobile: 8, then 1-3 or 5-9, 9 to 12 digits in all (0812 3456 7890 -> +6281234567890);
#   - landline: area code starting 2-7 or 9, then the subscriber, 7 to 11 digits in all
#     ((0264) 8224794 -> +622648224794).
# Accepted ways of writing it: 0..., +62..., 62..., 0062..., and a mobile number without its 0
# (812...). A stray 0 after the country code (+62 0812...) is dropped. Short codes (1xx),
# toll-free (0800, 177) and premium (0809) numbers cannot reach a person and are refused.

_PHONE_CHARS = re.compile(r"\+?[0-9\s.\-()/]*")
_MOBILE = re.compile(r"8[1-35-9][0-9]*")
_LANDLINE = re.compile(r"[2-79][0-9]*")


def normalize_phone(text: str | None, *, field: str = "phone") -> str:
    """An Indonesian mobile or landline number in E.164 form, e.g. "+6281234567890"."""
    raw = text.strip() if isinstance(text, str) else ""
    if not raw:
        raise ValidationError(N_("errors", "Enter a phone number."), field=field)
    if not _PHONE_CHARS.fullmatch(raw):
        raise ValidationError(
            N_("errors", "A phone number may contain only digits, spaces, dashes, dots, brackets and a leading +."),
            field=field,
        )
    digits = re.sub(r"[^0-9]", "", raw)
    if not digits:
        raise ValidationError(N_("errors", "Enter a phone number."), field=field)
    nsn = _national_number(raw.startswith("+"), digits, field=field)
    if nsn.startswith("0"):  # "+62 0812...": the trunk 0 written after the country code
        nsn = nsn[1:]
    if _MOBILE.match(nsn):
        if len(nsn) < 9:
            raise ValidationError(
                N_(
                    "errors",
                    "The mobile number is too short: it has {count} digits, a mobile number has 10 to 13 (starting 08).",
                ),
                field=field,
                count=len(nsn) + 1,
            )
        if len(nsn) > 12:
            raise ValidationError(
                N_(
                    "errors",
                    "The mobile number is too long: it has {count} digits, a mobile number has 10 to 13 (starting 08).",
                ),
                field=field,
                count=len(nsn) + 1,
            )
    elif _LANDLINE.match(nsn):
        if len(nsn) < 7:
            raise ValidationError(
                N_(
                    "errors",
                    "The phone number is too short: with its area code (e.g. 0264) it should have 8 to 12 digits; it has {count}.",
                ),
                field=field,
                count=len(nsn) + 1,
            )
        if len(nsn) > 11:
            raise ValidationError(
                N_(
                    "errors",
                    "The phone number is too long: with its area code (e.g. 0264) it should have 8 to 12 digits; it has {count}.",
                ),
                field=field,
                count=len(nsn) + 1,
            )
    else:
        raise ValidationError(N_("errors", "This is not an Indonesian mobile or landline number."), field=field)
    return "+62" + nsn


def _national_number(plus: bool, digits: str, *, field: str) -> str:
    """The digits after the country code or trunk prefix."""
    if plus or digits.startswith("00"):
        international = digits if plus else digits[2:]
        if not international.startswith("62"):
            raise ValidationError(N_("errors", "Only Indonesian phone numbers (+62) are accepted."), field=field)
        return international[2:]
    if digits.startswith("62"):
        return digits[2:]
    if digits.startswith("0"):
        return digits[1:]
    if _MOBILE.match(digits) and 9 <= len(digits) <= 12:
        return digits  # a mobile number written without its leading 0
    raise ValidationError(
        N_("errors", "Write the number with its area code or mobile prefix, e.g. (0264) 8224794 or 0812 3456 7890."),
        field=field,
    )
