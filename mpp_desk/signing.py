"""Signed references for QR codes on tickets and receipts (Ed25519, one key per installation).

A reference names a record (kind + id) and a few key fields, so a forged or altered paper does
not verify. The token is built to keep the QR code small::

    <key id>.<body>.<signature>        all base64url without padding
    body      = canonical JSON [kind, id, {field: value}] (sorted keys, no spaces, UTF-8)
    signature = Ed25519 over b"mpp1." + "<key id>.<body>" (64 bytes -> 86 characters)
    key id    = first 6 bytes of SHA-256 of the raw public key (8 characters)

A ticket's reference is about 170 characters; with the verification address in front it still
fits a version 10 QR code at level M. The private key lives in the data folder
(``keys/signing_ed25519.pem``, mode 0600), never in the database file, so a copied database
cannot sign. The central server verifies with each installation's exported public key.

The key's id (its fingerprint) is kept in the database (``local_state`` key ``signing.key_id``):
once an installation has a key, a missing key file is never silently replaced by a new one (every
code already printed would stop verifying); a damaged, missing or swapped key file is a clear
:class:`SigningKeyProblem` telling IT staff to restore the file from the backup.

Verifying a code is one rule for every kind (:func:`check_record`): the address is the office's
verification address, the token is in canonical form and its signature holds, the kind is the one
asked for, the record exists in this office's data, and the signed fields match the record.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import threading
import uuid
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from mpp_desk.errors import UserError
from mpp_desk.i18n import N_, translate
from mpp_desk.models import LocalState
from mpp_desk.paths import database_path

if TYPE_CHECKING:
    from mpp_desk.uow import UnitOfWork

KEYS_DIRNAME = "keys"
KEY_FILENAME = "signing_ed25519.pem"
DOMAIN = b"mpp1."
KEY_ID_STATE = "signing.key_id"  # local_state key holding the installation key's id

VALID = "valid"
MALFORMED = "malformed"
UNKNOWN_KEY = "unknown_key"
BAD_SIGNATURE = "bad_signature"
WRONG_ADDRESS = "wrong_address"
WRONG_KIND = "wrong_kind"
NOT_FOUND = "not_found"
MISMATCH = "mismatch"

REASONS = {
    VALID: N_("signing", "The reference is genuine."),
    MALFORMED: N_("signing", "This is not an MPP Desk reference, or it is damaged."),
    UNKNOWN_KEY: N_("signing", "The reference was signed by an installation this one does not know."),
    BAD_SIGNATURE: N_("signing", "The signature does not match: the reference was altered or forged."),
    WRONG_ADDRESS: N_("signing", "Not genuine: the address {address} is not this office's verification address "
                                 "({expected})."),
    WRONG_KIND: N_("signing", "The code is genuine but it is {actual}, not {expected}."),
    NOT_FOUND: N_("signing", "Not genuine here: this office has no record of {expected} with this code."),
    MISMATCH: N_("signing", "Not genuine: the code does not match the record ({fields} differ)."),
}

# What each kind of code is, for the messages ("it is a queue ticket, not a complaint receipt").
KIND_LABELS = {
    "q": N_("signing", "a queue ticket"),
    "adu": N_("signing", "a complaint receipt"),
    "tt": N_("signing", "an intake receipt (Tanda Terima)"),
    "rs": N_("signing", "an intake return slip"),
}


@dataclass(frozen=True)
class VerifyResult:
    """What a reference says, and whether its signature holds (``reason`` is one of REASONS)."""

    valid: bool
    kind: str | None = None
    id: str | None = None
    fields: dict[str, Any] = field(default_factory=dict)
    reason: str = MALFORMED
    key_id: str | None = None
    expected: tuple[str, ...] = ()  # the kinds asked for (WRONG_KIND, NOT_FOUND)
    differing: tuple[str, ...] = ()  # signed fields that differ from the record (MISMATCH)
    address: str | None = None  # the address that is not the office's (WRONG_ADDRESS)
    expected_address: str | None = None

    @property
    def message(self) -> str:
        """The English explanation, marked for translation in the "signing" context."""
        return REASONS[self.reason]

    def text(self, language: str | None = None) -> str:
        """The verdict in words, in *language* (default: the current one), parameters filled in."""
        def kind_text(kinds: Iterable[str]) -> str:
            return " / ".join(translate("signing", KIND_LABELS.get(k, k), language) for k in kinds)

        return translate("signing", REASONS[self.reason], language).format(
            address=self.address or "",
            expected=self.expected_address if self.reason == WRONG_ADDRESS else kind_text(self.expected),
            actual=kind_text([self.kind or "?"]),
            fields=", ".join(self.differing),
        )


class SigningKeyProblem(UserError):
    """The installation's signing key cannot be used: missing, damaged or not this installation's."""


KEY_MISSING = N_(
    "errors",
    "The signing key of this installation is missing ({path}). No new key is made, because every code "
    "already printed can only be checked with the original. IT staff: please restore the key file from the backup.",
)
KEY_DAMAGED = N_(
    "errors",
    "The signing key file {path} is damaged and cannot be used. IT staff: please restore the key file "
    "from the backup.",
)
KEY_REPLACED = N_(
    "errors",
    "The signing key file {path} is not this installation's key (found {found}, expected {expected}). "
    "IT staff: please restore the original key file from the backup.",
)


class Signer:
    """One installation's signing key."""

    def __init__(self, private_key: Ed25519PrivateKey) -> None:
        self._private = private_key
        self.public_key = private_key.public_key()
        self.key_id = key_id_of(self.public_key)

    @classmethod
    def generate(cls) -> Signer:
        """A fresh key held in memory only (tests)."""
        return cls(Ed25519PrivateKey.generate())

    @classmethod
    def for_data_dir(cls, data_dir: Path | str, *, database: Path | str | None = None) -> Signer:
        """The installation's key from *data_dir*/keys, created on first use (mode 0600).

        A key is created only when the database (*database*, default the data folder's) records none:
        once codes were signed, a missing key file is a :class:`SigningKeyProblem`, never a new key.
        A damaged key file is one too.
        """
        path = key_path(data_dir)
        with _cache_lock:
            cached = _cache.get(path)
            if cached is None:
                if database is None:
                    database = database_path(Path(data_dir))
                cached = _cache[path] = cls(_load_or_create(path, Path(database)))
            return cached

    def sign_bytes(self, data: bytes) -> bytes:
        """A raw Ed25519 signature (callers put their own domain prefix in *data*)."""
        return self._private.sign(data)

    def public_key_pem(self) -> str:
        """The public key to give the central server (SubjectPublicKeyInfo PEM)."""
        return self.public_key.public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        ).decode("ascii")

    def sign_reference(self, kind: str, id: str | uuid.UUID, fields: Mapping[str, Any] | None = None) -> str:
        """A compact URL-safe token naming the record and its key fields, signed.

        A UUID id is written in 22 characters (:func:`compact_uuid`); the verified result gives
        it back in that form (:func:`expand_uuid` turns it into a UUID again).
        """
        if not kind or "." in kind:
            raise ValueError("kind must be a short non-empty name without dots")
        body = _b64(_canonical([kind, _id_text(id), _check_fields(fields or {})]))
        signed = f"{self.key_id}.{body}"
        signature = self._private.sign(DOMAIN + signed.encode("ascii"))
        return f"{signed}.{_b64(signature)}"

    def verify(self, text_or_url: str, *, public_keys: Mapping[str, Ed25519PublicKey] | None = None) -> VerifyResult:
        """Check a token (or a verification URL holding one) against this key and *public_keys*."""
        keys = {self.key_id: self.public_key, **(public_keys or {})}
        return verify_with(text_or_url, keys)


def key_path(data_dir: Path | str) -> Path:
    return Path(data_dir) / KEYS_DIRNAME / KEY_FILENAME


def key_id_of(public_key: Ed25519PublicKey) -> str:
    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return _b64(hashlib.sha256(raw).digest()[:6])


def load_public_key(pem: str | bytes) -> Ed25519PublicKey:
    """A public key exported by :meth:`Signer.public_key_pem`."""
    key = serialization.load_pem_public_key(pem.encode("ascii") if isinstance(pem, str) else pem)
    if not isinstance(key, Ed25519PublicKey):
        raise ValueError("not an Ed25519 public key")
    return key


def sign_reference(kind: str, id: str | uuid.UUID, fields: Mapping[str, Any] | None = None, *, data_dir: Path | str) -> str:
    """Sign with the installation key of *data_dir*."""
    return Signer.for_data_dir(data_dir).sign_reference(kind, id, fields)


def verification_url(base_url: str, token: str) -> str:
    """The address printed in the QR code: the central server's verification page plus the token."""
    if base_url.endswith(("/", "=", "?")):
        return f"{base_url}{token}"
    return f"{base_url}/{token}"


def verify(
    text_or_url: str,
    *,
    data_dir: Path | str | None = None,
    public_keys: Mapping[str, Ed25519PublicKey] | None = None,
) -> VerifyResult:
    """Check a token or URL against this installation's key (from *data_dir*) and/or *public_keys*."""
    keys = dict(public_keys or {})
    if data_dir is not None:
        signer = Signer.for_data_dir(data_dir)
        keys[signer.key_id] = signer.public_key
    return verify_with(text_or_url, keys)


def verify_with(
    text_or_url: str, keys: Mapping[str, Ed25519PublicKey], *, base_url: str | None = None
) -> VerifyResult:
    """Check a token against the known public keys (key id -> key).

    With *base_url* (the office's verification address), an address in front of the token must be
    that address: a genuine token behind another host or path is reported as WRONG_ADDRESS.
    """
    text = (text_or_url or "").strip()
    if base_url and "://" in text and not address_matches(text, base_url):
        return VerifyResult(False, reason=WRONG_ADDRESS, address=_address_of(text), expected_address=base_url)
    token = extract_token(text)
    parts = token.split(".")
    if len(parts) != 3:
        return VerifyResult(False, reason=MALFORMED)
    kid, body, signature = parts
    try:
        decoded = json.loads(_unb64(body).decode("utf-8"))
        sig = _unb64(signature)
        kind, ref_id, fields = decoded
        if not isinstance(kind, str) or not isinstance(ref_id, str) or not isinstance(fields, dict):
            raise ValueError("shape")
    except (ValueError, TypeError, UnicodeDecodeError):
        return VerifyResult(False, reason=MALFORMED, key_id=kid or None)
    key = keys.get(kid)
    if key is None:
        return VerifyResult(False, kind, ref_id, fields, UNKNOWN_KEY, kid)
    try:
        key.verify(sig, DOMAIN + f"{kid}.{body}".encode("ascii"))
    except (InvalidSignature, UnicodeEncodeError):
        return VerifyResult(False, kind, ref_id, fields, BAD_SIGNATURE, kid)
    return VerifyResult(True, kind, ref_id, fields, VALID, kid)


def address_matches(url: str, base_url: str) -> bool:
    """Whether *url* is the office's verification address *base_url* plus one token.

    Scheme, host and port must be the same (host compared without case), no user name, and the
    path must be the base path (``?t=`` addresses) or the base path plus one segment.
    """
    try:
        got, want = urlsplit(url.strip()), urlsplit(base_url.strip())
        got_port, want_port = got.port, want.port
    except ValueError:
        return False
    if got.scheme.lower() != want.scheme.lower() or got.username is not None or got.password is not None:
        return False
    if (got.hostname or "") != (want.hostname or "") or got_port != want_port or got.fragment:
        return False
    base_path = want.path.rstrip("/")
    if "t" in parse_qs(want.query, keep_blank_values=True) or base_url.endswith(("=", "?")):
        return got.path.rstrip("/") == base_path and "t" in parse_qs(got.query)
    if got.query:
        return False
    head = got.path.rstrip("/").rsplit("/", 1)[0]
    return head == base_path


def _address_of(url: str) -> str:
    """The host and path of *url* without the token (for the message)."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url[:80]
    path = parts.path.rstrip("/").rsplit("/", 1)[0]
    return f"{parts.scheme}://{parts.netloc}{path}/"[:200]


def check_record(
    text_or_url: str,
    *,
    keys: Mapping[str, Ed25519PublicKey],
    kinds: Collection[str],
    lookup: Callable[[str, str], tuple[str, Mapping[str, Any]] | None],
    base_url: str | None,
) -> VerifyResult:
    """The one rule for every code: genuine, at the office's address, of a kind in *kinds*, naming a
    record that exists, with the signed fields equal to the record's.

    *lookup(kind, id)* returns the record's ``(kind, signed fields)`` as they would be signed now,
    or None when there is no such record (an id that cannot even be parsed is no record either).
    """
    result = verify_with(text_or_url, keys, base_url=base_url)
    expected = tuple(kinds)

    def differences() -> list[str] | None:
        try:
            found = lookup(result.kind or "", result.id or "")
        except (ValueError, TypeError):
            found = None
        if found is None:
            return None
        record_kind, record_fields = found
        out = sorted(k for k in set(record_fields) | set(result.fields) if record_fields.get(k) != result.fields.get(k))
        return out + ["kind"] if record_kind != result.kind else out

    if not result.valid:
        if result.reason == BAD_SIGNATURE and result.kind in kinds:  # say which fields were altered
            return replace(result, expected=expected, differing=tuple(differences() or ()))
        return replace(result, expected=expected)
    if result.kind not in kinds:
        return replace(result, valid=False, reason=WRONG_KIND, expected=expected)
    differing = differences()
    if differing is None:
        return replace(result, valid=False, reason=NOT_FOUND, expected=(result.kind,))
    if differing:
        return replace(result, valid=False, reason=MISMATCH, expected=expected, differing=tuple(differing))
    return replace(result, expected=expected)


def recorded_key_id(uow: UnitOfWork) -> str | None:
    """The installation key's id the database records (None before the first key)."""
    stored = uow.session.get(LocalState, KEY_ID_STATE)
    return stored.value if stored is not None else None


def installation_signer(uow: UnitOfWork, data_dir: Path | str) -> Signer:
    """This installation's signer, checked against the key id the database records.

    The first time, the key (created if there is none yet) is recorded, when *uow* may write. A
    missing, damaged or swapped key file raises :class:`SigningKeyProblem` before anything is signed.
    """
    session = uow.session
    stored = session.get(LocalState, KEY_ID_STATE)
    path = key_path(data_dir)
    if stored is not None and not path.exists():
        forget(data_dir)
        raise SigningKeyProblem(KEY_MISSING, path=str(path))
    signer = Signer.for_data_dir(data_dir, database=uow.db.path)
    if stored is None:
        if uow.write:
            session.add(LocalState(key=KEY_ID_STATE, value=signer.key_id))
            session.flush()
    elif stored.value != signer.key_id:
        forget(data_dir)
        raise SigningKeyProblem(KEY_REPLACED, path=str(path), found=signer.key_id, expected=stored.value)
    return signer


def verify_in_office(
    uow: UnitOfWork,
    text_or_url: str,
    *,
    data_dir: Path | str | None,
    kinds: Collection[str],
    lookup: Callable[[str, str], tuple[str, Mapping[str, Any]] | None],
    signer: Signer | None = None,
    public_keys: Mapping[str, Ed25519PublicKey] | None = None,
) -> VerifyResult:
    """:func:`check_record` with this installation's key and verification address (setting
    ``receipts.verify_base_url``)."""
    from mpp_desk import settings  # lazy: import cycle, settings -> audit -> signing

    keys = dict(public_keys or {})
    if signer is None and data_dir is not None:
        signer = installation_signer(uow, data_dir)
    if signer is not None:
        keys[signer.key_id] = signer.public_key
    base_url = settings.get(uow, "receipts.verify_base_url")
    return check_record(text_or_url, keys=keys, kinds=kinds, lookup=lookup, base_url=base_url or None)


def forget(data_dir: Path | str) -> None:
    """Drop the cached key of *data_dir* (after the file was restored or found missing)."""
    with _cache_lock:
        _cache.pop(key_path(data_dir), None)


def extract_token(text_or_url: str) -> str:
    """The token inside a verification URL (last path segment or ``?t=``), or the text itself."""
    text = (text_or_url or "").strip()
    if "://" not in text:
        return text
    parts = urlsplit(text)
    query = parse_qs(parts.query)
    if "t" in query:
        return query["t"][0]
    return parts.path.rstrip("/").rsplit("/", 1)[-1]


def compact_uuid(value: uuid.UUID | str) -> str:
    """A UUID in 22 base64url characters (instead of 36), to keep references short."""
    return _b64(uuid.UUID(str(value)).bytes)


def expand_uuid(text: str) -> uuid.UUID:
    """The inverse of :func:`compact_uuid`."""
    return uuid.UUID(bytes=_unb64(text))


# --- internals ------------------------------------------------------------------------------

_cache: dict[Path, "Signer"] = {}
_cache_lock = threading.Lock()


def _recorded_key_id(database: Path) -> str | None:
    """The key id the database records, read without taking any lock (None if it cannot be read)."""
    import sqlite3

    if not database.is_file():
        return None
    try:
        con = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
        try:
            row = con.execute("SELECT value FROM local_state WHERE key = ?", (KEY_ID_STATE,)).fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def _load_or_create(path: Path, database: Path) -> Ed25519PrivateKey:
    if not path.exists():
        if _recorded_key_id(database) is not None:
            raise SigningKeyProblem(KEY_MISSING, path=str(path))
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.chmod(path.parent, 0o700)
        except OSError:
            pass
        key = Ed25519PrivateKey.generate()
        pem = key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        tmp = path.with_name(f".{path.name}.{os.getpid()}.{uuid.uuid4().hex}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(pem)
                fh.flush()
                os.fsync(fh.fileno())
            try:
                # link() fails if another process created the key first: then both use that one.
                os.link(tmp, path)
            except FileExistsError:
                pass
        finally:
            tmp.unlink(missing_ok=True)
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except FileNotFoundError:
        raise SigningKeyProblem(KEY_MISSING, path=str(path)) from None
    except (OSError, ValueError, TypeError, UnsupportedAlgorithm) as exc:
        raise SigningKeyProblem(KEY_DAMAGED, path=str(path)) from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise SigningKeyProblem(KEY_DAMAGED, path=str(path))
    return key


def _canonical(value: Any) -> bytes:
    return json.dumps(value, separators=(",", ":"), sort_keys=True, ensure_ascii=False).encode("utf-8")


def _check_fields(fields: Mapping[str, Any]) -> dict[str, Any]:
    out = {}
    for key, value in fields.items():
        if not isinstance(key, str):
            raise TypeError("field names must be strings")
        if value is not None and not isinstance(value, (str, int, bool)):
            raise TypeError(f"field {key!r}: only str, int, bool or None can be signed")
        out[key] = value
    return out


def _id_text(value: str | uuid.UUID) -> str:
    return compact_uuid(value) if isinstance(value, uuid.UUID) else str(value)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    """Strict base64url: only the canonical form (the one :func:`_b64` writes) is accepted, so no
    unused bit of the last character can change without the code being refused."""
    if not text or any(c not in _B64_CHARS for c in text) or len(text) % 4 == 1:
        raise ValueError("not base64url")
    data = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    if _b64(data) != text:
        raise ValueError("not canonical base64url")
    return data


_B64_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
