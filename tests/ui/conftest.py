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


@pytest.fixture
def ui_ctx(app_ctx):
    """A seeded database with an administrator "admin" and a counter officer "siti"."""
    from mpp_desk import auth
    from mpp_desk.roles import TERMINAL

    with app_ctx.uow() as uow:
        auth.first_run_setup(uow, office_name="MPP Bale Madukara", office_address="Jl. Jend. Sudirman",
                             admin_username="admin", admin_full_name="Ade Administrator", password=ADMIN_PASSWORD,
                             pin="480512")
        uow.commit()
    with app_ctx.uow(actor=TERMINAL) as uow:
        auth.create_user(uow, username="siti", full_name="Siti Petugas", role="counter",
                         password=COUNTER_PASSWORD, must_change_password=False)
        uow.commit()
    return app_ctx


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
