"""The user's actions on queued changes: discard (rolled back to the server's version),
retry now, and the listing the "Changes waiting" window shows."""

from __future__ import annotations

from datetime import timedelta

import sqlite_utils

from cache import Outbox, OutboxState, RecordStore, SyncState

from .conftest import FakeClock, person


def _patch(outbox: Outbox, record: dict[str, object], version: int) -> int:
    entry = outbox.enqueue(
        "PATCH",
        f"/people/{record['id']}",
        body={"phone": record["phone"]},
        collection="people",
        record=record,
        if_match=version,
    )
    return entry.id


def test_discard_rolls_the_record_back_to_the_server_version(db: sqlite_utils.Database) -> None:
    records, outbox = RecordStore(db), Outbox(db)
    server = person("p-1", "Əliyev", "Vüqar", version=4, phone="12 34")
    records.apply_page("people", [server], [], "c1")
    _patch(outbox, {**server, "phone": "55 55"}, 4)
    _patch(outbox, {**server, "phone": "66 66"}, 4)
    assert records.get("people", "p-1").record["phone"] == "66 66"  # type: ignore[union-attr]
    assert outbox.discard_changes("people", "p-1") is True
    stored = records.get("people", "p-1")
    assert stored is not None and stored.sync_state is SyncState.SYNCED
    assert stored.record == server and stored.version == 4
    assert outbox.all() == [] and outbox.base("people", "p-1") == (False, None)
    assert outbox.discard_changes("people", "p-1") is False  # nothing left to discard


def test_discard_takes_a_newer_server_side_seen_meanwhile(db: sqlite_utils.Database) -> None:
    records, outbox = RecordStore(db), Outbox(db)
    server = person("p-1", "Əliyev", "Vüqar", version=4, phone="12 34")
    records.apply_page("people", [server], [], "c1")
    _patch(outbox, {**server, "phone": "55 55"}, 4)
    newer = {**server, "version": 5, "office": "301"}
    records.apply_page("people", [newer], [], "c2")  # kept beside the local change
    outbox.discard_changes("people", "p-1")
    stored = records.get("people", "p-1")
    assert stored is not None and stored.record == newer and stored.conflict is None


def test_discard_of_a_record_created_here_deletes_it(db: sqlite_utils.Database) -> None:
    outbox = Outbox(db)
    booking = {"id": "local-1", "room_id": "r-1", "title": "Şura"}
    outbox.enqueue("POST", "/bookings", body=booking, collection="bookings", record=booking)
    assert outbox.discard_changes("bookings", "local-1") is True
    assert RecordStore(db).get("bookings", "local-1") is None
    assert outbox.all() == []


def test_an_accepted_change_moves_the_base_to_the_servers_answer(
    db: sqlite_utils.Database,
) -> None:
    records, outbox = RecordStore(db), Outbox(db)
    server = person("p-1", "Əliyev", "Vüqar", version=4, phone="12 34")
    records.apply_page("people", [server], [], "c1")
    first = _patch(outbox, {**server, "phone": "55 55"}, 4)
    _patch(outbox, {**server, "phone": "66 66"}, 4)
    accepted = {**server, "version": 5, "phone": "55 55"}
    outbox.mark_done(first, accepted)
    assert outbox.base("people", "p-1") == (True, accepted)
    outbox.discard_changes("people", "p-1")
    assert records.get("people", "p-1").record == accepted  # type: ignore[union-attr]


def test_retry_now_releases_a_waiting_or_refused_change(
    db: sqlite_utils.Database, clock: FakeClock
) -> None:
    records, outbox = RecordStore(db), Outbox(db, clock)
    server = person("p-1", "Əliyev", "Vüqar", version=4, phone="12 34")
    records.apply_page("people", [server], [], "c1")
    entry_id = _patch(outbox, {**server, "phone": "55 55"}, 4)
    outbox.mark_retry(entry_id, "503", clock() + timedelta(minutes=10))
    assert outbox.retry_now("people", "p-1") == 1
    entry = outbox.get(entry_id)
    assert entry is not None and entry.next_attempt_at is None and entry.last_error is None
    outbox.mark_error(entry_id, "forbidden")
    assert outbox.pending() == []
    assert outbox.retry_now("people", "p-1") == 1
    assert [e.id for e in outbox.pending()] == [entry_id]
    assert records.get("people", "p-1").sync_state is SyncState.PENDING  # type: ignore[union-attr]


def test_waiting_lists_each_change_with_its_record_and_base(db: sqlite_utils.Database) -> None:
    records, outbox = RecordStore(db), Outbox(db)
    server = person("p-1", "Əliyev", "Vüqar", version=4, phone="12 34")
    records.apply_page("people", [server], [], "c1")
    entry_id = _patch(outbox, {**server, "phone": "55 55"}, 4)
    theirs = {**server, "version": 6, "phone": "77 77"}
    outbox.mark_conflict(entry_id, theirs)
    [change] = outbox.waiting()
    assert change.entry.id == entry_id and change.entry.state is OutboxState.CONFLICT
    assert change.sync_state is SyncState.CONFLICT
    assert change.current is not None and change.current["phone"] == "55 55"
    assert change.base == server and change.server == theirs
    assert outbox.count_waiting() == 0  # a conflict waits for the user, not the sync
