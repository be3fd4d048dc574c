"""Check-in reminders over the demo server: a booking of mine made through the API (it
carries ``check_in_by``) is announced once when check-in opens, once more just before
the release deadline, and not again after a restart (remembered in the preferences)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from client.session import Session
from domains.bookings.reminders import LAST_CALL
from tests.demo import DemoServer
from tests.domains.bookings.slots import evening_slot
from tests.ui.bookings.conftest import BookingsHarness, close_harness
from tests.ui.bookings.test_rules import FakeClock, booked_on_server, first_room
from tests.ui.directory.conftest import StatementLog
from ui.bookings import BookingsTab
from ui.context import Changes, ChangeSource, DataEvents, TabContext
from ui.reads import ReadPool
from ui.tasks import TaskRunner
from ui.writes import Writes

WAIT_MS = 15_000


@pytest.fixture
def clock(demo_server: DemoServer) -> Iterator[FakeClock]:
    """The tab's clock and the demo server's (as in test_rules)."""
    app = demo_server.server.app
    real = app.state.services
    made = FakeClock(datetime.now(UTC))
    app.state.services = dataclasses.replace(real, clock=made)
    try:
        yield made
    finally:
        app.state.services = real


def tab_on(
    session: Session, clock: FakeClock, preferences: QSettings, user: dict[str, object]
) -> BookingsHarness:
    tasks = TaskRunner(max_threads=2)
    events = DataEvents()
    reads = ReadPool(StatementLog().connect_through(session.cache.connect), tasks)
    context = TabContext(reads, Writes(reads, events), tasks, events, user, preferences)
    return BookingsHarness(
        BookingsTab(context, clock=clock), context, tasks, events, StatementLog()
    )


def planned_again(qtbot: Any, made: BookingsHarness) -> None:
    """Re-plans (as the timer or a change does) and waits until the plan is applied."""
    reminders = made.tab.reminders
    reminders.timer.stop()
    made.events.changed.emit(Changes.of(ChangeSource.LOCAL_WRITE, "bookings", []))
    qtbot.waitUntil(reminders.timer.isActive, timeout=WAIT_MS)


def test_check_in_is_reminded_once_per_moment_and_not_after_a_restart(
    qtbot: Any, qapp: Any, mine: Session, clock: FakeClock, tmp_path: Path
) -> None:
    start, _ = evening_slot(days_ahead=55)
    room_id = first_room(mine)
    booking_id = booked_on_server(mine, room_id, start, "Xatırlatma")
    room_name = mine.cache.db.conn.execute(
        "SELECT name FROM rooms WHERE id = ?", (room_id,)
    ).fetchone()[0]
    preferences = QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat)
    said: list[str] = []

    def listen(made: BookingsHarness) -> None:
        made.tab.announced.connect(lambda text: said.append(text()))

    clock.now = start - timedelta(hours=1)
    first = tab_on(mine, clock, preferences, mine.user)
    listen(first)
    try:
        qtbot.waitUntil(first.tab.reminders.timer.isActive, timeout=WAIT_MS)
        assert said == []  # too early
        clock.now = start - timedelta(minutes=15)  # check-in opens
        planned_again(qtbot, first)
        expected = f"Check in to Xatırlatma in {room_name} by 19:15 or the room is released"
        assert said == [expected]
        planned_again(qtbot, first)  # a change of bookings re-plans: no repeat
        assert said == [expected]
    finally:
        close_harness(first)

    clock.now = start - timedelta(minutes=10)
    again = tab_on(mine, clock, preferences, mine.user)  # a restart
    listen(again)
    try:
        qtbot.waitUntil(again.tab.reminders.timer.isActive, timeout=WAIT_MS)
        assert said == [expected]
        clock.now = start + timedelta(minutes=15) - LAST_CALL
        again.tab.reminders.plan()  # as the timer does: the last call, once
        qtbot.waitUntil(lambda: len(said) == 2, timeout=WAIT_MS)
        assert said[1] == expected
        clock.now += timedelta(minutes=1)
        again.tab.reminders.plan()
        again.tasks.wait_for_done()
        qapp.processEvents()
        assert len(said) == 2
    finally:
        close_harness(again)
    assert booking_id


def test_nothing_is_reminded_while_not_signed_in(
    qtbot: Any, qapp: Any, mine: Session, clock: FakeClock, tmp_path: Path
) -> None:
    start, _ = evening_slot(days_ahead=56)
    booked_on_server(mine, first_room(mine), start, "Girişsiz")
    clock.now = start - timedelta(minutes=10)
    preferences = QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat)
    made = tab_on(mine, clock, preferences, {})
    said: list[Callable[[], str]] = []
    made.tab.announced.connect(said.append)
    try:
        made.tab.reminders.plan()
        made.tasks.wait_for_done()
        qapp.processEvents()
        assert said == [] and not made.tab.reminders.timer.isActive()
    finally:
        close_harness(made)
