"""Favourite rooms: starred by the user, listed first in the day grid, the week view's
room choice and the finder. Kept in the user's preferences (``TabContext.preferences``,
a local ``QSettings``), per user, so they work offline and survive a restart."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TypeVar

from PySide6.QtCore import QObject, QSettings, Signal

from domains.bookings.queries import DayGrid, RoomRow

FAVOURITES_KEY = "bookings/favourite_rooms"
"""Followed by ``/<user id>``: a JSON list of room ids, starred first."""

Room = TypeVar("Room", bound=RoomRow)


class FavouriteRooms(QObject):
    """The signed-in user's starred rooms; ``changed`` after each star or unstar."""

    changed = Signal()

    def __init__(
        self, preferences: QSettings | None, user_id: str, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._preferences = preferences
        self._key = f"{FAVOURITES_KEY}/{user_id}"
        self._ids: list[str] = self._read()

    def _read(self) -> list[str]:
        if self._preferences is None:
            return []
        raw = self._preferences.value(self._key)
        try:
            loaded = json.loads(str(raw)) if raw else []
        except ValueError:  # a damaged preference is forgotten, never fatal
            return []
        return [str(i) for i in loaded] if isinstance(loaded, list) else []

    def ids(self) -> list[str]:
        return list(self._ids)

    def contains(self, room_id: str) -> bool:
        return room_id in self._ids

    def set_favourite(self, room_id: str, favourite: bool) -> None:
        if favourite == self.contains(room_id):
            return
        if favourite:
            self._ids.append(room_id)
        else:
            self._ids.remove(room_id)
        if self._preferences is not None:
            self._preferences.setValue(self._key, json.dumps(self._ids))
            self._preferences.sync()
        self.changed.emit()

    def toggle(self, room_id: str) -> bool:
        """Stars or unstars the room; whether it is a favourite now."""
        self.set_favourite(room_id, not self.contains(room_id))
        return self.contains(room_id)

    def first(self, rooms: Sequence[Room]) -> list[Room]:
        """Favourites first (in the order they were starred), the others as they came."""
        rank = {room_id: i for i, room_id in enumerate(self._ids)}
        return sorted(rooms, key=lambda r: rank.get(r.id, len(rank)))

    def grid_first(self, grid: DayGrid) -> DayGrid:
        if not self._ids:
            return grid
        return DayGrid(grid.day, self.first(grid.rooms), grid.bookings, grid.as_of)
