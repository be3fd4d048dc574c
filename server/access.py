"""Who may read what. The server enforces every rule; the client only hides.

Visibility of a record can change without the record changing (a user moves to another
department, joins a restricted folder, gains a role). Such changes alter the user's
*access fingerprint* for the collections they affect; a cursor carries the fingerprint it
was made under, and one made under another answers 410, so the client refetches that
collection and drops what it may no longer see. Changes on the record's side (a folder
made restricted) touch the records instead, so they come back through delta sync, and
a user who may no longer see them receives them as deletions.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Connection, insert, select

from server.context import Principal
from server.db import (
    COLLECTION_TABLES,
    Database,
    folder_members,
    folders,
    registries,
    registry_access_log,
    shares,
    visibility_exits,
)

PERSONAL_DATA_ROLES = ("analyst", "admin")
FOLDER_WRITE_ROLES_FOR_MINISTRY = ("department_head", "admin")


def may_read_personal_data(principal: Principal) -> bool:
    return principal.has_any_role(*PERSONAL_DATA_ROLES)


def folder_visible(principal: Principal, member_of: frozenset[str], folder: Any) -> bool:
    if folder.access == "ministry":
        return True
    if folder.access == "department":
        return folder.department_id is not None and folder.department_id == principal.department_id
    return bool(folder.id in member_of)


def folder_writable(principal: Principal, member_of: frozenset[str], folder: Any) -> bool:
    if not folder_visible(principal, member_of, folder):
        return False
    if folder.access == "ministry":
        return principal.has_any_role(*FOLDER_WRITE_ROLES_FOR_MINISTRY)
    return True


def memberships(conn: Connection, principal: Principal) -> frozenset[str]:
    rows = conn.execute(
        select(folder_members.c.folder_id).where(folder_members.c.person_id == principal.user_id)
    )
    return frozenset(r[0] for r in rows)


@dataclass
class Visibility:
    """Everything needed to judge rows of one request, read once from one snapshot."""

    principal: Principal
    member_of: frozenset[str]
    _visible_folders: frozenset[str] | None = None
    _shared_documents: frozenset[str] | None = None
    _readable_registries: frozenset[str] | None = None
    _conn: Connection | None = field(default=None, repr=False)

    @classmethod
    def load(cls, conn: Connection, principal: Principal) -> Visibility:
        return cls(principal=principal, member_of=memberships(conn, principal), _conn=conn)

    @property
    def conn(self) -> Connection:
        assert self._conn is not None
        return self._conn

    def visible_folders(self) -> frozenset[str]:
        if self._visible_folders is None:
            rows = self.conn.execute(
                select(folders.c.id, folders.c.access, folders.c.department_id).where(
                    folders.c.deleted.is_(False)
                )
            )
            self._visible_folders = frozenset(
                r.id for r in rows if folder_visible(self.principal, self.member_of, r)
            )
        return self._visible_folders

    def shared_documents(self) -> frozenset[str]:
        """Documents shared *with* the user. Sending a share grants the sender nothing:
        they read the document through its folder, for as long as they may."""
        if self._shared_documents is None:
            rows = self.conn.execute(
                select(shares.c.document_id).where(
                    shares.c.deleted.is_(False), shares.c.to_id == self.principal.user_id
                )
            )
            self._shared_documents = frozenset(r[0] for r in rows)
        return self._shared_documents

    def readable_registries(self) -> frozenset[str]:
        if self._readable_registries is None:
            query = select(registries.c.id).where(registries.c.deleted.is_(False))
            if not may_read_personal_data(self.principal):
                query = query.where(registries.c.personal_data.is_(False))
            self._readable_registries = frozenset(r[0] for r in self.conn.execute(query))
        return self._readable_registries

    def document_visible(self, document_id: str, folder_id: str) -> bool:
        return folder_id in self.visible_folders() or document_id in self.shared_documents()

    def row_visible(self, collection: str, row: Any) -> bool:
        """Whether the user may see one row of a sync scan (columns as in server.db),
        judged on the row's own access columns: for a tombstone, whether the user could
        see the record as it was when deleted."""
        if collection == "folders":
            return folder_visible(self.principal, self.member_of, row)
        if collection == "documents":
            return self.document_visible(row.id, row.folder_id)
        if collection == "shares":
            me = self.principal.user_id
            return me in (row.to_id, row.from_id)
        if collection == "registries":
            return not row.personal_data or may_read_personal_data(self.principal)
        return True

    def scope_visible(self, scope: dict[str, Any]) -> bool:
        """Whether the user could see a record in an access state it left (record_exit).
        The user's own access is the cursor's (the fingerprint holds it fixed)."""
        kind = scope.get("kind")
        if kind == "folder":
            return folder_visible(self.principal, self.member_of, SimpleNamespace(**scope))
        if kind == "registry":
            return not scope["personal_data"] or may_read_personal_data(self.principal)
        if kind == "share":
            return bool(scope["to_id"] == self.principal.user_id)
        return True  # an unknown scope: assume the user held it (never hide a deletion)


def folder_scope(folder_id: str, access: str, department_id: str | None) -> dict[str, Any]:
    """The access state of a folder, as record_exit keeps it."""
    return {"kind": "folder", "id": folder_id, "access": access, "department_id": department_id}


def record_exit(
    conn: Connection, collection: str, record_ids: Iterable[str], scope: dict[str, Any]
) -> None:
    """Note, after a change that gave records a new seq, the access state they left:
    delta sync then tells the users who could see them in it (and must drop them) from
    those who never could (and must not even learn their ids)."""
    table = COLLECTION_TABLES[collection]
    ids = list(record_ids)
    if not ids:
        return
    rows = conn.execute(select(table.c.id, table.c.seq).where(table.c.id.in_(ids))).all()
    conn.execute(
        insert(visibility_exits),
        [
            {"collection": collection, "record_id": r.id, "seq": r.seq, "scope": json.dumps(scope)}
            for r in rows
        ],
    )


def exits_since(
    conn: Connection, collection: str, record_ids: list[str], since_seq: int
) -> dict[str, list[dict[str, Any]]]:
    """The access states each record left after ``since_seq``."""
    found: dict[str, list[dict[str, Any]]] = {}
    if not record_ids:
        return found
    rows = conn.execute(
        select(visibility_exits.c.record_id, visibility_exits.c.scope).where(
            visibility_exits.c.collection == collection,
            visibility_exits.c.record_id.in_(record_ids),
            visibility_exits.c.seq > since_seq,
        )
    )
    for row in rows:
        found.setdefault(row.record_id, []).append(json.loads(row.scope))
    return found


def access_fingerprint(collection: str, principal: Principal, member_of: frozenset[str]) -> str:
    """What a cursor of ``collection`` depends on, besides the records themselves."""
    if collection in ("folders", "documents"):
        basis = f"{principal.department_id}|{','.join(sorted(member_of))}"
    elif collection in ("registries", "registry_rows"):
        basis = "pd" if may_read_personal_data(principal) else "-"
    elif collection == "shares":
        basis = principal.user_id
    else:
        return "0"
    return hashlib.sha256(basis.encode()).hexdigest()[:12]


def log_personal_data_rows(
    db: Database, principal: Principal, registry_id: str, rows: int, kind: str
) -> None:
    """Writes who took ``rows`` rows of a personal-data registry, and how (``ACCESS_READ``
    online, ``ACCESS_COPY`` offline), in a transaction of its own: committed before the
    rows leave the server."""
    with db.write() as conn:
        conn.execute(
            insert(registry_access_log).values(
                user_id=principal.user_id,
                registry_id=registry_id,
                at=datetime.now(UTC),
                rows=rows,
                kind=kind,
            )
        )
