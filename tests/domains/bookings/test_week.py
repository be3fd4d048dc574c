"""The week of one room and the clash test behind a drop in the grid, over the demo data
synced from the real server (and one booking on the week's last evening, booked through
the outbox)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time, timedelta

from client.session import Session
from domains.bookings.commands import BookRoom
from domains.bookings.queries import BAKU, BookingBlock
from domains.bookings.week import clash_in, is_mine, monday_of, room_week, rooms_by_id
from domains.writes import apply_command


def test_a_week_holds_every_booking_of_the_room_from_monday_to_sunday(mine: Session) -> None:
    db = mine.cache.db
    room_id = db.conn.execute("SELECT id FROM rooms ORDER BY id LIMIT 1").fetchone()[0]
    sunday_night = datetime.combine(  # the rooms close at 22:00 (their opening hours)
        monday_of(date.today() + timedelta(days=14)) + timedelta(days=6), time(20, 0), BAKU
    )
    apply_command(  # Sunday 20:00 to 22:00: the week's last evening, not the next week's
        db,
        BookRoom(
            room_id,
            "Gecə növbəsi",
            sunday_night,
            sunday_night + timedelta(hours=2),
            [],
            mine.user,
            datetime.now(UTC),
        ),
    )
    week = room_week(db, room_id, sunday_night.date())
    assert week.room is not None and week.room.id == room_id
    assert week.monday.weekday() == 0 and week.days()[-1] == sunday_night.date()
    first = datetime.combine(week.monday, time(0), BAKU)
    expected = sorted(
        (r["start"], r["id"])
        for r in (json.loads(row[0]) for row in db.conn.execute("SELECT record FROM bookings"))
        if r["room_id"] == room_id
        and r["status"] != "cancelled"
        and datetime.fromisoformat(r["start"]) < first + timedelta(days=7)
        and datetime.fromisoformat(r["end"]) > first
    )
    assert sorted((b.start.astimezone(UTC).isoformat(), b.id) for b in week.bookings) == expected
    night = [b for b in week.bookings if b.title == "Gecə növbəsi"]
    assert len(night) == 1 and night[0].pending and is_mine(night[0], str(mine.user["id"]))
    following = room_week(db, room_id, sunday_night.date() + timedelta(days=1))
    assert [b.title for b in following.bookings if b.title == "Gecə növbəsi"] == []
    assert room_week(db, "no-such-room", sunday_night.date()).room is None


def test_rooms_by_id_keep_the_order_asked_and_skip_unknown_ones(mine: Session) -> None:
    ids = [r[0] for r in mine.cache.db.conn.execute("SELECT id FROM rooms ORDER BY id LIMIT 3")]
    asked = [ids[2], "gone", ids[0]]
    assert [r.id for r in rooms_by_id(mine.cache.db, asked)] == [ids[2], ids[0]]


def block(booking_id: str, start: int, end: int, status: str = "confirmed") -> BookingBlock:
    day = datetime(2026, 12, 3, tzinfo=BAKU)
    return BookingBlock(
        booking_id,
        "room",
        booking_id,
        day + timedelta(hours=start),
        day + timedelta(hours=end),
        "p",
        "P",
        status,
        "synced",
        None,
    )


def test_a_drop_clashes_only_with_another_live_booking_it_overlaps() -> None:
    day = datetime(2026, 12, 3, tzinfo=BAKU)
    shown = [block("moved", 9, 10), block("gone", 10, 11, "cancelled"), block("other", 11, 12)]
    at = day + timedelta(hours=10)
    assert clash_in(shown, at, at + timedelta(hours=1), "moved") is None  # ends as 11 starts
    found = clash_in(shown, at, at + timedelta(minutes=75), "moved")
    assert found is not None and found.id == "other"
    assert clash_in(shown, day + timedelta(hours=9, minutes=15), at, "moved") is None
    assert clash_in(shown, day + timedelta(hours=9, minutes=15), at, None) is not None
