"""``mpp-desk doctor``: what breaks a counter in practice, checked without changing anything.

Each check returns a :class:`Check` (ok / warn / fail / info) with a message for the IT staff:
the database (header, schema, ``integrity_check``), free disk, the day's backup, the keys, the log
folder, the receipt and ticket printers (reached, not printed on), the central server (reached, and
its clock against this PC's), the barcode scanner (a USB keyboard: looked for by name). Every check
takes what it inspects as arguments, so each can be tested by breaking that one thing.

``bundle`` zips what support needs: the report, the logs (with anything that looks like a NIK, a
phone number or an e-mail address masked), the PC's settings other than secrets, versions, the
names of the backups. Never the database, the keys, receipts or attachments.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import email.utils
import json
import os
import platform
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any, Callable

from mpp_desk import __version__, backup, officetime
from mpp_desk.i18n import N_, translate
from mpp_desk.paths import database_path
from mpp_desk.database import SQLITE_HEADER
from mpp_desk.migrations import known_revision

OK, WARN, FAIL, INFO = "ok", "warn", "fail", "info"

MIN_FREE_BYTES = 500 * 1024 * 1024  # below it: fail (SQLite, receipts and backups need room)
LOW_FREE_BYTES = 2 * 1024 * 1024 * 1024  # below it: warn
CLOCK_WARN_S = 60  # receipts and due dates are stamped with this PC's clock
CLOCK_FAIL_S = 300
BACKUP_WARN_DAYS = 2
SCANNER_WORDS = ("scanner", "barcode", "honeywell", "zebra", "datalogic", "newland", "symbol", "netum", "eyoyo",
                 "inateck", "tera")


@dataclasses.dataclass(frozen=True)
class Check:
    name: str
    status: str
    message: str  # English source, translated when shown
    params: tuple[tuple[str, Any], ...] = ()

    def text(self, language: str | None = None) -> str:
        return translate("cli", self.message, language).format(**dict(self.params))

    def as_dict(self, language: str | None = None) -> dict[str, Any]:
        return {"name": self.name, "status": self.status, "message": self.text(language),
                "details": {k: v for k, v in self.params}}


def _check(name: str, status: str, message: str, **params: Any) -> Check:
    return Check(name, status, message, tuple(params.items()))


# --- the database and the disk -------------------------------------------------------------------


def check_database(data_dir: Path) -> Check:
    path = database_path(data_dir)
    if not path.exists():
        return _check("database", WARN, N_("cli", "No database yet in {folder}: the app makes it at its first start."),
                      folder=str(data_dir))
    with open(path, "rb") as fh:
        if fh.read(16) != SQLITE_HEADER:
            return _check("database", FAIL, N_("cli", "{path} is not an SQLite database or is damaged; restore a "
                                                      "backup (mpp-desk restore)."), path=str(path))
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
        try:
            result = con.execute("PRAGMA integrity_check").fetchall()
            revision = con.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        return _check("database", FAIL, N_("cli", "The database cannot be read ({reason}); restore a backup "
                                                  "(mpp-desk restore)."), reason=str(exc))
    problems = [r[0] for r in result if r[0] != "ok"]
    if problems:
        return _check("database", FAIL, N_("cli", "The database is damaged ({detail}); restore a backup "
                                                  "(mpp-desk restore)."), detail=problems[0], problems=len(problems))
    rev = revision[0] if revision else None
    if rev is not None and not known_revision(rev):
        return _check("database", FAIL, N_("cli", "The database was made by a newer MPP Desk (schema {revision}); "
                                                  "install that version."), revision=rev)
    size = path.stat().st_size
    return _check("database", OK, N_("cli", "Database intact (schema {revision}, {size} MB)."), revision=rev,
                  size=round(size / 1e6, 1))


def check_disk(data_dir: Path, usage: Callable[[str], Any] = shutil.disk_usage) -> Check:
    folder = Path(data_dir)
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    free = usage(str(folder)).free
    params = {"free_mb": free // (1024 * 1024), "folder": str(folder)}
    if free < MIN_FREE_BYTES:
        return _check("disk", FAIL, N_("cli", "Only {free_mb} MB free on the disk of {folder}: the database and "
                                              "receipts may fail to save. Free some space."), **params)
    if free < LOW_FREE_BYTES:
        return _check("disk", WARN, N_("cli", "{free_mb} MB free on the disk of {folder}: getting low."), **params)
    return _check("disk", OK, N_("cli", "{free_mb} MB free on the disk of {folder}."), **params)


def check_backups(data_dir: Path, now: dt.datetime | None = None) -> Check:
    found = backup.list_backups(backup.auto_folder(data_dir))
    if not found:
        return _check("backup", WARN, N_("cli", "No automatic backup yet (the app makes one a day; or run "
                                                "mpp-desk backup)."))
    newest = found[0][0]
    age = (officetime.local(now or officetime.now()).date() - newest.date()).days
    status = WARN if age >= BACKUP_WARN_DAYS else OK
    return _check("backup", status, N_("cli", "Newest backup: {when} ({days} days ago), {count} kept."),
                  when=officetime.dmy_hm(newest), days=age, count=len(found))


def check_keys(data_dir: Path) -> Check:
    missing = [name for name in ("keys/signing_ed25519.pem", "keys/audit_hmac.key") if not (Path(data_dir) / name).is_file()]
    if missing and database_path(data_dir).exists():
        return _check("keys", WARN, N_("cli", "Key files missing: {files}. Receipts cannot be signed or the audit "
                                              "trail checked until they are restored from a backup."),
                      files=", ".join(missing))
    return _check("keys", OK, N_("cli", "Signing and audit keys present."))


def check_logs(data_dir: Path) -> Check:
    folder = Path(data_dir) / "logs"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        writable = os.access(folder, os.W_OK)
    except OSError:
        writable = False
    if not writable:
        return _check("logs", WARN, N_("cli", "The log folder {folder} cannot be written."), folder=str(folder))
    size = sum(p.stat().st_size for p in folder.glob("*.log*") if p.is_file())
    return _check("logs", OK, N_("cli", "Logs in {folder} ({size} KB)."), folder=str(folder), size=size // 1024)


# --- printers ------------------------------------------------------------------------------------


def check_printer(name: str, spec: str, data_dir: Path, *, timeout: float = 2.0) -> Check:
    """Whether the printer a setting names can be reached (nothing is printed)."""
    spec = (spec or "").strip()
    kind, _, rest = spec.partition(":")
    label = {"printer_receipt": N_("cli", "receipt printer"), "printer_ticket": N_("cli", "ticket printer")}[name]
    who = translate("cli", label)
    if not spec:
        return _check(name, INFO, N_("cli", "No {printer} set on this PC."), printer=who)
    if kind == "escpos-net":
        host, _, port_text = rest.rpartition(":") if rest.count(":") == 1 else (rest, "", "")
        port = int(port_text) if port_text.isdigit() else 9100
        try:
            with socket.create_connection((host, port), timeout=timeout):
                pass
        except OSError as exc:
            return _check(name, FAIL, N_("cli", "The {printer} at {address} does not answer ({reason}): is it on and "
                                                "connected?"), printer=who, address=f"{host}:{port}",
                          reason=exc.strerror or type(exc).__name__)
        return _check(name, OK, N_("cli", "The {printer} answers at {address}."), printer=who, address=f"{host}:{port}")
    if kind == "escpos-file":
        if not Path(rest).exists():
            return _check(name, FAIL, N_("cli", "The {printer} device {device} is not there: is it plugged in?"),
                          printer=who, device=rest)
        if not os.access(rest, os.W_OK):
            return _check(name, FAIL, N_("cli", "The {printer} device {device} cannot be written by this user."),
                          printer=who, device=rest)
        return _check(name, OK, N_("cli", "The {printer} device {device} is there."), printer=who, device=rest)
    if kind == "escpos-usb":
        return _usb_printer(name, who, rest)
    if kind == "system":
        lpstat = shutil.which("lpstat")
        if lpstat is None:
            return _check(name, WARN, N_("cli", "Cannot check the {printer} {queue}: lpstat is not installed."),
                          printer=who, queue=rest)
        done = subprocess.run([lpstat, "-p", rest], capture_output=True, text=True, timeout=10)
        if done.returncode != 0:
            return _check(name, FAIL, N_("cli", "The {printer} {queue} is not known to the print system."),
                          printer=who, queue=rest)
        return _check(name, OK, N_("cli", "The {printer} {queue} is known to the print system."), printer=who, queue=rest)
    if kind == "pdf":
        folder = Path(rest) if rest else Path(data_dir)
        folder = folder if folder.is_absolute() else Path(data_dir) / folder
        if folder.exists() and not os.access(folder, os.W_OK):
            return _check(name, FAIL, N_("cli", "The {printer} writes PDFs to {folder}, which cannot be written."),
                          printer=who, folder=str(folder))
        return _check(name, OK, N_("cli", "The {printer} writes PDFs to {folder}."), printer=who, folder=str(folder))
    return _check(name, FAIL, N_("cli", "The {printer} setting {spec} is not understood."), printer=who, spec=spec)


def _usb_printer(name: str, who: str, ids: str, sysfs: Path = Path("/sys/bus/usb/devices")) -> Check:
    vendor, _, product = ids.lower().partition(":")
    if sysfs.is_dir():
        for device in sysfs.iterdir():
            try:
                v = (device / "idVendor").read_text().strip()
                p = (device / "idProduct").read_text().strip()
            except OSError:
                continue
            if v == vendor.removeprefix("0x").zfill(4) and p == product.removeprefix("0x").zfill(4):
                return _check(name, OK, N_("cli", "The {printer} (USB {ids}) is plugged in."), printer=who, ids=ids)
        return _check(name, FAIL, N_("cli", "The {printer} (USB {ids}) is not plugged in or not switched on."),
                      printer=who, ids=ids)
    return _check(name, INFO, N_("cli", "Cannot look for the {printer} (USB {ids}) on this system."), printer=who, ids=ids)


# --- the server and its clock ---------------------------------------------------------------------


def check_server(data_dir: Path, *, now: Callable[[], dt.datetime] = officetime.now, timeout: float = 5.0,
                 transport=None) -> list[Check]:
    from mpp_desk.sync.client import load_joined  # lazy: httpx (~100 ms) only when this PC is joined

    try:
        joined = load_joined(data_dir)
    except Exception as exc:  # noqa: BLE001 - a damaged sync.json is a finding, not a crash
        return [_check("server", FAIL, N_("cli", "sync.json cannot be read ({reason})."), reason=str(exc))]
    if joined is None:
        return [_check("server", INFO, N_("cli", "This PC has not joined a central server (standalone)."))]
    import httpx

    verify: Any = True
    if joined.ca_file:
        ca = Path(joined.ca_file)
        verify = str(ca if ca.is_absolute() else Path(data_dir) / ca)
    try:
        with httpx.Client(timeout=timeout, verify=verify, transport=transport) as client:
            sent = now()
            response = client.get(joined.url.rstrip("/") + "/health")
            received = now()
    except httpx.HTTPError as exc:
        return [_check("server", FAIL, N_("cli", "The central server {url} cannot be reached ({reason})."),
                       url=joined.url, reason=type(exc).__name__)]
    if response.status_code != 200:
        return [_check("server", FAIL, N_("cli", "The central server {url} answered {code}."), url=joined.url,
                       code=response.status_code)]
    checks = [_check("server", OK, N_("cli", "The central server {url} answers."), url=joined.url)]
    header = response.headers.get("date")
    if not header:
        checks.append(_check("clock", INFO, N_("cli", "The server does not say its time.")))
        return checks
    server_time = email.utils.parsedate_to_datetime(header)
    here = sent + (received - sent) / 2
    skew = round((here - server_time).total_seconds())
    status = FAIL if abs(skew) >= CLOCK_FAIL_S else WARN if abs(skew) >= CLOCK_WARN_S else OK
    checks.append(_check("clock", status, N_("cli", "This PC's clock is {skew} s from the server's "
                                                    "(receipts and due dates use it; set the time automatically)."),
                         skew=skew))
    return checks


# --- the scanner ----------------------------------------------------------------------------------


def check_scanner(sysfs: Path = Path("/sys/bus/usb/devices")) -> Check:
    """A barcode scanner is a USB keyboard; it is recognised here by its product or maker name."""
    if not sysfs.is_dir():
        return _check("scanner", INFO, N_("cli", "Cannot look for a barcode scanner on this system; scan a receipt's "
                                                 "QR code in the app to test it."))
    for device in sorted(sysfs.iterdir()):
        names = []
        for field in ("manufacturer", "product"):
            try:
                names.append((device / field).read_text(errors="replace").strip())
            except OSError:
                continue
        text = " ".join(names)
        if any(word in text.lower() for word in SCANNER_WORDS):
            return _check("scanner", OK, N_("cli", "Barcode scanner found: {device}."), device=text)
    return _check("scanner", WARN, N_("cli", "No barcode scanner found among the USB devices (a scanner that "
                                             "names itself as a plain keyboard is not recognised: scan a QR code "
                                             "in the app to test it)."))


# --- all of it ------------------------------------------------------------------------------------


def _printer_settings(data_dir: Path) -> dict[str, str]:
    """This PC's printer settings, read without opening the app (no migration, no write)."""
    path = database_path(data_dir)
    found = {"printer.receipt": "", "printer.ticket": ""}
    if not path.exists():
        return found
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
        try:
            device = con.execute("SELECT value FROM local_state WHERE key = 'device_id'").fetchone()
            rows = con.execute("SELECT key, value FROM setting WHERE key IN ('printer.receipt', 'printer.ticket') "
                               "AND scope = 'pc' AND pc_id = ? AND deleted_at IS NULL",
                               (device[0] if device else "",)).fetchall()
        finally:
            con.close()
    except sqlite3.DatabaseError:
        return found
    for key, value in rows:
        try:
            found[key] = json.loads(value) if isinstance(value, str) else value
        except ValueError:
            found[key] = value
    return found


def run_all(data_dir: Path, *, with_network: bool = True) -> list[Check]:
    data_dir = Path(data_dir)
    checks = [check_database(data_dir), check_disk(data_dir), check_backups(data_dir), check_keys(data_dir),
              check_logs(data_dir)]
    printers = _printer_settings(data_dir)
    checks.append(check_printer("printer_receipt", str(printers["printer.receipt"] or ""), data_dir))
    checks.append(check_printer("printer_ticket", str(printers["printer.ticket"] or ""), data_dir))
    if with_network:
        checks.extend(check_server(data_dir))
    checks.append(check_scanner())
    return checks


def worst(checks: list[Check]) -> str:
    order = {INFO: 0, OK: 0, WARN: 1, FAIL: 2}
    return max((c.status for c in checks), key=lambda s: order[s], default=OK)


# --- the support bundle ---------------------------------------------------------------------------

_PERSONAL = (
    (re.compile(r"(?<!\d)\d{16}(?!\d)"), "################"),  # NIK, 16-digit NPWP
    (re.compile(r"(?<![\w.])(\+62|62|0)8\d{7,12}(?!\d)"), "+628**********"),  # mobile numbers
    (re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+"), "***@***"),  # e-mail addresses
)


def mask_personal(text: str) -> str:
    for pattern, replacement in _PERSONAL:
        text = pattern.sub(replacement, text)
    return text


def bundle(data_dir: Path, target: Path, checks: list[Check]) -> Path:
    """A zip for support: the report, masked logs, versions, settings without secrets, backup names."""
    data_dir = Path(data_dir)
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("report.json", json.dumps([c.as_dict("en") for c in checks], indent=2, ensure_ascii=False))
        zf.writestr("versions.json", json.dumps({
            "mpp_desk": __version__, "python": sys.version, "platform": platform.platform(),
            "frozen": bool(getattr(sys, "frozen", False)), "made_at": officetime.now().isoformat()}, indent=2))
        zf.writestr("settings.json", json.dumps(_printer_settings(data_dir), indent=2))
        zf.writestr("backups.txt", "\n".join(p.name for _w, p in backup.list_backups(backup.auto_folder(data_dir))))
        logs = data_dir / "logs"
        if logs.is_dir():
            for log_file in sorted(logs.iterdir()):
                if log_file.is_file() and ".log" in log_file.name:
                    text = log_file.read_text(encoding="utf-8", errors="replace")
                    zf.writestr(f"logs/{log_file.name}", mask_personal(text[-2_000_000:]))
    os.replace(partial, target)
    return target
