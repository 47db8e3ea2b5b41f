"""``mpp-central backup [--to FOLDER]`` and ``mpp-central restore FILE``: registered by :mod:`mpp_desk.server.cli`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Callable

from mpp_desk.backup import Rotation
from mpp_desk.server import backup
from mpp_desk.server.cli import Failure, _print, _settings

DEFAULT_FOLDER = Path("/var/backups/mpp-central")


def register(sub, with_db: Callable[[argparse.ArgumentParser], argparse.ArgumentParser]) -> None:
    b = with_db(sub.add_parser("backup", help="dump the central database (pg_dump, custom format), checked, rotated"))
    b.add_argument("--to", metavar="FOLDER", type=Path, default=DEFAULT_FOLDER,
                   help=f"where the dumps go (default {DEFAULT_FOLDER})")
    b.add_argument("--keep-daily", type=int, default=7, metavar="N")
    b.add_argument("--keep-weekly", type=int, default=4, metavar="N")
    b.add_argument("--keep-monthly", type=int, default=12, metavar="N")
    b.add_argument("--json", action="store_true")
    b.set_defaults(handler=_backup)
    r = with_db(sub.add_parser("restore", help="put a dump back (stop the service first); the current data is "
                                               "dumped aside first"))
    r.add_argument("file", type=Path, metavar="FILE")
    r.add_argument("--aside", metavar="FOLDER", type=Path, default=None,
                   help="where the dump of the current database goes (default: beside FILE)")
    r.add_argument("--json", action="store_true")
    r.set_defaults(handler=_restore)


def _backup(args) -> int:
    settings = _settings(args)
    if min(args.keep_daily, args.keep_weekly, args.keep_monthly) < 0 or args.keep_daily < 1:
        raise Failure("--keep-daily must be at least 1, the others at least 0")
    try:
        made = backup.dump(settings.database_url, args.to, rotation=Rotation(
            daily=args.keep_daily, weekly=args.keep_weekly, monthly=args.keep_monthly))
    except backup.CentralBackupProblem as exc:
        raise Failure(str(exc)) from None
    _print(args, {"path": str(made.path), "size": made.size, "removed": [str(p) for p in made.removed]},
           f"backup written: {made.path} ({made.size} bytes); {len(made.removed)} older dumps rotated away")
    return 0


def _restore(args) -> int:
    settings = _settings(args)
    aside = args.aside or args.file.resolve().parent / "before-restore"
    try:
        before = backup.restore(settings.database_url, args.file, aside_folder=aside)
    except backup.CentralBackupProblem as exc:
        raise Failure(str(exc)) from None
    _print(args, {"restored_from": str(args.file), "kept_aside": str(before)},
           f"restored from {args.file}; the database as it was is in {before}")
    return 0
