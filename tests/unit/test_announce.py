"""Spoken calls: the Indonesian sentence, the order of the queue, and real speech from espeak-ng."""

from __future__ import annotations

import array
import math
import os
import threading
import wave

import pytest

from mpp_desk import announce
from mpp_desk.announce import (
    CHIME_WAV,
    AnnouncementQueue,
    BlockingEngine,
    ChimeOnlyEngine,
    EspeakEngine,
    announcement_text,
    ticket_words,
)
from mpp_desk.queue.views import EventView


def test_the_sentence_reads_the_letter_each_digit_and_the_counter_number():
    assert announcement_text("A001", 3) == "Nomor antrian A nol nol satu, silakan menuju loket tiga"
    assert announcement_text("B120", 12) == "Nomor antrian B satu dua nol, silakan menuju loket dua belas"
    assert announcement_text("A1000", 21) == "Nomor antrian A satu nol nol nol, silakan menuju loket dua puluh satu"
    assert ticket_words("ab07") == "A B nol tujuh"


class HandEngine:
    """Plays nothing; the test says when each announcement ends."""

    name = "hand"

    def __init__(self) -> None:
        self.started: list[str] = []
        self.callbacks = []

    def play(self, text, done) -> None:
        self.started.append(text)
        self.callbacks.append(done)


class InstantEngine:
    name = "instant"

    def __init__(self) -> None:
        self.spoken: list[str] = []

    def play(self, text, done) -> None:
        self.spoken.append(text)
        done()  # before play() returns: the queue must not recurse or lose the next one


def test_a_new_call_waits_for_the_one_being_spoken():
    engine = HandEngine()
    queue = AnnouncementQueue(engine, watchdog=None)
    queue.announce("A001", 3)
    queue.announce("B002", 1)
    assert engine.started == [announcement_text("A001", 3)]  # the second did not cut in
    assert [a.ticket_code for a in queue.pending] == ["B002"] and queue.busy
    engine.callbacks[0]()
    assert engine.started == [announcement_text("A001", 3), announcement_text("B002", 1)]
    engine.callbacks[0]()  # a repeated done() from an engine changes nothing
    assert len(engine.started) == 2 and queue.busy
    engine.callbacks[1]()
    assert not queue.busy and queue.wait_idle(0)
    assert [a.ticket_code for a in queue.spoken] == ["A001", "B002"]


def test_a_recall_is_spoken_again_in_its_turn():
    engine = InstantEngine()
    queue = AnnouncementQueue(engine, watchdog=None)
    events = [
        EventView(1, "issued", None, "A002", "A", None, None),
        EventView(2, "called", None, "A001", "A", 3, None),
        EventView(3, "started", None, "A001", "A", 3, None),
        EventView(4, "called", None, "B001", "B", 1, None),
        EventView(5, "recalled", None, "A001", "A", 3, None),
    ]
    made = [queue.on_event(e) for e in events]
    assert [m is not None for m in made] == [False, True, False, True, True]
    assert made[-1].recall
    assert engine.spoken == [
        "Nomor antrian A nol nol satu, silakan menuju loket tiga",
        "Nomor antrian B nol nol satu, silakan menuju loket satu",
        "Nomor antrian A nol nol satu, silakan menuju loket tiga",
    ]


def test_a_call_made_without_the_server_and_sent_later_is_not_announced():
    engine = InstantEngine()
    queue = AnnouncementQueue(engine, watchdog=None)
    made = [queue.on_event(EventView(1, "called", None, "A001", "A", 3, None, "offline")),
            queue.on_event(EventView(2, "called", None, "A002", "A", 3, None))]
    assert made[0] is None and made[1] is not None
    assert engine.spoken == ["Nomor antrian A nol nol dua, silakan menuju loket tiga"]


def test_calls_from_many_threads_are_spoken_one_at_a_time_in_arrival_order():
    playing = threading.Lock()
    overlaps: list[str] = []
    spoken: list[str] = []

    class Recorder(BlockingEngine):
        name = "recorder"

        def play_chime(self) -> None:
            pass

        def speak(self, text: str) -> None:
            if not playing.acquire(blocking=False):
                overlaps.append(text)
                return
            try:
                spoken.append(text)
            finally:
                playing.release()

    queue = AnnouncementQueue(Recorder(chime=None))
    arrivals: list[str] = []
    arrival_lock = threading.Lock()

    def caller(counter: int) -> None:
        for n in range(10):
            with arrival_lock:
                item = queue.announce(f"A{counter}{n:02d}", counter)
                arrivals.append(item.text)

    threads = [threading.Thread(target=caller, args=(c,)) for c in range(1, 5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert queue.wait_idle(30)
    assert overlaps == []
    assert spoken == arrivals and len(spoken) == 40


def test_an_engine_that_never_finishes_does_not_silence_the_board():
    engine = HandEngine()
    queue = AnnouncementQueue(engine, watchdog=0.05)
    queue.announce("A001", 1)
    queue.announce("A002", 1)
    assert queue.wait_idle(10)
    assert len(engine.started) == 2


def test_an_engine_that_raises_is_skipped():
    class Broken:
        name = "broken"

        def play(self, text, done):
            raise OSError("no sound device")

    queue = AnnouncementQueue(Broken(), watchdog=None)
    queue.announce("A001", 1)
    queue.announce("A002", 1)
    assert not queue.busy and len(queue.spoken) == 2


def test_the_chime_only_engine_plays_the_shipped_chime(monkeypatch):
    played = []
    monkeypatch.setattr(announce, "play_wav", lambda path: played.append(path))
    queue = AnnouncementQueue(ChimeOnlyEngine())
    queue.announce("A001", 1)
    assert queue.wait_idle(10)
    assert played == [CHIME_WAV]


def test_the_espeak_engine_plays_chime_then_speech(monkeypatch, tmp_path):
    played = []
    monkeypatch.setattr(announce, "play_wav", lambda path: played.append(path.name if path else None))
    monkeypatch.setattr(announce, "wav_player", lambda: ["true"])
    engine = EspeakEngine(executable="espeak-ng")
    rendered = []
    monkeypatch.setattr(engine, "render_wav", lambda text, path: rendered.append(text) or path)
    queue = AnnouncementQueue(engine)
    queue.announce("A001", 3)
    assert queue.wait_idle(10)
    assert played == ["chime.wav", "speech.wav"]
    assert rendered == ["Nomor antrian A nol nol satu, silakan menuju loket tiga"]
    assert engine.command("x")[:3] == ["espeak-ng", "-v", "id"]


def rms_and_seconds(path) -> tuple[float, float]:
    with wave.open(str(path), "rb") as wav:
        assert wav.getsampwidth() == 2
        frames = wav.readframes(wav.getnframes())
        seconds = wav.getnframes() / wav.getframerate()
    samples = array.array("h", frames)
    return math.sqrt(sum(s * s for s in samples) / max(1, len(samples))), seconds


def test_the_shipped_chime_is_a_short_audible_sound():
    rms, seconds = rms_and_seconds(CHIME_WAV)
    assert 0.5 < seconds < 3.0
    assert rms > 1000


def test_espeak_ng_speaks_the_call_in_indonesian_to_a_wav_file(tmp_path):
    if not EspeakEngine.available():
        if os.environ.get("CI"):
            pytest.fail("espeak-ng with the Indonesian voice must be installed in CI (make sysdeps)")
        pytest.skip("espeak-ng with an Indonesian voice is not installed here")
    out = EspeakEngine().render_wav(announcement_text("A001", 3), tmp_path / "call.wav")
    rms, seconds = rms_and_seconds(out)
    assert seconds > 2.0  # a whole sentence, not a click
    assert rms > 300  # not silence (16-bit samples)
