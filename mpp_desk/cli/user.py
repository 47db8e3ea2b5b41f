"""``mpp-desk user ...``: staff accounts from a terminal (add, list, disable, reset-password)."""

from __future__ import annotations


def register(sub) -> None:
    """Not built yet; the area's issue fills it."""
