"""What the Documents tab reads from the cache: the folder tree, a folder's documents (a
lazy list over SQL: ``DocumentSource``), search across all folders or within one, one
document, and the document exchange (inbox, sent, unread count). Plain functions over a
connection; they run on the window's read workers."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import sqlite_utils

from cache.search import fts_match_expression, like_condition, query_terms
from domains.documents.content import staged_from_ref
from domains.listing import Block

__all__ = [
    "DocumentQuery",
    "DocumentRow",
    "DocumentSource",
    "FolderRow",
    "KeptOffline",
    "PersonChoice",
    "ShareRow",
    "block_with_plan",
    "content_in_use",
    "count_documents",
    "document_record",
    "documents_block",
    "folder_tree",
    "inbox",
    "kept_records",
    "names_in_folder",
    "people_matching",
    "sent",
    "unread_count",
    "walks_sort_index",
]

SORT_COLUMNS = ("title", "content_type", "author", "version_no", "size", "updated_at")
"""The list's columns, in order: the SQL each sorts by (``_ORDER``)."""
_ORDER = {
    "title": "d.sort_key",
    "content_type": "d.content_type",
    "author": "coalesce(p.sort_key, '')",
    "version_no": "d.version_no",
    "size": "d.size",
    "updated_at": "d.updated_at",
}


@dataclass(frozen=True)
class FolderRow:
    id: str
    name: str
    parent_id: str | None
    access: str  # ministry | department | restricted
    department_id: str | None


def folder_tree(db: sqlite_utils.Database) -> list[FolderRow]:
    """Every folder the user may see, parents before children, by name."""
    rows = db.conn.execute(
        "SELECT id, name, parent_id, access, department_id FROM folders ORDER BY sort_key, id"
    ).fetchall()
    folders = [FolderRow(*row) for row in rows]
    known = {f.id for f in folders}
    ordered: list[FolderRow] = []
    placed: set[str] = set()
    children: dict[str | None, list[FolderRow]] = {}
    for folder in folders:
        parent = folder.parent_id if folder.parent_id in known else None
        children.setdefault(parent, []).append(folder)
    stack = list(reversed(children.get(None, [])))
    while stack:
        folder = stack.pop()
        if folder.id in placed:
            continue
        placed.add(folder.id)
        ordered.append(folder)
        stack.extend(reversed(children.get(folder.id, [])))
    return ordered


@dataclass(frozen=True)
class DocumentQuery:
    """A folder's documents (``folder_id``; None: all folders) matching ``text`` (title,
    description, tags, file name, author; folded the Azerbaijani way), sorted."""

    folder_id: str | None = None
    text: str = ""
    sort: str = "title"
    descending: bool = False
    kept: KeptOffline | None = None
    """Only the documents kept offline (the "Kept offline" view)."""


@dataclass(frozen=True)
class KeptOffline:
    """What the user keeps offline: single documents, and whole folders (new documents
    in them follow)."""

    documents: frozenset[str] = frozenset()
    folders: frozenset[str] = frozenset()

    def condition(self) -> tuple[str, list[Any]]:
        ids, folders = sorted(self.documents), sorted(self.folders)
        marks = ", ".join("?" * len(ids)) or "NULL"
        folder_marks = ", ".join("?" * len(folders)) or "NULL"
        return f"(d.id IN ({marks}) OR d.folder_id IN ({folder_marks}))", [*ids, *folders]


@dataclass(frozen=True)
class DocumentRow:
    id: str
    title: str
    filename: str
    content_type: str
    author_name: str
    version_no: int
    size: int
    updated_at: str
    folder_id: str
    sha256: str
    sync_state: str


def _where(query: DocumentQuery, *, walk: bool = False) -> tuple[str, list[Any]]:
    """The query's condition. ``walk``: for a walk of the sort index (LIKE on the
    folded ``search_text`` the index holds: the walk stops at the block's end); else
    through the FTS index (a count, a folder's rows)."""
    conditions, params = ["1"], []
    if query.folder_id is not None:
        conditions.append("d.folder_id = ?")
        params.append(query.folder_id)
    if query.kept is not None:
        kept, kept_params = query.kept.condition()
        conditions.append(kept)
        params += kept_params
    for term in query_terms(query.text):
        # The document's own words (LIKE is exactly the FTS prefix match); the author's:
        # the people whose name matches, through their FTS index.
        if walk:
            own, patterns = like_condition([term], "d.search_text")
        else:
            own = "d.rid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)"
            patterns = [fts_match_expression([term])]
        authors = "rid IN (SELECT rowid FROM people_fts WHERE people_fts MATCH ?)"
        names = [fts_match_expression([term])]
        conditions.append(f"({own} OR d.author_id IN (SELECT id FROM people WHERE {authors}))")
        params += [*patterns, *names]
    return " AND ".join(conditions), params


_SELECT = (
    "SELECT d.id, d.title, d.filename, d.content_type, coalesce(p.full_name, ''), "
    "d.version_no, d.size, d.updated_at, d.folder_id, d.sha256, d.sync_state "
    "FROM documents AS d LEFT JOIN people AS p ON p.id = d.author_id"
)


def count_documents(db: sqlite_utils.Database, query: DocumentQuery) -> int:
    where, params = _where(query)
    sql = f"SELECT count(*) FROM documents AS d WHERE {where}"
    return int(db.conn.execute(sql, params).fetchone()[0])


WALK_FRACTION = 20
"""A search whose own words match at least 1/20 of the documents is broad: its first
rows come from a walk of the sort index (the walk meets a match every ~20 rows at worst,
so a block of 200 costs a few thousand index entries, and it stops there)."""


def walks_sort_index(db: sqlite_utils.Database, query: DocumentQuery, limit: int = 200) -> bool:
    """Whether ``documents_block`` walks the title order (``documents_sort``: sort key
    and the folded words, LIKE on the entry) rather than gathering every FTS match and
    sorting them. Only a broad search of all folders by title: a folder, the kept view
    and the other orders are small or have their own index; a narrow search is cheaper
    through FTS (a walk would read the whole index to find a handful). Broadness is
    counted through FTS, stopping at the bound, so asking costs little."""
    terms = query_terms(query.text)
    if not terms or query.folder_id is not None or query.kept is not None:
        return False
    if query.sort != "title":
        return False
    total = db.conn.execute("SELECT max(rid) FROM documents").fetchone()[0] or 0
    bound = max(limit, total // WALK_FRACTION)
    hits = db.conn.execute(
        "SELECT count(*) FROM (SELECT 1 FROM documents_fts WHERE documents_fts MATCH ? LIMIT ?)",
        (fts_match_expression(terms), bound),
    ).fetchone()[0]
    return bool(hits >= bound)


def documents_block(
    db: sqlite_utils.Database, query: DocumentQuery, start: int, limit: int
) -> list[DocumentRow]:
    """A block of the list in its order. A broad search of all folders walks the title
    index (``walks_sort_index``); everything else, and a narrow search, goes through FTS.
    Both give the same rows in the same order (tests/domains/documents/test_queries.py)."""
    return block_with_plan(db, query, start, limit, walk=walks_sort_index(db, query, limit))


def block_with_plan(
    db: sqlite_utils.Database, query: DocumentQuery, start: int, limit: int, *, walk: bool
) -> list[DocumentRow]:
    """``documents_block`` with its plan chosen by the caller (the bench's anchor and the
    test comparing both plans' answers); ``walk`` with a condition the folder or kept view
    adds is still right, only slower."""
    where, params = _where(query, walk=walk)
    order = _ORDER.get(query.sort, _ORDER["title"])
    direction = "DESC" if query.descending else "ASC"
    select = _SELECT.replace("AS d ", "AS d INDEXED BY documents_sort ", 1) if walk else _SELECT
    rows = db.conn.execute(
        f"{select} WHERE {where} ORDER BY {order} {direction}, d.id {direction} LIMIT ? OFFSET ?",
        (*params, limit, start),
    ).fetchall()
    return [DocumentRow(*row) for row in rows]


class DocumentSource:
    """The lazy table's ``RowSource`` over documents (by position: a folder holds
    thousands at most, and the offset walks the index, not the encrypted rows)."""

    collections = frozenset({"documents", "people"})

    def count(self, db: sqlite_utils.Database, query: DocumentQuery) -> int:
        return count_documents(db, query)

    def block(
        self,
        db: sqlite_utils.Database,
        query: DocumentQuery,
        start: int,
        limit: int,
        after: object | None,
    ) -> Block[DocumentRow]:
        rows = documents_block(db, query, start, limit)
        return Block(rows, start + len(rows) if len(rows) == limit else None)

    def rows_by_id(self, db: sqlite_utils.Database, ids: Sequence[str]) -> list[DocumentRow]:
        if not ids:
            return []
        marks = ", ".join("?" * len(ids))
        rows = db.conn.execute(f"{_SELECT} WHERE d.id IN ({marks})", list(ids)).fetchall()
        by_id = {row[0]: DocumentRow(*row) for row in rows}
        return [by_id[i] for i in ids if i in by_id]

    def row_id(self, row: DocumentRow) -> str:
        return row.id

    def sorted(self, query: DocumentQuery, column: int, descending: bool) -> DocumentQuery | None:
        if not 0 <= column < len(SORT_COLUMNS):
            return None
        return replace(query, sort=SORT_COLUMNS[column], descending=descending)


def document_record(db: sqlite_utils.Database, document_id: str) -> dict[str, Any] | None:
    """The whole record as stored (optimistic values included), with its ``sync_state``,
    ``sync_error`` and, in a conflict, the server's side (``conflict``)."""
    row = db.conn.execute(
        "SELECT record, sync_state, sync_error, conflict FROM documents WHERE id = ?",
        (document_id,),
    ).fetchone()
    if row is None:
        return None
    record: dict[str, Any] = json.loads(row[0])
    record["sync_state"] = row[1]
    record["sync_error"] = row[2]
    record["conflict"] = None if row[3] is None else json.loads(row[3])
    record["names"] = _names_of(db, _people_named(record))
    record["refused_change"] = _refused_change(db, document_id) if row[1] == "error" else None
    return record


REFUSED_VERSION, REFUSED_DETAILS, REFUSED_CHECKOUT = "version", "details", "checkout"


def _refused_change(db: sqlite_utils.Database, document_id: str) -> str | None:
    """Which queued change of the document the server refused for good: a new version,
    its details (PATCH) or a check-out; None for another kind (an upload, a share)."""
    row = db.conn.execute(
        "SELECT method, path FROM outbox WHERE collection = 'documents' AND record_id = ? "
        "AND state = 'error' ORDER BY id LIMIT 1",
        (document_id,),
    ).fetchone()
    if row is None:
        return None
    method, path = str(row[0]), str(row[1])
    if method == "PATCH":
        return REFUSED_DETAILS
    if path.endswith("/versions"):
        return REFUSED_VERSION
    if path.endswith("/checkout"):
        return REFUSED_CHECKOUT
    return None


def _people_named(record: dict[str, Any]) -> set[str]:
    """The people a document's details name: its author and who uploaded its current
    version, the check-out holder (also on the server's side of a conflict or refusal),
    the maker of a conflict copy."""
    ids: set[str] = set()
    for side in (record, record.get("conflict") or {}):
        for field in ("author_id", "version_uploaded_by"):
            if isinstance(side.get(field), str) and side[field]:
                ids.add(side[field])
        checkout = side.get("checkout")
        if isinstance(checkout, dict) and checkout.get("by"):
            ids.add(str(checkout["by"]))
    conflict_of = record.get("conflict_of")
    if isinstance(conflict_of, dict) and conflict_of.get("made_by"):
        ids.add(str(conflict_of["made_by"]))
    return ids


def _names_of(db: sqlite_utils.Database, ids: set[str]) -> dict[str, str]:
    if not ids:
        return {}
    marks = ",".join("?" for _ in ids)
    rows = db.conn.execute(
        f"SELECT id, full_name FROM people WHERE id IN ({marks})",
        sorted(ids),
    ).fetchall()
    return {str(r[0]): str(r[1] or r[0]) for r in rows}


def names_in_folder(
    db: sqlite_utils.Database, folder_id: str, except_id: str | None = None
) -> list[str]:
    """The file names already in a folder (a new name may not clash with one)."""
    rows = db.conn.execute(
        "SELECT filename FROM documents WHERE folder_id = ? AND id IS NOT ?",
        (folder_id, except_id),
    ).fetchall()
    return [row[0] for row in rows]


@dataclass(frozen=True)
class ShareRow:
    id: str
    document_id: str
    document_title: str
    person_name: str  # the sender in the inbox, the recipient in "sent"
    message: str
    sent_at: str
    read_at: str | None
    sync_state: str


def _shares(db: sqlite_utils.Database, mine: str, other: str, user_id: str) -> list[ShareRow]:
    rows = db.conn.execute(
        "SELECT s.id, s.document_id, coalesce(d.title, ''), coalesce(p.full_name, ''), "
        "s.record ->> '$.message', s.sent_at, s.read_at, s.sync_state "
        "FROM shares AS s LEFT JOIN documents AS d ON d.id = s.document_id "
        f"LEFT JOIN people AS p ON p.id = s.{other} WHERE s.{mine} = ? "
        "ORDER BY s.sent_at DESC, s.id",
        (user_id,),
    ).fetchall()
    return [ShareRow(*row) for row in rows]


def inbox(db: sqlite_utils.Database, user_id: str) -> list[ShareRow]:
    """Documents sent to the user, newest first."""
    return _shares(db, "to_id", "from_id", user_id)


def sent(db: sqlite_utils.Database, user_id: str) -> list[ShareRow]:
    """Documents the user sent, newest first (``read_at``: the acknowledgement)."""
    return _shares(db, "from_id", "to_id", user_id)


def unread_count(db: sqlite_utils.Database, user_id: str) -> int:
    return int(
        db.conn.execute(
            "SELECT count(*) FROM shares WHERE to_id = ? AND read_at IS NULL", (user_id,)
        ).fetchone()[0]
    )


@dataclass(frozen=True)
class PersonChoice:
    id: str
    full_name: str
    position: str


def people_matching(db: sqlite_utils.Database, text: str, limit: int = 20) -> list[PersonChoice]:
    """The "Send to…" picker: people whose name (folded) starts with every word typed."""
    terms = query_terms(text)
    if not terms:
        return []
    rows = db.conn.execute(
        "SELECT id, coalesce(full_name, ''), coalesce(record ->> '$.position', '') FROM people "
        "WHERE rid IN (SELECT rowid FROM people_fts WHERE people_fts MATCH ?) "
        "ORDER BY sort_key, id LIMIT ?",
        (fts_match_expression(terms), limit),
    ).fetchall()
    return [PersonChoice(*row) for row in rows]


def content_in_use(db: sqlite_utils.Database) -> tuple[set[str], set[str]]:
    """(the SHA-256s of the documents in the cache, those of uploads still queued): what
    the content store must keep."""
    documents = {row[0] for row in db.conn.execute("SELECT DISTINCT sha256 FROM documents")}
    queued: set[str] = set()
    for (ref,) in db.conn.execute("SELECT content_ref FROM outbox WHERE content_ref IS NOT NULL"):
        try:
            queued.add(staged_from_ref(str(ref)).sha256)
        except (ValueError, KeyError):
            continue
    return documents, queued


def kept_records(db: sqlite_utils.Database, kept: KeptOffline) -> list[dict[str, Any]]:
    """The records of every document kept offline (to download what is missing), in a
    stable order: single documents first, then by title (what fits the policy's limit
    first is kept first)."""
    condition, params = kept.condition()
    ids = sorted(kept.documents)
    marks = ", ".join("?" * len(ids)) or "NULL"
    rows = db.conn.execute(
        f"SELECT d.record FROM documents AS d WHERE {condition} AND d.id NOT LIKE 'local-%' "
        f"ORDER BY d.id NOT IN ({marks}), d.sort_key, d.id",
        [*params, *ids],
    ).fetchall()
    return [json.loads(row[0]) for row in rows]


def refused_by_checkout(record: dict[str, Any]) -> dict[str, Any] | None:
    """The lock that made the server refuse this record's queued change (423
    ``checked_out``: a version, its details, a check-out; ``refused_change`` says which):
    the server's side holds who has it and since when. None otherwise."""
    if record.get("sync_state") != "error":
        return None
    if not str(record.get("sync_error") or "").startswith("423 checked_out"):
        return None
    for side in (record.get("conflict") or {}, record):
        checkout = side.get("checkout")
        if isinstance(checkout, dict) and checkout.get("by"):
            return dict(checkout)
    return {}


def queued_upload_of(db: sqlite_utils.Database, sha256: str) -> tuple[str, str] | None:
    """(collection, record id) of the queued upload carrying this content: what "Cancel"
    on a running upload withdraws."""
    row = db.conn.execute(
        "SELECT collection, record_id FROM outbox WHERE content_ref IS NOT NULL "
        "AND json_extract(content_ref, '$.sha256') = ? ORDER BY id DESC LIMIT 1",
        (sha256,),
    ).fetchone()
    return None if row is None or row[1] is None else (str(row[0]), str(row[1]))
