"""The complaint desk's fixed vocabularies: kinds, problem types, resolution paths, levels, plans, steps.

Codes are stored; labels are English sources marked for translation in the "complaints" context
(translate with :func:`label`). The problem types are the service-standard components the seed
lists (item 6.5.c.2); the paths are its three resolution categories (item 6.7).
"""

from __future__ import annotations

from collections.abc import Mapping

from mpp_desk.i18n import N_, translate

CONTEXT = "complaints"

KINDS = {
    "complaint": N_("complaints", "Complaint"),
    "suggestion": N_("complaints", "Suggestion"),
}

STATUSES = {
    "open": N_("complaints", "Open"),
    "closed": N_("complaints", "Closed"),
}

PROBLEM_TYPES = {
    "requirements": N_("complaints", "Requirements"),
    "procedure": N_("complaints", "System, mechanism and procedure"),
    "completion_time": N_("complaints", "Completion time"),
    "fee": N_("complaints", "Fee/tariff"),
    "product": N_("complaints", "Service product"),
    "facilities": N_("complaints", "Facilities and infrastructure"),
    "competence": N_("complaints", "Staff competence"),
    "other": N_("complaints", "Other"),
}

INTERNAL, AGENCY, APIP = "internal", "agency", "apip"
PATHS = {
    INTERNAL: N_("complaints", "Internal to the office"),
    AGENCY: N_("complaints", "Technical team / regional agency"),
    APIP: N_("complaints", "APIP (Inspectorate)"),
}

# The chain a follow-up goes up, each step reported in writing to the one above.
LEVELS = {
    "officer": N_("complaints", "Officer"),
    "section_head": N_("complaints", "Section head"),
    "division_head": N_("complaints", "Division head"),
    "head_of_office": N_("complaints", "Head of office"),
    "agency_head": N_("complaints", "Head of the regional agency"),
    "inspectorate": N_("complaints", "Inspectorate"),
}

PLANS = {
    "clarification": N_("complaints", "Clarification"),
    "confirmation": N_("complaints", "Confirmation"),
    "research": N_("complaints", "Research or examination"),
    "investigation": N_("complaints", "Investigation"),
}

LATE_DECISIONS = {
    "complaint": N_("complaints", "Handle as a complaint"),
    "suggestion": N_("complaints", "Treat as a suggestion"),
}

LAPOR_DIRECTIONS = {
    "": N_("complaints", "Not via LAPOR!"),
    "from": N_("complaints", "Came from SP4N-LAPOR!"),
    "to": N_("complaints", "Forwarded to SP4N-LAPOR!"),
}

STEP_TYPES = {
    "received": N_("complaints", "Received"),
    "classified": N_("complaints", "Classified"),
    "analysed": N_("complaints", "Analysed"),
    "assigned": N_("complaints", "Assigned"),
    "resolution": N_("complaints", "Follow-up"),
    "apip_approved": N_("complaints", "APIP involvement approved"),
    "reported": N_("complaints", "Reported to the superior"),
    "informed": N_("complaints", "Complainant informed"),
    "closed": N_("complaints", "Closed"),
    "reopened": N_("complaints", "Reopened"),
    "note": N_("complaints", "Note"),
    "attachment": N_("complaints", "Attachment added"),
}


def label(table: Mapping[str, str], code: str | None, language: str | None = None) -> str:
    """The translated label of *code* in *table*; the code itself when it is not in the table."""
    if not code:
        return ""
    source = table.get(code)
    return translate(CONTEXT, source, language) if source is not None else code
