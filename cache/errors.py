"""What can go wrong in the cache, as distinct types the UI can switch on.

Every error leaves the files as they were: the UI shows the message and
offers the one way forward each type implies (type the password, go online,
remove the offline data).
"""

from __future__ import annotations

__all__ = [
    "CacheError",
    "CachePathTooLong",
    "CacheTooNew",
    "CacheUnrecoverable",
    "KeyNotRemembered",
    "KeyfileDamaged",
    "MalformedPage",
    "NoCredentialStore",
    "OfflineGraceExpired",
    "PasswordRequired",
    "PlaintextCacheRefused",
    "ProfileMismatch",
    "ProfileNotFound",
    "WrongKeyOrCorrupt",
    "WrongPassword",
]


class CacheError(Exception):
    """Base of every error this package raises on purpose."""


class WrongKeyOrCorrupt(CacheError):
    """The data key does not open the database, or the file is damaged.

    SQLCipher cannot tell the two apart ("file is not a database" either way).
    """


class CachePathTooLong(CacheError):
    """The offline data's folder is too deep for Windows' 260-character path limit
    (which SQLite and most tools still obey): refused before anything is written."""

    def __init__(self, path: str, length: int, limit: int) -> None:
        super().__init__(
            f"the folder for the offline data is too long for Windows ({length} "
            f"characters, at most {limit}): {path}; choose a shorter folder"
        )
        self.path = path
        self.length = length
        self.limit = limit


class PlaintextCacheRefused(CacheError):
    """An unencrypted SQLite file sits where the encrypted cache belongs.

    It is never opened, encrypted in place or overwritten: someone must look at it.
    """


class CacheTooNew(CacheError):
    """The cache (or its keyfile) was written by a newer version of the app; it is
    left untouched."""

    def __init__(self, found: int, supported: int, what: str = "schema") -> None:
        super().__init__(
            f"the offline cache has {what} version {found}, this app knows up to "
            f"{supported}: update the app (the cache was not modified)"
        )
        self.found = found
        self.supported = supported


class ProfileNotFound(CacheError):
    """No offline data for this user and server on this computer: sign in online first."""


class ProfileMismatch(CacheError):
    """The keyfile in the profile folder belongs to another user or server."""


class KeyfileDamaged(CacheError):
    """The keyfile is unreadable: offline sign-in is impossible, online sign-in recovers."""


class CacheUnrecoverable(CacheError):
    """Neither the device secret, the credential store nor the password opens the key.

    Nobody can read this cache any more; the UI offers to remove it (``Vault.wipe``).
    """


class PasswordRequired(CacheError):
    """The key cannot be taken from the credential store: ask for the password."""


class NoCredentialStore(PasswordRequired):
    """No working OS credential store: the password will be asked at each start."""


class KeyNotRemembered(PasswordRequired):
    """The key is not (or no longer) in the credential store, e.g. policy forbids it."""


class WrongPassword(CacheError):
    """The offline password did not unwrap the key.

    ``next_delay`` is how long the next attempt will be held back, in seconds,
    so the UI can say so.
    """

    def __init__(self, failures: int, next_delay: float) -> None:
        super().__init__(f"wrong password ({failures} failed attempts)")
        self.failures = failures
        self.next_delay = next_delay


class OfflineGraceExpired(CacheError):
    """The last contact with the server is older than the policy allows: go online first."""

    def __init__(self, grace_days: int) -> None:
        super().__init__(
            f"offline sign-in is allowed for {grace_days} days after the last contact "
            "with the server: connect to the ministry network and sign in online first"
        )
        self.grace_days = grace_days


class MalformedPage(CacheError):
    """A sync page the cache cannot store (missing id or version, unstorable value).

    Nothing of the page was written.
    """
