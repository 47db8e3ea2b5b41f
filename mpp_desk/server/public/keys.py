"""The installations' public signing keys held by mpp-central, so its public pages verify every PC's codes.

A joined PC registers its key itself when it syncs (with its audit key, ``server/audit_chains.py``,
under the device's credential); the key of a PC that never joins (a standalone office, another PC's
old papers) is added by hand: the PC prints ``mpp-desk queue public-key`` (PEM), IT staff add it
with ``mpp-central signing-key add``.
"""

from __future__ import annotations

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.engine import Connection

from mpp_desk import signing
from mpp_desk.server.tables import audit_keys, signing_keys


class KeyProblem(ValueError):
    """The text is not an installation's exported public key."""


def add_key(conn: Connection, pem: str, *, label: str = "") -> tuple[str, bool]:
    """Store an exported public key; returns (key id, newly added). Adding it again changes nothing."""
    try:
        key = signing.load_public_key(pem.strip() + "\n")
    except (ValueError, TypeError) as exc:
        raise KeyProblem(f"not an MPP Desk public key (Ed25519 PEM): {exc}") from None
    key_id = signing.key_id_of(key)
    added = conn.execute(
        pg_insert(signing_keys).values(key_id=key_id, public_key=_pem(key), label=label[:200])
        .on_conflict_do_nothing(index_elements=[signing_keys.c.key_id])
    ).rowcount
    return key_id, bool(added)


def list_keys(conn: Connection) -> list[dict]:
    return [{"key_id": r.key_id, "label": r.label, "added_at": r.added_at.isoformat()}
            for r in conn.execute(select(signing_keys).order_by(signing_keys.c.added_at, signing_keys.c.key_id))]


def load_keys(conn: Connection) -> dict[str, Ed25519PublicKey]:
    """Key id -> public key, for :func:`mpp_desk.signing.check_record`: the keys added by hand and
    those the enrolled PCs registered."""
    out = {}
    pems = [*conn.execute(select(signing_keys.c.public_key)).scalars(),
            *conn.execute(select(audit_keys.c.public_key).where(audit_keys.c.public_key.is_not(None))).scalars()]
    for pem in pems:
        try:
            key = signing.load_public_key(pem)
        except (ValueError, TypeError):
            continue  # a damaged row verifies nothing; the codes it signed say "unknown key"
        out[signing.key_id_of(key)] = key
    return out


def _pem(key: Ed25519PublicKey) -> str:
    from cryptography.hazmat.primitives import serialization

    return key.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode("ascii")
