"""Catalogue use cases over a unit of work: list, look up, import (preview or write), delete, first-start seed.

Services never commit: the caller does, once per user action. Entries go in and come out as
immutable :class:`StandardEntry` records, so a screen never holds a live database row.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session, selectinload

from mpp_desk import audit
from mpp_desk.catalog.entry import ALL_KEYS, LIST_FIELDS, Requirements, StandardEntry
from mpp_desk.catalog.errors import CatalogError
from mpp_desk.catalog.files import load_files
from mpp_desk.i18n import N_
from mpp_desk.limits import search_words
from mpp_desk.models import LocalState, QueueGroup, Requirement, ServiceStandard
from mpp_desk.models.base import utcnow
from mpp_desk.paths import CATALOG_SEED_DIR
from mpp_desk.roles import Permission, authorize
from mpp_desk.uow import soft_delete

if TYPE_CHECKING:
    from mpp_desk.uow import UnitOfWork

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"

SEEDED_KEY = "catalog_seeded"  # LocalState: the shipped catalogue was imported once, never again
DEFAULT_QUEUE_GROUPS = (("A", "Perizinan Berusaha"), ("B", "Pengaduan dan Informasi"))
SEED_QUEUE_GROUP = "A"

_SCALAR_COLUMNS = (
    "product_type",
    "risk_level",
    "kbli",
    "title",
    "procedure_text",
    "completion_working_days",
    "completion_text",
    "fee",
    "output",
    "complaint_handling",
    "performance_evaluation",
    "staff_count",
)
_LIST_COLUMNS = ("procedure_classifications", *LIST_FIELDS)
_KEEP = object()  # the entry names no queue group: keep the current one
_LOAD_CHUNK = 500  # annex numbers per IN (...) query, well under SQLite's variable limit


@dataclass(frozen=True)
class ImportResult:
    """What an import did (or would do) to one entry; ``changed`` names the fields as in to_dict()."""

    annex_number: int
    kbli: str
    title: str
    status: str
    changed: tuple[str, ...] = ()


def list_standards(uow: UnitOfWork, *, search: str | None = None) -> list[StandardEntry]:
    """The live catalogue by annex number; every word of *search* must match the title, KBLI or annex number."""
    words = search_words(search)
    stmt = _standards_query().where(ServiceStandard.deleted_at.is_(None)).order_by(ServiceStandard.annex_number)
    for word in words:
        escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        matches: list[ColumnElement[bool]] = [
            ServiceStandard.title.ilike(f"%{escaped}%", escape="\\"),
            ServiceStandard.kbli.like(f"{escaped}%", escape="\\"),
        ]
        if re.fullmatch(r"[0-9]{1,5}", word):
            matches.append(ServiceStandard.annex_number == int(word))
        stmt = stmt.where(or_(*matches))
    return [_entry(row) for row in _session(uow).scalars(stmt)]


def get_standard(uow: UnitOfWork, *, annex_number: int) -> StandardEntry | None:
    """The live entry with this annex number, or None."""
    stmt = _standards_query().where(
        ServiceStandard.annex_number == annex_number, ServiceStandard.deleted_at.is_(None)
    )
    row = _session(uow).scalars(stmt).first()
    return _entry(row) if row is not None else None


def preview_import(uow: UnitOfWork, *, entries: Sequence[StandardEntry]) -> list[ImportResult]:
    """What import_standards() would do to each entry (created/updated/unchanged, changed fields); no writes."""
    return _import(_session(uow), entries, write=False)


def import_standards(uow: UnitOfWork, *, entries: Sequence[StandardEntry]) -> list[ImportResult]:
    """Create or update each entry by annex number; unchanged entries are not written. The caller commits.

    Requirement rows are updated in place by (kind, position); surplus ones are soft-deleted.
    Everything is checked (values as in an import file, annex numbers given once, queue groups
    exist) before the first write; a refusal raises CatalogError.
    Needs the EDIT_CATALOG permission; every created or changed entry is audited.
    """
    authorize(uow, uow.actor, Permission.EDIT_CATALOG)
    results = _import(_session(uow), entries, write=True)
    for result in results:
        if result.status != UNCHANGED:
            audit.record(
                uow,
                action=f"catalog.{result.status}",
                entity="service_standard",
                summary=f"annex {result.annex_number} KBLI {result.kbli} {result.status}",
                details={"annex_number": result.annex_number, "changed": list(result.changed)},
            )
    return results


def delete_standard(uow: UnitOfWork, *, annex_number: int) -> bool:
    """Soft-delete the entry and its requirements; False if there is no live entry with that number."""
    session = _session(uow)
    row = session.scalars(
        _standards_query().where(ServiceStandard.annex_number == annex_number, ServiceStandard.deleted_at.is_(None))
    ).first()
    authorize(uow, uow.actor, Permission.EDIT_CATALOG)
    if row is None:
        return False
    for requirement in row.requirements:
        soft_delete(requirement)
    soft_delete(row)
    audit.record(uow, action="catalog.deleted", entity="service_standard", entity_id=row.id,
                 summary=f"annex {row.annex_number} KBLI {row.kbli} removed", details={"annex_number": row.annex_number})
    session.flush()
    return True


def seed_needed(uow: UnitOfWork) -> bool:
    """True when the shipped catalogue has not been imported yet (a read only)."""
    return _session(uow).get(LocalState, SEEDED_KEY) is None


def seed_default_catalog(uow: UnitOfWork) -> bool:
    """On first start, import the shipped catalogue (resources/catalog/*.txt) into queue group A; True if it wrote."""
    session = _session(uow)
    if session.get(LocalState, SEEDED_KEY) is not None:
        return False  # seeded once already: entries an administrator deleted stay deleted
    entries = load_files(sorted(CATALOG_SEED_DIR.glob("*.txt")))
    existing = set(session.scalars(select(QueueGroup.code)))
    for code, name in DEFAULT_QUEUE_GROUPS:
        if code not in existing:
            session.add(QueueGroup(id=uuid.uuid4(), code=code, name=name))
    session.flush()
    _import(session, [replace(entry, queue_group=SEED_QUEUE_GROUP) for entry in entries], write=True)
    session.add(LocalState(key=SEEDED_KEY, value=utcnow().isoformat()))
    session.flush()
    return True


# -- internals ----------------------------------------------------------------------------


def _session(uow: UnitOfWork) -> Session:
    return uow.session  # raises outside the with-block


def _standards_query():
    return select(ServiceStandard).options(
        selectinload(ServiceStandard.requirements), selectinload(ServiceStandard.queue_group)
    )


def _live_requirements(row: ServiceStandard) -> list[Requirement]:
    live = [r for r in row.requirements if r.deleted_at is None]
    live.sort(key=lambda r: (r.kind, r.position, r.created_at))
    return live


def _entry(row: ServiceStandard) -> StandardEntry:
    requirements = _live_requirements(row)
    values: dict[str, Any] = {name: getattr(row, name) for name in _SCALAR_COLUMNS}
    values.update({name: tuple(getattr(row, name) or ()) for name in _LIST_COLUMNS})
    group = row.queue_group
    return StandardEntry(
        annex_number=row.annex_number,
        requirements=Requirements(
            general=tuple(r.text for r in requirements if r.kind == Requirement.GENERAL),
            special=tuple(r.text for r in requirements if r.kind == Requirement.SPECIAL),
        ),
        queue_group=group.code if group is not None else None,
        **values,
    )


def _desired_requirements(entry: StandardEntry) -> list[tuple[str, int, str]]:
    return [(Requirement.GENERAL, i, text) for i, text in enumerate(entry.requirements.general, start=1)] + [
        (Requirement.SPECIAL, i, text) for i, text in enumerate(entry.requirements.special, start=1)
    ]


def _column_values(entry: StandardEntry) -> dict[str, Any]:
    values: dict[str, Any] = {name: getattr(entry, name) for name in _SCALAR_COLUMNS}
    values.update({name: list(getattr(entry, name)) for name in _LIST_COLUMNS})
    return values


def _load_existing(session: Session, annex_numbers: Iterable[int]) -> dict[int, ServiceStandard]:
    """Existing rows (deleted ones too: the annex number is unique) with their requirements, in few queries."""
    numbers = sorted(set(annex_numbers))
    rows: dict[int, ServiceStandard] = {}
    for start in range(0, len(numbers), _LOAD_CHUNK):
        chunk = numbers[start : start + _LOAD_CHUNK]
        stmt = (
            select(ServiceStandard)
            .where(ServiceStandard.annex_number.in_(chunk))
            .options(selectinload(ServiceStandard.requirements))
        )
        rows.update((row.annex_number, row) for row in session.scalars(stmt))
    return rows


def _group_ids(session: Session, entries: Sequence[StandardEntry]) -> dict[int, Any]:
    """The queue group id each entry asks for (_KEEP if it names none); refuses unknown codes."""
    groups = {g.code: g.id for g in session.scalars(select(QueueGroup).where(QueueGroup.deleted_at.is_(None)))}
    wanted: dict[int, Any] = {}
    for entry in entries:
        code = entry.queue_group
        if code is None:
            wanted[entry.annex_number] = _KEEP
        elif code == "":
            wanted[entry.annex_number] = None
        elif code in groups:
            wanted[entry.annex_number] = groups[code]
        else:
            raise CatalogError(
                N_("errors", "Service {annex}: the queue group “{code}” does not exist."),
                annex=entry.annex_number,
                code=code,
            )
    return wanted


def _import(session: Session, entries: Sequence[StandardEntry], *, write: bool) -> list[ImportResult]:
    for index, entry in enumerate(entries, start=1):
        # Entries built in code (the editor) get the same checks as an imported file.
        StandardEntry.from_dict(entry.to_dict(), index=index)
    seen: set[int] = set()
    for entry in entries:
        if entry.annex_number in seen:
            raise CatalogError(
                N_("errors", "Annex number {annex} is given more than once in this import."), annex=entry.annex_number
            )
        seen.add(entry.annex_number)
    group_ids = _group_ids(session, entries)
    existing = _load_existing(session, seen)
    results = []
    for entry in entries:
        row = existing.get(entry.annex_number)
        group_id = group_ids[entry.annex_number]
        if row is None:
            if write:
                _create(session, entry, None if group_id is _KEEP else group_id)
            results.append(ImportResult(entry.annex_number, entry.kbli, entry.title, CREATED))
            continue
        results.append(_update(row, entry, group_id, write=write))
    if write:
        session.flush()
    return results


def _create(session: Session, entry: StandardEntry, group_id: uuid.UUID | None) -> None:
    # Ids are set here, not at flush, so each outbox payload already carries its foreign keys.
    row = ServiceStandard(
        id=uuid.uuid4(), annex_number=entry.annex_number, queue_group_id=group_id, **_column_values(entry)
    )
    session.add(row)
    # Added directly, not through row.requirements: that collection is not loaded yet, so a later
    # read in this session loads it from the database, and the back-reference events are skipped.
    session.add_all(
        Requirement(id=uuid.uuid4(), service_id=row.id, kind=kind, position=position, text=text)
        for kind, position, text in _desired_requirements(entry)
    )


def _update(row: ServiceStandard, entry: StandardEntry, group_id: Any, *, write: bool) -> ImportResult:
    values = _column_values(entry)
    if group_id is not _KEEP:
        values["queue_group_id"] = group_id
    columns = {name: value for name, value in values.items() if getattr(row, name) != value}
    live = _live_requirements(row)
    desired = _desired_requirements(entry)
    requirements_changed = [(r.kind, r.position, r.text) for r in live] != desired
    revived = row.deleted_at is not None
    if write:
        for name, value in columns.items():
            setattr(row, name, value)
        if revived:
            row.deleted_at = None
        if requirements_changed:
            _write_requirements(row, live, desired)
    if revived:  # deleted entries are not listed: importing one again creates it, as far as people can see
        return ImportResult(entry.annex_number, entry.kbli, entry.title, CREATED)
    changed_keys = set(columns) | ({"requirements"} if requirements_changed else set())
    if "queue_group_id" in changed_keys:
        changed_keys.add("queue_group")
    changed = tuple(key for key in ALL_KEYS if key in changed_keys)
    return ImportResult(entry.annex_number, entry.kbli, entry.title, UPDATED if changed else UNCHANGED, changed)


def _write_requirements(row: ServiceStandard, live: list[Requirement], desired: list[tuple[str, int, str]]) -> None:
    """Update rows in place by (kind, position), insert missing ones, soft-delete the rest."""
    by_slot: dict[tuple[str, int], Requirement] = {}
    surplus: list[Requirement] = []
    for requirement in live:
        slot = (requirement.kind, requirement.position)
        if slot in by_slot:
            surplus.append(requirement)  # two live rows in one slot (e.g. after a sync): keep the older
        else:
            by_slot[slot] = requirement
    for kind, position, text in desired:
        requirement = by_slot.pop((kind, position), None)
        if requirement is None:
            # Appended so the collection loaded above stays current for the rest of this session.
            row.requirements.append(
                Requirement(id=uuid.uuid4(), service_id=row.id, kind=kind, position=position, text=text)
            )
        elif requirement.text != text:
            requirement.text = text
    for requirement in [*surplus, *by_slot.values()]:
        soft_delete(requirement)
