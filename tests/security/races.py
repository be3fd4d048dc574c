"""Races: many requests released at once by a barrier, each on its own connection.

- one room, one hour, many people: exactly one booking wins, the rest get 409, and the
  server holds exactly one confirmed booking there;
- one Idempotency-Key sent many times at once: one booking, every success the same one;
- one If-Match version, many changes at once (bookings and documents, PATCH and new
  versions): exactly one wins, the rest get 412.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from tests.security.harness import Attack, Truth, User, multipart, upload

WIDTH = 20  # requests per race


def _race(
    attack: Attack, users: list[User], send: Callable[[httpx.Client, User, int], httpx.Response]
) -> list[httpx.Response]:
    """``WIDTH`` requests, released together; user i % len(users) sends request i."""
    barrier = threading.Barrier(WIDTH)

    def one(i: int) -> httpx.Response:
        with httpx.Client(base_url=attack.server.api_url, timeout=120) as http:
            barrier.wait()
            return send(http, users[i % len(users)], i)

    with ThreadPoolExecutor(WIDTH) as workers:
        answers = list(workers.map(one, range(WIDTH)))
    attack.tally.tried(len(answers))
    return answers


def _statuses(answers: list[httpx.Response]) -> str:
    counts: dict[int, int] = {}
    for answer in answers:
        counts[answer.status_code] = counts.get(answer.status_code, 0) + 1
    return ", ".join(f"{n}x{s}" for s, n in sorted(counts.items()))


def _headers(user: User, **extra: str) -> dict[str, str]:
    return {**user.auth, **extra}


def _slot(round_no: int, kind: int) -> datetime:
    return datetime(2045, 1, 1, 8, tzinfo=UTC) + timedelta(days=round_no, hours=3 * kind)


def _confirmed_in(admin: User, room_id: str, start: datetime, end: datetime) -> list[str]:
    bookings = admin.sync_all("bookings")[0]
    return [
        b["id"]
        for b in bookings.values()
        if b["room_id"] == room_id
        and b["status"] == "confirmed"
        and datetime.fromisoformat(b["start"]) < end
        and datetime.fromisoformat(b["end"]) > start
    ]


def _one_slot(attack: Attack, users: list[User], admin: User, room: str, round_no: int) -> None:
    start = _slot(round_no, 0)

    def send(http: httpx.Client, user: User, i: int) -> httpx.Response:
        offset = timedelta(minutes=15 * (i % 3))  # overlapping, not only identical, hours
        body = {
            "room_id": room,
            "title": f"Race {round_no}-{i}",
            "start": (start + offset).isoformat(),
            "end": (start + offset + timedelta(hours=1)).isoformat(),
        }
        return http.post(
            "/bookings", json=body, headers=_headers(user, **{"Idempotency-Key": uuid.uuid4().hex})
        )

    answers = _race(attack, users, send)
    won = [a for a in answers if a.status_code == 201]
    lost = [a for a in answers if a.status_code == 409]
    held = _confirmed_in(admin, room, start, start + timedelta(hours=2))
    attack.tally.check(
        len(won) == 1 and len(lost) == WIDTH - 1 and len(held) == 1,
        f"{WIDTH} bookings of one room and hour: {_statuses(answers)}; server holds {len(held)}",
    )


def _one_key(attack: Attack, user: User, admin: User, room: str, round_no: int) -> None:
    start = _slot(round_no, 1)
    key = uuid.uuid4().hex
    title = f"Idempotent {uuid.uuid4().hex[:8]}"
    body = {
        "room_id": room,
        "title": title,
        "start": start.isoformat(),
        "end": (start + timedelta(hours=1)).isoformat(),
    }

    def send(http: httpx.Client, sender: User, _i: int) -> httpx.Response:
        return http.post(
            "/bookings", json=body, headers=_headers(sender, **{"Idempotency-Key": key})
        )

    answers = _race(attack, [user], send)
    ids = {a.json()["id"] for a in answers if a.status_code == 201}
    fine = all(
        a.status_code == 201
        or (a.status_code == 409 and a.json().get("code") == "idempotency_in_progress")
        for a in answers
    )
    stored = [b for b in admin.sync_all("bookings")[0].values() if b["title"] == title]
    attack.tally.check(
        fine and len(ids) == 1 and len(stored) == 1,
        f"one Idempotency-Key {WIDTH} times at once: {_statuses(answers)}, "
        f"{len(ids)} distinct ids answered, {len(stored)} stored",
    )


def _one_version(
    attack: Attack,
    label: str,
    user: User,
    record: dict[str, Any],
    send: Callable[[httpx.Client, User, int], httpx.Response],
    success: int,
) -> None:
    answers = _race(attack, [user], send)
    won = [a for a in answers if a.status_code == success]
    stale = [a for a in answers if a.status_code == 412]
    attack.tally.check(
        len(won) == 1 and len(stale) == WIDTH - 1,
        f"{WIDTH} changes of one {label} at version {record['version']}: {_statuses(answers)}",
    )


def _booking_versions(attack: Attack, user: User, room: str, round_no: int) -> None:
    start = _slot(round_no, 2)
    made = user.create(
        "/bookings",
        json={
            "room_id": room,
            "title": "If-Match race",
            "start": start.isoformat(),
            "end": (start + timedelta(hours=1)).isoformat(),
        },
    )
    record = made.json()
    path = f"/bookings/{record['id']}"
    match = {"If-Match": f'"{record["version"]}"'}

    def send(http: httpx.Client, sender: User, i: int) -> httpx.Response:
        if i % 5 == 4:
            return http.delete(path, headers=_headers(sender, **match))
        return http.patch(path, json={"title": f"Winner {i}"}, headers=_headers(sender, **match))

    _one_version(attack, "booking", user, record, send, 200)


def _document_versions(attack: Attack, user: User, folder: str) -> None:
    made = upload(user, folder, "If-Match race")
    record = made.json()
    path = f"/documents/{record['id']}"
    match = {"If-Match": f'"{record["version"]}"'}

    def patch(http: httpx.Client, sender: User, i: int) -> httpx.Response:
        return http.patch(path, json={"title": f"Winner {i}"}, headers=_headers(sender, **match))

    _one_version(attack, "document (PATCH)", user, record, patch, 200)

    current = user.request("GET", path).json()
    match = {"If-Match": f'"{current["version"]}"'}

    def new_version(http: httpx.Client, sender: User, i: int) -> httpx.Response:
        body, headers = multipart(f"v{i}.txt", f"version {i}".encode(), None)
        return http.post(
            f"{path}/versions",
            content=body,
            headers=_headers(sender, **headers, **match, **{"Idempotency-Key": uuid.uuid4().hex}),
        )

    _one_version(attack, "document (new version)", user, current, new_version, 201)


def run(attack: Attack) -> None:
    rounds = 1 if attack.quick else 4
    truth = Truth.read(attack.server.db)
    users = [attack.sign_in(name) for name in ("staff", "head", "analyst", "admin")]
    admin, head = users[3], users[1]
    folder = next(
        f
        for f, row in sorted(truth.folders.items())
        if row.access == "department" and row.department_id == truth.accounts["head"].department_id
    )
    room = sorted(admin.sync_all("rooms")[0])[-1]
    for round_no in range(rounds):
        _one_slot(attack, users, admin, room, round_no)
        _one_key(attack, users[round_no % len(users)], admin, room, round_no)
        _booking_versions(attack, head, room, round_no)
        _document_versions(attack, head, folder)
