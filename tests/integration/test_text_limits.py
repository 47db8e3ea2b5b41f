"""Every free-text field has a stated limit (mpp_desk.limits): beyond it the service refuses with a clear
message and nothing is saved; nothing is ever cut silently."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest
from sqlalchemy import func, select

from mpp_desk import queue as q
from mpp_desk.complaints.rules import MAX_LENGTHS, CaptureDraft, assess, normalized
from mpp_desk.errors import ValidationError
from mpp_desk.limits import TEXT_LIMITS, check_text
from mpp_desk.models import CalendarOverride, QueueGroup
from mpp_desk.workdays import WorkingCalendar, close_day

ROOT = Path(__file__).resolve().parents[2]


def test_a_complaint_one_character_over_the_limit_is_refused_not_cut():
    limit = MAX_LENGTHS["substance"]
    assert limit == TEXT_LIMITS["complaint_substance"] == 20_000
    long = "a" * (limit + 1)
    draft = CaptureDraft(channel="in_person", received_at=dt.datetime(2026, 11, 16, 10, tzinfo=dt.timezone.utc),
                         reporter_name="Siti", reporter_phone="081234567890", substance=long)
    assert len(normalized(draft).substance) == limit + 1  # kept whole: the check refuses, it does not cut
    result = assess(draft, dt.date(2026, 11, 16), WorkingCalendar())
    refusal = [r for r in result.reasons if r.field == "substance" and r.code == "too_long"]
    assert refusal and not result.ok
    assert refusal[0].text("id") == "Isian terlalu panjang (maksimal 20000 karakter)."
    exact = assess(dataclasses.replace(draft, substance="a" * limit), dt.date(2026, 11, 16), WorkingCalendar())
    assert not [r for r in exact.reasons if r.code == "too_long"]


@pytest.mark.parametrize("field", sorted(MAX_LENGTHS))
def test_every_capture_field_is_refused_beyond_its_limit(field):
    value = "7" * (MAX_LENGTHS[field] + 1)
    draft = CaptureDraft(**{"channel": "in_person", field: value})
    result = assess(draft, dt.date(2026, 11, 16), WorkingCalendar())
    assert any(r.field == field and r.code == "too_long" for r in result.reasons)


def test_queue_names_and_calendar_reasons_have_limits(uow_factory):
    megabyte = "x" * 1_000_000
    with uow_factory() as uow:
        with pytest.raises(ValidationError) as group:
            q.create_group(uow, code="Z", name=megabyte)
        assert group.value.field == "name" and "100" in group.value.text("id")
        with pytest.raises(ValidationError):
            q.create_group(uow, code="Z", name="x" * (TEXT_LIMITS["queue_group_name"] + 1))
        made = q.create_group(uow, code="Z", name="x" * TEXT_LIMITS["queue_group_name"])
        assert len(made.name) == TEXT_LIMITS["queue_group_name"]
        with pytest.raises(ValidationError):
            q.update_group(uow, code="Z", name=megabyte)
        with pytest.raises(ValidationError):
            q.create_counter(uow, number=5, name=megabyte, group_codes=["Z"])
        with pytest.raises(ValidationError):
            q.set_break(uow, weekday=0, start=dt.time(12), end=dt.time(13), name=megabyte)
        with pytest.raises(ValidationError) as reason:
            close_day(uow, day=dt.date(2026, 3, 25), reason=megabyte)
        assert reason.value.field == "reason" and "500" in reason.value.text("id")
        uow.rollback()
    with uow_factory(write=False) as uow:
        assert uow.session.scalar(select(func.count()).select_from(CalendarOverride)) == 0
        assert uow.session.scalar(select(func.count()).select_from(QueueGroup).where(QueueGroup.code == "Z")) == 0


def test_check_text_cleans_then_measures():
    assert check_text("  Banjir \x1b  di jalan ", "calendar_reason") == "Banjir di jalan"
    with pytest.raises(ValidationError) as refused:
        check_text("a" * 501, "calendar_reason", field="reason")
    assert refused.value.field == "reason" and refused.value.params == {"maximum": 500}


def test_no_user_text_is_cut_by_slicing_in_the_services():
    """A guard against the old habit: ``text[:limit]`` on what a person typed."""
    pattern = re.compile(r"(text|name|reason|note|notes|substance|message|query|search|printed_on)\[:\d{2,}\]")
    offenders = []
    for path in (ROOT / "mpp_desk").rglob("*.py"):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if pattern.search(line):
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert offenders == []


def test_a_search_with_too_many_words_is_refused_not_shortened(uow_factory):
    from mpp_desk.catalog.service import list_standards
    from mpp_desk.limits import MAX_SEARCH_WORDS, search_words

    assert search_words("a " * MAX_SEARCH_WORDS) == ["a"] * MAX_SEARCH_WORDS
    with pytest.raises(ValidationError) as refused:
        search_words("a " * (MAX_SEARCH_WORDS + 1))
    assert "paling banyak 10 kata" in refused.value.text("id")
    with uow_factory(write=False) as uow:
        with pytest.raises(ValidationError):
            list_standards(uow, search="x" * 201)
