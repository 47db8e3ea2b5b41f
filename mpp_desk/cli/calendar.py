"""``mpp-desk calendar ...``: due dates in working days, the list of non-working days, local changes."""

from __future__ import annotations


def register(sub) -> None:
    p = sub.add_parser("calendar", help="kalender hari kerja")
    p.set_defaults(handler=None)
