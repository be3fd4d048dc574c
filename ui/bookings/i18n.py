"""The bookings tab's translations and its locale.

The shell calls ``install_bookings_translations(app, language)`` whenever the user
picks a language (``az``, ``ru`` or ``en``); Qt then sends ``LanguageChange`` to every
widget and the tab retranslates itself. Counts are formatted in that language's
locale ("1.234" in Azerbaijani, "1 234" in Russian, "1,234" in English) whatever the
system locale is.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QLocale, QTime
from PySide6.QtWidgets import QLineEdit, QWidget

from domains.bookings.queries import BAKU
from ui.tab_translations import TabTranslations

_TRANSLATIONS = TabTranslations("bookings")
install_bookings_translations = _TRANSLATIONS.install
bookings_locale = _TRANSLATIONS.locale


def local_time_text(moment: datetime) -> str:
    """A time of day in Baku, as the chosen language writes it."""
    local = moment.astimezone(BAKU)
    return bookings_locale().toString(
        QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat
    )


def local_day_text(day: date) -> str:
    return bookings_locale().toString(
        QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat
    )


def stamp_text(moment: datetime) -> str:
    """A day and time in Baku ("as of" marks)."""
    return f"{local_day_text(moment.astimezone(BAKU).date())} {local_time_text(moment)}"


def name_control(control: QWidget, name: str) -> None:
    """Name a control and the line edit inside it (a date, time or number field):
    the inner edit takes the focus, so a screen reader announces it."""
    control.setAccessibleName(name)
    for inner in control.findChildren(QLineEdit):
        inner.setAccessibleName(name)
