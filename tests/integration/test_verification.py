"""One rule for every code (issue 11): `queue verify`, `complaints verify` and `receipt verify` accept a code
only at the office's address, in canonical form, of their own kind, naming a record that exists, with the
signed fields equal to the record's."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from zoneinfo import ZoneInfo

import pytest

from mpp_desk import auth, signing
from mpp_desk.cli import main
from mpp_desk.complaints import service as complaints
from mpp_desk.complaints.rules import CaptureDraft
from mpp_desk.roles import TERMINAL, Actor, Role
from mpp_desk.signing import Signer
from tests.intake_support import at, make_officer, register_file

WIB = ZoneInfo("Asia/Jakarta")
BASE = "https://mpp.purwakartakab.go.id/v/"


def run(capsys, data_dir, *args: str) -> tuple[int, dict]:
    code = main(["--data-dir", str(data_dir), "--lang", "id", *args, "--json"])
    out, err = capsys.readouterr()
    assert err == "", err
    return code, json.loads(out)


@pytest.fixture
def codes(app_ctx):
    """One genuine code of each kind: a ticket, a complaint receipt and an intake receipt."""
    from mpp_desk.complaints.receipts import build_receipt
    from mpp_desk.intake import receipts
    from mpp_desk.queue import LocalQueue

    queue = LocalQueue.from_context(app_ctx)
    ticket = queue.issue(group_code="A", now=at("2026-03-17", 9))
    with app_ctx.uow(actor=TERMINAL) as uow:
        info = auth.create_user(uow, username="budi", full_name="Budi Pengaduan", role="complaints",
                                password="Pengaduan-Rahasia-2026", must_change_password=False)
        uow.commit()
    budi = Actor(user_id=info.id, username="budi", role=Role.COMPLAINTS)
    with app_ctx.uow(actor=budi) as uow:
        case = complaints.save_case(uow, draft=CaptureDraft(
            channel="whatsapp", received_at=dt.datetime(2026, 11, 2, 9, tzinfo=WIB), reporter_name="Siti Aminah",
            reporter_phone="081234567890", substance="Keluhan"), today=dt.date(2026, 11, 2))
        uow.commit()
    with app_ctx.uow(write=False) as uow:
        complaint = build_receipt(uow, case_id=case.id, data_dir=app_ctx.data_dir).qr_data
    officer = make_officer(app_ctx)
    visit = register_file(app_ctx, officer)
    with app_ctx.uow(actor=officer) as uow:
        issued = receipts.issue_receipt(uow, visit_id=visit.id, data_dir=app_ctx.data_dir,
                                        signer=Signer.for_data_dir(app_ctx.data_dir))
        uow.commit()
    return {"queue": queue.slip(ticket).qr_data, "complaints": complaint, "receipt": issued.view.qr_data}


def token_of(url: str) -> str:
    return url.rsplit("/", 1)[-1]


def test_each_command_accepts_its_own_genuine_code(app_ctx, codes, capsys):
    for command in ("queue", "complaints", "receipt"):
        code, result = run(capsys, app_ctx.data_dir, command, "verify", codes[command])
        assert (code, result["valid"]) == (0, True), (command, result)


def test_a_genuine_code_of_another_kind_is_refused_by_every_command(app_ctx, codes, capsys):
    refused = 0
    for command in ("queue", "complaints", "receipt"):
        for other in {"queue", "complaints", "receipt"} - {command}:
            code, result = run(capsys, app_ctx.data_dir, command, "verify", codes[other])
            assert code == 1 and not result["valid"], (command, other)
            assert result["reason"] in ("wrong_kind", "not_a_receipt")
            refused += 1
    assert refused == 6
    code, result = run(capsys, app_ctx.data_dir, "complaints", "verify", codes["queue"])
    assert result["message"] == "Kode ini asli, tetapi merupakan tiket antrian, bukan tanda terima pengaduan."


def test_a_genuine_signature_over_a_record_that_does_not_exist_is_refused(app_ctx, codes, capsys):
    signer = Signer.for_data_dir(app_ctx.data_dir)
    ghost = uuid.uuid4()
    forged = {
        "queue": signer.sign_reference("q", ghost, {"c": "A001", "d": "2026-03-17"}),
        "complaints": signer.sign_reference("adu", ghost, {"n": "ADU-X", "k": "complaint", "r": "2026-11-20",
                                                           "d": "2026-11-02"}),
        "receipt": signer.sign_reference("tt", ghost, {"n": "MPP/2026/03/019999", "k": "3214********0001",
                                                       "s": "47111", "r": "2026-03-17", "d": None, "c": 1}),
    }
    for command, token in forged.items():
        code, result = run(capsys, app_ctx.data_dir, command, "verify", BASE + token)
        assert code == 1 and not result["valid"] and result["reason"] == "not_found", (command, result)


def test_signed_fields_that_differ_from_the_record_are_refused(app_ctx, codes, capsys):
    signer = Signer.for_data_dir(app_ctx.data_dir)
    good = signer.verify(codes["queue"])
    wrong = signer.sign_reference("q", good.id, {**good.fields, "c": "A999"})
    code, result = run(capsys, app_ctx.data_dir, "queue", "verify", BASE + wrong)
    assert code == 1 and result["reason"] == "mismatch"
    assert "(c berbeda)" in result["message"]


def flip_unused_bits(token: str) -> list[str]:
    """Variants of the token whose signature's last character differs only in its unused bits."""
    kid, body, sig = token.split(".")
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    last = alphabet.index(sig[-1])
    # 86 characters carry 516 bits for 512: the low 4 bits of the last character are unused
    return [f"{kid}.{body}.{sig[:-1]}{alphabet[(last & ~0xF) | low]}" for low in range(16)
            if alphabet[(last & ~0xF) | low] != sig[-1]]


def test_a_changed_unused_base64_bit_does_not_verify(app_ctx, codes, capsys):
    token = token_of(codes["queue"])
    variants = flip_unused_bits(token)
    assert len(variants) == 15
    for variant in variants:
        result = signing.verify_with(variant, {Signer.for_data_dir(app_ctx.data_dir).key_id:
                                               Signer.for_data_dir(app_ctx.data_dir).public_key})
        assert not result.valid and result.reason == signing.MALFORMED
    code, result = run(capsys, app_ctx.data_dir, "queue", "verify", BASE + variants[0])
    assert code == 1 and result["reason"] == "malformed"


@pytest.mark.parametrize("address", [
    "https://evil.example/v/{t}",
    "https://evil.example/mpp.purwakartakab.go.id/v/{t}",
    "http://mpp.purwakartakab.go.id/v/{t}",
    "https://mpp.purwakartakab.go.id.evil.example/v/{t}",
    "https://user@mpp.purwakartakab.go.id/v/{t}",
    "https://mpp.purwakartakab.go.id/other/{t}",
    "https://evil.example/v/?t={t}",
])
def test_a_genuine_token_behind_another_address_is_not_genuine(app_ctx, codes, capsys, address):
    url = address.format(t=token_of(codes["queue"]))
    code, result = run(capsys, app_ctx.data_dir, "queue", "verify", url)
    assert code == 1 and not result["valid"] and result["reason"] == "wrong_address"
    assert "bukan alamat verifikasi kantor ini (https://mpp.purwakartakab.go.id/v/)" in result["message"]


def test_the_bare_token_and_the_office_address_in_any_case_verify(app_ctx, codes, capsys):
    token = token_of(codes["queue"])
    for text in (token, "HTTPS://MPP.Purwakartakab.go.id/v/" + token, BASE + token + "/"):
        code, result = run(capsys, app_ctx.data_dir, "queue", "verify", text)
        assert code == 0, (text, result)


def test_address_matching_rules():
    assert signing.address_matches(BASE + "abc", BASE)
    assert signing.address_matches("https://x.example/check?t=abc", "https://x.example/check?t=")
    assert not signing.address_matches("https://x.example/other?t=abc", "https://x.example/check?t=")
    assert not signing.address_matches(BASE + "abc?t=zzz", BASE)
    assert not signing.address_matches("https://mpp.purwakartakab.go.id:8443/v/abc", BASE)
    assert not signing.address_matches(BASE + "abc#frag", BASE)
