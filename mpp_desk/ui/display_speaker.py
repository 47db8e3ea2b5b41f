"""The board's voice in its speaker zone: of the boards of one zone, only the holder of the server's lease
speaks the calls; the others show them in silence (issue 14; the rule: mpp_desk/queue/speaker.py).

:class:`SpeakerZoneMixin` is mixed into :class:`~mpp_desk.ui.display.DisplayWindow`. The zone is the PC setting
``display.speaker_zone``, read with the board's texts (again every 30 s, so a change applies without a
restart). With a zone, the board renews the zone's lease on the network lane every few seconds (the server
says how often, 5 s); :meth:`announce` hands a call to the announcer only while :meth:`speaks`. A board that
closes gives its lease up, so another board of the zone speaks from its next renewal. No zone: the board
speaks, and nothing is asked.
"""

from __future__ import annotations

import logging
from typing import Any, cast

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from mpp_desk.errors import UserError
from mpp_desk.queue.errors import QueueOffline
from mpp_desk.queue.speaker import SpeakerZone, normalize_zone
from mpp_desk.ui.tasks import Op

log = logging.getLogger(__name__)

NETWORK = "network"


class SpeakerZoneMixin:
    # the board's (DisplayWindow's), named here for the type checker
    announcer: Any
    counter_names: dict[int, str]
    _ctx: Any
    _tasks: Any

    speaker_factory = None  # tests: (ctx, zone) -> a SpeakerAnswer, or None for a PC that joined no server
    speaker: SpeakerZone | None = None
    speaker_timer: QTimer | None = None
    calls_silent = 0  # calls shown but not spoken: another board of the zone speaks them
    _renewing = False

    def set_speaker_zone(self, zone: str) -> None:
        """This board's zone (from the PC's settings); a new zone starts its lease from scratch."""
        zone = normalize_zone(zone)
        if self.speaker is not None and self.speaker.zone == zone:
            return
        self.release_speaker()
        self.speaker = SpeakerZone(zone)
        if self.speaker_timer is None:
            self.speaker_timer = QTimer(cast(QObject, self))  # the mixin is a QObject in the board
            self.speaker_timer.timeout.connect(self.renew_speaker)
        self.speaker_timer.stop()
        if zone:
            log.info("display board speaker zone: %s", zone)
            self.speaker_timer.start(int(self.speaker.renew_s * 1000))
            self.renew_speaker()

    def speaks(self) -> bool:
        return self.speaker is None or self.speaker.speaks()

    def announce(self, event) -> None:
        """Speak a call, if this board is its zone's speaker; shown either way."""
        announcer = self.announcer
        if announcer is None:
            return
        if not self.speaks():
            self.calls_silent += 1
            return
        announcer.on_event(event, counter_name=self.counter_names.get(event.counter_number, ""))

    def renew_speaker(self) -> None:
        speaker = self.speaker
        if self._renewing or speaker is None or not speaker.zone:
            return
        from mpp_desk.ui.ops import queue_speaker as ops  # lazy: SQLAlchemy and the models, kept out of the first paint of the display board

        self._renewing = True
        ctx, zone, factory = self._ctx, speaker.zone, self.speaker_factory
        if factory is not None:
            work = lambda: factory(ctx, zone)  # noqa: E731
        else:
            work = lambda: ops.renew_speaker_lease(ctx, zone=zone)  # noqa: E731
        Op(self._tasks, work, lane=NETWORK).success(lambda answer: self._speaker_answered(zone, answer)).failure(
            lambda error: self._speaker_failed(zone, error)).run()

    def _speaker_answered(self, zone: str, answer) -> None:
        self._renewing = False
        speaker = self.speaker
        if speaker is None or speaker.zone != zone:
            return  # the zone changed meanwhile
        if answer is None:
            speaker.not_joined()
            return
        was = speaker.speaks()
        speaker.answered(answer)
        if speaker.speaks() != was:
            log.info("display board %s the calls of zone %s (speaker: %s)", "speaks" if speaker.speaks() else
                     "no longer speaks", zone, answer.holder)
        if self.speaker_timer is not None:
            self.speaker_timer.setInterval(int(speaker.renew_s * 1000))

    def _speaker_failed(self, zone: str, error: BaseException) -> None:
        self._renewing = False
        speaker = self.speaker
        if speaker is None or speaker.zone != zone:
            return
        if isinstance(error, UserError) and not isinstance(error, QueueOffline):
            log.warning("the server refused this board the speaker lease of zone %s: %s", zone, error)
            speaker.refused_by_server()
        else:
            speaker.unreachable()

    def release_speaker(self) -> None:
        """Give the zone's lease up (closing, or another zone): the zone's other boards need not wait for it."""
        speaker = self.speaker
        if self.speaker_timer is not None:
            self.speaker_timer.stop()
        if speaker is None or not speaker.zone or not speaker.holds or self.speaker_factory is not None:
            return
        from mpp_desk.ui.ops import queue_speaker as ops  # lazy: SQLAlchemy and the models, kept out of the first paint of the display board

        ctx, zone = self._ctx, speaker.zone
        speaker.holds = False
        if not self._tasks.closed:
            Op(self._tasks, lambda: ops.release_speaker_lease(ctx, zone=zone), lane=NETWORK).run()

    def speaker_status(self) -> str:
        """For IT staff under the PIN pad: the zone and who speaks."""
        speaker = self.speaker
        if speaker is None or not speaker.coordinated:
            return ""
        if speaker.refused:
            text = QCoreApplication.translate(
                "DisplayWindow", "Speaker zone {zone}: the server does not let this PC speak (enrol it as a display "
                                 "board).")
        elif speaker.reachable is False and speaker.speaks():
            text = QCoreApplication.translate(
                "DisplayWindow", "Speaker zone {zone}: the server is away; this board keeps speaking.")
        elif speaker.reachable is False:
            text = QCoreApplication.translate(
                "DisplayWindow", "Speaker zone {zone}: the server is away; this board stays silent.")
        elif speaker.speaks():
            text = QCoreApplication.translate("DisplayWindow", "Speaker zone {zone}: this board speaks the calls.")
        else:
            text = QCoreApplication.translate("DisplayWindow",
                                              "Speaker zone {zone}: silent; board {holder} speaks the calls.")
        return text.format(zone=speaker.zone, holder=speaker.holder or "?")
