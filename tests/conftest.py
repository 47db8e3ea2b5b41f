"""Shared fixtures: real SQLite files in a temporary folder, migrated exactly as the app does.

The office clock (docs/development.md, "The clock"): every test runs on one process clock,
``office_clock`` (an ``officetime.FixedClock`` running at real speed), reset before each test to
now, or to the instant in ``MPP_TEST_NOW`` (e.g. ``2026-12-31T23:59+07:00``) when that is set.
A test pins a moment with ``office_clock.set(...)``. Tests whose outcome depends on the date or
time of day carry ``@pytest.mark.clock``; ``make test`` runs them again at awkward moments.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import time
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TEST_NOW_ENV = "MPP_TEST_NOW"
CHILD_CLOCK_ENV = "MPP_TEST_CLOCK"
CLOCK_HOOK = Path(__file__).resolve().parent / "clockhook"


def _test_now() -> dt.datetime | None:
    text = os.environ.get(TEST_NOW_ENV, "").strip()
    if not text:
        return None
    moment = dt.datetime.fromisoformat(text)
    if moment.tzinfo is None:
        raise pytest.UsageError(f"{TEST_NOW_ENV}={text!r}: give the zone, e.g. 2026-12-31T23:59+07:00")
    return moment


_PROCESS_CLOCK = None


def pytest_configure(config):
    """Install the test process's one clock before any test module is imported; property tests get no
    per-example deadline (no timed assertions: Hypothesis's 200 ms failed on a loaded machine)."""
    global _PROCESS_CLOCK
    from hypothesis import settings

    from mpp_desk import officetime

    settings.register_profile("mpp-desk", deadline=None)
    settings.load_profile("mpp-desk")

    _test_now()  # a malformed MPP_TEST_NOW stops the run at once
    _PROCESS_CLOCK = officetime.install(officetime.FixedClock(officetime.SystemClock().now(), running=True))


def pytest_report_header(config):
    moment = _test_now()
    return f"office clock: {moment.isoformat() if moment else 'the real time'} (MPP_TEST_NOW); TZ={os.environ.get('TZ', '')}"


@pytest.fixture(autouse=True)
def office_clock(monkeypatch):
    """The process clock, reset for each test: now, or MPP_TEST_NOW; running at real speed.

    When MPP_TEST_NOW is set, processes the test starts (CLI, kiosk, board) start from the same
    moment (tests/clockhook/sitecustomize.py, test-only).
    """
    from mpp_desk import officetime

    clock = _PROCESS_CLOCK
    assert clock is not None
    officetime.install(clock)
    clock.running = True
    start = _test_now()
    clock.set(start or officetime.SystemClock().now())
    if start is not None:
        monkeypatch.setenv(CHILD_CLOCK_ENV, f"{clock.now().isoformat()}@{time.time():.6f}")
        path = os.environ.get("PYTHONPATH", "")
        monkeypatch.setenv("PYTHONPATH", os.pathsep.join(p for p in (str(CLOCK_HOOK), path) if p))
    yield clock
    officetime.install(clock)


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the default language: a command run with `--lang en` sets it for the process."""
    from mpp_desk import i18n

    i18n.set_language(i18n.DEFAULT_LANGUAGE)
    yield
    i18n.set_language(i18n.DEFAULT_LANGUAGE)


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


@contextlib.contextmanager
def _open_as_of_an_hour_ago(folder: Path):
    """The app's context on *folder*, opened (made, migrated, seeded as the app does) with the office clock
    "an hour before" the moment the tests run at, so a template's rows never look newer than a test's.
    The clock is reset before each test (``office_clock``)."""
    from mpp_desk import officetime
    from mpp_desk.context import AppContext

    _PROCESS_CLOCK.set((_test_now() or officetime.SystemClock().now()) - dt.timedelta(hours=1))
    ctx = AppContext(data_dir=folder)
    ctx.open()
    try:
        yield ctx
    finally:
        ctx.close()


def _template(tmp_path_factory, name: str, *, seed: bool):
    """A data folder made once per test session, exactly as the app makes it (migrated; seeded when
    *seed*), that tests copy instead of migrating and seeding again (~1.8 s each)."""
    from mpp_desk import officetime

    folder = tmp_path_factory.mktemp(name)
    if seed:
        with _open_as_of_an_hour_ago(folder):
            pass
    else:
        # made "an hour before" the moment the tests run at, so its rows never look newer than theirs
        _PROCESS_CLOCK.set((_test_now() or officetime.SystemClock().now()) - dt.timedelta(hours=1))
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


@pytest.fixture
def pc_in_new_york(monkeypatch):
    """The PC's own time zone is America/New_York (UTC-5/-4): whatever is shown must still be WIB."""
    import time

    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    yield "America/New_York"
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def device_files(tmp_path, monkeypatch):
    """Let ``escpos-file:`` write to files under tmp_path, standing in for a printer's device file
    (the app accepts device paths only: /dev/usb/lp0, COM3, ...)."""
    from mpp_desk.printing import printers

    real = printers.is_device_path
    monkeypatch.setattr(printers, "is_device_path",
                        lambda text: real(text) or str(text or "").startswith(str(tmp_path)))
    return tmp_path
