"""Save a screenshot of every main window and area, at counter (1366x768) and TV (1920x1080) sizes.

    make screenshots            # PNGs in screenshots/ (not committed)

Runs offscreen on a throw-away database with an administrator, a supervisor, a counter
officer and a complaint officer, and walks each role's shell area by area.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "screenshots"
PASSWORD = "Rahasia-Layar-2026"
SIZES = ((1366, 768), (1920, 1080))


def wait(ms: int = 600, signal=None) -> None:
    loop = QEventLoop()
    if signal is not None:
        signal.connect(lambda *a: loop.quit())
    QTimer.singleShot(ms if signal is None else 10000, loop.quit)
    loop.exec()


def main() -> int:
    from mpp_desk import auth
    from mpp_desk.context import AppContext
    from mpp_desk.roles import TERMINAL
    from mpp_desk.ui.application import apply_style, install_translators
    from mpp_desk.ui.auth_panels import SignInPanel
    from mpp_desk.ui.main_window import MainWindow
    from mpp_desk.ui.tasks import TaskManager

    app = QApplication(sys.argv)
    install_translators(app, "id")
    apply_style(app)
    OUT.mkdir(exist_ok=True)
    ctx = AppContext(data_dir=Path(tempfile.mkdtemp(prefix="mpp-shots-")))
    tasks = TaskManager(app)
    window = MainWindow(ctx=ctx, tasks=tasks)
    window.resize(*SIZES[0])
    window.show()
    window.open_database()
    wait(signal=window.sig_ready)
    window.grab().save(str(OUT / "00_first_start.png"))
    with ctx.uow() as uow:
        auth.first_run_setup(uow, office_name="Mal Pelayanan Publik Bale Madukara",
                             office_address="Jalan Jenderal Sudirman, Purwakarta", admin_username="admin",
                             admin_full_name="Ade Administrator", password=PASSWORD, pin="480512")
        uow.commit()
    with ctx.uow(actor=TERMINAL) as uow:
        for name, full, role in (("kepala", "Kepala DPMPTSP", "supervisor"), ("siti", "Siti Loket", "counter"),
                                 ("budi", "Budi Pengaduan", "complaints")):
            auth.create_user(uow, username=name, full_name=full, role=role, password=PASSWORD,
                             must_change_password=False)
        uow.commit()
    window._open_started = False
    window.open_database()
    wait(signal=window.sig_ready)
    window.grab().save(str(OUT / "01_sign_in.png"))
    count = 2
    for username in ("admin", "kepala", "siti", "budi"):
        panel = window.pages.currentWidget().findChild(SignInPanel)
        panel.username.setText(username)
        panel.password.setText(PASSWORD)
        panel._submit()
        wait(signal=window.sig_signed_in)
        for width, height in SIZES:
            window.resize(width, height)
            for key in window.shell.area_keys():
                window.shell.open_area(key)
                wait(700)
                window.grab().save(str(OUT / f"{count:02d}_{username}_{key}_{width}x{height}.png"))
                count += 1
        window.resize(*SIZES[0])
        window.sign_out()
        wait(300)
    tasks.shutdown()
    ctx.close()
    print(f"{count} screenshots in {OUT.relative_to(ROOT)}/")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
