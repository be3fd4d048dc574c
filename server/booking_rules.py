"""The rules a booking must meet besides not overlapping another: the room's opening hours,
and check-in (a booking nobody checked in to within the grace period is released, so the
room is free again for others).

Release runs in two places, both in a write transaction and with the server's clock
(``Services.clock``, injectable for tests):

- **at write time**: whenever a booking or series is checked against a room, the
  overlapping bookings that are overdue for check-in are released first, in the same
  transaction, so a ghost booking never refuses a new one, however late the job runs;
- **a periodic job** (``release_overdue``, every ``Settings.release_sweep_seconds``),
  so that everyone's delta sync shows the room free even when nobody books it.

Only bookings that carry ``check_in_by`` (those made through the API) are ever
released; seeded history and bookings from before this rule stay as they are.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import anyio
from sqlalchemy import Connection, select

from server import records
from server.context import Services
from server.db import bookings
from server.errors import ApiError

LOCAL_ZONE = ZoneInfo("Asia/Baku")
"""Opening hours and series are wall-clock times here (no daylight saving since 2016)."""
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_log = logging.getLogger(__name__)
RELEASE_LOOKBACK = timedelta(days=7)
"""The periodic job looks this far back; older overdue bookings are released at write time."""


def _clock_time(text: str) -> time:
    return time.fromisoformat(text)


def hours_text(opening_hours: Sequence[Mapping[str, Any]] | None) -> str:
    """The hours as a reader wants them: "Monday 08:00-20:00, ...; closed on other days"."""
    if opening_hours is None:
        return "open at all hours"
    days = sorted(opening_hours, key=lambda h: int(h["weekday"]))
    if not days:
        return "closed on every day"
    shown = ", ".join(
        f"{WEEKDAY_NAMES[int(h['weekday']) - 1]} {h['open']}-{h['close']}" for h in days
    )
    return f"{shown}; closed on other days" if len(days) < 7 else shown


def within_opening_hours(
    opening_hours: Sequence[Mapping[str, Any]] | None, start: datetime, end: datetime
) -> bool:
    """Whether [start, end) falls inside one day's opening interval, in Baku time.
    ``None``: the room has no opening hours (always open)."""
    if opening_hours is None:
        return True
    local_start, local_end = start.astimezone(LOCAL_ZONE), end.astimezone(LOCAL_ZONE)
    for hours in opening_hours:
        if int(hours["weekday"]) != local_start.isoweekday():
            continue
        day = local_start.date()
        opens = datetime.combine(day, _clock_time(hours["open"]), LOCAL_ZONE)
        closes = datetime.combine(day, _clock_time(hours["close"]), LOCAL_ZONE)
        if opens <= local_start and local_end <= closes:
            return True
    return False


def check_opening_hours(room: Mapping[str, Any], start: datetime, end: datetime) -> None:
    """422 ``outside_opening_hours`` naming the room's hours when [start, end) is outside."""
    hours = room.get("opening_hours")
    if within_opening_hours(hours, start, end):
        return
    raise ApiError(
        422,
        "outside_opening_hours",
        f"{room.get('name', 'The room')} is open {hours_text(hours)} (Asia/Baku time).",
        opening_hours=hours,
        errors=[{"field": "start", "message": "outside the room's opening hours"}],
    )


def check_in_deadline(start: datetime, grace: timedelta) -> str:
    return records.iso(start + grace)


def is_overdue(booking: Mapping[str, Any], now: datetime) -> bool:
    """A confirmed booking that asked for check-in, was not checked in, and whose
    deadline has passed."""
    deadline = booking.get("check_in_by")
    return (
        booking.get("status") == "confirmed"
        and deadline is not None
        and booking.get("checked_in_at") is None
        and datetime.fromisoformat(deadline) <= now
    )


def release(conn: Connection, booking: dict[str, Any], now: datetime) -> dict[str, Any]:
    return records.replace_record(
        conn, "bookings", {**booking, "status": "released", "released_at": records.iso(now)}
    )


def release_overdue(conn: Connection, now: datetime, grace: timedelta) -> list[str]:
    """The periodic job's step: release every overdue booking that started within the
    last ``RELEASE_LOOKBACK``; returns their ids."""
    now_ts = int(now.timestamp())
    rows = conn.execute(
        select(bookings.c.body).where(
            bookings.c.status == "confirmed",
            bookings.c.deleted.is_(False),
            bookings.c.start_ts <= now_ts - int(grace.total_seconds()),
            bookings.c.start_ts > now_ts - int(RELEASE_LOOKBACK.total_seconds()),
        )
    )
    released: list[str] = []
    for (body,) in rows.all():
        booking = json.loads(body)
        if is_overdue(booking, now):
            release(conn, booking, now)
            released.append(str(booking["id"]))
    return released


def release_step(services: Services) -> list[str]:
    """One run of the periodic job, in its own write transaction."""
    grace = timedelta(minutes=services.settings.check_in_grace_minutes)
    with services.db.write() as conn:
        return release_overdue(conn, services.clock(), grace)


async def release_periodically(current_services: Callable[[], Services]) -> None:
    """The periodic job: a step every ``release_sweep_seconds`` on a worker thread (the
    services are read each time, so a test's clock is the one used)."""
    while True:
        period = current_services().settings.release_sweep_seconds
        await asyncio.sleep(period)
        try:
            released = await anyio.to_thread.run_sync(release_step, current_services())
        except Exception:  # the next run tries again; a request releases what it meets
            _log.exception("releasing bookings nobody checked in to failed")
        else:
            if released:
                _log.info("released %d bookings nobody checked in to", len(released))
