"""NIK, NPWP, NIB, KBLI and phone numbers: what the counter accepts, what it refuses and why."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mpp_desk.errors import ValidationError
from mpp_desk.identifiers import (
    NikInfo,
    Sex,
    is_purwakarta,
    mask_nik,
    normalize_phone,
    validate_kbli,
    validate_nib,
    validate_nik,
    validate_npwp,
)

TODAY = dt.date(2026, 11, 22)


def refused(func, text, **kwargs) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        func(text, **kwargs)
    return info.value


# --- NIK -------------------------------------------------------------------------------------------


def test_a_nik_with_serial_0000_is_refused():
    error = refused(validate_nik, "3214011708450000", today=TODAY)
    assert error.field == "nik" and "0000" in str(error)
    assert validate_nik("3214011708450001", today=TODAY).value.endswith("0001")


@pytest.mark.parametrize("nik", ["3214001708450001", "3214181708450001", "3273001708450001"])
def test_a_kecamatan_that_does_not_exist_is_a_warning(nik):
    info = validate_nik(nik, today=TODAY)
    assert [w.message for w in info.warnings] == [
        "Kecamatan code {code} does not exist in this regency; compare the NIK with the KTP."]
    assert info.warnings[0].params["code"] == f"{nik[:2]}.{nik[2:4]}.{nik[4:6]}"
    assert "Kode kecamatan" in info.warnings[0].text("id")


@pytest.mark.parametrize("district", ["01", "09", "17"])
def test_purwakarta_kecamatan_01_to_17_raise_no_warning(district):
    assert validate_nik(f"3214{district}1708450001", today=TODAY).warnings == []



def test_a_purwakarta_nik_is_decoded():
    nik = validate_nik("3214 0117 0845 0001", today=TODAY)
    assert isinstance(nik, NikInfo)
    assert nik.value == "3214011708450001"
    assert (nik.province_code, nik.regency_code, nik.district_code) == ("32", "3214", "321401")
    assert nik.province_name == "Jawa Barat" and nik.regency_name == "PURWAKARTA"
    assert nik.birth_date == dt.date(1945, 8, 17)
    assert nik.sex is Sex.MALE
    assert nik.warnings == []
    assert is_purwakarta(nik)
    assert nik.masked == "3214********0001"


def test_day_plus_forty_means_female():
    nik = validate_nik("3214.01.570845.0001", today=TODAY)
    assert nik.sex is Sex.FEMALE
    assert nik.birth_date == dt.date(1945, 8, 17)


def test_the_birth_year_is_the_latest_that_is_not_in_the_future():
    assert validate_nik("3214010101100001", today=TODAY).birth_date == dt.date(2010, 1, 1)
    assert validate_nik("3214010101260001", today=TODAY).birth_date == dt.date(2026, 1, 1)
    assert validate_nik("3214010112260001", today=TODAY).birth_date == dt.date(1926, 12, 1)  # not yet born in 2026
    assert validate_nik("3214012902000001", today=TODAY).birth_date == dt.date(2000, 2, 29)


@pytest.mark.parametrize(
    "text, needle",
    [
        ("", "Isi NIK"),
        ("   ", "Isi NIK"),
        ("3214O11708450001", "hanya boleh berisi angka"),  # letter O for zero
        ("321401170845000", "16 angka; yang diisi 15"),
        ("32140117084500012", "16 angka; yang diisi 17"),
        ("3214013208450001", "Tanggal lahir"),  # day 32
        ("3214018108450001", "Tanggal lahir"),  # day 81 (stdnum would read it as day 1)
        ("3214010013450001", "Tanggal lahir"),  # month 13
        ("3214010008450001", "Tanggal lahir"),  # day 00
        ("3214012902970001", "Tanggal lahir"),  # 29 Feb 1997
        ("3214011708450001\n0", "yang diisi 17"),  # a line break is only a separator
        ("3214_0117_0845_0001", "hanya boleh"),
    ],
)
def test_nik_refusals_say_why(text, needle):
    error = refused(validate_nik, text, today=TODAY)
    assert error.field == "nik"
    assert needle in error.text("id"), error.text("id")
    assert error.text("en") != error.text("id")


def test_unicode_digits_are_not_digits():
    assert refused(validate_nik, "３２１４０１１７０８４５０００１").field == "nik"
    assert refused(validate_nik, "٣٢١٤٠١١٧٠٨٤٥٠٠٠١").field == "nik"


def test_an_unknown_region_is_a_warning_not_a_refusal():
    nik = validate_nik("9914011708450001", today=TODAY)  # no province 99
    assert nik.province_name is None
    assert len(nik.warnings) == 1
    assert "Kode provinsi 99" in nik.warnings[0].text("id")
    assert nik.warnings[0].field == "nik"
    nik = validate_nik("3299011708450001", today=TODAY)  # Jawa Barat, no regency 99
    assert nik.province_name == "Jawa Barat" and nik.regency_name is None
    assert "Kode kabupaten/kota 32.99" in nik.warnings[0].text("id")
    assert not is_purwakarta(nik)


def test_stdnum_agrees_on_what_it_checks():
    from stdnum.id import nik as stdnum_nik

    assert stdnum_nik.is_valid("3214011708450001")
    assert not stdnum_nik.is_valid("9914011708450001")  # stdnum refuses; we only warn


@pytest.mark.parametrize(
    "text, masked",
    [
        ("3214011708450001", "3214********0001"),
        ("3214 0117 0845 0001", "3214********0001"),
        ("12345678", "********"),
        ("", ""),
        (None, ""),
    ],
)
def test_mask_nik(text, masked):
    assert mask_nik(text) == masked


# --- NPWP ------------------------------------------------------------------------------------------


def test_old_npwp_with_its_check_digit():
    npwp = validate_npwp("01.312.166.0-091.000")
    assert npwp.value == "013121660091000"
    assert npwp.formatted == "01.312.166.0-091.000"
    assert npwp.npwp16 == "0013121660091000"
    assert npwp.nik is None


def test_new_sixteen_digit_npwp_forms():
    zero = validate_npwp("0013121660091000")
    assert zero.value == zero.npwp16 == "0013121660091000"
    nik = validate_npwp("3214011708450001", today=TODAY)
    assert nik.nik is not None and nik.nik.regency_code == "3214"
    assert nik.npwp16 == "3214011708450001"
    assert validate_npwp("9914011708450001", today=TODAY).warnings  # a NIK with an unknown region: warning


@pytest.mark.parametrize(
    "text, needle",
    [
        ("", "Isi NPWP"),
        ("01.312.166.1-091.000", "Angka pemeriksa"),  # check digit changed
        ("0013121661091000", "Angka pemeriksa"),
        ("12345", "15 angka (format lama) atau 16 angka; yang diisi 5"),
        ("01.312.166.0/091.000", "hanya boleh berisi angka"),
        ("3214019908450001", "Tanggal lahir dalam NIK"),  # a 16-digit NPWP that is a NIK
    ],
)
def test_npwp_refusals_say_why(text, needle):
    error = refused(validate_npwp, text, today=TODAY)
    assert error.field == "npwp"
    assert needle in error.text("id"), error.text("id")


def test_npwp_agrees_with_stdnum():
    from stdnum.id import npwp

    for number in ("013121660091000", "016090524017000", "013000666091000", "0013121660091000"):
        assert npwp.is_valid(number)
        validate_npwp(number)


# --- NIB and KBLI ------------------------------------------------------------------------------


def test_nib_and_kbli():
    assert validate_nib(" 9120 1023 4567 8 ") == "9120102345678"
    assert validate_kbli("62021") == "62021"
    assert validate_kbli(" 71205 ") == "71205"
    assert "13 angka; yang diisi 12" in refused(validate_nib, "912010234567").text("id")
    assert refused(validate_nib, "912010234567X").field == "nib"
    assert "5 angka" in refused(validate_kbli, "6202").text("id")
    assert refused(validate_kbli, "62.021").field == "kbli"
    assert "Isi kode KBLI" in refused(validate_kbli, "").text("id")


# --- phone numbers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, e164",
    [
        ("081234567890", "+6281234567890"),
        ("0812-3456-7890", "+6281234567890"),
        ("+62 812 3456 7890", "+6281234567890"),
        ("6281234567890", "+6281234567890"),
        ("+62 (0) 812 3456 7890", "+6281234567890"),
        ("0062 812 3456 7890", "+6281234567890"),
        ("812 3456 7890", "+6281234567890"),  # without the leading 0
        ("0811-234-567", "+62811234567"),  # older 10-digit mobile
        ("(0264) 8224794", "+622648224794"),  # a Purwakarta landline
        ("021 1234 5678", "+622112345678"),  # Jakarta
        ("+62 22 4231234", "+62224231234"),  # Bandung
        ("0622 123456", "+62622123456"),  # an area code that starts with 62
    ],
)
def test_phone_numbers_are_normalised_to_e164(text, e164):
    assert normalize_phone(text) == e164


@pytest.mark.parametrize(
    "text, needle",
    [
        ("", "Isi nomor telepon"),
        ("+", "Isi nomor telepon"),
        ("0812 3456 78x0", "hanya boleh berisi angka"),
        ("+60 12 345 6789", "Hanya nomor telepon Indonesia"),  # Malaysia
        ("+1 202 555 0100", "Hanya nomor telepon Indonesia"),
        ("0060123456789", "Hanya nomor telepon Indonesia"),
        ("0812345", "Nomor ponsel terlalu pendek: berisi 7 angka"),
        ("08123456789012", "Nomor ponsel terlalu panjang: berisi 14 angka"),
        ("0264 82", "Nomor telepon terlalu pendek"),
        ("0264 8224 7941 23", "Nomor telepon terlalu panjang"),
        ("8224794", "kode wilayah"),  # a landline without its area code
        ("0800 1 234 567", "bukan nomor ponsel"),  # toll-free
        ("112", "kode wilayah"),
        ("0112", "bukan nomor ponsel"),
    ],
)
def test_phone_refusals_say_why(text, needle):
    error = refused(normalize_phone, text)
    assert error.field == "phone"
    assert needle in error.text("id"), error.text("id")


# --- garbage in --------------------------------------------------------------------------------

VALIDATORS = [validate_nik, validate_npwp, validate_nib, validate_kbli, normalize_phone]
digitish = st.text(alphabet=st.sampled_from("0123456789 .-+()/\n٣２²"), max_size=24)


@pytest.mark.parametrize("validator", VALIDATORS, ids=lambda f: f.__name__)
@given(text=st.text() | digitish)
def test_any_text_is_accepted_or_refused_with_a_validation_error(validator, text):
    try:
        result = validator(text)
    except ValidationError as error:
        assert error.field
        assert error.text("id") and error.text("en")  # the message formats in both languages
    else:
        assert result is not None


@given(st.text() | digitish)
def test_mask_nik_never_fails_and_never_shows_more_than_eight_characters(text):
    masked = mask_nik(text)
    assert len(masked) - masked.count("*") <= 8


@given(st.from_regex(r"(\+62|62|0)8[1-35-9][0-9]{7,10}", fullmatch=True))
def test_every_well_formed_mobile_number_is_accepted(text):
    e164 = normalize_phone(text)
    assert e164.startswith("+628") and e164[1:].isdigit()
    assert normalize_phone(e164) == e164  # idempotent
