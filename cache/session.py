"""An unlocked cache: what every sign-in flow returns.

It holds the open connection and, in memory only, the data key, so that a
worker thread can open its own connection (``connect``) without asking for
the password again. Plain sign-out is ``close()``: everything stays on disk.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from types import TracebackType
from typing import Any

import sqlite_utils

from . import sqlcipher_compat  # noqa: F401 - sqlite-utils catches sqlcipher3's errors
from .clock import Clock, utc_now
from .content_files import EncryptedFiles
from .database import close_quietly, open_database
from .keystore import KeyStorage
from .meta import Meta
from .outbox import Outbox
from .profile import Profile
from .schema import Catalog
from .store import RecordStore

__all__ = ["CacheSession"]


class CacheSession:
    """The open cache of one signed-in user.

    ``key_storage`` says where the key is remembered, for the UI's notice
    ("no credential store: the password will be asked at each start").
    ``catalog``: the collections of the cache (``domains.catalog.CATALOG``).
    """

    def __init__(
        self,
        db: sqlite_utils.Database,
        catalog: Catalog,
        profile: Profile,
        data_key: bytes,
        key_storage: KeyStorage,
        clock: Clock = utc_now,
    ) -> None:
        self.db = db
        self.catalog = catalog
        self.profile = profile
        self.key_storage = key_storage
        self._key: bytes | None = data_key
        self._clock = clock
        self.meta = Meta(db)
        self.records = RecordStore(db, catalog, clock)
        self.outbox = Outbox(db, catalog, clock)

    def connect(self) -> sqlite_utils.Database:
        """Another connection to the same cache, for another thread (WAL lets them overlap)."""
        if self._key is None:
            raise RuntimeError("the cache session is closed")
        return open_database(self.profile.db_path, self._key)

    def content_files(self) -> EncryptedFiles:
        """The documents' encrypted content beside the database, under the same key."""
        if self._key is None:
            raise RuntimeError("the cache session is closed")
        return EncryptedFiles(self.profile.folder / "content", self._key)

    def touch_server_contact(
        self, now: datetime | None = None, policy: Mapping[str, Any] | None = None
    ) -> None:
        """Record a successful exchange with the server, and the policy it sent."""
        self.meta.touch_server_contact(now or self._clock(), policy)

    @property
    def closed(self) -> bool:
        return self._key is None

    def close(self) -> None:
        """Close the connection and forget the key (sign-out keeps the files)."""
        if self._key is not None:
            self._key = None
            close_quietly(self.db)

    def __enter__(self) -> CacheSession:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
