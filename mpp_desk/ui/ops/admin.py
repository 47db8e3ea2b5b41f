"""Administration operations for widgets: staff accounts, settings, audit (run on the database thread)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mpp_desk.context import AppContext
from mpp_desk import audit, auth, settings
from mpp_desk.roles import Permission, require

if TYPE_CHECKING:
    from mpp_desk.uow import UnitOfWork


def _write(ctx: AppContext, actor, fn):
    with ctx.uow(actor=actor) as uow:
        result = fn(uow)
        uow.commit()
        return result


def list_users(ctx: AppContext, *, actor) -> list:
    """Every staff account (UserInfo), for the accounts screen."""
    with ctx.uow(write=False, actor=actor) as uow:
        return auth.list_users(uow)


def create_user(ctx: AppContext, *, actor, username: str, full_name: str, role: str, password: str):
    return _write(ctx, actor, lambda uow: auth.create_user(
        uow, username=username, full_name=full_name, role=role, password=password))


def set_active(ctx: AppContext, *, actor, username: str, active: bool):
    fn = auth.enable_user if active else auth.disable_user
    return _write(ctx, actor, lambda uow: fn(uow, username=username))


def reset_password(ctx: AppContext, *, actor, username: str, new_password: str):
    return _write(ctx, actor, lambda uow: auth.reset_password(uow, username=username,
                                                                new_password=new_password))


def set_pin(ctx: AppContext, *, actor, username: str, pin: str | None):
    return _write(ctx, actor, lambda uow: auth.set_pin(uow, username=username, pin=pin))


def read_settings(ctx: AppContext) -> dict:
    """Every setting's current value, by key."""
    with ctx.uow(write=False) as uow:
        return settings.all_settings(uow)


def save_settings(ctx: AppContext, *, actor, changes: dict) -> dict:
    """Apply several settings in one unit of work (all or nothing); returns the new values."""
    def apply(uow: UnitOfWork):
        for key, value in changes.items():
            settings.set(uow, key=key, value=value)
        return settings.all_settings(uow)

    return _write(ctx, actor, apply)


def audit_entries(ctx: AppContext, *, actor, limit: int = 200) -> list:
    with ctx.uow(write=False, actor=actor) as uow:
        return audit.list_entries(uow, actor=actor, limit=limit)


def verify_audit(ctx: AppContext, *, actor):
    require(actor, Permission.VIEW_AUDIT)
    with ctx.uow(write=False, actor=actor) as uow:
        return audit.verify(uow)
