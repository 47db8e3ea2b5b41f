"""The capture rules of the service standard (seed item 6), as the pure assess() applies them."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mpp_desk.complaints.channels import channels_from_standard
from mpp_desk.complaints.rules import (
    ERROR,
    CaptureDraft,
    assess,
    clean_text,
    first_problem,
)
from mpp_desk.workdays import WorkingCalendar

WIB = ZoneInfo("Asia/Jakarta")
CALENDAR = WorkingCalendar()  # the real national holidays and cuti bersama


def at(year, month, day, hour=10, minute=0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=WIB)


def draft(**changes) -> CaptureDraft:
    values = dict(
        channel="in_person",
        received_at=at(2026, 11, 16),
        reporter_name="Siti Aminah",
        reporter_phone="0812 3456 7890",
        substance="Berkas saya sudah lengkap tetapi belum diproses setelah 10 hari kerja.",
        service_received_on=dt.date(2026, 11, 2),
    )
    values.update(changes)
    return CaptureDraft(**values)


def codes(result) -> set[str]:
    return {r.code for r in result.reasons}


def test_a_complete_complaint_is_a_complaint_with_its_respond_by_date():
    result = assess(draft(), dt.date(2026, 11, 16), CALENDAR)
    assert result.kind == "complaint"
    assert not result.late and not result.needs_decision and result.ok
    assert result.received_on == dt.date(2026, 11, 16)
    assert result.respond_by == dt.date(2026, 12, 4)  # 14 working days, Monday 16 Nov is day 0
    assert codes(result) == {"respond_by"}


def test_anonymous_becomes_a_suggestion_with_the_reason_beside_the_anonymous_box():
    result = assess(draft(anonymous=True), dt.date(2026, 11, 16), CALENDAR)
    assert result.kind == "suggestion"
    reason = result.for_field("anonymous")[0]
    assert reason.code == "anonymous"
    assert "suggestion" in reason.text("en")
    assert reason.text("id") != reason.text("en")  # translated for the screen
    assert result.ok  # a suggestion saves without anything more


def test_no_name_means_no_identity_and_a_suggestion():
    result = assess(draft(reporter_name="  "), dt.date(2026, 11, 16), CALENDAR)
    assert result.kind == "suggestion"
    assert result.for_field("reporter_name")[0].code == "no_identity"


def test_a_name_without_any_way_to_reach_the_reporter_is_not_an_identity():
    result = assess(draft(reporter_phone=""), dt.date(2026, 11, 16), CALENDAR)
    assert result.kind == "suggestion"
    assert "no_contact" in codes(result)
    with_email = assess(draft(reporter_phone="", reporter_email="siti@example.com"), dt.date(2026, 11, 16), CALENDAR)
    assert with_email.kind == "complaint"


def test_no_substance_becomes_a_suggestion():
    result = assess(draft(substance=" \n\t "), dt.date(2026, 11, 16), CALENDAR)
    assert result.kind == "suggestion"
    assert result.for_field("substance")[0].code == "no_substance"


def test_31_days_after_the_service_is_flagged_and_needs_the_officers_decision():
    received = at(2026, 11, 16)
    result = assess(draft(received_at=received, service_received_on=dt.date(2026, 10, 16)), dt.date(2026, 11, 16), CALENDAR)
    assert result.late and result.late_days == 31
    assert result.needs_decision and not result.ok
    assert result.kind == "complaint"  # until the officer decides
    warning = result.for_field("service_received_on")[0]
    assert warning.code == "late" and "31" in warning.text("en") and "may be treated as a suggestion" in warning.text("en")
    problem = first_problem(result)
    assert problem is not None and problem.field == "late_decision"


def test_exactly_30_days_is_not_late():
    result = assess(draft(service_received_on=dt.date(2026, 10, 17)), dt.date(2026, 11, 16), CALENDAR)
    assert result.late_days == 30
    assert not result.late and not result.needs_decision and result.kind == "complaint"


def test_the_officers_decision_on_a_late_complaint_is_applied_and_shown():
    late = dict(service_received_on=dt.date(2026, 9, 1))
    as_suggestion = assess(draft(late_decision="suggestion", **late), dt.date(2026, 11, 16), CALENDAR)
    assert as_suggestion.kind == "suggestion" and as_suggestion.late and as_suggestion.ok
    assert "late_suggestion" in codes(as_suggestion)
    as_complaint = assess(draft(late_decision="complaint", **late), dt.date(2026, 11, 16), CALENDAR)
    assert as_complaint.kind == "complaint" and as_complaint.late and as_complaint.ok
    assert "late_complaint" in codes(as_complaint)


def test_a_late_anonymous_message_is_a_suggestion_without_asking_for_a_decision():
    result = assess(draft(anonymous=True, service_received_on=dt.date(2026, 9, 1)), dt.date(2026, 11, 16), CALENDAR)
    assert result.kind == "suggestion" and result.late and not result.needs_decision


@pytest.mark.parametrize(
    ("received", "respond_by"),
    [
        # Idul Fitri 2026: Nyepi 18-19 Mar, cuti bersama 20, 23, 24 Mar; Good Friday 3 Apr.
        (dt.date(2026, 3, 10), dt.date(2026, 4, 7)),
        (dt.date(2026, 3, 17), dt.date(2026, 4, 14)),
        (dt.date(2026, 3, 20), dt.date(2026, 4, 14)),  # received on a cuti bersama day: day 1 is 25 Mar
        # Christmas 24-25 Dec 2026, New Year 1 Jan, Isra Mikraj 5 Jan 2027.
        (dt.date(2026, 12, 17), dt.date(2027, 1, 12)),
        (dt.date(2026, 12, 24), dt.date(2027, 1, 18)),
    ],
)
def test_respond_by_is_14_working_days_around_real_holidays(received, respond_by):
    result = assess(draft(received_at=at(received.year, received.month, received.day), service_received_on=None),
                    received, CALENDAR)
    assert result.respond_by == respond_by
    assert CALENDAR.working_days_between(received, respond_by) == 14


def test_received_date_is_the_office_date_not_utc():
    # 06:30 WIB on 17 Mar is still 16 Mar in UTC: the office's date counts.
    utc_evening = dt.datetime(2026, 3, 16, 23, 30, tzinfo=dt.timezone.utc)
    result = assess(draft(received_at=utc_evening, service_received_on=None), dt.date(2026, 3, 17), CALENDAR)
    assert result.received_on == dt.date(2026, 3, 17)
    assert result.respond_by == dt.date(2026, 4, 14)


def test_a_local_closure_moves_the_respond_by_date():
    closed = WorkingCalendar(closed={dt.date(2026, 12, 1): "Banjir"})
    result = assess(draft(), dt.date(2026, 11, 16), closed)
    assert result.respond_by == dt.date(2026, 12, 7)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"channel": ""}, "channel"),
        ({"reporter_nik": "1234"}, "reporter_nik"),
        ({"reporter_phone": "12"}, "reporter_phone"),
        ({"reporter_email": "siti at example"}, "reporter_email"),
        ({"received_at": at(2026, 11, 20)}, "received_at"),
        ({"service_received_on": dt.date(2026, 11, 20)}, "service_received_on"),
        ({"lapor_direction": "from"}, "lapor_id"),
        ({"lapor_id": "x"}, "lapor_id"),
        ({"received_at": None}, "received_at"),
    ],
)
def test_wrong_values_are_errors_beside_their_field(changes, field):
    result = assess(draft(**changes), dt.date(2026, 11, 16), CALENDAR)
    assert not result.ok
    errors = [r for r in result.reasons if r.level == ERROR]
    assert errors and errors[0].field == field
    assert first_problem(result).field == field
    assert errors[0].text("id")  # translatable and formatted


def test_unknown_channel_is_refused_when_the_office_list_is_given():
    result = assess(draft(channel="fax"), dt.date(2026, 11, 16), CALENDAR, channels=frozenset({"in_person"}))
    assert result.errors[0].field == "channel"


def test_anonymous_ignores_the_contact_fields():
    result = assess(draft(anonymous=True, reporter_nik="123", reporter_phone="x"), dt.date(2026, 11, 16), CALENDAR)
    assert result.ok and result.kind == "suggestion"


def test_the_draft_round_trips_through_json_and_survives_junk():
    original = draft(anonymous=False, late_decision="complaint", lapor_id="LPR-1234", lapor_direction="to")
    assert CaptureDraft.from_dict(original.to_dict()) == original
    junk = CaptureDraft.from_dict({"received_at": "not a date", "service_received_on": 5, "nonsense": 1,
                                   "substance": "ok", "anonymous": 1})
    assert junk.received_at is None and junk.service_received_on is None and junk.substance == "ok" and junk.anonymous


def test_clean_text_keeps_any_unicode_but_no_control_characters():
    text = "Pelayanan\u0000 lambat 😀 中文 العربية\r\n\n\n\nbaris\u2028baru \ud800"
    single = clean_text(text)
    assert "\u0000" not in single and "\ud800" not in single and "\n" not in single
    assert "😀 中文 العربية" in single
    multi = clean_text(text, multiline=True)
    assert multi.count("\n\n") == 1 and "baris\nbaru" in multi
    assert clean_text("e\u0301") == "\u00e9"  # NFC


@settings(max_examples=150, deadline=None)
@given(st.text(), st.text(), st.booleans())
def test_assess_never_raises_on_any_text(name, substance, anonymous):
    result = assess(draft(reporter_name=name, substance=substance, anonymous=anonymous, reporter_email=name),
                    dt.date(2026, 11, 16), CALENDAR)
    assert result.kind in ("complaint", "suggestion")
    for reason in result.reasons:
        reason.text("id")


def test_channels_are_read_from_the_service_standard_text():
    text = ("2. Pengaduan dapat disampaikan ... melalui: a. Pejabat Pengelola Pengaduan pada DPMPTSP Jalan Veteran "
            "Kec. Purwakarta. b. Petugas Pengaduan pada Loker Pengaduan Mal Pelayanan Publik Bale Madukara. "
            "c. Surat ke DPMPTSP. d. Telepon: (0264) 8224794 ext.103 e. SMS: 081809898222 f. WA: 081809898222 "
            "g. Email: pengaduan@example.go.id h. Twitter: akun_x i. Instagram: akun.y j. Web: www.a.go.id "
            "k. Web: www.mpp.b.go.id l. Formulir Pengaduan m. Kotak Pengaduan\n3. Pengaduan yang disampaikan ...")
    channels = {c.code: c for c in channels_from_standard(text)}
    assert list(channels) == ["official", "in_person", "letter", "telephone", "sms", "whatsapp", "email", "twitter",
                              "instagram", "website", "form", "box"]
    assert channels["telephone"].contact == "(0264) 8224794 ext.103"
    assert channels["whatsapp"].contact == "081809898222"
    assert channels["email"].contact == "pengaduan@example.go.id"
    assert channels["website"].contact == "www.mpp.b.go.id, www.a.go.id"
    # each of the standard's channels keeps its own address: a. the official at DPMPTSP, b. the MPP desk, c. letter
    assert channels["official"].contact == "DPMPTSP Jalan Veteran Kec. Purwakarta"
    assert channels["in_person"].contact == "Mal Pelayanan Publik Bale Madukara" and channels["in_person"].on_receipt
    assert channels["letter"].contact == "DPMPTSP"
    assert not channels["box"].contact
    bare = channels_from_standard("")
    assert len(bare) == 12 and all(not c.contact for c in bare)
    assert channels_from_standard(text.replace("akun_x", "dpmpptsp_pwk"))[7].contact == "dpmptsp_pwk"
