"""A page of new records goes in as plain INSERTs (a first sync: a fifth cheaper than the
upsert); a page holding any stored record is upserted whole, as before: changed records,
local changes and the search indexes come out exactly as the upsert leaves them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import sqlite_utils

from cache import MalformedPage, Outbox, RecordStore
from cache.schema import Catalog
from cache.search import search_records
from domains.directory.queries import search_people

from .conftest import person


def row(row_id: str, version: int = 1, **values: object) -> dict[str, object]:
    return {
        "id": row_id,
        "version": version,
        "updated_at": "2026-03-02T09:30:00+04:00",
        "registry_id": "R",
        "values": values,
    }


class StatementLog(list[str]):
    """The writes SQLite ran (its trace callback), reduced to how rows were inserted."""

    def kinds(self, table: str) -> list[str]:
        kinds = []
        for statement in self:
            if statement.startswith(f'INSERT INTO "{table}" ('):
                kind = "upsert" if "ON CONFLICT" in statement else "insert"
                if not kinds or kinds[-1] != kind:
                    kinds.append(kind)
        return kinds


@pytest.fixture
def statements(db: sqlite_utils.Database) -> Iterator[StatementLog]:
    log = StatementLog()
    db.conn.set_trace_callback(log.append)
    yield log
    db.conn.set_trace_callback(None)


def _people(db: sqlite_utils.Database, query: str) -> list[str]:
    return sorted(hit.id for hit in search_people(db, query))


def _consistent(db: sqlite_utils.Database) -> bool:
    db.execute("INSERT INTO people_fts (people_fts, rank) VALUES ('integrity-check', 1)")
    return bool(db.execute("PRAGMA integrity_check").fetchone()[0] == "ok")


def _rids(db: sqlite_utils.Database, table: str) -> dict[str, int]:
    return dict(db.execute(f'SELECT id, rid FROM "{table}"').fetchall())


def test_a_first_syncs_pages_go_in_as_plain_inserts(
    catalog: Catalog, db: sqlite_utils.Database, statements: StatementLog
) -> None:
    store = RecordStore(db, catalog)
    store.apply_page(
        "people", [person(f"p{n}", "Cəfərov", f"Orxan{n}") for n in range(3)], [], "c1"
    )
    store.apply_page("people", [person("p9", "Məmmədova", "Aysel")], [], "c2")
    assert statements.kinds("people") == ["insert"]
    assert _people(db, "cafarov") == ["p0", "p1", "p2"]
    assert _people(db, "memmedova aysel") == ["p9"]
    assert store.cursor("people") == "c2"
    assert _consistent(db)


def test_a_page_with_a_stored_record_inside_is_upserted_whole(
    catalog: Catalog, db: sqlite_utils.Database, statements: StatementLog
) -> None:
    """First and last ids are new, the middle one is stored: the INSERT fails on it,
    is rolled back, and the upsert stores the page (no row twice, rids kept)."""
    store = RecordStore(db, catalog)
    store.apply_page(
        "people", [person("p1", "Cəfərov", "Orxan"), person("p2", "Əliyev", "Anar")], [], "c1"
    )
    before = _rids(db, "people")
    page = [person("p3", "Qasımov", "Elçin"), person("p2", "Rzayev", "Anar", version=2)]
    result = store.apply_page("people", [*page, person("p4", "Bağırov", "Tural")], [], "c2")
    assert result.upserted == 3
    assert statements.kinds("people") == ["insert", "upsert"]
    assert store.count("people") == 4
    after = _rids(db, "people")
    assert {key: after[key] for key in before} == before
    assert _people(db, "aliyev") == [] and _people(db, "rzayev") == ["p2"]
    assert _people(db, "qasimov") == ["p3"] and _people(db, "bagirov") == ["p4"]
    stored = store.get("people", "p2")
    assert stored is not None and stored.version == 2
    assert _consistent(db)


def test_a_local_change_made_during_a_first_sync_is_kept(
    catalog: Catalog, db: sqlite_utils.Database, statements: StatementLog
) -> None:
    store = RecordStore(db, catalog)
    store.apply_page("people", [person("p1", "Əliyev", "Rəşad")], [], "c1")
    local = person("p1", "Əliyev", "Rəşad", office="mine")
    Outbox(db, catalog).enqueue(
        "PATCH",
        "/people/p1",
        body={"office": "mine"},
        collection="people",
        record=local,
        if_match=1,
    )
    theirs = person("p1", "Əliyev", "Rəşad", version=2, office="theirs")
    page = [person("p2", "Qasımov", "Elçin"), theirs, person("p3", "Bağırov", "Tural")]
    statements.clear()
    assert store.apply_page("people", page, [], "c2").conflicts == ("p1",)
    assert statements.kinds("people") == ["insert", "upsert"]
    stored = store.get("people", "p1")
    assert stored is not None and stored.record["office"] == "mine"
    assert stored.version == 1 and stored.conflict == theirs
    assert store.count("people") == 3
    assert _consistent(db)


def test_registry_rows_changed_during_the_sync_are_found_by_their_new_words(
    catalog: Catalog, db: sqlite_utils.Database, statements: StatementLog
) -> None:
    store = RecordStore(db, catalog)
    store.apply_page(
        "registry_rows",
        [row("r1", name="Sağlam Ailə"), row("r2", name="Bakı")],
        [],
        "c1",
        scope="R",
    )
    store.update_search_index()
    page = [row("r3", name="Gəncə"), row("r1", version=2, name="Xəzər"), row("r4", name="Şəki")]
    store.apply_page("registry_rows", page, [], "c2", scope="R")
    assert statements.kinds("registry_rows") == ["insert", "upsert"]
    assert store.count("registry_rows") == 4
    store.update_search_index()
    hits = search_records(db, catalog, "registry_rows", "xezer")
    assert [hit["id"] for hit in hits] == ["r1"] and hits.index_complete
    assert list(search_records(db, catalog, "registry_rows", "saglam")) == []
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_new_page_the_cache_cannot_store_changes_nothing(
    catalog: Catalog, db: sqlite_utils.Database, statements: StatementLog
) -> None:
    store = RecordStore(db, catalog)
    store.apply_page("registry_rows", [row("r1", name="Bakı")], [], "c1", scope="R")
    bad = row("r5", name="Gəncə")
    bad["registry_id"] = {"not": "text"}  # cannot be bound to its TEXT column
    with pytest.raises(MalformedPage):
        store.apply_page("registry_rows", [row("r2"), bad, row("r3")], [], "c2", scope="R")
    assert statements.kinds("registry_rows") == ["insert"]  # tried as new rows, undone
    assert store.count("registry_rows") == 1
    assert store.cursor("registry_rows", "R") == "c1"
    assert not db.conn.in_transaction


# --- a page goes in as a few multi-row statements, not one statement a row --------------


def _inserts(log: StatementLog, table: str) -> int:
    return sum(1 for statement in log if statement.startswith(f'INSERT INTO "{table}" ('))


@pytest.mark.parametrize("stored_at", [None, 0, 310, 449], ids=["new", "first", "middle", "last"])
def test_a_page_is_stored_in_statements_of_many_rows_in_its_order(
    catalog: Catalog, db: sqlite_utils.Database, statements: StatementLog, stored_at: int | None
) -> None:
    """One statement a row (executemany) handed the GIL over and back once a row while
    the fetch thread decoded the next page; 450 rows are three statements, in order,
    every value where it belongs, whichever path (insert or upsert) the page takes."""
    store = RecordStore(db, catalog)
    if stored_at is not None:
        store.apply_page("registry_rows", [row(f"r{stored_at:03}", name="old")], [], "c1", "R")
    statements.clear()
    page = [row(f"r{n:03}", version=2, name=f"Ad {n}", n=n) for n in range(450)]
    store.apply_page("registry_rows", page, [], "c2", scope="R")
    # Three statements a path (insert tried, upsert): SQLite's trace may name a statement
    # twice when its upsert updates a row, so bounded, not counted; executemany ran 450.
    assert 3 <= _inserts(statements, "registry_rows") <= 2 * 3 * 2
    stored = db.execute(
        "SELECT id, version, registry_id, json_extract(record, '$.values.n') FROM registry_rows "
        "ORDER BY rid"
    ).fetchall()
    if stored_at is None:
        assert stored == [(f"r{n:03}", 2, "R", n) for n in range(450)]
    else:  # the stored row keeps its place (rid); the rest follow in the page's order
        assert sorted(stored) == sorted((f"r{n:03}", 2, "R", n) for n in range(450))
        assert [r[0] for r in stored[1:]] == [f"r{n:03}" for n in range(450) if n != stored_at]
    assert store.cursor("registry_rows", "R") == "c2"


def test_a_bad_value_in_a_pages_last_statement_undoes_the_whole_page(
    catalog: Catalog, db: sqlite_utils.Database
) -> None:
    store = RecordStore(db, catalog)
    store.apply_page("registry_rows", [row("a1", name="Bakı")], [], "c1", scope="R")
    page = [row(f"r{n:03}", name=f"Ad {n}") for n in range(450)]
    page[430]["registry_id"] = ["not", "text"]  # cannot be bound: the third statement fails
    with pytest.raises(MalformedPage):
        store.apply_page("registry_rows", page, [], "c2", scope="R")
    assert store.count("registry_rows") == 1
    assert store.cursor("registry_rows", "R") == "c1"
    assert not db.conn.in_transaction
