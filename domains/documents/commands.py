"""The Documents tab's local writes: upload, new version, metadata, send to a colleague,
mark as read, and "keep both" after a version conflict.

Each checks its input as the server would (docs/api.md, "Uploads and downloads"), so
that a name Windows cannot hold or the server would refuse is refused before anything is
queued, with the reason, also offline. Uploads carry the staged (encrypted) file as the
outbox entry's ``content_ref``; the sync opens it when it sends the request.
"""

from __future__ import annotations

import json
import secrets
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import quote

import sqlite_utils

from domains.command import CommandRefused, FieldProblem, LocalWrite
from domains.documents.content import StagedFile, staged_from_ref

__all__ = [
    "CHECKOUT_HOURS_SHOWN",
    "MAX_FILENAME_BYTES",
    "MAX_FILENAME_CHARS",
    "CheckIn",
    "CheckOut",
    "MarkShareRead",
    "SendDocument",
    "UpdateMetadata",
    "UploadConflictCopy",
    "UploadDocument",
    "UploadVersion",
    "active_checkout",
    "conflicted_upload",
    "filename_problem",
    "windows_name_key",
]

MAX_FILENAME_CHARS, MAX_FILENAME_BYTES = 200, 255
TITLE_MAX_CHARS, DESCRIPTION_MAX_CHARS, TAG_MAX_CHARS, MAX_TAGS = 300, 5000, 50, 20
MESSAGE_MAX_CHARS = 2000
_FORBIDDEN_CHARS = frozenset('/\\:*?"<>|')
_RESERVED_STEMS = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"COM{i}" for i in [*"123456789", "¹", "²", "³"]}
    | {f"LPT{i}" for i in [*"123456789", "¹", "²", "³"]}
)
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_UPLOADERS_OF_MINISTRY_FOLDERS = frozenset({"department_head", "admin"})


def _unsafe(text: str, *, multiline: bool = False) -> bool:
    return any(
        c in _BIDI
        or ((ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F) and not (multiline and c in "\t\r\n"))
        for c in text
    )


def filename_problem(name: str) -> FieldProblem | None:
    """Why the server or Windows would refuse ``name`` (the server's ``check_filename``):
    ``empty``, ``too_long``, ``invalid_characters``, ``forbidden_characters``,
    ``edge`` (leading or trailing space, trailing dot, ``.``/``..``), ``reserved``."""
    name = unicodedata.normalize("NFC", name)
    if not name:
        return FieldProblem("filename", "empty")
    if len(name) > MAX_FILENAME_CHARS or len(name.encode("utf-8")) > MAX_FILENAME_BYTES:
        return FieldProblem("filename", "too_long", MAX_FILENAME_CHARS)
    if _unsafe(name):
        return FieldProblem("filename", "invalid_characters")
    if any(c in _FORBIDDEN_CHARS for c in name):
        return FieldProblem("filename", "forbidden_characters")
    if name in (".", "..") or name != name.strip() or name.endswith("."):
        return FieldProblem("filename", "edge")
    if name.split(".", 1)[0].rstrip(" ").upper() in _RESERVED_STEMS:
        return FieldProblem("filename", "reserved")
    return None


def windows_name_key(name: str) -> str:
    """A name as Windows compares names in a folder: each character upper-cased on its
    own, without the locale (NTFS's upcase table), so ``ı`` and ``i`` both become ``I``
    while ``İ`` stays itself: ``İdarə.pdf`` and ``idarə.pdf`` are two files."""
    name = unicodedata.normalize("NFC", name)
    return "".join(upper if len(upper := c.upper()) == 1 else c for c in name)


def _title_problems(title: str) -> list[FieldProblem]:
    if not title:
        return [FieldProblem("title", "empty")]
    if len(title) > TITLE_MAX_CHARS:
        return [FieldProblem("title", "too_long", TITLE_MAX_CHARS)]
    if _unsafe(title):
        return [FieldProblem("title", "invalid_characters")]
    return []


def _description_problems(description: str) -> list[FieldProblem]:
    if len(description) > DESCRIPTION_MAX_CHARS:
        return [FieldProblem("description", "too_long", DESCRIPTION_MAX_CHARS)]
    if _unsafe(description, multiline=True):
        return [FieldProblem("description", "invalid_characters")]
    return []


def _tags_problems(tags: Sequence[str]) -> list[FieldProblem]:
    if len(tags) > MAX_TAGS:
        return [FieldProblem("tags", "too_many", MAX_TAGS)]
    for tag in tags:
        if not tag or len(tag) > TAG_MAX_CHARS:
            return [FieldProblem("tags", "too_long", TAG_MAX_CHARS)]
        if _unsafe(tag):
            return [FieldProblem("tags", "invalid_characters")]
    return []


def _clean_tags(tags: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(t.strip() for t in tags if t.strip()))


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _folder(db: sqlite_utils.Database, folder_id: str) -> tuple[str, str] | None:
    row = db.conn.execute("SELECT id, access FROM folders WHERE id = ?", (folder_id,)).fetchone()
    return None if row is None else (str(row[0]), str(row[1]))


def _may_add(access: str, user: Mapping[str, Any]) -> bool:
    roles = set(user.get("roles") or ())
    return access != "ministry" or bool(roles & _UPLOADERS_OF_MINISTRY_FOLDERS)


def _clashing(db: sqlite_utils.Database, folder_id: str, name: str, except_id: str | None) -> bool:
    key = windows_name_key(name)
    rows = db.conn.execute(
        "SELECT filename FROM documents WHERE folder_id = ? AND id IS NOT ?",
        (folder_id, except_id),
    ).fetchall()
    return any(windows_name_key(row[0]) == key for row in rows)


def _file_problems(
    db: sqlite_utils.Database,
    folder_id: str,
    staged: StagedFile,
    max_bytes: int | None,
    except_id: str | None,
) -> list[FieldProblem]:
    problem = filename_problem(staged.filename)
    if problem is not None:
        return [problem]
    if max_bytes is not None and staged.size > max_bytes:
        return [FieldProblem("file", "too_large", max_bytes // (1024 * 1024))]
    if _clashing(db, folder_id, staged.filename, except_id):
        return [FieldProblem("filename", "taken")]
    return []


CHECKOUT_HOURS_SHOWN = 8
"""The optimistic lock's end until the server's answer brings the one it set."""


def active_checkout(
    record: Mapping[str, Any], now: datetime | None = None
) -> dict[str, Any] | None:
    """The document's check-out lock while it is in force (the server ends it by itself
    at ``expires_at``); None when nobody holds it."""
    checkout = record.get("checkout")
    if not isinstance(checkout, dict) or not checkout.get("by"):
        return None
    try:
        expires = datetime.fromisoformat(str(checkout.get("expires_at")))
    except ValueError:
        return dict(checkout)
    if expires.tzinfo is None:
        expires = expires.replace(tzinfo=UTC)
    return dict(checkout) if expires > (now or datetime.now(UTC)) else None


def _held_by_other(record: Mapping[str, Any], user: Mapping[str, Any]) -> bool:
    checkout = active_checkout(record)
    return checkout is not None and str(checkout["by"]) != str(user.get("id") or "")


def _document(db: sqlite_utils.Database, document_id: str) -> tuple[int, dict[str, Any]] | None:
    row = db.conn.execute(
        "SELECT version, record FROM documents WHERE id = ?", (document_id,)
    ).fetchone()
    return None if row is None else (int(row[0]), json.loads(row[1]))


@dataclass(frozen=True)
class UploadDocument:
    """A new document in a folder, from a staged file. Refused: ``folder gone`` or
    ``forbidden`` (a ministry-wide folder takes uploads from heads and admins only), the
    file name's problems (``filename_problem``, ``taken``: a name in the folder equal the
    Windows way), ``file too_large`` (``max_bytes``, known before sending), the title's,
    the description's and the tags'."""

    folder_id: str
    staged: StagedFile
    title: str
    user: Mapping[str, Any]
    description: str = ""
    tags: tuple[str, ...] = ()
    max_bytes: int | None = None
    local_id: str = field(default_factory=lambda: f"local-doc-{secrets.token_hex(8)}")

    def plan(self, db: sqlite_utils.Database) -> LocalWrite:
        title, tags = self.title.strip(), _clean_tags(self.tags)
        folder = _folder(db, self.folder_id)
        if folder is None:
            raise CommandRefused([FieldProblem("folder", "gone")])
        if not _may_add(folder[1], self.user):
            raise CommandRefused([FieldProblem("folder", "forbidden")])
        problems = _file_problems(db, self.folder_id, self.staged, self.max_bytes, None)
        problems += _title_problems(title)
        problems += _description_problems(self.description)
        problems += _tags_problems(tags)
        if problems:
            raise CommandRefused(problems)
        metadata = {
            "folder_id": self.folder_id,
            "title": title,
            "description": self.description,
            "tags": tags,
        }
        now = _now()
        record = {
            "id": self.local_id,
            "updated_at": now,
            **metadata,
            "filename": unicodedata.normalize("NFC", self.staged.filename),
            "content_type": self.staged.content_type,
            "size": self.staged.size,
            "sha256": self.staged.sha256,
            "version_no": 1,
            "author_id": str(self.user.get("id") or "") or None,
            "created_at": now,
        }
        return LocalWrite(
            collection="documents",
            record=record,
            method="POST",
            path="/documents",
            body={"metadata": json.dumps(metadata, ensure_ascii=False, sort_keys=True)},
            if_match=None,
            content_ref=self.staged.ref,
        )


@dataclass(frozen=True)
class UploadVersion:
    """A new version of a document from a staged file (If-Match: the version shown).
    Refused: ``document gone``, ``forbidden``, the file name's problems, ``too_large``,
    ``unchanged`` (the same bytes as the current version), ``document checked_out``
    (someone else holds it checked out: only they upload versions until they check in)."""

    document_id: str
    staged: StagedFile
    user: Mapping[str, Any]
    max_bytes: int | None = None

    def plan(self, db: sqlite_utils.Database) -> LocalWrite:
        found = _document(db, self.document_id)
        if found is None:
            raise CommandRefused([FieldProblem("document", "gone")])
        version, current = found
        folder = _folder(db, str(current["folder_id"]))
        if folder is None or not _may_add(folder[1], self.user):
            raise CommandRefused([FieldProblem("document", "forbidden")])
        problems = _file_problems(
            db, folder[0], self.staged, self.max_bytes, except_id=self.document_id
        )
        if problems:
            raise CommandRefused(problems)
        if self.staged.sha256 == current.get("sha256"):
            raise CommandRefused([FieldProblem("file", "unchanged")])
        if _held_by_other(current, self.user):
            raise CommandRefused([FieldProblem("document", "checked_out")])
        record = {
            **current,
            "filename": unicodedata.normalize("NFC", self.staged.filename),
            "content_type": self.staged.content_type,
            "size": self.staged.size,
            "sha256": self.staged.sha256,
            "version_no": int(current.get("version_no") or 0) + 1,
            "updated_at": _now(),
        }
        return LocalWrite(
            collection="documents",
            record=record,
            method="POST",
            path=f"/documents/{quote(self.document_id, safe='')}/versions",
            body=None,
            if_match=version,
            content_ref=self.staged.ref,
        )


@dataclass(frozen=True)
class UpdateMetadata:
    """Title, description and tags (None: leave as it is), with If-Match. Refused:
    ``document gone``, ``document checked_out`` (someone else holds it: only they, or an
    administrator, change it until they check it in; ``user``: who asks, None leaves it
    to the server), the fields' problems, ``unchanged``."""

    document_id: str
    title: str | None = None
    description: str | None = None
    tags: tuple[str, ...] | None = None
    user: Mapping[str, Any] | None = None

    def plan(self, db: sqlite_utils.Database) -> LocalWrite:
        found = _document(db, self.document_id)
        if found is None:
            raise CommandRefused([FieldProblem("document", "gone")])
        version, current = found
        user = self.user  # None: the server decides
        is_admin = user is not None and "admin" in (user.get("roles") or ())
        if user is not None and not is_admin and _held_by_other(current, user):
            raise CommandRefused([FieldProblem("document", "checked_out")])
        changes: dict[str, Any] = {}
        problems: list[FieldProblem] = []
        if self.title is not None:
            changes["title"] = self.title.strip()
            problems += _title_problems(changes["title"])
        if self.description is not None:
            changes["description"] = self.description
            problems += _description_problems(self.description)
        if self.tags is not None:
            changes["tags"] = _clean_tags(self.tags)
            problems += _tags_problems(changes["tags"])
        if problems:
            raise CommandRefused(problems)
        changes = {k: v for k, v in changes.items() if current.get(k) != v}
        if not changes:
            raise CommandRefused([FieldProblem("document", "unchanged")])
        return LocalWrite(
            collection="documents",
            record={**current, **changes},
            method="PATCH",
            path=f"/documents/{quote(self.document_id, safe='')}",
            body=changes,
            if_match=version,
        )


@dataclass(frozen=True)
class SendDocument:
    """ "Send to…": one document to one colleague with a note (one queued share per
    recipient: each settles with its own server record). Refused: ``recipient empty``
    (to nobody), ``recipient self``, ``recipient gone`` (not in the directory),
    ``document gone`` (not one the user can see), the message's problems."""

    document_id: str
    to_id: str
    message: str
    user: Mapping[str, Any]
    local_id: str = field(default_factory=lambda: f"local-share-{secrets.token_hex(8)}")

    def plan(self, db: sqlite_utils.Database) -> LocalWrite:
        problems: list[FieldProblem] = []
        me = str(self.user.get("id") or "")
        if not self.to_id:
            problems.append(FieldProblem("recipient", "empty"))
        elif self.to_id == me:
            problems.append(FieldProblem("recipient", "self"))
        elif db.conn.execute("SELECT 1 FROM people WHERE id = ?", (self.to_id,)).fetchone() is None:
            problems.append(FieldProblem("recipient", "gone"))
        if _document(db, self.document_id) is None or self.document_id.startswith("local-"):
            problems.append(FieldProblem("document", "gone"))
        if len(self.message) > MESSAGE_MAX_CHARS:
            problems.append(FieldProblem("message", "too_long", MESSAGE_MAX_CHARS))
        elif _unsafe(self.message, multiline=True):
            problems.append(FieldProblem("message", "invalid_characters"))
        if problems:
            raise CommandRefused(problems)
        record = {
            "id": self.local_id,
            "updated_at": _now(),
            "document_id": self.document_id,
            "from_id": me,
            "to_id": self.to_id,
            "message": self.message,
            "sent_at": _now(),
            "read_at": None,
        }
        return LocalWrite(
            collection="shares",
            record=record,
            method="POST",
            path="/shares",
            body={"document_id": self.document_id, "to_ids": [self.to_id], "message": self.message},
            if_match=None,
        )


@dataclass(frozen=True)
class MarkShareRead:
    """ "Mark as read" on an inbox item (offline too; the sender then sees it read).
    Refused: ``share gone``, ``forbidden`` (not sent to this user), ``unchanged``."""

    share_id: str
    user: Mapping[str, Any]

    def plan(self, db: sqlite_utils.Database) -> LocalWrite:
        row = db.conn.execute("SELECT record FROM shares WHERE id = ?", (self.share_id,)).fetchone()
        if row is None:
            raise CommandRefused([FieldProblem("share", "gone")])
        current = json.loads(row[0])
        if str(current.get("to_id")) != str(self.user.get("id")):
            raise CommandRefused([FieldProblem("share", "forbidden")])
        if current.get("read_at"):
            raise CommandRefused([FieldProblem("share", "unchanged")])
        return LocalWrite(
            collection="shares",
            record={**current, "read_at": _now()},
            method="POST",
            path=f"/shares/{quote(self.share_id, safe='')}/read",
            body=None,
            if_match=None,
        )


def conflicted_upload(db: sqlite_utils.Database, document_id: str) -> StagedFile | None:
    """The user's file of a new version the server refused as stale (412): what "keep
    both" uploads as a conflicted copy."""
    row = db.conn.execute(
        "SELECT content_ref FROM outbox WHERE collection = 'documents' AND record_id = ? "
        "AND content_ref IS NOT NULL ORDER BY id DESC LIMIT 1",
        (document_id,),
    ).fetchone()
    return None if row is None else staged_from_ref(str(row[0]))


def conflicted_copy_name(filename: str, who: str, when: datetime) -> str:
    """``Hesabat (conflicted copy 2026-11-30 Rəşad).pdf``: beside the original, never
    over it, within the name limits."""
    stem, dot, extension = filename.rpartition(".")
    if not dot or not stem:
        stem, extension = filename, ""
    tail = f" (conflicted copy {when:%Y-%m-%d %H%M} {who})".replace(":", "")
    for bad in _FORBIDDEN_CHARS:
        tail = tail.replace(bad, "")
    suffix = f".{extension}" if extension else ""
    room = MAX_FILENAME_CHARS - len(tail) - len(suffix)
    return f"{stem[: max(room, 1)].rstrip(' .')}{tail}{suffix}"


@dataclass(frozen=True)
class UploadConflictCopy:
    """ "Keep both": the user's file of a stale version goes to the server as a conflict
    copy (``POST /documents/{id}/conflict-copies``): a new document beside the original
    that everyone with access sees, whose ``conflict_of`` record says which version it
    was based on and who made it. Refused ``file same_content`` when its bytes are the
    server's current version (no copy is made: nothing would be kept)."""

    document_id: str
    staged: StagedFile
    based_on_version: int
    user: Mapping[str, Any]
    local_id: str = field(default_factory=lambda: f"local-doc-{secrets.token_hex(8)}")

    def plan(self, db: sqlite_utils.Database) -> LocalWrite:
        found = _document(db, self.document_id)
        if found is None:
            raise CommandRefused([FieldProblem("document", "gone")])
        _version, server = found
        if server.get("sha256") == self.staged.sha256:
            raise CommandRefused([FieldProblem("file", "same_content")])
        who = str(self.user.get("display_name") or self.user.get("username") or "")
        now = datetime.now(UTC)
        name = conflicted_copy_name(self.staged.filename, who, now)
        for number in range(2, 100):  # two copies in one minute: a number, not a refusal
            if not _clashing(db, str(server["folder_id"]), name, None):
                break
            name = conflicted_copy_name(self.staged.filename, f"{who} {number}", now)
        suffix = " (conflicted copy)"
        write = UploadDocument(
            folder_id=str(server["folder_id"]),
            staged=self.staged.renamed(name),
            title=str(server.get("title", ""))[: TITLE_MAX_CHARS - len(suffix)] + suffix,
            user=self.user,
            description=str(server.get("description") or ""),
            tags=tuple(server.get("tags") or ()),
            local_id=self.local_id,
        ).plan(db)
        conflict_of = {
            "document_id": self.document_id,
            "based_on_version_no": self.based_on_version,
            "made_by": str(self.user.get("id") or ""),
            "made_at": now.replace(microsecond=0).isoformat(),
        }
        return replace(
            write,
            record={**write.record, "conflict_of": conflict_of},
            path=f"/documents/{quote(self.document_id, safe='')}/conflict-copies",
            body={"metadata": json.dumps({"based_on_version_no": self.based_on_version})},
        )


@dataclass(frozen=True)
class CheckOut:
    """ "Check out for editing": others see who holds it and since when, and cannot
    upload a version until it is checked in (or the server's timeout ends it). Queued like
    any write (offline too). Refused: ``document gone``, ``forbidden`` (a folder the user
    may not add to), ``checked_out`` (someone else holds it), ``unchanged`` (already
    yours), ``local`` (not on the server yet)."""

    document_id: str
    user: Mapping[str, Any]

    def plan(self, db: sqlite_utils.Database) -> LocalWrite:
        found = _document(db, self.document_id)
        if found is None:
            raise CommandRefused([FieldProblem("document", "gone")])
        version, current = found
        if self.document_id.startswith("local-"):
            raise CommandRefused([FieldProblem("document", "local")])
        folder = _folder(db, str(current["folder_id"]))
        if folder is None or not _may_add(folder[1], self.user):
            raise CommandRefused([FieldProblem("document", "forbidden")])
        if _held_by_other(current, self.user):
            raise CommandRefused([FieldProblem("document", "checked_out")])
        if active_checkout(current) is not None:
            raise CommandRefused([FieldProblem("document", "unchanged")])
        now = datetime.now(UTC).replace(microsecond=0)
        checkout = {
            "by": str(self.user.get("id") or ""),
            "at": now.isoformat(),
            "expires_at": (now + timedelta(hours=CHECKOUT_HOURS_SHOWN)).isoformat(),
        }
        return LocalWrite(
            collection="documents",
            record={**current, "checkout": checkout, "updated_at": _now()},
            method="POST",
            path=f"/documents/{quote(self.document_id, safe='')}/checkout",
            body=None,
            if_match=version,
        )


@dataclass(frozen=True)
class CheckIn:
    """ "Check in": release the lock, by its holder or an administrator. Refused:
    ``document gone``, ``unchanged`` (not checked out), ``forbidden`` (someone else holds
    it and the user is no administrator)."""

    document_id: str
    user: Mapping[str, Any]

    def plan(self, db: sqlite_utils.Database) -> LocalWrite:
        found = _document(db, self.document_id)
        if found is None:
            raise CommandRefused([FieldProblem("document", "gone")])
        version, current = found
        if not current.get("checkout"):
            raise CommandRefused([FieldProblem("document", "unchanged")])
        is_admin = "admin" in (self.user.get("roles") or ())
        if _held_by_other(current, self.user) and not is_admin:
            raise CommandRefused([FieldProblem("document", "forbidden")])
        return LocalWrite(
            collection="documents",
            record={**current, "checkout": None, "updated_at": _now()},
            method="DELETE",
            path=f"/documents/{quote(self.document_id, safe='')}/checkout",
            body=None,
            if_match=version,
        )
