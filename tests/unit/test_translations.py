"""Every user-visible string has its Bahasa Indonesia translation, and the shipped .qm is current."""

from __future__ import annotations

from tools import i18n


def test_every_marked_string_has_an_indonesian_translation():
    gaps = [f"{m.where} [{m.context}] {m.source!r}" for m in i18n.missing("id")]
    assert gaps == [], "run: python tools/i18n.py update, translate, then compile"


def test_the_string_finder_sees_tr_translate_and_markers():
    messages = {(m.context, m.source) for m in i18n.find_messages()}
    assert ("CatalogArea", "Service catalogue") in messages  # self.tr in a class
    assert ("Errors", "Unexpected error: {error}") in messages  # QCoreApplication.translate
    assert ("errors", "The database {path} is locked by another program. Try again in a moment.") in messages  # N_


def test_shipped_qm_is_built_from_the_current_catalogues(tmp_path):
    fresh = i18n.compile_qm(tmp_path / "fresh.qm")
    assert fresh.read_bytes() == i18n.QM.read_bytes(), "run: python tools/i18n.py compile"


def test_qt_and_the_terminal_translate_the_same_way(qapp):
    from PySide6.QtCore import QCoreApplication, QTranslator

    from mpp_desk.i18n import translate

    translator = QTranslator()
    assert translator.load(str(i18n.QM))
    QCoreApplication.installTranslator(translator)
    try:
        source = "The database {path} is locked by another program. Try again in a moment."
        qt_text = QCoreApplication.translate("errors", source)
        assert qt_text == translate("errors", source, "id")
        assert qt_text.startswith("Basis data {path} sedang dikunci")
        assert translate("errors", source, "en") == source
        assert QCoreApplication.translate("CatalogArea", "%n service(s) shown", "", 3) == "3 layanan ditampilkan"
    finally:
        QCoreApplication.removeTranslator(translator)
