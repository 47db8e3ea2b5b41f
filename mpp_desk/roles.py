"""Staff roles, the actions each may take, and the actor a unit of work acts for.

The role decides which main window a user gets, but the services decide what may be
done: every service of consequence calls :func:`authorize` (or :func:`require` where no
database is at hand), so a hidden button is never the only guard.
"""

from __future__ import annotations

import enum
import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from mpp_desk.errors import PermissionDenied
from mpp_desk.i18n import N_, translate
from mpp_desk.models import StaffUser

if TYPE_CHECKING:
    from mpp_desk.uow import UnitOfWork


class Role(enum.StrEnum):
    """A staff role; the value is what is stored."""

    ADMIN = "administrator"
    SUPERVISOR = "supervisor"
    COUNTER = "counter"
    COMPLAINTS = "complaints"

    @property
    def label(self) -> str:
        """The English source of the label; translate with :func:`role_label`."""
        return ROLE_LABELS[self]


ROLE_LABELS: dict[Role, str] = {
    Role.ADMIN: N_("roles", "Administrator"),
    Role.SUPERVISOR: N_("roles", "Supervisor (head of office)"),
    Role.COUNTER: N_("roles", "Counter officer"),
    Role.COMPLAINTS: N_("roles", "Complaint desk officer"),
}


def role_label(role: Role | str, language: str | None = None) -> str:
    """The role's name as people read it, in *language* (default: the current one)."""
    return translate("roles", ROLE_LABELS[Role(role)], language)


class Permission(enum.StrEnum):
    """An action that a role may or may not take."""

    MANAGE_USERS = "manage_users"
    EDIT_SETTINGS = "edit_settings"
    EDIT_CATALOG = "edit_catalog"
    EDIT_CALENDAR = "edit_calendar"
    EVALUATE_STANDARDS = "evaluate_standards"
    MANAGE_QUEUE = "manage_queue"
    VIEW_CATALOG = "view_catalog"
    VIEW_AUDIT = "view_audit"
    VIEW_REPORTS = "view_reports"
    EXPORT_DATA = "export_data"
    SERVE_QUEUE = "serve_queue"
    INTAKE = "intake"
    HANDLE_COMPLAINTS = "handle_complaints"
    ESCALATE_COMPLAINTS = "escalate_complaints"
    VIEW_PERSONAL_DATA = "view_personal_data"
    PURGE_PERSONAL_DATA = "purge_personal_data"
    EXIT_MACHINE_MODE = "exit_machine_mode"


PERMISSION_LABELS: dict[Permission, str] = {
    Permission.MANAGE_USERS: N_("permissions", "manage staff accounts"),
    Permission.EDIT_SETTINGS: N_("permissions", "change settings"),
    Permission.EDIT_CATALOG: N_("permissions", "edit the service catalogue"),
    Permission.EDIT_CALENDAR: N_("permissions", "edit the working-day calendar"),
    Permission.EVALUATE_STANDARDS: N_("permissions", "record the yearly evaluation of the service standards"),
    Permission.MANAGE_QUEUE: N_("permissions", "set up queue lines and counters"),
    Permission.VIEW_CATALOG: N_("permissions", "view the service catalogue"),
    Permission.VIEW_AUDIT: N_("permissions", "view the audit trail"),
    Permission.VIEW_REPORTS: N_("permissions", "view reports"),
    Permission.EXPORT_DATA: N_("permissions", "export data"),
    Permission.SERVE_QUEUE: N_("permissions", "call and serve queue numbers"),
    Permission.INTAKE: N_("permissions", "receive application files"),
    Permission.HANDLE_COMPLAINTS: N_("permissions", "record and follow up complaints"),
    Permission.ESCALATE_COMPLAINTS: N_("permissions", "approve complaint escalation"),
    Permission.VIEW_PERSONAL_DATA: N_("permissions", "view personal data"),
    Permission.PURGE_PERSONAL_DATA: N_("permissions", "erase personal data past its retention"),
    Permission.EXIT_MACHINE_MODE: N_("permissions", "leave kiosk or display mode"),
}

# Least privilege: the administrator runs the system but does not handle applicants' cases;
# a person who does both has two accounts.
ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.ADMIN: frozenset(
        {
            Permission.MANAGE_USERS,
            Permission.EDIT_SETTINGS,
            Permission.EDIT_CATALOG,
            Permission.EDIT_CALENDAR,
            Permission.EVALUATE_STANDARDS,
            Permission.MANAGE_QUEUE,
            Permission.VIEW_CATALOG,
            Permission.VIEW_AUDIT,
            Permission.VIEW_REPORTS,
            Permission.EXPORT_DATA,
            Permission.PURGE_PERSONAL_DATA,
            Permission.EXIT_MACHINE_MODE,
        }
    ),
    Role.SUPERVISOR: frozenset(
        {
            Permission.VIEW_CATALOG,
            Permission.VIEW_AUDIT,
            Permission.VIEW_REPORTS,
            Permission.EXPORT_DATA,
            Permission.EVALUATE_STANDARDS,
            Permission.ESCALATE_COMPLAINTS,
            Permission.VIEW_PERSONAL_DATA,
        }
    ),
    Role.COUNTER: frozenset(
        {
            Permission.VIEW_CATALOG,
            Permission.SERVE_QUEUE,
            Permission.INTAKE,
            Permission.VIEW_PERSONAL_DATA,
        }
    ),
    Role.COMPLAINTS: frozenset(
        {
            Permission.VIEW_CATALOG,
            Permission.SERVE_QUEUE,
            Permission.HANDLE_COMPLAINTS,
            Permission.VIEW_PERSONAL_DATA,
        }
    ),
}

# Machine modes of a PC: no sign-in, and leaving them needs an administrator's PIN.
MACHINE_MODES = ("kiosk", "display")
MACHINE_MODE_LABELS: dict[str, str] = {
    "kiosk": N_("roles", "Kiosk (self-service queue tickets)"),
    "display": N_("roles", "Display board"),
}


def pc_role_label(value: str, language: str | None = None) -> str:
    """The label of a ``pc.role`` value: a staff role or a machine mode."""
    if value in MACHINE_MODE_LABELS:
        return translate("roles", MACHINE_MODE_LABELS[value], language)
    return role_label(value, language)


@dataclass(frozen=True)
class Actor:
    """Who a unit of work acts for: a signed-in staff member, or the terminal administrator.

    ``user_id`` is None for the terminal (``mpp-desk user ...`` run by whoever holds the
    PC's data folder). ``must_change_password`` is set by sign-in after a password reset or for a
    new account, ``first_sign_in`` when the account had never been signed in to.
    """

    user_id: uuid.UUID | None
    username: str
    role: Role
    must_change_password: bool = field(default=False, compare=False)
    first_sign_in: bool = field(default=False, compare=False)  # the account had never been signed in to

    def may(self, permission: Permission) -> bool:
        return permission in ROLE_PERMISSIONS[self.role]


# The terminal administrator: allowed because whoever runs it already holds the data folder.
TERMINAL = Actor(user_id=None, username="terminal", role=Role.ADMIN)
SYSTEM_USERNAME = "system"  # audit name for changes made without any actor (upgrades, seeding)


def permissions_for(role: Role | str) -> frozenset[Permission]:
    return ROLE_PERMISSIONS[Role(role)]


def allowed(actor: Actor | None, permission: Permission) -> bool:
    """Whether *actor* may take *permission* (for showing or hiding actions in the UI)."""
    return actor is not None and actor.may(permission)


class RoleDenied(PermissionDenied):
    """The actor's role lacks a permission; the role and action are named in the user's language."""

    def __init__(self, role: Role, permission: Permission) -> None:
        super().__init__(
            N_("errors", "Your role ({role}) does not allow this: {action}."),
            role=ROLE_LABELS[role],
            action=PERMISSION_LABELS[permission],
        )
        self.role = role
        self.permission = permission

    def text(self, language: str | None = None) -> str:
        return translate(self.context, self.message, language).format(
            role=role_label(self.role, language),
            action=translate("permissions", PERMISSION_LABELS[self.permission], language),
        )


def require(actor: Actor | None, permission: Permission) -> Actor:
    """Return *actor* if it may take *permission*; raise PermissionDenied otherwise."""
    if actor is None:
        raise PermissionDenied(N_("errors", "Sign in first to do this."))
    if not actor.may(permission):
        raise RoleDenied(actor.role, permission)
    return actor


def authorize(uow: UnitOfWork, actor: Actor | None, permission: Permission) -> Actor:
    """:func:`require`, and the actor's account still exists, is active and has the same role."""
    require(actor, permission)
    assert actor is not None and uow.session is not None
    if actor.user_id is None:
        return actor  # the terminal administrator
    user = uow.session.get(StaffUser, actor.user_id)
    if user is None or not user.active or user.deleted_at is not None or user.role != actor.role.value:
        raise PermissionDenied(N_("errors", "Your account was changed or disabled. Sign in again."))
    if user.must_change_password:  # after a reset: nothing but changing the password (auth.change_password)
        raise PasswordChangeRequired(N_("errors", "Change your password first: it was reset by an administrator."))
    return actor


class PasswordChangeRequired(PermissionDenied):
    """The account's password was reset: the person must choose a new one before doing anything else."""
