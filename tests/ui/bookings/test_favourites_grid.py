"""The day grid of "My favourites": the starred rooms of every building as rows (in the
order starred), re-read when a star changes, and an empty list that says how to star."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from client.session import Session
from tests.ui.bookings.conftest import BookingsHarness, close_harness, make_harness

WAIT_MS = 15_000


@pytest.fixture
def starred_harness(qapp: Any, mine: Session, tmp_path: Path) -> Iterator[BookingsHarness]:
    preferences = QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat)
    made = make_harness(mine, preferences)
    made.tab.show()
    try:
        yield made
    finally:
        close_harness(made)


def shown_rows(made: BookingsHarness) -> list[str]:
    grid = made.tab.grid_view.grid()
    return [] if grid is None else [r.id for r in grid.rooms]


def test_favourites_of_every_building_are_the_rows(
    qtbot: Any, starred_harness: BookingsHarness, mine: Session
) -> None:
    tab = starred_harness.tab
    box = tab.building_box
    qtbot.waitUntil(lambda: box.count() > 2, timeout=WAIT_MS)
    assert box.itemText(box.count() - 1) == "★ My favourites"
    rows = mine.cache.db.conn.execute(
        "SELECT building, min(id) FROM rooms GROUP BY building ORDER BY building"
    ).fetchall()
    assert len(rows) >= 2
    (_, in_first), (_, in_second) = rows[0], rows[1]

    tab.show_favourites()
    qtbot.waitUntil(lambda: tab.showing_favourites() and shown_rows(starred_harness) == [])
    assert "press F" in tab.grid_view.empty_text  # says how to star a room
    assert not tab.floor_box.isEnabled()
    assert not tab.finder.this_building.isEnabled()  # every building is searched

    tab.favourites.set_favourite(in_second, True)
    tab.favourites.set_favourite(in_first, True)
    qtbot.waitUntil(lambda: shown_rows(starred_harness) == [in_second, in_first], timeout=WAIT_MS)
    grid = tab.grid_view.grid()
    assert grid is not None
    assert len({r.building for r in grid.rooms}) == 2  # two buildings in one grid

    tab.favourites.set_favourite(in_second, False)
    qtbot.waitUntil(lambda: shown_rows(starred_harness) == [in_first], timeout=WAIT_MS)
    tab.set_building(str(rows[0][0]))
    qtbot.waitUntil(lambda: len(shown_rows(starred_harness)) > 1, timeout=WAIT_MS)
    assert tab.floor_box.isEnabled()
