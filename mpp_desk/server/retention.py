"""``mpp-central retention purge``: the server's copies of personal data that the PCs' purge erased.

A PC's ``mpp-desk retention purge`` (:mod:`mpp_desk.retention`) anonymises a record whose retention
period has ended and tombstones its receipts and attachments; those changes sync to the server like any
other. But the server keeps every earlier version in its change log (and a refused change's versions in
``conflicts``; an attachment's content in ``blobs``), so the personal data would live on there.

This purge finds the records a PC's purge has anonymised, with the same signature and the same office
settings (``retention.*`` as synced to the server), and empties the same personal fields in every earlier
version: the change log, the current record, the conflicts. The content of a purged attachment that no
live attachment still uses is deleted. Nothing else changes: ids, versions, dates, services, outcomes,
channels, so every statistic and every PC's copy stay as they are (the current versions, which the PCs
hold, were already anonymised). One row in ``retention_runs`` records each run's counts (never personal
data). ``--dry-run`` counts and writes nothing.

A record is taken as purged when:

- ``intake_receipt`` / ``complaint_attachment``: a tombstone whose ``token`` / ``filename`` was emptied
  (what the purge does before it deletes them);
- ``intake_application``: handed over or rejected before the retention period, and its visit purged;
- ``intake_visit``: every personal field empty and its period ended: the period of its handed-over or
  rejected application, else (an incomplete, cancelled or never finished visit) ``retention.visit_years``;
- ``complaint_case``: closed before ``retention.complaint_years`` and every personal field empty.

A record whose period has ended but which no PC has purged yet is only counted (``waiting``): the
server does not change a current record behind the PCs' back; run the purge on a PC first.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from typing import Any, Iterable

from sqlalchemy import Text, bindparam, func, insert, select, text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.engine import Connection

from mpp_desk import officetime, settings
from mpp_desk.retention import APPLICATION_PERSONAL, CASE_PERSONAL, VISIT_PERSONAL, cutoff
from mpp_desk.server.tables import blobs, conflicts, records, retention_runs
from mpp_desk.server.cli import _engine, _print, _settings

VISIT = "intake_visit"
APPLICATION = "intake_application"
RECEIPT = "intake_receipt"
CASE = "complaint_case"
ATTACHMENT = "complaint_attachment"

# The fields the PC's purge empties, per entity (mpp_desk/retention.py).
PERSONAL: dict[str, tuple[str, ...]] = {
    VISIT: VISIT_PERSONAL,
    APPLICATION: APPLICATION_PERSONAL,
    CASE: CASE_PERSONAL,
    RECEIPT: ("token",),
    ATTACHMENT: ("filename",),
}

CLOSED_FILE = ("handed_over", "rejected")
ENDED_VISIT = ("incomplete", "cancelled", None)
POLICY_KEYS = {"intake_years": "retention.intake_years", "visit_years": "retention.visit_years",
               "complaint_years": "retention.complaint_years"}


@dataclasses.dataclass(frozen=True)
class ServerPurgeReport:
    today: dt.date
    dry_run: bool
    policy_years: dict[str, int]
    purged: dict[str, int]  # records found purged by a PC, per entity
    waiting: dict[str, int]  # records past their period that no PC has purged yet
    change_log_rows: int  # earlier versions that held personal data (scrubbed, or to scrub)
    record_rows: int
    conflict_rows: int
    blobs_erased: int

    def as_dict(self) -> dict[str, Any]:
        return {"today": self.today.isoformat(), "dry_run": self.dry_run, "policy_years": self.policy_years,
                "purged": self.purged, "waiting": self.waiting, "change_log_rows": self.change_log_rows,
                "record_rows": self.record_rows, "conflict_rows": self.conflict_rows,
                "blobs_erased": self.blobs_erased}


def policy_years(conn: Connection) -> dict[str, int]:
    """The office's retention settings as synced to the server (the declared defaults when never set)."""
    found = {k: settings.declared(key).default for k, key in POLICY_KEYS.items()}
    rows = conn.execute(
        select(records.c.payload).where(records.c.entity == "setting", records.c.deleted.is_(False),
                                        records.c.payload["scope"].astext == "office",
                                        records.c.payload["key"].astext.in_(list(POLICY_KEYS.values())))
    )
    by_key = {key: k for k, key in POLICY_KEYS.items()}
    for (payload,) in rows:
        try:
            found[by_key[payload["key"]]] = int(payload["value"])
        except (TypeError, ValueError):
            continue  # a value the PCs would also refuse: the default stays
    return found


def _moment(value: Any) -> dt.datetime | None:
    if not value:
        return None
    moment = dt.datetime.fromisoformat(str(value))
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)


def _expired(moment: dt.datetime | None, years: int, today: dt.date) -> bool:
    """True when the period counted from *moment*'s office date has ended by *today* (the PCs' own rule)."""
    return moment is not None and officetime.local_date(moment) <= cutoff(today, years)


def _blank(payload: dict[str, Any], fields: Iterable[str]) -> bool:
    return all(not payload.get(f) for f in fields)


def _current(conn: Connection, entity: str) -> list[tuple[uuid.UUID, bool, dict[str, Any]]]:
    return [(r.entity_id, r.deleted, r.payload) for r in conn.execute(
        select(records.c.entity_id, records.c.deleted, records.c.payload).where(records.c.entity == entity))]


def find_purged(conn: Connection, years: dict[str, int], today: dt.date) -> tuple[dict[str, set[uuid.UUID]], dict[str, int]]:
    """({entity: ids a PC's purge anonymised}, {entity: records past their period not purged yet})."""
    purged: dict[str, set[uuid.UUID]] = {e: set() for e in PERSONAL}
    waiting = {VISIT: 0, APPLICATION: 0, CASE: 0}
    file_of_visit: dict[str, dict[str, Any]] = {}
    for entity_id, deleted, p in _current(conn, APPLICATION):
        if deleted or p.get("status") not in CLOSED_FILE:
            continue
        moment = _moment(p.get("handed_over_at") or p.get("status_changed_at") or p.get("finished_at")
                         or p.get("received_at"))
        if _expired(moment, years["intake_years"], today):
            file_of_visit[str(p.get("visit_id"))] = {"id": entity_id, "payload": p}
    for entity_id, deleted, p in _current(conn, VISIT):
        if deleted:
            continue
        app_row = file_of_visit.get(str(entity_id))
        if app_row is not None:
            expired = True
        else:
            expired = p.get("outcome") in ENDED_VISIT and _expired(
                _moment(p.get("finished_at") or p.get("started_at")), years["visit_years"], today)
        if not expired:
            continue
        if not _blank(p, VISIT_PERSONAL):
            waiting[APPLICATION if app_row is not None else VISIT] += 1
            continue
        purged[VISIT].add(entity_id)
        if app_row is not None:
            if _blank(app_row["payload"], APPLICATION_PERSONAL):
                purged[APPLICATION].add(app_row["id"])
            else:
                waiting[APPLICATION] += 1
    for entity_id, deleted, p in _current(conn, CASE):
        if deleted or p.get("status") != "closed":
            continue
        if _expired(_moment(p.get("closed_at")), years["complaint_years"], today):
            if _blank(p, CASE_PERSONAL):
                purged[CASE].add(entity_id)
            else:
                waiting[CASE] += 1
    for entity in (RECEIPT, ATTACHMENT):
        for entity_id, deleted, p in _current(conn, entity):
            if deleted and _blank(p, PERSONAL[entity]):
                purged[entity].add(entity_id)
    return purged, waiting


# -- scrubbing ---------------------------------------------------------------------------------

_HAS_PERSONAL = "EXISTS (SELECT 1 FROM jsonb_each_text({col}) AS f WHERE f.key = ANY(:fields) AND f.value <> '')"
_SCRUBBED = ("{col} || COALESCE((SELECT jsonb_object_agg(f.key, to_jsonb(''::text)) FROM jsonb_each_text({col}) AS f "
             "WHERE f.key = ANY(:fields) AND f.value <> ''), '{{}}'::jsonb)")


def _scrub_table(conn: Connection, table: str, column: str, entity: str, ids: list[uuid.UUID],
                 fields: tuple[str, ...], dry_run: bool) -> int:
    """Empty *fields* (non-empty strings only; keys are never added) in *column* of *ids*' rows."""
    where = f"entity = :entity AND entity_id = ANY(:ids) AND {_HAS_PERSONAL.format(col=column)}"
    params = {"entity": entity, "ids": ids, "fields": list(fields)}
    if dry_run:
        statement = text(f"SELECT count(*) FROM {table} WHERE {where}")
    else:
        statement = text(f"UPDATE {table} SET {column} = {_SCRUBBED.format(col=column)} WHERE {where}")
    statement = statement.bindparams(bindparam("ids", type_=ARRAY(records.c.entity_id.type)),
                                     bindparam("fields", type_=ARRAY(Text())))
    result = conn.execute(statement, params)
    return int(result.scalar_one()) if dry_run else result.rowcount


def _scrub_payload(payload: Any, fields: tuple[str, ...]) -> tuple[Any, bool]:
    if not isinstance(payload, dict):
        return payload, False
    changed = {f: "" for f in fields if isinstance(payload.get(f), str) and payload[f]}
    return ({**payload, **changed}, True) if changed else (payload, False)


def _scrub_conflicts(conn: Connection, purged: dict[str, set[uuid.UUID]], dry_run: bool) -> int:
    """Conflicts keep the PC's version, the server's and the whole transaction's ops: scrub each copy."""
    wanted = {(e, str(i)): PERSONAL[e] for e, ids in purged.items() for i in ids}
    if not wanted:
        return 0
    count = 0
    for row in conn.execute(select(conflicts.c.id, conflicts.c.entity, conflicts.c.entity_id, conflicts.c.client_payload,
                                   conflicts.c.server_payload, conflicts.c.tx_ops)).all():
        values: dict[str, Any] = {}
        fields = wanted.get((row.entity, str(row.entity_id)))
        if fields:
            for column in ("client_payload", "server_payload"):
                new, changed = _scrub_payload(getattr(row, column), fields)
                if changed:
                    values[column] = new
        ops = row.tx_ops if isinstance(row.tx_ops, list) else []
        new_ops, ops_changed = [], False
        for op in ops:
            op_fields = wanted.get((str(op.get("entity")), str(op.get("entity_id")))) if isinstance(op, dict) else None
            if op_fields:
                payload, changed = _scrub_payload(op.get("payload"), op_fields)
                if changed:
                    op = {**op, "payload": payload}
                    ops_changed = True
            new_ops.append(op)
        if ops_changed:
            values["tx_ops"] = new_ops
        if values:
            count += 1
            if not dry_run:
                conn.execute(conflicts.update().where(conflicts.c.id == row.id).values(**values))
    return count


def _erase_blobs(conn: Connection, purged_attachments: set[uuid.UUID], dry_run: bool) -> int:
    """Delete the stored content of purged attachments that no live attachment still uses (stored once per content)."""
    if not purged_attachments:
        return 0
    sha = records.c.payload["sha256"].astext
    ids = list(purged_attachments)
    candidates = {s for (s,) in conn.execute(
        select(sha).where(records.c.entity == ATTACHMENT, records.c.entity_id.in_(ids))) if s}
    if not candidates:
        return 0
    live = {s for (s,) in conn.execute(
        select(sha).where(records.c.entity == ATTACHMENT, records.c.deleted.is_(False), sha.in_(list(candidates))))}
    gone = sorted(candidates - live)
    if not gone:
        return 0
    if dry_run:
        return int(conn.execute(select(func.count()).select_from(blobs).where(blobs.c.sha256.in_(gone))).scalar_one())
    return conn.execute(blobs.delete().where(blobs.c.sha256.in_(gone))).rowcount


def purge(conn: Connection, *, today: dt.date | None = None, dry_run: bool = False) -> ServerPurgeReport:
    """Scrub the server's copies of what the PCs' purge erased; the caller's transaction commits."""
    today = today or officetime.today()
    years = policy_years(conn)
    if not dry_run:
        conn.execute(text("LOCK TABLE change_log, records IN SHARE ROW EXCLUSIVE MODE"))  # no push meanwhile
    purged, waiting = find_purged(conn, years, today)
    log_rows = record_rows = 0
    for entity, ids in purged.items():
        ordered = sorted(ids)
        for start in range(0, len(ordered), 5000):
            chunk = ordered[start:start + 5000]
            log_rows += _scrub_table(conn, "change_log", "payload", entity, chunk, PERSONAL[entity], dry_run)
            record_rows += _scrub_table(conn, "records", "payload", entity, chunk, PERSONAL[entity], dry_run)
    conflict_rows = _scrub_conflicts(conn, purged, dry_run)
    erased = _erase_blobs(conn, purged[ATTACHMENT], dry_run)
    report = ServerPurgeReport(today=today, dry_run=dry_run, policy_years=years,
                               purged={e: len(ids) for e, ids in purged.items()}, waiting=waiting,
                               change_log_rows=log_rows, record_rows=record_rows, conflict_rows=conflict_rows,
                               blobs_erased=erased)
    if not dry_run:
        conn.execute(insert(retention_runs).values(at=officetime.now(), details=report.as_dict()))
    return report


def list_runs(conn: Connection, limit: int = 20) -> list[dict[str, Any]]:
    rows = conn.execute(select(retention_runs).order_by(retention_runs.c.id.desc()).limit(limit))
    return [{"id": r.id, "at": r.at.isoformat(), **r.details} for r in rows]





# -- mpp-central retention purge|runs ------------------------------------------------------------


def register(sub, with_db) -> None:
    """``mpp-central retention purge [--dry-run]`` and ``mpp-central retention runs``."""
    p = sub.add_parser("retention", help="personal data past retention: scrub the server's copies after the PCs' purge")
    rs = p.add_subparsers(dest="retention_command", metavar="COMMAND", required=True)
    g = with_db(rs.add_parser("purge", help="empty the personal fields of purged records in the change log, "
                                            "records and conflicts; erase their attachments' content"))
    g.add_argument("--dry-run", action="store_true", help="only count; change nothing")
    g.add_argument("--json", action="store_true")
    g.set_defaults(handler=_purge_command)
    r = with_db(rs.add_parser("runs", help="the purges done, newest first"))
    r.add_argument("--json", action="store_true")
    r.set_defaults(handler=_runs_command)


def _purge_command(args) -> int:
    engine = _engine(_settings(args))
    try:
        with engine.begin() as conn:
            report = purge(conn, dry_run=args.dry_run)
    finally:
        engine.dispose()
    found = sum(report.purged.values())
    waiting = sum(report.waiting.values())
    verb = "would be scrubbed (dry run: nothing changed)" if args.dry_run else "scrubbed"
    lines = [f"{found} records purged on the PCs; earlier versions {verb}: {report.change_log_rows} change-log rows, "
             f"{report.record_rows} records, {report.conflict_rows} conflicts; {report.blobs_erased} attachment "
             f"contents {'would be ' if args.dry_run else ''}erased",
             *(f"  {entity}: {count}" for entity, count in report.purged.items())]
    if waiting:
        lines.append(f"{waiting} records are past their retention period but not purged on a PC yet: "
                     f"run `mpp-desk retention purge` on a PC first")
    _print(args, report.as_dict(), "\n".join(lines))
    return 0


def _runs_command(args) -> int:
    engine = _engine(_settings(args))
    try:
        with engine.begin() as conn:
            runs = list_runs(conn)
    finally:
        engine.dispose()
    text_out = "\n".join(f"#{r['id']} {r['at']}: {sum(r['purged'].values())} records, "
                         f"{r['change_log_rows']} change-log rows" for r in runs) or "no purge yet"
    _print(args, {"runs": runs}, text_out)
    return 0
