"""Numbered schema migrations, tracked in ``PRAGMA user_version``.

``MIGRATIONS[n]`` takes the schema from version ``n`` to ``n + 1``; each runs in
its own transaction together with the version bump, so a crash leaves the
cache at a whole version. A cache whose version is higher than
``len(MIGRATIONS)`` was written by a newer app: it is refused (``CacheTooNew``)
before anything is written.

Rules for later versions: never edit a migration that has shipped; add one.
Migration 1 builds the collection tables from ``schema.COLLECTIONS``, so a
change to a collection spec must come with a migration that brings existing
caches to it (``ALTER TABLE ... ADD COLUMN``), and migration 1 must then be
pinned to a frozen copy of the version-1 spec. ``test_schema_matches_spec``
checks that a migrated cache has every column the spec names.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils

from .errors import CacheTooNew
from .schema import COLLECTIONS, SYNC_STATES, CollectionSpec, quote

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "check_version", "migrate", "user_version"]

Migration = Callable[[sqlite_utils.Database], None]

FTS_TOKENIZER = "unicode61 remove_diacritics 2"
# Prefix indexes for one- and two-letter prefixes, which match the most terms.
# (A third level cost 20 % more write time for no measurable search gain.)
FTS_PREFIXES = "1 2"


def user_version(db: sqlite_utils.Database) -> int:
    row = db.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def _collection_ddl(spec: CollectionSpec) -> list[str]:
    table = quote(spec.name)
    states = ", ".join(f"'{state}'" for state in SYNC_STATES)
    columns = [f"{quote(name)} {sql_type}" for name, sql_type in spec.columns]
    columns += [f"{name} TEXT" for name in spec.derived_columns]
    # rid aliases the rowid, so rowids (which the external-content FTS index
    # refers to) survive VACUUM; records are addressed by their API id.
    statements = [
        f"""CREATE TABLE {table} (
            rid INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            version INTEGER NOT NULL,
            updated_at TEXT,
            {", ".join(columns)},
            record TEXT NOT NULL,
            sync_state TEXT NOT NULL DEFAULT 'synced' CHECK (sync_state IN ({states})),
            sync_error TEXT,
            conflict TEXT
        )""",
        # Few rows are ever unsynced: a partial index finds them without a scan.
        f"CREATE INDEX {quote(spec.name + '_unsynced')} ON {table} (sync_state) "
        "WHERE sync_state <> 'synced'",
    ]
    for index_columns in spec.indexes:
        name = quote("_".join((spec.name, *index_columns)))
        statements.append(
            f"CREATE INDEX {name} ON {table} ({', '.join(quote(c) for c in index_columns)})"
        )
    if spec.sort_fields:
        # With search_text in it, a search can walk the index in order and test
        # each row's words without reading the row (see search.py).
        covered = ", search_text" if spec.search_fields else ""
        statements.append(
            f"CREATE INDEX {quote(spec.name + '_sort')} ON {table} (sort_key{covered})"
        )
        if spec.search_fields:  # a search's few hits, looked up by rid, sorted
            statements.append(
                f"CREATE INDEX {quote(spec.name + '_rid_sort')} ON {table} (rid, sort_key)"
            )
    if spec.search_fields:
        statements += _fts_ddl(spec.name, spec.fts_table)
    return statements


def _fts_ddl(table_name: str, fts_name: str) -> list[str]:
    """An external-content FTS5 index over ``search_text``, kept in sync by triggers.

    The folded text is computed in Python when the row is written, so the
    triggers are plain SQL: they work on every connection, with no registered
    function, and inside the writer's own transaction.
    """
    table, fts = quote(table_name), quote(fts_name)
    return [
        f"CREATE VIRTUAL TABLE {fts} USING fts5(search_text, content={table}, "
        f"content_rowid='rid', tokenize='{FTS_TOKENIZER}', prefix='{FTS_PREFIXES}')",
        f"CREATE TRIGGER {quote(fts_name + '_insert')} AFTER INSERT ON {table} BEGIN "
        f"INSERT INTO {fts} (rowid, search_text) VALUES (new.rid, new.search_text); END",
        f"CREATE TRIGGER {quote(fts_name + '_delete')} AFTER DELETE ON {table} BEGIN "
        f"INSERT INTO {fts} ({fts}, rowid, search_text) "
        f"VALUES ('delete', old.rid, old.search_text); END",
        f"CREATE TRIGGER {quote(fts_name + '_update')} AFTER UPDATE OF search_text ON {table} "
        "WHEN old.search_text IS NOT new.search_text BEGIN "
        f"INSERT INTO {fts} ({fts}, rowid, search_text) "
        f"VALUES ('delete', old.rid, old.search_text); "
        f"INSERT INTO {fts} (rowid, search_text) VALUES (new.rid, new.search_text); END",
    ]


def _m001_initial(db: sqlite_utils.Database) -> None:
    """Collections, their sync cursors, the outbox and the meta values."""
    for spec in COLLECTIONS.values():
        for statement in _collection_ddl(spec):
            db.execute(statement)
    # scope: '' for a whole collection, the registry id for registry_rows.
    db.execute(
        """CREATE TABLE collections_state (
            collection TEXT NOT NULL,
            scope TEXT NOT NULL DEFAULT '',
            cursor TEXT,
            last_sync_at TEXT,
            PRIMARY KEY (collection, scope)
        )"""
    )
    db.execute(
        """CREATE TABLE outbox (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            idempotency_key TEXT NOT NULL UNIQUE,
            method TEXT NOT NULL,
            path TEXT NOT NULL,
            collection TEXT,
            record_id TEXT,
            body TEXT,
            if_match INTEGER,
            content_ref TEXT,
            state TEXT NOT NULL DEFAULT 'pending'
                CHECK (state IN ('pending', 'uploading', 'error', 'conflict')),
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TEXT,
            last_error TEXT,
            created_at TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX outbox_record ON outbox (collection, record_id)")
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")


MIGRATIONS: list[Migration] = [_m001_initial]
SCHEMA_VERSION = len(MIGRATIONS)


def check_version(db: sqlite_utils.Database) -> int:
    """The cache's schema version; ``CacheTooNew`` if this app cannot read it."""
    found = user_version(db)
    if found > SCHEMA_VERSION:
        raise CacheTooNew(found, SCHEMA_VERSION)
    return found


def migrate(db: sqlite_utils.Database, migrations: list[Migration] | None = None) -> int:
    """Bring the cache to the newest schema; returns the version reached."""
    steps = MIGRATIONS if migrations is None else migrations
    found = user_version(db)
    if found > len(steps):
        raise CacheTooNew(found, len(steps))
    for number in range(found, len(steps)):
        with db.atomic():
            steps[number](db)
            db.execute(f"PRAGMA user_version = {number + 1}")
    return len(steps)
