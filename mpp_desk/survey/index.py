"""The index arithmetic of PermenPANRB 14/2017, exact (fractions), no database.

- NRR per element = sum of its scores / number of respondents who answered that element.
- IKM = Σ NRR × 1/9, the weight exactly 1/9 (0.111 would move real results across a boundary).
- Converted index = IKM × 25, rounded half up to 2 decimals; the grade is read on that rounded figure,
  so the figure printed and its grade always agree: 88.31–100 A Sangat Baik, 76.61–88.30 B Baik,
  65.00–76.60 C Kurang Baik, 25.00–64.99 D Tidak Baik.
- When an element has no answer at all its NRR does not exist and neither does the IKM (a sum over
  eight elements times 1/9 would understate it): ``ikm`` is None and the report says why.
- Krejcie–Morgan minimum sample: S = λ²·N·P·Q / (d²(N−1) + λ²·P·Q), λ² = 3.841, P = Q = 0.5,
  d = 0.05, rounded to the nearest whole respondent (N = 1000 → 278, N = 2000 → 322, as the table).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction

from mpp_desk.i18n import N_, translate

WEIGHT = Fraction(1, 9)
CONVERSION = 25
# (lowest converted index, grade, English source of the quality) from the top down.
GRADES: tuple[tuple[Decimal, str, str], ...] = (
    (Decimal("88.31"), "A", N_("survey", "Very good")),
    (Decimal("76.61"), "B", N_("survey", "Good")),
    (Decimal("65.00"), "C", N_("survey", "Less good")),
    (Decimal("0"), "D", N_("survey", "Not good")),
)
# The regulation's own words, used as they are in the JSON output and on the reports.
QUALITY_ID = {"A": "Sangat Baik", "B": "Baik", "C": "Kurang Baik", "D": "Tidak Baik"}

LAMBDA_SQUARED = Fraction(3841, 1000)
P = Q = Fraction(1, 2)
D = Fraction(5, 100)


def rounded(value: Fraction, places: int) -> Decimal:
    """*value* rounded half up to *places* decimals, exactly."""
    with localcontext() as context:
        context.prec = 60
        exact = Decimal(value.numerator) / Decimal(value.denominator)
        return exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Tally:
    """One element's answers: the sum of the scores and how many answered."""

    total: int = 0
    answered: int = 0

    @property
    def nrr(self) -> Fraction | None:
        return Fraction(self.total, self.answered) if self.answered else None


@dataclass(frozen=True)
class IndexResult:
    respondents: int
    tallies: tuple[Tally, ...]  # u1 ... u9

    @property
    def nrr(self) -> tuple[Fraction | None, ...]:
        return tuple(t.nrr for t in self.tallies)

    @property
    def ikm(self) -> Fraction | None:
        values = self.nrr
        if any(v is None for v in values):
            return None
        return sum((v * WEIGHT for v in values if v is not None), Fraction(0))

    @property
    def index(self) -> Decimal | None:
        ikm = self.ikm
        return None if ikm is None else rounded(ikm * CONVERSION, 2)

    @property
    def grade(self) -> str | None:
        index = self.index
        return None if index is None else grade_for(index)[0]

    def quality(self, language: str | None = "id") -> str | None:
        """The grade's words: the regulation's (Indonesian) by default, else translated."""
        grade = self.grade
        if grade is None:
            return None
        if language == "id":
            return QUALITY_ID[grade]
        return translate("survey", grade_for(self.index)[1], language)  # type: ignore[arg-type]

    def weakest(self, count: int = 3) -> tuple[int, ...]:
        """Positions (0-8) of the elements with the lowest NRR, lowest first (ties: the earlier element)."""
        answered = [(nrr, i) for i, nrr in enumerate(self.nrr) if nrr is not None]
        return tuple(i for _nrr, i in sorted(answered)[:count])


def grade_for(index: Decimal) -> tuple[str, str]:
    """(grade, English source of the quality) for a converted index already rounded to 2 decimals."""
    for lowest, grade, quality in GRADES:
        if index >= lowest:
            return grade, quality
    return GRADES[-1][1], GRADES[-1][2]


def compute(respondents: int, tallies: Sequence[Tally]) -> IndexResult:
    if len(tallies) != 9:
        raise ValueError("the index needs the nine elements' tallies")
    return IndexResult(respondents=respondents, tallies=tuple(tallies))


def minimum_sample(population: int) -> int:
    """Krejcie–Morgan minimum sample for a population of *population* service users."""
    if population <= 0:
        return 0
    top = LAMBDA_SQUARED * population * P * Q
    bottom = D * D * (population - 1) + LAMBDA_SQUARED * P * Q
    return int(rounded(top / bottom, 0))


def as_json(result: IndexResult, *, population: int | None = None) -> dict:
    """The ``mpp-desk survey ikm --json`` object."""
    out: dict = {
        "respondents": result.respondents,
        "nrr": {f"u{i + 1}": (None if v is None else float(rounded(v, 4))) for i, v in enumerate(result.nrr)},
        "answered": {f"u{i + 1}": t.answered for i, t in enumerate(result.tallies)},
        "ikm": None if result.ikm is None else float(rounded(result.ikm, 4)),
        "index": None if result.index is None else float(result.index),
        "grade": result.grade,
        "quality": result.quality("id"),
        "weight": "1/9",
    }
    if population is not None:
        needed = minimum_sample(population)
        out["population"] = population
        out["minimum_sample"] = needed
        out["sample_reached"] = result.respondents >= needed
    return out
