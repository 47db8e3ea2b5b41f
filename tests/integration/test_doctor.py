"""`mpp-desk doctor`: each check is seen failing by breaking the one thing it looks at."""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import socket
import sqlite3
import zipfile
from pathlib import Path
from types import SimpleNamespace

import httpx
import pytest

from mpp_desk import backup, doctor
from mpp_desk.paths import database_path
from tests.intake_support import NIK, WIB


def test_database_intact_then_damaged_then_foreign_then_newer(app_ctx):
    data = app_ctx.data_dir
    assert doctor.check_database(data).status == doctor.OK
    app_ctx.close()
    path = database_path(data)
    pristine = path.read_bytes()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999_future'")
    con.commit()
    con.close()
    newer = doctor.check_database(data)
    assert newer.status == doctor.FAIL and "newer" in newer.text("en")
    raw = bytearray(pristine)
    raw[4096 * 3: 4096 * 5] = b"\x00\x07" * 4096  # two pages of tables and indexes overwritten
    path.write_bytes(bytes(raw))
    assert doctor.check_database(data).status == doctor.FAIL
    path.write_bytes(b"not a database at all, just text" * 10)
    assert doctor.check_database(data).status == doctor.FAIL


@pytest.mark.parametrize(("free_mb", "status"), [(100, doctor.FAIL), (1000, doctor.WARN), (50_000, doctor.OK)])
def test_free_disk(tmp_path, free_mb, status):
    check = doctor.check_disk(tmp_path, usage=lambda _p: SimpleNamespace(free=free_mb * 1024 * 1024))
    assert check.status == status and dict(check.params)["free_mb"] == free_mb


def test_backups_missing_old_and_fresh(app_ctx, office_clock):
    data = app_ctx.data_dir
    assert doctor.check_backups(data).status == doctor.WARN
    office_clock.set(dt.datetime(2026, 3, 2, 9, 0, tzinfo=WIB), running=False)
    backup.take_backup(data)
    assert doctor.check_backups(data).status == doctor.OK
    office_clock.set(dt.datetime(2026, 3, 5, 9, 0, tzinfo=WIB), running=False)
    stale = doctor.check_backups(data)
    assert stale.status == doctor.WARN and dict(stale.params)["days"] == 3


def test_missing_key_file(app_ctx):
    assert doctor.check_keys(app_ctx.data_dir).status == doctor.OK
    (app_ctx.data_dir / "keys" / "signing_ed25519.pem").unlink()
    assert doctor.check_keys(app_ctx.data_dir).status == doctor.WARN


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_network_printer_answering_and_not(tmp_path):
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        port = listener.getsockname()[1]
        assert doctor.check_printer("printer_receipt", f"escpos-net:127.0.0.1:{port}", tmp_path).status == doctor.OK
    down = doctor.check_printer("printer_receipt", f"escpos-net:127.0.0.1:{_closed_port()}", tmp_path, timeout=1)
    assert down.status == doctor.FAIL and "does not answer" in down.text("en")


def test_device_usb_system_and_pdf_printers(tmp_path, monkeypatch):
    assert doctor.check_printer("printer_ticket", "escpos-file:/dev/usb/lp9", tmp_path).status == doctor.FAIL
    assert doctor.check_printer("printer_ticket", "", tmp_path).status == doctor.INFO
    sysfs = tmp_path / "usb"
    (sysfs / "1-1").mkdir(parents=True)
    (sysfs / "1-1" / "idVendor").write_text("0416\n")
    (sysfs / "1-1" / "idProduct").write_text("5011\n")
    assert doctor._usb_printer("printer_ticket", "printer", "0416:5011", sysfs).status == doctor.OK
    assert doctor._usb_printer("printer_ticket", "printer", "04b8:0202", sysfs).status == doctor.FAIL
    monkeypatch.setattr(doctor.shutil, "which", lambda _name: None)
    assert doctor.check_printer("printer_receipt", "system:Kasir", tmp_path).status == doctor.WARN
    assert doctor.check_printer("printer_receipt", "pdf:struk", tmp_path).status == doctor.OK


def _joined(data: Path, url: str) -> None:
    (data / "sync.json").write_text(json.dumps({
        "url": url, "device_id": "d", "name": "loket-1", "role": "counter", "credential": "x",
        "office_name": "MPP", "joined_at": "2026-01-01T00:00:00+00:00"}), encoding="utf-8")


def test_server_away_answering_and_its_clock(tmp_path):
    assert doctor.check_server(tmp_path)[0].status == doctor.INFO  # standalone
    _joined(tmp_path, f"http://127.0.0.1:{_closed_port()}")
    away = doctor.check_server(tmp_path, timeout=1)
    assert [c.status for c in away] == [doctor.FAIL]
    _joined(tmp_path, "http://mpp-central.test:8750")
    here = dt.datetime(2026, 3, 2, 3, 0, tzinfo=dt.timezone.utc)

    def server_at(offset_s: int):
        date = email.utils.format_datetime(here + dt.timedelta(seconds=offset_s), usegmt=True)
        return httpx.MockTransport(lambda request: httpx.Response(200, json={"ok": True}, headers={"Date": date}))

    in_step = doctor.check_server(tmp_path, now=lambda: here, transport=server_at(2))
    assert [(c.name, c.status) for c in in_step] == [("server", doctor.OK), ("clock", doctor.OK)]
    drifted = doctor.check_server(tmp_path, now=lambda: here, transport=server_at(-600))
    assert drifted[1].status == doctor.FAIL and dict(drifted[1].params)["skew"] == 600
    refused = doctor.check_server(tmp_path, transport=httpx.MockTransport(lambda r: httpx.Response(503)))
    assert refused[0].status == doctor.FAIL


def test_scanner_found_by_name_or_not(tmp_path):
    (tmp_path / "1-2").mkdir()
    (tmp_path / "1-2" / "product").write_text("USB Keyboard\n")
    assert doctor.check_scanner(tmp_path).status == doctor.WARN
    (tmp_path / "1-3").mkdir()
    (tmp_path / "1-3" / "manufacturer").write_text("Honeywell Imaging\n")
    (tmp_path / "1-3" / "product").write_text("Voyager 1250g\n")
    found = doctor.check_scanner(tmp_path)
    assert found.status == doctor.OK and "Voyager" in found.text("en")


def test_cli_json_exit_code_and_a_bundle_without_personal_data(app_ctx, tmp_path, capsys):
    from mpp_desk.cli import main

    data = app_ctx.data_dir
    app_ctx.close()
    (data / "logs").mkdir(exist_ok=True)
    (data / "logs" / "mpp-desk.log").write_text(
        f"2026-03-02 INFO x: a line that should never have held {NIK} or 081234567890 or siti@contoh.id\n",
        encoding="utf-8")
    target = tmp_path / "support.zip"
    code = main(["--data-dir", str(data), "--lang", "en", "doctor", "--json", "--offline", "--bundle", str(target)])
    out = json.loads(capsys.readouterr().out)
    assert code == (1 if out["worst"] == "fail" else 0)
    assert {c["name"] for c in out["checks"]} >= {"database", "disk", "backup", "keys", "printer_receipt", "scanner"}
    with zipfile.ZipFile(target) as zf:
        names = set(zf.namelist())
        text = "".join(zf.read(n).decode("utf-8") for n in names)
    assert "logs/mpp-desk.log" in names and "mpp-desk.sqlite3" not in names
    assert not any(n.startswith("keys/") for n in names)
    assert NIK not in text and "081234567890" not in text and "siti@contoh.id" not in text
    database_path(data).write_bytes(b"garbage" * 100)  # broken: the command says so in its exit status
    assert main(["--data-dir", str(data), "--lang", "en", "doctor", "--offline"]) == 1
