"""Sign-in, lockout, accounts and roles on a real database."""

from __future__ import annotations

import datetime as dt
import json
import logging

import pytest
from sqlalchemy import func, select, text

from mpp_desk import audit, auth, settings
from mpp_desk.errors import PermissionDenied, UserError, ValidationError
from mpp_desk.models import AuditEntry, StaffUser
from mpp_desk.roles import Role

PASSWORD = "Purwakarta-2026"
T0 = dt.datetime(2026, 3, 17, 1, 0, tzinfo=dt.timezone.utc)


@pytest.fixture(autouse=True)
def fast_hashing(monkeypatch):
    """Cheap argon2id parameters: the rules under test do not depend on the cost."""
    monkeypatch.setitem(auth.HASH_PARAMETERS, "time_cost", 1)
    monkeypatch.setitem(auth.HASH_PARAMETERS, "memory_cost", 1024)
    monkeypatch.setitem(auth.HASH_PARAMETERS, "parallelism", 1)


@pytest.fixture
def admin(uow_factory):
    with uow_factory() as uow:
        actor = auth.first_run_setup(uow, office_name="MPP Bale Madukara", office_address="Jl. Jend. Sudirman",
                                     admin_username="Admin", admin_full_name="Budi Santoso", password=PASSWORD)
        uow.commit()
    return actor


def add_user(uow_factory, admin, username="siti", role=Role.COUNTER, password=PASSWORD, full_name="Siti Aminah"):
    with uow_factory(actor=admin) as uow:
        info = auth.create_user(uow, username=username, full_name=full_name, role=role,
                                password=password)
        uow.commit()
    return info


def sign_in(uow_factory, username, password, now=None):
    """Sign in the way the UI does: commit whether it worked or not."""
    with uow_factory() as uow:
        try:
            return auth.sign_in(uow, username=username, password=password, now=now)
        finally:
            uow.commit()


def audit_actions(uow_factory) -> list[str]:
    with uow_factory(write=False) as uow:
        return list(uow.session.scalars(select(AuditEntry.action).order_by(AuditEntry.seq)))


def user_row(uow_factory, username) -> StaffUser:
    with uow_factory(write=False) as uow:
        return uow.session.scalar(select(StaffUser).where(StaffUser.username == username))


# --- first run ---------------------------------------------------------------------------


def test_first_run_setup_happens_once_and_stores_the_office(uow_factory):
    with uow_factory(write=False) as uow:
        assert auth.needs_first_run_setup(uow)
    with uow_factory() as uow:
        admin = auth.first_run_setup(uow, office_name="  MPP Bale Madukara ", office_address="Jl. Jend. Sudirman",
                                     admin_username="Admin", admin_full_name="Budi  Santoso", password=PASSWORD,
                                     pin="246810")
        uow.commit()
    assert admin.role is Role.ADMIN and admin.username == "admin" and admin.must_change_password is False
    with uow_factory(write=False) as uow:
        assert not auth.needs_first_run_setup(uow)
        assert settings.get(uow, "office.name") == "MPP Bale Madukara"
        assert settings.get(uow, "office.address") == "Jl. Jend. Sudirman"
        row = uow.session.scalar(select(StaffUser))
        assert row.full_name == "Budi Santoso" and row.password_hash.startswith("$argon2id$")
        assert PASSWORD not in row.password_hash and row.pin_hash.startswith("$argon2id$")
    with uow_factory() as uow:
        with pytest.raises(PermissionDenied) as info:
            auth.first_run_setup(uow, office_name="Lain", office_address="", admin_username="intruder",
                                 admin_full_name="X", password="another-password")
    assert "sudah disiapkan" in info.value.text("id")
    with uow_factory(write=False) as uow:
        assert uow.session.scalar(select(func.count()).select_from(StaffUser)) == 1
        assert settings.get(uow, "office.name") == "MPP Bale Madukara"
    assert audit_actions(uow_factory) == ["settings.changed", "settings.changed", "auth.first_run_setup"]
    with uow_factory(actor=None) as uow:  # nor can the office be changed through the first-run path
        with pytest.raises(PermissionDenied):
            settings.set_initial(uow, key="office.name", value="Lain")


def test_first_run_setup_refuses_a_weak_password_and_stores_nothing(uow_factory):
    with uow_factory() as uow:
        with pytest.raises(ValidationError) as info:
            auth.first_run_setup(uow, office_name="MPP", office_address="", admin_username="admin",
                                 admin_full_name="Budi", password="admin")
    assert info.value.field == "password"
    with uow_factory(write=False) as uow:
        assert auth.needs_first_run_setup(uow)


# --- sign-in -----------------------------------------------------------------------------


def test_right_password_signs_in_and_is_audited(uow_factory, admin):
    add_user(uow_factory, admin)
    actor = sign_in(uow_factory, "SITI ", PASSWORD, now=T0)
    assert actor.username == "siti" and actor.role is Role.COUNTER
    assert actor.must_change_password  # an administrator chose this password
    with uow_factory(actor=admin) as uow:
        add_user_kept = auth.create_user(uow, username="budi", full_name="Budi", role="supervisor",
                                         password=PASSWORD, must_change_password=False)
        uow.commit()
    assert not add_user_kept.must_change_password
    assert sign_in(uow_factory, "budi", PASSWORD).must_change_password is False
    row = user_row(uow_factory, "siti")
    assert row.last_sign_in_at == T0 and row.failed_attempts == 0
    assert audit_actions(uow_factory)[-1] == "auth.sign_in"


def test_wrong_password_is_refused_and_the_failure_is_committed(uow_factory, admin):
    add_user(uow_factory, admin)
    with pytest.raises(auth.SignInFailed) as wrong:
        sign_in(uow_factory, "siti", "not-the-password")
    with pytest.raises(auth.SignInFailed) as unknown:
        sign_in(uow_factory, "nobody", "not-the-password")
    # Same type and message whether or not the account exists.
    assert type(wrong.value) is type(unknown.value) is auth.SignInFailed
    assert wrong.value.text("id") == unknown.value.text("id") == "Nama pengguna atau kata sandi salah."
    assert user_row(uow_factory, "siti").failed_attempts == 1
    with uow_factory(write=False) as uow:
        failures = list(uow.session.scalars(select(AuditEntry).where(AuditEntry.action == "auth.sign_in_failed")))
    assert len(failures) == 2
    assert failures[0].details["reason"] == "wrong_password" and failures[0].actor_username == "anonymous"
    assert failures[1].details["reason"] == "unknown_user" and failures[1].entity_id is None
    assert all("nobody" not in audit.canonical(f) for f in failures)  # a typed name may be someone's password


def test_failed_attempt_left_uncommitted_does_not_count(uow_factory, admin):
    add_user(uow_factory, admin)
    with uow_factory() as uow:
        with pytest.raises(auth.SignInFailed):
            auth.sign_in(uow, username="siti", password="wrong-password")
        # the caller forgot to commit: the documented contract is broken, nothing is kept
    assert user_row(uow_factory, "siti").failed_attempts == 0


def test_five_failures_lock_the_account_until_the_lockout_ends(uow_factory, admin):
    add_user(uow_factory, admin)
    for attempt in range(1, 5):
        with pytest.raises(auth.SignInFailed) as info:
            sign_in(uow_factory, "siti", f"wrong-{attempt}", now=T0 + dt.timedelta(seconds=attempt))
        assert not isinstance(info.value, auth.AccountLocked)
    with pytest.raises(auth.AccountLocked) as info:
        sign_in(uow_factory, "siti", "wrong-5", now=T0 + dt.timedelta(seconds=5))
    assert info.value.text("id") == "Terlalu banyak percobaan gagal. Akun dikunci; coba lagi dalam 15 menit."
    locked_until = user_row(uow_factory, "siti").locked_until
    assert locked_until == T0 + dt.timedelta(seconds=5, minutes=15)
    with pytest.raises(auth.AccountLocked):  # the right password does not help while locked
        sign_in(uow_factory, "siti", PASSWORD, now=locked_until - dt.timedelta(seconds=1))
    actor = sign_in(uow_factory, "siti", PASSWORD, now=locked_until)
    assert actor.username == "siti"
    row = user_row(uow_factory, "siti")
    assert row.failed_attempts == 0 and row.locked_until is None
    actions = audit_actions(uow_factory)
    assert actions.count("auth.sign_in_failed") == 6 and actions[-1] == "auth.sign_in"


def test_lockout_rules_come_from_the_settings(uow_factory, admin):
    with uow_factory(actor=admin) as uow:
        settings.set(uow, key="security.max_failed_sign_ins", value=3)
        settings.set(uow, key="security.lockout_minutes", value=2)
        uow.commit()
    add_user(uow_factory, admin)
    for i in range(2):
        with pytest.raises(auth.SignInFailed):
            sign_in(uow_factory, "siti", "wrong-password", now=T0)
    with pytest.raises(auth.AccountLocked):
        sign_in(uow_factory, "siti", "wrong-password", now=T0)
    assert user_row(uow_factory, "siti").locked_until == T0 + dt.timedelta(minutes=2)


def test_an_unknown_username_locks_just_like_a_real_one(uow_factory, admin):
    for attempt in range(4):
        with pytest.raises(auth.SignInFailed) as info:
            sign_in(uow_factory, "ghost", "whatever-1", now=T0)
        assert not isinstance(info.value, auth.AccountLocked)
    with pytest.raises(auth.AccountLocked):
        sign_in(uow_factory, "ghost", "whatever-1", now=T0)
    with pytest.raises(auth.AccountLocked):
        sign_in(uow_factory, "Ghost", "whatever-1", now=T0 + dt.timedelta(minutes=14))
    with pytest.raises(auth.SignInFailed) as info:
        sign_in(uow_factory, "ghost", "whatever-1", now=T0 + dt.timedelta(minutes=15))
    assert not isinstance(info.value, auth.AccountLocked)
    with uow_factory(write=False) as uow:
        stored = uow.session.execute(text("SELECT value FROM local_state WHERE key = :k"),
                                     {"k": auth.UNKNOWN_KEY}).scalar()
    assert "ghost" not in stored and len(json.loads(stored)) == 1


def test_disabled_account_cannot_sign_in_until_enabled(uow_factory, admin):
    add_user(uow_factory, admin)
    with uow_factory(actor=admin) as uow:
        info = auth.disable_user(uow, username="Siti")
        uow.commit()
    assert not info.active
    with pytest.raises(auth.AccountDisabled) as refused:
        sign_in(uow_factory, "siti", PASSWORD)
    assert refused.value.text("id") == "Akun ini dinonaktifkan. Hubungi administrator."
    with pytest.raises(auth.SignInFailed) as wrong:  # a wrong password does not reveal that it is disabled
        sign_in(uow_factory, "siti", "wrong-password")
    assert not isinstance(wrong.value, auth.AccountDisabled)
    with uow_factory(actor=admin) as uow:
        auth.enable_user(uow, username="siti")
        uow.commit()
    assert sign_in(uow_factory, "siti", PASSWORD).username == "siti"


# --- roles are checked by the services ----------------------------------------------------


@pytest.mark.parametrize("role", [Role.COUNTER, Role.COMPLAINTS, Role.SUPERVISOR])
def test_staff_without_the_permission_cannot_manage_users(uow_factory, admin, role):
    add_user(uow_factory, admin, username="petugas", role=role)
    officer = sign_in(uow_factory, "petugas", PASSWORD)
    with uow_factory(actor=officer) as uow:
        with pytest.raises(PermissionDenied) as info:
            auth.create_user(uow, username="baru", full_name="Orang Baru", role=Role.ADMIN,
                             password=PASSWORD)
        with pytest.raises(PermissionDenied):
            auth.list_users(uow)
        with pytest.raises(PermissionDenied):
            auth.reset_password(uow, username="admin", new_password="new-password-1")
        with pytest.raises(PermissionDenied):
            auth.disable_user(uow, username="admin")
        with pytest.raises(PermissionDenied):
            auth.set_pin(uow, username="admin", pin="975310")
        with pytest.raises(PermissionDenied):
            settings.set(uow, key="office.name", value="Diubah")
    assert "tidak diizinkan untuk: mengelola akun petugas" in info.value.text("id")
    with uow_factory(write=False) as uow:
        assert uow.session.scalar(select(func.count()).select_from(StaffUser)) == 2


@pytest.mark.parametrize("change", ["demote", "disable"])
def test_an_actor_whose_account_was_disabled_or_demoted_is_refused(uow_factory, admin, change):
    add_user(uow_factory, admin, username="kepala", role=Role.ADMIN)
    second = sign_in(uow_factory, "kepala", PASSWORD)
    with uow_factory(actor=admin) as uow:
        if change == "demote":
            auth.update_user(uow, username="kepala", role=Role.SUPERVISOR)
        else:
            auth.disable_user(uow, username="kepala")
        uow.commit()
    with uow_factory(actor=second) as uow:
        with pytest.raises(PermissionDenied) as info:
            auth.create_user(uow, username="baru", full_name="Orang Baru", role=Role.COUNTER,
                             password=PASSWORD)
    assert "masuk kembali" in info.value.text("id")


def test_nobody_signed_in_cannot_manage_users(uow_factory, admin):
    with uow_factory(actor=None) as uow:
        with pytest.raises(PermissionDenied):
            auth.list_users(uow)


def test_the_last_administrator_stays(uow_factory, admin):
    add_user(uow_factory, admin)
    with uow_factory(actor=admin) as uow:
        with pytest.raises(UserError) as own:
            auth.disable_user(uow, username="admin")
        assert "akun Anda sendiri" in own.value.text("id")
    with uow_factory() as uow:  # the terminal administrator
        with pytest.raises(UserError) as last:
            auth.disable_user(uow, username="admin")
        assert "administrator aktif terakhir" in last.value.text("id")
        with pytest.raises(ValidationError):
            auth.update_user(uow, username="admin", role=Role.COUNTER)


# --- accounts and passwords ---------------------------------------------------------------


def test_usernames_are_unique_whatever_the_case(uow_factory, admin):
    info = add_user(uow_factory, admin, username=" Siti.Aminah ")
    assert info.username == "siti.aminah"
    with uow_factory(actor=admin) as uow:
        with pytest.raises(ValidationError) as taken:
            auth.create_user(uow, username="SITI.AMINAH", full_name="Siti Lain", role="counter",
                             password=PASSWORD)
        assert taken.value.field == "username"
        assert taken.value.text("id") == "Nama pengguna siti.aminah sudah dipakai."
        for bad in ("ab", "siti aminah", "-siti", "terminal", "siti@mpp"):
            with pytest.raises(ValidationError):
                auth.create_user(uow, username=bad, full_name="X", role="counter", password=PASSWORD)
        with pytest.raises(ValidationError) as role:
            auth.create_user(uow, username="budi", full_name="Budi", role="janitor", password=PASSWORD)
        assert role.value.field == "role"


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("short1", "Kata sandi minimal 8 karakter."),
        ("aaaaaaaaaa", "Kata sandi tidak boleh berupa satu karakter yang diulang-ulang."),
        ("Rahmat.Hidayat", "Kata sandi tidak boleh sama dengan nama pengguna."),
        ("x" * 257, "Kata sandi maksimal 256 karakter."),
    ],
)
def test_password_rules(uow_factory, admin, password, message):
    with uow_factory(actor=admin) as uow:
        with pytest.raises(ValidationError) as info:
            auth.create_user(uow, username="rahmat.hidayat", full_name="Rahmat", role="counter",
                             password=password)
    assert info.value.text("id") == message and info.value.field == "password"


@pytest.mark.parametrize("password", ["password", "12345678", "admin123", "qwertyuiop", "P@ssw0rd", "iloveyou1",
                                      "1q2w3e4r", "Aminah2026"])
def test_short_and_common_passwords_are_refused_everywhere_a_password_is_set(uow_factory, admin, password):
    add_user(uow_factory, admin)
    with uow_factory(actor=admin) as uow:
        with pytest.raises(ValidationError) as created:
            auth.create_user(uow, username="rina", full_name="Rina Aminah", role="counter",
                             password=password)
        assert created.value.field == "password" and "terlalu mudah ditebak" in created.value.text("id")
        with pytest.raises(ValidationError):
            auth.reset_password(uow, username="siti", new_password=password)
        with pytest.raises(ValidationError) as changed:
            auth.change_password(uow, user_id=user_row(uow_factory, "siti").id, old_password=PASSWORD,
                                 new_password=password)
        assert changed.value.field == "new_password"


def test_a_first_run_setup_with_a_common_password_is_refused(uow_factory):
    with uow_factory() as uow:
        with pytest.raises(ValidationError):
            auth.first_run_setup(uow, office_name="MPP Bale Madukara", office_address="", admin_username="admin",
                                 admin_full_name="Budi Santoso", password="12345678")
        assert auth.needs_first_run_setup(uow)


def test_a_reset_account_can_do_nothing_in_the_service_layer_until_the_password_is_changed(uow_factory, admin):
    from mpp_desk.roles import PasswordChangeRequired

    add_user(uow_factory, admin, role=Role.SUPERVISOR)
    with uow_factory(actor=admin) as uow:
        auth.reset_password(uow, username="siti", new_password="Sementara-Loket-77")
        uow.commit()
    actor = sign_in(uow_factory, "siti", "Sementara-Loket-77")
    with uow_factory() as uow:  # any service call that checks the actor (here: a report)
        with pytest.raises(PasswordChangeRequired) as refused:
            _a_report(uow, actor)
        assert "Ganti kata sandi" in refused.value.text("id")
    with uow_factory() as uow:
        actor = auth.change_password(uow, user_id=actor.user_id, old_password="Sementara-Loket-77",
                                     new_password="Kopi-Tubruk-Pagi-7")
        uow.commit()
    with uow_factory(write=False) as uow:
        _a_report(uow, actor)  # allowed now


def _a_report(uow, actor):
    from mpp_desk.queue.stats import daily_stats

    uow.actor = actor
    return daily_stats(uow, date=dt.date(2026, 3, 17))


@pytest.mark.parametrize("role", [Role.COUNTER, None])
def test_queue_statistics_need_the_reports_permission(uow_factory, admin, role):
    from mpp_desk.queue.stats import daily_stats

    actor = None
    if role is not None:
        add_user(uow_factory, admin, role=role)
        actor = sign_in(uow_factory, "siti", PASSWORD)
    with uow_factory(write=False) as uow:
        uow.actor = actor
        with pytest.raises(PermissionDenied):
            daily_stats(uow, date=dt.date(2026, 3, 17))
        uow.actor = admin
        assert daily_stats(uow, date=dt.date(2026, 3, 17)).total.issued == 0


def test_wrong_guesses_by_anyone_keep_the_administrator_out_for_a_minute_not_a_quarter_hour(uow_factory, admin):
    """The last administrator: 1 minute after five wrong passwords, then 2, 4, ... up to the office's 15."""
    now = T0
    expected = [1, 2, 4, 8, 15, 15]
    for minutes in expected:
        for attempt in range(4):
            with pytest.raises(auth.SignInFailed) as info:
                sign_in(uow_factory, "admin", f"tebakan-{attempt}", now=now)
            assert not isinstance(info.value, auth.AccountLocked)
        with pytest.raises(auth.AccountLocked) as locked:
            sign_in(uow_factory, "admin", "tebakan-5", now=now)
        assert user_row(uow_factory, "admin").locked_until == now + dt.timedelta(minutes=minutes)
        assert f"{minutes} menit" in locked.value.text("id")
        now += dt.timedelta(minutes=minutes)
    assert sign_in(uow_factory, "admin", PASSWORD, now=now).username == "admin"
    row = user_row(uow_factory, "admin")
    assert row.failed_attempts == 0 and row.locked_until is None
    for attempt in range(5):  # after a right password the next lockout is short again
        with pytest.raises(auth.SignInFailed):
            sign_in(uow_factory, "admin", f"salah-{attempt}", now=now)
    assert user_row(uow_factory, "admin").locked_until == now + dt.timedelta(minutes=1)


def test_a_locked_administrator_is_let_back_in_from_the_terminal(uow_factory, admin):
    for attempt in range(5):
        with pytest.raises(auth.SignInFailed):
            sign_in(uow_factory, "admin", f"tebakan-{attempt}", now=T0)
    with uow_factory() as uow:
        auth.enable_user(uow, username="admin")
        uow.commit()
    assert sign_in(uow_factory, "admin", PASSWORD, now=T0).username == "admin"


def test_reset_forces_a_change_and_change_password_clears_it(uow_factory, admin):
    add_user(uow_factory, admin)
    with uow_factory(actor=admin) as uow:
        auth.reset_password(uow, username="siti", new_password="sementara-123")
        uow.commit()
    actor = sign_in(uow_factory, "siti", "sementara-123")
    assert actor.must_change_password
    with uow_factory() as uow:
        with pytest.raises(ValidationError) as wrong_old:
            auth.change_password(uow, user_id=actor.user_id, old_password="guess-guess", new_password="baru-sekali-1")
        assert wrong_old.value.field == "old_password"
        with pytest.raises(ValidationError) as same:
            auth.change_password(uow, user_id=actor.user_id, old_password="sementara-123",
                                 new_password="sementara-123")
        assert same.value.field == "new_password"
        changed = auth.change_password(uow, user_id=actor.user_id, old_password="sementara-123",
                                       new_password="baru-sekali-1")
        uow.commit()
    assert not changed.must_change_password
    assert not sign_in(uow_factory, "siti", "baru-sekali-1").must_change_password
    with pytest.raises(auth.SignInFailed):
        sign_in(uow_factory, "siti", "sementara-123")
    assert {"user.password_reset", "auth.password_changed"} <= set(audit_actions(uow_factory))


def test_a_reset_also_lifts_a_lockout(uow_factory, admin):
    add_user(uow_factory, admin)
    for _ in range(5):
        with pytest.raises(auth.SignInFailed):
            sign_in(uow_factory, "siti", "wrong-password", now=T0)
    with uow_factory(actor=admin) as uow:
        auth.reset_password(uow, username="siti", new_password="sementara-123")
        uow.commit()
    assert sign_in(uow_factory, "siti", "sementara-123", now=T0).username == "siti"


def test_list_users_shows_accounts_without_hashes(uow_factory, admin):
    add_user(uow_factory, admin, username="siti")
    add_user(uow_factory, admin, username="budi.p", role=Role.COMPLAINTS, full_name="Budi Permana")
    with uow_factory(write=False, actor=admin) as uow:
        users = auth.list_users(uow)
    assert [(u.username, u.role) for u in users] == [("admin", Role.ADMIN), ("budi.p", Role.COMPLAINTS),
                                                     ("siti", Role.COUNTER)]
    assert "password_hash" not in users[0].as_dict() and users[0].as_dict()["role"] == "administrator"


def test_hash_is_upgraded_when_the_parameters_change(uow_factory, admin, monkeypatch):
    add_user(uow_factory, admin)
    before = user_row(uow_factory, "siti").password_hash
    assert "m=1024,t=1,p=1" in before
    monkeypatch.setitem(auth.HASH_PARAMETERS, "memory_cost", 2048)
    monkeypatch.setitem(auth.HASH_PARAMETERS, "time_cost", 2)
    sign_in(uow_factory, "siti", PASSWORD)
    after = user_row(uow_factory, "siti").password_hash
    assert after != before and "m=2048,t=2,p=1" in after
    assert sign_in(uow_factory, "siti", PASSWORD).username == "siti"
    assert user_row(uow_factory, "siti").password_hash == after  # no rehash when nothing changed


# --- administrator PIN ----------------------------------------------------------------------


def test_admin_pin_lets_a_kiosk_be_left_and_wrong_pins_lock(uow_factory, admin):
    add_user(uow_factory, admin)
    with uow_factory(actor=admin) as uow:
        with pytest.raises(ValidationError) as weak:
            auth.set_pin(uow, username="admin", pin="123456")
        assert "deret" in weak.value.text("id")
        with pytest.raises(ValidationError):
            auth.set_pin(uow, username="admin", pin="12a456")
        with pytest.raises(ValidationError) as not_admin:
            auth.set_pin(uow, username="siti", pin="975310")
        assert not_admin.value.text("id") == "Hanya administrator yang dapat memiliki PIN."
        auth.set_pin(uow, username="admin", pin="975310")
        uow.commit()

    def check(pin, now=T0):
        with uow_factory() as uow:
            try:
                return auth.verify_admin_pin(uow, pin=pin, now=now)
            finally:
                uow.commit()

    assert check("975310") is True
    for _ in range(4):
        assert check("000001") is False
    assert check("975310") is True  # a right PIN resets the count
    for _ in range(5):
        assert check("000001") is False
    with pytest.raises(auth.PinLocked):
        check("975310", now=T0 + dt.timedelta(minutes=14))
    assert check("975310", now=T0 + dt.timedelta(minutes=15)) is True
    actions = audit_actions(uow_factory)
    assert actions.count("auth.pin_failed") == 9 and actions.count("auth.pin_accepted") == 3


def test_a_disabled_administrators_pin_no_longer_works(uow_factory, admin):
    add_user(uow_factory, admin, username="kepala", role=Role.ADMIN)
    with uow_factory(actor=admin) as uow:
        auth.set_pin(uow, username="kepala", pin="864200")
        auth.disable_user(uow, username="kepala")
        uow.commit()
    with uow_factory() as uow:
        assert auth.verify_admin_pin(uow, pin="864200") is False


# --- no personal data in logs or audit ---------------------------------------------------------


def test_no_personal_data_in_logs_or_the_audit_trail(uow_factory, admin, caplog):
    caplog.set_level(logging.DEBUG)
    add_user(uow_factory, admin, username="rina", full_name="Rina Kartika Sari")
    sign_in(uow_factory, "rina", PASSWORD)
    with pytest.raises(auth.SignInFailed):
        sign_in(uow_factory, "rina", "Kartika-secret-9")
    with uow_factory(actor=admin) as uow:
        auth.update_user(uow, username="rina", full_name="Rina K. Sari")
        uow.commit()
    with uow_factory(write=False) as uow:
        trail = " ".join(audit.canonical(e) for e in uow.session.scalars(select(AuditEntry)))
    for secret in ("Rina Kartika Sari", "Kartika", "Rina K. Sari", PASSWORD, "Kartika-secret-9", "Budi Santoso"):
        assert secret not in caplog.text
        assert secret not in trail
    assert "user.updated" in trail and '"full_name":{"redacted":true}' in trail
