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
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, select

from server.context import Principal
from server.db import folder_members, folders, registries, shares

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
        """Whether the user may see one row of a sync scan (columns as in server.db)."""
        if collection == "folders":
            return bool(row.id in self.visible_folders())
        if collection == "documents":
            return self.document_visible(row.id, row.folder_id)
        if collection == "shares":
            me = self.principal.user_id
            return me in (row.to_id, row.from_id)
        if collection == "registries":
            return bool(row.id in self.readable_registries())
        return True


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
