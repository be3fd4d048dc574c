"""Dragging a booking's block in the day grid to another time and/or room: where the
block would land (snapped to 15 minutes, kept inside the hours drawn) and whether it may
land there. The grid paints the ghost and says the outcome through its signals; the tab
queues ``MoveBooking`` only for a drop that clashes with nothing the grid shows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from PySide6.QtCore import QPoint

from domains.bookings.queries import BAKU, BookingBlock
from domains.bookings.week import clash_in

SNAP_MINUTES = 15


@dataclass
class MoveDrag:
    """A press on a block that may become a move once the mouse travels far enough."""

    block: BookingBlock
    press: QPoint
    grab_minutes: int
    """Minutes from the block's start to the pressed point: the block follows the mouse."""
    active: bool = False
    target_row: int = -1
    target_room: str = ""
    target_start: datetime | None = None
    clash: BookingBlock | None = None

    @property
    def length(self) -> timedelta:
        return self.block.end - self.block.start

    @property
    def target_end(self) -> datetime | None:
        return None if self.target_start is None else self.target_start + self.length

    def moved(self) -> bool:
        return self.target_start is not None and (
            self.target_start != self.block.start or self.target_room != self.block.room_id
        )

    def aim(
        self,
        row: int,
        room_id: str,
        minutes_at_mouse: int,
        day: date,
        hours: tuple[int, int],
        shown: Sequence[BookingBlock],
    ) -> None:
        """Points the ghost at ``row`` and the minute of the day under the mouse."""
        first, last = hours[0] * 60, hours[1] * 60
        length = int(self.length.total_seconds() // 60)
        start = minutes_at_mouse - self.grab_minutes
        start = round(start / SNAP_MINUTES) * SNAP_MINUTES
        start = max(first, min(start, max(first, last - length)))
        midnight = datetime(day.year, day.month, day.day, tzinfo=BAKU)
        self.target_row, self.target_room = row, room_id
        self.target_start = midnight + timedelta(minutes=start)
        self.clash = clash_in(
            shown, self.target_start, self.target_start + self.length, self.block.id
        )


def minutes_into_day(moment: datetime, day: date) -> int:
    local = moment.astimezone(BAKU)
    return (local.date() - day).days * 24 * 60 + local.hour * 60 + local.minute
