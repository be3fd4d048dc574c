"""Values about the cache itself, kept inside the encrypted database.

The last contact with the server and the policy live here, not in the
keyfile: inside the encrypted file nobody can move the date forward to
stretch the offline grace period.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

import sqlite_utils

from . import sqlcipher_compat  # noqa: F401 - sqlite-utils catches sqlcipher3's errors
from .transaction import transactional

__all__ = ["CLOCK_SKEW_TOLERANCE", "Meta", "offline_grace_days", "remember_allowed"]

CLOCK_SKEW_TOLERANCE = timedelta(days=1)
"""How far the clock may sit before the last server contact before offline sign-in
is refused: more than that means the clock was turned back."""


def offline_grace_days(policy: Mapping[str, Any]) -> int:
    """The policy's ``offline_grace_days``; missing or malformed means no offline use."""
    value = policy.get("offline_grace_days")
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        return 0
    return value


def remember_allowed(policy: Mapping[str, Any]) -> bool:
    """The policy's ``remember_on_this_computer``; anything but ``true`` means no."""
    return policy.get("remember_on_this_computer") is True


class Meta:
    """Key-value store of the cache: server URL, user, policy, last server contact."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self._conn = db.conn
        self._db = db

    def _get(self, key: str) -> Any:
        row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else json.loads(row[0])

    def _set(self, key: str, value: Any) -> None:
        self._conn.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, json.dumps(value, ensure_ascii=False)),
        )

    @property
    def server_url(self) -> str | None:
        value = self._get("server_url")
        return value if isinstance(value, str) else None

    @property
    def user(self) -> dict[str, Any]:
        value = self._get("user")
        return value if isinstance(value, dict) else {}

    @property
    def policy(self) -> dict[str, Any]:
        value = self._get("policy")
        return value if isinstance(value, dict) else {}

    @property
    def offline_registries(self) -> list[str]:
        """The registries whose rows the user chose to keep on this computer."""
        value = self._get("offline_registries")
        return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []

    @offline_registries.setter
    @transactional
    def offline_registries(self, registry_ids: list[str]) -> None:
        self._set("offline_registries", sorted(set(registry_ids)))

    @property
    def last_server_contact(self) -> datetime | None:
        value = self._get("last_server_contact")
        return datetime.fromisoformat(value) if isinstance(value, str) else None

    @transactional
    def record_sign_in(
        self, *, server_url: str, user: Mapping[str, Any], policy: Mapping[str, Any]
    ) -> None:
        """What an online sign-in told us (committed with the caller's transaction)."""
        self._set("server_url", server_url)
        self._set("user", dict(user))
        self._set("policy", dict(policy))

    @transactional
    def touch_server_contact(self, now: datetime, policy: Mapping[str, Any] | None = None) -> None:
        """Record a successful exchange with the server (and the policy it sent)."""
        if now.tzinfo is None:
            raise ValueError("the time of contact must be timezone-aware")
        self._set("last_server_contact", now.isoformat())
        if policy is not None:
            self._set("policy", dict(policy))

    def offline_allowed(self, now: datetime) -> bool:
        """Whether offline use is still within the policy's grace period."""
        last = self.last_server_contact
        if last is None:
            return False
        elapsed = now - last
        if elapsed < -CLOCK_SKEW_TOLERANCE:
            return False  # the clock was turned back: trust neither date
        return elapsed <= timedelta(days=offline_grace_days(self.policy))
