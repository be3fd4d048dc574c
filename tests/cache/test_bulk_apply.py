"""Bulk sync writes: registry rows indexed for search after they are stored (deferred
search), records stored as the JSON they came as, pages committed without an fsync, and
the schema-2 migration from a version-1 cache."""

from __future__ import annotations

import json
import secrets
import threading
import time
from pathlib import Path

import pytest
import sqlite_utils

from cache import MalformedPage, Outbox, RecordStore
from cache.database import open_database
from cache.folding import az_search_text, phone_search_words
from cache.migrations import MIGRATIONS, SCHEMA_VERSION, migrate, user_version
from cache.schema import Catalog
from cache.search import search_records
from cache.sqlcipher_compat import dbapi2
from cache.store import (
    ReceivedRecord,
    _phone_text,
    decode_page,
    index_text,
    search_index_pending,
    update_search_index,
)
from domains.directory.queries import search_people

from .conftest import person


def row(row_id: str, version: int = 1, registry: str = "R", **values: object) -> dict[str, object]:
    return {
        "id": row_id,
        "version": version,
        "updated_at": "2026-03-02T09:30:00+04:00",
        "registry_id": registry,
        "values": values,
    }


def _hits(catalog: Catalog, db: sqlite_utils.Database, query: str) -> list[str]:
    return sorted(hit["id"] for hit in search_records(db, catalog, "registry_rows", query))


@pytest.fixture
def store(catalog: Catalog, db: sqlite_utils.Database) -> RecordStore:
    return RecordStore(db, catalog)


def test_registry_rows_have_no_search_text_and_are_indexed_later(
    catalog: Catalog, db: sqlite_utils.Database, store: RecordStore
) -> None:
    assert "search_text" not in db["registry_rows"].columns_dict
    rows = [row(f"r{n}", name=f"Aptek {n}", district="Şəki rayonu") for n in range(5)]
    store.apply_page("registry_rows", rows, [], "c1", scope="R")
    assert search_index_pending(db, catalog) == 5
    assert update_search_index(db, catalog, "registry_rows", limit=2) == 2
    assert search_index_pending(db, catalog, "registry_rows") == 3
    # A search neither waits for the index nor builds it: it scans the rest, and says so.
    found = search_records(db, catalog, "registry_rows", "seki")
    assert sorted(hit["id"] for hit in found) == [f"r{n}" for n in range(5)]
    assert not found.index_complete
    assert search_index_pending(db, catalog, "registry_rows") == 3
    assert update_search_index(db, catalog) == 3
    assert search_index_pending(db, catalog) == 0
    found = search_records(db, catalog, "registry_rows", "seki")
    assert len(found) == 5 and found.index_complete
    assert update_search_index(db, catalog) == 0
    assert store.update_search_index() == 0


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("qizil", ["r1"]),  # ı typed as i
        ("Qızılça", ["r1"]),
        ("seki", ["r2"]),  # ə typed as e, ş as s
        ("saki", ["r2"]),  # ə typed as a
        ("şəki ray", ["r2"]),
        ("ismay", ["r3"]),  # İ
        ("cerrah", ["r3"]),
        ("37", ["r3"]),  # numbers are text too
        ("true", []),  # booleans are not
        ("false", []),
    ],
)
def test_registry_search_folds_like_people_search(
    catalog: Catalog, db: sqlite_utils.Database, store: RecordStore, query: str, expected: list[str]
) -> None:
    rows = [
        row("r1", diagnosis="Qızılça", age=7, confirmed=True),
        row("r2", district="Şəki rayonu", open_24h=False),
        row("r3", full_name="İsmayılov Rəşad", specialty="Cərrah", years=37, note=None),
    ]
    store.apply_page("registry_rows", rows, [], "c1", scope="R")
    assert _hits(catalog, db, query) == expected


@pytest.mark.parametrize("query", ['"', "a AND", "NEAR(", "col:val", "aᦰb", "ᧈ1", "x" * 500, "🙂"])
def test_hostile_registry_searches_never_raise(
    catalog: Catalog, db: sqlite_utils.Database, store: RecordStore, query: str
) -> None:
    """Python and SQLite's tokenizer disagree on a few letters (New Tai Lue ᦰ): a typed
    word can become two FTS tokens, a phrase, which only a positional index accepts."""
    store.apply_page("registry_rows", [row("r1", name="a b ᦰ")], [], "c1")
    search_records(db, catalog, "registry_rows", query)


@pytest.mark.parametrize("indexed", [False, True])
def test_registry_search_answers_the_same_before_and_after_indexing(
    catalog: Catalog, db: sqlite_utils.Database, store: RecordStore, indexed: bool
) -> None:
    rows = [
        row("r1", diagnosis="Qızılça", age=7, confirmed=True),
        row("r2", district="Şəki rayonu", open_24h=False),
        row("r3", full_name="İsmayılov Rəşad", specialty="Cərrah", years=37),
        row("r4", name="Qızıl Aptek", district="Şəki"),
    ]
    store.apply_page("registry_rows", rows, [], "c1", scope="R")
    if indexed:
        update_search_index(db, catalog)
    answers = {
        query: _hits(catalog, db, query)
        for query in ("qizil", "saki", "şəki ray", "ismay", "37", "true", "qiz seki", '"')
    }
    assert answers == {
        "qizil": ["r1", "r4"],
        "saki": ["r2", "r4"],
        "şəki ray": ["r2"],
        "ismay": ["r3"],
        "37": ["r3"],
        "true": [],
        "qiz seki": ["r4"],
        '"': [],
    }
    assert search_records(db, catalog, "registry_rows", "qizil").index_complete is indexed


def test_a_changed_row_is_found_by_its_new_words_before_it_is_indexed_again(
    catalog: Catalog, db: sqlite_utils.Database, store: RecordStore
) -> None:
    store.apply_page(
        "registry_rows", [row(f"r{n}", name=f"Qızılça {n}") for n in range(4)], [], "c1"
    )
    update_search_index(db, catalog)
    store.apply_page("registry_rows", [row("r1", version=2, name="Məxmərək")], [], "c2")
    assert search_index_pending(db, catalog) == 1
    found = search_records(db, catalog, "registry_rows", "qizil", limit=2)
    assert [hit["id"] for hit in found] == ["r0", "r2"] and not found.index_complete
    assert _hits(catalog, db, "mexmer") == ["r1"]
    assert search_index_pending(db, catalog) == 1  # the search wrote nothing


def test_index_text_leaves_case_and_diacritics_to_the_tokenizer() -> None:
    assert index_text("Qızılça") == "Qizilça"
    assert index_text("Şəki Əli") == "Şeki eli Şaki ali"


@pytest.mark.parametrize(
    "number",
    [
        "+994 12 377 33 98",
        "+994 50 212 41 01",
        "+994 10 000 00 00",
        "+994 02 377 33 98",  # a trunk 0 where the area code goes: stripped
        "+994 12 377 33 9\uff18",  # a full-width digit
        "+994 12 377 33 98 ",
        "+994 12 3773398",
        "+99412 377 33 98",
        "012 558 61 84",
        "(012) 558-61-84",
        "+7 495 123 45 67",
        "12345",
        "daxili 2107",
        "",
    ],
)
def test_a_phone_number_is_searchable_by_the_same_words_on_the_short_path(
    number: str,
) -> None:
    """The usual number's search text is put together from its groups: the words are those
    of the general path (its folded words, then its national and subscriber numbers)."""
    general = " ".join([az_search_text(number), *phone_search_words(number)]).strip()
    assert _phone_text(number) == general


def test_updated_rows_are_indexed_again(
    catalog: Catalog, db: sqlite_utils.Database, store: RecordStore
) -> None:
    store.apply_page(
        "registry_rows", [row("r1", name="Qızılça"), row("r2", name="Göyçay")], [], "c1"
    )
    assert _hits(catalog, db, "qizil") == ["r1"]
    update_search_index(db, catalog)
    store.apply_page("registry_rows", [row("r1", version=2, name="Məxmərək")], [], "c2")
    assert search_index_pending(db, catalog) == 1
    assert update_search_index(db, catalog) == 1
    assert _hits(catalog, db, "qizil") == []
    assert _hits(catalog, db, "mexmer") == ["r1"]
    assert _hits(catalog, db, "goycay") == ["r2"]


def test_deleted_rows_leave_the_index_and_a_reused_rid_is_indexed(
    catalog: Catalog, db: sqlite_utils.Database, store: RecordStore
) -> None:
    store.apply_page(
        "registry_rows", [row(f"r{n}", name=f"Xəstəxana {n}") for n in range(3)], [], "c1"
    )
    assert _hits(catalog, db, "xeste") == ["r0", "r1", "r2"]
    top = db.execute("SELECT max(rid) FROM registry_rows").fetchone()[0]
    store.apply_page("registry_rows", [], ["r2"], "c2")  # the highest rid goes
    assert _hits(catalog, db, "xeste") == ["r0", "r1"]
    store.apply_page("registry_rows", [row("r9", name="Poliklinika")], [], "c3")
    assert db.execute("SELECT rid FROM registry_rows WHERE id = 'r9'").fetchone()[0] == top
    assert _hits(catalog, db, "poli") == ["r9"]
    assert _hits(catalog, db, "xeste") == ["r0", "r1"]
    store.apply_page("registry_rows", [], ["r0"], "c4")  # not the highest: no reuse
    assert _hits(catalog, db, "xeste") == ["r1"]


def test_a_registry_dropped_from_the_cache_leaves_the_index(
    catalog: Catalog, db: sqlite_utils.Database, store: RecordStore
) -> None:
    store.apply_page("registry_rows", [row("a1", registry="A", name="Aptek")], [], "a", scope="A")
    store.apply_page("registry_rows", [row("b1", registry="B", name="Aptek")], [], "b", scope="B")
    assert _hits(catalog, db, "aptek") == ["a1", "b1"]
    store.reset_collection("registry_rows", "A")
    assert _hits(catalog, db, "aptek") == ["b1"]


def test_local_changes_to_registry_rows_are_searchable(
    catalog: Catalog, db: sqlite_utils.Database, store: RecordStore
) -> None:
    store.apply_page("registry_rows", [row("r1", name="Köhnə ad")], [], "c1")
    assert _hits(catalog, db, "kohne") == ["r1"]
    with db.atomic():
        store.write_local("registry_rows", row("r1", name="Yeni ad"), base_version=1)
    assert _hits(catalog, db, "kohne") == []
    assert _hits(catalog, db, "yeni") == ["r1"]


def test_pages_commit_without_fsync_and_full_is_restored(
    catalog: Catalog, db: sqlite_utils.Database, store: RecordStore
) -> None:
    full = 2
    assert db.execute("PRAGMA synchronous").fetchone()[0] == full
    store.apply_page("people", [person("p1", "Əliyev", "Rəşad")], [], "c1")
    assert db.execute("PRAGMA synchronous").fetchone()[0] == full
    with pytest.raises(MalformedPage):
        store.apply_page("people", [{"id": "broken"}], [], "c2")
    assert db.execute("PRAGMA synchronous").fetchone()[0] == full
    outbox = Outbox(db, catalog)
    outbox.enqueue("POST", "/bookings", body={"x": 1}, collection="bookings", record={"id": "t1"})
    assert db.execute("PRAGMA synchronous").fetchone()[0] == full


def test_the_state_check_still_refuses_unknown_states(db: sqlite_utils.Database) -> None:
    for table in ("people", "registry_rows", "bookings"):
        with pytest.raises(dbapi2.IntegrityError):
            db.execute(
                f"INSERT INTO {table} (id, version, record, sync_state) "
                "VALUES ('x', 1, '{}', 'gone')"
            )


def test_a_version_1_cache_is_migrated_with_its_rows(catalog: Catalog) -> None:
    conn = dbapi2.connect(":memory:", isolation_level=None)
    db = sqlite_utils.Database(conn, execute_plugins=False)
    assert migrate(db, MIGRATIONS[:1]) == 1
    RecordStore(db, catalog).apply_page("people", [person("p1", "Cəfərov", "Orxan")], [], "c1")
    db.execute(
        "INSERT INTO registry_rows (id, version, registry_id, search_text, record) "
        "VALUES ('r1', 1, 'R', 'qizilca', ?)",
        ('{"id": "r1", "version": 1, "registry_id": "R", "values": {"name": "Qızılça"}}',),
    )
    db.execute(
        "INSERT INTO bookings (id, version, record, sync_state) VALUES ('b1', 1, '{}', 'pending')"
    )
    assert migrate(db) == SCHEMA_VERSION == user_version(db)
    assert [hit.id for hit in search_people(db, "cafarov")] == ["p1"]
    assert _hits(catalog, db, "qizil") == ["r1"]
    assert db.execute("SELECT sync_state FROM bookings").fetchone()[0] == "pending"
    for spec in ("people", "registry_rows"):
        columns = set(db[spec].columns_dict)
        assert columns >= {"rid", "id", "record", *catalog.spec(spec).derived_columns}
    db.execute("INSERT INTO people_fts (people_fts) VALUES ('integrity-check')")
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


# --- records stored as they came ---------------------------------------------------------------

PAGE = (
    '{"collection": "registry_rows", "items": [\n'
    '  {"id": "r1", "version": 1, "updated_at": "2026-03-02T09:30:00+04:00",'
    ' "registry_id": "R", "values": {"ad": "Qızılça", "say": 7, "x": "\\u0259"}},\n'
    '  {"id":"r2","version":2,"updated_at":null,"registry_id":"R","values":{}}\n'
    '], "deleted": ["r0"], "cursor": "c9", "has_more": false}'
)


def test_decode_page_keeps_each_items_text() -> None:
    page = decode_page(PAGE.encode())
    assert page == json.loads(PAGE)
    first, second = page["items"]
    assert type(first) is ReceivedRecord
    assert json.loads(first.json) == first
    assert first.json.startswith('{"id": "r1"') and first.json.endswith('"\\u0259"}}')
    assert first["values"]["x"] == "ə"
    assert second.json == '{"id":"r2","version":2,"updated_at":null,"registry_id":"R","values":{}}'


@pytest.mark.parametrize(
    "document",
    ["{}", " [1, 2] ", '"text"', "3", '{"items": {"a": 1}}', '{"items": [1, [2], null]}'],
)
def test_decode_page_reads_anything_else_as_json_loads(document: str) -> None:
    assert decode_page(document) == json.loads(document)


@pytest.mark.parametrize(
    "document",
    [
        "",
        "{",
        '{"a" 1}',
        '{"a": 1,}',
        '{"items": [1,]}',
        '{"items": [{} {}]}',
        "{} x",
        '{"items": [{"v": NaN}]}',
        '{"a": Infinity}',
        b"\xff",
    ],
)
def test_decode_page_refuses_what_is_not_json(document: str | bytes) -> None:
    with pytest.raises(ValueError):
        decode_page(document)


def test_received_records_are_stored_as_they_came(
    catalog: Catalog, db: sqlite_utils.Database, store: RecordStore
) -> None:
    page = decode_page(PAGE)
    store.apply_page("registry_rows", page["items"], page["deleted"], page["cursor"], scope="R")
    first = page["items"][0]
    stored = db.execute("SELECT record FROM registry_rows WHERE id = 'r1'").fetchone()[0]
    assert stored == first.json
    got = store.get("registry_rows", "r1")
    assert got is not None and got.record == first
    assert _hits(catalog, db, "qizil") == ["r1"]
    assert _hits(catalog, db, "7") == ["r1"]
    people = decode_page(json.dumps({"items": [person("p1", "Əliyev", "Rəşad")]}))["items"]
    store.apply_page("people", people, [], "c1")
    assert [hit.id for hit in search_people(db, "eliyev")] == ["p1"]
    assert db.execute("SELECT record FROM people").fetchone()[0] == people[0].json


# --- two connections ------------------------------------------------------------------------------


def test_a_page_waits_for_a_write_of_another_connection(catalog: Catalog, tmp_path: Path) -> None:
    """The page reads (local changes) then writes: it takes the write lock first, so the
    UI's connection committing meanwhile makes it wait instead of failing at once."""
    key = secrets.token_bytes(32)
    sync_db = open_database(tmp_path / "cache.db", key, create=True)
    ui_db = open_database(tmp_path / "cache.db", key)
    errors: list[BaseException] = []

    def apply() -> None:
        try:
            RecordStore(sync_db, catalog).apply_page(
                "people", [person("p1", "Əliyev", "Rəşad")], [], "c1"
            )
        except BaseException as error:
            errors.append(error)

    ui_db.execute("BEGIN IMMEDIATE")
    ui_db.execute("INSERT INTO meta (key, value) VALUES ('note', '1')")
    worker = threading.Thread(target=apply)
    worker.start()
    time.sleep(0.3)
    ui_db.execute("COMMIT")
    worker.join(timeout=15)
    assert errors == []
    assert RecordStore(ui_db, catalog).count("people") == 1
    sync_db.close()
    ui_db.close()


def test_a_version_3_cache_gets_the_cheaper_registry_index_without_a_resync(
    catalog: Catalog,
) -> None:
    conn = dbapi2.connect(":memory:", isolation_level=None)
    db = sqlite_utils.Database(conn, execute_plugins=False)
    assert migrate(db, MIGRATIONS[:3]) == 3
    store = RecordStore(db, catalog)
    store.apply_page("registry_rows", [row(f"r{n}", name=f"Aptek {n}") for n in range(3)], [], "c")
    assert update_search_index(db, catalog) == 3
    assert migrate(db) == SCHEMA_VERSION == user_version(db)
    definition = db.execute(
        "SELECT sql FROM sqlite_master WHERE name = 'registry_rows_fts'"
    ).fetchone()[0]
    assert "prefix='2'" in definition and "contentless_delete=1" in definition
    assert search_index_pending(db, catalog) == 3  # emptied, to be filled again in the background
    found = search_records(db, catalog, "registry_rows", "apt")
    assert len(found) == 3 and not found.index_complete  # found meanwhile, by a scan
    assert update_search_index(db, catalog) == 3
    found = search_records(db, catalog, "registry_rows", "a")
    assert len(found) == 3 and found.index_complete
    store.apply_page("registry_rows", [], ["r1"], "c2")
    assert _hits(catalog, db, "aptek") == ["r0", "r2"]
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
