"""The encrypted local store of the client: keys, schema, records, outbox, search.

The bottom layer: imports neither Qt nor ``client``/``ui``/``server``.
Importing the package makes sqlite-utils catch sqlcipher3's errors
(``sqlcipher_compat.apply``) before any database is opened.
"""

from . import sqlcipher_compat

sqlcipher_compat.apply()

from .errors import (  # noqa: E402 - after the patch, on purpose
    CacheError,
    CacheTooNew,
    CacheUnrecoverable,
    KeyfileDamaged,
    KeyNotRemembered,
    MalformedPage,
    NoCredentialStore,
    OfflineGraceExpired,
    PasswordRequired,
    PlaintextCacheRefused,
    ProfileMismatch,
    ProfileNotFound,
    WrongKeyOrCorrupt,
    WrongPassword,
)
from .folding import az_fold, az_sort_key  # noqa: E402
from .keystore import CredentialStore, KeyStorage  # noqa: E402
from .keywrap import Argon2Params  # noqa: E402
from .outbox import Outbox, OutboxEntry, OutboxState  # noqa: E402
from .profile import Profile  # noqa: E402
from .schema import COLLECTIONS, SyncState  # noqa: E402
from .search import search_people, search_records  # noqa: E402
from .session import CacheSession  # noqa: E402
from .store import PageResult, RecordStore, StoredRecord  # noqa: E402
from .vault import Backoff, Vault  # noqa: E402

__all__ = [
    "COLLECTIONS",
    "Argon2Params",
    "Backoff",
    "CacheError",
    "CacheSession",
    "CacheTooNew",
    "CacheUnrecoverable",
    "CredentialStore",
    "KeyNotRemembered",
    "KeyStorage",
    "KeyfileDamaged",
    "MalformedPage",
    "NoCredentialStore",
    "OfflineGraceExpired",
    "Outbox",
    "OutboxEntry",
    "OutboxState",
    "PageResult",
    "PasswordRequired",
    "PlaintextCacheRefused",
    "Profile",
    "ProfileMismatch",
    "ProfileNotFound",
    "RecordStore",
    "StoredRecord",
    "SyncState",
    "Vault",
    "WrongKeyOrCorrupt",
    "WrongPassword",
    "az_fold",
    "az_sort_key",
    "search_people",
    "search_records",
]
