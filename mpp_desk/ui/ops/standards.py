"""Lampiran IV classifications and the standards' evaluations, for widgets (run on the database thread)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from mpp_desk.context import AppContext
from mpp_desk.catalog import evaluations as evaluation_service, procedures
from mpp_desk.catalog.evaluations import due_evaluations, list_evaluations
from mpp_desk.catalog.procedures import list_classifications, load_file, save_classifications
from mpp_desk.catalog.service import list_standards


def classifications(ctx: AppContext) -> list:
    """Every live classification by number."""
    with ctx.uow(write=False) as uow:
        return list_classifications(uow)


def procedure_for(ctx: AppContext, *, annex_number: int) -> list:
    """(number, Classification or None) for each classification the standard names."""
    with ctx.uow(write=False) as uow:
        return procedures.procedure_for(uow, annex_number=annex_number)


def save_classification(ctx: AppContext, *, actor, item) -> list:
    with ctx.uow(actor=actor) as uow:
        results = save_classifications(uow, items=[item])
        uow.commit()
        return results


def delete_classification(ctx: AppContext, *, actor, number: int) -> bool:
    with ctx.uow(actor=actor) as uow:
        deleted = procedures.delete_classification(uow, number=number)
        uow.commit()
        return deleted


def import_classifications(ctx: AppContext, *, actor, paths: list[Path]) -> list:
    """Read every file, then save all of it (nothing when a file is refused)."""
    items = [item for path in paths for item in load_file(path)]
    with ctx.uow(actor=actor) as uow:
        results = save_classifications(uow, items=items)
        uow.commit()
        return results


def evaluations(ctx: AppContext, *, year: int) -> tuple[list, list, list[tuple[int, str]]]:
    """(the year's evaluations, the standards due, (annex, label) of every standard) in one read."""
    with ctx.uow(write=False) as uow:
        return (list_evaluations(uow, year=year), due_evaluations(uow),
                [(entry.annex_number, entry.label) for entry in list_standards(uow)])


def record_evaluation(ctx: AppContext, *, actor, annex_number: int, evaluated_on: dt.date, evaluator: str,
                      notes: str, document: Path | None):
    with ctx.uow(actor=actor) as uow:
        view = evaluation_service.record_evaluation(uow, annex_number=annex_number, evaluated_on=evaluated_on, evaluator=evaluator, notes=notes,
                      document=document, data_dir=ctx.data_dir)
        uow.commit()
        return view
