"""The Bookings tab end to end: the day grid and the finder from the cache, a booking
queued offline (pending, in "Changes waiting"), confirmed by the server, and a refusal
with alternatives taken in one click."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QPushButton

from cache import Outbox
from cache.changes import ChangeSource
from client.session import Session
from domains.bookings.commands import BookRoom
from domains.bookings.queries import BAKU, DayGrid, booking, utc_text
from domains.catalog import CATALOG
from domains.changes import waiting_changes
from domains.describers import change_describers
from domains.writes import apply_command
from tests.domains.bookings.slots import evening_slot
from tests.ui.bookings.conftest import BookingsHarness
from ui.change_words import describe
from ui.context import Changes

WAIT_MS = 15_000


def wait_grid(qtbot: Any, harness: BookingsHarness, check: Any = None) -> DayGrid:
    def ready() -> None:
        grid = harness.tab.grid_view.grid()
        assert grid is not None and grid.rooms
        if check is not None:
            assert check(grid)

    qtbot.waitUntil(ready, timeout=WAIT_MS)
    grid = harness.tab.grid_view.grid()
    assert grid is not None
    return grid


def room_in_view(harness: BookingsHarness, capacity: int = 4) -> Any:
    grid = harness.tab.grid_view.grid()
    assert grid is not None
    return next(r for r in grid.rooms if r.capacity >= capacity)


def test_the_day_grid_shows_a_building_from_the_cache_off_the_gui_thread(
    qtbot: Any, harness: BookingsHarness, mine: Session
) -> None:
    busiest = mine.cache.db.conn.execute(
        "SELECT substr(start, 1, 10) d FROM bookings GROUP BY d ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()[0]
    day = datetime.fromisoformat(busiest).date()
    wait_grid(qtbot, harness)
    harness.tab.set_day(day)
    grid = wait_grid(qtbot, harness, lambda g: g.day == day and g.bookings)

    building = harness.tab.building_box.currentText()
    (rooms,) = mine.cache.db.conn.execute(
        "SELECT count(*) FROM rooms WHERE building = ?", (building,)
    ).fetchone()
    assert len(grid.rooms) == rooms
    assert harness.tab.grid_view.visible_rows().stop <= len(grid.rooms)
    assert "as of" in harness.tab.as_of_label.text()
    assert threading.get_ident() not in harness.statements.threads


def test_the_finder_answers_from_the_cache(qtbot: Any, harness: BookingsHarness) -> None:
    wait_grid(qtbot, harness)
    start, _ = evening_slot()
    finder = harness.tab.finder
    finder.set_request(start.date(), QTime(19, 0), QTime(20, 0), 10, [])
    with qtbot.waitSignal(finder.answered, timeout=WAIT_MS) as answered:
        finder.find_button.click()
    assert answered.args[0] == finder.results.count() > 0
    assert "availability as of" in finder.as_of_label.text()
    assert finder.book_button.isEnabled()
    assert threading.get_ident() not in harness.statements.threads


def test_a_booking_made_offline_is_pending_at_once_and_confirmed_when_sent(
    qtbot: Any, harness: BookingsHarness, mine: Session
) -> None:
    wait_grid(qtbot, harness)
    start, end = evening_slot()
    harness.tab.set_day(start.date())
    wait_grid(qtbot, harness, lambda g: g.day == start.date())
    room = room_in_view(harness)

    dialog = harness.tab.open_booking_form(room, start, end)
    dialog.title_edit.setText("Hesabat müzakirəsi")
    guest_id, guest_name = mine.cache.db.conn.execute(
        "SELECT id, full_name FROM people WHERE id <> ? ORDER BY id LIMIT 1", (mine.user["id"],)
    ).fetchone()
    dialog.attendee_search.setText(guest_name)
    qtbot.waitUntil(lambda: dialog.matches.count() > 0, timeout=WAIT_MS)
    dialog.matches.setCurrentRow(0)
    qtbot.keyClick(dialog.matches, Qt.Key.Key_Return)  # Enter invites
    assert dialog.attendee_ids() == [guest_id]
    with qtbot.waitSignal(dialog.booked, timeout=WAIT_MS) as booked:
        dialog.submit()
    local_id = booked.args[0]
    (queued,) = Outbox(mine.cache.db, CATALOG).all()
    assert queued.body["attendee_ids"] == [guest_id]

    grid = wait_grid(
        qtbot, harness, lambda g: any(b.id == local_id for b in g.bookings.get(room.id, []))
    )
    (block,) = [b for b in grid.bookings[room.id] if b.id == local_id]
    assert block.pending and block.title == "Hesabat müzakirəsi"
    mine_list = harness.tab.mine.list

    def listed() -> None:
        texts = [mine_list.item(i).text() for i in range(mine_list.count())]
        assert any("Hesabat müzakirəsi" in t and "Waiting to be sent" in t for t in texts)

    qtbot.waitUntil(listed, timeout=WAIT_MS)
    (waiting,) = waiting_changes(mine.cache.db, CATALOG, change_describers())
    sentence = describe(waiting.description)
    assert sentence.startswith("New booking: ") and room.name in sentence
    assert "Hesabat müzakirəsi" in sentence

    report = mine.sync_engine().run()  # the link is back
    assert report.pushed == 1
    harness.events.changed.emit(report.answered)
    confirmed = wait_grid(
        qtbot,
        harness,
        lambda g: any(
            b.title == "Hesabat müzakirəsi" and not b.pending for b in g.bookings.get(room.id, [])
        ),
    )
    assert all(b.id != local_id for b in confirmed.bookings[room.id])


def test_a_refused_booking_offers_alternatives_and_one_click_books_one(
    qtbot: Any, harness: BookingsHarness, mine: Session, colleague: Session
) -> None:
    start, end = evening_slot()
    room_id = mine.cache.db.conn.execute(
        "SELECT id FROM rooms WHERE capacity >= 6 ORDER BY capacity, id LIMIT 1"
    ).fetchone()[0]
    apply_command(
        colleague.cache.db,
        BookRoom(room_id, "Onların görüşü", start, end, [], colleague.user, datetime.now(UTC)),
    )
    colleague.sync_engine().run()
    local_id = str(
        apply_command(
            mine.cache.db,
            BookRoom(room_id, "Mənim görüşüm", start, end, [], mine.user, datetime.now(UTC)),
        ).write.record["id"]
    )
    assert mine.sync_engine().run().push_conflicts == 1
    harness.events.changed.emit(Changes.of(ChangeSource.OUTBOX_ANSWER, "bookings", [local_id]))

    harness.tab.show_record("bookings", local_id)
    details = harness.tab.details

    def offered() -> None:
        assert details.alternative_buttons
        assert "Onların görüşü" in details.refusal.text()

    qtbot.waitUntil(offered, timeout=WAIT_MS)
    assert details.discard_button.isVisible() and not details.cancel_button.isVisible()
    first: QPushButton = details.alternative_buttons[0]
    assert first.accessibleName()
    first.click()

    def replaced() -> None:
        assert booking(mine.cache.db, local_id) is None
        (entry,) = Outbox(mine.cache.db, CATALOG).all()
        assert entry.method == "POST" and entry.body["room_id"] != room_id

    qtbot.waitUntil(replaced, timeout=WAIT_MS)
    report = mine.sync_engine().run()
    assert report.pushed == 1 and not Outbox(mine.cache.db, CATALOG).all()
    (kept,) = mine.cache.db.conn.execute(
        "SELECT room_id FROM bookings WHERE title = 'Mənim görüşüm' AND sync_state = 'synced' "
        "AND start = ?",
        (start.astimezone(UTC).isoformat(),),
    ).fetchall()
    assert kept[0] != room_id


def test_every_control_is_named_and_reachable_by_keyboard(
    qtbot: Any, harness: BookingsHarness
) -> None:
    from tests.ui.shell.accessibility import tab_order_breaks, tab_stops, unnamed_controls

    wait_grid(qtbot, harness)
    start, end = evening_slot()
    dialog = harness.tab.open_booking_form(room_in_view(harness), start, end)
    qtbot.waitExposed(dialog)
    problems = unnamed_controls(harness.tab) + unnamed_controls(dialog)
    assert problems == [], "\n".join(problems)
    stops = tab_stops(harness.tab)
    for control in (
        harness.tab.grid_view,
        harness.tab.finder.find_button,
        harness.tab.building_box,
    ):
        assert control in stops
    assert tab_order_breaks(harness.tab) == []
    dialog.reject()


def test_the_grid_is_driven_by_keyboard(qtbot: Any, harness: BookingsHarness) -> None:
    wait_grid(qtbot, harness)
    start, _ = evening_slot()
    harness.tab.set_day(start.date())
    grid = wait_grid(qtbot, harness, lambda g: g.day == start.date())
    view = harness.tab.grid_view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Down)
    with qtbot.waitSignal(view.rangeChosen, timeout=WAIT_MS) as chosen:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    room_id, begin, finish = chosen.args
    assert room_id == grid.rooms[1].id
    assert finish - begin == timedelta(hours=1) and begin.astimezone(BAKU).hour == 9


def test_a_weekly_series_over_a_taken_date_books_only_the_free_ones_when_asked(
    qtbot: Any, harness: BookingsHarness, mine: Session
) -> None:
    wait_grid(qtbot, harness)
    start, end = evening_slot()
    room = room_in_view(harness)
    taken_start = start + timedelta(days=7)
    apply_command(
        mine.cache.db,
        BookRoom(
            room.id,
            "Başqa görüş",
            taken_start,
            taken_start + timedelta(hours=1),
            [],
            mine.user,
            datetime.now(UTC),
        ),
    )
    dialog = harness.tab.open_booking_form(room, start, end)
    dialog.title_edit.setText("Həftəlik plan")
    dialog.repeat_box.setCurrentIndex(2)  # weekly
    dialog.times_edit.setValue(3)
    dialog.submit()
    qtbot.waitUntil(dialog.only_free_button.isVisible, timeout=WAIT_MS)
    assert "1" in dialog.problems.text() and len(Outbox(mine.cache.db, CATALOG).all()) == 1

    with qtbot.waitSignal(dialog.booked, timeout=WAIT_MS):
        dialog.only_free_button.click()
    # One server series, queued as one change: the server books only the free dates.
    (queued,) = [
        e for e in Outbox(mine.cache.db, CATALOG).all() if e.body["title"] == "Həftəlik plan"
    ]
    assert queued.path == "/booking-series"
    assert queued.body["start"] == utc_text(start)
    assert (queued.body["frequency"], queued.body["count"]) == ("weekly", 3)
    assert queued.body["skip_clashes"] is True


def test_changing_a_booking_sends_a_patch_with_if_match(
    qtbot: Any, harness: BookingsHarness, mine: Session
) -> None:
    wait_grid(qtbot, harness)
    start, end = evening_slot()
    room = room_in_view(harness)
    apply_command(
        mine.cache.db,
        BookRoom(room.id, "Köçürüləcək", start, end, [], mine.user, datetime.now(UTC)),
    )
    mine.sync_engine().run()
    (server_id,) = mine.cache.db.conn.execute(
        "SELECT id FROM bookings WHERE title = 'Köçürüləcək' AND sync_state = 'synced'"
    ).fetchone()
    harness.tab.show_record("bookings", server_id)
    details = harness.tab.details
    qtbot.waitUntil(details.change_button.isVisible, timeout=WAIT_MS)
    details.change_button.click()
    dialog = harness.tab.open_dialog
    assert dialog is not None and dialog.title_edit.text() == "Köçürüləcək"
    assert not dialog.repeat_box.isVisible()
    later = end + timedelta(minutes=30)
    dialog.end_edit.setTime(QTime(later.astimezone(BAKU).hour, later.astimezone(BAKU).minute))
    with qtbot.waitSignal(dialog.booked, timeout=WAIT_MS):
        dialog.submit()
    (entry,) = Outbox(mine.cache.db, CATALOG).all()
    assert (entry.method, entry.if_match, entry.body) == ("PATCH", 1, {"end": utc_text(later)})
    assert mine.sync_engine().run().pushed == 1
    moved = booking(mine.cache.db, server_id)
    assert moved is not None and moved.end == later and moved.version == 2
