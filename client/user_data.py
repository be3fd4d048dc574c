"""Removing everything the app keeps for the user on this computer, on request.

What an uninstall leaves behind unless asked (docs/deployment.md, section 6): the
encrypted offline data of every profile, the keys in the credential store, the logs, the
demo server's data, the settings file, and the private folder of documents opened in
their own program. ``main.py remove-user-data --yes`` removes all of it; the MSI runs that
command at uninstall when the administrator passes ``REMOVEUSERDATA=1``.

Keys go first: each profile's credential-store entries, then its keyfile, then its
files, so a file that cannot be removed (the app still running on Windows) is left
unreadable. Qt-free: the settings file's place is the one ``QSettings`` uses for an INI
file in the user scope (``%APPDATA%\\MinistryIntranet`` on Windows).
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from cache.keyfile import Keyfile
from cache.keystore import CredentialStore
from cache.profile import APP_NAME, Profile, default_profiles_root
from client.session import refresh_entry

__all__ = ["UserDataPlaces", "remove_user_data"]

log = logging.getLogger(__name__)

SETTINGS_NAMES = (f"{APP_NAME}.ini", f"{APP_NAME}-demo.ini")
EXTERNAL_PREFIX = "MinistryIntranet-open-"  # client.documents.external_folder


@dataclass(frozen=True)
class UserDataPlaces:
    """Where this user's data lives: the defaults, or under one ``--profile-dir``."""

    profiles: Path
    folders: tuple[Path, ...]  # removed whole, after the profiles' keys
    files: tuple[Path, ...]

    @classmethod
    def default(cls) -> UserDataPlaces:
        data = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))
        settings = Path(platformdirs.user_config_dir(APP_NAME, appauthor=False, roaming=True))
        temporary = Path(tempfile.gettempdir())
        opened = tuple(sorted(temporary.glob(EXTERNAL_PREFIX + "*")))
        return cls(
            profiles=default_profiles_root(),
            folders=(*opened, data),
            files=tuple(settings / name for name in SETTINGS_NAMES),
        )

    @classmethod
    def under(cls, profile_dir: Path) -> UserDataPlaces:
        """``--profile-dir``: the caches, the demo server and the settings kept there
        (the logs and the opened documents are the user's own, shared by all folders)."""
        return cls(
            profiles=profile_dir,
            folders=(profile_dir / "demo-server",),
            files=(profile_dir / "device.json", *(profile_dir / n for n in SETTINGS_NAMES)),
        )

    def existing(self) -> list[Path]:
        """What would be removed, in the order it would be."""
        others = [p for p in (*self.folders, *self.files) if p.exists()]
        return [*_profile_folders(self.profiles), *others]


def _profile_folders(root: Path) -> list[Path]:
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if (p / "keyfile.json").exists() or _has_cache(p))


def _has_cache(folder: Path) -> bool:
    return folder.is_dir() and (folder / "cache.db").exists()


def _forget_keys(folder: Path, credentials: CredentialStore) -> None:
    """The profile's credential-store entries (named by the keyfile's user and server)."""
    try:
        keyfile = Keyfile.load(folder / "keyfile.json")
    except Exception as error:  # a damaged keyfile: its files still go
        log.info("a profile's keyfile could not be read: %s", type(error).__name__)
        return
    if keyfile is None:
        return
    profile = Profile(keyfile.server_url, keyfile.username, folder.parent)
    credentials.delete(profile.credential_entry)
    credentials.delete(refresh_entry(profile))


def remove_user_data(places: UserDataPlaces, credentials: CredentialStore) -> list[Path]:
    """Remove every place that exists; returns what was removed. ``OSError`` (a file in
    use, no permission) stops it: what was removed stays removed, keys first."""
    removed: list[Path] = []
    for folder in _profile_folders(places.profiles):
        _forget_keys(folder, credentials)
        (folder / "keyfile.json").unlink(missing_ok=True)
        shutil.rmtree(folder)
        removed.append(folder)
    for path in places.folders:
        if path.is_dir():
            shutil.rmtree(path)
            removed.append(path)
    for path in places.files:
        if path.exists():
            path.unlink()
            removed.append(path)
    return removed
