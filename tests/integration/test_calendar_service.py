"""Local calendar changes on a real SQLite file: close, open, undo, soft deletes and the outbox."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from mpp_desk.errors import UserError, ValidationError
from mpp_desk.models import CalendarOverride, OutboxEntry
from mpp_desk.workdays import (
    CalendarChangeRefused,
    CalendarInputError,
    DaySource,
    close_day,
    list_overrides,
    load_calendar,
    open_day,
)

D = dt.date
RECEIVED = D(2026, 3, 17)  # the worked example: 7 working days -> 2 April 2026


def rows(uow_factory) -> list[tuple[dt.date, str, str, bool]]:
    with uow_factory(write=False) as uow:
        found = uow.session.scalars(select(CalendarOverride).order_by(CalendarOverride.day)).all()
        return [(r.day, r.kind, r.reason, r.is_deleted) for r in found]


def due(uow_factory, start=RECEIVED, n=7) -> dt.date:
    with uow_factory(write=False) as uow:
        return load_calendar(uow).add_working_days(start, n)


def test_an_empty_database_gives_the_national_calendar(uow_factory):
    assert due(uow_factory) == D(2026, 4, 2)
    with uow_factory(write=False) as uow:
        assert list_overrides(uow) == []


def test_closing_a_working_day_moves_due_dates(uow_factory):
    with uow_factory() as uow:
        row = close_day(uow, day=D(2026, 3, 25), reason="  Banjir   di Jalan Sudirman ")
        assert row.kind == CalendarOverride.CLOSED
        uow.commit()
    assert rows(uow_factory) == [(D(2026, 3, 25), "closed", "Banjir di Jalan Sudirman", False)]
    assert due(uow_factory) == D(2026, 4, 6)
    with uow_factory(write=False) as uow:
        closure = [d for d in load_calendar(uow).non_working_days(2026) if d.source is DaySource.LOCAL_CLOSURE]
    assert closure == [(D(2026, 3, 25), "Banjir di Jalan Sudirman", DaySource.LOCAL_CLOSURE)]


def test_opening_a_closed_day_removes_the_closure(uow_factory):
    with uow_factory() as uow:
        close_day(uow, day=D(2026, 3, 25), reason="Banjir")
        uow.commit()
    with uow_factory() as uow:
        row = open_day(uow, day=D(2026, 3, 25), reason="Air sudah surut")
        assert row.is_deleted and row.kind == CalendarOverride.CLOSED  # soft-deleted, not an "open" added
        uow.commit()
    assert rows(uow_factory) == [(D(2026, 3, 25), "closed", "Air sudah surut", True)]
    assert due(uow_factory) == D(2026, 4, 2)
    with uow_factory(write=False) as uow:
        assert list_overrides(uow) == []


def test_opening_a_cuti_bersama_day_adds_an_opening(uow_factory):
    with uow_factory() as uow:
        row = open_day(uow, day=D(2026, 3, 24), reason="Layanan tetap buka")
        assert row.kind == CalendarOverride.OPEN and not row.is_deleted
        uow.commit()
    assert due(uow_factory) == D(2026, 4, 1)
    with uow_factory(write=False) as uow:
        assert D(2026, 3, 24) not in {d.day for d in load_calendar(uow).non_working_days(2026)}


def test_closing_an_opened_holiday_removes_the_opening(uow_factory):
    with uow_factory() as uow:
        open_day(uow, day=D(2026, 3, 24), reason="Layanan tetap buka")
        uow.commit()
    with uow_factory() as uow:
        row = close_day(uow, day=D(2026, 3, 24), reason="Keputusan dibatalkan")
        assert row.is_deleted and row.kind == CalendarOverride.OPEN
        uow.commit()
    assert due(uow_factory) == D(2026, 4, 2)


def test_a_day_closed_again_reuses_its_row(uow_factory):
    day = D(2026, 3, 25)
    for action, reason in ((close_day, "Banjir"), (open_day, "Surut"), (close_day, "Banjir lagi")):
        with uow_factory() as uow:
            action(uow, day=day, reason=reason)
            uow.commit()
    assert rows(uow_factory) == [(day, "closed", "Banjir lagi", False)]  # one row: the day is unique
    with uow_factory(write=False) as uow:
        entry_ops = uow.session.scalars(select(OutboxEntry.op).where(OutboxEntry.entity == "calendar_override").order_by(OutboxEntry.seq)).all()
        versions = uow.session.scalars(select(OutboxEntry.base_version).where(OutboxEntry.entity == "calendar_override").order_by(OutboxEntry.seq)).all()
    assert entry_ops == ["insert", "delete", "update"]
    assert versions == [None, 1, 2]


def test_changes_are_written_to_the_outbox_in_the_same_transaction(uow_factory):
    with uow_factory() as uow:
        close_day(uow, day=D(2026, 3, 25), reason="Banjir")
        uow.commit()
    with uow_factory(write=False) as uow:
        entry = uow.session.scalars(select(OutboxEntry).where(OutboxEntry.entity == "calendar_override")).one()
    assert entry.entity == "calendar_override"
    assert entry.payload["day"] == "2026-03-25" and entry.payload["kind"] == "closed"


def test_nothing_is_kept_without_commit(uow_factory):
    with uow_factory() as uow:
        close_day(uow, day=D(2026, 3, 25), reason="Banjir")
    assert rows(uow_factory) == []


@pytest.mark.parametrize(
    "action, day, needle",
    [
        (close_day, D(2026, 3, 21), "Sabtu atau Minggu"),  # a Saturday
        (close_day, D(2026, 3, 19), "Hari Suci Nyepi"),  # already a holiday
        (open_day, D(2026, 3, 22), "Sabtu atau Minggu"),  # Sunday (and Idul Fitri): cannot be opened
        (open_day, D(2026, 3, 17), "sudah merupakan hari kerja"),
    ],
)
def test_changes_that_change_nothing_are_refused(uow_factory, action, day, needle):
    with uow_factory() as uow:
        with pytest.raises(CalendarChangeRefused) as info:
            action(uow, day=day, reason="Uji")
    assert isinstance(info.value, UserError)
    assert needle in info.value.text("id"), info.value.text("id")
    assert rows(uow_factory) == []


def test_closing_a_closed_day_says_so(uow_factory):
    with uow_factory() as uow:
        close_day(uow, day=D(2026, 3, 25), reason="Banjir")
        with pytest.raises(CalendarChangeRefused) as info:
            close_day(uow, day=D(2026, 3, 25), reason="Banjir lagi")
    assert "sudah ditutup secara lokal (Banjir)" in info.value.text("id")


@pytest.mark.parametrize("reason", ["", "   ", None])
def test_a_reason_is_required(uow_factory, reason):
    with uow_factory() as uow:
        with pytest.raises(CalendarInputError) as info:
            close_day(uow, day=D(2026, 3, 25), reason=reason)
    assert isinstance(info.value, ValidationError) and info.value.field == "reason"
    assert info.value.text("id") == "Isi alasan perubahan kalender."


def test_list_overrides_by_year(uow_factory):
    with uow_factory() as uow:
        close_day(uow, day=D(2026, 3, 25), reason="Banjir")
        open_day(uow, day=D(2026, 12, 24), reason="Pelayanan akhir tahun")
        close_day(uow, day=D(2027, 1, 4), reason="Rapat kerja")
        close_day(uow, day=D(2026, 6, 2), reason="Pemeliharaan listrik")
        open_day(uow, day=D(2026, 6, 2), reason="Dibatalkan")
        uow.commit()
    with uow_factory(write=False) as uow:
        every = [(r.day, r.kind) for r in list_overrides(uow)]
        in_2026 = [(r.day, r.kind) for r in list_overrides(uow, year=2026)]
    assert every == [(D(2026, 3, 25), "closed"), (D(2026, 12, 24), "open"), (D(2027, 1, 4), "closed")]
    assert in_2026 == every[:2]


def test_load_calendar_ignores_soft_deleted_overrides(uow_factory):
    from mpp_desk.uow import soft_delete

    with uow_factory() as uow:
        uow.session.add(CalendarOverride(day=D(2026, 3, 26), kind="closed", reason="lama"))
        row = CalendarOverride(day=D(2026, 3, 25), kind="closed", reason="dihapus")
        uow.session.add(row)
        uow.flush()
        soft_delete(row)
        uow.commit()
    with uow_factory(write=False) as uow:
        cal = load_calendar(uow)
    assert cal.closed == {D(2026, 3, 26): "lama"}
    assert cal.is_working_day(D(2026, 3, 25))
