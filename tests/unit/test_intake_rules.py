"""Pure intake rules: applicant checks, name keys, the status machine, numbers, complaint channels."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mpp_desk.errors import ValidationError
from mpp_desk.intake import numbers
from mpp_desk.intake.rules import (
    ApplicantInput,
    ApplicantInvalid,
    InvalidStatusChange,
    ItemInput,
    check_applicant,
    check_item,
    check_transition,
    complete_problems,
    mask_name,
    name_key,
)

TODAY = dt.date(2026, 3, 17)


def test_a_person_is_cleaned_into_stored_form():
    checked = check_applicant(
        ApplicantInput(nik="3214 0155 0590 0001", full_name="  Siti   Aminah ", phone="0812-3456-7890",
                       address=" Jl. Veteran  1 "),
        today=TODAY,
    )
    assert (checked.nik, checked.full_name, checked.phone, checked.address) == (
        "3214015505900001", "Siti Aminah", "+6281234567890", "Jl. Veteran 1")
    assert checked.nik_masked == "3214********0001"
    assert checked.business_name == "" and checked.kind == "person"


def test_a_business_needs_its_name_nib_and_kbli_and_a_checked_npwp():
    with pytest.raises(ApplicantInvalid) as caught:
        check_applicant(ApplicantInput(kind="business", nik="3214015505900001", full_name="Budi", phone="08123456789",
                                       business_name="", nib="123", npwp="01.312.166.1-091.000", business_kbli="x"),
                        today=TODAY)
    fields = [e.field for e in caught.value.errors]
    assert fields == ["business_name", "nib", "npwp", "business_kbli"]
    ok = check_applicant(ApplicantInput(kind="business", nik="3214015505900001", full_name="Budi", phone="08123456789",
                                        business_name="CV Maju", nib="8120000123456", npwp="01.312.166.0-091.000",
                                        business_kbli="62021"), today=TODAY)
    assert (ok.nib, ok.npwp, ok.business_kbli) == ("8120000123456", "013121660091000", "62021")


def test_an_unknown_region_in_the_nik_is_a_warning_not_an_error():
    checked = check_applicant(ApplicantInput(nik="9914015505900001", full_name="Ani", phone="08123456789"), today=TODAY)
    assert checked.warnings and checked.warnings[0].field == "nik"


def test_every_wrong_field_is_reported_with_its_own_message():
    with pytest.raises(ApplicantInvalid) as caught:
        check_applicant(ApplicantInput(kind="robot", nik="", full_name="123", phone="", address="x" * 501),
                        today=TODAY)
    assert [e.field for e in caught.value.errors] == ["kind", "nik", "full_name", "phone", "address"]
    assert caught.value.field == "kind"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Ñoño Şükrü 李", "nono sukru 李"),
        ("  H. Ahmad-Syarif,  S.E. ", "h ahmad syarif s e"),
        ("ÉLODIE", "elodie"),
        ("Straße", "strasse"),
        ("", ""),
    ],
)
def test_name_keys_fold_accents_case_and_punctuation(text, key):
    assert name_key(text) == key


@given(st.text(max_size=40))
def test_a_name_key_is_stable_and_a_prefix_of_a_key_matches_its_own_fold(text):
    key = name_key(text)
    assert name_key(key) == key
    assert key == key.strip() and "  " not in key


def test_masked_names_keep_only_initials():
    assert mask_name("Siti  Aminah") == "S*** A*****"
    assert mask_name("") == ""


def test_checklist_items_and_counts():
    assert check_item(ItemInput(1, "missing", "  bawa   asli ")).note == "bawa asli"
    with pytest.raises(ValidationError):
        check_item(ItemInput(1, "lost"))
    with pytest.raises(ValidationError):
        check_item(ItemInput(1, "invalid", "x" * 501))
    assert complete_problems(["present_valid", None, "missing", "invalid"]) == (1, 2)


@pytest.mark.parametrize(
    ("current", "target", "allowed"),
    [
        ("received", "in_process", True),
        ("received", "finished", False),
        ("received", "handed_over", False),
        ("in_process", "finished", True),
        ("in_process", "rejected", True),
        ("finished", "handed_over", True),
        ("rejected", "handed_over", True),
        ("finished", "in_process", False),
        ("handed_over", "received", False),
    ],
)
def test_the_status_machine(current, target, allowed):
    extra = {"reason": "tidak sesuai", "handed_over_to": "Pemohon sendiri"}
    if allowed:
        check_transition(current, target, **extra)
    else:
        with pytest.raises(InvalidStatusChange):
            check_transition(current, target, **extra)


def test_rejection_needs_a_reason_and_hand_over_a_receiver():
    with pytest.raises(ValidationError) as caught:
        check_transition("in_process", "rejected", reason="  ")
    assert caught.value.field == "reason"
    with pytest.raises(ValidationError) as caught:
        check_transition("finished", "handed_over", handed_over_to="")
    assert caught.value.field == "handed_over_to"
    assert check_transition("finished", "handed_over", handed_over_to=" Budi  (kuasa) ") == ("", "Budi (kuasa)")


def test_registration_numbers_format_parse_and_route():
    assert numbers.format_number(2026, 3, 1, 123) == "MPP/2026/03/010123"
    assert numbers.format_number(2026, 3, 12, 10_000) == "MPP/2026/03/1210000"
    assert numbers.parse_number("mpp / 2026 / 3 / 010123") == (2026, 3, 1, 123)
    assert numbers.parse_number("MPP/2026/03/1210000") == (2026, 3, 12, 10_000)
    assert numbers.canonical("mpp/2026/3/010123") == "MPP/2026/03/010123"
    assert numbers.parse_number("MPP/2026/13/010123") is None
    assert numbers.parse_number("MPP/2026/03/010000") is None
    assert numbers.looks_like_number("mpp/2026") and not numbers.looks_like_number("Siti")
    with pytest.raises(ValueError):
        numbers.block_for_counter(0)
    with pytest.raises(ValueError):
        numbers.format_number(2026, 3, 100, 1)


@given(st.integers(2000, 2100), st.integers(1, 12), st.integers(0, 99), st.integers(1, 10**6))
def test_every_number_reads_back_as_its_parts(year, month, block, sequence):
    text = numbers.format_number(year, month, block, sequence)
    assert numbers.parse_number(text) == (year, month, block, sequence)


