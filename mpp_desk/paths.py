"""Where things live: the shipped resources, the migrations and the per-PC data folder."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
RESOURCES_DIR = PROJECT_ROOT / "resources"
MIGRATIONS_DIR = PROJECT_ROOT / "db"
CATALOG_SEED_DIR = RESOURCES_DIR / "catalog"
I18N_DIR = RESOURCES_DIR / "i18n"

APP_NAME = "mpp-desk"
DATABASE_FILENAME = "mpp-desk.sqlite3"
HOME_ENV = "MPP_DESK_HOME"


def resolve_data_dir(cli_value: str | os.PathLike | None = None) -> Path:
    """The data folder: --data-dir, else $MPP_DESK_HOME, else the user's data folder."""
    if cli_value:
        return Path(cli_value).expanduser().resolve()
    env = os.environ.get(HOME_ENV)
    if env:
        return Path(env).expanduser().resolve()
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def database_path(data_dir: Path) -> Path:
    return data_dir / DATABASE_FILENAME


def restrict_to_owner(data_dir: Path, database: Path | None = None) -> None:
    """The data folder 0700 and the database 0600 on POSIX (names and NIKs are inside).

    New files are owner-only through the process umask (set at start-up, see
    :func:`owner_only_umask`); this also tightens an existing installation. On Windows the data
    folder under the user's profile is private to the user by default; docs/architecture.md gives the
    icacls line for a shared folder.
    """
    if os.name != "posix":
        return
    targets = [(Path(data_dir), 0o700)]
    if database is not None:
        targets += [(database, 0o600), (Path(f"{database}-wal"), 0o600), (Path(f"{database}-shm"), 0o600)]
    for target, mode in targets:
        try:
            st = target.stat()
            if st.st_uid == os.getuid() and (st.st_mode & 0o777) != mode:
                os.chmod(target, mode)
        except OSError:
            continue


def owner_only_umask() -> None:
    """Files and folders this process creates are readable by its user only (POSIX)."""
    if os.name == "posix":
        os.umask(0o077)
