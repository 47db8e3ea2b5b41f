"""A PC given a database from a newer MPP Desk (a restored copy, a downgrade): the window and the command
both say so in Indonesian and leave the file as it was."""

from __future__ import annotations

import contextlib
import hashlib
import io
import sqlite3

from mpp_desk.paths import database_path


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_database_from_a_newer_version_is_refused_by_the_window_and_the_command(qtbot, app_ctx, tasks):
    from mpp_desk.cli import main
    from mpp_desk.context import AppContext
    from mpp_desk.ui.main_window import MainWindow

    app_ctx.open()
    app_ctx.close()
    path = database_path(app_ctx.data_dir)
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999_future'")
    con.commit()
    con.close()
    before = _sha(path)

    window = MainWindow(ctx=AppContext(data_dir=app_ctx.data_dir), tasks=tasks)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.sig_open_failed, timeout=10000) as failed:
        window.open_database()
    (message,) = failed.args
    assert "versi MPP Desk yang lebih baru" in message and "9999_future" in message and "Pasang versi" in message
    assert window.opening_label.text() == message

    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        status = main(["--data-dir", str(app_ctx.data_dir), "retention", "due"])
    assert status == 2
    assert err.getvalue().startswith("mpp-desk: Basis data") and "versi MPP Desk yang lebih baru" in err.getvalue()
    assert _sha(path) == before
    assert not (app_ctx.data_dir / "backups").exists() or not any((app_ctx.data_dir / "backups").rglob("*.sqlite3"))
