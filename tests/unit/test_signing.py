"""Signed references: genuine ones verify; altered, forged or foreign ones do not; the key stays private."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import textwrap
import uuid

import pytest

from mpp_desk import signing
from mpp_desk.signing import (
    BAD_SIGNATURE,
    MALFORMED,
    UNKNOWN_KEY,
    VALID,
    Signer,
    compact_uuid,
    expand_uuid,
    load_public_key,
    verification_url,
    verify,
)

TICKET_ID = uuid.UUID("6f1c1d6e-8a55-4c0b-a3f1-0b8f1e2d3c4b")
FIELDS = {"c": "A015", "d": "2026-11-22"}


def b64(data: bytes) -> str:
    return signing._b64(data)


def test_a_genuine_reference_verifies_and_says_what_it_names():
    signer = Signer.generate()
    token = signer.sign_reference("q", TICKET_ID, FIELDS)
    result = signer.verify(token)
    assert result.valid and result.reason == VALID
    assert (result.kind, result.fields, result.key_id) == ("q", FIELDS, signer.key_id)
    assert expand_uuid(result.id) == TICKET_ID
    assert len(token) < 200  # small enough for a compact QR code
    assert set(token) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.")


def test_an_altered_field_does_not_verify():
    signer = Signer.generate()
    kid, body, sig = signer.sign_reference("q", TICKET_ID, FIELDS).split(".")
    kind, ref_id, fields = json.loads(signing._unb64(body))
    fields["c"] = "A001"  # someone reprints an earlier number with the same QR
    forged_body = b64(json.dumps([kind, ref_id, fields], separators=(",", ":"), sort_keys=True).encode())
    result = signer.verify(f"{kid}.{forged_body}.{sig}")
    assert not result.valid and result.reason == BAD_SIGNATURE
    assert result.fields["c"] == "A001"  # what it claims is still shown, marked as not genuine


def test_a_forged_signature_does_not_verify():
    signer = Signer.generate()
    kid, body, _ = signer.sign_reference("q", TICKET_ID, FIELDS).split(".")
    result = signer.verify(f"{kid}.{body}.{b64(os.urandom(64))}")
    assert not result.valid and result.reason == BAD_SIGNATURE


def test_another_installations_reference_needs_its_public_key():
    kiosk, central = Signer.generate(), Signer.generate()
    token = kiosk.sign_reference("q", TICKET_ID, FIELDS)
    assert central.verify(token).reason == UNKNOWN_KEY
    exported = load_public_key(kiosk.public_key_pem())
    result = central.verify(token, public_keys={kiosk.key_id: exported})
    assert result.valid
    # a key cannot vouch for a token by claiming another installation's key id
    impostor = Signer.generate()
    kid, body, _ = token.split(".")
    stolen_id = f"{kid}.{body}.{impostor.sign_reference('q', TICKET_ID, FIELDS).split('.')[2]}"
    assert central.verify(stolen_id, public_keys={kiosk.key_id: exported}).reason == BAD_SIGNATURE


def test_urls_and_junk():
    signer = Signer.generate()
    token = signer.sign_reference("complaint", "PGD-2026-0001", {"n": 3, "ok": True})
    for url in (
        verification_url("https://mpp.purwakartakab.go.id/v/", token),
        verification_url("https://mpp.purwakartakab.go.id/v", token),
        verification_url("http://mpp-central/verify?t=", token),
    ):
        assert signer.verify(url).valid, url
    assert verification_url("https://x/v/", token) == f"https://x/v/{token}"
    assert signer.verify(token).fields == {"n": 3, "ok": True}
    for junk in ("", "hello", "a.b.c", "https://x/v/", "..", "ab.!!.cd", token + "x"):
        assert not signer.verify(junk).valid, junk
    assert signer.verify("a.b.c").reason == MALFORMED


def test_compact_uuid_round_trips():
    assert len(compact_uuid(TICKET_ID)) == 22
    assert expand_uuid(compact_uuid(TICKET_ID)) == TICKET_ID


def test_the_key_lives_in_the_data_folder_private_and_stable(tmp_path):
    data = tmp_path / "data"
    token = signing.sign_reference("q", TICKET_ID, FIELDS, data_dir=data)
    key_file = data / "keys" / "signing_ed25519.pem"
    assert key_file.is_file()
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert b"PRIVATE KEY" in key_file.read_bytes()
    assert not list(data.glob("*.sqlite3"))  # nothing of it in a database file
    assert verify(token, data_dir=data).valid
    # a fresh process reads the same key
    code = textwrap.dedent(
        f"""
        from mpp_desk.signing import verify
        print(verify({token!r}, data_dir={str(data)!r}).valid)
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "True"


@pytest.mark.slow  # real processes
def test_processes_starting_together_end_up_with_one_key(tmp_path):
    data = tmp_path / "data"
    code = textwrap.dedent(
        f"""
        import os, time
        from mpp_desk.signing import Signer
        go = {str(tmp_path / 'go')!r}
        while not os.path.exists(go):
            time.sleep(0.001)
        print(Signer.for_data_dir({str(data)!r}).key_id)
        """
    )
    procs = [subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True) for _ in range(4)]
    import time

    time.sleep(0.5)
    (tmp_path / "go").touch()
    ids = {p.communicate(timeout=60)[0].strip() for p in procs}
    assert len(ids) == 1 and "" not in ids
    assert Signer.for_data_dir(data).key_id in ids
    assert [p.name for p in (data / "keys").iterdir()] == ["signing_ed25519.pem"]  # no temp files left
