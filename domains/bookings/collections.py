"""The bookings' collections: meeting rooms and their bookings (API.md, "Records")."""

from __future__ import annotations

from cache.schema import ARRAY, INTEGER, STRING, CollectionSpec, Field, SqlType

__all__ = ["BOOKINGS", "ROOMS", "SPECS"]

TEXT = SqlType.TEXT

ROOMS = CollectionSpec(
    "rooms",
    (
        Field("name", STRING, TEXT),
        Field("building", STRING, TEXT),
        Field("floor", INTEGER, TEXT),  # a TEXT column since version 1 (kept: no migration)
        Field("capacity", INTEGER, SqlType.INTEGER),
        Field("equipment", ARRAY),
    ),
    sort_fields=("name",),
)

BOOKINGS = CollectionSpec(
    "bookings",
    (
        Field("room_id", STRING, TEXT),
        Field("title", STRING, TEXT),
        Field("start", STRING, TEXT),
        Field("end", STRING, TEXT),
        Field("organizer_id", STRING, TEXT),
        Field("attendee_ids", ARRAY),
        Field("status", STRING, TEXT),
    ),
    indexes=(("room_id", "start"), ("organizer_id", "start")),
)

SPECS = (ROOMS, BOOKINGS)
