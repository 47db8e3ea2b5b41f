"""Whether this display board speaks the calls: one speaker per zone (issue 14). No Qt, no network here.

Several boards may show the same calls; in one speaker zone (the PC setting ``display.speaker_zone``, e.g.
``lantai-1``) only one of them speaks. The boards of a zone coordinate through the queue server's short
lease (``mpp_desk/server/queue_speaker.py``): each renews it every ~5 s (the server says how often),
and the holder speaks while the others show the calls in silence. When the holder stops renewing (its PC
died), another board of the zone takes the lease at its first renewal after the lease ran out (15 s, so
within 15-20 s) and speaks from the next call on; a board closed by the administrator gives it up at once.

:class:`SpeakerZone` is the board's decision, fed the server's answers on the UI thread:

- no zone set (empty, the default): the board speaks, alone, as before zones existed;
- a zone set on a PC that has not joined a server (nothing to coordinate through): it speaks;
- a zone on a joined PC: it speaks while the server's last answer said it holds the zone's lease; until
  the first answer it is silent;
- the server does not answer (away, unreachable): the board keeps the last answer. A board that held the
  lease keeps speaking, one that did not stays silent. So a zone whose server is away still has its one
  voice, and a board that cannot reach the server gets no new calls to speak anyway (they come from the
  server);
- the server refuses (a board enrolled under a role that may not speak): silent, and said under the PIN pad.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

ZONE = re.compile(r"^[a-z0-9][a-z0-9._-]{0,39}$")
RENEW_S = 5.0


def normalize_zone(zone: str | None) -> str:
    """The zone as the server keys it: trimmed, lower case ("Lantai-1 " -> "lantai-1")."""
    return (zone or "").strip().lower()


@dataclass(frozen=True)
class SpeakerAnswer:
    """The server's answer to a lease renewal."""

    zone: str
    speaker: bool  # this board holds the lease: it speaks
    holder: str | None  # the name of the board (device) holding the lease
    expires_at: dt.datetime | None
    lease_s: float
    renew_s: float

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> SpeakerAnswer:
        expires = d.get("expires_at")
        return cls(zone=d["zone"], speaker=bool(d["speaker"]), holder=d.get("holder"),
                   expires_at=dt.datetime.fromisoformat(expires) if expires else None,
                   lease_s=float(d.get("lease_s", 15.0)), renew_s=float(d.get("renew_s", RENEW_S)))


class SpeakerZone:
    """One board's part in its speaker zone (see the module doc for the rule). Used on one thread."""

    def __init__(self, zone: str | None = "") -> None:
        self.zone = normalize_zone(zone)
        self.joined: bool | None = None  # None: not known yet
        self.holds = False
        self.holder: str | None = None
        self.reachable: bool | None = None
        self.refused = False
        self.renew_s = RENEW_S

    @property
    def coordinated(self) -> bool:
        """Whether this board's voice depends on the zone's lease (a zone, on a joined PC)."""
        return bool(self.zone) and self.joined is not False

    def speaks(self) -> bool:
        """Whether the board speaks a call now."""
        if not self.coordinated:
            return True
        return self.holds and not self.refused

    def not_joined(self) -> None:
        """This PC has no server: the board speaks alone whatever its zone."""
        self.joined = False

    def answered(self, answer: SpeakerAnswer) -> None:
        self.joined, self.reachable, self.refused = True, True, False
        self.holds, self.holder = answer.speaker, answer.holder
        self.renew_s = max(0.5, answer.renew_s)

    def unreachable(self) -> None:
        """The server did not answer: keep speaking if this board held the lease, stay silent if not."""
        self.joined = True if self.joined is None else self.joined
        self.reachable = False

    def refused_by_server(self) -> None:
        self.joined, self.reachable, self.refused, self.holds = True, True, True, False
