"""The tabs the shell shows: only what is built (no empty placeholders).

Each tab is a widget built from a ``TabContext``, a ``title()`` that is asked again on
every language change, and optionally its own translations installer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ui.analytics import AnalyticsTab
from ui.analytics.i18n import install_analytics_translations
from ui.bookings import BookingsTab
from ui.bookings.i18n import install_bookings_translations
from ui.context import TabContext
from ui.directory import DirectoryTab
from ui.directory.i18n import install_directory_translations
from ui.documents import DocumentsTab
from ui.documents.i18n import install_documents_translations
from ui.registries import RegistriesTab, install_registries_translations

TranslationsInstaller = Callable[[QCoreApplication, str], object]


@dataclass(frozen=True)
class TabSpec:
    name: str
    make: Callable[[TabContext], QWidget]
    title: Callable[[], str]
    install_translations: TranslationsInstaller | None = None
    collections: tuple[str, ...] = ()
    """The collections whose records the tab shows (``show_record(collection, id)``): the
    "Changes waiting" window's "Open the record" goes to it."""


def available_tabs() -> list[TabSpec]:
    return [
        TabSpec(
            "directory",
            DirectoryTab,
            DirectoryTab.title,
            install_directory_translations,
            collections=("people",),
        ),
        TabSpec(
            "documents",
            DocumentsTab,
            DocumentsTab.title,
            install_documents_translations,
            collections=("documents", "shares"),
        ),
        TabSpec(
            "bookings",
            BookingsTab,
            BookingsTab.title,
            install_bookings_translations,
            collections=("bookings",),
        ),
        TabSpec(
            "registries",
            RegistriesTab,
            RegistriesTab.title,
            install_registries_translations,
        ),
        TabSpec(
            "analytics",
            AnalyticsTab,
            AnalyticsTab.title,
            install_analytics_translations,
        ),
    ]
