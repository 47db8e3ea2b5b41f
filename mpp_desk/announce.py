"""Spoken calls for the display board: the text, a queue that never cuts a call off, offline engines.

The hall hears Bahasa Indonesia whatever language a screen is set to, so the spoken sentence is
built here in Indonesian rather than translated: "Nomor antrian A nol nol satu, silakan menuju
loket tiga". The ticket's letters are said as letters and its digits one by one ("nol nol
satu", as people read the printed number); the counter number is said as a number
(``num2words(lang="id")``: 12 -> "dua belas").

An engine plays one announcement (the chime, then the words) and reports when it is done;
:class:`AnnouncementQueue` hands it one at a time in order, so a new call waits for the one being
spoken, and a recall is simply spoken again. Engines here: :class:`EspeakEngine` (espeak-ng,
``-v id``) and :class:`ChimeOnlyEngine` (the last resort). The desktop app adds a
QtTextToSpeech engine with the same interface. No Qt in this module.
"""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from mpp_desk.paths import RESOURCES_DIR

log = logging.getLogger(__name__)

CHIME_WAV = RESOURCES_DIR / "sounds" / "chime.wav"
DIGITS = ("nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan")
_CODE = re.compile(r"^([A-Za-z]+)(\d+)$")


# --- the words ------------------------------------------------------------------------------


def number_words(number: int) -> str:
    """A whole number in Indonesian words: 3 -> "tiga", 12 -> "dua belas"."""
    from num2words import num2words

    return num2words(int(number), lang="id")


def ticket_words(ticket_code: str) -> str:
    """"A001" -> "A nol nol satu"; letters stay letters, digits are read one by one."""
    code = (ticket_code or "").strip()
    match = _CODE.match(code)
    if not match:
        return code
    letters, digits = match.groups()
    return " ".join([*letters.upper(), *(DIGITS[int(d)] for d in digits)])


def counter_name_says_more(counter_number: int, name: str | None) -> bool:
    """Whether a counter's configured name says more than its number ("Loket 3", "loket tiga" do not)."""
    text = " ".join((name or "").split()).casefold()
    if not text:
        return False
    plain = {str(counter_number), number_words(counter_number)}
    return text not in plain | {f"{word} {n}" for word in ("loket", "counter") for n in plain}


def counter_name_has_number(counter_number: int, name: str | None) -> bool:
    """Whether the name already says the number ("Loket 3 — Perizinan", "Loket Tiga")."""
    text = " ".join((name or "").split()).casefold()
    if re.search(rf"(?<!\d){int(counter_number)}(?!\d)", text):
        return True
    return re.search(rf"\b{re.escape(number_words(counter_number))}\b", text) is not None


def announcement_text(ticket_code: str, counter_number: int, counter_name: str = "") -> str:
    """"Nomor antrian A nol nol satu, silakan menuju loket tiga"; a counter whose name says more than its
    number (and does not say the number itself) is also named: "..., silakan menuju loket dua, Loket Pengaduan"."""
    text = f"Nomor antrian {ticket_words(ticket_code)}, silakan menuju loket {number_words(counter_number)}"
    name = " ".join((counter_name or "").split())
    if counter_name_says_more(counter_number, name) and not counter_name_has_number(counter_number, name):
        text += f", {name}"
    return text


# --- engines --------------------------------------------------------------------------------


class SpeechEngine(Protocol):
    """Plays one announcement: the chime, then *text*; calls *done* exactly once when finished.

    ``play`` must return quickly (work in the background) and may be called from any thread;
    ``done`` may be called from any thread, even before ``play`` returns.
    """

    name: str

    def play(self, text: str, done: Callable[[], None]) -> None: ...


class BlockingEngine:
    """Base for engines whose steps block: runs chime + speech on a worker thread."""

    name = "blocking"

    def __init__(self, *, chime: Path | None = CHIME_WAV) -> None:
        self.chime = chime

    def play(self, text: str, done: Callable[[], None]) -> None:
        threading.Thread(target=self._run, args=(text, done), name=f"announce-{self.name}", daemon=True).start()

    def _run(self, text: str, done: Callable[[], None]) -> None:
        try:
            if self.chime is not None:
                self.play_chime()
            self.speak(text)
        except Exception:  # a broken sound device must not stop the next call
            log.exception("announcement failed in engine %s", self.name)
        finally:
            done()

    def play_chime(self) -> None:
        play_wav(self.chime)

    def speak(self, text: str) -> None:
        """Say *text*; blocks until spoken."""


class ChimeOnlyEngine(BlockingEngine):
    """The last resort: the chime alone, so the hall still looks at the board."""

    name = "chime"


class EspeakEngine(BlockingEngine):
    """espeak-ng with the Indonesian voice (``-v id``), fully offline."""

    name = "espeak-ng"

    def __init__(
        self,
        *,
        voice: str = "id",
        words_per_minute: int = 140,
        executable: str | None = None,
        chime: Path | None = CHIME_WAV,
    ) -> None:
        super().__init__(chime=chime)
        self.voice = voice
        self.words_per_minute = words_per_minute
        self.executable = executable or find_espeak()

    @staticmethod
    def available(voice: str = "id") -> bool:
        """True when espeak-ng is installed and has *voice*."""
        exe = find_espeak()
        if exe is None:
            return False
        try:
            listing = subprocess.run([exe, f"--voices={voice}"], capture_output=True, text=True, timeout=10)
        except (OSError, subprocess.SubprocessError):
            return False
        return any(line.split()[1:2] == [voice] for line in listing.stdout.splitlines()[1:])

    def command(self, text: str, wav: Path | None = None) -> list[str]:
        if self.executable is None:
            raise FileNotFoundError("espeak-ng is not installed")
        cmd = [self.executable, "-v", self.voice, "-s", str(self.words_per_minute)]
        if wav is not None:
            cmd += ["-w", str(wav)]
        return [*cmd, "--", text]

    def render_wav(self, text: str, path: Path) -> Path:
        """Write *text* spoken to a WAV file at *path*."""
        subprocess.run(self.command(text, Path(path)), check=True, capture_output=True, timeout=60)
        return Path(path)

    def speak(self, text: str) -> None:
        if wav_player() is None and sys.platform != "win32":
            # no player for files: let espeak-ng use the sound device itself
            subprocess.run(self.command(text), check=True, capture_output=True, timeout=60)
            return
        with tempfile.TemporaryDirectory(prefix="mpp-announce-") as tmp:
            play_wav(self.render_wav(text, Path(tmp) / "speech.wav"))


def select_engine() -> SpeechEngine:
    """espeak-ng where it has an Indonesian voice, else the chime alone (the UI tries Qt first)."""
    if EspeakEngine.available():
        return EspeakEngine()
    log.info("espeak-ng with an Indonesian voice not found; announcements are the chime only")
    return ChimeOnlyEngine()


def find_espeak() -> str | None:
    return shutil.which("espeak-ng") or shutil.which("espeak")


def wav_player() -> list[str] | None:
    """A command that plays a WAV file and waits for it, if this PC has one."""
    for cmd in (["paplay"], ["aplay", "-q"], ["afplay"]):
        if shutil.which(cmd[0]):
            return cmd
    return None


def play_wav(path: Path | None) -> None:
    """Play a WAV file to the sound device and wait until it ends (silently skip if impossible)."""
    if path is None:
        return
    if sys.platform == "win32":
        import winsound

        winsound.PlaySound(str(path), winsound.SND_FILENAME)
        return
    player = wav_player()
    if player is None:
        log.warning("no WAV player (paplay, aplay) found; %s not played", path)
        return
    subprocess.run([*player, str(path)], check=False, capture_output=True, timeout=60)


# --- the queue ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Announcement:
    """One call to be spoken."""

    text: str
    ticket_code: str | None = None
    counter_number: int | None = None
    recall: bool = False
    counter_name: str = ""


class AnnouncementQueue:
    """First in, first out; the next announcement starts only when the engine reports the last done.

    *watchdog* (seconds) ends an announcement whose engine never reports back, so one stuck
    call cannot silence the board for the rest of the day.
    """

    def __init__(
        self,
        engine: SpeechEngine,
        *,
        on_started: Callable[[Announcement], None] | None = None,
        on_finished: Callable[[Announcement], None] | None = None,
        watchdog: float | None = 30.0,
        max_pending: int = 50,
    ) -> None:
        self.engine = engine
        self.on_started = on_started
        self.on_finished = on_finished
        self.watchdog = watchdog
        self.max_pending = max_pending
        self._lock = threading.RLock()
        self._pending: deque[Announcement] = deque()
        self._current: Announcement | None = None
        self._token = 0
        self._timer: threading.Timer | None = None
        self._idle = threading.Event()
        self._idle.set()
        self._pumping = False
        self.spoken: list[Announcement] = []  # finished, in order (tests and the board's log)

    def announce(self, ticket_code: str, counter_number: int, *, recall: bool = False,
                 counter_name: str = "") -> Announcement:
        """Queue "Nomor antrian ..., silakan menuju loket ..." for a call (or a recall)."""
        item = Announcement(announcement_text(ticket_code, counter_number, counter_name), ticket_code, counter_number,
                            recall, counter_name)
        self._enqueue(item)
        return item

    def say(self, text: str) -> Announcement:
        """Queue any sentence (a notice to the hall)."""
        item = Announcement(text)
        self._enqueue(item)
        return item

    def on_event(self, event, *, counter_name: str = "") -> Announcement | None:
        """Feed a queue event (from ``events_since``): calls and recalls are announced (with the counter's
        configured name, when the caller knows it). A call a counter made without the server (``detail``
        "offline", sent when the server was back) happened in person long ago: not announced."""
        if event.type in ("called", "recalled") and event.counter_number is not None and \
                getattr(event, "detail", "") != "offline":
            return self.announce(event.ticket_code, event.counter_number, recall=event.type == "recalled",
                                 counter_name=counter_name)
        return None

    @property
    def pending(self) -> tuple[Announcement, ...]:
        with self._lock:
            return tuple(self._pending)

    @property
    def current(self) -> Announcement | None:
        with self._lock:
            return self._current

    @property
    def busy(self) -> bool:
        with self._lock:
            return self._current is not None or bool(self._pending)

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Block until everything queued has been spoken (False on timeout)."""
        return self._idle.wait(timeout)

    def clear(self) -> None:
        """Drop what has not started yet (the one being spoken finishes)."""
        with self._lock:
            self._pending.clear()
            if self._current is None:
                self._idle.set()

    def _enqueue(self, item: Announcement) -> None:
        with self._lock:
            if len(self._pending) >= self.max_pending:
                dropped = self._pending.popleft()  # a backlog this long is stale; keep the newest
                log.warning("announcement backlog full; dropped %r", dropped.text)
            self._pending.append(item)
            self._idle.clear()
        self._pump()

    def _pump(self) -> None:
        # Loop rather than recurse: an engine may call done() before play() returns.
        with self._lock:
            if self._pumping:
                return
            self._pumping = True
        try:
            while True:
                with self._lock:
                    if self._current is not None or not self._pending:
                        if self._current is None:
                            self._idle.set()
                        return
                    item = self._current = self._pending.popleft()
                    self._token += 1
                    token = self._token
                    if self.watchdog:
                        self._timer = threading.Timer(self.watchdog, self._done, args=(token,))
                        self._timer.daemon = True
                        self._timer.start()
                if self.on_started:
                    self.on_started(item)
                try:
                    self.engine.play(item.text, lambda token=token: self._done(token))
                except Exception:
                    log.exception("engine %s refused an announcement", getattr(self.engine, "name", "?"))
                    self._done(token, pump=False)
        finally:
            with self._lock:
                self._pumping = False
            # a done() that arrived while we held the pump may have left work queued
            with self._lock:
                again = self._current is None and bool(self._pending)
            if again:
                self._pump()

    def _done(self, token: int, *, pump: bool = True) -> None:
        with self._lock:
            if token != self._token or self._current is None:
                return  # a late or repeated done(), or the watchdog after a real done()
            item, self._current = self._current, None
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            self.spoken.append(item)
            if not self._pending:
                self._idle.set()
        if self.on_finished:
            self.on_finished(item)
        if pump:
            self._pump()
