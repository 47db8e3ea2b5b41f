"""The settings registry: every setting declared once, with a valid default and a label."""

from __future__ import annotations

import pytest

from mpp_desk import settings
from mpp_desk.errors import ValidationError
from mpp_desk.i18n import translate
from mpp_desk.roles import Role
from mpp_desk.settings import SETTINGS


def test_the_issue_settings_are_declared_with_their_defaults():
    expected = {
        "office.name": "office",
        "office.address": "office",
        "office.government": "office",
        "office.agency": "office",
        "office.logo": "office",
        "calendar.confirmed_through": "office",
        "pc.role": "pc",
        "pc.counter_number": "pc",
        "pc.counter_name": "pc",
        "printer.receipt": "pc",
        "printer.ticket": "pc",
        "ui.language": "pc",
        "security.idle_lock_minutes": "office",
        "security.max_failed_sign_ins": "office",
        "security.lockout_minutes": "office",
        "server.url": "pc",
        "receipts.verify_base_url": "office",
        "display.running_text": "office",
        "queue.offline_calling": "office",
        "display.speaker_zone": "pc",
        "backup.keep_daily": "pc",
        "backup.keep_weekly": "pc",
        "backup.keep_monthly": "pc",
        "retention.intake_years": "office",
        "retention.visit_years": "office",
        "retention.complaint_years": "office",
        "settings.version": "pc",
    }
    assert {k: s.scope for k, s in SETTINGS.items()} == expected
    assert SETTINGS["security.idle_lock_minutes"].default == 5
    assert SETTINGS["security.max_failed_sign_ins"].default == 5
    assert SETTINGS["security.lockout_minutes"].default == 15
    assert SETTINGS["queue.offline_calling"].default is False  # counters call offline only once the supervisor says
    assert SETTINGS["receipts.verify_base_url"].default == "https://mpp.purwakartakab.go.id/v/"
    assert SETTINGS["ui.language"].default == "id"
    assert SETTINGS["server.url"].default == ""
    assert SETTINGS["display.speaker_zone"].default == ""  # no zone: the board speaks alone
    assert (SETTINGS["backup.keep_daily"].default, SETTINGS["retention.intake_years"].default) == (7, 5)


@pytest.mark.parametrize("key", list(SETTINGS))
def test_every_default_passes_its_own_checks_and_every_label_is_translated(key):
    setting = SETTINGS[key]
    assert setting.coerce(setting.default) == setting.default
    assert isinstance(setting.default, setting.type)
    assert translate("settings", setting.label, "id") != setting.label


def test_pc_role_offers_the_staff_roles_and_the_machine_modes():
    assert set(SETTINGS["pc.role"].choices) == {r.value for r in Role} | {"kiosk", "display"}
    with pytest.raises(ValidationError) as info:
        SETTINGS["pc.role"].coerce("janitor")
    assert info.value.field == "pc.role"
    assert "Pilih salah satu" in info.value.text("id")


def test_numbers_are_checked_for_type_and_range():
    counter = SETTINGS["pc.counter_number"]
    assert counter.coerce(12) == 12
    assert counter.parse(" 7 ") == 7
    for bad in (0, 100, True, "3", 2.0):
        with pytest.raises(ValidationError):
            counter.coerce(bad)
    with pytest.raises(ValidationError) as info:
        counter.parse("tiga")
    assert info.value.text("id") == "Isi dengan bilangan bulat."
    with pytest.raises(ValidationError) as info:
        SETTINGS["security.idle_lock_minutes"].coerce(0)
    assert info.value.text("id") == "Isi angka dari 1 sampai 120."


def test_text_settings_are_trimmed_and_required_ones_refuse_empty():
    assert SETTINGS["office.name"].coerce("  MPP Bale Madukara ") == "MPP Bale Madukara"
    with pytest.raises(ValidationError):
        SETTINGS["office.name"].coerce("   ")
    with pytest.raises(ValidationError):
        SETTINGS["pc.counter_name"].coerce("x" * 101)
    assert SETTINGS["server.url"].coerce("") == ""
    assert SETTINGS["server.url"].coerce("https://mpp-central.local:8443") == "https://mpp-central.local:8443"
    with pytest.raises(ValidationError):
        SETTINGS["server.url"].coerce("ftp://example")
    with pytest.raises(ValidationError):
        SETTINGS["receipts.verify_base_url"].coerce("")


@pytest.mark.parametrize(
    "spec",
    ["", "pdf", "pdf:/srv/tiket", "escpos-usb:0x0416:0x5011", "escpos-net:192.168.1.50",
     "escpos-net:printer-loket.local:9101", "escpos-file:/dev/usb/lp0", "system:EPSON L3110"],
)
def test_printer_specs_the_printing_module_builds_are_accepted(spec):
    assert SETTINGS["printer.ticket"].coerce(spec) == spec


@pytest.mark.parametrize(
    "spec", ["usb", "escpos-usb:0x04161:0x5011", "escpos-usb:vendor:product", "escpos-net:", "escpos-net:host:99999",
             "escpos-net:bad host", "system:", "PDF ", "escpos-file:"]
)
def test_bad_printer_specs_are_refused(spec):
    with pytest.raises(ValidationError) as refused:
        SETTINGS["printer.ticket"].coerce(spec)
    assert refused.value.field == "printer.ticket"


def test_upgrades_are_numbered_one_by_one_up_to_the_current_version():
    assert sorted(settings.UPGRADES) == list(range(1, settings.SETTINGS_VERSION + 1))
    assert SETTINGS[settings.VERSION_KEY].internal


def test_unknown_key_is_a_clear_error():
    with pytest.raises(settings.UnknownSetting) as info:
        settings.declared("office.nmae")
    assert info.value.text("id") == "Tidak ada pengaturan bernama office.nmae."
