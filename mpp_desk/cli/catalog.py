"""``mpp-desk catalog ...``: import the regulation annex, list, export and re-import the catalogue."""

from __future__ import annotations


def register(sub) -> None:
    p = sub.add_parser("catalog", help="katalog layanan (standar pelayanan)")
    p.set_defaults(handler=None)
