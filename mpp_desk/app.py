"""Bootstrap of the desktop app: arguments → data folder → Qt → the window (database opened in the background).

The window is painted before the database stack is even imported, so the app opens
as fast as a bare Qt window; opening, migrating and seeding the database happen on the
database thread right after the first paint.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path


def gui_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="mpp-desk", add_help=False)
    p.add_argument("--data-dir")
    p.add_argument("--lang", choices=["id", "en"], default=None)
    p.add_argument("--kiosk", action="store_true")
    p.add_argument("--display", action="store_true")
    return p


def configure_logging(data_dir: Path) -> None:
    """Log to a file in the data folder. Log lines name records by id, never personal data."""
    try:
        (data_dir / "logs").mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.FileHandler(data_dir / "logs" / "mpp-desk.log", encoding="utf-8")
    except OSError:
        handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def run_gui(argv: list[str]) -> int:
    """Open the desktop app; returns the process exit code."""
    args, qt_args = gui_parser().parse_known_args(argv)
    from mpp_desk.i18n import set_language
    from mpp_desk.paths import owner_only_umask, resolve_data_dir

    owner_only_umask()  # the database, receipts and keys hold personal data: owner-only
    data_dir = resolve_data_dir(args.data_dir)
    configure_logging(data_dir)
    language = args.lang
    if language is None:  # this PC's setting, else Bahasa Indonesia
        from mpp_desk.paths import database_path
        from mpp_desk.prestart import language_setting

        language = language_setting(database_path(data_dir)) or "id"
    set_language(language)
    from mpp_desk.ui.application import run_app

    mode = "kiosk" if args.kiosk else "display" if args.display else "staff"
    return run_app(data_dir=data_dir, language=language, qt_argv=[sys.argv[0], *qt_args], mode=mode)
