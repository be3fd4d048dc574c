"""No call of the cache's API leaves a transaction open (issue 7, item 1).

Every public method of ``RecordStore``, ``Outbox`` and ``Meta`` and every public
function of the cache that takes the database is called here on a real encrypted
cache, the tables in use. After each call: the connection is not in a transaction,
a second connection sees exactly what this one sees (what was written is on disk),
and a call that changed anything is ``@transactional`` (or manages its own
transactions). A table of calls covers them; a test fails when a new one is missing.
"""

from __future__ import annotations

import inspect
import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import sqlite_utils

from cache import migrations, search, store
from cache.database import open_database
from cache.keystore import KeyStorage
from cache.meta import Meta
from cache.outbox import Outbox
from cache.profile import Profile
from cache.schema import Catalog, SyncState
from cache.session import CacheSession
from cache.store import RecordStore
from cache.transaction import is_transactional
from domains.directory import queries
from domains.directory.queries import DirectoryQuery

from .conftest import POLICY, T0, USER, FakeClock, person

CLASSES: tuple[type, ...] = (RecordStore, Outbox, Meta)
MODULES: tuple[ModuleType, ...] = (store, search, queries, migrations)

BOOKING = {
    "room_id": "room-1",
    "title": "Şura",
    "start": "2026-03-02T10:00:00+04:00",
    "end": "2026-03-02T11:00:00+04:00",
    "organizer_id": "p-1",
    "attendee_ids": [],
    "status": "confirmed",
    "updated_at": "2026-03-02T09:30:00+04:00",
}


def booking(booking_id: str, version: int, **fields: Any) -> dict[str, Any]:
    return {"id": booking_id, "version": version, **BOOKING, **fields}


def registry_row(row_id: str, text: str) -> dict[str, Any]:
    return {
        "id": row_id,
        "version": 1,
        "updated_at": "2026-03-02T09:30:00+04:00",
        "registry_id": "reg-1",
        "values": {"drug": text},
    }


@dataclass
class Cache:
    """A cache with something in every state: synced, pending, conflict, unindexed."""

    db: sqlite_utils.Database
    records: RecordStore
    outbox: Outbox
    meta: Meta
    session: CacheSession
    edit: int  # outbox entry: a PATCH of b-1, whose server side is newer
    create: int  # outbox entry: a POST of local-1


@pytest.fixture
def cache(tmp_path: Path, clock: FakeClock, catalog: Catalog) -> Iterator[Cache]:
    profile = Profile.for_user("https://intranet.example", "tester", tmp_path / "profiles")
    profile.ensure_folder()
    key = secrets.token_bytes(32)
    db = open_database(profile.db_path, key, create=True)
    session = CacheSession(db, catalog, profile, key, KeyStorage.REMEMBERED, clock)
    records, outbox, meta = session.records, session.outbox, session.meta
    meta.record_sign_in(server_url=profile.server_url, user=USER, policy=POLICY)
    records.apply_page("people", [person("p-1", "Əliyev", "Rəşad")], [], "c-people-1")
    records.apply_page("bookings", [booking("b-1", 1)], [], "c-bookings-1")
    records.apply_page("registry_rows", [registry_row("r-1", "aspirin")], [], "c-r", "reg-1")
    edit = outbox.enqueue(
        "PATCH",
        "/bookings/b-1",
        body={"title": "Local"},
        collection="bookings",
        record=booking("b-1", 1, title="Local"),
        if_match=1,
    ).id
    records.apply_page("bookings", [booking("b-1", 2, title="Server")], [], "c-bookings-2")
    create = outbox.enqueue(
        "POST", "/bookings", body=BOOKING, collection="bookings", record=booking("local-1", 0)
    ).id
    assert not db.conn.in_transaction
    try:
        yield Cache(db, records, outbox, meta, session, edit, create)
    finally:
        session.close()


Call = Callable[[Cache], object]

CALLS: dict[str, Call] = {
    # RecordStore
    "RecordStore.apply_page": lambda c: c.records.apply_page(
        "people", [person("p-2", "Məmmədova", "Aysel")], ["p-1"], "c-people-2"
    ),
    "RecordStore.search_index_pending": lambda c: c.records.search_index_pending(),
    "RecordStore.update_search_index": lambda c: c.records.update_search_index(),
    "RecordStore.cursor": lambda c: c.records.cursor("people"),
    "RecordStore.scopes": lambda c: c.records.scopes("registry_rows"),
    "RecordStore.last_sync_at": lambda c: c.records.last_sync_at("people"),
    "RecordStore.reset_collection": lambda c: c.records.reset_collection("bookings"),
    "RecordStore.get": lambda c: c.records.get("bookings", "b-1"),
    "RecordStore.count": lambda c: c.records.count("people"),
    "RecordStore.unsynced": lambda c: c.records.unsynced("bookings"),
    "RecordStore.database": lambda c: c.records.database,
    "RecordStore.write_local": lambda c: c.records.write_local(
        "people", person("p-9", "Yeni", "İşçi"), base_version=0
    ),
    "RecordStore.set_state": lambda c: c.records.set_state(
        "bookings", "local-1", SyncState.CONFLICT, error="The room is already booked."
    ),
    "RecordStore.store_server_record": lambda c: c.records.store_server_record(
        "bookings", booking("b-1", 3)
    ),
    "RecordStore.delete": lambda c: c.records.delete("people", "p-1"),
    "RecordStore.take_server_side": lambda c: c.records.take_server_side("bookings", "b-1"),
    "RecordStore.rebase_on_server_side": lambda c: c.records.rebase_on_server_side(
        "bookings", "b-1"
    ),
    # Outbox
    "Outbox.enqueue": lambda c: c.outbox.enqueue(
        "DELETE", "/bookings/b-1", collection="bookings", record=booking("b-1", 1), if_match=1
    ),
    "Outbox.get": lambda c: c.outbox.get(c.edit),
    "Outbox.pending": lambda c: c.outbox.pending(),
    "Outbox.all": lambda c: c.outbox.all(),
    "Outbox.mark_uploading": lambda c: c.outbox.mark_uploading(c.create),
    "Outbox.mark_retry": lambda c: c.outbox.mark_retry(c.create, "down", T0 + timedelta(1)),
    "Outbox.mark_error": lambda c: c.outbox.mark_error(c.create, "no such room"),
    "Outbox.mark_conflict": lambda c: c.outbox.mark_conflict(
        c.create, None, reason="The room is already booked."
    ),
    "Outbox.mark_done": lambda c: c.outbox.mark_done(c.create, booking("b-7", 1)),
    "Outbox.take_server_side": lambda c: c.outbox.take_server_side("bookings", "b-1"),
    "Outbox.keep_local_side": lambda c: c.outbox.keep_local_side("bookings", "b-1"),
    "Outbox.discard_record": lambda c: c.outbox.discard_record("bookings", "b-1"),
    "Outbox.discard_changes": lambda c: c.outbox.discard_changes("bookings", "local-1"),
    "Outbox.retry_now": lambda c: c.outbox.retry_now("bookings", "local-1"),
    "Outbox.waiting": lambda c: c.outbox.waiting(),
    "Outbox.count_waiting": lambda c: c.outbox.count_waiting(),
    "Outbox.base": lambda c: c.outbox.base("bookings", "b-1"),
    # Meta
    "Meta.server_url": lambda c: c.meta.server_url,
    "Meta.user": lambda c: c.meta.user,
    "Meta.policy": lambda c: c.meta.policy,
    "Meta.offline_registries": lambda c: c.meta.offline_registries,
    "Meta.offline_registries=": lambda c: setattr(c.meta, "offline_registries", ["reg-1"]),
    "Meta.last_server_contact": lambda c: c.meta.last_server_contact,
    "Meta.record_sign_in": lambda c: c.meta.record_sign_in(
        server_url="https://intranet.example", user={**USER, "display_name": "X"}, policy=POLICY
    ),
    "Meta.touch_server_contact": lambda c: c.meta.touch_server_contact(T0 + timedelta(1)),
    "Meta.offline_allowed": lambda c: c.meta.offline_allowed(T0),
    # what the session adds
    "CacheSession.touch_server_contact": lambda c: c.session.touch_server_contact(T0, POLICY),
    # functions over the database
    "store.search_index_pending": lambda c: store.search_index_pending(c.db, c.session.catalog),
    "store.update_search_index": lambda c: store.update_search_index(
        c.db, c.session.catalog, limit=1
    ),
    "search.search_records": lambda c: search.search_records(
        c.db, c.session.catalog, "registry_rows", "asp"
    ),
    "queries.count_people": lambda c: queries.count_people(c.db, DirectoryQuery("eli")),
    "queries.department_tree": lambda c: queries.department_tree(c.db),
    "queries.people_by_ids": lambda c: queries.people_by_ids(c.db, [1]),
    "queries.people_page": lambda c: queries.people_page(c.db, DirectoryQuery()),
    "queries.people_block": lambda c: queries.people_block(c.db, DirectoryQuery("eli"), 1),
    "queries.people_by_record_ids": lambda c: queries.people_by_record_ids(c.db, ["p-1"]),
    "queries.person_card": lambda c: queries.person_card(c.db, "p-1"),
    "queries.search_people": lambda c: queries.search_people(c.db, "eli"),
    "queries.phone_list": lambda c: queries.phone_list(c.db, ["d-1"], head_of="d-1"),
    "queries.department_region": lambda c: queries.department_region(c.db, "d-1"),
    "migrations.check_version": lambda c: migrations.check_version(c.db),
    "migrations.migrate": lambda c: migrations.migrate(c.db),
    "migrations.user_version": lambda c: migrations.user_version(c.db),
}

FAILING_CALLS: dict[str, tuple[Call, type[BaseException]]] = {
    # Each fails after a first statement has run: nothing of it may stay.
    "a server record without a version": (
        lambda c: c.records.store_server_record("bookings", {"id": "b-1", **BOOKING}),
        KeyError,
    ),
    "a malformed page": (
        lambda c: c.records.apply_page("people", [{"id": "p-3"}], [], "c-bad"),
        store.MalformedPage,
    ),
    "a record without an id": (
        lambda c: c.outbox.enqueue("POST", "/bookings", collection="bookings", record=BOOKING),
        KeyError,
    ),
    "an answer without a version": (
        lambda c: c.outbox.mark_done(c.create, {"id": "b-8"}),
        KeyError,
    ),
    "no such entry": (lambda c: c.outbox.mark_error(999, "x"), KeyError),
}


def public_members(cls: type) -> dict[str, object]:
    """``Class.name`` of every public method and property (``name=`` for a setter)."""
    members: dict[str, object] = {}
    for name, value in inspect.getmembers(cls):
        if name.startswith("_"):
            continue
        if isinstance(value, property):
            members[f"{cls.__name__}.{name}"] = value.fget
            if value.fset is not None:
                members[f"{cls.__name__}.{name}="] = value.fset
        elif inspect.isfunction(value):
            members[f"{cls.__name__}.{name}"] = value
    return members


def database_functions(module: ModuleType) -> dict[str, object]:
    """``module.name`` of every public function whose first parameter is the database."""
    found: dict[str, object] = {}
    for name in module.__all__:
        value = getattr(module, name)
        if inspect.isfunction(value) and next(iter(inspect.signature(value).parameters)) == "db":
            found[f"{module.__name__.rsplit('.', 1)[-1]}.{name}"] = value
    return found


def api() -> dict[str, object]:
    members: dict[str, object] = {}
    for cls in CLASSES:
        members.update(public_members(cls))
    for module in MODULES:
        members.update(database_functions(module))
    # The session's one writer only hands over to Meta's.
    members["CacheSession.touch_server_contact"] = Meta.touch_server_contact
    return members


def snapshot(db: sqlite_utils.Database) -> dict[str, list[str]]:
    """Every row of every table (FTS shadow tables included), as this connection sees it."""
    conn = db.conn
    tables = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    seen = {t: sorted(repr(tuple(r)) for r in conn.execute(f'SELECT * FROM "{t}"')) for t in tables}
    seen["user_version"] = [repr(conn.execute("PRAGMA user_version").fetchone()[0])]
    return seen


def on_disk(cache: Cache) -> dict[str, list[str]]:
    """What a connection of its own finds in the file."""
    other = cache.session.connect()
    try:
        return snapshot(other)
    finally:
        other.close()


def test_every_public_call_of_the_cache_is_in_the_table() -> None:
    missing = sorted(set(api()) - set(CALLS))
    assert missing == [], f"add these to CALLS: {missing}"
    assert sorted(set(CALLS) - set(api())) == []


@pytest.mark.parametrize("name", sorted(CALLS))
def test_a_call_leaves_no_transaction_and_its_writes_on_disk(cache: Cache, name: str) -> None:
    before = snapshot(cache.db)
    CALLS[name](cache)
    assert not cache.db.conn.in_transaction
    after = snapshot(cache.db)
    assert on_disk(cache) == after
    if after != before:
        assert is_transactional(api()[name]), f"{name} writes: make it @transactional"


@pytest.mark.parametrize("name", sorted(FAILING_CALLS))
def test_a_call_that_fails_changes_nothing_and_leaves_no_transaction(
    cache: Cache, name: str
) -> None:
    call, error = FAILING_CALLS[name]
    before = snapshot(cache.db)
    with pytest.raises(error):
        call(cache)
    assert not cache.db.conn.in_transaction
    assert snapshot(cache.db) == before
    assert on_disk(cache) == before


def test_the_fixture_covers_every_state(cache: Cache) -> None:
    """The calls above act on real rows (a call on nothing would prove nothing)."""
    states = {r.id: r.sync_state for r in cache.records.unsynced("bookings")}
    assert states == {"b-1": SyncState.PENDING, "local-1": SyncState.PENDING}
    stored = cache.records.get("bookings", "b-1")
    assert stored is not None and stored.conflict is not None
    assert cache.records.search_index_pending() == 1
    assert [e.id for e in cache.outbox.pending()] == [cache.edit, cache.create]


def test_a_stray_write_on_a_cache_connection_commits_at_once(cache: Cache) -> None:
    """The floor under the rule: connections are in autocommit mode, so even a write
    that bypassed the API (a future caller's mistake) cannot hold a transaction open."""
    cache.db.conn.execute("UPDATE people SET sync_state = 'error' WHERE id = 'p-1'")
    assert not cache.db.conn.in_transaction
    assert on_disk(cache) == snapshot(cache.db)
