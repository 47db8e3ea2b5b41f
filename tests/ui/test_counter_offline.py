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
