"""Translation for code outside the Qt layer.

User-visible text is written in English in the source and translated through Qt's
``.ts`` catalogues in ``resources/i18n`` (``<area>_<lang>.ts``; Bahasa Indonesia by default). Services mark
their strings with :func:`N_` so ``pyside6-lupdate`` extracts them (it recognises the
``QT_TRANSLATE_NOOP`` name); the UI translates them with ``QCoreApplication.translate``
from the compiled ``.qm``, and the terminal commands with :func:`translate`, which
reads the same ``.ts`` file without Qt.
"""

from __future__ import annotations

import functools

from mpp_desk.paths import I18N_DIR

DEFAULT_LANGUAGE = "id"
_language = DEFAULT_LANGUAGE


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark *text* for translation in *context*; returns it unchanged."""
    return text


N_ = QT_TRANSLATE_NOOP


def set_language(language: str) -> None:
    """Choose the language for :func:`translate` ("id" or "en")."""
    global _language
    _language = language


def current_language() -> str:
    return _language


@functools.lru_cache(maxsize=8)
def _catalogue(language: str) -> dict[tuple[str, str], str]:
    table: dict[tuple[str, str], str] = {}
    for path in sorted(I18N_DIR.glob(f"*_{language}.ts")):
        _read_ts(path, table)
    return table


def _read_ts(path, table: dict[tuple[str, str], str]) -> None:
    import xml.etree.ElementTree as ET  # only when a message is translated: not on the start path

    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            if source is None or translation is None or not (translation.text or ""):
                continue
            if translation.get("type") in ("obsolete", "vanished"):
                continue
            table[(name, source)] = translation.text


def translate(context: str, text: str, language: str | None = None) -> str:
    """Translate a marked string without Qt (for the terminal and for tests)."""
    lang = language or _language
    if lang == "en":
        return text
    return _catalogue(lang).get((context, text), text)
