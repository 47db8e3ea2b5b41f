"""The QApplication: translators, style sheet, and the first window."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from mpp_desk.paths import I18N_DIR, RESOURCES_DIR
from mpp_desk.backup import BackupScheduler, Rotation, rotation_settings
from mpp_desk.context import AppContext
from mpp_desk.errors import UserError
from mpp_desk.ui.sync_status import SyncBridge
from mpp_desk.ui.tasks import TaskManager

# Measurement and smoke-test hook: "paint" quits after the first paint of the main
# window, "loaded" after the catalogue has loaded (used by bench/startup.py and tests).
EXIT_AFTER_ENV = "MPP_DESK_EXIT_AFTER"


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Install translators once, in priority order: ours, then Qt's own dialogs."""
    installed: list[QTranslator] = []
    if language == "en":
        return installed
    ours = QTranslator(app)
    if ours.load(str(I18N_DIR / f"mpp_desk_{language}.qm")):
        app.installTranslator(ours)
        installed.append(ours)
    qt_base = QTranslator(app)
    if qt_base.load(QLocale(language), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_base)
        installed.append(qt_base)
    QLocale.setDefault(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
    return installed


def apply_style(app: QApplication) -> None:
    app.setStyle("Fusion")
    app.setStyleSheet((RESOURCES_DIR / "style" / "mpp_desk.qss").read_text(encoding="utf-8"))


def run_app(*, data_dir: Path, language: str, qt_argv: list[str], mode: str = "staff",
            counter: int | None = None) -> int:
    app = QApplication.instance() or QApplication(qt_argv)
    assert isinstance(app, QApplication), "the app's windows need a QApplication"
    app.setApplicationName("MPP Desk")
    app.setOrganizationName("DPMPTSP Kabupaten Purwakarta")
    install_translators(app, language)
    apply_style(app)
    if mode in ("kiosk", "display", "survey"):
        return run_machine(app, data_dir=data_dir, mode=mode, counter=counter)

    from mpp_desk.ui.single_instance import SingleInstance, bring_to_front  # lazy: kept out of the first paint of the kiosk, display board and survey screen

    single = SingleInstance(data_dir, app)
    if not single.acquire():  # one staff window per data folder: the first one comes to the front
        print(QCoreApplication.translate(
            "Application", "MPP Desk is already open for this data folder ({folder}): its window was brought to the "
            "front.").format(folder=data_dir), flush=True)
        return 0
    if os.environ.get(EXIT_AFTER_ENV, "") == "raised":  # test hook: end once another start asked to come forward
        single.sig_listening.connect(lambda: print("MPP_DESK listening", flush=True))
        single.sig_raise.connect(lambda: _report_and_quit(app, "raised"))

    from mpp_desk.ui.main_window import IdleWatcher, MainWindow  # lazy: kept out of the first paint of the kiosk, display board and survey screen

    ctx = AppContext(data_dir=data_dir)
    tasks = TaskManager(app)
    idle = IdleWatcher(app)
    app.installEventFilter(idle)

    sync = SyncBridge(app)  # background sync starts once the database is open, and only on a joined PC
    window = MainWindow(ctx=ctx, tasks=tasks, idle=idle, sync=sync)
    from mpp_desk.ui.forms import fit_to_screen  # lazy: kept out of the first paint of the kiosk, display board and survey screen

    fit_to_screen(window, 1280, 760)
    single.sig_raise.connect(lambda: bring_to_front(window))
    QTimer.singleShot(200, single.listen)  # after the first paint: the socket costs a module import
    window.sig_closed.connect(app.quit)  # closing the window (after signing out) ends the program
    try:
        return _run(app, ctx, tasks, window, show=window.show, sync=sync)
    finally:
        single.release()


def run_machine(app: QApplication, *, data_dir: Path, mode: str, counter: int | None = None) -> int:
    """The kiosk, the display board or the survey screen: full screen, no sign-in, left only with the
    administrator PIN."""
    ctx = AppContext(data_dir=data_dir)
    tasks = TaskManager(app)
    if mode == "kiosk":
        from mpp_desk.ui.kiosk import KioskWindow  # lazy: kept out of the first paint of the staff window, display board and survey screen

        window = KioskWindow(ctx=ctx, tasks=tasks)
    elif mode == "survey":
        from mpp_desk.ui.survey import SurveyWindow  # lazy: kept out of the first paint of the staff window, kiosk and display board

        window = SurveyWindow(ctx=ctx, tasks=tasks, counter_number=counter)
    else:
        from mpp_desk.ui.display import DisplayWindow  # lazy: kept out of the first paint of the staff window, kiosk and survey screen

        window = DisplayWindow(ctx=ctx, tasks=tasks)
    window.sig_exit_allowed.connect(app.quit)  # the administrator's PIN: the whole program ends
    if os.environ.get(EXIT_AFTER_ENV, ""):
        window.keep_in_front = False
    window.resize(1920, 1080)

    sync = SyncBridge(app)  # a joined kiosk or board sends its queue history in the background; no status line
    window.sig_ready.connect(lambda _mode: sync.start_if_joined(tasks, ctx))
    return _run(app, ctx, tasks, window, show=window.go_full_screen, sync=sync)


def _run(app: QApplication, ctx, tasks, window, *, show, sync=None) -> int:
    """Show *window*, open the database once it is on screen, run the event loop, then close everything.

    The order is measured (bench/startup.py): connecting the database opening before ``show()``
    delayed the first paint by ~40 ms (ratio 1.35 -> 1.58), so it is connected after.
    """
    exit_after = os.environ.get(EXIT_AFTER_ENV, "")
    if exit_after == "paint":
        window.sig_first_paint.connect(lambda: _report_and_quit(app, "painted"))
    elif exit_after == "loaded":
        window.sig_ready.connect(lambda page: _report_and_quit(app, f"loaded {page}"))
        window.sig_open_failed.connect(lambda message: _report_and_quit(app, f"failed {message}", code=2))
    show()
    # Open the database once the window is on screen (a timer covers a window that is never painted).
    # Both tied to the window (the context object): neither runs after the window is gone.
    window.sig_first_paint.connect(lambda: QTimer.singleShot(0, window, window.open_database))
    QTimer.singleShot(1000, window, window.open_database)
    backups = _backup_scheduler(ctx)  # the day's backup, taken in a thread of its own (mpp_desk/backup.py)
    QTimer.singleShot(BACKUP_FIRST_CHECK_MS, window, backups.start)
    try:
        return app.exec()
    finally:
        backups.stop()
        tear_down(window, tasks)
        if sync is not None:
            sync.stop()  # before the database closes under it
        ctx.close()


BACKUP_FIRST_CHECK_MS = 120_000  # the first look for the day's backup, once starting has settled


def _backup_scheduler(ctx):
    """The automatic backup of this data folder; its rotation read from this PC's settings when it runs."""
    def rotation() -> Rotation:
        if ctx.db is None:
            return Rotation()
        with ctx.uow(write=False) as uow:
            return rotation_settings(uow)

    return BackupScheduler(ctx.data_dir, rotation=rotation)


def tear_down(window, tasks) -> None:
    """The widgets go first, then the database thread: no timer of a window left on screen can hand a job
    to a finished executor (such jobs are dropped anyway, see TaskManager.shutdown)."""
    if not window.isHidden():
        shutdown = getattr(window, "shutdown", None)  # the kiosk and the board stop their timers and voice
        if shutdown is not None:
            shutdown()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    tasks.shutdown(wait=True)


def _report_and_quit(app: QApplication, what: str, code: int = 0) -> None:
    print(f"MPP_DESK {what} {time.time():.6f}", flush=True)
    app.exit(code)


def show_error(parent, title: str, error: BaseException) -> None:
    """Show a failure as a dialog: the user's language for expected errors, a generic line otherwise."""
    text = (
        error.text()
        if isinstance(error, UserError)
        else QCoreApplication.translate("Errors", "Unexpected error: {error}").format(error=error)
    )
    QMessageBox.critical(parent, title, text)
    print(text, file=sys.stderr)
