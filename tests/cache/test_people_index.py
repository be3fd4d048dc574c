"""People (and documents) are indexed for search page by page, in bulk (schema 4): no
row-by-row insert trigger, one ordered ``INSERT ... SELECT`` per transaction. Updates,
local writes and deletions keep the index right; a version-3 cache migrates in place."""

from __future__ import annotations

import sqlite_utils

from cache import Outbox, RecordStore
from cache.migrations import MIGRATIONS, SCHEMA_VERSION, migrate, user_version
from cache.schema import Catalog
from cache.sqlcipher_compat import dbapi2
from domains.directory.queries import search_people

from .conftest import person


def _ids(db: sqlite_utils.Database, query: str) -> list[str]:
    return sorted(hit.id for hit in search_people(db, query))


def _index_is_consistent(db: sqlite_utils.Database) -> bool:
    for fts in ("people_fts", "documents_fts"):
        # External content: 'integrity-check' with rank 1 compares the index to the table.
        db.execute(f"INSERT INTO {fts} ({fts}, rank) VALUES ('integrity-check', 1)")
    return bool(db.execute("PRAGMA integrity_check").fetchone()[0] == "ok")


def _triggers(db: sqlite_utils.Database) -> set[str]:
    rows = db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall()
    return {row[0] for row in rows}


def test_new_people_are_indexed_without_a_row_by_row_trigger(
    catalog: Catalog, db: sqlite_utils.Database
) -> None:
    assert "people_fts_insert" not in _triggers(db)
    assert {"people_fts_update", "people_fts_delete"} <= _triggers(db)
    store = RecordStore(db, catalog)
    first = [person(f"p{n}", "Cəfərov", f"Orxan{n}") for n in range(3)]
    store.apply_page("people", first, [], "c1")
    store.apply_page("people", [person("p9", "Məmmədova", "Aysel")], [], "c2")
    assert _ids(db, "cafarov") == ["p0", "p1", "p2"]
    assert _ids(db, "memmedova aysel") == ["p9"]
    assert _index_is_consistent(db)


def test_a_changed_person_in_a_later_page_is_found_by_the_new_name_only(
    catalog: Catalog,
    db: sqlite_utils.Database,
) -> None:
    store = RecordStore(db, catalog)
    store.apply_page(
        "people", [person("p1", "Cəfərov", "Orxan"), person("p2", "Əliyev", "Anar")], [], "c1"
    )
    changed = person("p1", "Rzayev", "Orxan", version=2)
    store.apply_page("people", [changed, person("p3", "Qasımov", "Elçin")], [], "c2")
    assert _ids(db, "cafarov") == []
    assert _ids(db, "rzayev") == ["p1"]
    assert _ids(db, "qasimov") == ["p3"]
    store.apply_page("people", [], ["p2"], "c3")
    assert _ids(db, "aliyev") == _ids(db, "eliyev") == []
    assert _index_is_consistent(db)


def test_local_writes_keep_the_index_right(catalog: Catalog, db: sqlite_utils.Database) -> None:
    store = RecordStore(db, catalog)
    outbox = Outbox(db, catalog)
    store.apply_page("people", [person("p1", "Cəfərov", "Orxan")], [], "c1")
    new = person("p5", "Hüseynli", "Günel")
    outbox.enqueue("POST", "/people", body=new, collection="people", record=new)
    assert _ids(db, "huseynli") == ["p5"]
    renamed = person("p1", "Novruzov", "Orxan")
    outbox.enqueue(
        "PUT", "/people/p1", body=renamed, collection="people", record=renamed, if_match=1
    )
    assert _ids(db, "novruzov") == ["p1"] and _ids(db, "cafarov") == []
    store.store_server_record("people", person("p7", "Bağırov", "Tural", version=3))
    assert _ids(db, "bagirov") == ["p7"]
    store.delete("people", "p5")
    assert _ids(db, "huseynli") == []
    assert _index_is_consistent(db)


def test_a_version_3_cache_migrates_without_a_resync(catalog: Catalog) -> None:
    conn = dbapi2.connect(":memory:", isolation_level=None)
    db = sqlite_utils.Database(conn, execute_plugins=False)
    assert migrate(db, MIGRATIONS[:3]) == 3
    assert "people_fts_insert" in _triggers(db)
    store = RecordStore(db, catalog)
    store.apply_page("people", [person("p1", "Cəfərov", "Orxan")], [], "c1")  # by the trigger
    assert _ids(db, "cafarov") == ["p1"]
    assert migrate(db) == SCHEMA_VERSION == user_version(db)
    assert "people_fts_insert" not in _triggers(db)
    assert _ids(db, "cafarov") == ["p1"]  # the index is kept as it was
    store.apply_page("people", [person("p2", "Əliyeva", "Nigar")], [], "c2")
    store.apply_page("people", [person("p1", "Rzayev", "Orxan", version=2)], [], "c3")
    assert _ids(db, "eliyeva") == ["p2"]
    assert _ids(db, "rzayev") == ["p1"] and _ids(db, "cafarov") == []
    assert _index_is_consistent(db)
    conn.close()
