"""The server's booking rules through the real outbox and sync (demo server on loopback):
a series as one queued change, "edit the whole series", check-in, release after 15
minutes (the server's clock set by the test), opening hours checked before queuing, and
the finder's room attributes."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from datetime import UTC, datetime, time, timedelta

import pytest

from cache import Outbox
from client.session import Session
from domains.bookings.commands import (
    BookSeries,
    CancelSeries,
    ChangeSeries,
    CheckIn,
    occurrences,
)
from domains.bookings.hours import closed_spans, room_hours, within_hours
from domains.bookings.ics import bookings_ics
from domains.bookings.queries import BAKU, booking, free_rooms
from domains.catalog import CATALOG
from domains.command import CommandRefused
from domains.writes import apply_command
from server.booking_rules import release_step
from tests.demo import DemoServer
from tests.domains.bookings.slots import evening_slot
from tests.domains.bookings.test_commands import book, first_room, snapshot


class FakeClock:
    """The demo server's clock while a test runs (check-in and release read it)."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def server_clock(demo_server: DemoServer) -> Iterator[FakeClock]:
    app = demo_server.server.app
    real = app.state.services
    clock = FakeClock(datetime.now(UTC))
    app.state.services = dataclasses.replace(real, clock=clock)
    try:
        yield clock
    finally:
        app.state.services = real


def series_rows(session: Session, series_id: str) -> list[tuple[str, str, str]]:
    return [
        (str(r[0]), str(r[1]), str(r[2]))
        for r in session.cache.db.conn.execute(
            "SELECT start, title, status FROM bookings "
            "WHERE json_extract(record, '$.series_id') = ? ORDER BY start",
            (series_id,),
        )
    ]


def test_a_series_is_one_queued_change_and_the_whole_series_can_be_changed(
    mine: Session,
) -> None:
    db = mine.cache.db
    room_id, _ = first_room(db)
    planned = tuple(occurrences(*evening_slot(days_ahead=40), "daily", count=3))
    applied = apply_command(
        db, BookSeries(room_id, "Gündəlik", planned, [], mine.user, datetime.now(UTC))
    )
    assert [e.path for e in Outbox(db, CATALOG).all()] == ["/booking-series"]
    assert booking(db, str(applied.write.record["id"])) is not None  # pending at once
    assert mine.sync_engine().run().pushed == 1
    first = db.conn.execute(
        "SELECT record FROM bookings WHERE room_id = ? AND start = ?",
        (room_id, planned[0][0].astimezone(UTC).isoformat()),
    ).fetchone()
    series_id = str(json.loads(first[0])["series_id"])
    rows = series_rows(mine, series_id)
    assert [r[0] for r in rows] == [s.astimezone(UTC).isoformat() for s, _ in planned]

    occurrence_id = db.conn.execute(
        "SELECT id FROM bookings WHERE json_extract(record, '$.series_id') = ? ORDER BY start",
        (series_id,),
    ).fetchone()[0]
    apply_command(
        db, ChangeSeries(occurrence_id, mine.user, title="Yeni ad", start_time=time(19, 30))
    )
    assert mine.sync_engine().run().pushed == 1
    rows = series_rows(mine, series_id)
    assert {r[1] for r in rows} == {"Yeni ad"}
    assert [datetime.fromisoformat(r[0]).astimezone(BAKU).time() for r in rows] == [
        time(19, 30)
    ] * 3

    apply_command(db, CancelSeries(occurrence_id, mine.user))  # the series is at version 2
    assert mine.sync_engine().run().pushed == 1
    assert [r[2] for r in series_rows(mine, series_id)] == ["cancelled"] * 3


def test_outside_opening_hours_is_refused_before_anything_is_queued(mine: Session) -> None:
    db = mine.cache.db
    room_id, _ = first_room(db)
    hours = room_hours(db, room_id)
    assert hours is not None  # the demo's rooms come with their building's hours
    start, _ = evening_slot()
    late = start.replace(hour=22, minute=30)
    before = snapshot(db)
    with pytest.raises(CommandRefused) as refused:
        book(mine, late, late + timedelta(hours=1), room_id)
    assert [(p.field, p.code) for p in refused.value.problems] == [("start", "closed")]
    assert snapshot(db) == before
    assert closed_spans(hours, late.date()) == [(time(0, 0), time(7, 0)), (time(22, 0), time.max)]


def test_check_in_is_queued_and_sent_and_a_ghost_booking_is_released(
    mine: Session, server_clock: FakeClock, demo_server: DemoServer
) -> None:
    db = mine.cache.db
    room_id, _ = first_room(db)
    start, end = evening_slot(days_ahead=50)  # and the day after: days of its own
    attended = book(mine, start, end, room_id, "Gəldik")
    ghost = book(mine, start + timedelta(days=1), end + timedelta(days=1), room_id, "Ruh")
    mine.sync_engine().run()
    attended_id = db.conn.execute(
        "SELECT id FROM bookings WHERE room_id = ? AND title = 'Gəldik'", (room_id,)
    ).fetchone()[0]
    ghost_id = db.conn.execute(
        "SELECT id FROM bookings WHERE room_id = ? AND title = 'Ruh'", (room_id,)
    ).fetchone()[0]
    assert attended != attended_id and ghost != ghost_id  # the server's ids now

    with pytest.raises(CommandRefused) as early:
        apply_command(db, CheckIn(attended_id, mine.user, start - timedelta(hours=1)))
    assert [p.code for p in early.value.problems] == ["not_yet"]
    server_clock.now = start + timedelta(minutes=5)
    apply_command(db, CheckIn(attended_id, mine.user, server_clock.now))
    assert mine.sync_engine().run().pushed == 1
    checked = db.conn.execute(
        "SELECT json_extract(record, '$.checked_in_at') FROM bookings WHERE id = ?",
        (attended_id,),
    ).fetchone()[0]
    assert checked == server_clock.now.astimezone(UTC).replace(microsecond=0).isoformat()

    next_day = start + timedelta(days=1)
    assert room_id not in {r.id for r in free_rooms(db, next_day, next_day + timedelta(hours=1))}
    server_clock.now = next_day + timedelta(minutes=15)
    assert ghost_id in release_step(demo_server.server.app.state.services)
    mine.sync_engine().run()
    released = booking(db, ghost_id)
    assert released is not None and released.status == "released"
    assert b"STATUS:CANCELLED" in bookings_ics(db, [released], server_clock.now)
    assert room_id in {r.id for r in free_rooms(db, next_day, next_day + timedelta(hours=1))}
    with pytest.raises(CommandRefused) as late:
        apply_command(db, CheckIn(ghost_id, mine.user, server_clock.now))
    assert [p.code for p in late.value.problems] == ["too_late"]


def test_the_finder_filters_by_room_attributes(synced: Session) -> None:
    db = synced.cache.db
    start, end = evening_slot()
    everything = free_rooms(db, start, end)
    accessible = free_rooms(db, start, end, attributes=["accessible"])
    both = free_rooms(db, start, end, attributes=["accessible", "video_conference"])
    attributes = {
        str(r[0]): set(json.loads(r[1]))
        for r in db.conn.execute("SELECT id, json_extract(record, '$.attributes') FROM rooms")
    }
    assert {r.id for r in accessible} == {
        r.id for r in everything if "accessible" in attributes[r.id]
    }
    assert {r.id for r in both} == {
        r.id for r in everything if {"accessible", "video_conference"} <= attributes[r.id]
    }
    assert 0 < len(both) < len(accessible) < len(everything)


def test_the_demo_seed_books_only_within_its_rooms_opening_hours(synced: Session) -> None:
    db = synced.cache.db
    rooms = {
        str(r[0]): (json.loads(r[1]), json.loads(r[2]), json.loads(r[3]))
        for r in db.conn.execute(
            "SELECT id, json_extract(record, '$.opening_hours'), "
            "json_extract(record, '$.attributes'), json_extract(record, '$.equipment') FROM rooms"
        )
    }
    assert rooms and all(hours for hours, _, _ in rooms.values())
    for _hours, attributes, equipment in rooms.values():
        assert ("video_conference" in attributes) == ("videokonfrans" in equipment)
    outside = [
        (room_id, start)
        for room_id, start, end in db.conn.execute(
            "SELECT room_id, start, \"end\" FROM bookings WHERE id LIKE 'bkg-0%'"
        )
        if not within_hours(
            rooms[room_id][0], datetime.fromisoformat(start), datetime.fromisoformat(end)
        )
    ]
    assert outside == []
    assert db.conn.execute("SELECT count(*) FROM bookings WHERE id LIKE 'bkg-0%'").fetchone()[0]
