"""The bootstrap's object graph: data folder → database → services. Built once per process."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from mpp_desk import officetime
from mpp_desk.officetime import Clock
from mpp_desk.paths import database_path, resolve_data_dir
from mpp_desk.errors import UserError

if TYPE_CHECKING:  # the database stack is imported on first use, off the UI thread's start path
    from mpp_desk.database import Database
    from mpp_desk.roles import Actor
    from mpp_desk.uow import UnitOfWork

log = logging.getLogger(__name__)


@dataclass
class AppContext:
    """What a process needs to do work: where its data lives, its open database and its clock.

    ``clock`` is the process clock (``mpp_desk.officetime``): services default their ``now`` to it,
    ops and widgets read ``ctx.clock``. A clock given here is installed as the process clock.
    """

    data_dir: Path
    db: "Database | None" = field(default=None)
    clock: Clock = field(default_factory=officetime.clock)

    def __post_init__(self) -> None:
        if self.clock is not officetime.clock():
            officetime.install(self.clock)  # one clock per process: services and widgets agree

    @classmethod
    def from_args(cls, data_dir: str | None = None, *, clock: Clock | None = None) -> AppContext:
        """The bootstrap's context, on the process clock (the system clock) unless *clock* is given."""
        return cls(data_dir=resolve_data_dir(data_dir), clock=clock or officetime.clock())

    @property
    def database_path(self) -> Path:
        return database_path(self.data_dir)

    def open(self, *, seed: bool = True) -> "Database":
        """Open, migrate and (on first start) seed the local database; idempotent."""
        if self.db is None:
            from mpp_desk.database import open_database  # lazy: start-up path, sqlalchemy (~220 ms) loads after the first paint

            self.db = open_database(self.database_path)
            from mpp_desk import settings  # lazy: start-up path, sqlalchemy (~220 ms) loads after the first paint
            from mpp_desk.catalog.service import seed_default_catalog, seed_needed  # lazy: start-up path, sqlalchemy (~220 ms) loads after the first paint

            # Look first (a read, no lock); take the write lock only when something is to be written,
            # so reading commands are not held up by, nor hold up, another process writing.
            with self.uow(write=False) as uow:
                must_seed = seed and seed_needed(uow)
                must_upgrade = settings.upgrade_needed(uow)
            if must_seed:
                with self.uow() as uow:
                    if seed_default_catalog(uow):
                        uow.commit()
            if must_upgrade:
                with self.uow() as uow:
                    if settings.upgrade(uow):
                        uow.commit()
            self._record_signing_key()
        return self.db

    def _record_signing_key(self) -> None:
        """Record the signing key's id in the database the first time (creating the key on a fresh
        install), so a key file lost later is never silently replaced. A key problem is logged here
        and said clearly where something is signed or verified."""
        from mpp_desk import signing  # lazy: start-up path, sqlalchemy (~220 ms) loads after the first paint
        try:
            with self.uow(write=False) as uow:
                if signing.recorded_key_id(uow) is not None:
                    return
            with self.uow() as uow:
                signing.installation_signer(uow, self.data_dir)
                uow.commit()
        except UserError as exc:
            log.error("signing key: %s", exc)

    def uow(self, *, write: bool = True, actor: "Actor | None" = None) -> "UnitOfWork":
        """A unit of work acting for *actor* (None: the system itself)."""
        if self.db is None:
            self.open()
        assert self.db is not None
        from mpp_desk.uow import UnitOfWork  # lazy: start-up path, sqlalchemy (~220 ms) loads after the first paint

        return UnitOfWork(self.db, write=write, actor=actor)

    def close(self) -> None:
        if self.db is not None:
            self.db.dispose()
            self.db = None
