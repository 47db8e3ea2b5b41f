"""``mpp-desk settings ...``: read and change this PC's settings."""

from __future__ import annotations


def register(sub) -> None:
    """Not built yet; the area's issue fills it."""
