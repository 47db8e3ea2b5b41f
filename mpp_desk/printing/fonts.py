"""The fonts shipped under resources/fonts (DejaVu Sans; licence beside them), registered once."""

from __future__ import annotations

import functools
import threading

from mpp_desk.paths import RESOURCES_DIR
from mpp_desk.textformat import safe_text

FONTS_DIR = RESOURCES_DIR / "fonts"
REGULAR = "MppSans"
BOLD = "MppSans-Bold"
_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}
_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register the shipped fonts with reportlab (idempotent, thread-safe)."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        for name, filename in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(FONTS_DIR / filename)))
        _registered = True


REPLACEMENT = "\ufffd"


@functools.cache
def covered() -> frozenset[int]:
    """The code points both shipped fonts can draw."""
    register_fonts()
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    regular, bold = pdfmetrics.getFont(REGULAR), pdfmetrics.getFont(BOLD)
    assert isinstance(regular, TTFont) and isinstance(bold, TTFont), "register_fonts() registers TrueType fonts"
    regular = set(regular.face.charToGlyph)
    bold = set(bold.face.charToGlyph)
    return frozenset(regular & bold)


def printable(text: str | None) -> str:
    """*text* safe to draw: controls and bidi overrides removed (:func:`~mpp_desk.textformat.safe_text`,
    line breaks kept), every character the shipped fonts cannot draw as U+FFFD (never an empty box)."""
    if not text:
        return ""
    if text.isascii() and text.isprintable() and "  " not in text and text.strip() == text:
        return text  # nothing to remove or replace (most lines of a receipt)
    text = safe_text(text, multiline="\n" in text)
    chars = covered()
    return "".join(ch if ch in "\n\t " or ord(ch) in chars else REPLACEMENT for ch in text)
