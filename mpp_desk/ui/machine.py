"""What the kiosk and the display board share: a full-screen window without sign-in that only an
administrator's PIN can close.

Closing (Alt+F4, the window manager, Escape) is refused and the PIN pad is shown instead; it is
also reached with Ctrl+Shift+Q or five quick taps on the top-left corner (touch screens have no
keyboard). The window keeps itself on top and takes the focus back when something else takes it.
That is as far as an application can go: on the kiosk PC, Windows' assigned access (or a
session that starts only ``mpp-desk --kiosk``) must stop Alt+Tab and the Windows key.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mpp_desk.officetime import local  # stdlib only: nothing heavy before the first paint
from mpp_desk.ui.tasks import Op, TaskManager

EXIT_TAPS = 5
EXIT_TAP_SECONDS = 3.0
CORNER = 90  # px: the hidden top-left square that counts the exit taps


office_time = local  # *moment* (aware; None: the process clock's now) in office time, for the clocks on screen


def scaled_sizes(sizes: dict[str, int], scale: float) -> str:
    """A style sheet that sets each object name's font size, scaled."""
    return "\n".join(f"#{name} {{ font-size: {max(10, round(px * scale))}px; }}" for name, px in sizes.items())


class PinPad(QFrame):
    """An on-screen PIN pad for touch screens (digits on the keyboard work too); checks the PIN in the background."""

    sig_accepted = Signal()
    """The administrator PIN was right."""

    sig_cancelled = Signal()
    """The person pressed Cancel (or Escape)."""

    MAX_DIGITS = 12

    def __init__(self, *, ctx, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pinPad")
        self._ctx = ctx
        self._tasks = tasks
        self._digits = ""
        self._checking = False
        title = QLabel(self.tr("Administrator PIN"))
        title.setObjectName("pinTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        note = QLabel(self.tr("Only an administrator can leave this screen."))
        note.setObjectName("pinNote")
        note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        note.setWordWrap(True)
        self.display = QLabel()
        self.display.setObjectName("pinDisplay")
        self.display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = QLabel()
        self.message.setObjectName("pinMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        grid = QGridLayout()
        grid.setSpacing(12)
        self.buttons: dict[str, QPushButton] = {}
        keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "back", "0", "ok"]
        for index, key in enumerate(keys):
            text = {"back": "⌫", "ok": self.tr("OK")}.get(key, key)
            button = QPushButton(text)
            button.setObjectName("pinOk" if key == "ok" else "pinKey")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setMinimumSize(110, 90)
            button.clicked.connect(lambda _=False, k=key: self.press(k))
            grid.addWidget(button, index // 3, index % 3)
            self.buttons[key] = button
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("pinCancel")
        self.cancel_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.cancel_button.clicked.connect(self.cancel)
        layout = QVBoxLayout(self)
        layout.setSpacing(14)
        layout.addWidget(title)
        layout.addWidget(note)
        layout.addWidget(self.display)
        layout.addWidget(self.message)
        layout.addLayout(grid)
        layout.addWidget(self.cancel_button)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.reset()

    def reset(self) -> None:
        self._digits = ""
        self._checking = False
        self.message.clear()
        self._show_digits()

    def _show_digits(self) -> None:
        self.display.setText("●" * len(self._digits) if self._digits else "—")

    def press(self, key: str) -> None:
        if self._checking:
            return
        if key == "ok":
            self.submit()
        elif key == "back":
            self._digits = self._digits[:-1]
        elif key.isdigit() and len(self._digits) < self.MAX_DIGITS:
            self._digits += key
            self.message.clear()
        self._show_digits()

    def submit(self) -> None:
        if not self._digits or self._checking:
            return
        from mpp_desk.ui.forms import error_text  # lazy: kept out of the first paint of the kiosk, display board and survey screen
        from mpp_desk.ui.ops import auth as ops  # lazy: kept out of the first paint of the kiosk, display board and survey screen

        pin, ctx = self._digits, self._ctx
        self._checking = True
        self.message.setText(self.tr("Checking…"))
        Op(self._tasks, lambda: ops.check_admin_pin(ctx, pin=pin)).success(self._checked).failure(
            lambda e: self._refused(error_text(e))).run()

    def _checked(self, ok: bool) -> None:
        if ok:
            self.reset()
            self.sig_accepted.emit()
        else:
            self._refused(self.tr("Wrong PIN."))

    def _refused(self, text: str) -> None:
        self._checking = False
        self._digits = ""
        self._show_digits()
        self.message.setText(text)

    def cancel(self) -> None:
        self.reset()
        self.sig_cancelled.emit()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - the keyboard works like the pad
        key, text = event.key(), event.text()
        if text and text.isdigit():
            self.press(text)
        elif key == Qt.Key.Key_Backspace:
            self.press("back")
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.press("ok")
        elif key == Qt.Key.Key_Escape:
            self.cancel()
        else:
            super().keyPressEvent(event)


class MachineWindow(QWidget):
    """Base of the kiosk and the board: pages in a stack, the PIN pad, refusal to close, first-paint hook."""

    sig_first_paint = Signal()
    """The window has been painted for the first time (startup measurement)."""

    sig_ready = Signal(str)
    """The database is open and the window shows its start page (the mode's name)."""

    sig_open_failed = Signal(str)
    """The database could not be used; the message is on screen."""

    sig_exit_allowed = Signal()
    """The administrator PIN was accepted: the window is closing."""

    mode = "machine"

    def __init__(self, *, ctx, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._tasks = tasks
        self._painted = False
        self._open_started = False
        self._exit_allowed = False
        self._taps: list[float] = []
        self._page_before_pin: QWidget | None = None
        self.keep_in_front = True
        self.setWindowTitle(self.tr("MPP Desk"))
        self.pages = QStackedWidget(self)
        layout = self.main_layout = QVBoxLayout(self)  # subclasses add a header and a footer
        layout.setContentsMargins(0, 0, 0, 0)
        # The screen decides the size; the fonts then follow it (resizeEvent), not the other way round.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.addWidget(self.pages)
        self.opening = QLabel(self.tr("Please wait…"))
        self.opening.setObjectName("machineOpening")
        self.opening.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.opening.setWordWrap(True)
        self.pages.addWidget(self.opening)
        self.pin_page: QWidget | None = None
        self.pin_pad: PinPad | None = None
        self.pin_status: QLabel | None = None

    # ----- pages ---------------------------------------------------------------------------------
    def show_page(self, widget: QWidget) -> None:
        if self.pages.indexOf(widget) < 0:
            self.pages.addWidget(widget)
        self.pages.setCurrentWidget(widget)

    def open_database(self) -> None:
        """Open the database in the background (once), then show the start page."""
        if self._open_started:
            return
        self._open_started = True
        self.start_opening()

    def start_opening(self) -> None:
        raise NotImplementedError

    def opening_failed(self, error: BaseException) -> None:
        from mpp_desk.ui.forms import error_text  # lazy: kept out of the first paint of the kiosk, display board and survey screen

        message = error_text(error)
        self.opening.setObjectName("machineError")
        self.opening.style().unpolish(self.opening)  # re-polish with the new object name
        self.opening.style().polish(self.opening)
        self.opening.setText(message)
        self.show_page(self.opening)
        self.sig_open_failed.emit(message)

    # ----- leaving -------------------------------------------------------------------------------
    @property
    def pin_showing(self) -> bool:
        return self.pin_page is not None and self.pages.currentWidget() is self.pin_page

    def ask_pin(self) -> None:
        """Show the PIN pad; the right administrator PIN closes the window."""
        if self.pin_page is None:
            self.pin_pad = PinPad(ctx=self._ctx, tasks=self._tasks)
            self.pin_pad.sig_accepted.connect(self._pin_accepted)
            self.pin_pad.sig_cancelled.connect(self._pin_cancelled)
            page = QWidget()
            page.setObjectName("pinPage")
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(self.pin_pad)
            row.addStretch(1)
            # technical state for IT staff (e.g. the board's voice): here, never on the public screen
            self.pin_status = QLabel()
            self.pin_status.setObjectName("pinStatus")
            self.pin_status.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.pin_status.setWordWrap(True)
            column = QVBoxLayout(page)
            column.addStretch(1)
            column.addLayout(row)
            column.addWidget(self.pin_status)
            column.addStretch(1)
            self.pin_page = page
        assert self.pin_pad is not None and self.pin_status is not None  # built above on first use
        if not self.pin_showing:
            self._page_before_pin = self.pages.currentWidget()
            self.pin_pad.reset()
            status = self.admin_status()
            self.pin_status.setText(status)
            self.pin_status.setVisible(bool(status))
            self.show_page(self.pin_page)
        self.pin_pad.setFocus()
        self.pin_opened()

    def admin_status(self) -> str:
        """Hook: technical state shown to the administrator under the PIN pad ("" for none)."""
        return ""

    def pin_opened(self) -> None:
        """Hook: the PIN pad is on screen (the kiosk stops its idle timer)."""

    def _pin_cancelled(self) -> None:
        self.show_page(self._page_before_pin or self.opening)
        self.pin_closed()

    def pin_closed(self) -> None:
        """Hook: the PIN pad was cancelled."""

    def _pin_accepted(self) -> None:
        self._exit_allowed = True
        self.sig_exit_allowed.emit()
        self.close()

    def closeEvent(self, event) -> None:  # noqa: N802 - refused without the administrator PIN
        if self._exit_allowed:
            self.shutdown()
            event.accept()
            return
        event.ignore()
        self.ask_pin()

    def shutdown(self) -> None:
        """Hook: stop timers and sounds before the window goes."""

    def keyPressEvent(self, event) -> None:  # noqa: N802
        key, mods = event.key(), event.modifiers()
        if key == Qt.Key.Key_Q and mods & Qt.KeyboardModifier.ControlModifier and mods & Qt.KeyboardModifier.ShiftModifier:
            self.ask_pin()
            return
        if key in (Qt.Key.Key_Escape, Qt.Key.Key_F4):
            event.accept()  # Escape (and a stray Alt+F4 key event) never leave; Escape only closes the PIN pad
            if key == Qt.Key.Key_Escape and self.pin_showing and self.pin_pad is not None:
                self.pin_pad.cancel()
            return
        super().keyPressEvent(event)

    def count_corner_tap(self, pos) -> bool:
        """Five taps within three seconds in the top-left corner open the PIN pad; True when this tap did."""
        if pos.x() > CORNER or pos.y() > CORNER:
            return False
        now = time.monotonic()
        self._taps = [t for t in self._taps if now - t < EXIT_TAP_SECONDS] + [now]
        if len(self._taps) >= EXIT_TAPS:
            self._taps = []
            self.ask_pin()
            return True
        return False

    def mousePressEvent(self, event) -> None:  # noqa: N802 - presses on labels and empty space arrive here
        self.count_corner_tap(event.position().toPoint())
        super().mousePressEvent(event)

    def changeEvent(self, event) -> None:  # noqa: N802 - take the screen back when something else takes it
        if event.type() == QEvent.Type.ActivationChange and self.keep_in_front and not self._exit_allowed:
            if self.isVisible() and not self.isActiveWindow():
                QTimer.singleShot(500, self, self._reclaim)
        super().changeEvent(event)

    def _reclaim(self) -> None:
        if self.isVisible() and not self.isActiveWindow() and not self._exit_allowed:
            self.raise_()
            self.activateWindow()

    def paintEvent(self, event) -> None:  # noqa: N802
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.sig_first_paint.emit()

    def go_full_screen(self) -> None:
        """Full screen, on top, no frame: how the machine PCs run."""
        self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        self.showFullScreen()
