"""Open the encrypted cache file: the only place that creates a database connection.

The order matters: refuse a plaintext file before SQLite touches it, give the
raw key before any other statement, prove the key with one read, refuse a
newer schema, and only then write anything (WAL mode, migrations). A wrong
key, a corrupt file or a too-new cache therefore leave the file byte for byte
as it was.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import sqlite_utils

from .errors import PlaintextCacheRefused, ProfileNotFound, WrongKeyOrCorrupt
from .migrations import check_version, migrate
from .private_files import create_private_file, make_private
from .sqlcipher_compat import dbapi2

__all__ = [
    "KEY_BYTES",
    "SQLITE_HEADER",
    "close_quietly",
    "database_files",
    "is_plaintext_sqlite",
    "open_database",
]

KEY_BYTES = 32
SQLITE_HEADER = b"SQLite format 3\x00"
"""The first 16 bytes of every unencrypted SQLite file (SQLCipher's are random salt)."""

CACHE_SIZE_KIB = 32 * 1024  # decrypted pages kept in memory: scans cost 4x more without
BUSY_TIMEOUT_S = 10.0  # the sync worker and the UI each have a connection
WAL_SIZE_LIMIT = 64 * 1024 * 1024  # a big first sync must not leave a huge -wal behind


def is_plaintext_sqlite(path: Path) -> bool:
    """True when the file starts with the unencrypted SQLite header."""
    try:
        with path.open("rb") as file:
            return file.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except FileNotFoundError:
        return False


def _exists_with_content(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except FileNotFoundError:
        return False


def open_database(path: Path, key: bytes, *, create: bool = False) -> sqlite_utils.Database:
    """Open the encrypted cache at ``path`` with its raw 32-byte data key, migrated.

    ``create``: make a new cache when the file is missing (online sign-in);
    otherwise a missing file is ``ProfileNotFound``. Raises
    ``PlaintextCacheRefused``, ``WrongKeyOrCorrupt`` or ``CacheTooNew``, each
    without writing to the file.
    """
    if len(key) != KEY_BYTES:
        raise ValueError("the data key must be 32 bytes")
    if is_plaintext_sqlite(path):
        raise PlaintextCacheRefused(f"an unencrypted SQLite file is in the way: {path}")
    if not _exists_with_content(path):
        if not create:
            raise ProfileNotFound(f"no offline cache at {path}")
        create_private_file(path)  # 0600 before SQLite writes; its -wal and -shm follow
        uri = path.resolve().as_uri() + "?mode=rwc"
    else:
        uri = path.resolve().as_uri() + "?mode=rw"  # never create it anew by accident

    # Autocommit (isolation_level=None): the sqlite3 module never begins a transaction by
    # itself, so a write can never leave one open; cache.transaction opens them explicitly.
    conn = dbapi2.connect(
        uri, uri=True, timeout=BUSY_TIMEOUT_S, check_same_thread=False, isolation_level=None
    )
    try:
        _unlock(conn, key)
        make_private(*database_files(path))  # a cache made by an older version was 0644
        db = sqlite_utils.Database(conn, execute_plugins=False)
        check_version(db)  # before the first write: a newer cache stays untouched
        _configure(conn)
        migrate(db)
    except BaseException:
        conn.close()
        raise
    return db


def _unlock(conn: dbapi2.Connection, key: bytes) -> None:
    """Give the raw key, then prove it with one read of the schema."""
    # Silence SQLCipher's own stderr lines (they would tell a wrong key apart).
    conn.execute("PRAGMA cipher_log_level = NONE")
    # A raw key (x'...') skips SQLCipher's PBKDF2: the key is already random.
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except dbapi2.DatabaseError as error:
        raise WrongKeyOrCorrupt(
            "the offline cache cannot be opened with this key (wrong key or damaged file)"
        ) from error


def _configure(conn: dbapi2.Connection) -> None:
    """Per-connection settings; the first write to the file is the switch to WAL."""
    conn.execute("PRAGMA temp_store = MEMORY")  # no plaintext temporary files
    conn.execute(f"PRAGMA cache_size = -{CACHE_SIZE_KIB}")
    conn.execute("PRAGMA synchronous = FULL")  # a committed outbox entry survives power loss
    conn.execute(f"PRAGMA journal_size_limit = {WAL_SIZE_LIMIT}")
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        raise WrongKeyOrCorrupt(f"the offline cache refused WAL mode ({mode})")


def database_files(path: Path) -> tuple[Path, ...]:
    """The database and the companions SQLite keeps beside it (some may not exist)."""
    return (path, *(path.with_name(path.name + s) for s in ("-wal", "-shm", "-journal")))


def close_quietly(db: sqlite_utils.Database) -> None:
    """Close a connection during cleanup, where a second error would hide the first."""
    with contextlib.suppress(dbapi2.Error):
        db.close()
