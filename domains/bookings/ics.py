"""Bookings as iCalendar (RFC 5545) for Outlook and Thunderbird, built with ``icalendar``
(docs/bookings.md says why).

- Times are written in Asia/Baku with a VTIMEZONE for it, so a client places them at
  the right local time whatever its own zone (without one, Outlook guessed 1-2 hours off).
- UID: stable per booking (``<booking id>@intranet.ministry``), so importing the file
  again updates the event instead of adding a second one; SEQUENCE is the booking's
  server version, raised on every change.
- A cancelled booking is ``STATUS:CANCELLED`` (METHOD stays PUBLISH).
- Lines are folded at 75 octets by the library, never inside a UTF-8 sequence.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

import sqlite_utils
from icalendar import Calendar, Event

from domains.bookings.queries import BAKU, BookingBlock, booking

__all__ = ["PRODID", "UID_DOMAIN", "booking_uid", "bookings_ics", "my_bookings"]

PRODID = "-//Ministry Intranet//Bookings//AZ"
UID_DOMAIN = "intranet.ministry"


def booking_uid(booking_id: str) -> str:
    return f"{booking_id}@{UID_DOMAIN}"


def _room_name(db: sqlite_utils.Database, room_id: str) -> str:
    row = db.conn.execute("SELECT name, building FROM rooms WHERE id = ?", (room_id,)).fetchone()
    return room_id if row is None else f"{row[0]} ({row[1]})"


def bookings_ics(
    db: sqlite_utils.Database, blocks: Iterable[BookingBlock], stamp: datetime
) -> bytes:
    """One VCALENDAR with a VEVENT per booking and the Asia/Baku VTIMEZONE."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    for block in blocks:
        event = Event()
        event.add("uid", booking_uid(block.id))
        event.add("dtstamp", stamp.astimezone(UTC))
        event.add("sequence", block.version)
        event.add("summary", block.title)
        event.add("location", _room_name(db, block.room_id))
        event.add("dtstart", block.start.astimezone(BAKU))
        event.add("dtend", block.end.astimezone(BAKU))
        event.add(
            "status",
            "CANCELLED" if block.status in ("cancelled", "released") else "CONFIRMED",
        )
        event.add(
            "organizer", f"urn:uuid:{block.organizer_id}", parameters={"CN": block.organizer_name}
        )
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return bytes(calendar.to_ical())


def my_bookings(db: sqlite_utils.Database, person_id: str, since: datetime) -> list[BookingBlock]:
    """The person's bookings (organizer or attendee) ending after ``since``, soonest first."""
    rows = db.conn.execute(
        'SELECT b.id FROM bookings b WHERE b."end" > ? AND (b.organizer_id = ? OR EXISTS '
        "(SELECT 1 FROM json_each(b.record, '$.attendee_ids') a WHERE a.value = ?)) "
        "ORDER BY b.start, b.id",
        (since.astimezone(UTC).replace(microsecond=0).isoformat(), person_id, person_id),
    )
    found = (booking(db, str(r[0])) for r in rows)
    return [b for b in found if b is not None]
