"""Limits on sign-in attempts, enforced before any password is checked.

Attempts are counted in ``login_failures`` rows ("buckets") keyed by a sha256:

- the username, whether or not it exists: ``login_failures_allowed`` attempts per
  window, then a lockout that doubles with each further attempt (up to an hour);
- the client address: ``login_failures_allowed_per_address`` failures per window, so
  that one guess at each of many usernames (password spraying) meets a lockout too;
- instead of those two, a device the user already enrolled and that is not revoked gets
  its own bucket with the username's allowance. Its owner therefore still signs in while
  strangers' guesses hold the username or the address locked (docs/security.md,
  "Authentication (server)").

An attempt is *reserved* in one write transaction before its password is checked:
writers are serialised (server/db.py), so however many attempts arrive at once, at most
the allowance are evaluated and the rest are answered 429. A success resets the
username or device bucket and gives the address its attempt back.

The password checks themselves go through a gate sized to memory: Argon2id holds 64 MiB
per check, and a burst must not take the server's memory with it.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Row, delete, insert, select, update

from server.accounts import PASSWORD_CHECK_MEMORY_KIB
from server.config import Settings
from server.db import login_failures
from server.errors import ApiError

_LOCKOUT_CEILING_SECONDS = 3600
BUSY_RETRY_AFTER_SECONDS = 1


@dataclass(frozen=True)
class Bucket:
    key: str
    allowed: int
    # An address gets a successful attempt back; a username or device starts afresh.
    refund_on_success: bool = False


def username_key(username: str) -> str:
    # Hashed: casefold() can lengthen a name ("ß" -> "ss") past the 150 characters the
    # column holds, which PostgreSQL refuses (SQLite would store it).
    return hashlib.sha256(username.casefold().encode()).hexdigest()


def _labelled_key(label: str, *parts: str) -> str:
    joined = "\x00".join((label, *parts))
    return hashlib.sha256(joined.encode("utf-8", "surrogatepass")).hexdigest()


def buckets_for(
    settings: Settings, username: str, address: str, enrolled_device: tuple[str, str] | None
) -> list[Bucket]:
    """The buckets one attempt counts against; ``enrolled_device`` is (user id, device id)
    when the attempt comes from a device that user enrolled and that is not revoked."""
    if enrolled_device is not None:
        return [Bucket(_labelled_key("device", *enrolled_device), settings.login_failures_allowed)]
    return [
        Bucket(username_key(username), settings.login_failures_allowed),
        Bucket(
            _labelled_key("address", address),
            settings.login_failures_allowed_per_address,
            refund_on_success=True,
        ),
    ]


def _rows(conn: Connection, buckets: Sequence[Bucket]) -> dict[str, Row[Any]]:
    keys = [b.key for b in buckets]
    found = conn.execute(select(login_failures).where(login_failures.c.username_key.in_(keys)))
    return {row.username_key: row for row in found}


def _refuse_locked(rows: dict[str, Row[Any]], now: int) -> None:
    waits = [row.locked_until - now for row in rows.values() if row.locked_until > now]
    if waits:
        raise ApiError(
            429,
            "rate_limited",
            "Too many failed sign-ins; try again later.",
            headers={"Retry-After": str(max(waits))},
        )


def refuse_if_locked(conn: Connection, buckets: Sequence[Bucket], now: int) -> None:
    """A cheap early answer for a locked bucket, before the attempt waits for the gate."""
    _refuse_locked(_rows(conn, buckets), now)


def reserve_attempt(
    conn: Connection, settings: Settings, buckets: Sequence[Bucket], now: int
) -> None:
    """Count the attempt in every bucket, or in none and answer 429. Call inside
    ``Database.write()``: the write lock makes read-check-count one atomic step."""
    rows = _rows(conn, buckets)
    _refuse_locked(rows, now)
    for bucket in buckets:
        row = rows.get(bucket.key)
        fresh = row is None or now - row.window_start > settings.login_failure_window_seconds
        attempts = 1 if fresh or row is None else row.failures + 1
        locked_until = 0 if fresh or row is None else row.locked_until
        if attempts >= bucket.allowed:
            # Each attempt past the allowance doubles the lockout, up to an hour.
            extra = min(attempts - bucket.allowed, 12)
            lockout = settings.login_lockout_seconds * 2**extra
            locked_until = now + min(lockout, _LOCKOUT_CEILING_SECONDS)
        if fresh:
            conn.execute(delete(login_failures).where(login_failures.c.username_key == bucket.key))
            conn.execute(
                insert(login_failures).values(
                    username_key=bucket.key,
                    failures=attempts,
                    window_start=now,
                    locked_until=locked_until,
                )
            )
        else:
            conn.execute(
                update(login_failures)
                .where(login_failures.c.username_key == bucket.key)
                .values(failures=attempts, locked_until=locked_until)
            )


def settle_success(conn: Connection, buckets: Sequence[Bucket]) -> None:
    """The attempt was the right password: reset or refund what it reserved."""
    rows = _rows(conn, buckets)
    for bucket in buckets:
        row = rows.get(bucket.key)
        if row is None:
            continue
        if not bucket.refund_on_success:
            conn.execute(delete(login_failures).where(login_failures.c.username_key == bucket.key))
            continue
        attempts = max(row.failures - 1, 0)
        # Below the allowance again: a lock can only have come from this attempt.
        locked_until = row.locked_until if attempts >= bucket.allowed else 0
        conn.execute(
            update(login_failures)
            .where(login_failures.c.username_key == bucket.key)
            .values(failures=attempts, locked_until=locked_until)
        )


class PasswordCheckGate:
    """At most ``slots`` password checks at once; past them a sign-in waits briefly, then
    is answered 503 with Retry-After instead of adding another 64 MiB to the server."""

    def __init__(self, slots: int, wait_seconds: float) -> None:
        if slots < 1:
            raise ValueError("the gate needs at least one slot")
        self.slots = slots
        self._wait_seconds = max(wait_seconds, 0.0)
        self._free = threading.BoundedSemaphore(slots)

    @classmethod
    def sized_to_memory(cls, settings: Settings) -> PasswordCheckGate:
        slots = settings.password_check_memory_mib * 1024 // PASSWORD_CHECK_MEMORY_KIB
        return cls(max(1, slots), settings.password_check_wait_seconds)

    @contextmanager
    def slot(self) -> Iterator[None]:
        if not self._free.acquire(timeout=self._wait_seconds):
            raise ApiError(
                503,
                "server_busy",
                "The server is checking too many sign-ins at once; try again in a moment.",
                headers={"Retry-After": str(BUSY_RETRY_AFTER_SECONDS)},
            )
        try:
            yield
        finally:
            self._free.release()
