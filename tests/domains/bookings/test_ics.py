"""The .ics export read back by a parser nobody on this project wrote (``vobject``):
right local time (a VTIMEZONE for Asia/Baku), stable UID, SEQUENCE, cancellations,
folding, and the edges of the day and of other countries' clock changes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import sqlite_utils
import vobject

from client.session import Session
from domains.bookings.ics import booking_uid, bookings_ics, my_bookings
from domains.bookings.queries import BAKU, BookingBlock

STAMP = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)


@pytest.fixture
def db(synced: Session) -> sqlite_utils.Database:
    return synced.cache.db


def block(start: datetime, end: datetime, **fields: Any) -> BookingBlock:
    values: dict[str, Any] = {
        "id": "bkg-000042",
        "room_id": "room-001",
        "title": "Kollegiya iclası",
        "start": start,
        "end": end,
        "organizer_id": "p-1",
        "organizer_name": "Əliyev Vüqar",
        "status": "confirmed",
        "sync_state": "synced",
        "sync_error": None,
        "version": 1,
    }
    values.update(fields)
    return BookingBlock(**values)


def events(data: bytes) -> list[Any]:
    calendar = vobject.readOne(data.decode("utf-8"))
    return list(calendar.vevent_list)


@pytest.mark.parametrize(
    ("start", "end"),
    [
        # The night Europe moves its clocks (Baku does not): 10:00 Baku is 06:00 UTC.
        (datetime(2026, 3, 29, 10, 0, tzinfo=BAKU), datetime(2026, 3, 29, 11, 0, tzinfo=BAKU)),
        # ... and the night the United States do.
        (datetime(2026, 3, 8, 2, 30, tzinfo=BAKU), datetime(2026, 3, 8, 3, 30, tzinfo=BAKU)),
        # Across midnight, and the last minute of a day.
        (datetime(2026, 5, 4, 23, 30, tzinfo=BAKU), datetime(2026, 5, 5, 0, 30, tzinfo=BAKU)),
        (datetime(2026, 5, 4, 23, 59, tzinfo=BAKU), datetime(2026, 5, 5, 0, 0, tzinfo=BAKU)),
    ],
)
def test_a_second_parser_reads_the_same_instants_in_baku_time(
    db: sqlite_utils.Database, start: datetime, end: datetime
) -> None:
    data = bookings_ics(db, [block(start, end)], STAMP)
    assert b"BEGIN:VTIMEZONE" in data and b"TZID:Asia/Baku" in data
    (event,) = events(data)
    assert event.dtstart.value == start and event.dtend.value == end
    assert event.dtstart.value.utcoffset() == timedelta(hours=4)
    local = f"DTSTART;TZID=Asia/Baku:{start:%Y%m%dT%H%M%S}".encode()
    assert local in data.split(b"\r\n")


def test_the_uid_is_stable_and_the_sequence_rises_with_each_change(
    db: sqlite_utils.Database,
) -> None:
    start = datetime(2026, 6, 1, 10, tzinfo=BAKU)
    first = events(bookings_ics(db, [block(start, start + timedelta(hours=1))], STAMP))[0]
    moved = events(bookings_ics(db, [block(start, start + timedelta(hours=2), version=3)], STAMP))[
        0
    ]
    assert first.uid.value == moved.uid.value == booking_uid("bkg-000042")
    assert (int(first.sequence.value), int(moved.sequence.value)) == (1, 3)
    assert first.status.value == "CONFIRMED"


def test_a_cancelled_booking_is_status_cancelled(db: sqlite_utils.Database) -> None:
    start = datetime(2026, 6, 1, 10, tzinfo=BAKU)
    (event,) = events(
        bookings_ics(db, [block(start, start + timedelta(hours=1), status="cancelled")], STAMP)
    )
    assert event.status.value == "CANCELLED"


def test_long_lines_are_folded_at_75_octets_without_splitting_a_letter(
    db: sqlite_utils.Database,
) -> None:
    title = "Şöbə müşavirəsi: İmmunizasiya kampaniyası üzrə ğ ç ı ö ü ş ə " * 4
    start = datetime(2026, 6, 1, 10, tzinfo=BAKU)
    data = bookings_ics(db, [block(start, start + timedelta(hours=1), title=title)], STAMP)
    for line in data.split(b"\r\n"):
        assert len(line) <= 75
        line.decode("utf-8")  # a letter split across lines would not decode
    (event,) = events(data)
    assert event.summary.value == title


def test_my_bookings_are_those_i_organize_or_attend_soonest_first(
    db: sqlite_utils.Database, synced: Session
) -> None:
    me = str(synced.user["id"])
    since = datetime(2000, 1, 1, tzinfo=UTC)
    mine = my_bookings(db, me, since)
    expected = {
        r[0]
        for r in db.conn.execute(
            "SELECT id FROM bookings WHERE organizer_id = ? OR EXISTS (SELECT 1 FROM "
            "json_each(record, '$.attendee_ids') a WHERE a.value = ?)",
            (me, me),
        )
    }
    assert mine and {b.id for b in mine} == expected
    assert [b.start for b in mine] == sorted(b.start for b in mine)
    assert len(events(bookings_ics(db, mine, STAMP))) == len(mine)
