"""Changes an administrator makes on the server side (directory updates, folder access,
accounts, history pruning). They keep delta sync correct: every change moves the record's
seq."""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update

from server import records
from server.access import folder_scope, record_exit
from server.db import (
    COLLECTION_TABLES,
    collection_floors,
    documents,
    folder_members,
    logins,
    tokens,
    users,
    visibility_exits,
)


def _access_scope(collection: str, record: dict[str, Any]) -> dict[str, Any] | None:
    """The part of a record that decides who may see it (None: everyone may)."""
    if collection == "folders":
        return folder_scope(record["id"], record["access"], record.get("department_id"))
    if collection == "registries":
        return {"kind": "registry", "personal_data": bool(record.get("personal_data"))}
    return None


def _documents_in(conn: Connection, folder_id: str) -> list[str]:
    query = select(documents.c.id).where(documents.c.folder_id == folder_id)
    return [r[0] for r in conn.execute(query)]


def update_record(
    conn: Connection, collection: str, record_id: str, **changes: Any
) -> dict[str, Any]:
    found = records.load(conn, collection, record_id)
    if found is None or found[1]:
        raise KeyError(record_id)
    before = _access_scope(collection, found[0])
    saved = records.replace_record(conn, collection, {**found[0], **changes})
    after = _access_scope(collection, {**found[0], **changes})
    if before is not None and before != after:
        record_exit(conn, collection, [record_id], before)
        if collection == "folders":  # its documents are seen through it
            ids = _documents_in(conn, record_id)
            records.touch(conn, "documents", ids)
            record_exit(conn, "documents", ids, before)
    return saved


def delete_record(conn: Connection, collection: str, record_id: str) -> None:
    """A tombstone; what was seen only through the record (a folder's documents, a
    shared document) is re-judged by delta sync too."""
    found = records.load(conn, collection, record_id)
    records.delete_record(conn, collection, record_id)
    if found is None or found[1]:
        return
    record = found[0]
    if collection == "folders":
        ids = _documents_in(conn, record_id)
        records.touch(conn, "documents", ids)
        record_exit(conn, "documents", ids, _access_scope("folders", record) or {})
    elif collection == "shares":
        records.touch(conn, "documents", [record["document_id"]])
        scope = {"kind": "share", "to_id": record["to_id"]}
        record_exit(conn, "documents", [record["document_id"]], scope)


def set_folder_access(
    conn: Connection, folder_id: str, access: str, department_id: str | None = None
) -> None:
    """Change who may see a folder; its documents are touched so delta sync re-judges them."""
    changes: dict[str, Any] = {"access": access}
    if department_id is not None:
        changes["department_id"] = department_id
    update_record(conn, "folders", folder_id, **changes)


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
    # A cursor at or below the floor answers 410, so exits there can no longer matter.
    conn.execute(
        delete(visibility_exits).where(
            visibility_exits.c.collection == collection, visibility_exits.c.seq <= newest
        )
    )
    conn.execute(delete(collection_floors).where(collection_floors.c.collection == collection))
    conn.execute(insert(collection_floors).values(collection=collection, min_seq=int(newest)))
    return int(removed)
