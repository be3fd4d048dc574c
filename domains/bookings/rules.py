"""What the tab shows of the server's booking rules for one booking: whether it may be
checked in now (``commands.CheckIn``'s window), whether it was checked in or released,
and the series it belongs to (for "edit the whole series")."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlite_utils

from domains.bookings.commands import CHECK_IN_OPENS

__all__ = ["RulesState", "rules_state"]


@dataclass(frozen=True)
class RulesState:
    booking_id: str
    status: str
    checked_in: bool
    can_check_in: bool
    series_id: str | None
    title: str
    start: datetime
    end: datetime


def rules_state(
    db: sqlite_utils.Database, booking_id: str, user: Mapping[str, Any], now: datetime
) -> RulesState | None:
    row = db.conn.execute(
        "SELECT record, sync_state FROM bookings WHERE id = ?", (booking_id,)
    ).fetchone()
    if row is None:
        return None
    record = json.loads(row[0])
    start, end = datetime.fromisoformat(record["start"]), datetime.fromisoformat(record["end"])
    deadline = datetime.fromisoformat(record.get("check_in_by") or record["end"])
    people = {record.get("organizer_id"), *(record.get("attendee_ids") or ())}
    may = str(user.get("id")) in people or "admin" in (user.get("roles") or ())
    checked_in = bool(record.get("checked_in_at"))
    can_check_in = (
        may
        and not checked_in
        and record.get("status") == "confirmed"
        and not booking_id.startswith("local-")
        and start - CHECK_IN_OPENS <= now < deadline
    )
    return RulesState(
        booking_id,
        str(record.get("status")),
        checked_in,
        can_check_in,
        record.get("series_id"),
        str(record.get("title", "")),
        start,
        end,
    )
