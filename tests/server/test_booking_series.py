"""Recurring bookings, check-in and release, opening hours and room attributes, over the
real server (SQLite, and PostgreSQL under scripts/test-postgres)."""

from __future__ import annotations

import dataclasses
import itertools
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from typing import Any

from server import records
from server.booking_rules import release_step
from server.db import booking_series
from tests.server.conftest import Api, World

FIRST = {
    "room_id": "room-1",
    "title": "Həftəlik planlaşdırma",
    "start": "2027-03-01T10:00:00+04:00",  # a Monday
    "end": "2027-03-01T11:00:00+04:00",
    "attendee_ids": ["p-colleague"],
    "frequency": "weekly",
    "count": 4,
}
SINGLE = {
    "room_id": "room-1",
    "title": "Müsahibə",
    "start": "2027-03-15T10:30:00+04:00",  # inside the third occurrence
    "end": "2027-03-15T11:30:00+04:00",
}


class FakeClock:
    """The server's clock, set by the test (the release rule reads it; no sleeping)."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def use_clock(world: World, now: datetime) -> FakeClock:
    clock = FakeClock(now)
    app = world.server.app
    app.state.services = dataclasses.replace(app.state.services, clock=clock)
    return clock


def server_bookings(world: World) -> dict[str, dict[str, Any]]:
    return world.sign_in("admin").sync_all("bookings")[0]


def confirmed(world: World) -> list[dict[str, Any]]:
    found = [b for b in server_bookings(world).values() if b["status"] == "confirmed"]
    return sorted(found, key=lambda b: b["start"])


def add_room(world: World, **fields: Any) -> None:
    room = {
        "id": "room-9",
        "name": "Otaq 9",
        "building": "A",
        "floor": 1,
        "capacity": 8,
        "equipment": ["ekran"],
        **fields,
    }
    with world.db.write() as conn:
        records.insert_record(conn, "rooms", room)


# --- series ------------------------------------------------------------------------------


def test_a_series_books_every_occurrence_at_the_same_baku_time(world: World) -> None:
    answer = world.sign_in("staff").post("/booking-series", json=FIRST)
    assert answer.status_code == 201, answer.text
    body = answer.json()
    starts = [b["start"] for b in body["bookings"]]
    assert starts == [f"2027-03-{d:02d}T06:00:00+00:00" for d in (1, 8, 15, 22)]
    assert {b["series_id"] for b in body["bookings"]} == {body["series"]["id"]}
    assert all(b["series_version"] == 1 for b in body["bookings"])
    assert [b["start"] for b in confirmed(world)] == starts


def test_one_taken_occurrence_refuses_the_whole_series_and_names_it(world: World) -> None:
    api = world.sign_in("staff")
    single = api.post("/bookings", json=SINGLE).json()
    refused = api.post("/booking-series", json=FIRST)
    assert refused.status_code == 409
    problem = refused.json()
    assert problem["code"] == "booking_conflict"
    assert problem["clashes"] == [
        {
            "start": "2027-03-15T06:00:00+00:00",
            "end": "2027-03-15T07:00:00+00:00",
            "reason": "booked",
            "conflicting_ids": [single["id"]],
        }
    ]
    assert [b["id"] for b in confirmed(world)] == [single["id"]]  # nothing half-written
    with world.db.read() as conn:
        assert conn.execute(booking_series.select()).first() is None


def test_skip_clashes_books_only_the_free_occurrences(world: World) -> None:
    api = world.sign_in("staff")
    api.post("/bookings", json=SINGLE)
    answer = api.post("/booking-series", json={**FIRST, "skip_clashes": True})
    assert answer.status_code == 201
    body = answer.json()
    assert [b["start"][:10] for b in body["bookings"]] == ["2027-03-01", "2027-03-08", "2027-03-22"]
    assert [c["start"][:10] for c in body["skipped"]] == ["2027-03-15"]


def test_a_series_and_single_bookings_racing_leave_exactly_one_per_occurrence(
    world: World,
) -> None:
    organiser, rival = world.sign_in("staff"), world.sign_in("colleague")
    for week in range(4):  # each round races for another set of dates
        day = datetime(2027, 4, 5, 10, tzinfo=UTC) + timedelta(weeks=4 * week)
        series = {
            **FIRST,
            "start": records.iso(day),
            "end": records.iso(day + timedelta(hours=1)),
        }
        singles = [
            {**SINGLE, "start": records.iso(s), "end": records.iso(s + timedelta(minutes=30))}
            for s in (day + timedelta(weeks=w, minutes=15) for w in (1, 3))
        ]

        def attempt(i: int, series: dict[str, Any] = series, singles: list[Any] = singles) -> int:
            if i == 0:
                return organiser.post("/booking-series", json=series).status_code
            return rival.post("/bookings", json=singles[i - 1]).status_code

        with ThreadPoolExecutor(max_workers=3) as pool:
            series_code, *single_codes = pool.map(attempt, range(3))
        if series_code == 201:
            assert single_codes == [409, 409]
        else:
            assert series_code == 409 and 201 in single_codes
    kept = confirmed(world)
    for first, second in itertools.pairwise(kept):
        assert first["end"] <= second["start"], "two confirmed bookings of a room overlap"
    by_series: dict[str, int] = {}
    for booking in kept:
        if booking.get("series_id"):
            by_series[booking["series_id"]] = by_series.get(booking["series_id"], 0) + 1
    assert all(count == 4 for count in by_series.values()), "a series was half-written"


def test_the_same_key_creates_one_series(world: World) -> None:
    api = world.sign_in("staff")
    key = uuid.uuid4().hex
    first = api.post("/booking-series", json=FIRST, key=key)
    again = api.post("/booking-series", json=FIRST, key=key)
    assert first.status_code == again.status_code == 201
    assert first.json() == again.json()
    assert len(confirmed(world)) == 4


def test_a_series_needs_count_or_until_and_stays_within_a_year(world: World) -> None:
    api = world.sign_in("staff")
    neither = {k: v for k, v in FIRST.items() if k != "count"}
    assert api.post("/booking-series", json=neither).status_code == 422
    too_far = {**neither, "frequency": "daily", "until": "2028-06-01"}
    assert api.post("/booking-series", json=too_far).status_code == 422
    assert server_bookings(world) == {}


def test_editing_the_series_moves_future_occurrences_and_keeps_a_cancelled_one_cancelled(
    world: World,
) -> None:
    api = world.sign_in("staff")
    made = api.post("/booking-series", json=FIRST).json()
    series_id = made["series"]["id"]
    second = made["bookings"][1]
    assert api.delete(f"/bookings/{second['id']}", second["version"]).status_code == 200
    assert api.patch(f"/booking-series/{series_id}", None, json={"title": "x"}).status_code == 428
    assert api.patch(f"/booking-series/{series_id}", 7, json={"title": "x"}).status_code == 412
    assert api.patch(f"/booking-series/{series_id}", 1, json={}).status_code == 422
    changed = api.patch(
        f"/booking-series/{series_id}",
        1,
        json={"title": "Yeni vaxt", "start_time": "14:00", "end_time": "15:30"},
    )
    assert changed.status_code == 200, changed.text
    assert changed.headers["ETag"] == '"2"'
    everything = server_bookings(world)
    assert everything[second["id"]]["status"] == "cancelled"
    assert everything[second["id"]]["start"] == second["start"]
    moved = confirmed(world)
    assert [b["start"] for b in moved] == [f"2027-03-{d:02d}T10:00:00+00:00" for d in (1, 15, 22)]
    assert {b["title"] for b in moved} == {"Yeni vaxt"}
    assert {b["series_version"] for b in moved} == {2}


def test_a_series_edit_that_would_clash_changes_nothing(world: World) -> None:
    api = world.sign_in("staff")
    made = api.post("/booking-series", json=FIRST).json()
    blocker = world.sign_in("colleague").post(
        "/bookings", json={**SINGLE, "start": "2027-03-22T15:00:00+04:00",
                           "end": "2027-03-22T16:00:00+04:00"},
    )  # fmt: skip
    assert blocker.status_code == 201
    refused = api.patch(
        f"/booking-series/{made['series']['id']}",
        1,
        json={"start_time": "14:30", "end_time": "15:30"},
    )
    assert refused.status_code == 409
    assert [c["start"][:10] for c in refused.json()["clashes"]] == ["2027-03-22"]
    series_starts = [b["start"] for b in confirmed(world) if b.get("series_id")]
    assert series_starts == [b["start"] for b in made["bookings"]]


def test_cancelling_the_series_cancels_its_future_occurrences_only(world: World) -> None:
    api = world.sign_in("staff")
    made = api.post("/booking-series", json=FIRST).json()
    use_clock(world, datetime(2027, 3, 10, tzinfo=UTC))  # two occurrences are past
    assert (
        world.sign_in("colleague").delete(f"/booking-series/{made['series']['id']}", 1).status_code
        == 403
    )
    cancelled = api.delete(f"/booking-series/{made['series']['id']}", 1)
    assert cancelled.status_code == 200
    assert cancelled.json()["series"]["status"] == "cancelled"
    statuses = {b["start"][:10]: b["status"] for b in server_bookings(world).values()}
    assert statuses == {
        "2027-03-01": "confirmed",
        "2027-03-08": "confirmed",
        "2027-03-15": "cancelled",
        "2027-03-22": "cancelled",
    }


# --- check-in and release -------------------------------------------------------------


START = datetime(2027, 3, 1, 6, tzinfo=UTC)  # 10:00 in Baku


def _book(api: Api, start: datetime = START) -> dict[str, Any]:
    answer = api.post(
        "/bookings",
        json={
            **SINGLE,
            "start": records.iso(start),
            "end": records.iso(start + timedelta(hours=1)),
        },
    )
    assert answer.status_code == 201, answer.text
    body: dict[str, Any] = answer.json()
    return body


def test_a_booking_nobody_checks_in_to_is_released_after_15_minutes(world: World) -> None:
    clock = use_clock(world, START - timedelta(days=1))
    booking = _book(world.sign_in("staff"))
    assert booking["check_in_by"] == records.iso(START + timedelta(minutes=15))
    rival = world.sign_in("colleague")
    clock.now = START + timedelta(minutes=14, seconds=59)
    assert rival.post("/bookings", json={**SINGLE, "start": records.iso(clock.now),
                                         "end": records.iso(START + timedelta(hours=1))},
                      ).status_code == 409  # fmt: skip
    clock.now = START + timedelta(minutes=15)
    taken = rival.post(
        "/bookings",
        json={**SINGLE, "start": records.iso(clock.now),
              "end": records.iso(START + timedelta(hours=1))},
    )  # fmt: skip
    assert taken.status_code == 201, taken.text
    released = server_bookings(world)[booking["id"]]
    assert released["status"] == "released"
    assert released["released_at"] == records.iso(START + timedelta(minutes=15))


def test_the_periodic_job_releases_what_nobody_booked_over(world: World) -> None:
    clock = use_clock(world, START - timedelta(days=1))
    api = world.sign_in("staff")
    ghost, attended = _book(api), _book(api, START + timedelta(hours=2))
    services = world.server.app.state.services
    clock.now = START + timedelta(hours=2)
    checked = api.post(f"/bookings/{attended['id']}/check-in", key=None,
                       headers={"If-Match": '"1"'})  # fmt: skip
    assert checked.status_code == 200, checked.text
    assert checked.json()["checked_in_at"] == records.iso(clock.now)
    clock.now = START + timedelta(hours=3)
    assert release_step(services) == [ghost["id"]]
    assert release_step(services) == []
    everything = server_bookings(world)
    assert everything[ghost["id"]]["status"] == "released"
    assert everything[attended["id"]]["status"] == "confirmed"


def test_check_in_is_refused_too_early_too_late_and_to_outsiders(world: World) -> None:
    clock = use_clock(world, START - timedelta(days=1))
    booking = _book(world.sign_in("staff"))
    path = f"/bookings/{booking['id']}/check-in"
    if_match = {"If-Match": '"1"'}
    api = world.sign_in("staff")
    assert api.post(path, key=None, headers=if_match).status_code == 422  # a day early
    assert world.sign_in("outsider").post(path, key=None, headers=if_match).status_code == 403
    assert api.post(path, key=None).status_code == 428
    clock.now = START + timedelta(minutes=16)
    late = api.post(path, key=None, headers=if_match)
    assert late.status_code == 409 and late.json()["code"] == "booking_released"
    assert server_bookings(world)[booking["id"]].get("checked_in_at") is None


# --- opening hours and attributes ----------------------------------------------------------

HOURS = [{"weekday": d, "open": "08:00", "close": "18:00"} for d in range(1, 6)]


def test_a_booking_outside_opening_hours_is_refused_naming_the_hours(world: World) -> None:
    add_room(world, opening_hours=HOURS, attributes=["accessible", "display"])
    api = world.sign_in("staff")
    late = {**SINGLE, "room_id": "room-9", "start": "2027-03-01T17:30:00+04:00",
            "end": "2027-03-01T18:30:00+04:00"}  # fmt: skip
    refused = api.post("/bookings", json=late)
    assert refused.status_code == 422
    assert refused.headers["content-type"].startswith("application/problem+json")
    problem = refused.json()
    assert problem["code"] == "outside_opening_hours"
    assert "Monday 08:00-18:00" in problem["detail"] and "closed on other days" in problem["detail"]
    assert problem["opening_hours"] == HOURS
    saturday = {**late, "start": "2027-03-06T10:00:00+04:00", "end": "2027-03-06T11:00:00+04:00"}
    assert api.post("/bookings", json=saturday).status_code == 422
    inside = {**late, "start": "2027-03-01T17:00:00+04:00", "end": "2027-03-01T18:00:00+04:00"}
    assert api.post("/bookings", json=inside).status_code == 201
    assert len(server_bookings(world)) == 1


def test_a_daily_series_lists_the_closed_days(world: World) -> None:
    add_room(world, opening_hours=HOURS)
    daily = {**FIRST, "room_id": "room-9", "frequency": "daily", "count": 7}
    refused = world.sign_in("staff").post("/booking-series", json=daily)
    assert refused.status_code == 409
    closed = [(c["start"][:10], c["reason"]) for c in refused.json()["clashes"]]
    assert closed == [("2027-03-06", "closed"), ("2027-03-07", "closed")]
    kept = world.sign_in("staff").post("/booking-series", json={**daily, "skip_clashes": True})
    assert len(kept.json()["bookings"]) == 5


def test_rooms_are_served_with_attributes_and_opening_hours(world: World) -> None:
    add_room(world, opening_hours=HOURS, attributes=["accessible", "video_conference"])
    rooms = world.sign_in("staff").sync_all("rooms")[0]
    assert rooms["room-9"]["attributes"] == ["accessible", "video_conference"]
    assert rooms["room-9"]["opening_hours"] == HOURS
