"""The parsed and exported form of a service standard: plain immutable records, no database."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from mpp_desk.catalog.errors import CatalogFormatError
from mpp_desk.i18n import N_

RISK_LEVELS = ("Rendah", "Menengah Rendah", "Menengah Tinggi", "Tinggi")

# Limits shared by the text parser and the structured import, so both accept the same entries.
ANNEX_RANGE = (1, 99_999)
DAYS_RANGE = (0, 9_999)
STAFF_RANGE = (0, 9_999_999)
CLASSIFICATION_RANGE = (1, 999)
MAX_LENGTH = {"product_type": 100, "title": 500, "queue_group": 4}

KBLI_RE = re.compile(r"[0-9]{5}")
_MISSING = object()

LIST_FIELDS = (
    "legal_basis",
    "facilities",
    "competencies",
    "internal_supervision",
    "service_guarantees",
    "safety_guarantees",
)
TEXT_FIELDS = (
    "procedure_text",
    "completion_text",
    "fee",
    "output",
    "complaint_handling",
    "performance_evaluation",
)
# The keys of to_dict(), in order; the structured import requires the first group.
REQUIRED_KEYS = (
    "annex_number",
    "product_type",
    "risk_level",
    "kbli",
    "title",
    "requirements",
    "procedure_classifications",
    "completion_working_days",
    "fee",
    "output",
    "legal_basis",
    "staff_count",
)
ALL_KEYS = (
    "annex_number",
    "product_type",
    "risk_level",
    "kbli",
    "title",
    "requirements",
    "procedure_classifications",
    "procedure_text",
    "completion_working_days",
    "completion_text",
    "fee",
    "output",
    "complaint_handling",
    "legal_basis",
    "facilities",
    "competencies",
    "internal_supervision",
    "service_guarantees",
    "safety_guarantees",
    "performance_evaluation",
    "staff_count",
    "queue_group",
)


def canonical_risk_level(text: str) -> str | None:
    """The risk level as the annex spells it ("menengah  tinggi" -> "Menengah Tinggi"), or None."""
    wanted = " ".join(text.split()).casefold()
    return next((level for level in RISK_LEVELS if level.casefold() == wanted), None)


@dataclass(frozen=True)
class Requirements:
    """The requirements of a service, in order: general ("umum") and special ("khusus")."""

    general: tuple[str, ...] = ()
    special: tuple[str, ...] = ()

    def __getitem__(self, kind: str) -> tuple[str, ...]:
        if kind not in ("general", "special"):
            raise KeyError(kind)
        return getattr(self, kind)

    def to_dict(self) -> dict[str, list[str]]:
        return {"general": list(self.general), "special": list(self.special)}


@dataclass(frozen=True, kw_only=True)
class StandardEntry:
    """One entry of the regulation annex, as parsed from the annex text or an exported file.

    ``queue_group`` is a queue group code; None means "not given" (an import keeps the
    current group), "" means "no group". The long texts are left out of repr().
    """

    annex_number: int
    product_type: str
    risk_level: str
    kbli: str
    title: str
    requirements: Requirements = field(default_factory=Requirements)
    procedure_classifications: tuple[int, ...] = ()
    procedure_text: str = field(default="", repr=False)
    completion_working_days: int
    completion_text: str = field(default="", repr=False)
    fee: str = ""
    output: str = ""
    complaint_handling: str = field(default="", repr=False)
    legal_basis: tuple[str, ...] = field(default=(), repr=False)
    facilities: tuple[str, ...] = field(default=(), repr=False)
    competencies: tuple[str, ...] = field(default=(), repr=False)
    internal_supervision: tuple[str, ...] = field(default=(), repr=False)
    service_guarantees: tuple[str, ...] = field(default=(), repr=False)
    safety_guarantees: tuple[str, ...] = field(default=(), repr=False)
    performance_evaluation: str = field(default="", repr=False)
    staff_count: int | None = None
    queue_group: str | None = None

    @property
    def label(self) -> str:
        """How people name the entry: "67 KBLI 62021 Aktivitas Konsultasi Keamanan Informasi"."""
        return f"{self.annex_number} KBLI {self.kbli} {self.title}"

    def to_dict(self) -> dict[str, Any]:
        """The JSON/YAML form, keys in ALL_KEYS order; from_dict() reads it back unchanged."""
        out: dict[str, Any] = {}
        for key in ALL_KEYS:
            value = getattr(self, key)
            if key == "requirements":
                value = value.to_dict()
            elif isinstance(value, tuple):
                value = list(value)
            out[key] = value
        return out

    @classmethod
    def from_dict(cls, data: Any, *, index: int = 1) -> StandardEntry:
        """Validate one exported object (types, required keys, KBLI, ranges) and build the entry."""
        return _EntryReader(data, index).read()


class _EntryReader:
    """Checks one object of an exported file, with messages that name the entry and the field."""

    def __init__(self, data: Any, index: int) -> None:
        self.data = data
        self.index = index

    def fail(self, message: str, **params: Any) -> CatalogFormatError:
        return CatalogFormatError(message, index=self.index, **params)

    def read(self) -> StandardEntry:
        data = self.data
        if not isinstance(data, Mapping):
            raise self.fail(N_("errors", "Entry {index} is not a set of fields (“key: value” pairs)."))
        for key in data:
            if key not in ALL_KEYS:
                raise self.fail(N_("errors", "Entry {index}: unknown field “{field}”."), field=str(key))
        for key in REQUIRED_KEYS:
            if key not in data:
                raise self.fail(N_("errors", "Entry {index}: the field “{field}” is missing."), field=key)
        values: dict[str, Any] = {
            "annex_number": self.integer("annex_number", ANNEX_RANGE),
            "product_type": self.text("product_type", required=True),
            "risk_level": self.risk_level(),
            "kbli": self.kbli(),
            "title": self.text("title", required=True),
            "requirements": self.requirements(),
            "procedure_classifications": self.integers("procedure_classifications", CLASSIFICATION_RANGE),
            "completion_working_days": self.integer("completion_working_days", DAYS_RANGE),
            "staff_count": self.integer("staff_count", STAFF_RANGE, optional=True),
            "queue_group": self.queue_group(),
        }
        for key in TEXT_FIELDS:
            values[key] = self.text(key)
        for key in LIST_FIELDS:
            values[key] = self.texts(key)
        return StandardEntry(**values)

    def integer(self, key: str, bounds: tuple[int, int], *, optional: bool = False) -> int | None:
        value = self.data.get(key)
        if value is None and optional:
            return None
        if not isinstance(value, int) or isinstance(value, bool):
            raise self.fail(N_("errors", "Entry {index}: “{field}” must be a whole number."), field=key)
        self.check_range(key, value, bounds)
        return value

    def check_range(self, key: str, value: int, bounds: tuple[int, int]) -> None:
        low, high = bounds
        if not low <= value <= high:
            raise self.fail(
                N_("errors", "Entry {index}: “{field}” must be between {low} and {high}."), field=key, low=low, high=high
            )

    def integers(self, key: str, bounds: tuple[int, int]) -> tuple[int, ...]:
        value = self.data.get(key)
        if not isinstance(value, list) or any(not isinstance(v, int) or isinstance(v, bool) for v in value):
            raise self.fail(N_("errors", "Entry {index}: “{field}” must be a list of whole numbers."), field=key)
        for number in value:
            self.check_range(key, number, bounds)
        return tuple(value)

    def text(self, key: str, *, required: bool = False) -> str:
        value = self.data.get(key, "")
        if not isinstance(value, str):
            raise self.fail(N_("errors", "Entry {index}: “{field}” must be text."), field=key)
        if required and not value.strip():
            raise self.fail(N_("errors", "Entry {index}: “{field}” must not be empty."), field=key)
        limit = MAX_LENGTH.get(key)
        if limit is not None and len(value) > limit:
            raise self.fail(
                N_("errors", "Entry {index}: “{field}” is too long ({length} characters, at most {limit})."),
                field=key,
                length=len(value),
                limit=limit,
            )
        return value

    def texts(self, key: str, value: Any = _MISSING, *, label: str | None = None) -> tuple[str, ...]:
        if value is _MISSING:
            value = self.data.get(key, [])
        if not isinstance(value, list) or any(not isinstance(v, str) or not v.strip() for v in value):
            raise self.fail(
                N_("errors", "Entry {index}: “{field}” must be a list of texts, none of them empty."), field=label or key
            )
        return tuple(value)

    def risk_level(self) -> str:
        value = self.text("risk_level", required=True)
        if value not in RISK_LEVELS:
            raise self.fail(
                N_("errors", "Entry {index}: unknown risk level “{risk}” (use Rendah, Menengah Rendah, Menengah Tinggi or Tinggi)."),
                risk=value,
            )
        return value

    def kbli(self) -> str:
        value = self.data.get("kbli")
        if not isinstance(value, str) or not KBLI_RE.fullmatch(value):
            raise self.fail(
                N_("errors", "Entry {index}: the KBLI code {kbli} must be text of exactly 5 digits, in quotes, such as \"62021\"."),
                kbli=repr(value) if not isinstance(value, str) else f"“{value}”",
            )
        return value

    def requirements(self) -> Requirements:
        value = self.data.get("requirements")
        if not isinstance(value, Mapping) or any(k not in ("general", "special") for k in value):
            raise self.fail(
                N_("errors", "Entry {index}: “requirements” must have the lists “general” and “special” and nothing else.")
            )
        return Requirements(
            general=self.texts("requirements", value.get("general", []), label="requirements.general"),
            special=self.texts("requirements", value.get("special", []), label="requirements.special"),
        )

    def queue_group(self) -> str | None:
        value = self.data.get("queue_group")
        if value is None:
            return None
        return self.text("queue_group")
