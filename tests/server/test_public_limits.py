"""The public pages' limits: per client address with a clear message, per looked-up number across addresses,
and the token bucket itself on a controlled clock."""

from __future__ import annotations

import pytest

from mpp_desk.complaints.follow_code import follow_code, matches, normalize
from mpp_desk.server.public.guard import Guard, Limiter, PublicSettings
from tests.server.public_support import limited_client


class Ticking:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_the_bucket_refuses_past_its_rate_and_refills_with_time():
    clock = Ticking()
    limiter = Limiter(3, 60, clock=clock)
    assert [limiter.take("a") for _ in range(3)] == [0, 0, 0]
    assert limiter.take("a") == pytest.approx(20)  # one request back every 20 s
    assert limiter.take("b") == 0  # another address has its own bucket
    clock.now += 20
    assert limiter.take("a") == 0 and limiter.take("a") > 0
    assert limiter.blocked("a") > 0 and limiter.blocked("c") == 0


def test_the_bucket_forgets_the_oldest_addresses_past_its_size():
    limiter = Limiter(1, 60, clock=Ticking(), max_keys=100)
    for i in range(1000):
        limiter.take(f"10.0.{i // 256}.{i % 256}")
    assert len(limiter._buckets) == 100


def test_a_forwarded_address_counts_only_behind_a_trusted_proxy():
    guard = Guard(PublicSettings(trusted_proxies=["10.0.0.1"]))
    assert guard.client("10.0.0.1", "203.0.113.5, 198.51.100.7") == "198.51.100.7"
    assert guard.client("203.0.113.9", "198.51.100.7") == "203.0.113.9"  # anyone else cannot pick an address


def test_the_follow_code_is_fixed_per_case_and_typed_loosely():
    import uuid

    case = uuid.UUID("5d6f7a3e-2b1c-4d5e-8f90-123456789abc")
    code = follow_code(case)
    assert code == follow_code(str(case)) and len(code) == 9 and code[4] == "-"
    assert not set(normalize(code)) & set("01OI")
    assert matches(case, code.lower().replace("-", " ")) and not matches(uuid.uuid4(), code)
    assert len({follow_code(uuid.uuid4()) for _ in range(500)}) == 500


@pytest.fixture
def app(server_db, monkeypatch):
    with limited_client(server_db, monkeypatch, pages=5, lookups=2) as client:
        yield client


def test_too_many_pages_from_one_address_get_a_clear_message_and_a_wait(app):
    answers = [app.get("/berkas") for _ in range(6)]
    assert [a.status_code for a in answers] == [200] * 5 + [429]
    refused = answers[-1]
    assert "Terlalu banyak permintaan dari sambungan Anda" in refused.text and 'id="limited"' in refused.text
    assert int(refused.headers["retry-after"]) >= 12
    assert "content-security-policy" in refused.headers
    assert app.get("/health").status_code == 200  # the PCs' sync API is not limited by the public pages


def test_lookups_are_limited_more_tightly_than_pages(app):
    answers = [app.post("/berkas", data={"number": f"MPP/2026/03/01000{i}", "nik": "1234"}) for i in range(3)]
    assert [a.status_code for a in answers] == [404, 404, 429]
    assert "Mohon tunggu" in answers[-1].text


def test_empty_or_oversized_forms_write_nothing_and_say_what_to_do(app):
    empty = app.post("/pengaduan", data={"number": "", "code": ""})
    assert empty.status_code == 422 and "Isi kedua kolom." in empty.text
    huge = app.post("/periksa", content=b"code=" + b"A" * 5000, headers={"content-type": "application/x-www-form-urlencoded"})
    assert huge.status_code == 422 and "Ketik kodenya terlebih dahulu." in huge.text


def test_the_shared_bucket_in_postgresql_keeps_the_same_rule(server_db):
    from mpp_desk.server.db import make_engine
    from mpp_desk.server.public.guard import SharedLimiter

    engine = make_engine(server_db.replace("postgresql://", "postgresql+psycopg://"), pool_size=2)
    try:
        clock = Ticking()
        limiter = SharedLimiter(engine, "t", 3, 60, clock=clock)
        assert [limiter.take("a") for _ in range(3)] == [0, 0, 0]
        assert limiter.take("a") == pytest.approx(20)
        assert limiter.take("b") == 0
        clock.now += 20
        assert limiter.take("a") == 0 and limiter.take("a") > 0
        assert limiter.blocked("a") > 0 and limiter.blocked("c") == 0
        with engine.connect() as conn:  # the table names no address: only its hash
            keys = [k for (k,) in conn.exec_driver_sql("SELECT key FROM public_limits")]
        assert len(keys) == 2 and "a" not in keys and all(len(k) == 64 for k in keys)
        clock.now += 3600  # idle buckets are full again: purged
        limiter._purged = 0.0
        limiter.take("b")
        with engine.connect() as conn:
            assert [k for (k,) in conn.exec_driver_sql("SELECT key FROM public_limits")] == [SharedLimiter._hash("b")]
    finally:
        engine.dispose()


def test_two_server_processes_on_one_database_share_the_limit(server_db, monkeypatch):
    """`serve --workers N`: each process has its own app; the limit per address holds across them."""
    from fastapi.testclient import TestClient

    from mpp_desk.server.app import create_app
    from mpp_desk.server.db import make_engine
    from mpp_desk.server.settings import ServerSettings

    monkeypatch.setenv("MPP_CENTRAL_PUBLIC_PAGES_PER_MINUTE", "5")
    engines = [make_engine(ServerSettings(database_url=server_db).database_url, pool_size=2) for _ in range(2)]
    try:
        with (TestClient(create_app(ServerSettings(database_url=server_db), engines[0])) as one,
              TestClient(create_app(ServerSettings(database_url=server_db), engines[1])) as two):
            answers = [(one if i % 2 else two).get("/periksa" if i % 2 else "/v/q1.AAAAAAAAAAAAAAAAAAAAAA.AAAA")
                       for i in range(5)]
            assert [a.status_code for a in answers] == [404, 200, 404, 200, 404]  # a queue place counts as a page
            for app, path in ((one, "/berkas"), (two, "/antrian/q1.AAAAAAAAAAAAAAAAAAAAAA.AAAA")):
                refused = app.get(path)  # the sixth and later, whichever process answers
                assert refused.status_code == 429 and "Terlalu banyak permintaan dari sambungan Anda" in refused.text
                assert int(refused.headers["retry-after"]) >= 12
    finally:
        for engine in engines:
            engine.dispose()


def test_open_streams_per_client_are_shared_by_processes_and_expire_when_not_beaten(server_db):
    """Two processes' counters on one database (`serve --workers N`): *most* streams per client in total; a
    stream given back frees its place; a process that stops beating (killed) stops counting after 3 keep-alives."""
    from mpp_desk.server.db import make_engine
    from mpp_desk.server.public.guard import SharedLimiter, SharedStreams

    engine = make_engine(server_db.replace("postgresql://", "postgresql+psycopg://"), pool_size=2)
    try:
        clock = Ticking()
        one, two = (SharedStreams(engine, 2, 10.0, clock=clock) for _ in range(2))
        first, second = one.admit("a"), two.admit("a")
        assert first and second and one.admit("a") is None and two.admit("a") is None
        assert two.admit("b") is not None  # another client has its own places
        with engine.connect() as conn:  # no address in the table: the key as the rate limiter hashes it
            keys = sorted(k for (k,) in conn.exec_driver_sql("SELECT key FROM public_streams"))
        assert keys == sorted([SharedLimiter._hash("a")] * 2 + [SharedLimiter._hash("b")])
        one.leave(first)
        assert one._closer is not None
        one._closer.submit(lambda: None).result(5)  # the give-back (on the closer's thread) is done
        third = two.admit("a")
        assert third is not None and two.admit("a") is None and one.open == set()
        clock.now += 25  # two beats missed: still counted
        assert one.admit("a") is None
        assert two.beat() == 3 and one.beat() == 0  # "two" holds two of "a" and one of "b"
        clock.now += 10  # 35 s after the first two were opened; "two" beat at 25 s: its streams live on
        assert one.admit("a") is None
        clock.now += 21  # "two" is silent 31 s (killed): its streams no longer count, and are purged
        one._purged = 0.0
        fresh = one.admit("a")
        assert fresh is not None and one.admit("a") is not None and one.admit("a") is None
        with engine.connect() as conn:
            left = {r for (r,) in conn.exec_driver_sql("SELECT id FROM public_streams")}
        assert left == one.open and len(left) == 2
    finally:
        engine.dispose()
