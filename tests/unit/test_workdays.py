"""Working days on real 2026 dates: Nyepi, Idul Fitri, Good Friday, Christmas, weekends, local changes."""

from __future__ import annotations

import datetime as dt

import pytest

from mpp_desk.errors import UserError, ValidationError
from mpp_desk.textformat import format_date, format_date_id
from mpp_desk.workdays import (
    CalendarInputError,
    DaySource,
    NonWorkingDay,
    WorkingCalendar,
    national_days,
    parse_date,
    parse_working_days,
    parse_year,
    supported_years,
)

D = dt.date


@pytest.fixture(scope="module")
def cal() -> WorkingCalendar:
    return WorkingCalendar()


# --- the rule of domain.md, to the letter ------------------------------------------------------


def test_worked_example_of_the_domain_reference(cal):
    # Received Tuesday 17 March 2026; 18-24 March are Nyepi, Idul Fitri and their cuti bersama;
    # 3 April is Good Friday.
    assert cal.add_working_days(D(2026, 3, 17), 7) == D(2026, 4, 2)
    assert D(2026, 4, 2).weekday() == 3  # Thursday


def test_the_day_of_receipt_is_day_zero(cal):
    assert cal.add_working_days(D(2026, 3, 17), 0) == D(2026, 3, 17)
    assert cal.add_working_days(D(2026, 3, 21), 0) == D(2026, 3, 21)  # even on a holiday


def test_day_one_is_the_first_working_day_after_receipt(cal):
    assert cal.add_working_days(D(2026, 3, 16), 1) == D(2026, 3, 17)  # Monday -> Tuesday
    assert cal.add_working_days(D(2026, 3, 17), 1) == D(2026, 3, 25)  # the whole Lebaran week skipped


def test_receipt_on_a_holiday_counts_from_the_next_working_day(cal):
    # Received on Nyepi itself (Thursday 19 March): day 1 is Wednesday 25 March.
    assert cal.add_working_days(D(2026, 3, 19), 1) == D(2026, 3, 25)
    # No working day lies between 17 and 19 March, so both receipts fall due on the same day.
    assert cal.add_working_days(D(2026, 3, 19), 7) == D(2026, 4, 2)
    assert cal.add_working_days(D(2026, 3, 19), 8) == D(2026, 4, 6)  # 3 April Good Friday, then a weekend


def test_weekends(cal):
    assert cal.add_working_days(D(2026, 3, 13), 1) == D(2026, 3, 16)  # Friday -> Monday
    assert cal.add_working_days(D(2026, 3, 14), 1) == D(2026, 3, 16)  # Saturday -> Monday
    assert cal.add_working_days(D(2026, 3, 15), 2) == D(2026, 3, 17)  # Sunday + 2 -> Tuesday
    assert cal.add_working_days(D(2026, 3, 15), 5) == D(2026, 3, 27)  # then the Lebaran week
    assert not cal.is_working_day(D(2026, 3, 14))
    assert not cal.is_working_day(D(2026, 3, 15))


def test_christmas_and_its_cuti_bersama(cal):
    assert not cal.is_working_day(D(2026, 12, 24))  # cuti bersama
    assert not cal.is_working_day(D(2026, 12, 25))  # Hari Raya Natal
    assert cal.add_working_days(D(2026, 12, 23), 1) == D(2026, 12, 28)
    # Across the year end: 28-31 Dec, then 1 Jan 2027 (Tahun Baru), so day 5 is Monday 4 Jan.
    assert cal.add_working_days(D(2026, 12, 23), 5) == D(2027, 1, 4)


def test_idul_fitri_week_is_not_working(cal):
    for day in range(18, 25):
        assert not cal.is_working_day(D(2026, 3, day)), day
    assert cal.is_working_day(D(2026, 3, 17))
    assert cal.is_working_day(D(2026, 3, 25))


def test_a_holiday_on_a_weekend_costs_no_extra_day(cal):
    # Waisak falls on Sunday 31 May 2026, Hari Lahir Pancasila on Monday 1 June.
    assert cal.add_working_days(D(2026, 5, 29), 1) == D(2026, 6, 2)


# --- local changes -----------------------------------------------------------------------------


def test_a_local_closure_moves_the_due_date():
    cal = WorkingCalendar(closed={D(2026, 3, 25): "Banjir di Jalan Sudirman"})
    assert not cal.is_working_day(D(2026, 3, 25))
    # Day 1 becomes 26 March, so day 7 is past Good Friday and the weekend: Monday 6 April.
    assert cal.add_working_days(D(2026, 3, 17), 7) == D(2026, 4, 6)


def test_a_local_opening_of_a_cuti_bersama_day():
    cal = WorkingCalendar(opened={D(2026, 3, 24)})
    assert cal.is_working_day(D(2026, 3, 24))
    assert cal.add_working_days(D(2026, 3, 17), 1) == D(2026, 3, 24)
    assert cal.add_working_days(D(2026, 3, 17), 7) == D(2026, 4, 1)


def test_opening_a_weekend_has_no_effect_and_a_closure_wins_over_an_opening():
    cal = WorkingCalendar(closed={D(2026, 12, 24)}, opened={D(2026, 3, 21), D(2026, 12, 24)})
    assert not cal.is_working_day(D(2026, 3, 21))  # Idul Fitri on a Saturday stays off
    assert not cal.is_working_day(D(2026, 12, 24))


def test_sets_and_mappings_are_both_accepted():
    assert WorkingCalendar(closed=[D(2026, 3, 25)]).closed == {D(2026, 3, 25): ""}
    assert WorkingCalendar(opened={D(2026, 3, 24): "Pelayanan Lebaran"}).opened == {D(2026, 3, 24): "Pelayanan Lebaran"}


# --- counting between dates (overdue) -------------------------------------------------------


def test_working_days_between(cal):
    assert cal.working_days_between(D(2026, 3, 17), D(2026, 4, 2)) == 7
    assert cal.working_days_between(D(2026, 4, 2), D(2026, 4, 2)) == 0
    # Due Thursday 2 April: Friday is Good Friday and then the weekend, so Monday is 1 day late.
    assert cal.working_days_between(D(2026, 4, 2), D(2026, 4, 3)) == 0
    assert cal.working_days_between(D(2026, 4, 2), D(2026, 4, 6)) == 1
    assert cal.working_days_between(D(2026, 4, 6), D(2026, 4, 2)) == -1  # before the due date: minus days left
    assert cal.working_days_between(D(2026, 3, 17), D(2026, 3, 24)) == 0
    assert cal.working_days_between(D(2026, 12, 23), D(2027, 1, 4)) == 5  # across a year end


def test_working_days_between_over_several_years(cal):
    start = D(2025, 6, 2)
    end = cal.add_working_days(start, 700)
    assert end.year == 2028
    assert cal.working_days_between(start, end) == 700
    assert cal.working_days_between(end, start) == -700


# --- the list of non-working days ---------------------------------------------------------------


def test_non_working_days_have_indonesian_names_and_sources():
    cal = WorkingCalendar(
        closed={D(2026, 3, 25): "Banjir", D(2026, 3, 28): "Sabtu (tidak berarti)"}, opened={D(2026, 3, 24)}
    )
    days = {d.day: d for d in cal.non_working_days(2026)}
    assert days[D(2026, 3, 19)] == NonWorkingDay(D(2026, 3, 19), "Hari Suci Nyepi", DaySource.NATIONAL)
    assert days[D(2026, 3, 18)].source is DaySource.CUTI_BERSAMA
    assert days[D(2026, 3, 18)].name == "Cuti Bersama Hari Suci Nyepi"
    assert days[D(2026, 12, 24)] == (D(2026, 12, 24), "Cuti Bersama Hari Raya Natal", DaySource.CUTI_BERSAMA)
    assert days[D(2026, 3, 21)].name == "Hari Raya Idul Fitri"  # listed although on a Saturday
    assert days[D(2026, 3, 25)] == (D(2026, 3, 25), "Banjir", DaySource.LOCAL_CLOSURE)
    assert D(2026, 3, 24) not in days  # opened locally: the office works
    assert D(2026, 3, 28) not in days  # a "closure" on an ordinary Saturday changes nothing
    assert D(2026, 3, 14) not in days  # ordinary weekends are not listed
    assert list(days) == sorted(days)
    assert D(2026, 4, 3) in days and days[D(2026, 4, 3)].name == "Wafat Yesus Kristus"


def test_the_national_source_can_be_replaced():
    fixed = {D(2026, 3, 17): ("Hari Uji", DaySource.NATIONAL)}
    cal = WorkingCalendar(national=lambda year: fixed if year == 2026 else {})
    assert not cal.is_working_day(D(2026, 3, 17))
    assert cal.is_working_day(D(2026, 3, 19))  # Nyepi is not in the replacement
    assert cal.non_working_days(2026) == [(D(2026, 3, 17), "Hari Uji", DaySource.NATIONAL)]


def test_national_days_use_the_holidays_package_categories():
    import holidays

    expected = holidays.country_holidays("ID", years=2026, categories=("public", "government"), language="id")
    assert dict((d, name) for d, (name, _src) in national_days(2026).items()) == dict(expected)
    assert national_days(2026) is national_days(2026)  # cached per year


def test_describe(cal):
    assert cal.describe(D(2026, 3, 19)).name == "Hari Suci Nyepi"
    assert cal.describe(D(2026, 3, 17)) is None
    assert cal.describe(D(2026, 3, 14)) is None


def test_source_labels_are_translated():
    from mpp_desk.i18n import translate

    assert translate("workdays", DaySource.NATIONAL.label, "id") == "libur nasional"
    assert translate("workdays", DaySource.LOCAL_CLOSURE.label, "id") == "penutupan lokal"


# --- bad input ------------------------------------------------------------------------------------


def test_negative_days_are_refused(cal):
    with pytest.raises(CalendarInputError) as info:
        cal.add_working_days(D(2026, 3, 17), -1)
    assert isinstance(info.value, ValidationError) and info.value.field == "days"
    assert "negatif" in info.value.text("id")


def test_dates_outside_the_holiday_data_are_refused(cal):
    years = supported_years()
    assert years[0] <= 1990 and years[-1] >= 2100
    with pytest.raises(CalendarInputError) as info:
        cal.is_working_day(D(years[0] - 1, 6, 1))
    assert info.value.field == "day"
    with pytest.raises(CalendarInputError):
        cal.add_working_days(D(years[-1], 12, 1), 100)
    with pytest.raises(CalendarInputError):
        cal.working_days_between(D(2026, 1, 1), D(years[-1] + 1, 1, 1))
    with pytest.raises(CalendarInputError):
        cal.non_working_days(9999)


def test_a_datetime_is_a_programming_error(cal):
    with pytest.raises(TypeError):
        cal.is_working_day(dt.datetime(2026, 3, 17, 9, 0))
    with pytest.raises(TypeError):
        cal.add_working_days(D(2026, 3, 17), 1.5)


@pytest.mark.parametrize(
    "text", ["2026-3-17", "17-03-2026", "2026-02-30", "", "besok", "2026-03-17T00:00", "20260317", "２０２６-03-17"]
)
def test_parse_date_refuses_anything_but_yyyy_mm_dd(text):
    with pytest.raises(CalendarInputError) as info:
        parse_date(text, field="from")
    assert info.value.field == "from"
    assert "YYYY-MM-DD" in info.value.text("id")


def test_parsers():
    assert parse_date(" 2026-03-17 ") == D(2026, 3, 17)
    assert parse_working_days("7") == 7
    assert parse_working_days("0") == 0
    assert parse_year("2026") == 2026
    for bad in ("-1", "tujuh", "1.5", ""):
        with pytest.raises(UserError):
            parse_working_days(bad)
    for bad in ("26", "1800", "20x6"):
        with pytest.raises(UserError):
            parse_year(bad)


# --- Indonesian dates -----------------------------------------------------------------------


def test_format_date_in_indonesian():
    assert format_date_id(D(2026, 4, 2)) == "Kamis, 2 April 2026"
    assert format_date_id(D(2026, 3, 20)) == "Jumat, 20 Maret 2026"
    assert format_date_id(D(2026, 8, 17), weekday=False) == "17 Agustus 2026"
    assert format_date(D(2026, 4, 2), "en") == "Thursday, 2 April 2026"
    assert format_date(D(2026, 12, 27), "id") == "Minggu, 27 Desember 2026"
