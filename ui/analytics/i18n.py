"""The analytics tab's translations and number formatting.

The shell calls ``install_analytics_translations(app, language)`` whenever the user
picks a language (``az``, ``ru`` or ``en``); Qt then sends ``LanguageChange`` to every
widget and the tab retranslates itself. Counts are formatted in that language's
locale ("1.234" in Azerbaijani, "1 234" in Russian, "1,234" in English) whatever the
system locale is.
"""

from __future__ import annotations

from ui.tab_translations import TabTranslations

_TRANSLATIONS = TabTranslations("analytics")
install_analytics_translations = _TRANSLATIONS.install
analytics_locale = _TRANSLATIONS.locale
format_number = _TRANSLATIONS.format_number
with_number = _TRANSLATIONS.with_number


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
