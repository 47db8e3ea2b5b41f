"""Every setting in one typed registry, with its default, scope and label.

Two scopes: "office" settings are the same on every PC (synced), "pc" settings belong
to this device only (stored under its device id). Only values changed from the default
are stored (table ``setting``). The stored settings carry a schema version per PC;
:func:`upgrade`, run when the database opens, converts old stored values step by step
(``UPGRADES``), like Picard's ``config_upgrade.py``.

    settings.get(uow, "security.idle_lock_minutes")          # -> 5
    settings.set(uow, key="pc.counter_number", value=3)
"""

from __future__ import annotations

import logging
import re
import uuid
from pathlib import Path
from dataclasses import dataclass
from typing import Any, Callable

from sqlalchemy import func, select

from mpp_desk import audit
from mpp_desk.errors import PermissionDenied, UserError, ValidationError
from mpp_desk.i18n import N_, translate
from mpp_desk.models import SettingValue, StaffUser
from mpp_desk.printing.letterhead import Letterhead
from mpp_desk.roles import MACHINE_MODES, Permission, Role, authorize, pc_role_label
from mpp_desk.uow import UnitOfWork

log = logging.getLogger(__name__)

OFFICE = SettingValue.OFFICE
PC = SettingValue.PC

SETTINGS_VERSION = 1
VERSION_KEY = "settings.version"

PC_ROLES: tuple[str, ...] = (*(r.value for r in Role), *MACHINE_MODES)
LANGUAGES = ("id", "en")
# Each language by its own name, as language choosers show them (not translated).
LANGUAGE_NAMES = {"id": "Bahasa Indonesia", "en": "English"}


def language_name(value: str, language: str | None = None) -> str:
    """The name of an interface language: "id" -> "Bahasa Indonesia"."""
    return LANGUAGE_NAMES.get(value, value)

_ROW_NAMESPACE = uuid.UUID("5f0b7c0e-3d1a-4a7e-9b8e-6d2f4c1a9e01")


class UnknownSetting(UserError):
    """No setting has this key."""


# --- validators (each returns an error message, or None when the value is fine) ----------

_URL = re.compile(r"^https?://[^\s/?#]+(:\d{1,5})?(/[^\s]*)?$")


def _printer_spec(value: str) -> str | None:
    """The printer string must be one the printing module can build (one parser for both)."""
    from mpp_desk.printing.printers import PrinterSpecError, printer_from_setting  # lazy: reportlab (~35 ms) only when a printer is set

    try:
        printer_from_setting(value, data_dir=Path("."))  # "pdf" alone means the data folder: any will do here
    except PrinterSpecError:
        return N_(
            "errors",
            "Printer not recognised. Use escpos-usb:VENDOR:PRODUCT, escpos-net:ADDRESS[:PORT], "
            "escpos-file:DEVICE, system:PRINTER NAME, pdf or pdf:FOLDER.",
        )
    return None


def _url(value: str) -> str | None:
    if not _URL.match(value):
        return N_("errors", "Enter a web address that starts with https:// or http://.")
    return None


def _https_url(value: str) -> str | None:
    """An address printed in QR codes for anyone to check: https only (http can be rewritten on the way)."""
    if not _URL.match(value) or not value.lower().startswith("https://"):
        return N_("errors", "Enter a web address that starts with https://.")
    return None


def _url_or_empty(value: str) -> str | None:
    return _url(value) if value else None


def _image_path_or_empty(value: str) -> str | None:
    """A logo file: a PNG or JPEG path (a missing file on one PC prints the letterhead without it)."""
    if value and not value.lower().endswith((".png", ".jpg", ".jpeg")):
        return N_("errors", "Choose a PNG or JPEG file.")
    return None


def _speaker_zone(value: str) -> str | None:
    """A speaker zone's name: letters, digits, "-", "_" or "." ("lantai-1"); empty: the board speaks alone."""
    if value and not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{0,39}", value):
        return N_("errors", "Use letters, digits and hyphens only, such as lantai-1.")
    return None


# --- declarations ------------------------------------------------------------------------


@dataclass(frozen=True)
class Setting:
    """One setting's declaration. ``label`` is the English source; translate it with :meth:`label_text`."""

    key: str
    type: type
    default: Any
    scope: str
    label: str
    choices: tuple[str, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    max_length: int = 500
    required: bool = False
    validator: Callable[[Any], str | None] | None = None
    secret: bool = False  # its values never go into the audit trail
    internal: bool = False  # kept by the application, not changed through set()
    choice_label: Callable[[str, str | None], str] | None = None  # what a choice is called on screen

    def label_text(self, language: str | None = None) -> str:
        return translate("settings", self.label, language)

    def choice_text(self, value: str, language: str | None = None) -> str:
        """How one of :attr:`choices` is shown ("counter" -> "Petugas loket"); never the raw value."""
        return self.choice_label(value, language) if self.choice_label is not None else value

    def coerce(self, value: Any) -> Any:
        """The value in this setting's type, checked; raise ValidationError (field = key) if it is not acceptable."""
        if self.type is bool:
            if not isinstance(value, bool):
                raise ValidationError(N_("errors", "Choose yes or no."), field=self.key)
            return value
        if self.type is int:
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValidationError(N_("errors", "Enter a whole number."), field=self.key)
            if (self.minimum is not None and value < self.minimum) or (self.maximum is not None and value > self.maximum):
                raise ValidationError(
                    N_("errors", "Enter a number from {minimum} to {maximum}."),
                    field=self.key,
                    minimum=self.minimum,
                    maximum=self.maximum,
                )
            return value
        if not isinstance(value, str):
            raise ValidationError(N_("errors", "Enter text."), field=self.key)
        value = value.strip()
        if self.required and not value:
            raise ValidationError(N_("errors", "This cannot be empty."), field=self.key)
        if len(value) > self.max_length:
            raise ValidationError(
                N_("errors", "This is too long (at most {maximum} characters)."), field=self.key, maximum=self.max_length
            )
        if self.choices and value not in self.choices:
            raise ValidationError(
                N_("errors", "Choose one of: {choices}."), field=self.key, choices=", ".join(self.choices)
            )
        if self.validator is not None:
            problem = self.validator(value)
            if problem:
                raise ValidationError(problem, field=self.key)
        return value

    def parse(self, text: str) -> Any:
        """Read a value typed in a terminal ("3", "yes", "https://...") and check it."""
        if self.type is int:
            try:
                return self.coerce(int(text.strip()))
            except ValueError:
                raise ValidationError(N_("errors", "Enter a whole number."), field=self.key) from None
        if self.type is bool:
            lowered = text.strip().lower()
            if lowered in ("1", "true", "yes", "ya", "on"):
                return True
            if lowered in ("0", "false", "no", "tidak", "off"):
                return False
            raise ValidationError(N_("errors", "Choose yes or no."), field=self.key)
        return self.coerce(text)


_DECLARATIONS: tuple[Setting, ...] = (
    Setting("office.name", str, "Mal Pelayanan Publik Bale Madukara", OFFICE, N_("settings", "Office name"),
            required=True, max_length=200),
    Setting("office.address", str,
            "Jalan Jenderal Sudirman, Kelurahan Nagrikaler, Kecamatan Purwakarta, Kabupaten Purwakarta, "
            "Jawa Barat 41115", OFFICE, N_("settings", "Office address"), max_length=500),
    Setting("office.government", str, "PEMERINTAH KABUPATEN PURWAKARTA", OFFICE,
            N_("settings", "Letterhead: government"), max_length=200),
    Setting("office.agency", str, "DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU", OFFICE,
            N_("settings", "Letterhead: agency"), max_length=200),
    Setting("office.logo", str, "", OFFICE, N_("settings", "Letterhead logo (PNG or JPEG file)"), max_length=300,
            validator=_image_path_or_empty),
    Setting("pc.role", str, Role.COUNTER.value, PC, N_("settings", "Role of this PC"), choices=PC_ROLES,
            choice_label=pc_role_label),
    Setting("pc.counter_number", int, 1, PC, N_("settings", "Counter number"), minimum=1, maximum=99),
    Setting("pc.counter_name", str, "", PC, N_("settings", "Counter name"), max_length=100),
    Setting("printer.receipt", str, "", PC, N_("settings", "Receipt printer"), max_length=200,
            validator=_printer_spec),
    Setting("printer.ticket", str, "", PC, N_("settings", "Queue ticket printer"), max_length=200,
            validator=_printer_spec),
    Setting("ui.language", str, "id", PC, N_("settings", "Language"), choices=LANGUAGES,
            choice_label=language_name),
    Setting("security.idle_lock_minutes", int, 5, OFFICE, N_("settings", "Lock the screen after this many idle minutes"),
            minimum=1, maximum=120),
    Setting("security.max_failed_sign_ins", int, 5, OFFICE,
            N_("settings", "Failed sign-ins before an account is locked"), minimum=3, maximum=20),
    Setting("security.lockout_minutes", int, 15, OFFICE, N_("settings", "Minutes an account stays locked"),
            minimum=1, maximum=1440),
    Setting("server.url", str, "", PC, N_("settings", "Central server address"), max_length=300,
            validator=_url_or_empty),
    Setting("receipts.verify_base_url", str, "https://mpp.purwakartakab.go.id/v/", OFFICE,
            N_("settings", "Receipt verification address"), required=True, max_length=300, validator=_https_url),
    Setting("calendar.confirmed_through", int, 2027, OFFICE,
            N_("settings", "Cuti bersama decreed and entered up to the year"), minimum=2000, maximum=2100),
    Setting("display.running_text", str, "", OFFICE, N_("settings", "Running text of the display board"),
            max_length=500),
    # a counter PC that lost the queue server calls from the last waiting list it received (docs/queue.md)
    Setting("queue.offline_calling", bool, False, OFFICE,
            N_("settings", "Counters may call offline from the last known waiting list")),
    # one speaker per zone (mpp_desk/queue/speaker.py): boards of one zone speak each call once, through the server
    Setting("display.speaker_zone", str, "", PC,
            N_("settings", "Speaker zone of this display board (boards of one zone speak a call once)"), max_length=40,
            validator=_speaker_zone),
    # backups (mpp_desk/backup.py): kept by the app's rotation in <data folder>/backups/auto
    Setting("backup.keep_daily", int, 7, PC, N_("settings", "Daily backups to keep"), minimum=1, maximum=365),
    Setting("backup.keep_weekly", int, 4, PC, N_("settings", "Weekly backups to keep"), minimum=0, maximum=520),
    Setting("backup.keep_monthly", int, 12, PC, N_("settings", "Monthly backups to keep"), minimum=0, maximum=240),
    # retention of personal data under UU 27/2022 (mpp_desk/retention.py), counted from the file's last event
    Setting("retention.intake_years", int, 5, OFFICE,
            N_("settings", "Years to keep applicants' personal data after a file is handed over or rejected"),
            minimum=1, maximum=50),
    Setting("retention.visit_years", int, 2, OFFICE,
            N_("settings", "Years to keep applicants' personal data of incomplete or cancelled visits"),
            minimum=1, maximum=50),
    Setting("retention.complaint_years", int, 3, OFFICE,
            N_("settings", "Years to keep reporters' personal data after a complaint is closed"),
            minimum=1, maximum=50),
    Setting(VERSION_KEY, int, 0, PC, N_("settings", "Settings schema version"), minimum=0, internal=True),
)

SETTINGS: dict[str, Setting] = {s.key: s for s in _DECLARATIONS}


def declared(key: str) -> Setting:
    """The declaration of *key*; raise UnknownSetting if there is none."""
    try:
        return SETTINGS[key]
    except KeyError:
        raise UnknownSetting(N_("errors", "There is no setting named {key}."), key=key) from None


# --- reading and writing -----------------------------------------------------------------


def _pc_id(uow: UnitOfWork, setting: Setting) -> str:
    return uow.device_id if setting.scope == PC else ""


def _row(uow: UnitOfWork, setting: Setting) -> SettingValue | None:
    assert uow.session is not None
    return uow.session.scalar(
        select(SettingValue).where(
            SettingValue.scope == setting.scope,
            SettingValue.pc_id == _pc_id(uow, setting),
            SettingValue.key == setting.key,
        )
    )


def _effective(setting: Setting, row: SettingValue | None) -> Any:
    if row is None or row.deleted_at is not None:
        return setting.default
    try:
        return setting.coerce(row.value)
    except ValidationError:
        log.warning("stored value of setting %s is not valid; using its default", setting.key)
        return setting.default


def get(uow: UnitOfWork, key: str) -> Any:
    """The value of setting *key*: the stored one, else its default."""
    setting = declared(key)
    return _effective(setting, _row(uow, setting))


@dataclass(frozen=True)
class ReceiptSettings:
    """What every printed receipt and ticket says about the office, and where its QR code points."""

    office_name: str
    office_address: str
    verify_base_url: str
    government: str = ""
    agency: str = ""
    logo: str = ""

    @property
    def letterhead(self) -> Letterhead:
        """The letterhead (kop) of every printed paper."""
        return Letterhead(government=self.government, agency=self.agency, office_name=self.office_name,
                          address=self.office_address, logo=self.logo)


RECEIPT_KEYS = {"office_name": "office.name", "office_address": "office.address",
                "verify_base_url": "receipts.verify_base_url", "government": "office.government",
                "agency": "office.agency", "logo": "office.logo"}


def receipt_settings(uow: UnitOfWork) -> ReceiptSettings:
    """The office name, address and verification address for a receipt, read through :func:`get`.

    A setting that cannot be read (a broken row, a database without the table) gives its declared
    default: a broken setting must not stop a ticket or a receipt.
    """
    values = {}
    for name, key in RECEIPT_KEYS.items():
        try:
            value = get(uow, key)
        except Exception:  # noqa: BLE001 - logged; the declared default is printed instead
            log.warning("setting %s unavailable; using its default", key, exc_info=True)
            value = None
        values[name] = str(value) if value is not None else str(SETTINGS[key].default or "")
    return ReceiptSettings(**values)


def all_settings(uow: UnitOfWork) -> dict[str, Any]:
    """Every setting's current value, by key (office settings and this PC's)."""
    assert uow.session is not None
    rows = {
        (r.scope, r.key): r
        for r in uow.session.scalars(
            select(SettingValue).where(
                (SettingValue.scope == OFFICE) | ((SettingValue.scope == PC) & (SettingValue.pc_id == uow.device_id))
            )
        )
    }
    return {s.key: _effective(s, rows.get((s.scope, s.key))) for s in _DECLARATIONS}


def _store(uow: UnitOfWork, setting: Setting, value: Any) -> tuple[Any, bool]:
    """Write *value* (already checked); return the previous value and whether anything changed."""
    assert uow.session is not None
    row = _row(uow, setting)
    old = _effective(setting, row)
    live = row is not None and row.deleted_at is None
    if (row is not None and live and row.value == value) or (row is None and value == setting.default):
        return old, False  # nothing to write; a default is not stored, so a later default can change it
    if row is None:
        pc_id = _pc_id(uow, setting)
        row = SettingValue(
            id=uuid.uuid5(_ROW_NAMESPACE, f"{setting.scope}:{pc_id}:{setting.key}"),
            scope=setting.scope,
            pc_id=pc_id,
            key=setting.key,
            value=value,
        )
        uow.session.add(row)
    else:
        row.value = value
        row.deleted_at = None
    return old, True


def set(  # noqa: A001 - the registry's verb
    uow: UnitOfWork, *, key: str, value: Any, outside_data_folder: bool = False
) -> Any:
    """Change a setting (checked, audited as ``settings.changed``); returns the stored value.

    A printer writing PDFs (``pdf:FOLDER``) must write inside the data folder, where the files stay
    owner-only, unless the administrator confirms a folder outside it (*outside_data_folder*).
    """
    setting = declared(key)
    if setting.internal:
        raise ValidationError(N_("errors", "This setting is kept by the application and cannot be changed."), field=key)
    authorize(uow, uow.actor, Permission.EDIT_SETTINGS)
    new = setting.coerce(value)
    if key in PRINTER_KEYS and not outside_data_folder:
        _check_pdf_folder(uow, key, new)
    old, changed = _store(uow, setting, new)
    if changed:
        _audit_change(uow, setting, old, new)
    return new


PRINTER_KEYS = ("printer.ticket", "printer.receipt")


def _check_pdf_folder(uow: UnitOfWork, key: str, spec: str) -> None:
    from mpp_desk.printing.printers import pdf_folder  # lazy: reportlab (~35 ms) only when a printer is set

    kind, _, rest = (spec or "").strip().partition(":")
    if kind != "pdf" or not rest:
        return
    data_dir = Path(uow.db.path).resolve().parent
    folder = pdf_folder(rest, data_dir)
    assert folder is not None, "a named folder with a data folder always resolves"
    try:
        folder.resolve().relative_to(data_dir)
    except (ValueError, OSError):
        raise ValidationError(
            N_("errors", "The PDF folder {folder} is outside the data folder {data}. An administrator can confirm "
                         "it (the files hold personal data and are not protected there)."),
            field=key, folder=str(folder), data=str(data_dir),
        ) from None


def set_initial(uow: UnitOfWork, *, key: str, value: Any) -> Any:
    """Store a setting during first-run setup; refused once an active administrator exists."""
    assert uow.session is not None
    admins = uow.session.scalar(
        select(func.count()).select_from(StaffUser).where(
            StaffUser.role == Role.ADMIN.value, StaffUser.active.is_(True), StaffUser.deleted_at.is_(None)
        )
    )
    if admins:
        raise PermissionDenied(N_("errors", "MPP Desk is already set up. Sign in as an administrator."))
    setting = declared(key)
    new = setting.coerce(value)
    old, changed = _store(uow, setting, new)
    if changed:
        _audit_change(uow, setting, old, new)
    return new


def _audit_change(uow: UnitOfWork, setting: Setting, old: Any, new: Any) -> None:
    details: dict[str, Any] = {"key": setting.key, "scope": setting.scope}
    if setting.secret:
        details["secret"] = True
    else:
        details.update(old=old, new=new)
    audit.record(
        uow,
        action="settings.changed",
        entity="setting",
        entity_id=setting.key,
        summary=f"{setting.key} changed",
        details=details,
    )


# --- versioned upgrades ------------------------------------------------------------------


def _upgrade_to_1(uow: UnitOfWork) -> None:
    """Version 1 is the first registry: nothing stored before it to convert."""


# version -> function that brings stored settings from version-1 to version; append, never edit.
UPGRADES: dict[int, Callable[[UnitOfWork], None]] = {
    1: _upgrade_to_1,
}


def upgrade_needed(uow: UnitOfWork) -> bool:
    """True when this PC's stored settings are older than SETTINGS_VERSION (a read only)."""
    return get(uow, VERSION_KEY) < SETTINGS_VERSION


def upgrade(uow: UnitOfWork) -> bool:
    """Bring this PC's stored settings to SETTINGS_VERSION; returns True if anything was written."""
    setting = SETTINGS[VERSION_KEY]
    current = get(uow, VERSION_KEY)
    if current >= SETTINGS_VERSION:
        if current > SETTINGS_VERSION:
            log.warning("settings version %s is newer than this program's %s", current, SETTINGS_VERSION)
        return False
    for version in range(current + 1, SETTINGS_VERSION + 1):
        UPGRADES[version](uow)
        log.info("settings upgraded to version %s", version)
    _store(uow, setting, SETTINGS_VERSION)
    audit.record(
        uow,
        action="settings.upgraded",
        entity="setting",
        entity_id=VERSION_KEY,
        summary=f"settings upgraded from version {current} to {SETTINGS_VERSION}",
        details={"from": current, "to": SETTINGS_VERSION},
    )
    return True

