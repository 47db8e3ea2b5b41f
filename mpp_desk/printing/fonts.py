"""The fonts shipped under resources/fonts (DejaVu Sans; licence beside them), registered once."""

from __future__ import annotations

import threading

from mpp_desk.paths import RESOURCES_DIR

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
