"""The document toolkit: one ESC/POS renderer, safe PDF text, receipt settings through one helper."""

from __future__ import annotations

import pytest

from mpp_desk import settings
from mpp_desk.printing.document import Blank, Document, Qr, Rule, Text
from mpp_desk.printing.fonts import REPLACEMENT, printable
from mpp_desk.printing.render_escpos import render_escpos


def test_no_control_or_bidi_character_of_any_block_reaches_the_printer():
    evil = "Siti\x1bp\x00\x19\x19 \u202eAminah\x07 王"
    data = render_escpos(Document((Text(evil), Text(evil, badge=True), Text(evil, size="big"),
                                   Text(evil, align="left", indent=2, small=True))), width_chars=48)
    assert b"\x1bp" not in data and b"\x07" not in data and "\u202e".encode() not in data
    assert data.count(b"\x1b@") == 1  # INIT once, at the start
    assert data.count(b"Siti p Aminah ?") == 4  # folded the same way everywhere; other scripts as "?"


def test_escpos_blocks_wrap_cut_and_reset_the_style():
    long = "kata " * 40
    data = render_escpos(Document((Text(long, max_lines=2), Text("SALINAN", badge=True), Rule("="), Blank(),
                                   Qr("https://example.org/v/x"))), width_chars=32)
    lines = [line for line in data.split(b"\n")]
    text_lines = [line.split(b"\x1b")[-1] for line in lines if b"kata" in line]
    assert len(text_lines) == 2 and text_lines[-1].endswith(b"...")
    assert b" SALINAN " in data and b"=" * 32 in data
    assert b"https://example.org/v/x" in data and data.endswith(b"\x1dV\x00")  # the cut
    with pytest.raises(ValueError):
        render_escpos(Document((Text("x"),), min_columns=32), width_chars=24)


def test_pdf_text_is_stripped_of_controls_and_shows_missing_glyphs():
    assert printable("Siti\x1b \u202eAminah") == "Siti Aminah"
    assert printable("a\nb") == "a\nb"  # paragraphs kept
    assert printable("王") == REPLACEMENT


class _Broken:
    pass


def test_receipt_settings_come_from_settings_get_with_the_declared_defaults(monkeypatch):
    values = {"office.name": "MPP Uji", "office.address": "", "receipts.verify_base_url": "https://uji.example/v/"}
    monkeypatch.setattr(settings, "get", lambda uow, key: values[key])
    got = settings.receipt_settings(object())
    assert (got.office_name, got.office_address, got.verify_base_url) == ("MPP Uji", "", "https://uji.example/v/")

    def broken(uow, key):
        raise RuntimeError("no such table: setting_value")

    monkeypatch.setattr(settings, "get", broken)
    got = settings.receipt_settings(_Broken())
    assert got.office_name == settings.declared("office.name").default
    assert got.verify_base_url == settings.declared("receipts.verify_base_url").default


@pytest.mark.slow  # real processes
@pytest.mark.parametrize("kind", ["ticket", "intake", "complaint"])
def test_each_document_renders_first_thing_in_a_fresh_process(kind):
    """The layouts measure text before anything is drawn: each renderer registers the fonts itself."""
    import subprocess
    import sys
    from pathlib import Path

    calls = {
        "ticket": "from tests.unit.test_ticket_render import slip; from mpp_desk.printing.pdf import "
                  "render_ticket_pdf as r; data = r(slip(), width_mm=58)",
        "intake": "from tests.unit.test_receipts import receipt; from mpp_desk.intake.receipts import "
                  "render_receipt_pdf as r; data = r(receipt(), '80mm')",
        "complaint": "from tests.unit.test_complaint_receipts import receipt; from mpp_desk.complaints.receipts "
                     "import render_receipt_pdf as r; data = r(receipt(), paper='a4')",
    }
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run([sys.executable, "-c", calls[kind] + "; print(data[:5])"], capture_output=True,
                            text=True, cwd=root)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "b'%PDF-'"
