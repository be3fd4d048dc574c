"""Free evening hours for tests that write bookings to the shared demo server."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from domains.bookings.queries import BAKU

_used_evenings: list[int] = []


def evening_slot(days_ahead: int | None = None) -> tuple[datetime, datetime]:
    """An hour after working hours (the seed books 09:00-18:00 only), on a day of its
    own for each test in this process, so tests sharing the demo server never meet."""
    offset = days_ahead if days_ahead is not None else 3 + len(_used_evenings)
    _used_evenings.append(offset)
    day = date.today() + timedelta(days=offset)
    start = datetime.combine(day, time(19, 0), BAKU)
    return start, start + timedelta(hours=1)
