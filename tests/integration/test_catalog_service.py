"""Catalogue services on a real SQLite file: import, re-import in place, preview, export round trip, seed."""

from __future__ import annotations

from dataclasses import replace

import pytest

from mpp_desk.roles import TERMINAL
from sqlalchemy import event, func, select

from mpp_desk.catalog import CatalogError, Requirements
from mpp_desk.catalog import service as catalog
from mpp_desk.catalog.files import JSON, YAML, dumps, load_files, parse_structured
from mpp_desk.catalog.parser import parse_text
from mpp_desk.models import LocalState, OutboxEntry, QueueGroup, Requirement, ServiceStandard
from mpp_desk.paths import CATALOG_SEED_DIR

SEED_FILES = sorted(CATALOG_SEED_DIR.glob("*.txt"))


@pytest.fixture
def seeds():
    """Both seed entries, 45 then 67."""
    return sorted(load_files(SEED_FILES), key=lambda e: e.annex_number)


def import_and_commit(uow_factory, entries):
    with uow_factory() as uow:
        results = catalog.import_standards(uow, entries=entries)
        uow.commit()
    return results


def counts(uow_factory) -> dict[str, int]:
    with uow_factory(write=False) as uow:
        s = uow.session
        return {
            "standards": s.scalar(select(func.count()).select_from(ServiceStandard)),
            "requirements": s.scalar(select(func.count()).select_from(Requirement)),
            "live_requirements": s.scalar(
                select(func.count()).select_from(Requirement).where(Requirement.deleted_at.is_(None))
            ),
            "outbox": s.scalar(select(func.count()).select_from(OutboxEntry).where(OutboxEntry.entity != "audit_entry")),
            "groups": s.scalar(select(func.count()).select_from(QueueGroup)),
        }


def outbox(uow_factory, *, after: int = 0) -> list[tuple[str, str, int | None]]:
    with uow_factory(write=False) as uow:
        rows = uow.session.scalars(select(OutboxEntry).where(OutboxEntry.seq > after).order_by(OutboxEntry.seq))
        # the catalogue's own rows; the audit entries of each change are checked elsewhere
        return [(row.entity, row.op, row.base_version) for row in rows if row.entity != "audit_entry"]


def last_seq(uow_factory) -> int:
    with uow_factory(write=False) as uow:
        return uow.session.scalar(select(func.max(OutboxEntry.seq))) or 0


# -- first import -------------------------------------------------------------------------


def test_import_creates_every_standard_with_its_requirement_rows(uow_factory, seeds):
    results = import_and_commit(uow_factory, seeds)
    assert [(r.annex_number, r.status) for r in results] == [(45, "created"), (67, "created")]
    assert counts(uow_factory) == {"standards": 2, "requirements": 17, "live_requirements": 17, "outbox": 19, "groups": 0}
    assert {op for _, op, _ in outbox(uow_factory)} == {"insert"}
    with uow_factory(write=False) as uow:
        row = uow.session.scalars(select(ServiceStandard).where(ServiceStandard.annex_number == 67)).one()
        assert (row.kbli, row.risk_level, row.product_type) == ("62021", "Menengah Tinggi", "Sertifikat Standar")
        assert (row.completion_working_days, row.fee, row.staff_count) == (7, "Gratis", 30)
        assert row.procedure_classifications == [3, 7, 12, 16]
        assert len(row.facilities) == 50 and row.version == 1
        slots = [(r.kind, r.position) for r in row.requirements]
        assert slots == [("general", i) for i in range(1, 6)] + [("special", i) for i in range(1, 8)]
        payload = uow.session.scalars(
            select(OutboxEntry.payload).where(OutboxEntry.entity == "service_requirement").limit(1)
        ).one()
        assert payload["service_id"] is not None  # the outbox row already knows its parent


def test_get_standard_returns_what_was_imported(uow_factory, seeds):
    import_and_commit(uow_factory, seeds)
    with uow_factory(write=False) as uow:
        assert catalog.get_standard(uow, annex_number=67) == seeds[1]
        assert catalog.get_standard(uow, annex_number=45) == seeds[0]
        assert catalog.get_standard(uow, annex_number=1) is None


# -- re-import ----------------------------------------------------------------------------


def test_reimporting_the_same_entries_writes_nothing(uow_factory, seeds):
    import_and_commit(uow_factory, seeds)
    before = counts(uow_factory)
    results = import_and_commit(uow_factory, seeds)
    assert [(r.status, r.changed) for r in results] == [("unchanged", ()), ("unchanged", ())]
    assert counts(uow_factory) == before
    with uow_factory(write=False) as uow:
        assert set(uow.session.scalars(select(ServiceStandard.version))) == {1}
        assert set(uow.session.scalars(select(Requirement.version))) == {1}


def test_an_edited_annex_updates_in_place(uow_factory, seeds):
    import_and_commit(uow_factory, seeds)
    with uow_factory(write=False) as uow:
        ids_before = {
            (r.kind, r.position): r.id
            for r in uow.session.scalars(select(Requirement).join(ServiceStandard).where(ServiceStandard.annex_number == 67))
        }
    seq = last_seq(uow_factory)
    text = (CATALOG_SEED_DIR / "annex-067-kbli-62021.txt").read_text(encoding="utf-8")
    edited = (
        text.replace(": 7 hari kerja", ": 10 hari kerja")
        .replace("1. Memiliki sarana dan fasilitas produksi.", "1. Memiliki sarana produksi.")
        .replace(" 7. Menerapkan standar keamanan dan keselamatan kerja;", "")
    )
    (entry,) = parse_text(edited)
    results = import_and_commit(uow_factory, [entry])
    assert results[0].status == "updated"
    assert results[0].changed == ("requirements", "completion_working_days", "completion_text")
    with uow_factory(write=False) as uow:
        row = uow.session.scalars(select(ServiceStandard).where(ServiceStandard.annex_number == 67)).one()
        assert row.version == 2 and row.completion_working_days == 10
        by_slot = {(r.kind, r.position): r for r in row.requirements}
        assert by_slot[("special", 1)].id == ids_before[("special", 1)]  # same row, new text
        assert by_slot[("special", 1)].text == "Memiliki sarana produksi"
        assert by_slot[("special", 1)].version == 2
        assert by_slot[("special", 7)].deleted_at is not None  # surplus: a tombstone, not a hard delete
        assert by_slot[("special", 2)].version == 1  # untouched
        assert catalog.get_standard(uow, annex_number=67).requirements.special == entry.requirements.special
    assert sorted(outbox(uow_factory, after=seq)) == [
        ("service_requirement", "delete", 1),
        ("service_requirement", "update", 1),
        ("service_standard", "update", 1),
    ]
    assert counts(uow_factory)["standards"] == 2  # no duplicate


def test_added_requirements_get_new_rows(uow_factory, seeds):
    import_and_commit(uow_factory, seeds)
    seq = last_seq(uow_factory)
    more = replace(seeds[0], requirements=Requirements(general=seeds[0].requirements.general, special=("Baru",)))
    results = import_and_commit(uow_factory, [more])
    assert (results[0].status, results[0].changed) == ("updated", ("requirements",))
    assert outbox(uow_factory, after=seq) == [("service_requirement", "insert", None)]
    with uow_factory(write=False) as uow:
        assert catalog.get_standard(uow, annex_number=45).requirements.special == ("Baru",)


def test_preview_reports_changes_without_writing(uow_factory, seeds):
    import_and_commit(uow_factory, seeds)
    before = counts(uow_factory)
    changed = replace(seeds[1], fee="Rp 0", legal_basis=seeds[1].legal_basis[:-1])
    new = replace(seeds[0], annex_number=99, kbli="99999")
    with uow_factory(write=False) as uow:
        report = catalog.preview_import(uow, entries=[seeds[0], changed, new])
    assert [(r.annex_number, r.status, r.changed) for r in report] == [
        (45, "unchanged", ()),
        (67, "updated", ("fee", "legal_basis")),
        (99, "created", ()),
    ]
    assert counts(uow_factory) == before


# -- nothing is half-imported -------------------------------------------------------------


def test_a_malformed_file_among_good_ones_stops_everything_before_the_database(tmp_path, uow_factory):
    bad = tmp_path / "bad.txt"
    bad.write_text((CATALOG_SEED_DIR / "annex-045-kbli-71205.txt").read_text(encoding="utf-8").replace("KBLI 71205", "KBLI 7"))
    with pytest.raises(CatalogError):
        load_files([SEED_FILES[1], bad])
    assert counts(uow_factory) == {"standards": 0, "requirements": 0, "live_requirements": 0, "outbox": 0, "groups": 0}


def test_an_unknown_queue_group_is_refused_before_any_write(uow_factory, seeds):
    with uow_factory() as uow:
        with pytest.raises(CatalogError) as caught:
            catalog.import_standards(uow, entries=[seeds[0], replace(seeds[1], queue_group="Z")])
        assert len(uow.session.new) == 0  # checked before the first row was even added
        assert caught.value.text("id") == "Layanan 67: kelompok antrian “Z” tidak ada."
    assert counts(uow_factory)["outbox"] == 0


def test_a_failure_half_way_rolls_the_whole_import_back(uow_factory, seeds, monkeypatch):
    real = catalog._create
    calls = []

    def failing_create(session, entry, group_id):
        calls.append(entry.annex_number)
        if len(calls) == 2:
            raise OSError("disk full")
        real(session, entry, group_id)

    monkeypatch.setattr(catalog, "_create", failing_create)
    with pytest.raises(OSError):
        with uow_factory() as uow:
            catalog.import_standards(uow, entries=seeds)
            uow.commit()
    assert calls == [45, 67]
    assert counts(uow_factory) == {"standards": 0, "requirements": 0, "live_requirements": 0, "outbox": 0, "groups": 0}


def test_the_same_annex_number_twice_in_one_import_is_refused(uow_factory, seeds):
    with uow_factory() as uow:
        with pytest.raises(CatalogError) as caught:
            catalog.import_standards(uow, entries=[seeds[0], seeds[0]])
    assert "Annex number 45 is given more than once" in str(caught.value)


# -- listing, search, delete --------------------------------------------------------------


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        (None, [45, 67]),
        ("", [45, 67]),
        ("kalibrasi", [45]),
        ("KEAMANAN informasi", [67]),
        ("keamanan kalibrasi", []),
        ("62021", [67]),
        ("620", [67]),
        ("71205 jasa", [45]),
        ("45", [45]),
        ("%", []),
        ("_", []),
    ],
)
def test_list_standards_search(uow_factory, seeds, search, expected):
    import_and_commit(uow_factory, seeds)
    with uow_factory(write=False) as uow:
        assert [e.annex_number for e in catalog.list_standards(uow, search=search)] == expected


def test_deleted_entries_are_hidden_and_an_explicit_import_brings_them_back(uow_factory, seeds):
    import_and_commit(uow_factory, seeds)
    with uow_factory() as uow:
        assert catalog.delete_standard(uow, annex_number=67) is True
        assert catalog.delete_standard(uow, annex_number=68) is False
        uow.commit()
    with uow_factory(write=False) as uow:
        assert [e.annex_number for e in catalog.list_standards(uow)] == [45]
        assert catalog.get_standard(uow, annex_number=67) is None
    assert counts(uow_factory)["live_requirements"] == 5
    results = import_and_commit(uow_factory, [seeds[1]])
    assert results[0].status == "created"
    with uow_factory(write=False) as uow:
        assert catalog.get_standard(uow, annex_number=67) == seeds[1]
    assert counts(uow_factory)["standards"] == 2  # the same row, revived (annex numbers are unique)


# -- export round trip and hand edits -----------------------------------------------------


@pytest.mark.parametrize("fmt", [YAML, JSON])
def test_export_then_import_changes_nothing(app_ctx, fmt):
    with app_ctx.uow(write=False) as uow:
        exported = catalog.list_standards(uow)
    text = dumps(exported, fmt)
    entries = parse_structured(text, fmt)
    assert entries == exported
    with app_ctx.uow(actor=TERMINAL) as uow:
        before = uow.session.scalar(select(func.count()).select_from(OutboxEntry))
        results = catalog.import_standards(uow, entries=entries)
        uow.commit()
    assert {r.status for r in results} == {"unchanged"}
    with app_ctx.uow(write=False) as uow:
        assert uow.session.scalar(select(func.count()).select_from(OutboxEntry)) == before
        assert dumps(catalog.list_standards(uow), fmt) == text


def test_a_hand_edited_export_updates_only_what_was_edited(app_ctx):
    with app_ctx.uow(write=False) as uow:
        text = dumps(catalog.list_standards(uow), YAML)
    edited = text.replace("fee: Gratis", "fee: Rp 50.000", 1).replace("queue_group: A", "queue_group: B", 1)
    with app_ctx.uow(actor=TERMINAL) as uow:
        results = catalog.import_standards(uow, entries=parse_structured(edited, YAML))
        uow.commit()
    assert [(r.annex_number, r.status, r.changed) for r in results] == [
        (45, "updated", ("fee", "queue_group")),
        (67, "unchanged", ()),
    ]
    with app_ctx.uow(write=False) as uow:
        entry = catalog.get_standard(uow, annex_number=45)
        assert (entry.fee, entry.queue_group) == ("Rp 50.000", "B")


def test_queue_group_none_keeps_and_empty_clears(app_ctx, seeds):
    with app_ctx.uow(actor=TERMINAL) as uow:
        assert catalog.import_standards(uow, entries=[seeds[0]])[0].status == "unchanged"  # text import keeps "A"
        result = catalog.import_standards(uow, entries=[replace(seeds[0], queue_group="")])[0]
        assert result.changed == ("queue_group",)
        assert catalog.get_standard(uow, annex_number=45).queue_group is None


# -- the shipped default catalogue --------------------------------------------------------


def test_seed_imports_the_shipped_catalogue_once_into_queue_group_a(uow_factory):
    with uow_factory() as uow:
        assert catalog.seed_default_catalog(uow) is True
        uow.commit()
    with uow_factory(write=False) as uow:
        groups = {g.code: g.name for g in uow.session.scalars(select(QueueGroup))}
        assert groups == {"A": "Perizinan Berusaha", "B": "Pengaduan dan Informasi"}
        entries = catalog.list_standards(uow)
        assert [(e.annex_number, e.queue_group) for e in entries] == [(45, "A"), (67, "A")]
        assert uow.session.get(LocalState, "catalog_seeded") is not None
    before = counts(uow_factory)
    with uow_factory() as uow:
        assert catalog.seed_default_catalog(uow) is False
        uow.commit()
    assert counts(uow_factory) == before


def test_seed_does_not_bring_back_what_an_administrator_deleted(app_ctx):
    with app_ctx.uow(actor=TERMINAL) as uow:
        catalog.delete_standard(uow, annex_number=45)
        uow.commit()
    with app_ctx.uow(actor=TERMINAL) as uow:
        assert catalog.seed_default_catalog(uow) is False
    with app_ctx.uow(write=False) as uow:
        assert [e.annex_number for e in catalog.list_standards(uow)] == [67]


def test_the_app_context_seeds_on_first_open(app_ctx, seeds):
    with app_ctx.uow(write=False) as uow:
        entries = catalog.list_standards(uow)
    assert entries == [replace(seed, queue_group="A") for seed in seeds]


def test_seed_keeps_existing_queue_groups(uow_factory):
    with uow_factory() as uow:
        uow.session.add(QueueGroup(code="A", name="Loket Izin"))
        uow.commit()
    with uow_factory() as uow:
        catalog.seed_default_catalog(uow)
        uow.commit()
    with uow_factory(write=False) as uow:
        assert {g.code: g.name for g in uow.session.scalars(select(QueueGroup))} == {
            "A": "Loket Izin",
            "B": "Pengaduan dan Informasi",
        }


# -- query count --------------------------------------------------------------------------


def test_import_does_not_query_per_entry_or_requirement(db, uow_factory, seeds):
    many = [replace(seeds[i % 2], annex_number=1000 + i, kbli=f"{10000 + i}") for i in range(120)]
    statements: list[str] = []

    def record(_conn, _cursor, statement, *_args):
        statements.append(statement)

    import_and_commit(uow_factory, many)
    event.listen(db.engine, "before_cursor_execute", record)
    try:
        with uow_factory() as uow:
            results = catalog.import_standards(uow, entries=many)
            uow.commit()
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
    assert {r.status for r in results} == {"unchanged"}
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    writes = [s for s in statements if s.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))]
    assert len(selects) <= 3, selects  # queue groups, standards, their requirements
    assert writes == []


def test_reads_in_the_same_unit_of_work_see_the_import(uow_factory, seeds):
    with uow_factory() as uow:
        catalog.import_standards(uow, entries=seeds)
        assert catalog.get_standard(uow, annex_number=45) == seeds[0]
        more = replace(seeds[0], requirements=Requirements(general=("Satu",), special=("Dua", "Tiga")))
        catalog.import_standards(uow, entries=[more])
        assert catalog.get_standard(uow, annex_number=45).requirements == more.requirements


def test_entries_built_in_code_are_checked_like_a_file(uow_factory, seeds):
    bad = replace(seeds[1], kbli="620", procedure_classifications=(3, 0))
    with uow_factory() as uow:
        with pytest.raises(CatalogError) as caught:
            catalog.import_standards(uow, entries=[seeds[0], bad])
        assert len(uow.session.new) == 0
    assert str(caught.value).startswith("Entry 2: the KBLI code “620” must be text of exactly 5 digits")
    lists_ok = replace(seeds[0], legal_basis=["UU 11/2020"], requirements=Requirements(["a"], []))  # lists, as a form gives
    assert import_and_commit(uow_factory, [lists_ok])[0].status == "created"
