"""The queue's configuration as the server holds it: groups, counters, breaks, calendar, services.

The administrator's PC syncs them as records (``records``: entity, id, JSON payload); they are read
here through the shared models' decoding (:func:`mpp_desk.sync.entities.decode`) and cached per
process. The cache is checked at most every :data:`CHECK_EVERY_S` seconds against the change log:
one index probe, and a reload only when a configuration record changed since.
"""

from __future__ import annotations

import threading
import time
import uuid
from dataclasses import dataclass, field

from sqlalchemy import ARRAY, String, bindparam, text
from sqlalchemy.engine import Connection

from mpp_desk.models import Base
from mpp_desk.queue.setup import DEFAULT_BREAKS
from mpp_desk.queue.views import BreakView
from mpp_desk.sync.entities import decode
from mpp_desk.workdays import WorkingCalendar

CONFIG_ENTITIES = ("queue_group", "queue_counter", "queue_counter_group", "queue_break", "calendar_override",
                   "service_standard")
CHECK_EVERY_S = 2.0


@dataclass(frozen=True)
class Group:
    id: uuid.UUID
    code: str
    name: str
    open_time: object
    close_time: object
    daily_limit: int | None
    active: bool
    position: int


@dataclass(frozen=True)
class CounterConf:
    id: uuid.UUID
    number: int
    name: str
    active: bool
    group_ids: tuple[uuid.UUID, ...]


@dataclass(frozen=True)
class Service:
    id: uuid.UUID
    title: str
    kbli: str
    group_id: uuid.UUID | None


@dataclass(frozen=True)
class QueueConfig:
    groups: dict[uuid.UUID, Group] = field(default_factory=dict)
    counters: dict[int, CounterConf] = field(default_factory=dict)
    services: dict[uuid.UUID, Service] = field(default_factory=dict)
    breaks: tuple[BreakView, ...] = ()
    calendar: WorkingCalendar = field(default_factory=WorkingCalendar)

    def group_by_code(self, code: str) -> Group | None:
        code = (code or "").strip().upper()
        return next((g for g in self.groups.values() if g.code == code), None)

    def live_groups(self) -> list[Group]:
        return sorted(self.groups.values(), key=lambda g: (g.position, g.code))

    def counters_of(self, group_id: uuid.UUID) -> int:
        return sum(1 for c in self.counters.values() if c.active and group_id in c.group_ids)


_ROWS = text("SELECT entity, payload, deleted FROM records WHERE entity = ANY(:entities)").bindparams(
    bindparam("entities", type_=ARRAY(String())))
_HEAD = text("SELECT coalesce(max(seq), 0) FROM change_log")
_CHANGED = text("SELECT 1 FROM change_log WHERE seq > :after AND entity = ANY(:entities) LIMIT 1").bindparams(
    bindparam("entities", type_=ARRAY(String())))


def load(conn: Connection) -> QueueConfig:
    """Read the configuration records (live ones; soft-deleted ones only tell that breaks were edited)."""
    rows: dict[str, list[dict]] = {name: [] for name in CONFIG_ENTITIES}
    any_break = False
    for entity, payload, deleted in conn.execute(_ROWS, {"entities": list(CONFIG_ENTITIES)}):
        if entity == "queue_break":
            any_break = True
        if deleted or payload.get("deleted_at"):
            continue
        rows[entity].append(decode(Base.metadata.tables[entity], payload))
    groups = {
        r["id"]: Group(r["id"], r["code"], r["name"], r["open_time"], r["close_time"], r.get("daily_limit"),
                       bool(r.get("active", True)), int(r.get("position") or 0))
        for r in rows["queue_group"]
    }
    links: dict[uuid.UUID, list[uuid.UUID]] = {}
    for r in rows["queue_counter_group"]:
        if r["group_id"] in groups:
            links.setdefault(r["counter_id"], []).append(r["group_id"])
    counters = {
        r["number"]: CounterConf(r["id"], r["number"], r["name"], bool(r.get("active", True)),
                                 tuple(sorted(links.get(r["id"], ()), key=lambda g: groups[g].code)))
        for r in rows["queue_counter"]
    }
    services = {r["id"]: Service(r["id"], r["title"], r.get("kbli") or "", r.get("queue_group_id"))
                for r in rows["service_standard"]}
    if any_break:
        breaks = tuple(sorted((BreakView(r["id"], r["weekday"], r["start_time"], r["end_time"], r["name"])
                               for r in rows["queue_break"]), key=lambda b: (b.weekday, b.start_time)))
    else:
        breaks = tuple(BreakView(None, wd, start, end, name) for wd, start, end, name in DEFAULT_BREAKS)
    closed = {r["day"]: r.get("reason") or "" for r in rows["calendar_override"] if r.get("kind") == "closed"}
    opened = {r["day"]: r.get("reason") or "" for r in rows["calendar_override"] if r.get("kind") == "open"}
    return QueueConfig(groups, counters, services, breaks, WorkingCalendar(closed, opened))


class ConfigCache:
    """The configuration, reloaded when a configuration record changed (checked every few seconds)."""

    def __init__(self, check_every: float = CHECK_EVERY_S) -> None:
        self.check_every = check_every
        self._lock = threading.Lock()
        self._config: QueueConfig | None = None
        self._head = -1
        self._checked = 0.0

    def get(self, conn: Connection) -> QueueConfig:
        now = time.monotonic()
        config = self._config
        if config is not None and now - self._checked < self.check_every:
            return config
        with self._lock:
            if self._config is not None and now - self._checked < self.check_every:
                return self._config
            head = conn.execute(_HEAD).scalar_one()
            stale = self._config is None or (head != self._head and conn.execute(
                _CHANGED, {"after": self._head, "entities": list(CONFIG_ENTITIES)}).first() is not None)
            if stale:
                self._config = load(conn)
            self._head, self._checked = head, now
            assert self._config is not None
            return self._config

    def forget(self) -> None:
        with self._lock:
            self._config, self._head, self._checked = None, -1, 0.0
