"""A PC whose sync protocol the server no longer serves is told, in Indonesian, to update MPP Desk: by
`mpp-desk sync now` and in the window's sync line; nothing it holds is lost."""

from __future__ import annotations

import uuid

import pytest

from mpp_desk.sync import client
from tests.server.conftest import ADMIN_URL, _connect_admin, desk, desk_json, enroll


@pytest.fixture
def pg_url(_postgres_available):
    name = f"mpp_test_ops18b_{uuid.uuid4().hex[:12]}"
    with _connect_admin() as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield f"{ADMIN_URL.rsplit('/', 1)[0]}/{name}"
    with _connect_admin() as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def indonesian_window(qapp):
    """The window's translators, as at start-up (the server tests install none), removed afterwards."""
    from mpp_desk.ui.application import install_translators

    installed = install_translators(qapp, "id")
    yield
    for translator in installed:
        qapp.removeTranslator(translator)


def test_an_older_pc_is_told_to_update_in_indonesian(server, server_db, make_pc, monkeypatch, qtbot,
                                                      indonesian_window):
    from mpp_desk.sync.worker import SyncWorker
    from mpp_desk.ui.sync_status import SyncStatus

    pc = make_pc("loket-lama")
    desk_json(pc, "sync", "join", server, enroll(server_db, "loket-lama", "counter"))
    monkeypatch.setattr(client, "PROTOCOL", 0)  # this PC now speaks a protocol the server no longer serves
    pending = client.pending_count(pc.db)

    status, out, err = desk(pc, "sync", "now")
    assert status != 0 and out == ""
    assert err.startswith("mpp-desk: Versi MPP Desk ini terlalu lama untuk server: PC ini memakai protokol "
                          "sinkronisasi 0, server memerlukan minimal 1. Perbarui MPP Desk di PC ini")
    assert "Upgrade" not in err and "Traceback" not in err

    worker = SyncWorker(pc.db, pc.data_dir, interval=1, max_backoff=60)
    delay = worker.run_once()
    assert delay == 60  # a person must act: the PC does not hammer the server
    line = SyncStatus()
    qtbot.addWidget(line)
    line.show_state(worker.state)
    assert line.text().startswith("Perbarui MPP Desk di PC ini: server tidak lagi menerima versi ini")
    assert "Perbarui MPP Desk di PC ini (lihat docs/upgrading.md)" in line.toolTip()
    assert client.pending_count(pc.db) == pending  # nothing it holds was dropped
