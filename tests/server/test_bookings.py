"""Bookings: the no-overlap rule under races, idempotency keys, If-Match, bad input."""

from __future__ import annotations

import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from server.db import idempotency
from tests.server.conftest import Api, World

SLOT = {
    "room_id": "room-1",
    "title": "Kollegiya iclası",
    "start": "2027-03-01T10:00:00+04:00",
    "end": "2027-03-01T11:00:00+04:00",
    "attendee_ids": ["p-colleague"],
}


def bookings_on_server(world: World) -> dict[str, dict[str, Any]]:
    return world.sign_in("admin").sync_all("bookings")[0]


def test_create_normalises_times_to_utc_and_records_the_organizer(world: World) -> None:
    created = world.sign_in("staff").post("/bookings", json=SLOT)
    assert created.status_code == 201
    body = created.json()
    assert body["start"] == "2027-03-01T06:00:00+00:00"
    assert body["end"] == "2027-03-01T07:00:00+00:00"
    assert body["organizer_id"] == "p-staff"
    assert body["status"] == "confirmed" and body["version"] == 1


def test_twenty_concurrent_requests_for_one_slot_leave_exactly_one_booking(world: World) -> None:
    apis = [world.sign_in(name) for name in ("staff", "colleague", "head", "outsider")]

    def attempt(i: int) -> int:
        api = apis[i % len(apis)]
        # Each request overlaps the others differently, but all share 10:20-10:40.
        body = {
            **SLOT,
            "start": f"2027-03-01T10:{i % 20:02d}:00+04:00",
            "end": "2027-03-01T10:40:00+04:00",
        }
        return api.post("/bookings", json=body).status_code

    with ThreadPoolExecutor(max_workers=20) as pool:
        codes = list(pool.map(attempt, range(20)))
    assert sorted(codes) == [201] + [409] * 19
    assert len(bookings_on_server(world)) == 1


def test_a_conflict_names_the_bookings_it_overlaps(world: World) -> None:
    api = world.sign_in("staff")
    first = api.post("/bookings", json=SLOT).json()
    clash = api.post(
        "/bookings",
        json={**SLOT, "start": "2027-03-01T10:59:00+04:00", "end": "2027-03-01T12:00:00+04:00"},
    )
    assert clash.status_code == 409
    assert clash.json()["code"] == "booking_conflict"
    assert clash.json()["conflicting_ids"] == [first["id"]]
    # Back to back is not an overlap; another room is free.
    assert (
        api.post(
            "/bookings", json={**SLOT, "start": SLOT["end"], "end": "2027-03-01T12:00:00+04:00"}
        ).status_code
        == 201
    )
    assert api.post("/bookings", json={**SLOT, "room_id": "room-2"}).status_code == 201


def test_one_key_sent_ten_times_creates_one_booking(world: World) -> None:
    api = world.sign_in("staff")
    key = uuid.uuid4().hex
    answers = [api.post("/bookings", json=SLOT, key=key) for _ in range(10)]
    assert {a.status_code for a in answers} == {201}
    assert len({a.json()["id"] for a in answers}) == 1
    assert len(bookings_on_server(world)) == 1


def test_one_key_sent_ten_times_at_once_creates_one_booking(world: World) -> None:
    api = world.sign_in("staff")
    key = uuid.uuid4().hex
    with ThreadPoolExecutor(max_workers=10) as pool:
        answers = list(pool.map(lambda _: api.post("/bookings", json=SLOT, key=key), range(10)))
    codes = [a.status_code for a in answers]
    assert set(codes) <= {201, 409} and 201 in codes
    for answer in answers:
        if answer.status_code == 409:
            assert answer.json()["code"] == "idempotency_in_progress"
    assert len({a.json()["id"] for a in answers if a.status_code == 201}) == 1
    assert len(bookings_on_server(world)) == 1


def test_a_key_reused_with_another_body_is_refused(world: World) -> None:
    api = world.sign_in("staff")
    key = uuid.uuid4().hex
    assert api.post("/bookings", json=SLOT, key=key).status_code == 201
    other = api.post("/bookings", json={**SLOT, "room_id": "room-2"}, key=key)
    assert other.status_code == 422
    assert other.json()["code"] == "idempotency_key_reused"
    assert len(bookings_on_server(world)) == 1


def test_keys_are_scoped_to_the_user(world: World) -> None:
    key = uuid.uuid4().hex
    assert world.sign_in("staff").post("/bookings", json=SLOT, key=key).status_code == 201
    other_user = world.sign_in("colleague").post(
        "/bookings", json={**SLOT, "room_id": "room-2"}, key=key
    )
    assert other_user.status_code == 201


def test_a_key_still_in_flight_answers_409(world: World) -> None:
    api = world.sign_in("staff")
    key = uuid.uuid4().hex
    with world.db.write() as conn:
        conn.execute(
            idempotency.insert().values(
                user_id="p-staff",
                key=key,
                request_hash="x" * 64,
                state="in_flight",
                created_at=int(time.time()),
            )
        )
    # Same key, same body as the one in flight: wait.
    from server.idempotency import request_hash
    from server.schemas import BookingCreate

    fingerprint = request_hash(
        "POST", "/bookings", BookingCreate.model_validate(SLOT).model_dump(mode="json")
    )
    with world.db.write() as conn:
        conn.execute(
            idempotency.update().where(idempotency.c.key == key).values(request_hash=fingerprint)
        )
    busy = api.post("/bookings", json=SLOT, key=key)
    assert busy.status_code == 409
    assert busy.json()["code"] == "idempotency_in_progress"
    assert busy.headers["Retry-After"] == "1"
    assert bookings_on_server(world) == {}


def test_a_stored_conflict_is_answered_again_for_the_same_key(world: World) -> None:
    api = world.sign_in("staff")
    api.post("/bookings", json=SLOT)
    key = uuid.uuid4().hex
    first = api.post("/bookings", json=SLOT, key=key)
    second = api.post("/bookings", json=SLOT, key=key)
    assert first.status_code == second.status_code == 409
    assert first.json() == second.json()


@pytest.mark.parametrize("key", [None, "short", "bad key with spaces!", "x" * 200])
def test_a_missing_or_malformed_key_is_400(world: World, key: str | None) -> None:
    api = world.sign_in("staff")
    answer = api.post("/bookings", json=SLOT, key=key)
    assert answer.status_code == 400
    assert answer.json()["code"] in ("idempotency_key_missing", "idempotency_key_invalid")
    assert bookings_on_server(world) == {}


def created(api: Api) -> dict[str, Any]:
    answer = api.post("/bookings", json=SLOT)
    assert answer.status_code == 201
    return answer.json()


def test_changes_need_if_match_and_a_stale_version_gets_the_current_record(world: World) -> None:
    api = world.sign_in("staff")
    booking = created(api)
    path = f"/bookings/{booking['id']}"
    missing = api.patch(path, None, json={"title": "Yeni"})
    assert missing.status_code == 428 and missing.json()["code"] == "precondition_required"
    changed = api.patch(path, 1, json={"title": "Yeni"})
    assert changed.status_code == 200
    assert changed.json()["version"] == 2 and changed.headers["ETag"] == '"2"'
    stale = api.patch(path, 1, json={"title": "Köhnə"})
    assert stale.status_code == 412
    assert stale.json()["code"] == "version_mismatch"
    assert stale.json()["current"]["title"] == "Yeni"
    assert api.patch(path, None, json={}, headers={"If-Match": "abc"}).status_code == 422


def test_a_move_into_a_taken_slot_is_a_conflict(world: World) -> None:
    api = world.sign_in("staff")
    booking = created(api)
    other = api.post("/bookings", json={**SLOT, "room_id": "room-2"}).json()
    moved = api.patch(f"/bookings/{other['id']}", 1, json={"room_id": "room-1"})
    assert moved.status_code == 409
    assert moved.json()["conflicting_ids"] == [booking["id"]]
    # Moving within its own slot does not conflict with itself.
    later = api.patch(f"/bookings/{booking['id']}", 1, json={"end": "2027-03-01T11:30:00+04:00"})
    assert later.status_code == 200


def test_only_the_organizer_or_an_admin_changes_or_cancels(world: World) -> None:
    booking = created(world.sign_in("staff"))
    path = f"/bookings/{booking['id']}"
    colleague = world.sign_in("colleague")
    assert colleague.patch(path, 1, json={"title": "x"}).status_code == 403
    assert colleague.delete(path, 1).status_code == 403
    cancelled = world.sign_in("admin").delete(path, 1)
    assert cancelled.status_code == 200
    assert cancelled.json()["status"] == "cancelled"
    assert cancelled.json()["version"] == 2
    # The slot is free again, and a cancelled booking cannot be changed.
    assert world.sign_in("colleague").post("/bookings", json=SLOT).status_code == 201
    assert world.sign_in("staff").patch(path, 2, json={"title": "x"}).status_code == 422


BAD_BODIES = {
    "start-after-end": {**SLOT, "start": SLOT["end"], "end": SLOT["start"]},
    "zero-length": {**SLOT, "end": SLOT["start"]},
    "too-long": {**SLOT, "end": "2027-03-03T11:00:00+04:00"},
    "no-offset": {**SLOT, "start": "2027-03-01T10:00:00", "end": "2027-03-01T11:00:00"},
    "year-9999": {**SLOT, "start": "9999-03-01T10:00:00+04:00", "end": "9999-03-01T11:00:00+04:00"},
    "year-1900": {**SLOT, "start": "1900-03-01T10:00:00+04:00", "end": "1900-03-01T11:00:00+04:00"},
    "not-a-date": {**SLOT, "start": "tomorrow"},
    "unix-time": {**SLOT, "start": 1800000000, "end": 1800003600},
    "unix-time-string": {**SLOT, "start": "1800000000", "end": "1800003600"},
    "unknown-field": {**SLOT, "colour": "red"},
    "wrong-type": {**SLOT, "attendee_ids": "p-colleague"},
    "empty-title": {**SLOT, "title": "   "},
    "unknown-room": {**SLOT, "room_id": "room-404"},
    "unknown-attendee": {**SLOT, "attendee_ids": ["p-ghost"]},
    "missing-field": {k: v for k, v in SLOT.items() if k != "room_id"},
    "nul-in-title": {**SLOT, "title": "Plan\x00"},
    "nul-in-id": {**SLOT, "attendee_ids": ["p-\x00"]},
}


@pytest.mark.parametrize("body", BAD_BODIES.values(), ids=BAD_BODIES.keys())
def test_bad_input_is_a_422_and_writes_nothing(world: World, body: dict[str, Any]) -> None:
    api = world.sign_in("staff")
    answer = api.post("/bookings", json=body)
    assert answer.status_code == 422, answer.text
    problem = answer.json()
    assert answer.headers["content-type"] == "application/problem+json"
    assert problem["code"] == "validation_error" and problem["errors"]
    assert bookings_on_server(world) == {}


@pytest.mark.parametrize("raw", [b"{bad json", b"", b"[]", b"null", b'{"room_id": 5}'])
def test_malformed_json_is_a_422(world: World, raw: bytes) -> None:
    api = world.sign_in("staff")
    answer = api.post("/bookings", content=raw, headers={"Content-Type": "application/json"})
    assert answer.status_code == 422
    assert answer.json()["code"] == "validation_error"
    assert bookings_on_server(world) == {}


def test_nul_in_the_path_or_query_is_a_422(world: World) -> None:
    api = world.sign_in("staff")
    assert api.delete("/bookings/bkg%00x", 1).status_code == 422
    answer = api.get("/sync/registry_rows", params={"registry": "reg\x00"})
    assert answer.status_code == 422 and answer.json()["code"] == "validation_error"
