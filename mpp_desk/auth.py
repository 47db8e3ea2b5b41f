"""Staff accounts and sign-in: first-run setup, users, passwords, lockout and the administrator PIN.

There is no default password: the first start creates the first administrator
(:func:`first_run_setup`). Passwords and PINs are stored as argon2id hashes with the
parameters below, and re-hashed at sign-in when those parameters change.

Failed attempts must be kept even though the action fails. :func:`sign_in` records the
failure (audit entry, attempt count, lockout) in the unit of work, flushes, and then
raises :class:`SignInFailed`; the caller commits in every case::

    with ctx.uow() as uow:
        try:
            actor = auth.sign_in(uow, username=name, password=password)
        except auth.SignInFailed as exc:
            uow.commit()          # keep the failed attempt: it counts towards the lockout
            show(exc.text())
        else:
            uow.commit()

:func:`verify_admin_pin` works the same way but returns False on a wrong PIN: commit
either way.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import json
import logging
import math
import re
import uuid
from dataclasses import dataclass
from typing import Any, NoReturn

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select

from mpp_desk import audit, settings
from mpp_desk.errors import PermissionDenied, UserError, ValidationError
from mpp_desk.i18n import N_
from mpp_desk.models import LocalState, StaffUser
from mpp_desk.models.base import utcnow
from mpp_desk.roles import SYSTEM_USERNAME, TERMINAL, Actor, Permission, Role, authorize, permissions_for
from mpp_desk.uow import UnitOfWork

log = logging.getLogger(__name__)

# argon2id, RFC 9106 "low memory" profile: 64 MiB, 3 passes, 4 lanes (about 0.1 s on a counter PC).
HASH_PARAMETERS: dict[str, Any] = {
    "type": Type.ID,
    "time_cost": 3,
    "memory_cost": 64 * 1024,
    "parallelism": 4,
    "hash_len": 32,
    "salt_len": 16,
}

PASSWORD_MIN_LENGTH = 8
PASSWORD_MAX_LENGTH = 256
PASSWORD_MIN_SCORE = 3  # zxcvbn: 3 = "safely unguessable" against throttled online attacks
ADMIN_FIRST_LOCK = dt.timedelta(minutes=1)  # an administrator's first lockout; doubles with each further one
PIN_MIN_LENGTH = 6
PIN_MAX_LENGTH = 12
USERNAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]{2,31}$")
RESERVED_USERNAMES = frozenset({TERMINAL.username, SYSTEM_USERNAME, audit.ANONYMOUS})

UNKNOWN_KEY = "auth.unknown_sign_ins"  # local_state: failed sign-ins under names that have no account
PIN_KEY = "auth.pin_failures"  # local_state: wrong administrator PINs on this PC


# --- errors --------------------------------------------------------------------------------


class SignInFailed(UserError):
    """Sign-in refused. The attempt is already recorded in the unit of work: commit it."""

    def __init__(self, message: str = N_("errors", "The username or password is wrong."), /, **params: object) -> None:
        super().__init__(message, **params)


class AccountLocked(SignInFailed):
    """Too many failed attempts; ``locked_until`` says when the next attempt is allowed."""

    def __init__(self, locked_until: dt.datetime, now: dt.datetime) -> None:
        minutes = max(1, math.ceil((locked_until - now).total_seconds() / 60))
        super().__init__(
            N_("errors", "Too many failed attempts. Sign-in is locked; try again in {minutes} minute(s)."),
            minutes=minutes,
        )
        self.locked_until = locked_until


class AccountDisabled(SignInFailed):
    """The password was right but the account is disabled."""

    def __init__(self) -> None:
        super().__init__(N_("errors", "This account is disabled. Ask an administrator."))


class PinLocked(UserError):
    """Too many wrong administrator PINs on this PC."""

    def __init__(self, locked_until: dt.datetime, now: dt.datetime) -> None:
        minutes = max(1, math.ceil((locked_until - now).total_seconds() / 60))
        super().__init__(
            N_("errors", "Too many wrong PINs. Try again in {minutes} minute(s)."),
            minutes=minutes,
        )
        self.locked_until = locked_until


# --- hashing -------------------------------------------------------------------------------


def _hasher() -> PasswordHasher:
    return PasswordHasher(**HASH_PARAMETERS)


def hash_secret(secret: str) -> str:
    """An argon2id hash of a password or PIN with the current parameters."""
    return _hasher().hash(secret)


def _matches(stored_hash: str | None, secret: str) -> bool:
    if not stored_hash:
        return False
    try:
        return _hasher().verify(stored_hash, secret)
    except (VerificationError, InvalidHashError):
        return False


@functools.lru_cache(maxsize=4)
def _dummy_hash(_parameters: str) -> str:
    return _hasher().hash("mpp-desk: no such account")


def _spend_a_check(secret: str) -> None:
    """Take as long as a real check, so a missing account cannot be told by the time it takes."""
    _matches(_dummy_hash(repr(sorted(HASH_PARAMETERS.items()))), secret)


def _needs_rehash(stored_hash: str) -> bool:
    try:
        return _hasher().check_needs_rehash(stored_hash)
    except (InvalidHashError, ValueError):
        return True


# --- rules ---------------------------------------------------------------------------------


def normalize_username(text: str) -> str:
    """The stored form of a username (lower case, no surrounding spaces); raise ValidationError if not allowed."""
    name = (text or "").strip().lower()
    if not USERNAME_PATTERN.match(name):
        raise ValidationError(
            N_(
                "errors",
                "A username has 3 to 32 characters: lower-case letters, digits, dot, hyphen or underscore, "
                "starting with a letter or digit.",
            ),
            field="username",
        )
    if name in RESERVED_USERNAMES:
        raise ValidationError(N_("errors", "The username {username} is reserved. Choose another."), field="username",
                              username=name)
    return name


def check_password(password: str, *, username: str, field: str = "password", hints=()) -> None:
    """Raise ValidationError unless *password* follows the password rules: 8 to 256 characters and not
    easy to guess (zxcvbn score 3 or more: "password", "12345678", "admin123" are refused)."""
    if len(password) < PASSWORD_MIN_LENGTH:
        raise ValidationError(N_("errors", "A password needs at least {minimum} characters."), field=field,
                              minimum=PASSWORD_MIN_LENGTH)
    if len(password) > PASSWORD_MAX_LENGTH:
        raise ValidationError(N_("errors", "A password can have at most {maximum} characters."), field=field,
                              maximum=PASSWORD_MAX_LENGTH)
    if len(frozenset(password)) == 1:
        raise ValidationError(N_("errors", "A password cannot be one character repeated."), field=field)
    if password.strip().casefold() == username.strip().casefold():
        raise ValidationError(N_("errors", "A password cannot be the same as the username."), field=field)
    if password_strength(password, hints=(username, *hints)) < PASSWORD_MIN_SCORE:
        raise ValidationError(
            N_("errors", "This password is too easy to guess (a common password, a word with digits, a keyboard "
                         "run or a name). Use three or four unrelated words, for example Kopi-Tubruk-Pagi-7."),
            field=field,
        )


def password_strength(password: str, *, hints=()) -> int:
    """zxcvbn's score, 0 (guessed at once) to 4: common passwords, dictionary words, keyboard runs,
    dates, repeats and the *hints* (username, full name, office) are what an attacker tries first."""
    from zxcvbn import zxcvbn

    inputs = [w for h in hints if h for w in str(h).replace(".", " ").replace("-", " ").split() if len(w) > 2]
    return zxcvbn(password[:PASSWORD_MAX_LENGTH], user_inputs=inputs)["score"]


def check_pin(pin: str) -> None:
    """Raise ValidationError unless *pin* is 6 to 12 digits, not one digit repeated and not a run like 123456."""
    if not (pin.isascii() and pin.isdigit() and PIN_MIN_LENGTH <= len(pin) <= PIN_MAX_LENGTH):
        raise ValidationError(N_("errors", "A PIN has {minimum} to {maximum} digits."), field="pin",
                              minimum=PIN_MIN_LENGTH, maximum=PIN_MAX_LENGTH)
    steps = {(int(b) - int(a)) % 10 for a, b in zip(pin, pin[1:])}
    if steps in ({0}, {1}, {9}):
        raise ValidationError(N_("errors", "A PIN cannot be one digit repeated or a run such as 123456."), field="pin")


def _check_full_name(full_name: str) -> str:
    name = " ".join((full_name or "").split())
    if not name:
        raise ValidationError(N_("errors", "Enter the person's full name."), field="full_name")
    if len(name) > 200:
        raise ValidationError(N_("errors", "This is too long (at most {maximum} characters)."), field="full_name",
                              maximum=200)
    return name


def _role(value: Role | str) -> Role:
    try:
        return Role(value)
    except ValueError:
        raise ValidationError(
            N_("errors", "Unknown role {role}. Choose one of: {choices}."),
            field="role",
            role=str(value),
            choices=", ".join(r.value for r in Role),
        ) from None


# --- reading -------------------------------------------------------------------------------


@dataclass(frozen=True)
class UserInfo:
    """A staff account as the user screens show it (no hashes)."""

    id: uuid.UUID
    username: str
    full_name: str
    role: Role
    active: bool
    must_change_password: bool
    failed_attempts: int
    locked_until: dt.datetime | None
    last_sign_in_at: dt.datetime | None
    password_changed_at: dt.datetime | None
    has_pin: bool

    def is_locked(self, now: dt.datetime | None = None) -> bool:
        return self.locked_until is not None and (now or utcnow()) < self.locked_until

    def as_dict(self) -> dict[str, Any]:
        def iso(value: dt.datetime | None) -> str | None:
            return value.isoformat() if value else None

        return {
            "id": str(self.id),
            "username": self.username,
            "full_name": self.full_name,
            "role": self.role.value,
            "active": self.active,
            "must_change_password": self.must_change_password,
            "failed_attempts": self.failed_attempts,
            "locked_until": iso(self.locked_until),
            "last_sign_in_at": iso(self.last_sign_in_at),
            "password_changed_at": iso(self.password_changed_at),
            "has_pin": self.has_pin,
        }


def _info(user: StaffUser) -> UserInfo:
    return UserInfo(
        id=user.id,
        username=user.username,
        full_name=user.full_name,
        role=Role(user.role),
        active=user.active,
        must_change_password=user.must_change_password,
        failed_attempts=user.failed_attempts,
        locked_until=user.locked_until,
        last_sign_in_at=user.last_sign_in_at,
        password_changed_at=user.password_changed_at,
        has_pin=bool(user.pin_hash),
    )


def _actor(user: StaffUser) -> Actor:
    return Actor(user_id=user.id, username=user.username, role=Role(user.role),
                 must_change_password=bool(user.must_change_password))


def _session(uow: UnitOfWork):
    assert uow.session is not None, "use the unit of work inside its with-block"
    return uow.session


def _find(uow: UnitOfWork, username: str) -> StaffUser | None:
    name = (username or "").strip().lower()
    return _session(uow).scalar(select(StaffUser).where(StaffUser.username == name, StaffUser.deleted_at.is_(None)))


def _get(uow: UnitOfWork, username: str) -> StaffUser:
    user = _find(uow, username)
    if user is None:
        raise UserError(N_("errors", "There is no account named {username}."), username=(username or "").strip())
    return user


def _active_admins(uow: UnitOfWork) -> int:
    return _session(uow).scalar(
        select(func.count()).select_from(StaffUser).where(
            StaffUser.role == Role.ADMIN.value, StaffUser.active.is_(True), StaffUser.deleted_at.is_(None)
        )
    ) or 0  # a count; never None


def full_name_of(uow: UnitOfWork, actor: Actor) -> str:
    """The full name of *actor*'s account, as it signs what they do (the username when none, e.g. the terminal)."""
    user = _session(uow).get(StaffUser, actor.user_id) if actor.user_id is not None else None
    return user.full_name if user is not None and user.full_name else actor.username


def needs_first_run_setup(uow: UnitOfWork) -> bool:
    """True while no active administrator exists: the app then asks for the office and the first administrator."""
    return _active_admins(uow) == 0


def list_users(uow: UnitOfWork) -> list[UserInfo]:
    """Every staff account, by username."""
    authorize(uow, uow.actor, Permission.MANAGE_USERS)
    users = _session(uow).scalars(select(StaffUser).where(StaffUser.deleted_at.is_(None)).order_by(StaffUser.username))
    return [_info(u) for u in users]


# --- first run and user administration -----------------------------------------------------


def first_run_setup(
    uow: UnitOfWork,
    *,
    office_name: str,
    office_address: str,
    admin_username: str,
    admin_full_name: str,
    password: str,
    pin: str | None = None,
) -> Actor:
    """Store the office and create the first administrator; refused once an administrator exists."""
    if not needs_first_run_setup(uow):
        raise PermissionDenied(N_("errors", "MPP Desk is already set up. Sign in as an administrator."))
    username = normalize_username(admin_username)
    full_name = _check_full_name(admin_full_name)
    check_password(password, username=username, hints=(full_name, office_name))
    if pin is not None:
        check_pin(pin)
    name_setting = settings.declared("office.name")
    address_setting = settings.declared("office.address")
    office_name = name_setting.coerce(office_name)
    office_address = address_setting.coerce(office_address)
    if _find(uow, username) is not None:
        raise ValidationError(N_("errors", "The username {username} is already taken."), field="username",
                              username=username)
    now = utcnow()
    user = StaffUser(
        id=uuid.uuid4(),
        username=username,
        full_name=full_name,
        role=Role.ADMIN.value,
        password_hash=hash_secret(password),
        active=True,
        must_change_password=False,
        failed_attempts=0,
        password_changed_at=now,
        pin_hash=hash_secret(pin) if pin is not None else None,
    )
    admin = _actor(user)
    # From here on the new administrator acts: the office settings and the setup are theirs.
    uow.actor = admin
    # The office first: set_initial refuses once an active administrator exists.
    settings.set_initial(uow, key="office.name", value=office_name)
    settings.set_initial(uow, key="office.address", value=office_address)
    _session(uow).add(user)
    audit.record(uow, action="auth.first_run_setup", entity="staff_user", entity_id=user.id,
                 summary=f"first administrator {username} created", details={"role": Role.ADMIN.value,
                                                                              "pin": pin is not None})
    log.info("first-run setup done; administrator %s", user.id)
    return admin


def create_user(
    uow: UnitOfWork,
    *,
    username: str,
    full_name: str,
    role: Role | str,
    password: str,
    must_change_password: bool = True,
) -> UserInfo:
    """Create a staff account; by default the person must change the password at first sign-in."""
    authorize(uow, uow.actor, Permission.MANAGE_USERS)
    name = normalize_username(username)
    full = _check_full_name(full_name)
    role_ = _role(role)
    check_password(password, username=name, hints=(full,))
    if _session(uow).scalar(select(StaffUser.id).where(StaffUser.username == name)) is not None:
        raise ValidationError(N_("errors", "The username {username} is already taken."), field="username",
                              username=name)
    user = StaffUser(
        id=uuid.uuid4(),
        username=name,
        full_name=full,
        role=role_.value,
        password_hash=hash_secret(password),
        active=True,
        must_change_password=must_change_password,
        failed_attempts=0,
        password_changed_at=utcnow(),
    )
    _session(uow).add(user)
    audit.record(uow, action="user.created", entity="staff_user", entity_id=user.id,
                 summary=f"user {name} created as {role_.value}", details={"role": role_.value})
    _session(uow).flush()
    log.info("user %s created", user.id)
    return _info(user)


def update_user(
    uow: UnitOfWork,
    *,
    username: str,
    full_name: str | None = None,
    role: Role | str | None = None,
) -> UserInfo:
    """Change an account's full name and/or role; the last active administrator keeps the role."""
    authorize(uow, uow.actor, Permission.MANAGE_USERS)
    user = _get(uow, username)
    if full_name is not None:
        user.full_name = _check_full_name(full_name)
    if role is not None:
        new_role = _role(role)
        if user.role == Role.ADMIN.value and new_role is not Role.ADMIN and user.active and _active_admins(uow) <= 1:
            raise ValidationError(N_("errors", "This is the last active administrator; the role cannot change."),
                                  field="role")
        user.role = new_role.value
    changed = audit.changes(user)
    if changed:
        audit.record(uow, action="user.updated", entity="staff_user", entity_id=user.id,
                     summary=f"user {user.username} changed", details={"changes": changed})
    return _info(user)


def disable_user(uow: UnitOfWork, *, username: str) -> UserInfo:
    """Disable an account: it can no longer sign in (records keep naming it)."""
    authorize(uow, uow.actor, Permission.MANAGE_USERS)
    user = _get(uow, username)
    if uow.actor is not None and uow.actor.user_id == user.id:
        raise UserError(N_("errors", "You cannot disable your own account."))
    if not user.active:
        return _info(user)
    if user.role == Role.ADMIN.value and _active_admins(uow) <= 1:
        raise UserError(N_("errors", "This is the last active administrator and cannot be disabled."))
    user.active = False
    audit.record(uow, action="user.disabled", entity="staff_user", entity_id=user.id,
                 summary=f"user {user.username} disabled")
    log.info("user %s disabled", user.id)
    return _info(user)


def enable_user(uow: UnitOfWork, *, username: str) -> UserInfo:
    """Enable a disabled account again (and lift any lockout)."""
    authorize(uow, uow.actor, Permission.MANAGE_USERS)
    user = _get(uow, username)
    if user.active and not user.locked_until and not user.failed_attempts:
        return _info(user)
    user.active = True
    user.failed_attempts = 0
    user.locked_until = None
    audit.record(uow, action="user.enabled", entity="staff_user", entity_id=user.id,
                 summary=f"user {user.username} enabled")
    log.info("user %s enabled", user.id)
    return _info(user)


def reset_password(uow: UnitOfWork, *, username: str, new_password: str) -> UserInfo:
    """Set a new password chosen by an administrator; the person must change it at next sign-in."""
    authorize(uow, uow.actor, Permission.MANAGE_USERS)
    user = _get(uow, username)
    check_password(new_password, username=user.username, hints=(user.full_name,))
    user.password_hash = hash_secret(new_password)
    user.must_change_password = True
    user.password_changed_at = utcnow()
    user.failed_attempts = 0
    user.locked_until = None
    audit.record(uow, action="user.password_reset", entity="staff_user", entity_id=user.id,
                 summary=f"password of {user.username} reset")
    log.info("password of user %s reset", user.id)
    return _info(user)


def set_pin(uow: UnitOfWork, *, username: str, pin: str | None) -> None:
    """Set (or with None clear) an administrator's PIN for leaving kiosk and display mode."""
    authorize(uow, uow.actor, Permission.MANAGE_USERS)
    user = _get(uow, username)
    if pin is not None:
        if Permission.EXIT_MACHINE_MODE not in permissions_for(user.role):
            raise ValidationError(N_("errors", "Only an administrator can have a PIN."), field="pin")
        check_pin(pin)
    user.pin_hash = hash_secret(pin) if pin is not None else None
    audit.record(uow, action="user.pin_set" if pin is not None else "user.pin_cleared", entity="staff_user",
                 entity_id=user.id, summary=f"PIN of {user.username} {'set' if pin is not None else 'cleared'}")


def change_password(uow: UnitOfWork, *, user_id: uuid.UUID, old_password: str, new_password: str) -> Actor:
    """The signed-in person changes their own password; returns their actor with the change flag cleared."""
    user = _session(uow).get(StaffUser, user_id)
    if user is None or user.deleted_at is not None or not user.active:
        raise PermissionDenied(N_("errors", "Your account was changed or disabled. Sign in again."))
    if not _matches(user.password_hash, old_password):
        raise ValidationError(N_("errors", "The current password is wrong."), field="old_password")
    check_password(new_password, username=user.username, field="new_password", hints=(user.full_name,))
    if new_password == old_password:
        raise ValidationError(N_("errors", "The new password must differ from the current one."),
                              field="new_password")
    user.password_hash = hash_secret(new_password)
    user.must_change_password = False
    user.password_changed_at = utcnow()
    actor = _actor(user)
    audit.record(uow, action="auth.password_changed", entity="staff_user", entity_id=user.id,
                 summary=f"{user.username} changed their password", actor=actor)
    log.info("user %s changed their password", user.id)
    return actor


# --- sign-in ---------------------------------------------------------------------------------


def _lockout_rules(uow: UnitOfWork) -> tuple[int, dt.timedelta]:
    return (
        settings.get(uow, "security.max_failed_sign_ins"),
        dt.timedelta(minutes=settings.get(uow, "security.lockout_minutes")),
    )


def sign_in(uow: UnitOfWork, *, username: str, password: str, now: dt.datetime | None = None) -> Actor:
    """Check a username and password; return the actor, or record the failure and raise SignInFailed.

    The failure is flushed into the unit of work before the raise: the caller commits it.
    The message is the same whether or not the username exists.
    """
    now = now or utcnow()
    max_failed, lockout = _lockout_rules(uow)
    user = _find(uow, username)
    if user is None:
        _unknown_name_failure(uow, username, password, now, max_failed, lockout)
    if user.locked_until is not None and now < user.locked_until:
        _failed(uow, user, "locked")
        raise AccountLocked(user.locked_until, now)
    admin = user.role == Role.ADMIN.value and user.active
    if user.locked_until is not None:  # the lockout has run out: a fresh set of attempts
        user.locked_until = None
        if not admin:
            user.failed_attempts = 0
    if not _matches(user.password_hash, password):
        user.failed_attempts += 1
        if (user.failed_attempts % max_failed == 0) if admin else (user.failed_attempts >= max_failed):
            locked_until = user.locked_until = now + _lock_length(user, max_failed, lockout, admin=admin)
            _failed(uow, user, "wrong_password", locked=True)
            log.warning("user %s locked after %s failed sign-ins", user.id, user.failed_attempts)
            raise AccountLocked(locked_until, now)
        _failed(uow, user, "wrong_password")
        raise SignInFailed()
    if not user.active:
        _failed(uow, user, "disabled")
        raise AccountDisabled()
    user.failed_attempts = 0
    first = user.last_sign_in_at is None
    user.last_sign_in_at = now
    if _needs_rehash(user.password_hash):
        user.password_hash = hash_secret(password)
        log.info("password hash of user %s upgraded to the current parameters", user.id)
    actor = dataclasses.replace(_actor(user), first_sign_in=first)
    audit.record(uow, action="auth.sign_in", entity="staff_user", entity_id=user.id,
                 summary=f"{user.username} signed in", details={"role": user.role}, actor=actor)
    log.info("user %s signed in", user.id)
    return actor


def _lock_length(user: StaffUser, max_failed: int, lockout: dt.timedelta, *, admin: bool) -> dt.timedelta:
    """How long an account stays locked after another *max_failed* wrong passwords.

    Staff accounts: the office's lockout (15 minutes by default; an administrator unlocks them).
    Administrators: 1 minute, doubling with each further lockout up to the office's lockout (their
    failed attempts count on until a right password). Anyone at the sign-in screen could otherwise
    keep the only administrator out for the whole lockout with five wrong guesses, while a guesser
    still gets only a few tries a minute, then a few an hour. The terminal (``mpp-desk user enable
    NAME`` or ``user reset-password NAME``) always lifts a lockout.
    """
    if not admin:
        return lockout
    rounds = max(1, user.failed_attempts // max_failed)
    return min(lockout, ADMIN_FIRST_LOCK * (2 ** min(rounds - 1, 16)))


def sign_out(uow: UnitOfWork, *, actor: Actor, idle: bool = False) -> None:
    """Record a sign-out, or (``idle=True``) the screen locking itself after the idle time."""
    audit.record(uow, action="auth.screen_locked" if idle else "auth.sign_out", entity="staff_user",
                 entity_id=actor.user_id, summary=f"{actor.username} {'locked by idle time' if idle else 'signed out'}",
                 actor=actor)


def _failed(uow: UnitOfWork, user: StaffUser, reason: str, *, locked: bool = False) -> None:
    audit.record(
        uow,
        action="auth.sign_in_failed",
        entity="staff_user",
        entity_id=user.id,
        summary=f"sign-in as {user.username} failed ({reason})",
        details={"reason": reason, "attempts": user.failed_attempts, "locked": locked or user.locked_until is not None},
        anonymous=True,
    )
    uow.flush()
    log.info("failed sign-in for user %s (%s)", user.id, reason)


def _unknown_name_failure(
    uow: UnitOfWork, username: str, password: str, now: dt.datetime, max_failed: int, lockout: dt.timedelta
) -> NoReturn:
    """A name with no account: answer exactly as for a wrong password, lockout included. Always raises."""
    session = _session(uow)
    state = session.get(LocalState, UNKNOWN_KEY)
    table: dict[str, list[Any]] = json.loads(state.value) if state is not None else {}
    cutoff = now - dt.timedelta(days=1)
    table = {k: v for k, v in table.items() if dt.datetime.fromisoformat(v[2]) >= cutoff}
    # A keyed digest, not the typed text: people type passwords into the username box.
    digest = hashlib.sha256(b"mpp-desk unknown name\0" + (username or "").strip().lower().encode("utf-8")).hexdigest()[:24]
    count, locked_until_text, _ = table.get(digest, [0, None, now.isoformat()])
    locked_until = dt.datetime.fromisoformat(locked_until_text) if locked_until_text else None
    error: SignInFailed
    reason = "unknown_user"
    if locked_until is not None and now < locked_until:
        error = AccountLocked(locked_until, now)
        reason = "unknown_user_locked"
    else:
        if locked_until is not None:
            count, locked_until = 0, None
        _spend_a_check(password)
        count += 1
        if count >= max_failed:
            locked_until = now + lockout
            error = AccountLocked(locked_until, now)
        else:
            error = SignInFailed()
    table[digest] = [count, locked_until.isoformat() if locked_until else None, now.isoformat()]
    if len(table) > 500:
        table = dict(sorted(table.items(), key=lambda kv: kv[1][2])[-500:])
    text = json.dumps(table, sort_keys=True)
    if state is None:
        session.add(LocalState(key=UNKNOWN_KEY, value=text))
    else:
        state.value = text
    audit.record(uow, action="auth.sign_in_failed", summary="sign-in under an unknown username failed",
                 details={"reason": reason, "attempts": count, "locked": locked_until is not None}, anonymous=True)
    uow.flush()
    log.info("failed sign-in under an unknown username")
    raise error


# --- administrator PIN (leaving kiosk / display mode) -----------------------------------------


def verify_admin_pin(uow: UnitOfWork, *, pin: str, now: dt.datetime | None = None) -> bool:
    """True if *pin* is an active administrator's PIN. Commit either way: wrong PINs count towards a lockout.

    Raises PinLocked while this PC refuses PINs after too many wrong ones.
    """
    now = now or utcnow()
    max_failed, lockout = _lockout_rules(uow)
    session = _session(uow)
    state = session.get(LocalState, PIN_KEY)
    count, locked_until = 0, None
    if state is not None:
        data = json.loads(state.value)
        count = data.get("count", 0)
        locked_until = dt.datetime.fromisoformat(data["locked_until"]) if data.get("locked_until") else None
    if locked_until is not None and now < locked_until:
        raise PinLocked(locked_until, now)
    if locked_until is not None:
        count, locked_until = 0, None
    admins = session.scalars(
        select(StaffUser).where(
            StaffUser.role == Role.ADMIN.value,
            StaffUser.active.is_(True),
            StaffUser.deleted_at.is_(None),
            StaffUser.pin_hash.is_not(None),
        )
    ).all()
    match = next((a for a in admins if _matches(a.pin_hash, pin)), None) if pin else None
    if match is None:
        if not admins:
            _spend_a_check(pin or "")
        count += 1
        if count >= max_failed:
            locked_until = now + lockout
    else:
        count, locked_until = 0, None
        if _needs_rehash(match.pin_hash or ""):
            match.pin_hash = hash_secret(pin)
    text = json.dumps({"count": count, "locked_until": locked_until.isoformat() if locked_until else None})
    if state is None:
        session.add(LocalState(key=PIN_KEY, value=text))
    else:
        state.value = text
    if match is None:
        audit.record(uow, action="auth.pin_failed", summary="wrong administrator PIN",
                     details={"attempts": count, "locked": locked_until is not None}, anonymous=True)
    else:
        audit.record(uow, action="auth.pin_accepted", entity="staff_user", entity_id=match.id,
                     summary=f"PIN of {match.username} accepted", actor=_actor(match))
    uow.flush()
    return match is not None
