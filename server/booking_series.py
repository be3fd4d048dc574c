"""Recurring bookings: a series is created, changed or cancelled in ONE write transaction,
so it is all or nothing, and it races single bookings under the same write lock as any
booking (``server.db``): for each occurrence exactly one of them wins.

Occurrences are Asia/Baku wall-clock times (a weekly 10:00 stays 10:00), at most a year
from the first. An occurrence is a booking like any other (``series_id`` names its
series): it can be moved or cancelled alone with its own If-Match. A change to the whole
series touches only its future confirmed occurrences, so a cancelled occurrence stays
cancelled and the past stays as it was.

The series itself is not a synced collection: its version travels in every occurrence it
wrote (``series_version``), which is what a client sends as If-Match.
"""

from __future__ import annotations

import json
import secrets
from datetime import date, datetime, time, timedelta
from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from sqlalchemy import Connection, select, update

from server import records
from server.booking_rules import (
    LOCAL_ZONE,
    check_in_deadline,
    is_overdue,
    within_opening_hours,
)
from server.bookings import (
    _check_people,
    _check_times,
    grace,
    lock_room,
    new_booking_id,
    overlapping_ids,
)
from server.context import Principal, PrincipalDep, ServicesDep
from server.db import booking_series, bookings, series_occurrences
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
from server.schemas import SeriesAnswer, SeriesCreate, SeriesPatch

router = APIRouter(tags=["bookings"])

MAX_SPAN = timedelta(days=366)
STEPS = {"daily": timedelta(days=1), "weekly": timedelta(days=7)}

Slot = tuple[datetime, datetime]


def occurrences(body: SeriesCreate) -> list[Slot]:
    """The series' occurrences in Baku wall-clock time: ``count`` of them or up to
    ``until``, never beyond a year after the first."""
    if (body.count is None) == (body.until is None):
        raise validation_error("count", "give either count or until")
    first = body.start.astimezone(LOCAL_ZONE)
    length = body.end - body.start
    found: list[Slot] = []
    day = first.date()
    while True:
        moment = datetime.combine(day, first.timetz().replace(tzinfo=None), LOCAL_ZONE)
        if moment - first > MAX_SPAN:
            if body.until is not None and day <= body.until:
                raise validation_error("until", "a series reaches at most a year ahead")
            break
        if body.count is not None and len(found) >= body.count:
            break
        if body.until is not None and day > body.until:
            break
        found.append((moment, moment + length))
        day += STEPS[body.frequency]
    if not found:
        raise validation_error("until", "must not be before the first occurrence")
    return found


def _clashes(
    conn: Connection,
    room: dict[str, Any],
    slots: list[Slot],
    ignore: frozenset[str],
    now: datetime,
) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for start, end in slots:
        if not within_opening_hours(room.get("opening_hours"), start, end):
            found.append({"start": records.iso(start), "end": records.iso(end), "reason": "closed"})
            continue
        taken = overlapping_ids(conn, room["id"], start, end, ignore, now)
        if taken:
            found.append(
                {
                    "start": records.iso(start),
                    "end": records.iso(end),
                    "reason": "booked",
                    "conflicting_ids": taken,
                }
            )
    return found


def _refuse(clashes: list[dict[str, Any]], total: int) -> ApiError:
    return ApiError(
        409,
        "booking_conflict",
        f"{len(clashes)} of {total} occurrences are taken or outside opening hours; "
        "nothing was booked.",
        conflicting_ids=sorted({i for c in clashes for i in c.get("conflicting_ids", [])})[:20],
        clashes=clashes,
    )


@router.post(
    "/booking-series",
    status_code=201,
    response_model=SeriesAnswer,
    responses={409: {"description": "booking_conflict (the clashes listed), or key in flight"}},
)
def create_series(
    body: SeriesCreate,
    principal: PrincipalDep,
    services: ServicesDep,
    idempotency_key: IdempotencyKeyHeader = None,
) -> JSONResponse:
    """All occurrences, or (``skip_clashes``) only the free ones, in one transaction."""
    key = check_key(idempotency_key)
    payload = body.model_dump(mode="json")

    def action(conn: Connection) -> tuple[int, Any]:
        _check_times(body.start, body.end)
        slots = occurrences(body)
        room = lock_room(conn, body.room_id)
        attendees = _check_people(conn, body.attendee_ids)
        clashes = _clashes(conn, room, slots, frozenset(), services.clock())
        if clashes and (not body.skip_clashes or len(clashes) == len(slots)):
            raise _refuse(clashes, len(slots))
        taken = {c["start"] for c in clashes}
        series = {
            "id": f"ser-{secrets.token_hex(12)}",
            "version": 1,
            "room_id": body.room_id,
            "organizer_id": principal.user_id,
            "title": body.title,
            "frequency": body.frequency,
            "status": "active",
        }
        conn.execute(
            booking_series.insert().values(id=series["id"], version=1, body=records.dumps(series))
        )
        written = [
            records.insert_record(
                conn,
                "bookings",
                {
                    "id": new_booking_id(),
                    "room_id": body.room_id,
                    "title": body.title,
                    "start": records.iso(start),
                    "end": records.iso(end),
                    "organizer_id": principal.user_id,
                    "attendee_ids": attendees,
                    "status": "confirmed",
                    "check_in_by": check_in_deadline(start, grace(services)),
                    "series_id": series["id"],
                    "series_version": 1,
                },
            )
            for start, end in slots
            if records.iso(start) not in taken
        ]
        conn.execute(
            series_occurrences.insert(),
            [{"series_id": series["id"], "booking_id": b["id"]} for b in written],
        )
        return 201, {"series": series, "bookings": written, "skipped": clashes}

    fingerprint = request_hash("POST", "/booking-series", payload)
    return run_idempotent(services, principal, key, fingerprint, action)


def _load_series(conn: Connection, principal: Principal, series_id: str) -> dict[str, Any]:
    row = conn.execute(
        select(booking_series.c.body).where(booking_series.c.id == series_id)
    ).first()
    if row is None:
        raise ApiError(404, "not_found", "No such series.")
    series: dict[str, Any] = json.loads(row.body)
    if series["organizer_id"] != principal.user_id and not principal.is_admin:
        raise ApiError(403, "forbidden", "Only the organizer or an administrator may change it.")
    return series


def _future_occurrences(conn: Connection, series_id: str, now: datetime) -> list[dict[str, Any]]:
    """The series' confirmed occurrences that have not started (cancelled, released and
    past ones are never touched by a change to the series)."""
    rows = conn.execute(
        select(bookings.c.body)
        .join(series_occurrences, series_occurrences.c.booking_id == bookings.c.id)
        .where(
            series_occurrences.c.series_id == series_id,
            bookings.c.status == "confirmed",
            bookings.c.deleted.is_(False),
            bookings.c.start_ts >= int(now.timestamp()),
        )
        .order_by(bookings.c.start_ts)
    )
    found = [json.loads(r.body) for r in rows.all()]
    return [b for b in found if not is_overdue(b, now)]


def _save_series(conn: Connection, series: dict[str, Any]) -> dict[str, Any]:
    saved = {**series, "version": int(series["version"]) + 1}
    conn.execute(
        update(booking_series)
        .where(booking_series.c.id == series["id"])
        .values(version=saved["version"], body=records.dumps(saved))
    )
    return saved


def _answer(series: dict[str, Any], written: list[dict[str, Any]]) -> JSONResponse:
    return JSONResponse(
        {"series": series, "bookings": written, "skipped": []}, headers={"ETag": etag(series)}
    )


def _moved(booking: dict[str, Any], start_time: time, end_time: time) -> tuple[datetime, datetime]:
    day: date = datetime.fromisoformat(booking["start"]).astimezone(LOCAL_ZONE).date()
    start = datetime.combine(day, start_time, LOCAL_ZONE)
    end = datetime.combine(day, end_time, LOCAL_ZONE)
    if end <= start:
        end += timedelta(days=1)
    return start, end


@router.patch("/booking-series/{series_id}", response_model=SeriesAnswer)
def change_series(
    series_id: str,
    body: SeriesPatch,
    principal: PrincipalDep,
    services: ServicesDep,
    if_match: IfMatchHeader = None,
) -> JSONResponse:
    """Title, attendees or Baku times of every future confirmed occurrence, all or none:
    one occurrence that would clash refuses the change (409, the clashes listed)."""
    expected = expected_version(if_match)
    if not patch_changes(body):
        raise validation_error(
            "body", "send at least one of title, attendee_ids, start_time, end_time"
        )
    now = services.clock()
    with services.db.write() as conn:
        series = _load_series(conn, principal, series_id)
        check_version(series, expected)
        if series["status"] != "active":
            raise validation_error("status", "a cancelled series cannot be changed")
        room = lock_room(conn, series["room_id"])
        attendees = None if body.attendee_ids is None else _check_people(conn, body.attendee_ids)
        future = _future_occurrences(conn, series_id, now)
        planned: list[tuple[dict[str, Any], datetime, datetime]] = []
        for booking in future:
            start = datetime.fromisoformat(booking["start"])
            end = datetime.fromisoformat(booking["end"])
            if body.start_time is not None or body.end_time is not None:
                local = start.astimezone(LOCAL_ZONE), end.astimezone(LOCAL_ZONE)
                start, end = _moved(
                    booking,
                    time.fromisoformat(body.start_time) if body.start_time else local[0].time(),
                    time.fromisoformat(body.end_time) if body.end_time else local[1].time(),
                )
                _check_times(start, end)
            planned.append((booking, start, end))
        if body.start_time is not None or body.end_time is not None:
            ours = frozenset(b["id"] for b in future)
            clashes: list[dict[str, Any]] = []
            for _booking, start, end in planned:
                clashes += _clashes(conn, room, [(start, end)], ours, now)
            if clashes:
                raise _refuse(clashes, len(planned))
        saved = _save_series(conn, {**series, **({"title": body.title} if body.title else {})})
        written = []
        for booking, start, end in planned:
            changed = {
                **booking,
                "start": records.iso(start),
                "end": records.iso(end),
                "series_version": saved["version"],
            }
            if booking.get("check_in_by") is not None:
                changed["check_in_by"] = check_in_deadline(start, grace(services))
            if body.title is not None:
                changed["title"] = body.title
            if attendees is not None:
                changed["attendee_ids"] = attendees
            written.append(records.replace_record(conn, "bookings", changed))
    return _answer(saved, written)


@router.delete("/booking-series/{series_id}", response_model=SeriesAnswer)
def cancel_series(
    series_id: str,
    principal: PrincipalDep,
    services: ServicesDep,
    if_match: IfMatchHeader = None,
) -> JSONResponse:
    """Cancels every future confirmed occurrence; the past ones stay as they were."""
    expected = expected_version(if_match)
    now = services.clock()
    with services.db.write() as conn:
        series = _load_series(conn, principal, series_id)
        check_version(series, expected)
        if series["status"] == "cancelled":
            return _answer(series, [])
        saved = _save_series(conn, {**series, "status": "cancelled"})
        written = [
            records.replace_record(
                conn,
                "bookings",
                {**booking, "status": "cancelled", "series_version": saved["version"]},
            )
            for booking in _future_occurrences(conn, series_id, now)
        ]
    return _answer(saved, written)
