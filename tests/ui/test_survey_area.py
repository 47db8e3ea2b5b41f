"""The supervisor's survey area (period, figures, chart, exports) and the counter's hand-over bar."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook

from tests.integration.test_survey_cli import GOOD
from tests.ui.conftest import ADMIN_PASSWORD, COUNTER_PASSWORD
from tests.ui.queue_helpers import TUESDAY_10, queue_ctx, service_queue

__all__ = ["queue_ctx", "service_queue"]  # fixtures used by this module


@pytest.fixture
def answered(queue_ctx):
    from mpp_desk.roles import TERMINAL
    from mpp_desk.survey.importer import import_csv

    with queue_ctx.uow(actor=TERMINAL) as uow:
        import_csv(uow, data=GOOD.encode(), now=TUESDAY_10 + dt.timedelta(days=30))
        uow.commit()
    return queue_ctx


@pytest.fixture
def area(qtbot, answered, tasks, sign_in):
    from mpp_desk.ui.areas.survey_area import SurveyArea

    admin = sign_in("admin", ADMIN_PASSWORD)
    widget = SurveyArea(ctx=answered, tasks=tasks, actor=admin)
    qtbot.addWidget(widget)
    widget.resize(1366, 700)
    widget.show()
    qtbot.waitUntil(lambda: widget.figures is not None, timeout=10000)
    return widget


def test_the_area_shows_the_quarter_and_exports(qtbot, area, tmp_path, qtmodeltester):
    # the clock stands on 24 November 2026: the fourth quarter, with the five hand-computed responses
    assert area.period() == (dt.date(2026, 10, 1), dt.date(2026, 12, 31))
    assert area.cards["respondents"].text() == "5"
    assert (area.cards["ikm"].text(), area.cards["index"].text(), area.cards["grade"].text()) == (
        "3,2889", "82,22", "B (Baik)")
    assert "U3 Waktu penyelesaian" in area.weakest.text()
    assert [name for name, _v in area.chart.rows][7] == "U8 Penanganan pengaduan, saran dan masukan"
    assert area.model.rowCount() == 3
    qtmodeltester.check(area.model)
    for kind, fmt in (("skm", "xlsx"), ("service", "pdf")):
        path = tmp_path / f"{kind}.{fmt}"
        with qtbot.waitSignal(area.sig_exported, timeout=20000):
            area.export_to(kind, fmt, str(path))
        assert path.stat().st_size > 1000
    assert load_workbook(tmp_path / "skm.xlsx")["Tabulasi"].cell(row=2, column=4).value == 4
    area.quarter.setCurrentIndex(1)  # the third quarter: nothing answered
    qtbot.waitUntil(lambda: area.cards["respondents"].text() == "0", timeout=10000)
    assert area.period() == (dt.date(2026, 7, 1), dt.date(2026, 9, 30))
    assert area.cards["grade"].text() == "–"


def test_the_area_fits_a_staff_screen(qtbot, area, tmp_path):
    area.resize(1366 - 220, 768 - 120)  # the shell's navigation and header take the rest
    qtbot.waitUntil(lambda: area.width() == 1366 - 220, timeout=2000)
    assert area.minimumSizeHint().height() <= 768 - 120
    assert area.grab().save(str(tmp_path / "survey-area.png"))


def test_the_counter_hands_the_tablet_over_after_finishing(qtbot, queue_ctx, service_queue, tasks, sign_in):
    from mpp_desk.ui.survey.handover import HandOverBar

    siti = sign_in("siti", COUNTER_PASSWORD)
    service_queue.issue(group_code="A", now=TUESDAY_10)
    ticket = service_queue.call_next(counter_number=1, now=TUESDAY_10)
    bar = HandOverBar(ctx=queue_ctx, tasks=tasks, actor=siti)
    qtbot.addWidget(bar)
    bar.offer(ticket, 1)
    assert bar.isVisibleTo(bar.parentWidget() or bar) and ticket.code in bar.label.text()
    with qtbot.waitSignal(bar.sig_handed_over, timeout=10000) as handed:
        bar.button.click()
    assert handed.args[0].ticket_id == ticket.id and handed.args[0].counter_number == 1
    bar.offer(None, 1)
    assert bar.isHidden()


def test_the_hand_over_after_a_server_queue_ticket_reaches_the_tablet(qtbot, queue_ctx, service_queue, tasks, sign_in):
    """A joined PC's counter finishes a ticket of the server's live queue: the ticket is not in this PC's
    queue_ticket table (no foreign key holds it), yet the tablet opens for its service and takes one response."""
    import dataclasses
    import uuid

    from sqlalchemy import select

    from mpp_desk.models import ServiceStandard, SurveyInvite, SurveyResponse, Ticket
    from mpp_desk.survey.service import Profile, pending_invite, submit_response
    from mpp_desk.ui.survey.handover import HandOverBar

    siti = sign_in("siti", COUNTER_PASSWORD)
    with queue_ctx.uow() as uow:
        service = uow.session.scalars(select(ServiceStandard).limit(1)).one()
        service_id, title, kbli = service.id, service.title, service.kbli
    service_queue.issue(group_code="A", now=TUESDAY_10)
    local = service_queue.call_next(counter_number=1, now=TUESDAY_10)
    # the server's answer to "finish": a ticket this PC never stored (RemoteQueue's TicketView)
    served = dataclasses.replace(local, id=uuid.uuid4(), code="A042", status=Ticket.DONE, service_id=service_id,
                                 service_title="Nama layanan dari antrean")
    with queue_ctx.uow() as uow:
        assert uow.session.get(Ticket, served.id) is None
    bar = HandOverBar(ctx=queue_ctx, tasks=tasks, actor=siti)
    qtbot.addWidget(bar)
    bar.offer(served, 1)
    with qtbot.waitSignal(bar.sig_handed_over, timeout=10000) as handed:
        bar.button.click()
    ref = handed.args[0]
    assert ref.ticket_id == served.id and ref.service_id == service_id and ref.title == title  # the catalogue's
    with queue_ctx.uow() as uow:
        invite = uow.session.scalars(select(SurveyInvite).where(SurveyInvite.ticket_id == served.id)).one()
        assert invite.counter_number == 1 and invite.officer_username == "siti"
        about = pending_invite(uow, counter_number=1, now=TUESDAY_10 + dt.timedelta(minutes=1))
        assert about is not None and about.ticket_id == served.id
        submit_response(uow, scores=[4] * 9, profile=Profile(), about=about, now=TUESDAY_10 + dt.timedelta(minutes=1))
        uow.commit()  # SQLite's foreign keys are on: before migration 0006 this commit failed
    with queue_ctx.uow() as uow:
        stored = uow.session.scalars(select(SurveyResponse).where(SurveyResponse.ticket_id == served.id)).one()
        assert stored.service_kbli == kbli and stored.invite_id == invite.id
    # once per ticket: the bar says so the second time
    bar.offer(served, 1)
    bar.button.click()
    qtbot.waitUntil(lambda: bar.label.objectName() == "errorNote", timeout=10000)
    assert "sudah dinilai" in bar.label.text()
    # a ticket neither local nor finished is refused, as before
    bar.offer(dataclasses.replace(served, id=uuid.uuid4(), status=Ticket.CALLED), 1)
    bar.button.click()
    qtbot.waitUntil(lambda: bar.label.objectName() == "errorNote" and "tidak dikenal" in bar.label.text(),
                    timeout=10000)
