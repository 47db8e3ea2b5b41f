"""Bootstrap of the desktop app: arguments → data folder → Qt → the window (database opened in the background).

The window is painted before the database stack is even imported, so the app opens
as fast as a bare Qt window; opening, migrating and seeding the database happen on the
database thread right after the first paint.
"""

from __future__ import annotations

import argparse
import faulthandler
import logging
import logging.handlers
import os
import sys
from pathlib import Path

from mpp_desk.i18n import set_language
from mpp_desk.paths import database_path, owner_only_umask, resolve_data_dir
from mpp_desk.prestart import language_setting

_fault_log = None  # the file faulthandler writes a crash's traceback to; kept open for the process's life


def gui_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="mpp-desk", add_help=False)
    p.add_argument("--data-dir")
    p.add_argument("--lang", choices=["id", "en"], default=None)
    p.add_argument("--kiosk", action="store_true")
    p.add_argument("--display", action="store_true")
    p.add_argument("--survey", action="store_true")  # the satisfaction survey tablet
    p.add_argument("--counter", type=int, default=None)  # --survey: take hand-overs from this counter only
    p.add_argument("--no-restart", action="store_true")  # kiosk/board: run the screen here, unsupervised
    return p


def log_path(data_dir: Path) -> Path:
    return data_dir / "logs" / "mpp-desk.log"


LOG_MAX_BYTES = 2 * 1024 * 1024  # then mpp-desk.log becomes mpp-desk.log.1, ... up to LOG_BACKUPS files
LOG_BACKUPS = 5


class RotatingLog(logging.handlers.RotatingFileHandler):
    """The log file, rotated by size; a crash's traceback (faulthandler) follows to the new file."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8", delay=False)

    def doRollover(self) -> None:  # noqa: N802 - logging's name
        global _fault_log
        super().doRollover()
        if _fault_log is not None:
            try:
                fresh = open(self.baseFilename, "a", encoding="utf-8")  # noqa: SIM115 - open until the process ends
                faulthandler.enable(file=fresh, all_threads=True)
                _fault_log.close()
                _fault_log = fresh
            except OSError:
                pass


def configure_logging(data_dir: Path) -> None:
    """Log to a file in the data folder. Log lines name records by id, never personal data.

    A crash (segmentation fault, abort) writes its Python traceback to the same file (faulthandler).
    """
    global _fault_log
    try:
        (data_dir / "logs").mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = RotatingLog(log_path(data_dir))
    except OSError:
        handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    try:
        _fault_log = open(log_path(data_dir), "a", encoding="utf-8")  # noqa: SIM115 - open until the process ends
        faulthandler.enable(file=_fault_log, all_threads=True)
    except OSError:
        faulthandler.enable(all_threads=True)  # at least on standard error


def run_gui(argv: list[str]) -> int:
    """Open the desktop app; returns the process exit code."""
    args, qt_args = gui_parser().parse_known_args(argv)

    owner_only_umask()  # the database, receipts and keys hold personal data: owner-only
    data_dir = resolve_data_dir(args.data_dir)
    configure_logging(data_dir)
    mode = "kiosk" if args.kiosk else "display" if args.display else "survey" if args.survey else "staff"
    # Measurement runs (MPP_DESK_EXIT_AFTER, as ui.application.EXIT_AFTER_ENV) are never supervised.
    if mode != "staff" and not args.no_restart and not os.environ.get("MPP_DESK_EXIT_AFTER"):
        from mpp_desk.supervisor import supervise_screen  # lazy: start-up path, subprocess only for kiosk and board

        return supervise_screen(mode, argv=argv, data_dir=data_dir)  # the screen runs in a child process, restarted if it dies
    logging.getLogger(__name__).info("mpp-desk %s starting (process %d)", mode, os.getpid())
    language = args.lang
    if language is None:  # this PC's setting, else Bahasa Indonesia
        language = language_setting(database_path(data_dir)) or "id"
    set_language(language)
    from mpp_desk.ui.application import run_app  # lazy: Qt, only for the GUI (no service module loads Qt)

    return run_app(data_dir=data_dir, language=language, qt_argv=[sys.argv[0], *qt_args], mode=mode,
                   counter=args.counter)
