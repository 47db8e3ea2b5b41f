"""Every time on screen is office time (Asia/Jakarta), whatever the PC's own time zone: the PC here
is set to America/New_York (12 hours behind WIB in winter, 11 in summer)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from tests.intake_support import at, register_file
from tests.ui.conftest import ADMIN_PASSWORD, COUNTER_PASSWORD

WIB = ZoneInfo("Asia/Jakarta")
EARLY_MORNING = dt.datetime(2026, 12, 1, 6, 30, 5, tzinfo=WIB)  # 23:30 UTC on 30 November, 18:30 in New York


def test_file_history_shows_the_office_time(qtbot, ui_ctx, tasks, sign_in, pc_in_new_york):
    """Berkas → Riwayat showed 02:46 for a 09:46 WIB receipt (the PC's zone, not the office's)."""
    from mpp_desk.ui.areas.files_area import FilesArea

    counter = sign_in("siti", COUNTER_PASSWORD)
    view = register_file(ui_ctx, counter, when=at("2026-03-17", 9, 46))
    area = FilesArea(ctx=ui_ctx, tasks=tasks, actor=counter, today=dt.date(2026, 3, 17))
    qtbot.addWidget(area)
    area.resize(1366, 768)
    area.show()
    qtbot.waitUntil(lambda: tasks.pending == 0, timeout=10000)
    area.open_visit(view.id)
    qtbot.waitUntil(lambda: area.current is not None and area.current.id == view.id, timeout=10000)
    assert "17-03-2026 09:46" in area.history.text()
    qtbot.waitUntil(lambda: tasks.pending == 0, timeout=10000)
    area.scanner.stop()


def test_last_sign_in_is_the_office_date(qtbot, ui_ctx, tasks, sign_in, office_clock, pc_in_new_york):
    """ "Terakhir masuk" showed the day before for a sign-in before 07:00 WIB (the UTC date)."""
    from mpp_desk.textformat import format_date
    from mpp_desk.ui.areas.users_area import UsersArea

    office_clock.set(EARLY_MORNING, running=False)
    admin = sign_in("admin", ADMIN_PASSWORD)
    area = UsersArea(ctx=ui_ctx, tasks=tasks, actor=admin)
    qtbot.addWidget(area)
    qtbot.waitUntil(lambda: area.model.rowCount() >= 2, timeout=10000)
    rows = {area.model.index(r, 0).data(): area.model.index(r, 4).data() for r in range(area.model.rowCount())}
    assert rows["admin"] == format_date(dt.date(2026, 12, 1)) == "Selasa, 1 Desember 2026"
    assert rows["siti"] == ""


def test_audit_trail_shows_the_office_time(qtbot, ui_ctx, tasks, sign_in, office_clock, pc_in_new_york):
    from mpp_desk.ui.areas.audit_area import AuditArea

    office_clock.set(EARLY_MORNING, running=False)
    area = AuditArea(ctx=ui_ctx, tasks=tasks, actor=sign_in("admin", ADMIN_PASSWORD))
    qtbot.addWidget(area)
    qtbot.waitUntil(lambda: area.model.rowCount() >= 3, timeout=10000)
    times = [area.model.index(r, 0).data() for r in range(area.model.rowCount())
             if area.model.index(r, 2).data() == "auth.sign_in"]
    assert times == ["01-12-2026 06:30:05"]


def test_the_calendar_opens_on_the_office_date(qtbot, ui_ctx, tasks, sign_in, office_clock, pc_in_new_york):
    from mpp_desk.ui.areas.calendar_area import CalendarArea

    office_clock.set(dt.datetime(2027, 1, 1, 0, 30, tzinfo=WIB), running=False)  # New York: 31 Dec 12:30
    area = CalendarArea(ctx=ui_ctx, tasks=tasks, actor=sign_in("admin", ADMIN_PASSWORD))
    qtbot.addWidget(area)
    assert (area.calendar.yearShown(), area.calendar.monthShown()) == (2027, 1)
    assert area.calendar.selectedDate().toString("yyyy-MM-dd") == "2027-01-01"
    qtbot.waitUntil(lambda: tasks.pending == 0, timeout=10000)


@pytest.mark.parametrize("moment, shown", [
    (dt.datetime(2026, 12, 31, 23, 59, tzinfo=WIB), "23:59"),
    (dt.datetime(2026, 7, 1, 0, 5, tzinfo=WIB), "00:05"),  # New York on summer time
])
def test_kiosk_and_board_clocks_show_office_time(qtbot, queue_ctx_for_clock, tasks, office_clock, pc_in_new_york,
                                                 moment, shown):
    from mpp_desk.ui.display import DisplayWindow
    from mpp_desk.ui.kiosk import KioskWindow
    from tests.ui.queue_helpers import allow_exit

    office_clock.set(moment, running=False)
    for window_class in (KioskWindow, DisplayWindow):
        window = window_class(ctx=queue_ctx_for_clock, tasks=tasks)
        qtbot.addWidget(window)
        allow_exit(window)
        window._tick()
        label = window.clock_label if window_class is KioskWindow else window.time_label
        assert label.text() == shown
        assert str(moment.year) in window.date_label.text()


@pytest.fixture
def queue_ctx_for_clock(ui_ctx):
    return ui_ctx
