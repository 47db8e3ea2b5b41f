"""The language chosen in Settings applies at the next start, read before the database stack loads."""

from __future__ import annotations

import subprocess
import sys

from mpp_desk import settings
from mpp_desk.paths import database_path
from mpp_desk.prestart import LANGUAGES, language_setting
from mpp_desk.roles import TERMINAL


def test_language_setting_is_read_without_sqlalchemy(app_ctx):
    path = database_path(app_ctx.data_dir)
    assert language_setting(path) is None  # never set: the app starts in Indonesian
    with app_ctx.uow(actor=TERMINAL) as uow:
        settings.set(uow, key="ui.language", value="en")
        uow.commit()
    assert language_setting(path) == "en"
    code = (
        "import sys; from pathlib import Path; from mpp_desk.prestart import language_setting; "
        f"print(language_setting(Path({str(path)!r}))); print('sqlalchemy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["en", "False"]


def test_prestart_languages_match_the_settings_registry():
    assert tuple(settings.SETTINGS["ui.language"].choices) == LANGUAGES


def test_a_missing_or_foreign_file_means_no_choice(tmp_path):
    assert language_setting(tmp_path / "none.sqlite3") is None
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not sqlite" * 50)
    assert language_setting(junk) is None
