"""Check-in reminders for the organizer (issue 11, item 7): the server releases a
confirmed booking nobody checked in to by its ``check_in_by``; the client reminds the
organizer when check-in opens (``CHECK_IN_OPENS`` before the start) and once more
``LAST_CALL`` before the deadline if still not checked in.

Qt-free: ``plan_reminders(candidates, now, announced)`` says what is due now and when
to look again, so the tab only keeps a timer for ``next_check`` and remembers the
``key`` of each reminder it announced (never twice, even after a restart)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import sqlite_utils

from domains.bookings.commands import CHECK_IN_OPENS

__all__ = [
    "LAST_CALL",
    "Reminder",
    "ReminderCandidate",
    "ReminderPlan",
    "plan_reminders",
    "reminder_candidates",
]

LAST_CALL = timedelta(minutes=5)
"""The second reminder: this long before the release deadline."""

OPENS, LAST = "opens", "last"


@dataclass(frozen=True)
class ReminderCandidate:
    """A booking of mine that the server would release: confirmed, not checked in, with
    a deadline (only those made through the API carry one)."""

    booking_id: str
    title: str
    room_name: str
    start: datetime
    check_in_by: datetime


@dataclass(frozen=True)
class Reminder:
    booking_id: str
    moment: str  # OPENS or LAST
    title: str
    room_name: str
    check_in_by: datetime

    @property
    def key(self) -> str:
        """What is remembered once announced: one per booking and moment."""
        return f"{self.booking_id}:{self.moment}"


@dataclass(frozen=True)
class ReminderPlan:
    due: list[Reminder]
    next_check: datetime | None
    """The next moment a reminder falls due; None: nothing left to remind."""
    settled: frozenset[str]
    """Keys worth remembering still (announced ones of bookings that may be reminded):
    the rest may be forgotten."""


def reminder_candidates(
    db: sqlite_utils.Database, organizer_id: str, now: datetime
) -> list[ReminderCandidate]:
    """The organizer's confirmed, not checked-in bookings whose deadline is still ahead."""
    rows = db.conn.execute(
        "SELECT b.id, b.title, coalesce(r.name, b.room_id), b.start, "
        "json_extract(b.record, '$.check_in_by') FROM bookings b "
        "LEFT JOIN rooms r ON r.id = b.room_id "
        "WHERE b.organizer_id = ? AND b.status = 'confirmed' AND b.id NOT LIKE 'local-%' "
        "AND json_extract(b.record, '$.check_in_by') IS NOT NULL "
        "AND coalesce(json_extract(b.record, '$.checked_in_at'), '') = '' "
        'AND b."end" > ? ORDER BY b.start, b.id',
        (organizer_id, now.astimezone(UTC).replace(microsecond=0).isoformat()),
    )
    found: list[ReminderCandidate] = []
    for booking_id, title, room, start, deadline in rows:
        by = datetime.fromisoformat(str(deadline))
        if by > now:
            found.append(
                ReminderCandidate(
                    str(booking_id), str(title), str(room), datetime.fromisoformat(start), by
                )
            )
    return found


def _moments(candidate: ReminderCandidate) -> list[tuple[str, datetime]]:
    opens = candidate.start - CHECK_IN_OPENS
    last = max(candidate.check_in_by - LAST_CALL, opens)
    return [(OPENS, opens), (LAST, last)]


def plan_reminders(
    candidates: Sequence[ReminderCandidate], now: datetime, announced: Iterable[str]
) -> ReminderPlan:
    """What to announce at ``now`` and when to look again. A booking whose two moments
    have both passed (the app was not running) gets only the last one; nothing is due
    once its deadline has passed."""
    done = set(announced)
    due: list[Reminder] = []
    upcoming: list[datetime] = []
    settled: set[str] = set()
    for candidate in candidates:
        if candidate.check_in_by <= now:
            continue
        moments = _moments(candidate)
        keys = [f"{candidate.booking_id}:{moment}" for moment, _ in moments]
        settled.update(k for k in keys if k in done)
        passed = [(m, at) for m, at in moments if at <= now]
        if passed and keys[len(passed) - 1] not in done:
            moment = passed[-1][0]
            due.append(
                Reminder(
                    candidate.booking_id,
                    moment,
                    candidate.title,
                    candidate.room_name,
                    candidate.check_in_by,
                )
            )
            settled.update(keys[: len(passed)])
        upcoming += [at for m, at in moments if at > now]
    return ReminderPlan(due, min(upcoming, default=None), frozenset(settled))


def load_announced(raw: object) -> set[str]:
    """The remembered keys from a preference value; damaged values are forgotten."""
    try:
        loaded = json.loads(str(raw)) if raw else []
    except ValueError:
        return set()
    return {str(k) for k in loaded} if isinstance(loaded, list) else set()
