"""A week of one room (Monday to Sunday, Baku days) and where a booking may be moved: the
reads behind the week view and behind dragging a booking in the day grid. No Qt."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import sqlite_utils

from domains.bookings import queries
from domains.bookings.queries import (
    MAX_BOOKING,
    BookingBlock,
    RoomRow,
    as_of,
    local_day_bounds,
    utc_text,
)

__all__ = ["RoomWeek", "clash_in", "is_mine", "monday_of", "room_week", "rooms_by_id"]


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True)
class RoomWeek:
    """One room's bookings from ``monday`` 00:00 to the next Monday 00:00 (Baku)."""

    room: RoomRow | None
    monday: date
    bookings: list[BookingBlock]
    as_of: datetime | None = None

    def days(self) -> list[date]:
        return [self.monday + timedelta(days=i) for i in range(7)]


def room_week(db: sqlite_utils.Database, room_id: str, day: date) -> RoomWeek:
    """The week (Monday first) holding ``day`` of ``room_id``: one range on the
    ``(room_id, start)`` index. An unknown room: ``room`` None and no bookings."""
    monday = monday_of(day)
    row = db.conn.execute(
        f"SELECT {queries._ROOM_COLUMNS} FROM rooms r WHERE r.id = ?", (room_id,)
    ).fetchone()
    if row is None:
        return RoomWeek(None, monday, [], as_of(db))
    first, _ = local_day_bounds(monday)
    last = first + timedelta(days=7)
    rows = db.conn.execute(
        f"SELECT {queries._BOOKING_COLUMNS} FROM bookings b "
        "LEFT JOIN people p ON p.id = b.organizer_id "
        f'WHERE b.room_id = ? AND b.start < ? AND b.start >= ? AND b."end" > ? '
        f"AND {queries._SHOWN} ORDER BY b.start",
        (room_id, utc_text(last), utc_text(first - MAX_BOOKING), utc_text(first)),
    )
    return RoomWeek(queries._room(row), monday, [queries._block(r) for r in rows], as_of(db))


def rooms_by_id(db: sqlite_utils.Database, room_ids: Iterable[str]) -> list[RoomRow]:
    """The rooms named (favourites kept in the preferences), in the order asked; a room
    the cache no longer knows is left out."""
    wanted = list(dict.fromkeys(room_ids))
    if not wanted:
        return []
    marks = ", ".join("?" for _ in wanted)
    found = {
        room.id: room
        for room in (
            queries._room(r)
            for r in db.conn.execute(
                f"SELECT {queries._ROOM_COLUMNS} FROM rooms r WHERE r.id IN ({marks})", wanted
            )
        )
    }
    return [found[i] for i in wanted if i in found]


def is_mine(block: BookingBlock, user_id: str) -> bool:
    """Organized by the user or with them among the attendees."""
    return block.organizer_id == user_id or user_id in block.attendee_ids


def clash_in(
    blocks: Sequence[BookingBlock], start: datetime, end: datetime, ignore: str | None
) -> BookingBlock | None:
    """The first booking shown in ``blocks`` that [start, end) would overlap (a drop the
    grid refuses before anything is queued); cancelled ones free their time."""
    for block in blocks:
        if block.id == ignore or block.status == "cancelled":
            continue
        if block.start < end and start < block.end:
            return block
    return None
