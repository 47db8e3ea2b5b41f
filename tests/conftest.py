"""Shared fixtures: real SQLite files in a temporary folder, migrated exactly as the app does."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    """An empty data folder, also set as MPP_DESK_HOME so subprocesses use it."""
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv("MPP_DESK_HOME", str(folder))
    return folder


@pytest.fixture
def db(data_dir):
    """A freshly migrated database with no catalogue seeded."""
    from mpp_desk.database import open_database
    from mpp_desk.paths import database_path

    database = open_database(database_path(data_dir))
    yield database
    database.dispose()


@pytest.fixture
def uow_factory(db):
    """Call it to get a new unit of work on the test database, acting as the terminal administrator
    unless another actor (or None, the system) is given."""
    from mpp_desk.roles import TERMINAL
    from mpp_desk.uow import UnitOfWork

    def make(*, write: bool = True, actor=TERMINAL) -> UnitOfWork:
        return UnitOfWork(db, write=write, actor=actor)

    return make


@pytest.fixture
def app_ctx(data_dir):
    """The full bootstrap context: migrated and seeded with the default catalogue."""
    from mpp_desk.context import AppContext

    ctx = AppContext(data_dir=data_dir)
    ctx.open()
    yield ctx
    ctx.close()


@pytest.fixture
def device_files(tmp_path, monkeypatch):
    """Let ``escpos-file:`` write to files under tmp_path, standing in for a printer's device file
    (the app accepts device paths only: /dev/usb/lp0, COM3, ...)."""
    from mpp_desk.printing import printers

    real = printers.is_device_path
    monkeypatch.setattr(printers, "is_device_path",
                        lambda text: real(text) or str(text or "").startswith(str(tmp_path)))
    return tmp_path
