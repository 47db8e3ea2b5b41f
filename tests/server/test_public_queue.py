"""My place in the queue (issue 17) over HTTP against a real mpp-central: the ticket's reference opens its page,
the page and its public event stream follow the counters, nothing personal or guessable is in them."""

from __future__ import annotations

import contextlib
import dataclasses
import json
import queue as stdqueue
import threading
import time

import httpx
import pytest

from mpp_desk.queue import remote
from mpp_desk.queue.remote import RemoteQueue
from mpp_desk.server.public import queue_page
from mpp_desk.sync.schemas import PROTOCOL, PROTOCOL_HEADER
from tests.server.conftest import _free_port, enroll
from tests.server.queue_support import TUESDAY_10, CentralProcess, credential, queue_config, seed_records

pytestmark = pytest.mark.slow


@pytest.fixture
def office(server_db, office_clock):
    """Groups A (counters 1, 2) and B (counter 3) on a Tuesday at 10.00 WIB; at most 2 streams per address."""
    office_clock.set(TUESDAY_10, running=True)
    seed_records(server_db, queue_config([("A", "Perizinan", None), ("B", "Non-perizinan", None)],
                                         [(1, ["A"]), (2, ["A"]), (3, ["B"])]))
    central = CentralProcess(server_db, _free_port(), TUESDAY_10,
                             env={"MPP_CENTRAL_PUBLIC_STREAMS_PER_ADDRESS": "2"}).start()
    creds = {name: credential(central.url, enroll(server_db, name, role)) for name, role in
             (("kiosk", "kiosk"), ("loket-1", "counter"), ("loket-2", "counter"), ("loket-3", "counter"))}
    queues = {name: RemoteQueue(central.url, cred, retry_pause=0.05) for name, cred in creds.items()}
    yield central, queues
    for q in queues.values():
        q.close()
    central.stop()


def serve(counter: RemoteQueue, number: int, ticket) -> None:
    counter.start_service(ticket_id=ticket.id, counter_number=number)
    counter.finish(ticket_id=ticket.id, counter_number=number)


def reference(issued) -> str:
    return remote.REFERENCES[issued.ticket.id]


class Stream:
    """The public stream of one ticket read on a thread: its events land in a queue as (name, data, at)."""

    def __init__(self, url: str) -> None:
        self.events: stdqueue.Queue = stdqueue.Queue()
        self.status: int | None = None
        self.headers: httpx.Headers | None = None
        self.opened = threading.Event()
        self.thread = threading.Thread(target=self._read, args=(url,), daemon=True)
        self.thread.start()
        assert self.opened.wait(10), "the stream did not answer"

    def _read(self, url: str) -> None:
        try:
            with httpx.Client(timeout=httpx.Timeout(5, read=60)) as client, client.stream("GET", url) as answer:
                self.status, self.headers = answer.status_code, answer.headers
                self.opened.set()
                name = ""
                for line in answer.iter_lines():
                    if line.startswith("event: "):
                        name = line[7:]
                    elif line.startswith("data: "):
                        self.events.put((name, json.loads(line[6:]), time.monotonic()))
        except httpx.HTTPError:  # the server stopped at the end of the test
            pass
        self.events.put(("closed", None, time.monotonic()))

    def next(self, timeout: float = 5.0):
        return self.events.get(timeout=timeout)


def test_the_tickets_reference_opens_its_place_with_strict_headers(office):
    central, q = office
    issued = [q["kiosk"].issue(group_code="A") for _ in range(3)]
    q["kiosk"].issue(group_code="B")
    ref = reference(issued[2])
    page = httpx.get(f"{central.url}/v/{ref}")
    assert page.status_code == 200
    html = page.text
    assert 'id="code">A003<' in html and 'id="ahead">2 orang<' in html and "Menunggu" in html
    assert 'id="wait">belum dapat diperkirakan<' in html  # nobody served today yet: no estimate
    assert "perkiraan" in html and 'data-status="waiting"' in html
    assert '<meta http-equiv="refresh" content="30">' in html  # without the script: a reload every 30 s
    assert '<script src="/static/antrian.js" defer></script>' in html and "<script>" not in html
    assert 'data-counter="1"' in html and 'data-counter="2"' in html and 'data-counter="3"' not in html
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "connect-src 'self'" in csp and "unsafe" not in csp
    assert "default-src 'none'" in csp and "set-cookie" not in page.headers
    assert page.headers["referrer-policy"] == "no-referrer" and page.headers["content-language"] == "id"
    assert len(page.content) < 60_000
    assert str(issued[2].ticket.id) not in html  # the ticket's id is in no page
    # the same page at /antrian/, in English; other pages keep their script-free CSP
    english = httpx.get(f"{central.url}/antrian/{ref}?lang=en")
    assert english.status_code == 200 and 'id="ahead">2 people<' in english.text and 'lang="en"' in english.text
    assert "script-src" not in httpx.get(f"{central.url}/berkas").headers["content-security-policy"]
    script = httpx.get(f"{central.url}/static/antrian.js")
    assert script.status_code == 200 and script.headers["content-type"].startswith("text/javascript")
    assert "EventSource" in script.text and len(script.content) < 10_000


def test_nothing_is_reachable_without_the_genuine_reference(office):
    central, q = office
    ref = reference(q["kiosk"].issue(group_code="A"))
    kind, ident, mac = ref.split(".")
    forged = f"{kind}.{ident}.{mac[:-2]}{'AA' if mac[-2:] != 'AA' else 'BB'}"
    other = reference(q["kiosk"].issue(group_code="A"))
    guessed = f"{kind}.{other.split('.')[1]}.{mac}"  # another ticket's id under this one's signature
    for bad in (forged, guessed, "q1.x.y", "q1.AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAA"):
        page = httpx.get(f"{central.url}/v/{bad}")
        assert page.status_code == 404 and "A001" not in page.text and "A002" not in page.text
        assert "Tidak sah" in page.text and "script-src" not in page.headers["content-security-policy"]
        assert httpx.get(f"{central.url}/antrian/{bad}/live").status_code == 404
    typed = httpx.post(f"{central.url}/periksa", data={"code": f"{central.url}/v/{ref}"})
    assert typed.status_code == 200 and 'id="code">A001<' in typed.text  # pasted into the check form


def test_the_page_follows_the_counters_and_says_when_it_is_called(office):
    central, q = office
    issued = [q["kiosk"].issue(group_code="A") for _ in range(6)]
    ref = reference(issued[5])
    for n in (1, 2, 1):  # three served at counters 1 and 2: enough for an estimate
        serve(q[f"loket-{n}"], n, q[f"loket-{n}"].call_next(counter_number=n))
    at_one = q["loket-1"].call_next(counter_number=1)
    assert at_one.code == "A004"
    html = httpx.get(f"{central.url}/antrian/{ref}").text
    assert 'id="ahead">1 orang<' in html and 'id="wait">sekitar 1 menit<' in html
    assert '<td class="code">A004</td>' in html

    stream = Stream(f"{central.url}/antrian/{ref}/live")
    assert stream.status == 200 and stream.headers["content-type"].startswith("text/event-stream")
    name, first, _ = stream.next()
    assert name == "place" and first["ahead"] == 1 and first["counters"] == [[1, "A004"], [2, None]]
    assert set(first) == {"status", "counter", "counter_name", "recalls", "ahead", "wait", "counters", "live"}

    pressed = time.monotonic()
    assert q["loket-2"].call_next(counter_number=2).code == "A005"
    name, moved, at = stream.next()
    assert name == "place" and moved["ahead"] == 0 and moved["counters"] == [[1, "A004"], [2, "A005"]]
    assert at - pressed < 1.0, f"the public stream took {at - pressed:.2f} s"

    q["kiosk"].issue(group_code="B")  # another group's event: nothing for this ticket
    serve(q["loket-1"], 1, at_one)
    pressed = time.monotonic()
    called = q["loket-1"].call_next(counter_number=1)
    assert called.code == "A006"
    # counter 1 freed, then this ticket called there: two events, or one when both changes arrive in one wake
    events = [stream.next()]
    while events[-1][1]["status"] != "called" and len(events) < 4:
        events.append(stream.next())
    assert all(e[1]["status"] == "waiting" for e in events[:-1]), events
    name, mine, at = events[-1]
    assert (mine["status"], mine["counter"], mine["counter_name"]) == ("called", 1, "Loket 1")
    assert at - pressed < 1.0
    page = httpx.get(f"{central.url}/antrian/{ref}").text
    assert "Nomor Anda dipanggil: silakan menuju Loket 1 sekarang." in page and 'role="alert"' in page
    assert str(called.id) not in json.dumps([e[1] for e in events])

    q["loket-1"].start_service(ticket_id=called.id, counter_number=1)
    assert stream.next()[1]["status"] == "serving"
    q["loket-1"].finish(ticket_id=called.id, counter_number=1)
    assert stream.next()[1] == {**mine, "status": "done", "live": False, "counters": [[1, None], [2, "A005"]]}
    assert stream.next()[0] == "end" and stream.next()[0] == "closed"  # the stream ends with its ticket
    assert httpx.get(f"{central.url}/antrian/{ref}/live").status_code == 204  # EventSource stops reconnecting
    done = httpx.get(f"{central.url}/antrian/{ref}")
    assert "Sudah dilayani" in done.text and "antrian.js" not in done.text and "refresh" not in done.text


def test_a_served_tickets_reference_opens_the_survey_once(office, server_db):
    """A server-issued ticket reached by its q1 reference (a counter's reprint, the place page's reload link): once
    served, its place page offers the survey as a kiosk code's verdict does; the response names the ticket."""
    import re

    import psycopg

    from tests.server.survey_support import answers

    central, q = office
    issued = [q["kiosk"].issue(group_code="A") for _ in range(2)]
    ref, waiting = reference(issued[0]), reference(issued[1])
    with httpx.Client(timeout=10) as http:
        assert 'id="survey-' not in http.get(f"{central.url}/v/{ref}").text  # waiting: no survey yet
        refused = http.get(f"{central.url}/survei/{ref}")
        assert refused.status_code == 409 and 'data-reason="not_served"' in refused.text
        assert "Survei dapat diisi setelah tiket ini dilayani" in refused.text
        serve(q["loket-1"], 1, q["loket-1"].call_next(counter_number=1))

        for address in (f"/v/{ref}", f"/antrian/{ref}"):
            done = http.get(central.url + address)
            assert done.status_code == 200 and "Sudah dilayani" in done.text and 'id="survey-link"' in done.text
            link = re.search(r'<section id="survey-link".*?href="([^"]+)"', done.text).group(1)
            assert link == f"/survei/{ref}"
            assert "script-src" not in done.headers["content-security-policy"]  # finished: no script
            assert str(issued[0].ticket.id) not in done.text
        english = http.get(f"{central.url}/antrian/{ref}?lang=en").text
        assert f'href="/survei/{ref}?lang=en"' in english and "Fill in the satisfaction survey" in english
        typed = http.post(f"{central.url}/periksa", data={"code": f"{central.url}/v/{ref}"})
        assert 'id="survey-link"' in typed.text  # typed or pasted at /periksa: the same card

        form = http.get(f"{central.url}/survei/{ref}")
        assert form.status_code == 200 and form.text.count("<fieldset>") == 9 and "A001" in form.text
        assert f'action="/survei/{ref}"' in form.text and "script-src" not in form.headers["content-security-policy"]
        assert str(issued[0].ticket.id) not in form.text
        kind, ident, mac = ref.split(".")
        forged = f"{kind}.{ident}.{mac[:-2]}{'AA' if mac[-2:] != 'AA' else 'BB'}"
        for bad in (forged, f"{kind}.{waiting.split('.')[1]}.{mac}"):  # altered; another ticket under this HMAC
            for answer in (http.get(f"{central.url}/survei/{bad}"), http.post(f"{central.url}/survei/{bad}",
                                                                            data=answers())):
                assert answer.status_code == 404 and 'data-reason="invalid"' in answer.text
                assert "A001" not in answer.text and "A002" not in answer.text

        sent = http.post(f"{central.url}/survei/{ref}", data=answers())
        assert sent.status_code == 200 and 'id="survey-thanks"' in sent.text
        again = http.post(f"{central.url}/survei/{ref}", data=answers(u1="1"))
        assert again.status_code == 409 and 'data-reason="answered"' in again.text  # once per ticket
        assert http.get(f"{central.url}/survei/{ref}").status_code == 409
        rated = http.get(f"{central.url}/antrian/{ref}").text
        assert 'id="survey-done"' in rated and 'id="survey-link"' not in rated

    with psycopg.connect(server_db) as conn:
        stored = conn.execute("SELECT r.payload, c.device_id FROM records r JOIN change_log c ON c.seq = r.seq "
                              "WHERE r.entity = 'survey_response'").fetchall()
    assert len(stored) == 1
    payload, device = stored[0]
    assert device is None  # the server's own change: every PC pulls it
    assert payload["ticket_id"] == str(issued[0].ticket.id) and payload["application_id"] is None
    assert (payload["source"], payload["device_id"], payload["u1"], payload["u8"]) == ("web", "mpp-central", 4, None)


def test_the_stream_hears_a_call_answered_by_another_server_process(server_db, office_clock):
    """`serve --workers 2`: the call and the stream may be in different processes (the kernel hands each new
    connection to either; three streams and three calls on fresh connections); LISTEN/NOTIFY joins them."""
    office_clock.set(TUESDAY_10, running=True)
    seed_records(server_db, queue_config([("A", "Perizinan", None)], [(1, ["A"])]))
    central = CentralProcess(server_db, _free_port(), TUESDAY_10, workers=2).start()
    try:
        kiosk = RemoteQueue(central.url, credential(central.url, enroll(server_db, "kiosk", "kiosk")))
        counter_credential = credential(central.url, enroll(server_db, "loket-1", "counter"))
        counter = RemoteQueue(central.url, counter_credential)
        issued = [kiosk.issue(group_code="A") for _ in range(5)]
        streams = [Stream(f"{central.url}/antrian/{reference(issued[-1])}/live") for _ in range(3)]
        assert [s.next()[1]["ahead"] for s in streams] == [4, 4, 4]
        for ahead in (3, 2, 1):  # each call on a new connection: the two processes take turns
            with httpx.Client() as fresh:
                answer = fresh.post(f"{central.url}/v1/queue/counters/1/call-next",
                                    headers={"Authorization": f"Bearer {counter_credential}",
                                             PROTOCOL_HEADER: str(PROTOCOL)})
            assert answer.status_code == 200, answer.text
            pressed = time.monotonic()
            for s in streams:
                name, place, at = s.next()
                assert (name, place["ahead"]) == ("place", ahead) and at - pressed < 1.0, place
            ticket = answer.json()["ticket"]
            counter.start_service(ticket_id=ticket["id"], counter_number=1)
            counter.finish(ticket_id=ticket["id"], counter_number=1)
            for s in streams:  # counter 1 freed
                got = s.next()[1]
                assert got["counters"] == [[1, None]], repr(got)
        kiosk.close()
        counter.close()
    finally:
        central.stop()


def test_streams_per_address_are_limited_and_given_back_when_closed(office):
    central, q = office
    ref = reference(q["kiosk"].issue(group_code="A"))
    url = f"{central.url}/antrian/{ref}/live"
    with httpx.Client(timeout=httpx.Timeout(5, read=30)) as client, contextlib.ExitStack() as streams:
        opened = [streams.enter_context(client.stream("GET", url)) for _ in range(2)]
        assert [s.status_code for s in opened] == [200, 200]
        refused = httpx.get(url)
        assert refused.status_code == 429 and refused.headers["retry-after"] == "60"
    deadline = time.monotonic() + 3  # closed by the client: the server notices and gives the places back
    while (answer := _status(url)) != 200 and time.monotonic() < deadline:
        time.sleep(0.1)
    assert answer == 200


def _status(url: str) -> int:
    with httpx.Client(timeout=5) as client, client.stream("GET", url) as answer:
        return answer.status_code


def _hold(streams: contextlib.ExitStack, url: str) -> httpx.Response:
    """A stream kept open on a connection of its own (closed with *streams*)."""
    client = streams.enter_context(httpx.Client(timeout=httpx.Timeout(5, read=30)))
    return streams.enter_context(client.stream("GET", url))


def _until_admitted(url: str, within: float) -> float:
    """Seconds until a stream of *url* is answered 200 (asserted within *within* seconds)."""
    started = time.monotonic()
    while (answer := _status(url)) != 200 and time.monotonic() - started < within:
        time.sleep(0.1)
    assert answer == 200, answer
    return time.monotonic() - started


def _stream_rows(pg_url: str) -> list[tuple[str, str]]:
    import psycopg

    with psycopg.connect(pg_url) as conn:
        return [(k, p) for (k, p) in conn.execute("SELECT key, process FROM public_streams")]


def _office(server_db, office_clock, *, workers: int = 1, **env: str) -> tuple[CentralProcess, str]:
    """One group A, a ticket issued; a server with *env* (MPP_CENTRAL_PUBLIC_*): the ticket's stream's address."""
    office_clock.set(TUESDAY_10, running=True)
    seed_records(server_db, queue_config([("A", "Perizinan", None)], [(1, ["A"])]))
    central = CentralProcess(server_db, _free_port(), TUESDAY_10, workers=workers,
                             env={f"MPP_CENTRAL_PUBLIC_{k.upper()}": v for k, v in env.items()}).start()
    try:
        with RemoteQueue(central.url, credential(central.url, enroll(server_db, "kiosk", "kiosk"))) as kiosk:
            return central, f"/antrian/{reference(kiosk.issue(group_code='A'))}/live"
    except BaseException:
        central.stop()
        raise


def test_streams_per_address_are_limited_across_server_processes(server_db, office_clock):
    """`serve --workers 2`: each fresh connection goes to either process; the limit holds in total."""
    central, path = _office(server_db, office_clock, workers=2, streams_per_address="3", pages_per_minute="600")
    url = central.url + path
    try:
        with contextlib.ExitStack() as streams:
            assert [_hold(streams, url).status_code for _ in range(3)] == [200, 200, 200]
            assert [_status(url) for _ in range(8)] == [429] * 8  # counted per process, the other would admit
            rows = _stream_rows(server_db)
            assert len(rows) == 3 and len({k for k, _ in rows}) == 1 and "127.0.0.1" not in rows[0][0]
        _until_admitted(url, 5)  # closed by the client: the places are given back
    finally:
        central.stop()


def test_the_streams_of_a_killed_server_process_stop_counting_after_three_keep_alives(server_db, office_clock):
    """Two servers on one database; the one holding the address's streams beats them while it lives, then is
    killed (no goodbye): the other admits once their rows missed three beats (keep-alive 0.5 s here)."""
    env = {"streams_per_address": "2", "stream_keepalive_s": "0.5"}
    first, path = _office(server_db, office_clock, **env)
    second = CentralProcess(server_db, _free_port(), TUESDAY_10,
                            env={f"MPP_CENTRAL_PUBLIC_{k.upper()}": v for k, v in env.items()}).start()
    try:
        with contextlib.ExitStack() as streams:
            assert [_hold(streams, first.url + path).status_code for _ in range(2)] == [200, 200]
            assert _status(second.url + path) == 429  # the other process counts them
            time.sleep(2.0)  # past the expiry (1.5 s): the first process's beats keep them counted
            assert _status(second.url + path) == 429
            assert first.proc is not None
            killed = f":{first.proc.pid}"
            first.kill()
            _until_admitted(second.url + path, 10)
        assert [p.endswith(killed) for _, p in _stream_rows(server_db)].count(True) == 2  # left, not counted
    finally:
        first.kill()
        second.stop()


def test_a_place_is_live_only_on_its_day_and_until_its_ticket_is_finished():
    import datetime as dt
    import uuid

    today = dt.date(2026, 11, 24)
    place = queue_page.Place(ticket_id=uuid.uuid4(), code="A001", group_code="A", group_name="Perizinan", service="",
                             service_date=today, status="waiting", counter=None, counter_name="", recalls=0, ahead=3,
                             wait_minutes=None, counters=(queue_page.CounterNow(1, "Loket 1", "A000"),), today=today)
    assert place.live and str(place.ticket_id) not in json.dumps(place.public_json())
    assert not dataclasses.replace(place, today=today + dt.timedelta(days=1)).live  # past midnight: the stream ends
    for status in ("done", "no_show", "cancelled"):
        assert not dataclasses.replace(place, status=status).live


def test_the_estimate_needs_enough_served_tickets_and_a_calling_counter():
    assert queue_page.estimate_minutes(0, None, 0, 0) == 0  # next: no wait to guess
    assert queue_page.estimate_minutes(4, 300.0, 2, 2) is None  # two served today: too few
    assert queue_page.estimate_minutes(4, 300.0, 3, 0) is None  # no counter calling now
    assert queue_page.estimate_minutes(4, 300.0, 3, 2) == 10  # 5 min x 4 / 2 counters
    assert queue_page.estimate_minutes(1, 20.0, 9, 3) == 1  # rounded up: never "0 minutes" while someone is ahead
