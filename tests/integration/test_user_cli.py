"""The terminal commands: setup, user, audit and settings, in process and as a real program."""

from __future__ import annotations

import io
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from mpp_desk import auth
from mpp_desk.cli import main
from mpp_desk.paths import database_path

MPP_DESK = Path(sys.executable).parent / "mpp-desk"
PASSWORD = "Purwakarta-2026"


@pytest.fixture(autouse=True)
def fast_hashing(monkeypatch):
    monkeypatch.setitem(auth.HASH_PARAMETERS, "time_cost", 1)
    monkeypatch.setitem(auth.HASH_PARAMETERS, "memory_cost", 1024)
    monkeypatch.setitem(auth.HASH_PARAMETERS, "parallelism", 1)


@pytest.fixture
def run(data_dir, monkeypatch, capsys):
    """Run ``mpp-desk --data-dir DIR ARGS`` in this process; returns (exit code, stdout, stderr)."""

    def call(*args: str, stdin: str | None = None):
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        code = main(["--data-dir", str(data_dir), *args])
        out, err = capsys.readouterr()
        return code, out, err

    return call


@pytest.fixture
def set_up(run):
    code, out, err = run("setup", "--office-name", "MPP Bale Madukara", "--admin", "Admin", "--name", "Budi Santoso",
                         "--password-stdin", stdin=PASSWORD + "\n")
    assert code == 0, err
    return out


def users(run) -> dict[str, dict]:
    code, out, _ = run("user", "list", "--json")
    assert code == 0
    return {u["username"]: u for u in json.loads(out)}


def test_setup_creates_the_administrator_once(run, set_up):
    assert "MPP Desk sudah disiapkan. Administrator: admin." in set_up
    code, _, err = run("setup", "--office-name", "X", "--admin", "other", "--name", "Other", "--password-stdin",
                       stdin=PASSWORD + "\n")
    assert code == 2 and "sudah disiapkan" in err
    assert list(users(run)) == ["admin"]
    code, out, _ = run("settings", "get", "office.name")
    assert out.strip() == "MPP Bale Madukara"


def test_user_add_asks_the_password_twice(run, set_up, monkeypatch):
    answers = iter(["rahasia-loket-1", "rahasia-loket-1"])
    prompts: list[str] = []
    monkeypatch.setattr("getpass.getpass", lambda prompt="": prompts.append(prompt) or next(answers))
    code, out, err = run("user", "add", "Siti", "--name", "Siti Aminah", "--role", "counter")
    assert code == 0, err
    assert prompts == ["Kata sandi: ", "Ulangi kata sandi: "]
    assert "Akun siti dibuat (Petugas loket)" in out
    listed = users(run)["siti"]
    assert listed["role"] == "counter" and listed["full_name"] == "Siti Aminah" and listed["must_change_password"]


def test_mismatched_passwords_create_nothing(run, set_up, monkeypatch):
    answers = iter(["rahasia-loket-1", "rahasia-loket-2"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    code, _, err = run("user", "add", "siti", "--name", "Siti Aminah", "--role", "counter")
    assert code == 2 and "Kedua isian tidak sama" in err
    assert "siti" not in users(run)


def test_weak_password_and_unknown_role_are_refused(run, set_up):
    code, _, err = run("user", "add", "budi", "--name", "Budi", "--role", "counter", "--password-stdin",
                       stdin="budi\n")
    assert code == 2 and "minimal 8 karakter" in err
    with pytest.raises(SystemExit):
        run("user", "add", "budi", "--name", "Budi", "--role", "janitor", "--password-stdin", stdin=PASSWORD + "\n")


def test_disable_enable_and_reset_password(run, set_up, data_dir):
    assert run("user", "add", "siti", "--name", "Siti Aminah", "--role", "complaints", "--password-stdin",
               stdin=PASSWORD + "\n")[0] == 0
    code, out, _ = run("user", "disable", "siti")
    assert code == 0 and "dinonaktifkan" in out
    assert users(run)["siti"]["active"] is False
    code, out, _ = run("user", "list")
    assert "siti" in out and "nonaktif" in out
    assert run("user", "enable", "SITI")[0] == 0
    assert users(run)["siti"]["active"] is True
    code, out, _ = run("user", "reset-password", "siti", "--password-stdin", stdin="sementara-123\n")
    assert code == 0 and "diatur ulang" in out
    code, _, err = run("user", "reset-password", "nobody", "--password-stdin", stdin="sementara-123\n")
    assert code == 2 and "Tidak ada akun" in err
    from mpp_desk.context import AppContext

    ctx = AppContext(data_dir=data_dir)
    try:
        with ctx.uow() as uow:
            actor = auth.sign_in(uow, username="siti", password="sementara-123")
            uow.commit()
    finally:
        ctx.close()
    assert actor.must_change_password


def test_last_administrator_cannot_be_disabled(run, set_up):
    code, _, err = run("user", "disable", "admin")
    assert code == 2 and "administrator aktif terakhir" in err


def test_set_pin(run, set_up):
    code, _, err = run("user", "set-pin", "admin", "--pin-stdin", stdin="111111\n")
    assert code == 2 and "PIN tidak boleh" in err
    code, out, _ = run("user", "set-pin", "admin", "--pin-stdin", stdin="975310\n")
    assert code == 0 and "PIN admin disimpan" in out
    assert users(run)["admin"]["has_pin"] is True
    assert run("user", "set-pin", "admin", "--clear")[0] == 0
    assert users(run)["admin"]["has_pin"] is False


def test_audit_verify_and_list(run, set_up, data_dir):
    assert run("user", "add", "siti", "--name", "Siti Aminah", "--role", "counter", "--password-stdin",
               stdin=PASSWORD + "\n")[0] == 0
    code, out, _ = run("audit", "verify")
    assert code == 0 and out.startswith("OK: ") and "rantai utuh" in out
    code, out, _ = run("audit", "list", "--limit", "2", "--json")
    listed = json.loads(out)
    assert [e["action"] for e in listed] == ["user.created", "auth.first_run_setup"]
    assert listed[0]["actor_username"] == "terminal"
    assert "Siti Aminah" not in out
    con = sqlite3.connect(database_path(data_dir))
    seq = con.execute("SELECT seq FROM audit_entry WHERE action = 'user.created'").fetchone()[0]
    con.execute("UPDATE audit_entry SET summary = 'user siti created as administrator' WHERE seq = ?", (seq,))
    con.commit()
    con.close()
    code, out, _ = run("audit", "verify")
    assert code == 1 and f"RUSAK pada entri {seq} (user.created)" in out and "diubah setelah ditulis" in out
    code, out, _ = run("audit", "verify", "--json")
    result = json.loads(out)
    assert code == 1 and result["ok"] is False and result["first_broken_seq"] == seq and result["reason"] == "altered"


def test_settings_list_get_set(run):
    code, out, _ = run("settings", "set", "pc.counter_number", "4")
    assert code == 0 and out.strip() == "pc.counter_number = 4"
    assert run("settings", "get", "pc.counter_number")[1].strip() == "4"
    code, _, err = run("settings", "set", "pc.counter_number", "empat")
    assert code == 2 and "pc.counter_number: Isi dengan bilangan bulat." in err
    code, _, err = run("settings", "set", "office.colour", "biru")
    assert code == 2 and "Tidak ada pengaturan bernama office.colour" in err
    code, out, _ = run("settings", "list", "--json")
    listed = {s["key"]: s for s in json.loads(out)}
    assert listed["pc.counter_number"]["value"] == 4 and listed["pc.counter_number"]["scope"] == "pc"
    assert listed["security.idle_lock_minutes"]["label"] == "Kunci layar setelah tidak digunakan selama (menit)"
    code, out, _ = run("audit", "list", "--json", "--action", "settings.")
    assert json.loads(out)[0]["details"] == {"key": "pc.counter_number", "scope": "pc", "old": 1, "new": 4}


@pytest.mark.slow  # the real `mpp-desk` program, started five times over: ~5 s
def test_the_installed_program_sets_up_and_verifies(tmp_path):
    folder = tmp_path / "pc-loket"

    def program(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
        return subprocess.run([str(MPP_DESK), "--data-dir", str(folder), *args], input=stdin, capture_output=True,
                              text=True, timeout=120)

    done = program("setup", "--office-name", "MPP Bale Madukara", "--admin", "admin", "--name", "Budi Santoso",
                   "--password-stdin", stdin=PASSWORD + "\n")
    assert done.returncode == 0, done.stderr
    assert "Administrator: admin" in done.stdout
    done = program("user", "add", "siti", "--name", "Siti Aminah", "--role", "counter", "--password-stdin",
                   stdin="rahasia-loket-1\n")
    assert done.returncode == 0, done.stderr
    listed = json.loads(program("user", "list", "--json").stdout)
    assert [u["username"] for u in listed] == ["admin", "siti"]
    done = program("audit", "verify", "--json")
    assert done.returncode == 0 and json.loads(done.stdout)["ok"] is True
    con = sqlite3.connect(database_path(folder))
    stored_hash = con.execute("SELECT password_hash FROM staff_user WHERE username = 'siti'").fetchone()[0]
    con.execute("DELETE FROM audit_entry WHERE action = 'user.created'")
    con.commit()
    con.close()
    assert stored_hash.startswith("$argon2id$v=19$m=65536,t=3,p=4$")  # the real parameters
    done = program("audit", "verify")
    assert done.returncode == 1 and "RUSAK" in done.stdout
    log_file = folder / "logs" / "mpp-desk.log"
    assert not log_file.exists() or "Siti Aminah" not in log_file.read_text()
