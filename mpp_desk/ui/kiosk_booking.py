"""The kiosk's booked visits (issue 17): "Punya kode booking?" opens a touch keypad to type the code, and a
barcode scanner (a keyboard wedge: fast keystrokes ending in Enter) reading the booking's QR code anywhere
on the kiosk redeems it. The ticket is issued at once on the server (``RemoteQueue.redeem_booking``) and
printed; it is then shown like any other (KioskWindow._issued); a refusal says why (used, released, not today,
too early), in Indonesian.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QFrame, QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from mpp_desk.ui.forms import error_text
from mpp_desk.ui.kiosk_widgets import WrapButton, big_label
from mpp_desk.ui.tasks import Op

ALPHABET = "ACDEFGHJKMNPRTUVWXY346789"  # the booking codes' characters (server/bookings.py)
CODE_LENGTH = 8
SCAN_GAP_S = 0.05  # a scanner types faster than this between keys; a person does not


class BookingKeypad(QFrame):
    """The code's characters as big keys, a display, delete, back and "take my number"."""

    sig_submit = Signal(str)
    sig_cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kioskBookingPad")
        self.code = ""
        self.display = big_label("", "pinDisplay", wrap=False)
        self.display.setAccessibleName(self.tr("Booking code typed"))
        self.keys: dict[str, QPushButton] = {}
        grid = QGridLayout()
        grid.setSpacing(12)
        for index, char in enumerate(ALPHABET):
            key = QPushButton(char)
            key.setObjectName("pinKey")
            key.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            key.clicked.connect(lambda _=False, c=char: self.press(c))
            grid.addWidget(key, index // 7, index % 7)
            self.keys[char] = key
        self.delete_button = QPushButton(self.tr("Delete"))
        self.back_button = QPushButton(self.tr("Back"))
        self.ok_button = QPushButton(self.tr("Take my number"))
        for button, name in ((self.delete_button, "kioskBackButton"), (self.back_button, "kioskBackButton"),
                             (self.ok_button, "pinOk")):
            button.setObjectName(name)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.delete_button.clicked.connect(self.delete)
        self.back_button.clicked.connect(self.sig_cancelled.emit)
        self.ok_button.clicked.connect(self.submit)
        row = QHBoxLayout()
        row.addWidget(self.back_button)
        row.addWidget(self.delete_button)
        row.addWidget(self.ok_button, 1)
        layout = QVBoxLayout(self)
        layout.setSpacing(18)
        layout.addWidget(self.display)
        layout.addLayout(grid)
        layout.addLayout(row)
        self.clear()

    def clear(self) -> None:
        self.code = ""
        self._show()

    def press(self, char: str) -> None:
        if len(self.code) < CODE_LENGTH and char in ALPHABET:
            self.code += char
            self._show()

    def delete(self) -> None:
        self.code = self.code[:-1]
        self._show()

    def submit(self) -> None:
        if len(self.code) == CODE_LENGTH:
            self.sig_submit.emit(self.code)

    def _show(self) -> None:
        padded = self.code.ljust(CODE_LENGTH, "_")
        self.display.setText(f"{padded[:4]}-{padded[4:]}")
        self.ok_button.setEnabled(len(self.code) == CODE_LENGTH)


class ScanCatcher(QObject):
    """Keystrokes anywhere in the application: a burst of code characters ending in Enter is a scanned code."""

    sig_scanned = Signal(str)

    def __init__(self, parent: QObject | None = None, *, clock=time.monotonic) -> None:
        super().__init__(parent)
        self.clock = clock
        self.buffer = ""
        self.last = 0.0
        self.enabled = True

    def feed(self, text: str, enter: bool) -> bool:
        """One keystroke; True when it ended a scan (and the code was sent)."""
        now = self.clock()
        if now - self.last > SCAN_GAP_S:
            self.buffer = ""
        self.last = now
        if enter:
            code, self.buffer = self.buffer, ""
            if len(code) == CODE_LENGTH and self.enabled:
                self.sig_scanned.emit(code)
                return True
            return False
        char = (text or "").upper()
        if len(char) == 1 and char.isalnum():
            self.buffer = (self.buffer + char)[-16:]
        elif char not in ("-", ""):
            self.buffer = ""
        return False

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - every key press of the application passes here
        if event.type() == QEvent.Type.KeyPress and not event.isAutoRepeat():
            enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            return self.feed(event.text(), enter)
        return False


class KioskBooking(QObject):
    """Adds booked visits to a KioskWindow: the start screen's button, the keypad page, the scanner."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.button = WrapButton(self.tr("Have a booking code? Type it or scan its QR code"), "kioskPriorityButton")
        self.button.clicked.connect(self.show_keypad)
        window.start_page.layout().addWidget(self.button)
        self.page, layout = window._page("kioskBooking")
        layout.addWidget(big_label(self.tr("Have a booking code?"), "kioskTitle"))
        layout.addWidget(big_label(self.tr("Type the 8 characters of your booking code, or hold its QR code under the "
                                           "scanner."), "kioskSubtitle"))
        self.keypad = BookingKeypad()
        self.keypad.sig_submit.connect(self.redeem)
        self.keypad.sig_cancelled.connect(window.back_to_start)
        layout.addWidget(self.keypad, 1)
        window.pages.addWidget(self.page)
        self.scanner = ScanCatcher(self)
        self.scanner.sig_scanned.connect(self.scanned)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.scanner)  # removed by Qt with the scanner (a child of the window)

    def show_keypad(self) -> None:
        self.keypad.clear()
        self.window.show_page(self.page)
        self.window._restart_idle()

    def scanned(self, code: str) -> None:
        """A scan on the start screen, the keypad or a shown ticket; not while issuing or at the PIN."""
        w = self.window
        if not w.isVisible() or w.pin_showing or w._issuing or not w._open_started:
            return
        if w.current_page not in (w.start_page, self.page, w.ticket_page, w.message_page):
            return
        self.redeem(code)

    def redeem(self, code: str) -> None:
        from mpp_desk.ui.ops import queue as ops  # lazy: SQLAlchemy and the models, kept out of the first paint of the kiosk

        w = self.window
        if w._issuing:
            return
        w._issuing = True
        w.idle_timer.stop()
        w.show_page(w.working_page)
        ctx, now = w._ctx, w.now()
        Op(w._tasks, lambda: ops.redeem_booking(ctx, code=code, now=now)).success(w._issued).failure(self._failed).run()

    def _failed(self, error: BaseException) -> None:
        self.window._issuing = False
        self.window.show_message(self.tr("No number was issued for this booking"), error_text(error))
