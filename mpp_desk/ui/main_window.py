"""The staff app's one main window: opening → first-run set-up → sign-in → the shell of the person's role.

The window is shown at once with a "opening" page; the database is opened on the
database thread after the first paint. Signing out or an idle lock returns to the
sign-in page; nothing of the previous person's work stays on screen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar, cast

# No `Qt` namespace import here: building its ~100 Python enums costs ~14 ms, and this module is
# on the path to the first paint (bench/startup.py).
from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from mpp_desk.ui.forms import error_text
from mpp_desk.ui.tasks import Op, TaskManager

if TYPE_CHECKING:
    from mpp_desk.ui.auth_panels import SignInPanel

PanelT = TypeVar("PanelT", bound=QWidget)


class IdleWatcher(QObject):
    """Fires ``sig_idle`` after a stretch without keyboard or mouse input anywhere in the app."""

    sig_idle = Signal()
    """No input for the configured time."""

    INPUT_EVENTS = {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.sig_idle.emit)

    def start(self, minutes: float) -> None:
        if minutes <= 0:
            self.stop()
            return
        self._timer.setInterval(int(minutes * 60_000))
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if event.type() in self.INPUT_EVENTS and self._timer.isActive():
            self._timer.start()
        return False


class MainWindow(QMainWindow):
    """Pages: opening, first-run set-up, sign-in (or screen lock), and the role shell."""

    sig_first_paint = Signal()
    """The window has been painted for the first time (startup measurement)."""

    sig_ready = Signal(str)
    """The database is open and the window shows "setup" or "signin"."""

    sig_open_failed = Signal(str)
    """The database could not be used; the message is on screen."""

    sig_signed_in = Signal(object)
    """Someone signed in; the shell of their role is shown (the Actor)."""

    sig_signed_out = Signal()
    """The person signed out (or cancelled an idle lock); the sign-in page is shown."""

    sig_locked = Signal()
    """The screen was locked after the idle time."""

    sig_closed = Signal()
    """The window was closed (the person signed out first): the program ends."""

    def __init__(self, *, ctx, tasks: TaskManager, idle: IdleWatcher | None = None, sync=None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._tasks = tasks
        self.sync = sync  # the SyncBridge of the bootstrap (None: no background sync, as in most tests)
        self._painted = False
        self._open_started = False
        self.actor = None
        self.office_name = ""
        self.idle_minutes = 5.0
        self.idle = idle or IdleWatcher(self)
        self.idle.sig_idle.connect(self.lock)
        self.setWindowTitle(self.tr("MPP Desk"))
        self.pages = QStackedWidget()
        self.setCentralWidget(self.pages)
        self.opening = self._centered(QLabel(self.tr("Opening the database…")))
        label = self.opening.findChild(QLabel)
        assert label is not None, "_centered keeps the label it was given"
        self.opening_label: QLabel = label
        self.opening_label.setObjectName("pageTitle")
        self.pages.addWidget(self.opening)
        self.shell = None
        self._panels: dict[str, tuple[QWidget, QWidget]] = {}
        self._closing = False

    # ----- pages -------------------------------------------------------------------------------
    def _centered(self, widget: QWidget) -> QWidget:
        page = QWidget()
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(widget)
        row.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        return page

    def _show_page(self, widget: QWidget) -> None:
        """Make *widget* the visible page. Pages are kept and reused, never deleted while the
        window lives: a page is usually switched away from inside its own form's signal,
        and deleting it from there crashed PySide (see docs/architecture.md)."""
        if self.pages.indexOf(widget) < 0:
            self.pages.addWidget(widget)
        self.pages.setCurrentWidget(widget)

    def _page_for(self, key: str, make: Callable[[], PanelT]) -> tuple[QWidget, PanelT]:
        """The (page, panel) kept under *key*, created by ``make()`` the first time."""
        if key not in self._panels:
            panel = make()
            self._panels[key] = (self._centered(panel), panel)
        page, panel = self._panels[key]
        return page, cast(PanelT, panel)

    def open_database(self) -> None:
        """Open (create, migrate, seed) the database in the background, then show set-up or sign-in."""
        if self._open_started:
            return
        self._open_started = True
        from mpp_desk.ui.ops import auth as ops  # lazy: kept out of the first paint of the staff window

        Op(self._tasks, lambda: ops.open_and_describe(self._ctx)).success(self._opened).failure(self._open_failed).run()

    def _opened(self, state) -> None:
        self.office_name = state.office_name
        self.idle_minutes = state.idle_lock_minutes
        if self.sync is not None:
            self.sync.start_if_joined(self._tasks, self._ctx)
        if state.needs_setup:
            self.show_setup()
            self.sig_ready.emit("setup")
        else:
            self.show_sign_in()
            self.sig_ready.emit("signin")

    def _open_failed(self, error: BaseException) -> None:
        message = error_text(error)
        self.opening_label.setObjectName("errorNote")
        self.opening_label.setWordWrap(True)
        self.opening_label.setText(message)
        self.opening_label.setStyleSheet("")  # re-polish with the new object name
        self.sig_open_failed.emit(message)

    def show_setup(self) -> None:
        from mpp_desk.ui.auth_panels import FirstRunPanel  # lazy: kept out of the first paint of the staff window

        def make():
            panel = FirstRunPanel(ctx=self._ctx, tasks=self._tasks)
            panel.sig_done.connect(self._opened_after_setup)
            return panel

        page, panel = self._page_for("setup", make)
        self._show_page(page)
        panel.username.setFocus()

    def _opened_after_setup(self, _result=None) -> None:
        self._open_started = False
        self.open_database()

    def show_sign_in(self, *, locked_user: str | None = None) -> None:
        from mpp_desk.ui.auth_panels import SignInPanel  # lazy: kept out of the first paint of the staff window

        def make():
            panel = SignInPanel(ctx=self._ctx, tasks=self._tasks)
            panel.sig_done.connect(self._sign_in_done)
            panel.sig_cancelled.connect(self.sign_out)
            return panel

        page, panel = self._page_for("signin", make)
        panel.prepare(office_name=self.office_name, locked_user=locked_user)
        self._show_page(page)
        (panel.password if locked_user else panel.username).setFocus()

    def _sign_in_done(self, actor) -> None:
        signin = cast("SignInPanel", self._panels["signin"][1])
        if signin.locked_user:
            self._unlocked(actor)
        else:
            self._signed_in(actor)

    def _signed_in(self, actor) -> None:
        self.actor = actor
        if getattr(actor, "must_change_password", False):
            self._force_password_change()
            return
        self._show_shell()

    def _force_password_change(self) -> None:
        from mpp_desk.ui.auth_panels import ChangePasswordPanel  # lazy: kept out of the first paint of the staff window

        def make():
            panel = ChangePasswordPanel(ctx=self._ctx, tasks=self._tasks, actor=self.actor, forced=True)
            panel.hide_cancel()
            panel.sig_done.connect(self._password_changed)
            return panel

        page, panel = self._page_for("change_password", make)
        panel.prepare(actor=self.actor)
        self._show_page(page)
        panel.old.setFocus()

    def _password_changed(self, _actor) -> None:
        self._show_shell()

    def _show_shell(self) -> None:
        from mpp_desk.ui.shell import RoleShell  # lazy: kept out of the first paint of the staff window

        if self.shell is not None:
            self.shell.deleteLater()
        self.shell = RoleShell(ctx=self._ctx, tasks=self._tasks, actor=self.actor, office_name=self.office_name,
                               sync=self.sync)
        self.shell.sig_sign_out.connect(self.sign_out)
        self.shell.sig_lock.connect(self.lock)
        self._show_page(self.shell)
        self.setWindowTitle(self.tr("MPP Desk — {office}").format(office=self.office_name))
        self.idle.start(self.idle_minutes)
        self.sig_signed_in.emit(self.actor)

    def _unlocked(self, actor) -> None:
        if self.actor is None or actor.user_id != self.actor.user_id:
            # Someone else unlocked: the first person is signed out, the new one gets a fresh shell.
            self.actor = actor
            self._show_shell()
            return
        assert self.shell is not None, "unlocking always follows a signed-in shell"
        self.pages.setCurrentWidget(self.shell)
        self.idle.start(self.idle_minutes)

    def lock(self) -> None:
        """Hide the work behind the sign-in page for the same person (idle lock or Ctrl+L)."""
        if self.actor is None or self.shell is None:
            return
        self.idle.stop()
        self.show_sign_in(locked_user=self.actor.username)
        self.sig_locked.emit()

    def sign_out(self) -> None:
        from mpp_desk.ui.ops import auth as ops  # lazy: kept out of the first paint of the staff window

        actor, self.actor = self.actor, None
        self.idle.stop()
        if self.shell is not None:
            self.shell.deleteLater()
            self.shell = None
        if actor is not None:
            Op(self._tasks, lambda: ops.sign_out(self._ctx, actor=actor)).run()
        self.setWindowTitle(self.tr("MPP Desk"))
        self.show_sign_in()
        self.sig_signed_out.emit()

    def closeEvent(self, event) -> None:  # noqa: N802
        """The window's X: sign out (audited, as "Sign out" is), then close and end the program.

        An area with unsaved typing asks first through its event filter on this window (the
        intake's close guard); when the person stays, this is not reached.
        """
        if self.actor is None or self._closing:
            super().closeEvent(event)
            if event.isAccepted():
                self.sig_closed.emit()
            return
        event.ignore()  # closed for real once the sign-out is recorded
        from mpp_desk.ui.ops import auth as ops  # lazy: kept out of the first paint of the staff window

        self._closing = True
        actor, self.actor = self.actor, None
        self.idle.stop()
        self.hide()

        def signed_out(_result=None) -> None:
            self.sig_signed_out.emit()
            self.close()

        try:
            Op(self._tasks, lambda: ops.sign_out(self._ctx, actor=actor)).success(signed_out).failure(
                signed_out).run()
        except RuntimeError:  # the task manager is already shut down (the program is ending anyway)
            signed_out()

    def paintEvent(self, event) -> None:  # noqa: N802
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.sig_first_paint.emit()
