"""Shared fixtures: real SQLite files in a temporary folder, migrated exactly as the app does."""

from __future__ import annotations

import os
import shutil

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    """An empty data folder, also set as MPP_DESK_HOME so subprocesses use it."""
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv("MPP_DESK_HOME", str(folder))
    return folder


@pytest.fixture(scope="session", autouse=True)
def _cheap_password_hashing():
    """Cheap argon2id parameters for the test process: no rule under test depends on the cost, and the
    real 64 MiB hash costs ~0.1 s per sign-in. Tests of the real parameters set them back themselves;
    subprocesses (the real `mpp-desk`) always use the real ones."""
    from mpp_desk import auth

    real = dict(auth.HASH_PARAMETERS)
    auth.HASH_PARAMETERS.update(time_cost=1, memory_cost=1024)
    yield
    auth.HASH_PARAMETERS.update(real)


def _template(tmp_path_factory, name: str, *, seed: bool):
    """A data folder made once per test session, exactly as the app makes it (migrated; seeded when
    *seed*), that tests copy instead of migrating and seeding again (~1.8 s each)."""
    from mpp_desk.context import AppContext

    folder = tmp_path_factory.mktemp(name)
    if seed:
        ctx = AppContext(data_dir=folder)
        ctx.open()
        ctx.close()
    else:
        from mpp_desk.database import open_database
        from mpp_desk.paths import database_path

        open_database(database_path(folder)).dispose()
    return folder


@pytest.fixture(scope="session")
def _migrated_template(tmp_path_factory):
    return _template(tmp_path_factory, "template-migrated", seed=False)


@pytest.fixture(scope="session")
def _seeded_template(tmp_path_factory):
    return _template(tmp_path_factory, "template-seeded", seed=True)


def _copy_template(template, data_dir) -> None:
    shutil.copytree(template, data_dir, dirs_exist_ok=True)


@pytest.fixture
def db(data_dir, _migrated_template):
    """A freshly migrated database with no catalogue seeded (a copy of the session's template)."""
    from mpp_desk.database import open_database
    from mpp_desk.paths import database_path

    _copy_template(_migrated_template, data_dir)
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
def app_ctx(data_dir, _seeded_template):
    """The full bootstrap context: migrated and seeded with the default catalogue (a copy of the
    session's template, opened through the same path as the app)."""
    from mpp_desk.context import AppContext

    _copy_template(_seeded_template, data_dir)
    ctx = AppContext(data_dir=data_dir)
    ctx.open()
    yield ctx
    ctx.close()
