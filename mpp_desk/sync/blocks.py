"""Number blocks on a joined PC: the server leases them; a joined PC never guesses one (docs/sync.md).

No network here: the services read what the sync client stored in ``local_state``. A standalone PC
(never joined) keeps numbering by its counter number and its own complaint block.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from mpp_desk.errors import UserError
from mpp_desk.i18n import N_
from mpp_desk.models import LocalState

JOINED_KEY = "sync.joined"
"""``local_state`` key set when this PC joined a server (the device id the server gave it)."""

LEASE_KEY = "sync.lease.{kind}"


class NoLeasedBlock(UserError):
    """A joined PC has not received its number block from the server yet."""

    context = "sync"


def _state(session: Session, key: str) -> str | None:
    row = session.get(LocalState, key)
    return row.value if row is not None and row.value else None


def is_joined(session: Session) -> bool:
    return _state(session, JOINED_KEY) is not None


def leased_block(session: Session, kind: str) -> str | None:
    """The block the server leased for *kind*; None on a standalone PC; raises on a joined PC without one."""
    if not is_joined(session):
        return None
    block = _state(session, LEASE_KEY.format(kind=kind))
    if block:
        return block
    if kind == "registration":
        raise NoLeasedBlock(N_("sync", "This PC has joined the office's server but has not received its block of "
                                       "registration numbers yet, so it cannot number a file. Connect it to the "
                                       "server (the sync status at the top shows when it is online) and try again."))
    raise NoLeasedBlock(N_("sync", "This PC has joined the office's server but has not received its block of "
                                   "complaint numbers yet, so it cannot number a case. Connect it to the server "
                                   "(the sync status at the top shows when it is online) and try again."))
