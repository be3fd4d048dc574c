"""The outbox: one transaction per change, order, restart, the server's answers."""

from __future__ import annotations

import secrets
from datetime import timedelta
from pathlib import Path

import pytest
import sqlite_utils

from cache import Outbox, OutboxState, RecordStore, SyncState
from cache.database import open_database
from cache.schema import Catalog
from cache.sqlcipher_compat import dbapi2

from .conftest import FakeClock

BOOKING = {
    "room_id": "room-1",
    "title": "Şura iclası",
    "start": "2026-03-02T10:00:00+04:00",
    "end": "2026-03-02T11:00:00+04:00",
    "organizer_id": "p1",
    "attendee_ids": [],
    "status": "confirmed",
}


@pytest.fixture
def outbox(catalog: Catalog, db: sqlite_utils.Database, clock: FakeClock) -> Outbox:
    return Outbox(db, catalog, clock)


@pytest.fixture
def records(catalog: Catalog, db: sqlite_utils.Database, clock: FakeClock) -> RecordStore:
    return RecordStore(db, catalog, clock)


def _create_booking(outbox: Outbox, local_id: str = "local-1", title: str = "Şura") -> int:
    entry = outbox.enqueue(
        "POST",
        "/bookings",
        body={**BOOKING, "title": title},
        collection="bookings",
        record={"id": local_id, **BOOKING, "title": title},
    )
    return entry.id


def test_enqueue_stores_entry_and_optimistic_record(outbox: Outbox, records: RecordStore) -> None:
    entry_id = _create_booking(outbox)
    entry = outbox.get(entry_id)
    assert entry is not None
    assert entry.state is OutboxState.PENDING
    assert len(entry.idempotency_key) == 32  # 128 random bits
    assert entry.body["title"] == "Şura"
    stored = records.get("bookings", "local-1")
    assert stored is not None and stored.sync_state is SyncState.PENDING and stored.version == 0


def test_enqueue_is_one_transaction(outbox: Outbox, records: RecordStore) -> None:
    outbox.enqueue("POST", "/bookings", body={}, idempotency_key="k1")
    with pytest.raises(dbapi2.IntegrityError):  # the key is taken: the entry fails...
        outbox.enqueue(
            "POST",
            "/bookings",
            collection="bookings",
            record={"id": "local-2", **BOOKING},
            idempotency_key="k1",
        )
    assert records.get("bookings", "local-2") is None  # ...and so does its record


def test_pending_is_oldest_first_and_survives_restart(
    catalog: Catalog, tmp_path: Path, clock: FakeClock
) -> None:
    key = secrets.token_bytes(32)
    db = open_database(tmp_path / "cache.db", key, create=True)
    outbox = Outbox(db, catalog, clock)
    ids = [_create_booking(outbox, f"local-{n}", f"İclas {n}") for n in range(5)]
    outbox.mark_uploading(ids[0])  # the app dies while this one is on the wire
    db.close()

    db = open_database(tmp_path / "cache.db", key)
    outbox = Outbox(db, catalog, clock)
    pending = outbox.pending()
    assert [entry.id for entry in pending] == ids
    assert [entry.body["title"] for entry in pending] == [f"İclas {n}" for n in range(5)]
    assert pending[0].state is OutboxState.UPLOADING  # to be sent again, same key
    assert pending[0].attempts == 1
    db.close()


def test_done_replaces_the_optimistic_record_with_the_servers(
    outbox: Outbox, records: RecordStore
) -> None:
    entry_id = _create_booking(outbox)
    # A later edit of the same booking, queued before the create was answered.
    outbox.enqueue(
        "PATCH",
        "/bookings/local-1",
        body={"title": "Yeni"},
        collection="bookings",
        record={"id": "local-1", **BOOKING, "title": "Yeni"},
        if_match=0,
    )
    outbox.mark_uploading(entry_id)
    outbox.mark_done(entry_id, {"id": "b-77", "version": 1, **BOOKING})

    remaining = outbox.pending()
    assert len(remaining) == 1
    assert remaining[0].record_id == "b-77"
    assert remaining[0].path == "/bookings/b-77"
    assert remaining[0].if_match == 1  # rebased on the created version
    assert records.get("bookings", "local-1") is None
    stored = records.get("bookings", "b-77")
    assert stored is not None
    assert stored.record["title"] == "Yeni"  # the later local edit still shows
    assert stored.sync_state is SyncState.PENDING

    outbox.mark_done(remaining[0].id, {"id": "b-77", "version": 2, **BOOKING, "title": "Yeni"})
    stored = records.get("bookings", "b-77")
    assert stored is not None and stored.sync_state is SyncState.SYNCED and stored.version == 2
    assert outbox.all() == []


def test_retry_error_and_conflict_are_kept_for_the_user(
    outbox: Outbox, records: RecordStore, clock: FakeClock
) -> None:
    records.apply_page("bookings", [{"id": "b1", "version": 3, **BOOKING}], [], "c1")
    first = outbox.enqueue(
        "PATCH",
        "/bookings/b1",
        body={"title": "A"},
        collection="bookings",
        record={"id": "b1", **BOOKING, "title": "A"},
        if_match=3,
    )
    second = outbox.enqueue(
        "PATCH",
        "/bookings/b1",
        body={"title": "B"},
        collection="bookings",
        record={"id": "b1", **BOOKING, "title": "B"},
        if_match=3,
    )

    later = clock.now + timedelta(seconds=30)
    outbox.mark_retry(first.id, "HTTP 503", later)
    entry = outbox.get(first.id)
    assert entry is not None and entry.next_attempt_at == later and entry.last_error == "HTTP 503"

    server_side = {"id": "b1", "version": 4, **BOOKING, "title": "Theirs"}
    outbox.mark_conflict(first.id, server_side)
    stored = records.get("bookings", "b1")
    assert stored is not None
    assert stored.sync_state is SyncState.CONFLICT
    assert stored.conflict == server_side
    assert stored.record["title"] == "B"
    assert outbox.pending() == []  # the later edit waits behind the conflict

    assert outbox.keep_local_side("bookings", "b1")
    assert [(e.id, e.if_match) for e in outbox.pending()] == [(first.id, 4), (second.id, 4)]
    stored = records.get("bookings", "b1")
    assert stored is not None and stored.sync_state is SyncState.PENDING and stored.version == 4

    outbox.mark_error(first.id, "422 validation_error: title")
    stored = records.get("bookings", "b1")
    assert stored is not None
    assert stored.sync_state is SyncState.ERROR and stored.sync_error.startswith("422")


def test_take_server_side_drops_local_changes(outbox: Outbox, records: RecordStore) -> None:
    records.apply_page("bookings", [{"id": "b1", "version": 3, **BOOKING}], [], "c1")
    entry = outbox.enqueue(
        "PATCH",
        "/bookings/b1",
        collection="bookings",
        record={"id": "b1", **BOOKING, "title": "Mine"},
        if_match=3,
    )
    outbox.mark_conflict(entry.id, {"id": "b1", "version": 4, **BOOKING, "title": "Theirs"})
    assert outbox.take_server_side("bookings", "b1")
    stored = records.get("bookings", "b1")
    assert stored is not None
    assert stored.record["title"] == "Theirs" and stored.sync_state is SyncState.SYNCED
    assert outbox.all() == []


def test_delete_accepted_without_body_removes_the_record(
    outbox: Outbox, records: RecordStore
) -> None:
    records.apply_page("bookings", [{"id": "b1", "version": 3, **BOOKING}], [], "c1")
    entry = outbox.enqueue(
        "DELETE",
        "/bookings/b1",
        collection="bookings",
        record={"id": "b1", **BOOKING, "status": "cancelled"},
        if_match=3,
    )
    outbox.mark_done(entry.id)
    assert records.get("bookings", "b1") is None


def test_only_write_methods(outbox: Outbox) -> None:
    with pytest.raises(ValueError, match="write method"):
        outbox.enqueue("GET", "/bookings")
