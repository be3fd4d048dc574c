"""The encrypted local store of the client: keys, schema, records, outbox, search.

The bottom layer: imports neither Qt nor ``client``/``ui``/``server``.
The names below load on first use (PEP 562), so that importing one light module
(``cache.errors``, ``cache.profile``) does not load sqlite-utils, keyring and the
cryptography: the app's first window is on screen before they load (docs/startup.md).
``cache.sqlcipher_compat`` makes sqlite-utils catch sqlcipher3's errors when it is
imported, which every module that opens or writes a database does first.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .errors import (
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
    from .folding import az_fold, az_sort_key
    from .keystore import CredentialStore, KeyStorage
    from .keywrap import Argon2Params
    from .outbox import Outbox, OutboxEntry, OutboxState
    from .profile import Profile
    from .schema import Catalog, CollectionSpec, SyncState
    from .search import search_records
    from .session import CacheSession
    from .store import PageResult, RecordStore, StoredRecord
    from .vault import Backoff, Vault

_WHERE = {
    **dict.fromkeys(
        [
            "CacheError",
            "CacheTooNew",
            "CacheUnrecoverable",
            "KeyfileDamaged",
            "KeyNotRemembered",
            "MalformedPage",
            "NoCredentialStore",
            "OfflineGraceExpired",
            "PasswordRequired",
            "PlaintextCacheRefused",
            "ProfileMismatch",
            "ProfileNotFound",
            "WrongKeyOrCorrupt",
            "WrongPassword",
        ],
        "errors",
    ),
    "az_fold": "folding",
    "az_sort_key": "folding",
    "CredentialStore": "keystore",
    "KeyStorage": "keystore",
    "Argon2Params": "keywrap",
    "Outbox": "outbox",
    "OutboxEntry": "outbox",
    "OutboxState": "outbox",
    "Profile": "profile",
    "Catalog": "schema",
    "CollectionSpec": "schema",
    "SyncState": "schema",
    "search_records": "search",
    "CacheSession": "session",
    "PageResult": "store",
    "RecordStore": "store",
    "StoredRecord": "store",
    "Backoff": "vault",
    "Vault": "vault",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


__all__ = [
    "Argon2Params",
    "Backoff",
    "CacheError",
    "CacheSession",
    "CacheTooNew",
    "CacheUnrecoverable",
    "Catalog",
    "CollectionSpec",
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
    "search_records",
]
