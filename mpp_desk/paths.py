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
