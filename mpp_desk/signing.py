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
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import threading
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from mpp_desk.i18n import N_

KEYS_DIRNAME = "keys"
KEY_FILENAME = "signing_ed25519.pem"
DOMAIN = b"mpp1."

VALID = "valid"
MALFORMED = "malformed"
UNKNOWN_KEY = "unknown_key"
BAD_SIGNATURE = "bad_signature"

REASONS = {
    VALID: N_("signing", "The reference is genuine."),
    MALFORMED: N_("signing", "This is not an MPP Desk reference, or it is damaged."),
    UNKNOWN_KEY: N_("signing", "The reference was signed by an installation this one does not know."),
    BAD_SIGNATURE: N_("signing", "The signature does not match: the reference was altered or forged."),
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

    @property
    def message(self) -> str:
        """The English explanation, marked for translation in the "signing" context."""
        return REASONS[self.reason]


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
    def for_data_dir(cls, data_dir: Path | str) -> Signer:
        """The installation's key from *data_dir*/keys, created on first use (mode 0600)."""
        path = key_path(data_dir)
        with _cache_lock:
            cached = _cache.get(path)
            if cached is None:
                cached = _cache[path] = cls(_load_or_create(path))
            return cached

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


def verify_with(text_or_url: str, keys: Mapping[str, Ed25519PublicKey]) -> VerifyResult:
    """Check a token against the known public keys (key id -> key)."""
    token = extract_token(text_or_url)
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


def _load_or_create(path: Path) -> Ed25519PrivateKey:
    if not path.exists():
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
    key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError(f"{path} does not hold an Ed25519 private key")
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
    if not text or any(c not in _B64_CHARS for c in text):
        raise ValueError("not base64url")
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


_B64_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
