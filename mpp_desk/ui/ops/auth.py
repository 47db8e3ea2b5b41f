"""Start-up, sign-in and account operations for widgets (run on the database thread)."""

from __future__ import annotations

from dataclasses import dataclass

from mpp_desk.context import AppContext
from mpp_desk import auth, settings


@dataclass(frozen=True)
class StartState:
    """What the window needs after the database is open."""

    needs_setup: bool
    office_name: str
    idle_lock_minutes: float


def open_and_describe(ctx: AppContext) -> StartState:
    """Open (create, migrate, seed) the database; say whether first-run set-up is needed."""
    ctx.open()
    with ctx.uow(write=False) as uow:
        return StartState(
            needs_setup=auth.needs_first_run_setup(uow),
            office_name=settings.get(uow, "office.name"),
            idle_lock_minutes=float(settings.get(uow, "security.idle_lock_minutes")),
        )


def first_run_setup(ctx: AppContext, **values) -> None:
    """Create the office settings and the first administrator."""
    with ctx.uow() as uow:
        auth.first_run_setup(uow, **values)
        uow.commit()


def sign_in(ctx: AppContext, *, username: str, password: str):
    """Sign in; a failure is committed (it counts towards the lockout and is audited) and re-raised."""
    with ctx.uow() as uow:
        try:
            actor = auth.sign_in(uow, username=username, password=password)
        except auth.SignInFailed:
            uow.commit()
            raise
        uow.commit()
        return actor


def sign_out(ctx: AppContext, *, actor, idle: bool = False) -> None:
    """Record the sign-out in the audit trail."""
    with ctx.uow(actor=actor) as uow:
        auth.sign_out(uow, actor=actor, idle=idle)
        uow.commit()


def change_password(ctx: AppContext, *, actor, old_password: str, new_password: str):
    """Change the signed-in person's own password."""
    with ctx.uow(actor=actor) as uow:
        result = auth.change_password(uow, user_id=actor.user_id, old_password=old_password, new_password=new_password)
        uow.commit()
        return result


def check_admin_pin(ctx: AppContext, *, pin: str) -> bool:
    """Whether *pin* is an administrator's PIN; wrong PINs are committed towards a lockout."""
    with ctx.uow() as uow:
        try:
            ok = auth.verify_admin_pin(uow, pin=pin)
        finally:
            uow.commit()
        return ok
