"""The public satisfaction survey on a real mpp-central (TLS, PostgreSQL) with an office PC's served papers: the
link shows only for a served ticket or a Tanda Terima, the form is the PC's survey, a ticket or file is rated
once (against the tablet too, by the database), the answer reaches every PC by sync and counts once in the IKM."""

from __future__ import annotations

import datetime as dt
import re
import uuid

import pytest
from sqlalchemy import func, select

from mpp_desk.sync import client
from tests.server.conftest import desk_json, enroll
from tests.server.public_support import NIK, open_site
from tests.server.survey_support import DAY, SERVED_NIK, answers, serve_papers
from tests.server.test_public_pages import alter


@pytest.fixture
def site(server_db, make_pc, tmp_path, office_clock):
    yield from open_site(server_db, make_pc, tmp_path, office_clock)


@pytest.fixture
def served(site):
    return serve_papers(site)


def survey_url(paper: str) -> str:
    return paper.replace("/v/", "/survei/")


def refused_reason(html: str) -> str:
    found = re.search(r'<section id="survey-refused"[^>]*data-reason="([^"]+)"', html)
    assert found, html[:1500]
    return found.group(1)


def server_engine(server_db: str):
    from mpp_desk.server.db import make_engine
    from mpp_desk.server.settings import ServerSettings

    return make_engine(ServerSettings(database_url=server_db).database_url, pool_size=2)


def server_responses(server_db: str) -> list[dict]:
    from mpp_desk.server.tables import change_log, records

    engine = server_engine(server_db)
    try:
        with engine.connect() as conn:
            rows = conn.execute(select(records.c.payload).where(records.c.entity == "survey_response")).scalars().all()
            logged = conn.execute(select(change_log.c.device_id).where(change_log.c.entity == "survey_response")).all()
    finally:
        engine.dispose()
    return [{**payload, "_logged_by": [r.device_id for r in logged]} for payload in rows]


def test_a_served_ticket_links_to_the_survey_which_takes_one_response(site, served, server_db):
    with site.client() as http:
        verify = http.get(served.ticket).text
        assert 'id="survey-link"' in verify and "Isi survei kepuasan" in verify
        link = re.search(r'<section id="survey-link".*?href="([^"]+)"', verify).group(1)
        assert link == "/survei/" + served.ticket.rsplit("/", 1)[1]
        page = http.get(site.url + link)
        assert page.status_code == 200 and page.headers["content-language"] == "id"
        html = page.text
        assert html.count("<fieldset>") == 9 and html.count("<legend>") == 9 and html.count('type="radio"') == 36
        assert "1. Persyaratan" in html and "9. Sarana dan prasarana" in html and "Sangat sesuai" in html
        for name in ("age_group", "sex", "education", "occupation"):
            assert f'<select id="{name}" name="{name}">' in html
        assert 'maxlength="2000"' in html and "<script" not in html and "set-cookie" not in page.headers
        assert "default-src 'none'" in page.headers["content-security-policy"]
        assert len(page.content) < 60_000

        sent = http.post(site.url + link, data=answers())
        assert sent.status_code == 200 and 'id="survey-thanks"' in sent.text and "Terima kasih" in sent.text
        again = http.post(site.url + link, data=answers(u1="1"))
        assert again.status_code == 409 and refused_reason(again.text) == "answered"
        assert "sudah dinilai" in again.text
        assert refused_reason(http.get(site.url + link).text) == "answered"
        after = http.get(served.ticket).text
        assert 'id="survey-link"' not in after and 'id="survey-done"' in after

    stored = server_responses(server_db)
    assert len(stored) == 1
    response = stored[0]
    assert response["source"] == "web" and response["_logged_by"] == [None]  # the server's own change: every PC pulls it
    assert [response[f"u{i}"] for i in range(1, 10)] == [4, 3, 3, 4, 3, 4, 4, None, 2]
    assert (response["age_group"], response["sex"], response["education"], response["occupation"]) == (
        "31-40", "P", "s1", "wirausaha")
    assert response["ticket_id"] is not None and response["application_id"] is None
    assert response["submitted_on"] == DAY and response["suggestion"] == "Ruang tunggu agak panas siang hari."


def test_only_a_served_ticket_or_a_tanda_terima_opens_the_survey(site, served):
    with site.client() as http:
        waiting = http.get(site.papers["q"]).text  # issued, never served
        assert 'id="verdict"' in waiting and "survey-link" not in waiting
        not_yet = http.get(survey_url(site.papers["q"]))
        assert not_yet.status_code == 409 and refused_reason(not_yet.text) == "not_served"
        assert "setelah tiket ini dilayani" in not_yet.text
        for kind in ("rs", "adu"):
            assert "survey-link" not in http.get(site.papers[kind]).text
            other = http.get(survey_url(site.papers[kind]))
            assert other.status_code == 404 and refused_reason(other.text) == "not_surveyed"
        forged = http.get(survey_url(alter(served.ticket, "c", "A002")))
        assert forged.status_code == 404 and refused_reason(forged.text) == "invalid"
        assert http.post(survey_url(alter(served.ticket, "c", "A002")), data=answers()).status_code == 404
        garbage = http.get(f"{site.url}/survei/AbC123de.eyJ4IjoxfQ.xxxx")
        assert garbage.status_code == 404 and refused_reason(garbage.text) == "invalid"
        assert http.post(survey_url(site.papers["q"]), data=answers()).status_code == 409  # nothing written

        tt = http.get(site.papers["tt"]).text  # a received file's Tanda Terima
        assert 'id="survey-link"' in tt
        page = http.get(survey_url(site.papers["tt"]) + "?lang=en")
        assert page.status_code == 200 and '<html lang="en">' in page.text and "1. Requirements" in page.text
        assert site.registration_number in page.text  # as printed on the paper
        for personal in (NIK, "3214********", "Siti Aminah", "0812", "Veteran"):  # nothing of the applicant
            assert personal not in page.text
        english = http.get(site.papers["tt"] + "?lang=en").text
        assert "Fill in the satisfaction survey" in english and re.search(r'href="/survei/[^"]+\?lang=en"', english)


def test_a_ticket_and_the_tanda_terima_of_its_file_give_one_response(site, served, server_db):
    with site.client() as http:
        page = http.get(survey_url(served.visit_tt)).text
        assert served.registration_number in page and SERVED_NIK not in page and "Siti Aminah" not in page
        assert http.post(survey_url(served.visit_tt), data=answers()).status_code == 200
        by_ticket = http.get(survey_url(served.visit_ticket))
        assert by_ticket.status_code == 409 and refused_reason(by_ticket.text) == "answered"
    stored = server_responses(server_db)
    assert len(stored) == 1 and stored[0]["ticket_id"] is not None and stored[0]["application_id"] is not None


def test_the_form_says_what_to_correct_and_writes_nothing(site, served, server_db):
    url = survey_url(served.ticket)
    with site.client() as http:
        empty = http.post(url, data={f"u{i}": "" for i in range(1, 10)})
        assert empty.status_code == 422 and "Jawablah paling sedikit satu" in empty.text
        tampered = http.post(url, data=answers(u3="5"))
        assert tampered.status_code == 422 and "bukan pilihan formulir ini" in tampered.text
        assert re.search(r'name="u1" value="4" checked', tampered.text)  # the answers are kept
        odd = http.post(url, data=answers(occupation="astronot"))
        assert odd.status_code == 422
        long = http.post(url, data=answers(suggestion="a" * 2001))
        assert long.status_code == 422 and "lebih panjang dari 2000 karakter" in long.text
        scripted = http.post(url + "?lang=en", data=answers(u1="", u2="", lang="en",
                                                             suggestion="<script>alert(1)</script>\x00 ok"))
        assert scripted.status_code == 200 and "Thank you" in scripted.text
    stored = server_responses(server_db)
    assert len(stored) == 1 and stored[0]["suggestion"] == "<script>alert(1)</script> ok"  # plain text, stored as typed
    assert stored[0]["u1"] is None and stored[0]["u3"] == 3  # unanswered elements allowed, as on the tablet


def test_the_web_response_reaches_every_pc_and_counts_once(site, served, server_db, make_pc):
    from mpp_desk.errors import ValidationError
    from mpp_desk.roles import TERMINAL
    from mpp_desk.survey import service

    with site.client() as http:
        assert http.post(survey_url(served.ticket), data=answers()).status_code == 200
    head = make_pc("kepala-1")
    desk_json(head, "sync", "join", site.url, enroll(server_db, "kepala-1", "supervisor"), "--ca", site.ca)
    client.sync_now(head.db, head.data_dir)
    client.sync_now(head.db, head.data_dir)  # a second pull brings nothing twice
    client.sync_now(site.pc.db, site.pc.data_dir)
    day = dt.date.fromisoformat(DAY)
    for pc in (head, site.pc):
        with pc.uow(write=False, actor=TERMINAL) as uow:
            result = service.period_index(uow, date_from=day, date_to=day)
        assert result.respondents == 1
        assert [t.answered for t in result.tallies] == [1, 1, 1, 1, 1, 1, 1, 0, 1]
        assert result.tallies[0].total == 4 and result.tallies[8].total == 2
    # the counter's tablet refuses the same ticket now: one response per ticket
    from tests.intake_support import make_officer

    officer = make_officer(site.pc, "dewi", "Dewi Loket")
    ticket_id = uuid.UUID(str(server_responses(server_db)[0]["ticket_id"]))
    with site.pc.uow(actor=officer) as uow, pytest.raises(ValidationError):
        service.hand_over(uow, ticket_id=ticket_id, counter_number=1)


def test_a_tablet_response_for_the_ticket_closes_the_web_survey(site, served, server_db):
    from mpp_desk.survey import service

    with site.pc.uow() as uow:
        service.submit_response(uow, scores=[3] * 9, profile=service.Profile(),
                                about=service.ServiceRef(ticket_id=served.other_ticket_id))
        uow.commit()
    assert desk_json(site.pc, "sync", "now")["pending"] == 0
    with site.client() as http:
        assert 'id="survey-done"' in http.get(served.other_ticket).text
        refused = http.post(survey_url(served.other_ticket), data=answers())
        assert refused.status_code == 409 and refused_reason(refused.text) == "answered"
    assert [r["source"] for r in server_responses(server_db)] == ["screen"]


def test_the_database_refuses_a_second_claim_on_the_ticket(site, served, server_db):
    """Two submissions racing past the page's check: the record_keys primary key lets one through."""
    from mpp_desk.server.public import check
    from mpp_desk.server.public import survey_store as store
    from mpp_desk.survey.service import Profile

    engine = server_engine(server_db)
    try:
        with engine.connect() as conn:
            reason, subject = store.subject_of(conn, check.verify_code(conn, served.ticket, from_address=True))
        assert reason == store.OPEN and subject is not None
        with engine.begin() as conn:
            store.store(conn, subject, scores=[4] * 9, profile=Profile(), suggestion="")
        with engine.begin() as conn, pytest.raises(store.AlreadyAnswered):
            store.store(conn, subject, scores=[1] * 9, profile=Profile(), suggestion="")
        with engine.connect() as conn:
            from mpp_desk.server.tables import records

            count = conn.execute(select(func.count()).select_from(records)
                                 .where(records.c.entity == "survey_response")).scalar_one()
    finally:
        engine.dispose()
    assert count == 1


def test_a_tablet_response_made_offline_after_the_web_one_is_a_conflict_not_a_second_count(site, served, server_db):
    from mpp_desk.roles import TERMINAL
    from mpp_desk.survey import service

    with site.pc.uow() as uow:  # the tablet, not synced yet
        service.submit_response(uow, scores=[1] * 9, profile=service.Profile(),
                                about=service.ServiceRef(ticket_id=served.other_ticket_id))
        uow.commit()
    with site.client() as http:
        assert http.post(survey_url(served.other_ticket), data=answers()).status_code == 200
    result = client.sync_now(site.pc.db, site.pc.data_dir)  # push: refused (the key is the web response's); pull
    assert result.conflicts == 1 and result.pending == 0
    assert [r["source"] for r in server_responses(server_db)] == ["web"]
    day = dt.date.fromisoformat(DAY)
    with site.pc.uow(write=False, actor=TERMINAL) as uow:  # the tablet's own answer gave way: the first one counts
        here = service.period_index(uow, date_from=day, date_to=day)
    assert here.respondents == 1 and here.tallies[0].total == 4
    assert client.sync_now(site.pc.db, site.pc.data_dir).pulled == 0  # and the pull goes on, nothing stuck
