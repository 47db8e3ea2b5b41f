"""Lampiran IV of the regulation: the procedure classifications (number, name, steps) a standard names by number.

A standard's "Sistem, Mekanisme dan Prosedur" says "Klasifikasi 3, 7, 12, atau 16 sebagaimana tercantum
dalam Lampiran IV": the importer keeps the numbers (``ServiceStandard.procedure_classifications``) and this
module keeps what each number means. Files are read like the annex text (``parse_text``) or as CSV
(``parse_csv``, one row per step). Services never commit; writes need EDIT_CATALOG and are audited.
"""

from __future__ import annotations

import csv
import io
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from mpp_desk import audit
from mpp_desk.catalog.errors import CatalogError, CatalogFormatError
from mpp_desk.catalog.files import read_text
from mpp_desk.i18n import N_
from mpp_desk.models import ProcedureClassification, ServiceStandard
from mpp_desk.roles import Permission, authorize
from mpp_desk.uow import soft_delete

if TYPE_CHECKING:
    from mpp_desk.uow import UnitOfWork

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"
MAX_NUMBER = 999
MAX_NAME = 300
MAX_STEPS = 60
MAX_STEP = 1000

_HEADING = re.compile(r"^\s*klasifikasi\s+(\d{1,4})\s*[:.\-–—]?\s*(.*)$", re.IGNORECASE)
_STEP = re.compile(r"^\s*(\d{1,3})\s*[.)]\s*(.*)$")
_CSV_COLUMNS = ("nomor", "nama", "langkah")


@dataclass(frozen=True)
class Classification:
    """One classification of Lampiran IV: its number, name and steps in order."""

    number: int
    name: str
    steps: tuple[str, ...]

    def checked(self) -> Classification:
        """This classification with its text trimmed; CatalogError says what is wrong."""
        name = " ".join(self.name.split())
        steps = tuple(" ".join(step.split()) for step in self.steps)
        if not 1 <= self.number <= MAX_NUMBER:
            raise CatalogError(N_("errors", "A classification number is a whole number from 1 to {max}."),
                               max=MAX_NUMBER)
        if not name:
            raise CatalogError(N_("errors", "Classification {number}: the name is empty."), number=self.number)
        if len(name) > MAX_NAME:
            raise CatalogError(N_("errors", "Classification {number}: the name is longer than {max} characters."),
                               number=self.number, max=MAX_NAME)
        if not steps or any(not step for step in steps):
            raise CatalogError(N_("errors", "Classification {number}: every step needs a text, and there is at "
                                            "least one step."), number=self.number)
        if len(steps) > MAX_STEPS or any(len(step) > MAX_STEP for step in steps):
            raise CatalogError(N_("errors", "Classification {number}: at most {steps} steps of at most {chars} "
                                            "characters each."), number=self.number, steps=MAX_STEPS, chars=MAX_STEP)
        return Classification(self.number, name, steps)


@dataclass(frozen=True)
class ClassificationResult:
    """What saving did (or would do) to one classification."""

    number: int
    name: str
    status: str


# -- files ----------------------------------------------------------------------------------


def parse_text(text: str, *, source: str | None = None) -> list[Classification]:
    """Classifications from text: a "Klasifikasi N: name" line, then its numbered steps ("1. ...").

    Lines that continue a step (no number) are joined to it; blank lines are ignored.
    """
    found: list[tuple[int, str, list[str], int]] = []
    for line_no, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        heading = _HEADING.match(line)
        if heading:
            found.append((int(heading.group(1)), heading.group(2), [], line_no))
            continue
        if not found:
            raise CatalogFormatError(N_("errors", "Line {line}: a classification starts with “Klasifikasi N: name”."),
                                     source=source, line=line_no)
        steps = found[-1][2]
        step = _STEP.match(line)
        if step:
            steps.append(step.group(2))
        elif steps:
            steps[-1] = f"{steps[-1]} {line}"
        else:
            raise CatalogFormatError(N_("errors", "Line {line}: a step starts with its number (“1. …”)."),
                                     source=source, line=line_no)
    if not found:
        raise CatalogFormatError(N_("errors", "The file holds no classification (“Klasifikasi N: name”)."),
                                 source=source)
    return _checked_all([(Classification(n, name, tuple(steps)), line) for n, name, steps, line in found], source)


def parse_csv(text: str, *, source: str | None = None) -> list[Classification]:
    """Classifications from CSV with the columns nomor, nama, langkah: one row per step, in order.

    The name may be given on the first row of a number only; a comma or semicolon separates columns.
    """
    dialect = csv.excel if text.split("\n", 1)[0].count(",") >= text.split("\n", 1)[0].count(";") else _Semicolon
    rows = list(csv.reader(io.StringIO(text), dialect))
    header = [cell.strip().casefold() for cell in rows[0]] if rows else []
    if tuple(header[:3]) != _CSV_COLUMNS:
        raise CatalogFormatError(N_("errors", "Line {line}: the CSV file must start with the columns nomor, nama, "
                                              "langkah."), source=source, line=1)
    order: list[int] = []
    by_number: dict[int, tuple[list[str], list[str], int]] = {}
    for line_no, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        cells = [*row, "", ""][:3]
        number_text, name, step = (cell.strip() for cell in cells)
        if not number_text.isdigit():
            raise CatalogFormatError(N_("errors", "Line {line}: “{value}” is not a classification number."),
                                     source=source, line=line_no, value=number_text)
        number = int(number_text)
        if number not in by_number:
            order.append(number)
            by_number[number] = ([], [], line_no)
        names, steps, _first = by_number[number]
        if name:
            names.append(name)
        if step:
            steps.append(step)
        if len(set(names)) > 1:
            raise CatalogFormatError(N_("errors", "Line {line}: classification {number} has another name above."),
                                     source=source, line=line_no, number=number)
    if not order:
        raise CatalogFormatError(N_("errors", "The file holds no classification (“Klasifikasi N: name”)."),
                                 source=source)
    return _checked_all(
        [(Classification(n, (by_number[n][0] or [""])[0], tuple(by_number[n][1])), by_number[n][2]) for n in order],
        source,
    )


class _Semicolon(csv.excel):
    delimiter = ";"


def _checked_all(items: list[tuple[Classification, int]], source: str | None) -> list[Classification]:
    seen: set[int] = set()
    result = []
    for item, line in items:
        if item.number in seen:
            raise CatalogFormatError(N_("errors", "Line {line}: classification {number} is given twice."),
                                     source=source, line=line, number=item.number)
        seen.add(item.number)
        try:
            result.append(item.checked())
        except CatalogFormatError:
            raise
        except CatalogError as exc:
            raise CatalogFormatError(N_("errors", "Line {line}: {problem}"), source=source, line=line,
                                     problem=exc.text()) from None
    return result


def load_file(path: Path) -> list[Classification]:
    """The classifications of a .csv (by extension) or text file; nothing is written."""
    path = Path(path)
    text = read_text(path)
    if path.suffix.casefold() == ".csv":
        return parse_csv(text, source=str(path))
    return parse_text(text, source=str(path))


# -- database -------------------------------------------------------------------------------


def list_classifications(uow: UnitOfWork) -> list[Classification]:
    """The live classifications by number."""
    rows = uow.session.scalars(
        select(ProcedureClassification)
        .where(ProcedureClassification.deleted_at.is_(None))
        .order_by(ProcedureClassification.number)
    )
    return [_view(row) for row in rows]


def procedure_for(uow: UnitOfWork, *, annex_number: int) -> list[tuple[int, Classification | None]]:
    """The classifications a standard names, in its order; None for a number not in the catalogue yet."""
    numbers = uow.session.scalar(
        select(ServiceStandard.procedure_classifications).where(
            ServiceStandard.annex_number == annex_number, ServiceStandard.deleted_at.is_(None))
    ) or []
    known = {c.number: c for c in list_classifications(uow)} if numbers else {}
    return [(int(n), known.get(int(n))) for n in numbers]


def preview_classifications(uow: UnitOfWork, *, items: Sequence[Classification]) -> list[ClassificationResult]:
    """What save_classifications() would do to each; no writes."""
    return _save(uow, items, write=False)


def save_classifications(uow: UnitOfWork, *, items: Sequence[Classification]) -> list[ClassificationResult]:
    """Create or update each classification by number (all checked first; unchanged ones are not written).

    Needs EDIT_CATALOG; every created or changed classification is audited. The caller commits.
    """
    authorize(uow, uow.actor, Permission.EDIT_CATALOG)
    results = _save(uow, items, write=True)
    for result in results:
        if result.status != UNCHANGED:
            audit.record(uow, action=f"procedure.{result.status}", entity="procedure_classification",
                         summary=f"Lampiran IV classification {result.number} {result.status}",
                         details={"number": result.number, "name": result.name})
    return results


def delete_classification(uow: UnitOfWork, *, number: int) -> bool:
    """Remove a classification (soft delete); False when there is no live one with that number."""
    authorize(uow, uow.actor, Permission.EDIT_CATALOG)
    row = uow.session.scalar(select(ProcedureClassification).where(
        ProcedureClassification.number == number, ProcedureClassification.deleted_at.is_(None)))
    if row is None:
        return False
    soft_delete(row)
    audit.record(uow, action="procedure.deleted", entity="procedure_classification", entity_id=row.id,
                 summary=f"Lampiran IV classification {number} removed", details={"number": number})
    uow.session.flush()
    return True


def _view(row: ProcedureClassification) -> Classification:
    return Classification(row.number, row.name, tuple(row.steps or ()))


def _save(uow: UnitOfWork, items: Sequence[Classification], *, write: bool) -> list[ClassificationResult]:
    checked = [item.checked() for item in items]
    numbers = [item.number for item in checked]
    duplicates = sorted({n for n in numbers if numbers.count(n) > 1})
    if duplicates:
        raise CatalogError(N_("errors", "Classification {number} is given more than once."), number=duplicates[0])
    session = uow.session
    existing = {row.number: row for row in session.scalars(
        select(ProcedureClassification).where(ProcedureClassification.number.in_(numbers)))} if numbers else {}
    results = []
    for item in checked:
        row = existing.get(item.number)
        if row is None:
            if write:
                session.add(ProcedureClassification(id=uuid.uuid4(), number=item.number, name=item.name,
                                                    steps=list(item.steps)))
            results.append(ClassificationResult(item.number, item.name, CREATED))
            continue
        revived = row.deleted_at is not None
        same = row.name == item.name and list(row.steps or ()) == list(item.steps)
        if write and (revived or not same):
            row.name, row.steps, row.deleted_at = item.name, list(item.steps), None
        status = CREATED if revived else UNCHANGED if same else UPDATED
        results.append(ClassificationResult(item.number, item.name, status))
    if write:
        session.flush()
    return results
