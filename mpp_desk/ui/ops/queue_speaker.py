"""The board's speaker lease on the queue server (one speaker per zone; mpp_desk/queue/speaker.py).

Network calls: the board runs them on the network lane (``Op(..., lane="network")``).
"""

from __future__ import annotations

from mpp_desk.context import AppContext
from mpp_desk.queue.remote import remote_backend_if_joined
from mpp_desk.queue.speaker import SpeakerAnswer


def renew_speaker_lease(ctx: AppContext, *, zone: str) -> SpeakerAnswer | None:
    """The board's lease of its speaker zone on the server (a SpeakerAnswer), or None when this PC joined no
    server (it speaks alone). Network: run on the network lane."""
    queue = remote_backend_if_joined(ctx)
    return None if queue is None else queue.speaker_lease(zone=zone)


def release_speaker_lease(ctx: AppContext, *, zone: str) -> bool:
    """Give the zone's lease up (the board closes); False when there was none or no server."""
    queue = remote_backend_if_joined(ctx)
    return False if queue is None else queue.release_speaker_lease(zone=zone)
