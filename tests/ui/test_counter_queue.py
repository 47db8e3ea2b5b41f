"""The counter officer's queue panel, every action through its keyboard shortcut: call next (F5),
recall (F6), start (F7), finish with an outcome (F8), absent (F9), transfer (F10), hold (F11),
resume (F12), reprint (Ctrl+P); the waiting lists follow what happens elsewhere."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui.conftest import COUNTER_PASSWORD
from tests.ui.queue_helpers import (
    TUESDAY_10,
    Clock,
    event_types,
    queue_ctx,
    service_queue,
    set_setting,
    ticket_row,
)

__all__ = ["queue_ctx", "service_queue"]  # fixtures used by this module


@pytest.fixture
def officer(queue_ctx, sign_in):
    return sign_in("siti", COUNTER_PASSWORD)


def make_panel(qtbot, ctx, tasks, actor, *, number: int | None = None):
    from mpp_desk.ui.areas.counter import QueuePanel

    panel = QueuePanel(ctx=ctx, tasks=tasks, actor=actor, clock=Clock(TUESDAY_10), counter_number=number)
    qtbot.addWidget(panel)
    panel.resize(1136, 718)
    panel.show()
    qtbot.waitUntil(lambda: panel.panel_state is not None, timeout=10000)
    return panel


@pytest.fixture
def panel(qtbot, queue_ctx, tasks, officer):
    """Counter 2 (groups A and B), this PC's counter by the setting pc.counter_number."""
    set_setting(queue_ctx, "pc.counter_number", 2)
    return make_panel(qtbot, queue_ctx, tasks, officer)


def press(qtbot, panel, key, modifier=Qt.KeyboardModifier.NoModifier):
    """Press an action key and wait until the action is done; returns the ticket it acted on."""
    with qtbot.waitSignal(panel.sig_action_done, timeout=10000) as done:
        qtbot.keyClick(panel, key, modifier)
    return done.args[1]


def issue(service_queue, group: str, count: int = 1, **kwargs):
    return [service_queue.issue(group_code=group, now=TUESDAY_10, **kwargs).ticket for _ in range(count)]


def test_call_next_recall_start_and_finish_with_an_outcome(qtbot, panel, queue_ctx, service_queue):
    issue(service_queue, "A", 2)
    panel.reload()
    qtbot.waitUntil(lambda: panel.waiting_codes("A") == ["A001", "A002"], timeout=10000)
    assert panel.panel_state.counter_number == 2
    assert panel.title.text() == "Antrian — loket 2 (Loket Dua), memanggil kelompok A, B"
    assert not panel.buttons["recall"].isEnabled() and panel.buttons["call"].isEnabled()

    called = press(qtbot, panel, Qt.Key.Key_F5)
    assert called.code == "A001" and panel.card.code.text() == "A001"
    assert panel.card.state.text() == "dipanggil"
    assert panel.waiting_codes("A") == ["A002"]
    assert "A001 dipanggil ke loket 2" in panel.status.text()
    assert not panel.buttons["call"].isEnabled()  # the counter is busy until the ticket moves on

    press(qtbot, panel, Qt.Key.Key_F6)
    assert ticket_row(queue_ctx, "A001").recall_count == 1
    assert "dipanggil ulang 1 kali" in panel.card.state.text()

    press(qtbot, panel, Qt.Key.Key_F7)
    assert ticket_row(queue_ctx, "A001").status == "serving"
    assert panel.card.state.text().startswith("sedang dilayani")

    qtbot.keyClick(panel, Qt.Key.Key_F8)  # asks for the outcome first
    assert panel.finish_bar.isVisibleTo(panel)
    assert ticket_row(queue_ctx, "A001").status == "serving"
    qtbot.keyClick(panel, Qt.Key.Key_3)  # "Information only"
    qtbot.keyClicks(panel.finish_bar.note, "tanya syarat NIB")
    finished = press(qtbot, panel, Qt.Key.Key_Return)
    row = ticket_row(queue_ctx, "A001")
    assert finished.code == "A001" and row.status == "done" and row.outcome == "information"
    assert row.note == "tanya syarat NIB"
    assert panel.current is None and panel.card.code.text() == "—"
    assert not panel.finish_bar.isVisibleTo(panel)
    assert event_types(queue_ctx, "A001") == ["issued", "called", "recalled", "started", "finished"]


def test_absent_and_nobody_waiting(qtbot, panel, queue_ctx, service_queue):
    issue(service_queue, "B")
    panel.reload()
    qtbot.waitUntil(lambda: panel.waiting_codes("B") == ["B001"], timeout=10000)
    assert press(qtbot, panel, Qt.Key.Key_F5).code == "B001"
    assert press(qtbot, panel, Qt.Key.Key_F9).code == "B001"
    assert ticket_row(queue_ctx, "B001").status == "no_show"
    assert panel.current is None
    assert press(qtbot, panel, Qt.Key.Key_F5) is None
    assert "Tidak ada yang menunggu" in panel.status.text()


def test_transfer_to_another_group_keeps_the_issue_time(qtbot, panel, queue_ctx, service_queue):
    first, _second = issue(service_queue, "A", 2)
    panel.reload()
    qtbot.waitUntil(lambda: len(panel.waiting_codes("A")) == 2, timeout=10000)
    press(qtbot, panel, Qt.Key.Key_F5)
    qtbot.keyClick(panel, Qt.Key.Key_F10)
    assert panel.transfer_bar.isVisibleTo(panel)
    targets = [panel.transfer_bar.targets.item(r).text() for r in range(panel.transfer_bar.targets.count())]
    assert "Kelompok B — Pengaduan dan Informasi" in targets
    assert "Loket 1 — Loket Satu" in targets and not any("Loket Dua" in t for t in targets)
    qtbot.keyClick(panel, Qt.Key.Key_Escape)  # Escape closes the choice, nothing happens
    assert not panel.transfer_bar.isVisibleTo(panel) and ticket_row(queue_ctx, "A001").status == "called"
    qtbot.keyClick(panel, Qt.Key.Key_F10)
    assert panel.select_target("group", "B")
    moved = press(qtbot, panel, Qt.Key.Key_Return)
    row = ticket_row(queue_ctx, "A001")
    assert moved.code == "A001" and moved.route_group_code == "B"
    assert row.status == "waiting" and row.issued_at == first.issued_at and row.transfer_count == 1
    assert panel.waiting_codes("B") == ["A001"] and panel.waiting_codes("A") == ["A002"]
    # the transferred ticket keeps its place: it was issued first, so it is called first
    assert press(qtbot, panel, Qt.Key.Key_F5).code == "A001"


def test_transfer_to_one_counter(qtbot, panel, queue_ctx, service_queue, tasks, officer):
    issue(service_queue, "A")
    panel.reload()
    qtbot.waitUntil(lambda: panel.waiting_codes("A") == ["A001"], timeout=10000)
    press(qtbot, panel, Qt.Key.Key_F5)
    press(qtbot, panel, Qt.Key.Key_F7)
    qtbot.keyClick(panel, Qt.Key.Key_F10)  # serving tickets can be transferred too
    assert panel.select_target("counter", 1)
    press(qtbot, panel, Qt.Key.Key_Return)
    row = ticket_row(queue_ctx, "A001")
    assert row.status == "waiting" and row.target_counter_id is not None
    assert "untuk loket 1" in panel.tabs.waiting_models["A"].index(0, 4).data()
    assert press(qtbot, panel, Qt.Key.Key_F5) is None  # pinned to counter 1: not for this counter
    other = make_panel(qtbot, queue_ctx, tasks, officer, number=1)
    assert press(qtbot, other, Qt.Key.Key_F5).code == "A001"


def test_hold_and_resume(qtbot, panel, queue_ctx, service_queue):
    issue(service_queue, "A", 2)
    panel.reload()
    qtbot.waitUntil(lambda: len(panel.waiting_codes("A")) == 2, timeout=10000)
    press(qtbot, panel, Qt.Key.Key_F5)
    press(qtbot, panel, Qt.Key.Key_F7)
    held = press(qtbot, panel, Qt.Key.Key_F11)
    assert held.code == "A001" and ticket_row(queue_ctx, "A001").status == "held"
    assert panel.current is None and panel.held_model.rowCount() == 1
    assert "(1)" in panel.held_title.text()
    # the counter serves the next visitor meanwhile; resuming needs a free counter
    assert press(qtbot, panel, Qt.Key.Key_F5).code == "A002"
    assert not panel.buttons["resume"].isEnabled()
    press(qtbot, panel, Qt.Key.Key_F9)
    assert panel.buttons["resume"].isEnabled()
    resumed = press(qtbot, panel, Qt.Key.Key_F12)
    assert resumed.code == "A001" and ticket_row(queue_ctx, "A001").status == "serving"
    assert panel.held_model.rowCount() == 0 and panel.card.code.text() == "A001"
    assert event_types(queue_ctx, "A001")[-2:] == ["held", "resumed"]


def test_the_waiting_lists_follow_the_kiosk_and_other_counters(qtbot, panel, service_queue):
    assert panel.waiting_codes("A") == [] and panel.waiting_codes("B") == []
    issue(service_queue, "A", 2)
    issue(service_queue, "B", priority_reason="elderly")
    qtbot.waitUntil(lambda: panel.waiting_codes("A") == ["A001", "A002"], timeout=10000)
    qtbot.waitUntil(lambda: panel.waiting_codes("B") == ["B001"], timeout=10000)
    assert panel.tabs.waiting_models["B"].index(0, 1).data() == "Lansia"
    tab_texts = [panel.tabs.tabText(i) for i in range(panel.tabs.count())]
    assert "A: 2 menunggu" in tab_texts and "B: 1 menunggu" in tab_texts
    service_queue.call_next(counter_number=1, now=TUESDAY_10)  # another counter takes A001
    qtbot.waitUntil(lambda: panel.waiting_codes("A") == ["A002"], timeout=10000)
    # priority first: this counter calls B001 (elderly) before A002
    assert press(qtbot, panel, Qt.Key.Key_F5).code == "B001"


def test_unprinted_tickets_are_reprinted_with_ctrl_p(qtbot, panel, queue_ctx, service_queue):
    issue(service_queue, "A", 2)  # the kiosk had no printer: both unprinted
    panel.reload()
    qtbot.waitUntil(lambda: panel.tabs.unprinted_model.rowCount() == 2, timeout=10000)
    panel.tabs.unprinted_table.selectRow(1)
    press(qtbot, panel, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert "A002 tidak tercetak" in panel.status.text()  # this PC has no printer either
    assert not ticket_row(queue_ctx, "A002").printed
    set_setting(queue_ctx, "printer.ticket", "pdf")
    panel.tabs.unprinted_table.selectRow(1)
    press(qtbot, panel, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert "A002 tercetak" in panel.status.text()
    assert ticket_row(queue_ctx, "A002").printed and not ticket_row(queue_ctx, "A001").printed
    assert [panel.tabs.unprinted_model.row_object(r).code for r in range(panel.tabs.unprinted_model.rowCount())] == ["A001"]


def test_a_refused_action_is_explained_and_the_panel_catches_up(qtbot, panel, queue_ctx, service_queue):
    issue(service_queue, "A")
    panel.reload()
    qtbot.waitUntil(lambda: panel.waiting_codes("A") == ["A001"], timeout=10000)
    press(qtbot, panel, Qt.Key.Key_F5)
    ticket = panel.current
    service_queue.mark_no_show(ticket_id=ticket.id, counter_number=2, now=TUESDAY_10)  # e.g. from a second window
    with qtbot.waitSignal(panel.sig_failed, timeout=10000):
        qtbot.keyClick(panel, Qt.Key.Key_F7)
    assert panel.status.objectName() == "errorNote" and "A001" in panel.status.text()
    qtbot.waitUntil(lambda: panel.current is None, timeout=10000)


def test_a_pc_whose_counter_is_not_set_up_says_so(qtbot, queue_ctx, tasks, officer):
    set_setting(queue_ctx, "pc.counter_number", 9)
    panel = make_panel(qtbot, queue_ctx, tasks, officer)
    assert panel.panel_state.state is None
    assert "9" in panel.status.text() and panel.status.objectName() == "errorNote"
    assert not any(button.isEnabled() for button in panel.buttons.values())


def test_the_counter_home_holds_the_panel_and_the_complaint_desk_gets_a_queue_area(queue_ctx):
    from mpp_desk.ui.areas import areas_for

    counter_keys = [s.key for s in areas_for("counter")]
    assert "home" in counter_keys and "queue" not in counter_keys
    complaints_keys = [s.key for s in areas_for("complaints")]
    assert "queue" in complaints_keys and "home" not in complaints_keys
    admin_keys = [s.key for s in areas_for("administrator")]
    assert {"queue_setup", "queue_stats"} <= set(admin_keys) and "queue" not in admin_keys
    assert "queue_stats" in [s.key for s in areas_for("supervisor")]


def test_the_shell_shortcut_reaches_the_counter_home_panel(qtbot, queue_ctx, tasks, officer, service_queue):
    from mpp_desk.ui.shell import RoleShell

    issue(service_queue, "A")
    shell = RoleShell(ctx=queue_ctx, tasks=tasks, actor=officer, office_name="MPP")
    qtbot.addWidget(shell)
    shell.resize(1366, 768)
    shell.show()
    home = shell.area("home")
    panel = home.queue
    qtbot.waitUntil(lambda: panel.waiting_codes("A") == ["A001"], timeout=10000)
    shell.nav.setFocus()  # focus outside the panel: the window-wide shortcut still calls
    with qtbot.waitSignal(panel.sig_action_done, timeout=10000):
        qtbot.keyClick(shell.nav, Qt.Key.Key_F5)
    assert panel.card.code.text() == "A001"


def test_the_panel_models_pass_the_model_tester(qtmodeltester, qtbot, panel, service_queue):
    issue(service_queue, "A", 3)
    issue(service_queue, "B", priority_reason="nursing")
    panel.reload()
    qtbot.waitUntil(lambda: len(panel.waiting_codes("A")) == 3, timeout=10000)
    assert press(qtbot, panel, Qt.Key.Key_F5).code == "B001"  # priority first
    press(qtbot, panel, Qt.Key.Key_F11)
    for model in (panel.tabs.waiting_models["A"], panel.held_model, panel.tabs.unprinted_model):
        assert model.rowCount() > 0
    for model in (*panel.tabs.waiting_models.values(), panel.held_model, panel.tabs.unprinted_model):
        qtmodeltester.check(model)


def test_a_counter_named_after_its_number_is_not_named_twice(qtbot, queue_ctx, tasks, officer):
    from mpp_desk import queue as q
    from mpp_desk.roles import TERMINAL

    with queue_ctx.uow(actor=TERMINAL) as uow:
        q.create_counter(uow, number=7, name="Loket  7", group_codes=["B"])
        uow.commit()
    set_setting(queue_ctx, "pc.counter_number", 7)
    panel = make_panel(qtbot, queue_ctx, tasks, officer)
    assert panel.title.text() == "Antrian — loket 7, memanggil kelompok B"


def test_the_outcome_list_shows_every_outcome_whole_in_the_room_of_the_counter_home(qtbot, panel, service_queue):
    """On a 1366×768 PC the panel gets about 1100×430 px in the counter's home; the list once showed 1½ rows."""
    issue(service_queue, "A")
    panel.resize(1100, 430)
    panel.reload()
    qtbot.waitUntil(lambda: panel.waiting_codes("A") == ["A001"], timeout=10000)
    press(qtbot, panel, Qt.Key.Key_F5)
    press(qtbot, panel, Qt.Key.Key_F7)
    qtbot.keyClick(panel, Qt.Key.Key_F8)
    qtbot.wait(50)
    outcomes = panel.finish_bar.outcomes
    assert outcomes.count() == 5
    viewport = outcomes.viewport().rect()
    for row in range(outcomes.count()):
        rect = outcomes.visualItemRect(outcomes.item(row))
        assert viewport.contains(rect), f"outcome {row + 1} is cut: {rect} outside {viewport}"
    assert panel.finish_bar.visibleRegion().boundingRect().height() == panel.finish_bar.height()  # scrolled into view


def test_the_panel_warns_when_the_pc_clock_went_back(qtbot, queue_ctx, tasks, officer, service_queue):
    import datetime as dt

    set_setting(queue_ctx, "pc.counter_number", 2)
    service_queue.issue(group_code="A", now=TUESDAY_10 + dt.timedelta(hours=3))  # a PC whose clock was ahead
    panel = make_panel(qtbot, queue_ctx, tasks, officer)
    assert panel.panel_state.clock_warning is not None
    assert "Jam komputer" in panel.status.text() and panel.status.objectName() == "errorNote"


def test_the_servers_stream_wakes_the_panel_and_a_lost_server_is_said_at_once(qtbot, panel, service_queue):
    """On a joined PC the queue server's events refresh the lists at once and losing the server is shown;
    the signals are those the stream bridge re-emits (the stream itself is tested in tests/server)."""
    panel.check_timer.stop()  # only the stream's event may refresh the panel here
    before = panel.waiting_codes("A")
    (ticket,) = issue(service_queue, "A")
    assert ticket.code not in before
    with qtbot.waitSignal(panel.sig_loaded, timeout=10000):
        panel.live.sig_event.emit(None)
    assert ticket.code in panel.waiting_codes("A")

    panel.live.sig_online.emit(False)
    assert "Tidak tersambung ke server antrian sejak pukul" in panel.status.text()
    assert panel.status.objectName() == "errorNote"
    with qtbot.waitSignal(panel.sig_loaded, timeout=10000):
        panel.live.sig_online.emit(True)
    assert panel.status.text() == "Tersambung kembali ke server antrian."
