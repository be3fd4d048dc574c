"""Rooms' opening hours as the server sends them with each room (``opening_hours``: a
list of ``{weekday, open, close}`` in Asia/Baku time, ISO weekdays; null: always open).
The same rule as ``server/booking_rules.py``, so a booking outside them is refused before
it is queued offline, and the grid can shade the closed hours."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

import sqlite_utils

__all__ = ["OpeningHours", "closed_spans", "room_hours", "within_hours"]

OpeningHours = Sequence[Mapping[str, Any]] | None
BAKU = ZoneInfo("Asia/Baku")  # as queries.BAKU (which imports this module)


def room_hours(db: sqlite_utils.Database, room_id: str) -> OpeningHours:
    row = db.conn.execute(
        "SELECT json_extract(record, '$.opening_hours') FROM rooms WHERE id = ?", (room_id,)
    ).fetchone()
    if row is None or row[0] is None:
        return None
    hours: list[dict[str, Any]] = json.loads(row[0])
    return hours


def _interval(hours: Mapping[str, Any], day: date) -> tuple[datetime, datetime]:
    return (
        datetime.combine(day, time.fromisoformat(str(hours["open"])), BAKU),
        datetime.combine(day, time.fromisoformat(str(hours["close"])), BAKU),
    )


def within_hours(hours: OpeningHours, start: datetime, end: datetime) -> bool:
    """Whether [start, end) lies inside one day's opening interval (None: always open)."""
    if hours is None:
        return True
    local_start, local_end = start.astimezone(BAKU), end.astimezone(BAKU)
    for entry in hours:
        if int(entry["weekday"]) == local_start.isoweekday():
            opens, closes = _interval(entry, local_start.date())
            if opens <= local_start and local_end <= closes:
                return True
    return False


def closed_spans(hours: OpeningHours, day: date) -> list[tuple[time, time]]:
    """The closed parts of a Baku day as (from, to) clock times, ``time.max`` for the
    day's end: what the grid shades."""
    if hours is None:
        return []
    opened = sorted(
        (time.fromisoformat(str(h["open"])), time.fromisoformat(str(h["close"])))
        for h in hours
        if int(h["weekday"]) == day.isoweekday()
    )
    spans: list[tuple[time, time]] = []
    cursor = time.min
    for opens, closes in opened:
        if opens > cursor:
            spans.append((cursor, opens))
        cursor = max(cursor, closes)
    if cursor < time.max:
        spans.append((cursor, time.max))
    return spans
