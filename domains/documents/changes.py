"""How a queued change of the documents reads in "Changes waiting": "Upload of <title>",
"New version of <title>", "Details of <title>: title, tags", "<title> sent to <name>",
"<title> marked as read"."""

from __future__ import annotations

import json

import sqlite_utils

from cache.outbox import OutboxEntry
from domains.changes import ChangeDescription

__all__ = ["describe_document_change", "describe_share_change"]


def _value(db: sqlite_utils.Database, table: str, record_id: str | None, field: str) -> str:
    if record_id is None:
        return ""
    row = db.conn.execute(f"SELECT record FROM {table} WHERE id = ?", (record_id,)).fetchone()
    if row is None:
        return record_id
    return str(json.loads(row[0]).get(field) or record_id)


def describe_document_change(db: sqlite_utils.Database, entry: OutboxEntry) -> ChangeDescription:
    title = _value(db, "documents", entry.record_id, "title")
    if entry.method == "PATCH":
        body = entry.body if isinstance(entry.body, dict) else {}
        return ChangeDescription("document_details", title, tuple(sorted(body)))
    if entry.path.endswith("/versions"):
        return ChangeDescription("document_version", title)
    return ChangeDescription("document_upload", title)


def describe_share_change(db: sqlite_utils.Database, entry: OutboxEntry) -> ChangeDescription:
    row = db.conn.execute("SELECT record FROM shares WHERE id = ?", (entry.record_id,)).fetchone()
    share = {} if row is None else json.loads(row[0])
    title = _value(db, "documents", share.get("document_id"), "title")
    if entry.path.endswith("/read"):
        return ChangeDescription("share_read", title)
    recipient = _value(db, "people", share.get("to_id"), "full_name")
    return ChangeDescription("share_sent", title, (recipient,) if recipient else ())
