"""The public survey's limits and refusals without a PC: per client address with a clear message (pages for the
form, the tighter lookup limit for answers), an oversized or unknown code refused before anything is read."""

from __future__ import annotations

import pytest

from mpp_desk.server.public import survey_page
from tests.server.public_support import limited_client


@pytest.fixture
def app(server_db, monkeypatch):
    with limited_client(server_db, monkeypatch, pages=4, lookups=2) as client:
        yield client


def test_answers_from_one_address_are_limited_with_a_clear_message(app):
    sent = [app.post("/survei/AbC123de.eyJ4IjoxfQ.xxxx", data={"u1": "4"}) for _ in range(3)]
    assert [a.status_code for a in sent] == [404, 404, 429]
    assert "Terlalu banyak permintaan dari sambungan Anda" in sent[-1].text and int(sent[-1].headers["retry-after"]) > 60
    assert 'data-reason="invalid"' in sent[0].text and "bukan tiket antrian atau Tanda Terima yang sah" in sent[0].text


def test_the_form_pages_count_against_the_page_limit(app):
    answers = [app.get("/survei/nothing") for _ in range(4)] + [app.get("/survei?lang=en")]
    assert [a.status_code for a in answers] == [404] * 4 + [429]
    assert "Too many requests from your connection" in answers[-1].text
    assert "content-security-policy" in answers[-1].headers


def test_the_survey_entry_explains_the_qr_and_posts_the_code_to_the_check(app):
    page = app.get("/survei")
    assert page.status_code == 200 and 'action="/periksa"' in page.text and "Isi survei kepuasan" in page.text
    assert 'href="/survei"' in app.get("/").text  # the home page lists it


def test_an_oversized_form_is_not_parsed():
    assert survey_page.parse(b"u1=4&suggestion=" + b"a" * survey_page.MAX_FORM_BYTES) is None
    assert survey_page.parse(b"u1=4&u1=1&sex=P") == {"u1": "4", "sex": "P"}


def test_the_answers_follow_the_tablet_s_rules():
    from mpp_desk.server.public.words import Words

    t = Words("id")
    scores, profile, suggestion = survey_page.answers(t, {"u2": "1", "u9": "4", "sex": "L", "suggestion": " ok\r\n "})
    assert scores == [None, 1, None, None, None, None, None, None, 4] and profile.sex == "L" and suggestion == "ok"
    assert "paling sedikit satu" in survey_page.answers(t, {"sex": "L"})
    assert "bukan pilihan" in survey_page.answers(t, {"u1": "0"})
    assert "bukan pilihan" in survey_page.answers(t, {"u1": "2", "education": "s9"})
