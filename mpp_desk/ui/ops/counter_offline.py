"""The counter panel of a joined PC when the queue server is away, and its return (docs/queue.md, issue 14).

Run on the database thread, like :mod:`mpp_desk.ui.ops.queue`, which calls these around its counter ops:

- :func:`panel`: first sends the counter's offline journal if it holds any (the server is back), then reads the
  server's picture and keeps it in the journal; the server away, the kept picture (with the offline actions
  applied) is shown instead, marked offline.
- :func:`action`: a counter action that found the server away: the ticket at the counter is served from the
  journal; calling the next ticket from the last known list only when the office setting
  ``queue.offline_calling`` (the supervisor's) is on, else one clear refusal.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import uuid
from collections.abc import Callable
from typing import Any

from mpp_desk import auth, officetime, settings
from mpp_desk.context import AppContext
from mpp_desk.i18n import N_
from mpp_desk.queue.counter_journal import OFFLINE_ACTIONS, CounterJournal, OfflinePicture
from mpp_desk.queue.errors import QueueOffline
from mpp_desk.queue.remote import remote_backend_if_joined
from mpp_desk.queue.setup import list_counters, list_groups
from mpp_desk.roles import Permission, require

log = logging.getLogger(__name__)


def offline_calling_allowed(ctx: AppContext) -> bool:
    with ctx.uow(write=False) as uow:
        return bool(settings.get(uow, "queue.offline_calling"))


def panel(ctx: AppContext, *, actor, number: int, now: dt.datetime | None, online: Callable[..., Any],
          make: Callable[..., Any]) -> Any:
    """*online(ctx, actor=, number=, now=)* builds the panel from the server; *make* is its class
    (``CounterPanelState``), built here from the journal's picture when the server is away."""
    remote = remote_backend_if_joined(ctx, actor=actor)
    if remote is None:
        return online(ctx, actor=actor, number=number, now=now)
    journal = CounterJournal(ctx.data_dir)
    try:
        summary = journal.upload(remote, number=number)
        if summary is not None:
            log.info("counter %s offline journal sent: %s", number, summary)
        state = online(ctx, actor=actor, number=number, now=now)
    except QueueOffline:
        picture = journal.picture(number)
        if picture is None:
            raise
        return _offline_panel(ctx, number, picture, make)
    if state.state is not None:
        journal.remember(state=state.state, waiting=state.waiting, last_seq=state.last_seq,
                         now=now or officetime.now())
    return dataclasses.replace(state, reconciled=summary) if summary is not None else state


def offline_panel(ctx: AppContext, *, number: int, make: Callable[..., Any]) -> Any:
    """The panel from the journal's picture alone (after an offline action: the server is not asked again)."""
    picture = CounterJournal(ctx.data_dir).picture(number)
    assert picture is not None, "an offline action had a picture"
    return _offline_panel(ctx, number, picture, make)


def _offline_panel(ctx: AppContext, number: int, picture: OfflinePicture, make: Callable[..., Any]) -> Any:
    with ctx.uow(write=False) as uow:
        groups, counters = list_groups(uow), list_counters(uow)
    return make(counter_number=number, state=picture.state, waiting=picture.waiting,
                group_names={g.code: g.name for g in groups},
                counters=tuple((c.number, c.name) for c in counters if c.active and c.number != number),
                unprinted=(), last_seq=picture.last_seq, offline_since=picture.saved_at, pending=picture.pending)


def action(ctx: AppContext, *, actor, number: int, action: str, ticket_id: uuid.UUID | None, outcome: str,
           note: str, now: dt.datetime | None, error: QueueOffline) -> Any:
    """The action done offline (the returned TicketView, or None: nobody in the last known list); re-raises
    *error* for what needs the server (transfer, hold, resume)."""
    require(actor, Permission.SERVE_QUEUE)
    if action not in OFFLINE_ACTIONS or remote_backend_if_joined(ctx, actor=actor) is None:
        raise error
    journal = CounterJournal(ctx.data_dir)
    moment = now or officetime.now()
    if action == "call":
        return journal.call_next(number=number, allowed=offline_calling_allowed(ctx), now=moment)
    assert ticket_id is not None, "a counter action on a ticket names it"
    return journal.act(number=number, action=action, ticket_id=ticket_id, now=moment, outcome=outcome, note=note)


def served_twice(ctx: AppContext, *, actor, date: dt.date) -> tuple:
    """The tickets served twice on *date* (ServedTwice), from the server; () on a PC that never joined one."""
    require(actor, Permission.VIEW_REPORTS)
    remote = remote_backend_if_joined(ctx, actor=actor)
    return () if remote is None else tuple(remote.served_twice(date=date))


def mark_served_twice_checked(ctx: AppContext, *, actor, conflict_id: int, note: str) -> Any:
    """Mark a ticket served twice as checked on the server, signed with the signed-in person's full name; the
    entry as the server now holds it (ServedTwice). Supervisors and administrators (VIEW_REPORTS) only."""
    require(actor, Permission.VIEW_REPORTS)
    with ctx.uow(write=False) as uow:
        name = auth.full_name_of(uow, actor)
    remote = remote_backend_if_joined(ctx, actor=actor)
    if remote is None:  # the PC left the server since the list was read
        raise QueueOffline(N_("errors", "This PC no longer uses the office's queue server, where the tickets served "
                                        "twice are kept: nothing was marked."))
    return remote.mark_served_twice_checked(conflict_id=conflict_id, checked_by=name, note=note.strip())


def save_offline_calling(ctx: AppContext, *, actor, allowed: bool) -> bool:
    """The supervisor's setting (office-wide, audited; synced to every counter PC)."""
    with ctx.uow(actor=actor) as uow:
        value = settings.set(uow, key="queue.offline_calling", value=bool(allowed))
        uow.commit()
    return bool(value)
