"""Changes an administrator makes on the server side (directory updates, folder access,
accounts, history pruning). They keep delta sync correct: every change moves the record's
seq."""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update

from server import records
from server.db import (
    COLLECTION_TABLES,
    collection_floors,
    documents,
    folder_members,
    logins,
    tokens,
    users,
)


def update_record(
    conn: Connection, collection: str, record_id: str, **changes: Any
) -> dict[str, Any]:
    found = records.load(conn, collection, record_id)
    if found is None or found[1]:
        raise KeyError(record_id)
    return records.replace_record(conn, collection, {**found[0], **changes})


def delete_record(conn: Connection, collection: str, record_id: str) -> None:
    records.delete_record(conn, collection, record_id)


def set_folder_access(
    conn: Connection, folder_id: str, access: str, department_id: str | None = None
) -> None:
    """Change who may see a folder; its documents are touched so delta sync re-judges them."""
    changes: dict[str, Any] = {"access": access}
    if department_id is not None:
        changes["department_id"] = department_id
    update_record(conn, "folders", folder_id, **changes)
    ids = [
        r[0] for r in conn.execute(select(documents.c.id).where(documents.c.folder_id == folder_id))
    ]
    records.touch(conn, "documents", ids)


def add_folder_member(conn: Connection, folder_id: str, person_id: str) -> None:
    conn.execute(insert(folder_members).values(folder_id=folder_id, person_id=person_id))


def remove_folder_member(conn: Connection, folder_id: str, person_id: str) -> None:
    conn.execute(
        delete(folder_members).where(
            folder_members.c.folder_id == folder_id, folder_members.c.person_id == person_id
        )
    )


def set_user_roles(conn: Connection, user_id: str, roles: list[str]) -> None:
    conn.execute(update(users).where(users.c.id == user_id).values(roles=" ".join(roles)))


def deactivate_user(conn: Connection, user_id: str, now: int | None = None) -> int:
    """Close an account: it can no longer sign in, and every sign-in it has ends now
    (its tokens are deleted, so neither an access nor a refresh token is honoured).
    Returns how many sign-ins were ended."""
    if conn.execute(update(users).where(users.c.id == user_id).values(active=False)).rowcount == 0:
        raise KeyError(user_id)
    when = int(time.time()) if now is None else now
    login_ids = [
        r[0]
        for r in conn.execute(
            select(logins.c.id).where(logins.c.user_id == user_id, logins.c.revoked_at.is_(None))
        )
    ]
    conn.execute(
        update(logins)
        .where(logins.c.id.in_(login_ids))
        .values(revoked_at=when, revoked_reason="user_deactivated")
    )
    conn.execute(delete(tokens).where(tokens.c.login_id.in_(login_ids)))
    return len(login_ids)


def move_user(conn: Connection, user_id: str, department_id: str) -> None:
    """A transfer: the person record changes and so does what the user may see."""
    conn.execute(update(users).where(users.c.id == user_id).values(department_id=department_id))
    update_record(conn, "people", user_id, department_id=department_id)


def prune_tombstones(conn: Connection, collection: str) -> int:
    """Forget deleted records; cursors older than the newest forgotten one answer 410."""
    table = COLLECTION_TABLES[collection]
    newest = conn.execute(select(func.max(table.c.seq)).where(table.c.deleted.is_(True))).scalar()
    if newest is None:
        return 0
    removed = conn.execute(delete(table).where(table.c.deleted.is_(True))).rowcount
    conn.execute(delete(collection_floors).where(collection_floors.c.collection == collection))
    conn.execute(insert(collection_floors).values(collection=collection, min_seq=int(newest)))
    return int(removed)
