"""``mpp-desk backup [--to FOLDER]`` and ``mpp-desk restore FILE``: the office's record, kept safe."""

from __future__ import annotations

from pathlib import Path

from mpp_desk.cli import print_json, sayer
from mpp_desk.i18n import N_

say = sayer("cli")


def register(sub) -> None:
    b = sub.add_parser("backup", help="cadangkan basis data (aman saat aplikasi berjalan), diperiksa keutuhannya")
    b.add_argument("--to", metavar="FOLDER", type=Path, default=None,
                   help="folder tujuan (bawaan: backups/auto di folder data, dirotasi harian/mingguan/bulanan)")
    b.add_argument("--json", action="store_true", help="keluaran JSON")
    b.set_defaults(handler=_backup)
    r = sub.add_parser("restore", help="pulihkan basis data dari berkas cadangan; berkas sekarang disimpan dulu")
    r.add_argument("file", metavar="FILE", type=Path, help="berkas cadangan (.mppbak atau .sqlite3)")
    r.add_argument("--json", action="store_true", help="keluaran JSON")
    r.set_defaults(handler=_restore)


def _data_dir(args) -> Path:
    from mpp_desk.paths import resolve_data_dir

    return resolve_data_dir(args.data_dir)


def _backup(args, ctx) -> int:
    from mpp_desk import backup, officetime

    data_dir = _data_dir(args)
    rotation = None
    if args.to is None:  # the rotation's settings are read without opening the app's context
        rotation = _rotation(data_dir)
    result = backup.take_backup(data_dir, to=args.to, rotation=rotation)
    if args.json:
        print_json({"path": str(result.path), "size": result.size, "revision": result.revision,
                    "taken_at": result.taken_at.isoformat(), "sha256": result.sha256,
                    "removed": [str(p) for p in result.removed]})
        return 0
    print(say(N_("cli", "Backup written: {path} ({size} KB, {when}); its copy of the database is intact."),
              path=result.path, size=max(1, result.size // 1024), when=officetime.pukul(result.taken_at)))
    if result.removed:
        print(say(N_("cli", "Rotation: {count} older backups deleted."), count=len(result.removed)))
    return 0


def _rotation(data_dir: Path):
    """The rotation settings of this PC, read from the database (read-only unit of work)."""
    from mpp_desk import backup
    from mpp_desk.context import AppContext

    app = AppContext.from_args(str(data_dir))
    try:
        app.open(seed=False)
        with app.uow(write=False) as uow:
            return backup.rotation_settings(uow)
    finally:
        app.close()


def _restore(args, ctx) -> int:
    from mpp_desk import audit, backup
    from mpp_desk.roles import TERMINAL

    data_dir = _data_dir(args)
    result = backup.restore(data_dir, args.file)
    # Open (and migrate, for an older backup) the restored database, and say so in its audit trail.
    with ctx.app.uow(actor=TERMINAL) as uow:
        audit.record(uow, action="backup.restored", entity="database", summary="database restored from a backup",
                     details={"file": result.restored_from.name, "revision": result.revision,
                              "taken_at": result.manifest.get("taken_at"), "kept_aside": result.kept_aside.name})
        uow.commit()
    if args.json:
        print_json({"restored_from": str(result.restored_from), "revision": result.revision,
                    "kept_aside": str(result.kept_aside), "taken_at": result.manifest.get("taken_at")})
        return 0
    print(say(N_("cli", "Restored from {file}. The database that was in place is kept in {aside}."),
              file=result.restored_from, aside=result.kept_aside))
    return 0
