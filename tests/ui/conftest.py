"""Fixtures for driving the real widgets offscreen with pytest-qt."""

from __future__ import annotations

import pytest

ADMIN_PASSWORD = "Rahasia-Admin-2026"
COUNTER_PASSWORD = "Loket-Tiga-2026"


@pytest.fixture
def tasks(qapp):
    """The database thread of one test. Torn down after the test's widgets: pytest-qt closes the widgets
    registered with qtbot (and asks for their deletion) before fixtures are torn down; they are deleted
    here, so none of their timers outlives them and submits to a finished executor in a later test."""
    from PySide6.QtCore import QCoreApplication, QEvent

    from mpp_desk.ui.tasks import TaskManager

    manager = TaskManager()
    yield manager
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    manager.shutdown(wait=True)


def _add_staff(ctx) -> None:
    from mpp_desk import auth
    from mpp_desk.roles import TERMINAL

    with ctx.uow() as uow:
        auth.first_run_setup(uow, office_name="MPP Bale Madukara", office_address="Jl. Jend. Sudirman",
                             admin_username="admin", admin_full_name="Ade Administrator", password=ADMIN_PASSWORD,
                             pin="480512")
        uow.commit()
    with ctx.uow(actor=TERMINAL) as uow:
        auth.create_user(uow, username="siti", full_name="Siti Petugas", role="counter",
                         password=COUNTER_PASSWORD, must_change_password=False)
        uow.commit()


@pytest.fixture(scope="session")
def _staffed_template(tmp_path_factory, _seeded_template):
    """The seeded template with the office set up and its two accounts, made once per test session (an hour
    before the tests' moment, as the seeded one) instead of in every UI test (~0.1 s each)."""
    from tests.conftest import _copy_template, _open_as_of_an_hour_ago

    folder = tmp_path_factory.mktemp("template-staffed")
    _copy_template(_seeded_template, folder)
    with _open_as_of_an_hour_ago(folder) as ctx:
        _add_staff(ctx)
    return folder


@pytest.fixture
def ui_ctx(data_dir, _staffed_template):
    """A seeded database with an administrator "admin" and a counter officer "siti" (a copy of the session's
    template, opened through the same path as the app)."""
    from mpp_desk.context import AppContext
    from tests.conftest import _copy_template

    _copy_template(_staffed_template, data_dir)
    ctx = AppContext(data_dir=data_dir)
    ctx.open()
    yield ctx
    ctx.close()


@pytest.fixture
def sign_in(ui_ctx):
    """sign_in("admin", password) -> Actor, through the service (for widgets that need an actor)."""
    from mpp_desk import auth

    def do(username: str, password: str):
        with ui_ctx.uow() as uow:
            actor = auth.sign_in(uow, username=username, password=password)
            uow.commit()
            return actor

    return do


def wait_until(qtbot, predicate, timeout=5000):
    qtbot.waitUntil(predicate, timeout=timeout)


@pytest.fixture(autouse=True, scope="session")
def _indonesian_interface(qapp):
    """The app's translators and style, installed once as at start-up (Bahasa Indonesia)."""
    from mpp_desk.ui.application import apply_style, install_translators

    installed = install_translators(qapp, "id")
    apply_style(qapp)
    yield installed
