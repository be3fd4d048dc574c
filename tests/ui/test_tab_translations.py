"""One tab's translations: the translator is replaced, never stacked; numbers follow the
language picked, not the system's locale."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale

from ui.tab_translations import TabTranslations


def test_numbers_follow_the_language_picked(qapp: Any) -> None:
    words = TabTranslations("directory")
    try:
        assert words.install(qapp, "az")
        assert words.locale().language() == QLocale.Language.Azerbaijani
        assert words.format_number(1234) == QLocale("az").toString(1234)
        assert words.with_number("1234 people", 1234) == f"{QLocale('az').toString(1234)} people"
        assert words.install(qapp, "ru")
        assert words.locale().language() == QLocale.Language.Russian
        # A language without a file: the English source texts, the application's locale.
        assert not words.install(qapp, "xx")
        assert words.locale() == QLocale()
    finally:
        words.install(qapp, "en")


def test_a_new_language_replaces_the_translator(qapp: Any) -> None:
    words = TabTranslations("directory")
    try:
        words.install(qapp, "az")
        azerbaijani = QCoreApplication.translate("DirectoryTab", "Directory")
        words.install(qapp, "ru")
        russian = QCoreApplication.translate("DirectoryTab", "Directory")
        assert azerbaijani != russian
    finally:
        words.install(qapp, "en")
    # English has no file: no translator of the unit is left behind.
    assert QCoreApplication.translate("DirectoryTab", "Directory") == "Directory"
