"""Catalogue operations for widgets (run on the database thread)."""

from __future__ import annotations

from mpp_desk.context import AppContext


def open_and_list(ctx: AppContext) -> list:
    """Open (migrate, seed on first start) the database and list the catalogue."""
    ctx.open()
    return list_services(ctx)


def list_services(ctx: AppContext, *, search: str | None = None) -> list:
    """The catalogue entries, ordered by annex number."""
    from mpp_desk.catalog.service import list_standards

    with ctx.uow(write=False) as uow:
        return list_standards(uow, search=search)
