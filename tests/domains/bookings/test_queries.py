"""The day grid and the free-room finder over the demo data synced from the real server,
checked against the same answer worked out in Python from every record."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from typing import Any

import pytest
import sqlite_utils

from client.session import Session
from domains.bookings.queries import (
    BAKU,
    buildings,
    day_grid,
    equipment_names,
    floors,
    free_rooms,
    local_day_bounds,
    people_to_invite,
)


@pytest.fixture
def db(synced: Session) -> sqlite_utils.Database:
    return synced.cache.db


def all_rooms(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    return [json.loads(r[0]) for r in db.conn.execute("SELECT record FROM rooms")]


def all_bookings(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    return [json.loads(r[0]) for r in db.conn.execute("SELECT record FROM bookings")]


def busiest_weekday(db: sqlite_utils.Database) -> date:
    row = db.conn.execute(
        "SELECT substr(start, 1, 10) AS d FROM bookings GROUP BY d ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()
    return date.fromisoformat(row[0])


def overlaps(record: dict[str, Any], start: datetime, end: datetime) -> bool:
    return (
        datetime.fromisoformat(record["start"]) < end
        and datetime.fromisoformat(record["end"]) > start
    )


def test_the_day_grid_holds_every_room_of_the_building_and_each_booking_of_the_day(
    db: sqlite_utils.Database,
) -> None:
    day = busiest_weekday(db)
    building = buildings(db)[0]
    grid = day_grid(db, building, day)

    expected_rooms = {r["id"] for r in all_rooms(db) if r["building"] == building}
    assert {r.id for r in grid.rooms} == expected_rooms
    first, last = local_day_bounds(day)
    expected = {
        b["id"]
        for b in all_bookings(db)
        if b["room_id"] in expected_rooms
        and b["status"] == "confirmed"
        and overlaps(b, first, last)
    }
    shown = {block.id for blocks in grid.bookings.values() for block in blocks}
    assert expected and shown == expected
    for room_id, blocks in grid.bookings.items():
        assert all(b.room_id == room_id for b in blocks)
        assert [b.start for b in blocks] == sorted(b.start for b in blocks)
    assert grid.as_of is not None


def test_a_floor_shows_only_its_rooms(db: sqlite_utils.Database) -> None:
    building = buildings(db)[0]
    floor = floors(db, building)[0]
    grid = day_grid(db, building, busiest_weekday(db), floor)
    assert grid.rooms and {r.floor for r in grid.rooms} == {floor}


@pytest.mark.parametrize(("hour", "capacity", "wanted"), [(10, 1, 0), (11, 8, 1), (14, 12, 2)])
def test_the_finder_returns_exactly_the_free_rooms_that_fit(
    db: sqlite_utils.Database, hour: int, capacity: int, wanted: int
) -> None:
    day = busiest_weekday(db)
    start = datetime.combine(day, time(hour), BAKU)
    end = start + timedelta(hours=1)
    equipment = equipment_names(db)[:wanted]

    found = free_rooms(db, start, end, capacity=capacity, equipment=equipment)

    busy = {
        b["room_id"]
        for b in all_bookings(db)
        if b["status"] == "confirmed" and overlaps(b, start, end)
    }
    expected = {
        r["id"]
        for r in all_rooms(db)
        if r["capacity"] >= capacity
        and set(equipment) <= set(r["equipment"])
        and r["id"] not in busy
    }
    assert {r.id for r in found} == expected
    assert [r.capacity for r in found] == sorted(r.capacity for r in found)
    assert busy  # the hour is not trivially free


def test_the_finder_refuses_an_end_before_the_start(db: sqlite_utils.Database) -> None:
    start = datetime(2026, 5, 4, 10, tzinfo=BAKU)
    with pytest.raises(ValueError):
        free_rooms(db, start, start)


def test_a_building_restricts_the_finder(db: sqlite_utils.Database) -> None:
    building = buildings(db)[1]
    start = datetime.combine(busiest_weekday(db), time(20), BAKU)
    found = free_rooms(db, start, start + timedelta(hours=1), building=building)
    assert found and {r.building for r in found} == {building}


def test_attendees_are_found_by_the_words_of_their_name(db: sqlite_utils.Database) -> None:
    full_name = db.conn.execute("SELECT full_name FROM people ORDER BY id LIMIT 1").fetchone()[0]
    family, given = full_name.split()[:2]
    found = people_to_invite(db, f"{given} {family}")
    assert full_name in [p.full_name for p in found]
    assert all(given in p.full_name and family in p.full_name for p in found)
    assert people_to_invite(db, "   ") == []
    assert people_to_invite(db, "%_\\") == []
