"""Survey responses travel like every other record: from the tablet (a kiosk device) to the supervisor's PC,
append-only, counted once in the index wherever it is computed."""

from __future__ import annotations

import datetime as dt

from mpp_desk.officetime import office_tz
from mpp_desk.sync import client
from tests.server.conftest import desk_json, enroll

SUBMITTED = dt.datetime(2026, 11, 17, 10, 30, tzinfo=office_tz())


def test_a_tablet_s_responses_reach_the_supervisor_and_count_once(server, server_db, make_pc):
    from mpp_desk.roles import TERMINAL
    from mpp_desk.survey import service

    tablet, head = make_pc("survei-1"), make_pc("kepala-1")
    desk_json(tablet, "sync", "join", server, enroll(server_db, "survei-1", "kiosk"))
    desk_json(head, "sync", "join", server, enroll(server_db, "kepala-1", "supervisor"))
    answers = ([4, 4, 3, 4, 3, 3, 4, None, 4], [3, 2, 3, 4, 3, 3, 3, 3, 2])
    with tablet.uow() as uow:
        for scores in answers:
            service.submit_response(uow, scores=scores, profile=service.Profile(sex="P", age_group="21-30"),
                                    about=service.ServiceRef(kbli="47111", title="Toko kelontong"), now=SUBMITTED)
        uow.commit()
    assert desk_json(tablet, "sync", "now")["pending"] == 0
    client.sync_now(head.db, head.data_dir)
    client.sync_now(head.db, head.data_dir)  # a second pull brings nothing twice

    day = SUBMITTED.date()
    with tablet.uow(write=False, actor=TERMINAL) as uow:
        here = service.period_index(uow, date_from=day, date_to=day)
    with head.uow(write=False, actor=TERMINAL) as uow:
        there = service.period_index(uow, date_from=day, date_to=day)
    assert there.respondents == here.respondents == 2
    assert there.nrr == here.nrr
    assert there.tallies[7].answered == 1  # U8 left empty by the first respondent stays empty after the trip
