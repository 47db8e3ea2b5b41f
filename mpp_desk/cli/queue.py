"""``mpp-desk queue ...``: queue set-up and statistics."""

from __future__ import annotations


def register(sub) -> None:
    """Not built yet; the area's issue fills it."""
