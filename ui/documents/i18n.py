"""The documents tab's translations and number formatting.

The shell calls ``install_documents_translations(app, language)`` whenever the user
picks a language (``az``, ``ru`` or ``en``); Qt then sends ``LanguageChange`` to every
widget and the tab retranslates itself. Counts are formatted in that language's
locale ("1.234" in Azerbaijani, "1 234" in Russian, "1,234" in English) whatever the
system locale is.
"""

from __future__ import annotations

from ui.tab_translations import TabTranslations

_TRANSLATIONS = TabTranslations("documents")
install_documents_translations = _TRANSLATIONS.install
documents_locale = _TRANSLATIONS.locale
format_number = _TRANSLATIONS.format_number
with_number = _TRANSLATIONS.with_number
