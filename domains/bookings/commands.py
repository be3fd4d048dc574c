"""The bookings' local writes: book a room, move or change a booking, cancel it.

Each is planned against the cache (``domains.command``) and queued in the outbox by
``Writes.apply``: offline a booking is stored at once as ``pending`` and sent when the link
is back. The checks mirror the server's (title, end after start, at most 24 hours) and add
the ones a user expects before anything is queued: not in the past, enough seats, and not
over a booking the cache already knows. The server stays the judge: a booking taken
meanwhile comes back as ``booking_conflict`` and the tab offers alternatives
(``queries.alternatives_for``).

``FieldProblem`` codes: ``empty``, ``too_long`` (``limit`` characters),
``invalid_characters``, ``end_before_start``, ``too_long_booking`` (``limit`` hours),
``in_past``, ``over_capacity`` (``limit`` seats), ``taken`` (the cache knows a booking
there; for a series: ``limit`` occurrences), ``gone`` (no such room or booking),
``forbidden`` (not the organizer nor an admin), ``cancelled`` (a cancelled booking cannot
change), ``unchanged``, ``closed`` (outside the room's opening hours); for a series also
``empty`` and ``too_long_series`` (days); for a check-in ``not_yet`` (opens
``CHECK_IN_OPENS`` before the start) and ``too_late`` (released, or past the deadline).
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from urllib.parse import quote

import sqlite_utils

from domains.bookings.hours import room_hours, within_hours
from domains.bookings.queries import BAKU, MAX_BOOKING, utc_text
from domains.command import CommandRefused, FieldProblem, LocalWrite

__all__ = [
    "TITLE_MAX_CHARS",
    "BookRoom",
    "BookSeries",
    "CancelBooking",
    "CancelSeries",
    "ChangeSeries",
    "CheckIn",
    "MoveBooking",
    "new_local_id",
    "occurrences",
    "series_clashes",
]

BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
"""The bidirectional controls the server refuses in one-line text (``server/text.py``)."""
TITLE_MAX_CHARS = 300
"""The server's limit for a booking's title (``server/schemas.py``, ``Text1``)."""


def new_local_id() -> str:
    """A booking's id until the server gives it its own (the outbox then renames it)."""
    return f"local-bkg-{secrets.token_hex(8)}"


def _title_problem(title: str) -> FieldProblem | None:
    if not title:
        return FieldProblem("title", "empty")
    if len(title) > TITLE_MAX_CHARS:
        return FieldProblem("title", "too_long", TITLE_MAX_CHARS)
    if any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F or c in BIDI_CONTROLS for c in title):
        return FieldProblem("title", "invalid_characters")
    return None


def _time_problems(start: datetime, end: datetime, now: datetime | None) -> list[FieldProblem]:
    if start.tzinfo is None or end.tzinfo is None:
        raise ValueError("booking times need a zone")
    if end <= start:
        return [FieldProblem("end", "end_before_start")]
    if end - start > MAX_BOOKING:
        return [FieldProblem("end", "too_long_booking", int(MAX_BOOKING.total_seconds() // 3600))]
    if now is not None and start < now:
        return [FieldProblem("start", "in_past")]
    return []


def _room_capacity(db: sqlite_utils.Database, room_id: str) -> int | None:
    row = db.conn.execute("SELECT capacity FROM rooms WHERE id = ?", (room_id,)).fetchone()
    return None if row is None else int(row[0])


def _known_overlap(
    db: sqlite_utils.Database, room_id: str, start: datetime, end: datetime, ignore: str | None
) -> bool:
    row = db.conn.execute(
        "SELECT 1 FROM bookings WHERE room_id = ? AND status NOT IN ('cancelled', 'released') "
        "AND id <> coalesce(?, '') AND start < ? AND start >= ? AND \"end\" > ? LIMIT 1",
        (room_id, ignore, utc_text(end), utc_text(start - MAX_BOOKING), utc_text(start)),
    ).fetchone()
    return row is not None


def _room_problems(
    db: sqlite_utils.Database,
    room_id: str,
    start: datetime,
    end: datetime,
    people: int,
    ignore: str | None,
) -> list[FieldProblem]:
    capacity = _room_capacity(db, room_id)
    if capacity is None:
        return [FieldProblem("room", "gone")]
    if people > capacity:
        return [FieldProblem("attendees", "over_capacity", capacity)]
    if not within_hours(room_hours(db, room_id), start, end):
        return [FieldProblem("start", "closed")]
    if _known_overlap(db, room_id, start, end, ignore):
        return [FieldProblem("room", "taken")]
    return []


def _may_change(user: Mapping[str, Any], record: Mapping[str, Any]) -> bool:
    return str(user.get("id")) == record.get("organizer_id") or "admin" in (user.get("roles") or ())


def _stored(db: sqlite_utils.Database, booking_id: str) -> tuple[int, dict[str, Any]]:
    row = db.conn.execute(
        "SELECT version, record FROM bookings WHERE id = ?", (booking_id,)
    ).fetchone()
    if row is None:
        raise CommandRefused([FieldProblem("booking", "gone")])
    return int(row[0]), json.loads(row[1])


@dataclass(frozen=True)
class BookRoom:
    """Book ``room_id`` for [start, end) (aware times) with ``title`` and attendees.

    ``now``: refuses a start in the past (None: no such check, for a re-planned edit).
    ``booking_id``: the local id the optimistic record gets (fresh by default)."""

    room_id: str
    title: str
    start: datetime
    end: datetime
    attendee_ids: Sequence[str]
    user: Mapping[str, Any]
    now: datetime | None
    booking_id: str = ""

    def check(self) -> str:
        """The trimmed title; ``CommandRefused`` naming each bad field (no cache needed)."""
        title = self.title.strip()
        problems = list(filter(None, [_title_problem(title)]))
        problems += _time_problems(self.start, self.end, self.now)
        if problems:
            raise CommandRefused(problems)
        return title

    def plan(self, db: sqlite_utils.Database) -> LocalWrite:
        title = self.check()
        attendees = list(dict.fromkeys(a for a in self.attendee_ids if a != self.user.get("id")))
        problems = _room_problems(db, self.room_id, self.start, self.end, len(attendees) + 1, None)
        if problems:
            raise CommandRefused(problems)
        body = {
            "room_id": self.room_id,
            "title": title,
            "start": utc_text(self.start),
            "end": utc_text(self.end),
            "attendee_ids": attendees,
        }
        record = {
            "id": self.booking_id or new_local_id(),
            **body,
            "organizer_id": str(self.user.get("id")),
            "status": "confirmed",
        }
        return LocalWrite("bookings", record, "POST", "/bookings", body, None)


@dataclass(frozen=True)
class MoveBooking:
    """Change a booking's room, times or title (None: keep). Organizer or admin only;
    re-checks the room as a new booking would (ignoring the booking itself)."""

    booking_id: str
    user: Mapping[str, Any]
    now: datetime | None
    room_id: str | None = None
    start: datetime | None = None
    end: datetime | None = None
    title: str | None = None

    def plan(self, db: sqlite_utils.Database) -> LocalWrite:
        version, current = _stored(db, self.booking_id)
        if not _may_change(self.user, current):
            raise CommandRefused([FieldProblem("booking", "forbidden")])
        if current.get("status") in ("cancelled", "released"):
            raise CommandRefused([FieldProblem("booking", "cancelled")])
        start = self.start or datetime.fromisoformat(current["start"])
        end = self.end or datetime.fromisoformat(current["end"])
        room_id = self.room_id or str(current["room_id"])
        title = str(current["title"]) if self.title is None else self.title.strip()
        problems = list(filter(None, [_title_problem(title)]))
        problems += _time_problems(start, end, self.now)
        if problems:
            raise CommandRefused(problems)
        people = len(current.get("attendee_ids") or ()) + 1
        problems = _room_problems(db, room_id, start, end, people, self.booking_id)
        if problems:
            raise CommandRefused(problems)
        changed = {
            "room_id": room_id,
            "title": title,
            "start": utc_text(start),
            "end": utc_text(end),
        }
        body = {name: value for name, value in changed.items() if current.get(name) != value}
        if not body:
            raise CommandRefused([FieldProblem("booking", "unchanged")])
        return LocalWrite(
            "bookings",
            {**current, **body},
            "PATCH",
            f"/bookings/{quote(self.booking_id, safe='')}",
            body,
            version,
        )


@dataclass(frozen=True)
class CancelBooking:
    """Cancel a booking (organizer or admin): the record stays, ``cancelled``."""

    booking_id: str
    user: Mapping[str, Any]

    def plan(self, db: sqlite_utils.Database) -> LocalWrite:
        version, current = _stored(db, self.booking_id)
        if not _may_change(self.user, current):
            raise CommandRefused([FieldProblem("booking", "forbidden")])
        if current.get("status") == "cancelled":
            raise CommandRefused([FieldProblem("booking", "unchanged")])
        return LocalWrite(
            "bookings",
            {**current, "status": "cancelled"},
            "DELETE",
            f"/bookings/{quote(self.booking_id, safe='')}",
            None,
            version,
        )


MAX_SERIES_SPAN = timedelta(days=366)
"""A recurring booking reaches at most a year ahead."""
FREQUENCIES = {"daily": timedelta(days=1), "weekly": timedelta(days=7)}


def occurrences(
    start: datetime,
    end: datetime,
    frequency: str,
    *,
    count: int | None = None,
    until: date | None = None,
) -> list[tuple[datetime, datetime]]:
    """The occurrences of a series in Baku wall-clock time (10:00 stays 10:00), ``count``
    of them or up to ``until`` (a Baku date, included), never more than a year from the
    first. ``ValueError`` for an unknown frequency or neither/both limits."""
    if frequency not in FREQUENCIES:
        raise ValueError(f"unknown frequency: {frequency}")
    if (count is None) == (until is None):
        raise ValueError("give either a count or an end date")
    step = FREQUENCIES[frequency]
    local_start, length = start.astimezone(BAKU), end - start
    found: list[tuple[datetime, datetime]] = []
    moment = local_start
    while moment - local_start <= MAX_SERIES_SPAN:
        if count is not None and len(found) >= count:
            break
        if until is not None and moment.date() > until:
            break
        found.append((moment, moment + length))
        moment = datetime.combine(moment.date() + step, moment.timetz())
    return found


def series_clashes(
    db: sqlite_utils.Database, room_id: str, planned: Sequence[tuple[datetime, datetime]]
) -> list[tuple[datetime, datetime]]:
    """The occurrences the cache already knows the room is taken for, or closed (its
    opening hours): the user chooses (all or none, or only the free ones) before anything
    is queued."""
    hours = room_hours(db, room_id)
    return [
        (s, e)
        for s, e in planned
        if not within_hours(hours, s, e) or _known_overlap(db, room_id, s, e, None)
    ]


def _series_frequency(planned: Sequence[tuple[datetime, datetime]]) -> str:
    if len(planned) > 1 and planned[1][0] - planned[0][0] >= FREQUENCIES["weekly"]:
        return "weekly"
    return "daily"


@dataclass(frozen=True)
class BookSeries:
    """Book ``room_id`` daily or weekly (``occurrences``) as ONE server series: one
    ``POST /booking-series`` queued as one change, which the server books all at once
    (or, ``only_free``, only its free dates) in one transaction. Before queuing, the
    dates the cache knows are taken or closed refuse the series
    (``FieldProblem("series", "taken", <how many>)``) unless ``only_free``. The pending
    record is the first occurrence; the others arrive with the sync after the push."""

    room_id: str
    title: str
    planned: tuple[tuple[datetime, datetime], ...]
    attendee_ids: Sequence[str]
    user: Mapping[str, Any]
    now: datetime | None
    only_free: bool = False

    def plan(self, db: sqlite_utils.Database) -> LocalWrite:
        if not self.planned:
            raise CommandRefused([FieldProblem("series", "empty")])
        if self.planned[-1][0] - self.planned[0][0] > MAX_SERIES_SPAN:
            raise CommandRefused([FieldProblem("series", "too_long_series", 366)])
        taken = series_clashes(db, self.room_id, self.planned)
        if taken and (not self.only_free or len(taken) == len(self.planned)):
            raise CommandRefused([FieldProblem("series", "taken", len(taken))])
        first_free = next(slot for slot in self.planned if slot not in taken)
        first = BookRoom(
            self.room_id, self.title, *first_free, self.attendee_ids, self.user, self.now
        ).plan(db)
        start, end = self.planned[0]
        body = {
            "room_id": self.room_id,
            "title": first.body["title"],
            "start": utc_text(start),
            "end": utc_text(end),
            "attendee_ids": first.body["attendee_ids"],
            "frequency": _series_frequency(self.planned),
            "count": len(self.planned),
            "skip_clashes": self.only_free,
        }
        record = {**first.record, "series_occurrences": len(self.planned) - len(taken)}
        return LocalWrite("bookings", record, "POST", "/booking-series", body, None)


CHECK_IN_OPENS = timedelta(minutes=15)
"""The server's ``check_in_opens_minutes`` (and grace): check-in from 15 minutes before."""


@dataclass(frozen=True)
class CheckIn:
    """Say that a booking's meeting takes place (organizer, attendee or admin), from
    ``CHECK_IN_OPENS`` before its start until ``check_in_by``; otherwise the server
    releases the room 15 minutes after the start. Offline it is queued like any change."""

    booking_id: str
    user: Mapping[str, Any]
    now: datetime

    def plan(self, db: sqlite_utils.Database) -> LocalWrite:
        version, current = _stored(db, self.booking_id)
        user_id = str(self.user.get("id"))
        allowed = {current.get("organizer_id"), *(current.get("attendee_ids") or ())}
        if user_id not in allowed and "admin" not in (self.user.get("roles") or ()):
            raise CommandRefused([FieldProblem("booking", "forbidden")])
        if current.get("checked_in_at"):
            raise CommandRefused([FieldProblem("booking", "unchanged")])
        if current.get("status") != "confirmed":
            code = "too_late" if current.get("status") == "released" else "cancelled"
            raise CommandRefused([FieldProblem("booking", code)])
        start = datetime.fromisoformat(current["start"])
        deadline = current.get("check_in_by") or current["end"]
        if self.now < start - CHECK_IN_OPENS:
            raise CommandRefused([FieldProblem("booking", "not_yet")])
        if self.now >= datetime.fromisoformat(deadline):
            raise CommandRefused([FieldProblem("booking", "too_late")])
        return LocalWrite(
            "bookings",
            {**current, "checked_in_at": utc_text(self.now)},
            "POST",
            f"/bookings/{quote(self.booking_id, safe='')}/check-in",
            None,
            version,
        )


@dataclass(frozen=True)
class ChangeSeries:
    """Change the whole series an occurrence belongs to: its title, or its Baku start and
    end times (None: keep), on every future confirmed occurrence, all or none, with the
    series' version as If-Match. Cancelled occurrences stay cancelled. The pending record
    is the occurrence the user chose; the server's answer and the next sync bring the rest."""

    booking_id: str
    user: Mapping[str, Any]
    title: str | None = None
    start_time: time | None = None
    end_time: time | None = None
    series_version: int | None = None
    """The series' version to build on, when known better than the occurrence's (an edit
    from the conflict screen builds on the server's)."""

    def plan(self, db: sqlite_utils.Database) -> LocalWrite:
        _version, current = _stored(db, self.booking_id)
        series_id, series_version = current.get("series_id"), current.get("series_version")
        if self.series_version is not None:
            series_version = self.series_version
        if not series_id or series_version is None:
            raise CommandRefused([FieldProblem("series", "gone")])
        if not _may_change(self.user, current):
            raise CommandRefused([FieldProblem("booking", "forbidden")])
        body: dict[str, Any] = {}
        record = dict(current)
        if self.title is not None and self.title.strip() != current.get("title"):
            problem = _title_problem(self.title.strip())
            if problem:
                raise CommandRefused([problem])
            body["title"] = record["title"] = self.title.strip()
        local_start = datetime.fromisoformat(current["start"]).astimezone(BAKU)
        local_end = datetime.fromisoformat(current["end"]).astimezone(BAKU)
        start_time = self.start_time or local_start.time()
        end_time = self.end_time or local_end.time()
        if (start_time, end_time) != (local_start.time(), local_end.time()):
            start = datetime.combine(local_start.date(), start_time, BAKU)
            end = datetime.combine(local_start.date(), end_time, BAKU)
            if end <= start:
                raise CommandRefused([FieldProblem("end", "end_before_start")])
            if not within_hours(room_hours(db, str(current["room_id"])), start, end):
                raise CommandRefused([FieldProblem("start", "closed")])
            body["start_time"] = start_time.strftime("%H:%M")
            body["end_time"] = end_time.strftime("%H:%M")
            record.update(start=utc_text(start), end=utc_text(end))
        if not body:
            raise CommandRefused([FieldProblem("booking", "unchanged")])
        return LocalWrite(
            "bookings",
            record,
            "PATCH",
            f"/booking-series/{quote(str(series_id), safe='')}",
            body,
            int(series_version),
        )


@dataclass(frozen=True)
class CancelSeries:
    """Cancel every future confirmed occurrence of the series this booking belongs to
    (organizer or admin; the series' version as If-Match); past ones stay."""

    booking_id: str
    user: Mapping[str, Any]

    def plan(self, db: sqlite_utils.Database) -> LocalWrite:
        _version, current = _stored(db, self.booking_id)
        series_id, series_version = current.get("series_id"), current.get("series_version")
        if not series_id or series_version is None:
            raise CommandRefused([FieldProblem("series", "gone")])
        if not _may_change(self.user, current):
            raise CommandRefused([FieldProblem("booking", "forbidden")])
        return LocalWrite(
            "bookings",
            {**current, "status": "cancelled"},
            "DELETE",
            f"/booking-series/{quote(str(series_id), safe='')}",
            None,
            int(series_version),
        )
