"""apply_page: one transaction per page, tombstones, and local changes kept."""

from __future__ import annotations

import pytest
import sqlite_utils

from cache import MalformedPage, Outbox, RecordStore, SyncState
from cache.schema import Catalog
from domains.directory.queries import search_people

from .conftest import FakeClock, person


@pytest.fixture
def store(catalog: Catalog, db: sqlite_utils.Database, clock: FakeClock) -> RecordStore:
    return RecordStore(db, catalog, clock)


def _ids(store: RecordStore, collection: str = "people") -> list[str]:
    rows = store._conn.execute(f"SELECT id FROM {collection} ORDER BY id").fetchall()
    return [row[0] for row in rows]


def test_apply_page_stores_items_columns_and_cursor(store: RecordStore, clock: FakeClock) -> None:
    result = store.apply_page(
        "people", [person("p1", "Əliyev", "Rəşad"), person("p2", "Həsənova", "Aysel")], [], "c1"
    )
    assert result.upserted == 2
    assert store.cursor("people") == "c1"
    assert store.last_sync_at("people") == clock.now
    stored = store.get("people", "p1")
    assert stored is not None
    assert stored.record["family_name"] == "Əliyev"
    assert stored.sync_state is SyncState.SYNCED
    assert stored.version == 1
    row = store._conn.execute("SELECT family_name, email FROM people WHERE id = 'p1'").fetchone()
    assert row == ("Əliyev", "p1@health.gov.az")


def test_next_page_updates_and_moves_cursor(store: RecordStore) -> None:
    store.apply_page("people", [person("p1", "Əliyev", "Rəşad")], [], "c1")
    store.apply_page("people", [person("p1", "Əliyev", "Rəşad", version=2, office="314")], [], "c2")
    stored = store.get("people", "p1")
    assert stored is not None and stored.version == 2 and stored.record["office"] == "314"
    assert store.cursor("people") == "c2"
    assert store.count("people") == 1


def test_tombstones_delete(catalog: Catalog, store: RecordStore) -> None:
    store.apply_page("people", [person("p1", "A", "B"), person("p2", "C", "D")], [], "c1")
    result = store.apply_page("people", [], ["p1", "never-seen"], "c2")
    assert result.deleted == 1
    assert _ids(store) == ["p2"]
    assert search_people(store._db, "a") == []  # gone from the search index too


def test_page_is_atomic_when_an_item_is_malformed(store: RecordStore) -> None:
    store.apply_page("people", [person("p1", "Əliyev", "Rəşad")], [], "c1")
    bad_page = [
        person("p1", "Əliyev", "Rəşad", version=2, office="new"),
        person("p2", "Quliyev", "Anar"),
        {"version": 1, "family_name": "no id"},
    ]
    with pytest.raises(MalformedPage):
        store.apply_page("people", bad_page, ["p1"], "c2")
    stored = store.get("people", "p1")
    assert stored is not None and stored.version == 1
    assert _ids(store) == ["p1"]
    assert store.cursor("people") == "c1"


def test_page_is_atomic_when_the_database_refuses_a_value(store: RecordStore) -> None:
    store.apply_page("people", [person("p1", "Əliyev", "Rəşad")], [], "c1")
    bad_page = [person("p2", "Quliyev", "Anar"), person("p3", "X", "Y", office={"nested": 1})]
    with pytest.raises(MalformedPage):
        store.apply_page("people", bad_page, [], "c2")
    assert _ids(store) == ["p1"]
    assert store.cursor("people") == "c1"


def test_page_is_atomic_when_it_fails_after_the_items(
    catalog: Catalog, store: RecordStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An error after the rows were written (here: at the cursor) undoes the rows too."""
    store.apply_page("people", [person("p1", "Əliyev", "Rəşad")], [], "c1")

    def fail(*args: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(store, "_save_cursor", fail)
    with pytest.raises(RuntimeError):
        store.apply_page("people", [person("p2", "Quliyev", "Anar")], ["p1"], "c2")
    monkeypatch.undo()
    assert _ids(store) == ["p1"]
    assert store.cursor("people") == "c1"
    assert [hit.id for hit in search_people(store._db, "quliyev")] == []
    assert [hit.id for hit in search_people(store._db, "eliyev")] == ["p1"]


def test_locally_pending_record_is_not_overwritten(
    catalog: Catalog, db: sqlite_utils.Database, store: RecordStore
) -> None:
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

    # The same version again: nothing to tell.
    assert store.apply_page("people", [person("p1", "Əliyev", "Rəşad")], [], "c2").conflicts == ()
    stored = store.get("people", "p1")
    assert stored is not None and stored.conflict is None

    # Changed on the server meanwhile: keep ours, keep theirs beside it.
    theirs = person("p1", "Əliyev", "Rəşad", version=2, office="theirs")
    assert store.apply_page("people", [theirs], [], "c3").conflicts == ("p1",)
    stored = store.get("people", "p1")
    assert stored is not None
    assert stored.record["office"] == "mine"
    assert stored.sync_state is SyncState.PENDING
    assert stored.version == 1  # still the base of the local change
    assert stored.conflict == theirs

    # An older server side never replaces a newer one; a tombstone does.
    store.apply_page("people", [person("p1", "Əliyev", "Rəşad", version=3, office="v3")], [], "c4")
    store.apply_page("people", [person("p1", "Əliyev", "Rəşad", version=2)], [], "c5")
    stored = store.get("people", "p1")
    assert stored is not None and stored.conflict is not None
    assert stored.conflict["version"] == 3
    store.apply_page("people", [], ["p1"], "c6")
    stored = store.get("people", "p1")
    assert stored is not None and stored.record["office"] == "mine"
    assert stored.conflict == {"id": "p1", "deleted": True}


def test_a_parents_side_stays_until_the_user_decides(
    catalog: Catalog, db: sqlite_utils.Database, store: RecordStore
) -> None:
    """A 412 from the parent the change was sent to (a booking series) keeps the
    parent's record as the server's side: a newer page of the record itself does not
    replace it (the conflict screen would lose what the change met); a tombstone does."""
    store.apply_page("people", [person("p1", "Əliyev", "Rəşad")], [], "c1")
    outbox = Outbox(db, catalog)
    entry = outbox.enqueue(
        "PATCH",
        "/groups/g1",
        body={"office": "mine"},
        collection="people",
        record=person("p1", "Əliyev", "Rəşad", office="mine"),
        if_match=1,
    )
    parent = {"id": "g1", "version": 2, "title": "theirs"}
    outbox.mark_conflict(entry.id, parent)
    store.apply_page("people", [person("p1", "Əliyev", "Rəşad", version=7)], [], "c2")
    stored = store.get("people", "p1")
    assert stored is not None and stored.conflict == parent
    assert outbox.keep_local_side("people", "p1")
    stored = store.get("people", "p1")
    assert stored is not None and stored.version == 1  # its own base, not the parent's
    assert [e.if_match for e in outbox.all()] == [2]


def test_taking_a_parents_side_goes_back_to_the_records_newest_server_version(
    catalog: Catalog, db: sqlite_utils.Database, store: RecordStore
) -> None:
    """The record's own newer version, seen by a sync before or after the parent's 412,
    is what "Take the server's" shows, never the parent and never the stale base."""
    store.apply_page("people", [person("p1", "Əliyev", "Rəşad")], [], "c1")
    outbox = Outbox(db, catalog)
    entry = outbox.enqueue(
        "PATCH",
        "/groups/g1",
        body={"office": "mine"},
        collection="people",
        record=person("p1", "Əliyev", "Rəşad", office="mine"),
        if_match=1,
    )
    before = person("p1", "Əliyev", "Rəşad", version=3, office="theirs")
    store.apply_page("people", [before], [], "c2")  # a sync before the push
    outbox.mark_conflict(entry.id, {"id": "g1", "version": 2})
    assert outbox.base("people", "p1") == (True, before)
    after = person("p1", "Əliyev", "Rəşad", version=4, office="newer")
    store.apply_page("people", [after], [], "c3")  # the sync after it
    assert outbox.take_server_side("people", "p1")
    stored = store.get("people", "p1")
    assert stored is not None and stored.sync_state is SyncState.SYNCED
    assert (stored.version, stored.record["office"]) == (4, "newer")
    assert outbox.all() == []


def test_reset_collection_keeps_local_changes(
    catalog: Catalog, db: sqlite_utils.Database, store: RecordStore
) -> None:
    store.apply_page("people", [person("p1", "A", "B"), person("p2", "C", "D")], [], "c1")
    Outbox(db, catalog).enqueue(
        "PATCH", "/people/p2", collection="people", record=person("p2", "C", "D2"), if_match=1
    )
    store.reset_collection("people")
    assert _ids(store) == ["p2"]
    assert store.cursor("people") is None


def test_registry_rows_have_a_cursor_per_registry(store: RecordStore) -> None:
    rows_a = [{"id": "r1", "version": 1, "registry_id": "A", "values": {"diagnosis": "Qrip"}}]
    rows_b = [{"id": "r2", "version": 1, "registry_id": "B", "values": {"diagnosis": "Angina"}}]
    store.apply_page("registry_rows", rows_a, [], "a1", scope="A")
    store.apply_page("registry_rows", rows_b, [], "b1", scope="B")
    assert store.cursor("registry_rows", scope="A") == "a1"
    assert store.cursor("registry_rows", scope="B") == "b1"
    assert store.cursor("registry_rows") is None
    store.reset_collection("registry_rows", scope="A")
    assert _ids(store, "registry_rows") == ["r2"]
    assert store.cursor("registry_rows", scope="B") == "b1"


def test_every_collection_takes_a_page(store: RecordStore) -> None:
    pages = {
        "departments": {"name": "Səhiyyə", "parent_id": None, "head_person_id": "p1"},
        "rooms": {
            "name": "Zal 1",
            "building": "A",
            "floor": "2",
            "capacity": 12,
            "equipment": ["projector"],
        },
        "bookings": {
            "room_id": "r1",
            "title": "İclas",
            "start": "2026-03-02T10:00:00+04:00",
            "end": "2026-03-02T11:00:00+04:00",
            "organizer_id": "p1",
            "attendee_ids": ["p2"],
            "status": "confirmed",
        },
        "folders": {
            "name": "Əmrlər",
            "parent_id": None,
            "department_id": "d1",
            "access": "ministry",
        },
        "documents": {
            "folder_id": "f1",
            "title": "Hesabat",
            "description": "İllik",
            "filename": "hesabat.pdf",
            "content_type": "application/pdf",
            "size": 10,
            "sha256": "00",
            "version_no": 1,
            "author_id": "p1",
            "tags": ["illik"],
            "created_at": "2026-03-02T09:30:00+04:00",
        },
        "shares": {
            "document_id": "doc1",
            "from_id": "p1",
            "to_id": "p2",
            "message": "Baxın",
            "sent_at": "2026-03-02T09:30:00+04:00",
            "read_at": None,
        },
        "registries": {
            "code": "R1",
            "name": "Qrip",
            "description": "",
            "columns": [],
            "row_count": 0,
        },
        "regions": {"code": "AZ-BA", "name": "Bakı", "parent_code": None},
        "indicators": {"code": "I1", "name": "Xəstələnmə", "unit": "%", "description": ""},
        "indicator_values": {
            "indicator_id": "I1",
            "region_code": "AZ-BA",
            "period": "2026-01",
            "value": 1.5,
        },
    }
    for collection, fields in pages.items():
        store.apply_page(collection, [{"id": "x1", "version": 1, **fields}], [], "c")
        stored = store.get(collection, "x1")
        assert stored is not None and stored.record["version"] == 1, collection


def test_unknown_collection_is_refused(store: RecordStore) -> None:
    with pytest.raises(KeyError):
        store.apply_page("passwords", [], [], "c")
