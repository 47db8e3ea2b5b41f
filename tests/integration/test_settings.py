"""Stored settings: defaults, per-PC values, checks, permissions, audit and versioned upgrades."""

from __future__ import annotations

import sqlite3
import uuid

import pytest
from sqlalchemy import func, select

from mpp_desk import auth, settings
from mpp_desk.errors import PermissionDenied, ValidationError
from mpp_desk.models import AuditEntry, OutboxEntry, SettingValue
from mpp_desk.roles import Actor, Role


@pytest.fixture(autouse=True)
def fast_hashing(monkeypatch):
    monkeypatch.setitem(auth.HASH_PARAMETERS, "time_cost", 1)
    monkeypatch.setitem(auth.HASH_PARAMETERS, "memory_cost", 1024)
    monkeypatch.setitem(auth.HASH_PARAMETERS, "parallelism", 1)


@pytest.fixture
def admin(uow_factory):
    with uow_factory() as uow:
        actor = auth.first_run_setup(uow, office_name="MPP Bale Madukara", office_address="Jl. Jend. Sudirman",
                                     admin_username="admin", admin_full_name="Budi Santoso",
                                     password="Purwakarta-2026")
        uow.commit()
    return actor


def count(uow_factory, model, *where) -> int:
    with uow_factory(write=False) as uow:
        return uow.session.scalar(select(func.count()).select_from(model).where(*where))


def test_nothing_stored_means_every_default(uow_factory):
    with uow_factory(write=False) as uow:
        values = settings.all_settings(uow)
        assert settings.get(uow, "security.idle_lock_minutes") == 5
    assert values == {key: s.default for key, s in settings.SETTINGS.items()}
    assert count(uow_factory, SettingValue) == 0


def test_admin_changes_a_setting_and_it_is_audited_with_old_and_new(uow_factory, admin):
    with uow_factory(actor=admin) as uow:
        assert settings.set(uow, key="pc.counter_number", value=3) == 3
        settings.set(uow, key="pc.counter_name", value="  Loket Perizinan ")
        uow.commit()
    with uow_factory(write=False) as uow:
        assert settings.get(uow, "pc.counter_number") == 3
        assert settings.all_settings(uow)["pc.counter_name"] == "Loket Perizinan"
        entry = uow.session.scalar(
            select(AuditEntry).where(AuditEntry.action == "settings.changed", AuditEntry.entity_id == "pc.counter_number")
        )
    assert entry.details == {"key": "pc.counter_number", "scope": "pc", "old": 1, "new": 3}
    assert entry.actor_username == "admin"


def test_setting_the_same_value_again_writes_nothing(uow_factory, admin):
    with uow_factory(actor=admin) as uow:
        settings.set(uow, key="ui.language", value="en")
        uow.commit()
    audits = count(uow_factory, AuditEntry)
    outbox = count(uow_factory, OutboxEntry)
    with uow_factory(actor=admin) as uow:
        settings.set(uow, key="ui.language", value="en")
        settings.set(uow, key="security.lockout_minutes", value=15)  # the default, never stored
        uow.commit()
    assert count(uow_factory, AuditEntry) == audits and count(uow_factory, OutboxEntry) == outbox


@pytest.mark.parametrize("key", ["printer.ticket", "printer.receipt"])
@pytest.mark.parametrize("spec", ["escpos-file:/etc/passwd", "escpos-file:/home/kasir/mpp-desk.sqlite3",
                                  "escpos-file:C:\\Windows\\win.ini", "escpos-file:../../etc/hosts", "laser",
                                  "pdf:../../etc", "pdf:/etc/cron.d", "pdf:tickets/../../.."])
def test_printer_settings_point_only_at_devices_and_inside_the_data_folder(uow_factory, admin, key, spec):
    stored = count(uow_factory, SettingValue)
    with uow_factory(actor=admin) as uow:
        with pytest.raises(ValidationError) as refused:
            settings.set(uow, key=key, value=spec)
        assert refused.value.field == key
        uow.rollback()
    assert count(uow_factory, SettingValue) == stored


def test_printer_settings_that_are_fine_and_an_outside_folder_confirmed_by_the_administrator(uow_factory, admin,
                                                                                             tmp_path):
    with uow_factory(actor=admin) as uow:
        for spec in ("escpos-file:/dev/usb/lp0", "escpos-file:COM3", "pdf", "pdf:tiket", "escpos-usb:0x0416:0x5011"):
            assert settings.set(uow, key="printer.receipt", value=spec) == spec
        outside = f"pdf:{tmp_path / 'shared'}"
        with pytest.raises(ValidationError) as refused:
            settings.set(uow, key="printer.ticket", value=outside)
        assert "di luar folder data" in refused.value.text("id")
        assert settings.set(uow, key="printer.ticket", value=outside, outside_data_folder=True) == outside
        uow.commit()


def test_the_verification_address_printed_in_qr_codes_is_https_only(uow_factory, admin):
    with uow_factory(actor=admin) as uow:
        with pytest.raises(ValidationError) as refused:
            settings.set(uow, key="receipts.verify_base_url", value="http://mpp.purwakartakab.go.id/v/")
        assert "https://" in refused.value.text("id")
        settings.set(uow, key="receipts.verify_base_url", value="https://mpp.example.go.id/v/")
        uow.commit()


def test_invalid_values_are_refused_and_nothing_is_stored(uow_factory, admin):
    stored = count(uow_factory, SettingValue)
    with uow_factory(actor=admin) as uow:
        with pytest.raises(ValidationError) as info:
            settings.set(uow, key="security.idle_lock_minutes", value=0)
        assert info.value.field == "security.idle_lock_minutes"
        with pytest.raises(ValidationError):
            settings.set(uow, key="printer.ticket", value="laser")
        with pytest.raises(ValidationError):
            settings.set(uow, key="settings.version", value=99)
        with pytest.raises(settings.UnknownSetting):
            settings.set(uow, key="office.colour", value="blue")
        uow.commit()
    assert count(uow_factory, SettingValue) == stored


@pytest.mark.parametrize("role", [Role.COUNTER, Role.SUPERVISOR, Role.COMPLAINTS])
def test_only_administrators_change_settings(uow_factory, admin, role):
    officer = Actor(user_id=None, username="officer", role=role)
    with uow_factory(actor=officer) as uow:
        for key, value in (("office.name", "Lain"), ("pc.counter_number", 9)):
            with pytest.raises(PermissionDenied):
                settings.set(uow, key=key, value=value)
    with uow_factory(actor=None) as uow:  # nobody signed in
        with pytest.raises(PermissionDenied):
            settings.set(uow, key="pc.counter_number", value=9)
    with uow_factory(write=False) as uow:
        assert settings.get(uow, "pc.counter_number") == 1 and settings.get(uow, "office.name") == "MPP Bale Madukara"


def test_pc_settings_belong_to_one_device_and_office_settings_to_all(uow_factory, db):
    with uow_factory() as uow:
        settings.set(uow, key="pc.counter_number", value=4)
        settings.set(uow, key="office.name", value="MPP Purwakarta")
        # what another PC stored, as sync would bring it
        uow.session.add(SettingValue(id=uuid.uuid4(), scope="pc", pc_id="another-pc", key="pc.counter_number", value=7))
        uow.session.add(SettingValue(id=uuid.uuid4(), scope="pc", pc_id="another-pc", key="ui.language", value="en"))
        uow.commit()
    with uow_factory(write=False) as uow:
        assert settings.get(uow, "pc.counter_number") == 4
        assert settings.get(uow, "ui.language") == "id"
        assert settings.all_settings(uow)["pc.counter_number"] == 4
        rows = {(r.scope, r.pc_id, r.key): r for r in uow.session.scalars(select(SettingValue))}
    assert rows[("pc", db.device_id, "pc.counter_number")].value == 4
    office = rows[("office", "", "office.name")]
    # the same id on every PC, so two PCs setting it offline update one record
    assert office.id == uuid.uuid5(settings._ROW_NAMESPACE, "office::office.name")


def test_a_damaged_stored_value_falls_back_to_the_default(uow_factory, db, admin):
    with uow_factory(actor=admin) as uow:
        settings.set(uow, key="security.idle_lock_minutes", value=10)
        uow.commit()
    con = sqlite3.connect(db.path)
    con.execute("UPDATE setting SET value = '\"ten\"' WHERE key = 'security.idle_lock_minutes'")
    con.commit()
    con.close()
    with uow_factory(write=False) as uow:
        assert settings.get(uow, "security.idle_lock_minutes") == 5


def test_upgrade_runs_each_step_once_in_order_and_stores_the_version(uow_factory, monkeypatch):
    ran: list[int] = []
    monkeypatch.setattr(settings, "SETTINGS_VERSION", 3)
    monkeypatch.setattr(settings, "UPGRADES", {1: lambda uow: ran.append(1), 2: lambda uow: ran.append(2),
                                               3: lambda uow: ran.append(3)})
    with uow_factory() as uow:
        assert settings.upgrade(uow) is True
        uow.commit()
    assert ran == [1, 2, 3]
    with uow_factory() as uow:
        assert settings.upgrade(uow) is False
    assert ran == [1, 2, 3]
    with uow_factory(write=False) as uow:
        assert settings.get(uow, "settings.version") == 3
        entry = uow.session.scalar(select(AuditEntry).where(AuditEntry.action == "settings.upgraded"))
    assert entry.details == {"from": 0, "to": 3}
    monkeypatch.setattr(settings, "SETTINGS_VERSION", 4)
    monkeypatch.setitem(settings.UPGRADES, 4, lambda uow: ran.append(4))
    with uow_factory() as uow:
        assert settings.upgrade(uow) is True
        uow.commit()
    assert ran == [1, 2, 3, 4]


def test_an_upgrade_step_can_convert_a_stored_value(uow_factory, monkeypatch):
    with uow_factory() as uow:
        settings.upgrade(uow)
        uow.session.add(SettingValue(id=uuid.uuid4(), scope="pc", pc_id=uow.device_id, key="printer.ticket",
                                     value="usb:0416:5011"))  # an older, shorter form
        uow.commit()

    def to_2(uow):
        row = uow.session.scalar(select(SettingValue).where(SettingValue.key == "printer.ticket"))
        vendor, product = row.value.split(":")[1:]
        row.value = f"escpos-usb:0x{vendor}:0x{product}"

    monkeypatch.setattr(settings, "SETTINGS_VERSION", 2)
    monkeypatch.setitem(settings.UPGRADES, 2, to_2)
    with uow_factory() as uow:
        settings.upgrade(uow)
        uow.commit()
    with uow_factory(write=False) as uow:
        assert settings.get(uow, "printer.ticket") == "escpos-usb:0x0416:0x5011"


def test_opening_the_app_upgrades_the_settings(app_ctx):
    with app_ctx.uow(write=False) as uow:
        assert settings.get(uow, "settings.version") == settings.SETTINGS_VERSION
    app_ctx.close()
    app_ctx.open()  # a second start finds nothing to do
    with app_ctx.uow(write=False) as uow:
        n = uow.session.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "settings.upgraded"))
    assert n == 1
