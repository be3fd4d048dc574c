"""A tab's translations, and the locale its numbers and dates are written in.

Every tab is a translation unit of its own (``resources/translations/<unit>_<lang>.qm``,
built by ``scripts/translations``). The shell calls the tab's installer whenever the user
picks a language (``az``, ``ru`` or ``en``); Qt then sends ``LanguageChange`` to every
widget and the tab words itself again. Numbers and dates follow the language picked
("1.234" in Azerbaijani, "1 234" in Russian, "1,234" in English), whatever the system
locale is. One class for every tab: each of the five once kept its own copy of these lines.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from client.policy import LANGUAGES
from ui.i18n import TRANSLATIONS_DIR

__all__ = ["TabTranslations"]


class TabTranslations:
    """One unit's translator (``<unit>_<language>.qm``) and the language last installed."""

    def __init__(self, unit: str, directory: Path = TRANSLATIONS_DIR) -> None:
        self.unit = unit
        self._directory = directory
        self._installed: QTranslator | None = None
        self._language: str | None = None

    def install(self, app: QCoreApplication, language: str) -> bool:
        """Replace the unit's translator; False (the English source texts stay) for a
        language without a file."""
        if self._installed is not None:
            app.removeTranslator(self._installed)
            self._installed = None
        self._language = language
        if language not in LANGUAGES:
            return False
        translator = QTranslator(app)
        if not translator.load(str(self._directory / f"{self.unit}_{language}.qm")):
            return False
        app.installTranslator(translator)
        self._installed = translator
        return True

    def locale(self) -> QLocale:
        """The locale of the language last installed (the application's default before)."""
        if self._language in LANGUAGES:
            return QLocale(self._language)
        return QLocale()

    def format_number(self, value: int) -> str:
        return self.locale().toString(value)

    def with_number(self, translated: str, value: int) -> str:
        """Qt puts a plural's number in plain digits: group them as the language does."""
        return translated.replace(str(value), self.format_number(value), 1)
