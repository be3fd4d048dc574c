"""The user's own settings (QSettings): server, language, last user, window layout.

Only choices and layout live here, never a secret or ministry data. The administrator's
policy (``client.policy``) wins over the values read here. With ``--profile-dir`` the
settings file sits in that folder, so tests and benchmarks never touch the user's own.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QSplitter, QWidget

from cache.private_files import create_private_file, private_folder
from client.policy import LANGUAGES, UserChoices


class UserSettings:
    """Typed access to the settings; one instance per app, passed to who needs it."""

    def __init__(self, qsettings: QSettings) -> None:
        self._s = qsettings

    @classmethod
    def open(cls, profile_dir: Path | None, *, demo: bool = False) -> UserSettings:
        """The user's settings; the demo keeps its own, so trying it changes nothing of
        the real configuration."""
        name = "MinistryIntranet-demo" if demo else "MinistryIntranet"
        if profile_dir is not None:
            private_folder(profile_dir, tighten=False)
            path = profile_dir / f"{name}.ini"
            create_private_file(path)  # QSettings keeps the mode of the file it rewrites
            return cls(QSettings(str(path), QSettings.Format.IniFormat))
        qsettings = QSettings(
            QSettings.Format.IniFormat,
            QSettings.Scope.UserScope,
            "MinistryIntranet",
            name,
        )
        own = Path(qsettings.fileName())
        private_folder(own.parent)
        create_private_file(own)
        return cls(qsettings)

    def sync(self) -> None:
        self._s.sync()

    @property
    def qsettings(self) -> QSettings:
        """The settings themselves, for a tab's own small choices (``TabContext``)."""
        return self._s

    def _text(self, key: str) -> str | None:
        value = self._s.value(key)
        return value if isinstance(value, str) and value else None

    # --- choices ----------------------------------------------------------------------

    @property
    def server_url(self) -> str | None:
        return self._text("server/url")

    @server_url.setter
    def server_url(self, url: str | None) -> None:
        self._s.setValue("server/url", url or "")

    @property
    def language(self) -> str | None:
        value = self._text("ui/language")
        return value if value in LANGUAGES else None

    @language.setter
    def language(self, code: str) -> None:
        self._s.setValue("ui/language", code)

    @property
    def last_username(self) -> str | None:
        return self._text("signin/last_username")

    @last_username.setter
    def last_username(self, name: str | None) -> None:
        self._s.setValue("signin/last_username", name or "")

    @property
    def remember(self) -> bool:
        value = self._s.value("signin/remember", True)
        return value not in (False, "false", "0", 0)

    @remember.setter
    def remember(self, on: bool) -> None:
        self._s.setValue("signin/remember", on)

    @property
    def server_allows_remember(self) -> bool:
        """What the server's policy said at the last sign-in (asked again at each)."""
        value = self._s.value("signin/server_allows_remember", True)
        return value not in (False, "false", "0", 0)

    @server_allows_remember.setter
    def server_allows_remember(self, allowed: bool) -> None:
        self._s.setValue("signin/server_allows_remember", allowed)

    def user_choices(self) -> UserChoices:
        return UserChoices(self.server_url, self.language, self.remember)

    # --- layout -----------------------------------------------------------------------

    def restore_window(self, window: QWidget, name: str) -> bool:
        """Geometry and every splitter inside ``window``; False if none was kept."""
        geometry = self._s.value(f"{name}/geometry")
        restored = isinstance(geometry, QByteArray) and window.restoreGeometry(geometry)
        for splitter in window.findChildren(QSplitter):
            state = self._s.value(f"{name}/splitters/{splitter_key(splitter)}")
            if isinstance(state, QByteArray):
                splitter.restoreState(state)
        return bool(restored)

    def save_window(self, window: QWidget, name: str) -> None:
        self._s.setValue(f"{name}/geometry", window.saveGeometry())
        for splitter in window.findChildren(QSplitter):
            self._s.setValue(f"{name}/splitters/{splitter_key(splitter)}", splitter.saveState())


def splitter_key(splitter: QSplitter) -> str:
    """A stable name for a splitter: its own object name, else its nearest named
    ancestor's and its place among that ancestor's unnamed splitters (tabs need not
    name theirs)."""
    if splitter.objectName():
        return splitter.objectName()
    owner = splitter.parentWidget()
    while owner is not None and not owner.objectName():
        owner = owner.parentWidget()
    if owner is None:
        return "splitter"
    unnamed = [s for s in owner.findChildren(QSplitter) if not s.objectName()]
    return f"{owner.objectName()}.{unnamed.index(splitter)}"
