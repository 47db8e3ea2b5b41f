"""The nine elements (unsur) of PermenPANRB 14/2017, their questions and answers, and the profile choices.

Source strings are English; the Indonesian translations in ``resources/i18n/survey_id.ts`` use the
regulation's own wording (its sample questionnaire).
"""

from __future__ import annotations

from dataclasses import dataclass

from mpp_desk.i18n import N_, translate

CONTEXT = "survey"
CODES = ("u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9")


@dataclass(frozen=True)
class Element:
    code: str  # u1 ... u9
    name: str  # English source of the element's name
    question: str
    answers: tuple[str, str, str, str]  # scores 1, 2, 3, 4

    def label(self, language: str | None = None) -> str:
        return translate(CONTEXT, self.name, language)

    def question_text(self, language: str | None = None) -> str:
        return translate(CONTEXT, self.question, language)

    def answer_text(self, score: int, language: str | None = None) -> str:
        return translate(CONTEXT, self.answers[score - 1], language)


ELEMENTS: tuple[Element, ...] = (
    Element("u1", N_("survey", "Requirements"),
            N_("survey", "How well do the service's requirements fit the kind of service?"),
            (N_("survey", "Not suitable"), N_("survey", "Less suitable"), N_("survey", "Suitable"),
             N_("survey", "Very suitable"))),
    Element("u2", N_("survey", "Systems, mechanisms and procedures"),
            N_("survey", "How easy is the service procedure at this office?"),
            (N_("survey", "Not easy"), N_("survey", "Less easy"), N_("survey", "Easy"), N_("survey", "Very easy"))),
    Element("u3", N_("survey", "Completion time"),
            N_("survey", "How quickly was the service given?"),
            (N_("survey", "Not fast"), N_("survey", "Less fast"), N_("survey", "Fast"), N_("survey", "Very fast"))),
    Element("u4", N_("survey", "Fees/tariffs"),
            N_("survey", "How fair is the fee/tariff of the service?"),
            (N_("survey", "Very expensive"), N_("survey", "Fairly expensive"), N_("survey", "Cheap"),
             N_("survey", "Free"))),
    Element("u5", N_("survey", "Product specification of the service"),
            N_("survey", "How well does the product you received match what the service standard lists?"),
            (N_("survey", "Not suitable"), N_("survey", "Less suitable"), N_("survey", "Suitable"),
             N_("survey", "Very suitable"))),
    Element("u6", N_("survey", "Officer competence"),
            N_("survey", "How competent were the officers who served you?"),
            (N_("survey", "Not competent"), N_("survey", "Less competent"), N_("survey", "Competent"),
             N_("survey", "Very competent"))),
    Element("u7", N_("survey", "Officer behaviour"),
            N_("survey", "How polite and friendly were the officers?"),
            (N_("survey", "Not polite and friendly"), N_("survey", "Less polite and friendly"),
             N_("survey", "Polite and friendly"), N_("survey", "Very polite and friendly"))),
    Element("u8", N_("survey", "Handling of complaints, suggestions and feedback"),
            N_("survey", "How are users' complaints handled here?"),
            (N_("survey", "Not available"), N_("survey", "Available but not working"),
             N_("survey", "Working, not at its best"), N_("survey", "Well managed"))),
    Element("u9", N_("survey", "Facilities and infrastructure"),
            N_("survey", "What is the quality of the facilities and infrastructure?"),
            (N_("survey", "Poor"), N_("survey", "Adequate"), N_("survey", "Good"), N_("survey", "Very good"))),
)
BY_CODE = {e.code: e for e in ELEMENTS}

# The respondent's profile as the regulation's form asks it: code -> English source of the label.
AGE_GROUPS: dict[str, str] = {
    "le20": N_("survey", "20 or younger"),
    "21-30": N_("survey", "21–30 years"),
    "31-40": N_("survey", "31–40 years"),
    "41-50": N_("survey", "41–50 years"),
    "51-60": N_("survey", "51–60 years"),
    "gt60": N_("survey", "Over 60"),
}
SEXES: dict[str, str] = {"L": N_("survey", "Male"), "P": N_("survey", "Female")}
EDUCATION: dict[str, str] = {
    "sd": N_("survey", "Primary school or less"),
    "smp": N_("survey", "Junior high school"),
    "sma": N_("survey", "Senior high school"),
    "d3": N_("survey", "Diploma (D1–D3)"),
    "s1": N_("survey", "Bachelor (D4/S1)"),
    "s2": N_("survey", "Master or doctorate (S2/S3)"),
}
OCCUPATIONS: dict[str, str] = {
    "pns": N_("survey", "Civil servant"),
    "tni": N_("survey", "Armed forces (TNI)"),
    "polri": N_("survey", "Police (POLRI)"),
    "swasta": N_("survey", "Private employee"),
    "wirausaha": N_("survey", "Self-employed"),
    "pelajar": N_("survey", "Student"),
    "lainnya": N_("survey", "Other"),
}
NOT_GIVEN = N_("survey", "Not given")


def age_group(age: int) -> str:
    """The band of an age in years."""
    if age <= 20:
        return "le20"
    if age > 60:
        return "gt60"
    low = (age - 1) // 10 * 10 + 1
    return f"{low}-{low + 9}"


def label(table: dict[str, str], code: str, language: str | None = None) -> str:
    """The translated label of a profile code ("Not given" for "")."""
    return translate(CONTEXT, table.get(code, NOT_GIVEN) if code else NOT_GIVEN, language)
