"""The display board's voice: a chime, then the call spoken in Bahasa Indonesia, one call at a time.

The chime is ``resources/sounds/chime.wav`` played with QtMultimedia's QSoundEffect. The words
come from the first engine this PC has, all offline:

1. QtTextToSpeech with an Indonesian voice (Windows often has one: "Microsoft Andika");
2. espeak-ng with its Indonesian voice (``-v id``), the non-Qt :class:`~mpp_desk.announce.EspeakEngine`
   run on its own worker thread;
3. nothing: the chime alone still makes the hall look at the board.

The order of calls is kept by :class:`~mpp_desk.announce.AnnouncementQueue`: a new call waits
until the one being spoken is done, and a recall is simply spoken again. Every step has a time
limit, so a PC without a sound device (or a hung speech engine) never stops the queue.
``MPP_DESK_SPEECH=qt|espeak|chime`` forces an engine (for checking a PC's voices).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLocale, QObject, QTimer, QUrl, Signal

from mpp_desk.announce import CHIME_WAV, Announcement, AnnouncementQueue, EspeakEngine

log = logging.getLogger(__name__)

SPEECH_ENV = "MPP_DESK_SPEECH"
CHIME_LIMIT_MS = 4000  # the chime is 2 s; past this the step is ended anyway
SPEECH_LIMIT_MS = 20000  # one sentence; past this the speech step is ended anyway


def audio_output_available() -> bool:
    """Whether Qt sees any sound output on this PC."""
    try:
        from PySide6.QtMultimedia import QMediaDevices

        return bool(QMediaDevices.audioOutputs())
    except Exception:  # noqa: BLE001 - no multimedia back-end at all
        log.warning("QtMultimedia is not usable", exc_info=True)
        return False


class _Step(QObject):
    """One part of an announcement, run on the UI thread; calls its *finished* once, or is cut off by a limit."""

    def __init__(self, limit_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._finished: Callable[[], None] | None = None
        self._limit = QTimer(self)
        self._limit.setSingleShot(True)
        self._limit.setInterval(limit_ms)
        self._limit.timeout.connect(self._timed_out)

    def run(self, text: str, finished: Callable[[], None]) -> None:
        self._finished = finished
        self._limit.start()
        try:
            self.begin(text)
        except Exception:  # noqa: BLE001 - a broken device must not stop the next call
            log.exception("announcement step %s failed", type(self).__name__)
            self.end()

    def begin(self, text: str) -> None:
        raise NotImplementedError

    def end(self) -> None:
        """The step is over (played, failed or cut off); the next one may start."""
        self._limit.stop()
        finished, self._finished = self._finished, None
        if finished is not None:
            finished()

    def _timed_out(self) -> None:
        log.warning("announcement step %s hit its time limit", type(self).__name__)
        self.stop()
        self.end()

    def stop(self) -> None:
        """Stop sounding (called when the time limit ends the step)."""


class SoundStep(_Step):
    """Plays a WAV file with QSoundEffect and ends when it has played."""

    def __init__(self, path: Path, parent: QObject | None = None, *, limit_ms: int = CHIME_LIMIT_MS) -> None:
        super().__init__(limit_ms, parent)
        from PySide6.QtMultimedia import QSoundEffect

        self.path = Path(path)
        self.effect = QSoundEffect(self)
        self.effect.setVolume(1.0)
        self.effect.setSource(QUrl.fromLocalFile(str(self.path)))
        self.effect.statusChanged.connect(self._status_changed)
        self.effect.playingChanged.connect(self._playing_changed)
        self._waiting_to_play = False
        self._started = False

    def begin(self, text: str) -> None:
        from PySide6.QtMultimedia import QSoundEffect

        self._started = False
        status = self.effect.status()
        if status == QSoundEffect.Status.Error:
            self.end()
        elif status == QSoundEffect.Status.Ready:
            self._play()
        else:  # still loading: play when ready
            self._waiting_to_play = True

    def _play(self) -> None:
        self._waiting_to_play = False
        self.effect.play()

    def _status_changed(self) -> None:
        from PySide6.QtMultimedia import QSoundEffect

        status = self.effect.status()
        if not self._waiting_to_play:
            return
        if status == QSoundEffect.Status.Ready:
            self._play()
        elif status == QSoundEffect.Status.Error:
            self._waiting_to_play = False
            self.end()

    def _playing_changed(self) -> None:
        if self.effect.isPlaying():
            self._started = True
        elif self._started and self._finished is not None:
            self.end()

    def stop(self) -> None:
        self._waiting_to_play = False
        self.effect.stop()


class QtVoiceStep(_Step):
    """Says the text with QtTextToSpeech and ends when the engine is ready again."""

    def __init__(self, tts, parent: QObject | None = None) -> None:
        super().__init__(SPEECH_LIMIT_MS, parent)
        self.tts = tts
        self.tts.setParent(self)
        self.tts.stateChanged.connect(self._state_changed)
        self._speaking = False

    def begin(self, text: str) -> None:
        self._speaking = False
        self.tts.say(text)

    def _state_changed(self, state) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        if self._finished is None:
            return
        if state == QTextToSpeech.State.Speaking:
            self._speaking = True
        elif state == QTextToSpeech.State.Error:
            log.warning("speech engine error: %s", self.tts.errorString())
            self.end()
        elif state == QTextToSpeech.State.Ready and self._speaking:
            self.end()

    def stop(self) -> None:
        self.tts.stop()


class EspeakStep(_Step):
    """Says the text with espeak-ng (``-v id``) on the engine's own worker thread."""

    _sig_spoken = Signal()
    """espeak-ng finished (emitted on its worker thread, delivered on the UI thread)."""

    def __init__(self, engine: EspeakEngine, parent: QObject | None = None) -> None:
        super().__init__(SPEECH_LIMIT_MS, parent)
        self.engine = engine
        self._sig_spoken.connect(self._spoken)

    def begin(self, text: str) -> None:
        self.engine.play(text, self._sig_spoken.emit)  # EspeakEngine runs chime-less speech on a thread

    def _spoken(self) -> None:
        if self._finished is not None:
            self.end()


class QtAnnouncementEngine(QObject):
    """A :class:`~mpp_desk.announce.SpeechEngine` on the UI thread: the chime step, then the voice step.

    ``play`` may be called from any thread (the announcement queue's watchdog runs on its own);
    the steps always run on the thread this object lives in.
    """

    _sig_play = Signal(str, object)
    """(text, done): start an announcement on the UI thread."""

    def __init__(self, *, chime: _Step | None, voice: _Step | None, name: str, sound_output: bool = True,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.sound_output = sound_output  # False: Qt sees no sound device on this PC
        self.chime = chime
        self.voice = voice
        for step in (chime, voice):
            if step is not None:
                step.setParent(self)
        self._sig_play.connect(self._start)

    def play(self, text: str, done: Callable[[], None]) -> None:
        self._sig_play.emit(text, done)

    def _start(self, text: str, done: Callable[[], None]) -> None:
        def after_chime() -> None:
            if self.voice is None:
                done()
            else:
                self.voice.run(text, done)

        if self.chime is None:
            after_chime()
        else:
            self.chime.run(text, after_chime)


def _qt_voice() -> tuple[object, str] | None:
    """A QTextToSpeech set to an Indonesian voice, and its description; None when there is none."""
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError:
        return None
    for engine in QTextToSpeech.availableEngines():
        if engine == "mock":  # Qt's test engine: no sound
            continue
        try:
            tts = QTextToSpeech(engine)
        except Exception:  # noqa: BLE001 - a broken plug-in: try the next
            continue
        if tts.state() == QTextToSpeech.State.Error:
            tts.deleteLater()
            continue
        voices = [v for v in tts.allVoices() if v.locale().language() == QLocale.Language.Indonesian]  # pyright: ignore[reportCallIssue]  # PySide6 stub misses the default locale argument
        if not voices:
            tts.deleteLater()
            continue
        tts.setLocale(voices[0].locale())
        tts.setVoice(voices[0])
        return tts, f"Qt {engine}: {voices[0].name()}"
    return None


def select_engine(*, prefer: str | None = None, parent: QObject | None = None) -> QtAnnouncementEngine:
    """The best engine this PC offers (see the module docstring); *prefer* or $MPP_DESK_SPEECH forces one."""
    prefer = prefer or os.environ.get(SPEECH_ENV) or None
    sound = audio_output_available()
    chime = SoundStep(CHIME_WAV) if sound and CHIME_WAV.exists() else None
    voice: _Step | None = None
    name = "chime"
    if prefer in (None, "qt"):
        found = _qt_voice()
        if found is not None:
            tts, name = found
            voice = QtVoiceStep(tts)
    if voice is None and prefer in (None, "qt", "espeak") and EspeakEngine.available():
        voice = EspeakStep(EspeakEngine(chime=None))
        name = "espeak-ng (id)"
    engine = QtAnnouncementEngine(chime=chime, voice=voice, name=name, sound_output=sound, parent=parent)
    if sound:
        log.info("announcements: %s", name)
    else:
        log.warning("announcements: %s, but this PC has no sound output", name)
    return engine


class Announcer(QObject):
    """The board's announcements: calls and recalls in order, never cut off; signals for the screen."""

    sig_started = Signal(str)
    """An announcement started (its text)."""

    sig_finished = Signal(str)
    """An announcement was spoken to the end (its text)."""

    def __init__(self, engine=None, parent: QObject | None = None, *, watchdog: float | None = 30.0) -> None:
        super().__init__(parent)
        self.engine = engine if engine is not None else select_engine(parent=self)
        # The queue calls back on whatever thread the engine finished on: Qt signals carry that home.
        self.queue = AnnouncementQueue(
            self.engine,
            on_started=lambda item: self._tell(self.sig_started, item.text),
            on_finished=lambda item: self._tell(self.sig_finished, item.text),
            watchdog=watchdog,
        )

    @staticmethod
    def _tell(signal, text: str) -> None:
        try:
            signal.emit(text)
        except RuntimeError:  # the board was closed while a watchdog still ran: nobody to tell
            log.debug("announcement signal after the announcer was deleted")

    @property
    def engine_name(self) -> str:
        return getattr(self.engine, "name", "?")

    @property
    def sound_output(self) -> bool:
        """Whether the PC has a sound device to play to (engines that cannot tell say yes)."""
        return bool(getattr(self.engine, "sound_output", True))

    def on_event(self, event, *, counter_name: str = "") -> Announcement | None:
        """Announce a queue event if it is a call or a recall."""
        return self.queue.on_event(event, counter_name=counter_name)

    def announce(self, ticket_code: str, counter_number: int, *, recall: bool = False,
                 counter_name: str = "") -> Announcement:
        return self.queue.announce(ticket_code, counter_number, recall=recall, counter_name=counter_name)

    @property
    def spoken(self) -> list[str]:
        """Texts spoken to the end, in order."""
        return [item.text for item in self.queue.spoken]

    @property
    def busy(self) -> bool:
        return self.queue.busy

    def clear(self) -> None:
        self.queue.clear()
