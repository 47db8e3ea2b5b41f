"""``mpp-desk audit ...``: check the audit trail's hash chain."""

from __future__ import annotations


def register(sub) -> None:
    """Not built yet; the area's issue fills it."""
