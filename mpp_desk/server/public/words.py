"""The public pages' words (English source, Bahasa Indonesia in resources/i18n/public_id.ts), in a citizen's terms."""

from __future__ import annotations

from mpp_desk import signing
from mpp_desk.i18n import N_, translate

CONTEXT = "public"
LANGUAGES = ("id", "en")

VERDICT_TITLES = {
    True: N_("public", "Genuine"),
    False: N_("public", "Not valid"),
}

VERDICTS = {
    signing.VALID: N_("public", "This {kind} is genuine: it was issued by {office} and matches the office's record."),
    signing.MALFORMED: N_("public", "This is not a code of {office}, or it is damaged. Scan the whole code again, "
                                    "or ask at the counter."),
    signing.UNKNOWN_KEY: N_("public", "This code was not issued by {office}: it may come from another office. "
                                      "Ask the office that gave you the paper."),
    signing.BAD_SIGNATURE: N_("public", "This code was altered or forged: the paper is not valid."),
    signing.WRONG_ADDRESS: N_("public", "This code points to another address ({address}), not to {office}'s "
                                        "verification page: it is not a paper of this office."),
    signing.WRONG_KIND: N_("public", "This code is genuine, but it is not a paper this page can check."),
    signing.NOT_FOUND: N_("public", "The signature is genuine, but {office} has no record of this {kind}. If it was "
                                    "issued in the last hour, try again later; otherwise ask at the counter."),
    signing.MISMATCH: N_("public", "This {kind} does not match the office's record: it is not valid."),
}

DIFFERS = N_("public", "Does not match: {fields}.")

KIND_NAMES = {
    "q": N_("public", "queue ticket"),
    "tt": N_("public", "receipt of application file (Tanda Terima)"),
    "rs": N_("public", "return slip"),
    "adu": N_("public", "complaint receipt"),
}
PAPER = N_("public", "paper")

# What each signed field is, per kind of code (the PCs use one-letter names to keep the QR small).
FIELD_NAMES = {
    "q": {"c": N_("public", "ticket number"), "d": N_("public", "date")},
    "tt": {"n": N_("public", "registration number"), "k": N_("public", "NIK"), "s": N_("public", "service (KBLI)"),
           "r": N_("public", "date received"), "d": N_("public", "due date"), "c": N_("public", "copy number")},
    "adu": {"n": N_("public", "case number"), "k": N_("public", "type"), "r": N_("public", "respond-by date"),
            "d": N_("public", "date received")},
}
FIELD_NAMES["rs"] = FIELD_NAMES["tt"]
KIND_FIELD = N_("public", "kind of paper")

STATUS = {
    "received": N_("public", "Received"),
    "in_process": N_("public", "In process"),
    "finished": N_("public", "Finished: ready to collect"),
    "rejected": N_("public", "Rejected"),
    "handed_over": N_("public", "Handed over"),
}

TO_BRING = {
    "received": N_("public", "Nothing yet: the file is waiting to be processed. Come back when it is finished."),
    "in_process": N_("public", "Nothing yet: the file is being processed. Come back when it is finished."),
    "finished": N_("public", "Bring this Tanda Terima and your original KTP. Someone collecting for you brings a "
                             "signed power of attorney (surat kuasa), your KTP copy and their own KTP."),
    "rejected": N_("public", "Bring this Tanda Terima and your original KTP to the counter to take back your "
                             "documents and hear the reason."),
    "handed_over": N_("public", "Nothing: the result was handed over."),
}

STEPS = {
    "received": N_("public", "Complaint received"),
    "classified": N_("public", "Checked and classified"),
    "analysed": N_("public", "Analysed"),
    "resolution": N_("public", "Being followed up"),
    "informed": N_("public", "You were informed of the answer"),
    "closed": N_("public", "Closed"),
    "reopened": N_("public", "Reopened"),
}

COMPLAINT_TYPES = {"complaint": N_("public", "Complaint"), "suggestion": N_("public", "Suggestion")}


class Words:
    """Translation into one page's language."""

    def __init__(self, language: str) -> None:
        self.language = language if language in LANGUAGES else "id"

    def __call__(self, text: str, **params: object) -> str:
        out = translate(CONTEXT, text, self.language)
        return out.format(**params) if params else out

    def kind(self, code: str | None) -> str:
        return self(KIND_NAMES.get(code or "", PAPER))

    def fields(self, kind: str | None, names: tuple[str, ...]) -> str:
        table = FIELD_NAMES.get(kind or "", {})
        return ", ".join(self(KIND_FIELD) if n == "kind" else self(table[n]) if n in table else n for n in names)
