"""The follow code (kode lacak) printed on a complaint receipt: with the case number, it opens the case's
public progress page on mpp-central (docs/public-pages.md) without the QR code.

The code is derived from the case's random id (a UUID4, never printed in clear), so the PC and the
server compute it alike with no stored secret, and knowing a case number (they are sequential) does not
give it. Eight characters from an alphabet without 0/O/1/I (40 bits), written ``XXXX-XXXX``.
"""

from __future__ import annotations

import hashlib
import hmac
import uuid

ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
DOMAIN = b"mpp-follow-v1:"
LENGTH = 8


def follow_code(case_id: uuid.UUID | str) -> str:
    """The case's follow code, e.g. ``K7QD-3M2X``."""
    number = int.from_bytes(hashlib.sha256(DOMAIN + uuid.UUID(str(case_id)).bytes).digest()[:5], "big")
    chars = []
    for _ in range(LENGTH):
        number, digit = divmod(number, 32)
        chars.append(ALPHABET[digit])
    code = "".join(chars)
    return f"{code[:4]}-{code[4:]}"


def normalize(text: str) -> str:
    """A typed code in canonical form: capitals, without spaces or dashes ("k7qd 3m2x" -> "K7QD3M2X")."""
    return "".join(c for c in (text or "").upper() if c.isalnum())[:32]


def matches(case_id: uuid.UUID | str, typed: str) -> bool:
    """Whether *typed* is the case's follow code (compared in constant time)."""
    return hmac.compare_digest(normalize(follow_code(case_id)).encode(), normalize(typed).encode())
