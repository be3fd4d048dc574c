"""A series changed on both sides: the conflict screen's two sides as a series.

A change to a whole series is queued on the occurrence it was made from and sent to
``/booking-series/{id}`` with the series' version; a 412 brings back the server's
series record (title, room, frequency, status, version), not a booking. These sides say
what each version of the series is: title, room, weekdays, Baku time, first and last
date, and how many occurrences. Mine is the occurrence as I changed it over the series'
occurrences the cache holds; theirs the server's series over its occurrences as the
last sync brought them (those written at the server's series version).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

import sqlite_utils

from cache.outbox import Outbox
from cache.schema import Catalog
from cache.store import is_parent_side
from domains.bookings.queries import BAKU
from domains.changes import ConflictSides

__all__ = ["SERIES_KIND", "series_sides"]

SERIES_KIND = "booking_series"
"""``ConflictSides.kind`` of a series conflict; its fields are ``SERIES_FIELDS``."""

SERIES_FIELDS = ("title", "room", "weekdays", "time", "dates", "occurrences")


def _room_name(db: sqlite_utils.Database, room_id: Any) -> str:
    row = db.conn.execute("SELECT name FROM rooms WHERE id = ?", (str(room_id),)).fetchone()
    return str(row[0]) if row else str(room_id or "")


def _local(value: Any) -> datetime:
    return datetime.fromisoformat(str(value)).astimezone(BAKU)


def _time(occurrence: Mapping[str, Any]) -> str:
    return f"{_local(occurrence['start']):%H:%M}–{_local(occurrence['end']):%H:%M}"


def _recurrence(occurrences: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """Weekdays (ISO numbers, Monday 1), Baku time, first and last date, how many: of
    the confirmed occurrences."""
    kept = sorted(
        (o for o in occurrences if o.get("status") == "confirmed"), key=lambda o: str(o["start"])
    )
    if not kept:
        return {"weekdays": [], "time": "", "dates": "", "occurrences": 0}
    first, last = kept[0], kept[-1]
    start, end = _local(first["start"]), _local(first["end"])
    days = sorted({_local(o["start"]).isoweekday() for o in kept})
    return {
        "weekdays": days,
        "time": f"{start:%H:%M}–{end:%H:%M}",
        "dates": f"{start:%Y-%m-%d} – {_local(last['start']):%Y-%m-%d}",
        "occurrences": len(kept),
    }


def series_sides(
    db: sqlite_utils.Database, catalog: Catalog, sides: ConflictSides
) -> ConflictSides:
    """``sides`` of a booking whose series change met a newer series on the server, as a
    series (``kind`` ``SERIES_KIND``); any other conflict as it is."""
    theirs = sides.theirs
    if sides.collection != "bookings" or not is_parent_side(theirs, sides.record_id):
        return sides
    mine = sides.mine
    series_id = str(theirs["id"])
    others = [
        json.loads(row[0])
        for row in db.conn.execute(
            "SELECT record FROM bookings WHERE json_extract(record, '$.series_id') = ? AND id != ?",
            (series_id, sides.record_id),
        )
    ]
    _known, base = Outbox(db, catalog).base("bookings", sides.record_id)
    server_copy = base or mine  # the occurrence as the server last sent it
    theirs_version = theirs.get("version")
    at_theirs = [o for o in others if o.get("series_version") == theirs_version]
    their_occurrences = [*at_theirs, server_copy]
    if theirs.get("status") == "cancelled":
        their_occurrences = []
    their_times = (at_theirs or [server_copy])[0]
    return ConflictSides(
        collection=sides.collection,
        record_id=sides.record_id,
        mine={
            "title": mine.get("title"),
            "room": _room_name(db, mine.get("room_id")),
            **_recurrence([*others, mine]),
            "time": _time(mine),
        },
        theirs={
            "title": theirs.get("title"),
            "room": _room_name(db, theirs.get("room_id")),
            **_recurrence(their_occurrences),
            **({"time": _time(their_times)} if their_occurrences else {}),
        },
        changed_by=sides.changed_by,
        changed_at=sides.changed_at,
        kind=SERIES_KIND,
        parent_version=int(theirs_version) if theirs_version is not None else None,
    )
