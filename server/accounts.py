"""User accounts: password hashing and creation."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection

from server.db import users

ROLES = ("staff", "department_head", "analyst", "admin")

# argon2-cffi's defaults follow RFC 9106's low-memory profile (t=3, m=64 MiB, p=4),
# above OWASP's minimum for Argon2id.
_hasher = PasswordHasher()

# What one check holds in memory while it runs (KiB): sizes the login gate.
PASSWORD_CHECK_MEMORY_KIB: int = _hasher.memory_cost

# Verified when the username is unknown, so a miss costs as much as a wrong password.
_DUMMY_HASH = _hasher.hash("not-a-password")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


@dataclass(frozen=True)
class NewUser:
    id: str  # the id of the user's person record
    username: str
    password_hash: str
    display_name: str
    roles: tuple[str, ...]
    department_id: str | None


def user_rows(new_users: Iterable[NewUser]) -> list[dict[str, Any]]:
    """The ``users`` table's rows for the accounts (the seed hands them to its bulk
    writer, ``insert_users`` to SQLAlchemy)."""
    return [
        {
            "id": u.id,
            "username": u.username,
            "password_hash": u.password_hash,
            "display_name": u.display_name,
            "roles": " ".join(u.roles),
            "department_id": u.department_id,
            "active": True,
        }
        for u in new_users
    ]


def insert_users(conn: Connection, new_users: Iterable[NewUser]) -> None:
    rows = user_rows(new_users)
    if rows:
        conn.execute(users.insert(), rows)
