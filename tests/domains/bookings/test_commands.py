"""Booking, moving and cancelling through the outbox (``domains.writes.apply_command``)
and the real sync against the real server: pending at once, confirmed or refused when
pushed; a refusal's clashes and alternatives from the cache."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest
import sqlite_utils

from cache import Outbox, SyncState
from client.session import Session
from domains.bookings.changes import describe_booking_change
from domains.bookings.commands import (
    BookRoom,
    BookSeries,
    CancelBooking,
    MoveBooking,
    occurrences,
    series_clashes,
)
from domains.bookings.queries import BAKU, alternatives_for, booking, day_grid, free_rooms
from domains.catalog import CATALOG
from domains.command import CommandRefused
from domains.writes import apply_command
from tests.domains.bookings.slots import evening_slot


def first_room(db: sqlite_utils.Database, capacity: int = 8) -> tuple[str, int]:
    row = db.conn.execute(
        "SELECT id, capacity FROM rooms WHERE capacity >= ? ORDER BY capacity, id LIMIT 1",
        (capacity,),
    ).fetchone()
    return str(row[0]), int(row[1])


def outbox_size(db: sqlite_utils.Database) -> int:
    return len(Outbox(db, CATALOG).all())


def snapshot(db: sqlite_utils.Database) -> tuple[int, int]:
    (count,) = db.conn.execute("SELECT count(*) FROM bookings").fetchone()
    return count, outbox_size(db)


def book(
    session: Session, start: datetime, end: datetime, room_id: str, title: str = "Plan"
) -> str:
    command = BookRoom(room_id, title, start, end, [], session.user, datetime.now(UTC))
    applied = apply_command(session.cache.db, command)
    return str(applied.write.record["id"])


@pytest.mark.parametrize(
    ("title", "shift_start", "shift_end", "attendees", "expected"),
    [
        ("", 0, 1, 0, ("title", "empty")),
        ("x" * 301, 0, 1, 0, ("title", "too_long")),
        ("Plan\u202e", 0, 1, 0, ("title", "invalid_characters")),
        ("Plan", 0, 0, 0, ("end", "end_before_start")),
        ("Plan", 0, 25, 0, ("end", "too_long_booking")),
        ("Plan", -24 * 30, -24 * 30 + 1, 0, ("start", "in_past")),
        ("Plan", 0, 1, 500, ("attendees", "over_capacity")),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(
    mine: Session,
    title: str,
    shift_start: int,
    shift_end: int,
    attendees: int,
    expected: tuple[str, str],
) -> None:
    db = mine.cache.db
    room_id, _ = first_room(db)
    base, _ = evening_slot()
    people = [f"p-{i}" for i in range(attendees)]
    before = snapshot(db)
    command = BookRoom(
        room_id,
        title,
        base + timedelta(hours=shift_start),
        base + timedelta(hours=shift_end),
        people,
        mine.user,
        datetime.now(UTC),
    )
    with pytest.raises(CommandRefused) as refused:
        apply_command(db, command)
    assert {(p.field, p.code) for p in refused.value.problems} == {expected}
    assert snapshot(db) == before


def test_a_slot_the_cache_knows_is_taken_is_refused_at_once(mine: Session) -> None:
    db = mine.cache.db
    taken = db.conn.execute(
        "SELECT room_id, start, \"end\" FROM bookings WHERE status = 'confirmed' "
        "AND start > ? ORDER BY start LIMIT 1",
        (datetime.now(UTC).isoformat(),),
    ).fetchone()
    before = snapshot(db)
    start, end = datetime.fromisoformat(taken[1]), datetime.fromisoformat(taken[2])
    with pytest.raises(CommandRefused) as refused:
        book(mine, start, end, taken[0])
    assert {(p.field, p.code) for p in refused.value.problems} == {("room", "taken")}
    assert snapshot(db) == before


def test_a_booking_is_pending_at_once_and_confirmed_by_the_server(mine: Session) -> None:
    db = mine.cache.db
    start, end = evening_slot()
    room_id, _ = first_room(db)

    local_id = book(mine, start, end, room_id, "Büdcə müzakirəsi")

    pending = booking(db, local_id)
    assert pending is not None and pending.sync_state == "pending"
    grid = day_grid(
        db,
        str(db.conn.execute("SELECT building FROM rooms WHERE id = ?", (room_id,)).fetchone()[0]),
        start.date(),
    )
    assert local_id in {b.id for b in grid.bookings.get(room_id, [])}
    assert room_id not in {r.id for r in free_rooms(db, start, end)}
    (entry,) = Outbox(db, CATALOG).all()
    assert describe_booking_change(db, entry).kind == "booking_new"

    report = mine.sync_engine().run()

    assert report.pushed == 1 and outbox_size(db) == 0
    assert booking(db, local_id) is None
    row = db.conn.execute(
        "SELECT id, sync_state, title FROM bookings WHERE room_id = ? AND start = ?",
        (room_id, start.astimezone(UTC).isoformat()),
    ).fetchone()
    assert row[0].startswith("bkg-") and row[1] == "synced" and row[2] == "Büdcə müzakirəsi"


def test_a_slot_taken_meanwhile_is_refused_with_what_it_clashed_with_and_alternatives(
    mine: Session, colleague: Session
) -> None:
    start, end = evening_slot()
    room_id, capacity = first_room(colleague.cache.db)
    theirs = book(colleague, start, end, room_id, "Onların görüşü")
    colleague.sync_engine().run()
    (their_id,) = [
        r[0]
        for r in colleague.cache.db.conn.execute(
            "SELECT id FROM bookings WHERE room_id = ? AND start = ? AND status = 'confirmed'",
            (room_id, start.astimezone(UTC).isoformat()),
        )
    ]
    assert their_id != theirs

    db = mine.cache.db  # synced before the colleague booked: it does not know
    local_id = book(mine, start, end, room_id, "Mənim görüşüm")
    report = mine.sync_engine().run()

    assert report.push_conflicts == 1
    stored = booking(db, local_id)
    assert stored is not None and stored.sync_state == SyncState.CONFLICT.value
    assert stored.sync_error is not None and "booking_conflict" in stored.sync_error
    found = alternatives_for(db, local_id, datetime.now(UTC))
    assert found is not None
    assert [c.id for c in found.clashes] == [their_id]
    assert found.other_rooms and room_id not in {s.room.id for s in found.other_rooms}
    for slot in found.other_rooms:
        assert slot.room.capacity >= capacity and (slot.start, slot.end) == (start, end)
    assert found.same_room is not None
    assert (
        found.same_room.room.id == room_id
        and found.same_room.end - found.same_room.start == end - start
    )
    assert found.same_room.start >= end or found.same_room.end <= start


def test_moving_and_cancelling_go_to_the_server_with_if_match(mine: Session) -> None:
    db = mine.cache.db
    start, end = evening_slot()
    room_id, _ = first_room(db)
    book(mine, start, end, room_id)
    mine.sync_engine().run()
    (server_id,) = [
        r[0]
        for r in db.conn.execute(
            "SELECT id FROM bookings WHERE room_id = ? AND start = ?",
            (room_id, start.astimezone(UTC).isoformat()),
        )
    ]
    later = start + timedelta(hours=1, minutes=30)
    apply_command(
        db,
        MoveBooking(
            server_id, mine.user, datetime.now(UTC), start=later, end=later + timedelta(hours=1)
        ),
    )
    (entry,) = Outbox(db, CATALOG).all()
    assert (entry.method, entry.if_match) == ("PATCH", 1)
    assert describe_booking_change(db, entry).fields == ("end", "start")
    mine.sync_engine().run()
    moved = booking(db, server_id)
    assert moved is not None and moved.start == later and moved.version == 2

    apply_command(db, CancelBooking(server_id, mine.user))
    cancelled = booking(db, server_id)
    assert cancelled is not None and cancelled.status == "cancelled" and cancelled.pending
    mine.sync_engine().run()
    record = json.loads(
        db.conn.execute("SELECT record FROM bookings WHERE id = ?", (server_id,)).fetchone()[0]
    )
    assert record["status"] == "cancelled" and record["version"] == 3
    assert room_id in {r.id for r in free_rooms(db, later, later + timedelta(hours=1))}


def test_only_the_organizer_or_an_admin_may_cancel(mine: Session) -> None:
    db = mine.cache.db
    other = db.conn.execute(
        "SELECT id FROM bookings WHERE organizer_id <> ? AND status = 'confirmed' LIMIT 1",
        (mine.user["id"],),
    ).fetchone()[0]
    before = snapshot(db)
    plain_user = {**mine.user, "roles": ["staff"]}
    with pytest.raises(CommandRefused) as refused:
        apply_command(db, CancelBooking(other, plain_user))
    assert {(p.field, p.code) for p in refused.value.problems} == {("booking", "forbidden")}
    assert snapshot(db) == before


def test_occurrences_keep_baku_wall_clock_time_and_stop_at_the_limit() -> None:
    start = datetime(2026, 3, 26, 10, 0, tzinfo=BAKU)  # Europe changes clocks on the 29th
    weekly = occurrences(start, start + timedelta(hours=1), "weekly", count=4)
    assert [s.astimezone(BAKU).hour for s, _ in weekly] == [10, 10, 10, 10]
    assert [s.date().isoformat() for s, _ in weekly] == [
        "2026-03-26",
        "2026-04-02",
        "2026-04-09",
        "2026-04-16",
    ]
    daily = occurrences(start, start + timedelta(hours=1), "daily", until=date(2027, 12, 31))
    assert len(daily) == 367 and daily[-1][0] - daily[0][0] == timedelta(days=366)
    with pytest.raises(ValueError):
        occurrences(start, start + timedelta(hours=1), "monthly", count=2)


def test_a_series_over_a_taken_date_is_all_or_none_or_only_the_free_ones(
    mine: Session, colleague: Session
) -> None:
    first, first_end = evening_slot()
    room_id, _ = first_room(colleague.cache.db)
    planned = tuple(occurrences(first, first_end, "daily", count=3))
    book(colleague, *planned[1], room_id, "Onların görüşü")  # the middle day is taken
    colleague.sync_engine().run()
    db = mine.cache.db
    mine.sync_engine().run()  # mine now knows it
    assert series_clashes(db, room_id, planned) == [planned[1]]

    before = snapshot(db)
    all_or_none = BookSeries(room_id, "Hər gün", planned, [], mine.user, datetime.now(UTC))
    with pytest.raises(CommandRefused) as refused:
        apply_command(db, all_or_none)
    assert [(p.field, p.code, p.limit) for p in refused.value.problems] == [("series", "taken", 1)]
    assert snapshot(db) == before

    applied = apply_command(
        db,
        BookSeries(room_id, "Hər gün", planned, [], mine.user, datetime.now(UTC), only_free=True),
    )
    # One server series, queued as one change; its first free date shows pending at once.
    assert applied.more == () and len(Outbox(db, CATALOG).all()) == 1
    assert applied.entry.path == "/booking-series" and applied.entry.body["skip_clashes"]
    assert mine.sync_engine().run().pushed == 1
    titles = [
        (r[0], r[1])
        for r in db.conn.execute(
            "SELECT start, title FROM bookings WHERE room_id = ? AND start IN (?, ?, ?) "
            "AND sync_state = 'synced' ORDER BY start",
            (room_id, *(s.astimezone(UTC).isoformat() for s, _ in planned)),
        )
    ]
    assert [t for _, t in titles] == ["Hər gün", "Onların görüşü", "Hər gün"]
