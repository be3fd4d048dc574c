"""Languages: which one at start, and switching without a restart.

The shell's ``resources/translations/shell_<lang>.qm`` is loaded, then Qt's own
``qtbase_<lang>.qm`` where Qt ships one, then each tab's translations through the
installer it registered (``add_installer``). Installing translators makes Qt send
``QEvent.LanguageChange`` to every widget; each widget re-sets its texts in
``changeEvent``. ``QLocale.setDefault`` goes first, so dates and numbers then follow the
chosen language's conventions.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QObject, QTranslator, Signal
from PySide6.QtWidgets import QApplication

from client.policy import LANGUAGES

log = logging.getLogger(__name__)

TRANSLATIONS_DIR = Path(__file__).resolve().parents[1] / "resources" / "translations"

# Each language named in itself: the menu shows them so, whatever the current language.
NATIVE_NAMES = {"az": "Azərbaycanca", "ru": "Русский", "en": "English"}

_LOCALES = {
    "az": QLocale(
        QLocale.Language.Azerbaijani, QLocale.Script.LatinScript, QLocale.Country.Azerbaijan
    ),
    "ru": QLocale(QLocale.Language.Russian, QLocale.Country.Russia),
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
}


def locale_for(code: str) -> QLocale:
    """The locale whose dates and numbers go with a language (English: day first)."""
    return QLocale(_LOCALES.get(code, _LOCALES["en"]))


def system_language(system: QLocale | None = None) -> str:
    """The language of the system locale if we ship it (az, ru), else English."""
    locale = system or QLocale.system()
    candidates = [locale.name(), *locale.uiLanguages()]
    for name in candidates:
        code = name.replace("-", "_").split("_")[0].lower()
        if code in ("az", "ru"):
            return code
        if code == "en":
            return "en"
    return "en"


class Languages(QObject):
    """Owns the installed translators; ``switch`` swaps them."""

    changed = Signal(str)

    def __init__(
        self, app: QApplication, directory: Path = TRANSLATIONS_DIR, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._app = app
        self._directory = directory
        self._installed: list[QTranslator] = []
        self._installers: list[Callable[[QApplication, str], object]] = []
        self._default_locale: QLocale | None = None  # before the first switch
        self.current = ""

    def add_installer(self, installer: Callable[[QApplication, str], object]) -> None:
        """A tab's own translations: called with the app and the code on each switch."""
        self._installers.append(installer)
        if self.current:
            installer(self._app, self.current)

    def switch(self, code: str) -> None:
        if code not in LANGUAGES:
            raise ValueError(f"unknown language {code!r}")
        if code == self.current:
            return
        if self._default_locale is None:
            self._default_locale = QLocale()
        QLocale.setDefault(locale_for(code))  # before the LanguageChange events go out
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed = []
        self._install(str(self._directory / f"shell_{code}.qm"))
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qt_file = Path(qt_dir) / f"qtbase_{code}.qm"
        if qt_file.exists():
            self._install(str(qt_file))
        for installer in self._installers:
            installer(self._app, code)
        self.current = code
        log.info("language: %s", code)
        self.changed.emit(code)

    def uninstall(self) -> None:
        """Remove every translator this object and its tabs installed, and give the
        process back the locale it had before the first switch: numbers and texts
        of a later window (another sign-in, the next test) do not carry this one's
        language."""
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed = []
        for installer in self._installers:
            installer(self._app, "")  # no such language: the tab removes its translator
        if self._default_locale is not None:
            QLocale.setDefault(self._default_locale)
            self._default_locale = None
        self.current = ""

    def _install(self, path: str) -> None:
        translator = QTranslator(self)
        if translator.load(path):
            self._app.installTranslator(translator)
            self._installed.append(translator)
        else:
            log.warning("could not load the translation %s", Path(path).name)
