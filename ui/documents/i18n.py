"""The documents tab's translations and number formatting.

The shell calls ``install_documents_translations(app, language)`` whenever the user
picks a language (``az``, ``ru`` or ``en``); Qt then sends ``LanguageChange`` to every
widget and the tab retranslates itself. Counts are formatted in that language's
locale ("1.234" in Azerbaijani, "1 234" in Russian, "1,234" in English) whatever the
system locale is.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

TRANSLATIONS_DIR = Path(__file__).resolve().parents[2] / "resources" / "translations"
LANGUAGES = ("az", "ru", "en")

_installed: list[QTranslator] = []
_language: list[str] = []


def install_documents_translations(app: QCoreApplication, language: str) -> bool:
    """Replace the documents translator with ``documents_<language>.qm``.

    Returns False (and leaves the English source texts) for a language without a file.
    """
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _language[:] = [language]
    if language not in LANGUAGES:
        return False
    translator = QTranslator(app)
    if not translator.load(str(TRANSLATIONS_DIR / f"documents_{language}.qm")):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True


def documents_locale() -> QLocale:
    """The locale of the language last installed (the application's default before)."""
    if _language and _language[0] in LANGUAGES:
        return QLocale(_language[0])
    return QLocale()


def format_number(value: int) -> str:
    return documents_locale().toString(value)


def with_number(translated: str, value: int) -> str:
    """Qt puts a plural's number in plain digits: group them as the language does."""
    return translated.replace(str(value), format_number(value), 1)
