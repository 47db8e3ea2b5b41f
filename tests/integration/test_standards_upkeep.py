"""Lampiran IV classifications and the standards' yearly evaluation (Evaluasi Kinerja), through the services."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from mpp_desk.catalog import CatalogError, CatalogFormatError
from mpp_desk.catalog import evaluations as ev
from mpp_desk.catalog import procedures as proc
from mpp_desk.catalog import service as catalog
from mpp_desk.catalog.files import load_files
from mpp_desk.errors import PermissionDenied, ValidationError
from mpp_desk.i18n import set_language
from mpp_desk.models import AuditEntry, OutboxEntry, ProcedureClassification, StandardEvaluation
from mpp_desk.paths import CATALOG_SEED_DIR
from mpp_desk.roles import Actor, Role
from mpp_desk.sync import entities

ANNEX_IV = """Klasifikasi 3: Perizinan Berusaha risiko menengah rendah
1. Pelaku usaha mengajukan permohonan melalui OSS
   dengan data yang lengkap.
2. Petugas memverifikasi persyaratan.
3. NIB dan Sertifikat Standar terbit.

Klasifikasi 7 – Perizinan Berusaha risiko menengah tinggi
1. Pelaku usaha mengajukan permohonan.
2. Verifikasi oleh dinas teknis.
"""
CSV = "nomor,nama,langkah\n12,Verifikasi lapangan,Penjadwalan\n12,,Peninjauan lapangan\n16;x\n"
COUNTER = Actor(user_id=None, username="rina", role=Role.COUNTER)
SUPERVISOR = Actor(user_id=None, username="kepala", role=Role.SUPERVISOR)


@pytest.fixture(autouse=True)
def indonesian():
    set_language("id")
    yield
    set_language("id")


@pytest.fixture
def seeded(uow_factory):
    with uow_factory() as uow:
        catalog.import_standards(uow, entries=load_files(sorted(CATALOG_SEED_DIR.glob("*.txt"))))
        uow.commit()


def count(uow_factory, model, *where) -> int:
    with uow_factory(write=False) as uow:
        return uow.session.scalar(select(func.count()).select_from(model).where(*where))


def test_annex_iv_text_is_read_with_continuations_and_saved_once(uow_factory, tmp_path):
    path = tmp_path / "lampiran-iv.txt"
    path.write_text(ANNEX_IV, encoding="utf-8")
    items = proc.load_file(path)
    assert [(i.number, len(i.steps)) for i in items] == [(3, 3), (7, 2)]
    assert items[0].steps[0] == "Pelaku usaha mengajukan permohonan melalui OSS dengan data yang lengkap."
    assert items[1].name == "Perizinan Berusaha risiko menengah tinggi"
    with uow_factory() as uow:
        assert [r.status for r in proc.save_classifications(uow, items=items)] == ["created", "created"]
        uow.commit()
    with uow_factory() as uow:
        again = proc.save_classifications(uow, items=items)
        uow.commit()
    assert [r.status for r in again] == ["unchanged", "unchanged"]
    with uow_factory(write=False) as uow:
        assert proc.list_classifications(uow) == items
    assert count(uow_factory, OutboxEntry, OutboxEntry.entity == "procedure_classification") == 2
    assert count(uow_factory, AuditEntry, AuditEntry.action == "procedure.created") == 2


def test_csv_rows_are_steps_and_a_bad_number_names_its_line(tmp_path):
    good = tmp_path / "iv.csv"
    good.write_text("nomor;nama;langkah\n12;Verifikasi lapangan;Penjadwalan\n12;;Peninjauan lapangan\n",
                    encoding="utf-8")
    assert proc.load_file(good) == [proc.Classification(12, "Verifikasi lapangan", ("Penjadwalan",
                                                                                     "Peninjauan lapangan"))]
    bad = tmp_path / "bad.csv"
    bad.write_text(CSV, encoding="utf-8")
    with pytest.raises(CatalogFormatError) as caught:
        proc.load_file(bad)
    assert caught.value.line == 4 and "bad.csv" in caught.value.text()


def test_a_classification_without_steps_is_refused_and_nothing_written(uow_factory):
    with pytest.raises(CatalogFormatError) as caught:
        proc.parse_text("Klasifikasi 4: Tanpa langkah\nKlasifikasi 5: Ada\n1. langkah\n")
    assert "Baris 1" in caught.value.text() and "langkah" in caught.value.text()
    with uow_factory() as uow, pytest.raises(CatalogError):
        proc.save_classifications(uow, items=[proc.Classification(5, "Ada", ("a",)),
                                              proc.Classification(0, "Nol", ("a",))])
    assert count(uow_factory, ProcedureClassification) == 0


def test_edit_remove_and_the_procedure_of_a_standard(uow_factory, seeded):
    with uow_factory() as uow:
        proc.save_classifications(uow, items=proc.parse_text(ANNEX_IV))
        uow.commit()
    with uow_factory() as uow:
        result = proc.save_classifications(uow, items=[proc.Classification(3, "Baru", ("Satu", "Dua"))])
        assert proc.delete_classification(uow, number=7) and not proc.delete_classification(uow, number=99)
        uow.commit()
    assert result[0].status == "updated"
    with uow_factory(write=False) as uow:
        shown = proc.procedure_for(uow, annex_number=67)  # the seed names 3, 7, 12 and 16
    assert [n for n, _ in shown] == [3, 7, 12, 16]
    assert shown[0][1] == proc.Classification(3, "Baru", ("Satu", "Dua")) and shown[1][1] is None
    with uow_factory() as uow:  # a removed classification comes back by saving it again
        assert proc.save_classifications(uow, items=[proc.Classification(7, "Lagi", ("x",))])[0].status == "created"


def test_a_counter_officer_may_not_edit_classifications(uow_factory):
    with uow_factory(actor=COUNTER) as uow, pytest.raises(PermissionDenied):
        proc.save_classifications(uow, items=[proc.Classification(3, "X", ("a",))])
    assert count(uow_factory, ProcedureClassification) == 0


def test_both_tables_sync_from_the_right_desks():
    assert entities.may_write("admin", "procedure_classification")
    assert not entities.may_write("supervisor", "procedure_classification")
    assert entities.may_write("supervisor", "standard_evaluation") and entities.may_write("admin", "standard_evaluation")
    assert not entities.may_write("counter", "standard_evaluation")


@pytest.mark.clock
def test_an_evaluation_with_its_document_clears_the_due_warning(uow_factory, seeded, office_clock, tmp_path,
                                                                data_dir):
    office_clock.set(dt.datetime(2026, 6, 15, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=7))))
    with uow_factory(write=False) as uow:
        assert [d.annex_number for d in ev.due_evaluations(uow)] == [45, 67]
    doc = tmp_path / "berita-acara.png"
    from PIL import Image

    Image.new("RGB", (8, 8), "white").save(doc)
    with uow_factory(actor=SUPERVISOR) as uow:
        view = ev.record_evaluation(uow, annex_number=67, evaluated_on=dt.date(2025, 6, 16), evaluator="Tim SOP",
                                    notes="Hasil disampaikan dalam apel pagi.", document=doc, data_dir=data_dir)
        ev.record_evaluation(uow, annex_number=45, evaluated_on=dt.date(2025, 6, 15), evaluator="Tim SOP")
        uow.commit()
    assert (data_dir / view.document_path).read_bytes() == doc.read_bytes()
    with uow_factory(write=False) as uow:
        due = ev.due_evaluations(uow)
        assert [(d.annex_number, d.last) for d in due] == [(45, dt.date(2025, 6, 15))]  # a year to the day: due
        assert [v.annex_number for v in ev.list_evaluations(uow, year=2025)] == [67, 45]
        assert ev.list_evaluations(uow, year=2026) == []
    assert count(uow_factory, AuditEntry, AuditEntry.action == "evaluation.recorded") == 2
    assert count(uow_factory, OutboxEntry, OutboxEntry.entity == "standard_evaluation") == 2


@pytest.mark.clock
@pytest.mark.parametrize(("day", "evaluator", "words"), [
    (dt.date(2026, 6, 16), "Tim", "setelah hari ini"),
    (dt.date(2026, 1, 5), "  ", "Sebutkan siapa"),
])
def test_a_bad_evaluation_is_refused_with_one_message(uow_factory, seeded, office_clock, day, evaluator, words):
    office_clock.set(dt.datetime(2026, 6, 15, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=7))))
    with uow_factory() as uow, pytest.raises(ValidationError) as caught:
        ev.record_evaluation(uow, annex_number=67, evaluated_on=day, evaluator=evaluator)
    assert words in caught.value.text()
    assert count(uow_factory, StandardEvaluation) == 0


def test_evaluations_need_the_permission_and_a_known_standard(uow_factory, seeded):
    with uow_factory(actor=COUNTER) as uow, pytest.raises(PermissionDenied):
        ev.record_evaluation(uow, annex_number=67, evaluated_on=dt.date(2025, 1, 2), evaluator="X")
    with uow_factory() as uow, pytest.raises(CatalogError) as caught:
        ev.record_evaluation(uow, annex_number=999, evaluated_on=dt.date(2025, 1, 2), evaluator="X")
    assert "999" in caught.value.text()
    assert count(uow_factory, StandardEvaluation) == 0


def test_a_29_february_evaluation_is_due_on_28_february():
    assert ev.year_before(dt.date(2029, 2, 28)) == dt.date(2028, 2, 28)
    assert ev.year_before(dt.date(2028, 2, 29)) == dt.date(2027, 2, 28)
