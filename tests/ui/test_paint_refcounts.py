"""Painting must not lose references to None, True or False.

PySide6 6.12.0 drops one reference to ``None`` on every ``QStyle.drawPrimitive`` and
``QPainter.setFont`` call made from Python; Python 3.11 then frees ``None`` ("Fatal Python error:
none_dealloc") — the display board with a running text died after about 4½ minutes, and the UI tier
aborted at exit ("bool_dealloc"). These tests paint the board, the kiosk and the statistics chart a
few thousand times and check that the three reference counts hold; a guard refuses the known-bad
releases in the installed packages and in requirements.lock.
(From Python 3.12 these objects are immortal and their counts never move: the test then passes trivially.)
"""

from __future__ import annotations

import gc
import re
import sys
from importlib import metadata
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject

from tests.ui.queue_helpers import TUESDAY_10, Clock, FakeEngine, allow_exit, queue_ctx, set_setting

pytestmark = pytest.mark.slow  # thousands of paints: `make test-fast` leaves it out

__all__ = ["queue_ctx"]  # fixtures used by this module

ROOT = Path(__file__).resolve().parents[2]
PAINTS = 2000
# Reference-count noise from the interpreter itself is a handful; the 6.12.0 bug loses ~1 per call.
TOLERANCE_PER_1000_PAINTS = 10
# Releases measured to lose references while painting (issue 10). 6.11.0, 6.10.1 and 6.9.3 do not.
KNOWN_BAD = {
    "PySide6_Essentials": {"6.12.0"},
    "PySide6_Addons": {"6.12.0"},
    "shiboken6": {"6.12.0"},
}


class PaintCounter(QObject):
    """Counts the paint events a widget receives (so the test knows the painting really happened)."""

    def __init__(self, widget) -> None:
        super().__init__(widget)
        self.paints = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


def counts() -> dict[str, int]:
    return {"None": sys.getrefcount(None), "True": sys.getrefcount(True), "False": sys.getrefcount(False)}


def paint_many(widget, times: int, *, grab: bool = False) -> tuple[int, dict[str, int]]:
    """Repaint *widget* (on screen, or into a pixmap) up to *times* times; (paints, change of each count).

    Stops early once a count has moved past the limit: on a release with the bug, painting on
    would free ``None`` and abort the whole test run instead of failing this test.
    """
    paint = widget.grab if grab else widget.repaint
    for _ in range(20):  # warm up: first paints create caches (fonts, style sheet rules)
        paint()
    gc.collect()
    gc.disable()  # a collection in the middle would free unrelated references to None
    try:
        before = counts()
        done = 0
        while done < times:
            for _ in range(100):
                paint()
            done += 100
            change = {name: value - before[name] for name, value in counts().items()}
            if any(abs(delta) > limit_for(times) for delta in change.values()):
                break
    finally:
        gc.enable()
    return done, change


def limit_for(paints: int) -> float:
    return TOLERANCE_PER_1000_PAINTS * paints / 1000


def assert_held(paints: int, change: dict[str, int], wanted: int) -> None:
    per_1000 = {name: round(delta * 1000 / paints) for name, delta in change.items()}
    assert paints == wanted and all(abs(delta) <= limit_for(wanted) for delta in change.values()), (
        f"reference counts moved by {change} in {paints} paints ({per_1000} per 1,000 paints; "
        f"allowed ±{limit_for(wanted):.0f} in {wanted})")


@pytest.fixture
def board(qtbot, queue_ctx, tasks):
    from mpp_desk.ui.display import DisplayWindow
    from mpp_desk.ui.speech import Announcer

    set_setting(queue_ctx, "display.running_text", "Selamat datang di Mal Pelayanan Publik Bale Madukara")
    window = DisplayWindow(ctx=queue_ctx, tasks=tasks, clock=Clock(TUESDAY_10), announcer=Announcer(engine=FakeEngine()))
    window.keep_in_front = False
    qtbot.addWidget(window, before_close_func=allow_exit)
    window.resize(1920, 1080)
    window.show()
    with qtbot.waitSignal(window.sig_ready, timeout=10000):
        window.open_database()
    qtbot.waitUntil(lambda: window.marquee.text() != "", timeout=10000)
    return window


def test_painting_the_board_with_a_running_text_keeps_none_true_and_false(qtbot, board):
    board.shutdown()  # no timers, no polls on the database thread while counting: only the paints
    assert board.marquee.isVisible() and "Bale Madukara" in board.marquee.text()
    marquee_paints = PaintCounter(board.marquee)
    paints, change = paint_many(board, PAINTS)
    assert marquee_paints.paints >= paints  # the running text (drawPrimitive + setFont) was painted each time
    assert_held(paints, change, PAINTS)


def test_painting_the_kiosk_keeps_none_true_and_false(qtbot, queue_ctx, tasks):
    from mpp_desk.ui.kiosk import KioskWindow

    kiosk = KioskWindow(ctx=queue_ctx, tasks=tasks, clock=Clock(TUESDAY_10))
    kiosk.keep_in_front = False
    qtbot.addWidget(kiosk, before_close_func=allow_exit)
    kiosk.resize(1080, 1920)
    kiosk.show()
    with qtbot.waitSignal(kiosk.sig_ready, timeout=10000):
        kiosk.open_database()
    painted = PaintCounter(kiosk)
    paints, change = paint_many(kiosk, PAINTS)
    assert painted.paints >= paints
    assert_held(paints, change, PAINTS)


def test_painting_the_hour_chart_keeps_none_true_and_false(qtbot):
    from mpp_desk.ui.areas.queue_stats_area import HourChart

    chart = HourChart()
    qtbot.addWidget(chart)
    chart.set_counts({8: 12, 9: 30, 10: 41, 13: 7})
    chart.resize(800, 240)
    chart.show()
    painted = PaintCounter(chart)
    paints, change = paint_many(chart, PAINTS, grab=True)
    assert painted.paints >= paints
    assert_held(paints, change, PAINTS)


def test_the_installed_qt_binding_is_not_a_release_known_to_lose_references():
    installed = {name: metadata.version(name) for name in KNOWN_BAD}
    bad = {name: version for name, version in installed.items() if version in KNOWN_BAD[name]}
    assert not bad, f"known-bad release installed (loses references while painting, see issue 10): {bad}"


def test_the_lock_file_pins_the_qt_binding_to_a_release_without_the_reference_loss():
    pins = dict(re.findall(r"^([A-Za-z0-9_.-]+)==(\S+)$", (ROOT / "requirements.lock").read_text(), flags=re.M))
    pinned = {name: pins.get(name) for name in KNOWN_BAD}
    assert all(pinned.values()), f"the Qt binding must be pinned exactly in requirements.lock: {pinned}"
    assert len(set(pinned.values())) == 1, f"PySide6 and shiboken6 must be the same release: {pinned}"
    bad = {name: version for name, version in pinned.items() if version in KNOWN_BAD[name]}
    assert not bad, f"requirements.lock pins a known-bad release: {bad}"
