"""A morning's queue across the building: the administrator's PC sets the queue up and syncs it; a kiosk,
three counters and a board, each its own data folder joined to one server, run the queue through it."""

from __future__ import annotations

import threading

from mpp_desk.queue.live import LiveBoard
from mpp_desk.queue.remote import RemoteQueue, remote_backend_if_joined
from tests.server.conftest import _free_port, desk, desk_json, enroll
from tests.server.queue_support import TUESDAY_10, CentralProcess


def test_a_morning_on_five_pcs_joined_to_one_server(server_db, make_pc, office_clock):
    office_clock.set(TUESDAY_10, running=True)
    central = CentralProcess(server_db, _free_port(), TUESDAY_10).start()
    try:
        admin = make_pc("admin")
        assert desk(admin, "queue", "group", "add", "Q", "Konsultasi", "--limit", "40")[0] == 0
        for number in (21, 22, 23):
            status, _, err = desk(admin, "queue", "counter", "add", str(number), f"Loket {number}", "--groups", "Q")
            assert status == 0, err
        desk_json(admin, "sync", "join", central.url, enroll(server_db, "admin-pc", "admin"))
        desk_json(admin, "sync", "now")

        pcs = {}
        for name, role in (("kiosk", "kiosk"), ("loket-21", "counter"), ("loket-22", "counter"),
                           ("loket-23", "counter"), ("tv", "display")):
            pcs[name] = make_pc(name)
            desk_json(pcs[name], "sync", "join", central.url, enroll(server_db, name, role))
        queues = {name: remote_backend_if_joined(ctx) for name, ctx in pcs.items()}
        assert all(isinstance(q, RemoteQueue) for q in queues.values())

        board = LiveBoard.from_state(queues["tv"].board_state())
        stream = queues["tv"].event_stream(after=board.last_seq)
        done = threading.Event()
        expected_events = 30 + 3 * 30  # issued, then called, started, finished each

        def on_event(event):
            board.apply(event)
            if event.seq - board_start >= expected_events:
                done.set()

        board_start = board.last_seq
        thread = stream.run_in_thread(on_event)
        codes = [queues["kiosk"].issue(group_code="Q").ticket.code for _ in range(30)]
        assert codes == [f"Q{n:03d}" for n in range(1, 31)]
        kiosk_view = {g.code: g for g in queues["kiosk"].kiosk_status()}
        assert kiosk_view["Q"].waiting == 30 and kiosk_view["Q"].open

        served: list[str] = []
        lock = threading.Lock()

        def counter(number: int) -> None:
            queue = queues[f"loket-{number}"]
            while (ticket := queue.call_next(counter_number=number)) is not None:
                queue.start_service(ticket_id=ticket.id, counter_number=number)
                queue.finish(ticket_id=ticket.id, counter_number=number)
                with lock:
                    served.append(ticket.code)

        workers = [threading.Thread(target=counter, args=(n,)) for n in (21, 22, 23)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(120)
        assert sorted(served) == codes  # every ticket served once, by one of the three counters

        assert done.wait(60)
        stream.stop()
        thread.join(10)
        server = queues["tv"].board_state()
        assert board.waiting == server.waiting == {**server.waiting, "Q": 0}
        assert board.serving == {} and server.now_serving == ()
        assert [e.seq for e in board.last_calls] == [e.seq for e in server.last_calls]
    finally:
        central.stop()
