"""One staff window per data folder: a second start brings the first window to the front and ends.

The first process holds a lock file in the data folder (``staff-window.lock``; Qt's QLockFile
notices a lock left by a process that died) and listens on a local socket named after the
folder. A second start finds the lock taken, asks the first one over the socket to show its
window, says so in one line and exits 0.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal

RAISE = b"raise\n"
CONNECT_MS = 1500
LOCK_NAME = "staff-window.lock"


def server_name(data_dir: Path) -> str:
    """The local socket's name: short (a Unix socket path is limited) and the same for one folder."""
    key = os.path.normcase(str(Path(data_dir).resolve()))
    return "mpp-desk-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


class SingleInstance(QObject):
    """``acquire()`` once at start-up: True if this process is the folder's staff window."""

    sig_raise = Signal()
    """Another start asked this window to come to the front."""

    sig_listening = Signal()
    """Later starts can now reach this process."""

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(data_dir)
        Path(data_dir).mkdir(parents=True, exist_ok=True)
        self.lock = QLockFile(str(Path(data_dir) / LOCK_NAME))
        self.lock.setStaleLockTime(0)  # only a dead owner makes it stale, however long the app runs
        self.server = None

    def acquire(self) -> bool:
        """Take the folder's lock (QtCore only: nothing slows the first paint); False if another
        process holds it, which is then asked to bring its window forward."""
        if not self.lock.tryLock(200):
            self._ask_first_to_raise()
            return False
        return True

    def listen(self) -> None:
        """Answer later starts (called once the window is up; QtNetwork is loaded here)."""
        from PySide6.QtNetwork import QLocalServer

        if self.server is not None:
            return
        QLocalServer.removeServer(self.name)  # a socket left by a process that died
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._connected)
        self.server.listen(self.name)
        self.sig_listening.emit()

    def _ask_first_to_raise(self) -> bool:
        from PySide6.QtNetwork import QLocalSocket

        import time

        socket = QLocalSocket()
        deadline = time.monotonic() + 2 * CONNECT_MS / 1000  # the first one may be starting up
        while True:
            socket.connectToServer(self.name)
            if socket.waitForConnected(CONNECT_MS):
                break
            if time.monotonic() > deadline:
                return False
            time.sleep(0.1)
        socket.write(RAISE)
        socket.flush()
        socket.waitForBytesWritten(CONNECT_MS)
        socket.disconnectFromServer()
        return True

    def _connected(self) -> None:
        while self.server is not None and self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket) -> None:
        if bytes(socket.readAll().data()).startswith(RAISE.strip()):
            self.sig_raise.emit()

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
        self.lock.unlock()


def bring_to_front(window) -> None:
    """Show *window* in front of the others (restored if it was minimised)."""
    from PySide6.QtCore import Qt

    if window.windowState() & Qt.WindowState.WindowMinimized:
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()
