"""The week of one room, favourite rooms, and moving a booking by dragging its block or
through the "Move…" dialog: over the demo server and a real synced profile, each move
queued through ``MoveBooking`` and the real outbox (offline until the test syncs)."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget

from cache import Outbox
from client.session import Session
from domains.bookings.commands import BookRoom
from domains.bookings.queries import BAKU, BookingBlock, booking, utc_text
from domains.bookings.week import RoomWeek, monday_of
from domains.catalog import CATALOG
from domains.writes import apply_command
from tests.domains.bookings.slots import evening_slot
from tests.ui.bookings.conftest import BookingsHarness, close_harness, make_harness
from tests.ui.bookings.test_tab import WAIT_MS, wait_grid
from ui.bookings.grid import STEP_MINUTES


def book(session: Session, room_id: str, title: str, start: datetime, hours: float = 1) -> str:
    """A booking of the session's user, confirmed by the server; its server id."""
    end = start + timedelta(hours=hours)
    apply_command(
        session.cache.db, BookRoom(room_id, title, start, end, [], session.user, datetime.now(UTC))
    )
    assert session.sync_engine().run().pushed == 1
    ((server_id,),) = session.cache.db.conn.execute(
        "SELECT id FROM bookings WHERE title = ? AND sync_state = 'synced'", (title,)
    ).fetchall()  # fetchall: no statement left open on this connection
    return str(server_id)


def send_mouse(widget: QWidget, kind: QEvent.Type, pos: QPoint) -> None:
    held = (
        Qt.MouseButton.NoButton
        if kind == QEvent.Type.MouseButtonRelease
        else Qt.MouseButton.LeftButton
    )
    event = QMouseEvent(
        kind,
        QPointF(pos),
        QPointF(widget.mapToGlobal(pos)),
        Qt.MouseButton.LeftButton if kind != QEvent.Type.MouseMove else Qt.MouseButton.NoButton,
        held,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)


def drag(widget: QWidget, start: QPoint, end: QPoint, release: bool = True) -> None:
    send_mouse(widget, QEvent.Type.MouseButtonPress, start)
    for step in (1, 2, 3, 4):
        send_mouse(widget, QEvent.Type.MouseMove, start + (end - start) * step / 4)
    if release:
        send_mouse(widget, QEvent.Type.MouseButtonRelease, end)


def shown_block(harness: BookingsHarness, booking_id: str) -> tuple[int, BookingBlock]:
    grid = harness.tab.grid_view.grid()
    assert grid is not None
    for row, room in enumerate(grid.rooms):
        for block in grid.bookings.get(room.id, []):
            if block.id == booking_id:
                return row, block
    raise AssertionError(f"{booking_id} is not in the grid")


def open_day_with(qtbot: Any, harness: BookingsHarness, day: Any, booking_id: str) -> None:
    harness.tab.set_day(day)
    wait_grid(
        qtbot,
        harness,
        lambda g: (
            g.day == day and any(b.id == booking_id for bs in g.bookings.values() for b in bs)
        ),
    )
    harness.tab.grid_view.select_booking(booking_id)


def test_the_week_of_a_room_shows_its_bookings_mine_marked_and_is_driven_by_keyboard(
    qtbot: Any, harness: BookingsHarness, mine: Session
) -> None:
    grid = wait_grid(qtbot, harness)
    room = grid.rooms[0]
    start, _ = evening_slot()
    booking_id = book(mine, room.id, "Həftə görüşü", start)
    monday = monday_of(start.date())
    harness.tab.views.setCurrentIndex(1)
    panel = harness.tab.week_panel
    with qtbot.waitSignal(panel.weekShown, timeout=WAIT_MS) as shown:
        panel.show_room(room.id, start.date())
    week: RoomWeek = shown.args[0]
    assert week.room is not None and week.room.id == room.id and week.monday == monday
    first = datetime.combine(monday, datetime.min.time(), BAKU)
    expected = mine.cache.db.conn.execute(
        "SELECT id FROM bookings WHERE room_id = ? AND status <> 'cancelled' "
        'AND start < ? AND "end" > ? ORDER BY start',
        (room.id, utc_text(first + timedelta(days=7)), utc_text(first)),
    ).fetchall()
    assert [b.id for b in week.bookings] == [r[0] for r in expected]
    assert booking_id in [b.id for b in week.bookings]
    assert threading.get_ident() not in harness.statements.threads

    view = panel.view
    assert view.accessibleName() and panel.star.accessibleName()
    view.setFocus()
    for _ in range(start.date().weekday()):
        qtbot.keyClick(view, Qt.Key.Key_Right)
    for _ in range((19 - 9) * 60 // STEP_MINUTES):  # from 09:00 to 19:00
        qtbot.keyClick(view, Qt.Key.Key_Down)
    assert "Həftə görüşü" in view.accessibleDescription()
    assert view.mine_text in view.accessibleDescription()  # marked as the user's own
    with qtbot.waitSignal(view.bookingActivated, timeout=WAIT_MS) as activated:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert activated.args == [booking_id]
    for _ in range(2):  # 20:00: free
        qtbot.keyClick(view, Qt.Key.Key_Down)
    with qtbot.waitSignal(view.rangeChosen, timeout=WAIT_MS) as chosen:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert chosen.args[0] == room.id
    assert chosen.args[1] == start + timedelta(hours=1)
    # The next week is another range of the same room.
    with qtbot.waitSignal(panel.weekShown, timeout=WAIT_MS) as later:
        panel.next_week.click()
    assert later.args[0].monday == monday + timedelta(days=7)
    assert booking_id not in [b.id for b in later.args[0].bookings]
    panel.working_week.setChecked(True)  # Monday to Friday only
    assert panel.working_week.accessibleName()
    view.setFocus()
    for _ in range(6):
        qtbot.keyClick(view, Qt.Key.Key_Right)
    cell = view.current_cell()
    assert cell is not None and cell[0].weekday() == 4  # Friday is the last day shown


def test_a_starred_room_comes_first_in_the_grid_the_week_and_the_finder_and_is_remembered(
    qtbot: Any, qapp: Any, mine: Session, tmp_path: Path
) -> None:
    preferences = QSettings(str(tmp_path / "preferences.ini"), QSettings.Format.IniFormat)
    made = make_harness(mine, preferences)
    made.tab.show()
    try:
        grid = wait_grid(qtbot, made)
        view = made.tab.grid_view
        starred = grid.rooms[2]
        star = QPoint(
            view.label_width - view.star_width // 2 - 4,
            view.header_height + view.row_height * 2 + view.row_height // 2,
        )
        send_mouse(view.viewport(), QEvent.Type.MouseButtonPress, star)
        wait_grid(qtbot, made, lambda g: g.rooms[0].id == starred.id)
        assert made.tab.week_panel.room_box.itemData(0) == starred.id
        assert made.tab.week_panel.room_box.itemText(0).startswith("★")
        start, _ = evening_slot()
        finder = made.tab.finder
        finder.this_building.setChecked(True)
        from PySide6.QtCore import QTime

        finder.set_request(start.date(), QTime(19, 0), QTime(20, 0), 1, [])
        with qtbot.waitSignal(finder.answered, timeout=WAIT_MS):
            finder.find_button.click()
        first = finder.results.item(0)
        assert first.data(Qt.ItemDataRole.UserRole).id == starred.id
        assert first.text().startswith("★")
    finally:
        close_harness(made)

    again = make_harness(
        mine, QSettings(str(tmp_path / "preferences.ini"), QSettings.Format.IniFormat)
    )
    again.tab.show()
    try:
        assert wait_grid(qtbot, again).rooms[0].id == starred.id  # after a restart, offline
        view = again.tab.grid_view
        view.setFocus()
        qtbot.keyClick(view, Qt.Key.Key_F)  # the keyboard unstars the current room
        wait_grid(qtbot, again, lambda g: g.rooms[0].id != starred.id)
    finally:
        close_harness(again)


def test_dragging_a_block_to_another_room_and_time_queues_one_move(
    qtbot: Any, harness: BookingsHarness, mine: Session
) -> None:
    grid = wait_grid(qtbot, harness)
    start, _ = evening_slot()
    booking_id = book(mine, grid.rooms[0].id, "Sürüşdürüləcək", start)
    open_day_with(qtbot, harness, start.date(), booking_id)
    view = harness.tab.grid_view
    row, block = shown_block(harness, booking_id)
    target_room = view.grid().rooms[row + 1]  # type: ignore[union-attr]
    origin = view.block_rect(row, block).center()
    half_hour = QPoint(view.hour_width * 35 // 60, view.row_height)  # 35 min: snaps to 30
    with qtbot.waitSignal(view.moveRequested, timeout=WAIT_MS):
        drag(view.viewport(), origin, origin + half_hour, release=False)
        moving = view.move_in_progress()
        assert moving is not None and moving.clash is None
        assert moving.target_start == start + timedelta(minutes=30)
        send_mouse(view.viewport(), QEvent.Type.MouseButtonRelease, origin + half_hour)

    def queued() -> None:
        entries = Outbox(mine.cache.db, CATALOG).all()
        assert len(entries) == 1  # an AssertionError: waitUntil tries again
        (entry,) = entries
        assert (entry.method, entry.if_match) == ("PATCH", 1)
        assert entry.body == {
            "room_id": target_room.id,
            "start": utc_text(start + timedelta(minutes=30)),
            "end": utc_text(start + timedelta(minutes=90)),
        }

    qtbot.waitUntil(queued, timeout=WAIT_MS)
    moved = wait_grid(
        qtbot,
        harness,
        lambda g: any(b.id == booking_id and b.pending for b in g.bookings.get(target_room.id, [])),
    )
    assert all(b.id != booking_id for b in moved.bookings.get(grid.rooms[0].id, []))
    assert mine.sync_engine().run().pushed == 1  # the link is back
    stored = booking(mine.cache.db, booking_id)
    assert stored is not None and stored.room_id == target_room.id and not stored.pending


def test_a_drop_on_a_booking_is_refused_with_the_reason_and_queues_nothing(
    qtbot: Any, harness: BookingsHarness, mine: Session
) -> None:
    grid = wait_grid(qtbot, harness)
    room = grid.rooms[0]
    start, _ = evening_slot()
    booking_id = book(mine, room.id, "Köçməyən", start)
    book(mine, room.id, "Yerində qalan", start + timedelta(minutes=90))
    open_day_with(qtbot, harness, start.date(), booking_id)
    view = harness.tab.grid_view
    row, block = shown_block(harness, booking_id)
    origin = view.block_rect(row, block).center()
    with qtbot.waitSignal(view.moveRefused, timeout=WAIT_MS) as refused:
        drag(view.viewport(), origin, origin + QPoint(view.hour_width, 0))  # 20:00-21:00
    assert refused.args[1].title == "Yerində qalan"
    assert "Yerində qalan" in harness.tab.move_message.text()
    assert Outbox(mine.cache.db, CATALOG).all() == []
    stored = booking(mine.cache.db, booking_id)
    assert stored is not None and stored.start == start and not stored.pending
    # Escape drops a drag under way: nothing moves.
    drag(view.viewport(), origin, origin + QPoint(0, view.row_height), release=False)
    assert view.move_in_progress() is not None
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    send_mouse(view.viewport(), QEvent.Type.MouseButtonRelease, origin + QPoint(0, view.row_height))
    assert view.move_in_progress() is None and Outbox(mine.cache.db, CATALOG).all() == []


def test_the_move_dialog_moves_by_keyboard_and_says_why_a_taken_slot_is_refused(
    qtbot: Any, harness: BookingsHarness, mine: Session
) -> None:
    grid = wait_grid(qtbot, harness)
    room, other = grid.rooms[0], grid.rooms[1]
    start, _ = evening_slot()
    booking_id = book(mine, room.id, "Klaviaturadan", start)
    book(mine, other.id, "Orada var", start + timedelta(hours=1))  # 20:00-21:00
    open_day_with(qtbot, harness, start.date(), booking_id)
    view = harness.tab.grid_view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_M)
    dialog = harness.tab.move_dialog
    qtbot.waitExposed(dialog)
    from tests.ui.shell.accessibility import unnamed_controls

    assert unnamed_controls(dialog) == []
    dialog.room_box.setCurrentIndex(dialog.room_box.findData(other.id))
    later = (start + timedelta(hours=1)).astimezone(BAKU)  # inside the 22:00 closing
    from PySide6.QtCore import QTime

    dialog.start_edit.setTime(QTime(later.hour, 15))
    dialog.end_edit.setTime(QTime(later.hour + 1, 15))
    dialog.submit()
    qtbot.waitUntil(lambda: bool(dialog.problems.text()), timeout=WAIT_MS)
    assert "already booked" in dialog.problems.text()
    assert Outbox(mine.cache.db, CATALOG).all() == []

    dialog.start_edit.setTime(QTime(later.hour - 1, 30))
    dialog.end_edit.setTime(QTime(later.hour - 1, 45))
    with qtbot.waitSignal(dialog.moved, timeout=WAIT_MS):
        dialog.submit()
    (entry,) = Outbox(mine.cache.db, CATALOG).all()
    assert entry.method == "PATCH" and entry.body["room_id"] == other.id
    assert entry.body["start"] == utc_text(start + timedelta(minutes=30))
    assert entry.body["end"] == utc_text(start + timedelta(minutes=45))


def test_a_move_the_server_refuses_shows_the_clash_and_alternatives(
    qtbot: Any, harness: BookingsHarness, mine: Session, colleague: Session
) -> None:
    grid = wait_grid(qtbot, harness)
    room, other = grid.rooms[0], grid.rooms[1]
    start, _ = evening_slot()
    booking_id = book(mine, room.id, "Mənim köçüm", start)
    book(colleague, other.id, "Qonşunun görüşü", start)  # mine does not know it yet
    open_day_with(qtbot, harness, start.date(), booking_id)
    view = harness.tab.grid_view
    row, block = shown_block(harness, booking_id)
    origin = view.block_rect(row, block).center()
    with qtbot.waitSignal(view.moveRequested, timeout=WAIT_MS):
        drag(view.viewport(), origin, origin + QPoint(0, view.row_height))
    qtbot.waitUntil(lambda: len(Outbox(mine.cache.db, CATALOG).all()) == 1, timeout=WAIT_MS)
    report = mine.sync_engine().run()
    assert report.push_conflicts == 1
    harness.events.changed.emit(report.answered)
    harness.tab.show_record("bookings", booking_id)
    details = harness.tab.details

    def offered() -> None:
        assert "Qonşunun görüşü" in details.refusal.text()
        assert details.alternative_buttons

    qtbot.waitUntil(offered, timeout=WAIT_MS)
