"""The bookings' reads over the cache: the day grid of a building, the free-room finder, a
refused booking's clashes and alternatives. No Qt; each runs on a worker
(``context.reads``), sorts and filters in SQL.

Times: the cache keeps the server's RFC 3339 strings in UTC (``records.iso``:
``2026-11-30T05:00:00+00:00``), so they compare as text. A booking lasts at most 24 hours
(the server's rule), so "overlaps [a, b)" is ``start < b AND start >= a - 24h AND end > a``:
a range on the ``(room_id, start)`` index, never a scan of the room's whole diary.
Local days and hours are Asia/Baku's (no daylight saving time since 2016; ``zoneinfo`` knows).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import sqlite_utils

from cache import sqlcipher_compat  # noqa: F401 - sqlite-utils catches sqlcipher3's errors
from domains.bookings.hours import closed_spans

__all__ = [
    "BAKU",
    "MAX_BOOKING",
    "Alternatives",
    "BookingBlock",
    "DayGrid",
    "PersonChoice",
    "RoomRow",
    "Slot",
    "alternatives_for",
    "as_of",
    "booking",
    "buildings",
    "clashes_of",
    "day_grid",
    "equipment_names",
    "floors",
    "free_rooms",
    "local_day_bounds",
    "people_to_invite",
    "utc_text",
]

BAKU = ZoneInfo("Asia/Baku")
MAX_BOOKING = timedelta(hours=24)
"""The server's longest booking: bounds every overlap query's index range."""


def utc_text(moment: datetime) -> str:
    """A time as the cache keeps it (the server's form): UTC, to the second."""
    if moment.tzinfo is None:
        raise ValueError("a time without a zone")
    return moment.astimezone(UTC).replace(microsecond=0).isoformat()


def _parse(text: str) -> datetime:
    return datetime.fromisoformat(text)


def local_day_bounds(day: date) -> tuple[datetime, datetime]:
    """Baku's midnight of ``day`` and of the day after, as aware times."""
    start = datetime.combine(day, time(0), BAKU)
    return start, datetime.combine(day + timedelta(days=1), time(0), BAKU)


@dataclass(frozen=True)
class RoomRow:
    id: str
    name: str
    building: str
    floor: str
    capacity: int
    equipment: tuple[str, ...]


@dataclass(frozen=True)
class BookingBlock:
    """One booking as the grid draws it; ``sync_state`` other than ``synced``: a mark."""

    id: str
    room_id: str
    title: str
    start: datetime
    end: datetime
    organizer_id: str
    organizer_name: str
    status: str
    sync_state: str
    sync_error: str | None
    version: int = 0
    attendee_ids: tuple[str, ...] = ()

    @property
    def pending(self) -> bool:
        return self.sync_state != "synced"


@dataclass(frozen=True)
class DayGrid:
    """A building's rooms (rows) and their bookings on one Baku day."""

    day: date
    rooms: list[RoomRow]
    bookings: dict[str, list[BookingBlock]] = field(default_factory=dict)
    as_of: datetime | None = None
    closed: dict[str, list[tuple[time, time]]] = field(default_factory=dict)
    """Each room's closed hours that day (its opening hours), for the grid to shade."""


_ROOM_COLUMNS = (
    "r.id, r.name, r.building, r.floor, r.capacity, json_extract(r.record, '$.equipment')"
)


def _room(row: Sequence[object]) -> RoomRow:
    equipment = json.loads(str(row[5])) if row[5] else []
    return RoomRow(
        str(row[0]), str(row[1]), str(row[2]), str(row[3]), int(str(row[4])), tuple(equipment)
    )


_BOOKING_COLUMNS = (
    'b.id, b.room_id, b.title, b.start, b."end", b.organizer_id, '
    "coalesce(p.full_name, b.organizer_id), b.status, b.sync_state, b.sync_error, b.version, "
    "json_extract(b.record, '$.attendee_ids')"
)


def _block(row: Sequence[object]) -> BookingBlock:
    attendees = json.loads(str(row[11])) if row[11] else []
    return BookingBlock(
        id=str(row[0]),
        room_id=str(row[1]),
        title=str(row[2]),
        start=_parse(str(row[3])),
        end=_parse(str(row[4])),
        organizer_id=str(row[5]),
        organizer_name=str(row[6]),
        status=str(row[7]),
        sync_state=str(row[8]),
        sync_error=None if row[9] is None else str(row[9]),
        version=int(str(row[10])),
        attendee_ids=tuple(attendees),
    )


def buildings(db: sqlite_utils.Database) -> list[str]:
    return [str(r[0]) for r in db.conn.execute("SELECT DISTINCT building FROM rooms ORDER BY 1")]


def floors(db: sqlite_utils.Database, building: str) -> list[str]:
    rows = db.conn.execute(
        "SELECT DISTINCT floor FROM rooms WHERE building = ? ORDER BY CAST(floor AS INTEGER)",
        (building,),
    )
    return [str(r[0]) for r in rows]


def equipment_names(db: sqlite_utils.Database) -> list[str]:
    """Every piece of equipment some room has, for the finder's choice."""
    rows = db.conn.execute(
        "SELECT DISTINCT e.value FROM rooms r, json_each(r.record, '$.equipment') e ORDER BY 1"
    )
    return [str(r[0]) for r in rows]


def as_of(db: sqlite_utils.Database) -> datetime | None:
    """When the bookings were last synced: what "free" is as of."""
    row = db.conn.execute(
        "SELECT last_sync_at FROM collections_state WHERE collection = 'bookings' AND scope = ''"
    ).fetchone()
    return None if row is None or row[0] is None else _parse(str(row[0]))


_SHOWN = "(b.status NOT IN ('cancelled', 'released') OR b.sync_state <> 'synced')"
"""Cancelled and released bookings (nobody checked in: the server gave the room up) free
their time; one cancelled here stays visible until confirmed."""


def day_grid(
    db: sqlite_utils.Database,
    building: str | None,
    day: date,
    floor: str | None = None,
    *,
    room_ids: Sequence[str] | None = None,
) -> DayGrid:
    """The rooms of ``building`` (None: every building; one ``floor`` or all) by floor and
    name, and every booking shown on that Baku day, in two queries. ``room_ids``: only
    those rooms (the user's favourites, from any building)."""
    where, params = "1", []
    if building is not None:
        where, params = "r.building = ?", [building]
    if room_ids is not None:
        where += " AND r.id IN (SELECT value FROM json_each(?))"
        params.append(json.dumps(list(room_ids)))
    if floor is not None:
        where += " AND r.floor = ?"
        params.append(floor)
    rooms = [
        _room(r)
        for r in db.conn.execute(
            f"SELECT {_ROOM_COLUMNS} FROM rooms r WHERE {where} "
            "ORDER BY r.building, CAST(r.floor AS INTEGER), r.sort_key, r.id",
            params,
        )
    ]
    first, last = local_day_bounds(day)
    rows = db.conn.execute(
        f"SELECT {_BOOKING_COLUMNS} FROM rooms r JOIN bookings b ON b.room_id = r.id "
        "LEFT JOIN people p ON p.id = b.organizer_id "
        f'WHERE {where} AND b.start < ? AND b.start >= ? AND b."end" > ? AND {_SHOWN} '
        "ORDER BY b.room_id, b.start",
        [*params, utc_text(last), utc_text(first - MAX_BOOKING), utc_text(first)],
    )
    by_room: dict[str, list[BookingBlock]] = {}
    for row in rows:
        block = _block(row)
        by_room.setdefault(block.room_id, []).append(block)
    return DayGrid(day, rooms, by_room, as_of(db), _closed_hours(db, where, params, day))


def _closed_hours(
    db: sqlite_utils.Database, where: str, params: list[str], day: date
) -> dict[str, list[tuple[time, time]]]:
    """Closed spans per room, worked out once per distinct set of hours (a building's)."""
    spans_of: dict[str, list[tuple[time, time]]] = {}
    closed: dict[str, list[tuple[time, time]]] = {}
    for room_id, hours in db.conn.execute(
        f"SELECT r.id, json_extract(r.record, '$.opening_hours') FROM rooms r WHERE {where}",
        params,
    ):
        if hours is None:
            continue
        if hours not in spans_of:
            spans_of[hours] = closed_spans(json.loads(hours), day)
        if spans_of[hours]:
            closed[str(room_id)] = spans_of[hours]
    return closed


def booking(db: sqlite_utils.Database, booking_id: str) -> BookingBlock | None:
    row = db.conn.execute(
        f"SELECT {_BOOKING_COLUMNS} FROM bookings b LEFT JOIN people p ON p.id = b.organizer_id "
        "WHERE b.id = ?",
        (booking_id,),
    ).fetchone()
    return None if row is None else _block(row)


def _overlapping(ignore: str | None) -> str:
    clause = (
        "SELECT 1 FROM bookings b WHERE b.room_id = r.id "
        "AND b.status NOT IN ('cancelled', 'released') "
        'AND b.start < :end AND b.start >= :earliest AND b."end" > :start'
    )
    return clause + (" AND b.id <> :ignore" if ignore is not None else "")


def free_rooms(
    db: sqlite_utils.Database,
    start: datetime,
    end: datetime,
    *,
    capacity: int = 1,
    equipment: Sequence[str] = (),
    building: str | None = None,
    ignore_booking: str | None = None,
    limit: int = 200,
    attributes: Sequence[str] = (),
) -> list[RoomRow]:
    """Rooms free for all of [start, end), holding ``capacity`` people and having every
    piece of ``equipment``: smallest fitting room first (a big hall stays free for big
    meetings). From the cache alone: right as of the last sync (``as_of``)."""
    if end <= start:
        raise ValueError("the end must come after the start")
    wanted = sorted(set(equipment))
    params: dict[str, object] = {
        "start": utc_text(start),
        "end": utc_text(end),
        "earliest": utc_text(start - MAX_BOOKING),
        "capacity": capacity,
        "building": building,
        "ignore": ignore_booking,
        "wanted": len(wanted),
        "limit": limit,
    }
    marks = ", ".join(f":e{i}" for i in range(len(wanted)))
    params.update({f"e{i}": name for i, name in enumerate(wanted)})
    equipment_test = (
        "AND (SELECT count(DISTINCT e.value) FROM json_each(r.record, '$.equipment') e "
        f"WHERE e.value IN ({marks})) = :wanted "
        if wanted
        else ""
    )
    traits = sorted(set(attributes))
    params.update({f"a{i}": name for i, name in enumerate(traits)})
    params["traits"] = len(traits)
    trait_marks = ", ".join(f":a{i}" for i in range(len(traits)))
    attribute_test = (
        "AND (SELECT count(DISTINCT a.value) FROM json_each(r.record, '$.attributes') a "
        f"WHERE a.value IN ({trait_marks})) = :traits "
        if traits
        else ""
    )
    rows = db.conn.execute(
        f"SELECT {_ROOM_COLUMNS} FROM rooms r "
        "WHERE r.capacity >= :capacity AND (:building IS NULL OR r.building = :building) "
        f"{equipment_test}{attribute_test}"
        f"AND NOT EXISTS ({_overlapping(ignore_booking)}) "
        "ORDER BY r.capacity, r.building, r.sort_key, r.id LIMIT :limit",
        params,
    )
    return [_room(r) for r in rows]


def clashes_of(db: sqlite_utils.Database, booking_id: str) -> list[BookingBlock]:
    """The bookings of the same room that overlap this one (what a refusal clashed with)."""
    own = booking(db, booking_id)
    if own is None:
        return []
    rows = db.conn.execute(
        f"SELECT {_BOOKING_COLUMNS} FROM bookings b LEFT JOIN people p ON p.id = b.organizer_id "
        "WHERE b.room_id = ? AND b.id <> ? AND b.status NOT IN ('cancelled', 'released') "
        'AND b.start < ? AND b.start >= ? AND b."end" > ? ORDER BY b.start',
        (
            own.room_id,
            own.id,
            utc_text(own.end),
            utc_text(own.start - MAX_BOOKING),
            utc_text(own.start),
        ),
    )
    return [_block(r) for r in rows]


@dataclass(frozen=True)
class Slot:
    room: RoomRow
    start: datetime
    end: datetime


@dataclass(frozen=True)
class Alternatives:
    """What a refused booking could be instead: other rooms free at that time (as big and
    as equipped), and the nearest free time of the same length in the same room."""

    clashes: list[BookingBlock]
    other_rooms: list[Slot]
    same_room: Slot | None


def _room_by_id(db: sqlite_utils.Database, room_id: str) -> RoomRow | None:
    row = db.conn.execute(
        f"SELECT {_ROOM_COLUMNS} FROM rooms r WHERE r.id = ?", (room_id,)
    ).fetchone()
    return None if row is None else _room(row)


def nearest_free_slot(
    db: sqlite_utils.Database,
    room_id: str,
    start: datetime,
    end: datetime,
    *,
    not_before: datetime,
    ignore_booking: str | None = None,
    search_days: int = 7,
) -> tuple[datetime, datetime] | None:
    """The free stretch of the same length in ``room_id`` whose start is nearest to
    ``start`` (before or after, never before ``not_before``), within ``search_days``."""
    length = end - start
    window_start, window_end = (
        start - timedelta(days=search_days),
        end + timedelta(days=search_days),
    )
    busy = [
        (_parse(str(r[0])), _parse(str(r[1])))
        for r in db.conn.execute(
            'SELECT start, "end" FROM bookings WHERE room_id = ? '
            "AND status NOT IN ('cancelled', 'released') "
            "AND id <> coalesce(?, '') AND start < ? AND start >= ? AND \"end\" > ? ORDER BY start",
            (
                room_id,
                ignore_booking,
                utc_text(window_end),
                utc_text(window_start - MAX_BOOKING),
                utc_text(window_start),
            ),
        )
    ]
    candidates = {start}
    for busy_start, busy_end in busy:
        candidates.update((busy_end, busy_start - length))
    best: datetime | None = None
    for candidate in sorted(candidates, key=lambda c: (abs(c - start), c)):
        if candidate < not_before or not window_start <= candidate <= window_end:
            continue
        if all(candidate >= b_end or candidate + length <= b_start for b_start, b_end in busy):
            best = candidate
            break
    return None if best is None else (best, best + length)


def alternatives_for(
    db: sqlite_utils.Database, booking_id: str, now: datetime, rooms_wanted: int = 5
) -> Alternatives | None:
    """For a booking the server refused (``booking_conflict``): what it clashed with, as the
    cache knows it after the sync, and the nearest alternatives. None: no such booking."""
    own = booking(db, booking_id)
    if own is None:
        return None
    room = _room_by_id(db, own.room_id)
    if room is None:
        return Alternatives(clashes_of(db, booking_id), [], None)

    def fitting(equipment: Sequence[str]) -> list[RoomRow]:
        return free_rooms(
            db,
            own.start,
            own.end,
            capacity=room.capacity,
            equipment=equipment,
            ignore_booking=booking_id,
            limit=rooms_wanted * 4,
        )

    # As big and as equipped first; then as big (no other room has all of its equipment).
    others = [r for r in fitting(room.equipment) if r.id != room.id]
    if len(others) < rooms_wanted:
        known = {r.id for r in others} | {room.id}
        others += [r for r in fitting(()) if r.id not in known]
    others.sort(
        key=lambda r: (
            not set(room.equipment) <= set(r.equipment),
            r.building != room.building,
            r.capacity,
            r.name,
        )
    )
    nearest = nearest_free_slot(
        db, room.id, own.start, own.end, not_before=now, ignore_booking=booking_id
    )
    return Alternatives(
        clashes_of(db, booking_id),
        [Slot(r, own.start, own.end) for r in others[:rooms_wanted]],
        None if nearest is None else Slot(room, *nearest),
    )


@dataclass(frozen=True)
class PersonChoice:
    id: str
    full_name: str
    position: str


def people_to_invite(db: sqlite_utils.Database, text: str, limit: int = 8) -> list[PersonChoice]:
    """Attendees picked from the directory in the cache: people whose full name contains
    every typed word (case-insensitive as SQLite folds ASCII; the directory's own search
    stays in its domain), by name."""
    words = [w for w in text.split() if w][:5]
    if not words:
        return []
    where = " AND ".join("full_name LIKE ? ESCAPE '\\'" for _ in words)
    escaped = [w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") for w in words]
    rows = db.conn.execute(
        f"SELECT id, full_name, position FROM people WHERE {where} ORDER BY full_name LIMIT ?",
        [*(f"%{w}%" for w in escaped), limit],
    )
    return [PersonChoice(str(r[0]), str(r[1]), str(r[2] or "")) for r in rows]
