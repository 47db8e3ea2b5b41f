"""Catalogue operations for widgets (run on the database thread)."""

from __future__ import annotations

from pathlib import Path

from mpp_desk.context import AppContext
from mpp_desk.catalog.files import load_files
from mpp_desk.catalog.service import delete_standard, import_standards, list_standards, preview_import
from mpp_desk.models import QueueGroup


def list_services(ctx: AppContext, *, search: str | None = None) -> list:
    """The catalogue entries, ordered by annex number."""
    with ctx.uow(write=False) as uow:
        return list_standards(uow, search=search)


def queue_group_codes(ctx: AppContext) -> list[tuple[str, str]]:
    """(code, name) of the queue groups a service can belong to."""
    from sqlalchemy import select


    with ctx.uow(write=False) as uow:
        rows = uow.session.execute(
            select(QueueGroup.code, QueueGroup.name).where(QueueGroup.deleted_at.is_(None)).order_by(QueueGroup.code)
        )
        return [(code, name) for code, name in rows]


def save_entry(ctx: AppContext, *, actor, entry) -> list:
    """Create or update one service standard; returns the import results."""
    with ctx.uow(actor=actor) as uow:
        results = import_standards(uow, entries=[entry])
        uow.commit()
        return results


def delete_entry(ctx: AppContext, *, actor, annex_number: int) -> bool:
    """Remove a service from the catalogue (soft delete)."""
    with ctx.uow(actor=actor) as uow:
        deleted = delete_standard(uow, annex_number=annex_number)
        uow.commit()
        return deleted


def preview_files(ctx: AppContext, *, paths: list[Path]) -> tuple[list, list]:
    """Parse annex text or export files and say what importing them would change (no writes)."""
    entries = load_files(paths)
    with ctx.uow(write=False) as uow:
        return entries, preview_import(uow, entries=entries)


def import_entries(ctx: AppContext, *, actor, entries: list) -> list:
    """Import parsed entries in one unit of work (all or nothing)."""
    with ctx.uow(actor=actor) as uow:
        results = import_standards(uow, entries=entries)
        uow.commit()
        return results
