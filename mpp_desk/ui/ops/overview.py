"""The supervisor's overview figures (run on the database thread)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from mpp_desk.context import AppContext
from mpp_desk import audit
from mpp_desk.catalog.evaluations import due_evaluations
from mpp_desk.models import ServiceStandard, StaffUser
from mpp_desk.roles import Permission, require
from mpp_desk.workdays import load_calendar


@dataclass(frozen=True)
class Overview:
    services: int
    active_staff: int
    upcoming_closures: tuple  # NonWorkingDay, the next few weekdays the office is closed
    audit_ok: bool
    audit_checked: int
    evaluations_due: int = 0  # standards with no evaluation in the last 12 months (Evaluasi Kinerja)


def overview(ctx: AppContext, *, actor, today: dt.date | None = None) -> Overview:
    """Catalogue size, staff, the next closed weekdays and the audit chain's state."""
    from sqlalchemy import func, select


    require(actor, Permission.VIEW_REPORTS)
    today = today or ctx.clock.today()
    with ctx.uow(write=False, actor=actor) as uow:
        s = uow.session
        services = s.scalar(select(func.count()).select_from(ServiceStandard).where(ServiceStandard.deleted_at.is_(None)))
        staff = s.scalar(select(func.count()).select_from(StaffUser).where(StaffUser.active.is_(True),
                                                                           StaffUser.deleted_at.is_(None)))
        calendar = load_calendar(uow)
        upcoming = [d for year in (today.year, today.year + 1) for d in calendar.non_working_days(year)
                    if d.day >= today and d.day.weekday() < 5][:5]
        check = audit.verify(uow)
        due = len(due_evaluations(uow))
    return Overview(services=services or 0, active_staff=staff or 0, upcoming_closures=tuple(upcoming),
                    audit_ok=check.ok, audit_checked=check.checked, evaluations_due=due)
