"""A data folder copied after joining holds sync.json, but it is not the device the server enrolled."""

from __future__ import annotations

import json
import shutil

from mpp_desk.context import AppContext
from mpp_desk.sync import client
from tests.server.conftest import desk, desk_json, enroll
from tests.server.test_sync_two_pcs import capture_complaint, officer


def test_a_data_folder_copied_after_joining_does_not_sync_as_the_original(server, server_db, make_pc, tmp_path):
    original = make_pc("desk")
    desk_json(original, "sync", "join", server, enroll(server_db, "pengaduan-1", "complaints"))
    assert json.loads(client.credential_path(original.data_dir).read_text())["fingerprint"]
    original.close()
    shutil.copytree(original.data_dir, tmp_path / "copy")
    copy = AppContext(data_dir=tmp_path / "copy")
    copy.open()
    try:
        capture_complaint(copy, officer(copy, "budi"))
        status, out, err = desk(copy, "sync", "now", "--json")
        assert status != 0
        assert "pengaduan-1" in err and "sync.json" in err  # the copy is named, and the way out
        assert client.pending_count(copy.db) > 0  # kept on the copy, nothing sent
    finally:
        copy.close()
    original.open()
    assert desk_json(original, "sync", "now")["pulled"] == 0  # the server got nothing from the copy
    assert desk_json(original, "sync", "status")["conflicts"] == 0


def test_a_pc_joined_before_fingerprints_records_its_own_on_the_next_sync(server, server_db, make_pc):
    pc = make_pc("counter")
    desk_json(pc, "sync", "join", server, enroll(server_db, "loket-1", "counter"))
    path = client.credential_path(pc.data_dir)
    stored = json.loads(path.read_text())
    stored.pop("fingerprint")
    path.write_text(json.dumps(stored))
    desk_json(pc, "sync", "now")
    assert json.loads(path.read_text())["fingerprint"] == client.install_fingerprint(pc.data_dir)
