"""The server's booking rules in the tab, over the demo server: check-in near the start
(queued, then sent), a released booking shown as released and its time free, "edit the
whole series", the finder's attributes, and closed hours shaded and refused."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import UTC, datetime, time, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTime

from cache import Outbox
from client.session import Session
from domains.bookings.commands import BookRoom, BookSeries, occurrences
from domains.catalog import CATALOG
from domains.changes import waiting_changes
from domains.describers import change_describers
from domains.writes import apply_command
from server.booking_rules import release_step
from tests.demo import DemoServer
from tests.domains.bookings.slots import evening_slot
from tests.ui.bookings.conftest import BookingsHarness, close_harness
from tests.ui.directory.conftest import StatementLog
from ui.bookings import BookingsTab
from ui.bookings.rules_panel import SeriesEditDialog
from ui.change_words import describe
from ui.context import DataEvents, TabContext
from ui.reads import ReadPool
from ui.tasks import TaskRunner
from ui.writes import Writes

WAIT_MS = 15_000


class FakeClock:
    """A clock the test sets: the tab's and the demo server's (check-in, release)."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock(demo_server: DemoServer) -> Iterator[FakeClock]:
    app = demo_server.server.app
    real = app.state.services
    made = FakeClock(datetime.now(UTC))
    app.state.services = dataclasses.replace(real, clock=made)
    try:
        yield made
    finally:
        app.state.services = real


@pytest.fixture
def timed(qapp: Any, mine: Session, clock: FakeClock) -> Iterator[BookingsHarness]:
    """The tab on the test's clock (the shared harness runs on the real one)."""
    statements = StatementLog()
    tasks = TaskRunner(max_threads=2)
    events = DataEvents()
    reads = ReadPool(statements.connect_through(mine.cache.connect), tasks)
    context = TabContext(reads, Writes(reads, events), tasks, events, mine.user)
    tab = BookingsTab(context, clock=clock)
    tab.resize(1400, 860)
    made = BookingsHarness(tab, context, tasks, events, statements)
    tab.show()
    try:
        yield made
    finally:
        close_harness(made)


def first_room(mine: Session) -> str:
    return str(
        mine.cache.db.conn.execute(
            "SELECT id FROM rooms WHERE capacity >= 4 ORDER BY capacity, id LIMIT 1"
        ).fetchone()[0]
    )


def booked_on_server(mine: Session, room_id: str, start: datetime, title: str) -> str:
    """Book and push: the server's id (its record carries check_in_by)."""
    end = start + timedelta(hours=1)
    apply_command(
        mine.cache.db, BookRoom(room_id, title, start, end, [], mine.user, datetime.now(UTC))
    )
    assert mine.sync_engine().run().pushed == 1
    return str(
        mine.cache.db.conn.execute(
            "SELECT id FROM bookings WHERE room_id = ? AND title = ?", (room_id, title)
        ).fetchone()[0]
    )


def test_check_in_from_the_tab_is_queued_then_sent(
    qtbot: Any, timed: BookingsHarness, mine: Session, clock: FakeClock
) -> None:
    start, _ = evening_slot(days_ahead=45)
    booking_id = booked_on_server(mine, first_room(mine), start, "Yoxlama")
    panel = timed.tab.details.rules
    clock.now = start - timedelta(hours=1)
    timed.tab.details.show_booking(booking_id)
    qtbot.waitUntil(lambda: panel._state is not None, timeout=WAIT_MS)
    assert not panel.check_in_button.isVisible()  # too early
    clock.now = start + timedelta(minutes=3)
    timed.tab.details.show_booking(booking_id)
    qtbot.waitUntil(panel.check_in_button.isVisible, timeout=WAIT_MS)
    panel.check_in_button.click()
    qtbot.waitUntil(lambda: panel.status_label.text() == "Checked in.", timeout=WAIT_MS)
    (queued,) = Outbox(mine.cache.db, CATALOG).all()
    assert queued.path == f"/bookings/{booking_id}/check-in" and queued.if_match == 1
    (waiting,) = waiting_changes(mine.cache.db, CATALOG, change_describers())
    assert describe(waiting.description).startswith("Changed booking: ")  # not "New booking"
    assert mine.sync_engine().run().pushed == 1  # the link is back
    sent = mine.cache.db.conn.execute(
        "SELECT json_extract(record, '$.checked_in_at'), version FROM bookings WHERE id = ?",
        (booking_id,),
    ).fetchone()
    assert sent == (clock.now.astimezone(UTC).replace(microsecond=0).isoformat(), 2)


def test_a_released_booking_is_shown_released_and_its_time_free(
    qtbot: Any, timed: BookingsHarness, mine: Session, clock: FakeClock, demo_server: DemoServer
) -> None:
    start, _ = evening_slot(days_ahead=46)
    room_id = first_room(mine)
    booking_id = booked_on_server(mine, room_id, start, "Ruh görüşü")
    clock.now = start + timedelta(minutes=15)
    assert booking_id in release_step(demo_server.server.app.state.services)
    mine.sync_engine().run()
    timed.tab.set_day(start.date())
    timed.tab.details.show_booking(booking_id)
    panel = timed.tab.details.rules
    qtbot.waitUntil(lambda: panel.status_label.text().startswith("Released"), timeout=WAIT_MS)
    assert not panel.check_in_button.isVisible()

    def freed() -> None:
        grid = timed.tab.grid_view.grid()
        assert grid is not None and grid.day == start.date()
        assert all(b.id != booking_id for b in grid.bookings.get(room_id, []))

    qtbot.waitUntil(freed, timeout=WAIT_MS)
    timed.tab.mine.reload()
    mine_list = timed.tab.mine.list

    def listed_released() -> None:
        texts = [mine_list.item(i).text() for i in range(mine_list.count())]
        assert any("Ruh görüşü" in t and "(released)" in t for t in texts)

    qtbot.waitUntil(listed_released, timeout=WAIT_MS)


def test_the_whole_series_is_changed_from_the_tab(
    qtbot: Any, timed: BookingsHarness, mine: Session, clock: FakeClock
) -> None:
    room_id = first_room(mine)
    planned = tuple(occurrences(*evening_slot(days_ahead=47), "daily", count=3))
    apply_command(
        mine.cache.db,
        BookSeries(room_id, "Seriya", planned, [], mine.user, datetime.now(UTC)),
    )
    assert mine.sync_engine().run().pushed == 1
    first_id = mine.cache.db.conn.execute(
        "SELECT id FROM bookings WHERE title = 'Seriya' ORDER BY start LIMIT 1"
    ).fetchone()[0]
    clock.now = datetime.now(UTC)
    panel = timed.tab.details.rules
    timed.tab.details.show_booking(first_id)
    qtbot.waitUntil(panel.series_button.isVisible, timeout=WAIT_MS)
    assert panel.cancel_series_button.isVisible()
    assert panel._state is not None
    dialog = SeriesEditDialog.of_booking(panel._state, panel)
    dialog.title_edit.setText("Seriya, yeni vaxt")
    dialog.start_edit.setTime(QTime(18, 0))
    dialog.end_edit.setTime(QTime(19, 30))
    panel.apply_series_change(dialog.command(first_id, dict(mine.user)))
    qtbot.waitUntil(lambda: len(Outbox(mine.cache.db, CATALOG).all()) == 1, timeout=WAIT_MS)
    assert mine.sync_engine().run().pushed == 1
    rows = mine.cache.db.conn.execute(
        "SELECT title, start FROM bookings WHERE json_extract(record, '$.series_id') = "
        "(SELECT json_extract(record, '$.series_id') FROM bookings WHERE id = ?) ORDER BY start",
        (first_id,),
    ).fetchall()
    assert [r[0] for r in rows] == ["Seriya, yeni vaxt"] * 3
    assert [datetime.fromisoformat(r[1]).hour for r in rows] == [14] * 3  # 18:00 in Baku


def test_the_finder_filters_by_attributes_and_the_grid_shades_closed_hours(
    qtbot: Any, timed: BookingsHarness, mine: Session, clock: FakeClock
) -> None:
    start, _ = evening_slot()
    clock.now = datetime.now(UTC)
    finder = timed.tab.finder
    finder.set_request(start.date(), QTime(19, 0), QTime(20, 0), 2, [])
    finder.this_building.setChecked(False)
    finder.attribute_checks.set_chosen(["video_conference"])
    finder.search()
    qtbot.waitUntil(lambda: finder.results.count() > 0, timeout=WAIT_MS)
    video_rooms = {
        str(r[0])
        for r in mine.cache.db.conn.execute(
            "SELECT r.id FROM rooms r, json_each(r.record, '$.attributes') a "
            "WHERE a.value = 'video_conference'"
        )
    }
    found = {
        finder.results.item(i).data(Qt.ItemDataRole.UserRole).id
        for i in range(finder.results.count())
    }
    assert found and found <= video_rooms

    timed.tab.set_day(start.date())

    def shaded() -> None:
        grid = timed.tab.grid_view.grid()
        assert grid is not None and grid.day == start.date() and grid.rooms
        assert grid.closed[grid.rooms[0].id] == [(time(0), time(7)), (time(22), time.max)]

    qtbot.waitUntil(shaded, timeout=WAIT_MS)
    grid = timed.tab.grid_view.grid()
    assert grid is not None
    late = start.replace(hour=22, minute=15)
    dialog = timed.tab.open_booking_form(grid.rooms[0], late, late + timedelta(minutes=30))
    dialog.title_edit.setText("Gecə")
    dialog.submit()
    qtbot.waitUntil(lambda: "closed" in dialog.problems.text(), timeout=WAIT_MS)
    assert Outbox(mine.cache.db, CATALOG).all() == []
    dialog.reject()
