"""A joined kiosk's ticket (issue 14: its QR signed with the kiosk PC's own key) on the citizens' pages (issue 17):
its QR opens the live place in the queue while the ticket waits, the verdict with the survey link once served;
the survey about a ticket of the server's live queue is taken once, and every PC accepts it (no local ticket)."""

from __future__ import annotations

import re
import uuid

import httpx
import pytest

from mpp_desk import signing
from mpp_desk.queue.offline import OfflineKiosk
from mpp_desk.queue.remote import RemoteQueue, remote_backend_if_joined
from mpp_desk.sync import client
from tests.server.conftest import _free_port, desk_json, enroll
from tests.server.queue_support import TUESDAY_10, CentralProcess, queue_config, seed_records
from tests.server.survey_support import answers
from tests.server.test_public_queue import Stream

pytestmark = pytest.mark.slow


@pytest.fixture
def building(server_db, office_clock, make_pc):
    """Group A (counters 1, 2) on a Tuesday at 10.00 WIB; a kiosk PC and a counter PC joined to the server."""
    office_clock.set(TUESDAY_10, running=True)
    seed_records(server_db, queue_config([("A", "Perizinan", None)], [(1, ["A"]), (2, ["A"])]))
    central = CentralProcess(server_db, _free_port(), TUESDAY_10).start()
    pcs = {}
    for name, role in (("kiosk", "kiosk"), ("loket-1", "counter")):
        pcs[name] = make_pc(name)
        desk_json(pcs[name], "sync", "join", central.url, enroll(server_db, name, role))
        client.sync_now(pcs[name].db, pcs[name].data_dir)  # registers the PC's public key (its QR signatures)
    remote = remote_backend_if_joined(pcs["kiosk"])
    assert isinstance(remote, RemoteQueue)
    kiosk = OfflineKiosk(remote, pcs["kiosk"].data_dir)
    counter = remote_backend_if_joined(pcs["loket-1"])
    assert isinstance(counter, RemoteQueue)
    yield central, pcs, kiosk, counter
    central.stop()


def code_of(kiosk: OfflineKiosk, issued) -> str:
    """The signed code in the printed ticket's QR (the kiosk PC's signature, not a server reference)."""
    token = signing.extract_token(kiosk.slip(issued).qr_data)
    assert not token.startswith("q1.")
    return token


def verdict_of(html: str) -> dict[str, str]:
    found = re.search(r'<section id="verdict"[^>]*>', html)
    assert found, html[:2000]
    return dict(re.findall(r'data-(\w+)="([^"]*)"', found.group(0)))


def test_a_kiosk_tickets_qr_opens_its_live_place_and_the_verdict_once_served(building):
    central, pcs, kiosk, counter = building
    issued = [kiosk.issue(group_code="A") for _ in range(3)]
    token = code_of(kiosk, issued[2])
    with httpx.Client(timeout=10) as http:
        page = http.get(f"{central.url}/v/{token}")
        assert page.status_code == 200, page.text[:2000]
        html = page.text
        assert verdict_of(html) == {"valid": "true", "reason": "valid", "kind": "q", "differing": ""}
        assert "✓ Tiket antrian ini asli" in html and 'id="place"' in html and 'id="code">A003<' in html
        assert 'id="ahead">2 orang<' in html and "Menunggu" in html
        assert "script-src 'self'" in page.headers["content-security-policy"]
        assert str(issued[2].ticket.id) not in html  # the ticket's id is in no page
        stream_path = re.search(r'data-stream="([^"]+)"', html).group(1)
        assert re.fullmatch(r"/antrian/q1\.[\w-]+\.[\w-]+/live", stream_path)
        reference = stream_path.removesuffix("/live").removeprefix("/antrian/")
        assert http.get(f"{central.url}/antrian/{reference}").status_code == 200  # the reload link's address

        # typed or pasted at /periksa: the same place
        typed = http.post(f"{central.url}/periksa", data={"code": token})
        assert typed.status_code == 200 and 'id="code">A003<' in typed.text and 'id="place"' in typed.text

        # an altered code: refused, nothing of the ticket shown
        forged = token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB")
        for answer in (http.get(f"{central.url}/v/{forged}"), http.post(f"{central.url}/periksa", data={"code": forged})):
            assert verdict_of(answer.text)["valid"] == "false"
            assert 'id="place"' not in answer.text and "A003" not in answer.text and "data-stream" not in answer.text

        # live: the counters' calls reach the page's stream
        stream = Stream(central.url + stream_path)
        assert stream.status == 200
        name, first, _ = stream.next()
        assert name == "place" and first["ahead"] == 2
        called = [counter.call_next(counter_number=1)]
        assert stream.next()[1]["ahead"] == 1
        counter.start_service(ticket_id=called[0].id, counter_number=1)
        counter.finish(ticket_id=called[0].id, counter_number=1)
        called.append(counter.call_next(counter_number=1))
        called.append(counter.call_next(counter_number=2))
        assert [t.code for t in called] == ["A001", "A002", "A003"]
        # at least three changes (finished, A002 called, this ticket called), fewer when some arrive in one wake,
        # more when the estimated wait moves in between: read until this ticket is called, never past it
        events = [stream.next()]
        while events[-1][1]["status"] != "called" and len(events) < 8:
            events.append(stream.next())
        assert events[-1][1]["status"] == "called" and events[-1][1]["counter"] == 2, events
        assert all(e[1]["status"] == "waiting" for e in events[:-1]), events
        counter.start_service(ticket_id=called[2].id, counter_number=2)
        counter.finish(ticket_id=called[2].id, counter_number=2)

        # served: the verdict again, with the survey's link (the ticket is the server's: q_tickets, done)
        served = http.get(f"{central.url}/v/{token}").text
        assert verdict_of(served)["valid"] == "true" and 'id="place"' not in served
        assert 'id="survey-link"' in served
        link = re.search(r'<section id="survey-link".*?href="([^"]+)"', served).group(1)
        assert link == f"/survei/{token}"
        form = http.get(central.url + link)
        assert form.status_code == 200 and "A003" in form.text and form.text.count("<fieldset>") == 9
        sent = http.post(central.url + link, data=answers())
        assert sent.status_code == 200 and 'id="survey-thanks"' in sent.text
        assert http.post(central.url + link, data=answers(u1="1")).status_code == 409  # once per ticket
        assert 'id="survey-done"' in http.get(f"{central.url}/v/{token}").text

        # a ticket not served (A001's neighbour A002 is still called at counter 1): no survey yet
        waiting_code = code_of(kiosk, issued[1])
        assert http.get(f"{central.url}/survei/{waiting_code}").status_code == 409

    # every PC pulls the web response about a ticket it does not hold (before migration 0006 the pull stopped
    # on the foreign key to queue_ticket), and the counter's tablet then refuses that ticket
    from mpp_desk.errors import ValidationError
    from mpp_desk.models import SurveyResponse, Ticket
    from mpp_desk.survey import service
    from tests.intake_support import make_officer

    counter_pc = pcs["loket-1"]
    result = client.sync_now(counter_pc.db, counter_pc.data_dir)
    assert result.rejected == 0 and result.conflicts == 0
    with counter_pc.uow(write=False) as uow:
        stored = uow.session.query(SurveyResponse).filter_by(ticket_id=called[2].id).one()
        assert stored.source == SurveyResponse.WEB and uow.session.get(Ticket, called[2].id) is None
    officer = make_officer(counter_pc, "sari", "Sari Loket")
    finished = counter.get_ticket(ticket_id=called[2].id)
    with counter_pc.uow(actor=officer) as uow, pytest.raises(ValidationError):
        service.hand_over(uow, ticket_id=finished.id, counter_number=2, served=finished)


def test_the_counters_hand_over_after_a_server_ticket_syncs_and_closes_the_web_survey(building, server_db):
    """A joined counter finishes a ticket of the live queue and hands the tablet over: the invitation and the
    tablet's response name the server's ticket, the PC stores them and the server takes them; the web survey of
    that ticket then says it was rated."""
    from mpp_desk.roles import TERMINAL
    from mpp_desk.survey.service import Profile, hand_over, pending_invite, submit_response
    from tests.intake_support import make_officer

    central, pcs, kiosk, counter = building
    counter_pc = pcs["loket-1"]
    officer = make_officer(counter_pc, "sari", "Sari Loket")
    token = code_of(kiosk, kiosk.issue(group_code="A"))
    ticket = counter.call_next(counter_number=1)
    counter.start_service(ticket_id=ticket.id, counter_number=1)
    finished = counter.finish(ticket_id=ticket.id, counter_number=1)
    assert finished.status == "done"
    with counter_pc.uow(actor=officer) as uow:
        ref = hand_over(uow, ticket_id=finished.id, counter_number=1, served=finished)
        uow.commit()
    assert ref.ticket_id == ticket.id and ref.invite_id is not None
    with counter_pc.uow(actor=TERMINAL) as uow:  # the tablet (a kiosk role on the same PC here)
        about = pending_invite(uow, counter_number=1)
        assert about is not None and about.ticket_id == ticket.id
        submit_response(uow, scores=[3] * 9, profile=Profile(sex="L"), about=about)
        uow.commit()
    result = client.sync_now(counter_pc.db, counter_pc.data_dir)
    assert result.pending == 0 and result.rejected == 0 and result.conflicts == 0
    import psycopg

    with psycopg.connect(server_db) as conn:
        held = conn.execute("SELECT entity, payload ->> 'ticket_id' FROM records WHERE entity LIKE 'survey_%' "
                            "ORDER BY entity").fetchall()
    assert held == [("survey_invite", str(ticket.id)), ("survey_response", str(ticket.id))]
    with httpx.Client(timeout=10) as http:
        assert 'id="survey-done"' in http.get(f"{central.url}/v/{token}").text
        refused = http.get(f"{central.url}/survei/{token}")
        assert refused.status_code == 409 and 'data-reason="answered"' in refused.text
        assert http.post(f"{central.url}/survei/{token}", data=answers()).status_code == 409
    assert uuid.UUID(held[0][1]) == finished.id


def test_a_kiosk_ticket_of_another_day_opens_its_verdict_not_a_place(building, server_db):
    import datetime as dt

    central, _pcs, kiosk, _counter = building
    token = code_of(kiosk, kiosk.issue(group_code="A"))
    with httpx.Client(timeout=10) as http:
        assert 'id="place"' in http.get(f"{central.url}/v/{token}").text  # today's: its place
    central.stop()
    tomorrow = CentralProcess(server_db, central.port, TUESDAY_10 + dt.timedelta(days=1)).start()
    try:
        with httpx.Client(timeout=10) as http:
            page = http.get(f"{tomorrow.url}/v/{token}")
            assert page.status_code == 200 and verdict_of(page.text)["valid"] == "true"
            assert 'id="place"' not in page.text and "data-stream" not in page.text
            assert "script-src" not in page.headers["content-security-policy"]  # the verdict: no script
            assert 'id="survey-link"' not in page.text  # never served: no survey
    finally:
        tomorrow.stop()


def test_a_kiosk_ticket_and_its_reference_are_one_ticket_for_the_survey(building, server_db):
    """The kiosk's printed code and the server's q1 reference (the place page's reload link, a counter's reprint)
    name one ticket: each opens its survey once served, and an answer by either closes it for the other."""
    import psycopg

    central, pcs, kiosk, counter = building
    issued = [kiosk.issue(group_code="A") for _ in range(2)]
    codes = [code_of(kiosk, i) for i in issued]
    with httpx.Client(timeout=10) as http:
        refs = []
        for code in codes:  # while it waits, the kiosk code's place links its reference
            stream_path = re.search(r'data-stream="([^"]+)"', http.get(f"{central.url}/v/{code}").text).group(1)
            refs.append(stream_path.removesuffix("/live").removeprefix("/antrian/"))
        for _ in issued:
            ticket = counter.call_next(counter_number=1)
            counter.start_service(ticket_id=ticket.id, counter_number=1)
            counter.finish(ticket_id=ticket.id, counter_number=1)

        # the first answered by its reference: its kiosk code then says "rated" and refuses a second answer
        done = http.get(f"{central.url}/v/{refs[0]}").text
        assert re.search(r'<section id="survey-link".*?href="([^"]+)"', done).group(1) == f"/survei/{refs[0]}"
        assert http.post(f"{central.url}/survei/{refs[0]}", data=answers()).status_code == 200
        assert 'id="survey-done"' in http.get(f"{central.url}/v/{codes[0]}").text
        by_code = http.post(f"{central.url}/survei/{codes[0]}", data=answers(u1="1"))
        assert by_code.status_code == 409 and 'data-reason="answered"' in by_code.text

        # the second answered by the kiosk code: its reference's place page says "rated", its survey refuses
        assert http.post(f"{central.url}/survei/{codes[1]}", data=answers()).status_code == 200
        rated = http.get(f"{central.url}/antrian/{refs[1]}").text
        assert 'id="survey-done"' in rated and 'id="survey-link"' not in rated
        by_ref = http.post(f"{central.url}/survei/{refs[1]}", data=answers(u1="1"))
        assert by_ref.status_code == 409 and 'data-reason="answered"' in by_ref.text

    # the two responses alike: the ticket named by its id, whichever code was used; a PC pulls both
    with psycopg.connect(server_db) as conn:
        stored = {p["ticket_id"]: p for (p,) in conn.execute("SELECT payload FROM records "
                                                              "WHERE entity = 'survey_response'")}
    by_ref, by_code = stored.pop(str(issued[0].ticket.id)), stored.pop(str(issued[1].ticket.id))
    assert stored == {}
    same = ("application_id", "service_id", "service_kbli", "service_title", "source", "device_id", "invite_id")
    assert [by_ref[k] for k in same] == [by_code[k] for k in same] and by_ref["source"] == "web"
    from mpp_desk.models import SurveyResponse

    counter_pc = pcs["loket-1"]
    result = client.sync_now(counter_pc.db, counter_pc.data_dir)
    assert result.rejected == 0 and result.conflicts == 0
    with counter_pc.uow(write=False) as uow:
        pulled = {r.ticket_id for r in uow.session.query(SurveyResponse).filter_by(source=SurveyResponse.WEB)}
    assert pulled == {i.ticket.id for i in issued}
