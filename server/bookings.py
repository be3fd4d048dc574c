"""Meeting-room bookings. Two confirmed bookings of one room never overlap: the check and
the write happen in one write transaction, and write transactions run one at a time (see
``server.db``: SQLite's BEGIN IMMEDIATE, PostgreSQL's lock on the counters row taken first).
The room row is also locked (``SELECT ... FOR UPDATE``, nothing on SQLite), so the rule
would still hold on PostgreSQL at READ COMMITTED if writers were ever serialised per room
only: the overlap query after the lock sees every booking committed before it."""

from __future__ import annotations

import json
import secrets
from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from pydantic import AwareDatetime
from sqlalchemy import Connection, select

from server import records
from server.booking_rules import check_in_deadline, check_opening_hours, is_overdue, release
from server.context import Principal, PrincipalDep, Services, ServicesDep
from server.db import bookings, people, rooms
from server.errors import ApiError, validation_error
from server.idempotency import check_key, request_hash, run_idempotent
from server.preconditions import (
    IdempotencyKeyHeader,
    IfMatchHeader,
    check_version,
    etag,
    expected_version,
    patch_changes,
)
from server.schemas import Booking, BookingCreate, BookingPatch

router = APIRouter(tags=["bookings"])

MAX_DURATION = timedelta(hours=24)
EARLIEST_YEAR, LATEST_YEAR = 2000, 2100


def _check_times(start: datetime, end: datetime) -> None:
    for name, moment in (("start", start), ("end", end)):
        if not EARLIEST_YEAR <= moment.astimezone(UTC).year <= LATEST_YEAR:
            raise validation_error(name, f"must fall between {EARLIEST_YEAR} and {LATEST_YEAR}")
    if end <= start:
        raise validation_error("end", "must be after start")
    if end - start > MAX_DURATION:
        raise validation_error("end", "a booking lasts at most 24 hours")


def lock_room(conn: Connection, room_id: str) -> dict[str, Any]:
    """The room's record, locked; 422 if there is no such room."""
    room = conn.execute(
        select(rooms.c.body)
        .where(rooms.c.id == room_id, rooms.c.deleted.is_(False))
        .with_for_update()
    ).first()
    if room is None:
        raise validation_error("room_id", "no such room")
    record: dict[str, Any] = json.loads(room.body)
    return record


def grace(services: Services) -> timedelta:
    return timedelta(minutes=services.settings.check_in_grace_minutes)


def _check_people(conn: Connection, ids: list[str]) -> list[str]:
    unique = list(dict.fromkeys(ids))
    if unique:
        found = {
            r[0]
            for r in conn.execute(
                select(people.c.id).where(people.c.id.in_(unique), people.c.deleted.is_(False))
            )
        }
        missing = [i for i in unique if i not in found]
        if missing:
            raise validation_error("attendee_ids", f"unknown people: {', '.join(missing[:5])}")
    return unique


def overlapping_ids(
    conn: Connection,
    room_id: str,
    start: datetime,
    end: datetime,
    ignore_ids: frozenset[str],
    now: datetime,
) -> list[str]:
    """The confirmed bookings of the room overlapping [start, end), after releasing those
    among them that are overdue for check-in (in this transaction: see booking_rules)."""
    query = select(bookings.c.id, bookings.c.body).where(
        bookings.c.room_id == room_id,
        bookings.c.status == "confirmed",
        bookings.c.deleted.is_(False),
        bookings.c.start_ts < int(end.timestamp()),
        bookings.c.end_ts > int(start.timestamp()),
    )
    overlapping: list[str] = []
    for row in conn.execute(query).all():
        if row.id in ignore_ids:
            continue
        booking = json.loads(row.body)
        if is_overdue(booking, now):
            release(conn, booking, now)
        else:
            overlapping.append(row.id)
    return overlapping[:20]


def _check_free(
    conn: Connection,
    room_id: str,
    start: datetime,
    end: datetime,
    ignore_id: str | None,
    now: datetime,
) -> None:
    ignored = frozenset() if ignore_id is None else frozenset({ignore_id})
    overlapping = overlapping_ids(conn, room_id, start, end, ignored, now)
    if overlapping:
        raise ApiError(
            409,
            "booking_conflict",
            "The room is already booked for part of that time.",
            conflicting_ids=overlapping,
        )


def _utc(moment: AwareDatetime) -> str:
    return records.iso(moment)


def new_booking_id() -> str:
    return f"bkg-{secrets.token_hex(12)}"


@router.post(
    "/bookings",
    status_code=201,
    response_model=Booking,
    responses={409: {"description": "booking_conflict, or the same key still in flight"}},
)
def create_booking(
    body: BookingCreate,
    principal: PrincipalDep,
    services: ServicesDep,
    idempotency_key: IdempotencyKeyHeader = None,
) -> JSONResponse:
    key = check_key(idempotency_key)
    payload = body.model_dump(mode="json")

    def action(conn: Connection) -> tuple[int, Any]:
        _check_times(body.start, body.end)
        room = lock_room(conn, body.room_id)
        check_opening_hours(room, body.start, body.end)
        attendees = _check_people(conn, body.attendee_ids)
        _check_free(conn, body.room_id, body.start, body.end, None, services.clock())
        record = records.insert_record(
            conn,
            "bookings",
            {
                "id": new_booking_id(),
                "room_id": body.room_id,
                "title": body.title,
                "start": _utc(body.start),
                "end": _utc(body.end),
                "organizer_id": principal.user_id,
                "attendee_ids": attendees,
                "status": "confirmed",
                "check_in_by": check_in_deadline(body.start, grace(services)),
            },
        )
        return 201, record

    fingerprint = request_hash("POST", "/bookings", payload)
    return run_idempotent(services, principal, key, fingerprint, action)


def _load_for_change(conn: Connection, principal: Principal, booking_id: str) -> dict[str, Any]:
    found = records.load(conn, "bookings", booking_id)
    if found is None or found[1]:
        raise ApiError(404, "not_found", "No such booking.")
    record = found[0]
    if record["organizer_id"] != principal.user_id and not principal.is_admin:
        raise ApiError(403, "forbidden", "Only the organizer or an administrator may change it.")
    return record


def _with_etag(record: dict[str, Any], status: int = 200) -> JSONResponse:
    return JSONResponse(record, status_code=status, headers={"ETag": etag(record)})


@router.patch("/bookings/{booking_id}", response_model=Booking)
def change_booking(
    booking_id: str,
    body: BookingPatch,
    principal: PrincipalDep,
    services: ServicesDep,
    if_match: IfMatchHeader = None,
) -> JSONResponse:
    expected = expected_version(if_match)
    patch_changes(body)
    with services.db.write() as conn:
        record = _load_for_change(conn, principal, booking_id)
        check_version(record, expected)
        if record["status"] != "confirmed":
            raise validation_error("status", f"a {record['status']} booking cannot be changed")
        start = body.start or datetime.fromisoformat(record["start"])
        end = body.end or datetime.fromisoformat(record["end"])
        room_id = body.room_id or record["room_id"]
        _check_times(start, end)
        room = lock_room(conn, room_id)
        check_opening_hours(room, start, end)
        updated = dict(record)
        if body.attendee_ids is not None:
            updated["attendee_ids"] = _check_people(conn, body.attendee_ids)
        _check_free(conn, room_id, start, end, booking_id, services.clock())
        if body.title is not None:
            updated["title"] = body.title
        updated.update(room_id=room_id, start=_utc(start), end=_utc(end))
        if record.get("check_in_by") is not None and _utc(start) != record["start"]:
            updated["check_in_by"] = check_in_deadline(start, grace(services))
        saved = records.replace_record(conn, "bookings", updated)
    return _with_etag(saved)


@router.delete("/bookings/{booking_id}", response_model=Booking)
def cancel_booking(
    booking_id: str,
    principal: PrincipalDep,
    services: ServicesDep,
    if_match: IfMatchHeader = None,
) -> JSONResponse:
    """Cancelling keeps the record (status ``cancelled``) so everyone's calendar shows it."""
    expected = expected_version(if_match)
    with services.db.write() as conn:
        record = _load_for_change(conn, principal, booking_id)
        check_version(record, expected)
        if record["status"] == "cancelled":
            return _with_etag(record)
        saved = records.replace_record(conn, "bookings", {**record, "status": "cancelled"})
    return _with_etag(saved)


@router.post(
    "/bookings/{booking_id}/check-in",
    response_model=Booking,
    responses={409: {"description": "booking_released: too late, the room was given up"}},
)
def check_in_booking(
    booking_id: str,
    principal: PrincipalDep,
    services: ServicesDep,
    if_match: IfMatchHeader = None,
) -> JSONResponse:
    """The organizer, an attendee or an administrator says the meeting takes place: from
    ``check_in_opens_minutes`` before the start until ``check_in_by``. Checking in twice
    is harmless (the first time is kept)."""
    expected = expected_version(if_match)
    now = services.clock()
    with services.db.write() as conn:
        found = records.load(conn, "bookings", booking_id)
        if found is None or found[1]:
            raise ApiError(404, "not_found", "No such booking.")
        record = found[0]
        allowed = {record["organizer_id"], *record.get("attendee_ids", [])}
        if principal.user_id not in allowed and not principal.is_admin:
            raise ApiError(403, "forbidden", "Only the organizer or an attendee may check in.")
        check_version(record, expected)
        if record.get("checked_in_at") is not None:
            return _with_etag(record)
        if record["status"] == "released" or is_overdue(record, now):
            raise ApiError(
                409, "booking_released", "Nobody checked in in time: the room was released."
            )
        if record["status"] != "confirmed":
            raise validation_error("status", f"a {record['status']} booking cannot be checked in")
        opens = datetime.fromisoformat(record["start"]) - timedelta(
            minutes=services.settings.check_in_opens_minutes
        )
        if now < opens or now >= datetime.fromisoformat(record["end"]):
            raise validation_error(
                "start",
                f"check-in opens {services.settings.check_in_opens_minutes} minutes before "
                "the start and closes at the end",
            )
        saved = records.replace_record(conn, "bookings", {**record, "checked_in_at": _utc(now)})
    return _with_etag(saved)
