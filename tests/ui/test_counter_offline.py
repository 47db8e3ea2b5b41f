"""The counter panel of a joined PC whose queue server is away (issue 14): it keeps the last picture the server
gave, serves the ticket at the counter, calls the next ticket from the last known list only when the
supervisor's setting allows it, and journals what it did for the server (tests/server: the replay)."""

from __future__ import annotations

import datetime as dt
import socket

import pytest
from PySide6.QtCore import Qt

from mpp_desk.queue.counter_journal import CounterJournal
from tests.ui.conftest import COUNTER_PASSWORD
from tests.ui.queue_helpers import TUESDAY_10, Clock, queue_ctx, service_queue, set_setting

__all__ = ["queue_ctx", "service_queue"]  # fixtures used by this module


@pytest.fixture
def offline_pc(queue_ctx, service_queue, monkeypatch, sign_in):
    """Counter 2 of a PC joined to a server that does not answer (a closed port), whose last picture from the
    server holds A001, A002 (group A) and B001 (group B) waiting."""
    from mpp_desk.queue import remote
    from mpp_desk.ui.ops import counter_offline

    for minutes, code in enumerate(("A", "A", "B")):
        service_queue.issue(group_code=code, now=TUESDAY_10 + dt.timedelta(minutes=minutes))
    state = service_queue.counter_state(counter_number=2, now=TUESDAY_10)
    waiting = {c: tuple(service_queue.waiting_list(group_code=c, now=TUESDAY_10)) for c in state.counter.group_codes}
    CounterJournal(queue_ctx.data_dir).remember(state=state, waiting=waiting, last_seq=7, now=TUESDAY_10)

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed once the block ends: every request is refused at once
    server = remote.RemoteQueue(f"http://127.0.0.1:{port}", "credential", attempts=1, ctx=queue_ctx)

    def joined(ctx, *, actor=None):
        return server.acting_for(actor, ctx=ctx)

    monkeypatch.setattr(remote, "remote_backend_if_joined", joined)
    monkeypatch.setattr(counter_offline, "remote_backend_if_joined", joined)
    set_setting(queue_ctx, "pc.counter_number", 2)
    return queue_ctx, sign_in("siti", COUNTER_PASSWORD)


def make_panel(qtbot, ctx, tasks, actor):
    from mpp_desk.ui.areas.counter import QueuePanel

    panel = QueuePanel(ctx=ctx, tasks=tasks, actor=actor, clock=Clock(TUESDAY_10))
    qtbot.addWidget(panel)
    panel.resize(1136, 718)
    panel.show()
    qtbot.waitUntil(lambda: panel.panel_state is not None, timeout=10000)
    qtbot.waitUntil(lambda: panel.live.online is False, timeout=10000)  # the stream found no server
    assert "Tidak tersambung ke server antrian" in panel.status.text()
    panel.check_timer.stop()
    return panel


def press(qtbot, panel, key):
    with qtbot.waitSignal(panel.sig_action_done, timeout=10000) as done:
        qtbot.keyClick(panel, key)
    return done.args[1]


def test_with_the_setting_on_the_counter_calls_and_serves_from_the_last_list_and_journals_it(qtbot, offline_pc,
                                                                                               tasks):
    ctx, officer = offline_pc
    set_setting(ctx, "queue.offline_calling", True)
    panel = make_panel(qtbot, ctx, tasks, officer)
    assert panel.panel_state.offline_since == TUESDAY_10  # the kept picture, not an error
    assert panel.waiting_codes("A") == ["A001", "A002"] and panel.buttons["call"].isEnabled()

    ticket = press(qtbot, panel, Qt.Key.Key_F5)
    assert ticket.code == "A001" and panel.current.code == "A001" and panel.current.status == "called"
    assert "A001 dipanggil ke loket 2" in panel.status.text()
    assert "Tanpa server: 1 tindakan akan dikirim" in panel.status.text()
    assert panel.waiting_codes("A") == ["A002"]
    press(qtbot, panel, Qt.Key.Key_F7)
    assert panel.current.status == "serving"
    with qtbot.waitSignal(panel.sig_action_done, timeout=10000):
        qtbot.keyClick(panel, Qt.Key.Key_F8)
        qtbot.keyClick(panel, Qt.Key.Key_Return)
    assert panel.current is None and "3 tindakan" in panel.status.text()

    journal = CounterJournal(ctx.data_dir)
    assert [(e["action"], e["code"]) for e in journal.pending] == [("call", "A001"), ("start", "A001"),
                                                                  ("finish", "A001")]
    assert len({e["op_id"] for e in journal.pending}) == 3
    assert press(qtbot, panel, Qt.Key.Key_F5).code == "A002"  # the next one of the last known list

    # back online, the panel's load sent the journal (tests/server: against mpp-central) and says what came of it
    import dataclasses

    panel.show_state(dataclasses.replace(panel.panel_state, offline_since=None, pending=0, reconciled={
        "applied": 3, "conflict": 1, "refused": 0, "conflict_codes": ["A002"]}))
    assert panel.status.text() == ("Pekerjaan selama tanpa server telah dikirim: 3 diterima, 0 ditolak. "
                                   "Dilayani dua kali, tampil bagi pengawas: A002.")
    assert panel.status.objectName() == "errorNote"


def test_with_the_setting_off_calling_offline_is_refused_in_one_clear_message(qtbot, offline_pc, tasks):
    ctx, officer = offline_pc
    panel = make_panel(qtbot, ctx, tasks, officer)
    assert panel.buttons["call"].isEnabled()
    with qtbot.waitSignal(panel.sig_failed, timeout=10000) as failed:
        qtbot.keyClick(panel, Qt.Key.Key_F5)
    assert failed.args[0].startswith("Server antrian tidak dapat dihubungi, dan pengaturan pengawas tidak "
                                      "mengizinkan loket memanggil")
    qtbot.waitUntil(lambda: not panel._loading, timeout=10000)
    assert panel.status.text() == failed.args[0] and panel.status.objectName() == "errorNote"
    assert panel.current is None and CounterJournal(ctx.data_dir).pending == []
    assert panel.waiting_codes("A") == ["A001", "A002"]


def test_the_setting_is_ticked_in_the_queue_set_up_and_is_off_by_default(qtbot, queue_ctx, tasks, sign_in):
    from mpp_desk import settings
    from mpp_desk.ui.areas.queue_setup_area import QueueSetupArea
    from tests.ui.conftest import ADMIN_PASSWORD

    area = QueueSetupArea(ctx=queue_ctx, tasks=tasks, actor=sign_in("admin", ADMIN_PASSWORD))
    qtbot.addWidget(area)
    area.show()
    box = area.offline_calling
    qtbot.waitUntil(box.isEnabled, timeout=10000)
    assert not box.isChecked()
    assert box.text() == "Loket boleh memanggil tanpa server dari daftar tunggu terakhir yang diketahui"
    with qtbot.waitSignal(box.sig_said, timeout=10000) as said:
        box.click()
    assert said.args[1] == "okNote" and area.status.text() == said.args[0]
    with queue_ctx.uow(write=False) as uow:
        assert settings.get(uow, "queue.offline_calling") is True
    assert box.isChecked() and box.isEnabled()


def test_the_statistics_show_the_tickets_served_twice_never_hidden(qtbot, queue_ctx, tasks, sign_in, monkeypatch):
    from mpp_desk.queue.views import ServedTwice
    from mpp_desk.ui.areas.queue_stats_area import QueueStatsArea
    from mpp_desk.ui.ops import counter_offline
    from tests.ui.conftest import ADMIN_PASSWORD

    asked = []
    twice = ServedTwice("A001", TUESDAY_10.date(), 1, "loket-1", TUESDAY_10 + dt.timedelta(minutes=5), "finish",
                        TUESDAY_10 + dt.timedelta(minutes=12), 2, "done", TUESDAY_10 + dt.timedelta(minutes=3))

    class Server:  # the server's answer (RemoteQueue.served_twice is tested against mpp-central in tests/server)
        def served_twice(self, *, date):
            asked.append(date)
            return [twice]

    monkeypatch.setattr(counter_offline, "remote_backend_if_joined", lambda ctx, actor=None: Server())
    stats = QueueStatsArea(ctx=queue_ctx, tasks=tasks, actor=sign_in("admin", ADMIN_PASSWORD),
                           today=TUESDAY_10.date())
    qtbot.addWidget(stats)
    stats.show()
    qtbot.waitUntil(lambda: stats.served_twice.rows != (), timeout=10000)
    assert asked == [TUESDAY_10.date()]
    assert stats.tables.tabText(stats.tables.indexOf(stats.served_twice)) == "Dilayani dua kali (1)"
    model = stats.served_twice.model
    cells = [model.index(0, c).data() for c in range(model.columnCount())]
    assert cells == ["A001", "loket 1 (loket-1)", "10.05 WIB", "diselesaikan, 10.12 WIB", "loket 2",
                     "selesai", "10.03 WIB", "belum"]
    assert stats.served_twice.note.objectName() == "errorNote"


def test_a_supervisor_marks_a_ticket_served_twice_checked_and_it_stays_listed(qtbot, queue_ctx, tasks, sign_in,
                                                                              monkeypatch):
    """The button marks the selected unchecked entry on the server (in the background) with the signed-in
    person's full name and the note asked; the row then shows who checked it and the title counts what is left."""
    import dataclasses

    from mpp_desk.queue.views import ServedTwice
    from mpp_desk.ui.areas.queue_stats_area import QueueStatsArea
    from mpp_desk.ui.ops import counter_offline
    from tests.ui.conftest import ADMIN_PASSWORD

    checked_at = TUESDAY_10 + dt.timedelta(minutes=20)
    open_one = ServedTwice("A001", TUESDAY_10.date(), 1, "loket-1", TUESDAY_10 + dt.timedelta(minutes=5), "finish",
                           TUESDAY_10 + dt.timedelta(minutes=12), 2, "done", TUESDAY_10 + dt.timedelta(minutes=3),
                           id=7)
    done_before = dataclasses.replace(open_one, ticket_code="A002", id=8, checked_at=checked_at - dt.timedelta(hours=1),
                                      checked_by="Rina Pengawas", checked_note="sudah", checked_device="kepala")
    marked: list[tuple] = []

    class Server:  # the server's answers (the marking itself is tested against mpp-central in tests/server)
        def served_twice(self, *, date):
            return [open_one, done_before]

        def mark_served_twice_checked(self, *, conflict_id, checked_by, note):
            marked.append((conflict_id, checked_by, note))
            return dataclasses.replace(open_one, checked_at=checked_at, checked_by=checked_by, checked_note=note,
                                       checked_device="admin-pc")

    monkeypatch.setattr(counter_offline, "remote_backend_if_joined", lambda ctx, actor=None: Server())
    stats = QueueStatsArea(ctx=queue_ctx, tasks=tasks, actor=sign_in("admin", ADMIN_PASSWORD), today=TUESDAY_10.date())
    qtbot.addWidget(stats)
    stats.show()
    tab = stats.served_twice
    qtbot.waitUntil(lambda: len(tab.rows) == 2, timeout=10000)
    title = lambda: stats.tables.tabText(stats.tables.indexOf(tab))  # noqa: E731
    assert title() == "Dilayani dua kali (1)"  # only what is not checked yet
    assert tab.model.headerData(7, Qt.Orientation.Horizontal) == "Diperiksa"
    assert tab.model.index(1, 7).data() == "Rina Pengawas, 24-11-2026 09.20 WIB: sudah"
    stats.tables.setCurrentWidget(tab)
    button = tab.check_button
    assert button.text() == "Tandai sudah diperiksa" and button.isVisible() and not button.isEnabled()
    tab.table.selectRow(1)
    assert not button.isEnabled()  # already checked: once only
    tab.table.selectRow(0)
    assert button.isEnabled()

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.dialog is not None and tab.dialog.isVisible(), timeout=10000)
    tab.dialog.note.setText("Loket 2 yang melayani")
    tab.dialog.accept()
    qtbot.waitUntil(lambda: tab.rows[0].checked, timeout=10000)
    assert marked == [(7, "Ade Administrator", "Loket 2 yang melayani")]
    assert [r.ticket_code for r in tab.rows] == ["A001", "A002"]  # never hidden
    assert tab.model.index(0, 7).data() == "Ade Administrator, 24-11-2026 10.20 WIB: Loket 2 yang melayani"
    assert title() == "Dilayani dua kali"
    assert tab.note.text() == "Tiket A001 sudah ditandai diperiksa." and tab.note.objectName() == "okNote"
    assert not button.isEnabled()


def test_only_supervisors_and_administrators_see_the_mark_button(qtbot, queue_ctx, tasks, sign_in):
    from mpp_desk.errors import PermissionDenied
    from mpp_desk.ui.areas.queue_offline import ServedTwiceTab
    from mpp_desk.ui.ops import counter_offline

    officer = sign_in("siti", COUNTER_PASSWORD)
    tab = ServedTwiceTab(ctx=queue_ctx, tasks=tasks, actor=officer)
    qtbot.addWidget(tab)
    tab.show()
    assert tab.check_button.isHidden() and tab.table.isVisible()
    with pytest.raises(PermissionDenied):  # and the operation itself refuses, whatever the screen shows
        counter_offline.mark_served_twice_checked(queue_ctx, actor=officer, conflict_id=7, note="")


def test_marking_on_a_pc_that_left_the_server_is_one_clear_message(queue_ctx, sign_in):
    """The list came from the server, then the PC left it: the mark says so in Indonesian and sends nothing."""
    from mpp_desk.queue.errors import QueueOffline
    from mpp_desk.ui.forms import error_text
    from mpp_desk.ui.ops import counter_offline
    from tests.ui.conftest import ADMIN_PASSWORD

    admin = sign_in("admin", ADMIN_PASSWORD)
    with pytest.raises(QueueOffline) as refused:
        counter_offline.mark_served_twice_checked(queue_ctx, actor=admin, conflict_id=7, note="")
    assert error_text(refused.value) == ("PC ini tidak lagi memakai server antrian kantor, tempat tiket yang "
                                         "dilayani dua kali disimpan: tidak ada yang ditandai.")
