"""One speaker per zone: boards of one speaker zone share the server's lease; the holder speaks, another takes
over when it stops renewing; two zones each have their voice; the server away, each board keeps its part."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from mpp_desk.queue.errors import QueueOffline, QueueServerRefused
from mpp_desk.queue.remote import RemoteQueue
from mpp_desk.queue.speaker import SpeakerZone
from tests.server.conftest import _free_port, enroll
from tests.server.queue_support import TUESDAY_10, CentralProcess, credential, queue_config, seed_records

LEASE_S = 2.0  # the server's lease, shortened for the test (15 s in the office)


@pytest.fixture
def hall(server_db, office_clock, monkeypatch):
    """A server whose speaker lease lasts 2 s; boards tv-1, tv-2 (zone lantai-1), tv-3 (lantai-2) and a counter."""
    office_clock.set(TUESDAY_10, running=True)
    monkeypatch.setenv("MPP_CENTRAL_SPEAKER_LEASE_S", str(LEASE_S))
    seed_records(server_db, queue_config([("A", "Perizinan", None)], [(1, ["A"])]))
    central = CentralProcess(server_db, _free_port(), TUESDAY_10).start()
    names = (("tv-1", "display"), ("tv-2", "display"), ("tv-3", "display"), ("loket-1", "counter"))
    creds = {name: credential(central.url, enroll(server_db, name, role)) for name, role in names}
    boards = {name: RemoteQueue(central.url, cred, attempts=1, retry_pause=0.05, timeout=5) for name, cred in creds.items()}
    yield central, boards
    for board in boards.values():
        board.close()
    central.stop()


def test_one_board_per_zone_speaks_and_another_takes_over_when_it_stops_renewing(hall):
    _, boards = hall
    first = boards["tv-1"].speaker_lease(zone="lantai-1")
    assert first.speaker and first.holder == "tv-1" and first.lease_s == LEASE_S and first.renew_s <= LEASE_S / 3
    second = boards["tv-2"].speaker_lease(zone="Lantai-1")  # the zone's name is not case-sensitive
    assert (second.speaker, second.holder, second.zone) == (False, "tv-1", "lantai-1")
    assert boards["tv-1"].speaker_lease(zone="lantai-1").speaker  # renewing keeps it
    other_zone = boards["tv-3"].speaker_lease(zone="lantai-2")
    assert other_zone.speaker and other_zone.holder == "tv-3"  # two zones: both speak

    # tv-1 stops renewing (its PC died): tv-2, renewing, is refused until tv-1's lease ran out, then holds it
    last = boards["tv-1"].speaker_lease(zone="lantai-1")
    assert last.expires_at is not None
    answers = []
    deadline = time.monotonic() + LEASE_S + 20
    while not (answers and answers[-1].speaker):
        assert time.monotonic() < deadline, "tv-2 never took over"
        answers.append(boards["tv-2"].speaker_lease(zone="lantai-1"))
        assert boards["tv-3"].speaker_lease(zone="lantai-2").speaker  # the other zone keeps its speaker
        time.sleep(0.25)
    taken = answers[-1]
    assert taken.holder == "tv-2" and taken.expires_at is not None
    assert taken.expires_at - dt.timedelta(seconds=LEASE_S) >= last.expires_at  # taken once tv-1's ran out, not before
    assert all(not a.speaker and a.holder == "tv-1" for a in answers[:-1])

    # tv-1 comes back: it is silent now, tv-2 speaks; tv-2 closing gives the zone back at once
    back = boards["tv-1"].speaker_lease(zone="lantai-1")
    assert (back.speaker, back.holder) == (False, "tv-2")
    assert boards["tv-2"].release_speaker_lease(zone="lantai-1") is True
    assert boards["tv-2"].release_speaker_lease(zone="lantai-1") is False  # nothing left to give up
    assert boards["tv-1"].speaker_lease(zone="lantai-1").speaker


def test_only_boards_hold_a_zone_and_a_zone_name_is_checked(hall):
    _, boards = hall
    with pytest.raises(QueueServerRefused):
        boards["loket-1"].speaker_lease(zone="lantai-1")
    with pytest.raises(QueueServerRefused):
        boards["tv-1"].speaker_lease(zone="lantai 1; drop")


def test_with_the_server_away_the_holder_keeps_speaking_and_the_others_stay_silent(hall):
    central, boards = hall
    zones = {name: SpeakerZone("lantai-1") for name in ("tv-1", "tv-2")}
    assert not zones["tv-1"].speaks() and not zones["tv-2"].speaks()  # no answer yet: silent
    for name in ("tv-1", "tv-2"):
        zones[name].answered(boards[name].speaker_lease(zone="lantai-1"))
    assert zones["tv-1"].speaks() and not zones["tv-2"].speaks()

    central.kill()
    for name in ("tv-1", "tv-2"):
        with pytest.raises(QueueOffline):
            boards[name].speaker_lease(zone="lantai-1")
        zones[name].unreachable()
    assert zones["tv-1"].speaks() and not zones["tv-2"].speaks()
    assert zones["tv-1"].reachable is False

    central.start()  # back: the lease was kept in the database; tv-1 renews it (or tv-2 takes it once expired)
    for name in ("tv-1", "tv-2"):
        zones[name].answered(boards[name].speaker_lease(zone="lantai-1"))
    assert [zones[n].speaks() for n in ("tv-1", "tv-2")].count(True) == 1
