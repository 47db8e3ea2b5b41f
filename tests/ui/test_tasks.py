"""The database thread's manager once it is closed, and the order things end in: widgets first, then the
executor (in the app and in the test fixtures), so no widget's timer hands a job to a finished executor."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from mpp_desk.ui.tasks import Op, TaskManager

ROOT = Path(__file__).resolve().parents[2]


def test_a_job_submitted_after_shutdown_is_dropped_quietly_and_its_callback_never_runs(qtbot, caplog):
    manager = TaskManager()
    ran, answered = [], []
    manager.submit(lambda: ran.append("before"), lambda result, error: answered.append(("before", error)))
    qtbot.waitUntil(lambda: answered == [("before", None)], timeout=5000)
    manager.shutdown(wait=True)
    assert manager.closed

    with caplog.at_level(logging.DEBUG, logger="mpp_desk.ui.tasks"):
        future = manager.submit(lambda: ran.append("after"), lambda result, error: answered.append(("after", error)))
        Op(manager, lambda: ran.append("op")).success(lambda _r: answered.append("op")).run()
    qtbot.wait(100)
    assert future.cancelled()
    assert ran == ["before"] and answered == [("before", None)]
    assert manager.pending == 0
    dropped = [r for r in caplog.records if "job dropped" in r.getMessage()]
    assert len(dropped) == 2 and all(r.levelno == logging.DEBUG for r in dropped)


def test_a_result_that_arrives_after_shutdown_is_not_delivered(qtbot):
    manager = TaskManager()
    answered = []
    future = manager.submit(lambda: 42, lambda result, error: answered.append(result))
    manager.shutdown(wait=True)  # the job has run; its answer is still queued for the UI thread
    assert future.done() and future.result() is not None
    qtbot.wait(100)
    assert answered == []
    assert manager.pending == 0  # the task and its callback were let go


def test_the_app_deletes_its_window_before_it_closes_the_database_thread(qtbot, qapp, data_dir, monkeypatch):
    from mpp_desk.ui import application
    from mpp_desk.ui.display import DisplayWindow

    seen = {}
    original = TaskManager.shutdown

    def shutdown(self, wait=True):
        seen["boards_left"] = [w for w in QApplication.topLevelWidgets() if isinstance(w, DisplayWindow)]
        original(self, wait=wait)

    monkeypatch.setattr(TaskManager, "shutdown", shutdown)
    monkeypatch.setenv(application.EXIT_AFTER_ENV, "paint")  # leave the event loop after the first paint
    created = []
    monkeypatch.setattr(DisplayWindow, "go_full_screen", lambda self: (created.append(self), self.show()))
    guard = QTimer()  # never hang the suite
    guard.setSingleShot(True)
    guard.timeout.connect(lambda: qapp.exit(3))
    guard.start(20_000)
    try:
        assert application.run_machine(qapp, data_dir=data_dir, mode="display") == 0
    finally:
        guard.stop()
    assert len(created) == 1 and not shiboken6.isValid(created[0])  # the board is gone...
    assert seen == {"boards_left": []}  # ...and was gone before the executor was shut down


INNER_TESTS = textwrap.dedent(
    """
    import shiboken6
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QWidget

    from mpp_desk.ui.tasks import Op
    from tests.ui.conftest import tasks  # noqa: F401 - the fixture under test

    kept = {}


    def test_a_widget_whose_timer_keeps_asking(qtbot, tasks):
        widget = QWidget()
        qtbot.addWidget(widget)
        timer = QTimer(widget)
        timer.setInterval(1)
        timer.timeout.connect(lambda: Op(tasks, lambda: None).run())
        timer.start()
        kept["widget"] = widget
        qtbot.wait(20)


    def test_the_next_test_never_meets_that_widget_again(qtbot):
        assert not shiboken6.isValid(kept["widget"])  # deleted, not just closed
        qtbot.wait(50)  # a timer of the old widget would fire here
    """
)


def test_the_tasks_fixture_deletes_the_tests_widgets_before_it_closes_the_executor(tmp_path):
    (tmp_path / "test_inner.py").write_text(INNER_TESTS, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--rootdir", str(tmp_path),
                          str(tmp_path / "test_inner.py")], cwd=tmp_path, env=env, capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    assert "2 passed" in run.stdout
