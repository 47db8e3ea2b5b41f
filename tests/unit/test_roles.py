"""Roles and permissions: who may do what, and refusals people can read."""

from __future__ import annotations

import dataclasses
import uuid

import pytest

from mpp_desk.errors import PermissionDenied
from mpp_desk.i18n import translate
from mpp_desk.roles import (
    MACHINE_MODES,
    PERMISSION_LABELS,
    ROLE_LABELS,
    ROLE_PERMISSIONS,
    TERMINAL,
    Actor,
    Permission,
    Role,
    RoleDenied,
    allowed,
    pc_role_label,
    permissions_for,
    require,
    role_label,
)


def actor(role: Role) -> Actor:
    return Actor(user_id=uuid.uuid4(), username=f"u-{role.value}", role=role)


def test_role_values_are_the_stored_names():
    assert [r.value for r in Role] == ["administrator", "supervisor", "counter", "complaints"]
    assert Role("counter") is Role.COUNTER


@pytest.mark.parametrize(
    ("role", "granted", "refused"),
    [
        (Role.ADMIN, {Permission.MANAGE_USERS, Permission.EDIT_SETTINGS, Permission.EDIT_CATALOG,
                      Permission.EDIT_CALENDAR, Permission.VIEW_AUDIT, Permission.EXIT_MACHINE_MODE},
         {Permission.INTAKE, Permission.HANDLE_COMPLAINTS, Permission.VIEW_PERSONAL_DATA}),
        (Role.SUPERVISOR, {Permission.VIEW_REPORTS, Permission.VIEW_AUDIT, Permission.ESCALATE_COMPLAINTS},
         {Permission.MANAGE_USERS, Permission.EDIT_SETTINGS, Permission.INTAKE, Permission.EXIT_MACHINE_MODE}),
        (Role.COUNTER, {Permission.SERVE_QUEUE, Permission.INTAKE, Permission.VIEW_CATALOG},
         {Permission.MANAGE_USERS, Permission.EDIT_CATALOG, Permission.HANDLE_COMPLAINTS, Permission.VIEW_AUDIT}),
        (Role.COMPLAINTS, {Permission.HANDLE_COMPLAINTS, Permission.SERVE_QUEUE},
         {Permission.INTAKE, Permission.MANAGE_USERS, Permission.ESCALATE_COMPLAINTS}),
    ],
)
def test_each_role_gets_exactly_its_actions(role, granted, refused):
    perms = permissions_for(role)
    assert granted <= perms
    assert not (refused & perms)
    for permission in granted:
        assert require(actor(role), permission).role is role
    for permission in refused:
        with pytest.raises(RoleDenied):
            require(actor(role), permission)


def test_only_administrators_may_leave_machine_modes_or_manage_users():
    assert [r for r in Role if Permission.EXIT_MACHINE_MODE in ROLE_PERMISSIONS[r]] == [Role.ADMIN]
    assert [r for r in Role if Permission.MANAGE_USERS in ROLE_PERMISSIONS[r]] == [Role.ADMIN]
    assert MACHINE_MODES == ("kiosk", "display")


def test_nobody_signed_in_is_refused_in_indonesian():
    with pytest.raises(PermissionDenied) as info:
        require(None, Permission.VIEW_CATALOG)
    assert info.value.text("id") == "Masuk terlebih dahulu untuk melakukan ini."
    assert not allowed(None, Permission.VIEW_CATALOG)


def test_refusal_names_the_role_and_the_action_in_the_users_language():
    with pytest.raises(PermissionDenied) as info:
        require(actor(Role.COUNTER), Permission.MANAGE_USERS)
    assert info.value.text("id") == "Peran Anda (Petugas loket) tidak diizinkan untuk: mengelola akun petugas."
    assert info.value.text("en") == "Your role (Counter officer) does not allow this: manage staff accounts."
    assert "Counter officer" in str(info.value)  # logs and tracebacks get the English source


def test_every_role_and_permission_has_a_translated_label():
    assert set(ROLE_LABELS) == set(Role)
    assert set(PERMISSION_LABELS) == set(Permission)
    for role in Role:
        assert role_label(role, "id") != ROLE_LABELS[role] or role is Role.ADMIN
    for permission in Permission:
        assert translate("permissions", PERMISSION_LABELS[permission], "id") != PERMISSION_LABELS[permission]
    assert role_label("complaints", "id") == "Petugas pengaduan"
    assert pc_role_label("display", "id") == "Layar antrian"
    assert pc_role_label("counter", "id") == "Petugas loket"


def test_actor_is_frozen_and_the_password_flag_does_not_change_identity():
    a = Actor(user_id=uuid.uuid4(), username="siti", role=Role.COUNTER)
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.role = Role.ADMIN  # type: ignore[misc]
    assert a == dataclasses.replace(a, must_change_password=True)
    assert TERMINAL.user_id is None and TERMINAL.role is Role.ADMIN and TERMINAL.username == "terminal"
    assert allowed(a, Permission.INTAKE) and not allowed(a, Permission.EDIT_SETTINGS)
