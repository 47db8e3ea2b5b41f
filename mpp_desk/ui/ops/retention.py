"""Retention of personal data for the supervisor's and administrator's screen (run on the database thread)."""

from __future__ import annotations

from dataclasses import dataclass

from mpp_desk.context import AppContext
from mpp_desk import retention
from mpp_desk.roles import Permission, allowed


@dataclass(frozen=True)
class DueOverview:
    """What is due for erasure today, the office's periods, and whether this user may run the purge."""

    today: object  # dt.date
    policy: object  # retention.Policy
    items: tuple  # retention.DueItem, oldest first per kind
    counts: dict
    can_purge: bool


def due(ctx: AppContext, *, actor) -> DueOverview:
    today = ctx.clock.today()
    with ctx.uow(write=False, actor=actor) as uow:
        items = tuple(retention.due(uow, today=today))
        pol = retention.policy(uow)
    counts: dict[str, int] = dict.fromkeys(retention.KINDS, 0)
    for item in items:
        counts[item.kind] += 1
    can_purge = allowed(actor, Permission.PURGE_PERSONAL_DATA)
    return DueOverview(today=today, policy=pol, items=items, counts=counts, can_purge=can_purge)


def purge(ctx: AppContext, *, actor, dry_run: bool):
    """The purge (or its dry run) as of the office date; files are deleted once the purge is committed."""
    today = ctx.clock.today()
    with ctx.uow(write=not dry_run, actor=actor) as uow:
        report = retention.purge(uow, today=today, dry_run=dry_run)
        if not dry_run:
            uow.commit()
    if not dry_run:
        retention.remove_files(report.released, ctx.data_dir)
    return report
