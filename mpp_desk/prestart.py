"""What the bootstrap reads before any window exists, without loading the database stack.

Kept free of SQLAlchemy (and of mpp_desk.settings, which imports it): the first paint of
the window is measured against a bare Qt window (bench/startup.py).
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

LANGUAGES = ("id", "en")  # as mpp_desk.settings declares for "ui.language"


def language_setting(database: Path) -> str | None:
    """This PC's ``ui.language`` read straight from the file; None on any doubt (then: Indonesian)."""
    if not database.exists():
        return None
    try:
        con = sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=0.5)
        try:
            row = con.execute(
                "SELECT s.value FROM setting s JOIN local_state d ON d.key = 'device_id' AND s.pc_id = d.value "
                "WHERE s.scope = 'pc' AND s.key = 'ui.language' AND s.deleted_at IS NULL"
            ).fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return None
    if row is None:
        return None
    try:
        value = json.loads(row[0]) if isinstance(row[0], str) else row[0]
    except ValueError:
        return None
    return value if value in LANGUAGES else None
