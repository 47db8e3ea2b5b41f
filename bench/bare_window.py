"""Baseline for bench/startup.py: a bare PySide6 main window, quitting after its first paint."""

import sys
import time

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


class Bare(QMainWindow):
    sig_first_paint = Signal()

    def __init__(self):
        super().__init__()
        self._painted = False
        self.setCentralWidget(QLabel("bare"))

    def paintEvent(self, event):  # noqa: N802
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.sig_first_paint.emit()


app = QApplication(sys.argv)
w = Bare()
w.sig_first_paint.connect(lambda: (print(f"MPP_DESK painted {time.time():.6f}", flush=True), app.exit(0)))
w.resize(1280, 760)
w.show()
sys.exit(app.exec())
