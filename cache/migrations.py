"""Numbered schema migrations, tracked in ``PRAGMA user_version``.

``MIGRATIONS[n]`` takes the schema from version ``n`` to ``n + 1``; each runs in
its own transaction together with the version bump, so a crash leaves the
cache at a whole version. A cache whose version is higher than
``len(MIGRATIONS)`` was written by a newer app: it is refused (``CacheTooNew``)
before anything is written.

Rules for later versions: never edit a migration that has shipped; add one.
Migrations 1 to 4 build the collection tables from ``migrations_v1_specs.V1_SPECS``,
a frozen copy of the specs as they were then, never from the live ``Catalog``: a
change to a collection spec (``domains/*/collections.py``) must come with a new
numbered migration that brings existing caches to it (``ALTER TABLE ... ADD
COLUMN``, ``CREATE INDEX``, ...). ``tests/cache/test_migrations.py`` checks that a
migrated cache matches the live catalog, and that a cache made by version 4's code
(``tests/cache/fixtures/v4_cache.db``) is migrated with its records, cursors and
outbox (docs/cache.md, "Schema evolution").

Migration 2 rebuilds every collection table for cheaper bulk writes:

- ``sync_state``'s check is an ``OR`` of comparisons. ``IN ('synced', …)`` in a
  CHECK makes SQLite build a temporary b-tree of the five values for every
  row written (``OpenEphemeral``; there is no run-once in a constraint): about
  1.6 µs of the ~10 µs a registry row costs to insert.
- a collection with ``deferred_search`` (registry rows) loses its
  ``search_text`` column and its row-by-row FTS triggers. Its index is a
  contentless FTS5 table (``contentless_delete=1``: it keeps no copy of the
  text, yet rows can leave it) filled in bulk by ``store.update_search_index``:
  rows with ``rid`` above ``search_index_state.indexed_upto`` are not indexed
  yet; updated rows below it are listed in ``search_backlog`` by a trigger; a
  deleted row leaves the index at once (and ``indexed_upto`` never stays above
  the highest ``rid``, so a reused ``rid`` is indexed anew).

Migration 3 changes no table: it folds the people's ``search_text`` again, now
with each phone number's digit-only forms and each e-mail address's joined words
(``store.PHONE_FIELDS``, ``store.LOCAL_PART_FIELDS``), and rebuilds their FTS
index once, so an existing cache finds ``5586184`` or ``ceferli@health`` at once,
without a re-sync.

Migration 4 drops the row-by-row insert triggers of the people's and documents'
external-content FTS indexes: ``RecordStore`` indexes the rows a transaction inserted
with one ordered ``INSERT ... SELECT`` (``RecordStore._indexing_new_rows``), twice as
fast for a page of 5 000 people. Their update and delete triggers stay. Any other code
that inserts into these tables must do the same (only ``RecordStore`` does). It also
gives the registry rows' index two-letter prefixes only (``REGISTRY_FTS_PREFIXES``):
the index is emptied and rebuilt in the background, not re-synced.

Migration 5 adds ``outbox_base``: for each record with local changes queued, the
server's version they were made on (``record`` NULL: created here). "Discard" rolls the
optimistic record back to it (``Outbox.discard_changes``); nothing else kept it.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils

from . import sqlcipher_compat  # noqa: F401 - sqlite-utils catches sqlcipher3's errors
from .errors import CacheTooNew
from .migrations_v1_specs import V1_SPECS, FrozenSpec
from .schema import SYNC_STATES, quote
from .store import recompute_search_text
from .transaction import commits_before_returning, write_transaction

__all__ = [
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "check_version",
    "migrate",
    "table_columns",
    "user_version",
]

Migration = Callable[[sqlite_utils.Database], None]

FTS_TOKENIZER = "unicode61 remove_diacritics 2"
# Prefix indexes for one- and two-letter prefixes, which match the most terms.
# (A third level cost 20 % more write time for no measurable search gain.)
FTS_PREFIXES = "1 2"


def user_version(db: sqlite_utils.Database) -> int:
    row = db.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def _v1_collection_ddl(spec: FrozenSpec) -> list[str]:
    """The tables of version 1 (frozen: migration 1 must always build the same)."""
    table = quote(spec.name)
    states = ", ".join(f"'{state}'" for state in SYNC_STATES)
    columns = [f"{quote(name)} {sql_type}" for name, sql_type in spec.columns]
    derived = ["search_text"] if spec.search_fields else []
    derived += ["sort_key"] if spec.sort_fields else []
    columns += [f"{name} TEXT" for name in derived]
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
        statements += _v1_fts_ddl(spec.name, spec.fts_table)
    return statements


def _v1_fts_ddl(table_name: str, fts_name: str) -> list[str]:
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
    for spec in V1_SPECS:
        for statement in _v1_collection_ddl(spec):
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


# --- version 2: cheaper bulk writes -------------------------------------------------

SYNC_STATE_CHECK = " OR ".join(f"sync_state = '{state}'" for state in SYNC_STATES)
"""Not ``sync_state IN (...)``: that builds a temporary b-tree for every row written."""


def table_columns(spec: FrozenSpec) -> tuple[str, ...]:
    """Every column of a collection table, in order (version 2)."""
    return (
        "rid",
        "id",
        "version",
        "updated_at",
        *spec.column_names,
        *spec.derived_columns,
        "record",
        "sync_state",
        "sync_error",
        "conflict",
    )


def _index_ddl(spec: FrozenSpec) -> list[str]:
    """The indexes of a collection table (named and built as in version 1)."""
    table = quote(spec.name)
    # Few rows are ever unsynced: a partial index finds them without a scan.
    statements = [
        f"CREATE INDEX {quote(spec.name + '_unsynced')} ON {table} (sync_state) "
        "WHERE sync_state <> 'synced'"
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
    return statements


def _fts_trigger_ddl(table_name: str, fts_name: str) -> list[str]:
    """The triggers that keep an external-content index (version 1's) in step with
    its table: plain SQL, so every connection and tool keeps it consistent."""
    table, fts = quote(table_name), quote(fts_name)
    return [
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


def _v2_table_ddl(spec: FrozenSpec, name: str) -> str:
    columns = [f"{quote(column)} {sql_type}" for column, sql_type in spec.columns]
    columns += [f"{column} TEXT" for column in spec.derived_columns]
    return f"""CREATE TABLE {quote(name)} (
            rid INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            version INTEGER NOT NULL,
            updated_at TEXT,
            {", ".join(columns)},
            record TEXT NOT NULL,
            sync_state TEXT NOT NULL DEFAULT 'synced' CHECK ({SYNC_STATE_CHECK}),
            sync_error TEXT,
            conflict TEXT
        )"""


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _deferred_fts_ddl(spec: FrozenSpec) -> list[str]:
    """A contentless FTS5 index filled in bulk (``store.update_search_index``).

    Positions are kept (``detail=full``, the default). ``detail=none`` builds
    twice as fast and a third the size, but answers broad prefixes five times
    slower (about 15 against 3 ms on 400 000 rows), and it, like
    ``detail=column``, refuses phrases: a typed word that SQLite's older Unicode
    tables split in two (some New Tai Lue letters, for one) would make a search
    raise instead of return.
    """
    table, fts, name = quote(spec.name), quote(spec.fts_table), _literal(spec.name)
    upto = f"(SELECT indexed_upto FROM search_index_state WHERE collection = {name})"
    top = f"(SELECT coalesce(max(rid), 0) FROM {table})"
    return [
        f"CREATE VIRTUAL TABLE {fts} USING fts5(search_text, content='', contentless_delete=1, "
        f"tokenize='{FTS_TOKENIZER}', prefix='{FTS_PREFIXES}')",
        f"INSERT INTO search_index_state (collection, indexed_upto) VALUES ({name}, 0)",
        f"CREATE TRIGGER {quote(spec.fts_table + '_delete')} AFTER DELETE ON {table} BEGIN "
        f"DELETE FROM {fts} WHERE rowid = old.rid AND old.rid <= {upto}; "
        f"DELETE FROM search_backlog WHERE collection = {name} AND rid = old.rid; "
        f"UPDATE search_index_state SET indexed_upto = {top} "
        f"WHERE collection = {name} AND indexed_upto > {top}; END",
        f"CREATE TRIGGER {quote(spec.fts_table + '_update')} AFTER UPDATE OF record ON {table} "
        f"WHEN new.rid <= {upto} BEGIN "
        f"INSERT OR IGNORE INTO search_backlog (collection, rid) VALUES ({name}, new.rid); END",
    ]


def _rebuild_v2(db: sqlite_utils.Database, spec: FrozenSpec) -> None:
    """The table anew (rows and rids kept), its indexes, and its search index."""
    table, staging = quote(spec.name), spec.name + "_v2"
    names = ", ".join(quote(column) for column in table_columns(spec))
    db.execute(_v2_table_ddl(spec, staging))
    db.execute(f"INSERT INTO {quote(staging)} ({names}) SELECT {names} FROM {table}")
    db.execute(f"DROP TABLE {table}")  # its indexes and triggers go with it
    db.execute(f"ALTER TABLE {quote(staging)} RENAME TO {table}")
    for statement in _index_ddl(spec):
        db.execute(statement)
    if not spec.search_fields:
        return
    if spec.deferred_search:
        db.execute(f"DROP TABLE {quote(spec.fts_table)}")  # version 1's row-by-row index
        for statement in _deferred_fts_ddl(spec):
            db.execute(statement)
    else:  # the external-content index stays valid: the rids are the same
        for statement in _fts_trigger_ddl(spec.name, spec.fts_table):
            db.execute(statement)


def _m002_cheaper_writes(db: sqlite_utils.Database) -> None:
    """Collection tables with a cheap state check; registry rows indexed in bulk."""
    db.execute(
        "CREATE TABLE search_index_state ("
        "collection TEXT PRIMARY KEY, indexed_upto INTEGER NOT NULL DEFAULT 0)"
    )
    db.execute(
        "CREATE TABLE search_backlog (collection TEXT NOT NULL, rid INTEGER NOT NULL, "
        "PRIMARY KEY (collection, rid)) WITHOUT ROWID"
    )
    for spec in V1_SPECS:
        _rebuild_v2(db, spec)


# --- version 3: phone numbers and e-mail addresses as people type them ---------------


def _m003_phone_and_address_words(db: sqlite_utils.Database) -> None:
    """People's search text again (digit-only phones, joined addresses), index rebuilt."""
    update_trigger = _fts_trigger_ddl("people", "people_fts")[2]
    db.execute(f"DROP TRIGGER {quote('people_fts_update')}")
    people = next(spec for spec in V1_SPECS if spec.name == "people")
    recompute_search_text(db, "people", people.search_fields)
    db.execute(f"INSERT INTO {quote('people_fts')} ({quote('people_fts')}) VALUES ('rebuild')")
    db.execute(update_trigger)


# --- version 4: new people and documents indexed in bulk, page by page --------------


REGISTRY_FTS_PREFIXES = "2"
"""The registry rows' index keeps two-letter prefixes only (``bench/registry_index.py``:
a third cheaper to build and a quarter smaller than ``1 2``; a one-letter query, the
only one slower, still answers in tens of milliseconds on a million rows)."""


def _m004_bulk_indexed_inserts(db: sqlite_utils.Database) -> None:
    """No row-by-row insert trigger on people and documents: ``RecordStore`` inserts a
    transaction's new rows into the index with one ordered ``INSERT ... SELECT`` (their
    index is unchanged: nothing to rebuild, no re-sync). The registry rows' index gets
    its cheaper shape: emptied here, it is filled again in the background after the
    next sync (``update_search_index``); searches scan meanwhile."""
    for name in ("people", "documents"):
        db.execute(f"DROP TRIGGER IF EXISTS {quote(name + '_fts_insert')}")
    for spec in V1_SPECS:
        if not spec.deferred_search:
            continue
        fts = quote(spec.fts_table)
        db.execute(f"DROP TABLE {fts}")  # its triggers name it: the new one takes its place
        db.execute(
            f"CREATE VIRTUAL TABLE {fts} USING fts5(search_text, content='', "
            f"contentless_delete=1, tokenize='{FTS_TOKENIZER}', prefix='{REGISTRY_FTS_PREFIXES}')"
        )
        db.execute(
            "UPDATE search_index_state SET indexed_upto = 0 WHERE collection = ?", (spec.name,)
        )
        db.execute("DELETE FROM search_backlog WHERE collection = ?", (spec.name,))


def _m005_outbox_base(db: sqlite_utils.Database) -> None:
    """The server's record under each record's queued changes (``Outbox.enqueue`` fills
    it, ``Outbox.discard_changes`` restores it). Changes queued before this migration
    have none: a discard of them keeps the server's side if one is stored."""
    db.execute(
        """CREATE TABLE outbox_base (
            collection TEXT NOT NULL,
            record_id TEXT NOT NULL,
            record TEXT,
            PRIMARY KEY (collection, record_id)
        ) WITHOUT ROWID"""
    )


def _m006_indicator_month_index(db: sqlite_utils.Database) -> None:
    """The Analytics tab reads an indicator's months in a range (a chart's period, the
    last 13 months of a tile, one month of the map): an index by indicator and month that
    also holds the district and the value, so those reads never open the (encrypted,
    JSON-carrying) rows (``bench/analytics.py``)."""
    db.execute(
        'CREATE INDEX "indicator_values_indicator_id_period_region_code_value" '
        'ON "indicator_values" ("indicator_id", "period", "region_code", "value")'
    )


def _m007_indicator_aggregates(db: sqlite_utils.Database) -> None:
    """Regional and national monthly aggregates of the indicators, derived from the
    districts' values after a sync (``domains.indicators.aggregates``): the Analytics
    dashboard opens from them. Empty until the first refresh; a trigger on the sources'
    sync cursors marks them outdated, so a reader never trusts an outdated copy."""
    db.execute(
        """CREATE TABLE indicator_aggregates (
            indicator_id TEXT NOT NULL,
            area_code TEXT NOT NULL,
            period TEXT NOT NULL,
            value REAL,
            reporting INTEGER NOT NULL,
            published_on TEXT,
            provisional INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (area_code, indicator_id, period)
        ) WITHOUT ROWID"""
    )
    db.execute(
        """CREATE TABLE indicator_aggregates_state (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            fresh INTEGER NOT NULL
        )"""
    )
    # The sources are written by the sync only (they have no commands), a page and its
    # new cursor in one transaction: a cursor that moves (or goes, after a reset) removes
    # the state row, and the aggregates are outdated until the next refresh. Once per
    # page, not per row: a row trigger cost ~20 us per value stored (2.6x the insert).
    sources = "('regions', 'indicators', 'indicator_values')"
    outdate = "BEGIN DELETE FROM indicator_aggregates_state; END"
    db.execute(
        "CREATE TRIGGER collections_state_insert_outdates_aggregates AFTER INSERT ON "
        f"collections_state WHEN NEW.collection IN {sources} {outdate}"
    )
    db.execute(
        "CREATE TRIGGER collections_state_cursor_outdates_aggregates AFTER UPDATE OF cursor "
        f"ON collections_state WHEN NEW.collection IN {sources} "
        f"AND NEW.cursor IS NOT OLD.cursor {outdate}"
    )
    db.execute(
        "CREATE TRIGGER collections_state_delete_outdates_aggregates AFTER DELETE ON "
        f"collections_state WHEN OLD.collection IN {sources} {outdate}"
    )


MIGRATIONS: list[Migration] = [
    _m001_initial,
    _m002_cheaper_writes,
    _m003_phone_and_address_words,
    _m004_bulk_indexed_inserts,
    _m005_outbox_base,
    _m006_indicator_month_index,
    _m007_indicator_aggregates,
]
SCHEMA_VERSION = len(MIGRATIONS)


def check_version(db: sqlite_utils.Database) -> int:
    """The cache's schema version; ``CacheTooNew`` if this app cannot read it."""
    found = user_version(db)
    if found > SCHEMA_VERSION:
        raise CacheTooNew(found, SCHEMA_VERSION)
    return found


@commits_before_returning
def migrate(db: sqlite_utils.Database, migrations: list[Migration] | None = None) -> int:
    """Bring the cache to the newest schema; returns the version reached."""
    steps = MIGRATIONS if migrations is None else migrations
    found = user_version(db)
    if found > len(steps):
        raise CacheTooNew(found, len(steps))
    for number in range(found, len(steps)):
        with write_transaction(db):
            steps[number](db)
            db.execute(f"PRAGMA user_version = {number + 1}")
    return len(steps)
