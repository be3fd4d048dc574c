"""How a queued change to a booking reads: "Booking of <room>: <title>, <day time>"
(new), "Change of booking …" (moved), "Cancellation of booking …"."""

from __future__ import annotations

from datetime import datetime

import sqlite_utils

from cache.outbox import OutboxEntry
from domains.bookings.queries import BAKU
from domains.changes import ChangeDescription

__all__ = ["describe_booking_change"]

KINDS = {"POST": "booking_new", "PATCH": "booking_changed", "DELETE": "booking_cancelled"}
_SERIES_FIELDS = {"start_time": "start", "end_time": "end"}


def _subject(db: sqlite_utils.Database, record_id: str | None) -> str:
    if record_id is None:
        return ""
    row = db.conn.execute(
        "SELECT b.title, b.start, coalesce(r.name, b.room_id) FROM bookings b "
        "LEFT JOIN rooms r ON r.id = b.room_id WHERE b.id = ?",
        (record_id,),
    ).fetchone()
    if row is None:
        return record_id
    start = datetime.fromisoformat(str(row[1])).astimezone(BAKU)
    return f"{row[2]}, {start:%Y-%m-%d %H:%M}: {row[0]}"


def describe_booking_change(db: sqlite_utils.Database, entry: OutboxEntry) -> ChangeDescription:
    """The kind by method; a change lists the fields it sends (room, start, end, title)."""
    body = entry.body if isinstance(entry.body, dict) else {}
    fields = tuple(sorted(body)) if entry.method == "PATCH" else ()
    if entry.path.startswith("/booking-series/"):  # the whole series: its Baku times
        fields = tuple(sorted({_SERIES_FIELDS.get(name, name) for name in fields}))
    kind = KINDS.get(entry.method, "booking_changed")
    if entry.path.endswith("/check-in"):
        kind = "booking_changed"
    return ChangeDescription(kind, _subject(db, entry.record_id), fields)
