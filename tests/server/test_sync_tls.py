"""TLS on the office LAN: the office CA from `mpp-central cert init`, trusted by `sync join --ca`."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys

import pytest

from mpp_desk.sync import client
from tests.server.conftest import ROOT, SECRET, _free_port, central, desk, desk_json, enroll


def cert_init(folder, *hosts):
    args = ["cert", "init", "--out", str(folder), "--json"]
    for host in hosts:
        args += ["--host", host]
    status, out, err = central(*args)
    assert status == 0, err
    return json.loads(out)


@pytest.fixture
def tls_server(server_db, tmp_path):
    made = cert_init(tmp_path / "tls", "127.0.0.1", "localhost")
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MPP_CENTRAL_SECRET_KEY": SECRET}
    proc = subprocess.Popen([sys.executable, "-m", "mpp_desk.server.cli", "serve", "--database", server_db,
                             "--port", str(port), "--tls-cert", made["server_pem"], "--tls-key", made["server_key"]],
                            env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"https://127.0.0.1:{port}"
    import ssl
    import threading

    import httpx

    context = ssl.create_default_context(cafile=made["ca_pem"])
    for _ in range(300):
        try:
            if httpx.get(f"{url}/health", verify=context, timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            if proc.poll() is not None:
                raise AssertionError(proc.stderr.read().decode())
        threading.Event().wait(0.1)
    yield url, made
    proc.terminate()
    proc.wait(10)


def test_cert_init_keeps_the_keys_owner_only_and_never_overwrites(tmp_path):
    made = cert_init(tmp_path / "tls", "server-mpp.lan", "192.168.1.10")
    for key in ("ca_key", "server_key"):
        assert stat.S_IMODE(os.stat(made[key]).st_mode) == 0o600
    assert len(made["ca_fingerprint"].split(":")) == 32
    status, _, err = central("cert", "init", "--out", str(tmp_path / "tls"), "--host", "x")
    assert status == 2 and "not overwritten" in err


def test_a_pc_joins_over_tls_trusting_the_office_ca(tls_server, server_db, make_pc):
    url, made = tls_server
    pc = make_pc("pc1")
    joined = desk_json(pc, "sync", "join", url, enroll(server_db, "loket-1", "counter"), "--ca", made["ca_pem"])
    assert joined["server"] == url
    assert desk_json(pc, "sync", "now")["pending"] == 0


def test_a_server_with_another_ca_is_refused_and_nothing_is_sent(tls_server, server_db, make_pc, tmp_path):
    url, _ = tls_server
    stranger = cert_init(tmp_path / "other", "127.0.0.1")
    pc = make_pc("pc1")
    status, _, err = desk(pc, "sync", "join", url, enroll(server_db, "loket-1", "counter"), "--ca", stranger["ca_pem"])
    assert status == 2 and "sertifikat dari CA kantor" in err
    assert client.load_joined(pc.data_dir) is None


def test_a_certificate_for_another_name_is_refused(server_db, make_pc, tmp_path):
    made = cert_init(tmp_path / "tls", "server-mpp.lan")  # not the address the PC uses
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MPP_CENTRAL_SECRET_KEY": SECRET}
    proc = subprocess.Popen([sys.executable, "-m", "mpp_desk.server.cli", "serve", "--database", server_db,
                             "--port", str(port), "--tls-cert", made["server_pem"], "--tls-key", made["server_key"]],
                            env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        import threading

        import httpx

        for _ in range(300):
            try:
                httpx.get(f"https://127.0.0.1:{port}/health", verify=False, timeout=1)
                break
            except httpx.HTTPError:
                threading.Event().wait(0.1)
        pc = make_pc("pc1")
        status, _, err = desk(pc, "sync", "join", f"https://127.0.0.1:{port}", enroll(server_db, "l", "counter"),
                              "--ca", made["ca_pem"])
        assert status == 2 and "sertifikat dari CA kantor" in err
    finally:
        proc.terminate()
        proc.wait(10)


def test_plain_http_is_only_for_this_machine(make_pc):
    pc = make_pc("pc1")
    status, _, err = desk(pc, "sync", "join", "http://192.0.2.10:8750", "ABCD-EFGH-JKLM")
    assert status == 2 and "https://" in err and "terenkripsi" in err
