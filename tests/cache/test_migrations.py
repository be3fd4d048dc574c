"""Schema evolution: a cache made by an older app is migrated in place, without a re-sync.

``fixtures/v4_cache.db`` was written by the code of schema version 4 (see
``fixtures/make_v4_cache.py``); whatever later migrations do, it must open with its
records, cursors and outbox entry, searchable, and end with the same schema as a cache
migrated from empty, which in turn must match the live catalog.
"""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
import sqlite_utils

from cache.database import open_database
from cache.migrations import MIGRATIONS, SCHEMA_VERSION, migrate, table_columns, user_version
from cache.migrations_v1_specs import V1_SPECS
from cache.outbox import Outbox, OutboxState
from cache.schema import STRING, Catalog, Field, SqlType, SyncState
from cache.search import search_records
from cache.sqlcipher_compat import dbapi2
from cache.store import RecordStore
from domains.directory.queries import search_people

from .fixtures import make_v4_cache as v4

FIXTURE = Path(__file__).parent / "fixtures" / v4.FILE_NAME


@pytest.fixture
def v4_copy(tmp_path: Path) -> Path:
    """A copy of the fixture (opening migrates it: the committed file stays version 4)."""
    target = tmp_path / "cache.db"
    shutil.copyfile(FIXTURE, target)
    return target


def _schema(db: sqlite_utils.Database) -> list[tuple[str, str, str, str | None]]:
    """Every table, index, trigger and view, with the SQL that made it."""
    rows = db.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
    ).fetchall()
    return [tuple(row) for row in rows]


def _migrated_from_empty() -> sqlite_utils.Database:
    conn = dbapi2.connect(":memory:", isolation_level=None)
    db = sqlite_utils.Database(conn, execute_plugins=False)
    migrate(db)
    return db


def _raw_version(path: Path) -> int:
    """The schema version of an encrypted file, read without migrating it."""
    conn = dbapi2.connect(str(path))
    try:
        conn.execute(f"PRAGMA key = \"x'{v4.V4_CACHE_KEY.hex()}'\"")
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


def test_the_fixture_is_a_version_4_sqlcipher_cache() -> None:
    assert not FIXTURE.read_bytes().startswith(b"SQLite format 3\x00")  # encrypted
    with pytest.raises(sqlite3.DatabaseError):  # plain SQLite cannot read it
        sqlite3.connect(FIXTURE).execute("SELECT count(*) FROM sqlite_master").fetchone()
    assert _raw_version(FIXTURE) == 4


def test_a_version_4_cache_is_migrated_without_a_resync(v4_copy: Path, catalog: Catalog) -> None:
    db = open_database(v4_copy, v4.V4_CACHE_KEY)  # migrates
    try:
        assert user_version(db) == SCHEMA_VERSION
        store = RecordStore(db, catalog)
        for collection, records in [
            ("departments", v4.DEPARTMENTS),
            ("people", v4.PEOPLE),
            ("folders", v4.FOLDERS),
            ("documents", v4.DOCUMENTS),
            ("rooms", v4.ROOMS),
            ("bookings", v4.BOOKINGS),
            ("registries", v4.REGISTRIES),
            ("registry_rows", v4.REGISTRY_ROWS),
        ]:
            assert store.count(collection) == len(records), collection
            for record in records:
                stored = store.get(collection, str(record["id"]))
                assert stored is not None, (collection, record["id"])
                assert stored.version == record["version"]
                if record["id"] != "p3":  # the one with a local change
                    assert stored.record == record
                    assert stored.sync_state is SyncState.SYNCED
        # Cursors: the next sync goes on from where version 4 stopped.
        assert store.cursor("people") == "people-c1"
        assert store.cursor("bookings") == "bookings-c1"
        assert store.cursor("registry_rows", scope="reg-1") == "reg-1-c1"
        # The pending change and its optimistic record are still waiting to be sent.
        (entry,) = Outbox(db, catalog).pending()
        assert (entry.method, entry.path, entry.record_id) == ("PATCH", "/people/p3", "p3")
        assert entry.state is OutboxState.PENDING and entry.if_match == 1
        assert entry.idempotency_key == "v4-fixture-pending-office"
        assert entry.body == {"office": v4.PENDING_OFFICE}
        mine = store.get("people", "p3")
        assert mine is not None and mine.sync_state is SyncState.PENDING
        assert mine.record["office"] == v4.PENDING_OFFICE
        # Search works at once, on the indexes version 4 built.
        assert [hit.id for hit in search_people(db, "eliyev")] == ["p1"]
        assert [hit.id for hit in search_people(db, "qehreman zum")] == ["p2"]
        assert [hit.id for hit in search_people(db, "5586184")] == ["p1"]
        assert [hit["id"] for hit in search_records(db, catalog, "documents", "illik")] == ["d1"]
        assert [hit["id"] for hit in search_records(db, catalog, "registry_rows", "qizil")] == [
            "r1"
        ]
        for fts in ("people_fts", "documents_fts"):
            db.execute(f"INSERT INTO {fts} ({fts}) VALUES ('integrity-check')")
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        # And it keeps working: the next page of a sync lands on the migrated tables.
        later = {**v4.PEOPLE[0], "version": 2, "family_name": "Rzayev", "full_name": "Rzayev R"}
        store.apply_page("people", [later], [], "people-c2")
        assert [hit.id for hit in search_people(db, "rzayev")] == ["p1"]
    finally:
        db.close()


def test_a_migrated_version_4_cache_has_the_schema_of_a_new_one(v4_copy: Path) -> None:
    db = open_database(v4_copy, v4.V4_CACHE_KEY)
    fresh = _migrated_from_empty()
    try:
        assert _schema(db) == _schema(fresh)
    finally:
        db.close()
        fresh.close()


def _catalog_problems(db: sqlite_utils.Database, catalog: Catalog) -> list[str]:
    """Where a migrated cache differs from the catalog (empty: they agree)."""
    problems = []
    tables = set(db.table_names())
    for spec in catalog:
        if spec.name not in tables:
            problems.append(f"{spec.name}: no table")
            continue
        columns = {row[1]: row[2] for row in db.execute(f'PRAGMA table_info("{spec.name}")')}
        expected = {"rid", "id", "version", "updated_at", "record", "sync_state"}
        expected |= {"sync_error", "conflict", *spec.column_names, *spec.derived_columns}
        if set(columns) != expected:
            problems.append(f"{spec.name}: columns {sorted(set(columns) ^ expected)}")
        for name, sql_type in spec.columns:
            if name in columns and columns[name] != sql_type:
                problems.append(f"{spec.name}.{name}: {columns[name]}, not {sql_type}")
        indexed = {
            tuple(row[2] for row in db.execute(f'PRAGMA index_info("{index[1]}")'))
            for index in db.execute(f'PRAGMA index_list("{spec.name}")').fetchall()
        }
        problems += [f"{spec.name}: no index {i}" for i in spec.indexes if i not in indexed]
        if (spec.fts_table in tables) != spec.has_search:
            problems.append(f"{spec.name}: search index {spec.fts_table in tables}")
    return problems


def test_the_live_catalog_matches_the_migrated_schema(catalog: Catalog) -> None:
    """A change to a spec without its migration fails here (docs/cache.md)."""
    db = _migrated_from_empty()
    try:
        assert user_version(db) == SCHEMA_VERSION
        assert _catalog_problems(db, catalog) == []
    finally:
        db.close()


def test_a_spec_change_without_its_migration_is_caught(catalog: Catalog) -> None:
    """The check above sees a new column, a changed type and a new index."""
    people, rooms = catalog.spec("people"), catalog.spec("rooms")
    changed = Catalog(
        [
            replace(people, fields=(*people.fields, Field("room", STRING, SqlType.TEXT))),
            replace(
                rooms,
                fields=tuple(
                    replace(f, column=SqlType.INTEGER) if f.name == "floor" else f
                    for f in rooms.fields
                ),
                indexes=(("building",),),
            ),
        ]
    )
    db = _migrated_from_empty()
    try:
        assert _catalog_problems(db, changed) == [
            "people: columns ['room']",
            "rooms.floor: TEXT, not INTEGER",
            "rooms: no index ('building',)",
        ]
    finally:
        db.close()


INDEXES_ADDED_LATER = {
    "indicator_values": (("indicator_id", "period", "region_code", "value"),),  # analytics
}
"""Indexes a migration after version 4 added to a live spec (the frozen copy keeps
version 4's); ``test_the_live_catalog_matches_the_migrated_schema`` checks they exist."""


def test_the_frozen_specs_are_the_catalogs_tables_at_version_4(catalog: Catalog) -> None:
    """Until a migration changes a table, the frozen copy and the live specs agree."""
    assert [spec.name for spec in V1_SPECS] == list(catalog.names)
    for frozen in V1_SPECS:
        live = catalog.spec(frozen.name)
        assert table_columns(frozen)[4:-4] == (*live.column_names, *live.derived_columns)
        assert frozen.columns == live.columns
        added = INDEXES_ADDED_LATER.get(frozen.name, ())
        assert ((*frozen.indexes, *added), frozen.search_fields, frozen.sort_fields) == (
            live.indexes,
            live.search_fields,
            live.sort_fields,
        )


def test_later_migrations_are_appended_not_inserted() -> None:
    """Migrations 1 to 4 stay the functions that shipped, first in the list."""
    names = [step.__name__ for step in MIGRATIONS[:4]]
    assert names == [
        "_m001_initial",
        "_m002_cheaper_writes",
        "_m003_phone_and_address_words",
        "_m004_bulk_indexed_inserts",
    ]
