"""The check-in reminders' plan: what is due at a given "now", when to look again, and
that nothing is announced twice (the remembered keys) or past the deadline."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

from client.session import Session
from domains.bookings.commands import BookRoom, CancelBooking, CheckIn
from domains.bookings.reminders import (
    LAST_CALL,
    ReminderCandidate,
    load_announced,
    plan_reminders,
    reminder_candidates,
)
from domains.writes import apply_command
from server.booking_rules import release_step
from tests.demo import DemoServer
from tests.domains.bookings.slots import evening_slot

START = datetime(2026, 12, 1, 6, 0, tzinfo=UTC)  # 10:00 in Baku
DEADLINE = START + timedelta(minutes=15)
MEETING = ReminderCandidate("b1", "Planning", "Room 101", START, DEADLINE)


def test_nothing_is_due_before_check_in_opens_and_the_next_check_is_its_opening() -> None:
    plan = plan_reminders([MEETING], START - timedelta(hours=1), set())
    assert plan.due == []
    assert plan.next_check == START - timedelta(minutes=15)


def test_check_in_opening_is_announced_once_then_the_last_call_is_next() -> None:
    now = START - timedelta(minutes=15)
    plan = plan_reminders([MEETING], now, set())
    (reminder,) = plan.due
    assert (reminder.booking_id, reminder.moment, reminder.check_in_by) == ("b1", "opens", DEADLINE)
    assert plan.next_check == DEADLINE - LAST_CALL
    again = plan_reminders([MEETING], now + timedelta(minutes=1), plan.settled)
    assert again.due == [] and again.next_check == DEADLINE - LAST_CALL


def test_the_last_call_is_announced_once_and_nothing_after_it() -> None:
    opened = plan_reminders([MEETING], START - timedelta(minutes=10), set())
    last = plan_reminders([MEETING], DEADLINE - LAST_CALL, opened.settled)
    assert [r.moment for r in last.due] == ["last"]
    assert last.next_check is None
    assert plan_reminders([MEETING], DEADLINE - timedelta(minutes=1), last.settled).due == []


def test_a_start_missed_while_the_app_was_closed_gets_only_the_last_call() -> None:
    plan = plan_reminders([MEETING], DEADLINE - timedelta(minutes=2), set())
    assert [r.moment for r in plan.due] == ["last"]
    assert plan.settled == {"b1:opens", "b1:last"}


def test_past_the_deadline_nothing_is_due_and_old_keys_are_forgotten() -> None:
    plan = plan_reminders([MEETING], DEADLINE, {"b1:opens", "gone:last"})
    assert plan.due == [] and plan.next_check is None
    assert plan.settled == frozenset()


def test_the_next_check_is_the_soonest_moment_of_any_booking() -> None:
    later = ReminderCandidate(
        "b2", "Review", "Room 7", START + timedelta(hours=2), DEADLINE + timedelta(hours=2)
    )
    plan = plan_reminders([later, MEETING], START - timedelta(hours=3), set())
    assert plan.next_check == START - timedelta(minutes=15)


def test_remembered_keys_survive_a_round_trip_and_damage_is_forgotten() -> None:
    assert load_announced('["b1:opens"]') == {"b1:opens"}
    assert load_announced("not json") == set()
    assert load_announced(None) == set()


def _booked(mine: Session, room_id: str, start: datetime, title: str) -> str:
    """Booked and pushed: the server's record carries ``check_in_by``."""
    apply_command(
        mine.cache.db,
        BookRoom(
            room_id, title, start, start + timedelta(hours=1), [], mine.user, datetime.now(UTC)
        ),
    )
    assert mine.sync_engine().run().pushed == 1
    return str(
        mine.cache.db.conn.execute("SELECT id FROM bookings WHERE title = ?", (title,)).fetchone()[
            0
        ]
    )


def test_only_my_confirmed_bookings_not_checked_in_are_candidates(
    mine: Session, demo_server: DemoServer
) -> None:
    room_id = str(mine.cache.db.conn.execute("SELECT id FROM rooms ORDER BY id").fetchone()[0])
    # released first: the server's release job looks back a week from its clock
    slots = [evening_slot(days_ahead=d)[0] for d in (90, 100, 101, 102)]
    released = _booked(mine, room_id, slots[0], "Azad")
    waiting = _booked(mine, room_id, slots[1], "Gözləyir")
    checked = _booked(mine, room_id, slots[2], "Gəldim")
    cancelled = _booked(mine, room_id, slots[3], "Ləğv")
    app = demo_server.server.app
    services = app.state.services
    server_now = [slots[2] - timedelta(minutes=5)]
    app.state.services = dataclasses.replace(services, clock=lambda: server_now[0])
    try:
        apply_command(mine.cache.db, CheckIn(checked, mine.user, server_now[0]))
        apply_command(mine.cache.db, CancelBooking(cancelled, mine.user))
        assert mine.sync_engine().run().pushed == 2
        server_now[0] = slots[0] + timedelta(minutes=16)
        assert released in release_step(app.state.services)
    finally:
        app.state.services = services
    mine.sync_engine().run()
    now = datetime.now(UTC)
    found = reminder_candidates(mine.cache.db, str(mine.user["id"]), now)
    ids = [c.booking_id for c in found]
    assert waiting in ids
    assert not {checked, cancelled, released} & set(ids)
    (mine_waiting,) = [c for c in found if c.booking_id == waiting]
    assert mine_waiting.check_in_by == slots[1] + timedelta(minutes=15)
    assert reminder_candidates(mine.cache.db, "somebody-else", now) == []
