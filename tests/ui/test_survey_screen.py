"""The survey screen (``mpp-desk --survey``) taken by touch: the nine elements, the profile, a suggestion,
the counter's hand-over, the idle drop, the lock, and how it fits a 1920x1080 kiosk and a 1366x768 tablet."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from mpp_desk.models import SurveyResponse
from tests.ui.queue_helpers import TUESDAY_10, allow_exit, queue_ctx, service_queue

__all__ = ["queue_ctx", "service_queue"]  # fixtures used by this module


@pytest.fixture
def survey(qtbot, queue_ctx, tasks):
    from mpp_desk.ui.survey import SurveyWindow

    window = SurveyWindow(ctx=queue_ctx, tasks=tasks, counter_number=2)
    window.keep_in_front = False
    qtbot.addWidget(window, before_close_func=allow_exit)
    window.resize(1920, 1080)
    window.show()
    with qtbot.waitSignal(window.sig_ready, timeout=10000):
        window.open_database()
    assert window.pages.currentWidget() is window.start_page
    return window


def touch(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def answer_by_text(qtbot, window, text: str) -> None:
    page = window.choice_page
    found = [b for b in page.buttons if b.text() == text]
    assert found, f"no answer {text!r} among {[b.text() for b in page.buttons]}"
    touch(qtbot, found[0])


def responses(ctx) -> list[SurveyResponse]:
    with ctx.uow(write=False) as uow:
        rows = list(uow.session.scalars(select(SurveyResponse).order_by(SurveyResponse.submitted_at)))
        for row in rows:
            uow.session.expunge(row)
        return rows


ANSWERS = ["Sangat sesuai", "Mudah", "Kurang cepat", "Gratis", "Sesuai", "Kompeten", "Sangat sopan dan ramah",
           "Dikelola dengan baik", "Baik"]


def test_a_survey_taken_by_touch_is_stored(qtbot, survey, queue_ctx):
    touch(qtbot, survey.start_page.start_button)
    assert survey.pages.currentWidget() is survey.service_page
    calibration = next(b for b in survey.service_page.buttons if "Kalibrasi" in b.text())
    touch(qtbot, calibration)
    page = survey.choice_page
    assert page.progress.text() == "Pertanyaan 1 dari 9" and page.topic.text() == "Persyaratan"
    assert [b.text() for b in page.buttons] == ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"]
    assert page.buttons[0].label.font().pixelSize() >= 36  # large type for older respondents
    for text in ANSWERS[:3]:
        answer_by_text(qtbot, survey, text)
    touch(qtbot, page.back_button)  # changed their mind on U3
    assert page.progress.text() == "Pertanyaan 3 dari 9"
    assert page.buttons[1].property("chosen") is True
    answer_by_text(qtbot, survey, "Cepat")
    assert [b.text() for b in page.buttons] == ["Sangat mahal", "Cukup mahal", "Murah", "Gratis"]
    for text in ANSWERS[3:]:
        answer_by_text(qtbot, survey, text)
    assert page.question.text() == "Berapa usia Anda?"
    answer_by_text(qtbot, survey, "Di atas 60 tahun")
    answer_by_text(qtbot, survey, "Perempuan")
    touch(qtbot, page.skip_button)  # education not given
    answer_by_text(qtbot, survey, "Wirausaha")
    assert survey.pages.currentWidget() is survey.suggestion_page
    survey.suggestion_page.text.setPlainText("Kursi ruang tunggu ditambah")
    with qtbot.waitSignal(survey.sig_submitted, timeout=10000):
        touch(qtbot, survey.suggestion_page.send_button)
    assert survey.pages.currentWidget() is survey.thanks_page
    [row] = responses(queue_ctx)
    assert [getattr(row, f"u{i}") for i in range(1, 10)] == [4, 3, 3, 4, 3, 3, 4, 4, 3]
    assert (row.service_kbli, row.age_group, row.sex, row.education, row.occupation) == (
        "71205", "gt60", "P", "", "wirausaha")
    assert row.suggestion == "Kursi ruang tunggu ditambah" and row.source == "screen"
    touch(qtbot, survey.thanks_page.findChild(type(survey.suggestion_page.send_button), "surveySendButton"))
    assert survey.pages.currentWidget() is survey.start_page


def test_the_counter_hands_the_tablet_over_for_its_ticket(qtbot, survey, queue_ctx, service_queue, sign_in):
    from mpp_desk.ui.ops import survey as ops
    from tests.ui.conftest import COUNTER_PASSWORD

    siti = sign_in("siti", COUNTER_PASSWORD)
    issued = service_queue.issue(group_code="A", now=TUESDAY_10)
    ticket = service_queue.call_next(counter_number=2, now=TUESDAY_10)
    assert ticket is not None and ticket.id == issued.ticket.id
    ops.hand_over(queue_ctx, actor=siti, ticket_id=ticket.id, counter_number=2)
    with qtbot.waitSignal(survey.sig_invited, timeout=10000):
        survey.look_for_invite()
    assert survey.start_page.service.isVisibleTo(survey)
    touch(qtbot, survey.start_page.start_button)
    assert survey.pages.currentWidget() is survey.choice_page  # no service to pick: the counter said it
    for _ in range(9 + 4):
        touch(qtbot, survey.choice_page.buttons[-1])
    with qtbot.waitSignal(survey.sig_submitted, timeout=10000):
        touch(qtbot, survey.suggestion_page.send_button)
    [row] = responses(queue_ctx)
    assert row.ticket_id == ticket.id and row.invite_id is not None
    # one response per ticket: the hand-over is used up and cannot be made again
    survey.invited = False
    survey.look_for_invite()
    qtbot.waitUntil(lambda: not survey._polling, timeout=10000)
    assert not survey.invited
    from mpp_desk.errors import ValidationError

    with pytest.raises(ValidationError):
        ops.hand_over(queue_ctx, actor=siti, ticket_id=ticket.id, counter_number=2)


def test_an_unfinished_survey_is_dropped_after_the_idle_time(qtbot, survey, queue_ctx):
    survey.idle_ms = 50
    touch(qtbot, survey.start_page.start_button)
    touch(qtbot, survey.service_page.buttons[-1])  # the MPP as a whole
    touch(qtbot, survey.choice_page.buttons[0])
    qtbot.waitUntil(lambda: survey.pages.currentWidget() is survey.start_page, timeout=5000)
    assert survey.scores == [None] * 9
    assert responses(queue_ctx) == []


def test_the_screen_is_locked_like_the_kiosk(qtbot, survey):
    survey._exit_allowed = False
    survey.close()
    assert survey.isVisible() and survey.pin_showing


@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768), (800, 1280)])
def test_every_page_fits_the_screen(qtbot, survey, size, tmp_path):
    survey.resize(*size)
    qtbot.waitUntil(lambda: survey.size().width() == size[0], timeout=2000)
    touch(qtbot, survey.start_page.start_button)
    shots = {"services": survey.service_page}
    touch(qtbot, survey.service_page.buttons[0])
    survey.step = 7
    survey.ask()  # U8: the longest answers
    shots["element"] = survey.choice_page
    _check_fits(survey, survey.choice_page.buttons)
    survey.step = 12
    survey.ask()  # occupation: seven choices
    _check_fits(survey, survey.choice_page.buttons)
    survey.grab().save(str(tmp_path / f"survey-{size[0]}x{size[1]}-occupation.png"))
    survey.step = 7
    survey.ask()
    settle()
    question = survey.choice_page.question
    assert question.isVisible() and question.mapTo(survey, question.rect().bottomLeft()).y() < min(
        b.mapTo(survey, b.rect().topLeft()).y() for b in survey.choice_page.buttons)
    image = survey.grab()
    assert image.width() == size[0]
    assert image.save(str(tmp_path / f"survey-{size[0]}x{size[1]}.png"))


def settle() -> None:
    """Let posted layout requests and shows run (no waiting: the events are already queued)."""
    from PySide6.QtWidgets import QApplication

    QApplication.sendPostedEvents()
    QApplication.processEvents()


def _check_fits(window, buttons) -> None:
    settle()
    assert all(b.isVisible() for b in buttons)
    for button in buttons:
        top_left = button.mapTo(window, button.rect().topLeft())
        bottom_right = button.mapTo(window, button.rect().bottomRight())
        assert window.rect().contains(top_left) and window.rect().contains(bottom_right), button.text()
        assert button.label.height() >= button.label.heightForWidth(button.label.width()) - 2, button.text()
