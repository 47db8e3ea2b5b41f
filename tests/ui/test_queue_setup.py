"""Queue set-up by the administrator (groups, services, counters, breaks, running text) and the
supervisor's statistics for a day, driven through their widgets."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from tests.ui.conftest import ADMIN_PASSWORD, COUNTER_PASSWORD
from tests.ui.queue_helpers import TUESDAY_10, WIB, queue_ctx, service_queue

__all__ = ["queue_ctx", "service_queue"]  # fixtures used by this module


@pytest.fixture
def admin(queue_ctx, sign_in):
    return sign_in("admin", ADMIN_PASSWORD)


@pytest.fixture
def area(qtbot, queue_ctx, tasks, admin):
    from mpp_desk.ui.areas.queue_setup_area import QueueSetupArea

    widget = QueueSetupArea(ctx=queue_ctx, tasks=tasks, actor=admin)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitUntil(lambda: widget.setup is not None, timeout=10000)
    return widget


def saved(qtbot, area, action) -> None:
    with qtbot.waitSignal(area.sig_loaded, timeout=10000):
        action()


def test_add_a_group_with_hours_limit_and_services(qtbot, area, queue_ctx):
    from mpp_desk.models import ServiceStandard

    assert [area.group_model.row_object(r).code for r in range(area.group_model.rowCount())] == ["A", "B"]
    area.new_group()
    area.group_code.setText("c")
    area.group_name.setText("Pengambilan Dokumen")
    area.group_open.setText("13:00")
    area.group_close.setText("15:30")
    area.group_limit.setValue(40)
    assert area.services.count() == 2  # the seeded catalogue, both now in group A
    assert all("kelompok A" in area.services.item(r).text() for r in range(2))
    kalibrasi = next(s for s in area.setup.services if s.kbli == "71205")
    area.service_item(kalibrasi.id).setCheckState(Qt.CheckState.Checked)
    saved(qtbot, area, area.save_group)
    assert "Kelompok C tersimpan" in area.status.text()
    group = next(area.group_model.row_object(r) for r in range(area.group_model.rowCount())
                 if area.group_model.row_object(r).code == "C")
    assert (group.name, group.open_time, group.close_time, group.daily_limit) == (
        "Pengambilan Dokumen", dt.time(13, 0), dt.time(15, 30), 40)
    assert [s.kbli for s in group.services] == ["71205"]
    with queue_ctx.uow(write=False) as uow:
        codes = dict(uow.session.execute(select(ServiceStandard.kbli, ServiceStandard.queue_group_id)).all())
    assert codes["71205"] == group.id and codes["62021"] != group.id
    # the form now edits C: untick the service and it goes back to no group
    assert area.group_code.isReadOnly() and area.group_code.text() == "C"
    area.service_item(kalibrasi.id).setCheckState(Qt.CheckState.Unchecked)
    saved(qtbot, area, area.save_group)
    assert next(s for s in area.setup.services if s.kbli == "71205").group_code is None


def test_group_errors_are_shown_beside_their_fields_and_keep_what_was_typed(qtbot, area):
    area.new_group()
    area.group_code.setText("A1")
    area.group_name.setText("Perizinan Lain")
    area.save_group()
    row = area.group_form.rows["code"]
    qtbot.waitUntil(row.error.isVisible, timeout=10000)
    assert "huruf" in row.error.text()
    area.group_code.setText("D")
    area.group_open.setText("25:00")
    area.save_group()
    qtbot.waitUntil(area.group_form.rows["open"].error.isVisible, timeout=10000)
    area.group_open.setText("16:00")  # after closing time
    area.save_group()
    qtbot.waitUntil(area.group_form.rows["close"].error.isVisible, timeout=10000)
    assert area.group_name.text() == "Perizinan Lain" and area.group_code.text() == "D"
    assert area.group_model.rowCount() == 2


def test_add_a_counter_with_its_groups_and_change_it(qtbot, area, queue_ctx):
    from mpp_desk.queue.setup import list_counters

    area.tabs.setCurrentIndex(1)
    area.new_counter()
    assert area.counter_number.value() == 4  # the first free number
    area.counter_name.setText("Loket Empat")
    area.save_counter()
    qtbot.waitUntil(area.counter_form.rows["groups"].error.isVisible, timeout=10000)  # no group chosen
    area.counter_group_item("A").setCheckState(Qt.CheckState.Checked)
    area.counter_group_item("B").setCheckState(Qt.CheckState.Checked)
    saved(qtbot, area, area.save_counter)
    assert "Loket 4 tersimpan" in area.status.text()
    area.counter_group_item("A").setCheckState(Qt.CheckState.Unchecked)
    area.counter_active.setChecked(False)
    saved(qtbot, area, area.save_counter)
    with queue_ctx.uow(write=False) as uow:
        counter = next(c for c in list_counters(uow) if c.number == 4)
    assert (counter.name, counter.group_codes, counter.active) == ("Loket Empat", ("B",), False)
    assert area.counter_model.rowCount() == 4


def test_breaks_and_the_running_text(qtbot, area, queue_ctx):
    from mpp_desk import settings
    from mpp_desk.queue.setup import list_breaks

    area.tabs.setCurrentIndex(2)
    assert area.break_model.rowCount() == 1
    assert area.break_model.index(0, 0).data() == "Jumat" and area.break_model.index(0, 1).data() == "11:30"
    area.break_table.selectRow(0)
    area.break_end.setText("13:15")
    saved(qtbot, area, area.save_break)
    area.new_break()
    area.break_day.setCurrentIndex(5)
    area.break_start.setText("09:00")
    area.break_end.setText("08:00")
    area.break_name.setText("Apel pagi")
    area.save_break()
    qtbot.waitUntil(area.break_form.rows["end"].error.isVisible, timeout=10000)
    area.break_end.setText("09:30")
    saved(qtbot, area, area.save_break)
    with queue_ctx.uow(write=False) as uow:
        breaks = [(b.weekday, b.start_time, b.end_time, b.name) for b in list_breaks(uow)]
    assert breaks == [(4, dt.time(11, 30), dt.time(13, 15), "Istirahat salat Jumat"),
                      (5, dt.time(9, 0), dt.time(9, 30), "Apel pagi")]
    area.running_text.setPlainText("Layanan tidak dipungut biaya.")
    saved(qtbot, area, area.save_running_text)
    with queue_ctx.uow(write=False) as uow:
        assert settings.get(uow, "display.running_text") == "Layanan tidak dipungut biaya."


def test_the_default_friday_break_can_be_removed(qtbot, area, queue_ctx):
    from mpp_desk.queue.setup import list_breaks

    area.tabs.setCurrentIndex(2)
    area.break_table.selectRow(0)
    assert area.remove_break_button.isEnabled()
    saved(qtbot, area, area.remove_break)
    assert area.break_model.rowCount() == 0 and "dihapus" in area.status.text()
    with queue_ctx.uow(write=False) as uow:
        assert list_breaks(uow) == []  # and it stays removed (a tombstone, not the default again)


def test_setup_models_pass_the_model_tester(qtmodeltester, area):
    for model in (area.group_model, area.counter_model, area.break_model):
        assert model.rowCount() > 0
        qtmodeltester.check(model)


# --- statistics ----------------------------------------------------------------------------------

def at(hour: int, minute: int) -> dt.datetime:
    day = TUESDAY_10.date()
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=WIB)


@pytest.fixture
def seeded_day(service_queue):
    """A001 waited 5 and was served 10 min; A002 waited 20 and did not come; B001 waited 10, served 4."""
    q = service_queue
    a1 = q.issue(group_code="A", now=at(9, 0)).ticket
    a2 = q.issue(group_code="A", now=at(9, 10)).ticket
    b1 = q.issue(group_code="B", now=at(9, 20)).ticket
    assert q.call_next(counter_number=1, now=at(9, 5)).id == a1.id
    q.start_service(ticket_id=a1.id, counter_number=1, now=at(9, 6))
    q.finish(ticket_id=a1.id, counter_number=1, now=at(9, 16))
    assert q.call_next(counter_number=1, now=at(9, 30)).id == a2.id
    q.mark_no_show(ticket_id=a2.id, counter_number=1, now=at(9, 35))
    assert q.call_next(counter_number=3, now=at(9, 30)).id == b1.id
    q.start_service(ticket_id=b1.id, counter_number=3, now=at(9, 31))
    q.finish(ticket_id=b1.id, counter_number=3, now=at(9, 35))
    return TUESDAY_10.date()


def test_statistics_show_the_figures_of_a_seeded_day(qtbot, qtmodeltester, queue_ctx, tasks, admin, seeded_day):
    from mpp_desk.ui.areas.queue_stats_area import QueueStatsArea

    stats = QueueStatsArea(ctx=queue_ctx, tasks=tasks, actor=admin, today=seeded_day)
    qtbot.addWidget(stats)
    stats.show()
    qtbot.waitUntil(lambda: stats.stats is not None, timeout=10000)
    figures = {key: label.text() for key, label in stats.figures.items()}
    assert figures == {"issued": "3", "served": "2", "no_shows": "1", "wait_avg": "11,7 mnt",
                       "wait_p90": "20,0 mnt", "service_avg": "7,0 mnt", "service_p90": "10,0 mnt"}
    assert stats.day_label.text() == "Selasa, 24 November 2026"
    groups = [[stats.group_model.index(r, c).data() for c in range(4)] for r in range(stats.group_model.rowCount())]
    assert groups == [["A · Perizinan Berusaha", "2", "1", "1"], ["B · Pengaduan dan Informasi", "1", "1", "0"]]
    counters = [[stats.counter_model.index(r, c).data() for c in range(3)]
                for r in range(stats.counter_model.rowCount())]
    assert counters == [["1 · Loket Satu", "1", "1"], ["3 · Loket Tiga", "1", "0"]]
    assert stats.chart.per_hour == {9: 3}
    channels = [[stats.channel_model.index(r, c).data() for c in range(3)]
                for r in range(stats.channel_model.rowCount())]
    assert channels == [["Kios (datang langsung)", "3", "2"]]  # a standalone PC's tickets: all at its kiosk
    qtmodeltester.check(stats.group_model)
    qtmodeltester.check(stats.counter_model)
    qtmodeltester.check(stats.channel_model)
    # another day: nothing
    with qtbot.waitSignal(stats.sig_loaded, timeout=10000):
        stats.day.setDate(stats.day.date().addDays(1))
    assert stats.figures["issued"].text() == "0" and stats.group_model.rowCount() == 0
    assert "Tidak ada nomor antrian" in stats.status.text()


def test_statistics_are_refused_to_a_counter_officer(qtbot, queue_ctx, tasks, sign_in):
    from mpp_desk.ui.areas.queue_stats_area import QueueStatsArea

    officer = sign_in("siti", COUNTER_PASSWORD)
    stats = QueueStatsArea(ctx=queue_ctx, tasks=tasks, actor=officer, today=TUESDAY_10.date())
    qtbot.addWidget(stats)
    qtbot.waitUntil(lambda: "tidak" in stats.status.text().lower(), timeout=10000)
    assert stats.stats is None
