"""A board's speak decision in its speaker zone (mpp_desk/queue/speaker.py): the rule of docs/queue.md."""

from __future__ import annotations

import pytest

from mpp_desk.errors import ValidationError
from mpp_desk.queue.speaker import SpeakerAnswer, SpeakerZone, normalize_zone
from mpp_desk.settings import SETTINGS


def answer(speaker: bool, holder: str = "tv-1") -> SpeakerAnswer:
    return SpeakerAnswer(zone="lantai-1", speaker=speaker, holder=holder, expires_at=None, lease_s=15.0, renew_s=5.0)


def test_without_a_zone_or_a_server_the_board_speaks_alone():
    assert SpeakerZone("").speaks() and SpeakerZone(None).speaks() and SpeakerZone("  ").speaks()
    standalone = SpeakerZone("lantai-1")
    standalone.not_joined()
    assert standalone.speaks() and not standalone.coordinated


def test_in_a_zone_only_the_lease_holder_speaks_and_only_after_the_first_answer():
    zone = SpeakerZone(" Lantai-1 ")
    assert zone.zone == "lantai-1" == normalize_zone("LANTAI-1")
    assert zone.coordinated and not zone.speaks()  # not known yet: silent
    zone.answered(answer(True))
    assert zone.speaks() and zone.holder == "tv-1"
    zone.answered(answer(False, holder="tv-2"))  # another board took over
    assert not zone.speaks() and zone.holder == "tv-2"


def test_the_server_away_keeps_each_boards_part():
    holder, other = SpeakerZone("lantai-1"), SpeakerZone("lantai-1")
    holder.answered(answer(True))
    other.answered(answer(False))
    for zone in (holder, other):
        zone.unreachable()
    assert holder.speaks() and not other.speaks()
    never_answered = SpeakerZone("lantai-1")
    never_answered.unreachable()
    assert not never_answered.speaks()


def test_a_refusal_silences_the_board():
    zone = SpeakerZone("lantai-1")
    zone.answered(answer(True))
    zone.refused_by_server()
    assert not zone.speaks() and zone.refused


def test_the_zone_setting_takes_names_like_lantai_1_only():
    setting = SETTINGS["display.speaker_zone"]
    assert setting.coerce(" Lantai-1 ") == "Lantai-1" and setting.coerce("") == ""
    for bad in ("lantai 1", "-a", "zona;drop", "x" * 41):
        with pytest.raises(ValidationError):
            setting.coerce(bad)
