"""``mpp-desk survey import FILE.csv``: responses collected on paper or elsewhere, all or nothing.

Header (exactly, in this order)::

    submitted_at,service_kbli,age,sex,education,occupation,u1,u2,u3,u4,u5,u6,u7,u8,u9

``submitted_at`` ``YYYY-MM-DD HH:MM`` office time (WIB); ``service_kbli`` 5 digits of a service in the
catalogue, or empty for the MPP as a whole; ``age`` whole years (or empty); ``sex`` L/P (or empty);
``education`` sd/smp/sma/d3/s1/s2; ``occupation`` pns/tni/polri/swasta/wirausaha/pelajar/lainnya (or
empty); ``u1``…``u9`` 1–4, empty when that element was not answered. Every bad row is reported with its
line number and reason, and nothing is written unless every row is good. A file already imported
(same content) is refused: each row keeps ``<sha256 prefix>:<line>``.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import re
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from mpp_desk import audit, officetime
from mpp_desk.errors import UserError, ValidationError
from mpp_desk.i18n import N_, translate
from mpp_desk.models import ServiceStandard, SurveyResponse
from mpp_desk.roles import Permission, authorize
from mpp_desk.survey import elements
from mpp_desk.survey.service import Profile, ServiceRef, check_scores, submit_response
from mpp_desk.uow import UnitOfWork

HEADER = ("submitted_at", "service_kbli", "age", "sex", "education", "occupation", *elements.CODES)
MAX_BYTES = 20_000_000
MAX_ROWS = 200_000
_WHEN = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}")


@dataclass(frozen=True)
class RowProblem:
    line: int
    reason: str  # English source; translate with context "survey"
    params: dict

    def text(self, language: str | None = None) -> str:
        return translate("survey", self.reason, language).format(**self.params)


class ImportRefused(UserError):
    """The file has bad rows: nothing was imported. ``problems`` lists each line and why."""

    context = "survey"

    def __init__(self, problems: list[RowProblem]) -> None:
        super().__init__(N_("survey", "Nothing was imported: {count} bad row(s)."), count=len(problems))
        self.problems = problems

    def text(self, language: str | None = None) -> str:
        head = super().text(language)
        lines = [translate("survey", N_("survey", "line {line}: {reason}"), language).format(
            line=p.line, reason=p.text(language)) for p in self.problems[:200]]
        if len(self.problems) > 200:
            lines.append("…")
        return "\n".join([head, *lines])


@dataclass(frozen=True)
class ParsedRow:
    line: int
    submitted_at: dt.datetime
    kbli: str
    profile: Profile
    scores: tuple[int | None, ...]


@dataclass(frozen=True)
class ImportResult:
    imported: int
    file_sha256: str


def read_file(path: Path | str) -> bytes:
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ValidationError(N_("errors", "The file is larger than {limit} MB."), field="file",
                                  limit=MAX_BYTES // 1_000_000)
        return path.read_bytes()
    except OSError as exc:
        raise ValidationError(N_("errors", "The file cannot be read: {error}"), field="file",
                              error=exc.strerror or str(exc)) from exc


def parse(data: bytes, *, now: dt.datetime) -> tuple[list[ParsedRow], list[RowProblem]]:
    """Every row checked on its own (no database); the rows and the problems found."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], [RowProblem(1, N_("survey", "the file is not UTF-8 text"), {})]
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
    except csv.Error as exc:
        return [], [RowProblem(1, N_("survey", "not CSV: {error}"), {"error": str(exc)})]
    if header is None or tuple(h.strip().lower() for h in header) != HEADER:
        return [], [RowProblem(1, N_("survey", "the header must be {header}"), {"header": ",".join(HEADER)})]
    rows: list[ParsedRow] = []
    problems: list[RowProblem] = []
    try:
        for values in reader:
            line = reader.line_num
            if not any(v.strip() for v in values):
                continue  # a blank line
            if len(rows) + len(problems) >= MAX_ROWS:
                problems.append(RowProblem(line, N_("survey", "more than {limit} rows"), {"limit": MAX_ROWS}))
                break
            try:
                rows.append(_row(line, values, now))
            except _Bad as bad:
                problems.append(RowProblem(line, bad.reason, bad.params))
    except csv.Error as exc:
        problems.append(RowProblem(reader.line_num, N_("survey", "not CSV: {error}"), {"error": str(exc)}))
    if not rows and not problems:
        problems.append(RowProblem(1, N_("survey", "the file has no rows"), {}))
    return rows, problems


class _Bad(Exception):
    def __init__(self, reason: str, **params) -> None:
        super().__init__(reason)
        self.reason = reason
        self.params = params


def _row(line: int, values: list[str], now: dt.datetime) -> ParsedRow:
    if len(values) != len(HEADER):
        raise _Bad(N_("survey", "{count} columns instead of {expected}"), count=len(values), expected=len(HEADER))
    v = dict(zip(HEADER, (x.strip() for x in values)))
    when = _when(v["submitted_at"], now)
    kbli = v["service_kbli"]
    if kbli and not (len(kbli) == 5 and kbli.isdigit()):
        raise _Bad(N_("survey", "service_kbli {value} is not 5 digits"), value=kbli)
    age: int | None = None
    if v["age"]:
        if not v["age"].isdigit() or not 10 <= int(v["age"]) <= 120:
            raise _Bad(N_("survey", "age {value} is not a whole number of years from 10 to 120"), value=v["age"])
        age = int(v["age"])
    sex = v["sex"].upper()
    if sex and sex not in elements.SEXES:
        raise _Bad(N_("survey", "sex {value} is not L or P"), value=v["sex"])
    education = _code(v["education"], elements.EDUCATION, "education")
    occupation = _code(v["occupation"], elements.OCCUPATIONS, "occupation")
    scores: list[int | None] = []
    for code in elements.CODES:
        raw = v[code]
        if raw == "":
            scores.append(None)
        elif raw in ("1", "2", "3", "4"):
            scores.append(int(raw))
        else:
            raise _Bad(N_("survey", "{element} {value} is not 1, 2, 3, 4 or empty"), element=code, value=raw)
    try:
        check_scores(scores)
    except ValidationError:
        raise _Bad(N_("survey", "no element was answered")) from None
    profile = Profile(age_group=elements.age_group(age) if age is not None else "", sex=sex, education=education,
                      occupation=occupation, age=age)
    return ParsedRow(line, when, kbli, profile, tuple(scores))


def _when(text: str, now: dt.datetime) -> dt.datetime:
    if not _WHEN.fullmatch(text):
        raise _Bad(N_("survey", "submitted_at {value} is not YYYY-MM-DD HH:MM"), value=text)
    try:
        naive = dt.datetime.strptime(text, "%Y-%m-%d %H:%M")
    except ValueError:
        raise _Bad(N_("survey", "submitted_at {value} is not a real date and time"), value=text) from None
    moment = officetime.office_datetime(naive.date(), naive.time())
    if moment > now:
        raise _Bad(N_("survey", "submitted_at {value} is in the future"), value=text)
    return moment


def _code(value: str, table: dict[str, str], field: str) -> str:
    code = value.lower()
    if code and code not in table:
        raise _Bad(N_("survey", "{field} {value} is not one of {choices}"), field=field, value=value,
                   choices="/".join(table))
    return code


def import_csv(uow: UnitOfWork, *, data: bytes, now: dt.datetime | None = None) -> ImportResult:
    """Check every row, then store all of them (the caller commits) or raise :class:`ImportRefused`."""
    authorize(uow, uow.actor, Permission.VIEW_REPORTS)
    moment = officetime.as_utc(now) if now else officetime.now()
    sha = hashlib.sha256(data).hexdigest()
    rows, problems = parse(data, now=moment)
    services = _services(uow)
    for row in rows:
        if row.kbli and row.kbli not in services:
            problems.append(RowProblem(row.line, N_("survey", "service_kbli {value} is not in the service catalogue"),
                                       {"value": row.kbli}))
    if problems:
        raise ImportRefused(sorted(problems, key=lambda p: p.line))
    prefix = sha[:16]
    if uow.session.scalar(select(SurveyResponse.id).where(SurveyResponse.import_ref.like(f"{prefix}:%")).limit(1)):
        raise ValidationError(N_("errors", "This file was already imported; nothing was imported again."),
                              field="file")
    for row in rows:
        service_id, title = services.get(row.kbli, (None, ""))
        submit_response(uow, scores=row.scores, profile=row.profile, about=ServiceRef(
            service_id=service_id, kbli=row.kbli, title=title), source=SurveyResponse.IMPORT, now=row.submitted_at,
            import_ref=f"{prefix}:{row.line}")
    audit.record(uow, action="survey.import", entity="survey_response", summary=f"{len(rows)} responses imported",
                 details={"rows": len(rows), "sha256": sha})
    return ImportResult(imported=len(rows), file_sha256=sha)


def _services(uow: UnitOfWork) -> dict[str, tuple]:
    """KBLI -> (service id, title); a KBLI held by several standards keeps the first by annex number."""
    out: dict[str, tuple] = {}
    for sid, kbli, title in uow.session.execute(
            select(ServiceStandard.id, ServiceStandard.kbli, ServiceStandard.title)
            .where(ServiceStandard.deleted_at.is_(None)).order_by(ServiceStandard.annex_number)):
        out.setdefault(kbli, (sid, title))
    return out
