"""The SKM index (PermenPANRB 14/2017) on hand-computed data sets, boundaries included."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from mpp_desk.survey.index import Tally, as_json, compute, minimum_sample, rounded

# Five respondents; U8 left unanswered by respondent 4.
ROWS = [
    (4, 4, 3, 4, 3, 3, 4, 3, 3),
    (3, 3, 3, 4, 3, 4, 4, 3, 3),
    (3, 3, 2, 4, 3, 3, 3, 3, 2),
    (4, 3, 3, 4, 4, 3, 4, None, 3),
    (3, 4, 3, 4, 3, 3, 4, 3, 3),
]


def tallies(rows):
    out = []
    for i in range(9):
        scores = [r[i] for r in rows if r[i] is not None]
        out.append(Tally(sum(scores), len(scores)))
    return out


def test_hand_computed_example():
    # By hand: U1 17/5 = 3.4, U2 17/5 = 3.4, U3 14/5 = 2.8, U4 20/5 = 4.0, U5 16/5 = 3.2, U6 16/5 = 3.2,
    # U7 19/5 = 3.8, U8 12/4 = 3.0 (four answered), U9 14/5 = 2.8. Σ NRR = 29.6; IKM = 29.6/9 = 3.28888…
    # index = 82.2222… → 82.22 → B (Baik).
    result = compute(5, tallies(ROWS))
    data = as_json(result)
    assert data["nrr"] == {"u1": 3.4, "u2": 3.4, "u3": 2.8, "u4": 4.0, "u5": 3.2, "u6": 3.2, "u7": 3.8,
                           "u8": 3.0, "u9": 2.8}
    assert data["answered"]["u8"] == 4
    assert result.ikm == Fraction(296, 90)
    assert data["ikm"] == 3.2889
    assert data["index"] == 82.22
    assert (data["grade"], data["quality"]) == ("B", "Baik")
    assert result.weakest() == (2, 8, 7)  # U3 2.8, U9 2.8, then U8 3.0


def test_weight_is_exactly_one_ninth():
    # 24 answers of 4 and 21 of 3 over five respondents: Σ NRR = 159/5 = 31.8; IKM = 3.5333…;
    # index 88.33 → A. With a weight of 0.111 the index would be 31.8 × 0.111 × 25 = 88.245 → B.
    rows = [(4,) * 9, (4,) * 9, (4,) * 6 + (3,) * 3, (3,) * 9, (3,) * 9]
    result = compute(5, tallies(rows))
    assert sum(t.total for t in result.tallies) == 159
    assert result.index == Decimal("88.33")
    assert result.grade == "A"
    assert rounded(Fraction(318, 10) * Fraction(111, 1000) * 25, 2) < Decimal("88.31")


def _with_sum(total_nrr: Fraction) -> list[Tally]:
    """Eight elements at 3.5 (or 2.6 for the low boundaries) and U9 making up *total_nrr*."""
    base = Fraction(35, 10) if total_nrr > 25 else Fraction(26, 10)
    last = total_nrr - 8 * base
    return [Tally(int(base * 10), 10)] * 8 + [Tally(last.numerator, last.denominator)]


@pytest.mark.parametrize(("index", "grade", "quality"), [
    ("88.31", "A", "Sangat Baik"), ("88.30", "B", "Baik"), ("88.305", "A", "Sangat Baik"),
    ("76.61", "B", "Baik"), ("76.60", "C", "Kurang Baik"), ("65.00", "C", "Kurang Baik"),
    ("64.99", "D", "Tidak Baik"), ("64.995", "C", "Kurang Baik"),
])
def test_grade_boundaries_on_the_index_rounded_half_up(index, grade, quality):
    total = Fraction(Decimal(index)) * 9 / 25  # the Σ NRR giving exactly this converted index
    result = compute(10, _with_sum(total))
    assert result.ikm * 25 == Fraction(Decimal(index))
    assert (result.grade, result.quality("id")) == (grade, quality)


def test_an_element_without_answers_gives_no_index():
    rows = [r[:7] + (None, r[8]) for r in ROWS]
    result = compute(5, tallies(rows))
    data = as_json(result)
    assert data["nrr"]["u8"] is None and data["ikm"] is None and data["grade"] is None
    assert compute(0, [Tally()] * 9).ikm is None


@pytest.mark.parametrize(("population", "sample"), [(1000, 278), (2000, 322), (100, 80), (1, 1), (0, 0)])
def test_krejcie_morgan(population, sample):
    assert minimum_sample(population) == sample


def test_sample_reached_in_json():
    data = as_json(compute(5, tallies(ROWS)), population=5)
    assert (data["minimum_sample"], data["sample_reached"]) == (5, True)
    assert as_json(compute(5, tallies(ROWS)), population=1000)["sample_reached"] is False
