"""Where one user's cache for one server lives on this computer.

``<root>/<profile id>/`` holds ``cache.db`` (with its ``-wal`` and ``-shm``)
and ``keyfile.json``. The root is the per-user local data folder
(``%LOCALAPPDATA%\\MinistryIntranet\\profiles`` on Windows, never the roaming
one) unless ``profile_dir`` says otherwise. The folder name is a hash of
server and username, so no name or address appears in a path.
"""

from __future__ import annotations

import hashlib
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import platformdirs

from .errors import CachePathTooLong
from .private_files import private_folder

__all__ = ["APP_NAME", "Profile", "default_profiles_root", "normalize_server_url"]

APP_NAME = "MinistryIntranet"
# Windows' MAX_PATH is 260 with the final NUL; 12 more are kept for the names SQLite and
# the keyfile's atomic write add (``cache.db-journal``, ``keyfile.json.<tmp>``).
WINDOWS_PATH_LIMIT = 259 - 12


def default_profiles_root() -> Path:
    """The per-user, per-machine data folder of the app (not roaming)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False)) / "profiles"


def normalize_server_url(url: str) -> str:
    """One spelling per server: lower-case scheme and host, no trailing slash."""
    parts = urlsplit(url.strip())
    if not parts.scheme or not parts.netloc:
        raise ValueError(f"not an absolute server URL: {url!r}")
    path = parts.path.rstrip("/")
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, "", ""))


@dataclass(frozen=True)
class Profile:
    """The files and credential-store entry of one user on one server."""

    server_url: str
    username: str
    root: Path

    @classmethod
    def for_user(cls, server_url: str, username: str, profile_dir: Path | None = None) -> Profile:
        """The profile of ``username`` on ``server_url`` (usernames are case-insensitive)."""
        name = username.strip().casefold()
        if not name:
            raise ValueError("empty username")
        root = default_profiles_root() if profile_dir is None else Path(profile_dir)
        return cls(normalize_server_url(server_url), name, root)

    @property
    def profile_id(self) -> str:
        digest = hashlib.sha256(f"{self.server_url}\n{self.username}".encode())
        return digest.hexdigest()[:32]

    @property
    def folder(self) -> Path:
        return self.root / self.profile_id

    @property
    def db_path(self) -> Path:
        return self.folder / "cache.db"

    @property
    def keyfile_path(self) -> Path:
        return self.folder / "keyfile.json"

    @property
    def credential_entry(self) -> str:
        """The credential-store entry name of this profile's data key."""
        return f"cache-key:{self.username}@{self.server_url}"

    @property
    def longest_path(self) -> str:
        """The longest path the cache writes (the WAL file), absolute."""
        return str(self.db_path.with_name(self.db_path.name + "-wal").absolute())

    def check_path_length(self, *, windows: bool | None = None) -> None:
        """Refuse (``CachePathTooLong``) a folder whose files would pass Windows' path
        limit; elsewhere nothing to check. ``windows`` is for tests."""
        if not (sys.platform == "win32" if windows is None else windows):
            return
        longest = self.longest_path
        if len(longest) > WINDOWS_PATH_LIMIT:
            raise CachePathTooLong(str(self.folder.absolute()), len(longest), WINDOWS_PATH_LIMIT)

    def ensure_folder(self) -> None:
        """Create the folder, private to the user where the OS has modes (a root made
        here is private too; an existing one the user chose is left as it is). A path
        too long for Windows is refused first, and nothing is made."""
        self.check_path_length()
        private_folder(self.root, tighten=False)
        private_folder(self.folder)

    def database_files(self) -> list[Path]:
        """The database and its WAL companions (some may not exist)."""
        return [
            self.db_path,
            *(self.db_path.with_name(self.db_path.name + s) for s in ("-wal", "-shm")),
        ]
