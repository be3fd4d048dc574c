"""The analytics tab's translations and number formatting.

The shell calls ``install_analytics_translations(app, language)`` whenever the user
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


def install_analytics_translations(app: QCoreApplication, language: str) -> bool:
    """Replace the analytics's translator with ``analytics_<language>.qm``.

    Returns False (and leaves the English source texts) for a language without a file.
    """
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _language[:] = [language]
    if language not in LANGUAGES:
        return False
    translator = QTranslator(app)
    if not translator.load(str(TRANSLATIONS_DIR / f"analytics_{language}.qm")):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True


def analytics_locale() -> QLocale:
    """The locale of the language last installed (the application's default before)."""
    if _language and _language[0] in LANGUAGES:
        return QLocale(_language[0])
    return QLocale()


def format_number(value: int) -> str:
    return analytics_locale().toString(value)


def with_number(translated: str, value: int) -> str:
    """Qt puts a plural's number in plain digits: group them as the language does."""
    return translated.replace(str(value), format_number(value), 1)


def format_value(value: float) -> str:
    """A value as the language writes it: whole numbers from 100 up, else one decimal."""
    decimals = 0 if abs(value) >= 100 else 1
    return analytics_locale().toString(float(value), "f", decimals)


def format_month(period: str) -> str:
    """ "2025-03" → "March 2025" in the language chosen (the period itself if malformed)."""
    try:
        year, month = (int(part) for part in period.split("-"))
    except ValueError:
        return period
    if not 1 <= month <= 12:
        return period
    locale = analytics_locale()
    return f"{locale.standaloneMonthName(month)} {year}"
